/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-participants-section.h: who takes part in one event, each state changeable in place. */
#pragma once

#include <adwaita.h>

#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_TYPE_PARTICIPANTS_SECTION (evt_participants_section_get_type ())
G_DECLARE_FINAL_TYPE (EvtParticipantsSection, evt_participants_section,
                      EVT, PARTICIPANTS_SECTION, AdwPreferencesGroup)

/*
 * A group of rows for the event page: the participants of one saved event, with
 * the counts by state in the header and an "Add" popover that searches the member
 * list as one types. Every change (add, state, remove) is saved at once through the
 * core in a worker thread; it does not wait for the page's Save button. A removal
 * emits "toast" with an AdwToast whose Undo button puts the participant back; the
 * page shows it in its AdwToastOverlay. Errors come the same way.
 */
GtkWidget *evt_participants_section_new       (void);
void       evt_participants_section_set_event (EvtParticipantsSection *self,
                                               EvtStore               *store,
                                               gint64                  event_id);
gint64     evt_participants_section_get_event_id (EvtParticipantsSection *self);

G_END_DECLS
