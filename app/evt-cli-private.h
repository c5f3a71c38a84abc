/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-cli-private.h: what every subcommand shares: the table, options, messages, store. */
#pragma once

#include "evt-cli.h"
#include "evt-query.h"
#include "evt-store.h"

G_BEGIN_DECLS

/*
 * Adding a subcommand (e.g. `export`, in its own file):
 *  1. write `int evt_cli_export (const EvtCliCommand *command, int argc, char **argv)`
 *     (declared below) with the helpers of this header;
 *  2. add its line to the table `commands[]` at the top of evt-cli.c (the lines are
 *     there, commented out: uncomment yours).
 * `eventail help` and the usage messages pick it up from the table.
 *
 * A subcommand function follows this pattern:
 *
 *   g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
 *   g_autoptr(GError) error = NULL;
 *   const GOptionEntry entries[] = { …, G_OPTION_ENTRY_NULL };
 *
 *   evt_cli_args_init (&args, command, N_("FILE"), N_("Long description…"));
 *   evt_cli_args_add_entries (&args, entries);
 *   if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
 *     return evt_cli_report (command, error);     // 0 after --help, else 2
 *   … check every option (usage errors) …
 *   store = evt_cli_open_store (&args, &error);
 *   if (store == NULL)
 *     return evt_cli_report (command, error);     // 1
 *   … do the work, writes last …
 *   return evt_cli_report (command, NULL);        // 0, or 1 if stdout failed
 */

typedef struct _EvtCliCommand EvtCliCommand;

/**
 * EvtCliCommandFunc:
 * @command: the table entry of the subcommand
 * @argc: the number of arguments in @argv
 * @argv: the subcommand's arguments, @argv[0] being its name ("list")
 *
 * Returns: the exit status, %EVT_CLI_OK, %EVT_CLI_FAILURE or %EVT_CLI_USAGE
 */
typedef int (*EvtCliCommandFunc) (const EvtCliCommand  *command,
                                  int                   argc,
                                  char                **argv);

struct _EvtCliCommand
{
  const char        *name;     /* "list", typed after `eventail` */
  const char        *summary;  /* N_(): one line, in `eventail help` and on top of --help */
  EvtCliCommandFunc  run;
};

/* Subcommands implemented in other files; listed in evt-cli.c once they exist. */
int evt_cli_export (const EvtCliCommand *command, int argc, char **argv);
int evt_cli_import (const EvtCliCommand *command, int argc, char **argv);
int evt_cli_feed   (const EvtCliCommand *command, int argc, char **argv);

/* --- Errors and messages ---------------------------------------------------- */

#define EVT_CLI_ERROR (evt_cli_error_quark ())
GQuark evt_cli_error_quark (void);

/* EVT_CLI_ERROR_USAGE: what was typed is wrong (exit 2). The message names the
 * option, what was wrong and what was expected:
 *   "--year: “20x1” is not a year (expected e.g. 2021)".
 * EVT_CLI_ERROR_FAILED: the command could not be done (exit 1). */
typedef enum
{
  EVT_CLI_ERROR_USAGE,
  EVT_CLI_ERROR_FAILED,
} EvtCliError;

/* Ends a subcommand: prints @error (if any) as "eventail COMMAND: message" on stderr
 * and returns its exit status; with %NULL, flushes stdout and returns 0 (1 if the
 * output could not be written). @command may be %NULL for `eventail` itself. */
int        evt_cli_report            (const EvtCliCommand  *command,
                                      const GError         *error);
/* 0 for %NULL, 2 for EVT_CLI_ERROR_USAGE and G_OPTION_ERROR, 1 for anything else
 * (EVT_STORE_ERROR: refused by validation, not found, unreadable database). */
int        evt_cli_exit_code         (const GError         *error);
/* "eventail COMMAND: warning: …" on stderr, for what does not stop the command. */
void       evt_cli_warning           (const EvtCliCommand  *command,
                                      const char           *format,
                                      ...) G_GNUC_PRINTF (2, 3);

/* --- Options ------------------------------------------------------------------ */

/* The options of a subcommand; --database and --help are added to every one. */
typedef struct
{
  const EvtCliCommand  *command;
  GOptionContext       *context;
  const char           *parameter_string;  /* untranslated, e.g. N_("EVENT") */
  char                 *database;          /* --database, or NULL */
  gboolean              help;              /* --help was given (and printed) */
  char                **positional;        /* what remains after the options */
} EvtCliArgs;

#define EVT_CLI_ARGS_INIT { NULL, NULL, NULL, NULL, FALSE, NULL }

/* Creates the GOptionContext of @command: usage "eventail NAME [OPTION…]
 * PARAMETERS", the command's summary on top, @description (N_(), nullable) below the
 * options; strings are translated with GETTEXT_PACKAGE. */
void       evt_cli_args_init         (EvtCliArgs           *args,
                                      const EvtCliCommand  *command,
                                      const char           *parameter_string,
                                      const char           *description);
/* Adds options (descriptions N_()); call it before evt_cli_args_parse(). */
void       evt_cli_args_add_entries  (EvtCliArgs           *args,
                                      const GOptionEntry   *entries);
/* Parses @argv (argv[0] = the command's name), adding --database and --help, and
 * checks that between @min_positional and @max_positional (G_MAXUINT: any) arguments
 * remain, which end up in args->positional. After --help, prints it on stdout and
 * returns FALSE with no error (evt_cli_report() then returns 0); on bad options,
 * FALSE with an EVT_CLI_ERROR_USAGE error. */
gboolean   evt_cli_args_parse        (EvtCliArgs           *args,
                                      int                   argc,
                                      char                **argv,
                                      guint                 min_positional,
                                      guint                 max_positional,
                                      GError              **error);
/* Frees what @args holds (g_auto(EvtCliArgs) does it). */
void       evt_cli_args_clear        (EvtCliArgs           *args);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EvtCliArgs, evt_cli_args_clear)

/* --- The store ---------------------------------------------------------------- */

/* Opens the database of --database, else $EVENTAIL_DATABASE, else the default one
 * (evt_store_resolve_path()). Check every option BEFORE calling it. Its errors are
 * EVT_STORE_ERROR ones naming the file (exit 1). */
EvtStore  *evt_cli_open_store        (EvtCliArgs           *args,
                                      GError              **error);
/* The EVENT argument: a numeric id or a uid; EVT_STORE_ERROR_NOT_FOUND (exit 1). */
EvtEvent  *evt_cli_lookup_event      (EvtStore             *store,
                                      const char           *id_or_uid,
                                      GError              **error);
/* Checks sector slugs given with @option ("--sector") against the store, before any
 * write: an unknown one is an EVT_CLI_ERROR_USAGE error listing the known slugs. */
gboolean   evt_cli_check_sectors     (EvtStore             *store,
                                      const char           *option,
                                      const char * const   *sectors,
                                      GError              **error);

/* --- Values --------------------------------------------------------------------- */

/* The values of a repeatable option, each split at commas, stripped, blanks dropped:
 * `--status cancelled,postponed --status held` gives three. Free with g_strfreev(). */
char     **evt_cli_split_values      (const char * const   *values);
/* evt_date_range_parse() in @tz (NULL: Europe/Paris), its error turned into an
 * EVT_CLI_ERROR_USAGE one prefixed with @option: "--start: “x” is not a date: …". */
gboolean   evt_cli_parse_dates       (const char           *option,
                                      const char           *text,
                                      GTimeZone            *tz,
                                      gboolean             *all_day,
                                      GDateTime           **start,
                                      GDateTime           **end,
                                      GError              **error);

/* --- The filter shared by `list` and `export` ------------------------------------ */

/* What the filter options hold once parsed (strings as typed; check them with
 * evt_cli_filter_to_query()). */
typedef struct
{
  char   *year;
  char   *from;
  char   *to;
  char  **statuses;
  char  **kinds;
  char  **sectors;
  char   *search;
  char   *visibility;
} EvtCliFilter;

/* The options --year, --from, --to, --status, --kind, --sector, --search and
 * --visibility, storing into @filter (zero-initialized); hand them to
 * evt_cli_args_add_entries(), then g_free() the array. */
GOptionEntry *evt_cli_filter_entries_new (EvtCliFilter      *filter);
/* Checks the filter options (usage errors naming the option and the expected values)
 * and builds the query. --year with --from/--to keeps the days common to both.
 * query->sectors still needs evt_cli_check_sectors() once the store is open. */
EvtQuery     *evt_cli_filter_to_query    (const EvtCliFilter *filter,
                                          GError            **error);
/* Frees what the options stored (g_auto(EvtCliFilter) does it). */
void          evt_cli_filter_clear       (EvtCliFilter      *filter);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EvtCliFilter, evt_cli_filter_clear)

/* --- Output ------------------------------------------------------------------------ */

/* @value as a JSON string with every needed escape, or `null` for NULL. */
void       evt_cli_append_json_string (GString             *out,
                                       const char          *value);
/* @value as an RFC 4180 field (quoted if needed); the caller adds "," and "\r\n". */
void       evt_cli_append_csv_field   (GString             *out,
                                       const char          *value);
/* Writes bytes to stdout as they are (UTF-8 whatever the locale: CSV, JSON, .ics);
 * EVT_CLI_ERROR_FAILED if it cannot. Human text goes through g_print() instead. */
gboolean   evt_cli_write_stdout       (const char          *text,
                                       gsize                length,
                                       GError             **error);

/* Aligned tables on a terminal. */
guint evt_cli_display_width (const char *text);
char *evt_cli_cell_text     (const char *text);
/* "Title:" of "Title", as the language writes it (« Titre : »), for "Label: value" lines. */
char *evt_cli_format_label  (const char *label);

G_END_DECLS
