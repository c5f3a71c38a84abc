/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-dialogs.c: preferences, import and export on a real display and SQLite file (display). */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "evt-demo.h"
#include "evt-export-dialog-private.h"
#include "evt-feed-editor-private.h"
#include "evt-feed.h"
#include "evt-ical.h"
#include "evt-import-controller-private.h"
#include "evt-preferences-window-private.h"
#include "evt-test-util.h"
#include "evt-window-private.h"

typedef struct
{
  char      *dir;
  char      *path;
  char      *feeds;
  EvtStore  *store;
  GtkWidget *window;   /* stands for the main window */
  GtkWidget *overlay;
} Fixture;

static gboolean
prefs_idle (gpointer data)
{
  return !evt_preferences_window_get_busy (data);
}

static gboolean
import_idle (gpointer data)
{
  return !evt_import_controller_get_busy (data);
}

static gboolean
export_idle (gpointer data)
{
  return !evt_export_dialog_get_busy (data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  gboolean with_sample = GPOINTER_TO_INT (user_data);
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("eventail-test-dialogs-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "eventail.db", NULL);
  fixture->feeds = g_build_filename (fixture->dir, "feeds", NULL);
  fixture->store = evt_store_new (fixture->path);
  evt_store_open (fixture->store, NULL, &error);
  g_assert_no_error (error);
  evt_feed_set_folder (fixture->store, fixture->feeds, &error);
  g_assert_no_error (error);

  if (with_sample)
    {
      evt_demo_load (fixture->store, NULL, &error);
      g_assert_no_error (error);
    }

  fixture->window = g_object_ref_sink (adw_window_new ());
  fixture->overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay), adw_status_page_new ());
  adw_window_set_content (ADW_WINDOW (fixture->window), fixture->overlay);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 600);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
destroy_window (GtkWidget *widget)
{
  gpointer pointer = widget;

  /* Wait for the worker threads that hold it to be done. */
  g_object_add_weak_pointer (G_OBJECT (widget), &pointer);
  gtk_window_destroy (GTK_WINDOW (widget));
  g_object_unref (widget);
  evt_test_wait_until (evt_test_is_cleared, &pointer, "the window to go");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  destroy_window (g_steal_pointer (&fixture->window));
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->feeds, g_free);
}

static EvtPreferencesWindow *
open_preferences (Fixture *fixture)
{
  EvtPreferencesWindow *prefs;

  prefs = g_object_ref_sink (evt_preferences_window_new (GTK_WINDOW (fixture->window),
                                                         fixture->store));
  gtk_window_present (GTK_WINDOW (prefs));
  evt_test_wait_until (prefs_idle, prefs, "the preferences to be read");

  return prefs;
}

static char *
fixture_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

/* --- Preferences ------------------------------------------------------------------- */

static void
test_sectors_listed (Fixture       *fixture,
                     gconstpointer  user_data)
{
  EvtPreferencesWindow *prefs = open_preferences (fixture);
  g_autoptr(GPtrArray) slugs = evt_preferences_window_get_sector_slugs (prefs);
  const char *expected[] = { "health", "aerospace", "industry-future", "watchmaking-luxury",
                             "microtechnology" };
  GtkWidget *row;

  g_assert_cmpuint (slugs->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (slugs, i), ==, expected[i]);

  /* The row shows the name as the store keeps it, the colour button its colour. */
  row = evt_preferences_window_get_sector_row (prefs, "aerospace");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==,
                   "Aerospace–Space–Defence (AEROµTECH)");
  {
    GtkWidget *button = evt_preferences_window_get_sector_colour_button (prefs, "aerospace");
    GdkRGBA rgba, expected_rgba;

    gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
    gdk_rgba_parse (&expected_rgba, "#1c71d8");
    g_assert_true (gdk_rgba_equal (&rgba, &expected_rgba));
  }

  /* The feed folder is the store's setting, not a GSettings key. */
  g_assert_cmpstr (evt_preferences_window_get_folder (prefs), ==, fixture->feeds);

  destroy_window (GTK_WIDGET (prefs));
}

static void
test_sector_colour (Fixture       *fixture,
                    gconstpointer  user_data)
{
  EvtPreferencesWindow *prefs = open_preferences (fixture);
  GtkWidget *button = evt_preferences_window_get_sector_colour_button (prefs, "health");
  g_autoptr(EvtSector) sector = NULL;
  g_autoptr(GError) error = NULL;
  GdkRGBA rgba;

  g_assert_nonnull (button);
  gdk_rgba_parse (&rgba, "#c01c28");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  /* What the colour chooser emits when a person picks a colour. */
  g_signal_emit_by_name (button, "color-set");

  sector = evt_store_get_sector (fixture->store, "health", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sector->colour, ==, "#c01c28");
  g_assert_cmpstr (sector->name, ==, "Health (Innov’Health)");

  /* Renaming goes through the entry's apply. */
  {
    GtkWidget *row = evt_preferences_window_get_sector_row (prefs, "health");
    g_autoptr(EvtSector) renamed = NULL;

    gtk_editable_set_text (GTK_EDITABLE (row), "  Santé (Innov’Health)  ");
    g_signal_emit_by_name (row, "apply");
    renamed = evt_store_get_sector (fixture->store, "health", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (renamed->name, ==, "Santé (Innov’Health)");
    g_assert_cmpstr (renamed->colour, ==, "#c01c28");
  }

  destroy_window (GTK_WIDGET (prefs));
}

static void
test_sector_add_remove (Fixture       *fixture,
                        gconstpointer  user_data)
{
  EvtPreferencesWindow *prefs = open_preferences (fixture);
  AdwEntryRow *new_row = evt_preferences_window_get_new_sector_row (prefs);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtSector) added = NULL;
  g_autoptr(EvtSector) restored = NULL;
  g_autoptr(EvtSector) kept = NULL;
  g_autoptr(GPtrArray) slugs = NULL;

  /* A new sector gets a slug from its name and a colour no other sector has. */
  gtk_editable_set_text (GTK_EDITABLE (new_row), "Énergie & hydrogène");
  g_signal_emit_by_name (new_row, "apply");
  added = evt_store_get_sector (fixture->store, "energie-hydrogene", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (added->name, ==, "Énergie & hydrogène");
  g_assert_cmpstr (added->colour, ==, "#3584e4");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_row)), ==, "");
  slugs = evt_preferences_window_get_sector_slugs (prefs);
  g_assert_cmpuint (slugs->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (slugs, 5), ==, "energie-hydrogene");

  /* A sector that events use is refused, with the store's message in a toast. */
  g_signal_emit_by_name (evt_preferences_window_get_sector_remove_button (prefs, "health"),
                         "clicked");
  g_assert_nonnull (evt_preferences_window_get_sector_row (prefs, "health"));
  g_assert_cmpstr (evt_preferences_window_get_last_toast (prefs), ==,
                   "Sector: “health” is used by events; remove it from them first");
  kept = evt_store_get_sector (fixture->store, "health", &error);
  g_assert_no_error (error);

  /* An unused one goes, and the toast's Undo brings it back. */
  g_signal_emit_by_name (evt_preferences_window_get_sector_remove_button (prefs,
                                                                         "energie-hydrogene"),
                         "clicked");
  g_assert_null (evt_preferences_window_get_sector_row (prefs, "energie-hydrogene"));
  g_assert_cmpstr (evt_preferences_window_get_last_toast (prefs), ==,
                   "Sector “Énergie & hydrogène” removed");
  g_assert_null (evt_store_get_sector (fixture->store, "energie-hydrogene", &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.restore-sector", NULL);
  restored = evt_store_get_sector (fixture->store, "energie-hydrogene", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (restored->colour, ==, "#3584e4");
  g_assert_nonnull (evt_preferences_window_get_sector_row (prefs, "energie-hydrogene"));

  destroy_window (GTK_WIDGET (prefs));
}

static gboolean
no_editor (gpointer data)
{
  return evt_preferences_window_get_editor (data) == NULL ||
         !gtk_widget_get_mapped (GTK_WIDGET (evt_preferences_window_get_editor (data)));
}

static void
test_add_feed (Fixture       *fixture,
               gconstpointer  user_data)
{
  EvtPreferencesWindow *prefs = open_preferences (fixture);
  EvtFeedEditor *editor;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *contents = NULL;
  EvtFeed *feed;
  int from = 0, to = 0;

  g_assert_cmpuint (evt_preferences_window_get_n_feed_rows (prefs), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.add-feed", NULL);
  editor = evt_preferences_window_get_editor (prefs);
  g_assert_nonnull (editor);

  /* With no name, the core's message is shown on the page and nothing is saved. */
  g_signal_emit_by_name (evt_feed_editor_get_save_button (editor), "clicked");
  evt_test_wait_until (prefs_idle, prefs, "the feed to be refused");
  g_assert_cmpstr (evt_feed_editor_get_error (editor), ==, "Name: a feed needs a name");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (evt_feed_editor_get_name_editable (editor)),
                                           "error"));
  feeds = evt_feed_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 0);
  g_clear_pointer (&feeds, g_ptr_array_unref);

  gtk_editable_set_text (evt_feed_editor_get_name_editable (editor), "Salons confirmés 2021");
  evt_feed_editor_set_range (editor, EVT_FEED_RANGE_YEARS, 2021, 2021);
  evt_feed_editor_set_status_active (editor, EVT_STATUS_CONFIRMED, TRUE);
  evt_feed_editor_set_status_active (editor, EVT_STATUS_HELD, TRUE);
  g_assert_true (evt_feed_editor_get_dirty (editor));
  g_signal_emit_by_name (evt_feed_editor_get_save_button (editor), "clicked");
  evt_test_wait_until (prefs_idle, prefs, "the feed to be saved");
  evt_test_wait_until (no_editor, prefs, "the feed page to close");

  feeds = evt_feed_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 1);
  feed = g_ptr_array_index (feeds, 0);
  g_assert_cmpstr (evt_feed_get_name (feed), ==, "Salons confirmés 2021");
  g_assert_cmpstr (evt_feed_get_slug (feed), ==, "salons-confirmes-2021");
  g_assert_cmpint (evt_feed_get_range (feed, &from, &to), ==, EVT_FEED_RANGE_YEARS);
  g_assert_cmpint (from, ==, 2021);
  g_assert_cmpint (to, ==, 2021);
  g_assert_cmpuint (evt_feed_get_statuses (feed), ==,
                    (1u << EVT_STATUS_CONFIRMED) | (1u << EVT_STATUS_HELD));
  g_assert_cmpint (evt_feed_get_privacy (feed), ==, EVT_ICAL_PRIVACY_PUBLIC);
  g_assert_cmpint (evt_feed_get_cancelled (feed), ==, EVT_ICAL_STATUS_PREFIX);
  g_assert_cmpuint (evt_feed_get_refresh_minutes (feed), ==, 60);
  g_assert_null (evt_feed_get_colour (feed));

  /* Saving wrote the file too, in the store's feed folder. */
  file = g_build_filename (fixture->feeds, "salons-confirmes-2021.ics", NULL);
  g_file_get_contents (file, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (contents, "X-WR-CALNAME:Salons confirmés 2021\r\n"));

  g_assert_cmpuint (evt_preferences_window_get_n_feed_rows (prefs), ==, 1);
  g_assert_true (g_str_has_prefix (evt_preferences_window_get_last_toast (prefs),
                                   "Feed “Salons confirmés 2021” saved, "));

  destroy_window (GTK_WIDGET (prefs));
}

static void
test_timezone (Fixture       *fixture,
               gconstpointer  user_data)
{
  EvtPreferencesWindow *prefs = open_preferences (fixture);
  AdwComboRow *row = evt_preferences_window_get_timezone_row (prefs);
  GListModel *zones = adw_combo_row_get_model (row);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *zone = NULL;
  guint n = g_list_model_get_n_items (zones);
  guint selected;

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  g_assert_cmpuint (n, >, 300);
  selected = adw_combo_row_get_selected (row);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (zones), selected), ==,
                   "Europe/Paris");

  for (guint i = 0; i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (zones), i),
                     "America/New_York"))
      adw_combo_row_set_selected (row, i);

  zone = g_settings_get_string (settings, "default-timezone");
  g_assert_cmpstr (zone, ==, "America/New_York");
  g_settings_reset (settings, "default-timezone");

  destroy_window (GTK_WIDGET (prefs));
}

static void
test_folder (Fixture       *fixture,
             gconstpointer  user_data)
{
  EvtPreferencesWindow *prefs = NULL;
  g_autoptr(EvtFeed) feed = evt_feed_new ("Tout");
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_build_filename (fixture->dir, "published", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *file = NULL;

  evt_feed_save (fixture->store, feed, &error);
  g_assert_no_error (error);

  prefs = open_preferences (fixture);
  g_assert_cmpuint (evt_preferences_window_get_n_feed_rows (prefs), ==, 1);
  evt_preferences_window_set_folder (prefs, other);
  evt_test_wait_until (prefs_idle, prefs, "the folder to be set");

  /* Kept in the database, where the command line reads it, and the feeds moved there. */
  folder = evt_feed_get_folder (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (folder, ==, other);
  g_assert_cmpstr (evt_preferences_window_get_folder (prefs), ==, other);
  file = g_build_filename (other, "tout.ics", NULL);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (evt_preferences_window_get_last_toast (prefs), ==,
                   "1 feed written to the new folder");

  destroy_window (GTK_WIDGET (prefs));
}

/* --- Import -------------------------------------------------------------------------- */

static EvtImportController *
new_controller (Fixture *fixture)
{
  EvtImportController *controller;

  controller = evt_import_controller_new (GTK_WINDOW (fixture->window),
                                          ADW_TOAST_OVERLAY (fixture->overlay));
  evt_import_controller_set_store (controller, fixture->store);

  return controller;
}

static void
import_files (EvtImportController *controller,
              ...)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  const char *name;
  va_list args;

  va_start (args, controller);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      g_autofree char *path = fixture_file (name);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_list_store_append (files, file);
    }
  va_end (args);

  evt_import_controller_import (controller, G_LIST_MODEL (files));
  g_assert_true (evt_import_controller_get_busy (controller));
  evt_test_wait_until (import_idle, controller, "the import");
}

/* The texts of the labels under @widget, one per line. */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static void
test_import_summary (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(EvtImportController) controller = new_controller (fixture);
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtEvent) event = NULL;
  GtkWindow *details;

  import_files (controller, "categories.ics", NULL);
  g_assert_cmpstr (evt_import_controller_get_summary (controller), ==,
                   "5 imported, 0 updated, 0 unchanged, 0 skipped");
  g_assert_cmpfloat (evt_import_controller_get_fraction (controller), ==, 0.0);
  g_assert_false (evt_import_controller_get_show_progress (controller));

  /* Again: the same events, unchanged. */
  import_files (controller, "categories.ics", NULL);
  g_assert_cmpstr (evt_import_controller_get_summary (controller), ==,
                   "0 imported, 0 updated, 5 unchanged, 0 skipped");

  /* A file with bad components: the good one is imported, the others listed. */
  import_files (controller, "missing-uid-dtstart.ics", NULL);
  g_assert_cmpstr (evt_import_controller_get_summary (controller), ==,
                   "1 imported, 0 updated, 0 unchanged, 2 skipped");
  event = evt_store_get_event_by_uid (fixture->store, "ok-1@test", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evt_event_get_title (event), ==, "Complet");

  details = evt_import_controller_show_details (controller);
  collect_labels (GTK_WIDGET (details), labels);
  /* The file, its counts, then each skipped event with its line and why. */
  g_assert_nonnull (strstr (labels->str,
                            "missing-uid-dtstart.ics\n"
                            "1 imported, 0 updated, 0 unchanged, 2 skipped\n"
                            "Line 4: UID is missing\nEvent skipped\n"
                            "Line 8: DTSTART is missing\nEvent skipped\n"));
  gtk_window_destroy (details);
}

static void
test_import_refused (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(EvtImportController) controller = new_controller (fixture);
  g_autoptr(GString) labels = g_string_new (NULL);
  GtkWindow *details;

  import_files (controller, "truncated.ics", NULL);
  g_assert_cmpstr (evt_import_controller_get_summary (controller), ==,
                   "Could not import “truncated.ics”");
  g_assert_cmpint (evt_store_count_events (fixture->store, NULL), ==, 0);

  /* With a good file: the totals, and how many files were refused. */
  import_files (controller, "truncated.ics", "lf.ics", NULL);
  g_assert_cmpstr (evt_import_controller_get_summary (controller), ==,
                   "1 imported, 0 updated, 0 unchanged, 1 skipped; 1 file refused");

  details = evt_import_controller_show_details (controller);
  collect_labels (GTK_WIDGET (details), labels);
  g_assert_nonnull (strstr (labels->str,
                            "truncated.ics: line 1: BEGIN:VCALENDAR is never closed by "
                            "END:VCALENDAR: the file is truncated\nFile refused\n"));
  g_assert_nonnull (strstr (labels->str,
                            "lf.ics\n1 imported, 0 updated, 0 unchanged, 1 skipped\n"
                            "Line 12: DTSTART is missing\nEvent skipped\n"));
  gtk_window_destroy (details);
}

static gboolean
count_reached (gpointer data)
{
  Fixture *fixture = data;

  return evt_store_count_events (fixture->store, NULL) >= 5;
}

static GValue *
file_list_value (const char *first,
                 ...)
{
  GValue *value = g_new0 (GValue, 1);
  GSList *files = NULL;
  const char *path;
  va_list args;

  va_start (args, first);
  for (path = first; path != NULL; path = va_arg (args, const char *))
    files = g_slist_append (files, g_file_new_for_path (path));
  va_end (args);

  g_value_init (value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (value, gdk_file_list_new_from_list (files));
  g_slist_free_full (files, g_object_unref);

  return value;
}

static void
value_free (GValue *value)
{
  g_value_unset (value);
  g_free (value);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GValue, value_free)

static void
test_import_drop (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(EvtImportController) controller = new_controller (fixture);
  GtkDropTarget *target = evt_import_controller_create_drop_target (controller);
  g_autofree char *ics = fixture_file ("categories.ics");
  g_autofree char *other = g_test_build_filename (G_TEST_DIST, "meson.build", NULL);
  g_autoptr(GValue) refused = file_list_value (other, NULL);
  g_autoptr(GValue) accepted = file_list_value (other, ics, NULL);
  gboolean taken = TRUE;

  gtk_widget_add_controller (fixture->window, GTK_EVENT_CONTROLLER (target));

  /* Only files that are not iCalendar: refused, and said. */
  g_signal_emit_by_name (target, "drop", refused, 10.0, 10.0, &taken);
  g_assert_false (taken);
  g_assert_false (evt_import_controller_get_busy (controller));

  /* The .ics of a mixed drop is imported. */
  g_signal_emit_by_name (target, "drop", accepted, 10.0, 10.0, &taken);
  g_assert_true (taken);
  g_assert_true (evt_import_controller_get_busy (controller));
  evt_test_wait_until (count_reached, fixture, "the dropped file to be imported");
  evt_test_wait_until (import_idle, controller, "the import");
  g_assert_cmpstr (evt_import_controller_get_summary (controller), ==,
                   "5 imported, 0 updated, 0 unchanged, 0 skipped");
}

static gboolean
window_idle (gpointer data)
{
  return !evt_window_is_busy (data);
}

/* The main window: a drop of .ics files on it goes through its drop target to the
 * importer, which imports into the window's store. */
static void
test_window_drop (Fixture       *fixture,
                  gconstpointer  user_data)
{
  EvtWindow *window = g_object_ref_sink (evt_window_new (NULL, 2021));
  g_autofree char *ics = fixture_file ("categories.ics");
  g_autoptr(GValue) value = file_list_value (ics, NULL);
  g_autoptr(GListModel) controllers = NULL;
  EvtImportController *controller;
  GtkDropTarget *target = NULL;
  gboolean taken = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  evt_window_set_store (window, fixture->store);
  evt_test_wait_until (window_idle, window, "the window to read the year");

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) item = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (item) &&
          g_strcmp0 (gtk_event_controller_get_name (item), "evt-import-drop") == 0)
        target = GTK_DROP_TARGET (item);
    }
  g_assert_nonnull (target);
  g_assert_true (g_type_is_a (gtk_drop_target_get_gtypes (target, NULL)[0], GDK_TYPE_FILE_LIST));

  controller = evt_window_get_import_controller (window);
  g_assert_true (evt_import_controller_get_store (controller) == fixture->store);
  g_signal_emit_by_name (target, "drop", value, 100.0, 100.0, &taken);
  g_assert_true (taken);
  evt_test_wait_until (import_idle, controller, "the dropped file to be imported");
  g_assert_cmpstr (evt_import_controller_get_summary (controller), ==,
                   "5 imported, 0 updated, 0 unchanged, 0 skipped");
  g_assert_cmpint (evt_store_count_events (fixture->store, NULL), ==, 5);

  destroy_window (GTK_WIDGET (window));
}

static void
test_calendar_names (void)
{
  const struct { const char *name; gboolean ics; } cases[] = {
    { "partners.ics", TRUE },
    { "EXPORT.ICS", TRUE },
    { "salons.ical", TRUE },
    { "salons.ics.pdf", FALSE },
    { "notes.txt", FALSE },
    { "ics", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename ("/tmp", cases[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_cmpint (evt_import_is_calendar_file (file), ==, cases[i].ics);
    }
}

/* --- Export -------------------------------------------------------------------------- */

static void
on_exported (EvtExportDialog *dialog,
             GFile           *file,
             guint            n_events,
             guint           *out)
{
  *out = n_events;
}

static void
test_export_current (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(EvtQuery) query = evt_query_new ();
  g_autoptr(EvtQuery) public_query = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "eventail-2021.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *unfolded = NULL;
  g_autofree char *expected_toast = NULL;
  EvtExportDialog *dialog;
  guint n_exported = G_MAXUINT;
  guint n_cancelled = 0;

  evt_query_set_year (query, 2021);
  dialog = g_object_ref_sink (evt_export_dialog_new (GTK_WINDOW (fixture->window),
                                                     fixture->store, query, NULL,
                                                     ADW_TOAST_OVERLAY (fixture->overlay)));
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &n_exported);
  gtk_window_present (GTK_WINDOW (dialog));

  name = evt_export_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "eventail-2021.ics");

  evt_export_dialog_export_to_file (dialog, file);
  g_assert_true (evt_export_dialog_get_busy (dialog));
  evt_test_wait_until (export_idle, dialog, "the export");
  g_assert_null (evt_export_dialog_get_error (dialog));

  /* The public events of 2021, each with its SUMMARY; a cancelled one with a prefix, by
   * default, as in a new feed and from `eventail export` (tests/test-feed.c). */
  public_query = evt_query_copy (query);
  public_query->visibility = EVT_VISIBILITY_PUBLIC;
  events = evt_store_query (fixture->store, public_query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 10);
  g_assert_cmpuint (n_exported, ==, events->len);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (contents, "END:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (contents, "X-WR-CALNAME:Eventail 2021\r\n"));
  unfolded = evt_ical_unfold (contents);
  for (guint i = 0; i < events->len; i++)
    {
      EvtEvent *event = g_ptr_array_index (events, i);
      g_autofree char *escaped = evt_ical_escape_text (evt_event_get_title (event));
      g_autofree char *line = NULL;

      if (evt_event_get_status (event) == EVT_STATUS_CANCELLED)
        {
          line = g_strdup_printf ("\r\nSUMMARY:[CANCELLED] %s\r\n", escaped);
          n_cancelled++;
        }
      else if (evt_event_get_status (event) == EVT_STATUS_POSTPONED)
        line = g_strdup_printf ("\r\nSUMMARY:[POSTPONED] %s\r\n", escaped);
      else
        line = g_strdup_printf ("\r\nSUMMARY:%s\r\n", escaped);
      if (strstr (unfolded, line) == NULL)
        g_error ("%s not in the export", line + 2);
    }
  g_assert_cmpuint (n_cancelled, >, 0);

  expected_toast = g_strdup_printf ("Exported %u events to eventail-2021.ics", events->len);
  g_assert_cmpstr (evt_export_dialog_get_last_toast (dialog), ==, expected_toast);

  /* The dialog closed itself. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
}

static gboolean
sources_loaded (gpointer data)
{
  return evt_export_dialog_get_n_sources (data) > 1;
}

static void
test_export_feed (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(EvtFeed) feed = evt_feed_new ("Équipe interne");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "out", "equipe.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  EvtExportDialog *dialog;

  evt_feed_set_privacy (feed, EVT_ICAL_PRIVACY_INTERNAL);
  evt_feed_set_range (feed, EVT_FEED_RANGE_YEARS, 2022, 2022);
  evt_feed_save (fixture->store, feed, &error);
  g_assert_no_error (error);

  dialog = g_object_ref_sink (evt_export_dialog_new (GTK_WINDOW (fixture->window),
                                                     fixture->store, NULL, NULL, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  evt_test_wait_until (sources_loaded, dialog, "the feeds");
  g_assert_cmpuint (evt_export_dialog_get_n_sources (dialog), ==, 2);

  name = evt_export_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "eventail.ics");
  g_clear_pointer (&name, g_free);

  evt_export_dialog_select_source (dialog, 1);
  name = evt_export_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "equipe-interne.ics");

  /* A folder that does not exist: the error is shown and the dialog stays. */
  evt_export_dialog_export_to_file (dialog, file);
  evt_test_wait_until (export_idle, dialog, "the export");
  g_assert_nonnull (evt_export_dialog_get_error (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  {
    g_autofree char *folder = g_path_get_dirname (path);

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  }
  evt_export_dialog_set_cancelled (dialog, EVT_EXPORT_CHOICE_EXCLUDE);
  evt_export_dialog_export_to_file (dialog, file);
  evt_test_wait_until (export_idle, dialog, "the export");
  g_assert_null (evt_export_dialog_get_error (dialog));

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "X-WR-CALNAME:Équipe interne\r\n"));
  g_assert_null (strstr (contents, "STATUS:CANCELLED"));
  g_assert_null (strstr (contents, "DTSTART;VALUE=DATE:2021"));
  g_assert_nonnull (strstr (contents, "DTSTART;VALUE=DATE:2022"));
  g_assert_true (g_str_has_prefix (evt_export_dialog_get_last_toast (dialog), "Exported "));
  g_assert_true (g_str_has_suffix (evt_export_dialog_get_last_toast (dialog), " to equipe.ics"));

  g_object_unref (dialog);
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

#define ADD(path, func, sample) \
  g_test_add (path, Fixture, GINT_TO_POINTER (sample), fixture_set_up, func, fixture_tear_down)

  ADD ("/dialogs/preferences/sectors-listed", test_sectors_listed, FALSE);
  ADD ("/dialogs/preferences/sector-colour", test_sector_colour, FALSE);
  ADD ("/dialogs/preferences/sector-add-remove", test_sector_add_remove, TRUE);
  ADD ("/dialogs/preferences/add-feed", test_add_feed, TRUE);
  ADD ("/dialogs/preferences/timezone", test_timezone, FALSE);
  ADD ("/dialogs/preferences/folder", test_folder, TRUE);
  ADD ("/dialogs/import/summary", test_import_summary, FALSE);
  ADD ("/dialogs/import/refused", test_import_refused, FALSE);
  ADD ("/dialogs/import/drop", test_import_drop, FALSE);
  g_test_add_func ("/dialogs/import/calendar-names", test_calendar_names);
  ADD ("/dialogs/import/window-drop", test_window_drop, FALSE);
  ADD ("/dialogs/export/current-filter", test_export_current, TRUE);
  ADD ("/dialogs/export/feed", test_export_feed, TRUE);

#undef ADD

  return g_test_run ();
}
