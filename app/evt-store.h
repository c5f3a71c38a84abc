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
#define EVT_STORE_SCHEMA_VERSION 5

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
void        evt_store_verify_async       (EvtStore            *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    evt_store_verify_finish      (EvtStore            *self,
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
EvtEvent   *evt_store_try_get_event      (EvtStore            *self,
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

/*
 * The answer of a query as a list of events shows it, compact: per event its id and
 * the fields of the list's columns and tooltips (uid, title, kind, status and its
 * reason, dates and time zone, original dates, venue, city, country, sectors), in
 * one block of memory, never changed once made (any thread may read it). A
 * hundred thousand events take some 20 MB instead of the 150 MB of EvtEvent objects.
 * evt_event_rows_make_event() makes the EvtEvent of one row with those fields only:
 * whatever edits or exports an event reads it in full with evt_store_get_event().
 */
typedef struct _EvtEventRows EvtEventRows;

GType         evt_event_rows_get_type        (void) G_GNUC_CONST;
EvtEventRows *evt_store_query_rows           (EvtStore            *self,
                                              const EvtQuery      *query,
                                              GCancellable        *cancellable,
                                              GError             **error);
GPtrArray    *evt_store_query_cancellable    (EvtStore            *self,
                                              const EvtQuery      *query,
                                              GCancellable        *cancellable,
                                              GError             **error);
EvtEventRows *evt_event_rows_new             (void);
EvtEventRows *evt_event_rows_ref             (EvtEventRows        *rows);
void          evt_event_rows_unref           (EvtEventRows        *rows);
guint         evt_event_rows_get_n_rows      (EvtEventRows        *rows);
gint64        evt_event_rows_get_id          (EvtEventRows        *rows,
                                              guint                position);
guint64       evt_event_rows_get_fingerprint (EvtEventRows        *rows,
                                              guint                position);
gboolean      evt_event_rows_find            (EvtEventRows        *rows,
                                              gint64               id,
                                              guint               *position);
EvtEvent     *evt_event_rows_make_event      (EvtEventRows        *rows,
                                              guint                position);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvtEventRows, evt_event_rows_unref)

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
