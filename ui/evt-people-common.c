/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-people-common.c: what the widgets of participants, outcomes and organisations share. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "evt-date-format.h"
#include "evt-people-common.h"

typedef struct
{
  EvtPeopleWriteFunc func;
  gpointer           data;
  GDestroyNotify     data_free;
} RunData;

static void
run_data_free (RunData *run)
{
  if (run->data_free != NULL)
    run->data_free (run->data);
  g_free (run);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *run = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (run->func (source_object, run->data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * evt_people_run_async:
 * @store: an open store
 * @func: a write of the core (evt_people_save_participation()...) wrapped to this type
 * @data: what @func writes; the worker thread owns it until @callback
 * @data_free: (nullable): frees @data after @callback
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the calling thread's main context
 * @user_data: data for @callback
 *
 * Runs a write of the core in a worker thread, so that the window never waits on the
 * disk. The core's writes have no _async variants of their own: they are quick, but
 * a busy store (an import in another thread) holds its lock.
 */
void
evt_people_run_async (EvtStore            *store,
                      EvtPeopleWriteFunc   func,
                      gpointer             data,
                      GDestroyNotify       data_free,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *run;

  g_return_if_fail (EVT_IS_STORE (store));
  g_return_if_fail (func != NULL);

  run = g_new0 (RunData, 1);
  run->func = func;
  run->data = data;
  run->data_free = data_free;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, evt_people_run_async);
  g_task_set_task_data (task, run, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_thread);
}

/**
 * evt_people_run_finish:
 * @store: the store
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the write was done
 */
gboolean
evt_people_run_finish (EvtStore      *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == evt_people_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * evt_parse_count:
 * @text: what someone typed: "12", or nothing
 * @count: (out): the number, -1 for nothing
 *
 * Returns: %TRUE if @text is a whole number >= 0 or blank
 */
gboolean
evt_parse_count (const char *text,
                 int        *count)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint64 value;

  *count = -1;
  if (stripped[0] == '\0')
    return TRUE;
  if (!g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXINT, &value, NULL))
    return FALSE;
  *count = (int) value;
  return TRUE;
}

/**
 * evt_format_iso_day:
 * @iso_day: (nullable): a day as YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the day as people read it, "15 Oct 2022"
 */
char *
evt_format_iso_day (const char *iso_day)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (iso_day == NULL || sscanf (iso_day, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;
  dt = g_date_time_new_local (y, m, d, 0, 0, 0);
  return evt_format_date (dt);
}

/**
 * evt_format_short_day:
 * @iso_day: (nullable): a day as YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the day in few letters, "21 Nov 2026", for
 *   a narrow place
 */
char *
evt_format_short_day (const char *iso_day)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (iso_day == NULL || sscanf (iso_day, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;
  dt = g_date_time_new_local (y, m, d, 0, 0, 0);
  /* Translators: a short date, see g_date_time_format(); French: "%-d %b %Y" */
  return g_date_time_format (dt, _("%b %-d, %Y"));
}

/**
 * evt_format_participation_counts:
 * @counts: (array fixed-size=6): participants by #EvtParticipationState
 *
 * Returns: (transfer full): "3 confirmed · 1 invited", the states in their order,
 *   those with nobody left out; "No participants yet" for nobody
 */
char *
evt_format_participation_counts (const guint *counts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (EvtParticipationState s = 0; s < EVT_N_PARTICIPATION_STATES; s++)
    {
      g_autofree char *part = NULL;
      guint n = counts[s];

      if (n == 0)
        continue;
      switch (s)
        {
        case EVT_PARTICIPATION_STATE_INVITED:
          part = g_strdup_printf (ngettext ("%u invited", "%u invited", n), n);
          break;
        case EVT_PARTICIPATION_STATE_REGISTERED:
          part = g_strdup_printf (ngettext ("%u registered", "%u registered", n), n);
          break;
        case EVT_PARTICIPATION_STATE_CONFIRMED:
          part = g_strdup_printf (ngettext ("%u confirmed", "%u confirmed", n), n);
          break;
        case EVT_PARTICIPATION_STATE_ATTENDED:
          part = g_strdup_printf (ngettext ("%u attended", "%u attended", n), n);
          break;
        case EVT_PARTICIPATION_STATE_NO_SHOW:
          part = g_strdup_printf (ngettext ("%u no-show", "%u no-shows", n), n);
          break;
        case EVT_PARTICIPATION_STATE_CANCELLED:
        default:
          part = g_strdup_printf (ngettext ("%u cancelled", "%u cancelled", n), n);
          break;
        }
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, part);
    }

  if (text->len == 0)
    return g_strdup (_("No participants yet"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * evt_format_satisfaction:
 * @satisfaction: 1 to 5, 0 for not rated
 *
 * Returns: (transfer full): "4 / 5", "4.5 / 5" (in the locale's digits), or
 *   "Not rated"
 */
char *
evt_format_satisfaction (double satisfaction)
{
  if (satisfaction <= 0)
    return g_strdup (_("Not rated"));
  if (satisfaction == (int) satisfaction)
    /* Translators: a satisfaction rating out of 5 */
    return g_strdup_printf (_("%d / 5"), (int) satisfaction);
  /* Translators: a satisfaction rating out of 5, with a decimal */
  return g_strdup_printf (_("%.1f / 5"), satisfaction);
}

/**
 * evt_people_today:
 *
 * Returns: (transfer full): today in the local time zone, the day follow-ups
 *   are due by
 */
GDate *
evt_people_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now),
                         g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

/**
 * evt_people_describe_import:
 * @report: what an import of the member list did
 *
 * Returns: (transfer full): one line for a toast: "12 organisations added,
 *   3 updated, 2 rows left out"
 */
char *
evt_people_describe_import (const EvtImportReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_problems = report->problems != NULL ? report->problems->len : 0;

  g_string_append_printf (text, ngettext ("%u organisation added", "%u organisations added",
                                          report->n_added), report->n_added);
  if (report->n_updated > 0)
    {
      g_string_append (text, ", ");
      g_string_append_printf (text, ngettext ("%u updated", "%u updated", report->n_updated),
                              report->n_updated);
    }
  if (n_problems > 0)
    {
      g_string_append (text, ", ");
      g_string_append_printf (text, ngettext ("%u row left out", "%u rows left out",
                                              n_problems), n_problems);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * evt_participation_state_model_new:
 *
 * Returns: (transfer full): the labels of the participation states, in the order
 *   of #EvtParticipationState, for a #GtkDropDown
 */
GtkStringList *
evt_participation_state_model_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (EvtParticipationState s = 0; s < EVT_N_PARTICIPATION_STATES; s++)
    gtk_string_list_append (list, evt_participation_state_get_label (s));
  return list;
}

/**
 * evt_role_model_new:
 *
 * Returns: (transfer full): the labels of the roles, in the order of #EvtRole
 */
GtkStringList *
evt_role_model_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (EvtRole r = 0; r < EVT_N_ROLES; r++)
    gtk_string_list_append (list, evt_role_get_label (r));
  return list;
}

/**
 * evt_lead_state_model_new:
 *
 * Returns: (transfer full): the labels of the lead states, in the order of
 *   #EvtLeadState
 */
GtkStringList *
evt_lead_state_model_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (EvtLeadState s = 0; s < EVT_N_LEAD_STATES; s++)
    gtk_string_list_append (list, evt_lead_state_get_label (s));
  return list;
}

/**
 * evt_people_set_state_class:
 * @widget: a widget
 * @prefix: the prefix of the classes the widget takes in turn ("lead-")
 * @nick: (nullable): the stable id of the state ("open", "no-show")
 *
 * Gives @widget the class @prefix@nick, removing the one it had, so that
 * style.css colours it.
 */
void
evt_people_set_state_class (GtkWidget  *widget,
                            const char *prefix,
                            const char *nick)
{
  const char *old = g_object_get_data (G_OBJECT (widget), "evt-state-class");

  if (old != NULL)
    gtk_widget_remove_css_class (widget, old);
  if (nick == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "evt-state-class", NULL);
      return;
    }
  g_object_set_data_full (G_OBJECT (widget), "evt-state-class",
                          g_strconcat (prefix, nick, NULL), g_free);
  gtk_widget_add_css_class (widget, g_object_get_data (G_OBJECT (widget), "evt-state-class"));
}

/**
 * evt_plain_row_new:
 *
 * Returns: (transfer floating): an #AdwActionRow whose title and subtitle are
 *   plain text: names of companies hold "&" and quotes
 */
GtkWidget *
evt_plain_row_new (void)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
}

/**
 * evt_one_line:
 * @text: (nullable): a name, which a spreadsheet cell may have broken into lines
 *
 * Returns: (transfer full) (nullable): @text with each run of white space (line
 *   breaks included) made one space, for a row that has one line for it
 */
char *
evt_one_line (const char *text)
{
  g_autoptr(GString) line = NULL;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;
  line = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = line->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (line, ' ');
      space = FALSE;
      g_string_append_c (line, *p);
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/**
 * evt_placeholder_row_new:
 * @text: what an empty list says
 *
 * Returns: (transfer floating): a row that says @text in the middle, dimmed, for a
 *   boxed list with nothing in it yet
 */
GtkWidget *
evt_placeholder_row_new (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/**
 * evt_people_find_descendant:
 * @widget: a widget
 * @type: a widget type
 *
 * Returns: (transfer none) (nullable): the first widget of @type under @widget, depth
 *   first: the parts that composite widgets of GTK and libadwaita do not expose
 */
GtkWidget *
evt_people_find_descendant (GtkWidget *widget,
                            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = evt_people_find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/**
 * evt_people_name:
 * @widget: a control
 * @name: what a screen reader calls it
 *
 * Names @widget and the part of it that takes the focus: the text of an entry, the
 * button of a drop-down or a menu button.
 */
void
evt_people_name (gpointer    widget,
                 const char *name)
{
  GtkWidget *inner = NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  if (GTK_IS_EDITABLE (widget))
    inner = evt_people_find_descendant (widget, GTK_TYPE_TEXT);
  else if (GTK_IS_DROP_DOWN (widget) || GTK_IS_MENU_BUTTON (widget))
    inner = evt_people_find_descendant (widget, GTK_TYPE_TOGGLE_BUTTON);
  if (inner != NULL && inner != widget)
    gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
  /* A drop-down's list has a search entry, hidden unless searching is on. */
  if (GTK_IS_DROP_DOWN (widget) && (inner = evt_people_find_descendant (widget, GTK_TYPE_SEARCH_ENTRY)) != NULL)
    evt_people_name (inner, name);
}

/**
 * evt_people_name_rows:
 * @root: a widget
 *
 * Names the entry rows and expander rows under @root by their titles: their text
 * and their expander have no name of their own in libadwaita 1.2.
 */
void
evt_people_name_rows (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ENTRY_ROW (child) || ADW_IS_EXPANDER_ROW (child))
        {
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));

          if (title != NULL && title[0] != '\0')
            evt_people_name (child, title);
        }
      evt_people_name_rows (child);
    }
}

static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  max_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (max_chars) > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (max_chars));
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static GtkListItemFactory *
choice_factory (int max_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), GINT_TO_POINTER (max_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), NULL);
  return factory;
}

/**
 * evt_people_narrow_drop_down:
 * @drop_down: a drop-down of a #GtkStringList
 * @max_chars: how many characters its button shows at most
 *
 * Ellipsizes the choice the button shows, so that a long label ("Exhibitor on the
 * shared stand") does not make the drop-down, and what holds it, wider than a phone;
 * the list that opens shows the labels whole.
 */
void
evt_people_narrow_drop_down (GtkDropDown *drop_down,
                             int          max_chars)
{
  g_autoptr(GtkListItemFactory) button = choice_factory (max_chars);
  g_autoptr(GtkListItemFactory) list = choice_factory (0);

  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, list);
}

/**
 * evt_people_entry_text:
 * @editable: a #GtkEditable (an #AdwEntryRow...)
 *
 * Returns: (transfer full) (nullable): what it holds without the spaces around,
 *   %NULL for nothing: what the core keeps of a field
 */
char *
evt_people_entry_text (gpointer editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/**
 * evt_people_show_field_error:
 * @row: a row of a boxed list (an #AdwEntryRow, an #AdwComboRow...)
 * @message: why the core refused what it holds
 *
 * Marks @row invalid (red, and so for a screen reader, with @message as its
 * description) and shows @message in a row of its own right below it, until
 * evt_people_clear_field_error().
 */
void
evt_people_show_field_error (GtkWidget  *row,
                             const char *message)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *message_row = g_object_get_data (G_OBJECT (row), "evt-field-error");
  GtkWidget *label;

  g_return_if_fail (GTK_IS_LIST_BOX_ROW (row) && GTK_IS_LIST_BOX (list));

  if (message_row == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Error"), -1);
      label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_add_css_class (box, "error");

      message_row = gtk_list_box_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message_row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (message_row), FALSE);
      gtk_widget_set_focusable (message_row, FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (message_row), box);
      gtk_widget_add_css_class (message_row, "field-error");
      g_object_set_data (G_OBJECT (message_row), "evt-label", label);
      gtk_list_box_insert (GTK_LIST_BOX (list), message_row,
                           gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
      g_object_set_data (G_OBJECT (row), "evt-field-error", message_row);
    }

  label = g_object_get_data (G_OBJECT (message_row), "evt-label");
  gtk_label_set_text (GTK_LABEL (label), message);
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
}

/**
 * evt_people_clear_field_error:
 * @row: a row evt_people_show_field_error() marked, or not
 *
 * Takes the mark and the message away, once the field changes or is saved.
 */
void
evt_people_clear_field_error (GtkWidget *row)
{
  GtkWidget *message_row = g_object_get_data (G_OBJECT (row), "evt-field-error");
  GtkWidget *list;

  if (message_row == NULL)
    return;
  list = gtk_widget_get_parent (message_row);
  if (GTK_IS_LIST_BOX (list))
    gtk_list_box_remove (GTK_LIST_BOX (list), message_row);
  g_object_set_data (G_OBJECT (row), "evt-field-error", NULL);
  gtk_widget_remove_css_class (row, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * evt_people_get_field_error:
 * @row: a row
 *
 * Returns: (nullable): the message shown below @row, %NULL for none
 */
const char *
evt_people_get_field_error (GtkWidget *row)
{
  GtkWidget *message_row = g_object_get_data (G_OBJECT (row), "evt-field-error");

  if (message_row == NULL)
    return NULL;
  return gtk_label_get_text (g_object_get_data (G_OBJECT (message_row), "evt-label"));
}
