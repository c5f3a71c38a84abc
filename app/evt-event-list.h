/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-event-list.h: a GListModel of the events matching a query, kept current. */
#pragma once

#include <gio/gio.h>

#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_TYPE_EVENT_LIST (evt_event_list_get_type ())
G_DECLARE_FINAL_TYPE (EvtEventList, evt_event_list, EVT, EVENT_LIST, GObject)

/*
 * Items are EvtEvent, in the query's order (by start by default). The list queries
 * the store in a worker thread whenever the query is set or the store reports a
 * change, and replaces its items when the answer arrives; "loading" is TRUE meanwhile. The "error"
 * property holds the message of the last failed load, or NULL.
 */
EvtEventList   *evt_event_list_new         (EvtStore       *store);
EvtStore       *evt_event_list_get_store   (EvtEventList   *self);
const EvtQuery *evt_event_list_get_query   (EvtEventList   *self);
void            evt_event_list_set_query   (EvtEventList   *self,
                                            const EvtQuery *query);
gboolean        evt_event_list_get_loading (EvtEventList   *self);
const char     *evt_event_list_get_error   (EvtEventList   *self);
void            evt_event_list_reload      (EvtEventList   *self);

/* Compact lists, for many events (the List view): items are made when asked for,
 * with the fields of a list only; read the full event by id from the store to edit it. */
EvtEventList   *evt_event_list_new_compact (EvtStore       *store);
gboolean        evt_event_list_get_compact (EvtEventList   *self);
gint64          evt_event_list_get_id      (EvtEventList   *self,
                                            guint           position);
guint64         evt_event_list_get_fingerprint (EvtEventList *self,
                                                guint         position);
gboolean        evt_event_list_find        (EvtEventList   *self,
                                            gint64          id,
                                            guint          *position);

G_END_DECLS
