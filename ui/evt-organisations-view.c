/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-organisations-view.c: the member companies, partners and laboratories, searchable. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "evt-organisation-editor.h"
#include "evt-organisations-view-private.h"
#include "evt-people-common.h"
#include "evt-person-editor.h"
#include "evt-sector.h"

#define DOT_SIZE 10

struct _EvtOrganisationsView
{
  GtkWidget          parent_instance;

  EvtStore          *store;
  gulong             changed_id;
  int                year;

  GListStore        *organisations;
  GtkMultiSelection *selection;
  GHashTable        *counts;    /* organisation id → events in the year */
  GHashTable        *sectors;   /* slug → EvtSector */
  EvtImportReport   *import_report;
  char              *last_toast;

  GCancellable      *load_cancellable;
  guint              reload_id;
  gboolean           disposed;   /* set_store() and reloads are no-ops then */
  guint              n_pending;
  gboolean           loaded;

  AdwToastOverlay   *toast_overlay;
  GtkSearchEntry    *search_entry;
  GtkToggleButton   *members_button;
  GtkWidget         *add_button;
  GtkMenuButton     *menu_button;
  GtkStack          *stack;
  GtkListView       *list_view;
  GtkSpinner        *spinner;
};

G_DEFINE_FINAL_TYPE (EvtOrganisationsView, evt_organisations_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void queue_reload (EvtOrganisationsView *self);

static void
pending_done (EvtOrganisationsView *self)
{
  g_return_if_fail (self->n_pending > 0);
  self->n_pending--;
}

static AdwToast *
show_toast (EvtOrganisationsView *self,
            const char           *title)
{
  AdwToast *toast = adw_toast_new (title);

  g_free (self->last_toast);
  self->last_toast = g_strdup (title);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

static GtkWindow *
parent_window (EvtOrganisationsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_message (EvtOrganisationsView *self,
              const char           *heading,
              const char           *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Rows ------------------------------------------------------------------------------------- */

static void
draw_dot (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  GdkRGBA *rgba = g_object_get_data (G_OBJECT (area), "evt-colour");

  if (rgba == NULL)
    return;
  gdk_cairo_set_source_rgba (cr, rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, DOT_SIZE / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           EvtOrganisationsView     *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *dot = gtk_drawing_area_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (_("Member"));
  GtkWidget *details = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "organisation-row");
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), DOT_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), DOT_SIZE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_dot, NULL, NULL);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "member-badge");
  gtk_box_append (GTK_BOX (line), name);
  gtk_box_append (GTK_BOX (line), badge);

  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), line);
  gtk_box_append (GTK_BOX (text), details);

  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "organisation-events");
  gtk_label_set_xalign (GTK_LABEL (count), 1);
  gtk_label_set_justify (GTK_LABEL (count), GTK_JUSTIFY_RIGHT);

  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), count);

  g_object_set_data (G_OBJECT (box), "evt-dot", dot);
  g_object_set_data (G_OBJECT (box), "evt-name", name);
  g_object_set_data (G_OBJECT (box), "evt-badge", badge);
  g_object_set_data (G_OBJECT (box), "evt-details", details);
  g_object_set_data (G_OBJECT (box), "evt-count", count);
  gtk_list_item_set_child (item, box);
}

static char *
describe_details (EvtOrganisationsView *self,
                  EvtOrganisation      *org)
{
  const char *city = evt_organisation_get_city (org);
  const char *slug = evt_organisation_get_sector (org);
  EvtSector *sector = slug != NULL && self->sectors != NULL
                      ? g_hash_table_lookup (self->sectors, slug) : NULL;
  g_autoptr(GString) text = g_string_new (evt_organisation_kind_get_label (
                                            evt_organisation_get_kind (org)));

  if (city != NULL)
    g_string_append_printf (text, " · %s", city);
  if (sector != NULL)
    g_string_append_printf (text, " · %s", sector->name);
  else if (slug != NULL)
    g_string_append_printf (text, " · %s", slug);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_count (EvtOrganisationsView *self,
                guint                 n)
{
  if (n == 0)
    return NULL;
  /* Translators: how many events an organisation took part in, in a year; on two
   * short lines, for narrow windows */
  return g_strdup_printf (ngettext ("%u event\nin %d", "%u events\nin %d", n), n, self->year);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          EvtOrganisationsView     *self)
{
  EvtOrganisation *org = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *dot = g_object_get_data (G_OBJECT (box), "evt-dot");
  const char *slug = evt_organisation_get_sector (org);
  EvtSector *sector = slug != NULL && self->sectors != NULL
                      ? g_hash_table_lookup (self->sectors, slug) : NULL;
  g_autofree char *details = describe_details (self, org);
  g_autofree char *count = describe_count (self, evt_organisations_view_get_n_events (self, org));
  g_autofree char *name = evt_one_line (evt_organisation_get_name (org));
  GdkRGBA rgba;

  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "evt-name"), name);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "evt-badge"),
                          evt_organisation_get_member (org));
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "evt-details"), details);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "evt-count"), count);

  if (sector != NULL && sector->colour != NULL && gdk_rgba_parse (&rgba, sector->colour))
    {
      g_object_set_data_full (G_OBJECT (dot), "evt-colour", gdk_rgba_copy (&rgba),
                              (GDestroyNotify) gdk_rgba_free);
      gtk_widget_set_tooltip_text (dot, sector->name);
    }
  else
    {
      g_object_set_data (G_OBJECT (dot), "evt-colour", NULL);
      gtk_widget_set_tooltip_text (dot, NULL);
    }
  gtk_widget_queue_draw (dot);
}

/* --- Loading -------------------------------------------------------------------------------- */

typedef struct
{
  char       *search;
  gboolean    members_only;
  int         year;
  GPtrArray  *organisations;
  GHashTable *counts;
  GPtrArray  *sectors;
} Load;

static void
load_free (Load *load)
{
  g_free (load->search);
  g_clear_pointer (&load->organisations, g_ptr_array_unref);
  g_clear_pointer (&load->counts, g_hash_table_unref);
  g_clear_pointer (&load->sectors, g_ptr_array_unref);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  EvtStore *store = source_object;
  Load *load = task_data;
  GError *error = NULL;

  load->organisations = evt_people_list_organisations (store, load->search, load->members_only,
                                                       &error);
  if (load->organisations != NULL)
    load->counts = evt_people_count_organisation_events (store, load->year, &error);
  if (load->counts != NULL)
    load->sectors = evt_store_list_sectors (store, &error);
  if (load->sectors == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
update_page (EvtOrganisationsView *self)
{
  const char *page;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (!self->loaded)
    page = "loading";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->organisations)) > 0)
    page = "list";
  else if (search[0] != '\0' || gtk_toggle_button_get_active (self->members_button))
    page = "no-match";
  else
    page = "empty";
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "loading"));
}

static void
update_actions (EvtOrganisationsView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (
                                    GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisations.merge",
                                 self->store != NULL && gtk_bitset_get_size (selected) == 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisations.add", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisations.add-person",
                                 self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisations.edit",
                                 self->store != NULL && gtk_bitset_get_size (selected) == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisations.delete",
                                 self->store != NULL && gtk_bitset_get_size (selected) == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisations.import", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisations.export", self->store != NULL);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(EvtOrganisationsView) self = user_data;
  g_autoptr(GError) error = NULL;
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkBitset) selected = NULL;
  GHashTable *by_id;

  pending_done (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->load_cancellable);
      g_warning ("Cannot read the organisations: %s", error->message);
      return;
    }
  g_clear_object (&self->load_cancellable);

  /* The selection is kept across the reload, by id. */
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < gtk_bitset_get_size (selected); i++)
    {
      g_autoptr(EvtOrganisation) org = g_list_model_get_item (G_LIST_MODEL (self->organisations),
                                                              gtk_bitset_get_nth (selected, i));

      g_ptr_array_add (keep, g_memdup2 (&(gint64) { evt_organisation_get_id (org) },
                                        sizeof (gint64)));
    }
  for (guint i = 0; i < keep->len; i++)
    g_hash_table_add (by_id, g_ptr_array_index (keep, i));

  g_clear_pointer (&self->counts, g_hash_table_unref);
  self->counts = g_steal_pointer (&load->counts);
  g_hash_table_remove_all (self->sectors);
  for (guint i = 0; i < load->sectors->len; i++)
    {
      EvtSector *sector = g_ptr_array_index (load->sectors, i);

      g_hash_table_insert (self->sectors, g_strdup (sector->slug), evt_sector_copy (sector));
    }

  g_list_store_splice (self->organisations, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->organisations)),
                       load->organisations->pdata, load->organisations->len);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  for (guint i = 0; i < load->organisations->len; i++)
    {
      gint64 id = evt_organisation_get_id (g_ptr_array_index (load->organisations, i));

      if (g_hash_table_contains (by_id, &id))
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, FALSE);
    }
  g_hash_table_unref (by_id);

  self->loaded = TRUE;
  update_page (self);
  update_actions (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  EvtOrganisationsView *self = user_data;
  g_autoptr(GTask) task = NULL;
  g_autofree char *search = NULL;
  Load *load;

  self->reload_id = 0;
  pending_done (self);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->store == NULL)
    return G_SOURCE_REMOVE;

  search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  load = g_new0 (Load, 1);
  load->search = search[0] != '\0' ? g_steal_pointer (&search) : NULL;
  load->members_only = gtk_toggle_button_get_active (self->members_button);
  load->year = self->year;

  self->load_cancellable = g_cancellable_new ();
  task = g_task_new (self->store, self->load_cancellable, on_loaded, g_object_ref (self));
  g_task_set_source_tag (task, reload_cb);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  self->n_pending++;
  g_task_run_in_thread (task, load_thread);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (EvtOrganisationsView *self)
{
  if (self->reload_id != 0 || self->disposed)
    return;
  self->n_pending++;
  /* The idle holds the widget: a reload queued while it goes runs on a live object. */
  self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_cb, g_object_ref (self),
                                     g_object_unref);
}

static void
on_store_changed (EvtStore             *store,
                  EvtOrganisationsView *self)
{
  queue_reload (self);
}

static void
on_search_changed (EvtOrganisationsView *self)
{
  queue_reload (self);
}

static void
on_stop_search (EvtOrganisationsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_members_toggled (EvtOrganisationsView *self)
{
  queue_reload (self);
}

static void
on_selection_changed (EvtOrganisationsView *self)
{
  update_actions (self);
}

/* --- Editing ---------------------------------------------------------------------------------- */

/* The organisation selected alone, as the Edit and Delete actions take it. */
static EvtOrganisation *
selected_organisation (EvtOrganisationsView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (
                                    GTK_SELECTION_MODEL (self->selection));

  if (gtk_bitset_get_size (selected) != 1)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->organisations),
                                gtk_bitset_get_nth (selected, 0));
}

/* The name of an organisation or a person, on one line, for a toast. */
static char *
record_name (GObject *record)
{
  if (EVT_IS_ORGANISATION (record))
    return evt_one_line (evt_organisation_get_name (EVT_ORGANISATION (record)));
  return evt_one_line (evt_person_get_name (EVT_PERSON (record)));
}

static void
on_record_saved (GtkWindow            *editor,
                 GObject              *record,
                 EvtOrganisationsView *self)
{
  g_autofree char *name = record_name (record);
  g_autofree char *title = NULL;

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editor), "evt-new")))
    /* Translators: a toast; %s is the name of an organisation or a person */
    title = g_strdup_printf (_("“%s” added"), name);
  else
    /* Translators: a toast; %s is the name of an organisation or a person */
    title = g_strdup_printf (_("“%s” saved"), name);
  show_toast (self, title);
}

static void
on_record_deleted (GtkWindow            *editor,
                   GObject              *record,
                   EvtOrganisationsView *self)
{
  g_autofree char *name = record_name (record);
  g_autofree char *title = NULL;

  /* Translators: a toast; %s is the name of an organisation or a person */
  title = g_strdup_printf (_("“%s” deleted"), name);
  show_toast (self, title);
}

/**
 * evt_organisations_view_edit_organisation: (skip)
 * @self: a view
 * @organisation: (nullable): the organisation to edit, %NULL for a new one
 * @parent: (nullable): the window the editor is for, else the view's
 *
 * Opens the organisation editor, as the New and Edit actions do.
 *
 * Returns: (transfer none): the editor, shown
 */
GtkWindow *
evt_organisations_view_edit_organisation (EvtOrganisationsView *self,
                                          EvtOrganisation      *organisation,
                                          GtkWindow            *parent)
{
  EvtOrganisationEditor *editor;

  g_return_val_if_fail (self->store != NULL, NULL);
  editor = evt_organisation_editor_new (parent != NULL ? parent : parent_window (self),
                                        self->store, organisation);
  g_object_set_data (G_OBJECT (editor), "evt-new", GINT_TO_POINTER (organisation == NULL));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_record_saved), self, 0);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_record_deleted), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

/**
 * evt_organisations_view_edit_person: (skip)
 * @self: a view
 * @person: (nullable): the person to edit, %NULL for a new one
 * @organisation_id: for a new person, their organisation at first (0 for none)
 * @parent: (nullable): the window the editor is for, else the view's
 *
 * Opens the person editor, as the details' Add Person button and rows do.
 *
 * Returns: (transfer none): the editor, shown
 */
GtkWindow *
evt_organisations_view_edit_person (EvtOrganisationsView *self,
                                    EvtPerson            *person,
                                    gint64                organisation_id,
                                    GtkWindow            *parent)
{
  EvtPersonEditor *editor;

  g_return_val_if_fail (self->store != NULL, NULL);
  editor = evt_person_editor_new (parent != NULL ? parent : parent_window (self), self->store,
                                  person, organisation_id);
  g_object_set_data (G_OBJECT (editor), "evt-new", GINT_TO_POINTER (person == NULL));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_record_saved), self, 0);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_record_deleted), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

typedef struct
{
  EvtOrganisationsView *self;
  char                 *name;
} DeleteCall;

static void
delete_call_free (DeleteCall *call)
{
  g_clear_object (&call->self);
  g_free (call->name);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeleteCall, delete_call_free)

static void
on_deleted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DeleteCall) call = user_data;
  EvtOrganisationsView *self = call->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  pending_done (self);
  if (!evt_organisation_editor_delete_finish (EVT_STORE (source), result, &error))
    {
      /* Given up, or refused with the reason shown. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("Cannot Delete the Organisation"), error->message);
      return;
    }
  /* Translators: a toast; %s is the name of an organisation or a person */
  title = g_strdup_printf (_("“%s” deleted"), call->name);
  show_toast (self, title);
}

/**
 * evt_organisations_view_delete_organisation: (skip)
 * @self: a view
 * @organisation: the organisation to delete
 *
 * Asks, then deletes, as the Delete action does: the confirmation says what becomes
 * of its people, or why it cannot be deleted.
 */
void
evt_organisations_view_delete_organisation (EvtOrganisationsView *self,
                                            EvtOrganisation      *organisation)
{
  DeleteCall *call;

  g_return_if_fail (self->store != NULL);
  call = g_new0 (DeleteCall, 1);
  call->self = g_object_ref (self);
  call->name = evt_one_line (evt_organisation_get_name (organisation));
  self->n_pending++;
  evt_organisation_editor_delete_async (parent_window (self), self->store, organisation, NULL,
                                        on_deleted, call);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  evt_organisations_view_edit_organisation (EVT_ORGANISATIONS_VIEW (widget), NULL, NULL);
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EvtOrganisationsView *self = EVT_ORGANISATIONS_VIEW (widget);
  g_autoptr(EvtOrganisation) org = selected_organisation (self);

  evt_organisations_view_edit_person (self, NULL, org != NULL ? evt_organisation_get_id (org) : 0,
                                      NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvtOrganisationsView *self = EVT_ORGANISATIONS_VIEW (widget);
  g_autoptr(EvtOrganisation) org = selected_organisation (self);

  if (org != NULL)
    evt_organisations_view_edit_organisation (self, org, NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvtOrganisationsView *self = EVT_ORGANISATIONS_VIEW (widget);
  g_autoptr(EvtOrganisation) org = selected_organisation (self);

  if (org != NULL)
    evt_organisations_view_delete_organisation (self, org);
}

/* --- Details -------------------------------------------------------------------------------- */

/* The dialog shows an organisation as the store has it: read again after each change. */
typedef struct
{
  GtkWidget            *dialog;
  EvtOrganisationsView *view;
  gint64                organisation_id;
  EvtOrganisation      *organisation;   /* as last read */
  AdwWindowTitle       *title;
  GtkWidget            *about;
  GtkWidget            *people;
  GtkWidget            *events;
  GPtrArray            *rows;           /* what the last read added, to take away */
  guint                 generation;
  gboolean              destroyed;      /* its widgets are gone: reads that end do nothing */
} DetailsDialog;

static void
details_dialog_free (DetailsDialog *dd)
{
  g_clear_object (&dd->view);
  g_clear_object (&dd->organisation);
  g_clear_pointer (&dd->rows, g_ptr_array_unref);
  g_free (dd);
}

typedef struct
{
  gint64           organisation_id;
  guint            generation;
  EvtOrganisation *organisation;
  GPtrArray       *people;
  GPtrArray       *participations;
} Details;

static void
details_free (Details *details)
{
  g_clear_object (&details->organisation);
  g_clear_pointer (&details->people, g_ptr_array_unref);
  g_clear_pointer (&details->participations, g_ptr_array_unref);
  g_free (details);
}

static void
details_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Details *details = task_data;
  GError *error = NULL;

  details->organisation = evt_people_get_organisation (source_object, details->organisation_id,
                                                       &error);
  if (details->organisation != NULL)
    details->people = evt_people_list_people (source_object, NULL, details->organisation_id,
                                              &error);
  if (details->people != NULL)
    details->participations = evt_people_list_organisation_participations (
                                source_object, details->organisation_id, &error);
  if (details->participations == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
add_detail_row (DetailsDialog *dd,
                GtkWidget     *group,
                GtkWidget     *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_object_set_data (G_OBJECT (row), "evt-group", group);
  g_ptr_array_add (dd->rows, row);
}

static void
add_info_row (DetailsDialog *dd,
              const char    *title,
              const char    *value)
{
  GtkWidget *row;

  if (value == NULL)
    return;
  row = evt_plain_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  add_detail_row (dd, dd->about, row);
}

static void
on_participation_activated (AdwActionRow         *row,
                            EvtOrganisationsView *self)
{
  gint64 *event_id = g_object_get_data (G_OBJECT (row), "evt-event-id");
  GtkRoot *dialog = gtk_widget_get_root (GTK_WIDGET (row));

  g_signal_emit (self, signals[SIGNAL_EVENT_ACTIVATED], 0, *event_id);
  if (GTK_IS_WINDOW (dialog))
    gtk_window_close (GTK_WINDOW (dialog));
}

static void
on_person_activated (AdwActionRow  *row,
                     DetailsDialog *dd)
{
  EvtPerson *person = g_object_get_data (G_OBJECT (row), "evt-person");

  evt_organisations_view_edit_person (dd->view, person, 0, GTK_WINDOW (dd->dialog));
}

static void
on_details_edit (DetailsDialog *dd)
{
  if (dd->organisation != NULL)
    evt_organisations_view_edit_organisation (dd->view, dd->organisation,
                                              GTK_WINDOW (dd->dialog));
}

static void
on_details_add_person (DetailsDialog *dd)
{
  evt_organisations_view_edit_person (dd->view, NULL, dd->organisation_id,
                                      GTK_WINDOW (dd->dialog));
}

static void
fill_details (DetailsDialog *dd,
              Details       *details)
{
  EvtOrganisation *org = details->organisation;
  EvtOrganisationsView *self = dd->view;
  g_autofree char *name = evt_one_line (evt_organisation_get_name (org));
  const char *slug = evt_organisation_get_sector (org);
  EvtSector *sector = slug != NULL ? g_hash_table_lookup (self->sectors, slug) : NULL;

  for (guint i = 0; i < dd->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (dd->rows, i);

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "evt-group"), row);
    }
  g_ptr_array_set_size (dd->rows, 0);
  g_set_object (&dd->organisation, org);

  gtk_window_set_title (GTK_WINDOW (dd->dialog), name);
  adw_window_title_set_title (dd->title, name);
  adw_window_title_set_subtitle (dd->title, evt_organisation_get_member (org) ? _("Member") : NULL);

  add_info_row (dd, _("Kind"), evt_organisation_kind_get_label (evt_organisation_get_kind (org)));
  add_info_row (dd, _("Sector"), sector != NULL ? sector->name : slug);
  add_info_row (dd, _("City"), evt_organisation_get_city (org));
  add_info_row (dd, _("Email"), evt_organisation_get_email (org));
  add_info_row (dd, _("Phone"), evt_organisation_get_phone (org));
  add_info_row (dd, _("Notes"), evt_organisation_get_notes (org));

  if (details->people->len == 0)
    add_detail_row (dd, dd->people, evt_placeholder_row_new (_("Nobody recorded")));
  for (guint i = 0; i < details->people->len; i++)
    {
      EvtPerson *person = g_ptr_array_index (details->people, i);
      g_autofree char *title = evt_one_line (evt_person_get_name (person));
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row = evt_plain_row_new ();
      GtkWidget *edit = gtk_image_new_from_icon_name ("document-edit-symbolic");
      g_autofree char *phone = NULL;
      const char *fields[3] = { evt_person_get_job_title (person), evt_person_get_email (person),
                                NULL };

      /* A phone number wraps as a whole, not between its pairs of digits. */
      if (evt_person_get_phone (person) != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (evt_person_get_phone (person), " ", -1);

          phone = g_strjoinv ("\u00a0", parts);
          fields[2] = phone;
        }
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        if (fields[f] != NULL)
          g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", fields[f]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (subtitle->len > 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("avatar-default-symbolic"));
      gtk_widget_set_tooltip_text (edit, _("Edit"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "evt-person", g_object_ref (person),
                              g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (on_person_activated), dd);
      add_detail_row (dd, dd->people, row);
    }

  if (details->participations->len == 0)
    add_detail_row (dd, dd->events, evt_placeholder_row_new (_("No event yet")));
  for (guint i = 0; i < details->participations->len; i++)
    {
      EvtParticipation *part = g_ptr_array_index (details->participations, i);
      const char *person = evt_participation_get_person_name (part);
      g_autofree char *day = evt_format_iso_day (evt_participation_get_event_start (part));
      g_autofree char *title = g_strdup (evt_participation_get_event_title (part));
      g_autoptr(GString) subtitle = g_string_new (day);
      GtkWidget *row = evt_plain_row_new ();
      GtkWidget *state = gtk_label_new (evt_participation_state_get_label (
                                          evt_participation_get_state (part)));

      g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "",
                              evt_role_get_label (evt_participation_get_role (part)));
      if (person != NULL)
        g_string_append_printf (subtitle, " · %s", person);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (state, "participation-badge");
      evt_people_set_state_class (state, "participation-",
                                  evt_participation_state_to_string (
                                    evt_participation_get_state (part)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "evt-event-id",
                              g_memdup2 (&(gint64) { evt_participation_get_event_id (part) },
                                         sizeof (gint64)), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_participation_activated), self,
                               0);
      add_detail_row (dd, dd->events, row);
    }
}

static void
on_details_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkWidget) dialog = user_data;
  g_autoptr(GError) error = NULL;
  DetailsDialog *dd = g_object_get_data (G_OBJECT (dialog), "evt-details");
  Details *details = g_task_get_task_data (G_TASK (result));
  /* The dialog holds the view: it lives until this is done. */
  EvtOrganisationsView *self = dd->view;

  pending_done (self);
  if (dd->destroyed || details->generation != dd->generation)
    return;  /* closed, or a later read is under way */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Deleted, from its editor or elsewhere: nothing left to show. */
      if (g_error_matches (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND))
        gtk_window_close (GTK_WINDOW (dialog));
      else
        add_detail_row (dd, dd->events, evt_placeholder_row_new (error->message));
      return;
    }
  fill_details (dd, details);
}

static void
load_details (GtkWidget *dialog)
{
  DetailsDialog *dd = g_object_get_data (G_OBJECT (dialog), "evt-details");
  g_autoptr(GTask) task = NULL;
  Details *details;

  if (dd->view->store == NULL || dd->destroyed)
    return;
  details = g_new0 (Details, 1);
  details->organisation_id = dd->organisation_id;
  details->generation = ++dd->generation;
  task = g_task_new (dd->view->store, NULL, on_details_loaded, g_object_ref (dialog));
  g_task_set_source_tag (task, load_details);
  g_task_set_task_data (task, details, (GDestroyNotify) details_free);
  dd->view->n_pending++;
  g_task_run_in_thread (task, details_thread);
}

static void
on_details_destroy (DetailsDialog *dd)
{
  dd->destroyed = TRUE;
}

static GtkWindow *
open_details (EvtOrganisationsView *self,
              EvtOrganisation      *org)
{
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  g_autofree char *name = evt_one_line (evt_organisation_get_name (org));
  GtkWidget *title = adw_window_title_new (name, NULL);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit"));
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  g_autoptr(GtkEventController) keys = NULL;
  DetailsDialog *dd = g_new0 (DetailsDialog, 1);

  dd->dialog = dialog;
  dd->view = g_object_ref (self);
  dd->organisation_id = evt_organisation_get_id (org);
  dd->organisation = g_object_ref (org);
  dd->title = ADW_WINDOW_TITLE (title);
  dd->about = adw_preferences_group_new ();
  dd->people = adw_preferences_group_new ();
  dd->events = adw_preferences_group_new ();
  dd->rows = g_ptr_array_new ();
  /* The view outlives the dialog's loads: the dialog holds it while it shows. */
  g_object_set_data_full (G_OBJECT (dialog), "evt-details", dd,
                          (GDestroyNotify) details_dialog_free);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent_window (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, 600);
  gtk_window_set_title (GTK_WINDOW (dialog), name);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_widget_set_name (edit, "edit-button");
  gtk_widget_set_tooltip_text (edit, _("Edit the name, kind, sector and city"));
  g_signal_connect_swapped (edit, "clicked", G_CALLBACK (on_details_edit), dd);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), edit);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (dialog), box);

  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape,
                                                                                  0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, g_steal_pointer (&keys));

  gtk_widget_set_name (add, "add-person-button");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Add Person"));
  evt_people_name (add, _("Add Person"));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_details_add_person), dd);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (dd->people), add);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (dd->people), _("People"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (dd->events), _("Events"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (dd->events),
                                         _("What it took part in, itself or through its people"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (dd->about));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (dd->people));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (dd->events));

  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (on_details_destroy), dd);
  /* Edits, from its editors or elsewhere, show at once. */
  g_signal_connect_object (self->store, "changed", G_CALLBACK (load_details), dialog,
                           G_CONNECT_SWAPPED);
  load_details (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
on_list_activate (EvtOrganisationsView *self,
                  guint                 position)
{
  g_autoptr(EvtOrganisation) org = g_list_model_get_item (G_LIST_MODEL (self->organisations),
                                                          position);

  if (org != NULL && self->store != NULL)
    open_details (self, org);
}

/* --- Import ---------------------------------------------------------------------------------- */

static void
details_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  evt_organisations_view_show_import_details (EVT_ORGANISATIONS_VIEW (widget));
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EvtOrganisationsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  EvtImportReport *report;
  AdwToast *toast;

  pending_done (self);
  report = evt_people_import_organisations_finish (EVT_STORE (source), result, &error);
  if (report == NULL)
    {
      g_free (self->last_toast);
      self->last_toast = g_strdup (error->message);
      show_message (self, _("Cannot Import the Member List"), error->message);
      return;
    }

  g_clear_pointer (&self->import_report, evt_import_report_free);
  self->import_report = report;
  summary = evt_people_describe_import (report);
  toast = show_toast (self, summary);
  if ((report->problems != NULL && report->problems->len > 0) ||
      (report->ignored_columns != NULL && report->ignored_columns[0] != NULL))
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "organisations.import-details");
      adw_toast_set_timeout (toast, 0);
    }
  queue_reload (self);
}

static void
on_import_response (GtkNativeDialog      *chooser,
                    int                   response,
                    EvtOrganisationsView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      evt_organisations_view_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvtOrganisationsView *self = EVT_ORGANISATIONS_VIEW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Members"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- Export ----------------------------------------------------------------------------------- */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *csv = NULL;
  GError *error = NULL;

  /* Semicolons and a BOM: what a French spreadsheet opens without asking. */
  csv = evt_people_export_organisations (source_object, ';', TRUE, &error);
  if (csv == NULL ||
      !g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EvtOrganisationsView) self = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;

  pending_done (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_free (self->last_toast);
      self->last_toast = g_strdup (error->message);
      show_message (self, _("Cannot Export the Organisations"), error->message);
      return;
    }
  /* Translators: a toast; %s is a file name */
  title = g_strdup_printf (_("Organisations exported to “%s”"), name);
  show_toast (self, title);
}

static void
on_export_response (GtkNativeDialog      *chooser,
                    int                   response,
                    EvtOrganisationsView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      evt_organisations_view_export_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvtOrganisationsView *self = EVT_ORGANISATIONS_VIEW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Organisations"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  /* Translators: the file name an export of the organisations suggests */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("organisations.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- Merge ------------------------------------------------------------------------------------ */

typedef struct
{
  EvtOrganisationsView *self;
  gint64                keep_id;
  gint64                duplicate_id;
  char                 *keep_name;
} Merge;

static void
merge_free (Merge *merge)
{
  g_clear_object (&merge->self);
  g_free (merge->keep_name);
  g_free (merge);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Merge, merge_free)

static gboolean
merge_write (EvtStore  *store,
             gpointer   data,
             GError   **error)
{
  Merge *merge = data;

  return evt_people_merge_organisations (store, merge->keep_id, merge->duplicate_id, error);
}

static void
on_merged (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Merge) merge = user_data;
  EvtOrganisationsView *self = merge->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  pending_done (self);
  if (!evt_people_run_finish (EVT_STORE (source), result, &error))
    {
      show_message (self, _("Cannot Merge the Organisations"), error->message);
      return;
    }
  /* Translators: a toast; %s is the name of the organisation kept */
  title = g_strdup_printf (_("Merged into “%s”"), merge->keep_name != NULL ? merge->keep_name : "");
  show_toast (self, title);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  queue_reload (self);
}

/**
 * evt_organisations_view_merge: (skip)
 * @self: a view
 * @keep_id: the organisation that stays
 * @duplicate_id: its duplicate
 *
 * Merges two organisations in a worker thread, as the Merge dialog does.
 */
void
evt_organisations_view_merge (EvtOrganisationsView *self,
                              gint64                keep_id,
                              gint64                duplicate_id)
{
  Merge *merge = g_new0 (Merge, 1);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->organisations)); i++)
    {
      g_autoptr(EvtOrganisation) org = g_list_model_get_item (G_LIST_MODEL (self->organisations),
                                                              i);

      if (evt_organisation_get_id (org) == keep_id)
        merge->keep_name = g_strdup (evt_organisation_get_name (org));
    }
  merge->self = g_object_ref (self);
  merge->keep_id = keep_id;
  merge->duplicate_id = duplicate_id;
  self->n_pending++;
  /* The thread reads the ids; the callback frees the whole. */
  evt_people_run_async (self->store, merge_write, merge, NULL, NULL, on_merged, merge);
}

static void
on_merge_response (AdwMessageDialog     *dialog,
                   const char           *response,
                   EvtOrganisationsView *self)
{
  EvtOrganisation *a = g_object_get_data (G_OBJECT (dialog), "evt-a");
  EvtOrganisation *b = g_object_get_data (G_OBJECT (dialog), "evt-b");

  if (g_str_equal (response, "keep-a"))
    evt_organisations_view_merge (self, evt_organisation_get_id (a), evt_organisation_get_id (b));
  else if (g_str_equal (response, "keep-b"))
    evt_organisations_view_merge (self, evt_organisation_get_id (b), evt_organisation_get_id (a));
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EvtOrganisationsView *self = EVT_ORGANISATIONS_VIEW (widget);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (
                                    GTK_SELECTION_MODEL (self->selection));
  g_autoptr(EvtOrganisation) a = NULL;
  g_autoptr(EvtOrganisation) b = NULL;
  g_autofree char *body = NULL;
  g_autofree char *keep_a = NULL;
  g_autofree char *keep_b = NULL;
  GtkWidget *dialog;

  if (gtk_bitset_get_size (selected) != 2)
    return;
  a = g_list_model_get_item (G_LIST_MODEL (self->organisations), gtk_bitset_get_nth (selected, 0));
  b = g_list_model_get_item (G_LIST_MODEL (self->organisations), gtk_bitset_get_nth (selected, 1));

  body = g_strdup_printf (_("“%s” and “%s” become one organisation. The people, events and "
                            "leads of the one that goes move to the one kept. This cannot be "
                            "undone."),
                          evt_organisation_get_name (a), evt_organisation_get_name (b));
  dialog = adw_message_dialog_new (parent_window (self), _("Merge Duplicates?"), body);
  /* Translators: a button; %s is the name of an organisation */
  keep_a = g_strdup_printf (_("Keep “%s”"), evt_organisation_get_name (a));
  keep_b = g_strdup_printf (_("Keep “%s”"), evt_organisation_get_name (b));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "keep-a", keep_a,
                                    "keep-b", keep_b,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep-a",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "evt-a", g_steal_pointer (&a), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "evt-b", g_steal_pointer (&b), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- GObject ---------------------------------------------------------------------------------- */

static void
disconnect_store (EvtOrganisationsView *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
}

static void
evt_organisations_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  EvtOrganisationsView *self = EVT_ORGANISATIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_organisations_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  EvtOrganisationsView *self = EVT_ORGANISATIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      evt_organisations_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      evt_organisations_view_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_organisations_view_dispose (GObject *object)
{
  EvtOrganisationsView *self = EVT_ORGANISATIONS_VIEW (object);

  self->disposed = TRUE;
  disconnect_store (self);
  if (self->reload_id != 0)
    {
      g_source_remove (self->reload_id);
      self->reload_id = 0;
      pending_done (self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_ORGANISATIONS_VIEW);

  G_OBJECT_CLASS (evt_organisations_view_parent_class)->dispose (object);
}

static void
evt_organisations_view_finalize (GObject *object)
{
  EvtOrganisationsView *self = EVT_ORGANISATIONS_VIEW (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->organisations);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->sectors, g_hash_table_unref);
  g_clear_pointer (&self->import_report, evt_import_report_free);
  g_free (self->last_toast);

  G_OBJECT_CLASS (evt_organisations_view_parent_class)->finalize (object);
}

static void
evt_organisations_view_class_init (EvtOrganisationsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = evt_organisations_view_get_property;
  object_class->set_property = evt_organisations_view_set_property;
  object_class->dispose = evt_organisations_view_dispose;
  object_class->finalize = evt_organisations_view_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EVT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EvtOrganisationsView:year:
   *
   * The year whose events the rows count.
   */
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 1000, 9999, 2000,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvtOrganisationsView::event-activated:
   * @self: the view
   * @event_id: the event chosen in an organisation's details
   */
  signals[SIGNAL_EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/eventail/Eventail/evt-organisations-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationsView, members_button);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationsView, add_button);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationsView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationsView, stack);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, EvtOrganisationsView, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_members_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_action (widget_class, "organisations.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "organisations.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "organisations.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "organisations.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "organisations.add-person", NULL,
                                   add_person_action);
  gtk_widget_class_install_action (widget_class, "organisations.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "organisations.delete", NULL, delete_action);
  /* Ctrl+N is the window's New Event, wherever the focus is. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "organisations.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "organisations.edit", NULL);
  gtk_widget_class_install_action (widget_class, "organisations.import-details", NULL,
                                   details_action);
}

/* Delete in the list: the search entry's key capture would take it for the entry. */
static gboolean
delete_shortcut (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  EvtOrganisationsView *self = EVT_ORGANISATIONS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autoptr(EvtOrganisation) org = NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return FALSE;
  org = selected_organisation (self);
  if (org == NULL || self->store == NULL)
    return FALSE;
  evt_organisations_view_delete_organisation (self, org);
  return TRUE;
}

static void
evt_organisations_view_init (EvtOrganisationsView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkListItemFactory *factory;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->year = g_date_time_get_year (now);
  self->sectors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) evt_sector_free);
  self->organisations = g_list_store_new (EVT_TYPE_ORGANISATION);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->organisations)));
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  /* Before the key capture, which runs in the same phase on the same widget. */
  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < 2; i++)
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_keyval_trigger_new (i == 0 ? GDK_KEY_Delete : GDK_KEY_KP_Delete, 0),
                        gtk_callback_action_new (delete_shortcut, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  evt_people_name (self->search_entry, _("Search organisations"));
  evt_people_name (self->menu_button, _("Edit, delete, merge, import and export"));
  evt_people_name (self->add_button, _("New Organisation"));
  update_page (self);
  update_actions (self);
}

/**
 * evt_organisations_view_new:
 *
 * Returns: (transfer floating): a new view, empty until it has a store
 */
GtkWidget *
evt_organisations_view_new (void)
{
  return g_object_new (EVT_TYPE_ORGANISATIONS_VIEW, NULL);
}

/**
 * evt_organisations_view_get_store:
 * @self: a view
 *
 * Returns: (transfer none) (nullable): the store shown
 */
EvtStore *
evt_organisations_view_get_store (EvtOrganisationsView *self)
{
  g_return_val_if_fail (EVT_IS_ORGANISATIONS_VIEW (self), NULL);
  return self->store;
}

/**
 * evt_organisations_view_set_store:
 * @self: a view
 * @store: (nullable): an open store
 *
 * Shows the organisations of @store, and follows its changes.
 */
void
evt_organisations_view_set_store (EvtOrganisationsView *self,
                                  EvtStore             *store)
{
  g_return_if_fail (EVT_IS_ORGANISATIONS_VIEW (self));
  g_return_if_fail (store == NULL || EVT_IS_STORE (store));

  if (store == self->store || self->disposed)
    return;
  disconnect_store (self);
  g_list_store_remove_all (self->organisations);
  self->loaded = FALSE;
  if (store != NULL)
    {
      self->store = g_object_ref (store);
      self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
      queue_reload (self);
    }
  update_page (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * evt_organisations_view_get_year:
 * @self: a view
 *
 * Returns: the year whose events the rows count
 */
int
evt_organisations_view_get_year (EvtOrganisationsView *self)
{
  g_return_val_if_fail (EVT_IS_ORGANISATIONS_VIEW (self), 0);
  return self->year;
}

/**
 * evt_organisations_view_set_year:
 * @self: a view
 * @year: the year whose events the rows count (the window's year)
 */
void
evt_organisations_view_set_year (EvtOrganisationsView *self,
                                 int                   year)
{
  g_return_if_fail (EVT_IS_ORGANISATIONS_VIEW (self));

  if (year == self->year)
    return;
  self->year = year;
  queue_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/**
 * evt_organisations_view_focus_search:
 * @self: a view
 *
 * Puts the focus in the search entry (Ctrl+F).
 */
void
evt_organisations_view_focus_search (EvtOrganisationsView *self)
{
  g_return_if_fail (EVT_IS_ORGANISATIONS_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* --- Private ---------------------------------------------------------------------------------- */

gboolean
evt_organisations_view_is_busy (EvtOrganisationsView *self)
{
  return self->n_pending > 0;
}

const char *
evt_organisations_view_get_page (EvtOrganisationsView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

GListModel *
evt_organisations_view_get_model (EvtOrganisationsView *self)
{
  return G_LIST_MODEL (self->organisations);
}

GtkSelectionModel *
evt_organisations_view_get_selection (EvtOrganisationsView *self)
{
  return GTK_SELECTION_MODEL (self->selection);
}

GtkEditable *
evt_organisations_view_get_search_entry (EvtOrganisationsView *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GtkWidget *
evt_organisations_view_get_list_view (EvtOrganisationsView *self)
{
  return GTK_WIDGET (self->list_view);
}

guint
evt_organisations_view_get_n_events (EvtOrganisationsView *self,
                                     EvtOrganisation      *organisation)
{
  gint64 id = evt_organisation_get_id (organisation);

  if (self->counts == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, &id));
}

char *
evt_organisations_view_describe_row (EvtOrganisationsView *self,
                                     guint                 position)
{
  g_autoptr(EvtOrganisation) org = g_list_model_get_item (G_LIST_MODEL (self->organisations),
                                                          position);
  g_autofree char *details = NULL;
  g_autofree char *count = NULL;

  g_return_val_if_fail (org != NULL, NULL);
  details = describe_details (self, org);
  count = describe_count (self, evt_organisations_view_get_n_events (self, org));
  if (count != NULL)
    g_strdelimit (count, "\n", ' ');
  return g_strdup_printf ("%s%s | %s | %s", evt_organisation_get_name (org),
                          evt_organisation_get_member (org) ? " [Member]" : "", details,
                          count != NULL ? count : "");
}

/**
 * evt_organisations_view_import_file: (skip)
 * @self: a view
 * @file: a CSV member list
 *
 * Imports @file in a worker thread, as the Import action does once a file is chosen.
 */
void
evt_organisations_view_import_file (EvtOrganisationsView *self,
                                    GFile                *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (self->store == NULL || path == NULL)
    return;
  self->n_pending++;
  evt_people_import_organisations_async (self->store, path, NULL, on_imported,
                                         g_object_ref (self));
}

/**
 * evt_organisations_view_export_file: (skip)
 * @self: a view
 * @file: where to write
 *
 * Exports every organisation as CSV in a worker thread.
 */
void
evt_organisations_view_export_file (EvtOrganisationsView *self,
                                    GFile                *file)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL)
    return;
  task = g_task_new (self->store, NULL, on_exported, g_object_ref (self));
  g_task_set_source_tag (task, evt_organisations_view_export_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  self->n_pending++;
  g_task_run_in_thread (task, export_thread);
}

const EvtImportReport *
evt_organisations_view_get_import_report (EvtOrganisationsView *self)
{
  return self->import_report;
}

const char *
evt_organisations_view_get_last_toast (EvtOrganisationsView *self)
{
  return self->last_toast;
}

GtkWindow *
evt_organisations_view_open_details (EvtOrganisationsView *self,
                                     guint                 position)
{
  g_autoptr(EvtOrganisation) org = g_list_model_get_item (G_LIST_MODEL (self->organisations),
                                                          position);

  g_return_val_if_fail (org != NULL, NULL);
  return open_details (self, org);
}

/**
 * evt_organisations_view_show_import_details: (skip)
 * @self: a view
 *
 * Shows the rows the last import left out, with their line numbers, and the
 * columns it did not understand.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWindow *
evt_organisations_view_show_import_details (EvtOrganisationsView *self)
{
  EvtImportReport *report = self->import_report;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *list;
  guint n_problems;

  if (report == NULL)
    return NULL;
  n_problems = report->problems != NULL ? report->problems->len : 0;

  g_string_append_printf (body, ngettext ("%u row read", "%u rows read", report->n_rows),
                          report->n_rows);
  g_string_append (body, " · ");
  g_string_append_printf (body, ngettext ("%u row left out", "%u rows left out", n_problems),
                          n_problems);
  if (report->encoding != NULL)
    {
      g_string_append (body, "\n");
      /* Translators: how a CSV file was read; %s is an encoding such as UTF-8 */
      g_string_append_printf (body, _("Read as %s, separated by “%c”"), report->encoding,
                              report->separator);
    }
  if (report->ignored_columns != NULL && report->ignored_columns[0] != NULL)
    {
      g_autofree char *columns = g_strjoinv (", ", report->ignored_columns);

      g_string_append (body, "\n");
      g_string_append_printf (body, _("Columns left aside: %s"), columns);
    }

  dialog = adw_message_dialog_new (parent_window (self), _("Member List Import"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  if (n_problems > 0)
    {
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint i = 0; i < n_problems; i++)
        {
          EvtImportProblem *problem = g_ptr_array_index (report->problems, i);
          g_autofree char *title = g_strdup_printf (_("Line %u"), problem->line);
          GtkWidget *row = evt_plain_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->message);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }

  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
