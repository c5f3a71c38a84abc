/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-directory-editing.c: adding, editing and deleting organisations and people in the
 * Directory, through the real editors on a real display over a real SQLite file (suite display). */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#ifdef HAVE_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>
#endif

#include "evt-demo.h"
#include "evt-organisation-editor-private.h"
#include "evt-organisations-view-private.h"
#include "evt-participants-section-private.h"
#include "evt-people-common.h"
#include "evt-people.h"
#include "evt-person-editor-private.h"
#include "evt-test-util.h"

typedef struct
{
  char                 *dir;
  EvtStore             *store;
  GtkWidget            *window;
  EvtOrganisationsView *view;
  gint64                micronora;  /* the 2022 edition, from the sample data */
  gint64                biotech;    /* from the member list */
} Fixture;

static gboolean
view_idle (gpointer data)
{
  return !evt_organisations_view_is_busy (data);
}

/* Twice: a write's "changed" comes back through the main context and starts a reload. */
static void
wait_view (EvtOrganisationsView *view)
{
  for (guint i = 0; i < 2; i++)
    evt_test_wait_until (view_idle, view, "the Directory");
}

static gboolean
org_editor_idle (gpointer data)
{
  return !evt_organisation_editor_is_busy (data);
}

static gboolean
person_editor_idle (gpointer data)
{
  return !evt_person_editor_is_busy (data);
}

/* Waits for a window to be destroyed, as a saved editor is. */
static void
wait_gone (gpointer    window,
           const char *what)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  evt_test_wait_until (evt_test_is_cleared, &window, what);
}

static gpointer
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
editor_shown (gpointer data)
{
  return find_toplevel (EVT_TYPE_ORGANISATION_EDITOR) != NULL;
}

static gboolean
person_editor_shown (gpointer data)
{
  return find_toplevel (EVT_TYPE_PERSON_EDITOR) != NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Waits for the confirmation a delete asks for. */
static AdwMessageDialog *
wait_message_dialog (void)
{
  evt_test_wait_until (has_message_dialog, NULL, "a confirmation");
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

/* Clicks the button of a response, as a person does, and waits for the dialog to go. */
static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog),
                                   adw_message_dialog_get_response_label (dialog, response));

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  wait_gone (dialog, "the dialog to close");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "members",
                                                "members-fr-bom.csv", NULL);
  g_autoptr(EvtImportReport) report = NULL;
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtOrganisation) biotech = NULL;
  guint n_added = 0;

  fixture->dir = g_dir_make_tmp ("eventail-test-directory-XXXXXX", &error);
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
  biotech = evt_people_lookup_organisation (fixture->store, "Biotech Franche-Comté", &error);
  g_assert_no_error (error);
  fixture->biotech = evt_organisation_get_id (biotech);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 720, 600);
  fixture->view = EVT_ORGANISATIONS_VIEW (evt_organisations_view_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  evt_organisations_view_set_year (fixture->view, 2022);
  evt_organisations_view_set_store (fixture->view, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_view (fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  GtkWidget *window = fixture->window;
  const char *name;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != fixture->window)
      gtk_window_destroy (l->data);
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

static guint
find_organisation (EvtOrganisationsView *view,
                   const char           *name)
{
  GListModel *model = evt_organisations_view_get_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EvtOrganisation) org = g_list_model_get_item (model, i);

      if (g_strcmp0 (evt_organisation_get_name (org), name) == 0)
        return i;
    }
  return G_MAXUINT;
}

static void
select_organisation (Fixture    *fixture,
                     const char *name)
{
  guint position = find_organisation (fixture->view, name);

  g_assert_cmpuint (position, !=, G_MAXUINT);
  gtk_selection_model_select_item (evt_organisations_view_get_selection (fixture->view), position,
                                   TRUE);
}

static EvtOrganisation *
stored_organisation (Fixture    *fixture,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  EvtOrganisation *org = evt_people_lookup_organisation (fixture->store, name, &error);

  if (g_error_matches (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND))
    return NULL;
  g_assert_no_error (error);
  return org;
}

static EvtOrganisationEditor *
open_organisation_editor (Fixture    *fixture,
                          const char *action)
{
  EvtOrganisationEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, NULL));
  editor = find_toplevel (EVT_TYPE_ORGANISATION_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) ==
                 GTK_WINDOW (fixture->window));
  evt_test_wait_until (org_editor_idle, editor, "the sectors");
  return editor;
}

static void
set_text (gpointer    row,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static GtkWidget *
org_row (EvtOrganisationEditor *editor,
         EvtOrganisationField   field)
{
  return evt_organisation_editor_get_row (editor, field);
}

static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
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

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }
  return NULL;
}

#ifdef HAVE_XTEST
/* Real key presses through the X server, to the window that has the focus: they go
 * through GDK and the widgets' own shortcuts, as a person's do. */
static Display *
x_display (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  int event_base, error_base, major, minor;
  Display *xdisplay;

  if (!GDK_IS_X11_DISPLAY (display))
    return NULL;
  xdisplay = gdk_x11_display_get_xdisplay (display);
  if (!XTestQueryExtension (xdisplay, &event_base, &error_base, &major, &minor))
    return NULL;
  return xdisplay;
}

static gboolean
has_focus (gpointer data)
{
  return gtk_window_is_active (data);
}

static void
x_focus (GtkWindow *window)
{
  Display *xdisplay = x_display ();
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));

  XSetInputFocus (xdisplay, xid, RevertToParent, CurrentTime);
  XFlush (xdisplay);
  evt_test_wait_until (has_focus, window, "the focus");
}

static void
x_press (KeySym key,
         KeySym modifier1,
         KeySym modifier2)
{
  Display *xdisplay = x_display ();
  KeySym modifiers[] = { modifier1, modifier2 };

  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    if (modifiers[i] != NoSymbol)
      XTestFakeKeyEvent (xdisplay, XKeysymToKeycode (xdisplay, modifiers[i]), True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, XKeysymToKeycode (xdisplay, key), True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, XKeysymToKeycode (xdisplay, key), False, CurrentTime);
  for (guint i = G_N_ELEMENTS (modifiers); i-- > 0;)
    if (modifiers[i] != NoSymbol)
      XTestFakeKeyEvent (xdisplay, XKeysymToKeycode (xdisplay, modifiers[i]), False,
                         CurrentTime);
  XFlush (xdisplay);
}
#endif

/* --- Organisations ---------------------------------------------------------------------------- */

static void
test_create_organisation (Fixture       *fixture,
                          gconstpointer  data)
{
  EvtOrganisationEditor *editor = open_organisation_editor (fixture, "organisations.add");
  AdwComboRow *sector = ADW_COMBO_ROW (org_row (editor, EVT_ORGANISATION_FIELD_SECTOR));
  g_autoptr(EvtOrganisation) saved = NULL;
  g_autofree char *row = NULL;
  guint health = G_MAXUINT;

  /* Save is off until there is a name. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (editor), "organisation.save", NULL) &&
                  evt_organisation_editor_is_busy (editor));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));

  /* The sectors are the store's. */
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (sector)); i++)
    if (g_strcmp0 (evt_organisation_editor_get_sector_slug (editor, i), "health") == 0)
      health = i;
  g_assert_cmpuint (health, !=, G_MAXUINT);
  g_assert_null (evt_organisation_editor_get_sector_slug (editor, 0));

  set_text (org_row (editor, EVT_ORGANISATION_FIELD_NAME), "  Atelier Horloger du Doubs ");
  adw_combo_row_set_selected (ADW_COMBO_ROW (org_row (editor, EVT_ORGANISATION_FIELD_KIND)),
                              EVT_ORGANISATION_KIND_LAB);
  gtk_switch_set_active (evt_organisation_editor_get_member_switch (editor), TRUE);
  adw_combo_row_set_selected (sector, health);
  set_text (org_row (editor, EVT_ORGANISATION_FIELD_CITY), "Morteau");
  set_text (org_row (editor, EVT_ORGANISATION_FIELD_PHONE), "+33 3 81 00 00 09");
  g_assert_true (evt_organisation_editor_get_modified (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "organisation.save", NULL));
  wait_gone (editor, "the editor to close");

  /* In the SQLite file, as typed (without the spaces around). */
  saved = stored_organisation (fixture, "Atelier Horloger du Doubs");
  g_assert_nonnull (saved);
  g_assert_cmpint (evt_organisation_get_kind (saved), ==, EVT_ORGANISATION_KIND_LAB);
  g_assert_true (evt_organisation_get_member (saved));
  g_assert_cmpstr (evt_organisation_get_sector (saved), ==, "health");
  g_assert_cmpstr (evt_organisation_get_city (saved), ==, "Morteau");
  g_assert_cmpstr (evt_organisation_get_phone (saved), ==, "+33 3 81 00 00 09");
  g_assert_null (evt_organisation_get_email (saved));

  /* In the view, and said in a toast. */
  wait_view (fixture->view);
  g_assert_cmpuint (find_organisation (fixture->view, "Atelier Horloger du Doubs"), !=,
                    G_MAXUINT);
  row = evt_organisations_view_describe_row (fixture->view,
                                             find_organisation (fixture->view,
                                                                "Atelier Horloger du Doubs"));
  g_assert_cmpstr (row, ==, "Atelier Horloger du Doubs [Member] | Laboratory · Morteau · "
                   "Health (Innov’Health) | ");
  g_assert_cmpstr (evt_organisations_view_get_last_toast (fixture->view), ==,
                   "“Atelier Horloger du Doubs” added");
}

static void
test_edit_city (Fixture       *fixture,
                gconstpointer  data)
{
  EvtOrganisationEditor *editor;
  g_autoptr(EvtOrganisation) saved = NULL;
  g_autofree char *row = NULL;
  GtkWindow *details;
  GtkWidget *city;

  /* The details are open under the editor, as they are when one clicks Edit there. */
  details = evt_organisations_view_open_details (
              fixture->view, find_organisation (fixture->view, "Biotech Franche-Comté"));
  wait_view (fixture->view);
  city = find_row_titled (GTK_WIDGET (details), "City");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (city)), ==, "Besançon");

  select_organisation (fixture, "Biotech Franche-Comté");
  editor = open_organisation_editor (fixture, "organisations.edit");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (org_row (editor,
                                                                 EVT_ORGANISATION_FIELD_NAME))),
                   ==, "Biotech Franche-Comté");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (org_row (editor,
                                                                 EVT_ORGANISATION_FIELD_CITY))),
                   ==, "Besançon");
  g_assert_true (gtk_switch_get_active (evt_organisation_editor_get_member_switch (editor)));
  g_assert_false (evt_organisation_editor_get_modified (editor));

  set_text (org_row (editor, EVT_ORGANISATION_FIELD_CITY), "Dole");
  /* Enter in a field saves, as Save does. */
  g_signal_emit_by_name (org_row (editor, EVT_ORGANISATION_FIELD_CITY), "entry-activated");
  wait_gone (editor, "the editor to close");

  saved = stored_organisation (fixture, "Biotech Franche-Comté");
  g_assert_cmpstr (evt_organisation_get_city (saved), ==, "Dole");
  /* What the editor does not show is kept. */
  g_assert_cmpstr (evt_organisation_get_email (saved), ==, "contact@biotech-fc.fr");
  g_assert_cmpstr (evt_organisation_get_sector (saved), ==, "health");
  g_assert_true (evt_organisation_get_member (saved));

  wait_view (fixture->view);
  row = evt_organisations_view_describe_row (fixture->view,
                                             find_organisation (fixture->view,
                                                                "Biotech Franche-Comté"));
  g_assert_nonnull (strstr (row, "Company · Dole · Health"));
  /* The details followed. */
  city = find_row_titled (GTK_WIDGET (details), "City");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (city)), ==, "Dole");
  g_assert_cmpstr (evt_organisations_view_get_last_toast (fixture->view), ==,
                   "“Biotech Franche-Comté” saved");
}

static void
test_invalid_email (Fixture       *fixture,
                    gconstpointer  data)
{
  EvtOrganisationEditor *editor;
  g_autoptr(EvtOrganisation) stored = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *email;
  GtkWidget *name;
  const char *message;

  select_organisation (fixture, "Biotech Franche-Comté");
  editor = open_organisation_editor (fixture, "organisations.edit");
  email = org_row (editor, EVT_ORGANISATION_FIELD_EMAIL);
  set_text (org_row (editor, EVT_ORGANISATION_FIELD_CITY), "Dole");
  set_text (email, "contact at biotech-fc.fr");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "organisation.save", NULL));
  evt_test_wait_until (org_editor_idle, editor, "the save");

  /* The core's message, on the email row; the dialog stays open, the focus on it. */
  message = evt_people_get_field_error (email);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "“contact at biotech-fc.fr” is not an e-mail address"));
  g_assert_true (gtk_widget_has_css_class (email, "error"));
  g_assert_null (evt_people_get_field_error (org_row (editor, EVT_ORGANISATION_FIELD_CITY)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)), email) ||
                 gtk_root_get_focus (GTK_ROOT (editor)) == email);

  /* Nothing written: neither the address nor the city. */
  stored = stored_organisation (fixture, "Biotech Franche-Comté");
  g_assert_cmpstr (evt_organisation_get_email (stored), ==, "contact@biotech-fc.fr");
  g_assert_cmpstr (evt_organisation_get_city (stored), ==, "Besançon");
  g_clear_object (&stored);

  /* Typing clears the message. */
  set_text (email, "contact@biotech-fc.fr");
  g_assert_null (evt_people_get_field_error (email));
  g_assert_false (gtk_widget_has_css_class (email, "error"));

  /* A name another organisation has: on the name row. */
  name = org_row (editor, EVT_ORGANISATION_FIELD_NAME);
  set_text (name, "MECANIQUE de precision du haut-doubs");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "organisation.save", NULL));
  evt_test_wait_until (org_editor_idle, editor, "the save");
  g_assert_nonnull (strstr (evt_people_get_field_error (name), "already has this name"));

  /* Cancel with changes asks; Keep Editing keeps them, Discard closes, nothing saved. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  dialog = wait_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard Changes?");
  answer (dialog, "keep");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==,
                   "MECANIQUE de precision du haut-doubs");
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  dialog = wait_message_dialog ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  answer (dialog, "discard");
  evt_test_wait_until (evt_test_is_cleared, &editor, "the editor to close");

  stored = stored_organisation (fixture, "Biotech Franche-Comté");
  g_assert_nonnull (stored);
  g_assert_cmpint (evt_organisation_get_id (stored), ==, fixture->biotech);
  g_assert_cmpstr (evt_organisation_get_city (stored), ==, "Besançon");
}

static void
test_delete_organisation (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(EvtPerson) person = evt_person_new ("Léa Robert");
  g_autoptr(EvtPerson) kept = NULL;
  g_autoptr(EvtParticipation) part = NULL;
  g_autoptr(EvtOrganisation) org = NULL;
  g_autoptr(EvtOrganisation) femto = NULL;
  g_autoptr(GError) error = NULL;
  EvtOrganisationEditor *editor;
  AdwMessageDialog *dialog;
  const char *femto_name = "Laboratoire \"FEMTO-ST\"; département temps-fréquence";

  /* Biotech, with one person and no event. */
  evt_person_set_organisation_id (person, fixture->biotech);
  g_assert_true (evt_people_save_person (fixture->store, person, &error));
  g_assert_no_error (error);
  wait_view (fixture->view);

  /* Asked first, saying what becomes of its people; Cancel keeps it. */
  select_organisation (fixture, "Biotech Franche-Comté");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "organisations.delete",
                                             NULL));
  dialog = wait_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Delete “Biotech Franche-Comté”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "Its 1 person stays in the directory, without an organisation."));
  answer (dialog, "cancel");
  wait_view (fixture->view);
  org = stored_organisation (fixture, "Biotech Franche-Comté");
  g_assert_nonnull (org);
  g_clear_object (&org);

  /* Delete: gone from the file and the view; the person stays, of no organisation. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "organisations.delete",
                                             NULL));
  dialog = wait_message_dialog ();
  answer (dialog, "delete");
  wait_view (fixture->view);
  g_assert_null (stored_organisation (fixture, "Biotech Franche-Comté"));
  g_assert_cmpuint (find_organisation (fixture->view, "Biotech Franche-Comté"), ==, G_MAXUINT);
  g_assert_cmpstr (evt_organisations_view_get_last_toast (fixture->view), ==,
                   "“Biotech Franche-Comté” deleted");
  kept = evt_people_get_person (fixture->store, evt_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_person_get_organisation_id (kept), ==, 0);

  /* One that takes part in an event: the editor's Delete says why it cannot, and
   * what to do instead; nothing is deleted. */
  femto = stored_organisation (fixture, femto_name);
  part = evt_participation_new (fixture->micronora);
  evt_participation_set_organisation_id (part, evt_organisation_get_id (femto));
  g_assert_true (evt_people_save_participation (fixture->store, part, NULL, &error));
  g_assert_no_error (error);
  wait_view (fixture->view);
  gtk_selection_model_unselect_all (evt_organisations_view_get_selection (fixture->view));
  select_organisation (fixture, femto_name);
  editor = open_organisation_editor (fixture, "organisations.edit");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "organisation.delete", NULL));
  dialog = wait_message_dialog ();
  g_assert_true (g_str_has_suffix (adw_message_dialog_get_heading (dialog),
                                   "” Cannot Be Deleted"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "It takes part in 1 event."));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "merge it"));
  g_assert_false (adw_message_dialog_has_response (dialog, "delete"));
  answer (dialog, "close");
  evt_test_wait_until (org_editor_idle, editor, "the editor");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_clear_object (&femto);
  femto = stored_organisation (fixture, femto_name);
  g_assert_nonnull (femto);
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* --- People ----------------------------------------------------------------------------------- */

static gboolean
participants_idle (gpointer data)
{
  return !evt_participants_section_is_busy (data);
}

static void
test_add_person (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWindow *details;
  GtkWidget *add;
  EvtPersonEditor *editor;
  GtkDropDown *organisation;
  GtkWidget *email;
  GtkWidget *row;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(EvtParticipation) part = NULL;
  g_autoptr(GError) error = NULL;
  EvtPerson *person;
  EvtParticipantsSection *section;
  GtkWidget *page;
  gint64 person_id;

  /* An event page's participants, open at the same time. */
  page = adw_window_new ();
  section = EVT_PARTICIPANTS_SECTION (evt_participants_section_new ());
  adw_window_set_content (ADW_WINDOW (page), GTK_WIDGET (section));
  evt_participants_section_set_event (section, fixture->store, fixture->micronora);
  gtk_window_present (GTK_WINDOW (page));
  evt_test_wait_until (participants_idle, section, "the participants");

  /* From the organisation's details: Add Person, the organisation chosen already. */
  details = evt_organisations_view_open_details (
              fixture->view, find_organisation (fixture->view, "Biotech Franche-Comté"));
  wait_view (fixture->view);
  add = find_named (GTK_WIDGET (details), "add-person-button");
  g_assert_nonnull (add);
  g_assert_true (gtk_widget_activate (add));
  evt_test_wait_until (person_editor_shown, NULL, "the person editor");
  editor = find_toplevel (EVT_TYPE_PERSON_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == details);
  evt_test_wait_until (person_editor_idle, editor, "the organisations");
  organisation = evt_person_editor_get_organisation_drop_down (editor);
  g_assert_cmpuint (gtk_drop_down_get_selected (organisation), ==,
                    evt_person_editor_find_organisation (editor, fixture->biotech));
  g_assert_true (gtk_drop_down_get_enable_search (organisation));

  set_text (evt_person_editor_get_row (editor, EVT_PERSON_FIELD_NAME), "Apolline Vuillemin");
  set_text (evt_person_editor_get_row (editor, EVT_PERSON_FIELD_JOB_TITLE), "Directrice R&D");
  set_text (evt_person_editor_get_row (editor, EVT_PERSON_FIELD_PHONE), "+33 6 00 00 00 01");
  email = evt_person_editor_get_row (editor, EVT_PERSON_FIELD_EMAIL);
  set_text (email, "apolline.vuillemin@");

  /* A bad address: shown on its row, nobody written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "person.save", NULL));
  evt_test_wait_until (person_editor_idle, editor, "the save");
  g_assert_nonnull (strstr (evt_people_get_field_error (email), "is not an e-mail address"));
  people = evt_people_list_people (fixture->store, "Apolline Vuillemin", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 0);
  g_clear_pointer (&people, g_ptr_array_unref);

  set_text (email, "apolline.vuillemin@biotech-fc.fr");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "person.save", NULL));
  wait_gone (editor, "the editor to close");

  people = evt_people_list_people (fixture->store, "Apolline Vuillemin", fixture->biotech,
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  person = g_ptr_array_index (people, 0);
  person_id = evt_person_get_id (person);
  g_assert_cmpstr (evt_person_get_name (person), ==, "Apolline Vuillemin");
  g_assert_cmpstr (evt_person_get_job_title (person), ==, "Directrice R&D");
  g_assert_cmpstr (evt_person_get_email (person), ==, "apolline.vuillemin@biotech-fc.fr");
  g_assert_cmpstr (evt_person_get_phone (person), ==, "+33 6 00 00 00 01");

  /* The details list her. */
  wait_view (fixture->view);
  row = find_row_titled (GTK_WIDGET (details), "Apolline Vuillemin");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Directrice R&D · apolline.vuillemin@biotech-fc.fr · "
                   "+33\u00a06\u00a000\u00a000\u00a000\u00a001");

  /* She goes to Micronora; renamed from the details, the event's participants follow. */
  part = evt_participation_new (fixture->micronora);
  evt_participation_set_person_id (part, person_id);
  g_assert_true (evt_people_save_participation (fixture->store, part, NULL, &error));
  g_assert_no_error (error);
  evt_test_wait_until (participants_idle, section, "the participants");
  evt_test_wait_until (participants_idle, section, "the participants");
  g_assert_nonnull (find_row_titled (GTK_WIDGET (section), "Apolline Vuillemin"));

  wait_view (fixture->view);
  row = find_row_titled (GTK_WIDGET (details), "Apolline Vuillemin");
  g_signal_emit_by_name (row, "activated");
  editor = find_toplevel (EVT_TYPE_PERSON_EDITOR);
  g_assert_nonnull (editor);
  evt_test_wait_until (person_editor_idle, editor, "the organisations");
  set_text (evt_person_editor_get_row (editor, EVT_PERSON_FIELD_NAME), "Apolline Vuillemin-Roy");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "person.save", NULL));
  wait_gone (editor, "the editor to close");
  evt_test_wait_until (participants_idle, section, "the participants");
  evt_test_wait_until (participants_idle, section, "the participants");
  g_assert_nonnull (find_row_titled (GTK_WIDGET (section), "Apolline Vuillemin-Roy"));
  wait_view (fixture->view);
  g_assert_nonnull (find_row_titled (GTK_WIDGET (details), "Apolline Vuillemin-Roy"));

  /* She takes part in an event: her Delete says why it cannot be. */
  row = find_row_titled (GTK_WIDGET (details), "Apolline Vuillemin-Roy");
  g_signal_emit_by_name (row, "activated");
  editor = find_toplevel (EVT_TYPE_PERSON_EDITOR);
  evt_test_wait_until (person_editor_idle, editor, "the organisations");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "person.delete", NULL));
  {
    AdwMessageDialog *dialog = wait_message_dialog ();

    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                     "“Apolline Vuillemin-Roy” Cannot Be Deleted");
    answer (dialog, "close");
  }
  evt_test_wait_until (person_editor_idle, editor, "the editor");

  /* Off the event, she can be: asked, then deleted. */
  g_assert_true (evt_people_remove_participation (fixture->store, evt_participation_get_id (part),
                                                  &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "person.delete", NULL));
  {
    AdwMessageDialog *dialog = wait_message_dialog ();

    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                     "Delete “Apolline Vuillemin-Roy”?");
    g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
    answer (dialog, "delete");
  }
  evt_test_wait_until (evt_test_is_cleared, &editor, "the editor to close");
  g_clear_pointer (&people, g_ptr_array_unref);
  people = evt_people_list_people (fixture->store, "Apolline Vuillemin", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 0);
  wait_view (fixture->view);
  g_assert_null (find_row_titled (GTK_WIDGET (details), "Apolline Vuillemin-Roy"));

  gtk_window_destroy (GTK_WINDOW (page));
}

/* --- Keyboard --------------------------------------------------------------------------------- */

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
#ifdef HAVE_XTEST
  EvtOrganisationEditor *editor;
  g_autoptr(EvtOrganisation) saved = NULL;

  if (x_display () == NULL)
    {
      g_test_skip ("No XTest: real key presses not tried");
      return;
    }

  /* Ctrl+Alt+N in the Directory: a new organisation. */
  x_focus (GTK_WINDOW (fixture->window));
  gtk_widget_grab_focus (GTK_WIDGET (evt_organisations_view_get_search_entry (fixture->view)));
  x_press (XK_n, XK_Control_L, XK_Alt_L);
  evt_test_wait_until (editor_shown, NULL, "the editor to open");
  editor = find_toplevel (EVT_TYPE_ORGANISATION_EDITOR);
  evt_test_wait_until (org_editor_idle, editor, "the sectors");

  /* Escape on an untouched editor closes it. */
  x_focus (GTK_WINDOW (editor));
  x_press (XK_Escape, NoSymbol, NoSymbol);
  wait_gone (editor, "Escape to close the editor");

  /* Ctrl+S saves. */
  x_focus (GTK_WINDOW (fixture->window));
  gtk_widget_grab_focus (GTK_WIDGET (evt_organisations_view_get_search_entry (fixture->view)));
  x_press (XK_n, XK_Control_L, XK_Alt_L);
  evt_test_wait_until (editor_shown, NULL, "the editor to open");
  editor = find_toplevel (EVT_TYPE_ORGANISATION_EDITOR);
  evt_test_wait_until (org_editor_idle, editor, "the sectors");
  x_focus (GTK_WINDOW (editor));
  set_text (org_row (editor, EVT_ORGANISATION_FIELD_NAME), "Clavier et Fils");
  gtk_widget_grab_focus (org_row (editor, EVT_ORGANISATION_FIELD_NAME));
  x_press (XK_s, XK_Control_L, NoSymbol);
  wait_gone (editor, "Ctrl+S to save");
  saved = stored_organisation (fixture, "Clavier et Fils");
  g_assert_nonnull (saved);
  g_clear_object (&saved);
  wait_view (fixture->view);

  /* F2 edits the selected one; Enter in a field saves. */
  gtk_selection_model_unselect_all (evt_organisations_view_get_selection (fixture->view));
  select_organisation (fixture, "Clavier et Fils");
  x_focus (GTK_WINDOW (fixture->window));
  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
  x_press (XK_F2, NoSymbol, NoSymbol);
  evt_test_wait_until (editor_shown, NULL, "the editor to open");
  editor = find_toplevel (EVT_TYPE_ORGANISATION_EDITOR);
  evt_test_wait_until (org_editor_idle, editor, "the sectors");
  x_focus (GTK_WINDOW (editor));
  set_text (org_row (editor, EVT_ORGANISATION_FIELD_CITY), "Pontarlier");
  gtk_widget_grab_focus (org_row (editor, EVT_ORGANISATION_FIELD_CITY));
  x_press (XK_Return, NoSymbol, NoSymbol);
  wait_gone (editor, "Enter to save");
  saved = stored_organisation (fixture, "Clavier et Fils");
  g_assert_cmpstr (evt_organisation_get_city (saved), ==, "Pontarlier");
  wait_view (fixture->view);

  /* Delete, in the list, asks to delete the selected one. */
  gtk_selection_model_unselect_all (evt_organisations_view_get_selection (fixture->view));
  select_organisation (fixture, "Clavier et Fils");
  x_focus (GTK_WINDOW (fixture->window));
  gtk_widget_grab_focus (GTK_WIDGET (evt_organisations_view_get_list_view (fixture->view)));
  x_press (XK_Delete, NoSymbol, NoSymbol);
  {
    AdwMessageDialog *dialog = wait_message_dialog ();

    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Clavier et Fils”?");
    answer (dialog, "delete");
  }
  wait_view (fixture->view);
  g_assert_cmpuint (find_organisation (fixture->view, "Clavier et Fils"), ==, G_MAXUINT);
#else
  g_test_skip ("Built without XTest: real key presses not tried");
#endif
}

/* --- Names ------------------------------------------------------------------------------------ */

/* Every control can be named by a screen reader, as in test-people-ui.c. */
static void
check_named (GtkWidget *widget,
             GString   *unnamed)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (gtk_widget_get_visible (c) && gtk_widget_get_focusable (c) &&
          (GTK_IS_BUTTON (c) || GTK_IS_MENU_BUTTON (c) || GTK_IS_SWITCH (c) ||
           GTK_IS_CHECK_BUTTON (c) || GTK_IS_DROP_DOWN (c) || GTK_IS_TEXT (c) ||
           ADW_IS_PREFERENCES_ROW (c)))
        {
          GtkAccessible *accessible = GTK_ACCESSIBLE (c);

          if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) &&
              !gtk_test_accessible_has_relation (accessible,
                                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY) &&
              !(GTK_IS_BUTTON (c) && gtk_button_get_label (GTK_BUTTON (c)) != NULL))
            g_string_append_printf (unnamed, "%s in a %s\n", G_OBJECT_TYPE_NAME (c),
                                    G_OBJECT_TYPE_NAME (gtk_widget_get_parent (c)));
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
  GtkWindow *details;
  GtkWindow *editor;
  g_autoptr(EvtOrganisation) org = stored_organisation (fixture, "Biotech Franche-Comté");

  assert_named (fixture->window);
  details = evt_organisations_view_open_details (
              fixture->view, find_organisation (fixture->view, "Biotech Franche-Comté"));
  wait_view (fixture->view);
  assert_named (GTK_WIDGET (details));
  editor = evt_organisations_view_edit_organisation (fixture->view, org, details);
  evt_test_wait_until (org_editor_idle, editor, "the sectors");
  assert_named (GTK_WIDGET (editor));
  gtk_window_destroy (editor);
  editor = evt_organisations_view_edit_person (fixture->view, NULL, fixture->biotech, details);
  evt_test_wait_until (person_editor_idle, editor, "the organisations");
  assert_named (GTK_WIDGET (editor));
  gtk_window_destroy (editor);
}

int
main (int    argc,
      char **argv)
{
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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/directory-editing/create-organisation", test_create_organisation);
  ADD ("/directory-editing/edit-city", test_edit_city);
  ADD ("/directory-editing/invalid-email", test_invalid_email);
  ADD ("/directory-editing/delete-organisation", test_delete_organisation);
  ADD ("/directory-editing/add-person", test_add_person);
  ADD ("/directory-editing/keyboard", test_keyboard);
  ADD ("/directory-editing/names", test_names);
#undef ADD

  return g_test_run ();
}
