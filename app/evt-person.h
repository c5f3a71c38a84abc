/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-person.h: a person: staff of the cluster, or someone from an organisation. */
#pragma once

#include <glib-object.h>

#include "evt-people-types.h"

G_BEGIN_DECLS

#define EVT_TYPE_PERSON (evt_person_get_type ())
G_DECLARE_FINAL_TYPE (EvtPerson, evt_person, EVT, PERSON, GObject)

/*
 * "organisation-id" is 0 for a person of no organisation (the cluster's own staff
 * usually). "organisation-name" and "n-events" are read from the store. Empty
 * strings are kept as NULL. Setters only change the object;
 * evt_people_save_person() validates and saves it.
 */
EvtPerson  *evt_person_new                    (const char *name);

gint64      evt_person_get_id                 (EvtPerson  *self);
const char *evt_person_get_name               (EvtPerson  *self);
void        evt_person_set_name               (EvtPerson  *self,
                                               const char *name);
const char *evt_person_get_normalised_name    (EvtPerson  *self);
gint64      evt_person_get_organisation_id    (EvtPerson  *self);
void        evt_person_set_organisation_id    (EvtPerson  *self,
                                               gint64      organisation_id);
const char *evt_person_get_organisation_name  (EvtPerson  *self);
const char *evt_person_get_job_title          (EvtPerson  *self);
void        evt_person_set_job_title          (EvtPerson  *self,
                                               const char *job_title);
const char *evt_person_get_email              (EvtPerson  *self);
void        evt_person_set_email              (EvtPerson  *self,
                                               const char *email);
const char *evt_person_get_phone              (EvtPerson  *self);
void        evt_person_set_phone              (EvtPerson  *self,
                                               const char *phone);
guint       evt_person_get_n_events           (EvtPerson  *self);

G_END_DECLS
