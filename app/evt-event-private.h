/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-event-private.h: what the store sets on an event and nobody else does. */
#pragma once

#include "evt-event.h"

G_BEGIN_DECLS

void evt_event_set_id       (EvtEvent  *self,
                             gint64     id);
void evt_event_set_sequence (EvtEvent  *self,
                             int        sequence);
void evt_event_set_created  (EvtEvent  *self,
                             GDateTime *created);
void evt_event_set_modified (EvtEvent  *self,
                             GDateTime *modified);

G_END_DECLS
