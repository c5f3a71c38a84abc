/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-year-view.c: the whole year at a glance, one row per month, events as bars. */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "evt-date.h"
#include "evt-date-format.h"
#include "evt-year-view-private.h"

/* Sizes around the text, in pixels; the text sizes come from the font. */
#define BAR_RADIUS         5.0
#define BAR_TEXT_PADDING   5.0
#define LABEL_PADDING     12.0
#define COMPACT_PADDING    6.0
#define MIN_COLUMN_WIDTH   9  /* 31 of them and the months' short names fit 360 px */
#define COMPACT_COLUMN_WIDTH 20.0  /* below this, months go by their short names */
#define SPARSE_COLUMN_WIDTH  16.0  /* below this, only some days are numbered */
#define NAT_COLUMN_WIDTH  38
#define TITLE_SCALE        0.82
#define DAY_NUMBER_SCALE   0.72
#define MIN_INSIDE_TEXT   30.0
#define MAX_CACHED_TITLES 20000

struct _EvtYearView
{
  GtkWidget      parent_instance;

  int            year;
  GListModel    *model;
  GHashTable    *sector_colours;   /* slug → GdkRGBA */

  /* Rebuilt from the model when dirty. */
  gboolean       dirty;
  GPtrArray     *items;            /* EvtEvent of the year; item i of the layout */
  EvtYearLayout *layout;
  GPtrArray     *titles;           /* PangoLayout of each segment, or NULL until drawn */
  GArray        *title_widths;     /* natural width of each title, in pixels */
  GArray        *title_limits;     /* int: each title's width limit, Pango units, or -1 */
  GArray        *title_outside;    /* gboolean: the title is written after the bar */
  GHashTable    *title_widths_cache; /* title → natural width (double *) in the current font */
  double        *advances;         /* width of each character of Latin text, or NULL */
  double         allocated_width;

  PangoLayout   *month_names[EVT_YEAR_N_MONTHS];
  PangoLayout   *short_month_names[EVT_YEAR_N_MONTHS];
  double         full_label_width;
  double         short_label_width;
  gboolean       compact;          /* narrow: short month names */
  PangoLayout   *day_numbers[EVT_YEAR_N_COLUMNS];

  EvtEvent      *focus_event;
  guint          focus_month;      /* which row of a long event has the focus */
  int            focus_segment;
  int            hover_segment;
  int            pressed_segment;

  GDate          today;            /* invalid: ask the clock */
  GtkAdjustment *scroll;           /* the viewport's that scrolls the view, if any */
  guint          rebuild_idle_id;
};

G_DEFINE_FINAL_TYPE (EvtYearView, evt_year_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_YEAR,
  PROP_MODEL,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Colours */

typedef struct
{
  GdkRGBA fg;
  GdkRGBA bg;
  GdkRGBA accent;
  GdkRGBA accent_bg;
  GdkRGBA neutral;
  gboolean dark;
} Palette;

/* sRGB to linear light with a gamma of 2: close enough to pick black or white text,
 * and it keeps libm out of the link. */
static double
channel_linear (double c)
{
  return c * c;
}

static double
relative_luminance (const GdkRGBA *c)
{
  return 0.2126 * channel_linear (c->red) +
         0.7152 * channel_linear (c->green) +
         0.0722 * channel_linear (c->blue);
}

/* @over drawn with @alpha on the opaque @under. */
static GdkRGBA
composite (const GdkRGBA *over,
           double         alpha,
           const GdkRGBA *under)
{
  return (GdkRGBA) {
    over->red * alpha + under->red * (1 - alpha),
    over->green * alpha + under->green * (1 - alpha),
    over->blue * alpha + under->blue * (1 - alpha),
    1.0,
  };
}

static GdkRGBA
with_alpha (const GdkRGBA *c,
            double         alpha)
{
  return (GdkRGBA) { c->red, c->green, c->blue, c->alpha * alpha };
}

/* Black or white, whichever reads better on @bg (WCAG contrast). */
static GdkRGBA
text_colour_on (const GdkRGBA *bg)
{
  if (relative_luminance (bg) > 0.179)
    return (GdkRGBA) { 0, 0, 0, 0.87 };
  return (GdkRGBA) { 1, 1, 1, 1 };
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
lookup_colour (GtkStyleContext *context,
               const char      *name,
               GdkRGBA         *colour,
               const char      *fallback)
{
  if (!gtk_style_context_lookup_color (context, name, colour))
    gdk_rgba_parse (colour, fallback);
}

static void
get_palette (EvtYearView *self,
             Palette     *palette)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &palette->fg);
  palette->dark = relative_luminance (&palette->fg) > 0.5;
  lookup_colour (context, "view_bg_color", &palette->bg, palette->dark ? "#1e1e1e" : "#ffffff");
  lookup_colour (context, "accent_color", &palette->accent, "#1c71d8");
  lookup_colour (context, "accent_bg_color", &palette->accent_bg, "#3584e4");
  /* The background may be translucent in some themes; compose on black or white. */
  palette->bg = composite (&palette->bg, palette->bg.alpha,
                           palette->dark ? &(GdkRGBA) { 0, 0, 0, 1 }
                                         : &(GdkRGBA) { 1, 1, 1, 1 });
  gdk_rgba_parse (&palette->neutral, palette->dark ? "#77767b" : "#9a9996");
}
G_GNUC_END_IGNORE_DEPRECATIONS

static GdkRGBA
event_colour (EvtYearView   *self,
              EvtEvent      *event,
              const Palette *palette)
{
  const char * const *sectors = evt_event_get_sectors (event);
  const GdkRGBA *colour = NULL;

  if (sectors != NULL && sectors[0] != NULL && self->sector_colours != NULL)
    colour = g_hash_table_lookup (self->sector_colours, sectors[0]);

  return colour != NULL ? *colour : palette->neutral;
}

/* Text */

static PangoLayout *
create_layout (EvtYearView *self,
               const char  *text,
               double       scale,
               PangoWeight  weight,
               gboolean     strike)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (weight != PANGO_WEIGHT_NORMAL)
    pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  if (strike)
    pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
  /* Day numbers line up better with figures of one width. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  return layout;
}

static int
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static void
free_title (PangoLayout *title)
{
  g_clear_object (&title);
}

static PangoLayout *
create_title_layout (EvtYearView *self,
                     const char  *text,
                     gboolean     strike)
{
  PangoLayout *title = create_layout (self, text, TITLE_SCALE, PANGO_WEIGHT_MEDIUM, strike);

  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  return title;
}

/* The titles of a dense year are measured by adding up the widths of their
 * characters, as the titles' font sets them side by side in one line: shaping each title
 * took some 15 ms of the first frame with 800 events. The characters are measured when
 * first met, those of a year's titles together. Rounding makes the
 * sum up to a pixel short of the shaped width, which TITLE_SLACK covers; pairs that the
 * font kerns make it up to 5 pixels over, which at worst puts a title after its bar
 * when it would just have fitted inside (measured on the sample and benchmark titles).
 * The table holds the characters of French and the other Western European languages,
 * which the interface font has: a character that it lacks would make Pango search the
 * other fonts. Titles with any other character are shaped. */
static const gunichar advance_ranges[][2] = {
  { 0x0020, 0x007e },  /* ASCII */
  { 0x00a0, 0x017f },  /* Latin-1, Latin Extended-A (œ) */
  { 0x2010, 0x2027 },  /* dashes, quotation marks, bullet, ellipsis */
  { 0x20ac, 0x20ac },  /* € */
};
#define N_ADVANCES ((0x7e - 0x20 + 1) + (0x17f - 0xa0 + 1) + (0x2027 - 0x2010 + 1) + 1)
#define TITLE_SLACK 1.0

/* The place of @c in the table, or -1. */
static int
advance_index (gunichar c)
{
  int base = 0;

  for (guint i = 0; i < G_N_ELEMENTS (advance_ranges); i++)
    {
      if (c >= advance_ranges[i][0] && c <= advance_ranges[i][1])
        return base + (int) (c - advance_ranges[i][0]);
      base += (int) (advance_ranges[i][1] - advance_ranges[i][0] + 1);
    }
  return -1;
}

/* Appends to @missing the characters of @text whose widths are not known yet, marked as
 * being measured. Returns FALSE, marking none, if @text has a character outside the
 * table. */
static gboolean
collect_missing_advances (EvtYearView *self,
                          const char  *text,
                          GString     *missing)
{
  const char *p;

  if (self->advances == NULL)
    {
      self->advances = g_new (double, N_ADVANCES);
      for (guint i = 0; i < N_ADVANCES; i++)
        self->advances[i] = NAN;
    }

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (advance_index (g_utf8_get_char (p)) < 0)
        return FALSE;
    }

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int index = advance_index (c);

      if (isnan (self->advances[index]))
        {
          self->advances[index] = 0;
          g_string_append_unichar (missing, c);
        }
    }
  return TRUE;
}

/* Measures the characters of @text, each once and in the table, side by side in one line:
 * the glyphs' advances, each to the character its cluster starts with. */
static void
measure_advances (EvtYearView *self,
                  const char  *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoAttrList *attrs;
  PangoLayoutLine *line;

  if (*text == '\0')
    return;

  layout = create_title_layout (self, text, FALSE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  /* Without kerning between neighbours that are so only here: a character's width does
   * not depend on the titles met before. */
  attrs = pango_attr_list_copy (pango_layout_get_attributes (layout));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1, kern=0"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  line = pango_layout_get_line_readonly (layout, 0);
  for (GSList *l = line != NULL ? line->runs : NULL; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      for (int g = 0; g < run->glyphs->num_glyphs; g++)
        {
          int byte = run->item->offset + run->glyphs->log_clusters[g];
          int index = advance_index (g_utf8_get_char (text + byte));

          if (index >= 0)
            self->advances[index] += (double) run->glyphs->glyphs[g].geometry.width / PANGO_SCALE;
        }
    }
}

/* The natural width of @text as a title, in pixels, or NAN if one of its characters
 * is not in the table. */
static double
add_advances (EvtYearView *self,
              const char  *text)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  double width = 0;

  if (!collect_missing_advances (self, text, missing))
    return NAN;
  measure_advances (self, missing->str);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += self->advances[advance_index (g_utf8_get_char (p))];
  return ceil (width);
}

/* Titles that had to be shaped are measured once for a font: a long event has a
 * segment a month, a reload brings the same titles. */
static double
measure_title (EvtYearView *self,
               const char  *text)
{
  double width = add_advances (self, text);
  double *cached;
  g_autoptr(PangoLayout) title = NULL;
  int pixels;

  if (!isnan (width))
    return width + TITLE_SLACK;
  if ((cached = g_hash_table_lookup (self->title_widths_cache, text)) != NULL)
    return *cached;

  title = create_title_layout (self, text, FALSE);
  pango_layout_get_pixel_size (title, &pixels, NULL);
  width = pixels;
  g_hash_table_insert (self->title_widths_cache, g_strdup (text),
                       g_memdup2 (&width, sizeof width));
  return width;
}

/* The title of segment @index, laid out when first drawn: most bars of a dense year
 * are too short for one. */
static PangoLayout *
get_title (EvtYearView *self,
           guint        index)
{
  PangoLayout *title = g_ptr_array_index (self->titles, index);

  if (title == NULL)
    {
      const EvtYearSegment *seg = evt_year_layout_get_segment (self->layout, index);
      EvtEvent *event = g_ptr_array_index (self->items, seg->item);
      const char *text = evt_event_get_title (event);

      title = create_title_layout (self, text != NULL ? text : "",
                                  evt_event_get_status (event) == EVT_STATUS_CANCELLED);
      pango_layout_set_width (title, g_array_index (self->title_limits, int, index));
      g_ptr_array_index (self->titles, index) = title;
    }
  return title;
}

static void
clear_text_cache (EvtYearView *self)
{
  if (self->title_widths_cache != NULL)
    g_hash_table_remove_all (self->title_widths_cache);
  g_clear_pointer (&self->advances, g_free);
  for (guint i = 0; i < EVT_YEAR_N_MONTHS; i++)
    {
      g_clear_object (&self->month_names[i]);
      g_clear_object (&self->short_month_names[i]);
    }
  for (guint i = 0; i < EVT_YEAR_N_COLUMNS; i++)
    g_clear_object (&self->day_numbers[i]);
}

/* "Jan", "Janv.": the abbreviated name as it stands alone, capitalised. */
static char *
format_short_month_name (int month)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2000, month, 1, 0, 0, 0);
  g_autofree char *name = g_date_time_format (dt, "%Ob");
  char first[8] = { 0 };

  if (name == NULL || name[0] == '\0')
    return evt_format_month_name (month);

  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (name)), first);
  return g_strconcat (first, g_utf8_next_char (name), NULL);
}

static void
ensure_text_cache (EvtYearView *self)
{
  if (self->month_names[0] != NULL)
    return;

  for (guint i = 0; i < EVT_YEAR_N_MONTHS; i++)
    {
      g_autofree char *name = evt_format_month_name (i + 1);
      g_autofree char *short_name = format_short_month_name (i + 1);

      self->month_names[i] = create_layout (self, name, 1.0, PANGO_WEIGHT_BOLD, FALSE);
      self->short_month_names[i] = create_layout (self, short_name, 1.0, PANGO_WEIGHT_BOLD,
                                                  FALSE);
    }

  for (guint i = 0; i < EVT_YEAR_N_COLUMNS; i++)
    {
      char number[4];

      g_snprintf (number, sizeof number, "%u", i + 1);
      self->day_numbers[i] = create_layout (self, number, DAY_NUMBER_SCALE,
                                            PANGO_WEIGHT_NORMAL, FALSE);
    }
}

static void
compute_metrics (EvtYearView    *self,
                 EvtYearMetrics *metrics)
{
  g_autoptr(PangoLayout) probe = NULL;
  int label_width = 0;
  int short_width = 0;

  ensure_text_cache (self);
  /* A lane is as high as a title: in the titles' font, no other to look up and load. */
  probe = create_title_layout (self, "Ag", FALSE);

  for (guint i = 0; i < EVT_YEAR_N_MONTHS; i++)
    {
      int width;

      pango_layout_get_pixel_size (self->month_names[i], &width, NULL);
      label_width = MAX (label_width, width);
      pango_layout_get_pixel_size (self->short_month_names[i], &width, NULL);
      short_width = MAX (short_width, width);
    }

  self->full_label_width = label_width + 2 * LABEL_PADDING;
  self->short_label_width = short_width + 2 * COMPACT_PADDING;
  metrics->label_width = self->full_label_width;
  metrics->end_margin = LABEL_PADDING;
  metrics->top_margin = 0;
  metrics->header_height = layout_height (self->day_numbers[0]) + 8;
  metrics->lane_height = layout_height (probe) + 6;
  metrics->lane_spacing = 3;
  metrics->row_padding = 8;
  metrics->min_lanes = 2;
  metrics->bar_inset = 1.5;
}

static char *
format_event (EvtEvent *event,
              gboolean  markup)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *title = evt_event_get_title (event);
  const char *city = evt_event_get_city (event);
  const char *reason = evt_event_get_status_reason (event);
  EvtStatus status = evt_event_get_status (event);
  const char *sep = markup ? "\n" : ", ";
  g_autofree char *dates = NULL;
  g_autofree char *original = NULL;
  g_autofree char *status_line = NULL;

  if (title == NULL || *title == '\0')
    title = _("Untitled event");

  if (evt_event_get_start (event) != NULL)
    dates = evt_format_date_range (evt_event_get_start (event), evt_event_get_end (event),
                                   evt_event_get_all_day (event));
  if (evt_event_get_original_start (event) != NULL)
    original = evt_format_date_range (evt_event_get_original_start (event),
                                      evt_event_get_original_end (event),
                                      evt_event_get_all_day (event));

  if (status == EVT_STATUS_POSTPONED)
    {
      if (evt_event_is_date_tba (event))
        /* Translators: status of an event whose new date is not known yet */
        status_line = g_strdup (_("Postponed, new date to be announced"));
      else if (dates != NULL)
        /* Translators: status of a postponed event, with its new dates */
        status_line = g_strdup_printf (_("Postponed to %s"), dates);
      else
        status_line = g_strdup (evt_status_get_label (status));
    }
  else
    {
      status_line = g_strdup (evt_status_get_label (status));
    }

  if (reason != NULL && *reason != '\0')
    {
      g_autofree char *with_reason = NULL;

      /* Translators: a status and the reason for it, "Cancelled: venue closed" */
      with_reason = g_strdup_printf (_("%s: %s"), status_line, reason);
      g_free (status_line);
      status_line = g_steal_pointer (&with_reason);
    }

  if (markup)
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      g_string_append_printf (text, "<b>%s</b>", escaped);
    }
  else
    {
      g_string_append (text, title);
    }

  if (dates != NULL && !(status == EVT_STATUS_POSTPONED && !evt_event_is_date_tba (event)))
    g_string_append_printf (text, "%s%s", sep, dates);

  if (city != NULL && *city != '\0')
    g_string_append_printf (text, "%s%s", sep, city);

  g_string_append (text, sep);
  if (markup)
    {
      g_autofree char *escaped = g_markup_escape_text (status_line, -1);

      g_string_append_printf (text, "<i>%s</i>", escaped);
    }
  else
    {
      g_string_append (text, status_line);
    }

  if (status == EVT_STATUS_POSTPONED && original != NULL)
    {
      /* Translators: the dates a postponed event was first planned on */
      g_autofree char *line = g_strdup_printf (_("Originally %s"), original);

      g_string_append (text, sep);
      if (markup)
        {
          g_autofree char *escaped = g_markup_escape_text (line, -1);

          g_string_append (text, escaped);
        }
      else
        {
          g_string_append (text, line);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Layout */

static void
update_accessible_label (EvtYearView *self)
{
  guint n = self->layout != NULL ? self->layout->order->len : 0;
  g_autofree char *label = NULL;

  /* Translators: accessible name of the year view: "Year 2021, 12 events" */
  label = g_strdup_printf (ngettext ("Year %d, %u event", "Year %d, %u events", n),
                           self->year, n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
update_accessible_description (EvtYearView *self)
{
  g_autofree char *description = NULL;

  if (self->focus_event != NULL)
    description = format_event (self->focus_event, FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

/* Lays the titles out for the current column width: inside the bar when it fits
 * there, otherwise after the bar when the lane has more room there. */
static void
update_titles (EvtYearView *self)
{
  EvtYearLayout *layout = self->layout;
  double cw = layout->column_width;

  for (guint i = 0; i < layout->segments->len; i++)
    {
      EvtYearSegment *seg = &g_array_index (layout->segments, EvtYearSegment, i);
      PangoLayout *title = g_ptr_array_index (self->titles, i);
      double natural = g_array_index (self->title_widths, double, i);
      int limit;
      EvtYearRect bar;
      double inside;
      double outside;
      double room;
      gboolean after;

      evt_year_layout_get_bar_rect (layout, i, &bar);
      inside = bar.width - 2 * BAR_TEXT_PADDING;
      outside = (seg->free_last_day - seg->last_day) * cw - 2 * BAR_TEXT_PADDING;
      after = natural > inside && outside > inside && outside >= MIN (natural, MIN_INSIDE_TEXT);

      seg->label_last_day = seg->last_day;
      if (after)
        {
          double needed = natural + 2 * BAR_TEXT_PADDING;
          guint days = (guint) ceil (needed / cw);

          seg->label_last_day = MIN (seg->free_last_day, seg->last_day + days);
          room = MIN (outside, natural + 1);
        }
      else
        {
          room = MAX (inside, 0);
        }
      /* A title that fits keeps its lines when the width changes. */
      limit = natural <= room ? -1 : (int) (room * PANGO_SCALE);
      g_array_index (self->title_limits, int, i) = limit;
      if (title != NULL)
        pango_layout_set_width (title, limit);
      g_array_index (self->title_outside, gboolean, i) = after;
    }
}

/* Spreads the columns over @width; a narrow view (a phone, a split window) gives the
 * month names less room so that the days keep theirs. */
static void
apply_width (EvtYearView *self,
             double       width)
{
  EvtYearMetrics *m = &self->layout->metrics;
  double full_column = (width - self->full_label_width - LABEL_PADDING) / EVT_YEAR_N_COLUMNS;

  self->allocated_width = width;
  self->compact = width > 0 && full_column < COMPACT_COLUMN_WIDTH;
  m->label_width = self->compact ? self->short_label_width : self->full_label_width;
  m->end_margin = self->compact ? COMPACT_PADDING : LABEL_PADDING;
  evt_year_layout_allocate (self->layout, width);
  update_titles (self);
}

static gboolean
span_touches_year (const EvtYearSpan *span,
                   int                year)
{
  return (int) g_date_get_year (&span->first) <= year &&
         (int) g_date_get_year (&span->last) >= year;
}

static int
find_focus_segment (EvtYearView *self)
{
  int item = -1;
  int seg;

  if (self->focus_event == NULL || self->layout == NULL)
    return -1;

  for (guint i = 0; i < self->items->len && item < 0; i++)
    if (g_ptr_array_index (self->items, i) == self->focus_event)
      item = (int) i;

  /* A reloaded model brings new objects for the same stored events. */
  if (item < 0 && evt_event_get_id (self->focus_event) > 0)
    for (guint i = 0; i < self->items->len && item < 0; i++)
      if (evt_event_get_id (g_ptr_array_index (self->items, i)) ==
          evt_event_get_id (self->focus_event))
        {
          item = (int) i;
          g_set_object (&self->focus_event, g_ptr_array_index (self->items, i));
        }

  if (item < 0)
    return -1;

  seg = self->focus_month > 0
        ? evt_year_layout_find_segment (self->layout, item, self->focus_month)
        : -1;
  if (seg < 0)
    seg = evt_year_layout_first_segment_of_item (self->layout, item);

  return seg;
}

static void
rebuild (EvtYearView *self)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (EvtYearSpan));
  g_autoptr(GString) missing = g_string_new (NULL);
  EvtYearMetrics metrics;
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  EvtYearLayout *layout;

  self->dirty = FALSE;
  g_ptr_array_set_size (self->items, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EvtEvent) event = g_list_model_get_item (self->model, i);
      EvtYearSpan span;

      if (!EVT_IS_EVENT (event) || !evt_year_span_from_event (event, &span))
        continue;
      if (!span_touches_year (&span, self->year))
        continue;

      g_array_append_val (spans, span);
      g_ptr_array_add (self->items, g_steal_pointer (&event));
    }

  compute_metrics (self, &metrics);
  layout = evt_year_layout_new (self->year, (const EvtYearSpan *) (void *) spans->data,
                                spans->len, &metrics);
  g_clear_pointer (&self->layout, evt_year_layout_free);
  self->layout = layout;

  g_ptr_array_set_size (self->titles, 0);
  g_ptr_array_set_size (self->titles, layout->segments->len);
  /* Years after years of titles: start again rather than keep them all. */
  if (g_hash_table_size (self->title_widths_cache) > MAX_CACHED_TITLES)
    g_hash_table_remove_all (self->title_widths_cache);
  g_array_set_size (self->title_widths, layout->segments->len);
  g_array_set_size (self->title_limits, layout->segments->len);
  g_array_set_size (self->title_outside, layout->segments->len);
  for (guint i = 0; i < self->items->len; i++)
    {
      const char *text = evt_event_get_title (g_ptr_array_index (self->items, i));

      collect_missing_advances (self, text != NULL ? text : "", missing);
    }
  measure_advances (self, missing->str);
  for (guint i = 0; i < layout->segments->len; i++)
    {
      const EvtYearSegment *seg = evt_year_layout_get_segment (layout, i);
      const char *text = evt_event_get_title (g_ptr_array_index (self->items, seg->item));

      g_array_index (self->title_widths, double, i) = measure_title (self, text != NULL ? text : "");
    }

  apply_width (self, gtk_widget_get_width (GTK_WIDGET (self)));

  self->hover_segment = -1;
  self->pressed_segment = -1;
  self->focus_segment = find_focus_segment (self);
  if (self->focus_segment < 0 && self->focus_event != NULL)
    {
      g_clear_object (&self->focus_event);
      update_accessible_description (self);
    }

  update_accessible_label (self);
}

static void
ensure_layout (EvtYearView *self)
{
  if (self->dirty || self->layout == NULL)
    rebuild (self);
}

static void
invalidate (EvtYearView *self)
{
  self->dirty = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static gboolean
rebuild_in_idle (gpointer user_data)
{
  EvtYearView *self = user_data;

  self->rebuild_idle_id = 0;
  ensure_layout (self);

  return G_SOURCE_REMOVE;
}

static void
on_items_changed (EvtYearView *self,
                  guint        position,
                  guint        removed,
                  guint        added,
                  GListModel  *model)
{
  invalidate (self);

  /* A mapped view is rebuilt when it is measured. A hidden one (the list is shown)
   * still keeps its accessible name current, once for a burst of changes. */
  if (self->rebuild_idle_id == 0 && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->rebuild_idle_id = g_idle_add_full (G_PRIORITY_LOW, rebuild_in_idle, self, NULL);
}

/* Focus */

static void
scroll_to_segment (EvtYearView *self,
                   int          index)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
  GtkWidget *scrolled;
  GtkWidget *content;
  GtkAdjustment *vadj;
  graphene_point_t top;
  EvtYearRect rect;

  if (viewport == NULL || index < 0)
    return;
  scrolled = gtk_widget_get_ancestor (viewport, GTK_TYPE_SCROLLED_WINDOW);
  content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  if (scrolled == NULL || content == NULL)
    return;

  evt_year_layout_get_bar_rect (self->layout, (guint) index, &rect);
  if (!gtk_widget_compute_point (GTK_WIDGET (self), content,
                                 &GRAPHENE_POINT_INIT (0, rect.y), &top))
    return;

  vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_clamp_page (vadj, top.y - rect.height, top.y + 2 * rect.height);
}

static void
set_focus_segment (EvtYearView *self,
                   int          index)
{
  EvtEvent *event = NULL;

  if (index >= 0)
    {
      const EvtYearSegment *seg = evt_year_layout_get_segment (self->layout, (guint) index);

      event = g_ptr_array_index (self->items, seg->item);
      self->focus_month = seg->month;
    }

  self->focus_segment = index;
  if (g_set_object (&self->focus_event, event))
    update_accessible_description (self);

  scroll_to_segment (self, index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
get_today (EvtYearView *self,
           GDate       *today)
{
  g_autoptr(GDateTime) now = NULL;

  if (g_date_valid (&self->today))
    {
      *today = self->today;
      return;
    }

  now = g_date_time_new_now_local ();
  evt_date_to_gdate (now, today);
}

/* The first event from today on in the current year, or the first of the year. */
static int
initial_focus (EvtYearView *self)
{
  GDate today;

  get_today (self, &today);
  if ((int) g_date_get_year (&today) == self->year)
    {
      guint month = g_date_get_month (&today);
      guint day = g_date_get_day (&today);

      for (guint i = 0; i < self->layout->segments->len; i++)
        {
          const EvtYearSegment *seg = evt_year_layout_get_segment (self->layout, i);

          if (seg->month > month || (seg->month == month && seg->last_day >= day))
            return (int) i;
        }
    }

  return evt_year_layout_navigate (self->layout, -1, EVT_YEAR_DIRECTION_FIRST);
}

static void
move_focus_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EvtYearView *self = EVT_YEAR_VIEW (widget);
  EvtYearDirection direction = g_variant_get_int32 (parameter);
  int next;

  ensure_layout (self);
  if (self->focus_segment < 0 && direction != EVT_YEAR_DIRECTION_FIRST &&
      direction != EVT_YEAR_DIRECTION_LAST)
    next = initial_focus (self);
  else
    next = evt_year_layout_navigate (self->layout, self->focus_segment, direction);

  if (next >= 0)
    set_focus_segment (self, next);
  else
    gtk_widget_error_bell (widget);
}

static void
activate_focus_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EvtYearView *self = EVT_YEAR_VIEW (widget);

  if (self->focus_event != NULL)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, self->focus_event);
}

static void
on_focus_enter (EvtYearView *self)
{
  ensure_layout (self);
  if (self->focus_segment < 0)
    {
      int first = initial_focus (self);

      if (first >= 0)
        set_focus_segment (self, first);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Pointer */

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            EvtYearView     *self)
{
  ensure_layout (self);
  self->pressed_segment = evt_year_layout_hit (self->layout, x, y);
  if (self->pressed_segment >= 0)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             EvtYearView     *self)
{
  int pressed = self->pressed_segment;

  self->pressed_segment = -1;
  if (pressed >= 0 && evt_year_layout_hit (self->layout, x, y) == pressed)
    evt_year_view_click_at (self, x, y);
}

static void
set_hover (EvtYearView *self,
           int          index)
{
  if (self->hover_segment == index)
    return;

  self->hover_segment = index;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), index >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           EvtYearView              *self)
{
  ensure_layout (self);
  set_hover (self, evt_year_layout_hit (self->layout, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          EvtYearView              *self)
{
  set_hover (self, -1);
}

static gboolean
evt_year_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  EvtYearView *self = EVT_YEAR_VIEW (widget);
  g_autofree char *markup = NULL;
  EvtYearRect rect;
  int index;

  ensure_layout (self);
  if (keyboard_mode)
    {
      index = self->focus_segment;
      if (index < 0)
        return FALSE;
      evt_year_layout_get_bar_rect (self->layout, (guint) index, &rect);
      markup = evt_year_view_get_tooltip_markup_at (self, rect.x + rect.width / 2,
                                                    rect.y + rect.height / 2);
    }
  else
    {
      index = evt_year_layout_hit (self->layout, x, y);
      markup = evt_year_view_get_tooltip_markup_at (self, x, y);
    }

  if (markup == NULL || index < 0)
    return FALSE;

  evt_year_layout_get_hit_rect (self->layout, (guint) index, &rect);
  gtk_tooltip_set_markup (tooltip, markup);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              (int) floor (rect.x), (int) floor (rect.y),
                              (int) ceil (rect.width), (int) ceil (rect.height) });
  return TRUE;
}

/* Drawing */

static void
rounded_bar (GskRoundedRect       *out,
             const EvtYearRect    *rect,
             const EvtYearSegment *seg,
             double                grow)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (rect->x - grow, rect->y - grow,
                                               rect->width + 2 * grow,
                                               rect->height + 2 * grow);
  double r = MIN (BAR_RADIUS + grow, (rect->height + 2 * grow) / 2);
  double start = seg->clipped_start ? 0 : r;
  double end = seg->clipped_end ? 0 : r;

  gsk_rounded_rect_init (out, &bounds,
                         &GRAPHENE_SIZE_INIT (start, start),
                         &GRAPHENE_SIZE_INIT (end, end),
                         &GRAPHENE_SIZE_INIT (end, end),
                         &GRAPHENE_SIZE_INIT (start, start));
}

static void
append_rounded_border (GtkSnapshot          *snapshot,
                       const GskRoundedRect *rr,
                       double                width,
                       const GdkRGBA        *colour)
{
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colours[4] = { *colour, *colour, *colour, *colour };

  gtk_snapshot_append_border (snapshot, rr, widths, colours);
}

static void
append_dashed_border (GtkSnapshot          *snapshot,
                      const EvtYearRect    *rect,
                      const EvtYearSegment *seg,
                      const GdkRGBA        *colour)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height);
  double r = MIN (BAR_RADIUS, rect->height / 2);
  double rs = seg->clipped_start ? 0 : r;
  double re = seg->clipped_end ? 0 : r;
  double x0 = rect->x + 0.75;
  double y0 = rect->y + 0.75;
  double x1 = rect->x + rect->width - 0.75;
  double y1 = rect->y + rect->height - 0.75;
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  const double dashes[] = { 4.0, 3.0 };

  cairo_new_sub_path (cr);
  cairo_arc (cr, x1 - re, y0 + re, re, -G_PI / 2, 0);
  cairo_arc (cr, x1 - re, y1 - re, re, 0, G_PI / 2);
  cairo_arc (cr, x0 + rs, y1 - rs, rs, G_PI / 2, G_PI);
  cairo_arc (cr, x0 + rs, y0 + rs, rs, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_set_line_width (cr, 1.5);
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
append_hatching (GtkSnapshot       *snapshot,
                 const EvtYearRect *rect,
                 const GdkRGBA     *colour)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height);
  GdkRGBA clear = with_alpha (colour, 0);
  const GskColorStop stops[] = {
    { 0.0, *colour },
    { 0.45, *colour },
    { 0.45, clear },
    { 1.0, clear },
  };

  /* Stripes at 45°: one period is 7 px along the gradient's axis. */
  gtk_snapshot_append_repeating_linear_gradient (snapshot, &bounds,
                                                 &GRAPHENE_POINT_INIT (rect->x, rect->y),
                                                 &GRAPHENE_POINT_INIT (rect->x + 5, rect->y + 5),
                                                 stops, G_N_ELEMENTS (stops));
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *colour)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
draw_bar (EvtYearView   *self,
          GtkSnapshot   *snapshot,
          guint          index,
          const Palette *palette)
{
  const EvtYearSegment *seg = evt_year_layout_get_segment (self->layout, index);
  EvtEvent *event = g_ptr_array_index (self->items, seg->item);
  EvtStatus status = evt_event_get_status (event);
  gboolean outside = g_array_index (self->title_outside, gboolean, index);
  gboolean hovered = self->hover_segment >= 0 &&
                     evt_year_layout_get_segment (self->layout, self->hover_segment)->item ==
                     seg->item;
  GdkRGBA base = event_colour (self, event, palette);
  GdkRGBA fill;
  GdkRGBA text;
  double fill_alpha = 1.0;
  GskRoundedRect rr;
  EvtYearRect rect;
  gboolean inside_text;
  PangoLayout *title = NULL;
  int text_height;
  double text_y = 0;

  evt_year_layout_get_bar_rect (self->layout, index, &rect);
  rounded_bar (&rr, &rect, seg, 0);

  switch (status)
    {
    case EVT_STATUS_TENTATIVE:
      fill_alpha = palette->dark ? 0.35 : 0.28;
      break;
    case EVT_STATUS_POSTPONED:
      fill_alpha = palette->dark ? 0.3 : 0.22;
      break;
    case EVT_STATUS_CANCELLED:
      fill_alpha = palette->dark ? 0.2 : 0.16;
      break;
    case EVT_STATUS_CONFIRMED:
    case EVT_STATUS_HELD:
    default:
      break;
    }
  if (hovered)
    fill_alpha = MIN (1.0, fill_alpha + 0.12);

  fill = composite (&base, fill_alpha, &palette->bg);
  if (hovered && fill_alpha >= 1.0)
    fill = composite (palette->dark ? &(GdkRGBA) { 1, 1, 1, 1 } : &(GdkRGBA) { 0, 0, 0, 1 },
                      0.12, &fill);

  gtk_snapshot_push_rounded_clip (snapshot, &rr);
  gtk_snapshot_append_color (snapshot, &fill,
                             &GRAPHENE_RECT_INIT (rect.x, rect.y, rect.width, rect.height));
  if (status == EVT_STATUS_TENTATIVE)
    {
      GdkRGBA stripe = with_alpha (&base, palette->dark ? 0.35 : 0.3);

      append_hatching (snapshot, &rect, &stripe);
    }
  gtk_snapshot_pop (snapshot);

  switch (status)
    {
    case EVT_STATUS_TENTATIVE:
      append_rounded_border (snapshot, &rr, 1, &base);
      break;
    case EVT_STATUS_POSTPONED:
      append_dashed_border (snapshot, &rect, seg, &base);
      break;
    case EVT_STATUS_CANCELLED:
      {
        GdkRGBA edge = with_alpha (&base, 0.5);

        append_rounded_border (snapshot, &rr, 1, &edge);
      }
      break;
    case EVT_STATUS_CONFIRMED:
    case EVT_STATUS_HELD:
    default:
      break;
    }

  /* The text colour is picked on what is really under it: a pale bar on a light
   * background wants dark text even when the sector colour is dark. */
  if (outside)
    text = palette->fg;
  else
    text = text_colour_on (&fill);
  if (status == EVT_STATUS_CANCELLED)
    text = with_alpha (&palette->fg, 0.6);

  /* Two letters and an ellipsis say nothing: a bar too short for a few letters
   * stays plain, and the tooltip names it. */
  inside_text = !outside &&
                (g_array_index (self->title_widths, double, index) <=
                 rect.width - 2 * BAR_TEXT_PADDING ||
                 rect.width - 2 * BAR_TEXT_PADDING >= MIN_INSIDE_TEXT);

  if (outside || inside_text)
    {
      title = get_title (self, index);
      pango_layout_get_pixel_size (title, NULL, &text_height);
      text_y = rect.y + (rect.height - text_height) / 2;
    }

  if (outside)
    {
      append_text (snapshot, title, rect.x + rect.width + BAR_TEXT_PADDING, text_y, &text);
    }
  else if (inside_text)
    {
      gtk_snapshot_push_clip (snapshot,
                              &GRAPHENE_RECT_INIT (rect.x, rect.y, rect.width, rect.height));
      append_text (snapshot, title, rect.x + BAR_TEXT_PADDING, text_y, &text);
      gtk_snapshot_pop (snapshot);
    }

  /* With no title inside, a cancelled bar is struck through itself. */
  if (status == EVT_STATUS_CANCELLED && !inside_text)
    {
      GdkRGBA line = with_alpha (&palette->fg, 0.6);

      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (rect.x + 2, rect.y + rect.height / 2 - 0.5,
                                                      rect.width - 4, 1));
    }
}

static void
draw_focus (EvtYearView   *self,
            GtkSnapshot   *snapshot,
            const Palette *palette)
{
  const EvtYearSegment *focused;
  GdkRGBA ring = with_alpha (&palette->accent, 0.8);

  if (self->focus_segment < 0 || !gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    return;

  focused = evt_year_layout_get_segment (self->layout, (guint) self->focus_segment);
  for (guint i = 0; i < self->layout->segments->len; i++)
    {
      const EvtYearSegment *seg = evt_year_layout_get_segment (self->layout, i);
      GskRoundedRect rr;
      EvtYearRect rect;

      if (seg->item != focused->item)
        continue;

      evt_year_layout_get_hit_rect (self->layout, i, &rect);
      rounded_bar (&rr, &rect, seg, 2);
      append_rounded_border (snapshot, &rr, 2, &ring);
    }
}

static void
draw_grid (EvtYearView   *self,
           GtkSnapshot   *snapshot,
           const Palette *palette,
           const GDate   *today)
{
  EvtYearLayout *layout = self->layout;
  GdkRGBA separator = with_alpha (&palette->fg, palette->dark ? 0.12 : 0.1);
  GdkRGBA weekend = with_alpha (&palette->fg, palette->dark ? 0.05 : 0.04);
  GdkRGBA no_day = with_alpha (&palette->fg, palette->dark ? 0.09 : 0.07);
  GdkRGBA week_line = with_alpha (&palette->fg, palette->dark ? 0.1 : 0.08);
  GdkRGBA number = with_alpha (&palette->fg, 0.55);
  GdkRGBA weekend_number = with_alpha (&palette->fg, 0.4);
  gboolean today_in_year = g_date_valid (today) &&
                           (int) g_date_get_year (today) == layout->year;

  for (guint month = 1; month <= EVT_YEAR_N_MONTHS; month++)
    {
      guint dim = evt_year_layout_days_in_month (layout, month);
      gboolean this_month = today_in_year && g_date_get_month (today) == month;
      PangoLayout *name = self->compact ? self->short_month_names[month - 1]
                                        : self->month_names[month - 1];
      GdkRGBA name_colour = this_month ? palette->accent : palette->fg;
      EvtYearRect row;
      int name_height;
      GDate date;

      evt_year_layout_get_row_rect (layout, month, &row);
      if (month > 1)
        gtk_snapshot_append_color (snapshot, &separator,
                                   &GRAPHENE_RECT_INIT (0, row.y, row.width, 1));

      pango_layout_get_pixel_size (name, NULL, &name_height);
      append_text (snapshot, name, self->compact ? COMPACT_PADDING : LABEL_PADDING,
                   row.y + layout->metrics.header_height +
                   (layout->metrics.lane_height - name_height) / 2, &name_colour);

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, month, layout->year);

      for (guint day = 1; day <= EVT_YEAR_N_COLUMNS; day++)
        {
          EvtYearRect cell;
          GDateWeekday weekday;
          PangoLayout *digits = self->day_numbers[day - 1];
          gboolean is_today;
          int w, h;
          double cx, cy;

          evt_year_layout_get_cell_rect (layout, month, day, &cell);
          cell.y += 1;
          cell.height -= 1;

          if (day > dim)
            {
              gtk_snapshot_append_color (snapshot, &no_day,
                                         &GRAPHENE_RECT_INIT (cell.x, cell.y,
                                                              cell.width, cell.height));
              continue;
            }

          g_date_set_day (&date, day);
          weekday = g_date_get_weekday (&date);
          if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
            gtk_snapshot_append_color (snapshot, &weekend,
                                       &GRAPHENE_RECT_INIT (cell.x, cell.y,
                                                            cell.width, cell.height));
          else if (weekday == G_DATE_MONDAY && day > 1)
            gtk_snapshot_append_color (snapshot, &week_line,
                                       &GRAPHENE_RECT_INIT (cell.x, cell.y, 1,
                                                            layout->metrics.header_height));

          is_today = today_in_year && this_month && g_date_get_day (today) == day;
          pango_layout_get_pixel_size (digits, &w, &h);
          cx = cell.x + cell.width / 2;
          cy = cell.y + (layout->metrics.header_height - 1) / 2;

          if (is_today)
            {
              double d = MIN (MAX (w, h) + 6, MIN (cell.width, layout->metrics.header_height));
              GskRoundedRect ring;

              gsk_rounded_rect_init_from_rect (&ring,
                                               &GRAPHENE_RECT_INIT (cx - d / 2, cy - d / 2,
                                                                    d, d),
                                               d / 2);
              append_rounded_border (snapshot, &ring, 2, &palette->accent_bg);
              /* A faint column through the day, so today reads across the lanes. */
              {
                GdkRGBA column = with_alpha (&palette->accent_bg, 0.1);

                gtk_snapshot_append_color (snapshot, &column,
                                           &GRAPHENE_RECT_INIT (cell.x, cell.y, cell.width,
                                                                cell.height));
              }
            }

          /* Narrow columns cannot hold every number side by side. */
          if (!is_today && layout->column_width < SPARSE_COLUMN_WIDTH &&
              day != 1 && day % 5 != 0)
            continue;

          append_text (snapshot, digits, cx - w / 2.0, cy - h / 2.0,
                       is_today ? &palette->accent
                       : (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
                       ? &weekend_number : &number);
        }
    }
}

/* What the view shows of itself, from @top to @bottom in its coordinates: all of it,
 * or what its viewport shows. */
static void
get_visible_rows (EvtYearView *self,
                  double      *top,
                  double      *bottom)
{
  *top = 0;
  *bottom = gtk_widget_get_height (GTK_WIDGET (self));
  if (self->scroll != NULL)
    {
      *top = gtk_adjustment_get_value (self->scroll);
      *bottom = *top + gtk_adjustment_get_page_size (self->scroll);
    }
}

static void
evt_year_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  EvtYearView *self = EVT_YEAR_VIEW (widget);
  Palette palette;
  GDate today;
  double top;
  double bottom;

  ensure_layout (self);
  get_palette (self, &palette);
  get_today (self, &today);

  draw_grid (self, snapshot, &palette, &today);

  /* Only the bars that show: a dense year is several screens high. A scroll draws
   * the view again (see evt_year_view_root()). */
  get_visible_rows (self, &top, &bottom);
  for (guint i = 0; i < self->layout->segments->len; i++)
    {
      EvtYearRect rect;

      evt_year_layout_get_bar_rect (self->layout, i, &rect);
      if (rect.y + rect.height >= top && rect.y <= bottom)
        draw_bar (self, snapshot, i, &palette);
    }

  draw_focus (self, snapshot, &palette);
}

/* Size */

static void
evt_year_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  EvtYearView *self = EVT_YEAR_VIEW (widget);

  ensure_layout (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) ceil (self->short_label_width + COMPACT_PADDING) +
                 EVT_YEAR_N_COLUMNS * MIN_COLUMN_WIDTH;
      *natural = (int) ceil (self->full_label_width + LABEL_PADDING) +
                 EVT_YEAR_N_COLUMNS * NAT_COLUMN_WIDTH;
    }
  else
    {
      *minimum = *natural = (int) ceil (evt_year_layout_get_height (self->layout));
    }
}

static void
evt_year_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  EvtYearView *self = EVT_YEAR_VIEW (widget);

  ensure_layout (self);
  if (self->allocated_width != width)
    apply_width (self, width);
}

static void
evt_year_view_system_setting_changed (GtkWidget        *widget,
                                      GtkSystemSetting  setting)
{
  EvtYearView *self = EVT_YEAR_VIEW (widget);

  GTK_WIDGET_CLASS (evt_year_view_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_FONT_NAME || setting == GTK_SYSTEM_SETTING_DPI ||
      setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    {
      clear_text_cache (self);
      invalidate (self);
    }
}

static void
evt_year_view_root (GtkWidget *widget)
{
  EvtYearView *self = EVT_YEAR_VIEW (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);

  GTK_WIDGET_CLASS (evt_year_view_parent_class)->root (widget);

  /* The font may differ from the one measured before the widget had a window. */
  clear_text_cache (self);
  invalidate (self);

  /* In a scrolled window, GTK moves what was drawn; the view draws only what shows. */
  if (GTK_IS_VIEWPORT (parent))
    {
      g_set_object (&self->scroll, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (parent)));
      if (self->scroll != NULL)
        {
          g_signal_connect_object (self->scroll, "value-changed",
                                   G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
          /* A taller window shows more. */
          g_signal_connect_object (self->scroll, "changed",
                                   G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
        }
    }
}

static void
evt_year_view_unroot (GtkWidget *widget)
{
  EvtYearView *self = EVT_YEAR_VIEW (widget);

  if (self->scroll != NULL)
    g_signal_handlers_disconnect_by_data (self->scroll, self);
  g_clear_object (&self->scroll);

  GTK_WIDGET_CLASS (evt_year_view_parent_class)->unroot (widget);
}

/* GObject */

static void
evt_year_view_dispose (GObject *object)
{
  EvtYearView *self = EVT_YEAR_VIEW (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);
  g_clear_object (&self->focus_event);
  g_clear_handle_id (&self->rebuild_idle_id, g_source_remove);
  if (self->scroll != NULL)
    g_signal_handlers_disconnect_by_data (self->scroll, self);
  g_clear_object (&self->scroll);
  clear_text_cache (self);

  G_OBJECT_CLASS (evt_year_view_parent_class)->dispose (object);
}

static void
evt_year_view_finalize (GObject *object)
{
  EvtYearView *self = EVT_YEAR_VIEW (object);

  g_clear_pointer (&self->sector_colours, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->titles, g_ptr_array_unref);
  g_clear_pointer (&self->title_widths, g_array_unref);
  g_clear_pointer (&self->title_limits, g_array_unref);
  g_clear_pointer (&self->title_outside, g_array_unref);
  g_clear_pointer (&self->title_widths_cache, g_hash_table_unref);
  g_clear_pointer (&self->layout, evt_year_layout_free);

  G_OBJECT_CLASS (evt_year_view_parent_class)->finalize (object);
}

static void
evt_year_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EvtYearView *self = EVT_YEAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_year_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EvtYearView *self = EVT_YEAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      evt_year_view_set_year (self, g_value_get_int (value));
      break;
    case PROP_MODEL:
      evt_year_view_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_year_view_class_init (EvtYearViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct {
    guint keyval;
    EvtYearDirection direction;
  } moves[] = {
    { GDK_KEY_Left, EVT_YEAR_DIRECTION_PREVIOUS },
    { GDK_KEY_KP_Left, EVT_YEAR_DIRECTION_PREVIOUS },
    { GDK_KEY_Right, EVT_YEAR_DIRECTION_NEXT },
    { GDK_KEY_KP_Right, EVT_YEAR_DIRECTION_NEXT },
    { GDK_KEY_Up, EVT_YEAR_DIRECTION_UP },
    { GDK_KEY_KP_Up, EVT_YEAR_DIRECTION_UP },
    { GDK_KEY_Down, EVT_YEAR_DIRECTION_DOWN },
    { GDK_KEY_KP_Down, EVT_YEAR_DIRECTION_DOWN },
    { GDK_KEY_Home, EVT_YEAR_DIRECTION_FIRST },
    { GDK_KEY_KP_Home, EVT_YEAR_DIRECTION_FIRST },
    { GDK_KEY_End, EVT_YEAR_DIRECTION_LAST },
    { GDK_KEY_KP_End, EVT_YEAR_DIRECTION_LAST },
  };
  static const guint activate_keys[] = {
    GDK_KEY_Return, GDK_KEY_ISO_Enter, GDK_KEY_KP_Enter, GDK_KEY_space, GDK_KEY_KP_Space,
  };

  object_class->dispose = evt_year_view_dispose;
  object_class->finalize = evt_year_view_finalize;
  object_class->get_property = evt_year_view_get_property;
  object_class->set_property = evt_year_view_set_property;

  widget_class->snapshot = evt_year_view_snapshot;
  widget_class->measure = evt_year_view_measure;
  widget_class->size_allocate = evt_year_view_size_allocate;
  widget_class->query_tooltip = evt_year_view_query_tooltip;
  widget_class->system_setting_changed = evt_year_view_system_setting_changed;
  widget_class->root = evt_year_view_root;
  widget_class->unroot = evt_year_view_unroot;

  /**
   * EvtYearView:year:
   *
   * The year shown.
   */
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      1, 9999, 2000,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * EvtYearView:model:
   *
   * The events to draw, a #GListModel of #EvtEvent; those outside the year are
   * left out.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvtYearView::event-activated:
   * @self: the view
   * @event: the event clicked, or focused when Enter was pressed
   *
   * Asks for @event to be opened.
   */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, EVT_TYPE_EVENT);

  gtk_widget_class_install_action (widget_class, "year-view.move-focus", "i",
                                   move_focus_action);
  gtk_widget_class_install_action (widget_class, "year-view.activate-focus", NULL,
                                   activate_focus_action);

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding_action (widget_class, moves[i].keyval, 0,
                                         "year-view.move-focus", "i", moves[i].direction);
  for (guint i = 0; i < G_N_ELEMENTS (activate_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, activate_keys[i], 0,
                                         "year-view.activate-focus", NULL);

  gtk_widget_class_set_css_name (widget_class, "yearview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
evt_year_view_init (EvtYearView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkGesture *click;
  GtkEventController *motion;
  GtkEventController *focus;

  self->year = g_date_time_get_year (now);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  /* Titles not drawn yet are NULL. */
  self->titles = g_ptr_array_new_with_free_func ((GDestroyNotify) free_title);
  self->title_widths = g_array_new (FALSE, TRUE, sizeof (double));
  self->title_limits = g_array_new (FALSE, TRUE, sizeof (int));
  self->title_outside = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->title_widths_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->focus_segment = -1;
  self->hover_segment = -1;
  self->pressed_segment = -1;
  self->allocated_width = -1;
  self->dirty = TRUE;
  g_date_clear (&self->today, 1);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  update_accessible_label (self);
}

/* Public API */

/**
 * evt_year_view_new:
 *
 * Creates a year view of the current year, with no events.
 *
 * Returns: (transfer full): the view
 */
GtkWidget *
evt_year_view_new (void)
{
  return g_object_new (EVT_TYPE_YEAR_VIEW, NULL);
}

/**
 * evt_year_view_get_year:
 * @self: a year view
 *
 * Returns: the year shown
 */
int
evt_year_view_get_year (EvtYearView *self)
{
  g_return_val_if_fail (EVT_IS_YEAR_VIEW (self), 0);

  return self->year;
}

/**
 * evt_year_view_set_year:
 * @self: a year view
 * @year: the year to show, 1 to 9999
 *
 * Shows @year. The focused event keeps the focus if it is in @year too.
 */
void
evt_year_view_set_year (EvtYearView *self,
                        int          year)
{
  g_return_if_fail (EVT_IS_YEAR_VIEW (self));
  g_return_if_fail (year >= 1 && year <= 9999);

  if (self->year == year)
    return;

  self->year = year;
  invalidate (self);
  ensure_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/**
 * evt_year_view_get_model:
 * @self: a year view
 *
 * Returns: (transfer none) (nullable): the events drawn
 */
GListModel *
evt_year_view_get_model (EvtYearView *self)
{
  g_return_val_if_fail (EVT_IS_YEAR_VIEW (self), NULL);

  return self->model;
}

/**
 * evt_year_view_set_model:
 * @self: a year view
 * @model: (nullable): a #GListModel of #EvtEvent
 *
 * Draws the events of @model, and follows its changes.
 */
void
evt_year_view_set_model (EvtYearView *self,
                         GListModel  *model)
{
  g_return_if_fail (EVT_IS_YEAR_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed), self,
                             G_CONNECT_SWAPPED);

  invalidate (self);
  ensure_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * evt_year_view_set_sector_colours:
 * @self: a year view
 * @slug_to_rgba_string: (nullable) (element-type utf8 utf8): sector slugs to
 *   colours as gdk_rgba_parse() reads them ("#3584e4")
 *
 * Sets the colour of the bars: an event takes the colour of its first sector, or
 * a neutral grey when it has none or the colour is unknown. The table is copied.
 */
void
evt_year_view_set_sector_colours (EvtYearView *self,
                                  GHashTable  *slug_to_rgba_string)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (EVT_IS_YEAR_VIEW (self));

  g_clear_pointer (&self->sector_colours, g_hash_table_unref);
  self->sector_colours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) gdk_rgba_free);

  if (slug_to_rgba_string != NULL)
    {
      g_hash_table_iter_init (&iter, slug_to_rgba_string);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          GdkRGBA rgba;

          if (key == NULL || value == NULL || !gdk_rgba_parse (&rgba, value))
            continue;
          g_hash_table_insert (self->sector_colours, g_strdup (key), gdk_rgba_copy (&rgba));
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * evt_year_view_get_focused_event:
 * @self: a year view
 *
 * Returns: (transfer none) (nullable): the event that has the keyboard focus
 */
EvtEvent *
evt_year_view_get_focused_event (EvtYearView *self)
{
  g_return_val_if_fail (EVT_IS_YEAR_VIEW (self), NULL);

  return self->focus_event;
}

/**
 * evt_year_view_focus_event:
 * @self: a year view
 * @event: an event of the model
 *
 * Moves the keyboard focus of the view to @event (found by object, or by id for a
 * stored event) and scrolls to it, for instance when coming back from its page.
 *
 * Returns: %TRUE if @event is shown in the year
 */
gboolean
evt_year_view_focus_event (EvtYearView *self,
                           EvtEvent    *event)
{
  g_return_val_if_fail (EVT_IS_YEAR_VIEW (self), FALSE);
  g_return_val_if_fail (EVT_IS_EVENT (event), FALSE);

  ensure_layout (self);
  g_set_object (&self->focus_event, event);
  self->focus_month = 0;
  self->focus_segment = find_focus_segment (self);
  if (self->focus_segment < 0)
    {
      g_clear_object (&self->focus_event);
      update_accessible_description (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return FALSE;
    }

  set_focus_segment (self, self->focus_segment);
  update_accessible_description (self);
  return TRUE;
}

/**
 * evt_year_view_get_month_bounds:
 * @self: a year view
 * @month: 1 to 12
 * @y: (out) (optional): the top of the month's row, in the view
 * @height: (out) (optional): the height of the row
 *
 * Tells where a month is drawn, so that the window can scroll to it.
 *
 * Returns: %FALSE if @month is out of range
 */
gboolean
evt_year_view_get_month_bounds (EvtYearView *self,
                                int          month,
                                double      *y,
                                double      *height)
{
  g_return_val_if_fail (EVT_IS_YEAR_VIEW (self), FALSE);

  if (month < 1 || month > EVT_YEAR_N_MONTHS)
    return FALSE;

  ensure_layout (self);
  if (y != NULL)
    *y = self->layout->row_y[month - 1];
  if (height != NULL)
    *height = self->layout->row_height[month - 1];

  return TRUE;
}

/* Private API, for the tests */

/**
 * evt_year_view_get_layout:
 * @self: a year view
 *
 * Returns: (transfer none): the current layout, brought up to date with the model
 */
const EvtYearLayout *
evt_year_view_get_layout (EvtYearView *self)
{
  g_return_val_if_fail (EVT_IS_YEAR_VIEW (self), NULL);

  ensure_layout (self);
  return self->layout;
}

/**
 * evt_year_view_measure_title:
 * @self: a year view
 * @title: an event's title
 * @shaped: (out) (optional): the width that Pango gives @title, shaped on its own
 *
 * Returns: the width in pixels that the view places @title with
 */
double
evt_year_view_measure_title (EvtYearView *self,
                             const char  *title,
                             int         *shaped)
{
  g_return_val_if_fail (EVT_IS_YEAR_VIEW (self), 0);

  if (shaped != NULL)
    {
      g_autoptr(PangoLayout) layout = create_title_layout (self, title, FALSE);

      pango_layout_get_pixel_size (layout, shaped, NULL);
    }
  return measure_title (self, title);
}

/**
 * evt_year_view_get_item:
 * @self: a year view
 * @item: an item index of the layout
 *
 * Returns: (transfer none): the event of @item
 */
EvtEvent *
evt_year_view_get_item (EvtYearView *self,
                        guint        item)
{
  g_return_val_if_fail (EVT_IS_YEAR_VIEW (self), NULL);

  ensure_layout (self);
  g_return_val_if_fail (item < self->items->len, NULL);

  return g_ptr_array_index (self->items, item);
}

/**
 * evt_year_view_click_at:
 * @self: a year view
 * @x: abscissa in the view
 * @y: ordinate in the view
 *
 * Does what a click at (@x, @y) does: focuses the event there and emits
 * #EvtYearView::event-activated.
 *
 * Returns: %TRUE if there was an event under the point
 */
gboolean
evt_year_view_click_at (EvtYearView *self,
                        double       x,
                        double       y)
{
  EvtEvent *event;
  int index;

  g_return_val_if_fail (EVT_IS_YEAR_VIEW (self), FALSE);

  ensure_layout (self);
  index = evt_year_layout_hit (self->layout, x, y);
  if (index < 0)
    return FALSE;

  set_focus_segment (self, index);
  event = self->focus_event;
  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);

  return TRUE;
}

/**
 * evt_year_view_get_tooltip_markup_at:
 * @self: a year view
 * @x: abscissa in the view
 * @y: ordinate in the view
 *
 * Returns: (transfer full) (nullable): the tooltip of the event at (@x, @y), as
 *   Pango markup, or %NULL when there is none
 */
char *
evt_year_view_get_tooltip_markup_at (EvtYearView *self,
                                     double       x,
                                     double       y)
{
  const EvtYearSegment *seg;
  int index;

  g_return_val_if_fail (EVT_IS_YEAR_VIEW (self), NULL);

  ensure_layout (self);
  index = evt_year_layout_hit (self->layout, x, y);
  if (index < 0)
    return NULL;

  seg = evt_year_layout_get_segment (self->layout, (guint) index);
  return format_event (g_ptr_array_index (self->items, seg->item), TRUE);
}

/**
 * evt_year_view_set_today:
 * @self: a year view
 * @today: (nullable): the day to mark as today, or %NULL to follow the clock
 *
 * Fixes the day marked as today, for reproducible screenshots.
 */
void
evt_year_view_set_today (EvtYearView *self,
                         const GDate *today)
{
  g_return_if_fail (EVT_IS_YEAR_VIEW (self));

  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    g_date_clear (&self->today, 1);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}
