/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-export-dialog-private.h: what the display tests look at in the export dialog. */
#pragma once

#include "evt-export-dialog.h"

G_BEGIN_DECLS

/* The choices of the dialog's rows, in their order. */
typedef enum
{
  EVT_EXPORT_CHOICE_INCLUDE,
  EVT_EXPORT_CHOICE_EXCLUDE,
  EVT_EXPORT_CHOICE_PREFIX,
} EvtExportChoice;

guint       evt_export_dialog_get_n_sources   (EvtExportDialog *self);
void        evt_export_dialog_select_source   (EvtExportDialog *self,
                                               guint            position);
void        evt_export_dialog_set_privacy     (EvtExportDialog *self,
                                               gboolean         internal);
void        evt_export_dialog_set_cancelled   (EvtExportDialog *self,
                                               EvtExportChoice  choice);
const char *evt_export_dialog_get_error       (EvtExportDialog *self);
const char *evt_export_dialog_get_last_toast  (EvtExportDialog *self);

G_END_DECLS
