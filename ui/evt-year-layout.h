/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-year-layout.h: where each event sits in the year grid, computed without GTK. */
#pragma once

#include <glib.h>

#include "evt-event.h"

G_BEGIN_DECLS

/*
 * The year grid has one row per month and one column per day of the month (31
 * columns; the columns past the end of a short month stay empty). An event is cut
 * into one segment per month it touches, clipped to the year, and each segment takes
 * a lane in its month row so that no two segments of a row share a lane on a day.
 *
 * Everything here is plain arithmetic on days and pixels so that placement and hit
 * testing can be tested without a display; EvtYearView only draws what this says.
 */

#define EVT_YEAR_N_MONTHS  12
#define EVT_YEAR_N_COLUMNS 31

/* The days an event covers, both inclusive, as read in the event's own zone. */
typedef struct
{
  GDate  first;
  GDate  last;
  gint64 sort_key;  /* orders items that start on the same day (a start instant) */
} EvtYearSpan;

typedef struct
{
  guint    item;           /* index of the event among the spans given */
  guint    month;          /* 1 to 12 */
  guint    first_day;      /* first column of the bar, 1 to 31 */
  guint    last_day;       /* last column of the bar, inclusive */
  guint    lane;           /* 0 is the top lane of the month row */
  guint    free_last_day;  /* the lane is free after the bar up to this day */
  guint    label_last_day; /* the bar's title is drawn (and clickable) up to this day */
  gboolean clipped_start;  /* the event started before this row */
  gboolean clipped_end;    /* the event goes on after this row */
} EvtYearSegment;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} EvtYearRect;

/* Moves of the keyboard focus from one bar to another. */
typedef enum
{
  EVT_YEAR_DIRECTION_PREVIOUS,  /* the event before, in chronological order */
  EVT_YEAR_DIRECTION_NEXT,
  EVT_YEAR_DIRECTION_UP,        /* the bar above: a lane up, or the month before */
  EVT_YEAR_DIRECTION_DOWN,
  EVT_YEAR_DIRECTION_FIRST,     /* the first event of the year */
  EVT_YEAR_DIRECTION_LAST,
} EvtYearDirection;

/* Sizes in pixels, which the widget derives from its font. */
typedef struct
{
  double label_width;    /* the month names on the left */
  double end_margin;     /* after the last day column */
  double top_margin;     /* above the first month */
  double header_height;  /* the day numbers strip at the top of each month row */
  double lane_height;
  double lane_spacing;
  double row_padding;    /* below the last lane of a row */
  guint  min_lanes;      /* a row is never thinner than this many lanes */
  double bar_inset;      /* gap between a bar and the edge of its first and last day */
} EvtYearMetrics;

typedef struct
{
  int             year;
  guint           n_items;      /* spans given, including those outside the year */
  GArray         *segments;     /* EvtYearSegment, by month, then first day, then lane */
  GArray         *order;        /* guint items shown in the year, in chronological order */
  guint           n_lanes[EVT_YEAR_N_MONTHS];
  guint           row_start[EVT_YEAR_N_MONTHS + 1]; /* segments of month m: row_start[m-1]… */

  EvtYearMetrics  metrics;
  double          width;
  double          column_width;
  double          row_y[EVT_YEAR_N_MONTHS];
  double          row_height[EVT_YEAR_N_MONTHS];
  double          height;
} EvtYearLayout;

gboolean        evt_year_span_from_event       (EvtEvent              *event,
                                                EvtYearSpan           *span);
void            evt_year_span_set              (EvtYearSpan           *span,
                                                int                    first_year,
                                                int                    first_month,
                                                int                    first_day,
                                                int                    last_year,
                                                int                    last_month,
                                                int                    last_day);

EvtYearLayout  *evt_year_layout_new            (int                    year,
                                                const EvtYearSpan     *spans,
                                                guint                  n_spans,
                                                const EvtYearMetrics  *metrics);
void            evt_year_layout_free           (EvtYearLayout         *self);

guint           evt_year_layout_days_in_month  (const EvtYearLayout   *self,
                                                guint                  month);
guint           evt_year_layout_get_n_segments (const EvtYearLayout   *self);
const EvtYearSegment *evt_year_layout_get_segment (const EvtYearLayout *self,
                                                guint                  index);
int             evt_year_layout_find_segment   (const EvtYearLayout   *self,
                                                guint                  item,
                                                guint                  month);
int             evt_year_layout_first_segment_of_item (const EvtYearLayout *self,
                                                guint                  item);
int             evt_year_layout_order_position (const EvtYearLayout   *self,
                                                guint                  item);

void            evt_year_layout_allocate       (EvtYearLayout         *self,
                                                double                 width);
double          evt_year_layout_get_height     (const EvtYearLayout   *self);
void            evt_year_layout_get_cell_rect  (const EvtYearLayout   *self,
                                                guint                  month,
                                                guint                  day,
                                                EvtYearRect           *rect);
void            evt_year_layout_get_row_rect   (const EvtYearLayout   *self,
                                                guint                  month,
                                                EvtYearRect           *rect);
void            evt_year_layout_get_bar_rect   (const EvtYearLayout   *self,
                                                guint                  index,
                                                EvtYearRect           *rect);
void            evt_year_layout_get_hit_rect   (const EvtYearLayout   *self,
                                                guint                  index,
                                                EvtYearRect           *rect);
int             evt_year_layout_hit            (const EvtYearLayout   *self,
                                                double                 x,
                                                double                 y);
int             evt_year_layout_navigate       (const EvtYearLayout   *self,
                                                int                    from,
                                                EvtYearDirection       direction);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvtYearLayout, evt_year_layout_free)

G_END_DECLS
