/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-outcomes-section-private.h: what the display test reaches inside the outcomes section. */
#pragma once

#include "evt-lead-dialog.h"
#include "evt-outcomes-section.h"

G_BEGIN_DECLS

gboolean       evt_outcomes_section_is_busy         (EvtOutcomesSection *self);
/* "contacts", "leads", "meetings", "press", or a cost category's nick ("stand"). */
GtkEditable   *evt_outcomes_section_get_field       (EvtOutcomesSection *self,
                                                     const char         *name);
GtkEditable   *evt_outcomes_section_get_projects_entry (EvtOutcomesSection *self);
GtkButton     *evt_outcomes_section_get_star        (EvtOutcomesSection *self,
                                                     guint               index);
const char    *evt_outcomes_section_get_total_text  (EvtOutcomesSection *self);
gboolean       evt_outcomes_section_is_over_budget  (EvtOutcomesSection *self);
guint          evt_outcomes_section_get_n_leads     (EvtOutcomesSection *self);
AdwActionRow  *evt_outcomes_section_get_lead_row    (EvtOutcomesSection *self,
                                                     guint               index);
EvtLeadDialog *evt_outcomes_section_open_lead       (EvtOutcomesSection *self,
                                                     int                 index);

G_END_DECLS
