/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-feed-editor.h: the page of preferences where one feed is set up, saved and written. */
#pragma once

#include <adwaita.h>

#include "evt-feed.h"

G_BEGIN_DECLS

#define EVT_TYPE_FEED_EDITOR (evt_feed_editor_get_type ())
G_DECLARE_FINAL_TYPE (EvtFeedEditor, evt_feed_editor, EVT, FEED_EDITOR, AdwBin)

GtkWidget *evt_feed_editor_new        (EvtStore      *store,
                                       EvtFeed       *feed,
                                       GPtrArray     *sectors,
                                       const char    *folder);
EvtFeed   *evt_feed_editor_get_feed   (EvtFeedEditor *self);
gboolean   evt_feed_editor_get_busy   (EvtFeedEditor *self);
gboolean   evt_feed_editor_get_dirty  (EvtFeedEditor *self);
void       evt_feed_editor_save       (EvtFeedEditor *self,
                                       gboolean       then_close);

G_END_DECLS
