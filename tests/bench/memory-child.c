/* SPDX-License-Identifier: GPL-3.0-or-later */
/* memory-child.c: Eventail holding every event of a database, for bench-memory to weigh. */
#include "config.h"

#include "evt-application.h"
#include "evt-list-view-private.h"
#include "evt-window-private.h"

/*
 *   memory-child list DATABASE   the real application (EvtApplication, as `eventail
 *                                --database DATABASE` runs it) opens on the year view,
 *                                as at start-up; then, as a planner would, shows the
 *                                List view and its "all years" filter, and waits until
 *                                every event is read, sorted and a frame is drawn
 *                                (the "list-" figures); then works with it: sorts by
 *                                title, searches "be", clears the search, sorts by
 *                                city (descending) and back by date, each step shown
 *                                before the next, for the peak of a working session.
 *   memory-child core DATABASE   no GTK: the store and an EvtEventList of every event,
 *                                the core's share of the list.
 * Each prints "bench KEY VALUE" lines (VmHWM, VmRSS in kB, events held) and exits.
 */

static void
print_memory (const char *prefix)
{
  static const char * const keys[] = { "VmHWM:", "VmRSS:" };
  g_autofree char *status = NULL;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    g_error ("cannot read /proc/self/status");

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *line = strstr (status, keys[i]);
      g_autofree char *name = g_ascii_strdown (keys[i], strlen (keys[i]) - 1);

      if (line != NULL)
        g_print ("bench %s%s-kb %" G_GINT64_FORMAT "\n", prefix, name,
                 g_ascii_strtoll (line + strlen (keys[i]), NULL, 10));
    }
}

/* The core alone */

static int
run_core (const char *path)
{
  g_autoptr(EvtStore) store = evt_store_new (path);
  g_autoptr(EvtEventList) list = NULL;
  g_autoptr(EvtQuery) query = evt_query_new ();
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (!evt_store_open (store, NULL, &error))
    g_error ("%s", error->message);
  print_memory ("open-");

  start = g_get_monotonic_time ();
  list = evt_event_list_new (store);
  evt_event_list_set_query (list, query);
  while (evt_event_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  if (evt_event_list_get_error (list) != NULL)
    g_error ("%s", evt_event_list_get_error (list));

  g_print ("bench load-ms %.1f\n", (g_get_monotonic_time () - start) / 1000.0);
  g_print ("bench events %u\n", g_list_model_get_n_items (G_LIST_MODEL (list)));
  print_memory ("");
  return 0;
}

/* The whole application */

typedef enum
{
  WAIT_YEAR,
  WAIT_LIST,
  LIST_DONE,
  SESSION,
  SESSION_DONE,
} Stage;

/* The working session after the List of all: what each step does to the list view. */
typedef enum
{
  STEP_SORT_TITLE,
  STEP_SEARCH,
  STEP_CLEAR_SEARCH,
  STEP_SORT_CITY,
  STEP_SORT_DATE,
  N_STEPS
} Step;

static guint step;

static Stage stage = WAIT_YEAR;
static EvtListView *list_view;
static gint64 n_events = -1;

static EvtListView *
find_list_view (GtkWidget *widget)
{
  if (EVT_IS_LIST_VIEW (widget))
    return EVT_LIST_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      EvtListView *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
sort_by (EvtListColumn column,
         GtkSortType   order)
{
  gtk_column_view_sort_by_column (evt_list_view_get_column_view (list_view),
                                  evt_list_view_get_column (list_view, column), order);
}

static void
run_step (Step what)
{
  switch (what)
    {
    case STEP_SORT_TITLE:
      sort_by (EVT_LIST_COLUMN_TITLE, GTK_SORT_ASCENDING);
      break;
    case STEP_SEARCH:
      evt_list_view_set_search_text (list_view, "be");
      break;
    case STEP_CLEAR_SEARCH:
      evt_list_view_set_search_text (list_view, "");
      break;
    case STEP_SORT_CITY:
      sort_by (EVT_LIST_COLUMN_CITY, GTK_SORT_DESCENDING);
      break;
    case STEP_SORT_DATE:
      sort_by (EVT_LIST_COLUMN_DATES, GTK_SORT_ASCENDING);
      break;
    case N_STEPS:
    default:
      g_assert_not_reached ();
    }
}

/* The list's answer may come without a row changing on screen: once the view is idle,
 * one more frame is asked for, and the next step taken (or the memory weighed) when it
 * is painted. Polled rather than drawn continuously, which would take the main loop
 * from the work on a slow renderer. */
static gboolean
check_list_done (gpointer user_data)
{
  GtkWidget *window = user_data;

  if (evt_window_is_busy (EVT_WINDOW (window)) || evt_list_view_is_busy (list_view) ||
      (stage == WAIT_LIST &&
       g_list_model_get_n_items (evt_list_view_get_model (list_view)) < n_events))
    return G_SOURCE_CONTINUE;

  stage = stage == WAIT_LIST ? LIST_DONE : SESSION_DONE;
  gtk_widget_queue_draw (window);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                EvtWindow     *window)
{
  EvtStore *store = evt_window_get_store (window);

  if (store == NULL || evt_window_is_busy (window) ||
      g_str_equal (evt_window_get_page (window), "loading"))
    return;

  if (stage == WAIT_YEAR)
    {
      g_print ("bench year-events %u\n",
               g_list_model_get_n_items (G_LIST_MODEL (evt_window_get_event_list (window))));
      print_memory ("year-");

      /* The List is built when first shown. */
      evt_window_set_view (window, "list");
      list_view = find_list_view (GTK_WIDGET (window));
      if (list_view == NULL)
        g_error ("the window has no list view");
      evt_list_view_set_all_years (list_view, TRUE);
      n_events = evt_store_count_events (store, NULL);
      stage = WAIT_LIST;
      g_timeout_add (50, check_list_done, window);
      return;
    }

  if (stage == LIST_DONE)
    {
      g_print ("bench events %u\n",
               g_list_model_get_n_items (evt_list_view_get_model (list_view)));
      print_memory ("list-");
    }
  else if (stage != SESSION_DONE)
    return;

  if (stage == SESSION_DONE && ++step == N_STEPS)
    {
      print_memory ("session-");
      g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
      g_application_quit (g_application_get_default ());
      return;
    }

  stage = SESSION;
  run_step (step);
  g_timeout_add (50, check_list_done, window);
}

static void
on_realize (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_after_paint), window, 0);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  if (EVT_IS_WINDOW (window))
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}

static int
run_list (const char *path)
{
  g_autoptr(EvtApplication) app = evt_application_new ();
  char *argv[] = { "eventail", "--database", (char *) path, NULL };

  /* Else the application would quit at its first frame with events, as for bench-startup. */
  g_unsetenv ("EVENTAIL_BENCH_START");
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "core"))
    return run_core (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "list"))
    return run_list (argv[2]);

  g_printerr ("usage: memory-child core|list DATABASE\n");
  return 2;
}
