/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bare-window.c: the benchmarks' peer, an empty libadwaita window the size of Eventail's. */
#include <adwaita.h>

/*
 * An AdwApplication that shows an AdwApplicationWindow with a header bar and
 * nothing else, at Eventail's default size (1100×760). Like Eventail run by the
 * benchmarks (EVENTAIL_BENCH_START, see ui/evt-application.c), it prints when its
 * first frame was painted, in ms since the g_get_monotonic_time() given in
 * EVENTAIL_BENCH_START (the parent's clock just before the spawn), and its peak
 * memory, then quits.
 */

#define WIDTH  1100
#define HEIGHT 760

static gint64 start_us;

static void
print_peak_memory (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;
  line = strstr (status, "VmHWM:");
  if (line != NULL)
    g_print ("bench vmhwm-kb %" G_GINT64_FORMAT "\n",
             g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10));
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  g_print ("bench first-frame %.2f\n", (g_get_monotonic_time () - start_us) / 1000.0);
  g_print ("bench renderer %s\n", renderer ? G_OBJECT_TYPE_NAME (renderer) : "none");
  print_peak_memory ();

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  g_application_quit (g_application_get_default ());
}

static void
on_realize (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_after_paint), window, 0);
}

static void
on_activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = adw_window_title_new ("Bare window", NULL);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);

  if (start_us > 0)
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;
  const char *start = g_getenv ("EVENTAIL_BENCH_START");

  start_us = start != NULL ? g_ascii_strtoll (start, NULL, 10) : 0;

  /* Non-unique, as Eventail is when given --database. */
  app = adw_application_new ("io.github.eventail.BareWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
