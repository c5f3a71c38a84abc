/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-people-columns.h: participant and lead counts as two columns of the list of events. */
#pragma once

#include <gtk/gtk.h>

#include "evt-people.h"

G_BEGIN_DECLS

#define EVT_TYPE_PEOPLE_COLUMNS (evt_people_columns_get_type ())
G_DECLARE_FINAL_TYPE (EvtPeopleColumns, evt_people_columns, EVT, PEOPLE_COLUMNS, GObject)

/*
 * Appends "Participants" and "Leads" to a GtkColumnView whose items are events, or
 * objects with an "event" property (the list view's rows). The counts of every event
 * come from evt_people_summarise_events() (two queries), read in a worker thread
 * when the store is set and whenever it changes; the cells follow. Sorting by these
 * columns is the list's, done by the store. The column view must be alive as long
 * as this object.
 */
EvtPeopleColumns      *evt_people_columns_new        (GtkColumnView    *column_view);
void                   evt_people_columns_set_store  (EvtPeopleColumns *self,
                                                      EvtStore         *store);
GtkColumnViewColumn   *evt_people_columns_get_participants_column (EvtPeopleColumns *self);
GtkColumnViewColumn   *evt_people_columns_get_leads_column        (EvtPeopleColumns *self);
const EvtEventSummary *evt_people_columns_lookup     (EvtPeopleColumns *self,
                                                      gint64            event_id);
gboolean               evt_people_columns_is_busy    (EvtPeopleColumns *self);

G_END_DECLS
