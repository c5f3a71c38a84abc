/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-application.h: the application: options, store, windows and app actions. */
#pragma once

#include <adwaita.h>

#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_TYPE_APPLICATION (evt_application_get_type ())
G_DECLARE_FINAL_TYPE (EvtApplication, evt_application, EVT, APPLICATION, AdwApplication)

EvtApplication *evt_application_new        (void);
EvtStore       *evt_application_get_store  (EvtApplication *self);
gboolean        evt_application_parse_year (const char     *text,
                                            int            *year,
                                            GError        **error);

G_END_DECLS
