/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-agenda-view.c: the year's events in one boxed list per month. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-agenda-view.h"
#include "evt-context-menu.h"
#include "evt-date-format.h"
#include "evt-event-row.h"

/* The twelve months, then the events whose date is not known yet. */
#define N_GROUPS  13
#define TBA_GROUP 12

typedef struct
{
  EvtAgendaView      *view;
  GtkWidget          *box;
  GtkListBox         *list_box;
  GtkFilterListModel *model;
} MonthGroup;

struct _EvtAgendaView
{
  GtkWidget          parent_instance;

  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkBox            *months_box;
  AdwStatusPage     *empty_page;
  GtkWidget         *empty_button;

  MonthGroup         groups[N_GROUPS];
  EvtEventList      *events;
  GHashTable        *sectors;       /* slug → EvtSector, for the rows */
  GMenuModel        *menu;          /* popped up over a row */
  EvtEvent          *selected;
  gint64             selected_id;   /* kept when the rows go with a reload */
};

G_DEFINE_FINAL_TYPE (EvtAgendaView, evt_agenda_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The year of the events, as the list last asked for them. */
static int
get_year (EvtAgendaView *self)
{
  const EvtQuery *query = self->events != NULL ? evt_event_list_get_query (self->events) : NULL;

  if (query != NULL && g_date_valid (&query->from))
    return g_date_get_year (&query->from);

  return 0;
}

static gboolean
group_filter_func (gpointer item,
                   gpointer user_data)
{
  MonthGroup *group = user_data;
  EvtAgendaView *self = group->view;
  EvtEvent *event = item;
  GDateTime *start = evt_event_get_start (event);
  int year = get_year (self);
  int index;

  /* An event that runs over New Year is in January or December of the year shown. */
  if (start == NULL || evt_event_is_date_tba (event))
    index = TBA_GROUP;
  else if (year > 0 && g_date_time_get_year (start) < year)
    index = 0;
  else if (year > 0 && g_date_time_get_year (start) > year)
    index = 11;
  else
    index = g_date_time_get_month (start) - 1;

  return group == &self->groups[index];
}

/* The rows of every month, in order. */
static GPtrArray *
collect_rows (EvtAgendaView *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < N_GROUPS; i++)
    {
      GtkWidget *child;

      for (child = gtk_widget_get_first_child (GTK_WIDGET (self->groups[i].list_box));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (EVT_IS_EVENT_ROW (child))
            g_ptr_array_add (rows, child);
        }
    }

  return rows;
}

static void
on_row_secondary_click (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        EvtAgendaView   *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkListBox *list_box = GTK_LIST_BOX (gtk_widget_get_parent (row));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_list_box_select_row (list_box, GTK_LIST_BOX_ROW (row));
  if (self->menu != NULL)
    evt_context_menu_popup (row, self->menu, x, y);
}

static void
on_row_long_press (GtkGestureLongPress *gesture,
                   double               x,
                   double               y,
                   EvtAgendaView       *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkListBox *list_box = GTK_LIST_BOX (gtk_widget_get_parent (row));

  gtk_list_box_select_row (list_box, GTK_LIST_BOX_ROW (row));
  if (self->menu != NULL)
    evt_context_menu_popup (row, self->menu, x, y);
}

/* The rows */

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  EvtAgendaView *self = user_data;
  GtkWidget *row = evt_event_row_new (EVT_EVENT (item), self->sectors);
  GtkGesture *click;
  GtkGesture *long_press;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_row_secondary_click), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (on_row_long_press), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (long_press));

  return row;
}

/* The id stays when the row goes: a reload brings the event back under a new row. */
static void
set_selected (EvtAgendaView *self,
              EvtEvent      *event)
{
  if (event != NULL)
    self->selected_id = evt_event_get_id (event);
  if (g_set_object (&self->selected, event))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
on_group_row_selected (GtkListBox    *list_box,
                       GtkListBoxRow *row,
                       MonthGroup    *group)
{
  EvtAgendaView *self = group->view;

  if (row == NULL)
    {
      /* Unselected because another month took the selection, or the rows went. */
      if (self->selected != NULL)
        {
          for (guint i = 0; i < N_GROUPS; i++)
            {
              if (gtk_list_box_get_selected_row (self->groups[i].list_box) != NULL)
                return;
            }
          set_selected (self, NULL);
        }
      return;
    }

  /* One selection across the months. */
  for (guint i = 0; i < N_GROUPS; i++)
    {
      if (self->groups[i].list_box != list_box)
        gtk_list_box_unselect_all (self->groups[i].list_box);
    }

  set_selected (self, evt_event_row_get_event (EVT_EVENT_ROW (row)));
}

static void
on_group_row_activated (GtkListBox    *list_box,
                        GtkListBoxRow *row,
                        MonthGroup    *group)
{
  g_signal_emit (group->view, signals[SIGNAL_EVENT_ACTIVATED], 0,
                 evt_event_row_get_event (EVT_EVENT_ROW (row)));
}

static void
on_group_items_changed (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        MonthGroup *group)
{
  EvtAgendaView *self = group->view;

  gtk_widget_set_visible (group->box, g_list_model_get_n_items (model) > 0);

  /* The list reads events anew on every change: keep the selection by id. */
  if (self->selected_id > 0)
    {
      for (guint i = position; i < position + added; i++)
        {
          g_autoptr(EvtEvent) event = g_list_model_get_item (model, i);

          if (evt_event_get_id (event) == self->selected_id)
            {
              GtkListBoxRow *row = gtk_list_box_get_row_at_index (group->list_box, (int) i);

              if (row != NULL)
                gtk_list_box_select_row (group->list_box, row);
              break;
            }
        }
    }
}

static void
setup_groups (EvtAgendaView *self)
{
  for (guint i = 0; i < N_GROUPS; i++)
    {
      MonthGroup *group = &self->groups[i];
      g_autofree char *name = NULL;
      GtkCustomFilter *filter;
      GtkWidget *heading;

      group->view = self;

      if (i == TBA_GROUP)
        name = g_strdup (_("Date to Be Announced"));
      else
        name = evt_format_month_name (i + 1);

      group->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      gtk_widget_set_visible (group->box, FALSE);

      heading = gtk_label_new (name);
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_add_css_class (heading, "month-heading");
      gtk_box_append (GTK_BOX (group->box), heading);

      group->list_box = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (group->list_box, GTK_SELECTION_SINGLE);
      gtk_widget_add_css_class (GTK_WIDGET (group->list_box), "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (group->list_box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_box_append (GTK_BOX (group->box), GTK_WIDGET (group->list_box));
      g_signal_connect (group->list_box, "row-selected",
                        G_CALLBACK (on_group_row_selected), group);
      g_signal_connect (group->list_box, "row-activated",
                        G_CALLBACK (on_group_row_activated), group);

      filter = gtk_custom_filter_new (group_filter_func, group, NULL);
      group->model = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
      /* After the list box has made its rows. */
      g_signal_connect_after (group->model, "items-changed",
                              G_CALLBACK (on_group_items_changed), group);
      gtk_list_box_bind_model (group->list_box, G_LIST_MODEL (group->model),
                               create_row, self, NULL);

      gtk_box_append (self->months_box, group->box);
    }
}

/* GtkWidget */

/* The selected row takes the focus, else the first. */
static gboolean
evt_agenda_view_grab_focus (GtkWidget *widget)
{
  EvtAgendaView *self = EVT_AGENDA_VIEW (widget);

  for (guint i = 0; i < N_GROUPS; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->groups[i].list_box);

      if (row != NULL)
        return gtk_widget_grab_focus (GTK_WIDGET (row));
    }

  return gtk_widget_child_focus (GTK_WIDGET (self->months_box), GTK_DIR_TAB_FORWARD);
}

static void
evt_agenda_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EvtAgendaView *self = EVT_AGENDA_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_agenda_view_dispose (GObject *object)
{
  EvtAgendaView *self = EVT_AGENDA_VIEW (object);

  for (guint i = 0; i < N_GROUPS; i++)
    {
      MonthGroup *group = &self->groups[i];

      if (group->model == NULL)
        continue;

      g_signal_handlers_disconnect_by_data (group->model, group);
      g_signal_handlers_disconnect_by_data (group->list_box, group);
      gtk_list_box_bind_model (group->list_box, NULL, NULL, NULL, NULL);
      gtk_filter_list_model_set_model (group->model, NULL);
      g_clear_object (&group->model);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_AGENDA_VIEW);

  g_clear_object (&self->events);
  g_clear_object (&self->menu);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->sectors, g_hash_table_unref);

  G_OBJECT_CLASS (evt_agenda_view_parent_class)->dispose (object);
}

static void
evt_agenda_view_class_init (EvtAgendaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = evt_agenda_view_get_property;
  object_class->dispose = evt_agenda_view_dispose;
  widget_class->grab_focus = evt_agenda_view_grab_focus;

  /**
   * EvtAgendaView:selected:
   *
   * The event selected, or %NULL.
   */
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, EVT_TYPE_EVENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvtAgendaView::event-activated:
   * @self: the view
   * @event: the event of the row activated
   */
  signals[SIGNAL_EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, EVT_TYPE_EVENT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/eventail/Eventail/evt-agenda-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtAgendaView, stack);
  gtk_widget_class_bind_template_child (widget_class, EvtAgendaView, scroller);
  gtk_widget_class_bind_template_child (widget_class, EvtAgendaView, months_box);
  gtk_widget_class_bind_template_child (widget_class, EvtAgendaView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EvtAgendaView, empty_button);
}

static void
evt_agenda_view_init (EvtAgendaView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_groups (self);
}

/**
 * evt_agenda_view_new:
 *
 * Returns: (transfer floating): a new view, empty until given events
 */
GtkWidget *
evt_agenda_view_new (void)
{
  return g_object_new (EVT_TYPE_AGENDA_VIEW, NULL);
}

/**
 * evt_agenda_view_set_events:
 * @self: a view
 * @events: (nullable): the events of one year
 *
 * Shows @events, and follows their changes; %NULL takes the rows away.
 */
void
evt_agenda_view_set_events (EvtAgendaView *self,
                            EvtEventList  *events)
{
  g_return_if_fail (EVT_IS_AGENDA_VIEW (self));
  g_return_if_fail (events == NULL || EVT_IS_EVENT_LIST (events));

  if (!g_set_object (&self->events, events))
    return;

  for (guint i = 0; i < N_GROUPS; i++)
    gtk_filter_list_model_set_model (self->groups[i].model, G_LIST_MODEL (events));
}

/**
 * evt_agenda_view_set_sectors:
 * @self: a view
 * @sectors: (nullable) (element-type utf8 EvtSector): the sectors by slug, for the
 *   rows' names and colours
 */
void
evt_agenda_view_set_sectors (EvtAgendaView *self,
                             GHashTable    *sectors)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_if_fail (EVT_IS_AGENDA_VIEW (self));

  if (self->sectors == sectors)
    return;

  g_clear_pointer (&self->sectors, g_hash_table_unref);
  self->sectors = sectors != NULL ? g_hash_table_ref (sectors) : NULL;
  rows = collect_rows (self);
  for (guint i = 0; i < rows->len; i++)
    evt_event_row_set_sectors (g_ptr_array_index (rows, i), sectors);
}

/**
 * evt_agenda_view_set_menu_model:
 * @self: a view
 * @menu: (nullable): the menu popped up over a row by a right click or a long press
 */
void
evt_agenda_view_set_menu_model (EvtAgendaView *self,
                                GMenuModel    *menu)
{
  g_return_if_fail (EVT_IS_AGENDA_VIEW (self));
  g_return_if_fail (menu == NULL || G_IS_MENU_MODEL (menu));

  g_set_object (&self->menu, menu);
}

/**
 * evt_agenda_view_set_empty_year:
 * @self: a view
 * @year: a year without events, or 0
 *
 * Shows that @year has no events, with a button to the current year, instead of the
 * months; 0 shows the months again.
 */
void
evt_agenda_view_set_empty_year (EvtAgendaView *self,
                                int            year)
{
  g_return_if_fail (EVT_IS_AGENDA_VIEW (self));

  if (year > 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      /* Translators: the title shown for a year without events */
      g_autofree char *title = g_strdup_printf (_("No Events in %d"), year);

      adw_status_page_set_title (self->empty_page, title);
      /* Set when first shown: GTK loads the icon of a hidden status page all the same. */
      if (adw_status_page_get_icon_name (self->empty_page) == NULL)
        adw_status_page_set_icon_name (self->empty_page, "x-office-calendar-symbolic");
      gtk_widget_set_visible (self->empty_button, year != g_date_time_get_year (now));
    }

  gtk_stack_set_visible_child_name (self->stack, year > 0 ? "empty" : "events");
}

/**
 * evt_agenda_view_get_selected:
 * @self: a view
 *
 * Returns: (transfer none) (nullable): the event selected
 */
EvtEvent *
evt_agenda_view_get_selected (EvtAgendaView *self)
{
  g_return_val_if_fail (EVT_IS_AGENDA_VIEW (self), NULL);

  return self->selected;
}

/**
 * evt_agenda_view_select_event:
 * @self: a view
 * @event: an event of the year, saved
 *
 * Selects the row of @event.
 *
 * Returns: %TRUE if it was found
 */
gboolean
evt_agenda_view_select_event (EvtAgendaView *self,
                              EvtEvent      *event)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (EVT_IS_AGENDA_VIEW (self), FALSE);
  g_return_val_if_fail (EVT_IS_EVENT (event), FALSE);

  rows = collect_rows (self);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (evt_event_get_id (evt_event_row_get_event (EVT_EVENT_ROW (row))) ==
          evt_event_get_id (event))
        {
          gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)),
                                   GTK_LIST_BOX_ROW (row));
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * evt_agenda_view_scroll_to_top:
 * @self: a view
 *
 * Scrolls back to January, as for another year.
 */
void
evt_agenda_view_scroll_to_top (EvtAgendaView *self)
{
  g_return_if_fail (EVT_IS_AGENDA_VIEW (self));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/**
 * evt_agenda_view_get_rows:
 * @self: a view
 *
 * Returns: (transfer container) (element-type EvtEventRow): the rows shown, in order
 */
GPtrArray *
evt_agenda_view_get_rows (EvtAgendaView *self)
{
  g_return_val_if_fail (EVT_IS_AGENDA_VIEW (self), g_ptr_array_new ());

  return collect_rows (self);
}
