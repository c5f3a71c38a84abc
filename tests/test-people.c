/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-people.c: organisations, people, participations, outcomes and the member list
 * import, on real SQLite files in temporary folders (suite core). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "evt-csv.h"
#include "evt-date.h"
#include "evt-demo.h"
#include "evt-enum-types.h"
#include "evt-money.h"
#include "evt-people.h"

typedef struct
{
  char     *dir;
  char     *path;
  EvtStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("eventail-people-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "eventail.db", NULL);
  f->store = evt_store_new (f->path);
  g_assert_true (evt_store_open (f->store, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static EvtEvent *
insert_event (EvtStore   *store,
              const char *title,
              const char *dates)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtEvent) event = evt_event_new ();
  gboolean all_day;

  g_assert_true (evt_date_range_parse (dates, tz, &all_day, &start, &end, &error));
  evt_event_set_title (event, title);
  evt_event_set_kind (event, EVT_KIND_TRADE_SHOW);
  evt_event_set_status (event, EVT_STATUS_CONFIRMED);
  evt_event_set_dates (event, all_day, start, end);
  g_assert_true (evt_store_insert_event (store, event, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&event);
}

static EvtOrganisation *
add_org (EvtStore   *store,
         const char *name,
         gboolean    member)
{
  g_autoptr(EvtOrganisation) org = evt_organisation_new (name);
  g_autoptr(GError) error = NULL;

  evt_organisation_set_member (org, member);
  g_assert_true (evt_people_save_organisation (store, org, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evt_organisation_get_id (org), >, 0);
  return g_steal_pointer (&org);
}

static EvtPerson *
add_person (EvtStore        *store,
            const char      *name,
            EvtOrganisation *org)
{
  g_autoptr(EvtPerson) person = evt_person_new (name);
  g_autoptr(GError) error = NULL;

  if (org != NULL)
    evt_person_set_organisation_id (person, evt_organisation_get_id (org));
  g_assert_true (evt_people_save_person (store, person, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&person);
}

static EvtParticipation *
participate (EvtStore              *store,
             EvtEvent              *event,
             EvtOrganisation       *org,
             EvtPerson             *person,
             EvtRole                role,
             EvtParticipationState  state,
             gboolean               expect_added)
{
  g_autoptr(EvtParticipation) part = evt_participation_new (evt_event_get_id (event));
  g_autoptr(GError) error = NULL;
  gboolean added = !expect_added;

  if (org != NULL)
    evt_participation_set_organisation_id (part, evt_organisation_get_id (org));
  if (person != NULL)
    evt_participation_set_person_id (part, evt_person_get_id (person));
  evt_participation_set_role (part, role);
  evt_participation_set_state (part, state);
  g_assert_true (evt_people_save_participation (store, part, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpint (added, ==, expect_added);
  return g_steal_pointer (&part);
}

static gint64
sql_count (Fixture    *f,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* --- Vocabularies and names ------------------------------------------------------- */

static void
check_nicks (GType              type,
             guint              n_values,
             const char * const *ids,
             const char       *(*to_string) (int))
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  g_assert_cmpuint (klass->n_values, ==, n_values);
  for (guint i = 0; i < n_values; i++)
    {
      /* The generated GType and the static tables agree on the stable ids. */
      g_assert_cmpstr (g_enum_get_value (klass, i)->value_nick, ==, ids[i]);
      g_assert_cmpstr (to_string (i), ==, ids[i]);
    }
}

static void
test_vocabularies (void)
{
  static const char * const kinds[] = { "company", "partner", "lab", "school", "institution" };
  static const char * const roles[] = { "staff", "exhibitor", "co-exhibitor", "speaker",
                                        "visitor", "co-organiser" };
  static const char * const states[] = { "invited", "registered", "confirmed", "attended",
                                         "no-show", "cancelled" };
  static const char * const leads[] = { "open", "won", "lost" };
  static const char * const costs[] = { "stand", "travel", "accommodation", "communication",
                                        "other" };
  EvtRole role;
  EvtParticipationState state;
  EvtCostCategory category;

  check_nicks (EVT_TYPE_ORGANISATION_KIND, G_N_ELEMENTS (kinds), kinds,
               (const char *(*) (int)) evt_organisation_kind_to_string);
  check_nicks (EVT_TYPE_ROLE, G_N_ELEMENTS (roles), roles,
               (const char *(*) (int)) evt_role_to_string);
  check_nicks (EVT_TYPE_PARTICIPATION_STATE, G_N_ELEMENTS (states), states,
               (const char *(*) (int)) evt_participation_state_to_string);
  check_nicks (EVT_TYPE_LEAD_STATE, G_N_ELEMENTS (leads), leads,
               (const char *(*) (int)) evt_lead_state_to_string);
  check_nicks (EVT_TYPE_COST_CATEGORY, G_N_ELEMENTS (costs), costs,
               (const char *(*) (int)) evt_cost_category_to_string);

  g_assert_true (evt_role_from_string ("Co_Exhibitor", &role));
  g_assert_cmpint (role, ==, EVT_ROLE_CO_EXHIBITOR);
  g_assert_true (evt_participation_state_from_string ("NO-SHOW", &state));
  g_assert_cmpint (state, ==, EVT_PARTICIPATION_STATE_NO_SHOW);
  g_assert_true (evt_cost_category_from_string ("accommodation", &category));
  g_assert_cmpint (category, ==, EVT_COST_ACCOMMODATION);
  g_assert_false (evt_role_from_string ("exposant", &role));
  g_assert_false (evt_role_from_string ("", &role));
  g_assert_false (evt_participation_state_from_string (NULL, &state));
  g_assert_false (evt_cost_category_from_string ("hotel", &category));

  g_assert_cmpstr (evt_participation_state_to_partstat (EVT_PARTICIPATION_STATE_INVITED), ==,
                   "NEEDS-ACTION");
  g_assert_cmpstr (evt_participation_state_to_partstat (EVT_PARTICIPATION_STATE_CONFIRMED), ==,
                   "ACCEPTED");
  g_assert_cmpstr (evt_participation_state_to_partstat (EVT_PARTICIPATION_STATE_CANCELLED), ==,
                   "DECLINED");
}

static void
test_normalise (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Société Générale", "societe generale" },
    { "  SOCIÉTÉ   générale. ", "societe generale" },
    { "L’Oréal", "l oreal" },
    { "L'OREAL", "l oreal" },
    { "Cœur-Médical SAS", "coeur medical sas" },
    { "Ætna & Søn", "aetna son" },
    { "Straße", "strasse" },
    { "ＦＥＭＴＯ－ＳＴ", "femto st" },
    { "3M", "3m" },
    { "—", "" },
    { NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalised = evt_normalise_name (cases[i].in);

      g_assert_cmpstr (normalised, ==, cases[i].out);
    }
}

/* --- Organisations and people ---------------------------------------------------------- */

static void
test_organisations (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(EvtOrganisation) biotech = add_org (f->store, "Biotech Franche-Comté", TRUE);
  g_autoptr(EvtOrganisation) femto = add_org (f->store, "FEMTO-ST", FALSE);
  g_autoptr(EvtOrganisation) dup = evt_organisation_new ("BIOTECH  franche comte");
  g_autoptr(EvtOrganisation) bad = evt_organisation_new ("Bad");
  g_autoptr(EvtOrganisation) found = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) search = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;

  /* The same name, spelt otherwise, is refused: that is how duplicates are kept out. */
  g_assert_false (evt_people_save_organisation (f->store, dup, &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "Biotech Franche-Comté"));
  g_clear_error (&error);
  g_assert_cmpint (evt_organisation_get_id (dup), ==, 0);

  evt_organisation_set_sector (bad, "textile");
  g_assert_false (evt_people_save_organisation (f->store, bad, &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Sector"));
  g_clear_error (&error);
  evt_organisation_set_sector (bad, NULL);
  evt_organisation_set_email (bad, "not an address");
  g_assert_false (evt_people_save_organisation (f->store, bad, &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID);
  g_clear_error (&error);
  evt_organisation_set_email (bad, NULL);
  evt_organisation_set_name (bad, " ... ");
  g_assert_false (evt_people_save_organisation (f->store, bad, &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID);
  g_clear_error (&error);

  /* Every field goes in and comes back. */
  evt_organisation_set_kind (femto, EVT_ORGANISATION_KIND_LAB);
  evt_organisation_set_sector (femto, "microtechnology");
  evt_organisation_set_city (femto, "Besançon");
  evt_organisation_set_email (femto, "contact@femto-st.fr");
  evt_organisation_set_phone (femto, "+33 3 81 00 00 00");
  evt_organisation_set_notes (femto, "Temps-fréquence");
  g_assert_true (evt_people_save_organisation (f->store, femto, &error));
  g_assert_no_error (error);

  found = evt_people_get_organisation (f->store, evt_organisation_get_id (femto), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evt_organisation_get_name (found), ==, "FEMTO-ST");
  g_assert_cmpint (evt_organisation_get_kind (found), ==, EVT_ORGANISATION_KIND_LAB);
  g_assert_false (evt_organisation_get_member (found));
  g_assert_cmpstr (evt_organisation_get_sector (found), ==, "microtechnology");
  g_assert_cmpstr (evt_organisation_get_city (found), ==, "Besançon");
  g_assert_cmpstr (evt_organisation_get_email (found), ==, "contact@femto-st.fr");
  g_assert_cmpstr (evt_organisation_get_phone (found), ==, "+33 3 81 00 00 00");
  g_assert_cmpstr (evt_organisation_get_notes (found), ==, "Temps-fréquence");
  g_clear_object (&found);

  /* Lookups as people type them: id, or name whatever the case and accents. */
  found = evt_people_lookup_organisation (f->store, "biotech franche comte", &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_organisation_get_id (found), ==, evt_organisation_get_id (biotech));
  g_clear_object (&found);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, evt_organisation_get_id (femto));
  found = evt_people_lookup_organisation (f->store, id_text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evt_organisation_get_name (found), ==, "FEMTO-ST");
  g_clear_object (&found);

  /* A near miss suggests the close names. */
  g_assert_null (evt_people_lookup_organisation (f->store, "Biotech", &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "did you mean “Biotech Franche-Comté”"));
  g_clear_error (&error);
  g_assert_null (evt_people_lookup_organisation (f->store, "Zzz", &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND);
  g_assert_null (strstr (error->message, "did you mean"));
  g_clear_error (&error);

  all = evt_people_list_organisations (f->store, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (evt_organisation_get_name (g_ptr_array_index (all, 0)), ==,
                   "Biotech Franche-Comté");
  members = evt_people_list_organisations (f->store, NULL, TRUE, &error);
  g_assert_cmpuint (members->len, ==, 1);
  search = evt_people_list_organisations (f->store, "FRANCHE-COMTÉ", FALSE, &error);
  g_assert_cmpuint (search->len, ==, 1);
  g_clear_pointer (&search, g_ptr_array_unref);
  search = evt_people_list_organisations (f->store, "femto", TRUE, &error);
  g_assert_cmpuint (search->len, ==, 0);

  /* Deleting a sector leaves its organisations without sector. */
  g_assert_true (evt_store_remove_sector (f->store, "microtechnology", &error));
  g_assert_no_error (error);
  found = evt_people_get_organisation (f->store, evt_organisation_get_id (femto), &error);
  g_assert_null (evt_organisation_get_sector (found));
  g_clear_object (&found);

  g_assert_true (evt_people_delete_organisation (f->store, evt_organisation_get_id (femto),
                                                 &error));
  g_assert_no_error (error);
  g_assert_null (evt_people_get_organisation (f->store, evt_organisation_get_id (femto),
                                              &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND);
}

static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(EvtOrganisation) thales = add_org (f->store, "Thales", TRUE);
  g_autoptr(EvtOrganisation) airbus = add_org (f->store, "Airbus", TRUE);
  g_autoptr(EvtPerson) marie1 = add_person (f->store, "Marie Martin", thales);
  g_autoptr(EvtPerson) marie2 = add_person (f->store, "MARIE MARTIN", airbus);
  g_autoptr(EvtPerson) staff = add_person (f->store, "Léa Robert", NULL);
  g_autoptr(EvtPerson) found = NULL;
  g_autoptr(EvtPerson) bad = evt_person_new ("X");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (evt_person_get_organisation_name (marie1), ==, "Thales");
  g_assert_null (evt_person_get_organisation_name (staff));

  /* Two people may share a name; looking one up then needs more. */
  g_assert_null (evt_people_lookup_person (f->store, "Marie Martin", 0, &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "Thales"));
  g_assert_nonnull (strstr (error->message, "Airbus"));
  g_clear_error (&error);

  found = evt_people_lookup_person (f->store, "marie martin",
                                    evt_organisation_get_id (airbus), &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_person_get_id (found), ==, evt_person_get_id (marie2));
  g_clear_object (&found);

  found = evt_people_lookup_person (f->store, "lea robert", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_person_get_id (found), ==, evt_person_get_id (staff));
  g_clear_object (&found);

  g_assert_null (evt_people_lookup_person (f->store, "Léa", 0, &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Léa Robert"));
  g_clear_error (&error);

  evt_person_set_organisation_id (bad, 9999);
  g_assert_false (evt_people_save_person (f->store, bad, &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = evt_people_list_people (f->store, "martin", 0, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = evt_people_list_people (f->store, NULL, evt_organisation_get_id (thales), &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Deleting an organisation keeps its people, without organisation. */
  g_assert_true (evt_people_delete_organisation (f->store, evt_organisation_get_id (thales),
                                                 &error));
  found = evt_people_get_person (f->store, evt_person_get_id (marie1), &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_person_get_organisation_id (found), ==, 0);
}

/* --- Participations ------------------------------------------------------------------- */

static void
test_participations (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(EvtEvent) show = insert_event (f->store, "Micronora", "2022-09-27..2022-09-30");
  g_autoptr(EvtEvent) other = insert_event (f->store, "Medtec", "2022-04-05..2022-04-06");
  g_autoptr(EvtOrganisation) member = add_org (f->store, "Biotech Franche-Comté", TRUE);
  g_autoptr(EvtOrganisation) partner = add_org (f->store, "CCI", FALSE);
  g_autoptr(EvtPerson) lea = add_person (f->store, "Léa Robert", NULL);
  g_autoptr(EvtPerson) paul = add_person (f->store, "Paul Girard", NULL);
  g_autoptr(EvtPerson) marie = add_person (f->store, "Marie Dupont", member);
  g_autoptr(EvtParticipation) p = NULL;
  g_autoptr(EvtParticipation) again = NULL;
  g_autoptr(EvtParticipation) found = NULL;
  g_autoptr(EvtParticipation) orphan = evt_participation_new (evt_event_get_id (show));
  g_autoptr(EvtParticipation) lost = evt_participation_new (424242);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) year = NULL;
  g_autoptr(GHashTable) summaries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  guint counts[EVT_N_PARTICIPATION_STATES];
  gint64 show_id = evt_event_get_id (show);
  EvtEventSummary *summary;

  p = participate (f->store, show, member, NULL, EVT_ROLE_EXHIBITOR,
                   EVT_PARTICIPATION_STATE_CONFIRMED, TRUE);
  g_assert_cmpstr (evt_participation_get_organisation_name (p), ==, "Biotech Franche-Comté");
  g_assert_true (evt_participation_get_member (p));
  g_assert_cmpstr (evt_participation_get_event_title (p), ==, "Micronora");
  g_assert_cmpstr (evt_participation_get_event_start (p), ==, "2022-09-27");
  g_clear_object (&p);

  g_object_unref (participate (f->store, show, partner, NULL, EVT_ROLE_CO_ORGANISER,
                                EVT_PARTICIPATION_STATE_REGISTERED, TRUE));
  g_clear_object (&p);
  p = participate (f->store, show, NULL, lea, EVT_ROLE_STAFF, EVT_PARTICIPATION_STATE_CONFIRMED,
                   TRUE);
  g_clear_object (&p);
  p = participate (f->store, show, NULL, paul, EVT_ROLE_STAFF,
                   EVT_PARTICIPATION_STATE_CANCELLED, TRUE);
  g_clear_object (&p);
  /* A person takes part for their organisation. */
  p = participate (f->store, show, NULL, marie, EVT_ROLE_SPEAKER,
                   EVT_PARTICIPATION_STATE_INVITED, TRUE);
  g_assert_cmpint (evt_participation_get_organisation_id (p), ==,
                   evt_organisation_get_id (member));
  display = evt_participation_dup_display_name (p);
  g_assert_cmpstr (display, ==, "Marie Dupont (Biotech Franche-Comté)");
  g_clear_object (&p);

  /* Adding the same participant again changes its state, no second row. */
  again = participate (f->store, show, member, NULL, EVT_ROLE_EXHIBITOR,
                       EVT_PARTICIPATION_STATE_ATTENDED, FALSE);
  found = evt_people_find_participation (f->store, show_id, evt_organisation_get_id (member),
                                         0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_participation_get_state (found), ==, EVT_PARTICIPATION_STATE_ATTENDED);
  g_assert_cmpint (evt_participation_get_id (found), ==, evt_participation_get_id (again));
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM participations"), ==, 5);

  /* Nobody, or a missing event, is refused. */
  g_assert_false (evt_people_save_participation (f->store, orphan, NULL, &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID);
  g_clear_error (&error);
  evt_participation_set_person_id (lost, evt_person_get_id (lea));
  g_assert_false (evt_people_save_participation (f->store, lost, NULL, &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Listed by role, then name. */
  list = evt_people_list_participations (f->store, show_id, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_cmpint (evt_participation_get_role (g_ptr_array_index (list, 0)), ==, EVT_ROLE_STAFF);
  g_assert_cmpstr (evt_participation_get_person_name (g_ptr_array_index (list, 0)), ==,
                   "Léa Robert");
  g_assert_cmpstr (evt_participation_get_person_name (g_ptr_array_index (list, 1)), ==,
                   "Paul Girard");
  g_assert_cmpint (evt_participation_get_role (g_ptr_array_index (list, 4)), ==,
                   EVT_ROLE_CO_ORGANISER);

  /* What an internal feed's ATTENDEE lines are made of. */
  staff = evt_people_list_staff (f->store, show_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 2);
  g_assert_cmpstr (evt_participation_get_person_name (g_ptr_array_index (staff, 0)), ==,
                   "Léa Robert");
  g_assert_cmpstr (evt_participation_state_to_partstat (
                     evt_participation_get_state (g_ptr_array_index (staff, 1))), ==,
                   "DECLINED");

  g_assert_true (evt_people_count_participations (f->store, show_id, counts, &error));
  g_assert_cmpuint (counts[EVT_PARTICIPATION_STATE_ATTENDED], ==, 1);
  g_assert_cmpuint (counts[EVT_PARTICIPATION_STATE_CONFIRMED], ==, 1);
  g_assert_cmpuint (counts[EVT_PARTICIPATION_STATE_REGISTERED], ==, 1);
  g_assert_cmpuint (counts[EVT_PARTICIPATION_STATE_CANCELLED], ==, 1);
  g_assert_cmpuint (counts[EVT_PARTICIPATION_STATE_INVITED], ==, 1);
  g_assert_cmpuint (counts[EVT_PARTICIPATION_STATE_NO_SHOW], ==, 0);

  summaries = evt_people_summarise_events (f->store, NULL, &error);
  g_assert_no_error (error);
  summary = g_hash_table_lookup (summaries, &show_id);
  g_assert_nonnull (summary);
  g_assert_cmpuint (summary->n_participants, ==, 4);
  g_assert_cmpuint (summary->n_attended, ==, 1);
  g_assert_cmpuint (summary->n_staff, ==, 1);
  g_assert_cmpuint (summary->n_members, ==, 1);
  g_assert_null (g_hash_table_lookup (summaries, &(gint64) { evt_event_get_id (other) }));

  /* Per year: the member companies and what they took part in. */
  g_object_unref (participate (f->store, other, member, NULL, EVT_ROLE_VISITOR,
                               EVT_PARTICIPATION_STATE_ATTENDED, TRUE));
  year = evt_people_list_member_participations (f->store, 2022, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (year->len, ==, 3);
  g_assert_cmpstr (evt_participation_get_event_title (g_ptr_array_index (year, 0)), ==,
                   "Medtec");
  g_assert_cmpstr (evt_participation_get_event_title (g_ptr_array_index (year, 1)), ==,
                   "Micronora");
  g_clear_pointer (&year, g_ptr_array_unref);
  year = evt_people_list_member_participations (f->store, 2021, &error);
  g_assert_cmpuint (year->len, ==, 0);

  /* Organisations and people in use cannot be deleted; participations can. */
  g_assert_false (evt_people_delete_organisation (f->store, evt_organisation_get_id (partner),
                                                  &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_false (evt_people_delete_person (f->store, evt_person_get_id (lea), &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_true (evt_people_remove_participation (f->store, evt_participation_get_id (found),
                                                  &error));
  g_assert_no_error (error);
  g_assert_false (evt_people_remove_participation (f->store, evt_participation_get_id (found),
                                                   &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND);
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(EvtEvent) a = insert_event (f->store, "Salon A", "2022-03-01");
  g_autoptr(EvtEvent) b = insert_event (f->store, "Salon B", "2022-05-01");
  g_autoptr(EvtOrganisation) keep = add_org (f->store, "ST Microelectronics", FALSE);
  g_autoptr(EvtOrganisation) dup = evt_organisation_new ("STMicroelectronics");
  g_autoptr(EvtOrganisation) merged = NULL;
  g_autoptr(EvtPerson) jean = NULL;
  g_autoptr(EvtPerson) jean2 = NULL;
  g_autoptr(EvtPerson) person = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) error = NULL;

  evt_organisation_set_member (dup, TRUE);
  evt_organisation_set_city (dup, "Crolles");
  g_assert_true (evt_people_save_organisation (f->store, dup, &error));
  jean = add_person (f->store, "Jean Petit", dup);
  jean2 = add_person (f->store, "Jean  PETIT", NULL);
  evt_person_set_email (jean2, "jean.petit@example.com");
  g_assert_true (evt_people_save_person (f->store, jean2, &error));

  /* Both took part in A: the kept one's participation stays. */
  g_object_unref (participate (f->store, a, keep, NULL, EVT_ROLE_EXHIBITOR,
                               EVT_PARTICIPATION_STATE_ATTENDED, TRUE));
  g_object_unref (participate (f->store, a, dup, NULL, EVT_ROLE_VISITOR,
                               EVT_PARTICIPATION_STATE_INVITED, TRUE));
  g_object_unref (participate (f->store, b, dup, NULL, EVT_ROLE_VISITOR,
                               EVT_PARTICIPATION_STATE_ATTENDED, TRUE));
  g_object_unref (participate (f->store, b, NULL, jean2, EVT_ROLE_SPEAKER,
                               EVT_PARTICIPATION_STATE_ATTENDED, TRUE));

  g_assert_false (evt_people_merge_organisations (f->store, evt_organisation_get_id (keep),
                                                  evt_organisation_get_id (keep), &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (evt_people_merge_organisations (f->store, evt_organisation_get_id (keep),
                                                 evt_organisation_get_id (dup), &error));
  g_assert_no_error (error);
  g_assert_null (evt_people_get_organisation (f->store, evt_organisation_get_id (dup), &error));
  g_clear_error (&error);
  merged = evt_people_get_organisation (f->store, evt_organisation_get_id (keep), &error);
  g_assert_true (evt_organisation_get_member (merged));
  g_assert_cmpstr (evt_organisation_get_city (merged), ==, "Crolles");
  g_assert_cmpuint (evt_organisation_get_n_events (merged), ==, 2);

  parts = evt_people_list_participations (f->store, evt_event_get_id (a), -1, &error);
  g_assert_cmpuint (parts->len, ==, 1);
  g_assert_cmpint (evt_participation_get_state (g_ptr_array_index (parts, 0)), ==,
                   EVT_PARTICIPATION_STATE_ATTENDED);
  person = evt_people_get_person (f->store, evt_person_get_id (jean), &error);
  g_assert_cmpint (evt_person_get_organisation_id (person), ==, evt_organisation_get_id (keep));
  g_clear_object (&person);

  /* People: the duplicate's participations and e-mail address move over. */
  g_assert_true (evt_people_merge_people (f->store, evt_person_get_id (jean),
                                          evt_person_get_id (jean2), &error));
  g_assert_no_error (error);
  person = evt_people_get_person (f->store, evt_person_get_id (jean), &error);
  g_assert_cmpstr (evt_person_get_email (person), ==, "jean.petit@example.com");
  g_assert_cmpuint (evt_person_get_n_events (person), ==, 1);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM people"), ==, 1);
}

/* --- Outcomes, leads, follow-ups --------------------------------------------------------- */

static void
test_outcomes (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(EvtEvent) show = insert_event (f->store, "Micronora", "2022-09-27..2022-09-30");
  g_autoptr(EvtOutcome) outcome = NULL;
  g_autoptr(EvtOutcome) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = evt_event_get_id (show);
  const char *names[] = { "Capteurs implantables", " ", "Micro-usinage laser", NULL };

  /* Nothing entered yet: every count unknown, not zero. */
  outcome = evt_people_get_outcome (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (evt_outcome_is_empty (outcome));
  g_assert_cmpint (evt_outcome_get_contacts (outcome), ==, -1);
  g_assert_cmpint (evt_outcome_get_total_cost (outcome), ==, -1);
  g_assert_null (evt_people_get_outcome (f->store, 999999, &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  evt_outcome_set_contacts (outcome, 120);
  evt_outcome_set_leads (outcome, 4);
  evt_outcome_set_meetings (outcome, 0);
  evt_outcome_set_projects (outcome, 1);
  evt_outcome_set_press (outcome, 2);
  evt_outcome_set_satisfaction (outcome, 4.5);
  evt_outcome_set_project_names (outcome, names);
  evt_outcome_set_cost (outcome, EVT_COST_STAND, 350000);
  evt_outcome_set_cost (outcome, EVT_COST_TRAVEL, 0);
  evt_outcome_set_cost (outcome, EVT_COST_ACCOMMODATION, 42050);
  g_assert_cmpint (evt_outcome_get_total_cost (outcome), ==, 392050);
  g_assert_true (evt_people_save_outcome (f->store, outcome, &error));
  g_assert_no_error (error);

  back = evt_people_get_outcome (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_outcome_get_contacts (back), ==, 120);
  g_assert_cmpint (evt_outcome_get_leads (back), ==, 4);
  g_assert_cmpint (evt_outcome_get_meetings (back), ==, 0);
  g_assert_cmpint (evt_outcome_get_press (back), ==, 2);
  g_assert_cmpfloat (evt_outcome_get_satisfaction (back), ==, 4.5);
  g_assert_cmpuint (g_strv_length ((char **) evt_outcome_get_project_names (back)), ==, 2);
  g_assert_cmpstr (evt_outcome_get_project_names (back)[1], ==, "Micro-usinage laser");
  /* Two projects named, one declared: two. */
  g_assert_cmpint (evt_outcome_get_n_projects (back), ==, 2);
  g_assert_cmpint (evt_outcome_get_cost (back, EVT_COST_STAND), ==, 350000);
  g_assert_cmpint (evt_outcome_get_cost (back, EVT_COST_TRAVEL), ==, 0);
  g_assert_cmpint (evt_outcome_get_cost (back, EVT_COST_OTHER), ==, -1);
  g_assert_cmpint (evt_outcome_get_total_cost (back), ==, 392050);
  g_clear_object (&back);

  /* Out of range satisfaction is refused, nothing changes. */
  evt_outcome_set_satisfaction (outcome, 0.5);
  evt_outcome_set_contacts (outcome, 5);
  g_assert_false (evt_people_save_outcome (f->store, outcome, &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Satisfaction"));
  g_clear_error (&error);
  back = evt_people_get_outcome (f->store, id, &error);
  g_assert_cmpint (evt_outcome_get_contacts (back), ==, 120);
  g_clear_object (&back);

  /* Clearing every field removes the row: nothing left to guard. */
  g_clear_object (&outcome);
  outcome = evt_outcome_new (id);
  g_assert_true (evt_people_save_outcome (f->store, outcome, &error));
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM outcomes"), ==, 0);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM costs"), ==, 0);
  g_assert_false (evt_people_event_has_records (f->store, id, &error));
  g_assert_no_error (error);
}

static EvtLead *
add_lead (EvtStore     *store,
          EvtEvent     *event,
          const char   *subject,
          const char   *follow_up,
          EvtLeadState  state)
{
  g_autoptr(EvtLead) lead = evt_lead_new (evt_event_get_id (event));
  g_autoptr(GError) error = NULL;

  evt_lead_set_subject (lead, subject);
  evt_lead_set_follow_up (lead, follow_up);
  evt_lead_set_state (lead, state);
  g_assert_true (evt_people_save_lead (store, lead, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&lead);
}

static void
test_followups (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(EvtEvent) show = insert_event (f->store, "Micronora", "2022-09-27..2022-09-30");
  g_autoptr(EvtOrganisation) org = add_org (f->store, "Bourgogne Implants", FALSE);
  g_autoptr(EvtLead) due = add_lead (f->store, show, "Capteurs", "2022-10-10",
                                     EVT_LEAD_STATE_OPEN);
  g_autoptr(EvtLead) today = add_lead (f->store, show, "Boîtiers", "2022-10-15",
                                       EVT_LEAD_STATE_OPEN);
  g_autoptr(EvtLead) later = add_lead (f->store, show, "Lasers", "2022-11-30",
                                       EVT_LEAD_STATE_OPEN);
  g_autoptr(EvtLead) won = add_lead (f->store, show, "Gagné", "2022-10-01", EVT_LEAD_STATE_WON);
  g_autoptr(EvtLead) undated = add_lead (f->store, show, "Sans date", NULL, EVT_LEAD_STATE_OPEN);
  g_autoptr(EvtLead) linked = evt_lead_new (evt_event_get_id (show));
  g_autoptr(EvtLead) bad = evt_lead_new (evt_event_get_id (show));
  g_autoptr(EvtLead) back = NULL;
  g_autoptr(EvtOutcome) outcome = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) summaries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 show_id = evt_event_get_id (show);
  EvtEventSummary *summary;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 15, 10, 2022);

  list = evt_people_list_followups (f->store, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (evt_lead_get_subject (g_ptr_array_index (list, 0)), ==, "Capteurs");
  g_assert_cmpstr (evt_lead_get_subject (g_ptr_array_index (list, 1)), ==, "Boîtiers");
  g_assert_cmpstr (evt_lead_get_event_title (g_ptr_array_index (list, 0)), ==, "Micronora");
  g_assert_true (evt_lead_is_due (due, &day));
  g_assert_true (evt_lead_is_due (today, &day));
  g_assert_false (evt_lead_is_due (later, &day));
  g_assert_false (evt_lead_is_due (won, &day));
  g_assert_false (evt_lead_is_due (undated, &day));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Won: no longer due. */
  evt_lead_set_state (due, EVT_LEAD_STATE_WON);
  g_assert_true (evt_people_save_lead (f->store, due, &error));
  list = evt_people_list_followups (f->store, &day, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  summaries = evt_people_summarise_events (f->store, &day, &error);
  summary = g_hash_table_lookup (summaries, &show_id);
  g_assert_cmpuint (summary->n_leads, ==, 5);
  g_assert_cmpuint (summary->n_open_leads, ==, 3);
  g_assert_cmpuint (summary->n_due, ==, 1);

  /* A lead linked to an organisation shows its current name. */
  evt_lead_set_organisation_id (linked, evt_organisation_get_id (org));
  evt_lead_set_contact (linked, "Dr Vidal");
  g_assert_true (evt_people_save_lead (f->store, linked, &error));
  g_assert_no_error (error);
  evt_organisation_set_name (org, "Bourgogne Implants SAS");
  g_assert_true (evt_people_save_organisation (f->store, org, &error));
  back = evt_people_get_lead (f->store, evt_lead_get_id (linked), &error);
  g_assert_cmpstr (evt_lead_get_organisation_name (back), ==, "Bourgogne Implants SAS");
  g_assert_cmpstr (evt_lead_get_contact (back), ==, "Dr Vidal");

  /* The leads recorded count in the outcome. */
  outcome = evt_people_get_outcome (f->store, show_id, &error);
  g_assert_cmpuint (evt_outcome_get_n_lead_records (outcome), ==, 6);
  g_assert_cmpint (evt_outcome_get_n_leads (outcome), ==, 6);

  g_assert_false (evt_people_save_lead (f->store, bad, &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID);
  g_clear_error (&error);
  evt_lead_set_subject (bad, "x");
  evt_lead_set_follow_up (bad, "2022-02-30");
  g_assert_false (evt_people_save_lead (f->store, bad, &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Follow-up"));
  g_clear_error (&error);

  g_assert_true (evt_people_delete_lead (f->store, evt_lead_get_id (later), &error));
  g_assert_false (evt_people_delete_lead (f->store, evt_lead_get_id (later), &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND);
}

/* --- The delete guard ------------------------------------------------------------------- */

static void
test_delete_guard (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(EvtEvent) empty = insert_event (f->store, "Sans participants", "2022-01-10");
  g_autoptr(EvtEvent) show = insert_event (f->store, "Micronora", "2022-09-27..2022-09-30");
  g_autoptr(EvtEvent) costly = insert_event (f->store, "Coûteux", "2022-06-01");
  g_autoptr(EvtOrganisation) org = add_org (f->store, "Biotech", TRUE);
  g_autoptr(EvtOutcome) outcome = evt_outcome_new (evt_event_get_id (costly));
  g_autoptr(EvtLead) lead = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  gint64 show_id = evt_event_get_id (show);

  g_object_unref (participate (f->store, show, org, NULL, EVT_ROLE_EXHIBITOR,
                                EVT_PARTICIPATION_STATE_ATTENDED, TRUE));
  lead = add_lead (f->store, show, "Capteurs", "2022-10-10", EVT_LEAD_STATE_OPEN);
  evt_outcome_set_cost (outcome, EVT_COST_STAND, 100);
  g_assert_true (evt_people_save_outcome (f->store, outcome, &error));

  g_assert_false (evt_people_event_has_records (f->store, evt_event_get_id (empty), &error));
  g_assert_no_error (error);
  g_assert_true (evt_people_event_has_records (f->store, show_id, &error));
  g_assert_true (evt_people_event_has_records (f->store, evt_event_get_id (costly), &error));
  what = evt_people_describe_event_records (f->store, show_id, &error);
  g_assert_cmpstr (what, ==, "1 participant and 1 lead");

  /* Refused without force, and nothing is deleted. */
  g_assert_false (evt_people_delete_event (f->store, show_id, FALSE, &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_HAS_RECORDS);
  g_assert_nonnull (strstr (error->message, "Micronora"));
  g_assert_nonnull (strstr (error->message, "1 participant"));
  g_clear_error (&error);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM events"), ==, 3);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM participations"), ==, 1);

  /* The store alone cannot delete it either: the references are not cascading. */
  g_assert_false (evt_store_delete_event (f->store, show_id, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (evt_people_delete_event (f->store, evt_event_get_id (costly), FALSE, &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_HAS_RECORDS);
  g_clear_error (&error);

  /* An event without records goes without force. */
  g_assert_true (evt_people_delete_event (f->store, evt_event_get_id (empty), FALSE, &error));
  g_assert_no_error (error);

  /* With force, the records and the event go together. */
  g_assert_true (evt_people_delete_event (f->store, show_id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (evt_people_delete_event (f->store, evt_event_get_id (costly), TRUE, &error));
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM events"), ==, 0);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM participations"), ==, 0);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM leads"), ==, 0);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM costs"), ==, 0);
  /* The directory is not the event's: it stays. */
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM organisations"), ==, 1);

  g_assert_false (evt_people_delete_event (f->store, show_id, TRUE, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND);
}

/* --- Undo of a forced delete: snapshot and restore ------------------------------------- */

/* Every row of @table for @event_id, every column but event_id, as text, in a stable
 * order: what must come back identical. */
static char *
dump_table (Fixture    *f,
            const char *table,
            gint64      event_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE event_id = ?1 ORDER BY 1, 2, 3",
                                          table);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, event_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          if (g_str_equal (sqlite3_column_name (stmt, c), "event_id"))
            continue;
          if (sqlite3_column_type (stmt, c) == SQLITE_NULL)
            g_string_append (out, "NULL|");
          else
            g_string_append_printf (out, "%d:%s|", sqlite3_column_type (stmt, c),
                                    (const char *) sqlite3_column_text (stmt, c));
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dump_records (Fixture *f,
              gint64   event_id)
{
  static const char * const tables[] = {
    "participations", "outcomes", "outcome_projects", "costs", "leads",
  };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *rows = dump_table (f, tables[i], event_id);

      g_string_append_printf (out, "%s:\n%s", tables[i], rows);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_snapshot_restore (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(EvtEvent) show = insert_event (f->store, "Micronora", "2022-09-27..2022-09-30");
  g_autoptr(EvtEvent) other = insert_event (f->store, "MedFIT", "2022-06-01");
  g_autoptr(EvtEvent) again = NULL;
  g_autoptr(EvtOrganisation) biotech = add_org (f->store, "Biotech", TRUE);
  g_autoptr(EvtOrganisation) gone = add_org (f->store, "Partie Depuis", FALSE);
  g_autoptr(EvtPerson) anne = add_person (f->store, "Anne Martin", biotech);
  g_autoptr(EvtParticipation) staff = NULL;
  g_autoptr(EvtParticipation) extra = NULL;
  g_autoptr(EvtOutcome) outcome = NULL;
  g_autoptr(EvtLead) lead = NULL;
  g_autoptr(EvtLead) linked = evt_lead_new (0);
  g_autoptr(EvtEventRecords) records = NULL;
  g_autoptr(EvtEventRecords) empty = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GPtrArray) leads = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_gone = NULL;
  const char *names[] = { "Capteurs implantables", "Micro-usinage laser", NULL };
  gint64 show_id = evt_event_get_id (show);
  gint64 again_id;

  g_object_unref (participate (f->store, show, biotech, NULL, EVT_ROLE_EXHIBITOR,
                               EVT_PARTICIPATION_STATE_ATTENDED, TRUE));
  staff = participate (f->store, show, biotech, anne, EVT_ROLE_STAFF,
                       EVT_PARTICIPATION_STATE_CONFIRMED, TRUE);
  evt_participation_set_note (staff, "Arrive le mardi");
  g_assert_true (evt_people_save_participation (f->store, staff, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (participate (f->store, show, gone, NULL, EVT_ROLE_VISITOR,
                               EVT_PARTICIPATION_STATE_NO_SHOW, TRUE));
  outcome = evt_people_get_outcome (f->store, show_id, &error);
  evt_outcome_set_contacts (outcome, 120);
  evt_outcome_set_meetings (outcome, 0);
  evt_outcome_set_satisfaction (outcome, 4.5);
  evt_outcome_set_notes (outcome, "Bon salon");
  evt_outcome_set_project_names (outcome, names);
  evt_outcome_set_cost (outcome, EVT_COST_STAND, 350000);
  evt_outcome_set_cost (outcome, EVT_COST_TRAVEL, 0);
  g_assert_true (evt_people_save_outcome (f->store, outcome, &error));
  g_assert_no_error (error);
  lead = add_lead (f->store, show, "Capteurs", "2022-10-10", EVT_LEAD_STATE_OPEN);
  evt_lead_set_event_id (linked, show_id);
  evt_lead_set_subject (linked, "Boîtiers");
  evt_lead_set_organisation_id (linked, evt_organisation_get_id (gone));
  evt_lead_set_next_step (linked, "Envoyer le devis");
  evt_lead_set_state (linked, EVT_LEAD_STATE_WON);
  g_assert_true (evt_people_save_lead (f->store, linked, &error));
  g_assert_no_error (error);
  /* An event with records of its own is left alone throughout. */
  g_object_unref (participate (f->store, other, biotech, NULL, EVT_ROLE_EXHIBITOR,
                               EVT_PARTICIPATION_STATE_INVITED, TRUE));

  before = dump_records (f, show_id);
  g_assert_nonnull (strstr (before, "Arrive le mardi"));
  g_assert_nonnull (strstr (before, "Micro-usinage laser"));
  g_assert_nonnull (strstr (before, "350000"));

  /* Snapshot, delete with force, insert the event again (a new id), restore. */
  records = evt_people_snapshot_event_records (f->store, show_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);
  g_assert_false (evt_event_records_is_empty (records));
  g_assert_true (evt_people_delete_event (f->store, show_id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM participations"), ==, 1);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM leads"), ==, 0);

  again = evt_event_copy (show);
  g_assert_true (evt_store_insert_event (f->store, again, &error));
  g_assert_no_error (error);
  again_id = evt_event_get_id (again);
  g_assert_true (evt_people_restore_event_records (f->store, records, again_id, &error));
  g_assert_no_error (error);

  after = dump_records (f, again_id);
  g_assert_cmpstr (after, ==, before);
  parts = evt_people_list_participations (f->store, again_id, -1, &error);
  g_assert_cmpuint (parts->len, ==, 3);
  leads = evt_people_list_leads (f->store, again_id, &error);
  g_assert_cmpuint (leads->len, ==, 2);
  g_clear_object (&outcome);
  outcome = evt_people_get_outcome (f->store, again_id, &error);
  g_assert_cmpint (evt_outcome_get_contacts (outcome), ==, 120);
  g_assert_cmpint (evt_outcome_get_total_cost (outcome), ==, 350000);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM participations"), ==, 4);

  /* Restoring twice: the outcome is there already; refused, nothing half-written. */
  g_assert_false (evt_people_restore_event_records (f->store, records, again_id, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM participations"), ==, 4);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM leads"), ==, 2);

  /* An organisation deleted meanwhile: its participation stays out, the lead keeps
   * the name it had but no link; the rest comes back with the same ids. */
  g_assert_true (evt_people_delete_event (f->store, again_id, TRUE, &error));
  g_assert_true (evt_people_delete_organisation (f->store, evt_organisation_get_id (gone),
                                                 &error));
  g_assert_no_error (error);
  g_clear_object (&again);
  again = evt_event_copy (show);
  g_assert_true (evt_store_insert_event (f->store, again, &error));
  g_assert_true (evt_people_restore_event_records (f->store, records,
                                                   evt_event_get_id (again), &error));
  g_assert_no_error (error);
  g_clear_pointer (&parts, g_ptr_array_unref);
  parts = evt_people_list_participations (f->store, evt_event_get_id (again), -1, &error);
  g_assert_cmpuint (parts->len, ==, 2);
  after_gone = dump_records (f, evt_event_get_id (again));
  g_assert_nonnull (strstr (after_gone, "Arrive le mardi"));
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM leads WHERE organisation_id IS NULL"),
                   ==, 2);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM leads WHERE next_step = "
                                 "'Envoyer le devis' AND state = 'won'"), ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM participations WHERE id = %"
                                            G_GINT64_FORMAT " AND note = 'Arrive le mardi'",
                                            evt_participation_get_id (staff));

    g_assert_cmpint (sql_count (f, sql), ==, 1);
  }

  /* An event without records: an empty snapshot; an unknown one: an error. */
  empty = evt_people_snapshot_event_records (f->store, evt_event_get_id (other) + 1000, &error);
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND);
  g_assert_null (empty);
  g_clear_error (&error);
  g_assert_true (evt_people_delete_event (f->store, evt_event_get_id (other), TRUE, &error));
  g_clear_object (&again);
  again = insert_event (f->store, "Vide", "2022-01-10");
  empty = evt_people_snapshot_event_records (f->store, evt_event_get_id (again), &error);
  g_assert_no_error (error);
  g_assert_true (evt_event_records_is_empty (empty));
  g_assert_true (evt_people_restore_event_records (f->store, empty, evt_event_get_id (again),
                                                   &error));
  g_assert_no_error (error);
}

/* --- Member list import and export --------------------------------------------------------- */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "members", name, NULL);
}

static EvtImportReport *
import_fixture (Fixture    *f,
                const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  EvtImportReport *report = evt_people_import_organisations (f->store, path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static EvtOrganisation *
lookup (Fixture    *f,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  EvtOrganisation *org = evt_people_lookup_organisation (f->store, name, &error);

  g_assert_no_error (error);
  return org;
}

static void
test_import_french (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(EvtImportReport) report = import_fixture (f, "members-fr-bom.csv");
  g_autoptr(EvtImportReport) again = NULL;
  g_autoptr(EvtImportReport) update = NULL;
  g_autoptr(EvtOrganisation) biotech = NULL;
  g_autoptr(EvtOrganisation) femto = NULL;
  g_autoptr(EvtOrganisation) meca = NULL;
  g_autoptr(EvtOrganisation) aero = NULL;
  g_autoptr(EvtPerson) marie = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (report->encoding, ==, "UTF-8");
  g_assert_cmpint (report->separator, ==, ';');
  g_assert_cmpuint (report->n_rows, ==, 4);
  g_assert_cmpuint (report->n_added, ==, 4);
  g_assert_cmpuint (report->problems->len, ==, 0);
  /* A column nobody asked for is named, not an error. */
  g_assert_cmpuint (g_strv_length (report->ignored_columns), ==, 1);
  g_assert_cmpstr (report->ignored_columns[0], ==, "Code NAF");

  biotech = lookup (f, "Biotech Franche-Comté");
  g_assert_true (evt_organisation_get_member (biotech));
  g_assert_cmpstr (evt_organisation_get_sector (biotech), ==, "health");
  g_assert_cmpstr (evt_organisation_get_city (biotech), ==, "Besançon");
  g_assert_cmpstr (evt_organisation_get_email (biotech), ==, "contact@biotech-fc.fr");
  g_assert_cmpstr (evt_organisation_get_phone (biotech), ==, "+33 3 81 00 00 01");
  g_assert_cmpint (evt_organisation_get_kind (biotech), ==, EVT_ORGANISATION_KIND_COMPANY);

  femto = lookup (f, "Laboratoire \"FEMTO-ST\"; département temps-fréquence");
  g_assert_false (evt_organisation_get_member (femto));
  g_assert_cmpint (evt_organisation_get_kind (femto), ==, EVT_ORGANISATION_KIND_LAB);
  g_assert_cmpstr (evt_organisation_get_sector (femto), ==, "microtechnology");

  meca = lookup (f, "Mécanique de précision du Haut-Doubs");
  g_assert_cmpstr (evt_organisation_get_name (meca), ==,
                   "Mécanique de précision\ndu Haut-Doubs");
  g_assert_true (evt_organisation_get_member (meca));
  g_assert_null (evt_organisation_get_sector (meca));

  aero = lookup (f, "aero pieces sas");
  g_assert_true (evt_organisation_get_member (aero));
  g_assert_cmpstr (evt_organisation_get_sector (aero), ==, "aerospace");

  /* The same file again changes nothing and duplicates nothing. */
  again = import_fixture (f, "members-fr-bom.csv");
  g_assert_cmpuint (again->n_added, ==, 0);
  g_assert_cmpuint (again->n_updated, ==, 0);
  g_assert_cmpuint (again->n_unchanged, ==, 4);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM organisations"), ==, 4);

  /* Another spelling of the names updates them; a contact becomes a person. */
  update = import_fixture (f, "members-update.csv");
  g_assert_cmpuint (update->n_added, ==, 1);
  g_assert_cmpuint (update->n_updated, ==, 1);
  g_assert_cmpuint (update->n_unchanged, ==, 1);
  g_assert_cmpuint (update->n_people_added, ==, 1);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM organisations"), ==, 5);

  g_clear_object (&biotech);
  biotech = lookup (f, "biotech franche comte");
  /* The name as first written stays; the contact holds the row's e-mail address. */
  g_assert_cmpstr (evt_organisation_get_name (biotech), ==, "Biotech Franche-Comté");
  g_assert_cmpstr (evt_organisation_get_email (biotech), ==, "contact@biotech-fc.fr");
  marie = evt_people_lookup_person (f->store, "Marie Dupont", evt_organisation_get_id (biotech),
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evt_person_get_job_title (marie), ==, "Directrice");
  g_assert_cmpstr (evt_person_get_email (marie), ==, "marie.dupont@biotech-fc.fr");

  g_clear_object (&aero);
  aero = lookup (f, "Aéro Pièces SAS");
  g_assert_cmpstr (evt_organisation_get_city (aero), ==, "Blagnac");
  g_assert_false (evt_organisation_get_member (aero));
  /* Columns that the second file does not have are left as they were. */
  g_assert_cmpstr (evt_organisation_get_sector (aero), ==, "aerospace");
}

static void
test_import_windows (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(EvtImportReport) report = import_fixture (f, "members-cp1252.csv");
  g_autoptr(EvtOrganisation) coeur = NULL;
  g_autoptr(EvtOrganisation) precis = NULL;
  g_autoptr(EvtOrganisation) ecole = NULL;

  g_assert_cmpstr (report->encoding, ==, "WINDOWS-1252");
  g_assert_cmpint (report->separator, ==, ',');
  g_assert_cmpuint (report->n_added, ==, 3);
  g_assert_cmpuint (report->problems->len, ==, 0);

  coeur = lookup (f, "Cœur Médical");
  g_assert_cmpstr (evt_organisation_get_name (coeur), ==, "Cœur Médical");
  g_assert_cmpstr (evt_organisation_get_sector (coeur), ==, "health");
  g_assert_true (evt_organisation_get_member (coeur));
  precis = lookup (f, "Précis’Usinage, Frères & Cie");
  g_assert_cmpstr (evt_organisation_get_sector (precis), ==, "microtechnology");
  ecole = lookup (f, "École d’ingénieurs SUPMICROTECH");
  g_assert_false (evt_organisation_get_member (ecole));
}

static void
test_import_bad_rows (Fixture       *f,
                      gconstpointer  data)
{
  static const struct { guint line; const char *words; } expected[] = {
    { 3, "3 fields instead of 5" },
    { 4, "the name is empty" },
    { 5, "“peut-être” is neither yes nor no" },
    { 6, "“Textile” is not a known sector" },
    { 7, "“pas-une-adresse” is not an e-mail address" },
    { 9, "6 fields instead of 5" },
  };
  g_autoptr(EvtImportReport) report = import_fixture (f, "members-bad-rows.csv");

  g_assert_cmpuint (report->n_rows, ==, 9);
  g_assert_cmpuint (report->n_added, ==, 3);
  g_assert_cmpuint (report->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      EvtImportProblem *problem = g_ptr_array_index (report->problems, i);
      g_autofree char *prefix = g_strdup_printf ("Line %u: ", expected[i].line);

      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_true (g_str_has_prefix (problem->message, prefix));
      if (strstr (problem->message, expected[i].words) == NULL)
        g_error ("line %u: “%s” does not say “%s”", problem->line, problem->message,
                 expected[i].words);
    }

  /* Only the good rows are in. */
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM organisations"), ==, 3);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM organisations"
                                 " WHERE name IN ('Alpha Santé', 'Zeta Horlogerie',"
                                 "                 'Theta Robotique')"), ==, 3);

  /* One field: the singular. */
  {
    static const char csv[] = "Nom;Ville;Adhérent\nSolo\nDuo;Dole;oui\n";
    g_autoptr(EvtImportReport) one = NULL;
    g_autoptr(GError) error = NULL;
    EvtImportProblem *problem;

    one = evt_people_import_organisations_data (f->store, csv, sizeof csv - 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (one->problems->len, ==, 1);
    problem = g_ptr_array_index (one->problems, 0);
    g_assert_cmpuint (problem->line, ==, 2);
    g_assert_nonnull (strstr (problem->message, "1 field instead of 3"));
  }
}

static void
test_import_row_atomic (Fixture       *f,
                        gconstpointer  data)
{
  static const char csv[] = "Name;City;Contact;Email\n"
                            "Kappa;Dole;Anne Roy;anne.roy@kappa.fr\n"
                            "Lambda;Dole;Luc Roy;pas une adresse\n";
  g_autoptr(EvtImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* Lambda's contact is refused: Lambda itself must not stay half-imported. */
  report = evt_people_import_organisations_data (f->store, csv, sizeof csv - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_added, ==, 1);
  g_assert_cmpuint (report->n_people_added, ==, 1);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM organisations WHERE name = 'Lambda'"),
                   ==, 0);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM people"), ==, 1);
}

static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  static const struct { const char *file; GQuark domain; int code; const char *words; } cases[] = {
    { "empty.csv", 0, EVT_CSV_ERROR_EMPTY, "empty" },
    { "blank.csv", 0, EVT_CSV_ERROR_EMPTY, "empty" },
    { "members.xlsx", 0, EVT_CSV_ERROR_NOT_TEXT, ".xlsx" },
    { "binary.csv", 0, EVT_CSV_ERROR_NOT_TEXT, "binary" },
    { "unterminated.csv", 0, EVT_CSV_ERROR_SYNTAX, "Line 3" },
    { "no-name-column.csv", 1, EVT_PEOPLE_ERROR_INVALID, "no column for the name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (cases[i].file);
      g_autoptr(GError) error = NULL;
      g_autoptr(EvtImportReport) report = NULL;

      report = evt_people_import_organisations (f->store, path, NULL, &error);
      g_assert_null (report);
      g_assert_error (error, (cases[i].domain ? EVT_PEOPLE_ERROR : EVT_CSV_ERROR), cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, path));
      if (strstr (error->message, cases[i].words) == NULL)
        g_error ("%s: “%s” does not say “%s”", cases[i].file, error->message,
                 cases[i].words);
    }

  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM organisations"), ==, 0);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(EvtImportReport) report = import_fixture (f, "members-fr-bom.csv");
  g_autoptr(EvtImportReport) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *semi = NULL;
  g_autofree char *comma = NULL;
  g_autofree char *path = g_build_filename (f->dir, "second.db", NULL);
  g_autoptr(EvtStore) second = evt_store_new (path);
  g_autoptr(GPtrArray) first_orgs = NULL;
  g_autoptr(GPtrArray) second_orgs = NULL;

  semi = evt_people_export_organisations (f->store, ';', TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (semi, "\xef\xbb\xbfName;Kind;Member;Sector;City;Email;Phone;"
                                         "Notes\r\n"));
  g_assert_nonnull (strstr (semi, "\r\nBiotech Franche-Comté;company;yes;health;Besançon;"
                                  "contact@biotech-fc.fr;+33 3 81 00 00 01;\r\n"));
  g_assert_nonnull (strstr (semi, "\"Laboratoire \"\"FEMTO-ST\"\"; département "
                                  "temps-fréquence\";lab;no;"));

  comma = evt_people_export_organisations (f->store, ',', FALSE, &error);
  g_assert_true (g_str_has_prefix (comma, "Name,Kind,Member"));

  /* What is exported imports into another database as the same organisations. */
  g_assert_true (evt_store_open (second, NULL, &error));
  back = evt_people_import_organisations_data (second, semi, strlen (semi), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->n_added, ==, 4);
  g_assert_cmpuint (back->problems->len, ==, 0);
  g_assert_cmpuint (g_strv_length (back->ignored_columns), ==, 0);
  first_orgs = evt_people_list_organisations (f->store, NULL, FALSE, &error);
  second_orgs = evt_people_list_organisations (second, NULL, FALSE, &error);
  g_assert_cmpuint (first_orgs->len, ==, second_orgs->len);
  for (guint i = 0; i < first_orgs->len; i++)
    {
      EvtOrganisation *a = g_ptr_array_index (first_orgs, i);
      EvtOrganisation *b = g_ptr_array_index (second_orgs, i);

      g_assert_cmpstr (evt_organisation_get_name (a), ==, evt_organisation_get_name (b));
      g_assert_cmpint (evt_organisation_get_kind (a), ==, evt_organisation_get_kind (b));
      g_assert_cmpint (evt_organisation_get_member (a), ==, evt_organisation_get_member (b));
      g_assert_cmpstr (evt_organisation_get_sector (a), ==, evt_organisation_get_sector (b));
      g_assert_cmpstr (evt_organisation_get_email (a), ==, evt_organisation_get_email (b));
    }
}

/* --- Async variants and the schema --------------------------------------------------------- */

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(EvtEvent) show = insert_event (f->store, "Micronora", "2022-09-27..2022-09-30");
  g_autofree char *path = fixture_path ("members-fr-bom.csv");
  g_autofree char *bad_path = fixture_path ("members.xlsx");
  GAsyncResult *result = NULL;
  g_autoptr(EvtImportReport) report = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) leads = NULL;
  g_autoptr(GHashTable) summaries = NULL;
  g_autoptr(EvtOrganisation) org = NULL;
  g_autoptr(GError) error = NULL;

  evt_people_import_organisations_async (f->store, path, NULL, got_result, &result);
  report = evt_people_import_organisations_finish (f->store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_added, ==, 4);
  g_clear_object (&result);

  evt_people_import_organisations_async (f->store, bad_path, NULL, got_result, &result);
  g_assert_null (evt_people_import_organisations_finish (f->store, wait_result (&result),
                                                         &error));
  g_assert_error (error, EVT_CSV_ERROR, EVT_CSV_ERROR_NOT_TEXT);
  g_clear_error (&error);
  g_clear_object (&result);

  evt_people_list_organisations_async (f->store, "besancon", FALSE, NULL, got_result, &result);
  orgs = evt_people_list_organisations_finish (f->store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orgs->len, ==, 0);   /* names only, not cities */
  g_clear_pointer (&orgs, g_ptr_array_unref);
  g_clear_object (&result);

  evt_people_list_organisations_async (f->store, NULL, TRUE, NULL, got_result, &result);
  orgs = evt_people_list_organisations_finish (f->store, wait_result (&result), &error);
  g_assert_cmpuint (orgs->len, ==, 3);
  g_clear_object (&result);

  org = lookup (f, "Aéro Pièces SAS");
  g_object_unref (participate (f->store, show, org, NULL, EVT_ROLE_EXHIBITOR,
                               EVT_PARTICIPATION_STATE_INVITED, TRUE));
  evt_people_list_participations_async (f->store, evt_event_get_id (show), -1, NULL, got_result,
                                        &result);
  parts = evt_people_list_participations_finish (f->store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parts->len, ==, 1);
  g_clear_object (&result);

  evt_people_list_people_async (f->store, NULL, 0, NULL, got_result, &result);
  people = evt_people_list_people_finish (f->store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 0);
  g_clear_object (&result);

  evt_people_summarise_events_async (f->store, NULL, NULL, got_result, &result);
  summaries = evt_people_summarise_events_finish (f->store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (summaries), ==, 1);
  g_clear_object (&result);

  evt_people_list_followups_async (f->store, NULL, NULL, got_result, &result);
  leads = evt_people_list_followups_finish (f->store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (leads->len, ==, 0);
  g_clear_object (&result);
}

static void
on_changed (EvtStore *store,
            guint    *n_changed)
{
  (*n_changed)++;
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(EvtOrganisation) org = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &n_changed);
  org = add_org (f->store, "Alpha", TRUE);
  g_assert_cmpuint (n_changed, ==, 1);
  orgs = evt_people_list_organisations (f->store, NULL, FALSE, &error);
  /* Reading does not announce a change. */
  g_assert_cmpuint (n_changed, ==, 1);
}

static void
test_upgrade (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("eventail-people-XXXXXX", &error);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "eventail-v1.db",
                                                   NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(EvtOrganisation) org = NULL;
  gsize length;

  /* A database of the first version gets the new tables, its events untouched. */
  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  store = evt_store_new (path);
  g_assert_true (evt_store_open (store, NULL, &error));
  g_assert_no_error (error);
  events = evt_store_query (store, NULL, &error);
  g_assert_cmpuint (events->len, >, 0);
  org = add_org (store, "Alpha", TRUE);
  if (events->len > 0)
    {
      EvtEvent *event = g_ptr_array_index (events, 0);

      g_object_unref (participate (store, event, org, NULL, EVT_ROLE_EXHIBITOR,
                                    EVT_PARTICIPATION_STATE_INVITED, TRUE));
    }

  g_clear_object (&store);
  for (const char *suffix = ""; suffix != NULL;
       suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (path, suffix, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

/* The sample data's people: the 2022 shows get participants, outcomes and leads, in
 * one transaction; a second load adds nothing; an event the user filled in or deleted
 * is left alone. */
static guint
count_rows (EvtStore   *store,
            gint64      event_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = evt_people_list_participations (store, event_id, -1, &error);

  g_assert_no_error (error);
  return parts->len;
}

static gint64
demo_event_id (EvtStore   *store,
               const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = g_strdup_printf ("demo-%s@eventail.sample", key);
  g_autoptr(EvtEvent) event = evt_store_get_event_by_uid (store, uid, &error);

  g_assert_no_error (error);
  return evt_event_get_id (event);
}

static void
test_demo_people (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(EvtOutcome) outcome = NULL;
  g_autoptr(EvtParticipation) extra = NULL;
  gint64 global_industrie, siams, medica, micronora;
  guint n_added = 0;

  g_assert_true (evt_demo_load_all (f->store, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 21);

  global_industrie = demo_event_id (f->store, "2022-global-industrie");
  siams = demo_event_id (f->store, "2022-siams");
  medica = demo_event_id (f->store, "2022-medica");
  micronora = demo_event_id (f->store, "2022-micronora");
  g_assert_cmpuint (count_rows (f->store, global_industrie), ==, 5);
  g_assert_cmpuint (count_rows (f->store, siams), ==, 3);
  g_assert_cmpuint (count_rows (f->store, micronora), ==, 4);
  g_assert_cmpuint (count_rows (f->store, medica), ==, 3);

  outcome = evt_people_get_outcome (f->store, global_industrie, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_outcome_get_contacts (outcome), ==, 86);
  g_assert_cmpint (evt_outcome_get_total_cost (outcome), ==, 1240000 + 138000 + 216000 + 85000);
  g_clear_object (&outcome);

  /* The members of 2022, and the two open leads, long due. */
  members = evt_people_list_member_participations (f->store, 2022, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, >, 0);
  followups = evt_people_list_followups (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (followups->len, ==, 2);

  organisations = evt_people_list_organisations (f->store, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organisations->len, ==, 8);
  people = evt_people_list_people (f->store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 5);

  /* Again: nothing more. The user removed Medica and filled Micronora in: left alone. */
  g_assert_true (evt_people_delete_event (f->store, medica, TRUE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) parts = evt_people_list_participations (f->store, micronora, -1,
                                                                 &error);
    g_assert_no_error (error);
    extra = g_object_ref (g_ptr_array_index (parts, 0));
    evt_participation_set_state (extra, EVT_PARTICIPATION_STATE_NO_SHOW);
    g_assert_true (evt_people_save_participation (f->store, extra, NULL, &error));
    g_assert_no_error (error);
  }

  g_assert_true (evt_demo_load_people (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (f->store, global_industrie), ==, 5);
  g_assert_cmpuint (count_rows (f->store, micronora), ==, 4);
  {
    gint64 id = evt_participation_get_id (extra);
    g_autoptr(EvtParticipation) again = evt_people_get_participation (f->store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (evt_participation_get_state (again), ==, EVT_PARTICIPATION_STATE_NO_SHOW);
  }
  g_clear_pointer (&organisations, g_ptr_array_unref);
  organisations = evt_people_list_organisations (f->store, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organisations->len, ==, 8);
  g_clear_pointer (&people, g_ptr_array_unref);
  people = evt_people_list_people (f->store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 5);
}

/* Amounts as people type them, and the ambiguous ones refused. */
static void
test_money (void)
{
  struct { const char *text; gboolean ok; gint64 cents; } cases[] = {
    { "", TRUE, -1 }, { "  ", TRUE, -1 }, { "0", TRUE, 0 }, { "3500", TRUE, 350000 },
    { "3 500", TRUE, 350000 }, { "3\u00a0500,50", TRUE, 350050 }, { "3\u202f500 €", TRUE, 350000 },
    { "1 200,5", TRUE, 120050 }, { "420.05", TRUE, 42005 }, { "3,500", FALSE, -1 },
    { "1.500", FALSE, -1 }, { "3,500,000", TRUE, 350000000 }, { "3’500", TRUE, 350000 },
    { "3,500.25", TRUE, 350025 }, { "1.234,56", TRUE, 123456 }, { "12 €", TRUE, 1200 },
    { "1500 EUR", TRUE, 150000 }, { "douze", FALSE, -1 }, { "-5", FALSE, -1 }, { ",", FALSE, -1 }, { "1,2,3", FALSE, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 cents = 12345;

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (evt_money_parse (cases[i].text, &cents), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (cents, ==, cases[i].cents);
    }

  /* For files and other programs, in any language. */
  {
    g_autofree char *plain = evt_money_format_plain (150050);
    g_autofree char *negative = evt_money_format_plain (-2005);

    g_assert_cmpstr (plain, ==, "1500.50");
    g_assert_cmpstr (negative, ==, "-20.05");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/people/vocabularies", test_vocabularies);
  g_test_add_func ("/people/normalise", test_normalise);
  g_test_add_func ("/people/money", test_money);
  ADD ("/people/organisations", test_organisations);
  ADD ("/people/people", test_people);
  ADD ("/people/participations", test_participations);
  ADD ("/people/merge", test_merge);
  ADD ("/people/outcomes", test_outcomes);
  ADD ("/people/followups", test_followups);
  ADD ("/people/delete-guard", test_delete_guard);
  ADD ("/people/snapshot-restore", test_snapshot_restore);
  ADD ("/people/demo", test_demo_people);
  ADD ("/people/import/french", test_import_french);
  ADD ("/people/import/windows-1252", test_import_windows);
  ADD ("/people/import/bad-rows", test_import_bad_rows);
  ADD ("/people/import/row-atomic", test_import_row_atomic);
  ADD ("/people/import/refused", test_import_refused);
  ADD ("/people/export", test_export);
  ADD ("/people/async", test_async);
  ADD ("/people/changed-signal", test_changed_signal);
  g_test_add_func ("/people/upgrade", test_upgrade);

  return g_test_run ();
}
