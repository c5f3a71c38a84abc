/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-cli-ical.c: the `export` and `feed` subcommands of the command line. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "evt-cli-private.h"
#include "evt-feed.h"
#include "evt-ical.h"

static gboolean
usage_error (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage_error (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (EVT_CLI_ERROR, EVT_CLI_ERROR_USAGE, format, args);
  va_end (args);

  return FALSE;
}

static gboolean
parse_policy (const char          *option,
              const char          *text,
              EvtIcalStatusPolicy *policy,
              GError             **error)
{
  if (text == NULL)
    return TRUE;

  if (!evt_ical_status_policy_from_string (text, policy))
    return usage_error (error, _("%s: “%s” is not a choice (expected include, exclude or prefix)"),
                        option, text);

  return TRUE;
}

static gboolean
parse_privacy (gboolean         public_,
               gboolean         internal,
               EvtIcalPrivacy  *privacy,
               GError         **error)
{
  if (public_ && internal)
    return usage_error (error, _("--public, --internal: choose one of them"));

  if (public_)
    *privacy = EVT_ICAL_PRIVACY_PUBLIC;
  else if (internal)
    *privacy = EVT_ICAL_PRIVACY_INTERNAL;

  return TRUE;
}

/* --- export ------------------------------------------------------------------------ */

/**
 * evt_cli_export:
 * @command: the table entry of `export`
 * @argc: the number of arguments
 * @argv: the arguments, @argv[0] being "export"
 *
 * `eventail export [FILTER…] [--output FILE] [--public|--internal]
 * [--cancelled include|exclude|prefix] [--postponed …] [--name NAME]`
 *
 * Returns: the exit status
 */
int
evt_cli_export (const EvtCliCommand  *command,
                int                   argc,
                char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_auto(EvtCliFilter) filter = { 0 };
  g_autofree GOptionEntry *filter_entries = evt_cli_filter_entries_new (&filter);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtQuery) query = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtExportOptions) options = evt_export_options_new ();
  g_autofree char *output = NULL;
  g_autofree char *name = NULL;
  g_autofree char *cancelled = NULL;
  g_autofree char *postponed = NULL;
  g_autofree char *contents = NULL;
  gboolean public_ = FALSE;
  gboolean internal = FALSE;
  guint n_written = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (replaced at once, never half written); - or nothing for the "
         "standard output"), N_("FILE") },
    { "public", 0, 0, G_OPTION_ARG_NONE, &public_,
      N_("For anyone (the default): no internal event, no notes, no budget"), NULL },
    { "internal", 0, 0, G_OPTION_ARG_NONE, &internal,
      N_("For the team: internal events too, with notes and budget"), NULL },
    { "cancelled", 0, 0, G_OPTION_ARG_STRING, &cancelled,
      N_("Cancelled events: include, exclude, or prefix (the default: “[CANCELLED] ” "
         "before the title, as Google Calendar hides cancelled events)"), N_("CHOICE") },
    { "postponed", 0, 0, G_OPTION_ARG_STRING, &postponed,
      N_("Postponed events: include, exclude, or prefix (the default)"), N_("CHOICE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("The calendar's name, shown by calendar applications"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, NULL,
                     N_("Writes the events that match the filter (every event without "
                        "one) as an iCalendar (.ics) file that calendar applications "
                        "import or subscribe to. The filter options are those of "
                        "“eventail list”."));
  evt_cli_args_add_entries (&args, filter_entries);
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 0, 0, &error))
    return evt_cli_report (command, error);

  /* Cancelled and postponed events as a new feed shows them, the export dialog too: with a
   * prefix, seen by every subscriber (Google Calendar drops STATUS:CANCELLED). */
  {
    g_autoptr(EvtFeed) defaults = evt_feed_new (NULL);

    options->cancelled = evt_feed_get_cancelled (defaults);
    options->postponed = evt_feed_get_postponed (defaults);
  }

  if (!parse_privacy (public_, internal, &options->privacy, &error) ||
      !parse_policy ("--cancelled", cancelled, &options->cancelled, &error) ||
      !parse_policy ("--postponed", postponed, &options->postponed, &error))
    return evt_cli_report (command, error);

  if (output != NULL && output[0] == '\0')
    {
      usage_error (&error, _("--output: the file name is empty (use - for the standard "
                             "output)"));
      return evt_cli_report (command, error);
    }

  if (name != NULL)
    {
      g_strstrip (name);
      options->name = g_strdup (name[0] != '\0' ? name : NULL);
    }
  else
    options->name = g_strdup ("Eventail");

  query = evt_cli_filter_to_query (&filter, &error);
  if (query == NULL)
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL ||
      !evt_cli_check_sectors (store, "--sector", (const char * const *) query->sectors, &error))
    return evt_cli_report (command, error);

  contents = evt_ical_export_store (store, query, options, &n_written, &error);
  if (contents == NULL)
    return evt_cli_report (command, error);

  if (output == NULL || g_str_equal (output, "-"))
    {
      if (!evt_cli_write_stdout (contents, strlen (contents), &error))
        return evt_cli_report (command, error);
    }
  else
    {
      if (!evt_ical_write_file (output, contents, &error))
        return evt_cli_report (command, error);

      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u event written to %s\n",
                               "%u events written to %s\n", n_written),
                  n_written, output);
    }

  return evt_cli_report (command, NULL);
}

/* --- feed ---------------------------------------------------------------------------- */

/* Turns the core's refusals of typed values into usage errors (exit 2). */
static int
report_feed (const EvtCliCommand *command,
             GError              *error)
{
  if (g_error_matches (error, EVT_FEED_ERROR, EVT_FEED_ERROR_INVALID))
    {
      g_autoptr(GError) usage = g_error_new_literal (EVT_CLI_ERROR, EVT_CLI_ERROR_USAGE,
                                                     error->message);
      return evt_cli_report (command, usage);
    }

  return evt_cli_report (command, error);
}

typedef struct
{
  char      *name;
  char      *slug;
  char      *description;
  char      *years;
  char      *window;
  gboolean   all_years;
  char     **statuses;
  char     **kinds;
  char     **sectors;
  gboolean   public_;
  gboolean   internal;
  char      *cancelled;
  char      *postponed;
  int        refresh;
  char      *colour;
} FeedOptions;

static void
feed_options_clear (FeedOptions *o)
{
  g_clear_pointer (&o->name, g_free);
  g_clear_pointer (&o->slug, g_free);
  g_clear_pointer (&o->description, g_free);
  g_clear_pointer (&o->years, g_free);
  g_clear_pointer (&o->window, g_free);
  g_clear_pointer (&o->statuses, g_strfreev);
  g_clear_pointer (&o->kinds, g_strfreev);
  g_clear_pointer (&o->sectors, g_strfreev);
  g_clear_pointer (&o->cancelled, g_free);
  g_clear_pointer (&o->postponed, g_free);
  g_clear_pointer (&o->colour, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FeedOptions, feed_options_clear)

static GOptionEntry *
feed_entries_new (FeedOptions *o,
                  gboolean     edit)
{
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &o->name,
      edit ? N_("Rename the feed (its file keeps its name)")
           : N_("The feed's name (the NAME argument by default)"), N_("NAME") },
    { "slug", 0, 0, G_OPTION_ARG_STRING, &o->slug,
      N_("The file name, without .ics (default: from the name; letters, digits and "
         "dashes only)"), N_("SLUG") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &o->description,
      N_("The calendar's description"), N_("TEXT") },
    { "years", 0, 0, G_OPTION_ARG_STRING, &o->years,
      N_("Only the events of these years: 2021, or 2021..2022"), N_("YEARS") },
    { "window", 0, 0, G_OPTION_ARG_STRING, &o->window,
      N_("Only the events of a window of years that moves with time, from this year: "
         "-1..2 is from last year to two years ahead"), N_("FROM..TO") },
    { "all-years", 0, 0, G_OPTION_ARG_NONE, &o->all_years,
      N_("Events of every year (the default)"), NULL },
    { "status", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->statuses,
      N_("Only events with one of these statuses (repeatable, or comma separated; “any” "
         "for all)"), N_("STATUS") },
    { "kind", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->kinds,
      N_("Only events of one of these kinds (repeatable, or comma separated; “any” for "
         "all)"), N_("KIND") },
    { "sector", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->sectors,
      N_("Only events of one of these sectors (repeatable, or comma separated; “any” for "
         "all)"), N_("SECTOR") },
    { "public", 0, 0, G_OPTION_ARG_NONE, &o->public_,
      N_("For anyone (the default): no internal event, no notes, no budget"), NULL },
    { "internal", 0, 0, G_OPTION_ARG_NONE, &o->internal,
      N_("For the team: internal events too, with notes and budget"), NULL },
    { "cancelled", 0, 0, G_OPTION_ARG_STRING, &o->cancelled,
      N_("Cancelled events: include, exclude, or prefix (the default: “[CANCELLED] ” "
         "before the title, as Google Calendar hides cancelled events)"), N_("CHOICE") },
    { "postponed", 0, 0, G_OPTION_ARG_STRING, &o->postponed,
      N_("Postponed events: include, exclude, or prefix (the default)"), N_("CHOICE") },
    { "refresh", 0, 0, G_OPTION_ARG_INT, &o->refresh,
      N_("How often calendar applications should fetch the feed, in minutes (default 60)"),
      N_("MINUTES") },
    { "colour", 0, 0, G_OPTION_ARG_STRING, &o->colour,
      N_("The calendar's colour, #rrggbb"), N_("COLOUR") },
    { "color", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &o->colour, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  return g_memdup2 (entries, sizeof entries);
}

static gboolean
parse_int (const char *text,
           gboolean    allow_sign,
           int        *value)
{
  gint64 v;

  if (text == NULL || *text == '\0')
    return FALSE;
  if (!allow_sign && (*text == '+' || *text == '-'))
    return FALSE;
  if (!g_ascii_string_to_signed (text, 10, -100000, 100000, &v, NULL))
    return FALSE;

  *value = (int) v;
  return TRUE;
}

/* "2021", "2021..2022", "2021-2022"; "-1..2" (window); the two numbers. */
static gboolean
parse_pair (const char *text,
            gboolean    signed_,
            int        *from,
            int        *to)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *sep = strstr (copy, "..");
  gsize sep_len = 2;

  if (sep == NULL && !signed_)
    {
      sep = strchr (copy, '-');
      sep_len = 1;
    }

  if (sep == NULL)
    {
      if (!parse_int (copy, signed_, from))
        return FALSE;
      *to = *from;
      return TRUE;
    }

  *sep = '\0';
  return parse_int (g_strstrip (copy), signed_, from) &&
         parse_int (g_strstrip (sep + sep_len), signed_, to);
}

static gboolean
parse_mask (const char          *option,
            char               **values,
            gboolean             kinds,
            guint               *mask,
            GError             **error)
{
  g_auto(GStrv) split = evt_cli_split_values ((const char * const *) values);
  guint result = 0;

  if (split[0] == NULL)
    return usage_error (error, _("%s: no value given"), option);

  for (guint i = 0; split[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (split[i], "any") == 0)
        {
          result = 0;
          if (split[i + 1] != NULL || i > 0)
            return usage_error (error, _("%s: “any” goes alone"), option);
          break;
        }

      if (kinds)
        {
          EvtKind kind;

          if (!evt_kind_from_string (split[i], &kind))
            return usage_error (error, _("%s: “%s” is not a kind (expected e.g. trade-show, "
                                         "congress, webinar)"), option, split[i]);
          result |= 1u << kind;
        }
      else
        {
          EvtStatus status;

          if (!evt_status_from_string (split[i], &status))
            return usage_error (error, _("%s: “%s” is not a status (expected tentative, "
                                         "confirmed, postponed, cancelled or held)"),
                                option, split[i]);
          result |= 1u << status;
        }
    }

  *mask = result;
  return TRUE;
}

/* Applies what was typed to @feed; options left out keep the feed's values. */
static gboolean
apply_feed_options (EvtStore     *store,
                    FeedOptions  *o,
                    EvtFeed      *feed,
                    GError      **error)
{
  int n_ranges = (o->years != NULL) + (o->window != NULL) + (o->all_years != FALSE);

  if (n_ranges > 1)
    return usage_error (error, _("--years, --window, --all-years: choose one of them"));

  if (o->name != NULL)
    evt_feed_set_name (feed, o->name);
  if (o->slug != NULL)
    evt_feed_set_slug (feed, o->slug);
  if (o->description != NULL)
    evt_feed_set_description (feed, o->description[0] != '\0' ? o->description : NULL);

  if (o->years != NULL)
    {
      int from, to;

      if (!parse_pair (o->years, FALSE, &from, &to))
        return usage_error (error, _("--years: “%s” is not a year or a range of years "
                                     "(expected e.g. 2021 or 2021..2022)"), o->years);
      evt_feed_set_range (feed, EVT_FEED_RANGE_YEARS, from, to);
    }
  else if (o->window != NULL)
    {
      int from, to;

      if (!parse_pair (o->window, TRUE, &from, &to))
        return usage_error (error, _("--window: “%s” is not a window of years (expected "
                                     "e.g. -1..2: from last year to two years ahead)"),
                            o->window);
      evt_feed_set_range (feed, EVT_FEED_RANGE_ROLLING, from, to);
    }
  else if (o->all_years)
    evt_feed_set_range (feed, EVT_FEED_RANGE_ALL, 0, 0);

  if (o->statuses != NULL)
    {
      guint mask;

      if (!parse_mask ("--status", o->statuses, FALSE, &mask, error))
        return FALSE;
      evt_feed_set_statuses (feed, mask);
    }

  if (o->kinds != NULL)
    {
      guint mask;

      if (!parse_mask ("--kind", o->kinds, TRUE, &mask, error))
        return FALSE;
      evt_feed_set_kinds (feed, mask);
    }

  if (o->sectors != NULL)
    {
      g_auto(GStrv) split = evt_cli_split_values ((const char * const *) o->sectors);

      if (split[0] == NULL)
        return usage_error (error, _("--sector: no sector given (expected e.g. health)"));
      if (split[1] == NULL && g_ascii_strcasecmp (split[0], "any") == 0)
        evt_feed_set_sectors (feed, NULL);
      else
        {
          if (!evt_cli_check_sectors (store, "--sector", (const char * const *) split, error))
            return FALSE;
          evt_feed_set_sectors (feed, (const char * const *) split);
        }
    }

  if (o->public_ || o->internal)
    {
      EvtIcalPrivacy privacy = evt_feed_get_privacy (feed);

      if (!parse_privacy (o->public_, o->internal, &privacy, error))
        return FALSE;
      evt_feed_set_privacy (feed, privacy);
    }

  if (o->cancelled != NULL)
    {
      EvtIcalStatusPolicy policy;

      if (!parse_policy ("--cancelled", o->cancelled, &policy, error))
        return FALSE;
      evt_feed_set_cancelled (feed, policy);
    }

  if (o->postponed != NULL)
    {
      EvtIcalStatusPolicy policy;

      if (!parse_policy ("--postponed", o->postponed, &policy, error))
        return FALSE;
      evt_feed_set_postponed (feed, policy);
    }

  if (o->refresh != -1)
    {
      if (o->refresh < 0 || o->refresh > EVT_FEED_MAX_REFRESH)
        return usage_error (error, _("--refresh: %d is out of range (expected minutes from 0 "
                                     "to %d)"), o->refresh, EVT_FEED_MAX_REFRESH);
      evt_feed_set_refresh_minutes (feed, (guint) o->refresh);
    }

  if (o->colour != NULL)
    evt_feed_set_colour (feed, o->colour[0] != '\0' ? o->colour : NULL);

  return TRUE;
}

static gboolean
write_one (EvtStore    *store,
           EvtFeed     *feed,
           const char  *folder,
           GError     **error)
{
  g_autofree char *path = evt_feed_get_file_path (feed, folder);
  guint n_events = 0;

  if (!evt_feed_write (store, feed, folder, &n_events, error))
    return FALSE;

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u event\n", "%s: %u events\n", n_events),
           path, n_events);
  return TRUE;
}

static int
feed_add_or_edit (const EvtCliCommand  *command,
                  gboolean              edit,
                  int                   argc,
                  char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_auto(FeedOptions) o = { 0 };
  g_autofree GOptionEntry *entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtFeed) feed = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *old_slug = NULL;

  o.refresh = -1;
  entries = feed_entries_new (&o, edit);
  evt_cli_args_init (&args, command, N_("NAME"),
                     edit ? N_("Changes the options given; the others keep their values. "
                               "The feed's file is written again at once.")
                          : N_("Saves a feed and writes its file, <feed folder>/<slug>.ics, "
                               "at once; it is written again whenever events change in "
                               "the application, and by “eventail feed write”."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  if (edit)
    {
      feed = evt_feed_lookup (store, args.positional[0], &error);
      if (feed == NULL)
        return evt_cli_report (command, error);
      old_slug = g_strdup (evt_feed_get_slug (feed));
    }
  else
    feed = evt_feed_new (args.positional[0]);

  if (!apply_feed_options (store, &o, feed, &error) ||
      !evt_feed_save (store, feed, &error))
    return report_feed (command, error);

  folder = evt_feed_get_folder (store, &error);
  if (folder == NULL || !write_one (store, feed, folder, &error))
    return evt_cli_report (command, error);

  if (old_slug != NULL && g_strcmp0 (old_slug, evt_feed_get_slug (feed)) != 0)
    {
      g_autoptr(EvtFeed) old = evt_feed_copy (feed);

      evt_feed_set_slug (old, old_slug);
      if (!evt_feed_remove_file (old, folder, &error))
        return evt_cli_report (command, error);
    }

  return evt_cli_report (command, NULL);
}

static int
feed_remove (const EvtCliCommand  *command,
             int                   argc,
             char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtFeed) feed = NULL;
  g_autofree char *folder = NULL;

  evt_cli_args_init (&args, command, N_("NAME"),
                     N_("Removes the feed and deletes its file."));
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  feed = evt_feed_lookup (store, args.positional[0], &error);
  if (feed == NULL)
    return evt_cli_report (command, error);

  folder = evt_feed_get_folder (store, &error);
  if (folder == NULL ||
      !evt_feed_delete (store, feed, &error) ||
      !evt_feed_remove_file (feed, folder, &error))
    return evt_cli_report (command, error);

  return evt_cli_report (command, NULL);
}

static char *
describe_mask (guint        mask,
               guint        n,
               gboolean     kinds)
{
  g_autoptr(GString) s = NULL;

  if (mask == 0)
    return g_strdup (_("any"));

  s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if ((mask & (1u << i)) == 0)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ',');
      g_string_append (s, kinds ? evt_kind_to_string (i) : evt_status_to_string (i));
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
describe_sectors (EvtFeed *feed)
{
  const char * const *sectors = evt_feed_get_sectors (feed);

  if (sectors == NULL || sectors[0] == NULL)
    return g_strdup (_("any"));

  return g_strjoinv (",", (char **) sectors);
}

static int
feed_list (const EvtCliCommand  *command,
           int                   argc,
           char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *folder = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write a JSON array of objects, one per feed"), NULL },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, NULL, NULL);
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 0, 0, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  feeds = evt_feed_list (store, &error);
  if (feeds == NULL)
    return evt_cli_report (command, error);

  folder = evt_feed_get_folder (store, &error);
  if (folder == NULL)
    return evt_cli_report (command, error);

  if (json)
    g_string_append_c (out, '[');

  for (guint i = 0; i < feeds->len; i++)
    {
      EvtFeed *feed = g_ptr_array_index (feeds, i);
      g_autofree char *path = evt_feed_get_file_path (feed, folder);
      g_autofree char *range = evt_feed_describe_range (feed);
      g_autofree char *statuses = describe_mask (evt_feed_get_statuses (feed),
                                                 EVT_N_STATUSES, FALSE);
      g_autofree char *kinds = describe_mask (evt_feed_get_kinds (feed), EVT_N_KINDS, TRUE);
      g_autofree char *sectors = describe_sectors (feed);
      const char *privacy = evt_ical_privacy_to_string (evt_feed_get_privacy (feed));
      const char *cancelled = evt_ical_status_policy_to_string (evt_feed_get_cancelled (feed));
      const char *postponed = evt_ical_status_policy_to_string (evt_feed_get_postponed (feed));

      if (json)
        {
          g_autofree char *refresh = g_strdup_printf ("%u", evt_feed_get_refresh_minutes (feed));
          const struct { const char *key; const char *value; } fields[] = {
            { "name", evt_feed_get_name (feed) },
            { "slug", evt_feed_get_slug (feed) },
            { "file", path },
            { "range", range },
            { "statuses", statuses },
            { "kinds", kinds },
            { "sectors", sectors },
            { "privacy", privacy },
            { "cancelled", cancelled },
            { "postponed", postponed },
            { "colour", evt_feed_get_colour (feed) },
          };

          g_string_append (out, i > 0 ? ",\n  {" : "\n  {");
          for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
            {
              evt_cli_append_json_string (out, fields[f].key);
              g_string_append (out, ": ");
              evt_cli_append_json_string (out, fields[f].value);
              g_string_append (out, ", ");
            }
          g_string_append_printf (out, "\"refresh_minutes\": %s}", refresh);
        }
      else
        {
          g_string_append_printf (out, "%s\n", evt_feed_get_name (feed));
          /* Translators: the lines that describe a feed in “eventail feed list” */
          g_string_append_printf (out, _("  file:      %s\n"), path);
          g_string_append_printf (out, _("  years:     %s\n"), range);
          g_string_append_printf (out, _("  statuses:  %s\n"), statuses);
          g_string_append_printf (out, _("  kinds:     %s\n"), kinds);
          g_string_append_printf (out, _("  sectors:   %s\n"), sectors);
          g_string_append_printf (out, _("  privacy:   %s\n"), privacy);
          g_string_append_printf (out, _("  cancelled: %s, postponed: %s\n"), cancelled,
                                  postponed);
          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                    "  refresh:   every %u minute\n",
                                                    "  refresh:   every %u minutes\n",
                                                    evt_feed_get_refresh_minutes (feed)),
                                  evt_feed_get_refresh_minutes (feed));
        }
    }

  if (json)
    {
      g_string_append (out, feeds->len > 0 ? "\n]\n" : "]\n");
      if (!evt_cli_write_stdout (out->str, out->len, &error))
        return evt_cli_report (command, error);
    }
  else if (feeds->len == 0)
    g_printerr (_("No feeds (add one with “eventail feed add NAME”)\n"));
  else
    g_print ("%s", out->str);

  return evt_cli_report (command, NULL);
}

static int
feed_write (const EvtCliCommand  *command,
            int                   argc,
            char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) first_error = NULL;

  evt_cli_args_init (&args, command, N_("[NAME]"),
                     N_("Writes the file of the feed NAME, or of every feed."));
  if (!evt_cli_args_parse (&args, argc, argv, 0, 1, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  if (args.positional[0] != NULL)
    {
      EvtFeed *feed = evt_feed_lookup (store, args.positional[0], &error);

      if (feed == NULL)
        return evt_cli_report (command, error);
      feeds = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (feeds, feed);
    }
  else
    {
      feeds = evt_feed_list (store, &error);
      if (feeds == NULL)
        return evt_cli_report (command, error);
      if (feeds->len == 0)
        g_printerr (_("No feeds (add one with “eventail feed add NAME”)\n"));
    }

  folder = evt_feed_get_folder (store, &error);
  if (folder == NULL)
    return evt_cli_report (command, error);

  for (guint i = 0; i < feeds->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      /* One feed that fails does not stop the others. */
      if (!write_one (store, g_ptr_array_index (feeds, i), folder, &local_error))
        {
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
          else
            evt_cli_warning (command, "%s", local_error->message);
        }
    }

  return evt_cli_report (command, first_error);
}

static int
feed_folder (const EvtCliCommand  *command,
             int                   argc,
             char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autofree char *folder = NULL;
  gboolean reset = FALSE;
  const GOptionEntry entries[] = {
    { "default", 0, 0, G_OPTION_ARG_NONE, &reset,
      N_("Go back to the default folder ($XDG_DATA_HOME/eventail/feeds)"), NULL },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, N_("[PATH]"),
                     N_("Shows the folder the feeds are written to, or sets it to PATH. "
                        "Files already written stay where they are: run “eventail feed "
                        "write” to write them in the new folder."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 0, 1, &error))
    return evt_cli_report (command, error);

  if (reset && args.positional[0] != NULL)
    {
      usage_error (&error, _("--default, PATH: choose one of them"));
      return evt_cli_report (command, error);
    }
  if (args.positional[0] != NULL && args.positional[0][0] == '\0')
    {
      usage_error (&error, _("PATH is empty (use --default for the default folder)"));
      return evt_cli_report (command, error);
    }

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  if ((reset || args.positional[0] != NULL) &&
      !evt_feed_set_folder (store, reset ? NULL : args.positional[0], &error))
    return report_feed (command, error);

  folder = evt_feed_get_folder (store, &error);
  if (folder == NULL)
    return evt_cli_report (command, error);

  if (reset || args.positional[0] != NULL)
    {
      if (g_mkdir_with_parents (folder, 0755) != 0)
        {
          int saved_errno = errno;

          g_set_error (&error, EVT_CLI_ERROR, EVT_CLI_ERROR_FAILED,
                       _("cannot create the folder %s: %s"), folder, g_strerror (saved_errno));
          return evt_cli_report (command, error);
        }
    }

  g_print ("%s\n", folder);
  return evt_cli_report (command, NULL);
}

static const struct
{
  EvtCliCommand command;
  gboolean      edit;
  int         (*run) (const EvtCliCommand *command, int argc, char **argv);
} feed_actions[] = {
  { { "feed add", N_("Add a feed and write its file"), NULL }, FALSE, NULL },
  { { "feed edit", N_("Change a feed and write its file again"), NULL }, TRUE, NULL },
  { { "feed remove", N_("Remove a feed and its file"), NULL }, FALSE, feed_remove },
  { { "feed list", N_("List the feeds, their files and filters"), NULL }, FALSE, feed_list },
  { { "feed write", N_("Write the file of one feed, or of every feed"), NULL }, FALSE,
    feed_write },
  { { "feed folder", N_("Show or set the folder the feeds are written to"), NULL }, FALSE,
    feed_folder },
};

static void
print_feed_help (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append (out, _("Usage:\n  eventail feed ACTION [OPTION…]\n\n"));
  g_string_append (out, _("Manage and write the iCalendar feeds: each feed is a saved filter "
                          "written to <feed folder>/<slug>.ics, which calendar applications "
                          "subscribe to.\n\nActions:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (feed_actions); i++)
    g_string_append_printf (out, "  %-8s %s\n", feed_actions[i].command.name + strlen ("feed "),
                            _(feed_actions[i].command.summary));
  g_string_append (out, _("\nSee “eventail feed ACTION --help” for the options of each.\n"));

  g_print ("%s", out->str);
}

/**
 * evt_cli_feed:
 * @command: the table entry of `feed`
 * @argc: the number of arguments
 * @argv: the arguments, @argv[0] being "feed", @argv[1] the action
 *
 * `eventail feed add|edit|remove|list|write|folder …`
 *
 * Returns: the exit status
 */
int
evt_cli_feed (const EvtCliCommand  *command,
              int                   argc,
              char                **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (feed_actions); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            feed_actions[i].command.name + strlen ("feed "));

  if (argc < 2 || argv[1][0] == '-')
    {
      if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
        {
          print_feed_help ();
          return evt_cli_report (command, NULL);
        }

      usage_error (&error, _("an action is missing (expected one of: %s)"), names->str);
      return evt_cli_report (command, error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (feed_actions); i++)
    {
      const EvtCliCommand *action = &feed_actions[i].command;

      if (!g_str_equal (argv[1], action->name + strlen ("feed ")))
        continue;

      if (feed_actions[i].run != NULL)
        return feed_actions[i].run (action, argc - 1, argv + 1);
      return feed_add_or_edit (action, feed_actions[i].edit, argc - 1, argv + 1);
    }

  usage_error (&error, _("“%s” is not an action (expected one of: %s)"), argv[1], names->str);
  return evt_cli_report (command, error);
}
