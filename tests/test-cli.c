/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: the real `eventail` binary's subcommands on a temporary database (suite core). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "evt-cli.h"

/* --- Running the binary ------------------------------------------------------ */

typedef struct
{
  char  *dir;       /* the temporary folder of the test */
  char  *db;        /* the database, given through EVENTAIL_DATABASE */
  char  *xdg;       /* XDG_DATA_HOME, where the default database would go */
  char **envp;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_free (Result *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static const char *
eventail_bin (void)
{
  static char *path;

  if (path == NULL)
    {
      const char *env = g_getenv ("EVENTAIL_BIN");

      path = env != NULL ? g_strdup (env)
                         : g_test_build_filename (G_TEST_BUILT, "..", "eventail", NULL);
    }
  return path;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("eventail-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "events.db", NULL);
  f->xdg = g_build_filename (f->dir, "xdg-data", NULL);
  g_assert_cmpint (g_mkdir (f->xdg, 0700), ==, 0);

  f->envp = g_get_environ ();
  f->envp = g_environ_setenv (f->envp, "EVENTAIL_DATABASE", f->db, TRUE);
  f->envp = g_environ_setenv (f->envp, "XDG_DATA_HOME", f->xdg, TRUE);
  f->envp = g_environ_setenv (f->envp, "LC_ALL", "C.UTF-8", TRUE);
  f->envp = g_environ_setenv (f->envp, "TZ", "Europe/Paris", TRUE);
  /* A critical in the binary is a bug: make it abort, so the exit status shows it. */
  f->envp = g_environ_setenv (f->envp, "G_DEBUG", "fatal-criticals", TRUE);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->xdg);
  g_strfreev (f->envp);
}

/* Runs `eventail ARGS…` with @envp and checks it did not crash nor trip a sanitizer. */
static Result *
run_argv_env (char       **envp,
              const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Result *result = g_new0 (Result, 1);
  int wait_status;

  g_ptr_array_add (argv, (gpointer) eventail_bin ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);

  if (g_spawn_check_wait_status (wait_status, &error))
    result->status = 0;
  else
    {
      g_autofree char *command = g_strjoinv (" ", (char **) args);

      if (!g_error_matches (error, G_SPAWN_EXIT_ERROR, error->code))
        g_error ("eventail %s: %s\n%s", command, error->message, result->err);
      result->status = error->code;
    }

  g_assert_null (strstr (result->err, "runtime error:"));
  g_assert_null (strstr (result->err, "Sanitizer"));
  g_assert_null (strstr (result->err, "CRITICAL"));

  return result;
}

static Result *
run_env (char       **envp,
         const char  *first,
         ...) G_GNUC_NULL_TERMINATED;

static Result *
run_env (char       **envp,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return run_argv_env (envp, (const char * const *) args->pdata);
}

#define run(f, ...) run_env ((f)->envp, __VA_ARGS__, NULL)

/* Runs a command that must succeed and returns its stdout. */
#define run_ok(f, ...) run_ok_impl (run (f, __VA_ARGS__))

static char *
run_ok_impl (Result *result)
{
  char *out;

  if (result->status != 0)
    g_error ("exit status %d, stderr: %s", result->status, result->err);
  out = g_steal_pointer (&result->out);
  result_free (result);
  return out;
}

static char *
file_hash (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* --- Reading the outputs ----------------------------------------------------- */

/* Parses RFC 4180 CSV strictly: records end with CRLF, quotes only around fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;
  gboolean in_quotes = FALSE;
  gboolean row_started = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (in_quotes)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            in_quotes = FALSE;
          else
            g_string_append_c (field, *p);
          continue;
        }

      row_started = TRUE;
      if (*p == '"')
        {
          /* A quote opens a field, and nothing but a quote may close it. */
          g_assert_cmpuint (field->len, ==, 0);
          g_assert_false (quoted);
          in_quotes = quoted = TRUE;
        }
      else if (*p == ',')
        {
          g_strv_builder_add (row, field->str);
          g_string_truncate (field, 0);
          quoted = FALSE;
        }
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          p++;
          g_strv_builder_add (row, field->str);
          g_string_truncate (field, 0);
          quoted = FALSE;
          g_ptr_array_add (rows, g_strv_builder_end (row));
          g_clear_pointer (&row, g_strv_builder_unref);
          row = g_strv_builder_new ();
          row_started = FALSE;
        }
      else
        {
          /* A bare LF, or text after a closing quote, is not RFC 4180. */
          g_assert_cmpint (*p, !=, '\n');
          g_assert_false (quoted);
          g_string_append_c (field, *p);
        }
    }

  g_assert_false (in_quotes);
  /* The last record ends with CRLF too. */
  g_assert_false (row_started);

  return rows;
}

static int
csv_column (GPtrArray  *rows,
            const char *name)
{
  char **header = g_ptr_array_index (rows, 0);

  for (int i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return i;

  g_error ("no column %s", name);
  return -1;
}

static const char *
csv_get (GPtrArray  *rows,
         guint       row,
         const char *column)
{
  return ((char **) g_ptr_array_index (rows, row))[csv_column (rows, column)];
}

/* Evaluates a Python expression on the JSON @text (bound to `d`), which must be
 * valid JSON for Python's strict parser, and returns what it prints. */
static char *
json_eval (const char *text,
           const char *expression)
{
  const char *python = g_getenv ("PYTHON3") ? g_getenv ("PYTHON3") : "python3";
  g_autofree char *script = g_strdup_printf (
    "import json, sys\n"
    "def strict(c):\n"
    "    raise ValueError('not JSON: ' + c)\n"
    "d = json.loads(sys.stdin.buffer.read().decode('utf-8'), parse_constant=strict)\n"
    "print(%s)\n", expression);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                              G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              python, "-c", script, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, text, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("python: %s\non: %s", err, text);

  return g_strstrip (g_steal_pointer (&out));
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

static guint
load_demo (Fixture *f)
{
  g_autofree char *out = run_ok (f, "demo");
  guint n = 0;

  g_assert_true (sscanf (out, "%u sample events added", &n) == 1);
  g_assert_cmpuint (n, >, 12);
  return n;
}

/* Adds an event and returns its uid. */
#define add_event(f, ...) add_event_impl (run (f, "add", __VA_ARGS__))

static char *
add_event_impl (Result *result)
{
  char *out = run_ok_impl (result);

  /* Only the uid, on one line. */
  g_assert_true (g_str_has_suffix (out, "\n"));
  g_assert_cmpuint (count_lines (out), ==, 1);
  g_strchomp (out);
  g_assert_cmpuint (strlen (out), >, 0);
  return out;
}

/* --- Tests ------------------------------------------------------------------- */

static void
test_is_command (void)
{
  char *window[] = { (char *) "eventail", NULL };
  char *year[] = { (char *) "eventail", (char *) "--year", (char *) "2021", NULL };
  char *help[] = { (char *) "eventail", (char *) "--help", NULL };
  char *list[] = { (char *) "eventail", (char *) "list", (char *) "--year", (char *) "2021",
                   NULL };

  g_assert_false (evt_cli_is_command (1, window));
  g_assert_false (evt_cli_is_command (3, year));
  g_assert_false (evt_cli_is_command (2, help));
  g_assert_true (evt_cli_is_command (4, list));
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  static const char *commands[] = {
    "list", "show", "add", "edit", "cancel", "postpone", "hold", "delete", "demo",
  };
  g_autofree char *out = run_ok (f, "help");
  g_autoptr(Result) unknown = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i]);
      g_autofree char *help = run_ok (f, commands[i], "--help");
      g_autofree char *usage = g_strdup_printf ("eventail %s [OPTION", commands[i]);

      g_assert_nonnull (strstr (out, line));
      g_assert_nonnull (strstr (help, usage));
      g_assert_nonnull (strstr (help, "--database"));
    }

  {
    g_autofree char *list = run_ok (f, "list", "--help");
    g_autofree char *via_help = run_ok (f, "help", "list");
    g_autofree char *show = run_ok (f, "show", "--help");
    g_autofree char *edit = run_ok (f, "edit", "-h");

    g_assert_cmpstr (list, ==, via_help);
    for (guint i = 0; i < 10; i++)
      {
        static const char *options[] = {
          "--year", "--from", "--to", "--status", "--kind", "--sector", "--search",
          "--visibility", "--csv", "--json",
        };
        g_assert_nonnull (strstr (list, options[i]));
      }
    g_assert_nonnull (strstr (show, "EVENT"));
    g_assert_nonnull (strstr (edit, "--clear"));
  }

  /* Help never creates the database. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  unknown = run (f, "help", "frobnicate");
  g_assert_cmpint (unknown->status, ==, 2);
  g_assert_nonnull (strstr (unknown->err, "frobnicate"));
}

static void
test_unknown_command (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(Result) result = run (f, "frobnicate", "--year", "2021");

  g_assert_cmpint (result->status, ==, 2);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_cmpuint (count_lines (result->err), ==, 1);
  g_assert_true (g_str_has_prefix (result->err, "eventail: "));
  g_assert_nonnull (strstr (result->err, "“frobnicate”"));
  g_assert_nonnull (strstr (result->err, "list"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_demo_twice (Fixture       *f,
                 gconstpointer  data)
{
  guint n = load_demo (f);
  g_autofree char *csv = run_ok (f, "list", "--csv");
  g_autoptr(GPtrArray) rows = parse_csv (csv);
  g_autofree char *again = run_ok (f, "demo");
  g_autofree char *csv2 = run_ok (f, "list", "--csv");

  g_assert_cmpuint (rows->len - 1, ==, n);
  g_assert_nonnull (strstr (again, "already"));
  g_assert_cmpstr (csv, ==, csv2);
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpstr (csv_get (rows, i, "source"), ==, "sample");
}

static void
test_list_cancelled_2021 (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *table = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) lines = NULL;
  const char *status_heading;
  gsize status_column;
  guint n_cancelled = 0;

  load_demo (f);
  table = run_ok (f, "list", "--year", "2021");
  lines = g_strsplit (table, "\n", -1);

  /* A heading line, then one line per event, columns aligned under the headings. */
  status_heading = strstr (lines[0], "STATUS");
  g_assert_nonnull (status_heading);
  status_column = (gsize) (status_heading - lines[0]);
  g_assert_true (g_str_has_prefix (lines[0] + strspn (lines[0], " "), "ID"));
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (lines[i], " ", -1);
      g_autoptr(GPtrArray) cells = g_ptr_array_new ();

      for (guint w = 0; words[w] != NULL; w++)
        if (words[w][0] != '\0')
          g_ptr_array_add (cells, words[w]);

      /* id, dates (no spaces in either), status... */
      g_assert_cmpuint (cells->len, >=, 5);
      g_assert_true (g_ascii_isdigit (((char *) cells->pdata[0])[0]));
      g_assert_true (g_str_has_prefix ((char *) cells->pdata[1], "2021-") ||
                     strstr ((char *) cells->pdata[1], "..2021-") != NULL);
      g_assert_true (g_str_has_prefix (lines[i] + status_column, cells->pdata[2]));
      if (g_str_equal (cells->pdata[2], "cancelled"))
        {
          n_cancelled++;
          /* ...with their reason. */
          g_assert_nonnull (strstr (lines[i], " — "));
        }
    }
  g_assert_cmpuint (n_cancelled, ==, 12);

  csv = run_ok (f, "list", "--year", "2021", "--status", "cancelled", "--csv");
  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len - 1, ==, 12);
  for (guint i = 1; i < rows->len; i++)
    {
      g_assert_cmpstr (csv_get (rows, i, "status"), ==, "cancelled");
      g_assert_cmpstr (csv_get (rows, i, "status_reason"), !=, "");
    }
}

static void
test_list_search (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *json = NULL;
  g_autofree char *n = NULL;
  g_autofree char *all_match = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean city = FALSE;

  load_demo (f);
  json = run_ok (f, "list", "--search", "besancon", "--json");
  n = json_eval (json, "len(d)");
  g_assert_cmpint (atoi (n), >, 0);
  all_match = json_eval (json,
                         "all('besançon' in ' '.join(str(e[k] or '') for k in ('title', "
                         "'city', 'venue', 'organiser', 'partners', 'description', "
                         "'notes')).lower() for e in d)");
  g_assert_cmpstr (all_match, ==, "True");

  csv = run_ok (f, "list", "--search", "BESANCON", "--csv");
  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len - 1, ==, atoi (n));
  for (guint i = 1; i < rows->len; i++)
    city |= g_str_equal (csv_get (rows, i, "city"), "Besançon");
  g_assert_true (city);
}

static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *all = NULL;
  g_autoptr(GPtrArray) all_rows = NULL;
  struct
  {
    const char *args[5];
    const char *column;
    const char *allowed[3];
  } cases[] = {
    { { "--kind", "trade-show,congress" }, "kind", { "trade-show", "congress" } },
    { { "--kind", "trade-show", "--kind", "congress" }, "kind", { "trade-show", "congress" } },
    { { "--status", "cancelled", "--status", "tentative" }, "status",
      { "cancelled", "tentative" } },
    { { "--status", "confirmed,held" }, "status", { "confirmed", "held" } },
    { { "--visibility", "public" }, "visibility", { "public" } },
  };

  load_demo (f);
  all = run_ok (f, "list", "--csv");
  all_rows = parse_csv (all);

  /* No filter: every event, sorted by start. */
  for (guint i = 2; i < all_rows->len; i++)
    g_assert_cmpstr (csv_get (all_rows, i - 1, "start"), <=, csv_get (all_rows, i, "start"));

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const char *args[10] = { "list", "--csv" };
      g_autoptr(Result) result = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      guint expected = 0;

      for (guint a = 0; cases[c].args[a] != NULL; a++)
        args[2 + a] = cases[c].args[a];
      result = run_argv_env (f->envp, args);
      g_assert_cmpint (result->status, ==, 0);
      rows = parse_csv (result->out);

      for (guint i = 1; i < all_rows->len; i++)
        if (g_strv_contains (cases[c].allowed, csv_get (all_rows, i, cases[c].column)))
          expected++;
      g_assert_cmpuint (expected, >, 0);
      g_assert_cmpuint (rows->len - 1, ==, expected);
    }

  {
    g_autofree char *csv = run_ok (f, "list", "--sector", "aerospace", "--csv");
    g_autoptr(GPtrArray) rows = parse_csv (csv);

    g_assert_cmpuint (rows->len, >, 1);
    for (guint i = 1; i < rows->len; i++)
      {
        g_auto(GStrv) sectors = g_strsplit (csv_get (rows, i, "sectors"), ";", -1);

        g_assert_true (g_strv_contains ((const char * const *) sectors, "aerospace"));
      }
  }

  {
    g_autofree char *csv = run_ok (f, "list", "--from", "2021-06-01", "--to", "2021-06-30",
                                   "--csv");
    g_autoptr(GPtrArray) rows = parse_csv (csv);

    g_assert_cmpuint (rows->len, >, 1);
    for (guint i = 1; i < rows->len; i++)
      {
        g_assert_cmpstr (csv_get (rows, i, "end"), >=, "2021-06-01");
        g_assert_cmpstr (csv_get (rows, i, "start"), <, "2021-07-01");
      }
  }
}

static void
test_list_new_year (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *uid = add_event (f, "--title", "Réveillon des adhérents",
                                    "--start", "2021-12-30..2022-01-02");
  const char *years[] = { "2021", "2022" };

  g_free (add_event (f, "--title", "Before", "--start", "2021-12-01"));

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autofree char *csv = run_ok (f, "list", "--year", years[i], "--csv");
      g_autoptr(GPtrArray) rows = parse_csv (csv);
      g_autofree char *table = run_ok (f, "list", "--year", years[i]);

      g_assert_cmpuint (rows->len, ==, i == 0 ? 3 : 2);
      g_assert_cmpstr (csv_get (rows, rows->len - 1, "uid"), ==, uid);
      g_assert_cmpstr (csv_get (rows, rows->len - 1, "start"), ==, "2021-12-30");
      g_assert_cmpstr (csv_get (rows, rows->len - 1, "end"), ==, "2022-01-02");
      g_assert_nonnull (strstr (table, "2021-12-30..2022-01-02"));
    }

  {
    g_autoptr(Result) none = run (f, "list", "--year", "2023");
    g_autofree char *json = run_ok (f, "list", "--year", "2023", "--json");
    g_autofree char *n = json_eval (json, "len(d)");

    g_assert_cmpint (none->status, ==, 0);
    g_assert_cmpstr (none->out, ==, "");
    g_assert_cmpstr (n, ==, "0");
  }
}

static void
test_list_formats (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *empty = run_ok (f, "list", "--json");
  g_autofree char *empty_csv = run_ok (f, "list", "--csv");
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *check = NULL;
  g_autofree char *uid = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint n;

  check = json_eval (empty, "d == []");
  g_assert_cmpstr (check, ==, "True");
  g_free (check);
  g_assert_cmpstr (empty_csv, ==,
                   "id,uid,title,kind,status,status_reason,start,end,all_day,timezone,venue,"
                   "city,country,organiser,partners,sectors,url,visibility,sequence,series,"
                   "source\r\n");

  n = load_demo (f);
  uid = add_event (f, "--title", "Salon \"Micro\", édition 2021\\", "--start",
                   "2021-05-04T09:30..2021-05-04T17:00", "--partners", "ISIFC, CHU\nUFC",
                   "--description", "Ligne 1\nLigne 2\t\"tab\"", "--notes", "\x01 contrôle",
                   "--sector", "health", "--sector", "microtechnology");

  json = run_ok (f, "list", "--json");
  check = json_eval (json, "type(d).__name__");
  g_assert_cmpstr (check, ==, "list");
  g_free (check);
  check = json_eval (json, "len(d)");
  g_assert_cmpuint (atoi (check), ==, n + 1);
  g_free (check);
  check = json_eval (json,
                     "all(set(e) == {'id', 'uid', 'title', 'kind', 'status', 'status_reason',"
                     " 'start', 'end', 'all_day', 'timezone', 'venue', 'city', 'country',"
                     " 'organiser', 'partners', 'sectors', 'url', 'visibility', 'sequence',"
                     " 'series', 'source', 'description', 'notes', 'budget', 'original_start',"
                     " 'original_end', 'created', 'modified'}"
                     " and type(e['id']) is int and type(e['sequence']) is int"
                     " and type(e['all_day']) is bool and type(e['sectors']) is list"
                     " and (e['budget'] is None or type(e['budget']) in (int, float))"
                     " for e in d)");
  g_assert_cmpstr (check, ==, "True");
  g_free (check);
  {
    g_autofree char *expr = g_strdup_printf (
      "[(e['title'], e['partners'], e['description'], e['notes'], e['sectors'],"
      " e['all_day'], e['start'], e['end'], e['budget']) for e in d"
      " if e['uid'] == '%s'] == [('Salon \"Micro\", édition 2021\\\\',"
      " 'ISIFC, CHU\\nUFC', 'Ligne 1\\nLigne 2\\t\"tab\"', '\\x01 contrôle',"
      " ['health', 'microtechnology'], False, '2021-05-04T09:30',"
      " '2021-05-04T17:00', None)]", uid);

    check = json_eval (json, expr);
    g_assert_cmpstr (check, ==, "True");
  }

  /* Numbers stay numbers: the sample budgets are whole euros. */
  g_free (check);
  check = json_eval (json, "sorted(set(type(e['budget']).__name__ for e in d))");
  g_assert_cmpstr (check, ==, "['NoneType', 'int']");

  csv = run_ok (f, "list", "--csv");
  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len - 1, ==, n + 1);
  for (guint i = 1; i < rows->len; i++)
    {
      g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, i)), ==, 21);
      if (!g_str_equal (csv_get (rows, i, "uid"), uid))
        continue;
      g_assert_cmpstr (csv_get (rows, i, "title"), ==, "Salon \"Micro\", édition 2021\\");
      g_assert_cmpstr (csv_get (rows, i, "partners"), ==, "ISIFC, CHU\nUFC");
      g_assert_cmpstr (csv_get (rows, i, "sectors"), ==, "health;microtechnology");
      g_assert_cmpstr (csv_get (rows, i, "all_day"), ==, "false");
      g_assert_cmpstr (csv_get (rows, i, "start"), ==, "2021-05-04T09:30");
      g_assert_cmpstr (csv_get (rows, i, "timezone"), ==, "Europe/Paris");
      g_assert_cmpstr (csv_get (rows, i, "kind"), ==, "other");
      g_assert_cmpstr (csv_get (rows, i, "status"), ==, "tentative");
      g_assert_cmpstr (csv_get (rows, i, "visibility"), ==, "public");
      g_assert_cmpstr (csv_get (rows, i, "sequence"), ==, "0");
      g_assert_cmpstr (csv_get (rows, i, "source"), ==, "");
    }
}

static void
test_add_show (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *uid = add_event (f, "--title", "Micronora", "--start",
                                    "2024-09-24..2024-09-27", "--kind", "trade-show",
                                    "--status", "confirmed", "--venue", "Micropolis",
                                    "--city", "Besançon", "--country", "France",
                                    "--organiser", "Micronora", "--partners", "CCI",
                                    "--sector", "microtechnology,industry-future",
                                    "--url", "https://www.micronora.com/",
                                    "--description", "Salon des microtechniques",
                                    "--notes", "Stand partagé", "--budget", "1 500,50",
                                    "--visibility", "internal", "--series", "micronora",
                                    "--timezone", "Europe/Paris");
  g_autofree char *by_uid = run_ok (f, "show", uid, "--json");
  g_autofree char *id = json_eval (by_uid, "d['id']");
  g_autofree char *by_id = run_ok (f, "show", "--json", id);
  g_autofree char *text = run_ok (f, "show", id);
  g_autofree char *check = NULL;
  g_autofree char *expr = NULL;

  g_assert_cmpstr (by_uid, ==, by_id);
  expr = g_strdup_printf (
    "(d['uid'], d['title'], d['kind'], d['status'], d['start'], d['end'], d['all_day'],"
    " d['timezone'], d['venue'], d['city'], d['country'], d['organiser'], d['partners'],"
    " d['sectors'], d['url'], d['description'], d['notes'], d['budget'], d['visibility'],"
    " d['series'], d['original_start'], d['status_reason']) =="
    " ('%s', 'Micronora', 'trade-show', 'confirmed', '2024-09-24', '2024-09-27', True,"
    " 'Europe/Paris', 'Micropolis', 'Besançon', 'France', 'Micronora', 'CCI',"
    " ['industry-future', 'microtechnology'], 'https://www.micronora.com/',"
    " 'Salon des microtechniques', 'Stand partagé', 1500.5, 'internal', 'micronora',"
    " None, None)", uid);
  check = json_eval (by_uid, expr);
  g_assert_cmpstr (check, ==, "True");

  /* Human readable: every field, the budget in euros. */
  g_assert_nonnull (strstr (text, "Micropolis"));
  g_assert_nonnull (strstr (text, "Besançon"));
  g_assert_nonnull (strstr (text, "1500.50 €"));
  g_assert_nonnull (strstr (text, "2024-09-24..2024-09-27"));
  g_assert_nonnull (strstr (text, "trade-show"));
  g_assert_nonnull (strstr (text, "Stand partagé"));
  g_assert_nonnull (strstr (text, uid));

  /* A timed event: one hour unless told, or up to --end. */
  {
    g_autofree char *one_hour = add_event (f, "--title", "Webinaire", "--start",
                                           "2021-03-16T09:00", "--kind", "webinar");
    g_autofree char *until = add_event (f, "--title", "Atelier", "--start",
                                        "2021-03-16T09:00", "--end", "2021-03-16T12:30",
                                        "--budget", "1500");
    g_autofree char *a = run_ok (f, "show", one_hour, "--json");
    g_autofree char *b = run_ok (f, "show", until, "--json");
    g_autofree char *ca = json_eval (a, "(d['all_day'], d['start'], d['end'], d['budget'])");
    g_autofree char *cb = json_eval (b, "(d['all_day'], d['start'], d['end'], d['budget'])");

    g_assert_cmpstr (ca, ==, "(False, '2021-03-16T09:00', '2021-03-16T10:00', None)");
    g_assert_cmpstr (cb, ==, "(False, '2021-03-16T09:00', '2021-03-16T12:30', 1500)");
  }
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *uid = add_event (f, "--title", "Medica", "--start",
                                    "2021-11-15..2021-11-18", "--city", "Düsseldorf",
                                    "--venue", "Messe", "--sector", "health",
                                    "--sector", "microtechnology", "--budget", "25000");
  g_autofree char *before = run_ok (f, "show", uid, "--json");
  g_autofree char *after = NULL;
  g_autofree char *check = NULL;
  g_autoptr(Result) result = NULL;

  result = run (f, "edit", uid, "--city", "Dusseldorf", "--sector", "aerospace",
                "--clear", "venue,budget", "--start", "2021-11-22");
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->out, ==, "");

  after = run_ok (f, "show", uid, "--json");
  check = json_eval (after,
                     "(d['title'], d['city'], d['venue'], d['sectors'], d['budget'],"
                     " d['start'], d['end'], d['sequence'] > 0)");
  /* The show keeps its four days when moved. */
  g_assert_cmpstr (check, ==, "('Medica', 'Dusseldorf', None, ['aerospace'], None,"
                              " '2021-11-22', '2021-11-25', True)");
  g_free (check);
  check = json_eval (before, "d['created']");
  {
    g_autofree char *created = json_eval (after, "d['created']");

    g_assert_cmpstr (check, ==, created);
  }

  /* Dates given as a range set both ends; --end alone moves only the end. */
  g_free (after);
  g_free (check);
  g_clear_pointer (&result, result_free);
  result = run (f, "edit", uid, "--start", "2021-12-01..2021-12-02");
  g_assert_cmpint (result->status, ==, 0);
  g_clear_pointer (&result, result_free);
  result = run (f, "edit", uid, "--end", "2021-12-03", "--title", "Medica 2021");
  g_assert_cmpint (result->status, ==, 0);
  after = run_ok (f, "show", uid, "--json");
  check = json_eval (after, "(d['title'], d['start'], d['end'])");
  g_assert_cmpstr (check, ==, "('Medica 2021', '2021-12-01', '2021-12-03')");
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *uid = add_event (f, "--title", "SIAMS", "--start", "2021-04-20..2021-04-23",
                                    "--status", "confirmed", "--city", "Moutier");
  g_autofree char *hash = file_hash (f->db);
  g_autoptr(Result) missing = run (f, "cancel", uid);
  g_autoptr(Result) blank = run (f, "cancel", uid, "--reason", "  ");
  g_autofree char *json = NULL;
  g_autofree char *check = NULL;
  g_autofree char *table = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (missing->status, ==, 2);
  g_assert_nonnull (strstr (missing->err, "eventail cancel: --reason"));
  g_assert_cmpint (blank->status, ==, 2);
  after = file_hash (f->db);
  g_assert_cmpstr (after, ==, hash);

  g_free (run_ok (f, "cancel", uid, "--reason", "Crise sanitaire"));
  json = run_ok (f, "show", uid, "--json");
  check = json_eval (json, "(d['status'], d['status_reason'], d['start'], d['end'])");
  g_assert_cmpstr (check, ==, "('cancelled', 'Crise sanitaire', '2021-04-20', '2021-04-23')");

  table = run_ok (f, "list");
  g_assert_nonnull (strstr (table, "cancelled"));
  g_assert_nonnull (strstr (table, "SIAMS — Crise sanitaire"));
}

static void
test_postpone (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *uid = add_event (f, "--title", "ITD", "--start", "2021-06-10..2021-06-11");
  g_autofree char *other = add_event (f, "--title", "Rentrée", "--start", "2021-09-16");
  g_autofree char *json = NULL;
  g_autofree char *check = NULL;
  g_autofree char *table = NULL;

  /* Without --to: the date is to be announced, the first dates kept. */
  g_free (run_ok (f, "postpone", uid, "--reason", "Crise sanitaire"));
  json = run_ok (f, "show", uid, "--json");
  check = json_eval (json, "(d['status'], d['status_reason'], d['start'], d['end'],"
                           " d['original_start'], d['original_end'])");
  g_assert_cmpstr (check, ==, "('postponed', 'Crise sanitaire', '2021-06-10', '2021-06-11',"
                              " '2021-06-10', '2021-06-11')");
  table = run_ok (f, "list");
  g_assert_nonnull (strstr (table, "to be announced"));

  /* With --to: new dates, the event's length kept for a single day. */
  g_free (json);
  g_free (check);
  g_free (run_ok (f, "postpone", uid, "--to", "2021-10-14"));
  json = run_ok (f, "show", uid, "--json");
  check = json_eval (json, "(d['status'], d['start'], d['end'], d['original_start'],"
                           " d['original_end'])");
  g_assert_cmpstr (check, ==, "('postponed', '2021-10-14', '2021-10-15', '2021-06-10',"
                              " '2021-06-11')");

  /* Postponed twice: still the very first dates. */
  g_free (json);
  g_free (check);
  g_free (run_ok (f, "postpone", uid, "--to", "2022-01-10..2022-01-12"));
  json = run_ok (f, "show", uid, "--json");
  check = json_eval (json, "(d['start'], d['end'], d['original_start'])");
  g_assert_cmpstr (check, ==, "('2022-01-10', '2022-01-12', '2021-06-10')");

  /* The other event is untouched. */
  g_free (json);
  g_free (check);
  json = run_ok (f, "show", other, "--json");
  check = json_eval (json, "(d['status'], d['original_start'])");
  g_assert_cmpstr (check, ==, "('tentative', None)");
}

static void
test_hold (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *uid = add_event (f, "--title", "Medfit", "--start", "2021-06-29");
  g_autofree char *done = add_event (f, "--title", "AG", "--start", "2021-06-30");
  g_autoptr(Result) held = NULL;
  g_autoptr(Result) plain = NULL;
  g_autofree char *json = NULL;
  g_autofree char *check = NULL;

  g_free (run_ok (f, "cancel", uid, "--reason", "Crise sanitaire"));
  held = run (f, "hold", uid);
  g_assert_cmpint (held->status, ==, 0);
  g_assert_cmpstr (held->out, ==, "");
  g_assert_nonnull (strstr (held->err, "warning"));
  g_assert_nonnull (strstr (held->err, "cancelled"));
  json = run_ok (f, "show", uid, "--json");
  check = json_eval (json, "d['status']");
  g_assert_cmpstr (check, ==, "held");

  plain = run (f, "hold", done);
  g_assert_cmpint (plain->status, ==, 0);
  g_assert_cmpstr (plain->err, ==, "");
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *uid = add_event (f, "--title", "Salon", "--start", "2021-03-16");
  g_autofree char *keep = add_event (f, "--title", "Autre", "--start", "2021-03-17");
  g_autoptr(Result) deleted = run (f, "delete", uid);
  g_autoptr(Result) gone = run (f, "show", uid);
  g_autoptr(Result) again = run (f, "delete", uid);
  g_autofree char *csv = run_ok (f, "list", "--csv");
  g_autoptr(GPtrArray) rows = parse_csv (csv);

  g_assert_cmpint (deleted->status, ==, 0);
  g_assert_cmpstr (deleted->out, ==, "");
  g_assert_cmpint (gone->status, ==, 1);
  g_assert_nonnull (strstr (gone->err, uid));
  g_assert_cmpint (again->status, ==, 1);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (csv_get (rows, 1, "uid"), ==, keep);
}

typedef struct
{
  int         status;
  const char *expected[3];   /* in stderr */
  const char *args[12];
} BadInput;

static const BadInput bad_inputs[] = {
  { 2, { "eventail list: --year: “20x1” is not a year (expected e.g. 2021)" },
    { "list", "--year", "20x1" } },
  { 2, { "eventail list: ", "--year" }, { "list", "--year" } },
  { 2, { "--year", "0" }, { "list", "--year", "0" } },
  { 2, { "--from", "2021-02-30" }, { "list", "--from", "2021-02-30" } },
  { 2, { "--to", "demain" }, { "list", "--to", "demain" } },
  { 2, { "--from", "--to" }, { "list", "--from", "2021-05-01", "--to", "2021-04-01" } },
  { 2, { "--status", "finished", "cancelled" }, { "list", "--status", "held,finished" } },
  { 2, { "--kind", "fair", "trade-show" }, { "list", "--kind", "fair" } },
  { 2, { "--sector", "food", "health" }, { "list", "--sector", "food" } },
  { 2, { "--visibility", "secret", "internal" }, { "list", "--visibility", "secret" } },
  { 2, { "--frobnicate" }, { "list", "--frobnicate" } },
  { 2, { "--csv", "--json" }, { "list", "--csv", "--json" } },
  { 2, { "“extra”" }, { "list", "extra" } },
  { 2, { "eventail show: ", "EVENT" }, { "show" } },
  { 2, { "“2”" }, { "show", "1", "2" } },
  { 1, { "eventail show: ", "99999" }, { "show", "99999" } },
  { 1, { "no-such-uid" }, { "show", "no-such-uid" } },
  { 2, { "--title" }, { "add", "--start", "2021-03-16" } },
  { 2, { "--title" }, { "add", "--title", " ", "--start", "2021-03-16" } },
  { 2, { "--start" }, { "add", "--title", "X" } },
  { 2, { "--start", "2021-13-01" }, { "add", "--title", "X", "--start", "2021-13-01" } },
  { 2, { "--start", "2021-03-16T25:00" },
    { "add", "--title", "X", "--start", "2021-03-16T25:00" } },
  { 2, { "--end" }, { "add", "--title", "X", "--start", "2021-03-16", "--end",
                      "2021-03-16T10:00" } },
  { 2, { "--budget", "negative" }, { "add", "--title", "X", "--start", "2021-03-16",
                                     "--budget", "-5" } },
  { 2, { "--budget", "12abc" }, { "add", "--title", "X", "--start", "2021-03-16",
                                  "--budget", "12abc" } },
  { 2, { "--budget", "1,500" }, { "add", "--title", "X", "--start", "2021-03-16",
                                  "--budget", "1,500" } },
  { 2, { "--kind", "fair" }, { "add", "--title", "X", "--start", "2021-03-16", "--kind",
                               "fair" } },
  { 2, { "--status", "done" }, { "add", "--title", "X", "--start", "2021-03-16", "--status",
                                 "done" } },
  { 2, { "--sector", "food", "health" }, { "add", "--title", "X", "--start", "2021-03-16",
                                           "--sector", "health,food" } },
  { 2, { "--timezone", "Mars/Olympus" }, { "add", "--title", "X", "--start", "2021-03-16",
                                           "--timezone", "Mars/Olympus" } },
  { 2, { "--clear" }, { "add", "--title", "X", "--start", "2021-03-16", "--clear", "venue" } },
  { 1, { "URL", "notaurl" }, { "add", "--title", "X", "--start", "2021-03-16", "--url",
                               "notaurl" } },
  { 1, { "End" }, { "add", "--title", "X", "--start", "2021-03-16", "--end", "2021-03-15" } },
  { 2, { "--kind", "fair" }, { "edit", "1", "--kind", "fair" } },
  { 2, { "--clear", "title" }, { "edit", "1", "--clear", "title" } },
  { 2, { "--clear", "--venue" }, { "edit", "1", "--clear", "venue", "--venue", "Lyon" } },
  { 2, { "--title" }, { "edit", "1", "--title", "" } },
  { 2, { "--end" }, { "edit", "1", "--end", "2021-03-16T10:00" } },
  { 2, { "--start" }, { "edit", "1", "--start", "16/03/2021" } },
  { 1, { "99999" }, { "edit", "99999", "--city", "Lyon" } },
  { 1, { "URL" }, { "edit", "1", "--url", "ftp://example.org/" } },
  { 2, { "--reason" }, { "cancel", "1" } },
  { 1, { "99999" }, { "cancel", "99999", "--reason", "x" } },
  { 2, { "--to", "bientôt" }, { "postpone", "1", "--to", "bientôt" } },
  { 2, { "--to" }, { "postpone", "1", "--to", "2021-10-01T10:00" } },
  { 1, { "99999" }, { "postpone", "99999" } },
  { 2, { "EVENT" }, { "hold" } },
  { 1, { "99999" }, { "hold", "99999" } },
  { 1, { "99999" }, { "delete", "99999" } },
  { 2, { "“extra”" }, { "demo", "extra" } },
  { 2, { "eventail: ", "“frobnicate”" }, { "frobnicate" } },
};

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *json = NULL;

  load_demo (f);
  first = run_ok (f, "show", "1", "--json");
  json = json_eval (first, "d['all_day']");
  g_assert_cmpstr (json, ==, "True");
  g_clear_pointer (&json, g_free);
  hash = file_hash (f->db);

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      const BadInput *bad = &bad_inputs[i];
      g_autoptr(Result) result = run_argv_env (f->envp, bad->args);
      g_autofree char *command = g_strjoinv (" ", (char **) bad->args);
      g_autofree char *after = file_hash (f->db);

      g_test_message ("eventail %s → %d: %s", command, result->status, result->err);
      g_assert_cmpint (result->status, ==, bad->status);
      g_assert_cmpstr (result->out, ==, "");
      /* One line, naming the command. */
      g_assert_cmpuint (count_lines (result->err), ==, 1);
      g_assert_true (g_str_has_prefix (result->err, "eventail"));
      if (!g_str_equal (bad->args[0], "frobnicate"))
        {
          g_autofree char *prefix = g_strdup_printf ("eventail %s: ", bad->args[0]);

          g_assert_true (g_str_has_prefix (result->err, prefix));
        }
      for (guint e = 0; e < G_N_ELEMENTS (bad->expected) && bad->expected[e] != NULL; e++)
        if (strstr (result->err, bad->expected[e]) == NULL)
          g_error ("eventail %s: “%s” not in: %s", command, bad->expected[e], result->err);
      /* Nothing written. */
      g_assert_cmpstr (after, ==, hash);
    }

  json = run_ok (f, "show", "1", "--json");
  g_assert_cmpstr (json, ==, first);
}

static void
test_corrupt_database (Fixture       *f,
                       gconstpointer  data)
{
  static const char garbage[] = "These are minutes, not a database.\n";
  const char *commands[][6] = {
    { "list" },
    { "show", "1" },
    { "add", "--title", "X", "--start", "2021-03-16" },
    { "demo" },
  };

  g_assert_true (g_file_set_contents (f->db, garbage, -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(Result) result = run_argv_env (f->envp, commands[i]);
      g_autofree char *contents = NULL;

      g_assert_cmpint (result->status, ==, 1);
      g_assert_cmpstr (result->out, ==, "");
      g_assert_nonnull (strstr (result->err, f->db));
      g_assert_cmpuint (count_lines (result->err), ==, 1);
      g_assert_true (g_file_get_contents (f->db, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, garbage);
    }
}

static void
test_too_new_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *hash = NULL;
  g_autofree char *after = NULL;
  g_autoptr(Result) list = NULL;
  g_autoptr(Result) add = NULL;
  sqlite3 *db = NULL;

  g_free (add_event (f, "--title", "X", "--start", "2021-03-16"));
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  hash = file_hash (f->db);

  list = run (f, "list");
  g_assert_cmpint (list->status, ==, 1);
  g_assert_nonnull (strstr (list->err, f->db));
  g_assert_nonnull (strstr (list->err, "newer"));
  add = run (f, "add", "--title", "Y", "--start", "2021-03-17");
  g_assert_cmpint (add->status, ==, 1);
  after = file_hash (f->db);
  g_assert_cmpstr (after, ==, hash);
}

static void
test_database_choice (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *default_db = g_build_filename (f->xdg, "eventail", "eventail.db", NULL);
  g_autofree char *option_db = g_build_filename (f->dir, "option.db", NULL);
  g_auto(GStrv) no_env = g_environ_unsetenv (g_strdupv (f->envp), "EVENTAIL_DATABASE");
  g_autoptr(Result) by_default = NULL;
  g_autoptr(Result) by_env = NULL;
  g_autoptr(Result) by_option = NULL;
  g_autoptr(Result) listed = NULL;

  /* Neither: the user data folder. */
  by_default = run_env (no_env, "add", "--title", "Default", "--start", "2021-01-01", NULL);
  g_assert_cmpint (by_default->status, ==, 0);
  g_assert_true (g_file_test (default_db, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  /* EVENTAIL_DATABASE. */
  by_env = run (f, "add", "--title", "Env", "--start", "2021-01-02");
  g_assert_cmpint (by_env->status, ==, 0);
  g_assert_true (g_file_test (f->db, G_FILE_TEST_IS_REGULAR));

  /* --database wins over EVENTAIL_DATABASE, for every subcommand. */
  by_option = run (f, "add", "--database", option_db, "--title", "Option", "--start",
                   "2021-01-03");
  g_assert_cmpint (by_option->status, ==, 0);
  listed = run (f, "list", "--csv", "--database", option_db);
  g_assert_cmpint (listed->status, ==, 0);
  {
    g_autoptr(GPtrArray) rows = parse_csv (listed->out);
    g_autofree char *env_csv = run_ok (f, "list", "--csv");
    g_autoptr(GPtrArray) env_rows = parse_csv (env_csv);
    g_autoptr(Result) default_list = run_env (no_env, "list", "--csv", NULL);
    g_autoptr(GPtrArray) default_rows = parse_csv (default_list->out);

    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpstr (csv_get (rows, 1, "title"), ==, "Option");
    g_assert_cmpuint (env_rows->len, ==, 2);
    g_assert_cmpstr (csv_get (env_rows, 1, "title"), ==, "Env");
    g_assert_cmpuint (default_rows->len, ==, 2);
    g_assert_cmpstr (csv_get (default_rows, 1, "title"), ==, "Default");
  }

  {
    const char *commands[][5] = {
      { "show", "1" }, { "edit", "1", "--city", "Lyon" }, { "cancel", "1", "--reason", "x" },
      { "postpone", "1" }, { "hold", "1" }, { "demo" }, { "delete", "1" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        g_autoptr(GPtrArray) args = g_ptr_array_new ();
        g_autoptr(Result) result = NULL;

        for (guint a = 0; commands[i][a] != NULL; a++)
          g_ptr_array_add (args, (gpointer) commands[i][a]);
        g_ptr_array_add (args, (gpointer) "--database");
        g_ptr_array_add (args, option_db);
        g_ptr_array_add (args, NULL);
        result = run_argv_env (f->envp, (const char * const *) args->pdata);
        g_assert_cmpint (result->status, ==, 0);
      }
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/is-command", test_is_command);
#define ADD(path, func) g_test_add ("/cli/" path, Fixture, NULL, fixture_setup, func, \
                                    fixture_teardown)
  ADD ("help", test_help);
  ADD ("unknown-command", test_unknown_command);
  ADD ("demo-twice", test_demo_twice);
  ADD ("list/cancelled-2021", test_list_cancelled_2021);
  ADD ("list/search", test_list_search);
  ADD ("list/filters", test_list_filters);
  ADD ("list/new-year", test_list_new_year);
  ADD ("list/formats", test_list_formats);
  ADD ("add-show", test_add_show);
  ADD ("edit", test_edit);
  ADD ("cancel", test_cancel);
  ADD ("postpone", test_postpone);
  ADD ("hold", test_hold);
  ADD ("delete", test_delete);
  ADD ("bad-input", test_bad_input);
  ADD ("database/corrupt", test_corrupt_database);
  ADD ("database/too-new", test_too_new_database);
  ADD ("database/choice", test_database_choice);
#undef ADD

  return g_test_run ();
}
