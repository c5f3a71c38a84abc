/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-memory.c: Eventail's peak memory with 1k to 100k events, next to a bare window. */
#include "config.h"

#include <math.h>

#include "bench-common.h"

/*
 * Run with `meson test --benchmark` under a display (build-aux/bench). Peak resident
 * memory (VmHWM of /proc/self/status, read by each child just before it quits) of:
 *  - the bare window (bare-window: an empty AdwApplicationWindow, same size);
 *  - Eventail at start-up, `eventail --database FILE`, at its first frame with the
 *    current year shown (EVENTAIL_BENCH_START, see ui/evt-application.c);
 *  - Eventail showing every event: memory-child runs the same application, then
 *    switches to the List view with "all years", and waits for every event to be read,
 *    sorted and drawn; then works with it (sorts by title, searches, clears the search,
 *    sorts by city and back by date), for the peak of a working session;
 *  - the core's share: memory-child core, the store and an EvtEventList of every event
 *    with no GTK at all; the resident memory it adds over the open store, divided by
 *    the number of events, is the cost of one event held in memory.
 * Medians of EVENTAIL_BENCH_RUNS runs (3 by default). The target: under 150 MB
 * with 100k events. Nothing is asserted.
 */

#define DEFAULT_RUNS     3
#define CHILD_TIMEOUT_S  600
#define TARGET_MB        150.0
#define TARGET_SIZE      100000

static double
run_median (BenchSetup          *setup,
            const char * const  *argv,
            const char * const  *keys,
            double              *values)
{
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint n_keys = g_strv_length ((char **) keys);

  for (guint k = 0; k < n_keys; k++)
    g_ptr_array_add (samples, g_array_new (FALSE, FALSE, sizeof (double)));

  for (guint r = 0; r < setup->runs; r++)
    {
      g_autoptr(GHashTable) result = NULL;
      g_autoptr(GError) error = NULL;

      result = bench_run_child (setup, argv, CHILD_TIMEOUT_S, &error);
      if (result == NULL)
        g_error ("%s: %s", argv[0], error->message);
      for (guint k = 0; k < n_keys; k++)
        {
          double value = bench_get_double (result, keys[k]);

          if (isnan (value))
            g_error ("%s %s printed no %s", argv[0], argv[1] ? argv[1] : "", keys[k]);
          g_array_append_val (samples->pdata[k], value);
        }
    }

  for (guint k = 0; k < n_keys; k++)
    values[k] = bench_median (samples->pdata[k]);
  return values[0];
}

static char *
mb (double kb)
{
  return g_strdup_printf ("%.1f MB", kb / 1024.0);
}

int
main (int    argc,
      char **argv)
{
  const char *eventail = bench_need_env ("EVENTAIL_BIN");
  const char *bare = bench_need_env ("BARE_WINDOW_BIN");
  const char *child = bench_need_env ("MEMORY_CHILD_BIN");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *load_before = bench_load_average ();
  g_autofree char *load_after = NULL;
  g_autoptr(GString) table = g_string_new (NULL);
  BenchSetup setup;
  double bare_kb;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("no display: run build-aux/bench (xvfb-run) to measure the memory\n");
      return 77;
    }

  if (!bench_setup_init (&setup, DEFAULT_RUNS))
    return 1;

  {
    const char *bare_argv[] = { bare, NULL };
    const char *keys[] = { "vmhwm-kb", NULL };

    run_median (&setup, bare_argv, keys, &bare_kb);
  }

  for (guint i = 0; i < setup.sizes->len; i++)
    {
      guint n = g_array_index (setup.sizes, guint, i);
      g_autofree char *path = bench_setup_database (&setup, n);
      g_autofree char *label = bench_size_label (n);
      const char *start_argv[] = { eventail, "--database", path, NULL };
      const char *list_argv[] = { child, "list", path, NULL };
      const char *core_argv[] = { child, "core", path, NULL };
      const char *start_keys[] = { "vmhwm-kb", NULL };
      const char *list_keys[] = { "list-vmhwm-kb", "events", "list-vmrss-kb",
                                  "session-vmhwm-kb", NULL };
      const char *core_keys[] = { "vmhwm-kb", "vmrss-kb", "open-vmrss-kb", "load-ms", NULL };
      double start_kb, list[4], core[4];
      g_autofree char *bare_text = mb (bare_kb);
      g_autofree char *start_text = NULL;
      g_autofree char *list_text = NULL;
      g_autofree char *session_text = NULL;
      g_autofree char *core_text = NULL;
      g_autofree char *target = NULL;

      run_median (&setup, start_argv, start_keys, &start_kb);
      run_median (&setup, list_argv, list_keys, list);
      run_median (&setup, core_argv, core_keys, core);

      start_text = mb (start_kb);
      list_text = mb (list[0]);
      session_text = mb (list[3]);
      core_text = mb (core[0]);
      if (n == TARGET_SIZE)
        target = g_strdup_printf ("< %.0f MB: %s", TARGET_MB,
                                  list[3] / 1024.0 < TARGET_MB ? "met" : "MISSED");

      g_string_append_printf (table, "%-8s | %-11s | %-19s | %-20s | %-20s | %-21s | %s\n",
                              label, bare_text, start_text, list_text, session_text, core_text,
                              target ? target : "");

      if ((guint) list[1] != n)
        g_string_append_printf (notes, "  %s: the List showed %.0f events, not %u\n",
                                label, list[1], n);
      g_string_append_printf (notes,
                              "  %s: List of all: %.1f MB resident at the end; core: "
                              "%.0f bytes a held event (%.1f MB over the open store), "
                              "read in %.0f ms\n",
                              label, list[2] / 1024.0,
                              (core[1] - core[2]) * 1024.0 / n, (core[1] - core[2]) / 1024.0,
                              core[3]);
    }

  /* The table once every run is done: the databases' generation is reported above it. */
  load_after = bench_load_average ();
  g_print ("\nPeak memory (VmHWM), median of %u runs (%s, %u CPUs, GTK drawing with %s, "
           "load average %s then %s)\n", setup.runs, date, g_get_num_processors (),
           g_strcmp0 (g_getenv ("EVENTAIL_BENCH_GL"), "1") == 0 ? "GL" : "cairo",
           load_before, load_after);
  g_print ("%-8s | %-11s | %-19s | %-20s | %-20s | %-21s | %s\n",
           "events", "bare window", "Eventail, year view", "Eventail, List: all",
           "then sorts, search", "core: list of all", "target");
  g_print ("---------+-------------+---------------------+----------------------+"
           "----------------------+-----------------------+------------------\n");
  g_print ("%s", table->str);

  g_print ("\nYear view: the start-up frame with the current year's events; List: all: "
           "then the List\nview with every year; then sorts, search: the peak after sorting by "
           "title, searching\n\"be\", clearing it, sorting by city and by date; core: the "
           "store and an EvtEventList\nof every event, no GTK.\n%s", notes->str);

  bench_setup_clear (&setup);
  return 0;
}
