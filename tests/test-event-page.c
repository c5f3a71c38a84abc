/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-event-page.c: the event page on a real display over a real SQLite file (suite display). */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#ifdef HAVE_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>
#endif

#include "evt-demo.h"
#include "evt-event-page-private.h"

/* A bound on waiting for the page's threads, so that a hang fails instead of blocking;
 * it says nothing about speed. */
#define WAIT_SECONDS 30

#define MICRONORA_UID "demo-2022-micronora@eventail.sample"
#define AG_UID        "demo-2022-ag@eventail.sample"
#define RENTREE_UID   "demo-2022-rentree-dm@eventail.sample"

typedef struct
{
  char         *dir;
  EvtStore     *store;
  GtkWidget    *window;
  GtkWidget    *overlay;
  EvtEventPage *page;
  GPtrArray    *saved;     /* EvtEvent, as "saved" gave them */
  guint         n_closed;
} Fixture;

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
keep_ticking (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until @done says so. The context is held, as a running
 * main loop would hold it: the store's threads then hand "changed" to this thread. */
static gboolean
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_timeout, &timed_out);
  guint tick_id = g_timeout_add (10, keep_ticking, NULL);

  g_assert_true (g_main_context_acquire (NULL));
  while (!timed_out && !done (data))
    g_main_context_iteration (NULL, TRUE);
  /* Whatever the last answer queued (a "changed" emission, a redraw) runs too. */
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  g_main_context_release (NULL);

  g_source_remove (tick_id);
  if (!timed_out)
    g_source_remove (timeout_id);
  return !timed_out;
}

static gboolean
page_is_idle (gpointer data)
{
  return !evt_event_page_is_busy (data);
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static void
on_saved (EvtEventPage *page,
          EvtEvent     *event,
          Fixture      *fixture)
{
  g_ptr_array_add (fixture->saved, g_object_ref (event));
}

static void
on_closed (EvtEventPage *page,
           Fixture      *fixture)
{
  fixture->n_closed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n_added = 0;

  fixture->dir = g_dir_make_tmp ("eventail-test-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "eventail.db", NULL);
  fixture->store = evt_store_new (path);
  evt_store_open (fixture->store, NULL, &error);
  g_assert_no_error (error);
  evt_demo_load (fixture->store, &n_added, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, >, 0);

  fixture->saved = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 800);
  fixture->page = evt_event_page_new (fixture->store);
  g_signal_connect (fixture->page, "saved", G_CALLBACK (on_saved), fixture);
  g_signal_connect (fixture->page, "closed", G_CALLBACK (on_closed), fixture);
  /* As in the window: toasts go to an overlay around the page. */
  fixture->overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay), GTK_WIDGET (fixture->page));
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->overlay);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (wait_until (widget_is_mapped, fixture->page));
  g_assert_true (wait_until (page_is_idle, fixture->page));
}

static gboolean
page_is_gone (gpointer data)
{
  Fixture *fixture = data;

  return fixture->page == NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* Wait for the page's threads, which hold it, to be done. */
  g_object_add_weak_pointer (G_OBJECT (fixture->page), (gpointer *) &fixture->page);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_true (wait_until (page_is_gone, fixture));

  g_clear_pointer (&fixture->saved, g_ptr_array_unref);
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

/* Helpers */

static GtkWidget *
child (Fixture    *fixture,
       const char *id)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                   EVT_TYPE_EVENT_PAGE, id);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static EvtEvent *
get_event (Fixture    *fixture,
           const char *uid)
{
  g_autoptr(GError) error = NULL;
  EvtEvent *event = evt_store_get_event_by_uid (fixture->store, uid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (event);
  return event;
}

static void
set_text (Fixture    *fixture,
          const char *field,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (evt_event_page_get_field_row (fixture->page, field)),
                         text);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} SaveWait;

static void
on_save_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaveWait *wait = user_data;

  wait->ok = evt_event_page_save_finish (EVT_EVENT_PAGE (source), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
save_is_done (gpointer data)
{
  return ((SaveWait *) data)->done;
}

static gboolean
save (Fixture  *fixture,
      GError  **error)
{
  SaveWait wait = { FALSE, FALSE, NULL };

  evt_event_page_save_async (fixture->page, NULL, on_save_done, &wait);
  g_assert_true (wait_until (save_is_done, &wait));
  g_assert_true (wait_until (page_is_idle, fixture->page));
  if (!wait.ok)
    g_propagate_error (error, wait.error);
  return wait.ok;
}

static gboolean
focus_is_within (Fixture   *fixture,
                 GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The event's fields that the page shows, as text, to tell whether the store's copy
 * changed. */
static char *
describe (EvtEvent *event)
{
  g_autofree char *range = evt_event_format_range_iso (event);

  return g_strdup_printf ("%s|%s|%s|%d|%d|%s|%" G_GINT64_FORMAT "|%s", evt_event_get_title (event),
                          evt_event_get_city (event), range, evt_event_get_sequence (event),
                          evt_event_get_status (event), evt_event_get_url (event),
                          evt_event_get_budget_cents (event),
                          evt_event_get_status_reason (event));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* (transfer none) */
  AdwMessageDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = ADW_MESSAGE_DIALOG (window);
    }
  return found;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      if ((found = find_button (c, label)) != NULL)
        return found;
    }
  return NULL;
}

/* Clicks the dialog's button for @response, as a person would: the dialog answers
 * and closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog),
                                   adw_message_dialog_get_response_label (dialog, response));

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
}

static gboolean
no_message_dialog (gpointer data)
{
  return find_message_dialog () == NULL;
}

/* Tests */

/* Edit a sample event: the title and the city go to the store, the sequence is
 * bumped, "saved" hands over the saved event and the page is clean again. */
static void
test_edit_and_save (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EvtEvent) before = get_event (fixture, MICRONORA_UID);
  g_autoptr(EvtEvent) after = NULL;
  g_autoptr(GError) error = NULL;
  AdwWindowTitle *title = ADW_WINDOW_TITLE (child (fixture, "window_title"));

  evt_event_page_edit (fixture->page, before);
  g_assert_true (wait_until (page_is_idle, fixture->page));
  g_assert_false (evt_event_page_get_dirty (fixture->page));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Micronora");
  g_assert_false (gtk_widget_get_sensitive (child (fixture, "save_button")));
  g_assert_true (focus_is_within (fixture, evt_event_page_get_field_row (fixture->page, "title")));

  set_text (fixture, "title", "Micronora 2022");
  set_text (fixture, "city", "Besançon-Micropolis");
  g_assert_true (evt_event_page_get_dirty (fixture->page));
  g_assert_true (gtk_widget_get_sensitive (child (fixture, "save_button")));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Micronora 2022");

  g_assert_true (save (fixture, &error));
  g_assert_no_error (error);

  after = get_event (fixture, MICRONORA_UID);
  g_assert_cmpstr (evt_event_get_title (after), ==, "Micronora 2022");
  g_assert_cmpstr (evt_event_get_city (after), ==, "Besançon-Micropolis");
  g_assert_cmpint (evt_event_get_sequence (after), ==, evt_event_get_sequence (before) + 1);
  /* What the page did not touch is kept as it was. */
  g_assert_cmpstr (evt_event_get_venue (after), ==, evt_event_get_venue (before));
  g_assert_cmpstr (evt_event_get_notes (after), ==, evt_event_get_notes (before));
  g_assert_cmpint (evt_event_get_budget_cents (after), ==, evt_event_get_budget_cents (before));
  g_assert_true (g_date_time_equal (evt_event_get_start (after), evt_event_get_start (before)));
  g_assert_true (g_date_time_equal (evt_event_get_end (after), evt_event_get_end (before)));
  g_assert_true (evt_event_get_all_day (after));
  g_assert_cmpstr (evt_event_get_source (after), ==, "sample");
  g_assert_cmpuint (g_strv_length ((char **) evt_event_get_sectors (after)), ==,
                    g_strv_length ((char **) evt_event_get_sectors (before)));

  g_assert_cmpuint (fixture->saved->len, ==, 1);
  g_assert_cmpint (evt_event_get_id (g_ptr_array_index (fixture->saved, 0)), ==,
                   evt_event_get_id (before));
  g_assert_false (evt_event_page_get_dirty (fixture->page));
  g_assert_false (gtk_widget_get_sensitive (child (fixture, "save_button")));
  g_assert_cmpint (evt_event_get_sequence (evt_event_page_get_event (fixture->page)), ==,
                   evt_event_get_sequence (after));
  g_assert_true (gtk_widget_get_visible (child (fixture, "metadata_label")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (fixture, "metadata_label"))),
                            "Sample data"));
}

/* An end before the start is shown on the end row at once; saving is refused by the
 * store, whose message stays on that row, which takes the focus; nothing is written. */
static void
test_end_before_start (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EvtEvent) before = get_event (fixture, MICRONORA_UID);
  g_autoptr(EvtEvent) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before_text = describe (before);
  g_autofree char *after_text = NULL;
  GtkWidget *end_row = child (fixture, "end_row");

  evt_event_page_edit (fixture->page, before);
  g_assert_true (evt_event_page_get_field_row (fixture->page, "end") == end_row);
  g_assert_false (gtk_widget_has_css_class (end_row, "error"));

  /* Micronora 2022 runs from September 27 to 30. */
  set_text (fixture, "city", "Dole");
  evt_event_page_set_day (fixture->page, "end", 2022, 9, 20);
  g_assert_true (gtk_widget_has_css_class (end_row, "error"));
  g_assert_nonnull (evt_event_page_get_field_error (fixture->page, "end"));

  g_assert_false (save (fixture, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_INVALID);
  g_assert_cmpstr (evt_store_error_get_field (error), ==, "end");
  g_assert_true (gtk_widget_has_css_class (end_row, "error"));
  g_assert_cmpstr (evt_event_page_get_field_error (fixture->page, "end"), ==, error->message);
  g_assert_true (focus_is_within (fixture, end_row));
  g_assert_true (evt_event_page_get_dirty (fixture->page));
  g_assert_cmpuint (fixture->saved->len, ==, 0);
  g_clear_error (&error);

  after = get_event (fixture, MICRONORA_UID);
  after_text = describe (after);
  g_assert_cmpstr (after_text, ==, before_text);

  /* Put right, the error goes away at once. */
  evt_event_page_set_day (fixture->page, "end", 2022, 9, 30);
  g_assert_false (gtk_widget_has_css_class (end_row, "error"));
  g_assert_null (evt_event_page_get_field_error (fixture->page, "end"));

  /* Moving the start moves the end with it: the event keeps its four days. */
  evt_event_page_set_day (fixture->page, "start", 2022, 10, 4);
  g_assert_false (gtk_widget_has_css_class (end_row, "error"));
  g_assert_true (save (fixture, &error));
  g_assert_no_error (error);
  g_clear_object (&after);
  after = get_event (fixture, MICRONORA_UID);
  g_clear_pointer (&after_text, g_free);
  after_text = evt_event_format_range_iso (after);
  g_assert_cmpstr (after_text, ==, "2022-10-04..2022-10-07");
}

/* An empty title is the store's to refuse: Save stays available, the message shows
 * on the title row. Typing a title clears it. */
static void
test_title_required (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(EvtEvent) before = get_event (fixture, MICRONORA_UID);
  g_autoptr(EvtEvent) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before_text = describe (before);
  g_autofree char *after_text = NULL;
  GtkWidget *title_row = child (fixture, "title_row");

  evt_event_page_edit (fixture->page, before);
  set_text (fixture, "title", "");
  g_assert_true (gtk_widget_get_sensitive (child (fixture, "save_button")));
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));

  g_assert_false (save (fixture, &error));
  g_assert_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_INVALID);
  g_assert_cmpstr (evt_store_error_get_field (error), ==, "title");
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  g_assert_cmpstr (evt_event_page_get_field_error (fixture->page, "title"), ==, error->message);
  g_assert_true (focus_is_within (fixture, title_row));

  after = get_event (fixture, MICRONORA_UID);
  after_text = describe (after);
  g_assert_cmpstr (after_text, ==, before_text);

  set_text (fixture, "title", "M");
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));
  g_assert_null (evt_event_page_get_field_error (fixture->page, "title"));
}

/* Other refusals of the store land on their own rows: the web page, the budget; a
 * budget the page cannot read is refused before the store is asked. */
static void
test_other_fields (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(EvtEvent) before = get_event (fixture, MICRONORA_UID);
  g_autoptr(EvtEvent) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *url_row = child (fixture, "url_row");
  GtkWidget *budget_row = child (fixture, "budget_row");

  evt_event_page_edit (fixture->page, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (budget_row)), ==, "16000");

  set_text (fixture, "url", "www.micronora.com");
  g_assert_false (save (fixture, &error));
  g_assert_cmpstr (evt_store_error_get_field (error), ==, "url");
  g_assert_true (gtk_widget_has_css_class (url_row, "error"));
  g_assert_true (focus_is_within (fixture, url_row));
  g_clear_error (&error);
  set_text (fixture, "url", "https://www.micronora.com/2022");
  g_assert_false (gtk_widget_has_css_class (url_row, "error"));

  /* Unreadable: shown as typed, refused at once. */
  set_text (fixture, "budget-cents", "1,500");
  g_assert_true (gtk_widget_has_css_class (budget_row, "error"));
  g_assert_false (save (fixture, &error));
  g_assert_error (error, EVT_EVENT_PAGE_ERROR, EVT_EVENT_PAGE_ERROR_INVALID);
  g_clear_error (&error);

  /* Negative: an event cannot even hold it. */
  set_text (fixture, "budget-cents", "-20");
  g_assert_true (gtk_widget_has_css_class (budget_row, "error"));
  g_assert_nonnull (strstr (evt_event_page_get_field_error (fixture->page, "budget-cents"),
                            "negative"));
  g_assert_false (save (fixture, &error));
  g_assert_error (error, EVT_EVENT_PAGE_ERROR, EVT_EVENT_PAGE_ERROR_INVALID);
  g_assert_true (focus_is_within (fixture, budget_row));
  g_clear_error (&error);

  set_text (fixture, "budget-cents", "17 250,5 €");
  g_assert_true (save (fixture, &error));
  g_assert_no_error (error);
  after = get_event (fixture, MICRONORA_UID);
  g_assert_cmpint (evt_event_get_budget_cents (after), ==, 1725050);
  g_assert_cmpstr (evt_event_get_url (after), ==, "https://www.micronora.com/2022");

  /* An empty budget is no budget. */
  set_text (fixture, "budget-cents", "");
  g_assert_true (save (fixture, &error));
  g_clear_object (&after);
  after = get_event (fixture, MICRONORA_UID);
  g_assert_cmpint (evt_event_get_budget_cents (after), ==, -1);
}

/* A new event starts today, all day, tentative, in Europe/Paris, and is saved with a
 * uid of its own. */
static void
test_new_event (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtEvent) stored = NULL;
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) now = g_date_time_new_now (paris);
  EvtEvent *saved;
  AdwWindowTitle *title = ADW_WINDOW_TITLE (child (fixture, "window_title"));
  gint64 count = evt_store_count_events (fixture->store, NULL);

  evt_event_page_edit (fixture->page, NULL);
  g_assert_false (evt_event_page_get_dirty (fixture->page));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "New Event");
  g_assert_false (gtk_widget_get_visible (child (fixture, "metadata_label")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "timezone_row")));

  set_text (fixture, "title", "Journée technique usinage");
  set_text (fixture, "city", "Besançon");
  g_assert_true (evt_event_page_get_dirty (fixture->page));
  g_assert_true (save (fixture, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (fixture->saved->len, ==, 1);
  saved = g_ptr_array_index (fixture->saved, 0);
  g_assert_nonnull (evt_event_get_uid (saved));
  g_assert_cmpint (evt_event_get_id (saved), >, 0);
  g_assert_cmpint (evt_store_count_events (fixture->store, NULL), ==, count + 1);

  stored = get_event (fixture, evt_event_get_uid (saved));
  g_assert_cmpstr (evt_event_get_title (stored), ==, "Journée technique usinage");
  g_assert_cmpstr (evt_event_get_city (stored), ==, "Besançon");
  g_assert_true (evt_event_get_all_day (stored));
  g_assert_cmpint (evt_event_get_status (stored), ==, EVT_STATUS_TENTATIVE);
  g_assert_cmpstr (evt_event_get_timezone (stored), ==, "Europe/Paris");
  g_assert_cmpint (g_date_time_get_year (evt_event_get_start (stored)), ==,
                   g_date_time_get_year (now));
  g_assert_cmpint (g_date_time_get_day_of_year (evt_event_get_start (stored)), ==,
                   g_date_time_get_day_of_year (now));
  g_assert_true (g_date_time_equal (evt_event_get_start (stored), evt_event_get_end (stored)));
  g_assert_null (evt_event_get_source (stored));

  /* Saved once, it is an event like the others: a second save updates it. */
  g_assert_false (evt_event_page_get_dirty (fixture->page));
  g_assert_true (gtk_widget_get_visible (child (fixture, "metadata_label")));
  set_text (fixture, "country", "France");
  g_assert_true (save (fixture, &error));
  g_assert_cmpint (evt_store_count_events (fixture->store, NULL), ==, count + 1);
  g_clear_object (&stored);
  stored = get_event (fixture, evt_event_get_uid (saved));
  g_assert_cmpstr (evt_event_get_country (stored), ==, "France");
}

/* A timed event: times, and a zone found in the list. */
static void
test_timed (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtEvent) stored = NULL;
  GtkDropDown *dropdown = GTK_DROP_DOWN (child (fixture, "timezone_dropdown"));
  GListModel *zones = gtk_drop_down_get_model (dropdown);
  GDateTime *start;
  GDateTime *end;
  guint new_york = GTK_INVALID_LIST_POSITION;
  EvtEvent *saved;

  evt_event_page_edit (fixture->page, NULL);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (dropdown)), ==,
                   "Europe/Paris");
  set_text (fixture, "title", "Webinaire partenaires américains");
  gtk_switch_set_active (GTK_SWITCH (child (fixture, "all_day_switch")), FALSE);
  g_assert_true (gtk_widget_get_visible (child (fixture, "timezone_row")));
  g_assert_true (gtk_widget_get_visible (child (fixture, "start_time_button")));

  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(GtkStringObject) zone = g_list_model_get_item (zones, i);

      if (g_str_equal (gtk_string_object_get_string (zone), "America/New_York"))
        new_york = i;
    }
  g_assert_cmpuint (new_york, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (dropdown, new_york);
  evt_event_page_set_day (fixture->page, "start", 2022, 5, 12);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (fixture, "start_hour_spin")), 11);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (fixture, "start_minute_spin")), 30);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (fixture, "end_hour_spin")), 13);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (fixture, "end_minute_spin")), 0);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (child (fixture,
                                                                     "start_time_button"))),
                   ==, "11:30");

  g_assert_true (save (fixture, &error));
  g_assert_no_error (error);
  saved = g_ptr_array_index (fixture->saved, 0);
  stored = get_event (fixture, evt_event_get_uid (saved));
  g_assert_false (evt_event_get_all_day (stored));
  g_assert_cmpstr (evt_event_get_timezone (stored), ==, "America/New_York");
  start = evt_event_get_start (stored);
  end = evt_event_get_end (stored);
  /* 11:30 in New York, in May (UTC−4), is 15:30 UTC. */
  g_assert_cmpint (g_date_time_to_unix (start), ==, 1652369400);
  g_assert_cmpint (g_date_time_to_unix (end), ==, 1652374800);

  /* An end before the start, within one day, is an error too. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (fixture, "end_hour_spin")), 10);
  g_assert_true (gtk_widget_has_css_class (child (fixture, "end_row"), "error"));
}

/* The reason row shows for a cancelled or postponed event, and goes to the store. */
static void
test_status_and_reason (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(EvtEvent) before = get_event (fixture, MICRONORA_UID);
  g_autoptr(EvtEvent) after = NULL;
  g_autoptr(EvtEvent) rentree = get_event (fixture, RENTREE_UID);
  g_autoptr(GError) error = NULL;
  GtkWidget *reason_row = child (fixture, "reason_row");
  GtkWidget *original_row = child (fixture, "original_row");
  AdwComboRow *status_row = ADW_COMBO_ROW (child (fixture, "status_row"));

  evt_event_page_edit (fixture->page, before);
  g_assert_false (gtk_widget_get_visible (reason_row));
  g_assert_false (gtk_widget_get_visible (original_row));

  adw_combo_row_set_selected (status_row, EVT_STATUS_CANCELLED);
  g_assert_true (gtk_widget_get_visible (reason_row));
  set_text (fixture, "status-reason", "Salon reporté par l'organisateur");
  g_assert_true (save (fixture, &error));
  g_assert_no_error (error);
  after = get_event (fixture, MICRONORA_UID);
  g_assert_cmpint (evt_event_get_status (after), ==, EVT_STATUS_CANCELLED);
  g_assert_cmpstr (evt_event_get_status_reason (after), ==, "Salon reporté par l'organisateur");

  /* Back to confirmed: the row hides and the reason no longer applies. */
  adw_combo_row_set_selected (status_row, EVT_STATUS_CONFIRMED);
  g_assert_false (gtk_widget_get_visible (reason_row));
  g_assert_true (save (fixture, &error));
  g_clear_object (&after);
  after = get_event (fixture, MICRONORA_UID);
  g_assert_null (evt_event_get_status_reason (after));

  /* Postponing keeps the dates it had, shown read-only. */
  adw_combo_row_set_selected (status_row, EVT_STATUS_POSTPONED);
  g_assert_true (gtk_widget_get_visible (reason_row));
  g_assert_true (gtk_widget_get_visible (original_row));
  evt_event_page_set_day (fixture->page, "start", 2023, 3, 7);
  g_assert_true (save (fixture, &error));
  g_clear_object (&after);
  after = get_event (fixture, MICRONORA_UID);
  g_assert_cmpint (evt_event_get_status (after), ==, EVT_STATUS_POSTPONED);
  g_assert_true (g_date_time_equal (evt_event_get_original_start (after),
                                    evt_event_get_start (before)));
  g_assert_true (g_date_time_equal (evt_event_get_original_end (after),
                                    evt_event_get_end (before)));

  /* A sample event postponed already shows its reason and first dates. */
  evt_event_page_edit (fixture->page, rentree);
  g_assert_true (gtk_widget_get_visible (reason_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reason_row)), ==,
                   evt_event_get_status_reason (rentree));
  g_assert_true (gtk_widget_get_visible (original_row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (original_row)), "15"));
  g_assert_false (evt_event_page_get_dirty (fixture->page));
}

/* Dirty follows the difference with the saved event: an edit undone by hand leaves the
 * page clean; Discard drops the edits and Undo brings them back. */
static void
test_dirty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(EvtEvent) before = get_event (fixture, AG_UID);
  GtkWidget *city = evt_event_page_get_field_row (fixture->page, "city");
  GtkTextBuffer *notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (fixture, "notes_view")));
  GtkWidget *discard = child (fixture, "discard_button");
  g_autofree char *city_text = NULL;

  evt_event_page_edit (fixture->page, before);
  city_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (city)));
  g_assert_false (evt_event_page_get_dirty (fixture->page));
  g_assert_false (gtk_widget_get_visible (discard));

  set_text (fixture, "city", "Montbéliard");
  g_assert_true (evt_event_page_get_dirty (fixture->page));
  g_assert_true (gtk_widget_get_visible (discard));
  set_text (fixture, "city", city_text);
  g_assert_false (evt_event_page_get_dirty (fixture->page));

  gtk_text_buffer_set_text (notes, "Réserver la salle du conseil", -1);
  g_assert_true (evt_event_page_get_dirty (fixture->page));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (fixture, "kind_row")), EVT_KIND_MEETING);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "event-page.discard", NULL);
  g_assert_false (evt_event_page_get_dirty (fixture->page));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (fixture, "kind_row"))), ==,
                    evt_event_get_kind (before));
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (notes, &start, &end);
    text = gtk_text_buffer_get_text (notes, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, evt_event_get_notes (before) ? evt_event_get_notes (before) : "");
  }

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "event-page.undo-discard", NULL);
  g_assert_true (evt_event_page_get_dirty (fixture->page));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (fixture, "kind_row"))), ==,
                    EVT_KIND_MEETING);
}

/* Sectors: one row per sector of the store, with its name; checking one saves it. */
static void
test_sectors (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(EvtEvent) before = get_event (fixture, AG_UID);
  g_autoptr(EvtEvent) after = NULL;
  g_autoptr(GPtrArray) sectors = evt_store_list_sectors (fixture->store, NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *group = child (fixture, "sectors_group");
  GPtrArray *checks = g_ptr_array_new ();
  GtkCheckButton *health = NULL;
  GtkWidget *w;

  evt_event_page_edit (fixture->page, before);

  /* Depth-first: every check button in the group. */
  w = gtk_widget_get_first_child (group);
  while (w != NULL)
    {
      if (GTK_IS_CHECK_BUTTON (w))
        g_ptr_array_add (checks, w);
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = (gtk_widget_get_parent (w) == group) ? NULL : gtk_widget_get_parent (w);
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_cmpuint (checks->len, ==, sectors->len);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (checks, i), ADW_TYPE_ACTION_ROW);
      EvtSector *sector = g_ptr_array_index (sectors, i);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, sector->name);
      g_assert_cmpint (gtk_check_button_get_active (g_ptr_array_index (checks, i)), ==,
                       evt_event_has_sector (before, sector->slug));
      if (g_str_equal (sector->slug, "health"))
        health = g_ptr_array_index (checks, i);
    }
  g_assert_nonnull (health);
  g_assert_false (evt_event_has_sector (before, "health"));

  gtk_check_button_set_active (health, TRUE);
  g_assert_true (evt_event_page_get_dirty (fixture->page));
  g_assert_true (save (fixture, &error));
  g_assert_no_error (error);
  after = get_event (fixture, AG_UID);
  g_assert_true (evt_event_has_sector (after, "health"));
  g_ptr_array_unref (checks);
}

/* Leaving: at once when clean; with unsaved changes, a dialog asks. Cancel stays,
 * Discard leaves without saving, Save saves then leaves. */
static void
test_close (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(EvtEvent) before = get_event (fixture, MICRONORA_UID);
  g_autoptr(EvtEvent) after = NULL;
  g_autofree char *before_text = describe (before);
  g_autofree char *after_text = NULL;
  AdwMessageDialog *dialog;

  evt_event_page_edit (fixture->page, before);
  g_assert_null (find_message_dialog ());
  evt_event_page_request_close (fixture->page);
  g_assert_cmpuint (fixture->n_closed, ==, 1);
  g_assert_null (find_message_dialog ());

  set_text (fixture, "title", "Micronora (à confirmer)");
  evt_event_page_request_close (fixture->page);
  g_assert_cmpuint (fixture->n_closed, ==, 1);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) ==
                 GTK_WINDOW (fixture->window));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));

  /* Cancel: the page stays, still dirty. */
  respond (dialog, "cancel");
  g_assert_true (wait_until (no_message_dialog, NULL));
  g_assert_cmpuint (fixture->n_closed, ==, 1);
  g_assert_true (evt_event_page_get_dirty (fixture->page));

  /* Discard: closed, nothing saved, the page clean. */
  evt_event_page_request_close (fixture->page);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  g_assert_true (wait_until (no_message_dialog, NULL));
  g_assert_cmpuint (fixture->n_closed, ==, 2);
  g_assert_false (evt_event_page_get_dirty (fixture->page));
  g_assert_cmpuint (fixture->saved->len, ==, 0);
  after = get_event (fixture, MICRONORA_UID);
  after_text = describe (after);
  g_assert_cmpstr (after_text, ==, before_text);

  /* Save: saved, then closed. */
  set_text (fixture, "title", "Micronora 2022");
  evt_event_page_request_close (fixture->page);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "save");
  g_assert_true (wait_until (no_message_dialog, NULL));
  g_assert_true (wait_until (page_is_idle, fixture->page));
  g_assert_cmpuint (fixture->saved->len, ==, 1);
  g_assert_cmpuint (fixture->n_closed, ==, 3);
  g_clear_object (&after);
  after = get_event (fixture, MICRONORA_UID);
  g_assert_cmpstr (evt_event_get_title (after), ==, "Micronora 2022");

  /* Save refused: the page stays, with the error on the field. */
  set_text (fixture, "title", "");
  evt_event_page_request_close (fixture->page);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "save");
  g_assert_true (wait_until (no_message_dialog, NULL));
  g_assert_true (wait_until (page_is_idle, fixture->page));
  g_assert_cmpuint (fixture->n_closed, ==, 3);
  g_assert_cmpuint (fixture->saved->len, ==, 1);
  g_assert_true (gtk_widget_has_css_class (child (fixture, "title_row"), "error"));

  /* An unsaved copy (a duplicate) is a change until it is saved. */
  {
    g_autoptr(EvtEvent) copy = evt_event_new ();

    evt_event_set_title (copy, "Micronora (copy)");
    evt_event_page_edit (fixture->page, copy);
    g_assert_true (evt_event_page_get_dirty (fixture->page));
  }
}

/* Activates the page's own key binding for @keyval and @modifiers, as GTK does on a
 * key press. */
static gboolean
press_binding (GtkWidget       *widget,
               guint            keyval,
               GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

#ifdef HAVE_XTEST
/* Real key presses through the X server, the window and the page's bindings. */
static Display *
x_display (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  int event_base, error_base, major, minor;
  Display *xdisplay;

  if (!GDK_IS_X11_DISPLAY (display))
    return NULL;
  xdisplay = gdk_x11_display_get_xdisplay (display);
  if (!XTestQueryExtension (xdisplay, &event_base, &error_base, &major, &minor))
    return NULL;
  return xdisplay;
}

/* Puts the pointer over @widget: with no window manager, the keyboard follows it. */
static gboolean
x_point_at (GtkWidget *widget)
{
  Display *xdisplay = x_display (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double dx, dy;
  int root_x, root_y;
  Window x_child;

  if (xdisplay == NULL)
    return FALSE;
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (10, 10), &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         DefaultRootWindow (xdisplay), (int) (point.x + dx),
                         (int) (point.y + dy), &root_x, &root_y, &x_child);
  XTestFakeMotionEvent (xdisplay, -1, root_x, root_y, CurrentTime);
  XFlush (xdisplay);
  return TRUE;
}

static void
x_press (GtkWidget *widget,
         KeySym     modifier,
         KeySym     keysym)
{
  Display *xdisplay = x_display (widget);
  KeyCode mod_code = modifier != NoSymbol ? XKeysymToKeycode (xdisplay, modifier) : 0;
  KeyCode code = XKeysymToKeycode (xdisplay, keysym);

  if (mod_code != 0)
    XTestFakeKeyEvent (xdisplay, mod_code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
  if (mod_code != 0)
    XTestFakeKeyEvent (xdisplay, mod_code, False, CurrentTime);
  XFlush (xdisplay);
}

static gboolean
has_saved (gpointer data)
{
  return ((Fixture *) data)->saved->len > 0 && !evt_event_page_is_busy (((Fixture *) data)->page);
}

static gboolean
has_closed (gpointer data)
{
  return ((Fixture *) data)->n_closed > 0;
}

static gboolean
title_has_focus (gpointer data)
{
  Fixture *fixture = data;

  return gtk_window_is_active (GTK_WINDOW (fixture->window)) &&
         focus_is_within (fixture, evt_event_page_get_field_row (fixture->page, "title"));
}
#endif

/* Every control can be named by a screen reader; Ctrl+S saves, Escape leaves. */
static void
check_named (GtkWidget *widget)
{
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
              !gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY) &&
              !(GTK_IS_BUTTON (c) && gtk_button_get_label (GTK_BUTTON (c)) != NULL))
            g_error ("A %s in a %s in a %s has no accessible name", G_OBJECT_TYPE_NAME (c),
                     G_OBJECT_TYPE_NAME (gtk_widget_get_parent (c)),
                     G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (c))));
        }
      check_named (c);
    }
}

static void
test_keyboard_and_names (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(EvtEvent) before = get_event (fixture, MICRONORA_UID);
  g_autoptr(EvtEvent) after = NULL;
  g_autoptr(GError) error = NULL;

  evt_event_page_edit (fixture->page, before);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (fixture, "status_row")), EVT_STATUS_CANCELLED);
  gtk_switch_set_active (GTK_SWITCH (child (fixture, "all_day_switch")), FALSE);
  g_assert_true (wait_until (page_is_idle, fixture->page));
  check_named (GTK_WIDGET (fixture->page));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "event-page.discard", NULL);

  /* The bindings. */
  set_text (fixture, "city", "Besançon (25)");
  g_assert_true (press_binding (GTK_WIDGET (fixture->page), GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_true (wait_until (page_is_idle, fixture->page));
  g_assert_cmpuint (fixture->saved->len, ==, 1);
  after = get_event (fixture, MICRONORA_UID);
  g_assert_cmpstr (evt_event_get_city (after), ==, "Besançon (25)");
  g_assert_true (press_binding (GTK_WIDGET (fixture->page), GDK_KEY_Escape, 0));
  g_assert_cmpuint (fixture->n_closed, ==, 1);

#ifdef HAVE_XTEST
  /* Real keys: type in the title, Enter saves, Escape leaves. */
  fixture->n_closed = 0;
  g_ptr_array_set_size (fixture->saved, 0);
  gtk_widget_grab_focus (evt_event_page_get_field_row (fixture->page, "title"));
  if (x_point_at (GTK_WIDGET (fixture->page)) && wait_until (title_has_focus, fixture))
    {
      x_press (GTK_WIDGET (fixture->page), NoSymbol, XK_x);
      x_press (GTK_WIDGET (fixture->page), NoSymbol, XK_Return);
      g_assert_true (wait_until (has_saved, fixture));
      g_clear_object (&after);
      after = get_event (fixture, MICRONORA_UID);
      g_assert_true (g_str_has_suffix (evt_event_get_title (after), "x"));

      x_press (GTK_WIDGET (fixture->page), XK_Control_L, XK_s);
      x_press (GTK_WIDGET (fixture->page), NoSymbol, XK_Escape);
      g_assert_true (wait_until (has_closed, fixture));
      g_assert_cmpuint (fixture->saved->len, ==, 1);
    }
  else
    {
      g_test_message ("No XTest or no keyboard focus: real key presses not tried");
    }
#endif
}

/* The stylesheet is compiled into the program: a mistake in it fails. */
static void
on_css_error (GtkCssProvider *provider,
              GtkCssSection  *section,
              const GError   *error)
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
  /* This thread owns the main context throughout, as a running application does: the
   * store's threads then always hand "changed" to it. */
  g_assert_true (g_main_context_acquire (NULL));

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
  ADD ("/event-page/edit-and-save", test_edit_and_save);
  ADD ("/event-page/end-before-start", test_end_before_start);
  ADD ("/event-page/title-required", test_title_required);
  ADD ("/event-page/other-fields", test_other_fields);
  ADD ("/event-page/new-event", test_new_event);
  ADD ("/event-page/timed", test_timed);
  ADD ("/event-page/status-and-reason", test_status_and_reason);
  ADD ("/event-page/dirty", test_dirty);
  ADD ("/event-page/sectors", test_sectors);
  ADD ("/event-page/close", test_close);
  ADD ("/event-page/keyboard-and-names", test_keyboard_and_names);
#undef ADD

  return g_test_run ();
}
