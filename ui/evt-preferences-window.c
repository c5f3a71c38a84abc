/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-preferences-window.c: the default time zone, the feed folder, the feeds, the sectors. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-feed.h"
#include "evt-feed-editor-private.h"
#include "evt-preferences-window-private.h"
#include "evt-sector.h"

/* The colours new sectors get, in turn: GNOME's palette, the 3 shades. */
static const char * const sector_palette[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44",
  "#1c71d8", "#26a269", "#e5a50a", "#c64600", "#a51d2d", "#613583", "#63452c",
};

/* Where the system keeps the names of the time zones, most complete first. */
static const char * const zone_tables[] = {
  "/usr/share/zoneinfo/zone1970.tab",
  "/usr/share/zoneinfo/zone.tab",
};

struct _EvtPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *timezone_row;
  GtkStringList        *zones;
  AdwActionRow         *folder_row;
  GtkWidget            *folder_reset_button;
  GtkListBox           *feeds_list;
  GtkListBox           *sectors_list;
  AdwEntryRow          *new_sector_row;

  EvtStore             *store;
  GSettings            *settings;       /* NULL when the schema is not installed */
  GCancellable         *cancellable;
  GPtrArray            *sectors;        /* EvtSector, as the list shows them */
  GPtrArray            *feeds;          /* EvtFeed */
  char                 *folder;
  char                 *default_folder;
  GtkFileChooserNative *chooser;
  EvtFeedEditor        *editor;         /* weak: the subpage shown */
  EvtSector            *removed_sector; /* for the toast's Undo */
  char                 *last_toast;

  guint                 n_tasks;
  gboolean              zones_loaded;
};

G_DEFINE_FINAL_TYPE (EvtPreferencesWindow, evt_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void load (EvtPreferencesWindow *self);

static void
add_toast (EvtPreferencesWindow *self,
           AdwToast             *toast)
{
  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
show_toast (EvtPreferencesWindow *self,
            const char           *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 5);
  add_toast (self, toast);
}

static void
task_started (EvtPreferencesWindow *self)
{
  self->n_tasks++;
}

static void
task_finished (EvtPreferencesWindow *self)
{
  g_assert (self->n_tasks > 0);
  self->n_tasks--;
}

static char *
rgba_to_hex (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) (CLAMP (rgba->red, 0.0, 1.0) * 255 + 0.5),
                          (guint) (CLAMP (rgba->green, 0.0, 1.0) * 255 + 0.5),
                          (guint) (CLAMP (rgba->blue, 0.0, 1.0) * 255 + 0.5));
}

static EvtSector *
find_sector (EvtPreferencesWindow *self,
             const char           *slug,
             guint                *position)
{
  for (guint i = 0; self->sectors != NULL && i < self->sectors->len; i++)
    {
      EvtSector *sector = g_ptr_array_index (self->sectors, i);

      if (g_strcmp0 (sector->slug, slug) == 0)
        {
          if (position != NULL)
            *position = i;
          return sector;
        }
    }

  return NULL;
}

static void
remove_all (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* ------------------------------------------------------------------------ */
/* Reading everything, in a worker thread                                    */

typedef struct
{
  EvtStore  *store;
  gboolean   with_zones;
  GPtrArray *zones;    /* char *, sorted */
  GPtrArray *sectors;
  GPtrArray *feeds;
  char      *folder;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->zones, g_ptr_array_unref);
  g_clear_pointer (&data->sectors, g_ptr_array_unref);
  g_clear_pointer (&data->feeds, g_ptr_array_unref);
  g_free (data->folder);
  g_free (data);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The IANA zones people live in ("Europe/Paris"), from the system's tzdata, and UTC. */
static GPtrArray *
read_zones (void)
{
  GPtrArray *zones = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint t = 0; t < G_N_ELEMENTS (zone_tables) && zones->len == 0; t++)
    {
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_file_get_contents (zone_tables[t], &contents, NULL, NULL))
        continue;

      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = NULL;

          if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
          fields = g_strsplit (lines[i], "\t", 4);
          if (g_strv_length (fields) < 3 || g_hash_table_contains (seen, fields[2]))
            continue;
          g_ptr_array_add (zones, g_strdup (fields[2]));
          g_hash_table_add (seen, g_ptr_array_index (zones, zones->len - 1));
        }
    }

  /* Without tzdata the default stays choosable. */
  if (!g_hash_table_contains (seen, "Europe/Paris"))
    g_ptr_array_add (zones, g_strdup ("Europe/Paris"));
  g_ptr_array_add (zones, g_strdup ("UTC"));
  g_ptr_array_sort (zones, compare_strings);

  return zones;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;

  if (data->with_zones)
    data->zones = read_zones ();

  data->sectors = evt_store_list_sectors (data->store, &error);
  if (data->sectors != NULL)
    data->feeds = evt_feed_list (data->store, &error);
  if (data->feeds != NULL)
    data->folder = evt_feed_get_folder (data->store, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static char *
zone_label (GtkStringObject *item,
            gpointer         user_data)
{
  /* "America/New_York" reads "America/New York". */
  return g_strdelimit (g_strdup (gtk_string_object_get_string (item)), "_", ' ');
}

static gboolean
zone_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  EvtPreferencesWindow *self = user_data;
  const char *zone = g_variant_get_string (variant, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->zones));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->zones, i), zone) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
zone_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  EvtPreferencesWindow *self = user_data;
  const char *zone = gtk_string_list_get_string (self->zones, g_value_get_uint (value));

  return zone != NULL ? g_variant_new_string (zone) : NULL;
}

static void
fill_zones (EvtPreferencesWindow *self,
            GPtrArray            *zones)
{
  g_autofree char *current = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint i = 0; i < zones->len; i++)
    g_ptr_array_add (all, g_ptr_array_index (zones, i));

  /* A zone set elsewhere that the table does not know stays shown. */
  if (self->settings != NULL)
    {
      current = g_settings_get_string (self->settings, "default-timezone");
      if (current != NULL && *current != '\0' &&
          !g_ptr_array_find_with_equal_func (all, current, g_str_equal, NULL))
        {
          g_ptr_array_add (all, current);
          g_ptr_array_sort (all, compare_strings);
        }
    }
  g_ptr_array_add (all, NULL);

  gtk_string_list_splice (self->zones, 0, g_list_model_get_n_items (G_LIST_MODEL (self->zones)),
                          (const char * const *) all->pdata);
  self->zones_loaded = TRUE;

  if (self->settings != NULL)
    {
      g_settings_bind_with_mapping (self->settings, "default-timezone",
                                    self->timezone_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                    zone_get_mapping, zone_set_mapping, self, NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->timezone_row), TRUE);
    }
}

static void
update_folder_row (EvtPreferencesWindow *self)
{
  adw_action_row_set_subtitle (self->folder_row, self->folder ? self->folder : "");
  gtk_widget_set_visible (self->folder_reset_button,
                          self->folder != NULL &&
                          g_strcmp0 (self->folder, self->default_folder) != 0);
}

/* ------------------------------------------------------------------------ */
/* Sectors                                                                   */

static gboolean
save_sector (EvtPreferencesWindow *self,
             const char           *slug,
             const char           *name,
             const char           *colour)
{
  g_autoptr(EvtSector) sector = evt_sector_new (slug, name, colour);
  g_autoptr(GError) error = NULL;
  EvtSector *known;
  guint position;

  /* A small write of one row: done here, as the command line does. */
  if (!evt_store_save_sector (self->store, sector, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }

  known = find_sector (self, slug, &position);
  if (known != NULL)
    {
      g_ptr_array_index (self->sectors, position) = g_steal_pointer (&sector);
      evt_sector_free (known);
    }
  else
    g_ptr_array_add (self->sectors, g_steal_pointer (&sector));

  return TRUE;
}

static const char *
row_get_slug (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "evt-slug") : NULL;
}

static void
sector_colour_set (GtkColorButton       *button,
                   EvtPreferencesWindow *self)
{
  const char *slug = row_get_slug (GTK_WIDGET (button));
  EvtSector *sector = find_sector (self, slug, NULL);
  g_autofree char *colour = NULL;
  GdkRGBA rgba;

  if (sector == NULL)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  colour = rgba_to_hex (&rgba);

  if (!save_sector (self, slug, sector->name, colour))
    {
      /* Back to the colour that is kept. */
      sector = find_sector (self, slug, NULL);
      if (sector != NULL && gdk_rgba_parse (&rgba, sector->colour))
        gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
    }
}

static void
sector_name_apply (AdwEntryRow          *row,
                   EvtPreferencesWindow *self)
{
  const char *slug = g_object_get_data (G_OBJECT (row), "evt-slug");
  EvtSector *sector = find_sector (self, slug, NULL);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (sector == NULL)
    return;

  if (*name == '\0' || !save_sector (self, slug, name, sector->colour))
    {
      if (*name == '\0')
        show_toast (self, _("A sector needs a name"));
      sector = find_sector (self, slug, NULL);
      gtk_editable_set_text (GTK_EDITABLE (row), sector->name);
    }
}

static void
sector_remove_clicked (GtkButton            *button,
                       EvtPreferencesWindow *self)
{
  g_autofree char *slug = g_strdup (row_get_slug (GTK_WIDGET (button)));
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);
  g_autoptr(GError) error = NULL;
  EvtSector *sector;
  AdwToast *toast;
  guint position;

  sector = find_sector (self, slug, &position);
  if (sector == NULL)
    return;

  /* The store refuses a sector that events use, and says so. */
  if (!evt_store_remove_sector (self->store, slug, &error))
    {
      show_toast (self, error->message);
      return;
    }

  g_clear_pointer (&self->removed_sector, evt_sector_free);
  self->removed_sector = g_ptr_array_steal_index (self->sectors, position);
  gtk_list_box_remove (self->sectors_list, row);

  /* Translators: %s is a sector's name */
  toast = adw_toast_new_format (_("Sector “%s” removed"), self->removed_sector->name);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "prefs.restore-sector");
  adw_toast_set_timeout (toast, 8);
  add_toast (self, toast);
}

static GtkWidget *
create_sector_row (EvtPreferencesWindow *self,
                   const EvtSector      *sector)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *colour = gtk_color_button_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *colour_label = NULL;
  g_autofree char *remove_label = NULL;
  GdkRGBA rgba;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* The title is the identifier the command line and CSV files use. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sector->slug);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), sector->name);
  g_object_set_data_full (G_OBJECT (row), "evt-slug", g_strdup (sector->slug), g_free);
  gtk_widget_add_css_class (row, "sector-row");
  g_signal_connect (row, "apply", G_CALLBACK (sector_name_apply), self);

  /* Translators: the accessible name of a sector's colour button, %s is its name */
  colour_label = g_strdup_printf (_("Colour of “%s”"), sector->name);
  if (!gdk_rgba_parse (&rgba, sector->colour))
    gdk_rgba_parse (&rgba, "#9a9996");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (colour), &rgba);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (colour), FALSE);
  gtk_color_button_set_modal (GTK_COLOR_BUTTON (colour), TRUE);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (colour), colour_label);
  gtk_widget_set_valign (colour, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (colour, _("Change the Colour"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (colour), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  colour_label, -1);
  gtk_widget_add_css_class (colour, "sector-colour");
  g_signal_connect (colour, "color-set", G_CALLBACK (sector_colour_set), self);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), colour);

  /* Translators: the accessible name of a sector's remove button, %s is its name */
  remove_label = g_strdup_printf (_("Remove “%s”"), sector->name);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove the Sector"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (sector_remove_clicked), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  g_object_set_data (G_OBJECT (row), "evt-colour-button", colour);
  g_object_set_data (G_OBJECT (row), "evt-remove-button", remove);

  return row;
}

static void
fill_sectors (EvtPreferencesWindow *self)
{
  remove_all (self->sectors_list);

  for (guint i = 0; i < self->sectors->len; i++)
    gtk_list_box_append (self->sectors_list,
                         create_sector_row (self, g_ptr_array_index (self->sectors, i)));
}

static void
restore_sector_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EvtPreferencesWindow *self = EVT_PREFERENCES_WINDOW (widget);
  g_autoptr(EvtSector) sector = g_steal_pointer (&self->removed_sector);

  if (sector == NULL || find_sector (self, sector->slug, NULL) != NULL)
    return;

  if (save_sector (self, sector->slug, sector->name, sector->colour))
    gtk_list_box_append (self->sectors_list, create_sector_row (self, sector));
}

static const char *
pick_colour (EvtPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sector_palette); i++)
    {
      gboolean used = FALSE;

      for (guint j = 0; j < self->sectors->len && !used; j++)
        {
          const EvtSector *sector = g_ptr_array_index (self->sectors, j);

          used = g_ascii_strcasecmp (sector->colour, sector_palette[i]) == 0;
        }
      if (!used)
        return sector_palette[i];
    }

  return sector_palette[self->sectors->len % G_N_ELEMENTS (sector_palette)];
}

static void
new_sector_apply (EvtPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_sector_row));
  g_autofree char *name = g_strstrip (g_strdup (text));
  g_autofree char *base = NULL;
  g_autofree char *slug = NULL;

  if (*name == '\0' || self->sectors == NULL)
    return;

  base = evt_feed_slugify (name);
  if (base == NULL)
    base = g_strdup ("sector");
  slug = g_strdup (base);
  for (guint n = 2; find_sector (self, slug, NULL) != NULL; n++)
    {
      g_free (slug);
      slug = g_strdup_printf ("%s-%u", base, n);
    }

  if (!save_sector (self, slug, name, pick_colour (self)))
    return;

  gtk_list_box_append (self->sectors_list,
                       create_sector_row (self, find_sector (self, slug, NULL)));
  gtk_editable_set_text (GTK_EDITABLE (self->new_sector_row), "");
}

/* ------------------------------------------------------------------------ */
/* Feeds                                                                     */

static void
editor_back (EvtFeedEditor        *editor,
             EvtPreferencesWindow *self)
{
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
}

static void
editor_saved (EvtFeedEditor        *editor,
              EvtFeed              *feed,
              gboolean              then_close,
              guint                 n_events,
              EvtPreferencesWindow *self)
{
  load (self);

  if (!then_close)
    return;

  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
  {
    /* Translators: a feed's name, then how many events its file holds */
    g_autofree char *title = g_strdup_printf (ngettext ("Feed “%s” saved, %u event written",
                                                        "Feed “%s” saved, %u events written",
                                                        n_events),
                                              evt_feed_get_name (feed), n_events);

    show_toast (self, title);
  }
}

static void
editor_removed (EvtFeedEditor        *editor,
                EvtFeed              *feed,
                EvtPreferencesWindow *self)
{
  g_autofree char *title = NULL;

  load (self);
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
  /* Translators: %s is a feed's name */
  title = g_strdup_printf (_("Feed “%s” removed"), evt_feed_get_name (feed));
  show_toast (self, title);
}

static void
edit_feed (EvtPreferencesWindow *self,
           EvtFeed              *feed)
{
  GtkWidget *editor;

  if (self->sectors == NULL || self->folder == NULL)
    return;

  editor = evt_feed_editor_new (self->store, feed, self->sectors, self->folder);
  g_signal_connect_object (editor, "back", G_CALLBACK (editor_back), self, 0);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved), self, 0);
  g_signal_connect_object (editor, "removed", G_CALLBACK (editor_removed), self, 0);

  if (self->editor != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->editor), (gpointer *) &self->editor);
  self->editor = EVT_FEED_EDITOR (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &self->editor);

  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), editor);
  if (feed == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (evt_feed_editor_get_name_editable (self->editor)));
}

static void
feed_row_activated (AdwActionRow         *row,
                    EvtPreferencesWindow *self)
{
  edit_feed (self, g_object_get_data (G_OBJECT (row), "evt-feed"));
}

static void
add_feed_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  edit_feed (EVT_PREFERENCES_WINDOW (widget), NULL);
}

static char *
describe_feed (EvtFeed *feed)
{
  g_autofree char *range = evt_feed_describe_range (feed);
  const char *privacy = evt_feed_get_privacy (feed) == EVT_ICAL_PRIVACY_INTERNAL
                          ? C_("privacy", "Internal") : C_("privacy", "Public");

  /* Translators: a feed's file name, privacy and days: "salons.ics · Public · 2021–2022" */
  return g_strdup_printf (_("%s.ics · %s · %s"), evt_feed_get_slug (feed), privacy, range);
}

static void
fill_feeds (EvtPreferencesWindow *self)
{
  remove_all (self->feeds_list);

  for (guint i = 0; i < self->feeds->len; i++)
    {
      EvtFeed *feed = g_ptr_array_index (self->feeds, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      g_autofree char *subtitle = describe_feed (feed);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evt_feed_get_name (feed));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Edit"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      g_object_set_data_full (G_OBJECT (row), "evt-feed", g_object_ref (feed), g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (feed_row_activated), self);
      gtk_list_box_append (self->feeds_list, row);
    }
}

/* ------------------------------------------------------------------------ */
/* The feed folder                                                           */

typedef struct
{
  EvtStore *store;
  char     *folder;   /* NULL: the default */
  guint     n_feeds;
  char     *write_error;
} FolderData;

static void
folder_data_free (FolderData *data)
{
  g_clear_object (&data->store);
  g_free (data->folder);
  g_free (data->write_error);
  g_free (data);
}

static void
folder_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FolderData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (!evt_feed_set_folder (data->store, data->folder, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The feeds move with the folder. */
  g_free (data->folder);
  data->folder = evt_feed_get_folder (data->store, NULL);
  if (!evt_feed_write_all (data->store, &data->n_feeds, &error))
    data->write_error = g_strdup (error->message);

  g_task_return_boolean (task, TRUE);
}

static void
folder_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  EvtPreferencesWindow *self = EVT_PREFERENCES_WINDOW (object);
  FolderData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  task_finished (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }

  g_free (self->folder);
  self->folder = g_strdup (data->folder);
  update_folder_row (self);

  if (data->write_error != NULL)
    show_toast (self, data->write_error);
  else
    {
      g_autofree char *title = NULL;

      if (data->n_feeds > 0)
        title = g_strdup_printf (ngettext ("%u feed written to the new folder",
                                           "%u feeds written to the new folder", data->n_feeds),
                                 data->n_feeds);
      else
        title = g_strdup (_("Feeds will be written to the new folder"));
      show_toast (self, title);
    }
}

/**
 * evt_preferences_window_set_folder:
 * @self: a preferences window
 * @folder: (nullable): the new feed folder; %NULL for the default one
 *
 * Keeps @folder in the database (the command line uses the same setting), then
 * writes every feed there, in a worker thread.
 */
void
evt_preferences_window_set_folder (EvtPreferencesWindow *self,
                                   const char           *folder)
{
  g_autoptr(GTask) task = NULL;
  FolderData *data;

  g_return_if_fail (EVT_IS_PREFERENCES_WINDOW (self));

  data = g_new0 (FolderData, 1);
  data->store = g_object_ref (self->store);
  data->folder = g_strdup (folder);

  task_started (self);
  task = g_task_new (self, self->cancellable, folder_done, NULL);
  g_task_set_source_tag (task, evt_preferences_window_set_folder);
  g_task_set_task_data (task, data, (GDestroyNotify) folder_data_free);
  g_task_run_in_thread (task, folder_thread);
}

static void
chooser_response (GtkNativeDialog      *chooser,
                  int                   response,
                  EvtPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        evt_preferences_window_set_folder (self, path);
      else
        show_toast (self, _("Choose a folder on this computer"));
    }

  g_clear_object (&self->chooser);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EvtPreferencesWindow *self = EVT_PREFERENCES_WINDOW (widget);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Feed Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (self->folder != NULL && g_file_test (self->folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) current = g_file_new_for_path (self->folder);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), current, NULL);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
reset_folder_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  evt_preferences_window_set_folder (EVT_PREFERENCES_WINDOW (widget), NULL);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                   */

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  EvtPreferencesWindow *self = EVT_PREFERENCES_WINDOW (object);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  task_finished (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }

  if (data->zones != NULL && !self->zones_loaded)
    fill_zones (self, data->zones);

  g_clear_pointer (&self->sectors, g_ptr_array_unref);
  self->sectors = g_steal_pointer (&data->sectors);
  fill_sectors (self);

  g_clear_pointer (&self->feeds, g_ptr_array_unref);
  self->feeds = g_steal_pointer (&data->feeds);
  fill_feeds (self);

  g_free (self->folder);
  self->folder = g_steal_pointer (&data->folder);
  update_folder_row (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.add-feed", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.choose-folder", TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_sector_row), TRUE);
}

static void
load (EvtPreferencesWindow *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data = g_new0 (LoadData, 1);

  data->store = g_object_ref (self->store);
  data->with_zones = !self->zones_loaded;

  task_started (self);
  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/* ------------------------------------------------------------------------ */
/* The object                                                                */

static void
evt_preferences_window_dispose (GObject *object)
{
  EvtPreferencesWindow *self = (EvtPreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->editor != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->editor), (gpointer *) &self->editor);
  self->editor = NULL;
  if (self->settings != NULL)
    g_settings_unbind (self->timezone_row, "selected");
  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (evt_preferences_window_parent_class)->dispose (object);
}

static void
evt_preferences_window_finalize (GObject *object)
{
  EvtPreferencesWindow *self = (EvtPreferencesWindow *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->sectors, g_ptr_array_unref);
  g_clear_pointer (&self->feeds, g_ptr_array_unref);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->default_folder, g_free);
  g_clear_pointer (&self->removed_sector, evt_sector_free);
  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (evt_preferences_window_parent_class)->finalize (object);
}

static void
evt_preferences_window_class_init (EvtPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evt_preferences_window_dispose;
  object_class->finalize = evt_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/eventail/Eventail/"
                                               "evt-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtPreferencesWindow, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, EvtPreferencesWindow, zones);
  gtk_widget_class_bind_template_child (widget_class, EvtPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, EvtPreferencesWindow,
                                        folder_reset_button);
  gtk_widget_class_bind_template_child (widget_class, EvtPreferencesWindow, feeds_list);
  gtk_widget_class_bind_template_child (widget_class, EvtPreferencesWindow, sectors_list);
  gtk_widget_class_bind_template_child (widget_class, EvtPreferencesWindow, new_sector_row);
  gtk_widget_class_bind_template_callback (widget_class, new_sector_apply);

  gtk_widget_class_install_action (widget_class, "prefs.add-feed", NULL, add_feed_action);
  gtk_widget_class_install_action (widget_class, "prefs.choose-folder", NULL,
                                   choose_folder_action);
  gtk_widget_class_install_action (widget_class, "prefs.reset-folder", NULL,
                                   reset_folder_action);
  gtk_widget_class_install_action (widget_class, "prefs.restore-sector", NULL,
                                   restore_sector_action);
}

static void
evt_preferences_window_init (EvtPreferencesWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GtkExpression *expression;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->default_folder = evt_feed_get_default_folder ();

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APPLICATION_ID);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (zone_label), NULL, NULL);
  adw_combo_row_set_expression (self->timezone_row, expression);
  gtk_expression_unref (expression);

  placeholder = gtk_label_new (_("No feeds yet. Add one to publish the calendar."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "feeds-placeholder");
  gtk_list_box_set_placeholder (self->feeds_list, placeholder);

  /* Until the store is read. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.add-feed", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.choose-folder", FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_sector_row), FALSE);
}

/**
 * evt_preferences_window_new:
 * @parent: (nullable): the main window
 * @store: an open store
 *
 * The preferences: the default time zone (GSettings), and in the database the feed
 * folder, the feeds and the sectors with their colours.
 *
 * Returns: (transfer floating): a new preferences window, to present
 */
EvtPreferencesWindow *
evt_preferences_window_new (GtkWindow *parent,
                            EvtStore  *store)
{
  EvtPreferencesWindow *self;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  self = g_object_new (EVT_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  load (self);

  return self;
}

/**
 * evt_preferences_window_get_store:
 * @self: a preferences window
 *
 * Returns: (transfer none): the store
 */
EvtStore *
evt_preferences_window_get_store (EvtPreferencesWindow *self)
{
  g_return_val_if_fail (EVT_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}

/**
 * evt_preferences_window_get_busy:
 * @self: a preferences window
 *
 * Returns: %TRUE while the window reads or writes in a worker thread (the feed
 *   editor has its own)
 */
gboolean
evt_preferences_window_get_busy (EvtPreferencesWindow *self)
{
  g_return_val_if_fail (EVT_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->n_tasks > 0 || (self->editor != NULL && evt_feed_editor_get_busy (self->editor));
}

/**
 * evt_preferences_window_get_sector_slugs:
 * @self: a preferences window
 *
 * Returns: (transfer container) (element-type utf8): the slugs of the sector rows, in
 *   their order
 */
GPtrArray *
evt_preferences_window_get_sector_slugs (EvtPreferencesWindow *self)
{
  GPtrArray *slugs = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sectors_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *slug = g_object_get_data (G_OBJECT (child), "evt-slug");

      if (slug != NULL)
        g_ptr_array_add (slugs, (gpointer) slug);
    }

  return slugs;
}

/**
 * evt_preferences_window_get_sector_row:
 * @self: a preferences window
 * @slug: a sector's slug
 *
 * Returns: (transfer none) (nullable): the sector's row, an #AdwEntryRow
 */
GtkWidget *
evt_preferences_window_get_sector_row (EvtPreferencesWindow *self,
                                       const char           *slug)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sectors_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "evt-slug"), slug) == 0)
      return child;

  return NULL;
}

/**
 * evt_preferences_window_get_sector_colour_button:
 * @self: a preferences window
 * @slug: a sector's slug
 *
 * Returns: (transfer none) (nullable): the sector's #GtkColorButton
 */
GtkWidget *
evt_preferences_window_get_sector_colour_button (EvtPreferencesWindow *self,
                                                 const char           *slug)
{
  GtkWidget *row = evt_preferences_window_get_sector_row (self, slug);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "evt-colour-button") : NULL;
}

/**
 * evt_preferences_window_get_sector_remove_button:
 * @self: a preferences window
 * @slug: a sector's slug
 *
 * Returns: (transfer none) (nullable): the sector's remove button
 */
GtkWidget *
evt_preferences_window_get_sector_remove_button (EvtPreferencesWindow *self,
                                                 const char           *slug)
{
  GtkWidget *row = evt_preferences_window_get_sector_row (self, slug);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "evt-remove-button") : NULL;
}

/**
 * evt_preferences_window_get_new_sector_row:
 * @self: a preferences window
 *
 * Returns: (transfer none): the row where a new sector is named
 */
AdwEntryRow *
evt_preferences_window_get_new_sector_row (EvtPreferencesWindow *self)
{
  return self->new_sector_row;
}

/**
 * evt_preferences_window_get_n_feed_rows:
 * @self: a preferences window
 *
 * Returns: the number of feeds listed
 */
guint
evt_preferences_window_get_n_feed_rows (EvtPreferencesWindow *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->feeds_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "evt-feed") != NULL)
      n++;

  return n;
}

/**
 * evt_preferences_window_get_editor:
 * @self: a preferences window
 *
 * Returns: (transfer none) (nullable): the feed editor shown as a subpage
 */
EvtFeedEditor *
evt_preferences_window_get_editor (EvtPreferencesWindow *self)
{
  return self->editor;
}

/**
 * evt_preferences_window_get_timezone_row:
 * @self: a preferences window
 *
 * Returns: (transfer none): the Default Time Zone row
 */
AdwComboRow *
evt_preferences_window_get_timezone_row (EvtPreferencesWindow *self)
{
  return self->timezone_row;
}

/**
 * evt_preferences_window_get_folder:
 * @self: a preferences window
 *
 * Returns: (nullable): the feed folder shown
 */
const char *
evt_preferences_window_get_folder (EvtPreferencesWindow *self)
{
  return self->folder;
}

/**
 * evt_preferences_window_get_last_toast:
 * @self: a preferences window
 *
 * Returns: (nullable): the title of the last toast
 */
const char *
evt_preferences_window_get_last_toast (EvtPreferencesWindow *self)
{
  return self->last_toast;
}
