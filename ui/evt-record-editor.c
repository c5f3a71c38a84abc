/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-record-editor.c: the base of the directory's editors: save, delete, discard on close. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-record-editor.h"

typedef struct
{
  EvtStore        *store;
  GObject         *record;     /* what the subclass edits; NULL until take_record () */
  GCancellable    *cancellable;
  gboolean         loading;    /* the subclass's choices are being read */
  gboolean         filling;    /* the widgets are being given the record */
  gboolean         busy;       /* a save or a deletion is under way */
  gboolean         modified;
  gboolean         may_close;  /* saved, deleted, or the changes given up */

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  AdwEntryRow     *name_row;
  GtkWidget       *delete_group;
} EvtRecordEditorPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (EvtRecordEditor, evt_record_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
get_id (EvtRecordEditor *self)
{
  return EVT_RECORD_EDITOR_GET_CLASS (self)->get_id (self);
}

static void
update_actions (EvtRecordEditor *self)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);
  EvtRecordEditorClass *klass = EVT_RECORD_EDITOR_GET_CLASS (self);
  g_autofree char *name = NULL;

  if (priv->record == NULL)
    return;  /* still in init () */
  name = evt_people_entry_text (priv->name_row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), klass->save_action,
                                 !priv->busy && !priv->loading && name != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), klass->delete_action,
                                 !priv->busy && get_id (self) != 0);
}

static void
update_title (EvtRecordEditor *self)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);
  EvtRecordEditorClass *klass = EVT_RECORD_EDITOR_GET_CLASS (self);
  g_autofree char *name = NULL;
  g_autofree char *line = NULL;

  if (priv->record == NULL)
    return;
  name = evt_people_entry_text (priv->name_row);
  line = evt_one_line (name);
  adw_window_title_set_title (priv->window_title,
                              get_id (self) != 0 ? _(klass->edit_title) : _(klass->new_title));
  adw_window_title_set_subtitle (priv->window_title, line);
}

/**
 * evt_record_editor_set_modified:
 * @self: an editor
 *
 * Notes that a field changed (unless the widgets are being filled) and updates the
 * actions.
 */
void
evt_record_editor_set_modified (EvtRecordEditor *self)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  if (!priv->filling)
    priv->modified = TRUE;
  update_actions (self);
}

static void
on_field_changed (EvtRecordEditor *self)
{
  evt_record_editor_set_modified (self);
}

static void
on_name_changed (EvtRecordEditor *self)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  evt_people_clear_field_error (GTK_WIDGET (priv->name_row));
  update_title (self);
  evt_record_editor_set_modified (self);
}

static void
on_entry_activated (EvtRecordEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self),
                              EVT_RECORD_EDITOR_GET_CLASS (self)->save_action, NULL);
}

/**
 * evt_record_editor_show_toast:
 * @self: an editor
 * @message: what to say, until dismissed
 */
void
evt_record_editor_show_toast (EvtRecordEditor *self,
                              const char      *message)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (priv->toast_overlay, toast);
}

/* --- Save ------------------------------------------------------------------------------------- */

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(EvtRecordEditor) self = user_data;
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  GtkWidget *focus = NULL;

  priv->busy = FALSE;
  update_actions (self);
  if (!evt_people_run_finish (EVT_STORE (source), result, &error))
    {
      row = EVT_RECORD_EDITOR_GET_CLASS (self)->field_row (self,
                                                           evt_people_error_get_field (error),
                                                           &focus);
      if (row != NULL)
        {
          evt_people_show_field_error (row, error->message);
          gtk_widget_grab_focus (focus != NULL ? focus : row);
        }
      else
        evt_record_editor_show_toast (self, error->message);
      return;
    }
  priv->may_close = TRUE;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, priv->record);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvtRecordEditor *self = EVT_RECORD_EDITOR (widget);
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);
  EvtRecordEditorClass *klass = EVT_RECORD_EDITOR_GET_CLASS (self);

  if (priv->busy || priv->loading)
    return;

  klass->apply (self);
  priv->busy = TRUE;
  update_actions (self);
  /* The thread writes a copy: the widgets may read the one edited meanwhile. */
  evt_people_run_async (priv->store, klass->save_write, g_object_ref (priv->record),
                        g_object_unref, NULL, on_saved, g_object_ref (self));
}

/* --- Delete ----------------------------------------------------------------------------------- */

static void
on_deleted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(EvtRecordEditor) self = user_data;
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  priv->busy = FALSE;
  update_actions (self);
  if (!EVT_RECORD_EDITOR_GET_CLASS (self)->delete_finish (EVT_STORE (source), result, &error))
    {
      /* Given up, or refused with the reason already shown. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        evt_record_editor_show_toast (self, error->message);
      return;
    }
  priv->may_close = TRUE;
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, priv->record);
  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvtRecordEditor *self = EVT_RECORD_EDITOR (widget);
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  if (priv->busy || get_id (self) == 0)
    return;
  priv->busy = TRUE;
  update_actions (self);
  EVT_RECORD_EDITOR_GET_CLASS (self)->delete_record (self, on_deleted, g_object_ref (self));
}

/* --- Deletion flow --------------------------------------------------------------------------- */

typedef struct
{
  const EvtRecordDeletion *deletion;
  GtkWindow               *parent;
  gpointer                 data;
  GDestroyNotify           data_free;
} Deletion;

static void
deletion_free (Deletion *deletion)
{
  g_clear_object (&deletion->parent);
  if (deletion->data_free != NULL)
    deletion->data_free (deletion->data);
  g_free (deletion);
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
  Deletion *deletion = g_task_get_task_data (task);

  /* Once: closing the dialog after a response may give its close response too. */
  if (g_object_get_data (G_OBJECT (dialog), "evt-answered") != NULL)
    return;
  g_object_set_data (G_OBJECT (dialog), "evt-answered", GINT_TO_POINTER (TRUE));

  if (g_str_equal (response, "delete"))
    evt_people_run_async (g_task_get_source_object (task), deletion->deletion->write,
                          deletion->data, NULL, g_task_get_cancellable (task),
                          on_delete_written, g_object_ref (task));
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             _(deletion->deletion->not_deleted));
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
  Deletion *deletion = g_task_get_task_data (task);
  GtkWidget *dialog;

  if (!evt_people_run_finish (EVT_STORE (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  dialog = deletion->deletion->ask (deletion->parent, deletion->data);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response),
                         g_steal_pointer (&task), unref_task, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * evt_record_deletion_run:
 * @deletion: how the record is deleted
 * @parent: (nullable): the window the question is for
 * @store: the store
 * @data: (transfer full): what @deletion's functions are given
 * @data_free: (nullable): frees @data once done
 * @cancellable: (nullable): a #GCancellable
 * @source_tag: the source tag of the task @callback is given
 * @callback: called once deleted, refused or given up
 * @user_data: data for @callback
 *
 * Reads what goes with a record in a worker thread, asks (a confirmation, or why the
 * core would refuse), and deletes in a worker thread when confirmed. The task given to
 * @callback returns %TRUE once deleted, else %G_IO_ERROR_CANCELLED when given up or
 * refused, or what the core said.
 */
void
evt_record_deletion_run (const EvtRecordDeletion *deletion,
                         GtkWindow               *parent,
                         EvtStore                *store,
                         gpointer                 data,
                         GDestroyNotify           data_free,
                         GCancellable            *cancellable,
                         gpointer                 source_tag,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  Deletion *state = g_new0 (Deletion, 1);

  state->deletion = deletion;
  state->parent = parent != NULL ? g_object_ref (parent) : NULL;
  state->data = data;
  state->data_free = data_free;
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, state, (GDestroyNotify) deletion_free);

  evt_people_run_async (store, deletion->count, data, NULL, cancellable, on_counted,
                        g_steal_pointer (&task));
}

/**
 * evt_record_deletion_refusal_new:
 * @parent: (nullable): the window it is for
 * @heading: why the record cannot be deleted
 * @body: what to do instead
 *
 * Returns: (transfer floating): a dialog with a Close response, not shown yet
 */
GtkWidget *
evt_record_deletion_refusal_new (GtkWindow  *parent,
                                 const char *heading,
                                 const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  return dialog;
}

/**
 * evt_record_deletion_confirmation_new:
 * @parent: (nullable): the window it is for
 * @heading: the question
 * @body: what goes with the record
 *
 * Returns: (transfer floating): a dialog with Cancel (the default) and a destructive
 *   Delete, not shown yet
 */
GtkWidget *
evt_record_deletion_confirmation_new (GtkWindow  *parent,
                                      const char *heading,
                                      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
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
                     EvtRecordEditor  *self)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  /* Once the question is gone: it is transient for this window. */
  if (g_str_equal (response, "discard"))
    {
      priv->may_close = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
    }
}

static gboolean
evt_record_editor_close_request (GtkWindow *window)
{
  EvtRecordEditor *self = EVT_RECORD_EDITOR (window);
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);
  GtkWidget *dialog;

  /* A save under way closes the dialog when done, or shows why it did not. */
  if (priv->busy)
    return TRUE;
  if (priv->modified && !priv->may_close)
    {
      dialog = adw_message_dialog_new (window, _("Discard Changes?"),
                                       _(EVT_RECORD_EDITOR_GET_CLASS (self)->discard_body));
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
  g_cancellable_cancel (priv->cancellable);
  return GTK_WINDOW_CLASS (evt_record_editor_parent_class)->close_request (window);
}

/* --- GObject ---------------------------------------------------------------------------------- */

static void
evt_record_editor_dispose (GObject *object)
{
  EvtRecordEditor *self = EVT_RECORD_EDITOR (object);
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  G_OBJECT_CLASS (evt_record_editor_parent_class)->dispose (object);
}

static void
evt_record_editor_finalize (GObject *object)
{
  EvtRecordEditor *self = EVT_RECORD_EDITOR (object);
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  g_clear_object (&priv->store);
  g_clear_object (&priv->record);
  g_clear_object (&priv->cancellable);

  G_OBJECT_CLASS (evt_record_editor_parent_class)->finalize (object);
}

static void
evt_record_editor_class_init (EvtRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = evt_record_editor_dispose;
  object_class->finalize = evt_record_editor_finalize;
  window_class->close_request = evt_record_editor_close_request;

  /**
   * EvtRecordEditor::saved:
   * @self: the editor
   * @record: the record, as saved (with its id)
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  /**
   * EvtRecordEditor::deleted:
   * @self: the editor
   * @record: the record deleted
   */
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);
}

static void
evt_record_editor_init (EvtRecordEditor *self)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
  priv->loading = TRUE;
}

/**
 * evt_record_editor_class_set_template:
 * @widget_class: the class of a subclass
 * @resource: its composite template
 *
 * Sets the template of a subclass, and binds the children and the handlers the base
 * shares: toast_overlay, window_title, name_row, delete_group; on_field_changed,
 * on_name_changed, on_entry_activated.
 */
void
evt_record_editor_class_set_template (GtkWidgetClass *widget_class,
                                      const char     *resource)
{
  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_bind_template_child_private (widget_class, EvtRecordEditor, toast_overlay);
  gtk_widget_class_bind_template_child_private (widget_class, EvtRecordEditor, window_title);
  gtk_widget_class_bind_template_child_private (widget_class, EvtRecordEditor, name_row);
  gtk_widget_class_bind_template_child_private (widget_class, EvtRecordEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
}

/**
 * evt_record_editor_class_add_actions:
 * @widget_class: the class of a subclass
 * @save_action: the name of its Save action, e.g. "person.save"
 * @delete_action: the name of its Delete action
 *
 * Installs the two actions, Escape to close and Ctrl+S to save.
 */
void
evt_record_editor_class_add_actions (GtkWidgetClass *widget_class,
                                     const char     *save_action,
                                     const char     *delete_action)
{
  EvtRecordEditorClass *klass = EVT_RECORD_EDITOR_CLASS (widget_class);

  klass->save_action = save_action;
  klass->delete_action = delete_action;
  gtk_widget_class_install_action (widget_class, save_action, NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, delete_action, NULL, delete_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_action,
                                       NULL);
}

/**
 * evt_record_editor_take_record:
 * @self: an editor
 * @store: the store
 * @record: (transfer full): the record to edit
 */
void
evt_record_editor_take_record (EvtRecordEditor *self,
                               EvtStore        *store,
                               gpointer         record)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  g_return_if_fail (EVT_IS_RECORD_EDITOR (self));
  g_return_if_fail (priv->record == NULL);
  priv->store = g_object_ref (store);
  priv->record = record;
}

/**
 * evt_record_editor_ready:
 * @self: an editor
 *
 * Once the widgets have the record: shows Delete for a record already saved, sets
 * the title and the actions, and focuses the name.
 */
void
evt_record_editor_ready (EvtRecordEditor *self)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  gtk_widget_set_visible (priv->delete_group, get_id (self) != 0);
  update_title (self);
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (priv->name_row));
}

/**
 * evt_record_editor_get_record:
 * @self: an editor
 *
 * Returns: (transfer none) (type GObject): the record edited
 */
gpointer
evt_record_editor_get_record (EvtRecordEditor *self)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  return priv->record;
}

/**
 * evt_record_editor_get_store:
 * @self: an editor
 *
 * Returns: (transfer none): the store
 */
EvtStore *
evt_record_editor_get_store (EvtRecordEditor *self)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  return priv->store;
}

/**
 * evt_record_editor_get_cancellable:
 * @self: an editor
 *
 * Returns: (transfer none): cancelled when the editor closes
 */
GCancellable *
evt_record_editor_get_cancellable (EvtRecordEditor *self)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  return priv->cancellable;
}

/**
 * evt_record_editor_get_name_row:
 * @self: an editor
 *
 * Returns: (transfer none): the row of the record's name
 */
AdwEntryRow *
evt_record_editor_get_name_row (EvtRecordEditor *self)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  return priv->name_row;
}

/**
 * evt_record_editor_set_filling:
 * @self: an editor
 * @filling: whether the widgets are being given the record (not a change then)
 */
void
evt_record_editor_set_filling (EvtRecordEditor *self,
                               gboolean         filling)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  priv->filling = filling;
}

/**
 * evt_record_editor_loaded:
 * @self: an editor
 *
 * Says the subclass's choices are read: Save may be used.
 */
void
evt_record_editor_loaded (EvtRecordEditor *self)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  priv->loading = FALSE;
  update_actions (self);
}

/**
 * evt_record_editor_is_loading:
 * @self: an editor
 *
 * Returns: whether the subclass's choices are still being read
 */
gboolean
evt_record_editor_is_loading (EvtRecordEditor *self)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  return priv->loading;
}

/**
 * evt_record_editor_is_busy:
 * @self: an editor
 *
 * Returns: whether the choices are read, or a save or a deletion is under way
 */
gboolean
evt_record_editor_is_busy (EvtRecordEditor *self)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  return priv->busy || priv->loading;
}

/**
 * evt_record_editor_get_modified:
 * @self: an editor
 *
 * Returns: whether a field was changed since the editor opened
 */
gboolean
evt_record_editor_get_modified (EvtRecordEditor *self)
{
  EvtRecordEditorPrivate *priv = evt_record_editor_get_instance_private (self);

  return priv->modified;
}
