/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-followups-view.c: the leads whose follow-up day has come, each opening its event. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-followups-view.h"
#include "evt-people-common.h"

struct _EvtFollowupsView
{
  GtkWidget            parent_instance;

  EvtStore            *store;
  gulong               changed_id;
  GPtrArray           *leads;   /* EvtLead, as shown */
  GPtrArray           *rows;
  GCancellable        *load_cancellable;
  guint                reload_id;
  gboolean             disposed;        /* set_store() and reloads are no-ops then */
  guint                n_pending;
  gboolean             loaded;

  GtkStack            *stack;
  AdwPreferencesGroup *group;
  GtkSpinner          *spinner;
  AdwStatusPage       *empty_page;
};

G_DEFINE_FINAL_TYPE (EvtFollowupsView, evt_followups_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pending_done (EvtFollowupsView *self)
{
  g_return_if_fail (self->n_pending > 0);
  self->n_pending--;
}

/* "Today", "Yesterday", "3 days late", "2 weeks late", "5 months late", "4 years late":
 * how long a follow-up has waited, the date under it saying exactly since when. */
static char *
describe_lateness (EvtLead     *lead,
                   const GDate *today,
                   int         *days_late)
{
  const char *follow_up = evt_lead_get_follow_up (lead);
  GDate day;
  int late;

  int y, m, d;

  *days_late = 0;
  if (follow_up == NULL || sscanf (follow_up, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, m, y);
  late = g_date_days_between (&day, today);
  *days_late = late;
  if (late <= 0)
    return g_strdup (_("Today"));
  if (late == 1)
    return g_strdup (_("Yesterday"));
  if (late < 14)
    return g_strdup_printf (ngettext ("%d day late", "%d days late", late), late);
  if (late < 60)
    return g_strdup_printf (ngettext ("%d week late", "%d weeks late", late / 7), late / 7);
  if (late < 365)
    return g_strdup_printf (ngettext ("%d month late", "%d months late", late / 30),
                            late / 30);
  return g_strdup_printf (ngettext ("%d year late", "%d years late", late / 365), late / 365);
}

static void
on_row_activated (AdwActionRow     *row,
                  EvtFollowupsView *self)
{
  guint index;

  if (g_ptr_array_find (self->rows, row, &index))
    g_signal_emit (self, signals[SIGNAL_EVENT_ACTIVATED], 0,
                   evt_lead_get_event_id (g_ptr_array_index (self->leads, index)));
}

static GtkWidget *
row_new (EvtFollowupsView *self,
         EvtLead          *lead,
         const GDate      *today)
{
  const char *subject = evt_lead_get_subject (lead);
  const char *org = evt_lead_get_organisation_name (lead);
  const char *contact = evt_lead_get_contact (lead);
  const char *next_step = evt_lead_get_next_step (lead);
  int days_late;
  g_autofree char *lateness = describe_lateness (lead, today, &days_late);
  g_autofree char *day = evt_format_iso_day (evt_lead_get_follow_up (lead));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = evt_plain_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *late = gtk_label_new (lateness);
  GtkWidget *date = gtk_label_new (day);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 subject != NULL ? subject : org != NULL ? org : contact);

  if (org != NULL && subject != NULL)
    g_string_append (subtitle, org);
  if (contact != NULL && (subject != NULL || org != NULL))
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " — " : "", contact);
  if (next_step != NULL)
    {
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      /* Translators: the next step of a lead */
      g_string_append_printf (subtitle, _("Next: %s"), next_step);
    }
  if (subtitle->len > 0)
    g_string_append_c (subtitle, '\n');
  /* Translators: the event a lead was met at */
  g_string_append_printf (subtitle, _("Met at %s"), evt_lead_get_event_title (lead));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (late), 1);
  /* "13 jours de retard" on two lines rather than the subject on four, when narrow. */
  gtk_label_set_wrap (GTK_LABEL (late), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (late), 14);
  gtk_label_set_max_width_chars (GTK_LABEL (late), 14);
  gtk_label_set_justify (GTK_LABEL (late), GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (date), 1);
  gtk_widget_add_css_class (late, "followup-lateness");
  if (days_late > 0)
    gtk_widget_add_css_class (late, "late");
  gtk_widget_add_css_class (date, "dim-label");
  gtk_widget_add_css_class (date, "caption");
  gtk_box_append (GTK_BOX (box), late);
  gtk_box_append (GTK_BOX (box), date);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open the event"));
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), self);
  return row;
}

static void
update_page (EvtFollowupsView *self)
{
  gboolean empty = self->loaded && self->leads->len == 0;

  /* Set when first shown: GTK loads the icon of a hidden status page all the same, a
   * large image drawn while the window starts. */
  if (empty && adw_status_page_get_icon_name (self->empty_page) == NULL)
    adw_status_page_set_icon_name (self->empty_page, "task-due-symbolic");
  gtk_stack_set_visible_child_name (self->stack, !self->loaded ? "loading"
                                                 : empty ? "empty" : "list");
  gtk_spinner_set_spinning (self->spinner, !self->loaded);
}

static void
show_leads (EvtFollowupsView *self,
            GPtrArray        *leads)
{
  g_autoptr(GDate) today = evt_people_today ();
  g_autofree char *description = NULL;
  guint old = self->leads->len;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_unref (self->leads);
  self->leads = g_ptr_array_ref (leads);

  /* Latest first: what waited longest is at the bottom, as in a mailbox. */
  for (guint i = leads->len; i > 0; i--)
    {
      GtkWidget *row = row_new (self, g_ptr_array_index (leads, i - 1), today);

      g_ptr_array_insert (self->rows, 0, row);
      adw_preferences_group_add (self->group, row);
    }
  description = g_strdup_printf (ngettext ("%u open lead to follow up",
                                           "%u open leads to follow up", leads->len),
                                 leads->len);
  adw_preferences_group_set_description (self->group, description);

  self->loaded = TRUE;
  update_page (self);
  if (old != leads->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DUE]);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(EvtFollowupsView) self = user_data;
  g_autoptr(GPtrArray) leads = NULL;
  g_autoptr(GError) error = NULL;

  pending_done (self);
  leads = evt_people_list_followups_finish (EVT_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->load_cancellable);
  if (leads == NULL)
    {
      g_warning ("Cannot read the follow-ups: %s", error->message);
      return;
    }
  show_leads (self, leads);
}

static gboolean
reload_cb (gpointer user_data)
{
  EvtFollowupsView *self = user_data;

  self->reload_id = 0;
  pending_done (self);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->store == NULL)
    return G_SOURCE_REMOVE;

  self->load_cancellable = g_cancellable_new ();
  self->n_pending++;
  /* NULL: today, as the core reads the clock when the thread runs. */
  evt_people_list_followups_async (self->store, NULL, self->load_cancellable, on_loaded,
                                   g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/**
 * evt_followups_view_reload:
 * @self: a view
 *
 * Reads the follow-ups again (the day changed), once the current burst of changes
 * is over.
 */
void
evt_followups_view_reload (EvtFollowupsView *self)
{
  g_return_if_fail (EVT_IS_FOLLOWUPS_VIEW (self));

  if (self->reload_id != 0 || self->disposed)
    return;
  self->n_pending++;
  /* The idle holds the widget: a reload queued while it goes runs on a live object. */
  self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_cb, g_object_ref (self),
                                     g_object_unref);
}

static void
on_store_changed (EvtStore         *store,
                  EvtFollowupsView *self)
{
  evt_followups_view_reload (self);
}

static void
evt_followups_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (evt_followups_view_parent_class)->map (widget);
  /* Another day may have come since the last read. */
  evt_followups_view_reload (EVT_FOLLOWUPS_VIEW (widget));
}

static void
disconnect_store (EvtFollowupsView *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
}

static void
evt_followups_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EvtFollowupsView *self = EVT_FOLLOWUPS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_DUE:
      g_value_set_uint (value, self->leads->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_followups_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EvtFollowupsView *self = EVT_FOLLOWUPS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      evt_followups_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_followups_view_dispose (GObject *object)
{
  EvtFollowupsView *self = EVT_FOLLOWUPS_VIEW (object);

  self->disposed = TRUE;
  disconnect_store (self);
  if (self->reload_id != 0)
    {
      g_source_remove (self->reload_id);
      self->reload_id = 0;
      pending_done (self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_FOLLOWUPS_VIEW);

  G_OBJECT_CLASS (evt_followups_view_parent_class)->dispose (object);
}

static void
evt_followups_view_finalize (GObject *object)
{
  EvtFollowupsView *self = EVT_FOLLOWUPS_VIEW (object);

  g_clear_pointer (&self->leads, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (evt_followups_view_parent_class)->finalize (object);
}

static void
evt_followups_view_class_init (EvtFollowupsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = evt_followups_view_get_property;
  object_class->set_property = evt_followups_view_set_property;
  object_class->dispose = evt_followups_view_dispose;
  object_class->finalize = evt_followups_view_finalize;
  widget_class->map = evt_followups_view_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EVT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EvtFollowupsView:n-due:
   *
   * How many follow-ups are due: a badge for the header.
   */
  properties[PROP_N_DUE] =
    g_param_spec_uint ("n-due", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvtFollowupsView::event-activated:
   * @self: the view
   * @event_id: the event the lead was met at
   */
  signals[SIGNAL_EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/eventail/Eventail/evt-followups-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtFollowupsView, stack);
  gtk_widget_class_bind_template_child (widget_class, EvtFollowupsView, group);
  gtk_widget_class_bind_template_child (widget_class, EvtFollowupsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, EvtFollowupsView, empty_page);
}

static void
evt_followups_view_init (EvtFollowupsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->leads = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();
  update_page (self);
}

/**
 * evt_followups_view_new:
 *
 * Returns: (transfer floating): a new view, empty until it has a store
 */
GtkWidget *
evt_followups_view_new (void)
{
  return g_object_new (EVT_TYPE_FOLLOWUPS_VIEW, NULL);
}

/**
 * evt_followups_view_set_store:
 * @self: a view
 * @store: (nullable): an open store
 *
 * Shows the follow-ups due in @store, and follows its changes.
 */
void
evt_followups_view_set_store (EvtFollowupsView *self,
                              EvtStore         *store)
{
  g_autoptr(GPtrArray) none = NULL;

  g_return_if_fail (EVT_IS_FOLLOWUPS_VIEW (self));
  g_return_if_fail (store == NULL || EVT_IS_STORE (store));

  if (store == self->store || self->disposed)
    return;
  disconnect_store (self);
  none = g_ptr_array_new_with_free_func (g_object_unref);
  show_leads (self, none);
  self->loaded = FALSE;
  update_page (self);
  if (store != NULL)
    {
      self->store = g_object_ref (store);
      self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
      evt_followups_view_reload (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * evt_followups_view_get_store:
 * @self: a view
 *
 * Returns: (transfer none) (nullable): the store
 */
EvtStore *
evt_followups_view_get_store (EvtFollowupsView *self)
{
  g_return_val_if_fail (EVT_IS_FOLLOWUPS_VIEW (self), NULL);
  return self->store;
}

/**
 * evt_followups_view_get_n_due:
 * @self: a view
 *
 * Returns: how many follow-ups are due
 */
guint
evt_followups_view_get_n_due (EvtFollowupsView *self)
{
  g_return_val_if_fail (EVT_IS_FOLLOWUPS_VIEW (self), 0);
  return self->leads->len;
}

/**
 * evt_followups_view_is_busy:
 * @self: a view
 *
 * Returns: whether a read is under way or queued
 */
gboolean
evt_followups_view_is_busy (EvtFollowupsView *self)
{
  g_return_val_if_fail (EVT_IS_FOLLOWUPS_VIEW (self), FALSE);
  return self->n_pending > 0;
}

/**
 * evt_followups_view_get_row:
 * @self: a view
 * @index: a row
 *
 * Returns: (transfer none): the row of the @index-th follow-up
 */
GtkWidget *
evt_followups_view_get_row (EvtFollowupsView *self,
                            guint             index)
{
  g_return_val_if_fail (EVT_IS_FOLLOWUPS_VIEW (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

/**
 * evt_followups_view_get_page:
 * @self: a view
 *
 * Returns: "loading", "list" or "empty"
 */
const char *
evt_followups_view_get_page (EvtFollowupsView *self)
{
  g_return_val_if_fail (EVT_IS_FOLLOWUPS_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
