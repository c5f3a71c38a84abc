/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-year-view-private.h: what the display tests reach inside the year view. */
#pragma once

#include "evt-year-layout.h"
#include "evt-year-view.h"

G_BEGIN_DECLS

const EvtYearLayout *evt_year_view_get_layout        (EvtYearView      *self);
EvtEvent            *evt_year_view_get_item          (EvtYearView      *self,
                                                      guint             item);
gboolean             evt_year_view_click_at          (EvtYearView      *self,
                                                      double            x,
                                                      double            y);
char                *evt_year_view_get_tooltip_markup_at (EvtYearView  *self,
                                                      double            x,
                                                      double            y);
void                 evt_year_view_set_today         (EvtYearView      *self,
                                                      const GDate      *today);
double               evt_year_view_measure_title     (EvtYearView      *self,
                                                      const char       *title,
                                                      int              *shaped);

G_END_DECLS
