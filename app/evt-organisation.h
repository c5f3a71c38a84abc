/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-organisation.h: a member company, partner, laboratory, school or institution. */
#pragma once

#include <glib-object.h>

#include "evt-people-types.h"

G_BEGIN_DECLS

#define EVT_TYPE_ORGANISATION (evt_organisation_get_type ())
G_DECLARE_FINAL_TYPE (EvtOrganisation, evt_organisation, EVT, ORGANISATION, GObject)

/*
 * "normalised-name" follows "name" (evt_normalise_name()): two organisations may
 * not share it. "sector" is a sector slug (see EvtSector) or NULL. "n-events" is the
 * number of events the organisation (or one of its people) takes part in, as read
 * from the store. Empty strings are kept as NULL.
 * Setters only change the object; evt_people_save_organisation() validates and
 * saves it.
 */
EvtOrganisation     *evt_organisation_new                 (const char          *name);
EvtOrganisation     *evt_organisation_copy                (EvtOrganisation     *self);

gint64               evt_organisation_get_id              (EvtOrganisation     *self);
const char          *evt_organisation_get_name            (EvtOrganisation     *self);
void                 evt_organisation_set_name            (EvtOrganisation     *self,
                                                           const char          *name);
const char          *evt_organisation_get_normalised_name (EvtOrganisation     *self);
EvtOrganisationKind  evt_organisation_get_kind            (EvtOrganisation     *self);
void                 evt_organisation_set_kind            (EvtOrganisation     *self,
                                                           EvtOrganisationKind  kind);
gboolean             evt_organisation_get_member          (EvtOrganisation     *self);
void                 evt_organisation_set_member          (EvtOrganisation     *self,
                                                           gboolean             member);
const char          *evt_organisation_get_sector          (EvtOrganisation     *self);
void                 evt_organisation_set_sector          (EvtOrganisation     *self,
                                                           const char          *sector);
const char          *evt_organisation_get_city            (EvtOrganisation     *self);
void                 evt_organisation_set_city            (EvtOrganisation     *self,
                                                           const char          *city);
const char          *evt_organisation_get_email           (EvtOrganisation     *self);
void                 evt_organisation_set_email           (EvtOrganisation     *self,
                                                           const char          *email);
const char          *evt_organisation_get_phone           (EvtOrganisation     *self);
void                 evt_organisation_set_phone           (EvtOrganisation     *self,
                                                           const char          *phone);
const char          *evt_organisation_get_notes           (EvtOrganisation     *self);
void                 evt_organisation_set_notes           (EvtOrganisation     *self,
                                                           const char          *notes);
guint                evt_organisation_get_n_events        (EvtOrganisation     *self);

G_END_DECLS
