/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-date-format.h: dates and date ranges as people read them, in their language. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *evt_format_date       (GDateTime *dt);
char *evt_format_date_range (GDateTime *start,
                             GDateTime *end,
                             gboolean   all_day);
char *evt_format_month_name (int        month);

G_END_DECLS
