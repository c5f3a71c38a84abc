/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-people-columns.c: participant and lead counts as two columns of the list of events. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-people-columns.h"

struct _EvtPeopleColumns
{
  GObject              parent_instance;

  GtkColumnView       *column_view;   /* not held: it holds the columns */
  GtkColumnViewColumn *participants;
  GtkColumnViewColumn *leads;
  GHashTable          *bound;         /* GtkListItem → NULL: the cells shown */

  EvtStore            *store;
  gulong               changed_id;
  GHashTable          *summaries;     /* event id → EvtEventSummary */
  GCancellable        *cancellable;
  guint                reload_id;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (EvtPeopleColumns, evt_people_columns, G_TYPE_OBJECT)

typedef enum
{
  COLUMN_PARTICIPANTS,
  COLUMN_LEADS,
} Column;

static EvtEvent *
item_event (gpointer item)
{
  EvtEvent *event = NULL;

  if (item == NULL)
    return NULL;
  if (EVT_IS_EVENT (item))
    return item;
  /* The list view's rows: an object with the event of its position. */
  g_object_get (item, "event", &event, NULL);
  if (event != NULL)
    g_object_unref (event);  /* the row holds it */
  return event;
}

const EvtEventSummary *
evt_people_columns_lookup (EvtPeopleColumns *self,
                           gint64            event_id)
{
  g_return_val_if_fail (EVT_IS_PEOPLE_COLUMNS (self), NULL);

  if (self->summaries == NULL)
    return NULL;
  return g_hash_table_lookup (self->summaries, &event_id);
}

static const EvtEventSummary *
summary_of (EvtPeopleColumns *self,
            EvtEvent         *event)
{
  return event != NULL ? evt_people_columns_lookup (self, evt_event_get_id (event)) : NULL;
}

/* --- Cells ------------------------------------------------------------------------------------- */

static char *
participants_tooltip (const EvtEventSummary *summary)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, ngettext ("%u taking part", "%u taking part",
                                          summary->n_participants), summary->n_participants);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, ngettext ("%u of the staff", "%u of the staff",
                                          summary->n_staff), summary->n_staff);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, ngettext ("%u member company", "%u member companies",
                                          summary->n_members), summary->n_members);
  if (summary->n_attended > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("%u attended", "%u attended",
                                              summary->n_attended), summary->n_attended);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
leads_tooltip (const EvtEventSummary *summary)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, ngettext ("%u lead recorded", "%u leads recorded",
                                          summary->n_leads), summary->n_leads);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, ngettext ("%u open", "%u open", summary->n_open_leads),
                          summary->n_open_leads);
  if (summary->n_due > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("%u follow-up due", "%u follow-ups due",
                                              summary->n_due), summary->n_due);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Worked out when asked for: setting tooltips on every cell as it is bound costs a
 * round trip to the display each (see the list view). */
static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  EvtPeopleColumns *self = g_object_get_data (G_OBJECT (widget), "evt-columns");
  GtkListItem *item = g_object_get_data (G_OBJECT (widget), "evt-item");
  const EvtEventSummary *summary = summary_of (self, item_event (gtk_list_item_get_item (item)));
  g_autofree char *text = NULL;

  if (summary == NULL)
    return FALSE;
  text = GPOINTER_TO_INT (user_data) == COLUMN_PARTICIPANTS ? participants_tooltip (summary)
                                                             : leads_tooltip (summary);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A count; in the leads column, followed by a badge of the follow-ups due, made when
 * first needed: GTK keeps some two hundred rows alive, and each widget costs. */
static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  EvtPeopleColumns *self = g_object_get_data (G_OBJECT (factory), "evt-columns");
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *child = count;

  gtk_widget_add_css_class (count, "numeric");
  gtk_label_set_xalign (GTK_LABEL (count), 0);
  if (GPOINTER_TO_INT (user_data) == COLUMN_LEADS)
    {
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (child), count);
    }

  g_object_set_data (G_OBJECT (child), "evt-columns", self);
  g_object_set_data (G_OBJECT (child), "evt-item", item);
  g_object_set_data (G_OBJECT (child), "evt-count", count);
  gtk_widget_set_has_tooltip (child, TRUE);
  g_signal_connect (child, "query-tooltip", G_CALLBACK (on_query_tooltip), user_data);
  gtk_list_item_set_child (item, child);
}

static void
update_cell (EvtPeopleColumns *self,
             GtkListItem      *item)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "evt-column"));
  const EvtEventSummary *summary = summary_of (self, item_event (gtk_list_item_get_item (item)));
  GtkLabel *count = g_object_get_data (G_OBJECT (child), "evt-count");
  GtkWidget *due = g_object_get_data (G_OBJECT (child), "evt-due");
  g_autofree char *text = NULL;
  guint n;

  if (column == COLUMN_PARTICIPANTS)
    n = summary != NULL ? summary->n_participants : 0;
  else
    n = summary != NULL ? summary->n_leads : 0;
  /* Nothing recorded is not zero counted: a dash. */
  text = n > 0 ? g_strdup_printf ("%u", n) : g_strdup ("—");
  gtk_label_set_text (count, text);
  if (n > 0)
    gtk_widget_remove_css_class (GTK_WIDGET (count), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (count), "dim-label");

  if (column == COLUMN_LEADS && summary != NULL && summary->n_due > 0)
    {
      g_autofree char *due_text = g_strdup_printf (ngettext ("%u due", "%u due", summary->n_due),
                                                   summary->n_due);

      if (due == NULL)
        {
          due = gtk_label_new (NULL);
          gtk_widget_set_valign (due, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (due, "list-followups-due");
          gtk_box_append (GTK_BOX (child), due);
          g_object_set_data (G_OBJECT (child), "evt-due", due);
        }
      gtk_label_set_text (GTK_LABEL (due), due_text);
      gtk_widget_set_visible (due, TRUE);
    }
  else if (due != NULL)
    gtk_widget_set_visible (due, FALSE);
}

static void
on_row_event_changed (GObject     *row,
                      GParamSpec  *pspec,
                      GtkListItem *item)
{
  EvtPeopleColumns *self = g_object_get_data (G_OBJECT (item), "evt-columns");

  update_cell (self, item);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  EvtPeopleColumns *self = g_object_get_data (G_OBJECT (factory), "evt-columns");
  gpointer row = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (item), "evt-columns", self);
  g_object_set_data (G_OBJECT (item), "evt-column", user_data);
  g_hash_table_add (self->bound, item);
  /* The list view keeps a row a position and changes the event under it. */
  if (row != NULL && !EVT_IS_EVENT (row))
    g_signal_connect (row, "notify::event", G_CALLBACK (on_row_event_changed), item);
  update_cell (self, item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  EvtPeopleColumns *self = g_object_get_data (G_OBJECT (factory), "evt-columns");
  gpointer row = gtk_list_item_get_item (item);

  g_hash_table_remove (self->bound, item);
  if (row != NULL && !EVT_IS_EVENT (row))
    g_signal_handlers_disconnect_by_func (row, on_row_event_changed, item);
}

static GtkColumnViewColumn *
add_column (EvtPeopleColumns  *self,
            Column             column,
            const char        *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "evt-columns", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GINT_TO_POINTER (column));

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_fixed_width (view_column, column == COLUMN_LEADS ? 120 : 110);
  gtk_column_view_append_column (self->column_view, view_column);
  return view_column;
}

/* --- Loading ----------------------------------------------------------------------------------- */

static void
refresh (EvtPeopleColumns *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_cell (self, item);
}

static void
on_summaries (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(EvtPeopleColumns) self = user_data;
  g_autoptr(GHashTable) summaries = NULL;
  g_autoptr(GError) error = NULL;

  summaries = evt_people_summarise_events_finish (EVT_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  g_clear_object (&self->cancellable);
  if (summaries == NULL)
    {
      g_warning ("Cannot count the participants and leads: %s", error->message);
      return;
    }
  g_clear_pointer (&self->summaries, g_hash_table_unref);
  self->summaries = g_steal_pointer (&summaries);
  refresh (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  EvtPeopleColumns *self = user_data;

  self->reload_id = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    {
      self->loading = FALSE;
      return G_SOURCE_REMOVE;
    }
  self->cancellable = g_cancellable_new ();
  evt_people_summarise_events_async (self->store, NULL, self->cancellable, on_summaries,
                                     g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* Once per burst of changes: an import writes many times. */
static void
queue_reload (EvtPeopleColumns *self)
{
  self->loading = TRUE;
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_cb, g_object_ref (self),
                                       g_object_unref);
}

static void
on_store_changed (EvtStore         *store,
                  EvtPeopleColumns *self)
{
  queue_reload (self);
}

/* --- GObject ----------------------------------------------------------------------------------- */

static void
evt_people_columns_dispose (GObject *object)
{
  EvtPeopleColumns *self = EVT_PEOPLE_COLUMNS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (evt_people_columns_parent_class)->dispose (object);
}

static void
evt_people_columns_finalize (GObject *object)
{
  EvtPeopleColumns *self = EVT_PEOPLE_COLUMNS (object);

  g_clear_pointer (&self->summaries, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->participants);
  g_clear_object (&self->leads);

  G_OBJECT_CLASS (evt_people_columns_parent_class)->finalize (object);
}

static void
evt_people_columns_class_init (EvtPeopleColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evt_people_columns_dispose;
  object_class->finalize = evt_people_columns_finalize;
}

static void
evt_people_columns_init (EvtPeopleColumns *self)
{
  self->bound = g_hash_table_new (NULL, NULL);
}

/**
 * evt_people_columns_new:
 * @column_view: a column view of events, or of objects with an "event" property
 *
 * Appends the two columns to @column_view.
 *
 * Returns: (transfer full): the columns' keeper
 */
EvtPeopleColumns *
evt_people_columns_new (GtkColumnView *column_view)
{
  EvtPeopleColumns *self;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (column_view), NULL);

  self = g_object_new (EVT_TYPE_PEOPLE_COLUMNS, NULL);
  self->column_view = column_view;
  /* Translators: a column of the list of events: how many take part */
  self->participants = add_column (self, COLUMN_PARTICIPANTS, _("Participants"));
  /* Translators: a column of the list of events: how many business leads */
  self->leads = add_column (self, COLUMN_LEADS, _("Leads"));
  return self;
}

/**
 * evt_people_columns_set_store:
 * @self: the columns
 * @store: (nullable): the store the events are in
 *
 * Counts in @store, and again whenever it changes.
 */
void
evt_people_columns_set_store (EvtPeopleColumns *self,
                              EvtStore         *store)
{
  g_return_if_fail (EVT_IS_PEOPLE_COLUMNS (self));
  g_return_if_fail (store == NULL || EVT_IS_STORE (store));

  if (store == self->store)
    return;
  g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->summaries, g_hash_table_unref);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
  refresh (self);
  queue_reload (self);
}

/**
 * evt_people_columns_get_participants_column:
 * @self: the columns
 *
 * Returns: (transfer none): the column of the participants
 */
GtkColumnViewColumn *
evt_people_columns_get_participants_column (EvtPeopleColumns *self)
{
  g_return_val_if_fail (EVT_IS_PEOPLE_COLUMNS (self), NULL);
  return self->participants;
}

/**
 * evt_people_columns_get_leads_column:
 * @self: the columns
 *
 * Returns: (transfer none): the column of the leads
 */
GtkColumnViewColumn *
evt_people_columns_get_leads_column (EvtPeopleColumns *self)
{
  g_return_val_if_fail (EVT_IS_PEOPLE_COLUMNS (self), NULL);
  return self->leads;
}

/**
 * evt_people_columns_is_busy:
 * @self: the columns
 *
 * Returns: whether the counts are being read
 */
gboolean
evt_people_columns_is_busy (EvtPeopleColumns *self)
{
  g_return_val_if_fail (EVT_IS_PEOPLE_COLUMNS (self), FALSE);
  return self->loading;
}
