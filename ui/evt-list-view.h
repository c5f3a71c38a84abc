/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-list-view.h: every event in a sortable, filterable, searchable table. */
#pragma once

#include <gtk/gtk.h>

#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_TYPE_LIST_VIEW (evt_list_view_get_type ())
G_DECLARE_FINAL_TYPE (EvtListView, evt_list_view, EVT, LIST_VIEW, GtkWidget)

/*
 * The view reads "store" through an EvtEventList: filters (status, kind, sector,
 * search text) and the year go into the store's query, which runs in a worker
 * thread; the column view sorts what comes back incrementally, so the UI thread
 * never waits for either.
 * "year" is the year the window shows, 0 for none; "all-years" is the filter bar's
 * toggle between that year and every year (it has no effect when "year" is 0).
 * "selected" is the selected event, kept across reloads by its id.
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
