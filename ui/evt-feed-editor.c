/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-feed-editor.c: the page of preferences where one feed is set up, saved and written. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-enum-types.h"
#include "evt-feed-editor-private.h"
#include "evt-sector.h"
#include "evt-types.h"

/* The colour a feed gets when it is first given one: GNOME's blue. */
#define DEFAULT_COLOUR "#3584e4"

/* A rolling window starts as "last year to two years ahead". */
#define DEFAULT_ROLLING_FROM -1
#define DEFAULT_ROLLING_TO    2

struct _EvtFeedEditor
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkSpinner          *spinner;
  GtkWidget           *error_group;
  GtkLabel            *error_label;
  AdwEntryRow         *name_row;
  AdwEntryRow         *description_row;
  AdwActionRow        *file_row;
  AdwComboRow         *range_row;
  AdwActionRow        *from_row;
  AdwActionRow        *to_row;
  GtkAdjustment       *from_adjustment;
  GtkAdjustment       *to_adjustment;
  AdwExpanderRow      *statuses_row;
  AdwExpanderRow      *kinds_row;
  AdwExpanderRow      *sectors_row;
  AdwComboRow         *privacy_row;
  AdwComboRow         *cancelled_row;
  AdwComboRow         *postponed_row;
  AdwComboRow         *refresh_row;
  GtkStringList       *refresh_choices;
  GtkColorButton      *colour_button;
  GtkSwitch           *colour_switch;
  GtkWidget           *remove_group;

  EvtStore            *store;
  EvtFeed             *feed;            /* as saved, or new */
  GPtrArray           *sectors;         /* EvtSector */
  char                *folder;
  GPtrArray           *status_checks;   /* GtkCheckButton, by EvtStatus */
  GPtrArray           *kind_checks;     /* GtkCheckButton, by EvtKind */
  GPtrArray           *sector_checks;   /* GtkCheckButton, as sectors */
  GArray              *refresh_values;  /* guint minutes, as refresh_choices */
  char                *error;
  char                *written;         /* what the last write did */

  int                  years_from;
  int                  years_to;
  int                  rolling_from;
  int                  rolling_to;

  gboolean             busy;
  gboolean             dirty;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (EvtFeedEditor, evt_feed_editor, ADW_TYPE_BIN)

enum {
  SAVED,
  REMOVED,
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const guint refresh_presets[] = { 0, 15, 30, 60, 180, 360, 720, 1440, 10080 };

static const EvtIcalStatusPolicy choice_policies[] = {
  EVT_ICAL_STATUS_INCLUDE,
  EVT_ICAL_STATUS_EXCLUDE,
  EVT_ICAL_STATUS_PREFIX,
};

static guint
policy_to_choice (EvtIcalStatusPolicy policy)
{
  for (guint i = 0; i < G_N_ELEMENTS (choice_policies); i++)
    if (choice_policies[i] == policy)
      return i;
  return 2;
}

static EvtIcalStatusPolicy
choice_to_policy (guint choice)
{
  return choice < G_N_ELEMENTS (choice_policies) ? choice_policies[choice]
                                                 : EVT_ICAL_STATUS_PREFIX;
}

static char *
describe_refresh (guint minutes)
{
  switch (minutes)
    {
    case 0:
      return g_strdup (_("Left to Each Calendar"));
    case 60:
      return g_strdup (_("Every Hour"));
    case 1440:
      return g_strdup (_("Every Day"));
    case 10080:
      return g_strdup (_("Every Week"));
    default:
      if (minutes % 60 == 0)
        return g_strdup_printf (ngettext ("Every %u Hour", "Every %u Hours", minutes / 60),
                                minutes / 60);
      return g_strdup_printf (ngettext ("Every %u Minute", "Every %u Minutes", minutes),
                              minutes);
    }
}

static int
get_current_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

static EvtFeedRange
get_range (EvtFeedEditor *self)
{
  switch (adw_combo_row_get_selected (self->range_row))
    {
    case 1:
      return EVT_FEED_RANGE_YEARS;
    case 2:
      return EVT_FEED_RANGE_ROLLING;
    default:
      return EVT_FEED_RANGE_ALL;
    }
}

static guint
mask_from_checks (GPtrArray *checks)
{
  guint mask = 0;

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      mask |= 1u << i;

  return mask;
}

/* What is typed in @editable, without the spaces around it. */
static char *
get_trimmed_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/* The feed as the page shows it; the saved one is left alone. */
static EvtFeed *
build_feed (EvtFeedEditor *self)
{
  EvtFeed *feed = evt_feed_copy (self->feed);
  g_autofree char *name = get_trimmed_text (self->name_row);
  g_autofree char *description = get_trimmed_text (self->description_row);
  g_autoptr(GStrvBuilder) sectors = g_strv_builder_new ();
  g_auto(GStrv) slugs = NULL;
  EvtFeedRange range = get_range (self);
  guint refresh = adw_combo_row_get_selected (self->refresh_row);

  evt_feed_set_name (feed, name);
  evt_feed_set_description (feed, *description != '\0' ? description : NULL);

  if (range == EVT_FEED_RANGE_YEARS)
    evt_feed_set_range (feed, range, self->years_from, self->years_to);
  else if (range == EVT_FEED_RANGE_ROLLING)
    evt_feed_set_range (feed, range, self->rolling_from, self->rolling_to);
  else
    evt_feed_set_range (feed, range, 0, 0);

  evt_feed_set_statuses (feed, mask_from_checks (self->status_checks));
  evt_feed_set_kinds (feed, mask_from_checks (self->kind_checks));

  for (guint i = 0; i < self->sector_checks->len; i++)
    {
      const EvtSector *sector = g_ptr_array_index (self->sectors, i);

      if (gtk_check_button_get_active (g_ptr_array_index (self->sector_checks, i)))
        g_strv_builder_add (sectors, sector->slug);
    }
  slugs = g_strv_builder_end (sectors);
  evt_feed_set_sectors (feed, slugs[0] != NULL ? (const char * const *) slugs : NULL);

  evt_feed_set_privacy (feed, adw_combo_row_get_selected (self->privacy_row) == 1
                                ? EVT_ICAL_PRIVACY_INTERNAL : EVT_ICAL_PRIVACY_PUBLIC);
  evt_feed_set_cancelled (feed,
                          choice_to_policy (adw_combo_row_get_selected (self->cancelled_row)));
  evt_feed_set_postponed (feed,
                          choice_to_policy (adw_combo_row_get_selected (self->postponed_row)));

  if (refresh < self->refresh_values->len)
    evt_feed_set_refresh_minutes (feed, g_array_index (self->refresh_values, guint, refresh));

  if (gtk_switch_get_active (self->colour_switch))
    {
      GdkRGBA rgba;
      g_autofree char *colour = NULL;

      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);
      colour = g_strdup_printf ("#%02x%02x%02x",
                                (guint) (CLAMP (rgba.red, 0.0, 1.0) * 255 + 0.5),
                                (guint) (CLAMP (rgba.green, 0.0, 1.0) * 255 + 0.5),
                                (guint) (CLAMP (rgba.blue, 0.0, 1.0) * 255 + 0.5));
      evt_feed_set_colour (feed, colour);
    }
  else
    evt_feed_set_colour (feed, NULL);

  return feed;
}

static void
show_error (EvtFeedEditor *self,
            const char    *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_group, message != NULL);
  if (message == NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static void
update_file_row (EvtFeedEditor *self)
{
  g_autofree char *path = NULL;
  g_autofree char *subtitle = NULL;
  const char *slug;

  if (self->feed == NULL)
    return;

  slug = evt_feed_get_slug (self->feed);
  if (slug != NULL)
    path = evt_feed_get_file_path (self->feed, self->folder);
  else
    {
      const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
      g_autofree char *guess = evt_feed_slugify (name);

      if (guess != NULL)
        {
          g_autofree char *base = g_strconcat (guess, ".ics", NULL);

          path = g_build_filename (self->folder, base, NULL);
        }
    }

  if (path == NULL)
    subtitle = g_strdup (_("Named after the feed, in the feed folder"));
  else if (self->written != NULL)
    subtitle = g_strdup_printf ("%s\n%s", path, self->written);
  else
    subtitle = g_steal_pointer (&path);

  adw_action_row_set_subtitle (self->file_row, subtitle);
}

static void
update_title (EvtFeedEditor *self)
{
  if (evt_feed_get_id (self->feed) == 0)
    adw_window_title_set_title (self->window_title, _("New Feed"));
  else
    adw_window_title_set_title (self->window_title, evt_feed_get_name (self->feed));
}

static void
update_mask_subtitle (AdwExpanderRow *row,
                      GPtrArray      *checks,
                      const char     *all)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_active = 0;

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      if (!gtk_check_button_get_active (check))
        continue;

      if (n_active++ > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_object_get_data (G_OBJECT (check), "evt-label"));
    }

  adw_expander_row_set_subtitle (row, n_active == 0 || n_active == checks->len ? all : text->str);
}

static void
update_filters (EvtFeedEditor *self)
{
  update_mask_subtitle (self->statuses_row, self->status_checks, _("Every status"));
  update_mask_subtitle (self->kinds_row, self->kind_checks, _("Every kind"));
  update_mask_subtitle (self->sectors_row, self->sector_checks, _("Every sector"));
}

static void
update_range (EvtFeedEditor *self)
{
  g_autoptr(EvtFeed) feed = NULL;
  g_autofree char *description = NULL;
  EvtFeedRange range = get_range (self);

  if (self->feed == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->from_row), range != EVT_FEED_RANGE_ALL);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), range != EVT_FEED_RANGE_ALL);

  /* "All Events" needs no more words. */
  if (range == EVT_FEED_RANGE_ALL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->range_row), "");
      return;
    }

  feed = build_feed (self);
  description = evt_feed_describe_range (feed);
  if (description[0] != '\0')
    {
      /* The core says "last year to 2 years ahead" in a sentence; a row starts it with a
       * capital. */
      gunichar first = g_utf8_get_char (description);
      g_autofree char *rest = g_strdup (g_utf8_next_char (description));
      char head[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_totitle (first), head);
      g_free (description);
      description = g_strconcat (head, rest, NULL);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->range_row), description);
}

static void
set_dirty (EvtFeedEditor *self)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
}

static void
field_changed (EvtFeedEditor *self)
{
  set_dirty (self);
}

static void
name_changed (EvtFeedEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  update_file_row (self);
  set_dirty (self);
}

static void
check_toggled (EvtFeedEditor *self)
{
  update_filters (self);
  set_dirty (self);
}

static void
set_adjustment (GtkAdjustment *adjustment,
                double         lower,
                double         upper,
                double         value)
{
  gtk_adjustment_configure (adjustment, value, lower, upper, 1, 10, 0);
}

/* Shows the bounds of the range chosen; each kind of range keeps its own. */
static void
load_bounds (EvtFeedEditor *self)
{
  gboolean was_loading = self->loading;

  self->loading = TRUE;

  if (get_range (self) == EVT_FEED_RANGE_ROLLING)
    {
      set_adjustment (self->from_adjustment, -EVT_FEED_MAX_OFFSET, EVT_FEED_MAX_OFFSET,
                      self->rolling_from);
      set_adjustment (self->to_adjustment, -EVT_FEED_MAX_OFFSET, EVT_FEED_MAX_OFFSET,
                      self->rolling_to);
      adw_action_row_set_subtitle (self->from_row,
                                   _("Years before (−) or after this one: −1 is last year"));
      adw_action_row_set_subtitle (self->to_row,
                                   _("Years before (−) or after this one: 2 is two years "
                                     "ahead"));
    }
  else
    {
      set_adjustment (self->from_adjustment, EVT_FEED_MIN_YEAR, EVT_FEED_MAX_YEAR,
                      self->years_from);
      set_adjustment (self->to_adjustment, EVT_FEED_MIN_YEAR, EVT_FEED_MAX_YEAR,
                      self->years_to);
      adw_action_row_set_subtitle (self->from_row, "");
      adw_action_row_set_subtitle (self->to_row, "");
    }

  self->loading = was_loading;
}

static void
range_changed (EvtFeedEditor *self)
{
  load_bounds (self);
  update_range (self);
  set_dirty (self);
}

static void
bounds_changed (EvtFeedEditor *self)
{
  int from;
  int to;

  /* Bounds being loaded are the ones already kept. */
  if (self->loading)
    return;

  from = (int) gtk_adjustment_get_value (self->from_adjustment);
  to = (int) gtk_adjustment_get_value (self->to_adjustment);

  switch (get_range (self))
    {
    case EVT_FEED_RANGE_YEARS:
      self->years_from = from;
      self->years_to = to;
      break;
    case EVT_FEED_RANGE_ROLLING:
      self->rolling_from = from;
      self->rolling_to = to;
      break;
    case EVT_FEED_RANGE_ALL:
    default:
      return;
    }

  update_range (self);
  set_dirty (self);
}

static void
privacy_changed (EvtFeedEditor *self)
{
  if (adw_combo_row_get_selected (self->privacy_row) == 1)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->privacy_row),
                                 _("With internal events, notes and budgets: for the team "
                                   "only"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->privacy_row),
                                 _("Without internal events, notes or budgets"));
  set_dirty (self);
}

static const char *
policy_subtitle (gboolean postponed,
                 guint    choice)
{
  switch (choice)
    {
    case 0:
      return postponed ? _("Marked tentative, on their new dates")
                       : _("Marked cancelled: Google Calendar hides them");
    case 2:
      return postponed ? _("“Postponed” before the title, seen in every calendar")
                       : _("“Cancelled” before the title, seen in every calendar");
    default:
      return "";
    }
}

static void
policy_changed (EvtFeedEditor *self,
                GParamSpec    *pspec,
                AdwComboRow   *row)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               policy_subtitle (row == self->postponed_row,
                                                adw_combo_row_get_selected (row)));
  set_dirty (self);
}

static GtkWidget *
add_check_row (EvtFeedEditor  *self,
               AdwExpanderRow *expander,
               GPtrArray      *checks,
               const char     *label,
               gboolean        active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  g_object_set_data_full (G_OBJECT (check), "evt-label", g_strdup (label), g_free);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (check_toggled), self);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_expander_row_add_row (expander, row);
  g_ptr_array_add (checks, check);

  return row;
}

static void
load_feed (EvtFeedEditor *self)
{
  int from = 0, to = 0;
  EvtFeedRange range = evt_feed_get_range (self->feed, &from, &to);
  guint statuses = evt_feed_get_statuses (self->feed);
  guint kinds = evt_feed_get_kinds (self->feed);
  const char * const *sectors = evt_feed_get_sectors (self->feed);
  guint refresh = evt_feed_get_refresh_minutes (self->feed);
  const char *colour = evt_feed_get_colour (self->feed);
  guint position = G_MAXUINT;
  GdkRGBA rgba;

  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         evt_feed_get_name (self->feed) ? evt_feed_get_name (self->feed) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         evt_feed_get_description (self->feed)
                           ? evt_feed_get_description (self->feed) : "");

  if (range == EVT_FEED_RANGE_YEARS)
    {
      self->years_from = from;
      self->years_to = to;
    }
  else if (range == EVT_FEED_RANGE_ROLLING)
    {
      self->rolling_from = from;
      self->rolling_to = to;
    }
  adw_combo_row_set_selected (self->range_row, range == EVT_FEED_RANGE_YEARS ? 1
                                               : range == EVT_FEED_RANGE_ROLLING ? 2 : 0);
  load_bounds (self);

  for (int i = 0; i < EVT_N_STATUSES; i++)
    add_check_row (self, self->statuses_row, self->status_checks,
                   evt_status_get_label (i), (statuses & (1u << i)) != 0);
  for (int i = 0; i < EVT_N_KINDS; i++)
    add_check_row (self, self->kinds_row, self->kind_checks,
                   evt_kind_get_label (i), (kinds & (1u << i)) != 0);
  for (guint i = 0; i < self->sectors->len; i++)
    {
      const EvtSector *sector = g_ptr_array_index (self->sectors, i);

      add_check_row (self, self->sectors_row, self->sector_checks, sector->name,
                     sectors != NULL && g_strv_contains (sectors, sector->slug));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sectors_row), self->sectors->len > 0);

  adw_combo_row_set_selected (self->privacy_row,
                              evt_feed_get_privacy (self->feed) == EVT_ICAL_PRIVACY_INTERNAL);
  adw_combo_row_set_selected (self->cancelled_row,
                              policy_to_choice (evt_feed_get_cancelled (self->feed)));
  adw_combo_row_set_selected (self->postponed_row,
                              policy_to_choice (evt_feed_get_postponed (self->feed)));
  privacy_changed (self);
  policy_changed (self, NULL, self->cancelled_row);
  policy_changed (self, NULL, self->postponed_row);

  /* The usual intervals, and the feed's own if it is another (set from the command line). */
  for (guint i = 0; i < G_N_ELEMENTS (refresh_presets); i++)
    g_array_append_val (self->refresh_values, refresh_presets[i]);
  for (guint i = 0; i < self->refresh_values->len && position == G_MAXUINT; i++)
    if (g_array_index (self->refresh_values, guint, i) >= refresh)
      {
        if (g_array_index (self->refresh_values, guint, i) != refresh)
          g_array_insert_val (self->refresh_values, i, refresh);
        position = i;
      }
  if (position == G_MAXUINT)
    {
      g_array_append_val (self->refresh_values, refresh);
      position = self->refresh_values->len - 1;
    }
  for (guint i = 0; i < self->refresh_values->len; i++)
    {
      g_autofree char *label = describe_refresh (g_array_index (self->refresh_values, guint, i));

      gtk_string_list_append (self->refresh_choices, label);
    }
  adw_combo_row_set_selected (self->refresh_row, position);

  gtk_switch_set_active (self->colour_switch, colour != NULL);
  if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
    gdk_rgba_parse (&rgba, DEFAULT_COLOUR);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);

  update_filters (self);
  update_range (self);
  update_title (self);
  update_file_row (self);
  gtk_widget_set_visible (self->remove_group, evt_feed_get_id (self->feed) != 0);

  self->loading = FALSE;
  self->dirty = FALSE;
}

static void
set_busy (EvtFeedEditor *self,
          gboolean       busy)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (widget, "feed.save", !busy);
  gtk_widget_action_set_enabled (widget, "feed.write", !busy);
  gtk_widget_action_set_enabled (widget, "feed.remove", !busy);
}

/* ------------------------------------------------------------------------ */
/* Saving and writing, in a worker thread                                    */

typedef struct
{
  EvtStore *store;
  EvtFeed  *feed;
  char     *folder;
  gboolean  then_close;
  guint     n_events;
  char     *write_error;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->feed);
  g_free (data->folder);
  g_free (data->write_error);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;

  if (!evt_feed_save (data->store, data->feed, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Saved: a file that cannot be written is told, but the feed stays saved. */
  folder = evt_feed_get_folder (data->store, &error);
  if (folder == NULL ||
      !evt_feed_write (data->store, data->feed, folder, &data->n_events, &error))
    data->write_error = g_strdup (error->message);
  else
    data->folder = g_steal_pointer (&folder);

  g_task_return_boolean (task, TRUE);
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  EvtFeedEditor *self = EVT_FEED_EDITOR (object);
  SaveData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time = NULL;

  set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, error->message);
      if (g_error_matches (error, EVT_FEED_ERROR, EVT_FEED_ERROR_EXISTS) ||
          evt_feed_get_name (data->feed) == NULL || *evt_feed_get_name (data->feed) == '\0')
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
        }
      return;
    }

  g_set_object (&self->feed, data->feed);
  if (data->folder != NULL)
    {
      g_free (self->folder);
      self->folder = g_strdup (data->folder);
    }

  now = g_date_time_new_now_local ();
  time = g_date_time_format (now, "%H:%M");
  g_free (self->written);
  if (data->write_error != NULL)
    self->written = NULL;
  else
    /* Translators: after the feed's file path; %u is a number of events, %s a time */
    self->written = g_strdup_printf (ngettext ("%u event written at %s",
                                               "%u events written at %s", data->n_events),
                                     data->n_events, time);

  self->dirty = FALSE;
  update_title (self);
  update_file_row (self);
  gtk_widget_set_visible (self->remove_group, TRUE);

  if (data->write_error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The feed is saved, but its file could not "
                                                    "be written: %s"), data->write_error);

      show_error (self, message);
      g_signal_emit (self, signals[SAVED], 0, self->feed, FALSE, 0u);
      return;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, self->feed, data->then_close, data->n_events);
}

/**
 * evt_feed_editor_save:
 * @self: an editor
 * @then_close: whether the page is to be left once saved
 *
 * Checks and saves the feed as the page shows it, then writes its file, in a worker
 * thread. Errors are shown at the top of the page; "saved" is emitted on success.
 */
void
evt_feed_editor_save (EvtFeedEditor *self,
                      gboolean       then_close)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (EVT_IS_FEED_EDITOR (self));

  if (self->busy)
    return;

  data = g_new0 (SaveData, 1);
  data->store = g_object_ref (self->store);
  data->feed = build_feed (self);
  data->then_close = then_close;

  show_error (self, NULL);
  set_busy (self, TRUE);

  task = g_task_new (self, NULL, save_done, NULL);
  g_task_set_source_tag (task, evt_feed_editor_save);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  evt_feed_editor_save (EVT_FEED_EDITOR (widget), TRUE);
}

static void
write_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  evt_feed_editor_save (EVT_FEED_EDITOR (widget), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Leaving and removing                                                      */

static void
back_response (AdwMessageDialog *dialog,
               const char       *response,
               EvtFeedEditor    *self)
{
  if (g_strcmp0 (response, "save") == 0)
    evt_feed_editor_save (self, TRUE);
  else if (g_strcmp0 (response, "discard") == 0)
    g_signal_emit (self, signals[BACK], 0);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvtFeedEditor *self = EVT_FEED_EDITOR (widget);
  GtkWidget *dialog;

  if (!self->dirty || self->busy)
    {
      if (!self->busy)
        g_signal_emit (self, signals[BACK], 0);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Save the Changes?"),
                                   _("This feed has changes that are not saved yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (back_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = evt_feed_get_folder (data->store, &error);

  if (folder == NULL || !evt_feed_delete (data->store, data->feed, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The feed is gone; its file going too is best effort. */
  if (!evt_feed_remove_file (data->feed, folder, &error))
    data->write_error = g_strdup (error->message);

  g_task_return_boolean (task, TRUE);
}

static void
remove_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  EvtFeedEditor *self = EVT_FEED_EDITOR (object);
  SaveData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, error->message);
      return;
    }

  if (data->write_error != NULL)
    g_warning ("%s", data->write_error);

  self->dirty = FALSE;
  g_signal_emit (self, signals[REMOVED], 0, data->feed);
}

static void
remove_response (AdwMessageDialog *dialog,
                 const char       *response,
                 EvtFeedEditor    *self)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  if (g_strcmp0 (response, "remove") != 0 || self->busy)
    return;

  data = g_new0 (SaveData, 1);
  data->store = g_object_ref (self->store);
  data->feed = g_object_ref (self->feed);

  set_busy (self, TRUE);
  task = g_task_new (self, NULL, remove_done, NULL);
  g_task_set_source_tag (task, remove_response);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, remove_thread);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvtFeedEditor *self = EVT_FEED_EDITOR (widget);
  GtkWidget *dialog;

  if (evt_feed_get_id (self->feed) == 0)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Remove the Feed?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: a feed's name, then its file name */
                                  _("“%s” will be removed and its file, %s.ics, deleted: "
                                    "its subscribers will stop receiving the events."),
                                  evt_feed_get_name (self->feed),
                                  evt_feed_get_slug (self->feed));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* The object                                                                */

static void
evt_feed_editor_dispose (GObject *object)
{
  EvtFeedEditor *self = (EvtFeedEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_FEED_EDITOR);

  G_OBJECT_CLASS (evt_feed_editor_parent_class)->dispose (object);
}

static void
evt_feed_editor_finalize (GObject *object)
{
  EvtFeedEditor *self = (EvtFeedEditor *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->feed);
  g_clear_pointer (&self->sectors, g_ptr_array_unref);
  g_clear_pointer (&self->status_checks, g_ptr_array_unref);
  g_clear_pointer (&self->kind_checks, g_ptr_array_unref);
  g_clear_pointer (&self->sector_checks, g_ptr_array_unref);
  g_clear_pointer (&self->refresh_values, g_array_unref);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->written, g_free);

  G_OBJECT_CLASS (evt_feed_editor_parent_class)->finalize (object);
}

static void
evt_feed_editor_class_init (EvtFeedEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evt_feed_editor_dispose;
  object_class->finalize = evt_feed_editor_finalize;

  /**
   * EvtFeedEditor::saved:
   * @feed: the feed as saved, with its id and file name
   * @then_close: whether the page asked to be left
   * @n_events: how many events its file holds
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, EVT_TYPE_FEED, G_TYPE_BOOLEAN, G_TYPE_UINT);

  /**
   * EvtFeedEditor::removed:
   * @feed: the feed, now gone from the store
   */
  signals[REMOVED] =
    g_signal_new ("removed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, EVT_TYPE_FEED);

  /**
   * EvtFeedEditor::back:
   *
   * The page is to be left, with nothing left to save.
   */
  signals[BACK] =
    g_signal_new ("back",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/eventail/Eventail/"
                                               "evt-feed-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, error_group);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, file_row);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, range_row);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, from_row);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, to_row);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, from_adjustment);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, to_adjustment);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, statuses_row);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, kinds_row);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, sectors_row);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, privacy_row);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, cancelled_row);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, postponed_row);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, refresh_row);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, refresh_choices);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, colour_button);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, colour_switch);
  gtk_widget_class_bind_template_child (widget_class, EvtFeedEditor, remove_group);
  gtk_widget_class_bind_template_callback (widget_class, field_changed);
  gtk_widget_class_bind_template_callback (widget_class, name_changed);
  gtk_widget_class_bind_template_callback (widget_class, range_changed);
  gtk_widget_class_bind_template_callback (widget_class, bounds_changed);
  gtk_widget_class_bind_template_callback (widget_class, privacy_changed);
  gtk_widget_class_bind_template_callback (widget_class, policy_changed);

  gtk_widget_class_install_action (widget_class, "feed.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "feed.write", NULL, write_action);
  gtk_widget_class_install_action (widget_class, "feed.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "feed.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "feed.save", NULL);
}

static void
evt_feed_editor_init (EvtFeedEditor *self)
{
  int year = get_current_year ();

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->status_checks = g_ptr_array_new ();
  self->kind_checks = g_ptr_array_new ();
  self->sector_checks = g_ptr_array_new ();
  self->refresh_values = g_array_new (FALSE, FALSE, sizeof (guint));
  self->years_from = year;
  self->years_to = year + 1;
  self->rolling_from = DEFAULT_ROLLING_FROM;
  self->rolling_to = DEFAULT_ROLLING_TO;
}

/**
 * evt_feed_editor_new:
 * @store: an open store
 * @feed: (nullable): the feed to edit; %NULL for a new one
 * @sectors: (element-type EvtSector): the sectors a feed can be limited to
 * @folder: the feed folder
 *
 * A page that edits a feed: name, days, filters, privacy, cancelled and postponed
 * events, refresh interval and colour. Put it in a preferences window as a subpage.
 *
 * Returns: (transfer floating): a new editor
 */
GtkWidget *
evt_feed_editor_new (EvtStore   *store,
                     EvtFeed    *feed,
                     GPtrArray  *sectors,
                     const char *folder)
{
  EvtFeedEditor *self;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);
  g_return_val_if_fail (feed == NULL || EVT_IS_FEED (feed), NULL);
  g_return_val_if_fail (sectors != NULL, NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  self = g_object_new (EVT_TYPE_FEED_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->feed = feed != NULL ? evt_feed_copy (feed) : evt_feed_new (NULL);
  self->sectors = g_ptr_array_new_with_free_func ((GDestroyNotify) evt_sector_free);
  for (guint i = 0; i < sectors->len; i++)
    g_ptr_array_add (self->sectors, evt_sector_copy (g_ptr_array_index (sectors, i)));
  self->folder = g_strdup (folder);

  load_feed (self);
  set_busy (self, FALSE);

  return GTK_WIDGET (self);
}

/**
 * evt_feed_editor_get_feed:
 * @self: an editor
 *
 * Returns: (transfer none): the feed as last saved (its id is 0 if it never was)
 */
EvtFeed *
evt_feed_editor_get_feed (EvtFeedEditor *self)
{
  g_return_val_if_fail (EVT_IS_FEED_EDITOR (self), NULL);

  return self->feed;
}

/**
 * evt_feed_editor_get_busy:
 * @self: an editor
 *
 * Returns: %TRUE while the feed is being saved, written or removed
 */
gboolean
evt_feed_editor_get_busy (EvtFeedEditor *self)
{
  g_return_val_if_fail (EVT_IS_FEED_EDITOR (self), FALSE);

  return self->busy;
}

/**
 * evt_feed_editor_get_dirty:
 * @self: an editor
 *
 * Returns: %TRUE if the page has changes that are not saved
 */
gboolean
evt_feed_editor_get_dirty (EvtFeedEditor *self)
{
  g_return_val_if_fail (EVT_IS_FEED_EDITOR (self), FALSE);

  return self->dirty;
}

/**
 * evt_feed_editor_get_name_editable:
 * @self: an editor
 *
 * Returns: (transfer none): the Name row
 */
GtkEditable *
evt_feed_editor_get_name_editable (EvtFeedEditor *self)
{
  g_return_val_if_fail (EVT_IS_FEED_EDITOR (self), NULL);

  return GTK_EDITABLE (self->name_row);
}

/**
 * evt_feed_editor_get_save_button:
 * @self: an editor
 *
 * Returns: (transfer none): the Save button of the header bar
 */
GtkWidget *
evt_feed_editor_get_save_button (EvtFeedEditor *self)
{
  g_return_val_if_fail (EVT_IS_FEED_EDITOR (self), NULL);

  return self->save_button;
}

/**
 * evt_feed_editor_get_error:
 * @self: an editor
 *
 * Returns: (nullable): the error shown at the top of the page
 */
const char *
evt_feed_editor_get_error (EvtFeedEditor *self)
{
  g_return_val_if_fail (EVT_IS_FEED_EDITOR (self), NULL);

  return self->error;
}

/**
 * evt_feed_editor_set_range:
 * @self: an editor
 * @range: the kind of range
 * @from: first year, or offset from this year
 * @to: last year, or offset
 *
 * Sets the Dates, From and To rows, as a person would.
 */
void
evt_feed_editor_set_range (EvtFeedEditor *self,
                           EvtFeedRange   range,
                           int            from,
                           int            to)
{
  g_return_if_fail (EVT_IS_FEED_EDITOR (self));

  adw_combo_row_set_selected (self->range_row, range == EVT_FEED_RANGE_YEARS ? 1
                                               : range == EVT_FEED_RANGE_ROLLING ? 2 : 0);
  if (range != EVT_FEED_RANGE_ALL)
    {
      gtk_adjustment_set_value (self->from_adjustment, from);
      gtk_adjustment_set_value (self->to_adjustment, to);
    }
}

/**
 * evt_feed_editor_set_status_active:
 * @self: an editor
 * @status: an #EvtStatus
 * @active: whether the feed keeps events of that status
 *
 * Ticks or clears a status, as a person would.
 */
void
evt_feed_editor_set_status_active (EvtFeedEditor *self,
                                   int            status,
                                   gboolean       active)
{
  g_return_if_fail (EVT_IS_FEED_EDITOR (self));
  g_return_if_fail (status >= 0 && status < (int) self->status_checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->status_checks, status), active);
}
