/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-event-row.c: one event in the year's list: dates, title, place, status. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-date-format.h"
#include "evt-event-row.h"
#include "evt-sector.h"

#define DOT_SIZE    10
#define DOT_SPACING 4
#define MAX_DOTS    4

struct _EvtEventRow
{
  GtkListBoxRow   parent_instance;

  EvtEvent       *event;
  GHashTable     *sectors;   /* slug → EvtSector, borrowed from the window */
  GArray         *colours;   /* GdkRGBA of the dots */

  GtkLabel       *tile_month;
  GtkLabel       *tile_day;
  GtkLabel       *title_label;
  GtkDrawingArea *sector_dots;
  GtkLabel       *details_label;
  GtkLabel       *note_label;
  GtkLabel       *status_badge;
};

G_DEFINE_FINAL_TYPE (EvtEventRow, evt_event_row, GTK_TYPE_LIST_BOX_ROW)

static void
draw_dots (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  EvtEventRow *self = user_data;

  for (guint i = 0; i < self->colours->len; i++)
    {
      const GdkRGBA *rgba = &g_array_index (self->colours, GdkRGBA, i);

      gdk_cairo_set_source_rgba (cr, rgba);
      cairo_arc (cr, i * (DOT_SIZE + DOT_SPACING) + DOT_SIZE / 2.0, height / 2.0,
                 DOT_SIZE / 2.0, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
update_sectors (EvtEventRow *self)
{
  const char * const *slugs = evt_event_get_sectors (self->event);
  g_autoptr(GString) names = g_string_new (NULL);
  int n_dots;

  g_array_set_size (self->colours, 0);

  for (guint i = 0; slugs != NULL && slugs[i] != NULL; i++)
    {
      EvtSector *sector = self->sectors ? g_hash_table_lookup (self->sectors, slugs[i]) : NULL;
      GdkRGBA rgba;

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, sector != NULL ? sector->name : slugs[i]);

      if (self->colours->len >= MAX_DOTS)
        continue;
      if (sector == NULL || sector->colour == NULL || !gdk_rgba_parse (&rgba, sector->colour))
        gdk_rgba_parse (&rgba, "#9a9996");
      g_array_append_val (self->colours, rgba);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->sector_dots), self->colours->len > 0);
  n_dots = (int) self->colours->len;
  gtk_drawing_area_set_content_width (self->sector_dots,
                                      MAX (1, n_dots * (DOT_SIZE + DOT_SPACING) - DOT_SPACING));
  gtk_drawing_area_set_content_height (self->sector_dots, DOT_SIZE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sector_dots),
                               names->len > 0 ? names->str : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->sector_dots));
}

static char *
format_dates (EvtEvent *event)
{
  GDateTime *start = evt_event_get_start (event);

  if (start == NULL || evt_event_is_date_tba (event))
    return g_strdup (_("Date to be announced"));

  return evt_format_date_range (start, evt_event_get_end (event),
                                evt_event_get_all_day (event));
}

/* The line under the details: why an event was cancelled, or when a postponed one
 * was first planned. */
static char *
format_note (EvtEvent *event)
{
  EvtStatus status = evt_event_get_status (event);
  const char *reason = evt_event_get_status_reason (event);
  GDateTime *original = evt_event_get_original_start (event);

  if (status == EVT_STATUS_CANCELLED)
    {
      /* The badge says "Cancelled" already: the note only says why. */
      if (reason != NULL && reason[0] != '\0')
        return g_strdup (reason);
      return NULL;
    }

  if (status == EVT_STATUS_POSTPONED)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      /* The details line shows the new dates, or that they are to be announced. */
      if (original != NULL)
        {
          g_autofree char *dates = NULL;

          dates = evt_format_date_range (original, evt_event_get_original_end (event),
                                         evt_event_get_all_day (event));
          /* Translators: the dates a postponed event was first planned on */
          g_string_printf (text, _("First planned %s"), dates);
        }

      if (reason != NULL && reason[0] != '\0')
        {
          if (text->len > 0)
            g_string_append (text, " — ");
          g_string_append (text, reason);
        }

      return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
    }

  if (reason != NULL && reason[0] != '\0')
    return g_strdup (reason);

  return NULL;
}

static void
update (EvtEventRow *self)
{
  EvtEvent *event = self->event;
  EvtStatus status = evt_event_get_status (event);
  GDateTime *start = evt_event_get_start (event);
  g_autofree char *dates = format_dates (event);
  g_autofree char *note = format_note (event);
  g_autoptr(GString) details = g_string_new (dates);
  g_autoptr(GString) label = g_string_new (evt_event_get_title (event));
  const char *city = evt_event_get_city (event);
  const char *kind = evt_kind_get_label (evt_event_get_kind (event));
  const char *status_label = evt_status_get_label (status);

  gtk_label_set_text (self->title_label, evt_event_get_title (event));

  if (start != NULL && !evt_event_is_date_tba (event))
    {
      g_autofree char *month = g_date_time_format (start, "%b");
      g_autofree char *upper = g_utf8_strup (month, -1);
      g_autofree char *day = g_date_time_format (start, "%-d");

      gtk_label_set_text (self->tile_month, upper);
      gtk_label_set_text (self->tile_day, day);
    }
  else
    {
      /* No month to show: the group heading says "Date to Be Announced". */
      gtk_label_set_text (self->tile_month, "");
      gtk_label_set_text (self->tile_day, "?");
    }

  if (city != NULL && city[0] != '\0')
    g_string_append_printf (details, " · %s", city);
  g_string_append_printf (details, " · %s", kind);
  gtk_label_set_text (self->details_label, details->str);

  gtk_label_set_text (self->note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);

  gtk_label_set_text (self->status_badge, status_label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_badge), note);
  for (guint i = 0; i < EVT_N_STATUSES; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), evt_status_to_string (i));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), evt_status_to_string (status));

  /* The row carries its status too: "cancelled" strikes the title through. */
  for (guint i = 0; i < EVT_N_STATUSES; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), evt_status_to_string (i));
  gtk_widget_add_css_class (GTK_WIDGET (self), evt_status_to_string (status));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label),
                               status == EVT_STATUS_CANCELLED ? note : NULL);

  /* What a screen reader says for the whole row. */
  g_string_append_printf (label, ", %s, %s", status_label, details->str);
  if (note != NULL)
    g_string_append_printf (label, ". %s", note);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                  -1);

  update_sectors (self);
}

static void
evt_event_row_dispose (GObject *object)
{
  EvtEventRow *self = (EvtEventRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_EVENT_ROW);

  g_clear_object (&self->event);
  g_clear_pointer (&self->sectors, g_hash_table_unref);

  G_OBJECT_CLASS (evt_event_row_parent_class)->dispose (object);
}

static void
evt_event_row_finalize (GObject *object)
{
  EvtEventRow *self = (EvtEventRow *)object;

  g_clear_pointer (&self->colours, g_array_unref);

  G_OBJECT_CLASS (evt_event_row_parent_class)->finalize (object);
}

static void
evt_event_row_class_init (EvtEventRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evt_event_row_dispose;
  object_class->finalize = evt_event_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/eventail/Eventail/evt-event-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtEventRow, tile_month);
  gtk_widget_class_bind_template_child (widget_class, EvtEventRow, tile_day);
  gtk_widget_class_bind_template_child (widget_class, EvtEventRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EvtEventRow, sector_dots);
  gtk_widget_class_bind_template_child (widget_class, EvtEventRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, EvtEventRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, EvtEventRow, status_badge);
}

static void
evt_event_row_init (EvtEventRow *self)
{
  self->colours = g_array_new (FALSE, TRUE, sizeof (GdkRGBA));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->sector_dots, draw_dots, self, NULL);
}

/**
 * evt_event_row_new:
 * @event: the event to show
 * @sectors: (nullable): the known sectors, slug → #EvtSector, for the colours
 *
 * Creates a row that shows @event.
 *
 * Returns: (transfer floating): a new #EvtEventRow
 */
GtkWidget *
evt_event_row_new (EvtEvent   *event,
                   GHashTable *sectors)
{
  EvtEventRow *self;

  g_return_val_if_fail (EVT_IS_EVENT (event), NULL);

  self = g_object_new (EVT_TYPE_EVENT_ROW, NULL);
  self->event = g_object_ref (event);
  self->sectors = sectors ? g_hash_table_ref (sectors) : NULL;
  update (self);

  return GTK_WIDGET (self);
}

/**
 * evt_event_row_get_event:
 * @self: a row
 *
 * Returns: (transfer none): the event @self shows
 */
EvtEvent *
evt_event_row_get_event (EvtEventRow *self)
{
  g_return_val_if_fail (EVT_IS_EVENT_ROW (self), NULL);

  return self->event;
}

/**
 * evt_event_row_set_sectors:
 * @self: a row
 * @sectors: (nullable): the known sectors, slug → #EvtSector
 *
 * Gives @self the sectors read after it was made, to colour its dots.
 */
void
evt_event_row_set_sectors (EvtEventRow *self,
                           GHashTable  *sectors)
{
  g_return_if_fail (EVT_IS_EVENT_ROW (self));

  if (sectors == self->sectors)
    return;

  g_clear_pointer (&self->sectors, g_hash_table_unref);
  self->sectors = sectors ? g_hash_table_ref (sectors) : NULL;
  update_sectors (self);
}

/**
 * evt_event_row_get_title:
 * @self: a row
 *
 * Returns: (transfer none): the title as shown
 */
const char *
evt_event_row_get_title (EvtEventRow *self)
{
  g_return_val_if_fail (EVT_IS_EVENT_ROW (self), NULL);

  return gtk_label_get_text (self->title_label);
}

/**
 * evt_event_row_get_details:
 * @self: a row
 *
 * Returns: (transfer none): the dates, city and kind as shown
 */
const char *
evt_event_row_get_details (EvtEventRow *self)
{
  g_return_val_if_fail (EVT_IS_EVENT_ROW (self), NULL);

  return gtk_label_get_text (self->details_label);
}

/**
 * evt_event_row_get_note:
 * @self: a row
 *
 * Returns: (transfer none) (nullable): the reason or postponement note as shown,
 *   %NULL when the row has none
 */
const char *
evt_event_row_get_note (EvtEventRow *self)
{
  g_return_val_if_fail (EVT_IS_EVENT_ROW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->note_label)))
    return NULL;

  return gtk_label_get_text (self->note_label);
}
