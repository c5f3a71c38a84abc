/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-startup.c: Eventail's start-up to its first frames, next to a bare libadwaita window. */
#include "config.h"

#include <math.h>

#include "bench-common.h"
#include "evt-store.h"

/*
 * Run with `meson test --benchmark` under a display (build-aux/bench). Each program is
 * spawned by this one, which passes its clock (CLOCK_MONOTONIC, g_get_monotonic_time)
 * in EVENTAIL_BENCH_START; the child prints, in ms since then:
 *  - "first-frame": after the paint of its first frame (GdkFrameClock::after-paint),
 *    for Eventail the year's events when they were read in time (the year is asked
 *    for while the store opens and the window is built), else a spinner;
 *  - "content" (Eventail only): after the paint of the first frame that shows the
 *    year's events, the year's query done;
 * then quits; and the processor time each child used from spawn to exit (user and system,
 * every thread: see bench_run_child()), which a busy machine does not inflate as it
 * does the wall-clock times. Eventail (`eventail --database FILE`, the current year, a database of
 * 1k, 10k and 100k events) and the peer, bare-window (an AdwApplicationWindow with a
 * header bar, same size), are run in turn, one warm-up run each then
 * EVENTAIL_BENCH_RUNS rounds (7 by default); medians and minimums are printed, with
 * the ratio to the bare window. The target is at most 1.5 times the bare
 * window with 10k events. Nothing is asserted.
 */

#define DEFAULT_RUNS      7
#define CHILD_TIMEOUT_S   300
#define TARGET_RATIO      1.5
#define TARGET_SIZE       10000

typedef struct
{
  char       *label;
  char       *database;   /* NULL for the bare window */
  guint       n_events;
  guint       n_year;     /* events of the current year */
  GArray     *first;      /* double, ms */
  GArray     *content;    /* double, ms */
  GArray     *cpu;        /* double, ms */
} Program;

static char *renderer;  /* the bare window's GskRenderer */

static void
program_free (Program *program)
{
  g_free (program->label);
  g_free (program->database);
  g_array_unref (program->first);
  g_array_unref (program->content);
  g_array_unref (program->cpu);
  g_free (program);
}

static Program *
program_new (const char *label,
             const char *database,
             guint       n_events)
{
  Program *program = g_new0 (Program, 1);

  program->label = g_strdup (label);
  program->database = g_strdup (database);
  program->n_events = n_events;
  program->first = g_array_new (FALSE, FALSE, sizeof (double));
  program->content = g_array_new (FALSE, FALSE, sizeof (double));
  program->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  return program;
}

static guint
count_current_year (const char *path)
{
  g_autoptr(EvtStore) store = evt_store_new (path);
  g_autoptr(EvtQuery) query = evt_query_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  evt_query_set_year (query, g_date_time_get_year (now));
  if (!evt_store_open (store, NULL, &error) ||
      (events = evt_store_query (store, query, &error)) == NULL)
    g_error ("%s: %s", path, error->message);
  return events->len;
}

static void
run_once (BenchSetup *setup,
          Program    *program,
          gboolean    keep)
{
  const char *eventail = bench_need_env ("EVENTAIL_BIN");
  const char *bare = bench_need_env ("BARE_WINDOW_BIN");
  const char *eventail_argv[] = { eventail, "--database", program->database, NULL };
  const char *bare_argv[] = { bare, NULL };
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  double first;
  double content;
  double cpu;

  values = bench_run_child (setup, program->database ? eventail_argv : bare_argv,
                            CHILD_TIMEOUT_S, &error);
  if (values == NULL)
    g_error ("%s: %s", program->label, error->message);

  first = bench_get_double (values, "first-frame");
  content = bench_get_double (values, "content");
  cpu = bench_get_double (values, "cpu-ms");
  if (isnan (first) || (program->database != NULL && isnan (content)))
    g_error ("%s printed no frame time", program->label);
  /* "content MS PAGE": the error page is no content. */
  if (program->database != NULL &&
      strstr (g_hash_table_lookup (values, "content"), "error") != NULL)
    g_error ("%s could not show its events", program->label);

  if (program->database == NULL && renderer == NULL)
    renderer = g_strdup (g_hash_table_lookup (values, "renderer"));

  if (!keep)
    return;
  g_array_append_val (program->first, first);
  if (!isnan (content))
    g_array_append_val (program->content, content);
  g_array_append_val (program->cpu, cpu);
}

static void
format_cell (char   *buffer,
             gsize   size,
             GArray *samples)
{
  if (samples->len == 0)
    g_snprintf (buffer, size, "%s", "-");
  else
    g_snprintf (buffer, size, "%.0f / %.0f", bench_median (samples), bench_min (samples));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) programs = g_ptr_array_new_with_free_func ((GDestroyNotify) program_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *load_before = bench_load_average ();
  g_autofree char *load_after = NULL;
  BenchSetup setup;
  Program *bare;
  double bare_median;
  double bare_cpu;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("no display: run build-aux/bench (xvfb-run) to measure the start-up\n");
      return 77;
    }

  if (!bench_setup_init (&setup, DEFAULT_RUNS))
    return 1;

  bare = program_new ("bare window", NULL, 0);
  g_ptr_array_add (programs, bare);
  for (guint i = 0; i < setup.sizes->len; i++)
    {
      guint n = g_array_index (setup.sizes, guint, i);
      g_autofree char *path = bench_setup_database (&setup, n);
      g_autofree char *label = bench_size_label (n);
      Program *program = program_new (label, path, n);

      program->n_year = count_current_year (path);
      g_ptr_array_add (programs, program);
    }

  /* One warm-up run each (page cache, fontconfig cache), then rounds that take the
   * programs in turn, so that a slow moment of the machine falls on all of them. */
  for (guint p = 0; p < programs->len; p++)
    run_once (&setup, programs->pdata[p], FALSE);
  for (guint r = 0; r < setup.runs; r++)
    for (guint p = 0; p < programs->len; p++)
      run_once (&setup, programs->pdata[p], TRUE);

  bare_median = bench_median (bare->first);
  bare_cpu = bench_median (bare->cpu);
  load_after = bench_load_average ();

  g_print ("\nStart-up, spawn to frame painted, ms: median / min of %u runs (%s, %s, "
           "%u CPUs, %s, load average %s then %s)\n", setup.runs, date,
           g_getenv ("WAYLAND_DISPLAY") ? "Wayland" : "X11",
           g_get_num_processors (),
           renderer ? renderer : "unknown renderer", load_before, load_after);
  g_print ("%-6s | %-7s | %-13s | %-13s | %-11s | %-15s | %-20s | %s\n",
           "events", "in year", "Eventail 1st", "Eventail year", "bare window",
           "ratio 1st/year", "CPU ms Eventail/bare", "target (10k)");
  g_print ("-------+---------+---------------+---------------+-------------+"
           "-----------------+----------------------+----------------------\n");
  for (guint p = 1; p < programs->len; p++)
    {
      Program *program = programs->pdata[p];
      char first[32], content[32], peer[32], ratio[32], year[32], cpu[48];
      double ratio_first = bench_median (program->first) / bare_median;
      double ratio_content = bench_median (program->content) / bare_median;
      double median_cpu = bench_median (program->cpu);
      g_autofree char *target = NULL;

      format_cell (first, sizeof first, program->first);
      format_cell (content, sizeof content, program->content);
      format_cell (peer, sizeof peer, bare->first);
      g_snprintf (ratio, sizeof ratio, "%.2fx / %.2fx", ratio_first, ratio_content);
      g_snprintf (year, sizeof year, "%u", program->n_year);
      g_snprintf (cpu, sizeof cpu, "%.0f / %.0f = %.2fx", median_cpu, bare_cpu,
                  median_cpu / bare_cpu);
      if (program->n_events == TARGET_SIZE)
        target = g_strdup_printf ("<= %.1fx: %s / %s", TARGET_RATIO,
                                  ratio_first <= TARGET_RATIO ? "met" : "MISSED",
                                  ratio_content <= TARGET_RATIO ? "met" : "MISSED");
      g_print ("%-6s | %-7s | %-13s | %-13s | %-11s | %-15s | %-20s | %s\n",
               program->label, year, first, content, peer, ratio, cpu,
               target ? target : "");
    }
  g_print ("\nEventail 1st: its window's first paint (the year's events if they were read "
           "in time, else\na spinner); Eventail year: the first paint with the current "
           "year's events (\"in year\"),\nread in a worker thread. The ratios divide "
           "Eventail's median by the bare window's.\nCPU ms: processor time from spawn to "
           "exit (every thread), median; a busy machine\ninflates it less than the "
           "wall-clock times.\n");

  bench_setup_clear (&setup);
  return 0;
}
