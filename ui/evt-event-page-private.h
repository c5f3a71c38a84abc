/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-event-page-private.h: what the display test reaches inside the event page. */
#pragma once

#include "evt-event-page.h"

G_BEGIN_DECLS

GtkWidget  *evt_event_page_get_field_row   (EvtEventPage *self,
                                            const char   *field);
const char *evt_event_page_get_field_error (EvtEventPage *self,
                                            const char   *field);
gboolean    evt_event_page_is_busy         (EvtEventPage *self);
void        evt_event_page_set_day         (EvtEventPage *self,
                                            const char   *which,
                                            int           year,
                                            int           month,
                                            int           day);

G_END_DECLS
