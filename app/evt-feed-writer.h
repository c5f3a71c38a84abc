/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-feed-writer.h: rewrites the feed files when events change, in a worker thread. */
#pragma once

#include <gio/gio.h>

#include "evt-store.h"

G_BEGIN_DECLS

/* How long the writer waits after the last change before it writes. */
#define EVT_FEED_WRITER_DEFAULT_DELAY_MS 2000

#define EVT_TYPE_FEED_WRITER (evt_feed_writer_get_type ())
G_DECLARE_FINAL_TYPE (EvtFeedWriter, evt_feed_writer, EVT, FEED_WRITER, GObject)

/*
 * Listens to the store's "changed" signal and, "delay" milliseconds after the
 * last change, rewrites every feed (evt_feed_write_all()) in a GTask thread,
 * never on the thread of the main context. A change that comes while the
 * feeds are being written schedules one more round after it.
 * "written" is emitted in the main context after each round, with the number
 * of feeds written and the error message of the first feed that failed (or
 * NULL). "busy" is TRUE from the change until the files are written.
 */
EvtFeedWriter *evt_feed_writer_new       (EvtStore      *store);
EvtStore      *evt_feed_writer_get_store (EvtFeedWriter *self);
guint          evt_feed_writer_get_delay (EvtFeedWriter *self);
void           evt_feed_writer_set_delay (EvtFeedWriter *self,
                                          guint          delay_ms);
gboolean       evt_feed_writer_get_busy  (EvtFeedWriter *self);
void           evt_feed_writer_schedule  (EvtFeedWriter *self);

G_END_DECLS
