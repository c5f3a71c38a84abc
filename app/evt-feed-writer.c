/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-feed-writer.c: rewrites the feed files when events change, in a worker thread. */

#include "config.h"

#include "evt-feed-writer.h"
#include "evt-feed.h"

struct _EvtFeedWriter
{
  GObject       parent_instance;

  EvtStore     *store;
  gulong        changed_id;
  guint         delay_ms;
  guint         timeout_id;
  GCancellable *cancellable;
  guint         running : 1;
  guint         again : 1;
};

G_DEFINE_TYPE (EvtFeedWriter, evt_feed_writer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DELAY,
  PROP_BUSY,
  N_PROPS
};

enum {
  WRITTEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_writing (EvtFeedWriter *self);

static void
notify_busy (EvtFeedWriter *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static gboolean
timeout_cb (gpointer data)
{
  EvtFeedWriter *self = data;

  self->timeout_id = 0;

  if (self->running)
    self->again = TRUE;
  else
    start_writing (self);

  return G_SOURCE_REMOVE;
}

/**
 * evt_feed_writer_schedule:
 * @self: a feed writer
 *
 * Rewrites the feeds "delay" milliseconds from now, unless another call comes
 * before, which moves the time again: a burst of changes costs one write.
 * Called on every change of the store; call it also after changing a feed.
 */
void
evt_feed_writer_schedule (EvtFeedWriter *self)
{
  gboolean was_busy;

  g_return_if_fail (EVT_IS_FEED_WRITER (self));

  was_busy = evt_feed_writer_get_busy (self);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  /* Whole seconds let GLib group the wake-ups of the process. */
  if (self->delay_ms > 0 && self->delay_ms % 1000 == 0)
    self->timeout_id = g_timeout_add_seconds (self->delay_ms / 1000, timeout_cb, self);
  else
    self->timeout_id = g_timeout_add (self->delay_ms, timeout_cb, self);

  if (!was_busy)
    notify_busy (self);
}

static void
on_store_changed (EvtStore      *store,
                  EvtFeedWriter *self)
{
  evt_feed_writer_schedule (self);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  EvtStore *store = task_data;
  GError *error = NULL;
  guint n_feeds = 0;

  if (!evt_feed_write_all (store, &n_feeds, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_int (task, n_feeds);
}

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  EvtFeedWriter *self = EVT_FEED_WRITER (source);
  g_autoptr(GError) error = NULL;
  gssize n_feeds;

  n_feeds = g_task_propagate_int (G_TASK (result), &error);
  self->running = FALSE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Not a warning: the window shows it from "written", and a full disk is no
   * programming error. */
  if (error != NULL)
    g_message ("Cannot write the feeds: %s", error->message);

  g_signal_emit (self, signals[WRITTEN], 0,
                 (guint) MAX (n_feeds, 0), error != NULL ? error->message : NULL);

  if (self->again)
    {
      self->again = FALSE;
      start_writing (self);
      return;
    }

  if (!evt_feed_writer_get_busy (self))
    notify_busy (self);
}

static void
start_writing (EvtFeedWriter *self)
{
  g_autoptr(GTask) task = NULL;

  self->running = TRUE;

  task = g_task_new (self, self->cancellable, write_done, NULL);
  g_task_set_source_tag (task, start_writing);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, write_thread);
}

static void
evt_feed_writer_dispose (GObject *object)
{
  EvtFeedWriter *self = (EvtFeedWriter *) object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_signal_handler (&self->changed_id, self->store);

  G_OBJECT_CLASS (evt_feed_writer_parent_class)->dispose (object);
}

static void
evt_feed_writer_finalize (GObject *object)
{
  EvtFeedWriter *self = (EvtFeedWriter *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (evt_feed_writer_parent_class)->finalize (object);
}

static void
evt_feed_writer_constructed (GObject *object)
{
  EvtFeedWriter *self = (EvtFeedWriter *) object;

  G_OBJECT_CLASS (evt_feed_writer_parent_class)->constructed (object);

  g_return_if_fail (EVT_IS_STORE (self->store));

  self->changed_id = g_signal_connect (self->store, "changed",
                                       G_CALLBACK (on_store_changed), self);
}

static void
evt_feed_writer_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EvtFeedWriter *self = EVT_FEED_WRITER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay_ms);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, evt_feed_writer_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_feed_writer_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EvtFeedWriter *self = EVT_FEED_WRITER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_DELAY:
      evt_feed_writer_set_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_feed_writer_class_init (EvtFeedWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = evt_feed_writer_constructed;
  object_class->dispose = evt_feed_writer_dispose;
  object_class->finalize = evt_feed_writer_finalize;
  object_class->get_property = evt_feed_writer_get_property;
  object_class->set_property = evt_feed_writer_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EVT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, 600000, EVT_FEED_WRITER_DEFAULT_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvtFeedWriter::written:
   * @self: the writer
   * @n_feeds: how many feeds were written
   * @error_message: (nullable): why a feed could not be written, or %NULL
   *
   * Emitted in the main context after each round of writing.
   */
  signals[WRITTEN] =
    g_signal_new ("written",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
}

static void
evt_feed_writer_init (EvtFeedWriter *self)
{
  self->delay_ms = EVT_FEED_WRITER_DEFAULT_DELAY_MS;
  self->cancellable = g_cancellable_new ();
}

/**
 * evt_feed_writer_new:
 * @store: an open store
 *
 * Returns: (transfer full): a writer that keeps the feed files of @store up to
 *   date as long as it lives
 */
EvtFeedWriter *
evt_feed_writer_new (EvtStore *store)
{
  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  return g_object_new (EVT_TYPE_FEED_WRITER, "store", store, NULL);
}

/**
 * evt_feed_writer_get_store:
 * @self: a feed writer
 *
 * Returns: (transfer none): the store
 */
EvtStore *
evt_feed_writer_get_store (EvtFeedWriter *self)
{
  g_return_val_if_fail (EVT_IS_FEED_WRITER (self), NULL);

  return self->store;
}

/**
 * evt_feed_writer_get_delay:
 * @self: a feed writer
 *
 * Returns: the wait after the last change, in milliseconds
 */
guint
evt_feed_writer_get_delay (EvtFeedWriter *self)
{
  g_return_val_if_fail (EVT_IS_FEED_WRITER (self), 0);

  return self->delay_ms;
}

/**
 * evt_feed_writer_set_delay:
 * @self: a feed writer
 * @delay_ms: the wait after the last change, in milliseconds
 */
void
evt_feed_writer_set_delay (EvtFeedWriter *self,
                           guint          delay_ms)
{
  g_return_if_fail (EVT_IS_FEED_WRITER (self));

  if (self->delay_ms != delay_ms)
    {
      self->delay_ms = delay_ms;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
    }
}

/**
 * evt_feed_writer_get_busy:
 * @self: a feed writer
 *
 * Returns: %TRUE while a change waits to be written or the feeds are being
 *   written
 */
gboolean
evt_feed_writer_get_busy (EvtFeedWriter *self)
{
  g_return_val_if_fail (EVT_IS_FEED_WRITER (self), FALSE);

  return self->timeout_id != 0 || self->running;
}
