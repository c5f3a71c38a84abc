/* SPDX-License-Identifier: GPL-3.0-or-later */
/* make-db.c: made-up databases of 1k to 100k events for the benchmarks, cached on disk. */
#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "evt-date.h"
#include "make-db.h"

/*
 * The events look like a cluster's: a few recurring shows with their editions, and
 * many webinars, workshops, meetings and visits on made-up topics in real cities.
 * They are spread over twenty years (seventeen past, the current one, two ahead),
 * so a year holds about N/20 of them, and the current year holds BENCH_DB_DENSE_YEAR
 * more (at most N/4): the year the window opens on is a dense one. Past events are
 * mostly held, some cancelled (with a reason) or postponed; later ones are mostly
 * tentative or confirmed, a few postponed with their date to be announced. Everything
 * goes through evt_store_insert_event() (validation, full-text index, sectors) in
 * one transaction. The random generator is seeded: the same size gives the same file.
 */

#define N_YEARS      20
#define YEARS_AHEAD  2

typedef struct
{
  const char *city;
  const char *country;
  const char *venue;
} Place;

static const Place places[] = {
  { "Besançon", "France", "Micropolis" },
  { "Besançon", "France", "Temis Innovation" },
  { "Besançon", "France", "Kursaal" },
  { "Belfort", "France", "Atria" },
  { "Montbéliard", "France", "Pavillon des sciences" },
  { "Dijon", "France", "Palais des congrès" },
  { "Lyon", "France", "Eurexpo" },
  { "Paris", "France", "Paris Expo Porte de Versailles" },
  { "Paris", "France", "Palais des congrès" },
  { "Grenoble", "France", "World Trade Center" },
  { "Strasbourg", "France", "Palais de la musique et des congrès" },
  { "Mulhouse", "France", "Parc des expositions" },
  { "Toulouse", "France", "MEETT" },
  { "Bordeaux", "France", "Hangar 14" },
  { "Nantes", "France", "La Cité" },
  { "Lille", "France", "Lille Grand Palais" },
  { "Marseille", "France", "Parc Chanot" },
  { "Pontarlier", "France", "Espace René Pagnier" },
  { "Dole", "France", "La Commanderie" },
  { "Genève", "Switzerland", "Palexpo" },
  { "Lausanne", "Switzerland", "Beaulieu" },
  { "Neuchâtel", "Switzerland", "Microcity" },
  { "Moutier", "Switzerland", "Forum de l'Arc" },
  { "La Chaux-de-Fonds", "Switzerland", "Polyexpo" },
  { "Bâle", "Switzerland", "Messe Basel" },
  { "Zurich", "Switzerland", "Messe Zürich" },
  { "Düsseldorf", "Germany", "Messe Düsseldorf" },
  { "Stuttgart", "Germany", "Messe Stuttgart" },
  { "Munich", "Germany", "Messe München" },
  { "Francfort", "Germany", "Messe Frankfurt" },
  { "Nuremberg", "Germany", "NürnbergMesse" },
  { "Milan", "Italy", "Fiera Milano" },
  { "Turin", "Italy", "Lingotto Fiere" },
  { "Barcelone", "Spain", "Fira Gran Via" },
  { "Bruxelles", "Belgium", "Brussels Expo" },
  { "Amsterdam", "Netherlands", "RAI" },
  { "Boston", "United States", "Convention Center" },
  { "Montréal", "Canada", "Palais des congrès" },
};

/* Recurring shows: one edition a year (two years apart for a biennial one). */
typedef struct
{
  const char *name;
  EvtKind     kind;
  guint       place;      /* index in places[] */
  int         month;
  int         days;
  const char *sectors;
  gboolean    biennial;
} Show;

static const Show shows[] = {
  { "Micronora", EVT_KIND_TRADE_SHOW, 0, 9, 4, "microtechnology,industry-future,aerospace",
    TRUE },
  { "Global Industrie", EVT_KIND_TRADE_SHOW, 6, 3, 4, "industry-future,microtechnology",
    FALSE },
  { "Medica-Compamed", EVT_KIND_TRADE_SHOW, 26, 11, 4, "health,microtechnology", FALSE },
  { "SIAMS", EVT_KIND_TRADE_SHOW, 22, 4, 4, "microtechnology,industry-future", TRUE },
  { "EPHJ", EVT_KIND_TRADE_SHOW, 19, 6, 4, "watchmaking-luxury,microtechnology,health",
    FALSE },
  { "Innovative Therapies Days", EVT_KIND_CONGRESS, 2, 6, 2, "health", FALSE },
  { "La Rentrée du DM", EVT_KIND_CONGRESS, 1, 9, 1, "health", FALSE },
  { "Medfit", EVT_KIND_BUSINESS_CONVENTION, 9, 6, 2, "health", FALSE },
  { "Paris Air Show", EVT_KIND_TRADE_SHOW, 7, 6, 5, "aerospace", TRUE },
  { "Baselworld", EVT_KIND_TRADE_SHOW, 24, 3, 5, "watchmaking-luxury", FALSE },
  { "MedTec Europe", EVT_KIND_TRADE_SHOW, 27, 5, 3, "health,microtechnology", FALSE },
  { "Assemblée générale du pôle", EVT_KIND_GENERAL_ASSEMBLY, 2, 6, 1, NULL, FALSE },
};

static const char *topics[] = {
  "microtechniques", "dispositifs médicaux", "aéronautique", "horlogerie", "usinage",
  "biotechnologies", "robotique", "impression 3D", "intelligence artificielle", "luxe",
  "santé connectée", "spatial", "défense", "industrie du futur", "bioproduction",
  "capteurs", "photonique", "MedTech", "décolletage", "cybersécurité", "énergie",
  "hydrogène", "matériaux avancés", "traitements de surface", "numérique", "export",
  "marquage CE", "règlement MDR", "brevets", "financement de l'innovation", "recrutement",
  "salles propres", "métrologie", "micro-usinage laser", "jumeau numérique",
};

static const char *organisers[] = {
  "Pôle des Microtechniques", "CCI Bourgogne-Franche-Comté", "Business France",
  "AD Bourgogne-Franche-Comté", "Université de Franche-Comté", "CHU de Besançon",
  "GL events", "FEMTO-ST", "Vitamine T", "Bpifrance", "UIMM Franche-Comté", "ISIFC",
};

static const char *sector_slugs[] = {
  "health", "aerospace", "industry-future", "watchmaking-luxury", "microtechnology",
};

/* How often each kind comes, out of 100, in the order of EvtKind. */
static const guint kind_weights[EVT_N_KINDS] = {
  [EVT_KIND_TRADE_SHOW] = 12,
  [EVT_KIND_CONGRESS] = 8,
  [EVT_KIND_BUSINESS_CONVENTION] = 5,
  [EVT_KIND_WEBINAR] = 22,
  [EVT_KIND_WORKSHOP] = 15,
  [EVT_KIND_TECHNICAL_DAY] = 8,
  [EVT_KIND_MEETING] = 14,
  [EVT_KIND_ROAD_SHOW] = 3,
  [EVT_KIND_COMPANY_VISIT] = 6,
  [EVT_KIND_TRAINING] = 4,
  [EVT_KIND_GENERAL_ASSEMBLY] = 1,
  [EVT_KIND_OTHER] = 2,
};

static const char *kind_titles[EVT_N_KINDS] = {
  [EVT_KIND_TRADE_SHOW] = "Salon",
  [EVT_KIND_CONGRESS] = "Congrès",
  [EVT_KIND_BUSINESS_CONVENTION] = "Convention d'affaires",
  [EVT_KIND_WEBINAR] = "Webinaire",
  [EVT_KIND_WORKSHOP] = "Atelier",
  [EVT_KIND_TECHNICAL_DAY] = "Journée technique",
  [EVT_KIND_MEETING] = "Réunion du groupe",
  [EVT_KIND_ROAD_SHOW] = "Tournée",
  [EVT_KIND_COMPANY_VISIT] = "Visite d'entreprise",
  [EVT_KIND_TRAINING] = "Formation",
  [EVT_KIND_GENERAL_ASSEMBLY] = "Assemblée",
  [EVT_KIND_OTHER] = "Rencontre",
};

static EvtKind
random_kind (GRand *rand)
{
  guint pick = g_rand_int_range (rand, 0, 100);

  for (guint kind = 0; kind < EVT_N_KINDS; kind++)
    {
      if (pick < kind_weights[kind])
        return kind;
      pick -= kind_weights[kind];
    }
  return EVT_KIND_OTHER;
}

static void
set_random_sectors (EvtEvent *event,
                    GRand    *rand)
{
  const char *slugs[4] = { NULL, };
  guint pick = g_rand_int_range (rand, 0, 10);
  guint n = pick < 6 ? 1 : pick < 9 ? 2 : 3;
  guint first = g_rand_int_range (rand, 0, G_N_ELEMENTS (sector_slugs));

  /* Distinct sectors: consecutive ones from a random start. */
  for (guint i = 0; i < n; i++)
    slugs[i] = sector_slugs[(first + i) % G_N_ELEMENTS (sector_slugs)];
  evt_event_set_sectors (event, slugs);
}

/* Sets the dates of an event of @kind on @day: shows last days, webinars an hour. */
static void
set_dates (EvtEvent  *event,
           EvtKind    kind,
           GDateTime *day,
           int        show_days,
           GRand     *rand)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  int days = 1;
  int hour = -1;
  int minutes = 0;

  switch (kind)
    {
    case EVT_KIND_TRADE_SHOW:
    case EVT_KIND_ROAD_SHOW:
      days = show_days > 0 ? show_days : g_rand_int_range (rand, 2, 5);
      break;
    case EVT_KIND_CONGRESS:
    case EVT_KIND_BUSINESS_CONVENTION:
    case EVT_KIND_TRAINING:
      days = show_days > 0 ? show_days : g_rand_int_range (rand, 1, 3);
      break;
    case EVT_KIND_WEBINAR:
      hour = g_rand_boolean (rand) ? 11 : 14;
      minutes = 60;
      break;
    case EVT_KIND_WORKSHOP:
      hour = 9;
      minutes = 180;
      break;
    case EVT_KIND_MEETING:
    case EVT_KIND_COMPANY_VISIT:
      hour = g_rand_boolean (rand) ? 8 : 14;
      minutes = 120;
      break;
    case EVT_KIND_GENERAL_ASSEMBLY:
      hour = 17;
      minutes = 150;
      break;
    case EVT_KIND_TECHNICAL_DAY:
    case EVT_KIND_OTHER:
    default:
      break;
    }

  if (hour >= 0)
    {
      start = g_date_time_add_hours (day, hour);
      end = g_date_time_add_minutes (start, minutes);
      evt_event_set_dates (event, FALSE, start, end);
    }
  else
    {
      end = g_date_time_add_days (day, days - 1);
      evt_event_set_dates (event, TRUE, day, end);
    }
}

/* Statuses as time has left them: held or cancelled behind, planned ahead. */
static void
set_status (EvtEvent  *event,
            gboolean   past,
            GRand     *rand)
{
  guint pick = g_rand_int_range (rand, 0, 100);
  GDateTime *start = evt_event_get_start (event);
  GDateTime *end = evt_event_get_end (event);
  EvtStatus status;

  if (past)
    status = pick < 78 ? EVT_STATUS_HELD :
             pick < 88 ? EVT_STATUS_CANCELLED :
             pick < 93 ? EVT_STATUS_POSTPONED :
             pick < 95 ? EVT_STATUS_TENTATIVE : EVT_STATUS_CONFIRMED;
  else
    status = pick < 40 ? EVT_STATUS_TENTATIVE :
             pick < 88 ? EVT_STATUS_CONFIRMED :
             pick < 94 ? EVT_STATUS_POSTPONED : EVT_STATUS_CANCELLED;

  evt_event_set_status (event, status);
  if (status == EVT_STATUS_CANCELLED)
    evt_event_set_status_reason (event, g_rand_boolean (rand) ?
                                 "Crise sanitaire : salon annulé par l'organisateur" :
                                 "Pas assez d'exposants inscrits");
  else if (status == EVT_STATUS_POSTPONED)
    {
      if (!past && g_rand_boolean (rand))
        {
          /* The new date is not known: it still starts on its original dates. */
          evt_event_set_original_dates (event, start, end);
          evt_event_set_status_reason (event, "Date à confirmer par l'organisateur");
        }
      else
        {
          g_autoptr(GDateTime) ostart = g_date_time_add_days (start, -35);
          g_autoptr(GDateTime) oend = g_date_time_add_days (end, -35);

          evt_event_set_original_dates (event, ostart, oend);
          evt_event_set_status_reason (event, "Reporté à la demande du partenaire");
        }
    }
}

/**
 * bench_db_fill:
 * @store: an open store
 * @n_events: how many events to add
 * @current_year: the year made dense, the year the window opens on
 * @error: return location for a #GError
 *
 * Adds @n_events made-up events to @store in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
bench_db_fill (EvtStore  *store,
               guint      n_events,
               int        current_year,
               GError   **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GRand *rand = g_rand_new_with_seed (0x45766e74 + n_events);
  guint n_dense = MIN (BENCH_DB_DENSE_YEAR, n_events / 4);
  int first_year = current_year - (N_YEARS - 1 - YEARS_AHEAD);
  gboolean ok = FALSE;

  tz = evt_timezone_new (EVT_DEFAULT_TIMEZONE, error);
  if (tz == NULL || !evt_store_begin (store, error))
    goto out;

  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(EvtEvent) event = evt_event_new ();
      g_autoptr(GDateTime) jan1 = NULL;
      g_autoptr(GDateTime) day = NULL;
      g_autofree char *uid = g_strdup_printf ("bench-%u@eventail.bench", i);
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;
      const char *topic = topics[g_rand_int_range (rand, 0, G_N_ELEMENTS (topics))];
      const Place *place = &places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))];
      const Show *show = NULL;
      int year;
      EvtKind kind;

      year = i < n_dense ? current_year : first_year + g_rand_int_range (rand, 0, N_YEARS);
      kind = random_kind (rand);
      jan1 = g_date_time_new (tz, year, 1, 1, 0, 0, 0);

      /* About one event in twelve is an edition of a recurring show. */
      if (g_rand_int_range (rand, 0, 12) == 0)
        show = &shows[g_rand_int_range (rand, 0, G_N_ELEMENTS (shows))];

      evt_event_set_uid (event, uid);
      if (show != NULL)
        {
          g_autoptr(GDateTime) first = g_date_time_new (tz, year, show->month, 1, 0, 0, 0);
          g_autofree char *series = g_ascii_strdown (show->name, -1);

          kind = show->kind;
          place = &places[show->place];
          day = g_date_time_add_days (first, g_rand_int_range (rand, 0, 24));
          title = g_strdup_printf ("%s %d", show->name, year);
          evt_event_set_series (event, series);
          if (show->sectors != NULL)
            {
              g_auto(GStrv) slugs = g_strsplit (show->sectors, ",", -1);

              evt_event_set_sectors (event, (const char * const *) slugs);
            }
          if (show->kind == EVT_KIND_TRADE_SHOW)
            evt_event_set_budget_cents (event, g_rand_int_range (rand, 20, 300) * 10000);
        }
      else
        {
          day = g_date_time_add_days (jan1, g_rand_int_range (rand, 0, 365));
          title = g_strdup_printf ("%s %s — %s", kind_titles[kind], topic, place->city);
          set_random_sectors (event, rand);
        }

      description = g_strdup_printf ("%s à %s (%s) sur le thème : %s. Stand ou "
                                     "participation partagés avec les adhérents.",
                                     kind_titles[kind], place->city, place->venue, topic);

      evt_event_set_title (event, title);
      evt_event_set_kind (event, kind);
      set_dates (event, kind, day, show != NULL ? show->days : 0, rand);
      set_status (event, g_date_time_compare (evt_event_get_end (event), now) < 0, rand);
      evt_event_set_timezone (event, EVT_DEFAULT_TIMEZONE);
      if (kind != EVT_KIND_WEBINAR)
        {
          evt_event_set_venue (event, place->venue);
          evt_event_set_city (event, place->city);
          evt_event_set_country (event, place->country);
        }
      evt_event_set_organiser (event,
                               organisers[g_rand_int_range (rand, 0, G_N_ELEMENTS (organisers))]);
      if (g_rand_int_range (rand, 0, 4) == 0)
        evt_event_set_partners (event, "Business France, CCI");
      if (g_rand_int_range (rand, 0, 3) == 0)
        evt_event_set_url (event, "https://www.example.org/evenements");
      evt_event_set_description (event, description);

      if (!evt_store_insert_event (store, event, error))
        {
          evt_store_rollback (store);
          goto out;
        }
    }

  ok = evt_store_commit (store, error);

out:
  g_rand_free (rand);
  return ok;
}

/**
 * bench_db_ensure:
 * @dir: the folder that keeps the generated files (the build folder)
 * @n_events: how many events
 * @generated: (out) (optional): set to %TRUE when the file had to be made
 * @error: return location for a #GError
 *
 * Finds the database of @n_events events for this year in @dir, or makes it: the
 * file is written under a temporary name and renamed when complete, so that an
 * interrupted run never leaves a half-made file to be reused.
 *
 * Returns: (transfer full): the path of the database, or %NULL
 */
char *
bench_db_ensure (const char  *dir,
                 guint        n_events,
                 gboolean    *generated,
                 GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  g_autofree char *name = g_strdup_printf ("events-%u-y%d-s%d-g%d.db", n_events, year,
                                           EVT_STORE_SCHEMA_VERSION,
                                           BENCH_DB_GENERATOR_VERSION);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  g_autofree char *tmp_wal = g_strconcat (tmp, "-wal", NULL);
  g_autofree char *tmp_shm = g_strconcat (tmp, "-shm", NULL);
  g_autoptr(EvtStore) store = NULL;

  if (generated != NULL)
    *generated = FALSE;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "cannot create %s: %s", dir, g_strerror (saved));
      return NULL;
    }

  g_unlink (tmp);
  g_unlink (tmp_wal);
  g_unlink (tmp_shm);

  store = evt_store_new (tmp);
  if (!evt_store_open (store, NULL, error) ||
      !bench_db_fill (store, n_events, year, error))
    {
      g_clear_object (&store);
      g_unlink (tmp);
      return NULL;
    }
  /* Closing the last connection folds the write-ahead log back into the file. */
  g_clear_object (&store);
  g_unlink (tmp_wal);
  g_unlink (tmp_shm);

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "cannot rename %s: %s", tmp, g_strerror (saved));
      return NULL;
    }

  if (generated != NULL)
    *generated = TRUE;
  return g_steal_pointer (&path);
}
