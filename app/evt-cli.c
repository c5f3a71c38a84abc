/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-cli.c: the command line (eventail list, show, add, edit, cancel...). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "evt-cli-private.h"
#include "evt-cli-people.h"
#include "evt-date.h"
#include "evt-demo.h"
#include "evt-event.h"
#include "evt-money.h"
#include "evt-planning.h"

static int cmd_list     (const EvtCliCommand *command, int argc, char **argv);
static int cmd_show     (const EvtCliCommand *command, int argc, char **argv);
static int cmd_add      (const EvtCliCommand *command, int argc, char **argv);
static int cmd_edit     (const EvtCliCommand *command, int argc, char **argv);
static int cmd_cancel   (const EvtCliCommand *command, int argc, char **argv);
static int cmd_postpone (const EvtCliCommand *command, int argc, char **argv);
static int cmd_hold     (const EvtCliCommand *command, int argc, char **argv);
static int cmd_delete   (const EvtCliCommand *command, int argc, char **argv);
static int cmd_demo     (const EvtCliCommand *command, int argc, char **argv);
static int cmd_help     (const EvtCliCommand *command, int argc, char **argv);

/* Every subcommand, in the order `eventail help` lists them. A subcommand written in
 * another file is one line here (see evt-cli-private.h); list it only once it exists. */
static const EvtCliCommand commands[] = {
  { "list", N_("List events, as a table, CSV or JSON"), cmd_list },
  { "show", N_("Show every field of an event"), cmd_show },
  { "add", N_("Add an event and print its uid"), cmd_add },
  { "edit", N_("Change some fields of an event"), cmd_edit },
  { "cancel", N_("Cancel an event, saying why"), cmd_cancel },
  { "postpone", N_("Postpone an event to new dates, or to dates to be announced"),
    cmd_postpone },
  { "hold", N_("Mark an event as held"), cmd_hold },
  { "delete", N_("Delete an event"), cmd_delete },
  { "demo", N_("Add the sample data (the 2021 programme, some of 2022, who took part)"),
    cmd_demo },
  { "export", N_("Write events to an iCalendar file"), evt_cli_export },
  { "import", N_("Read events from iCalendar files"), evt_cli_import },
  { "feed", N_("Manage and write the iCalendar feeds"), evt_cli_feed },
  { "org", N_("Import, list, change and merge the organisations; who took part in what"),
    evt_cli_org },
  { "person", N_("Add, list, change, remove and merge people"), evt_cli_person },
  { "participant", N_("Add, list and remove the participants of an event"), evt_cli_participant },
  { "outcome", N_("Record and show what came out of an event and what it cost"), evt_cli_outcome },
  { "followups", N_("List the follow-ups of leads that are due"), evt_cli_followups },
  { "help", N_("List the commands, or show the options of one"), cmd_help },
};

G_DEFINE_QUARK (evt-cli-error-quark, evt_cli_error)

static const EvtCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];

  return NULL;
}

static char *
command_names (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", commands[i].name);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/**
 * evt_cli_is_command:
 * @argc: the number of arguments
 * @argv: the arguments of the program
 *
 * Tells the command line from the window: a first argument that is not an option
 * names a subcommand (`eventail list`), while `eventail`, `eventail --year 2021` or
 * `eventail --help` are for the window.
 *
 * Returns: %TRUE if evt_cli_run() should handle @argv
 */
gboolean
evt_cli_is_command (int    argc,
                    char **argv)
{
  return argc > 1 && argv != NULL && argv[1] != NULL && argv[1][0] != '-';
}

/**
 * evt_cli_run:
 * @argc: the number of arguments
 * @argv: the arguments of the program, @argv[1] being the subcommand
 *
 * Runs a subcommand.
 *
 * Returns: the exit status: %EVT_CLI_OK, %EVT_CLI_FAILURE (the command could not be
 *   done) or %EVT_CLI_USAGE (what was typed is wrong)
 */
int
evt_cli_run (int    argc,
             char **argv)
{
  const EvtCliCommand *command;

  g_return_val_if_fail (evt_cli_is_command (argc, argv), EVT_CLI_USAGE);

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *names = command_names ();

      g_set_error (&error, EVT_CLI_ERROR, EVT_CLI_ERROR_USAGE,
                   _("“%s” is not a command (expected one of: %s)"), argv[1], names);
      return evt_cli_report (NULL, error);
    }

  return command->run (command, argc - 1, argv + 1);
}

/* --- Errors and messages ---------------------------------------------------- */

/**
 * evt_cli_exit_code:
 * @error: (nullable): what went wrong, or %NULL
 *
 * Returns: %EVT_CLI_OK for %NULL, %EVT_CLI_USAGE for %EVT_CLI_ERROR_USAGE and
 *   option parsing errors, %EVT_CLI_FAILURE for anything else
 */
int
evt_cli_exit_code (const GError *error)
{
  if (error == NULL)
    return EVT_CLI_OK;
  if (g_error_matches (error, EVT_CLI_ERROR, EVT_CLI_ERROR_USAGE) ||
      error->domain == G_OPTION_ERROR)
    return EVT_CLI_USAGE;
  return EVT_CLI_FAILURE;
}

/**
 * evt_cli_report:
 * @command: (nullable): the subcommand, or %NULL for `eventail` itself
 * @error: (nullable): what went wrong, or %NULL on success
 *
 * Ends a subcommand: prints @error as one line on stderr ("eventail list: --year:
 * …") and returns its exit status. With %NULL it flushes stdout and returns
 * %EVT_CLI_OK, or %EVT_CLI_FAILURE if the output could not be written.
 *
 * Returns: the exit status for @error
 */
int
evt_cli_report (const EvtCliCommand *command,
                const GError        *error)
{
  const char *name = command != NULL ? command->name : NULL;

  if (error == NULL)
    {
      if (fflush (stdout) != 0 || ferror (stdout))
        {
          int saved_errno = errno;

          if (name != NULL)
            g_printerr (_("eventail %s: cannot write the output: %s\n"), name,
                        g_strerror (saved_errno));
          else
            g_printerr (_("eventail: cannot write the output: %s\n"), g_strerror (saved_errno));
          return EVT_CLI_FAILURE;
        }
      return EVT_CLI_OK;
    }

  fflush (stdout);
  if (name != NULL)
    g_printerr ("eventail %s: %s\n", name, error->message);
  else
    g_printerr ("eventail: %s\n", error->message);

  return evt_cli_exit_code (error);
}

/**
 * evt_cli_warning:
 * @command: the subcommand
 * @format: printf() format of the message
 * @...: its arguments
 *
 * Prints a warning that does not stop the command, as one line on stderr.
 */
void
evt_cli_warning (const EvtCliCommand *command,
                 const char          *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fflush (stdout);
  /* TRANSLATORS: the first %s is a subcommand (list, add...), the second a message */
  g_printerr (_("eventail %s: warning: %s\n"), command->name, message);
}

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
    {
      g_autofree char *message = g_strdup_vprintf (format, args);

      g_set_error_literal (error, EVT_CLI_ERROR, EVT_CLI_ERROR_USAGE, message);
    }
  va_end (args);

  return FALSE;
}

/* --- Options ------------------------------------------------------------------ */

/**
 * evt_cli_args_init:
 * @args: the options of a subcommand, initialized with %EVT_CLI_ARGS_INIT
 * @command: the subcommand
 * @parameter_string: (nullable): untranslated (N_()) arguments after the options in
 *   the usage line, e.g. "EVENT"
 * @description: (nullable): untranslated (N_()) text shown after the options in
 *   --help
 *
 * Prepares the option parser of @command; its summary is the command's.
 */
void
evt_cli_args_init (EvtCliArgs          *args,
                   const EvtCliCommand *command,
                   const char          *parameter_string,
                   const char          *description)
{
  g_autofree char *prgname = g_strdup_printf ("eventail %s", command->name);

  g_return_if_fail (args->context == NULL);

  args->command = command;
  args->parameter_string = parameter_string;
  args->context = g_option_context_new (parameter_string);
  g_option_context_set_translation_domain (args->context, GETTEXT_PACKAGE);
  g_option_context_set_summary (args->context, command->summary);
  if (description != NULL)
    g_option_context_set_description (args->context, description);
  /* Our own --help prints to stdout and returns instead of exit(). */
  g_option_context_set_help_enabled (args->context, FALSE);

  /* The usage line of --help reads "eventail list [OPTION…] …". */
  g_set_prgname (prgname);
}

/**
 * evt_cli_args_add_entries:
 * @args: the options of a subcommand
 * @entries: options, ending with %G_OPTION_ENTRY_NULL; their descriptions
 *   untranslated (N_())
 *
 * Adds options of the subcommand. The variables that @entries point to must live
 * until evt_cli_args_parse() returns.
 */
void
evt_cli_args_add_entries (EvtCliArgs         *args,
                          const GOptionEntry *entries)
{
  g_option_context_add_main_entries (args->context, entries, GETTEXT_PACKAGE);
}

/**
 * evt_cli_args_parse:
 * @args: the options of a subcommand
 * @argc: the number of arguments
 * @argv: the arguments, @argv[0] being the subcommand's name
 * @min_positional: how many arguments must remain after the options
 * @max_positional: how many may remain (%G_MAXUINT for any number)
 * @error: return location for a #GError
 *
 * Parses the options, adding --database and --help. After --help, prints the help
 * on stdout and returns %FALSE without setting @error: evt_cli_report() then exits
 * with %EVT_CLI_OK. The remaining arguments are in @args->positional.
 *
 * Returns: %TRUE if the subcommand should go on; %FALSE with an %EVT_CLI_ERROR_USAGE
 *   error on bad options or arguments
 */
gboolean
evt_cli_args_parse (EvtCliArgs  *args,
                    int          argc,
                    char       **argv,
                    guint        min_positional,
                    guint        max_positional,
                    GError     **error)
{
  const GOptionEntry common[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &args->database,
      N_("Use the database FILE (default: $EVENTAIL_DATABASE, else the user data folder)"),
      N_("FILE") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &args->help, N_("Show the options"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) strv = NULL;
  g_autoptr(GStrvBuilder) positional = g_strv_builder_new ();
  guint n_positional = 0;
  gboolean seen_dashes = FALSE;

  g_return_val_if_fail (args->context != NULL, FALSE);

  g_option_context_add_main_entries (args->context, common, GETTEXT_PACKAGE);

  strv = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    strv[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (args->context, &strv, &local_error))
    return usage_error (error, "%s", local_error->message);

  if (args->help)
    {
      g_autofree char *help = g_option_context_get_help (args->context, TRUE, NULL);

      g_print ("%s", help);
      return FALSE;
    }

  for (guint i = 1; strv[i] != NULL; i++)
    {
      /* "--" ends the options, so that an argument may start with "-". */
      if (!seen_dashes && g_str_equal (strv[i], "--"))
        {
          seen_dashes = TRUE;
          continue;
        }
      if (n_positional == max_positional)
        return usage_error (error, _("unexpected argument “%s” (see “eventail %s --help”)"),
                            strv[i], args->command->name);
      g_strv_builder_add (positional, strv[i]);
      n_positional++;
    }

  if (n_positional < min_positional)
    return usage_error (error, _("%s is missing (see “eventail %s --help”)"),
                        args->parameter_string != NULL ? _(args->parameter_string) : "",
                        args->command->name);

  g_clear_pointer (&args->positional, g_strfreev);
  args->positional = g_strv_builder_end (positional);

  return TRUE;
}

/**
 * evt_cli_args_clear:
 * @args: the options of a subcommand
 *
 * Frees what @args holds (not the variables of the subcommand's own options).
 */
void
evt_cli_args_clear (EvtCliArgs *args)
{
  g_clear_pointer (&args->context, g_option_context_free);
  g_clear_pointer (&args->database, g_free);
  g_clear_pointer (&args->positional, g_strfreev);
}

/* --- The store ---------------------------------------------------------------- */

/**
 * evt_cli_open_store:
 * @args: the parsed options (for --database)
 * @error: return location for a #GError
 *
 * Opens the database of --database, else of $EVENTAIL_DATABASE, else the default
 * one. Call it once every option has been checked. The store's errors name the file
 * and end the command with %EVT_CLI_FAILURE.
 *
 * Returns: (transfer full) (nullable): the open store
 */
EvtStore *
evt_cli_open_store (EvtCliArgs  *args,
                    GError     **error)
{
  g_autofree char *path = evt_store_resolve_path (args->database);
  g_autoptr(EvtStore) store = evt_store_new (path);

  if (!evt_store_open (store, NULL, error))
    return NULL;

  return g_steal_pointer (&store);
}

/**
 * evt_cli_lookup_event:
 * @store: an open store
 * @id_or_uid: the EVENT argument: a numeric id or a uid
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the event, or %NULL with
 *   %EVT_STORE_ERROR_NOT_FOUND (a failure: exit 1)
 */
EvtEvent *
evt_cli_lookup_event (EvtStore    *store,
                      const char  *id_or_uid,
                      GError     **error)
{
  return evt_store_lookup_event (store, id_or_uid, error);
}

/**
 * evt_cli_check_sectors:
 * @store: an open store
 * @option: the option that gave @sectors, e.g. "--sector"
 * @sectors: (nullable): sector slugs
 * @error: return location for a #GError
 *
 * Checks that the store knows every one of @sectors, before anything is written.
 *
 * Returns: %TRUE if all are known; %FALSE with an %EVT_CLI_ERROR_USAGE error listing
 *   the known slugs otherwise
 */
gboolean
evt_cli_check_sectors (EvtStore            *store,
                       const char          *option,
                       const char * const  *sectors,
                       GError             **error)
{
  g_autoptr(GPtrArray) known = NULL;

  if (sectors == NULL || sectors[0] == NULL)
    return TRUE;

  known = evt_store_list_sectors (store, error);
  if (known == NULL)
    return FALSE;

  for (guint i = 0; sectors[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; !found && j < known->len; j++)
        found = g_str_equal (((EvtSector *) g_ptr_array_index (known, j))->slug, sectors[i]);

      if (!found)
        {
          g_autoptr(GString) slugs = g_string_new (NULL);

          for (guint j = 0; j < known->len; j++)
            g_string_append_printf (slugs, "%s%s", j > 0 ? ", " : "",
                                    ((EvtSector *) g_ptr_array_index (known, j))->slug);
          return usage_error (error, _("%s: “%s” is not a sector (expected one of: %s)"),
                              option, sectors[i], slugs->str);
        }
    }

  return TRUE;
}

/* --- Values --------------------------------------------------------------------- */

/**
 * evt_cli_split_values:
 * @values: (nullable): the values of a repeatable option
 *
 * Splits "a,b" values and drops blanks: `--status cancelled,postponed --status held`
 * gives cancelled, postponed and held.
 *
 * Returns: (transfer full): the values, maybe none
 */
char **
evt_cli_split_values (const char * const *values)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (values[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_strstrip (parts[j]);
          if (parts[j][0] != '\0')
            g_strv_builder_add (builder, parts[j]);
        }
    }

  return g_strv_builder_end (builder);
}

/**
 * evt_cli_parse_dates:
 * @option: the option that gave @text, e.g. "--start"
 * @text: a date, a date and time, or a range (see evt_date_range_parse())
 * @tz: (nullable): the zone of the event; %NULL for Europe/Paris
 * @all_day: (out) (optional): whether @text gives days
 * @start: (out) (optional) (transfer full): the start
 * @end: (out) (optional) (transfer full): the end
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with an %EVT_CLI_ERROR_USAGE error naming
 *   @option otherwise
 */
gboolean
evt_cli_parse_dates (const char  *option,
                     const char  *text,
                     GTimeZone   *tz,
                     gboolean    *all_day,
                     GDateTime  **start,
                     GDateTime  **end,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!evt_date_range_parse (text, tz, all_day, start, end, &local_error))
    return usage_error (error, "%s: %s", option, local_error->message);

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static gboolean
parse_year (const char  *text,
            int         *year,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint64 value;

  if (!g_ascii_string_to_unsigned (stripped, 10, 1, 9999, &value, NULL))
    return usage_error (error, _("--year: “%s” is not a year (expected e.g. 2021)"), text);

  *year = (int) value;
  return TRUE;
}

static char *
kind_names (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < EVT_N_KINDS; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", evt_kind_to_string (i));

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
status_names (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < EVT_N_STATUSES; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", evt_status_to_string (i));

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
parse_kind (const char  *option,
            const char  *text,
            EvtKind     *kind,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *names = NULL;

  if (evt_kind_from_string (stripped, kind))
    return TRUE;

  names = kind_names ();
  return usage_error (error, _("%s: “%s” is not a kind of event (expected one of: %s)"),
                      option, text, names);
}

static gboolean
parse_status (const char  *option,
              const char  *text,
              EvtStatus   *status,
              GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *names = NULL;

  if (evt_status_from_string (stripped, status))
    return TRUE;

  names = status_names ();
  return usage_error (error, _("%s: “%s” is not a status (expected one of: %s)"),
                      option, text, names);
}

static gboolean
parse_visibility (const char     *option,
                  const char     *text,
                  EvtVisibility  *visibility,
                  GError        **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (evt_visibility_from_string (stripped, visibility))
    return TRUE;

  return usage_error (error, _("%s: “%s” is not a visibility (expected one of: %s, %s)"),
                      option, text, evt_visibility_to_string (EVT_VISIBILITY_PUBLIC),
                      evt_visibility_to_string (EVT_VISIBILITY_INTERNAL));
}

/* Reads an amount of euros into cents: "1500", "1500.50", "1 500,50", "1500 €"; see
 * evt_money_parse(). */
static gboolean
parse_budget (const char  *text,
              gint64      *cents,
              GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (stripped[0] == '-' || g_str_has_prefix (stripped, "−"))
    return usage_error (error, _("--budget: “%s”: a budget cannot be negative"), text);

  if (!evt_money_parse (stripped, cents) || *cents < 0)
    return usage_error (error, _("--budget: “%s” is not an amount in euros (expected e.g. "
                                 "1500, 1500.50 or 1 500,50)"), text);
  return TRUE;
}

/* --- The filter shared by `list` and `export` ------------------------------------ */

/**
 * evt_cli_filter_entries_new:
 * @filter: where the options store what is typed; zero-initialized
 *
 * Builds the filter options: --year, --from, --to, --status, --kind, --sector
 * (these three repeatable or comma separated, matching any of the values),
 * --search and --visibility.
 *
 * Returns: (transfer full): the entries, ending with %G_OPTION_ENTRY_NULL; free
 *   them with g_free() after parsing
 */
GOptionEntry *
evt_cli_filter_entries_new (EvtCliFilter *filter)
{
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &filter->year,
      N_("Only events on days of YEAR"), N_("YEAR") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &filter->from,
      N_("Only events on or after DATE (YYYY-MM-DD)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &filter->to,
      N_("Only events on or before DATE (YYYY-MM-DD)"), N_("DATE") },
    { "status", 0, 0, G_OPTION_ARG_STRING_ARRAY, &filter->statuses,
      N_("Only events with one of these statuses: tentative, confirmed, postponed, "
         "cancelled, held (repeatable, or comma separated)"), N_("STATUS") },
    { "kind", 0, 0, G_OPTION_ARG_STRING_ARRAY, &filter->kinds,
      N_("Only events of one of these kinds, e.g. trade-show, congress, webinar "
         "(repeatable, or comma separated)"), N_("KIND") },
    { "sector", 0, 0, G_OPTION_ARG_STRING_ARRAY, &filter->sectors,
      N_("Only events of one of these sectors, e.g. health (repeatable, or comma "
         "separated)"), N_("SECTOR") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &filter->search,
      N_("Only events whose text has these words (case and accents ignored)"),
      N_("WORDS") },
    { "visibility", 0, 0, G_OPTION_ARG_STRING, &filter->visibility,
      N_("Only public or only internal events"), N_("VISIBILITY") },
    G_OPTION_ENTRY_NULL
  };

  return g_memdup2 (entries, sizeof entries);
}

static gboolean
parse_filter_day (const char  *option,
                  const char  *text,
                  gboolean     last,
                  GDate       *day,
                  GError     **error)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  if (!evt_cli_parse_dates (option, text, NULL, NULL, &start, &end, error))
    return FALSE;

  evt_date_to_gdate (last ? end : start, day);
  return TRUE;
}

/**
 * evt_cli_filter_to_query:
 * @filter: the parsed filter options
 * @error: return location for a #GError
 *
 * Checks the filter options and turns them into a query. Sector slugs are only
 * checked against the store by evt_cli_check_sectors() (query->sectors).
 *
 * Returns: (transfer full) (nullable): the query, or %NULL with an
 *   %EVT_CLI_ERROR_USAGE error naming the option
 */
EvtQuery *
evt_cli_filter_to_query (const EvtCliFilter  *filter,
                         GError             **error)
{
  g_autoptr(EvtQuery) query = evt_query_new ();

  if (filter->year != NULL)
    {
      int year = 0;

      if (!parse_year (filter->year, &year, error))
        return NULL;
      evt_query_set_year (query, year);
    }

  if (filter->from != NULL)
    {
      GDate from;

      if (!parse_filter_day ("--from", filter->from, FALSE, &from, error))
        return NULL;
      if (!g_date_valid (&query->from) || g_date_compare (&from, &query->from) > 0)
        query->from = from;
    }

  if (filter->to != NULL)
    {
      GDate to;

      if (!parse_filter_day ("--to", filter->to, TRUE, &to, error))
        return NULL;
      if (!g_date_valid (&query->to) || g_date_compare (&to, &query->to) < 0)
        query->to = to;
    }

  if (g_date_valid (&query->from) && g_date_valid (&query->to) &&
      g_date_compare (&query->from, &query->to) > 0)
    {
      char from[16], to[16];

      g_date_strftime (from, sizeof from, "%Y-%m-%d", &query->from);
      g_date_strftime (to, sizeof to, "%Y-%m-%d", &query->to);
      usage_error (error, _("--from, --to, --year: no day is both on or after %s and on or "
                            "before %s"), from, to);
      return NULL;
    }

  if (filter->statuses != NULL)
    {
      g_auto(GStrv) values = evt_cli_split_values ((const char * const *) filter->statuses);
      EvtStatus status;

      if (values[0] == NULL && !parse_status ("--status", "", &status, error))
        return NULL;
      for (guint i = 0; values[i] != NULL; i++)
        {
          if (!parse_status ("--status", values[i], &status, error))
            return NULL;
          query->statuses |= 1u << status;
        }
    }

  if (filter->kinds != NULL)
    {
      g_auto(GStrv) values = evt_cli_split_values ((const char * const *) filter->kinds);
      EvtKind kind;

      if (values[0] == NULL && !parse_kind ("--kind", "", &kind, error))
        return NULL;
      for (guint i = 0; values[i] != NULL; i++)
        {
          if (!parse_kind ("--kind", values[i], &kind, error))
            return NULL;
          query->kinds |= 1u << kind;
        }
    }

  if (filter->sectors != NULL)
    {
      g_auto(GStrv) values = evt_cli_split_values ((const char * const *) filter->sectors);

      if (values[0] == NULL)
        {
          usage_error (error, _("--sector: no sector given (expected e.g. health)"));
          return NULL;
        }
      g_strfreev (query->sectors);
      query->sectors = g_steal_pointer (&values);
    }

  if (filter->search != NULL)
    {
      g_autofree char *search = g_strstrip (g_strdup (filter->search));

      if (search[0] != '\0')
        {
          g_free (query->search);
          query->search = g_steal_pointer (&search);
        }
    }

  if (filter->visibility != NULL)
    {
      EvtVisibility visibility;

      if (!parse_visibility ("--visibility", filter->visibility, &visibility, error))
        return NULL;
      query->visibility = (int) visibility;
    }

  return g_steal_pointer (&query);
}

/**
 * evt_cli_filter_clear:
 * @filter: the filter options
 *
 * Frees what the options stored.
 */
void
evt_cli_filter_clear (EvtCliFilter *filter)
{
  g_clear_pointer (&filter->year, g_free);
  g_clear_pointer (&filter->from, g_free);
  g_clear_pointer (&filter->to, g_free);
  g_clear_pointer (&filter->statuses, g_strfreev);
  g_clear_pointer (&filter->kinds, g_strfreev);
  g_clear_pointer (&filter->sectors, g_strfreev);
  g_clear_pointer (&filter->search, g_free);
  g_clear_pointer (&filter->visibility, g_free);
}

/* --- Output ------------------------------------------------------------------------ */

/**
 * evt_cli_append_json_string:
 * @out: where to write
 * @value: (nullable): UTF-8 text
 *
 * Appends @value as a JSON string, escaped (RFC 8259), or `null` for %NULL.
 */
void
evt_cli_append_json_string (GString    *out,
                            const char *value)
{
  g_autofree char *valid = NULL;

  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (*p < 0x20 || *p == 0x7f)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

/**
 * evt_cli_append_csv_field:
 * @out: where to write
 * @value: (nullable): text; %NULL for an empty field
 *
 * Appends @value as a CSV field (RFC 4180): quoted when it holds a comma, a quote
 * or a line break, quotes doubled. The caller writes the "," and "\r\n".
 */
void
evt_cli_append_csv_field (GString    *out,
                          const char *value)
{
  if (value == NULL)
    return;

  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * evt_cli_write_stdout:
 * @text: bytes to write as they are (CSV, JSON, iCalendar: UTF-8 whatever the
 *   locale)
 * @length: their length
 * @error: return location for a #GError
 *
 * Returns: %TRUE if written; %FALSE with an %EVT_CLI_ERROR_FAILED error otherwise
 */
gboolean
evt_cli_write_stdout (const char  *text,
                      gsize        length,
                      GError     **error)
{
  if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, EVT_CLI_ERROR, EVT_CLI_ERROR_FAILED,
                   _("cannot write the output: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static char *
utc_iso (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = NULL;

  if (dt == NULL)
    return NULL;

  utc = g_date_time_to_utc (dt);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
join_sectors (EvtEvent   *event,
              const char *separator)
{
  const char * const *sectors = evt_event_get_sectors (event);

  if (sectors == NULL)
    return g_strdup ("");

  return g_strjoinv (separator, (char **) sectors);
}

static void
append_csv_header (GString *out)
{
  g_string_append (out, "id,uid,title,kind,status,status_reason,start,end,all_day,timezone,"
                        "venue,city,country,organiser,partners,sectors,url,visibility,"
                        "sequence,series,source\r\n");
}

static void
append_csv_row (GString  *out,
                EvtEvent *event)
{
  gboolean all_day = evt_event_get_all_day (event);
  g_autofree char *start = evt_date_format_iso (evt_event_get_start (event), all_day);
  g_autofree char *end = evt_date_format_iso (evt_event_get_end (event), all_day);
  g_autofree char *sectors = join_sectors (event, ";");
  const char *fields[] = {
    evt_event_get_uid (event),
    evt_event_get_title (event),
    evt_kind_to_string (evt_event_get_kind (event)),
    evt_status_to_string (evt_event_get_status (event)),
    evt_event_get_status_reason (event),
    start,
    end,
    all_day ? "true" : "false",
    evt_event_get_timezone (event),
    evt_event_get_venue (event),
    evt_event_get_city (event),
    evt_event_get_country (event),
    evt_event_get_organiser (event),
    evt_event_get_partners (event),
    sectors,
    evt_event_get_url (event),
    evt_visibility_to_string (evt_event_get_visibility (event)),
  };

  g_string_append_printf (out, "%" G_GINT64_FORMAT, evt_event_get_id (event));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_string_append_c (out, ',');
      evt_cli_append_csv_field (out, fields[i]);
    }
  g_string_append_printf (out, ",%d,", evt_event_get_sequence (event));
  evt_cli_append_csv_field (out, evt_event_get_series (event));
  g_string_append_c (out, ',');
  evt_cli_append_csv_field (out, evt_event_get_source (event));
  g_string_append (out, "\r\n");
}

static void
append_json_member (GString    *out,
                    const char *indent,
                    const char *key,
                    const char *value)
{
  g_string_append_printf (out, ",\n%s  \"%s\": ", indent, key);
  evt_cli_append_json_string (out, value);
}

static void
append_event_json (GString    *out,
                   EvtEvent   *event,
                   const char *indent)
{
  gboolean all_day = evt_event_get_all_day (event);
  g_autofree char *start = evt_date_format_iso (evt_event_get_start (event), all_day);
  g_autofree char *end = evt_date_format_iso (evt_event_get_end (event), all_day);
  g_autofree char *ostart = evt_date_format_iso (evt_event_get_original_start (event),
                                                 all_day);
  g_autofree char *oend = evt_date_format_iso (evt_event_get_original_end (event), all_day);
  g_autofree char *created = utc_iso (evt_event_get_created (event));
  g_autofree char *modified = utc_iso (evt_event_get_modified (event));
  const char * const *sectors = evt_event_get_sectors (event);
  gint64 budget = evt_event_get_budget_cents (event);

  g_string_append_printf (out, "%s{\n%s  \"id\": %" G_GINT64_FORMAT, indent, indent,
                          evt_event_get_id (event));
  append_json_member (out, indent, "uid", evt_event_get_uid (event));
  append_json_member (out, indent, "title", evt_event_get_title (event));
  append_json_member (out, indent, "kind", evt_kind_to_string (evt_event_get_kind (event)));
  append_json_member (out, indent, "status",
                      evt_status_to_string (evt_event_get_status (event)));
  append_json_member (out, indent, "status_reason", evt_event_get_status_reason (event));
  append_json_member (out, indent, "start", start);
  append_json_member (out, indent, "end", end);
  g_string_append_printf (out, ",\n%s  \"all_day\": %s", indent, all_day ? "true" : "false");
  append_json_member (out, indent, "timezone", evt_event_get_timezone (event));
  append_json_member (out, indent, "venue", evt_event_get_venue (event));
  append_json_member (out, indent, "city", evt_event_get_city (event));
  append_json_member (out, indent, "country", evt_event_get_country (event));
  append_json_member (out, indent, "organiser", evt_event_get_organiser (event));
  append_json_member (out, indent, "partners", evt_event_get_partners (event));
  g_string_append_printf (out, ",\n%s  \"sectors\": [", indent);
  for (guint i = 0; sectors != NULL && sectors[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      evt_cli_append_json_string (out, sectors[i]);
    }
  g_string_append_c (out, ']');
  append_json_member (out, indent, "url", evt_event_get_url (event));
  append_json_member (out, indent, "visibility",
                      evt_visibility_to_string (evt_event_get_visibility (event)));
  g_string_append_printf (out, ",\n%s  \"sequence\": %d", indent, evt_event_get_sequence (event));
  append_json_member (out, indent, "series", evt_event_get_series (event));
  append_json_member (out, indent, "source", evt_event_get_source (event));
  append_json_member (out, indent, "description", evt_event_get_description (event));
  append_json_member (out, indent, "notes", evt_event_get_notes (event));
  if (budget >= 0 && budget % 100 == 0)
    g_string_append_printf (out, ",\n%s  \"budget\": %" G_GINT64_FORMAT, indent, budget / 100);
  else if (budget >= 0)
    {
      /* Exact decimal text, not a double that would print 1500.4999. */
      g_autofree char *euros = evt_money_format_plain (budget);

      g_string_append_printf (out, ",\n%s  \"budget\": %s", indent, euros);
    }
  else
    g_string_append_printf (out, ",\n%s  \"budget\": null", indent);
  append_json_member (out, indent, "original_start", ostart);
  append_json_member (out, indent, "original_end", oend);
  append_json_member (out, indent, "created", created);
  append_json_member (out, indent, "modified", modified);
  g_string_append_printf (out, "\n%s}", indent);
}

/* Columns of a terminal that @text takes. */
/**
 * evt_cli_display_width:
 * @text: UTF-8 text
 *
 * Returns: how many terminal columns @text takes (wide characters count twice)
 */
guint
evt_cli_display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/**
 * evt_cli_cell_text:
 * @text: (nullable): any text
 *
 * Returns: (transfer full): @text as a table cell: one line of valid UTF-8
 */
char *
evt_cli_cell_text (const char *text)
{
  char *cell;

  if (text == NULL)
    return g_strdup ("");

  cell = g_utf8_make_valid (text, -1);
  for (char *p = cell; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';

  return cell;
}

enum { COL_ID, COL_DATES, COL_STATUS, COL_KIND, COL_CITY, COL_TITLE, N_COLUMNS };

static void
append_table (GString   *out,
              GPtrArray *events)
{
  const char *headers[N_COLUMNS] = {
    /* TRANSLATORS: column headings of `eventail list` */
    _("ID"), _("DATES"), _("STATUS"), _("KIND"), _("CITY"), _("TITLE"),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint widths[N_COLUMNS] = { 0 };

  {
    char **row = g_new0 (char *, N_COLUMNS + 1);

    for (guint c = 0; c < N_COLUMNS; c++)
      row[c] = g_strdup (headers[c]);
    g_ptr_array_add (rows, row);
  }

  for (guint i = 0; i < events->len; i++)
    {
      EvtEvent *event = g_ptr_array_index (events, i);
      EvtStatus status = evt_event_get_status (event);
      const char *reason = evt_event_get_status_reason (event);
      g_autofree char *dates = evt_event_format_range_iso (event);
      g_autoptr(GString) title = g_string_new (evt_event_get_title (event));
      char **row = g_new0 (char *, N_COLUMNS + 1);

      if ((status == EVT_STATUS_CANCELLED || status == EVT_STATUS_POSTPONED) && reason != NULL)
        g_string_append_printf (title, " — %s", reason);
      if (evt_event_is_date_tba (event))
        g_string_append_printf (title, " — %s", _("new dates to be announced"));

      row[COL_ID] = g_strdup_printf ("%" G_GINT64_FORMAT, evt_event_get_id (event));
      row[COL_DATES] = evt_cli_cell_text (dates);
      row[COL_STATUS] = g_strdup (evt_status_to_string (status));
      row[COL_KIND] = g_strdup (evt_kind_to_string (evt_event_get_kind (event)));
      row[COL_CITY] = evt_cli_cell_text (evt_event_get_city (event));
      row[COL_TITLE] = evt_cli_cell_text (title->str);
      g_ptr_array_add (rows, row);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < N_COLUMNS; c++)
        widths[c] = MAX (widths[c], evt_cli_display_width (row[c]));
    }

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          guint width = evt_cli_display_width (row[c]);

          if (c == COL_ID)
            {
              /* Numbers right-aligned. */
              for (guint w = width; w < widths[c]; w++)
                g_string_append_c (out, ' ');
              g_string_append (out, row[c]);
              g_string_append (out, "  ");
            }
          else if (c + 1 < N_COLUMNS)
            {
              g_string_append (out, row[c]);
              for (guint w = width; w < widths[c] + 2; w++)
                g_string_append_c (out, ' ');
            }
          else
            g_string_append (out, row[c]);
        }
      g_string_append_c (out, '\n');
    }
}

/* --- list --------------------------------------------------------------------------- */

static int
cmd_list (const EvtCliCommand  *command,
          int                   argc,
          char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_auto(EvtCliFilter) filter = { 0 };
  g_autofree GOptionEntry *filter_entries = evt_cli_filter_entries_new (&filter);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtQuery) query = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean csv = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv,
      N_("Write CSV (RFC 4180) with a header line"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write a JSON array of objects, one per event"), NULL },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, NULL,
                     N_("Without a filter, every event is listed, sorted by start. Filters "
                        "combine: --year 2021 --status cancelled lists the events of 2021 "
                        "that were cancelled. Status and kind values are the English "
                        "identifiers shown by the table (cancelled, trade-show) in every "
                        "language."));
  evt_cli_args_add_entries (&args, filter_entries);
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 0, 0, &error))
    return evt_cli_report (command, error);

  if (csv && json)
    {
      usage_error (&error, _("--csv, --json: choose one of them"));
      return evt_cli_report (command, error);
    }

  query = evt_cli_filter_to_query (&filter, &error);
  if (query == NULL)
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL ||
      !evt_cli_check_sectors (store, "--sector", (const char * const *) query->sectors, &error))
    return evt_cli_report (command, error);

  events = evt_store_query (store, query, &error);
  if (events == NULL)
    return evt_cli_report (command, error);

  if (csv)
    {
      append_csv_header (out);
      for (guint i = 0; i < events->len; i++)
        append_csv_row (out, g_ptr_array_index (events, i));
    }
  else if (json)
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < events->len; i++)
        {
          g_string_append (out, i > 0 ? ",\n" : "\n");
          append_event_json (out, g_ptr_array_index (events, i), "  ");
        }
      g_string_append (out, events->len > 0 ? "\n]\n" : "]\n");
    }
  else if (events->len > 0)
    append_table (out, events);
  else
    g_printerr (_("No events\n"));

  if (csv || json)
    {
      if (!evt_cli_write_stdout (out->str, out->len, &error))
        return evt_cli_report (command, error);
    }
  else
    g_print ("%s", out->str);

  return evt_cli_report (command, NULL);
}

/* --- show --------------------------------------------------------------------------- */

/**
 * evt_cli_format_label:
 * @label: a translated label, e.g. "Title"
 *
 * Returns: (transfer full): @label followed by a colon as the language writes it:
 *   "Title:", « Titre : » in French
 */
char *
evt_cli_format_label (const char *label)
{
  /* TRANSLATORS: a label before its value, in `eventail show` and `eventail outcome
   * show`: "Title:". French puts a no-break space before the colon: "%s :" */
  return g_strdup_printf (C_("label", "%s:"), label);
}

/* "Label:   value"; @label_width is the widest of the labels with their colon. */
static void
append_field (GString    *out,
              guint       label_width,
              const char *label,
              const char *value)
{
  g_autofree char *with_colon = evt_cli_format_label (label);
  guint width = evt_cli_display_width (with_colon);

  g_string_append (out, with_colon);
  if (value == NULL || value[0] == '\0')
    {
      g_string_append_c (out, '\n');
      return;
    }

  for (guint w = width; w < label_width + 1; w++)
    g_string_append_c (out, ' ');

  /* Continuation lines of long texts are indented under the first. */
  for (const char *p = value; *p != '\0'; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '\n' && p[1] != '\0')
        for (guint w = 0; w < label_width + 1; w++)
          g_string_append_c (out, ' ');
    }
  g_string_append_c (out, '\n');
}

static char *
local_time (GDateTime *dt)
{
  g_autoptr(GDateTime) local = NULL;

  if (dt == NULL)
    return NULL;

  local = g_date_time_to_local (dt);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
append_event_text (GString  *out,
                   EvtEvent *event)
{
  EvtStatus status = evt_event_get_status (event);
  const char *reason = evt_event_get_status_reason (event);
  gint64 budget = evt_event_get_budget_cents (event);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, evt_event_get_id (event));
  g_autofree char *kind = g_strdup_printf ("%s (%s)", evt_kind_get_label (evt_event_get_kind (event)),
                                           evt_kind_to_string (evt_event_get_kind (event)));
  g_autofree char *status_text = NULL;
  g_autofree char *range = evt_event_format_range_iso (event);
  g_autofree char *dates = NULL;
  g_autofree char *original = evt_event_format_original_range_iso (event);
  g_autofree char *sectors = join_sectors (event, ", ");
  g_autofree char *budget_text = NULL;
  g_autofree char *sequence = g_strdup_printf ("%d", evt_event_get_sequence (event));
  g_autofree char *created = local_time (evt_event_get_created (event));
  g_autofree char *modified = local_time (evt_event_get_modified (event));
  const char *labels[] = {
    _("ID"), _("UID"), _("Title"), _("Kind"), _("Status"), _("Dates"), _("Original dates"),
    _("Venue"), _("City"), _("Country"), _("Organiser"), _("Partners"), _("Sectors"),
    _("URL"), _("Visibility"), _("Budget"), _("Series"), _("Source"), _("Sequence"),
    _("Created"), _("Modified"), _("Description"), _("Notes"),
  };
  guint label_width = 0;
  guint l = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *with_colon = evt_cli_format_label (labels[i]);

      label_width = MAX (label_width, evt_cli_display_width (with_colon));
    }

  if (reason != NULL)
    /* TRANSLATORS: a status and its reason, e.g. "Cancelled (cancelled): health crisis" */
    status_text = g_strdup_printf (_("%s (%s): %s"), evt_status_get_label (status),
                                   evt_status_to_string (status), reason);
  else
    status_text = g_strdup_printf ("%s (%s)", evt_status_get_label (status),
                                   evt_status_to_string (status));
  if (evt_event_is_date_tba (event))
    {
      g_autofree char *old = g_steal_pointer (&status_text);

      status_text = g_strdup_printf ("%s — %s", old, _("new dates to be announced"));
    }

  if (range != NULL)
    dates = g_strdup_printf (evt_event_get_all_day (event) ? _("%s (all day, %s)") : "%s (%s)",
                             range, evt_event_get_timezone (event));

  if (budget >= 0)
    {
      budget_text = evt_money_format (budget);
    }

  append_field (out, label_width, labels[l++], id);
  append_field (out, label_width, labels[l++], evt_event_get_uid (event));
  append_field (out, label_width, labels[l++], evt_event_get_title (event));
  append_field (out, label_width, labels[l++], kind);
  append_field (out, label_width, labels[l++], status_text);
  append_field (out, label_width, labels[l++], dates);
  append_field (out, label_width, labels[l++], original);
  append_field (out, label_width, labels[l++], evt_event_get_venue (event));
  append_field (out, label_width, labels[l++], evt_event_get_city (event));
  append_field (out, label_width, labels[l++], evt_event_get_country (event));
  append_field (out, label_width, labels[l++], evt_event_get_organiser (event));
  append_field (out, label_width, labels[l++], evt_event_get_partners (event));
  append_field (out, label_width, labels[l++], sectors);
  append_field (out, label_width, labels[l++], evt_event_get_url (event));
  append_field (out, label_width, labels[l++],
                evt_visibility_get_label (evt_event_get_visibility (event)));
  append_field (out, label_width, labels[l++], budget_text);
  append_field (out, label_width, labels[l++], evt_event_get_series (event));
  append_field (out, label_width, labels[l++], evt_event_get_source (event));
  append_field (out, label_width, labels[l++], sequence);
  append_field (out, label_width, labels[l++], created);
  append_field (out, label_width, labels[l++], modified);
  append_field (out, label_width, labels[l++], evt_event_get_description (event));
  append_field (out, label_width, labels[l++], evt_event_get_notes (event));
  g_assert (l == G_N_ELEMENTS (labels));
}

static int
cmd_show (const EvtCliCommand  *command,
          int                   argc,
          char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write a JSON object"), NULL },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, N_("EVENT"),
                     N_("EVENT is the id that `eventail list` shows, or the event's uid."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  event = evt_cli_lookup_event (store, args.positional[0], &error);
  if (event == NULL)
    return evt_cli_report (command, error);

  if (json)
    {
      append_event_json (out, event, "");
      g_string_append_c (out, '\n');
      if (!evt_cli_write_stdout (out->str, out->len, &error))
        return evt_cli_report (command, error);
    }
  else
    {
      append_event_text (out, event);
      g_print ("%s", out->str);
    }

  return evt_cli_report (command, NULL);
}

/* --- add and edit ------------------------------------------------------------------- */

/* The options that set fields, as typed. */
typedef struct
{
  char  *title;
  char  *start;
  char  *end;
  char  *timezone;
  char  *kind;
  char  *status;
  char  *reason;
  char  *venue;
  char  *city;
  char  *country;
  char  *organiser;
  char  *partners;
  char **sectors;
  char  *url;
  char  *description;
  char  *notes;
  char  *budget;
  char  *visibility;
  char  *series;
  char **clear;
} FieldOptions;

static void
field_options_clear (FieldOptions *options)
{
  char **strings[] = {
    &options->title, &options->start, &options->end, &options->timezone, &options->kind,
    &options->status, &options->reason, &options->venue, &options->city,
    &options->country, &options->organiser, &options->partners, &options->url,
    &options->description, &options->notes, &options->budget, &options->visibility,
    &options->series,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
  g_clear_pointer (&options->sectors, g_strfreev);
  g_clear_pointer (&options->clear, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FieldOptions, field_options_clear)

/* What --clear can empty, with the option that would set it. */
typedef enum
{
  CLEAR_REASON = 1 << 0,
  CLEAR_VENUE = 1 << 1,
  CLEAR_CITY = 1 << 2,
  CLEAR_COUNTRY = 1 << 3,
  CLEAR_ORGANISER = 1 << 4,
  CLEAR_PARTNERS = 1 << 5,
  CLEAR_SECTORS = 1 << 6,
  CLEAR_URL = 1 << 7,
  CLEAR_DESCRIPTION = 1 << 8,
  CLEAR_NOTES = 1 << 9,
  CLEAR_BUDGET = 1 << 10,
  CLEAR_SERIES = 1 << 11,
  CLEAR_ORIGINAL_DATES = 1 << 12,
} ClearField;

static const struct
{
  const char *name;
  const char *option;
  ClearField  bit;
} clearable[] = {
  { "reason", "--reason", CLEAR_REASON },
  { "venue", "--venue", CLEAR_VENUE },
  { "city", "--city", CLEAR_CITY },
  { "country", "--country", CLEAR_COUNTRY },
  { "organiser", "--organiser", CLEAR_ORGANISER },
  { "partners", "--partners", CLEAR_PARTNERS },
  { "sectors", "--sector", CLEAR_SECTORS },
  { "url", "--url", CLEAR_URL },
  { "description", "--description", CLEAR_DESCRIPTION },
  { "notes", "--notes", CLEAR_NOTES },
  { "budget", "--budget", CLEAR_BUDGET },
  { "series", "--series", CLEAR_SERIES },
  { "original-dates", NULL, CLEAR_ORIGINAL_DATES },
};

/* The options once checked. */
typedef struct
{
  GTimeZone     *tz;
  gboolean       has_kind;
  EvtKind        kind;
  gboolean       has_status;
  EvtStatus      status;
  gboolean       has_visibility;
  EvtVisibility  visibility;
  gboolean       has_budget;
  gint64         budget_cents;
  char         **sectors;
  guint          clear;
} FieldChanges;

static void
field_changes_clear (FieldChanges *changes)
{
  g_clear_pointer (&changes->tz, g_time_zone_unref);
  g_clear_pointer (&changes->sectors, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FieldChanges, field_changes_clear)

static GOptionEntry *
field_entries_new (FieldOptions *options,
                   gboolean      edit)
{
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &options->title, N_("The title"), N_("TEXT") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &options->start,
      N_("The start: a day (all-day event), a day and time, or a range "
         "(2021-03-16..2021-03-19, 2021-03-16T09:00..12:00) that also gives the end"),
      N_("DATE") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &options->end,
      N_("The end: the last day of an all-day event, or the end time"), N_("DATE") },
    { "timezone", 0, 0, G_OPTION_ARG_STRING, &options->timezone,
      N_("The time zone of the dates (default: Europe/Paris)"), N_("ZONE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options->kind,
      N_("The kind: trade-show, congress, business-convention, webinar, workshop, "
         "technical-day, meeting, road-show, company-visit, training, general-assembly "
         "or other"), N_("KIND") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &options->status,
      N_("The status: tentative, confirmed, postponed, cancelled or held"), N_("STATUS") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &options->reason,
      N_("Why the event is cancelled or postponed"), N_("TEXT") },
    { "venue", 0, 0, G_OPTION_ARG_STRING, &options->venue, N_("The venue"), N_("TEXT") },
    { "city", 0, 0, G_OPTION_ARG_STRING, &options->city, N_("The city"), N_("TEXT") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &options->country, N_("The country"),
      N_("TEXT") },
    { "organiser", 0, 0, G_OPTION_ARG_STRING, &options->organiser, N_("The organiser"),
      N_("TEXT") },
    { "partners", 0, 0, G_OPTION_ARG_STRING, &options->partners,
      N_("The partners and co-organisers"), N_("TEXT") },
    { "sector", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->sectors,
      edit ? N_("A sector, e.g. health (repeatable, or comma separated; replaces the "
                "event's sectors)")
           : N_("A sector, e.g. health (repeatable, or comma separated)"),
      N_("SECTOR") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &options->url, N_("The web page (https://…)"),
      N_("URL") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &options->description,
      N_("The public description"), N_("TEXT") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &options->notes,
      N_("Internal notes, never published"), N_("TEXT") },
    { "budget", 0, 0, G_OPTION_ARG_STRING, &options->budget,
      N_("The planned budget in euros, e.g. 1500, 1500.50 or \"1 500,50\""), N_("EUROS") },
    { "visibility", 0, 0, G_OPTION_ARG_STRING, &options->visibility,
      N_("public or internal"), N_("VISIBILITY") },
    { "series", 0, 0, G_OPTION_ARG_STRING, &options->series,
      N_("What links the editions of a recurring show, e.g. micronora"), N_("KEY") },
    { "clear", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->clear,
      N_("Empty FIELD: reason, venue, city, country, organiser, partners, sectors, url, "
         "description, notes, budget, series or original-dates (repeatable)"),
      N_("FIELD") },
    G_OPTION_ENTRY_NULL
  };
  GOptionEntry *copy = g_memdup2 (entries, sizeof entries);

  /* --clear only makes sense for an existing event. */
  if (!edit)
    memset (&copy[G_N_ELEMENTS (entries) - 2], 0, sizeof (GOptionEntry));

  return copy;
}

static const char *
clear_option_value (const FieldOptions *options,
                    ClearField          bit)
{
  switch (bit)
    {
    case CLEAR_REASON: return options->reason;
    case CLEAR_VENUE: return options->venue;
    case CLEAR_CITY: return options->city;
    case CLEAR_COUNTRY: return options->country;
    case CLEAR_ORGANISER: return options->organiser;
    case CLEAR_PARTNERS: return options->partners;
    case CLEAR_SECTORS: return options->sectors != NULL ? "" : NULL;
    case CLEAR_URL: return options->url;
    case CLEAR_DESCRIPTION: return options->description;
    case CLEAR_NOTES: return options->notes;
    case CLEAR_BUDGET: return options->budget;
    case CLEAR_SERIES: return options->series;
    case CLEAR_ORIGINAL_DATES: return NULL;
    default: g_assert_not_reached ();
    }
}

/* Checks every option before the store is opened, so that a typing mistake never
 * reaches the database. Dates are parsed again in the event's zone when applied. */
static gboolean
check_field_options (const FieldOptions  *options,
                     FieldChanges        *changes,
                     GError             **error)
{
  gboolean start_all_day = FALSE;
  gboolean end_all_day = FALSE;

  if (options->timezone != NULL)
    {
      g_autofree char *tzid = g_strstrip (g_strdup (options->timezone));

      if (tzid[0] == '\0' || (changes->tz = g_time_zone_new_identifier (tzid)) == NULL)
        return usage_error (error, _("--timezone: “%s” is not a time zone (expected e.g. "
                                     "Europe/Paris)"), options->timezone);
    }

  if (options->start != NULL &&
      !evt_cli_parse_dates ("--start", options->start, changes->tz, &start_all_day, NULL,
                            NULL, error))
    return FALSE;
  if (options->end != NULL &&
      !evt_cli_parse_dates ("--end", options->end, changes->tz, &end_all_day, NULL, NULL,
                            error))
    return FALSE;
  if (options->start != NULL && options->end != NULL && start_all_day != end_all_day)
    return usage_error (error, _("--end: “%s” and --start “%s” must both be days "
                                 "(YYYY-MM-DD) or both days and times (YYYY-MM-DDTHH:MM)"),
                        options->end, options->start);

  if (options->kind != NULL)
    {
      if (!parse_kind ("--kind", options->kind, &changes->kind, error))
        return FALSE;
      changes->has_kind = TRUE;
    }

  if (options->status != NULL)
    {
      if (!parse_status ("--status", options->status, &changes->status, error))
        return FALSE;
      changes->has_status = TRUE;
    }

  if (options->visibility != NULL)
    {
      if (!parse_visibility ("--visibility", options->visibility, &changes->visibility,
                             error))
        return FALSE;
      changes->has_visibility = TRUE;
    }

  if (options->budget != NULL)
    {
      if (!parse_budget (options->budget, &changes->budget_cents, error))
        return FALSE;
      changes->has_budget = TRUE;
    }

  if (options->sectors != NULL)
    {
      changes->sectors = evt_cli_split_values ((const char * const *) options->sectors);
      if (changes->sectors[0] == NULL)
        return usage_error (error, _("--sector: no sector given (expected e.g. health; "
                                     "--clear sectors removes them all)"));
    }

  if (options->clear != NULL)
    {
      g_auto(GStrv) names = evt_cli_split_values ((const char * const *) options->clear);

      if (names[0] == NULL)
        return usage_error (error, _("--clear: no field given (expected e.g. --clear venue)"));

      for (guint n = 0; names[n] != NULL; n++)
        {
          guint j;

          for (j = 0; j < G_N_ELEMENTS (clearable); j++)
            if (g_str_equal (names[n], clearable[j].name))
              break;

          if (j == G_N_ELEMENTS (clearable))
            {
              g_autoptr(GString) known = g_string_new (NULL);

              for (guint k = 0; k < G_N_ELEMENTS (clearable); k++)
                g_string_append_printf (known, "%s%s", k > 0 ? ", " : "", clearable[k].name);
              return usage_error (error, _("--clear: “%s” is not a field that can be "
                                           "emptied (expected one of: %s)"),
                                  names[n], known->str);
            }

          if (clear_option_value (options, clearable[j].bit) != NULL)
            return usage_error (error, _("--clear: %s is also given a value with %s; "
                                         "choose one"), names[n], clearable[j].option);
          changes->clear |= clearable[j].bit;
        }
    }

  return TRUE;
}

static GDateTime *
same_wall_clock (GDateTime *dt,
                 GTimeZone *tz)
{
  if (dt == NULL)
    return NULL;

  return g_date_time_new (tz, g_date_time_get_year (dt), g_date_time_get_month (dt),
                          g_date_time_get_day_of_month (dt), g_date_time_get_hour (dt),
                          g_date_time_get_minute (dt), g_date_time_get_seconds (dt));
}

/* The end of an event that keeps its length when it moves to @start. */
static GDateTime *
moved_end (EvtEvent  *event,
           GDateTime *start)
{
  GDateTime *old_start = evt_event_get_start (event);
  GDateTime *old_end = evt_event_get_end (event);

  if (evt_event_get_all_day (event))
    {
      GDate first, last;

      evt_date_to_gdate (old_start, &first);
      evt_date_to_gdate (old_end, &last);
      return g_date_time_add_days (start, (int) g_date_days_between (&first, &last));
    }

  return g_date_time_add (start, g_date_time_difference (old_end, old_start));
}

/*
 * Sets new dates on @event, parsed in its zone (@tz). @start_text may be a range,
 * which also gives the end; a single value keeps the event's length when
 * @keep_length and the event has dates of the same sort (a four-day show moved to
 * another Tuesday still lasts four days), else lasts one day or one hour.
 */
static gboolean
apply_dates (EvtEvent    *event,
             const char  *start_option,
             const char  *start_text,
             const char  *end_text,
             GTimeZone   *tz,
             gboolean     keep_length,
             GError     **error)
{
  gboolean all_day;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  if (start_text != NULL)
    {
      if (!evt_cli_parse_dates (start_option, start_text, tz, &all_day, &start, &end, error))
        return FALSE;

      if (end_text != NULL)
        {
          gboolean end_all_day;
          g_autoptr(GDateTime) end_start = NULL;

          g_clear_pointer (&end, g_date_time_unref);
          if (!evt_cli_parse_dates ("--end", end_text, tz, &end_all_day, &end_start, &end,
                                    error))
            return FALSE;
          if (end_all_day != all_day)
            return usage_error (error, _("--end: “%s” and %s “%s” must both be days "
                                         "(YYYY-MM-DD) or both days and times "
                                         "(YYYY-MM-DDTHH:MM)"),
                                end_text, start_option, start_text);
          /* A single time gives the end itself, not an hour from it. */
          if (!all_day && strstr (end_text, "..") == NULL)
            {
              g_date_time_unref (end);
              end = g_date_time_ref (end_start);
            }
        }
      else if (strstr (start_text, "..") == NULL && keep_length &&
               evt_event_get_start (event) != NULL && evt_event_get_end (event) != NULL &&
               evt_event_get_all_day (event) == all_day)
        {
          g_date_time_unref (end);
          end = moved_end (event, start);
        }
    }
  else if (end_text != NULL)
    {
      g_autoptr(GDateTime) end_start = NULL;

      if (!evt_cli_parse_dates ("--end", end_text, tz, &all_day, &end_start, &end, error))
        return FALSE;
      if (evt_event_get_start (event) == NULL)
        return usage_error (error, _("--end: the event has no start; give --start too"));
      if (all_day != evt_event_get_all_day (event))
        return usage_error (error,
                            evt_event_get_all_day (event)
                            ? _("--end: “%s” has a time but the event is all-day (expected "
                                "a day, YYYY-MM-DD, or --start too)")
                            : _("--end: “%s” is a day but the event has times (expected "
                                "YYYY-MM-DDTHH:MM, or --start too)"),
                            end_text);
      if (!all_day && strstr (end_text, "..") == NULL)
        {
          g_date_time_unref (end);
          end = g_date_time_ref (end_start);
        }
      start = g_date_time_ref (evt_event_get_start (event));
    }
  else
    return TRUE;

  evt_event_set_dates (event, all_day, start, end);
  return TRUE;
}

/* Keeps the dates first planned, when an event is postponed for the first time. */
static void
remember_original_dates (EvtEvent *event)
{
  if (evt_event_get_original_start (event) == NULL &&
      evt_event_get_start (event) != NULL && evt_event_get_end (event) != NULL)
    evt_event_set_original_dates (event, evt_event_get_start (event),
                                  evt_event_get_end (event));
}

static gboolean
apply_field_options (EvtEvent            *event,
                     const FieldOptions  *options,
                     const FieldChanges  *changes,
                     gboolean             keep_length,
                     GError             **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  const struct
  {
    const char *value;
    ClearField  bit;
    void      (*set) (EvtEvent *, const char *);
  } strings[] = {
    { options->reason, CLEAR_REASON, evt_event_set_status_reason },
    { options->venue, CLEAR_VENUE, evt_event_set_venue },
    { options->city, CLEAR_CITY, evt_event_set_city },
    { options->country, CLEAR_COUNTRY, evt_event_set_country },
    { options->organiser, CLEAR_ORGANISER, evt_event_set_organiser },
    { options->partners, CLEAR_PARTNERS, evt_event_set_partners },
    { options->url, CLEAR_URL, evt_event_set_url },
    { options->description, CLEAR_DESCRIPTION, evt_event_set_description },
    { options->notes, CLEAR_NOTES, evt_event_set_notes },
    { options->series, CLEAR_SERIES, evt_event_set_series },
  };

  if (options->title != NULL)
    evt_event_set_title (event, options->title);

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      if (strings[i].value != NULL)
        strings[i].set (event, strings[i].value);
      else if (changes->clear & strings[i].bit)
        strings[i].set (event, NULL);
    }

  if (changes->has_kind)
    evt_event_set_kind (event, changes->kind);
  if (changes->has_visibility)
    evt_event_set_visibility (event, changes->visibility);
  if (changes->has_budget)
    evt_event_set_budget_cents (event, changes->budget_cents);
  else if (changes->clear & CLEAR_BUDGET)
    evt_event_set_budget_cents (event, -1);
  if (changes->sectors != NULL)
    evt_event_set_sectors (event, (const char * const *) changes->sectors);
  else if (changes->clear & CLEAR_SECTORS)
    evt_event_set_sectors (event, NULL);
  if (changes->clear & CLEAR_ORIGINAL_DATES)
    evt_event_set_original_dates (event, NULL, NULL);

  if (changes->has_status)
    {
      /* Postponing through `edit` keeps the dates first planned, as `postpone` does. */
      if (changes->status == EVT_STATUS_POSTPONED &&
          evt_event_get_status (event) != EVT_STATUS_POSTPONED &&
          !(changes->clear & CLEAR_ORIGINAL_DATES))
        remember_original_dates (event);
      evt_event_set_status (event, changes->status);
    }

  if (changes->tz != NULL)
    {
      g_autofree char *tzid = g_strstrip (g_strdup (options->timezone));

      tz = g_time_zone_ref (changes->tz);
      /* Same wall-clock times in the new zone: "09:00 in Paris" becomes "09:00 in
       * Montreal", which is what changing the zone of an event means. */
      if (g_strcmp0 (tzid, evt_event_get_timezone (event)) != 0)
        {
          g_autoptr(GDateTime) start = same_wall_clock (evt_event_get_start (event), tz);
          g_autoptr(GDateTime) end = same_wall_clock (evt_event_get_end (event), tz);
          g_autoptr(GDateTime) ostart = same_wall_clock (evt_event_get_original_start (event),
                                                         tz);
          g_autoptr(GDateTime) oend = same_wall_clock (evt_event_get_original_end (event), tz);

          if (start != NULL && end != NULL)
            evt_event_set_dates (event, evt_event_get_all_day (event), start, end);
          if (ostart != NULL && oend != NULL)
            evt_event_set_original_dates (event, ostart, oend);
        }
      evt_event_set_timezone (event, tzid);
    }
  else
    {
      tz = g_time_zone_new_identifier (evt_event_get_timezone (event));
      if (tz == NULL)
        tz = evt_timezone_new (NULL, NULL);
    }

  return apply_dates (event, "--start", options->start, options->end, tz, keep_length, error);
}

static int
cmd_add (const EvtCliCommand  *command,
         int                   argc,
         char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_auto(FieldOptions) options = { 0 };
  g_auto(FieldChanges) changes = { 0 };
  g_autofree GOptionEntry *entries = field_entries_new (&options, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtEvent) event = NULL;
  g_autofree char *line = NULL;

  evt_cli_args_init (&args, command, NULL,
                     N_("--title and --start are required. A day (2021-03-16) or a range of "
                        "days (2021-03-16..2021-03-19) makes an all-day event; a day and "
                        "time (2021-03-16T09:00, or 2021-03-16T09:00..12:00) a timed one, of "
                        "one hour unless --end or a range says otherwise. The new event's "
                        "uid is printed."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 0, 0, &error))
    return evt_cli_report (command, error);

  if (options.title == NULL || is_blank (options.title))
    {
      usage_error (&error, _("--title is required (e.g. --title \"Global Industrie\")"));
      return evt_cli_report (command, error);
    }
  if (options.start == NULL)
    {
      usage_error (&error, _("--start is required (e.g. --start 2021-03-16..2021-03-19)"));
      return evt_cli_report (command, error);
    }
  if (!check_field_options (&options, &changes, &error))
    return evt_cli_report (command, error);

  event = evt_event_new ();
  if (!apply_field_options (event, &options, &changes, FALSE, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL ||
      !evt_cli_check_sectors (store, "--sector", (const char * const *) changes.sectors,
                              &error) ||
      !evt_store_insert_event (store, event, &error))
    return evt_cli_report (command, error);

  line = g_strdup_printf ("%s\n", evt_event_get_uid (event));
  if (!evt_cli_write_stdout (line, strlen (line), &error))
    return evt_cli_report (command, error);

  return evt_cli_report (command, NULL);
}

static int
cmd_edit (const EvtCliCommand  *command,
          int                   argc,
          char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_auto(FieldOptions) options = { 0 };
  g_auto(FieldChanges) changes = { 0 };
  g_autofree GOptionEntry *entries = field_entries_new (&options, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtEvent) event = NULL;

  evt_cli_args_init (&args, command, N_("EVENT"),
                     N_("Only the fields given change. --sector replaces the event's "
                        "sectors; --clear empties a field. A single --start keeps the "
                        "event's length (a four-day show stays four days); a range sets "
                        "both ends. EVENT is an id or a uid."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
    return evt_cli_report (command, error);

  if (options.title != NULL && is_blank (options.title))
    {
      usage_error (&error, _("--title: an event needs a title"));
      return evt_cli_report (command, error);
    }
  if (!check_field_options (&options, &changes, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  event = evt_cli_lookup_event (store, args.positional[0], &error);
  if (event == NULL ||
      !evt_cli_check_sectors (store, "--sector", (const char * const *) changes.sectors,
                              &error) ||
      !apply_field_options (event, &options, &changes, TRUE, &error) ||
      !evt_store_update_event (store, event, &error))
    return evt_cli_report (command, error);

  return evt_cli_report (command, NULL);
}

/* --- cancel, postpone, hold, delete ------------------------------------------------- */

static int
cmd_cancel (const EvtCliCommand  *command,
            int                   argc,
            char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtEvent) event = NULL;
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why the event is cancelled (required)"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, N_("EVENT"),
                     N_("The reason is published with the cancellation, e.g. "
                        "--reason \"crise sanitaire\". EVENT is an id or a uid."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
    return evt_cli_report (command, error);

  if (reason == NULL || g_strstrip (reason)[0] == '\0')
    {
      usage_error (&error, _("--reason is required: say why the event is cancelled (e.g. "
                             "--reason \"crise sanitaire\")"));
      return evt_cli_report (command, error);
    }

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  event = evt_cli_lookup_event (store, args.positional[0], &error);
  if (event == NULL)
    return evt_cli_report (command, error);

  evt_event_cancel (event, reason);
  if (!evt_store_update_event (store, event, &error))
    return evt_cli_report (command, error);

  return evt_cli_report (command, NULL);
}

static int
cmd_postpone (const EvtCliCommand  *command,
              int                   argc,
              char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *to = NULL;
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The new dates: a day or a range (2021-09-14..2021-09-17); a single day keeps "
         "the event's length"), N_("DATE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the event is postponed"),
      N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, N_("EVENT"),
                     N_("The dates first planned are kept as the original dates. Without "
                        "--to, the new dates are to be announced. EVENT is an id or a uid."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
    return evt_cli_report (command, error);

  /* Checked in Europe/Paris first, so that a mistake is caught before opening. */
  if (to != NULL && !evt_cli_parse_dates ("--to", to, NULL, NULL, NULL, NULL, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  event = evt_cli_lookup_event (store, args.positional[0], &error);
  if (event == NULL)
    return evt_cli_report (command, error);

  if (to != NULL)
    {
      /* Worked out on a copy: evt_event_postpone() keeps the first dates. */
      g_autoptr(EvtEvent) moved = evt_event_copy (event);

      tz = g_time_zone_new_identifier (evt_event_get_timezone (event));
      if (tz == NULL)
        tz = evt_timezone_new (NULL, NULL);
      if (!apply_dates (moved, "--to", to, NULL, tz, TRUE, &error))
        return evt_cli_report (command, error);
      if (evt_event_get_all_day (moved) != evt_event_get_all_day (event))
        {
          usage_error (&error,
                       evt_event_get_all_day (event)
                       ? _("--to: “%s” has a time but the event is all-day (expected days, "
                           "e.g. 2021-09-14..2021-09-17; `eventail edit` changes that)")
                       : _("--to: “%s” is a day but the event has times (expected e.g. "
                           "2021-09-14T09:00; `eventail edit` changes that)"),
                       to);
          return evt_cli_report (command, error);
        }
      evt_event_postpone (event, evt_event_get_start (moved), evt_event_get_end (moved),
                          reason);
    }
  else
    evt_event_postpone (event, NULL, NULL, reason);

  if (!evt_store_update_event (store, event, &error))
    return evt_cli_report (command, error);

  return evt_cli_report (command, NULL);
}

static int
cmd_hold (const EvtCliCommand  *command,
          int                   argc,
          char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtEvent) event = NULL;
  gboolean was_cancelled;

  evt_cli_args_init (&args, command, N_("EVENT"),
                     N_("Marks that the event took place. EVENT is an id or a uid."));
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  event = evt_cli_lookup_event (store, args.positional[0], &error);
  if (event == NULL)
    return evt_cli_report (command, error);

  /* Held after cancelled is the user's call (the event took place after all); say
   * it, in case the id was mistyped. */
  was_cancelled = evt_event_get_status (event) == EVT_STATUS_CANCELLED;
  evt_event_mark_held (event);
  if (!evt_store_update_event (store, event, &error))
    return evt_cli_report (command, error);

  if (was_cancelled)
    evt_cli_warning (command, _("“%s” (%s) was cancelled; it is now marked as held"),
                     evt_event_get_title (event), args.positional[0]);

  return evt_cli_report (command, NULL);
}

static int
cmd_delete (const EvtCliCommand  *command,
            int                   argc,
            char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtEvent) event = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Also delete its participants, leads, outcomes and costs"), NULL },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, N_("EVENT"),
                     N_("Deletes the event for good (to keep it in the calendar, cancel it "
                        "instead). EVENT is an id or a uid. An event with participants or "
                        "outcomes is only deleted with --force."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  event = evt_cli_lookup_event (store, args.positional[0], &error);
  if (event == NULL || !evt_cli_people_delete_event (store, event, force, &error))
    return evt_cli_report (command, error);

  return evt_cli_report (command, NULL);
}

/* --- demo and help ------------------------------------------------------------------ */

static int
cmd_demo (const EvtCliCommand  *command,
          int                   argc,
          char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  guint n_added = 0;

  evt_cli_args_init (&args, command, NULL,
                     N_("Adds the cluster's 2021 programme, cancelled because of the health "
                        "crisis, and some events of 2022 with sample member companies, who "
                        "took part and what came of it. Running it again adds only what "
                        "is missing."));
  if (!evt_cli_args_parse (&args, argc, argv, 0, 0, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL || !evt_demo_load_all (store, &n_added, &error))
    return evt_cli_report (command, error);

  if (n_added > 0)
    g_print (ngettext ("%u sample event added\n", "%u sample events added\n", n_added),
             n_added);
  else
    g_print (_("The sample events are already there; nothing was added\n"));

  return evt_cli_report (command, NULL);
}

static int
cmd_help (const EvtCliCommand  *command,
          int                   argc,
          char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *default_path = evt_store_get_default_path ();
  guint width = 0;

  evt_cli_args_init (&args, command, N_("[COMMAND]"), NULL);
  if (!evt_cli_args_parse (&args, argc, argv, 0, 1, &error))
    return evt_cli_report (command, error);

  if (args.positional[0] != NULL)
    {
      const EvtCliCommand *other = find_command (args.positional[0]);
      char *help_argv[] = { (char *) args.positional[0], (char *) "--help", NULL };

      if (other == NULL)
        {
          g_autofree char *names = command_names ();

          usage_error (&error, _("“%s” is not a command (expected one of: %s)"),
                       args.positional[0], names);
          return evt_cli_report (command, error);
        }
      return other->run (other, 2, help_argv);
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, strlen (commands[i].name));

  g_string_append_printf (out, "%s\n  %s\n  %s\n\n%s\n", _("Usage:"),
                          _("eventail                      Open the window"),
                          _("eventail COMMAND [OPTION…]    Run a command"),
                          _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "  %-*s  %s\n", (int) width, commands[i].name,
                            _(commands[i].summary));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Every command takes --help, and --database FILE to use "
                                 "another database than $EVENTAIL_DATABASE or %s.\n"),
                          default_path);
  g_print ("%s", out->str);

  return evt_cli_report (command, NULL);
}
