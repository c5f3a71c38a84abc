/* SPDX-License-Identifier: GPL-3.0-or-later */
/* people-ui-shot.c: renders the participants, outcomes, organisations and follow-ups widgets to PNG. */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "evt-demo.h"
#include "evt-followups-view.h"
#include "evt-organisations-view-private.h"
#include "evt-outcomes-section-private.h"
#include "evt-participants-section-private.h"
#include "evt-people.h"

/*
 * Not a test: a look at the widgets with made-up data, for people to judge.
 * Usage: people-ui-shot [--dark] [--width W] [--height H] WHAT OUT.png
 *        people-ui-shot --fill DATABASE   (the same data in a database, for the window)
 * WHAT is event (both sections as the event page stacks them), organisations,
 * followups, popover (the participants' Add popover, searching "bio"), lead (the
 * dialog of a lead) or details (an organisation's).
 * Needs a display (xvfb-run).
 */

static gboolean
render (GtkWidget   *widget,
        const char  *path,
        GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "nothing was drawn");
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write %s", path);
      return FALSE;
    }
  return TRUE;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gint64
add_org (EvtStore   *store,
         const char *name,
         gboolean    member,
         const char *sector,
         const char *city)
{
  g_autoptr(EvtOrganisation) org = evt_organisation_new (name);

  evt_organisation_set_member (org, member);
  evt_organisation_set_sector (org, sector);
  evt_organisation_set_city (org, city);
  g_assert_true (evt_people_save_organisation (store, org, NULL));
  return evt_organisation_get_id (org);
}

static void
take_part (EvtStore              *store,
           gint64                 event_id,
           gint64                 org_id,
           const char            *person_name,
           EvtRole                role,
           EvtParticipationState  state)
{
  g_autoptr(EvtParticipation) part = evt_participation_new (event_id);

  if (person_name != NULL)
    {
      g_autoptr(EvtPerson) person = evt_person_new (person_name);

      evt_person_set_organisation_id (person, org_id);
      g_assert_true (evt_people_save_person (store, person, NULL));
      evt_participation_set_person_id (part, evt_person_get_id (person));
    }
  if (org_id != 0)
    evt_participation_set_organisation_id (part, org_id);
  evt_participation_set_role (part, role);
  evt_participation_set_state (part, state);
  g_assert_true (evt_people_save_participation (store, part, NULL, NULL));
}

static void
add_lead (EvtStore     *store,
          gint64        event_id,
          const char   *subject,
          const char   *org,
          const char   *contact,
          const char   *next_step,
          int           days,
          EvtLeadState  state)
{
  g_autoptr(EvtLead) lead = evt_lead_new (event_id);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
  g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");

  evt_lead_set_subject (lead, subject);
  evt_lead_set_organisation_name (lead, org);
  evt_lead_set_contact (lead, contact);
  evt_lead_set_next_step (lead, next_step);
  evt_lead_set_follow_up (lead, iso);
  evt_lead_set_state (lead, state);
  g_assert_true (evt_people_save_lead (store, lead, NULL));
}

static gint64
fill (EvtStore *store)
{
  g_autoptr(EvtEvent) event = evt_store_get_event_by_uid (store,
                                                          "demo-2022-micronora@eventail.sample",
                                                          NULL);
  g_autoptr(EvtOutcome) outcome = NULL;
  gint64 id = evt_event_get_id (event);
  const char *projects[] = { "Capteurs implantables", "Micro-usinage laser", NULL };
  gint64 biotech, femto, mphd, aero;

  biotech = add_org (store, "Biotech Franche-Comté", TRUE, "health", "Besançon");
  femto = add_org (store, "Laboratoire FEMTO-ST", FALSE, "microtechnology", "Besançon");
  mphd = add_org (store, "Mécanique de précision du Haut-Doubs", TRUE, "microtechnology",
                  "Morteau");
  aero = add_org (store, "Aéro Pièces SAS", TRUE, "aerospace", "Toulouse");
  add_org (store, "CCI Bourgogne-Franche-Comté", FALSE, NULL, "Dijon");
  add_org (store, "ISIFC", FALSE, "health", "Besançon");

  take_part (store, id, 0, "Léa Robert", EVT_ROLE_STAFF, EVT_PARTICIPATION_STATE_CONFIRMED);
  take_part (store, id, 0, "Paul Girard", EVT_ROLE_STAFF, EVT_PARTICIPATION_STATE_INVITED);
  take_part (store, id, biotech, NULL, EVT_ROLE_CO_EXHIBITOR,
             EVT_PARTICIPATION_STATE_CONFIRMED);
  take_part (store, id, mphd, NULL, EVT_ROLE_CO_EXHIBITOR, EVT_PARTICIPATION_STATE_REGISTERED);
  take_part (store, id, aero, "Marc Dubois", EVT_ROLE_SPEAKER,
             EVT_PARTICIPATION_STATE_CANCELLED);
  take_part (store, id, femto, NULL, EVT_ROLE_VISITOR, EVT_PARTICIPATION_STATE_ATTENDED);

  outcome = evt_people_get_outcome (store, id, NULL);
  evt_outcome_set_contacts (outcome, 120);
  evt_outcome_set_meetings (outcome, 14);
  evt_outcome_set_projects (outcome, 2);
  evt_outcome_set_press (outcome, 3);
  evt_outcome_set_satisfaction (outcome, 4);
  evt_outcome_set_project_names (outcome, projects);
  evt_outcome_set_cost (outcome, EVT_COST_STAND, 1250000);
  evt_outcome_set_cost (outcome, EVT_COST_TRAVEL, 182050);
  evt_outcome_set_cost (outcome, EVT_COST_ACCOMMODATION, 264000);
  g_assert_true (evt_people_save_outcome (store, outcome, NULL));

  add_lead (store, id, "Capteurs implantables", "Bourgogne Implants", "Dr Vidal",
            "Envoyer la plaquette", -3, EVT_LEAD_STATE_OPEN);
  add_lead (store, id, "Sous-traitance usinage", "Aéro Pièces SAS", "M. Roy",
            "Rendez-vous à Toulouse", 12, EVT_LEAD_STATE_OPEN);
  add_lead (store, id, "Projet collaboratif laser", "FEMTO-ST", NULL, NULL, -20,
            EVT_LEAD_STATE_WON);
  return id;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  const char *what = NULL;
  const char *out = NULL;
  gboolean dark = FALSE;
  int width = 800, height = 900;
  GtkWidget *window;
  GtkWidget *shot;
  gint64 event_id;

  /* --fill DB: the same made-up data in DB, for screenshots of the real window. */
  if (argc == 3 && g_str_equal (argv[1], "--fill"))
    {
      g_autoptr(EvtEvent) event = NULL;

      store = evt_store_new (argv[2]);
      g_assert_true (evt_store_open (store, NULL, &error));
      g_assert_true (evt_demo_load (store, NULL, &error));
      event_id = fill (store);
      event = evt_store_get_event (store, event_id, NULL);
      evt_event_set_budget_cents (event, 1600000);
      g_assert_true (evt_store_update_event (store, event, NULL));
      return 0;
    }

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--dark"))
        dark = TRUE;
      else if (g_str_equal (argv[i], "--width") && i + 1 < argc)
        width = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--height") && i + 1 < argc)
        height = atoi (argv[++i]);
      else if (what == NULL)
        what = argv[i];
      else
        out = argv[i];
    }
  if (what == NULL || out == NULL)
    {
      g_printerr ("Usage: %s [--dark] [--width W] [--height H] "
                  "event|organisations|followups|popover|lead|details OUT.png\n", argv[0]);
      return 2;
    }

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/eventail/Eventail/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  dir = g_dir_make_tmp ("eventail-shot-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "eventail.db", NULL);
  store = evt_store_new (db);
  g_assert_true (evt_store_open (store, NULL, &error));
  g_assert_true (evt_demo_load (store, NULL, &error));
  event_id = fill (store);
  {
    g_autoptr(EvtEvent) event = evt_store_get_event (store, event_id, NULL);

    evt_event_set_budget_cents (event, 1600000);
    g_assert_true (evt_store_update_event (store, event, NULL));
  }

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);

  if (g_str_equal (what, "event") || g_str_equal (what, "popover"))
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *clamp = adw_clamp_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
      GtkWidget *participants = evt_participants_section_new ();
      GtkWidget *outcomes = evt_outcomes_section_new ();

      gtk_widget_set_margin_top (box, 24);
      gtk_widget_set_margin_bottom (box, 24);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_box_append (GTK_BOX (box), participants);
      gtk_box_append (GTK_BOX (box), outcomes);
      adw_clamp_set_child (ADW_CLAMP (clamp), box);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
      adw_window_set_content (ADW_WINDOW (window), scrolled);
      evt_participants_section_set_event (EVT_PARTICIPANTS_SECTION (participants), store,
                                          event_id);
      evt_outcomes_section_set_event (EVT_OUTCOMES_SECTION (outcomes), store, event_id);
      shot = window;
      if (g_str_equal (what, "popover"))
        {
          EvtParticipantsSection *section = EVT_PARTICIPANTS_SECTION (participants);
          GtkMenuButton *button = evt_participants_section_get_add_button (section);

          gtk_window_present (GTK_WINDOW (window));
          spin (800);
          gtk_menu_button_popup (button);
          gtk_editable_set_text (evt_participants_section_get_search_entry (section), "bio");
          spin (1500);
          shot = GTK_WIDGET (gtk_menu_button_get_popover (button));
        }
    }
  else if (g_str_equal (what, "lead"))
    {
      GtkWidget *outcomes = evt_outcomes_section_new ();

      adw_window_set_content (ADW_WINDOW (window), outcomes);
      evt_outcomes_section_set_event (EVT_OUTCOMES_SECTION (outcomes), store, event_id);
      gtk_window_present (GTK_WINDOW (window));
      spin (800);
      shot = GTK_WIDGET (evt_outcomes_section_open_lead (EVT_OUTCOMES_SECTION (outcomes), 1));
      gtk_window_set_default_size (GTK_WINDOW (shot), width, height);
    }
  else if (g_str_equal (what, "details"))
    {
      GtkWidget *view = evt_organisations_view_new ();

      evt_organisations_view_set_year (EVT_ORGANISATIONS_VIEW (view), 2022);
      evt_organisations_view_set_store (EVT_ORGANISATIONS_VIEW (view), store);
      adw_window_set_content (ADW_WINDOW (window), view);
      gtk_window_present (GTK_WINDOW (window));
      spin (800);
      shot = GTK_WIDGET (evt_organisations_view_open_details (EVT_ORGANISATIONS_VIEW (view), 1));
      gtk_window_set_default_size (GTK_WINDOW (shot), width, height);
    }
  else if (g_str_equal (what, "organisations"))
    {
      GtkWidget *view = evt_organisations_view_new ();

      evt_organisations_view_set_year (EVT_ORGANISATIONS_VIEW (view), 2022);
      evt_organisations_view_set_store (EVT_ORGANISATIONS_VIEW (view), store);
      adw_window_set_content (ADW_WINDOW (window), view);
      shot = window;
    }
  else
    {
      GtkWidget *view = evt_followups_view_new ();

      evt_followups_view_set_store (EVT_FOLLOWUPS_VIEW (view), store);
      adw_window_set_content (ADW_WINDOW (window), view);
      shot = window;
    }

  gtk_window_present (GTK_WINDOW (window));
  spin (1500);
  if (GTK_IS_WINDOW (shot) && shot != window)
    gtk_window_present (GTK_WINDOW (shot));
  spin (500);
  if (!render (shot, out, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
