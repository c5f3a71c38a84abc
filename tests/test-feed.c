/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-feed.c: named feeds, their files, the writer and the commands (suite conformance). */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "evt-feed-writer.h"
#include "evt-feed.h"
#include "evt-store.h"

/*
 * Every test gets a real store in a fresh temporary folder, with its feed folder
 * inside. The command-line tests run the real eventail binary (EVENTAIL_BIN).
 */

typedef struct
{
  char     *dir;
  char     *db;
  char     *feeds;
  EvtStore *store;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }

  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("eventail-feed-XXXXXX", &error);
  g_assert_no_error (error);
  fx->db = g_build_filename (fx->dir, "eventail.db", NULL);
  fx->feeds = g_build_filename (fx->dir, "public", "feeds", NULL);
  fx->store = evt_store_new (fx->db);
  evt_store_open (fx->store, NULL, &error);
  g_assert_no_error (error);
  evt_feed_set_folder (fx->store, fx->feeds, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->db);
  g_free (fx->feeds);
}

static GDateTime *
paris (int year,
       int month,
       int day,
       int hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  return g_date_time_new (tz, year, month, day, hour, 0, 0);
}

static EvtEvent *
add_event (Fixture    *fx,
           const char *uid,
           const char *title,
           EvtStatus   status,
           int         year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = paris (year, 6, 10, 0);
  g_autoptr(GDateTime) end = paris (year, 6, 12, 0);
  EvtEvent *event = evt_event_new ();

  evt_event_set_uid (event, uid);
  evt_event_set_title (event, title);
  evt_event_set_kind (event, EVT_KIND_TRADE_SHOW);
  evt_event_set_status (event, status);
  if (status == EVT_STATUS_CANCELLED)
    evt_event_set_status_reason (event, "crise sanitaire");
  evt_event_set_timezone (event, "Europe/Paris");
  evt_event_set_dates (event, TRUE, start, end);
  evt_store_insert_event (fx->store, event, &error);
  g_assert_no_error (error);

  return event;
}

static char *
read_feed_file (Fixture    *fx,
                const char *slug)
{
  g_autofree char *base = g_strconcat (slug, ".ics", NULL);
  g_autofree char *path = g_build_filename (fx->feeds, base, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* The feed folder holds nothing but finished .ics files. */
static void
assert_no_temporary (Fixture *fx)
{
  g_autoptr(GDir) dir = g_dir_open (fx->feeds, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_suffix (name, ".ics") || strchr (name, '~') != NULL)
        g_error ("unexpected file in the feed folder: %s", name);
    }
}

/* ------------------------------------------------------------------------ */
/* Slugs                                                                     */

static void
test_slugify (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Salons 2021 – Santé", "salons-2021-sante" },
    { "../../etc/passwd", "etc-passwd" },
    { "a/b\\c", "a-b-c" },
    { "Œuvres & Façades", "oeuvres-facades" },
    { "  --Déjà vu--  ", "deja-vu" },
    { "ÉVÉNEMENTS", "evenements" },
    { "2021", "2021" },
    { "salons.ics", "salons-ics" },
    { "..", NULL },
    { "   ", NULL },
    { "", NULL },
    { "🎉🎉", NULL },
  };
  g_autofree char *long_slug = NULL;
  g_autoptr(GString) long_name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = evt_feed_slugify (cases[i].in);

      g_assert_cmpstr (slug, ==, cases[i].out);
    }

  for (guint i = 0; i < 40; i++)
    g_string_append (long_name, "ab ");
  long_slug = evt_feed_slugify (long_name->str);
  g_assert_cmpuint (strlen (long_slug), <=, EVT_FEED_MAX_SLUG);
  g_assert_false (g_str_has_suffix (long_slug, "-"));
  g_assert_true (g_str_has_prefix (long_slug, "ab-ab-"));
}

/* ------------------------------------------------------------------------ */
/* Storage                                                                   */

static void
test_crud (Fixture       *fx,
           gconstpointer  data)
{
  const char * const sectors[] = { "health", "aerospace", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtFeed) feed = evt_feed_new ("  Salons 2021 – Santé ");
  g_autoptr(EvtFeed) second = evt_feed_new ("Salons 2021 : santé!");
  g_autoptr(EvtFeed) found = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  int from, to;

  evt_feed_set_range (feed, EVT_FEED_RANGE_YEARS, 2021, 2022);
  evt_feed_set_statuses (feed, (1u << EVT_STATUS_CONFIRMED) | (1u << EVT_STATUS_CANCELLED));
  evt_feed_set_kinds (feed, 1u << EVT_KIND_TRADE_SHOW);
  evt_feed_set_sectors (feed, sectors);
  evt_feed_set_privacy (feed, EVT_ICAL_PRIVACY_INTERNAL);
  evt_feed_set_cancelled (feed, EVT_ICAL_STATUS_EXCLUDE);
  evt_feed_set_postponed (feed, EVT_ICAL_STATUS_INCLUDE);
  evt_feed_set_refresh_minutes (feed, 30);
  evt_feed_set_colour (feed, "#2ec27e");
  evt_feed_set_description (feed, "Le programme santé");

  evt_feed_save (fx->store, feed, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_feed_get_id (feed), >, 0);
  g_assert_cmpstr (evt_feed_get_name (feed), ==, "Salons 2021 – Santé");
  g_assert_cmpstr (evt_feed_get_slug (feed), ==, "salons-2021-sante");

  /* Another name with the same letters: the slug is made unique. */
  evt_feed_save (fx->store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evt_feed_get_slug (second), ==, "salons-2021-sante-2");

  /* Read back, field by field, by slug and by name (case ignored). */
  found = evt_feed_lookup (fx->store, "salons-2021-sante", &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_feed_get_id (found), ==, evt_feed_get_id (feed));
  g_assert_cmpstr (evt_feed_get_name (found), ==, "Salons 2021 – Santé");
  g_assert_cmpint (evt_feed_get_range (found, &from, &to), ==, EVT_FEED_RANGE_YEARS);
  g_assert_cmpint (from, ==, 2021);
  g_assert_cmpint (to, ==, 2022);
  g_assert_cmpuint (evt_feed_get_statuses (found), ==,
                    (1u << EVT_STATUS_CONFIRMED) | (1u << EVT_STATUS_CANCELLED));
  g_assert_cmpuint (evt_feed_get_kinds (found), ==, 1u << EVT_KIND_TRADE_SHOW);
  g_assert_cmpstrv (evt_feed_get_sectors (found), sectors);
  g_assert_cmpint (evt_feed_get_privacy (found), ==, EVT_ICAL_PRIVACY_INTERNAL);
  g_assert_cmpint (evt_feed_get_cancelled (found), ==, EVT_ICAL_STATUS_EXCLUDE);
  g_assert_cmpint (evt_feed_get_postponed (found), ==, EVT_ICAL_STATUS_INCLUDE);
  g_assert_cmpuint (evt_feed_get_refresh_minutes (found), ==, 30);
  g_assert_cmpstr (evt_feed_get_colour (found), ==, "#2ec27e");
  g_assert_cmpstr (evt_feed_get_description (found), ==, "Le programme santé");
  g_clear_object (&found);

  found = evt_feed_lookup (fx->store, "SALONS 2021 – SANTÉ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_feed_get_id (found), ==, evt_feed_get_id (feed));
  g_clear_object (&found);

  /* Renamed: the file name stays, so that subscriptions keep working. */
  evt_feed_set_name (feed, "Salons santé");
  evt_feed_save (fx->store, feed, &error);
  g_assert_no_error (error);
  found = evt_feed_lookup (fx->store, "Salons santé", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evt_feed_get_slug (found), ==, "salons-2021-sante");
  g_clear_object (&found);

  /* A name or slug already taken is refused. */
  {
    g_autoptr(EvtFeed) dup = evt_feed_new ("salons SANTÉ");
    g_autoptr(EvtFeed) dup_slug = evt_feed_new ("Autre");

    g_assert_false (evt_feed_save (fx->store, dup, &error));
    g_assert_error (error, EVT_FEED_ERROR, EVT_FEED_ERROR_EXISTS);
    g_clear_error (&error);
    g_assert_cmpint (evt_feed_get_id (dup), ==, 0);

    evt_feed_set_slug (dup_slug, "Salons 2021 santé");
    g_assert_false (evt_feed_save (fx->store, dup_slug, &error));
    g_assert_error (error, EVT_FEED_ERROR, EVT_FEED_ERROR_EXISTS);
    g_clear_error (&error);
  }

  /* A typed slug is sanitised. */
  {
    g_autoptr(EvtFeed) typed = evt_feed_new ("Typed");

    evt_feed_set_slug (typed, "../../Etc/Pass Wd");
    evt_feed_save (fx->store, typed, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (evt_feed_get_slug (typed), ==, "etc-pass-wd");
  }

  feeds = evt_feed_list (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 3);
  /* Sorted by name. */
  g_assert_cmpstr (evt_feed_get_name (g_ptr_array_index (feeds, 0)), ==, "Salons 2021 : santé!");
  g_assert_cmpstr (evt_feed_get_name (g_ptr_array_index (feeds, 1)), ==, "Salons santé");
  g_assert_cmpstr (evt_feed_get_name (g_ptr_array_index (feeds, 2)), ==, "Typed");
  g_clear_pointer (&feeds, g_ptr_array_unref);

  evt_feed_delete (fx->store, feed, &error);
  g_assert_no_error (error);
  g_assert_null (evt_feed_lookup (fx->store, "salons-2021-sante", &error));
  g_assert_error (error, EVT_FEED_ERROR, EVT_FEED_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (evt_feed_delete (fx->store, feed, &error));
  g_assert_error (error, EVT_FEED_ERROR, EVT_FEED_ERROR_NOT_FOUND);
  g_clear_error (&error);

  feeds = evt_feed_list (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 2);
}

static void
check_invalid (Fixture *fx,
               EvtFeed *feed)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (evt_feed_save (fx->store, feed, &error));
  g_assert_error (error, EVT_FEED_ERROR, EVT_FEED_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_cmpint (evt_feed_get_id (feed), ==, 0);
}

static void
test_invalid (Fixture       *fx,
              gconstpointer  data)
{
  const char * const unknown_sector[] = { "health", "no-such-sector", NULL };
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  EvtFeed *feed;

  feed = evt_feed_new ("   ");
  check_invalid (fx, feed);
  g_object_unref (feed);

  feed = evt_feed_new ("Reversed");
  evt_feed_set_range (feed, EVT_FEED_RANGE_YEARS, 2022, 2021);
  check_invalid (fx, feed);
  g_object_unref (feed);

  feed = evt_feed_new ("Far");
  evt_feed_set_range (feed, EVT_FEED_RANGE_YEARS, 2021, 9999);
  check_invalid (fx, feed);
  g_object_unref (feed);

  feed = evt_feed_new ("Window");
  evt_feed_set_range (feed, EVT_FEED_RANGE_ROLLING, 2, -1);
  check_invalid (fx, feed);
  g_object_unref (feed);

  feed = evt_feed_new ("Colour");
  evt_feed_set_colour (feed, "red");
  check_invalid (fx, feed);
  g_object_unref (feed);

  feed = evt_feed_new ("Sector");
  evt_feed_set_sectors (feed, unknown_sector);
  check_invalid (fx, feed);
  g_object_unref (feed);

  feed = evt_feed_new ("Refresh");
  evt_feed_set_refresh_minutes (feed, EVT_FEED_MAX_REFRESH + 1);
  check_invalid (fx, feed);
  g_object_unref (feed);

  feed = evt_feed_new ("Slug");
  evt_feed_set_slug (feed, "../..");
  check_invalid (fx, feed);
  g_object_unref (feed);

  feeds = evt_feed_list (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 0);
}

static void
test_folder (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *def = evt_feed_get_default_folder ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "eventail", "feeds", NULL);

  g_assert_cmpstr (def, ==, expected);

  folder = evt_feed_get_folder (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (folder, ==, fx->feeds);
  g_clear_pointer (&folder, g_free);

  evt_feed_set_folder (fx->store, NULL, &error);
  g_assert_no_error (error);
  folder = evt_feed_get_folder (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (folder, ==, def);
  g_clear_pointer (&folder, g_free);

  /* Kept in the database: another store on the same file sees it. */
  evt_feed_set_folder (fx->store, fx->feeds, &error);
  g_assert_no_error (error);
  {
    g_autoptr(EvtStore) other = evt_store_new (fx->db);

    evt_store_open (other, NULL, &error);
    g_assert_no_error (error);
    folder = evt_feed_get_folder (other, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (folder, ==, fx->feeds);
  }
}

/* A version-1 database gets the feeds and settings tables on opening. */
static void
test_migration (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "eventail-v1.db",
                                                    NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("eventail-feed-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtFeed) feed = evt_feed_new ("Après migration");
  g_autoptr(GPtrArray) feeds = NULL;
  gsize len;

  g_assert_no_error (error);
  g_file_get_contents (fixture, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);

  store = evt_store_new (path);
  evt_store_open (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (EVT_STORE_SCHEMA_VERSION, >=, 3);

  evt_feed_save (store, feed, &error);
  g_assert_no_error (error);
  feeds = evt_feed_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 1);
  g_assert_cmpint (evt_store_count_events (store, &error), >, 0);
  g_assert_no_error (error);

  g_clear_object (&store);
  remove_tree (dir);
}

/* ------------------------------------------------------------------------ */
/* What a feed holds                                                         */

static void
test_rolling_window (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(EvtFeed) feed = evt_feed_new ("Fenêtre");
  g_autoptr(EvtQuery) query = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *described = NULL;
  GDate today;
  int y = g_date_time_get_year (now);
  char buf[16];
  g_autoptr(EvtEvent) e1 = add_event (fx, "y-2@test", "Avant", EVT_STATUS_CONFIRMED, y - 2);
  g_autoptr(EvtEvent) e2 = add_event (fx, "y-1@test", "L’an dernier", EVT_STATUS_CONFIRMED, y - 1);
  g_autoptr(EvtEvent) e3 = add_event (fx, "y+2@test", "Dans deux ans", EVT_STATUS_CONFIRMED, y + 2);
  g_autoptr(EvtEvent) e4 = add_event (fx, "y+3@test", "Après", EVT_STATUS_CONFIRMED, y + 3);
  guint n = 0;

  /* "From last year to two years ahead", seen from 15 June 2021. */
  evt_feed_set_range (feed, EVT_FEED_RANGE_ROLLING, -1, 2);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2021);
  query = evt_feed_build_query (feed, &today);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &query->from);
  g_assert_cmpstr (buf, ==, "2020-01-01");
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &query->to);
  g_assert_cmpstr (buf, ==, "2023-12-31");
  g_assert_cmpint (query->visibility, ==, EVT_VISIBILITY_PUBLIC);

  described = evt_feed_describe_range (feed);
  g_assert_cmpstr (described, ==, "last year to 2 years ahead");

  /* Written today: the window moves with the current year. */
  evt_feed_save (fx->store, feed, &error);
  g_assert_no_error (error);
  evt_feed_write (fx->store, feed, NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  text = read_feed_file (fx, "fenetre");
  g_assert_null (strstr (text, "y-2@test"));
  g_assert_nonnull (strstr (text, "y-1@test"));
  g_assert_nonnull (strstr (text, "y+2@test"));
  g_assert_null (strstr (text, "y+3@test"));
  g_assert_nonnull (strstr (text, "X-WR-CALNAME:Fenêtre\r\n"));
  assert_no_temporary (fx);
}

static void
test_prefix_and_privacy (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtEvent) cancelled = add_event (fx, "annule@test", "Salon annulé",
                                             EVT_STATUS_CANCELLED, 2021);
  g_autoptr(EvtEvent) confirmed = add_event (fx, "confirme@test", "Salon confirmé",
                                             EVT_STATUS_CONFIRMED, 2021);
  g_autoptr(EvtEvent) secret = add_event (fx, "secret@test", "Comité secret",
                                          EVT_STATUS_CONFIRMED, 2021);
  g_autoptr(EvtFeed) prefixed = evt_feed_new ("Avec préfixe");
  g_autoptr(EvtFeed) without = evt_feed_new ("Sans annulés");
  g_autoptr(EvtFeed) internal = evt_feed_new ("Équipe");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  struct stat st;
  g_autofree char *path = NULL;

  evt_event_set_visibility (secret, EVT_VISIBILITY_INTERNAL);
  evt_event_set_notes (secret, "NOTE-INTERNE-789");
  evt_store_update_event (fx->store, secret, &error);
  g_assert_no_error (error);

  /* Default: cancelled events with the prefix, not as STATUS:CANCELLED. */
  g_assert_cmpint (evt_feed_get_cancelled (prefixed), ==, EVT_ICAL_STATUS_PREFIX);
  evt_feed_set_range (prefixed, EVT_FEED_RANGE_YEARS, 2021, 2021);
  evt_feed_set_cancelled (without, EVT_ICAL_STATUS_EXCLUDE);
  evt_feed_set_privacy (internal, EVT_ICAL_PRIVACY_INTERNAL);
  evt_feed_set_cancelled (internal, EVT_ICAL_STATUS_INCLUDE);

  evt_feed_save (fx->store, prefixed, &error);
  g_assert_no_error (error);
  evt_feed_save (fx->store, without, &error);
  g_assert_no_error (error);
  evt_feed_save (fx->store, internal, &error);
  g_assert_no_error (error);

  {
    guint n_feeds = 0;

    evt_feed_write_all (fx->store, &n_feeds, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_feeds, ==, 3);
  }

  a = read_feed_file (fx, "avec-prefixe");
  g_assert_nonnull (strstr (a, "SUMMARY:[CANCELLED] Salon annulé\r\n"));
  g_assert_null (strstr (a, "STATUS:CANCELLED"));
  g_assert_nonnull (strstr (a, "X-EVENTAIL-STATUS:cancelled\r\n"));
  g_assert_nonnull (strstr (a, "SUMMARY:Salon confirmé\r\n"));
  g_assert_null (strstr (a, "secret@test"));
  g_assert_null (strstr (a, "NOTE-INTERNE"));

  b = read_feed_file (fx, "sans-annules");
  g_assert_null (strstr (b, "annule@test"));
  g_assert_nonnull (strstr (b, "confirme@test"));
  g_assert_null (strstr (b, "secret@test"));

  c = read_feed_file (fx, "equipe");
  g_assert_nonnull (strstr (c, "STATUS:CANCELLED\r\n"));
  g_assert_nonnull (strstr (c, "secret@test"));
  g_assert_nonnull (strstr (c, "X-EVENTAIL-NOTES:NOTE-INTERNE-789\r\n"));
  g_assert_nonnull (strstr (c, "CLASS:PRIVATE\r\n"));

  /* Files 0644 in a folder 0755: a web server may publish them. */
  path = g_build_filename (fx->feeds, "avec-prefixe.ics", NULL);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  g_assert_cmpint (g_stat (fx->feeds, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0755);
  assert_no_temporary (fx);

  /* Removing the file of a removed feed. */
  evt_feed_remove_file (without, fx->feeds, &error);
  g_assert_no_error (error);
  {
    g_autofree char *gone = g_build_filename (fx->feeds, "sans-annules.ics", NULL);

    g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
    /* Twice is fine. */
    g_assert_true (evt_feed_remove_file (without, fx->feeds, &error));
    g_assert_no_error (error);
  }
}

/* Writing the same events again leaves the file alone (only DTSTAMP would change). */
static void
test_unchanged_not_rewritten (Fixture       *fx,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtFeed) feed = evt_feed_new ("Stable");
  g_autoptr(EvtEvent) event = add_event (fx, "stable@test", "Stable", EVT_STATUS_CONFIRMED, 2021);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  evt_feed_save (fx->store, feed, &error);
  g_assert_no_error (error);
  evt_feed_write (fx->store, feed, NULL, NULL, &error);
  g_assert_no_error (error);
  first = read_feed_file (fx, "stable");

  g_usleep (1100 * 1000);
  evt_feed_write (fx->store, feed, NULL, NULL, &error);
  g_assert_no_error (error);
  second = read_feed_file (fx, "stable");
  g_assert_cmpstr (first, ==, second);

  evt_event_set_title (event, "Stable, renamed");
  evt_store_update_event (fx->store, event, &error);
  g_assert_no_error (error);
  evt_feed_write (fx->store, feed, NULL, NULL, &error);
  g_assert_no_error (error);
  third = read_feed_file (fx, "stable");
  g_assert_nonnull (strstr (third, "SUMMARY:Stable\\, renamed\r\n"));
}

/* ------------------------------------------------------------------------ */
/* The writer                                                                */

typedef struct
{
  GMainLoop *loop;
  guint      n_rounds;
  guint      n_feeds;
  char      *error;
} WriterState;

static void
on_written (EvtFeedWriter *writer,
            guint          n_feeds,
            const char    *error_message,
            WriterState   *state)
{
  state->n_rounds++;
  state->n_feeds = n_feeds;
  g_free (state->error);
  state->error = g_strdup (error_message);
  g_main_loop_quit (state->loop);
}

static gboolean
give_up (gpointer data)
{
  g_error ("the feed writer did not write within 20 s");
  return G_SOURCE_REMOVE;
}

typedef struct
{
  char          *path;
  volatile gint  stop;
  guint          n_reads;
  guint          n_incomplete;
} Reader;

/* Reads the feed file as fast as it can while the writer rewrites it: every
 * read must see a whole calendar. */
static gpointer
reader_thread (gpointer data)
{
  Reader *reader = data;

  while (!g_atomic_int_get (&reader->stop))
    {
      g_autofree char *contents = NULL;

      if (!g_file_get_contents (reader->path, &contents, NULL, NULL))
        continue;

      reader->n_reads++;
      if (!g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n") ||
          !g_str_has_suffix (contents, "END:VCALENDAR\r\n"))
        reader->n_incomplete++;
    }

  return NULL;
}

static void
test_writer (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* Added before the writer exists: it does not schedule anything. */
  g_autoptr(EvtEvent) first = add_event (fx, "premier@test", "Premier", EVT_STATUS_CONFIRMED, 2021);
  g_autoptr(EvtFeedWriter) writer = evt_feed_writer_new (fx->store);
  g_autoptr(EvtFeed) feed = evt_feed_new ("Programme");
  g_autoptr(GThread) thread = NULL;
  g_autofree char *text = NULL;
  WriterState state = { g_main_loop_new (NULL, FALSE), 0, 0, NULL };
  Reader reader = { g_build_filename (fx->feeds, "programme.ics", NULL), 0, 0, 0 };
  guint timeout;

  g_assert_cmpuint (evt_feed_writer_get_delay (writer), ==, 2000);
  evt_feed_writer_set_delay (writer, 200);
  g_signal_connect (writer, "written", G_CALLBACK (on_written), &state);
  timeout = g_timeout_add_seconds (20, give_up, NULL);

  evt_feed_save (fx->store, feed, &error);
  g_assert_no_error (error);
  evt_feed_write (fx->store, feed, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (evt_feed_writer_get_busy (writer));

  thread = g_thread_new ("feed-reader", reader_thread, &reader);

  /* A burst of changes: one write, after the last one. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *uid = g_strdup_printf ("rafale-%u@test", i);
      g_autofree char *title = g_strdup_printf ("Rafale %u", i);
      g_autoptr(EvtEvent) event = add_event (fx, uid, title, EVT_STATUS_CONFIRMED, 2021);
    }

  /* The store emits "changed" from the main context. */
  g_assert_cmpuint (state.n_rounds, ==, 0);
  g_main_loop_run (state.loop);
  g_assert_cmpuint (state.n_rounds, ==, 1);
  g_assert_cmpuint (state.n_feeds, ==, 1);
  g_assert_null (state.error);

  text = read_feed_file (fx, "programme");
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *uid = g_strdup_printf ("UID:rafale-%u@test\r\n", i);
      g_assert_nonnull (strstr (text, uid));
    }
  g_clear_pointer (&text, g_free);

  /* Nothing more comes without another change. */
  {
    g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
    gint64 until = g_get_monotonic_time () + 600 * 1000;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (context, FALSE);
    g_assert_cmpuint (state.n_rounds, ==, 1);
    g_assert_false (evt_feed_writer_get_busy (writer));
  }

  /* A change: the file is rewritten, never seen half written. */
  evt_event_set_status (first, EVT_STATUS_CANCELLED);
  evt_event_set_status_reason (first, "crise sanitaire");
  evt_store_update_event (fx->store, first, &error);
  g_assert_no_error (error);
  g_assert_true (evt_feed_writer_get_busy (writer));
  g_main_loop_run (state.loop);
  g_assert_cmpuint (state.n_rounds, ==, 2);

  text = read_feed_file (fx, "programme");
  g_assert_nonnull (strstr (text, "SUMMARY:[CANCELLED] Premier\r\n"));

  g_atomic_int_set (&reader.stop, 1);
  g_thread_join (g_steal_pointer (&thread));
  g_test_message ("%u reads while writing", reader.n_reads);
  g_assert_cmpuint (reader.n_reads, >, 0);
  g_assert_cmpuint (reader.n_incomplete, ==, 0);
  assert_no_temporary (fx);

  g_source_remove (timeout);
  g_main_loop_unref (state.loop);
  g_free (state.error);
  g_free (reader.path);
}

/* A feed folder that cannot be created: the error reaches "written". */
static void
test_writer_error (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtFeedWriter) writer = evt_feed_writer_new (fx->store);
  g_autoptr(EvtFeed) feed = evt_feed_new ("Programme");
  g_autofree char *blocker = g_build_filename (fx->dir, "blocker", NULL);
  g_autofree char *folder = g_build_filename (blocker, "feeds", NULL);
  WriterState state = { g_main_loop_new (NULL, FALSE), 0, 0, NULL };
  guint timeout = g_timeout_add_seconds (20, give_up, NULL);

  /* A plain file where the folder should be. */
  g_file_set_contents (blocker, "x", 1, &error);
  g_assert_no_error (error);
  evt_feed_set_folder (fx->store, folder, &error);
  g_assert_no_error (error);
  evt_feed_save (fx->store, feed, &error);
  g_assert_no_error (error);

  evt_feed_writer_set_delay (writer, 50);
  g_signal_connect (writer, "written", G_CALLBACK (on_written), &state);

  evt_feed_writer_schedule (writer);
  g_assert_true (evt_feed_writer_get_busy (writer));
  g_main_loop_run (state.loop);
  g_assert_false (evt_feed_writer_get_busy (writer));

  g_assert_cmpuint (state.n_feeds, ==, 0);
  g_assert_nonnull (state.error);
  g_assert_nonnull (strstr (state.error, "Programme"));

  g_source_remove (timeout);
  g_main_loop_unref (state.loop);
  g_free (state.error);
}

/* ------------------------------------------------------------------------ */
/* The commands                                                              */

static int
run_cli (Fixture     *fx,
         char       **out,
         const char  *first,
         ...) G_GNUC_NULL_TERMINATED;

static int
run_cli (Fixture     *fx,
         char       **out,
         const char  *first,
         ...)
{
  const char *bin = g_getenv ("EVENTAIL_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *data_home = g_build_filename (fx->dir, "data", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  va_list args;

  if (bin == NULL)
    {
      g_test_fail_printf ("EVENTAIL_BIN is not set: run the tests with meson test");
      return -1;
    }

  g_ptr_array_add (argv, (char *) bin);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "EVENTAIL_DATABASE", fx->db, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("eventail %s → %d %s", first, status, err);

  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

static void
test_cli (Fixture       *fx,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtEvent) event = add_event (fx, "cli@test", "Salon CLI", EVT_STATUS_CANCELLED, 2021);
  g_autofree char *out = NULL;
  g_autofree char *file = g_build_filename (fx->feeds, "salons-2021.ics", NULL);
  g_autofree char *renamed = g_build_filename (fx->feeds, "sante.ics", NULL);
  g_autofree char *export = g_build_filename (fx->dir, "export.ics", NULL);
  g_autofree char *bad_export = g_build_filename (fx->dir, "no", "such", "export.ics", NULL);
  g_autofree char *folder2 = g_build_filename (fx->dir, "other feeds", NULL);
  g_autofree char *contents = NULL;

  /* Usage errors: exit 2. */
  g_assert_cmpint (run_cli (fx, NULL, "feed", NULL), ==, 2);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "frobnicate", NULL), ==, 2);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "add", NULL), ==, 2);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "add", "X", "--years", "2022..2021", NULL), ==, 2);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "add", "X", "--years", "vingt", NULL), ==, 2);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "add", "X", "--cancelled", "hide", NULL), ==, 2);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "add", "X", "--sector", "nope", NULL), ==, 2);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "add", "X", "--status", "done", NULL), ==, 2);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "add", "X", "--colour", "blue", NULL), ==, 2);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "add", "X", "--public", "--internal", NULL), ==, 2);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "add", "X", "--years", "2021", "--window", "-1..1",
                            NULL), ==, 2);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "list", "extra", NULL), ==, 2);
  g_assert_cmpint (run_cli (fx, NULL, "export", "--cancelled", "maybe", NULL), ==, 2);
  g_assert_cmpint (run_cli (fx, NULL, "export", "--public", "--internal", NULL), ==, 2);
  g_assert_cmpint (run_cli (fx, NULL, "export", "--year", "20x1", NULL), ==, 2);
  /* Nothing was saved by the refused commands. */
  {
    g_autoptr(GPtrArray) feeds = evt_feed_list (fx->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (feeds->len, ==, 0);
  }

  /* --help: exit 0. */
  g_assert_cmpint (run_cli (fx, NULL, "feed", "--help", NULL), ==, 0);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "add", "--help", NULL), ==, 0);
  g_assert_cmpint (run_cli (fx, NULL, "export", "--help", NULL), ==, 0);

  /* add writes the file at once. */
  g_assert_cmpint (run_cli (fx, &out, "feed", "add", "Salons 2021", "--years", "2021",
                            "--sector", "health,aerospace", "--cancelled", "prefix", NULL), ==, 0);
  g_assert_nonnull (strstr (out, file));
  g_clear_pointer (&out, g_free);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));

  /* The same name again: exit 1. */
  g_assert_cmpint (run_cli (fx, NULL, "feed", "add", "salons 2021", NULL), ==, 1);

  /* list shows it. */
  g_assert_cmpint (run_cli (fx, &out, "feed", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Salons 2021"));
  g_assert_nonnull (strstr (out, "health,aerospace"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fx, &out, "feed", "list", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"slug\": \"salons-2021\""));
  g_clear_pointer (&out, g_free);

  /* edit: a new slug moves the file. */
  g_assert_cmpint (run_cli (fx, NULL, "feed", "edit", "Salons 2021", "--slug", "Santé",
                            "--sector", "any", "--window", "-1..2", NULL), ==, 0);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (renamed, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run_cli (fx, NULL, "feed", "edit", "nope", "--name", "Y", NULL), ==, 1);

  /* write: one, all, or an unknown one. */
  g_assert_cmpint (run_cli (fx, NULL, "feed", "write", "sante", NULL), ==, 0);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "write", NULL), ==, 0);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "write", "nope", NULL), ==, 1);

  /* folder: shown, set, written there. */
  g_assert_cmpint (run_cli (fx, &out, "feed", "folder", NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, fx->feeds);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "folder", folder2, NULL), ==, 0);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "write", NULL), ==, 0);
  {
    g_autofree char *moved = g_build_filename (folder2, "sante.ics", NULL);

    g_assert_true (g_file_test (moved, G_FILE_TEST_IS_REGULAR));
  }
  g_assert_cmpint (run_cli (fx, NULL, "feed", "folder", "--default", folder2, NULL), ==, 2);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "folder", fx->feeds, NULL), ==, 0);

  /* remove: the feed and its file. */
  g_assert_cmpint (run_cli (fx, NULL, "feed", "remove", "nope", NULL), ==, 1);
  g_assert_cmpint (run_cli (fx, NULL, "feed", "remove", "sante", NULL), ==, 0);
  g_assert_false (g_file_test (renamed, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_cli (fx, NULL, "feed", "remove", "sante", NULL), ==, 1);

  /* export: to a file, to stdout, or to a folder that does not exist. Cancelled events
   * by default as a new feed has them (and the export dialog): marked in the title. */
  {
    g_autoptr(EvtFeed) defaults = evt_feed_new (NULL);

    g_assert_cmpint (evt_feed_get_cancelled (defaults), ==, EVT_ICAL_STATUS_PREFIX);
    g_assert_cmpint (evt_feed_get_postponed (defaults), ==, EVT_ICAL_STATUS_PREFIX);
  }
  g_assert_cmpint (run_cli (fx, NULL, "export", "--year", "2021", "--output", export, NULL),
                   ==, 0);
  g_file_get_contents (export, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "SUMMARY:[CANCELLED] Salon CLI\r\n"));
  g_assert_null (strstr (contents, "STATUS:CANCELLED"));
  g_clear_pointer (&contents, g_free);
  g_assert_cmpint (run_cli (fx, NULL, "export", "--year", "2021", "--cancelled", "include",
                            "--output", export, NULL), ==, 0);
  g_file_get_contents (export, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "SUMMARY:Salon CLI\r\n"));
  g_assert_nonnull (strstr (contents, "STATUS:CANCELLED\r\n"));
  g_assert_cmpint (run_cli (fx, &out, "export", "-o", "-", "--cancelled", "exclude", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "BEGIN:VCALENDAR\r\n"));
  g_assert_null (strstr (out, "cli@test"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fx, NULL, "export", "--output", bad_export, NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/feed/slugify", test_slugify);
  g_test_add_func ("/feed/migration", test_migration);
  ADD ("/feed/crud", test_crud);
  ADD ("/feed/invalid", test_invalid);
  ADD ("/feed/folder", test_folder);
  ADD ("/feed/rolling-window", test_rolling_window);
  ADD ("/feed/prefix-and-privacy", test_prefix_and_privacy);
  ADD ("/feed/unchanged-not-rewritten", test_unchanged_not_rewritten);
  ADD ("/feed/writer", test_writer);
  ADD ("/feed/writer-error", test_writer_error);
  ADD ("/feed/cli", test_cli);

#undef ADD

  return g_test_run ();
}
