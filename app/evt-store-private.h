/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-store-private.h: what other core modules (feeds, import) need of the store. */
#pragma once

#include <sqlite3.h>

#include "evt-store.h"

G_BEGIN_DECLS

/* The connection, for modules of app/ that keep their own tables (feeds,
 * participants...). Call it only while holding the store's lock: between
 * evt_store_begin() and evt_store_commit()/evt_store_rollback(), which also
 * makes the work one transaction. Use prepared statements only. */
sqlite3  *evt_store_get_db          (EvtStore    *self);

/* Sets @error from the connection's last error, prefixed with @what. */
void      evt_store_set_sqlite_error (EvtStore   *self,
                                      const char *what,
                                      GError    **error);

/* Marks the open transaction as having changed events, so that "changed" is
 * emitted after the commit. */
void      evt_store_mark_changed    (EvtStore    *self);

/* The plan SQLite makes to read @query's events (EXPLAIN QUERY PLAN, a step a line):
 * tests check with it that queries use the indexes meant for them. */
char     *evt_store_explain_query   (EvtStore       *self,
                                      const EvtQuery *query,
                                      GError        **error);

G_END_DECLS
