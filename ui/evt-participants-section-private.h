/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-participants-section-private.h: what the display test reaches inside the participants section. */
#pragma once

#include "evt-participants-section.h"

G_BEGIN_DECLS

gboolean     evt_participants_section_is_busy          (EvtParticipantsSection *self);
const char  *evt_participants_section_get_counts_text  (EvtParticipantsSection *self);
guint        evt_participants_section_get_n_participants (EvtParticipantsSection *self);
/* The row of the @index-th participant, and its state drop-down and remove button. */
AdwActionRow *evt_participants_section_get_row         (EvtParticipantsSection *self,
                                                        guint                   index);
GtkDropDown  *evt_participants_section_get_state_dropdown (EvtParticipantsSection *self,
                                                           guint                   index);
GtkButton    *evt_participants_section_get_remove_button  (EvtParticipantsSection *self,
                                                           guint                   index);
GtkMenuButton *evt_participants_section_get_add_button  (EvtParticipantsSection *self);
GtkEditable  *evt_participants_section_get_search_entry (EvtParticipantsSection *self);
GtkDropDown  *evt_participants_section_get_role_dropdown (EvtParticipantsSection *self);
GtkDropDown  *evt_participants_section_get_new_state_dropdown (EvtParticipantsSection *self);
GtkListBox   *evt_participants_section_get_results_list (EvtParticipantsSection *self);

G_END_DECLS
