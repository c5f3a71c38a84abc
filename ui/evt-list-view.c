/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-list-view.c: every event in a sortable, filterable, searchable table. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "evt-date-format.h"
#include "evt-list-row-model.h"
#include "evt-list-view-private.h"
#include "evt-people-columns.h"

/* A spinner for a query quicker than this would only flicker. */
#define SPINNER_DELAY_MS 250

#define DOT_SIZE    10
#define DOT_SPACING 4
#define MAX_DOTS    4

/*
 * Rows that outlive reloads.
 *
 * The store filters and sorts in a worker thread (the column view's sort order goes
 * into the query) and answers compact rows; the UI thread only swaps the answer in,
 * with one items-changed, and makes events for the rows on screen.
 *
 * GTK 4.8's list views keep some two hundred rows alive and build a new row, with
 * every widget of every cell, for any item they have not shown before, destroying
 * the old ones. A search that changes the events on screen would rebuild them all,
 * several tens of ms of the UI thread. So the column view is given EvtListRow
 * items, one per position, which stay when the events move: a reload only changes
 * the event of each row alive whose event is another or was edited (by id and
 * fingerprint), and its cells update their text. Only the rows alive hold an
 * event: a hundred thousand events are never a hundred thousand objects.
 */

struct _EvtListView
{
  GtkWidget            parent_instance;

  EvtStore            *store;
  EvtEventList        *list;
  gulong               store_changed_id;

  /* Sectors, read in a worker thread: slug → EvtSector, and in the store's order. */
  GHashTable          *sectors;
  GPtrArray           *sector_order;
  GCancellable        *sectors_cancellable;
  GHashTable          *sector_cells;    /* the bound sector cells, to redraw */

  /* The filters, put into the store's query. */
  int                  year;
  gboolean             all_years;
  guint                statuses;
  guint                kinds;
  char               **sector_filter;
  char                *search;
  gboolean             search_pending;  /* typed, not yet in the query */
  guint                search_idle;
  gboolean             syncing_checks;
  /* The order, from the column view's sorter, put into the query too. */
  EvtQuerySort         sort;
  gboolean             descending;

  /* The selected event, read in full from the store by id in a worker thread (the
   * rows' events have the list's fields only), and followed by its id when the rows
   * show other events (a reload): the row selected is then unselected, and the
   * event found again in the new answer. */
  EvtEvent            *selected;
  gint64               selected_id;           /* 0: none */
  guint64              selected_fingerprint;  /* of the row when it was read */
  GCancellable        *selected_cancellable;  /* while it is read */
  GCancellable        *activate_cancellable;  /* while an activated event is read */
  gboolean             replacing;
  gboolean             restore_pending;
  GListModel          *no_events;             /* the model without a store */

  guint                spinner_source;
  char                *count_text;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkWidget           *year_box;
  GtkToggleButton     *year_button;
  GtkToggleButton     *all_years_button;
  GtkMenuButton       *status_button;
  GtkMenuButton       *kind_button;
  GtkMenuButton       *sector_button;
  GtkBox              *status_box;
  GtkBox              *kind_box;
  GtkBox              *sector_box;
  GtkWidget           *clear_button;
  GtkSpinner          *spinner;
  GtkLabel            *count_label;
  GtkStack            *stack;
  GtkScrolledWindow   *scroller;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[EVT_LIST_N_COLUMNS];
  AdwStatusPage       *empty_page;
  GtkButton           *empty_button;
  GtkSingleSelection  *selection;
  EvtListRowModel     *row_model;
  /* People: the participant and lead counts, two more columns. */
  EvtPeopleColumns    *people_columns;
};

G_DEFINE_FINAL_TYPE (EvtListView, evt_list_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_YEAR,
  PROP_ALL_YEARS,
  PROP_SELECTED,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_busy (EvtListView *self);

/* Sorting.
 *
 * The store sorts (in the worker thread that reads the events), by the column the
 * user chose: the column view must tell which one. GTK 4.8 has no API for the
 * primary sort column, so each column's sorter is a probe: it never sorts items,
 * and answers for its column what the probe asks, which the column view's sorter
 * passes on from its primary column, inverted when descending. A first question
 * (every column says "less") gives the order, the next ones the column's index,
 * a bit each. */

#define N_SORT_COLUMNS (EVT_LIST_N_COLUMNS + 2)  /* the people columns, participants and leads */
#define N_PROBE_BITS   3

G_STATIC_ASSERT (N_SORT_COLUMNS <= (1 << N_PROBE_BITS));
G_STATIC_ASSERT ((int) EVT_QUERY_SORT_START == (int) EVT_LIST_COLUMN_DATES);
G_STATIC_ASSERT ((int) EVT_QUERY_SORT_STATUS == (int) EVT_LIST_COLUMN_STATUS);
G_STATIC_ASSERT ((int) EVT_QUERY_SORT_PARTICIPANTS == EVT_LIST_N_COLUMNS);
G_STATIC_ASSERT ((int) EVT_QUERY_SORT_LEADS == EVT_LIST_N_COLUMNS + 1);

static int probe_question = -1;   /* -1: not probing; 0: the order; 1...: a bit */

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  guint index = GPOINTER_TO_UINT (user_data);

  if (probe_question < 0)
    return GTK_ORDERING_EQUAL;
  if (probe_question == 0)
    return GTK_ORDERING_SMALLER;
  return (index & (1u << (probe_question - 1))) != 0 ? GTK_ORDERING_SMALLER
                                                     : GTK_ORDERING_LARGER;
}

static void
set_probe_sorter (GtkColumnViewColumn *column,
                  guint                index)
{
  g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (probe_compare,
                                                             GUINT_TO_POINTER (index), NULL);

  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
}

/* The primary sort column of @column_view and its order; %FALSE if none. */
static gboolean
probe_sort (GtkColumnView *column_view,
            EvtQuerySort  *sort,
            gboolean      *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (column_view);
  GtkOrdering order;
  guint index = 0;

  probe_question = 0;
  order = gtk_sorter_compare (sorter, column_view, sorter);
  for (int bit = 0; order != GTK_ORDERING_EQUAL && bit < N_PROBE_BITS; bit++)
    {
      probe_question = bit + 1;
      if ((gtk_sorter_compare (sorter, column_view, sorter) == GTK_ORDERING_SMALLER) ==
          (order == GTK_ORDERING_SMALLER))
        index |= 1u << bit;
    }
  probe_question = -1;

  if (order == GTK_ORDERING_EQUAL || index >= N_SORT_COLUMNS)
    return FALSE;
  *sort = (EvtQuerySort) index;
  *descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}

/* The names of @event's sectors, comma-separated, as the Sectors column shows them. */
static char *
format_sector_names (EvtListView *self,
                     EvtEvent    *event)
{
  const char * const *slugs = evt_event_get_sectors (event);
  GString *names;

  if (slugs == NULL)
    return NULL;

  names = g_string_new (NULL);
  for (guint i = 0; slugs[i] != NULL; i++)
    {
      EvtSector *sector = self->sectors ? g_hash_table_lookup (self->sectors, slugs[i]) : NULL;

      if (names->len > 0)
        /* Translators: between the names of an event's sectors */
        g_string_append (names, _(", "));
      g_string_append (names, sector != NULL ? sector->name : slugs[i]);
    }

  return g_string_free (names, FALSE);
}

/* Cells */

/* The event a cell shows now. */
static EvtEvent *
cell_get_event (GtkListItem *item)
{
  EvtListRow *row = gtk_list_item_get_item (item);

  return row != NULL ? evt_list_row_get_event (row) : NULL;
}

/* Tooltips are worked out when asked for, not when a row is bound: in GTK 4.8,
 * gtk_widget_set_tooltip_text() asks the display where the pointer is, a round trip
 * to the X server for each cell of each row shown, which made scrolling and every
 * reload slow. */
typedef char *(*TooltipFunc) (EvtListView *self,
                              EvtEvent    *event);

static gboolean
on_cell_query_tooltip (GtkWidget   *widget,
                       int          x,
                       int          y,
                       gboolean     keyboard,
                       GtkTooltip  *tooltip,
                       EvtListView *self)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (widget), "evt-list-item");
  TooltipFunc func = (TooltipFunc) g_object_get_data (G_OBJECT (widget), "evt-tooltip-func");
  EvtEvent *event = item != NULL ? cell_get_event (item) : NULL;
  g_autofree char *text = NULL;

  if (event == NULL || (text = func (self, event)) == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cell_set_tooltip_func (EvtListView *self,
                       GtkListItem *item,
                       GtkWidget   *widget,
                       TooltipFunc  func)
{
  /* The list item owns @widget: it outlives it. */
  g_object_set_data (G_OBJECT (widget), "evt-list-item", item);
  g_object_set_data (G_OBJECT (widget), "evt-tooltip-func", (gpointer) func);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_cell_query_tooltip), self);
}

/* A cell is bound to its row once; it follows the events that the row shows. */
typedef void (*CellUpdateFunc) (EvtListView *self,
                                GtkListItem *item,
                                EvtEvent    *event);

static void
on_row_event_changed (EvtListRow  *row,
                      GParamSpec  *pspec,
                      GtkListItem *item)
{
  CellUpdateFunc update = (CellUpdateFunc) g_object_get_data (G_OBJECT (item), "evt-update");
  EvtListView *self = g_object_get_data (G_OBJECT (item), "evt-view");

  if (evt_list_row_get_event (row) != NULL)
    update (self, item, evt_list_row_get_event (row));
}

static void
cell_bind (EvtListView    *self,
           GtkListItem    *item,
           CellUpdateFunc  update)
{
  EvtListRow *row = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (item), "evt-update", (gpointer) update);
  g_object_set_data (G_OBJECT (item), "evt-view", self);
  g_signal_connect (row, "notify::event", G_CALLBACK (on_row_event_changed), item);
  if (evt_list_row_get_event (row) != NULL)
    update (self, item, evt_list_row_get_event (row));
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             EvtListView              *self)
{
  EvtListRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, on_row_event_changed, item);
}

/* The cells' text is a GtkInscription: its size comes from the font's metrics, not
 * from its text, so a row's cells need no text shaped to be measured, and a new
 * answer, which binds every visible row anew, lays them out in a fraction of the time
 * labels took. The columns have their own widths; the text is ellipsized to fit. */
static GtkWidget *
cell_text_new (void)
{
  return g_object_new (GTK_TYPE_INSCRIPTION,
                       "text-overflow", GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END,
                       "hexpand", TRUE,
                       NULL);
}

static void
setup_text_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 EvtListView              *self)
{
  gtk_list_item_set_child (item, cell_text_new ());
}

static char *
format_dates (EvtEvent *event)
{
  GDateTime *start = evt_event_get_start (event);

  if (start == NULL || evt_event_is_date_tba (event))
    return NULL;

  return evt_format_date_range (start, evt_event_get_end (event),
                                evt_event_get_all_day (event));
}

static void
update_dates_cell (EvtListView *self,
                   GtkListItem *item,
                   EvtEvent    *event)
{
  GtkWidget *text = gtk_list_item_get_child (item);
  g_autofree char *dates = format_dates (event);

  if (dates != NULL)
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (text), dates);
      gtk_widget_remove_css_class (text, "dim-label");
    }
  else
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (text), _("Date to be announced"));
      gtk_widget_add_css_class (text, "dim-label");
    }
}

static void
bind_dates_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                  EvtListView              *self)
{
  cell_bind (self, item, update_dates_cell);
}

/* The column may be too narrow for a range over two months. */
static char *
dates_tooltip (EvtListView *self,
               EvtEvent    *event)
{
  return format_dates (event);
}

static void
setup_dates_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  EvtListView              *self)
{
  GtkWidget *text = cell_text_new ();

  cell_set_tooltip_func (self, item, text, dates_tooltip);
  gtk_list_item_set_child (item, text);
}

/* Why a cancelled or postponed event is so, for the title's tooltip. */
static char *
format_status_note (EvtEvent *event)
{
  EvtStatus status = evt_event_get_status (event);
  const char *reason = evt_event_get_status_reason (event);
  gboolean has_reason = reason != NULL && reason[0] != '\0';

  if (status == EVT_STATUS_CANCELLED)
    {
      if (has_reason)
        /* Translators: the tooltip of a cancelled event's title, with the reason */
        return g_strdup_printf (_("Cancelled: %s"), reason);
      return g_strdup (_("Cancelled"));
    }

  if (status == EVT_STATUS_POSTPONED)
    {
      GDateTime *original = evt_event_get_original_start (event);
      g_autofree char *first = NULL;
      g_autofree char *text = NULL;

      if (original != NULL)
        first = evt_format_date_range (original, evt_event_get_original_end (event),
                                       evt_event_get_all_day (event));

      if (first != NULL && evt_event_is_date_tba (event))
        /* Translators: tooltip of a postponed event whose new dates are unknown */
        text = g_strdup_printf (_("Postponed from %s, new date to be announced"), first);
      else if (first != NULL)
        /* Translators: tooltip of a postponed event: the dates first planned */
        text = g_strdup_printf (_("Postponed, first planned %s"), first);
      else
        text = g_strdup (_("Postponed"));

      if (has_reason)
        return g_strconcat (text, " — ", reason, NULL);
      return g_steal_pointer (&text);
    }

  return has_reason ? g_strdup (reason) : NULL;
}

static void
update_title_cell (EvtListView *self,
                   GtkListItem *item,
                   EvtEvent    *event)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *marker = gtk_widget_get_next_sibling (title);
  EvtStatus status = evt_event_get_status (event);

  gtk_inscription_set_text (GTK_INSCRIPTION (title), evt_event_get_title (event));
  if (status == EVT_STATUS_CANCELLED)
    gtk_widget_add_css_class (title, "cancelled");
  else
    gtk_widget_remove_css_class (title, "cancelled");

  /* Few events are postponed: their rows get the marker when first needed, as GTK
   * keeps some two hundred rows alive and each widget costs. */
  if (marker == NULL && status == EVT_STATUS_POSTPONED)
    {
      marker = gtk_image_new_from_icon_name ("document-open-recent-symbolic");
      gtk_widget_add_css_class (marker, "list-postponed-marker");
      gtk_accessible_update_property (GTK_ACCESSIBLE (marker),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Postponed"),
                                      -1);
      gtk_box_append (GTK_BOX (box), marker);
    }
  if (marker != NULL)
    gtk_widget_set_visible (marker, status == EVT_STATUS_POSTPONED);
}

static void
bind_title_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 EvtListView              *self)
{
  cell_bind (self, item, update_title_cell);
}

/* The title may be ellipsized: in full, and why a cancelled or postponed event is. */
static char *
title_tooltip (EvtListView *self,
               EvtEvent    *event)
{
  g_autofree char *note = format_status_note (event);

  if (note != NULL)
    return g_strconcat (evt_event_get_title (event), "\n", note, NULL);
  return g_strdup (evt_event_get_title (event));
}


static void
setup_title_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  EvtListView              *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = cell_text_new ();

  /* The postponed marker, when there is one, ends the column. */
  gtk_widget_add_css_class (title, "list-title");
  gtk_box_append (GTK_BOX (box), title);
  cell_set_tooltip_func (self, item, box, title_tooltip);
  gtk_list_item_set_child (item, box);
}

static void
update_kind_cell (EvtListView *self,
                  GtkListItem *item,
                  EvtEvent    *event)
{
  GtkInscription *text = GTK_INSCRIPTION (gtk_list_item_get_child (item));

  gtk_inscription_set_text (text, evt_kind_get_label (evt_event_get_kind (event)));
}

static void
bind_kind_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                EvtListView              *self)
{
  cell_bind (self, item, update_kind_cell);
}

static void
update_city_cell (EvtListView *self,
                  GtkListItem *item,
                  EvtEvent    *event)
{
  GtkInscription *text = GTK_INSCRIPTION (gtk_list_item_get_child (item));

  gtk_inscription_set_text (text, evt_event_get_city (event));
}

static void
bind_city_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                EvtListView              *self)
{
  cell_bind (self, item, update_city_cell);
}

/* Where, in full: venue, city, country. */
static char *
city_tooltip (EvtListView *self,
              EvtEvent    *event)
{
  const char *parts[] = {
    evt_event_get_venue (event),
    evt_event_get_city (event),
    evt_event_get_country (event),
  };
  GString *place = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (place->len > 0)
        /* Translators: between the venue, city and country of an event */
        g_string_append (place, _(", "));
      g_string_append (place, parts[i]);
    }

  if (place->len == 0)
    {
      g_string_free (place, TRUE);
      return NULL;
    }
  return g_string_free (place, FALSE);
}

static void
setup_city_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 EvtListView              *self)
{
  GtkWidget *text = cell_text_new ();

  cell_set_tooltip_func (self, item, text, city_tooltip);
  gtk_list_item_set_child (item, text);
}

static void
draw_dots (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  GArray *colours = user_data;

  for (guint i = 0; i < colours->len; i++)
    {
      const GdkRGBA *rgba = &g_array_index (colours, GdkRGBA, i);

      gdk_cairo_set_source_rgba (cr, rgba);
      cairo_arc (cr, i * (DOT_SIZE + DOT_SPACING) + DOT_SIZE / 2.0, height / 2.0,
                 DOT_SIZE / 2.0, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static GtkWidget *
dots_new (void)
{
  GtkWidget *area;
  GArray *colours = g_array_new (FALSE, FALSE, sizeof (GdkRGBA));

  /* The names next to the dots say the same: the dots are decoration. */
  area = g_object_new (GTK_TYPE_DRAWING_AREA,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       "valign", GTK_ALIGN_CENTER,
                       "content-height", DOT_SIZE,
                       NULL);
  g_object_set_data_full (G_OBJECT (area), "colours", colours, (GDestroyNotify) g_array_unref);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_dots, colours, NULL);

  return area;
}

static void
dots_set_colours (GtkWidget          *area,
                  GHashTable         *sectors,
                  const char * const *slugs)
{
  GArray *colours = g_object_get_data (G_OBJECT (area), "colours");

  g_array_set_size (colours, 0);
  for (guint i = 0; slugs != NULL && slugs[i] != NULL && colours->len < MAX_DOTS; i++)
    {
      EvtSector *sector = sectors ? g_hash_table_lookup (sectors, slugs[i]) : NULL;
      GdkRGBA rgba;

      if (sector == NULL || sector->colour == NULL || !gdk_rgba_parse (&rgba, sector->colour))
        gdk_rgba_parse (&rgba, "#9a9996");
      g_array_append_val (colours, rgba);
    }

  gtk_widget_set_visible (area, colours->len > 0);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area),
                                      MAX (1, (int) colours->len * (DOT_SIZE + DOT_SPACING)
                                              - DOT_SPACING));
  gtk_widget_queue_draw (area);
}

static void
setup_sectors_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    EvtListView              *self)
{
  GtkWidget *text = cell_text_new ();

  cell_set_tooltip_func (self, item, text, format_sector_names);
  gtk_list_item_set_child (item, text);
}

/* One text: a dot in the colour of each sector, then their names. A drawing area
 * and a box besides would triple the widgets of the column. */
static void
update_sectors_cell (EvtListView *self,
                     GtkListItem *item,
                     EvtEvent    *event)
{
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  const char * const *slugs;
  g_autoptr(GString) text = NULL;
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autofree char *names = NULL;

  if (event == NULL)
    return;

  slugs = evt_event_get_sectors (event);
  if (slugs == NULL)
    {
      gtk_inscription_set_text (cell, NULL);
      gtk_inscription_set_attributes (cell, NULL);
      return;
    }

  text = g_string_new (NULL);
  attrs = pango_attr_list_new ();
  for (guint i = 0; slugs[i] != NULL && i < MAX_DOTS; i++)
    {
      EvtSector *sector = self->sectors ? g_hash_table_lookup (self->sectors, slugs[i]) : NULL;
      PangoAttribute *attr;
      GdkRGBA rgba;

      if (sector == NULL || sector->colour == NULL || !gdk_rgba_parse (&rgba, sector->colour))
        gdk_rgba_parse (&rgba, "#9a9996");
      attr = pango_attr_foreground_new (rgba.red * 65535, rgba.green * 65535, rgba.blue * 65535);
      attr->start_index = text->len;
      g_string_append (text, "●");
      attr->end_index = text->len;
      /* A hair space between two dots. */
      g_string_append (text, "\u200a");
      pango_attr_list_insert (attrs, attr);
    }
  names = format_sector_names (self, event);
  g_string_append_printf (text, " %s", names);

  gtk_inscription_set_text (cell, text->str);
  gtk_inscription_set_attributes (cell, attrs);
}

static void
bind_sectors_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   EvtListView              *self)
{
  g_hash_table_add (self->sector_cells, item);
  cell_bind (self, item, update_sectors_cell);
}

static void
unbind_sectors_cell (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     EvtListView              *self)
{
  g_hash_table_remove (self->sector_cells, item);
  unbind_cell (factory, item, self);
}

static char *
status_tooltip (EvtListView *self,
                EvtEvent    *event)
{
  return format_status_note (event);
}

static void
setup_status_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   EvtListView              *self)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "status-badge");
  cell_set_tooltip_func (self, item, badge, status_tooltip);
  gtk_list_item_set_child (item, badge);
}

static void
update_status_cell (EvtListView *self,
                    GtkListItem *item,
                    EvtEvent    *event)
{
  GtkWidget *badge = gtk_list_item_get_child (item);
  EvtStatus status = evt_event_get_status (event);

  gtk_label_set_text (GTK_LABEL (badge), evt_status_get_label (status));
  for (guint i = 0; i < EVT_N_STATUSES; i++)
    gtk_widget_remove_css_class (badge, evt_status_to_string (i));
  gtk_widget_add_css_class (badge, evt_status_to_string (status));
}

static void
bind_status_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                 EvtListView              *self)
{
  cell_bind (self, item, update_status_cell);
}

/* The query */

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

gboolean
evt_list_view_has_filters (EvtListView *self)
{
  g_return_val_if_fail (EVT_IS_LIST_VIEW (self), FALSE);

  return self->statuses != 0 || self->kinds != 0 ||
         (self->sector_filter != NULL && self->sector_filter[0] != NULL) ||
         !is_blank (self->search);
}

static int
effective_year (EvtListView *self)
{
  return self->all_years ? 0 : self->year;
}

static void
update_query (EvtListView *self)
{
  g_autoptr(EvtQuery) query = NULL;

  if (self->list == NULL)
    return;

  query = evt_query_new ();
  if (effective_year (self) > 0)
    evt_query_set_year (query, effective_year (self));
  query->statuses = self->statuses;
  query->kinds = self->kinds;
  query->sectors = g_strdupv (self->sector_filter);
  query->search = is_blank (self->search) ? NULL : g_strdup (self->search);
  query->sort = self->sort;
  query->descending = self->descending;

  evt_event_list_set_query (self->list, query);
}

/* A header was clicked (or the order set in code): the store sorts anew. */
static void
on_sorter_changed (EvtListView *self)
{
  EvtQuerySort sort = EVT_QUERY_SORT_START;
  gboolean descending = FALSE;

  probe_sort (self->column_view, &sort, &descending);
  if (sort == self->sort && descending == self->descending)
    return;

  self->sort = sort;
  self->descending = descending;
  update_query (self);
  update_busy (self);
}

/* The filter bar */

/* A filter's menu button shows what is chosen, shortened to fit a narrow window. */
static void
menu_button_init (GtkMenuButton *button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("pan-down-symbolic"));
  gtk_menu_button_set_child (button, box);
  g_object_set_data (G_OBJECT (button), "evt-label", label);
}

/* @several: the label when more than one value is chosen */
static void
set_button_summary (GtkMenuButton *button,
                    guint          n_chosen,
                    const char    *only_one,
                    const char    *none,
                    const char    *several)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (button), "evt-label");
  const char *text = n_chosen == 0 ? none : n_chosen == 1 ? only_one : several;
  g_autofree char *name = NULL;

  gtk_label_set_text (label, text);
  /* Translators: the name of a filter's button for screen readers: the filter, then
   * what is chosen ("Status: Cancelled") */
  name = n_chosen == 0 ? g_strdup (none) : g_strdup_printf (_("%s: %s"), none, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  if (n_chosen > 0)
    gtk_widget_add_css_class (GTK_WIDGET (button), "list-filter-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (button), "list-filter-active");
}

static const char *
first_sector_name (EvtListView *self)
{
  EvtSector *sector;

  if (self->sector_filter == NULL || self->sector_filter[0] == NULL)
    return NULL;

  sector = self->sectors ? g_hash_table_lookup (self->sectors, self->sector_filter[0]) : NULL;
  return sector != NULL ? sector->name : self->sector_filter[0];
}

static const char *
first_label (guint         mask,
             guint         n_values,
             const char *(*get_label) (int))
{
  for (guint i = 0; i < n_values; i++)
    if (mask & (1u << i))
      return get_label (i);
  return NULL;
}

static const char *
status_label (int value)
{
  return evt_status_get_label (value);
}

static const char *
kind_label (int value)
{
  return evt_kind_get_label (value);
}

/* Ticks the check buttons from the filters, without acting on the ticks. */
static void
sync_checks (EvtListView *self)
{
  GtkBox *boxes[] = { self->status_box, self->kind_box, self->sector_box };

  self->syncing_checks = TRUE;
  for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (boxes[b]));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        const char *slug = g_object_get_data (G_OBJECT (child), "slug");
        guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "bit"));
        gboolean active;

        if (!GTK_IS_CHECK_BUTTON (child))
          continue;
        if (boxes[b] == self->status_box)
          active = (self->statuses & bit) != 0;
        else if (boxes[b] == self->kind_box)
          active = (self->kinds & bit) != 0;
        else
          active = self->sector_filter != NULL &&
                   g_strv_contains ((const char * const *) self->sector_filter, slug);
        gtk_check_button_set_active (GTK_CHECK_BUTTON (child), active);
      }
  self->syncing_checks = FALSE;
}

static guint
count_bits (guint mask)
{
  guint n = 0;

  for (; mask != 0; mask &= mask - 1)
    n++;
  return n;
}

static void
update_filter_bar (EvtListView *self)
{
  gboolean filtered = evt_list_view_has_filters (self);
  guint n_statuses = count_bits (self->statuses);
  guint n_kinds = count_bits (self->kinds);
  guint n_sectors = self->sector_filter ? g_strv_length (self->sector_filter) : 0;
  g_autofree char *statuses = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *sectors = NULL;

  /* Translators: the status filter's button when several statuses are chosen */
  statuses = g_strdup_printf (ngettext ("%u Status", "%u Statuses", n_statuses), n_statuses);
  /* Translators: the kind filter's button when several kinds are chosen */
  kinds = g_strdup_printf (ngettext ("%u Kind", "%u Kinds", n_kinds), n_kinds);
  /* Translators: the sector filter's button when several sectors are chosen */
  sectors = g_strdup_printf (ngettext ("%u Sector", "%u Sectors", n_sectors), n_sectors);

  set_button_summary (self->status_button, n_statuses,
                      first_label (self->statuses, EVT_N_STATUSES, status_label),
                      _("Status"), statuses);
  set_button_summary (self->kind_button, n_kinds,
                      first_label (self->kinds, EVT_N_KINDS, kind_label),
                      _("Kind"), kinds);
  set_button_summary (self->sector_button, n_sectors, first_sector_name (self),
                      _("Sector"), sectors);

  gtk_widget_set_visible (self->clear_button, filtered);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list-view.clear-filters", filtered);
  sync_checks (self);
}

static void
scroll_to_top (EvtListView *self)
{
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* Another question: the answer is read from its start. */
static void
filters_changed (EvtListView *self)
{
  update_filter_bar (self);
  update_query (self);
  scroll_to_top (self);
}

static void
on_status_check_toggled (GtkCheckButton *check,
                         EvtListView    *self)
{
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "bit"));

  if (self->syncing_checks)
    return;
  if (gtk_check_button_get_active (check))
    self->statuses |= bit;
  else
    self->statuses &= ~bit;
  filters_changed (self);
}

static void
on_kind_check_toggled (GtkCheckButton *check,
                       EvtListView    *self)
{
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "bit"));

  if (self->syncing_checks)
    return;
  if (gtk_check_button_get_active (check))
    self->kinds |= bit;
  else
    self->kinds &= ~bit;
  filters_changed (self);
}

static void
on_sector_check_toggled (GtkCheckButton *check,
                         EvtListView    *self)
{
  const char *slug = g_object_get_data (G_OBJECT (check), "slug");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean active = gtk_check_button_get_active (check);

  if (self->syncing_checks)
    return;

  for (guint i = 0; self->sector_filter != NULL && self->sector_filter[i] != NULL; i++)
    if (!g_str_equal (self->sector_filter[i], slug))
      g_strv_builder_add (builder, self->sector_filter[i]);
  if (active)
    g_strv_builder_add (builder, slug);

  g_strfreev (self->sector_filter);
  self->sector_filter = g_strv_builder_end (builder);
  if (self->sector_filter[0] == NULL)
    g_clear_pointer (&self->sector_filter, g_strfreev);
  filters_changed (self);
}

static GtkWidget *
check_new (const char *label,
           guint       bit,
           GCallback   callback,
           gpointer    user_data)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  g_object_set_data (G_OBJECT (check), "bit", GUINT_TO_POINTER (bit));
  g_signal_connect (check, "toggled", callback, user_data);
  return check;
}

static void
fill_fixed_choices (EvtListView *self)
{
  for (guint i = 0; i < EVT_N_STATUSES; i++)
    gtk_box_append (self->status_box,
                    check_new (evt_status_get_label (i), 1u << i,
                               G_CALLBACK (on_status_check_toggled), self));
  for (guint i = 0; i < EVT_N_KINDS; i++)
    gtk_box_append (self->kind_box,
                    check_new (evt_kind_get_label (i), 1u << i,
                               G_CALLBACK (on_kind_check_toggled), self));
}

static void
fill_sector_choices (EvtListView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sector_box))) != NULL)
    gtk_box_remove (self->sector_box, child);

  for (guint i = 0; self->sector_order != NULL && i < self->sector_order->len; i++)
    {
      EvtSector *sector = g_ptr_array_index (self->sector_order, i);
      const char *slugs[] = { sector->slug, NULL };
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *dots = dots_new ();

      dots_set_colours (dots, self->sectors, slugs);
      gtk_box_append (GTK_BOX (box), dots);
      gtk_box_append (GTK_BOX (box), gtk_label_new (sector->name));
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, sector->name,
                                      -1);
      g_object_set_data_full (G_OBJECT (check), "slug", g_strdup (sector->slug), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_sector_check_toggled), self);
      gtk_box_append (self->sector_box, check);
    }

  if (self->sector_order == NULL || self->sector_order->len == 0)
    gtk_box_append (self->sector_box, gtk_label_new (_("No sectors")));

  update_filter_bar (self);
}

static void
on_search_text_changed (EvtListView *self)
{
  /* The search entry waits for a pause in typing before "search-changed". */
  self->search_pending = !g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                       self->search ? self->search : "");
  update_busy (self);
}

static void
apply_search (EvtListView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  self->search_pending = FALSE;
  if (g_strcmp0 (text, self->search) != 0)
    {
      g_free (self->search);
      self->search = g_strdup (text);
      filters_changed (self);
    }
  update_busy (self);
}

static gboolean
on_search_idle (gpointer user_data)
{
  EvtListView *self = user_data;

  self->search_idle = 0;
  /* Still empty: the search was really cleared. */
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
    apply_search (self);
  return G_SOURCE_REMOVE;
}

static void
on_search_changed (EvtListView *self)
{
  /* The entry says at once when it becomes empty, which replacing its text does on
   * the way (gtk_editable_set_text() deletes, then inserts): wait for the end of
   * the change before reading every event again. */
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
    {
      if (self->search_idle == 0)
        self->search_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_search_idle, self, NULL);
      return;
    }

  apply_search (self);
}

static void
on_stop_search (EvtListView *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_search_activate (EvtListView *self)
{
  /* Enter in the search goes to the results, on the first one. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_year_toggled (EvtListView *self)
{
  evt_list_view_set_all_years (self, !gtk_toggle_button_get_active (self->year_button));
}

static void
update_year_box (EvtListView *self)
{
  g_autofree char *label = g_strdup_printf ("%d", self->year);
  g_autofree char *tooltip = NULL;

  gtk_widget_set_visible (self->year_box, self->year > 0);
  if (self->year <= 0)
    return;

  gtk_button_set_label (GTK_BUTTON (self->year_button), label);
  /* Translators: tooltip of the button that shows one year's events only */
  tooltip = g_strdup_printf (_("Show only the events of %d"), self->year);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->year_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  if (gtk_toggle_button_get_active (self->year_button) == self->all_years)
    gtk_toggle_button_set_active (self->all_years ? self->all_years_button : self->year_button,
                                  TRUE);
}

/* Loading state: the spinner, the count, the empty page */

gboolean
evt_list_view_is_busy (EvtListView *self)
{
  g_return_val_if_fail (EVT_IS_LIST_VIEW (self), FALSE);

  return self->search_pending ||
         self->restore_pending ||
         self->selected_cancellable != NULL ||
         self->activate_cancellable != NULL ||
         evt_list_row_model_is_updating (self->row_model) ||
         (self->list != NULL && evt_event_list_get_loading (self->list));
}

static gboolean
on_spinner_delay (gpointer user_data)
{
  EvtListView *self = user_data;

  self->spinner_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  return G_SOURCE_REMOVE;
}

static void
update_page (EvtListView *self)
{
  const char *error = self->list ? evt_event_list_get_error (self->list) : NULL;
  guint n_items = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  gboolean loading = self->list != NULL && evt_event_list_get_loading (self->list);

  if (error != NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty_page, _("Cannot Read the Events"));
      adw_status_page_set_description (self->empty_page, error);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* While a query runs, the previous answer stays on screen. */
  if (self->list == NULL || n_items > 0 || loading)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_button), TRUE);
  adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
  if (evt_list_view_has_filters (self))
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Events"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try another search, or clear the filters."));
      gtk_button_set_label (self->empty_button, _("_Clear Filters"));
      gtk_button_set_use_underline (self->empty_button, TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->empty_button),
                                   _("Show every event again"));
    }
  else if (effective_year (self) > 0)
    {
      /* Translators: the list is empty for the year shown */
      g_autofree char *title = g_strdup_printf (_("No Events in %d"), effective_year (self));

      adw_status_page_set_icon_name (self->empty_page, "x-office-calendar-symbolic");
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page, NULL);
      gtk_button_set_label (self->empty_button, _("Show _All Years"));
      gtk_button_set_use_underline (self->empty_button, TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->empty_button),
                                   _("Show the events of every year"));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "x-office-calendar-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Events"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add an event, or import a calendar."));
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), FALSE);
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
update_count (EvtListView *self)
{
  guint n_items = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;

  g_free (self->count_text);
  /* Translators: how many events the list shows; %'u groups the digits as the
   * language does ("1,234" in English, "1 234" in French) */
  self->count_text = g_strdup_printf (ngettext ("%'u event", "%'u events", n_items), n_items);
  gtk_label_set_text (self->count_label, self->count_text);
}

static void
update_busy (EvtListView *self)
{
  gboolean busy = self->list != NULL && evt_event_list_get_loading (self->list);

  if (busy)
    {
      if (self->spinner_source == 0 && !gtk_spinner_get_spinning (self->spinner))
        self->spinner_source = g_timeout_add (SPINNER_DELAY_MS, on_spinner_delay, self);
    }
  else
    {
      g_clear_handle_id (&self->spinner_source, g_source_remove);
      gtk_spinner_stop (self->spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
    }
}

/* The selection */

static void
set_selected (EvtListView *self,
              EvtEvent    *event)
{
  if (self->selected == event)
    return;

  g_set_object (&self->selected, event);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* Reading events in full, by id, in a worker thread. */

static void
read_event_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  EvtStore *store = g_task_get_task_data (task);
  GError *error = NULL;
  EvtEvent *event;

  if (g_task_return_error_if_cancelled (task))
    return;
  event = evt_store_get_event (store, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task),
                                                                            "evt-id")),
                               &error);
  if (event != NULL)
    g_task_return_pointer (task, event, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
read_event_async (EvtListView         *self,
                  gint64               id,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, NULL);

  g_task_set_source_tag (task, read_event_async);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  /* Ids are rowids: positive, and far below what a pointer holds on 64 bits. */
  g_object_set_data (G_OBJECT (task), "evt-id", GSIZE_TO_POINTER ((gsize) id));
  g_task_run_in_thread (task, read_event_thread);
}

static void
selected_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  EvtListView *self = EVT_LIST_VIEW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtEvent) event = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->selected_cancellable);
  /* Deleted meanwhile: the next reload unselects its row. */
  if (event == NULL)
    self->selected_id = 0;
  set_selected (self, event);
  update_busy (self);
}

/* Reads an event in full at once if the store is free (a read by id is quick), or
 * returns %NULL with G_IO_ERROR_WOULD_BLOCK: the UI thread never waits for a query
 * or a write of another thread. */
static EvtEvent *
try_read_event (EvtListView  *self,
                gint64        id,
                GError      **error)
{
  return evt_store_try_get_event (self->store, id, error);
}

/* Reads the event of @row in full and makes it "selected" once read. */
static void
select_row (EvtListView *self,
            EvtListRow  *row)
{
  gint64 id = evt_list_row_get_id (row);
  guint64 fingerprint = evt_list_row_get_fingerprint (row);
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  if (id == self->selected_id && fingerprint == self->selected_fingerprint &&
      (self->selected != NULL || self->selected_cancellable != NULL))
    return;

  g_cancellable_cancel (self->selected_cancellable);
  g_clear_object (&self->selected_cancellable);
  /* Actions never apply to the event selected before while this one is read. */
  if (self->selected != NULL && evt_event_get_id (self->selected) != id)
    set_selected (self, NULL);

  self->selected_id = id;
  self->selected_fingerprint = fingerprint;
  if (self->store == NULL)
    return;

  event = try_read_event (self, id, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    {
      if (event == NULL)
        self->selected_id = 0;
      set_selected (self, event);
      return;
    }

  self->selected_cancellable = g_cancellable_new ();
  read_event_async (self, id, self->selected_cancellable, selected_read);
  update_busy (self);
}

static void
unselect (EvtListView *self)
{
  g_cancellable_cancel (self->selected_cancellable);
  g_clear_object (&self->selected_cancellable);
  self->selected_id = 0;
  set_selected (self, NULL);
}

static void
on_selected_item_changed (EvtListView *self)
{
  EvtListRow *row = gtk_single_selection_get_selected_item (self->selection);

  /* Unselected because the rows moved: the event comes back when found. */
  if (row == NULL && (self->replacing || self->restore_pending))
    return;

  if (row == NULL)
    unselect (self);
  else
    select_row (self, row);
}

/* Finds the selected event in the new answer, by its id. */
static void
restore_selection (EvtListView *self)
{
  guint position;

  self->restore_pending = FALSE;
  if (self->selected_id == 0)
    return;
  if (gtk_single_selection_get_selected_item (self->selection) != NULL)
    return;

  if (self->list != NULL && evt_event_list_find (self->list, self->selected_id, &position))
    {
      evt_list_row_model_show_row (self->row_model, position);
      gtk_single_selection_set_selected (self->selection, position);
    }
  else
    unselect (self);
}

static void
maybe_restore_selection (EvtListView *self)
{
  if (self->restore_pending && !evt_event_list_get_loading (self->list))
    restore_selection (self);
  update_busy (self);
}

/* Around the row model's handler of the list's changes. */
static void
on_list_items_changed_before (EvtListView *self)
{
  self->replacing = TRUE;
}

/* After the rows changed what they show: the selected row may show another event,
 * or the same one edited. */
static void
check_selection (EvtListView *self)
{
  EvtListRow *row;

  evt_list_row_model_update_row (self->row_model,
                                 gtk_single_selection_get_selected (self->selection));
  row = gtk_single_selection_get_selected_item (self->selection);

  if (row != NULL && evt_list_row_get_id (row) != self->selected_id)
    {
      self->replacing = TRUE;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
    }
  else if (row != NULL)
    select_row (self, row);
  self->replacing = FALSE;

  if (self->selected_id != 0 && gtk_single_selection_get_selected_item (self->selection) == NULL)
    {
      self->restore_pending = TRUE;
      if (self->list != NULL)
        maybe_restore_selection (self);
    }
}

static void
on_list_items_changed (EvtListView *self)
{
  check_selection (self);
  update_count (self);
  update_page (self);
}

static void
on_list_loading_changed (EvtListView *self)
{
  update_busy (self);
  update_page (self);
  maybe_restore_selection (self);
}

static void
activated_read (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  EvtListView *self = EVT_LIST_VIEW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtEvent) event = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->activate_cancellable);
  update_busy (self);
  if (event != NULL)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
}

/* The event of a row is read in full before it is opened, unless it is the selected
 * one, read already. */
static void
on_column_view_activate (EvtListView   *self,
                         guint          position,
                         GtkColumnView *column_view)
{
  g_autoptr(EvtListRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  if (row == NULL || self->store == NULL)
    return;

  g_cancellable_cancel (self->activate_cancellable);
  g_clear_object (&self->activate_cancellable);
  if (self->selected != NULL && evt_list_row_get_id (row) == self->selected_id &&
      evt_list_row_get_fingerprint (row) == self->selected_fingerprint &&
      self->selected_cancellable == NULL)
    {
      g_signal_emit (self, signals[EVENT_ACTIVATED], 0, self->selected);
      return;
    }

  event = try_read_event (self, evt_list_row_get_id (row), &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    {
      if (event != NULL)
        g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
      return;
    }

  self->activate_cancellable = g_cancellable_new ();
  read_event_async (self, evt_list_row_get_id (row), self->activate_cancellable, activated_read);
  update_busy (self);
}

static void
on_empty_button_clicked (EvtListView *self)
{
  if (evt_list_view_has_filters (self))
    evt_list_view_clear_filters (self);
  else
    evt_list_view_set_all_years (self, TRUE);
}

/* Sectors */

typedef struct
{
  GHashTable *by_slug;
  GPtrArray  *order;
} SectorsReply;

static void
sectors_reply_free (SectorsReply *reply)
{
  g_clear_pointer (&reply->by_slug, g_hash_table_unref);
  g_clear_pointer (&reply->order, g_ptr_array_unref);
  g_free (reply);
}

static void
sectors_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  EvtStore *store = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sectors = evt_store_list_sectors (store, &error);
  SectorsReply *reply;

  if (sectors == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  reply = g_new0 (SectorsReply, 1);
  reply->order = g_ptr_array_new_with_free_func ((GDestroyNotify) evt_sector_free);
  reply->by_slug = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < sectors->len; i++)
    {
      EvtSector *sector = evt_sector_copy (g_ptr_array_index (sectors, i));

      g_ptr_array_add (reply->order, sector);
      g_hash_table_replace (reply->by_slug, sector->slug, sector);
    }

  g_task_return_pointer (task, reply, (GDestroyNotify) sectors_reply_free);
}

static void
sectors_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  EvtListView *self = EVT_LIST_VIEW (object);
  g_autoptr(GError) error = NULL;
  SectorsReply *reply = g_task_propagate_pointer (G_TASK (result), &error);
  GHashTableIter iter;
  gpointer item;

  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the sectors: %s", error->message);
      return;
    }

  g_clear_pointer (&self->sectors, g_hash_table_unref);
  g_clear_pointer (&self->sector_order, g_ptr_array_unref);
  self->sectors = g_steal_pointer (&reply->by_slug);
  self->sector_order = g_steal_pointer (&reply->order);
  sectors_reply_free (reply);

  fill_sector_choices (self);

  g_hash_table_iter_init (&iter, self->sector_cells);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (cell_get_event (item) != NULL)
      update_sectors_cell (self, item, cell_get_event (item));
}

static void
load_sectors (EvtListView *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->sectors_cancellable);
  g_clear_object (&self->sectors_cancellable);
  if (self->store == NULL)
    return;

  self->sectors_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->sectors_cancellable, sectors_done, NULL);
  g_task_set_source_tag (task, load_sectors);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, sectors_thread);
}

/* Actions */

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EvtListView *self = EVT_LIST_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  evt_list_view_clear_filters (EVT_LIST_VIEW (widget));
}

/* GObject */

static void
disconnect_store (EvtListView *self)
{
  g_cancellable_cancel (self->sectors_cancellable);
  g_clear_object (&self->sectors_cancellable);
  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_cancellable_cancel (self->selected_cancellable);
  g_clear_object (&self->selected_cancellable);
  g_cancellable_cancel (self->activate_cancellable);
  g_clear_object (&self->activate_cancellable);
  self->selected_id = 0;
  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list, self);
      evt_list_row_model_set_model (self->row_model, NULL);
    }
  g_clear_object (&self->list);
  g_clear_object (&self->store);
}

static void
evt_list_view_dispose (GObject *object)
{
  EvtListView *self = (EvtListView *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->spinner_source, g_source_remove);
  g_clear_handle_id (&self->search_idle, g_source_remove);
  disconnect_store (self);
  g_clear_object (&self->selected);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view),
                                          on_sorter_changed, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_LIST_VIEW);
  /* The filter bar and the separator are not bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->people_columns);
  g_clear_object (&self->no_events);

  G_OBJECT_CLASS (evt_list_view_parent_class)->dispose (object);
}

static void
evt_list_view_finalize (GObject *object)
{
  EvtListView *self = (EvtListView *)object;

  g_clear_pointer (&self->sectors, g_hash_table_unref);
  g_clear_pointer (&self->sector_order, g_ptr_array_unref);
  g_clear_pointer (&self->sector_cells, g_hash_table_unref);
  g_clear_pointer (&self->sector_filter, g_strfreev);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->count_text, g_free);

  G_OBJECT_CLASS (evt_list_view_parent_class)->finalize (object);
}

static void
evt_list_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EvtListView *self = EVT_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_ALL_YEARS:
      g_value_set_boolean (value, self->all_years);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_list_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EvtListView *self = EVT_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      evt_list_view_set_store (self, g_value_get_object (value));
      break;

    case PROP_YEAR:
      evt_list_view_set_year (self, g_value_get_int (value));
      break;

    case PROP_ALL_YEARS:
      evt_list_view_set_all_years (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_list_view_class_init (EvtListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evt_list_view_dispose;
  object_class->finalize = evt_list_view_finalize;
  object_class->get_property = evt_list_view_get_property;
  object_class->set_property = evt_list_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         EVT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_ALL_YEARS] =
    g_param_spec_boolean ("all-years", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         EVT_TYPE_EVENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvtListView::event-activated:
   * @self: the list
   * @event: the event of the row activated
   *
   * Emitted on Enter or a double click on a row.
   */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, EVT_TYPE_EVENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/eventail/Eventail/evt-list-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "eventlist");

  gtk_widget_class_bind_template_child (widget_class, EvtListView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, year_box);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, year_button);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, all_years_button);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, status_button);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, kind_button);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, sector_button);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, status_box);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, kind_box);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, sector_box);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, clear_button);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, spinner);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, count_label);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, stack);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, scroller);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, column_view);
  gtk_widget_class_bind_template_child_full (widget_class, "dates_column", FALSE,
                                             G_STRUCT_OFFSET (EvtListView,
                                                              columns[EVT_LIST_COLUMN_DATES]));
  gtk_widget_class_bind_template_child_full (widget_class, "title_column", FALSE,
                                             G_STRUCT_OFFSET (EvtListView,
                                                              columns[EVT_LIST_COLUMN_TITLE]));
  gtk_widget_class_bind_template_child_full (widget_class, "kind_column", FALSE,
                                             G_STRUCT_OFFSET (EvtListView,
                                                              columns[EVT_LIST_COLUMN_KIND]));
  gtk_widget_class_bind_template_child_full (widget_class, "city_column", FALSE,
                                             G_STRUCT_OFFSET (EvtListView,
                                                              columns[EVT_LIST_COLUMN_CITY]));
  gtk_widget_class_bind_template_child_full (widget_class, "sectors_column", FALSE,
                                             G_STRUCT_OFFSET (EvtListView,
                                                              columns[EVT_LIST_COLUMN_SECTORS]));
  gtk_widget_class_bind_template_child_full (widget_class, "status_column", FALSE,
                                             G_STRUCT_OFFSET (EvtListView,
                                                              columns[EVT_LIST_COLUMN_STATUS]));
  gtk_widget_class_bind_template_child (widget_class, EvtListView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, empty_button);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, selection);
  gtk_widget_class_bind_template_child (widget_class, EvtListView, row_model);

  gtk_widget_class_bind_template_callback (widget_class, setup_text_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_dates_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_dates_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_title_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_title_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_kind_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_city_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_city_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_sectors_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_sectors_cell);
  gtk_widget_class_bind_template_callback (widget_class, unbind_sectors_cell);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_status_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_status_cell);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_year_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_empty_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_changed);

  gtk_widget_class_install_action (widget_class, "list-view.focus-search", NULL,
                                   focus_search_action);
  gtk_widget_class_install_action (widget_class, "list-view.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "list-view.focus-search", NULL);
}

static void
evt_list_view_init (EvtListView *self)
{
  GtkLayoutManager *layout;

  g_type_ensure (EVT_TYPE_EVENT);
  g_type_ensure (EVT_TYPE_LIST_ROW_MODEL);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->people_columns = evt_people_columns_new (self->column_view);

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->sector_cells = g_hash_table_new (NULL, NULL);
  menu_button_init (self->status_button);
  menu_button_init (self->kind_button);
  menu_button_init (self->sector_button);

  /* Typing anywhere in the list starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  self->no_events = G_LIST_MODEL (g_list_store_new (EVT_TYPE_EVENT));
  evt_list_row_model_set_vadjustment (self->row_model, gtk_scrollable_get_vadjustment (
                                                          GTK_SCROLLABLE (self->column_view)));

  /* Every column sorts, in the store. */
  for (guint i = 0; i < EVT_LIST_N_COLUMNS; i++)
    set_probe_sorter (self->columns[i], i);
  set_probe_sorter (evt_people_columns_get_participants_column (self->people_columns),
                    EVT_QUERY_SORT_PARTICIPANTS);
  set_probe_sorter (evt_people_columns_get_leads_column (self->people_columns),
                    EVT_QUERY_SORT_LEADS);

  /* Dates in order until the user clicks another header. */
  gtk_column_view_sort_by_column (self->column_view, self->columns[EVT_LIST_COLUMN_DATES],
                                  GTK_SORT_ASCENDING);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (on_sorter_changed), self);

  fill_fixed_choices (self);
  fill_sector_choices (self);
  update_year_box (self);
  update_count (self);
  update_page (self);
}

/**
 * evt_list_view_new:
 *
 * Returns: (transfer floating): a new, empty list; give it a store
 */
GtkWidget *
evt_list_view_new (void)
{
  return g_object_new (EVT_TYPE_LIST_VIEW, NULL);
}

/**
 * evt_list_view_get_store:
 * @self: a list
 *
 * Returns: (transfer none) (nullable): the store the events come from
 */
EvtStore *
evt_list_view_get_store (EvtListView *self)
{
  g_return_val_if_fail (EVT_IS_LIST_VIEW (self), NULL);

  return self->store;
}

/**
 * evt_list_view_set_store:
 * @self: a list
 * @store: (nullable): an open store
 *
 * Shows the events of @store, reading them in worker threads.
 */
void
evt_list_view_set_store (EvtListView *self,
                         EvtStore    *store)
{
  g_return_if_fail (EVT_IS_LIST_VIEW (self));
  g_return_if_fail (store == NULL || EVT_IS_STORE (store));

  if (self->store == store)
    return;

  disconnect_store (self);
  set_selected (self, NULL);
  evt_people_columns_set_store (self->people_columns, store);

  if (store != NULL)
    {
      self->store = g_object_ref (store);
      self->store_changed_id = g_signal_connect_swapped (store, "changed",
                                                         G_CALLBACK (load_sectors), self);
      self->list = evt_event_list_new_compact (store);

      /* The row model's handler between the view's, so that a selection the rows
       * lose is told apart from one the user cleared. */
      g_signal_connect_swapped (self->list, "items-changed",
                                G_CALLBACK (on_list_items_changed_before), self);
      evt_list_row_model_set_model (self->row_model, self->list);
      g_signal_connect_swapped (self->list, "items-changed",
                                G_CALLBACK (on_list_items_changed), self);
      g_signal_connect_swapped (self->list, "notify::loading",
                                G_CALLBACK (on_list_loading_changed), self);
      g_signal_connect_swapped (self->list, "notify::error",
                                G_CALLBACK (update_page), self);

      load_sectors (self);
      update_query (self);
    }

  update_count (self);
  update_page (self);
  update_busy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * evt_list_view_get_year:
 * @self: a list
 *
 * Returns: the year the window shows, 0 if none
 */
int
evt_list_view_get_year (EvtListView *self)
{
  g_return_val_if_fail (EVT_IS_LIST_VIEW (self), 0);

  return self->year;
}

/**
 * evt_list_view_set_year:
 * @self: a list
 * @year: the year the window shows, or 0 for every year
 *
 * Shows the events of @year only, unless "all-years" is set.
 */
void
evt_list_view_set_year (EvtListView *self,
                        int          year)
{
  g_return_if_fail (EVT_IS_LIST_VIEW (self));
  g_return_if_fail (year == 0 || g_date_valid_year ((GDateYear) year));

  if (self->year == year)
    return;

  self->year = year;
  update_year_box (self);
  update_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/**
 * evt_list_view_get_all_years:
 * @self: a list
 *
 * Returns: whether the list shows every year rather than "year" only
 */
gboolean
evt_list_view_get_all_years (EvtListView *self)
{
  g_return_val_if_fail (EVT_IS_LIST_VIEW (self), FALSE);

  return self->all_years;
}

/**
 * evt_list_view_set_all_years:
 * @self: a list
 * @all_years: %TRUE to show every year, %FALSE for "year" only
 */
void
evt_list_view_set_all_years (EvtListView *self,
                             gboolean     all_years)
{
  g_return_if_fail (EVT_IS_LIST_VIEW (self));

  all_years = !!all_years;
  if (self->all_years == all_years)
    return;

  self->all_years = all_years;
  update_year_box (self);
  update_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALL_YEARS]);
}

/**
 * evt_list_view_get_selected:
 * @self: a list
 *
 * Returns: (transfer none) (nullable): the selected event, or %NULL
 */
EvtEvent *
evt_list_view_get_selected (EvtListView *self)
{
  g_return_val_if_fail (EVT_IS_LIST_VIEW (self), NULL);

  return self->selected;
}

/**
 * evt_list_view_clear_filters:
 * @self: a list
 *
 * Forgets the search and the status, kind and sector filters (not the year).
 */
void
evt_list_view_clear_filters (EvtListView *self)
{
  g_return_if_fail (EVT_IS_LIST_VIEW (self));

  self->statuses = 0;
  self->kinds = 0;
  g_clear_pointer (&self->sector_filter, g_strfreev);
  g_clear_pointer (&self->search, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_handle_id (&self->search_idle, g_source_remove);
  self->search_pending = FALSE;
  filters_changed (self);
}

/* For the display test and the benchmark */

void
evt_list_view_set_search_text (EvtListView *self,
                               const char  *text)
{
  const char *current;

  g_return_if_fail (EVT_IS_LIST_VIEW (self));

  current = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (text == NULL)
    text = "";

  /* As typed: one more letter is inserted, not the whole text replaced; either way
   * the entry waits for a pause in typing before the search applies. */
  if (current[0] != '\0' && g_str_has_prefix (text, current))
    {
      int position = -1;

      gtk_editable_insert_text (GTK_EDITABLE (self->search_entry), text + strlen (current), -1,
                                &position);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
}

void
evt_list_view_set_statuses (EvtListView *self,
                            guint        mask)
{
  g_return_if_fail (EVT_IS_LIST_VIEW (self));

  self->statuses = mask & ((1u << EVT_N_STATUSES) - 1);
  filters_changed (self);
}

void
evt_list_view_set_kinds (EvtListView *self,
                         guint        mask)
{
  g_return_if_fail (EVT_IS_LIST_VIEW (self));

  self->kinds = mask & ((1u << EVT_N_KINDS) - 1);
  filters_changed (self);
}

void
evt_list_view_set_sectors (EvtListView        *self,
                           const char * const *slugs)
{
  g_return_if_fail (EVT_IS_LIST_VIEW (self));

  g_strfreev (self->sector_filter);
  self->sector_filter = slugs != NULL && slugs[0] != NULL ? g_strdupv ((char **) slugs) : NULL;
  filters_changed (self);
}

EvtEventList *
evt_list_view_get_event_list (EvtListView *self)
{
  g_return_val_if_fail (EVT_IS_LIST_VIEW (self), NULL);

  return self->list;
}

GListModel *
evt_list_view_get_model (EvtListView *self)
{
  g_return_val_if_fail (EVT_IS_LIST_VIEW (self), NULL);

  return self->list != NULL ? G_LIST_MODEL (self->list) : self->no_events;
}

GtkColumnView *
evt_list_view_get_column_view (EvtListView *self)
{
  g_return_val_if_fail (EVT_IS_LIST_VIEW (self), NULL);

  return self->column_view;
}

GtkColumnViewColumn *
evt_list_view_get_column (EvtListView   *self,
                          EvtListColumn  column)
{
  g_return_val_if_fail (EVT_IS_LIST_VIEW (self), NULL);
  g_return_val_if_fail (column < EVT_LIST_N_COLUMNS, NULL);

  return self->columns[column];
}

GtkWidget *
evt_list_view_get_search_entry (EvtListView *self)
{
  g_return_val_if_fail (EVT_IS_LIST_VIEW (self), NULL);

  return GTK_WIDGET (self->search_entry);
}

const char *
evt_list_view_get_count_text (EvtListView *self)
{
  g_return_val_if_fail (EVT_IS_LIST_VIEW (self), NULL);

  return self->count_text;
}

const char *
evt_list_view_get_page (EvtListView *self)
{
  g_return_val_if_fail (EVT_IS_LIST_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
