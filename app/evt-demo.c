/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-demo.c: the sample data, the cluster's 2021 programme and some of 2022. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-date.h"
#include "evt-demo.h"

/*
 * The 2021 programme is annex 1 of the cluster's 2021 agreement with Grand Besançon
 * Métropole ("L'animation de la communauté des membres"): every show on it was
 * marked impossible to attend because of the health crisis. Dates, venues and
 * kinds are plausible, not historical. The 2022 part shows a year being planned.
 * Event data is French, as the team writes it; the uids make a second load a no-op.
 */
typedef struct
{
  const char *key;        /* uid: demo-<key>@eventail.sample */
  const char *title;
  EvtKind     kind;
  EvtStatus   status;
  const char *dates;      /* as on the command line */
  const char *venue;
  const char *city;
  const char *country;
  const char *organiser;
  const char *partners;
  const char *sectors;    /* comma-separated slugs */
  const char *url;
  const char *description;
  const char *series;
  gint64      budget_eur;
} DemoEvent;

#define CRISIS N_("Health crisis (COVID-19): the 2021 objective could not be reached")

static const DemoEvent demo_events[] = {
  { "2021-global-industrie", "Global Industrie", EVT_KIND_TRADE_SHOW, EVT_STATUS_CANCELLED,
    "2021-03-16..2021-03-19", "Eurexpo", "Lyon", "France", "GL events", NULL,
    "industry-future,microtechnology", "https://www.global-industrie.com/",
    "Salon de l'industrie : stand régional partagé avec les adhérents.",
    "global-industrie", 18000 },
  { "2021-rentree-dm", "La Rentrée du DM", EVT_KIND_CONGRESS, EVT_STATUS_CANCELLED,
    "2021-09-16", "ISIFC", "Besançon", "France", "Pôle des Microtechniques",
    "ISIFC", "health", NULL,
    "Rencontres annuelles du dispositif médical, en lien avec l'ISIFC.",
    "rentree-dm", 4000 },
  { "2021-hacking-health", "Hacking Health Besançon", EVT_KIND_WORKSHOP,
    EVT_STATUS_CANCELLED, "2021-10-15..2021-10-17", "Temis Innovation", "Besançon",
    "France", "Hacking Health", "CHU de Besançon", "health", NULL,
    "Marathon d'innovation en santé : projets portés par des soignants.",
    "hacking-health", 2500 },
  { "2021-medfit", "Medfit / bifit", EVT_KIND_BUSINESS_CONVENTION, EVT_STATUS_CANCELLED,
    "2021-06-29..2021-06-30", "World Trade Center", "Grenoble", "France", "Medicalps",
    NULL, "health", NULL,
    "Convention d'affaires de l'innovation en santé : rendez-vous préprogrammés.",
    "medfit", 3500 },
  { "2021-journee-innovation-chu", "Journée de l'innovation avec le CHU",
    EVT_KIND_TECHNICAL_DAY, EVT_STATUS_CANCELLED, "2021-05-20", "CHU Jean Minjoz",
    "Besançon", "France", "CHU de Besançon", "Pôle des Microtechniques", "health", NULL,
    "Les entreprises présentent leurs innovations aux services hospitaliers.",
    NULL, 1500 },
  { "2021-medica", "Medica-Compamed", EVT_KIND_TRADE_SHOW, EVT_STATUS_CANCELLED,
    "2021-11-15..2021-11-18", "Messe Düsseldorf", "Düsseldorf", "Germany",
    "Messe Düsseldorf", "Business France", "health,microtechnology",
    "https://www.medica.de/", "Pavillon régional sur Compamed, sous-traitance médicale.",
    "medica", 25000 },
  { "2021-itd", "Innovative Therapies Days", EVT_KIND_CONGRESS, EVT_STATUS_CANCELLED,
    "2021-06-10..2021-06-11", "Kursaal", "Besançon", "France", "Pôle des Microtechniques",
    "Université de Franche-Comté", "health", NULL,
    "Congrès des thérapies innovantes : biothérapies et dispositifs.",
    "itd", 6000 },
  { "2021-micronora", "Micronora", EVT_KIND_TRADE_SHOW, EVT_STATUS_CANCELLED,
    "2021-09-28..2021-10-01", "Micropolis", "Besançon", "France", "Micronora",
    NULL, "microtechnology,industry-future,aerospace", "https://www.micronora.com/",
    "Salon international des microtechniques et de la précision.",
    "micronora", 15000 },
  { "2021-siams", "SIAMS", EVT_KIND_TRADE_SHOW, EVT_STATUS_CANCELLED,
    "2021-04-20..2021-04-23", "Forum de l'Arc", "Moutier", "Switzerland", "FAJI SA",
    NULL, "microtechnology,watchmaking-luxury", "https://www.siams.ch/",
    "Salon des moyens de production microtechniques.",
    "siams", 9000 },
  { "2021-sia-belfort", "Salon de l'intelligence artificielle", EVT_KIND_TRADE_SHOW,
    EVT_STATUS_CANCELLED, "2021-10-07..2021-10-08", "Atria", "Belfort", "France",
    "SIA Belfort", NULL, "industry-future", NULL,
    "L'intelligence artificielle au service de l'industrie.",
    NULL, 3000 },
  { "2021-medinov", "Medinov", EVT_KIND_BUSINESS_CONVENTION, EVT_STATUS_CANCELLED,
    "2021-09-22..2021-09-23", "Cité Centre de Congrès", "Lyon", "France",
    "Medinov Connection", NULL, "health", NULL,
    "Rendez-vous d'affaires des technologies médicales.",
    "medinov", 4500 },
  { "2021-adm-turin", "Aerospace & Defence Meetings", EVT_KIND_BUSINESS_CONVENTION,
    EVT_STATUS_CANCELLED, "2021-11-30..2021-12-02", "Oval Lingotto", "Turin", "Italy",
    "Ceipiemonte", NULL, "aerospace", NULL,
    "Convention d'affaires internationale de l'aéronautique, du spatial et de la "
    "défense.", "adm-turin", 7000 },

  /* 2022: the year being planned again. */
  { "2022-webinaire-riposte", "Webinaire Riposte : relancer la filière aéronautique",
    EVT_KIND_WEBINAR, EVT_STATUS_HELD, "2022-02-10T14:00..2022-02-10T15:30", NULL, NULL,
    NULL, "Pôle des Microtechniques", "GIFAS", "aerospace", NULL,
    "Présentation du programme Riposte aux adhérents de la filière.",
    NULL, -1 },
  { "2022-global-industrie", "Global Industrie", EVT_KIND_TRADE_SHOW, EVT_STATUS_HELD,
    "2022-03-01..2022-03-04", "Paris Nord Villepinte", "Villepinte", "France",
    "GL events", NULL, "industry-future,microtechnology",
    "https://www.global-industrie.com/",
    "Retour sur le salon avec le stand régional partagé.", "global-industrie", 20000 },
  { "2022-siams", "SIAMS", EVT_KIND_TRADE_SHOW, EVT_STATUS_HELD, "2022-04-05..2022-04-08",
    "Forum de l'Arc", "Moutier", "Switzerland", "FAJI SA", NULL,
    "microtechnology,watchmaking-luxury", "https://www.siams.ch/",
    "Salon des moyens de production microtechniques.", "siams", 9500 },
  { "2022-ag", "Assemblée générale du pôle", EVT_KIND_GENERAL_ASSEMBLY,
    EVT_STATUS_CONFIRMED, "2022-06-23T17:30..2022-06-23T20:00", "Maison des Microtechniques",
    "Besançon", "France", "Pôle des Microtechniques", NULL, NULL, NULL,
    "Assemblée générale annuelle, suivie d'un cocktail.", NULL, 2000 },
  { "2022-visite-aero", "Visite d'entreprise : sous-traitant aéronautique",
    EVT_KIND_COMPANY_VISIT, EVT_STATUS_TENTATIVE, "2022-07-07T09:30..2022-07-07T12:00",
    NULL, "Pontarlier", "France", "Pôle des Microtechniques", NULL, "aerospace", NULL,
    "Visite et écoute des besoins d'un adhérent.", NULL, -1 },
  { "2022-micronora", "Micronora", EVT_KIND_TRADE_SHOW, EVT_STATUS_CONFIRMED,
    "2022-09-27..2022-09-30", "Micropolis", "Besançon", "France", "Micronora", NULL,
    "microtechnology,industry-future,aerospace", "https://www.micronora.com/",
    "Stand régional partagé : 12 adhérents co-exposants.", "micronora", 16000 },
  { "2022-rentree-dm", "La Rentrée du DM", EVT_KIND_CONGRESS, EVT_STATUS_POSTPONED,
    "2022-10-13", "ISIFC", "Besançon", "France", "Pôle des Microtechniques", "ISIFC",
    "health", NULL, "Rencontres annuelles du dispositif médical.", "rentree-dm", 4000 },
  { "2022-medica", "Medica-Compamed", EVT_KIND_TRADE_SHOW, EVT_STATUS_TENTATIVE,
    "2022-11-14..2022-11-17", "Messe Düsseldorf", "Düsseldorf", "Germany",
    "Messe Düsseldorf", "Business France", "health,microtechnology",
    "https://www.medica.de/", "Pavillon régional sur Compamed.", "medica", 26000 },
  { "2022-adm-seville", "Aerospace & Defence Meetings", EVT_KIND_BUSINESS_CONVENTION,
    EVT_STATUS_TENTATIVE, "2022-12-06..2022-12-08", "FIBES", "Séville", "Spain",
    "Andalucía Aerospace", NULL, "aerospace", NULL,
    "Convention d'affaires : rendez-vous préprogrammés avec les donneurs d'ordre.",
    "adm-turin", 7000 },
};

/* The 2022 Rentrée du DM was first planned a month earlier. */
#define RENTREE_2022_ORIGINAL "2022-09-15"
#define RENTREE_2022_REASON \
  N_("Moved at the request of the partner school (ISIFC)")

static EvtEvent *
demo_event_new (const DemoEvent  *demo,
                GTimeZone        *tz,
                GError          **error)
{
  g_autoptr(EvtEvent) event = evt_event_new ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *uid = g_strdup_printf ("demo-%s@eventail.sample", demo->key);
  g_auto(GStrv) sectors = NULL;
  gboolean all_day;

  if (!evt_date_range_parse (demo->dates, tz, &all_day, &start, &end, error))
    return NULL;

  evt_event_set_uid (event, uid);
  evt_event_set_title (event, demo->title);
  evt_event_set_kind (event, demo->kind);
  evt_event_set_status (event, demo->status);
  evt_event_set_dates (event, all_day, start, end);
  evt_event_set_timezone (event, EVT_DEFAULT_TIMEZONE);
  evt_event_set_venue (event, demo->venue);
  evt_event_set_city (event, demo->city);
  evt_event_set_country (event, demo->country);
  evt_event_set_organiser (event, demo->organiser);
  evt_event_set_partners (event, demo->partners);
  evt_event_set_url (event, demo->url);
  evt_event_set_description (event, demo->description);
  evt_event_set_series (event, demo->series);
  evt_event_set_budget_cents (event, demo->budget_eur >= 0 ? demo->budget_eur * 100 : -1);
  evt_event_set_source (event, EVT_DEMO_SOURCE);
  evt_event_set_notes (event, _("Sample data loaded by Eventail: delete it freely."));

  if (demo->sectors != NULL)
    sectors = g_strsplit (demo->sectors, ",", -1);
  evt_event_set_sectors (event, (const char * const *) sectors);

  if (demo->status == EVT_STATUS_CANCELLED)
    evt_event_set_status_reason (event, _(CRISIS));

  if (g_str_equal (demo->key, "2022-rentree-dm"))
    {
      g_autoptr(GDateTime) ostart = NULL;
      g_autoptr(GDateTime) oend = NULL;
      gboolean oall_day;

      if (!evt_date_range_parse (RENTREE_2022_ORIGINAL, tz, &oall_day, &ostart, &oend, error))
        return NULL;
      evt_event_set_original_dates (event, ostart, oend);
      evt_event_set_status_reason (event, _(RENTREE_2022_REASON));
    }

  return g_steal_pointer (&event);
}

/**
 * evt_demo_load:
 * @store: an open store
 * @n_added: (out) (optional): how many sample events were added
 * @error: return location for a #GError
 *
 * Adds the sample events that are not in @store yet, in one transaction: loading
 * twice adds nothing the second time, and an event people edited is kept as is.
 *
 * Returns: %TRUE on success
 */
gboolean
evt_demo_load (EvtStore  *store,
               guint     *n_added,
               GError   **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  guint added = 0;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);

  tz = evt_timezone_new (EVT_DEFAULT_TIMEZONE, error);
  if (tz == NULL)
    return FALSE;

  if (!evt_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_events); i++)
    {
      g_autoptr(EvtEvent) event = NULL;
      g_autoptr(EvtEvent) existing = NULL;
      g_autoptr(GError) lookup_error = NULL;

      event = demo_event_new (&demo_events[i], tz, error);
      if (event == NULL)
        goto fail;

      existing = evt_store_get_event_by_uid (store, evt_event_get_uid (event),
                                             &lookup_error);
      if (existing != NULL)
        continue;
      if (!g_error_matches (lookup_error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&lookup_error));
          goto fail;
        }

      if (!evt_store_insert_event (store, event, error))
        goto fail;
      added++;
    }

  if (!evt_store_commit (store, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = added;
  return TRUE;

fail:
  evt_store_rollback (store);
  return FALSE;
}
