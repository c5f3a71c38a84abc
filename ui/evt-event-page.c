/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-event-page.c: the page that edits one event and saves it through the store. */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "evt-date-format.h"
#include "evt-date.h"
#include "evt-event-page-private.h"
#include "evt-money.h"
#include "evt-outcomes-section.h"
#include "evt-participants-section.h"
#include "evt-people-common.h"
#include "evt-planning.h"

/*
 * The page edits a copy of an event and saves only when asked (Save, Ctrl+S, Enter in
 * a text row): leaving with unsaved changes asks first (evt_event_page_request_close()).
 * Whether there are changes is not a flag that edits set: the widgets are read back
 * into an event and compared with what they showed after loading, so that an edit
 * undone by hand leaves the page clean.
 *
 * The store is the one judge of what is valid: a save that it refuses shows its
 * message under the field it names. Dates are also checked by the store as they are
 * edited (that check reads no table), so that an end before the start shows at once.
 */

/* Where a new event starts, and what the time buttons show for an all-day one. */
#define DEFAULT_START_HOUR 9
#define DEFAULT_END_HOUR   10

#define DOT_SIZE 12

struct _EvtEventPage
{
  GtkWidget          parent_instance;

  EvtStore          *store;
  EvtEvent          *event;        /* as loaded or last saved: the base of every edit */
  EvtEvent          *pristine;     /* the widgets read back right after loading */
  EvtEvent          *discarded;    /* the edits the last "discard" threw away, for undo */
  GPtrArray         *sectors;      /* EvtSector, as the store lists them */
  GPtrArray         *sector_checks;/* GtkCheckButton, one per sector, "slug" in its data */
  GHashTable        *errors;       /* field name → FieldError */
  GCancellable      *cancellable;
  AdwMessageDialog  *close_dialog;
  GtkStringList     *timezones;    /* zone identifiers */
  GTimeZone         *tz;           /* the selected zone, kept: GLib caches it while held */
  char              *tzid;
  GDate              start_day;
  GDate              end_day;
  GtkWidget         *scroll_target;/* a field to bring into view after the next layout */
  guint              scroll_tick;
  guint              generation;   /* bumped by each evt_event_page_edit() */
  guint              loading : 1;  /* widgets being filled: their changes are not edits */
  guint              syncing : 1;  /* a calendar being set from the page, not the user */
  guint              unsaved_new : 1;
  guint              dirty : 1;
  guint              saving : 1;
  guint              sectors_loading : 1;
  guint              sectors_reload : 1;

  /* Template children */
  GtkWidget         *page_box;
  AdwWindowTitle    *window_title;
  GtkWidget         *save_button;
  GtkWidget         *discard_button;
  GtkWidget         *save_error_box;
  GtkLabel          *save_error_label;
  GtkScrolledWindow *scrolled_window;
  AdwEntryRow       *title_row;
  AdwComboRow       *kind_row;
  AdwComboRow       *status_row;
  AdwEntryRow       *reason_row;
  AdwComboRow       *visibility_row;
  AdwActionRow      *all_day_row;
  GtkSwitch         *all_day_switch;
  AdwActionRow      *start_row;
  GtkMenuButton     *start_date_button;
  GtkPopover        *start_date_popover;
  GtkCalendar       *start_calendar;
  GtkMenuButton     *start_time_button;
  GtkSpinButton     *start_hour_spin;
  GtkSpinButton     *start_minute_spin;
  AdwActionRow      *end_row;
  GtkMenuButton     *end_date_button;
  GtkPopover        *end_date_popover;
  GtkCalendar       *end_calendar;
  GtkMenuButton     *end_time_button;
  GtkSpinButton     *end_hour_spin;
  GtkSpinButton     *end_minute_spin;
  AdwActionRow      *timezone_row;
  GtkDropDown       *timezone_dropdown;
  AdwActionRow      *original_row;
  AdwEntryRow       *venue_row;
  AdwEntryRow       *city_row;
  AdwEntryRow       *country_row;
  AdwEntryRow       *organiser_row;
  AdwEntryRow       *partners_row;
  AdwPreferencesGroup *sectors_group;
  AdwEntryRow       *url_row;
  AdwEntryRow       *budget_row;
  GtkTextView       *description_view;
  GtkTextView       *notes_view;
  GtkLabel          *metadata_label;

  /* People: the participants and outcomes of a saved event, under its fields. */
  EvtParticipantsSection *participants_section;
  EvtOutcomesSection *outcomes_section;
};

G_DEFINE_FINAL_TYPE (EvtEventPage, evt_event_page, GTK_TYPE_WIDGET)

G_DEFINE_QUARK (evt-event-page-error-quark, evt_event_page_error)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DIRTY,
  N_PROPS
};

enum {
  SAVED,
  CLOSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* An error shown under a field: the field's widget carries .error, the message sits
 * in a row (or a label) right below it. */
typedef struct
{
  GtkWidget *target;
  GtkWidget *message;
  GtkLabel  *label;
} FieldError;

/* The fields whose errors the live check of the dates owns. */
static const char * const date_fields[] = {
  "start", "end", "timezone", "original-start", "original-end", NULL
};

/* Zones planners meet: France and its overseas territories first in mind, then the
 * places the cluster's trade shows and partners are. Any other zone an event already
 * has is added to the list when the event is loaded. */
static const char * const common_timezones[] = {
  "UTC",
  "Africa/Abidjan", "Africa/Algiers", "Africa/Cairo", "Africa/Casablanca",
  "Africa/Dakar", "Africa/Johannesburg", "Africa/Lagos", "Africa/Nairobi", "Africa/Tunis",
  "America/Argentina/Buenos_Aires", "America/Bogota", "America/Cayenne", "America/Chicago",
  "America/Denver", "America/Guadeloupe", "America/Los_Angeles", "America/Martinique",
  "America/Mexico_City", "America/Montreal", "America/New_York", "America/Santiago",
  "America/Sao_Paulo", "America/Toronto", "America/Vancouver",
  "Asia/Bangkok", "Asia/Dubai", "Asia/Ho_Chi_Minh", "Asia/Hong_Kong", "Asia/Jakarta",
  "Asia/Jerusalem", "Asia/Kolkata", "Asia/Qatar", "Asia/Riyadh", "Asia/Seoul",
  "Asia/Shanghai", "Asia/Singapore", "Asia/Taipei", "Asia/Tokyo",
  "Atlantic/Reykjavik",
  "Australia/Melbourne", "Australia/Perth", "Australia/Sydney",
  "Europe/Amsterdam", "Europe/Athens", "Europe/Berlin", "Europe/Brussels",
  "Europe/Bucharest", "Europe/Budapest", "Europe/Copenhagen", "Europe/Dublin",
  "Europe/Helsinki", "Europe/Istanbul", "Europe/Kyiv", "Europe/Lisbon", "Europe/London",
  "Europe/Luxembourg", "Europe/Madrid", "Europe/Monaco", "Europe/Oslo", "Europe/Paris",
  "Europe/Prague", "Europe/Rome", "Europe/Stockholm", "Europe/Vienna", "Europe/Warsaw",
  "Europe/Zurich",
  "Indian/Mayotte", "Indian/Reunion",
  "Pacific/Auckland", "Pacific/Noumea", "Pacific/Tahiti",
};

static void update_state      (EvtEventPage *self);
static void load_sectors      (EvtEventPage *self);
static void load_widgets      (EvtEventPage *self,
                               EvtEvent     *event);

/* Helpers */

static gboolean
strv_contains (const char * const *strv,
               const char         *str)
{
  return strv != NULL && g_strv_contains (strv, str);
}

static gboolean
same_string (const char *a,
             const char *b)
{
  return g_strcmp0 (a != NULL && *a != '\0' ? a : NULL, b != NULL && *b != '\0' ? b : NULL) == 0;
}

static gboolean
same_time (GDateTime *a,
           GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

static gboolean
same_sectors (const char * const *a,
              const char * const *b)
{
  guint na = a != NULL ? g_strv_length ((char **) a) : 0;
  guint nb = b != NULL ? g_strv_length ((char **) b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (!strv_contains (b, a[i]))
      return FALSE;
  return TRUE;
}

/* Whether two events differ in a field that the page edits. */
static gboolean
same_edits (EvtEvent *a,
            EvtEvent *b)
{
  return same_string (evt_event_get_title (a), evt_event_get_title (b)) &&
         evt_event_get_kind (a) == evt_event_get_kind (b) &&
         evt_event_get_status (a) == evt_event_get_status (b) &&
         same_string (evt_event_get_status_reason (a), evt_event_get_status_reason (b)) &&
         evt_event_get_all_day (a) == evt_event_get_all_day (b) &&
         same_time (evt_event_get_start (a), evt_event_get_start (b)) &&
         same_time (evt_event_get_end (a), evt_event_get_end (b)) &&
         same_string (evt_event_get_timezone (a), evt_event_get_timezone (b)) &&
         same_time (evt_event_get_original_start (a), evt_event_get_original_start (b)) &&
         same_time (evt_event_get_original_end (a), evt_event_get_original_end (b)) &&
         same_string (evt_event_get_venue (a), evt_event_get_venue (b)) &&
         same_string (evt_event_get_city (a), evt_event_get_city (b)) &&
         same_string (evt_event_get_country (a), evt_event_get_country (b)) &&
         same_string (evt_event_get_organiser (a), evt_event_get_organiser (b)) &&
         same_string (evt_event_get_partners (a), evt_event_get_partners (b)) &&
         same_sectors (evt_event_get_sectors (a), evt_event_get_sectors (b)) &&
         same_string (evt_event_get_url (a), evt_event_get_url (b)) &&
         same_string (evt_event_get_description (a), evt_event_get_description (b)) &&
         same_string (evt_event_get_notes (a), evt_event_get_notes (b)) &&
         evt_event_get_budget_cents (a) == evt_event_get_budget_cents (b) &&
         evt_event_get_visibility (a) == evt_event_get_visibility (b);
}

static gboolean
status_has_reason (EvtStatus status)
{
  return status == EVT_STATUS_CANCELLED || status == EVT_STATUS_POSTPONED;
}

static const char *
non_empty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GTimeZone *
page_timezone (const char *tzid)
{
  GTimeZone *tz = evt_timezone_new (tzid, NULL);

  /* An unknown zone stays in the field, where the store's check names it; the dates
   * still need a zone to be built in. */
  return tz != NULL ? tz : g_time_zone_new_utc ();
}

#define BUDGET_UNREADABLE \
  _("Budget: write an amount in euros with at most two decimals, e.g. 1500 or 1500.50")

/* Budget: euros as people type them (evt_money_parse()). An event cannot hold a
 * negative budget at all (its setter refuses it), so the page says so itself.
 * Returns: %NULL when read, else why not */
static const char *
parse_budget (const char *text,
              gint64     *cents)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (copy[0] == '-' || g_str_has_prefix (copy, "−"))
    return _("Budget: a budget cannot be negative");
  if (!evt_money_parse (copy, cents))
    return BUDGET_UNREADABLE;
  return NULL;
}

/* "Paris (Europe)": what the time zone list shows and what typing searches, city first. */
static char *
timezone_label (const char *tzid)
{
  const char *slash = tzid != NULL ? strrchr (tzid, '/') : NULL;
  g_autofree char *city = NULL;
  g_autofree char *region = NULL;

  if (slash == NULL)
    return g_strdup (tzid != NULL ? tzid : "");

  city = g_strdelimit (g_strdup (slash + 1), "_", ' ');
  region = g_strdelimit (g_strndup (tzid, slash - tzid), "_", ' ');
  /* Translators: a time zone in a list: its city, then its region, "Paris (Europe)" */
  return g_strdup_printf (C_("time zone", "%s (%s)"), city, region);
}

static char *
timezone_item_label (GtkStringObject *item)
{
  return timezone_label (gtk_string_object_get_string (item));
}

static char *
timezone_search_string (GtkStringObject *item,
                        gpointer         user_data)
{
  return item != NULL ? timezone_item_label (item) : NULL;
}

static char *
format_timestamp (GDateTime *dt)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (dt);
  g_autofree char *day = evt_format_date (local);
  /* Translators: a time of day, see g_date_time_format() */
  g_autofree char *time = g_date_time_format (local, C_("time of day", "%H:%M"));

  /* Translators: a day and a time: "March 16, 2021, 14:00" */
  return g_strdup_printf (C_("date and time", "%s, %s"), day, time);
}

/* Errors */

static GtkWidget *
field_widget (EvtEventPage *self,
              const char   *field)
{
  const struct { const char *field; gpointer widget; } map[] = {
    { "title", self->title_row },
    { "kind", self->kind_row },
    { "status", self->status_row },
    { "status-reason", self->reason_row },
    { "visibility", self->visibility_row },
    { "all-day", self->all_day_row },
    { "start", self->start_row },
    { "end", self->end_row },
    { "timezone", self->timezone_row },
    { "original-start", self->original_row },
    { "original-end", self->original_row },
    { "venue", self->venue_row },
    { "city", self->city_row },
    { "country", self->country_row },
    { "organiser", self->organiser_row },
    { "partners", self->partners_row },
    { "sectors", self->sectors_group },
    { "url", self->url_row },
    { "budget-cents", self->budget_row },
    { "description", self->description_view },
    { "notes", self->notes_view },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (map[i].field, field) == 0)
      return map[i].widget;
  return NULL;
}

static void
field_error_free (gpointer data)
{
  g_free (data);
}

static void
clear_field_error (EvtEventPage *self,
                   const char   *field)
{
  FieldError *fe = g_hash_table_lookup (self->errors, field);
  GtkWidget *parent;
  gboolean shared = FALSE;
  GHashTableIter iter;
  gpointer value;

  if (fe == NULL)
    return;

  parent = gtk_widget_get_parent (fe->message);
  if (GTK_IS_LIST_BOX (parent))
    gtk_list_box_remove (GTK_LIST_BOX (parent), fe->message);
  else if (GTK_IS_BOX (parent))
    gtk_box_remove (GTK_BOX (parent), fe->message);

  g_hash_table_iter_init (&iter, self->errors);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value != fe && ((FieldError *) value)->target == fe->target)
      shared = TRUE;

  if (!shared)
    {
      gtk_widget_remove_css_class (fe->target, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (fe->target), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (fe->target),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  g_hash_table_remove (self->errors, field);
}

static void
clear_all_errors (EvtEventPage *self)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->errors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (fields, g_strdup (key));
  for (guint i = 0; i < fields->len; i++)
    clear_field_error (self, g_ptr_array_index (fields, i));
}

/* Toasts go to the window's overlay: one inside the page would sit between the focus
 * and the page's Escape binding, and AdwToastOverlay 1.2 takes every Escape. A page
 * hosted without one shows no toast. Takes @toast. */
static void
present_toast (EvtEventPage *self,
               AdwToast     *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/* People: the sections show the event once it has an id; a removal's undo and their
 * errors come as toasts. The outcomes' figures and costs are saved by Save, after
 * the event (see on_save_done()); participants and leads are saved as they change. */
static void
on_people_toast (EvtEventPage *self,
                 AdwToast     *toast)
{
  present_toast (self, g_object_ref (toast));
}

static void
update_people_sections (EvtEventPage *self)
{
  gint64 id = self->event != NULL ? MAX (evt_event_get_id (self->event), 0) : 0;

  evt_participants_section_set_event (self->participants_section, self->store, id);
  evt_outcomes_section_set_event (self->outcomes_section, self->store, id);
  gtk_widget_set_visible (GTK_WIDGET (self->participants_section), id > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->outcomes_section), id > 0);
}
/* End of People */

static void
show_save_error_message (EvtEventPage *self,
                         const char   *message)
{
  gtk_label_set_text (self->save_error_label, message);
  gtk_widget_set_visible (self->save_error_box, message != NULL);
  if (message != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

/* After the layout that follows an error: the field and its message in view. */
static gboolean
scroll_to_target (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  EvtEventPage *self = EVT_EVENT_PAGE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  GtkWidget *area = GTK_WIDGET (self->scrolled_window);
  graphene_rect_t bounds;

  self->scroll_tick = 0;
  if (self->scroll_target == NULL ||
      !gtk_widget_compute_bounds (self->scroll_target, area, &bounds))
    return G_SOURCE_REMOVE;

  {
    GHashTableIter iter;
    gpointer value;

    /* Its message, right below it. */
    g_hash_table_iter_init (&iter, self->errors);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        FieldError *fe = value;
        graphene_rect_t message;

        if (fe->target == self->scroll_target &&
            gtk_widget_compute_bounds (fe->message, area, &message))
          graphene_rect_union (&bounds, &message, &bounds);
      }
  }

  if (bounds.origin.y < 0 ||
      bounds.origin.y + bounds.size.height > gtk_widget_get_height (area))
    {
      double margin = MAX (0, (gtk_widget_get_height (area) - bounds.size.height) / 3);

      gtk_adjustment_set_value (adjustment,
                                gtk_adjustment_get_value (adjustment) + bounds.origin.y - margin);
    }
  g_clear_object (&self->scroll_target);
  return G_SOURCE_REMOVE;
}

static void
focus_field (EvtEventPage *self,
             GtkWidget    *target)
{
  GtkWidget *focus = target;

  if (ADW_IS_ACTION_ROW (target) && !ADW_IS_COMBO_ROW (target) &&
      adw_action_row_get_activatable_widget (ADW_ACTION_ROW (target)) != NULL)
    focus = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (target));
  else if (target == GTK_WIDGET (self->sectors_group) && self->sector_checks->len > 0)
    focus = g_ptr_array_index (self->sector_checks, 0);

  gtk_widget_grab_focus (focus);

  g_set_object (&self->scroll_target, target);
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_target, NULL,
                                                      NULL);
}

/* Shows @message under the field's widget and marks it invalid. Returns FALSE when
 * the page has no widget for @field. */
static gboolean
show_field_error (EvtEventPage *self,
                  const char   *field,
                  const char   *message,
                  gboolean      focus)
{
  GtkWidget *target = field_widget (self, field);
  GtkWidget *parent;
  FieldError *fe;
  GtkWidget *box;
  GtkWidget *icon;

  if (target == NULL)
    return FALSE;

  fe = g_hash_table_lookup (self->errors, field);
  if (fe == NULL)
    {
      fe = g_new0 (FieldError, 1);
      fe->target = target;

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Error"), -1);
      gtk_box_append (GTK_BOX (box), icon);
      fe->label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (fe->label, TRUE);
      gtk_label_set_wrap_mode (fe->label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (fe->label, 0);
      gtk_widget_set_hexpand (GTK_WIDGET (fe->label), TRUE);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (fe->label));

      parent = gtk_widget_get_parent (target);
      if (GTK_IS_LIST_BOX_ROW (target) && GTK_IS_LIST_BOX (parent))
        {
          fe->message = gtk_list_box_row_new ();
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (fe->message), FALSE);
          gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (fe->message), FALSE);
          gtk_widget_set_focusable (fe->message, FALSE);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (fe->message), box);
          gtk_list_box_insert (GTK_LIST_BOX (parent), fe->message,
                               gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (target)) + 1);
        }
      else
        {
          GtkWidget *group = ADW_IS_PREFERENCES_GROUP (target)
                               ? target
                               : gtk_widget_get_ancestor (target, ADW_TYPE_PREFERENCES_GROUP);

          fe->message = box;
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
        }
      gtk_widget_add_css_class (fe->message, "event-page-field-error");
      g_hash_table_insert (self->errors, g_strdup (field), fe);
    }

  gtk_label_set_text (fe->label, message);
  gtk_widget_add_css_class (target, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
  if (!gtk_widget_get_visible (target))
    gtk_widget_set_visible (target, TRUE);

  if (focus)
    focus_field (self, target);
  return TRUE;
}

/* Reading the widgets */

static GDateTime *
day_time (GTimeZone   *tz,
          const GDate *day,
          int          hour,
          int          minute)
{
  return g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day), hour, minute, 0);
}

static const char *
selected_timezone (EvtEventPage *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->timezone_dropdown);

  return item != NULL ? gtk_string_object_get_string (item) : EVT_DEFAULT_TIMEZONE;
}

/* Returns: (transfer none): the selected zone */
static GTimeZone *
selected_tz (EvtEventPage *self)
{
  const char *tzid = selected_timezone (self);

  if (self->tz == NULL || g_strcmp0 (self->tzid, tzid) != 0)
    {
      g_clear_pointer (&self->tz, g_time_zone_unref);
      g_free (self->tzid);
      self->tzid = g_strdup (tzid);
      self->tz = page_timezone (tzid);
    }
  return self->tz;
}

static GStrv
checked_sectors (EvtEventPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *current = evt_event_get_sectors (self->event);

  for (guint i = 0; i < self->sector_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->sector_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "slug"));
    }

  /* A sector the event has and the page shows no row for (the list is still loading)
   * is kept as it is. */
  for (guint i = 0; current != NULL && current[i] != NULL; i++)
    {
      gboolean shown = FALSE;

      for (guint j = 0; j < self->sector_checks->len && !shown; j++)
        shown = g_strcmp0 (g_object_get_data (g_ptr_array_index (self->sector_checks, j), "slug"),
                           current[i]) == 0;
      if (!shown)
        g_strv_builder_add (builder, current[i]);
    }

  return g_strv_builder_end (builder);
}

/* The event the widgets describe, on top of the loaded one (id, uid, history...).
 * @budget_error is set to why the budget field cannot be read, if it cannot; the event
 * then keeps the loaded budget. */
static EvtEvent *
build_event (EvtEventPage *self,
             const char  **budget_error)
{
  EvtEvent *event = evt_event_copy (self->event);
  EvtStatus status = adw_combo_row_get_selected (self->status_row);
  gboolean all_day = gtk_switch_get_active (self->all_day_switch);
  const char *tzid = selected_timezone (self);
  GTimeZone *tz = selected_tz (self);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_auto(GStrv) sectors = NULL;
  g_autofree char *description = NULL;
  g_autofree char *notes = NULL;
  gint64 cents = -1;
  const char *unreadable;
  const char *reason;

  evt_event_set_title (event, non_empty (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  evt_event_set_kind (event, adw_combo_row_get_selected (self->kind_row));
  evt_event_set_status (event, status);
  /* A reason only goes with a cancelled or postponed event (as evt_event_mark_held()
   * drops it); the row keeps its text while hidden, should the status come back. */
  reason = non_empty (gtk_editable_get_text (GTK_EDITABLE (self->reason_row)));
  evt_event_set_status_reason (event, status_has_reason (status) ? reason : NULL);
  evt_event_set_visibility (event, adw_combo_row_get_selected (self->visibility_row));

  evt_event_set_timezone (event, tzid);
  if (all_day)
    {
      start = day_time (tz, &self->start_day, 0, 0);
      end = day_time (tz, &self->end_day, 0, 0);
    }
  else
    {
      start = day_time (tz, &self->start_day,
                        gtk_spin_button_get_value_as_int (self->start_hour_spin),
                        gtk_spin_button_get_value_as_int (self->start_minute_spin));
      end = day_time (tz, &self->end_day,
                      gtk_spin_button_get_value_as_int (self->end_hour_spin),
                      gtk_spin_button_get_value_as_int (self->end_minute_spin));
    }
  evt_event_set_dates (event, all_day, start, end);

  /* Postponing a saved event keeps the dates it was planned on, as
   * evt_event_postpone() does: the ones it had before this edit. */
  if (status == EVT_STATUS_POSTPONED && evt_event_get_original_start (event) == NULL &&
      evt_event_get_id (self->event) > 0 && evt_event_get_start (self->event) != NULL)
    evt_event_set_original_dates (event, evt_event_get_start (self->event),
                                  evt_event_get_end (self->event));

  evt_event_set_venue (event, non_empty (gtk_editable_get_text (GTK_EDITABLE (self->venue_row))));
  evt_event_set_city (event, non_empty (gtk_editable_get_text (GTK_EDITABLE (self->city_row))));
  evt_event_set_country (event,
                         non_empty (gtk_editable_get_text (GTK_EDITABLE (self->country_row))));
  evt_event_set_organiser (event,
                           non_empty (gtk_editable_get_text (GTK_EDITABLE (self->organiser_row))));
  evt_event_set_partners (event,
                          non_empty (gtk_editable_get_text (GTK_EDITABLE (self->partners_row))));

  sectors = checked_sectors (self);
  evt_event_set_sectors (event, sectors[0] != NULL ? (const char * const *) sectors : NULL);

  evt_event_set_url (event, non_empty (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  description = text_view_get_text (self->description_view);
  evt_event_set_description (event, non_empty (description));
  notes = text_view_get_text (self->notes_view);
  evt_event_set_notes (event, non_empty (notes));

  unreadable = parse_budget (gtk_editable_get_text (GTK_EDITABLE (self->budget_row)), &cents);
  if (unreadable == NULL)
    evt_event_set_budget_cents (event, cents);
  if (budget_error != NULL)
    *budget_error = unreadable;

  return event;
}

/* The text inside an entry row or a spin button takes the focus and is what a screen
 * reader names: libadwaita 1.2 leaves it unnamed. */
static void
name_text (gpointer    editable,
           const char *name)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (editable));

  if (delegate != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    name, -1);
}

/* State */

/* A menu button or a drop-down takes the focus with the toggle button inside it: that
 * button is what a screen reader names, so it gets the name, with the value shown. */
static void
name_button (gpointer    widget,
             const char *name,
             const char *value)
{
  g_autofree char *label = g_strdup_printf ("%s: %s", name, value);
  GtkWidget *inner = gtk_widget_get_first_child (GTK_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (GTK_IS_TOGGLE_BUTTON (inner))
    gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

static void
update_date_labels (EvtEventPage *self)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_get_year (&self->start_day),
                                                      g_date_get_month (&self->start_day),
                                                      g_date_get_day (&self->start_day), 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_local (g_date_get_year (&self->end_day),
                                                    g_date_get_month (&self->end_day),
                                                    g_date_get_day (&self->end_day), 0, 0, 0);
  g_autofree char *start_text = evt_format_date (start);
  g_autofree char *end_text = evt_format_date (end);
  g_autofree char *start_time = NULL;
  g_autofree char *end_time = NULL;

  gtk_menu_button_set_label (self->start_date_button, start_text);
  gtk_menu_button_set_label (self->end_date_button, end_text);

  start_time = g_strdup_printf ("%02d:%02d",
                                gtk_spin_button_get_value_as_int (self->start_hour_spin),
                                gtk_spin_button_get_value_as_int (self->start_minute_spin));
  end_time = g_strdup_printf ("%02d:%02d",
                              gtk_spin_button_get_value_as_int (self->end_hour_spin),
                              gtk_spin_button_get_value_as_int (self->end_minute_spin));
  gtk_menu_button_set_label (self->start_time_button, start_time);
  gtk_menu_button_set_label (self->end_time_button, end_time);

  name_button (self->start_date_button, _("Start date"), start_text);
  name_button (self->end_date_button, _("End date"), end_text);
  name_button (self->start_time_button, _("Start time"), start_time);
  name_button (self->end_time_button, _("End time"), end_time);
  {
    g_autofree char *zone = timezone_label (selected_timezone (self));

    name_button (self->timezone_dropdown, _("Time zone"), zone);
  }
}

/* The store checks the dates as they change: the probe carries only what that check
 * can judge without reading a table (no sectors), so that the UI thread never waits
 * for the store's lock. */
static void
check_dates (EvtEventPage *self,
             EvtEvent     *edited)
{
  g_autoptr(EvtEvent) probe = evt_event_copy (edited);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; date_fields[i] != NULL; i++)
    clear_field_error (self, date_fields[i]);

  evt_event_set_title (probe, "-");
  evt_event_set_sectors (probe, NULL);
  evt_event_set_url (probe, NULL);
  evt_event_set_budget_cents (probe, -1);

  if (!evt_store_validate_event (self->store, probe, &error))
    {
      const char *field = evt_store_error_get_field (error);

      if (field != NULL && g_strv_contains (date_fields, field))
        show_field_error (self, field, error->message, FALSE);
    }
}

static void
update_header (EvtEventPage *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  gboolean is_new = evt_event_get_id (self->event) <= 0;

  if (title == NULL || *title == '\0')
    title = is_new ? _("New Event") : _("Untitled Event");
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, self->dirty ? _("Unsaved changes") : NULL);
}

static void
update_metadata (EvtEventPage *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *source = evt_event_get_source (self->event);
  GDateTime *created = evt_event_get_created (self->event);
  GDateTime *modified = evt_event_get_modified (self->event);
  g_autofree char *text = NULL;

  if (evt_event_get_id (self->event) <= 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->metadata_label), FALSE);
      return;
    }

  if (created != NULL)
    {
      g_autofree char *when = format_timestamp (created);
      g_ptr_array_add (parts, g_strdup_printf (_("Created %s"), when));
    }
  if (modified != NULL)
    {
      g_autofree char *when = format_timestamp (modified);
      g_ptr_array_add (parts, g_strdup_printf (_("Modified %s"), when));
    }
  /* Translators: the iCalendar SEQUENCE, bumped each time a published field changes */
  g_ptr_array_add (parts, g_strdup_printf (_("Revision %d"), evt_event_get_sequence (self->event)));
  if (g_strcmp0 (source, "sample") == 0)
    g_ptr_array_add (parts, g_strdup (_("Sample data")));
  else if (source != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Imported from %s"), source));
  g_ptr_array_add (parts, NULL);

  text = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (self->metadata_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->metadata_label), TRUE);
}

static void
update_original_row (EvtEventPage *self,
                     EvtEvent     *edited)
{
  GDateTime *ostart = evt_event_get_original_start (edited);
  g_autofree char *range = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->original_row),
                          ostart != NULL || g_hash_table_contains (self->errors, "original-start"));
  if (ostart == NULL)
    return;

  range = evt_format_date_range (ostart, evt_event_get_original_end (edited),
                                 evt_event_get_all_day (edited));
  if (evt_event_is_date_tba (edited))
    {
      g_autofree char *tba = g_strdup_printf (_("%s — new date to be announced"), range);
      adw_action_row_set_subtitle (self->original_row, tba);
    }
  else
    adw_action_row_set_subtitle (self->original_row, range);
}

/* After every edit: what shows, whether the page is dirty, the live date check. */
static void
update_state (EvtEventPage *self)
{
  g_autoptr(EvtEvent) edited = NULL;
  const char *budget_error = NULL;
  gboolean dirty;
  EvtStatus status = adw_combo_row_get_selected (self->status_row);
  gboolean all_day = gtk_switch_get_active (self->all_day_switch);

  if (self->loading || self->event == NULL)
    return;

  edited = build_event (self, &budget_error);

  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), status_has_reason (status));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row),
                                 status == EVT_STATUS_POSTPONED ? _("Reason for Postponing")
                                                                : _("Reason for Cancelling"));
  name_text (self->reason_row,
             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->reason_row)));
  gtk_widget_set_visible (GTK_WIDGET (self->start_time_button), !all_day);
  gtk_widget_set_visible (GTK_WIDGET (self->end_time_button), !all_day);
  update_date_labels (self);

  check_dates (self, edited);
  gtk_widget_set_visible (GTK_WIDGET (self->timezone_row),
                          !all_day || g_hash_table_contains (self->errors, "timezone"));
  update_original_row (self, edited);

  if (budget_error == NULL)
    clear_field_error (self, "budget-cents");
  else
    show_field_error (self, "budget-cents", budget_error, FALSE);
  /* People: the costs compare with the budget as it is typed. */
  if (budget_error == NULL && edited != NULL)
    evt_outcomes_section_set_budget (self->outcomes_section,
                                     evt_event_get_budget_cents (edited));

  dirty = self->unsaved_new || budget_error != NULL || self->pristine == NULL ||
          !same_edits (edited, self->pristine) ||
          evt_outcomes_section_get_dirty (self->outcomes_section);
  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-page.save", dirty && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-page.discard", dirty && !self->saving);
  gtk_widget_set_visible (self->discard_button, dirty);
  update_header (self);
}

/* Signal handlers */

static void
on_field_changed (EvtEventPage *self,
                  GObject      *widget)
{
  const char *field = g_object_get_data (widget, "evt-field");

  if (self->loading)
    return;
  if (field != NULL)
    clear_field_error (self, field);
  update_state (self);
}

static void
on_notify_changed (GObject      *widget,
                   GParamSpec   *pspec,
                   EvtEventPage *self)
{
  on_field_changed (self, widget);
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   EvtEventPage  *self)
{
  on_field_changed (self, G_OBJECT (buffer));
}

static void
on_entry_activated (EvtEventPage *self,
                    AdwEntryRow  *row)
{
  /* Enter saves, as the default button of a dialog would; nothing when clean. */
  if (self->dirty && !self->saving)
    gtk_widget_activate_action (GTK_WIDGET (self), "event-page.save", NULL);
}

static gboolean
on_time_spin_output (GtkSpinButton *spin,
                     gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_time_changed (EvtEventPage  *self,
                 GtkSpinButton *spin)
{
  if (self->loading)
    return;
  update_state (self);
}

static void
sync_calendar (EvtEventPage *self,
               GtkCalendar  *calendar,
               const GDate  *day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                   g_date_get_day (day), 0, 0, 0);

  self->syncing = TRUE;
  gtk_calendar_select_day (calendar, dt);
  self->syncing = FALSE;
}

static void
on_date_popover_show (EvtEventPage *self,
                      GtkPopover   *popover)
{
  if (popover == self->start_date_popover)
    sync_calendar (self, self->start_calendar, &self->start_day);
  else
    sync_calendar (self, self->end_calendar, &self->end_day);
}

static void
on_day_selected (EvtEventPage *self,
                 GtkCalendar  *calendar)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate day;

  if (self->syncing)
    return;

  dt = gtk_calendar_get_date (calendar);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));

  if (calendar == self->start_calendar)
    {
      int delta = g_date_days_between (&self->start_day, &day);

      /* Moving the start moves the whole event: it keeps its length. */
      self->start_day = day;
      if (delta > 0)
        g_date_add_days (&self->end_day, delta);
      else if (delta < 0)
        g_date_subtract_days (&self->end_day, -delta);
      gtk_popover_popdown (self->start_date_popover);
    }
  else
    {
      self->end_day = day;
      gtk_popover_popdown (self->end_date_popover);
    }

  if (!self->loading)
    update_state (self);
}

/* Sectors */

static void
draw_dot (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  const GdkRGBA *rgba = user_data;

  gdk_cairo_set_source_rgba (cr, rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, DOT_SIZE / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static gboolean
same_sector_list (GPtrArray *a,
                  GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      EvtSector *sa = g_ptr_array_index (a, i);
      EvtSector *sb = g_ptr_array_index (b, i);

      if (g_strcmp0 (sa->slug, sb->slug) != 0 || g_strcmp0 (sa->name, sb->name) != 0 ||
          g_strcmp0 (sa->colour, sb->colour) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
set_sector_checks (EvtEventPage       *self,
                   const char * const *slugs)
{
  for (guint i = 0; i < self->sector_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->sector_checks, i);
      const char *slug = g_object_get_data (G_OBJECT (check), "slug");

      gtk_check_button_set_active (check, strv_contains (slugs, slug));
    }
}

static void
build_sector_rows (EvtEventPage *self,
                   GPtrArray    *sectors)
{
  g_auto(GStrv) checked = checked_sectors (self);
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  clear_field_error (self, "sectors");

  for (guint i = 0; i < self->sector_checks->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (self->sector_checks, i),
                                                ADW_TYPE_ACTION_ROW);

      adw_preferences_group_remove (self->sectors_group, row);
    }
  g_ptr_array_set_size (self->sector_checks, 0);

  for (guint i = 0; i < sectors->len; i++)
    {
      EvtSector *sector = g_ptr_array_index (sectors, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *dot = gtk_drawing_area_new ();
      GdkRGBA rgba;

      if (sector->colour == NULL || !gdk_rgba_parse (&rgba, sector->colour))
        gdk_rgba_parse (&rgba, "#9a9996");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sector->name);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      sector->name, -1);
      g_object_set_data_full (G_OBJECT (check), "slug", g_strdup (sector->slug), g_free);
      g_object_set_data (G_OBJECT (check), "evt-field", (gpointer) "sectors");
      g_signal_connect (check, "notify::active", G_CALLBACK (on_notify_changed), self);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), DOT_SIZE);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), DOT_SIZE);
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_dot,
                                      gdk_rgba_copy (&rgba), (GDestroyNotify) gdk_rgba_free);

      /* Each prefix goes before the ones already there: check, dot, name. */
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->sectors_group, row);
      g_ptr_array_add (self->sector_checks, check);
    }

  g_clear_pointer (&self->sectors, g_ptr_array_unref);
  self->sectors = g_ptr_array_ref (sectors);

  set_sector_checks (self, (const char * const *) checked);
  self->loading = was_loading;
}

static void
list_sectors_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  EvtStore *store = task_data;
  GError *error = NULL;
  GPtrArray *sectors = evt_store_list_sectors (store, &error);

  if (sectors == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sectors, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_sectors_listed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  EvtEventPage *self = EVT_EVENT_PAGE (source);
  g_autoptr(GPtrArray) sectors = NULL;
  g_autoptr(GError) error = NULL;

  sectors = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->sectors_loading = FALSE;
  if (sectors == NULL)
    {
      g_warning ("Cannot list the sectors: %s", error->message);
    }
  else if (!same_sector_list (sectors, self->sectors))
    {
      build_sector_rows (self, sectors);
      update_state (self);
    }

  if (self->sectors_reload)
    {
      self->sectors_reload = FALSE;
      load_sectors (self);
    }
}

/* The sectors are read in a thread: a long import holds the store's lock, and the
 * page must not wait for it. */
static void
load_sectors (EvtEventPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->sectors_loading)
    {
      self->sectors_reload = TRUE;
      return;
    }

  self->sectors_loading = TRUE;
  task = g_task_new (self, self->cancellable, on_sectors_listed, NULL);
  g_task_set_source_tag (task, load_sectors);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, list_sectors_thread);
}

static gboolean
reload_sectors_idle (gpointer data)
{
  EvtEventPage *self = data;

  if (self->errors != NULL)  /* not disposed */
    load_sectors (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (EvtEventPage *self)
{
  /* Sectors can be renamed, recoloured, added in the preferences. "changed" comes in
   * the writing thread when no loop runs the main context: the reload is always
   * queued to it. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_sectors_idle, g_object_ref (self),
                   g_object_unref);
}

/* Loading */

static guint
find_timezone (EvtEventPage *self,
               const char   *tzid)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->timezones));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->timezones, i), tzid) == 0)
      return i;

  gtk_string_list_append (self->timezones, tzid);
  return n;
}

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
set_day (GDate     *day,
         GDateTime *dt)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

/* Fills the widgets from @event; its changes are not edits. */
static void
load_widgets (EvtEventPage *self,
              EvtEvent     *event)
{
  const char *tzid = evt_event_get_timezone (event);
  g_autoptr(GTimeZone) tz = page_timezone (tzid);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *budget = NULL;
  gboolean all_day = evt_event_get_all_day (event);

  self->loading = TRUE;

  set_text (self->title_row, evt_event_get_title (event));
  adw_combo_row_set_selected (self->kind_row, evt_event_get_kind (event));
  adw_combo_row_set_selected (self->status_row, evt_event_get_status (event));
  set_text (self->reason_row, evt_event_get_status_reason (event));
  adw_combo_row_set_selected (self->visibility_row, evt_event_get_visibility (event));

  gtk_drop_down_set_selected (self->timezone_dropdown,
                              find_timezone (self, tzid != NULL ? tzid : EVT_DEFAULT_TIMEZONE));
  gtk_switch_set_active (self->all_day_switch, all_day);

  if (evt_event_get_start (event) != NULL)
    start = g_date_time_to_timezone (evt_event_get_start (event), tz);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (tz);
      start = g_date_time_new (tz, g_date_time_get_year (now), g_date_time_get_month (now),
                               g_date_time_get_day_of_month (now), 0, 0, 0);
    }
  if (evt_event_get_end (event) != NULL)
    end = g_date_time_to_timezone (evt_event_get_end (event), tz);
  else
    end = g_date_time_ref (start);

  set_day (&self->start_day, start);
  set_day (&self->end_day, end);
  if (all_day)
    {
      gtk_spin_button_set_value (self->start_hour_spin, DEFAULT_START_HOUR);
      gtk_spin_button_set_value (self->start_minute_spin, 0);
      gtk_spin_button_set_value (self->end_hour_spin, DEFAULT_END_HOUR);
      gtk_spin_button_set_value (self->end_minute_spin, 0);
    }
  else
    {
      gtk_spin_button_set_value (self->start_hour_spin, g_date_time_get_hour (start));
      gtk_spin_button_set_value (self->start_minute_spin, g_date_time_get_minute (start));
      gtk_spin_button_set_value (self->end_hour_spin, g_date_time_get_hour (end));
      gtk_spin_button_set_value (self->end_minute_spin, g_date_time_get_minute (end));
    }

  set_text (self->venue_row, evt_event_get_venue (event));
  set_text (self->city_row, evt_event_get_city (event));
  set_text (self->country_row, evt_event_get_country (event));
  set_text (self->organiser_row, evt_event_get_organiser (event));
  set_text (self->partners_row, evt_event_get_partners (event));
  set_sector_checks (self, evt_event_get_sectors (event));
  set_text (self->url_row, evt_event_get_url (event));
  budget = evt_event_get_budget_cents (event) >= 0
           ? evt_money_format_number (evt_event_get_budget_cents (event)) : g_strdup ("");
  set_text (self->budget_row, budget);
  set_view_text (self->description_view, evt_event_get_description (event));
  set_view_text (self->notes_view, evt_event_get_notes (event));

  self->loading = FALSE;
}

/* Takes the state of the widgets as the clean one. */
static void
reset_pristine (EvtEventPage *self)
{
  g_clear_object (&self->pristine);
  self->pristine = build_event (self, NULL);
}

static void
reload (EvtEventPage *self)
{
  clear_all_errors (self);
  show_save_error_message (self, NULL);
  load_widgets (self, self->event);
  reset_pristine (self);
  update_metadata (self);
  /* People: another event, or the same one with its edits dropped. */
  update_people_sections (self);
  evt_outcomes_section_revert (self->outcomes_section);
  update_state (self);
}

/* Saving */

typedef struct
{
  EvtStore *store;
  EvtEvent *event;
  GTask    *outer;      /* the caller's task */
  guint     generation;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->store);
  g_clear_object (&save->event);
  g_clear_object (&save->outer);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;
  gboolean ok;

  if (evt_event_get_id (save->event) > 0)
    ok = evt_store_update_event (save->store, save->event, &error);
  else
    ok = evt_store_insert_event (save->store, save->event, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Shows why a save failed: under the field the store names, else in a toast. */
static void
show_save_error (EvtEventPage *self,
                 const GError *error)
{
  const char *field = NULL;

  if (g_error_matches (error, EVT_STORE_ERROR, EVT_STORE_ERROR_INVALID))
    field = evt_store_error_get_field (error);
  else if (g_error_matches (error, EVT_EVENT_PAGE_ERROR, EVT_EVENT_PAGE_ERROR_INVALID))
    field = "budget-cents";

  if (field == NULL || !show_field_error (self, field, error->message, TRUE))
    {
      g_autofree char *message = g_strdup_printf (_("The event was not saved: %s"), error->message);
      show_save_error_message (self, message);
    }
}

/* People: the outcomes are saved after the event, and the save is done when both are. */
static void
on_outcomes_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  EvtEventPage *self = g_task_get_source_object (outer);
  GError *error = NULL;

  if (!evt_outcomes_section_save_finish (EVT_OUTCOMES_SECTION (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The outcomes were not saved: %s"),
                                                  error->message);

      if (self->errors != NULL)
        {
          show_save_error_message (self, message);
          update_state (self);
        }
      g_task_return_error (outer, error);
      return;
    }
  if (self->errors != NULL)
    update_state (self);
  g_task_return_boolean (outer, TRUE);
}

static void
on_save_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  EvtEventPage *self = EVT_EVENT_PAGE (source);
  SaveData *save = g_task_get_task_data (G_TASK (result));
  g_autoptr(GTask) outer = g_steal_pointer (&save->outer);
  g_autoptr(GError) error = NULL;
  /* The page may be gone (its window closed) while the save ran: the save stands. */
  gboolean alive = self->errors != NULL;
  gboolean current = alive && save->generation == self->generation;

  self->saving = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (current)
        {
          show_save_error (self, error);
          update_state (self);
        }
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  if (current)
    {
      /* What was saved is the new base; edits typed during the save stay edits. The
       * page keeps its own copy: "saved" hands save->event to others. */
      g_autoptr(EvtEvent) base = evt_event_copy (save->event);

      g_set_object (&self->event, base);
      g_clear_object (&self->pristine);
      self->pristine = evt_event_copy (save->event);
      self->unsaved_new = FALSE;
      g_clear_object (&self->discarded);
      update_metadata (self);
      update_people_sections (self);
      update_state (self);
    }

  g_signal_emit (self, signals[SAVED], 0, save->event);
  if (current && evt_outcomes_section_get_dirty (self->outcomes_section))
    {
      evt_outcomes_section_save_async (self->outcomes_section, NULL, on_outcomes_saved,
                                       g_steal_pointer (&outer));
      return;
    }
  g_task_return_boolean (outer, TRUE);
}

/**
 * evt_event_page_save_async:
 * @self: an event page
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the event is saved or refused
 * @user_data: data for @callback
 *
 * Saves the event as the page shows it, in a thread: a new event is inserted, a
 * loaded one updated. When the store refuses a field, its message is shown under
 * that field, which takes the focus. On success, "saved" is emitted and the page
 * is clean.
 */
void
evt_event_page_save_async (EvtEventPage        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  g_autoptr(EvtEvent) event = NULL;
  SaveData *save;
  const char *budget_error = NULL;

  g_return_if_fail (EVT_IS_EVENT_PAGE (self));
  g_return_if_fail (self->event != NULL);

  /* A save is one short transaction: once started it is not interrupted, and its
   * result says what happened even if @cancellable was cancelled meanwhile. */
  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, evt_event_page_save_async);
  g_task_set_check_cancellable (outer, FALSE);

  if (self->saving)
    {
      g_task_return_new_error (outer, EVT_EVENT_PAGE_ERROR, EVT_EVENT_PAGE_ERROR_BUSY,
                               _("The event is being saved already"));
      return;
    }

  event = build_event (self, &budget_error);
  if (budget_error != NULL)
    {
      GError *error = g_error_new_literal (EVT_EVENT_PAGE_ERROR, EVT_EVENT_PAGE_ERROR_INVALID,
                                           budget_error);

      show_save_error (self, error);
      g_task_return_error (outer, error);
      return;
    }

  self->saving = TRUE;
  show_save_error_message (self, NULL);
  update_state (self);

  save = g_new0 (SaveData, 1);
  save->store = g_object_ref (self->store);
  save->event = g_steal_pointer (&event);
  save->outer = g_steal_pointer (&outer);
  save->generation = self->generation;

  inner = g_task_new (self, cancellable, on_save_done, NULL);
  g_task_set_source_tag (inner, save_thread);
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, save, save_data_free);
  g_task_run_in_thread (inner, save_thread);
}

/**
 * evt_event_page_save_finish:
 * @self: an event page
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the event was saved; else %EVT_STORE_ERROR_INVALID (see
 *   evt_store_error_get_field()), another #EvtStoreError, or an #EvtEventPageError
 */
gboolean
evt_event_page_save_finish (EvtEventPage  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (EVT_IS_EVENT_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Actions */

static void
on_save_action_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  EvtEventPage *self = EVT_EVENT_PAGE (source);

  /* A refusal is shown on the page already. */
  if (evt_event_page_save_finish (self, result, NULL))
    {
      AdwToast *toast = adw_toast_new (_("Event saved"));

      adw_toast_set_timeout (toast, 3);
      present_toast (self, toast);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  evt_event_page_save_async (EVT_EVENT_PAGE (widget), NULL, on_save_action_done, NULL);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  evt_event_page_request_close (EVT_EVENT_PAGE (widget));
}

static void
on_undo_discard_clicked (EvtEventPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "event-page.undo-discard", NULL);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EvtEventPage *self = EVT_EVENT_PAGE (widget);
  AdwToast *toast;

  g_clear_object (&self->discarded);
  self->discarded = build_event (self, NULL);
  reload (self);

  toast = adw_toast_new (_("Changes discarded"));
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Not an action name: the toast lives in the window's overlay, outside the page. */
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_discard_clicked), self,
                           G_CONNECT_SWAPPED);
  present_toast (self, toast);
}

static void
undo_discard_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EvtEventPage *self = EVT_EVENT_PAGE (widget);
  g_autoptr(EvtEvent) discarded = g_steal_pointer (&self->discarded);

  if (discarded == NULL)
    return;
  load_widgets (self, discarded);
  update_state (self);
}

/* Closing */

static void
on_close_save_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  EvtEventPage *self = EVT_EVENT_PAGE (source);

  /* Refused: the page stays, with the message on the field. */
  if (evt_event_page_save_finish (self, result, NULL))
    g_signal_emit (self, signals[CLOSED], 0);
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   EvtEventPage     *self)
{
  self->close_dialog = NULL;

  if (g_strcmp0 (response, "discard") == 0)
    {
      self->unsaved_new = FALSE;
      reload (self);
      g_signal_emit (self, signals[CLOSED], 0);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      evt_event_page_save_async (self, NULL, on_close_save_done, NULL);
    }
}

/**
 * evt_event_page_request_close:
 * @self: an event page
 *
 * What Back and Escape do. With no unsaved change, "closed" is emitted at once.
 * Otherwise a dialog asks whether to save (then "closed" follows a successful
 * save), discard (the changes are dropped, "closed" follows) or cancel (the page
 * stays as it is).
 */
void
evt_event_page_request_close (EvtEventPage *self)
{
  GtkRoot *root;
  const char *title;

  g_return_if_fail (EVT_IS_EVENT_PAGE (self));

  if (!self->dirty)
    {
      g_signal_emit (self, signals[CLOSED], 0);
      return;
    }

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  self->close_dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                _("Save Changes?"), NULL));
  if (title != NULL && *title != '\0')
    adw_message_dialog_format_body (self->close_dialog,
                                    _("“%s” has unsaved changes. Changes which are not saved "
                                      "will be permanently lost."), title);
  else
    adw_message_dialog_set_body (self->close_dialog,
                                 _("This event has unsaved changes. Changes which are not "
                                   "saved will be permanently lost."));
  adw_message_dialog_add_responses (self->close_dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (self->close_dialog, "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (self->close_dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (self->close_dialog, "save");
  adw_message_dialog_set_close_response (self->close_dialog, "cancel");
  gtk_window_set_modal (GTK_WINDOW (self->close_dialog), TRUE);
  g_signal_connect_object (self->close_dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (self->close_dialog));
}

/* Public API */

/**
 * evt_event_page_new:
 * @store: the store that events are saved to
 *
 * Returns: (transfer full): a new page; evt_event_page_edit() gives it an event
 */
EvtEventPage *
evt_event_page_new (EvtStore *store)
{
  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  return g_object_new (EVT_TYPE_EVENT_PAGE, "store", store, NULL);
}

/**
 * evt_event_page_get_store:
 * @self: an event page
 *
 * Returns: (transfer none): the store
 */
EvtStore *
evt_event_page_get_store (EvtEventPage *self)
{
  g_return_val_if_fail (EVT_IS_EVENT_PAGE (self), NULL);

  return self->store;
}

/**
 * evt_event_page_edit:
 * @self: an event page
 * @event: (nullable): the event to edit, copied; %NULL for a new event (today,
 *   all day, tentative, in Europe/Paris)
 *
 * Shows @event, clean, and drops whatever the page showed before: ask first with
 * evt_event_page_request_close() when the page may be dirty. An event that was never
 * saved (a duplicate, a next edition) counts as a change until it is saved.
 */
void
evt_event_page_edit (EvtEventPage *self,
                     EvtEvent     *event)
{
  g_autoptr(EvtEvent) copy = NULL;

  g_return_if_fail (EVT_IS_EVENT_PAGE (self));
  g_return_if_fail (event == NULL || EVT_IS_EVENT (event));

  if (event != NULL)
    copy = evt_event_copy (event);
  else
    {
      g_autoptr(GTimeZone) tz = page_timezone (EVT_DEFAULT_TIMEZONE);
      g_autoptr(GDateTime) now = g_date_time_new_now (tz);
      g_autoptr(GDateTime) today = g_date_time_new (tz, g_date_time_get_year (now),
                                                    g_date_time_get_month (now),
                                                    g_date_time_get_day_of_month (now), 0, 0, 0);

      copy = evt_event_new ();
      evt_event_set_timezone (copy, EVT_DEFAULT_TIMEZONE);
      evt_event_set_status (copy, EVT_STATUS_TENTATIVE);
      evt_event_set_dates (copy, TRUE, today, today);
    }

  self->generation++;
  self->unsaved_new = event != NULL && evt_event_get_id (event) <= 0;
  g_clear_object (&self->discarded);
  g_set_object (&self->event, copy);
  if (self->close_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->close_dialog));

  reload (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/**
 * evt_event_page_get_event:
 * @self: an event page
 *
 * Returns: (transfer none) (nullable): the event as loaded or last saved (not with
 *   the unsaved edits)
 */
EvtEvent *
evt_event_page_get_event (EvtEventPage *self)
{
  g_return_val_if_fail (EVT_IS_EVENT_PAGE (self), NULL);

  return self->event;
}

/**
 * evt_event_page_get_dirty:
 * @self: an event page
 *
 * Returns: whether the page shows changes that are not saved
 */
gboolean
evt_event_page_get_dirty (EvtEventPage *self)
{
  g_return_val_if_fail (EVT_IS_EVENT_PAGE (self), FALSE);

  return self->dirty;
}

/* Private API, for the display test */

GtkWidget *
evt_event_page_get_field_row (EvtEventPage *self,
                              const char   *field)
{
  g_return_val_if_fail (EVT_IS_EVENT_PAGE (self), NULL);

  return field_widget (self, field);
}

const char *
evt_event_page_get_field_error (EvtEventPage *self,
                                const char   *field)
{
  FieldError *fe;

  g_return_val_if_fail (EVT_IS_EVENT_PAGE (self), NULL);

  fe = g_hash_table_lookup (self->errors, field);
  if (fe == NULL || !gtk_widget_get_visible (fe->message))
    return NULL;
  return gtk_label_get_text (fe->label);
}

gboolean
evt_event_page_is_busy (EvtEventPage *self)
{
  g_return_val_if_fail (EVT_IS_EVENT_PAGE (self), FALSE);

  return self->saving || self->sectors_loading;
}

/* Picks a day in the start or end calendar, as a click would. */
void
evt_event_page_set_day (EvtEventPage *self,
                        const char   *which,
                        int           year,
                        int           month,
                        int           day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, 0, 0, 0);

  g_return_if_fail (EVT_IS_EVENT_PAGE (self));

  gtk_calendar_select_day (g_strcmp0 (which, "start") == 0 ? self->start_calendar
                                                           : self->end_calendar, dt);
}

/* GObject */

static void
connect_field (EvtEventPage *self,
               gpointer      widget,
               const char   *field,
               const char   *signal)
{
  g_object_set_data (G_OBJECT (widget), "evt-field", (gpointer) field);
  if (g_str_has_prefix (signal, "notify::"))
    g_signal_connect (widget, signal, G_CALLBACK (on_notify_changed), self);
  else
    g_signal_connect_swapped (widget, signal, G_CALLBACK (on_field_changed), self);
}

static void
evt_event_page_constructed (GObject *object)
{
  EvtEventPage *self = EVT_EVENT_PAGE (object);

  G_OBJECT_CLASS (evt_event_page_parent_class)->constructed (object);

  g_return_if_fail (EVT_IS_STORE (self->store));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  load_sectors (self);
  evt_event_page_edit (self, NULL);
}

static void
evt_event_page_dispose (GObject *object)
{
  EvtEventPage *self = EVT_EVENT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->close_dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->close_dialog));
      self->close_dialog = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_EVENT_PAGE);

  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  g_clear_object (&self->scroll_target);
  g_clear_pointer (&self->errors, g_hash_table_unref);
  g_clear_pointer (&self->sector_checks, g_ptr_array_unref);
  g_clear_pointer (&self->sectors, g_ptr_array_unref);
  g_clear_object (&self->event);
  g_clear_object (&self->pristine);
  g_clear_object (&self->discarded);
  g_clear_object (&self->timezones);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->tzid, g_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->participants_section);
  g_clear_object (&self->outcomes_section);

  G_OBJECT_CLASS (evt_event_page_parent_class)->dispose (object);
}

static void
evt_event_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EvtEventPage *self = EVT_EVENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_event_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EvtEventPage *self = EVT_EVENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_event_page_class_init (EvtEventPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = evt_event_page_constructed;
  object_class->dispose = evt_event_page_dispose;
  object_class->get_property = evt_event_page_get_property;
  object_class->set_property = evt_event_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EVT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvtEventPage::saved:
   * @self: the page
   * @event: the event as saved, with its id, uid and sequence
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, EVT_TYPE_EVENT);
  /**
   * EvtEventPage::closed:
   * @self: the page
   *
   * The page is done with (nothing unsaved is left): the window can go back.
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/eventail/Eventail/evt-event-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, page_box);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, discard_button);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, save_error_box);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, reason_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, visibility_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, all_day_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, all_day_switch);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, start_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, start_date_button);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, start_date_popover);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, start_time_button);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, start_hour_spin);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, start_minute_spin);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, end_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, end_date_button);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, end_date_popover);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, end_calendar);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, end_time_button);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, end_hour_spin);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, end_minute_spin);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, timezone_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, original_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, venue_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, city_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, organiser_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, partners_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, sectors_group);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, budget_row);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, description_view);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, EvtEventPage, metadata_label);
  gtk_widget_class_bind_template_callback (widget_class, on_date_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_time_spin_output);
  gtk_widget_class_bind_template_callback (widget_class, on_time_changed);

  gtk_widget_class_install_action (widget_class, "event-page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "event-page.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "event-page.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "event-page.undo-discard", NULL,
                                   undo_discard_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "event-page.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "event-page.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "eventpage");
}

static GtkStringList *
string_list_of_labels (guint         n,
                       const char *(*get_label) (int))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, get_label ((int) i));
  return list;
}

static int
compare_timezone_labels (gconstpointer a,
                         gconstpointer b)
{
  g_autofree char *la = timezone_label (*(const char * const *) a);
  g_autofree char *lb = timezone_label (*(const char * const *) b);

  return g_utf8_collate (la, lb);
}

static void
setup_timezone_item (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_timezone_item (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  g_autofree char *label = timezone_item_label (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), label);
}

static GtkListItemFactory *
timezone_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_timezone_item),
                    GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_timezone_item), NULL);
  return factory;
}

/* The labels of the vocabularies, in the order of their values. */
static const char *
kind_label (int value)
{
  return evt_kind_get_label (value);
}

static const char *
status_label (int value)
{
  return evt_status_get_label (value);
}

static const char *
visibility_label (int value)
{
  return evt_visibility_get_label (value);
}

static void
evt_event_page_init (EvtEventPage *self)
{
  g_autoptr(GtkStringList) kinds = NULL;
  g_autoptr(GtkStringList) statuses = NULL;
  g_autoptr(GtkStringList) visibilities = NULL;
  g_autoptr(GPtrArray) zones = g_ptr_array_new ();
  g_autoptr(GtkListItemFactory) button_factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, field_error_free);
  self->sector_checks = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  g_date_clear (&self->start_day, 1);
  g_date_clear (&self->end_day, 1);

  kinds = string_list_of_labels (EVT_N_KINDS, kind_label);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  statuses = string_list_of_labels (EVT_N_STATUSES, status_label);
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  visibilities = string_list_of_labels (EVT_VISIBILITY_INTERNAL + 1, visibility_label);
  adw_combo_row_set_model (self->visibility_row, G_LIST_MODEL (visibilities));

  for (guint i = 0; i < G_N_ELEMENTS (common_timezones); i++)
    g_ptr_array_add (zones, (gpointer) common_timezones[i]);
  g_ptr_array_sort (zones, compare_timezone_labels);
  g_ptr_array_add (zones, NULL);
  self->timezones = gtk_string_list_new ((const char * const *) zones->pdata);
  button_factory = timezone_factory (TRUE);
  list_factory = timezone_factory (FALSE);
  /* Typing searches what the list shows, the city first: "par" finds Paris. */
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (timezone_search_string), NULL, NULL);
  gtk_drop_down_set_expression (self->timezone_dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_factory (self->timezone_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->timezone_dropdown, list_factory);
  gtk_drop_down_set_model (self->timezone_dropdown, G_LIST_MODEL (self->timezones));

  connect_field (self, self->title_row, "title", "changed");
  connect_field (self, self->kind_row, "kind", "notify::selected");
  connect_field (self, self->status_row, "status", "notify::selected");
  connect_field (self, self->reason_row, "status-reason", "changed");
  connect_field (self, self->visibility_row, "visibility", "notify::selected");
  connect_field (self, self->all_day_switch, "all-day", "notify::active");
  connect_field (self, self->timezone_dropdown, "timezone", "notify::selected");
  connect_field (self, self->venue_row, "venue", "changed");
  connect_field (self, self->city_row, "city", "changed");
  connect_field (self, self->country_row, "country", "changed");
  connect_field (self, self->organiser_row, "organiser", "changed");
  connect_field (self, self->partners_row, "partners", "changed");
  connect_field (self, self->url_row, "url", "changed");
  connect_field (self, self->budget_row, "budget-cents", "changed");
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (self->description_view)), "evt-field",
                     (gpointer) "description");
  g_signal_connect (gtk_text_view_get_buffer (self->description_view), "changed",
                    G_CALLBACK (on_buffer_changed), self);
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (self->notes_view)), "evt-field",
                     (gpointer) "notes");
  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (on_buffer_changed), self);

  {
    AdwEntryRow *rows[] = {
      self->title_row, self->reason_row, self->venue_row, self->city_row, self->country_row,
      self->organiser_row, self->partners_row, self->url_row, self->budget_row,
    };
    GtkSpinButton *spins[] = {
      self->start_hour_spin, self->start_minute_spin, self->end_hour_spin, self->end_minute_spin,
    };
    const char *spin_names[] = {
      _("Start hour"), _("Start minute"), _("End hour"), _("End minute"),
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        g_signal_connect_swapped (rows[i], "entry-activated", G_CALLBACK (on_entry_activated),
                                  self);
        name_text (rows[i], adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i])));
      }
    for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
      name_text (spins[i], spin_names[i]);
  }
  {
    /* The search entry in the time zone list's popup. */
    GtkWidget *search = evt_people_find_descendant (GTK_WIDGET (self->timezone_dropdown),
                                                    GTK_TYPE_SEARCH_ENTRY);

    if (search != NULL)
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Search time zones"), -1);
        name_text (search, _("Search time zones"));
      }
  }

  /* People: the participants and outcomes sections, between the notes and the
   * metadata line, hidden until the event has an id. */
  {
    GtkWidget *content = gtk_widget_get_parent (GTK_WIDGET (self->metadata_label));
    GtkWidget *before = gtk_widget_get_prev_sibling (GTK_WIDGET (self->metadata_label));

    /* Held until dispose is over: the page may still ask them while its template goes. */
    self->participants_section = g_object_ref_sink (EVT_PARTICIPANTS_SECTION (
                                                      evt_participants_section_new ()));
    self->outcomes_section = g_object_ref_sink (EVT_OUTCOMES_SECTION (
                                                  evt_outcomes_section_new ()));
    gtk_widget_set_visible (GTK_WIDGET (self->participants_section), FALSE);
    gtk_widget_set_visible (GTK_WIDGET (self->outcomes_section), FALSE);
    gtk_box_insert_child_after (GTK_BOX (content), GTK_WIDGET (self->outcomes_section), before);
    gtk_box_insert_child_after (GTK_BOX (content), GTK_WIDGET (self->participants_section),
                                before);
    g_signal_connect_swapped (self->participants_section, "toast",
                              G_CALLBACK (on_people_toast), self);
    g_signal_connect_swapped (self->outcomes_section, "toast", G_CALLBACK (on_people_toast),
                              self);
    g_signal_connect_swapped (self->outcomes_section, "notify::dirty",
                              G_CALLBACK (update_state), self);
  }

  gtk_widget_add_css_class (GTK_WIDGET (self), "event-page");
}
