/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export.c: iCalendar export read back by independent parsers (suite conformance). */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "evt-ical.h"
#include "evt-people.h"
#include "evt-store.h"

/*
 * A real store in a temporary folder gets known events; they are exported to
 * real files, which Debian's python3-icalendar and npm's ical.js (Thunderbird's
 * parser) read back. Every field they report is checked here, UTC instants
 * included. The readers run with TZ=Pacific/Auckland, so that a time read as
 * floating or shifted by the reader's own zone cannot pass.
 */

#define DTSTAMP_TEXT "2024-05-01T12:00:00Z"

static const char LONG_FRENCH[] =
  "Journée d’échanges à l’hôtel de région : présentations des lauréats, "
  "ateliers « Industrie du futur », déjeuner à la française 🥐☕ et visites "
  "d’entreprises 🏭🚀. Inscription obligatoire avant le 30 juin ; places "
  "limitées à 120 participants. Thèmes : écoconception, traçabilité, "
  "cybersécurité, réalité augmentée 🕶️, intelligence artificielle 🤖, "
  "fabrication additive, maintenance prédictive… Équipe d’animation : "
  "Élodie, François, Zoé, Maël & Noël. Bienvenue à toutes et à tous ! 🎉🎉🎉";

typedef struct
{
  char     *dir;
  EvtStore *store;
  char     *public_path;
  char     *internal_path;
  char     *public_text;
  char     *internal_text;
} Fixture;

static Fixture fx;

/* ------------------------------------------------------------------------ */
/* Building the events                                                       */

static GDateTime *
dt (const char *tzid,
    int         year,
    int         month,
    int         day,
    int         hour,
    int         minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);

  g_assert_nonnull (tz);
  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static EvtEvent *
new_event (const char *uid,
           const char *title,
           EvtKind     kind,
           EvtStatus   status,
           const char *tzid,
           gboolean    all_day,
           GDateTime  *start,
           GDateTime  *end)
{
  EvtEvent *event = evt_event_new ();

  evt_event_set_uid (event, uid);
  evt_event_set_title (event, title);
  evt_event_set_kind (event, kind);
  evt_event_set_status (event, status);
  evt_event_set_timezone (event, tzid);
  evt_event_set_dates (event, all_day, start, end);
  g_date_time_unref (start);
  g_date_time_unref (end);

  return event;
}

static void
insert (EvtEvent *event)
{
  g_autoptr(GError) error = NULL;

  evt_store_insert_event (fx.store, event, &error);
  g_assert_no_error (error);
}

static void
fill_store (void)
{
  const char * const health_aero[] = { "health", "aerospace", NULL };
  const char * const industry[] = { "industry-future", NULL };
  const char * const micro[] = { "microtechnology", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtEvent) e1 = NULL;
  g_autoptr(EvtEvent) e2 = NULL;
  g_autoptr(EvtEvent) e3 = NULL;
  g_autoptr(EvtEvent) e4 = NULL;
  g_autoptr(EvtEvent) e5 = NULL;
  g_autoptr(EvtEvent) e6 = NULL;
  g_autoptr(EvtEvent) e7 = NULL;
  g_autoptr(EvtEvent) e8 = NULL;

  /* A three-day show, all day, with every character that needs escaping. */
  e1 = new_event ("salon-lyon@test", "Salon, Lyon; 2021 \\ test", EVT_KIND_TRADE_SHOW,
                  EVT_STATUS_CONFIRMED, "Europe/Paris", TRUE,
                  dt ("Europe/Paris", 2021, 3, 16, 0, 0), dt ("Europe/Paris", 2021, 3, 18, 0, 0));
  evt_event_set_sectors (e1, health_aero);
  evt_event_set_venue (e1, "Eurexpo");
  evt_event_set_city (e1, "Lyon");
  evt_event_set_country (e1, "France");
  evt_event_set_url (e1, "https://example.org/salon?a=1,b=2;c");
  evt_event_set_description (e1, "Première ligne\nDeuxième ligne, avec virgule; et point-virgule\n"
                                 "\\fin");
  insert (e1);

  /* Timed, in summer (UTC+2). */
  e2 = new_event ("webinaire-ete@test", "Webinaire d’été", EVT_KIND_WEBINAR,
                  EVT_STATUS_TENTATIVE, "Europe/Paris", FALSE,
                  dt ("Europe/Paris", 2021, 7, 16, 9, 0), dt ("Europe/Paris", 2021, 7, 16, 10, 30));
  evt_event_set_sectors (e2, industry);
  evt_event_set_description (e2, LONG_FRENCH);
  insert (e2);

  /* Timed, in winter (UTC+1), held. */
  e3 = new_event ("journee-hiver@test", "Journée technique", EVT_KIND_TECHNICAL_DAY,
                  EVT_STATUS_HELD, "Europe/Paris", FALSE,
                  dt ("Europe/Paris", 2022, 1, 20, 14, 0),
                  dt ("Europe/Paris", 2022, 1, 20, 17, 30));
  evt_event_set_sectors (e3, micro);
  evt_event_set_venue (e3, "Cité des sciences");
  evt_event_set_city (e3, "Besançon");
  evt_event_set_country (e3, "France");
  insert (e3);

  /* Cancelled, with its reason. */
  e4 = new_event ("congres-annule@test", "Congrès des microtechniques", EVT_KIND_CONGRESS,
                  EVT_STATUS_CANCELLED, "Europe/Paris", TRUE,
                  dt ("Europe/Paris", 2021, 4, 6, 0, 0), dt ("Europe/Paris", 2021, 4, 8, 0, 0));
  evt_event_set_status_reason (e4, "crise sanitaire");
  evt_event_set_description (e4, "Congrès annuel.");
  insert (e4);

  /* Planned, then postponed: the store bumps its SEQUENCE. */
  e5 = new_event ("salon-reporte@test", "Micronora", EVT_KIND_TRADE_SHOW,
                  EVT_STATUS_CONFIRMED, "Europe/Paris", TRUE,
                  dt ("Europe/Paris", 2021, 3, 16, 0, 0), dt ("Europe/Paris", 2021, 3, 19, 0, 0));
  evt_event_set_description (e5, "Micronora, salon des microtechniques.");
  insert (e5);
  {
    g_autoptr(GDateTime) ostart = dt ("Europe/Paris", 2021, 3, 16, 0, 0);
    g_autoptr(GDateTime) oend = dt ("Europe/Paris", 2021, 3, 19, 0, 0);
    g_autoptr(GDateTime) nstart = dt ("Europe/Paris", 2021, 9, 14, 0, 0);
    g_autoptr(GDateTime) nend = dt ("Europe/Paris", 2021, 9, 17, 0, 0);

    evt_event_set_status (e5, EVT_STATUS_POSTPONED);
    evt_event_set_status_reason (e5, "crise sanitaire");
    evt_event_set_original_dates (e5, ostart, oend);
    evt_event_set_dates (e5, TRUE, nstart, nend);
    evt_store_update_event (fx.store, e5, &error);
    g_assert_no_error (error);
  }

  /* Internal: never in a public file. */
  e6 = new_event ("interne@test", "Réunion interne confidentielle", EVT_KIND_MEETING,
                  EVT_STATUS_CONFIRMED, "Europe/Paris", FALSE,
                  dt ("Europe/Paris", 2021, 5, 10, 10, 0), dt ("Europe/Paris", 2021, 5, 10, 12, 0));
  evt_event_set_visibility (e6, EVT_VISIBILITY_INTERNAL);
  evt_event_set_notes (e6, "NOTE-SECRETE-interne");
  evt_event_set_budget_cents (e6, 150000);
  insert (e6);

  /* Public, with notes and budget that only an internal file may carry. */
  e7 = new_event ("public-notes@test", "Assemblée générale", EVT_KIND_GENERAL_ASSEMBLY,
                  EVT_STATUS_CONFIRMED, "Europe/Paris", FALSE,
                  dt ("Europe/Paris", 2021, 6, 24, 17, 0), dt ("Europe/Paris", 2021, 6, 24, 19, 0));
  evt_event_set_description (e7, "Ordre du jour en ligne.");
  evt_event_set_notes (e7, "NOTE-PRIVEE-456\nRéserver la salle; prévoir café");
  evt_event_set_budget_cents (e7, 987654);
  insert (e7);

  /* Another zone, so that the file carries two VTIMEZONEs. */
  e8 = new_event ("new-york@test", "Mission à New York", EVT_KIND_ROAD_SHOW,
                  EVT_STATUS_CONFIRMED, "America/New_York", FALSE,
                  dt ("America/New_York", 2021, 6, 10, 9, 0),
                  dt ("America/New_York", 2021, 6, 10, 17, 0));
  evt_event_set_city (e8, "New York");
  evt_event_set_country (e8, "États-Unis");
  insert (e8);
}

static EvtExportOptions *
test_options (EvtIcalPrivacy privacy)
{
  EvtExportOptions *options = evt_export_options_new ();

  options->name = g_strdup ("Salons, congrès; 2021");
  options->description = g_strdup ("Le programme du pôle\navec accents : éàù");
  options->privacy = privacy;
  options->now = g_date_time_new_utc (2024, 5, 1, 12, 0, 0);
  options->colour = g_strdup ("#1c71d8");

  return options;
}

static char *
export_to (const char     *name,
           EvtIcalPrivacy  privacy,
           EvtIcalStatusPolicy cancelled,
           EvtIcalStatusPolicy postponed,
           char          **text)
{
  g_autoptr(EvtExportOptions) options = test_options (privacy);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  char *path = g_build_filename (fx.dir, name, NULL);
  guint n = 0;

  options->cancelled = cancelled;
  options->postponed = postponed;

  contents = evt_ical_export_store (fx.store, NULL, options, &n, &error);
  g_assert_no_error (error);
  g_assert_nonnull (contents);
  g_assert_cmpuint (n, >, 0);

  evt_ical_write_file (path, contents, &error);
  g_assert_no_error (error);

  if (text != NULL)
    *text = g_steal_pointer (&contents);

  return path;
}

/* ------------------------------------------------------------------------ */
/* Reading back                                                              */

static JsonObject *
run_reader (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "TZ", "Pacific/Auckland", TRUE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  JsonNode *root;

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);

  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_test_fail_printf ("%s failed (status %d): %s\nRun build-aux/test, which installs "
                          "python3-icalendar and npm ci --prefix tests (ical.js).",
                          argv[0], status, err);
      return NULL;
    }

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  g_test_message ("%s", json_object_get_string_member (json_node_get_object (root), "reader"));

  return json_object_ref (json_node_get_object (root));
}

static JsonObject *
read_with_python (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "conformance", "read_ics.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_fail_printf ("/usr/bin/python3 is missing: run build-aux/test "
                          "(it installs python3-icalendar)");
      return NULL;
    }

  return run_reader (argv);
}

static JsonObject *
read_with_icaljs (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "conformance", "read-ics.js", NULL);
  g_autofree char *module = g_test_build_filename (G_TEST_DIST, "node_modules", "ical.js",
                                                   "package.json", NULL);
  g_autofree char *node = g_find_program_in_path ("node");
  const char *argv[] = { node, script, path, NULL };

  if (node == NULL)
    {
      g_test_fail_printf ("node is missing: run build-aux/test (it installs nodejs)");
      return NULL;
    }

  if (!g_file_test (module, G_FILE_TEST_EXISTS))
    {
      g_test_fail_printf ("%s is missing: run build-aux/test (it runs npm ci --prefix tests)",
                          module);
      return NULL;
    }

  return run_reader (argv);
}

static JsonObject *
find_event (JsonObject *doc,
            const char *uid)
{
  JsonArray *events = json_object_get_array_member (doc, "events");

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);

      if (g_strcmp0 (json_object_get_string_member (event, "uid"), uid) == 0)
        return event;
    }

  return NULL;
}

static const char *
member_string (JsonObject *obj,
               const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return json_node_get_string (node);
}

static char *
utc_text (GDateTime *dt_)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt_);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

typedef struct
{
  const char *uid;
  const char *summary;
  const char *status;
  const char *x_status;
  const char *start;
  const char *end;
  const char *categories[4];  /* kind id, then sector slugs: turned into labels */
  const char *location;
  const char *klass;
  const char *url;
} Expected;

static const Expected public_expected[] = {
  { "salon-lyon@test", "Salon, Lyon; 2021 \\ test", "CONFIRMED", "confirmed",
    "2021-03-16", "2021-03-19", { "trade-show", "health", "aerospace", NULL },
    "Eurexpo, Lyon, France", "PUBLIC", "https://example.org/salon?a=1,b=2;c" },
  { "webinaire-ete@test", "Webinaire d’été", "TENTATIVE", "tentative",
    "2021-07-16T07:00:00Z", "2021-07-16T08:30:00Z", { "webinar", "industry-future", NULL },
    NULL, "PUBLIC", NULL },
  { "journee-hiver@test", "Journée technique", "CONFIRMED", "held",
    "2022-01-20T13:00:00Z", "2022-01-20T16:30:00Z", { "technical-day", "microtechnology", NULL },
    "Cité des sciences, Besançon, France", "PUBLIC", NULL },
  { "congres-annule@test", "Congrès des microtechniques", "CANCELLED", "cancelled",
    "2021-04-06", "2021-04-09", { "congress", NULL },
    NULL, "PUBLIC", NULL },
  { "salon-reporte@test", "Micronora", "TENTATIVE", "postponed",
    "2021-09-14", "2021-09-18", { "trade-show", NULL },
    NULL, "PUBLIC", NULL },
  { "public-notes@test", "Assemblée générale", "CONFIRMED", "confirmed",
    "2021-06-24T15:00:00Z", "2021-06-24T17:00:00Z", { "general-assembly", NULL },
    NULL, "PUBLIC", NULL },
  { "new-york@test", "Mission à New York", "CONFIRMED", "confirmed",
    "2021-06-10T13:00:00Z", "2021-06-10T21:00:00Z", { "road-show", NULL },
    "New York, États-Unis", "PUBLIC", NULL },
};

/* The DESCRIPTION that a public file must carry for @uid. */
static const char *
expected_description (const char *uid)
{
  static const struct { const char *uid; const char *text; } table[] = {
    { "salon-lyon@test",
      "Première ligne\nDeuxième ligne, avec virgule; et point-virgule\n\\fin" },
    { "webinaire-ete@test", LONG_FRENCH },
    { "journee-hiver@test", NULL },
    { "congres-annule@test", "Cancelled: crise sanitaire\n\nCongrès annuel." },
    { "salon-reporte@test",
      "Postponed: crise sanitaire\n"
      "Originally planned: 2021-03-16 – 2021-03-19\n"
      "New dates: 2021-09-14 – 2021-09-17\n"
      "\n"
      "Micronora, salon des microtechniques." },
    { "public-notes@test", "Ordre du jour en ligne." },
    { "new-york@test", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      if (g_str_equal (table[i].uid, uid))
        return table[i].text;
    }

  g_assert_not_reached ();
}

static char *
category_label (const char *id)
{
  g_autoptr(EvtSector) sector = NULL;
  EvtKind kind;

  if (evt_kind_from_string (id, &kind))
    return g_strdup (evt_kind_get_label (kind));

  sector = evt_store_get_sector (fx.store, id, NULL);
  g_assert_nonnull (sector);
  return g_strdup (sector->name);
}

static void
check_event (JsonObject     *doc,
             const Expected *exp)
{
  JsonObject *ev = find_event (doc, exp->uid);
  g_autoptr(EvtEvent) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  JsonArray *cats;
  guint n_cats = 0;

  g_test_message ("checking %s", exp->uid);
  g_assert_nonnull (ev);

  stored = evt_store_get_event_by_uid (fx.store, exp->uid, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (member_string (ev, "summary"), ==, exp->summary);
  g_assert_cmpstr (member_string (ev, "status"), ==, exp->status);
  g_assert_cmpstr (member_string (ev, "x_status"), ==, exp->x_status);
  g_assert_cmpstr (member_string (ev, "start"), ==, exp->start);
  g_assert_cmpstr (member_string (ev, "end"), ==, exp->end);
  /* The file's own VTIMEZONE gives the same instant as the zone database. */
  g_assert_cmpstr (member_string (ev, "start_vtimezone"), ==, exp->start);
  g_assert_cmpstr (member_string (ev, "end_vtimezone"), ==, exp->end);
  g_assert_cmpstr (member_string (ev, "location"), ==, exp->location);
  g_assert_cmpstr (member_string (ev, "class"), ==, exp->klass);
  g_assert_cmpstr (member_string (ev, "url"), ==, exp->url);
  g_assert_cmpstr (member_string (ev, "description"), ==, expected_description (exp->uid));
  g_assert_cmpint (json_object_get_int_member (ev, "sequence"), ==,
                   evt_event_get_sequence (stored));

  g_assert_cmpstr (member_string (ev, "dtstamp"), ==, DTSTAMP_TEXT);
  created = utc_text (evt_event_get_created (stored));
  modified = utc_text (evt_event_get_modified (stored));
  g_assert_cmpstr (member_string (ev, "created"), ==, created);
  g_assert_cmpstr (member_string (ev, "last_modified"), ==, modified);

  cats = json_object_get_array_member (ev, "categories");
  while (exp->categories[n_cats] != NULL)
    n_cats++;
  g_assert_cmpuint (json_array_get_length (cats), ==, n_cats);
  for (guint i = 0; i < n_cats; i++)
    {
      g_autofree char *label = category_label (exp->categories[i]);
      g_assert_cmpstr (json_array_get_string_element (cats, i), ==, label);
    }
}

static void
check_document (JsonObject *doc)
{
  JsonObject *cal = json_object_get_object_member (doc, "calendar");
  JsonArray *zones = json_object_get_array_member (doc, "timezones");

  g_assert_cmpstr (member_string (cal, "version"), ==, "2.0");
  g_assert_true (g_str_has_prefix (member_string (cal, "prodid"), "-//Eventail//"));
  g_assert_cmpstr (member_string (cal, "calscale"), ==, "GREGORIAN");
  g_assert_cmpstr (member_string (cal, "method"), ==, "PUBLISH");
  g_assert_cmpstr (member_string (cal, "name"), ==, "Salons, congrès; 2021");
  g_assert_cmpstr (member_string (cal, "x-wr-calname"), ==, "Salons, congrès; 2021");
  g_assert_cmpstr (member_string (cal, "x-wr-caldesc"), ==,
                   "Le programme du pôle\navec accents : éàù");
  g_assert_cmpstr (member_string (cal, "x-wr-timezone"), ==, "Europe/Paris");
  g_assert_cmpstr (member_string (cal, "refresh-interval"), ==, "PT1H");
  g_assert_cmpstr (member_string (cal, "x-published-ttl"), ==, "PT1H");

  g_assert_cmpuint (json_array_get_length (zones), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (zones, 0), ==, "America/New_York");
  g_assert_cmpstr (json_array_get_string_element (zones, 1), ==, "Europe/Paris");

  /* Exactly the public events: the internal one is not there. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (doc, "events")), ==,
                    G_N_ELEMENTS (public_expected));
  g_assert_null (find_event (doc, "interne@test"));

  for (guint i = 0; i < G_N_ELEMENTS (public_expected); i++)
    check_event (doc, &public_expected[i]);
}

static void
test_python_reads_public (void)
{
  g_autoptr(JsonObject) doc = read_with_python (fx.public_path);

  if (doc != NULL)
    check_document (doc);
}

static void
test_icaljs_reads_public (void)
{
  g_autoptr(JsonObject) doc = read_with_icaljs (fx.public_path);

  if (doc != NULL)
    check_document (doc);
}

static void
check_internal_document (JsonObject *doc)
{
  JsonObject *internal = find_event (doc, "interne@test");
  JsonObject *notes = find_event (doc, "public-notes@test");

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (doc, "events")), ==,
                    G_N_ELEMENTS (public_expected) + 1);
  g_assert_nonnull (internal);
  g_assert_cmpstr (member_string (internal, "class"), ==, "PRIVATE");
  g_assert_cmpstr (member_string (internal, "start"), ==, "2021-05-10T08:00:00Z");
  g_assert_cmpstr (member_string (internal, "description"), ==,
                   "— Internal —\nNOTE-SECRETE-interne\nPlanned budget: 1500.00 EUR");
  g_assert_nonnull (notes);
  g_assert_cmpstr (member_string (notes, "class"), ==, "PUBLIC");
  g_assert_cmpstr (member_string (notes, "description"), ==,
                   "Ordre du jour en ligne.\n\n— Internal —\nNOTE-PRIVEE-456\n"
                   "Réserver la salle; prévoir café\nPlanned budget: 9876.54 EUR");
}

static void
test_readers_read_internal (void)
{
  g_autoptr(JsonObject) py = read_with_python (fx.internal_path);
  g_autoptr(JsonObject) js = read_with_icaljs (fx.internal_path);

  if (py != NULL)
    check_internal_document (py);
  if (js != NULL)
    check_internal_document (js);
}

static void
check_prefixed (JsonObject *doc)
{
  JsonObject *cancelled = find_event (doc, "congres-annule@test");
  JsonObject *postponed = find_event (doc, "salon-reporte@test");

  g_assert_nonnull (cancelled);
  g_assert_cmpstr (member_string (cancelled, "summary"), ==,
                   "[CANCELLED] Congrès des microtechniques");
  /* Not CANCELLED: Google Calendar would drop it from the subscription. */
  g_assert_cmpstr (member_string (cancelled, "status"), ==, "TENTATIVE");
  g_assert_cmpstr (member_string (cancelled, "x_status"), ==, "cancelled");
  g_assert_cmpstr (member_string (cancelled, "description"), ==,
                   "Cancelled: crise sanitaire\n\nCongrès annuel.");
  g_assert_nonnull (postponed);
  g_assert_cmpstr (member_string (postponed, "summary"), ==, "[POSTPONED] Micronora");
  g_assert_cmpstr (member_string (postponed, "status"), ==, "TENTATIVE");
  g_assert_cmpstr (member_string (postponed, "x_status"), ==, "postponed");
}

static void
test_status_policies (void)
{
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;
  g_autofree char *excluded = export_to ("excluded.ics", EVT_ICAL_PRIVACY_PUBLIC,
                                         EVT_ICAL_STATUS_EXCLUDE, EVT_ICAL_STATUS_EXCLUDE,
                                         &text);
  g_autofree char *prefixed = NULL;
  g_autoptr(JsonObject) py = NULL;
  g_autoptr(JsonObject) js = NULL;

  g_assert_null (strstr (text, "congres-annule@test"));
  g_assert_null (strstr (text, "salon-reporte@test"));
  g_assert_nonnull (strstr (text, "salon-lyon@test"));
  g_clear_pointer (&text, g_free);

  prefixed = export_to ("prefixed.ics", EVT_ICAL_PRIVACY_PUBLIC,
                        EVT_ICAL_STATUS_PREFIX, EVT_ICAL_STATUS_PREFIX, &text);
  unfolded = evt_ical_unfold (text);
  g_assert_null (strstr (unfolded, "STATUS:CANCELLED"));
  g_assert_nonnull (strstr (unfolded, "TRANSP:TRANSPARENT"));
  g_assert_nonnull (strstr (unfolded, "X-EVENTAIL-TITLE:Congrès des microtechniques\r\n"));

  py = read_with_python (prefixed);
  js = read_with_icaljs (prefixed);
  if (py != NULL)
    check_prefixed (py);
  if (js != NULL)
    check_prefixed (js);
}

/* ------------------------------------------------------------------------ */
/* Bytes                                                                     */

static void
check_bytes (const char *text)
{
  gsize len = strlen (text);
  guint n_lines = 0;

  g_assert_true (g_utf8_validate (text, len, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));

  for (const char *line = text; *line != '\0'; n_lines++)
    {
      const char *crlf = strstr (line, "\r\n");
      gsize octets;
      gsize backslashes = 0;

      g_assert_nonnull (crlf);
      octets = crlf - line;

      /* CRLF only: no bare CR or LF inside a line. */
      g_assert_null (memchr (line, '\n', octets));
      g_assert_null (memchr (line, '\r', octets));
      if (octets > 75)
        g_error ("line %u has %" G_GSIZE_FORMAT " octets: %.*s", n_lines, octets,
                 (int) octets, line);

      /* A continuation never starts inside a UTF-8 character... */
      if (line[0] == ' ')
        g_assert_false (((guchar) line[1] & 0xC0) == 0x80);
      /* ...and a line never ends inside one, nor halfway through "\,". */
      g_assert_true (g_utf8_validate (line, octets, NULL));
      while (backslashes < octets && line[octets - 1 - backslashes] == '\\')
        backslashes++;
      g_assert_cmpuint (backslashes % 2, ==, 0);

      line = crlf + 2;
    }

  g_assert_cmpuint (n_lines, >, 20);
}

static void
test_bytes (void)
{
  g_autofree char *unfolded = evt_ical_unfold (fx.public_text);
  g_autofree char *on_disk = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  check_bytes (fx.public_text);
  check_bytes (fx.internal_text);

  g_file_get_contents (fx.public_path, &on_disk, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (on_disk, ==, fx.public_text);

  /* Escaping of TEXT values. */
  g_assert_nonnull (strstr (unfolded, "\r\nSUMMARY:Salon\\, Lyon\\; 2021 \\\\ test\r\n"));
  g_assert_nonnull (strstr (unfolded,
                            "\r\nDESCRIPTION:Première ligne\\nDeuxième ligne\\, avec virgule\\; "
                            "et point-virgule\\n\\\\fin\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nLOCATION:Eurexpo\\, Lyon\\, France\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nNAME:Salons\\, congrès\\; 2021\r\n"));
  g_assert_nonnull (strstr (unfolded,
                            "\r\nX-WR-CALDESC:Le programme du pôle\\navec accents : éàù\r\n"));
  /* A URI is not TEXT: not escaped. */
  g_assert_nonnull (strstr (unfolded, "\r\nURL:https://example.org/salon?a=1,b=2;c\r\n"));

  /* The long description, emoji included, folds without loss. */
  {
    g_autofree char *escaped = evt_ical_escape_text (LONG_FRENCH);
    g_autofree char *line = g_strconcat ("\r\nDESCRIPTION:", escaped, "\r\n", NULL);

    g_assert_nonnull (strstr (unfolded, line));
  }

  /* Calendar properties. */
  g_assert_nonnull (strstr (unfolded, "\r\nMETHOD:PUBLISH\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nCALSCALE:GREGORIAN\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-PUBLISHED-TTL:PT1H\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-WR-TIMEZONE:Europe/Paris\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-APPLE-CALENDAR-COLOR:#1c71d8\r\n"));
}

static void
test_no_floating_times (void)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *unfolded = evt_ical_unfold (fx.public_text);
  gboolean in_vtimezone = FALSE;
  guint n_checked = 0;

  lines = g_strsplit (unfolded, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *l = lines[i];

      if (g_str_equal (l, "BEGIN:VTIMEZONE"))
        in_vtimezone = TRUE;
      else if (g_str_equal (l, "END:VTIMEZONE"))
        in_vtimezone = FALSE;

      if (in_vtimezone)
        continue;

      if (g_str_has_prefix (l, "DTSTART") || g_str_has_prefix (l, "DTEND") ||
          g_str_has_prefix (l, "RECURRENCE-ID"))
        {
          const char *params = strchr (l, ';') ? strchr (l, ';') : "";

          n_checked++;
          g_assert_true (g_str_has_prefix (params, ";VALUE=DATE:") ||
                         strstr (l, ";TZID=") != NULL ||
                         g_str_has_suffix (l, "Z"));
        }

      if (g_str_has_prefix (l, "DTSTAMP") || g_str_has_prefix (l, "CREATED") ||
          g_str_has_prefix (l, "LAST-MODIFIED"))
        g_assert_true (g_str_has_suffix (l, "Z"));
    }

  g_assert_cmpuint (n_checked, ==, 2 * G_N_ELEMENTS (public_expected));
}

static void
test_vtimezone_rules (void)
{
  g_autofree char *unfolded = evt_ical_unfold (fx.public_text);
  const char *paris = strstr (unfolded, "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n");
  const char *end;
  g_autofree char *block = NULL;

  g_assert_nonnull (paris);
  end = strstr (paris, "END:VTIMEZONE");
  g_assert_nonnull (end);
  block = g_strndup (paris, end - paris);

  /* The rules in force since 1996, open-ended, not libical's name for the zone. */
  g_assert_nonnull (strstr (block, "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"));
  g_assert_nonnull (strstr (block, "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"));
  g_assert_nonnull (strstr (block, "TZOFFSETTO:+0200\r\n"));
  g_assert_nonnull (strstr (block, "TZOFFSETTO:+0100\r\n"));
  g_assert_null (strstr (block, "UNTIL="));
  g_assert_null (strstr (unfolded, "freeassociation"));
}

static void
test_privacy (void)
{
  static const char * const secrets[] = {
    "interne@test", "Réunion interne", "NOTE-SECRETE", "NOTE-PRIVEE", "Réserver la salle",
    "X-EVENTAIL-NOTES", "X-EVENTAIL-BUDGET", "9876", "1500.00", "CLASS:PRIVATE", "Internal",
  };
  g_autofree char *unfolded = evt_ical_unfold (fx.public_text);
  g_autofree char *internal = evt_ical_unfold (fx.internal_text);

  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      if (strstr (fx.public_text, secrets[i]) != NULL || strstr (unfolded, secrets[i]) != NULL)
        g_error ("the public export holds “%s”", secrets[i]);
    }

  /* The internal file carries them, notes unharmed by escaping. */
  g_assert_nonnull (strstr (internal, "\r\nX-EVENTAIL-NOTES:NOTE-PRIVEE-456\\nRéserver la salle\\; "
                                      "prévoir café\r\n"));
  g_assert_nonnull (strstr (internal, "\r\nX-EVENTAIL-BUDGET:9876.54\r\n"));
  g_assert_nonnull (strstr (internal, "\r\nCLASS:PRIVATE\r\n"));

  /* A public export asked for internal events only holds none of them. */
  {
    g_autoptr(EvtQuery) query = evt_query_new ();
    g_autoptr(EvtExportOptions) options = test_options (EVT_ICAL_PRIVACY_PUBLIC);
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;
    guint n = 99;

    query->visibility = EVT_VISIBILITY_INTERNAL;
    text = evt_ical_export_store (fx.store, query, options, &n, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 0);
    g_assert_null (strstr (text, "BEGIN:VEVENT"));
    g_assert_null (strstr (text, "NOTE-SECRETE"));
  }
}

static void
test_x_properties (void)
{
  g_autofree char *unfolded = evt_ical_unfold (fx.public_text);

  g_assert_nonnull (strstr (unfolded, "\r\nX-EVENTAIL-STATUS:postponed\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-EVENTAIL-STATUS:held\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-EVENTAIL-STATUS-REASON:crise sanitaire\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-EVENTAIL-KIND:trade-show\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-EVENTAIL-SECTORS:health\\,aerospace\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-EVENTAIL-VENUE:Eurexpo\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-EVENTAIL-CITY:Lyon\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-EVENTAIL-COUNTRY:France\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-EVENTAIL-TIMEZONE:America/New_York\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-EVENTAIL-ORIGINAL-DATES:"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-EVENTAIL-DESCRIPTION:Micronora\\, salon des "
                                      "microtechniques.\r\n"));
  /* A DESCRIPTION with status lines says so, for importers: the description as
   * typed is X-EVENTAIL-DESCRIPTION, or nothing. */
  g_assert_nonnull (strstr (unfolded, "\r\nDESCRIPTION;X-EVENTAIL-COMPOSED=TRUE:Cancelled: "
                                      "crise sanitaire\\n\\nCongrès annuel.\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nDESCRIPTION:Ordre du jour en ligne.\r\n"));
}

/* ------------------------------------------------------------------------ */
/* Folding and writing, on their own                                         */

static void
test_fold (void)
{
  static const char * const pieces[] = { "é", "🎉", "—", "\\,", "a", "\\\\", "🕶️" };

  for (guint p = 0; p < G_N_ELEMENTS (pieces); p++)
    for (guint shift = 0; shift < 8; shift++)
      {
        g_autoptr(GString) line = g_string_new ("DESCRIPTION:");
        g_autofree char *folded = NULL;
        g_autofree char *unfolded = NULL;
        g_autofree char *expected = NULL;

        for (guint i = 0; i < shift; i++)
          g_string_append_c (line, 'x');
        for (guint i = 0; i < 90; i++)
          g_string_append (line, pieces[p]);

        folded = evt_ical_fold (line->str);
        g_assert_true (g_str_has_prefix (folded, "DESCRIPTION:"));
        {
          g_autoptr(GString) wrapped = g_string_new ("BEGIN:VCALENDAR\r\n");

          g_string_append (wrapped, folded);
          for (guint i = 0; i < 20; i++)
            g_string_append (wrapped, "X:padding\r\n");
          g_string_append (wrapped, "END:VCALENDAR\r\n");
          check_bytes (wrapped->str);
        }

        unfolded = evt_ical_unfold (folded);
        expected = g_strconcat (line->str, "\r\n", NULL);
        g_assert_cmpstr (unfolded, ==, expected);
      }

  /* Short lines are left alone; LF becomes CRLF. */
  {
    g_autofree char *folded = evt_ical_fold ("A:1\nB:2\r\n");
    g_assert_cmpstr (folded, ==, "A:1\r\nB:2\r\n");
  }
}

static void
test_escape (void)
{
  g_autofree char *a = evt_ical_escape_text ("a,b;c\\d\ne\r\nf\rg");
  g_autofree char *b = evt_ical_escape_text ("tab\there\001bell");

  g_assert_cmpstr (a, ==, "a\\,b\\;c\\\\d\\ne\\nf\\ng");
  g_assert_cmpstr (b, ==, "tab\there" "bell");
}

static void
test_write_atomic (void)
{
  g_autofree char *path = g_build_filename (fx.dir, "atomic", "feed.ics", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;
  const char *name;
  guint n = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("BEGIN:VCALENDAR\r\nX-N:%u\r\nEND:VCALENDAR\r\n", i);

      evt_ical_write_file (path, text, &error);
      g_assert_no_error (error);
    }

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "BEGIN:VCALENDAR\r\nX-N:2\r\nEND:VCALENDAR\r\n");

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  /* Nothing but the file: no temporary left behind. */
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_cmpstr (name, ==, "feed.ics");
      n++;
    }
  g_assert_cmpuint (n, ==, 1);

  /* A folder that does not exist: an error that names the problem. */
  {
    g_autofree char *bad = g_build_filename (fx.dir, "no", "such", "dir", "x.ics", NULL);

    g_assert_false (evt_ical_write_file (bad, "x", &error));
    g_assert_error (error, EVT_ICAL_ERROR, EVT_ICAL_ERROR_WRITE);
  }
}

static void
export_async_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (evt_ical_export_finish (EVT_STORE (source), result, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (public_expected));
  g_main_loop_quit (loop);
}

static void
test_export_async (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(EvtExportOptions) options = test_options (EVT_ICAL_PRIVACY_PUBLIC);
  g_autofree char *path = g_build_filename (fx.dir, "async.ics", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  evt_ical_export_async (fx.store, NULL, options, path, NULL, export_async_done, loop);
  g_main_loop_run (loop);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  /* Same events, same options, same DTSTAMP: the same bytes. */
  g_assert_cmpstr (contents, ==, fx.public_text);
}

/* Feeds are written in a worker thread while the window may export in another:
 * libical's zones and buffers must bear it. */
static gpointer
export_in_thread (gpointer data)
{
  g_autoptr(EvtExportOptions) options = test_options (EVT_ICAL_PRIVACY_PUBLIC);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GError) error = NULL;
      char *text = evt_ical_export_store (fx.store, NULL, options, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (texts, text);
    }

  return texts;
}

static void
test_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("export", export_in_thread, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(GPtrArray) texts = g_thread_join (threads[i]);

      for (guint j = 0; j < texts->len; j++)
        g_assert_cmpstr (g_ptr_array_index (texts, j), ==, fx.public_text);
    }
}

/* ------------------------------------------------------------------------ */

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

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }

  g_rmdir (path);
}

/* The staff taking part travel in internal files as ATTENDEE, never in public ones;
 * companies on the stand are not staff. */
static void
test_attendees (void)
{
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtPerson) person = evt_person_new ("Élodie Martin");
  g_autoptr(EvtOrganisation) company = evt_organisation_new ("Microtech SA");
  g_autoptr(EvtParticipation) staff = NULL;
  g_autoptr(EvtParticipation) exhibitor = NULL;
  g_autoptr(EvtQuery) query = evt_query_new ();
  g_autoptr(EvtExportOptions) internal = test_options (EVT_ICAL_PRIVACY_INTERNAL);
  g_autoptr(EvtExportOptions) public = test_options (EVT_ICAL_PRIVACY_PUBLIC);
  g_autoptr(GError) error = NULL;
  g_autofree char *internal_text = NULL;
  g_autofree char *public_text = NULL;
  g_autofree char *unfolded = NULL;
  g_autofree char *db = g_build_filename (fx.dir, "attendees.db", NULL);
  g_autoptr(EvtStore) store = evt_store_new (db);

  event = new_event ("staffed@test", "Salon des sous-traitants", EVT_KIND_TRADE_SHOW,
                     EVT_STATUS_CONFIRMED, "Europe/Paris", TRUE,
                     dt ("Europe/Paris", 2027, 3, 2, 0, 0), dt ("Europe/Paris", 2027, 3, 4, 0, 0));
  evt_store_open (store, NULL, &error);
  g_assert_no_error (error);
  evt_store_insert_event (store, event, &error);
  g_assert_no_error (error);
  evt_people_save_person (store, person, &error);
  g_assert_no_error (error);
  evt_people_save_organisation (store, company, &error);
  g_assert_no_error (error);

  staff = evt_participation_new (evt_event_get_id (event));
  evt_participation_set_person_id (staff, evt_person_get_id (person));
  evt_participation_set_role (staff, EVT_ROLE_STAFF);
  evt_participation_set_state (staff, EVT_PARTICIPATION_STATE_CONFIRMED);
  evt_people_save_participation (store, staff, NULL, &error);
  g_assert_no_error (error);

  exhibitor = evt_participation_new (evt_event_get_id (event));
  evt_participation_set_organisation_id (exhibitor, evt_organisation_get_id (company));
  evt_participation_set_role (exhibitor, EVT_ROLE_EXHIBITOR);
  evt_participation_set_state (exhibitor, EVT_PARTICIPATION_STATE_REGISTERED);
  evt_people_save_participation (store, exhibitor, NULL, &error);
  g_assert_no_error (error);

  evt_query_set_year (query, 2027);
  internal_text = evt_ical_export_store (store, query, internal, NULL, &error);
  g_assert_no_error (error);
  public_text = evt_ical_export_store (store, query, public, NULL, &error);
  g_assert_no_error (error);

  unfolded = evt_ical_unfold (internal_text);
  g_assert_nonnull (strstr (unfolded, "\r\nATTENDEE;CN=Élodie Martin;ROLE=REQ-PARTICIPANT;"
                                      "CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED:"
                                      "urn:x-eventail:participation:"));
  g_assert_null (strstr (unfolded, "Microtech"));
  g_assert_null (strstr (public_text, "ATTENDEE"));
  g_assert_null (strstr (public_text, "Martin"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  fx.dir = g_dir_make_tmp ("eventail-export-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fx.dir, "eventail.db", NULL);
  fx.store = evt_store_new (db);
  evt_store_open (fx.store, NULL, &error);
  g_assert_no_error (error);

  fill_store ();
  fx.public_path = export_to ("public.ics", EVT_ICAL_PRIVACY_PUBLIC,
                              EVT_ICAL_STATUS_INCLUDE, EVT_ICAL_STATUS_INCLUDE, &fx.public_text);
  fx.internal_path = export_to ("internal.ics", EVT_ICAL_PRIVACY_INTERNAL,
                                EVT_ICAL_STATUS_INCLUDE, EVT_ICAL_STATUS_INCLUDE,
                                &fx.internal_text);

  g_test_add_func ("/export/escape", test_escape);
  g_test_add_func ("/export/fold", test_fold);
  g_test_add_func ("/export/bytes", test_bytes);
  g_test_add_func ("/export/no-floating-times", test_no_floating_times);
  g_test_add_func ("/export/vtimezone-rules", test_vtimezone_rules);
  g_test_add_func ("/export/x-properties", test_x_properties);
  g_test_add_func ("/export/privacy", test_privacy);
  g_test_add_func ("/export/attendees", test_attendees);
  g_test_add_func ("/export/write-atomic", test_write_atomic);
  g_test_add_func ("/export/async", test_export_async);
  g_test_add_func ("/export/threads", test_threads);
  g_test_add_func ("/export/python-icalendar", test_python_reads_public);
  g_test_add_func ("/export/ical.js", test_icaljs_reads_public);
  g_test_add_func ("/export/internal-readers", test_readers_read_internal);
  g_test_add_func ("/export/status-policies", test_status_policies);

  ret = g_test_run ();

  g_clear_object (&fx.store);
  remove_tree (fx.dir);
  g_free (fx.dir);
  g_free (fx.public_path);
  g_free (fx.internal_path);
  g_free (fx.public_text);
  g_free (fx.internal_text);

  return ret;
}
