/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-narrow.c: every view of the main window fits a 360-pixel-wide phone (suite display). */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "evt-demo.h"
#include "evt-event-page-private.h"
#include "evt-header-switcher.h"
#include "evt-people.h"
#include "evt-test-util.h"
#include "evt-window-private.h"

/* The width of a phone held upright, the narrowest window GNOME's HIG asks for. */
#define PHONE_WIDTH 360

typedef struct
{
  char      *dir;
  EvtStore  *store;
  EvtWindow *window;
} Fixture;

static gboolean
on_settled (gpointer user_data)
{
  gboolean *settled = user_data;

  *settled = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
window_idle (gpointer window)
{
  return !evt_window_is_busy (window);
}

/* Iterates the main context until @window is idle, then for @ms more milliseconds (the
 * directory and the follow-ups read their rows on their own). */
static void
wait_for_window (EvtWindow *window,
                 guint      ms)
{
  gboolean settled = FALSE;

  evt_test_wait_until (window_idle, window, "the window to be idle");
  g_timeout_add (ms, on_settled, &settled);
  while (!settled)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
get_child (EvtWindow  *window,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), EVT_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static int
min_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* Prints the widgets wider than @limit at their narrowest, from @widget down: the path to
 * whatever keeps the window from being narrower, for the failure's log. */
static void
print_too_wide (GtkWidget *widget,
                int        limit,
                int        depth)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));
  const char *text = NULL;
  int minimum = min_width (widget);

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_EDITABLE (widget))
    text = gtk_editable_get_text (GTK_EDITABLE (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

  g_test_message ("%*s%s%s%s %d px%s%s%s", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
                  id != NULL ? " #" : "", id != NULL ? id : "", minimum,
                  text != NULL ? " “" : "", text != NULL ? text : "", text != NULL ? "”" : "");

  /* All the children of one too wide, only the too wide ones further down. */
  if (minimum > limit)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        print_too_wide (child, limit, depth + 1);
    }
}

/* The window's content (not the frame it draws around itself when it floats) fits. */
static void
assert_fits (Fixture    *fixture,
             const char *what)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (
                                                             fixture->window));
  int minimum = min_width (content);

  g_test_message ("%s: %d px at the narrowest", what, minimum);
  /* EVT_NARROW_DUMP=WIDTH prints the widgets wider than WIDTH, to find what to narrow. */
  if (g_getenv ("EVT_NARROW_DUMP") != NULL)
    print_too_wide (content, atoi (g_getenv ("EVT_NARROW_DUMP")), 0);
  if (minimum > PHONE_WIDTH)
    {
      print_too_wide (content, PHONE_WIDTH, 0);
      g_test_fail_printf ("%s: the window cannot be narrower than %d px", what, minimum);
    }
  else
    g_assert_cmpint (gtk_widget_get_width (content), <=, PHONE_WIDTH);
}

static void
fixture_set_up (Fixture *fixture)
{
  g_autofree char *path = NULL;
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "members",
                                                "members-fr-bom.csv", NULL);
  g_autoptr(EvtImportReport) report = NULL;
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtLead) lead = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  fixture->dir = g_dir_make_tmp ("eventail-test-narrow-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "eventail.db", NULL);
  fixture->store = evt_store_new (path);
  evt_store_open (fixture->store, NULL, &error);
  g_assert_no_error (error);
  evt_demo_load (fixture->store, &n_added, &error);
  g_assert_no_error (error);

  /* The directory with the members, and a follow-up due, so that no view is empty. */
  report = evt_people_import_organisations (fixture->store, csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  event = evt_store_get_event_by_uid (fixture->store, "demo-2022-micronora@eventail.sample",
                                      &error);
  g_assert_no_error (error);
  g_assert_nonnull (event);
  lead = evt_lead_new (evt_event_get_id (event));
  evt_lead_set_organisation_name (lead, "Bourgogne Implants et Dispositifs Médicaux");
  evt_lead_set_subject (lead, "Capteurs implantables pour la surveillance post-opératoire");
  evt_lead_set_next_step (lead, "Envoyer la documentation technique et proposer une visite");
  evt_lead_set_follow_up (lead, "2022-10-10");
  evt_people_save_lead (fixture->store, lead, &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (evt_window_new (NULL, 2022));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), PHONE_WIDTH, 720);
  evt_window_set_store (fixture->window, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_window (fixture->window, 200);
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* Wait for the window's worker threads, which hold it, to be done. */
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_unref (fixture->window);
  evt_test_wait_until (evt_test_is_cleared, &fixture->window, "the window to be finalized");
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

static const char * const views[] = { "year", "list", "agenda", "organisations", "followups" };

/* Every view, then the page of every event of two years, at 360 pixels, with the window
 * buttons of @user_data: GNOME's and phones' (a close button alone), or GTK's own default
 * (minimize, maximize and close), which other desktops and bare X servers have. */
static void
test_views (gconstpointer user_data)
{
  const char *decoration_layout = user_data;
  Fixture fixture = { 0 };
  GtkWidget *leaflet;
  GtkWidget *page;

  /* With animations: without, GTK 4.8 allocates the switcher bar's revealer a height of -1
   * as it appears. */
  g_object_set (gtk_settings_get_default (),
                "gtk-decoration-layout", decoration_layout,
                "gtk-enable-animations", TRUE,
                NULL);
  fixture_set_up (&fixture);

  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (
                   get_child (fixture.window, "switcher_bar"))));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      evt_window_set_view (fixture.window, views[i]);
      wait_for_window (fixture.window, 300);
      g_assert_cmpstr (evt_window_get_view (fixture.window), ==, views[i]);
      g_assert_cmpstr (evt_window_get_page (fixture.window), ==, "events");
      assert_fits (&fixture, views[i]);

      /* The title says what is shown: the year, or the directory or follow-ups, which have
       * no year to go through; the list's own search entry stands for the search button. */
      {
        AdwViewStack *stack = ADW_VIEW_STACK (get_child (fixture.window, "view_stack"));
        EvtHeaderSwitcher *title = EVT_HEADER_SWITCHER (get_child (fixture.window,
                                                                   "switcher_title"));
        AdwViewStackPage *view_page =
          adw_view_stack_get_page (stack, adw_view_stack_get_visible_child (stack));
        gboolean people = i >= 3;

        g_assert_cmpstr (evt_header_switcher_get_title (title), ==,
                         people ? adw_view_stack_page_get_title (view_page) : "2022");
        g_assert_true (gtk_widget_get_visible (get_child (fixture.window, "year_navigation")) ==
                       !people);
        g_assert_false (gtk_widget_get_visible (get_child (fixture.window, "search_button")));
      }
    }

  /* The page of every event of 2021 (cancelled, with reasons) and 2022 (postponed, held,
   * timed, with participants and a lead), from the agenda. */
  leaflet = get_child (fixture.window, "leaflet");
  evt_window_set_view (fixture.window, "agenda");
  for (int year = 2021; year <= 2022; year++)
    {
      GListModel *list;

      evt_window_set_year (fixture.window, year);
      wait_for_window (fixture.window, 100);
      list = G_LIST_MODEL (evt_window_get_event_list (fixture.window));
      g_assert_cmpuint (g_list_model_get_n_items (list), >, 8);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(EvtEvent) event = g_list_model_get_item (list, i);
          g_autofree char *what = g_strdup_printf ("event page of “%s”",
                                                   evt_event_get_title (event));

          g_assert_true (evt_window_select_event (fixture.window, event));
          gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.open-event", NULL);
          wait_for_window (fixture.window, 300);
          g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==,
                           "event");
          assert_fits (&fixture, what);
          gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.go-back", NULL);
          wait_for_window (fixture.window, 100);
        }
    }

  /* A new event: the empty page, with its date buttons saying so. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.new-event", NULL);
  wait_for_window (fixture.window, 300);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "event");
  assert_fits (&fixture, "new event page");

  /* Edited: its Discard button shows beside Save. */
  page = gtk_widget_get_first_child (get_child (fixture.window, "event_box"));
  g_assert_true (EVT_IS_EVENT_PAGE (page));
  gtk_editable_set_text (GTK_EDITABLE (evt_event_page_get_field_row (EVT_EVENT_PAGE (page),
                                                                     "title")),
                         "Rencontres nationales de la sous-traitance aéronautique");
  g_assert_true (evt_event_page_get_dirty (EVT_EVENT_PAGE (page)));
  wait_for_window (fixture.window, 100);
  assert_fits (&fixture, "edited new event page");
  gtk_widget_activate_action (page, "event-page.discard", NULL);
  g_assert_false (evt_event_page_get_dirty (EVT_EVENT_PAGE (page)));
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.go-back", NULL);
  wait_for_window (fixture.window, 100);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  fixture_tear_down (&fixture);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("EVENTAIL_LOCALEDIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autoptr(GtkCssProvider) provider = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("TZ", "Europe/Paris", TRUE);

  /* LANGUAGE=fr asks for French: its locale when the machine has it (month names),
   * otherwise C.UTF-8, where gettext still reads LANGUAGE (not in plain C). */
  if (setlocale (LC_ALL, "") == NULL)
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      setlocale (LC_ALL, "");
    }
  gtk_disable_setlocale ();
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  /* The catalogue really read: a test in French must not measure English. */
  if (g_strcmp0 (language, "fr") == 0)
    g_assert_cmpstr (_("Search events"), !=, "Search events");

  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under xvfb-run\n");
      return 77;
    }
  adw_init ();

  /* AdwApplication loads style.css by itself; the window's widgets need it here too. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/eventail/Eventail/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_data_func ("/narrow/views/gnome", "appmenu:close", test_views);
  g_test_add_data_func ("/narrow/views/three-buttons", "menu:minimize,maximize,close",
                        test_views);

  return g_test_run ();
}
