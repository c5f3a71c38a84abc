/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-agenda-view.h: the year's events in one boxed list per month. */
#pragma once

#include <adwaita.h>

#include "evt-event-list.h"

G_BEGIN_DECLS

#define EVT_TYPE_AGENDA_VIEW (evt_agenda_view_get_type ())
G_DECLARE_FINAL_TYPE (EvtAgendaView, evt_agenda_view, EVT, AGENDA_VIEW, GtkWidget)

/*
 * A page for the main window: the events of an EvtEventList of one year, under their
 * months (an event running over New Year under January or December), then those whose
 * date is to be announced. One event is selected across the months ("selected", kept
 * by id when the list reads its events anew); activating a row emits "event-activated",
 * a right click or a long press pops up the menu model over its row.
 *
 * A row is a widget with wrapping labels, slow to make: the window gives the view its
 * events only while it shows.
 */
GtkWidget  *evt_agenda_view_new            (void);
void        evt_agenda_view_set_events     (EvtAgendaView *self,
                                            EvtEventList  *events);
void        evt_agenda_view_set_sectors    (EvtAgendaView *self,
                                            GHashTable    *sectors);
void        evt_agenda_view_set_menu_model (EvtAgendaView *self,
                                            GMenuModel    *menu);
void        evt_agenda_view_set_empty_year (EvtAgendaView *self,
                                            int            year);
EvtEvent   *evt_agenda_view_get_selected   (EvtAgendaView *self);
gboolean    evt_agenda_view_select_event   (EvtAgendaView *self,
                                            EvtEvent      *event);
void        evt_agenda_view_scroll_to_top  (EvtAgendaView *self);
GPtrArray  *evt_agenda_view_get_rows       (EvtAgendaView *self);

G_END_DECLS
