/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-export-dialog.c: exports the events shown, or a feed, to an .ics file. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-export-dialog-private.h"
#include "evt-feed.h"
#include "evt-ical.h"

struct _EvtExportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkWidget            *cancel_button;
  GtkWidget            *export_button;
  GtkSpinner           *spinner;
  AdwComboRow          *source_row;
  GtkStringList        *sources;
  AdwComboRow          *privacy_row;
  AdwComboRow          *cancelled_row;
  AdwComboRow          *postponed_row;
  GtkLabel             *error_label;

  EvtStore             *store;
  EvtQuery             *query;        /* the window's current filter */
  char                 *description;  /* of the current filter */
  GPtrArray            *feeds;        /* EvtFeed, after the first source */
  AdwToastOverlay      *toast_overlay; /* weak */
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  GFile                *file;         /* being written */
  char                 *last_toast;
  char                 *error;

  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (EvtExportDialog, evt_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const EvtIcalStatusPolicy choice_policies[] = {
  [EVT_EXPORT_CHOICE_INCLUDE] = EVT_ICAL_STATUS_INCLUDE,
  [EVT_EXPORT_CHOICE_EXCLUDE] = EVT_ICAL_STATUS_EXCLUDE,
  [EVT_EXPORT_CHOICE_PREFIX]  = EVT_ICAL_STATUS_PREFIX,
};

static guint
policy_to_choice (EvtIcalStatusPolicy policy)
{
  for (guint i = 0; i < G_N_ELEMENTS (choice_policies); i++)
    if (choice_policies[i] == policy)
      return i;
  return EVT_EXPORT_CHOICE_PREFIX;
}

static EvtIcalStatusPolicy
choice_to_policy (guint choice)
{
  return choice < G_N_ELEMENTS (choice_policies) ? choice_policies[choice]
                                                 : EVT_ICAL_STATUS_PREFIX;
}

/* The feed chosen, or NULL for the window's current filter. */
static EvtFeed *
get_feed (EvtExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->source_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->feeds == NULL ||
      selected > self->feeds->len)
    return NULL;

  return g_ptr_array_index (self->feeds, selected - 1);
}

/* The year a query covers, when it is exactly one year, or 0. */
static int
query_get_year (const EvtQuery *query)
{
  if (query == NULL || !g_date_valid (&query->from) || !g_date_valid (&query->to))
    return 0;

  if (g_date_get_year (&query->from) != g_date_get_year (&query->to) ||
      g_date_get_month (&query->from) != G_DATE_JANUARY ||
      g_date_get_day (&query->from) != 1 ||
      g_date_get_month (&query->to) != G_DATE_DECEMBER ||
      g_date_get_day (&query->to) != 31)
    return 0;

  if (query->statuses != 0 || query->kinds != 0 || query->sectors != NULL ||
      query->visibility != -1 || (query->search != NULL && *query->search != '\0'))
    return 0;

  return g_date_get_year (&query->from);
}

static char *
describe_query (const EvtQuery *query)
{
  int year = query_get_year (query);

  if (year != 0)
    /* Translators: what the current filter exports, %d is a year */
    return g_strdup_printf (_("The events of %d"), year);

  if (query == NULL || evt_query_is_empty (query))
    return g_strdup (_("Every event"));

  return g_strdup (_("The events the list shows, with its filters"));
}

static void
update_privacy_subtitle (EvtExportDialog *self)
{
  if (adw_combo_row_get_selected (self->privacy_row) == 1)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->privacy_row),
                                 _("With internal events, notes and budgets: for the team "
                                   "only"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->privacy_row),
                                 _("Without internal events, notes or budgets"));
}

static void
privacy_changed (EvtExportDialog *self)
{
  update_privacy_subtitle (self);
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
update_policy_subtitle (EvtExportDialog *self,
                        AdwComboRow     *row)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               policy_subtitle (row == self->postponed_row,
                                                adw_combo_row_get_selected (row)));
}

static void
policy_changed (EvtExportDialog *self,
                GParamSpec      *pspec,
                AdwComboRow     *row)
{
  update_policy_subtitle (self, row);
}

static void
source_changed (EvtExportDialog *self)
{
  EvtFeed *feed = get_feed (self);

  if (feed == NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->source_row), self->description);
      return;
    }

  {
    g_autofree char *range = evt_feed_describe_range (feed);
    g_autofree char *subtitle = NULL;

    /* Translators: a feed's range of days ("2021 to 2022"), then its file name */
    subtitle = g_strdup_printf (_("%s, as in %s.ics"), range, evt_feed_get_slug (feed));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->source_row), subtitle);
  }

  /* A feed's own settings are the natural start; they can still be changed here. */
  adw_combo_row_set_selected (self->privacy_row,
                              evt_feed_get_privacy (feed) == EVT_ICAL_PRIVACY_INTERNAL ? 1 : 0);
  adw_combo_row_set_selected (self->cancelled_row,
                              policy_to_choice (evt_feed_get_cancelled (feed)));
  adw_combo_row_set_selected (self->postponed_row,
                              policy_to_choice (evt_feed_get_postponed (feed)));
}

static void
set_busy (EvtExportDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file",
                                 !busy && self->store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->privacy_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancelled_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->postponed_row), !busy);
}

static void
show_error (EvtExportDialog *self,
            const char      *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
open_folder_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (g_variant_get_string (parameter, NULL), NULL,
                                          &error))
    g_warning ("Could not open %s: %s", g_variant_get_string (parameter, NULL),
               error->message);
}

static void
show_toast (EvtExportDialog *self,
            guint            n_written)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autoptr(GFile) folder = g_file_get_parent (self->file);
  AdwToast *toast;

  g_free (self->last_toast);
  /* Translators: %u is a number of events, %s a file name */
  self->last_toast = g_strdup_printf (ngettext ("Exported %u event to %s",
                                                "Exported %u events to %s", n_written),
                                      n_written, name);

  if (self->toast_overlay == NULL)
    return;

  toast = adw_toast_new (self->last_toast);
  adw_toast_set_timeout (toast, 6);

  if (folder != NULL)
    {
      static const GActionEntry entries[] = {
        { "open-folder", open_folder_action, "s" },
      };
      g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
      g_autofree char *uri = g_file_get_uri (folder);

      /* The toast outlives this dialog: its action lives on the overlay. */
      g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries),
                                       NULL);
      gtk_widget_insert_action_group (GTK_WIDGET (self->toast_overlay), "export",
                                      G_ACTION_GROUP (group));
      adw_toast_set_button_label (toast, _("_Open Folder"));
      adw_toast_set_detailed_action_name (toast, "export.open-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EvtExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_written = 0;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (!evt_ical_export_finish (EVT_STORE (object), result, &n_written, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  show_toast (self, n_written);
  g_signal_emit (self, signals[EXPORTED], 0, self->file, n_written);
  gtk_window_destroy (GTK_WINDOW (self));
}

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  return schema != NULL ? g_settings_new (APPLICATION_ID) : NULL;
}

/**
 * evt_export_dialog_export_to_file:
 * @self: a dialog
 * @file: where to write, replaced atomically if it exists
 *
 * Writes the chosen events with the chosen options to @file in a worker thread; when
 * done, the dialog closes and a toast says how many events were written, or the
 * dialog stays and shows the error.
 */
void
evt_export_dialog_export_to_file (EvtExportDialog *self,
                                  GFile           *file)
{
  g_autoptr(EvtQuery) query = NULL;
  g_autoptr(EvtExportOptions) options = NULL;
  g_autofree char *path = NULL;
  EvtFeed *feed;

  g_return_if_fail (EVT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->busy);

  show_error (self, NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("Choose a folder on this computer: that place cannot be written to "
                          "directly"));
      return;
    }

  feed = get_feed (self);
  if (feed != NULL)
    {
      query = evt_feed_build_query (feed, NULL);
      options = evt_feed_build_options (feed);
    }
  else
    {
      g_autoptr(GSettings) settings = lookup_settings ();
      int year = query_get_year (self->query);

      query = self->query != NULL ? evt_query_copy (self->query) : evt_query_new ();
      options = evt_export_options_new ();
      g_free (options->name);
      options->name = year != 0 ? g_strdup_printf (_("Eventail %d"), year)
                                : g_strdup (_("Eventail"));
      if (settings != NULL)
        {
          g_autofree char *zone = g_settings_get_string (settings, "default-timezone");

          if (zone != NULL && *zone != '\0')
            {
              g_free (options->timezone);
              options->timezone = g_steal_pointer (&zone);
            }
        }
    }

  options->privacy = adw_combo_row_get_selected (self->privacy_row) == 1
                       ? EVT_ICAL_PRIVACY_INTERNAL : EVT_ICAL_PRIVACY_PUBLIC;
  options->cancelled = choice_to_policy (adw_combo_row_get_selected (self->cancelled_row));
  options->postponed = choice_to_policy (adw_combo_row_get_selected (self->postponed_row));

  g_set_object (&self->file, file);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  evt_ical_export_async (self->store, query, options, path, self->cancellable,
                         export_done, g_object_ref (self));
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  EvtExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        evt_export_dialog_export_to_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EvtExportDialog *self = EVT_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->busy || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Events"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, _("iCalendar Files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  name = evt_export_dialog_get_suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
feeds_loaded (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(EvtExportDialog) self = user_data;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;

  feeds = g_task_propagate_pointer (G_TASK (result), &error);
  if (feeds == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  g_clear_pointer (&self->feeds, g_ptr_array_unref);
  self->feeds = g_steal_pointer (&feeds);

  for (guint i = 0; i < self->feeds->len; i++)
    {
      EvtFeed *feed = g_ptr_array_index (self->feeds, i);
      /* Translators: an entry of the export dialog's list, %s is a feed's name */
      g_autofree char *label = g_strdup_printf (_("Feed “%s”"), evt_feed_get_name (feed));

      gtk_string_list_append (self->sources, label);
    }
}

static void
load_feeds_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *feeds = evt_feed_list (task_data, &error);

  if (feeds == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, feeds, (GDestroyNotify) g_ptr_array_unref);
}

static void
evt_export_dialog_dispose (GObject *object)
{
  EvtExportDialog *self = (EvtExportDialog *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->toast_overlay != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast_overlay),
                                  (gpointer *) &self->toast_overlay);
  self->toast_overlay = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (evt_export_dialog_parent_class)->dispose (object);
}

static void
evt_export_dialog_finalize (GObject *object)
{
  EvtExportDialog *self = (EvtExportDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_pointer (&self->query, evt_query_free);
  g_clear_pointer (&self->feeds, g_ptr_array_unref);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (evt_export_dialog_parent_class)->finalize (object);
}

static void
evt_export_dialog_class_init (EvtExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evt_export_dialog_dispose;
  object_class->finalize = evt_export_dialog_finalize;

  /**
   * EvtExportDialog::exported:
   * @file: the file written
   * @n_events: how many events it holds
   *
   * Emitted when the file is written, just before the dialog closes.
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/eventail/Eventail/"
                                               "evt-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EvtExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, EvtExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, EvtExportDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, EvtExportDialog, sources);
  gtk_widget_class_bind_template_child (widget_class, EvtExportDialog, privacy_row);
  gtk_widget_class_bind_template_child (widget_class, EvtExportDialog, cancelled_row);
  gtk_widget_class_bind_template_child (widget_class, EvtExportDialog, postponed_row);
  gtk_widget_class_bind_template_child (widget_class, EvtExportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, source_changed);
  gtk_widget_class_bind_template_callback (widget_class, privacy_changed);
  gtk_widget_class_bind_template_callback (widget_class, policy_changed);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL,
                                   choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
evt_export_dialog_init (EvtExportDialog *self)
{
  /* Cancelled and postponed events as a new feed and `eventail export` write them: with a
   * prefix, seen by every subscriber (Google Calendar drops STATUS:CANCELLED). */
  g_autoptr(EvtFeed) defaults = evt_feed_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (self->sources, _("Current View"));
  adw_combo_row_set_selected (self->cancelled_row,
                              policy_to_choice (evt_feed_get_cancelled (defaults)));
  adw_combo_row_set_selected (self->postponed_row,
                              policy_to_choice (evt_feed_get_postponed (defaults)));
  update_privacy_subtitle (self);
  update_policy_subtitle (self, self->cancelled_row);
  update_policy_subtitle (self, self->postponed_row);
}

/**
 * evt_export_dialog_new:
 * @parent: (nullable): the window
 * @store: an open store
 * @query: (nullable): the events the window shows (its year, or its list's filters);
 *   %NULL for every event
 * @description: (nullable): how to call them, "The events of 2021"; %NULL to say it
 *   from @query
 * @toast_overlay: (nullable): where to say that the file is written
 *
 * A dialog that exports the window's events, or one of the feeds, to a file chosen
 * after the options.
 *
 * Returns: (transfer floating): a new dialog, to present
 */
EvtExportDialog *
evt_export_dialog_new (GtkWindow       *parent,
                       EvtStore        *store,
                       const EvtQuery  *query,
                       const char      *description,
                       AdwToastOverlay *toast_overlay)
{
  EvtExportDialog *self;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  self = g_object_new (EVT_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->query = query != NULL ? evt_query_copy (query) : NULL;
  self->description = description != NULL ? g_strdup (description) : describe_query (query);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->source_row), self->description);

  if (toast_overlay != NULL)
    {
      self->toast_overlay = toast_overlay;
      g_object_add_weak_pointer (G_OBJECT (toast_overlay), (gpointer *) &self->toast_overlay);
    }

  set_busy (self, FALSE);

  task = g_task_new (NULL, NULL, feeds_loaded, g_object_ref (self));
  g_task_set_source_tag (task, evt_export_dialog_new);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  g_task_run_in_thread (task, load_feeds_thread);

  return self;
}

/**
 * evt_export_dialog_get_suggested_name:
 * @self: a dialog
 *
 * Returns: (transfer full): the file name offered: "eventail-2021.ics" for a year,
 *   the feed's file name for a feed
 */
char *
evt_export_dialog_get_suggested_name (EvtExportDialog *self)
{
  EvtFeed *feed;
  int year;

  g_return_val_if_fail (EVT_IS_EXPORT_DIALOG (self), NULL);

  feed = get_feed (self);
  if (feed != NULL && evt_feed_get_slug (feed) != NULL)
    return g_strdup_printf ("%s.ics", evt_feed_get_slug (feed));

  year = query_get_year (self->query);
  if (year != 0)
    return g_strdup_printf ("eventail-%d.ics", year);

  return g_strdup ("eventail.ics");
}

/**
 * evt_export_dialog_get_busy:
 * @self: a dialog
 *
 * Returns: %TRUE while the file is written
 */
gboolean
evt_export_dialog_get_busy (EvtExportDialog *self)
{
  g_return_val_if_fail (EVT_IS_EXPORT_DIALOG (self), FALSE);

  return self->busy;
}

/**
 * evt_export_dialog_get_n_sources:
 * @self: a dialog
 *
 * Returns: the number of choices of what to export: the current view, then the feeds
 *   (once read)
 */
guint
evt_export_dialog_get_n_sources (EvtExportDialog *self)
{
  g_return_val_if_fail (EVT_IS_EXPORT_DIALOG (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sources));
}

/**
 * evt_export_dialog_select_source:
 * @self: a dialog
 * @position: 0 for the current view, 1 for the first feed...
 *
 * Chooses what to export, as the Events row does.
 */
void
evt_export_dialog_select_source (EvtExportDialog *self,
                                 guint            position)
{
  g_return_if_fail (EVT_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->source_row, position);
}

/**
 * evt_export_dialog_set_privacy:
 * @self: a dialog
 * @internal: whether the file is for the team (internal) or for anyone (public)
 *
 * Chooses the privacy, as the Privacy row does.
 */
void
evt_export_dialog_set_privacy (EvtExportDialog *self,
                               gboolean         internal)
{
  g_return_if_fail (EVT_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->privacy_row, internal ? 1 : 0);
}

/**
 * evt_export_dialog_set_cancelled:
 * @self: a dialog
 * @choice: what to do with cancelled events
 *
 * Chooses, as the Cancelled Events row does.
 */
void
evt_export_dialog_set_cancelled (EvtExportDialog *self,
                                 EvtExportChoice  choice)
{
  g_return_if_fail (EVT_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->cancelled_row, choice);
}

/**
 * evt_export_dialog_get_error:
 * @self: a dialog
 *
 * Returns: (nullable): the error shown in the dialog
 */
const char *
evt_export_dialog_get_error (EvtExportDialog *self)
{
  g_return_val_if_fail (EVT_IS_EXPORT_DIALOG (self), NULL);

  return self->error;
}

/**
 * evt_export_dialog_get_last_toast:
 * @self: a dialog
 *
 * Returns: (nullable): what the toast of the last export said
 */
const char *
evt_export_dialog_get_last_toast (EvtExportDialog *self)
{
  g_return_val_if_fail (EVT_IS_EXPORT_DIALOG (self), NULL);

  return self->last_toast;
}
