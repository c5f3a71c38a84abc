/* SPDX-License-Identifier: GPL-3.0-or-later */
/* year-view-data.h: events made up for the year view's tests and screenshots. */
#pragma once

#include <gio/gio.h>

#include "evt-event.h"

/* The colours of the sectors the store creates (app/evt-store.c). */
static inline GHashTable *
year_view_data_sector_colours (void)
{
  GHashTable *colours = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (colours, (char *) "health", (char *) "#2ec27e");
  g_hash_table_insert (colours, (char *) "aerospace", (char *) "#1c71d8");
  g_hash_table_insert (colours, (char *) "industry-future", (char *) "#e66100");
  g_hash_table_insert (colours, (char *) "watchmaking-luxury", (char *) "#9141ac");
  g_hash_table_insert (colours, (char *) "microtechnology", (char *) "#1a7f8e");

  return colours;
}

static inline GDateTime *
year_view_data_dt (int year,
                   int month,
                   int day,
                   int hour,
                   int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

/* An all-day event from one day to another (inclusive). */
static inline EvtEvent *
year_view_data_all_day (const char *title,
                        int y1, int m1, int d1,
                        int y2, int m2, int d2)
{
  EvtEvent *event = evt_event_new ();
  g_autoptr(GDateTime) start = year_view_data_dt (y1, m1, d1, 0, 0);
  g_autoptr(GDateTime) end = year_view_data_dt (y2, m2, d2, 0, 0);

  evt_event_set_title (event, title);
  evt_event_set_dates (event, TRUE, start, end);
  return event;
}

static inline EvtEvent *
year_view_data_timed (const char *title,
                      int y1, int m1, int d1, int h1, int min1,
                      int y2, int m2, int d2, int h2, int min2)
{
  EvtEvent *event = evt_event_new ();
  g_autoptr(GDateTime) start = year_view_data_dt (y1, m1, d1, h1, min1);
  g_autoptr(GDateTime) end = year_view_data_dt (y2, m2, d2, h2, min2);

  evt_event_set_title (event, title);
  evt_event_set_dates (event, FALSE, start, end);
  return event;
}

static inline void
year_view_data_set_sector (EvtEvent   *event,
                           const char *slug)
{
  const char *sectors[] = { slug, NULL };

  evt_event_set_sectors (event, slug != NULL ? sectors : NULL);
}

/*
 * A dense year as the cluster's communications team plans it: about a quarter trade
 * shows and congresses of two to five days, a few long events, and many one-day
 * meetings, webinars and visits; some tentative, cancelled, postponed, held. Two
 * events cross New Year. The same seed gives the same year.
 */
static inline GListStore *
year_view_data_dense_year (int   year,
                           guint n_events,
                           guint seed)
{
  static const char *shows[] = {
    "Global Industrie", "SIANE", "EPHJ", "MEDTEC Europe", "JEC World", "Hannover Messe",
    "Industrie Lyon", "Sepem Industries", "Laser World of Photonics", "Eurosatory",
    "Paris Air Forum", "Pharmapack", "Biomedical Days", "Micronora", "Vivatech",
    "Salon des Microtechniques", "Midest", "Compamed", "Medica", "Productronica",
    "Forum Labo", "Swiss Medtech Day", "Journées de la microtechnique", "Pollutec",
  };
  static const char *days[] = {
    "Webinaire : ISO 13485", "Comité de pilotage", "Réunion des adhérents",
    "Petit-déjeuner innovation", "Visite entreprise : Cryla", "Atelier cybersécurité",
    "Journée technique usinage", "Formation : marquage CE", "Rencontres acheteurs",
    "Webinaire : export Japon", "Visite entreprise : Statice", "Conseil d'administration",
    "Atelier éco-conception", "Club RH", "Webinaire : dispositifs médicaux",
    "Speed meeting start-ups", "Visite : Lycée Jules Haag", "Jury concours innovation",
  };
  static const char *long_events[] = {
    "Mission Québec", "Exposition « Temps et matière »", "Programme accélérateur",
    "Tournée Allemagne", "Campagne adhésions",
  };
  static const char *cities[] = {
    "Besançon", "Lyon", "Paris", "Dijon", "Grenoble", "Toulouse", "Genève", "Stuttgart",
    "Online",
  };
  static const char *sectors[] = {
    "health", "aerospace", "industry-future", "watchmaking-luxury", "microtechnology",
  };
  static const char *cancel_reasons[] = {
    "Sanitary restrictions", "Not enough exhibitors", "Venue unavailable",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GListStore *store = g_list_store_new (EVT_TYPE_EVENT);
  g_autoptr(EvtEvent) before = NULL;
  g_autoptr(EvtEvent) after = NULL;

  before = year_view_data_all_day ("Mission Chine", year - 1, 12, 28, year, 1, 3);
  year_view_data_set_sector (before, "aerospace");
  evt_event_set_status (before, EVT_STATUS_CONFIRMED);
  evt_event_set_city (before, "Shanghai");
  g_list_store_append (store, before);

  after = year_view_data_all_day ("Salon d'hiver", year, 12, 29, year + 1, 1, 2);
  year_view_data_set_sector (after, "watchmaking-luxury");
  evt_event_set_status (after, EVT_STATUS_TENTATIVE);
  evt_event_set_city (after, "Genève");
  g_list_store_append (store, after);

  for (guint i = 2; i < n_events; i++)
    {
      g_autoptr(EvtEvent) event = NULL;
      GDate first;
      GDate last;
      int r = g_rand_int_range (rand, 0, 100);
      int status = g_rand_int_range (rand, 0, 100);
      g_autofree char *title = NULL;

      g_date_clear (&first, 1);
      g_date_set_dmy (&first, 1, 1, year);
      /* Fewer events in August and at Christmas, as in a real year. */
      do
        {
          g_date_set_dmy (&first, 1, 1, year);
          g_date_add_days (&first, g_rand_int_range (rand, 0, 360));
        }
      while ((g_date_get_month (&first) == 8 || g_date_get_day_of_year (&first) > 354) &&
             g_rand_int_range (rand, 0, 100) < 75);
      last = first;

      if (r < 25)
        {
          g_date_add_days (&last, g_rand_int_range (rand, 1, 5));
          title = g_strdup (shows[g_rand_int_range (rand, 0, G_N_ELEMENTS (shows))]);
          event = year_view_data_all_day (title,
                                          g_date_get_year (&first), g_date_get_month (&first),
                                          g_date_get_day (&first),
                                          g_date_get_year (&last), g_date_get_month (&last),
                                          g_date_get_day (&last));
        }
      else if (r < 29)
        {
          g_date_add_days (&last, g_rand_int_range (rand, 7, 24));
          title = g_strdup (long_events[g_rand_int_range (rand, 0, G_N_ELEMENTS (long_events))]);
          event = year_view_data_all_day (title,
                                          g_date_get_year (&first), g_date_get_month (&first),
                                          g_date_get_day (&first),
                                          g_date_get_year (&last), g_date_get_month (&last),
                                          g_date_get_day (&last));
        }
      else
        {
          int hour = g_rand_int_range (rand, 8, 17);

          title = g_strdup (days[g_rand_int_range (rand, 0, G_N_ELEMENTS (days))]);
          event = year_view_data_timed (title,
                                        g_date_get_year (&first), g_date_get_month (&first),
                                        g_date_get_day (&first), hour, 0,
                                        g_date_get_year (&first), g_date_get_month (&first),
                                        g_date_get_day (&first), hour + 1, 30);
        }

      if (g_rand_int_range (rand, 0, 100) < 90)
        year_view_data_set_sector (event, sectors[g_rand_int_range (rand, 0,
                                                                    G_N_ELEMENTS (sectors))]);
      evt_event_set_city (event, cities[g_rand_int_range (rand, 0, G_N_ELEMENTS (cities))]);

      if (status < 58)
        {
          evt_event_set_status (event, EVT_STATUS_CONFIRMED);
        }
      else if (status < 76)
        {
          evt_event_set_status (event, EVT_STATUS_TENTATIVE);
        }
      else if (status < 86)
        {
          /* Held is for the past; the screenshots take mid-June as today. */
          evt_event_set_status (event, g_date_get_month (&first) < 6 ? EVT_STATUS_HELD
                                                                      : EVT_STATUS_CONFIRMED);
        }
      else if (status < 93)
        {
          int reason = g_rand_int_range (rand, 0, G_N_ELEMENTS (cancel_reasons));

          evt_event_set_status (event, EVT_STATUS_CANCELLED);
          evt_event_set_status_reason (event, cancel_reasons[reason]);
        }
      else
        {
          g_autoptr(GDateTime) original_start = NULL;
          g_autoptr(GDateTime) original_end = NULL;

          /* Postponed by a few weeks: the dates shown are the new ones. */
          original_start = g_date_time_add_days (evt_event_get_start (event), -35);
          original_end = g_date_time_add_days (evt_event_get_end (event), -35);
          evt_event_set_original_dates (event, original_start, original_end);
          evt_event_set_status (event, EVT_STATUS_POSTPONED);
        }

      g_list_store_append (store, event);
    }

  return store;
}
