/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-planning.h: what planners do to an event: cancel, postpone, hold, plan again. */
#pragma once

#include "evt-event.h"

G_BEGIN_DECLS

void      evt_event_cancel              (EvtEvent   *event,
                                         const char *reason);
void      evt_event_postpone            (EvtEvent   *event,
                                         GDateTime  *new_start,
                                         GDateTime  *new_end,
                                         const char *reason);
void      evt_event_mark_held           (EvtEvent   *event);
EvtEvent *evt_event_duplicate           (EvtEvent   *event);
int       evt_event_guess_edition_years (EvtEvent   *event,
                                         GPtrArray  *series_events);
EvtEvent *evt_event_plan_next_edition   (EvtEvent   *event,
                                         int         years);

G_END_DECLS
