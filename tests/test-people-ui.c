/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-people-ui.c: the participants, outcomes, organisations and follow-ups widgets on a real
 * display over a real SQLite file with the sample data and a member list (suite display). */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "evt-demo.h"
#include "evt-followups-view.h"
#include "evt-event-page-private.h"
#include "evt-list-view-private.h"
#include "evt-organisations-view-private.h"
#include "evt-outcomes-section-private.h"
#include "evt-participants-section-private.h"
#include "evt-people-common.h"
#include "evt-people.h"
#include "evt-test-util.h"
#include "evt-window-private.h"

typedef struct
{
  char      *dir;
  EvtStore  *store;
  GtkWidget *window;
  GtkWidget *box;
  gint64     micronora;  /* the 2022 edition, from the sample data */
  GPtrArray *toasts;     /* AdwToast, as the widgets asked to show them */
} Fixture;

static gboolean
is_hidden (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static gboolean
participants_idle (gpointer data)
{
  return !evt_participants_section_is_busy (data);
}

static gboolean
outcomes_idle (gpointer data)
{
  return !evt_outcomes_section_is_busy (data);
}

/* Twice: a write's "changed" comes back through the main context and starts a reload. */
static void
wait_participants (EvtParticipantsSection *section)
{
  for (guint i = 0; i < 2; i++)
    evt_test_wait_until (participants_idle, section, "the participants section");
}

static void
wait_outcomes (EvtOutcomesSection *section)
{
  for (guint i = 0; i < 2; i++)
    evt_test_wait_until (outcomes_idle, section, "the outcomes section");
}

static void
on_toast (GtkWidget *widget,
          AdwToast  *toast,
          Fixture   *fixture)
{
  g_ptr_array_add (fixture->toasts, g_object_ref (toast));
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "members", name, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv = fixture_path ("members-fr-bom.csv");
  g_autoptr(EvtImportReport) report = NULL;
  g_autoptr(EvtEvent) event = NULL;
  GtkWidget *scrolled;
  GtkWidget *clamp;
  guint n_added = 0;

  fixture->dir = g_dir_make_tmp ("eventail-test-people-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "eventail.db", NULL);
  fixture->store = evt_store_new (path);
  evt_store_open (fixture->store, NULL, &error);
  g_assert_no_error (error);
  evt_demo_load (fixture->store, &n_added, &error);
  g_assert_no_error (error);

  report = evt_people_import_organisations (fixture->store, csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_added, ==, 4);

  event = evt_store_get_event_by_uid (fixture->store, "demo-2022-micronora@eventail.sample",
                                      &error);
  g_assert_no_error (error);
  fixture->micronora = evt_event_get_id (event);
  fixture->toasts = g_ptr_array_new_with_free_func (g_object_unref);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 720, 800);
  scrolled = gtk_scrolled_window_new ();
  clamp = adw_clamp_new ();
  fixture->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (fixture->box, 24);
  gtk_widget_set_margin_bottom (fixture->box, 24);
  gtk_widget_set_margin_start (fixture->box, 12);
  gtk_widget_set_margin_end (fixture->box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), fixture->box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_window_set_child (GTK_WINDOW (fixture->window), scrolled);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  GtkWidget *window = fixture->window;
  const char *name;

  /* Toasts hold their widgets (an undo does): they go first. */
  g_clear_pointer (&fixture->toasts, g_ptr_array_unref);

  /* Wait for the worker threads, which hold the widgets, to be done. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  evt_test_wait_until (evt_test_is_cleared, &window, "the window to go");

  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* --- Helpers ---------------------------------------------------------------------------------- */

static GPtrArray *
stored_participations (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *parts = evt_people_list_participations (fixture->store, fixture->micronora, -1,
                                                     &error);

  g_assert_no_error (error);
  return parts;
}

typedef struct
{
  GtkListBox *list;
  const char *title;
} FindRow;

static GtkListBoxRow *
find_result (GtkListBox *list,
             const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_PREFERENCES_ROW (child) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

static gboolean
result_shown (gpointer data)
{
  FindRow *find = data;

  return find_result (find->list, find->title) != NULL;
}

/* Types @text into the popover's search as someone would, and waits for the row
 * called @title among the results. */
static GtkListBoxRow *
search_for (EvtParticipantsSection *section,
            const char             *text,
            const char             *title)
{
  FindRow find = { evt_participants_section_get_results_list (section), title };

  gtk_editable_set_text (evt_participants_section_get_search_entry (section), text);
  evt_test_wait_until (result_shown, &find, title);
  return find_result (find.list, title);
}

/* --- Participants ------------------------------------------------------------------------------ */

static void
test_participants (Fixture       *fixture,
                   gconstpointer  data)
{
  EvtParticipantsSection *section = EVT_PARTICIPANTS_SECTION (evt_participants_section_new ());
  g_autoptr(GPtrArray) parts = NULL;
  EvtParticipation *part;
  GtkListBoxRow *row;
  AdwToast *toast;

  gtk_box_append (GTK_BOX (fixture->box), GTK_WIDGET (section));
  g_signal_connect (section, "toast", G_CALLBACK (on_toast), fixture);
  evt_participants_section_set_event (section, fixture->store, fixture->micronora);
  wait_participants (section);
  g_assert_cmpuint (evt_participants_section_get_n_participants (section), ==, 0);
  g_assert_cmpstr (evt_participants_section_get_counts_text (section), ==,
                   "No participants yet");

  /* The popover opens on the member list; typing searches everyone. */
  gtk_menu_button_popup (evt_participants_section_get_add_button (section));
  wait_participants (section);
  g_assert_nonnull (find_result (evt_participants_section_get_results_list (section),
                                 "Biotech Franche-Comté"));
  /* A laboratory that is not a member is not in the member list... */
  g_assert_null (find_result (evt_participants_section_get_results_list (section),
                              "Laboratoire \"FEMTO-ST\"; département temps-fréquence"));
  /* ...but a search finds it, accents or not. */
  g_assert_nonnull (search_for (section, "femto", "Laboratoire \"FEMTO-ST\"; département "
                                "temps-fréquence"));

  /* Add a member company, confirmed on the shared stand. */
  row = search_for (section, "biotech franche", "Biotech Franche-Comté");
  gtk_drop_down_set_selected (evt_participants_section_get_role_dropdown (section),
                              EVT_ROLE_EXHIBITOR);
  gtk_drop_down_set_selected (evt_participants_section_get_new_state_dropdown (section),
                              EVT_PARTICIPATION_STATE_CONFIRMED);
  g_signal_emit_by_name (row, "activate");
  wait_participants (section);

  parts = stored_participations (fixture);
  g_assert_cmpuint (parts->len, ==, 1);
  part = g_ptr_array_index (parts, 0);
  g_assert_cmpstr (evt_participation_get_organisation_name (part), ==, "Biotech Franche-Comté");
  g_assert_cmpint (evt_participation_get_role (part), ==, EVT_ROLE_EXHIBITOR);
  g_assert_cmpint (evt_participation_get_state (part), ==, EVT_PARTICIPATION_STATE_CONFIRMED);
  g_clear_pointer (&parts, g_ptr_array_unref);
  g_assert_cmpuint (evt_participants_section_get_n_participants (section), ==, 1);
  g_assert_cmpstr (evt_participants_section_get_counts_text (section), ==, "1 confirmed");
  g_assert_cmpstr (adw_preferences_row_get_title (
                     ADW_PREFERENCES_ROW (evt_participants_section_get_row (section, 0))), ==,
                   "Biotech Franche-Comté");

  /* Someone new, typed in the search: a member of staff, invited. */
  row = search_for (section, "Léa Robert", "New person “Léa Robert”");
  gtk_drop_down_set_selected (evt_participants_section_get_role_dropdown (section),
                              EVT_ROLE_STAFF);
  gtk_drop_down_set_selected (evt_participants_section_get_new_state_dropdown (section),
                              EVT_PARTICIPATION_STATE_INVITED);
  g_signal_emit_by_name (row, "activate");
  wait_participants (section);
  gtk_popover_popdown (gtk_menu_button_get_popover (
                         evt_participants_section_get_add_button (section)));

  parts = stored_participations (fixture);
  g_assert_cmpuint (parts->len, ==, 2);
  /* Listed by role: staff first. */
  part = g_ptr_array_index (parts, 0);
  g_assert_cmpstr (evt_participation_get_person_name (part), ==, "Léa Robert");
  g_assert_cmpint (evt_participation_get_role (part), ==, EVT_ROLE_STAFF);
  g_clear_pointer (&parts, g_ptr_array_unref);
  g_assert_cmpstr (evt_participants_section_get_counts_text (section), ==,
                   "1 invited · 1 confirmed");

  /* The state changes in place, and is stored. */
  gtk_drop_down_set_selected (evt_participants_section_get_state_dropdown (section, 1),
                              EVT_PARTICIPATION_STATE_ATTENDED);
  g_assert_cmpstr (evt_participants_section_get_counts_text (section), ==,
                   "1 invited · 1 attended");
  wait_participants (section);
  parts = stored_participations (fixture);
  g_assert_cmpint (evt_participation_get_state (g_ptr_array_index (parts, 1)), ==,
                   EVT_PARTICIPATION_STATE_ATTENDED);
  g_clear_pointer (&parts, g_ptr_array_unref);
  g_assert_cmpstr (evt_participants_section_get_counts_text (section), ==,
                   "1 invited · 1 attended");
  g_assert_cmpuint (gtk_drop_down_get_selected (
                      evt_participants_section_get_state_dropdown (section, 1)), ==,
                    EVT_PARTICIPATION_STATE_ATTENDED);

  /* Removed, with an undo that puts them back. */
  g_assert_cmpuint (fixture->toasts->len, ==, 0);
  g_signal_emit_by_name (evt_participants_section_get_remove_button (section, 0), "clicked");
  wait_participants (section);
  parts = stored_participations (fixture);
  g_assert_cmpuint (parts->len, ==, 1);
  g_clear_pointer (&parts, g_ptr_array_unref);
  g_assert_cmpstr (evt_participants_section_get_counts_text (section), ==, "1 attended");
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  toast = g_ptr_array_index (fixture->toasts, 0);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "“Léa Robert” removed");
  g_signal_emit_by_name (toast, "button-clicked");
  wait_participants (section);
  parts = stored_participations (fixture);
  g_assert_cmpuint (parts->len, ==, 2);
  part = g_ptr_array_index (parts, 0);
  g_assert_cmpstr (evt_participation_get_person_name (part), ==, "Léa Robert");
  g_assert_cmpint (evt_participation_get_state (part), ==, EVT_PARTICIPATION_STATE_INVITED);
  g_assert_cmpstr (evt_participants_section_get_counts_text (section), ==,
                   "1 invited · 1 attended");

  /* The undo is good once. */
  g_signal_emit_by_name (toast, "button-clicked");
  wait_participants (section);
  g_assert_cmpuint (evt_participants_section_get_n_participants (section), ==, 2);
}

/* --- Outcomes ------------------------------------------------------------------------------------ */

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;

  g_assert_true (*error == NULL);
  if (!evt_outcomes_section_save_finish (EVT_OUTCOMES_SECTION (source), result, error) &&
      *error == NULL)
    g_assert_not_reached ();
  g_object_set_data (source, "evt-test-done", GINT_TO_POINTER (1));
}

static gboolean
save_done (gpointer data)
{
  return g_object_get_data (data, "evt-test-done") != NULL;
}

static gboolean
save_outcomes (EvtOutcomesSection  *section,
               GError             **error)
{
  g_object_set_data (G_OBJECT (section), "evt-test-done", NULL);
  evt_outcomes_section_save_async (section, NULL, on_saved, error);
  evt_test_wait_until (save_done, section, "the outcomes to be saved");
  wait_outcomes (section);
  return *error == NULL;
}

static void
set_budget (Fixture *fixture,
            gint64   cents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtEvent) event = evt_store_get_event (fixture->store, fixture->micronora, &error);

  g_assert_no_error (error);
  evt_event_set_budget_cents (event, cents);
  g_assert_true (evt_store_update_event (fixture->store, event, &error));
  g_assert_no_error (error);
}

static gboolean
dialog_idle (gpointer data)
{
  return !evt_lead_dialog_is_busy (data);
}

static void
test_outcomes (Fixture       *fixture,
               gconstpointer  data)
{
  EvtOutcomesSection *section = EVT_OUTCOMES_SECTION (evt_outcomes_section_new ());
  g_autoptr(EvtOutcome) outcome = NULL;
  g_autoptr(GPtrArray) leads = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  EvtLeadDialog *dialog;

  set_budget (fixture, 1000000);
  gtk_box_append (GTK_BOX (fixture->box), GTK_WIDGET (section));
  g_signal_connect (section, "toast", G_CALLBACK (on_toast), fixture);
  evt_outcomes_section_set_event (section, fixture->store, fixture->micronora);
  wait_outcomes (section);
  g_assert_false (evt_outcomes_section_get_dirty (section));
  g_assert_cmpstr (evt_outcomes_section_get_total_text (section), ==, "No costs entered");
  g_assert_cmpuint (evt_outcomes_section_get_n_leads (section), ==, 0);

  /* Figures and costs as people type them; the total against the budget follows. */
  gtk_editable_set_text (evt_outcomes_section_get_field (section, "contacts"), "120");
  gtk_editable_set_text (evt_outcomes_section_get_field (section, "meetings"), "8");
  gtk_editable_set_text (evt_outcomes_section_get_projects_entry (section), "2");
  g_signal_emit_by_name (evt_outcomes_section_get_star (section, 3), "clicked");
  gtk_editable_set_text (evt_outcomes_section_get_field (section, "stand"), "3 500");
  gtk_editable_set_text (evt_outcomes_section_get_field (section, "travel"), "1 200,50");
  g_assert_true (evt_outcomes_section_get_dirty (section));
  expected = g_strdup_printf ("%s of %s", "4700.50 €", "10000 €");
  g_assert_cmpstr (evt_outcomes_section_get_total_text (section), ==, expected);
  g_assert_false (evt_outcomes_section_is_over_budget (section));

  g_assert_true (save_outcomes (section, &error));
  g_assert_no_error (error);
  g_assert_false (evt_outcomes_section_get_dirty (section));
  outcome = evt_people_get_outcome (fixture->store, fixture->micronora, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_outcome_get_contacts (outcome), ==, 120);
  g_assert_cmpint (evt_outcome_get_meetings (outcome), ==, 8);
  g_assert_cmpint (evt_outcome_get_leads (outcome), ==, -1);
  g_assert_cmpint (evt_outcome_get_projects (outcome), ==, 2);
  g_assert_cmpfloat (evt_outcome_get_satisfaction (outcome), ==, 4);
  g_assert_cmpint (evt_outcome_get_cost (outcome, EVT_COST_STAND), ==, 350000);
  g_assert_cmpint (evt_outcome_get_cost (outcome, EVT_COST_TRAVEL), ==, 120050);
  g_assert_cmpint (evt_outcome_get_cost (outcome, EVT_COST_OTHER), ==, -1);
  g_assert_cmpint (evt_outcome_get_total_cost (outcome), ==, 470050);
  g_clear_object (&outcome);

  /* Over the budget: said, in the error colour. */
  gtk_editable_set_text (evt_outcomes_section_get_field (section, "accommodation"), "6000");
  g_assert_true (evt_outcomes_section_is_over_budget (section));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s of %s", "10700.50 €", "10000 €");
  g_assert_cmpstr (evt_outcomes_section_get_total_text (section), ==, expected);

  /* Not a number: the field says so, and the save is refused with its name. */
  gtk_editable_set_text (evt_outcomes_section_get_field (section, "contacts"), "beaucoup");
  g_assert_true (gtk_widget_has_css_class (
                   GTK_WIDGET (evt_outcomes_section_get_field (section, "contacts")), "error"));
  g_assert_false (save_outcomes (section, &error));
  g_assert_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Contacts made"));
  g_clear_error (&error);

  /* Discarded: the store's figures again. */
  evt_outcomes_section_revert (section);
  g_assert_false (evt_outcomes_section_get_dirty (section));
  g_assert_cmpstr (gtk_editable_get_text (evt_outcomes_section_get_field (section, "contacts")),
                   ==, "120");
  g_assert_false (evt_outcomes_section_is_over_budget (section));

  /* A lead, through its dialog. */
  dialog = evt_outcomes_section_open_lead (section, -1);
  g_assert_nonnull (dialog);
  evt_lead_dialog_set_fields (dialog, "Capteurs implantables", "Bourgogne Implants",
                              "Dr Vidal", "Envoyer la plaquette", "2022-10-10",
                              EVT_LEAD_STATE_OPEN);
  g_object_ref (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "lead.save", NULL);
  evt_test_wait_until (dialog_idle, dialog, "the lead to be saved");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  wait_outcomes (section);

  leads = evt_people_list_leads (fixture->store, fixture->micronora, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (leads->len, ==, 1);
  g_assert_cmpstr (evt_lead_get_subject (g_ptr_array_index (leads, 0)), ==,
                   "Capteurs implantables");
  g_assert_cmpstr (evt_lead_get_follow_up (g_ptr_array_index (leads, 0)), ==, "2022-10-10");
  g_clear_pointer (&leads, g_ptr_array_unref);
  g_assert_cmpuint (evt_outcomes_section_get_n_leads (section), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (
                     ADW_PREFERENCES_ROW (evt_outcomes_section_get_lead_row (section, 0))), ==,
                   "Capteurs implantables");

  /* Deleted from its dialog, with an undo. */
  dialog = g_object_ref (evt_outcomes_section_open_lead (section, 0));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "lead.delete", NULL);
  evt_test_wait_until (dialog_idle, dialog, "the lead to be deleted");
  g_object_unref (dialog);
  wait_outcomes (section);
  g_assert_cmpuint (evt_outcomes_section_get_n_leads (section), ==, 0);
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_signal_emit_by_name (g_ptr_array_index (fixture->toasts, 0), "button-clicked");
  wait_outcomes (section);
  g_assert_cmpuint (evt_outcomes_section_get_n_leads (section), ==, 1);
  leads = evt_people_list_leads (fixture->store, fixture->micronora, &error);
  g_assert_cmpuint (leads->len, ==, 1);
  g_assert_cmpstr (evt_lead_get_contact (g_ptr_array_index (leads, 0)), ==, "Dr Vidal");
}

/* --- Organisations ------------------------------------------------------------------------------- */

static gboolean
organisations_idle (gpointer data)
{
  return !evt_organisations_view_is_busy (data);
}

static void
wait_organisations (EvtOrganisationsView *view)
{
  for (guint i = 0; i < 2; i++)
    evt_test_wait_until (organisations_idle, view, "the organisations view");
}

static gint64
find_organisation (EvtOrganisationsView *view,
                   const char           *name,
                   guint                *position)
{
  GListModel *model = evt_organisations_view_get_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EvtOrganisation) org = g_list_model_get_item (model, i);

      if (g_strcmp0 (evt_organisation_get_name (org), name) == 0)
        {
          if (position != NULL)
            *position = i;
          return evt_organisation_get_id (org);
        }
    }
  return 0;
}

static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_row_titled (child, title)) != NULL)
        return found;
    }
  return NULL;
}

/* Closes the message dialogs the view opened. */
static guint
close_message_dialogs (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      {
        gtk_window_destroy (l->data);
        n++;
      }
  return n;
}

static void
on_event_activated (GtkWidget *view,
                    gint64     event_id,
                    gint64    *activated)
{
  *activated = event_id;
}

static void
test_organisations (Fixture       *fixture,
                    gconstpointer  data)
{
  EvtOrganisationsView *view = EVT_ORGANISATIONS_VIEW (evt_organisations_view_new ());
  GListModel *model = evt_organisations_view_get_model (view);
  g_autoptr(EvtOrganisation) duplicate = NULL;
  g_autoptr(EvtParticipation) part = NULL;
  g_autoptr(GFile) update = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GFile) xlsx = NULL;
  g_autoptr(GFile) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *row = NULL;
  g_autofree char *csv = NULL;
  const EvtImportReport *report;
  GtkWindow *dialog;
  GtkWidget *event_row;
  gint64 biotech;
  gint64 activated = 0;
  guint position = 0;

  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (view));
  g_signal_connect (view, "event-activated", G_CALLBACK (on_event_activated), &activated);
  evt_organisations_view_set_year (view, 2022);
  evt_organisations_view_set_store (view, fixture->store);
  wait_organisations (view);

  /* The imported member list, by name. */
  g_assert_cmpstr (evt_organisations_view_get_page (view), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  biotech = find_organisation (view, "Biotech Franche-Comté", &position);
  g_assert_cmpint (biotech, >, 0);
  row = evt_organisations_view_describe_row (view, position);
  g_assert_cmpstr (row, ==, "Biotech Franche-Comté [Member] | Company · Besançon · "
                   "Health (Innov’Health) | ");
  g_clear_pointer (&row, g_free);

  /* Search as one types, accents or not; no match says so. */
  gtk_editable_set_text (evt_organisations_view_get_search_entry (view), "mecanique");
  g_signal_emit_by_name (evt_organisations_view_get_search_entry (view), "search-changed");
  wait_organisations (view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpint (find_organisation (view, "Mécanique de précision\ndu Haut-Doubs", NULL), >, 0);
  gtk_editable_set_text (evt_organisations_view_get_search_entry (view), "zzz");
  g_signal_emit_by_name (evt_organisations_view_get_search_entry (view), "search-changed");
  wait_organisations (view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (evt_organisations_view_get_page (view), ==, "no-match");
  gtk_editable_set_text (evt_organisations_view_get_search_entry (view), "");
  g_signal_emit_by_name (evt_organisations_view_get_search_entry (view), "search-changed");
  wait_organisations (view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  /* The events of the year: Biotech on the Micronora stand. */
  part = evt_participation_new (fixture->micronora);
  evt_participation_set_organisation_id (part, biotech);
  g_assert_true (evt_people_save_participation (fixture->store, part, NULL, &error));
  g_assert_no_error (error);
  wait_organisations (view);
  find_organisation (view, "Biotech Franche-Comté", &position);
  row = evt_organisations_view_describe_row (view, position);
  g_assert_true (g_str_has_suffix (row, "| 1 event in 2022"));
  g_clear_pointer (&row, g_free);

  /* Its details: the event, which opens from there. */
  dialog = evt_organisations_view_open_details (view, position);
  wait_organisations (view);
  event_row = find_row_titled (GTK_WIDGET (dialog), "Micronora");
  g_assert_nonnull (event_row);
  g_signal_emit_by_name (event_row, "activated");
  g_assert_cmpint (activated, ==, fixture->micronora);

  /* Importing again updates; new rows are added. */
  path = fixture_path ("members-update.csv");
  update = g_file_new_for_path (path);
  g_clear_pointer (&path, g_free);
  evt_organisations_view_import_file (view, update);
  wait_organisations (view);
  report = evt_organisations_view_get_import_report (view);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_added, ==, 1);
  g_assert_cmpstr (evt_organisations_view_get_last_toast (view), ==,
                   "1 organisation added, 1 updated");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_cmpint (find_organisation (view, "Nouvelle Entreprise", NULL), >, 0);

  /* Bad rows: the good ones are in, the others are listed with their line. */
  path = fixture_path ("members-bad-rows.csv");
  bad = g_file_new_for_path (path);
  g_clear_pointer (&path, g_free);
  evt_organisations_view_import_file (view, bad);
  wait_organisations (view);
  report = evt_organisations_view_get_import_report (view);
  g_assert_cmpuint (report->problems->len, >, 0);
  g_assert_cmpuint (((EvtImportProblem *) g_ptr_array_index (report->problems, 0))->line, ==, 3);
  g_assert_true (g_str_has_suffix (evt_organisations_view_get_last_toast (view), "left out"));
  dialog = evt_organisations_view_show_import_details (view);
  g_assert_nonnull (find_row_titled (GTK_WIDGET (dialog), "Line 3"));
  g_assert_cmpuint (close_message_dialogs (), ==, 1);

  /* A spreadsheet saved as .xlsx: refused, in words. */
  path = fixture_path ("members.xlsx");
  xlsx = g_file_new_for_path (path);
  g_clear_pointer (&path, g_free);
  evt_organisations_view_import_file (view, xlsx);
  wait_organisations (view);
  g_assert_nonnull (strstr (evt_organisations_view_get_last_toast (view), "xlsx"));
  g_assert_cmpuint (close_message_dialogs (), ==, 1);

  /* Merge two duplicates: one is left. */
  duplicate = evt_organisation_new ("Biotech FC");
  g_assert_true (evt_people_save_organisation (fixture->store, duplicate, &error));
  g_assert_no_error (error);
  wait_organisations (view);
  g_assert_cmpint (find_organisation (view, "Biotech FC", NULL), >, 0);
  evt_organisations_view_merge (view, biotech, evt_organisation_get_id (duplicate));
  wait_organisations (view);
  g_assert_cmpint (find_organisation (view, "Biotech FC", NULL), ==, 0);
  g_assert_cmpint (find_organisation (view, "Biotech Franche-Comté", NULL), ==, biotech);
  g_assert_cmpstr (evt_organisations_view_get_last_toast (view), ==,
                   "Merged into “Biotech Franche-Comté”");

  /* Export: a CSV a French spreadsheet opens. */
  path = g_build_filename (fixture->dir, "organisations.csv", NULL);
  export = g_file_new_for_path (path);
  evt_organisations_view_export_file (view, export);
  wait_organisations (view);
  g_assert_true (g_file_get_contents (path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (csv, "Biotech Franche-Comté;"));
  g_assert_null (strstr (csv, "Biotech FC;"));
}

/* --- Follow-ups ----------------------------------------------------------------------------------- */

static gboolean
followups_idle (gpointer data)
{
  return !evt_followups_view_is_busy (data);
}

static void
wait_followups (EvtFollowupsView *view)
{
  for (guint i = 0; i < 2; i++)
    evt_test_wait_until (followups_idle, view, "the follow-ups view");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

static EvtLead *
add_lead (Fixture      *fixture,
          const char   *subject,
          int           days_from_today,
          EvtLeadState  state)
{
  g_autoptr(EvtLead) lead = evt_lead_new (fixture->micronora);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_from_today);
  g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  evt_lead_set_subject (lead, subject);
  evt_lead_set_organisation_name (lead, "Bourgogne Implants");
  evt_lead_set_follow_up (lead, iso);
  evt_lead_set_state (lead, state);
  g_assert_true (evt_people_save_lead (fixture->store, lead, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&lead);
}

static void
test_followups (Fixture       *fixture,
                gconstpointer  data)
{
  EvtFollowupsView *view = EVT_FOLLOWUPS_VIEW (evt_followups_view_new ());
  g_autoptr(EvtLead) due = add_lead (fixture, "Capteurs implantables", -3, EVT_LEAD_STATE_OPEN);
  g_autoptr(EvtLead) today = add_lead (fixture, "Boîtiers", 0, EVT_LEAD_STATE_OPEN);
  g_autoptr(EvtLead) later = add_lead (fixture, "Lasers", 10, EVT_LEAD_STATE_OPEN);
  g_autoptr(EvtLead) won = add_lead (fixture, "Gagné", -5, EVT_LEAD_STATE_WON);
  g_autoptr(GError) error = NULL;
  gint64 activated = 0;
  guint notified = 0;

  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (view));
  g_signal_connect (view, "event-activated", G_CALLBACK (on_event_activated), &activated);
  g_signal_connect (view, "notify::n-due", G_CALLBACK (count_notify), &notified);
  evt_followups_view_set_store (view, fixture->store);
  wait_followups (view);

  /* Due: today's and the late one, not the later nor the won one. */
  g_assert_cmpuint (evt_followups_view_get_n_due (view), ==, 2);
  g_assert_cmpstr (evt_followups_view_get_page (view), ==, "list");
  g_assert_cmpstr (adw_preferences_row_get_title (
                     ADW_PREFERENCES_ROW (evt_followups_view_get_row (view, 0))), ==,
                   "Capteurs implantables");
  g_assert_nonnull (find_row_titled (GTK_WIDGET (view), "Boîtiers"));
  g_assert_null (find_row_titled (GTK_WIDGET (view), "Lasers"));
  g_assert_null (find_row_titled (GTK_WIDGET (view), "Gagné"));

  /* Each opens its event. */
  g_signal_emit_by_name (evt_followups_view_get_row (view, 0), "activated");
  g_assert_cmpint (activated, ==, fixture->micronora);

  /* Won: no longer due, and the badge follows. */
  evt_lead_set_state (due, EVT_LEAD_STATE_WON);
  g_assert_true (evt_people_save_lead (fixture->store, due, &error));
  evt_lead_set_state (today, EVT_LEAD_STATE_LOST);
  g_assert_true (evt_people_save_lead (fixture->store, today, &error));
  g_assert_no_error (error);
  wait_followups (view);
  g_assert_cmpuint (evt_followups_view_get_n_due (view), ==, 0);
  g_assert_cmpstr (evt_followups_view_get_page (view), ==, "empty");
  g_assert_cmpuint (notified, ==, 2);
}

static GtkWidget *find_label (GtkWidget  *root,
                              const char *text);

/* How late a follow-up is, in the unit that reads best: days, then weeks, months, years. */
static void
test_followups_lateness (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct { int days; const char *text; } cases[] = {
    { 0, "Today" },
    { -1, "Yesterday" },
    { -13, "13 days late" },
    { -14, "2 weeks late" },
    { -59, "8 weeks late" },
    { -60, "2 months late" },
    { -364, "12 months late" },
    { -365, "1 year late" },
    { -1660, "4 years late" },
  };
  EvtFollowupsView *view = EVT_FOLLOWUPS_VIEW (evt_followups_view_new ());

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *subject = g_strdup_printf ("Lead %u", i);
      g_autoptr(EvtLead) lead = add_lead (fixture, subject, cases[i].days, EVT_LEAD_STATE_OPEN);
    }
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (view));
  evt_followups_view_set_store (view, fixture->store);
  wait_followups (view);
  g_assert_cmpuint (evt_followups_view_get_n_due (view), ==, G_N_ELEMENTS (cases));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *subject = g_strdup_printf ("Lead %u", i);
      GtkWidget *row = find_row_titled (GTK_WIDGET (view), subject);

      g_assert_nonnull (row);
      if (find_label (row, cases[i].text) == NULL)
        g_error ("%s, %d days from today: no label \"%s\"", subject, cases[i].days,
                 cases[i].text);
    }
}

/* --- In the event page ------------------------------------------------------------------------------ */

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static void
on_page_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  evt_event_page_save_finish (EVT_EVENT_PAGE (source), result, error);
  g_object_set_data (source, "evt-test-done", GINT_TO_POINTER (1));
}

static void
test_event_page (Fixture       *fixture,
                 gconstpointer  data)
{
  EvtEventPage *page = evt_event_page_new (fixture->store);
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtEvent) fresh = NULL;
  g_autoptr(EvtOutcome) outcome = NULL;
  g_autoptr(EvtParticipation) part = evt_participation_new (fixture->micronora);
  g_autoptr(EvtPerson) person = evt_person_new ("Léa Robert");
  g_autoptr(GError) error = NULL;
  EvtParticipantsSection *participants;
  EvtOutcomesSection *outcomes;

  g_assert_true (evt_people_save_person (fixture->store, person, &error));
  evt_participation_set_person_id (part, evt_person_get_id (person));
  evt_participation_set_role (part, EVT_ROLE_STAFF);
  g_assert_true (evt_people_save_participation (fixture->store, part, NULL, &error));
  g_assert_no_error (error);
  set_budget (fixture, 1600000);

  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (page));
  participants = EVT_PARTICIPANTS_SECTION (find_descendant (GTK_WIDGET (page),
                                                            EVT_TYPE_PARTICIPANTS_SECTION));
  outcomes = EVT_OUTCOMES_SECTION (find_descendant (GTK_WIDGET (page),
                                                    EVT_TYPE_OUTCOMES_SECTION));
  g_assert_nonnull (participants);
  g_assert_nonnull (outcomes);

  /* A new event has nobody yet: no sections until it is saved. */
  evt_event_page_edit (page, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (participants)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (outcomes)));

  /* A saved one shows its participants and outcomes, and the page is clean. */
  event = evt_store_get_event (fixture->store, fixture->micronora, &error);
  g_assert_no_error (error);
  evt_event_page_edit (page, event);
  wait_participants (participants);
  wait_outcomes (outcomes);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (participants)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (outcomes)));
  g_assert_cmpuint (evt_participants_section_get_n_participants (participants), ==, 1);
  g_assert_cmpstr (evt_participants_section_get_counts_text (participants), ==, "1 invited");
  g_assert_false (evt_event_page_get_dirty (page));

  /* A cost makes the page dirty; the page's Save stores it with the event. */
  gtk_editable_set_text (evt_outcomes_section_get_field (outcomes, "stand"), "17 000");
  g_assert_true (evt_event_page_get_dirty (page));
  g_assert_true (evt_outcomes_section_is_over_budget (outcomes));
  g_object_set_data (G_OBJECT (page), "evt-test-done", NULL);
  evt_event_page_save_async (page, NULL, on_page_saved, &error);
  evt_test_wait_until (save_done, page, "the page to be saved");
  g_assert_no_error (error);
  wait_outcomes (outcomes);
  g_assert_false (evt_event_page_get_dirty (page));
  outcome = evt_people_get_outcome (fixture->store, fixture->micronora, &error);
  g_assert_cmpint (evt_outcome_get_cost (outcome, EVT_COST_STAND), ==, 1700000);
  g_clear_object (&outcome);

  /* The costs follow the budget as it is typed in the page. */
  gtk_editable_set_text (GTK_EDITABLE (evt_event_page_get_field_row (page, "budget-cents")),
                         "20000");
  g_assert_false (evt_outcomes_section_is_over_budget (outcomes));

  /* Discarding drops the outcome edits too. */
  gtk_editable_set_text (evt_outcomes_section_get_field (outcomes, "travel"), "900");
  g_assert_true (evt_outcomes_section_get_dirty (outcomes));
  gtk_widget_activate_action (GTK_WIDGET (page), "event-page.discard", NULL);
  g_assert_false (evt_outcomes_section_get_dirty (outcomes));
  g_assert_cmpstr (gtk_editable_get_text (evt_outcomes_section_get_field (outcomes, "travel")),
                   ==, "");
  g_assert_false (evt_event_page_get_dirty (page));
  fresh = evt_store_get_event (fixture->store, fixture->micronora, &error);
  g_assert_cmpint (evt_event_get_budget_cents (fresh), ==, 1600000);
}

/* --- In the list of events and in the window --------------------------------------------------------- */

static GtkColumnViewColumn *
find_column (GtkColumnView *view,
             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_label (child, text)) != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  EvtListView *view;
  gint64       first_id;
  const char  *label;
} ListWait;

static gboolean
list_shows (gpointer data)
{
  ListWait *wait = data;
  GListModel *model = evt_list_view_get_model (wait->view);
  g_autoptr(EvtEvent) first = NULL;

  if (evt_list_view_is_busy (wait->view) || g_list_model_get_n_items (model) == 0)
    return FALSE;
  first = g_list_model_get_item (model, 0);
  return evt_event_get_id (first) == wait->first_id &&
         (wait->label == NULL || find_label (GTK_WIDGET (wait->view), wait->label) != NULL);
}

static void
test_list_counts (Fixture       *fixture,
                  gconstpointer  data)
{
  EvtListView *view = EVT_LIST_VIEW (evt_list_view_new ());
  g_autoptr(EvtEvent) siams = evt_store_get_event_by_uid (fixture->store,
                                                          "demo-2022-siams@eventail.sample",
                                                          NULL);
  g_autoptr(EvtLead) due = add_lead (fixture, "Capteurs implantables", -3, EVT_LEAD_STATE_OPEN);
  g_autoptr(EvtLead) later = add_lead (fixture, "Lasers", 10, EVT_LEAD_STATE_OPEN);
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GError) error = NULL;
  GtkColumnView *column_view = evt_list_view_get_column_view (view);
  GtkColumnViewColumn *participants;
  GtkColumnViewColumn *leads;
  ListWait wait = { view, 0, NULL };

  /* Two organisations at SIAMS, one at Micronora. */
  orgs = evt_people_list_organisations (fixture->store, NULL, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(EvtParticipation) part = evt_participation_new (
                                           i < 2 ? evt_event_get_id (siams) : fixture->micronora);

      evt_participation_set_organisation_id (part, evt_organisation_get_id (
                                                     g_ptr_array_index (orgs, i)));
      evt_participation_set_state (part, EVT_PARTICIPATION_STATE_CONFIRMED);
      g_assert_true (evt_people_save_participation (fixture->store, part, NULL, &error));
      g_assert_no_error (error);
    }

  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 800);
  evt_list_view_set_year (view, 2022);
  evt_list_view_set_store (view, fixture->store);

  participants = find_column (column_view, "Participants");
  leads = find_column (column_view, "Leads");
  g_assert_nonnull (participants);
  g_assert_nonnull (leads);
  g_assert_nonnull (gtk_column_view_column_get_sorter (participants));

  /* Most participants first: SIAMS, and its count shows. */
  gtk_column_view_sort_by_column (column_view, participants, GTK_SORT_DESCENDING);
  wait.first_id = evt_event_get_id (siams);
  wait.label = "2";
  evt_test_wait_until (list_shows, &wait, "SIAMS first, with 2 participants");

  /* Most leads first: Micronora, with one follow-up due. */
  gtk_column_view_sort_by_column (column_view, leads, GTK_SORT_DESCENDING);
  wait.first_id = fixture->micronora;
  wait.label = "1 due";
  evt_test_wait_until (list_shows, &wait, "Micronora first, with a follow-up due");

  /* The counts follow the store. */
  evt_lead_set_state (due, EVT_LEAD_STATE_WON);
  g_assert_true (evt_people_save_lead (fixture->store, due, &error));
  g_assert_no_error (error);
  wait.label = NULL;
  evt_test_wait_until (list_shows, &wait, "the list to reload");
  for (guint i = 0; i < 50 && find_label (GTK_WIDGET (view), "1 due") != NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (find_label (GTK_WIDGET (view), "1 due"));
}

static gboolean
window_idle (gpointer data)
{
  return !evt_window_is_busy (data);
}

typedef struct
{
  GtkWidget  *window;
  const char *title;
} PageWait;

static gboolean
page_shows (gpointer data)
{
  PageWait *wait = data;
  GtkWidget *page = find_descendant (wait->window, EVT_TYPE_EVENT_PAGE);
  EvtEvent *event = page != NULL ? evt_event_page_get_event (EVT_EVENT_PAGE (page)) : NULL;

  return event != NULL && g_strcmp0 (evt_event_get_title (event), wait->title) == 0 &&
         gtk_widget_get_mapped (page);
}

static void
test_window (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(EvtLead) due = add_lead (fixture, "Capteurs implantables", -3, EVT_LEAD_STATE_OPEN);
  EvtWindow *window = g_object_ref_sink (evt_window_new (NULL, 2022));
  AdwViewStack *stack;
  EvtOrganisationsView *organisations;
  EvtFollowupsView *followups;
  PageWait wait = { GTK_WIDGET (window), "Micronora" };

  evt_window_set_store (window, fixture->store);
  /* The Follow-ups view is built once the window has drawn its first frame. */
  g_assert_null (find_descendant (GTK_WIDGET (window), EVT_TYPE_FOLLOWUPS_VIEW));
  gtk_window_present (GTK_WINDOW (window));
  evt_test_wait_until (window_idle, window, "the window");

  stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  followups = EVT_FOLLOWUPS_VIEW (find_descendant (GTK_WIDGET (stack), EVT_TYPE_FOLLOWUPS_VIEW));
  g_assert_nonnull (followups);
  /* The Directory is built when first shown. */
  g_assert_null (find_descendant (GTK_WIDGET (stack), EVT_TYPE_ORGANISATIONS_VIEW));

  /* The directory of organisations, counting the window's year. */
  adw_view_stack_set_visible_child_name (stack, "organisations");
  organisations = EVT_ORGANISATIONS_VIEW (find_descendant (GTK_WIDGET (stack),
                                                           EVT_TYPE_ORGANISATIONS_VIEW));
  wait_organisations (organisations);
  g_assert_cmpint (evt_organisations_view_get_year (organisations), ==, 2022);
  g_assert_cmpuint (g_list_model_get_n_items (evt_organisations_view_get_model (organisations)),
                    ==, 4);

  /* The follow-ups due, counted on the view switcher; one opens its event. */
  wait_followups (followups);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (
                      adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (
                                                        stack, "followups"))), ==, 1);
  adw_view_stack_set_visible_child_name (stack, "followups");
  wait_followups (followups);
  g_signal_emit_by_name (evt_followups_view_get_row (followups, 0), "activated");
  evt_test_wait_until (page_shows, &wait, "the event page of Micronora");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_unref (window);
  evt_test_wait_until (evt_test_is_cleared, &window, "the window to go");
}

/* --- Names for screen readers ---------------------------------------------------------------------- */

/* Every control can be named by a screen reader, as in test-event-page.c. */
static void
check_named (GtkWidget *widget,
             GString   *unnamed)
{
  static GtkWidget *root;

  if (gtk_widget_get_parent (widget) == NULL || root == NULL)
    root = widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (gtk_widget_get_visible (c) && gtk_widget_get_focusable (c) &&
          (GTK_IS_BUTTON (c) || GTK_IS_MENU_BUTTON (c) || GTK_IS_SWITCH (c) ||
           GTK_IS_CHECK_BUTTON (c) || GTK_IS_SPIN_BUTTON (c) || GTK_IS_DROP_DOWN (c) ||
           GTK_IS_TEXT_VIEW (c) || GTK_IS_CALENDAR (c) || GTK_IS_TEXT (c) ||
           ADW_IS_PREFERENCES_ROW (c)))
        {
          GtkAccessible *accessible = GTK_ACCESSIBLE (c);

          if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) &&
              !gtk_test_accessible_has_relation (accessible,
                                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY) &&
              !(GTK_IS_BUTTON (c) && gtk_button_get_label (GTK_BUTTON (c)) != NULL))
            {
              g_string_append (unnamed, G_OBJECT_TYPE_NAME (c));
              for (GtkWidget *a = gtk_widget_get_parent (c); a != NULL && a != root;
                   a = gtk_widget_get_parent (a))
                g_string_append_printf (unnamed, " in a %s", G_OBJECT_TYPE_NAME (a));
              g_string_append_c (unnamed, '\n');
            }
        }
      check_named (c, unnamed);
    }
}

static void
assert_named (GtkWidget *widget)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);

  check_named (widget, unnamed);

  if (unnamed->len > 0)
    g_error ("In a %s, without an accessible name:\n%s", G_OBJECT_TYPE_NAME (widget),
             unnamed->str);
}

static void
test_names (Fixture       *fixture,
            gconstpointer  data)
{
  EvtParticipantsSection *participants = EVT_PARTICIPANTS_SECTION (evt_participants_section_new ());
  EvtOutcomesSection *outcomes = EVT_OUTCOMES_SECTION (evt_outcomes_section_new ());
  EvtOrganisationsView *organisations = EVT_ORGANISATIONS_VIEW (evt_organisations_view_new ());
  EvtFollowupsView *followups = EVT_FOLLOWUPS_VIEW (evt_followups_view_new ());
  g_autoptr(EvtLead) lead = add_lead (fixture, "Capteurs implantables", -3, EVT_LEAD_STATE_OPEN);
  g_autoptr(EvtParticipation) part = evt_participation_new (fixture->micronora);
  g_autoptr(EvtPerson) person = evt_person_new ("Léa Robert");
  g_autoptr(GError) error = NULL;
  EvtLeadDialog *dialog;
  GtkWindow *details;

  g_assert_true (evt_people_save_person (fixture->store, person, &error));
  evt_participation_set_person_id (part, evt_person_get_id (person));
  g_assert_true (evt_people_save_participation (fixture->store, part, NULL, &error));
  g_assert_no_error (error);

  gtk_box_append (GTK_BOX (fixture->box), GTK_WIDGET (participants));
  gtk_box_append (GTK_BOX (fixture->box), GTK_WIDGET (outcomes));
  gtk_box_append (GTK_BOX (fixture->box), GTK_WIDGET (organisations));
  gtk_widget_set_size_request (GTK_WIDGET (organisations), -1, 300);
  gtk_box_append (GTK_BOX (fixture->box), GTK_WIDGET (followups));
  gtk_widget_set_size_request (GTK_WIDGET (followups), -1, 300);
  evt_participants_section_set_event (participants, fixture->store, fixture->micronora);
  evt_outcomes_section_set_event (outcomes, fixture->store, fixture->micronora);
  evt_organisations_view_set_store (organisations, fixture->store);
  evt_followups_view_set_store (followups, fixture->store);
  wait_participants (participants);
  wait_outcomes (outcomes);
  wait_organisations (organisations);
  wait_followups (followups);
  gtk_menu_button_popup (evt_participants_section_get_add_button (participants));
  search_for (participants, "bio", "Biotech Franche-Comté");
  assert_named (fixture->box);
  assert_named (GTK_WIDGET (gtk_menu_button_get_popover (
                              evt_participants_section_get_add_button (participants))));
  /* Closed before a dialog takes the focus from it: an autohidden popover whose surface
   * goes while the dialog maps made GTK 4.8 ask a destroyed surface for the pointer,
   * once in a while (gdk_surface_get_device_position: GDK_IS_SURFACE failed). */
  gtk_menu_button_popdown (evt_participants_section_get_add_button (participants));
  evt_test_wait_until (is_hidden, gtk_menu_button_get_popover (
                                    evt_participants_section_get_add_button (participants)),
                       "the popover to close");

  dialog = evt_outcomes_section_open_lead (outcomes, 0);
  assert_named (GTK_WIDGET (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  details = evt_organisations_view_open_details (organisations, 0);
  wait_organisations (organisations);
  assert_named (GTK_WIDGET (details));
  gtk_window_destroy (details);
}

/* --- Shared pieces without a display ------------------------------------------------------------ */

static void
on_css_error (GtkCssProvider *provider,
              GtkCssSection  *section,
              const GError   *error,
              gpointer        user_data)
{
  g_error ("style.css: %s", error->message);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("TZ", "Europe/Paris", TRUE);

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under xvfb-run\n");
      return 77;
    }
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  provider = gtk_css_provider_new ();
  g_signal_connect (provider, "parsing-error", G_CALLBACK (on_css_error), NULL);
  gtk_css_provider_load_from_resource (provider, "/io/github/eventail/Eventail/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/people-ui/participants", test_participants);
  ADD ("/people-ui/outcomes", test_outcomes);
  ADD ("/people-ui/organisations", test_organisations);
  ADD ("/people-ui/followups", test_followups);
  ADD ("/people-ui/followups-lateness", test_followups_lateness);
  ADD ("/people-ui/names", test_names);
  ADD ("/people-ui/event-page", test_event_page);
  ADD ("/people-ui/list-counts", test_list_counts);
  ADD ("/people-ui/window", test_window);
#undef ADD

  return g_test_run ();
}
