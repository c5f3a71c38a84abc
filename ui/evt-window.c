/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-window.c: the main window, the events of one year. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-date-format.h"
#include "evt-demo.h"
#include "evt-event-row.h"
#include "evt-window-private.h"

/* The twelve months, then the events whose date is not known yet. */
#define N_GROUPS  13
#define TBA_GROUP 12

/* A year that takes longer than this to read shows a spinner; a quicker one just
 * replaces the rows, without flashing the spinner. */
#define SLOW_LOADING_MS 250

typedef struct
{
  EvtWindow          *window;
  GtkWidget          *box;
  GtkListBox         *list_box;
  GtkFilterListModel *model;
} MonthGroup;

struct _EvtWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *year_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkScrolledWindow    *scroller;
  GtkBox               *months_box;
  AdwStatusPage        *empty_year_page;
  GtkWidget            *empty_year_button;
  AdwStatusPage        *error_page;
  GtkLabel             *error_path_label;

  MonthGroup            groups[N_GROUPS];

  GSettings            *settings;
  EvtStore             *store;
  EvtEventList         *list;
  GHashTable           *sectors;        /* slug → EvtSector */
  GCancellable         *cancellable;
  char                 *last_toast;

  EvtWindowPage         page;
  int                   year;
  gint64                db_count;       /* -1 until counted */
  guint                 info_serial;
  guint                 slow_source;

  guint                 failed : 1;
  guint                 slow : 1;
  guint                 info_pending : 1;
  guint                 loading_sample : 1;
};

G_DEFINE_FINAL_TYPE (EvtWindow, evt_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const page_names[] = {
  [EVT_WINDOW_PAGE_LOADING]    = "loading",
  [EVT_WINDOW_PAGE_EVENTS]     = "events",
  [EVT_WINDOW_PAGE_EMPTY_YEAR] = "empty-year",
  [EVT_WINDOW_PAGE_EMPTY_DB]   = "empty-db",
  [EVT_WINDOW_PAGE_ERROR]      = "error",
};

/**
 * evt_window_page_to_string:
 * @page: a page
 *
 * Returns: the name of @page in the window's stack
 */
const char *
evt_window_page_to_string (EvtWindowPage page)
{
  g_return_val_if_fail (page <= EVT_WINDOW_PAGE_ERROR, NULL);

  return page_names[page];
}

/**
 * evt_window_state_get_page:
 * @state: what is known of the store and of the year's events
 *
 * Chooses the page to show. While the events of a new year are read, the page shown
 * stays (a quick read does not flash a spinner) unless the read is slow. An empty
 * year is told apart from an empty database, which offers the sample data.
 *
 * Returns: the page
 */
EvtWindowPage
evt_window_state_get_page (const EvtWindowState *state)
{
  if (state->failed)
    return EVT_WINDOW_PAGE_ERROR;
  if (!state->has_store)
    return EVT_WINDOW_PAGE_LOADING;
  if (state->list_loading)
    return state->slow ? EVT_WINDOW_PAGE_LOADING : state->current;
  if (state->n_items > 0)
    return EVT_WINDOW_PAGE_EVENTS;
  if (state->db_count < 0)
    return EVT_WINDOW_PAGE_LOADING;
  if (state->db_count == 0)
    return EVT_WINDOW_PAGE_EMPTY_DB;
  return EVT_WINDOW_PAGE_EMPTY_YEAR;
}

static int
get_current_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

static guint
get_n_events (EvtWindow *self)
{
  return self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}

static void
show_toast (EvtWindow  *self,
            const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  g_free (self->last_toast);
  self->last_toast = g_strdup (title);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_actions (EvtWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.previous-year",
                                 self->year > EVT_WINDOW_MIN_YEAR);
  gtk_widget_action_set_enabled (widget, "win.next-year", self->year < EVT_WINDOW_MAX_YEAR);
  gtk_widget_action_set_enabled (widget, "win.current-year",
                                 self->year != get_current_year ());
  gtk_widget_set_visible (self->empty_year_button, self->year != get_current_year ());
  gtk_widget_action_set_enabled (widget, "win.load-sample",
                                 self->store != NULL && !self->failed && !self->loading_sample);
}

static void
update_title (EvtWindow *self)
{
  g_autofree char *title = g_strdup_printf ("%d", self->year);
  g_autofree char *subtitle = NULL;

  adw_window_title_set_title (self->year_title, title);

  if (self->list == NULL || self->failed)
    subtitle = g_strdup ("");
  else if (evt_event_list_get_loading (self->list))
    {
      /* Keep the count of the year shown until the new one is read. */
      if (self->slow)
        subtitle = g_strdup (_("Loading…"));
      else
        return;
    }
  else if (get_n_events (self) == 0)
    subtitle = g_strdup (_("No events"));
  else
    subtitle = g_strdup_printf (ngettext ("%u event", "%u events", get_n_events (self)),
                                get_n_events (self));

  adw_window_title_set_subtitle (self->year_title, subtitle);
}

static void
update_page (EvtWindow *self)
{
  const char *list_error = self->list ? evt_event_list_get_error (self->list) : NULL;
  EvtWindowState state = {
    .failed = self->failed || list_error != NULL,
    .has_store = self->list != NULL,
    .list_loading = self->list != NULL && evt_event_list_get_loading (self->list),
    .slow = self->slow,
    .n_items = get_n_events (self),
    .db_count = self->db_count,
    .current = self->page,
  };
  EvtWindowPage page = evt_window_state_get_page (&state);

  if (page == EVT_WINDOW_PAGE_ERROR && !self->failed)
    {
      g_autofree char *description = g_markup_escape_text (list_error, -1);

      adw_status_page_set_title (self->error_page, _("Could Not Read the Events"));
      adw_status_page_set_description (self->error_page, description);
      gtk_label_set_text (self->error_path_label, evt_store_get_path (self->store));
    }

  if (page == EVT_WINDOW_PAGE_EMPTY_YEAR)
    {
      /* Translators: the title shown for a year without events */
      g_autofree char *title = g_strdup_printf (_("No Events in %d"), self->year);

      adw_status_page_set_title (self->empty_year_page, title);
    }

  self->page = page;
  gtk_stack_set_visible_child_name (self->stack, evt_window_page_to_string (page));
  gtk_spinner_set_spinning (self->spinner, page == EVT_WINDOW_PAGE_LOADING);

  update_title (self);
}

static int
get_list_year (EvtWindow *self)
{
  const EvtQuery *query = evt_event_list_get_query (self->list);

  if (g_date_valid (&query->from))
    return g_date_get_year (&query->from);

  return self->year;
}

static gboolean
group_filter_func (gpointer item,
                   gpointer user_data)
{
  MonthGroup *group = user_data;
  EvtWindow *self = group->window;
  EvtEvent *event = item;
  GDateTime *start = evt_event_get_start (event);
  int year = get_list_year (self);
  int index;

  /* An event that runs over New Year is in January or December of the year shown. */
  if (start == NULL || evt_event_is_date_tba (event))
    index = TBA_GROUP;
  else if (g_date_time_get_year (start) < year)
    index = 0;
  else if (g_date_time_get_year (start) > year)
    index = 11;
  else
    index = g_date_time_get_month (start) - 1;

  return group == &self->groups[index];
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  EvtWindow *self = user_data;

  return evt_event_row_new (EVT_EVENT (item), self->sectors);
}

static void
on_group_items_changed (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        MonthGroup *group)
{
  gtk_widget_set_visible (group->box, g_list_model_get_n_items (model) > 0);
}

static void
setup_groups (EvtWindow *self)
{
  for (guint i = 0; i < N_GROUPS; i++)
    {
      MonthGroup *group = &self->groups[i];
      g_autofree char *name = NULL;
      GtkCustomFilter *filter;
      GtkWidget *heading;

      group->window = self;

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
      gtk_list_box_set_selection_mode (group->list_box, GTK_SELECTION_NONE);
      gtk_widget_add_css_class (GTK_WIDGET (group->list_box), "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (group->list_box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_box_append (GTK_BOX (group->box), GTK_WIDGET (group->list_box));

      filter = gtk_custom_filter_new (group_filter_func, group, NULL);
      group->model = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
      g_signal_connect (group->model, "items-changed",
                        G_CALLBACK (on_group_items_changed), group);
      gtk_list_box_bind_model (group->list_box, G_LIST_MODEL (group->model),
                               create_row, self, NULL);

      gtk_box_append (self->months_box, group->box);
    }
}

static void
update_row_sectors (EvtWindow *self)
{
  for (guint i = 0; i < N_GROUPS; i++)
    {
      GtkWidget *child;

      for (child = gtk_widget_get_first_child (GTK_WIDGET (self->groups[i].list_box));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (EVT_IS_EVENT_ROW (child))
            evt_event_row_set_sectors (EVT_EVENT_ROW (child), self->sectors);
        }
    }
}

/* The count of all events (to tell an empty year from an empty database) and the
 * sectors' colours, read in a worker thread after the store opens or changes. */
typedef struct
{
  EvtStore *store;
  guint     serial;
} InfoRequest;

typedef struct
{
  gint64      count;
  GHashTable *sectors;
} InfoReply;

static void
info_request_free (InfoRequest *request)
{
  g_clear_object (&request->store);
  g_free (request);
}

static void
info_reply_free (InfoReply *reply)
{
  g_clear_pointer (&reply->sectors, g_hash_table_unref);
  g_free (reply);
}

static void
info_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  InfoRequest *request = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sectors = NULL;
  InfoReply *reply;
  gint64 count;

  count = evt_store_count_events (request->store, &error);
  if (count < 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  sectors = evt_store_list_sectors (request->store, &error);
  if (sectors == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  reply = g_new0 (InfoReply, 1);
  reply->count = count;
  reply->sectors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) evt_sector_free);
  for (guint i = 0; i < sectors->len; i++)
    {
      EvtSector *sector = evt_sector_copy (g_ptr_array_index (sectors, i));

      g_hash_table_replace (reply->sectors, sector->slug, sector);
    }

  g_task_return_pointer (task, reply, (GDestroyNotify) info_reply_free);
}

static void
info_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  EvtWindow *self = EVT_WINDOW (object);
  InfoRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  InfoReply *reply;

  reply = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A newer request is on its way: its answer is the one to show. */
  if (request->serial != self->info_serial)
    {
      g_clear_pointer (&reply, info_reply_free);
      return;
    }

  self->info_pending = FALSE;

  if (reply == NULL)
    {
      g_warning ("Could not count the events: %s", error->message);
      /* Not knowing, an empty year is shown as such, never as an empty database. */
      self->db_count = G_MAXINT64;
    }
  else
    {
      self->db_count = reply->count;
      g_clear_pointer (&self->sectors, g_hash_table_unref);
      self->sectors = g_steal_pointer (&reply->sectors);
      update_row_sectors (self);
      info_reply_free (reply);
    }

  update_page (self);
}

static void
refresh_info (EvtWindow *self)
{
  g_autoptr(GTask) task = NULL;
  InfoRequest *request;

  request = g_new0 (InfoRequest, 1);
  request->store = g_object_ref (self->store);
  request->serial = ++self->info_serial;
  self->info_pending = TRUE;

  task = g_task_new (self, self->cancellable, info_done, NULL);
  g_task_set_source_tag (task, refresh_info);
  g_task_set_task_data (task, request, (GDestroyNotify) info_request_free);
  g_task_run_in_thread (task, info_thread);
}

static void
on_store_changed (EvtWindow *self)
{
  refresh_info (self);
}

static gboolean
on_slow_loading (gpointer user_data)
{
  EvtWindow *self = user_data;

  self->slow_source = 0;
  self->slow = TRUE;
  update_page (self);

  return G_SOURCE_REMOVE;
}

static void
on_list_loading_changed (EvtWindow *self)
{
  if (evt_event_list_get_loading (self->list))
    {
      if (self->slow_source == 0 && !self->slow)
        self->slow_source = g_timeout_add (SLOW_LOADING_MS, on_slow_loading, self);
    }
  else
    {
      g_clear_handle_id (&self->slow_source, g_source_remove);
      self->slow = FALSE;
    }

  update_page (self);
}

static void
load_year (EvtWindow *self)
{
  g_autoptr(EvtQuery) query = NULL;

  if (self->list == NULL)
    return;

  query = evt_query_new ();
  evt_query_set_year (query, self->year);
  evt_event_list_set_query (self->list, query);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* Loading the sample data. */

static void
load_sample_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  EvtStore *store = task_data;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  if (!evt_demo_load (store, &n_added, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, n_added);
}

static void
load_sample_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  EvtWindow *self = EVT_WINDOW (object);
  g_autoptr(GError) error = NULL;
  gssize n_added;

  n_added = g_task_propagate_int (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading_sample = FALSE;
  update_actions (self);

  if (n_added < 0)
    {
      /* Translators: loading the sample data failed, and why */
      g_autofree char *message = g_strdup_printf (_("Could not load the sample data: %s"),
                                                  error->message);
      show_toast (self, message);
      return;
    }

  evt_window_set_year (self, EVT_WINDOW_SAMPLE_YEAR);

  if (n_added == 0)
    show_toast (self, _("The sample data is already there"));
  else
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (ngettext ("%u sample event added",
                                           "%u sample events added", (gulong) n_added),
                                 (guint) n_added);
      show_toast (self, message);
    }
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL || self->loading_sample)
    return;

  self->loading_sample = TRUE;
  update_actions (self);

  task = g_task_new (self, self->cancellable, load_sample_done, NULL);
  g_task_set_source_tag (task, load_sample_action);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, load_sample_thread);
}

static void
year_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);

  if (g_str_equal (action_name, "win.previous-year"))
    evt_window_set_year (self, self->year - 1);
  else if (g_str_equal (action_name, "win.next-year"))
    evt_window_set_year (self, self->year + 1);
  else
    evt_window_set_year (self, get_current_year ());
}

/* The window's size is kept between runs. */

static void
restore_size (EvtWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  /* Run from the build directory without its schema: nothing to remember. */
  if (schema == NULL)
    return;

  self->settings = g_settings_new_full (schema, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
evt_window_close_request (GtkWindow *window)
{
  EvtWindow *self = EVT_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      /* The default size is the size the window has when not maximized. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (evt_window_parent_class)->close_request (window);
}

static void
evt_window_dispose (GObject *object)
{
  EvtWindow *self = (EvtWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->slow_source, g_source_remove);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  for (guint i = 0; i < N_GROUPS; i++)
    {
      MonthGroup *group = &self->groups[i];

      if (group->model == NULL)
        continue;

      g_signal_handlers_disconnect_by_data (group->model, group);
      gtk_list_box_bind_model (group->list_box, NULL, NULL, NULL, NULL);
      gtk_filter_list_model_set_model (group->model, NULL);
      g_clear_object (&group->model);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_WINDOW);

  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->sectors, g_hash_table_unref);

  G_OBJECT_CLASS (evt_window_parent_class)->dispose (object);
}

static void
evt_window_finalize (GObject *object)
{
  EvtWindow *self = (EvtWindow *)object;

  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (evt_window_parent_class)->finalize (object);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accelerator,
              const char            *action_name)
{
  GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (accelerator);

  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new (action_name)));
}

static void
evt_window_class_init (EvtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = evt_window_dispose;
  object_class->finalize = evt_window_finalize;
  window_class->close_request = evt_window_close_request;

  g_type_ensure (EVT_TYPE_EVENT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/eventail/Eventail/evt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, year_title);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, months_box);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, empty_year_page);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, empty_year_button);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, error_path_label);

  gtk_widget_class_install_action (widget_class, "win.previous-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "win.next-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "win.current-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_action);
}

static void
evt_window_init (EvtWindow *self)
{
  GtkShortcutController *shortcuts;

  self->db_count = -1;
  self->year = get_current_year ();
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  setup_groups (self);

  /* In the capture phase, so that a list row does not take Ctrl+Page Up for itself. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (shortcuts),
                                              GTK_PHASE_CAPTURE);
  add_shortcut (shortcuts, "<Control>Page_Up", "win.previous-year");
  add_shortcut (shortcuts, "<Control>Page_Down", "win.next-year");
  add_shortcut (shortcuts, "<Control>t", "win.current-year");
  add_shortcut (shortcuts, "<Control>w", "window.close");
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));

  restore_size (self);
  update_actions (self);
  update_page (self);
}

/**
 * evt_window_new:
 * @application: (nullable): the application
 * @year: the year to show first
 *
 * Creates a window that waits for its store: see evt_window_set_store() and
 * evt_window_show_error().
 *
 * Returns: (transfer full): a new window
 */
EvtWindow *
evt_window_new (GtkApplication *application,
                int             year)
{
  EvtWindow *self;

  self = g_object_new (EVT_TYPE_WINDOW, "application", application, NULL);
  evt_window_set_year (self, year);

  return self;
}

/**
 * evt_window_get_store:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the store shown, %NULL until it is open
 */
EvtStore *
evt_window_get_store (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * evt_window_set_store:
 * @self: a window
 * @store: an open store
 *
 * Shows the events of @store, reading them in worker threads.
 */
void
evt_window_set_store (EvtWindow *self,
                      EvtStore  *store)
{
  g_return_if_fail (EVT_IS_WINDOW (self));
  g_return_if_fail (EVT_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->failed = FALSE;
  self->list = evt_event_list_new (store);

  g_signal_connect_swapped (self->list, "notify::loading",
                            G_CALLBACK (on_list_loading_changed), self);
  g_signal_connect_swapped (self->list, "notify::error", G_CALLBACK (update_page), self);
  g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (update_page), self);
  g_signal_connect_swapped (self->store, "changed", G_CALLBACK (on_store_changed), self);

  for (guint i = 0; i < N_GROUPS; i++)
    gtk_filter_list_model_set_model (self->groups[i].model, G_LIST_MODEL (self->list));

  refresh_info (self);
  load_year (self);
  update_actions (self);
  update_page (self);
}

/**
 * evt_window_show_error:
 * @self: a window
 * @path: the database file
 * @error: why it could not be opened
 *
 * Shows why the store could not be opened, instead of events.
 */
void
evt_window_show_error (EvtWindow    *self,
                       const char   *path,
                       const GError *error)
{
  const char *title = _("Could Not Open the Database");
  g_autofree char *description = NULL;

  g_return_if_fail (EVT_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, EVT_STORE_ERROR, EVT_STORE_ERROR_TOO_NEW))
    title = _("Database From a Newer Eventail");
  else if (g_error_matches (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_DATABASE))
    title = _("Not an Eventail Database");

  self->failed = TRUE;
  adw_status_page_set_title (self->error_page, title);
  description = g_markup_escape_text (error->message, -1);
  adw_status_page_set_description (self->error_page, description);
  gtk_label_set_text (self->error_path_label, path);

  update_actions (self);
  update_page (self);
}

/**
 * evt_window_get_year:
 * @self: a window
 *
 * Returns: the year shown
 */
int
evt_window_get_year (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), 0);

  return self->year;
}

/**
 * evt_window_set_year:
 * @self: a window
 * @year: the year to show, clamped to what the window can show
 *
 * Shows the events of @year: only that year is read from the store.
 */
void
evt_window_set_year (EvtWindow *self,
                     int        year)
{
  g_return_if_fail (EVT_IS_WINDOW (self));

  year = CLAMP (year, EVT_WINDOW_MIN_YEAR, EVT_WINDOW_MAX_YEAR);
  if (year == self->year && self->list != NULL &&
      g_date_valid (&evt_event_list_get_query (self->list)->from))
    return;

  self->year = year;
  load_year (self);
  update_actions (self);
  update_page (self);
}

/**
 * evt_window_get_event_list:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the events of the year, %NULL before the store
 *   is open
 */
EvtEventList *
evt_window_get_event_list (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return self->list;
}

/**
 * evt_window_get_page:
 * @self: a window
 *
 * Returns: the name of the page shown: "loading", "events", "empty-year",
 *   "empty-db" or "error"
 */
const char *
evt_window_get_page (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * evt_window_is_busy:
 * @self: a window
 *
 * Returns: %TRUE while the window waits for its store, a read or the sample data
 */
gboolean
evt_window_is_busy (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), FALSE);

  if (self->failed)
    return FALSE;

  return self->store == NULL ||
         evt_event_list_get_loading (self->list) ||
         self->info_pending ||
         self->loading_sample;
}

/**
 * evt_window_get_rows:
 * @self: a window
 *
 * Returns: (transfer container) (element-type EvtEventRow): the rows shown, in order
 */
GPtrArray *
evt_window_get_rows (EvtWindow *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  g_return_val_if_fail (EVT_IS_WINDOW (self), rows);

  for (guint i = 0; i < N_GROUPS; i++)
    {
      GtkWidget *child;

      if (!gtk_widget_get_visible (self->groups[i].box))
        continue;

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

/**
 * evt_window_get_subtitle:
 * @self: a window
 *
 * Returns: (transfer none): the subtitle under the year, "12 events"
 */
const char *
evt_window_get_subtitle (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return adw_window_title_get_subtitle (self->year_title);
}

/**
 * evt_window_get_last_toast:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the title of the last toast shown
 */
const char *
evt_window_get_last_toast (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return self->last_toast;
}
