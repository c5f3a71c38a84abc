/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-event.c: one event of the yearly calendar. */
#include "config.h"

#include "evt-date.h"
#include "evt-enum-types.h"
#include "evt-event-private.h"

struct _EvtEvent
{
  GObject        parent_instance;

  gint64         id;
  char          *uid;
  char          *title;
  EvtKind        kind;
  EvtStatus      status;
  char          *status_reason;
  gboolean       all_day;
  GDateTime     *start;
  GDateTime     *end;
  char          *timezone;
  GDateTime     *original_start;
  GDateTime     *original_end;
  char          *venue;
  char          *city;
  char          *country;
  char          *organiser;
  char          *partners;
  char         **sectors;      /* NULL when none, never an empty vector */
  char          *url;
  char          *description;
  char          *notes;
  gint64         budget_cents;
  EvtVisibility  visibility;
  int            sequence;
  GDateTime     *created;
  GDateTime     *modified;
  char          *series;
  char          *source;
  char          *recurrence_id;
};

G_DEFINE_FINAL_TYPE (EvtEvent, evt_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_TITLE,
  PROP_KIND,
  PROP_STATUS,
  PROP_STATUS_REASON,
  PROP_ALL_DAY,
  PROP_START,
  PROP_END,
  PROP_TIMEZONE,
  PROP_ORIGINAL_START,
  PROP_ORIGINAL_END,
  PROP_VENUE,
  PROP_CITY,
  PROP_COUNTRY,
  PROP_ORGANISER,
  PROP_PARTNERS,
  PROP_SECTORS,
  PROP_URL,
  PROP_DESCRIPTION,
  PROP_NOTES,
  PROP_BUDGET_CENTS,
  PROP_VISIBILITY,
  PROP_SEQUENCE,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_SERIES,
  PROP_SOURCE,
  PROP_RECURRENCE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const no_sectors[] = { NULL };

/* Same instant and same offset: moving an event to another zone at the same
 * instant still changes what people see. */
static gboolean
date_time_equal (GDateTime *a,
                 GDateTime *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return g_date_time_equal (a, b) &&
         g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  return g_strv_equal (a != NULL ? a : no_sectors, b != NULL ? b : no_sectors);
}

/* Stores @value in @field, "" as NULL, and notifies @prop only on a real change. */
static void
set_string (EvtEvent    *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_date_time (EvtEvent   *self,
               GDateTime **field,
               GDateTime  *value,
               guint       prop)
{
  if (date_time_equal (*field, value))
    return;

  if (value != NULL)
    g_date_time_ref (value);
  g_clear_pointer (field, g_date_time_unref);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_all_day (EvtEvent *self,
             gboolean  all_day)
{
  all_day = !!all_day;
  if (self->all_day == all_day)
    return;

  self->all_day = all_day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALL_DAY]);
}

static void
evt_event_finalize (GObject *object)
{
  EvtEvent *self = (EvtEvent *) object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->status_reason, g_free);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->original_start, g_date_time_unref);
  g_clear_pointer (&self->original_end, g_date_time_unref);
  g_clear_pointer (&self->venue, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->organiser, g_free);
  g_clear_pointer (&self->partners, g_free);
  g_clear_pointer (&self->sectors, g_strfreev);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_pointer (&self->series, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->recurrence_id, g_free);

  G_OBJECT_CLASS (evt_event_parent_class)->finalize (object);
}

static void
evt_event_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  EvtEvent *self = EVT_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_ALL_DAY:
      g_value_set_boolean (value, self->all_day);
      break;

    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;

    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;

    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;

    case PROP_ORIGINAL_START:
      g_value_set_boxed (value, self->original_start);
      break;

    case PROP_ORIGINAL_END:
      g_value_set_boxed (value, self->original_end);
      break;

    case PROP_SECTORS:
      g_value_set_boxed (value, evt_event_get_sectors (self));
      break;

    case PROP_BUDGET_CENTS:
      g_value_set_int64 (value, self->budget_cents);
      break;

    case PROP_VISIBILITY:
      g_value_set_enum (value, self->visibility);
      break;

    case PROP_SEQUENCE:
      g_value_set_int (value, self->sequence);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_STATUS_REASON:
      g_value_set_string (value, self->status_reason);
      break;

    case PROP_VENUE:
      g_value_set_string (value, self->venue);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_ORGANISER:
      g_value_set_string (value, self->organiser);
      break;

    case PROP_PARTNERS:
      g_value_set_string (value, self->partners);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_SERIES:
      g_value_set_string (value, self->series);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_RECURRENCE_ID:
      g_value_set_string (value, self->recurrence_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_event_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  EvtEvent *self = EVT_EVENT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      evt_event_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      evt_event_set_status (self, g_value_get_enum (value));
      break;

    case PROP_ALL_DAY:
      set_all_day (self, g_value_get_boolean (value));
      break;

    case PROP_START:
      set_date_time (self, &self->start, g_value_get_boxed (value), PROP_START);
      break;

    case PROP_END:
      set_date_time (self, &self->end, g_value_get_boxed (value), PROP_END);
      break;

    case PROP_TIMEZONE:
      evt_event_set_timezone (self, g_value_get_string (value));
      break;

    case PROP_ORIGINAL_START:
      set_date_time (self, &self->original_start, g_value_get_boxed (value),
                     PROP_ORIGINAL_START);
      break;

    case PROP_ORIGINAL_END:
      set_date_time (self, &self->original_end, g_value_get_boxed (value), PROP_ORIGINAL_END);
      break;

    case PROP_SECTORS:
      evt_event_set_sectors (self, g_value_get_boxed (value));
      break;

    case PROP_BUDGET_CENTS:
      evt_event_set_budget_cents (self, g_value_get_int64 (value));
      break;

    case PROP_VISIBILITY:
      evt_event_set_visibility (self, g_value_get_enum (value));
      break;

    case PROP_UID:
      evt_event_set_uid (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      evt_event_set_title (self, g_value_get_string (value));
      break;

    case PROP_STATUS_REASON:
      evt_event_set_status_reason (self, g_value_get_string (value));
      break;

    case PROP_VENUE:
      evt_event_set_venue (self, g_value_get_string (value));
      break;

    case PROP_CITY:
      evt_event_set_city (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY:
      evt_event_set_country (self, g_value_get_string (value));
      break;

    case PROP_ORGANISER:
      evt_event_set_organiser (self, g_value_get_string (value));
      break;

    case PROP_PARTNERS:
      evt_event_set_partners (self, g_value_get_string (value));
      break;

    case PROP_URL:
      evt_event_set_url (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      evt_event_set_description (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      evt_event_set_notes (self, g_value_get_string (value));
      break;

    case PROP_SERIES:
      evt_event_set_series (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      evt_event_set_source (self, g_value_get_string (value));
      break;

    case PROP_RECURRENCE_ID:
      evt_event_set_recurrence_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_event_class_init (EvtEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = evt_event_finalize;
  object_class->get_property = evt_event_get_property;
  object_class->set_property = evt_event_set_property;

  /* Set by the store (evt-event-private.h): 0 until the event is saved. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, EVT_TYPE_KIND, EVT_KIND_OTHER, rw);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, EVT_TYPE_STATUS, EVT_STATUS_TENTATIVE, rw);

  properties[PROP_ALL_DAY] =
    g_param_spec_boolean ("all-day", NULL, NULL, TRUE, rw);

  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, rw);

  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME, rw);

  properties[PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL, EVT_DEFAULT_TIMEZONE, rw);

  properties[PROP_ORIGINAL_START] =
    g_param_spec_boxed ("original-start", NULL, NULL, G_TYPE_DATE_TIME, rw);

  properties[PROP_ORIGINAL_END] =
    g_param_spec_boxed ("original-end", NULL, NULL, G_TYPE_DATE_TIME, rw);

  properties[PROP_SECTORS] =
    g_param_spec_boxed ("sectors", NULL, NULL, G_TYPE_STRV, rw);

  properties[PROP_BUDGET_CENTS] =
    g_param_spec_int64 ("budget-cents", NULL, NULL, -1, G_MAXINT64, -1, rw);

  properties[PROP_VISIBILITY] =
    g_param_spec_enum ("visibility", NULL, NULL,
                       EVT_TYPE_VISIBILITY, EVT_VISIBILITY_PUBLIC, rw);

  properties[PROP_SEQUENCE] =
    g_param_spec_int ("sequence", NULL, NULL, 0, G_MAXINT, 0, ro);

  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, ro);

  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, ro);

  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, rw);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, rw);

  properties[PROP_STATUS_REASON] =
    g_param_spec_string ("status-reason", NULL, NULL, NULL, rw);

  properties[PROP_VENUE] =
    g_param_spec_string ("venue", NULL, NULL, NULL, rw);

  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL, NULL, rw);

  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL, rw);

  properties[PROP_ORGANISER] =
    g_param_spec_string ("organiser", NULL, NULL, NULL, rw);

  properties[PROP_PARTNERS] =
    g_param_spec_string ("partners", NULL, NULL, NULL, rw);

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, rw);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, rw);

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, rw);

  properties[PROP_SERIES] =
    g_param_spec_string ("series", NULL, NULL, NULL, rw);

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, rw);

  properties[PROP_RECURRENCE_ID] =
    g_param_spec_string ("recurrence-id", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evt_event_init (EvtEvent *self)
{
  self->kind = EVT_KIND_OTHER;
  self->status = EVT_STATUS_TENTATIVE;
  self->visibility = EVT_VISIBILITY_PUBLIC;
  self->timezone = g_strdup (EVT_DEFAULT_TIMEZONE);
  self->all_day = TRUE;
  self->budget_cents = -1;
}

/**
 * evt_event_new:
 *
 * Creates an event that is not saved yet: id 0, kind "other", status tentative,
 * public, all-day, in Europe/Paris, without dates.
 *
 * Returns: (transfer full): a new #EvtEvent
 */
EvtEvent *
evt_event_new (void)
{
  return g_object_new (EVT_TYPE_EVENT, NULL);
}

static GDateTime *
ref_date_time (GDateTime *dt)
{
  return dt != NULL ? g_date_time_ref (dt) : NULL;
}

/**
 * evt_event_copy:
 * @self: an #EvtEvent
 *
 * Copies every field of @self, including the id, uid, sequence, created and
 * modified, so that the copy can be edited and saved in place of @self.
 *
 * Returns: (transfer full): a new #EvtEvent independent of @self
 */
EvtEvent *
evt_event_copy (EvtEvent *self)
{
  EvtEvent *copy;

  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  copy = evt_event_new ();
  copy->id = self->id;
  copy->kind = self->kind;
  copy->status = self->status;
  copy->all_day = self->all_day;
  copy->start = ref_date_time (self->start);
  copy->end = ref_date_time (self->end);
  g_free (copy->timezone);
  copy->timezone = g_strdup (self->timezone);
  copy->original_start = ref_date_time (self->original_start);
  copy->original_end = ref_date_time (self->original_end);
  copy->sectors = g_strdupv (self->sectors);
  copy->budget_cents = self->budget_cents;
  copy->visibility = self->visibility;
  copy->sequence = self->sequence;
  copy->created = ref_date_time (self->created);
  copy->modified = ref_date_time (self->modified);
  copy->uid = g_strdup (self->uid);
  copy->title = g_strdup (self->title);
  copy->status_reason = g_strdup (self->status_reason);
  copy->venue = g_strdup (self->venue);
  copy->city = g_strdup (self->city);
  copy->country = g_strdup (self->country);
  copy->organiser = g_strdup (self->organiser);
  copy->partners = g_strdup (self->partners);
  copy->url = g_strdup (self->url);
  copy->description = g_strdup (self->description);
  copy->notes = g_strdup (self->notes);
  copy->series = g_strdup (self->series);
  copy->source = g_strdup (self->source);
  copy->recurrence_id = g_strdup (self->recurrence_id);

  return copy;
}

/**
 * evt_event_get_id:
 * @self: an #EvtEvent
 *
 * Returns: the row id in the store, 0 if the event was never saved
 */
gint64
evt_event_get_id (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), 0);

  return self->id;
}

/**
 * evt_event_set_id: (skip)
 * @self: an #EvtEvent
 * @id: the row id
 *
 * For the store only.
 */
void
evt_event_set_id (EvtEvent *self,
                  gint64    id)
{
  g_return_if_fail (EVT_IS_EVENT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * evt_event_get_uid:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): the iCalendar UID, stable across exports, or
 *   %NULL if not set
 */
const char *
evt_event_get_uid (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->uid;
}

/**
 * evt_event_set_uid:
 * @self: an #EvtEvent
 * @uid: (nullable): the iCalendar UID, stable across exports; "" is the same as %NULL
 */
void
evt_event_set_uid (EvtEvent   *self,
                   const char *uid)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  set_string (self, &self->uid, uid, PROP_UID);
}

/**
 * evt_event_get_title:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): the title, or %NULL if not set
 */
const char *
evt_event_get_title (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->title;
}

/**
 * evt_event_set_title:
 * @self: an #EvtEvent
 * @title: (nullable): the title; "" is the same as %NULL
 */
void
evt_event_set_title (EvtEvent   *self,
                     const char *title)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  set_string (self, &self->title, title, PROP_TITLE);
}

/**
 * evt_event_get_kind:
 * @self: an #EvtEvent
 *
 * Returns: the kind of event
 */
EvtKind
evt_event_get_kind (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), EVT_KIND_OTHER);

  return self->kind;
}

/**
 * evt_event_set_kind:
 * @self: an #EvtEvent
 * @kind: the kind of event
 */
void
evt_event_set_kind (EvtEvent *self,
                    EvtKind   kind)
{
  g_return_if_fail (EVT_IS_EVENT (self));
  g_return_if_fail ((guint) kind < EVT_N_KINDS);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * evt_event_get_status:
 * @self: an #EvtEvent
 *
 * Returns: the status
 */
EvtStatus
evt_event_get_status (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), EVT_STATUS_TENTATIVE);

  return self->status;
}

/**
 * evt_event_set_status:
 * @self: an #EvtEvent
 * @status: the status
 */
void
evt_event_set_status (EvtEvent  *self,
                      EvtStatus  status)
{
  g_return_if_fail (EVT_IS_EVENT (self));
  g_return_if_fail ((guint) status < EVT_N_STATUSES);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * evt_event_get_status_reason:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): why the status is what it is, e.g. the reason of
 *   a cancellation, or %NULL if not set
 */
const char *
evt_event_get_status_reason (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->status_reason;
}

/**
 * evt_event_set_status_reason:
 * @self: an #EvtEvent
 * @reason: (nullable): why the status is what it is, e.g. the reason of a cancellation;
 *   "" is the same as %NULL
 */
void
evt_event_set_status_reason (EvtEvent   *self,
                             const char *reason)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  set_string (self, &self->status_reason, reason, PROP_STATUS_REASON);
}

/**
 * evt_event_get_all_day:
 * @self: an #EvtEvent
 *
 * Returns: %TRUE if the event takes whole days, %FALSE if it has times
 */
gboolean
evt_event_get_all_day (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), TRUE);

  return self->all_day;
}

/**
 * evt_event_get_start:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): the start (midnight of the first day when
 *   all-day), in the event's zone, or %NULL if not set yet
 */
GDateTime *
evt_event_get_start (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->start;
}

/**
 * evt_event_get_end:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): the end (midnight of the last, inclusive,
 *   day when all-day), in the event's zone, or %NULL if not set yet
 */
GDateTime *
evt_event_get_end (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->end;
}

/**
 * evt_event_set_dates:
 * @self: an #EvtEvent
 * @all_day: whether the event takes whole days
 * @start: (nullable): the start, already in the event's zone
 * @end: (nullable): the end, already in the event's zone
 *
 * Sets the dates, following the convention of evt-event.h (for all-day events,
 * midnight of the first and of the last day). Nothing is converted nor checked
 * here: the store validates.
 */
void
evt_event_set_dates (EvtEvent  *self,
                     gboolean   all_day,
                     GDateTime *start,
                     GDateTime *end)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_all_day (self, all_day);
  set_date_time (self, &self->start, start, PROP_START);
  set_date_time (self, &self->end, end, PROP_END);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * evt_event_get_timezone:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none): the IANA identifier of the event's zone, never %NULL
 */
const char *
evt_event_get_timezone (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), EVT_DEFAULT_TIMEZONE);

  return self->timezone;
}

/**
 * evt_event_set_timezone:
 * @self: an #EvtEvent
 * @tzid: (nullable): an IANA zone identifier; %NULL or "" for Europe/Paris
 *
 * Names the event's zone. The dates are not converted: set them with
 * evt_event_set_dates() in the new zone.
 */
void
evt_event_set_timezone (EvtEvent   *self,
                        const char *tzid)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  if (tzid == NULL || *tzid == '\0')
    tzid = EVT_DEFAULT_TIMEZONE;
  if (g_strcmp0 (self->timezone, tzid) == 0)
    return;

  g_free (self->timezone);
  self->timezone = g_strdup (tzid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEZONE]);
}

/**
 * evt_event_get_original_start:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): the start first planned, when postponed
 */
GDateTime *
evt_event_get_original_start (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->original_start;
}

/**
 * evt_event_get_original_end:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): the end first planned, when postponed
 */
GDateTime *
evt_event_get_original_end (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->original_end;
}

/**
 * evt_event_set_original_dates:
 * @self: an #EvtEvent
 * @start: (nullable): the start first planned
 * @end: (nullable): the end first planned
 *
 * Keeps the dates a postponed event was first planned on, with the same
 * convention as evt_event_set_dates(); %NULL when never postponed.
 */
void
evt_event_set_original_dates (EvtEvent  *self,
                              GDateTime *start,
                              GDateTime *end)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_date_time (self, &self->original_start, start, PROP_ORIGINAL_START);
  set_date_time (self, &self->original_end, end, PROP_ORIGINAL_END);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * evt_event_get_venue:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): the venue, e.g. the exhibition centre, or %NULL
 *   if not set
 */
const char *
evt_event_get_venue (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->venue;
}

/**
 * evt_event_set_venue:
 * @self: an #EvtEvent
 * @venue: (nullable): the venue, e.g. the exhibition centre; "" is the same as %NULL
 */
void
evt_event_set_venue (EvtEvent   *self,
                     const char *venue)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  set_string (self, &self->venue, venue, PROP_VENUE);
}

/**
 * evt_event_get_city:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): the city, or %NULL if not set
 */
const char *
evt_event_get_city (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->city;
}

/**
 * evt_event_set_city:
 * @self: an #EvtEvent
 * @city: (nullable): the city; "" is the same as %NULL
 */
void
evt_event_set_city (EvtEvent   *self,
                    const char *city)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  set_string (self, &self->city, city, PROP_CITY);
}

/**
 * evt_event_get_country:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): the country, or %NULL if not set
 */
const char *
evt_event_get_country (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->country;
}

/**
 * evt_event_set_country:
 * @self: an #EvtEvent
 * @country: (nullable): the country; "" is the same as %NULL
 */
void
evt_event_set_country (EvtEvent   *self,
                       const char *country)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  set_string (self, &self->country, country, PROP_COUNTRY);
}

/**
 * evt_event_get_organiser:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): who organises the event, or %NULL if not set
 */
const char *
evt_event_get_organiser (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->organiser;
}

/**
 * evt_event_set_organiser:
 * @self: an #EvtEvent
 * @organiser: (nullable): who organises the event; "" is the same as %NULL
 */
void
evt_event_set_organiser (EvtEvent   *self,
                         const char *organiser)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  set_string (self, &self->organiser, organiser, PROP_ORGANISER);
}

/**
 * evt_event_get_partners:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): the partners and co-organisers, as free text, or
 *   %NULL if not set
 */
const char *
evt_event_get_partners (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->partners;
}

/**
 * evt_event_set_partners:
 * @self: an #EvtEvent
 * @partners: (nullable): the partners and co-organisers, as free text; "" is the same
 *   as %NULL
 */
void
evt_event_set_partners (EvtEvent   *self,
                        const char *partners)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  set_string (self, &self->partners, partners, PROP_PARTNERS);
}

/**
 * evt_event_get_sectors:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (array zero-terminated=1): the sector slugs, an empty
 *   array when none
 */
const char * const *
evt_event_get_sectors (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), no_sectors);

  return self->sectors != NULL ? (const char * const *) self->sectors : no_sectors;
}

/**
 * evt_event_set_sectors:
 * @self: an #EvtEvent
 * @sectors: (nullable) (array zero-terminated=1): sector slugs
 *
 * Sets the sectors, in the given order, leaving out empty and repeated slugs.
 */
void
evt_event_set_sectors (EvtEvent           *self,
                       const char * const *sectors)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) kept = NULL;
  g_autoptr(GPtrArray) seen = NULL;

  g_return_if_fail (EVT_IS_EVENT (self));

  builder = g_strv_builder_new ();
  seen = g_ptr_array_new ();
  for (guint i = 0; sectors != NULL && sectors[i] != NULL; i++)
    {
      if (*sectors[i] == '\0' ||
          g_ptr_array_find_with_equal_func (seen, sectors[i], g_str_equal, NULL))
        continue;

      g_ptr_array_add (seen, (gpointer) sectors[i]);
      g_strv_builder_add (builder, sectors[i]);
    }

  kept = g_strv_builder_end (builder);
  if (kept[0] == NULL)
    g_clear_pointer (&kept, g_strfreev);

  if (strv_equal ((const char * const *) self->sectors, (const char * const *) kept))
    return;

  g_strfreev (self->sectors);
  self->sectors = g_steal_pointer (&kept);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTORS]);
}

/**
 * evt_event_has_sector:
 * @self: an #EvtEvent
 * @slug: a sector slug
 *
 * Returns: %TRUE if @self belongs to the sector @slug
 */
gboolean
evt_event_has_sector (EvtEvent   *self,
                      const char *slug)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), FALSE);

  if (slug == NULL || self->sectors == NULL)
    return FALSE;

  return g_strv_contains ((const char * const *) self->sectors, slug);
}

/**
 * evt_event_get_url:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): the web page of the event, or %NULL if not set
 */
const char *
evt_event_get_url (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->url;
}

/**
 * evt_event_set_url:
 * @self: an #EvtEvent
 * @url: (nullable): the web page of the event; "" is the same as %NULL
 */
void
evt_event_set_url (EvtEvent   *self,
                   const char *url)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  set_string (self, &self->url, url, PROP_URL);
}

/**
 * evt_event_get_description:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): the public description, or %NULL if not set
 */
const char *
evt_event_get_description (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->description;
}

/**
 * evt_event_set_description:
 * @self: an #EvtEvent
 * @description: (nullable): the public description; "" is the same as %NULL
 */
void
evt_event_set_description (EvtEvent   *self,
                           const char *description)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  set_string (self, &self->description, description, PROP_DESCRIPTION);
}

/**
 * evt_event_get_notes:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): the internal notes, never published, or %NULL if
 *   not set
 */
const char *
evt_event_get_notes (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->notes;
}

/**
 * evt_event_set_notes:
 * @self: an #EvtEvent
 * @notes: (nullable): the internal notes, never published; "" is the same as %NULL
 */
void
evt_event_set_notes (EvtEvent   *self,
                     const char *notes)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  set_string (self, &self->notes, notes, PROP_NOTES);
}

/**
 * evt_event_get_budget_cents:
 * @self: an #EvtEvent
 *
 * Returns: the planned budget in euro cents, -1 when not set
 */
gint64
evt_event_get_budget_cents (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), -1);

  return self->budget_cents;
}

/**
 * evt_event_set_budget_cents:
 * @self: an #EvtEvent
 * @cents: the planned budget in euro cents, -1 for none
 */
void
evt_event_set_budget_cents (EvtEvent *self,
                            gint64    cents)
{
  g_return_if_fail (EVT_IS_EVENT (self));
  g_return_if_fail (cents >= -1);

  if (self->budget_cents == cents)
    return;

  self->budget_cents = cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET_CENTS]);
}

/**
 * evt_event_get_visibility:
 * @self: an #EvtEvent
 *
 * Returns: whether the event may appear in public feeds
 */
EvtVisibility
evt_event_get_visibility (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), EVT_VISIBILITY_PUBLIC);

  return self->visibility;
}

/**
 * evt_event_set_visibility:
 * @self: an #EvtEvent
 * @visibility: whether the event may appear in public feeds
 */
void
evt_event_set_visibility (EvtEvent      *self,
                          EvtVisibility  visibility)
{
  g_return_if_fail (EVT_IS_EVENT (self));
  g_return_if_fail (visibility == EVT_VISIBILITY_PUBLIC ||
                    visibility == EVT_VISIBILITY_INTERNAL);

  if (self->visibility == visibility)
    return;

  self->visibility = visibility;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBILITY]);
}

/**
 * evt_event_get_sequence:
 * @self: an #EvtEvent
 *
 * Returns: the iCalendar SEQUENCE, bumped by the store on each published change
 */
int
evt_event_get_sequence (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), 0);

  return self->sequence;
}

/**
 * evt_event_set_sequence: (skip)
 * @self: an #EvtEvent
 * @sequence: the iCalendar SEQUENCE
 *
 * For the store only.
 */
void
evt_event_set_sequence (EvtEvent *self,
                        int       sequence)
{
  g_return_if_fail (EVT_IS_EVENT (self));
  g_return_if_fail (sequence >= 0);

  if (self->sequence == sequence)
    return;

  self->sequence = sequence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEQUENCE]);
}

/**
 * evt_event_get_created:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): when the event was first saved
 */
GDateTime *
evt_event_get_created (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->created;
}

/**
 * evt_event_set_created: (skip)
 * @self: an #EvtEvent
 * @created: (nullable): when the event was first saved
 *
 * For the store only.
 */
void
evt_event_set_created (EvtEvent  *self,
                       GDateTime *created)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  set_date_time (self, &self->created, created, PROP_CREATED);
}

/**
 * evt_event_get_modified:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): when the event was last saved
 */
GDateTime *
evt_event_get_modified (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->modified;
}

/**
 * evt_event_set_modified: (skip)
 * @self: an #EvtEvent
 * @modified: (nullable): when the event was last saved
 *
 * For the store only.
 */
void
evt_event_set_modified (EvtEvent  *self,
                        GDateTime *modified)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  set_date_time (self, &self->modified, modified, PROP_MODIFIED);
}

/**
 * evt_event_get_series:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): the key shared by the editions of one recurring
 *   show, or %NULL if not set
 */
const char *
evt_event_get_series (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->series;
}

/**
 * evt_event_set_series:
 * @self: an #EvtEvent
 * @series: (nullable): the key shared by the editions of one recurring show; "" is the
 *   same as %NULL
 */
void
evt_event_set_series (EvtEvent   *self,
                      const char *series)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  set_string (self, &self->series, series, PROP_SERIES);
}

/**
 * evt_event_get_source:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): where the event came from: NULL when typed in
 *   Eventail, "sample", or an imported file name, or %NULL if not set
 */
const char *
evt_event_get_source (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->source;
}

/**
 * evt_event_set_source:
 * @self: an #EvtEvent
 * @source: (nullable): where the event came from: NULL when typed in Eventail,
 *   "sample", or an imported file name; "" is the same as %NULL
 */
void
evt_event_set_source (EvtEvent   *self,
                      const char *source)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  set_string (self, &self->source, source, PROP_SOURCE);
}

/**
 * evt_event_get_recurrence_id:
 * @self: an #EvtEvent
 *
 * Returns: (transfer none) (nullable): the iCalendar RECURRENCE-ID of an occurrence, as
 *   ISO 8601 text, or %NULL if not set
 */
const char *
evt_event_get_recurrence_id (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return self->recurrence_id;
}

/**
 * evt_event_set_recurrence_id:
 * @self: an #EvtEvent
 * @recurrence_id: (nullable): the iCalendar RECURRENCE-ID of an occurrence, as ISO 8601
 *   text; "" is the same as %NULL
 */
void
evt_event_set_recurrence_id (EvtEvent   *self,
                             const char *recurrence_id)
{
  g_return_if_fail (EVT_IS_EVENT (self));

  set_string (self, &self->recurrence_id, recurrence_id, PROP_RECURRENCE_ID);
}

/**
 * evt_event_is_date_tba:
 * @self: an #EvtEvent
 *
 * Returns: %TRUE if the event is postponed and its new date is not known yet,
 *   that is, it still starts on its original start
 */
gboolean
evt_event_is_date_tba (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), FALSE);

  return self->status == EVT_STATUS_POSTPONED &&
         self->original_start != NULL &&
         self->start != NULL &&
         g_date_time_equal (self->original_start, self->start);
}

/**
 * evt_event_overlaps_day:
 * @self: an #EvtEvent
 * @day: a valid day
 *
 * Tells whether the event takes place, even partly, on @day, counted in the
 * event's zone. A timed event ending at midnight does not reach the next day.
 *
 * Returns: %TRUE if @day is one of the event's days
 */
gboolean
evt_event_overlaps_day (EvtEvent    *self,
                        const GDate *day)
{
  GDate first;
  GDate last;

  g_return_val_if_fail (EVT_IS_EVENT (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (self->start == NULL || !g_date_valid (day))
    return FALSE;

  evt_date_to_gdate (self->start, &first);

  if (self->end == NULL)
    {
      last = first;
    }
  else if (!self->all_day && g_date_time_compare (self->end, self->start) > 0)
    {
      /* The end instant is exclusive. */
      g_autoptr(GDateTime) last_instant = g_date_time_add (self->end, -1);

      evt_date_to_gdate (last_instant, &last);
    }
  else
    {
      evt_date_to_gdate (self->end, &last);
    }

  if (g_date_compare (&last, &first) < 0)
    last = first;

  return g_date_compare (day, &first) >= 0 && g_date_compare (day, &last) <= 0;
}

/**
 * evt_event_format_range_iso:
 * @self: an #EvtEvent
 *
 * Returns: (transfer full) (nullable): the dates as evt_date_range_parse() reads
 *   them, e.g. "2021-10-05..2021-10-08", or %NULL when not set
 */
char *
evt_event_format_range_iso (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return evt_date_range_format_iso (self->start, self->end, self->all_day);
}

/**
 * evt_event_format_original_range_iso:
 * @self: an #EvtEvent
 *
 * Returns: (transfer full) (nullable): the dates first planned, as
 *   evt_event_format_range_iso(), or %NULL when the event was never postponed
 */
char *
evt_event_format_original_range_iso (EvtEvent *self)
{
  g_return_val_if_fail (EVT_IS_EVENT (self), NULL);

  return evt_date_range_format_iso (self->original_start, self->original_end, self->all_day);
}

/**
 * evt_event_publish_equal:
 * @a: an #EvtEvent
 * @b: an #EvtEvent
 *
 * Compares what an iCalendar feed publishes of @a and @b: uid, title, kind,
 * status and its reason, dates, zone, original dates, place, organiser, partners,
 * sectors, url, description, visibility and recurrence id. Notes, budget, source,
 * series, id, sequence, created and modified do not count. The store bumps the
 * SEQUENCE of an event only when this returns %FALSE.
 *
 * Returns: %TRUE if a feed would publish @a and @b alike
 */
gboolean
evt_event_publish_equal (EvtEvent *a,
                         EvtEvent *b)
{
  g_return_val_if_fail (EVT_IS_EVENT (a), FALSE);
  g_return_val_if_fail (EVT_IS_EVENT (b), FALSE);

  if (a == b)
    return TRUE;

  return g_strcmp0 (a->uid, b->uid) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         a->kind == b->kind &&
         a->status == b->status &&
         g_strcmp0 (a->status_reason, b->status_reason) == 0 &&
         a->all_day == b->all_day &&
         date_time_equal (a->start, b->start) &&
         date_time_equal (a->end, b->end) &&
         g_strcmp0 (a->timezone, b->timezone) == 0 &&
         date_time_equal (a->original_start, b->original_start) &&
         date_time_equal (a->original_end, b->original_end) &&
         g_strcmp0 (a->venue, b->venue) == 0 &&
         g_strcmp0 (a->city, b->city) == 0 &&
         g_strcmp0 (a->country, b->country) == 0 &&
         g_strcmp0 (a->organiser, b->organiser) == 0 &&
         g_strcmp0 (a->partners, b->partners) == 0 &&
         strv_equal ((const char * const *) a->sectors, (const char * const *) b->sectors) &&
         g_strcmp0 (a->url, b->url) == 0 &&
         g_strcmp0 (a->description, b->description) == 0 &&
         a->visibility == b->visibility &&
         g_strcmp0 (a->recurrence_id, b->recurrence_id) == 0;
}
