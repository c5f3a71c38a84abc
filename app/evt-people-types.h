/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-people-types.h: the closed vocabularies of participants and outcomes. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* As in evt-types.h, the nick of each value ("co-exhibitor", "no-show") is the
 * stable identifier used in the database, the command line, CSV and JSON. */
typedef enum
{
  EVT_ORGANISATION_KIND_COMPANY,
  EVT_ORGANISATION_KIND_PARTNER,
  EVT_ORGANISATION_KIND_LAB,
  EVT_ORGANISATION_KIND_SCHOOL,
  EVT_ORGANISATION_KIND_INSTITUTION,
} EvtOrganisationKind;

typedef enum
{
  EVT_ROLE_STAFF,
  EVT_ROLE_EXHIBITOR,
  EVT_ROLE_CO_EXHIBITOR,
  EVT_ROLE_SPEAKER,
  EVT_ROLE_VISITOR,
  EVT_ROLE_CO_ORGANISER,
} EvtRole;

typedef enum
{
  EVT_PARTICIPATION_STATE_INVITED,
  EVT_PARTICIPATION_STATE_REGISTERED,
  EVT_PARTICIPATION_STATE_CONFIRMED,
  EVT_PARTICIPATION_STATE_ATTENDED,
  EVT_PARTICIPATION_STATE_NO_SHOW,
  EVT_PARTICIPATION_STATE_CANCELLED,
} EvtParticipationState;

typedef enum
{
  EVT_LEAD_STATE_OPEN,
  EVT_LEAD_STATE_WON,
  EVT_LEAD_STATE_LOST,
} EvtLeadState;

typedef enum
{
  EVT_COST_STAND,
  EVT_COST_TRAVEL,
  EVT_COST_ACCOMMODATION,
  EVT_COST_COMMUNICATION,
  EVT_COST_OTHER,
} EvtCostCategory;

#define EVT_N_ORGANISATION_KINDS    (EVT_ORGANISATION_KIND_INSTITUTION + 1)
#define EVT_N_ROLES                 (EVT_ROLE_CO_ORGANISER + 1)
#define EVT_N_PARTICIPATION_STATES  (EVT_PARTICIPATION_STATE_CANCELLED + 1)
#define EVT_N_LEAD_STATES           (EVT_LEAD_STATE_LOST + 1)
#define EVT_N_COST_CATEGORIES       (EVT_COST_OTHER + 1)

const char *evt_organisation_kind_to_string   (EvtOrganisationKind    kind);
gboolean    evt_organisation_kind_from_string (const char            *str,
                                               EvtOrganisationKind   *kind);
const char *evt_organisation_kind_get_label   (EvtOrganisationKind    kind);

const char *evt_role_to_string                (EvtRole                role);
gboolean    evt_role_from_string              (const char            *str,
                                               EvtRole               *role);
const char *evt_role_get_label                (EvtRole                role);

const char *evt_participation_state_to_string   (EvtParticipationState  state);
gboolean    evt_participation_state_from_string (const char            *str,
                                                 EvtParticipationState *state);
const char *evt_participation_state_get_label   (EvtParticipationState  state);
const char *evt_participation_state_to_partstat (EvtParticipationState  state);

const char *evt_lead_state_to_string          (EvtLeadState           state);
gboolean    evt_lead_state_from_string        (const char            *str,
                                               EvtLeadState          *state);
const char *evt_lead_state_get_label          (EvtLeadState           state);

const char *evt_cost_category_to_string       (EvtCostCategory        category);
gboolean    evt_cost_category_from_string     (const char            *str,
                                               EvtCostCategory       *category);
const char *evt_cost_category_get_label       (EvtCostCategory        category);

char       *evt_normalise_name                (const char            *name);

G_END_DECLS
