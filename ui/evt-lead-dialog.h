/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-lead-dialog.h: add or edit one lead of an event, saved when the dialog is. */
#pragma once

#include <adwaita.h>

#include "evt-people.h"

G_BEGIN_DECLS

#define EVT_TYPE_LEAD_DIALOG (evt_lead_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EvtLeadDialog, evt_lead_dialog, EVT, LEAD_DIALOG, AdwWindow)

/*
 * Save writes the lead through the core in a worker thread, emits "saved" and
 * closes; Delete removes it, emits "deleted" with a copy to save again (an undo),
 * and closes. A refusal of the core shows in the dialog, which stays open.
 */
EvtLeadDialog *evt_lead_dialog_new      (GtkWindow     *parent,
                                         EvtStore      *store,
                                         gint64         event_id,
                                         EvtLead       *lead);
EvtLead       *evt_lead_dialog_get_lead (EvtLeadDialog *self);
gboolean       evt_lead_dialog_is_busy  (EvtLeadDialog *self);
/* For the display test: fills the fields as someone would. */
void           evt_lead_dialog_set_fields (EvtLeadDialog *self,
                                           const char    *subject,
                                           const char    *organisation,
                                           const char    *contact,
                                           const char    *next_step,
                                           const char    *follow_up,
                                           EvtLeadState   state);

G_END_DECLS
