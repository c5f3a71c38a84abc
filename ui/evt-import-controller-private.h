/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-import-controller-private.h: what the display tests look at in the import controller. */
#pragma once

#include "evt-import-controller.h"

G_BEGIN_DECLS

const char *evt_import_controller_get_summary  (EvtImportController *self);
GtkWindow  *evt_import_controller_show_details (EvtImportController *self);
gboolean    evt_import_is_calendar_file        (GFile               *file);

G_END_DECLS
