/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-year-layout.c: where each event sits in the year grid, computed without GTK. */
#include "config.h"

#include "evt-date.h"
#include "evt-year-layout.h"

/**
 * evt_year_span_from_event:
 * @event: an event
 * @span: (out caller-allocates): where to store its days
 *
 * Reads the days @event covers in its own zone. An all-day event ends on its last
 * day (inclusive); a timed event ending at midnight does not reach the next day,
 * as in evt_event_overlaps_day().
 *
 * Returns: %FALSE if @event has no start, and then @span is left cleared
 */
gboolean
evt_year_span_from_event (EvtEvent    *event,
                          EvtYearSpan *span)
{
  GDateTime *start;
  GDateTime *end;

  g_return_val_if_fail (EVT_IS_EVENT (event), FALSE);
  g_return_val_if_fail (span != NULL, FALSE);

  g_date_clear (&span->first, 1);
  g_date_clear (&span->last, 1);
  span->sort_key = 0;

  start = evt_event_get_start (event);
  end = evt_event_get_end (event);
  if (start == NULL)
    return FALSE;

  evt_date_to_gdate (start, &span->first);
  span->sort_key = g_date_time_to_unix (start);

  if (end == NULL)
    {
      span->last = span->first;
    }
  else if (!evt_event_get_all_day (event) && g_date_time_compare (end, start) > 0)
    {
      /* The end instant is exclusive: 10:00 → 00:00 stays on one day. */
      g_autoptr(GDateTime) last_instant = g_date_time_add (end, -1);

      evt_date_to_gdate (last_instant, &span->last);
    }
  else
    {
      evt_date_to_gdate (end, &span->last);
    }

  if (g_date_compare (&span->last, &span->first) < 0)
    span->last = span->first;

  return TRUE;
}

/**
 * evt_year_span_set:
 * @span: (out caller-allocates): the span to fill
 * @first_year: year of the first day
 * @first_month: month of the first day, 1 to 12
 * @first_day: day of the month of the first day
 * @last_year: year of the last day
 * @last_month: month of the last day
 * @last_day: day of the month of the last day (inclusive)
 *
 * Fills @span with a range of days, its sort key being the first day.
 */
void
evt_year_span_set (EvtYearSpan *span,
                   int          first_year,
                   int          first_month,
                   int          first_day,
                   int          last_year,
                   int          last_month,
                   int          last_day)
{
  g_return_if_fail (span != NULL);

  g_date_clear (&span->first, 1);
  g_date_clear (&span->last, 1);
  g_date_set_dmy (&span->first, first_day, first_month, first_year);
  g_date_set_dmy (&span->last, last_day, last_month, last_year);
  span->sort_key = (gint64) g_date_get_julian (&span->first) * 86400;
}

typedef struct
{
  const EvtYearSpan *spans;
} SortContext;

/* Earlier first; on the same day, the earlier instant, then the longer event. */
static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SortContext *ctx = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;
  const EvtYearSpan *sa = &ctx->spans[ia];
  const EvtYearSpan *sb = &ctx->spans[ib];
  int cmp;

  cmp = g_date_compare (&sa->first, &sb->first);
  if (cmp != 0)
    return cmp;
  if (sa->sort_key != sb->sort_key)
    return sa->sort_key < sb->sort_key ? -1 : 1;
  cmp = g_date_compare (&sb->last, &sa->last);
  if (cmp != 0)
    return cmp;

  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/* Segments of one month, in the order lanes are given: by first day, the longer bar
 * first so that long shows keep the top lanes, then by the order of the items. */
static int
compare_for_lanes (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const EvtYearSegment *sa = a;
  const EvtYearSegment *sb = b;
  const guint *rank = user_data;
  guint la, lb;

  if (sa->month != sb->month)
    return sa->month < sb->month ? -1 : 1;
  if (sa->first_day != sb->first_day)
    return sa->first_day < sb->first_day ? -1 : 1;

  la = sa->last_day - sa->first_day;
  lb = sb->last_day - sb->first_day;
  if (la != lb)
    return la > lb ? -1 : 1;

  return rank[sa->item] < rank[sb->item] ? -1 : rank[sa->item] > rank[sb->item] ? 1 : 0;
}

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const EvtYearSegment *sa = a;
  const EvtYearSegment *sb = b;

  if (sa->month != sb->month)
    return sa->month < sb->month ? -1 : 1;
  if (sa->first_day != sb->first_day)
    return sa->first_day < sb->first_day ? -1 : 1;

  return sa->lane < sb->lane ? -1 : sa->lane > sb->lane ? 1 : 0;
}

static guint
days_in_month (int   year,
               guint month)
{
  return g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

static void
compute_rows (EvtYearLayout *self)
{
  const EvtYearMetrics *m = &self->metrics;
  double y = m->top_margin;

  for (guint i = 0; i < EVT_YEAR_N_MONTHS; i++)
    {
      guint lanes = MAX (self->n_lanes[i], MAX (m->min_lanes, 1));

      self->row_y[i] = y;
      self->row_height[i] = m->header_height + lanes * m->lane_height +
                            (lanes - 1) * m->lane_spacing + m->row_padding;
      y += self->row_height[i];
    }

  self->height = y;
}

/* Gives each segment of a month row the lowest lane free over its days: taking the
 * segments by first day, this uses as few lanes as the busiest day needs. */
static void
place_lanes (EvtYearLayout *self)
{
  g_autoptr(GArray) lane_last = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) lane_segment = g_array_new (FALSE, FALSE, sizeof (guint));
  guint month = 0;

  for (guint i = 0; i < self->segments->len; i++)
    {
      EvtYearSegment *seg = &g_array_index (self->segments, EvtYearSegment, i);
      guint lane;

      if (seg->month != month)
        {
          month = seg->month;
          g_array_set_size (lane_last, 0);
          g_array_set_size (lane_segment, 0);
        }

      for (lane = 0; lane < lane_last->len; lane++)
        if (g_array_index (lane_last, guint, lane) < seg->first_day)
          break;

      if (lane == lane_last->len)
        {
          g_array_append_val (lane_last, seg->last_day);
          g_array_append_val (lane_segment, i);
        }
      else
        {
          guint prev = g_array_index (lane_segment, guint, lane);

          /* The bar before in this lane may write its title up to here. */
          g_array_index (self->segments, EvtYearSegment, prev).free_last_day =
            seg->first_day - 1;
          g_array_index (lane_last, guint, lane) = seg->last_day;
          g_array_index (lane_segment, guint, lane) = i;
        }

      seg->lane = lane;
      self->n_lanes[month - 1] = MAX (self->n_lanes[month - 1], lane + 1);
    }
}

/**
 * evt_year_layout_new:
 * @year: the year shown
 * @spans: (array length=n_spans): the days of each event; item i is spans[i]
 * @n_spans: number of spans
 * @metrics: (nullable): the sizes of rows and lanes, or %NULL for 0-sized rows
 *
 * Cuts the spans that touch @year into month segments and gives them lanes. Spans
 * outside @year, or with invalid dates, are left out.
 *
 * Returns: (transfer full): the layout; allocate it a width before asking for
 *   rectangles
 */
EvtYearLayout *
evt_year_layout_new (int                   year,
                     const EvtYearSpan    *spans,
                     guint                 n_spans,
                     const EvtYearMetrics *metrics)
{
  EvtYearLayout *self;
  g_autofree guint *rank = NULL;
  SortContext ctx = { spans };
  GDate year_first;
  GDate year_last;

  g_return_val_if_fail (year >= 1 && year <= 9999, NULL);
  g_return_val_if_fail (spans != NULL || n_spans == 0, NULL);

  self = g_new0 (EvtYearLayout, 1);
  self->year = year;
  self->n_items = n_spans;
  self->segments = g_array_new (FALSE, TRUE, sizeof (EvtYearSegment));
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
  if (metrics != NULL)
    self->metrics = *metrics;

  g_date_clear (&year_first, 1);
  g_date_clear (&year_last, 1);
  g_date_set_dmy (&year_first, 1, G_DATE_JANUARY, year);
  g_date_set_dmy (&year_last, 31, G_DATE_DECEMBER, year);

  for (guint i = 0; i < n_spans; i++)
    {
      const EvtYearSpan *span = &spans[i];

      if (!g_date_valid (&span->first) || !g_date_valid (&span->last))
        continue;
      if (g_date_compare (&span->last, &year_first) < 0 ||
          g_date_compare (&span->first, &year_last) > 0)
        continue;

      g_array_append_val (self->order, i);
    }

  g_array_sort_with_data (self->order, compare_items, &ctx);
  rank = g_new0 (guint, MAX (n_spans, 1));
  for (guint i = 0; i < self->order->len; i++)
    rank[g_array_index (self->order, guint, i)] = i;

  for (guint i = 0; i < self->order->len; i++)
    {
      guint item = g_array_index (self->order, guint, i);
      const EvtYearSpan *span = &spans[item];
      GDate first = span->first;
      GDate last = span->last;

      if (g_date_compare (&span->last, &span->first) < 0)
        last = first;
      g_date_clamp (&first, &year_first, &year_last);
      g_date_clamp (&last, &year_first, &year_last);

      for (guint month = g_date_get_month (&first); month <= g_date_get_month (&last); month++)
        {
          EvtYearSegment seg = { 0 };
          guint dim = days_in_month (year, month);

          seg.item = item;
          seg.month = month;
          seg.first_day = month == g_date_get_month (&first) ? g_date_get_day (&first) : 1;
          seg.last_day = month == g_date_get_month (&last) ? g_date_get_day (&last) : dim;
          seg.free_last_day = dim;
          seg.clipped_start = seg.first_day != g_date_get_day (&span->first) ||
                              month != g_date_get_month (&span->first) ||
                              (int) g_date_get_year (&span->first) != year;
          seg.clipped_end = seg.last_day != g_date_get_day (&last) ||
                            month != g_date_get_month (&last) ||
                            g_date_compare (&last, &span->last) < 0;
          g_array_append_val (self->segments, seg);
        }
    }

  g_array_sort_with_data (self->segments, compare_for_lanes, rank);
  place_lanes (self);
  g_array_sort (self->segments, compare_placed);

  for (guint i = 0, month = 1; month <= EVT_YEAR_N_MONTHS + 1; month++)
    {
      while (i < self->segments->len &&
             g_array_index (self->segments, EvtYearSegment, i).month < month)
        i++;
      self->row_start[month - 1] = i;
    }

  for (guint i = 0; i < self->segments->len; i++)
    {
      EvtYearSegment *seg = &g_array_index (self->segments, EvtYearSegment, i);

      seg->label_last_day = seg->last_day;
    }

  compute_rows (self);

  return self;
}

/**
 * evt_year_layout_free:
 * @self: (transfer full): a layout
 *
 * Frees @self.
 */
void
evt_year_layout_free (EvtYearLayout *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->segments);
  g_array_unref (self->order);
  g_free (self);
}

/**
 * evt_year_layout_days_in_month:
 * @self: a layout
 * @month: 1 to 12
 *
 * Returns: the number of days of @month in the layout's year
 */
guint
evt_year_layout_days_in_month (const EvtYearLayout *self,
                               guint                month)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (month >= 1 && month <= EVT_YEAR_N_MONTHS, 0);

  return days_in_month (self->year, month);
}

/**
 * evt_year_layout_get_n_segments:
 * @self: a layout
 *
 * Returns: the number of bars in the year
 */
guint
evt_year_layout_get_n_segments (const EvtYearLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->segments->len;
}

/**
 * evt_year_layout_get_segment:
 * @self: a layout
 * @index: a segment index, below evt_year_layout_get_n_segments()
 *
 * Returns: (transfer none): the segment
 */
const EvtYearSegment *
evt_year_layout_get_segment (const EvtYearLayout *self,
                             guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->segments->len, NULL);

  return &g_array_index (self->segments, EvtYearSegment, index);
}

/**
 * evt_year_layout_find_segment:
 * @self: a layout
 * @item: an item index
 * @month: 1 to 12
 *
 * Returns: the index of the segment of @item in the row of @month, or -1
 */
int
evt_year_layout_find_segment (const EvtYearLayout *self,
                              guint                item,
                              guint                month)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (month >= 1 && month <= EVT_YEAR_N_MONTHS, -1);

  for (guint i = self->row_start[month - 1]; i < self->row_start[month]; i++)
    if (g_array_index (self->segments, EvtYearSegment, i).item == item)
      return (int) i;

  return -1;
}

/**
 * evt_year_layout_first_segment_of_item:
 * @self: a layout
 * @item: an item index
 *
 * Returns: the index of the earliest segment of @item in the year, or -1 when
 *   @item is not shown
 */
int
evt_year_layout_first_segment_of_item (const EvtYearLayout *self,
                                       guint                item)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->segments->len; i++)
    if (g_array_index (self->segments, EvtYearSegment, i).item == item)
      return (int) i;

  return -1;
}

/**
 * evt_year_layout_order_position:
 * @self: a layout
 * @item: an item index
 *
 * Returns: the rank of @item among the year's events in chronological order, or
 *   -1 when @item is not shown
 */
int
evt_year_layout_order_position (const EvtYearLayout *self,
                                guint                item)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->order->len; i++)
    if (g_array_index (self->order, guint, i) == item)
      return (int) i;

  return -1;
}

/**
 * evt_year_layout_allocate:
 * @self: a layout
 * @width: the width of the widget
 *
 * Spreads the 31 day columns over @width, after the month names.
 */
void
evt_year_layout_allocate (EvtYearLayout *self,
                          double         width)
{
  g_return_if_fail (self != NULL);

  self->width = width;
  self->column_width = MAX (1.0, (width - self->metrics.label_width - self->metrics.end_margin) /
                                 EVT_YEAR_N_COLUMNS);
}

/**
 * evt_year_layout_get_height:
 * @self: a layout
 *
 * Returns: the height the twelve rows need, which does not depend on the width
 */
double
evt_year_layout_get_height (const EvtYearLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->height;
}

/**
 * evt_year_layout_get_row_rect:
 * @self: an allocated layout
 * @month: 1 to 12
 * @rect: (out caller-allocates): the row of @month, month name included
 */
void
evt_year_layout_get_row_rect (const EvtYearLayout *self,
                              guint                month,
                              EvtYearRect         *rect)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (month >= 1 && month <= EVT_YEAR_N_MONTHS);

  rect->x = 0;
  rect->y = self->row_y[month - 1];
  rect->width = self->width;
  rect->height = self->row_height[month - 1];
}

/**
 * evt_year_layout_get_cell_rect:
 * @self: an allocated layout
 * @month: 1 to 12
 * @day: 1 to 31
 * @rect: (out caller-allocates): the column of @day in the row of @month
 */
void
evt_year_layout_get_cell_rect (const EvtYearLayout *self,
                               guint                month,
                               guint                day,
                               EvtYearRect         *rect)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (month >= 1 && month <= EVT_YEAR_N_MONTHS);
  g_return_if_fail (day >= 1 && day <= EVT_YEAR_N_COLUMNS);

  rect->x = self->metrics.label_width + (day - 1) * self->column_width;
  rect->y = self->row_y[month - 1];
  rect->width = self->column_width;
  rect->height = self->row_height[month - 1];
}

static void
span_rect (const EvtYearLayout  *self,
           const EvtYearSegment *seg,
           guint                 last_day,
           EvtYearRect          *rect)
{
  const EvtYearMetrics *m = &self->metrics;
  double x0 = m->label_width + (seg->first_day - 1) * self->column_width;
  double x1 = m->label_width + last_day * self->column_width;

  if (!seg->clipped_start)
    x0 += m->bar_inset;
  if (!seg->clipped_end || last_day != seg->last_day)
    x1 -= m->bar_inset;

  rect->x = x0;
  rect->width = MAX (1.0, x1 - x0);
  rect->y = self->row_y[seg->month - 1] + m->header_height +
            seg->lane * (m->lane_height + m->lane_spacing);
  rect->height = m->lane_height;
}

/**
 * evt_year_layout_get_bar_rect:
 * @self: an allocated layout
 * @index: a segment index
 * @rect: (out caller-allocates): the bar of the segment
 */
void
evt_year_layout_get_bar_rect (const EvtYearLayout *self,
                              guint                index,
                              EvtYearRect         *rect)
{
  const EvtYearSegment *seg;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->segments->len);

  seg = &g_array_index (self->segments, EvtYearSegment, index);
  span_rect (self, seg, seg->last_day, rect);
}

/**
 * evt_year_layout_get_hit_rect:
 * @self: an allocated layout
 * @index: a segment index
 * @rect: (out caller-allocates): the bar and the title written after it, if any
 */
void
evt_year_layout_get_hit_rect (const EvtYearLayout *self,
                              guint                index,
                              EvtYearRect         *rect)
{
  const EvtYearSegment *seg;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->segments->len);

  seg = &g_array_index (self->segments, EvtYearSegment, index);
  span_rect (self, seg, MAX (seg->last_day, seg->label_last_day), rect);
}

/**
 * evt_year_layout_hit:
 * @self: an allocated layout
 * @x: abscissa in the widget
 * @y: ordinate in the widget
 *
 * Finds the bar under a point. The gaps between lanes and the insets at the ends
 * of bars count as part of the bar, so that a click a pixel off still lands.
 *
 * Returns: the index of the segment under the point, or -1
 */
int
evt_year_layout_hit (const EvtYearLayout *self,
                     double               x,
                     double               y)
{
  const EvtYearMetrics *m;
  double lane_pitch;
  guint month = 0;
  double top;
  guint lane;
  double day;

  g_return_val_if_fail (self != NULL, -1);

  m = &self->metrics;
  lane_pitch = m->lane_height + m->lane_spacing;
  if (lane_pitch <= 0 || self->column_width <= 0)
    return -1;

  for (guint i = 0; i < EVT_YEAR_N_MONTHS; i++)
    if (y >= self->row_y[i] && y < self->row_y[i] + self->row_height[i])
      month = i + 1;
  if (month == 0)
    return -1;

  top = self->row_y[month - 1] + m->header_height;
  if (y < top)
    return -1;
  lane = (guint) ((y - top) / lane_pitch);
  if (lane >= self->n_lanes[month - 1])
    return -1;

  if (x < m->label_width)
    return -1;
  day = (x - m->label_width) / self->column_width + 1;

  for (guint i = self->row_start[month - 1]; i < self->row_start[month]; i++)
    {
      const EvtYearSegment *seg = &g_array_index (self->segments, EvtYearSegment, i);

      if (seg->lane == lane && day >= seg->first_day &&
          day < MAX (seg->last_day, seg->label_last_day) + 1)
        return (int) i;
    }

  return -1;
}

static double
day_distance (const EvtYearSegment *seg,
              double                centre)
{
  if (centre < seg->first_day)
    return seg->first_day - centre;
  if (centre > seg->last_day)
    return centre - seg->last_day;
  return 0;
}

/* The bar of @lane in @month that overlaps days @first…@last with its centre nearest
 * @centre, or -1. */
static int
overlapping_in_lane (const EvtYearLayout *self,
                     guint                month,
                     guint                lane,
                     guint                first,
                     guint                last,
                     double               centre)
{
  int best = -1;
  double best_distance = G_MAXDOUBLE;

  for (guint i = self->row_start[month - 1]; i < self->row_start[month]; i++)
    {
      const EvtYearSegment *seg = &g_array_index (self->segments, EvtYearSegment, i);
      double distance;

      if (seg->lane != lane || seg->last_day < first || seg->first_day > last)
        continue;

      distance = ABS ((seg->first_day + seg->last_day) / 2.0 - centre);
      if (distance < best_distance)
        {
          best = (int) i;
          best_distance = distance;
        }
    }

  return best;
}

/* The bar of @month nearest @centre; on a tie, the top one when coming from above. */
static int
nearest_in_row (const EvtYearLayout *self,
                guint                month,
                double               centre,
                gboolean             from_above)
{
  int best = -1;
  double best_distance = G_MAXDOUBLE;

  for (guint i = self->row_start[month - 1]; i < self->row_start[month]; i++)
    {
      const EvtYearSegment *seg = &g_array_index (self->segments, EvtYearSegment, i);
      const EvtYearSegment *cur;
      double distance = day_distance (seg, centre);

      if (distance < best_distance)
        {
          best = (int) i;
          best_distance = distance;
          continue;
        }
      if (distance > best_distance)
        continue;

      cur = &g_array_index (self->segments, EvtYearSegment, best);
      if (from_above ? seg->lane < cur->lane : seg->lane > cur->lane)
        best = (int) i;
    }

  return best;
}

static int
item_at_rank (const EvtYearLayout *self,
              guint                rank)
{
  guint item = g_array_index (self->order, guint, rank);

  return evt_year_layout_first_segment_of_item (self, item);
}

/**
 * evt_year_layout_navigate:
 * @self: a layout
 * @from: the segment that has the focus, or -1
 * @direction: where to go
 *
 * Finds where the keyboard focus goes. Previous and next follow the chronological
 * order of the events; up and down go to the bar above or below, a lane or a month
 * away, nearest the same days. From no segment, any direction lands on the first
 * event (previous, up and last on the last one).
 *
 * Returns: the segment to focus, @from when there is nowhere to go, or -1 when the
 *   year is empty
 */
int
evt_year_layout_navigate (const EvtYearLayout *self,
                          int                  from,
                          EvtYearDirection     direction)
{
  const EvtYearSegment *seg;
  double centre;
  int rank;

  g_return_val_if_fail (self != NULL, -1);

  if (self->order->len == 0)
    return -1;

  if (from < 0 || (guint) from >= self->segments->len)
    {
      gboolean backwards = direction == EVT_YEAR_DIRECTION_PREVIOUS ||
                           direction == EVT_YEAR_DIRECTION_UP ||
                           direction == EVT_YEAR_DIRECTION_LAST;

      return item_at_rank (self, backwards ? self->order->len - 1 : 0);
    }

  seg = &g_array_index (self->segments, EvtYearSegment, from);
  centre = (seg->first_day + seg->last_day) / 2.0;

  switch (direction)
    {
    case EVT_YEAR_DIRECTION_FIRST:
      return item_at_rank (self, 0);

    case EVT_YEAR_DIRECTION_LAST:
      return item_at_rank (self, self->order->len - 1);

    case EVT_YEAR_DIRECTION_PREVIOUS:
    case EVT_YEAR_DIRECTION_NEXT:
      rank = evt_year_layout_order_position (self, seg->item);
      rank += direction == EVT_YEAR_DIRECTION_NEXT ? 1 : -1;
      if (rank < 0 || (guint) rank >= self->order->len)
        return from;
      return item_at_rank (self, rank);

    case EVT_YEAR_DIRECTION_DOWN:
      for (guint lane = seg->lane + 1; lane < self->n_lanes[seg->month - 1]; lane++)
        {
          int found = overlapping_in_lane (self, seg->month, lane,
                                           seg->first_day, seg->last_day, centre);
          if (found >= 0)
            return found;
        }
      for (guint month = seg->month + 1; month <= EVT_YEAR_N_MONTHS; month++)
        {
          int found = nearest_in_row (self, month, centre, TRUE);
          if (found >= 0)
            return found;
        }
      return from;

    case EVT_YEAR_DIRECTION_UP:
      for (int lane = (int) seg->lane - 1; lane >= 0; lane--)
        {
          int found = overlapping_in_lane (self, seg->month, (guint) lane,
                                           seg->first_day, seg->last_day, centre);
          if (found >= 0)
            return found;
        }
      for (guint month = seg->month - 1; month >= 1; month--)
        {
          int found = nearest_in_row (self, month, centre, FALSE);
          if (found >= 0)
            return found;
        }
      return from;

    default:
      g_return_val_if_reached (from);
    }
}
