/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-preferences-window.h: the default time zone, the feed folder, the feeds, the sectors. */
#pragma once

#include <adwaita.h>

#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_TYPE_PREFERENCES_WINDOW (evt_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (EvtPreferencesWindow, evt_preferences_window, EVT, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

EvtPreferencesWindow *evt_preferences_window_new      (GtkWindow            *parent,
                                                       EvtStore             *store);
EvtStore             *evt_preferences_window_get_store (EvtPreferencesWindow *self);

G_END_DECLS
