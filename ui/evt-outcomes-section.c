/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-outcomes-section.c: what came of one event, what it cost against its budget, its leads. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-outcomes-section-private.h"
#include "evt-money.h"
#include "evt-people-common.h"

#define N_STARS 5

/* The figures typed in entry rows, in this order. */
typedef enum
{
  FIELD_CONTACTS,
  FIELD_LEADS,
  FIELD_MEETINGS,
  FIELD_PRESS,
  N_FIELDS
} Field;

static const char * const field_names[N_FIELDS] = { "contacts", "leads", "meetings", "press" };

struct _EvtOutcomesSection
{
  GtkWidget             parent_instance;

  EvtStore             *store;
  gint64                event_id;
  gulong                changed_id;

  EvtOutcome           *pristine;       /* as the store has it */
  GPtrArray            *leads;          /* EvtLead */
  GPtrArray            *lead_rows;
  GtkWidget            *no_leads_row;
  GPtrArray            *project_names;  /* char *, as edited */
  GPtrArray            *project_rows;
  double                satisfaction;   /* as edited; 0 for not rated */
  gint64                stored_budget;  /* the event's, -1 for none */
  gint64                page_budget;    /* the page's, as edited; -2 when not given */
  char                 *total_text;
  gboolean              over_budget;

  gboolean              updating;       /* fields set by code, not by a person */
  gboolean              dirty;
  gboolean              saving;
  guint                 n_pending;
  guint                 reload_id;
  gboolean              disposed;       /* set_event() and reloads are no-ops then */
  GCancellable         *load_cancellable;

  AdwPreferencesGroup  *figures_group;
  AdwEntryRow          *contacts_row;
  AdwEntryRow          *leads_row;
  GtkLabel             *lead_records_label;
  AdwEntryRow          *meetings_row;
  AdwExpanderRow       *projects_row;
  GtkEntry             *projects_entry;
  AdwEntryRow          *project_name_row;
  AdwEntryRow          *press_row;
  AdwActionRow         *satisfaction_row;
  GtkBox               *stars_box;
  GtkButton            *stars[N_STARS];
  AdwPreferencesGroup  *costs_group;
  AdwEntryRow          *cost_stand_row;
  AdwEntryRow          *cost_travel_row;
  AdwEntryRow          *cost_accommodation_row;
  AdwEntryRow          *cost_communication_row;
  AdwEntryRow          *cost_other_row;
  AdwActionRow         *total_row;
  GtkLabel             *total_label;
  GtkLevelBar          *budget_bar;
  AdwPreferencesGroup  *leads_group;
};

G_DEFINE_FINAL_TYPE (EvtOutcomesSection, evt_outcomes_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void queue_reload (EvtOutcomesSection *self);
static void update_state (EvtOutcomesSection *self);

/* --- Fields ------------------------------------------------------------------------------- */

static AdwEntryRow *
field_row (EvtOutcomesSection *self,
           Field               field)
{
  switch (field)
    {
    case FIELD_CONTACTS:
      return self->contacts_row;
    case FIELD_LEADS:
      return self->leads_row;
    case FIELD_MEETINGS:
      return self->meetings_row;
    case FIELD_PRESS:
    case N_FIELDS:
    default:
      return self->press_row;
    }
}

static AdwEntryRow *
cost_row (EvtOutcomesSection *self,
          EvtCostCategory     category)
{
  switch (category)
    {
    case EVT_COST_STAND:
      return self->cost_stand_row;
    case EVT_COST_TRAVEL:
      return self->cost_travel_row;
    case EVT_COST_ACCOMMODATION:
      return self->cost_accommodation_row;
    case EVT_COST_COMMUNICATION:
      return self->cost_communication_row;
    case EVT_COST_OTHER:
    default:
      return self->cost_other_row;
    }
}

static int
outcome_field (EvtOutcome *outcome,
               Field       field)
{
  switch (field)
    {
    case FIELD_CONTACTS:
      return evt_outcome_get_contacts (outcome);
    case FIELD_LEADS:
      return evt_outcome_get_leads (outcome);
    case FIELD_MEETINGS:
      return evt_outcome_get_meetings (outcome);
    case FIELD_PRESS:
    case N_FIELDS:
    default:
      return evt_outcome_get_press (outcome);
    }
}

static void
set_outcome_field (EvtOutcome *outcome,
                   Field       field,
                   int         value)
{
  switch (field)
    {
    case FIELD_CONTACTS:
      evt_outcome_set_contacts (outcome, value);
      break;
    case FIELD_LEADS:
      evt_outcome_set_leads (outcome, value);
      break;
    case FIELD_MEETINGS:
      evt_outcome_set_meetings (outcome, value);
      break;
    case FIELD_PRESS:
    case N_FIELDS:
    default:
      evt_outcome_set_press (outcome, value);
      break;
    }
}

static const char *
field_label (EvtOutcomesSection *self,
             Field               field)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field_row (self, field)));
}

/* Sets an entry's text unless it already says the same: a reload after a save must
 * not move the cursor of someone typing. */
static void
set_count_text (GtkEditable *editable,
                int          value)
{
  g_autofree char *text = value >= 0 ? g_strdup_printf ("%d", value) : g_strdup ("");
  int current;

  if (evt_parse_count (gtk_editable_get_text (editable), &current) && current == value)
    return;
  gtk_editable_set_text (editable, text);
}

static void
set_money_text (GtkEditable *editable,
                gint64       cents)
{
  g_autofree char *text = NULL;
  gint64 current;

  if (evt_money_parse (gtk_editable_get_text (editable), &current) && current == cents)
    return;
  text = cents >= 0 ? evt_money_format_number (cents) : g_strdup ("");
  gtk_editable_set_text (editable, text);
}

/* Reads the fields into a new outcome, or says which field is wrong. */
static EvtOutcome *
build_outcome (EvtOutcomesSection  *self,
               GError             **error)
{
  g_autoptr(EvtOutcome) outcome = evt_outcome_new (self->event_id);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  int projects;

  for (Field f = 0; f < N_FIELDS; f++)
    {
      int value;

      if (!evt_parse_count (gtk_editable_get_text (GTK_EDITABLE (field_row (self, f))), &value))
        {
          g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                       _("%s: a whole number is expected"), field_label (self, f));
          return NULL;
        }
      set_outcome_field (outcome, f, value);
    }

  if (!evt_parse_count (gtk_editable_get_text (GTK_EDITABLE (self->projects_entry)), &projects))
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                   _("%s: a whole number is expected"),
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->projects_row)));
      return NULL;
    }
  evt_outcome_set_projects (outcome, projects);

  for (EvtCostCategory c = 0; c < EVT_N_COST_CATEGORIES; c++)
    {
      gint64 cents;

      if (!evt_money_parse (gtk_editable_get_text (GTK_EDITABLE (cost_row (self, c))), &cents))
        {
          g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                       _("%s: an amount in euros is expected, such as 1 250,50"),
                       evt_cost_category_get_label (c));
          return NULL;
        }
      evt_outcome_set_cost (outcome, c, cents);
    }

  evt_outcome_set_satisfaction (outcome, self->satisfaction);
  for (guint i = 0; i < self->project_names->len; i++)
    g_ptr_array_add (names, g_ptr_array_index (self->project_names, i));
  g_ptr_array_add (names, NULL);
  evt_outcome_set_project_names (outcome, self->project_names->len > 0
                                            ? (const char * const *) names->pdata : NULL);
  /* The notes are the command line's; the section keeps them as they are. */
  if (self->pristine != NULL)
    evt_outcome_set_notes (outcome, evt_outcome_get_notes (self->pristine));

  return g_steal_pointer (&outcome);
}

static gboolean
same_names (const char * const *a,
            const char * const *b)
{
  guint na = a != NULL ? g_strv_length ((char **) a) : 0;
  guint nb = b != NULL ? g_strv_length ((char **) b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (g_strcmp0 (a[i], b[i]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
same_outcome (EvtOutcome *a,
              EvtOutcome *b)
{
  for (Field f = 0; f < N_FIELDS; f++)
    if (outcome_field (a, f) != outcome_field (b, f))
      return FALSE;
  for (EvtCostCategory c = 0; c < EVT_N_COST_CATEGORIES; c++)
    if (evt_outcome_get_cost (a, c) != evt_outcome_get_cost (b, c))
      return FALSE;
  return evt_outcome_get_projects (a) == evt_outcome_get_projects (b) &&
         evt_outcome_get_satisfaction (a) == evt_outcome_get_satisfaction (b) &&
         same_names (evt_outcome_get_project_names (a), evt_outcome_get_project_names (b));
}

/* --- What shows ------------------------------------------------------------------------------ */

static void
update_stars (EvtOutcomesSection *self)
{
  g_autofree char *text = evt_format_satisfaction (self->satisfaction);

  for (guint i = 0; i < N_STARS; i++)
    {
      double level = self->satisfaction - i;
      const char *icon = level >= 1 ? "starred-symbolic"
                         : level >= 0.5 ? "semi-starred-symbolic" : "non-starred-symbolic";

      gtk_button_set_icon_name (self->stars[i], icon);
      if (level >= 0.5)
        gtk_widget_add_css_class (GTK_WIDGET (self->stars[i]), "lit");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->stars[i]), "lit");
    }
  adw_action_row_set_subtitle (self->satisfaction_row, text);
}

static void
update_total (EvtOutcomesSection *self)
{
  gint64 budget = self->page_budget >= -1 ? self->page_budget : self->stored_budget;
  gint64 total = -1;
  g_autofree char *total_money = NULL;
  g_autofree char *subtitle = NULL;

  for (EvtCostCategory c = 0; c < EVT_N_COST_CATEGORIES; c++)
    {
      gint64 cents;

      if (evt_money_parse (gtk_editable_get_text (GTK_EDITABLE (cost_row (self, c))), &cents) &&
          cents >= 0)
        total = MAX (total, 0) + cents;
    }

  self->over_budget = total >= 0 && budget >= 0 && total > budget;
  g_free (self->total_text);
  if (total < 0)
    {
      self->total_text = g_strdup (_("No costs entered"));
      gtk_label_set_label (self->total_label, "—");
    }
  else
    {
      total_money = evt_money_format (total);
      if (budget >= 0)
        {
          g_autofree char *budget_money = evt_money_format (budget);

          /* Translators: actual costs against the planned budget: "8 500 € of 10 000 €" */
          self->total_text = g_strdup_printf (_("%s of %s"), total_money, budget_money);
        }
      else
        self->total_text = g_strdup (total_money);
      gtk_label_set_label (self->total_label, self->total_text);
    }

  if (budget < 0)
    subtitle = g_strdup (_("No planned budget"));
  else if (total < 0)
    {
      g_autofree char *budget_money = evt_money_format (budget);

      subtitle = g_strdup_printf (_("Planned budget: %s"), budget_money);
    }
  else if (self->over_budget)
    {
      g_autofree char *over = evt_money_format (total - budget);

      /* Translators: %s is an amount of money */
      subtitle = g_strdup_printf (_("%s over budget"), over);
    }
  else
    {
      g_autofree char *left = evt_money_format (budget - total);

      /* Translators: %s is an amount of money */
      subtitle = g_strdup_printf (_("%s left in the budget"), left);
    }
  adw_action_row_set_subtitle (self->total_row, subtitle);

  if (self->over_budget)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->total_row), "over-budget");
      gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->total_row), "over-budget");
      gtk_widget_remove_css_class (GTK_WIDGET (self->total_label), "error");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->budget_bar), total >= 0 && budget > 0);
  if (total >= 0 && budget > 0)
    gtk_level_bar_set_value (self->budget_bar, MIN (1.0, (double) total / (double) budget));
}

static void
on_project_remove_clicked (GtkButton          *button,
                           EvtOutcomesSection *self);

static void
update_projects (EvtOutcomesSection *self)
{
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->project_rows->len; i++)
    adw_expander_row_remove (self->projects_row, g_ptr_array_index (self->project_rows, i));
  g_ptr_array_set_size (self->project_rows, 0);

  /* The names, then the entry that adds one. */
  g_object_ref (self->project_name_row);
  adw_expander_row_remove (self->projects_row, GTK_WIDGET (self->project_name_row));
  for (guint i = 0; i < self->project_names->len; i++)
    {
      const char *name = g_ptr_array_index (self->project_names, i);
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), name);
      GtkWidget *row = evt_plain_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      g_object_set_data (G_OBJECT (remove), "evt-index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_project_remove_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_expander_row_add_row (self->projects_row, row);
      g_ptr_array_add (self->project_rows, row);
    }
  adw_expander_row_add_row (self->projects_row, GTK_WIDGET (self->project_name_row));
  g_object_unref (self->project_name_row);

  if (self->project_names->len > 0)
    subtitle = g_strdup_printf (ngettext ("%u named", "%u named", self->project_names->len),
                                self->project_names->len);
  else
    subtitle = g_strdup (_("Name them to find them in the report"));
  adw_expander_row_set_subtitle (self->projects_row, subtitle);
}

static void
update_lead_records (EvtOutcomesSection *self)
{
  guint n = self->leads->len;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->lead_records_label), n > 0);
  if (n > 0)
    {
      text = g_strdup_printf (ngettext ("%u recorded below", "%u recorded below", n), n);
      gtk_label_set_label (self->lead_records_label, text);
    }
}

/* After every edit: invalid fields, the total, whether something is unsaved. */
static void
update_state (EvtOutcomesSection *self)
{
  g_autoptr(EvtOutcome) edited = NULL;
  g_autoptr(EvtOutcome) nothing = NULL;
  gboolean dirty;

  for (Field f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *row = GTK_WIDGET (field_row (self, f));
      int value;

      if (evt_parse_count (gtk_editable_get_text (GTK_EDITABLE (row)), &value))
        gtk_widget_remove_css_class (row, "error");
      else
        gtk_widget_add_css_class (row, "error");
    }
  for (EvtCostCategory c = 0; c < EVT_N_COST_CATEGORIES; c++)
    {
      GtkWidget *row = GTK_WIDGET (cost_row (self, c));
      gint64 cents;

      if (evt_money_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &cents))
        gtk_widget_remove_css_class (row, "error");
      else
        gtk_widget_add_css_class (row, "error");
    }
  {
    int projects;

    if (evt_parse_count (gtk_editable_get_text (GTK_EDITABLE (self->projects_entry)), &projects))
      gtk_widget_remove_css_class (GTK_WIDGET (self->projects_entry), "error");
    else
      gtk_widget_add_css_class (GTK_WIDGET (self->projects_entry), "error");
  }

  update_total (self);

  /* Before the store answers, the fields are empty: so is what they compare with. */
  edited = build_outcome (self, NULL);
  if (self->pristine == NULL)
    nothing = evt_outcome_new (self->event_id);
  dirty = self->event_id > 0 &&
          (edited == NULL ||
           !same_outcome (edited, self->pristine != NULL ? self->pristine : nothing));
  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

static void
on_field_changed (EvtOutcomesSection *self)
{
  if (!self->updating)
    update_state (self);
}

/* Enter in a figure saves, as it does in the event page's own rows: the page's
 * action, found from here when the page hosts the section. */
static void
on_entry_activated (EvtOutcomesSection *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "event-page.save", NULL);
}

static void
show_outcome (EvtOutcomesSection *self,
              EvtOutcome         *outcome)
{
  const char * const *names = evt_outcome_get_project_names (outcome);

  self->updating = TRUE;
  for (Field f = 0; f < N_FIELDS; f++)
    set_count_text (GTK_EDITABLE (field_row (self, f)), outcome_field (outcome, f));
  set_count_text (GTK_EDITABLE (self->projects_entry), evt_outcome_get_projects (outcome));
  for (EvtCostCategory c = 0; c < EVT_N_COST_CATEGORIES; c++)
    set_money_text (GTK_EDITABLE (cost_row (self, c)), evt_outcome_get_cost (outcome, c));
  self->updating = FALSE;

  self->satisfaction = evt_outcome_get_satisfaction (outcome);
  g_ptr_array_set_size (self->project_names, 0);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    g_ptr_array_add (self->project_names, g_strdup (names[i]));

  update_stars (self);
  update_projects (self);
  update_state (self);
}

/* --- Satisfaction and project names -------------------------------------------------------- */

static void
on_star_clicked (GtkButton          *button,
                 EvtOutcomesSection *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "evt-index"));

  /* The star of the rating given takes it back. */
  if (self->satisfaction == index + 1)
    self->satisfaction = 0;
  else
    self->satisfaction = index + 1;
  update_stars (self);
  update_state (self);
}

static void
on_project_remove_clicked (GtkButton          *button,
                           EvtOutcomesSection *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "evt-index"));

  if (index >= self->project_names->len)
    return;
  g_ptr_array_remove_index (self->project_names, index);
  update_projects (self);
  update_state (self);
}

static void
on_project_name_apply (EvtOutcomesSection *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (
                                                  GTK_EDITABLE (self->project_name_row))));

  if (name[0] == '\0')
    return;
  for (guint i = 0; i < self->project_names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->project_names, i), name) == 0)
      return;
  g_ptr_array_add (self->project_names, g_steal_pointer (&name));
  gtk_editable_set_text (GTK_EDITABLE (self->project_name_row), "");
  update_projects (self);
  update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->project_name_row));
}

/* --- Leads ------------------------------------------------------------------------------------ */

static void
emit_toast (EvtOutcomesSection *self,
            AdwToast           *toast)
{
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, toast);
  g_object_unref (g_object_ref_sink (toast));
}

static void
pending_done (EvtOutcomesSection *self)
{
  g_return_if_fail (self->n_pending > 0);
  self->n_pending--;
}

static void
on_lead_saved (EvtLeadDialog      *dialog,
               EvtLead            *lead,
               EvtOutcomesSection *self)
{
  queue_reload (self);
}

static gboolean
save_lead_again (EvtStore  *store,
                 gpointer   data,
                 GError   **error)
{
  return evt_people_save_lead (store, data, error);
}

static void
on_lead_restored (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(EvtOutcomesSection) self = user_data;
  g_autoptr(GError) error = NULL;

  pending_done (self);
  if (!evt_people_run_finish (EVT_STORE (source), result, &error))
    emit_toast (self, adw_toast_new (error->message));
  queue_reload (self);
}

static void
on_undo_lead_delete (AdwToast           *toast,
                     EvtOutcomesSection *self)
{
  EvtLead *lead = g_object_get_data (G_OBJECT (toast), "evt-lead");

  g_signal_handlers_disconnect_by_func (toast, on_undo_lead_delete, self);
  if (self->store == NULL)
    return;
  self->n_pending++;
  evt_people_run_async (self->store, save_lead_again, g_object_ref (lead), g_object_unref,
                        NULL, on_lead_restored, g_object_ref (self));
}

static void
on_lead_deleted (EvtLeadDialog      *dialog,
                 EvtLead            *again,
                 EvtOutcomesSection *self)
{
  const char *subject = evt_lead_get_subject (again);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (subject != NULL)
    /* Translators: a toast; %s is the subject of a lead */
    title = g_strdup_printf (_("Lead “%s” deleted"), subject);
  else
    title = g_strdup (_("Lead deleted"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "evt-lead", g_object_ref (again), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_lead_delete), self, 0);
  emit_toast (self, toast);
  queue_reload (self);
}

static EvtLeadDialog *
open_lead_dialog (EvtOutcomesSection *self,
                  EvtLead            *lead)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  EvtLeadDialog *dialog;

  if (self->store == NULL || self->event_id <= 0)
    return NULL;
  dialog = evt_lead_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                self->event_id, lead);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_lead_saved), self, 0);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (on_lead_deleted), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
add_lead_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_lead_dialog (EVT_OUTCOMES_SECTION (widget), NULL);
}

static void
on_lead_row_activated (AdwActionRow       *row,
                       EvtOutcomesSection *self)
{
  guint index;

  if (g_ptr_array_find (self->lead_rows, row, &index))
    open_lead_dialog (self, g_ptr_array_index (self->leads, index));
}

static GtkWidget *
lead_row_new (EvtOutcomesSection *self,
              EvtLead            *lead,
              const GDate        *today)
{
  const char *subject = evt_lead_get_subject (lead);
  const char *org = evt_lead_get_organisation_name (lead);
  const char *contact = evt_lead_get_contact (lead);
  const char *next_step = evt_lead_get_next_step (lead);
  EvtLeadState state = evt_lead_get_state (lead);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *day = evt_format_short_day (evt_lead_get_follow_up (lead));
  GtkWidget *row = evt_plain_row_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *badge = gtk_label_new (evt_lead_state_get_label (state));
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  title = g_strdup (subject != NULL ? subject : org != NULL ? org : contact);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  if (org != NULL && subject != NULL)
    g_string_append (subtitle, org);
  if (contact != NULL && (subject != NULL || org != NULL))
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " — ");
      g_string_append (subtitle, contact);
    }
  if (next_step != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, "\n");
      /* Translators: the next step of a lead */
      g_string_append_printf (subtitle, _("Next: %s"), next_step);
    }
  if (subtitle->len > 0)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
    }

  /* The state, and the follow-up day under it: narrow enough for a phone. */
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (badge, GTK_ALIGN_END);
  gtk_widget_add_css_class (badge, "lead-state");
  evt_people_set_state_class (badge, "lead-", evt_lead_state_to_string (state));
  gtk_box_append (GTK_BOX (suffix), badge);
  if (day != NULL)
    {
      GtkWidget *date = gtk_label_new (day);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *icon = gtk_image_new_from_icon_name (evt_lead_is_due (lead, today)
                                                      ? "task-past-due-symbolic"
                                                      : "task-due-symbolic");

      gtk_widget_set_halign (box, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), date);
      gtk_widget_add_css_class (box, "lead-follow-up");
      if (evt_lead_is_due (lead, today))
        {
          gtk_widget_add_css_class (box, "due");
          gtk_widget_set_tooltip_text (box, _("Follow-up due"));
        }
      else
        gtk_widget_set_tooltip_text (box, _("Follow-up date"));
      gtk_box_append (GTK_BOX (suffix), box);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (on_lead_row_activated), self);
  return row;
}

static void
show_leads (EvtOutcomesSection *self,
            GPtrArray          *leads)
{
  g_autoptr(GDate) today = evt_people_today ();

  for (guint i = 0; i < self->lead_rows->len; i++)
    adw_preferences_group_remove (self->leads_group, g_ptr_array_index (self->lead_rows, i));
  g_ptr_array_set_size (self->lead_rows, 0);

  g_ptr_array_unref (self->leads);
  self->leads = g_ptr_array_ref (leads);
  for (guint i = 0; i < leads->len; i++)
    {
      GtkWidget *row = lead_row_new (self, g_ptr_array_index (leads, i), today);

      g_ptr_array_add (self->lead_rows, row);
      adw_preferences_group_add (self->leads_group, row);
    }
  gtk_widget_set_visible (self->no_leads_row, leads->len == 0);
  update_lead_records (self);
}

/* --- Loading --------------------------------------------------------------------------------- */

typedef struct
{
  gint64      event_id;
  gint64      budget;
  EvtOutcome *outcome;
  GPtrArray  *leads;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->outcome);
  g_clear_pointer (&load->leads, g_ptr_array_unref);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  EvtStore *store = source_object;
  Load *load = task_data;
  g_autoptr(EvtEvent) event = NULL;
  GError *error = NULL;

  event = evt_store_get_event (store, load->event_id, &error);
  if (event != NULL)
    {
      load->budget = evt_event_get_budget_cents (event);
      load->outcome = evt_people_get_outcome (store, load->event_id, &error);
    }
  if (load->outcome != NULL)
    load->leads = evt_people_list_leads (store, load->event_id, &error);
  if (load->leads == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(EvtOutcomesSection) self = user_data;
  g_autoptr(GError) error = NULL;
  Load *load = g_task_get_task_data (G_TASK (result));

  pending_done (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->load_cancellable);
      if (!g_error_matches (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND) &&
          !g_error_matches (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *text = g_strdup_printf (_("Cannot read the outcomes: %s"),
                                                   error->message);

          emit_toast (self, adw_toast_new (text));
        }
      return;
    }
  g_clear_object (&self->load_cancellable);
  if (load->event_id != self->event_id)
    return;

  self->stored_budget = load->budget;
  show_leads (self, load->leads);
  /* What someone is typing stays; a save or a revert shows the store again. */
  if (!self->dirty || self->pristine == NULL)
    {
      g_set_object (&self->pristine, load->outcome);
      show_outcome (self, load->outcome);
    }
  else
    update_state (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  EvtOutcomesSection *self = user_data;
  g_autoptr(GTask) task = NULL;
  Load *load;

  self->reload_id = 0;
  pending_done (self);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->store == NULL || self->event_id <= 0)
    return G_SOURCE_REMOVE;

  self->load_cancellable = g_cancellable_new ();
  load = g_new0 (Load, 1);
  load->event_id = self->event_id;
  load->budget = -1;
  task = g_task_new (self->store, self->load_cancellable, on_loaded, g_object_ref (self));
  g_task_set_source_tag (task, reload_cb);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_set_return_on_cancel (task, FALSE);
  self->n_pending++;
  g_task_run_in_thread (task, load_thread);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (EvtOutcomesSection *self)
{
  if (self->reload_id != 0 || self->disposed)
    return;
  self->n_pending++;
  /* The idle holds the widget: a reload queued while it goes runs on a live object. */
  self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_cb, g_object_ref (self),
                                     g_object_unref);
}

static void
on_store_changed (EvtStore           *store,
                  EvtOutcomesSection *self)
{
  queue_reload (self);
}

/* --- Saving ---------------------------------------------------------------------------------- */

static gboolean
save_outcome (EvtStore  *store,
              gpointer   data,
              GError   **error)
{
  return evt_people_save_outcome (store, data, error);
}

static void
on_outcome_saved (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EvtOutcomesSection *self = g_task_get_source_object (task);
  EvtOutcome *saved = g_task_get_task_data (task);
  GError *error = NULL;

  self->saving = FALSE;
  pending_done (self);
  if (!evt_people_run_finish (EVT_STORE (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_set_object (&self->pristine, saved);
  update_state (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * evt_outcomes_section_save_async:
 * @self: a section
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the figures and costs are saved, or were refused
 * @user_data: data for @callback
 *
 * Saves the figures and costs if they changed (the leads are saved by their
 * dialog). A figure that is not a number is refused with %EVT_PEOPLE_ERROR_INVALID
 * and a message that names it.
 */
void
evt_outcomes_section_save_async (EvtOutcomesSection  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(EvtOutcome) outcome = NULL;
  GError *error = NULL;

  g_return_if_fail (EVT_IS_OUTCOMES_SECTION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, evt_outcomes_section_save_async);

  if (!self->dirty || self->store == NULL || self->event_id <= 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (self->saving)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The outcomes are being saved"));
      return;
    }
  outcome = build_outcome (self, &error);
  if (outcome == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  self->saving = TRUE;
  self->n_pending++;
  g_task_set_task_data (task, g_object_ref (outcome), g_object_unref);
  evt_people_run_async (self->store, save_outcome, g_object_ref (outcome), g_object_unref,
                        NULL, on_outcome_saved, g_steal_pointer (&task));
}

/**
 * evt_outcomes_section_save_finish:
 * @self: a section
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the store has the figures and costs shown
 */
gboolean
evt_outcomes_section_save_finish (EvtOutcomesSection  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        evt_outcomes_section_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * evt_outcomes_section_revert:
 * @self: a section
 *
 * Shows the figures and costs as the store has them, dropping the edits.
 */
void
evt_outcomes_section_revert (EvtOutcomesSection *self)
{
  g_return_if_fail (EVT_IS_OUTCOMES_SECTION (self));

  if (self->pristine != NULL)
    show_outcome (self, self->pristine);
}

/* --- GObject --------------------------------------------------------------------------------- */

static void
disconnect_store (EvtOutcomesSection *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
}

static void
evt_outcomes_section_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EvtOutcomesSection *self = EVT_OUTCOMES_SECTION (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_outcomes_section_dispose (GObject *object)
{
  EvtOutcomesSection *self = EVT_OUTCOMES_SECTION (object);

  self->disposed = TRUE;
  disconnect_store (self);
  if (self->reload_id != 0)
    {
      g_source_remove (self->reload_id);
      self->reload_id = 0;
      pending_done (self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_OUTCOMES_SECTION);

  G_OBJECT_CLASS (evt_outcomes_section_parent_class)->dispose (object);
}

static void
evt_outcomes_section_finalize (GObject *object)
{
  EvtOutcomesSection *self = EVT_OUTCOMES_SECTION (object);

  g_clear_object (&self->pristine);
  g_clear_pointer (&self->leads, g_ptr_array_unref);
  g_clear_pointer (&self->lead_rows, g_ptr_array_unref);
  g_clear_pointer (&self->project_names, g_ptr_array_unref);
  g_clear_pointer (&self->project_rows, g_ptr_array_unref);
  g_free (self->total_text);

  G_OBJECT_CLASS (evt_outcomes_section_parent_class)->finalize (object);
}

static void
evt_outcomes_section_class_init (EvtOutcomesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = evt_outcomes_section_get_property;
  object_class->dispose = evt_outcomes_section_dispose;
  object_class->finalize = evt_outcomes_section_finalize;

  /**
   * EvtOutcomesSection:dirty:
   *
   * Whether the figures or costs shown differ from the store's.
   */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvtOutcomesSection::toast:
   * @self: the section
   * @toast: an #AdwToast: a deleted lead with its Undo button, or an error
   *
   * Asks the page to show @toast.
   */
  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/eventail/Eventail/evt-outcomes-section.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, figures_group);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, contacts_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, leads_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, lead_records_label);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, meetings_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, projects_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, projects_entry);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, project_name_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, press_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, satisfaction_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, stars_box);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, costs_group);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, cost_stand_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, cost_travel_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection,
                                        cost_accommodation_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection,
                                        cost_communication_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, cost_other_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, total_row);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, total_label);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, budget_bar);
  gtk_widget_class_bind_template_child (widget_class, EvtOutcomesSection, leads_group);
  gtk_widget_class_bind_template_callback (widget_class, on_project_name_apply);

  gtk_widget_class_install_action (widget_class, "outcomes.add-lead", NULL, add_lead_action);
}

static void
evt_outcomes_section_init (EvtOutcomesSection *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);

  self->leads = g_ptr_array_new_with_free_func (g_object_unref);
  self->lead_rows = g_ptr_array_new ();
  self->project_names = g_ptr_array_new_with_free_func (g_free);
  self->project_rows = g_ptr_array_new ();
  self->stored_budget = -1;
  self->page_budget = -2;

  for (Field f = 0; f < N_FIELDS; f++)
    {
      g_signal_connect_swapped (field_row (self, f), "changed", G_CALLBACK (on_field_changed),
                                self);
      g_signal_connect_swapped (field_row (self, f), "entry-activated",
                                G_CALLBACK (on_entry_activated), self);
    }
  g_signal_connect_swapped (self->projects_entry, "changed", G_CALLBACK (on_field_changed),
                            self);
  for (EvtCostCategory c = 0; c < EVT_N_COST_CATEGORIES; c++)
    {
      AdwEntryRow *row = cost_row (self, c);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evt_cost_category_get_label (c));
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_field_changed), self);
      g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (on_entry_activated), self);
    }

  for (guint i = 0; i < N_STARS; i++)
    {
      GtkWidget *star = gtk_button_new_from_icon_name ("non-starred-symbolic");
      g_autofree char *star_label = g_strdup_printf (ngettext ("%u star", "%u stars", i + 1),
                                                     i + 1);

      gtk_widget_add_css_class (star, "flat");
      gtk_widget_add_css_class (star, "circular");
      gtk_widget_add_css_class (star, "satisfaction-star");
      gtk_widget_set_tooltip_text (star, star_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (star), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      star_label, -1);
      g_object_set_data (G_OBJECT (star), "evt-index", GUINT_TO_POINTER (i));
      g_signal_connect (star, "clicked", G_CALLBACK (on_star_clicked), self);
      gtk_box_append (self->stars_box, star);
      self->stars[i] = GTK_BUTTON (star);
    }

  self->no_leads_row = evt_placeholder_row_new (_("No lead recorded: add the companies to "
                                                  "follow up"));
  adw_preferences_group_add (self->leads_group, self->no_leads_row);

  /* One colour for the spending; the error colour once over the budget (style.css). */
  gtk_level_bar_remove_offset_value (self->budget_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->budget_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->budget_bar, GTK_LEVEL_BAR_OFFSET_FULL);

  evt_people_name_rows (GTK_WIDGET (self));
  evt_people_name (self->projects_entry, _("Collaborative projects started"));

  update_stars (self);
  update_projects (self);
  update_state (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outcomes.add-lead", FALSE);
}

/**
 * evt_outcomes_section_new:
 *
 * Returns: (transfer floating): a new section, showing no event until
 *   evt_outcomes_section_set_event()
 */
GtkWidget *
evt_outcomes_section_new (void)
{
  return g_object_new (EVT_TYPE_OUTCOMES_SECTION, NULL);
}

/**
 * evt_outcomes_section_set_event:
 * @self: a section
 * @store: (nullable): the store the event is in
 * @event_id: a saved event, or 0 for none
 *
 * Shows the outcomes of an event, dropping unsaved edits of another one, and
 * follows the store's changes.
 */
void
evt_outcomes_section_set_event (EvtOutcomesSection *self,
                                EvtStore           *store,
                                gint64              event_id)
{
  g_return_if_fail (EVT_IS_OUTCOMES_SECTION (self));
  g_return_if_fail (store == NULL || EVT_IS_STORE (store));

  if (self->disposed)
    return;
  if (store != self->store)
    {
      disconnect_store (self);
      if (store != NULL)
        {
          self->store = g_object_ref (store);
          self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed),
                                               self);
        }
    }
  if (event_id != self->event_id)
    {
      g_autoptr(EvtOutcome) empty = evt_outcome_new (event_id);
      g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);

      self->event_id = event_id;
      self->stored_budget = -1;
      self->page_budget = -2;
      g_clear_object (&self->pristine);
      show_outcome (self, empty);
      show_leads (self, none);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outcomes.add-lead",
                                 store != NULL && event_id > 0);
  queue_reload (self);
}

/**
 * evt_outcomes_section_get_event_id:
 * @self: a section
 *
 * Returns: the event shown, 0 for none
 */
gint64
evt_outcomes_section_get_event_id (EvtOutcomesSection *self)
{
  g_return_val_if_fail (EVT_IS_OUTCOMES_SECTION (self), 0);
  return self->event_id;
}

/**
 * evt_outcomes_section_set_budget:
 * @self: a section
 * @budget_cents: the planned budget as the page shows it, -1 for none
 *
 * Lets the costs compare with the budget being edited rather than the stored one.
 */
void
evt_outcomes_section_set_budget (EvtOutcomesSection *self,
                                 gint64              budget_cents)
{
  g_return_if_fail (EVT_IS_OUTCOMES_SECTION (self));

  self->page_budget = MAX (budget_cents, -1);
  update_total (self);
}

/**
 * evt_outcomes_section_get_dirty:
 * @self: a section
 *
 * Returns: whether the figures or costs shown differ from the store's
 */
gboolean
evt_outcomes_section_get_dirty (EvtOutcomesSection *self)
{
  g_return_val_if_fail (EVT_IS_OUTCOMES_SECTION (self), FALSE);
  return self->dirty;
}

/* --- For the display test -------------------------------------------------------------------- */

gboolean
evt_outcomes_section_is_busy (EvtOutcomesSection *self)
{
  return self->n_pending > 0;
}

GtkEditable *
evt_outcomes_section_get_field (EvtOutcomesSection *self,
                                const char         *name)
{
  EvtCostCategory category;

  for (Field f = 0; f < N_FIELDS; f++)
    if (g_str_equal (name, field_names[f]))
      return GTK_EDITABLE (field_row (self, f));
  if (evt_cost_category_from_string (name, &category))
    return GTK_EDITABLE (cost_row (self, category));
  g_return_val_if_reached (NULL);
}

GtkEditable *
evt_outcomes_section_get_projects_entry (EvtOutcomesSection *self)
{
  return GTK_EDITABLE (self->projects_entry);
}

GtkButton *
evt_outcomes_section_get_star (EvtOutcomesSection *self,
                               guint               index)
{
  g_return_val_if_fail (index < N_STARS, NULL);
  return self->stars[index];
}

const char *
evt_outcomes_section_get_total_text (EvtOutcomesSection *self)
{
  return self->total_text;
}

gboolean
evt_outcomes_section_is_over_budget (EvtOutcomesSection *self)
{
  return self->over_budget;
}

guint
evt_outcomes_section_get_n_leads (EvtOutcomesSection *self)
{
  return self->leads->len;
}

AdwActionRow *
evt_outcomes_section_get_lead_row (EvtOutcomesSection *self,
                                   guint               index)
{
  g_return_val_if_fail (index < self->lead_rows->len, NULL);
  return g_ptr_array_index (self->lead_rows, index);
}

/* Opens the dialog of the @index-th lead, or of a new one for -1. */
EvtLeadDialog *
evt_outcomes_section_open_lead (EvtOutcomesSection *self,
                                int                 index)
{
  return open_lead_dialog (self, index >= 0 ? g_ptr_array_index (self->leads, index) : NULL);
}
