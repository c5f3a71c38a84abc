/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-application.c: the application: options, store, windows and app actions. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-application.h"
#include "evt-cli.h"
#include "evt-feed-writer.h"
#include "evt-preferences-window.h"
#include "evt-ui.h"
#include "evt-window-private.h"

struct _EvtApplication
{
  AdwApplication  parent_instance;

  EvtStore       *store;      /* NULL until the first window asks for it */
  GError         *open_error; /* why the store could not be opened */
  gboolean        opened;
  EvtFeedWriter  *feed_writer; /* rewrites the feeds when events change */
  char           *feed_error;  /* the last error it told */
  gboolean        verify_started;
  /* The first window's year, asked for while the store opens: see show_window(). */
  EvtEventList   *first_events;
};

G_DEFINE_FINAL_TYPE (EvtApplication, evt_application, ADW_TYPE_APPLICATION)

#define RESOURCE_PATH "/io/github/eventail/Eventail"

static const GOptionEntry option_entries[] = {
  { "year", 'y', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Show the events of YEAR"), N_("YEAR") },
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database in FILE (default: $EVENTAIL_DATABASE, else the user data folder)"),
    N_("FILE") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

/**
 * evt_application_parse_year:
 * @text: what was typed, "2021"
 * @year: (out): the year
 * @error: return location for a #GError
 *
 * Reads a year given on the command line.
 *
 * Returns: %TRUE if @text is a year the window can show
 */
gboolean
evt_application_parse_year (const char  *text,
                            int         *year,
                            GError     **error)
{
  gint64 value;

  if (text == NULL ||
      !g_ascii_string_to_signed (text, 10, EVT_WINDOW_MIN_YEAR, EVT_WINDOW_MAX_YEAR, &value,
                                 NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: a bad value of --year, then the accepted range */
                   _("Invalid year “%s”: give a year from %d to %d, such as 2021"),
                   text ? text : "", EVT_WINDOW_MIN_YEAR, EVT_WINDOW_MAX_YEAR);
      return FALSE;
    }

  *year = (int) value;
  return TRUE;
}

static int
get_current_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

static void
give_store (EvtApplication *self,
            EvtWindow      *window)
{
  if (!self->opened)
    return;

  if (self->open_error != NULL)
    evt_window_show_error (window, evt_store_get_path (self->store), self->open_error);
  else if (evt_window_get_store (window) == NULL)
    evt_window_set_store_full (window, self->store, self->first_events);
  g_clear_object (&self->first_events);
}

/* Feeds: rewritten in a thread a moment after events change; a failure is told once. */
static void
feeds_written (EvtFeedWriter  *writer,
               guint           n_feeds,
               const char     *error,
               EvtApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (error != NULL && g_strcmp0 (error, self->feed_error) != 0 && EVT_IS_WINDOW (window))
    {
      AdwToast *toast = adw_toast_new (error);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (evt_window_get_toast_overlay (EVT_WINDOW (window)), toast);
    }

  g_free (self->feed_error);
  self->feed_error = g_strdup (error);
}

static void
start_feed_writer (EvtApplication *self)
{
  self->feed_writer = evt_feed_writer_new (self->store);
  g_signal_connect_object (self->feed_writer, "written", G_CALLBACK (feeds_written), self, 0);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "preferences")),
                               TRUE);
}

static void
give_store_to_windows (EvtApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (EVT_IS_WINDOW (l->data))
        give_store (self, EVT_WINDOW (l->data));
    }
}

/* The integrity check that the opening left for later: a damaged file replaces the
 * events with the error page, and the store refuses every write. */
static void
verify_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EvtApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (evt_store_verify_finish (EVT_STORE (object), result, &error))
    return;

  g_warning ("Could not open %s: %s", evt_store_get_path (self->store), error->message);
  g_clear_object (&self->feed_writer);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "preferences")),
                               FALSE);
  g_clear_error (&self->open_error);
  self->open_error = g_steal_pointer (&error);
  give_store_to_windows (self);
}

static void
start_verify (EvtApplication *self)
{
  if (self->verify_started)
    return;
  self->verify_started = TRUE;
  evt_store_verify_async (self->store, NULL, verify_done, g_object_ref (self));
}

/* The check reads the whole file: it waits until the window has read and shown the
 * year (EvtWindow::year-shown), so that the two do not compete for the processor.
 * Writes wait for it meanwhile. */
static void
queue_verify (EvtApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!EVT_IS_WINDOW (window) || evt_window_get_year_shown (EVT_WINDOW (window)))
    start_verify (self);
  else
    g_signal_connect_object (window, "year-shown", G_CALLBACK (start_verify), self,
                             G_CONNECT_SWAPPED);
}

static void
open_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(EvtApplication) self = user_data;

  self->opened = TRUE;
  if (!evt_store_open_finish (EVT_STORE (object), result, &self->open_error))
    g_warning ("Could not open %s: %s", evt_store_get_path (self->store),
               self->open_error->message);
  else
    start_feed_writer (self);

  give_store_to_windows (self);
  if (self->open_error == NULL)
    queue_verify (self);

  g_application_release (G_APPLICATION (self));
}

/* The store is opened in a worker thread: the window shows at once, with a spinner
 * until the file is open. */
static void
ensure_store (EvtApplication *self,
              const char     *path)
{
  g_autofree char *resolved = NULL;

  if (self->store != NULL)
    return;

  resolved = evt_store_resolve_path (path);
  self->store = evt_store_new (resolved);

  g_application_hold (G_APPLICATION (self));
  evt_store_open_async (self->store, NULL, open_done, g_object_ref (self));
}

/* Benchmarks (tests/bench): EVENTAIL_BENCH_START holds the parent's
 * g_get_monotonic_time() at the spawn. The window then prints when it painted its first
 * frame and its first frame with the year's events (ms since the spawn), and the peak
 * memory, then quits. */
static void
bench_after_paint (GdkFrameClock *clock,
                   EvtWindow     *window)
{
  gint64 start = g_ascii_strtoll (g_getenv ("EVENTAIL_BENCH_START"), NULL, 10);
  double ms = (g_get_monotonic_time () - start) / 1000.0;
  g_autofree char *status = NULL;
  const char *hwm;

  if (g_object_get_data (G_OBJECT (window), "bench-painted") == NULL)
    g_print ("bench first-frame %.2f\n", ms);
  g_object_set_data (G_OBJECT (window), "bench-painted", window);

  if (evt_window_get_store (window) == NULL ||
      evt_event_list_get_loading (evt_window_get_event_list (window)) ||
      g_str_equal (evt_window_get_page (window), "loading"))
    return;

  g_print ("bench content %.2f %s\n", ms, evt_window_get_page (window));
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (hwm = strstr (status, "VmHWM:")) != NULL)
    g_print ("bench vmhwm-kb %" G_GINT64_FORMAT "\n", g_ascii_strtoll (hwm + 6, NULL, 10));
  g_signal_handlers_disconnect_by_func (clock, bench_after_paint, window);
  g_application_quit (g_application_get_default ());
}

static void
bench_on_realize (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (bench_after_paint), window, 0);
}

/* The keyboard shortcuts window (Ctrl+?), built the first time it is asked for
 * rather than with every main window as GtkApplication would: then GTK's own action
 * takes over. */
static void
show_help_overlay_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkApplicationWindow *window = user_data;
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH
                                                                 "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  if (!GTK_IS_SHORTCUTS_WINDOW (overlay))
    return;

  /* GTK adds its action only where there is none. */
  g_object_ref (action);
  g_action_map_remove_action (G_ACTION_MAP (window), "show-help-overlay");
  gtk_application_window_set_help_overlay (window, GTK_SHORTCUTS_WINDOW (overlay));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  g_object_unref (action);
}

static void
add_help_overlay_action (GtkWindow *window)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-help-overlay", NULL);

  g_signal_connect_object (action, "activate", G_CALLBACK (show_help_overlay_action),
                           window, 0);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
}

static void
show_window (EvtApplication *self,
             int             year)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (EVT_IS_WINDOW (window))
    evt_window_set_year (EVT_WINDOW (window), year);
  else
    {
      /* The year is read while the store opens and the window is built: the first
       * frame then often shows its events already (tests/bench). */
      if (!self->opened && self->first_events == NULL)
        {
          g_autoptr(EvtQuery) query = evt_query_new ();

          evt_query_set_year (query, year);
          self->first_events = evt_event_list_new (self->store);
          evt_event_list_set_query (self->first_events, query);
        }
      window = GTK_WINDOW (evt_window_new (GTK_APPLICATION (self), year));
      add_help_overlay_action (window);
      if (g_getenv ("EVENTAIL_BENCH_START") != NULL)
        g_signal_connect (window, "realize", G_CALLBACK (bench_on_realize), NULL);
      give_store (self, EVT_WINDOW (window));
    }

  gtk_window_present (window);
}

static void
evt_application_activate (GApplication *app)
{
  EvtApplication *self = EVT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  ensure_store (self, NULL);

  if (window != NULL)
    gtk_window_present (window);
  else
    show_window (self, get_current_year ());
}

static int
evt_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  const char *text = NULL;
  int year;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("eventail %s\n", PACKAGE_VERSION);
      return EVT_CLI_OK;
    }

  if (g_variant_dict_lookup (options, "year", "&s", &text))
    {
      g_autoptr(GError) error = NULL;

      if (!evt_application_parse_year (text, &year, &error))
        {
          g_printerr ("eventail: %s\n", error->message);
          g_printerr (_("Run “eventail --help” to see the options.\n"));
          return EVT_CLI_USAGE;
        }
    }

  /* Another database is another application: do not hand the command line to a
   * running instance that shows a different file. */
  if (g_variant_dict_contains (options, "database"))
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static int
evt_application_command_line (GApplication            *app,
                              GApplicationCommandLine *command_line)
{
  EvtApplication *self = EVT_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *path = NULL;
  const char *database = NULL;
  const char *text = NULL;
  int year = get_current_year ();

  if (g_variant_dict_lookup (options, "year", "&s", &text) &&
      !evt_application_parse_year (text, &year, NULL))
    return EVT_CLI_USAGE;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              database);
      path = g_file_get_path (file);
    }

  ensure_store (self, path);
  show_window (self, year);

  return EVT_CLI_OK;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing, not destroying, lets each window save its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = {
    "The Eventail developers",
    NULL
  };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Eventail"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Eventail developers"),
                        "developers", developers,
                        "comments", _("Plan a year of trade shows, congresses and webinars, "
                                      "and share it as calendar feeds"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2024 The Eventail developers",
                        /* Translators: your names, one per line, shown in the About window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
load_sample_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  EvtApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!EVT_IS_WINDOW (window))
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.load-sample", NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  EvtApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store == NULL || self->open_error != NULL || !self->opened)
    return;

  gtk_window_present (GTK_WINDOW (evt_preferences_window_new (window, self->store)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "load-sample", load_sample_action },
  { "preferences", preferences_action },
};

/* What GtkApplication and AdwApplication would load from the resource base path,
 * less the shortcuts window that GtkApplication would build with every window. */
static void
load_resources (GApplication *app)
{
  static const char *help_accels[] = { "<Control>question", NULL };
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  g_application_set_resource_base_path (app, RESOURCE_PATH);
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                    RESOURCE_PATH "/icons");
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         help_accels);
}

static void
evt_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (evt_application_parent_class)->startup (app);
  load_resources (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
  /* Until the store is open. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app),
                                                                            "preferences")),
                               FALSE);
  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
evt_application_dispose (GObject *object)
{
  EvtApplication *self = (EvtApplication *)object;

  g_clear_object (&self->first_events);
  g_clear_object (&self->feed_writer);
  g_clear_pointer (&self->feed_error, g_free);
  g_clear_object (&self->store);
  g_clear_error (&self->open_error);

  G_OBJECT_CLASS (evt_application_parent_class)->dispose (object);
}

static void
evt_application_class_init (EvtApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = evt_application_dispose;
  app_class->activate = evt_application_activate;
  app_class->startup = evt_application_startup;
  app_class->handle_local_options = evt_application_handle_local_options;
  app_class->command_line = evt_application_command_line;
}

static void
evt_application_init (EvtApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Without a command, opens the window. "
                                              "Run “eventail help” for the commands."));
}

/**
 * evt_application_new:
 *
 * Returns: (transfer full): the application
 */
EvtApplication *
evt_application_new (void)
{
  return g_object_new (EVT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       /* Set at startup, once GTK has not loaded what it holds: see
                        * load_resources(). */
                       "resource-base-path", NULL,
                       NULL);
}

/**
 * evt_application_get_store:
 * @self: the application
 *
 * Returns: (transfer none) (nullable): the store, %NULL before a window asked for it
 */
EvtStore *
evt_application_get_store (EvtApplication *self)
{
  g_return_val_if_fail (EVT_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * evt_ui_run:
 * @argc: the number of arguments
 * @argv: the arguments
 *
 * Runs the window: parses --year and --database, opens the store, shows the year.
 *
 * Returns: the exit status
 */
int
evt_ui_run (int    argc,
            char **argv)
{
  g_autoptr(EvtApplication) app = NULL;

  g_set_application_name (_("Eventail"));
  app = evt_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
