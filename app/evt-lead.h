/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-lead.h: a business lead met at an event, and its follow-up. */
#pragma once

#include <glib-object.h>

#include "evt-people-types.h"

G_BEGIN_DECLS

#define EVT_TYPE_LEAD (evt_lead_get_type ())
G_DECLARE_FINAL_TYPE (EvtLead, evt_lead, EVT, LEAD, GObject)

/*
 * "organisation-name" is the name as typed: a prospect need not be in the
 * directory. When "organisation-id" links it to an organisation of the directory,
 * the store reads that organisation's current name into it.
 * "follow-up" is a day, "YYYY-MM-DD", or NULL. "event-title" is read from the
 * store. Setters only change the object; evt_people_save_lead() validates and
 * saves it.
 */
EvtLead      *evt_lead_new                   (gint64        event_id);

gint64        evt_lead_get_id                (EvtLead      *self);
gint64        evt_lead_get_event_id          (EvtLead      *self);
void          evt_lead_set_event_id          (EvtLead      *self,
                                              gint64        event_id);
gint64        evt_lead_get_organisation_id   (EvtLead      *self);
void          evt_lead_set_organisation_id   (EvtLead      *self,
                                              gint64        organisation_id);
const char   *evt_lead_get_organisation_name (EvtLead      *self);
void          evt_lead_set_organisation_name (EvtLead      *self,
                                              const char   *organisation_name);
const char   *evt_lead_get_contact           (EvtLead      *self);
void          evt_lead_set_contact           (EvtLead      *self,
                                              const char   *contact);
const char   *evt_lead_get_subject           (EvtLead      *self);
void          evt_lead_set_subject           (EvtLead      *self,
                                              const char   *subject);
const char   *evt_lead_get_next_step         (EvtLead      *self);
void          evt_lead_set_next_step         (EvtLead      *self,
                                              const char   *next_step);
const char   *evt_lead_get_follow_up         (EvtLead      *self);
void          evt_lead_set_follow_up         (EvtLead      *self,
                                              const char   *follow_up);
EvtLeadState  evt_lead_get_state             (EvtLead      *self);
void          evt_lead_set_state             (EvtLead      *self,
                                              EvtLeadState  state);
const char   *evt_lead_get_event_title       (EvtLead      *self);
gboolean      evt_lead_is_due                (EvtLead      *self,
                                              const GDate  *today);

G_END_DECLS
