/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-import-controller.h: imports .ics files into the store for a window, with progress. */
#pragma once

#include <adwaita.h>

#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_TYPE_IMPORT_CONTROLLER (evt_import_controller_get_type ())
G_DECLARE_FINAL_TYPE (EvtImportController, evt_import_controller, EVT, IMPORT_CONTROLLER, GObject)

EvtImportController *evt_import_controller_new                (GtkWindow           *parent,
                                                               AdwToastOverlay     *toast_overlay);
EvtStore            *evt_import_controller_get_store          (EvtImportController *self);
void                 evt_import_controller_set_store          (EvtImportController *self,
                                                               EvtStore            *store);
void                 evt_import_controller_import             (EvtImportController *self,
                                                               GListModel          *files);
void                 evt_import_controller_open               (EvtImportController *self);
void                 evt_import_controller_cancel             (EvtImportController *self);
gboolean             evt_import_controller_get_busy           (EvtImportController *self);
gboolean             evt_import_controller_get_show_progress  (EvtImportController *self);
double               evt_import_controller_get_fraction       (EvtImportController *self);
const char          *evt_import_controller_get_text           (EvtImportController *self);
GtkDropTarget       *evt_import_controller_create_drop_target (EvtImportController *self);
gboolean             evt_import_controller_drop               (EvtImportController *self,
                                                               const GValue        *value);

G_END_DECLS
