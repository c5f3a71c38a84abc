/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-followups-view.h: the leads whose follow-up day has come, each opening its event. */
#pragma once

#include <adwaita.h>

#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_TYPE_FOLLOWUPS_VIEW (evt_followups_view_get_type ())
G_DECLARE_FINAL_TYPE (EvtFollowupsView, evt_followups_view, EVT, FOLLOWUPS_VIEW, GtkWidget)

/*
 * A page for the main window: the open leads whose follow-up day is today or past,
 * the latest first to catch up, read in a worker thread whenever the store changes
 * and when the view shows. "n-due" counts them, for a badge in the header or on the
 * view switcher (AdwViewStackPage:badge-number). Activating a lead emits
 * "event-activated" with its event's id.
 */
GtkWidget *evt_followups_view_new       (void);
void       evt_followups_view_set_store (EvtFollowupsView *self,
                                         EvtStore         *store);
EvtStore  *evt_followups_view_get_store (EvtFollowupsView *self);
guint      evt_followups_view_get_n_due (EvtFollowupsView *self);
void       evt_followups_view_reload    (EvtFollowupsView *self);

/* For the display test. */
gboolean   evt_followups_view_is_busy   (EvtFollowupsView *self);
GtkWidget *evt_followups_view_get_row   (EvtFollowupsView *self,
                                         guint             index);
const char *evt_followups_view_get_page (EvtFollowupsView *self);

G_END_DECLS
