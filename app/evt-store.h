/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-store.h: the SQLite file that keeps events, sectors and their history. */
#pragma once

#include <gio/gio.h>

#include "evt-event.h"
#include "evt-query.h"
#include "evt-sector.h"

G_BEGIN_DECLS

#define EVT_STORE_ERROR (evt_store_error_quark ())
GQuark evt_store_error_quark (void);
const char *evt_store_error_get_field (const GError *error);

typedef enum
{
  EVT_STORE_ERROR_OPEN,        /* cannot open or create the file */
  EVT_STORE_ERROR_NOT_DATABASE,/* not SQLite, or corrupt: left untouched */
  EVT_STORE_ERROR_TOO_NEW,     /* written by a newer Eventail */
  EVT_STORE_ERROR_INVALID,     /* a field was refused by validation */
  EVT_STORE_ERROR_NOT_FOUND,   /* no such event or sector */
  EVT_STORE_ERROR_CONSTRAINT,  /* duplicate uid, sector in use... */
  EVT_STORE_ERROR_FAILED,      /* any other SQLite failure */
} EvtStoreError;

/* Schema version written in PRAGMA user_version. */
#define EVT_STORE_SCHEMA_VERSION 4

#define EVT_TYPE_STORE (evt_store_get_type ())
G_DECLARE_FINAL_TYPE (EvtStore, evt_store, EVT, STORE, GObject)

char       *evt_store_get_default_path   (void);
char       *evt_store_resolve_path       (const char          *explicit_path);

EvtStore   *evt_store_new                (const char          *path);
const char *evt_store_get_path           (EvtStore            *self);
gboolean    evt_store_open               (EvtStore            *self,
                                          GCancellable        *cancellable,
                                          GError             **error);
void        evt_store_open_async         (EvtStore            *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    evt_store_open_finish        (EvtStore            *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* Writes. Each is one transaction of its own, unless called between
 * evt_store_begin() and evt_store_commit()/evt_store_rollback() in the same thread,
 * where it joins that transaction. "changed" is emitted after the commit. */
gboolean    evt_store_begin              (EvtStore            *self,
                                          GError             **error);
gboolean    evt_store_commit             (EvtStore            *self,
                                          GError             **error);
void        evt_store_rollback           (EvtStore            *self);

gboolean    evt_store_validate_event     (EvtStore            *self,
                                          EvtEvent            *event,
                                          GError             **error);
gboolean    evt_store_insert_event       (EvtStore            *self,
                                          EvtEvent            *event,
                                          GError             **error);
gboolean    evt_store_update_event       (EvtStore            *self,
                                          EvtEvent            *event,
                                          GError             **error);
gboolean    evt_store_delete_event       (EvtStore            *self,
                                          gint64               id,
                                          GError             **error);

/* Reads. */
EvtEvent   *evt_store_get_event          (EvtStore            *self,
                                          gint64               id,
                                          GError             **error);
EvtEvent   *evt_store_get_event_by_uid   (EvtStore            *self,
                                          const char          *uid,
                                          GError             **error);
EvtEvent   *evt_store_get_occurrence     (EvtStore            *self,
                                          const char          *uid,
                                          const char          *recurrence_id,
                                          GError             **error);
EvtEvent   *evt_store_lookup_event       (EvtStore            *self,
                                          const char          *id_or_uid,
                                          GError             **error);
GPtrArray  *evt_store_query              (EvtStore            *self,
                                          const EvtQuery      *query,
                                          GError             **error);
void        evt_store_query_async        (EvtStore            *self,
                                          const EvtQuery      *query,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GPtrArray  *evt_store_query_finish       (EvtStore            *self,
                                          GAsyncResult        *result,
                                          GError             **error);
gint64      evt_store_count_events       (EvtStore            *self,
                                          GError             **error);

/* Sectors. */
GPtrArray  *evt_store_list_sectors       (EvtStore            *self,
                                          GError             **error);
EvtSector  *evt_store_get_sector         (EvtStore            *self,
                                          const char          *slug,
                                          GError             **error);
gboolean    evt_store_save_sector        (EvtStore            *self,
                                          const EvtSector     *sector,
                                          GError             **error);
gboolean    evt_store_remove_sector      (EvtStore            *self,
                                          const char          *slug,
                                          GError             **error);

G_END_DECLS
