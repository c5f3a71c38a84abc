/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-event-row.h: one event in the year's list: dates, title, place, status. */
#pragma once

#include <gtk/gtk.h>

#include "evt-event.h"

G_BEGIN_DECLS

#define EVT_TYPE_EVENT_ROW (evt_event_row_get_type ())
G_DECLARE_FINAL_TYPE (EvtEventRow, evt_event_row, EVT, EVENT_ROW, GtkListBoxRow)

GtkWidget  *evt_event_row_new         (EvtEvent    *event,
                                       GHashTable  *sectors);
EvtEvent   *evt_event_row_get_event   (EvtEventRow *self);
void        evt_event_row_set_sectors (EvtEventRow *self,
                                       GHashTable  *sectors);
const char *evt_event_row_get_title   (EvtEventRow *self);
const char *evt_event_row_get_details (EvtEventRow *self);
const char *evt_event_row_get_note    (EvtEventRow *self);

G_END_DECLS
