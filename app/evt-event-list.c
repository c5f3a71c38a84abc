/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-event-list.c: a GListModel of the events matching a query, kept current. */
#include "config.h"

#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "evt-event-list.h"

/*
 * A compact list (evt_event_list_new_compact()) keeps the store's compact answer,
 * EvtEventRows, and makes the EvtEvent of a position when it is asked for: a list
 * widget asks for the rows it shows, and keeps them. The rest of this comment is
 * about a full list.
 *
 * What one load answered: the events, and for each event id its position and a
 * fingerprint of every field, worked out in the worker thread that made the
 * objects. The next load gives an event whose fingerprint did not change the same
 * object: list widgets then keep their rows (GTK 4.8 rebuilds the row of every item
 * it is given anew), and a reload after one edit changes one item, not all of them.
 * A snapshot is never changed once made, so a worker thread can read it while
 * the list shows it.
 */
typedef struct
{
  GPtrArray    *items;     /* EvtEvent; NULL in a compact list */
  GHashTable   *by_id;     /* gint64 id → Entry */
  GArray       *entries;   /* Entry, owns what by_id points to */
  EvtEventRows *rows;      /* a compact list's answer, else NULL */
  /* How a compact answer differs from the one shown when its load started, worked
   * out in the worker thread: the items before @prefix and after the last @suffix
   * are the same events, unchanged. @base is only compared, never dereferenced. */
  gconstpointer base;
  guint         prefix;
  guint         suffix;
} Snapshot;

typedef struct
{
  gint64  id;
  guint   position;
  guint64 fingerprint;
} Entry;

struct _EvtEventList
{
  GObject       parent_instance;

  EvtStore     *store;
  EvtQuery     *query;
  Snapshot     *snapshot;
  GCancellable *cancellable;
  char         *error;
  gulong        changed_id;
  guint         loading : 1;
  guint         compact : 1;
  guint         asked : 1;    /* a load was started: the items follow the query */
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
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return EVT_TYPE_EVENT;
}

static void
snapshot_clear (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->items, g_ptr_array_unref);
  g_clear_pointer (&snapshot->by_id, g_hash_table_unref);
  g_clear_pointer (&snapshot->entries, g_array_unref);
  g_clear_pointer (&snapshot->rows, evt_event_rows_unref);
}

/* Reference counted: a load still running in a worker thread reads the snapshot
 * that was shown when it started, which a newer load may have replaced. */
static void
snapshot_unref (Snapshot *snapshot)
{
  g_atomic_rc_box_release_full (snapshot, (GDestroyNotify) snapshot_clear);
}

static Snapshot *
snapshot_new_compact (EvtEventRows *rows)
{
  Snapshot *snapshot = g_atomic_rc_box_new0 (Snapshot);

  snapshot->rows = rows;
  return snapshot;
}

static guint
snapshot_get_n_items (Snapshot *snapshot)
{
  if (snapshot->rows != NULL)
    return evt_event_rows_get_n_rows (snapshot->rows);
  return snapshot->items->len;
}

static Snapshot *
snapshot_new (GPtrArray *items)
{
  Snapshot *snapshot = g_atomic_rc_box_new0 (Snapshot);

  snapshot->items = items;
  snapshot->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), items->len);
  snapshot->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  return snapshot;
}

/* Below this many events, an answer is not worth giving its memory back for. */
#define TRIM_MIN_ITEMS 10000

static void
release_snapshot (gpointer data,
                  gpointer user_data)
{
  gboolean large = snapshot_get_n_items (data) >= TRIM_MIN_ITEMS;

  snapshot_unref (data);
#ifdef HAVE_MALLOC_TRIM
  /* An answer is built in a worker thread, so in glibc's arena of that thread, and
   * freed here: glibc keeps what is freed for the arena's next use, and a few sorts
   * and searches of a hundred thousand events would hold tens of MB more each time. */
  if (large)
    malloc_trim (0);
#else
  (void) large;
#endif
}

/* The events that leave the list are finalized in a worker thread: freeing a
 * hundred thousand of them would hold the UI thread for a tenth of a second or more. */
static void
snapshot_unref_in_thread (Snapshot *snapshot)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (release_snapshot, NULL, 1, FALSE, NULL));
  g_thread_pool_push (pool, snapshot, NULL);
}

static guint64
hash_bytes (guint64     hash,
            const void *data,
            gsize       len)
{
  const guchar *p = data;

  /* FNV-1a, 64 bits */
  for (gsize i = 0; i < len; i++)
    {
      hash ^= p[i];
      hash *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return hash;
}

static guint64
hash_string (guint64     hash,
             const char *str)
{
  /* NULL and "" differ; the terminator separates one field from the next. */
  if (str == NULL)
    return hash_bytes (hash, "\xff", 1);
  return hash_bytes (hash, str, strlen (str) + 1);
}

static guint64
hash_int (guint64 hash,
          gint64  value)
{
  return hash_bytes (hash, &value, sizeof value);
}

static guint64
hash_date_time (guint64    hash,
                GDateTime *dt)
{
  if (dt == NULL)
    return hash_int (hash, G_MININT64);
  hash = hash_int (hash, g_date_time_to_unix (dt));
  hash = hash_int (hash, g_date_time_get_microsecond (dt));
  return hash_int (hash, g_date_time_get_utc_offset (dt));
}

/* Every field, so that any change gives another object. */
static guint64
fingerprint (EvtEvent *event)
{
  const char * const *sectors = evt_event_get_sectors (event);
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  hash = hash_int (hash, evt_event_get_id (event));
  hash = hash_string (hash, evt_event_get_uid (event));
  hash = hash_string (hash, evt_event_get_title (event));
  hash = hash_int (hash, evt_event_get_kind (event));
  hash = hash_int (hash, evt_event_get_status (event));
  hash = hash_string (hash, evt_event_get_status_reason (event));
  hash = hash_int (hash, evt_event_get_all_day (event));
  hash = hash_date_time (hash, evt_event_get_start (event));
  hash = hash_date_time (hash, evt_event_get_end (event));
  hash = hash_string (hash, evt_event_get_timezone (event));
  hash = hash_date_time (hash, evt_event_get_original_start (event));
  hash = hash_date_time (hash, evt_event_get_original_end (event));
  hash = hash_string (hash, evt_event_get_venue (event));
  hash = hash_string (hash, evt_event_get_city (event));
  hash = hash_string (hash, evt_event_get_country (event));
  hash = hash_string (hash, evt_event_get_organiser (event));
  hash = hash_string (hash, evt_event_get_partners (event));
  for (guint i = 0; sectors != NULL && sectors[i] != NULL; i++)
    hash = hash_string (hash, sectors[i]);
  hash = hash_string (hash, NULL);
  hash = hash_string (hash, evt_event_get_url (event));
  hash = hash_string (hash, evt_event_get_description (event));
  hash = hash_string (hash, evt_event_get_notes (event));
  hash = hash_int (hash, evt_event_get_budget_cents (event));
  hash = hash_int (hash, evt_event_get_visibility (event));
  hash = hash_int (hash, evt_event_get_sequence (event));
  hash = hash_date_time (hash, evt_event_get_created (event));
  hash = hash_date_time (hash, evt_event_get_modified (event));
  hash = hash_string (hash, evt_event_get_series (event));
  hash = hash_string (hash, evt_event_get_source (event));
  hash = hash_string (hash, evt_event_get_recurrence_id (event));

  return hash;
}

typedef struct
{
  EvtStore *store;
  EvtQuery *query;
  Snapshot *previous;   /* shown when the load started, read only */
  gboolean  compact;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->query, evt_query_free);
  g_clear_pointer (&data->previous, snapshot_unref);
  g_free (data);
}

static gboolean same_item (Snapshot *a,
                           guint     i,
                           Snapshot *b,
                           guint     j);

/* The unchanged items at both ends of @old and @new. */
static void
diff_snapshots (Snapshot *old,
                Snapshot *new,
                guint    *prefix,
                guint    *suffix)
{
  guint old_len = snapshot_get_n_items (old);
  guint new_len = snapshot_get_n_items (new);
  guint p, q;

  for (p = 0; p < MIN (old_len, new_len); p++)
    if (!same_item (old, p, new, p))
      break;
  for (q = 0; q < MIN (old_len, new_len) - p; q++)
    if (!same_item (old, old_len - 1 - q, new, new_len - 1 - q))
      break;
  *prefix = p;
  *suffix = q;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  GPtrArray *events;
  Snapshot *snapshot;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (data->compact)
    {
      EvtEventRows *rows = evt_store_query_rows (data->store, data->query, cancellable, &error);

      if (rows == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      /* A hundred thousand comparisons are done here, not in the UI thread. */
      snapshot = snapshot_new_compact (rows);
      diff_snapshots (data->previous, snapshot, &snapshot->prefix, &snapshot->suffix);
      snapshot->base = data->previous;
      g_clear_pointer (&data->previous, snapshot_unref);
      g_task_return_pointer (task, snapshot, (GDestroyNotify) snapshot_unref);
      return;
    }

  events = evt_store_query_cancellable (data->store, data->query, cancellable, &error);
  if (events == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  snapshot = snapshot_new (events);
  g_array_set_size (snapshot->entries, events->len);
  for (guint i = 0; i < events->len; i++)
    {
      EvtEvent *event = g_ptr_array_index (events, i);
      Entry *entry = &g_array_index (snapshot->entries, Entry, i);
      Entry *old;

      entry->id = evt_event_get_id (event);
      entry->position = i;
      entry->fingerprint = fingerprint (event);
      g_hash_table_insert (snapshot->by_id, &entry->id, entry);

      old = g_hash_table_lookup (data->previous->by_id, &entry->id);
      if (old != NULL && old->fingerprint == entry->fingerprint)
        {
          /* Only the pointer of the old object is used: another thread may hold it. */
          events->pdata[i] = g_object_ref (g_ptr_array_index (data->previous->items,
                                                              old->position));
          g_object_unref (event);
        }
    }

  /* What this thread made or held is freed here, never in the UI thread: the
   * previous snapshot may be the last reference to a hundred thousand events, and
   * an answer nobody waits for any more would be freed with the task. */
  g_clear_pointer (&data->previous, snapshot_unref);
  if (g_cancellable_is_cancelled (cancellable))
    {
      snapshot_unref (snapshot);
      g_task_return_error_if_cancelled (task);
      return;
    }

  g_task_return_pointer (task, snapshot, (GDestroyNotify) snapshot_unref);
}

static guint
get_n_items (GListModel *model)
{
  return snapshot_get_n_items (EVT_EVENT_LIST (model)->snapshot);
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  EvtEventList *self = EVT_EVENT_LIST (model);

  if (position >= snapshot_get_n_items (self->snapshot))
    return NULL;
  if (self->snapshot->rows != NULL)
    return evt_event_rows_make_event (self->snapshot->rows, position);
  return g_object_ref (g_ptr_array_index (self->snapshot->items, position));
}

/* Whether the item at @i of @a and the one at @j of @b are the same event, unchanged. */
static gboolean
same_item (Snapshot *a,
           guint     i,
           Snapshot *b,
           guint     j)
{
  if (a->rows != NULL && b->rows != NULL)
    return evt_event_rows_get_id (a->rows, i) == evt_event_rows_get_id (b->rows, j) &&
           evt_event_rows_get_fingerprint (a->rows, i) ==
           evt_event_rows_get_fingerprint (b->rows, j);
  if (a->items != NULL && b->items != NULL)
    return a->items->pdata[i] == b->items->pdata[j];
  return FALSE;
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
  EvtEventList *self = EVT_EVENT_LIST (object);
  g_autoptr(GError) error = NULL;
  Snapshot *snapshot;
  Snapshot *old;
  guint old_len, new_len, prefix, suffix;

  snapshot = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (snapshot == NULL)
    {
      set_error (self, error->message);
      set_loading (self, FALSE);
      return;
    }

  old = self->snapshot;
  self->snapshot = snapshot;
  set_error (self, NULL);

  /* Only the range that changed, unchanged events being the same objects. A reload
   * that changed nothing still says so, with an empty change. */
  old_len = snapshot_get_n_items (old);
  new_len = snapshot_get_n_items (snapshot);
  /* The load that answers started from the answer shown (a newer load cancels it). */
  if (snapshot->base == old)
    {
      prefix = snapshot->prefix;
      suffix = snapshot->suffix;
    }
  else
    diff_snapshots (old, snapshot, &prefix, &suffix);
  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_len - prefix - suffix, new_len - prefix - suffix);

  snapshot_unref_in_thread (old);

  if (old_len != new_len)
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
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (EVT_IS_EVENT_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_loading (self, TRUE);
  self->asked = TRUE;

  data = g_new0 (LoadData, 1);
  data->store = g_object_ref (self->store);
  data->query = evt_query_copy (self->query);
  data->previous = g_atomic_rc_box_acquire (self->snapshot);
  data->compact = self->compact;

  /* The task holds the list, which is freed when the query returns. */
  task = g_task_new (self, self->cancellable, query_done, NULL);
  g_task_set_source_tag (task, evt_event_list_reload);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
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
  g_clear_pointer (&self->snapshot, snapshot_unref);
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
      g_value_set_uint (value, snapshot_get_n_items (self->snapshot));
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
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

    case PROP_COMPACT:
      self->compact = g_value_get_boolean (value);
      if (self->compact)
        {
          g_clear_pointer (&self->snapshot, snapshot_unref);
          self->snapshot = snapshot_new_compact (evt_event_rows_new ());
        }
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

  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evt_event_list_init (EvtEventList *self)
{
  self->snapshot = snapshot_new (g_ptr_array_new_with_free_func (g_object_unref));
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
 * evt_event_list_new_compact:
 * @store: an open store
 *
 * Creates an empty compact list, for many events: it keeps the store's compact
 * answer (#EvtEventRows) and makes each item when asked for, with the fields a list
 * shows only (see evt_event_rows_make_event()), a new object each time.
 *
 * Returns: (transfer full): a new list
 */
EvtEventList *
evt_event_list_new_compact (EvtStore *store)
{
  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  return g_object_new (EVT_TYPE_EVENT_LIST, "store", store, "compact", TRUE, NULL);
}

/**
 * evt_event_list_get_compact:
 * @self: a list
 *
 * Returns: whether @self is a compact list
 */
gboolean
evt_event_list_get_compact (EvtEventList *self)
{
  g_return_val_if_fail (EVT_IS_EVENT_LIST (self), FALSE);

  return self->compact;
}

/**
 * evt_event_list_get_id:
 * @self: a list
 * @position: an item's position
 *
 * Returns: the id of the event at @position, without making its item
 */
gint64
evt_event_list_get_id (EvtEventList *self,
                       guint         position)
{
  g_return_val_if_fail (EVT_IS_EVENT_LIST (self), 0);
  g_return_val_if_fail (position < snapshot_get_n_items (self->snapshot), 0);

  if (self->snapshot->rows != NULL)
    return evt_event_rows_get_id (self->snapshot->rows, position);
  return evt_event_get_id (g_ptr_array_index (self->snapshot->items, position));
}

/**
 * evt_event_list_get_fingerprint:
 * @self: a list
 * @position: an item's position
 *
 * Returns: a hash of the fields of the event at @position: the same from one load
 *   to the next if the event did not change
 */
guint64
evt_event_list_get_fingerprint (EvtEventList *self,
                                guint         position)
{
  g_return_val_if_fail (EVT_IS_EVENT_LIST (self), 0);
  g_return_val_if_fail (position < snapshot_get_n_items (self->snapshot), 0);

  if (self->snapshot->rows != NULL)
    return evt_event_rows_get_fingerprint (self->snapshot->rows, position);
  return g_array_index (self->snapshot->entries, Entry, position).fingerprint;
}

/**
 * evt_event_list_find:
 * @self: a list
 * @id: an event's id
 * @position: (out) (optional): where the event is
 *
 * Returns: %TRUE if the event with @id is in the list
 */
gboolean
evt_event_list_find (EvtEventList *self,
                     gint64        id,
                     guint        *position)
{
  Entry *entry;

  g_return_val_if_fail (EVT_IS_EVENT_LIST (self), FALSE);

  if (self->snapshot->rows != NULL)
    return evt_event_rows_find (self->snapshot->rows, id, position);
  entry = g_hash_table_lookup (self->snapshot->by_id, &id);
  if (entry != NULL && position != NULL)
    *position = entry->position;
  return entry != NULL;
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
 * Sets the query and reloads the items in a worker thread. A query equal to the one
 * the list has read or is reading changes nothing: the list follows the store's
 * changes by itself.
 */
void
evt_event_list_set_query (EvtEventList   *self,
                          const EvtQuery *query)
{
  g_return_if_fail (EVT_IS_EVENT_LIST (self));
  g_return_if_fail (query != NULL);

  if (self->asked && self->error == NULL && evt_query_equal (self->query, query))
    return;

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
