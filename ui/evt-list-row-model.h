/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-list-row-model.h: the List view's rows, which outlive reloads. */
#pragma once

#include <gtk/gtk.h>

#include "evt-event-list.h"
#include "evt-list-row.h"

G_BEGIN_DECLS

/*
 * The EvtListRow at each position of "model" (an EvtEventList), as long as someone
 * holds it: a reload changes the event of the rows alive (those on screen at once,
 * the others a few at a time), and items-changed is emitted only when the number of
 * items changes; the view is told of many new rows a batch at a time, from those on
 * screen. See evt-list-view.c for why.
 */
#define EVT_TYPE_LIST_ROW_MODEL (evt_list_row_model_get_type ())
G_DECLARE_FINAL_TYPE (EvtListRowModel, evt_list_row_model, EVT, LIST_ROW_MODEL, GObject)

void     evt_list_row_model_set_model       (EvtListRowModel *self,
                                             EvtEventList    *model);
void     evt_list_row_model_set_vadjustment (EvtListRowModel *self,
                                             GtkAdjustment   *vadjustment);
gboolean evt_list_row_model_update_row      (EvtListRowModel *self,
                                             guint            position);
void     evt_list_row_model_show_row        (EvtListRowModel *self,
                                             guint            position);
gboolean evt_list_row_model_is_updating     (EvtListRowModel *self);

G_END_DECLS
