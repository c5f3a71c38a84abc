/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-person.c: a person: staff of the cluster, or someone from an organisation. */
#include "config.h"

#include "evt-enum-types.h"
#include "evt-people-private.h"

struct _EvtPerson
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *normalised_name;
  gint64   organisation_id;
  char    *organisation_name;
  char    *job_title;
  char    *email;
  char    *phone;
  guint    n_events;
};

G_DEFINE_FINAL_TYPE (EvtPerson, evt_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_NORMALISED_NAME,
  PROP_ORGANISATION_ID,
  PROP_ORGANISATION_NAME,
  PROP_JOB_TITLE,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_N_EVENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
evt_person_finalize (GObject *object)
{
  EvtPerson *self = (EvtPerson *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->normalised_name, g_free);
  g_clear_pointer (&self->organisation_name, g_free);
  g_clear_pointer (&self->job_title, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);

  G_OBJECT_CLASS (evt_person_parent_class)->finalize (object);
}

static void
evt_person_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EvtPerson *self = EVT_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_NORMALISED_NAME:
      g_value_set_string (value, self->normalised_name);
      break;
    case PROP_ORGANISATION_ID:
      g_value_set_int64 (value, self->organisation_id);
      break;
    case PROP_ORGANISATION_NAME:
      g_value_set_string (value, self->organisation_name);
      break;
    case PROP_JOB_TITLE:
      g_value_set_string (value, self->job_title);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_N_EVENTS:
      g_value_set_uint (value, self->n_events);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_person_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  EvtPerson *self = EVT_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      evt_person_set_name (self, g_value_get_string (value));
      break;
    case PROP_ORGANISATION_ID:
      evt_person_set_organisation_id (self, g_value_get_int64 (value));
      break;
    case PROP_JOB_TITLE:
      evt_person_set_job_title (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      evt_person_set_email (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      evt_person_set_phone (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_person_class_init (EvtPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = evt_person_finalize;
  object_class->get_property = evt_person_get_property;
  object_class->set_property = evt_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_NORMALISED_NAME] =
    g_param_spec_string ("normalised-name", NULL, NULL, "", ro);
  properties[PROP_ORGANISATION_ID] =
    g_param_spec_int64 ("organisation-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ORGANISATION_NAME] =
    g_param_spec_string ("organisation-name", NULL, NULL, NULL, ro);
  properties[PROP_JOB_TITLE] =
    g_param_spec_string ("job-title", NULL, NULL, NULL, rw);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL, rw);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  properties[PROP_N_EVENTS] =
    g_param_spec_uint ("n-events", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evt_person_init (EvtPerson *self)
{
  self->normalised_name = g_strdup ("");
}

/**
 * evt_person_new:
 * @name: (nullable): the person's full name
 *
 * Returns: (transfer full): a new person, not yet saved
 */
EvtPerson *
evt_person_new (const char *name)
{
  EvtPerson *self = g_object_new (EVT_TYPE_PERSON, NULL);

  evt_person_set_name (self, name);
  return self;
}

/**
 * evt_person_get_id:
 * @self: a person
 *
 * Returns: the id in the store, 0 if not saved
 */
gint64
evt_person_get_id (EvtPerson *self)
{
  g_return_val_if_fail (EVT_IS_PERSON (self), 0);
  return self->id;
}

void
evt_person_set_id (EvtPerson *self,
                   gint64     id)
{
  g_return_if_fail (EVT_IS_PERSON (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * evt_person_get_name:
 * @self: a person
 *
 * Returns: (nullable): the full name
 */
const char *
evt_person_get_name (EvtPerson *self)
{
  g_return_val_if_fail (EVT_IS_PERSON (self), NULL);
  return self->name;
}

/**
 * evt_person_set_name:
 * @self: a person
 * @name: (nullable): the full name
 *
 * Sets "name".
 */
void
evt_person_set_name (EvtPerson  *self,
                     const char *name)
{
  g_autofree char *normalised = NULL;

  g_return_if_fail (EVT_IS_PERSON (self));

  if (!evt_people_set_string (G_OBJECT (self), &self->name, name, properties[PROP_NAME]))
    return;

  normalised = evt_normalise_name (self->name);
  if (g_strcmp0 (normalised, self->normalised_name) != 0)
    {
      g_free (self->normalised_name);
      self->normalised_name = g_steal_pointer (&normalised);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NORMALISED_NAME]);
    }
}

/**
 * evt_person_get_normalised_name:
 * @self: a person
 *
 * Returns: (nullable): the name as compared to find duplicates
 */
const char *
evt_person_get_normalised_name (EvtPerson *self)
{
  g_return_val_if_fail (EVT_IS_PERSON (self), NULL);
  return self->normalised_name;
}

/**
 * evt_person_get_organisation_id:
 * @self: a person
 *
 * Returns: the id of the organisation, 0 if none
 */
gint64
evt_person_get_organisation_id (EvtPerson *self)
{
  g_return_val_if_fail (EVT_IS_PERSON (self), 0);
  return self->organisation_id;
}

/**
 * evt_person_set_organisation_id:
 * @self: a person
 * @organisation_id: the id of the organisation, 0 if none
 *
 * Sets "organisation-id".
 */
void
evt_person_set_organisation_id (EvtPerson *self,
                                gint64     organisation_id)
{
  g_return_if_fail (EVT_IS_PERSON (self));

  if (self->organisation_id == organisation_id)
    return;
  self->organisation_id = organisation_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION_ID]);
}

/**
 * evt_person_get_organisation_name:
 * @self: a person
 *
 * Returns: (nullable): the name of the organisation, as read from the store
 */
const char *
evt_person_get_organisation_name (EvtPerson *self)
{
  g_return_val_if_fail (EVT_IS_PERSON (self), NULL);
  return self->organisation_name;
}

void
evt_person_set_organisation_name (EvtPerson  *self,
                                  const char *organisation_name)
{
  g_return_if_fail (EVT_IS_PERSON (self));

  evt_people_set_string (G_OBJECT (self), &self->organisation_name, organisation_name,
                         properties[PROP_ORGANISATION_NAME]);
}

/**
 * evt_person_get_job_title:
 * @self: a person
 *
 * Returns: (nullable): the job title
 */
const char *
evt_person_get_job_title (EvtPerson *self)
{
  g_return_val_if_fail (EVT_IS_PERSON (self), NULL);
  return self->job_title;
}

/**
 * evt_person_set_job_title:
 * @self: a person
 * @job_title: (nullable): the job title
 *
 * Sets "job-title".
 */
void
evt_person_set_job_title (EvtPerson  *self,
                          const char *job_title)
{
  g_return_if_fail (EVT_IS_PERSON (self));

  evt_people_set_string (G_OBJECT (self), &self->job_title, job_title, properties[PROP_JOB_TITLE]);
}

/**
 * evt_person_get_email:
 * @self: a person
 *
 * Returns: (nullable): the e-mail address
 */
const char *
evt_person_get_email (EvtPerson *self)
{
  g_return_val_if_fail (EVT_IS_PERSON (self), NULL);
  return self->email;
}

/**
 * evt_person_set_email:
 * @self: a person
 * @email: (nullable): the e-mail address
 *
 * Sets "email".
 */
void
evt_person_set_email (EvtPerson  *self,
                      const char *email)
{
  g_return_if_fail (EVT_IS_PERSON (self));

  evt_people_set_string (G_OBJECT (self), &self->email, email, properties[PROP_EMAIL]);
}

/**
 * evt_person_get_phone:
 * @self: a person
 *
 * Returns: (nullable): the phone number
 */
const char *
evt_person_get_phone (EvtPerson *self)
{
  g_return_val_if_fail (EVT_IS_PERSON (self), NULL);
  return self->phone;
}

/**
 * evt_person_set_phone:
 * @self: a person
 * @phone: (nullable): the phone number
 *
 * Sets "phone".
 */
void
evt_person_set_phone (EvtPerson  *self,
                      const char *phone)
{
  g_return_if_fail (EVT_IS_PERSON (self));

  evt_people_set_string (G_OBJECT (self), &self->phone, phone, properties[PROP_PHONE]);
}

/**
 * evt_person_get_n_events:
 * @self: a person
 *
 * Returns: the number of events the person takes part in, as read from the store
 */
guint
evt_person_get_n_events (EvtPerson *self)
{
  g_return_val_if_fail (EVT_IS_PERSON (self), 0);
  return self->n_events;
}

void
evt_person_set_n_events (EvtPerson *self,
                         guint      n_events)
{
  g_return_if_fail (EVT_IS_PERSON (self));

  if (self->n_events == n_events)
    return;
  self->n_events = n_events;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EVENTS]);
}

