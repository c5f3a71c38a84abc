/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-event.h: one event of the yearly calendar. */
#pragma once

#include <gio/gio.h>

#include "evt-types.h"

G_BEGIN_DECLS

#define EVT_DEFAULT_TIMEZONE "Europe/Paris"

#define EVT_TYPE_EVENT (evt_event_get_type ())
G_DECLARE_FINAL_TYPE (EvtEvent, evt_event, EVT, EVENT, GObject)

/*
 * Dates. An event is either all-day or timed.
 *  - all-day: "start" and "end" are midnight, in the event's time zone, of the first
 *    and of the LAST day (inclusive: a show from the 16th to the 19th has end = 19th).
 *  - timed:  "start" and "end" are the exact instants, in the event's time zone.
 * "original-start"/"original-end" keep the dates a postponed event was first planned
 * on (same convention, NULL when never postponed).
 * "budget-cents" is the planned budget in euro cents, -1 when not set.
 * "sectors" holds sector slugs (see EvtSector).
 * "source" says where the event came from: NULL when typed in Eventail, "sample" for
 * the sample data, the file name for an imported event.
 * "recurrence-id" is set on an occurrence of an imported recurring event: with the
 * uid it identifies the occurrence (iCalendar RECURRENCE-ID, as ISO 8601 text).
 * "series" links the editions of one recurring show (the uid of the first edition,
 * or any shared key).
 * Setters only change the object; EvtStore validates and saves it.
 */

EvtEvent      *evt_event_new                (void);
EvtEvent      *evt_event_copy               (EvtEvent      *self);

gint64         evt_event_get_id             (EvtEvent      *self);
const char    *evt_event_get_uid            (EvtEvent      *self);
void           evt_event_set_uid            (EvtEvent      *self,
                                             const char    *uid);
const char    *evt_event_get_title          (EvtEvent      *self);
void           evt_event_set_title          (EvtEvent      *self,
                                             const char    *title);
EvtKind        evt_event_get_kind           (EvtEvent      *self);
void           evt_event_set_kind           (EvtEvent      *self,
                                             EvtKind        kind);
EvtStatus      evt_event_get_status         (EvtEvent      *self);
void           evt_event_set_status         (EvtEvent      *self,
                                             EvtStatus      status);
const char    *evt_event_get_status_reason  (EvtEvent      *self);
void           evt_event_set_status_reason  (EvtEvent      *self,
                                             const char    *reason);
gboolean       evt_event_get_all_day        (EvtEvent      *self);
GDateTime     *evt_event_get_start          (EvtEvent      *self);
GDateTime     *evt_event_get_end            (EvtEvent      *self);
void           evt_event_set_dates          (EvtEvent      *self,
                                             gboolean       all_day,
                                             GDateTime     *start,
                                             GDateTime     *end);
const char    *evt_event_get_timezone       (EvtEvent      *self);
void           evt_event_set_timezone       (EvtEvent      *self,
                                             const char    *tzid);
GDateTime     *evt_event_get_original_start (EvtEvent      *self);
GDateTime     *evt_event_get_original_end   (EvtEvent      *self);
void           evt_event_set_original_dates (EvtEvent      *self,
                                             GDateTime     *start,
                                             GDateTime     *end);
const char    *evt_event_get_venue          (EvtEvent      *self);
void           evt_event_set_venue          (EvtEvent      *self,
                                             const char    *venue);
const char    *evt_event_get_city           (EvtEvent      *self);
void           evt_event_set_city           (EvtEvent      *self,
                                             const char    *city);
const char    *evt_event_get_country        (EvtEvent      *self);
void           evt_event_set_country        (EvtEvent      *self,
                                             const char    *country);
const char    *evt_event_get_organiser      (EvtEvent      *self);
void           evt_event_set_organiser      (EvtEvent      *self,
                                             const char    *organiser);
const char    *evt_event_get_partners       (EvtEvent      *self);
void           evt_event_set_partners       (EvtEvent      *self,
                                             const char    *partners);
const char * const *evt_event_get_sectors   (EvtEvent      *self);
void           evt_event_set_sectors        (EvtEvent      *self,
                                             const char * const *sectors);
gboolean       evt_event_has_sector         (EvtEvent      *self,
                                             const char    *slug);
const char    *evt_event_get_url            (EvtEvent      *self);
void           evt_event_set_url            (EvtEvent      *self,
                                             const char    *url);
const char    *evt_event_get_description    (EvtEvent      *self);
void           evt_event_set_description    (EvtEvent      *self,
                                             const char    *description);
const char    *evt_event_get_notes          (EvtEvent      *self);
void           evt_event_set_notes          (EvtEvent      *self,
                                             const char    *notes);
gint64         evt_event_get_budget_cents   (EvtEvent      *self);
void           evt_event_set_budget_cents   (EvtEvent      *self,
                                             gint64         cents);
EvtVisibility  evt_event_get_visibility     (EvtEvent      *self);
void           evt_event_set_visibility     (EvtEvent      *self,
                                             EvtVisibility  visibility);
int            evt_event_get_sequence       (EvtEvent      *self);
GDateTime     *evt_event_get_created        (EvtEvent      *self);
GDateTime     *evt_event_get_modified       (EvtEvent      *self);
const char    *evt_event_get_series         (EvtEvent      *self);
void           evt_event_set_series         (EvtEvent      *self,
                                             const char    *series);
const char    *evt_event_get_source         (EvtEvent      *self);
void           evt_event_set_source         (EvtEvent      *self,
                                             const char    *source);
const char    *evt_event_get_recurrence_id  (EvtEvent      *self);
void           evt_event_set_recurrence_id  (EvtEvent      *self,
                                             const char    *recurrence_id);

gboolean       evt_event_is_date_tba        (EvtEvent      *self);
gboolean       evt_event_overlaps_day       (EvtEvent      *self,
                                             const GDate   *day);
char          *evt_event_format_range_iso   (EvtEvent      *self);
char          *evt_event_format_original_range_iso (EvtEvent *self);
gboolean       evt_event_publish_equal      (EvtEvent      *a,
                                             EvtEvent      *b);

G_END_DECLS
