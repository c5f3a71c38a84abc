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
  guint          n_items;     /* told to the view: catches up with the rows' number */
  guint          batch_id;    /* catch_up(), while either lags */
};

/* Rows off screen brought up to date, or told to the view, in one go, and how often:
 * each costs a measure of its text (or widgets built) in the next frame, so that a frame
 * gets one batch or two (an idle callback would run many times before a frame, which
 * would then measure them all). */
#define ROWS_PER_BATCH  16
#define BATCH_PERIOD_MS 8

/* GTK 4.8's list views build the widgets of some two hundred rows from the top of
 * what they show, whatever their height: a list that grows from a few rows to a
 * hundred or more would have them all built at once, a tenth of a second. The view is
 * told of the rows on screen at once, then of the others a batch at a time; past
 * this many, the rest at once, as GTK builds no more widgets for them. */
#define ROWS_BUILT_BY_GTK 256

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
  return EVT_LIST_ROW_MODEL (model)->n_items;
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

  /* Fewer rows than the view was told of, for as long as it takes to tell it. */
  if (position >= self->n_items || position >= self->rows->len)
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

/* Where the rows on screen are, estimated from the scrollbar as evenly high rows
 * among the @n_shown the view has: from @lo to before @hi, with two around. */
static void
visible_range (EvtListRowModel *self,
               guint            n_shown,
               guint           *lo,
               guint           *hi)
{
  double height, value, page;
  guint margin = 2;
  guint first, last;

  *lo = 0;
  *hi = 40;
  if (self->vadjustment == NULL || n_shown == 0 ||
      gtk_adjustment_get_upper (self->vadjustment) <= 0)
    return;

  height = gtk_adjustment_get_upper (self->vadjustment) / n_shown;
  value = gtk_adjustment_get_value (self->vadjustment);
  page = gtk_adjustment_get_page_size (self->vadjustment);
  first = (guint) (value / height);
  last = (guint) ((value + page) / height) + 1;
  *lo = first > margin ? first - margin : 0;
  *hi = last + margin;
}

/*
 * GTK 4.8 keeps some two hundred rows alive, a tenth of them on screen: a new
 * answer updates those seen at once, the others a few at a time afterwards. Each
 * text changed costs a measure of it in the next frame.
 */
static void
update_rows (EvtListRowModel *self,
             guint            from,
             guint            lo,
             guint            hi)
{
  for (guint i = MAX (from, lo); i < MIN (hi, self->rows->len); i++)
    evt_list_row_model_update_row (self, i);

  self->stale_from = MIN (self->stale_from, from);
}

static void
set_n_items (EvtListRowModel *self,
             guint            n_items)
{
  guint old = self->n_items;

  if (n_items == old)
    return;
  self->n_items = n_items;
  g_list_model_items_changed (G_LIST_MODEL (self), MIN (old, n_items),
                              old > n_items ? old - n_items : 0,
                              n_items > old ? n_items - old : 0);
}

static gboolean
lagging (EvtListRowModel *self)
{
  return self->stale_from < self->rows->len || self->n_items < self->rows->len;
}

/* A batch a tick: rows alive that may show old events are brought up to date, and the
 * view is told of more rows (of all of them once past those GTK builds widgets for). */
static gboolean
catch_up (gpointer data)
{
  EvtListRowModel *self = data;
  guint n_updated = 0;
  guint n_items = self->n_items + ROWS_PER_BATCH;

  while (self->stale_from < self->rows->len && n_updated < ROWS_PER_BATCH)
    n_updated += evt_list_row_model_update_row (self, self->stale_from++);
  if (self->n_items < self->rows->len)
    set_n_items (self, n_items >= ROWS_BUILT_BY_GTK ? self->rows->len
                                                    : MIN (n_items, self->rows->len));

  if (lagging (self))
    return G_SOURCE_CONTINUE;
  self->batch_id = 0;
  return G_SOURCE_REMOVE;
}

/* Tells the view of the rows up to @seen (those on screen) at once, of the others a
 * batch at a time, with the rows alive that still show old events; or of fewer rows,
 * at once. */
static void
show_rows (EvtListRowModel *self,
           guint            seen)
{
  guint len = self->rows->len;

  if (len <= self->n_items || self->n_items >= ROWS_BUILT_BY_GTK)
    set_n_items (self, len);
  else
    set_n_items (self, MIN (len, MAX (self->n_items, seen)));

  if (self->batch_id == 0 && lagging (self))
    /* Below the frame clock: a frame that is due draws the last batch before the next
     * one, even when a batch takes longer than its period on a slow machine. */
    self->batch_id = g_timeout_add_full (GDK_PRIORITY_REDRAW + 10, BATCH_PERIOD_MS, catch_up,
                                         self, NULL);
}

/**
 * evt_list_row_model_show_row:
 * @self: a row model
 * @position: a position in the model
 *
 * Tells the view of the rows up to @position at once, for it to be selected.
 */
void
evt_list_row_model_show_row (EvtListRowModel *self,
                             guint            position)
{
  g_return_if_fail (EVT_IS_LIST_ROW_MODEL (self));

  if (position < self->rows->len && position >= self->n_items)
    show_rows (self, position + 1);
}

/**
 * evt_list_row_model_is_updating:
 * @self: a row model
 *
 * Returns: whether some rows alive may still show old events, or the view has not
 *   been told of every row yet
 */
gboolean
evt_list_row_model_is_updating (EvtListRowModel *self)
{
  return self->batch_id != 0;
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
  guint lo, hi;

  for (guint i = new_len; i < old_len; i++)
    forget_row (self, i);
  g_ptr_array_set_size (self->rows, new_len);

  /* From @position on, what each row shows may have moved. */
  visible_range (self, self->n_items, &lo, &hi);
  update_rows (self, position, lo, hi);
  show_rows (self, hi);
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
  guint lo, hi;

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed, self);
  for (guint i = 0; i < self->rows->len; i++)
    forget_row (self, i);
  g_ptr_array_set_size (self->rows, 0);
  g_clear_handle_id (&self->batch_id, g_source_remove);
  self->stale_from = G_MAXUINT;
  set_n_items (self, 0);
  g_set_object (&self->model, model);

  if (model != NULL)
    {
      g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_model_items_changed),
                                self);
      g_ptr_array_set_size (self->rows, g_list_model_get_n_items (G_LIST_MODEL (model)));
      visible_range (self, 0, &lo, &hi);
      show_rows (self, hi);
    }
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
