/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dialogs-shot.c: shows the preferences, import and export screens and takes a screenshot. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "evt-demo.h"
#include "evt-export-dialog.h"
#include "evt-feed.h"
#include "evt-import-banner.h"
#include "evt-import-controller-private.h"
#include "evt-preferences-window-private.h"

/*
 * Usage: dialogs-shot [--dark] [--width W] [--height H] SCREEN OUT.png
 * SCREEN: general, feeds, sectors, feed-editor, new-feed, export, import-progress,
 *   import-details, import-toast, drop.
 * Needs an X display of at least W×H (xvfb-run -s "-screen 0 1280x900x24") and
 * ImageMagick's `import`: the screenshot is of the whole screen, dialogs over their
 * window as people see them. A temporary database with the sample data is used.
 */

static gboolean timed_out;

static gboolean
on_timeout (gpointer user_data)
{
  timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate (guint ms)
{
  timed_out = FALSE;
  g_timeout_add (ms, on_timeout, NULL);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_prefs (EvtPreferencesWindow *prefs)
{
  for (guint i = 0; i < 500 && evt_preferences_window_get_busy (prefs); i++)
    iterate (10);
}

/* A calendar big enough for the progress bar to show. */
static char *
write_big_calendar (const char *dir)
{
  GString *s = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Shot//EN\r\n");
  char *path = g_build_filename (dir, "partenaires-2022.ics", NULL);

  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (s,
                            "BEGIN:VEVENT\r\nUID:big-%u@shot\r\nDTSTAMP:20220101T000000Z\r\n"
                            "SUMMARY:Rencontre %u\r\nDTSTART;VALUE=DATE:2022%02u%02u\r\n"
                            "END:VEVENT\r\n", i, i, 1 + i % 12, 1 + i % 28);
  g_string_append (s, "END:VCALENDAR\r\n");
  g_file_set_contents (path, s->str, s->len, NULL);
  g_string_free (s, TRUE);

  return path;
}

int
main (int    argc,
      char **argv)
{
  gboolean dark = FALSE;
  int width = 1100;
  int height = 760;
  const char *screen = NULL;
  const char *path = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtImportController) controller = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *feeds = NULL;
  g_autofree char *geometry = NULL;
  GtkWidget *window, *box, *header, *overlay, *status;
  GtkWidget *banner;
  int exit_status = 0;
  char *import_argv[] = { "import", "-window", "root", NULL, NULL, NULL, NULL };

  setlocale (LC_ALL, "");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--dark"))
        dark = TRUE;
      else if (g_str_equal (argv[i], "--width") && i + 1 < argc)
        width = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--height") && i + 1 < argc)
        height = atoi (argv[++i]);
      else if (screen == NULL)
        screen = argv[i];
      else
        path = argv[i];
    }

  if (screen == NULL || path == NULL)
    {
      g_printerr ("Usage: %s [--dark] [--width W] [--height H] SCREEN OUT.png\n", argv[0]);
      return 2;
    }

  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under xvfb-run\n");
      return 77;
    }
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/eventail/Eventail/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  dir = g_dir_make_tmp ("eventail-shot-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "eventail.db", NULL);
  feeds = g_build_filename (dir, "feeds", NULL);
  store = evt_store_new (db);
  if (!evt_store_open (store, NULL, &error) || !evt_demo_load (store, NULL, &error) ||
      !evt_feed_set_folder (store, feeds, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  {
    g_autoptr(EvtFeed) members = evt_feed_new ("Salons 2021–2022 (adhérents)");
    g_autoptr(EvtFeed) internal = evt_feed_new ("Équipe — tout");
    const char *sectors[] = { "health", "aerospace", NULL };

    evt_feed_set_range (members, EVT_FEED_RANGE_YEARS, 2021, 2022);
    evt_feed_set_sectors (members, sectors);
    evt_feed_set_colour (members, "#1c71d8");
    evt_feed_set_range (internal, EVT_FEED_RANGE_ROLLING, -1, 2);
    evt_feed_set_privacy (internal, EVT_ICAL_PRIVACY_INTERNAL);
    evt_feed_set_cancelled (internal, EVT_ICAL_STATUS_INCLUDE);
    if (!evt_feed_save (store, members, &error) || !evt_feed_save (store, internal, &error))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
  }

  /* A stand-in for the main window: header bar, import banner, toasts over a page. */
  window = adw_application_window_new (NULL);
  gtk_window_set_title (GTK_WINDOW (window), "Eventail");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new ("2021", "45 events"));
  gtk_box_append (GTK_BOX (box), header);
  overlay = adw_toast_overlay_new ();
  controller = evt_import_controller_new (GTK_WINDOW (window), ADW_TOAST_OVERLAY (overlay));
  evt_import_controller_set_store (controller, store);
  banner = evt_import_banner_new (controller);
  gtk_box_append (GTK_BOX (box), banner);
  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Year 2021");
  gtk_widget_set_vexpand (status, TRUE);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), status);
  gtk_box_append (GTK_BOX (box), overlay);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  iterate (300);

  if (g_str_equal (screen, "general") || g_str_equal (screen, "feeds") ||
      g_str_equal (screen, "sectors") || g_str_equal (screen, "feed-editor") ||
      g_str_equal (screen, "new-feed"))
    {
      EvtPreferencesWindow *prefs = evt_preferences_window_new (GTK_WINDOW (window), store);

      gtk_window_set_default_size (GTK_WINDOW (prefs), MIN (640, width), MIN (700, height));
      gtk_window_present (GTK_WINDOW (prefs));
      wait_prefs (prefs);
      if (!g_str_equal (screen, "general"))
        adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs),
                                                      g_str_equal (screen, "sectors")
                                                        ? "sectors" : "feeds");
      if (g_str_equal (screen, "new-feed"))
        gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.add-feed", NULL);
      else if (g_str_equal (screen, "feed-editor"))
        {
          g_autoptr(GPtrArray) list = evt_feed_list (store, NULL);
          GtkWidget *row = NULL;

          /* Open the first feed as a click on its row does. */
          for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (prefs)); w != NULL;)
            {
              if (ADW_IS_ACTION_ROW (w) && g_object_get_data (G_OBJECT (w), "evt-feed") != NULL)
                {
                  row = w;
                  break;
                }
              if (gtk_widget_get_first_child (w) != NULL)
                w = gtk_widget_get_first_child (w);
              else
                {
                  while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
                    w = gtk_widget_get_parent (w);
                  if (w != NULL)
                    w = gtk_widget_get_next_sibling (w);
                }
            }
          g_assert (row != NULL && list->len > 0);
          adw_action_row_activate (ADW_ACTION_ROW (row));
        }
    }
  else if (g_str_equal (screen, "export"))
    {
      g_autoptr(EvtQuery) query = evt_query_new ();
      EvtExportDialog *dialog;

      evt_query_set_year (query, 2021);
      dialog = evt_export_dialog_new (GTK_WINDOW (window), store, query, NULL,
                                      ADW_TOAST_OVERLAY (overlay));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (g_str_equal (screen, "import-progress"))
    {
      g_autofree char *big = write_big_calendar (dir);
      g_autoptr(GFile) file = g_file_new_for_path (big);
      g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

      g_list_store_append (files, file);
      evt_import_controller_import (controller, G_LIST_MODEL (files));
      while (!evt_import_controller_get_show_progress (controller) ||
             evt_import_controller_get_fraction (controller) < 0.2)
        iterate (5);
    }
  else if (g_str_equal (screen, "import-toast") || g_str_equal (screen, "import-details"))
    {
      g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
      const char *names[] = { "missing-uid-dtstart.ics", "month-13.ics", "unknown-tzid.ics",
                              "truncated.ics" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *fixture = g_build_filename (SOURCE_DIR, "fixtures", "import",
                                                       names[i], NULL);
          g_autoptr(GFile) file = g_file_new_for_path (fixture);

          g_list_store_append (files, file);
        }
      evt_import_controller_import (controller, G_LIST_MODEL (files));
      while (evt_import_controller_get_busy (controller))
        iterate (10);
      if (g_str_equal (screen, "import-details"))
        evt_import_controller_show_details (controller);
    }
  else if (g_str_equal (screen, "drop"))
    {
      /* What a drop target shows while .ics files hover the window. */
      gtk_widget_add_css_class (overlay, "import-drop");
    }
  else
    {
      g_printerr ("Unknown screen “%s”\n", screen);
      return 2;
    }

  iterate (700);

  geometry = g_strdup_printf ("%dx%d+0+0", width, height);
  import_argv[3] = "-crop";
  import_argv[4] = geometry;
  import_argv[5] = (char *) path;
  if (!g_spawn_sync (NULL, import_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &exit_status, &error) ||
      !g_spawn_check_wait_status (exit_status, &error))
    {
      g_printerr ("import: %s\n", error->message);
      return 1;
    }
  g_print ("%s\n", path);

  evt_import_controller_cancel (controller);
  while (evt_import_controller_get_busy (controller))
    iterate (10);

  return 0;
}
