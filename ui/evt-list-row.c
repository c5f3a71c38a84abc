/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-list-row.c: a row of the List view, which outlives reloads: see evt-list-row-model.c. */
#include "config.h"

#include "evt-list-row.h"

struct _EvtListRow
{
  GObject   parent_instance;

  EvtEvent *event;        /* with the list's fields only, see evt_event_list_new_compact() */
  gint64    id;
  guint64   fingerprint;
  guint     position;
};

G_DEFINE_FINAL_TYPE (EvtListRow, evt_list_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_EVENT,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
evt_list_row_finalize (GObject *object)
{
  g_clear_object (&EVT_LIST_ROW (object)->event);

  G_OBJECT_CLASS (evt_list_row_parent_class)->finalize (object);
}

static void
evt_list_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case ROW_PROP_EVENT:
      g_value_set_object (value, EVT_LIST_ROW (object)->event);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_list_row_class_init (EvtListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = evt_list_row_finalize;
  object_class->get_property = evt_list_row_get_property;

  row_properties[ROW_PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL,
                         EVT_TYPE_EVENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
evt_list_row_init (EvtListRow *self)
{
}

/**
 * evt_list_row_new:
 * @position: where the row is in its model
 * @id: the event's id
 * @fingerprint: of the event's list fields, from evt_event_list_get_fingerprint()
 * @event: (transfer full): the event, with the list's fields
 *
 * Returns: (transfer full): a row
 */
EvtListRow *
evt_list_row_new (guint     position,
                  gint64    id,
                  guint64   fingerprint,
                  EvtEvent *event)
{
  EvtListRow *self = g_object_new (EVT_TYPE_LIST_ROW, NULL);

  self->position = position;
  self->id = id;
  self->fingerprint = fingerprint;
  self->event = event;
  return self;
}

/**
 * evt_list_row_update:
 * @self: a row
 * @id: the id of the event the row shows now
 * @fingerprint: its fingerprint
 * @event: the event
 *
 * Makes the row show another event, or a newer version of it; notifies "event".
 */
void
evt_list_row_update (EvtListRow *self,
                     gint64      id,
                     guint64     fingerprint,
                     EvtEvent   *event)
{
  self->id = id;
  self->fingerprint = fingerprint;
  if (g_set_object (&self->event, event))
    g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_EVENT]);
}

EvtEvent *
evt_list_row_get_event (EvtListRow *self)
{
  return self->event;
}

gint64
evt_list_row_get_id (EvtListRow *self)
{
  return self->id;
}

guint64
evt_list_row_get_fingerprint (EvtListRow *self)
{
  return self->fingerprint;
}

guint
evt_list_row_get_position (EvtListRow *self)
{
  return self->position;
}
