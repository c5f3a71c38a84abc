/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-common.h: what the start-up and memory benchmarks share: children, sizes, medians. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char  *tmp_dir;     /* isolated XDG folders for the children */
  char  *cache_dir;   /* where the generated databases are kept */
  GArray *sizes;      /* guint: numbers of events */
  guint  runs;
} BenchSetup;

gboolean     bench_setup_init      (BenchSetup          *setup,
                                    guint                default_runs);
void         bench_setup_clear     (BenchSetup          *setup);
char        *bench_setup_database  (BenchSetup          *setup,
                                    guint                n_events);

GHashTable  *bench_run_child       (BenchSetup          *setup,
                                    const char * const  *argv,
                                    guint                timeout_s,
                                    GError             **error);
double       bench_get_double      (GHashTable          *values,
                                    const char          *key);

double       bench_median          (GArray              *samples);
double       bench_min             (GArray              *samples);
char        *bench_size_label      (guint                n_events);
char        *bench_load_average    (void);
const char  *bench_need_env        (const char          *name);

G_END_DECLS
