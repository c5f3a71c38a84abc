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
  EvtRecordEditor  parent_instance;

  EvtPerson       *person;           /* the base's, edited in place when saved; id 0 for new */
  gint64           organisation_id;  /* chosen when the dialog opened */
  GArray          *organisation_ids; /* gint64, by position in the drop-down; 0 for none */

  AdwActionRow    *organisation_row;
  GtkDropDown     *organisation_drop_down;
  AdwEntryRow     *job_title_row;
  AdwEntryRow     *email_row;
  AdwEntryRow     *phone_row;
};

G_DEFINE_FINAL_TYPE (EvtPersonEditor, evt_person_editor, EVT_TYPE_RECORD_EDITOR)

#define BASE(self) (EVT_RECORD_EDITOR (self))

static void
on_email_changed (EvtPersonEditor *self)
{
  evt_people_clear_field_error (GTK_WIDGET (self->email_row));
  evt_record_editor_set_modified (BASE (self));
}

static void
on_organisation_changed (EvtPersonEditor *self)
{
  evt_people_clear_field_error (GTK_WIDGET (self->organisation_row));
  evt_record_editor_set_modified (BASE (self));
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

  evt_record_editor_set_filling (BASE (self), TRUE);
  gtk_drop_down_set_model (self->organisation_drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->organisation_drop_down, selected);
  evt_record_editor_set_filling (BASE (self), FALSE);
  if (error != NULL)
    evt_record_editor_show_toast (BASE (self), error->message);
  evt_record_editor_loaded (BASE (self));
}

/* --- Save ------------------------------------------------------------------------------------- */

static gint64
get_id (EvtRecordEditor *editor)
{
  return evt_person_get_id (EVT_PERSON_EDITOR (editor)->person);
}

static GtkWidget *
field_row (EvtRecordEditor  *editor,
           const char       *field,
           GtkWidget       **focus)
{
  EvtPersonEditor *self = EVT_PERSON_EDITOR (editor);

  if (g_strcmp0 (field, "name") == 0)
    return GTK_WIDGET (evt_record_editor_get_name_row (editor));
  if (g_strcmp0 (field, "email") == 0)
    return GTK_WIDGET (self->email_row);
  if (g_strcmp0 (field, "organisation-id") == 0)
    {
      *focus = GTK_WIDGET (self->organisation_drop_down);
      return GTK_WIDGET (self->organisation_row);
    }
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
apply (EvtRecordEditor *editor)
{
  EvtPersonEditor *self = EVT_PERSON_EDITOR (editor);
  g_autofree char *name = evt_people_entry_text (evt_record_editor_get_name_row (editor));
  g_autofree char *job_title = evt_people_entry_text (self->job_title_row);
  g_autofree char *email = evt_people_entry_text (self->email_row);
  g_autofree char *phone = evt_people_entry_text (self->phone_row);
  guint organisation = gtk_drop_down_get_selected (self->organisation_drop_down);

  evt_person_set_name (self->person, name);
  if (organisation < self->organisation_ids->len)
    evt_person_set_organisation_id (self->person,
                                    g_array_index (self->organisation_ids, gint64, organisation));
  evt_person_set_job_title (self->person, job_title);
  evt_person_set_email (self->person, email);
  evt_person_set_phone (self->person, phone);
}

/* --- Delete ----------------------------------------------------------------------------------- */

static void
delete_record (EvtRecordEditor     *editor,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  evt_person_editor_delete_async (GTK_WINDOW (editor), evt_record_editor_get_store (editor),
                                  EVT_PERSON_EDITOR (editor)->person, NULL, callback, user_data);
}

typedef struct
{
  gint64  id;
  char   *name;
  guint   n_events;
} DeleteData;

static void
delete_data_free (DeleteData *data)
{
  g_free (data->name);
  g_free (data);
}

static gboolean
delete_count (EvtStore  *store,
              gpointer   user_data,
              GError   **error)
{
  DeleteData *data = user_data;
  g_autoptr(EvtPerson) person = evt_people_get_person (store, data->id, error);

  if (person == NULL)
    return FALSE;
  data->n_events = evt_person_get_n_events (person);
  return TRUE;
}

static GtkWidget *
delete_ask (GtkWindow *parent,
            gpointer   user_data)
{
  DeleteData *data = user_data;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

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
      return evt_record_deletion_refusal_new (parent, heading, body);
    }
  /* Translators: the heading of a dialog; %s is the name of a person */
  heading = g_strdup_printf (_("Delete “%s”?"), data->name);
  return evt_record_deletion_confirmation_new (parent, heading,
                                               _("Their name, job title, e-mail address and "
                                                 "phone leave the directory. This cannot be "
                                                 "undone."));
}

static gboolean
delete_write (EvtStore  *store,
              gpointer   data,
              GError   **error)
{
  return evt_people_delete_person (store, ((DeleteData *) data)->id, error);
}

static const EvtRecordDeletion deletion = {
  delete_count, delete_ask, delete_write, N_("The person was not deleted")
};

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
  DeleteData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (EVT_IS_STORE (store));
  g_return_if_fail (EVT_IS_PERSON (person));

  data = g_new0 (DeleteData, 1);
  data->id = evt_person_get_id (person);
  data->name = evt_one_line (evt_person_get_name (person));
  evt_record_deletion_run (&deletion, parent, store, data, (GDestroyNotify) delete_data_free,
                           cancellable, evt_person_editor_delete_async, callback, user_data);
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

/* --- GObject ---------------------------------------------------------------------------------- */

static void
evt_person_editor_dispose (GObject *object)
{
  EvtPersonEditor *self = EVT_PERSON_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_PERSON_EDITOR);
  G_OBJECT_CLASS (evt_person_editor_parent_class)->dispose (object);
}

static void
evt_person_editor_finalize (GObject *object)
{
  EvtPersonEditor *self = EVT_PERSON_EDITOR (object);

  g_clear_pointer (&self->organisation_ids, g_array_unref);

  G_OBJECT_CLASS (evt_person_editor_parent_class)->finalize (object);
}

static void
evt_person_editor_class_init (EvtPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EvtRecordEditorClass *editor_class = EVT_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = evt_person_editor_dispose;
  object_class->finalize = evt_person_editor_finalize;

  editor_class->edit_title = N_("Edit Person");
  editor_class->new_title = N_("New Person");
  editor_class->discard_body = N_("What was typed about this person is not saved.");
  editor_class->save_write = save_write;
  editor_class->get_id = get_id;
  editor_class->apply = apply;
  editor_class->field_row = field_row;
  editor_class->delete_record = delete_record;
  editor_class->delete_finish = evt_person_editor_delete_finish;

  evt_record_editor_class_set_template (widget_class,
                                        "/io/github/eventail/Eventail/evt-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtPersonEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, EvtPersonEditor, organisation_drop_down);
  gtk_widget_class_bind_template_child (widget_class, EvtPersonEditor, job_title_row);
  gtk_widget_class_bind_template_child (widget_class, EvtPersonEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, EvtPersonEditor, phone_row);
  gtk_widget_class_bind_template_callback (widget_class, on_email_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_changed);

  evt_record_editor_class_add_actions (widget_class, "person.save", "person.delete");
}

static void
evt_person_editor_init (EvtPersonEditor *self)
{
  g_autoptr(GtkStringList) none = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->organisation_ids = g_array_new (FALSE, TRUE, sizeof (gint64));

  /* The search of the list matches what the button shows. */
  gtk_drop_down_set_expression (self->organisation_drop_down,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  evt_people_narrow_drop_down (self->organisation_drop_down, ORGANISATION_CHARS);
  evt_record_editor_set_filling (BASE (self), TRUE);
  gtk_string_list_append (none, _("No Organisation"));
  gtk_drop_down_set_model (self->organisation_drop_down, G_LIST_MODEL (none));
  evt_record_editor_set_filling (BASE (self), FALSE);

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
  self->person = person != NULL ? g_object_ref (person) : evt_person_new (NULL);
  evt_record_editor_take_record (BASE (self), store, self->person);
  self->organisation_id = person != NULL ? evt_person_get_organisation_id (person)
                                         : organisation_id;

  evt_record_editor_set_filling (BASE (self), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (evt_record_editor_get_name_row (BASE (self))),
                         evt_person_get_name (self->person) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->job_title_row),
                         evt_person_get_job_title (self->person) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row),
                         evt_person_get_email (self->person) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row),
                         evt_person_get_phone (self->person) ?: "");
  evt_record_editor_set_filling (BASE (self), FALSE);

  gtk_window_set_title (GTK_WINDOW (self), person != NULL ? _("Edit Person") : _("New Person"));
  evt_record_editor_ready (BASE (self));

  evt_people_list_organisations_async (store, NULL, FALSE,
                                       evt_record_editor_get_cancellable (BASE (self)),
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
  return evt_record_editor_is_busy (BASE (self));
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
  return evt_record_editor_get_modified (BASE (self));
}

/* --- Private ---------------------------------------------------------------------------------- */

GtkWidget *
evt_person_editor_get_row (EvtPersonEditor *self,
                           EvtPersonField   field)
{
  switch (field)
    {
    case EVT_PERSON_FIELD_NAME:
      return GTK_WIDGET (evt_record_editor_get_name_row (BASE (self)));
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
  return evt_record_editor_is_loading (BASE (self));
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
