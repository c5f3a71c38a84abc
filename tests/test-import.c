/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import.c: .ics import against hand-made edge cases and a real-world corpus. */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "evt-cli.h"
#include "evt-date.h"
#include "evt-ical.h"
#include "evt-import.h"

/* --- Helpers ------------------------------------------------------------------ */

typedef struct
{
  char             *dir;
  char             *path;
  EvtStore         *store;
  EvtImportOptions *options;  /* a fixed range: 2021-01-01 to 2022-12-31 */
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
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("eventail-test-import-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "eventail.db", NULL);
  fixture->store = evt_store_new (fixture->path);
  g_assert_true (evt_store_open (fixture->store, NULL, &error));
  g_assert_no_error (error);

  fixture->options = evt_import_options_new ();
  g_date_set_dmy (&fixture->options->from, 1, G_DATE_JANUARY, 2021);
  g_date_set_dmy (&fixture->options->to, 31, G_DATE_DECEMBER, 2022);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->options, evt_import_options_free);
  rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

static EvtImportResult *
import_file (Fixture     *fixture,
             const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return evt_import_file (fixture->store, file, fixture->options, NULL, NULL, NULL, error);
}

/* Imports tests/fixtures/import/@name, which must be read. */
static EvtImportResult *
import_ok (Fixture    *fixture,
           const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  EvtImportResult *result = import_file (fixture, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpstr (result->name, ==, name);

  return result;
}

static void
assert_counts (const EvtImportResult *result,
               guint                  imported,
               guint                  updated,
               guint                  unchanged,
               guint                  skipped)
{
  g_autofree char *summary = evt_import_result_format_summary (result);

  g_test_message ("%s", summary);
  g_assert_cmpuint (result->n_imported, ==, imported);
  g_assert_cmpuint (result->n_updated, ==, updated);
  g_assert_cmpuint (result->n_unchanged, ==, unchanged);
  g_assert_cmpuint (result->n_skipped, ==, skipped);
}

/* The messages of @result, formatted ("file.ics: line 7: …"), must be @expected
 * (NULL-terminated), in this order. */
static void
assert_messages (const EvtImportResult *result,
                 const char * const    *expected)
{
  guint n = 0;

  for (guint i = 0; i < result->messages->len; i++)
    {
      g_autofree char *text =
        evt_import_result_format_message (result, g_ptr_array_index (result->messages, i));

      g_test_message ("message: %s", text);
      g_assert_nonnull (expected[i]);
      g_assert_cmpstr (text, ==, expected[i]);
      n++;
    }
  g_assert_null (expected[n]);
}

static EvtEvent *
get_event (Fixture    *fixture,
           const char *uid,
           const char *recurrence_id)
{
  g_autoptr(GError) error = NULL;
  EvtEvent *event = evt_store_get_occurrence (fixture->store, uid, recurrence_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (event);

  return event;
}

static void
assert_no_event (Fixture    *fixture,
                 const char *uid,
                 const char *recurrence_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtEvent) event = evt_store_get_occurrence (fixture->store, uid, recurrence_id,
                                                        &error);

  g_assert_null (event);
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND);
}

static gint64
count_events (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 n = evt_store_count_events (fixture->store, &error);

  g_assert_no_error (error);
  return n;
}

static void
assert_range (EvtEvent   *event,
              const char *expected)
{
  g_autofree char *range = evt_event_format_range_iso (event);

  g_assert_cmpstr (range, ==, expected);
}

static void
assert_utc (GDateTime  *dt,
            const char *expected)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);
  g_autofree char *text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  g_assert_cmpstr (text, ==, expected);
}

/* The database files, byte for byte: a refused file must not change them. */
static char *
hash_database (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (file, &contents, &length, NULL))
        g_checksum_update (checksum, (const guchar *) contents, length);
      g_checksum_update (checksum, (const guchar *) "|", 1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static void
assert_refused (Fixture    *fixture,
                const char *name,
                int         code,
                const char *message)
{
  g_autofree char *path = fixture_path (name);
  g_autofree char *before = hash_database (fixture->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtImportResult) result = import_file (fixture, path, &error);

  g_assert_null (result);
  g_assert_error (error, EVT_IMPORT_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);

  after = hash_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* --- Encodings and line ends ------------------------------------------------------- */

static void
test_bom (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "bom.ics");
  g_autoptr(EvtEvent) event = NULL;
  const char *none[] = { NULL };

  assert_counts (result, 1, 0, 0, 0);
  assert_messages (result, none);

  event = get_event (fixture, "bom-1@test", NULL);
  g_assert_cmpstr (evt_event_get_title (event), ==, "Salon Micronora – Besançon");
  g_assert_true (evt_event_get_all_day (event));
  /* DTEND;VALUE=DATE:20211002 is exclusive: the last day is the 1st. */
  assert_range (event, "2021-09-28..2021-10-01");
  g_assert_cmpstr (evt_event_get_source (event), ==, "bom.ics");
  g_assert_null (evt_event_get_recurrence_id (event));
}

static void
test_utf16_32 (Fixture       *fixture,
               gconstpointer  data)
{
  const char *names[] = { "utf16le.ics", "utf16be.ics", "utf32le.ics" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(EvtImportResult) result = import_ok (fixture, names[i]);
      g_autoptr(EvtEvent) event = get_event (fixture, "utf16-1@test", NULL);

      /* The same event three times: the first is imported, then it is unchanged. */
      assert_counts (result, i == 0 ? 1 : 0, 0, i == 0 ? 0 : 1, 0);
      g_assert_cmpuint (result->messages->len, ==, 0);
      g_assert_cmpstr (evt_event_get_title (event), ==, "Journée technique « Santé »");
      assert_range (event, "2021-10-05");
    }
  g_assert_cmpint (count_events (fixture), ==, 1);
}

static void
test_line_ends (Fixture       *fixture,
                gconstpointer  data)
{
  /* The same calendar with bare CR and with LF: line numbers count either way. */
  const char *names[] = { "bare-cr.ics", "lf.ics" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(EvtImportResult) result = import_ok (fixture, names[i]);
      g_autoptr(EvtEvent) event = get_event (fixture, "cr-1@test", NULL);
      g_autofree char *expected = g_strdup_printf ("%s: line 12: DTSTART is missing", names[i]);
      const char *messages[] = { expected, NULL };

      assert_counts (result, i == 0 ? 1 : 0, 0, i == 0 ? 0 : 1, 1);
      assert_messages (result, messages);
      g_assert_cmpstr (evt_event_get_title (event), ==, "Congrès");
      /* The folded line is unfolded (the space after the fold is removed). */
      g_assert_cmpstr (evt_event_get_description (event), ==, "a long line foldedhere");
    }
}

static void
test_bad_folding (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "bad-folding.ics");
  g_autoptr(EvtEvent) event = get_event (fixture, "fold-1@test", NULL);
  const char *messages[] = {
    "bad-folding.ics: line 10: line not folded correctly (no leading space): joined to the "
    "line before",
    "bad-folding.ics: line 12: line not folded correctly (no leading space): joined to the "
    "line before",
    NULL
  };

  assert_counts (result, 1, 0, 0, 0);
  assert_messages (result, messages);
  /* A long line cut at the fold is joined as is... */
  g_assert_cmpstr (evt_event_get_description (event), ==,
                   "Une description assez longue pour avoir été pliée à soixante-quinze octets "
                   "par un outil qui oublie l'espace");
  /* ...a short one was cut by a raw line break in the value. */
  g_assert_cmpstr (evt_event_get_venue (event), ==, "Hall 3\nNote: bring your badge");
}

static void
test_unescaped_commas (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "unescaped-commas.ics");
  g_autoptr(EvtEvent) event = get_event (fixture, "comma-1@test", NULL);

  assert_counts (result, 1, 0, 0, 0);
  g_assert_cmpstr (evt_event_get_title (event), ==, "Forum, rencontres, ateliers");
  g_assert_cmpstr (evt_event_get_venue (event), ==, "Parc des expositions, Besançon, France");
  g_assert_cmpstr (evt_event_get_description (event), ==, "un, deux; trois");
}

static void
test_nul_byte (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "nul-byte.ics");
  g_autoptr(EvtEvent) event = get_event (fixture, "nul-2@test", NULL);
  const char *messages[] = { "nul-byte.ics: line 7: NUL byte in the text", NULL };

  assert_counts (result, 1, 0, 0, 1);
  assert_messages (result, messages);
  assert_no_event (fixture, "nul-1@test", NULL);
  g_assert_cmpstr (evt_event_get_title (event), ==, "Intact");
}

static void
test_invalid_utf8 (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) broken = NULL;
  g_autoptr(GBytes) latin1 = NULL;
  g_autoptr(EvtImportResult) result = NULL;
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  const char *broken_messages[] = {
    "broken.ics: line 6: invalid UTF-8 replaced by “\xef\xbf\xbd”", NULL
  };
  const char *latin1_messages[] = {
    "latin1.ics: line 6: the text is not UTF-8: read as Windows-1252", NULL
  };
  /* Valid UTF-8 (é) elsewhere in the file: line 6 is broken UTF-8, repaired. */
  const char *broken_text =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:utf8-1@test\r\n"
    "DESCRIPTION:déjà\r\nSUMMARY:Caf\xe9 \xff\r\nDTSTART;VALUE=DATE:20210101\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n";
  /* No UTF-8 at all but Latin-1 bytes: an old Outlook export. */
  const char *latin1_text =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:utf8-2@test\r\n"
    "DTSTART;VALUE=DATE:20210101\r\nSUMMARY:Journ\xe9\x65 \xe0 Besan\xe7on\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n";

  broken = g_bytes_new_static (broken_text, strlen (broken_text));
  result = evt_import_data (fixture->store, "broken.ics", broken, fixture->options, NULL, NULL,
                            NULL, &error);
  g_assert_no_error (error);
  assert_counts (result, 1, 0, 0, 0);
  assert_messages (result, broken_messages);
  event = get_event (fixture, "utf8-1@test", NULL);
  g_assert_cmpstr (evt_event_get_title (event), ==, "Caf\xef\xbf\xbd \xef\xbf\xbd");
  g_clear_object (&event);
  g_clear_pointer (&result, evt_import_result_free);

  latin1 = g_bytes_new_static (latin1_text, strlen (latin1_text));
  result = evt_import_data (fixture->store, "latin1.ics", latin1, fixture->options, NULL, NULL,
                            NULL, &error);
  g_assert_no_error (error);
  assert_messages (result, latin1_messages);
  event = get_event (fixture, "utf8-2@test", NULL);
  g_assert_cmpstr (evt_event_get_title (event), ==, "Journée à Besançon");
}

/* --- Structure ------------------------------------------------------------------------ */

static void
test_month_13 (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "month-13.ics");
  g_autoptr(EvtEvent) event = get_event (fixture, "m13-2@test", NULL);
  const char *messages[] = {
    "month-13.ics: line 8: DTSTART “20211301T100000” is not a valid date", NULL
  };

  assert_counts (result, 1, 0, 0, 1);
  assert_messages (result, messages);
  assert_no_event (fixture, "m13-1@test", NULL);
  /* 10:00 UTC is 11:00 in Paris in December; the zone of the event is Paris. */
  assert_range (event, "2021-12-01T11:00..2021-12-01T11:00");
  g_assert_cmpstr (evt_event_get_timezone (event), ==, "Europe/Paris");
}

static void
test_end_vtodo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "end-vtodo.ics");
  g_autoptr(EvtEvent) event = get_event (fixture, "vtodo-2@test", NULL);
  const char *messages[] = {
    "end-vtodo.ics: line 8: END:VTODO does not match BEGIN:VEVENT (line 4)", NULL
  };

  assert_counts (result, 1, 0, 0, 1);
  assert_messages (result, messages);
  assert_no_event (fixture, "vtodo-1@test", NULL);
  g_assert_cmpstr (evt_event_get_title (event), ==, "Bien fermé");
}

static void
test_missing_uid_dtstart (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "missing-uid-dtstart.ics");
  g_autofree char *summary = evt_import_result_format_summary (result);
  const char *messages[] = {
    "missing-uid-dtstart.ics: line 4: UID is missing",
    "missing-uid-dtstart.ics: line 8: DTSTART is missing",
    NULL
  };

  assert_counts (result, 1, 0, 0, 2);
  assert_messages (result, messages);
  g_assert_cmpstr (summary, ==,
                   "missing-uid-dtstart.ics: 1 imported, 0 updated, 0 unchanged, 2 skipped "
                   "(line 4: UID is missing; line 8: DTSTART is missing)");
  assert_no_event (fixture, "nodt-1@test", NULL);
  g_assert_cmpint (count_events (fixture), ==, 1);
}

static GBytes *
nested_calendar (guint depth)
{
  GString *s = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                             "BEGIN:VEVENT\r\nUID:deep-1@test\r\nSUMMARY:Profond\r\n"
                             "DTSTART;VALUE=DATE:20210101\r\n");

  for (guint i = 0; i < depth; i++)
    g_string_append (s, "BEGIN:X-NEST\r\n");
  for (guint i = 0; i < depth; i++)
    g_string_append (s, "END:X-NEST\r\n");
  g_string_append (s, "END:VEVENT\r\n"
                      "BEGIN:VEVENT\r\nUID:deep-2@test\r\nSUMMARY:Plat\r\n"
                      "DTSTART;VALUE=DATE:20210101\r\nEND:VEVENT\r\n"
                      "END:VCALENDAR\r\n");

  return g_string_free_to_bytes (s);
}

static void
test_deep_nesting (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) bytes = nested_calendar (10000);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtImportResult) result = NULL;
  g_autoptr(EvtEvent) event = NULL;
  /* VCALENDAR (1) > VEVENT (2) > 6 X-NEST: the 7th X-NEST, line 13, is too deep. */
  const char *messages[] = { "deep.ics: line 13: components nested more than 8 deep", NULL };

  result = evt_import_data (fixture->store, "deep.ics", bytes, fixture->options, NULL, NULL,
                            NULL, &error);
  g_assert_no_error (error);
  assert_counts (result, 1, 0, 0, 1);
  assert_messages (result, messages);
  assert_no_event (fixture, "deep-1@test", NULL);
  event = get_event (fixture, "deep-2@test", NULL);
  g_assert_cmpstr (evt_event_get_title (event), ==, "Plat");
}

static void
test_too_many_components (Fixture       *fixture,
                          gconstpointer  data)
{
  GString *s = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtImportResult) result = NULL;
  g_autofree char *before = hash_database (fixture->path);
  g_autofree char *after = NULL;

  for (guint i = 0; i <= EVT_IMPORT_MAX_COMPONENTS; i++)
    g_string_append_printf (s, "BEGIN:VEVENT\r\nUID:many-%u@test\r\nSUMMARY:n\r\n"
                               "DTSTART;VALUE=DATE:20210101\r\nEND:VEVENT\r\n", i);
  g_string_append (s, "END:VCALENDAR\r\n");
  bytes = g_string_free_to_bytes (s);

  result = evt_import_data (fixture->store, "many.ics", bytes, fixture->options, NULL, NULL,
                            NULL, &error);
  g_assert_null (result);
  g_assert_error (error, EVT_IMPORT_ERROR, EVT_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "many.ics: line 250003: more than 50000 components: the file is too large");
  after = hash_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_no_events (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "no-events.ics");
  const char *messages[] = {
    "no-events.ics: the calendar has no events (VEVENT): nothing to import",
    "no-events.ics: line 4: 2 VTODO ignored (the first here): only events (VEVENT) are imported",
    "no-events.ics: line 8: VJOURNAL ignored: only events (VEVENT) are imported",
    "no-events.ics: line 14: VFREEBUSY ignored: only events (VEVENT) are imported",
    NULL
  };

  assert_counts (result, 0, 0, 0, 0);
  assert_messages (result, messages);
  g_assert_cmpint (count_events (fixture), ==, 0);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(EvtImportResult) good = import_ok (fixture, "bom.ics");

  /* Whatever is refused leaves the database as it was, byte for byte. */
  assert_refused (fixture, "empty.ics", EVT_IMPORT_ERROR_INVALID, "empty.ics: the file is empty");
  assert_refused (fixture, "blank.ics", EVT_IMPORT_ERROR_INVALID, "blank.ics: the file is empty");
  assert_refused (fixture, "not-ical.ics", EVT_IMPORT_ERROR_INVALID,
                  "not-ical.ics: line 1: not an iCalendar file (it should start with "
                  "BEGIN:VCALENDAR)");
  assert_refused (fixture, "truncated.ics", EVT_IMPORT_ERROR_INVALID,
                  "truncated.ics: line 1: BEGIN:VCALENDAR is never closed by END:VCALENDAR: "
                  "the file is truncated");
  assert_refused (fixture, "no-such-file.ics", EVT_IMPORT_ERROR_READ,
                  "no-such-file.ics: no such file");
  g_assert_cmpint (count_events (fixture), ==, 1);
}

/* --- Dates and zones ----------------------------------------------------------------- */

static void
test_dates (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "dates.ics");
  const char *messages[] = {
    "dates.ics: line 56: DTEND (2021-07-16T08:00) is before DTSTART (2021-07-16T09:00)", NULL
  };
  const struct
  {
    const char *uid;
    const char *range;
    const char *tzid;
  } expected[] = {
    { "d-1@test", "2021-03-16", "Europe/Paris" },              /* DTEND = next day */
    { "d-2@test", "2021-03-16..2021-03-19", "Europe/Paris" },  /* exclusive DTEND */
    { "d-3@test", "2021-03-16", "Europe/Paris" },              /* no DTEND: one day */
    { "d-4@test", "2021-03-16..2021-03-18", "Europe/Paris" },  /* DURATION:P3D */
    { "d-5@test", "2021-03-16T09:00..2021-03-16T10:30", "Europe/Paris" }, /* UTC: shown in Paris */
    { "d-6@test", "2021-07-16T09:00..2021-07-16T11:00", "Europe/Paris" }, /* floating: Paris */
    { "d-7@test", "2021-07-16T09:00..2021-07-16T09:00", "Europe/London" }, /* zero length */
  };
  g_autoptr(EvtEvent) utc = NULL;

  /* The one with DTEND before DTSTART is skipped, the others are imported. */
  assert_counts (result, G_N_ELEMENTS (expected), 0, 0, 1);
  assert_messages (result, messages);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(EvtEvent) event = get_event (fixture, expected[i].uid, NULL);

      g_test_message ("%s", expected[i].uid);
      assert_range (event, expected[i].range);
      g_assert_cmpstr (evt_event_get_timezone (event), ==, expected[i].tzid);
    }

  utc = get_event (fixture, "d-5@test", NULL);
  assert_utc (evt_event_get_start (utc), "2021-03-16T08:00:00Z");
  assert_no_event (fixture, "d-8@test", NULL);
}

static void
test_unknown_tzid (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "unknown-tzid.ics");
  g_autoptr(EvtEvent) event = get_event (fixture, "tz-1@test", NULL);
  const char *messages[] = {
    "unknown-tzid.ics: line 8: unknown time zone “Mars/Olympus_Mons”: its times are read in "
    "Europe/Paris",
    NULL
  };

  assert_counts (result, 1, 0, 0, 0);
  assert_messages (result, messages);
  /* Read in the default zone, not left floating. */
  g_assert_cmpstr (evt_event_get_timezone (event), ==, "Europe/Paris");
  assert_range (event, "2021-09-15T10:00..2021-09-15T11:30");
  assert_utc (evt_event_get_start (event), "2021-09-15T08:00:00Z");
}

static void
test_windows_zones (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "windows-zones.ics");
  const struct
  {
    const char *uid;
    const char *tzid;
    const char *utc_start;
  } expected[] = {
    { "win-1@test", "Europe/Paris", "2021-06-15T07:00:00Z" },
    { "win-2@test", "America/Los_Angeles", "2021-06-15T16:00:00Z" },
    { "win-3@test", "Europe/Berlin", "2021-01-15T08:00:00Z" },
    { "win-4@test", "America/New_York", "2021-01-15T14:00:00Z" },
    { "win-5@test", "Asia/Tokyo", "2021-01-15T00:00:00Z" },
  };
  const char *windows[] = {
    "Romance Standard Time", "GMT Standard Time", "W. Europe Standard Time",
    "Central Europe Standard Time", "Central European Standard Time", "E. Europe Standard Time",
    "FLE Standard Time", "GTB Standard Time", "Russian Standard Time", "Turkey Standard Time",
    "Eastern Standard Time", "Central Standard Time", "Mountain Standard Time",
    "Pacific Standard Time", "Alaskan Standard Time", "Hawaiian Standard Time",
    "Atlantic Standard Time", "Newfoundland Standard Time", "US Mountain Standard Time",
    "Tokyo Standard Time", "China Standard Time", "India Standard Time", "Singapore Standard Time",
    "Korea Standard Time", "AUS Eastern Standard Time", "New Zealand Standard Time",
    "Arabian Standard Time", "Israel Standard Time", "UTC",
  };

  assert_counts (result, G_N_ELEMENTS (expected), 0, 0, 0);
  g_assert_cmpuint (result->messages->len, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(EvtEvent) event = get_event (fixture, expected[i].uid, NULL);

      g_test_message ("%s", expected[i].uid);
      g_assert_cmpstr (evt_event_get_timezone (event), ==, expected[i].tzid);
      assert_utc (evt_event_get_start (event), expected[i].utc_start);
    }

  /* The table names zones that this system knows. */
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      const char *olson = evt_import_windows_zone_to_olson (windows[i]);
      g_autoptr(GTimeZone) tz = NULL;

      g_test_message ("%s", windows[i]);
      g_assert_nonnull (olson);
      tz = g_time_zone_new_identifier (olson);
      g_assert_nonnull (tz);
    }
  g_assert_cmpstr (evt_import_windows_zone_to_olson ("romance standard time"), ==,
                   "Europe/Paris");
  g_assert_null (evt_import_windows_zone_to_olson ("Mars Standard Time"));
}

/* --- Statuses, categories, Eventail's own properties ------------------------------- */

static void
test_status_spellings (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "status.ics");
  const struct
  {
    const char *uid;
    EvtStatus   status;
  } expected[] = {
    { "st-1@test", EVT_STATUS_CANCELLED },
    { "st-2@test", EVT_STATUS_CANCELLED },  /* CANCELED, the US spelling */
    { "st-3@test", EVT_STATUS_CANCELLED },  /* lower case */
    { "st-4@test", EVT_STATUS_TENTATIVE },
    { "st-5@test", EVT_STATUS_CONFIRMED },  /* no STATUS */
    { "st-6@test", EVT_STATUS_POSTPONED },  /* X-EVENTAIL-STATUS wins */
  };

  assert_counts (result, G_N_ELEMENTS (expected), 0, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(EvtEvent) event = get_event (fixture, expected[i].uid, NULL);

      g_assert_cmpint (evt_event_get_status (event), ==, expected[i].status);
    }
}

static gboolean
has_no_sectors (EvtEvent *event)
{
  const char * const *sectors = evt_event_get_sectors (event);

  return sectors == NULL || sectors[0] == NULL;
}

static void
test_categories (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "categories.ics");
  g_autoptr(EvtEvent) show = get_event (fixture, "cat-1@test", NULL);
  g_autoptr(EvtEvent) webinar = get_event (fixture, "cat-2@test", NULL);
  g_autoptr(EvtEvent) other = get_event (fixture, "cat-3@test", NULL);
  g_autoptr(EvtEvent) congress = get_event (fixture, "cat-4@test", NULL);
  g_autoptr(EvtEvent) private = get_event (fixture, "cat-5@test", NULL);
  const char *messages[] = {
    "categories.ics: line 48: URL “javascript:alert(1)” ignored: not a web address", NULL
  };

  assert_counts (result, 5, 0, 0, 0);
  assert_messages (result, messages);

  g_assert_cmpint (evt_event_get_kind (show), ==, EVT_KIND_TRADE_SHOW);
  g_assert_cmpstr (evt_event_get_venue (show), ==, "Parc Expo, Lyon");
  g_assert_null (evt_event_get_city (show));
  g_assert_true (has_no_sectors (show));  /* "Inconnu" is no sector: not created */
  g_assert_cmpint (evt_event_get_kind (webinar), ==, EVT_KIND_WEBINAR);
  g_assert_cmpint (evt_event_get_kind (other), ==, EVT_KIND_OTHER);

  /* Eventail's own properties restore what CATEGORIES and LOCATION cannot say. */
  g_assert_cmpstr (evt_event_get_title (congress), ==, "Congrès");
  g_assert_cmpint (evt_event_get_status (congress), ==, EVT_STATUS_CANCELLED);
  g_assert_cmpstr (evt_event_get_status_reason (congress), ==, "crise sanitaire");
  g_assert_cmpint (evt_event_get_kind (congress), ==, EVT_KIND_CONGRESS);
  g_assert_cmpstr (evt_event_get_venue (congress), ==, "Centre des congrès");
  g_assert_cmpstr (evt_event_get_city (congress), ==, "Lyon");
  g_assert_cmpstr (evt_event_get_country (congress), ==, "France");
  g_assert_true (has_no_sectors (congress));
  g_assert_cmpstr (evt_event_get_url (congress), ==, "https://example.org/congres");

  g_assert_null (evt_event_get_url (private));
  g_assert_cmpint (evt_event_get_visibility (private), ==, EVT_VISIBILITY_INTERNAL);
  g_assert_cmpint (evt_event_get_visibility (show), ==, EVT_VISIBILITY_PUBLIC);
}

/* Events written by Eventail's own export come back the same. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sectors = evt_store_list_sectors (fixture->store, &error);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EvtExportOptions) options = evt_export_options_new ();
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autofree char *ics = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EvtImportResult) result = NULL;
  guint n_written = 0;
  const char *slug;

  g_assert_no_error (error);
  g_assert_nonnull (sectors);
  g_assert_cmpuint (sectors->len, >, 0);
  slug = ((EvtSector *) g_ptr_array_index (sectors, 0))->slug;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(EvtEvent) event = evt_event_new ();
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autofree char *uid = g_strdup_printf ("round-%u@eventail", i);
      const char *slugs[] = { slug, NULL };

      evt_event_set_uid (event, uid);
      evt_event_set_title (event, i == 0 ? "Micronora, salon des microtechniques" : "Webinaire");
      evt_event_set_kind (event, i == 0 ? EVT_KIND_TRADE_SHOW : EVT_KIND_WEBINAR);
      evt_event_set_sectors (event, slugs);
      evt_event_set_venue (event, "Micropolis");
      evt_event_set_city (event, "Besançon");
      evt_event_set_country (event, "France");
      evt_event_set_url (event, "https://micronora.com");
      evt_event_set_description (event, "Ligne 1\nLigne 2; avec, des virgules");
      if (i == 0)
        {
          start = g_date_time_new (paris, 2022, 9, 27, 0, 0, 0);
          end = g_date_time_new (paris, 2022, 9, 30, 0, 0, 0);
          evt_event_set_dates (event, TRUE, start, end);
        }
      else
        {
          start = g_date_time_new (paris, 2021, 3 + i, 16, 14, 30, 0);
          end = g_date_time_new (paris, 2021, 3 + i, 16, 16, 0, 0);
          evt_event_set_dates (event, FALSE, start, end);
        }
      if (i == 2)
        {
          evt_event_set_status (event, EVT_STATUS_CANCELLED);
          evt_event_set_status_reason (event, "crise sanitaire");
        }
      g_ptr_array_add (events, g_steal_pointer (&event));
    }

  options->cancelled = EVT_ICAL_STATUS_PREFIX;
  ics = evt_ical_export_events (events, sectors, options, &n_written, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, 3);

  bytes = g_bytes_new (ics, strlen (ics));
  result = evt_import_data (fixture->store, "export.ics", bytes, fixture->options, NULL, NULL,
                            NULL, &error);
  g_assert_no_error (error);
  assert_counts (result, 3, 0, 0, 0);
  g_assert_cmpuint (result->messages->len, ==, 0);

  for (guint i = 0; i < events->len; i++)
    {
      EvtEvent *original = g_ptr_array_index (events, i);
      g_autoptr(EvtEvent) imported = get_event (fixture, evt_event_get_uid (original), NULL);

      g_test_message ("%s", evt_event_get_uid (original));
      g_assert_cmpstr (evt_event_get_title (imported), ==, evt_event_get_title (original));
      g_assert_cmpstr (evt_event_get_description (imported), ==,
                       evt_event_get_description (original));
      g_assert_true (evt_event_publish_equal (imported, original));
    }
}

/* --- Upsert ------------------------------------------------------------------------------- */

static void
test_reimport_unchanged (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *names[] = { "dates.ics", "windows-zones.ics", "overridden-instance.ics",
                          "count-max.ics" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(EvtImportResult) first = import_ok (fixture, names[i]);
      gint64 n_events = count_events (fixture);
      g_autoptr(EvtImportResult) second = import_ok (fixture, names[i]);

      g_assert_cmpuint (first->n_imported, >, 0);
      assert_counts (second, 0, 0, first->n_imported, first->n_skipped);
      g_assert_cmpint (count_events (fixture), ==, n_events);
    }
}

static void
test_sequence (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = NULL;
  g_autoptr(EvtEvent) event = NULL;
  const struct
  {
    const char *file;
    const char *title;
    guint       imported, updated, unchanged;
  } steps[] = {
    { "sequence-2.ics", "Seq 2", 1, 0, 0 },
    /* Same SEQUENCE, later LAST-MODIFIED (and no CREATED): newer. */
    { "sequence-2-later.ics", "Seq 2, modified later", 0, 1, 0 },
    /* SEQUENCE 1 is older, even with a later LAST-MODIFIED. */
    { "sequence-1.ics", "Seq 2, modified later", 0, 0, 1 },
    { "sequence-3.ics", "Seq 3", 0, 1, 0 },
    { "sequence-3.ics", "Seq 3", 0, 0, 1 },
    /* Same SEQUENCE, later LAST-MODIFIED: newer. */
    { "sequence-3-later.ics", "Seq 3, modified later", 0, 1, 0 },
    { "sequence-2.ics", "Seq 3, modified later", 0, 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_test_message ("%s", steps[i].file);
      result = import_ok (fixture, steps[i].file);
      assert_counts (result, steps[i].imported, steps[i].updated, steps[i].unchanged, 0);
      event = get_event (fixture, "seq-1@test", NULL);
      g_assert_cmpstr (evt_event_get_title (event), ==, steps[i].title);
      g_clear_object (&event);
      g_clear_pointer (&result, evt_import_result_free);
    }

  event = get_event (fixture, "seq-1@test", NULL);
  g_assert_cmpint (evt_event_get_sequence (event), ==, 3);
  g_assert_cmpint (count_events (fixture), ==, 1);
}

static void
test_local_fields_kept (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(EvtImportResult) first = import_ok (fixture, "sequence-2.ics");
  g_autoptr(EvtImportResult) second = NULL;
  g_autoptr(EvtEvent) event = get_event (fixture, "seq-1@test", NULL);
  g_autoptr(GError) error = NULL;

  /* Notes and budget are Eventail's own: a newer version from the partner keeps them. */
  evt_event_set_notes (event, "Stand partagé, 4 exposants");
  evt_event_set_budget_cents (event, 150000);
  g_assert_true (evt_store_update_event (fixture->store, event, &error));
  g_assert_no_error (error);
  g_clear_object (&event);

  second = import_ok (fixture, "sequence-3-later.ics");
  assert_counts (second, 0, 1, 0, 0);
  event = get_event (fixture, "seq-1@test", NULL);
  g_assert_cmpstr (evt_event_get_title (event), ==, "Seq 3, modified later");
  g_assert_cmpstr (evt_event_get_notes (event), ==, "Stand partagé, 4 exposants");
  g_assert_cmpint (evt_event_get_budget_cents (event), ==, 150000);
}

static void
test_duplicate_uid (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "duplicate-uid.ics");
  g_autoptr(EvtEvent) event = get_event (fixture, "dup-1@test", NULL);
  const char *messages[] = {
    "duplicate-uid.ics: line 12: UID “dup-1@test” appears twice (lines 4 and 12): the one at "
    "line 4 (SEQUENCE 3) is kept",
    NULL
  };

  assert_counts (result, 1, 0, 0, 0);
  assert_messages (result, messages);
  g_assert_cmpstr (evt_event_get_title (event), ==, "Version 3");
  g_assert_cmpint (evt_event_get_sequence (event), ==, 3);
}

/* --- Recurrences ---------------------------------------------------------------------- */

static void
test_exception_without_master (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "exception-without-master.ics");
  /* The occurrence's original start, 10:00 in Paris, in UTC. */
  g_autoptr(EvtEvent) event = get_event (fixture, "series-x@test", "2021-09-15T08:00:00Z");

  assert_counts (result, 1, 0, 0, 0);
  g_assert_cmpstr (evt_event_get_title (event), ==, "Comité (déplacé)");
  assert_range (event, "2021-09-16T14:00..2021-09-16T15:00");
  assert_no_event (fixture, "series-x@test", NULL);
}

static void
test_count_max (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "count-max.ics");
  g_autoptr(EvtEvent) first = get_event (fixture, "count-1@test", "2021-01-01");
  g_autoptr(EvtEvent) last = get_event (fixture, "count-1@test", "2022-12-31");

  /* Every day of 2021 and 2022, and no further. */
  assert_counts (result, 365 + 365, 0, 0, 0);
  assert_range (first, "2021-01-01");
  assert_range (last, "2022-12-31");
  assert_no_event (fixture, "count-1@test", "2023-01-01");
  assert_no_event (fixture, "count-1@test", NULL);
}

static void
test_interval_0 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "interval-0.ics");
  const char *messages[] = {
    "interval-0.ics: line 9: RRULE cannot be read: “FREQ=DAILY;INTERVAL=0”", NULL
  };

  assert_counts (result, 1, 0, 0, 1);
  assert_messages (result, messages);
  assert_no_event (fixture, "int0-1@test", NULL);
  assert_no_event (fixture, "int0-1@test", "2021-01-01");
}

static void
test_until_5000 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "until-5000.ics");
  /* Mondays from 2021-01-04 to 2022-12-26, at 10:00 in Paris, summer or winter. */
  g_autoptr(EvtEvent) winter = get_event (fixture, "u5000-1@test", "2021-01-04T09:00:00Z");
  g_autoptr(EvtEvent) summer = get_event (fixture, "u5000-1@test", "2021-07-05T08:00:00Z");

  assert_counts (result, 104, 0, 0, 0);
  assert_range (winter, "2021-01-04T10:00..2021-01-04T11:00");
  assert_range (summer, "2021-07-05T10:00..2021-07-05T11:00");
  g_assert_cmpstr (evt_event_get_timezone (summer), ==, "Europe/Paris");
}

static void
test_secondly (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "secondly.ics");
  const char *messages[] = {
    "secondly.ics: line 4: “Chaque seconde depuis 1900” repeats, but not between 2021-01-01 "
    "and 2022-12-31: nothing imported",
    "secondly.ics: line 9: RRULE “FREQ=SECONDLY” repeats too often: stopped at 1900-01-02 "
    "after 100000 repetitions",
    NULL
  };

  assert_counts (result, 0, 0, 0, 0);
  assert_messages (result, messages);
}

static void
test_exdate (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "exdate.ics");
  g_autoptr(EvtImportResult) v2 = NULL;

  /* 5 Mondays from 2021-09-06, less 13 (TZID) and 27 (UTC) September. */
  assert_counts (result, 3, 0, 0, 0);
  g_object_unref (get_event (fixture, "weekly-1@test", "2021-09-06T08:00:00Z"));
  assert_no_event (fixture, "weekly-1@test", "2021-09-13T08:00:00Z");
  g_object_unref (get_event (fixture, "weekly-1@test", "2021-09-20T08:00:00Z"));
  assert_no_event (fixture, "weekly-1@test", "2021-09-27T08:00:00Z");
  g_object_unref (get_event (fixture, "weekly-1@test", "2021-10-04T08:00:00Z"));

  /* A newer version excludes 4 October too: that occurrence is removed. */
  v2 = import_ok (fixture, "exdate-v2.ics");
  assert_counts (v2, 0, 2, 0, 0);
  g_assert_cmpuint (v2->n_removed, ==, 1);
  assert_no_event (fixture, "weekly-1@test", "2021-10-04T08:00:00Z");
  g_assert_cmpint (count_events (fixture), ==, 2);
}

static void
test_overridden_instance (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(EvtImportResult) result = import_ok (fixture, "overridden-instance.ics");
  g_autoptr(EvtEvent) moved = get_event (fixture, "weekly-1@test", "2021-09-20T08:00:00Z");
  g_autoptr(EvtEvent) plain = get_event (fixture, "weekly-1@test", "2021-09-06T08:00:00Z");

  assert_counts (result, 3, 0, 0, 0);
  g_assert_cmpstr (evt_event_get_title (moved), ==, "Réunion déplacée");
  assert_range (moved, "2021-09-21T15:00..2021-09-21T16:00");
  g_assert_cmpint (evt_event_get_status (moved), ==, EVT_STATUS_TENTATIVE);
  g_assert_cmpstr (evt_event_get_title (plain), ==, "Réunion hebdomadaire");
  assert_range (plain, "2021-09-06T10:00..2021-09-06T11:00");
}

static void
test_default_range (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  g_autofree char *text = g_strdup_printf ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:yearly@test\r\n"
                                           "SUMMARY:Assemblée générale\r\n"
                                           "DTSTART;VALUE=DATE:%d0620\r\n"
                                           "RRULE:FREQ=YEARLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                                           year - 10);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtImportResult) result = NULL;

  /* Without a range: last, current and next year. */
  result = evt_import_data (fixture->store, "yearly.ics", bytes, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_counts (result, 3, 0, 0, 0);
  for (int y = year - 1; y <= year + 1; y++)
    {
      g_autofree char *rid = g_strdup_printf ("%d-06-20", y);

      g_object_unref (get_event (fixture, "yearly@test", rid));
    }
}

/* --- The corpus --------------------------------------------------------------------------- */

static void
test_corpus (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "ics-corpus", NULL);
  g_autofree char *manifest = g_build_filename (dir, "MANIFEST.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_files = 0, n_refused = 0, n_events = 0;

  g_assert_true (g_file_get_contents (manifest, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *path = NULL;
      g_autofree char *name = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(EvtImportResult) result = NULL;
      g_autoptr(GError) file_error = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", 2);
      path = g_build_filename (dir, fields[0], NULL);
      name = g_path_get_basename (path);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

      before = hash_database (fixture->path);
      result = import_file (fixture, path, &file_error);
      after = hash_database (fixture->path);
      n_files++;

      if (result == NULL)
        {
          /* Refused: says which file and why, and changes nothing. */
          g_test_message ("refused: %s", file_error->message);
          g_assert_error (file_error, EVT_IMPORT_ERROR, EVT_IMPORT_ERROR_INVALID);
          g_assert_true (g_str_has_prefix (file_error->message, name));
          g_assert_cmpuint (strlen (file_error->message), >, strlen (name) + 10);
          g_assert_cmpstr (before, ==, after);
          n_refused++;
          continue;
        }

      /* Read: every skipped event has its reason. */
      {
        g_autofree char *summary = evt_import_result_format_summary (result);
        guint n_skip_messages = 0;

        g_test_message ("%s", summary);
        for (guint j = 0; j < result->messages->len; j++)
          if (((EvtImportMessage *) g_ptr_array_index (result->messages, j))->kind ==
              EVT_IMPORT_MESSAGE_SKIPPED)
            n_skip_messages++;
        g_assert_cmpuint (n_skip_messages, ==, result->n_skipped);
        if (result->n_imported + result->n_updated == 0)
          g_assert_cmpstr (before, ==, after);
        n_events += result->n_imported;
      }
    }

  g_test_message ("%u files, %u refused, %u events imported", n_files, n_refused, n_events);
  g_assert_cmpuint (n_files, ==, 297);
  /* Most of the corpus is real calendars: they must go in. */
  g_assert_cmpuint (n_refused, <, 20);
  g_assert_cmpuint (n_events, >, 500);
}

/* --- Async, cancellation ---------------------------------------------------------------- */

typedef struct
{
  GMainLoop       *loop;
  GArray          *fractions;
  EvtImportResult *result;
  GError          *error;
  int              freed;  /* atomic: the last reference may go in the worker thread */
} AsyncState;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  AsyncState *state = user_data;

  g_array_append_val (state->fractions, fraction);
}

static void
on_progress_data_free (gpointer user_data)
{
  g_atomic_int_set (&((AsyncState *) user_data)->freed, TRUE);
}

static void
on_imported (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = evt_import_file_finish (EVT_STORE (source), res, &state->error);
  g_main_loop_quit (state->loop);
}

static gboolean
on_timeout (gpointer user_data)
{
  g_error ("the import did not finish in time");
  return G_SOURCE_REMOVE;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  AsyncState state = { 0 };
  g_autofree char *path = fixture_path ("count-max.ics");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint timeout;

  state.loop = g_main_loop_new (NULL, FALSE);
  state.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  timeout = g_timeout_add_seconds (60, on_timeout, NULL);

  evt_import_file_async (fixture->store, file, fixture->options, NULL, on_progress, &state,
                         on_progress_data_free, on_imported, &state);
  g_main_loop_run (state.loop);
  g_source_remove (timeout);

  /* Let the last progress calls run, until the worker thread has let go of the data
   * (bounded: the test fails rather than hangs). */
  for (guint i = 0; i < 1000 && !g_atomic_int_get (&state.freed); i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_no_error (state.error);
  g_assert_nonnull (state.result);
  assert_counts (state.result, 730, 0, 0, 0);
  g_assert_cmpuint (state.fractions->len, >=, 2);
  for (guint i = 1; i < state.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (state.fractions, double, i), >=,
                       g_array_index (state.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (state.fractions, double, state.fractions->len - 1), ==, 1.0);
  g_assert_true (g_atomic_int_get (&state.freed));

  evt_import_result_free (state.result);
  g_array_unref (state.fractions);
  g_main_loop_unref (state.loop);
}

static void
cancel_halfway (double   fraction,
                gpointer user_data)
{
  if (fraction >= 0.5)
    g_cancellable_cancel (user_data);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = fixture_path ("count-max.ics");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = hash_database (fixture->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtImportResult) result = NULL;

  g_cancellable_cancel (cancellable);
  result = evt_import_file (fixture->store, file, fixture->options, cancellable, NULL, NULL,
                            &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = hash_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count_events (fixture), ==, 0);

  /* Cancelled halfway through writing: the file's transaction is rolled back. */
  g_cancellable_reset (cancellable);
  g_clear_error (&error);
  result = evt_import_file (fixture->store, file, fixture->options, cancellable,
                            cancel_halfway, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count_events (fixture), ==, 0);
  g_clear_pointer (&after, g_free);
  after = hash_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* --- The command line --------------------------------------------------------------------- */

static int
run_cli (Fixture     *fixture,
         char       **out,
         char       **err,
         ...)
{
  const char *bin = g_getenv ("EVENTAIL_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, g_strdup (bin));
  g_ptr_array_add (argv, g_strdup ("import"));
  g_ptr_array_add (argv, g_strdup ("--database"));
  g_ptr_array_add (argv, g_strdup (fixture->path));
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *bom = fixture_path ("bom.ics");
  g_autofree char *missing = fixture_path ("missing-uid-dtstart.ics");
  g_autofree char *truncated = fixture_path ("truncated.ics");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (g_getenv ("EVENTAIL_BIN") == NULL)
    {
      g_test_skip ("EVENTAIL_BIN is not set");
      return;
    }

  /* The store is opened by the command itself. */
  g_clear_object (&fixture->store);

  g_assert_cmpint (run_cli (fixture, &out, &err, bom, NULL), ==, EVT_CLI_OK);
  g_assert_cmpstr (out, ==, "bom.ics: 1 imported, 0 updated, 0 unchanged, 0 skipped\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Skipped events: reported on stderr, still a success. */
  g_assert_cmpint (run_cli (fixture, &out, &err, missing, bom, NULL), ==, EVT_CLI_OK);
  g_assert_cmpstr (out, ==,
                   "missing-uid-dtstart.ics: 1 imported, 0 updated, 0 unchanged, 2 skipped "
                   "(line 4: UID is missing; line 8: DTSTART is missing)\n"
                   "bom.ics: 0 imported, 0 updated, 1 unchanged, 0 skipped\n");
  g_assert_cmpstr (err, ==,
                   "missing-uid-dtstart.ics: line 4: UID is missing\n"
                   "missing-uid-dtstart.ics: line 8: DTSTART is missing\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A refused file: exit 1, the others are still imported. */
  g_assert_cmpint (run_cli (fixture, &out, &err, truncated, bom, NULL), ==, EVT_CLI_FAILURE);
  g_assert_cmpstr (out, ==, "bom.ics: 0 imported, 0 updated, 1 unchanged, 0 skipped\n");
  g_assert_cmpstr (err, ==,
                   "eventail import: truncated.ics: line 1: BEGIN:VCALENDAR is never closed by "
                   "END:VCALENDAR: the file is truncated\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Usage errors: exit 2. */
  g_assert_cmpint (run_cli (fixture, &out, &err, "--from", "2021-13-01", bom, NULL), ==,
                   EVT_CLI_USAGE);
  g_assert_cmpstr (err, ==,
                   "eventail import: --from: “2021-13-01” is not a date (expected e.g. "
                   "2021-01-31)\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (fixture, &out, &err, NULL), ==, EVT_CLI_USAGE);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --from/--to choose the occurrences. */
  {
    g_autofree char *count = fixture_path ("count-max.ics");

    g_assert_cmpint (run_cli (fixture, &out, &err, "--from", "2021-03-01", "--to", "2021-03-10",
                              count, NULL), ==, EVT_CLI_OK);
    g_assert_cmpstr (out, ==, "count-max.ics: 10 imported, 0 updated, 0 unchanged, 0 skipped\n");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("bom", test_bom);
  ADD ("utf16-32", test_utf16_32);
  ADD ("line-ends", test_line_ends);
  ADD ("bad-folding", test_bad_folding);
  ADD ("unescaped-commas", test_unescaped_commas);
  ADD ("nul-byte", test_nul_byte);
  ADD ("invalid-utf8", test_invalid_utf8);
  ADD ("month-13", test_month_13);
  ADD ("end-vtodo", test_end_vtodo);
  ADD ("missing-uid-dtstart", test_missing_uid_dtstart);
  ADD ("deep-nesting", test_deep_nesting);
  ADD ("too-many-components", test_too_many_components);
  ADD ("no-events", test_no_events);
  ADD ("refused", test_refused);
  ADD ("dates", test_dates);
  ADD ("unknown-tzid", test_unknown_tzid);
  ADD ("windows-zones", test_windows_zones);
  ADD ("status-spellings", test_status_spellings);
  ADD ("categories", test_categories);
  ADD ("round-trip", test_round_trip);
  ADD ("reimport-unchanged", test_reimport_unchanged);
  ADD ("sequence", test_sequence);
  ADD ("local-fields-kept", test_local_fields_kept);
  ADD ("duplicate-uid", test_duplicate_uid);
  ADD ("exception-without-master", test_exception_without_master);
  ADD ("count-max", test_count_max);
  ADD ("interval-0", test_interval_0);
  ADD ("until-5000", test_until_5000);
  ADD ("secondly", test_secondly);
  ADD ("exdate", test_exdate);
  ADD ("overridden-instance", test_overridden_instance);
  ADD ("default-range", test_default_range);
  ADD ("corpus", test_corpus);
  ADD ("async", test_async);
  ADD ("cancelled", test_cancelled);
  ADD ("cli", test_cli);

#undef ADD

  return g_test_run ();
}
