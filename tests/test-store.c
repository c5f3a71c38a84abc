/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: the event store against real SQLite files in temporary folders. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "evt-date.h"
#include "evt-demo.h"
#include "evt-enum-types.h"
#include "evt-event-list.h"
#include "evt-people.h"
#include "evt-event-private.h"
#include "evt-store-private.h"

/* How long a test waits for the main loop before it fails instead of hanging. */
#define WAIT_MS 10000

/* --- Helpers ------------------------------------------------------------------ */

typedef struct
{
  char     *dir;    /* g_dir_make_tmp(), removed with everything in it */
  char     *path;   /* dir/eventail.db */
  EvtStore *store;  /* open on path, or NULL for the tests that open themselves */
  guint     n_changed;
} Fixture;

static void
rm_rf (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          rm_rf (child);
        }
      g_assert_no_errno (g_rmdir (path));
    }
  else
    g_assert_no_errno (g_unlink (path));
}

static void
on_changed (EvtStore *store,
            Fixture  *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up_dir (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("eventail-test-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "eventail.db", NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up_dir (fixture, data);
  fixture->store = evt_store_new (fixture->path);
  g_assert_true (evt_store_open (fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), fixture);
}

static void iterate_until (gpointer *pointer,
                           gboolean  set);

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->store != NULL)
    {
      /* A worker thread of a finished GTask may hold the store a moment longer. */
      gpointer weak = fixture->store;

      g_object_add_weak_pointer (weak, &weak);
      g_clear_object (&fixture->store);
      iterate_until (&weak, FALSE);
    }
  rm_rf (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static GTimeZone *
paris (void)
{
  GTimeZone *tz = g_time_zone_new_identifier (EVT_DEFAULT_TIMEZONE);

  g_assert_nonnull (tz);
  return tz;
}

/* An event that validates: @dates as on the command line, in Europe/Paris. */
static EvtEvent *
make_event (const char *title,
            const char *dates)
{
  g_autoptr(GTimeZone) tz = paris ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GError) error = NULL;
  EvtEvent *event = evt_event_new ();
  gboolean all_day;

  g_assert_true (evt_date_range_parse (dates, tz, &all_day, &start, &end, &error));
  g_assert_no_error (error);
  evt_event_set_title (event, title);
  evt_event_set_kind (event, EVT_KIND_TRADE_SHOW);
  evt_event_set_status (event, EVT_STATUS_CONFIRMED);
  evt_event_set_dates (event, all_day, start, end);
  evt_event_set_timezone (event, EVT_DEFAULT_TIMEZONE);
  return event;
}

static EvtEvent *
insert (EvtStore   *store,
        const char *title,
        const char *dates)
{
  g_autoptr(EvtEvent) event = make_event (title, dates);
  g_autoptr(GError) error = NULL;

  g_assert_true (evt_store_insert_event (store, event, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evt_event_get_id (event), >, 0);
  return g_steal_pointer (&event);
}

static EvtEvent *
get (EvtStore *store,
     gint64    id)
{
  g_autoptr(GError) error = NULL;
  EvtEvent *event = evt_store_get_event (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (event);
  return event;
}

static gint64
count (EvtStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 n = evt_store_count_events (store, &error);

  g_assert_no_error (error);
  return n;
}

/* The titles of the events @query finds, in order, joined by "|". */
static char *
query_titles (EvtStore       *store,
              const EvtQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = evt_store_query (store, query, &error);
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (events);
  for (guint i = 0; i < events->len; i++)
    {
      if (i > 0)
        g_string_append_c (titles, '|');
      g_string_append (titles, evt_event_get_title (g_ptr_array_index (events, i)));
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static char *
search_titles (EvtStore   *store,
               const char *text)
{
  g_autoptr(EvtQuery) query = evt_query_new ();

  query->search = g_strdup (text);
  return query_titles (store, query);
}

static char *
year_titles (EvtStore *store,
             int       year)
{
  g_autoptr(EvtQuery) query = evt_query_new ();

  evt_query_set_year (query, year);
  return query_titles (store, query);
}

static void
set_gdate (GDate      *date,
           const char *iso)
{
  int y, m, d;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  g_assert_true (g_date_valid (date));
}

static char *
range_titles (EvtStore   *store,
              const char *from,
              const char *to)
{
  g_autoptr(EvtQuery) query = evt_query_new ();

  if (from != NULL)
    set_gdate (&query->from, from);
  if (to != NULL)
    set_gdate (&query->to, to);
  return query_titles (store, query);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (to, contents, (gssize) length, &error));
  g_assert_no_error (error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted and joined by " ", to see what SQLite left there. */
static char *
list_dir (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static sqlite3 *
sqlite_open (const char *path,
             int         flags)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, flags, NULL), ==, SQLITE_OK);
  return db;
}

static void
sqlite_exec (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The first column of the first row of @sql, as text ("" for NULL). */
static char *
sqlite_text (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup (sqlite3_column_text (stmt, 0) ? (const char *) sqlite3_column_text (stmt, 0)
                                                  : "");
  sqlite3_finalize (stmt);
  return text;
}

/* Every row of @sql, columns joined by ",", rows by "\n". */
static char *
sqlite_rows (sqlite3    *db,
             const char *sql)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (rows, "%s%s", i > 0 ? "," : "", text ? text : "NULL");
        }
      g_string_append_c (rows, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&rows), FALSE);
}

static gint64
user_version (const char *path)
{
  sqlite3 *db = sqlite_open (path, SQLITE_OPEN_READONLY);
  g_autofree char *text = sqlite_text (db, "PRAGMA user_version");

  sqlite3_close (db);
  return g_ascii_strtoll (text, NULL, 10);
}

/* Runs @sql on the store's own connection, in a transaction of the store. */
static void
store_exec (EvtStore   *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (evt_store_begin (store, &error));
  g_assert_no_error (error);
  sqlite_exec (evt_store_get_db (store), sql);
  g_assert_true (evt_store_commit (store, &error));
  g_assert_no_error (error);
}

static char *
store_text (EvtStore   *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_true (evt_store_begin (store, &error));
  g_assert_no_error (error);
  text = sqlite_text (evt_store_get_db (store), sql);
  g_assert_true (evt_store_commit (store, &error));
  g_assert_no_error (error);
  return text;
}

static char *
fixture_db_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "eventail-v1.db", NULL);
}

static void
assert_dt (GDateTime  *dt,
           const char *iso)
{
  g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (expected);
  g_assert_nonnull (dt);
  if (!g_date_time_equal (dt, expected) ||
      g_date_time_get_utc_offset (dt) != g_date_time_get_utc_offset (expected))
    {
      g_autofree char *got = g_date_time_format_iso8601 (dt);
      g_error ("expected %s, got %s", iso, got);
    }
}

static void
assert_sectors (EvtEvent   *event,
                const char *expected)
{
  const char * const *sectors = evt_event_get_sectors (event);
  g_autofree char *joined = sectors ? g_strjoinv (",", (char **) sectors) : g_strdup ("");

  g_assert_cmpstr (joined, ==, expected);
}

/* Fails the test if @flag is not set within WAIT_MS while the main loop runs. */
typedef struct
{
  GMainLoop *loop;
  gboolean   timed_out;
  guint      n_items_changed;
} Waiter;

static gboolean
waiter_timeout (gpointer data)
{
  Waiter *waiter = data;

  waiter->timed_out = TRUE;
  g_main_loop_quit (waiter->loop);
  return G_SOURCE_REMOVE;
}

static void
waiter_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      Waiter     *waiter)
{
  waiter->n_items_changed++;
  g_main_loop_quit (waiter->loop);
}

static void
wait_items_changed (EvtEventList *list)
{
  Waiter waiter = { g_main_loop_new (NULL, FALSE), FALSE, 0 };
  guint timeout_id = g_timeout_add (WAIT_MS, waiter_timeout, &waiter);
  gulong handler = g_signal_connect (list, "items-changed",
                                     G_CALLBACK (waiter_items_changed), &waiter);

  g_main_loop_run (waiter.loop);
  g_signal_handler_disconnect (list, handler);
  if (!waiter.timed_out)
    g_source_remove (timeout_id);
  g_main_loop_unref (waiter.loop);

  g_assert_false (waiter.timed_out);
  g_assert_cmpuint (waiter.n_items_changed, ==, 1);
  g_assert_false (evt_event_list_get_loading (list));
}

static EvtEvent *
list_item (EvtEventList *list,
           guint         position)
{
  EvtEvent *event = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_assert_nonnull (event);
  g_object_unref (event);  /* the list keeps it */
  return event;
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main context until *@pointer is non-%NULL (@set) or %NULL (!@set), for
 * at most WAIT_MS. */
static void
iterate_until (gpointer *pointer,
               gboolean  set)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * G_TIME_SPAN_MILLISECOND;
  guint wake_id = g_timeout_add (50, wake_up, NULL);

  while ((*pointer != NULL) != set && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake_id);
  g_assert_true ((*pointer != NULL) == set);
}

/* --- Paths and opening ----------------------------------------------------- */

static void
test_path_default (void)
{
  g_autofree char *path = evt_store_get_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "eventail",
                                                "eventail.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_path_resolve (void)
{
  g_autofree char *old = g_strdup (g_getenv ("EVENTAIL_DATABASE"));
  g_autofree char *def = evt_store_get_default_path ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;

  g_unsetenv ("EVENTAIL_DATABASE");
  a = evt_store_resolve_path (NULL);
  b = evt_store_resolve_path ("/srv/team/explicit.db");
  g_setenv ("EVENTAIL_DATABASE", "/srv/team/from-env.db", TRUE);
  c = evt_store_resolve_path (NULL);
  d = evt_store_resolve_path ("/srv/team/explicit.db");
  g_setenv ("EVENTAIL_DATABASE", "", TRUE);
  e = evt_store_resolve_path ("");

  if (old != NULL)
    g_setenv ("EVENTAIL_DATABASE", old, TRUE);
  else
    g_unsetenv ("EVENTAIL_DATABASE");

  g_assert_cmpstr (a, ==, def);
  g_assert_cmpstr (b, ==, "/srv/team/explicit.db");
  g_assert_cmpstr (c, ==, "/srv/team/from-env.db");
  g_assert_cmpstr (d, ==, "/srv/team/explicit.db");
  g_assert_cmpstr (e, ==, def);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));
  if ((st.st_mode & 07777) != mode)
    g_error ("%s has mode %04o, expected %04o", path, st.st_mode & 07777, mode);
}

/* With a permissive umask the file and the folders it needs are still private. */
static void
test_open_permissions (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *outer = g_build_filename (fixture->dir, "share", NULL);
  g_autofree char *inner = g_build_filename (outer, "eventail", NULL);
  g_autofree char *path = g_build_filename (inner, "eventail.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(EvtStore) store = evt_store_new (path);
  g_autoptr(GError) error = NULL;
  mode_t old_mask = umask (0);

  g_assert_true (evt_store_open (store, NULL, &error));
  umask (old_mask);
  g_assert_no_error (error);

  assert_mode (outer, 0700);
  assert_mode (inner, 0700);
  assert_mode (path, 0600);
  /* SQLite gives its side files the mode of the database. */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    assert_mode (wal, 0600);
}

/* The default path, in the private XDG data folder that main() sets up. */
static void
test_open_default_path (void)
{
  g_autofree char *path = evt_store_get_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data_home = g_path_get_dirname (dir);
  EvtStore *store = evt_store_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (path, g_getenv ("XDG_DATA_HOME")));
  g_assert_false (g_file_test (data_home, G_FILE_TEST_EXISTS));
  g_assert_true (evt_store_open (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (evt_store_get_path (store), ==, path);
  assert_mode (dir, 0700);
  assert_mode (data_home, 0700);
  assert_mode (path, 0600);
  g_assert_cmpint (user_version (path), ==, EVT_STORE_SCHEMA_VERSION);

  g_assert_finalize_object (store);
  rm_rf (data_home);
}

static void
test_open_pragmas (Fixture       *fixture,
                   gconstpointer  data)
{
  sqlite3 *db = sqlite_open (fixture->path, SQLITE_OPEN_READONLY);
  g_autofree char *journal = sqlite_text (db, "PRAGMA journal_mode");
  g_autofree char *version = sqlite_text (db, "PRAGMA user_version");
  g_autofree char *sectors = sqlite_rows (db, "SELECT slug, colour, position FROM sectors"
                                              " ORDER BY position");
  g_autofree char *fk = store_text (fixture->store, "PRAGMA foreign_keys");
  g_autofree char *busy = store_text (fixture->store, "PRAGMA busy_timeout");
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) again = evt_store_new (fixture->path);

  sqlite3_close (db);
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (g_ascii_strtoll (version, NULL, 10), ==, EVT_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (fk, ==, "1");
  g_assert_cmpint (g_ascii_strtoll (busy, NULL, 10), >=, 1000);
  g_assert_cmpstr (sectors, ==,
                   "health,#2ec27e,0\n"
                   "aerospace,#1c71d8,1\n"
                   "industry-future,#e66100,2\n"
                   "watchmaking-luxury,#9141ac,3\n"
                   "microtechnology,#1a7f8e,4\n");

  /* Opening the same file twice (a second window, the command line) is fine. */
  g_assert_true (evt_store_open (again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (again), ==, 0);
}

static void
test_open_reopen (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(EvtEvent) event = insert (fixture->store, "Micronora", "2022-09-27..2022-09-30");
  g_autoptr(EvtEvent) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = evt_event_get_id (event);

  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  fixture->store = evt_store_new (fixture->path);
  g_assert_true (evt_store_open (fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->store), ==, 1);
  read = get (fixture->store, id);
  g_assert_cmpstr (evt_event_get_title (read), ==, "Micronora");
  g_assert_cmpstr (evt_event_get_uid (read), ==, evt_event_get_uid (event));
}

static void
test_open_closed_store (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(EvtStore) store = evt_store_new (fixture->path);
  g_autoptr(EvtEvent) event = make_event ("Micronora", "2022-09-27");
  g_autoptr(GError) error = NULL;

  g_assert_false (evt_store_insert_event (store, event, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_OPEN);
  g_clear_error (&error);
  g_assert_null (evt_store_query (store, NULL, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_OPEN);
  g_clear_error (&error);
  g_assert_cmpint (evt_store_count_events (store, &error), ==, -1);
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_OPEN);
  /* evt_store_new() touches nothing on disk. */
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
open_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
open_async (EvtStore  *store,
            GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  evt_store_open_async (store, NULL, open_done, &result);
  iterate_until ((gpointer *) &result, TRUE);
  return evt_store_open_finish (store, result, error);
}

static void
test_open_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *text_path = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autoptr(EvtStore) store = evt_store_new (fixture->path);
  g_autoptr(EvtStore) text_store = evt_store_new (text_path);
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (open_async (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (user_version (fixture->path), ==, EVT_STORE_SCHEMA_VERSION);
  event = insert (store, "Opened in a thread", "2022-01-10");
  g_assert_cmpint (count (store), ==, 1);

  g_assert_true (g_file_set_contents (text_path, "not a database\n", -1, &error));
  g_assert_no_error (error);
  g_assert_false (open_async (text_store, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_DATABASE);
}

static void fill_calendar (EvtStore *store);

static void
wait_loaded (EvtEventList *list)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * G_TIME_SPAN_MILLISECOND;
  guint wake_id = g_timeout_add (50, wake_up, NULL);

  while (evt_event_list_get_loading (list) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake_id);
  g_assert_false (evt_event_list_get_loading (list));
}

/* The events can be asked for as soon as the opening starts: reads wait for it, on a
 * file that exists, on a new one (whose opening writes the tables) and on one that
 * cannot be opened (the read then fails, it does not hang). */
static void
test_open_async_read_early (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *new_path = g_build_filename (fixture->dir, "new.db", NULL);
  g_autofree char *text_path = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autoptr(EvtQuery) query = evt_query_new ();
  g_autoptr(GError) error = NULL;

  evt_query_set_year (query, 2021);
  {
    g_autoptr(EvtStore) store = evt_store_new (fixture->path);

    g_assert_true (evt_store_open (store, NULL, &error));
    fill_calendar (store);
  }
  g_assert_true (g_file_set_contents (text_path, "not a database\n", -1, &error));

  for (guint i = 0; i < 3; i++)
    {
      const char *path = i == 0 ? fixture->path : i == 1 ? new_path : text_path;
      g_autoptr(EvtStore) store = evt_store_new (path);
      g_autoptr(EvtEventList) list = evt_event_list_new (store);
      g_autoptr(GAsyncResult) result = NULL;
      gboolean opened;

      evt_store_open_async (store, NULL, open_done, &result);
      evt_event_list_set_query (list, query);
      wait_loaded (list);
      iterate_until ((gpointer *) &result, TRUE);
      opened = evt_store_open_finish (store, result, &error);

      if (i < 2)
        {
          g_assert_no_error (error);
          g_assert_true (opened);
          g_assert_null (evt_event_list_get_error (list));
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, i == 0 ? 5 : 0);
        }
      else
        {
          g_assert_false (opened);
          g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_DATABASE);
          g_clear_error (&error);
          g_assert_nonnull (evt_event_list_get_error (list));
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
        }
    }
}

/* --- Files that must be refused and left untouched --------------------------- */

/* Opens @path, expects @code, and checks that not a byte of it changed and that no
 * journal, WAL or shared-memory file was left next to it. */
static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *before = file_checksum (path);
  g_autofree char *listing_before = list_dir (dir);
  g_autofree char *after = NULL;
  g_autofree char *listing_after = NULL;
  g_autoptr(EvtStore) store = evt_store_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (evt_store_open (store, NULL, &error));
  g_assert_error (error, EVT_STORE_ERROR, code);
  /* The message names the file, so that people know which one. */
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("refused: %s", error->message);

  /* A refused store stays closed. */
  g_clear_error (&error);
  g_assert_cmpint (evt_store_count_events (store, &error), ==, -1);
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_OPEN);
  g_assert_finalize_object (g_steal_pointer (&store));

  after = file_checksum (path);
  listing_after = list_dir (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (listing_after, ==, listing_before);
}

static void
set_user_version (const char *path,
                  int         version)
{
  sqlite3 *db = sqlite_open (path, SQLITE_OPEN_READWRITE);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  sqlite_exec (db, sql);
  sqlite3_close (db);
}

static void
test_refuse_too_new (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *source = fixture_db_path ();
  g_autofree char *wal_path = g_build_filename (fixture->dir, "wal.db", NULL);
  g_autoptr(EvtStore) store = evt_store_new (wal_path);
  g_autoptr(GError) error = NULL;

  /* A rollback-journal file, as the fixture is. */
  copy_file (source, fixture->path);
  set_user_version (fixture->path, 99);
  assert_refused_untouched (fixture->path, EVT_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (user_version (fixture->path), ==, 99);

  /* A WAL file, as Eventail writes them: reading it needs a -wal and a -shm file;
   * SQLite removes both when the connection closes. */
  g_assert_true (evt_store_open (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));
  set_user_version (wal_path, EVT_STORE_SCHEMA_VERSION + 1);
  assert_refused_untouched (wal_path, EVT_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (user_version (wal_path), ==, EVT_STORE_SCHEMA_VERSION + 1);
}

static void
test_refuse_not_sqlite (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *short_path = g_build_filename (fixture->dir, "short.db", NULL);
  g_autofree char *empty_path = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (fixture->path,
                                      "Programme 2021\nMicronora, Besançon\n", -1, &error));
  g_assert_no_error (error);
  assert_refused_untouched (fixture->path, EVT_STORE_ERROR_NOT_DATABASE);

  /* Shorter than the SQLite magic string. */
  g_assert_true (g_file_set_contents (short_path, "SQLite", -1, &error));
  g_assert_no_error (error);
  assert_refused_untouched (short_path, EVT_STORE_ERROR_NOT_DATABASE);

  /* Empty: SQLite alone would take it for a new database and write into it. */
  g_assert_true (g_file_set_contents (empty_path, "", 0, &error));
  g_assert_no_error (error);
  assert_refused_untouched (empty_path, EVT_STORE_ERROR_NOT_DATABASE);
}

static void
test_refuse_other_application (Fixture       *fixture,
                               gconstpointer  data)
{
  sqlite3 *db = sqlite_open (fixture->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  sqlite_exec (db, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                   "INSERT INTO moz_places (url) VALUES ('https://www.micronora.com/');");
  sqlite3_close (db);
  assert_refused_untouched (fixture->path, EVT_STORE_ERROR_NOT_DATABASE);
}

/* A valid 100-byte SQLite header (from the fixture, a rollback-journal file)
 * followed by garbage. */
static void
test_refuse_corrupt_header (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *source = fixture_db_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 8192);
  for (gsize i = 100; i < length; i++)
    contents[i] = (char) ((i * 37 + 11) & 0xff);
  g_assert_true (g_file_set_contents (fixture->path, contents, (gssize) length, &error));
  g_assert_no_error (error);

  assert_refused_untouched (fixture->path, EVT_STORE_ERROR_NOT_DATABASE);
}

/* A real Eventail database (WAL) whose first page, the schema, was overwritten
 * after the header. */
static void
test_refuse_corrupt_page (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(EvtStore) store = evt_store_new (fixture->path);
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (evt_store_open (store, NULL, &error));
  g_assert_no_error (error);
  event = insert (store, "Micronora", "2022-09-27..2022-09-30");
  g_assert_finalize_object (g_steal_pointer (&store));

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 4096);
  memset (contents + 100, 0xa5, 4096 - 100);
  g_assert_true (g_file_set_contents (fixture->path, contents, (gssize) length, &error));
  g_assert_no_error (error);

  assert_refused_untouched (fixture->path, EVT_STORE_ERROR_NOT_DATABASE);
}

/* Writes a real Eventail database at @path with some events, then overwrites the
 * root page of the table or index @name, leaving the schema intact. */
static void
make_damaged_database (const char *path,
                       const char *name)
{
  g_autoptr(EvtStore) store = evt_store_new (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *root_text = NULL;
  g_autofree char *page_size_text = NULL;
  gint64 root, page_size;
  gsize length;

  g_assert_true (evt_store_open (store, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("Salon %u", i);
      g_autoptr(EvtEvent) event = insert (store, title, "2022-09-27..2022-09-30");
    }
  /* Read with the store's connection: a read-only one would leave -wal and -shm. */
  sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema WHERE name = '%s'", name);
  root_text = store_text (store, sql);
  page_size_text = store_text (store, "PRAGMA page_size");
  g_assert_finalize_object (g_steal_pointer (&store));

  root = g_ascii_strtoll (root_text, NULL, 10);
  page_size = g_ascii_strtoll (page_size_text, NULL, 10);
  g_assert_cmpint (root, >, 1);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, root * page_size);
  memset (contents + (root - 1) * page_size, 0x5a, page_size);
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, &error));
  g_assert_no_error (error);
}

/* Damage outside the schema is found when the file is opened, not at the first
 * write: the events table's root page (SQLite's integrity check then fails) and an
 * index's (the check then lists the damage). */
static void
test_refuse_corrupt_data (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *index_path = g_build_filename (fixture->dir, "index.db", NULL);

  make_damaged_database (fixture->path, "events");
  assert_refused_untouched (fixture->path, EVT_STORE_ERROR_NOT_DATABASE);

  make_damaged_database (index_path, "events_start");
  assert_refused_untouched (index_path, EVT_STORE_ERROR_NOT_DATABASE);
}

/* Drops @store and waits until it is finalized (its file closed): the worker threads
 * of the async calls and the "changed" idle let it go a moment later. */
static void
close_store (EvtStore *store)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gpointer weak = store;

  g_object_add_weak_pointer (G_OBJECT (store), &weak);
  g_object_unref (store);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_null (weak);
}

static gboolean
verify_async (EvtStore  *store,
              GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  evt_store_verify_async (store, NULL, open_done, &result);
  iterate_until ((gpointer *) &result, TRUE);
  return evt_store_verify_finish (store, result, error);
}

/* evt_store_open_async() leaves the integrity check of a file closed cleanly for
 * later: the events can be read at once, a sound file is written once checked, a
 * damaged one is found by the check and never written. */
static void
test_open_async_deferred_check (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *index_path = g_build_filename (fixture->dir, "index.db", NULL);
  g_autofree char *sound_path = g_build_filename (fixture->dir, "sound.db", NULL);
  const char *damaged[] = { fixture->path, index_path };
  g_autoptr(GError) error = NULL;

  make_damaged_database (fixture->path, "events");
  make_damaged_database (index_path, "events_start");
  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autofree char *dir = g_path_get_dirname (damaged[i]);
      g_autofree char *before = file_checksum (damaged[i]);
      g_autofree char *listing_before = list_dir (dir);
      g_autofree char *after = NULL;
      g_autofree char *listing_after = NULL;
      g_autoptr(EvtStore) store = evt_store_new (damaged[i]);
      g_autoptr(EvtEvent) event = make_event ("Salon 41", "2022-09-27..2022-09-30");

      g_assert_true (open_async (store, &error));
      g_assert_no_error (error);

      /* A write before the check runs it, and is refused. */
      if (i == 0)
        {
          g_assert_false (evt_store_insert_event (store, event, &error));
          g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_DATABASE);
          g_assert_nonnull (strstr (error->message, damaged[i]));
          g_clear_error (&error);
        }
      g_assert_false (verify_async (store, &error));
      g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_DATABASE);
      g_assert_nonnull (strstr (error->message, damaged[i]));
      g_test_message ("refused: %s", error->message);
      g_clear_error (&error);
      g_assert_false (evt_store_insert_event (store, event, &error));
      g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_DATABASE);
      g_clear_error (&error);
      g_assert_false (evt_store_begin (store, &error));
      g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_DATABASE);
      g_clear_error (&error);
      close_store (g_steal_pointer (&store));

      after = file_checksum (damaged[i]);
      listing_after = list_dir (dir);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpstr (listing_after, ==, listing_before);
    }

  /* A sound file: read at once, checked, then written. */
  {
    g_autoptr(EvtStore) store = evt_store_new (sound_path);
    g_autoptr(EvtEvent) first = NULL;
    g_autoptr(EvtEvent) second = NULL;

    g_assert_true (evt_store_open (store, NULL, &error));
    g_assert_no_error (error);
    first = insert (store, "Micronora", "2022-09-27..2022-09-30");
    close_store (g_steal_pointer (&store));

    store = evt_store_new (sound_path);
    g_assert_true (open_async (store, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (store), ==, 1);
    g_assert_true (verify_async (store, &error));
    g_assert_no_error (error);
    second = insert (store, "Global Industrie", "2022-03-15..2022-03-18");
    g_assert_cmpint (count (store), ==, 2);
    close_store (g_steal_pointer (&store));

    /* Without the check asked for, the first write runs it. */
    store = evt_store_new (sound_path);
    g_assert_true (open_async (store, &error));
    g_assert_no_error (error);
    g_clear_object (&second);
    second = insert (store, "SIANE", "2022-10-18..2022-10-20");
    g_assert_cmpint (count (store), ==, 3);
    g_assert_true (verify_async (store, &error));
    g_assert_no_error (error);
  }
}

/* --- Migration from version 1 ----------------------------------------------- */

static void
test_migrate_v1 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *source = fixture_db_path ();
  g_autofree char *fresh_path = g_build_filename (fixture->dir, "fresh.db", NULL);
  g_autoptr(EvtStore) fresh = evt_store_new (fresh_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtEvent) show = NULL;
  g_autoptr(EvtEvent) new_year = NULL;
  g_autoptr(EvtEvent) webinar = NULL;
  g_autoptr(GPtrArray) sectors = NULL;
  const char *schema_sql =
    "SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk"
    " FROM sqlite_schema m, pragma_table_info (m.name) p"
    " WHERE m.type = 'table' AND m.name NOT LIKE 'events_fts%' ORDER BY m.name, p.cid";
  const char *objects_sql =
    "SELECT type, name, tbl_name FROM sqlite_schema ORDER BY type, name";
  const char *indexes_sql =
    "SELECT m.name, i.name, i.\"unique\" FROM sqlite_schema m, pragma_index_list (m.name) i"
    " WHERE m.type = 'table' ORDER BY m.name, i.name";
  g_autofree char *schema_migrated = NULL;
  g_autofree char *schema_fresh = NULL;
  g_autofree char *objects_migrated = NULL;
  g_autofree char *objects_fresh = NULL;
  g_autofree char *indexes_migrated = NULL;
  g_autofree char *indexes_fresh = NULL;
  g_autofree char *check = NULL;
  g_autofree char *fk_check = NULL;
  g_autofree char *fts_check = NULL;
  g_autofree char *titles = NULL;
  sqlite3 *db;

  g_assert_true (g_file_test (source, G_FILE_TEST_IS_REGULAR));
  copy_file (source, fixture->path);
  g_assert_cmpint (user_version (fixture->path), ==, 1);

  fixture->store = evt_store_new (fixture->path);
  g_assert_true (evt_store_open (fixture->store, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (user_version (fixture->path), ==, EVT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count (fixture->store), ==, 3);

  /* The events, every field as version 1 wrote it. */
  show = get (fixture->store, 1);
  g_assert_cmpstr (evt_event_get_uid (show), ==, "fixture-micronora-2020@eventail");
  g_assert_cmpstr (evt_event_get_title (show), ==, "Micronora");
  g_assert_cmpint (evt_event_get_kind (show), ==, EVT_KIND_TRADE_SHOW);
  g_assert_cmpint (evt_event_get_status (show), ==, EVT_STATUS_POSTPONED);
  g_assert_cmpstr (evt_event_get_status_reason (show), ==,
                   "Reporté à cause de la crise sanitaire");
  g_assert_true (evt_event_get_all_day (show));
  assert_dt (evt_event_get_start (show), "2020-09-22T00:00:00+02:00");
  assert_dt (evt_event_get_end (show), "2020-09-25T00:00:00+02:00");
  assert_dt (evt_event_get_original_start (show), "2020-06-16T00:00:00+02:00");
  assert_dt (evt_event_get_original_end (show), "2020-06-19T00:00:00+02:00");
  g_assert_cmpstr (evt_event_get_timezone (show), ==, "Europe/Paris");
  g_assert_cmpstr (evt_event_get_venue (show), ==, "Micropolis");
  g_assert_cmpstr (evt_event_get_city (show), ==, "Besançon");
  g_assert_cmpstr (evt_event_get_country (show), ==, "France");
  g_assert_cmpstr (evt_event_get_organiser (show), ==, "Micronora");
  g_assert_cmpstr (evt_event_get_partners (show), ==, "Pôle des Microtechniques");
  g_assert_cmpstr (evt_event_get_url (show), ==, "https://www.micronora.com/");
  g_assert_cmpstr (evt_event_get_description (show), ==,
                   "Salon international des microtechniques.");
  g_assert_cmpstr (evt_event_get_notes (show), ==, "Stand partagé, 12 adhérents");
  g_assert_cmpint (evt_event_get_budget_cents (show), ==, 1500000);
  g_assert_cmpint (evt_event_get_visibility (show), ==, EVT_VISIBILITY_PUBLIC);
  g_assert_cmpint (evt_event_get_sequence (show), ==, 3);
  assert_dt (evt_event_get_created (show), "2020-01-10T08:00:00Z");
  assert_dt (evt_event_get_modified (show), "2020-05-04T14:30:00Z");
  g_assert_cmpstr (evt_event_get_series (show), ==, "micronora");
  g_assert_null (evt_event_get_source (show));
  g_assert_null (evt_event_get_recurrence_id (show));
  assert_sectors (show, "industry-future,microtechnology");

  new_year = get (fixture->store, 2);
  g_assert_cmpstr (evt_event_get_title (new_year), ==, "Permanence des fêtes");
  g_assert_cmpint (evt_event_get_kind (new_year), ==, EVT_KIND_MEETING);
  g_assert_cmpint (evt_event_get_visibility (new_year), ==, EVT_VISIBILITY_INTERNAL);
  g_assert_cmpint (evt_event_get_budget_cents (new_year), ==, -1);
  assert_dt (evt_event_get_start (new_year), "2020-12-30T00:00:00+01:00");
  assert_dt (evt_event_get_end (new_year), "2021-01-02T00:00:00+01:00");
  assert_sectors (new_year, "health");

  webinar = get (fixture->store, 3);
  g_assert_cmpstr (evt_event_get_title (webinar), ==, "Webinaire Medica-Compamed");
  g_assert_cmpint (evt_event_get_status (webinar), ==, EVT_STATUS_CANCELLED);
  g_assert_cmpstr (evt_event_get_status_reason (webinar), ==, "Crise sanitaire");
  g_assert_false (evt_event_get_all_day (webinar));
  assert_dt (evt_event_get_start (webinar), "2020-11-05T14:00:00+01:00");
  assert_dt (evt_event_get_end (webinar), "2020-11-05T15:30:00+01:00");
  g_assert_null (evt_event_get_city (webinar));
  g_assert_cmpint (evt_event_get_budget_cents (webinar), ==, 0);
  g_assert_cmpint (evt_event_get_sequence (webinar), ==, 1);
  assert_sectors (webinar, "health,aerospace");

  /* Sectors kept, in their order. */
  sectors = evt_store_list_sectors (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sectors->len, ==, 5);
  g_assert_cmpstr (((EvtSector *) g_ptr_array_index (sectors, 0))->slug, ==, "health");
  g_assert_cmpstr (((EvtSector *) g_ptr_array_index (sectors, 4))->slug, ==,
                   "microtechnology");

  /* Migration 2 indexed the rows that were already there. */
  titles = search_titles (fixture->store, "besancon");
  g_assert_cmpstr (titles, ==, "Micronora");
  g_clear_pointer (&titles, g_free);
  titles = search_titles (fixture->store, "medica");
  g_assert_cmpstr (titles, ==, "Webinaire Medica-Compamed");
  g_clear_pointer (&titles, g_free);
  titles = search_titles (fixture->store, "dusseldorf");
  g_assert_cmpstr (titles, ==, "Webinaire Medica-Compamed");
  g_clear_pointer (&titles, g_free);
  titles = search_titles (fixture->store, "FETES");
  g_assert_cmpstr (titles, ==, "Permanence des fêtes");
  g_clear_pointer (&titles, g_free);
  titles = search_titles (fixture->store, "adherents");  /* in the notes */
  g_assert_cmpstr (titles, ==, "Micronora");
  g_clear_pointer (&titles, g_free);
  titles = year_titles (fixture->store, 2021);
  g_assert_cmpstr (titles, ==, "Permanence des fêtes");
  g_clear_pointer (&titles, g_free);
  titles = year_titles (fixture->store, 2020);
  g_assert_cmpstr (titles, ==, "Micronora|Webinaire Medica-Compamed|Permanence des fêtes");
  g_clear_pointer (&titles, g_free);

  /* The migrated schema is the schema of a new database. */
  g_assert_true (evt_store_open (fresh, NULL, &error));
  g_assert_no_error (error);
  db = sqlite_open (fixture->path, SQLITE_OPEN_READONLY);
  schema_migrated = sqlite_rows (db, schema_sql);
  objects_migrated = sqlite_rows (db, objects_sql);
  indexes_migrated = sqlite_rows (db, indexes_sql);
  check = sqlite_text (db, "PRAGMA integrity_check");
  fk_check = sqlite_rows (db, "PRAGMA foreign_key_check");
  sqlite3_close (db);
  db = sqlite_open (fresh_path, SQLITE_OPEN_READONLY);
  schema_fresh = sqlite_rows (db, schema_sql);
  objects_fresh = sqlite_rows (db, objects_sql);
  indexes_fresh = sqlite_rows (db, indexes_sql);
  sqlite3_close (db);
  g_assert_cmpstr (schema_migrated, ==, schema_fresh);
  g_assert_cmpstr (objects_migrated, ==, objects_fresh);
  g_assert_cmpstr (indexes_migrated, ==, indexes_fresh);
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpstr (fk_check, ==, "");

  /* The full-text index agrees with the table (FTS5 'integrity-check'). */
  store_exec (fixture->store,
              "INSERT INTO events_fts (events_fts) VALUES ('integrity-check')");
  fts_check = store_text (fixture->store, "SELECT count(*) FROM events_fts_docsize");
  g_assert_cmpstr (fts_check, ==, "3");

  /* Migrated rows are kept in sync by the triggers. */
  evt_event_set_city (show, "Montbéliard");
  g_assert_true (evt_store_update_event (fixture->store, show, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evt_event_get_sequence (show), ==, 4);
  titles = search_titles (fixture->store, "besancon");
  g_assert_cmpstr (titles, ==, "");
  g_clear_pointer (&titles, g_free);
  titles = search_titles (fixture->store, "montbeliard");
  g_assert_cmpstr (titles, ==, "Micronora");
  g_clear_pointer (&titles, g_free);

  /* Opening again does not migrate again. */
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  fixture->store = evt_store_new (fixture->path);
  g_assert_true (evt_store_open (fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->store), ==, 3);
  g_assert_cmpint (user_version (fixture->path), ==, EVT_STORE_SCHEMA_VERSION);
}

/* --- Events: create, read, update, delete ------------------------------------ */

static void
test_events_crud (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(EvtEvent) event = make_event ("Global Industrie", "2021-03-16..2021-03-19");
  g_autoptr(EvtEvent) read = NULL;
  g_autoptr(EvtEvent) by_uid = NULL;
  g_autoptr(EvtEvent) by_id_text = NULL;
  g_autoptr(EvtEvent) by_uid_text = NULL;
  g_autoptr(EvtEvent) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) before_s = g_date_time_add_seconds (before, -1);
  gint64 id;

  g_assert_cmpint (evt_event_get_id (event), ==, 0);
  g_assert_null (evt_event_get_uid (event));

  /* Create */
  g_assert_true (evt_store_insert_event (fixture->store, event, &error));
  g_assert_no_error (error);
  id = evt_event_get_id (event);
  g_assert_cmpint (id, >, 0);
  g_assert_true (g_str_has_suffix (evt_event_get_uid (event), "@eventail"));
  g_assert_nonnull (evt_event_get_created (event));
  g_assert_cmpint (g_date_time_compare (evt_event_get_created (event), before_s), >=, 0);
  g_assert_true (g_date_time_equal (evt_event_get_created (event),
                                    evt_event_get_modified (event)));
  g_assert_cmpint (evt_event_get_sequence (event), ==, 0);
  g_assert_cmpint (count (fixture->store), ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* Read, four ways */
  read = get (fixture->store, id);
  g_assert_cmpstr (evt_event_get_title (read), ==, "Global Industrie");
  g_assert_true (evt_event_publish_equal (read, event));
  g_assert_true (g_date_time_equal (evt_event_get_created (read),
                                    evt_event_get_created (event)));
  by_uid = evt_store_get_event_by_uid (fixture->store, evt_event_get_uid (event), &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_event_get_id (by_uid), ==, id);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  by_id_text = evt_store_lookup_event (fixture->store, id_text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_event_get_id (by_id_text), ==, id);
  by_uid_text = evt_store_lookup_event (fixture->store, evt_event_get_uid (event), &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_event_get_id (by_uid_text), ==, id);

  /* Update */
  evt_event_set_title (read, "Global Industrie 2021");
  evt_event_set_status (read, EVT_STATUS_CANCELLED);
  evt_event_set_status_reason (read, "Crise sanitaire");
  g_assert_true (evt_store_update_event (fixture->store, read, &error));
  g_assert_no_error (error);
  g_clear_object (&by_uid);
  by_uid = evt_store_get_event_by_uid (fixture->store, evt_event_get_uid (event), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evt_event_get_title (by_uid), ==, "Global Industrie 2021");
  g_assert_cmpint (evt_event_get_status (by_uid), ==, EVT_STATUS_CANCELLED);
  g_assert_cmpstr (evt_event_get_status_reason (by_uid), ==, "Crise sanitaire");
  g_assert_cmpint (count (fixture->store), ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  /* Delete */
  g_assert_true (evt_store_delete_event (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->store), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 3);
  missing = evt_store_get_event (fixture->store, id, &error);
  g_assert_null (missing);
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  missing = evt_store_get_event_by_uid (fixture->store, evt_event_get_uid (event), &error);
  g_assert_null (missing);
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  missing = evt_store_lookup_event (fixture->store, id_text, &error);
  g_assert_null (missing);
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  missing = evt_store_lookup_event (fixture->store, "no-such-uid@example.org", &error);
  g_assert_null (missing);
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting or updating what is not there */
  g_assert_false (evt_store_delete_event (fixture->store, id, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (evt_store_update_event (fixture->store, read, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&read);
  read = make_event ("Never saved", "2021-05-20");
  g_assert_false (evt_store_update_event (fixture->store, read, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture->store), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 3);
}

static void
test_events_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Montreal");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2021, 11, 30, 9, 30, 0);
  g_autoptr(GDateTime) end = g_date_time_new (tz, 2021, 12, 2, 17, 0, 0);
  g_autoptr(GDateTime) ostart = g_date_time_new (tz, 2021, 6, 1, 9, 30, 0);
  g_autoptr(GDateTime) oend = g_date_time_new (tz, 2021, 6, 3, 17, 0, 0);
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 ("2020-02-03T04:05:06Z", NULL);
  g_autoptr(GDateTime) modified = g_date_time_new_from_iso8601 ("2020-03-04T05:06:07Z",
                                                                NULL);
  const char * const sectors[] = { "microtechnology", "aerospace", NULL };
  g_autoptr(EvtEvent) event = evt_event_new ();
  g_autoptr(EvtEvent) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (tz);
  evt_event_set_uid (event, "adm-montreal-2021@partner.example");
  evt_event_set_title (event, "Aéromart Montréal");
  evt_event_set_kind (event, EVT_KIND_BUSINESS_CONVENTION);
  evt_event_set_status (event, EVT_STATUS_POSTPONED);
  evt_event_set_status_reason (event, "Frontières fermées");
  evt_event_set_timezone (event, "America/Montreal");
  evt_event_set_dates (event, FALSE, start, end);
  evt_event_set_original_dates (event, ostart, oend);
  evt_event_set_venue (event, "Palais des congrès");
  evt_event_set_city (event, "Montréal");
  evt_event_set_country (event, "Canada");
  evt_event_set_organiser (event, "BCI Aerospace");
  evt_event_set_partners (event, "Aéro Montréal, Business France");
  evt_event_set_sectors (event, sectors);
  evt_event_set_url (event, "https://www.aeromart-montreal.com/");
  evt_event_set_description (event, "Rendez-vous d'affaires\nsur deux lignes ; « guillemets »");
  evt_event_set_notes (event, "Budget à valider ' \" %s");
  evt_event_set_budget_cents (event, 1234567);
  evt_event_set_visibility (event, EVT_VISIBILITY_INTERNAL);
  evt_event_set_series (event, "aeromart");
  evt_event_set_source (event, "partners.ics");
  evt_event_set_sequence (event, 7);
  evt_event_set_created (event, created);
  evt_event_set_modified (event, modified);

  g_assert_true (evt_store_insert_event (fixture->store, event, &error));
  g_assert_no_error (error);
  read = get (fixture->store, evt_event_get_id (event));

  g_assert_cmpstr (evt_event_get_uid (read), ==, "adm-montreal-2021@partner.example");
  g_assert_cmpstr (evt_event_get_title (read), ==, "Aéromart Montréal");
  g_assert_cmpint (evt_event_get_kind (read), ==, EVT_KIND_BUSINESS_CONVENTION);
  g_assert_cmpint (evt_event_get_status (read), ==, EVT_STATUS_POSTPONED);
  g_assert_cmpstr (evt_event_get_status_reason (read), ==, "Frontières fermées");
  g_assert_cmpstr (evt_event_get_timezone (read), ==, "America/Montreal");
  g_assert_false (evt_event_get_all_day (read));
  assert_dt (evt_event_get_start (read), "2021-11-30T09:30:00-05:00");
  assert_dt (evt_event_get_end (read), "2021-12-02T17:00:00-05:00");
  assert_dt (evt_event_get_original_start (read), "2021-06-01T09:30:00-04:00");
  assert_dt (evt_event_get_original_end (read), "2021-06-03T17:00:00-04:00");
  g_assert_cmpstr (evt_event_get_venue (read), ==, "Palais des congrès");
  g_assert_cmpstr (evt_event_get_city (read), ==, "Montréal");
  g_assert_cmpstr (evt_event_get_country (read), ==, "Canada");
  g_assert_cmpstr (evt_event_get_organiser (read), ==, "BCI Aerospace");
  g_assert_cmpstr (evt_event_get_partners (read), ==, "Aéro Montréal, Business France");
  g_assert_true (evt_event_has_sector (read, "microtechnology"));
  g_assert_true (evt_event_has_sector (read, "aerospace"));
  g_assert_cmpuint (g_strv_length ((char **) evt_event_get_sectors (read)), ==, 2);
  g_assert_cmpstr (evt_event_get_url (read), ==, "https://www.aeromart-montreal.com/");
  g_assert_cmpstr (evt_event_get_description (read), ==,
                   "Rendez-vous d'affaires\nsur deux lignes ; « guillemets »");
  g_assert_cmpstr (evt_event_get_notes (read), ==, "Budget à valider ' \" %s");
  g_assert_cmpint (evt_event_get_budget_cents (read), ==, 1234567);
  g_assert_cmpint (evt_event_get_visibility (read), ==, EVT_VISIBILITY_INTERNAL);
  g_assert_cmpstr (evt_event_get_series (read), ==, "aeromart");
  g_assert_cmpstr (evt_event_get_source (read), ==, "partners.ics");
  /* What an import gives is kept on insert. */
  g_assert_cmpint (evt_event_get_sequence (read), ==, 7);
  assert_dt (evt_event_get_created (read), "2020-02-03T04:05:06Z");
  assert_dt (evt_event_get_modified (read), "2020-03-04T05:06:07Z");
  g_assert_null (evt_event_get_recurrence_id (read));

  /* An all-day event keeps its last day (inclusive) and its zone. */
  g_clear_object (&event);
  g_clear_object (&read);
  event = insert (fixture->store, "Micronora", "2022-09-27..2022-09-30");
  read = get (fixture->store, evt_event_get_id (event));
  g_assert_true (evt_event_get_all_day (read));
  assert_dt (evt_event_get_start (read), "2022-09-27T00:00:00+02:00");
  assert_dt (evt_event_get_end (read), "2022-09-30T00:00:00+02:00");
  g_assert_null (evt_event_get_original_start (read));
  assert_sectors (read, "");
  g_assert_cmpint (evt_event_get_budget_cents (read), ==, -1);
  g_assert_null (evt_event_get_source (read));
  g_assert_true (evt_event_publish_equal (read, event));
}

static void
test_events_duplicate_uid (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(EvtEvent) first = make_event ("Micronora", "2022-09-27..2022-09-30");
  g_autoptr(EvtEvent) second = make_event ("Micronora (copie)", "2022-09-27..2022-09-30");
  g_autoptr(EvtEvent) other = NULL;
  g_autoptr(GError) error = NULL;

  evt_event_set_uid (first, "micronora-2022@eventail");
  evt_event_set_uid (second, "micronora-2022@eventail");
  g_assert_true (evt_store_insert_event (fixture->store, first, &error));
  g_assert_no_error (error);

  g_assert_false (evt_store_insert_event (fixture->store, second, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "micronora-2022@eventail"));
  g_clear_error (&error);
  /* The refused event is untouched, nothing was written, nobody was told. */
  g_assert_cmpint (evt_event_get_id (second), ==, 0);
  g_assert_null (evt_event_get_created (second));
  g_assert_cmpint (count (fixture->store), ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* Taking another event's uid in an update is refused too. */
  other = insert (fixture->store, "SIAMS", "2022-04-05..2022-04-08");
  evt_event_set_uid (other, "micronora-2022@eventail");
  evt_event_set_title (other, "SIAMS renamed");
  g_assert_false (evt_store_update_event (fixture->store, other, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_clear_object (&other);
  other = evt_store_get_event_by_uid (fixture->store, "micronora-2022@eventail", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evt_event_get_title (other), ==, "Micronora");
  g_assert_cmpint (count (fixture->store), ==, 2);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
}

static void
test_events_occurrences (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(EvtEvent) master = make_event ("Club export", "2022-01-13T09:00..11:00");
  g_autoptr(EvtEvent) moved = make_event ("Club export (déplacé)", "2022-02-11T09:00..11:00");
  g_autoptr(EvtEvent) again = make_event ("Club export (doublon)", "2022-02-11T09:00..11:00");
  g_autoptr(EvtEvent) found = NULL;
  g_autoptr(GError) error = NULL;

  evt_event_set_uid (master, "club-export@partner.example");
  evt_event_set_uid (moved, "club-export@partner.example");
  evt_event_set_recurrence_id (moved, "2022-02-10T09:00:00+01:00");
  evt_event_set_uid (again, "club-export@partner.example");
  evt_event_set_recurrence_id (again, "2022-02-10T09:00:00+01:00");

  g_assert_true (evt_store_insert_event (fixture->store, master, &error));
  g_assert_no_error (error);
  g_assert_true (evt_store_insert_event (fixture->store, moved, &error));
  g_assert_no_error (error);
  g_assert_false (evt_store_insert_event (fixture->store, again, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture->store), ==, 2);

  found = evt_store_get_event_by_uid (fixture->store, "club-export@partner.example", &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_event_get_id (found), ==, evt_event_get_id (master));
  g_clear_object (&found);
  found = evt_store_get_occurrence (fixture->store, "club-export@partner.example",
                                    "2022-02-10T09:00:00+01:00", &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_event_get_id (found), ==, evt_event_get_id (moved));
  g_assert_cmpstr (evt_event_get_recurrence_id (found), ==, "2022-02-10T09:00:00+01:00");
  g_clear_object (&found);
  found = evt_store_get_occurrence (fixture->store, "club-export@partner.example",
                                    "2022-03-10T09:00:00+01:00", &error);
  g_assert_null (found);
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND);
}

/* --- Validation ----------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *field;    /* evt_store_error_get_field() */
  const char *prefix;   /* how the message starts */
  void      (*spoil) (EvtEvent *event);
} InvalidCase;

static void
spoil_title_missing (EvtEvent *event)
{
  evt_event_set_title (event, NULL);
}

static void
spoil_title_blank (EvtEvent *event)
{
  evt_event_set_title (event, "  \t ");
}

static void
spoil_no_dates (EvtEvent *event)
{
  evt_event_set_dates (event, TRUE, NULL, NULL);
}

static void
spoil_no_end (EvtEvent *event)
{
  evt_event_set_dates (event, evt_event_get_all_day (event), evt_event_get_start (event), NULL);
}

static void
spoil_end_before_start (EvtEvent *event)
{
  g_autoptr(GTimeZone) tz = paris ();
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2021, 3, 19, 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (tz, 2021, 3, 16, 0, 0, 0);

  evt_event_set_dates (event, TRUE, start, end);
}

static void
spoil_timed_end_before_start (EvtEvent *event)
{
  g_autoptr(GTimeZone) tz = paris ();
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2021, 3, 16, 14, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (tz, 2021, 3, 16, 13, 59, 0);

  evt_event_set_dates (event, FALSE, start, end);
}

static void
spoil_all_day_not_midnight (EvtEvent *event)
{
  g_autoptr(GTimeZone) tz = paris ();
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2021, 3, 16, 9, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (tz, 2021, 3, 19, 0, 0, 0);

  evt_event_set_dates (event, TRUE, start, end);
}

static void
spoil_timezone (EvtEvent *event)
{
  evt_event_set_timezone (event, "Mars/Olympus_Mons");
}

static void
spoil_original_half (EvtEvent *event)
{
  evt_event_set_original_dates (event, evt_event_get_start (event), NULL);
}

static void
spoil_original_reversed (EvtEvent *event)
{
  g_autoptr(GTimeZone) tz = paris ();
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2020, 6, 19, 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (tz, 2020, 6, 16, 0, 0, 0);

  evt_event_set_original_dates (event, start, end);
}

static void
spoil_url (EvtEvent *event)
{
  evt_event_set_url (event, "ftp://www.micronora.com/");
}

static void
spoil_sector (EvtEvent *event)
{
  const char * const sectors[] = { "health", "space-mining", NULL };

  evt_event_set_sectors (event, sectors);
}

static const InvalidCase invalid_cases[] = {
  { "title-missing", "title", "Title:", spoil_title_missing },
  { "title-blank", "title", "Title:", spoil_title_blank },
  { "no-dates", "start", "Start:", spoil_no_dates },
  { "no-end", "end", "End:", spoil_no_end },
  { "end-before-start", "end", "End:", spoil_end_before_start },
  { "timed-end-before-start", "end", "End:", spoil_timed_end_before_start },
  { "all-day-not-midnight", "start", "Start:", spoil_all_day_not_midnight },
  { "timezone", "timezone", "Time zone:", spoil_timezone },
  { "original-half", "original-start", "Original dates:", spoil_original_half },
  { "original-reversed", "original-start", "Original dates:", spoil_original_reversed },
  { "url", "url", "URL:", spoil_url },
  { "sector", "sectors", "Sectors:", spoil_sector },
};

static void
assert_invalid (GError            *error,
                const InvalidCase *c)
{
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, c->prefix))
    g_error ("%s: “%s” does not start with “%s”", c->name, error->message, c->prefix);
  g_assert_cmpstr (evt_store_error_get_field (error), ==, c->field);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(EvtEvent) saved = make_event ("Medica", "2021-11-15..2021-11-18");
  const char * const sectors[] = { "health", NULL };
  g_autoptr(GError) error = NULL;
  int saved_sequence;

  evt_event_set_sectors (saved, sectors);
  g_assert_true (evt_store_validate_event (fixture->store, saved, &error));
  g_assert_no_error (error);
  g_assert_true (evt_store_insert_event (fixture->store, saved, &error));
  g_assert_no_error (error);
  saved_sequence = evt_event_get_sequence (saved);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const InvalidCase *c = &invalid_cases[i];
      g_autoptr(EvtEvent) fresh = make_event ("Medica", "2021-11-15..2021-11-18");
      g_autoptr(EvtEvent) edited = get (fixture->store, evt_event_get_id (saved));
      g_autoptr(EvtEvent) stored = NULL;

      g_test_message ("invalid case %s", c->name);

      c->spoil (fresh);
      g_assert_false (evt_store_validate_event (fixture->store, fresh, &error));
      assert_invalid (error, c);
      g_clear_error (&error);

      g_assert_false (evt_store_insert_event (fixture->store, fresh, &error));
      assert_invalid (error, c);
      g_clear_error (&error);
      g_assert_cmpint (evt_event_get_id (fresh), ==, 0);

      c->spoil (edited);
      g_assert_false (evt_store_update_event (fixture->store, edited, &error));
      assert_invalid (error, c);
      g_clear_error (&error);

      /* Nothing written, nobody told. */
      stored = get (fixture->store, evt_event_get_id (saved));
      g_assert_true (evt_event_publish_equal (stored, saved));
      g_assert_cmpint (evt_event_get_sequence (stored), ==, saved_sequence);
      g_assert_cmpint (count (fixture->store), ==, 1);
      g_assert_cmpuint (fixture->n_changed, ==, 1);
    }

  /* Kind, status, visibility and budget are closed sets: the event refuses an
   * unknown value itself, so the store never sees one. */
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*kind*");
  evt_event_set_kind (saved, (EvtKind) EVT_N_KINDS);
  g_test_assert_expected_messages ();
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*status*");
  evt_event_set_status (saved, (EvtStatus) 42);
  g_test_assert_expected_messages ();
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*visibility*");
  evt_event_set_visibility (saved, (EvtVisibility) 7);
  g_test_assert_expected_messages ();
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*cents*");
  evt_event_set_budget_cents (saved, -500);
  g_test_assert_expected_messages ();
  g_assert_cmpint (evt_event_get_kind (saved), ==, EVT_KIND_TRADE_SHOW);
  g_assert_cmpint (evt_event_get_status (saved), ==, EVT_STATUS_CONFIRMED);
  g_assert_true (evt_store_validate_event (fixture->store, saved, &error));
  g_assert_no_error (error);

  /* A value read from a file written elsewhere is checked when it comes in: an
   * unknown kind in the database reads as "other", never as garbage. */
  store_exec (fixture->store, "UPDATE events SET kind = 'space-race', status = 'maybe'");
  {
    g_autoptr(EvtEvent) odd = get (fixture->store, evt_event_get_id (saved));
    g_assert_cmpint (evt_event_get_kind (odd), ==, EVT_KIND_OTHER);
    g_assert_cmpint (evt_event_get_status (odd), ==, EVT_STATUS_TENTATIVE);
    g_assert_true (evt_store_validate_event (fixture->store, odd, &error));
    g_assert_no_error (error);
  }
}

/* --- Transactions -------------------------------------------------------------- */

/* A real SQLite trigger that makes the store's second statement of a write fail, to
 * check that the first one is undone. */
#define FAIL_ON_AEROSPACE \
  "CREATE TRIGGER test_no_aerospace BEFORE INSERT ON event_sectors" \
  " WHEN new.sector_id = (SELECT id FROM sectors WHERE slug = 'aerospace')" \
  " BEGIN SELECT RAISE (ABORT, 'no aerospace today'); END"

static void
test_rollback_on_error (Fixture       *fixture,
                        gconstpointer  data)
{
  const char * const good[] = { "health", NULL };
  const char * const bad[] = { "health", "aerospace", NULL };
  g_autoptr(EvtEvent) event = make_event ("ADM Toulouse", "2021-11-30..2021-12-02");
  g_autoptr(EvtEvent) kept = NULL;
  g_autoptr(EvtEvent) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *orphans = NULL;
  g_autofree char *titles = NULL;

  store_exec (fixture->store, FAIL_ON_AEROSPACE);
  fixture->n_changed = 0;

  /* Insert: the events row is written, then the sectors fail. */
  evt_event_set_sectors (event, bad);
  g_assert_false (evt_store_insert_event (fixture->store, event, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no aerospace today"));
  g_clear_error (&error);
  g_assert_cmpint (evt_event_get_id (event), ==, 0);
  g_assert_null (evt_event_get_uid (event));
  g_assert_cmpint (count (fixture->store), ==, 0);
  orphans = store_text (fixture->store, "SELECT count(*) FROM event_sectors");
  g_assert_cmpstr (orphans, ==, "0");
  g_clear_pointer (&orphans, g_free);
  titles = search_titles (fixture->store, "toulouse");
  g_assert_cmpstr (titles, ==, "");
  g_clear_pointer (&titles, g_free);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* Update: the row is rewritten, then the sectors fail. */
  kept = make_event ("ADM Toulouse", "2021-11-30..2021-12-02");
  evt_event_set_sectors (kept, good);
  g_assert_true (evt_store_insert_event (fixture->store, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  evt_event_set_title (kept, "ADM Séville");
  evt_event_set_sectors (kept, bad);
  g_assert_false (evt_store_update_event (fixture->store, kept, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_FAILED);
  g_clear_error (&error);
  stored = get (fixture->store, evt_event_get_id (kept));
  g_assert_cmpstr (evt_event_get_title (stored), ==, "ADM Toulouse");
  assert_sectors (stored, "health");
  g_assert_cmpint (evt_event_get_sequence (stored), ==, 0);
  g_assert_cmpint (evt_event_get_sequence (kept), ==, 0);
  titles = search_titles (fixture->store, "seville");
  g_assert_cmpstr (titles, ==, "");
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* The store is usable afterwards: no transaction was left open. */
  evt_event_set_sectors (kept, good);
  g_assert_true (evt_store_update_event (fixture->store, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evt_event_get_sequence (kept), ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
}

static void
test_transaction_nested (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtEvent) a = NULL;
  g_autoptr(EvtEvent) b = NULL;
  g_autoptr(EvtEvent) c = NULL;
  g_autoptr(EvtEvent) d = NULL;
  g_autoptr(EvtEvent) bad = make_event ("", "2021-01-01");
  g_autoptr(EvtEvent) dup = make_event ("Duplicate", "2021-01-01");
  g_autofree char *titles = NULL;

  /* Outer rollback undoes what an inner, committed savepoint did. */
  g_assert_true (evt_store_begin (fixture->store, &error));
  a = insert (fixture->store, "A", "2021-01-04");
  g_assert_true (evt_store_begin (fixture->store, &error));
  b = insert (fixture->store, "B", "2021-01-05");
  g_assert_true (evt_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->store), ==, 2);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  evt_store_rollback (fixture->store);
  g_assert_cmpint (count (fixture->store), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* Inner rollback undoes only the inner work; one "changed" for the whole. */
  g_clear_object (&a);
  g_clear_object (&b);
  g_assert_true (evt_store_begin (fixture->store, &error));
  a = insert (fixture->store, "A", "2021-01-04");
  g_assert_true (evt_store_begin (fixture->store, &error));
  b = insert (fixture->store, "B", "2021-01-05");
  evt_store_rollback (fixture->store);
  c = insert (fixture->store, "C", "2021-01-06");
  /* Failed writes inside a transaction leave the transaction usable. */
  g_assert_false (evt_store_insert_event (fixture->store, bad, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  evt_event_set_uid (dup, evt_event_get_uid (a));
  g_assert_false (evt_store_insert_event (fixture->store, dup, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (evt_store_delete_event (fixture->store, 999999, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_true (evt_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  titles = query_titles (fixture->store, NULL);
  g_assert_cmpstr (titles, ==, "A|C");

  /* A transaction that only reads does not announce a change. */
  g_assert_true (evt_store_begin (fixture->store, &error));
  g_assert_cmpint (count (fixture->store), ==, 2);
  g_assert_true (evt_store_commit (fixture->store, &error));
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* Deletes and updates inside an outer rollback are undone as well. */
  g_assert_true (evt_store_begin (fixture->store, &error));
  g_assert_true (evt_store_delete_event (fixture->store, evt_event_get_id (a), &error));
  evt_event_set_title (c, "C renamed");
  g_assert_true (evt_store_update_event (fixture->store, c, &error));
  g_assert_no_error (error);
  d = insert (fixture->store, "D", "2021-01-07");
  evt_store_rollback (fixture->store);
  g_clear_pointer (&titles, g_free);
  titles = query_titles (fixture->store, NULL);
  g_assert_cmpstr (titles, ==, "A|C");
  g_assert_cmpuint (fixture->n_changed, ==, 1);
}

typedef struct
{
  Fixture *fixture;
  gint64   expected_count;
  guint    n_calls;
} ChangedProbe;

/* The handler runs after the commit: the data is there and the lock is free (a
 * worker thread can read). */
static gpointer
count_in_thread (gpointer data)
{
  return GINT_TO_POINTER ((int) evt_store_count_events (data, NULL));
}

static void
on_changed_probe (EvtStore     *store,
                  ChangedProbe *probe)
{
  GThread *thread = g_thread_new ("count", count_in_thread, store);

  probe->n_calls++;
  g_assert_cmpint (GPOINTER_TO_INT (g_thread_join (thread)), ==, probe->expected_count);
  g_assert_cmpint (count (store), ==, probe->expected_count);
}

static void
test_changed_signal (Fixture       *fixture,
                     gconstpointer  data)
{
  ChangedProbe probe = { fixture, 1, 0 };
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtSector) sector = evt_sector_new ("space", "Spatial", "#3584e4");
  gulong handler = g_signal_connect (fixture->store, "changed",
                                     G_CALLBACK (on_changed_probe), &probe);

  event = insert (fixture->store, "Micronora", "2022-09-27..2022-09-30");
  g_assert_cmpuint (probe.n_calls, ==, 1);

  /* Rolled back: not emitted. */
  g_assert_true (evt_store_begin (fixture->store, &error));
  g_clear_object (&event);
  event = insert (fixture->store, "Never", "2022-10-01");
  evt_store_rollback (fixture->store);
  g_assert_cmpuint (probe.n_calls, ==, 1);

  /* A batch: once, after the outer commit. */
  g_assert_true (evt_store_begin (fixture->store, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(EvtEvent) e = insert (fixture->store, "Batch", "2022-10-02");
    }
  g_assert_cmpuint (probe.n_calls, ==, 1);
  probe.expected_count = 4;
  g_assert_true (evt_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (probe.n_calls, ==, 2);

  /* Sectors count as changes too. */
  g_assert_true (evt_store_save_sector (fixture->store, sector, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (probe.n_calls, ==, 3);

  /* A module of the core that writes its own tables marks the change itself. */
  g_assert_true (evt_store_begin (fixture->store, &error));
  sqlite_exec (evt_store_get_db (fixture->store), "UPDATE events SET notes = 'raw'");
  evt_store_mark_changed (fixture->store);
  g_assert_true (evt_store_commit (fixture->store, &error));
  g_assert_cmpuint (probe.n_calls, ==, 4);

  g_signal_handler_disconnect (fixture->store, handler);
}

/* --- Sequence and modification time ----------------------------------------- */

static void
test_sequence (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(EvtEvent) event = make_event ("Medica", "2021-11-15..2021-11-18");
  g_autoptr(GDateTime) old = g_date_time_new_from_iso8601 ("2020-01-01T00:00:00Z", NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) tz = paris ();
  g_autoptr(GError) error = NULL;
  int expected = 0;

  evt_event_set_created (event, old);
  evt_event_set_modified (event, old);
  g_assert_true (evt_store_insert_event (fixture->store, event, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evt_event_get_sequence (event), ==, 0);

#define SAVE_AND_CHECK(bumps) G_STMT_START {                                        \
    g_autoptr(EvtEvent) stored_ = NULL;                                             \
    evt_event_set_modified (event, old);                                            \
    g_assert_true (evt_store_update_event (fixture->store, event, &error));         \
    g_assert_no_error (error);                                                      \
    expected += (bumps) ? 1 : 0;                                                    \
    stored_ = get (fixture->store, evt_event_get_id (event));                       \
    g_assert_cmpint (evt_event_get_sequence (event), ==, expected);                 \
    g_assert_cmpint (evt_event_get_sequence (stored_), ==, expected);               \
    now = g_date_time_new_now_utc ();                                               \
    /* modified is now (whole seconds), created is kept */                          \
    g_assert_cmpint (g_date_time_difference (now, evt_event_get_modified (stored_)), \
                     <, 5 * G_TIME_SPAN_SECOND);                                    \
    g_assert_cmpint (g_date_time_difference (now, evt_event_get_modified (stored_)), \
                     >=, 0);                                                        \
    g_assert_true (g_date_time_equal (evt_event_get_modified (event),               \
                                      evt_event_get_modified (stored_)));           \
    assert_dt (evt_event_get_created (stored_), "2020-01-01T00:00:00Z");            \
    g_clear_pointer (&now, g_date_time_unref);                                      \
  } G_STMT_END

  /* Not published: no new sequence, but a new modification time. */
  evt_event_set_notes (event, "Réserver l'hôtel");
  SAVE_AND_CHECK (FALSE);
  evt_event_set_budget_cents (event, 2500000);
  SAVE_AND_CHECK (FALSE);
  evt_event_set_series (event, "medica");
  SAVE_AND_CHECK (FALSE);
  SAVE_AND_CHECK (FALSE);   /* nothing changed at all */

  /* Published: one more each time. */
  evt_event_set_title (event, "Medica 2021");
  SAVE_AND_CHECK (TRUE);
  {
    g_autoptr(GDateTime) start = g_date_time_new (tz, 2021, 11, 16, 0, 0, 0);
    g_autoptr(GDateTime) end = g_date_time_new (tz, 2021, 11, 19, 0, 0, 0);
    evt_event_set_dates (event, TRUE, start, end);
  }
  SAVE_AND_CHECK (TRUE);
  evt_event_set_status (event, EVT_STATUS_CANCELLED);
  SAVE_AND_CHECK (TRUE);
  evt_event_set_status_reason (event, "Crise sanitaire");
  SAVE_AND_CHECK (TRUE);
  evt_event_set_city (event, "Düsseldorf");
  SAVE_AND_CHECK (TRUE);
  evt_event_set_description (event, "Pavillon régional");
  SAVE_AND_CHECK (TRUE);
  evt_event_set_visibility (event, EVT_VISIBILITY_INTERNAL);
  SAVE_AND_CHECK (TRUE);
  {
    const char * const sectors[] = { "health", NULL };
    evt_event_set_sectors (event, sectors);
  }
  SAVE_AND_CHECK (TRUE);

  /* Notes and title together: one bump, not two. */
  evt_event_set_notes (event, "Hôtel réservé");
  evt_event_set_title (event, "Medica-Compamed 2021");
  SAVE_AND_CHECK (TRUE);
  g_assert_cmpint (expected, ==, 9);

  /* A higher sequence from an import wins; a lower one cannot go back. */
  evt_event_set_sequence (event, 20);
  evt_event_set_notes (event, "Import");
  expected = 20;
  SAVE_AND_CHECK (FALSE);
  evt_event_set_sequence (event, 3);
  evt_event_set_title (event, "Medica");
  SAVE_AND_CHECK (TRUE);
  g_assert_cmpint (expected, ==, 21);

#undef SAVE_AND_CHECK
}

/* --- Queries ----------------------------------------------------------------------- */

static void
fill_calendar (EvtStore *store)
{
  static const struct {
    const char *title;
    const char *dates;
  } events[] = {
    { "New Year 2021", "2020-12-30..2021-01-02" },
    { "Réveillon", "2021-12-31T22:00..2022-01-01T02:00" },
    { "Innovative Therapies Days", "2021-06-10..2021-06-11" },
    { "Global Industrie", "2022-03-01..2022-03-04" },
    { "Last day of 2020", "2020-12-31" },
    { "Webinaire Riposte", "2021-06-10T14:00..2021-06-10T15:30" },
    { "Assemblée générale", "2021-06-10T09:00..2021-06-10T12:00" },
  };

  /* Inserted out of order: the store sorts. */
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(EvtEvent) event = insert (store, events[i].title, events[i].dates);
    }
}

static void
test_query_year (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *y2019 = NULL;
  g_autofree char *y2020 = NULL;
  g_autofree char *y2021 = NULL;
  g_autofree char *y2022 = NULL;
  g_autofree char *all = NULL;
  g_autoptr(EvtQuery) query = evt_query_new ();

  fill_calendar (fixture->store);

  y2019 = year_titles (fixture->store, 2019);
  y2020 = year_titles (fixture->store, 2020);
  y2021 = year_titles (fixture->store, 2021);
  y2022 = year_titles (fixture->store, 2022);
  g_assert_cmpstr (y2019, ==, "");
  g_assert_cmpstr (y2020, ==, "New Year 2021|Last day of 2020");
  g_assert_cmpstr (y2021, ==, "New Year 2021|Innovative Therapies Days|Assemblée générale"
                              "|Webinaire Riposte|Réveillon");
  g_assert_cmpstr (y2022, ==, "Réveillon|Global Industrie");

  all = query_titles (fixture->store, query);
  g_assert_true (evt_query_is_empty (query));
  g_assert_cmpstr (all, ==, "New Year 2021|Last day of 2020|Innovative Therapies Days"
                            "|Assemblée générale|Webinaire Riposte|Réveillon"
                            "|Global Industrie");
  g_clear_pointer (&all, g_free);
  all = query_titles (fixture->store, NULL);
  g_assert_cmpstr (all, ==, "New Year 2021|Last day of 2020|Innovative Therapies Days"
                            "|Assemblée générale|Webinaire Riposte|Réveillon"
                            "|Global Industrie");
}

/* A year is read by the index on one side of it: the events that end after its first
 * day (a recent year), or those that start before its last (an early one), whichever
 * side of the file, from its first start to its last end, is the shorter. */
static void
test_query_year_plan (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(EvtQuery) recent = evt_query_new ();
  g_autoptr(EvtQuery) early = evt_query_new ();
  g_autoptr(EvtQuery) all = evt_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *recent_plan = NULL;
  g_autofree char *early_plan = NULL;
  g_autofree char *all_plan = NULL;
  g_autofree char *recent_titles = NULL;
  g_autofree char *early_titles = NULL;

  for (int year = 2010; year <= 2030; year++)
    {
      g_autofree char *title = g_strdup_printf ("Salon %d", year);
      g_autofree char *dates = g_strdup_printf ("%d-06-10..%d-06-12", year, year);
      g_autoptr(EvtEvent) event = insert (fixture->store, title, dates);
    }
  {
    g_autoptr(EvtEvent) across = insert (fixture->store, "New Year 2012",
                                         "2011-12-31T22:00..2012-01-01T02:00");
    g_autoptr(EvtEvent) late = insert (fixture->store, "New Year 2029",
                                       "2028-12-30..2029-01-02");
  }

  evt_query_set_year (recent, 2029);
  recent_plan = evt_store_explain_query (fixture->store, recent, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (recent_plan, "USING INDEX events_end (end>?)"));
  g_assert_null (strstr (recent_plan, "MULTI-INDEX"));
  g_assert_null (strstr (recent_plan, "events_start"));
  recent_titles = year_titles (fixture->store, 2029);
  g_assert_cmpstr (recent_titles, ==, "New Year 2029|Salon 2029");

  evt_query_set_year (early, 2011);
  early_plan = evt_store_explain_query (fixture->store, early, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (early_plan, "USING INDEX events_start (start<?)"));
  g_assert_null (strstr (early_plan, "events_end"));
  early_titles = year_titles (fixture->store, 2011);
  g_assert_cmpstr (early_titles, ==, "Salon 2011|New Year 2012");

  all_plan = evt_store_explain_query (fixture->store, all, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (all_plan, "events_end"));
}

static void
test_query_range (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct {
    const char *from;
    const char *to;
    const char *titles;
  } cases[] = {
    { "2021-06-10", "2021-06-10",
      "Innovative Therapies Days|Assemblée générale|Webinaire Riposte" },
    { "2021-06-11", "2021-06-11", "Innovative Therapies Days" },
    { "2021-06-12", "2021-12-30", "" },
    { "2021-12-31", "2021-12-31", "Réveillon" },
    { "2022-01-01", "2022-01-01", "Réveillon" },
    { "2022-01-02", "2022-02-28", "" },
    { "2021-01-02", "2021-01-02", "New Year 2021" },
    { "2021-01-03", "2021-01-03", "" },
    { "2020-12-29", "2020-12-29", "" },
    { "2020-12-30", "2020-12-30", "New Year 2021" },
    /* open on one side */
    { "2022-01-02", NULL, "Global Industrie" },
    { NULL, "2020-12-30", "New Year 2021" },
    { NULL, "2020-12-31", "New Year 2021|Last day of 2020" },
    { "2022-03-04", NULL, "Global Industrie" },
    { "2022-03-05", NULL, "" },
  };

  fill_calendar (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *titles = range_titles (fixture->store, cases[i].from, cases[i].to);

      if (g_strcmp0 (titles, cases[i].titles) != 0)
        g_error ("%s..%s: expected “%s”, got “%s”", cases[i].from, cases[i].to,
                 cases[i].titles, titles);
    }
}

static EvtEvent *
insert_full (EvtStore      *store,
             const char    *title,
             const char    *dates,
             EvtKind        kind,
             EvtStatus      status,
             EvtVisibility  visibility,
             const char    *sectors,
             const char    *city)
{
  g_autoptr(EvtEvent) event = make_event (title, dates);
  g_auto(GStrv) slugs = sectors ? g_strsplit (sectors, ",", -1) : NULL;
  g_autoptr(GError) error = NULL;

  evt_event_set_kind (event, kind);
  evt_event_set_status (event, status);
  evt_event_set_visibility (event, visibility);
  evt_event_set_sectors (event, (const char * const *) slugs);
  evt_event_set_city (event, city);
  g_assert_true (evt_store_insert_event (store, event, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&event);
}

static void
fill_filters (EvtStore *store)
{
  g_autoptr(EvtEvent) a = insert_full (store, "Medica-Compamed", "2021-11-15..2021-11-18",
                                       EVT_KIND_TRADE_SHOW, EVT_STATUS_CANCELLED,
                                       EVT_VISIBILITY_PUBLIC, "health,microtechnology",
                                       "Düsseldorf");
  g_autoptr(EvtEvent) b = insert_full (store, "Micronora", "2021-09-28..2021-10-01",
                                       EVT_KIND_TRADE_SHOW, EVT_STATUS_CANCELLED,
                                       EVT_VISIBILITY_PUBLIC, "microtechnology,aerospace",
                                       "Besançon");
  g_autoptr(EvtEvent) c = insert_full (store, "Webinaire Riposte", "2022-02-10T14:00..15:30",
                                       EVT_KIND_WEBINAR, EVT_STATUS_HELD,
                                       EVT_VISIBILITY_PUBLIC, "aerospace", NULL);
  g_autoptr(EvtEvent) d = insert_full (store, "Bureau du pôle", "2021-03-02T09:00..11:00",
                                       EVT_KIND_MEETING, EVT_STATUS_CONFIRMED,
                                       EVT_VISIBILITY_INTERNAL, NULL, "Besançon");
  g_autoptr(EvtEvent) e = insert_full (store, "Journée innovation CHU", "2021-05-20",
                                       EVT_KIND_TECHNICAL_DAY, EVT_STATUS_TENTATIVE,
                                       EVT_VISIBILITY_INTERNAL, "health", "BESANÇON");
}

static void
test_query_filters (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EvtQuery) query = evt_query_new ();
  g_autofree char *titles = NULL;
  const char *health[] = { "health", NULL };
  const char *two[] = { "health", "aerospace", NULL };
  const char *unused[] = { "watchmaking-luxury", NULL };

  fill_filters (fixture->store);

#define CHECK(expected) G_STMT_START {                  \
    g_clear_pointer (&titles, g_free);                  \
    titles = query_titles (fixture->store, query);      \
    g_assert_cmpstr (titles, ==, (expected));           \
  } G_STMT_END

  query->statuses = 1u << EVT_STATUS_CANCELLED;
  CHECK ("Micronora|Medica-Compamed");
  query->statuses |= 1u << EVT_STATUS_TENTATIVE;
  CHECK ("Journée innovation CHU|Micronora|Medica-Compamed");
  query->statuses = 0;

  query->kinds = 1u << EVT_KIND_TRADE_SHOW;
  CHECK ("Micronora|Medica-Compamed");
  query->kinds = (1u << EVT_KIND_WEBINAR) | (1u << EVT_KIND_MEETING);
  CHECK ("Bureau du pôle|Webinaire Riposte");
  query->kinds = 1u << EVT_KIND_CONGRESS;
  CHECK ("");
  query->kinds = 0;

  query->sectors = g_strdupv ((char **) health);
  CHECK ("Journée innovation CHU|Medica-Compamed");
  g_strfreev (query->sectors);
  query->sectors = g_strdupv ((char **) two);
  CHECK ("Journée innovation CHU|Micronora|Medica-Compamed|Webinaire Riposte");
  g_strfreev (query->sectors);
  query->sectors = g_strdupv ((char **) unused);
  CHECK ("");
  g_clear_pointer (&query->sectors, g_strfreev);

  query->visibility = EVT_VISIBILITY_INTERNAL;
  CHECK ("Bureau du pôle|Journée innovation CHU");
  query->visibility = EVT_VISIBILITY_PUBLIC;
  CHECK ("Micronora|Medica-Compamed|Webinaire Riposte");
  query->visibility = -1;

  /* All together: AND between filters. */
  evt_query_set_year (query, 2021);
  query->sectors = g_strdupv ((char **) two);
  query->statuses = 1u << EVT_STATUS_CANCELLED;
  query->search = g_strdup ("besancon");
  CHECK ("Micronora");
  query->visibility = EVT_VISIBILITY_INTERNAL;
  CHECK ("");
  g_assert_false (evt_query_is_empty (query));

#undef CHECK
}

static void
test_query_search (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct {
    const char *text;
    const char *titles;
  } cases[] = {
    { "besancon", "Bureau du pôle|Journée innovation CHU|Micronora" },
    { "Besançon", "Bureau du pôle|Journée innovation CHU|Micronora" },
    { "BESANCON", "Bureau du pôle|Journée innovation CHU|Micronora" },
    { "medica", "Medica-Compamed" },
    { "compamed", "Medica-Compamed" },
    { "Medica-Compamed", "Medica-Compamed" },
    { "dusseldorf", "Medica-Compamed" },
    { "DÜSSELDORF", "Medica-Compamed" },
    { "micro", "Micronora" },               /* words are prefixes */
    { "journee chu", "Journée innovation CHU" },  /* every word must match */
    { "journee medica", "" },
    { "pole", "Bureau du pôle" },
    { "webinaire riposte", "Webinaire Riposte" },
    { "salon", "" },
    /* FTS5 syntax is text, not operators: no error, no injection. */
    { "\"unbalanced", "" },
    { "micro*", "Micronora" },
    { "NEAR(medica compamed)", "" },
    { "medica OR micronora", "" },
    { "title:micronora", "" },
    { "'; DROP TABLE events; --", "" },
  };

  fill_filters (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *titles = search_titles (fixture->store, cases[i].text);

      if (g_strcmp0 (titles, cases[i].titles) != 0)
        g_error ("search “%s”: expected “%s”, got “%s”", cases[i].text, cases[i].titles,
                 titles);
    }
  g_assert_cmpint (count (fixture->store), ==, 5);
}

/* The index follows updates and deletes. */
static void
test_query_search_sync (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(EvtEvent) event = insert (fixture->store, "Salon des microtechniques",
                                      "2021-09-28..2021-10-01");
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;

  titles = search_titles (fixture->store, "microtechniques");
  g_assert_cmpstr (titles, ==, "Salon des microtechniques");
  g_clear_pointer (&titles, g_free);

  evt_event_set_title (event, "Micronora");
  evt_event_set_notes (event, "Stand partagé avec l'ENSMM");
  g_assert_true (evt_store_update_event (fixture->store, event, &error));
  g_assert_no_error (error);
  titles = search_titles (fixture->store, "microtechniques");
  g_assert_cmpstr (titles, ==, "");
  g_clear_pointer (&titles, g_free);
  titles = search_titles (fixture->store, "partage ensmm");
  g_assert_cmpstr (titles, ==, "Micronora");
  g_clear_pointer (&titles, g_free);

  g_assert_true (evt_store_delete_event (fixture->store, evt_event_get_id (event), &error));
  g_assert_no_error (error);
  titles = search_titles (fixture->store, "micronora");
  g_assert_cmpstr (titles, ==, "");
}

/* --- Sectors ----------------------------------------------------------------------- */

static void
assert_sector_refused (EvtStore   *store,
                       const char *slug,
                       const char *name,
                       const char *colour,
                       const char *field)
{
  g_autoptr(EvtSector) sector = evt_sector_new (slug, name, colour);
  g_autoptr(GError) error = NULL;

  g_assert_false (evt_store_save_sector (store, sector, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Sector:"));
  g_assert_cmpstr (evt_store_error_get_field (error), ==, field);
}

static void
test_sectors (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) sectors = NULL;
  g_autoptr(EvtSector) space = evt_sector_new ("space-2030", "Spatial 2030", "#3584E4");
  g_autoptr(EvtSector) renamed = evt_sector_new ("health", "Santé (Innov’Health)", "#26a269");
  g_autoptr(EvtSector) got = NULL;
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtEvent) read = NULL;
  g_autoptr(GError) error = NULL;
  const char * const slugs[] = { "space-2030", "health", NULL };

  sectors = evt_store_list_sectors (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sectors->len, ==, 5);
  g_clear_pointer (&sectors, g_ptr_array_unref);

  /* Add: last in the order. */
  g_assert_true (evt_store_save_sector (fixture->store, space, &error));
  g_assert_no_error (error);
  sectors = evt_store_list_sectors (fixture->store, &error);
  g_assert_cmpuint (sectors->len, ==, 6);
  g_assert_cmpstr (((EvtSector *) g_ptr_array_index (sectors, 5))->slug, ==, "space-2030");
  g_clear_pointer (&sectors, g_ptr_array_unref);
  got = evt_store_get_sector (fixture->store, "space-2030", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "Spatial 2030");
  g_assert_cmpstr (got->colour, ==, "#3584E4");
  g_clear_pointer (&got, evt_sector_free);

  /* Rename and recolour: same slug, same place, events keep it. */
  event = make_event ("Hacking Health", "2021-10-15..2021-10-17");
  evt_event_set_sectors (event, slugs);
  g_assert_true (evt_store_insert_event (fixture->store, event, &error));
  g_assert_no_error (error);
  g_assert_true (evt_store_save_sector (fixture->store, renamed, &error));
  g_assert_no_error (error);
  got = evt_store_get_sector (fixture->store, "health", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "Santé (Innov’Health)");
  g_assert_cmpstr (got->colour, ==, "#26a269");
  g_clear_pointer (&got, evt_sector_free);
  sectors = evt_store_list_sectors (fixture->store, &error);
  g_assert_cmpuint (sectors->len, ==, 6);
  g_assert_cmpstr (((EvtSector *) g_ptr_array_index (sectors, 0))->slug, ==, "health");
  g_clear_pointer (&sectors, g_ptr_array_unref);
  read = get (fixture->store, evt_event_get_id (event));
  assert_sectors (read, "health,space-2030");
  g_clear_object (&read);

  /* Refused values. */
  assert_sector_refused (fixture->store, "Space", "Spatial", "#3584e4", "slug");
  assert_sector_refused (fixture->store, "space tech", "Spatial", "#3584e4", "slug");
  assert_sector_refused (fixture->store, "-space", "Spatial", "#3584e4", "slug");
  assert_sector_refused (fixture->store, "spatial-é", "Spatial", "#3584e4", "slug");
  assert_sector_refused (fixture->store, "", "Spatial", "#3584e4", "slug");
  assert_sector_refused (fixture->store, NULL, "Spatial", "#3584e4", "slug");
  assert_sector_refused (fixture->store, "space", "", "#3584e4", "name");
  assert_sector_refused (fixture->store, "space", NULL, "#3584e4", "name");
  assert_sector_refused (fixture->store, "space", "Spatial", "blue", "colour");
  assert_sector_refused (fixture->store, "space", "Spatial", "#3584e", "colour");
  assert_sector_refused (fixture->store, "space", "Spatial", "#3584e4f", "colour");
  assert_sector_refused (fixture->store, "space", "Spatial", "#gg84e4", "colour");
  assert_sector_refused (fixture->store, "space", "Spatial", NULL, "colour");
  assert_sector_refused (fixture->store, "health", "Santé", "green", "colour");
  got = evt_store_get_sector (fixture->store, "health", &error);
  g_assert_cmpstr (got->colour, ==, "#26a269");
  g_clear_pointer (&got, evt_sector_free);

  /* Remove: refused while an event uses it, then allowed. */
  g_assert_false (evt_store_remove_sector (fixture->store, "space-2030", &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "space-2030"));
  g_clear_error (&error);
  read = get (fixture->store, evt_event_get_id (event));
  assert_sectors (read, "health,space-2030");
  g_clear_object (&read);

  evt_event_set_sectors (event, NULL);
  g_assert_true (evt_store_update_event (fixture->store, event, &error));
  g_assert_no_error (error);
  g_assert_true (evt_store_remove_sector (fixture->store, "space-2030", &error));
  g_assert_no_error (error);
  got = evt_store_get_sector (fixture->store, "space-2030", &error);
  g_assert_null (got);
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (evt_store_remove_sector (fixture->store, "space-2030", &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  sectors = evt_store_list_sectors (fixture->store, &error);
  g_assert_cmpuint (sectors->len, ==, 5);

  /* Deleting an event frees its sectors. */
  g_assert_true (evt_store_delete_event (fixture->store, evt_event_get_id (event), &error));
  g_clear_object (&event);
  event = make_event ("Hacking Health", "2021-10-15..2021-10-17");
  {
    const char * const one[] = { "watchmaking-luxury", NULL };
    evt_event_set_sectors (event, one);
  }
  g_assert_true (evt_store_insert_event (fixture->store, event, &error));
  g_assert_true (evt_store_delete_event (fixture->store, evt_event_get_id (event), &error));
  g_assert_true (evt_store_remove_sector (fixture->store, "watchmaking-luxury", &error));
  g_assert_no_error (error);
}

/* --- Sample data --------------------------------------------------------------- */

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(EvtQuery) query = evt_query_new ();
  g_autoptr(GPtrArray) cancelled = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;
  guint n_added = 999;
  gint64 n_events;

  g_assert_true (evt_demo_load (fixture->store, &n_added, &error));
  g_assert_no_error (error);
  n_events = count (fixture->store);
  g_assert_cmpint (n_added, ==, n_events);
  g_assert_cmpuint (n_added, >=, 12);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* Every sample event is marked as such. */
  all = evt_store_query (fixture->store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (evt_event_get_source (g_ptr_array_index (all, i)), ==,
                     EVT_DEMO_SOURCE);

  /* 2021: twelve shows, all cancelled by the health crisis, with the reason. */
  evt_query_set_year (query, 2021);
  query->statuses = 1u << EVT_STATUS_CANCELLED;
  cancelled = evt_store_query (fixture->store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cancelled->len, ==, 12);
  for (guint i = 0; i < cancelled->len; i++)
    {
      EvtEvent *event = g_ptr_array_index (cancelled, i);
      const char *reason = evt_event_get_status_reason (event);

      g_assert_nonnull (reason);
      g_assert_cmpuint (strlen (reason), >, 0);
      if (i > 0)
        {
          EvtEvent *previous = g_ptr_array_index (cancelled, i - 1);
          g_assert_cmpint (g_date_time_compare (evt_event_get_start (previous),
                                                evt_event_get_start (event)), <=, 0);
        }
    }
  query->statuses = 0;
  g_clear_pointer (&all, g_ptr_array_unref);
  all = evt_store_query (fixture->store, query, &error);
  g_assert_cmpuint (all->len, ==, 12);

  /* The searches of the product brief work on the sample data. */
  /* "medica" is a prefix of "médical" too: both Medica-Compamed must be there. */
  titles = search_titles (fixture->store, "medica");
  g_assert_nonnull (strstr (titles, "Medica-Compamed"));
  g_assert_nonnull (strstr (strstr (titles, "Medica-Compamed") + 1, "Medica-Compamed"));
  g_clear_pointer (&titles, g_free);
  titles = search_titles (fixture->store, "besancon micronora");
  g_assert_cmpstr (titles, ==, "Micronora|Micronora");
  g_clear_pointer (&titles, g_free);

  /* Twice: nothing more, and no change announced. */
  n_added = 999;
  g_assert_true (evt_demo_load (fixture->store, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpint (count (fixture->store), ==, n_events);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* An edited sample event is kept as is; a deleted one comes back. */
  {
    g_autoptr(EvtEvent) micronora = evt_store_get_event_by_uid (
      fixture->store, "demo-2021-micronora@eventail.sample", &error);
    g_assert_no_error (error);
    evt_event_set_title (micronora, "Micronora (édité)");
    g_assert_true (evt_store_update_event (fixture->store, micronora, &error));
    g_assert_no_error (error);
    g_assert_true (evt_store_delete_event (fixture->store, 1, &error));
    g_assert_no_error (error);
    g_assert_true (evt_demo_load (fixture->store, &n_added, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_added, ==, 1);
    g_clear_object (&micronora);
    micronora = evt_store_get_event_by_uid (fixture->store,
                                            "demo-2021-micronora@eventail.sample", &error);
    g_assert_cmpstr (evt_event_get_title (micronora), ==, "Micronora (édité)");
  }
  g_assert_cmpint (count (fixture->store), ==, n_events);
}

/* Loading the sample data is one transaction: a failure half-way keeps nothing. */
static void
test_demo_atomic (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_added = 999;

  store_exec (fixture->store, FAIL_ON_AEROSPACE);
  fixture->n_changed = 0;
  g_assert_false (evt_demo_load (fixture->store, &n_added, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no aerospace today"));
  g_assert_cmpuint (n_added, ==, 999);
  g_assert_cmpint (count (fixture->store), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

/* --- The list model ------------------------------------------------------------- */

static void
test_event_list (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(EvtEventList) list = NULL;
  g_autoptr(EvtQuery) query = evt_query_new ();
  g_autoptr(EvtEvent) added = NULL;
  g_autoptr(EvtEvent) later = NULL;
  g_autoptr(EvtEvent) ghost = NULL;
  g_autoptr(GError) error = NULL;
  gpointer weak = NULL;

  fill_calendar (fixture->store);
  list = evt_event_list_new (fixture->store);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == EVT_TYPE_EVENT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (evt_event_list_get_store (list) == fixture->store);

  evt_query_set_year (query, 2021);
  evt_event_list_set_query (list, query);
  g_assert_true (evt_event_list_get_loading (list));
  wait_items_changed (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_assert_null (evt_event_list_get_error (list));
  g_assert_cmpstr (evt_event_get_title (list_item (list, 0)), ==, "New Year 2021");
  g_assert_cmpstr (evt_event_get_title (list_item (list, 4)), ==, "Réveillon");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 5));

  /* The same query again reads nothing again: the list follows the store already. */
  {
    g_autoptr(EvtQuery) same = evt_query_copy (query);
    g_autoptr(EvtEventList) fresh = evt_event_list_new (fixture->store);
    g_autoptr(EvtQuery) empty = evt_query_new ();

    evt_event_list_set_query (list, same);
    g_assert_false (evt_event_list_get_loading (list));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);

    /* A new list given the query it starts with still reads it. */
    evt_event_list_set_query (fresh, empty);
    g_assert_true (evt_event_list_get_loading (fresh));
    wait_items_changed (fresh);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fresh)), ==, 7);
  }

  /* A committed insert reaches the list by itself, in start order. */
  added = insert (fixture->store, "Salon de printemps", "2021-04-20..2021-04-23");
  g_assert_true (evt_event_list_get_loading (list));
  wait_items_changed (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);
  g_assert_cmpstr (evt_event_get_title (list_item (list, 1)), ==, "Salon de printemps");

  /* An update too. */
  evt_event_set_title (added, "Salon d'été");
  g_assert_true (evt_store_update_event (fixture->store, added, &error));
  g_assert_no_error (error);
  wait_items_changed (list);
  g_assert_cmpstr (evt_event_get_title (list_item (list, 1)), ==, "Salon d'été");

  /* An event outside the query: reloaded, still six. */
  later = insert (fixture->store, "Salon 2023", "2023-04-20");
  wait_items_changed (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);

  /* A rolled-back insert does not even start a reload. */
  g_assert_true (evt_store_begin (fixture->store, &error));
  ghost = insert (fixture->store, "Ghost", "2021-07-01");
  evt_store_rollback (fixture->store);
  g_assert_false (evt_event_list_get_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);

  /* A delete. */
  g_assert_true (evt_store_delete_event (fixture->store, evt_event_get_id (added), &error));
  wait_items_changed (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);

  /* Changes in quick succession: the list ends up with the last state. */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(EvtEvent) e = insert (fixture->store, "Rafale", "2021-08-01");
    }
  wait_items_changed (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);

  /* The list can go away while it loads; it is freed when the query returns. */
  evt_event_list_reload (list);
  g_assert_true (evt_event_list_get_loading (list));
  weak = list;
  g_object_add_weak_pointer (weak, &weak);
  g_clear_object (&list);
  iterate_until (&weak, FALSE);
}

/* --- Sorting, compact rows, cancelling ------------------------------------------ */

static int
collate_folded (const char *a,
                const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a != NULL ? a : "", -1);
  g_autofree char *fb = g_utf8_casefold (b != NULL ? b : "", -1);

  return g_utf8_collate (fa, fb);
}

static char *
sector_names (GHashTable *names,
              EvtEvent   *event)
{
  const char * const *slugs = evt_event_get_sectors (event);
  GString *text = g_string_new (NULL);

  for (guint i = 0; slugs != NULL && slugs[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_hash_table_lookup (names, slugs[i]));
    }
  return g_string_free (text, FALSE);
}

static guint
lead_key (GHashTable *summaries,
          gint64      id)
{
  const EvtEventSummary *summary = g_hash_table_lookup (summaries, &id);

  return summary != NULL ? summary->n_leads * 1000 + MIN (summary->n_due, 999) : 0;
}

/* How @a and @b compare on the column of @sort, worked out here from the fields, the
 * sector names and the people summaries, independently of the store's SQL. */
static int
compare_on (EvtQuerySort  sort,
            EvtEvent     *a,
            EvtEvent     *b,
            GHashTable   *names,
            GHashTable   *summaries)
{
  switch (sort)
    {
    case EVT_QUERY_SORT_START:
      return g_date_time_compare (evt_event_get_start (a), evt_event_get_start (b));
    case EVT_QUERY_SORT_TITLE:
      return collate_folded (evt_event_get_title (a), evt_event_get_title (b));
    case EVT_QUERY_SORT_KIND:
      return collate_folded (evt_kind_get_label (evt_event_get_kind (a)),
                             evt_kind_get_label (evt_event_get_kind (b)));
    case EVT_QUERY_SORT_CITY:
      return collate_folded (evt_event_get_city (a), evt_event_get_city (b));
    case EVT_QUERY_SORT_SECTORS:
      {
        g_autofree char *na = sector_names (names, a);
        g_autofree char *nb = sector_names (names, b);

        return collate_folded (na, nb);
      }
    case EVT_QUERY_SORT_STATUS:
      return (int) evt_event_get_status (a) - (int) evt_event_get_status (b);
    case EVT_QUERY_SORT_PARTICIPANTS:
      {
        gint64 ia = evt_event_get_id (a), ib = evt_event_get_id (b);
        const EvtEventSummary *sa = g_hash_table_lookup (summaries, &ia);
        const EvtEventSummary *sb = g_hash_table_lookup (summaries, &ib);
        guint na = sa != NULL ? sa->n_participants : 0;
        guint nb = sb != NULL ? sb->n_participants : 0;

        return na < nb ? -1 : na > nb;
      }
    case EVT_QUERY_SORT_LEADS:
      {
        guint na = lead_key (summaries, evt_event_get_id (a));
        guint nb = lead_key (summaries, evt_event_get_id (b));

        return na < nb ? -1 : na > nb;
      }
    case EVT_QUERY_N_SORTS:
    default:
      g_assert_not_reached ();
    }
}

/* Participations and leads on three sample events, so that those columns sort. */
static void
add_people (EvtStore *store,
            gint64    two,
            gint64    one,
            gint64    leads)
{
  g_autoptr(GError) error = NULL;
  gint64 orgs[3];

  for (guint i = 0; i < G_N_ELEMENTS (orgs); i++)
    {
      g_autofree char *name = g_strdup_printf ("Organisation %u", i);
      g_autoptr(EvtOrganisation) org = evt_organisation_new (name);

      g_assert_true (evt_people_save_organisation (store, org, &error));
      g_assert_no_error (error);
      orgs[i] = evt_organisation_get_id (org);
    }
  for (guint i = 0; i < 4; i++)
    {
      /* Two on @two, one on @one, and a cancelled one on @one that does not count. */
      g_autoptr(EvtParticipation) part = evt_participation_new (i < 2 ? two : one);

      evt_participation_set_organisation_id (part, orgs[i < 2 ? i : i - 2]);
      evt_participation_set_state (part, i == 3 ? EVT_PARTICIPATION_STATE_CANCELLED
                                                : EVT_PARTICIPATION_STATE_CONFIRMED);
      g_assert_true (evt_people_save_participation (store, part, NULL, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 3; i++)
    {
      /* Three on @leads (one due), one on @one, not due. */
      g_autoptr(EvtLead) lead = evt_lead_new (i < 2 ? leads : one);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) day = g_date_time_add_days (now, i == 0 ? -3 : 10);
      g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");

      evt_lead_set_subject (lead, "Capteurs");
      evt_lead_set_organisation_name (lead, "Bourgogne Implants");
      evt_lead_set_follow_up (lead, iso);
      evt_lead_set_state (lead, EVT_LEAD_STATE_OPEN);
      g_assert_true (evt_people_save_lead (store, lead, &error));
      g_assert_no_error (error);
    }
}

static void
test_query_sort (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) sectors = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) summaries = NULL;
  guint n_added = 0;

  g_assert_true (evt_demo_load (fixture->store, &n_added, &error));
  g_assert_no_error (error);
  all = evt_store_query (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >=, 10);
  add_people (fixture->store, evt_event_get_id (g_ptr_array_index (all, 3)),
              evt_event_get_id (g_ptr_array_index (all, 7)),
              evt_event_get_id (g_ptr_array_index (all, 5)));
  summaries = evt_people_summarise_events (fixture->store, NULL, &error);
  g_assert_no_error (error);
  sectors = evt_store_list_sectors (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sectors->len; i++)
    {
      EvtSector *sector = g_ptr_array_index (sectors, i);

      g_hash_table_insert (names, sector->slug, sector->name);
    }

  for (EvtQuerySort sort = 0; sort < EVT_QUERY_N_SORTS; sort++)
    for (guint descending = 0; descending < 2; descending++)
      {
        g_autoptr(EvtQuery) query = evt_query_new ();
        g_autoptr(GPtrArray) events = NULL;
        g_autoptr(EvtEventRows) rows = NULL;
        guint n_ties = 0;

        query->sort = sort;
        query->descending = descending;
        events = evt_store_query (fixture->store, query, &error);
        g_assert_no_error (error);
        rows = evt_store_query_rows (fixture->store, query, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (events->len, ==, all->len);
        g_assert_cmpuint (evt_event_rows_get_n_rows (rows), ==, all->len);

        for (guint i = 0; i < events->len; i++)
          {
            EvtEvent *event = g_ptr_array_index (events, i);

            /* The compact rows in the same order. */
            g_assert_cmpint (evt_event_rows_get_id (rows, i), ==, evt_event_get_id (event));
            if (i == 0)
              continue;

            {
              EvtEvent *previous = g_ptr_array_index (events, i - 1);
              int cmp = compare_on (sort, previous, event, names, summaries);

              if (descending)
                g_assert_cmpint (cmp, >=, 0);
              else
                g_assert_cmpint (cmp, <=, 0);
              /* Ties by start (unless that is the column), then title, then id. */
              if (cmp == 0 && sort != EVT_QUERY_SORT_START)
                {
                  n_ties++;
                  g_assert_cmpint (g_date_time_compare (evt_event_get_start (previous),
                                                        evt_event_get_start (event)), <=, 0);
                }
            }
          }
        /* Kinds, statuses and counts repeat: their ties are checked. */
        if (sort == EVT_QUERY_SORT_KIND || sort == EVT_QUERY_SORT_STATUS ||
            sort == EVT_QUERY_SORT_PARTICIPANTS)
          g_assert_cmpuint (n_ties, >, 0);
      }

  /* The people columns' first events, from the summaries. */
  {
    g_autoptr(EvtQuery) query = evt_query_new ();
    g_autoptr(EvtEventRows) rows = NULL;

    query->sort = EVT_QUERY_SORT_PARTICIPANTS;
    query->descending = TRUE;
    rows = evt_store_query_rows (fixture->store, query, NULL, &error);
    g_assert_cmpint (evt_event_rows_get_id (rows, 0), ==,
                     evt_event_get_id (g_ptr_array_index (all, 3)));
    g_assert_cmpint (evt_event_rows_get_id (rows, 1), ==,
                     evt_event_get_id (g_ptr_array_index (all, 7)));
    g_clear_pointer (&rows, evt_event_rows_unref);
    query->sort = EVT_QUERY_SORT_LEADS;
    rows = evt_store_query_rows (fixture->store, query, NULL, &error);
    g_assert_cmpint (evt_event_rows_get_id (rows, 0), ==,
                     evt_event_get_id (g_ptr_array_index (all, 5)));
    g_assert_cmpint (evt_event_rows_get_id (rows, 1), ==,
                     evt_event_get_id (g_ptr_array_index (all, 7)));
  }
}

static gboolean
same_date_time (GDateTime *a,
                GDateTime *b)
{
  return a == NULL || b == NULL ? a == b : g_date_time_equal (a, b);
}

/* A compact row makes an event with the list's fields, the same as the full event's,
 * and none of the others. */
static void
test_query_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(EvtEventRows) rows = NULL;
  g_autoptr(EvtEventRows) again = NULL;
  guint n_added = 0;
  guint n_postponed = 0;
  guint position = G_MAXUINT;

  g_assert_true (evt_demo_load (fixture->store, &n_added, &error));
  g_assert_no_error (error);
  all = evt_store_query (fixture->store, NULL, &error);
  g_assert_no_error (error);
  rows = evt_store_query_rows (fixture->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evt_event_rows_get_n_rows (rows), ==, all->len);

  for (guint i = 0; i < all->len; i++)
    {
      EvtEvent *full = g_ptr_array_index (all, i);
      g_autoptr(EvtEvent) event = evt_event_rows_make_event (rows, i);
      const char * const *a = evt_event_get_sectors (full);
      const char * const *b = evt_event_get_sectors (event);
      g_autofree char *sa = a ? g_strjoinv (",", (char **) a) : NULL;
      g_autofree char *sb = b ? g_strjoinv (",", (char **) b) : NULL;

      g_assert_cmpint (evt_event_get_id (event), ==, evt_event_get_id (full));
      g_assert_cmpstr (evt_event_get_uid (event), ==, evt_event_get_uid (full));
      g_assert_cmpstr (evt_event_get_title (event), ==, evt_event_get_title (full));
      g_assert_cmpint (evt_event_get_kind (event), ==, evt_event_get_kind (full));
      g_assert_cmpint (evt_event_get_status (event), ==, evt_event_get_status (full));
      g_assert_cmpstr (evt_event_get_status_reason (event), ==,
                       evt_event_get_status_reason (full));
      g_assert_cmpint (evt_event_get_all_day (event), ==, evt_event_get_all_day (full));
      g_assert_true (g_date_time_equal (evt_event_get_start (event), evt_event_get_start (full)));
      g_assert_true (g_date_time_equal (evt_event_get_end (event), evt_event_get_end (full)));
      g_assert_cmpstr (evt_event_get_timezone (event), ==, evt_event_get_timezone (full));
      g_assert_true (same_date_time (evt_event_get_original_start (event),
                                     evt_event_get_original_start (full)));
      g_assert_true (same_date_time (evt_event_get_original_end (event),
                                     evt_event_get_original_end (full)));
      n_postponed += evt_event_get_original_start (full) != NULL;
      g_assert_cmpstr (evt_event_get_venue (event), ==, evt_event_get_venue (full));
      g_assert_cmpstr (evt_event_get_city (event), ==, evt_event_get_city (full));
      g_assert_cmpstr (evt_event_get_country (event), ==, evt_event_get_country (full));
      g_assert_cmpstr (sb, ==, sa);
      /* Not in a row: read the event in full to edit it. */
      g_assert_null (evt_event_get_description (event));
      g_assert_null (evt_event_get_organiser (event));

      g_assert_true (evt_event_rows_find (rows, evt_event_get_id (full), &position));
      g_assert_cmpuint (position, ==, i);
    }
  g_assert_false (evt_event_rows_find (rows, -1, NULL));
  /* The sample data's postponed event has its first dates. */
  g_assert_cmpuint (n_postponed, >, 0);

  /* The fingerprint changes with the event it is of, and only with it. */
  {
    g_autoptr(EvtEvent) edited = evt_event_copy (g_ptr_array_index (all, 2));

    evt_event_set_city (edited, "Pontarlier");
    g_assert_true (evt_store_update_event (fixture->store, edited, &error));
    g_assert_no_error (error);
    again = evt_store_query_rows (fixture->store, NULL, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < all->len; i++)
      {
        if (i == 2)
          g_assert_cmpuint (evt_event_rows_get_fingerprint (again, i), !=,
                            evt_event_rows_get_fingerprint (rows, i));
        else
          g_assert_cmpuint (evt_event_rows_get_fingerprint (again, i), ==,
                            evt_event_rows_get_fingerprint (rows, i));
      }
  }
}

typedef struct
{
  EvtStore     *store;
  GCancellable *cancellable;
  gint          started;
  GError       *error;
  EvtEventRows *rows;
} SlowQuery;

static gpointer
slow_query_thread (gpointer data)
{
  SlowQuery *slow = data;
  g_autoptr(EvtQuery) query = evt_query_new ();

  /* The most work a row: sectors' names, sort keys. */
  query->sort = EVT_QUERY_SORT_SECTORS;
  query->descending = TRUE;
  g_atomic_int_set (&slow->started, 1);
  slow->rows = evt_store_query_rows (slow->store, query, slow->cancellable, &slow->error);
  return NULL;
}

/* A query cancelled halfway through its statement stops at once and gives the store
 * back: a keystroke never waits behind the query it supersedes. */
static void
test_query_cancel (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = paris ();
  g_autoptr(GDateTime) jan1 = g_date_time_new (tz, 2021, 1, 1, 0, 0, 0);
  const char *slugs[] = { "health", "aerospace", NULL };
  SlowQuery slow = { fixture->store, g_cancellable_new (), 0, NULL, NULL };
  GThread *thread;
  gint64 full_us, start;
  guint n_busy = 0;

  g_assert_true (evt_store_begin (fixture->store, &error));
  for (guint i = 0; i < 4000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Salon %u", (i * 7919) % 4000);
      g_autoptr(GDateTime) day = g_date_time_add_days (jan1, i % 365);
      g_autoptr(EvtEvent) event = make_event (title, "2021-01-01");

      evt_event_set_dates (event, TRUE, day, day);
      evt_event_set_sectors (event, slugs + (i % 2));
      g_assert_true (evt_store_insert_event (fixture->store, event, &error));
      g_assert_no_error (error);
    }
  g_assert_true (evt_store_commit (fixture->store, &error));

  /* Uncancelled, it reads every event. */
  start = g_get_monotonic_time ();
  slow_query_thread (&slow);
  full_us = g_get_monotonic_time () - start;
  g_assert_no_error (slow.error);
  g_assert_cmpuint (evt_event_rows_get_n_rows (slow.rows), ==, 4000);
  g_clear_pointer (&slow.rows, evt_event_rows_unref);

  /* Cancelled once it holds the store (a read by id would then block). */
  slow.started = 0;
  thread = g_thread_new ("slow-query", slow_query_thread, &slow);
  while (!g_atomic_int_get (&slow.started))
    g_thread_yield ();
  for (;;)
    {
      g_autoptr(EvtEvent) event = evt_store_try_get_event (fixture->store, 1, &error);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        {
          n_busy++;
          break;
        }
      g_assert_no_error (error);
      g_assert_nonnull (event);
    }
  start = g_get_monotonic_time ();
  g_cancellable_cancel (slow.cancellable);
  g_thread_join (thread);
  g_test_message ("full query %.1f ms, stopped %.1f ms after cancel",
                  full_us / 1000.0, (g_get_monotonic_time () - start) / 1000.0);

  g_assert_cmpuint (n_busy, ==, 1);
  g_assert_error (slow.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (slow.rows);
  /* Stopped well before the end: the store is free again at once. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, MAX (full_us / 2, 1));
  g_clear_error (&error);
  {
    g_autoptr(EvtEvent) event = evt_store_try_get_event (fixture->store, 1, &error);

    g_assert_no_error (error);
    g_assert_nonnull (event);
  }

  /* And the same statement runs again, whole, next time. */
  g_clear_error (&slow.error);
  g_clear_object (&slow.cancellable);
  slow_query_thread (&slow);
  g_assert_no_error (slow.error);
  g_assert_cmpuint (evt_event_rows_get_n_rows (slow.rows), ==, 4000);
  g_clear_pointer (&slow.rows, evt_event_rows_unref);
}

static void
record_change (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *change)
{
  change[0] = position;
  change[1] = removed;
  change[2] = added;
}

/* A compact list makes its items when asked for, a new object each time, and tells
 * which changed by id and fingerprint. */
static void
test_event_list_compact (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(EvtEventList) list = NULL;
  g_autoptr(EvtQuery) query = evt_query_new ();
  g_autoptr(EvtEvent) first = NULL;
  g_autoptr(EvtEvent) again = NULL;
  g_autoptr(EvtEvent) edited = NULL;
  g_autoptr(GError) error = NULL;
  guint64 fingerprints[7];
  guint position = 0;
  guint change[3] = { 0, };

  fill_calendar (fixture->store);
  list = evt_event_list_new_compact (fixture->store);
  g_assert_true (evt_event_list_get_compact (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* Sorted by title, descending, in the store. */
  query->sort = EVT_QUERY_SORT_TITLE;
  query->descending = TRUE;
  evt_event_list_set_query (list, query);
  wait_items_changed (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 7);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (evt_event_get_title (first), ==, "Webinaire Riposte");
  /* Made on demand: two objects of the same event, which the list does not keep. */
  g_assert_true (first != again);
  g_assert_cmpint (evt_event_get_id (first), ==, evt_event_get_id (again));
  g_assert_cmpint (evt_event_list_get_id (list, 0), ==, evt_event_get_id (first));
  g_assert_true (evt_event_list_find (list, evt_event_get_id (first), &position));
  g_assert_cmpuint (position, ==, 0);
  {
    gpointer weak = again;

    g_object_add_weak_pointer (weak, &weak);
    g_clear_object (&again);
    g_assert_null (weak);
  }
  for (guint i = 0; i < 7; i++)
    fingerprints[i] = evt_event_list_get_fingerprint (list, i);

  /* An edit changes that event's fingerprint only, and the list says that one item
   * changed. */
  g_signal_connect (list, "items-changed", G_CALLBACK (record_change), change);
  edited = evt_store_get_event (fixture->store, evt_event_list_get_id (list, 3), &error);
  g_assert_no_error (error);
  evt_event_set_city (edited, "Besançon");
  g_assert_true (evt_store_update_event (fixture->store, edited, &error));
  g_assert_no_error (error);
  wait_items_changed (list);
  for (guint i = 0; i < 7; i++)
    if (i == 3)
      g_assert_cmpuint (evt_event_list_get_fingerprint (list, i), !=, fingerprints[i]);
    else
      g_assert_cmpuint (evt_event_list_get_fingerprint (list, i), ==, fingerprints[i]);
  g_assert_cmpuint (change[0], ==, 3);
  g_assert_cmpuint (change[1], ==, 1);
  g_assert_cmpuint (change[2], ==, 1);
  g_clear_object (&again);
  again = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_assert_cmpstr (evt_event_get_city (again), ==, "Besançon");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 7));
}

/* --- Threads --------------------------------------------------------------------- */

#define N_BATCHES 30
#define BATCH_SIZE 4

typedef struct
{
  EvtStore *store;
  gint      stop;
  gint      n_queries;
  guint     n_distinct;
  char     *failure;
} Reader;

static gpointer
reader_thread (gpointer data)
{
  Reader *reader = data;
  guint last = 0;

  while (!g_atomic_int_get (&reader->stop))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EvtQuery) query = evt_query_new ();
      g_autoptr(GPtrArray) events = NULL;
      g_autoptr(GPtrArray) found = NULL;
      gint64 n;

      evt_query_set_year (query, 2021);
      events = evt_store_query (reader->store, query, &error);
      if (events == NULL)
        {
          reader->failure = g_strdup_printf ("query: %s", error->message);
          break;
        }
      if (events->len % BATCH_SIZE != 0 || events->len < last)
        {
          reader->failure = g_strdup_printf ("saw %u events after %u", events->len, last);
          break;
        }
      for (guint i = 0; i < events->len; i++)
        if (evt_event_get_title (g_ptr_array_index (events, i)) == NULL)
          {
            reader->failure = g_strdup ("an event without a title");
            break;
          }
      if (events->len != last)
        reader->n_distinct++;
      last = events->len;

      n = evt_store_count_events (reader->store, &error);
      if (n < 0 || n % BATCH_SIZE != 0 || n < last)
        {
          reader->failure = g_strdup_printf ("count %" G_GINT64_FORMAT " after %u", n, last);
          break;
        }

      query->search = g_strdup ("concurrent");
      found = evt_store_query (reader->store, query, &error);
      if (found == NULL || found->len % BATCH_SIZE != 0)
        {
          reader->failure = g_strdup ("search saw half a batch");
          break;
        }

      g_atomic_int_inc (&reader->n_queries);
    }

  return NULL;
}

static void
wait_for_reader (Reader *reader,
                 gint    after)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * G_TIME_SPAN_MILLISECOND;

  while (g_atomic_int_get (&reader->n_queries) <= after &&
         g_get_monotonic_time () < deadline && reader->failure == NULL)
    g_usleep (100);
}

static void
test_threads (Fixture       *fixture,
              gconstpointer  data)
{
  Reader readers[2] = { { fixture->store, 0, 0, 0, NULL }, { fixture->store, 0, 0, 0, NULL } };
  GThread *threads[2];
  g_autoptr(GError) error = NULL;

  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("reader", reader_thread, &readers[t]);

  for (guint b = 0; b < N_BATCHES; b++)
    {
      g_assert_true (evt_store_begin (fixture->store, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < BATCH_SIZE; i++)
        {
          g_autofree char *title = g_strdup_printf ("Concurrent %u.%u", b, i);
          g_autoptr(EvtEvent) event = insert (fixture->store, title, "2021-05-20");
          /* Readers block on the transaction meanwhile, they never see half of it. */
          g_usleep (200);
        }
      g_assert_true (evt_store_commit (fixture->store, &error));
      g_assert_no_error (error);

      /* Let the first reader run a whole loop between two batches: it must see each
       * new count. */
      wait_for_reader (&readers[0], g_atomic_int_get (&readers[0].n_queries) + 1);
    }

  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      g_atomic_int_set (&readers[t].stop, 1);
      g_thread_join (threads[t]);
    }

  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      g_test_message ("reader %u: %d queries, %u distinct counts", t, readers[t].n_queries,
                      readers[t].n_distinct);
      if (readers[t].failure != NULL)
        g_error ("reader %u: %s", t, readers[t].failure);
      g_assert_cmpint (readers[t].n_queries, >, 0);
    }
  g_assert_cmpuint (readers[0].n_distinct, ==, N_BATCHES);
  g_assert_cmpint (count (fixture->store), ==, N_BATCHES * BATCH_SIZE);
  g_assert_cmpuint (fixture->n_changed, ==, N_BATCHES);
}

/* Queries in worker threads (as the list does) while the main thread writes. */
static void
query_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  guint *n_done = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = evt_store_query_finish (EVT_STORE (object), result, &error);

  g_assert_no_error (error);
  g_assert_nonnull (events);
  g_assert_cmpuint (events->len % BATCH_SIZE, ==, 0);
  (*n_done)++;
}

static void
test_query_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_started = 0;
  guint n_done = 0;
  gint64 deadline;

  for (guint b = 0; b < 10; b++)
    {
      evt_store_query_async (fixture->store, NULL, NULL, query_done, &n_done);
      n_started++;
      g_assert_true (evt_store_begin (fixture->store, &error));
      for (guint i = 0; i < BATCH_SIZE; i++)
        {
          g_autoptr(EvtEvent) event = insert (fixture->store, "Async", "2021-05-20");
        }
      g_assert_true (evt_store_commit (fixture->store, &error));
    }

  deadline = g_get_monotonic_time () + WAIT_MS * G_TIME_SPAN_MILLISECOND;
  while (n_done < n_started && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_done, ==, n_started);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *data_home = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* The default database path must never be the developer's: a private data folder,
   * set before anything asks GLib for it. (G_TEST_OPTION_ISOLATE_DIRS would do it,
   * but GLib leaks the old values, which fails the run under LeakSanitizer.) */
  home = g_dir_make_tmp ("eventail-test-store-home-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (home, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_unsetenv ("EVENTAIL_DATABASE");

#define ADD(path, func) \
  g_test_add ("/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_DIR(path, func) \
  g_test_add ("/store/" path, Fixture, NULL, fixture_set_up_dir, func, fixture_tear_down)

  g_test_add_func ("/store/path/default", test_path_default);
  g_test_add_func ("/store/path/resolve", test_path_resolve);
  g_test_add_func ("/store/open/default-path", test_open_default_path);
  ADD_DIR ("open/permissions", test_open_permissions);
  ADD ("open/pragmas", test_open_pragmas);
  ADD ("open/reopen", test_open_reopen);
  ADD_DIR ("open/closed", test_open_closed_store);
  ADD_DIR ("open/async", test_open_async);
  ADD_DIR ("open/async-read-early", test_open_async_read_early);
  ADD_DIR ("open/async-deferred-check", test_open_async_deferred_check);
  ADD_DIR ("refuse/too-new", test_refuse_too_new);
  ADD_DIR ("refuse/not-sqlite", test_refuse_not_sqlite);
  ADD_DIR ("refuse/other-application", test_refuse_other_application);
  ADD_DIR ("refuse/corrupt-header", test_refuse_corrupt_header);
  ADD_DIR ("refuse/corrupt-schema-page", test_refuse_corrupt_page);
  ADD_DIR ("refuse/corrupt-data-pages", test_refuse_corrupt_data);
  ADD_DIR ("migrate/v1", test_migrate_v1);
  ADD ("events/crud", test_events_crud);
  ADD ("events/round-trip", test_events_round_trip);
  ADD ("events/duplicate-uid", test_events_duplicate_uid);
  ADD ("events/occurrences", test_events_occurrences);
  ADD ("events/validation", test_validation);
  ADD ("events/sequence", test_sequence);
  ADD ("transaction/rollback-on-error", test_rollback_on_error);
  ADD ("transaction/nested", test_transaction_nested);
  ADD ("transaction/changed-signal", test_changed_signal);
  ADD ("query/year", test_query_year);
  ADD ("query/year-plan", test_query_year_plan);
  ADD ("query/range", test_query_range);
  ADD ("query/filters", test_query_filters);
  ADD ("query/search", test_query_search);
  ADD ("query/search-sync", test_query_search_sync);
  ADD ("query/async", test_query_async);
  ADD ("sectors", test_sectors);
  ADD ("demo/load", test_demo);
  ADD ("demo/atomic", test_demo_atomic);
  ADD ("event-list", test_event_list);
  ADD ("event-list/compact", test_event_list_compact);
  ADD ("query/sort", test_query_sort);
  ADD ("query/rows", test_query_rows);
  ADD ("query/cancel", test_query_cancel);
  ADD ("threads", test_threads);

#undef ADD
#undef ADD_DIR

  status = g_test_run ();
  rm_rf (home);
  return status;
}
