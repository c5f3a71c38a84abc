/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-roundtrip.c: export, import into an empty database, export again (suite conformance). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "evt-ical.h"
#include "evt-import.h"
#include "evt-store.h"

/*
 * Events with every field Eventail keeps are exported to a real file, imported
 * into a new database by the real importer, and exported again with the same
 * options: the two files must be the same bytes, and every event the same,
 * field by field. Internal files carry notes and budgets; public files, read
 * back, must bring neither internal events nor notes.
 *
 * An event without a description of its own whose DESCRIPTION holds status
 * lines ("Cancelled: …") or the internal part is marked X-EVENTAIL-COMPOSED=TRUE
 * (see evt-ical.h), which the importer must honour: /roundtrip/composed checks
 * it.
 */

typedef struct
{
  char     *dir;
  EvtStore *source;    /* every event has a description of its own */
  EvtStore *composed;  /* cancelled, postponed and internal events without one */
} Fixture;

static Fixture fx;

static GDateTime *
dt (const char *tzid,
    int         year,
    int         month,
    int         day,
    int         hour,
    int         minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static EvtStore *
new_store (const char *name)
{
  g_autofree char *path = g_build_filename (fx.dir, name, NULL);
  g_autoptr(GError) error = NULL;
  EvtStore *store = evt_store_new (path);

  evt_store_open (store, NULL, &error);
  g_assert_no_error (error);

  return store;
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

  evt_store_insert_event (fx.source, event, &error);
  g_assert_no_error (error);
}

static void
update (EvtEvent *event)
{
  g_autoptr(GError) error = NULL;

  evt_store_update_event (fx.source, event, &error);
  g_assert_no_error (error);
}

static void
postpone (EvtStore   *store,
          EvtEvent   *event,
          int         month,
          int         day)
{
  g_autoptr(GError) error = NULL;
  GDateTime *start = evt_event_get_start (event);
  GDateTime *end = evt_event_get_end (event);
  g_autoptr(GDateTime) ostart = g_date_time_ref (start);
  g_autoptr(GDateTime) oend = g_date_time_ref (end);
  g_autoptr(GDateTime) nstart = g_date_time_add_months (start, month);
  g_autoptr(GDateTime) nend = g_date_time_add_months (end, month);

  evt_event_set_status (event, EVT_STATUS_POSTPONED);
  evt_event_set_status_reason (event, "crise sanitaire");
  evt_event_set_original_dates (event, ostart, oend);
  if (day != 0)
    evt_event_set_dates (event, evt_event_get_all_day (event), nstart, nend);
  evt_store_update_event (store, event, &error);
  g_assert_no_error (error);
}

static void
fill_source (void)
{
  const char * const health_aero[] = { "health", "aerospace", NULL };
  const char * const micro[] = { "microtechnology", NULL };
  g_autoptr(EvtEvent) show = NULL;
  g_autoptr(EvtEvent) webinar = NULL;
  g_autoptr(EvtEvent) winter = NULL;
  g_autoptr(EvtEvent) cancelled = NULL;
  g_autoptr(EvtEvent) postponed = NULL;
  g_autoptr(EvtEvent) tba = NULL;
  g_autoptr(EvtEvent) internal = NULL;
  g_autoptr(EvtEvent) abroad = NULL;
  g_autoptr(EvtEvent) tentative = NULL;

  show = new_event ("show@roundtrip", "Salon, Lyon; 2021 \\ test", EVT_KIND_TRADE_SHOW,
                    EVT_STATUS_CONFIRMED, "Europe/Paris", TRUE,
                    dt ("Europe/Paris", 2021, 3, 16, 0, 0), dt ("Europe/Paris", 2021, 3, 18, 0, 0));
  evt_event_set_sectors (show, health_aero);
  evt_event_set_venue (show, "Eurexpo, hall 6");
  evt_event_set_city (show, "Lyon");
  evt_event_set_country (show, "France");
  evt_event_set_organiser (show, "GL events; Lyon");
  evt_event_set_partners (show, "Vallée de la santé, Pôle µTech");
  evt_event_set_url (show, "https://example.org/salon?a=1,b=2;c");
  evt_event_set_description (show, "Ligne 1\nLigne 2, avec; tout \\ ça\n\nFin 🎉");
  evt_event_set_notes (show, "Stand B12\nRéserver l’hôtel; 3 nuits");
  evt_event_set_budget_cents (show, 1250050);
  evt_event_set_series (show, "global-industrie");
  insert (show);

  webinar = new_event ("webinar@roundtrip", "Webinaire d’été", EVT_KIND_WEBINAR,
                       EVT_STATUS_TENTATIVE, "Europe/Paris", FALSE,
                       dt ("Europe/Paris", 2021, 7, 16, 9, 0),
                       dt ("Europe/Paris", 2021, 7, 16, 10, 30));
  evt_event_set_description (webinar,
                             "Une très longue description, pleine d’accents : éèêëàâäîïôöùûüç "
                             "ÉÈÊËÀÂÄÎÏÔÖÙÛÜÇ œ æ « guillemets » — et des emoji 🚀🏭🤖🎉, "
                             "pour que le pliage des lignes à 75 octets soit mis à l’épreuve.");
  insert (webinar);

  winter = new_event ("winter@roundtrip", "Journée technique", EVT_KIND_TECHNICAL_DAY,
                      EVT_STATUS_HELD, "Europe/Paris", FALSE,
                      dt ("Europe/Paris", 2022, 1, 20, 14, 0),
                      dt ("Europe/Paris", 2022, 1, 20, 17, 30));
  evt_event_set_sectors (winter, micro);
  evt_event_set_status_reason (winter, "120 participants");
  insert (winter);

  cancelled = new_event ("cancelled@roundtrip", "Congrès", EVT_KIND_CONGRESS,
                         EVT_STATUS_CANCELLED, "Europe/Paris", TRUE,
                         dt ("Europe/Paris", 2021, 4, 6, 0, 0),
                         dt ("Europe/Paris", 2021, 4, 8, 0, 0));
  evt_event_set_status_reason (cancelled, "crise sanitaire");
  evt_event_set_description (cancelled, "Congrès annuel.");
  insert (cancelled);

  /* Planned, then postponed to new dates: SEQUENCE 1, original dates kept. */
  postponed = new_event ("postponed@roundtrip", "Micronora", EVT_KIND_TRADE_SHOW,
                         EVT_STATUS_CONFIRMED, "Europe/Paris", TRUE,
                         dt ("Europe/Paris", 2021, 3, 16, 0, 0),
                         dt ("Europe/Paris", 2021, 3, 19, 0, 0));
  insert (postponed);
  {
    g_autoptr(GDateTime) ostart = dt ("Europe/Paris", 2021, 3, 16, 0, 0);
    g_autoptr(GDateTime) oend = dt ("Europe/Paris", 2021, 3, 19, 0, 0);
    g_autoptr(GDateTime) nstart = dt ("Europe/Paris", 2021, 9, 14, 0, 0);
    g_autoptr(GDateTime) nend = dt ("Europe/Paris", 2021, 9, 17, 0, 0);

    evt_event_set_status (postponed, EVT_STATUS_POSTPONED);
    evt_event_set_status_reason (postponed, "crise sanitaire");
    evt_event_set_description (postponed, "Salon des microtechniques.");
    evt_event_set_original_dates (postponed, ostart, oend);
    evt_event_set_dates (postponed, TRUE, nstart, nend);
    update (postponed);
  }

  /* Postponed, new dates not known yet: still on its original dates. */
  tba = new_event ("tba@roundtrip", "Rencontres", EVT_KIND_BUSINESS_CONVENTION,
                   EVT_STATUS_CONFIRMED, "Europe/Paris", FALSE,
                   dt ("Europe/Paris", 2021, 5, 4, 9, 0), dt ("Europe/Paris", 2021, 5, 4, 18, 0));
  insert (tba);
  {
    g_autoptr(GDateTime) ostart = dt ("Europe/Paris", 2021, 5, 4, 9, 0);
    g_autoptr(GDateTime) oend = dt ("Europe/Paris", 2021, 5, 4, 18, 0);

    evt_event_set_status (tba, EVT_STATUS_POSTPONED);
    evt_event_set_description (tba, "Rencontres d’affaires.");
    evt_event_set_original_dates (tba, ostart, oend);
    update (tba);
  }

  internal = new_event ("internal@roundtrip", "Comité de pilotage", EVT_KIND_MEETING,
                        EVT_STATUS_CONFIRMED, "Europe/Paris", FALSE,
                        dt ("Europe/Paris", 2021, 11, 30, 10, 0),
                        dt ("Europe/Paris", 2021, 11, 30, 12, 0));
  evt_event_set_visibility (internal, EVT_VISIBILITY_INTERNAL);
  evt_event_set_notes (internal, "Ordre du jour confidentiel");
  evt_event_set_description (internal, "Comité trimestriel.");
  evt_event_set_budget_cents (internal, 0);
  insert (internal);

  abroad = new_event ("abroad@roundtrip", "Mission à New York", EVT_KIND_ROAD_SHOW,
                      EVT_STATUS_CONFIRMED, "America/New_York", FALSE,
                      dt ("America/New_York", 2021, 11, 10, 9, 0),
                      dt ("America/New_York", 2021, 11, 12, 17, 0));
  evt_event_set_city (abroad, "New York");
  evt_event_set_country (abroad, "États-Unis");
  insert (abroad);

  tentative = new_event ("tentative@roundtrip", "Visite d’entreprise", EVT_KIND_COMPANY_VISIT,
                         EVT_STATUS_TENTATIVE, "Europe/Paris", TRUE,
                         dt ("Europe/Paris", 2022, 2, 1, 0, 0),
                         dt ("Europe/Paris", 2022, 2, 1, 0, 0));
  insert (tentative);

  /* Two occurrences of a recurring event, as an import leaves them: one uid,
   * told apart by their RECURRENCE-ID (no master in the file). */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(EvtEvent) occurrence = NULL;
      g_autofree char *rid = g_strdup_printf ("2021-10-%02uT08:00:00Z", 5 + 7 * i);

      occurrence = new_event ("weekly@roundtrip", "Point hebdomadaire", EVT_KIND_MEETING,
                              EVT_STATUS_CONFIRMED, "Europe/Paris", FALSE,
                              dt ("Europe/Paris", 2021, 10, 5 + 7 * i, 10, 0),
                              dt ("Europe/Paris", 2021, 10, 5 + 7 * i, 11, 0));
      evt_event_set_recurrence_id (occurrence, rid);
      insert (occurrence);
    }
}

/* Events whose DESCRIPTION is only status lines or the internal part. */
static void
fill_composed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtEvent) cancelled = NULL;
  g_autoptr(EvtEvent) postponed = NULL;
  g_autoptr(EvtEvent) tba = NULL;
  g_autoptr(EvtEvent) internal = NULL;

  cancelled = new_event ("bare-cancelled@roundtrip", "Congrès", EVT_KIND_CONGRESS,
                         EVT_STATUS_CANCELLED, "Europe/Paris", TRUE,
                         dt ("Europe/Paris", 2021, 4, 6, 0, 0),
                         dt ("Europe/Paris", 2021, 4, 8, 0, 0));
  evt_event_set_status_reason (cancelled, "crise sanitaire");
  evt_store_insert_event (fx.composed, cancelled, &error);
  g_assert_no_error (error);

  postponed = new_event ("bare-postponed@roundtrip", "Micronora", EVT_KIND_TRADE_SHOW,
                         EVT_STATUS_CONFIRMED, "Europe/Paris", TRUE,
                         dt ("Europe/Paris", 2021, 3, 16, 0, 0),
                         dt ("Europe/Paris", 2021, 3, 19, 0, 0));
  evt_store_insert_event (fx.composed, postponed, &error);
  g_assert_no_error (error);
  postpone (fx.composed, postponed, 6, 14);

  tba = new_event ("bare-tba@roundtrip", "Rencontres", EVT_KIND_BUSINESS_CONVENTION,
                   EVT_STATUS_CONFIRMED, "Europe/Paris", FALSE,
                   dt ("Europe/Paris", 2021, 5, 4, 9, 0), dt ("Europe/Paris", 2021, 5, 4, 18, 0));
  evt_store_insert_event (fx.composed, tba, &error);
  g_assert_no_error (error);
  postpone (fx.composed, tba, 0, 0);

  internal = new_event ("bare-internal@roundtrip", "Comité", EVT_KIND_MEETING,
                        EVT_STATUS_CONFIRMED, "Europe/Paris", FALSE,
                        dt ("Europe/Paris", 2021, 11, 30, 10, 0),
                        dt ("Europe/Paris", 2021, 11, 30, 12, 0));
  evt_event_set_visibility (internal, EVT_VISIBILITY_INTERNAL);
  evt_event_set_notes (internal, "Ordre du jour confidentiel");
  evt_event_set_budget_cents (internal, 50000);
  evt_store_insert_event (fx.composed, internal, &error);
  g_assert_no_error (error);
}

static EvtExportOptions *
options_for (EvtIcalPrivacy      privacy,
             EvtIcalStatusPolicy policy)
{
  EvtExportOptions *options = evt_export_options_new ();

  options->name = g_strdup ("Aller-retour");
  options->privacy = privacy;
  options->cancelled = policy;
  options->postponed = policy;
  options->now = g_date_time_new_utc (2024, 5, 1, 12, 0, 0);

  return options;
}

static char *
export_store (EvtStore               *store,
              const EvtExportOptions *options,
              const char             *name,
              char                  **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx.dir, name, NULL);
  char *contents;

  contents = evt_ical_export_store (store, NULL, options, NULL, &error);
  g_assert_no_error (error);
  evt_ical_write_file (path, contents, &error);
  g_assert_no_error (error);

  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);

  return contents;
}

static void
import_file (EvtStore   *store,
             const char *path,
             guint       expected)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EvtImportOptions) options = evt_import_options_new ();
  g_autoptr(EvtImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Occurrences of recurring events are not at stake here: a wide range. */
  g_date_set_dmy (&options->from, 1, 1, 2000);
  g_date_set_dmy (&options->to, 31, 12, 2040);

  result = evt_import_file (store, file, options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  for (guint i = 0; i < result->messages->len; i++)
    {
      g_autofree char *message =
        evt_import_result_format_message (result, g_ptr_array_index (result->messages, i));

      g_test_message ("import: %s", message);
    }

  g_assert_cmpuint (result->n_imported, ==, expected);
  g_assert_cmpuint (result->n_skipped, ==, 0);
}

static void
assert_same_event (EvtEvent *a,
                   EvtEvent *b,
                   gboolean  internal)
{
  g_test_message ("comparing %s", evt_event_get_uid (a));

  g_assert_cmpstr (evt_event_get_uid (b), ==, evt_event_get_uid (a));
  g_assert_cmpstr (evt_event_get_title (b), ==, evt_event_get_title (a));
  g_assert_cmpint (evt_event_get_kind (b), ==, evt_event_get_kind (a));
  g_assert_cmpint (evt_event_get_status (b), ==, evt_event_get_status (a));
  g_assert_cmpstr (evt_event_get_status_reason (b), ==, evt_event_get_status_reason (a));
  g_assert_cmpint (evt_event_get_all_day (b), ==, evt_event_get_all_day (a));
  g_assert_true (g_date_time_equal (evt_event_get_start (b), evt_event_get_start (a)));
  g_assert_true (g_date_time_equal (evt_event_get_end (b), evt_event_get_end (a)));
  g_assert_cmpstr (evt_event_get_timezone (b), ==, evt_event_get_timezone (a));
  {
    g_autofree char *ra = evt_event_format_original_range_iso (a);
    g_autofree char *rb = evt_event_format_original_range_iso (b);

    g_assert_cmpstr (rb, ==, ra);
  }
  g_assert_cmpstr (evt_event_get_venue (b), ==, evt_event_get_venue (a));
  g_assert_cmpstr (evt_event_get_city (b), ==, evt_event_get_city (a));
  g_assert_cmpstr (evt_event_get_country (b), ==, evt_event_get_country (a));
  g_assert_cmpstr (evt_event_get_organiser (b), ==, evt_event_get_organiser (a));
  g_assert_cmpstr (evt_event_get_partners (b), ==, evt_event_get_partners (a));
  g_assert_cmpstrv (evt_event_get_sectors (b), evt_event_get_sectors (a));
  g_assert_cmpstr (evt_event_get_url (b), ==, evt_event_get_url (a));
  g_assert_cmpstr (evt_event_get_description (b), ==, evt_event_get_description (a));
  g_assert_cmpint (evt_event_get_visibility (b), ==, evt_event_get_visibility (a));
  g_assert_cmpint (evt_event_get_sequence (b), ==, evt_event_get_sequence (a));
  g_assert_cmpstr (evt_event_get_series (b), ==, evt_event_get_series (a));
  g_assert_cmpstr (evt_event_get_recurrence_id (b), ==, evt_event_get_recurrence_id (a));
  g_assert_true (evt_event_is_date_tba (b) == evt_event_is_date_tba (a));
  g_assert_true (evt_event_publish_equal (a, b));

  if (internal)
    {
      g_assert_cmpstr (evt_event_get_notes (b), ==, evt_event_get_notes (a));
      g_assert_cmpint (evt_event_get_budget_cents (b), ==, evt_event_get_budget_cents (a));
    }
  else
    {
      g_assert_null (evt_event_get_notes (b));
      g_assert_cmpint (evt_event_get_budget_cents (b), ==, -1);
    }
}

static void
round_trip (EvtStore           *source,
            EvtIcalPrivacy      privacy,
            EvtIcalStatusPolicy policy,
            const char         *name)
{
  g_autoptr(EvtExportOptions) options = options_for (privacy, policy);
  g_autofree char *first_name = g_strconcat (name, "-1.ics", NULL);
  g_autofree char *second_name = g_strconcat (name, "-2.ics", NULL);
  g_autofree char *db_name = g_strconcat (name, ".db", NULL);
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(EvtStore) copy = new_store (db_name);
  g_autoptr(EvtQuery) query = evt_query_new ();
  g_autoptr(GPtrArray) originals = NULL;
  g_autoptr(GError) error = NULL;
  gboolean internal = privacy == EVT_ICAL_PRIVACY_INTERNAL;

  if (!internal)
    query->visibility = EVT_VISIBILITY_PUBLIC;
  originals = evt_store_query (source, query, &error);
  g_assert_no_error (error);

  first = export_store (source, options, first_name, &path);
  import_file (copy, path, originals->len);
  g_assert_cmpint (evt_store_count_events (copy, &error), ==, originals->len);

  second = export_store (copy, options, second_name, NULL);

  /* The same bytes: nothing was lost or changed on the way. */
  if (g_strcmp0 (first, second) != 0)
    {
      g_auto(GStrv) a = g_strsplit (first, "\r\n", -1);
      g_auto(GStrv) b = g_strsplit (second, "\r\n", -1);

      for (guint i = 0; a[i] != NULL && b[i] != NULL; i++)
        {
          if (g_strcmp0 (a[i], b[i]) != 0)
            g_error ("line %u differs after the round trip:\n  %s\n  %s", i + 1, a[i], b[i]);
        }
      g_error ("the second export has %u lines, the first %u", g_strv_length (b),
               g_strv_length (a));
    }

  for (guint i = 0; i < originals->len; i++)
    {
      EvtEvent *original = g_ptr_array_index (originals, i);
      const char *uid = evt_event_get_uid (original);
      const char *rid = evt_event_get_recurrence_id (original);
      g_autoptr(EvtEvent) imported = evt_store_get_occurrence (copy, uid, rid, &error);

      g_assert_no_error (error);
      assert_same_event (original, imported, internal);
    }
}

static void
test_internal_include (void)
{
  round_trip (fx.source, EVT_ICAL_PRIVACY_INTERNAL, EVT_ICAL_STATUS_INCLUDE, "internal-include");
}

static void
test_internal_prefix (void)
{
  /* "[CANCELLED] " titles and TENTATIVE statuses come back as they were. */
  round_trip (fx.source, EVT_ICAL_PRIVACY_INTERNAL, EVT_ICAL_STATUS_PREFIX, "internal-prefix");
}

static void
test_public (void)
{
  round_trip (fx.source, EVT_ICAL_PRIVACY_PUBLIC, EVT_ICAL_STATUS_INCLUDE, "public");
}

/* DESCRIPTION;X-EVENTAIL-COMPOSED=TRUE without X-EVENTAIL-DESCRIPTION: no description. */
static void
test_composed (void)
{
  g_autoptr(EvtExportOptions) options = options_for (EVT_ICAL_PRIVACY_INTERNAL,
                                                     EVT_ICAL_STATUS_INCLUDE);
  g_autoptr(EvtStore) probe = new_store ("composed-probe.db");
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = export_store (fx.composed, options, "composed-probe.ics", &path);

  g_assert_nonnull (strstr (text,
                            "DESCRIPTION;X-EVENTAIL-COMPOSED=TRUE:Cancelled: crise sanitaire"));
  g_assert_null (strstr (text, "X-EVENTAIL-DESCRIPTION"));

  import_file (probe, path, 4);
  imported = evt_store_query (probe, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < imported->len; i++)
    {
      EvtEvent *event = g_ptr_array_index (imported, i);

      /* The status lines are not the event's description. */
      g_assert_null (evt_event_get_description (event));
    }

  round_trip (fx.composed, EVT_ICAL_PRIVACY_INTERNAL, EVT_ICAL_STATUS_INCLUDE, "composed");
  round_trip (fx.composed, EVT_ICAL_PRIVACY_PUBLIC, EVT_ICAL_STATUS_PREFIX, "composed-public");
}

/* Importing the same export again changes nothing. */
static void
test_reimport (void)
{
  g_autoptr(EvtExportOptions) options = options_for (EVT_ICAL_PRIVACY_INTERNAL,
                                                     EVT_ICAL_STATUS_INCLUDE);
  g_autoptr(EvtStore) copy = new_store ("reimport.db");
  g_autoptr(EvtImportOptions) import_options = evt_import_options_new ();
  g_autoptr(EvtImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *first = export_store (fx.source, options, "reimport.ics", &path);
  g_autofree char *again = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 n;

  n = evt_store_count_events (fx.source, &error);
  g_assert_no_error (error);
  import_file (copy, path, (guint) n);

  result = evt_import_file (copy, file, import_options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_imported, ==, 0);
  g_assert_cmpuint (result->n_updated, ==, 0);
  g_assert_cmpuint (result->n_unchanged, ==, (guint) n);

  again = export_store (copy, options, "reimport-2.ics", NULL);
  g_assert_cmpstr (again, ==, first);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }

  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  fx.dir = g_dir_make_tmp ("eventail-roundtrip-XXXXXX", &error);
  g_assert_no_error (error);
  fx.source = new_store ("source.db");
  fill_source ();
  fx.composed = new_store ("composed-source.db");
  fill_composed ();

  g_test_add_func ("/roundtrip/internal", test_internal_include);
  g_test_add_func ("/roundtrip/internal-prefixed", test_internal_prefix);
  g_test_add_func ("/roundtrip/public", test_public);
  g_test_add_func ("/roundtrip/reimport", test_reimport);
  g_test_add_func ("/roundtrip/composed", test_composed);

  ret = g_test_run ();

  g_clear_object (&fx.source);
  g_clear_object (&fx.composed);
  remove_tree (fx.dir);
  g_free (fx.dir);

  return ret;
}
