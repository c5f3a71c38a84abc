/* SPDX-License-Identifier: GPL-3.0-or-later */
/* year-view-shot.c: renders the year view of a made-up dense year to a PNG file. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <adwaita.h>

#include "evt-year-view-private.h"
#include "year-view-data.h"

/*
 * Usage: year-view-shot [--dark] [--full] [--width W] [--height H] [--events N] OUT.png
 * Needs a display (xvfb-run). Without --full, renders the window as a person sees it
 * (header bar and the scrolled view, scrolled to the top); with --full, the whole
 * year at the window's width, however tall it is.
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
  guint id;

  timed_out = FALSE;
  id = g_timeout_add (ms, on_timeout, NULL);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
  (void) id;
}

static gboolean
render (GtkWidget   *widget,
        const char  *path,
        GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "nothing was drawn");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write %s", path);
      return FALSE;
    }

  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  gboolean dark = FALSE;
  gboolean full = FALSE;
  int width = 1280;
  int height = 860;
  int n_events = 300;
  const char *path = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GHashTable) colours = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *scrolled;
  GtkWidget *view;
  GDate today;

  setlocale (LC_ALL, "");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--dark"))
        dark = TRUE;
      else if (g_str_equal (argv[i], "--full"))
        full = TRUE;
      else if (g_str_equal (argv[i], "--width") && i + 1 < argc)
        width = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--height") && i + 1 < argc)
        height = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--events") && i + 1 < argc)
        n_events = atoi (argv[++i]);
      else
        path = argv[i];
    }

  if (path == NULL)
    {
      g_printerr ("Usage: %s [--dark] [--full] [--width W] [--height H] [--events N] OUT.png\n",
                  argv[0]);
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

  store = year_view_data_dense_year (2021, (guint) n_events, 2021);
  colours = year_view_data_sector_colours ();

  view = evt_year_view_new ();
  evt_year_view_set_year (EVT_YEAR_VIEW (view), 2021);
  evt_year_view_set_model (EVT_YEAR_VIEW (view), G_LIST_MODEL (store));
  evt_year_view_set_sector_colours (EVT_YEAR_VIEW (view), colours);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2021);
  evt_year_view_set_today (EVT_YEAR_VIEW (view), &today);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);

  subtitle = g_strdup_printf ("%u events", g_list_model_get_n_items (G_LIST_MODEL (store)));
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new ("2021", subtitle));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);

  window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  iterate (600);

  /* Show the focus ring on an event of the visible months. */
  gtk_widget_grab_focus (view);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  {
    const EvtYearLayout *layout = evt_year_view_get_layout (EVT_YEAR_VIEW (view));

    for (guint i = 0; i < layout->segments->len; i++)
      {
        const EvtYearSegment *seg = &g_array_index (layout->segments, EvtYearSegment, i);

        if (seg->month == 3 && seg->first_day >= 8 && seg->last_day > seg->first_day)
          {
            evt_year_view_focus_event (EVT_YEAR_VIEW (view),
                                       evt_year_view_get_item (EVT_YEAR_VIEW (view), seg->item));
            break;
          }
      }
  }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                            0);
  iterate (400);

  if (!render (full ? view : window, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%s: %d×%d\n", path,
           gtk_widget_get_width (full ? view : window),
           gtk_widget_get_height (full ? view : window));
  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
