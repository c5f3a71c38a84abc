/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-feed-editor-private.h: what the display tests reach in the feed editor. */
#pragma once

#include "evt-feed-editor.h"

G_BEGIN_DECLS

GtkEditable *evt_feed_editor_get_name_editable (EvtFeedEditor *self);
GtkWidget   *evt_feed_editor_get_save_button   (EvtFeedEditor *self);
const char  *evt_feed_editor_get_error         (EvtFeedEditor *self);
void         evt_feed_editor_set_range         (EvtFeedEditor *self,
                                                EvtFeedRange   range,
                                                int            from,
                                                int            to);
void         evt_feed_editor_set_status_active (EvtFeedEditor *self,
                                                int            status,
                                                gboolean       active);

G_END_DECLS
