/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-ical.h: events written as an iCalendar (RFC 5545) file with libical. */
#pragma once

#include <gio/gio.h>

#include "evt-store.h"

G_BEGIN_DECLS

/*
 * What an export holds besides the standard properties, for importers (and for a
 * lossless round trip). Every X- value is TEXT, escaped as RFC 5545 says; libical
 * gives it back unescaped with icalvalue_get_x().
 *  X-EVENTAIL-STATUS         the status id: tentative, confirmed, postponed,
 *                            cancelled, held (STATUS alone cannot tell held from
 *                            confirmed, nor a prefixed cancelled event)
 *  X-EVENTAIL-STATUS-REASON  the reason, as typed
 *  X-EVENTAIL-KIND           the kind id: trade-show...
 *  X-EVENTAIL-SECTORS        sector slugs, comma separated
 *  X-EVENTAIL-TIMEZONE       the event's zone (all-day events have no TZID)
 *  X-EVENTAIL-VENUE, -CITY, -COUNTRY, -ORGANISER, -PARTNERS, -SERIES
 *  X-EVENTAIL-ORIGINAL-DATES the dates first planned, evt_event_format_original_range_iso()
 *  X-EVENTAIL-DATE-TBA       TRUE when a postponed event's new dates are not known
 *  X-EVENTAIL-TITLE          the title, when SUMMARY has a "[CANCELLED] " prefix
 *  X-EVENTAIL-DESCRIPTION    the description as typed, when DESCRIPTION says more
 * Internal exports only:
 *  X-EVENTAIL-NOTES          the internal notes
 *  X-EVENTAIL-BUDGET         the planned budget in euros, "1500.00"
 *  ATTENDEE                  the staff taking part (CN, PARTSTAT from their state)
 * A DESCRIPTION that holds more than the description as typed (the status lines,
 * the internal part) has the parameter X-EVENTAIL-COMPOSED=TRUE: the description
 * is then X-EVENTAIL-DESCRIPTION, or none when that is absent (libical drops an
 * X- property whose value is empty, so an empty description cannot be written).
 */

#define EVT_ICAL_ERROR (evt_ical_error_quark ())
GQuark evt_ical_error_quark (void);

typedef enum
{
  EVT_ICAL_ERROR_FAILED,  /* libical refused something */
  EVT_ICAL_ERROR_WRITE,   /* the file could not be written */
} EvtIcalError;

/* Who the file is for. A public file never holds internal events, notes,
 * budgets, participants or outcomes; an internal one holds every event and
 * carries notes and budget. */
typedef enum
{
  EVT_ICAL_PRIVACY_PUBLIC,
  EVT_ICAL_PRIVACY_INTERNAL,
} EvtIcalPrivacy;

/* What to do with cancelled (or postponed) events.
 * PREFIX keeps the event, puts "[CANCELLED] " / "[POSTPONED] " (translated) before
 * its SUMMARY and writes it as STATUS:TENTATIVE and TRANSP:TRANSPARENT, because
 * some clients (Google Calendar) silently drop STATUS:CANCELLED events from
 * subscriptions; X-EVENTAIL-STATUS still says what the status is. */
typedef enum
{
  EVT_ICAL_STATUS_INCLUDE,
  EVT_ICAL_STATUS_EXCLUDE,
  EVT_ICAL_STATUS_PREFIX,
} EvtIcalStatusPolicy;

const char *evt_ical_privacy_to_string        (EvtIcalPrivacy       privacy);
gboolean    evt_ical_privacy_from_string      (const char          *str,
                                               EvtIcalPrivacy      *privacy);
const char *evt_ical_status_policy_to_string  (EvtIcalStatusPolicy  policy);
gboolean    evt_ical_status_policy_from_string (const char         *str,
                                                EvtIcalStatusPolicy *policy);

#define EVT_TYPE_EXPORT_OPTIONS (evt_export_options_get_type ())

/*
 * How to write the calendar. Every field has a usable default
 * (evt_export_options_new()).
 * name/description: NAME, X-WR-CALNAME and X-WR-CALDESC (nullable).
 * timezone: X-WR-TIMEZONE, the calendar's default zone ("Europe/Paris").
 * refresh_minutes: REFRESH-INTERVAL and X-PUBLISHED-TTL; 0 leaves them out.
 * colour: "#rrggbb" written as X-APPLE-CALENDAR-COLOR (nullable).
 * now: the DTSTAMP of every event, UTC; NULL means the time of the export.
 */
typedef struct
{
  char                *name;
  char                *description;
  char                *timezone;
  guint                refresh_minutes;
  char                *colour;
  EvtIcalPrivacy       privacy;
  EvtIcalStatusPolicy  cancelled;
  EvtIcalStatusPolicy  postponed;
  GDateTime           *now;
} EvtExportOptions;

GType             evt_export_options_get_type (void) G_GNUC_CONST;
EvtExportOptions *evt_export_options_new      (void);
EvtExportOptions *evt_export_options_copy     (const EvtExportOptions *self);
void              evt_export_options_free     (EvtExportOptions       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvtExportOptions, evt_export_options_free)

char     *evt_ical_export_events   (GPtrArray               *events,
                                   GPtrArray               *sectors,
                                   const EvtExportOptions  *options,
                                   guint                   *n_written,
                                   GError                 **error);
char     *evt_ical_export_events_full (GPtrArray            *events,
                                      GPtrArray            *sectors,
                                      GHashTable           *staff,
                                      const EvtExportOptions *options,
                                      guint                *n_written,
                                      GError              **error);
char     *evt_ical_export_store    (EvtStore                *store,
                                   const EvtQuery          *query,
                                   const EvtExportOptions  *options,
                                   guint                   *n_written,
                                   GError                 **error);
gboolean  evt_ical_write_file      (const char              *path,
                                   const char              *contents,
                                   GError                 **error);

void      evt_ical_export_async    (EvtStore                *store,
                                   const EvtQuery          *query,
                                   const EvtExportOptions  *options,
                                   const char              *path,
                                   GCancellable            *cancellable,
                                   GAsyncReadyCallback      callback,
                                   gpointer                 user_data);
gboolean  evt_ical_export_finish   (EvtStore                *store,
                                   GAsyncResult            *result,
                                   guint                   *n_written,
                                   GError                 **error);

char     *evt_ical_escape_text     (const char              *text);
char     *evt_ical_fold            (const char              *unfolded);
char     *evt_ical_unfold          (const char              *folded);

G_END_DECLS
