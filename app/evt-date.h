/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-date.h: ISO 8601 dates and ranges as people type them, and time zones. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define EVT_DATE_ERROR (evt_date_error_quark ())
GQuark evt_date_error_quark (void);

typedef enum
{
  EVT_DATE_ERROR_INVALID,
  EVT_DATE_ERROR_TIMEZONE,
} EvtDateError;

GTimeZone *evt_timezone_new        (const char  *tzid,
                                    GError     **error);
gboolean   evt_date_range_parse    (const char  *text,
                                    GTimeZone   *tz,
                                    gboolean    *all_day,
                                    GDateTime  **start,
                                    GDateTime  **end,
                                    GError     **error);
char      *evt_date_format_iso     (GDateTime   *dt,
                                    gboolean     all_day);
char      *evt_date_range_format_iso (GDateTime *start,
                                      GDateTime *end,
                                      gboolean   all_day);
void       evt_date_to_gdate       (GDateTime   *dt,
                                    GDate       *date);

G_END_DECLS
