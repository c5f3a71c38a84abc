/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-date.c: ISO 8601 dates and ranges as people type them, and time zones. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "evt-date.h"

G_DEFINE_QUARK (evt-date-error-quark, evt_date_error)

/* Kept here rather than taken from evt-event.h so that dates do not depend on events. */
#define DEFAULT_TZID "Europe/Paris"

/**
 * evt_timezone_new:
 * @tzid: (nullable): an IANA zone identifier, e.g. "Europe/Paris"; %NULL or ""
 *   for Europe/Paris
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the time zone, or %NULL with
 *   %EVT_DATE_ERROR_TIMEZONE if the system does not know @tzid
 */
GTimeZone *
evt_timezone_new (const char  *tzid,
                  GError     **error)
{
  GTimeZone *tz;

  if (tzid == NULL || *tzid == '\0')
    tzid = DEFAULT_TZID;

  tz = g_time_zone_new_identifier (tzid);
  if (tz == NULL)
    g_set_error (error, EVT_DATE_ERROR, EVT_DATE_ERROR_TIMEZONE,
                 _("Unknown time zone “%s”"), tzid);

  return tz;
}

typedef struct
{
  int      year, month, day;
  int      hour, minute, second;
  gboolean has_date;
  gboolean has_time;
} Parsed;

/* Reads exactly @n_digits digits at *@p and moves *@p past them. */
static gboolean
read_number (const char **p,
             guint        n_digits,
             int         *value)
{
  int v = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + g_ascii_digit_value ((*p)[i]);
    }

  *p += n_digits;
  *value = v;

  return TRUE;
}

/* "HH:MM" or "HH:MM:SS", the whole of @p. */
static gboolean
parse_time (const char *p,
            Parsed     *out)
{
  out->second = 0;

  if (!read_number (&p, 2, &out->hour) || *p++ != ':' || !read_number (&p, 2, &out->minute))
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!read_number (&p, 2, &out->second))
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  out->has_time = TRUE;

  return out->hour <= 23 && out->minute <= 59 && out->second <= 59;
}

/* "YYYY-MM-DD", optionally followed by "THH:MM[:SS]", the whole of @p. */
static gboolean
parse_date_time (const char *p,
                 Parsed     *out)
{
  memset (out, 0, sizeof *out);

  if (!read_number (&p, 4, &out->year) || *p++ != '-' ||
      !read_number (&p, 2, &out->month) || *p++ != '-' ||
      !read_number (&p, 2, &out->day))
    return FALSE;

  if (out->year < 1 ||
      !g_date_valid_dmy ((GDateDay) out->day, (GDateMonth) out->month, (GDateYear) out->year))
    return FALSE;

  out->has_date = TRUE;

  if (*p == '\0')
    return TRUE;
  if (*p != 'T' && *p != 't')
    return FALSE;

  return parse_time (p + 1, out);
}

static GDateTime *
parsed_to_date_time (const Parsed *parsed,
                     GTimeZone    *tz)
{
  return g_date_time_new (tz, parsed->year, parsed->month, parsed->day,
                          parsed->hour, parsed->minute, parsed->second);
}

/* TRUE if @dt shows the time that was typed; a time in the gap of a change to
 * summer time does not exist and GLib moves it. */
static gboolean
check_wall_clock (GDateTime     *dt,
                  const Parsed  *parsed,
                  GTimeZone     *tz,
                  GError       **error)
{
  if (g_date_time_get_day_of_month (dt) == parsed->day &&
      g_date_time_get_hour (dt) == parsed->hour &&
      g_date_time_get_minute (dt) == parsed->minute)
    return TRUE;

  g_set_error (error, EVT_DATE_ERROR, EVT_DATE_ERROR_INVALID,
               _("%04d-%02d-%02dT%02d:%02d does not exist in the time zone %s: "
                 "the clocks change at that time"),
               parsed->year, parsed->month, parsed->day, parsed->hour, parsed->minute,
               g_time_zone_get_identifier (tz));
  return FALSE;
}

static void
set_not_a_date (GError     **error,
                const char  *text)
{
  g_set_error (error, EVT_DATE_ERROR, EVT_DATE_ERROR_INVALID,
               _("“%s” is not a date: expected YYYY-MM-DD, YYYY-MM-DD..YYYY-MM-DD or "
                 "YYYY-MM-DDTHH:MM"),
               text);
}

/**
 * evt_date_range_parse:
 * @text: what was typed: "2021-10-05", "2021-10-05..2021-10-08", "2021-10-05T09:00",
 *   "2021-10-05T09:00:30", "2021-10-05T09:00..2021-10-05T12:00" or
 *   "2021-10-05T09:00..12:00" (same day); spaces around it are ignored
 * @tz: (nullable): the zone the dates are in; %NULL for Europe/Paris
 * @all_day: (out) (optional): whether @text gives days rather than times
 * @start: (out) (optional) (transfer full): the start, in @tz
 * @end: (out) (optional) (transfer full): the end, in @tz
 * @error: return location for a #GError
 *
 * Reads a date range. A single date is an all-day event of one day; a single date
 * and time starts a one-hour event. For all-day ranges @start and @end are the
 * midnights of the first and of the last (inclusive) day, as in #EvtEvent.
 * The outputs are only set on success.
 *
 * Returns: %TRUE on success, %FALSE with %EVT_DATE_ERROR_INVALID set otherwise
 */
gboolean
evt_date_range_parse (const char  *text,
                      GTimeZone   *tz,
                      gboolean    *all_day,
                      GDateTime  **start,
                      GDateTime  **end,
                      GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GTimeZone) default_tz = NULL;
  g_autoptr(GDateTime) start_dt = NULL;
  g_autoptr(GDateTime) end_dt = NULL;
  g_autofree char *start_text = NULL;
  const char *dots;
  Parsed first;
  Parsed last;

  if (tz == NULL)
    {
      default_tz = evt_timezone_new (NULL, NULL);
      if (default_tz == NULL)
        default_tz = g_time_zone_new_utc ();
      tz = default_tz;
    }

  dots = strstr (stripped, "..");
  start_text = dots != NULL ? g_strndup (stripped, (gsize) (dots - stripped))
                            : g_strdup (stripped);

  if (!parse_date_time (start_text, &first))
    {
      set_not_a_date (error, dots != NULL && *start_text != '\0' ? start_text : stripped);
      return FALSE;
    }

  if (dots == NULL)
    {
      last = first;
      if (first.has_time)
        {
          start_dt = parsed_to_date_time (&first, tz);
          end_dt = start_dt != NULL ? g_date_time_add_hours (start_dt, 1) : NULL;
        }
    }
  else
    {
      const char *rest = dots + 2;

      if (first.has_time && strchr (rest, '-') == NULL)
        {
          /* "2021-10-05T09:00..12:00": only a time, on the same day */
          last = first;
          if (!parse_time (rest, &last))
            {
              g_set_error (error, EVT_DATE_ERROR, EVT_DATE_ERROR_INVALID,
                           _("“%s” is not a time: expected HH:MM, for example 12:00"), rest);
              return FALSE;
            }
        }
      else if (!parse_date_time (rest, &last))
        {
          set_not_a_date (error, *rest != '\0' ? rest : stripped);
          return FALSE;
        }

      if (first.has_time != last.has_time)
        {
          g_set_error (error, EVT_DATE_ERROR, EVT_DATE_ERROR_INVALID,
                       _("“%s” mixes a day and a time: give both ends as days "
                         "(YYYY-MM-DD..YYYY-MM-DD) or both with a time "
                         "(YYYY-MM-DDTHH:MM..YYYY-MM-DDTHH:MM)"),
                       stripped);
          return FALSE;
        }
    }

  if (start_dt == NULL)
    start_dt = parsed_to_date_time (&first, tz);
  if (end_dt == NULL)
    end_dt = parsed_to_date_time (&last, tz);

  if (start_dt == NULL || end_dt == NULL)
    {
      set_not_a_date (error, stripped);
      return FALSE;
    }

  /* A time skipped when the clocks go forward would silently become another one. */
  if (first.has_time &&
      (!check_wall_clock (start_dt, &first, tz, error) ||
       (dots != NULL && !check_wall_clock (end_dt, &last, tz, error))))
    return FALSE;

  if (g_date_time_compare (end_dt, start_dt) < 0)
    {
      g_autofree char *s = evt_date_format_iso (start_dt, !first.has_time);
      g_autofree char *e = evt_date_format_iso (end_dt, !first.has_time);

      g_set_error (error, EVT_DATE_ERROR, EVT_DATE_ERROR_INVALID,
                   _("the end (%s) is before the start (%s)"), e, s);
      return FALSE;
    }

  if (all_day != NULL)
    *all_day = !first.has_time;
  if (start != NULL)
    *start = g_steal_pointer (&start_dt);
  if (end != NULL)
    *end = g_steal_pointer (&end_dt);

  return TRUE;
}

/**
 * evt_date_format_iso:
 * @dt: (nullable): a date and time
 * @all_day: whether only the day counts
 *
 * Formats @dt in its own zone: "2021-10-05" if @all_day, else "2021-10-05T09:00",
 * with the seconds only when they are not zero ("2021-10-05T09:00:30").
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if @dt is %NULL
 */
char *
evt_date_format_iso (GDateTime *dt,
                     gboolean   all_day)
{
  int year, month, day;
  int second;

  if (dt == NULL)
    return NULL;

  g_date_time_get_ymd (dt, &year, &month, &day);

  if (all_day)
    return g_strdup_printf ("%04d-%02d-%02d", year, month, day);

  second = g_date_time_get_second (dt);
  if (second != 0)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", year, month, day,
                            g_date_time_get_hour (dt), g_date_time_get_minute (dt), second);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", year, month, day,
                          g_date_time_get_hour (dt), g_date_time_get_minute (dt));
}

/**
 * evt_date_range_format_iso:
 * @start: (nullable): the start
 * @end: (nullable): the end; %NULL for the same as @start
 * @all_day: whether only the days count
 *
 * Formats a range as evt_date_range_parse() reads it: "2021-10-05" for an all-day
 * range of one day, else "2021-10-05..2021-10-08" or
 * "2021-10-05T09:00..2021-10-05T12:00".
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if @start is %NULL
 */
char *
evt_date_range_format_iso (GDateTime *start,
                           GDateTime *end,
                           gboolean   all_day)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (start == NULL)
    return NULL;

  a = evt_date_format_iso (start, all_day);
  if (end == NULL)
    return g_steal_pointer (&a);

  b = evt_date_format_iso (end, all_day);
  if (all_day && g_str_equal (a, b))
    return g_steal_pointer (&a);

  return g_strconcat (a, "..", b, NULL);
}

/**
 * evt_date_to_gdate:
 * @dt: (nullable): a date and time
 * @date: (out caller-allocates): where to store the day
 *
 * Stores in @date the day of @dt in the zone of @dt, or an invalid (cleared)
 * date if @dt is %NULL.
 */
void
evt_date_to_gdate (GDateTime *dt,
                   GDate     *date)
{
  int year, month, day;

  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  if (dt == NULL)
    return;

  g_date_time_get_ymd (dt, &year, &month, &day);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}
