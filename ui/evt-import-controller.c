/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-import-controller.c: imports .ics files into the store for a window, with progress. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-import.h"
#include "evt-import-controller-private.h"

/* An import quicker than this shows no progress bar, only its summary. */
#define SHOW_PROGRESS_DELAY_MS 300

/* Rows of the details window; the rest is counted at its end. */
#define MAX_DETAIL_ROWS 500

/* A file that could not be imported at all, and why. */
typedef struct
{
  char *name;
  char *message;
} Failure;

struct _EvtImportController
{
  GObject           parent_instance;

  GtkWindow        *parent;          /* weak */
  AdwToastOverlay  *toast_overlay;   /* weak */
  EvtStore         *store;
  GSettings        *settings;        /* NULL when the schema is not installed */

  GQueue            queue;           /* GFile, waiting */
  GFile            *current;
  GCancellable     *cancellable;
  guint             n_files;         /* in this run, done, current and waiting */
  guint             n_done;
  double            fraction;
  char             *text;
  guint             show_source;

  GPtrArray        *results;         /* EvtImportResult, of the last run */
  GPtrArray        *failures;        /* Failure, of the last run */
  char             *summary;
  gboolean          cancelled;
  gboolean          show_progress;

  GtkFileChooserNative *chooser;
  GtkWindow        *details;         /* weak */
};

G_DEFINE_FINAL_TYPE (EvtImportController, evt_import_controller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  PROP_SHOW_PROGRESS,
  PROP_FRACTION,
  PROP_TEXT,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void import_next (EvtImportController *self);

static void
failure_free (Failure *failure)
{
  g_free (failure->name);
  g_free (failure->message);
  g_free (failure);
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

static void
set_text (EvtImportController *self,
          char                *text)
{
  if (g_strcmp0 (self->text, text) == 0)
    {
      g_free (text);
      return;
    }

  g_free (self->text);
  self->text = text;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
set_fraction (EvtImportController *self,
              double               fraction)
{
  fraction = CLAMP (fraction, 0.0, 1.0);

  /* Progress comes often on a big file: a bar 1000 pixels wide needs no more. */
  if (ABS (fraction - self->fraction) < 0.001 && fraction != 0.0 && fraction != 1.0)
    return;

  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
set_show_progress (EvtImportController *self,
                   gboolean             show)
{
  if (self->show_progress == show)
    return;

  self->show_progress = show;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PROGRESS]);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  EvtImportController *self = user_data;

  self->show_source = 0;
  set_show_progress (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
add_toast (EvtImportController *self,
           AdwToast            *toast)
{
  if (self->toast_overlay != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_message_toast (EvtImportController *self,
                    const char          *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 5);
  add_toast (self, toast);
}

/* "12 imported, 3 updated, 2 unchanged, 1 skipped", over every file of the run. */
static char *
format_totals (GPtrArray *results)
{
  guint imported = 0, updated = 0, unchanged = 0, skipped = 0, removed = 0;
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < results->len; i++)
    {
      const EvtImportResult *result = g_ptr_array_index (results, i);

      imported += result->n_imported;
      updated += result->n_updated;
      unchanged += result->n_unchanged;
      skipped += result->n_skipped;
      removed += result->n_removed;
    }

  /* Translators: the import summary is "12 imported, 3 updated, 2 unchanged, 1 skipped" */
  g_string_append_printf (s, ngettext ("%u imported", "%u imported", imported), imported);
  g_string_append (s, ", ");
  g_string_append_printf (s, ngettext ("%u updated", "%u updated", updated), updated);
  g_string_append (s, ", ");
  g_string_append_printf (s, ngettext ("%u unchanged", "%u unchanged", unchanged), unchanged);
  g_string_append (s, ", ");
  g_string_append_printf (s, ngettext ("%u skipped", "%u skipped", skipped), skipped);
  if (removed > 0)
    {
      g_string_append (s, ", ");
      g_string_append_printf (s, ngettext ("%u removed", "%u removed", removed), removed);
    }

  return g_string_free (s, FALSE);
}

static gboolean
has_details (EvtImportController *self)
{
  if (self->failures->len > 0)
    return TRUE;

  for (guint i = 0; i < self->results->len; i++)
    {
      const EvtImportResult *result = g_ptr_array_index (self->results, i);

      if (result->messages->len > 0)
        return TRUE;
    }

  return FALSE;
}

static char *
build_summary (EvtImportController *self)
{
  g_autofree char *totals = NULL;
  guint n_failed = self->failures->len;

  if (self->results->len == 0 && n_failed == 0)
    return g_strdup (_("Import cancelled"));

  if (self->results->len == 0)
    {
      if (n_failed == 1)
        {
          const Failure *failure = g_ptr_array_index (self->failures, 0);

          /* Translators: a file that could not be imported at all */
          return g_strdup_printf (_("Could not import “%s”"), failure->name);
        }
      return g_strdup_printf (ngettext ("Could not import %u file", "Could not import %u files",
                                        n_failed), n_failed);
    }

  totals = format_totals (self->results);

  if (self->cancelled)
    /* Translators: %s is the summary of what was done before, "12 imported, …" */
    return g_strdup_printf (_("Import cancelled after %s"), totals);

  if (n_failed > 0)
    /* Translators: %s is "12 imported, 3 updated, 2 unchanged, 1 skipped"; then the number
     * of files that could not be read at all */
    return g_strdup_printf (ngettext ("%s; %u file refused", "%s; %u files refused", n_failed),
                            totals, n_failed);

  return g_steal_pointer (&totals);
}

static void
finish_run (EvtImportController *self)
{
  AdwToast *toast;

  g_clear_handle_id (&self->show_source, g_source_remove);
  g_clear_object (&self->cancellable);
  self->n_files = 0;
  self->n_done = 0;

  g_free (self->summary);
  self->summary = build_summary (self);

  toast = adw_toast_new (self->summary);
  if (has_details (self))
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "import.details");
      adw_toast_set_timeout (toast, 10);
    }
  else
    adw_toast_set_timeout (toast, 5);
  add_toast (self, toast);

  set_show_progress (self, FALSE);
  set_fraction (self, 0.0);
  set_text (self, g_strdup (""));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_signal_emit (self, signals[FINISHED], 0, self->summary);
}

static void
update_text (EvtImportController *self)
{
  g_autofree char *name = g_file_get_basename (self->current);

  if (self->n_files > 1)
    /* Translators: the file being imported, then its rank and the number of files */
    set_text (self, g_strdup_printf (_("Importing “%s” (%u of %u)…"), name,
                                     self->n_done + 1, self->n_files));
  else
    set_text (self, g_strdup_printf (_("Importing “%s”…"), name));
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  EvtImportController *self = user_data;

  if (self->n_files == 0)
    return;

  set_fraction (self, (self->n_done + fraction) / self->n_files);
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EvtImportController) self = user_data;
  g_autoptr(EvtImportResult) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_steal_pointer (&self->current);

  report = evt_import_file_finish (EVT_STORE (object), result, &error);

  if (report != NULL)
    g_ptr_array_add (self->results, g_steal_pointer (&report));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    self->cancelled = TRUE;
  else
    {
      Failure *failure = g_new0 (Failure, 1);

      failure->name = g_file_get_basename (file);
      failure->message = g_strdup (error->message);
      g_ptr_array_add (self->failures, failure);
    }

  self->n_done++;
  set_fraction (self, self->n_files > 0 ? (double) self->n_done / self->n_files : 1.0);

  if (self->cancelled)
    g_queue_clear_full (&self->queue, g_object_unref);

  import_next (self);
}

static void
import_next (EvtImportController *self)
{
  g_autoptr(EvtImportOptions) options = NULL;

  self->current = g_queue_pop_head (&self->queue);
  if (self->current == NULL)
    {
      finish_run (self);
      return;
    }

  update_text (self);

  options = evt_import_options_new ();
  if (self->settings != NULL)
    {
      g_autofree char *zone = g_settings_get_string (self->settings, "default-timezone");

      if (zone != NULL && *zone != '\0')
        {
          g_free (options->default_timezone);
          options->default_timezone = g_steal_pointer (&zone);
        }
    }

  evt_import_file_async (self->store, self->current, options, self->cancellable,
                         on_progress, g_object_ref (self), g_object_unref,
                         import_done, g_object_ref (self));
}

/**
 * evt_import_controller_import:
 * @self: a controller
 * @files: (element-type GFile): the files to import
 *
 * Imports @files one after the other, each in a worker thread and in one transaction
 * of its own. A progress bar is offered (EvtImportBanner) when it takes long; a toast
 * gives the summary when all are done, with the details of what was skipped. Files
 * given while an import runs are added to it.
 */
void
evt_import_controller_import (EvtImportController *self,
                              GListModel          *files)
{
  guint n;
  gboolean was_busy;

  g_return_if_fail (EVT_IS_IMPORT_CONTROLLER (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  n = g_list_model_get_n_items (files);
  if (n == 0)
    return;

  if (self->store == NULL)
    {
      show_message_toast (self, _("The database is not open yet: try again in a moment"));
      return;
    }

  was_busy = evt_import_controller_get_busy (self);

  for (guint i = 0; i < n; i++)
    g_queue_push_tail (&self->queue, g_list_model_get_item (files, i));
  self->n_files += n;

  if (was_busy)
    {
      update_text (self);
      return;
    }

  g_ptr_array_set_size (self->results, 0);
  g_ptr_array_set_size (self->failures, 0);
  self->cancelled = FALSE;
  self->cancellable = g_cancellable_new ();
  set_fraction (self, 0.0);
  self->show_source = g_timeout_add (SHOW_PROGRESS_DELAY_MS, show_progress_cb, self);

  import_next (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * evt_import_controller_cancel:
 * @self: a controller
 *
 * Stops the import: the file being read is left out entirely (its transaction is not
 * committed), the files after it are not read.
 */
void
evt_import_controller_cancel (EvtImportController *self)
{
  g_return_if_fail (EVT_IS_IMPORT_CONTROLLER (self));

  g_queue_clear_full (&self->queue, g_object_unref);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* ------------------------------------------------------------------------ */
/* Details                                                                   */

static GtkWidget *
detail_row (const char *icon_name,
            const char *style,
            const char *text,
            const char *kind)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind);
  gtk_widget_add_css_class (row, "import-detail");

  if (style != NULL)
    gtk_widget_add_css_class (icon, style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kind, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static char *
format_counts (const EvtImportResult *result)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autofree char *counts = NULL;

  g_ptr_array_add (one, (gpointer) result);
  counts = format_totals (one);

  return g_steal_pointer (&counts);
}

/* A group per file: its counts, then its messages, skipped events first (those are what
 * people have to look at). */
static GtkWidget *
build_details_page (EvtImportController *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  guint n_rows = 0, n_left = 0;

  if (self->failures->len > 0)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                       ngettext ("File Refused", "Files Refused",
                                                 self->failures->len));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("Nothing was imported from these files."));
      for (guint i = 0; i < self->failures->len; i++)
        {
          const Failure *failure = g_ptr_array_index (self->failures, i);

          /* The importer's messages start with the file's name. */
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     detail_row ("dialog-error-symbolic", "error",
                                                 failure->message, _("File refused")));
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }

  for (guint i = 0; i < self->results->len; i++)
    {
      const EvtImportResult *result = g_ptr_array_index (self->results, i);
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *counts = format_counts (result);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), result->name);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), counts);

      for (int pass = 0; pass < 2; pass++)
        for (guint j = 0; j < result->messages->len; j++)
          {
            const EvtImportMessage *message = g_ptr_array_index (result->messages, j);
            gboolean skipped = message->kind == EVT_IMPORT_MESSAGE_SKIPPED;
            g_autofree char *text = NULL;
            GtkWidget *row;

            if (skipped != (pass == 0))
              continue;

            if (n_rows >= MAX_DETAIL_ROWS)
              {
                n_left++;
                continue;
              }

            if (message->line > 0)
              /* Translators: where a message of the import report is, then the message */
              text = g_strdup_printf (_("Line %u: %s"), message->line, message->text);
            else
              text = g_strdup (message->text);

            if (skipped)
              row = detail_row ("dialog-error-symbolic", "error", text, _("Event skipped"));
            else if (message->kind == EVT_IMPORT_MESSAGE_WARNING)
              row = detail_row ("dialog-warning-symbolic", "warning", text,
                                _("Imported, with a repair"));
            else
              row = detail_row ("dialog-information-symbolic", "dim-label", text, _("Note"));
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
            n_rows++;
          }

      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }

  if (n_left > 0)
    {
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *text = g_strdup_printf (ngettext ("And %u more message",
                                                         "And %u more messages", n_left),
                                               n_left);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), text);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }

  return page;
}

/**
 * evt_import_controller_show_details:
 * @self: a controller
 *
 * Presents a window with, for each file of the last import, what it did and every
 * message: events skipped and why (with their line), repairs, files refused.
 *
 * Returns: (transfer none): the window
 */
GtkWindow *
evt_import_controller_show_details (EvtImportController *self)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *page;
  GtkEventController *shortcuts;

  g_return_val_if_fail (EVT_IS_IMPORT_CONTROLLER (self), NULL);

  if (self->details != NULL)
    gtk_window_destroy (self->details);

  /* A window rather than a message dialog: messages are long and may be many. */
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Import Details"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), self->parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 560);
  gtk_widget_set_size_request (window, 360, 300);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  page = build_details_page (self);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape,
                                                                                  0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  self->details = GTK_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->details);
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

static void
details_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  evt_import_controller_show_details (user_data);
}

/* ------------------------------------------------------------------------ */
/* File chooser and drops                                                    */

static void
chooser_response (GtkNativeDialog     *chooser,
                  int                  response,
                  EvtImportController *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      evt_import_controller_import (self, files);
    }

  g_clear_object (&self->chooser);
}

/**
 * evt_import_controller_open:
 * @self: a controller
 *
 * Asks for .ics files to import (any number) with the file chooser, then imports them.
 */
void
evt_import_controller_open (EvtImportController *self)
{
  g_autoptr(GtkFileFilter) ics = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (EVT_IS_IMPORT_CONTROLLER (self));

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Import Events"), self->parent,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);

  gtk_file_filter_set_name (ics, _("iCalendar Files"));
  gtk_file_filter_add_mime_type (ics, "text/calendar");
  gtk_file_filter_add_suffix (ics, "ics");
  gtk_file_filter_add_suffix (ics, "ical");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), ics);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), ics);

  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/**
 * evt_import_is_calendar_file:
 * @file: a file
 *
 * Tells .ics files from others by their name alone (no disk access, so that a drop
 * can be refused while it hovers the window).
 *
 * Returns: %TRUE if @file looks like an iCalendar file
 */
gboolean
evt_import_is_calendar_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = NULL;
  g_autofree char *type = NULL;

  if (name == NULL)
    return FALSE;

  lower = g_utf8_strdown (name, -1);
  if (g_str_has_suffix (lower, ".ics") || g_str_has_suffix (lower, ".ical") ||
      g_str_has_suffix (lower, ".icalendar") || g_str_has_suffix (lower, ".ifb"))
    return TRUE;

  type = g_content_type_guess (name, NULL, 0, NULL);
  return g_content_type_is_mime_type (type, "text/calendar");
}

/**
 * evt_import_controller_drop:
 * @self: a controller
 * @value: a #GValue holding a #GdkFileList, as a #GtkDropTarget gives it
 *
 * Imports the .ics files of a drop; other files are left out, with a toast when none
 * is left.
 *
 * Returns: %TRUE if the drop was taken
 */
gboolean
evt_import_controller_drop (EvtImportController *self,
                            const GValue        *value)
{
  g_autoptr(GListStore) files = NULL;
  GSList *list;
  guint n_refused = 0;

  g_return_val_if_fail (EVT_IS_IMPORT_CONTROLLER (self), FALSE);

  if (value == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_list_store_new (G_TYPE_FILE);
  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    {
      if (evt_import_is_calendar_file (l->data))
        g_list_store_append (files, l->data);
      else
        n_refused++;
    }
  g_slist_free (list);

  if (g_list_model_get_n_items (G_LIST_MODEL (files)) == 0)
    {
      if (n_refused > 0)
        show_message_toast (self, _("Only iCalendar (.ics) files can be imported"));
      return FALSE;
    }

  if (self->store == NULL)
    {
      show_message_toast (self, _("The database is not open yet: try again in a moment"));
      return FALSE;
    }

  evt_import_controller_import (self, G_LIST_MODEL (files));
  return TRUE;
}

/* The outline goes on the content (the toast overlay) rather than on the window, whose
 * own box shadow draws its border. */
static void
set_drop_highlight (EvtImportController *self,
                    GtkDropTarget       *target,
                    gboolean             highlight)
{
  GtkWidget *widget = self->toast_overlay != NULL
                        ? GTK_WIDGET (self->toast_overlay)
                        : gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  if (widget == NULL)
    return;

  if (highlight)
    gtk_widget_add_css_class (widget, "import-drop");
  else
    gtk_widget_remove_css_class (widget, "import-drop");
}

static gboolean
on_drop (GtkDropTarget       *target,
         const GValue        *value,
         double               x,
         double               y,
         EvtImportController *self)
{
  set_drop_highlight (self, target, FALSE);

  return evt_import_controller_drop (self, value);
}

/* Files that are not .ics are refused while they hover, so the pointer says so. */
static void
on_drop_value (GtkDropTarget       *target,
               GParamSpec          *pspec,
               EvtImportController *self)
{
  const GValue *value = gtk_drop_target_get_value (target);
  GSList *list;
  gboolean any = FALSE;

  if (value == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL && !any; l = l->next)
    any = evt_import_is_calendar_file (l->data);
  g_slist_free (list);

  if (!any)
    gtk_drop_target_reject (target);
}

static GdkDragAction
on_drop_enter (GtkDropTarget       *target,
               double               x,
               double               y,
               EvtImportController *self)
{
  set_drop_highlight (self, target, TRUE);

  return GDK_ACTION_COPY;
}

static void
on_drop_leave (GtkDropTarget       *target,
               EvtImportController *self)
{
  set_drop_highlight (self, target, FALSE);
}

/**
 * evt_import_controller_create_drop_target:
 * @self: a controller
 *
 * A drop target for .ics files dragged from a file manager: add it to a widget
 * (the window) with gtk_widget_add_controller(). While files hover it, the widget has
 * the style class "import-drop" (on the toast overlay, if the controller has one).
 *
 * Returns: (transfer full): a new drop target
 */
GtkDropTarget *
evt_import_controller_create_drop_target (EvtImportController *self)
{
  GtkDropTarget *target;

  g_return_val_if_fail (EVT_IS_IMPORT_CONTROLLER (self), NULL);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  gtk_drop_target_set_preload (target, TRUE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (target), "evt-import-drop");
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  g_signal_connect_object (target, "enter", G_CALLBACK (on_drop_enter), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (on_drop_leave), self, 0);
  g_signal_connect_object (target, "notify::value", G_CALLBACK (on_drop_value), self, 0);

  return target;
}

/* ------------------------------------------------------------------------ */
/* The object                                                                */

static void
evt_import_controller_dispose (GObject *object)
{
  EvtImportController *self = (EvtImportController *)object;

  evt_import_controller_cancel (self);
  g_clear_handle_id (&self->show_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->details != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->details), (gpointer *) &self->details);
  self->details = NULL;
  if (self->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *) &self->parent);
  self->parent = NULL;
  if (self->toast_overlay != NULL)
    {
      gtk_widget_insert_action_group (GTK_WIDGET (self->toast_overlay), "import", NULL);
      g_object_remove_weak_pointer (G_OBJECT (self->toast_overlay),
                                    (gpointer *) &self->toast_overlay);
    }
  self->toast_overlay = NULL;
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (evt_import_controller_parent_class)->dispose (object);
}

static void
evt_import_controller_finalize (GObject *object)
{
  EvtImportController *self = (EvtImportController *)object;

  g_queue_clear_full (&self->queue, g_object_unref);
  g_clear_object (&self->current);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->failures, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (evt_import_controller_parent_class)->finalize (object);
}

static void
evt_import_controller_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EvtImportController *self = EVT_IMPORT_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, evt_import_controller_get_busy (self));
      break;
    case PROP_SHOW_PROGRESS:
      g_value_set_boolean (value, self->show_progress);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_import_controller_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EvtImportController *self = EVT_IMPORT_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      evt_import_controller_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_import_controller_class_init (EvtImportControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evt_import_controller_dispose;
  object_class->finalize = evt_import_controller_finalize;
  object_class->get_property = evt_import_controller_get_property;
  object_class->set_property = evt_import_controller_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EVT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_PROGRESS] =
    g_param_spec_boolean ("show-progress", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvtImportController::finished:
   * @summary: what the toast says, "12 imported, 3 updated, 2 unchanged, 1 skipped"
   *
   * Emitted when the last file of an import is done (or the import was cancelled).
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
evt_import_controller_init (EvtImportController *self)
{
  g_queue_init (&self->queue);
  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) evt_import_result_free);
  self->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) failure_free);
  self->settings = lookup_settings ();
  self->text = g_strdup ("");
}

/**
 * evt_import_controller_new:
 * @parent: (nullable): the window the file chooser and dialogs belong to
 * @toast_overlay: (nullable): where the summary is shown; its "Details" button
 *   uses the action group "import" that the controller adds to it
 *
 * Returns: (transfer full): a new controller, without a store yet
 */
EvtImportController *
evt_import_controller_new (GtkWindow       *parent,
                           AdwToastOverlay *toast_overlay)
{
  EvtImportController *self = g_object_new (EVT_TYPE_IMPORT_CONTROLLER, NULL);

  if (parent != NULL)
    {
      self->parent = parent;
      g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->parent);
    }

  if (toast_overlay != NULL)
    {
      static const GActionEntry entries[] = {
        { "details", details_action },
      };
      g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

      self->toast_overlay = toast_overlay;
      g_object_add_weak_pointer (G_OBJECT (toast_overlay), (gpointer *) &self->toast_overlay);
      g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries),
                                       self);
      gtk_widget_insert_action_group (GTK_WIDGET (toast_overlay), "import",
                                      G_ACTION_GROUP (group));
    }

  return self;
}

/**
 * evt_import_controller_get_store:
 * @self: a controller
 *
 * Returns: (transfer none) (nullable): the store files are imported into
 */
EvtStore *
evt_import_controller_get_store (EvtImportController *self)
{
  g_return_val_if_fail (EVT_IS_IMPORT_CONTROLLER (self), NULL);

  return self->store;
}

/**
 * evt_import_controller_set_store:
 * @self: a controller
 * @store: (nullable): an open store
 *
 * Sets the store the next imports go to.
 */
void
evt_import_controller_set_store (EvtImportController *self,
                                 EvtStore            *store)
{
  g_return_if_fail (EVT_IS_IMPORT_CONTROLLER (self));
  g_return_if_fail (store == NULL || EVT_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * evt_import_controller_get_busy:
 * @self: a controller
 *
 * Returns: %TRUE while files are being imported
 */
gboolean
evt_import_controller_get_busy (EvtImportController *self)
{
  g_return_val_if_fail (EVT_IS_IMPORT_CONTROLLER (self), FALSE);

  return self->current != NULL || !g_queue_is_empty (&self->queue);
}

/**
 * evt_import_controller_get_show_progress:
 * @self: a controller
 *
 * Returns: %TRUE when the import has taken long enough to show its progress
 */
gboolean
evt_import_controller_get_show_progress (EvtImportController *self)
{
  g_return_val_if_fail (EVT_IS_IMPORT_CONTROLLER (self), FALSE);

  return self->show_progress;
}

/**
 * evt_import_controller_get_fraction:
 * @self: a controller
 *
 * Returns: how much of the import is done, over all its files, from 0.0 to 1.0
 */
double
evt_import_controller_get_fraction (EvtImportController *self)
{
  g_return_val_if_fail (EVT_IS_IMPORT_CONTROLLER (self), 0.0);

  return self->fraction;
}

/**
 * evt_import_controller_get_text:
 * @self: a controller
 *
 * Returns: (transfer none): what is being done, "Importing “partners.ics”…"
 */
const char *
evt_import_controller_get_text (EvtImportController *self)
{
  g_return_val_if_fail (EVT_IS_IMPORT_CONTROLLER (self), NULL);

  return self->text;
}

/**
 * evt_import_controller_get_summary:
 * @self: a controller
 *
 * Returns: (transfer none) (nullable): the summary of the last import, as its toast
 *   shows it
 */
const char *
evt_import_controller_get_summary (EvtImportController *self)
{
  g_return_val_if_fail (EVT_IS_IMPORT_CONTROLLER (self), NULL);

  return self->summary;
}
