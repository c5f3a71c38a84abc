/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-organisation.c: a member company, partner, laboratory, school or institution. */
#include "config.h"

#include "evt-enum-types.h"
#include "evt-people-private.h"

struct _EvtOrganisation
{
  GObject              parent_instance;

  gint64               id;
  char                *name;
  char                *normalised_name;
  EvtOrganisationKind  kind;
  gboolean             member;
  char                *sector;
  char                *city;
  char                *email;
  char                *phone;
  char                *notes;
  guint                n_events;
};

G_DEFINE_FINAL_TYPE (EvtOrganisation, evt_organisation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_NORMALISED_NAME,
  PROP_KIND,
  PROP_MEMBER,
  PROP_SECTOR,
  PROP_CITY,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_NOTES,
  PROP_N_EVENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
evt_organisation_finalize (GObject *object)
{
  EvtOrganisation *self = (EvtOrganisation *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->normalised_name, g_free);
  g_clear_pointer (&self->sector, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (evt_organisation_parent_class)->finalize (object);
}

static void
evt_organisation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EvtOrganisation *self = EVT_ORGANISATION (object);

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
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_MEMBER:
      g_value_set_boolean (value, self->member);
      break;
    case PROP_SECTOR:
      g_value_set_string (value, self->sector);
      break;
    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_N_EVENTS:
      g_value_set_uint (value, self->n_events);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_organisation_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EvtOrganisation *self = EVT_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      evt_organisation_set_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      evt_organisation_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_MEMBER:
      evt_organisation_set_member (self, g_value_get_boolean (value));
      break;
    case PROP_SECTOR:
      evt_organisation_set_sector (self, g_value_get_string (value));
      break;
    case PROP_CITY:
      evt_organisation_set_city (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      evt_organisation_set_email (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      evt_organisation_set_phone (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      evt_organisation_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_organisation_class_init (EvtOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = evt_organisation_finalize;
  object_class->get_property = evt_organisation_get_property;
  object_class->set_property = evt_organisation_set_property;

  /* Set by the store (evt-people-private.h): 0 until saved. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_NORMALISED_NAME] =
    g_param_spec_string ("normalised-name", NULL, NULL, "", ro);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, EVT_TYPE_ORGANISATION_KIND,
                       EVT_ORGANISATION_KIND_COMPANY, rw);
  properties[PROP_MEMBER] =
    g_param_spec_boolean ("member", NULL, NULL, FALSE, rw);
  properties[PROP_SECTOR] =
    g_param_spec_string ("sector", NULL, NULL, NULL, rw);
  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL, NULL, rw);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL, rw);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_N_EVENTS] =
    g_param_spec_uint ("n-events", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evt_organisation_init (EvtOrganisation *self)
{
  self->normalised_name = g_strdup ("");
  self->kind = EVT_ORGANISATION_KIND_COMPANY;
}

/**
 * evt_organisation_new:
 * @name: (nullable): the organisation's name
 *
 * Returns: (transfer full): a new organisation, not yet saved
 */
EvtOrganisation *
evt_organisation_new (const char *name)
{
  EvtOrganisation *self = g_object_new (EVT_TYPE_ORGANISATION, NULL);

  evt_organisation_set_name (self, name);
  return self;
}

/**
 * evt_organisation_copy:
 * @self: an organisation
 *
 * Returns: (transfer full): a copy of @self, id included
 */
EvtOrganisation *
evt_organisation_copy (EvtOrganisation *self)
{
  EvtOrganisation *copy;

  g_return_val_if_fail (EVT_IS_ORGANISATION (self), NULL);

  copy = evt_organisation_new (self->name);
  copy->id = self->id;
  copy->kind = self->kind;
  copy->member = self->member;
  copy->sector = g_strdup (self->sector);
  copy->city = g_strdup (self->city);
  copy->email = g_strdup (self->email);
  copy->phone = g_strdup (self->phone);
  copy->notes = g_strdup (self->notes);
  copy->n_events = self->n_events;
  return copy;
}

/**
 * evt_organisation_get_id:
 * @self: an organisation
 *
 * Returns: the id in the store, 0 if not saved
 */
gint64
evt_organisation_get_id (EvtOrganisation *self)
{
  g_return_val_if_fail (EVT_IS_ORGANISATION (self), 0);
  return self->id;
}

void
evt_organisation_set_id (EvtOrganisation *self,
                         gint64           id)
{
  g_return_if_fail (EVT_IS_ORGANISATION (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * evt_organisation_get_name:
 * @self: an organisation
 *
 * Returns: (nullable): the name
 */
const char *
evt_organisation_get_name (EvtOrganisation *self)
{
  g_return_val_if_fail (EVT_IS_ORGANISATION (self), NULL);
  return self->name;
}

/**
 * evt_organisation_set_name:
 * @self: an organisation
 * @name: (nullable): the name; "normalised-name" follows
 *
 * Sets the name.
 */
void
evt_organisation_set_name (EvtOrganisation *self,
                           const char      *name)
{
  g_autofree char *normalised = NULL;

  g_return_if_fail (EVT_IS_ORGANISATION (self));

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
 * evt_organisation_get_normalised_name:
 * @self: an organisation
 *
 * Returns: the name as compared to find duplicates (see evt_normalise_name())
 */
const char *
evt_organisation_get_normalised_name (EvtOrganisation *self)
{
  g_return_val_if_fail (EVT_IS_ORGANISATION (self), NULL);
  return self->normalised_name;
}

/**
 * evt_organisation_get_kind:
 * @self: an organisation
 *
 * Returns: what the organisation is
 */
EvtOrganisationKind
evt_organisation_get_kind (EvtOrganisation *self)
{
  g_return_val_if_fail (EVT_IS_ORGANISATION (self), EVT_ORGANISATION_KIND_COMPANY);
  return self->kind;
}

/**
 * evt_organisation_set_kind:
 * @self: an organisation
 * @kind: what the organisation is
 *
 * Sets the kind.
 */
void
evt_organisation_set_kind (EvtOrganisation     *self,
                           EvtOrganisationKind  kind)
{
  g_return_if_fail (EVT_IS_ORGANISATION (self));
  g_return_if_fail ((guint) kind < EVT_N_ORGANISATION_KINDS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * evt_organisation_get_member:
 * @self: an organisation
 *
 * Returns: whether the organisation is a member of the cluster
 */
gboolean
evt_organisation_get_member (EvtOrganisation *self)
{
  g_return_val_if_fail (EVT_IS_ORGANISATION (self), FALSE);
  return self->member;
}

/**
 * evt_organisation_set_member:
 * @self: an organisation
 * @member: whether the organisation is a member of the cluster
 *
 * Sets the member flag.
 */
void
evt_organisation_set_member (EvtOrganisation *self,
                             gboolean         member)
{
  g_return_if_fail (EVT_IS_ORGANISATION (self));

  member = !!member;
  if (self->member == member)
    return;
  self->member = member;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER]);
}

/**
 * evt_organisation_get_sector:
 * @self: an organisation
 *
 * Returns: (nullable): the slug of the organisation's sector
 */
const char *
evt_organisation_get_sector (EvtOrganisation *self)
{
  g_return_val_if_fail (EVT_IS_ORGANISATION (self), NULL);
  return self->sector;
}

/**
 * evt_organisation_set_sector:
 * @self: an organisation
 * @sector: (nullable): a sector slug
 *
 * Sets the sector.
 */
void
evt_organisation_set_sector (EvtOrganisation *self,
                             const char      *sector)
{
  g_return_if_fail (EVT_IS_ORGANISATION (self));
  evt_people_set_string (G_OBJECT (self), &self->sector, sector, properties[PROP_SECTOR]);
}

/**
 * evt_organisation_get_city:
 * @self: an organisation
 *
 * Returns: (nullable): the city
 */
const char *
evt_organisation_get_city (EvtOrganisation *self)
{
  g_return_val_if_fail (EVT_IS_ORGANISATION (self), NULL);
  return self->city;
}

/**
 * evt_organisation_set_city:
 * @self: an organisation
 * @city: (nullable): the city
 *
 * Sets the city.
 */
void
evt_organisation_set_city (EvtOrganisation *self,
                           const char      *city)
{
  g_return_if_fail (EVT_IS_ORGANISATION (self));
  evt_people_set_string (G_OBJECT (self), &self->city, city, properties[PROP_CITY]);
}

/**
 * evt_organisation_get_email:
 * @self: an organisation
 *
 * Returns: (nullable): the contact e-mail address
 */
const char *
evt_organisation_get_email (EvtOrganisation *self)
{
  g_return_val_if_fail (EVT_IS_ORGANISATION (self), NULL);
  return self->email;
}

/**
 * evt_organisation_set_email:
 * @self: an organisation
 * @email: (nullable): the contact e-mail address
 *
 * Sets the e-mail address.
 */
void
evt_organisation_set_email (EvtOrganisation *self,
                            const char      *email)
{
  g_return_if_fail (EVT_IS_ORGANISATION (self));
  evt_people_set_string (G_OBJECT (self), &self->email, email, properties[PROP_EMAIL]);
}

/**
 * evt_organisation_get_phone:
 * @self: an organisation
 *
 * Returns: (nullable): the phone number, as typed
 */
const char *
evt_organisation_get_phone (EvtOrganisation *self)
{
  g_return_val_if_fail (EVT_IS_ORGANISATION (self), NULL);
  return self->phone;
}

/**
 * evt_organisation_set_phone:
 * @self: an organisation
 * @phone: (nullable): the phone number
 *
 * Sets the phone number.
 */
void
evt_organisation_set_phone (EvtOrganisation *self,
                            const char      *phone)
{
  g_return_if_fail (EVT_IS_ORGANISATION (self));
  evt_people_set_string (G_OBJECT (self), &self->phone, phone, properties[PROP_PHONE]);
}

/**
 * evt_organisation_get_notes:
 * @self: an organisation
 *
 * Returns: (nullable): free notes
 */
const char *
evt_organisation_get_notes (EvtOrganisation *self)
{
  g_return_val_if_fail (EVT_IS_ORGANISATION (self), NULL);
  return self->notes;
}

/**
 * evt_organisation_set_notes:
 * @self: an organisation
 * @notes: (nullable): free notes
 *
 * Sets the notes.
 */
void
evt_organisation_set_notes (EvtOrganisation *self,
                            const char      *notes)
{
  g_return_if_fail (EVT_IS_ORGANISATION (self));
  evt_people_set_string (G_OBJECT (self), &self->notes, notes, properties[PROP_NOTES]);
}

/**
 * evt_organisation_get_n_events:
 * @self: an organisation
 *
 * Returns: the number of events it takes part in, as last read from the store
 */
guint
evt_organisation_get_n_events (EvtOrganisation *self)
{
  g_return_val_if_fail (EVT_IS_ORGANISATION (self), 0);
  return self->n_events;
}

void
evt_organisation_set_n_events (EvtOrganisation *self,
                               guint            n_events)
{
  g_return_if_fail (EVT_IS_ORGANISATION (self));

  if (self->n_events == n_events)
    return;
  self->n_events = n_events;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EVENTS]);
}
