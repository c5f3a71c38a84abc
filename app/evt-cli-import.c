/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-cli-import.c: `eventail import FILE…`, partners' .ics files into the database. */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "evt-cli-private.h"
#include "evt-import.h"

/* "2021-01-31" → a day, for --from and --to. */
static gboolean
parse_day (const char  *option,
           const char  *text,
           GDate       *day,
           GError     **error)
{
  guint y, m, d;
  char end;

  if (text == NULL)
    return TRUE;

  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      g_set_error (error, EVT_CLI_ERROR, EVT_CLI_ERROR_USAGE,
                   _("%s: “%s” is not a date (expected e.g. 2021-01-31)"), option, text);
      return FALSE;
    }

  g_date_clear (day, 1);
  g_date_set_dmy (day, (GDateDay) d, (GDateMonth) m, (GDateYear) y);

  return TRUE;
}

/* Standard input, up to the importer's size limit (and one byte more, so that
 * a larger input is refused as too large rather than cut). */
static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    {
      g_byte_array_append (data, buffer, (guint) n);
      if (data->len > EVT_IMPORT_MAX_FILE_SIZE)
        break;
    }

  if (ferror (stdin))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("cannot read standard input"));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static void
print_result (const EvtImportResult *result)
{
  g_autofree char *summary = evt_import_result_format_summary (result);

  fflush (stdout);
  for (guint i = 0; i < result->messages->len; i++)
    {
      const EvtImportMessage *message = g_ptr_array_index (result->messages, i);
      g_autofree char *text = evt_import_result_format_message (result, message);

      g_printerr ("%s\n", text);
    }

  g_print ("%s\n", summary);
}

/**
 * evt_cli_import:
 * @command: the table entry of `import`
 * @argc: the number of arguments in @argv
 * @argv: the arguments, @argv[0] being "import"
 *
 * Imports each FILE (or standard input for "-") in its own transaction.
 *
 * Returns: %EVT_CLI_OK if every file could be read, even with skipped events;
 *   %EVT_CLI_FAILURE if a file was refused as a whole (the others are still
 *   imported); %EVT_CLI_USAGE for a wrong option
 */
int
evt_cli_import (const EvtCliCommand  *command,
                int                   argc,
                char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtImportOptions) options = evt_import_options_new ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *timezone = NULL;
  int status = EVT_CLI_OK;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("Create the occurrences of recurring events from this day (default: 1 January of "
         "last year)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("…up to this day (default: 31 December of next year)"), N_("YYYY-MM-DD") },
    { "timezone", 0, 0, G_OPTION_ARG_STRING, &timezone,
      N_("Read times without a zone, and unknown zones, in ZONE (default: Europe/Paris)"),
      N_("ZONE") },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, N_("FILE…"),
                     N_("Reads iCalendar (.ics) files from Thunderbird, Google, Outlook, "
                        "Apple, Zimbra, Nextcloud… (“-” reads standard input). Each file is "
                        "one transaction. An event already in the database (same UID, and "
                        "RECURRENCE-ID for an occurrence) is replaced only by a newer version "
                        "(SEQUENCE, then LAST-MODIFIED), so importing a file again adds "
                        "nothing. Recurring events become one event per occurrence in the "
                        "range of --from and --to.\n"
                        "\n"
                        "Prints one line per file on standard output (“partners.ics: 12 "
                        "imported, 3 updated, 2 unchanged, 1 skipped”) and, on standard "
                        "error, each skipped event with its line and reason and what was "
                        "repaired or ignored.\n"
                        "\n"
                        "Exit status: 0 when every file could be read, even if some of its "
                        "events were skipped; 1 when a file was refused as a whole (empty, "
                        "not iCalendar, truncated…: nothing of it is imported, the other files "
                        "are); 2 for a wrong option."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 1, G_MAXUINT, &error))
    return evt_cli_report (command, error);

  if (!parse_day ("--from", from, &options->from, &error) ||
      !parse_day ("--to", to, &options->to, &error))
    return evt_cli_report (command, error);
  if (g_date_valid (&options->from) && g_date_valid (&options->to) &&
      g_date_compare (&options->from, &options->to) > 0)
    {
      g_set_error (&error, EVT_CLI_ERROR, EVT_CLI_ERROR_USAGE,
                   _("--to: %s is before --from %s"), to, from);
      return evt_cli_report (command, error);
    }
  if (timezone != NULL)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (timezone);

      if (tz == NULL)
        {
          g_set_error (&error, EVT_CLI_ERROR, EVT_CLI_ERROR_USAGE,
                       _("--timezone: “%s” is not a known time zone (expected e.g. "
                         "Europe/Paris)"), timezone);
          return evt_cli_report (command, error);
        }
      options->default_timezone = g_strdup (timezone);
    }

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  for (guint i = 0; args.positional[i] != NULL; i++)
    {
      const char *path = args.positional[i];
      g_autoptr(EvtImportResult) result = NULL;
      g_autoptr(GError) file_error = NULL;

      if (g_str_equal (path, "-"))
        {
          g_autoptr(GBytes) data = read_stdin (&file_error);

          if (data != NULL)
            result = evt_import_data (store, _("standard input"), data, options, NULL, NULL,
                                      NULL, &file_error);
        }
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

          result = evt_import_file (store, file, options, NULL, NULL, NULL, &file_error);
        }

      if (result == NULL)
        {
          fflush (stdout);
          g_printerr ("eventail %s: %s\n", command->name, file_error->message);
          status = EVT_CLI_FAILURE;
          continue;
        }

      print_result (result);
    }

  if (evt_cli_report (command, NULL) != EVT_CLI_OK)
    return EVT_CLI_FAILURE;

  return status;
}
