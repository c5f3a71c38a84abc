/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-event-list.c: a GListModel of the events matching a query, kept current. */
#include "config.h"

#include "evt-event-list.h"

struct _EvtEventList
{
  GObject       parent_instance;

  EvtStore     *store;
  EvtQuery     *query;
  GPtrArray    *items;
  GCancellable *cancellable;
  char         *error;
  gulong        changed_id;
  guint         loading : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EvtEventList, evt_event_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  PROP_ERROR,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return EVT_TYPE_EVENT;
}

static guint
get_n_items (GListModel *model)
{
  return EVT_EVENT_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  EvtEventList *self = EVT_EVENT_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
set_loading (EvtEventList *self,
             gboolean      loading)
{
  if (self->loading == !!loading)
    return;
  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_error (EvtEventList *self,
           const char   *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
query_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(EvtEventList) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  guint removed;

  events = evt_store_query_finish (EVT_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (events == NULL)
    {
      set_error (self, error->message);
      set_loading (self, FALSE);
      return;
    }

  removed = self->items->len;
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&events);
  set_error (self, NULL);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
  if (removed != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  set_loading (self, FALSE);
}

/**
 * evt_event_list_reload:
 * @self: a list
 *
 * Queries the store again in a worker thread; a reload still running is
 * cancelled.
 */
void
evt_event_list_reload (EvtEventList *self)
{
  g_return_if_fail (EVT_IS_EVENT_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_loading (self, TRUE);
  evt_store_query_async (self->store, self->query, self->cancellable, query_done,
                         g_object_ref (self));
}

static void
on_store_changed (EvtEventList *self)
{
  evt_event_list_reload (self);
}

static void
evt_event_list_dispose (GObject *object)
{
  EvtEventList *self = (EvtEventList *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_signal_handler (&self->changed_id, self->store);

  G_OBJECT_CLASS (evt_event_list_parent_class)->dispose (object);
}

static void
evt_event_list_finalize (GObject *object)
{
  EvtEventList *self = (EvtEventList *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->query, evt_query_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (evt_event_list_parent_class)->finalize (object);
}

static void
evt_event_list_constructed (GObject *object)
{
  EvtEventList *self = (EvtEventList *)object;

  G_OBJECT_CLASS (evt_event_list_parent_class)->constructed (object);

  g_return_if_fail (EVT_IS_STORE (self->store));

  self->changed_id = g_signal_connect_swapped (self->store, "changed",
                                               G_CALLBACK (on_store_changed), self);
}

static void
evt_event_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EvtEventList *self = EVT_EVENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_event_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EvtEventList *self = EVT_EVENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_event_list_class_init (EvtEventListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = evt_event_list_constructed;
  object_class->dispose = evt_event_list_dispose;
  object_class->finalize = evt_event_list_finalize;
  object_class->get_property = evt_event_list_get_property;
  object_class->set_property = evt_event_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         EVT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evt_event_list_init (EvtEventList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->query = evt_query_new ();
}

/**
 * evt_event_list_new:
 * @store: an open store
 *
 * Creates an empty list; set a query (or call evt_event_list_reload()) to fill it.
 *
 * Returns: (transfer full): a new list
 */
EvtEventList *
evt_event_list_new (EvtStore *store)
{
  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  return g_object_new (EVT_TYPE_EVENT_LIST, "store", store, NULL);
}

/**
 * evt_event_list_get_store:
 * @self: a list
 *
 * Returns: (transfer none): the store
 */
EvtStore *
evt_event_list_get_store (EvtEventList *self)
{
  g_return_val_if_fail (EVT_IS_EVENT_LIST (self), NULL);

  return self->store;
}

/**
 * evt_event_list_get_query:
 * @self: a list
 *
 * Returns: (transfer none): the query the items match
 */
const EvtQuery *
evt_event_list_get_query (EvtEventList *self)
{
  g_return_val_if_fail (EVT_IS_EVENT_LIST (self), NULL);

  return self->query;
}

/**
 * evt_event_list_set_query:
 * @self: a list
 * @query: what the items must match (copied)
 *
 * Sets the query and reloads the items in a worker thread.
 */
void
evt_event_list_set_query (EvtEventList   *self,
                          const EvtQuery *query)
{
  g_return_if_fail (EVT_IS_EVENT_LIST (self));
  g_return_if_fail (query != NULL);

  g_clear_pointer (&self->query, evt_query_free);
  self->query = evt_query_copy (query);
  evt_event_list_reload (self);
}

/**
 * evt_event_list_get_loading:
 * @self: a list
 *
 * Returns: %TRUE while a query runs
 */
gboolean
evt_event_list_get_loading (EvtEventList *self)
{
  g_return_val_if_fail (EVT_IS_EVENT_LIST (self), FALSE);

  return self->loading;
}

/**
 * evt_event_list_get_error:
 * @self: a list
 *
 * Returns: (nullable): why the last load failed, or %NULL
 */
const char *
evt_event_list_get_error (EvtEventList *self)
{
  g_return_val_if_fail (EVT_IS_EVENT_LIST (self), NULL);

  return self->error;
}
