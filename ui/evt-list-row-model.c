/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-list-row-model.c: the List view's rows, which outlive reloads. */
#include "config.h"

#include "evt-list-row-model.h"

/* The row at each position of "model" (an EvtEventList), as long as someone holds
 * it; items-changed only when the number of items changes. */
struct _EvtListRowModel
{
  GObject       parent_instance;

  EvtEventList  *model;
  GPtrArray     *rows;        /* EvtListRow alive, weakly, by position; NULL elsewhere */
  GtkAdjustment *vadjustment; /* of the view that shows the rows, to tell which are seen */
  guint          stale_from;  /* rows alive from there on may show old events */
  guint          update_idle; /* brings them up to date, a few at a time */
};

/* Rows off screen brought up to date in one go, and how often: each costs a measure
 * of its labels in the next frame, so that a frame gets one batch or two (an idle
 * callback would run many times before a frame, which would then measure them all). */
#define ROWS_PER_BATCH  16
#define BATCH_PERIOD_MS 8

static void row_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EvtListRowModel, evt_list_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, row_model_iface_init))

enum {
  ROW_MODEL_PROP_0,
  ROW_MODEL_PROP_MODEL,
  ROW_MODEL_N_PROPS
};

static GParamSpec *row_model_properties[ROW_MODEL_N_PROPS];

static GType
row_model_get_item_type (GListModel *model)
{
  return EVT_TYPE_LIST_ROW;
}

static guint
row_model_get_n_items (GListModel *model)
{
  return EVT_LIST_ROW_MODEL (model)->rows->len;
}

static void
on_row_finalized (gpointer  data,
                  GObject  *where_the_object_was)
{
  EvtListRowModel *self = data;
  /* Weak references are notified on dispose: the row's fields are still there. */
  EvtListRow *row = (EvtListRow *) where_the_object_was;

  guint position = evt_list_row_get_position (row);

  if (position < self->rows->len && self->rows->pdata[position] == row)
    self->rows->pdata[position] = NULL;
}

static gpointer
row_model_get_item (GListModel *model,
                    guint       position)
{
  EvtListRowModel *self = EVT_LIST_ROW_MODEL (model);
  EvtListRow *row;

  if (position >= self->rows->len)
    return NULL;

  row = self->rows->pdata[position];
  if (row != NULL)
    return g_object_ref (row);

  row = evt_list_row_new (position, evt_event_list_get_id (self->model, position),
                          evt_event_list_get_fingerprint (self->model, position),
                          g_list_model_get_item (G_LIST_MODEL (self->model), position));
  g_object_weak_ref (G_OBJECT (row), on_row_finalized, self);
  self->rows->pdata[position] = row;
  return row;
}

static void
row_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = row_model_get_item_type;
  iface->get_n_items = row_model_get_n_items;
  iface->get_item = row_model_get_item;
}

static void
forget_row (EvtListRowModel *self,
            guint            position)
{
  EvtListRow *row = self->rows->pdata[position];

  if (row == NULL)
    return;
  g_object_weak_unref (G_OBJECT (row), on_row_finalized, self);
  self->rows->pdata[position] = NULL;
}

/**
 * evt_list_row_model_update_row:
 * @self: a row model
 * @position: a position
 *
 * Gives the row alive at @position the event there now.
 *
 * Returns: %TRUE if it changed
 */
gboolean
evt_list_row_model_update_row (EvtListRowModel *self,
                               guint            position)
{
  EvtListRow *row = position < self->rows->len ? self->rows->pdata[position] : NULL;
  gint64 id;
  guint64 fingerprint;
  g_autoptr(EvtEvent) event = NULL;

  if (row == NULL)
    return FALSE;
  id = evt_event_list_get_id (self->model, position);
  fingerprint = evt_event_list_get_fingerprint (self->model, position);
  if (evt_list_row_get_id (row) == id && evt_list_row_get_fingerprint (row) == fingerprint)
    return FALSE;

  event = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  evt_list_row_update (row, id, fingerprint, event);
  return TRUE;
}

static gboolean
update_stale_rows (gpointer data)
{
  EvtListRowModel *self = data;
  guint n_updated = 0;

  while (self->stale_from < self->rows->len && n_updated < ROWS_PER_BATCH)
    n_updated += evt_list_row_model_update_row (self, self->stale_from++);

  if (self->stale_from < self->rows->len)
    return G_SOURCE_CONTINUE;
  self->update_idle = 0;
  return G_SOURCE_REMOVE;
}

/*
 * GTK 4.8 keeps some two hundred rows alive, a tenth of them on screen: a new
 * answer updates those seen (and two around) at once, the others a few at a time
 * afterwards. Each label changed costs a measure of its text in the next frame.
 * Where the rows on screen are is estimated from the scrollbar, as evenly high rows.
 */
static void
update_rows (EvtListRowModel *self,
             guint            from,
             guint            old_len)
{
  guint lo = 0, hi = 40;

  if (self->vadjustment != NULL && old_len > 0 &&
      gtk_adjustment_get_upper (self->vadjustment) > 0)
    {
      double height = gtk_adjustment_get_upper (self->vadjustment) / old_len;
      double value = gtk_adjustment_get_value (self->vadjustment);
      double page = gtk_adjustment_get_page_size (self->vadjustment);
      guint margin = 2;
      guint first = (guint) (value / height);
      guint last = (guint) ((value + page) / height) + 1;

      lo = first > margin ? first - margin : 0;
      hi = last + margin;
    }

  for (guint i = MAX (from, lo); i < MIN (hi, self->rows->len); i++)
    evt_list_row_model_update_row (self, i);

  self->stale_from = MIN (self->stale_from, from);
  if (self->stale_from < self->rows->len && self->update_idle == 0)
    self->update_idle = g_timeout_add (BATCH_PERIOD_MS, update_stale_rows, self);
}

/**
 * evt_list_row_model_is_updating:
 * @self: a row model
 *
 * Returns: whether some rows alive may still show old events
 */
gboolean
evt_list_row_model_is_updating (EvtListRowModel *self)
{
  return self->update_idle != 0;
}

static void
on_model_items_changed (EvtListRowModel *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  guint old_len = self->rows->len;
  guint new_len = g_list_model_get_n_items (model);
  guint common = MIN (old_len, new_len);

  for (guint i = new_len; i < old_len; i++)
    forget_row (self, i);
  g_ptr_array_set_size (self->rows, new_len);

  /* From @position on, what each row shows may have moved. */
  update_rows (self, position, old_len);

  if (old_len != new_len)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_len - common,
                                new_len - common);
}

/**
 * evt_list_row_model_set_model:
 * @self: a row model
 * @model: (nullable): the events
 */
void
evt_list_row_model_set_model (EvtListRowModel *self,
                              EvtEventList    *model)
{
  guint removed = self->rows->len;

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed, self);
  for (guint i = 0; i < self->rows->len; i++)
    forget_row (self, i);
  g_ptr_array_set_size (self->rows, 0);
  g_clear_handle_id (&self->update_idle, g_source_remove);
  self->stale_from = G_MAXUINT;
  g_set_object (&self->model, model);

  if (model != NULL)
    {
      g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_model_items_changed),
                                self);
      g_ptr_array_set_size (self->rows, g_list_model_get_n_items (G_LIST_MODEL (model)));
    }

  if (removed > 0 || self->rows->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->rows->len);
  g_object_notify_by_pspec (G_OBJECT (self), row_model_properties[ROW_MODEL_PROP_MODEL]);
}

static void
evt_list_row_model_dispose (GObject *object)
{
  evt_list_row_model_set_model (EVT_LIST_ROW_MODEL (object), NULL);
  g_clear_object (&EVT_LIST_ROW_MODEL (object)->vadjustment);

  G_OBJECT_CLASS (evt_list_row_model_parent_class)->dispose (object);
}

static void
evt_list_row_model_finalize (GObject *object)
{
  g_clear_pointer (&EVT_LIST_ROW_MODEL (object)->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (evt_list_row_model_parent_class)->finalize (object);
}

static void
evt_list_row_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case ROW_MODEL_PROP_MODEL:
      g_value_set_object (value, EVT_LIST_ROW_MODEL (object)->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_list_row_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case ROW_MODEL_PROP_MODEL:
      evt_list_row_model_set_model (EVT_LIST_ROW_MODEL (object), g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_list_row_model_class_init (EvtListRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evt_list_row_model_dispose;
  object_class->finalize = evt_list_row_model_finalize;
  object_class->get_property = evt_list_row_model_get_property;
  object_class->set_property = evt_list_row_model_set_property;

  row_model_properties[ROW_MODEL_PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         EVT_TYPE_EVENT_LIST,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, ROW_MODEL_N_PROPS, row_model_properties);
}

static void
evt_list_row_model_init (EvtListRowModel *self)
{
  self->rows = g_ptr_array_new ();
  self->stale_from = G_MAXUINT;
}

/**
 * evt_list_row_model_set_vadjustment:
 * @self: a row model
 * @vadjustment: that of the view showing the rows, to tell which are on screen
 */
void
evt_list_row_model_set_vadjustment (EvtListRowModel *self,
                                    GtkAdjustment   *vadjustment)
{
  g_set_object (&self->vadjustment, vadjustment);
}
