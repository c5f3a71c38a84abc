/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-planning.c: cancel, postpone, hold, duplicate and next editions, saved for real. */
#include <glib/gstdio.h>

#include "evt-date.h"
#include "evt-planning.h"
#include "evt-store.h"

typedef struct
{
  char     *dir;
  EvtStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("eventail-planning-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "eventail.db", NULL);
  fixture->store = evt_store_new (path);
  evt_store_open (fixture->store, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static EvtEvent *
make_event (Fixture    *fixture,
            const char *title,
            const char *dates)
{
  g_autoptr(EvtEvent) event = evt_event_new ();
  g_autoptr(GTimeZone) tz = evt_timezone_new (NULL, NULL);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GError) error = NULL;
  gboolean all_day;

  g_assert_true (evt_date_range_parse (dates, tz, &all_day, &start, &end, &error));
  evt_event_set_title (event, title);
  evt_event_set_kind (event, EVT_KIND_TRADE_SHOW);
  evt_event_set_status (event, EVT_STATUS_CONFIRMED);
  evt_event_set_dates (event, all_day, start, end);
  evt_event_set_city (event, "Besançon");
  evt_event_set_notes (event, "Stand 12");
  evt_event_set_budget_cents (event, 1600000);
  evt_store_insert_event (fixture->store, event, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&event);
}

static char *
range_of (EvtEvent *event)
{
  return evt_event_format_range_iso (event);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(EvtEvent) event = make_event (fixture, "Micronora", "2021-09-28..2021-10-01");
  g_autoptr(EvtEvent) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *range = NULL;

  evt_event_cancel (event, "Crise sanitaire");
  evt_store_update_event (fixture->store, event, &error);
  g_assert_no_error (error);

  stored = evt_store_get_event (fixture->store, evt_event_get_id (event), &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_event_get_status (stored), ==, EVT_STATUS_CANCELLED);
  g_assert_cmpstr (evt_event_get_status_reason (stored), ==, "Crise sanitaire");
  /* The calendar keeps showing what did not take place. */
  range = range_of (stored);
  g_assert_cmpstr (range, ==, "2021-09-28..2021-10-01");
  /* A cancellation is news for subscribers. */
  g_assert_cmpint (evt_event_get_sequence (stored), ==, 1);
}

static void
test_postpone (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(EvtEvent) event = make_event (fixture, "La Rentrée du DM", "2022-09-15");
  g_autoptr(EvtEvent) stored = NULL;
  g_autoptr(GTimeZone) tz = evt_timezone_new (NULL, NULL);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *range = NULL;
  g_autofree char *original = NULL;
  gboolean all_day;

  /* First without a date: to be announced, in place. */
  evt_event_postpone (event, NULL, NULL, "Salle indisponible");
  g_assert_true (evt_event_is_date_tba (event));
  evt_store_update_event (fixture->store, event, &error);
  g_assert_no_error (error);

  /* Then to a new date: the very first dates stay the original ones. */
  g_assert_true (evt_date_range_parse ("2022-10-13", tz, &all_day, &start, &end, &error));
  evt_event_postpone (event, start, end, "À la demande de l'ISIFC");
  evt_store_update_event (fixture->store, event, &error);
  g_assert_no_error (error);

  stored = evt_store_get_event (fixture->store, evt_event_get_id (event), &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_event_get_status (stored), ==, EVT_STATUS_POSTPONED);
  g_assert_false (evt_event_is_date_tba (stored));
  range = range_of (stored);
  original = evt_event_format_original_range_iso (stored);
  g_assert_cmpstr (range, ==, "2022-10-13");
  g_assert_cmpstr (original, ==, "2022-09-15");
  g_assert_cmpstr (evt_event_get_status_reason (stored), ==, "À la demande de l'ISIFC");
}

static void
test_hold (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(EvtEvent) event = make_event (fixture, "SIAMS", "2022-04-05..2022-04-08");

  evt_event_postpone (event, NULL, NULL, "Report");
  evt_event_mark_held (event);
  g_assert_cmpint (evt_event_get_status (event), ==, EVT_STATUS_HELD);
  g_assert_null (evt_event_get_status_reason (event));
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(EvtEvent) event = make_event (fixture, "Medica", "2022-11-14..2022-11-17");
  g_autoptr(EvtEvent) copy = evt_event_duplicate (event);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (evt_event_get_id (copy), ==, 0);
  g_assert_null (evt_event_get_uid (copy));
  g_assert_cmpstr (evt_event_get_title (copy), ==, "Medica (copy)");
  g_assert_cmpstr (evt_event_get_city (copy), ==, "Besançon");

  evt_store_insert_event (fixture->store, copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_event_get_id (copy), !=, evt_event_get_id (event));
  g_assert_cmpstr (evt_event_get_uid (copy), !=, evt_event_get_uid (event));
  g_assert_cmpint (evt_store_count_events (fixture->store, NULL), ==, 2);
}

static void
test_next_edition (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Micronora 2022: Tuesday 27 to Friday 30 September, every two years. */
  g_autoptr(EvtEvent) y2020 = make_event (fixture, "Micronora", "2020-09-22..2020-09-25");
  g_autoptr(EvtEvent) y2022 = make_event (fixture, "Micronora", "2022-09-27..2022-09-30");
  g_autoptr(GPtrArray) series = g_ptr_array_new ();
  g_autoptr(EvtEvent) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *range = NULL;
  int years;

  g_ptr_array_add (series, y2020);
  years = evt_event_guess_edition_years (y2022, series);
  g_assert_cmpint (years, ==, 2);
  g_assert_cmpint (evt_event_guess_edition_years (y2022, NULL), ==, 1);

  evt_event_cancel (y2022, "Crise sanitaire");
  next = evt_event_plan_next_edition (y2022, years);
  range = range_of (next);
  /* 2024-09-27 is a Friday: back to Tuesday 24, still four days. */
  g_assert_cmpstr (range, ==, "2024-09-24..2024-09-27");
  g_assert_cmpint (evt_event_get_status (next), ==, EVT_STATUS_TENTATIVE);
  g_assert_null (evt_event_get_status_reason (next));
  g_assert_null (evt_event_get_notes (next));
  g_assert_cmpstr (evt_event_get_series (next), ==, evt_event_get_uid (y2022));
  g_assert_cmpstr (evt_event_get_series (y2022), ==, evt_event_get_uid (y2022));

  evt_store_insert_event (fixture->store, next, &error);
  g_assert_no_error (error);
  evt_store_update_event (fixture->store, y2022, &error);
  g_assert_no_error (error);
}

static void
test_next_edition_timed (Fixture       *fixture,
                         gconstpointer  data)
{
  /* A winter evening meeting planned a year on keeps its wall-clock times. */
  g_autoptr(EvtEvent) event = make_event (fixture, "AG", "2022-06-23T17:30..2022-06-23T20:00");
  g_autoptr(EvtEvent) next = evt_event_plan_next_edition (event, 1);
  g_autofree char *range = range_of (next);

  /* 2023-06-23 is a Friday; 2022-06-23 was a Thursday. */
  g_assert_cmpstr (range, ==, "2023-06-22T17:30..2023-06-22T20:00");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/planning/cancel", test_cancel);
  ADD ("/planning/postpone", test_postpone);
  ADD ("/planning/hold", test_hold);
  ADD ("/planning/duplicate", test_duplicate);
  ADD ("/planning/next-edition", test_next_edition);
  ADD ("/planning/next-edition-timed", test_next_edition_timed);
#undef ADD

  return g_test_run ();
}
