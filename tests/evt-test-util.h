/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-test-util.h: what the display tests share: waiting on the main context. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A bound on waiting for worker threads and the display, so that a hang fails instead
 * of blocking; it says nothing about speed. */
#define EVT_TEST_WAIT_SECONDS 30

typedef gboolean (*EvtTestPredicate) (gpointer data);

void     evt_test_wait_until (EvtTestPredicate  done,
                              gpointer          data,
                              const char       *what);
gboolean evt_test_is_cleared (gpointer          location);

G_END_DECLS
