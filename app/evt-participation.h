/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-participation.h: an organisation or a person taking part in an event. */
#pragma once

#include <glib-object.h>

#include "evt-people-types.h"

G_BEGIN_DECLS

#define EVT_TYPE_PARTICIPATION (evt_participation_get_type ())
G_DECLARE_FINAL_TYPE (EvtParticipation, evt_participation, EVT, PARTICIPATION, GObject)

/*
 * Who: an organisation as a whole (person-id 0), or a person, with the
 * organisation they represent (organisation-id, 0 if none). An event has at most
 * one participation per (organisation, person) pair.
 * "organisation-name", "person-name", "member", "event-title" and "event-start"
 * are read from the store, for display. Setters only change the object;
 * evt_people_save_participation() validates and saves it.
 */
EvtParticipation     *evt_participation_new                   (gint64                 event_id);

gint64                evt_participation_get_id                (EvtParticipation      *self);
gint64                evt_participation_get_event_id          (EvtParticipation      *self);
void                  evt_participation_set_event_id          (EvtParticipation      *self,
                                                               gint64                 event_id);
gint64                evt_participation_get_organisation_id   (EvtParticipation      *self);
void                  evt_participation_set_organisation_id   (EvtParticipation      *self,
                                                               gint64                 id);
const char           *evt_participation_get_organisation_name (EvtParticipation      *self);
gint64                evt_participation_get_person_id         (EvtParticipation      *self);
void                  evt_participation_set_person_id         (EvtParticipation      *self,
                                                               gint64                 person_id);
const char           *evt_participation_get_person_name       (EvtParticipation      *self);
gboolean              evt_participation_get_member            (EvtParticipation      *self);
EvtRole               evt_participation_get_role              (EvtParticipation      *self);
void                  evt_participation_set_role              (EvtParticipation      *self,
                                                               EvtRole                role);
EvtParticipationState evt_participation_get_state             (EvtParticipation      *self);
void                  evt_participation_set_state             (EvtParticipation      *self,
                                                               EvtParticipationState  state);
const char           *evt_participation_get_note              (EvtParticipation      *self);
void                  evt_participation_set_note              (EvtParticipation      *self,
                                                               const char            *note);
const char           *evt_participation_get_event_title       (EvtParticipation      *self);
const char           *evt_participation_get_event_start       (EvtParticipation      *self);
char                 *evt_participation_dup_display_name      (EvtParticipation      *self);

G_END_DECLS
