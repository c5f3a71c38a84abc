/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-lead.c: a business lead met at an event, and its follow-up. */
#include "config.h"

#include "evt-enum-types.h"
#include "evt-people-private.h"

struct _EvtLead
{
  GObject       parent_instance;

  gint64        id;
  gint64        event_id;
  gint64        organisation_id;
  char         *organisation_name;
  char         *contact;
  char         *subject;
  char         *next_step;
  char         *follow_up;
  EvtLeadState  state;
  char         *event_title;
};

G_DEFINE_FINAL_TYPE (EvtLead, evt_lead, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_EVENT_ID,
  PROP_ORGANISATION_ID,
  PROP_ORGANISATION_NAME,
  PROP_CONTACT,
  PROP_SUBJECT,
  PROP_NEXT_STEP,
  PROP_FOLLOW_UP,
  PROP_STATE,
  PROP_EVENT_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
evt_lead_finalize (GObject *object)
{
  EvtLead *self = (EvtLead *) object;

  g_clear_pointer (&self->organisation_name, g_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->next_step, g_free);
  g_clear_pointer (&self->follow_up, g_free);
  g_clear_pointer (&self->event_title, g_free);

  G_OBJECT_CLASS (evt_lead_parent_class)->finalize (object);
}

static void
evt_lead_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  EvtLead *self = EVT_LEAD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;
    case PROP_ORGANISATION_ID:
      g_value_set_int64 (value, self->organisation_id);
      break;
    case PROP_ORGANISATION_NAME:
      g_value_set_string (value, self->organisation_name);
      break;
    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_NEXT_STEP:
      g_value_set_string (value, self->next_step);
      break;
    case PROP_FOLLOW_UP:
      g_value_set_string (value, self->follow_up);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_EVENT_TITLE:
      g_value_set_string (value, self->event_title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_lead_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  EvtLead *self = EVT_LEAD (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      evt_lead_set_event_id (self, g_value_get_int64 (value));
      break;
    case PROP_ORGANISATION_ID:
      evt_lead_set_organisation_id (self, g_value_get_int64 (value));
      break;
    case PROP_ORGANISATION_NAME:
      evt_lead_set_organisation_name (self, g_value_get_string (value));
      break;
    case PROP_CONTACT:
      evt_lead_set_contact (self, g_value_get_string (value));
      break;
    case PROP_SUBJECT:
      evt_lead_set_subject (self, g_value_get_string (value));
      break;
    case PROP_NEXT_STEP:
      evt_lead_set_next_step (self, g_value_get_string (value));
      break;
    case PROP_FOLLOW_UP:
      evt_lead_set_follow_up (self, g_value_get_string (value));
      break;
    case PROP_STATE:
      evt_lead_set_state (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_lead_class_init (EvtLeadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = evt_lead_finalize;
  object_class->get_property = evt_lead_get_property;
  object_class->set_property = evt_lead_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ORGANISATION_ID] =
    g_param_spec_int64 ("organisation-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ORGANISATION_NAME] =
    g_param_spec_string ("organisation-name", NULL, NULL, NULL, rw);
  properties[PROP_CONTACT] =
    g_param_spec_string ("contact", NULL, NULL, NULL, rw);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL, NULL, rw);
  properties[PROP_NEXT_STEP] =
    g_param_spec_string ("next-step", NULL, NULL, NULL, rw);
  properties[PROP_FOLLOW_UP] =
    g_param_spec_string ("follow-up", NULL, NULL, NULL, rw);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, EVT_TYPE_LEAD_STATE, EVT_LEAD_STATE_OPEN, rw);
  properties[PROP_EVENT_TITLE] =
    g_param_spec_string ("event-title", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evt_lead_init (EvtLead *self)
{
  self->state = EVT_LEAD_STATE_OPEN;
}

/**
 * evt_lead_new:
 * @event_id: the event the lead came from
 *
 * Returns: (transfer full): a new open lead
 */
EvtLead *
evt_lead_new (gint64 event_id)
{
  return g_object_new (EVT_TYPE_LEAD, "event-id", event_id, NULL);
}

/**
 * evt_lead_get_id:
 * @self: a lead
 *
 * Returns: the id in the store, 0 if not saved
 */
gint64
evt_lead_get_id (EvtLead *self)
{
  g_return_val_if_fail (EVT_IS_LEAD (self), 0);
  return self->id;
}

void
evt_lead_set_id (EvtLead *self,
                 gint64   id)
{
  g_return_if_fail (EVT_IS_LEAD (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * evt_lead_get_event_id:
 * @self: a lead
 *
 * Returns: the event the lead came from
 */
gint64
evt_lead_get_event_id (EvtLead *self)
{
  g_return_val_if_fail (EVT_IS_LEAD (self), 0);
  return self->event_id;
}

/**
 * evt_lead_set_event_id:
 * @self: a lead
 * @event_id: the event the lead came from
 *
 * Sets "event-id".
 */
void
evt_lead_set_event_id (EvtLead *self,
                       gint64   event_id)
{
  g_return_if_fail (EVT_IS_LEAD (self));

  if (self->event_id == event_id)
    return;
  self->event_id = event_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_ID]);
}

/**
 * evt_lead_get_organisation_id:
 * @self: a lead
 *
 * Returns: the organisation in the directory, 0 if none
 */
gint64
evt_lead_get_organisation_id (EvtLead *self)
{
  g_return_val_if_fail (EVT_IS_LEAD (self), 0);
  return self->organisation_id;
}

/**
 * evt_lead_set_organisation_id:
 * @self: a lead
 * @organisation_id: the organisation in the directory, 0 if none
 *
 * Sets "organisation-id".
 */
void
evt_lead_set_organisation_id (EvtLead *self,
                              gint64   organisation_id)
{
  g_return_if_fail (EVT_IS_LEAD (self));

  if (self->organisation_id == organisation_id)
    return;
  self->organisation_id = organisation_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION_ID]);
}

/**
 * evt_lead_get_organisation_name:
 * @self: a lead
 *
 * Returns: (nullable): the organisation's name
 */
const char *
evt_lead_get_organisation_name (EvtLead *self)
{
  g_return_val_if_fail (EVT_IS_LEAD (self), NULL);
  return self->organisation_name;
}

/**
 * evt_lead_set_organisation_name:
 * @self: a lead
 * @organisation_name: (nullable): the organisation's name
 *
 * Sets "organisation-name".
 */
void
evt_lead_set_organisation_name (EvtLead    *self,
                                const char *organisation_name)
{
  g_return_if_fail (EVT_IS_LEAD (self));

  evt_people_set_string (G_OBJECT (self), &self->organisation_name, organisation_name,
                         properties[PROP_ORGANISATION_NAME]);
}

/**
 * evt_lead_get_contact:
 * @self: a lead
 *
 * Returns: (nullable): who to talk to
 */
const char *
evt_lead_get_contact (EvtLead *self)
{
  g_return_val_if_fail (EVT_IS_LEAD (self), NULL);
  return self->contact;
}

/**
 * evt_lead_set_contact:
 * @self: a lead
 * @contact: (nullable): who to talk to
 *
 * Sets "contact".
 */
void
evt_lead_set_contact (EvtLead    *self,
                      const char *contact)
{
  g_return_if_fail (EVT_IS_LEAD (self));

  evt_people_set_string (G_OBJECT (self), &self->contact, contact, properties[PROP_CONTACT]);
}

/**
 * evt_lead_get_subject:
 * @self: a lead
 *
 * Returns: (nullable): what it is about
 */
const char *
evt_lead_get_subject (EvtLead *self)
{
  g_return_val_if_fail (EVT_IS_LEAD (self), NULL);
  return self->subject;
}

/**
 * evt_lead_set_subject:
 * @self: a lead
 * @subject: (nullable): what it is about
 *
 * Sets "subject".
 */
void
evt_lead_set_subject (EvtLead    *self,
                      const char *subject)
{
  g_return_if_fail (EVT_IS_LEAD (self));

  evt_people_set_string (G_OBJECT (self), &self->subject, subject, properties[PROP_SUBJECT]);
}

/**
 * evt_lead_get_next_step:
 * @self: a lead
 *
 * Returns: (nullable): what to do next
 */
const char *
evt_lead_get_next_step (EvtLead *self)
{
  g_return_val_if_fail (EVT_IS_LEAD (self), NULL);
  return self->next_step;
}

/**
 * evt_lead_set_next_step:
 * @self: a lead
 * @next_step: (nullable): what to do next
 *
 * Sets "next-step".
 */
void
evt_lead_set_next_step (EvtLead    *self,
                        const char *next_step)
{
  g_return_if_fail (EVT_IS_LEAD (self));

  evt_people_set_string (G_OBJECT (self), &self->next_step, next_step, properties[PROP_NEXT_STEP]);
}

/**
 * evt_lead_get_follow_up:
 * @self: a lead
 *
 * Returns: (nullable): the day to follow up (YYYY-MM-DD)
 */
const char *
evt_lead_get_follow_up (EvtLead *self)
{
  g_return_val_if_fail (EVT_IS_LEAD (self), NULL);
  return self->follow_up;
}

/**
 * evt_lead_set_follow_up:
 * @self: a lead
 * @follow_up: (nullable): the day to follow up (YYYY-MM-DD)
 *
 * Sets "follow-up".
 */
void
evt_lead_set_follow_up (EvtLead    *self,
                        const char *follow_up)
{
  g_return_if_fail (EVT_IS_LEAD (self));

  evt_people_set_string (G_OBJECT (self), &self->follow_up, follow_up, properties[PROP_FOLLOW_UP]);
}

/**
 * evt_lead_get_state:
 * @self: a lead
 *
 * Returns: open, won or lost
 */
EvtLeadState
evt_lead_get_state (EvtLead *self)
{
  g_return_val_if_fail (EVT_IS_LEAD (self), EVT_LEAD_STATE_OPEN);
  return self->state;
}

/**
 * evt_lead_set_state:
 * @self: a lead
 * @state: open, won or lost
 *
 * Sets "state".
 */
void
evt_lead_set_state (EvtLead      *self,
                    EvtLeadState  state)
{
  g_return_if_fail (EVT_IS_LEAD (self));

  g_return_if_fail ((guint) state < EVT_N_LEAD_STATES);
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/**
 * evt_lead_get_event_title:
 * @self: a lead
 *
 * Returns: (nullable): the event's title, as read from the store
 */
const char *
evt_lead_get_event_title (EvtLead *self)
{
  g_return_val_if_fail (EVT_IS_LEAD (self), NULL);
  return self->event_title;
}

void
evt_lead_set_event_title (EvtLead    *self,
                          const char *event_title)
{
  g_return_if_fail (EVT_IS_LEAD (self));

  evt_people_set_string (G_OBJECT (self), &self->event_title, event_title,
                         properties[PROP_EVENT_TITLE]);
}


/**
 * evt_lead_is_due:
 * @self: a lead
 * @today: the day to compare with
 *
 * Returns: %TRUE if the lead is open and its follow-up day is @today or before
 */
gboolean
evt_lead_is_due (EvtLead     *self,
                 const GDate *today)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;
  GDate day;

  g_return_val_if_fail (EVT_IS_LEAD (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (self->state != EVT_LEAD_STATE_OPEN || self->follow_up == NULL)
    return FALSE;

  iso = g_strconcat (self->follow_up, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  if (dt == NULL)
    return FALSE;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
  return g_date_compare (&day, today) <= 0;
}
