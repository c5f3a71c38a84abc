/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-year-view.c: the year view on a real display, with events made here (suite display). */
#include "config.h"

#include <math.h>

#include <adwaita.h>

#ifdef HAVE_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>
#endif

#include "evt-year-view-private.h"
#include "year-view-data.h"

/* A bound on waiting for the display, so that a hang fails instead of blocking; it
 * says nothing about speed. */
#define WAIT_SECONDS 20

typedef struct
{
  GListStore  *store;
  GtkWidget   *window;
  GtkWidget   *scrolled;
  EvtYearView *view;
  GPtrArray   *activated;   /* EvtEvent received by event-activated */

  /* The events of the small year, by name. */
  EvtEvent    *industrie;   /* March 16–19, 2021, confirmed */
  EvtEvent    *medtec;      /* April 20–22, cancelled with a reason */
  EvtEvent    *ephj;        /* postponed from June 15–18 to September 14–17 */
  EvtEvent    *webinar;     /* May 12, 14:00–15:30, tentative */
  EvtEvent    *mission;     /* December 30, 2021 → January 2, 2022 */
  EvtEvent    *gala;        /* December 31, 20:00 → January 1, 00:00 */
  EvtEvent    *pollutec;    /* in 2020: not in the 2021 view */
  EvtEvent    *board;       /* July 6, no sector */
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

/* Iterates the main context until @done says so, for WAIT_SECONDS at most. */
static gboolean
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_timeout, &timed_out);
  /* Wakes the loop up now and then: some conditions change without an event. */
  guint tick_id = g_timeout_add (10, keep_ticking, NULL);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick_id);
  if (!timed_out)
    g_source_remove (timeout_id);

  return !timed_out;
}

static gboolean
view_is_laid_out (gpointer data)
{
  GtkWidget *view = data;
  const EvtYearLayout *layout;

  if (!gtk_widget_get_mapped (view) || gtk_widget_get_width (view) <= 0)
    return FALSE;

  /* Allocated for the current layout: as wide, and as tall as the twelve rows. */
  layout = evt_year_view_get_layout (EVT_YEAR_VIEW (view));
  return layout->width == gtk_widget_get_width (view) &&
         gtk_widget_get_height (view) >= (int) ceil (evt_year_layout_get_height (layout));
}

static gboolean
frames_drawn (gpointer data)
{
  guint *n_frames = data;

  return *n_frames >= 3;
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  guint *n_frames = data;

  (*n_frames)++;
  gtk_widget_queue_draw (widget);
  return *n_frames < 3 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Lets the view draw a few frames, so that what it shows is current. */
static void
wait_for_frames (GtkWidget *widget)
{
  guint n_frames = 0;

  gtk_widget_add_tick_callback (widget, count_frame, &n_frames, NULL);
  g_assert_true (wait_until (frames_drawn, &n_frames));
}

static void
on_event_activated (EvtYearView *view,
                    EvtEvent    *event,
                    Fixture     *fixture)
{
  g_assert_true (EVT_IS_EVENT (event));
  g_ptr_array_add (fixture->activated, g_object_ref (event));
}

static EvtEvent *
add (Fixture    *fixture,
     EvtEvent   *event,
     const char *sector,
     EvtStatus   status,
     const char *city)
{
  year_view_data_set_sector (event, sector);
  evt_event_set_status (event, status);
  evt_event_set_city (event, city);
  g_list_store_append (fixture->store, event);
  g_object_unref (event);

  return event;
}

static void
fixture_set_up (Fixture *fixture,
                int      height)
{
  g_autoptr(GHashTable) colours = year_view_data_sector_colours ();
  g_autoptr(GDateTime) original_start = year_view_data_dt (2021, 6, 15, 0, 0);
  g_autoptr(GDateTime) original_end = year_view_data_dt (2021, 6, 18, 0, 0);
  GDate today;

  fixture->store = g_list_store_new (EVT_TYPE_EVENT);
  fixture->activated = g_ptr_array_new_with_free_func (g_object_unref);

  /* Not in chronological order: the view must not rely on the model's order. */
  fixture->mission = add (fixture, year_view_data_all_day ("Mission Japon", 2021, 12, 30,
                                                           2022, 1, 2),
                          "aerospace", EVT_STATUS_CONFIRMED, "Tokyo");
  fixture->industrie = add (fixture, year_view_data_all_day ("Global Industrie", 2021, 3, 16,
                                                             2021, 3, 19),
                            "industry-future", EVT_STATUS_CONFIRMED, "Lyon");
  fixture->medtec = add (fixture, year_view_data_all_day ("MEDTEC Europe", 2021, 4, 20,
                                                          2021, 4, 22),
                         "health", EVT_STATUS_CANCELLED, "Stuttgart");
  evt_event_set_status_reason (fixture->medtec, "Trade fair called off by the organiser");
  fixture->ephj = add (fixture, year_view_data_all_day ("EPHJ", 2021, 9, 14, 2021, 9, 17),
                       "watchmaking-luxury", EVT_STATUS_POSTPONED, "Genève");
  evt_event_set_original_dates (fixture->ephj, original_start, original_end);
  fixture->webinar = add (fixture, year_view_data_timed ("Webinar: ISO 13485",
                                                         2021, 5, 12, 14, 0,
                                                         2021, 5, 12, 15, 30),
                          "health", EVT_STATUS_TENTATIVE, "Online");
  fixture->gala = add (fixture, year_view_data_timed ("New Year gala", 2021, 12, 31, 20, 0,
                                                      2022, 1, 1, 0, 0),
                       NULL, EVT_STATUS_CONFIRMED, "Besançon");
  fixture->pollutec = add (fixture, year_view_data_all_day ("Pollutec", 2020, 10, 13,
                                                            2020, 10, 16),
                           "industry-future", EVT_STATUS_HELD, "Lyon");
  fixture->board = add (fixture, year_view_data_all_day ("Board meeting", 2021, 7, 6,
                                                         2021, 7, 6),
                        NULL, EVT_STATUS_CONFIRMED, "Besançon");

  fixture->view = EVT_YEAR_VIEW (evt_year_view_new ());
  evt_year_view_set_year (fixture->view, 2021);
  evt_year_view_set_model (fixture->view, G_LIST_MODEL (fixture->store));
  evt_year_view_set_sector_colours (fixture->view, colours);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2021);
  evt_year_view_set_today (fixture->view, &today);
  g_signal_connect (fixture->view, "event-activated", G_CALLBACK (on_event_activated),
                    fixture);

  fixture->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (fixture->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (fixture->scrolled),
                                 GTK_WIDGET (fixture->view));

  fixture->window = gtk_window_new ();
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, height);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->scrolled);
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_assert_true (wait_until (view_is_laid_out, fixture->view));
  wait_for_frames (GTK_WIDGET (fixture->view));
}

static void
fixture_tear_down (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->activated, g_ptr_array_unref);
}

static int
item_of (EvtYearView *view,
         EvtEvent    *event)
{
  const EvtYearLayout *layout = evt_year_view_get_layout (view);

  for (guint i = 0; i < layout->n_items; i++)
    if (evt_year_view_get_item (view, i) == event)
      return (int) i;

  return -1;
}

/* The segment of @event in @month, checked to cover @first_day…@last_day. */
static int
assert_placed (EvtYearView *view,
               EvtEvent    *event,
               guint        month,
               guint        first_day,
               guint        last_day)
{
  const EvtYearLayout *layout = evt_year_view_get_layout (view);
  int item = item_of (view, event);
  int index;
  const EvtYearSegment *seg;

  g_assert_cmpint (item, >=, 0);
  index = evt_year_layout_find_segment (layout, (guint) item, month);
  g_assert_cmpint (index, >=, 0);
  seg = evt_year_layout_get_segment (layout, (guint) index);
  g_assert_cmpuint (seg->first_day, ==, first_day);
  g_assert_cmpuint (seg->last_day, ==, last_day);

  return index;
}

static guint
count_segments (EvtYearView *view,
                EvtEvent    *event)
{
  const EvtYearLayout *layout = evt_year_view_get_layout (view);
  int item = item_of (view, event);
  guint n = 0;

  if (item < 0)
    return 0;
  for (guint i = 0; i < layout->segments->len; i++)
    if (g_array_index (layout->segments, EvtYearSegment, i).item == (guint) item)
      n++;

  return n;
}

static void
bar_centre (EvtYearView *view,
            int          index,
            double      *x,
            double      *y)
{
  EvtYearRect rect;

  g_assert_cmpint (index, >=, 0);
  evt_year_layout_get_bar_rect (evt_year_view_get_layout (view), (guint) index, &rect);
  *x = rect.x + rect.width / 2;
  *y = rect.y + rect.height / 2;
}

static void
test_placement (void)
{
  Fixture fixture = { 0 };
  const EvtYearLayout *layout;
  EvtYearRect rect;
  int index;

  fixture_set_up (&fixture, 700);
  layout = evt_year_view_get_layout (fixture.view);

  /* Seven events touch 2021; Pollutec 2020 does not. */
  g_assert_cmpuint (layout->order->len, ==, 7);
  g_assert_cmpint (item_of (fixture.view, fixture.pollutec), ==, -1);

  assert_placed (fixture.view, fixture.industrie, 3, 16, 19);
  assert_placed (fixture.view, fixture.medtec, 4, 20, 22);
  assert_placed (fixture.view, fixture.ephj, 9, 14, 17);   /* the new dates */
  assert_placed (fixture.view, fixture.webinar, 5, 12, 12);
  assert_placed (fixture.view, fixture.board, 7, 6, 6);
  /* Ending at midnight, the gala stays on December 31. */
  assert_placed (fixture.view, fixture.gala, 12, 31, 31);
  g_assert_cmpuint (count_segments (fixture.view, fixture.gala), ==, 1);

  /* Across New Year: December 30–31 in 2021, clipped at the end of the year. */
  index = assert_placed (fixture.view, fixture.mission, 12, 30, 31);
  g_assert_true (evt_year_layout_get_segment (layout, (guint) index)->clipped_end);
  g_assert_cmpuint (count_segments (fixture.view, fixture.mission), ==, 1);

  /* Every bar lies inside the view, in its month's row and its days' columns. */
  for (guint i = 0; i < layout->segments->len; i++)
    {
      const EvtYearSegment *seg = evt_year_layout_get_segment (layout, i);
      EvtYearRect first_cell, last_cell;

      evt_year_layout_get_bar_rect (layout, i, &rect);
      evt_year_layout_get_cell_rect (layout, seg->month, seg->first_day, &first_cell);
      evt_year_layout_get_cell_rect (layout, seg->month, seg->last_day, &last_cell);
      g_assert_cmpfloat (rect.x, >=, first_cell.x);
      g_assert_cmpfloat (rect.x + rect.width, <=, last_cell.x + last_cell.width);
      g_assert_cmpfloat (rect.y, >=, first_cell.y);
      g_assert_cmpfloat (rect.y + rect.height, <=, first_cell.y + first_cell.height);
      g_assert_cmpfloat (rect.x + rect.width, <=, gtk_widget_get_width (GTK_WIDGET (fixture.view)));
      g_assert_cmpfloat (rect.y + rect.height, <=,
                         gtk_widget_get_height (GTK_WIDGET (fixture.view)));
    }

  /* The view asks for the height of its twelve rows; the scrolled window scrolls. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture.view)), ==,
                   (int) ceil (evt_year_layout_get_height (layout)));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture.view)), >,
                   gtk_widget_get_height (fixture.scrolled));

  /* The next year: January 1–2 of the mission, clipped at the start; nothing else. */
  evt_year_view_set_year (fixture.view, 2022);
  g_assert_true (wait_until (view_is_laid_out, fixture.view));
  layout = evt_year_view_get_layout (fixture.view);
  g_assert_cmpuint (layout->order->len, ==, 1);
  index = assert_placed (fixture.view, fixture.mission, 1, 1, 2);
  g_assert_true (evt_year_layout_get_segment (layout, (guint) index)->clipped_start);
  g_assert_false (evt_year_layout_get_segment (layout, (guint) index)->clipped_end);
  g_assert_cmpint (item_of (fixture.view, fixture.gala), ==, -1);

  /* And the year before, where only Pollutec is. */
  evt_year_view_set_year (fixture.view, 2020);
  assert_placed (fixture.view, fixture.pollutec, 10, 13, 16);
  g_assert_cmpuint (evt_year_view_get_layout (fixture.view)->order->len, ==, 1);

  fixture_tear_down (&fixture);
}

#ifdef HAVE_XTEST
/* Real input through the X server: the event goes through GDK and the view's own
 * controllers, as a person's click or key press does. */
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

static gboolean
x_move_pointer (GtkWidget *widget,
                double     x,
                double     y)
{
  Display *xdisplay = x_display (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double dx, dy;
  int root_x, root_y;
  Window child;

  if (xdisplay == NULL)
    return FALSE;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         DefaultRootWindow (xdisplay), (int) (point.x + dx),
                         (int) (point.y + dy), &root_x, &root_y, &child);
  XTestFakeMotionEvent (xdisplay, -1, root_x, root_y, CurrentTime);
  XFlush (xdisplay);

  return TRUE;
}

static gboolean
x_click (GtkWidget *widget,
         double     x,
         double     y)
{
  Display *xdisplay = x_display (widget);

  if (!x_move_pointer (widget, x, y))
    return FALSE;

  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  XFlush (xdisplay);

  return TRUE;
}

static gboolean
x_press_key (GtkWidget *widget,
             KeySym     keysym)
{
  Display *xdisplay = x_display (widget);
  KeyCode code;

  if (xdisplay == NULL)
    return FALSE;

  code = XKeysymToKeycode (xdisplay, keysym);
  XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
  XFlush (xdisplay);

  return TRUE;
}
#endif

static gboolean
has_activation (gpointer data)
{
  Fixture *fixture = data;

  return fixture->activated->len > 0;
}

static void
test_click (void)
{
  Fixture fixture = { 0 };
  const EvtYearLayout *layout;
  graphene_point_t in_window;
  double x, y;
  int index;

  fixture_set_up (&fixture, 700);
  layout = evt_year_view_get_layout (fixture.view);

  index = assert_placed (fixture.view, fixture.industrie, 3, 16, 19);
  bar_centre (fixture.view, index, &x, &y);

  /* Nothing else covers the bar: the window's pick finds the view there. */
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture.view), fixture.window,
                                           &GRAPHENE_POINT_INIT (x, y), &in_window));
  g_assert_true (gtk_widget_pick (fixture.window, in_window.x, in_window.y,
                                  GTK_PICK_DEFAULT) == GTK_WIDGET (fixture.view));
  g_assert_cmpint (evt_year_layout_hit (layout, x, y), ==, index);

  g_assert_true (evt_year_view_click_at (fixture.view, x, y));
  g_assert_cmpuint (fixture.activated->len, ==, 1);
  g_assert_true (g_ptr_array_index (fixture.activated, 0) == fixture.industrie);
  g_assert_true (evt_year_view_get_focused_event (fixture.view) == fixture.industrie);

  /* A click on the day numbers, or on an empty day, opens nothing. */
  g_assert_false (evt_year_view_click_at (fixture.view, x, layout->row_y[2] + 3));
  index = assert_placed (fixture.view, fixture.board, 7, 6, 6);
  bar_centre (fixture.view, index, &x, &y);
  g_assert_false (evt_year_view_click_at (fixture.view, x + 5 * layout->column_width, y));
  g_assert_cmpuint (fixture.activated->len, ==, 1);

#ifdef HAVE_XTEST
  /* A real click, through the X server and the view's click gesture. */
  g_ptr_array_set_size (fixture.activated, 0);
  index = assert_placed (fixture.view, fixture.webinar, 5, 12, 12);
  bar_centre (fixture.view, index, &x, &y);
  if (x_click (GTK_WIDGET (fixture.view), x, y))
    {
      g_assert_true (wait_until (has_activation, &fixture));
      g_assert_cmpuint (fixture.activated->len, ==, 1);
      g_assert_true (g_ptr_array_index (fixture.activated, 0) == fixture.webinar);
    }
  else
    {
      g_test_message ("No XTest: real clicks not tried");
    }
#endif

  fixture_tear_down (&fixture);
}

static void
test_tooltips (void)
{
  Fixture fixture = { 0 };
  g_autofree char *cancelled = NULL;
  g_autofree char *postponed = NULL;
  g_autofree char *timed = NULL;
  g_autofree char *nothing = NULL;
  double x, y;
  int index;

  fixture_set_up (&fixture, 700);

  index = assert_placed (fixture.view, fixture.medtec, 4, 20, 22);
  bar_centre (fixture.view, index, &x, &y);
  cancelled = evt_year_view_get_tooltip_markup_at (fixture.view, x, y);
  g_assert_nonnull (cancelled);
  g_test_message ("cancelled: %s", cancelled);
  g_assert_true (pango_parse_markup (cancelled, -1, 0, NULL, NULL, NULL, NULL));
  g_assert_nonnull (strstr (cancelled, "MEDTEC Europe"));
  g_assert_nonnull (strstr (cancelled, "Cancelled"));
  g_assert_nonnull (strstr (cancelled, "Trade fair called off by the organiser"));
  g_assert_nonnull (strstr (cancelled, "April 20–22, 2021"));
  g_assert_nonnull (strstr (cancelled, "Stuttgart"));

  /* A postponed event gives its new dates and the ones first planned. */
  index = assert_placed (fixture.view, fixture.ephj, 9, 14, 17);
  bar_centre (fixture.view, index, &x, &y);
  postponed = evt_year_view_get_tooltip_markup_at (fixture.view, x, y);
  g_test_message ("postponed: %s", postponed);
  g_assert_nonnull (strstr (postponed, "Postponed to September 14–17, 2021"));
  g_assert_nonnull (strstr (postponed, "Originally June 15–18, 2021"));

  index = assert_placed (fixture.view, fixture.webinar, 5, 12, 12);
  bar_centre (fixture.view, index, &x, &y);
  timed = evt_year_view_get_tooltip_markup_at (fixture.view, x, y);
  g_assert_nonnull (strstr (timed, "May 12, 2021, 14:00–15:30"));
  g_assert_nonnull (strstr (timed, "Tentative"));

  nothing = evt_year_view_get_tooltip_markup_at (fixture.view, 2, 2);
  g_assert_null (nothing);

  fixture_tear_down (&fixture);
}

/* Activates the key binding of the view for @keyval, as GTK does on a key press. */
static gboolean
press_binding (GtkWidget *widget,
               guint      keyval)
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
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static gboolean
view_has_focus (gpointer data)
{
  return gtk_widget_has_focus (data);
}

#ifdef HAVE_XTEST
typedef struct
{
  EvtYearView *view;
  EvtEvent    *event;
} FocusWait;

static gboolean
focus_is (gpointer data)
{
  FocusWait *wait = data;

  return evt_year_view_get_focused_event (wait->view) == wait->event;
}
#endif

static void
test_keyboard (void)
{
  Fixture fixture = { 0 };
  GtkWidget *view;
  GtkAdjustment *vadj;

  fixture_set_up (&fixture, 500);
  view = GTK_WIDGET (fixture.view);
  vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (fixture.scrolled));

  g_assert_true (gtk_widget_get_focusable (view));

  /* Focusing the view (the window did, it is its only focusable widget) puts the
   * focus on the first event from today (January 1). */
  gtk_widget_grab_focus (view);
  g_assert_true (wait_until (view_has_focus, view));
  g_assert_true (evt_year_view_get_focused_event (fixture.view) == fixture.industrie);

  /* Right and Left follow the chronological order. */
  g_assert_true (press_binding (view, GDK_KEY_Right));
  g_assert_true (evt_year_view_get_focused_event (fixture.view) == fixture.medtec);
  g_assert_true (press_binding (view, GDK_KEY_Right));
  g_assert_true (evt_year_view_get_focused_event (fixture.view) == fixture.webinar);
  g_assert_true (press_binding (view, GDK_KEY_Left));
  g_assert_true (evt_year_view_get_focused_event (fixture.view) == fixture.medtec);

  /* Down goes to the next month with an event; Up comes back. */
  g_assert_true (press_binding (view, GDK_KEY_Down));
  g_assert_true (evt_year_view_get_focused_event (fixture.view) == fixture.webinar);
  g_assert_true (press_binding (view, GDK_KEY_Down));
  g_assert_true (evt_year_view_get_focused_event (fixture.view) == fixture.board);
  g_assert_true (press_binding (view, GDK_KEY_Up));
  g_assert_true (evt_year_view_get_focused_event (fixture.view) == fixture.webinar);

  /* End goes to the last event, in December, and scrolls down to it. */
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, 0);
  g_assert_true (press_binding (view, GDK_KEY_End));
  g_assert_true (evt_year_view_get_focused_event (fixture.view) == fixture.gala);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, 0);
  g_assert_true (press_binding (view, GDK_KEY_Left));
  g_assert_true (evt_year_view_get_focused_event (fixture.view) == fixture.mission);
  g_assert_true (press_binding (view, GDK_KEY_Home));
  g_assert_true (evt_year_view_get_focused_event (fixture.view) == fixture.industrie);
  {
    EvtYearRect bar;

    /* Scrolled back up: Global Industrie's bar is in sight. */
    evt_year_layout_get_bar_rect (evt_year_view_get_layout (fixture.view),
                                  (guint) assert_placed (fixture.view, fixture.industrie,
                                                         3, 16, 19),
                                  &bar);
    g_assert_cmpfloat (gtk_adjustment_get_value (vadj), <=, bar.y);
    g_assert_cmpfloat (gtk_adjustment_get_value (vadj) + gtk_adjustment_get_page_size (vadj),
                       >=, bar.y + bar.height);
  }

  /* Enter opens the focused event. */
  g_assert_true (press_binding (view, GDK_KEY_Return));
  g_assert_cmpuint (fixture.activated->len, ==, 1);
  g_assert_true (g_ptr_array_index (fixture.activated, 0) == fixture.industrie);

#ifdef HAVE_XTEST
  /* Real key presses, through the X server, the window and the view's bindings. */
  {
    FocusWait wait = { fixture.view, fixture.medtec };
    double x, y;

    bar_centre (fixture.view, assert_placed (fixture.view, fixture.industrie, 3, 16, 19),
                &x, &y);
    if (x_move_pointer (view, x, y) && x_press_key (view, XK_Right))
      {
        g_assert_true (wait_until (focus_is, &wait));
        g_ptr_array_set_size (fixture.activated, 0);
        x_press_key (view, XK_Return);
        g_assert_true (wait_until (has_activation, &fixture));
        g_assert_true (g_ptr_array_index (fixture.activated, 0) == fixture.medtec);
      }
    else
      {
        g_test_message ("No XTest: real key presses not tried");
      }
  }
#endif

  fixture_tear_down (&fixture);
}

static void
test_follows_model (void)
{
  Fixture fixture = { 0 };
  g_autoptr(EvtEvent) added = NULL;
  guint position;

  fixture_set_up (&fixture, 700);
  g_assert_true (evt_year_view_focus_event (fixture.view, fixture.ephj));

  added = year_view_data_all_day ("Micronora", 2021, 9, 28, 2021, 10, 1);
  year_view_data_set_sector (added, "microtechnology");
  g_list_store_append (fixture.store, added);

  /* Over a month's end: the last days of September and the first of October. */
  g_assert_cmpuint (evt_year_view_get_layout (fixture.view)->order->len, ==, 8);
  assert_placed (fixture.view, added, 9, 28, 30);
  assert_placed (fixture.view, added, 10, 1, 1);
  g_assert_true (evt_year_view_get_focused_event (fixture.view) == fixture.ephj);

  g_assert_true (g_list_store_find (fixture.store, fixture.ephj, &position));
  g_list_store_remove (fixture.store, position);
  g_assert_cmpuint (evt_year_view_get_layout (fixture.view)->order->len, ==, 7);
  g_assert_null (evt_year_view_get_focused_event (fixture.view));

  g_list_store_remove_all (fixture.store);
  g_assert_cmpuint (evt_year_view_get_layout (fixture.view)->order->len, ==, 0);
  g_assert_cmpuint (evt_year_view_get_layout (fixture.view)->segments->len, ==, 0);
  /* An empty year still draws its twelve months. */
  g_assert_true (wait_until (view_is_laid_out, fixture.view));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture.view)), >, 12 * 30);
  wait_for_frames (GTK_WIDGET (fixture.view));

  fixture_tear_down (&fixture);
}

/* 300 events, up to about ten a day: rows grow, lanes never collide, and every bar
 * stays in the view; a frame is drawn in reasonable time. */
/* Titles are measured by adding up the widths of their characters (Latin scripts), not
 * shaped one by one: the sum must never fall short of the shaped width, or a title
 * said to fit would run past its bar, and must stay close to it. Others are shaped. */
static void
test_title_widths (void)
{
  static const char *titles[] = {
    "Global Industrie",
    "Salon MedTech — Besançon",
    "Journée technique « jumeau numérique »",
    "Webinaire : l’œuvre des sous-traitants, 2 500 € par stand…",
    "AVANT-PREMIÈRE Wärmetauscher Ångström",
    "WAVE Tavolo Vogue",
    "",
    "東京 Medical Week",
    "Réunion 🚀",
  };
  EvtYearView *view = EVT_YEAR_VIEW (evt_year_view_new ());
  GtkWidget *window = g_object_ref_sink (gtk_window_new ());

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_until (view_is_laid_out, view));

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      int shaped;
      double width = evt_year_view_measure_title (view, titles[i], &shaped);

      g_test_message ("%s: %.0f for %d shaped", titles[i], width, shaped);
      g_assert_cmpfloat (width, >=, shaped);
      g_assert_cmpfloat (width, <=, shaped + 8);
      /* Measured again: the same. */
      g_assert_cmpfloat (evt_year_view_measure_title (view, titles[i], NULL), ==, width);
    }
  g_assert_cmpfloat (evt_year_view_measure_title (view, "", NULL), <=, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* The window as it shows, in pixels (what GTK has drawn, not drawn again). */
static GBytes *
render_window (GtkWidget *window,
               gsize     *stride)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  guchar *pixels;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  *stride = (gsize) gdk_texture_get_width (texture) * 4;
  pixels = g_malloc ((gsize) gdk_texture_get_height (texture) * *stride);
  gdk_texture_download (texture, pixels, *stride);
  return g_bytes_new_take (pixels, (gsize) gdk_texture_get_height (texture) * *stride);
}

/* A dense year is taller than its window and the view draws only what shows: scrolled
 * to December, the bars there are drawn, in their sector's colour. */
static void
test_scrolled (void)
{
  g_autoptr(GListStore) store = year_view_data_dense_year (2021, 300, 7);
  g_autoptr(GHashTable) colours = year_view_data_sector_colours ();
  g_autoptr(GBytes) shown = NULL;
  EvtYearView *view = EVT_YEAR_VIEW (evt_year_view_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *window = g_object_ref_sink (gtk_window_new ());
  GtkAdjustment *adjustment;
  const EvtYearLayout *layout;
  const guchar *pixels;
  gsize stride;
  guint n_checked = 0;

  evt_year_view_set_year (view, 2021);
  evt_year_view_set_sector_colours (view, colours);
  evt_year_view_set_model (view, G_LIST_MODEL (store));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 400);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_until (view_is_laid_out, view));
  wait_for_frames (window);

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     2 * gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
  wait_for_frames (window);

  shown = render_window (window, &stride);
  pixels = g_bytes_get_data (shown, NULL);
  layout = evt_year_view_get_layout (view);
  for (guint i = 0; i < layout->segments->len; i++)
    {
      const EvtYearSegment *seg = evt_year_layout_get_segment (layout, i);
      EvtEvent *event = evt_year_view_get_item (view, seg->item);
      const char * const *sectors = evt_event_get_sectors (event);
      EvtYearRect rect;
      GdkRGBA expected;
      double x, y;
      const guchar *pixel;

      /* Confirmed bars are filled with their colour; left of their title. */
      if (evt_event_get_status (event) != EVT_STATUS_CONFIRMED || sectors == NULL ||
          sectors[0] == NULL)
        continue;
      evt_year_layout_get_bar_rect (layout, i, &rect);
      if (!gtk_widget_translate_coordinates (GTK_WIDGET (view), window, rect.x + 2,
                                             rect.y + rect.height / 2, &x, &y) ||
          y < 10 || y > gtk_widget_get_height (window) - 10 || rect.width < 6)
        continue;

      g_assert_true (gdk_rgba_parse (&expected, g_hash_table_lookup (colours, sectors[0])));
      pixel = pixels + (gsize) y * stride + (gsize) x * 4;
      /* GDK_MEMORY_DEFAULT: B, G, R, A in memory. */
      g_assert_cmpint (ABS (pixel[2] - (int) (expected.red * 255 + 0.5)), <=, 2);
      g_assert_cmpint (ABS (pixel[1] - (int) (expected.green * 255 + 0.5)), <=, 2);
      g_assert_cmpint (ABS (pixel[0] - (int) (expected.blue * 255 + 0.5)), <=, 2);
      n_checked++;
    }
  g_test_message ("%u bars checked at the end of the year", n_checked);
  g_assert_cmpuint (n_checked, >=, 5);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static void
test_dense_year (void)
{
  g_autoptr(GListStore) store = year_view_data_dense_year (2021, 300, 2021);
  g_autoptr(GHashTable) colours = year_view_data_sector_colours ();
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  const EvtYearLayout *layout;
  GtkWidget *window;
  GtkWidget *scrolled;
  EvtYearView *view;
  guint max_lanes = 0;
  gint64 started;

  view = EVT_YEAR_VIEW (evt_year_view_new ());
  evt_year_view_set_year (view, 2021);
  evt_year_view_set_sector_colours (view, colours);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  window = g_object_ref_sink (gtk_window_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_until (view_is_laid_out, view));

  started = g_get_monotonic_time ();
  evt_year_view_set_model (view, G_LIST_MODEL (store));
  layout = evt_year_view_get_layout (view);
  g_test_message ("300 events: layout and titles in %.1f ms",
                  (g_get_monotonic_time () - started) / 1000.0);
  g_assert_true (wait_until (view_is_laid_out, view));
  layout = evt_year_view_get_layout (view);

  g_assert_cmpuint (layout->order->len, ==, 300);
  for (guint month = 1; month <= 12; month++)
    {
      guint dim = evt_year_layout_days_in_month (layout, month);

      max_lanes = MAX (max_lanes, layout->n_lanes[month - 1]);
      /* A row with more lanes is taller. */
      if (month > 1 && layout->n_lanes[month - 1] > MAX (layout->n_lanes[month - 2], 2))
        g_assert_cmpfloat (layout->row_height[month - 1], >, layout->row_height[month - 2]);

      for (guint day = 1; day <= dim; day++)
        {
          g_autofree gboolean *taken = g_new0 (gboolean, layout->n_lanes[month - 1] + 1);

          for (guint i = 0; i < layout->segments->len; i++)
            {
              const EvtYearSegment *seg = evt_year_layout_get_segment (layout, i);

              if (seg->month != month || day < seg->first_day || day > seg->last_day)
                continue;
              g_assert_false (taken[seg->lane]);
              taken[seg->lane] = TRUE;
            }
        }
    }
  g_test_message ("busiest month: %u lanes", max_lanes);
  g_assert_cmpuint (max_lanes, >=, 6);

  for (guint i = 0; i < layout->segments->len; i++)
    {
      EvtYearRect rect;
      double x, y;

      evt_year_layout_get_hit_rect (layout, i, &rect);
      g_assert_cmpfloat (rect.x + rect.width, <=, gtk_widget_get_width (GTK_WIDGET (view)));
      g_assert_cmpfloat (rect.y + rect.height, <=, gtk_widget_get_height (GTK_WIDGET (view)));
      /* Each bar can be clicked at its centre. */
      bar_centre (view, (int) i, &x, &y);
      g_assert_cmpint (evt_year_layout_hit (layout, x, y), ==, (int) i);
    }

  /* The view's own drawing, not the node GTK keeps from the last frame. */
  started = g_get_monotonic_time ();
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (view)->snapshot (GTK_WIDGET (view), snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_test_message ("300 events: snapshot of the whole year in %.1f ms",
                  (g_get_monotonic_time () - started) / 1000.0);
  g_assert_nonnull (node);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
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
  gtk_css_provider_load_from_resource (provider, "/io/github/eventail/Eventail/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/year-view/placement", test_placement);
  g_test_add_func ("/year-view/click", test_click);
  g_test_add_func ("/year-view/tooltips", test_tooltips);
  g_test_add_func ("/year-view/keyboard", test_keyboard);
  g_test_add_func ("/year-view/follows-model", test_follows_model);
  g_test_add_func ("/year-view/dense-year", test_dense_year);
  g_test_add_func ("/year-view/title-widths", test_title_widths);
  g_test_add_func ("/year-view/scrolled", test_scrolled);

  return g_test_run ();
}
