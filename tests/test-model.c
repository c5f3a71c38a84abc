/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-model.c: the event model, dates, vocabularies, queries and sectors (suite core). */
#include "config.h"

#include <locale.h>

#include "evt-date.h"
#include "evt-enum-types.h"
#include "evt-event-private.h"
#include "evt-query.h"
#include "evt-sector.h"

static GTimeZone *
paris (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Europe/Paris");

  g_assert_nonnull (tz);
  return tz;
}

static GDateTime *
paris_dt (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = paris ();

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

/* Vocabularies */

static void
check_nick (GType type, int value, const char *id)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  /* The generated GType and the static tables must agree on the stable ids. */
  g_assert_nonnull (ev);
  g_assert_cmpstr (ev->value_nick, ==, id);
}

static void
test_kind_strings (void)
{
  static const char *ids[EVT_N_KINDS] = {
    "trade-show", "congress", "business-convention", "webinar", "workshop",
    "technical-day", "meeting", "road-show", "company-visit", "training",
    "general-assembly", "other",
  };
  static const char *rejected[] = {
    "", "trade show", "tradeshow", "trade-show ", " trade-show", "trade-shows",
    "trade", "canceled", "0", "Trade–Show",
  };
  EvtKind kind;

  for (guint i = 0; i < EVT_N_KINDS; i++)
    {
      g_autofree char *upper = g_ascii_strup (ids[i], -1);
      g_autofree char *underscored = g_strdelimit (g_strdup (upper), "-", '_');

      g_assert_cmpstr (evt_kind_to_string (i), ==, ids[i]);
      check_nick (EVT_TYPE_KIND, i, ids[i]);

      kind = EVT_KIND_OTHER;
      g_assert_true (evt_kind_from_string (ids[i], &kind));
      g_assert_cmpint (kind, ==, i);

      kind = EVT_KIND_OTHER;
      g_assert_true (evt_kind_from_string (upper, &kind));
      g_assert_cmpint (kind, ==, i);

      kind = EVT_KIND_OTHER;
      g_assert_true (evt_kind_from_string (underscored, &kind));
      g_assert_cmpint (kind, ==, i);

      g_assert_nonnull (evt_kind_get_label (i));
      g_assert_cmpstr (evt_kind_get_label (i), !=, "");
    }

  g_assert_cmpstr (evt_kind_get_label (EVT_KIND_TRADE_SHOW), ==, "Trade show");
  g_assert_cmpstr (evt_kind_get_label (EVT_KIND_GENERAL_ASSEMBLY), ==, "General assembly");

  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      kind = EVT_KIND_WEBINAR;
      g_assert_false (evt_kind_from_string (rejected[i], &kind));
      g_assert_cmpint (kind, ==, EVT_KIND_WEBINAR);
    }
  g_assert_false (evt_kind_from_string (NULL, &kind));
  g_assert_true (evt_kind_from_string ("Road_Show", NULL));
}

static void
test_status_strings (void)
{
  static const char *ids[EVT_N_STATUSES] = {
    "tentative", "confirmed", "postponed", "cancelled", "held",
  };
  static const char *labels[EVT_N_STATUSES] = {
    "Tentative", "Confirmed", "Postponed", "Cancelled", "Held",
  };
  static const char *rejected[] = { "", "cancel", "canceld", "done", "confirmed!", "hel" };
  EvtStatus status;

  for (guint i = 0; i < EVT_N_STATUSES; i++)
    {
      g_autofree char *upper = g_ascii_strup (ids[i], -1);

      g_assert_cmpstr (evt_status_to_string (i), ==, ids[i]);
      check_nick (EVT_TYPE_STATUS, i, ids[i]);
      g_assert_cmpstr (evt_status_get_label (i), ==, labels[i]);

      status = EVT_STATUS_HELD;
      g_assert_true (evt_status_from_string (ids[i], &status));
      g_assert_cmpint (status, ==, i);

      status = EVT_STATUS_HELD;
      g_assert_true (evt_status_from_string (upper, &status));
      g_assert_cmpint (status, ==, i);
    }

  status = EVT_STATUS_HELD;
  g_assert_true (evt_status_from_string ("canceled", &status));
  g_assert_cmpint (status, ==, EVT_STATUS_CANCELLED);
  status = EVT_STATUS_HELD;
  g_assert_true (evt_status_from_string ("Canceled", &status));
  g_assert_cmpint (status, ==, EVT_STATUS_CANCELLED);

  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      status = EVT_STATUS_HELD;
      g_assert_false (evt_status_from_string (rejected[i], &status));
      g_assert_cmpint (status, ==, EVT_STATUS_HELD);
    }
  g_assert_false (evt_status_from_string (NULL, &status));
}

static void
test_visibility_strings (void)
{
  EvtVisibility visibility;

  g_assert_cmpstr (evt_visibility_to_string (EVT_VISIBILITY_PUBLIC), ==, "public");
  g_assert_cmpstr (evt_visibility_to_string (EVT_VISIBILITY_INTERNAL), ==, "internal");
  check_nick (EVT_TYPE_VISIBILITY, EVT_VISIBILITY_PUBLIC, "public");
  check_nick (EVT_TYPE_VISIBILITY, EVT_VISIBILITY_INTERNAL, "internal");
  g_assert_cmpstr (evt_visibility_get_label (EVT_VISIBILITY_PUBLIC), ==, "Public");
  g_assert_cmpstr (evt_visibility_get_label (EVT_VISIBILITY_INTERNAL), ==, "Internal");

  g_assert_true (evt_visibility_from_string ("INTERNAL", &visibility));
  g_assert_cmpint (visibility, ==, EVT_VISIBILITY_INTERNAL);
  g_assert_true (evt_visibility_from_string ("public", &visibility));
  g_assert_cmpint (visibility, ==, EVT_VISIBILITY_PUBLIC);

  visibility = EVT_VISIBILITY_INTERNAL;
  g_assert_false (evt_visibility_from_string ("private", &visibility));
  g_assert_false (evt_visibility_from_string ("", &visibility));
  g_assert_false (evt_visibility_from_string (NULL, &visibility));
  g_assert_cmpint (visibility, ==, EVT_VISIBILITY_INTERNAL);
}

/* Dates */

static void
test_timezone (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GTimeZone) unknown = NULL;

  tz = evt_timezone_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, "Europe/Paris");
  g_clear_pointer (&tz, g_time_zone_unref);

  tz = evt_timezone_new ("America/Montreal", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, "America/Montreal");

  unknown = evt_timezone_new ("Mars/Olympus_Mons", &error);
  g_assert_null (unknown);
  g_assert_error (error, EVT_DATE_ERROR, EVT_DATE_ERROR_TIMEZONE);
  g_assert_cmpstr (error->message, ==, "Unknown time zone “Mars/Olympus_Mons”");
}

typedef struct
{
  const char *text;
  gboolean    all_day;
  const char *start;     /* evt_date_format_iso() of the start */
  const char *end;
  const char *formatted; /* evt_date_range_format_iso() */
} Accepted;

static void
test_parse_accepted (void)
{
  static const Accepted cases[] = {
    { "2021-10-05", TRUE, "2021-10-05", "2021-10-05", "2021-10-05" },
    { "2021-10-05..2021-10-08", TRUE, "2021-10-05", "2021-10-08", "2021-10-05..2021-10-08" },
    { "2021-10-05..2021-10-05", TRUE, "2021-10-05", "2021-10-05", "2021-10-05" },
    { "  2021-10-05\n", TRUE, "2021-10-05", "2021-10-05", "2021-10-05" },
    { "2024-02-29", TRUE, "2024-02-29", "2024-02-29", "2024-02-29" },
    { "2021-10-05T09:00", FALSE, "2021-10-05T09:00", "2021-10-05T10:00",
      "2021-10-05T09:00..2021-10-05T10:00" },
    { "2021-10-05T09:00:30", FALSE, "2021-10-05T09:00:30", "2021-10-05T10:00:30",
      "2021-10-05T09:00:30..2021-10-05T10:00:30" },
    { "2021-10-05T23:30", FALSE, "2021-10-05T23:30", "2021-10-06T00:30",
      "2021-10-05T23:30..2021-10-06T00:30" },
    { "2021-10-05T09:00..2021-10-05T12:00", FALSE, "2021-10-05T09:00", "2021-10-05T12:00",
      "2021-10-05T09:00..2021-10-05T12:00" },
    { "2021-10-05T09:00..12:00", FALSE, "2021-10-05T09:00", "2021-10-05T12:00",
      "2021-10-05T09:00..2021-10-05T12:00" },
    { "2021-10-05T09:00..2021-10-07T17:45", FALSE, "2021-10-05T09:00", "2021-10-07T17:45",
      "2021-10-05T09:00..2021-10-07T17:45" },
    { "2021-03-28T01:30..03:30", FALSE, "2021-03-28T01:30", "2021-03-28T03:30",
      "2021-03-28T01:30..2021-03-28T03:30" },
    { "2021-03-28", TRUE, "2021-03-28", "2021-03-28", "2021-03-28" },
    { "2021-12-30..2022-01-02", TRUE, "2021-12-30", "2022-01-02", "2021-12-30..2022-01-02" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTimeZone) tz = paris ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autofree char *start_text = NULL;
      g_autofree char *end_text = NULL;
      g_autofree char *formatted = NULL;
      gboolean all_day = !cases[i].all_day;
      gboolean again_all_day;
      g_autoptr(GDateTime) again_start = NULL;
      g_autoptr(GDateTime) again_end = NULL;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_true (evt_date_range_parse (cases[i].text, tz, &all_day, &start, &end, &error));
      g_assert_no_error (error);
      g_assert_cmpint (all_day, ==, cases[i].all_day);

      start_text = evt_date_format_iso (start, all_day);
      end_text = evt_date_format_iso (end, all_day);
      formatted = evt_date_range_format_iso (start, end, all_day);
      g_assert_cmpstr (start_text, ==, cases[i].start);
      g_assert_cmpstr (end_text, ==, cases[i].end);
      g_assert_cmpstr (formatted, ==, cases[i].formatted);

      /* In the zone asked for */
      g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (start)), ==,
                       "Europe/Paris");
      g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (end)), ==,
                       "Europe/Paris");
      if (all_day)
        {
          g_assert_cmpint (g_date_time_get_hour (start), ==, 0);
          g_assert_cmpint (g_date_time_get_minute (start), ==, 0);
          g_assert_cmpint (g_date_time_get_hour (end), ==, 0);
        }

      /* What is written reads back the same. */
      g_assert_true (evt_date_range_parse (formatted, tz, &again_all_day, &again_start,
                                           &again_end, &error));
      g_assert_no_error (error);
      g_assert_cmpint (again_all_day, ==, all_day);
      g_assert_true (g_date_time_equal (again_start, start));
      g_assert_true (g_date_time_equal (again_end, end));
    }
}

static void
test_parse_zone (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) default_start = NULL;
  gboolean all_day;

  g_assert_nonnull (tz);
  g_assert_true (evt_date_range_parse ("2021-10-05T09:00", tz, &all_day, &start, &end, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_hour (start), ==, 9);
  g_assert_cmpint (g_date_time_get_utc_offset (start) / G_TIME_SPAN_HOUR, ==, -4);
  g_assert_cmpint (g_date_time_difference (end, start), ==, G_TIME_SPAN_HOUR);

  /* No zone: Europe/Paris */
  g_assert_true (evt_date_range_parse ("2021-10-05T09:00", NULL, NULL, &default_start, NULL,
                                       &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_utc_offset (default_start) / G_TIME_SPAN_HOUR, ==, 2);
  g_assert_cmpint (g_date_time_difference (start, default_start), ==, 6 * G_TIME_SPAN_HOUR);
}

typedef struct
{
  const char *text;
  const char *message;
} Rejected;

#define EXPECTED ": expected YYYY-MM-DD, YYYY-MM-DD..YYYY-MM-DD or YYYY-MM-DDTHH:MM"

static void
test_parse_rejected (void)
{
  static const Rejected cases[] = {
    { "2021-13-05", "“2021-13-05” is not a date" EXPECTED },
    { "2021-00-05", "“2021-00-05” is not a date" EXPECTED },
    { "2021-02-30", "“2021-02-30” is not a date" EXPECTED },
    { "2021-02-29", "“2021-02-29” is not a date" EXPECTED },
    { "2021-10-32", "“2021-10-32” is not a date" EXPECTED },
    { "2021-10-00", "“2021-10-00” is not a date" EXPECTED },
    { "2021-10-05T25:00", "“2021-10-05T25:00” is not a date" EXPECTED },
    { "2021-10-05T24:00", "“2021-10-05T24:00” is not a date" EXPECTED },
    { "2021-10-05T09:60", "“2021-10-05T09:60” is not a date" EXPECTED },
    { "2021-10-05T09:00:61", "“2021-10-05T09:00:61” is not a date" EXPECTED },
    { "2021-10-05x", "“2021-10-05x” is not a date" EXPECTED },
    { "2021-10-05 junk", "“2021-10-05 junk” is not a date" EXPECTED },
    { "2021-10-05T09:00Z", "“2021-10-05T09:00Z” is not a date" EXPECTED },
    { "2021-10-05T9:00", "“2021-10-05T9:00” is not a date" EXPECTED },
    { "2021-10-05T09", "“2021-10-05T09” is not a date" EXPECTED },
    { "2021-1-5", "“2021-1-5” is not a date" EXPECTED },
    { "21-10-05", "“21-10-05” is not a date" EXPECTED },
    { "05/10/2021", "“05/10/2021” is not a date" EXPECTED },
    { "0000-01-01", "“0000-01-01” is not a date" EXPECTED },
    { "", "“” is not a date" EXPECTED },
    { "   ", "“” is not a date" EXPECTED },
    { "tomorrow", "“tomorrow” is not a date" EXPECTED },
    { "2021-10-05..", "“2021-10-05..” is not a date" EXPECTED },
    { "..2021-10-05", "“..2021-10-05” is not a date" EXPECTED },
    { "2021-10-05..2021-10-32", "“2021-10-32” is not a date" EXPECTED },
    { "2021-10-05...2021-10-06", "“.2021-10-06” is not a date" EXPECTED },
    { "2021-10-05..2021-10-06..2021-10-07", "“2021-10-06..2021-10-07” is not a date" EXPECTED },
    { "2021-10-05T09:00..25:00", "“25:00” is not a time: expected HH:MM, for example 12:00" },
    { "2021-10-05T09:00..noon", "“noon” is not a time: expected HH:MM, for example 12:00" },
    { "2021-10-05..2021-10-04", "the end (2021-10-04) is before the start (2021-10-05)" },
    { "2022-01-02..2021-12-30", "the end (2021-12-30) is before the start (2022-01-02)" },
    { "2021-10-05T12:00..09:00",
      "the end (2021-10-05T09:00) is before the start (2021-10-05T12:00)" },
    { "2021-10-05T12:00..2021-10-04T12:00",
      "the end (2021-10-04T12:00) is before the start (2021-10-05T12:00)" },
  };
  static const char *skipped[] = {
    "2021-03-28T02:30",
    "2021-03-28T01:00..02:15",
  };
  static const char *mixed[] = {
    "2021-10-05..2021-10-06T10:00",
    "2021-10-05T09:00..2021-10-06",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTimeZone) tz = paris ();
      g_autoptr(GError) error = NULL;
      GDateTime *start = NULL;
      GDateTime *end = NULL;
      gboolean all_day = 42;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_false (evt_date_range_parse (cases[i].text, tz, &all_day, &start, &end, &error));
      g_assert_error (error, EVT_DATE_ERROR, EVT_DATE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      /* Nothing is set on failure. */
      g_assert_null (start);
      g_assert_null (end);
      g_assert_cmpint (all_day, ==, 42);
    }

  for (guint i = 0; i < G_N_ELEMENTS (mixed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("“%s” mixes a day and a time", mixed[i]);

      g_assert_false (evt_date_range_parse (mixed[i], NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, EVT_DATE_ERROR, EVT_DATE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, expected));
    }

  /* Paris skips from 02:00 to 03:00 on 2021-03-28. */
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (evt_date_range_parse (skipped[i], NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, EVT_DATE_ERROR, EVT_DATE_ERROR_INVALID);
      g_assert_true (g_str_has_suffix (error->message,
                                       "does not exist in the time zone Europe/Paris: "
                                       "the clocks change at that time"));
    }

  /* NULL text is an error, not a crash. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (evt_date_range_parse (NULL, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, EVT_DATE_ERROR, EVT_DATE_ERROR_INVALID);
  }
}

static void
test_format (void)
{
  g_autoptr(GDateTime) morning = paris_dt (2021, 10, 5, 9, 0);
  g_autoptr(GDateTime) with_seconds = g_date_time_add_seconds (morning, 30);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (morning);
  g_autoptr(GDateTime) day = paris_dt (2021, 10, 5, 0, 0);
  g_autoptr(GDateTime) later_day = paris_dt (2021, 10, 8, 0, 0);
  g_autoptr(GDateTime) early = paris_dt (987, 3, 4, 0, 0);
  g_autofree char *a = evt_date_format_iso (morning, FALSE);
  g_autofree char *b = evt_date_format_iso (with_seconds, FALSE);
  g_autofree char *c = evt_date_format_iso (utc, FALSE);
  g_autofree char *d = evt_date_format_iso (morning, TRUE);
  g_autofree char *e = evt_date_range_format_iso (day, day, TRUE);
  g_autofree char *f = evt_date_range_format_iso (day, later_day, TRUE);
  g_autofree char *g = evt_date_range_format_iso (day, NULL, TRUE);
  g_autofree char *h = evt_date_range_format_iso (morning, with_seconds, FALSE);
  g_autofree char *i = evt_date_format_iso (early, TRUE);

  g_assert_cmpstr (a, ==, "2021-10-05T09:00");
  g_assert_cmpstr (b, ==, "2021-10-05T09:00:30");
  g_assert_cmpstr (c, ==, "2021-10-05T07:00");  /* in the GDateTime's own zone */
  g_assert_cmpstr (d, ==, "2021-10-05");
  g_assert_cmpstr (e, ==, "2021-10-05");
  g_assert_cmpstr (f, ==, "2021-10-05..2021-10-08");
  g_assert_cmpstr (g, ==, "2021-10-05");
  g_assert_cmpstr (h, ==, "2021-10-05T09:00..2021-10-05T09:00:30");
  g_assert_cmpstr (i, ==, "0987-03-04");
  g_assert_null (evt_date_format_iso (NULL, TRUE));
  g_assert_null (evt_date_range_format_iso (NULL, NULL, FALSE));
}

static void
test_to_gdate (void)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2021, 12, 31, 23, 30, 0);
  g_autoptr(GTimeZone) tz = paris ();
  g_autoptr(GDateTime) in_paris = g_date_time_to_timezone (utc, tz);
  GDate date;

  /* The same instant is on New Year's Eve in UTC and New Year's Day in Paris. */
  evt_date_to_gdate (utc, &date);
  g_assert_true (g_date_valid (&date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2021);
  g_assert_cmpint (g_date_get_month (&date), ==, 12);
  g_assert_cmpint (g_date_get_day (&date), ==, 31);

  evt_date_to_gdate (in_paris, &date);
  g_assert_cmpint (g_date_get_year (&date), ==, 2022);
  g_assert_cmpint (g_date_get_month (&date), ==, 1);
  g_assert_cmpint (g_date_get_day (&date), ==, 1);

  evt_date_to_gdate (NULL, &date);
  g_assert_false (g_date_valid (&date));
}

/* Events */

static void
test_event_defaults (void)
{
  g_autoptr(EvtEvent) event = evt_event_new ();

  g_assert_cmpint (evt_event_get_id (event), ==, 0);
  g_assert_null (evt_event_get_uid (event));
  g_assert_null (evt_event_get_title (event));
  g_assert_cmpint (evt_event_get_kind (event), ==, EVT_KIND_OTHER);
  g_assert_cmpint (evt_event_get_status (event), ==, EVT_STATUS_TENTATIVE);
  g_assert_cmpint (evt_event_get_visibility (event), ==, EVT_VISIBILITY_PUBLIC);
  g_assert_cmpstr (evt_event_get_timezone (event), ==, "Europe/Paris");
  g_assert_true (evt_event_get_all_day (event));
  g_assert_null (evt_event_get_start (event));
  g_assert_null (evt_event_get_end (event));
  g_assert_cmpint (evt_event_get_budget_cents (event), ==, -1);
  g_assert_cmpint (evt_event_get_sequence (event), ==, 0);
  g_assert_nonnull (evt_event_get_sectors (event));
  g_assert_null (evt_event_get_sectors (event)[0]);
  g_assert_false (evt_event_is_date_tba (event));
  g_assert_null (evt_event_format_range_iso (event));
  g_assert_null (evt_event_format_original_range_iso (event));

  /* "" and NULL are the same */
  evt_event_set_title (event, "Global Industrie");
  evt_event_set_title (event, "");
  g_assert_null (evt_event_get_title (event));
  evt_event_set_timezone (event, "America/Montreal");
  evt_event_set_timezone (event, "");
  g_assert_cmpstr (evt_event_get_timezone (event), ==, "Europe/Paris");
  {
    const char *sectors[] = { "health", "", "aero", "health", NULL };
    const char *empty[] = { "", NULL };

    evt_event_set_sectors (event, sectors);
    g_assert_cmpuint (g_strv_length ((char **) evt_event_get_sectors (event)), ==, 2);
    g_assert_cmpstr (evt_event_get_sectors (event)[0], ==, "health");
    g_assert_cmpstr (evt_event_get_sectors (event)[1], ==, "aero");
    g_assert_true (evt_event_has_sector (event, "aero"));
    g_assert_false (evt_event_has_sector (event, "energy"));
    evt_event_set_sectors (event, empty);
    g_assert_null (evt_event_get_sectors (event)[0]);
    g_assert_false (evt_event_has_sector (event, "health"));
  }
}

static void
test_event_properties_exist (void)
{
  static const char *names[] = {
    "id", "uid", "title", "kind", "status", "status-reason", "all-day", "start", "end",
    "timezone", "original-start", "original-end", "venue", "city", "country", "organiser",
    "partners", "sectors", "url", "description", "notes", "budget-cents", "visibility",
    "sequence", "created", "modified", "series", "source", "recurrence-id",
  };
  static const char *read_only[] = { "id", "sequence", "created", "modified" };
  g_autoptr(GTypeClass) klass = g_type_class_ref (EVT_TYPE_EVENT);
  guint n_pspecs;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass),
                                                                   &n_pspecs);

  g_assert_cmpuint (n_pspecs, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), names[i]);

      g_assert_nonnull (pspec);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_true (pspec->flags & G_PARAM_READABLE);
      g_assert_cmpint (!!(pspec->flags & G_PARAM_WRITABLE), ==,
                       !g_strv_contains (read_only, names[i]));
    }

  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                                        "kind")) ==
                 EVT_TYPE_KIND);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                                        "start")) ==
                 G_TYPE_DATE_TIME);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                                        "sectors")) ==
                 G_TYPE_STRV);
}

/* g_param_values_cmp() compares boxed values by address: compare contents. */
static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRV)
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      if (sa == NULL || sb == NULL)
        return sa == sb;
      return g_strv_equal (sa, sb);
    }
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *da = g_value_get_boxed (a);
      GDateTime *db = g_value_get_boxed (b);

      if (da == NULL || db == NULL)
        return da == db;
      return g_date_time_equal (da, db);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

/* Gives @value a value of its type that differs from @current. */
static void
make_other_value (GParamSpec   *pspec,
                  const GValue *current,
                  GValue       *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (current);
      g_autofree char *other = g_strconcat (s != NULL ? s : "", "x", NULL);

      /* A valid zone for "timezone", anything for the rest. */
      if (g_str_equal (pspec->name, "timezone"))
        g_value_set_string (value, g_strcmp0 (s, "UTC") == 0 ? "Europe/Paris" : "UTC");
      else
        g_value_set_string (value, other);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      g_value_set_boolean (value, !g_value_get_boolean (current));
    }
  else if (type == G_TYPE_INT64)
    {
      g_value_set_int64 (value, g_value_get_int64 (current) + 1);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_value_set_enum (value, g_value_get_enum (current) == 0 ? 1 : 0);
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = g_value_get_boxed (current);

      if (dt != NULL)
        g_value_take_boxed (value, g_date_time_add_days (dt, 1));
      else
        g_value_take_boxed (value, paris_dt (2021, 10, 5, 0, 0));
    }
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (current);
      const char *one[] = { "health", NULL };
      const char *two[] = { "health", "aero", NULL };

      g_value_set_boxed (value, strv != NULL && strv[0] != NULL ? two : one);
    }
  else
    {
      g_assert_not_reached ();
    }
}

static void
test_event_notify (void)
{
  g_autoptr(EvtEvent) event = evt_event_new ();
  g_autoptr(GTypeClass) klass = g_type_class_ref (EVT_TYPE_EVENT);
  guint n_pspecs;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass),
                                                                   &n_pspecs);

  /* Every writable property: notified once on a change, not when set to the same
   * value, and reads back what was written. */
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) current = G_VALUE_INIT;
      g_auto(GValue) other = G_VALUE_INIT;
      g_auto(GValue) read_back = G_VALUE_INIT;
      g_autofree char *signal = NULL;
      guint count = 0;
      gulong id;

      if (!(pspec->flags & G_PARAM_WRITABLE))
        continue;

      g_test_message ("property %s", pspec->name);
      g_value_init (&current, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (G_OBJECT (event), pspec->name, &current);
      make_other_value (pspec, &current, &other);

      signal = g_strconcat ("notify::", pspec->name, NULL);
      id = g_signal_connect (event, signal, G_CALLBACK (count_notify), &count);

      g_object_set_property (G_OBJECT (event), pspec->name, &other);
      g_assert_cmpuint (count, ==, 1);
      g_object_set_property (G_OBJECT (event), pspec->name, &other);
      g_assert_cmpuint (count, ==, 1);

      g_value_init (&read_back, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (G_OBJECT (event), pspec->name, &read_back);
      g_assert_true (values_equal (pspec, &read_back, &other));

      g_signal_handler_disconnect (event, id);
    }

  /* Through the setters too. */
  {
    guint title = 0, start = 0, end = 0, all_day = 0, sectors = 0;
    g_autoptr(GDateTime) a = paris_dt (2021, 10, 5, 0, 0);
    g_autoptr(GDateTime) a_again = paris_dt (2021, 10, 5, 0, 0);
    g_autoptr(GDateTime) b = paris_dt (2021, 10, 8, 0, 0);
    g_autoptr(GDateTime) a_utc = g_date_time_to_utc (a);
    const char *s1[] = { "health", "aero", NULL };
    const char *s1_again[] = { "health", "aero", NULL };
    g_autoptr(EvtEvent) fresh = evt_event_new ();

    g_signal_connect (fresh, "notify::title", G_CALLBACK (count_notify), &title);
    g_signal_connect (fresh, "notify::start", G_CALLBACK (count_notify), &start);
    g_signal_connect (fresh, "notify::end", G_CALLBACK (count_notify), &end);
    g_signal_connect (fresh, "notify::all-day", G_CALLBACK (count_notify), &all_day);
    g_signal_connect (fresh, "notify::sectors", G_CALLBACK (count_notify), &sectors);

    evt_event_set_title (fresh, "Micronora");
    evt_event_set_title (fresh, "Micronora");
    g_assert_cmpuint (title, ==, 1);
    evt_event_set_title (fresh, NULL);
    evt_event_set_title (fresh, "");
    g_assert_cmpuint (title, ==, 2);

    evt_event_set_dates (fresh, TRUE, a, b);
    g_assert_cmpuint (start, ==, 1);
    g_assert_cmpuint (end, ==, 1);
    g_assert_cmpuint (all_day, ==, 0);  /* already TRUE */
    evt_event_set_dates (fresh, TRUE, a_again, b);
    g_assert_cmpuint (start, ==, 1);
    g_assert_cmpuint (end, ==, 1);
    evt_event_set_dates (fresh, FALSE, a, a);
    g_assert_cmpuint (start, ==, 1);
    g_assert_cmpuint (end, ==, 2);
    g_assert_cmpuint (all_day, ==, 1);
    /* Same instant in another zone is a change: the wall clock differs. */
    evt_event_set_dates (fresh, FALSE, a_utc, a);
    g_assert_cmpuint (start, ==, 2);

    evt_event_set_sectors (fresh, s1);
    evt_event_set_sectors (fresh, s1_again);
    g_assert_cmpuint (sectors, ==, 1);
    evt_event_set_sectors (fresh, NULL);
    evt_event_set_sectors (fresh, NULL);
    g_assert_cmpuint (sectors, ==, 2);
  }
}

static EvtEvent *
make_full_event (void)
{
  EvtEvent *event = evt_event_new ();
  g_autoptr(GDateTime) start = paris_dt (2021, 10, 5, 0, 0);
  g_autoptr(GDateTime) end = paris_dt (2021, 10, 8, 0, 0);
  g_autoptr(GDateTime) ostart = paris_dt (2021, 3, 16, 0, 0);
  g_autoptr(GDateTime) oend = paris_dt (2021, 3, 19, 0, 0);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2021, 1, 4, 10, 0, 0);
  g_autoptr(GDateTime) modified = g_date_time_new_utc (2021, 2, 1, 10, 0, 0);
  const char *sectors[] = { "health", "microtech", NULL };

  evt_event_set_id (event, 17);
  evt_event_set_uid (event, "micronora-2021@eventail");
  evt_event_set_title (event, "Micronora");
  evt_event_set_kind (event, EVT_KIND_TRADE_SHOW);
  evt_event_set_status (event, EVT_STATUS_POSTPONED);
  evt_event_set_status_reason (event, "crise sanitaire");
  evt_event_set_dates (event, TRUE, start, end);
  evt_event_set_original_dates (event, ostart, oend);
  evt_event_set_venue (event, "Micropolis");
  evt_event_set_city (event, "Besançon");
  evt_event_set_country (event, "France");
  evt_event_set_organiser (event, "Micronora");
  evt_event_set_partners (event, "AEROµTECH, Innov'Health");
  evt_event_set_sectors (event, sectors);
  evt_event_set_url (event, "https://www.micronora.com");
  evt_event_set_description (event, "Salon international des microtechniques");
  evt_event_set_notes (event, "Stand partagé de 36 m²");
  evt_event_set_budget_cents (event, 1250000);
  evt_event_set_visibility (event, EVT_VISIBILITY_INTERNAL);
  evt_event_set_sequence (event, 3);
  evt_event_set_created (event, created);
  evt_event_set_modified (event, modified);
  evt_event_set_series (event, "micronora");
  evt_event_set_source (event, "sample");
  evt_event_set_recurrence_id (event, "2021-10-05");

  return event;
}

static void
test_event_copy (void)
{
  g_autoptr(EvtEvent) event = make_full_event ();
  g_autoptr(EvtEvent) copy = evt_event_copy (event);
  g_autoptr(GTypeClass) klass = g_type_class_ref (EVT_TYPE_EVENT);
  guint n_pspecs;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass),
                                                                   &n_pspecs);
  const char *other_sectors[] = { "aero", NULL };
  g_autoptr(GDateTime) other_start = paris_dt (2022, 1, 1, 0, 0);

  g_assert_true (copy != event);

  /* Every property, read-only ones included, is copied. */
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      g_value_init (&a, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_value_init (&b, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_object_get_property (G_OBJECT (event), pspecs[i]->name, &a);
      g_object_get_property (G_OBJECT (copy), pspecs[i]->name, &b);
      g_test_message ("property %s", pspecs[i]->name);
      g_assert_true (values_equal (pspecs[i], &a, &b));
    }
  g_assert_cmpint (evt_event_get_id (copy), ==, 17);
  g_assert_cmpint (evt_event_get_sequence (copy), ==, 3);
  g_assert_true (evt_event_publish_equal (event, copy));
  g_assert_true (evt_event_get_sectors (copy) != evt_event_get_sectors (event));
  g_assert_true (evt_event_get_title (copy) != evt_event_get_title (event));

  /* Changing the copy leaves the original alone. */
  evt_event_set_title (copy, "Micronora 2022");
  evt_event_set_sectors (copy, other_sectors);
  evt_event_set_dates (copy, TRUE, other_start, other_start);
  evt_event_set_notes (copy, NULL);
  g_assert_cmpstr (evt_event_get_title (event), ==, "Micronora");
  g_assert_cmpstr (evt_event_get_sectors (event)[0], ==, "health");
  g_assert_cmpstr (evt_event_get_sectors (event)[1], ==, "microtech");
  g_assert_cmpstr (evt_event_get_notes (event), ==, "Stand partagé de 36 m²");
  g_assert_cmpint (g_date_time_get_year (evt_event_get_start (event)), ==, 2021);

  /* And the copy outlives the original. */
  g_clear_object (&event);
  g_assert_cmpstr (evt_event_get_uid (copy), ==, "micronora-2021@eventail");
  g_assert_cmpint (g_date_time_get_year (evt_event_get_created (copy)), ==, 2021);
}

static void
test_event_publish_equal (void)
{
  g_autoptr(EvtEvent) event = make_full_event ();
  const char *other_sectors[] = { "health", NULL };
  const char *reordered[] = { "microtech", "health", NULL };
  g_autoptr(GDateTime) later = paris_dt (2021, 10, 9, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_true (evt_event_publish_equal (event, event));

#define CHECK(expected, statement)                                    \
  G_STMT_START {                                                      \
    g_autoptr(EvtEvent) copy = evt_event_copy (event);                \
    statement;                                                        \
    g_test_message ("%s", #statement);                                \
    g_assert_cmpint (evt_event_publish_equal (event, copy), ==, expected); \
    g_assert_cmpint (evt_event_publish_equal (copy, event), ==, expected); \
  } G_STMT_END

  /* Not published */
  CHECK (TRUE, evt_event_set_notes (copy, "autre chose"));
  CHECK (TRUE, evt_event_set_budget_cents (copy, -1));
  CHECK (TRUE, evt_event_set_source (copy, "partners.ics"));
  CHECK (TRUE, evt_event_set_series (copy, NULL));
  CHECK (TRUE, evt_event_set_id (copy, 99));
  CHECK (TRUE, evt_event_set_sequence (copy, 4));
  CHECK (TRUE, evt_event_set_modified (copy, now));
  CHECK (TRUE, evt_event_set_created (copy, NULL));

  /* Published */
  CHECK (FALSE, evt_event_set_uid (copy, "other@eventail"));
  CHECK (FALSE, evt_event_set_title (copy, "Micronora 2021"));
  CHECK (FALSE, evt_event_set_kind (copy, EVT_KIND_CONGRESS));
  CHECK (FALSE, evt_event_set_status (copy, EVT_STATUS_CONFIRMED));
  CHECK (FALSE, evt_event_set_status_reason (copy, NULL));
  CHECK (FALSE, evt_event_set_dates (copy, TRUE, evt_event_get_start (event), later));
  CHECK (FALSE, evt_event_set_dates (copy, FALSE, evt_event_get_start (event),
                                     evt_event_get_end (event)));
  CHECK (FALSE, evt_event_set_timezone (copy, "America/Montreal"));
  CHECK (FALSE, evt_event_set_original_dates (copy, NULL, NULL));
  CHECK (FALSE, evt_event_set_venue (copy, "Parc des expositions"));
  CHECK (FALSE, evt_event_set_city (copy, "Lyon"));
  CHECK (FALSE, evt_event_set_country (copy, "Suisse"));
  CHECK (FALSE, evt_event_set_organiser (copy, NULL));
  CHECK (FALSE, evt_event_set_partners (copy, NULL));
  CHECK (FALSE, evt_event_set_sectors (copy, other_sectors));
  CHECK (FALSE, evt_event_set_sectors (copy, reordered));
  CHECK (FALSE, evt_event_set_url (copy, "https://example.org"));
  CHECK (FALSE, evt_event_set_description (copy, "Autre"));
  CHECK (FALSE, evt_event_set_visibility (copy, EVT_VISIBILITY_PUBLIC));
  CHECK (FALSE, evt_event_set_recurrence_id (copy, NULL));

#undef CHECK
}

static gboolean
overlaps (EvtEvent *event, int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return evt_event_overlaps_day (event, &date);
}

static void
test_event_overlaps_day (void)
{
  g_autoptr(EvtEvent) event = evt_event_new ();
  g_autoptr(GTimeZone) tz = paris ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  gboolean all_day;
  GDate invalid;

  g_assert_false (overlaps (event, 2021, 10, 5));  /* no dates */

  /* A range across New Year */
  g_assert_true (evt_date_range_parse ("2021-12-30..2022-01-02", tz, &all_day, &start, &end,
                                       &error));
  g_assert_no_error (error);
  evt_event_set_dates (event, all_day, start, end);
  g_assert_false (overlaps (event, 2021, 12, 29));
  g_assert_true (overlaps (event, 2021, 12, 30));
  g_assert_true (overlaps (event, 2021, 12, 31));
  g_assert_true (overlaps (event, 2022, 1, 1));
  g_assert_true (overlaps (event, 2022, 1, 2));  /* the last day is inclusive */
  g_assert_false (overlaps (event, 2022, 1, 3));
  g_assert_false (overlaps (event, 2020, 12, 31));
  {
    g_autofree char *range = evt_event_format_range_iso (event);

    g_assert_cmpstr (range, ==, "2021-12-30..2022-01-02");
  }
  g_date_clear (&invalid, 1);
  g_assert_false (evt_event_overlaps_day (event, &invalid));
  g_clear_pointer (&start, g_date_time_unref);
  g_clear_pointer (&end, g_date_time_unref);

  /* A timed evening event across midnight */
  g_assert_true (evt_date_range_parse ("2021-12-31T20:00..2022-01-01T02:00", tz, &all_day,
                                       &start, &end, &error));
  evt_event_set_dates (event, all_day, start, end);
  g_assert_false (overlaps (event, 2021, 12, 30));
  g_assert_true (overlaps (event, 2021, 12, 31));
  g_assert_true (overlaps (event, 2022, 1, 1));
  g_assert_false (overlaps (event, 2022, 1, 2));
  g_clear_pointer (&start, g_date_time_unref);
  g_clear_pointer (&end, g_date_time_unref);

  /* A timed event that ends at midnight does not reach the next day. */
  g_assert_true (evt_date_range_parse ("2021-10-05T22:00..2021-10-06T00:00", tz, &all_day,
                                       &start, &end, &error));
  evt_event_set_dates (event, all_day, start, end);
  g_assert_true (overlaps (event, 2021, 10, 5));
  g_assert_false (overlaps (event, 2021, 10, 6));
  g_clear_pointer (&start, g_date_time_unref);
  g_clear_pointer (&end, g_date_time_unref);

  /* A one-day all-day event */
  g_assert_true (evt_date_range_parse ("2021-10-05", tz, &all_day, &start, &end, &error));
  evt_event_set_dates (event, all_day, start, end);
  g_assert_false (overlaps (event, 2021, 10, 4));
  g_assert_true (overlaps (event, 2021, 10, 5));
  g_assert_false (overlaps (event, 2021, 10, 6));
}

static void
test_event_date_tba (void)
{
  g_autoptr(EvtEvent) event = evt_event_new ();
  g_autoptr(GDateTime) planned = paris_dt (2021, 3, 16, 0, 0);
  g_autoptr(GDateTime) planned_end = paris_dt (2021, 3, 19, 0, 0);
  g_autoptr(GDateTime) moved = paris_dt (2021, 10, 5, 0, 0);
  g_autoptr(GDateTime) moved_end = paris_dt (2021, 10, 8, 0, 0);
  g_autofree char *original = NULL;
  g_autofree char *range = NULL;

  evt_event_set_dates (event, TRUE, planned, planned_end);
  evt_event_set_original_dates (event, planned, planned_end);
  g_assert_false (evt_event_is_date_tba (event));  /* not postponed */

  evt_event_set_status (event, EVT_STATUS_POSTPONED);
  g_assert_true (evt_event_is_date_tba (event));

  evt_event_set_dates (event, TRUE, moved, moved_end);
  g_assert_false (evt_event_is_date_tba (event));
  original = evt_event_format_original_range_iso (event);
  range = evt_event_format_range_iso (event);
  g_assert_cmpstr (original, ==, "2021-03-16..2021-03-19");
  g_assert_cmpstr (range, ==, "2021-10-05..2021-10-08");

  evt_event_set_original_dates (event, NULL, NULL);
  g_assert_false (evt_event_is_date_tba (event));
  g_assert_null (evt_event_format_original_range_iso (event));
}

/* Queries and sectors */

static void
test_query (void)
{
  g_autoptr(EvtQuery) query = evt_query_new ();
  g_autoptr(EvtQuery) copy = NULL;
  EvtQuery *boxed;
  char *sectors[] = { (char *) "health", NULL };

  g_assert_false (g_date_valid (&query->from));
  g_assert_false (g_date_valid (&query->to));
  g_assert_cmpint (query->visibility, ==, -1);
  g_assert_cmpuint (query->statuses, ==, 0);
  g_assert_cmpuint (query->kinds, ==, 0);
  g_assert_null (query->sectors);
  g_assert_null (query->search);
  g_assert_true (evt_query_is_empty (query));

  query->search = g_strdup ("  ");
  g_assert_true (evt_query_is_empty (query));
  g_clear_pointer (&query->search, g_free);

  evt_query_set_year (query, 2021);
  g_assert_false (evt_query_is_empty (query));
  g_assert_cmpint (g_date_get_year (&query->from), ==, 2021);
  g_assert_cmpint (g_date_get_month (&query->from), ==, G_DATE_JANUARY);
  g_assert_cmpint (g_date_get_day (&query->from), ==, 1);
  g_assert_cmpint (g_date_get_year (&query->to), ==, 2021);
  g_assert_cmpint (g_date_get_month (&query->to), ==, G_DATE_DECEMBER);
  g_assert_cmpint (g_date_get_day (&query->to), ==, 31);

  query->statuses = 1 << EVT_STATUS_CANCELLED;
  query->sectors = g_strdupv (sectors);
  query->search = g_strdup ("micro");
  copy = evt_query_copy (query);
  g_assert_true (copy->sectors != query->sectors);
  g_assert_true (copy->search != query->search);
  g_assert_cmpstr (copy->sectors[0], ==, "health");
  g_assert_cmpstr (copy->search, ==, "micro");
  g_assert_cmpint (g_date_compare (&copy->to, &query->to), ==, 0);
  g_assert_cmpuint (copy->statuses, ==, query->statuses);

  /* Equal to its copy; each field on its own makes a difference. */
  g_assert_true (evt_query_equal (copy, query));
  {
    g_autoptr(EvtQuery) other = evt_query_copy (query);
    char *empty[] = { NULL };

    evt_query_set_year (other, 2022);
    g_assert_false (evt_query_equal (other, query));
    evt_query_set_year (other, 2021);
    g_assert_true (evt_query_equal (other, query));
    other->statuses = 0;
    g_assert_false (evt_query_equal (other, query));
    other->statuses = query->statuses;
    g_clear_pointer (&other->search, g_free);
    g_assert_false (evt_query_equal (other, query));
    other->search = g_strdup ("micro");
    other->sort = EVT_QUERY_SORT_TITLE;
    g_assert_false (evt_query_equal (other, query));
    other->sort = query->sort;
    other->descending = TRUE;
    g_assert_false (evt_query_equal (other, query));
    other->descending = FALSE;
    other->visibility = EVT_VISIBILITY_PUBLIC;
    g_assert_false (evt_query_equal (other, query));
    other->visibility = query->visibility;
    g_strfreev (other->sectors);
    other->sectors = g_strdupv (empty);
    g_assert_false (evt_query_equal (other, query));
    g_clear_pointer (&other->sectors, g_strfreev);
    g_clear_pointer (&query->sectors, g_strfreev);
    /* No sectors and an empty list, or a blank search and none, are the same. */
    other->sectors = g_strdupv (empty);
    g_assert_true (evt_query_equal (other, query));
    g_clear_pointer (&query->search, g_free);
    g_clear_pointer (&other->search, g_free);
    other->search = g_strdup (" ");
    g_assert_true (evt_query_equal (other, query));
    query->sectors = g_strdupv (sectors);
    query->search = g_strdup ("micro");
    g_assert_true (evt_query_equal (copy, query));
  }

  boxed = g_boxed_copy (EVT_TYPE_QUERY, copy);
  g_clear_pointer (&copy, evt_query_free);
  g_assert_cmpstr (boxed->search, ==, "micro");
  g_boxed_free (EVT_TYPE_QUERY, boxed);

  /* Each filter on its own makes the query non-empty. */
  {
    g_autoptr(EvtQuery) q = evt_query_new ();

    q->kinds = 1 << EVT_KIND_WEBINAR;
    g_assert_false (evt_query_is_empty (q));
    q->kinds = 0;
    q->visibility = EVT_VISIBILITY_PUBLIC;
    g_assert_false (evt_query_is_empty (q));
    q->visibility = -1;
    q->sectors = g_strdupv (sectors);
    g_assert_false (evt_query_is_empty (q));
    g_clear_pointer (&q->sectors, g_strfreev);
    q->search = g_strdup ("salon");
    g_assert_false (evt_query_is_empty (q));
    g_clear_pointer (&q->search, g_free);
    g_date_set_dmy (&q->to, 1, 1, 2022);
    g_assert_false (evt_query_is_empty (q));
  }

  evt_query_free (NULL);
}

static void
test_sector (void)
{
  g_autoptr(EvtSector) sector = evt_sector_new ("health", "Santé (Innov'Health)", "#3584e4");
  g_autoptr(EvtSector) copy = evt_sector_copy (sector);
  EvtSector *boxed = g_boxed_copy (EVT_TYPE_SECTOR, sector);

  g_assert_cmpstr (copy->slug, ==, "health");
  g_assert_cmpstr (copy->name, ==, "Santé (Innov'Health)");
  g_assert_cmpstr (copy->colour, ==, "#3584e4");
  g_assert_true (copy->name != sector->name);
  g_assert_cmpstr (boxed->slug, ==, "health");
  g_boxed_free (EVT_TYPE_SECTOR, boxed);
  evt_sector_free (NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/types/kind", test_kind_strings);
  g_test_add_func ("/model/types/status", test_status_strings);
  g_test_add_func ("/model/types/visibility", test_visibility_strings);
  g_test_add_func ("/model/date/timezone", test_timezone);
  g_test_add_func ("/model/date/parse-accepted", test_parse_accepted);
  g_test_add_func ("/model/date/parse-zone", test_parse_zone);
  g_test_add_func ("/model/date/parse-rejected", test_parse_rejected);
  g_test_add_func ("/model/date/format", test_format);
  g_test_add_func ("/model/date/to-gdate", test_to_gdate);
  g_test_add_func ("/model/event/defaults", test_event_defaults);
  g_test_add_func ("/model/event/properties", test_event_properties_exist);
  g_test_add_func ("/model/event/notify", test_event_notify);
  g_test_add_func ("/model/event/copy", test_event_copy);
  g_test_add_func ("/model/event/publish-equal", test_event_publish_equal);
  g_test_add_func ("/model/event/overlaps-day", test_event_overlaps_day);
  g_test_add_func ("/model/event/date-tba", test_event_date_tba);
  g_test_add_func ("/model/query", test_query);
  g_test_add_func ("/model/sector", test_sector);

  return g_test_run ();
}
