/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-preferences-window-private.h: what the display tests reach in the preferences. */
#pragma once

#include "evt-feed-editor.h"
#include "evt-preferences-window.h"

G_BEGIN_DECLS

gboolean       evt_preferences_window_get_busy                (EvtPreferencesWindow *self);
GPtrArray     *evt_preferences_window_get_sector_slugs        (EvtPreferencesWindow *self);
GtkWidget     *evt_preferences_window_get_sector_row          (EvtPreferencesWindow *self,
                                                               const char           *slug);
GtkWidget     *evt_preferences_window_get_sector_colour_button (EvtPreferencesWindow *self,
                                                                const char           *slug);
GtkWidget     *evt_preferences_window_get_sector_remove_button (EvtPreferencesWindow *self,
                                                                const char           *slug);
AdwEntryRow   *evt_preferences_window_get_new_sector_row      (EvtPreferencesWindow *self);
guint          evt_preferences_window_get_n_feed_rows         (EvtPreferencesWindow *self);
EvtFeedEditor *evt_preferences_window_get_editor              (EvtPreferencesWindow *self);
AdwComboRow   *evt_preferences_window_get_timezone_row        (EvtPreferencesWindow *self);
const char    *evt_preferences_window_get_folder              (EvtPreferencesWindow *self);
void           evt_preferences_window_set_folder              (EvtPreferencesWindow *self,
                                                               const char           *folder);
const char    *evt_preferences_window_get_last_toast          (EvtPreferencesWindow *self);

G_END_DECLS
