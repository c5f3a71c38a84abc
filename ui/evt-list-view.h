/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-list-view.h: every event in a sortable, filterable, searchable table. */
#pragma once

#include <gtk/gtk.h>

#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_TYPE_LIST_VIEW (evt_list_view_get_type ())
G_DECLARE_FINAL_TYPE (EvtListView, evt_list_view, EVT, LIST_VIEW, GtkWidget)

/*
 * The view reads "store" through a compact EvtEventList: filters (status, kind,
 * sector, search text), the year and the order chosen in the column headers go into
 * the store's query, which runs in a worker thread (a query superseded by the next
 * is stopped); the UI thread swaps the sorted answer in and makes objects for the
 * rows on screen only, so it never waits nor works in proportion to the events.
 * "year" is the year the window shows, 0 for none; "all-years" is the filter bar's
 * toggle between that year and every year (it has no effect when "year" is 0).
 * "selected" is the selected event, read in full from the store (at once if the
 * store is free, else in a worker thread, evt_list_view_is_busy() meanwhile), kept
 * across reloads by its id. "event-activated" gives the event in full too.
 * "event-activated" is emitted on Enter or a double click on a row.
 * The action "list-view.focus-search" (Ctrl+F) focuses the search entry; typing
 * anywhere in the view starts a search.
 */
GtkWidget *evt_list_view_new           (void);
EvtStore  *evt_list_view_get_store     (EvtListView *self);
void       evt_list_view_set_store     (EvtListView *self,
                                        EvtStore    *store);
int        evt_list_view_get_year      (EvtListView *self);
void       evt_list_view_set_year      (EvtListView *self,
                                        int          year);
gboolean   evt_list_view_get_all_years (EvtListView *self);
void       evt_list_view_set_all_years (EvtListView *self,
                                        gboolean     all_years);
EvtEvent  *evt_list_view_get_selected  (EvtListView *self);
void       evt_list_view_clear_filters (EvtListView *self);

G_END_DECLS
