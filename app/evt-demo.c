/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-demo.c: the sample data, the cluster's 2021 programme and some of 2022. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-date.h"
#include "evt-demo.h"
#include "evt-people.h"

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

/*
 * The people side of the sample: the cluster's own team, a handful of member
 * companies (made up: any likeness to a real company is chance) and a laboratory,
 * who went to the 2022 shows, and what came of the two that were held. A lead's
 * follow-up in the past is due, so the Follow-ups view has something to show.
 */
typedef struct
{
  const char          *name;
  EvtOrganisationKind  kind;
  gboolean             member;
  const char          *sector;
  const char          *city;
} DemoOrganisation;

static const DemoOrganisation demo_organisations[] = {
  { "Pôle des Microtechniques", EVT_ORGANISATION_KIND_INSTITUTION, FALSE, NULL, "Besançon" },
  { "Microméca Doubs", EVT_ORGANISATION_KIND_COMPANY, TRUE, "microtechnology", "Besançon" },
  { "Laser Surface Est", EVT_ORGANISATION_KIND_COMPANY, TRUE, "industry-future",
    "Montbéliard" },
  { "Aéro Usinage Haut-Doubs", EVT_ORGANISATION_KIND_COMPANY, TRUE, "aerospace",
    "Pontarlier" },
  { "Boîtiers Horlogers du Saugeais", EVT_ORGANISATION_KIND_COMPANY, TRUE,
    "watchmaking-luxury", "Morteau" },
  { "Ortho Implant Comtois", EVT_ORGANISATION_KIND_COMPANY, TRUE, "health", "Besançon" },
  { "Capteurs Santé Jura", EVT_ORGANISATION_KIND_COMPANY, FALSE, "health", "Dole" },
  { "Laboratoire de micro-usinage de l'université", EVT_ORGANISATION_KIND_LAB, FALSE,
    "microtechnology", "Besançon" },
};

typedef struct
{
  const char *name;
  const char *organisation;
  const char *job_title;
  const char *email;
} DemoPerson;

static const DemoPerson demo_people[] = {
  { "Claire Martin", "Pôle des Microtechniques", "Chargée de communication",
    "claire.martin@example.org" },
  { "Julien Roussel", "Pôle des Microtechniques", "Chef de projet aéronautique",
    "julien.roussel@example.org" },
  { "Sophie Bernard", "Pôle des Microtechniques", "Chargée d'affaires santé",
    "sophie.bernard@example.org" },
  { "Marc Vuillemin", "Microméca Doubs", "Directeur commercial", "m.vuillemin@example.com" },
  { "Nadia Benali", "Ortho Implant Comtois", "Responsable R&D", "n.benali@example.com" },
};

typedef struct
{
  const char            *event;         /* key of a DemoEvent */
  const char            *organisation;  /* or NULL */
  const char            *person;        /* or NULL */
  EvtRole                role;
  EvtParticipationState  state;
} DemoParticipation;

static const DemoParticipation demo_participations[] = {
  { "2022-global-industrie", "Pôle des Microtechniques", "Claire Martin", EVT_ROLE_STAFF,
    EVT_PARTICIPATION_STATE_ATTENDED },
  { "2022-global-industrie", "Pôle des Microtechniques", "Julien Roussel", EVT_ROLE_STAFF,
    EVT_PARTICIPATION_STATE_ATTENDED },
  { "2022-global-industrie", "Microméca Doubs", "Marc Vuillemin", EVT_ROLE_EXHIBITOR,
    EVT_PARTICIPATION_STATE_ATTENDED },
  { "2022-global-industrie", "Laser Surface Est", NULL, EVT_ROLE_CO_EXHIBITOR,
    EVT_PARTICIPATION_STATE_ATTENDED },
  { "2022-global-industrie", "Aéro Usinage Haut-Doubs", NULL, EVT_ROLE_CO_EXHIBITOR,
    EVT_PARTICIPATION_STATE_NO_SHOW },
  { "2022-siams", "Pôle des Microtechniques", "Claire Martin", EVT_ROLE_STAFF,
    EVT_PARTICIPATION_STATE_ATTENDED },
  { "2022-siams", "Boîtiers Horlogers du Saugeais", NULL, EVT_ROLE_EXHIBITOR,
    EVT_PARTICIPATION_STATE_ATTENDED },
  { "2022-siams", "Microméca Doubs", NULL, EVT_ROLE_VISITOR,
    EVT_PARTICIPATION_STATE_ATTENDED },
  { "2022-micronora", "Pôle des Microtechniques", "Claire Martin", EVT_ROLE_STAFF,
    EVT_PARTICIPATION_STATE_CONFIRMED },
  { "2022-micronora", "Microméca Doubs", NULL, EVT_ROLE_CO_EXHIBITOR,
    EVT_PARTICIPATION_STATE_CONFIRMED },
  { "2022-micronora", "Aéro Usinage Haut-Doubs", NULL, EVT_ROLE_CO_EXHIBITOR,
    EVT_PARTICIPATION_STATE_REGISTERED },
  { "2022-micronora", "Laboratoire de micro-usinage de l'université", NULL,
    EVT_ROLE_SPEAKER, EVT_PARTICIPATION_STATE_CONFIRMED },
  { "2022-medica", "Pôle des Microtechniques", "Sophie Bernard", EVT_ROLE_STAFF,
    EVT_PARTICIPATION_STATE_REGISTERED },
  { "2022-medica", "Ortho Implant Comtois", "Nadia Benali", EVT_ROLE_EXHIBITOR,
    EVT_PARTICIPATION_STATE_INVITED },
  { "2022-medica", "Capteurs Santé Jura", NULL, EVT_ROLE_CO_EXHIBITOR,
    EVT_PARTICIPATION_STATE_INVITED },
};

typedef struct
{
  const char   *event;
  const char   *organisation;
  const char   *contact;
  const char   *subject;
  const char   *next_step;
  const char   *follow_up;     /* YYYY-MM-DD */
  EvtLeadState  state;
} DemoLead;

static const DemoLead demo_leads[] = {
  { "2022-global-industrie", "Microméca Doubs", "Acheteur d'un équipementier ferroviaire",
    "Sous-traitance de pièces décolletées", "Envoyer le devis", "2022-03-25",
    EVT_LEAD_STATE_OPEN },
  { "2022-global-industrie", "Laser Surface Est", "Bureau d'études d'un motoriste",
    "Texturation laser de pièces de turbine", "Essais sur échantillons", "2022-04-15",
    EVT_LEAD_STATE_WON },
  { "2022-siams", "Boîtiers Horlogers du Saugeais", "Manufacture suisse",
    "Boîtes de montres en petite série", "Rendez-vous à Morteau", "2022-05-10",
    EVT_LEAD_STATE_OPEN },
};

static EvtOrganisation *
demo_organisation (EvtStore         *store,
                   const char       *name,
                   GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  EvtOrganisation *organisation;

  organisation = evt_people_lookup_organisation (store, name, &local_error);
  if (organisation != NULL ||
      !g_error_matches (local_error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return organisation;
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_organisations); i++)
    {
      const DemoOrganisation *demo = &demo_organisations[i];

      if (!g_str_equal (demo->name, name))
        continue;
      organisation = evt_organisation_new (demo->name);
      evt_organisation_set_kind (organisation, demo->kind);
      evt_organisation_set_member (organisation, demo->member);
      evt_organisation_set_sector (organisation, demo->sector);
      evt_organisation_set_city (organisation, demo->city);
      if (!evt_people_save_organisation (store, organisation, error))
        g_clear_object (&organisation);
      return organisation;
    }

  g_return_val_if_reached (NULL);
}

static EvtPerson *
demo_person (EvtStore    *store,
             const char  *name,
             GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_people); i++)
    {
      const DemoPerson *demo = &demo_people[i];
      g_autoptr(EvtOrganisation) organisation = NULL;
      g_autoptr(GError) local_error = NULL;
      EvtPerson *person;

      if (!g_str_equal (demo->name, name))
        continue;

      organisation = demo_organisation (store, demo->organisation, error);
      if (organisation == NULL)
        return NULL;
      person = evt_people_lookup_person (store, demo->name,
                                         evt_organisation_get_id (organisation), &local_error);
      if (person != NULL ||
          !g_error_matches (local_error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND))
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          return person;
        }

      person = evt_person_new (demo->name);
      evt_person_set_organisation_id (person, evt_organisation_get_id (organisation));
      evt_person_set_job_title (person, demo->job_title);
      evt_person_set_email (person, demo->email);
      if (!evt_people_save_person (store, person, error))
        g_clear_object (&person);
      return person;
    }

  g_return_val_if_reached (NULL);
}

static gboolean
demo_add_participation (EvtStore                 *store,
                        gint64                    event_id,
                        const DemoParticipation  *demo,
                        GError                  **error)
{
  g_autoptr(EvtParticipation) participation = evt_participation_new (event_id);

  if (demo->organisation != NULL)
    {
      g_autoptr(EvtOrganisation) organisation = demo_organisation (store, demo->organisation,
                                                                   error);
      if (organisation == NULL)
        return FALSE;
      evt_participation_set_organisation_id (participation,
                                             evt_organisation_get_id (organisation));
    }
  if (demo->person != NULL)
    {
      g_autoptr(EvtPerson) person = demo_person (store, demo->person, error);
      if (person == NULL)
        return FALSE;
      evt_participation_set_person_id (participation, evt_person_get_id (person));
    }
  evt_participation_set_role (participation, demo->role);
  evt_participation_set_state (participation, demo->state);

  return evt_people_save_participation (store, participation, NULL, error);
}

static gboolean
demo_add_lead (EvtStore       *store,
               gint64          event_id,
               const DemoLead *demo,
               GError        **error)
{
  g_autoptr(EvtLead) lead = evt_lead_new (event_id);
  g_autoptr(EvtOrganisation) organisation = demo_organisation (store, demo->organisation,
                                                               error);

  if (organisation == NULL)
    return FALSE;
  evt_lead_set_organisation_id (lead, evt_organisation_get_id (organisation));
  evt_lead_set_contact (lead, demo->contact);
  evt_lead_set_subject (lead, demo->subject);
  evt_lead_set_next_step (lead, demo->next_step);
  evt_lead_set_follow_up (lead, demo->follow_up);
  evt_lead_set_state (lead, demo->state);

  return evt_people_save_lead (store, lead, error);
}

/* What the two shows held in 2022 brought, and what they cost (in euros). */
static gboolean
demo_add_outcome (EvtStore  *store,
                  gint64     event_id,
                  gboolean   global_industrie,
                  GError   **error)
{
  g_autoptr(EvtOutcome) outcome = evt_outcome_new (event_id);
  const char *projects[] = { "FabAdd Microtech", NULL };

  if (global_industrie)
    {
      evt_outcome_set_contacts (outcome, 86);
      evt_outcome_set_leads (outcome, 9);
      evt_outcome_set_meetings (outcome, 14);
      evt_outcome_set_projects (outcome, 1);
      evt_outcome_set_project_names (outcome, projects);
      evt_outcome_set_press (outcome, 2);
      evt_outcome_set_satisfaction (outcome, 4);
      evt_outcome_set_cost (outcome, EVT_COST_STAND, 1240000);
      evt_outcome_set_cost (outcome, EVT_COST_TRAVEL, 138000);
      evt_outcome_set_cost (outcome, EVT_COST_ACCOMMODATION, 216000);
      evt_outcome_set_cost (outcome, EVT_COST_COMMUNICATION, 85000);
    }
  else
    {
      evt_outcome_set_contacts (outcome, 41);
      evt_outcome_set_leads (outcome, 4);
      evt_outcome_set_meetings (outcome, 6);
      evt_outcome_set_satisfaction (outcome, 5);
      evt_outcome_set_cost (outcome, EVT_COST_STAND, 620000);
      evt_outcome_set_cost (outcome, EVT_COST_TRAVEL, 42000);
      evt_outcome_set_cost (outcome, EVT_COST_OTHER, 30000);
    }

  return evt_people_save_outcome (store, outcome, error);
}

/* The sample event of @key, if it is in @store and has nothing recorded yet. */
static gboolean
demo_event_to_fill (EvtStore    *store,
                    const char  *key,
                    gint64      *event_id,
                    GError     **error)
{
  g_autofree char *uid = g_strdup_printf ("demo-%s@eventail.sample", key);
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_records;

  *event_id = 0;
  event = evt_store_get_event_by_uid (store, uid, &local_error);
  if (event == NULL)
    {
      /* Deleted by the user: nothing to fill. */
      if (g_error_matches (local_error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  has_records = evt_people_event_has_records (store, evt_event_get_id (event), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!has_records)
    *event_id = evt_event_get_id (event);
  return TRUE;
}

/**
 * evt_demo_load_people:
 * @store: an open store, with the sample events of evt_demo_load()
 * @error: return location for a #GError
 *
 * Adds the sample organisations and people, the participants of four sample shows
 * of 2022 and what came of the two that were held (outcomes, costs, leads), in one
 * transaction. A sample event that has participants or outcomes already, or that
 * was deleted, is left alone, and organisations and people are found by name
 * before they are added: loading twice adds nothing the second time.
 *
 * Returns: %TRUE on success
 */
gboolean
evt_demo_load_people (EvtStore  *store,
                      GError   **error)
{
  static const char *events[] = {
    "2022-global-industrie", "2022-siams", "2022-micronora", "2022-medica",
  };

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);

  if (!evt_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      gint64 event_id;

      if (!demo_event_to_fill (store, events[i], &event_id, error))
        goto fail;
      if (event_id == 0)
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (demo_participations); j++)
        if (g_str_equal (demo_participations[j].event, events[i]) &&
            !demo_add_participation (store, event_id, &demo_participations[j], error))
          goto fail;

      for (guint j = 0; j < G_N_ELEMENTS (demo_leads); j++)
        if (g_str_equal (demo_leads[j].event, events[i]) &&
            !demo_add_lead (store, event_id, &demo_leads[j], error))
          goto fail;

      if ((g_str_equal (events[i], "2022-global-industrie") ||
           g_str_equal (events[i], "2022-siams")) &&
          !demo_add_outcome (store, event_id, g_str_equal (events[i], "2022-global-industrie"),
                             error))
        goto fail;
    }

  /* The rest of the directory, whether or not it took part in anything. */
  for (guint i = 0; i < G_N_ELEMENTS (demo_organisations); i++)
    {
      g_autoptr(EvtOrganisation) organisation = demo_organisation (store,
                                                                   demo_organisations[i].name,
                                                                   error);
      if (organisation == NULL)
        goto fail;
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo_people); i++)
    {
      g_autoptr(EvtPerson) person = demo_person (store, demo_people[i].name, error);
      if (person == NULL)
        goto fail;
    }

  return evt_store_commit (store, error);

fail:
  evt_store_rollback (store);
  return FALSE;
}

/**
 * evt_demo_load:
 * @store: an open store
 * @n_added: (out) (optional): how many sample events were added
 * @error: return location for a #GError
 *
 * Adds the sample events that are not in @store yet, in one transaction: loading
 * twice adds nothing the second time, and an event people edited is kept as is.
 * evt_demo_load_people() adds who took part in them.
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

/**
 * evt_demo_load_all:
 * @store: an open store
 * @n_added: (out) (optional): how many sample events were added
 * @error: return location for a #GError
 *
 * evt_demo_load() and evt_demo_load_people() in one transaction: the sample data
 * that `eventail demo` and the window's empty state load.
 *
 * Returns: %TRUE on success
 */
gboolean
evt_demo_load_all (EvtStore  *store,
                   guint     *n_added,
                   GError   **error)
{
  if (!evt_store_begin (store, error))
    return FALSE;

  if (!evt_demo_load (store, n_added, error) || !evt_demo_load_people (store, error))
    {
      evt_store_rollback (store);
      return FALSE;
    }

  return evt_store_commit (store, error);
}
