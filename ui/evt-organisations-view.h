/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-organisations-view.h: the member companies, partners and laboratories, searchable. */
#pragma once

#include <adwaita.h>

#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_TYPE_ORGANISATIONS_VIEW (evt_organisations_view_get_type ())
G_DECLARE_FINAL_TYPE (EvtOrganisationsView, evt_organisations_view,
                      EVT, ORGANISATIONS_VIEW, GtkWidget)

/*
 * A page for the main window: every organisation (name, member badge, kind, sector
 * dot, city, number of events it took part in during "year"), searched through the
 * core as one types. Enter or a double click opens its details: its people and the
 * events it took part in; activating an event there emits "event-activated" with
 * the event's id. The actions "organisations.import" (a CSV member list),
 * "organisations.export" (CSV) and "organisations.merge" (the two organisations
 * selected) run in worker threads and say what they did in the view's toasts.
 */
GtkWidget *evt_organisations_view_new       (void);
EvtStore  *evt_organisations_view_get_store (EvtOrganisationsView *self);
void       evt_organisations_view_set_store (EvtOrganisationsView *self,
                                             EvtStore             *store);
int        evt_organisations_view_get_year  (EvtOrganisationsView *self);
void       evt_organisations_view_set_year  (EvtOrganisationsView *self,
                                             int                   year);
void       evt_organisations_view_focus_search (EvtOrganisationsView *self);

G_END_DECLS
