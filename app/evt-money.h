/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-money.h: amounts in euros, as people read and type them in French or English. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *evt_money_format        (gint64      cents);
char     *evt_money_format_number (gint64      cents);
char     *evt_money_format_plain  (gint64      cents);
gboolean  evt_money_parse         (const char *text,
                                   gint64     *cents);

G_END_DECLS
