/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-test-util.c: what the display tests share: waiting on the main context. */
#include "config.h"

#include "evt-test-util.h"

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * evt_test_wait_until:
 * @done: says when to stop
 * @data: for @done
 * @what: what is waited for, for the message of a test that times out
 *
 * Iterates the default main context until @done says so, then runs what is left
 * pending (a "changed" emission, a redraw); aborts the test after
 * %EVT_TEST_WAIT_SECONDS. The context is held all along, as g_main_loop_run() would
 * hold it: the store's worker threads then hand their "changed" signal to this thread
 * instead of emitting it themselves.
 */
void
evt_test_wait_until (EvtTestPredicate  done,
                     gpointer          data,
                     const char       *what)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (EVT_TEST_WAIT_SECONDS, on_timeout, &timed_out);

  g_assert_true (g_main_context_acquire (NULL));
  while (!timed_out && !done (data))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  g_main_context_release (NULL);

  if (timed_out)
    g_error ("Still waiting for %s after %d s", what, EVT_TEST_WAIT_SECONDS);
  g_source_remove (timeout_id);
}

/**
 * evt_test_is_cleared:
 * @location: where a pointer is
 *
 * A predicate for evt_test_wait_until(): whether the pointer at @location is %NULL, as a
 * weak pointer is once its object is finalized.
 */
gboolean
evt_test_is_cleared (gpointer location)
{
  return *(gpointer *) location == NULL;
}
