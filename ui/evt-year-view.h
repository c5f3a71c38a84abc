/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-year-view.h: the whole year at a glance, one row per month, events as bars. */
#pragma once

#include <gtk/gtk.h>

#include "evt-event.h"

G_BEGIN_DECLS

#define EVT_TYPE_YEAR_VIEW (evt_year_view_get_type ())
G_DECLARE_FINAL_TYPE (EvtYearView, evt_year_view, EVT, YEAR_VIEW, GtkWidget)

/*
 * The view draws the events of "model" (a GListModel of EvtEvent, any order) that
 * touch "year", and redraws when the model reports items-changed; it does not watch
 * the events themselves, so a changed event must come back through the model. Its
 * height grows with the busiest days: put it in a GtkScrolledWindow.
 * "event-activated" is emitted with the event clicked, or the focused one on Enter.
 */
GtkWidget  *evt_year_view_new                (void);
int         evt_year_view_get_year           (EvtYearView *self);
void        evt_year_view_set_year           (EvtYearView *self,
                                              int          year);
GListModel *evt_year_view_get_model          (EvtYearView *self);
void        evt_year_view_set_model          (EvtYearView *self,
                                              GListModel  *model);
void        evt_year_view_set_sector_colours (EvtYearView *self,
                                              GHashTable  *slug_to_rgba_string);
EvtEvent   *evt_year_view_get_focused_event  (EvtYearView *self);
gboolean    evt_year_view_focus_event        (EvtYearView *self,
                                              EvtEvent    *event);
gboolean    evt_year_view_get_month_bounds   (EvtYearView *self,
                                              int          month,
                                              double      *y,
                                              double      *height);

G_END_DECLS
