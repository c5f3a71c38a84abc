/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-organisation-editor.c: add or edit one organisation of the directory, saved when asked. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-organisation-editor-private.h"
#include "evt-people-common.h"

struct _EvtOrganisationEditor
{
  AdwWindow        parent_instance;

  EvtStore        *store;
  EvtOrganisation *organisation;  /* a copy, edited; id 0 for a new one */
  GPtrArray       *sector_slugs;  /* char *, by position in the Sector row; NULL for none */
  GCancellable    *cancellable;
  gboolean         loading;       /* the sectors are being read */
  gboolean         filling;       /* the widgets are being given the organisation */
  gboolean         busy;          /* a save or a deletion is under way */
  gboolean         modified;
  gboolean         may_close;     /* saved, deleted, or the changes given up */

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  AdwEntryRow     *name_row;
  AdwComboRow     *kind_row;
  AdwActionRow    *member_row;
  GtkSwitch       *member_switch;
  AdwComboRow     *sector_row;
  AdwEntryRow     *city_row;
  AdwEntryRow     *email_row;
  AdwEntryRow     *phone_row;
  GtkWidget       *delete_group;
};

G_DEFINE_FINAL_TYPE (EvtOrganisationEditor, evt_organisation_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (EvtOrganisationEditor *self)
{
  g_autofree char *name = NULL;

  if (self->organisation == NULL)
    return;  /* still in init () */
  name = evt_people_entry_text (self->name_row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.save",
                                 !self->busy && !self->loading && name != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.delete",
                                 !self->busy && evt_organisation_get_id (self->organisation) != 0);
}

static void
update_title (EvtOrganisationEditor *self)
{
  g_autofree char *name = NULL;
  g_autofree char *line = NULL;

  if (self->organisation == NULL)
    return;
  name = evt_people_entry_text (self->name_row);
  line = evt_one_line (name);
  adw_window_title_set_title (self->window_title,
                              evt_organisation_get_id (self->organisation) != 0
                              ? _("Edit Organisation") : _("New Organisation"));
  adw_window_title_set_subtitle (self->window_title, line);
}

static void
set_modified (EvtOrganisationEditor *self)
{
  if (!self->filling)
    self->modified = TRUE;
  update_actions (self);
}

static void
on_field_changed (EvtOrganisationEditor *self)
{
  set_modified (self);
}

static void
on_name_changed (EvtOrganisationEditor *self)
{
  evt_people_clear_field_error (GTK_WIDGET (self->name_row));
  update_title (self);
  set_modified (self);
}

static void
on_email_changed (EvtOrganisationEditor *self)
{
  evt_people_clear_field_error (GTK_WIDGET (self->email_row));
  set_modified (self);
}

static void
on_sector_changed (EvtOrganisationEditor *self)
{
  evt_people_clear_field_error (GTK_WIDGET (self->sector_row));
  set_modified (self);
}

static void
on_entry_activated (EvtOrganisationEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "organisation.save", NULL);
}

static void
show_toast (EvtOrganisationEditor *self,
            const char            *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* --- Sectors ---------------------------------------------------------------------------------- */

static void
list_sectors_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *sectors = evt_store_list_sectors (source_object, &error);

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
  g_autoptr(EvtOrganisationEditor) self = user_data;
  g_autoptr(GPtrArray) sectors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *current = evt_organisation_get_sector (self->organisation);
  guint selected = 0;

  sectors = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_ptr_array_set_size (self->sector_slugs, 0);
  /* Translators: the sector of an organisation that has none */
  gtk_string_list_append (names, _("None"));
  g_ptr_array_add (self->sector_slugs, NULL);
  for (guint i = 0; sectors != NULL && i < sectors->len; i++)
    {
      EvtSector *sector = g_ptr_array_index (sectors, i);

      gtk_string_list_append (names, sector->name);
      g_ptr_array_add (self->sector_slugs, g_strdup (sector->slug));
      if (g_strcmp0 (sector->slug, current) == 0)
        selected = i + 1;
    }
  /* A sector the store no longer lists stays what it was, by its slug. */
  if (current != NULL && selected == 0)
    {
      gtk_string_list_append (names, current);
      g_ptr_array_add (self->sector_slugs, g_strdup (current));
      selected = self->sector_slugs->len - 1;
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->sector_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->sector_row, selected);
  self->filling = FALSE;
  self->loading = FALSE;
  if (error != NULL)
    show_toast (self, error->message);
  update_actions (self);
}

/* --- Save ------------------------------------------------------------------------------------- */

static GtkWidget *
field_row (EvtOrganisationEditor *self,
           const char            *field)
{
  if (g_strcmp0 (field, "name") == 0)
    return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (field, "email") == 0)
    return GTK_WIDGET (self->email_row);
  if (g_strcmp0 (field, "sector") == 0)
    return GTK_WIDGET (self->sector_row);
  return NULL;
}

static gboolean
save_write (EvtStore  *store,
            gpointer   data,
            GError   **error)
{
  return evt_people_save_organisation (store, data, error);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(EvtOrganisationEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  self->busy = FALSE;
  update_actions (self);
  if (!evt_people_run_finish (EVT_STORE (source), result, &error))
    {
      row = field_row (self, evt_people_error_get_field (error));
      if (row != NULL)
        {
          evt_people_show_field_error (row, error->message);
          gtk_widget_grab_focus (row);
        }
      else
        show_toast (self, error->message);
      return;
    }
  self->may_close = TRUE;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->organisation);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvtOrganisationEditor *self = EVT_ORGANISATION_EDITOR (widget);
  g_autofree char *name = evt_people_entry_text (self->name_row);
  g_autofree char *city = evt_people_entry_text (self->city_row);
  g_autofree char *email = evt_people_entry_text (self->email_row);
  g_autofree char *phone = evt_people_entry_text (self->phone_row);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint sector = adw_combo_row_get_selected (self->sector_row);

  if (self->busy || self->loading)
    return;

  evt_organisation_set_name (self->organisation, name);
  if (kind < EVT_N_ORGANISATION_KINDS)
    evt_organisation_set_kind (self->organisation, kind);
  evt_organisation_set_member (self->organisation, gtk_switch_get_active (self->member_switch));
  if (sector < self->sector_slugs->len)
    evt_organisation_set_sector (self->organisation,
                                 g_ptr_array_index (self->sector_slugs, sector));
  evt_organisation_set_city (self->organisation, city);
  evt_organisation_set_email (self->organisation, email);
  evt_organisation_set_phone (self->organisation, phone);

  self->busy = TRUE;
  update_actions (self);
  /* The thread writes a copy: the widgets may read the one edited meanwhile. */
  evt_people_run_async (self->store, save_write, g_object_ref (self->organisation),
                        g_object_unref, NULL, on_saved, g_object_ref (self));
}

/* --- Delete ----------------------------------------------------------------------------------- */

static void
on_deleted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(EvtOrganisationEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  update_actions (self);
  if (!evt_organisation_editor_delete_finish (EVT_STORE (source), result, &error))
    {
      /* Given up, or refused with the reason already shown. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  self->may_close = TRUE;
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, self->organisation);
  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvtOrganisationEditor *self = EVT_ORGANISATION_EDITOR (widget);

  if (self->busy || evt_organisation_get_id (self->organisation) == 0)
    return;
  self->busy = TRUE;
  update_actions (self);
  evt_organisation_editor_delete_async (GTK_WINDOW (self), self->store, self->organisation,
                                        NULL, on_deleted, g_object_ref (self));
}

typedef struct
{
  GtkWindow       *parent;
  EvtOrganisation *organisation;
  guint            n_people;
  guint            n_events;  /* it takes part in itself: what the core refuses a delete for */
} DeleteData;

static void
delete_data_free (DeleteData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->organisation);
  g_free (data);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DeleteData *data = task_data;
  gint64 id = evt_organisation_get_id (data->organisation);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        NULL);
  GError *error = NULL;

  people = evt_people_list_people (source_object, NULL, id, &error);
  if (people != NULL)
    parts = evt_people_list_organisation_participations (source_object, id, &error);
  if (parts == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < parts->len; i++)
    {
      EvtParticipation *part = g_ptr_array_index (parts, i);

      if (evt_participation_get_organisation_id (part) == id)
        g_hash_table_add (events, g_memdup2 (&(gint64) { evt_participation_get_event_id (part) },
                                             sizeof (gint64)));
    }
  data->n_people = people->len;
  data->n_events = g_hash_table_size (events);
  g_task_return_boolean (task, TRUE);
}

static gboolean
delete_write (EvtStore  *store,
              gpointer   data,
              GError   **error)
{
  return evt_people_delete_organisation (store, evt_organisation_get_id (data), error);
}

static void
on_delete_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (evt_people_run_finish (EVT_STORE (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    GTask            *task)
{
  DeleteData *data = g_task_get_task_data (task);

  /* Once: closing the dialog after a response may give its close response too. */
  if (g_object_get_data (G_OBJECT (dialog), "evt-answered") != NULL)
    return;
  g_object_set_data (G_OBJECT (dialog), "evt-answered", GINT_TO_POINTER (TRUE));

  if (g_str_equal (response, "delete"))
    evt_people_run_async (g_task_get_source_object (task), delete_write,
                          g_object_ref (data->organisation), g_object_unref,
                          g_task_get_cancellable (task), on_delete_written, g_object_ref (task));
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             _("The organisation was not deleted"));
}

static void
unref_task (gpointer  data,
            GClosure *closure)
{
  g_object_unref (data);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  DeleteData *data = g_task_get_task_data (task);
  g_autofree char *name = evt_one_line (evt_organisation_get_name (data->organisation));
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->n_events > 0)
    {
      /* Translators: the heading of a dialog; %s is the name of an organisation */
      heading = g_strdup_printf (_("“%s” Cannot Be Deleted"), name);
      g_string_append_printf (body,
                              ngettext ("It takes part in %u event. Remove it from that "
                                        "event’s participants first, or merge it into "
                                        "another organisation from the Directory’s menu.",
                                        "It takes part in %u events. Remove it from those "
                                        "events’ participants first, or merge it into "
                                        "another organisation from the Directory’s menu.",
                                        data->n_events),
                              data->n_events);
      dialog = adw_message_dialog_new (data->parent, heading, body->str);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    }
  else
    {
      /* Translators: the heading of a dialog; %s is the name of an organisation */
      heading = g_strdup_printf (_("Delete “%s”?"), name);
      if (data->n_people > 0)
        {
          g_string_append_printf (body,
                                  ngettext ("Its %u person stays in the directory, without "
                                            "an organisation.",
                                            "Its %u people stay in the directory, without "
                                            "an organisation.",
                                            data->n_people),
                                  data->n_people);
          g_string_append_c (body, ' ');
        }
      g_string_append (body, _("Leads with it keep its name. This cannot be undone."));
      dialog = adw_message_dialog_new (data->parent, heading, body->str);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "delete", _("_Delete"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    }
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response),
                         g_steal_pointer (&task), unref_task, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * evt_organisation_editor_delete_async:
 * @parent: (nullable): the window the confirmation is for
 * @store: the store
 * @organisation: the organisation to delete
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once deleted, refused or given up
 * @user_data: data for @callback
 *
 * Reads what goes with @organisation in a worker thread (its people, the events it
 * takes part in), then asks: a confirmation that says what becomes of its people,
 * or, when the core would refuse (it takes part in events), why it cannot be
 * deleted and what to do instead. The Directory's list and the editor share it.
 */
void
evt_organisation_editor_delete_async (GtkWindow           *parent,
                                      EvtStore            *store,
                                      EvtOrganisation     *organisation,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) count = NULL;
  DeleteData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (EVT_IS_STORE (store));
  g_return_if_fail (EVT_IS_ORGANISATION (organisation));

  data = g_new0 (DeleteData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->organisation = evt_organisation_copy (organisation);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, evt_organisation_editor_delete_async);
  g_task_set_task_data (task, data, (GDestroyNotify) delete_data_free);

  count = g_task_new (store, cancellable, on_counted, g_object_ref (task));
  g_task_set_source_tag (count, count_thread);
  g_task_set_task_data (count, data, NULL);
  g_task_run_in_thread (count, count_thread);
}

/**
 * evt_organisation_editor_delete_finish:
 * @store: the store
 * @result: the result given to the callback
 * @error: return location for a #GError: %G_IO_ERROR_CANCELLED when given up or
 *   refused with the reason shown (it takes part in events), else what the core said
 *
 * Returns: %TRUE if the organisation was deleted
 */
gboolean
evt_organisation_editor_delete_finish (EvtStore      *store,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        evt_organisation_editor_delete_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- Closing ---------------------------------------------------------------------------------- */

static gboolean
close_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_discard_response (AdwMessageDialog      *dialog,
                     const char            *response,
                     EvtOrganisationEditor *self)
{
  /* Once the question is gone: it is transient for this window. */
  if (g_str_equal (response, "discard"))
    {
      self->may_close = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
    }
}

static gboolean
evt_organisation_editor_close_request (GtkWindow *window)
{
  EvtOrganisationEditor *self = EVT_ORGANISATION_EDITOR (window);
  GtkWidget *dialog;

  /* A save under way closes the dialog when done, or shows why it did not. */
  if (self->busy)
    return TRUE;
  if (self->modified && !self->may_close)
    {
      dialog = adw_message_dialog_new (window, _("Discard Changes?"),
                                       _("What was typed in this organisation is not saved."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "keep", _("_Keep Editing"),
                                        "discard", _("_Discard"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (evt_organisation_editor_parent_class)->close_request (window);
}

/* --- GObject ---------------------------------------------------------------------------------- */

static void
evt_organisation_editor_dispose (GObject *object)
{
  EvtOrganisationEditor *self = EVT_ORGANISATION_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_ORGANISATION_EDITOR);
  G_OBJECT_CLASS (evt_organisation_editor_parent_class)->dispose (object);
}

static void
evt_organisation_editor_finalize (GObject *object)
{
  EvtOrganisationEditor *self = EVT_ORGANISATION_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->organisation);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->sector_slugs, g_ptr_array_unref);

  G_OBJECT_CLASS (evt_organisation_editor_parent_class)->finalize (object);
}

static void
evt_organisation_editor_class_init (EvtOrganisationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = evt_organisation_editor_dispose;
  object_class->finalize = evt_organisation_editor_finalize;
  window_class->close_request = evt_organisation_editor_close_request;

  /**
   * EvtOrganisationEditor::saved:
   * @self: the editor
   * @organisation: the organisation, as saved (with its id)
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, EVT_TYPE_ORGANISATION);

  /**
   * EvtOrganisationEditor::deleted:
   * @self: the editor
   * @organisation: the organisation deleted
   */
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, EVT_TYPE_ORGANISATION);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/eventail/Eventail/evt-organisation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, member_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, member_switch);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, sector_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, city_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_email_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sector_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "organisation.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "organisation.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "organisation.save", NULL);
}

static void
evt_organisation_editor_init (EvtOrganisationEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sectors = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->sector_slugs = g_ptr_array_new_with_free_func (g_free);
  self->loading = TRUE;

  for (EvtOrganisationKind k = 0; k < EVT_N_ORGANISATION_KINDS; k++)
    gtk_string_list_append (kinds, evt_organisation_kind_get_label (k));
  self->filling = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  /* Until the store's sectors are read. */
  gtk_string_list_append (sectors, _("None"));
  adw_combo_row_set_model (self->sector_row, G_LIST_MODEL (sectors));
  self->filling = FALSE;

  evt_people_name_rows (GTK_WIDGET (self));
  evt_people_name (self->member_switch, _("Member of the Cluster"));
}

/**
 * evt_organisation_editor_new:
 * @parent: (nullable): the window it is for
 * @store: the store
 * @organisation: (nullable): the organisation to edit, %NULL for a new one
 *
 * Returns: (transfer full): a new editor, not shown yet
 */
EvtOrganisationEditor *
evt_organisation_editor_new (GtkWindow       *parent,
                             EvtStore        *store,
                             EvtOrganisation *organisation)
{
  EvtOrganisationEditor *self;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (EVT_IS_STORE (store), NULL);
  g_return_val_if_fail (organisation == NULL || EVT_IS_ORGANISATION (organisation), NULL);

  self = g_object_new (EVT_TYPE_ORGANISATION_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->organisation = organisation != NULL ? evt_organisation_copy (organisation)
                                            : evt_organisation_new (NULL);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         evt_organisation_get_name (self->organisation) ?: "");
  adw_combo_row_set_selected (self->kind_row, evt_organisation_get_kind (self->organisation));
  gtk_switch_set_active (self->member_switch, evt_organisation_get_member (self->organisation));
  gtk_editable_set_text (GTK_EDITABLE (self->city_row),
                         evt_organisation_get_city (self->organisation) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row),
                         evt_organisation_get_email (self->organisation) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row),
                         evt_organisation_get_phone (self->organisation) ?: "");
  self->filling = FALSE;

  gtk_window_set_title (GTK_WINDOW (self), organisation != NULL ? _("Edit Organisation")
                                                                 : _("New Organisation"));
  gtk_widget_set_visible (self->delete_group, evt_organisation_get_id (self->organisation) != 0);
  update_title (self);
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  task = g_task_new (store, self->cancellable, on_sectors_listed, g_object_ref (self));
  g_task_set_source_tag (task, evt_organisation_editor_new);
  g_task_run_in_thread (task, list_sectors_thread);
  return self;
}

/**
 * evt_organisation_editor_get_organisation:
 * @self: an editor
 *
 * Returns: (transfer none): the organisation edited (its id once saved)
 */
EvtOrganisation *
evt_organisation_editor_get_organisation (EvtOrganisationEditor *self)
{
  g_return_val_if_fail (EVT_IS_ORGANISATION_EDITOR (self), NULL);
  return self->organisation;
}

/**
 * evt_organisation_editor_is_busy:
 * @self: an editor
 *
 * Returns: whether the sectors are read, or a save or a deletion is under way
 */
gboolean
evt_organisation_editor_is_busy (EvtOrganisationEditor *self)
{
  g_return_val_if_fail (EVT_IS_ORGANISATION_EDITOR (self), FALSE);
  return self->busy || self->loading;
}

/**
 * evt_organisation_editor_get_modified:
 * @self: an editor
 *
 * Returns: whether a field was changed since the editor opened
 */
gboolean
evt_organisation_editor_get_modified (EvtOrganisationEditor *self)
{
  g_return_val_if_fail (EVT_IS_ORGANISATION_EDITOR (self), FALSE);
  return self->modified;
}

/* --- Private ---------------------------------------------------------------------------------- */

GtkWidget *
evt_organisation_editor_get_row (EvtOrganisationEditor *self,
                                 EvtOrganisationField   field)
{
  switch (field)
    {
    case EVT_ORGANISATION_FIELD_NAME:
      return GTK_WIDGET (self->name_row);
    case EVT_ORGANISATION_FIELD_KIND:
      return GTK_WIDGET (self->kind_row);
    case EVT_ORGANISATION_FIELD_MEMBER:
      return GTK_WIDGET (self->member_row);
    case EVT_ORGANISATION_FIELD_SECTOR:
      return GTK_WIDGET (self->sector_row);
    case EVT_ORGANISATION_FIELD_CITY:
      return GTK_WIDGET (self->city_row);
    case EVT_ORGANISATION_FIELD_EMAIL:
      return GTK_WIDGET (self->email_row);
    case EVT_ORGANISATION_FIELD_PHONE:
      return GTK_WIDGET (self->phone_row);
    default:
      g_return_val_if_reached (NULL);
    }
}

GtkSwitch *
evt_organisation_editor_get_member_switch (EvtOrganisationEditor *self)
{
  return self->member_switch;
}

gboolean
evt_organisation_editor_is_loading (EvtOrganisationEditor *self)
{
  return self->loading;
}

const char *
evt_organisation_editor_get_sector_slug (EvtOrganisationEditor *self,
                                         guint                  position)
{
  g_return_val_if_fail (position < self->sector_slugs->len, NULL);
  return g_ptr_array_index (self->sector_slugs, position);
}
