/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-date-format.c: dates and date ranges as people read them, in their language. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-date-format.h"

/* Every format below is a g_date_time_format() format, so that translators can
 * put the day before the month ("16–19 mars 2021") or the other way round. */

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

static gboolean
same_month (GDateTime *a,
            GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_month (a) == g_date_time_get_month (b);
}

/**
 * evt_format_date:
 * @dt: a date
 *
 * Formats the day of @dt in full, "March 16, 2021" ("16 mars 2021" in French).
 *
 * Returns: (transfer full): the text
 */
char *
evt_format_date (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  /* Translators: a full date, see g_date_time_format(); French: "%-d %B %Y" */
  return g_date_time_format (dt, C_("full date", "%B %-d, %Y"));
}

static char *
format_time (GDateTime *dt)
{
  /* Translators: a time of day, see g_date_time_format() */
  return g_date_time_format (dt, C_("time of day", "%H:%M"));
}

/**
 * evt_format_date_range:
 * @start: the first day, or the start instant of a timed event
 * @end: (nullable): the last day (inclusive) of an all-day range, or the end
 *   instant of a timed one; %NULL for a single day or instant
 * @all_day: whether the range is made of whole days
 *
 * Formats a range of days or of times as briefly as it can be read:
 * "March 16–19, 2021", "March 30 – April 2, 2021", "February 10, 2022, 14:00–15:30".
 * Each shape is translatable, so that French reads "16–19 mars 2021".
 *
 * Returns: (transfer full): the text
 */
char *
evt_format_date_range (GDateTime *start,
                       GDateTime *end,
                       gboolean   all_day)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (start != NULL, NULL);

  if (end == NULL)
    end = start;

  if (all_day)
    {
      if (same_day (start, end))
        return evt_format_date (start);

      if (same_month (start, end))
        {
          /* Translators: first day of a range within one month, "March 16" of
           * "March 16–19, 2021"; French: "%-d" */
          first = g_date_time_format (start, C_("range in a month", "%B %-d"));
          /* Translators: last day of a range within one month, "19, 2021" of
           * "March 16–19, 2021"; French: "%-d %B %Y" */
          last = g_date_time_format (end, C_("range in a month", "%-d, %Y"));
          /* Translators: a range of days within one month: first day, last day */
          return g_strdup_printf (C_("range in a month", "%s–%s"), first, last);
        }

      if (g_date_time_get_year (start) == g_date_time_get_year (end))
        {
          /* Translators: first day of a range within one year, "March 30" of
           * "March 30 – April 2, 2021"; French: "%-d %B" */
          first = g_date_time_format (start, C_("range in a year", "%B %-d"));
          /* Translators: last day of a range within one year, "April 2, 2021" of
           * "March 30 – April 2, 2021"; French: "%-d %B %Y" */
          last = g_date_time_format (end, C_("range in a year", "%B %-d, %Y"));
        }
      else
        {
          first = evt_format_date (start);
          last = evt_format_date (end);
        }

      /* Translators: a range of days over several months: first day, last day */
      return g_strdup_printf (C_("range of days", "%s – %s"), first, last);
    }

  if (same_day (start, end))
    {
      g_autofree char *day = evt_format_date (start);

      first = format_time (start);
      last = format_time (end);
      if (g_strcmp0 (first, last) == 0)
        /* Translators: a day and a time: "February 10, 2022, 14:00" */
        return g_strdup_printf (C_("date and time", "%s, %s"), day, first);

      /* Translators: a day, then the start and end times on that day */
      return g_strdup_printf (C_("time range in a day", "%s, %s–%s"), day, first, last);
    }
  else
    {
      g_autofree char *first_day = evt_format_date (start);
      g_autofree char *last_day = evt_format_date (end);

      first = format_time (start);
      last = format_time (end);

      /* Translators: a timed range over several days: first day and time, last day
       * and time */
      return g_strdup_printf (C_("time range over days", "%s, %s – %s, %s"),
                              first_day, first, last_day, last);
    }
}

/**
 * evt_format_month_name:
 * @month: 1 to 12
 *
 * The name of @month as a heading stands alone: capitalised, in the nominative
 * case where the language has one ("Mars", not "mars").
 *
 * Returns: (transfer full): the name
 */
char *
evt_format_month_name (int month)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *name = NULL;
  gunichar first;
  char buf[8] = { 0 };

  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  dt = g_date_time_new_utc (2000, month, 1, 0, 0, 0);
  name = g_date_time_format (dt, "%OB");
  if (name == NULL || name[0] == '\0')
    return g_steal_pointer (&name);

  first = g_unichar_totitle (g_utf8_get_char (name));
  g_unichar_to_utf8 (first, buf);

  return g_strconcat (buf, g_utf8_next_char (name), NULL);
}
