/* SPDX-License-Identifier: GPL-3.0-or-later */
/* make-db.h: made-up databases of 1k to 100k events for the benchmarks, cached on disk. */
#pragma once

#include "evt-store.h"

G_BEGIN_DECLS

/* Bump when the generated events change, so that cached files are made again. */
#define BENCH_DB_GENERATOR_VERSION 1

/* Events that the current year holds on top of its share of the twenty years: the
 * dense year of the issue (300 events). */
#define BENCH_DB_DENSE_YEAR 300

gboolean  bench_db_fill  (EvtStore    *store,
                          guint        n_events,
                          int          current_year,
                          GError     **error);
char     *bench_db_ensure (const char *dir,
                           guint       n_events,
                           gboolean   *generated,
                           GError    **error);

G_END_DECLS
