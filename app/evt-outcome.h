/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-outcome.h: what came out of an event, and what it cost. */
#pragma once

#include <glib-object.h>

#include "evt-people-types.h"

G_BEGIN_DECLS

#define EVT_TYPE_OUTCOME (evt_outcome_get_type ())
G_DECLARE_FINAL_TYPE (EvtOutcome, evt_outcome, EVT, OUTCOME, GObject)

/*
 * One per event. Counts are -1 when not counted (unknown is not zero). "leads" and
 * "projects" are the numbers declared; the leads recorded in detail (EvtLead) and
 * the named projects may be more: evt_outcome_get_n_leads() and
 * evt_outcome_get_n_projects() give the larger of the two. "satisfaction" is from
 * 1 to 5, 0 when not rated. Costs are in euro cents, -1 when not entered;
 * "total-cost-cents" is their sum (-1 when none is entered).
 * Setters only change the object; evt_people_save_outcome() validates and saves it.
 */
EvtOutcome         *evt_outcome_new                (gint64              event_id);

gint64              evt_outcome_get_event_id       (EvtOutcome         *self);
void                evt_outcome_set_event_id       (EvtOutcome         *self,
                                                    gint64              event_id);
int                 evt_outcome_get_contacts       (EvtOutcome         *self);
void                evt_outcome_set_contacts       (EvtOutcome         *self,
                                                    int                 contacts);
int                 evt_outcome_get_leads          (EvtOutcome         *self);
void                evt_outcome_set_leads          (EvtOutcome         *self,
                                                    int                 leads);
int                 evt_outcome_get_meetings       (EvtOutcome         *self);
void                evt_outcome_set_meetings       (EvtOutcome         *self,
                                                    int                 meetings);
int                 evt_outcome_get_projects       (EvtOutcome         *self);
void                evt_outcome_set_projects       (EvtOutcome         *self,
                                                    int                 projects);
int                 evt_outcome_get_press          (EvtOutcome         *self);
void                evt_outcome_set_press          (EvtOutcome         *self,
                                                    int                 press);
double              evt_outcome_get_satisfaction   (EvtOutcome         *self);
void                evt_outcome_set_satisfaction   (EvtOutcome         *self,
                                                    double              satisfaction);
const char         *evt_outcome_get_notes          (EvtOutcome         *self);
void                evt_outcome_set_notes          (EvtOutcome         *self,
                                                    const char         *notes);
const char * const *evt_outcome_get_project_names  (EvtOutcome         *self);
void                evt_outcome_set_project_names  (EvtOutcome         *self,
                                                    const char * const *names);
gint64              evt_outcome_get_cost           (EvtOutcome         *self,
                                                    EvtCostCategory     category);
void                evt_outcome_set_cost           (EvtOutcome         *self,
                                                    EvtCostCategory     category,
                                                    gint64              cents);
gint64              evt_outcome_get_total_cost     (EvtOutcome         *self);
guint               evt_outcome_get_n_lead_records (EvtOutcome         *self);
int                 evt_outcome_get_n_leads        (EvtOutcome         *self);
int                 evt_outcome_get_n_projects     (EvtOutcome         *self);
gboolean            evt_outcome_is_empty           (EvtOutcome         *self);

G_END_DECLS
