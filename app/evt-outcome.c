/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-outcome.c: what came out of an event, and what it cost. */
#include "config.h"

#include "evt-enum-types.h"
#include "evt-people-private.h"

struct _EvtOutcome
{
  GObject   parent_instance;

  gint64    event_id;
  int       contacts;
  int       leads;
  int       meetings;
  int       projects;
  int       press;
  double    satisfaction;
  char     *notes;
  guint     n_lead_records;
  char    **project_names;   /* NULL when none */
  gint64    costs[EVT_N_COST_CATEGORIES];
};

G_DEFINE_FINAL_TYPE (EvtOutcome, evt_outcome, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EVENT_ID,
  PROP_CONTACTS,
  PROP_LEADS,
  PROP_MEETINGS,
  PROP_PROJECTS,
  PROP_PRESS,
  PROP_SATISFACTION,
  PROP_NOTES,
  PROP_N_LEAD_RECORDS,
  PROP_PROJECT_NAMES,
  PROP_TOTAL_COST_CENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
evt_outcome_finalize (GObject *object)
{
  EvtOutcome *self = (EvtOutcome *) object;

  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->project_names, g_strfreev);

  G_OBJECT_CLASS (evt_outcome_parent_class)->finalize (object);
}

static void
evt_outcome_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  EvtOutcome *self = EVT_OUTCOME (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;
    case PROP_CONTACTS:
      g_value_set_int (value, self->contacts);
      break;
    case PROP_LEADS:
      g_value_set_int (value, self->leads);
      break;
    case PROP_MEETINGS:
      g_value_set_int (value, self->meetings);
      break;
    case PROP_PROJECTS:
      g_value_set_int (value, self->projects);
      break;
    case PROP_PRESS:
      g_value_set_int (value, self->press);
      break;
    case PROP_SATISFACTION:
      g_value_set_double (value, self->satisfaction);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_N_LEAD_RECORDS:
      g_value_set_uint (value, self->n_lead_records);
      break;
    case PROP_PROJECT_NAMES:
      g_value_set_boxed (value, self->project_names);
      break;
    case PROP_TOTAL_COST_CENTS:
      g_value_set_int64 (value, evt_outcome_get_total_cost (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_outcome_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  EvtOutcome *self = EVT_OUTCOME (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      evt_outcome_set_event_id (self, g_value_get_int64 (value));
      break;
    case PROP_CONTACTS:
      evt_outcome_set_contacts (self, g_value_get_int (value));
      break;
    case PROP_LEADS:
      evt_outcome_set_leads (self, g_value_get_int (value));
      break;
    case PROP_MEETINGS:
      evt_outcome_set_meetings (self, g_value_get_int (value));
      break;
    case PROP_PROJECTS:
      evt_outcome_set_projects (self, g_value_get_int (value));
      break;
    case PROP_PRESS:
      evt_outcome_set_press (self, g_value_get_int (value));
      break;
    case PROP_SATISFACTION:
      evt_outcome_set_satisfaction (self, g_value_get_double (value));
      break;
    case PROP_NOTES:
      evt_outcome_set_notes (self, g_value_get_string (value));
      break;
    case PROP_PROJECT_NAMES:
      evt_outcome_set_project_names (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_outcome_class_init (EvtOutcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = evt_outcome_finalize;
  object_class->get_property = evt_outcome_get_property;
  object_class->set_property = evt_outcome_set_property;

  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CONTACTS] =
    g_param_spec_int ("contacts", NULL, NULL, -1, G_MAXINT, -1, rw);
  properties[PROP_LEADS] =
    g_param_spec_int ("leads", NULL, NULL, -1, G_MAXINT, -1, rw);
  properties[PROP_MEETINGS] =
    g_param_spec_int ("meetings", NULL, NULL, -1, G_MAXINT, -1, rw);
  properties[PROP_PROJECTS] =
    g_param_spec_int ("projects", NULL, NULL, -1, G_MAXINT, -1, rw);
  properties[PROP_PRESS] =
    g_param_spec_int ("press", NULL, NULL, -1, G_MAXINT, -1, rw);
  properties[PROP_SATISFACTION] =
    g_param_spec_double ("satisfaction", NULL, NULL, 0.0, 5.0, 0, rw);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_N_LEAD_RECORDS] =
    g_param_spec_uint ("n-lead-records", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PROJECT_NAMES] =
    g_param_spec_boxed ("project-names", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_TOTAL_COST_CENTS] =
    g_param_spec_int64 ("total-cost-cents", NULL, NULL, -1, G_MAXINT64, -1, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evt_outcome_init (EvtOutcome *self)
{
  self->contacts = -1;
  self->leads = -1;
  self->meetings = -1;
  self->projects = -1;
  self->press = -1;
  for (guint i = 0; i < EVT_N_COST_CATEGORIES; i++)
    self->costs[i] = -1;
}

/**
 * evt_outcome_new:
 * @event_id: the event
 *
 * Returns: (transfer full): an outcome with nothing counted yet
 */
EvtOutcome *
evt_outcome_new (gint64 event_id)
{
  return g_object_new (EVT_TYPE_OUTCOME, "event-id", event_id, NULL);
}

/**
 * evt_outcome_get_event_id:
 * @self: an outcome
 *
 * Returns: the event
 */
gint64
evt_outcome_get_event_id (EvtOutcome *self)
{
  g_return_val_if_fail (EVT_IS_OUTCOME (self), 0);
  return self->event_id;
}

/**
 * evt_outcome_set_event_id:
 * @self: an outcome
 * @event_id: the event
 *
 * Sets "event-id".
 */
void
evt_outcome_set_event_id (EvtOutcome *self,
                          gint64      event_id)
{
  g_return_if_fail (EVT_IS_OUTCOME (self));

  if (self->event_id == event_id)
    return;
  self->event_id = event_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_ID]);
}

/**
 * evt_outcome_get_contacts:
 * @self: an outcome
 *
 * Returns: the contacts made at the stand, -1 if not counted
 */
int
evt_outcome_get_contacts (EvtOutcome *self)
{
  g_return_val_if_fail (EVT_IS_OUTCOME (self), 0);
  return self->contacts;
}

/**
 * evt_outcome_set_contacts:
 * @self: an outcome
 * @contacts: the contacts made at the stand, -1 if not counted
 *
 * Sets "contacts".
 */
void
evt_outcome_set_contacts (EvtOutcome *self,
                          int         contacts)
{
  g_return_if_fail (EVT_IS_OUTCOME (self));

  contacts = MAX (contacts, -1);
  if (self->contacts == contacts)
    return;
  self->contacts = contacts;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACTS]);
}

/**
 * evt_outcome_get_leads:
 * @self: an outcome
 *
 * Returns: the number of leads declared, -1 if not counted
 */
int
evt_outcome_get_leads (EvtOutcome *self)
{
  g_return_val_if_fail (EVT_IS_OUTCOME (self), 0);
  return self->leads;
}

/**
 * evt_outcome_set_leads:
 * @self: an outcome
 * @leads: the number of leads declared, -1 if not counted
 *
 * Sets "leads".
 */
void
evt_outcome_set_leads (EvtOutcome *self,
                       int         leads)
{
  g_return_if_fail (EVT_IS_OUTCOME (self));

  leads = MAX (leads, -1);
  if (self->leads == leads)
    return;
  self->leads = leads;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEADS]);
}

/**
 * evt_outcome_get_meetings:
 * @self: an outcome
 *
 * Returns: the meetings held, -1 if not counted
 */
int
evt_outcome_get_meetings (EvtOutcome *self)
{
  g_return_val_if_fail (EVT_IS_OUTCOME (self), 0);
  return self->meetings;
}

/**
 * evt_outcome_set_meetings:
 * @self: an outcome
 * @meetings: the meetings held, -1 if not counted
 *
 * Sets "meetings".
 */
void
evt_outcome_set_meetings (EvtOutcome *self,
                          int         meetings)
{
  g_return_if_fail (EVT_IS_OUTCOME (self));

  meetings = MAX (meetings, -1);
  if (self->meetings == meetings)
    return;
  self->meetings = meetings;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETINGS]);
}

/**
 * evt_outcome_get_projects:
 * @self: an outcome
 *
 * Returns: the number of collaborative projects started, -1 if not counted
 */
int
evt_outcome_get_projects (EvtOutcome *self)
{
  g_return_val_if_fail (EVT_IS_OUTCOME (self), 0);
  return self->projects;
}

/**
 * evt_outcome_set_projects:
 * @self: an outcome
 * @projects: the number of collaborative projects started, -1 if not counted
 *
 * Sets "projects".
 */
void
evt_outcome_set_projects (EvtOutcome *self,
                          int         projects)
{
  g_return_if_fail (EVT_IS_OUTCOME (self));

  projects = MAX (projects, -1);
  if (self->projects == projects)
    return;
  self->projects = projects;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECTS]);
}

/**
 * evt_outcome_get_press:
 * @self: an outcome
 *
 * Returns: the press articles and mentions, -1 if not counted
 */
int
evt_outcome_get_press (EvtOutcome *self)
{
  g_return_val_if_fail (EVT_IS_OUTCOME (self), 0);
  return self->press;
}

/**
 * evt_outcome_set_press:
 * @self: an outcome
 * @press: the press articles and mentions, -1 if not counted
 *
 * Sets "press".
 */
void
evt_outcome_set_press (EvtOutcome *self,
                       int         press)
{
  g_return_if_fail (EVT_IS_OUTCOME (self));

  press = MAX (press, -1);
  if (self->press == press)
    return;
  self->press = press;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESS]);
}

/**
 * evt_outcome_get_satisfaction:
 * @self: an outcome
 *
 * Returns: the satisfaction from 1 to 5, 0 if not rated
 */
double
evt_outcome_get_satisfaction (EvtOutcome *self)
{
  g_return_val_if_fail (EVT_IS_OUTCOME (self), 0);
  return self->satisfaction;
}

/**
 * evt_outcome_set_satisfaction:
 * @self: an outcome
 * @satisfaction: the satisfaction from 1 to 5, 0 if not rated
 *
 * Sets "satisfaction".
 */
void
evt_outcome_set_satisfaction (EvtOutcome *self,
                              double      satisfaction)
{
  g_return_if_fail (EVT_IS_OUTCOME (self));

  if (self->satisfaction == satisfaction)
    return;
  self->satisfaction = satisfaction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFACTION]);
}

/**
 * evt_outcome_get_notes:
 * @self: an outcome
 *
 * Returns: (nullable): free notes
 */
const char *
evt_outcome_get_notes (EvtOutcome *self)
{
  g_return_val_if_fail (EVT_IS_OUTCOME (self), NULL);
  return self->notes;
}

/**
 * evt_outcome_set_notes:
 * @self: an outcome
 * @notes: (nullable): free notes
 *
 * Sets "notes".
 */
void
evt_outcome_set_notes (EvtOutcome *self,
                       const char *notes)
{
  g_return_if_fail (EVT_IS_OUTCOME (self));

  evt_people_set_string (G_OBJECT (self), &self->notes, notes, properties[PROP_NOTES]);
}

/**
 * evt_outcome_get_n_lead_records:
 * @self: an outcome
 *
 * Returns: the number of leads recorded in detail, as read from the store
 */
guint
evt_outcome_get_n_lead_records (EvtOutcome *self)
{
  g_return_val_if_fail (EVT_IS_OUTCOME (self), 0);
  return self->n_lead_records;
}

void
evt_outcome_set_n_lead_records (EvtOutcome *self,
                                guint       n_lead_records)
{
  g_return_if_fail (EVT_IS_OUTCOME (self));

  if (self->n_lead_records == n_lead_records)
    return;
  self->n_lead_records = n_lead_records;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LEAD_RECORDS]);
}


/**
 * evt_outcome_get_project_names:
 * @self: an outcome
 *
 * Returns: (nullable) (transfer none): the names of the projects started
 */
const char * const *
evt_outcome_get_project_names (EvtOutcome *self)
{
  g_return_val_if_fail (EVT_IS_OUTCOME (self), NULL);
  return (const char * const *) self->project_names;
}

/**
 * evt_outcome_set_project_names:
 * @self: an outcome
 * @names: (nullable): the names of the projects started; blank ones are dropped
 *
 * Sets "project-names".
 */
void
evt_outcome_set_project_names (EvtOutcome         *self,
                               const char * const *names)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  g_return_if_fail (EVT_IS_OUTCOME (self));

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[i]));

      if (name[0] != '\0')
        g_strv_builder_add (builder, name);
    }
  kept = g_strv_builder_end (builder);
  if (kept[0] == NULL)
    g_clear_pointer (&kept, g_strfreev);

  if (kept == NULL && self->project_names == NULL)
    return;
  if (kept != NULL && self->project_names != NULL &&
      g_strv_equal ((const char * const *) kept, (const char * const *) self->project_names))
    return;

  g_strfreev (self->project_names);
  self->project_names = g_steal_pointer (&kept);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_NAMES]);
}

/**
 * evt_outcome_get_cost:
 * @self: an outcome
 * @category: a cost category
 *
 * Returns: the actual cost in euro cents, -1 if not entered
 */
gint64
evt_outcome_get_cost (EvtOutcome      *self,
                      EvtCostCategory  category)
{
  g_return_val_if_fail (EVT_IS_OUTCOME (self), -1);
  g_return_val_if_fail ((guint) category < EVT_N_COST_CATEGORIES, -1);

  return self->costs[category];
}

/**
 * evt_outcome_set_cost:
 * @self: an outcome
 * @category: a cost category
 * @cents: the actual cost in euro cents, -1 to clear it
 *
 * Sets one cost; "total-cost-cents" follows.
 */
void
evt_outcome_set_cost (EvtOutcome      *self,
                      EvtCostCategory  category,
                      gint64           cents)
{
  g_return_if_fail (EVT_IS_OUTCOME (self));
  g_return_if_fail ((guint) category < EVT_N_COST_CATEGORIES);

  cents = MAX (cents, -1);
  if (self->costs[category] == cents)
    return;
  self->costs[category] = cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_COST_CENTS]);
}

/**
 * evt_outcome_get_total_cost:
 * @self: an outcome
 *
 * Returns: the sum of the costs entered, in euro cents; -1 if none is
 */
gint64
evt_outcome_get_total_cost (EvtOutcome *self)
{
  gint64 total = -1;

  g_return_val_if_fail (EVT_IS_OUTCOME (self), -1);

  for (guint i = 0; i < EVT_N_COST_CATEGORIES; i++)
    if (self->costs[i] >= 0)
      total = MAX (total, 0) + self->costs[i];

  return total;
}

/**
 * evt_outcome_get_n_leads:
 * @self: an outcome
 *
 * Returns: the larger of the leads declared and the leads recorded in detail;
 *   -1 if neither
 */
int
evt_outcome_get_n_leads (EvtOutcome *self)
{
  g_return_val_if_fail (EVT_IS_OUTCOME (self), -1);

  if (self->leads < 0 && self->n_lead_records == 0)
    return -1;
  return MAX (self->leads, (int) self->n_lead_records);
}

/**
 * evt_outcome_get_n_projects:
 * @self: an outcome
 *
 * Returns: the larger of the projects declared and the projects named; -1 if
 *   neither
 */
int
evt_outcome_get_n_projects (EvtOutcome *self)
{
  guint n_named;

  g_return_val_if_fail (EVT_IS_OUTCOME (self), -1);

  n_named = self->project_names != NULL ? g_strv_length (self->project_names) : 0;
  if (self->projects < 0 && n_named == 0)
    return -1;
  return MAX (self->projects, (int) n_named);
}

/**
 * evt_outcome_is_empty:
 * @self: an outcome
 *
 * Returns: %TRUE if nothing was counted, rated, named, noted or spent
 */
gboolean
evt_outcome_is_empty (EvtOutcome *self)
{
  g_return_val_if_fail (EVT_IS_OUTCOME (self), TRUE);

  return self->contacts < 0 && self->leads < 0 && self->meetings < 0 &&
         self->projects < 0 && self->press < 0 && self->satisfaction == 0 &&
         self->notes == NULL && self->project_names == NULL &&
         evt_outcome_get_total_cost (self) < 0;
}
