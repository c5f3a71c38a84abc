/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-participation.c: an organisation or a person taking part in an event. */
#include "config.h"

#include "evt-enum-types.h"
#include "evt-people-private.h"

struct _EvtParticipation
{
  GObject                parent_instance;

  gint64                 id;
  gint64                 event_id;
  gint64                 organisation_id;
  char                  *organisation_name;
  gint64                 person_id;
  char                  *person_name;
  gboolean               member;
  EvtRole                role;
  EvtParticipationState  state;
  char                  *note;
  char                  *event_title;
  char                  *event_start;
};

G_DEFINE_FINAL_TYPE (EvtParticipation, evt_participation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_EVENT_ID,
  PROP_ORGANISATION_ID,
  PROP_ORGANISATION_NAME,
  PROP_PERSON_ID,
  PROP_PERSON_NAME,
  PROP_MEMBER,
  PROP_ROLE,
  PROP_STATE,
  PROP_NOTE,
  PROP_EVENT_TITLE,
  PROP_EVENT_START,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
evt_participation_finalize (GObject *object)
{
  EvtParticipation *self = (EvtParticipation *) object;

  g_clear_pointer (&self->organisation_name, g_free);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->event_title, g_free);
  g_clear_pointer (&self->event_start, g_free);

  G_OBJECT_CLASS (evt_participation_parent_class)->finalize (object);
}

static void
evt_participation_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EvtParticipation *self = EVT_PARTICIPATION (object);

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
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;
    case PROP_MEMBER:
      g_value_set_boolean (value, self->member);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_EVENT_TITLE:
      g_value_set_string (value, self->event_title);
      break;
    case PROP_EVENT_START:
      g_value_set_string (value, self->event_start);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_participation_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EvtParticipation *self = EVT_PARTICIPATION (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      evt_participation_set_event_id (self, g_value_get_int64 (value));
      break;
    case PROP_ORGANISATION_ID:
      evt_participation_set_organisation_id (self, g_value_get_int64 (value));
      break;
    case PROP_PERSON_ID:
      evt_participation_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_ROLE:
      evt_participation_set_role (self, g_value_get_enum (value));
      break;
    case PROP_STATE:
      evt_participation_set_state (self, g_value_get_enum (value));
      break;
    case PROP_NOTE:
      evt_participation_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_participation_class_init (EvtParticipationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = evt_participation_finalize;
  object_class->get_property = evt_participation_get_property;
  object_class->set_property = evt_participation_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ORGANISATION_ID] =
    g_param_spec_int64 ("organisation-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ORGANISATION_NAME] =
    g_param_spec_string ("organisation-name", NULL, NULL, NULL, ro);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL, ro);
  properties[PROP_MEMBER] =
    g_param_spec_boolean ("member", NULL, NULL, FALSE, ro);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, EVT_TYPE_ROLE, EVT_ROLE_EXHIBITOR, rw);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, EVT_TYPE_PARTICIPATION_STATE,
                       EVT_PARTICIPATION_STATE_INVITED, rw);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_EVENT_TITLE] =
    g_param_spec_string ("event-title", NULL, NULL, NULL, ro);
  properties[PROP_EVENT_START] =
    g_param_spec_string ("event-start", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evt_participation_init (EvtParticipation *self)
{
  self->role = EVT_ROLE_EXHIBITOR;
  self->state = EVT_PARTICIPATION_STATE_INVITED;
}

/**
 * evt_participation_new:
 * @event_id: the event
 *
 * Returns: (transfer full): a new participation (an exhibitor, invited) that names
 *   nobody yet: set its organisation or person
 */
EvtParticipation *
evt_participation_new (gint64 event_id)
{
  return g_object_new (EVT_TYPE_PARTICIPATION, "event-id", event_id, NULL);
}

/**
 * evt_participation_get_id:
 * @self: a participation
 *
 * Returns: the id in the store, 0 if not saved
 */
gint64
evt_participation_get_id (EvtParticipation *self)
{
  g_return_val_if_fail (EVT_IS_PARTICIPATION (self), 0);
  return self->id;
}

void
evt_participation_set_id (EvtParticipation *self,
                          gint64            id)
{
  g_return_if_fail (EVT_IS_PARTICIPATION (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * evt_participation_get_event_id:
 * @self: a participation
 *
 * Returns: the event
 */
gint64
evt_participation_get_event_id (EvtParticipation *self)
{
  g_return_val_if_fail (EVT_IS_PARTICIPATION (self), 0);
  return self->event_id;
}

/**
 * evt_participation_set_event_id:
 * @self: a participation
 * @event_id: the event
 *
 * Sets "event-id".
 */
void
evt_participation_set_event_id (EvtParticipation *self,
                                gint64            event_id)
{
  g_return_if_fail (EVT_IS_PARTICIPATION (self));

  if (self->event_id == event_id)
    return;
  self->event_id = event_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_ID]);
}

/**
 * evt_participation_get_organisation_id:
 * @self: a participation
 *
 * Returns: the organisation taking part, or that the person represents; 0 if none
 */
gint64
evt_participation_get_organisation_id (EvtParticipation *self)
{
  g_return_val_if_fail (EVT_IS_PARTICIPATION (self), 0);
  return self->organisation_id;
}

/**
 * evt_participation_set_organisation_id:
 * @self: a participation
 * @organisation_id: the organisation taking part, or that the person represents; 0 if none
 *
 * Sets "organisation-id".
 */
void
evt_participation_set_organisation_id (EvtParticipation *self,
                                       gint64            organisation_id)
{
  g_return_if_fail (EVT_IS_PARTICIPATION (self));

  if (self->organisation_id == organisation_id)
    return;
  self->organisation_id = organisation_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION_ID]);
}

/**
 * evt_participation_get_organisation_name:
 * @self: a participation
 *
 * Returns: (nullable): the organisation's name, as read from the store
 */
const char *
evt_participation_get_organisation_name (EvtParticipation *self)
{
  g_return_val_if_fail (EVT_IS_PARTICIPATION (self), NULL);
  return self->organisation_name;
}

void
evt_participation_set_organisation_name (EvtParticipation *self,
                                         const char       *organisation_name)
{
  g_return_if_fail (EVT_IS_PARTICIPATION (self));

  evt_people_set_string (G_OBJECT (self), &self->organisation_name, organisation_name,
                         properties[PROP_ORGANISATION_NAME]);
}

/**
 * evt_participation_get_person_id:
 * @self: a participation
 *
 * Returns: the person taking part, 0 if the organisation as a whole
 */
gint64
evt_participation_get_person_id (EvtParticipation *self)
{
  g_return_val_if_fail (EVT_IS_PARTICIPATION (self), 0);
  return self->person_id;
}

/**
 * evt_participation_set_person_id:
 * @self: a participation
 * @person_id: the person taking part, 0 if the organisation as a whole
 *
 * Sets "person-id".
 */
void
evt_participation_set_person_id (EvtParticipation *self,
                                 gint64            person_id)
{
  g_return_if_fail (EVT_IS_PARTICIPATION (self));

  if (self->person_id == person_id)
    return;
  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

/**
 * evt_participation_get_person_name:
 * @self: a participation
 *
 * Returns: (nullable): the person's name, as read from the store
 */
const char *
evt_participation_get_person_name (EvtParticipation *self)
{
  g_return_val_if_fail (EVT_IS_PARTICIPATION (self), NULL);
  return self->person_name;
}

void
evt_participation_set_person_name (EvtParticipation *self,
                                   const char       *person_name)
{
  g_return_if_fail (EVT_IS_PARTICIPATION (self));

  evt_people_set_string (G_OBJECT (self), &self->person_name, person_name,
                         properties[PROP_PERSON_NAME]);
}

/**
 * evt_participation_get_member:
 * @self: a participation
 *
 * Returns: whether the organisation is a member, as read from the store
 */
gboolean
evt_participation_get_member (EvtParticipation *self)
{
  g_return_val_if_fail (EVT_IS_PARTICIPATION (self), 0);
  return self->member;
}

void
evt_participation_set_member (EvtParticipation *self,
                              gboolean          member)
{
  g_return_if_fail (EVT_IS_PARTICIPATION (self));

  member = !!member;
  if (self->member == member)
    return;
  self->member = member;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER]);
}

/**
 * evt_participation_get_role:
 * @self: a participation
 *
 * Returns: the role
 */
EvtRole
evt_participation_get_role (EvtParticipation *self)
{
  g_return_val_if_fail (EVT_IS_PARTICIPATION (self), EVT_ROLE_EXHIBITOR);
  return self->role;
}

/**
 * evt_participation_set_role:
 * @self: a participation
 * @role: the role
 *
 * Sets "role".
 */
void
evt_participation_set_role (EvtParticipation *self,
                            EvtRole           role)
{
  g_return_if_fail (EVT_IS_PARTICIPATION (self));

  g_return_if_fail ((guint) role < EVT_N_ROLES);
  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

/**
 * evt_participation_get_state:
 * @self: a participation
 *
 * Returns: the state
 */
EvtParticipationState
evt_participation_get_state (EvtParticipation *self)
{
  g_return_val_if_fail (EVT_IS_PARTICIPATION (self), EVT_PARTICIPATION_STATE_INVITED);
  return self->state;
}

/**
 * evt_participation_set_state:
 * @self: a participation
 * @state: the state
 *
 * Sets "state".
 */
void
evt_participation_set_state (EvtParticipation      *self,
                             EvtParticipationState  state)
{
  g_return_if_fail (EVT_IS_PARTICIPATION (self));

  g_return_if_fail ((guint) state < EVT_N_PARTICIPATION_STATES);
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/**
 * evt_participation_get_note:
 * @self: a participation
 *
 * Returns: (nullable): a free note
 */
const char *
evt_participation_get_note (EvtParticipation *self)
{
  g_return_val_if_fail (EVT_IS_PARTICIPATION (self), NULL);
  return self->note;
}

/**
 * evt_participation_set_note:
 * @self: a participation
 * @note: (nullable): a free note
 *
 * Sets "note".
 */
void
evt_participation_set_note (EvtParticipation *self,
                            const char       *note)
{
  g_return_if_fail (EVT_IS_PARTICIPATION (self));

  evt_people_set_string (G_OBJECT (self), &self->note, note, properties[PROP_NOTE]);
}

/**
 * evt_participation_get_event_title:
 * @self: a participation
 *
 * Returns: (nullable): the event's title, as read from the store
 */
const char *
evt_participation_get_event_title (EvtParticipation *self)
{
  g_return_val_if_fail (EVT_IS_PARTICIPATION (self), NULL);
  return self->event_title;
}

void
evt_participation_set_event_title (EvtParticipation *self,
                                   const char       *event_title)
{
  g_return_if_fail (EVT_IS_PARTICIPATION (self));

  evt_people_set_string (G_OBJECT (self), &self->event_title, event_title,
                         properties[PROP_EVENT_TITLE]);
}

/**
 * evt_participation_get_event_start:
 * @self: a participation
 *
 * Returns: (nullable): the event's first day (YYYY-MM-DD), as read from the store
 */
const char *
evt_participation_get_event_start (EvtParticipation *self)
{
  g_return_val_if_fail (EVT_IS_PARTICIPATION (self), NULL);
  return self->event_start;
}

void
evt_participation_set_event_start (EvtParticipation *self,
                                   const char       *event_start)
{
  g_return_if_fail (EVT_IS_PARTICIPATION (self));

  evt_people_set_string (G_OBJECT (self), &self->event_start, event_start,
                         properties[PROP_EVENT_START]);
}


/**
 * evt_participation_dup_display_name:
 * @self: a participation
 *
 * Returns: (transfer full): "Person (Organisation)", "Person" or "Organisation",
 *   as read from the store
 */
char *
evt_participation_dup_display_name (EvtParticipation *self)
{
  g_return_val_if_fail (EVT_IS_PARTICIPATION (self), NULL);

  if (self->person_name != NULL && self->organisation_name != NULL)
    return g_strdup_printf ("%s (%s)", self->person_name, self->organisation_name);
  if (self->person_name != NULL)
    return g_strdup (self->person_name);
  return g_strdup (self->organisation_name != NULL ? self->organisation_name : "");
}
