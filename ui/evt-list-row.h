/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-list-row.h: a row of the List view, which outlives reloads: see evt-list-row-model.h. */
#pragma once

#include "evt-event.h"

G_BEGIN_DECLS

#define EVT_TYPE_LIST_ROW (evt_list_row_get_type ())
G_DECLARE_FINAL_TYPE (EvtListRow, evt_list_row, EVT, LIST_ROW, GObject)

EvtListRow *evt_list_row_new             (guint       position,
                                          gint64      id,
                                          guint64     fingerprint,
                                          EvtEvent   *event);
void        evt_list_row_update          (EvtListRow *self,
                                          gint64      id,
                                          guint64     fingerprint,
                                          EvtEvent   *event);
EvtEvent   *evt_list_row_get_event       (EvtListRow *self);
gint64      evt_list_row_get_id          (EvtListRow *self);
guint64     evt_list_row_get_fingerprint (EvtListRow *self);
guint       evt_list_row_get_position    (EvtListRow *self);

G_END_DECLS
