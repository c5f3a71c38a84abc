/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-ical-private.h: libical helpers shared by the core modules (export, import). */
#pragma once

#include <glib.h>
#include <libical/ical.h>

G_BEGIN_DECLS

/* libical 3.0 loads its builtin zones lazily and not safely across threads: a
 * lookup in one thread reads the zone table while the first load of a zone in
 * another rewrites it (ThreadSanitizer shows it). Feeds are written in a worker
 * thread while an import or export may run in another, so every module of the
 * core looks zones up through this function, which serialises the lookups and
 * loads, and returns a zone that is fully loaded (or NULL). */
icaltimezone *evt_ical_get_builtin_timezone (const char *tzid);

G_END_DECLS
