/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-common.c: what the start-up and memory benchmarks share: children, sizes, medians. */
#include "config.h"

#include <math.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "bench-common.h"
#include "make-db.h"

/*
 * Environment:
 *   EVENTAIL_BENCH_SIZES  numbers of events, "1000,10000,100000" by default
 *   EVENTAIL_BENCH_RUNS   measured runs of each program (after one warm-up run)
 *   EVENTAIL_BENCH_DIR    where generated databases are cached (the build folder)
 *   EVENTAIL_BENCH_GL     1 to let GTK draw with GL (else GDK_DEBUG=gl-disable: cairo)
 */

/**
 * bench_need_env:
 * @name: an environment variable that meson sets
 *
 * Returns: its value; exits when it is missing
 */
const char *
bench_need_env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL || value[0] == '\0')
    {
      g_printerr ("%s is not set: run the benchmarks with `meson test --benchmark`\n", name);
      exit (1);
    }
  return value;
}

/**
 * bench_setup_init:
 * @setup: the setup to fill
 * @default_runs: runs when EVENTAIL_BENCH_RUNS is not set
 *
 * Reads the sizes and runs, and makes isolated XDG folders for the children.
 *
 * Returns: %TRUE on success
 */
gboolean
bench_setup_init (BenchSetup *setup,
                  guint       default_runs)
{
  const char *sizes = g_getenv ("EVENTAIL_BENCH_SIZES");
  const char *runs = g_getenv ("EVENTAIL_BENCH_RUNS");
  g_auto(GStrv) parts = NULL;
  g_autoptr(GError) error = NULL;

  memset (setup, 0, sizeof *setup);
  setup->cache_dir = g_strdup (bench_need_env ("EVENTAIL_BENCH_DIR"));
  setup->runs = runs != NULL ? (guint) g_ascii_strtoull (runs, NULL, 10) : default_runs;
  if (setup->runs == 0)
    setup->runs = 1;

  setup->sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  parts = g_strsplit (sizes != NULL ? sizes : "1000,10000,100000", ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, 10000000, &n, NULL))
        {
          g_printerr ("EVENTAIL_BENCH_SIZES: “%s” is not a number of events\n", parts[i]);
          return FALSE;
        }
      g_array_append_vals (setup->sizes, &(guint) { n }, 1);
    }

  setup->tmp_dir = g_dir_make_tmp ("eventail-bench-XXXXXX", &error);
  if (setup->tmp_dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
bench_setup_clear (BenchSetup *setup)
{
  if (setup->tmp_dir != NULL)
    remove_tree (setup->tmp_dir);
  g_clear_pointer (&setup->tmp_dir, g_free);
  g_clear_pointer (&setup->cache_dir, g_free);
  g_clear_pointer (&setup->sizes, g_array_unref);
}

/**
 * bench_setup_database:
 * @setup: the setup
 * @n_events: how many events
 *
 * Returns: (transfer full): the cached database of @n_events events, made if needed;
 *   exits on failure
 */
char *
bench_setup_database (BenchSetup *setup,
                      guint       n_events)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gboolean generated;
  char *path;

  path = bench_db_ensure (setup->cache_dir, n_events, &generated, &error);
  if (path == NULL)
    {
      g_printerr ("cannot make a database of %u events: %s\n", n_events, error->message);
      exit (1);
    }
  if (generated)
    g_print ("# generated %s in %.1f s\n", path, (g_get_monotonic_time () - start) / 1e6);
  return path;
}

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  char *out = NULL;

  if (g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &out, NULL, &error))
    g_task_return_pointer (task, out, g_free);
  else
    g_task_return_error (task, error);
  g_object_unref (task);
}

static gint64
timeval_us (const struct timeval *tv)
{
  return (gint64) tv->tv_sec * G_USEC_PER_SEC + tv->tv_usec;
}

static gboolean
on_timeout (gpointer user_data)
{
  g_subprocess_force_exit (user_data);
  return G_SOURCE_REMOVE;
}

/**
 * bench_run_child:
 * @setup: the setup
 * @argv: the program and its arguments
 * @timeout_s: how long it may run
 * @error: return location for a #GError
 *
 * Runs @argv with isolated XDG folders and EVENTAIL_BENCH_START set to the clock just
 * before the spawn, and collects the "bench KEY VALUE" lines it prints. "cpu-ms" is
 * added: the processor time (user and system, every thread) the child used from its
 * spawn to its exit, which other work on the machine does not inflate as it does the
 * wall-clock times.
 *
 * Returns: (transfer full): KEY → VALUE, or %NULL if the child failed
 */
GHashTable *
bench_run_child (BenchSetup          *setup,
                 const char * const  *argv,
                 guint                timeout_s,
                 GError             **error)
{
  static const char * const xdg[] = {
    "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *out = NULL;
  g_autofree char *start = NULL;
  g_auto(GStrv) lines = NULL;
  struct rusage usage_before, usage_after;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  double cpu_ms;
  guint timeout_id;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  for (guint i = 0; i < G_N_ELEMENTS (xdg); i++)
    {
      g_autofree char *dir = g_build_filename (setup->tmp_dir, xdg[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_subprocess_launcher_setenv (launcher, xdg[i], dir, TRUE);
    }
  g_subprocess_launcher_unsetenv (launcher, "EVENTAIL_DATABASE");
  /* Xvfb has no GPU: GL would be Mesa's software rasteriser, slow to start and
   * heavy (some 120 MB more for an empty window), which is not what people run on.
   * GTK draws with cairo instead, as in the display tests, unless asked. */
  if (g_strcmp0 (g_getenv ("EVENTAIL_BENCH_GL"), "1") != 0)
    {
      g_subprocess_launcher_setenv (launcher, "GDK_DEBUG", "gl-disable", TRUE);
      g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
    }

  getrusage (RUSAGE_CHILDREN, &usage_before);
  start = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  g_subprocess_launcher_setenv (launcher, "EVENTAIL_BENCH_START", start, TRUE);
  child = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (child == NULL)
    return NULL;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_subprocess_communicate_utf8_async (child, NULL, NULL, on_communicated,
                                       g_object_ref (task));
  timeout_id = g_timeout_add_seconds (timeout_s, on_timeout, child);
  while (!g_task_get_completed (task))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);

  out = g_task_propagate_pointer (task, error);
  if (out == NULL)
    return NULL;
  if (!g_subprocess_wait_check (child, NULL, error))
    {
      g_prefix_error (error, "%s (output: %s): ", argv[0], out);
      return NULL;
    }

  /* The child has been waited for: its times are in RUSAGE_CHILDREN. */
  getrusage (RUSAGE_CHILDREN, &usage_after);

  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cpu_ms = (timeval_us (&usage_after.ru_utime) + timeval_us (&usage_after.ru_stime) -
            timeval_us (&usage_before.ru_utime) - timeval_us (&usage_before.ru_stime)) / 1000.0;
  g_hash_table_replace (values, g_strdup ("cpu-ms"),
                        g_strdup (g_ascii_formatd (number, sizeof number, "%.2f", cpu_ms)));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;

      if (!g_str_has_prefix (lines[i], "bench "))
        continue;
      words = g_strsplit (lines[i] + strlen ("bench "), " ", 2);
      if (words[0] != NULL && words[1] != NULL)
        g_hash_table_replace (values, g_strdup (words[0]), g_strdup (words[1]));
    }
  return g_steal_pointer (&values);
}

/**
 * bench_get_double:
 * @values: what a child printed
 * @key: a key
 *
 * Returns: the number printed for @key, NaN if none
 */
double
bench_get_double (GHashTable *values,
                  const char *key)
{
  const char *value = g_hash_table_lookup (values, key);

  return value != NULL ? g_ascii_strtod (value, NULL) : NAN;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

/**
 * bench_median:
 * @samples: doubles, sorted in place
 *
 * Returns: the median (the mean of the two middle ones for an even count)
 */
double
bench_median (GArray *samples)
{
  guint n = samples->len;

  if (n == 0)
    return NAN;
  g_array_sort (samples, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (samples, double, n / 2);
  return (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
}

/**
 * bench_min:
 * @samples: doubles
 *
 * Returns: the smallest
 */
double
bench_min (GArray *samples)
{
  double min = INFINITY;

  for (guint i = 0; i < samples->len; i++)
    min = MIN (min, g_array_index (samples, double, i));
  return samples->len > 0 ? min : NAN;
}

/**
 * bench_load_average:
 *
 * Returns: (transfer full): the load average over the last minute, "?" if unknown: other
 *   work on the machine makes the figures noisy
 */
char *
bench_load_average (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("?");
  fields = g_strsplit (text, " ", 2);
  return g_strdup (fields[0]);
}

/**
 * bench_size_label:
 * @n_events: a number of events
 *
 * Returns: (transfer full): "1k", "100k", or the number itself
 */
char *
bench_size_label (guint n_events)
{
  if (n_events >= 1000 && n_events % 1000 == 0)
    return g_strdup_printf ("%uk", n_events / 1000);
  return g_strdup_printf ("%u", n_events);
}
