/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-cli-people.c: the org, person, participant, outcome and followups subcommands. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "evt-cli-people.h"
#include "evt-csv.h"
#include "evt-money.h"
#include "evt-people.h"

/* --- Shared helpers ----------------------------------------------------------------- */

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

/* "a, b or c" of a vocabulary, for usage messages. */
static char *
list_ids (const char *(*to_string) (int),
          guint        n_values)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < n_values; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", to_string (i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define LIST_IDS(prefix, n) list_ids ((const char *(*) (int)) prefix##_to_string, n)

static gboolean
parse_role (const char  *text,
            EvtRole     *role,
            GError     **error)
{
  g_autofree char *ids = NULL;

  if (text == NULL)
    {
      ids = LIST_IDS (evt_role, EVT_N_ROLES);
      return usage_error (error, _("--role is missing (expected one of: %s)"), ids);
    }
  if (evt_role_from_string (text, role))
    return TRUE;
  ids = LIST_IDS (evt_role, EVT_N_ROLES);
  return usage_error (error, _("--role: “%s” is not a role (expected one of: %s)"), text, ids);
}

static gboolean
parse_state (const char             *text,
             EvtParticipationState  *state,
             GError                **error)
{
  g_autofree char *ids = NULL;

  if (text == NULL)
    {
      ids = LIST_IDS (evt_participation_state, EVT_N_PARTICIPATION_STATES);
      return usage_error (error, _("--state is missing (expected one of: %s)"), ids);
    }
  if (evt_participation_state_from_string (text, state))
    return TRUE;
  ids = LIST_IDS (evt_participation_state, EVT_N_PARTICIPATION_STATES);
  return usage_error (error, _("--state: “%s” is not a state (expected one of: %s)"), text,
                      ids);
}

static gboolean
check_one_format (gboolean   csv,
                  gboolean   json,
                  GError   **error)
{
  if (csv && json)
    return usage_error (error, _("--csv, --json: choose one of them"));
  return TRUE;
}

static gboolean
write_out (GString  *out,
           gboolean  raw,
           GError  **error)
{
  if (raw)
    return evt_cli_write_stdout (out->str, out->len, error);
  g_print ("%s", out->str);
  return TRUE;
}

/* Reads "YYYY-MM-DD". */
static gboolean
parse_day (const char  *option,
           const char  *text,
           GDate       *day,
           GError     **error)
{
  guint y = 0, m = 0, d = 0;
  char extra;

  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &extra) != 3 ||
      strlen (text) != 10 || !g_date_valid_dmy (d, m, y))
    return usage_error (error, _("%s: “%s” is not a day (expected e.g. 2022-06-30)"), option,
                        text != NULL ? text : "");

  g_date_clear (day, 1);
  g_date_set_dmy (day, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

/* A count typed on the command line: a whole number, or "none" for not counted. */
static gboolean
parse_count (const char  *option,
             const char  *text,
             int         *count,
             GError     **error)
{
  guint64 value = 0;

  if (text == NULL)
    return TRUE;
  if (g_ascii_strcasecmp (text, "none") == 0)
    {
      *count = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL))
    return usage_error (error, _("%s: “%s” is not a count (expected a whole number, or "
                                 "“none”)"), option, text);
  *count = (int) value;
  return TRUE;
}

static gboolean
parse_satisfaction (const char  *text,
                    double      *satisfaction,
                    GError     **error)
{
  g_autofree char *dotted = NULL;
  char *end = NULL;
  double value;

  if (text == NULL)
    return TRUE;
  if (g_ascii_strcasecmp (text, "none") == 0)
    {
      *satisfaction = 0;
      return TRUE;
    }

  dotted = g_strdelimit (g_strstrip (g_strdup (text)), ",", '.');
  value = g_ascii_strtod (dotted, &end);
  if (dotted[0] == '\0' || end == NULL || *end != '\0' || !(value >= 1 && value <= 5))
    return usage_error (error, _("--satisfaction: “%s” is not a mark from 1 to 5 (expected "
                                 "e.g. 4 or 4.5, or “none”)"), text);
  *satisfaction = value;
  return TRUE;
}

/* An amount for JSON: a number, exact ("1500.5" would not be). */
static void
append_json_euros (GString *out,
                   gint64   cents)
{
  g_autofree char *euros = NULL;

  if (cents < 0)
    {
      g_string_append (out, "null");
      return;
    }
  if (cents % 100 == 0)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, cents / 100);
      return;
    }
  euros = evt_money_format_plain (cents);
  g_string_append (out, euros);
}

static void
append_json_count (GString *out,
                   int      count)
{
  if (count < 0)
    g_string_append (out, "null");
  else
    g_string_append_printf (out, "%d", count);
}

static void
append_json_id (GString *out,
                gint64   id)
{
  if (id > 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, id);
  else
    g_string_append (out, "null");
}

static void
append_csv_row (GString            *out,
                const char * const *fields,
                guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      evt_cli_append_csv_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

/* Rows of cells (the first is the header), aligned in columns two spaces apart;
 * the first column, numbers, right-aligned. */
static void
append_table (GString   *out,
              GPtrArray *rows,
              guint      n_columns)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], evt_cli_display_width (row[c]));
    }

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < n_columns; c++)
        {
          guint width = evt_cli_display_width (row[c]);

          if (c == 0)
            {
              for (guint w = width; w < widths[c]; w++)
                g_string_append_c (out, ' ');
              g_string_append (out, row[c]);
              g_string_append (out, "  ");
            }
          else if (c + 1 < n_columns)
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

static char **
table_row (guint n_columns,
           ...)
{
  char **row = g_new0 (char *, n_columns + 1);
  va_list args;

  va_start (args, n_columns);
  for (guint c = 0; c < n_columns; c++)
    row[c] = evt_cli_cell_text (va_arg (args, const char *));
  va_end (args);
  return row;
}

/* "Label:   value" lines, as `eventail show` writes them; @label_width is the widest
 * label with its colon (see label_width()). */
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
  for (const char *p = value; *p != '\0'; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '\n' && p[1] != '\0')
        for (guint w = 0; w < label_width + 1; w++)
          g_string_append_c (out, ' ');
    }
  g_string_append_c (out, '\n');
}

/* The width of @label with its colon. */
static guint
label_width (const char *label)
{
  g_autofree char *with_colon = evt_cli_format_label (label);

  return evt_cli_display_width (with_colon);
}

/* Sub-actions: `eventail org import`, `eventail org list`… */
typedef struct
{
  EvtCliCommand command;   /* name: "org import" */
} Action;

static int
run_action (const EvtCliCommand  *command,
            const Action         *actions,
            guint                 n_actions,
            const char           *description,
            int                   argc,
            char                **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  gsize prefix = strlen (command->name) + 1;

  for (guint i = 0; i < n_actions; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", actions[i].command.name + prefix);

  if (argc < 2 || argv[1][0] == '-')
    {
      if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
        {
          g_autoptr(GString) out = g_string_new (NULL);
          int width = 0;

          /* Two spaces after the longest action, as `eventail help` does. */
          for (guint i = 0; i < n_actions; i++)
            width = MAX (width, (int) strlen (actions[i].command.name + prefix) + 1);

          g_string_append_printf (out, _("Usage:\n  eventail %s ACTION [OPTION…]\n\n"),
                                  command->name);
          g_string_append_printf (out, "%s\n\n", _(description));
          g_string_append (out, _("Actions:\n"));
          for (guint i = 0; i < n_actions; i++)
            g_string_append_printf (out, "  %-*s %s\n", width, actions[i].command.name + prefix,
                                    _(actions[i].command.summary));
          g_string_append_printf (out, _("\nSee “eventail %s ACTION --help” for the options "
                                         "of each.\n"), command->name);
          g_print ("%s", out->str);
          return evt_cli_report (command, NULL);
        }

      usage_error (&error, _("an action is missing (expected one of: %s)"), names->str);
      return evt_cli_report (command, error);
    }

  for (guint i = 0; i < n_actions; i++)
    if (g_str_equal (argv[1], actions[i].command.name + prefix))
      return actions[i].command.run (&actions[i].command, argc - 1, argv + 1);

  usage_error (&error, _("“%s” is not an action (expected one of: %s)"), argv[1], names->str);
  return evt_cli_report (command, error);
}

/* --- org ------------------------------------------------------------------------------ */

static void
append_org_json (GString         *out,
                 EvtOrganisation *org)
{
  g_string_append_printf (out, "  {\n    \"id\": %" G_GINT64_FORMAT ",\n    \"name\": ",
                          evt_organisation_get_id (org));
  evt_cli_append_json_string (out, evt_organisation_get_name (org));
  g_string_append (out, ",\n    \"kind\": ");
  evt_cli_append_json_string (out,
                              evt_organisation_kind_to_string (evt_organisation_get_kind (org)));
  g_string_append_printf (out, ",\n    \"member\": %s,\n    \"sector\": ",
                          evt_organisation_get_member (org) ? "true" : "false");
  evt_cli_append_json_string (out, evt_organisation_get_sector (org));
  g_string_append (out, ",\n    \"city\": ");
  evt_cli_append_json_string (out, evt_organisation_get_city (org));
  g_string_append (out, ",\n    \"email\": ");
  evt_cli_append_json_string (out, evt_organisation_get_email (org));
  g_string_append (out, ",\n    \"phone\": ");
  evt_cli_append_json_string (out, evt_organisation_get_phone (org));
  g_string_append (out, ",\n    \"notes\": ");
  evt_cli_append_json_string (out, evt_organisation_get_notes (org));
  g_string_append_printf (out, ",\n    \"events\": %u\n  }", evt_organisation_get_n_events (org));
}

static int
org_list (const EvtCliCommand  *command,
          int                   argc,
          char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *search = NULL;
  gboolean members = FALSE;
  gboolean csv = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "members", 0, 0, G_OPTION_ARG_NONE, &members, N_("Only the member organisations"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only the organisations whose name holds TEXT (case and accents ignored)"),
      N_("TEXT") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv,
      N_("Write CSV (RFC 4180) with a header line, which `eventail org import` reads back"),
      NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write a JSON array of objects, one per organisation"), NULL },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, NULL,
                     N_("Lists the organisations, sorted by name, with the number of events "
                        "they took part in (cancelled participations not counted)."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 0, 0, &error) ||
      !check_one_format (csv, json, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);
  orgs = evt_people_list_organisations (store, search, members, &error);
  if (orgs == NULL)
    return evt_cli_report (command, error);

  if (csv)
    {
      static const char * const header[] = {
        "id", "name", "kind", "member", "sector", "city", "email", "phone", "notes", "events",
      };

      append_csv_row (out, header, G_N_ELEMENTS (header));
      for (guint i = 0; i < orgs->len; i++)
        {
          EvtOrganisation *org = g_ptr_array_index (orgs, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 evt_organisation_get_id (org));
          g_autofree char *n_events = g_strdup_printf ("%u",
                                                       evt_organisation_get_n_events (org));
          const char *fields[] = {
            id, evt_organisation_get_name (org),
            evt_organisation_kind_to_string (evt_organisation_get_kind (org)),
            evt_organisation_get_member (org) ? "yes" : "no",
            evt_organisation_get_sector (org), evt_organisation_get_city (org),
            evt_organisation_get_email (org), evt_organisation_get_phone (org),
            evt_organisation_get_notes (org), n_events,
          };

          append_csv_row (out, fields, G_N_ELEMENTS (fields));
        }
    }
  else if (json)
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < orgs->len; i++)
        {
          g_string_append (out, i > 0 ? ",\n" : "\n");
          append_org_json (out, g_ptr_array_index (orgs, i));
        }
      g_string_append (out, orgs->len > 0 ? "\n]\n" : "]\n");
    }
  else if (orgs->len > 0)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      /* TRANSLATORS: column headings of `eventail org list` */
      g_ptr_array_add (rows, table_row (7, _("ID"), _("MEMBER"), _("KIND"), _("SECTOR"),
                                        _("CITY"), _("EVENTS"), _("NAME")));
      for (guint i = 0; i < orgs->len; i++)
        {
          EvtOrganisation *org = g_ptr_array_index (orgs, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 evt_organisation_get_id (org));
          g_autofree char *n_events = g_strdup_printf ("%u",
                                                       evt_organisation_get_n_events (org));

          g_ptr_array_add (rows, table_row (7, id,
                                            evt_organisation_get_member (org) ? _("yes") : _("no"),
                                            evt_organisation_kind_to_string (
                                              evt_organisation_get_kind (org)),
                                            evt_organisation_get_sector (org),
                                            evt_organisation_get_city (org), n_events,
                                            evt_organisation_get_name (org)));
        }
      append_table (out, rows, 7);
    }
  else
    g_printerr (_("No organisations\n"));

  if (!write_out (out, csv || json, &error))
    return evt_cli_report (command, error);
  return evt_cli_report (command, NULL);
}

static int
org_import (const EvtCliCommand  *command,
            int                   argc,
            char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtImportReport) report = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  const char *file;

  evt_cli_args_init (&args, command, N_("FILE.csv"),
                     N_("Reads the member list from a CSV file as spreadsheets save it: “;” "
                        "or “,” separators, UTF-8 (with or without BOM) or Windows-1252. The "
                        "first line names the columns, in French or English: Nom/Name, "
                        "Type/Kind, Adhérent/Member (oui/non, yes/no, 1/0, x), Filière/Sector, "
                        "Ville/City, Courriel/Email, Téléphone/Phone, Contact, "
                        "Fonction/Job title, Notes; other columns are ignored. An organisation "
                        "already there under the same name (case, accents and punctuation "
                        "ignored) is updated, not added again.\n"
                        "\n"
                        "Prints what was done on standard output and, on standard error, each "
                        "row left out with its line and reason; the other rows are imported, "
                        "in one transaction.\n"
                        "\n"
                        "Exit status: 0 when the file could be read, even if some rows were "
                        "left out; 1 when it was refused as a whole (not a CSV file, a "
                        "spreadsheet saved as .xlsx, empty, no name column: nothing is "
                        "imported); 2 for a wrong option."));
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  report = evt_people_import_organisations (store, args.positional[0], NULL, &error);
  if (report == NULL)
    return evt_cli_report (command, error);

  fflush (stdout);
  for (guint i = 0; report->problems != NULL && i < report->problems->len; i++)
    {
      EvtImportProblem *problem = g_ptr_array_index (report->problems, i);

      g_printerr ("%s: %s\n", args.positional[0], problem->message);
    }
  if (report->ignored_columns != NULL && report->ignored_columns[0] != NULL)
    {
      g_autofree char *columns = g_strjoinv (", ", report->ignored_columns);

      evt_cli_warning (command, _("columns not imported: %s"), columns);
    }

  /* One whole line per count, each with its plural: "FILE: 3 organisations added". */
  file = args.positional[0];
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%s: %u organisation added\n",
                                                "%s: %u organisations added\n",
                                                report->n_added), file, report->n_added);
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE,
                                                "%s: %u organisation updated\n",
                                                "%s: %u organisations updated\n",
                                                report->n_updated), file, report->n_updated);
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE,
                                                "%s: %u organisation unchanged\n",
                                                "%s: %u organisations unchanged\n",
                                                report->n_unchanged), file, report->n_unchanged);
  if (report->n_people_added > 0)
    g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%s: %u contact added\n",
                                                  "%s: %u contacts added\n",
                                                  report->n_people_added),
                            file, report->n_people_added);
  if (report->n_people_updated > 0)
    g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%s: %u contact updated\n",
                                                  "%s: %u contacts updated\n",
                                                  report->n_people_updated),
                            file, report->n_people_updated);
  if (report->problems->len > 0)
    g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%s: %u row left out\n",
                                                  "%s: %u rows left out\n",
                                                  report->problems->len),
                            file, report->problems->len);
  g_print ("%s", summary->str);

  return evt_cli_report (command, NULL);
}

static int
org_add (const EvtCliCommand  *command,
         int                   argc,
         char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtOrganisation) org = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *sector = NULL;
  g_autofree char *city = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  gboolean member = FALSE;
  EvtOrganisationKind kind_value = EVT_ORGANISATION_KIND_COMPANY;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("company, partner, lab, school or institution (default: company)"), N_("KIND") },
    { "member", 0, 0, G_OPTION_ARG_NONE, &member, N_("A member of the cluster"), NULL },
    { "sector", 0, 0, G_OPTION_ARG_STRING, &sector, N_("Its sector"), N_("SLUG") },
    { "city", 0, 0, G_OPTION_ARG_STRING, &city, N_("Its city"), N_("CITY") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("Its e-mail address"), N_("ADDRESS") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Its phone number"), N_("NUMBER") },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, N_("NAME"),
                     N_("Adds an organisation that is not in the member list (a partner, a "
                        "laboratory…) and prints its id."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
    return evt_cli_report (command, error);

  if (kind != NULL && !evt_organisation_kind_from_string (kind, &kind_value))
    {
      g_autofree char *ids = LIST_IDS (evt_organisation_kind, EVT_N_ORGANISATION_KINDS);

      usage_error (&error, _("--kind: “%s” is not a kind of organisation (expected one of: "
                             "%s)"), kind, ids);
      return evt_cli_report (command, error);
    }

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  if (sector != NULL &&
      !evt_cli_check_sectors (store, "--sector", (const char * const[]) { sector, NULL }, &error))
    return evt_cli_report (command, error);

  org = evt_organisation_new (args.positional[0]);
  evt_organisation_set_kind (org, kind_value);
  evt_organisation_set_member (org, member);
  evt_organisation_set_sector (org, sector);
  evt_organisation_set_city (org, city);
  evt_organisation_set_email (org, email);
  evt_organisation_set_phone (org, phone);
  if (!evt_people_save_organisation (store, org, &error))
    return evt_cli_report (command, error);

  g_print ("%" G_GINT64_FORMAT "\n", evt_organisation_get_id (org));
  return evt_cli_report (command, NULL);
}

static int
org_edit (const EvtCliCommand  *command,
          int                   argc,
          char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtOrganisation) org = NULL;
  g_autofree char *name = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *sector = NULL;
  g_autofree char *city = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *notes = NULL;
  gboolean member = FALSE;
  gboolean not_member = FALSE;
  EvtOrganisationKind kind_value = EVT_ORGANISATION_KIND_COMPANY;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Its new name"), N_("NAME") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("company, partner, lab, school or institution"), N_("KIND") },
    { "member", 0, 0, G_OPTION_ARG_NONE, &member, N_("A member of the cluster"), NULL },
    { "not-member", 0, 0, G_OPTION_ARG_NONE, &not_member, N_("Not a member of the cluster"),
      NULL },
    { "sector", 0, 0, G_OPTION_ARG_STRING, &sector, N_("Its sector (empty: none)"),
      N_("SLUG") },
    { "city", 0, 0, G_OPTION_ARG_STRING, &city, N_("Its city"), N_("CITY") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("Its e-mail address"), N_("ADDRESS") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Its phone number"), N_("NUMBER") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Notes on it"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, N_("ORGANISATION"),
                     N_("Changes an organisation: ORGANISATION is an id or a name. Only the "
                        "options given change; an empty text clears a field."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
    return evt_cli_report (command, error);
  if (member && not_member)
    {
      usage_error (&error, _("--member, --not-member: choose one of them"));
      return evt_cli_report (command, error);
    }
  if (name == NULL && kind == NULL && !member && !not_member && sector == NULL &&
      city == NULL && email == NULL && phone == NULL && notes == NULL)
    {
      usage_error (&error, _("nothing to change (expected --name, --kind, --member, "
                             "--not-member, --sector, --city, --email, --phone or --notes)"));
      return evt_cli_report (command, error);
    }
  if (kind != NULL && !evt_organisation_kind_from_string (kind, &kind_value))
    {
      g_autofree char *ids = LIST_IDS (evt_organisation_kind, EVT_N_ORGANISATION_KINDS);

      usage_error (&error, _("--kind: “%s” is not a kind of organisation (expected one of: "
                             "%s)"), kind, ids);
      return evt_cli_report (command, error);
    }

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);
  if (sector != NULL && sector[0] != '\0' &&
      !evt_cli_check_sectors (store, "--sector", (const char * const[]) { sector, NULL }, &error))
    return evt_cli_report (command, error);
  org = evt_people_lookup_organisation (store, args.positional[0], &error);
  if (org == NULL)
    return evt_cli_report (command, error);

  if (name != NULL)
    evt_organisation_set_name (org, name);
  if (kind != NULL)
    evt_organisation_set_kind (org, kind_value);
  if (member || not_member)
    evt_organisation_set_member (org, member);
  if (sector != NULL)
    evt_organisation_set_sector (org, sector[0] != '\0' ? sector : NULL);
  if (city != NULL)
    evt_organisation_set_city (org, city);
  if (email != NULL)
    evt_organisation_set_email (org, email);
  if (phone != NULL)
    evt_organisation_set_phone (org, phone);
  if (notes != NULL)
    evt_organisation_set_notes (org, notes);
  if (!evt_people_save_organisation (store, org, &error))
    return evt_cli_report (command, error);

  return evt_cli_report (command, NULL);
}

static int
org_remove (const EvtCliCommand  *command,
            int                   argc,
            char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtOrganisation) org = NULL;

  evt_cli_args_init (&args, command, N_("ORGANISATION"),
                     N_("Removes an organisation from the directory: ORGANISATION is an id or "
                        "a name. Its people stay, without organisation; its leads keep its "
                        "name. One that took part in events is kept: merge it into another "
                        "with `eventail org merge`, or remove its participations first."));
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);
  org = evt_people_lookup_organisation (store, args.positional[0], &error);
  if (org == NULL ||
      !evt_people_delete_organisation (store, evt_organisation_get_id (org), &error))
    return evt_cli_report (command, error);

  g_print (_("“%s” removed from the directory\n"), evt_organisation_get_name (org));
  return evt_cli_report (command, NULL);
}

static int
org_merge (const EvtCliCommand  *command,
           int                   argc,
           char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtOrganisation) keep = NULL;
  g_autoptr(EvtOrganisation) duplicate = NULL;

  evt_cli_args_init (&args, command, N_("KEPT DUPLICATE"),
                     N_("Merges the organisation DUPLICATE into KEPT (each an id or a name): "
                        "its participations, people and leads move to KEPT, which takes the "
                        "fields it lacks, then DUPLICATE is deleted."));
  if (!evt_cli_args_parse (&args, argc, argv, 2, 2, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  keep = evt_people_lookup_organisation (store, args.positional[0], &error);
  if (keep != NULL)
    duplicate = evt_people_lookup_organisation (store, args.positional[1], &error);
  if (duplicate == NULL ||
      !evt_people_merge_organisations (store, evt_organisation_get_id (keep),
                                       evt_organisation_get_id (duplicate), &error))
    return evt_cli_report (command, error);

  g_print (_("“%s” merged into “%s”\n"), evt_organisation_get_name (duplicate),
           evt_organisation_get_name (keep));
  return evt_cli_report (command, NULL);
}

/* Reads --year; without it, the current year. */
static gboolean
parse_year_option (const char  *text,
                   int         *year,
                   GError     **error)
{
  g_autofree char *stripped = NULL;
  guint64 value = 0;

  if (text == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      *year = g_date_time_get_year (now);
      return TRUE;
    }
  stripped = g_strstrip (g_strdup (text));
  if (!g_ascii_string_to_unsigned (stripped, 10, 1, 9999, &value, NULL))
    return usage_error (error, _("--year: “%s” is not a year (expected e.g. 2021)"), text);
  *year = (int) value;
  return TRUE;
}

/* The number of different events in parts[first..end). */
static guint
count_events (GPtrArray *parts,
              guint      first,
              guint      end)
{
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        NULL);

  for (guint i = first; i < end; i++)
    {
      gint64 event_id = evt_participation_get_event_id (g_ptr_array_index (parts, i));

      g_hash_table_add (events, g_memdup2 (&event_id, sizeof event_id));
    }
  return g_hash_table_size (events);
}

/* Where the group of @first (the participations of one organisation) ends. */
static guint
group_end (GPtrArray *parts,
           guint      first)
{
  gint64 org_id = evt_participation_get_organisation_id (g_ptr_array_index (parts, first));
  guint end = first + 1;

  while (end < parts->len &&
         evt_participation_get_organisation_id (g_ptr_array_index (parts, end)) == org_id)
    end++;
  return end;
}

static void
append_member_event_json (GString          *out,
                          EvtParticipation *part)
{
  g_string_append_printf (out, "      {\n        \"event_id\": %" G_GINT64_FORMAT
                          ",\n        \"event\": ", evt_participation_get_event_id (part));
  evt_cli_append_json_string (out, evt_participation_get_event_title (part));
  g_string_append (out, ",\n        \"start\": ");
  evt_cli_append_json_string (out, evt_participation_get_event_start (part));
  g_string_append (out, ",\n        \"person_id\": ");
  append_json_id (out, evt_participation_get_person_id (part));
  g_string_append (out, ",\n        \"person\": ");
  evt_cli_append_json_string (out, evt_participation_get_person_name (part));
  g_string_append (out, ",\n        \"role\": ");
  evt_cli_append_json_string (out, evt_role_to_string (evt_participation_get_role (part)));
  g_string_append (out, ",\n        \"state\": ");
  evt_cli_append_json_string (out, evt_participation_state_to_string (
                                     evt_participation_get_state (part)));
  g_string_append (out, "\n      }");
}

static int
org_participations (const EvtCliCommand  *command,
                    int                   argc,
                    char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *year_text = NULL;
  gboolean csv = FALSE;
  gboolean json = FALSE;
  guint n_orgs = 0;
  int year = 0;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text,
      N_("The events starting in YEAR (default: this year)"), N_("YEAR") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv,
      N_("Write CSV (RFC 4180) with a header line, one line per participation"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write a JSON array of objects, one per member organisation, with its events"),
      NULL },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, NULL,
                     N_("Which member organisations took part in what, for the yearly "
                        "report: for each member, the events of the year it took part in "
                        "(itself or through its people), with the role and state, and how "
                        "many events. Cancelled participations are left out."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 0, 0, &error) ||
      !check_one_format (csv, json, &error) ||
      !parse_year_option (year_text, &year, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);
  parts = evt_people_list_member_participations (store, year, &error);
  if (parts == NULL)
    return evt_cli_report (command, error);

  if (csv)
    {
      static const char * const header[] = {
        "organisation_id", "organisation", "event_id", "event", "start", "person", "role",
        "state",
      };

      append_csv_row (out, header, G_N_ELEMENTS (header));
      for (guint i = 0; i < parts->len; i++)
        {
          EvtParticipation *part = g_ptr_array_index (parts, i);
          g_autofree char *org_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     evt_participation_get_organisation_id (part));
          g_autofree char *event_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                       evt_participation_get_event_id (part));
          const char *fields[] = {
            org_id, evt_participation_get_organisation_name (part), event_id,
            evt_participation_get_event_title (part), evt_participation_get_event_start (part),
            evt_participation_get_person_name (part),
            evt_role_to_string (evt_participation_get_role (part)),
            evt_participation_state_to_string (evt_participation_get_state (part)),
          };

          append_csv_row (out, fields, G_N_ELEMENTS (fields));
        }
    }
  else if (json)
    {
      g_string_append_c (out, '[');
      for (guint first = 0; first < parts->len; first = group_end (parts, first))
        {
          EvtParticipation *head = g_ptr_array_index (parts, first);
          guint end = group_end (parts, first);

          g_string_append (out, first > 0 ? ",\n" : "\n");
          g_string_append_printf (out, "  {\n    \"organisation_id\": %" G_GINT64_FORMAT
                                  ",\n    \"organisation\": ",
                                  evt_participation_get_organisation_id (head));
          evt_cli_append_json_string (out, evt_participation_get_organisation_name (head));
          g_string_append_printf (out, ",\n    \"events\": %u,\n    \"participations\": [",
                                  count_events (parts, first, end));
          for (guint i = first; i < end; i++)
            {
              g_string_append (out, i > first ? ",\n" : "\n");
              append_member_event_json (out, g_ptr_array_index (parts, i));
            }
          g_string_append (out, "\n    ]\n  }");
        }
      g_string_append (out, parts->len > 0 ? "\n]\n" : "]\n");
    }
  else if (parts->len > 0)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      /* TRANSLATORS: column headings of `eventail org participations` */
      g_ptr_array_add (rows, table_row (7, _("EVENTS"), _("MEMBER"), _("DATE"), _("ROLE"),
                                        _("STATE"), _("PERSON"), _("EVENT")));
      for (guint first = 0; first < parts->len; first = group_end (parts, first))
        {
          guint end = group_end (parts, first);
          g_autofree char *n_events = g_strdup_printf ("%u", count_events (parts, first, end));

          for (guint i = first; i < end; i++)
            {
              EvtParticipation *part = g_ptr_array_index (parts, i);

              /* The organisation and its count on its first line only. */
              g_ptr_array_add (rows, table_row (7, i == first ? n_events : "",
                                                i == first
                                                ? evt_participation_get_organisation_name (part)
                                                : "",
                                                evt_participation_get_event_start (part),
                                                evt_role_to_string (
                                                  evt_participation_get_role (part)),
                                                evt_participation_state_to_string (
                                                  evt_participation_get_state (part)),
                                                evt_participation_get_person_name (part),
                                                evt_participation_get_event_title (part)));
            }
          n_orgs++;
        }
      append_table (out, rows, 7);
      g_string_append_c (out, '\n');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%u member organisation took part in events "
                                                "in %d\n",
                                                "%u member organisations took part in events "
                                                "in %d\n", n_orgs),
                              n_orgs, year);
    }
  else
    g_printerr (_("No member organisation took part in an event in %d\n"), year);

  if (!write_out (out, csv || json, &error))
    return evt_cli_report (command, error);
  return evt_cli_report (command, NULL);
}

static const Action org_actions[] = {
  { { "org import", N_("Import or update the member list from a CSV file"), org_import } },
  { { "org list", N_("List the organisations, as a table, CSV or JSON"), org_list } },
  { { "org add", N_("Add an organisation and print its id"), org_add } },
  { { "org edit", N_("Change an organisation: name, member, sector, city…"), org_edit } },
  { { "org remove", N_("Remove an organisation that took part in no event"), org_remove } },
  { { "org merge", N_("Merge a duplicate organisation into another"), org_merge } },
  { { "org participations", N_("Which member organisations took part in what, in a year"),
      org_participations } },
};

/**
 * evt_cli_org:
 * @command: the table entry of `org`
 * @argc: the number of arguments
 * @argv: the arguments, @argv[0] being "org", @argv[1] the action
 *
 * `eventail org import|list|add|edit|remove|merge|participations …`
 *
 * Returns: the exit status
 */
int
evt_cli_org (const EvtCliCommand  *command,
             int                   argc,
             char                **argv)
{
  return run_action (command, org_actions, G_N_ELEMENTS (org_actions),
                     N_("The organisations: member companies, partners, laboratories, schools "
                        "and institutions."), argc, argv);
}

/* --- person ---------------------------------------------------------------------------- */

static void
append_person_json (GString   *out,
                    EvtPerson *person)
{
  g_string_append_printf (out, "  {\n    \"id\": %" G_GINT64_FORMAT ",\n    \"name\": ",
                          evt_person_get_id (person));
  evt_cli_append_json_string (out, evt_person_get_name (person));
  g_string_append (out, ",\n    \"organisation_id\": ");
  append_json_id (out, evt_person_get_organisation_id (person));
  g_string_append (out, ",\n    \"organisation\": ");
  evt_cli_append_json_string (out, evt_person_get_organisation_name (person));
  g_string_append (out, ",\n    \"job_title\": ");
  evt_cli_append_json_string (out, evt_person_get_job_title (person));
  g_string_append (out, ",\n    \"email\": ");
  evt_cli_append_json_string (out, evt_person_get_email (person));
  g_string_append (out, ",\n    \"phone\": ");
  evt_cli_append_json_string (out, evt_person_get_phone (person));
  g_string_append_printf (out, ",\n    \"events\": %u\n  }", evt_person_get_n_events (person));
}

/* PERSON as typed: an id, a name, or "Name (Organisation)" as `participant list` shows
 * people, when several share a name. */
static EvtPerson *
lookup_person (EvtStore    *store,
               const char  *text,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(EvtOrganisation) org = NULL;
  g_autofree char *name = NULL;
  const char *open = NULL;
  EvtPerson *person;
  gsize length = strlen (text);

  person = evt_people_lookup_person (store, text, 0, &local_error);
  if (person != NULL || length < 4 || text[length - 1] != ')' ||
      g_error_matches (local_error, EVT_STORE_ERROR, local_error->code))
    {
      if (person == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return person;
    }

  for (const char *p = strstr (text, " ("); p != NULL; p = strstr (p + 1, " ("))
    open = p;
  if (open == NULL || open == text)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  name = g_strndup (text, open - text);
  {
    g_autofree char *org_name = g_strndup (open + 2, length - (open + 2 - text) - 1);

    g_clear_error (&local_error);
    org = evt_people_lookup_organisation (store, org_name, error);
  }
  if (org == NULL)
    return NULL;
  return evt_people_lookup_person (store, name, evt_organisation_get_id (org), error);
}

static int
person_list (const EvtCliCommand  *command,
             int                   argc,
             char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtOrganisation) org = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *search = NULL;
  g_autofree char *org_name = NULL;
  gboolean csv = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only the people whose name holds TEXT (case and accents ignored)"), N_("TEXT") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org_name,
      N_("Only the people of this organisation (an id or a name)"), N_("NAME") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write CSV (RFC 4180) with a header line"),
      NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write a JSON array of objects, one per person"), NULL },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, NULL,
                     N_("Lists the people, sorted by name, with their organisation and the "
                        "number of events they took part in (cancelled participations not "
                        "counted)."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 0, 0, &error) ||
      !check_one_format (csv, json, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);
  if (org_name != NULL)
    {
      org = evt_people_lookup_organisation (store, org_name, &error);
      if (org == NULL)
        return evt_cli_report (command, error);
    }
  people = evt_people_list_people (store, search, org != NULL ? evt_organisation_get_id (org) : 0,
                                   &error);
  if (people == NULL)
    return evt_cli_report (command, error);

  if (csv)
    {
      static const char * const header[] = {
        "id", "name", "organisation", "job_title", "email", "phone", "events",
      };

      append_csv_row (out, header, G_N_ELEMENTS (header));
      for (guint i = 0; i < people->len; i++)
        {
          EvtPerson *person = g_ptr_array_index (people, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, evt_person_get_id (person));
          g_autofree char *n_events = g_strdup_printf ("%u", evt_person_get_n_events (person));
          const char *fields[] = {
            id, evt_person_get_name (person), evt_person_get_organisation_name (person),
            evt_person_get_job_title (person), evt_person_get_email (person),
            evt_person_get_phone (person), n_events,
          };

          append_csv_row (out, fields, G_N_ELEMENTS (fields));
        }
    }
  else if (json)
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < people->len; i++)
        {
          g_string_append (out, i > 0 ? ",\n" : "\n");
          append_person_json (out, g_ptr_array_index (people, i));
        }
      g_string_append (out, people->len > 0 ? "\n]\n" : "]\n");
    }
  else if (people->len > 0)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      /* TRANSLATORS: column headings of `eventail person list` */
      g_ptr_array_add (rows, table_row (7, _("ID"), _("EVENTS"), _("ORGANISATION"),
                                        _("JOB TITLE"), _("EMAIL"), _("PHONE"), _("NAME")));
      for (guint i = 0; i < people->len; i++)
        {
          EvtPerson *person = g_ptr_array_index (people, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, evt_person_get_id (person));
          g_autofree char *n_events = g_strdup_printf ("%u", evt_person_get_n_events (person));

          g_ptr_array_add (rows, table_row (7, id, n_events,
                                            evt_person_get_organisation_name (person),
                                            evt_person_get_job_title (person),
                                            evt_person_get_email (person),
                                            evt_person_get_phone (person),
                                            evt_person_get_name (person)));
        }
      append_table (out, rows, 7);
    }
  else
    g_printerr (_("No people\n"));

  if (!write_out (out, csv || json, &error))
    return evt_cli_report (command, error);
  return evt_cli_report (command, NULL);
}

/* The options of `person add` and `person edit`. */
typedef struct
{
  char *name;
  char *org;
  char *job_title;
  char *email;
  char *phone;
} PersonOptions;

static void
person_options_clear (PersonOptions *options)
{
  g_clear_pointer (&options->name, g_free);
  g_clear_pointer (&options->org, g_free);
  g_clear_pointer (&options->job_title, g_free);
  g_clear_pointer (&options->email, g_free);
  g_clear_pointer (&options->phone, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PersonOptions, person_options_clear)

/* "" or "none" for --org: no organisation. */
static gboolean
is_none (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return stripped[0] == '\0' || g_ascii_strcasecmp (stripped, "none") == 0;
}

static int
run_person (const EvtCliCommand  *command,
            gboolean              edit,
            int                   argc,
            char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_auto(PersonOptions) options = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtPerson) person = NULL;
  g_autoptr(EvtOrganisation) org = NULL;
  const GOptionEntry add_entries[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, &options.org,
      N_("Their organisation (an id or a name), which must be in the directory"), N_("NAME") },
    { "job-title", 0, 0, G_OPTION_ARG_STRING, &options.job_title, N_("Their job title"),
      N_("TEXT") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &options.email, N_("Their e-mail address"),
      N_("ADDRESS") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &options.phone, N_("Their phone number"),
      N_("NUMBER") },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry edit_entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &options.name, N_("Their new name"), N_("NAME") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &options.org,
      N_("Their organisation (an id or a name); “none” for none"), N_("NAME") },
    { "job-title", 0, 0, G_OPTION_ARG_STRING, &options.job_title, N_("Their job title"),
      N_("TEXT") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &options.email, N_("Their e-mail address"),
      N_("ADDRESS") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &options.phone, N_("Their phone number"),
      N_("NUMBER") },
    G_OPTION_ENTRY_NULL
  };

  if (edit)
    evt_cli_args_init (&args, command, N_("PERSON"),
                       N_("Changes a person: PERSON is an id or a name, or “Name "
                          "(Organisation)” when several people share the name (see `eventail "
                          "person list`). Only the options given change; an empty text clears "
                          "a field."));
  else
    evt_cli_args_init (&args, command, N_("NAME"),
                       N_("Adds a person to the directory (a member of the staff, or someone "
                          "from an organisation) and prints their id."));
  evt_cli_args_add_entries (&args, edit ? edit_entries : add_entries);
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
    return evt_cli_report (command, error);
  if (edit && options.name == NULL && options.org == NULL && options.job_title == NULL &&
      options.email == NULL && options.phone == NULL)
    {
      usage_error (&error, _("nothing to change (expected --name, --org, --job-title, --email "
                             "or --phone)"));
      return evt_cli_report (command, error);
    }
  if (!edit && is_none (args.positional[0]))
    {
      usage_error (&error, _("NAME: a person needs a name"));
      return evt_cli_report (command, error);
    }

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  if (options.org != NULL && !(edit && is_none (options.org)))
    {
      org = evt_people_lookup_organisation (store, options.org, &error);
      if (org == NULL)
        return evt_cli_report (command, error);
    }

  if (edit)
    {
      person = lookup_person (store, args.positional[0], &error);
      if (person == NULL)
        return evt_cli_report (command, error);
      if (options.name != NULL)
        evt_person_set_name (person, options.name);
      if (options.org != NULL)
        evt_person_set_organisation_id (person, org != NULL ? evt_organisation_get_id (org) : 0);
    }
  else
    {
      g_autoptr(EvtPerson) same = NULL;
      g_autoptr(GError) lookup_error = NULL;

      /* Two people may share a name, but it is more often a duplicate. */
      same = evt_people_lookup_person (store, args.positional[0],
                                       org != NULL ? evt_organisation_get_id (org) : 0,
                                       &lookup_error);
      if (same != NULL || g_error_matches (lookup_error, EVT_PEOPLE_ERROR,
                                           EVT_PEOPLE_ERROR_AMBIGUOUS))
        evt_cli_warning (command, _("“%s” was already in the directory; if it is the same "
                                    "person, merge them with `eventail person merge`"),
                         args.positional[0]);

      person = evt_person_new (args.positional[0]);
      if (org != NULL)
        evt_person_set_organisation_id (person, evt_organisation_get_id (org));
    }
  if (options.job_title != NULL)
    evt_person_set_job_title (person, options.job_title);
  if (options.email != NULL)
    evt_person_set_email (person, options.email);
  if (options.phone != NULL)
    evt_person_set_phone (person, options.phone);

  if (!evt_people_save_person (store, person, &error))
    return evt_cli_report (command, error);

  if (!edit)
    g_print ("%" G_GINT64_FORMAT "\n", evt_person_get_id (person));
  return evt_cli_report (command, NULL);
}

static int
person_add (const EvtCliCommand  *command,
            int                   argc,
            char                **argv)
{
  return run_person (command, FALSE, argc, argv);
}

static int
person_edit (const EvtCliCommand  *command,
             int                   argc,
             char                **argv)
{
  return run_person (command, TRUE, argc, argv);
}

static int
person_remove (const EvtCliCommand  *command,
               int                   argc,
               char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtPerson) person = NULL;

  evt_cli_args_init (&args, command, N_("PERSON"),
                     N_("Removes a person from the directory: PERSON is an id, a name, or "
                        "“Name (Organisation)”. "
                        "Someone who took part in events is kept: remove their "
                        "participations first, or merge them into another person with "
                        "`eventail person merge`."));
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);
  person = lookup_person (store, args.positional[0], &error);
  if (person == NULL ||
      !evt_people_delete_person (store, evt_person_get_id (person), &error))
    return evt_cli_report (command, error);

  g_print (_("“%s” removed from the directory\n"), evt_person_get_name (person));
  return evt_cli_report (command, NULL);
}

static int
person_merge (const EvtCliCommand  *command,
              int                   argc,
              char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtPerson) keep = NULL;
  g_autoptr(EvtPerson) duplicate = NULL;

  evt_cli_args_init (&args, command, N_("KEPT DUPLICATE"),
                     N_("Merges the person DUPLICATE into KEPT (each an id, a name, or “Name "
                        "(Organisation)”): their "
                        "participations move to KEPT, who takes the fields they lack (job "
                        "title, e-mail, phone, organisation), then DUPLICATE is deleted."));
  if (!evt_cli_args_parse (&args, argc, argv, 2, 2, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  keep = lookup_person (store, args.positional[0], &error);
  if (keep != NULL)
    duplicate = lookup_person (store, args.positional[1], &error);
  if (duplicate == NULL ||
      !evt_people_merge_people (store, evt_person_get_id (keep), evt_person_get_id (duplicate),
                                &error))
    return evt_cli_report (command, error);

  g_print (_("“%s” merged into “%s”\n"), evt_person_get_name (duplicate),
           evt_person_get_name (keep));
  return evt_cli_report (command, NULL);
}

static const Action person_actions[] = {
  { { "person list", N_("List the people, as a table, CSV or JSON"), person_list } },
  { { "person add", N_("Add a person and print their id"), person_add } },
  { { "person edit", N_("Change a person: name, organisation, job title…"), person_edit } },
  { { "person remove", N_("Remove a person who took part in no event"), person_remove } },
  { { "person merge", N_("Merge a duplicate person into another"), person_merge } },
};

/**
 * evt_cli_person:
 * @command: the table entry of `person`
 * @argc: the number of arguments
 * @argv: the arguments, @argv[0] being "person", @argv[1] the action
 *
 * `eventail person list|add|edit|remove|merge …`
 *
 * Returns: the exit status
 */
int
evt_cli_person (const EvtCliCommand  *command,
                int                   argc,
                char                **argv)
{
  return run_action (command, person_actions, G_N_ELEMENTS (person_actions),
                     N_("The people: the cluster’s staff, and the people of the "
                        "organisations."), argc, argv);
}

/* --- participant ---------------------------------------------------------------------- */

static void
append_participation_json (GString          *out,
                           EvtParticipation *part)
{
  g_string_append_printf (out, "  {\n    \"id\": %" G_GINT64_FORMAT ",\n    \"event_id\": %"
                          G_GINT64_FORMAT ",\n    \"organisation_id\": ",
                          evt_participation_get_id (part), evt_participation_get_event_id (part));
  append_json_id (out, evt_participation_get_organisation_id (part));
  g_string_append (out, ",\n    \"organisation\": ");
  evt_cli_append_json_string (out, evt_participation_get_organisation_name (part));
  g_string_append (out, ",\n    \"person_id\": ");
  append_json_id (out, evt_participation_get_person_id (part));
  g_string_append (out, ",\n    \"person\": ");
  evt_cli_append_json_string (out, evt_participation_get_person_name (part));
  g_string_append_printf (out, ",\n    \"member\": %s,\n    \"role\": ",
                          evt_participation_get_member (part) ? "true" : "false");
  evt_cli_append_json_string (out, evt_role_to_string (evt_participation_get_role (part)));
  g_string_append (out, ",\n    \"state\": ");
  evt_cli_append_json_string (out, evt_participation_state_to_string (
                                     evt_participation_get_state (part)));
  g_string_append (out, ",\n    \"note\": ");
  evt_cli_append_json_string (out, evt_participation_get_note (part));
  g_string_append (out, "\n  }");
}

/* "2 attended": a count of participants in a state, with its plural. */
static char *
format_state_count (EvtParticipationState state,
                    guint                 n)
{
  /* TRANSLATORS: counts of participants by state, in `eventail participant list` and
   * `eventail outcome show`: "5 participants: 1 invited, 2 confirmed, 2 attended" */
  switch (state)
    {
    case EVT_PARTICIPATION_STATE_INVITED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u invited", "%u invited", n), n);
    case EVT_PARTICIPATION_STATE_REGISTERED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u registered", "%u registered",
                                           n), n);
    case EVT_PARTICIPATION_STATE_CONFIRMED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u confirmed", "%u confirmed", n),
                              n);
    case EVT_PARTICIPATION_STATE_ATTENDED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attended", "%u attended", n), n);
    case EVT_PARTICIPATION_STATE_NO_SHOW:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u no-show", "%u no-shows", n), n);
    case EVT_PARTICIPATION_STATE_CANCELLED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cancelled", "%u cancelled", n),
                              n);
    default:
      g_assert_not_reached ();
    }
}

/* "5 participants: 2 attended, 1 confirmed…" (cancelled ones included). */
static char *
format_counts (GPtrArray *parts)
{
  guint counts[EVT_N_PARTICIPATION_STATES] = { 0, };
  g_autoptr(GString) by_state = g_string_new (NULL);
  g_autofree char *total = NULL;

  for (guint i = 0; i < parts->len; i++)
    counts[evt_participation_get_state (g_ptr_array_index (parts, i))]++;

  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants",
                                        parts->len), parts->len);
  for (guint s = 0; s < EVT_N_PARTICIPATION_STATES; s++)
    {
      g_autofree char *count = NULL;

      if (counts[s] == 0)
        continue;
      count = format_state_count (s, counts[s]);
      if (by_state->len > 0)
        /* TRANSLATORS: between two counts of participants by state: "2 attended, 1
         * confirmed" */
        g_string_append (by_state, _(", "));
      g_string_append (by_state, count);
    }
  if (by_state->len == 0)
    return g_steal_pointer (&total);
  /* TRANSLATORS: the number of participants, then their counts by state: "5
   * participants: 2 attended, 1 confirmed" */
  return g_strdup_printf (C_("participant counts", "%s: %s"), total, by_state->str);
}

static int
participant_list (const EvtCliCommand  *command,
                  int                   argc,
                  char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *role_text = NULL;
  gboolean csv = FALSE;
  gboolean json = FALSE;
  EvtRole role = EVT_ROLE_STAFF;
  const GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("Only the participants in ROLE"),
      N_("ROLE") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write CSV (RFC 4180) with a header line"),
      NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write a JSON array of objects, one per participant"), NULL },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, N_("EVENT"),
                     N_("Lists who takes part in the event, by role then name, and counts "
                        "them by state. EVENT is an id or a uid."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error) ||
      !check_one_format (csv, json, &error) ||
      (role_text != NULL && !parse_role (role_text, &role, &error)))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);
  event = evt_cli_lookup_event (store, args.positional[0], &error);
  if (event == NULL)
    return evt_cli_report (command, error);
  parts = evt_people_list_participations (store, evt_event_get_id (event),
                                          role_text != NULL ? (int) role : -1, &error);
  if (parts == NULL)
    return evt_cli_report (command, error);

  if (csv)
    {
      static const char * const header[] = {
        "id", "role", "state", "organisation", "person", "member", "note",
      };

      append_csv_row (out, header, G_N_ELEMENTS (header));
      for (guint i = 0; i < parts->len; i++)
        {
          EvtParticipation *part = g_ptr_array_index (parts, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 evt_participation_get_id (part));
          const char *fields[] = {
            id, evt_role_to_string (evt_participation_get_role (part)),
            evt_participation_state_to_string (evt_participation_get_state (part)),
            evt_participation_get_organisation_name (part),
            evt_participation_get_person_name (part),
            evt_participation_get_member (part) ? "yes" : "no",
            evt_participation_get_note (part),
          };

          append_csv_row (out, fields, G_N_ELEMENTS (fields));
        }
    }
  else if (json)
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < parts->len; i++)
        {
          g_string_append (out, i > 0 ? ",\n" : "\n");
          append_participation_json (out, g_ptr_array_index (parts, i));
        }
      g_string_append (out, parts->len > 0 ? "\n]\n" : "]\n");
    }
  else if (parts->len > 0)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_autofree char *counts = format_counts (parts);

      /* TRANSLATORS: column headings of `eventail participant list` */
      g_ptr_array_add (rows, table_row (5, _("ID"), _("ROLE"), _("STATE"), _("MEMBER"),
                                        _("PARTICIPANT")));
      for (guint i = 0; i < parts->len; i++)
        {
          EvtParticipation *part = g_ptr_array_index (parts, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 evt_participation_get_id (part));
          g_autofree char *name = evt_participation_dup_display_name (part);

          g_ptr_array_add (rows, table_row (5, id,
                                            evt_role_to_string (evt_participation_get_role (part)),
                                            evt_participation_state_to_string (
                                              evt_participation_get_state (part)),
                                            evt_participation_get_member (part) ? _("yes") : "",
                                            name));
        }
      append_table (out, rows, 5);
      g_string_append_printf (out, "\n%s\n", counts);
    }
  else
    g_printerr (_("No participants\n"));

  if (!write_out (out, csv || json, &error))
    return evt_cli_report (command, error);
  return evt_cli_report (command, NULL);
}

static int
participant_add (const EvtCliCommand  *command,
                 int                   argc,
                 char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtOrganisation) org = NULL;
  g_autoptr(EvtPerson) person = NULL;
  g_autoptr(EvtParticipation) part = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *person_name = NULL;
  g_autofree char *role_text = NULL;
  g_autofree char *state_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *who = NULL;
  EvtRole role = EVT_ROLE_EXHIBITOR;
  EvtParticipationState state = EVT_PARTICIPATION_STATE_INVITED;
  gboolean person_added = FALSE;
  gboolean added = FALSE;
  const GOptionEntry entries[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, &org_name,
      N_("The organisation taking part (an id or a name), or the one the person represents"),
      N_("NAME") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person_name,
      N_("The person taking part (an id or a name); added to the people if new"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text,
      N_("staff, exhibitor, co-exhibitor, speaker, visitor or co-organiser"), N_("ROLE") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state_text,
      N_("invited, registered, confirmed, attended, no-show or cancelled"), N_("STATE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note on the participation"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, N_("EVENT"),
                     N_("Adds an organisation (--org) or a person (--person, with --org for "
                        "the organisation they represent) to the event. Someone who already "
                        "takes part gets the new role and state: that is how a state changes. "
                        "The organisation must be in the directory (`eventail org list`); a "
                        "person who is not is added to it."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error) ||
      !parse_role (role_text, &role, &error) ||
      !parse_state (state_text, &state, &error))
    return evt_cli_report (command, error);
  if (org_name == NULL && person_name == NULL)
    {
      usage_error (&error, _("--org or --person is missing: who takes part?"));
      return evt_cli_report (command, error);
    }

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);
  event = evt_cli_lookup_event (store, args.positional[0], &error);
  if (event == NULL)
    return evt_cli_report (command, error);

  if (org_name != NULL)
    {
      org = evt_people_lookup_organisation (store, org_name, &error);
      if (org == NULL)
        return evt_cli_report (command, error);
    }

  /* The new person and their participation: both or neither. */
  if (!evt_store_begin (store, &error))
    return evt_cli_report (command, error);

  if (person_name != NULL)
    {
      g_autoptr(GError) lookup_error = NULL;

      person = evt_people_lookup_person (store, person_name,
                                         org != NULL ? evt_organisation_get_id (org) : 0,
                                         &lookup_error);
      if (person == NULL && !g_error_matches (lookup_error, EVT_PEOPLE_ERROR,
                                              EVT_PEOPLE_ERROR_NOT_FOUND))
        {
          evt_store_rollback (store);
          return evt_cli_report (command, lookup_error);
        }
      if (person == NULL)
        {
          person = evt_person_new (person_name);
          if (org != NULL)
            evt_person_set_organisation_id (person, evt_organisation_get_id (org));
          if (!evt_people_save_person (store, person, &error))
            {
              evt_store_rollback (store);
              return evt_cli_report (command, error);
            }
          person_added = TRUE;
        }
    }

  part = evt_participation_new (evt_event_get_id (event));
  if (org != NULL)
    evt_participation_set_organisation_id (part, evt_organisation_get_id (org));
  if (person != NULL)
    evt_participation_set_person_id (part, evt_person_get_id (person));
  evt_participation_set_role (part, role);
  evt_participation_set_state (part, state);
  if (note != NULL)
    evt_participation_set_note (part, note);
  else
    {
      /* Changing the state of someone already there keeps their note. */
      gint64 org_id = org != NULL ? evt_organisation_get_id (org) : 0;
      g_autoptr(EvtParticipation) existing = NULL;

      if (org_id == 0 && person != NULL)
        org_id = evt_person_get_organisation_id (person);
      existing = evt_people_find_participation (store, evt_event_get_id (event), org_id,
                                                person != NULL ? evt_person_get_id (person) : 0,
                                                NULL);
      if (existing != NULL)
        evt_participation_set_note (part, evt_participation_get_note (existing));
    }

  if (!evt_people_save_participation (store, part, &added, &error))
    {
      evt_store_rollback (store);
      return evt_cli_report (command, error);
    }
  if (!evt_store_commit (store, &error))
    return evt_cli_report (command, error);

  who = evt_participation_dup_display_name (part);
  if (person_added)
    g_print (_("“%s” added to the people\n"), evt_person_get_name (person));
  if (added)
    g_print (_("%s takes part in “%s” as %s (%s)\n"), who, evt_event_get_title (event),
             evt_role_to_string (role), evt_participation_state_to_string (state));
  else
    g_print (_("%s: now %s (%s) in “%s”\n"), who, evt_role_to_string (role),
             evt_participation_state_to_string (state), evt_event_get_title (event));

  return evt_cli_report (command, NULL);
}

static int
participant_remove (const EvtCliCommand  *command,
                    int                   argc,
                    char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtOrganisation) org = NULL;
  g_autoptr(EvtPerson) person = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *person_name = NULL;
  g_autofree char *who = NULL;
  gint64 id = 0;
  EvtParticipation *found = NULL;
  const GOptionEntry entries[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, &org_name, N_("The organisation (an id or a name)"),
      N_("NAME") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person_name, N_("The person (an id or a name)"),
      N_("NAME") },
    { "id", 0, 0, G_OPTION_ARG_INT64, &id,
      N_("The participation, by the id that `eventail participant list` shows"), N_("ID") },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, N_("EVENT"),
                     N_("Removes a participant from the event: an organisation (--org), a "
                        "person (--person, with --org if they are listed with it) or a "
                        "participation by --id. To keep a trace that someone withdrew, set "
                        "their state to cancelled with `participant add` instead."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
    return evt_cli_report (command, error);
  if (org_name == NULL && person_name == NULL && id == 0)
    {
      usage_error (&error, _("--org, --person or --id is missing: who is to be removed?"));
      return evt_cli_report (command, error);
    }
  if (id != 0 && (org_name != NULL || person_name != NULL))
    {
      usage_error (&error, _("--id: give it alone, without --org or --person"));
      return evt_cli_report (command, error);
    }

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);
  event = evt_cli_lookup_event (store, args.positional[0], &error);
  if (event == NULL)
    return evt_cli_report (command, error);

  if (org_name != NULL)
    {
      org = evt_people_lookup_organisation (store, org_name, &error);
      if (org == NULL)
        return evt_cli_report (command, error);
    }
  if (person_name != NULL)
    {
      person = evt_people_lookup_person (store, person_name, 0, &error);
      if (person == NULL)
        return evt_cli_report (command, error);
    }

  parts = evt_people_list_participations (store, evt_event_get_id (event), -1, &error);
  if (parts == NULL)
    return evt_cli_report (command, error);

  for (guint i = 0; found == NULL && i < parts->len; i++)
    {
      EvtParticipation *part = g_ptr_array_index (parts, i);

      if (id != 0)
        {
          if (evt_participation_get_id (part) == id)
            found = part;
          continue;
        }
      if (person != NULL && evt_participation_get_person_id (part) != evt_person_get_id (person))
        continue;
      if (person == NULL && evt_participation_get_person_id (part) != 0)
        continue;
      if (org != NULL &&
          evt_participation_get_organisation_id (part) != evt_organisation_get_id (org))
        continue;
      found = part;
    }

  if (found == NULL)
    {
      g_set_error (&error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                   _("No such participant in “%s” (see `eventail participant list %s`)"),
                   evt_event_get_title (event), args.positional[0]);
      return evt_cli_report (command, error);
    }

  if (!evt_people_remove_participation (store, evt_participation_get_id (found), &error))
    return evt_cli_report (command, error);

  who = evt_participation_dup_display_name (found);
  g_print (_("%s removed from “%s”\n"), who, evt_event_get_title (event));
  return evt_cli_report (command, NULL);
}

static const Action participant_actions[] = {
  { { "participant add", N_("Add a participant to an event, or change its role and state"),
      participant_add } },
  { { "participant list", N_("List the participants of an event, as a table, CSV or JSON"),
      participant_list } },
  { { "participant remove", N_("Remove a participant from an event"), participant_remove } },
};

/**
 * evt_cli_participant:
 * @command: the table entry of `participant`
 * @argc: the number of arguments
 * @argv: the arguments, @argv[0] being "participant", @argv[1] the action
 *
 * `eventail participant add|list|remove …`
 *
 * Returns: the exit status
 */
int
evt_cli_participant (const EvtCliCommand  *command,
                     int                   argc,
                     char                **argv)
{
  return run_action (command, participant_actions, G_N_ELEMENTS (participant_actions),
                     N_("Who takes part in an event: staff, exhibitors on the shared stand, "
                        "co-exhibitors, speakers, visitors and co-organisers, each invited, "
                        "registered, confirmed, attended, no-show or cancelled."), argc, argv);
}

/* --- outcome ----------------------------------------------------------------------------- */

static char *
format_count (int count)
{
  return count >= 0 ? g_strdup_printf ("%d", count) : NULL;
}

static void
append_outcome_text (GString     *out,
                     EvtEvent    *event,
                     EvtOutcome  *outcome,
                     GPtrArray   *leads,
                     GPtrArray   *parts)
{
  const char *labels[] = {
    /* TRANSLATORS: labels of `eventail outcome show`, aligned by the program */
    N_("Event"), N_("Participants"), N_("Contacts"), N_("Leads"), N_("Meetings"),
    N_("Projects"), N_("Press"), N_("Satisfaction"), N_("Notes"), N_("Costs"),
  };
  guint lead_counts[EVT_N_LEAD_STATES] = { 0, };
  g_autofree char *title = g_strdup_printf ("%s (%" G_GINT64_FORMAT ")",
                                            evt_event_get_title (event), evt_event_get_id (event));
  g_autofree char *participants = format_counts (parts);
  g_autofree char *contacts = format_count (evt_outcome_get_contacts (outcome));
  g_autofree char *meetings = format_count (evt_outcome_get_meetings (outcome));
  g_autofree char *press = format_count (evt_outcome_get_press (outcome));
  g_autofree char *leads_text = NULL;
  g_autofree char *projects = NULL;
  g_autofree char *satisfaction = NULL;
  const char * const *names = evt_outcome_get_project_names (outcome);
  gint64 total = evt_outcome_get_total_cost (outcome);
  gint64 budget = evt_event_get_budget_cents (event);
  guint width = 0;
  guint l = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    width = MAX (width, label_width (_(labels[i])));
  /* The cost lines are indented by two spaces under "Costs". */
  for (guint c = 0; c < EVT_N_COST_CATEGORIES; c++)
    width = MAX (width, 2 + label_width (evt_cost_category_get_label (c)));
  width = MAX (width, 2 + label_width (_("Total")));
  width = MAX (width, 2 + label_width (_("Planned budget")));

  for (guint i = 0; i < leads->len; i++)
    lead_counts[evt_lead_get_state (g_ptr_array_index (leads, i))]++;
  if (evt_outcome_get_n_leads (outcome) >= 0)
    /* TRANSLATORS: the leads of `eventail outcome show`: how many, then how many of
     * those recorded are in each state: "6 (open: 3, won: 2, lost: 1)" */
    leads_text = g_strdup_printf (_("%d (open: %u, won: %u, lost: %u)"),
                                  evt_outcome_get_n_leads (outcome),
                                  lead_counts[EVT_LEAD_STATE_OPEN],
                                  lead_counts[EVT_LEAD_STATE_WON],
                                  lead_counts[EVT_LEAD_STATE_LOST]);
  if (evt_outcome_get_n_projects (outcome) >= 0)
    {
      projects = g_strdup_printf ("%d", evt_outcome_get_n_projects (outcome));
      if (names != NULL)
        {
          g_autofree char *joined = g_strjoinv ("; ", (char **) names);
          /* TRANSLATORS: the number of projects, then their names: "2: FabAdd; Micro3D" */
          char *with_names = g_strdup_printf (C_("projects", "%s: %s"), projects, joined);

          g_free (projects);
          projects = with_names;
        }
    }
  if (evt_outcome_get_satisfaction (outcome) > 0)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      satisfaction = g_strdup_printf (_("%s / 5"),
                                      g_ascii_formatd (buf, sizeof buf, "%.2g",
                                                       evt_outcome_get_satisfaction (outcome)));
    }

  append_field (out, width, _(labels[l++]), title);
  append_field (out, width, _(labels[l++]), participants);
  append_field (out, width, _(labels[l++]), contacts);
  append_field (out, width, _(labels[l++]), leads_text);
  append_field (out, width, _(labels[l++]), meetings);
  append_field (out, width, _(labels[l++]), projects);
  append_field (out, width, _(labels[l++]), press);
  append_field (out, width, _(labels[l++]), satisfaction);
  append_field (out, width, _(labels[l++]), evt_outcome_get_notes (outcome));
  append_field (out, width, _(labels[l++]), NULL);
  g_assert (l == G_N_ELEMENTS (labels));

  for (guint c = 0; c < EVT_N_COST_CATEGORIES; c++)
    {
      gint64 cents = evt_outcome_get_cost (outcome, c);
      g_autofree char *label = g_strdup_printf ("  %s", evt_cost_category_get_label (c));
      g_autofree char *value = cents >= 0 ? evt_money_format (cents) : NULL;

      append_field (out, width, label, value);
    }
  {
    g_autofree char *label = g_strdup_printf ("  %s", _("Total"));
    g_autofree char *value = total >= 0 ? evt_money_format (total) : NULL;

    append_field (out, width, label, value);
  }
  {
    g_autofree char *label = g_strdup_printf ("  %s", _("Planned budget"));
    g_autofree char *value = NULL;

    if (budget >= 0)
      {
        g_autofree char *amount = evt_money_format (budget);
        g_autofree char *difference = evt_money_format (ABS (budget - MAX (total, 0)));

        /* Translators: the planned budget, then how much of it the costs overrun or
         * leave: "6 000 € (2 079,50 € left)" */
        if (total > budget)
          value = g_strdup_printf (_("%s (%s over)"), amount, difference);
        else
          value = g_strdup_printf (_("%s (%s left)"), amount, difference);
      }
    append_field (out, width, label, value);
  }
}

static void
append_outcome_json (GString    *out,
                     EvtEvent   *event,
                     EvtOutcome *outcome,
                     GPtrArray  *leads,
                     GPtrArray  *parts)
{
  const char * const *names = evt_outcome_get_project_names (outcome);
  guint counts[EVT_N_PARTICIPATION_STATES] = { 0, };

  for (guint i = 0; i < parts->len; i++)
    counts[evt_participation_get_state (g_ptr_array_index (parts, i))]++;

  g_string_append_printf (out, "{\n  \"event_id\": %" G_GINT64_FORMAT ",\n  \"uid\": ",
                          evt_event_get_id (event));
  evt_cli_append_json_string (out, evt_event_get_uid (event));
  g_string_append (out, ",\n  \"title\": ");
  evt_cli_append_json_string (out, evt_event_get_title (event));
  g_string_append (out, ",\n  \"participants\": {");
  for (guint s = 0; s < EVT_N_PARTICIPATION_STATES; s++)
    g_string_append_printf (out, "%s\"%s\": %u", s > 0 ? ", " : "",
                            evt_participation_state_to_string (s), counts[s]);
  g_string_append (out, "},\n  \"contacts\": ");
  append_json_count (out, evt_outcome_get_contacts (outcome));
  g_string_append (out, ",\n  \"leads\": ");
  append_json_count (out, evt_outcome_get_n_leads (outcome));
  g_string_append_printf (out, ",\n  \"leads_recorded\": %u,\n  \"meetings\": ", leads->len);
  append_json_count (out, evt_outcome_get_meetings (outcome));
  g_string_append (out, ",\n  \"projects\": ");
  append_json_count (out, evt_outcome_get_n_projects (outcome));
  g_string_append (out, ",\n  \"project_names\": [");
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      evt_cli_append_json_string (out, names[i]);
    }
  g_string_append (out, "],\n  \"press\": ");
  append_json_count (out, evt_outcome_get_press (outcome));
  g_string_append (out, ",\n  \"satisfaction\": ");
  if (evt_outcome_get_satisfaction (outcome) > 0)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_dtostr (buf, sizeof buf,
                                            evt_outcome_get_satisfaction (outcome)));
    }
  else
    g_string_append (out, "null");
  g_string_append (out, ",\n  \"notes\": ");
  evt_cli_append_json_string (out, evt_outcome_get_notes (outcome));
  g_string_append (out, ",\n  \"costs\": {");
  for (guint c = 0; c < EVT_N_COST_CATEGORIES; c++)
    {
      g_string_append_printf (out, "%s\"%s\": ", c > 0 ? ", " : "",
                              evt_cost_category_to_string (c));
      append_json_euros (out, evt_outcome_get_cost (outcome, c));
    }
  g_string_append (out, "},\n  \"total_cost\": ");
  append_json_euros (out, evt_outcome_get_total_cost (outcome));
  g_string_append (out, ",\n  \"budget\": ");
  append_json_euros (out, evt_event_get_budget_cents (event));
  g_string_append (out, "\n}\n");
}

static int
outcome_show (const EvtCliCommand  *command,
              int                   argc,
              char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtOutcome) outcome = NULL;
  g_autoptr(GPtrArray) leads = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write a JSON object (amounts in euros, null when not entered)"), NULL },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, N_("EVENT"),
                     N_("Shows what came out of the event and what it cost against its "
                        "planned budget. A count left empty was not entered (it is not "
                        "zero). EVENT is an id or a uid."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);
  event = evt_cli_lookup_event (store, args.positional[0], &error);
  if (event == NULL)
    return evt_cli_report (command, error);

  outcome = evt_people_get_outcome (store, evt_event_get_id (event), &error);
  if (outcome != NULL)
    leads = evt_people_list_leads (store, evt_event_get_id (event), &error);
  if (leads != NULL)
    parts = evt_people_list_participations (store, evt_event_get_id (event), -1, &error);
  if (parts == NULL)
    return evt_cli_report (command, error);

  if (json)
    append_outcome_json (out, event, outcome, leads, parts);
  else
    append_outcome_text (out, event, outcome, leads, parts);

  if (!write_out (out, json, &error))
    return evt_cli_report (command, error);
  return evt_cli_report (command, NULL);
}

/* Reads the --cost options into @cents, setting @given for the categories named. */
static gboolean
parse_costs (char       **costs,
             gint64      *cents,
             gboolean    *given,
             GError     **error)
{
  for (guint i = 0; costs != NULL && costs[i] != NULL; i++)
    {
      const char *equal = strchr (costs[i], '=');
      g_autofree char *name = NULL;
      g_autofree char *ids = NULL;
      EvtCostCategory category;

      if (equal == NULL)
        return usage_error (error, _("--cost: “%s” is not CATEGORY=AMOUNT (e.g. "
                                     "stand=3500)"), costs[i]);

      name = g_strstrip (g_strndup (costs[i], equal - costs[i]));
      if (!evt_cost_category_from_string (name, &category))
        {
          ids = LIST_IDS (evt_cost_category, EVT_N_COST_CATEGORIES);
          return usage_error (error, _("--cost: “%s” is not a cost category (expected one "
                                       "of: %s)"), name, ids);
        }

      given[category] = TRUE;
      cents[category] = -1;
      if (equal[1] != '\0' && g_ascii_strcasecmp (equal + 1, "none") != 0 &&
          (!evt_money_parse (equal + 1, &cents[category]) || cents[category] < 0))
        return usage_error (error, _("--cost: “%s” is not an amount in euros (expected e.g. "
                                     "1500, 1500.50 or 1 500,50; “none” clears it)"),
                            equal + 1);
    }
  return TRUE;
}

static int
outcome_set (const EvtCliCommand  *command,
             int                   argc,
             char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtOutcome) outcome = NULL;
  g_autofree char *contacts = NULL;
  g_autofree char *leads = NULL;
  g_autofree char *meetings = NULL;
  g_autofree char *projects = NULL;
  g_autofree char *press = NULL;
  g_autofree char *satisfaction = NULL;
  g_autofree char *notes = NULL;
  g_auto(GStrv) costs = NULL;
  g_auto(GStrv) project_names = NULL;
  int contacts_value = -2, leads_value = -2, meetings_value = -2, projects_value = -2;
  int press_value = -2;
  double satisfaction_value = -1;
  gint64 cost_cents[EVT_N_COST_CATEGORIES];
  gboolean cost_given[EVT_N_COST_CATEGORIES] = { FALSE, };
  const GOptionEntry entries[] = {
    { "contacts", 0, 0, G_OPTION_ARG_STRING, &contacts, N_("Contacts made at the stand"),
      N_("N") },
    { "leads", 0, 0, G_OPTION_ARG_STRING, &leads,
      N_("Business leads (more may be recorded with `outcome add-lead`)"), N_("N") },
    { "meetings", 0, 0, G_OPTION_ARG_STRING, &meetings, N_("Meetings held"), N_("N") },
    { "projects", 0, 0, G_OPTION_ARG_STRING, &projects,
      N_("Collaborative projects started"), N_("N") },
    { "project", 0, 0, G_OPTION_ARG_STRING_ARRAY, &project_names,
      N_("The name of a project started (repeat it; replaces the names)"), N_("NAME") },
    { "press", 0, 0, G_OPTION_ARG_STRING, &press, N_("Press articles and mentions"),
      N_("N") },
    { "satisfaction", 0, 0, G_OPTION_ARG_STRING, &satisfaction,
      N_("Satisfaction, from 1 to 5 (e.g. 4.5)"), N_("X") },
    { "cost", 0, 0, G_OPTION_ARG_STRING_ARRAY, &costs,
      N_("An actual cost in euros: stand, travel, accommodation, communication or other "
         "(repeat it)"), N_("CATEGORY=AMOUNT") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Notes on the outcome"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, N_("EVENT"),
                     N_("Records what came out of the event and what it cost. Only the "
                        "options given change; “none” clears a value (not counted is not "
                        "zero). Amounts are in euros: 3500, 3500.50 or 3 500,50."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error) ||
      !parse_count ("--contacts", contacts, &contacts_value, &error) ||
      !parse_count ("--leads", leads, &leads_value, &error) ||
      !parse_count ("--meetings", meetings, &meetings_value, &error) ||
      !parse_count ("--projects", projects, &projects_value, &error) ||
      !parse_count ("--press", press, &press_value, &error) ||
      !parse_satisfaction (satisfaction, &satisfaction_value, &error) ||
      !parse_costs (costs, cost_cents, cost_given, &error))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);
  event = evt_cli_lookup_event (store, args.positional[0], &error);
  if (event == NULL)
    return evt_cli_report (command, error);
  outcome = evt_people_get_outcome (store, evt_event_get_id (event), &error);
  if (outcome == NULL)
    return evt_cli_report (command, error);

  if (contacts != NULL)
    evt_outcome_set_contacts (outcome, contacts_value);
  if (leads != NULL)
    evt_outcome_set_leads (outcome, leads_value);
  if (meetings != NULL)
    evt_outcome_set_meetings (outcome, meetings_value);
  if (projects != NULL)
    evt_outcome_set_projects (outcome, projects_value);
  if (press != NULL)
    evt_outcome_set_press (outcome, press_value);
  if (satisfaction != NULL)
    evt_outcome_set_satisfaction (outcome, satisfaction_value);
  if (notes != NULL)
    evt_outcome_set_notes (outcome, notes);
  if (project_names != NULL)
    evt_outcome_set_project_names (outcome, (const char * const *) project_names);
  for (guint c = 0; c < EVT_N_COST_CATEGORIES; c++)
    if (cost_given[c])
      evt_outcome_set_cost (outcome, c, cost_cents[c]);

  if (!evt_people_save_outcome (store, outcome, &error))
    return evt_cli_report (command, error);

  return evt_cli_report (command, NULL);
}

static gboolean
parse_lead_state (const char    *text,
                  EvtLeadState  *state,
                  GError       **error)
{
  g_autofree char *ids = NULL;

  if (text == NULL || evt_lead_state_from_string (text, state))
    return TRUE;
  ids = LIST_IDS (evt_lead_state, EVT_N_LEAD_STATES);
  return usage_error (error, _("--state: “%s” is not a lead state (expected one of: %s)"),
                      text, ids);
}

/* The options of `outcome add-lead` and `outcome edit-lead`. */
typedef struct
{
  char *org;
  char *contact;
  char *subject;
  char *next_step;
  char *follow_up;
  char *state;
} LeadOptions;

static void
lead_options_clear (LeadOptions *options)
{
  g_clear_pointer (&options->org, g_free);
  g_clear_pointer (&options->contact, g_free);
  g_clear_pointer (&options->subject, g_free);
  g_clear_pointer (&options->next_step, g_free);
  g_clear_pointer (&options->follow_up, g_free);
  g_clear_pointer (&options->state, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LeadOptions, lead_options_clear)

static int
run_lead (const EvtCliCommand  *command,
          gboolean              edit,
          int                   argc,
          char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_auto(LeadOptions) options = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(EvtEvent) event = NULL;
  g_autoptr(EvtLead) lead = NULL;
  EvtLeadState state = EVT_LEAD_STATE_OPEN;
  GDate day;
  const GOptionEntry entries[] = {
    { "subject", 0, 0, G_OPTION_ARG_STRING, &options.subject, N_("What it is about"),
      N_("TEXT") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &options.org,
      N_("The organisation: linked if it is in the directory, else kept as typed"),
      N_("NAME") },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &options.contact, N_("Who to talk to"),
      N_("NAME") },
    { "next-step", 0, 0, G_OPTION_ARG_STRING, &options.next_step, N_("What to do next"),
      N_("TEXT") },
    { "follow-up", 0, 0, G_OPTION_ARG_STRING, &options.follow_up,
      N_("The day to follow up (“none” clears it)"), N_("YYYY-MM-DD") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &options.state, N_("open, won or lost"),
      N_("STATE") },
    G_OPTION_ENTRY_NULL
  };

  if (edit)
    evt_cli_args_init (&args, command, N_("LEAD"),
                       N_("Changes a lead: LEAD is the id that `eventail followups` or "
                          "`eventail outcome show --json` give. Only the options given "
                          "change; an empty text clears a field."));
  else
    evt_cli_args_init (&args, command, N_("EVENT"),
                       N_("Records a business lead met at the event, with the day to follow "
                          "it up, and prints its id. `eventail followups` lists the leads "
                          "whose day has come."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 1, 1, &error) ||
      !parse_lead_state (options.state, &state, &error) ||
      (options.follow_up != NULL && g_ascii_strcasecmp (options.follow_up, "none") != 0 &&
       !parse_day ("--follow-up", options.follow_up, &day, &error)))
    return evt_cli_report (command, error);
  if (!edit && options.subject == NULL && options.org == NULL && options.contact == NULL)
    {
      usage_error (&error, _("--subject, --org or --contact is missing: what is the lead?"));
      return evt_cli_report (command, error);
    }

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);

  if (edit)
    {
      guint64 id = 0;

      if (!g_ascii_string_to_unsigned (args.positional[0], 10, 1, G_MAXINT64, &id, NULL))
        {
          usage_error (&error, _("LEAD: “%s” is not a lead id (expected a number)"),
                       args.positional[0]);
          return evt_cli_report (command, error);
        }
      lead = evt_people_get_lead (store, (gint64) id, &error);
      if (lead == NULL)
        return evt_cli_report (command, error);
    }
  else
    {
      event = evt_cli_lookup_event (store, args.positional[0], &error);
      if (event == NULL)
        return evt_cli_report (command, error);
      lead = evt_lead_new (evt_event_get_id (event));
    }

  if (options.org != NULL)
    {
      g_autoptr(EvtOrganisation) org = NULL;
      g_autoptr(GError) lookup_error = NULL;

      org = evt_people_lookup_organisation (store, options.org, &lookup_error);
      if (org == NULL && !g_error_matches (lookup_error, EVT_PEOPLE_ERROR,
                                           EVT_PEOPLE_ERROR_NOT_FOUND))
        return evt_cli_report (command, lookup_error);
      evt_lead_set_organisation_id (lead, org != NULL ? evt_organisation_get_id (org) : 0);
      evt_lead_set_organisation_name (lead, org != NULL ? evt_organisation_get_name (org)
                                                        : options.org);
    }
  if (options.contact != NULL)
    evt_lead_set_contact (lead, options.contact);
  if (options.subject != NULL)
    evt_lead_set_subject (lead, options.subject);
  if (options.next_step != NULL)
    evt_lead_set_next_step (lead, options.next_step);
  if (options.follow_up != NULL)
    evt_lead_set_follow_up (lead, g_ascii_strcasecmp (options.follow_up, "none") != 0
                                  ? options.follow_up : NULL);
  if (options.state != NULL)
    evt_lead_set_state (lead, state);

  if (!evt_people_save_lead (store, lead, &error))
    return evt_cli_report (command, error);

  if (!edit)
    g_print ("%" G_GINT64_FORMAT "\n", evt_lead_get_id (lead));
  return evt_cli_report (command, NULL);
}

static int
outcome_add_lead (const EvtCliCommand  *command,
                  int                   argc,
                  char                **argv)
{
  return run_lead (command, FALSE, argc, argv);
}

static int
outcome_edit_lead (const EvtCliCommand  *command,
                   int                   argc,
                   char                **argv)
{
  return run_lead (command, TRUE, argc, argv);
}

static const Action outcome_actions[] = {
  { { "outcome set", N_("Record what came out of an event and what it cost"), outcome_set } },
  { { "outcome show", N_("Show the outcome of an event, as text or JSON"), outcome_show } },
  { { "outcome add-lead", N_("Record a business lead met at an event"), outcome_add_lead } },
  { { "outcome edit-lead", N_("Change a lead: its state, follow-up day, next step…"),
      outcome_edit_lead } },
};

/**
 * evt_cli_outcome:
 * @command: the table entry of `outcome`
 * @argc: the number of arguments
 * @argv: the arguments, @argv[0] being "outcome", @argv[1] the action
 *
 * `eventail outcome set|show|add-lead|edit-lead …`
 *
 * Returns: the exit status
 */
int
evt_cli_outcome (const EvtCliCommand  *command,
                 int                   argc,
                 char                **argv)
{
  return run_action (command, outcome_actions, G_N_ELEMENTS (outcome_actions),
                     N_("What came out of an event: contacts, leads and their follow-up, "
                        "meetings, projects started, press, satisfaction, and the actual "
                        "costs against the planned budget."), argc, argv);
}

/* --- followups ------------------------------------------------------------------------------ */

static void
append_lead_json (GString *out,
                  EvtLead *lead)
{
  g_string_append_printf (out, "  {\n    \"id\": %" G_GINT64_FORMAT ",\n    \"event_id\": %"
                          G_GINT64_FORMAT ",\n    \"event\": ",
                          evt_lead_get_id (lead), evt_lead_get_event_id (lead));
  evt_cli_append_json_string (out, evt_lead_get_event_title (lead));
  g_string_append (out, ",\n    \"organisation_id\": ");
  append_json_id (out, evt_lead_get_organisation_id (lead));
  g_string_append (out, ",\n    \"organisation\": ");
  evt_cli_append_json_string (out, evt_lead_get_organisation_name (lead));
  g_string_append (out, ",\n    \"contact\": ");
  evt_cli_append_json_string (out, evt_lead_get_contact (lead));
  g_string_append (out, ",\n    \"subject\": ");
  evt_cli_append_json_string (out, evt_lead_get_subject (lead));
  g_string_append (out, ",\n    \"next_step\": ");
  evt_cli_append_json_string (out, evt_lead_get_next_step (lead));
  g_string_append (out, ",\n    \"follow_up\": ");
  evt_cli_append_json_string (out, evt_lead_get_follow_up (lead));
  g_string_append (out, ",\n    \"state\": ");
  evt_cli_append_json_string (out, evt_lead_state_to_string (evt_lead_get_state (lead)));
  g_string_append (out, "\n  }");
}

/**
 * evt_cli_followups:
 * @command: the table entry of `followups`
 * @argc: the number of arguments
 * @argv: the arguments, @argv[0] being "followups"
 *
 * `eventail followups [--until DAY] [--csv|--json]`: the open leads whose
 * follow-up day has come.
 *
 * Returns: the exit status
 */
int
evt_cli_followups (const EvtCliCommand  *command,
                   int                   argc,
                   char                **argv)
{
  g_auto(EvtCliArgs) args = EVT_CLI_ARGS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtStore) store = NULL;
  g_autoptr(GPtrArray) leads = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *until = NULL;
  gboolean csv = FALSE;
  gboolean json = FALSE;
  GDate day;
  const GOptionEntry entries[] = {
    { "until", 0, 0, G_OPTION_ARG_STRING, &until,
      N_("The follow-ups due by this day (default: today)"), N_("YYYY-MM-DD") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write CSV (RFC 4180) with a header line"),
      NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write a JSON array of objects, one per lead"), NULL },
    G_OPTION_ENTRY_NULL
  };

  evt_cli_args_init (&args, command, NULL,
                     N_("Lists the follow-ups that are due: the open leads whose follow-up "
                        "day is today or before (or --until), the oldest first. Close one "
                        "with `eventail outcome edit-lead LEAD --state won` (or lost), or "
                        "move it with --follow-up."));
  evt_cli_args_add_entries (&args, entries);
  if (!evt_cli_args_parse (&args, argc, argv, 0, 0, &error) ||
      !check_one_format (csv, json, &error) ||
      (until != NULL && !parse_day ("--until", until, &day, &error)))
    return evt_cli_report (command, error);

  store = evt_cli_open_store (&args, &error);
  if (store == NULL)
    return evt_cli_report (command, error);
  leads = evt_people_list_followups (store, until != NULL ? &day : NULL, &error);
  if (leads == NULL)
    return evt_cli_report (command, error);

  if (csv)
    {
      static const char * const header[] = {
        "id", "follow_up", "event_id", "event", "organisation", "contact", "subject",
        "next_step",
      };

      append_csv_row (out, header, G_N_ELEMENTS (header));
      for (guint i = 0; i < leads->len; i++)
        {
          EvtLead *lead = g_ptr_array_index (leads, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, evt_lead_get_id (lead));
          g_autofree char *event_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                       evt_lead_get_event_id (lead));
          const char *fields[] = {
            id, evt_lead_get_follow_up (lead), event_id, evt_lead_get_event_title (lead),
            evt_lead_get_organisation_name (lead), evt_lead_get_contact (lead),
            evt_lead_get_subject (lead), evt_lead_get_next_step (lead),
          };

          append_csv_row (out, fields, G_N_ELEMENTS (fields));
        }
    }
  else if (json)
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < leads->len; i++)
        {
          g_string_append (out, i > 0 ? ",\n" : "\n");
          append_lead_json (out, g_ptr_array_index (leads, i));
        }
      g_string_append (out, leads->len > 0 ? "\n]\n" : "]\n");
    }
  else if (leads->len > 0)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      /* TRANSLATORS: column headings of `eventail followups` */
      g_ptr_array_add (rows, table_row (7, _("ID"), _("FOLLOW-UP"), _("EVENT"),
                                        _("ORGANISATION"), _("CONTACT"), _("SUBJECT"),
                                        _("NEXT STEP")));
      for (guint i = 0; i < leads->len; i++)
        {
          EvtLead *lead = g_ptr_array_index (leads, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, evt_lead_get_id (lead));

          g_ptr_array_add (rows, table_row (7, id, evt_lead_get_follow_up (lead),
                                            evt_lead_get_event_title (lead),
                                            evt_lead_get_organisation_name (lead),
                                            evt_lead_get_contact (lead),
                                            evt_lead_get_subject (lead),
                                            evt_lead_get_next_step (lead)));
        }
      append_table (out, rows, 7);
    }
  else
    g_printerr (_("No follow-ups due\n"));

  if (!write_out (out, csv || json, &error))
    return evt_cli_report (command, error);
  return evt_cli_report (command, NULL);
}

/* --- delete ----------------------------------------------------------------------------------- */

/**
 * evt_cli_people_delete_event:
 * @store: an open store
 * @event: the event to delete
 * @force: `eventail delete --force`: also delete its participants and outcomes
 * @error: return location for a #GError
 *
 * Deletes @event for `eventail delete`. Without @force, an event that has
 * participants, leads, outcomes or costs is kept and the error says so and how
 * to go on.
 *
 * Returns: %TRUE if the event was deleted
 */
gboolean
evt_cli_people_delete_event (EvtStore  *store,
                             EvtEvent  *event,
                             gboolean   force,
                             GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  if (evt_people_delete_event (store, evt_event_get_id (event), force, &local_error))
    return TRUE;

  if (g_error_matches (local_error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_HAS_RECORDS))
    g_set_error (error, EVT_CLI_ERROR, EVT_CLI_ERROR_FAILED,
                 _("%s; add --force to delete them with it, or cancel the event instead"),
                 local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
