/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-list-view.c: the list of events on a display, over a real SQLite file (suite display). */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "evt-demo.h"
#include "evt-list-row.h"
#include "evt-list-view-private.h"

/* A bound on waiting for worker threads and incremental sorting, so that a hang
 * fails instead of blocking; it says nothing about speed. */
#define WAIT_SECONDS 30

/* The sample data: 12 events in 2021 (every one cancelled), 9 in 2022. */
#define N_SAMPLE_2021 12
#define N_SAMPLE      21

typedef struct
{
  char        *dir;
  EvtStore    *store;
  GtkWidget   *window;
  EvtListView *view;
  GPtrArray   *all;        /* every event, as the store reads them */
} Fixture;

static GHashTable *sector_name_table;  /* slug → sector name, from the store */

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until the view has applied the search, read the store
 * and sorted the answer. The context is held, as g_main_loop_run() would: the store's
 * threads then hand their "changed" signal to this thread. */
static void
wait_for_view (EvtListView *view)
{
  gboolean timed_out = FALSE;
  guint timeout_id;

  timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_timeout, &timed_out);
  g_assert_true (g_main_context_acquire (NULL));

  for (guint round = 0; round < 2; round++)
    {
      while (!timed_out && evt_list_view_is_busy (view))
        g_main_context_iteration (NULL, TRUE);
      /* Whatever the last answer queued (a "changed" emission, a redraw) runs too. */
      for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
        g_main_context_iteration (NULL, FALSE);
    }

  g_main_context_release (NULL);

  if (timed_out)
    g_error ("The list was still busy after %d s", WAIT_SECONDS);
  g_source_remove (timeout_id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) sectors = NULL;
  guint n_added = 0;

  fixture->dir = g_dir_make_tmp ("eventail-test-list-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "eventail.db", NULL);
  fixture->store = evt_store_new (path);
  evt_store_open (fixture->store, NULL, &error);
  g_assert_no_error (error);
  evt_demo_load (fixture->store, &n_added, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, N_SAMPLE);

  fixture->all = evt_store_query (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->all->len, ==, N_SAMPLE);

  sectors = evt_store_list_sectors (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_null (sector_name_table);
  sector_name_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < sectors->len; i++)
    {
      EvtSector *sector = g_ptr_array_index (sectors, i);

      g_hash_table_insert (sector_name_table, g_strdup (sector->slug), g_strdup (sector->name));
    }

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  fixture->view = EVT_LIST_VIEW (evt_list_view_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  evt_list_view_set_year (fixture->view, 2021);
  evt_list_view_set_all_years (fixture->view, TRUE);
  evt_list_view_set_store (fixture->view, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_view (fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fixture->window != NULL)
    {
      gboolean timed_out = FALSE;
      guint timeout_id;

      /* Wait for the view's worker threads, which hold it, to be done. */
      g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
      gtk_window_destroy (GTK_WINDOW (fixture->window));

      timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_timeout, &timed_out);
      g_assert_true (g_main_context_acquire (NULL));
      while (fixture->view != NULL && !timed_out)
        g_main_context_iteration (NULL, TRUE);
      g_main_context_release (NULL);
      g_assert_null (fixture->view);
      g_source_remove (timeout_id);
    }

  g_clear_pointer (&fixture->all, g_ptr_array_unref);
  g_clear_pointer (&sector_name_table, g_hash_table_unref);
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

static GPtrArray *
shown_events (EvtListView *view)
{
  GListModel *model = evt_list_view_get_model (view);
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (events, g_list_model_get_item (model, i));
  return events;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 ia = *(const gint64 *) a;
  gint64 ib = *(const gint64 *) b;

  return ia < ib ? -1 : ia > ib;
}

/* The ids of @events, sorted, so that two sets compare with one assertion. */
static GArray *
id_set (GPtrArray *events)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < events->len; i++)
    {
      gint64 id = evt_event_get_id (g_ptr_array_index (events, i));

      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);
  return ids;
}

static void
assert_same_events (GPtrArray *shown,
                    GPtrArray *expected)
{
  g_autoptr(GArray) a = id_set (shown);
  g_autoptr(GArray) b = id_set (expected);

  g_assert_cmpmem (a->data, a->len * sizeof (gint64), b->data, b->len * sizeof (gint64));
}

/* Does any word of the event's searchable text start with @prefix (ASCII, lower
 * case)? Worked out here from the fields, independently of SQLite's FTS5. */
static gboolean
event_matches_word (EvtEvent   *event,
                    const char *prefix)
{
  const char *fields[] = {
    evt_event_get_title (event), evt_event_get_city (event), evt_event_get_venue (event),
    evt_event_get_organiser (event), evt_event_get_partners (event),
    evt_event_get_description (event), evt_event_get_notes (event),
  };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autofree char *ascii = NULL;
      g_autofree char *lower = NULL;
      g_auto(GStrv) words = NULL;

      if (fields[f] == NULL)
        continue;
      ascii = g_str_to_ascii (fields[f], "C");
      lower = g_ascii_strdown (ascii, -1);
      words = g_regex_split_simple ("[^a-z0-9]+", lower, 0, 0);
      for (guint w = 0; words[w] != NULL; w++)
        if (g_str_has_prefix (words[w], prefix))
          return TRUE;
    }
  return FALSE;
}

static GtkWidget *
find_check (GtkWidget  *root,
            const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_CHECK_BUTTON (child) &&
          g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_check (child, label)) != NULL)
        return found;
    }
  return NULL;
}

/* Sort keys, as people read each column. */

static char *
sector_names (EvtEvent *event)
{
  const char * const *slugs = evt_event_get_sectors (event);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; slugs != NULL && slugs[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, g_hash_table_lookup (sector_name_table, slugs[i]));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gint64
start_of (EvtEvent *event)
{
  return g_date_time_to_unix (evt_event_get_start (event));
}

static int
collate (const char *a,
         const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a ? a : "", -1);
  g_autofree char *fb = g_utf8_casefold (b ? b : "", -1);

  return g_utf8_collate (fa, fb);
}

static int
compare_column (EvtListColumn  column,
                EvtEvent      *a,
                EvtEvent      *b)
{
  switch (column)
    {
    case EVT_LIST_COLUMN_DATES:
      return start_of (a) < start_of (b) ? -1 : start_of (a) > start_of (b);
    case EVT_LIST_COLUMN_TITLE:
      return collate (evt_event_get_title (a), evt_event_get_title (b));
    case EVT_LIST_COLUMN_KIND:
      return collate (evt_kind_get_label (evt_event_get_kind (a)),
                      evt_kind_get_label (evt_event_get_kind (b)));
    case EVT_LIST_COLUMN_CITY:
      return collate (evt_event_get_city (a), evt_event_get_city (b));
    case EVT_LIST_COLUMN_SECTORS:
      {
        g_autofree char *na = sector_names (a);
        g_autofree char *nb = sector_names (b);

        return collate (na, nb);
      }
    case EVT_LIST_COLUMN_STATUS:
      return (int) evt_event_get_status (a) - (int) evt_event_get_status (b);
    case EVT_LIST_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
assert_sorted_by (EvtListView   *view,
                  EvtListColumn  column,
                  GtkSortType    order)
{
  g_autoptr(GPtrArray) events = shown_events (view);

  g_assert_cmpuint (events->len, ==, N_SAMPLE);
  for (guint i = 1; i < events->len; i++)
    {
      int cmp = compare_column (column, g_ptr_array_index (events, i - 1),
                                g_ptr_array_index (events, i));

      if (order == GTK_SORT_ASCENDING)
        g_assert_cmpint (cmp, <=, 0);
      else
        g_assert_cmpint (cmp, >=, 0);
    }
}

/* Tests */

static void
test_default_order (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) events = NULL;

  /* Every year: the store's whole content, by date. */
  g_assert_cmpstr (evt_list_view_get_page (fixture->view), ==, "list");
  g_assert_cmpstr (evt_list_view_get_count_text (fixture->view), ==, "21 events");
  assert_sorted_by (fixture->view, EVT_LIST_COLUMN_DATES, GTK_SORT_ASCENDING);
  events = shown_events (fixture->view);
  assert_same_events (events, fixture->all);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* The year only. */
  evt_list_view_set_all_years (fixture->view, FALSE);
  wait_for_view (fixture->view);
  events = shown_events (fixture->view);
  g_assert_cmpuint (events->len, ==, N_SAMPLE_2021);
  for (guint i = 0; i < events->len; i++)
    {
      EvtEvent *event = g_ptr_array_index (events, i);

      g_assert_cmpint (g_date_time_get_year (evt_event_get_start (event)), ==, 2021);
      if (i > 0)
        g_assert_cmpint (start_of (g_ptr_array_index (events, i - 1)), <=, start_of (event));
    }
  g_assert_cmpstr (evt_list_view_get_count_text (fixture->view), ==, "12 events");
  g_clear_pointer (&events, g_ptr_array_unref);

  /* A year without events says so, and offers every year. */
  evt_list_view_set_year (fixture->view, 2030);
  wait_for_view (fixture->view);
  g_assert_cmpstr (evt_list_view_get_page (fixture->view), ==, "empty");
  g_assert_cmpstr (evt_list_view_get_count_text (fixture->view), ==, "0 events");
}

static void
test_sort_columns (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkColumnView *column_view = evt_list_view_get_column_view (fixture->view);
  GtkColumnViewColumn *title = evt_list_view_get_column (fixture->view, EVT_LIST_COLUMN_TITLE);
  g_autoptr(GPtrArray) ascending = NULL;
  g_autoptr(GPtrArray) descending = NULL;

  /* Every column can be sorted on, both ways. */
  for (EvtListColumn c = 0; c < EVT_LIST_N_COLUMNS; c++)
    {
      GtkColumnViewColumn *column = evt_list_view_get_column (fixture->view, c);

      g_assert_nonnull (gtk_column_view_column_get_sorter (column));
      g_assert_true (gtk_column_view_column_get_resizable (column));
      gtk_column_view_sort_by_column (column_view, column, GTK_SORT_ASCENDING);
      wait_for_view (fixture->view);
      assert_sorted_by (fixture->view, c, GTK_SORT_ASCENDING);
      gtk_column_view_sort_by_column (column_view, column, GTK_SORT_DESCENDING);
      wait_for_view (fixture->view);
      assert_sorted_by (fixture->view, c, GTK_SORT_DESCENDING);

      /* The store sorted: the header's column and order are in the list's query, and
       * the rows shown are in that order with no sort model between. */
      {
        EvtEventList *list = evt_list_view_get_event_list (fixture->view);
        const EvtQuery *query = evt_event_list_get_query (list);

        g_assert_cmpint (query->sort, ==, (int) c);
        g_assert_true (query->descending);
        g_assert_true (evt_list_view_get_model (fixture->view) == G_LIST_MODEL (list));
        g_assert_true (evt_event_list_get_compact (list));
      }
    }
  g_assert_true (gtk_column_view_column_get_expand (title));

  /* By title: "Aerospace & Defence Meetings" first, "Webinaire Riposte…" last, and
   * descending is the same titles backwards. */
  gtk_column_view_sort_by_column (column_view, title, GTK_SORT_ASCENDING);
  wait_for_view (fixture->view);
  ascending = shown_events (fixture->view);
  g_assert_cmpstr (evt_event_get_title (g_ptr_array_index (ascending, 0)), ==,
                   "Aerospace & Defence Meetings");
  g_assert_true (g_str_has_prefix (evt_event_get_title (g_ptr_array_index (ascending, 20)),
                                   "Webinaire Riposte"));
  gtk_column_view_sort_by_column (column_view, title, GTK_SORT_DESCENDING);
  wait_for_view (fixture->view);
  descending = shown_events (fixture->view);
  for (guint i = 0; i < N_SAMPLE; i++)
    g_assert_cmpstr (evt_event_get_title (g_ptr_array_index (ascending, i)), ==,
                     evt_event_get_title (g_ptr_array_index (descending, N_SAMPLE - 1 - i)));

  /* The column view's rows show the list's events, made for the rows alive only. */
  {
    GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (column_view));
    g_autoptr(GObject) row = g_list_model_get_item (rows, 0);
    g_autoptr(EvtEvent) shown = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, N_SAMPLE);
    g_object_get (row, "event", &shown, NULL);
    g_assert_cmpstr (evt_event_get_title (shown), ==,
                     evt_event_get_title (g_ptr_array_index (descending, 0)));
  }

  /* A reload (the store changed) keeps the order chosen. */
  {
    g_autoptr(EvtEvent) event = evt_event_copy (g_ptr_array_index (fixture->all, 0));
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) after = NULL;

    evt_event_set_title (event, "Zénith des microtechniques");
    evt_store_update_event (fixture->store, event, &error);
    g_assert_no_error (error);
    wait_for_view (fixture->view);
    after = shown_events (fixture->view);
    g_assert_cmpstr (evt_event_get_title (g_ptr_array_index (after, 0)), ==,
                     "Zénith des microtechniques");
  }
}

static void
test_status_filter (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *check = find_check (GTK_WIDGET (fixture->view), "Cancelled");
  g_autoptr(GPtrArray) events = NULL;

  /* Ticking "Cancelled" in the status popover: the twelve 2021 events, and no other
   * (every year is shown). */
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (evt_list_view_has_filters (fixture->view));
  wait_for_view (fixture->view);
  events = shown_events (fixture->view);
  g_assert_cmpuint (events->len, ==, N_SAMPLE_2021);
  for (guint i = 0; i < events->len; i++)
    {
      EvtEvent *event = g_ptr_array_index (events, i);

      g_assert_cmpint (evt_event_get_status (event), ==, EVT_STATUS_CANCELLED);
      g_assert_cmpint (g_date_time_get_year (evt_event_get_start (event)), ==, 2021);
    }
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Adding "Held": the three held 2022 events join them. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (GTK_WIDGET (fixture->view),
                                                             "Held")), TRUE);
  wait_for_view (fixture->view);
  events = shown_events (fixture->view);
  g_assert_cmpuint (events->len, ==, N_SAMPLE_2021 + 3);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* "Clear Filters" brings every event back, and unticks the boxes. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "list-view.clear-filters", NULL);
  wait_for_view (fixture->view);
  events = shown_events (fixture->view);
  assert_same_events (events, fixture->all);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (evt_list_view_has_filters (fixture->view));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) events = NULL;
  guint n_in_city = 0;
  GtkWidget *entry;

  for (guint i = 0; i < fixture->all->len; i++)
    if (event_matches_word (g_ptr_array_index (fixture->all, i), "besancon"))
      g_ptr_array_add (expected, g_ptr_array_index (fixture->all, i));
  g_assert_cmpuint (expected->len, >=, 8);

  /* Typed without the cedilla, in capitals: accents and case do not matter. */
  evt_list_view_set_search_text (fixture->view, "BESANCON");
  wait_for_view (fixture->view);
  events = shown_events (fixture->view);
  assert_same_events (events, expected);
  for (guint i = 0; i < events->len; i++)
    if (g_strcmp0 (evt_event_get_city (g_ptr_array_index (events, i)), "Besançon") == 0)
      n_in_city++;
  g_assert_cmpuint (n_in_city, >=, 8);
  g_assert_cmpstr (evt_list_view_get_page (fixture->view), ==, "list");
  g_clear_pointer (&events, g_ptr_array_unref);

  /* A prefix, as while typing. */
  evt_list_view_set_search_text (fixture->view, "besan");
  wait_for_view (fixture->view);
  events = shown_events (fixture->view);
  assert_same_events (events, expected);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Nothing matches: the empty page, whose button clears the search. */
  evt_list_view_set_search_text (fixture->view, "zzyzx");
  wait_for_view (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (evt_list_view_get_model (fixture->view)), ==, 0);
  g_assert_cmpstr (evt_list_view_get_page (fixture->view), ==, "empty");
  g_assert_cmpstr (evt_list_view_get_count_text (fixture->view), ==, "0 events");
  evt_list_view_clear_filters (fixture->view);
  wait_for_view (fixture->view);
  g_assert_cmpstr (evt_list_view_get_page (fixture->view), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (evt_list_view_get_model (fixture->view)), ==,
                    N_SAMPLE);
  entry = evt_list_view_get_search_entry (fixture->view);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

static void
test_search_and_kind (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) events = NULL;
  const char *sectors[] = { "health", NULL };

  for (guint i = 0; i < fixture->all->len; i++)
    {
      EvtEvent *event = g_ptr_array_index (fixture->all, i);

      if (event_matches_word (event, "besancon") &&
          evt_event_get_kind (event) == EVT_KIND_CONGRESS)
        g_ptr_array_add (expected, event);
    }
  /* La Rentrée du DM (2021, 2022) and the Innovative Therapies Days. */
  g_assert_cmpuint (expected->len, ==, 3);

  evt_list_view_set_search_text (fixture->view, "besancon");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (GTK_WIDGET (fixture->view),
                                                             "Congress")), TRUE);
  wait_for_view (fixture->view);
  events = shown_events (fixture->view);
  assert_same_events (events, expected);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* And the year: only the 2021 ones. */
  evt_list_view_set_all_years (fixture->view, FALSE);
  wait_for_view (fixture->view);
  events = shown_events (fixture->view);
  g_assert_cmpuint (events->len, ==, 2);
  g_clear_pointer (&events, g_ptr_array_unref);
  evt_list_view_set_all_years (fixture->view, TRUE);

  /* With a sector as well: all three are health events. */
  evt_list_view_set_sectors (fixture->view, sectors);
  wait_for_view (fixture->view);
  events = shown_events (fixture->view);
  assert_same_events (events, expected);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Clearing restores everything. */
  evt_list_view_clear_filters (fixture->view);
  wait_for_view (fixture->view);
  events = shown_events (fixture->view);
  assert_same_events (events, fixture->all);
}

static void
on_event_activated (EvtListView *view,
                    EvtEvent    *event,
                    gpointer     user_data)
{
  EvtEvent **activated = user_data;

  g_set_object (activated, event);
}

static GtkWidget *
inner_list_view (GtkColumnView *column_view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  g_assert_not_reached ();
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *n_notified = user_data;

  (*n_notified)++;
}

static guint
position_of (EvtListView *view,
             const char  *uid)
{
  g_autoptr(GPtrArray) events = shown_events (view);

  for (guint i = 0; i < events->len; i++)
    if (g_str_equal (evt_event_get_uid (g_ptr_array_index (events, i)), uid))
      return i;
  g_assert_not_reached ();
}

static void
record_rows_told (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  GListModel *told = g_object_get_data (G_OBJECT (list), "evt-told");
  guint *n_told = user_data;

  *n_told = g_list_model_get_n_items (told);
}

/* GTK 4.8 builds the widgets of the first two hundred rows a list view has at once:
 * when a filter is cleared and a few rows become hundreds, the column view is told of
 * those on screen first, of the others over the next frames; a selected event far down
 * is found in its row all the same. */
static void
test_many_rows (Fixture       *fixture,
                gconstpointer  data)
{
  enum { N_MORE = 400 };
  GtkColumnView *column_view = evt_list_view_get_column_view (fixture->view);
  GListModel *told = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  GListModel *list = evt_list_view_get_model (fixture->view);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GError) error = NULL;
  const char *uid = "many-350@eventail.test";
  guint n_told = 0;
  guint position;
  EvtListRow *row;

  g_assert_true (evt_store_begin (fixture->store, &error));
  for (guint i = 0; i < N_MORE; i++)
    {
      g_autoptr(EvtEvent) event = evt_event_new ();
      g_autoptr(GDateTime) start = g_date_time_new (tz, 2030, 1, 1, 9, 0, 0);
      g_autoptr(GDateTime) day = g_date_time_add_days (start, i);
      g_autoptr(GDateTime) end = g_date_time_add_hours (day, 2);
      g_autofree char *title = g_strdup_printf ("Atelier n°%03u", i);
      g_autofree char *event_uid = g_strdup_printf ("many-%u@eventail.test", i);

      evt_event_set_uid (event, event_uid);
      evt_event_set_title (event, title);
      evt_event_set_dates (event, FALSE, day, end);
      g_assert_true (evt_store_insert_event (fixture->store, event, &error));
      g_assert_no_error (error);
    }
  g_assert_true (evt_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  wait_for_view (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_SAMPLE + N_MORE);
  g_assert_cmpuint (g_list_model_get_n_items (told), ==, N_SAMPLE + N_MORE);

  /* Far down the list, selected. */
  position = position_of (fixture->view, uid);
  g_assert_cmpuint (position, >, 300);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (told), position, TRUE);
  wait_for_view (fixture->view);
  g_assert_cmpstr (evt_event_get_uid (evt_list_view_get_selected (fixture->view)), ==, uid);

  /* One event found: the selection follows it to the first row. */
  evt_list_view_set_search_text (fixture->view, "n°350");
  wait_for_view (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (told), ==, 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (told)), ==, 0);

  /* Every event again: a screenful first, every row once the view is idle, the
   * selected event in its row far down. */
  g_object_set_data (G_OBJECT (list), "evt-told", told);
  g_signal_connect_after (list, "items-changed", G_CALLBACK (record_rows_told), &n_told);
  evt_list_view_set_search_text (fixture->view, "");
  wait_for_view (fixture->view);
  g_signal_handlers_disconnect_by_func (list, record_rows_told, &n_told);
  g_assert_cmpuint (n_told, >, 1);
  g_assert_cmpuint (n_told, <, 100);
  g_assert_cmpuint (g_list_model_get_n_items (told), ==, N_SAMPLE + N_MORE);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (told)), ==,
                    position);
  row = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (told));
  g_assert_nonnull (row);
  g_assert_cmpstr (evt_event_get_uid (evt_list_row_get_event (row)), ==, uid);
  g_assert_cmpstr (evt_event_get_uid (evt_list_view_get_selected (fixture->view)), ==, uid);
}

/* Counts the border nodes under @node, and those whose four sides differ in colour. */
static void
count_borders (GskRenderNode *node,
               guint         *n_borders,
               guint         *n_mixed)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count_borders (gsk_container_node_get_child (node, i), n_borders, n_mixed);
      break;
    case GSK_TRANSFORM_NODE:
      count_borders (gsk_transform_node_get_child (node), n_borders, n_mixed);
      break;
    case GSK_CLIP_NODE:
      count_borders (gsk_clip_node_get_child (node), n_borders, n_mixed);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      count_borders (gsk_rounded_clip_node_get_child (node), n_borders, n_mixed);
      break;
    case GSK_OPACITY_NODE:
      count_borders (gsk_opacity_node_get_child (node), n_borders, n_mixed);
      break;
    case GSK_DEBUG_NODE:
      count_borders (gsk_debug_node_get_child (node), n_borders, n_mixed);
      break;
    case GSK_BORDER_NODE:
      {
        const GdkRGBA *colors = gsk_border_node_get_colors (node);

        (*n_borders)++;
        for (guint i = 1; i < 4; i++)
          if (!gdk_rgba_equal (&colors[0], &colors[i]))
            {
              (*n_mixed)++;
              break;
            }
      }
      break;
    default:
      break;
    }
}

/* The rows' separators and the cells' borders have one colour on every side: GTK
 * 4.8's software renderer draws a border of four colours as a mesh, which once took a
 * quarter of the List's drawing. */
static void
test_plain_borders (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkColumnView *column_view = evt_list_view_get_column_view (fixture->view);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (column_view));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  guint n_borders = 0;
  guint n_mixed = 0;

  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (GTK_WIDGET (column_view)),
                          gtk_widget_get_height (GTK_WIDGET (column_view)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  count_borders (node, &n_borders, &n_mixed);

  /* The rows shown have their separators. */
  g_assert_cmpuint (n_borders, >=, 10);
  g_assert_cmpuint (n_mixed, ==, 0);
}

static void
test_activate_and_select (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkColumnView *column_view = evt_list_view_get_column_view (fixture->view);
  GtkSelectionModel *selection = gtk_column_view_get_model (column_view);
  g_autoptr(EvtEvent) activated = NULL;
  const char *uid = "demo-2021-micronora@eventail.sample";
  guint position = position_of (fixture->view, uid);
  guint n_notified = 0;
  EvtEvent *selected;

  g_signal_connect (fixture->view, "event-activated", G_CALLBACK (on_event_activated),
                    &activated);
  g_signal_connect (fixture->view, "notify::selected", G_CALLBACK (count_notify), &n_notified);

  /* Enter on a row (the action of the column view's inner list) activates that row's
   * event, read in full from the store (the rows have the list's fields only). */
  g_assert_true (gtk_widget_activate_action (inner_list_view (column_view),
                                             "list.activate-item", "u", position));
  wait_for_view (fixture->view);
  g_assert_nonnull (activated);
  g_assert_cmpstr (evt_event_get_uid (activated), ==, uid);
  g_assert_cmpstr (evt_event_get_title (activated), ==, "Micronora");
  g_assert_cmpstr (evt_event_get_organiser (activated), ==, "Micronora");
  g_assert_cmpstr (evt_event_get_description (activated), ==,
                   evt_event_get_description (g_ptr_array_index (fixture->all, position)));

  /* Selecting it makes it the view's "selected" event, in full too. */
  g_assert_null (evt_list_view_get_selected (fixture->view));
  g_assert_cmpuint (n_notified, ==, 0);
  gtk_selection_model_select_item (selection, position, TRUE);
  wait_for_view (fixture->view);
  selected = evt_list_view_get_selected (fixture->view);
  g_assert_nonnull (selected);
  g_assert_cmpstr (evt_event_get_uid (selected), ==, uid);
  g_assert_cmpstr (evt_event_get_description (selected), ==,
                   evt_event_get_description (activated));
  g_assert_cmpuint (n_notified, ==, 1);

  /* Enter on the selected row opens the very event selected. */
  g_clear_object (&activated);
  g_assert_true (gtk_widget_activate_action (inner_list_view (column_view),
                                             "list.activate-item", "u", position));
  g_assert_true (activated == selected);

  /* Sorted by title, Micronora moves: the selection follows it to its new row. */
  gtk_column_view_sort_by_column (column_view,
                                  evt_list_view_get_column (fixture->view, EVT_LIST_COLUMN_TITLE),
                                  GTK_SORT_ASCENDING);
  wait_for_view (fixture->view);
  g_assert_cmpuint (position_of (fixture->view, uid), !=, position);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==,
                    position_of (fixture->view, uid));
  g_assert_true (evt_list_view_get_selected (fixture->view) == selected);

  /* Another event changes in the store: the list reloads, Micronora stays selected. */
  {
    g_autoptr(EvtEvent) other = evt_event_copy (g_ptr_array_index (fixture->all, 0));
    g_autoptr(GError) error = NULL;

    evt_event_set_title (other, "Global Industrie (renamed)");
    evt_store_update_event (fixture->store, other, &error);
    g_assert_no_error (error);
    wait_for_view (fixture->view);
  }
  selected = evt_list_view_get_selected (fixture->view);
  g_assert_nonnull (selected);
  g_assert_cmpstr (evt_event_get_uid (selected), ==, uid);

  /* Micronora itself is edited: the list reads it again as a new object, which is
   * the one selected, on its row. */
  {
    g_autoptr(EvtEvent) copy = evt_event_copy (selected);
    g_autoptr(GError) error = NULL;

    evt_event_set_title (copy, "Micronora, salon des microtechniques");
    evt_store_update_event (fixture->store, copy, &error);
    g_assert_no_error (error);
    wait_for_view (fixture->view);
  }
  selected = evt_list_view_get_selected (fixture->view);
  g_assert_nonnull (selected);
  g_assert_cmpstr (evt_event_get_title (selected), ==, "Micronora, salon des microtechniques");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==,
                    position_of (fixture->view, uid));

  /* Filtered out, it is no longer selected. */
  evt_list_view_set_statuses (fixture->view, 1u << EVT_STATUS_HELD);
  wait_for_view (fixture->view);
  g_assert_null (evt_list_view_get_selected (fixture->view));
}

/* Every control of the filter bar can be named by a screen reader and explained by a
 * tooltip; Ctrl+F's action puts the focus in the search entry. */
static void
check_named (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_visible (child) &&
          (GTK_IS_MENU_BUTTON (child) || GTK_IS_SEARCH_ENTRY (child) ||
           (GTK_IS_BUTTON (child) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (child)))))
        {
          const char *tooltip = gtk_widget_get_tooltip_text (child);

          if (tooltip == NULL || tooltip[0] == '\0')
            g_error ("A %s has no tooltip", G_OBJECT_TYPE_NAME (child));
        }
      check_named (child);
    }
}

static void
test_keyboard_and_names (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *entry = evt_list_view_get_search_entry (fixture->view);
  GtkWidget *focus;

  check_named (GTK_WIDGET (fixture->view));

  gtk_widget_grab_focus (GTK_WIDGET (evt_list_view_get_column_view (fixture->view)));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_false (focus == entry || gtk_widget_is_ancestor (focus, entry));

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "list-view.focus-search", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
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
  ADD ("/list-view/default-order", test_default_order);
  ADD ("/list-view/sort-columns", test_sort_columns);
  ADD ("/list-view/status-filter", test_status_filter);
  ADD ("/list-view/search", test_search);
  ADD ("/list-view/search-and-kind", test_search_and_kind);
  ADD ("/list-view/activate-and-select", test_activate_and_select);
  ADD ("/list-view/keyboard-and-names", test_keyboard_and_names);
  ADD ("/list-view/many-rows", test_many_rows);
  ADD ("/list-view/plain-borders", test_plain_borders);
#undef ADD

  return g_test_run ();
}
