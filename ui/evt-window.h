/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-window.h: the main window: the year, list and agenda views, and the event page. */
#pragma once

#include <adwaita.h>

#include "evt-event-list.h"
#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_WINDOW_MIN_YEAR 1000
#define EVT_WINDOW_MAX_YEAR 9999

/* The year the sample data is mostly about. */
#define EVT_WINDOW_SAMPLE_YEAR 2021

#define EVT_TYPE_WINDOW (evt_window_get_type ())
G_DECLARE_FINAL_TYPE (EvtWindow, evt_window, EVT, WINDOW, AdwApplicationWindow)

EvtWindow *evt_window_new        (GtkApplication *application,
                                  int             year);
EvtStore  *evt_window_get_store  (EvtWindow      *self);
gboolean   evt_window_get_year_shown (EvtWindow  *self);
void       evt_window_set_store  (EvtWindow      *self,
                                  EvtStore       *store);
void       evt_window_set_store_full (EvtWindow    *self,
                                      EvtStore     *store,
                                      EvtEventList *events);
void       evt_window_show_error (EvtWindow      *self,
                                  const char     *path,
                                  const GError   *error);
int        evt_window_get_year   (EvtWindow      *self);
void       evt_window_set_year   (EvtWindow      *self,
                                  int             year);
const char *evt_window_get_view  (EvtWindow      *self);
void       evt_window_set_view   (EvtWindow      *self,
                                  const char     *view);
AdwToastOverlay *evt_window_get_toast_overlay (EvtWindow *self);
void       evt_window_add_banner (EvtWindow      *self,
                                  GtkWidget      *banner);

G_END_DECLS
