/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-context-menu.h: a menu popped up over a widget, by a right click or a long press. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *evt_context_menu_popup (GtkWidget  *widget,
                                   GMenuModel *menu,
                                   double      x,
                                   double      y);

G_END_DECLS
