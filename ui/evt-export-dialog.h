/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-export-dialog.h: exports the events shown, or a feed, to an .ics file. */
#pragma once

#include <adwaita.h>

#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_TYPE_EXPORT_DIALOG (evt_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EvtExportDialog, evt_export_dialog, EVT, EXPORT_DIALOG, AdwWindow)

EvtExportDialog *evt_export_dialog_new                (GtkWindow        *parent,
                                                       EvtStore         *store,
                                                       const EvtQuery   *query,
                                                       const char       *description,
                                                       AdwToastOverlay  *toast_overlay);
char            *evt_export_dialog_get_suggested_name (EvtExportDialog  *self);
void             evt_export_dialog_export_to_file     (EvtExportDialog  *self,
                                                       GFile            *file);
gboolean         evt_export_dialog_get_busy           (EvtExportDialog  *self);

G_END_DECLS
