/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-organisation-editor.c: add or edit one organisation of the directory, saved when asked. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-organisation-editor-private.h"
#include "evt-people-common.h"

struct _EvtOrganisationEditor
{
  EvtRecordEditor  parent_instance;

  EvtOrganisation *organisation;  /* a copy, edited, the base's; id 0 for a new one */
  GPtrArray       *sector_slugs;  /* char *, by position in the Sector row; NULL for none */

  AdwComboRow     *kind_row;
  AdwActionRow    *member_row;
  GtkSwitch       *member_switch;
  AdwComboRow     *sector_row;
  AdwEntryRow     *city_row;
  AdwEntryRow     *email_row;
  AdwEntryRow     *phone_row;
};

G_DEFINE_FINAL_TYPE (EvtOrganisationEditor, evt_organisation_editor, EVT_TYPE_RECORD_EDITOR)

#define BASE(self) (EVT_RECORD_EDITOR (self))

static void
on_email_changed (EvtOrganisationEditor *self)
{
  evt_people_clear_field_error (GTK_WIDGET (self->email_row));
  evt_record_editor_set_modified (BASE (self));
}

static void
on_sector_changed (EvtOrganisationEditor *self)
{
  evt_people_clear_field_error (GTK_WIDGET (self->sector_row));
  evt_record_editor_set_modified (BASE (self));
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

  evt_record_editor_set_filling (BASE (self), TRUE);
  adw_combo_row_set_model (self->sector_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->sector_row, selected);
  evt_record_editor_set_filling (BASE (self), FALSE);
  if (error != NULL)
    evt_record_editor_show_toast (BASE (self), error->message);
  evt_record_editor_loaded (BASE (self));
}

/* --- Save ------------------------------------------------------------------------------------- */

static gint64
get_id (EvtRecordEditor *editor)
{
  return evt_organisation_get_id (EVT_ORGANISATION_EDITOR (editor)->organisation);
}

static GtkWidget *
field_row (EvtRecordEditor  *editor,
           const char       *field,
           GtkWidget       **focus)
{
  EvtOrganisationEditor *self = EVT_ORGANISATION_EDITOR (editor);

  if (g_strcmp0 (field, "name") == 0)
    return GTK_WIDGET (evt_record_editor_get_name_row (editor));
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
apply (EvtRecordEditor *editor)
{
  EvtOrganisationEditor *self = EVT_ORGANISATION_EDITOR (editor);
  g_autofree char *name = evt_people_entry_text (evt_record_editor_get_name_row (editor));
  g_autofree char *city = evt_people_entry_text (self->city_row);
  g_autofree char *email = evt_people_entry_text (self->email_row);
  g_autofree char *phone = evt_people_entry_text (self->phone_row);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint sector = adw_combo_row_get_selected (self->sector_row);

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
}

/* --- Delete ----------------------------------------------------------------------------------- */

static void
delete_record (EvtRecordEditor     *editor,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  evt_organisation_editor_delete_async (GTK_WINDOW (editor), evt_record_editor_get_store (editor),
                                        EVT_ORGANISATION_EDITOR (editor)->organisation, NULL,
                                        callback, user_data);
}

typedef struct
{
  EvtOrganisation *organisation;
  guint            n_people;
  guint            n_events;  /* it takes part in itself: what the core refuses a delete for */
} DeleteData;

static void
delete_data_free (DeleteData *data)
{
  g_clear_object (&data->organisation);
  g_free (data);
}

static gboolean
delete_count (EvtStore  *store,
              gpointer   user_data,
              GError   **error)
{
  DeleteData *data = user_data;
  gint64 id = evt_organisation_get_id (data->organisation);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        NULL);

  people = evt_people_list_people (store, NULL, id, error);
  if (people != NULL)
    parts = evt_people_list_organisation_participations (store, id, error);
  if (parts == NULL)
    return FALSE;
  for (guint i = 0; i < parts->len; i++)
    {
      EvtParticipation *part = g_ptr_array_index (parts, i);

      if (evt_participation_get_organisation_id (part) == id)
        g_hash_table_add (events, g_memdup2 (&(gint64) { evt_participation_get_event_id (part) },
                                             sizeof (gint64)));
    }
  data->n_people = people->len;
  data->n_events = g_hash_table_size (events);
  return TRUE;
}

static GtkWidget *
delete_ask (GtkWindow *parent,
            gpointer   user_data)
{
  DeleteData *data = user_data;
  g_autofree char *name = evt_one_line (evt_organisation_get_name (data->organisation));
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = g_string_new (NULL);

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
      return evt_record_deletion_refusal_new (parent, heading, body->str);
    }
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
  return evt_record_deletion_confirmation_new (parent, heading, body->str);
}

static gboolean
delete_write (EvtStore  *store,
              gpointer   user_data,
              GError   **error)
{
  DeleteData *data = user_data;

  return evt_people_delete_organisation (store, evt_organisation_get_id (data->organisation),
                                         error);
}

static const EvtRecordDeletion deletion = {
  delete_count, delete_ask, delete_write, N_("The organisation was not deleted")
};

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
  DeleteData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (EVT_IS_STORE (store));
  g_return_if_fail (EVT_IS_ORGANISATION (organisation));

  data = g_new0 (DeleteData, 1);
  data->organisation = evt_organisation_copy (organisation);
  evt_record_deletion_run (&deletion, parent, store, data, (GDestroyNotify) delete_data_free,
                           cancellable, evt_organisation_editor_delete_async, callback,
                           user_data);
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

/* --- GObject ---------------------------------------------------------------------------------- */

static void
evt_organisation_editor_dispose (GObject *object)
{
  EvtOrganisationEditor *self = EVT_ORGANISATION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_ORGANISATION_EDITOR);
  G_OBJECT_CLASS (evt_organisation_editor_parent_class)->dispose (object);
}

static void
evt_organisation_editor_finalize (GObject *object)
{
  EvtOrganisationEditor *self = EVT_ORGANISATION_EDITOR (object);

  g_clear_pointer (&self->sector_slugs, g_ptr_array_unref);

  G_OBJECT_CLASS (evt_organisation_editor_parent_class)->finalize (object);
}

static void
evt_organisation_editor_class_init (EvtOrganisationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EvtRecordEditorClass *editor_class = EVT_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = evt_organisation_editor_dispose;
  object_class->finalize = evt_organisation_editor_finalize;

  editor_class->edit_title = N_("Edit Organisation");
  editor_class->new_title = N_("New Organisation");
  editor_class->discard_body = N_("What was typed in this organisation is not saved.");
  editor_class->save_write = save_write;
  editor_class->get_id = get_id;
  editor_class->apply = apply;
  editor_class->field_row = field_row;
  editor_class->delete_record = delete_record;
  editor_class->delete_finish = evt_organisation_editor_delete_finish;

  evt_record_editor_class_set_template (
    widget_class, "/io/github/eventail/Eventail/evt-organisation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, member_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, member_switch);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, sector_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, city_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationEditor, phone_row);
  gtk_widget_class_bind_template_callback (widget_class, on_email_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sector_changed);

  evt_record_editor_class_add_actions (widget_class, "organisation.save", "organisation.delete");
}

static void
evt_organisation_editor_init (EvtOrganisationEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sectors = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->sector_slugs = g_ptr_array_new_with_free_func (g_free);

  for (EvtOrganisationKind k = 0; k < EVT_N_ORGANISATION_KINDS; k++)
    gtk_string_list_append (kinds, evt_organisation_kind_get_label (k));
  evt_record_editor_set_filling (BASE (self), TRUE);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  /* Until the store's sectors are read. */
  gtk_string_list_append (sectors, _("None"));
  adw_combo_row_set_model (self->sector_row, G_LIST_MODEL (sectors));
  evt_record_editor_set_filling (BASE (self), FALSE);

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
  self->organisation = organisation != NULL ? evt_organisation_copy (organisation)
                                            : evt_organisation_new (NULL);
  evt_record_editor_take_record (BASE (self), store, self->organisation);

  evt_record_editor_set_filling (BASE (self), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (evt_record_editor_get_name_row (BASE (self))),
                         evt_organisation_get_name (self->organisation) ?: "");
  adw_combo_row_set_selected (self->kind_row, evt_organisation_get_kind (self->organisation));
  gtk_switch_set_active (self->member_switch, evt_organisation_get_member (self->organisation));
  gtk_editable_set_text (GTK_EDITABLE (self->city_row),
                         evt_organisation_get_city (self->organisation) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row),
                         evt_organisation_get_email (self->organisation) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row),
                         evt_organisation_get_phone (self->organisation) ?: "");
  evt_record_editor_set_filling (BASE (self), FALSE);

  gtk_window_set_title (GTK_WINDOW (self), organisation != NULL ? _("Edit Organisation")
                                                                 : _("New Organisation"));
  evt_record_editor_ready (BASE (self));

  task = g_task_new (store, evt_record_editor_get_cancellable (BASE (self)), on_sectors_listed,
                     g_object_ref (self));
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
  return evt_record_editor_is_busy (BASE (self));
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
  return evt_record_editor_get_modified (BASE (self));
}

/* --- Private ---------------------------------------------------------------------------------- */

GtkWidget *
evt_organisation_editor_get_row (EvtOrganisationEditor *self,
                                 EvtOrganisationField   field)
{
  switch (field)
    {
    case EVT_ORGANISATION_FIELD_NAME:
      return GTK_WIDGET (evt_record_editor_get_name_row (BASE (self)));
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
  return evt_record_editor_is_loading (BASE (self));
}

const char *
evt_organisation_editor_get_sector_slug (EvtOrganisationEditor *self,
                                         guint                  position)
{
  g_return_val_if_fail (position < self->sector_slugs->len, NULL);
  return g_ptr_array_index (self->sector_slugs, position);
}
