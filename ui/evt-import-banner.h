/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-import-banner.h: the progress of an import, revealed at the top of the window. */
#pragma once

#include <adwaita.h>

#include "evt-import-controller.h"

G_BEGIN_DECLS

#define EVT_TYPE_IMPORT_BANNER (evt_import_banner_get_type ())
G_DECLARE_FINAL_TYPE (EvtImportBanner, evt_import_banner, EVT, IMPORT_BANNER, AdwBin)

GtkWidget           *evt_import_banner_new            (EvtImportController *controller);
EvtImportController *evt_import_banner_get_controller (EvtImportBanner     *self);
void                 evt_import_banner_set_controller (EvtImportBanner     *self,
                                                       EvtImportController *controller);

G_END_DECLS
