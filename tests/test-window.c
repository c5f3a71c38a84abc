/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window on a real display over a real SQLite file (suite display). */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "evt-agenda-view.h"
#include "evt-date-format.h"
#include "evt-demo.h"
#include "evt-event-page-private.h"
#include "evt-event-row.h"
#include "evt-followups-view.h"
#include "evt-list-view-private.h"
#include "evt-people.h"
#include "evt-planning.h"
#include "evt-test-util.h"
#include "evt-window-private.h"
#include "evt-year-view.h"

typedef struct
{
  char      *dir;
  char      *path;
  EvtStore  *store;
  EvtWindow *window;
} Fixture;

static gboolean
window_idle (gpointer window)
{
  return !evt_window_is_busy (window);
}

/* Iterates the main context until @window has read what it was waiting for; twice, as
 * what the last answer queued (a "changed" emission, a redraw) may start more. */
static void
wait_for_window (EvtWindow *window)
{
  evt_test_wait_until (window_idle, window, "the window to be idle");
  evt_test_wait_until (window_idle, window, "the window to be idle");
}

static GtkWidget *get_child (EvtWindow  *window,
                             const char *name);

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

static GSettings *
get_settings (void)
{
  return g_settings_new (APPLICATION_ID);
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

      /* Wait for the window's worker threads, which hold it, to be done. */
      g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
      gtk_window_destroy (window);
      g_object_unref (window);
      evt_test_wait_until (evt_test_is_cleared, &fixture->window, "the window to be finalized");
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

/* The application asks for the first window's year while the store opens: the window
 * shows that list as it is, without reading the year again; a list of another year is
 * not used. */
static void
test_given_events (void)
{
  Fixture fixture = { 0 };
  g_autoptr(EvtEventList) events = NULL;
  g_autoptr(EvtEventList) other = NULL;
  g_autoptr(EvtQuery) query = evt_query_new ();
  g_autoptr(EvtEvent) first = NULL;
  g_autoptr(EvtEvent) shown = NULL;
  EvtWindow *second;

  fixture_open_store (&fixture, TRUE);
  events = evt_event_list_new (fixture.store);
  evt_query_set_year (query, 2021);
  evt_event_list_set_query (events, query);
  while (evt_event_list_get_loading (events))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (events)), ==, 12);
  first = g_list_model_get_item (G_LIST_MODEL (events), 0);

  fixture.window = g_object_ref_sink (evt_window_new (NULL, 2021));
  evt_window_set_store_full (fixture.window, fixture.store, events);
  g_assert_true (evt_window_get_event_list (fixture.window) == events);
  /* Read already: nothing to wait for. */
  g_assert_false (evt_event_list_get_loading (events));
  gtk_window_present (GTK_WINDOW (fixture.window));
  wait_for_window (fixture.window);
  g_assert_cmpstr (evt_window_get_subtitle (fixture.window), ==, "12 events");
  shown = g_list_model_get_item (G_LIST_MODEL (evt_window_get_event_list (fixture.window)), 0);
  g_assert_true (shown == first);

  /* A list of 2022 for a window on 2021 is read again for 2021. */
  other = evt_event_list_new (fixture.store);
  evt_query_set_year (query, 2022);
  evt_event_list_set_query (other, query);
  second = g_object_ref_sink (evt_window_new (NULL, 2021));
  evt_window_set_store_full (second, fixture.store, other);
  wait_for_window (second);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (evt_window_get_event_list (second))),
                    ==, 12);
  g_assert_cmpstr (evt_window_get_subtitle (second), ==, "12 events");
  gtk_window_destroy (GTK_WINDOW (second));
  g_object_unref (second);

  fixture_tear_down (&fixture);
}

static GtkWidget *
get_child (EvtWindow  *window,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), EVT_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* The view that the window builds in the bin @bin_name when first shown. */
static GtkWidget *
get_built_view (EvtWindow  *window,
                const char *bin_name)
{
  GtkWidget *view = adw_bin_get_child (ADW_BIN (get_child (window, bin_name)));

  g_assert_nonnull (view);
  return view;
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static gboolean
year_shown (gpointer window)
{
  return evt_window_get_year_shown (window);
}

/* "year-shown" comes once, after the frame that shows the year first read; a window
 * that does not draw gets it within a second all the same, and the Follow-ups their
 * store then (with their badge). */
static void
test_year_shown (void)
{
  Fixture fixture = { 0 };
  guint n_shown = 0;
  GtkWidget *followups;

  fixture_open_store (&fixture, TRUE);
  fixture.window = g_object_ref_sink (evt_window_new (NULL, 2022));
  g_signal_connect (fixture.window, "year-shown", G_CALLBACK (count_signal), &n_shown);
  evt_window_set_store (fixture.window, fixture.store);

  /* Not presented: no frame will come. */
  wait_for_window (fixture.window);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture.window)));
  g_assert_null (adw_bin_get_child (ADW_BIN (get_child (fixture.window, "followups_bin"))));
  evt_test_wait_until (year_shown, fixture.window, "the year to count as shown");
  g_assert_cmpuint (n_shown, ==, 1);
  followups = get_built_view (fixture.window, "followups_bin");
  g_assert_true (evt_followups_view_get_store (EVT_FOLLOWUPS_VIEW (followups)) == fixture.store);

  /* Another year read and drawn: not again. */
  gtk_window_present (GTK_WINDOW (fixture.window));
  evt_window_set_year (fixture.window, 2021);
  wait_for_window (fixture.window);
  g_assert_cmpuint (n_shown, ==, 1);

  fixture_tear_down (&fixture);
}

/* The agenda shows the months (@page "events"), or the status page of an empty year
 * titled @title ("empty"), with its icon. */
static void
assert_agenda_page (GtkWidget  *agenda,
                    const char *page,
                    const char *title)
{
  GObject *stack = gtk_widget_get_template_child (agenda, EVT_TYPE_AGENDA_VIEW, "stack");
  GObject *empty = gtk_widget_get_template_child (agenda, EVT_TYPE_AGENDA_VIEW, "empty_page");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, page);
  if (title != NULL)
    {
      g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, title);
      g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (empty)), ==,
                       "x-office-calendar-symbolic");
    }
}

static void
test_sample_years (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *agenda;
  gboolean found_postponed = FALSE;

  fixture_open_store (&fixture, TRUE);
  fixture_show_window (&fixture, 2021);
  /* The agenda: one row per event, under its month. It is built when first shown. */
  g_assert_null (adw_bin_get_child (ADW_BIN (get_child (fixture.window, "agenda_bin"))));
  evt_window_set_view (fixture.window, "agenda");
  wait_for_window (fixture.window);
  agenda = get_built_view (fixture.window, "agenda_bin");
  g_assert_true (gtk_widget_get_mapped (agenda));
  assert_agenda_page (agenda, "events", NULL);
  /* The window's status pages join it only when first needed. */
  g_assert_null (gtk_widget_get_parent (get_child (fixture.window, "empty_db_page")));
  g_assert_null (gtk_widget_get_parent (get_child (fixture.window, "error_page")));

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
  assert_agenda_page (agenda, "empty", "No Events in 2023");

  /* And back: the switcher still works from the empty page. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.previous-year", NULL);
  wait_for_window (fixture.window);
  g_assert_cmpint (evt_window_get_year (fixture.window), ==, 2022);
  g_assert_cmpstr (evt_window_get_page (fixture.window), ==, "events");
  assert_rows_match_store (&fixture, 2022);
  assert_agenda_page (agenda, "events", NULL);

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
  evt_window_set_view (fixture.window, "agenda");

  g_assert_cmpstr (evt_window_get_page (fixture.window), ==, "empty-db");
  /* The status page joins the window, with its icon, when first shown. */
  wait_for_window (fixture.window);
  g_assert_true (gtk_widget_get_mapped (get_child (fixture.window, "empty_db_page")));
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (get_child (fixture.window,
                                                                             "empty_db_page"))),
                   ==, "x-office-calendar-symbolic");

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
  g_assert_true (gtk_widget_get_mapped (get_child (window, "error_page")));
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (get_child (window,
                                                                             "error_page"))),
                   ==, "dialog-error-symbolic");
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
    { "<Control>1", "win.show-view" },
    { "<Control>2", "win.show-view" },
    { "<Control>3", "win.show-view" },
    { "<Control>4", "win.show-view" },
    { "<Control>5", "win.show-view" },
    { "<Control>f", "win.search" },
    { "<Control>n", "win.new-event" },
    { "<Control>d", "win.duplicate-event" },
    { "<Shift><Control>n", "win.plan-next-edition" },
    { "Delete", "win.delete-event" },
    { "<Control>z", "win.undo-last" },
    { "<Shift>F10", "win.event-menu" },
    { "Menu", "win.event-menu" },
    { "Escape", "win.go-back" },
    { "<Alt>Left", "win.go-back" },
    { "<Control>o", "win.import" },
    { "<Control>e", "win.export" },
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
        {
          g_auto(GStrv) accels = g_strsplit (accel, " ", -1);

          /* One line may list several accelerators: "Escape <Alt>Left". */
          for (guint i = 0; accels[i] != NULL; i++)
            g_hash_table_add (listed, g_strdup (accels[i]));
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (g_hash_table_lookup (actions, expected[i].accel), ==, expected[i].action);
      g_assert_true (g_hash_table_contains (listed, expected[i].accel));
    }

  /* And the window has no shortcut that the shortcuts window leaves out. */
  g_assert_cmpuint (g_hash_table_size (actions), ==, G_N_ELEMENTS (expected));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static const char * const test_view_names[] = { "year", "list", "agenda" };

/* The actions on events, as a planner uses them. */

/* The event of @year titled @title, read from the store. */
static EvtEvent *
find_event (EvtStore   *store,
            int         year,
            const char *title)
{
  g_autoptr(EvtQuery) query = evt_query_new ();
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  evt_query_set_year (query, year);
  events = evt_store_query (store, query, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < events->len; i++)
    {
      EvtEvent *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (evt_event_get_title (event), title) == 0)
        return g_object_ref (event);
    }

  return NULL;
}

static EvtEvent *
reread (EvtStore *store,
        EvtEvent *event)
{
  g_autoptr(GError) error = NULL;
  EvtEvent *fresh = evt_store_get_event_by_uid (store, evt_event_get_uid (event), &error);

  g_assert_no_error (error);
  g_assert_nonnull (fresh);
  return fresh;
}

/* Selects the event of the year titled @title in the agenda, as a click would. */
static EvtEvent *
select_in_agenda (Fixture    *fixture,
                  const char *title)
{
  g_autoptr(EvtEvent) wanted = find_event (fixture->store, evt_window_get_year (fixture->window),
                                           title);
  EvtEvent *current;

  g_assert_nonnull (wanted);
  evt_window_set_view (fixture->window, "agenda");
  g_assert_true (evt_window_select_event (fixture->window, wanted));
  current = evt_window_get_current_event (fixture->window);
  g_assert_nonnull (current);
  g_assert_cmpstr (evt_event_get_uid (current), ==, evt_event_get_uid (wanted));

  /* The bar under the agenda names it. */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (get_child (fixture->window,
                                                                         "event_bar_revealer"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_child (fixture->window, "event_bar_label"))),
                   ==, title);

  return g_object_ref (current);
}

/* A right click on the agenda row of @title pops up the menu of event actions. */
static gboolean
popover_gone (gpointer data)
{
  GtkWidget **popover = data;

  return *popover == NULL || gtk_widget_get_parent (*popover) == NULL;
}

static void
assert_context_menu (Fixture    *fixture,
                     const char *title,
                     gboolean    close)
{
  g_autoptr(GPtrArray) rows = evt_window_get_rows (fixture->window);
  GtkWidget *row = NULL;
  GtkWidget *popover = NULL;
  gboolean clicked = FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      if (g_strcmp0 (evt_event_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
        row = g_ptr_array_index (rows, i);
    }
  g_assert_nonnull (row);

  for (guint i = 0; ; i++)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);
      g_autoptr(GObject) controller = NULL;

      if (i >= g_list_model_get_n_items (controllers))
        break;
      controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        {
          g_signal_emit_by_name (controller, "pressed", 1, 20.0, 10.0);
          clicked = TRUE;
          break;
        }
    }
  g_assert_true (clicked);

  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER_MENU (child))
        popover = child;
    }
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)) ==
                 (gpointer) gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                           EVT_TYPE_WINDOW, "event_menu"));

  if (close)
    {
      gtk_popover_popdown (GTK_POPOVER (popover));
      wait_for_window (fixture->window);
    }
  else
    {
      /* Left open while the year is read anew: the menu goes with its row. */
      g_object_add_weak_pointer (G_OBJECT (popover), (gpointer *) &popover);
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-year", NULL);
      wait_for_window (fixture->window);
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.previous-year", NULL);
      wait_for_window (fixture->window);
      /* Closed with its row, it is unparented in an idle callback, which a busy main
       * loop may run a little later. */
      evt_test_wait_until (popover_gone, &popover, "the context menu to go with its row");
      if (popover != NULL)
        g_object_remove_weak_pointer (G_OBJECT (popover), (gpointer *) &popover);
    }
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  GtkWidget *child;

  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Clicks the response button labelled @label of the open dialog. */
static void
click_response (EvtWindow  *window,
                const char *label)
{
  AdwMessageDialog *dialog = evt_window_get_dialog (window);
  GtkWidget *button;

  g_assert_nonnull (dialog);
  button = find_button (GTK_WIDGET (dialog), label);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wait_for_window (window);
  g_assert_null (evt_window_get_dialog (window));
}

static gboolean
response_sensitive (EvtWindow  *window,
                    const char *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (evt_window_get_dialog (window)), label);

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

/* The last toast offers to undo: click its button, and wait for the store. */
static void
undo_last_toast (EvtWindow *window)
{
  AdwToast *toast = evt_window_get_last_toast_object (window);
  GtkWidget *button;

  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");
  g_assert_cmpuint (adw_toast_get_timeout (toast), >=, 5);

  button = find_button (get_child (window, "toast_overlay"), "_Undo");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_for_window (window);
}

static void
assert_last_view (GSettings  *settings,
                  const char *expected)
{
  g_autofree char *view = g_settings_get_string (settings, "last-view");

  g_assert_cmpstr (view, ==, expected);
}

static void
test_views (void)
{
  g_autoptr(GSettings) settings = get_settings ();
  Fixture fixture = { 0 };
  GtkWidget *year_view;

  g_settings_reset (settings, "last-view");
  fixture_open_store (&fixture, TRUE);
  fixture_show_window (&fixture, 2022);

  /* The year view first, on the year asked for, with the year's events. */
  g_assert_cmpstr (evt_window_get_view (fixture.window), ==, "year");
  year_view = get_child (fixture.window, "year_view");
  g_assert_true (gtk_widget_get_mapped (year_view));
  g_assert_cmpint (evt_year_view_get_year (EVT_YEAR_VIEW (year_view)), ==, 2022);
  g_assert_true (evt_year_view_get_model (EVT_YEAR_VIEW (year_view)) ==
                 G_LIST_MODEL (evt_window_get_event_list (fixture.window)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_child (fixture.window, "year_label"))),
                   ==, "2022");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_child (fixture.window, "count_label"))),
                   ==, "9 events");
  g_assert_false (gtk_widget_get_visible (get_child (fixture.window, "search_button")));

  /* Ctrl+2's action: the list, on the same year, with its search button. The List is
   * built when first shown. */
  g_assert_null (adw_bin_get_child (ADW_BIN (get_child (fixture.window, "list_bin"))));
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-view", "s", "list");
  wait_for_window (fixture.window);
  g_assert_cmpstr (evt_window_get_view (fixture.window), ==, "list");
  g_assert_true (gtk_widget_get_mapped (get_built_view (fixture.window, "list_bin")));
  g_assert_cmpint (evt_list_view_get_year (EVT_LIST_VIEW (get_built_view (fixture.window,
                                                                           "list_bin"))), ==, 2022);
  g_assert_true (gtk_widget_get_visible (get_child (fixture.window, "search_button")));
  assert_last_view (settings, "list");

  /* The year follows the window in every view. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.next-year", NULL);
  wait_for_window (fixture.window);
  g_assert_cmpint (evt_list_view_get_year (EVT_LIST_VIEW (get_built_view (fixture.window,
                                                                           "list_bin"))), ==, 2023);
  g_assert_cmpint (evt_year_view_get_year (EVT_YEAR_VIEW (year_view)), ==, 2023);

  /* Ctrl+F goes to the list's search entry from any view. */
  evt_window_set_view (fixture.window, "agenda");
  assert_last_view (settings, "agenda");
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.search", NULL);
  wait_for_window (fixture.window);
  g_assert_cmpstr (evt_window_get_view (fixture.window), ==, "list");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture.window)),
                                         evt_list_view_get_search_entry (
                                           EVT_LIST_VIEW (get_built_view (fixture.window,
                                                                          "list_bin")))));
  fixture_tear_down (&fixture);

  /* The next window opens on the last view. */
  fixture_open_store (&fixture, TRUE);
  fixture_show_window (&fixture, 2022);
  g_assert_cmpstr (evt_window_get_view (fixture.window), ==, "list");

  /* The directory and the follow-ups are remembered as well. */
  evt_window_set_view (fixture.window, "organisations");
  wait_for_window (fixture.window);
  g_assert_cmpstr (evt_window_get_view (fixture.window), ==, "organisations");
  assert_last_view (settings, "organisations");
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-view", "s", "followups");
  wait_for_window (fixture.window);
  g_assert_cmpstr (evt_window_get_view (fixture.window), ==, "followups");
  assert_last_view (settings, "followups");
  fixture_tear_down (&fixture);

  fixture_open_store (&fixture, TRUE);
  fixture_show_window (&fixture, 2022);
  g_assert_cmpstr (evt_window_get_view (fixture.window), ==, "followups");
  g_assert_true (gtk_widget_get_mapped (get_built_view (fixture.window, "followups_bin")));
  evt_window_set_view (fixture.window, "organisations");
  wait_for_window (fixture.window);
  fixture_tear_down (&fixture);

  fixture_open_store (&fixture, TRUE);
  fixture_show_window (&fixture, 2022);
  g_assert_cmpstr (evt_window_get_view (fixture.window), ==, "organisations");
  g_assert_true (gtk_widget_get_mapped (get_built_view (fixture.window, "organisations_bin")));
  fixture_tear_down (&fixture);

  /* A view name that is not one is ignored: the year view. */
  g_settings_set_string (settings, "last-view", "calendar");
  fixture_open_store (&fixture, TRUE);
  fixture_show_window (&fixture, 2022);
  g_assert_cmpstr (evt_window_get_view (fixture.window), ==, "year");
  fixture_tear_down (&fixture);

  g_settings_reset (settings, "last-view");
}

static void
test_cancel_undo (void)
{
  Fixture fixture = { 0 };
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtEvent) cancelled = NULL;
  g_autoptr(EvtEvent) restored = NULL;
  GtkWidget *reason;

  fixture_open_store (&fixture, TRUE);
  fixture_show_window (&fixture, 2022);
  event = select_in_agenda (&fixture, "Micronora");
  g_assert_cmpint (evt_event_get_status (event), ==, EVT_STATUS_CONFIRMED);
  assert_context_menu (&fixture, "Micronora", TRUE);

  /* The dialog will not cancel without a reason. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.cancel-event", NULL);
  g_assert_nonnull (evt_window_get_dialog (fixture.window));
  reason = evt_window_get_dialog_widget (fixture.window, "reason");
  g_assert_true (ADW_IS_ENTRY_ROW (reason));
  g_assert_false (response_sensitive (fixture.window, "_Cancel Event"));
  gtk_editable_set_text (GTK_EDITABLE (reason), "   ");
  g_assert_false (response_sensitive (fixture.window, "_Cancel Event"));
  gtk_editable_set_text (GTK_EDITABLE (reason), "Salle indisponible");
  click_response (fixture.window, "_Cancel Event");

  cancelled = reread (fixture.store, event);
  g_assert_cmpint (evt_event_get_status (cancelled), ==, EVT_STATUS_CANCELLED);
  g_assert_cmpstr (evt_event_get_status_reason (cancelled), ==, "Salle indisponible");
  g_assert_cmpstr (evt_window_get_last_toast (fixture.window), ==, "“Micronora” cancelled");

  /* The agenda shows it struck through, still selected. */
  g_assert_cmpint (evt_event_get_status (evt_window_get_current_event (fixture.window)), ==,
                   EVT_STATUS_CANCELLED);

  undo_last_toast (fixture.window);
  restored = reread (fixture.store, event);
  g_assert_cmpint (evt_event_get_status (restored), ==, EVT_STATUS_CONFIRMED);
  g_assert_null (evt_event_get_status_reason (restored));
  g_assert_cmpint (evt_event_get_id (restored), ==, evt_event_get_id (event));

  /* The chance to undo goes with the toast: a second undo does nothing. */
  g_assert_null (evt_window_get_last_toast_object (fixture.window));

  /* Keeping the event changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.cancel-event", NULL);
  click_response (fixture.window, "_Keep Event");
  g_clear_object (&restored);
  restored = reread (fixture.store, event);
  g_assert_cmpint (evt_event_get_status (restored), ==, EVT_STATUS_CONFIRMED);

  fixture_tear_down (&fixture);
}

static void
test_delete_undo (void)
{
  Fixture fixture = { 0 };
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtEvent) restored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_events;

  fixture_open_store (&fixture, TRUE);
  fixture_show_window (&fixture, 2022);
  n_events = evt_store_count_events (fixture.store, NULL);
  event = select_in_agenda (&fixture, "Medica-Compamed");

  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.delete-event", NULL);
  wait_for_window (fixture.window);
  g_assert_null (evt_store_get_event_by_uid (fixture.store, evt_event_get_uid (event), &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (evt_store_count_events (fixture.store, NULL), ==, n_events - 1);
  g_assert_cmpstr (evt_window_get_last_toast (fixture.window), ==, "“Medica-Compamed” deleted");
  g_assert_cmpstr (evt_window_get_subtitle (fixture.window), ==, "8 events");
  /* Nothing is selected any more. */
  g_assert_null (evt_window_get_current_event (fixture.window));

  undo_last_toast (fixture.window);
  restored = reread (fixture.store, event);
  g_assert_cmpstr (evt_event_get_uid (restored), ==, evt_event_get_uid (event));
  g_assert_cmpstr (evt_event_get_title (restored), ==, "Medica-Compamed");
  g_assert_cmpstr (evt_event_get_city (restored), ==, evt_event_get_city (event));
  g_assert_true (g_date_time_equal (evt_event_get_start (restored), evt_event_get_start (event)));
  g_assert_cmpint (evt_store_count_events (fixture.store, NULL), ==, n_events);
  g_assert_cmpstr (evt_window_get_subtitle (fixture.window), ==, "9 events");

  fixture_tear_down (&fixture);
}

/* An event with participants: deleting it asks first, and takes them with it; undo
 * brings them back with it. */
static void
test_delete_with_records (void)
{
  Fixture fixture = { 0 };
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtEvent) restored = NULL;
  g_autoptr(EvtOrganisation) organisation = evt_organisation_new ("Statice");
  g_autoptr(EvtParticipation) participation = NULL;
  g_autoptr(EvtOutcome) outcome = NULL;
  g_autoptr(EvtLead) lead = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GPtrArray) leads = NULL;
  g_autoptr(GError) error = NULL;
  gboolean added = FALSE;

  fixture_open_store (&fixture, TRUE);
  fixture_show_window (&fixture, 2022);
  event = select_in_agenda (&fixture, "Micronora");

  evt_people_save_organisation (fixture.store, organisation, &error);
  g_assert_no_error (error);
  participation = evt_participation_new (evt_event_get_id (event));
  evt_participation_set_organisation_id (participation, evt_organisation_get_id (organisation));
  evt_people_save_participation (fixture.store, participation, &added, &error);
  g_assert_no_error (error);
  g_assert_true (added);
  lead = evt_lead_new (evt_event_get_id (event));
  evt_lead_set_subject (lead, "Capteurs implantables");
  evt_lead_set_follow_up (lead, "2022-10-10");
  evt_people_save_lead (fixture.store, lead, &error);
  g_assert_no_error (error);
  outcome = evt_people_get_outcome (fixture.store, evt_event_get_id (event), &error);
  g_assert_no_error (error);
  evt_outcome_set_contacts (outcome, 42);
  evt_outcome_set_cost (outcome, EVT_COST_STAND, 350000);
  evt_people_save_outcome (fixture.store, outcome, &error);
  g_assert_no_error (error);
  g_clear_object (&outcome);
  wait_for_window (fixture.window);

  /* The store refuses to lose the participant silently: the window asks. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.delete-event", NULL);
  wait_for_window (fixture.window);
  g_assert_nonnull (evt_window_get_dialog (fixture.window));
  click_response (fixture.window, "_Keep Event");
  g_clear_object (&restored);
  restored = reread (fixture.store, event);
  g_assert_true (evt_people_event_has_records (fixture.store, evt_event_get_id (event), NULL));

  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.delete-event", NULL);
  wait_for_window (fixture.window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (evt_window_get_dialog (fixture.window)),
                            "undo brings them back"));
  click_response (fixture.window, "_Delete");
  g_assert_null (evt_store_get_event_by_uid (fixture.store, evt_event_get_uid (event), &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpstr (evt_window_get_last_toast (fixture.window), ==, "“Micronora” deleted");

  g_assert_false (evt_people_event_has_records (fixture.store, evt_event_get_id (event), NULL));

  /* Undo brings back the event, as the dialog said, with its participant, lead,
   * outcome and costs (the same participation and lead, by their ids). */
  undo_last_toast (fixture.window);
  g_clear_object (&restored);
  restored = reread (fixture.store, event);
  g_assert_cmpstr (evt_event_get_title (restored), ==, "Micronora");
  g_assert_true (evt_people_event_has_records (fixture.store, evt_event_get_id (restored),
                                               &error));
  g_assert_no_error (error);
  parts = evt_people_list_participations (fixture.store, evt_event_get_id (restored), -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parts->len, ==, 1);
  g_assert_cmpint (evt_participation_get_id (g_ptr_array_index (parts, 0)), ==,
                   evt_participation_get_id (participation));
  g_assert_cmpstr (evt_participation_get_organisation_name (g_ptr_array_index (parts, 0)), ==,
                   "Statice");
  leads = evt_people_list_leads (fixture.store, evt_event_get_id (restored), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (leads->len, ==, 1);
  g_assert_cmpint (evt_lead_get_id (g_ptr_array_index (leads, 0)), ==, evt_lead_get_id (lead));
  g_assert_cmpstr (evt_lead_get_follow_up (g_ptr_array_index (leads, 0)), ==, "2022-10-10");
  outcome = evt_people_get_outcome (fixture.store, evt_event_get_id (restored), &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_outcome_get_contacts (outcome), ==, 42);
  g_assert_cmpint (evt_outcome_get_cost (outcome, EVT_COST_STAND), ==, 350000);

  fixture_tear_down (&fixture);
}

static void
test_duplicate (void)
{
  Fixture fixture = { 0 };
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtEvent) copy = NULL;
  EvtEvent *shown;
  GtkWidget *leaflet;

  fixture_open_store (&fixture, TRUE);
  fixture_show_window (&fixture, 2022);
  event = select_in_agenda (&fixture, "Micronora");

  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.duplicate-event", NULL);
  wait_for_window (fixture.window);

  copy = find_event (fixture.store, 2022, "Micronora (copy)");
  g_assert_nonnull (copy);
  g_assert_cmpstr (evt_event_get_uid (copy), !=, evt_event_get_uid (event));
  g_assert_cmpstr (evt_event_get_city (copy), ==, "Besançon");
  g_assert_true (g_date_time_equal (evt_event_get_start (copy), evt_event_get_start (event)));
  g_assert_cmpstr (evt_window_get_subtitle (fixture.window), ==, "10 events");

  /* The copy is open in the event page, saved, ready to be changed. */
  leaflet = get_child (fixture.window, "leaflet");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "event");
  shown = evt_window_get_current_event (fixture.window);
  g_assert_nonnull (shown);
  g_assert_cmpint (evt_event_get_id (shown), ==, evt_event_get_id (copy));

  /* Back, as Escape does: nothing was changed, nothing is asked. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.go-back", NULL);
  wait_for_window (fixture.window);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "main");

  /* Undo takes the copy away. */
  undo_last_toast (fixture.window);
  g_clear_object (&copy);
  copy = find_event (fixture.store, 2022, "Micronora (copy)");
  g_assert_null (copy);
  g_assert_cmpstr (evt_window_get_subtitle (fixture.window), ==, "9 events");

  fixture_tear_down (&fixture);
}

static void
test_plan_next_edition (void)
{
  Fixture fixture = { 0 };
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtEvent) next = NULL;
  g_autoptr(EvtEvent) in_2023 = NULL;
  g_autoptr(GPtrArray) editions = g_ptr_array_new ();
  g_autoptr(EvtEvent) edition_2021 = NULL;
  GtkWidget *one, *two;
  int guess;

  fixture_open_store (&fixture, TRUE);
  fixture_show_window (&fixture, 2022);
  event = select_in_agenda (&fixture, "Micronora");
  g_assert_nonnull (evt_event_get_series (event));

  /* The dialog offers one or two years, the core's guess chosen. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.plan-next-edition", NULL);
  wait_for_window (fixture.window);
  g_assert_nonnull (evt_window_get_dialog (fixture.window));
  one = evt_window_get_dialog_widget (fixture.window, "one-year");
  two = evt_window_get_dialog_widget (fixture.window, "two-years");
  edition_2021 = find_event (fixture.store, 2021, "Micronora");
  g_ptr_array_add (editions, edition_2021);
  guess = evt_event_guess_edition_years (event, editions);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (guess >= 2 ? two : one)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (guess >= 2 ? one : two)));

  /* Micronora is biennial: in two years. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (two), TRUE);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (one)));
  click_response (fixture.window, "_Plan");

  next = find_event (fixture.store, 2024, "Micronora");
  g_assert_nonnull (next);
  g_assert_cmpint (evt_event_get_status (next), ==, EVT_STATUS_TENTATIVE);
  g_assert_cmpstr (evt_event_get_series (next), ==, evt_event_get_series (event));
  g_assert_cmpstr (evt_event_get_uid (next), !=, evt_event_get_uid (event));
  g_assert_cmpint (g_date_time_get_year (evt_event_get_start (next)), ==, 2024);
  /* Same weekdays: Tuesday to Friday. */
  g_assert_cmpint (g_date_time_get_day_of_week (evt_event_get_start (next)), ==,
                   g_date_time_get_day_of_week (evt_event_get_start (event)));
  in_2023 = find_event (fixture.store, 2023, "Micronora");
  g_assert_null (in_2023);
  g_assert_cmpstr (evt_window_get_last_toast (fixture.window), ==,
                   "“Micronora” planned for 2024");

  /* It opens in the event page. */
  g_assert_cmpint (evt_event_get_id (evt_window_get_current_event (fixture.window)), ==,
                   evt_event_get_id (next));

  fixture_tear_down (&fixture);
}

static void
test_postpone_tba (void)
{
  Fixture fixture = { 0 };
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtEvent) postponed = NULL;
  g_autoptr(EvtEvent) restored = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean found = FALSE;

  fixture_open_store (&fixture, TRUE);
  fixture_show_window (&fixture, 2022);
  event = select_in_agenda (&fixture, "Medica-Compamed");
  assert_context_menu (&fixture, "Medica-Compamed", FALSE);
  /* The selection came back with the year. */
  g_assert_cmpstr (evt_event_get_title (evt_window_get_current_event (fixture.window)), ==,
                   "Medica-Compamed");

  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.postpone-event", NULL);
  g_assert_nonnull (evt_window_get_dialog (fixture.window));
  /* New dates first, the current ones offered. */
  g_assert_true (gtk_check_button_get_active (
                   GTK_CHECK_BUTTON (evt_window_get_dialog_widget (fixture.window, "dates"))));
  g_assert_true (response_sensitive (fixture.window, "_Postpone"));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (evt_window_get_dialog_widget (fixture.window,
                                                                               "tba")),
                               TRUE);
  gtk_editable_set_text (GTK_EDITABLE (evt_window_get_dialog_widget (fixture.window, "reason")),
                         "Dates de la Messe non fixées");
  click_response (fixture.window, "_Postpone");

  postponed = reread (fixture.store, event);
  g_assert_cmpint (evt_event_get_status (postponed), ==, EVT_STATUS_POSTPONED);
  g_assert_true (evt_event_is_date_tba (postponed));
  g_assert_cmpstr (evt_event_get_status_reason (postponed), ==, "Dates de la Messe non fixées");
  g_assert_true (g_date_time_equal (evt_event_get_original_start (postponed),
                                    evt_event_get_start (event)));
  g_assert_cmpstr (evt_window_get_last_toast (fixture.window), ==, "“Medica-Compamed” postponed");

  /* The agenda lists it under "Date to Be Announced", last. */
  rows = evt_window_get_rows (fixture.window);
  for (guint i = 0; i < rows->len; i++)
    {
      EvtEventRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (evt_event_row_get_title (row), "Medica-Compamed") == 0)
        {
          found = TRUE;
          g_assert_cmpuint (i, ==, rows->len - 1);
        }
    }
  g_assert_true (found);

  undo_last_toast (fixture.window);
  restored = reread (fixture.store, event);
  g_assert_cmpint (evt_event_get_status (restored), ==, EVT_STATUS_TENTATIVE);
  g_assert_false (evt_event_is_date_tba (restored));
  g_assert_null (evt_event_get_original_start (restored));

  fixture_tear_down (&fixture);
}

static void
test_postpone_dates_and_held (void)
{
  Fixture fixture = { 0 };
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtEvent) postponed = NULL;
  g_autoptr(EvtEvent) held = NULL;
  g_autoptr(GDateTime) new_start = NULL;
  g_autoptr(GDateTime) before_start = NULL;
  GtkCalendar *start, *end;
  g_autoptr(GDateTime) end_day = NULL;

  fixture_open_store (&fixture, TRUE);
  fixture_show_window (&fixture, 2022);
  event = select_in_agenda (&fixture, "Medica-Compamed");

  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.postpone-event", NULL);
  start = GTK_CALENDAR (evt_window_get_dialog_widget (fixture.window, "start-calendar"));
  end = GTK_CALENDAR (evt_window_get_dialog_widget (fixture.window, "end-calendar"));

  /* A new start moves the end with it: four days, Monday to Thursday. */
  new_start = g_date_time_new_local (2022, 12, 5, 0, 0, 0);
  gtk_calendar_select_day (start, new_start);
  end_day = gtk_calendar_get_date (end);
  g_assert_cmpint (g_date_time_get_month (end_day), ==, 12);
  g_assert_cmpint (g_date_time_get_day_of_month (end_day), ==, 8);

  /* An end before the start is refused. */
  before_start = g_date_time_new_local (2022, 12, 1, 0, 0, 0);
  gtk_calendar_select_day (end, before_start);
  g_assert_false (response_sensitive (fixture.window, "_Postpone"));
  g_assert_true (gtk_widget_has_css_class (evt_window_get_dialog_widget (fixture.window, "end"),
                                           "error"));
  gtk_calendar_select_day (end, end_day);
  g_assert_true (response_sensitive (fixture.window, "_Postpone"));
  click_response (fixture.window, "_Postpone");

  postponed = reread (fixture.store, event);
  g_assert_cmpint (evt_event_get_status (postponed), ==, EVT_STATUS_POSTPONED);
  g_assert_false (evt_event_is_date_tba (postponed));
  g_assert_true (evt_event_get_all_day (postponed));
  g_assert_cmpint (g_date_time_get_day_of_month (evt_event_get_start (postponed)), ==, 5);
  g_assert_cmpint (g_date_time_get_day_of_month (evt_event_get_end (postponed)), ==, 8);
  g_assert_cmpint (g_date_time_get_hour (evt_event_get_start (postponed)), ==, 0);
  g_assert_true (g_date_time_equal (evt_event_get_original_start (postponed),
                                    evt_event_get_start (event)));

  /* Then held. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.mark-held", NULL);
  wait_for_window (fixture.window);
  held = reread (fixture.store, event);
  g_assert_cmpint (evt_event_get_status (held), ==, EVT_STATUS_HELD);
  g_assert_cmpstr (evt_window_get_last_toast (fixture.window), ==,
                   "“Medica-Compamed” marked as held");
  /* Held once is enough. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.mark-held",
                                              NULL) &&
                  evt_window_is_busy (fixture.window));

  fixture_tear_down (&fixture);
}

/* In the year view, the actions apply to the event that has the focus. */
static void
test_year_view_actions (void)
{
  Fixture fixture = { 0 };
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtEvent) held = NULL;
  g_autoptr(EvtEvent) restored = NULL;
  GtkWidget *year_view;
  GtkWidget *popover = NULL;

  fixture_open_store (&fixture, TRUE);
  fixture_show_window (&fixture, 2022);
  evt_window_set_view (fixture.window, "year");
  event = find_event (fixture.store, 2022, "Micronora");
  g_assert_true (evt_window_select_event (fixture.window, event));
  g_assert_cmpint (evt_event_get_id (evt_window_get_current_event (fixture.window)), ==,
                   evt_event_get_id (event));
  /* The bar is for the list and the agenda. Closed, the bars are hidden: GTK neither
   * styles nor measures them. */
  g_assert_false (gtk_revealer_get_reveal_child (
                    GTK_REVEALER (get_child (fixture.window, "event_bar_revealer"))));
  g_assert_false (gtk_widget_get_visible (get_child (fixture.window, "event_bar_revealer")));
  g_assert_false (gtk_widget_get_visible (get_child (fixture.window, "page_bar_revealer")));

  /* Shift+F10: the event menu, under the focused event's month. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.event-menu", NULL);
  year_view = get_child (fixture.window, "year_view");
  for (GtkWidget *child = gtk_widget_get_first_child (year_view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER_MENU (child))
        popover = child;
    }
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
  wait_for_window (fixture.window);

  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.mark-held", NULL);
  wait_for_window (fixture.window);
  held = reread (fixture.store, event);
  g_assert_cmpint (evt_event_get_status (held), ==, EVT_STATUS_HELD);

  /* Ctrl+Z undoes the last action while its toast is there. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo-last", NULL);
  wait_for_window (fixture.window);
  restored = reread (fixture.store, event);
  g_assert_cmpint (evt_event_get_status (restored), ==, EVT_STATUS_CONFIRMED);
  g_assert_null (evt_window_get_last_toast_object (fixture.window));

  fixture_tear_down (&fixture);
}

/* From the list: the selected event, its bar, the page and saving with undo. */
static void
test_list_and_page (void)
{
  Fixture fixture = { 0 };
  g_autoptr(EvtEvent) saved = NULL;
  g_autoptr(EvtEvent) restored = NULL;
  EvtListView *list_view;
  GListModel *model;
  GtkWidget *leaflet;
  GtkWidget *page;
  GtkWidget *title_row;
  guint position = GTK_INVALID_LIST_POSITION;

  fixture_open_store (&fixture, TRUE);
  fixture_show_window (&fixture, 2022);
  evt_window_set_view (fixture.window, "list");
  wait_for_window (fixture.window);

  /* Nothing selected: no bar, no event actions. */
  g_assert_false (gtk_revealer_get_reveal_child (
                    GTK_REVEALER (get_child (fixture.window, "event_bar_revealer"))));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.delete-event",
                                              NULL) && evt_window_is_busy (fixture.window));

  list_view = EVT_LIST_VIEW (get_built_view (fixture.window, "list_bin"));
  /* The events in the order shown; the column view's selection has one item each. */
  model = evt_list_view_get_model (list_view);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EvtEvent) event = g_list_model_get_item (model, i);

      if (g_strcmp0 (evt_event_get_title (event), "La Rentrée du DM") == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_selection_model_select_item (gtk_column_view_get_model (
                                     evt_list_view_get_column_view (list_view)),
                                   position, TRUE);
  /* The list reads the selected event in full, in a worker thread if the store is busy. */
  wait_for_window (fixture.window);
  g_assert_cmpstr (evt_event_get_title (evt_window_get_current_event (fixture.window)), ==,
                   "La Rentrée du DM");
  g_assert_true (gtk_revealer_get_reveal_child (
                   GTK_REVEALER (get_child (fixture.window, "event_bar_revealer"))));
  g_assert_true (gtk_widget_get_visible (get_child (fixture.window, "event_bar_revealer")));

  /* Shift+F10: the menu of what can be done to it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.event-menu", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (
                   GTK_MENU_BUTTON (get_child (fixture.window, "event_menu_button"))))));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (get_child (fixture.window, "event_menu_button")));

  /* Open it, change the title, save: back to the list, with a toast that can undo. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.open-event", NULL);
  leaflet = get_child (fixture.window, "leaflet");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "event");
  page = gtk_widget_get_first_child (get_child (fixture.window, "event_box"));
  g_assert_true (EVT_IS_EVENT_PAGE (page));
  g_assert_true (gtk_revealer_get_reveal_child (
                   GTK_REVEALER (get_child (fixture.window, "page_bar_revealer"))));
  title_row = evt_event_page_get_field_row (EVT_EVENT_PAGE (page), "title");
  g_assert_nonnull (title_row);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "La Rentrée du dispositif médical");
  g_assert_true (evt_event_page_get_dirty (EVT_EVENT_PAGE (page)));

  /* Unsaved edits: the actions on the event wait for a save. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.duplicate-event",
                                              NULL) && evt_window_is_busy (fixture.window));

  gtk_widget_activate_action (page, "event-page.save", NULL);
  wait_for_window (fixture.window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  wait_for_window (fixture.window);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "main");
  g_assert_cmpstr (evt_window_get_view (fixture.window), ==, "list");
  g_assert_cmpstr (evt_window_get_last_toast (fixture.window), ==,
                   "“La Rentrée du dispositif médical” saved");
  saved = find_event (fixture.store, 2022, "La Rentrée du dispositif médical");
  g_assert_nonnull (saved);

  undo_last_toast (fixture.window);
  restored = reread (fixture.store, saved);
  g_assert_cmpstr (evt_event_get_title (restored), ==, "La Rentrée du DM");

  /* A new event (Ctrl+N) opens an empty page; Back leaves it, nothing saved. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.new-event", NULL);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "event");
  g_assert_false (gtk_revealer_get_reveal_child (
                    GTK_REVEALER (get_child (fixture.window, "page_bar_revealer"))));
  g_assert_false (gtk_widget_get_visible (get_child (fixture.window, "page_bar_revealer")));
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.go-back", NULL);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "main");

  fixture_tear_down (&fixture);
}

/* Down to 360 pixels wide: the switcher moves to the bottom, nothing overflows. */
static void
test_narrow (void)
{
  Fixture fixture = { 0 };
  GtkWidget *bar, *heading;
  int minimum = 0;

  /* GNOME's buttons (a close button alone, as on phones). With animations: without,
   * GTK 4.8 allocates the switcher bar's revealer a height of -1 as it appears. */
  g_object_set (gtk_settings_get_default (),
                "gtk-decoration-layout", "appmenu:close",
                "gtk-enable-animations", TRUE,
                NULL);
  fixture_open_store (&fixture, TRUE);
  fixture.window = g_object_ref_sink (evt_window_new (NULL, 2022));
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 360, 640);
  evt_window_set_store (fixture.window, fixture.store);
  gtk_window_present (GTK_WINDOW (fixture.window));
  wait_for_window (fixture.window);

  bar = get_child (fixture.window, "switcher_bar");
  heading = get_child (fixture.window, "year_heading");
  for (guint i = 0; i < 50 && !adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  g_assert_false (gtk_widget_get_visible (heading));
  g_assert_cmpstr (evt_window_get_subtitle (fixture.window), ==, "9 events");

  /* The content, without the frame that the window draws around itself when it floats. */
  for (guint i = 0; i < G_N_ELEMENTS (test_view_names); i++)
    {
      evt_window_set_view (fixture.window, test_view_names[i]);
      wait_for_window (fixture.window);
      gtk_widget_measure (get_child (fixture.window, "leaflet"), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, NULL, NULL, NULL);
      g_assert_cmpint (minimum, <=, 360);
    }
  g_assert_cmpint (gtk_widget_get_width (get_child (fixture.window, "leaflet")), <=, 360);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  fixture_tear_down (&fixture);
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

  /* This thread owns the main context all along, as the application's main loop does:
   * the store's worker threads hand "changed" to it instead of emitting it themselves,
   * even between two waits. */
  g_assert_true (g_main_context_acquire (NULL));
  load_style ();

  g_test_add_func ("/window/page-choice", test_page_choice);
  g_test_add_func ("/window/date-format", test_date_format);
  g_test_add_func ("/window/sample-years", test_sample_years);
  g_test_add_func ("/window/given-events", test_given_events);
  g_test_add_func ("/window/empty-database", test_empty_database);
  g_test_add_func ("/window/corrupt-database", test_corrupt_database);
  g_test_add_func ("/window/shortcuts", test_shortcuts);
  g_test_add_func ("/window/views", test_views);
  g_test_add_func ("/window/year-shown", test_year_shown);
  g_test_add_func ("/window/cancel-undo", test_cancel_undo);
  g_test_add_func ("/window/delete-undo", test_delete_undo);
  g_test_add_func ("/window/delete-with-records", test_delete_with_records);
  g_test_add_func ("/window/duplicate", test_duplicate);
  g_test_add_func ("/window/plan-next-edition", test_plan_next_edition);
  g_test_add_func ("/window/postpone-tba", test_postpone_tba);
  g_test_add_func ("/window/postpone-dates-and-held", test_postpone_dates_and_held);
  g_test_add_func ("/window/year-view-actions", test_year_view_actions);
  g_test_add_func ("/window/list-and-page", test_list_and_page);
  g_test_add_func ("/window/narrow", test_narrow);

  return g_test_run ();
}
