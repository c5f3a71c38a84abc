/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-demo.h: the sample data, the cluster's 2021 programme and some of 2022. */
#pragma once

#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_DEMO_SOURCE "sample"

gboolean evt_demo_load (EvtStore  *store,
                        guint     *n_added,
                        GError   **error);
gboolean evt_demo_load_people (EvtStore  *store,
                               GError   **error);
gboolean evt_demo_load_all    (EvtStore  *store,
                               guint     *n_added,
                               GError   **error);

G_END_DECLS
