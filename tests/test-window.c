/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window on a real display over a real SQLite file (suite display). */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "evt-date-format.h"
#include "evt-demo.h"
#include "evt-event-row.h"
#include "evt-window-private.h"

/* A bound on waiting for worker threads, so that a hang fails instead of blocking;
 * it says nothing about speed. */
#define WAIT_SECONDS 30

typedef struct
{
  char      *dir;
  char      *path;
  EvtStore  *store;
  EvtWindow *window;
} Fixture;

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until @window has read what it was waiting for. The
 * context is held all along, as g_main_loop_run() would: the store's worker threads
 * then hand their "changed" signal to this thread instead of emitting it themselves. */
static void
wait_for_window (EvtWindow *window)
{
  gboolean timed_out = FALSE;
  guint timeout_id;

  timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_timeout, &timed_out);
  g_assert_true (g_main_context_acquire (NULL));

  while (!timed_out && evt_window_is_busy (window))
    g_main_context_iteration (NULL, TRUE);

  /* Let whatever the last answer queued (a "changed" emission, a redraw) run too. */
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  while (!timed_out && evt_window_is_busy (window))
    g_main_context_iteration (NULL, TRUE);

  g_main_context_release (NULL);

  if (timed_out)
    g_error ("The window was still busy after %d s, on page “%s”", WAIT_SECONDS,
             evt_window_get_page (window));
  g_source_remove (timeout_id);
}

static void
fixture_open_store (Fixture  *fixture,
                    gboolean  with_sample)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("eventail-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "eventail.db", NULL);
  fixture->store = evt_store_new (fixture->path);
  evt_store_open (fixture->store, NULL, &error);
  g_assert_no_error (error);

  if (with_sample)
    {
      guint n_added = 0;

      evt_demo_load (fixture->store, &n_added, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n_added, >, 12);
    }
}

static void
fixture_show_window (Fixture *fixture,
                     int      year)
{
  fixture->window = g_object_ref_sink (evt_window_new (NULL, year));
  evt_window_set_store (fixture->window, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_window (fixture->window);
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fixture->window != NULL)
    {
      GtkWindow *window = GTK_WINDOW (fixture->window);
      gboolean timed_out = FALSE;
      guint timeout_id;

      /* Wait for the window's worker threads, which hold it, to be done. */
      g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
      gtk_window_destroy (window);
      g_object_unref (window);

      timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_timeout, &timed_out);
      g_assert_true (g_main_context_acquire (NULL));
      while (fixture->window != NULL && !timed_out)
        g_main_context_iteration (NULL, TRUE);
      g_main_context_release (NULL);
      g_assert_null (fixture->window);
      g_source_remove (timeout_id);
    }

  g_clear_object (&fixture->store);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

/* The titles of @year's events as the store sorts them, the order the window shows. */
static GPtrArray *
query_titles (EvtStore *store,
              int       year)
{
  g_autoptr(EvtQuery) query = evt_query_new ();
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  evt_query_set_year (query, year);
  events = evt_store_query (store, query, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (titles, g_strdup (evt_event_get_title (g_ptr_array_index (events, i))));

  return titles;
}

static void
assert_rows_match_store (Fixture *fixture,
                         int      year)
{
  g_autoptr(GPtrArray) rows = evt_window_get_rows (fixture->window);
  g_autoptr(GPtrArray) titles = query_titles (fixture->store, year);

  g_assert_cmpuint (rows->len, ==, titles->len);
  for (guint i = 0; i < rows->len; i++)
    {
      EvtEventRow *row = g_ptr_array_index (rows, i);
      EvtEvent *event = evt_event_row_get_event (row);

      g_assert_cmpstr (evt_event_row_get_title (row), ==, g_ptr_array_index (titles, i));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));

      /* Cancelled rows, and only they, are struck through, with the reason shown. */
      if (evt_event_get_status (event) == EVT_STATUS_CANCELLED)
        {
          g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "cancelled"));
          g_assert_cmpstr (evt_event_row_get_note (row), ==,
                           evt_event_get_status_reason (event));
        }
      else
        g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "cancelled"));
    }
}

static guint
count_events (EvtWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (evt_window_get_event_list (window)));
}

static void
test_sample_years (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  gboolean found_postponed = FALSE;

  fixture_open_store (&fixture, TRUE);
  fixture_show_window (&fixture, 2021);

  /* 2021: the twelve shows of the programme, all cancelled by the health crisis. */
  g_assert_cmpint (evt_window_get_year (fixture.window), ==, 2021);
  g_assert_cmpstr (evt_window_get_page (fixture.window), ==, "events");
  g_assert_cmpuint (count_events (fixture.window), ==, 12);
  g_assert_cmpstr (evt_window_get_subtitle (fixture.window), ==, "12 events");
  assert_rows_match_store (&fixture, 2021);

  rows = evt_window_get_rows (fixture.window);
  g_assert_cmpuint (rows->len, ==, 12);
  g_assert_cmpstr (evt_event_row_get_title (g_ptr_array_index (rows, 0)), ==,
                   "Global Industrie");
  g_assert_cmpstr (evt_event_row_get_details (g_ptr_array_index (rows, 0)), ==,
                   "March 16–19, 2021 · Lyon · Trade show");
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (rows, i), "cancelled"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The next year, through the window's action. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.next-year", NULL);
  wait_for_window (fixture.window);
  g_assert_cmpint (evt_window_get_year (fixture.window), ==, 2022);
  g_assert_cmpstr (evt_window_get_page (fixture.window), ==, "events");
  g_assert_cmpstr (evt_window_get_subtitle (fixture.window), ==, "9 events");
  assert_rows_match_store (&fixture, 2022);

  rows = evt_window_get_rows (fixture.window);
  for (guint i = 0; i < rows->len; i++)
    {
      EvtEventRow *row = g_ptr_array_index (rows, i);

      if (evt_event_get_status (evt_event_row_get_event (row)) != EVT_STATUS_POSTPONED)
        continue;
      found_postponed = TRUE;
      g_assert_true (g_str_has_prefix (evt_event_row_get_details (row), "October 13, 2022 · "));
      g_assert_cmpstr (evt_event_row_get_note (row), ==,
                       "First planned September 15, 2022 — Moved at the request of the "
                       "partner school (ISIFC)");
    }
  g_assert_true (found_postponed);

  /* A year without events, the database not empty. */
  evt_window_set_year (fixture.window, 2023);
  wait_for_window (fixture.window);
  g_assert_cmpstr (evt_window_get_page (fixture.window), ==, "empty-year");
  g_assert_cmpstr (evt_window_get_subtitle (fixture.window), ==, "No events");
  g_assert_cmpuint (count_events (fixture.window), ==, 0);

  /* And back: the switcher still works from the empty page. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.previous-year", NULL);
  wait_for_window (fixture.window);
  g_assert_cmpint (evt_window_get_year (fixture.window), ==, 2022);
  g_assert_cmpstr (evt_window_get_page (fixture.window), ==, "events");
  assert_rows_match_store (&fixture, 2022);

  fixture_tear_down (&fixture);
}

static void
test_empty_database (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *toast = NULL;
  gint64 n_events;

  fixture_open_store (&fixture, FALSE);
  fixture_show_window (&fixture, 2023);

  g_assert_cmpstr (evt_window_get_page (fixture.window), ==, "empty-db");

  /* The database stays empty in another year. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.next-year", NULL);
  wait_for_window (fixture.window);
  g_assert_cmpint (evt_window_get_year (fixture.window), ==, 2024);
  g_assert_cmpstr (evt_window_get_page (fixture.window), ==, "empty-db");

  /* Loading the sample data fills the database and shows 2021. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.load-sample", NULL);
  g_assert_true (evt_window_is_busy (fixture.window));
  wait_for_window (fixture.window);

  g_assert_cmpint (evt_window_get_year (fixture.window), ==, 2021);
  g_assert_cmpstr (evt_window_get_page (fixture.window), ==, "events");
  n_events = evt_store_count_events (fixture.store, NULL);
  g_assert_cmpint (n_events, >, 12);
  toast = g_strdup_printf ("%" G_GINT64_FORMAT " sample events added", n_events);
  g_assert_cmpstr (evt_window_get_last_toast (fixture.window), ==, toast);
  rows = evt_window_get_rows (fixture.window);
  g_assert_cmpuint (rows->len, ==, 12);
  assert_rows_match_store (&fixture, 2021);

  /* A second time adds nothing, and says so. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.load-sample", NULL);
  wait_for_window (fixture.window);
  g_assert_cmpstr (evt_window_get_last_toast (fixture.window), ==,
                   "The sample data is already there");
  g_assert_cmpint (evt_store_count_events (fixture.store, NULL), ==, n_events);

  fixture_tear_down (&fixture);
}

static void
test_corrupt_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *contents = NULL;
  Fixture fixture = { 0 };
  EvtWindow *window;

  fixture.dir = g_dir_make_tmp ("eventail-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture.path = g_build_filename (fixture.dir, "eventail.db", NULL);
  g_file_set_contents (fixture.path, "This is not a database, but a letter.\n", -1, &error);
  g_assert_no_error (error);

  fixture.store = evt_store_new (fixture.path);
  g_assert_false (evt_store_open (fixture.store, NULL, &error));
  g_assert_nonnull (error);

  window = g_object_ref_sink (evt_window_new (NULL, 2021));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (evt_window_get_page (window), ==, "loading");
  evt_window_show_error (window, fixture.path, error);
  wait_for_window (window);

  g_assert_cmpstr (evt_window_get_page (window), ==, "error");
  g_assert_false (evt_window_is_busy (window));
  rows = evt_window_get_rows (window);
  g_assert_cmpuint (rows->len, ==, 0);

  /* The file is left as it was. */
  g_file_get_contents (fixture.path, &contents, NULL, &read_error);
  g_assert_no_error (read_error);
  g_assert_cmpstr (contents, ==, "This is not a database, but a letter.\n");

  fixture.window = window;
  fixture_tear_down (&fixture);
}

static void
test_page_choice (void)
{
  EvtWindowState state = { .has_store = TRUE, .db_count = 21,
                           .current = EVT_WINDOW_PAGE_EVENTS };

  /* A quick reload keeps the page; a slow one shows the spinner. */
  state.list_loading = TRUE;
  g_assert_cmpint (evt_window_state_get_page (&state), ==, EVT_WINDOW_PAGE_EVENTS);
  state.slow = TRUE;
  g_assert_cmpint (evt_window_state_get_page (&state), ==, EVT_WINDOW_PAGE_LOADING);

  state.list_loading = FALSE;
  state.slow = FALSE;
  state.n_items = 3;
  g_assert_cmpint (evt_window_state_get_page (&state), ==, EVT_WINDOW_PAGE_EVENTS);

  state.n_items = 0;
  g_assert_cmpint (evt_window_state_get_page (&state), ==, EVT_WINDOW_PAGE_EMPTY_YEAR);
  state.db_count = 0;
  g_assert_cmpint (evt_window_state_get_page (&state), ==, EVT_WINDOW_PAGE_EMPTY_DB);
  state.db_count = -1;
  g_assert_cmpint (evt_window_state_get_page (&state), ==, EVT_WINDOW_PAGE_LOADING);

  state.has_store = FALSE;
  g_assert_cmpint (evt_window_state_get_page (&state), ==, EVT_WINDOW_PAGE_LOADING);
  state.failed = TRUE;
  g_assert_cmpint (evt_window_state_get_page (&state), ==, EVT_WINDOW_PAGE_ERROR);

  g_assert_cmpstr (evt_window_page_to_string (EVT_WINDOW_PAGE_EMPTY_DB), ==, "empty-db");
}

static GDateTime *
day (int year,
     int month,
     int mday)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  return g_date_time_new (tz, year, month, mday, 0, 0, 0);
}

static GDateTime *
instant (int year,
         int month,
         int mday,
         int hour,
         int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  return g_date_time_new (tz, year, month, mday, hour, minute, 0);
}

static void
assert_range (GDateTime  *start,
              GDateTime  *end,
              gboolean    all_day,
              const char *expected)
{
  g_autofree char *text = evt_format_date_range (start, end, all_day);

  g_assert_cmpstr (text, ==, expected);
  g_date_time_unref (start);
  if (end != NULL)
    g_date_time_unref (end);
}

static void
test_date_format (void)
{
  g_autofree char *march = evt_format_month_name (3);

  /* The untranslated (English) formats, as LC_ALL=C.UTF-8 gives them. */
  assert_range (day (2021, 9, 16), NULL, TRUE, "September 16, 2021");
  assert_range (day (2021, 9, 16), day (2021, 9, 16), TRUE, "September 16, 2021");
  assert_range (day (2021, 3, 16), day (2021, 3, 19), TRUE, "March 16–19, 2021");
  assert_range (day (2021, 9, 28), day (2021, 10, 1), TRUE, "September 28 – October 1, 2021");
  assert_range (day (2021, 12, 30), day (2022, 1, 2), TRUE,
                "December 30, 2021 – January 2, 2022");
  assert_range (instant (2022, 2, 10, 14, 0), instant (2022, 2, 10, 15, 30), FALSE,
                "February 10, 2022, 14:00–15:30");
  assert_range (instant (2022, 2, 10, 14, 0), instant (2022, 2, 10, 14, 0), FALSE,
                "February 10, 2022, 14:00");
  assert_range (instant (2022, 2, 10, 14, 0), instant (2022, 2, 11, 12, 0), FALSE,
                "February 10, 2022, 14:00 – February 11, 2022, 12:00");
  g_assert_cmpstr (march, ==, "March");
}

/* The shortcuts the window answers are the ones the shortcuts window lists. */
static void
test_shortcuts (void)
{
  static const struct { const char *accel; const char *action; } expected[] = {
    { "<Control>Page_Up", "win.previous-year" },
    { "<Control>Page_Down", "win.next-year" },
    { "<Control>t", "win.current-year" },
    { "<Control>w", "window.close" },
  };
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GSList) objects = NULL;
  EvtWindow *window;

  window = g_object_ref_sink (evt_window_new (NULL, 2021));
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_NAMED_ACTION (action))
            g_hash_table_replace (actions, gtk_shortcut_trigger_to_string (trigger),
                                  g_strdup (gtk_named_action_get_action_name (
                                    GTK_NAMED_ACTION (action))));
        }
    }

  builder = gtk_builder_new_from_resource ("/io/github/eventail/Eventail/gtk/help-overlay.ui");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accel = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accel, NULL);
      if (accel != NULL)
        g_hash_table_add (listed, g_steal_pointer (&accel));
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (g_hash_table_lookup (actions, expected[i].accel), ==, expected[i].action);
      g_assert_true (g_hash_table_contains (listed, expected[i].accel));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static void
on_css_error (GtkCssProvider *provider,
              GtkCssSection  *section,
              const GError   *error,
              gpointer        user_data)
{
  g_autofree char *where = gtk_css_section_to_string (section);

  g_error ("style.css: %s: %s", where, error->message);
}

/* AdwApplication loads style.css by itself; without one, load it here so that a
 * mistake in it fails. */
static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  g_signal_connect (provider, "parsing-error", G_CALLBACK (on_css_error), NULL);
  gtk_css_provider_load_from_resource (provider, "/io/github/eventail/Eventail/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("TZ", "Europe/Paris", TRUE);

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under xvfb-run\n");
      return 77;
    }
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  load_style ();

  g_test_add_func ("/window/page-choice", test_page_choice);
  g_test_add_func ("/window/date-format", test_date_format);
  g_test_add_func ("/window/sample-years", test_sample_years);
  g_test_add_func ("/window/empty-database", test_empty_database);
  g_test_add_func ("/window/corrupt-database", test_corrupt_database);
  g_test_add_func ("/window/shortcuts", test_shortcuts);

  return g_test_run ();
}
