/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-feed.h: named feeds, saved filters written to .ics files in the feed folder. */
#pragma once

#include <gio/gio.h>

#include "evt-ical.h"
#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_FEED_ERROR (evt_feed_error_quark ())
GQuark evt_feed_error_quark (void);

typedef enum
{
  EVT_FEED_ERROR_INVALID,    /* a field was refused: the message names it */
  EVT_FEED_ERROR_NOT_FOUND,  /* no feed of that name or slug */
  EVT_FEED_ERROR_EXISTS,     /* another feed has that name or slug */
  EVT_FEED_ERROR_FAILED,     /* the database or the folder failed */
} EvtFeedError;

/* Which days a feed covers.
 * ALL: every event.
 * YEARS: the years range_from to range_to (2021 to 2022).
 * ROLLING: from 1 January of (this year + range_from) to 31 December of (this
 *   year + range_to): -1 to 2 is "last year to two years ahead", moving with time. */
typedef enum
{
  EVT_FEED_RANGE_ALL,
  EVT_FEED_RANGE_YEARS,
  EVT_FEED_RANGE_ROLLING,
} EvtFeedRange;

/* Limits checked when a feed is saved. */
#define EVT_FEED_MIN_YEAR           1900
#define EVT_FEED_MAX_YEAR           2200
#define EVT_FEED_MAX_OFFSET         50      /* years before or after this one */
#define EVT_FEED_MAX_REFRESH        10080   /* minutes: a week */
#define EVT_FEED_MAX_SLUG           64

/* The settings key of the feed folder. */
#define EVT_FEED_FOLDER_KEY "feed-folder"

#define EVT_TYPE_FEED (evt_feed_get_type ())
G_DECLARE_FINAL_TYPE (EvtFeed, evt_feed, EVT, FEED, GObject)

/*
 * A feed: a name, a filter (range of days, statuses, kinds, sectors as in
 * EvtQuery), a privacy level, what to do with cancelled and postponed events,
 * how often clients should refresh it and a colour. Setters only change the
 * object; evt_feed_save() checks and stores it.
 * "slug" names the file, <feed folder>/<slug>.ics: given when the feed is first
 * saved (from the name unless set) and kept when the name changes, so that
 * subscribers' addresses keep working.
 */
EvtFeed            *evt_feed_new                 (const char          *name);
EvtFeed            *evt_feed_copy                (EvtFeed             *self);

gint64              evt_feed_get_id              (EvtFeed             *self);
const char         *evt_feed_get_name            (EvtFeed             *self);
void                evt_feed_set_name            (EvtFeed             *self,
                                                  const char          *name);
const char         *evt_feed_get_slug            (EvtFeed             *self);
void                evt_feed_set_slug            (EvtFeed             *self,
                                                  const char          *slug);
const char         *evt_feed_get_description     (EvtFeed             *self);
void                evt_feed_set_description     (EvtFeed             *self,
                                                  const char          *description);
EvtFeedRange        evt_feed_get_range           (EvtFeed             *self,
                                                  int                 *from,
                                                  int                 *to);
void                evt_feed_set_range           (EvtFeed             *self,
                                                  EvtFeedRange         range,
                                                  int                  from,
                                                  int                  to);
guint               evt_feed_get_statuses        (EvtFeed             *self);
void                evt_feed_set_statuses        (EvtFeed             *self,
                                                  guint                statuses);
guint               evt_feed_get_kinds           (EvtFeed             *self);
void                evt_feed_set_kinds           (EvtFeed             *self,
                                                  guint                kinds);
const char * const *evt_feed_get_sectors         (EvtFeed             *self);
void                evt_feed_set_sectors         (EvtFeed             *self,
                                                  const char * const  *sectors);
EvtIcalPrivacy      evt_feed_get_privacy         (EvtFeed             *self);
void                evt_feed_set_privacy         (EvtFeed             *self,
                                                  EvtIcalPrivacy       privacy);
EvtIcalStatusPolicy evt_feed_get_cancelled       (EvtFeed             *self);
void                evt_feed_set_cancelled       (EvtFeed             *self,
                                                  EvtIcalStatusPolicy  policy);
EvtIcalStatusPolicy evt_feed_get_postponed       (EvtFeed             *self);
void                evt_feed_set_postponed       (EvtFeed             *self,
                                                  EvtIcalStatusPolicy  policy);
guint               evt_feed_get_refresh_minutes (EvtFeed             *self);
void                evt_feed_set_refresh_minutes (EvtFeed             *self,
                                                  guint                minutes);
const char         *evt_feed_get_colour          (EvtFeed             *self);
void                evt_feed_set_colour          (EvtFeed             *self,
                                                  const char          *colour);

EvtQuery           *evt_feed_build_query         (EvtFeed             *self,
                                                  const GDate         *today);
EvtExportOptions   *evt_feed_build_options       (EvtFeed             *self);
char               *evt_feed_describe_range      (EvtFeed             *self);
char               *evt_feed_get_file_path       (EvtFeed             *self,
                                                  const char          *folder);

char               *evt_feed_slugify             (const char          *text);

/* The feeds kept in the store. */
GPtrArray          *evt_feed_list                (EvtStore            *store,
                                                  GError             **error);
EvtFeed            *evt_feed_lookup              (EvtStore            *store,
                                                  const char          *name_or_slug,
                                                  GError             **error);
gboolean            evt_feed_save                (EvtStore            *store,
                                                  EvtFeed             *feed,
                                                  GError             **error);
gboolean            evt_feed_delete              (EvtStore            *store,
                                                  EvtFeed             *feed,
                                                  GError             **error);

/* The folder the feeds are written to. */
char               *evt_feed_get_default_folder  (void);
char               *evt_feed_get_folder          (EvtStore            *store,
                                                  GError             **error);
gboolean            evt_feed_set_folder          (EvtStore            *store,
                                                  const char          *folder,
                                                  GError             **error);

/* Writing the files. */
gboolean            evt_feed_write               (EvtStore            *store,
                                                  EvtFeed             *feed,
                                                  const char          *folder,
                                                  guint               *n_events,
                                                  GError             **error);
gboolean            evt_feed_write_all           (EvtStore            *store,
                                                  guint               *n_feeds,
                                                  GError             **error);
gboolean            evt_feed_remove_file         (EvtFeed             *feed,
                                                  const char          *folder,
                                                  GError             **error);

G_END_DECLS
