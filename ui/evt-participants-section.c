/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-participants-section.c: who takes part in one event, each state changeable in place. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-participants-section-private.h"
#include "evt-people-common.h"

/* Enough to find someone by a few letters; the search narrows the rest. */
#define MAX_RESULTS 25

struct _EvtParticipantsSection
{
  AdwPreferencesGroup  parent_instance;

  EvtStore            *store;
  gint64               event_id;
  gulong               changed_id;

  GPtrArray           *participations;  /* EvtParticipation, as the rows show them */
  GPtrArray           *rows;            /* AdwActionRow, one per participation */
  GtkWidget           *empty_row;
  char                *counts_text;

  GCancellable        *load_cancellable;
  GCancellable        *search_cancellable;
  guint                reload_id;
  gboolean             disposed;         /* set_event() and reloads are no-ops then */
  guint                n_pending;        /* loads, searches and writes under way */
  gboolean             updating;         /* drop-downs set by code, not by a person */

  /* The search of the popover: both answers are awaited before the list is filled. */
  GPtrArray           *found_orgs;
  GPtrArray           *found_people;
  guint                search_waiting;
  char                *search_text;

  GtkMenuButton       *add_button;
  GtkPopover          *add_popover;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *role_dropdown;
  GtkDropDown         *new_state_dropdown;
  GtkLabel            *results_label;
  GtkListBox          *results_list;
};

G_DEFINE_FINAL_TYPE (EvtParticipantsSection, evt_participants_section,
                     ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void queue_reload (EvtParticipantsSection *self);

/* --- Small helpers --------------------------------------------------------------- */

static void
emit_toast_text (EvtParticipantsSection *self,
                 const char             *text)
{
  AdwToast *toast = adw_toast_new (text);

  g_signal_emit (self, signals[SIGNAL_TOAST], 0, toast);
  g_object_unref (g_object_ref_sink (toast));
}

static void
emit_error (EvtParticipantsSection *self,
            const char             *what,
            const GError           *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", what, error->message);

  emit_toast_text (self, text);
}

static void
pending_done (EvtParticipantsSection *self)
{
  g_return_if_fail (self->n_pending > 0);
  self->n_pending--;
}

/* A new participation with what @part says of who takes part and how, id 0: what
 * is saved again when a removal is undone. */
static EvtParticipation *
copy_participation (EvtParticipation *part)
{
  EvtParticipation *copy = evt_participation_new (evt_participation_get_event_id (part));

  evt_participation_set_organisation_id (copy, evt_participation_get_organisation_id (part));
  evt_participation_set_person_id (copy, evt_participation_get_person_id (part));
  evt_participation_set_role (copy, evt_participation_get_role (part));
  evt_participation_set_state (copy, evt_participation_get_state (part));
  evt_participation_set_note (copy, evt_participation_get_note (part));
  return copy;
}

static char *
participant_name (EvtParticipation *part)
{
  const char *person = evt_participation_get_person_name (part);
  const char *org = evt_participation_get_organisation_name (part);

  return g_strdup (person != NULL ? person : org != NULL ? org : "");
}

/* --- Writes --------------------------------------------------------------------------- */

typedef struct
{
  EvtParticipantsSection *self;
  EvtParticipation       *part;
  char                   *new_organisation;  /* a name to create first */
  char                   *new_person;
} Op;

static void
op_free (Op *op)
{
  g_clear_object (&op->self);
  g_clear_object (&op->part);
  g_free (op->new_organisation);
  g_free (op->new_person);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Op, op_free)

static Op *
op_new (EvtParticipantsSection *self,
        EvtParticipation       *part)
{
  Op *op = g_new0 (Op, 1);

  op->self = g_object_ref (self);
  op->part = g_object_ref (part);
  return op;
}

static gboolean
save_participation (EvtStore  *store,
                    gpointer   data,
                    GError   **error)
{
  Op *op = data;
  gboolean ok;

  if (op->new_organisation == NULL && op->new_person == NULL)
    return evt_people_save_participation (store, op->part, NULL, error);

  /* Someone new and their participation: both, or neither. */
  if (!evt_store_begin (store, error))
    return FALSE;
  if (op->new_organisation != NULL)
    {
      g_autoptr(EvtOrganisation) org = evt_organisation_new (op->new_organisation);

      ok = evt_people_save_organisation (store, org, error);
      if (ok)
        evt_participation_set_organisation_id (op->part, evt_organisation_get_id (org));
    }
  else
    {
      g_autoptr(EvtPerson) person = evt_person_new (op->new_person);

      ok = evt_people_save_person (store, person, error);
      if (ok)
        evt_participation_set_person_id (op->part, evt_person_get_id (person));
    }
  ok = ok && evt_people_save_participation (store, op->part, NULL, error);
  if (!ok)
    {
      evt_store_rollback (store);
      return FALSE;
    }
  return evt_store_commit (store, error);
}

static gboolean
remove_participation (EvtStore  *store,
                      gpointer   data,
                      GError   **error)
{
  Op *op = data;

  return evt_people_remove_participation (store, evt_participation_get_id (op->part), error);
}

static void
run_op (EvtParticipantsSection *self,
        EvtPeopleWriteFunc      func,
        Op                     *op,
        GAsyncReadyCallback     callback)
{
  self->n_pending++;
  /* The thread and the callback share the op: the callback frees it. */
  evt_people_run_async (self->store, func, op, NULL, NULL, callback, op);
}

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Op) op = user_data;
  EvtParticipantsSection *self = op->self;
  g_autoptr(GError) error = NULL;

  pending_done (self);
  if (!evt_people_run_finish (EVT_STORE (source), result, &error))
    {
      emit_error (self, _("Cannot add the participant"), error);
      return;
    }
  queue_reload (self);
}

static void
on_undo_remove (AdwToast *toast,
                gpointer  user_data)
{
  Op *undo = g_object_get_data (G_OBJECT (toast), "evt-undo");

  /* The participant comes back (with a new id), once. */
  g_signal_handlers_disconnect_by_func (toast, on_undo_remove, user_data);
  run_op (undo->self, save_participation, op_new (undo->self, undo->part), on_added);
}

static void
on_removed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Op) op = user_data;
  EvtParticipantsSection *self = op->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtParticipation) again = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  pending_done (self);
  if (!evt_people_run_finish (EVT_STORE (source), result, &error))
    {
      emit_error (self, _("Cannot remove the participant"), error);
      queue_reload (self);
      return;
    }

  name = participant_name (op->part);
  /* Translators: a toast; %s is the name of a person or an organisation */
  title = g_strdup_printf (_("“%s” removed"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  /* What the undo saves again, kept (with the section) as long as the toast. */
  again = copy_participation (op->part);
  g_object_set_data_full (G_OBJECT (toast), "evt-undo", op_new (self, again),
                          (GDestroyNotify) op_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_remove), NULL);

  g_signal_emit (self, signals[SIGNAL_TOAST], 0, toast);
  g_object_unref (g_object_ref_sink (toast));
  queue_reload (self);
}

static void
on_state_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Op) op = user_data;
  EvtParticipantsSection *self = op->self;
  g_autoptr(GError) error = NULL;

  pending_done (self);
  if (!evt_people_run_finish (EVT_STORE (source), result, &error))
    emit_error (self, _("Cannot change the state"), error);
  /* Either way the rows show what the store holds now. */
  queue_reload (self);
}

/* --- Rows ----------------------------------------------------------------------------- */

static guint
row_index (EvtParticipantsSection *self,
           GtkWidget              *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);
  guint index;

  if (row != NULL && g_ptr_array_find (self->rows, row, &index))
    return index;
  return G_MAXUINT;
}

static void
update_counts (EvtParticipantsSection *self)
{
  guint counts[EVT_N_PARTICIPATION_STATES] = { 0 };

  for (guint i = 0; i < self->participations->len; i++)
    counts[evt_participation_get_state (g_ptr_array_index (self->participations, i))]++;
  g_free (self->counts_text);
  self->counts_text = evt_format_participation_counts (counts);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), self->counts_text);
}

static void
on_state_selected (GtkDropDown            *dropdown,
                   GParamSpec             *pspec,
                   EvtParticipantsSection *self)
{
  guint index = row_index (self, GTK_WIDGET (dropdown));
  guint state = gtk_drop_down_get_selected (dropdown);
  g_autoptr(EvtParticipation) changed = NULL;
  EvtParticipation *part;

  if (self->updating || index == G_MAXUINT || state >= EVT_N_PARTICIPATION_STATES)
    return;
  part = g_ptr_array_index (self->participations, index);
  if ((guint) evt_participation_get_state (part) == state)
    return;

  /* Saved as the same organisation and person with another state: the core updates
   * their participation. The counts follow at once; the store has the last word
   * when it answers. */
  changed = copy_participation (part);
  evt_participation_set_state (changed, state);
  evt_participation_set_state (part, state);
  update_counts (self);
  evt_people_set_state_class (GTK_WIDGET (dropdown), "participation-",
                              evt_participation_state_to_string (state));
  run_op (self, save_participation, op_new (self, changed), on_state_saved);
}

static void
on_remove_clicked (GtkButton              *button,
                   EvtParticipantsSection *self)
{
  guint index = row_index (self, GTK_WIDGET (button));
  EvtParticipation *part;

  if (index == G_MAXUINT)
    return;
  part = g_ptr_array_index (self->participations, index);
  gtk_widget_set_sensitive (g_ptr_array_index (self->rows, index), FALSE);
  run_op (self, remove_participation, op_new (self, part), on_removed);
}

static void
update_row (EvtParticipantsSection *self,
            AdwActionRow           *row,
            EvtParticipation       *part)
{
  const char *person = evt_participation_get_person_name (part);
  const char *org = evt_participation_get_organisation_name (part);
  const char *role = evt_role_get_label (evt_participation_get_role (part));
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (row), "evt-state");
  GtkImage *icon = g_object_get_data (G_OBJECT (row), "evt-icon");
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *org_line = evt_one_line (org);
  EvtParticipationState state = evt_participation_get_state (part);

  title = evt_one_line (person != NULL ? person : org != NULL ? org : "");
  if (person != NULL && org != NULL)
    /* Translators: the subtitle of a person taking part: their organisation, their role */
    subtitle = g_strdup_printf (_("%s · %s"), org_line, role);
  else if (evt_participation_get_member (part))
    /* Translators: the subtitle of a member organisation taking part: its role */
    subtitle = g_strdup_printf (_("Member · %s"), role);
  else
    subtitle = g_strdup (role);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_image_set_from_icon_name (icon, person != NULL ? "avatar-default-symbolic"
                                                     : "system-users-symbolic");

  self->updating = TRUE;
  gtk_drop_down_set_selected (dropdown, state);
  self->updating = FALSE;
  evt_people_set_state_class (GTK_WIDGET (dropdown), "participation-",
                              evt_participation_state_to_string (state));
  gtk_widget_set_sensitive (GTK_WIDGET (row), TRUE);

  remove_label = g_strdup_printf (_("Remove %s"), person != NULL ? person : org);
  gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (row),
                                                                     "evt-remove")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  evt_people_name (dropdown, _("State"));
}

static GtkWidget *
create_row (EvtParticipantsSection *self)
{
  g_autoptr(GtkStringList) states = evt_participation_state_model_new ();
  GtkWidget *row = evt_plain_row_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&states)), NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (icon, "dim-label");


  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dropdown, "participation-state");
  gtk_widget_set_tooltip_text (dropdown, _("State"));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_state_selected), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_object_set_data (G_OBJECT (row), "evt-icon", icon);
  g_object_set_data (G_OBJECT (row), "evt-state", dropdown);
  g_object_set_data (G_OBJECT (row), "evt-remove", remove);
  return row;
}

static gboolean
same_participants (GPtrArray *a,
                   GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (evt_participation_get_id (g_ptr_array_index (a, i)) !=
        evt_participation_get_id (g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/* Shows @parts: the rows are kept when the same people are listed (a state changed),
 * so that a drop-down someone is using stays where it is. */
static void
show_participations (EvtParticipantsSection *self,
                     GPtrArray              *parts)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);

  if (!same_participants (self->participations, parts))
    {
      for (guint i = 0; i < self->rows->len; i++)
        adw_preferences_group_remove (group, g_ptr_array_index (self->rows, i));
      g_ptr_array_set_size (self->rows, 0);
      for (guint i = 0; i < parts->len; i++)
        {
          GtkWidget *row = create_row (self);

          g_ptr_array_add (self->rows, row);
          adw_preferences_group_add (group, row);
        }
    }

  g_ptr_array_unref (self->participations);
  self->participations = g_ptr_array_ref (parts);

  for (guint i = 0; i < parts->len; i++)
    update_row (self, g_ptr_array_index (self->rows, i), g_ptr_array_index (parts, i));

  gtk_widget_set_visible (self->empty_row, parts->len == 0);
  update_counts (self);
}

/* --- Loading ------------------------------------------------------------------------------ */

static void
on_participations_loaded (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(EvtParticipantsSection) self = user_data;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) error = NULL;

  pending_done (self);
  parts = evt_people_list_participations_finish (EVT_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->load_cancellable);
  if (parts == NULL)
    {
      /* The event went away under the page: nothing to show. */
      if (!g_error_matches (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND))
        emit_error (self, _("Cannot read the participants"), error);
      parts = g_ptr_array_new_with_free_func (g_object_unref);
    }
  show_participations (self, parts);
}

static gboolean
reload_cb (gpointer user_data)
{
  EvtParticipantsSection *self = user_data;

  self->reload_id = 0;
  pending_done (self);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->store == NULL || self->event_id <= 0)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);

      show_participations (self, none);
      return G_SOURCE_REMOVE;
    }

  self->load_cancellable = g_cancellable_new ();
  self->n_pending++;
  evt_people_list_participations_async (self->store, self->event_id, -1,
                                        self->load_cancellable, on_participations_loaded,
                                        g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* Reads the participants again once the current burst of changes is over. */
static void
queue_reload (EvtParticipantsSection *self)
{
  if (self->reload_id != 0 || self->disposed)
    return;
  self->n_pending++;
  /* The idle holds the widget: a reload queued while it goes runs on a live object. */
  self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_cb, g_object_ref (self),
                                     g_object_unref);
}

static void
on_store_changed (EvtStore               *store,
                  EvtParticipantsSection *self)
{
  queue_reload (self);
}

/* --- The "Add" popover ------------------------------------------------------------------- */

static GtkWidget *
result_row_new (const char *title,
                const char *subtitle,
                const char *icon_name,
                gboolean    taking_part)
{
  GtkWidget *row = evt_plain_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  g_autofree char *title_line = evt_one_line (title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_line);
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      g_autofree char *subtitle_line = evt_one_line (subtitle);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_line);
    }
  gtk_widget_add_css_class (icon, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (taking_part)
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_set_tooltip_text (check, _("Already taking part: adding again changes the "
                                            "role and state"));
      gtk_widget_add_css_class (check, "accent");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
    }
  return row;
}

static gboolean
is_taking_part (EvtParticipantsSection *self,
                gint64                  organisation_id,
                gint64                  person_id)
{
  for (guint i = 0; i < self->participations->len; i++)
    {
      EvtParticipation *part = g_ptr_array_index (self->participations, i);

      if (person_id != 0 ? evt_participation_get_person_id (part) == person_id
                         : (evt_participation_get_organisation_id (part) == organisation_id &&
                            evt_participation_get_person_id (part) == 0))
        return TRUE;
    }
  return FALSE;
}

static void
clear_results (EvtParticipantsSection *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
}

static void
fill_results (EvtParticipantsSection *self)
{
  const char *text = self->search_text != NULL ? self->search_text : "";
  guint n_orgs = self->found_orgs != NULL ? self->found_orgs->len : 0;
  guint n_people = self->found_people != NULL ? self->found_people->len : 0;
  guint shown = 0;

  clear_results (self);

  for (guint i = 0; i < n_orgs && shown < MAX_RESULTS; i++, shown++)
    {
      EvtOrganisation *org = g_ptr_array_index (self->found_orgs, i);
      const char *city = evt_organisation_get_city (org);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (evt_organisation_get_member (org))
        subtitle = city != NULL ? g_strdup_printf (_("Member · %s"), city)
                                : g_strdup (_("Member"));
      else
        subtitle = g_strdup_printf ("%s%s%s",
                                    evt_organisation_kind_get_label (
                                      evt_organisation_get_kind (org)),
                                    city != NULL ? " · " : "", city != NULL ? city : "");
      row = result_row_new (evt_organisation_get_name (org), subtitle, "system-users-symbolic",
                            is_taking_part (self, evt_organisation_get_id (org), 0));
      g_object_set_data_full (G_OBJECT (row), "evt-organisation", g_object_ref (org),
                              g_object_unref);
      gtk_list_box_append (self->results_list, row);
    }

  for (guint i = 0; i < n_people && shown < MAX_RESULTS; i++, shown++)
    {
      EvtPerson *person = g_ptr_array_index (self->found_people, i);
      const char *org = evt_person_get_organisation_name (person);
      GtkWidget *row;

      row = result_row_new (evt_person_get_name (person),
                            org != NULL ? org : evt_person_get_job_title (person),
                            "avatar-default-symbolic",
                            is_taking_part (self, 0, evt_person_get_id (person)));
      g_object_set_data_full (G_OBJECT (row), "evt-person", g_object_ref (person),
                              g_object_unref);
      gtk_list_box_append (self->results_list, row);
    }

  /* Someone not in the list yet can be added from here, as one types the name
   * (search_text is stripped). */
  if (text[0] != '\0')
    {
      g_autofree char *org_title = NULL;
      g_autofree char *person_title = NULL;
      GtkWidget *row;

      /* Translators: a row of the search results; %s is what was typed */
      org_title = g_strdup_printf (_("New organisation “%s”"), text);
      row = result_row_new (org_title, NULL, "list-add-symbolic", FALSE);
      g_object_set_data_full (G_OBJECT (row), "evt-new-organisation", g_strdup (text), g_free);
      gtk_list_box_append (self->results_list, row);

      /* Translators: a row of the search results; %s is what was typed */
      person_title = g_strdup_printf (_("New person “%s”"), text);
      row = result_row_new (person_title, NULL, "contact-new-symbolic", FALSE);
      g_object_set_data_full (G_OBJECT (row), "evt-new-person", g_strdup (text), g_free);
      gtk_list_box_append (self->results_list, row);
    }

  if (text[0] == '\0')
    gtk_label_set_label (self->results_label,
                         n_orgs > 0 ? _("Member organisations; type to search everyone")
                                    : _("Type a name to search organisations and people"));
  else if (n_orgs + n_people == 0)
    gtk_label_set_label (self->results_label, _("Nobody of that name: add them as new"));
  else if (n_orgs + n_people > MAX_RESULTS)
    gtk_label_set_label (self->results_label, _("The first matches; type more to narrow"));
  else
    gtk_label_set_label (self->results_label, _("Choose a role and a state, then a name"));
}

static void
search_answered (EvtParticipantsSection *self)
{
  pending_done (self);
  if (--self->search_waiting > 0)
    return;
  g_clear_object (&self->search_cancellable);
  fill_results (self);
}

static void
on_orgs_found (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(EvtParticipantsSection) self = user_data;
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GError) error = NULL;

  orgs = evt_people_list_organisations_finish (EVT_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      pending_done (self);
      return;
    }
  if (error != NULL)
    g_warning ("Cannot search organisations: %s", error->message);
  g_clear_pointer (&self->found_orgs, g_ptr_array_unref);
  self->found_orgs = g_steal_pointer (&orgs);
  search_answered (self);
}

static void
on_people_found (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(EvtParticipantsSection) self = user_data;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  people = evt_people_list_people_finish (EVT_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      pending_done (self);
      return;
    }
  if (error != NULL)
    g_warning ("Cannot search people: %s", error->message);
  g_clear_pointer (&self->found_people, g_ptr_array_unref);
  self->found_people = g_steal_pointer (&people);
  search_answered (self);
}

static void
start_search (EvtParticipantsSection *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
                                                  GTK_EDITABLE (self->search_entry))));

  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();
  g_free (self->search_text);
  self->search_text = g_steal_pointer (&text);

  if (self->search_text[0] == '\0')
    {
      /* Nothing typed: the member list itself. */
      g_clear_pointer (&self->found_people, g_ptr_array_unref);
      self->search_waiting = 1;
      self->n_pending++;
      evt_people_list_organisations_async (self->store, NULL, TRUE, self->search_cancellable,
                                           on_orgs_found, g_object_ref (self));
      return;
    }

  self->search_waiting = 2;
  self->n_pending += 2;
  evt_people_list_organisations_async (self->store, self->search_text, FALSE,
                                       self->search_cancellable, on_orgs_found,
                                       g_object_ref (self));
  evt_people_list_people_async (self->store, self->search_text, 0, self->search_cancellable,
                                on_people_found, g_object_ref (self));
}

static void
on_search_changed (EvtParticipantsSection *self)
{
  start_search (self);
}

static void
on_search_stop (EvtParticipantsSection *self)
{
  gtk_popover_popdown (self->add_popover);
}

static void
on_add_popover_show (EvtParticipantsSection *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  start_search (self);
}

static void
on_result_activated (EvtParticipantsSection *self,
                     GtkListBoxRow          *row)
{
  EvtOrganisation *org = g_object_get_data (G_OBJECT (row), "evt-organisation");
  EvtPerson *person = g_object_get_data (G_OBJECT (row), "evt-person");
  const char *new_org = g_object_get_data (G_OBJECT (row), "evt-new-organisation");
  const char *new_person = g_object_get_data (G_OBJECT (row), "evt-new-person");
  g_autoptr(EvtParticipation) part = NULL;
  guint role = gtk_drop_down_get_selected (self->role_dropdown);
  guint state = gtk_drop_down_get_selected (self->new_state_dropdown);
  Op *op;

  if (self->store == NULL || self->event_id <= 0)
    return;

  part = evt_participation_new (self->event_id);
  if (org != NULL)
    evt_participation_set_organisation_id (part, evt_organisation_get_id (org));
  if (person != NULL)
    evt_participation_set_person_id (part, evt_person_get_id (person));
  if (role < EVT_N_ROLES)
    evt_participation_set_role (part, role);
  if (state < EVT_N_PARTICIPATION_STATES)
    evt_participation_set_state (part, state);

  op = op_new (self, part);
  op->new_organisation = g_strdup (new_org);
  op->new_person = g_strdup (new_person);
  run_op (self, save_participation, op, on_added);

  /* The popover stays open for the next one (the whole shared stand, often); the
   * row shows it is taking part when the list comes back. */
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_search_activate (EvtParticipantsSection *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  /* Enter takes the first match, when there is a match. */
  if (first != NULL && g_object_get_data (G_OBJECT (first), "evt-new-organisation") == NULL)
    on_result_activated (self, first);
}

/* --- GObject ------------------------------------------------------------------------------- */

static void
disconnect_store (EvtParticipantsSection *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
}

static void
evt_participants_section_dispose (GObject *object)
{
  EvtParticipantsSection *self = EVT_PARTICIPANTS_SECTION (object);

  self->disposed = TRUE;
  disconnect_store (self);
  if (self->reload_id != 0)
    {
      g_source_remove (self->reload_id);
      self->reload_id = 0;
      pending_done (self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_PARTICIPANTS_SECTION);

  G_OBJECT_CLASS (evt_participants_section_parent_class)->dispose (object);
}

static void
evt_participants_section_finalize (GObject *object)
{
  EvtParticipantsSection *self = EVT_PARTICIPANTS_SECTION (object);

  g_clear_pointer (&self->participations, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->found_orgs, g_ptr_array_unref);
  g_clear_pointer (&self->found_people, g_ptr_array_unref);
  g_free (self->counts_text);
  g_free (self->search_text);

  G_OBJECT_CLASS (evt_participants_section_parent_class)->finalize (object);
}

static void
evt_participants_section_class_init (EvtParticipantsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evt_participants_section_dispose;
  object_class->finalize = evt_participants_section_finalize;

  /**
   * EvtParticipantsSection::toast:
   * @self: the section
   * @toast: an #AdwToast: a removal with its Undo button, or an error
   *
   * Asks the page to show @toast.
   */
  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/eventail/Eventail/evt-participants-section.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtParticipantsSection, add_button);
  gtk_widget_class_bind_template_child (widget_class, EvtParticipantsSection, add_popover);
  gtk_widget_class_bind_template_child (widget_class, EvtParticipantsSection, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EvtParticipantsSection, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EvtParticipantsSection,
                                        new_state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EvtParticipantsSection, results_label);
  gtk_widget_class_bind_template_child (widget_class, EvtParticipantsSection, results_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_add_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);
}

static void
evt_participants_section_init (EvtParticipantsSection *self)
{
  g_autoptr(GtkStringList) roles = evt_role_model_new ();
  g_autoptr(GtkStringList) states = evt_participation_state_model_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->participations = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();

  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (roles));
  gtk_drop_down_set_selected (self->role_dropdown, EVT_ROLE_EXHIBITOR);
  gtk_drop_down_set_model (self->new_state_dropdown, G_LIST_MODEL (states));
  gtk_drop_down_set_selected (self->new_state_dropdown, EVT_PARTICIPATION_STATE_INVITED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->add_popover));
  evt_people_narrow_drop_down (self->role_dropdown, 14);
  evt_people_narrow_drop_down (self->new_state_dropdown, 14);
  evt_people_name (self->search_entry, _("Search organisations and people"));
  evt_people_name (self->role_dropdown, _("Role"));
  evt_people_name (self->new_state_dropdown, _("State"));
  evt_people_name (self->add_button, _("Add a participant"));

  /* Said inside the list, so that an event with nobody yet still looks like a list. */
  self->empty_row = evt_placeholder_row_new (_("Nobody yet: add the staff and the member "
                                               "companies"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty_row);

  self->counts_text = evt_format_participation_counts ((guint[EVT_N_PARTICIPATION_STATES]) { 0 });
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), self->counts_text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
}

/**
 * evt_participants_section_new:
 *
 * Returns: (transfer floating): a new section, showing no event until
 *   evt_participants_section_set_event()
 */
GtkWidget *
evt_participants_section_new (void)
{
  return g_object_new (EVT_TYPE_PARTICIPANTS_SECTION, NULL);
}

/**
 * evt_participants_section_set_event:
 * @self: a section
 * @store: (nullable): the store the event is in
 * @event_id: a saved event, or 0 for none
 *
 * Shows the participants of an event and follows the store's changes.
 */
void
evt_participants_section_set_event (EvtParticipantsSection *self,
                                    EvtStore               *store,
                                    gint64                  event_id)
{
  g_return_if_fail (EVT_IS_PARTICIPANTS_SECTION (self));
  g_return_if_fail (store == NULL || EVT_IS_STORE (store));

  if (self->disposed)
    return;
  if (store != self->store)
    {
      disconnect_store (self);
      if (store != NULL)
        {
          self->store = g_object_ref (store);
          self->changed_id = g_signal_connect (store, "changed",
                                               G_CALLBACK (on_store_changed), self);
        }
    }
  if (event_id != self->event_id)
    {
      /* Another event's people must not show for an instant under this one. */
      g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);

      self->event_id = event_id;
      show_participations (self, none);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), store != NULL && event_id > 0);
  queue_reload (self);
}

/**
 * evt_participants_section_get_event_id:
 * @self: a section
 *
 * Returns: the event shown, 0 for none
 */
gint64
evt_participants_section_get_event_id (EvtParticipantsSection *self)
{
  g_return_val_if_fail (EVT_IS_PARTICIPANTS_SECTION (self), 0);

  return self->event_id;
}

/* --- For the display test ---------------------------------------------------------------- */

gboolean
evt_participants_section_is_busy (EvtParticipantsSection *self)
{
  return self->n_pending > 0;
}

const char *
evt_participants_section_get_counts_text (EvtParticipantsSection *self)
{
  return self->counts_text;
}

guint
evt_participants_section_get_n_participants (EvtParticipantsSection *self)
{
  return self->participations->len;
}

AdwActionRow *
evt_participants_section_get_row (EvtParticipantsSection *self,
                                  guint                   index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

GtkDropDown *
evt_participants_section_get_state_dropdown (EvtParticipantsSection *self,
                                             guint                   index)
{
  return g_object_get_data (G_OBJECT (evt_participants_section_get_row (self, index)),
                            "evt-state");
}

GtkButton *
evt_participants_section_get_remove_button (EvtParticipantsSection *self,
                                            guint                   index)
{
  return g_object_get_data (G_OBJECT (evt_participants_section_get_row (self, index)),
                            "evt-remove");
}

GtkMenuButton *
evt_participants_section_get_add_button (EvtParticipantsSection *self)
{
  return self->add_button;
}

GtkEditable *
evt_participants_section_get_search_entry (EvtParticipantsSection *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GtkDropDown *
evt_participants_section_get_role_dropdown (EvtParticipantsSection *self)
{
  return self->role_dropdown;
}

GtkDropDown *
evt_participants_section_get_new_state_dropdown (EvtParticipantsSection *self)
{
  return self->new_state_dropdown;
}

GtkListBox *
evt_participants_section_get_results_list (EvtParticipantsSection *self)
{
  return self->results_list;
}
