/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-header-switcher.h: the header bar's view switcher, wide, narrow, or a title. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EVT_TYPE_HEADER_SWITCHER (evt_header_switcher_get_type ())
G_DECLARE_FINAL_TYPE (EvtHeaderSwitcher, evt_header_switcher, EVT, HEADER_SWITCHER, GtkWidget)

/*
 * The title widget of a header bar, as AdwViewSwitcherTitle: the view switcher with its
 * labels beside the icons where it has room, else under them, else a title and subtitle
 * (the switcher then belongs in an AdwViewSwitcherBar). It has one AdwViewSwitcher whose
 * policy it sets as it is allocated: libadwaita 1.2's AdwViewSwitcherTitle has a wide and
 * a narrow switcher, and styling and measuring the second one cost Eventail's first frame
 * some 5 % of its work (tests/bench).
 */
GtkWidget    *evt_header_switcher_new                  (void);
AdwViewStack *evt_header_switcher_get_stack            (EvtHeaderSwitcher *self);
void          evt_header_switcher_set_stack            (EvtHeaderSwitcher *self,
                                                        AdwViewStack      *stack);
const char   *evt_header_switcher_get_title            (EvtHeaderSwitcher *self);
void          evt_header_switcher_set_title            (EvtHeaderSwitcher *self,
                                                        const char        *title);
const char   *evt_header_switcher_get_subtitle         (EvtHeaderSwitcher *self);
void          evt_header_switcher_set_subtitle         (EvtHeaderSwitcher *self,
                                                        const char        *subtitle);
gboolean      evt_header_switcher_get_switcher_enabled (EvtHeaderSwitcher *self);
void          evt_header_switcher_set_switcher_enabled (EvtHeaderSwitcher *self,
                                                        gboolean           enabled);
gboolean      evt_header_switcher_get_title_visible    (EvtHeaderSwitcher *self);

G_END_DECLS
