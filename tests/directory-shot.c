/* SPDX-License-Identifier: GPL-3.0-or-later */
/* directory-shot.c: renders the Directory and its editors to PNG, to look at them. */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "evt-demo.h"
#include "evt-organisation-editor-private.h"
#include "evt-organisations-view-private.h"
#include "evt-person-editor-private.h"
#include "evt-people.h"

/*
 * Not a test: a look at the widgets over the sample data and a member list.
 * Usage: directory-shot [--dark] [--width W] [--height H] WHAT OUT.png
 * WHAT is view (the Directory), empty (the Directory of a new database), details (an organisation's, with its people),
 * organisation (its editor, a bad e-mail address refused), new-organisation,
 * person (a person's editor, the organisation list open) or delete (the
 * confirmation of a delete).
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

static gpointer
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

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
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtImportReport) report = NULL;
  g_autoptr(EvtOrganisation) biotech = NULL;
  g_autoptr(EvtPerson) lea = evt_person_new ("Léa Robert");
  g_autoptr(EvtPerson) marc = evt_person_new ("Marc Girard");
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  const char *what = NULL;
  const char *out = NULL;
  gboolean dark = FALSE;
  int width = 800, height = 700;
  GtkWidget *window;
  GtkWidget *shot = NULL;
  EvtOrganisationsView *view;

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
                  "view|empty|details|organisation|new-organisation|person|delete OUT.png\n", argv[0]);
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
  if (g_str_equal (what, "empty"))
    {
      window = adw_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (window), width, height);
      view = EVT_ORGANISATIONS_VIEW (evt_organisations_view_new ());
      adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (view));
      evt_organisations_view_set_store (view, store);
      gtk_window_present (GTK_WINDOW (window));
      spin (1500);
      return render (window, out, &error) ? 0 : 1;
    }
  g_assert_true (evt_demo_load (store, NULL, &error));
  csv = g_build_filename (SOURCE_DIR, "fixtures", "members", "members-fr-bom.csv", NULL);
  report = evt_people_import_organisations (store, csv, NULL, &error);
  g_assert_no_error (error);
  biotech = evt_people_lookup_organisation (store, "Biotech Franche-Comté", &error);
  g_assert_no_error (error);
  evt_person_set_organisation_id (lea, evt_organisation_get_id (biotech));
  evt_person_set_job_title (lea, "Directrice R&D");
  evt_person_set_email (lea, "lea.robert@biotech-fc.fr");
  g_assert_true (evt_people_save_person (store, lea, NULL));
  evt_person_set_organisation_id (marc, evt_organisation_get_id (biotech));
  evt_person_set_job_title (marc, "Responsable commercial");
  evt_person_set_phone (marc, "+33 6 12 34 56 78");
  g_assert_true (evt_people_save_person (store, marc, NULL));

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  view = EVT_ORGANISATIONS_VIEW (evt_organisations_view_new ());
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (view));
  evt_organisations_view_set_year (view, 2022);
  evt_organisations_view_set_store (view, store);
  gtk_window_present (GTK_WINDOW (window));
  spin (1500);
  shot = window;

  if (g_str_equal (what, "details"))
    shot = GTK_WIDGET (evt_organisations_view_open_details (
                         view, find_organisation (view, "Biotech Franche-Comté")));
  else if (g_str_equal (what, "organisation") || g_str_equal (what, "delete"))
    {
      GtkWindow *editor = evt_organisations_view_edit_organisation (view, biotech, NULL);

      spin (500);
      if (g_str_equal (what, "organisation"))
        {
          EvtOrganisationEditor *e = EVT_ORGANISATION_EDITOR (editor);

          gtk_editable_set_text (GTK_EDITABLE (evt_organisation_editor_get_row (
                                                 e, EVT_ORGANISATION_FIELD_EMAIL)),
                                 "contact at biotech-fc.fr");
          gtk_widget_activate_action (GTK_WIDGET (editor), "organisation.save", NULL);
          spin (800);
          shot = GTK_WIDGET (editor);
        }
      else
        {
          gtk_widget_activate_action (GTK_WIDGET (editor), "organisation.delete", NULL);
          spin (800);
          shot = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
        }
    }
  else if (g_str_equal (what, "new-organisation"))
    {
      shot = GTK_WIDGET (evt_organisations_view_edit_organisation (view, NULL, NULL));
      gtk_editable_set_text (GTK_EDITABLE (evt_organisation_editor_get_row (
                                             EVT_ORGANISATION_EDITOR (shot),
                                             EVT_ORGANISATION_FIELD_NAME)),
                             "Atelier Horloger du Doubs");
    }
  else if (g_str_equal (what, "person"))
    {
      shot = GTK_WIDGET (evt_organisations_view_edit_person (view, lea, 0, NULL));
      spin (800);
      /* The list of organisations, as it opens to choose one, "mé" typed. */
      if (g_getenv ("SHOT_POPUP") != NULL)
        {
          GtkWidget *drop_down = GTK_WIDGET (evt_person_editor_get_organisation_drop_down (
                                               EVT_PERSON_EDITOR (shot)));

          gtk_window_set_default_size (GTK_WINDOW (shot), width, height);
          spin (500);
          g_signal_emit_by_name (drop_down, "activate");
          spin (500);
          for (GtkWidget *c = gtk_widget_get_first_child (drop_down); c != NULL;
               c = gtk_widget_get_next_sibling (c))
            if (GTK_IS_POPOVER (c))
              shot = c;
          for (GtkWidget *c = shot; c != NULL; c = gtk_widget_get_first_child (c))
            if (GTK_IS_BOX (c) && GTK_IS_SEARCH_ENTRY (gtk_widget_get_first_child (c)))
              gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_first_child (c)), "mé");
        }
    }
  if (shot != window && GTK_IS_WINDOW (shot) && !ADW_IS_MESSAGE_DIALOG (shot))
    gtk_window_set_default_size (GTK_WINDOW (shot), width, height);

  spin (1500);
  if (shot == NULL || !render (shot, out, &error))
    {
      g_printerr ("%s\n", error != NULL ? error->message : "nothing to render");
      return 1;
    }
  return 0;
}
