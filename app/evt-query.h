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
 * sort/descending: the order of the answer, by one column of the list of events
 *         (texts as people read them: case-insensitive, in the locale's order),
 *         ties broken by start, title and id; the default is by start, ascending.
 */
typedef enum
{
  EVT_QUERY_SORT_START,
  EVT_QUERY_SORT_TITLE,
  EVT_QUERY_SORT_KIND,          /* by the kind's label */
  EVT_QUERY_SORT_CITY,          /* no city first */
  EVT_QUERY_SORT_SECTORS,       /* by the sectors' names, in the store's order */
  EVT_QUERY_SORT_STATUS,        /* in the order of EvtStatus */
  EVT_QUERY_SORT_PARTICIPANTS,  /* participations not cancelled */
  EVT_QUERY_SORT_LEADS,         /* leads, then open leads with a follow-up due */
  EVT_QUERY_N_SORTS
} EvtQuerySort;

typedef struct
{
  GDate   from;
  GDate   to;
  guint   statuses;
  guint   kinds;
  char  **sectors;
  int     visibility;
  char   *search;
  EvtQuerySort sort;
  gboolean     descending;
} EvtQuery;

GType     evt_query_get_type     (void) G_GNUC_CONST;
EvtQuery *evt_query_new          (void);
EvtQuery *evt_query_copy         (const EvtQuery *self);
void      evt_query_free         (EvtQuery       *self);
void      evt_query_set_year     (EvtQuery       *self,
                                  int             year);
gboolean  evt_query_is_empty     (const EvtQuery *self);
gboolean  evt_query_equal        (const EvtQuery *a,
                                  const EvtQuery *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvtQuery, evt_query_free)

G_END_DECLS
