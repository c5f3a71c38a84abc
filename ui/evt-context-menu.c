/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-context-menu.c: a menu popped up over a widget, by a right click or a long press. */
#include "config.h"

#include "evt-context-menu.h"

static gboolean
unparent_idle (gpointer user_data)
{
  GtkWidget *popover = user_data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  return G_SOURCE_REMOVE;
}

static void
unparent_popover (GtkWidget *popover)
{
  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
}

static void
on_closed (GtkWidget *popover)
{
  /* Unparented once closed, after the menu item's action has run. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, unparent_idle, g_object_ref (popover),
                   g_object_unref);
}

/**
 * evt_context_menu_popup:
 * @widget: the widget the menu is about (a row, a view)
 * @menu: the menu
 * @x: where to point in @widget, or -1 for the whole widget
 * @y: where to point in @widget, or -1
 *
 * Pops up @menu as a context menu of @widget, without an arrow. The popover is
 * unparented once closed, or when @widget goes (a list's rows go with every reload).
 *
 * Returns: (transfer none): the popover
 */
GtkWidget *
evt_context_menu_popup (GtkWidget  *widget,
                        GMenuModel *menu,
                        double      x,
                        double      y)
{
  GtkWidget *popover;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (G_IS_MENU_MODEL (menu), NULL);

  popover = gtk_popover_menu_new_from_model (menu);
  gtk_widget_set_parent (popover, widget);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  if (x >= 0 && y >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                                 &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (on_closed), NULL);
  g_signal_connect_object (widget, "destroy", G_CALLBACK (unparent_popover), popover,
                           G_CONNECT_SWAPPED);
  gtk_popover_popup (GTK_POPOVER (popover));

  return popover;
}
