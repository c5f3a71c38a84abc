/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-person-editor.c: add or edit one person of the directory, saved when asked. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-people-common.h"
#include "evt-person-editor-private.h"

/* The organisation's name on the drop-down's button at most: it ellipsizes further on a phone. */
#define ORGANISATION_CHARS 18

struct _EvtPersonEditor
{
  AdwWindow        parent_instance;

  EvtStore        *store;
  EvtPerson       *person;           /* edited in place when saved; id 0 for a new one */
  gint64           organisation_id;  /* chosen when the dialog opened */
  GArray          *organisation_ids; /* gint64, by position in the drop-down; 0 for none */
  GCancellable    *cancellable;
  gboolean         loading;          /* the organisations are being read */
  gboolean         filling;          /* the widgets are being given the person */
  gboolean         busy;             /* a save or a deletion is under way */
  gboolean         modified;
  gboolean         may_close;        /* saved, deleted, or the changes given up */

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  AdwEntryRow     *name_row;
  AdwActionRow    *organisation_row;
  GtkDropDown     *organisation_drop_down;
  AdwEntryRow     *job_title_row;
  AdwEntryRow     *email_row;
  AdwEntryRow     *phone_row;
  GtkWidget       *delete_group;
};

G_DEFINE_FINAL_TYPE (EvtPersonEditor, evt_person_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (EvtPersonEditor *self)
{
  g_autofree char *name = NULL;

  if (self->person == NULL)
    return;  /* still in init () */
  name = evt_people_entry_text (self->name_row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.save",
                                 !self->busy && !self->loading && name != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.delete",
                                 !self->busy && evt_person_get_id (self->person) != 0);
}

static void
update_title (EvtPersonEditor *self)
{
  g_autofree char *name = NULL;
  g_autofree char *line = NULL;

  if (self->person == NULL)
    return;
  name = evt_people_entry_text (self->name_row);
  line = evt_one_line (name);
  adw_window_title_set_title (self->window_title,
                              evt_person_get_id (self->person) != 0 ? _("Edit Person")
                                                                    : _("New Person"));
  adw_window_title_set_subtitle (self->window_title, line);
}

static void
set_modified (EvtPersonEditor *self)
{
  if (!self->filling)
    self->modified = TRUE;
  update_actions (self);
}

static void
on_field_changed (EvtPersonEditor *self)
{
  set_modified (self);
}

static void
on_name_changed (EvtPersonEditor *self)
{
  evt_people_clear_field_error (GTK_WIDGET (self->name_row));
  update_title (self);
  set_modified (self);
}

static void
on_email_changed (EvtPersonEditor *self)
{
  evt_people_clear_field_error (GTK_WIDGET (self->email_row));
  set_modified (self);
}

static void
on_organisation_changed (EvtPersonEditor *self)
{
  evt_people_clear_field_error (GTK_WIDGET (self->organisation_row));
  set_modified (self);
}

static void
on_entry_activated (EvtPersonEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "person.save", NULL);
}

static void
show_toast (EvtPersonEditor *self,
            const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* --- Organisations ---------------------------------------------------------------------------- */

static void
on_organisations_listed (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(EvtPersonEditor) self = user_data;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint selected = 0;

  organisations = evt_people_list_organisations_finish (EVT_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_array_set_size (self->organisation_ids, 0);
  gtk_string_list_append (names, _("No Organisation"));
  g_array_append_val (self->organisation_ids, none);
  for (guint i = 0; organisations != NULL && i < organisations->len; i++)
    {
      EvtOrganisation *org = g_ptr_array_index (organisations, i);
      g_autofree char *name = evt_one_line (evt_organisation_get_name (org));
      gint64 id = evt_organisation_get_id (org);

      gtk_string_list_append (names, name);
      g_array_append_val (self->organisation_ids, id);
      if (id == self->organisation_id)
        selected = i + 1;
    }
  /* Read between the person and the list: kept as it was, by its name. */
  if (self->organisation_id != 0 && selected == 0)
    {
      const char *name = evt_person_get_organisation_name (self->person);

      gtk_string_list_append (names, name != NULL ? name : "?");
      g_array_append_val (self->organisation_ids, self->organisation_id);
      selected = self->organisation_ids->len - 1;
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->organisation_drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->organisation_drop_down, selected);
  self->filling = FALSE;
  self->loading = FALSE;
  if (error != NULL)
    show_toast (self, error->message);
  update_actions (self);
}

/* --- Save ------------------------------------------------------------------------------------- */

static GtkWidget *
field_row (EvtPersonEditor *self,
           const char      *field)
{
  if (g_strcmp0 (field, "name") == 0)
    return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (field, "email") == 0)
    return GTK_WIDGET (self->email_row);
  if (g_strcmp0 (field, "organisation-id") == 0)
    return GTK_WIDGET (self->organisation_row);
  return NULL;
}

static gboolean
save_write (EvtStore  *store,
            gpointer   data,
            GError   **error)
{
  return evt_people_save_person (store, data, error);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(EvtPersonEditor) self = user_data;
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
          gtk_widget_grab_focus (row == GTK_WIDGET (self->organisation_row)
                                 ? GTK_WIDGET (self->organisation_drop_down) : row);
        }
      else
        show_toast (self, error->message);
      return;
    }
  self->may_close = TRUE;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->person);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvtPersonEditor *self = EVT_PERSON_EDITOR (widget);
  g_autofree char *name = evt_people_entry_text (self->name_row);
  g_autofree char *job_title = evt_people_entry_text (self->job_title_row);
  g_autofree char *email = evt_people_entry_text (self->email_row);
  g_autofree char *phone = evt_people_entry_text (self->phone_row);
  guint organisation = gtk_drop_down_get_selected (self->organisation_drop_down);

  if (self->busy || self->loading)
    return;

  evt_person_set_name (self->person, name);
  if (organisation < self->organisation_ids->len)
    evt_person_set_organisation_id (self->person,
                                    g_array_index (self->organisation_ids, gint64, organisation));
  evt_person_set_job_title (self->person, job_title);
  evt_person_set_email (self->person, email);
  evt_person_set_phone (self->person, phone);

  self->busy = TRUE;
  update_actions (self);
  evt_people_run_async (self->store, save_write, g_object_ref (self->person), g_object_unref,
                        NULL, on_saved, g_object_ref (self));
}

/* --- Delete ----------------------------------------------------------------------------------- */

static void
on_deleted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(EvtPersonEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  update_actions (self);
  if (!evt_person_editor_delete_finish (EVT_STORE (source), result, &error))
    {
      /* Given up, or refused with the reason already shown. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  self->may_close = TRUE;
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, self->person);
  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvtPersonEditor *self = EVT_PERSON_EDITOR (widget);

  if (self->busy || evt_person_get_id (self->person) == 0)
    return;
  self->busy = TRUE;
  update_actions (self);
  evt_person_editor_delete_async (GTK_WINDOW (self), self->store, self->person, NULL, on_deleted,
                                  g_object_ref (self));
}

typedef struct
{
  GtkWindow *parent;
  gint64     id;
  char      *name;
  guint      n_events;
} DeleteData;

static void
delete_data_free (DeleteData *data)
{
  g_clear_object (&data->parent);
  g_free (data->name);
  g_free (data);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DeleteData *data = task_data;
  g_autoptr(EvtPerson) person = NULL;
  GError *error = NULL;

  person = evt_people_get_person (source_object, data->id, &error);
  if (person == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  data->n_events = evt_person_get_n_events (person);
  g_task_return_boolean (task, TRUE);
}

static gboolean
delete_write (EvtStore  *store,
              gpointer   data,
              GError   **error)
{
  return evt_people_delete_person (store, ((DeleteData *) data)->id, error);
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
  /* Once: closing the dialog after a response may give its close response too. */
  if (g_object_get_data (G_OBJECT (dialog), "evt-answered") != NULL)
    return;
  g_object_set_data (G_OBJECT (dialog), "evt-answered", GINT_TO_POINTER (TRUE));

  if (g_str_equal (response, "delete"))
    evt_people_run_async (g_task_get_source_object (task), delete_write,
                          g_task_get_task_data (task), NULL, g_task_get_cancellable (task),
                          on_delete_written, g_object_ref (task));
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             _("The person was not deleted"));
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
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->n_events > 0)
    {
      /* Translators: the heading of a dialog; %s is the name of a person */
      heading = g_strdup_printf (_("“%s” Cannot Be Deleted"), data->name);
      body = g_strdup_printf (ngettext ("They take part in %u event. Remove them from that "
                                        "event’s participants first.",
                                        "They take part in %u events. Remove them from those "
                                        "events’ participants first.",
                                        data->n_events),
                              data->n_events);
      dialog = adw_message_dialog_new (data->parent, heading, body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    }
  else
    {
      /* Translators: the heading of a dialog; %s is the name of a person */
      heading = g_strdup_printf (_("Delete “%s”?"), data->name);
      dialog = adw_message_dialog_new (data->parent, heading,
                                       _("Their name, job title, e-mail address and phone leave "
                                         "the directory. This cannot be undone."));
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
 * evt_person_editor_delete_async:
 * @parent: (nullable): the window the confirmation is for
 * @store: the store
 * @person: the person to delete
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once deleted, refused or given up
 * @user_data: data for @callback
 *
 * Reads how many events @person takes part in, in a worker thread, then asks for a
 * confirmation, or says why the core would refuse and what to do instead.
 */
void
evt_person_editor_delete_async (GtkWindow           *parent,
                                EvtStore            *store,
                                EvtPerson           *person,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) count = NULL;
  DeleteData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (EVT_IS_STORE (store));
  g_return_if_fail (EVT_IS_PERSON (person));

  data = g_new0 (DeleteData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->id = evt_person_get_id (person);
  data->name = evt_one_line (evt_person_get_name (person));
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, evt_person_editor_delete_async);
  g_task_set_task_data (task, data, (GDestroyNotify) delete_data_free);

  count = g_task_new (store, cancellable, on_counted, g_object_ref (task));
  g_task_set_source_tag (count, count_thread);
  g_task_set_task_data (count, data, NULL);
  g_task_run_in_thread (count, count_thread);
}

/**
 * evt_person_editor_delete_finish:
 * @store: the store
 * @result: the result given to the callback
 * @error: return location for a #GError: %G_IO_ERROR_CANCELLED when given up or
 *   refused with the reason shown, else what the core said
 *
 * Returns: %TRUE if the person was deleted
 */
gboolean
evt_person_editor_delete_finish (EvtStore      *store,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        evt_person_editor_delete_async, FALSE);

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
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     EvtPersonEditor  *self)
{
  /* Once the question is gone: it is transient for this window. */
  if (g_str_equal (response, "discard"))
    {
      self->may_close = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
    }
}

static gboolean
evt_person_editor_close_request (GtkWindow *window)
{
  EvtPersonEditor *self = EVT_PERSON_EDITOR (window);
  GtkWidget *dialog;

  /* A save under way closes the dialog when done, or shows why it did not. */
  if (self->busy)
    return TRUE;
  if (self->modified && !self->may_close)
    {
      dialog = adw_message_dialog_new (window, _("Discard Changes?"),
                                       _("What was typed about this person is not saved."));
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
  return GTK_WINDOW_CLASS (evt_person_editor_parent_class)->close_request (window);
}

/* --- GObject ---------------------------------------------------------------------------------- */

static void
evt_person_editor_dispose (GObject *object)
{
  EvtPersonEditor *self = EVT_PERSON_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_PERSON_EDITOR);
  G_OBJECT_CLASS (evt_person_editor_parent_class)->dispose (object);
}

static void
evt_person_editor_finalize (GObject *object)
{
  EvtPersonEditor *self = EVT_PERSON_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->person);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->organisation_ids, g_array_unref);

  G_OBJECT_CLASS (evt_person_editor_parent_class)->finalize (object);
}

static void
evt_person_editor_class_init (EvtPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = evt_person_editor_dispose;
  object_class->finalize = evt_person_editor_finalize;
  window_class->close_request = evt_person_editor_close_request;

  /**
   * EvtPersonEditor::saved:
   * @self: the editor
   * @person: the person, as saved (with their id)
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, EVT_TYPE_PERSON);

  /**
   * EvtPersonEditor::deleted:
   * @self: the editor
   * @person: the person deleted
   */
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, EVT_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/eventail/Eventail/evt-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtPersonEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EvtPersonEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, EvtPersonEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, EvtPersonEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, EvtPersonEditor, organisation_drop_down);
  gtk_widget_class_bind_template_child (widget_class, EvtPersonEditor, job_title_row);
  gtk_widget_class_bind_template_child (widget_class, EvtPersonEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, EvtPersonEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, EvtPersonEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_email_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "person.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "person.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "person.save",
                                       NULL);
}

static void
evt_person_editor_init (EvtPersonEditor *self)
{
  g_autoptr(GtkStringList) none = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->organisation_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->loading = TRUE;

  /* The search of the list matches what the button shows. */
  gtk_drop_down_set_expression (self->organisation_drop_down,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  evt_people_narrow_drop_down (self->organisation_drop_down, ORGANISATION_CHARS);
  self->filling = TRUE;
  gtk_string_list_append (none, _("No Organisation"));
  gtk_drop_down_set_model (self->organisation_drop_down, G_LIST_MODEL (none));
  self->filling = FALSE;

  evt_people_name_rows (GTK_WIDGET (self));
  evt_people_name (self->organisation_drop_down, _("Organisation"));
}

/**
 * evt_person_editor_new:
 * @parent: (nullable): the window it is for
 * @store: the store
 * @person: (nullable): the person to edit (changed in place once saved), %NULL for a
 *   new one
 * @organisation_id: for a new person, the organisation chosen at first (0 for none)
 *
 * Returns: (transfer full): a new editor, not shown yet
 */
EvtPersonEditor *
evt_person_editor_new (GtkWindow *parent,
                       EvtStore  *store,
                       EvtPerson *person,
                       gint64     organisation_id)
{
  EvtPersonEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (EVT_IS_STORE (store), NULL);
  g_return_val_if_fail (person == NULL || EVT_IS_PERSON (person), NULL);

  self = g_object_new (EVT_TYPE_PERSON_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->person = person != NULL ? g_object_ref (person) : evt_person_new (NULL);
  self->organisation_id = person != NULL ? evt_person_get_organisation_id (person)
                                         : organisation_id;

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), evt_person_get_name (self->person) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->job_title_row),
                         evt_person_get_job_title (self->person) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row),
                         evt_person_get_email (self->person) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row),
                         evt_person_get_phone (self->person) ?: "");
  self->filling = FALSE;

  gtk_window_set_title (GTK_WINDOW (self), person != NULL ? _("Edit Person") : _("New Person"));
  gtk_widget_set_visible (self->delete_group, evt_person_get_id (self->person) != 0);
  update_title (self);
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  evt_people_list_organisations_async (store, NULL, FALSE, self->cancellable,
                                       on_organisations_listed, g_object_ref (self));
  return self;
}

/**
 * evt_person_editor_get_person:
 * @self: an editor
 *
 * Returns: (transfer none): the person edited (their id once saved)
 */
EvtPerson *
evt_person_editor_get_person (EvtPersonEditor *self)
{
  g_return_val_if_fail (EVT_IS_PERSON_EDITOR (self), NULL);
  return self->person;
}

/**
 * evt_person_editor_is_busy:
 * @self: an editor
 *
 * Returns: whether the organisations are read, or a save or a deletion is under way
 */
gboolean
evt_person_editor_is_busy (EvtPersonEditor *self)
{
  g_return_val_if_fail (EVT_IS_PERSON_EDITOR (self), FALSE);
  return self->busy || self->loading;
}

/**
 * evt_person_editor_get_modified:
 * @self: an editor
 *
 * Returns: whether a field was changed since the editor opened
 */
gboolean
evt_person_editor_get_modified (EvtPersonEditor *self)
{
  g_return_val_if_fail (EVT_IS_PERSON_EDITOR (self), FALSE);
  return self->modified;
}

/* --- Private ---------------------------------------------------------------------------------- */

GtkWidget *
evt_person_editor_get_row (EvtPersonEditor *self,
                           EvtPersonField   field)
{
  switch (field)
    {
    case EVT_PERSON_FIELD_NAME:
      return GTK_WIDGET (self->name_row);
    case EVT_PERSON_FIELD_ORGANISATION:
      return GTK_WIDGET (self->organisation_row);
    case EVT_PERSON_FIELD_JOB_TITLE:
      return GTK_WIDGET (self->job_title_row);
    case EVT_PERSON_FIELD_EMAIL:
      return GTK_WIDGET (self->email_row);
    case EVT_PERSON_FIELD_PHONE:
      return GTK_WIDGET (self->phone_row);
    default:
      g_return_val_if_reached (NULL);
    }
}

GtkDropDown *
evt_person_editor_get_organisation_drop_down (EvtPersonEditor *self)
{
  return self->organisation_drop_down;
}

gboolean
evt_person_editor_is_loading (EvtPersonEditor *self)
{
  return self->loading;
}

guint
evt_person_editor_find_organisation (EvtPersonEditor *self,
                                     gint64           organisation_id)
{
  for (guint i = 0; i < self->organisation_ids->len; i++)
    if (g_array_index (self->organisation_ids, gint64, i) == organisation_id)
      return i;
  return G_MAXUINT;
}
