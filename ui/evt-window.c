/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-window.c: the main window: the year, list and agenda views, and the event page. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-agenda-view.h"
#include "evt-context-menu.h"
#include "evt-date-format.h"
#include "evt-demo.h"
#include "evt-event-page.h"
#include "evt-export-dialog.h"
#include "evt-followups-view.h"
#include "evt-header-switcher.h"
#include "evt-import-banner.h"
#include "evt-list-view-private.h"
#include "evt-organisations-view.h"
#include "evt-people.h"
#include "evt-planning.h"
#include "evt-window-private.h"
#include "evt-year-view.h"

/* A year that takes longer than this to read shows a spinner; a quicker one just
 * replaces the rows, without flashing the spinner. */
#define SLOW_LOADING_MS 250

/* How long a toast offers to undo what was just done. */
#define UNDO_TIMEOUT_S 7

/* Below this width the view switcher moves to the bottom bar and the year heading
 * leaves the header bar to the switcher's title. */
#define NARROW_WIDTH 720

#define EVT_WINDOW_ERROR (evt_window_error_quark ())
static GQuark evt_window_error_quark (void);
G_DEFINE_QUARK (evt-window-error-quark, evt_window_error)

typedef enum
{
  EVT_WINDOW_ERROR_HAS_RECORDS,  /* deleting would lose participants or outcomes */
} EvtWindowError;

static const char * const view_names[] = {
  "year", "list", "agenda", "organisations", "followups"
};

/* One write to the store, run in a worker thread. */
typedef enum
{
  STEP_UPDATE,
  STEP_INSERT,
  STEP_DELETE,        /* refused when the event has participants or outcomes */
  STEP_DELETE_FORCE,  /* deletes them with it */
} StepKind;

typedef struct
{
  StepKind  kind;
  EvtEvent *event;    /* the event written, or deleted (by its id) */
  EvtEvent *before;   /* for undo: the event as it was, NULL for an insert */
  EvtEventRecords *records;  /* what a forced delete took with the event; an insert
                              * puts them back (its undo) */
} Step;

typedef struct
{
  EvtStore  *store;
  GPtrArray *steps;       /* Step */
  char      *done_text;   /* the toast shown when done */
  char      *title;       /* the event's title, for messages */
  guint      undoable : 1;
  guint      open_after : 1;  /* open the first event written in the event page */
  guint      is_undo : 1;
} Write;

struct _EvtWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  AdwHeaderBar         *header_bar;
  GtkWidget            *new_button;
  GtkWidget            *year_navigation;
  GtkWidget            *today_button;
  GtkWidget            *year_heading;
  GtkLabel             *year_label;
  GtkLabel             *count_label;
  EvtHeaderSwitcher    *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkWidget            *search_button;
  GtkWidget            *menu_button;
  /* The menus' popovers are built when first opened: see set_lazy_menu(). */
  GMenuModel           *primary_menu;
  GMenuModel           *event_menu;
  GtkBox               *banner_box;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwViewStack         *view_stack;
  GtkScrolledWindow    *year_scroller;
  EvtYearView          *year_view;
  /* The List and the Directory are built when first shown (ensure_list_view(),
   * ensure_organisations_view()): NULL until then. Most sessions never open them, and
   * their widgets cost the first frame some milliseconds (tests/bench). */
  AdwBin               *list_bin;
  EvtListView          *list_view;
  /* People: the organisations and the due follow-ups, two more views. */
  AdwBin               *organisations_bin;
  EvtOrganisationsView *organisations_view;
  AdwViewStackPage     *followups_page;
  AdwBin               *followups_bin;
  EvtFollowupsView     *followups_view;
  AdwBin               *agenda_bin;
  EvtAgendaView        *agenda_view;
  AdwStatusPage        *empty_db_page;
  AdwStatusPage        *error_page;
  GtkLabel             *error_path_label;
  GtkRevealer          *event_bar_revealer;
  GtkLabel             *event_bar_label;
  GtkMenuButton        *event_menu_button;
  GtkBox               *event_box;
  GtkRevealer          *page_bar_revealer;
  GtkMenuButton        *page_menu_button;

  EvtImportController  *import_controller; /* .ics files opened or dropped */

  GSettings            *settings;
  EvtStore             *store;
  EvtEventList         *list;
  GHashTable           *sectors;        /* slug → EvtSector */
  GCancellable         *cancellable;
  char                 *last_toast;
  AdwToast             *last_toast_object;

  EvtEvent             *page_event;     /* the event open in the event page, as saved;
                                         * NULL for a new one */
  EvtEventPage         *page;           /* the event page, once the store is open */

  GHashTable           *undo_steps;     /* serial → GPtrArray of Step, inverse writes */
  guint                 undo_serial;
  AdwMessageDialog     *dialog;         /* the dialog asking about an action, if any */

  EvtWindowPage         page_state;
  int                   year;
  gint64                db_count;       /* -1 until counted */
  guint                 info_serial;
  guint                 slow_source;
  guint                 shown_source;   /* year-shown within a second, drawn or not */
  guint                 header_idle;
  int                   width;          /* the window's, as last allocated */
  int                   squeeze_width;  /* where the switcher lacked room */
  int                   heading_width;  /* the year heading's, then */
  guint                 n_writes;       /* writes and reads for actions under way */

  guint                 failed : 1;
  guint                 slow : 1;
  guint                 info_pending : 1;
  guint                 loading_sample : 1;
  guint                 narrow : 1;
  guint                 squeezed : 1;
  guint                 restoring_view : 1;
  guint                 year_shown : 1; /* a frame has shown the year first read */
};

G_DEFINE_FINAL_TYPE (EvtWindow, evt_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  SIGNAL_YEAR_SHOWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_event_actions (EvtWindow *self);
static void on_event_activated (EvtWindow *self,
                                EvtEvent  *event);
static void on_people_event_activated (EvtWindow *self,
                                       gint64     event_id);
static void on_list_selected_changed (EvtWindow *self);
static void open_event (EvtWindow *self,
                        EvtEvent  *event);

static const char * const page_names[] = {
  [EVT_WINDOW_PAGE_LOADING]    = "loading",
  [EVT_WINDOW_PAGE_EVENTS]     = "events",
  [EVT_WINDOW_PAGE_EMPTY_YEAR] = "empty-year",
  [EVT_WINDOW_PAGE_EMPTY_DB]   = "empty-db",
  [EVT_WINDOW_PAGE_ERROR]      = "error",
};

/**
 * evt_window_page_to_string:
 * @page: a page
 *
 * Returns: the name of @page: "loading", "events", "empty-year", "empty-db", "error"
 */
const char *
evt_window_page_to_string (EvtWindowPage page)
{
  g_return_val_if_fail (page <= EVT_WINDOW_PAGE_ERROR, NULL);

  return page_names[page];
}

/**
 * evt_window_state_get_page:
 * @state: what is known of the store and of the year's events
 *
 * Chooses the page to show. While the events of a new year are read, the page shown
 * stays (a quick read does not flash a spinner) unless the read is slow. An empty
 * year is told apart from an empty database, which offers the sample data.
 *
 * Returns: the page
 */
EvtWindowPage
evt_window_state_get_page (const EvtWindowState *state)
{
  if (state->failed)
    return EVT_WINDOW_PAGE_ERROR;
  if (!state->has_store)
    return EVT_WINDOW_PAGE_LOADING;
  if (state->list_loading)
    return state->slow ? EVT_WINDOW_PAGE_LOADING : state->current;
  if (state->n_items > 0)
    return EVT_WINDOW_PAGE_EVENTS;
  if (state->db_count < 0)
    return EVT_WINDOW_PAGE_LOADING;
  if (state->db_count == 0)
    return EVT_WINDOW_PAGE_EMPTY_DB;
  return EVT_WINDOW_PAGE_EMPTY_YEAR;
}

static int
get_current_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

static guint
get_n_events (EvtWindow *self)
{
  return self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}

static gboolean
is_view_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    {
      if (g_strcmp0 (name, view_names[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

static const char *
get_view (EvtWindow *self)
{
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

static gboolean
event_page_shown (EvtWindow *self)
{
  return g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "event") == 0;
}

/* Toasts */

static void
on_toast_dismissed (AdwToast  *toast,
                    EvtWindow *self)
{
  GVariant *target = adw_toast_get_action_target_value (toast);

  /* The chance to undo goes with the toast. */
  if (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_UINT32) &&
      self->undo_steps != NULL)
    g_hash_table_remove (self->undo_steps, GUINT_TO_POINTER (g_variant_get_uint32 (target)));

  if (self->last_toast_object == toast)
    g_clear_object (&self->last_toast_object);
}

static void
add_toast (EvtWindow *self,
           AdwToast  *toast)
{
  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));
  g_set_object (&self->last_toast_object, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_toast (EvtWindow  *self,
            const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 4);
  add_toast (self, toast);
}

static void
update_actions (EvtWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean ready = self->store != NULL && !self->failed;

  gtk_widget_action_set_enabled (widget, "win.previous-year",
                                 self->year > EVT_WINDOW_MIN_YEAR);
  gtk_widget_action_set_enabled (widget, "win.next-year", self->year < EVT_WINDOW_MAX_YEAR);
  gtk_widget_action_set_enabled (widget, "win.current-year",
                                 self->year != get_current_year ());
  gtk_widget_action_set_enabled (widget, "win.load-sample", ready && !self->loading_sample);
  gtk_widget_action_set_enabled (widget, "win.new-event", ready);
  gtk_widget_action_set_enabled (widget, "win.search", ready);

  gtk_widget_action_set_enabled (widget, "win.import", ready);
  gtk_widget_action_set_enabled (widget, "win.export", ready);

  update_event_actions (self);
}

/* The directory and the follow-ups are not of one year. */
static gboolean
is_people_view (const char *view)
{
  return g_strcmp0 (view, "organisations") == 0 || g_strcmp0 (view, "followups") == 0;
}

static void
update_title (EvtWindow *self)
{
  g_autofree char *title = g_strdup_printf ("%d", self->year);
  g_autofree char *subtitle = NULL;
  gboolean people = is_people_view (get_view (self));

  /* Narrow, the title says what the view shows: the year, or the people view's name. */
  if (people)
    {
      AdwViewStackPage *page =
        adw_view_stack_get_page (self->view_stack,
                                 adw_view_stack_get_visible_child (self->view_stack));

      evt_header_switcher_set_title (self->switcher_title, adw_view_stack_page_get_title (page));
      evt_header_switcher_set_subtitle (self->switcher_title, "");
    }
  else
    evt_header_switcher_set_title (self->switcher_title, title);
  gtk_label_set_text (self->year_label, title);

  if (self->list == NULL || self->failed)
    subtitle = g_strdup ("");
  else if (evt_event_list_get_loading (self->list))
    {
      /* Keep the count of the year shown until the new one is read. */
      if (self->slow)
        subtitle = g_strdup (_("Loading…"));
      else
        return;
    }
  else if (get_n_events (self) == 0)
    subtitle = g_strdup (_("No events"));
  else
    subtitle = g_strdup_printf (ngettext ("%u event", "%u events", get_n_events (self)),
                                get_n_events (self));

  if (!people)
    evt_header_switcher_set_subtitle (self->switcher_title, subtitle);
  gtk_label_set_text (self->count_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), subtitle[0] != '\0');
}

/* The status pages join the stack when first shown: hidden, they would still be
 * styled at every start, and GTK would draw their large icons all the same. */
static void
ensure_status_page (EvtWindow     *self,
                    AdwStatusPage *page,
                    const char    *name,
                    const char    *icon_name)
{
  if (gtk_widget_get_parent (GTK_WIDGET (page)) != NULL)
    return;

  adw_status_page_set_icon_name (page, icon_name);
  gtk_stack_add_named (self->stack, GTK_WIDGET (page), name);
}

static void
update_page (EvtWindow *self)
{
  const char *list_error = self->list ? evt_event_list_get_error (self->list) : NULL;
  EvtWindowState state = {
    .failed = self->failed || list_error != NULL,
    .has_store = self->list != NULL,
    .list_loading = self->list != NULL && evt_event_list_get_loading (self->list),
    .slow = self->slow,
    .n_items = get_n_events (self),
    .db_count = self->db_count,
    .current = self->page_state,
  };
  EvtWindowPage page = evt_window_state_get_page (&state);
  const char *stack_page;

  if (page == EVT_WINDOW_PAGE_ERROR && !self->failed)
    {
      g_autofree char *description = g_markup_escape_text (list_error, -1);

      adw_status_page_set_title (self->error_page, _("Could Not Read the Events"));
      adw_status_page_set_description (self->error_page, description);
      gtk_label_set_text (self->error_path_label, evt_store_get_path (self->store));
    }

  if (page == EVT_WINDOW_PAGE_ERROR)
    ensure_status_page (self, self->error_page, "error", "dialog-error-symbolic");
  else if (page == EVT_WINDOW_PAGE_EMPTY_DB)
    ensure_status_page (self, self->empty_db_page, "empty-db", "x-office-calendar-symbolic");

  self->page_state = page;

  /* An empty year still has its twelve months in the year view, and the list can show
   * every year: only the agenda says that the year is empty. */
  if (page == EVT_WINDOW_PAGE_EVENTS || page == EVT_WINDOW_PAGE_EMPTY_YEAR)
    stack_page = "events";
  else
    stack_page = evt_window_page_to_string (page);
  gtk_stack_set_visible_child_name (self->stack, stack_page);
  if (self->agenda_view != NULL)
    evt_agenda_view_set_empty_year (self->agenda_view,
                                    page == EVT_WINDOW_PAGE_EMPTY_YEAR ? self->year : 0);
  gtk_spinner_set_spinning (self->spinner, page == EVT_WINDOW_PAGE_LOADING);

  update_title (self);
}

static void
update_sector_colours (EvtWindow *self)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;

  if (self->sectors != NULL)
    {
      g_hash_table_iter_init (&iter, self->sectors);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          EvtSector *sector = value;

          if (sector->colour != NULL)
            g_hash_table_insert (colours, sector->slug, sector->colour);
        }
    }

  evt_year_view_set_sector_colours (self->year_view, colours);
  if (self->agenda_view != NULL)
    evt_agenda_view_set_sectors (self->agenda_view, self->sectors);
}

/* The count of all events (to tell an empty year from an empty database) and the
 * sectors' colours, read in a worker thread after the store opens or changes. */
typedef struct
{
  EvtStore *store;
  guint     serial;
} InfoRequest;

typedef struct
{
  gint64      count;
  GHashTable *sectors;
} InfoReply;

static void
info_request_free (InfoRequest *request)
{
  g_clear_object (&request->store);
  g_free (request);
}

static void
info_reply_free (InfoReply *reply)
{
  g_clear_pointer (&reply->sectors, g_hash_table_unref);
  g_free (reply);
}

static void
info_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  InfoRequest *request = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sectors = NULL;
  InfoReply *reply;
  gint64 count;

  count = evt_store_count_events (request->store, &error);
  if (count < 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  sectors = evt_store_list_sectors (request->store, &error);
  if (sectors == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  reply = g_new0 (InfoReply, 1);
  reply->count = count;
  reply->sectors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) evt_sector_free);
  for (guint i = 0; i < sectors->len; i++)
    {
      EvtSector *sector = evt_sector_copy (g_ptr_array_index (sectors, i));

      g_hash_table_replace (reply->sectors, sector->slug, sector);
    }

  g_task_return_pointer (task, reply, (GDestroyNotify) info_reply_free);
}

static void
info_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(EvtWindow) self = user_data;
  InfoRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  InfoReply *reply;

  reply = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A newer request is on its way: its answer is the one to show. */
  if (request->serial != self->info_serial)
    {
      g_clear_pointer (&reply, info_reply_free);
      return;
    }

  self->info_pending = FALSE;

  if (reply == NULL)
    {
      g_warning ("Could not count the events: %s", error->message);
      /* Not knowing, an empty year is shown as such, never as an empty database. */
      self->db_count = G_MAXINT64;
    }
  else
    {
      self->db_count = reply->count;
      g_clear_pointer (&self->sectors, g_hash_table_unref);
      self->sectors = g_steal_pointer (&reply->sectors);
      update_sector_colours (self);
      info_reply_free (reply);
    }

  update_page (self);
}

static void
refresh_info (EvtWindow *self)
{
  g_autoptr(GTask) task = NULL;
  InfoRequest *request;

  request = g_new0 (InfoRequest, 1);
  request->store = g_object_ref (self->store);
  request->serial = ++self->info_serial;
  self->info_pending = TRUE;

  task = g_task_new (NULL, self->cancellable, info_done, g_object_ref (self));
  g_task_set_source_tag (task, refresh_info);
  g_task_set_task_data (task, request, (GDestroyNotify) info_request_free);
  g_task_run_in_thread (task, info_thread);
}

static void
on_store_changed (EvtWindow *self)
{
  refresh_info (self);
}

static void
ensure_followups_view (EvtWindow *self)
{
  if (self->followups_view != NULL)
    return;

  self->followups_view = EVT_FOLLOWUPS_VIEW (evt_followups_view_new ());
  g_signal_connect_object (self->followups_view, "event-activated",
                           G_CALLBACK (on_people_event_activated), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->followups_view, "n-due", self->followups_page, "badge-number",
                          G_BINDING_SYNC_CREATE);
  adw_bin_set_child (self->followups_bin, GTK_WIDGET (self->followups_view));
}

/* The Directory and the Follow-ups read in worker threads, but hold the store's lock
 * while they do, and their first reads wait for the file's integrity check
 * (evt_store_open_async()): they are given the store once the year is read and drawn, or
 * when shown first. The Follow-ups view is built then, not with the window: hidden, its
 * widgets would cost the first frame their styling. Its count, the switcher's badge, comes
 * a moment after the year. */
static gboolean
people_have_store (EvtWindow *self)
{
  return self->followups_view != NULL &&
         evt_followups_view_get_store (self->followups_view) != NULL;
}

static void
update_people_stores (EvtWindow *self)
{
  if (self->store == NULL || people_have_store (self))
    return;
  if (!is_people_view (get_view (self)) && !self->year_shown)
    return;

  ensure_followups_view (self);
  if (self->organisations_view != NULL)
    evt_organisations_view_set_store (self->organisations_view, self->store);
  evt_followups_view_set_store (self->followups_view, self->store);
}

static void on_year_painted (GdkFrameClock *clock,
                             EvtWindow     *self);

static void
set_year_shown (EvtWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->year_shown)
    return;
  g_clear_handle_id (&self->shown_source, g_source_remove);
  if (clock != NULL)
    g_signal_handlers_disconnect_by_func (clock, on_year_painted, self);
  self->year_shown = TRUE;
  update_people_stores (self);
  g_signal_emit (self, signals[SIGNAL_YEAR_SHOWN], 0);
}

static void
on_year_painted (GdkFrameClock *clock,
                 EvtWindow     *self)
{
  set_year_shown (self);
}

static gboolean
on_shown_timeout (gpointer user_data)
{
  EvtWindow *self = user_data;

  self->shown_source = 0;
  set_year_shown (self);
  return G_SOURCE_REMOVE;
}

static void
watch_paint (EvtWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    return;
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_year_painted), self, 0);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

/* Once the year is first read, the frame that shows it; within a second all the same,
 * should the window not draw (hidden, minimised, on a workspace that gets no frames).
 * What can wait for it (the people views' reads, the file's integrity check) then
 * starts without competing with the year for the processor. */
static void
watch_year_shown (EvtWindow *self)
{
  if (self->year_shown || self->shown_source != 0 || self->list == NULL ||
      evt_event_list_get_loading (self->list))
    return;

  watch_paint (self);
  self->shown_source = g_timeout_add_seconds (1, on_shown_timeout, self);
}

static gboolean
on_slow_loading (gpointer user_data)
{
  EvtWindow *self = user_data;

  self->slow_source = 0;
  self->slow = TRUE;
  update_page (self);

  return G_SOURCE_REMOVE;
}

static void
on_list_loading_changed (EvtWindow *self)
{
  if (evt_event_list_get_loading (self->list))
    {
      if (self->slow_source == 0 && !self->slow)
        self->slow_source = g_timeout_add (SLOW_LOADING_MS, on_slow_loading, self);
    }
  else
    {
      g_clear_handle_id (&self->slow_source, g_source_remove);
      self->slow = FALSE;
      watch_year_shown (self);
      update_people_stores (self);
    }

  update_page (self);
}

static void
load_year (EvtWindow *self)
{
  g_autoptr(EvtQuery) query = NULL;

  evt_year_view_set_year (self->year_view, self->year);
  if (self->list_view != NULL && evt_list_view_get_year (self->list_view) != self->year)
    evt_list_view_set_year (self->list_view, self->year);
  if (self->organisations_view != NULL)
    evt_organisations_view_set_year (self->organisations_view, self->year);

  if (self->list == NULL)
    return;

  query = evt_query_new ();
  evt_query_set_year (query, self->year);
  evt_event_list_set_query (self->list, query);

  if (self->agenda_view != NULL)
    evt_agenda_view_scroll_to_top (self->agenda_view);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->year_scroller), 0);
}

/* Loading the sample data. */

static void
load_sample_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  EvtStore *store = task_data;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  if (!evt_demo_load_all (store, &n_added, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, n_added);
}

static void
load_sample_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(EvtWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize n_added;

  n_added = g_task_propagate_int (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading_sample = FALSE;
  update_actions (self);

  if (n_added < 0)
    {
      /* Translators: loading the sample data failed, and why */
      g_autofree char *message = g_strdup_printf (_("Could not load the sample data: %s"),
                                                  error->message);
      show_toast (self, message);
      return;
    }

  evt_window_set_year (self, EVT_WINDOW_SAMPLE_YEAR);

  if (n_added == 0)
    show_toast (self, _("The sample data is already there"));
  else
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (ngettext ("%u sample event added",
                                           "%u sample events added", (gulong) n_added),
                                 (guint) n_added);
      show_toast (self, message);
    }
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL || self->loading_sample)
    return;

  self->loading_sample = TRUE;
  update_actions (self);

  task = g_task_new (NULL, self->cancellable, load_sample_done, g_object_ref (self));
  g_task_set_source_tag (task, load_sample_action);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, load_sample_thread);
}

/* Years */

static void
scroll_year_view_to_month (EvtWindow *self,
                           int        month)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->year_scroller);
  double y, height;

  if (evt_year_view_get_month_bounds (self->year_view, month, &y, &height))
    gtk_adjustment_clamp_page (adjustment, y, y + height);
}

static void
year_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);

  if (g_str_equal (action_name, "win.previous-year"))
    evt_window_set_year (self, self->year - 1);
  else if (g_str_equal (action_name, "win.next-year"))
    evt_window_set_year (self, self->year + 1);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      evt_window_set_year (self, get_current_year ());
      scroll_year_view_to_month (self, g_date_time_get_month (now));
    }
}

/* Views */

/* The agenda's rows (a widget each, with wrapping labels) are slow to make and to
 * measure: a year of a few hundred events held the first frame back by seconds
 * (tests/bench/bench-startup.c). The agenda has the year's events only while it is
 * shown; it keeps its selection by id. */
static void
update_agenda_model (EvtWindow *self)
{
  if (self->agenda_view == NULL)
    return;

  evt_agenda_view_set_events (self->agenda_view,
                              g_strcmp0 (get_view (self), "agenda") == 0 ? self->list : NULL);
}

/* The List view reads and sorts its events on the UI thread's time: hidden, it held the
 * year shown back by some 100 ms at start-up with 10k events (tests/bench). It is
 * given the store when it is first shown. */
static void
update_list_store (EvtWindow *self)
{
  if (self->store != NULL && self->list_view != NULL &&
      evt_list_view_get_store (self->list_view) == NULL &&
      g_strcmp0 (get_view (self), "list") == 0)
    evt_list_view_set_store (self->list_view, self->store);
}

static void
ensure_list_view (EvtWindow *self)
{
  if (self->list_view != NULL)
    return;

  self->list_view = EVT_LIST_VIEW (evt_list_view_new ());
  evt_list_view_set_year (self->list_view, self->year);
  g_signal_connect_object (self->list_view, "event-activated",
                           G_CALLBACK (on_event_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "notify::selected",
                           G_CALLBACK (on_list_selected_changed), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->list_bin, GTK_WIDGET (self->list_view));
}

static void
ensure_agenda_view (EvtWindow *self)
{
  if (self->agenda_view != NULL)
    return;

  self->agenda_view = EVT_AGENDA_VIEW (evt_agenda_view_new ());
  evt_agenda_view_set_menu_model (self->agenda_view, self->event_menu);
  evt_agenda_view_set_sectors (self->agenda_view, self->sectors);
  g_signal_connect_object (self->agenda_view, "event-activated",
                           G_CALLBACK (on_event_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agenda_view, "notify::selected",
                           G_CALLBACK (update_event_actions), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->agenda_bin, GTK_WIDGET (self->agenda_view));
  update_page (self);
}

static void
ensure_organisations_view (EvtWindow *self)
{
  if (self->organisations_view != NULL)
    return;

  self->organisations_view = EVT_ORGANISATIONS_VIEW (evt_organisations_view_new ());
  evt_organisations_view_set_year (self->organisations_view, self->year);
  g_signal_connect_object (self->organisations_view, "event-activated",
                           G_CALLBACK (on_people_event_activated), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->organisations_bin, GTK_WIDGET (self->organisations_view));
  if (people_have_store (self))
    evt_organisations_view_set_store (self->organisations_view, self->store);
}

/* What the header bar holds for the view shown, at the window's width. */
static void
update_header_buttons (EvtWindow *self)
{
  const char *view = get_view (self);
  gboolean people = is_people_view (view);

  gtk_widget_set_visible (self->year_navigation, !people);
  gtk_widget_set_visible (self->year_heading, !self->narrow && !self->squeezed && !people);
  gtk_widget_set_visible (self->today_button, !self->narrow);
  /* Narrow, the list's own search entry is enough (Ctrl+F still goes there). */
  gtk_widget_set_visible (self->search_button, !self->narrow && g_strcmp0 (view, "list") == 0);
}

static void
on_view_changed (EvtWindow *self)
{
  const char *view = get_view (self);

  if (g_strcmp0 (view, "list") == 0)
    ensure_list_view (self);
  else if (g_strcmp0 (view, "agenda") == 0)
    ensure_agenda_view (self);
  else if (g_strcmp0 (view, "organisations") == 0)
    ensure_organisations_view (self);
  else if (g_strcmp0 (view, "followups") == 0)
    ensure_followups_view (self);
  update_agenda_model (self);
  update_list_store (self);
  update_people_stores (self);
  update_header_buttons (self);
  update_title (self);

  if (self->settings != NULL && !self->restoring_view && is_view_name (view))
    g_settings_set_string (self->settings, "last-view", view);

  update_event_actions (self);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);
  const char *view = g_variant_get_string (parameter, NULL);

  if (is_view_name (view))
    evt_window_set_view (self, view);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);

  if (event_page_shown (self))
    return;

  evt_window_set_view (self, "list");
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list-view.focus-search", NULL);
}

/* Adaptive header. Narrow (under NARROW_WIDTH): the view switcher goes to a bar at the
 * bottom, the year and its count to the title in its place, and Today to the main menu.
 * Wide, the year sits beside the arrows and the switcher in the title; when the title
 * still lacks room for the switcher (long translations, more views), the window is
 * "squeezed": laid out as when narrow, Today kept, until it has grown by more than
 * the year's heading takes, so that it does not flip back and forth at one width.
 * Changes are made after the allocation that shows them to be needed, not during it. */

static void
update_header (EvtWindow *self)
{
  gboolean title_visible = evt_header_switcher_get_title_visible (self->switcher_title);
  gboolean compact;
  gboolean reveal;

  if (!self->narrow && !self->squeezed && title_visible)
    {
      self->squeezed = TRUE;
      self->squeeze_width = self->width;
      gtk_widget_measure (self->year_heading, GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &self->heading_width, NULL, NULL);
    }
  else if (self->squeezed && self->width >= self->squeeze_width + self->heading_width + 24)
    self->squeezed = FALSE;

  compact = self->narrow || self->squeezed;
  update_header_buttons (self);
  evt_header_switcher_set_switcher_enabled (self->switcher_title, !compact);
  reveal = compact || evt_header_switcher_get_title_visible (self->switcher_title);
  /* The bar's buttons are made when it first shows: a wide window never needs them. */
  if (reveal && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, reveal);
}

static gboolean
update_header_idle (gpointer user_data)
{
  EvtWindow *self = user_data;

  self->header_idle = 0;
  update_header (self);

  return G_SOURCE_REMOVE;
}

static void
queue_update_header (EvtWindow *self)
{
  if (self->header_idle == 0)
    self->header_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_header_idle, self, NULL);
}

static void
on_title_visible_changed (EvtWindow *self)
{
  queue_update_header (self);
}

/* Before the first allocation, from the size asked for: no wide frame first. */
static void
on_default_width_changed (EvtWindow *self)
{
  int width, height;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  self->width = width;
  self->narrow = width > 0 && width < NARROW_WIDTH;
  update_header (self);
}

static void
evt_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (evt_window_parent_class)->realize (widget);

  /* The year was read before there was a frame clock to watch. */
  if (EVT_WINDOW (widget)->shown_source != 0)
    watch_paint (EVT_WINDOW (widget));
}

static void
evt_window_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  EvtWindow *self = EVT_WINDOW (widget);

  GTK_WIDGET_CLASS (evt_window_parent_class)->size_allocate (widget, width, height, baseline);

  if (width != self->width)
    {
      self->width = width;
      self->narrow = width < NARROW_WIDTH;
      queue_update_header (self);
    }
}

/* The event that actions apply to. */

static EvtEvent *
get_current_event (EvtWindow *self)
{
  const char *view;

  if (event_page_shown (self))
    return self->page_event;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "events") != 0)
    return NULL;

  view = get_view (self);
  if (g_strcmp0 (view, "list") == 0)
    return self->list_view != NULL ? evt_list_view_get_selected (self->list_view) : NULL;
  if (g_strcmp0 (view, "agenda") == 0)
    return self->agenda_view != NULL ? evt_agenda_view_get_selected (self->agenda_view) : NULL;
  if (g_strcmp0 (view, "year") == 0)
    return evt_year_view_get_focused_event (self->year_view);

  return NULL;
}

/* The action bars' revealers are hidden while closed: GTK then neither styles nor
 * measures the bars, which a window that only shows the year never needs (2 ms of its
 * first frame). Shown to open; hidden again once closed. */
static void
reveal_bar (GtkRevealer *revealer,
            gboolean     reveal)
{
  if (reveal)
    gtk_widget_set_visible (GTK_WIDGET (revealer), TRUE);
  gtk_revealer_set_reveal_child (revealer, reveal);
}

static void
on_bar_child_revealed (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

static void
update_event_actions (EvtWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean ready = self->store != NULL && !self->failed;
  EvtEvent *event = ready ? get_current_event (self) : NULL;
  const char *view = get_view (self);
  gboolean in_year = ready && !event_page_shown (self) && g_strcmp0 (view, "year") == 0;
  gboolean saved = event != NULL && evt_event_get_id (event) > 0;
  EvtStatus status = event != NULL ? evt_event_get_status (event) : EVT_STATUS_TENTATIVE;
  gboolean dated = event != NULL && evt_event_get_start (event) != NULL;
  gboolean page_dirty = event_page_shown (self) && self->page != NULL &&
                        evt_event_page_get_dirty (self->page);
  gboolean show_bar;

  /* In the year view, the focused event changes without notice: there, the actions
   * stay enabled and look for it when activated. */
  saved = saved || in_year;
  /* The page's unsaved edits would be lost, or would undo the action when saved. */
  saved = saved && !page_dirty;

  gtk_widget_action_set_enabled (widget, "win.open-event", saved && !event_page_shown (self));
  gtk_widget_action_set_enabled (widget, "win.duplicate-event", saved);
  gtk_widget_action_set_enabled (widget, "win.plan-next-edition", saved && (dated || in_year));
  gtk_widget_action_set_enabled (widget, "win.cancel-event", saved);
  gtk_widget_action_set_enabled (widget, "win.postpone-event",
                                 saved && (dated || in_year) && status != EVT_STATUS_HELD);
  gtk_widget_action_set_enabled (widget, "win.mark-held",
                                 saved && (in_year || status != EVT_STATUS_HELD));
  gtk_widget_action_set_enabled (widget, "win.delete-event", saved);
  gtk_widget_action_set_enabled (widget, "win.event-menu", saved);
  gtk_widget_action_set_enabled (widget, "win.go-back", event_page_shown (self));

  /* The bar under the list and the agenda says what the actions apply to. */
  show_bar = event != NULL && !event_page_shown (self) && !in_year &&
             (g_strcmp0 (view, "list") == 0 || g_strcmp0 (view, "agenda") == 0);
  if (show_bar)
    gtk_label_set_text (self->event_bar_label, evt_event_get_title (event));
  reveal_bar (self->event_bar_revealer, show_bar);
  reveal_bar (self->page_bar_revealer,
              self->page_event != NULL && evt_event_get_id (self->page_event) > 0);
}

static void
on_list_selected_changed (EvtWindow *self)
{
  update_event_actions (self);
}

/* Writes, in worker threads, each with a toast that can undo it. */

static void
step_free (Step *step)
{
  g_clear_object (&step->event);
  g_clear_object (&step->before);
  g_clear_pointer (&step->records, evt_event_records_unref);
  g_free (step);
}

static Step *
step_new (StepKind  kind,
          EvtEvent *event,
          EvtEvent *before)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->event = evt_event_copy (event);
  step->before = before != NULL ? evt_event_copy (before) : NULL;
  return step;
}

static void
write_free (Write *write)
{
  g_clear_object (&write->store);
  g_clear_pointer (&write->steps, g_ptr_array_unref);
  g_clear_pointer (&write->done_text, g_free);
  g_clear_pointer (&write->title, g_free);
  g_free (write);
}

static Write *
write_new (EvtWindow  *self,
           EvtEvent   *event,
           const char *done_text)
{
  Write *write = g_new0 (Write, 1);

  write->store = g_object_ref (self->store);
  write->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  write->title = g_strdup (evt_event_get_title (event));
  write->done_text = g_strdup (done_text);
  write->undoable = TRUE;
  return write;
}

static gboolean
run_step (EvtStore  *store,
          Step      *step,
          GError   **error)
{
  switch (step->kind)
    {
    case STEP_UPDATE:
      return evt_store_update_event (store, step->event, error);

    case STEP_INSERT:
      return evt_store_insert_event (store, step->event, error) &&
             (step->records == NULL ||
              evt_people_restore_event_records (store, step->records,
                                                evt_event_get_id (step->event), error));

    case STEP_DELETE:
      {
        g_autofree char *records = NULL;
        GError *local_error = NULL;

        records = evt_people_describe_event_records (store, evt_event_get_id (step->event),
                                                     &local_error);
        if (local_error != NULL)
          {
            g_propagate_error (error, local_error);
            return FALSE;
          }
        if (records != NULL)
          {
            g_set_error_literal (error, EVT_WINDOW_ERROR, EVT_WINDOW_ERROR_HAS_RECORDS,
                                 records);
            return FALSE;
          }
        return evt_store_delete_event (store, evt_event_get_id (step->event), error);
      }

    case STEP_DELETE_FORCE:
      /* What goes with the event, taken in the same transaction, for undo. */
      g_clear_pointer (&step->records, evt_event_records_unref);
      step->records = evt_people_snapshot_event_records (store, evt_event_get_id (step->event),
                                                         error);
      return step->records != NULL &&
             evt_people_delete_event (store, evt_event_get_id (step->event), TRUE, error);

    default:
      g_assert_not_reached ();
    }
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Write *write = task_data;
  g_autoptr(GError) error = NULL;

  /* Every step or none: undoing a new edition also gives back the old one's series. */
  if (!evt_store_begin (write->store, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < write->steps->len; i++)
    {
      if (!run_step (write->store, g_ptr_array_index (write->steps, i), &error))
        {
          evt_store_rollback (write->store);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  if (!evt_store_commit (write->store, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The writes that take back @steps, in the reverse order. */
static GPtrArray *
invert_steps (GPtrArray *steps)
{
  GPtrArray *inverse = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);

  for (guint i = steps->len; i > 0; i--)
    {
      Step *step = g_ptr_array_index (steps, i - 1);

      switch (step->kind)
        {
        case STEP_UPDATE:
          g_ptr_array_add (inverse, step_new (STEP_UPDATE, step->before, NULL));
          break;

        case STEP_INSERT:
          /* The insert gave the event its id. */
          g_ptr_array_add (inverse, step_new (STEP_DELETE_FORCE, step->event, NULL));
          break;

        case STEP_DELETE:
        case STEP_DELETE_FORCE:
          {
            /* Back with the same uid, so that feeds and partners see the same event,
             * and with its participants, outcomes, leads and costs. */
            Step *insert = step_new (STEP_INSERT, step->before, NULL);

            if (step->records != NULL && !evt_event_records_is_empty (step->records))
              insert->records = evt_event_records_ref (step->records);
            g_ptr_array_add (inverse, insert);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return inverse;
}

/* A toast that says what was done, and can undo @steps for a few seconds. */
static void
show_undo_toast (EvtWindow  *self,
                 const char *text,
                 GPtrArray  *steps)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, UNDO_TIMEOUT_S);
  /* The latest action is the one to undo: its toast shows at once. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (steps != NULL)
    {
      guint serial = ++self->undo_serial;

      g_hash_table_insert (self->undo_steps, GUINT_TO_POINTER (serial), invert_steps (steps));
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_action_target_value (toast, g_variant_new_uint32 (serial));
    }
  add_toast (self, toast);
}

static void sync_page (EvtWindow *self,
                       GPtrArray *steps);

static void confirm_delete_with_records (EvtWindow  *self,
                                         Write      *write,
                                         const char *records);

static void
write_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(EvtWindow) self = user_data;
  Write *write = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->n_writes--;

  if (g_error_matches (error, EVT_WINDOW_ERROR, EVT_WINDOW_ERROR_HAS_RECORDS))
    {
      confirm_delete_with_records (self, write, error->message);
      return;
    }

  if (error != NULL)
    {
      g_autofree char *message = NULL;

      if (write->is_undo)
        /* Translators: undoing an action failed, and why */
        message = g_strdup_printf (_("Could not undo: %s"), error->message);
      else
        /* Translators: an action on an event failed: the title, and why */
        message = g_strdup_printf (_("Could not change “%s”: %s"), write->title,
                                   error->message);
      show_toast (self, message);
      return;
    }

  if (write->done_text != NULL)
    show_undo_toast (self, write->done_text, write->undoable ? write->steps : NULL);

  sync_page (self, write->steps);

  if (write->open_after && write->steps->len > 0)
    {
      Step *step = g_ptr_array_index (write->steps, write->steps->len - 1);

      open_event (self, step->event);
    }
}

static void
start_write (EvtWindow *self,
             Write     *write)
{
  g_autoptr(GTask) task = NULL;

  self->n_writes++;
  task = g_task_new (NULL, self->cancellable, write_done, g_object_ref (self));
  g_task_set_source_tag (task, start_write);
  g_task_set_task_data (task, write, (GDestroyNotify) write_free);
  g_task_run_in_thread (task, write_thread);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);
  gpointer key = GUINT_TO_POINTER (g_variant_get_uint32 (parameter));
  GPtrArray *steps = NULL;
  Write *write;

  if (self->store == NULL ||
      !g_hash_table_steal_extended (self->undo_steps, key, NULL, (gpointer *) &steps))
    return;


  write = g_new0 (Write, 1);
  write->store = g_object_ref (self->store);
  write->steps = steps;
  write->is_undo = TRUE;
  start_write (self, write);
}

static void
undo_last_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);
  AdwToast *toast = self->last_toast_object;

  if (toast != NULL && g_strcmp0 (adw_toast_get_action_name (toast), "win.undo") == 0)
    {
      g_autoptr(GVariant) target = g_variant_ref (adw_toast_get_action_target_value (toast));

      /* Undone from the keyboard: the toast goes, as its button would make it go. */
      undo_action (widget, "win.undo", target);
      adw_toast_dismiss (toast);
    }
}

/* A copy of the event to act on, as it is now. */
static EvtEvent *
dup_current_event (EvtWindow *self)
{
  EvtEvent *event = self->store != NULL && !self->failed ? get_current_event (self) : NULL;

  if (event == NULL || evt_event_get_id (event) <= 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return NULL;
    }

  return evt_event_copy (event);
}

static void
write_change (EvtWindow  *self,
              EvtEvent   *before,
              EvtEvent   *after,
              const char *text)
{
  Write *write = write_new (self, before, text);

  g_ptr_array_add (write->steps, step_new (STEP_UPDATE, after, before));
  start_write (self, write);
}

/* Dialogs */

static void
set_dialog (EvtWindow        *self,
            AdwMessageDialog *dialog)
{
  if (self->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  self->dialog = dialog;
  if (dialog != NULL)
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
}

static AdwMessageDialog *
create_dialog (EvtWindow  *self,
               const char *heading,
               const char *body,
               EvtEvent   *event)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  g_object_set_data_full (G_OBJECT (dialog), "event", event, g_object_unref);
  set_dialog (self, dialog);
  return dialog;
}

static void
dialog_set_widget (AdwMessageDialog *dialog,
                   const char       *name,
                   GtkWidget        *widget)
{
  g_object_set_data (G_OBJECT (dialog), name, widget);
}

static GtkWidget *
dialog_get_widget (AdwMessageDialog *dialog,
                   const char       *name)
{
  return g_object_get_data (G_OBJECT (dialog), name);
}

static char *
get_entry_text (AdwMessageDialog *dialog,
                const char       *name)
{
  GtkEditable *editable = GTK_EDITABLE (dialog_get_widget (dialog, name));
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static GtkWidget *
new_boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

/* Cancel, with a reason */

static void
on_cancel_reason_changed (GtkEditable      *editable,
                          AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "cancel-event", text[0] != '\0');
}

static void
on_cancel_response (AdwMessageDialog *dialog,
                    const char       *response,
                    EvtWindow        *self)
{
  EvtEvent *event = g_object_get_data (G_OBJECT (dialog), "event");
  g_autoptr(EvtEvent) after = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "cancel-event") != 0 || self->store == NULL)
    return;

  reason = get_entry_text (dialog, "reason");
  if (reason == NULL)
    return;

  after = evt_event_copy (event);
  evt_event_cancel (after, reason);
  /* Translators: a toast; %s is the event's title */
  text = g_strdup_printf (_("“%s” cancelled"), evt_event_get_title (event));
  write_change (self, event, after, text);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);
  EvtEvent *event = dup_current_event (self);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list, *row;
  const char *reason;

  if (event == NULL)
    return;

  /* Translators: the heading of the dialog that cancels an event */
  heading = g_strdup_printf (_("Cancel “%s”?"), evt_event_get_title (event));
  dialog = create_dialog (self, heading,
                          _("The event stays in the calendar, struck through, with the "
                            "reason. The feeds tell subscribers that it is cancelled."),
                          event);

  list = new_boxed_list ();
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Reason"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  reason = evt_event_get_status_reason (event);
  if (evt_event_get_status (event) == EVT_STATUS_CANCELLED && reason != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), reason);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  dialog_set_widget (dialog, "reason", row);
  adw_message_dialog_set_extra_child (dialog, list);

  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Keep Event"),
                                    "cancel-event", _("_Cancel Event"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "cancel-event",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel-event");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect (row, "changed", G_CALLBACK (on_cancel_reason_changed), dialog);
  g_signal_connect (row, "entry-activated", G_CALLBACK (gtk_widget_activate_default), NULL);
  on_cancel_reason_changed (GTK_EDITABLE (row), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_response), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (row);
}

/* Postpone: new dates, or a date to be announced */

static GTimeZone *
event_time_zone (EvtEvent *event)
{
  GTimeZone *tz = g_time_zone_new_identifier (evt_event_get_timezone (event));

  return tz != NULL ? tz : g_time_zone_new_utc ();
}

/* @day's date at @time's time of day, in @time's time zone. */
static GDateTime *
date_at_time (GDateTime *day,
              GDateTime *time,
              GTimeZone *tz)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, tz);

  return g_date_time_new (tz, g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          g_date_time_get_hour (local), g_date_time_get_minute (local), 0);
}

static GDateTime *
calendar_get_day (GtkCalendar *calendar)
{
  return gtk_calendar_get_date (calendar);
}

static void
update_date_button (GtkMenuButton *button,
                    GtkCalendar   *calendar)
{
  g_autoptr(GDateTime) day = calendar_get_day (calendar);
  g_autofree char *text = evt_format_date (day);

  gtk_menu_button_set_label (button, text);
}

static void
postpone_update (AdwMessageDialog *dialog)
{
  GtkCheckButton *tba = GTK_CHECK_BUTTON (dialog_get_widget (dialog, "tba"));
  GtkCalendar *start = GTK_CALENDAR (dialog_get_widget (dialog, "start-calendar"));
  GtkCalendar *end = GTK_CALENDAR (dialog_get_widget (dialog, "end-calendar"));
  gboolean with_dates = !gtk_check_button_get_active (tba);
  g_autoptr(GDateTime) start_day = calendar_get_day (start);
  g_autoptr(GDateTime) end_day = calendar_get_day (end);
  gboolean ok = !with_dates || g_date_time_compare (end_day, start_day) >= 0;

  update_date_button (GTK_MENU_BUTTON (dialog_get_widget (dialog, "start")), start);
  update_date_button (GTK_MENU_BUTTON (dialog_get_widget (dialog, "end")), end);
  gtk_widget_set_sensitive (dialog_get_widget (dialog, "start-row"), with_dates);
  gtk_widget_set_sensitive (dialog_get_widget (dialog, "end-row"), with_dates);

  if (with_dates && !ok)
    gtk_widget_add_css_class (dialog_get_widget (dialog, "end"), "error");
  else
    gtk_widget_remove_css_class (dialog_get_widget (dialog, "end"), "error");
  adw_message_dialog_set_response_enabled (dialog, "postpone", ok);
}

static void
on_start_day_selected (GtkCalendar      *start,
                       AdwMessageDialog *dialog)
{
  GtkCalendar *end = GTK_CALENDAR (dialog_get_widget (dialog, "end-calendar"));
  EvtEvent *event = g_object_get_data (G_OBJECT (dialog), "event");
  g_autoptr(GDateTime) start_day = calendar_get_day (start);
  g_autoptr(GDateTime) end_day = calendar_get_day (end);

  /* The end follows the start, keeping the event's length in days. */
  if (evt_event_get_start (event) != NULL && evt_event_get_end (event) != NULL)
    {
      g_autoptr(GTimeZone) tz = event_time_zone (event);
      g_autoptr(GDateTime) s = g_date_time_to_timezone (evt_event_get_start (event), tz);
      g_autoptr(GDateTime) e = g_date_time_to_timezone (evt_event_get_end (event), tz);
      g_autoptr(GDate) sd = g_date_new_dmy (g_date_time_get_day_of_month (s),
                                            g_date_time_get_month (s),
                                            g_date_time_get_year (s));
      g_autoptr(GDate) ed = g_date_new_dmy (g_date_time_get_day_of_month (e),
                                            g_date_time_get_month (e),
                                            g_date_time_get_year (e));
      g_autoptr(GDateTime) new_end = g_date_time_add_days (start_day,
                                                           g_date_days_between (sd, ed));

      gtk_calendar_select_day (end, new_end);
    }
  else if (g_date_time_compare (end_day, start_day) < 0)
    gtk_calendar_select_day (end, start_day);

  postpone_update (dialog);
}

/* "_Starts" → "Starts" */
static char *
without_mnemonic (const char *text)
{
  GString *string = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (string, *p);
    }

  return g_string_free (string, FALSE);
}

/* A check button at the start of a row is named by the row's title. */
static void
name_after_row (GtkWidget  *check,
                const char *title)
{
  g_autofree char *label = without_mnemonic (title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static GtkWidget *
new_date_row (AdwMessageDialog *dialog,
              const char       *title,
              const char       *name,
              GDateTime        *day)
{
  g_autofree char *calendar_name = g_strconcat (name, "-calendar", NULL);
  g_autofree char *row_name = g_strconcat (name, "-row", NULL);
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  label = without_mnemonic (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  dialog_set_widget (dialog, name, button);
  dialog_set_widget (dialog, calendar_name, calendar);
  dialog_set_widget (dialog, row_name, row);
  return row;
}

static void
on_postpone_response (AdwMessageDialog *dialog,
                      const char       *response,
                      EvtWindow        *self)
{
  EvtEvent *event = g_object_get_data (G_OBJECT (dialog), "event");
  GtkCheckButton *tba = GTK_CHECK_BUTTON (dialog_get_widget (dialog, "tba"));
  g_autoptr(EvtEvent) after = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "postpone") != 0 || self->store == NULL)
    return;

  reason = get_entry_text (dialog, "reason");
  after = evt_event_copy (event);

  if (gtk_check_button_get_active (tba))
    evt_event_postpone (after, NULL, NULL, reason);
  else
    {
      g_autoptr(GTimeZone) tz = event_time_zone (event);
      g_autoptr(GDateTime) start_day =
        calendar_get_day (GTK_CALENDAR (dialog_get_widget (dialog, "start-calendar")));
      g_autoptr(GDateTime) end_day =
        calendar_get_day (GTK_CALENDAR (dialog_get_widget (dialog, "end-calendar")));
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;

      if (evt_event_get_all_day (event) || evt_event_get_start (event) == NULL)
        {
          start = g_date_time_new (tz, g_date_time_get_year (start_day),
                                   g_date_time_get_month (start_day),
                                   g_date_time_get_day_of_month (start_day), 0, 0, 0);
          end = g_date_time_new (tz, g_date_time_get_year (end_day),
                                 g_date_time_get_month (end_day),
                                 g_date_time_get_day_of_month (end_day), 0, 0, 0);
        }
      else
        {
          start = date_at_time (start_day, evt_event_get_start (event), tz);
          end = date_at_time (end_day, evt_event_get_end (event), tz);
        }
      evt_event_postpone (after, start, end, reason);
    }

  /* Translators: a toast; %s is the event's title */
  text = g_strdup_printf (_("“%s” postponed"), evt_event_get_title (event));
  write_change (self, event, after, text);
}

static void
postpone_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);
  EvtEvent *event = dup_current_event (self);
  g_autofree char *heading = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list, *row, *tba, *dates, *reason;

  if (event == NULL)
    return;

  tz = event_time_zone (event);
  if (evt_event_get_start (event) != NULL)
    {
      start = g_date_time_to_timezone (evt_event_get_start (event), tz);
      end = g_date_time_to_timezone (evt_event_get_end (event), tz);
    }
  else
    {
      start = g_date_time_new_now (tz);
      end = g_date_time_ref (start);
    }

  /* Translators: the heading of the dialog that postpones an event */
  heading = g_strdup_printf (_("Postpone “%s”?"), evt_event_get_title (event));
  dialog = create_dialog (self, heading,
                          _("The dates first planned are kept and shown beside the new "
                            "ones."),
                          event);

  list = new_boxed_list ();

  row = adw_action_row_new ();
  tba = gtk_check_button_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Date to Be _Announced"));
  name_after_row (tba, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), tba);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), tba);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  dialog_set_widget (dialog, "tba", tba);

  row = adw_action_row_new ();
  dates = gtk_check_button_new ();
  gtk_check_button_set_group (GTK_CHECK_BUTTON (dates), GTK_CHECK_BUTTON (tba));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (dates), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_New Dates"));
  name_after_row (dates, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), dates);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dates);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  dialog_set_widget (dialog, "dates", dates);

  gtk_list_box_append (GTK_LIST_BOX (list),
                       new_date_row (dialog, _("_Starts"), "start", start));
  gtk_list_box_append (GTK_LIST_BOX (list), new_date_row (dialog, _("_Ends"), "end", end));

  reason = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), _("_Reason"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (reason), TRUE);
  if (evt_event_get_status (event) == EVT_STATUS_POSTPONED &&
      evt_event_get_status_reason (event) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (reason), evt_event_get_status_reason (event));
  gtk_list_box_append (GTK_LIST_BOX (list), reason);
  dialog_set_widget (dialog, "reason", reason);

  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Keep Dates"),
                                    "postpone", _("_Postpone"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "postpone", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "postpone");
  adw_message_dialog_set_close_response (dialog, "close");

  g_signal_connect_swapped (tba, "toggled", G_CALLBACK (postpone_update), dialog);
  g_signal_connect (dialog_get_widget (dialog, "start-calendar"), "day-selected",
                    G_CALLBACK (on_start_day_selected), dialog);
  g_signal_connect_swapped (dialog_get_widget (dialog, "end-calendar"), "day-selected",
                            G_CALLBACK (postpone_update), dialog);
  g_signal_connect (reason, "entry-activated", G_CALLBACK (gtk_widget_activate_default),
                    NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_postpone_response), self, 0);
  postpone_update (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Mark as held */

static void
mark_held_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);
  g_autoptr(EvtEvent) event = dup_current_event (self);
  g_autoptr(EvtEvent) after = NULL;
  g_autofree char *text = NULL;

  if (event == NULL)
    return;
  if (evt_event_get_status (event) == EVT_STATUS_HELD)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  after = evt_event_copy (event);
  evt_event_mark_held (after);
  /* Translators: a toast; %s is the event's title */
  text = g_strdup_printf (_("“%s” marked as held"), evt_event_get_title (event));
  write_change (self, event, after, text);
}

/* Delete */

static void
on_delete_records_response (AdwMessageDialog *dialog,
                            const char       *response,
                            EvtWindow        *self)
{
  Write *write = g_object_steal_data (G_OBJECT (dialog), "write");

  if (g_strcmp0 (response, "delete") == 0 && self->store != NULL)
    {
      for (guint i = 0; i < write->steps->len; i++)
        {
          Step *step = g_ptr_array_index (write->steps, i);

          if (step->kind == STEP_DELETE)
            step->kind = STEP_DELETE_FORCE;
        }
      start_write (self, write);
    }
  else
    write_free (write);
}

/* The event has participants or outcomes: ask before they go with it. */
static void
confirm_delete_with_records (EvtWindow  *self,
                             Write      *failed,
                             const char *records)
{
  Step *step = g_ptr_array_index (failed->steps, 0);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  Write *write;

  /* The task owns @failed: the retry gets a write of its own. */
  write = write_new (self, step->event, failed->done_text);
  g_ptr_array_add (write->steps, step_new (step->kind, step->event, step->before));

  /* Translators: the heading of the dialog that deletes an event with records */
  heading = g_strdup_printf (_("Delete “%s” and Its Records?"), failed->title);
  /* Translators: %s lists what the event has: "3 participants and 2 leads" */
  body = g_strdup_printf (_("It has %s. They are deleted with it; undo brings them back "
                            "with the event."), records);
  dialog = create_dialog (self, heading, body, evt_event_copy (step->event));
  g_object_set_data_full (G_OBJECT (dialog), "write", write, (GDestroyNotify) write_free);
  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Keep Event"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_records_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void close_event_page (EvtWindow *self);

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);
  g_autoptr(EvtEvent) event = dup_current_event (self);
  g_autofree char *text = NULL;
  Write *write;

  if (event == NULL)
    return;

  /* Translators: a toast; %s is the event's title */
  text = g_strdup_printf (_("“%s” deleted"), evt_event_get_title (event));
  write = write_new (self, event, text);
  g_ptr_array_add (write->steps, step_new (STEP_DELETE, event, event));
  start_write (self, write);

  /* Nothing left to edit. */
  if (event_page_shown (self))
    close_event_page (self);
}

/* Duplicate */

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);
  g_autoptr(EvtEvent) event = dup_current_event (self);
  g_autoptr(EvtEvent) copy = NULL;
  g_autofree char *text = NULL;
  Write *write;

  if (event == NULL)
    return;

  copy = evt_event_duplicate (event);
  /* Translators: a toast; %s is the event's title */
  text = g_strdup_printf (_("“%s” duplicated"), evt_event_get_title (event));
  write = write_new (self, event, text);
  write->open_after = TRUE;
  g_ptr_array_add (write->steps, step_new (STEP_INSERT, copy, NULL));
  start_write (self, write);
}

/* Plan the next edition: the series is read in a thread, for the rhythm of the show. */

typedef struct
{
  EvtStore *store;
  EvtEvent *event;
} SeriesRequest;

static void
series_request_free (SeriesRequest *request)
{
  g_clear_object (&request->store);
  g_clear_object (&request->event);
  g_free (request);
}

/* Adds to @editions the events of @query in the series of @event, but @event. */
static gboolean
find_editions (EvtStore        *store,
               EvtEvent        *event,
               const EvtQuery  *query,
               GPtrArray       *editions,
               GError         **error)
{
  g_autoptr(GPtrArray) events = evt_store_query (store, query, error);

  if (events == NULL)
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      EvtEvent *other = g_ptr_array_index (events, i);

      if (evt_event_get_id (other) != evt_event_get_id (event) &&
          g_strcmp0 (evt_event_get_series (other), evt_event_get_series (event)) == 0 &&
          evt_event_get_start (other) != NULL)
        g_ptr_array_add (editions, g_object_ref (other));
    }

  return TRUE;
}

static void
series_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SeriesRequest *request = task_data;
  EvtEvent *event = request->event;
  g_autoptr(GPtrArray) editions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (evt_event_get_series (event) != NULL)
    {
      g_autoptr(EvtQuery) query = evt_query_new ();
      int year = g_date_time_get_year (evt_event_get_start (event));

      /* Editions mostly keep their title: the full-text search finds them at once. */
      query->search = g_strdup (evt_event_get_title (event));
      if (!find_editions (request->store, event, query, editions, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      /* Renamed ones are looked for in the years before, where the rhythm shows. */
      if (editions->len == 0)
        {
          g_clear_pointer (&query->search, g_free);
          g_date_set_dmy (&query->from, 1, 1, MAX (year - 6, 1));
          g_date_set_dmy (&query->to, 31, 12, year);
          if (!find_editions (request->store, event, query, editions, &error))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
        }
    }

  g_task_return_int (task, evt_event_guess_edition_years (event, editions));
}

static void
on_plan_response (AdwMessageDialog *dialog,
                  const char       *response,
                  EvtWindow        *self)
{
  EvtEvent *event = g_object_get_data (G_OBJECT (dialog), "event");
  GtkCheckButton *two = GTK_CHECK_BUTTON (dialog_get_widget (dialog, "two-years"));
  g_autoptr(EvtEvent) original = NULL;
  g_autoptr(EvtEvent) next = NULL;
  g_autofree char *text = NULL;
  int years;
  Write *write;

  if (g_strcmp0 (response, "plan") != 0 || self->store == NULL)
    return;

  years = gtk_check_button_get_active (two) ? 2 : 1;
  original = evt_event_copy (event);
  next = evt_event_plan_next_edition (original, years);

  /* Translators: a toast: the event's title, and the year of its next edition */
  text = g_strdup_printf (_("“%s” planned for %d"), evt_event_get_title (next),
                          g_date_time_get_year (evt_event_get_start (next)));
  write = write_new (self, event, text);
  write->open_after = TRUE;
  /* The first edition of a series gets its series too. */
  if (g_strcmp0 (evt_event_get_series (event), evt_event_get_series (original)) != 0)
    g_ptr_array_add (write->steps, step_new (STEP_UPDATE, original, event));
  g_ptr_array_add (write->steps, step_new (STEP_INSERT, next, NULL));
  start_write (self, write);
}

static GtkWidget *
new_years_row (AdwMessageDialog *dialog,
               EvtEvent         *event,
               int               years,
               GtkWidget        *group)
{
  g_autoptr(EvtEvent) next = evt_event_plan_next_edition (event, years);
  g_autofree char *when = evt_format_date_range (evt_event_get_start (next),
                                                 evt_event_get_end (next),
                                                 evt_event_get_all_day (next));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 years == 1 ? _("_Next Year") : _("In _Two Years"));
  name_after_row (check, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (group));
  dialog_set_widget (dialog, years == 1 ? "one-year" : "two-years", check);
  return row;
}

static void
series_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EvtWindow) self = user_data;
  SeriesRequest *request = g_task_get_task_data (G_TASK (result));
  EvtEvent *event = request->event;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(EvtEvent) probe = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  gssize years;

  years = g_task_propagate_int (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->n_writes--;
  if (years < 0)
    {
      /* Translators: reading the other editions failed, and why */
      g_autofree char *message = g_strdup_printf (_("Could not read the series: %s"),
                                                  error->message);
      show_toast (self, message);
      return;
    }

  /* Translators: the heading of the dialog that plans the next edition of a show */
  heading = g_strdup_printf (_("Plan the Next Edition of “%s”"), evt_event_get_title (event));
  dialog = create_dialog (self, heading,
                          _("A tentative copy, on the same weekdays, in the same series."),
                          g_object_ref (event));

  /* plan_next_edition() gives the original a series when it has none: probe a copy. */
  probe = evt_event_copy (event);
  list = new_boxed_list ();
  gtk_list_box_append (GTK_LIST_BOX (list), new_years_row (dialog, probe, 1, NULL));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       new_years_row (dialog, probe, 2, dialog_get_widget (dialog, "one-year")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (dialog_get_widget (dialog, years >= 2 ?
                                                                            "two-years" :
                                                                            "one-year")),
                               TRUE);
  adw_message_dialog_set_extra_child (dialog, list);

  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Cancel"),
                                    "plan", _("_Plan"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "plan", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "plan");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_plan_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
plan_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);
  g_autoptr(EvtEvent) event = dup_current_event (self);
  g_autoptr(GTask) task = NULL;
  SeriesRequest *request;

  if (event == NULL)
    return;
  if (evt_event_get_start (event) == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  request = g_new0 (SeriesRequest, 1);
  request->store = g_object_ref (self->store);
  request->event = g_steal_pointer (&event);

  self->n_writes++;
  task = g_task_new (NULL, self->cancellable, series_done, g_object_ref (self));
  g_task_set_source_tag (task, plan_next_action);
  g_task_set_task_data (task, request, (GDestroyNotify) series_request_free);
  g_task_run_in_thread (task, series_thread);
}

/* The event page */

static void
focus_view (EvtWindow *self)
{
  const char *view = get_view (self);

  if (g_strcmp0 (view, "year") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->year_view));
  else if (g_strcmp0 (view, "list") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (evt_list_view_get_column_view (self->list_view)));
  else if (g_strcmp0 (view, "agenda") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->agenda_view));
}

static void
on_leaflet_child_changed (EvtWindow *self)
{
  /* Back on the main page, by Back, Escape or a swipe over a clean page. */
  if (!event_page_shown (self) && self->page != NULL)
    {
      g_clear_object (&self->page_event);
      focus_view (self);
    }

  update_event_actions (self);
}

static void
close_event_page (EvtWindow *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "main");
  g_clear_object (&self->page_event);
  update_event_actions (self);
}

static void ensure_page (EvtWindow *self);

/* Shows @event in the event page, or a new event when %NULL. */
static void
edit_in_page (EvtWindow *self,
              EvtEvent  *event)
{
  ensure_page (self);
  if (self->page == NULL)
    return;

  g_clear_object (&self->page_event);
  if (event != NULL)
    self->page_event = evt_event_copy (event);
  /* Shown first, so that the page can give its title row the focus. */
  adw_leaflet_set_visible_child_name (self->leaflet, "event");
  evt_event_page_edit (self->page, event);
  update_event_actions (self);
}

static void
open_event (EvtWindow *self,
            EvtEvent  *event)
{
  if (self->store == NULL || event == NULL)
    return;

  /* Never drop unsaved edits: the page asks first, then the user opens again. */
  if (event_page_shown (self) && evt_event_page_get_dirty (self->page))
    {
      evt_event_page_request_close (self->page);
      return;
    }

  edit_in_page (self, event);
}

static void
open_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);
  g_autoptr(EvtEvent) event = dup_current_event (self);

  if (event != NULL)
    open_event (self, event);
}

static void
on_event_activated (EvtWindow *self,
                    EvtEvent  *event)
{
  open_event (self, event);
}

/* People: an organisation's event or a follow-up's opens by its id, read in a thread. */
static void
read_event_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  EvtEvent *event = evt_store_get_event (source_object, *(gint64 *) task_data, &error);

  if (event != NULL)
    g_task_return_pointer (task, event, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
on_event_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(EvtWindow) self = user_data;
  g_autoptr(EvtEvent) event = g_task_propagate_pointer (G_TASK (result), NULL);

  if (event != NULL && self->store == EVT_STORE (source))
    open_event (self, event);
}

static void
on_people_event_activated (EvtWindow *self,
                           gint64     event_id)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL)
    return;
  task = g_task_new (self->store, NULL, on_event_read, g_object_ref (self));
  g_task_set_source_tag (task, on_people_event_activated);
  g_task_set_task_data (task, g_memdup2 (&event_id, sizeof event_id), g_free);
  g_task_run_in_thread (task, read_event_thread);
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);

  if (self->store == NULL || self->failed)
    return;

  if (event_page_shown (self) && evt_event_page_get_dirty (self->page))
    {
      evt_event_page_request_close (self->page);
      return;
    }

  edit_in_page (self, NULL);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);

  /* Through the page, which asks about unsaved changes, then says "closed". */
  if (event_page_shown (self) && self->page != NULL)
    evt_event_page_request_close (self->page);
}

static void
on_page_closed (EvtWindow *self)
{
  if (event_page_shown (self))
    close_event_page (self);
}

static void
on_page_saved (EvtWindow *self,
               EvtEvent  *saved)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  g_autofree char *text = NULL;

  /* What undo does: give back the event as it was opened, or take away a new one. */
  if (self->page_event != NULL && evt_event_get_id (self->page_event) > 0)
    g_ptr_array_add (steps, step_new (STEP_UPDATE, saved, self->page_event));
  else
    g_ptr_array_add (steps, step_new (STEP_INSERT, saved, NULL));

  /* Translators: a toast; %s is the event's title */
  text = g_strdup_printf (_("“%s” saved"), evt_event_get_title (saved));
  show_undo_toast (self, text, steps);

  if (event_page_shown (self))
    close_event_page (self);
}

static void
on_page_dirty_changed (EvtWindow *self)
{
  update_event_actions (self);
}

/* Made when first opened: a window that only shows the year starts sooner. */
static void
ensure_page (EvtWindow *self)
{
  if (self->page != NULL || self->store == NULL)
    return;

  self->page = evt_event_page_new (self->store);
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_box_prepend (self->event_box, GTK_WIDGET (self->page));

  g_signal_connect_object (self->page, "saved", G_CALLBACK (on_page_saved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page, "closed", G_CALLBACK (on_page_closed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page, "notify::dirty", G_CALLBACK (on_page_dirty_changed),
                           self, G_CONNECT_SWAPPED);

  /* Swipes and Alt+Left only go back by themselves when nothing would be lost;
   * otherwise Alt+Left goes through the page, which asks. */
  g_object_bind_property (self->page, "dirty", self->leaflet, "can-navigate-back",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
}

/* After a write, the page follows the event it shows. */
static void
sync_page (EvtWindow *self,
           GPtrArray *steps)
{
  if (!event_page_shown (self) || self->page_event == NULL)
    return;

  for (guint i = 0; i < steps->len; i++)
    {
      Step *step = g_ptr_array_index (steps, i);

      if (evt_event_get_id (step->event) != evt_event_get_id (self->page_event))
        continue;

      if (step->kind == STEP_DELETE || step->kind == STEP_DELETE_FORCE)
        close_event_page (self);
      else if (step->kind == STEP_UPDATE && !evt_event_page_get_dirty (self->page))
        {
          g_set_object (&self->page_event, step->event);
          evt_event_page_edit (self->page, step->event);
          update_event_actions (self);
        }
    }
}

static void
event_menu_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);

  if (event_page_shown (self))
    {
      if (gtk_revealer_get_reveal_child (self->page_bar_revealer))
        gtk_menu_button_popup (self->page_menu_button);
    }
  else if (gtk_revealer_get_reveal_child (self->event_bar_revealer))
    gtk_menu_button_popup (self->event_menu_button);
  else if (g_strcmp0 (get_view (self), "year") == 0 &&
           evt_year_view_get_focused_event (self->year_view) != NULL)
    {
      GDateTime *start = evt_event_get_start (evt_year_view_get_focused_event (self->year_view));
      double y = 0, height = 0;

      /* Under the month of the event that has the focus. */
      if (start != NULL &&
          g_date_time_get_year (start) == self->year &&
          evt_year_view_get_month_bounds (self->year_view, g_date_time_get_month (start),
                                          &y, &height))
        evt_context_menu_popup (GTK_WIDGET (self->year_view), self->event_menu,
                                gtk_widget_get_width (GTK_WIDGET (self->year_view)) / 2.0,
                                y + height);
      else
        evt_context_menu_popup (GTK_WIDGET (self->year_view), self->event_menu, -1, -1);
    }
  else
    gtk_widget_error_bell (widget);
}

/* Import and export (ui/evt-import-controller.c, ui/evt-export-dialog.c) */

/* The import's progress banner, and the drop target for .ics files on the window. */
static void
setup_import (EvtWindow *self)
{
  GtkDropTarget *target;

  self->import_controller = evt_import_controller_new (GTK_WINDOW (self), self->toast_overlay);
  evt_window_add_banner (self, evt_import_banner_new (self->import_controller));
  target = evt_import_controller_create_drop_target (self->import_controller);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  evt_import_controller_open (EVT_WINDOW (widget)->import_controller);
}

/* The events shown: the list's, with its filters, or the year's. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvtWindow *self = EVT_WINDOW (widget);
  const EvtQuery *query = NULL;
  EvtExportDialog *dialog;

  if (self->store == NULL)
    return;

  if (g_strcmp0 (evt_window_get_view (self), "list") == 0 && self->list_view != NULL)
    query = evt_event_list_get_query (evt_list_view_get_event_list (self->list_view));
  else if (self->list != NULL)
    query = evt_event_list_get_query (self->list);

  dialog = evt_export_dialog_new (GTK_WINDOW (self), self->store, query, NULL,
                                  self->toast_overlay);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window's size and last view are kept between runs. */

static void
restore_settings (EvtWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *view = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  /* Run from the build directory without its schema: nothing to remember. */
  if (schema == NULL)
    return;

  self->settings = g_settings_new_full (schema, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (self->settings, "last-view");
  if (is_view_name (view))
    {
      self->restoring_view = TRUE;
      adw_view_stack_set_visible_child_name (self->view_stack, view);
      self->restoring_view = FALSE;
    }
}

static gboolean
evt_window_close_request (GtkWindow *window)
{
  EvtWindow *self = EVT_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      /* The default size is the size the window has when not maximized. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (evt_window_parent_class)->close_request (window);
}

static void
evt_window_dispose (GObject *object)
{
  EvtWindow *self = (EvtWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->slow_source, g_source_remove);
  g_clear_handle_id (&self->shown_source, g_source_remove);
  g_clear_handle_id (&self->header_idle, g_source_remove);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  set_dialog (self, NULL);

  if (self->import_controller != NULL)
    evt_import_controller_cancel (self->import_controller);
  g_clear_object (&self->import_controller);

  /* Held by their bins, which the template disposes of. */
  self->list_view = NULL;
  self->agenda_view = NULL;
  self->organisations_view = NULL;
  self->followups_view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_WINDOW);

  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->page_event);
  g_clear_object (&self->last_toast_object);
  g_clear_pointer (&self->sectors, g_hash_table_unref);
  g_clear_pointer (&self->undo_steps, g_hash_table_unref);

  G_OBJECT_CLASS (evt_window_parent_class)->dispose (object);
}

static void
evt_window_finalize (GObject *object)
{
  EvtWindow *self = (EvtWindow *)object;

  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (evt_window_parent_class)->finalize (object);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accelerator,
              const char            *action_name,
              GVariant              *arguments)
{
  GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (accelerator);
  GtkShortcut *shortcut = gtk_shortcut_new (trigger, gtk_named_action_new (action_name));

  if (arguments != NULL)
    gtk_shortcut_set_arguments (shortcut, arguments);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
evt_window_class_init (EvtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = evt_window_dispose;
  object_class->finalize = evt_window_finalize;
  widget_class->realize = evt_window_realize;
  widget_class->size_allocate = evt_window_size_allocate;
  window_class->close_request = evt_window_close_request;

  /**
   * EvtWindow::year-shown:
   * @self: the window
   *
   * Once, when a frame has shown the year first read (or a second after it was read,
   * should the window not draw): what can wait for the start-up may start.
   */
  signals[SIGNAL_YEAR_SHOWN] =
    g_signal_new ("year-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  /* The types of the template's widgets; the other views are made in code. */
  g_type_ensure (EVT_TYPE_HEADER_SWITCHER);
  g_type_ensure (EVT_TYPE_YEAR_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/eventail/Eventail/evt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, year_navigation);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, today_button);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, year_heading);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, year_label);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, event_menu);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, banner_box);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, year_scroller);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, year_view);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, list_bin);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, organisations_bin);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, followups_page);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, followups_bin);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, agenda_bin);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, empty_db_page);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, error_path_label);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, event_bar_revealer);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, event_bar_label);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, event_menu_button);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, event_box);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, page_bar_revealer);
  gtk_widget_class_bind_template_child (widget_class, EvtWindow, page_menu_button);

  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_event_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_child_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_bar_child_revealed);

  gtk_widget_class_install_action (widget_class, "win.previous-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "win.next-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "win.current-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-event", NULL, new_event_action);
  gtk_widget_class_install_action (widget_class, "win.open-event", NULL, open_event_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-event", NULL,
                                   duplicate_action);
  gtk_widget_class_install_action (widget_class, "win.plan-next-edition", NULL,
                                   plan_next_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-event", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "win.postpone-event", NULL, postpone_action);
  gtk_widget_class_install_action (widget_class, "win.mark-held", NULL, mark_held_action);
  gtk_widget_class_install_action (widget_class, "win.delete-event", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.event-menu", NULL, event_menu_action);
  gtk_widget_class_install_action (widget_class, "win.undo", "u", undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-last", NULL, undo_last_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
}

static void
create_menu_popup (GtkMenuButton *button,
                   gpointer       menu)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu);
}

/* A popover menu is a tree of widgets: built with the window, the three cost its first
 * frame some milliseconds. GTK calls create_menu_popup() as the button opens. */
static void
set_lazy_menu (GtkMenuButton *button,
               GMenuModel    *menu)
{
  gtk_menu_button_set_create_popup_func (button, create_menu_popup, g_object_ref (menu),
                                         g_object_unref);
}

static void
evt_window_init (EvtWindow *self)
{
  GtkShortcutController *shortcuts;

  self->db_count = -1;
  self->year = get_current_year ();
  self->cancellable = g_cancellable_new ();
  self->undo_steps = g_hash_table_new_full (NULL, NULL, NULL,
                                            (GDestroyNotify) g_ptr_array_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  set_lazy_menu (GTK_MENU_BUTTON (self->menu_button), self->primary_menu);
  set_lazy_menu (self->event_menu_button, self->event_menu);
  set_lazy_menu (self->page_menu_button, self->event_menu);
  setup_import (self);

  g_signal_connect_swapped (self->switcher_title, "notify::title-visible",
                            G_CALLBACK (on_title_visible_changed), self);

  /* In the capture phase, so that a list row or an entry does not take them. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (shortcuts),
                                              GTK_PHASE_CAPTURE);
  add_shortcut (shortcuts, "<Control>Page_Up", "win.previous-year", NULL);
  add_shortcut (shortcuts, "<Control>Page_Down", "win.next-year", NULL);
  add_shortcut (shortcuts, "<Control>t", "win.current-year", NULL);
  add_shortcut (shortcuts, "<Control>w", "window.close", NULL);
  add_shortcut (shortcuts, "<Control>n", "win.new-event", NULL);
  add_shortcut (shortcuts, "<Control>d", "win.duplicate-event", NULL);
  add_shortcut (shortcuts, "<Shift><Control>n", "win.plan-next-edition", NULL);
  add_shortcut (shortcuts, "<Control>f", "win.search", NULL);
  add_shortcut (shortcuts, "<Control>o", "win.import", NULL);
  add_shortcut (shortcuts, "<Control>e", "win.export", NULL);
  add_shortcut (shortcuts, "<Control>1", "win.show-view", g_variant_new_string ("year"));
  add_shortcut (shortcuts, "<Control>2", "win.show-view", g_variant_new_string ("list"));
  add_shortcut (shortcuts, "<Control>3", "win.show-view", g_variant_new_string ("agenda"));
  add_shortcut (shortcuts, "<Control>4", "win.show-view", g_variant_new_string ("organisations"));
  add_shortcut (shortcuts, "<Control>5", "win.show-view", g_variant_new_string ("followups"));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));

  /* In the bubble phase: an entry keeps Delete and Escape for itself. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  add_shortcut (shortcuts, "Delete", "win.delete-event", NULL);
  add_shortcut (shortcuts, "<Control>z", "win.undo-last", NULL);
  add_shortcut (shortcuts, "Escape", "win.go-back", NULL);
  add_shortcut (shortcuts, "<Alt>Left", "win.go-back", NULL);
  add_shortcut (shortcuts, "<Shift>F10", "win.event-menu", NULL);
  add_shortcut (shortcuts, "Menu", "win.event-menu", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));

  g_signal_connect (self, "notify::default-width", G_CALLBACK (on_default_width_changed), NULL);
  restore_settings (self);
  on_default_width_changed (self);
  on_view_changed (self);
  update_actions (self);
  update_page (self);
}

/**
 * evt_window_new:
 * @application: (nullable): the application
 * @year: the year to show first
 *
 * Creates a window that waits for its store: see evt_window_set_store() and
 * evt_window_show_error().
 *
 * Returns: (transfer full): a new window
 */
EvtWindow *
evt_window_new (GtkApplication *application,
                int             year)
{
  EvtWindow *self;

  self = g_object_new (EVT_TYPE_WINDOW, "application", application, NULL);
  evt_window_set_year (self, year);

  return self;
}

/**
 * evt_window_get_store:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the store shown, %NULL until it is open
 */
EvtStore *
evt_window_get_store (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * evt_window_get_year_shown:
 * @self: a window
 *
 * Returns: whether #EvtWindow::year-shown was emitted
 */
gboolean
evt_window_get_year_shown (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), FALSE);

  return self->year_shown;
}

/**
 * evt_window_set_store:
 * @self: a window
 * @store: an open store
 *
 * Shows the events of @store, reading them in worker threads.
 */
void
evt_window_set_store (EvtWindow *self,
                      EvtStore  *store)
{
  evt_window_set_store_full (self, store, NULL);
}

/**
 * evt_window_set_store_full:
 * @self: a window
 * @store: an open store
 * @events: (nullable): a list of @store's events, for the window to use: when it was
 *   asked for the window's year (evt_query_set_year() alone), what it has read or is
 *   reading is shown at once
 *
 * Shows the events of @store, reading them in worker threads. The application asks
 * for the year while the store opens and the window is built (evt_store_open_async()).
 */
void
evt_window_set_store_full (EvtWindow    *self,
                           EvtStore     *store,
                           EvtEventList *events)
{
  g_return_if_fail (EVT_IS_WINDOW (self));
  g_return_if_fail (EVT_IS_STORE (store));
  g_return_if_fail (events == NULL || evt_event_list_get_store (events) == store);
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->failed = FALSE;
  self->list = events != NULL ? g_object_ref (events) : evt_event_list_new (store);

  g_signal_connect_swapped (self->list, "notify::loading",
                            G_CALLBACK (on_list_loading_changed), self);
  g_signal_connect_swapped (self->list, "notify::error", G_CALLBACK (update_page), self);
  g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (update_page), self);
  g_signal_connect_swapped (self->store, "changed", G_CALLBACK (on_store_changed), self);

  update_agenda_model (self);
  evt_year_view_set_model (self->year_view, G_LIST_MODEL (self->list));
  update_list_store (self);
  evt_import_controller_set_store (self->import_controller, store);

  refresh_info (self);
  load_year (self);
  watch_year_shown (self);
  update_people_stores (self);
  update_actions (self);
  update_page (self);
}

/**
 * evt_window_show_error:
 * @self: a window
 * @path: the database file
 * @error: why it could not be opened
 *
 * Shows why the store could not be opened, instead of events.
 */
void
evt_window_show_error (EvtWindow    *self,
                       const char   *path,
                       const GError *error)
{
  const char *title = _("Could Not Open the Database");
  g_autofree char *description = NULL;

  g_return_if_fail (EVT_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, EVT_STORE_ERROR, EVT_STORE_ERROR_TOO_NEW))
    title = _("Database From a Newer Eventail");
  else if (g_error_matches (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_DATABASE))
    title = _("Not an Eventail Database");

  self->failed = TRUE;
  adw_status_page_set_title (self->error_page, title);
  description = g_markup_escape_text (error->message, -1);
  adw_status_page_set_description (self->error_page, description);
  gtk_label_set_text (self->error_path_label, path);

  update_actions (self);
  update_page (self);
}

/**
 * evt_window_get_year:
 * @self: a window
 *
 * Returns: the year shown
 */
int
evt_window_get_year (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), 0);

  return self->year;
}

/**
 * evt_window_set_year:
 * @self: a window
 * @year: the year to show, clamped to what the window can show
 *
 * Shows the events of @year: only that year is read from the store.
 */
void
evt_window_set_year (EvtWindow *self,
                     int        year)
{
  g_return_if_fail (EVT_IS_WINDOW (self));

  year = CLAMP (year, EVT_WINDOW_MIN_YEAR, EVT_WINDOW_MAX_YEAR);
  if (year == self->year && self->list != NULL &&
      g_date_valid (&evt_event_list_get_query (self->list)->from))
    return;

  self->year = year;
  load_year (self);
  update_actions (self);
  update_page (self);
}

/**
 * evt_window_get_view:
 * @self: a window
 *
 * Returns: the view shown: "year", "list", "agenda", "organisations" or "followups"
 */
const char *
evt_window_get_view (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return get_view (self);
}

/**
 * evt_window_set_view:
 * @self: a window
 * @view: "year", "list", "agenda", "organisations" or "followups"
 *
 * Shows @view, and remembers it for the next start.
 */
void
evt_window_set_view (EvtWindow  *self,
                     const char *view)
{
  g_return_if_fail (EVT_IS_WINDOW (self));
  g_return_if_fail (is_view_name (view));

  if (event_page_shown (self))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, view);
}

/**
 * evt_window_get_toast_overlay:
 * @self: a window
 *
 * Returns: (transfer none): the overlay where the window's toasts are shown, for the
 *   dialogs that report to it
 */
AdwToastOverlay *
evt_window_get_toast_overlay (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return self->toast_overlay;
}

/**
 * evt_window_add_banner:
 * @self: a window
 * @banner: a widget, such as the progress of an import
 *
 * Shows @banner between the header bar and the views.
 */
void
evt_window_add_banner (EvtWindow *self,
                       GtkWidget *banner)
{
  g_return_if_fail (EVT_IS_WINDOW (self));
  g_return_if_fail (GTK_IS_WIDGET (banner));

  gtk_box_append (self->banner_box, banner);
}

/* Private API, for the tests */

/**
 * evt_window_get_event_list:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the events of the year, %NULL before the store
 *   is open
 */
EvtEventList *
evt_window_get_event_list (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return self->list;
}

/**
 * evt_window_get_page:
 * @self: a window
 *
 * Returns: the state of the window: "loading", "events", "empty-year", "empty-db" or
 *   "error"
 */
const char *
evt_window_get_page (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return evt_window_page_to_string (self->page_state);
}

/**
 * evt_window_is_busy:
 * @self: a window
 *
 * Returns: %TRUE while the window waits for its store, a read, a write or the sample
 *   data
 */
gboolean
evt_window_is_busy (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), FALSE);

  if (self->failed)
    return FALSE;

  return self->store == NULL ||
         evt_event_list_get_loading (self->list) ||
         (self->list_view != NULL && evt_list_view_is_busy (self->list_view)) ||
         self->info_pending ||
         self->loading_sample ||
         self->n_writes > 0;
}

/**
 * evt_window_get_rows:
 * @self: a window
 *
 * Returns: (transfer container) (element-type EvtEventRow): the agenda's rows, in order
 */
GPtrArray *
evt_window_get_rows (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), g_ptr_array_new ());

  if (self->agenda_view == NULL)
    return g_ptr_array_new ();

  return evt_agenda_view_get_rows (self->agenda_view);
}

/**
 * evt_window_get_subtitle:
 * @self: a window
 *
 * Returns: (transfer none): the subtitle under the year, "12 events"
 */
const char *
evt_window_get_subtitle (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return evt_header_switcher_get_subtitle (self->switcher_title);
}

/**
 * evt_window_get_last_toast:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the title of the last toast shown
 */
const char *
evt_window_get_last_toast (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return self->last_toast;
}

/**
 * evt_window_get_last_toast_object:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the last toast shown, until it is dismissed
 */
AdwToast *
evt_window_get_last_toast_object (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return self->last_toast_object;
}

/**
 * evt_window_get_dialog:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the dialog an action opened, while it is open
 */
AdwMessageDialog *
evt_window_get_dialog (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return self->dialog;
}

/**
 * evt_window_get_dialog_widget:
 * @self: a window
 * @name: "reason", "tba", "dates", "start-calendar", "end-calendar", "one-year",
 *   "two-years"
 *
 * Returns: (transfer none) (nullable): that widget of the open dialog
 */
GtkWidget *
evt_window_get_dialog_widget (EvtWindow  *self,
                              const char *name)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return self->dialog != NULL ? dialog_get_widget (self->dialog, name) : NULL;
}

/**
 * evt_window_get_current_event:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the event the actions apply to
 */
EvtEvent *
evt_window_get_current_event (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return get_current_event (self);
}

/**
 * evt_window_select_event:
 * @self: a window
 * @event: an event of the year
 *
 * Selects @event in the agenda, or gives it the focus in the year view.
 *
 * Returns: %TRUE if it was found
 */
gboolean
evt_window_select_event (EvtWindow *self,
                         EvtEvent  *event)
{
  const char *view;

  g_return_val_if_fail (EVT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (EVT_IS_EVENT (event), FALSE);

  view = get_view (self);
  if (g_strcmp0 (view, "year") == 0)
    {
      gboolean found = evt_year_view_focus_event (self->year_view, event);

      update_event_actions (self);
      return found;
    }

  if (g_strcmp0 (view, "agenda") == 0)
    return evt_agenda_view_select_event (self->agenda_view, event);

  return FALSE;
}

/**
 * evt_window_get_import_controller:
 * @self: a window
 *
 * Returns: (transfer none): what imports the .ics files opened or dropped on the window
 */
EvtImportController *
evt_window_get_import_controller (EvtWindow *self)
{
  g_return_val_if_fail (EVT_IS_WINDOW (self), NULL);

  return self->import_controller;
}
