/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-feed.c: named feeds, saved filters written to .ics files in the feed folder. */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "evt-feed.h"
#include "evt-store-private.h"

struct _EvtFeed
{
  GObject              parent_instance;

  gint64               id;
  char                *name;
  char                *slug;
  char                *description;
  EvtFeedRange         range;
  int                  range_from;
  int                  range_to;
  guint                statuses;
  guint                kinds;
  char               **sectors;
  EvtIcalPrivacy       privacy;
  EvtIcalStatusPolicy  cancelled;
  EvtIcalStatusPolicy  postponed;
  guint                refresh_minutes;
  char                *colour;
  GDateTime           *created;
  GDateTime           *modified;
};

G_DEFINE_TYPE (EvtFeed, evt_feed, G_TYPE_OBJECT)

G_DEFINE_QUARK (evt-feed-error-quark, evt_feed_error)

/* A name of our own for the statement type: evt-store.c keeps its cleanup
 * function for sqlite3_stmt to itself. */
typedef sqlite3_stmt EvtFeedStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvtFeedStmt, sqlite3_finalize)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SLUG,
  PROP_DESCRIPTION,
  PROP_PRIVACY,
  PROP_CANCELLED,
  PROP_POSTPONED,
  PROP_REFRESH_MINUTES,
  PROP_COLOUR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const range_names[] = { "all", "years", "rolling" };

#define FEED_COLUMNS \
  "id, slug, name, description, range_kind, range_from, range_to, statuses, kinds," \
  " sectors, privacy, cancelled, postponed, refresh_minutes, colour, created, modified"

/* ------------------------------------------------------------------------ */
/* The object                                                                */

static void
evt_feed_finalize (GObject *object)
{
  EvtFeed *self = (EvtFeed *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->sectors, g_strfreev);
  g_clear_pointer (&self->colour, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (evt_feed_parent_class)->finalize (object);
}

static void
evt_feed_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  EvtFeed *self = EVT_FEED (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_PRIVACY:
      g_value_set_uint (value, self->privacy);
      break;
    case PROP_CANCELLED:
      g_value_set_uint (value, self->cancelled);
      break;
    case PROP_POSTPONED:
      g_value_set_uint (value, self->postponed);
      break;
    case PROP_REFRESH_MINUTES:
      g_value_set_uint (value, self->refresh_minutes);
      break;
    case PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_feed_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  EvtFeed *self = EVT_FEED (object);

  switch (prop_id)
    {
    case PROP_NAME:
      evt_feed_set_name (self, g_value_get_string (value));
      break;
    case PROP_SLUG:
      evt_feed_set_slug (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      evt_feed_set_description (self, g_value_get_string (value));
      break;
    case PROP_PRIVACY:
      evt_feed_set_privacy (self, g_value_get_uint (value));
      break;
    case PROP_CANCELLED:
      evt_feed_set_cancelled (self, g_value_get_uint (value));
      break;
    case PROP_POSTPONED:
      evt_feed_set_postponed (self, g_value_get_uint (value));
      break;
    case PROP_REFRESH_MINUTES:
      evt_feed_set_refresh_minutes (self, g_value_get_uint (value));
      break;
    case PROP_COLOUR:
      evt_feed_set_colour (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_feed_class_init (EvtFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = evt_feed_finalize;
  object_class->get_property = evt_feed_get_property;
  object_class->set_property = evt_feed_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRIVACY] =
    g_param_spec_uint ("privacy", NULL, NULL,
                       EVT_ICAL_PRIVACY_PUBLIC, EVT_ICAL_PRIVACY_INTERNAL, EVT_ICAL_PRIVACY_PUBLIC,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANCELLED] =
    g_param_spec_uint ("cancelled", NULL, NULL,
                       EVT_ICAL_STATUS_INCLUDE, EVT_ICAL_STATUS_PREFIX, EVT_ICAL_STATUS_PREFIX,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSTPONED] =
    g_param_spec_uint ("postponed", NULL, NULL,
                       EVT_ICAL_STATUS_INCLUDE, EVT_ICAL_STATUS_PREFIX, EVT_ICAL_STATUS_PREFIX,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFRESH_MINUTES] =
    g_param_spec_uint ("refresh-minutes", NULL, NULL, 0, EVT_FEED_MAX_REFRESH, 60,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evt_feed_init (EvtFeed *self)
{
  self->range = EVT_FEED_RANGE_ALL;
  self->privacy = EVT_ICAL_PRIVACY_PUBLIC;
  /* Cancelled and postponed events stay visible in every client, Google
   * Calendar included, which drops STATUS:CANCELLED from subscriptions. */
  self->cancelled = EVT_ICAL_STATUS_PREFIX;
  self->postponed = EVT_ICAL_STATUS_PREFIX;
  self->refresh_minutes = 60;
}

/**
 * evt_feed_new:
 * @name: (nullable): what people call the feed
 *
 * A public feed of every event, refreshed every hour, with cancelled and
 * postponed events shown with a prefix.
 *
 * Returns: (transfer full): a new, unsaved feed
 */
EvtFeed *
evt_feed_new (const char *name)
{
  EvtFeed *self = g_object_new (EVT_TYPE_FEED, NULL);

  self->name = g_strdup (name);

  return self;
}

/**
 * evt_feed_copy:
 * @self: a feed
 *
 * Returns: (transfer full): a copy of @self, id and slug included
 */
EvtFeed *
evt_feed_copy (EvtFeed *self)
{
  EvtFeed *copy;

  g_return_val_if_fail (EVT_IS_FEED (self), NULL);

  copy = evt_feed_new (self->name);
  copy->id = self->id;
  copy->slug = g_strdup (self->slug);
  copy->description = g_strdup (self->description);
  copy->range = self->range;
  copy->range_from = self->range_from;
  copy->range_to = self->range_to;
  copy->statuses = self->statuses;
  copy->kinds = self->kinds;
  copy->sectors = g_strdupv (self->sectors);
  copy->privacy = self->privacy;
  copy->cancelled = self->cancelled;
  copy->postponed = self->postponed;
  copy->refresh_minutes = self->refresh_minutes;
  copy->colour = g_strdup (self->colour);
  copy->created = self->created ? g_date_time_ref (self->created) : NULL;
  copy->modified = self->modified ? g_date_time_ref (self->modified) : NULL;

  return copy;
}

static void
set_string (EvtFeed     *self,
            char       **field,
            const char  *value,
            int          prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/**
 * evt_feed_get_id:
 * @self: a feed
 *
 * Returns: the feed's row in the store, 0 before it is saved
 */
gint64
evt_feed_get_id (EvtFeed *self)
{
  g_return_val_if_fail (EVT_IS_FEED (self), 0);

  return self->id;
}

/**
 * evt_feed_get_name:
 * @self: a feed
 *
 * Returns: (nullable): the feed's name, also the calendar's name in clients
 */
const char *
evt_feed_get_name (EvtFeed *self)
{
  g_return_val_if_fail (EVT_IS_FEED (self), NULL);

  return self->name;
}

/**
 * evt_feed_set_name:
 * @self: a feed
 * @name: (nullable): the new name
 *
 * Renames the feed; its slug, and so its file, stays.
 */
void
evt_feed_set_name (EvtFeed    *self,
                   const char *name)
{
  g_return_if_fail (EVT_IS_FEED (self));

  set_string (self, &self->name, name, PROP_NAME);
}

/**
 * evt_feed_get_slug:
 * @self: a feed
 *
 * Returns: (nullable): the base name of the feed's file, %NULL before it is
 *   saved unless set
 */
const char *
evt_feed_get_slug (EvtFeed *self)
{
  g_return_val_if_fail (EVT_IS_FEED (self), NULL);

  return self->slug;
}

/**
 * evt_feed_set_slug:
 * @self: a feed
 * @slug: (nullable): the base name of the file, sanitised when saved; %NULL
 *   to derive it from the name at the next save
 */
void
evt_feed_set_slug (EvtFeed    *self,
                   const char *slug)
{
  g_return_if_fail (EVT_IS_FEED (self));

  set_string (self, &self->slug, slug, PROP_SLUG);
}

/**
 * evt_feed_get_description:
 * @self: a feed
 *
 * Returns: (nullable): the text written as the calendar's description
 */
const char *
evt_feed_get_description (EvtFeed *self)
{
  g_return_val_if_fail (EVT_IS_FEED (self), NULL);

  return self->description;
}

/**
 * evt_feed_set_description:
 * @self: a feed
 * @description: (nullable): the calendar's description (X-WR-CALDESC)
 */
void
evt_feed_set_description (EvtFeed    *self,
                          const char *description)
{
  g_return_if_fail (EVT_IS_FEED (self));

  set_string (self, &self->description, description, PROP_DESCRIPTION);
}

/**
 * evt_feed_get_range:
 * @self: a feed
 * @from: (out) (optional): first year, or offset from this year
 * @to: (out) (optional): last year, or offset from this year
 *
 * Returns: which days the feed covers (see #EvtFeedRange)
 */
EvtFeedRange
evt_feed_get_range (EvtFeed *self,
                    int     *from,
                    int     *to)
{
  g_return_val_if_fail (EVT_IS_FEED (self), EVT_FEED_RANGE_ALL);

  if (from != NULL)
    *from = self->range_from;
  if (to != NULL)
    *to = self->range_to;

  return self->range;
}

/**
 * evt_feed_set_range:
 * @self: a feed
 * @range: the kind of range
 * @from: first year (%EVT_FEED_RANGE_YEARS) or offset from this year
 *   (%EVT_FEED_RANGE_ROLLING); ignored for %EVT_FEED_RANGE_ALL
 * @to: last year or offset, inclusive
 */
void
evt_feed_set_range (EvtFeed      *self,
                    EvtFeedRange  range,
                    int           from,
                    int           to)
{
  g_return_if_fail (EVT_IS_FEED (self));

  self->range = range;
  self->range_from = range == EVT_FEED_RANGE_ALL ? 0 : from;
  self->range_to = range == EVT_FEED_RANGE_ALL ? 0 : to;
}

/**
 * evt_feed_get_statuses:
 * @self: a feed
 *
 * Returns: the statuses of the events in the feed, as a mask of
 *   (1 << #EvtStatus); 0 for all
 */
guint
evt_feed_get_statuses (EvtFeed *self)
{
  g_return_val_if_fail (EVT_IS_FEED (self), 0);

  return self->statuses;
}

/**
 * evt_feed_set_statuses:
 * @self: a feed
 * @statuses: a mask of (1 << #EvtStatus); 0 for all
 */
void
evt_feed_set_statuses (EvtFeed *self,
                       guint    statuses)
{
  g_return_if_fail (EVT_IS_FEED (self));

  self->statuses = statuses;
}

/**
 * evt_feed_get_kinds:
 * @self: a feed
 *
 * Returns: the kinds of the events in the feed, as a mask of (1 << #EvtKind);
 *   0 for all
 */
guint
evt_feed_get_kinds (EvtFeed *self)
{
  g_return_val_if_fail (EVT_IS_FEED (self), 0);

  return self->kinds;
}

/**
 * evt_feed_set_kinds:
 * @self: a feed
 * @kinds: a mask of (1 << #EvtKind); 0 for all
 */
void
evt_feed_set_kinds (EvtFeed *self,
                    guint    kinds)
{
  g_return_if_fail (EVT_IS_FEED (self));

  self->kinds = kinds;
}

/**
 * evt_feed_get_sectors:
 * @self: a feed
 *
 * Returns: (nullable) (array zero-terminated=1): sector slugs; an event with
 *   any of them is in the feed; %NULL for all events
 */
const char * const *
evt_feed_get_sectors (EvtFeed *self)
{
  g_return_val_if_fail (EVT_IS_FEED (self), NULL);

  return (const char * const *) self->sectors;
}

/**
 * evt_feed_set_sectors:
 * @self: a feed
 * @sectors: (nullable) (array zero-terminated=1): sector slugs; %NULL or
 *   empty for all
 */
void
evt_feed_set_sectors (EvtFeed            *self,
                      const char * const *sectors)
{
  g_return_if_fail (EVT_IS_FEED (self));

  g_clear_pointer (&self->sectors, g_strfreev);
  if (sectors != NULL && sectors[0] != NULL)
    self->sectors = g_strdupv ((char **) sectors);
}

/**
 * evt_feed_get_privacy:
 * @self: a feed
 *
 * Returns: who the feed is for
 */
EvtIcalPrivacy
evt_feed_get_privacy (EvtFeed *self)
{
  g_return_val_if_fail (EVT_IS_FEED (self), EVT_ICAL_PRIVACY_PUBLIC);

  return self->privacy;
}

/**
 * evt_feed_set_privacy:
 * @self: a feed
 * @privacy: public (no internal event, note or budget) or internal
 */
void
evt_feed_set_privacy (EvtFeed        *self,
                      EvtIcalPrivacy  privacy)
{
  g_return_if_fail (EVT_IS_FEED (self));

  if (self->privacy != privacy)
    {
      self->privacy = privacy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIVACY]);
    }
}

/**
 * evt_feed_get_cancelled:
 * @self: a feed
 *
 * Returns: what the feed does with cancelled events
 */
EvtIcalStatusPolicy
evt_feed_get_cancelled (EvtFeed *self)
{
  g_return_val_if_fail (EVT_IS_FEED (self), EVT_ICAL_STATUS_INCLUDE);

  return self->cancelled;
}

/**
 * evt_feed_set_cancelled:
 * @self: a feed
 * @policy: include, leave out, or include with a "[CANCELLED] " prefix
 */
void
evt_feed_set_cancelled (EvtFeed             *self,
                        EvtIcalStatusPolicy  policy)
{
  g_return_if_fail (EVT_IS_FEED (self));

  if (self->cancelled != policy)
    {
      self->cancelled = policy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANCELLED]);
    }
}

/**
 * evt_feed_get_postponed:
 * @self: a feed
 *
 * Returns: what the feed does with postponed events
 */
EvtIcalStatusPolicy
evt_feed_get_postponed (EvtFeed *self)
{
  g_return_val_if_fail (EVT_IS_FEED (self), EVT_ICAL_STATUS_INCLUDE);

  return self->postponed;
}

/**
 * evt_feed_set_postponed:
 * @self: a feed
 * @policy: include, leave out, or include with a "[POSTPONED] " prefix
 */
void
evt_feed_set_postponed (EvtFeed             *self,
                        EvtIcalStatusPolicy  policy)
{
  g_return_if_fail (EVT_IS_FEED (self));

  if (self->postponed != policy)
    {
      self->postponed = policy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSTPONED]);
    }
}

/**
 * evt_feed_get_refresh_minutes:
 * @self: a feed
 *
 * Returns: how often clients should fetch the feed again, in minutes
 */
guint
evt_feed_get_refresh_minutes (EvtFeed *self)
{
  g_return_val_if_fail (EVT_IS_FEED (self), 0);

  return self->refresh_minutes;
}

/**
 * evt_feed_set_refresh_minutes:
 * @self: a feed
 * @minutes: REFRESH-INTERVAL and X-PUBLISHED-TTL, in minutes; 0 leaves them
 *   out of the file
 */
void
evt_feed_set_refresh_minutes (EvtFeed *self,
                              guint    minutes)
{
  g_return_if_fail (EVT_IS_FEED (self));

  if (self->refresh_minutes != minutes)
    {
      self->refresh_minutes = minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESH_MINUTES]);
    }
}

/**
 * evt_feed_get_colour:
 * @self: a feed
 *
 * Returns: (nullable): the calendar's colour, "#rrggbb"
 */
const char *
evt_feed_get_colour (EvtFeed *self)
{
  g_return_val_if_fail (EVT_IS_FEED (self), NULL);

  return self->colour;
}

/**
 * evt_feed_set_colour:
 * @self: a feed
 * @colour: (nullable): "#rrggbb", suggested to clients
 */
void
evt_feed_set_colour (EvtFeed    *self,
                     const char *colour)
{
  g_return_if_fail (EVT_IS_FEED (self));

  set_string (self, &self->colour, colour, PROP_COLOUR);
}

/* ------------------------------------------------------------------------ */
/* What a feed holds                                                         */

/**
 * evt_feed_build_query:
 * @self: a feed
 * @today: (nullable): the day a rolling window moves with; %NULL for today
 *
 * Returns: (transfer full): the query of the feed's events. A public feed asks
 *   for public events only.
 */
EvtQuery *
evt_feed_build_query (EvtFeed     *self,
                      const GDate *today)
{
  EvtQuery *query;
  int first = 0, last = 0;

  g_return_val_if_fail (EVT_IS_FEED (self), NULL);

  query = evt_query_new ();

  switch (self->range)
    {
    case EVT_FEED_RANGE_YEARS:
      first = self->range_from;
      last = self->range_to;
      break;

    case EVT_FEED_RANGE_ROLLING:
      {
        int year;

        if (today != NULL && g_date_valid (today))
          year = g_date_get_year (today);
        else
          {
            g_autoptr(GDateTime) now = g_date_time_new_now_local ();

            year = g_date_time_get_year (now);
          }
        first = year + self->range_from;
        last = year + self->range_to;
      }
      break;

    case EVT_FEED_RANGE_ALL:
    default:
      break;
    }

  if (self->range != EVT_FEED_RANGE_ALL &&
      g_date_valid_year (first) && g_date_valid_year (last))
    {
      g_date_set_dmy (&query->from, 1, G_DATE_JANUARY, first);
      g_date_set_dmy (&query->to, 31, G_DATE_DECEMBER, last);
    }

  query->statuses = self->statuses;
  query->kinds = self->kinds;
  g_clear_pointer (&query->sectors, g_strfreev);
  query->sectors = g_strdupv (self->sectors);
  query->visibility = self->privacy == EVT_ICAL_PRIVACY_PUBLIC ? EVT_VISIBILITY_PUBLIC : -1;

  return query;
}

/**
 * evt_feed_build_options:
 * @self: a feed
 *
 * Returns: (transfer full): how the feed's file is written
 */
EvtExportOptions *
evt_feed_build_options (EvtFeed *self)
{
  EvtExportOptions *options;

  g_return_val_if_fail (EVT_IS_FEED (self), NULL);

  options = evt_export_options_new ();
  options->name = g_strdup (self->name);
  options->description = g_strdup (self->description);
  options->refresh_minutes = self->refresh_minutes;
  options->colour = g_strdup (self->colour);
  options->privacy = self->privacy;
  options->cancelled = self->cancelled;
  options->postponed = self->postponed;

  return options;
}

static char *
describe_offset (int offset)
{
  if (offset == 0)
    return g_strdup (_("this year"));
  if (offset == -1)
    return g_strdup (_("last year"));
  if (offset == 1)
    return g_strdup (_("next year"));
  if (offset < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year ago", "%d years ago",
                                         -offset), -offset);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year ahead", "%d years ahead",
                                       offset), offset);
}

/**
 * evt_feed_describe_range:
 * @self: a feed
 *
 * Returns: (transfer full): the feed's days for people: "all events", "2021",
 *   "2021–2022", "last year to 2 years ahead"
 */
char *
evt_feed_describe_range (EvtFeed *self)
{
  g_return_val_if_fail (EVT_IS_FEED (self), NULL);

  switch (self->range)
    {
    case EVT_FEED_RANGE_YEARS:
      if (self->range_from == self->range_to)
        return g_strdup_printf ("%d", self->range_from);
      return g_strdup_printf ("%d–%d", self->range_from, self->range_to);

    case EVT_FEED_RANGE_ROLLING:
      {
        g_autofree char *from = describe_offset (self->range_from);
        g_autofree char *to = describe_offset (self->range_to);

        if (self->range_from == self->range_to)
          return g_steal_pointer (&from);
        /* Translators: a rolling range of years, e.g. "last year to 2 years ahead" */
        return g_strdup_printf (_("%s to %s"), from, to);
      }

    case EVT_FEED_RANGE_ALL:
    default:
      return g_strdup (_("all events"));
    }
}

/**
 * evt_feed_get_file_path:
 * @self: a saved feed
 * @folder: the feed folder
 *
 * Returns: (transfer full): `@folder/<slug>.ics`
 */
char *
evt_feed_get_file_path (EvtFeed    *self,
                        const char *folder)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (EVT_IS_FEED (self), NULL);
  g_return_val_if_fail (self->slug != NULL, NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  base = g_strconcat (self->slug, ".ics", NULL);
  return g_build_filename (folder, base, NULL);
}

/**
 * evt_feed_slugify:
 * @text: a feed's name, or a slug as typed
 *
 * Makes a safe file name: ASCII lower-case letters, digits and single dashes,
 * accents folded ("Salons 2021 – Santé" gives "salons-2021-sante"), at most
 * %EVT_FEED_MAX_SLUG characters. It can hold neither "/" nor "..".
 *
 * Returns: (transfer full) (nullable): the slug, or %NULL when @text has no
 *   letter or digit to keep
 */
char *
evt_feed_slugify (const char *text)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GString) slug = NULL;
  gboolean dash = FALSE;

  if (text == NULL)
    return NULL;

  ascii = g_str_to_ascii (text, "C");
  slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && slug->len < EVT_FEED_MAX_SLUG; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0 && slug->len < EVT_FEED_MAX_SLUG - 1)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        {
          dash = TRUE;
        }
    }

  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  if (slug->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&slug), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Storage                                                                   */

static char *
mask_to_text (guint        mask,
              guint        n,
              const char *(*to_string) (int))
{
  g_autoptr(GString) text = NULL;

  if (mask == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if ((mask & (1u << i)) == 0)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ',');
      g_string_append (text, to_string ((int) i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
status_name (int status)
{
  return evt_status_to_string ((EvtStatus) status);
}

static const char *
kind_name (int kind)
{
  return evt_kind_to_string ((EvtKind) kind);
}

static guint
text_to_statuses (const char *text)
{
  g_auto(GStrv) parts = NULL;
  guint mask = 0;

  if (text == NULL)
    return 0;

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      EvtStatus status;

      if (evt_status_from_string (parts[i], &status))
        mask |= 1u << status;
    }

  return mask;
}

static guint
text_to_kinds (const char *text)
{
  g_auto(GStrv) parts = NULL;
  guint mask = 0;

  if (text == NULL)
    return 0;

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      EvtKind kind;

      if (evt_kind_from_string (parts[i], &kind))
        mask |= 1u << kind;
    }

  return mask;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           idx,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, idx);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

static GDateTime *
parse_time (const char *text)
{
  if (text == NULL)
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

static EvtFeed *
feed_from_row (sqlite3_stmt *stmt)
{
  EvtFeed *feed = evt_feed_new (column_text (stmt, 2));
  const char *range = column_text (stmt, 4);
  const char *sectors = column_text (stmt, 9);
  EvtIcalPrivacy privacy = EVT_ICAL_PRIVACY_PUBLIC;
  EvtIcalStatusPolicy policy;

  feed->id = sqlite3_column_int64 (stmt, 0);
  feed->slug = g_strdup (column_text (stmt, 1));
  feed->description = g_strdup (column_text (stmt, 3));

  feed->range = EVT_FEED_RANGE_ALL;
  for (guint i = 0; i < G_N_ELEMENTS (range_names); i++)
    {
      if (g_strcmp0 (range, range_names[i]) == 0)
        feed->range = (EvtFeedRange) i;
    }
  feed->range_from = sqlite3_column_int (stmt, 5);
  feed->range_to = sqlite3_column_int (stmt, 6);

  feed->statuses = text_to_statuses (column_text (stmt, 7));
  feed->kinds = text_to_kinds (column_text (stmt, 8));
  if (sectors != NULL && *sectors != '\0')
    feed->sectors = g_strsplit (sectors, ",", -1);

  if (evt_ical_privacy_from_string (column_text (stmt, 10), &privacy))
    feed->privacy = privacy;
  if (evt_ical_status_policy_from_string (column_text (stmt, 11), &policy))
    feed->cancelled = policy;
  if (evt_ical_status_policy_from_string (column_text (stmt, 12), &policy))
    feed->postponed = policy;
  feed->refresh_minutes = (guint) CLAMP (sqlite3_column_int (stmt, 13), 0, EVT_FEED_MAX_REFRESH);
  feed->colour = g_strdup (column_text (stmt, 14));
  feed->created = parse_time (column_text (stmt, 15));
  feed->modified = parse_time (column_text (stmt, 16));

  return feed;
}

static gboolean
prepare (EvtStore      *store,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  if (sqlite3_prepare_v2 (evt_store_get_db (store), sql, -1, stmt, NULL) != SQLITE_OK)
    {
      evt_store_set_sqlite_error (store, _("cannot read the feeds"), error);
      return FALSE;
    }

  return TRUE;
}

/* Reads every feed; the caller holds the store's lock. */
static GPtrArray *
list_locked (EvtStore  *store,
             GError   **error)
{
  g_autoptr(EvtFeedStmt) stmt = NULL;
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!prepare (store, "SELECT " FEED_COLUMNS " FROM feeds ORDER BY name COLLATE NOCASE, id",
                &stmt, error))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (feeds, feed_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot read the feeds"), error);
      return NULL;
    }

  return g_steal_pointer (&feeds);
}

/**
 * evt_feed_list:
 * @store: an open store
 * @error: return location for a #GError
 *
 * May be called from any thread.
 *
 * Returns: (transfer full) (element-type EvtFeed): every feed, sorted by name
 */
GPtrArray *
evt_feed_list (EvtStore  *store,
               GError   **error)
{
  GPtrArray *feeds;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (!evt_store_begin (store, error))
    return NULL;

  feeds = list_locked (store, error);
  evt_store_rollback (store);

  return feeds;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);

  return g_strcmp0 (fa, fb) == 0;
}

/**
 * evt_feed_lookup:
 * @store: an open store
 * @name_or_slug: a feed's slug, or its name (case ignored)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the feed, or %NULL with
 *   %EVT_FEED_ERROR_NOT_FOUND
 */
EvtFeed *
evt_feed_lookup (EvtStore    *store,
                 const char  *name_or_slug,
                 GError     **error)
{
  g_autoptr(GPtrArray) feeds = NULL;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);
  g_return_val_if_fail (name_or_slug != NULL, NULL);

  feeds = evt_feed_list (store, error);
  if (feeds == NULL)
    return NULL;

  for (guint i = 0; i < feeds->len; i++)
    {
      EvtFeed *feed = g_ptr_array_index (feeds, i);

      if (g_strcmp0 (feed->slug, name_or_slug) == 0)
        return g_object_ref (feed);
    }

  for (guint i = 0; i < feeds->len; i++)
    {
      EvtFeed *feed = g_ptr_array_index (feeds, i);

      if (same_name (feed->name, name_or_slug))
        return g_object_ref (feed);
    }

  g_set_error (error, EVT_FEED_ERROR, EVT_FEED_ERROR_NOT_FOUND,
               _("No feed named “%s”"), name_or_slug);
  return NULL;
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (EVT_FEED_ERROR, EVT_FEED_ERROR_INVALID, format, args);
  va_end (args);

  return FALSE;
}

static gboolean
is_colour (const char *text)
{
  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (text[i]))
        return FALSE;
    }

  return TRUE;
}

/* Checks the fields that need no database, and tidies the name and slug. */
static gboolean
validate (EvtStore  *store,
          EvtFeed   *feed,
          GError   **error)
{
  g_autofree char *name = g_strstrip (g_strdup (feed->name ? feed->name : ""));

  if (*name == '\0')
    return invalid (error, _("Name: a feed needs a name"));
  if (g_utf8_strlen (name, -1) > 200)
    return invalid (error, _("Name: at most 200 characters"));
  evt_feed_set_name (feed, name);

  if (feed->slug != NULL)
    {
      g_autofree char *slug = evt_feed_slugify (feed->slug);

      if (slug == NULL)
        return invalid (error, _("File name: “%s” has no letter or digit to keep"), feed->slug);
      evt_feed_set_slug (feed, slug);
    }

  switch (feed->range)
    {
    case EVT_FEED_RANGE_ALL:
      break;

    case EVT_FEED_RANGE_YEARS:
      if (feed->range_from < EVT_FEED_MIN_YEAR || feed->range_from > EVT_FEED_MAX_YEAR ||
          feed->range_to < EVT_FEED_MIN_YEAR || feed->range_to > EVT_FEED_MAX_YEAR)
        return invalid (error, _("Years: %d–%d is out of range (expected years from %d to %d)"),
                        feed->range_from, feed->range_to, EVT_FEED_MIN_YEAR, EVT_FEED_MAX_YEAR);
      if (feed->range_from > feed->range_to)
        return invalid (error, _("Years: %d comes after %d"), feed->range_from, feed->range_to);
      break;

    case EVT_FEED_RANGE_ROLLING:
      if (ABS (feed->range_from) > EVT_FEED_MAX_OFFSET ||
          ABS (feed->range_to) > EVT_FEED_MAX_OFFSET)
        return invalid (error, _("Years: at most %d years before or after this one"),
                        EVT_FEED_MAX_OFFSET);
      if (feed->range_from > feed->range_to)
        return invalid (error, _("Years: the window starts after it ends (%+d to %+d)"),
                        feed->range_from, feed->range_to);
      break;

    default:
      return invalid (error, _("Years: unknown kind of range"));
    }

  if ((feed->statuses >> EVT_N_STATUSES) != 0)
    return invalid (error, _("Statuses: unknown status"));
  if ((feed->kinds >> EVT_N_KINDS) != 0)
    return invalid (error, _("Kinds: unknown kind"));

  if (feed->privacy > EVT_ICAL_PRIVACY_INTERNAL)
    return invalid (error, _("Privacy: unknown level"));
  if (feed->cancelled > EVT_ICAL_STATUS_PREFIX || feed->postponed > EVT_ICAL_STATUS_PREFIX)
    return invalid (error, _("Cancelled and postponed events: unknown choice"));

  if (feed->refresh_minutes > EVT_FEED_MAX_REFRESH)
    return invalid (error, _("Refresh interval: at most %d minutes (a week)"),
                    EVT_FEED_MAX_REFRESH);

  if (feed->colour != NULL && *feed->colour == '\0')
    evt_feed_set_colour (feed, NULL);
  if (feed->colour != NULL && !is_colour (feed->colour))
    return invalid (error, _("Colour: “%s” is not a colour (expected #rrggbb)"), feed->colour);

  for (guint i = 0; feed->sectors != NULL && feed->sectors[i] != NULL; i++)
    {
      g_autoptr(EvtSector) sector = NULL;
      g_autoptr(GError) local_error = NULL;

      sector = evt_store_get_sector (store, feed->sectors[i], &local_error);
      if (sector == NULL)
        {
          if (g_error_matches (local_error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND))
            return invalid (error, _("Sectors: no sector “%s”"), feed->sectors[i]);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}

/* Checks names and slugs against the other feeds and gives a new feed its
 * slug; the caller holds the store's lock. */
static gboolean
check_unique_locked (EvtStore  *store,
                     EvtFeed   *feed,
                     GError   **error)
{
  g_autoptr(GPtrArray) feeds = list_locked (store, error);
  g_autofree char *base = NULL;

  if (feeds == NULL)
    return FALSE;

  for (guint i = 0; i < feeds->len; i++)
    {
      EvtFeed *other = g_ptr_array_index (feeds, i);

      if (other->id == feed->id)
        continue;

      if (same_name (other->name, feed->name))
        {
          g_set_error (error, EVT_FEED_ERROR, EVT_FEED_ERROR_EXISTS,
                       _("Name: there is already a feed named “%s”"), other->name);
          return FALSE;
        }

      if (feed->slug != NULL && g_strcmp0 (other->slug, feed->slug) == 0)
        {
          g_set_error (error, EVT_FEED_ERROR, EVT_FEED_ERROR_EXISTS,
                       _("File name: the feed “%s” is already written to %s.ics"),
                       other->name, other->slug);
          return FALSE;
        }
    }

  if (feed->slug != NULL)
    return TRUE;

  base = evt_feed_slugify (feed->name);
  if (base == NULL)
    base = g_strdup ("feed");

  /* "salons", then "salons-2", "salons-3"... */
  for (guint n = 1; ; n++)
    {
      g_autofree char *candidate = NULL;
      gboolean taken = FALSE;

      if (n == 1)
        candidate = g_strdup (base);
      else
        {
          g_autofree char *suffix = g_strdup_printf ("-%u", n);
          gsize keep = MIN (strlen (base), EVT_FEED_MAX_SLUG - strlen (suffix));

          candidate = g_strdup_printf ("%.*s%s", (int) keep, base, suffix);
        }

      for (guint i = 0; i < feeds->len && !taken; i++)
        {
          EvtFeed *other = g_ptr_array_index (feeds, i);

          taken = other->id != feed->id && g_strcmp0 (other->slug, candidate) == 0;
        }

      if (!taken)
        {
          evt_feed_set_slug (feed, candidate);
          return TRUE;
        }
    }
}

/**
 * evt_feed_save:
 * @store: an open store
 * @feed: a feed
 * @error: return location for a #GError
 *
 * Checks @feed and adds it to the store (when its id is 0) or updates it. A new
 * feed without a slug gets one from its name, made unique ("salons-2"). On
 * success @feed has its id, slug and times.
 *
 * Returns: %TRUE on success; %FALSE with %EVT_FEED_ERROR_INVALID (the message
 *   names the field), %EVT_FEED_ERROR_EXISTS or a store error
 */
gboolean
evt_feed_save (EvtStore  *store,
               EvtFeed   *feed,
               GError   **error)
{
  g_autoptr(EvtFeedStmt) stmt = NULL;
  g_autofree char *statuses = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *sectors = NULL;
  g_autofree char *now = NULL;
  g_autofree char *created = NULL;
  g_autofree char *old_slug = NULL;
  const char *sql;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);
  g_return_val_if_fail (EVT_IS_FEED (feed), FALSE);

  if (!validate (store, feed, error))
    return FALSE;

  if (!evt_store_begin (store, error))
    return FALSE;

  old_slug = g_strdup (feed->slug);
  if (!check_unique_locked (store, feed, error))
    goto fail;

  if (feed->id == 0)
    sql = "INSERT INTO feeds (slug, name, description, range_kind, range_from, range_to,"
          " statuses, kinds, sectors, privacy, cancelled, postponed, refresh_minutes, colour,"
          " created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
          " ?14, ?15, ?16)";
  else
    sql = "UPDATE feeds SET slug = ?1, name = ?2, description = ?3, range_kind = ?4,"
          " range_from = ?5, range_to = ?6, statuses = ?7, kinds = ?8, sectors = ?9,"
          " privacy = ?10, cancelled = ?11, postponed = ?12, refresh_minutes = ?13,"
          " colour = ?14, modified = ?16 WHERE id = ?17";

  if (sqlite3_prepare_v2 (evt_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      evt_store_set_sqlite_error (store, _("cannot save the feed"), error);
      goto fail;
    }

  statuses = mask_to_text (feed->statuses, EVT_N_STATUSES, status_name);
  kinds = mask_to_text (feed->kinds, EVT_N_KINDS, kind_name);
  if (feed->sectors != NULL)
    sectors = g_strjoinv (",", feed->sectors);
  now = now_text ();
  created = feed->created ? g_date_time_format_iso8601 (feed->created) : g_strdup (now);

  bind_text (stmt, 1, feed->slug);
  bind_text (stmt, 2, feed->name);
  bind_text (stmt, 3, feed->description);
  bind_text (stmt, 4, range_names[feed->range]);
  sqlite3_bind_int (stmt, 5, feed->range_from);
  sqlite3_bind_int (stmt, 6, feed->range_to);
  bind_text (stmt, 7, statuses);
  bind_text (stmt, 8, kinds);
  bind_text (stmt, 9, sectors);
  bind_text (stmt, 10, evt_ical_privacy_to_string (feed->privacy));
  bind_text (stmt, 11, evt_ical_status_policy_to_string (feed->cancelled));
  bind_text (stmt, 12, evt_ical_status_policy_to_string (feed->postponed));
  sqlite3_bind_int (stmt, 13, (int) feed->refresh_minutes);
  bind_text (stmt, 14, feed->colour);
  bind_text (stmt, 15, created);
  bind_text (stmt, 16, now);
  if (feed->id != 0)
    sqlite3_bind_int64 (stmt, 17, feed->id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot save the feed"), error);
      goto fail;
    }

  if (feed->id != 0 && sqlite3_changes (evt_store_get_db (store)) == 0)
    {
      g_set_error (error, EVT_FEED_ERROR, EVT_FEED_ERROR_NOT_FOUND,
                   _("The feed “%s” was removed meanwhile"), feed->name);
      goto fail;
    }

  if (!evt_store_commit (store, error))
    {
      evt_feed_set_slug (feed, old_slug);
      return FALSE;
    }

  if (feed->id == 0)
    {
      feed->id = sqlite3_last_insert_rowid (evt_store_get_db (store));
      g_object_notify_by_pspec (G_OBJECT (feed), properties[PROP_ID]);
    }
  g_clear_pointer (&feed->created, g_date_time_unref);
  g_clear_pointer (&feed->modified, g_date_time_unref);
  feed->created = parse_time (created);
  feed->modified = parse_time (now);

  return TRUE;

fail:
  evt_store_rollback (store);
  evt_feed_set_slug (feed, old_slug);
  return FALSE;
}

/**
 * evt_feed_delete:
 * @store: an open store
 * @feed: a saved feed
 * @error: return location for a #GError
 *
 * Removes @feed from the store. Its file stays: see evt_feed_remove_file().
 *
 * Returns: %TRUE on success
 */
gboolean
evt_feed_delete (EvtStore  *store,
                 EvtFeed   *feed,
                 GError   **error)
{
  g_autoptr(EvtFeedStmt) stmt = NULL;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);
  g_return_val_if_fail (EVT_IS_FEED (feed), FALSE);

  if (!evt_store_begin (store, error))
    return FALSE;

  if (sqlite3_prepare_v2 (evt_store_get_db (store), "DELETE FROM feeds WHERE id = ?1", -1,
                          &stmt, NULL) != SQLITE_OK)
    {
      evt_store_set_sqlite_error (store, _("cannot remove the feed"), error);
      evt_store_rollback (store);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, feed->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot remove the feed"), error);
      evt_store_rollback (store);
      return FALSE;
    }

  if (sqlite3_changes (evt_store_get_db (store)) == 0)
    {
      g_set_error (error, EVT_FEED_ERROR, EVT_FEED_ERROR_NOT_FOUND,
                   _("No feed named “%s”"), feed->name);
      evt_store_rollback (store);
      return FALSE;
    }

  return evt_store_commit (store, error);
}

/* ------------------------------------------------------------------------ */
/* The folder                                                                */

/**
 * evt_feed_get_default_folder:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/eventail/feeds`
 */
char *
evt_feed_get_default_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "eventail", "feeds", NULL);
}

/**
 * evt_feed_get_folder:
 * @store: an open store
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the folder of the feed files: the one
 *   set with evt_feed_set_folder(), else the default one
 */
char *
evt_feed_get_folder (EvtStore  *store,
                     GError   **error)
{
  g_autoptr(EvtFeedStmt) stmt = NULL;
  char *folder = NULL;
  int rc;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (!evt_store_begin (store, error))
    return NULL;

  if (!prepare (store, "SELECT value FROM settings WHERE key = ?1", &stmt, error))
    {
      evt_store_rollback (store);
      return NULL;
    }

  bind_text (stmt, 1, EVT_FEED_FOLDER_KEY);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && column_text (stmt, 0) != NULL && *column_text (stmt, 0) != '\0')
    folder = g_strdup (column_text (stmt, 0));
  else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot read the settings"), error);
      evt_store_rollback (store);
      return NULL;
    }

  evt_store_rollback (store);

  return folder != NULL ? folder : evt_feed_get_default_folder ();
}

/**
 * evt_feed_set_folder:
 * @store: an open store
 * @folder: (nullable): where to write the feeds; a relative path is taken from
 *   the current folder; %NULL or "" goes back to the default folder
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
evt_feed_set_folder (EvtStore    *store,
                     const char  *folder,
                     GError     **error)
{
  g_autoptr(EvtFeedStmt) stmt = NULL;
  g_autofree char *absolute = NULL;
  const char *sql;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);

  if (folder != NULL && *folder != '\0')
    {
      if (!g_utf8_validate (folder, -1, NULL))
        return invalid (error, _("Feed folder: the path is not valid UTF-8"));
      absolute = g_canonicalize_filename (folder, NULL);
      sql = "INSERT INTO settings (key, value) VALUES (?1, ?2)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    }
  else
    sql = "DELETE FROM settings WHERE key = ?1";

  if (!evt_store_begin (store, error))
    return FALSE;

  if (sqlite3_prepare_v2 (evt_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      evt_store_set_sqlite_error (store, _("cannot save the settings"), error);
      evt_store_rollback (store);
      return FALSE;
    }

  bind_text (stmt, 1, EVT_FEED_FOLDER_KEY);
  if (absolute != NULL)
    bind_text (stmt, 2, absolute);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot save the settings"), error);
      evt_store_rollback (store);
      return FALSE;
    }

  return evt_store_commit (store, error);
}

/* ------------------------------------------------------------------------ */
/* Files                                                                     */

/* Whether @a and @b differ only by their DTSTAMP lines, which change at every
 * export: rewriting the same events would only make clients download again. */
static gboolean
same_but_dtstamp (const char *a,
                  const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      const char *ea = strstr (a, "\r\n");
      const char *eb = strstr (b, "\r\n");
      gsize la, lb;

      if (ea == NULL || eb == NULL)
        return g_strcmp0 (a, b) == 0;

      la = ea - a;
      lb = eb - b;

      if (!(g_str_has_prefix (a, "DTSTAMP:") && g_str_has_prefix (b, "DTSTAMP:")) &&
          (la != lb || memcmp (a, b, la) != 0))
        return FALSE;

      a = ea + 2;
      b = eb + 2;
    }

  return *a == '\0' && *b == '\0';
}

static gboolean
make_folder (const char  *folder,
             GError     **error)
{
  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, EVT_FEED_ERROR, EVT_FEED_ERROR_FAILED,
                   _("Cannot create the feed folder %s: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * evt_feed_write:
 * @store: an open store
 * @feed: a saved feed
 * @folder: (nullable): the feed folder; %NULL for the store's setting
 * @n_events: (out) (optional): how many events the file holds
 * @error: return location for a #GError
 *
 * Writes the feed's file, `<folder>/<slug>.ics`, atomically (the folder is
 * created, mode 0755, if needed). A file whose events have not changed is left
 * as it is. May be called from a worker thread.
 *
 * Returns: %TRUE on success
 */
gboolean
evt_feed_write (EvtStore    *store,
                EvtFeed     *feed,
                const char  *folder,
                guint       *n_events,
                GError     **error)
{
  g_autofree char *own_folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *old = NULL;
  g_autoptr(EvtQuery) query = NULL;
  g_autoptr(EvtExportOptions) options = NULL;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);
  g_return_val_if_fail (EVT_IS_FEED (feed), FALSE);
  g_return_val_if_fail (feed->slug != NULL, FALSE);

  if (folder == NULL)
    {
      folder = own_folder = evt_feed_get_folder (store, error);
      if (folder == NULL)
        return FALSE;
    }

  if (!make_folder (folder, error))
    return FALSE;

  query = evt_feed_build_query (feed, NULL);
  options = evt_feed_build_options (feed);
  contents = evt_ical_export_store (store, query, options, n_events, error);
  if (contents == NULL)
    return FALSE;

  path = evt_feed_get_file_path (feed, folder);
  if (g_file_get_contents (path, &old, NULL, NULL) && same_but_dtstamp (old, contents))
    return TRUE;

  return evt_ical_write_file (path, contents, error);
}

/**
 * evt_feed_write_all:
 * @store: an open store
 * @n_feeds: (out) (optional): how many feeds were written
 * @error: return location for a #GError
 *
 * Writes every feed to the feed folder. A feed that fails does not stop the
 * others; the first error is returned, naming its feed. May be called from a
 * worker thread.
 *
 * Returns: %TRUE if every feed was written
 */
gboolean
evt_feed_write_all (EvtStore  *store,
                    guint     *n_feeds,
                    GError   **error)
{
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) first_error = NULL;
  g_autofree char *folder = NULL;
  guint n = 0;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);

  if (n_feeds != NULL)
    *n_feeds = 0;

  feeds = evt_feed_list (store, error);
  if (feeds == NULL)
    return FALSE;

  if (feeds->len == 0)
    return TRUE;

  folder = evt_feed_get_folder (store, error);
  if (folder == NULL)
    return FALSE;

  for (guint i = 0; i < feeds->len; i++)
    {
      EvtFeed *feed = g_ptr_array_index (feeds, i);
      g_autoptr(GError) local_error = NULL;

      if (evt_feed_write (store, feed, folder, NULL, &local_error))
        n++;
      else if (first_error == NULL)
        {
          /* Translators: the first %s is a feed's name, the second an error message */
          g_prefix_error (&local_error, _("Feed “%s”: "), feed->name);
          first_error = g_steal_pointer (&local_error);
        }
    }

  if (n_feeds != NULL)
    *n_feeds = n;

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * evt_feed_remove_file:
 * @feed: a feed with a slug
 * @folder: the feed folder
 * @error: return location for a #GError
 *
 * Deletes the feed's file, if there is one.
 *
 * Returns: %TRUE if the file is gone
 */
gboolean
evt_feed_remove_file (EvtFeed     *feed,
                      const char  *folder,
                      GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (EVT_IS_FEED (feed), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (feed->slug == NULL)
    return TRUE;

  path = evt_feed_get_file_path (feed, folder);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, EVT_FEED_ERROR, EVT_FEED_ERROR_FAILED,
                   _("Cannot remove %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
