/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-list-view-private.h: what the display test and the benchmark reach inside the list. */
#pragma once

#include "evt-event-list.h"
#include "evt-list-view.h"

G_BEGIN_DECLS

typedef enum
{
  EVT_LIST_COLUMN_DATES,
  EVT_LIST_COLUMN_TITLE,
  EVT_LIST_COLUMN_KIND,
  EVT_LIST_COLUMN_CITY,
  EVT_LIST_COLUMN_SECTORS,
  EVT_LIST_COLUMN_STATUS,
  EVT_LIST_N_COLUMNS
} EvtListColumn;

/* The filters, as the filter bar sets them. */
void                  evt_list_view_set_search_text (EvtListView   *self,
                                                     const char    *text);
void                  evt_list_view_set_statuses    (EvtListView   *self,
                                                     guint          mask);
void                  evt_list_view_set_kinds       (EvtListView   *self,
                                                     guint          mask);
void                  evt_list_view_set_sectors     (EvtListView   *self,
                                                     const char * const *slugs);
gboolean              evt_list_view_has_filters     (EvtListView   *self);

EvtEventList         *evt_list_view_get_event_list  (EvtListView   *self);
/* The events in the order shown (the column view's items are rows that show them):
 * the view's compact EvtEventList, items made when asked for with the list's fields
 * only; an empty model before a store is set. */
GListModel           *evt_list_view_get_model       (EvtListView   *self);
GtkColumnView        *evt_list_view_get_column_view (EvtListView   *self);
GtkColumnViewColumn  *evt_list_view_get_column      (EvtListView   *self,
                                                     EvtListColumn  column);
GtkWidget            *evt_list_view_get_search_entry (EvtListView  *self);
const char           *evt_list_view_get_count_text  (EvtListView   *self);
const char           *evt_list_view_get_page        (EvtListView   *self);
gboolean              evt_list_view_is_busy         (EvtListView   *self);

G_END_DECLS
