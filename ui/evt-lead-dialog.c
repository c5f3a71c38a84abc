/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-lead-dialog.c: add or edit one lead of an event, saved when the dialog is. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-lead-dialog.h"
#include "evt-people-common.h"

struct _EvtLeadDialog
{
  AdwWindow        parent_instance;

  EvtStore        *store;
  EvtLead         *lead;        /* what is edited; id 0 for a new one */
  char            *follow_up;   /* YYYY-MM-DD, or NULL */
  gboolean         busy;

  AdwToastOverlay *toast_overlay;
  AdwEntryRow     *subject_row;
  AdwEntryRow     *organisation_row;
  AdwEntryRow     *contact_row;
  AdwEntryRow     *next_step_row;
  GtkMenuButton   *follow_up_button;
  GtkCalendar     *follow_up_calendar;
  GtkWidget       *clear_follow_up_button;
  AdwComboRow     *state_row;
  GtkWidget       *delete_group;
};

G_DEFINE_FINAL_TYPE (EvtLeadDialog, evt_lead_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
text_of (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
update_follow_up (EvtLeadDialog *self)
{
  g_autofree char *label = evt_format_iso_day (self->follow_up);

  gtk_menu_button_set_label (self->follow_up_button, label != NULL ? label : _("None"));
  gtk_widget_set_visible (self->clear_follow_up_button, self->follow_up != NULL);
}

static void
update_actions (EvtLeadDialog *self)
{
  g_autofree char *subject = text_of (self->subject_row);
  g_autofree char *organisation = text_of (self->organisation_row);
  g_autofree char *contact = text_of (self->contact_row);

  /* The core refuses a lead that says nothing of what or whom. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead.save",
                                 !self->busy && (subject != NULL || organisation != NULL ||
                                                 contact != NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead.delete",
                                 !self->busy && evt_lead_get_id (self->lead) != 0);
}

static void
on_field_changed (EvtLeadDialog *self)
{
  update_actions (self);
}

static void
on_day_selected (EvtLeadDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->follow_up_calendar);

  g_free (self->follow_up);
  self->follow_up = g_date_time_format (date, "%Y-%m-%d");
  update_follow_up (self);
  gtk_menu_button_popdown (self->follow_up_button);
}

static void
on_clear_follow_up (EvtLeadDialog *self)
{
  g_clear_pointer (&self->follow_up, g_free);
  update_follow_up (self);
}

static void
show_error (EvtLeadDialog *self,
            const GError  *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
save_lead (EvtStore  *store,
           gpointer   data,
           GError   **error)
{
  return evt_people_save_lead (store, data, error);
}

static gboolean
delete_lead (EvtStore  *store,
             gpointer   data,
             GError   **error)
{
  return evt_people_delete_lead (store, evt_lead_get_id (data), error);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(EvtLeadDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  update_actions (self);
  if (!evt_people_run_finish (EVT_STORE (source), result, &error))
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->lead);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvtLeadDialog *self = EVT_LEAD_DIALOG (widget);
  g_autofree char *organisation = text_of (self->organisation_row);
  g_autofree char *subject = text_of (self->subject_row);
  g_autofree char *contact = text_of (self->contact_row);
  g_autofree char *next_step = text_of (self->next_step_row);
  guint state = adw_combo_row_get_selected (self->state_row);

  if (self->busy)
    return;

  /* A lead keeps its link to an organisation while it names the same one. */
  if (g_strcmp0 (organisation, evt_lead_get_organisation_name (self->lead)) != 0)
    {
      evt_lead_set_organisation_id (self->lead, 0);
      evt_lead_set_organisation_name (self->lead, organisation);
    }
  evt_lead_set_subject (self->lead, subject);
  evt_lead_set_contact (self->lead, contact);
  evt_lead_set_next_step (self->lead, next_step);
  evt_lead_set_follow_up (self->lead, self->follow_up);
  if (state < EVT_N_LEAD_STATES)
    evt_lead_set_state (self->lead, state);

  self->busy = TRUE;
  update_actions (self);
  evt_people_run_async (self->store, save_lead, g_object_ref (self->lead), g_object_unref,
                        NULL, on_saved, g_object_ref (self));
}

static void
on_deleted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(EvtLeadDialog) self = user_data;
  g_autoptr(EvtLead) again = NULL;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  update_actions (self);
  if (!evt_people_run_finish (EVT_STORE (source), result, &error))
    {
      show_error (self, error);
      return;
    }

  /* What an undo saves again: the lead as it was in the store. */
  again = evt_lead_new (evt_lead_get_event_id (self->lead));
  evt_lead_set_organisation_id (again, evt_lead_get_organisation_id (self->lead));
  evt_lead_set_organisation_name (again, evt_lead_get_organisation_name (self->lead));
  evt_lead_set_contact (again, evt_lead_get_contact (self->lead));
  evt_lead_set_subject (again, evt_lead_get_subject (self->lead));
  evt_lead_set_next_step (again, evt_lead_get_next_step (self->lead));
  evt_lead_set_follow_up (again, evt_lead_get_follow_up (self->lead));
  evt_lead_set_state (again, evt_lead_get_state (self->lead));
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, again);
  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvtLeadDialog *self = EVT_LEAD_DIALOG (widget);

  if (self->busy || evt_lead_get_id (self->lead) == 0)
    return;
  self->busy = TRUE;
  update_actions (self);
  evt_people_run_async (self->store, delete_lead, g_object_ref (self->lead), g_object_unref,
                        NULL, on_deleted, g_object_ref (self));
}

static void
evt_lead_dialog_dispose (GObject *object)
{
  EvtLeadDialog *self = EVT_LEAD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_LEAD_DIALOG);
  G_OBJECT_CLASS (evt_lead_dialog_parent_class)->dispose (object);
}

static void
evt_lead_dialog_finalize (GObject *object)
{
  EvtLeadDialog *self = EVT_LEAD_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->lead);
  g_free (self->follow_up);

  G_OBJECT_CLASS (evt_lead_dialog_parent_class)->finalize (object);
}

static void
evt_lead_dialog_class_init (EvtLeadDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evt_lead_dialog_dispose;
  object_class->finalize = evt_lead_dialog_finalize;

  /**
   * EvtLeadDialog::saved:
   * @self: the dialog
   * @lead: the lead, as saved (with its id)
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, EVT_TYPE_LEAD);

  /**
   * EvtLeadDialog::deleted:
   * @self: the dialog
   * @lead: a copy of the lead deleted, id 0, to save again for an undo
   */
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, EVT_TYPE_LEAD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/eventail/Eventail/evt-lead-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtLeadDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EvtLeadDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, EvtLeadDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, EvtLeadDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, EvtLeadDialog, next_step_row);
  gtk_widget_class_bind_template_child (widget_class, EvtLeadDialog, follow_up_button);
  gtk_widget_class_bind_template_child (widget_class, EvtLeadDialog, follow_up_calendar);
  gtk_widget_class_bind_template_child (widget_class, EvtLeadDialog, clear_follow_up_button);
  gtk_widget_class_bind_template_child (widget_class, EvtLeadDialog, state_row);
  gtk_widget_class_bind_template_child (widget_class, EvtLeadDialog, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_follow_up);

  gtk_widget_class_install_action (widget_class, "lead.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "lead.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "lead.save",
                                       NULL);
}

static void
evt_lead_dialog_init (EvtLeadDialog *self)
{
  g_autoptr(GtkStringList) states = evt_lead_state_model_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->state_row, G_LIST_MODEL (states));
  evt_people_name_rows (GTK_WIDGET (self));
  evt_people_name (self->follow_up_button, _("Follow-up date"));
  evt_people_name (self->follow_up_calendar, _("Follow-up date"));
  evt_people_name (self->clear_follow_up_button, _("No follow-up date"));
}

/**
 * evt_lead_dialog_new:
 * @parent: (nullable): the window it is for
 * @store: the store
 * @event_id: the event the lead was met at
 * @lead: (nullable): the lead to edit, %NULL for a new one
 *
 * Returns: (transfer full): a new dialog, not shown yet
 */
EvtLeadDialog *
evt_lead_dialog_new (GtkWindow *parent,
                     EvtStore  *store,
                     gint64     event_id,
                     EvtLead   *lead)
{
  EvtLeadDialog *self;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);
  g_return_val_if_fail (lead == NULL || EVT_IS_LEAD (lead), NULL);

  self = g_object_new (EVT_TYPE_LEAD_DIALOG,
                       "transient-for", parent,
                       "title", lead != NULL ? _("Edit Lead") : _("New Lead"),
                       NULL);
  self->store = g_object_ref (store);
  self->lead = lead != NULL ? g_object_ref (lead) : evt_lead_new (event_id);

  gtk_editable_set_text (GTK_EDITABLE (self->subject_row),
                         evt_lead_get_subject (self->lead) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row),
                         evt_lead_get_organisation_name (self->lead) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row),
                         evt_lead_get_contact (self->lead) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->next_step_row),
                         evt_lead_get_next_step (self->lead) ?: "");
  adw_combo_row_set_selected (self->state_row, evt_lead_get_state (self->lead));
  self->follow_up = g_strdup (evt_lead_get_follow_up (self->lead));
  if (self->follow_up != NULL)
    {
      int y, m, d;

      if (sscanf (self->follow_up, "%4d-%2d-%2d", &y, &m, &d) == 3)
        {
          g_autoptr(GDateTime) dt = g_date_time_new_local (y, m, d, 0, 0, 0);

          if (dt != NULL)
            gtk_calendar_select_day (self->follow_up_calendar, dt);
        }
    }
  update_follow_up (self);
  gtk_widget_set_visible (self->delete_group, lead != NULL && evt_lead_get_id (lead) != 0);
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->subject_row));
  return self;
}

/**
 * evt_lead_dialog_get_lead:
 * @self: a dialog
 *
 * Returns: (transfer none): the lead edited
 */
EvtLead *
evt_lead_dialog_get_lead (EvtLeadDialog *self)
{
  g_return_val_if_fail (EVT_IS_LEAD_DIALOG (self), NULL);
  return self->lead;
}

/**
 * evt_lead_dialog_is_busy:
 * @self: a dialog
 *
 * Returns: whether a save or a deletion is under way
 */
gboolean
evt_lead_dialog_is_busy (EvtLeadDialog *self)
{
  g_return_val_if_fail (EVT_IS_LEAD_DIALOG (self), FALSE);
  return self->busy;
}

/**
 * evt_lead_dialog_set_fields:
 * @self: a dialog
 * @subject: (nullable): the subject
 * @organisation: (nullable): the organisation's name
 * @contact: (nullable): the contact
 * @next_step: (nullable): the next step
 * @follow_up: (nullable): the follow-up day, YYYY-MM-DD
 * @state: the state
 *
 * Fills the fields as someone typing would.
 */
void
evt_lead_dialog_set_fields (EvtLeadDialog *self,
                            const char    *subject,
                            const char    *organisation,
                            const char    *contact,
                            const char    *next_step,
                            const char    *follow_up,
                            EvtLeadState   state)
{
  g_return_if_fail (EVT_IS_LEAD_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), subject ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), organisation ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row), contact ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->next_step_row), next_step ?: "");
  g_free (self->follow_up);
  self->follow_up = g_strdup (follow_up);
  update_follow_up (self);
  adw_combo_row_set_selected (self->state_row, state);
}
