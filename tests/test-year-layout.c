/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-year-layout.c: placing events in the year grid, without a display (suite core). */
#include "config.h"

#include <locale.h>

#include "evt-year-layout.h"

static const EvtYearMetrics test_metrics = {
  .label_width = 100,
  .end_margin = 10,
  .top_margin = 4,
  .header_height = 20,
  .lane_height = 18,
  .lane_spacing = 2,
  .row_padding = 6,
  .min_lanes = 2,
  .bar_inset = 1,
};

static GDateTime *
local_dt (const char *tzid,
          int         year,
          int         month,
          int         day,
          int         hour,
          int         minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);

  g_assert_nonnull (tz);
  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static EvtEvent *
all_day_event (int y1, int m1, int d1, int y2, int m2, int d2)
{
  EvtEvent *event = evt_event_new ();
  g_autoptr(GDateTime) start = local_dt ("Europe/Paris", y1, m1, d1, 0, 0);
  g_autoptr(GDateTime) end = local_dt ("Europe/Paris", y2, m2, d2, 0, 0);

  evt_event_set_dates (event, TRUE, start, end);
  return event;
}

static EvtEvent *
timed_event (const char *tzid,
             int y1, int m1, int d1, int h1, int min1,
             int y2, int m2, int d2, int h2, int min2)
{
  EvtEvent *event = evt_event_new ();
  g_autoptr(GDateTime) start = local_dt (tzid, y1, m1, d1, h1, min1);
  g_autoptr(GDateTime) end = local_dt (tzid, y2, m2, d2, h2, min2);

  evt_event_set_timezone (event, tzid);
  evt_event_set_dates (event, FALSE, start, end);
  return event;
}

static void
assert_span (EvtEvent *event,
             int y1, int m1, int d1, int y2, int m2, int d2)
{
  EvtYearSpan span;

  g_assert_true (evt_year_span_from_event (event, &span));
  g_assert_cmpint (g_date_get_year (&span.first), ==, y1);
  g_assert_cmpint (g_date_get_month (&span.first), ==, m1);
  g_assert_cmpint (g_date_get_day (&span.first), ==, d1);
  g_assert_cmpint (g_date_get_year (&span.last), ==, y2);
  g_assert_cmpint (g_date_get_month (&span.last), ==, m2);
  g_assert_cmpint (g_date_get_day (&span.last), ==, d2);
}

/* The one segment of @item in @month, which must exist. */
static const EvtYearSegment *
segment_of (const EvtYearLayout *layout,
            guint                item,
            guint                month)
{
  int index = evt_year_layout_find_segment (layout, item, month);

  g_assert_cmpint (index, >=, 0);
  return evt_year_layout_get_segment (layout, (guint) index);
}

static guint
count_segments_of (const EvtYearLayout *layout,
                   guint                item)
{
  guint n = 0;

  for (guint i = 0; i < evt_year_layout_get_n_segments (layout); i++)
    if (evt_year_layout_get_segment (layout, i)->item == item)
      n++;

  return n;
}

/* No two bars of a row share a lane on a day, and a row has no more lanes than its
 * busiest day needs; every segment lies inside its month. */
static void
assert_lanes_sound (const EvtYearLayout *layout)
{
  guint n = evt_year_layout_get_n_segments (layout);

  for (guint month = 1; month <= EVT_YEAR_N_MONTHS; month++)
    {
      guint busiest = 0;
      guint dim = evt_year_layout_days_in_month (layout, month);

      for (guint day = 1; day <= dim; day++)
        {
          guint busy = 0;
          g_autofree gboolean *taken = g_new0 (gboolean, layout->n_lanes[month - 1] + 1);

          for (guint i = 0; i < n; i++)
            {
              const EvtYearSegment *seg = evt_year_layout_get_segment (layout, i);

              if (seg->month != month || day < seg->first_day || day > seg->last_day)
                continue;

              g_assert_cmpuint (seg->lane, <, layout->n_lanes[month - 1]);
              g_assert_false (taken[seg->lane]);
              taken[seg->lane] = TRUE;
              busy++;
            }
          busiest = MAX (busiest, busy);
        }

      g_assert_cmpuint (layout->n_lanes[month - 1], ==, busiest);
    }

  for (guint i = 0; i < n; i++)
    {
      const EvtYearSegment *seg = evt_year_layout_get_segment (layout, i);

      g_assert_cmpuint (seg->month, >=, 1);
      g_assert_cmpuint (seg->month, <=, 12);
      g_assert_cmpuint (seg->first_day, >=, 1);
      g_assert_cmpuint (seg->first_day, <=, seg->last_day);
      g_assert_cmpuint (seg->last_day, <=, evt_year_layout_days_in_month (layout, seg->month));
      g_assert_cmpuint (seg->free_last_day, >=, seg->last_day);
      g_assert_cmpuint (seg->free_last_day, <=,
                        evt_year_layout_days_in_month (layout, seg->month));
    }
}

static void
test_span_from_event (void)
{
  g_autoptr(EvtEvent) show = all_day_event (2021, 3, 16, 2021, 3, 19);
  g_autoptr(EvtEvent) one_day = all_day_event (2021, 6, 1, 2021, 6, 1);
  g_autoptr(EvtEvent) webinar = timed_event ("Europe/Paris", 2021, 2, 10, 14, 0,
                                             2021, 2, 10, 15, 30);
  g_autoptr(EvtEvent) to_midnight = timed_event ("Europe/Paris", 2021, 2, 10, 20, 0,
                                                 2021, 2, 11, 0, 0);
  g_autoptr(EvtEvent) overnight = timed_event ("Europe/Paris", 2021, 2, 10, 22, 0,
                                               2021, 2, 11, 2, 0);
  g_autoptr(EvtEvent) instant = timed_event ("Europe/Paris", 2021, 2, 10, 9, 0,
                                             2021, 2, 10, 9, 0);
  /* 00:30 on New Year's Day in Auckland is still December 31 in Paris: the day is
   * read in the event's own zone. */
  g_autoptr(EvtEvent) auckland = timed_event ("Pacific/Auckland", 2022, 1, 1, 0, 30,
                                              2022, 1, 1, 2, 0);
  g_autoptr(EvtEvent) no_dates = evt_event_new ();
  EvtYearSpan span;

  assert_span (show, 2021, 3, 16, 2021, 3, 19);
  assert_span (one_day, 2021, 6, 1, 2021, 6, 1);
  assert_span (webinar, 2021, 2, 10, 2021, 2, 10);
  assert_span (to_midnight, 2021, 2, 10, 2021, 2, 10);
  assert_span (overnight, 2021, 2, 10, 2021, 2, 11);
  assert_span (instant, 2021, 2, 10, 2021, 2, 10);
  assert_span (auckland, 2022, 1, 1, 2022, 1, 1);

  g_assert_false (evt_year_span_from_event (no_dates, &span));
  g_assert_false (g_date_valid (&span.first));
}

static void
test_right_months_and_days (void)
{
  EvtYearSpan spans[4];
  g_autoptr(EvtYearLayout) layout = NULL;
  const EvtYearSegment *seg;

  evt_year_span_set (&spans[0], 2021, 3, 16, 2021, 3, 19);  /* a trade show */
  evt_year_span_set (&spans[1], 2021, 1, 30, 2021, 2, 2);   /* over a month's end */
  evt_year_span_set (&spans[2], 2020, 6, 1, 2020, 6, 3);    /* another year */
  evt_year_span_set (&spans[3], 2021, 11, 7, 2021, 11, 7);  /* one day */

  layout = evt_year_layout_new (2021, spans, G_N_ELEMENTS (spans), &test_metrics);
  g_assert_cmpint (layout->year, ==, 2021);
  g_assert_cmpuint (layout->n_items, ==, 4);
  g_assert_cmpuint (layout->order->len, ==, 3);
  g_assert_cmpuint (evt_year_layout_get_n_segments (layout), ==, 4);

  seg = segment_of (layout, 0, 3);
  g_assert_cmpuint (seg->first_day, ==, 16);
  g_assert_cmpuint (seg->last_day, ==, 19);
  g_assert_cmpuint (seg->lane, ==, 0);
  g_assert_false (seg->clipped_start);
  g_assert_false (seg->clipped_end);
  g_assert_cmpuint (count_segments_of (layout, 0), ==, 1);

  seg = segment_of (layout, 1, 1);
  g_assert_cmpuint (seg->first_day, ==, 30);
  g_assert_cmpuint (seg->last_day, ==, 31);
  g_assert_false (seg->clipped_start);
  g_assert_true (seg->clipped_end);
  seg = segment_of (layout, 1, 2);
  g_assert_cmpuint (seg->first_day, ==, 1);
  g_assert_cmpuint (seg->last_day, ==, 2);
  g_assert_true (seg->clipped_start);
  g_assert_false (seg->clipped_end);

  g_assert_cmpuint (count_segments_of (layout, 2), ==, 0);
  g_assert_cmpint (evt_year_layout_order_position (layout, 2), ==, -1);

  seg = segment_of (layout, 3, 11);
  g_assert_cmpuint (seg->first_day, ==, 7);
  g_assert_cmpuint (seg->last_day, ==, 7);

  /* Chronological order: January's, then March's, then November's. */
  g_assert_cmpuint (g_array_index (layout->order, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (layout->order, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (layout->order, guint, 2), ==, 3);

  assert_lanes_sound (layout);
}

static void
test_across_new_year (void)
{
  g_autoptr(EvtEvent) event = all_day_event (2021, 12, 30, 2022, 1, 2);
  g_autoptr(EvtYearLayout) before = NULL;
  g_autoptr(EvtYearLayout) after = NULL;
  g_autoptr(EvtYearLayout) later = NULL;
  const EvtYearSegment *seg;
  EvtYearSpan span;

  g_assert_true (evt_year_span_from_event (event, &span));

  before = evt_year_layout_new (2021, &span, 1, &test_metrics);
  g_assert_cmpuint (evt_year_layout_get_n_segments (before), ==, 1);
  seg = segment_of (before, 0, 12);
  g_assert_cmpuint (seg->first_day, ==, 30);
  g_assert_cmpuint (seg->last_day, ==, 31);
  g_assert_false (seg->clipped_start);
  g_assert_true (seg->clipped_end);

  after = evt_year_layout_new (2022, &span, 1, &test_metrics);
  g_assert_cmpuint (evt_year_layout_get_n_segments (after), ==, 1);
  seg = segment_of (after, 0, 1);
  g_assert_cmpuint (seg->first_day, ==, 1);
  g_assert_cmpuint (seg->last_day, ==, 2);
  g_assert_true (seg->clipped_start);
  g_assert_false (seg->clipped_end);

  later = evt_year_layout_new (2023, &span, 1, &test_metrics);
  g_assert_cmpuint (evt_year_layout_get_n_segments (later), ==, 0);
  g_assert_cmpuint (later->order->len, ==, 0);
}

static void
test_long_event (void)
{
  EvtYearSpan span;
  g_autoptr(EvtYearLayout) layout = NULL;

  /* Two years long: the whole of 2021 is covered, clipped at both ends. */
  evt_year_span_set (&span, 2020, 11, 1, 2022, 2, 1);
  layout = evt_year_layout_new (2021, &span, 1, &test_metrics);
  g_assert_cmpuint (evt_year_layout_get_n_segments (layout), ==, 12);
  for (guint month = 1; month <= 12; month++)
    {
      const EvtYearSegment *seg = segment_of (layout, 0, month);

      g_assert_cmpuint (seg->first_day, ==, 1);
      g_assert_cmpuint (seg->last_day, ==, evt_year_layout_days_in_month (layout, month));
      g_assert_true (seg->clipped_start);
      g_assert_true (seg->clipped_end);
    }
}

static void
test_timed_events (void)
{
  g_autoptr(EvtEvent) webinar = timed_event ("Europe/Paris", 2021, 5, 12, 14, 0,
                                             2021, 5, 12, 15, 0);
  g_autoptr(EvtEvent) to_midnight = timed_event ("Europe/Paris", 2021, 5, 31, 20, 0,
                                                 2021, 6, 1, 0, 0);
  g_autoptr(EvtEvent) to_new_year = timed_event ("Europe/Paris", 2021, 12, 31, 20, 0,
                                                 2022, 1, 1, 0, 0);
  EvtYearSpan spans[3];
  g_autoptr(EvtYearLayout) layout = NULL;
  g_autoptr(EvtYearLayout) next = NULL;
  const EvtYearSegment *seg;

  g_assert_true (evt_year_span_from_event (webinar, &spans[0]));
  g_assert_true (evt_year_span_from_event (to_midnight, &spans[1]));
  g_assert_true (evt_year_span_from_event (to_new_year, &spans[2]));

  layout = evt_year_layout_new (2021, spans, 3, &test_metrics);
  g_assert_cmpuint (evt_year_layout_get_n_segments (layout), ==, 3);

  seg = segment_of (layout, 0, 5);
  g_assert_cmpuint (seg->first_day, ==, 12);
  g_assert_cmpuint (seg->last_day, ==, 12);

  /* Ending at midnight, the evening stays on May 31 and does not reach June. */
  seg = segment_of (layout, 1, 5);
  g_assert_cmpuint (seg->first_day, ==, 31);
  g_assert_cmpuint (seg->last_day, ==, 31);
  g_assert_false (seg->clipped_end);
  g_assert_cmpint (evt_year_layout_find_segment (layout, 1, 6), ==, -1);

  seg = segment_of (layout, 2, 12);
  g_assert_cmpuint (seg->last_day, ==, 31);
  g_assert_false (seg->clipped_end);

  next = evt_year_layout_new (2022, spans, 3, &test_metrics);
  g_assert_cmpuint (evt_year_layout_get_n_segments (next), ==, 0);
}

static void
test_leap_years (void)
{
  EvtYearSpan spans[3];
  g_autoptr(EvtYearLayout) leap = NULL;
  g_autoptr(EvtYearLayout) common = NULL;
  const EvtYearSegment *seg;

  evt_year_span_set (&spans[0], 2024, 2, 29, 2024, 2, 29);
  evt_year_span_set (&spans[1], 2024, 2, 27, 2024, 3, 2);
  evt_year_span_set (&spans[2], 2023, 2, 27, 2023, 3, 2);

  leap = evt_year_layout_new (2024, spans, 3, &test_metrics);
  g_assert_cmpuint (evt_year_layout_days_in_month (leap, 2), ==, 29);
  seg = segment_of (leap, 0, 2);
  g_assert_cmpuint (seg->first_day, ==, 29);
  g_assert_cmpuint (seg->last_day, ==, 29);
  seg = segment_of (leap, 1, 2);
  g_assert_cmpuint (seg->first_day, ==, 27);
  g_assert_cmpuint (seg->last_day, ==, 29);
  g_assert_true (seg->clipped_end);
  seg = segment_of (leap, 1, 3);
  g_assert_cmpuint (seg->first_day, ==, 1);
  g_assert_cmpuint (seg->last_day, ==, 2);
  /* Feb 29 overlaps Feb 27 → Mar 2: two lanes in February, one in March. */
  g_assert_cmpuint (leap->n_lanes[1], ==, 2);
  g_assert_cmpuint (leap->n_lanes[2], ==, 1);
  assert_lanes_sound (leap);

  common = evt_year_layout_new (2023, spans, 3, &test_metrics);
  g_assert_cmpuint (evt_year_layout_days_in_month (common, 2), ==, 28);
  seg = segment_of (common, 2, 2);
  g_assert_cmpuint (seg->last_day, ==, 28);
  seg = segment_of (common, 2, 3);
  g_assert_cmpuint (seg->first_day, ==, 1);
  g_assert_cmpuint (seg->last_day, ==, 2);
  assert_lanes_sound (common);
}

static void
test_lanes (void)
{
  EvtYearSpan spans[5];
  g_autoptr(EvtYearLayout) layout = NULL;

  /* 1–10 and 3–4 overlap; 5–6 fits in the lane of 3–4; 10–12 overlaps 1–10 on the
   * 10th only and takes the second lane. */
  evt_year_span_set (&spans[0], 2021, 4, 1, 2021, 4, 10);
  evt_year_span_set (&spans[1], 2021, 4, 3, 2021, 4, 4);
  evt_year_span_set (&spans[2], 2021, 4, 5, 2021, 4, 6);
  evt_year_span_set (&spans[3], 2021, 4, 10, 2021, 4, 12);
  evt_year_span_set (&spans[4], 2021, 4, 11, 2021, 4, 11);

  layout = evt_year_layout_new (2021, spans, 5, &test_metrics);
  g_assert_cmpuint (segment_of (layout, 0, 4)->lane, ==, 0);
  g_assert_cmpuint (segment_of (layout, 1, 4)->lane, ==, 1);
  g_assert_cmpuint (segment_of (layout, 2, 4)->lane, ==, 1);
  g_assert_cmpuint (segment_of (layout, 3, 4)->lane, ==, 1);
  g_assert_cmpuint (segment_of (layout, 4, 4)->lane, ==, 0);
  g_assert_cmpuint (layout->n_lanes[3], ==, 2);

  /* Room for a title after a bar: up to the day before the next bar of the lane. */
  g_assert_cmpuint (segment_of (layout, 1, 4)->free_last_day, ==, 4);
  g_assert_cmpuint (segment_of (layout, 2, 4)->free_last_day, ==, 9);
  g_assert_cmpuint (segment_of (layout, 3, 4)->free_last_day, ==, 30);
  assert_lanes_sound (layout);
}

/* A dense year as the cluster plans it: shows of 2 to 5 days, one-day meetings,
 * webinars, a few long events, with up to about ten on the same days. */
static GArray *
dense_year (int    year,
            guint  n,
            guint  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (EvtYearSpan));

  for (guint i = 0; i < n; i++)
    {
      EvtYearSpan span;
      GDate first;
      GDate last;
      int length;
      int r = g_rand_int_range (rand, 0, 100);

      length = r < 55 ? 1 : r < 90 ? g_rand_int_range (rand, 2, 6) : g_rand_int_range (rand, 6, 40);

      g_date_clear (&first, 1);
      g_date_set_dmy (&first, 1, 1, year);
      /* Some start the year before and end in this one. */
      g_date_subtract_days (&first, 10);
      g_date_add_days (&first, g_rand_int_range (rand, 0, 375));
      last = first;
      g_date_add_days (&last, length - 1);

      span.first = first;
      span.last = last;
      span.sort_key = (gint64) g_date_get_julian (&first) * 86400 +
                      g_rand_int_range (rand, 0, 86400);
      g_array_append_val (spans, span);
    }

  return spans;
}

static void
test_dense_year (void)
{
  g_autoptr(GArray) spans = dense_year (2021, 300, 42);
  g_autoptr(EvtYearLayout) layout = NULL;
  GDate year_first, year_last;
  guint shown = 0;
  guint max_lanes = 0;
  gint64 started = g_get_monotonic_time ();

  layout = evt_year_layout_new (2021, (EvtYearSpan *) (void *) spans->data, spans->len,
                                &test_metrics);
  g_test_message ("300 events laid out in %" G_GINT64_FORMAT " µs",
                  g_get_monotonic_time () - started);

  g_date_clear (&year_first, 1);
  g_date_clear (&year_last, 1);
  g_date_set_dmy (&year_first, 1, 1, 2021);
  g_date_set_dmy (&year_last, 31, 12, 2021);

  /* Every event of the year is shown, on exactly its days, clipped to the year. */
  for (guint item = 0; item < spans->len; item++)
    {
      const EvtYearSpan *span = &g_array_index (spans, EvtYearSpan, item);
      gboolean in_year = g_date_compare (&span->last, &year_first) >= 0 &&
                         g_date_compare (&span->first, &year_last) <= 0;
      guint expected = 0;
      guint covered = 0;
      GDate day;

      if (!in_year)
        {
          g_assert_cmpuint (count_segments_of (layout, item), ==, 0);
          continue;
        }
      shown++;

      for (day = span->first; g_date_compare (&day, &span->last) <= 0; g_date_add_days (&day, 1))
        {
          int index;
          const EvtYearSegment *seg;

          if (g_date_get_year (&day) != 2021)
            continue;
          expected++;
          index = evt_year_layout_find_segment (layout, item, g_date_get_month (&day));
          g_assert_cmpint (index, >=, 0);
          seg = evt_year_layout_get_segment (layout, (guint) index);
          g_assert_cmpuint (g_date_get_day (&day), >=, seg->first_day);
          g_assert_cmpuint (g_date_get_day (&day), <=, seg->last_day);
        }

      for (guint i = 0; i < evt_year_layout_get_n_segments (layout); i++)
        {
          const EvtYearSegment *seg = evt_year_layout_get_segment (layout, i);

          if (seg->item == item)
            covered += seg->last_day - seg->first_day + 1;
        }
      g_assert_cmpuint (covered, ==, expected);
    }

  g_assert_cmpuint (layout->order->len, ==, shown);
  g_assert_cmpuint (shown, >, 250);
  assert_lanes_sound (layout);

  for (guint m = 0; m < 12; m++)
    max_lanes = MAX (max_lanes, layout->n_lanes[m]);
  g_test_message ("busiest month: %u lanes", max_lanes);
  g_assert_cmpuint (max_lanes, >=, 5);

  /* The order is chronological. */
  for (guint i = 1; i < layout->order->len; i++)
    {
      const EvtYearSpan *a = &g_array_index (spans, EvtYearSpan,
                                             g_array_index (layout->order, guint, i - 1));
      const EvtYearSpan *b = &g_array_index (spans, EvtYearSpan,
                                             g_array_index (layout->order, guint, i));

      g_assert_cmpint (g_date_compare (&a->first, &b->first), <=, 0);
    }
}

static void
test_geometry_and_hits (void)
{
  EvtYearSpan spans[4];
  g_autoptr(EvtYearLayout) layout = NULL;
  EvtYearRect bar;
  EvtYearRect cell;
  int show;
  double expected_height = 0;

  evt_year_span_set (&spans[0], 2021, 3, 16, 2021, 3, 19);
  evt_year_span_set (&spans[1], 2021, 3, 17, 2021, 3, 17);
  evt_year_span_set (&spans[2], 2021, 3, 18, 2021, 3, 18);
  evt_year_span_set (&spans[3], 2021, 3, 17, 2021, 3, 18);
  layout = evt_year_layout_new (2021, spans, 4, &test_metrics);
  evt_year_layout_allocate (layout, 100 + 10 + 31 * 30);
  g_assert_cmpfloat_with_epsilon (layout->column_width, 30, 1e-9);

  /* March has three lanes; the other months keep the minimum of two. */
  g_assert_cmpuint (layout->n_lanes[2], ==, 3);
  for (guint m = 0; m < 12; m++)
    {
      guint lanes = MAX (layout->n_lanes[m], 2);

      g_assert_cmpfloat_with_epsilon (layout->row_y[m], 4 + expected_height, 1e-9);
      expected_height += 20 + lanes * 18 + (lanes - 1) * 2 + 6;
    }
  g_assert_cmpfloat_with_epsilon (evt_year_layout_get_height (layout), 4 + expected_height, 1e-9);

  show = evt_year_layout_find_segment (layout, 0, 3);
  evt_year_layout_get_bar_rect (layout, (guint) show, &bar);
  evt_year_layout_get_cell_rect (layout, 3, 16, &cell);
  g_assert_cmpfloat_with_epsilon (cell.x, 100 + 15 * 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (bar.x, cell.x + 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (bar.width, 4 * 30 - 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (bar.y, layout->row_y[2] + 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (bar.height, 18, 1e-9);

  /* The centre of each bar hits its segment. */
  for (guint i = 0; i < evt_year_layout_get_n_segments (layout); i++)
    {
      evt_year_layout_get_bar_rect (layout, i, &bar);
      g_assert_cmpint (evt_year_layout_hit (layout, bar.x + bar.width / 2,
                                            bar.y + bar.height / 2), ==, (int) i);
      g_assert_cmpint (evt_year_layout_hit (layout, bar.x + 0.5, bar.y + 0.5), ==, (int) i);
    }

  /* Not on a bar: the day numbers, the month names, an empty lane, past the end. */
  g_assert_cmpint (evt_year_layout_hit (layout, cell.x + 10, layout->row_y[2] + 5), ==, -1);
  g_assert_cmpint (evt_year_layout_hit (layout, 50, bar.y + 5), ==, -1);
  evt_year_layout_get_cell_rect (layout, 3, 2, &cell);
  g_assert_cmpint (evt_year_layout_hit (layout, cell.x + 10, layout->row_y[2] + 30), ==, -1);
  g_assert_cmpint (evt_year_layout_hit (layout, 500, -10), ==, -1);
  g_assert_cmpint (evt_year_layout_hit (layout, 500, layout->height + 10), ==, -1);

  /* A title written after its bar is clickable too. */
  evt_year_layout_get_cell_rect (layout, 3, 21, &cell);
  g_assert_cmpint (evt_year_layout_hit (layout, cell.x + 10, bar.y + 5), ==, -1);
  g_array_index (layout->segments, EvtYearSegment, show).label_last_day = 22;
  g_assert_cmpint (evt_year_layout_hit (layout, cell.x + 10,
                                        layout->row_y[2] + 20 + 5), ==, show);
}

static void
test_navigation (void)
{
  EvtYearSpan spans[5];
  g_autoptr(EvtYearLayout) layout = NULL;
  g_autoptr(EvtYearLayout) empty = NULL;
  int jan, show, meeting, mar_below, apr;
  int focus;

  evt_year_span_set (&spans[0], 2021, 3, 16, 2021, 3, 19);  /* show */
  evt_year_span_set (&spans[1], 2021, 1, 20, 2021, 1, 20);  /* jan */
  evt_year_span_set (&spans[2], 2021, 3, 17, 2021, 3, 17);  /* below the show */
  evt_year_span_set (&spans[3], 2021, 4, 2, 2021, 4, 2);    /* apr */
  evt_year_span_set (&spans[4], 2021, 3, 25, 2021, 3, 26);  /* meeting, lane 0 */
  layout = evt_year_layout_new (2021, spans, 5, &test_metrics);

  jan = evt_year_layout_find_segment (layout, 1, 1);
  show = evt_year_layout_find_segment (layout, 0, 3);
  mar_below = evt_year_layout_find_segment (layout, 2, 3);
  meeting = evt_year_layout_find_segment (layout, 4, 3);
  apr = evt_year_layout_find_segment (layout, 3, 4);

  /* From nowhere, forward lands on the first event, backward on the last. */
  g_assert_cmpint (evt_year_layout_navigate (layout, -1, EVT_YEAR_DIRECTION_NEXT), ==, jan);
  g_assert_cmpint (evt_year_layout_navigate (layout, -1, EVT_YEAR_DIRECTION_PREVIOUS), ==, apr);

  /* Left and right follow the chronological order, and stop at the ends. */
  focus = evt_year_layout_navigate (layout, jan, EVT_YEAR_DIRECTION_NEXT);
  g_assert_cmpint (focus, ==, show);
  focus = evt_year_layout_navigate (layout, focus, EVT_YEAR_DIRECTION_NEXT);
  g_assert_cmpint (focus, ==, mar_below);
  focus = evt_year_layout_navigate (layout, focus, EVT_YEAR_DIRECTION_NEXT);
  g_assert_cmpint (focus, ==, meeting);
  focus = evt_year_layout_navigate (layout, focus, EVT_YEAR_DIRECTION_NEXT);
  g_assert_cmpint (focus, ==, apr);
  g_assert_cmpint (evt_year_layout_navigate (layout, apr, EVT_YEAR_DIRECTION_NEXT), ==, apr);
  g_assert_cmpint (evt_year_layout_navigate (layout, jan, EVT_YEAR_DIRECTION_PREVIOUS), ==, jan);
  g_assert_cmpint (evt_year_layout_navigate (layout, show, EVT_YEAR_DIRECTION_PREVIOUS), ==, jan);

  /* Up and down: a lane down within March, then the next month with an event. */
  g_assert_cmpint (evt_year_layout_navigate (layout, show, EVT_YEAR_DIRECTION_DOWN), ==,
                   mar_below);
  g_assert_cmpint (evt_year_layout_navigate (layout, mar_below, EVT_YEAR_DIRECTION_UP), ==,
                   show);
  g_assert_cmpint (evt_year_layout_navigate (layout, mar_below, EVT_YEAR_DIRECTION_DOWN), ==,
                   apr);
  g_assert_cmpint (evt_year_layout_navigate (layout, show, EVT_YEAR_DIRECTION_UP), ==, jan);
  g_assert_cmpint (evt_year_layout_navigate (layout, jan, EVT_YEAR_DIRECTION_UP), ==, jan);
  /* From April 2, up lands on the March bar nearest the 2nd: the show (16–19), not
   * the meeting (25–26). */
  g_assert_cmpint (evt_year_layout_navigate (layout, apr, EVT_YEAR_DIRECTION_UP), ==, show);

  g_assert_cmpint (evt_year_layout_navigate (layout, meeting, EVT_YEAR_DIRECTION_FIRST), ==, jan);
  g_assert_cmpint (evt_year_layout_navigate (layout, jan, EVT_YEAR_DIRECTION_LAST), ==, apr);

  empty = evt_year_layout_new (2021, NULL, 0, &test_metrics);
  g_assert_cmpint (evt_year_layout_navigate (empty, -1, EVT_YEAR_DIRECTION_NEXT), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/year-layout/span-from-event", test_span_from_event);
  g_test_add_func ("/year-layout/right-months-and-days", test_right_months_and_days);
  g_test_add_func ("/year-layout/across-new-year", test_across_new_year);
  g_test_add_func ("/year-layout/long-event", test_long_event);
  g_test_add_func ("/year-layout/timed-events", test_timed_events);
  g_test_add_func ("/year-layout/leap-years", test_leap_years);
  g_test_add_func ("/year-layout/lanes", test_lanes);
  g_test_add_func ("/year-layout/dense-year", test_dense_year);
  g_test_add_func ("/year-layout/geometry-and-hits", test_geometry_and_hits);
  g_test_add_func ("/year-layout/navigation", test_navigation);

  return g_test_run ();
}
