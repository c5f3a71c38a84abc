/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-outcomes-section.h: what came of one event, what it cost against its budget, its leads. */
#pragma once

#include <adwaita.h>

#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_TYPE_OUTCOMES_SECTION (evt_outcomes_section_get_type ())
G_DECLARE_FINAL_TYPE (EvtOutcomesSection, evt_outcomes_section, EVT, OUTCOMES_SECTION, GtkWidget)

/*
 * Three groups for the event page: the figures (contacts, leads, meetings, projects
 * and their names, press coverage, satisfaction), the actual costs by category
 * against the planned budget, and the leads with their follow-up.
 *
 * Saving follows the event page: the figures and costs are saved explicitly.
 * "dirty" says that they differ from the store; the page includes the section in
 * its own dirty check and calls evt_outcomes_section_save_async() from its Save
 * (and evt_outcomes_section_revert() from its Discard). The leads are records of
 * their own: a lead is saved when its dialog is, and a deleted lead comes back with
 * the Undo of the toast the section emits ("toast", an AdwToast for the page's
 * AdwToastOverlay). Everything is read and written in worker threads.
 */
GtkWidget *evt_outcomes_section_new          (void);
void       evt_outcomes_section_set_event    (EvtOutcomesSection  *self,
                                              EvtStore            *store,
                                              gint64               event_id);
gint64     evt_outcomes_section_get_event_id (EvtOutcomesSection  *self);
void       evt_outcomes_section_set_budget   (EvtOutcomesSection  *self,
                                              gint64               budget_cents);
gboolean   evt_outcomes_section_get_dirty    (EvtOutcomesSection  *self);
void       evt_outcomes_section_revert       (EvtOutcomesSection  *self);
void       evt_outcomes_section_save_async   (EvtOutcomesSection  *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean   evt_outcomes_section_save_finish  (EvtOutcomesSection  *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
