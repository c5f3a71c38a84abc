/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-query.h: which events to read from the store. */
#pragma once

#include <glib-object.h>

#include "evt-types.h"

G_BEGIN_DECLS

#define EVT_TYPE_QUERY (evt_query_get_type ())

/*
 * A filter on events; every field left at its default matches everything.
 * from/to: inclusive day range (an event matches if any of its days is inside);
 *          an invalid GDate (g_date_clear) leaves that side open.
 * statuses/kinds: bit masks of (1 << EvtStatus) / (1 << EvtKind); 0 = any.
 * sectors: slugs, an event matches if it has any of them; NULL = any.
 * visibility: an EvtVisibility, or -1 for any.
 * search: full-text search over title, city, venue, organiser, partners,
 *         description and notes, case and accent insensitive, words as prefixes.
 */
typedef struct
{
  GDate   from;
  GDate   to;
  guint   statuses;
  guint   kinds;
  char  **sectors;
  int     visibility;
  char   *search;
} EvtQuery;

GType     evt_query_get_type     (void) G_GNUC_CONST;
EvtQuery *evt_query_new          (void);
EvtQuery *evt_query_copy         (const EvtQuery *self);
void      evt_query_free         (EvtQuery       *self);
void      evt_query_set_year     (EvtQuery       *self,
                                  int             year);
gboolean  evt_query_is_empty     (const EvtQuery *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvtQuery, evt_query_free)

G_END_DECLS
