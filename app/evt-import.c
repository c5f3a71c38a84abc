/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-import.c: partners' iCalendar (.ics) files read, checked and merged into the store. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <libical/ical.h>

#include "evt-date.h"
#include "evt-event-private.h"
#include "evt-import.h"
#include "evt-store-private.h"

/*
 * How a file goes in.
 *
 * libical accepts much that is wrong without a word (month 13, END:VTODO closing a
 * VEVENT, a NUL byte cutting a value, thousands of nested components) and gives no
 * line numbers, and its line-by-line reader loses the VCALENDAR after a UTF-8 BOM or
 * with bare CR line ends. So the text is first made sound here:
 *  1. decoded: BOM stripped, UTF-16/32 converted, invalid UTF-8 repaired (by line);
 *  2. cut into lines on CR, LF or CRLF and unfolded, keeping for each logical line
 *     the number of its first line in the ORIGINAL file; badly folded lines are
 *     joined to the line before;
 *  3. scanned for BEGIN/END balance, nesting depth, NUL bytes and the line of each
 *     property. Each component directly inside VCALENDAR that is sound is copied,
 *     with a marker property (X-EVENTAIL-IMPORT-REF) that gives back its scan
 *     record, into one clean VCALENDAR; the others are reported and left out.
 * Only that text is handed to icalparser_parse_string(). Then every VEVENT is
 * checked (X-LIC-ERROR properties that libical inserted, UID, dates, time zones,
 * RRULE), recurring ones are expanded in a bounded range, duplicates are resolved,
 * and everything is written in one transaction.
 */

G_DEFINE_QUARK (evt-import-error-quark, evt_import_error)

#define REF_PROPERTY "X-EVENTAIL-IMPORT-REF"
#define MAX_MESSAGES 1000

/* ------------------------------------------------------------------------ */
/* Options and results                                                       */

G_DEFINE_BOXED_TYPE (EvtImportOptions, evt_import_options,
                     evt_import_options_copy, evt_import_options_free)

/**
 * evt_import_options_new:
 *
 * Returns: (transfer full): options with the default recurrence range (last,
 *   current and next year) and time zone (Europe/Paris)
 */
EvtImportOptions *
evt_import_options_new (void)
{
  EvtImportOptions *self = g_new0 (EvtImportOptions, 1);

  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);

  return self;
}

/**
 * evt_import_options_copy:
 * @self: options
 *
 * Returns: (transfer full): a copy of @self
 */
EvtImportOptions *
evt_import_options_copy (const EvtImportOptions *self)
{
  EvtImportOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (EvtImportOptions, 1);
  copy->from = self->from;
  copy->to = self->to;
  copy->default_timezone = g_strdup (self->default_timezone);

  return copy;
}

/**
 * evt_import_options_free:
 * @self: (nullable): options
 */
void
evt_import_options_free (EvtImportOptions *self)
{
  if (self == NULL)
    return;

  g_free (self->default_timezone);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (EvtImportResult, evt_import_result,
                     evt_import_result_copy, evt_import_result_free)

static void
message_free (gpointer data)
{
  EvtImportMessage *message = data;

  g_free (message->text);
  g_free (message);
}

/**
 * evt_import_result_new:
 * @name: the file's base name
 *
 * Returns: (transfer full): an empty report
 */
EvtImportResult *
evt_import_result_new (const char *name)
{
  EvtImportResult *self = g_new0 (EvtImportResult, 1);

  self->name = g_strdup (name);
  self->messages = g_ptr_array_new_with_free_func (message_free);

  return self;
}

/**
 * evt_import_result_copy:
 * @self: a report
 *
 * Returns: (transfer full): a deep copy of @self
 */
EvtImportResult *
evt_import_result_copy (const EvtImportResult *self)
{
  EvtImportResult *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = evt_import_result_new (self->name);
  copy->n_imported = self->n_imported;
  copy->n_updated = self->n_updated;
  copy->n_unchanged = self->n_unchanged;
  copy->n_skipped = self->n_skipped;
  copy->n_removed = self->n_removed;
  for (guint i = 0; i < self->messages->len; i++)
    {
      const EvtImportMessage *message = g_ptr_array_index (self->messages, i);
      EvtImportMessage *m = g_new0 (EvtImportMessage, 1);

      m->kind = message->kind;
      m->line = message->line;
      m->text = g_strdup (message->text);
      g_ptr_array_add (copy->messages, m);
    }

  return copy;
}

/**
 * evt_import_result_free:
 * @self: (nullable): a report
 */
void
evt_import_result_free (EvtImportResult *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_ptr_array_unref (self->messages);
  g_free (self);
}

/**
 * evt_import_result_format_message:
 * @self: a report
 * @message: one of its messages
 *
 * Returns: (transfer full): the message as shown to people, starting with the file
 *   name: "partners.ics: line 120: DTSTART is missing"
 */
char *
evt_import_result_format_message (const EvtImportResult  *self,
                                  const EvtImportMessage *message)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  if (message->line == 0)
    return g_strdup_printf ("%s: %s", self->name, message->text);

  /* Translators: "partners.ics: line 120: DTSTART is missing" */
  return g_strdup_printf (_("%s: line %u: %s"), self->name, message->line, message->text);
}

/**
 * evt_import_result_format_summary:
 * @self: a report
 *
 * Returns: (transfer full): one line, e.g. "partners.ics: 12 imported, 3 updated,
 *   2 unchanged, 1 skipped (line 120: DTSTART is missing)"
 */
char *
evt_import_result_format_summary (const EvtImportResult *self)
{
  GString *s;
  guint n_reasons = 0;

  g_return_val_if_fail (self != NULL, NULL);

  s = g_string_new (self->name);
  g_string_append (s, ": ");
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u imported", "%u imported",
                                          self->n_imported), self->n_imported);
  g_string_append (s, ", ");
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated",
                                          self->n_updated), self->n_updated);
  g_string_append (s, ", ");
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged",
                                          self->n_unchanged), self->n_unchanged);
  g_string_append (s, ", ");
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u skipped", "%u skipped",
                                          self->n_skipped), self->n_skipped);
  if (self->n_removed > 0)
    {
      g_string_append (s, ", ");
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed",
                                              self->n_removed), self->n_removed);
    }

  /* The first reasons for skipping, the rest are in the messages. */
  for (guint i = 0; i < self->messages->len; i++)
    {
      const EvtImportMessage *message = g_ptr_array_index (self->messages, i);

      if (message->kind != EVT_IMPORT_MESSAGE_SKIPPED)
        continue;

      if (n_reasons == 3)
        {
          g_string_append (s, "; …");
          break;
        }

      g_string_append (s, n_reasons == 0 ? " (" : "; ");
      if (message->line > 0)
        /* Translators: a reason in the summary: "line 120: DTSTART is missing" */
        g_string_append_printf (s, _("line %u: %s"), message->line, message->text);
      else
        g_string_append (s, message->text);
      n_reasons++;
    }
  if (n_reasons > 0)
    g_string_append_c (s, ')');

  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Windows zone names                                                        */

/* What Outlook and Exchange write as TZID, mapped to IANA zones: the territory
 * "001" (main) entries of CLDR's windowsZones.xml, with current IANA names. */
static const struct
{
  const char *windows;
  const char *olson;
} windows_zones[] = {
  { "Afghanistan Standard Time", "Asia/Kabul" },
  { "Alaskan Standard Time", "America/Anchorage" },
  { "Aleutian Standard Time", "America/Adak" },
  { "Altai Standard Time", "Asia/Barnaul" },
  { "Arab Standard Time", "Asia/Riyadh" },
  { "Arabian Standard Time", "Asia/Dubai" },
  { "Arabic Standard Time", "Asia/Baghdad" },
  { "Argentina Standard Time", "America/Argentina/Buenos_Aires" },
  { "Astrakhan Standard Time", "Europe/Astrakhan" },
  { "Atlantic Standard Time", "America/Halifax" },
  { "AUS Central Standard Time", "Australia/Darwin" },
  { "Aus Central W. Standard Time", "Australia/Eucla" },
  { "AUS Eastern Standard Time", "Australia/Sydney" },
  { "Azerbaijan Standard Time", "Asia/Baku" },
  { "Azores Standard Time", "Atlantic/Azores" },
  { "Bahia Standard Time", "America/Bahia" },
  { "Bangladesh Standard Time", "Asia/Dhaka" },
  { "Belarus Standard Time", "Europe/Minsk" },
  { "Bougainville Standard Time", "Pacific/Bougainville" },
  { "Canada Central Standard Time", "America/Regina" },
  { "Cape Verde Standard Time", "Atlantic/Cape_Verde" },
  { "Caucasus Standard Time", "Asia/Yerevan" },
  { "Cen. Australia Standard Time", "Australia/Adelaide" },
  { "Central America Standard Time", "America/Guatemala" },
  { "Central Asia Standard Time", "Asia/Almaty" },
  { "Central Brazilian Standard Time", "America/Cuiaba" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "Central Pacific Standard Time", "Pacific/Guadalcanal" },
  { "Central Standard Time", "America/Chicago" },
  { "Central Standard Time (Mexico)", "America/Mexico_City" },
  { "Chatham Islands Standard Time", "Pacific/Chatham" },
  { "China Standard Time", "Asia/Shanghai" },
  { "Coordinated Universal Time", "Etc/UTC" },
  { "Cuba Standard Time", "America/Havana" },
  { "Dateline Standard Time", "Etc/GMT+12" },
  { "E. Africa Standard Time", "Africa/Nairobi" },
  { "E. Australia Standard Time", "Australia/Brisbane" },
  { "E. Europe Standard Time", "Europe/Chisinau" },
  { "E. South America Standard Time", "America/Sao_Paulo" },
  { "Easter Island Standard Time", "Pacific/Easter" },
  { "Eastern Standard Time", "America/New_York" },
  { "Eastern Standard Time (Mexico)", "America/Cancun" },
  { "Egypt Standard Time", "Africa/Cairo" },
  { "Ekaterinburg Standard Time", "Asia/Yekaterinburg" },
  { "Fiji Standard Time", "Pacific/Fiji" },
  { "FLE Standard Time", "Europe/Kyiv" },
  { "Georgian Standard Time", "Asia/Tbilisi" },
  { "GMT Standard Time", "Europe/London" },
  { "Greenland Standard Time", "America/Nuuk" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik" },
  { "GTB Standard Time", "Europe/Bucharest" },
  { "Haiti Standard Time", "America/Port-au-Prince" },
  { "Hawaiian Standard Time", "Pacific/Honolulu" },
  { "India Standard Time", "Asia/Kolkata" },
  { "Iran Standard Time", "Asia/Tehran" },
  { "Israel Standard Time", "Asia/Jerusalem" },
  { "Jordan Standard Time", "Asia/Amman" },
  { "Kaliningrad Standard Time", "Europe/Kaliningrad" },
  { "Kamchatka Standard Time", "Asia/Kamchatka" },
  { "Korea Standard Time", "Asia/Seoul" },
  { "Libya Standard Time", "Africa/Tripoli" },
  { "Line Islands Standard Time", "Pacific/Kiritimati" },
  { "Lord Howe Standard Time", "Australia/Lord_Howe" },
  { "Magadan Standard Time", "Asia/Magadan" },
  { "Magallanes Standard Time", "America/Punta_Arenas" },
  { "Marquesas Standard Time", "Pacific/Marquesas" },
  { "Mauritius Standard Time", "Indian/Mauritius" },
  { "Mid-Atlantic Standard Time", "Etc/GMT+2" },
  { "Middle East Standard Time", "Asia/Beirut" },
  { "Montevideo Standard Time", "America/Montevideo" },
  { "Morocco Standard Time", "Africa/Casablanca" },
  { "Mountain Standard Time", "America/Denver" },
  { "Mountain Standard Time (Mexico)", "America/Chihuahua" },
  { "Myanmar Standard Time", "Asia/Yangon" },
  { "N. Central Asia Standard Time", "Asia/Novosibirsk" },
  { "Namibia Standard Time", "Africa/Windhoek" },
  { "Nepal Standard Time", "Asia/Kathmandu" },
  { "New Zealand Standard Time", "Pacific/Auckland" },
  { "Newfoundland Standard Time", "America/St_Johns" },
  { "Norfolk Standard Time", "Pacific/Norfolk" },
  { "North Asia East Standard Time", "Asia/Irkutsk" },
  { "North Asia Standard Time", "Asia/Krasnoyarsk" },
  { "North Korea Standard Time", "Asia/Pyongyang" },
  { "Omsk Standard Time", "Asia/Omsk" },
  { "Pacific SA Standard Time", "America/Santiago" },
  { "Pacific Standard Time", "America/Los_Angeles" },
  { "Pacific Standard Time (Mexico)", "America/Tijuana" },
  { "Pakistan Standard Time", "Asia/Karachi" },
  { "Paraguay Standard Time", "America/Asuncion" },
  { "Qyzylorda Standard Time", "Asia/Qyzylorda" },
  { "Romance Standard Time", "Europe/Paris" },
  { "Russia Time Zone 10", "Asia/Srednekolymsk" },
  { "Russia Time Zone 11", "Asia/Kamchatka" },
  { "Russia Time Zone 3", "Europe/Samara" },
  { "Russian Standard Time", "Europe/Moscow" },
  { "SA Eastern Standard Time", "America/Cayenne" },
  { "SA Pacific Standard Time", "America/Bogota" },
  { "SA Western Standard Time", "America/La_Paz" },
  { "Saint Pierre Standard Time", "America/Miquelon" },
  { "Sakhalin Standard Time", "Asia/Sakhalin" },
  { "Samoa Standard Time", "Pacific/Apia" },
  { "Sao Tome Standard Time", "Africa/Sao_Tome" },
  { "Saratov Standard Time", "Europe/Saratov" },
  { "SE Asia Standard Time", "Asia/Bangkok" },
  { "Singapore Standard Time", "Asia/Singapore" },
  { "South Africa Standard Time", "Africa/Johannesburg" },
  { "South Sudan Standard Time", "Africa/Juba" },
  { "Sri Lanka Standard Time", "Asia/Colombo" },
  { "Sudan Standard Time", "Africa/Khartoum" },
  { "Syria Standard Time", "Asia/Damascus" },
  { "Taipei Standard Time", "Asia/Taipei" },
  { "Tasmania Standard Time", "Australia/Hobart" },
  { "Tocantins Standard Time", "America/Araguaina" },
  { "Tokyo Standard Time", "Asia/Tokyo" },
  { "Tomsk Standard Time", "Asia/Tomsk" },
  { "Tonga Standard Time", "Pacific/Tongatapu" },
  { "Transbaikal Standard Time", "Asia/Chita" },
  { "Turkey Standard Time", "Europe/Istanbul" },
  { "Turks And Caicos Standard Time", "America/Grand_Turk" },
  { "Ulaanbaatar Standard Time", "Asia/Ulaanbaatar" },
  { "US Eastern Standard Time", "America/Indiana/Indianapolis" },
  { "US Mountain Standard Time", "America/Phoenix" },
  { "UTC", "Etc/GMT" },
  { "UTC+12", "Etc/GMT-12" },
  { "UTC+13", "Etc/GMT-13" },
  { "UTC-02", "Etc/GMT+2" },
  { "UTC-08", "Etc/GMT+8" },
  { "UTC-09", "Etc/GMT+9" },
  { "UTC-11", "Etc/GMT+11" },
  { "Venezuela Standard Time", "America/Caracas" },
  { "Vladivostok Standard Time", "Asia/Vladivostok" },
  { "Volgograd Standard Time", "Europe/Volgograd" },
  { "W. Australia Standard Time", "Australia/Perth" },
  { "W. Central Africa Standard Time", "Africa/Lagos" },
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "W. Mongolia Standard Time", "Asia/Hovd" },
  { "West Asia Standard Time", "Asia/Tashkent" },
  { "West Bank Standard Time", "Asia/Hebron" },
  { "West Pacific Standard Time", "Pacific/Port_Moresby" },
  { "Yakutsk Standard Time", "Asia/Yakutsk" },
  { "Yukon Standard Time", "America/Whitehorse" },
};

/**
 * evt_import_windows_zone_to_olson:
 * @windows_name: a Windows zone name, e.g. "Romance Standard Time"
 *
 * Returns: (nullable): the IANA zone, e.g. "Europe/Paris", or %NULL if unknown
 */
const char *
evt_import_windows_zone_to_olson (const char *windows_name)
{
  g_return_val_if_fail (windows_name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    {
      if (g_ascii_strcasecmp (windows_name, windows_zones[i].windows) == 0)
        return windows_zones[i].olson;
    }

  return NULL;
}

/* ------------------------------------------------------------------------ */
/* The state of one import                                                   */

/* A logical (unfolded) line. */
typedef struct
{
  char     *text;
  guint     line;      /* of its first physical line in the original file */
  gboolean  has_nul;
} Line;

/* A component directly inside VCALENDAR, as the scan saw it. */
typedef struct
{
  char       *name;         /* upper case: "VEVENT" */
  guint       line;         /* of its BEGIN */
  GHashTable *prop_lines;   /* upper-case property name → line of its first occurrence */
  char       *tzid;         /* for a VTIMEZONE */
  char       *problem;      /* why it cannot be read, or NULL */
  guint       problem_line;
  GString    *text;         /* what libical will read; NULL once it has a problem */
} ScanComp;

/* How the times of one TZID are read. */
typedef struct
{
  GTimeZone    *tz;         /* wall times are in this zone (IANA or the default) */
  char         *olson;      /* the IANA name kept on events, or NULL: the default */
  icaltimezone *ical;       /* from the file's VTIMEZONE when no IANA name matched */
} Zone;

typedef struct
{
  EvtStore               *store;
  EvtImportResult        *result;
  GCancellable           *cancellable;
  EvtImportProgressFunc   progress;
  gpointer                progress_data;
  double                  last_progress;

  GDate                   from;
  GDate                   to;
  char                   *default_tzid;
  GTimeZone              *default_tz;
  GTimeZone              *utc;
  char                   *floating_tzid;  /* X-WR-TIMEZONE, when it is known */
  GTimeZone              *floating_tz;
  gboolean                method_cancel;

  GPtrArray              *lines;          /* Line */
  GPtrArray              *comps;          /* ScanComp */
  gboolean                cp1252;         /* invalid UTF-8 lines are read as Windows-1252 */
  icalcomponent          *root;
  GHashTable             *vtimezones;     /* TZID → VTIMEZONE (in root) */
  GHashTable             *zones;          /* TZID → Zone */
  GPtrArray              *sectors;        /* EvtSector */
  guint                   n_messages;
  guint                   n_hidden_messages;
  guint                   n_written;
  gboolean                occurrence_cap_reported;
  guint                   item_index;      /* for progress: the item being written */
  guint                   n_items;
} Import;

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->text);
  g_free (line);
}

static void
scan_comp_free (gpointer data)
{
  ScanComp *comp = data;

  g_free (comp->name);
  g_hash_table_unref (comp->prop_lines);
  g_free (comp->tzid);
  g_free (comp->problem);
  if (comp->text != NULL)
    g_string_free (comp->text, TRUE);
  g_free (comp);
}

static void
zone_free (gpointer data)
{
  Zone *zone = data;

  g_clear_pointer (&zone->tz, g_time_zone_unref);
  g_free (zone->olson);
  if (zone->ical != NULL)
    icaltimezone_free (zone->ical, 1);
  g_free (zone);
}

static void
import_clear (Import *imp)
{
  g_clear_pointer (&imp->default_tzid, g_free);
  g_clear_pointer (&imp->default_tz, g_time_zone_unref);
  g_clear_pointer (&imp->utc, g_time_zone_unref);
  g_clear_pointer (&imp->floating_tzid, g_free);
  g_clear_pointer (&imp->floating_tz, g_time_zone_unref);
  g_clear_pointer (&imp->lines, g_ptr_array_unref);
  g_clear_pointer (&imp->comps, g_ptr_array_unref);
  g_clear_pointer (&imp->zones, g_hash_table_unref);
  g_clear_pointer (&imp->vtimezones, g_hash_table_unref);
  g_clear_pointer (&imp->root, icalcomponent_free);
  g_clear_pointer (&imp->sectors, g_ptr_array_unref);
}

G_GNUC_PRINTF (4, 5)
static void
add_message (Import               *imp,
             EvtImportMessageKind  kind,
             guint                 line,
             const char           *format,
             ...)
{
  EvtImportMessage *message;
  va_list args;

  /* A broken file could otherwise produce one message per line. */
  if (imp->n_messages >= MAX_MESSAGES)
    {
      imp->n_hidden_messages++;
      return;
    }
  imp->n_messages++;

  message = g_new0 (EvtImportMessage, 1);
  message->kind = kind;
  message->line = line;
  va_start (args, format);
  message->text = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (imp->result->messages, message);
}

#define skipped(imp, line, ...) \
  G_STMT_START { (imp)->result->n_skipped++; \
                 add_message ((imp), EVT_IMPORT_MESSAGE_SKIPPED, (line), __VA_ARGS__); } G_STMT_END
#define warning(imp, line, ...) add_message ((imp), EVT_IMPORT_MESSAGE_WARNING, (line), __VA_ARGS__)
#define note(imp, line, ...)    add_message ((imp), EVT_IMPORT_MESSAGE_NOTE, (line), __VA_ARGS__)

G_GNUC_PRINTF (4, 5)
static gboolean
fail (Import     *imp,
      GError    **error,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, EVT_IMPORT_ERROR, code, "%s: %s", imp->result->name, text);

  return FALSE;
}

static void
report_progress (Import *imp,
                 double  fraction)
{
  if (imp->progress == NULL)
    return;
  if (fraction < 1.0 && fraction - imp->last_progress < 0.01)
    return;

  imp->last_progress = fraction;
  imp->progress (fraction, imp->progress_data);
}

/* ------------------------------------------------------------------------ */
/* Decoding                                                                  */

static char *
convert_to_utf8 (Import      *imp,
                 const char  *data,
                 gsize        len,
                 const char  *charset,
                 gsize       *out_len,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text;

  text = g_convert (data, len, "UTF-8", charset, NULL, out_len, &local_error);
  if (text == NULL)
    fail (imp, error, EVT_IMPORT_ERROR_INVALID,
          _("the file is in %s but cannot be converted: %s"), charset,
          local_error->message);

  return text;
}

/* Returns the text of the file in UTF-8 (possibly with invalid sequences and NUL
 * bytes still in it: they are dealt with line by line). */
static char *
decode (Import       *imp,
        const guint8 *data,
        gsize         len,
        gsize        *out_len,
        GError      **error)
{
  const char *text = (const char *) data;

  if (len >= 4 && memcmp (data, "\xff\xfe\0\0", 4) == 0)
    return convert_to_utf8 (imp, text + 4, len - 4, "UTF-32LE", out_len, error);
  if (len >= 4 && memcmp (data, "\0\0\xfe\xff", 4) == 0)
    return convert_to_utf8 (imp, text + 4, len - 4, "UTF-32BE", out_len, error);
  if (len >= 2 && memcmp (data, "\xff\xfe", 2) == 0)
    return convert_to_utf8 (imp, text + 2, len - 2, "UTF-16LE", out_len, error);
  if (len >= 2 && memcmp (data, "\xfe\xff", 2) == 0)
    return convert_to_utf8 (imp, text + 2, len - 2, "UTF-16BE", out_len, error);

  /* "B\0E\0" or "\0B\0E": UTF-16 without its BOM. */
  if (len >= 4 && data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0)
    return convert_to_utf8 (imp, text, len, "UTF-16LE", out_len, error);
  if (len >= 4 && data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0)
    return convert_to_utf8 (imp, text, len, "UTF-16BE", out_len, error);

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      len -= 3;
    }

  *out_len = len;
  return g_memdup2 (text, len);
}

/* Whether the invalid bytes of a file are rather Windows-1252 than broken UTF-8:
 * there are some, and not one valid multi-byte UTF-8 sequence. */
static gboolean
looks_like_cp1252 (const char *text,
                   gsize       len)
{
  const char *p = text;
  const char *end = text + len;
  gboolean invalid = FALSE;

  while (p < end)
    {
      const char *bad;

      if (g_utf8_validate_len (p, end - p, &bad))
        break;
      for (const char *q = p; q < bad; q++)
        if ((guchar) *q >= 0x80)
          return FALSE;
      invalid = invalid || *bad != '\0';
      p = bad + 1;
    }

  for (const char *q = p; q < end; q++)
    if ((guchar) *q >= 0x80)
      return FALSE;

  return invalid;
}

/* ------------------------------------------------------------------------ */
/* Lines                                                                     */

/* The length of the property name at the start of @s if @s looks like a content
 * line ("NAME:" or "NAME;"), else 0. */
static gsize
name_length (const char *s)
{
  gsize n = 0;

  while (g_ascii_isalnum (s[n]) || s[n] == '-')
    n++;

  return (n > 0 && (s[n] == ':' || s[n] == ';')) ? n : 0;
}

/* The value of a content line: after the first ':' outside double quotes. */
static const char *
line_value (const char *s)
{
  gboolean quoted = FALSE;

  for (; *s != '\0'; s++)
    {
      if (*s == '"')
        quoted = !quoted;
      else if (*s == ':' && !quoted)
        return s + 1;
    }

  return NULL;
}

static gboolean
has_name (const char *s,
          const char *name)
{
  gsize n = strlen (name);

  return g_ascii_strncasecmp (s, name, n) == 0 && (s[n] == ':' || s[n] == ';');
}

/* A line that does not start with a space but is not a property either: text of the
 * line before, folded without the leading space, or a raw line break in a value.
 * Known names and upper-case names count as properties ("COLOR:red"); "Note: bring
 * your badge" does not. */
static gboolean
is_continuation (const char *s)
{
  gsize n = name_length (s);
  g_autofree char *name = NULL;

  if (n == 0)
    return TRUE;
  if (has_name (s, "BEGIN") || has_name (s, "END") ||
      g_ascii_strncasecmp (s, "X-", 2) == 0)
    return FALSE;

  name = g_strndup (s, n);
  if (icalproperty_string_to_kind (name) != ICAL_NO_PROPERTY)
    return FALSE;

  for (gsize i = 0; i < n; i++)
    if (g_ascii_islower (name[i]))
      return TRUE;

  return FALSE;
}

/* Makes one physical line valid UTF-8 without NUL. */
static char *
clean_line (Import     *imp,
            const char *p,
            gsize       len,
            guint       lineno,
            gboolean   *has_nul)
{
  g_autofree char *copy = NULL;
  gsize n = 0;

  *has_nul = memchr (p, '\0', len) != NULL;
  copy = g_malloc (len + 1);
  for (gsize i = 0; i < len; i++)
    if (p[i] != '\0')
      copy[n++] = p[i];
  copy[n] = '\0';

  /* A BOM inside the file: files concatenated together. */
  if (n >= 3 && memcmp (copy, "\xef\xbb\xbf", 3) == 0)
    memmove (copy, copy + 3, (n -= 3) + 1);

  if (g_utf8_validate_len (copy, n, NULL))
    return g_steal_pointer (&copy);

  if (imp->cp1252)
    {
      char *converted = g_convert (copy, n, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);

      if (converted != NULL)
        {
          warning (imp, lineno, _("the text is not UTF-8: read as Windows-1252"));
          return converted;
        }
    }

  warning (imp, lineno, _("invalid UTF-8 replaced by “\xef\xbf\xbd”"));
  return g_utf8_make_valid (copy, n);
}

static void
push_line (Import   *imp,
           GString **logical,
           guint     line,
           gboolean  has_nul)
{
  Line *l;

  if (*logical == NULL)
    return;

  l = g_new0 (Line, 1);
  l->text = g_string_free (g_steal_pointer (logical), FALSE);
  l->line = line;
  l->has_nul = has_nul;
  g_ptr_array_add (imp->lines, l);
}

/* Cuts @text into logical lines: CR, LF and CRLF end a line, a line starting with a
 * space or a tab continues the one before. */
static void
split_lines (Import     *imp,
             const char *text,
             gsize       len)
{
  const char *p = text;
  const char *end = text + len;
  GString *logical = NULL;
  guint logical_line = 0;
  gboolean logical_nul = FALSE;
  gboolean logical_is_property = FALSE;
  guint lineno = 0;

  while (p < end)
    {
      const char *eol = p;
      g_autofree char *clean = NULL;
      gboolean has_nul;

      while (eol < end && *eol != '\r' && *eol != '\n')
        eol++;
      lineno++;

      clean = clean_line (imp, p, eol - p, lineno, &has_nul);

      if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
        p = eol + 2;
      else
        p = eol + 1;

      /* Leading spaces before the very first line (a file written from an
       * indented template). */
      if (logical == NULL && imp->lines->len == 0)
        while (clean[0] == ' ' || clean[0] == '\t')
          memmove (clean, clean + 1, strlen (clean));

      if (clean[0] == '\0')
        {
          /* Blank lines are dropped without ending the line before: some writers put
           * one between a line and its continuation. A NUL-only line still counts. */
          logical_nul = logical_nul || (logical != NULL && has_nul);
          continue;
        }

      if (clean[0] == ' ' || clean[0] == '\t')
        {
          if (logical != NULL)
            {
              g_string_append (logical, clean + 1);
              logical_nul = logical_nul || has_nul;
            }
          else if (imp->lines->len > 0)
            warning (imp, lineno, _("indented line with no line before it: ignored"));
          continue;
        }

      if (logical != NULL && logical_is_property && is_continuation (clean))
        {
          /* Folded at about 75 octets but without the space: join as is; a short
           * line was rather cut by a raw line break in the value. */
          if (logical->len < 70)
            g_string_append (logical, "\\n");
          g_string_append (logical, clean);
          logical_nul = logical_nul || has_nul;
          warning (imp, lineno, _("line not folded correctly (no leading space): "
                                  "joined to the line before"));
          continue;
        }

      push_line (imp, &logical, logical_line, logical_nul);
      logical = g_string_new (clean);
      logical_line = lineno;
      logical_nul = has_nul;
      logical_is_property = !has_name (clean, "BEGIN") && !has_name (clean, "END") &&
                            name_length (clean) > 0;
    }

  push_line (imp, &logical, logical_line, logical_nul);
}

/* ------------------------------------------------------------------------ */
/* Structure                                                                 */

typedef struct
{
  char  *name;
  guint  line;
} Frame;

static void
frame_clear (gpointer data)
{
  g_free (((Frame *) data)->name);
}

/* "BEGIN:VEVENT" → "VEVENT" (upper case), or NULL if @text is no BEGIN/END line. */
static char *
component_name (const char *text,
                const char *keyword)
{
  const char *value;
  g_autofree char *name = NULL;

  if (!has_name (text, keyword))
    return NULL;

  value = line_value (text);
  name = g_strstrip (g_strdup (value ? value : ""));
  for (char *c = name; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '-')
      return g_strdup ("?");

  return *name ? g_ascii_strup (name, -1) : g_strdup ("?");
}

static void
set_problem (ScanComp *comp,
             guint     line,
             char     *problem)
{
  if (comp->problem != NULL)
    {
      g_free (problem);
      return;
    }

  comp->problem = problem;
  comp->problem_line = line;
  if (comp->text != NULL)
    g_string_free (g_steal_pointer (&comp->text), TRUE);
}

static ScanComp *
scan_comp_new (Import     *imp,
               const char *name,
               guint       line)
{
  ScanComp *comp = g_new0 (ScanComp, 1);

  comp->name = g_strdup (name);
  comp->line = line;
  comp->prop_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  comp->text = g_string_new (NULL);
  g_string_append_printf (comp->text, "BEGIN:%s\r\n" REF_PROPERTY ":%u\r\n",
                          name, imp->comps->len);
  g_ptr_array_add (imp->comps, comp);

  return comp;
}

static void
record_property (ScanComp   *comp,
                 const char *text,
                 guint       line)
{
  gsize n = name_length (text);
  g_autofree char *name = NULL;

  if (n == 0)
    return;

  name = g_ascii_strup (text, n);
  if (comp->tzid == NULL && strcmp (name, "TZID") == 0 && line_value (text) != NULL)
    comp->tzid = g_strstrip (g_strdup (line_value (text)));
  if (!g_hash_table_contains (comp->prop_lines, name))
    g_hash_table_insert (comp->prop_lines, g_steal_pointer (&name), GUINT_TO_POINTER (line));
}

static void
record_calendar_property (Import     *imp,
                          const char *text)
{
  const char *value = line_value (text);

  if (value == NULL)
    return;

  if (has_name (text, "X-WR-TIMEZONE") && imp->floating_tzid == NULL)
    imp->floating_tzid = g_strstrip (g_strdup (value));
  else if (has_name (text, "METHOD") && g_ascii_strncasecmp (value, "CANCEL", 6) == 0)
    imp->method_cancel = TRUE;
}

/* Checks the nesting of the whole file and fills imp->comps with the components
 * directly inside VCALENDAR; those with a problem are not given to libical. */
static gboolean
scan (Import  *imp,
      GError **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  ScanComp *comp = NULL;   /* the open component directly inside VCALENDAR */
  gboolean seen_calendar = FALSE;
  gboolean implicit = FALSE;  /* no BEGIN:VCALENDAR: a bare fragment */
  gboolean trailing_reported = FALSE;

  g_array_set_clear_func (stack, frame_clear);

  for (guint i = 0; i < imp->lines->len; i++)
    {
      const Line *l = g_ptr_array_index (imp->lines, i);
      g_autofree char *begin = component_name (l->text, "BEGIN");
      g_autofree char *end = begin ? NULL : component_name (l->text, "END");

      if (stack->len == 0)
        {
          if (begin != NULL && strcmp (begin, "VCALENDAR") == 0)
            {
              Frame frame = { g_strdup (begin), l->line };

              g_array_append_val (stack, frame);
              seen_calendar = TRUE;
            }
          else if (!seen_calendar && begin != NULL)
            {
              /* A bare VEVENT (a fragment, as some web pages offer): read as if
               * a VCALENDAR were around it, then go on with this line. */
              Frame frame = { g_strdup ("VCALENDAR"), l->line };

              g_array_append_val (stack, frame);
              seen_calendar = TRUE;
              implicit = TRUE;
              warning (imp, l->line, _("BEGIN:%s without BEGIN:VCALENDAR around it: read as "
                                       "a calendar"), begin);
            }
          else if (!seen_calendar)
            return fail (imp, error, EVT_IMPORT_ERROR_INVALID,
                         _("line %u: not an iCalendar file (it should start with "
                           "BEGIN:VCALENDAR)"), l->line);
          else
            {
              if (!trailing_reported)
                warning (imp, l->line, _("text after END:VCALENDAR ignored"));
              trailing_reported = TRUE;
              continue;
            }
          /* Only the first line of a fragment goes on to be read as a component. */
          if (!implicit || stack->len != 1 || strcmp (begin, "VCALENDAR") == 0)
            continue;
        }

      if (stack->len == 1)
        {
          /* Directly inside VCALENDAR. */
          if (begin != NULL)
            {
              Frame frame = { NULL, l->line };

              if (imp->comps->len >= EVT_IMPORT_MAX_COMPONENTS)
                return fail (imp, error, EVT_IMPORT_ERROR_TOO_LARGE,
                             _("line %u: more than %u components: the file is too large"),
                             l->line, (guint) EVT_IMPORT_MAX_COMPONENTS);

              frame.name = g_strdup (begin);
              g_array_append_val (stack, frame);
              comp = scan_comp_new (imp, begin, l->line);
              if (l->has_nul)
                set_problem (comp, l->line, g_strdup (_("NUL byte in the text")));
            }
          else if (end != NULL && strcmp (end, "VCALENDAR") == 0)
            g_array_set_size (stack, 0);
          else if (end != NULL)
            warning (imp, l->line, _("END:%s without BEGIN: ignored"), end);
          else if (name_length (l->text) > 0)
            record_calendar_property (imp, l->text);
          else
            warning (imp, l->line, _("not an iCalendar line: ignored"));
          continue;
        }

      /* Inside a component. */
      g_assert (comp != NULL);

      if (l->has_nul)
        set_problem (comp, l->line, g_strdup (_("NUL byte in the text")));

      if (begin != NULL)
        {
          Frame frame = { g_strdup (begin), l->line };

          g_array_append_val (stack, frame);
          if (stack->len > EVT_IMPORT_MAX_DEPTH)
            set_problem (comp, l->line,
                         g_strdup_printf (_("components nested more than %u deep"),
                                          (guint) EVT_IMPORT_MAX_DEPTH));
          if (comp->text != NULL)
            g_string_append_printf (comp->text, "BEGIN:%s\r\n", begin);
        }
      else if (end != NULL)
        {
          const Frame *top = &g_array_index (stack, Frame, stack->len - 1);
          guint target = stack->len - 1;

          if (strcmp (end, top->name) != 0)
            {
              /* Which open component does it close? */
              guint k = stack->len - 1;

              while (k > 0 && strcmp (g_array_index (stack, Frame, k - 1).name, end) != 0)
                k--;

              if (k > 0)
                {
                  target = k - 1;
                  set_problem (comp, l->line,
                               g_strdup_printf (_("END:%s while BEGIN:%s (line %u) is not "
                                                  "closed"), end, top->name, top->line));
                }
              else
                set_problem (comp, l->line,
                             g_strdup_printf (_("END:%s does not match BEGIN:%s (line %u)"),
                                              end, top->name, top->line));
            }

          if (target >= 1 && comp->text != NULL)
            g_string_append_printf (comp->text, "END:%s\r\n",
                                    g_array_index (stack, Frame, target).name);

          g_array_set_size (stack, target);
          if (stack->len <= 1)
            comp = NULL;
        }
      else
        {
          if (stack->len == 2)
            record_property (comp, l->text, l->line);
          if (comp->text != NULL && !has_name (l->text, REF_PROPERTY))
            {
              g_string_append (comp->text, l->text);
              g_string_append (comp->text, "\r\n");
            }
        }
    }

  if (!seen_calendar)
    return fail (imp, error, EVT_IMPORT_ERROR_INVALID,
                 imp->lines->len == 0 ? _("the file is empty")
                                      : _("not an iCalendar file (no BEGIN:VCALENDAR)"));

  if (stack->len > (implicit ? 1 : 0))
    {
      const Frame *bottom = &g_array_index (stack, Frame, implicit ? 1 : 0);

      return fail (imp, error, EVT_IMPORT_ERROR_INVALID,
                   _("line %u: BEGIN:%s is never closed by END:%s: the file is truncated"),
                   bottom->line, bottom->name, bottom->name);
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Time zones                                                                */

/* Whether @name is a zone of the system's tz database (not a POSIX TZ string such
 * as "UTC+11", which GLib would also accept, with the opposite sign). */
static gboolean
is_olson_name (const char *name)
{
  const char *tzdir = g_getenv ("TZDIR");
  g_autofree char *path = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  if (*name == '\0' || *name == '/' || strstr (name, "..") != NULL ||
      g_str_has_prefix (name, "posix/") || g_str_has_prefix (name, "right/"))
    return FALSE;
  for (const char *c = name; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && strchr ("/_+-", *c) == NULL)
      return FALSE;

  path = g_build_filename (tzdir ? tzdir : "/usr/share/zoneinfo", name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  tz = g_time_zone_new_identifier (name);
  return tz != NULL;
}

/* The IANA name in a TZID as clients write it: "Europe/Paris", "America/Los Angeles",
 * "/mozilla.org/20070129_1/America/New_York", "posix/Europe/Vaduz"... */
static char *
find_olson (const char *tzid)
{
  g_autofree char *candidate = NULL;

  if (tzid == NULL)
    return NULL;

  candidate = g_strstrip (g_strdup (tzid));
  g_strdelimit (candidate, " ", '_');

  for (const char *p = candidate; p != NULL; p = strchr (p, '/'))
    {
      if (*p == '/')
        p++;
      if (is_olson_name (p))
        return g_strdup (p);
    }

  return NULL;
}

static char *
vtimezone_location (icalcomponent *vtimezone)
{
  for (icalproperty *prop = icalcomponent_get_first_property (vtimezone, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (vtimezone, ICAL_X_PROPERTY))
    {
      const char *x_name = icalproperty_get_x_name (prop);
      const char *value = icalproperty_get_x (prop);

      if (x_name != NULL && g_ascii_strcasecmp (x_name, "X-LIC-LOCATION") == 0)
        return find_olson (value);
    }

  return NULL;
}

/* Outlook also writes the display name of a Windows zone as TZID: "(UTC+01:00)
 * Brussels, Copenhagen, Madrid, Paris", "(UTC-05:00) Eastern Time (US & Canada)".
 * The first of these words found in the name gives the zone (Paris before the other
 * cities of Central European Time, whose rules are the same). */
static const struct
{
  const char *word;
  const char *olson;
} display_names[] = {
  { "Paris", "Europe/Paris" },
  { "Berlin", "Europe/Berlin" },
  { "Brussels", "Europe/Brussels" },
  { "Amsterdam", "Europe/Amsterdam" },
  { "Madrid", "Europe/Madrid" },
  { "Rome", "Europe/Rome" },
  { "Vienna", "Europe/Vienna" },
  { "Bern", "Europe/Zurich" },
  { "Zurich", "Europe/Zurich" },
  { "Stockholm", "Europe/Stockholm" },
  { "Copenhagen", "Europe/Copenhagen" },
  { "Prague", "Europe/Prague" },
  { "Budapest", "Europe/Budapest" },
  { "Belgrade", "Europe/Belgrade" },
  { "Warsaw", "Europe/Warsaw" },
  { "Sarajevo", "Europe/Sarajevo" },
  { "London", "Europe/London" },
  { "Dublin", "Europe/Dublin" },
  { "Lisbon", "Europe/Lisbon" },
  { "Reykjavik", "Atlantic/Reykjavik" },
  { "Athens", "Europe/Athens" },
  { "Bucharest", "Europe/Bucharest" },
  { "Helsinki", "Europe/Helsinki" },
  { "Kyiv", "Europe/Kyiv" },
  { "Kiev", "Europe/Kyiv" },
  { "Istanbul", "Europe/Istanbul" },
  { "Moscow", "Europe/Moscow" },
  { "Minsk", "Europe/Minsk" },
  { "Casablanca", "Africa/Casablanca" },
  { "Eastern Time", "America/New_York" },
  { "Central Time", "America/Chicago" },
  { "Mountain Time", "America/Denver" },
  { "Pacific Time", "America/Los_Angeles" },
  { "Atlantic Time", "America/Halifax" },
  { "Newfoundland", "America/St_Johns" },
  { "Alaska", "America/Anchorage" },
  { "Hawaii", "Pacific/Honolulu" },
  { "Arizona", "America/Phoenix" },
  { "Saskatchewan", "America/Regina" },
  { "Mexico City", "America/Mexico_City" },
  { "Guadalajara", "America/Mexico_City" },
  { "Brasilia", "America/Sao_Paulo" },
  { "Buenos Aires", "America/Argentina/Buenos_Aires" },
  { "Tokyo", "Asia/Tokyo" },
  { "Osaka", "Asia/Tokyo" },
  { "Seoul", "Asia/Seoul" },
  { "Beijing", "Asia/Shanghai" },
  { "Hong Kong", "Asia/Hong_Kong" },
  { "Taipei", "Asia/Taipei" },
  { "Singapore", "Asia/Singapore" },
  { "Kuala Lumpur", "Asia/Kuala_Lumpur" },
  { "Bangkok", "Asia/Bangkok" },
  { "Jakarta", "Asia/Jakarta" },
  { "New Delhi", "Asia/Kolkata" },
  { "Mumbai", "Asia/Kolkata" },
  { "Kolkata", "Asia/Kolkata" },
  { "Dubai", "Asia/Dubai" },
  { "Abu Dhabi", "Asia/Dubai" },
  { "Jerusalem", "Asia/Jerusalem" },
  { "Riyadh", "Asia/Riyadh" },
  { "Cairo", "Africa/Cairo" },
  { "Johannesburg", "Africa/Johannesburg" },
  { "Harare", "Africa/Johannesburg" },
  { "Nairobi", "Africa/Nairobi" },
  { "Sydney", "Australia/Sydney" },
  { "Canberra", "Australia/Sydney" },
  { "Melbourne", "Australia/Melbourne" },
  { "Brisbane", "Australia/Brisbane" },
  { "Adelaide", "Australia/Adelaide" },
  { "Darwin", "Australia/Darwin" },
  { "Perth", "Australia/Perth" },
  { "Auckland", "Pacific/Auckland" },
  { "Wellington", "Pacific/Auckland" },
};

static const char *
olson_from_display_name (const char *tzid)
{
  for (guint i = 0; i < G_N_ELEMENTS (display_names); i++)
    if (strstr (tzid, display_names[i].word) != NULL)
      return display_names[i].olson;

  return NULL;
}

/* "UTC+01", "GMT+0100", "(GMT +01:00)", "UTC-05:00": a fixed offset, in seconds. */
static gboolean
parse_offset (const char *tzid,
              int        *seconds)
{
  g_autoptr(GRegex) regex = g_regex_new ("^\\(?\\s*(?:UTC|GMT)\\s*([+-])\\s*(\\d{1,2})"
                                         "(?:[:.]?(\\d{2}))?(?:\\)|\\s|$)",
                                         G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *sign = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *minutes = NULL;
  int value;

  if (!g_regex_match (regex, tzid, 0, &match))
    return FALSE;

  sign = g_match_info_fetch (match, 1);
  hours = g_match_info_fetch (match, 2);
  minutes = g_match_info_fetch (match, 3);
  value = atoi (hours) * 3600 + (minutes != NULL && *minutes ? atoi (minutes) : 0) * 60;
  if (value > 14 * 3600)
    return FALSE;

  *seconds = sign[0] == '-' ? -value : value;

  return TRUE;
}

/* How to read times with TZID=@tzid: through an IANA name, a Windows name, the
 * file's VTIMEZONE, an Outlook display name, a fixed offset, or else in the
 * default zone with a warning. */
static Zone *
lookup_zone (Import     *imp,
             const char *tzid,
             guint       line)
{
  Zone *zone = g_hash_table_lookup (imp->zones, tzid);
  icalcomponent *vtimezone;
  const char *windows;
  int offset;

  if (zone != NULL)
    return zone;

  zone = g_new0 (Zone, 1);
  zone->olson = find_olson (tzid);

  windows = evt_import_windows_zone_to_olson (tzid);
  if (zone->olson == NULL && windows != NULL)
    zone->olson = g_strdup (windows);

  vtimezone = g_hash_table_lookup (imp->vtimezones, tzid);
  if (zone->olson == NULL && vtimezone != NULL)
    {
      zone->olson = vtimezone_location (vtimezone);
      if (zone->olson == NULL)
        {
          zone->ical = icaltimezone_new ();
          icaltimezone_set_component (zone->ical, icalcomponent_new_clone (vtimezone));
        }
    }

  if (zone->olson == NULL && zone->ical == NULL && olson_from_display_name (tzid) != NULL)
    zone->olson = g_strdup (olson_from_display_name (tzid));

  if (zone->olson != NULL)
    zone->tz = g_time_zone_new_identifier (zone->olson);
  if (zone->tz == NULL)
    g_clear_pointer (&zone->olson, g_free);

  if (zone->tz == NULL && zone->ical == NULL && parse_offset (tzid, &offset))
    {
      zone->tz = g_time_zone_new_offset (offset);
      warning (imp, line, _("time zone “%s” read as UTC%c%02d:%02d, without summer time"),
               tzid, offset < 0 ? '-' : '+', ABS (offset) / 3600, ABS (offset) % 3600 / 60);
    }

  if (zone->tz == NULL)
    {
      zone->tz = g_time_zone_ref (imp->default_tz);
      if (zone->ical == NULL)
        warning (imp, line, _("unknown time zone “%s”: its times are read in %s"),
                 tzid, imp->default_tzid);
    }

  g_hash_table_insert (imp->zones, g_strdup (tzid), zone);

  return zone;
}

/* A time as read from a property, with what is needed to place it. */
typedef struct
{
  struct icaltimetype  tt;
  gboolean             utc;
  Zone                *zone;  /* NULL: floating, or UTC */
} Wall;

static gboolean
wall_fields_valid (struct icaltimetype tt)
{
  if (tt.year < 1 || tt.year > 9999 || tt.month < 1 || tt.month > 12 ||
      !g_date_valid_dmy ((GDateDay) tt.day, (GDateMonth) tt.month, (GDateYear) tt.year))
    return FALSE;
  if (tt.is_date)
    return TRUE;

  return tt.hour >= 0 && tt.hour <= 23 && tt.minute >= 0 && tt.minute <= 59 &&
         tt.second >= 0 && tt.second <= 60;
}

static void
wall_get_date (const Wall *wall,
               GDate      *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) wall->tt.day, (GDateMonth) wall->tt.month,
                  (GDateYear) wall->tt.year);
}

/* The instant of a timed @wall, in the zone events are read in (@event_tz). */
static GDateTime *
wall_to_date_time (Import     *imp,
                   const Wall *wall,
                   GTimeZone  *event_tz)
{
  struct icaltimetype tt = wall->tt;
  g_autoptr(GDateTime) dt = NULL;
  int second = MIN (tt.second, 59);  /* a leap second */

  if (wall->utc)
    dt = g_date_time_new (imp->utc, tt.year, tt.month, tt.day, tt.hour, tt.minute, second);
  else if (wall->zone != NULL && wall->zone->ical != NULL)
    {
      time_t t;

      tt.zone = NULL;
      tt.is_date = 0;
      t = icaltime_as_timet_with_zone (tt, wall->zone->ical);
      dt = g_date_time_new_from_unix_utc ((gint64) t);
    }
  else
    dt = g_date_time_new (wall->zone != NULL ? wall->zone->tz : imp->floating_tz,
                          tt.year, tt.month, tt.day, tt.hour, tt.minute, second);

  if (dt == NULL)
    return NULL;

  return g_date_time_to_timezone (dt, event_tz);
}

/* Reads the time of @prop (DTSTART, DTEND, RECURRENCE-ID, EXDATE...). */
static Wall
wall_from_property (Import              *imp,
                    icalproperty        *prop,
                    struct icaltimetype  tt,
                    guint                line)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  Wall wall = { tt, FALSE, NULL };

  wall.utc = icaltime_is_utc (tt);
  if (!wall.utc && !tt.is_date && param != NULL && icalparameter_get_tzid (param) != NULL)
    {
      const char *tzid = icalparameter_get_tzid (param);

      /* TZID=UTC or GMT: some writers say it that way. */
      if (g_ascii_strcasecmp (tzid, "UTC") == 0 || g_ascii_strcasecmp (tzid, "GMT") == 0 ||
          g_ascii_strcasecmp (tzid, "Z") == 0)
        wall.utc = TRUE;
      else
        wall.zone = lookup_zone (imp, tzid, line);
    }
  wall.tt.zone = NULL;

  return wall;
}

/* The identity of an occurrence: "2021-03-16" for a day, "2021-03-16T08:00:00Z"
 * (UTC) for a time, so that it does not depend on how a file wrote the zone. */
static char *
occurrence_key_date (const GDate *day)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day));
}

static char *
occurrence_key_time (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* ------------------------------------------------------------------------ */
/* Reading one VEVENT                                                        */

typedef struct
{
  guint          line;           /* of its BEGIN:VEVENT */
  ScanComp      *scan;
  icalcomponent *comp;
  char          *uid;
  char          *rid;            /* the occurrence key of its RECURRENCE-ID, or NULL */
  GDate          rid_day;
  Wall           rid_wall;
  int            sequence;
  GDateTime     *last_modified;  /* UTC, nullable */
  GDateTime     *created;        /* UTC, nullable */
  gboolean       recurring;      /* has RRULE or RDATE */
  gboolean       dropped;        /* another VEVENT with the same UID is kept */
  gboolean       all_day;
  GDate          first_day;      /* all-day */
  int            n_days;         /* all-day: days after the first one */
  Wall           start_wall;
  GDateTime     *start;          /* timed, in event_tz */
  GTimeSpan      duration;       /* timed */
  GTimeZone     *event_tz;
  char          *event_tzid;
  EvtEvent      *template;       /* every field but the dates and the recurrence id */
} Item;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->uid);
  g_free (item->rid);
  g_clear_pointer (&item->last_modified, g_date_time_unref);
  g_clear_pointer (&item->created, g_date_time_unref);
  g_clear_pointer (&item->start, g_date_time_unref);
  g_clear_pointer (&item->event_tz, g_time_zone_unref);
  g_free (item->event_tzid);
  g_clear_object (&item->template);
  g_free (item);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Item, item_free)

static guint
prop_line (const Item *item,
           const char *name)
{
  gpointer line = g_hash_table_lookup (item->scan->prop_lines, name);

  return line != NULL ? GPOINTER_TO_UINT (line) : item->line;
}

/* The text of an X- property, unescaped, or NULL. */
static const char *
x_value (icalcomponent *comp,
         const char    *name)
{
  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_X_PROPERTY))
    {
      const char *x_name = icalproperty_get_x_name (prop);
      icalvalue *value = icalproperty_get_value (prop);

      if (x_name == NULL || g_ascii_strcasecmp (x_name, name) != 0 || value == NULL)
        continue;

      switch (icalvalue_isa (value))
        {
        case ICAL_X_VALUE:
          return icalvalue_get_x (value);
        case ICAL_TEXT_VALUE:
          return icalvalue_get_text (value);
        default:
          return icalproperty_get_value_as_string (prop);
        }
    }

  return NULL;
}

static char *
stripped_or_null (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static char *
raw_value (icalproperty *prop)
{
  const char *value = icalproperty_get_value_as_string (prop);

  return g_strdup (value != NULL ? value : "");
}

static const char *
text_of (icalcomponent  *comp,
         icalproperty_kind kind)
{
  icalproperty *prop = icalcomponent_get_first_property (comp, kind);
  icalvalue *value;

  if (prop == NULL || (value = icalproperty_get_value (prop)) == NULL)
    return NULL;
  if (icalvalue_isa (value) == ICAL_TEXT_VALUE)
    return icalvalue_get_text (value);

  return icalproperty_get_value_as_string (prop);
}

static GDateTime *
utc_from_property (icalcomponent    *comp,
                   icalproperty_kind kind)
{
  icalproperty *prop = icalcomponent_get_first_property (comp, kind);
  icalvalue *value;
  struct icaltimetype tt;

  if (prop == NULL || (value = icalproperty_get_value (prop)) == NULL ||
      icalvalue_isa (value) != ICAL_DATETIME_VALUE)
    return NULL;

  tt = icalvalue_get_datetime (value);
  if (tt.is_date || !wall_fields_valid (tt))
    return NULL;

  return g_date_time_new_utc (tt.year, tt.month, tt.day, tt.hour, tt.minute, MIN (tt.second, 59));
}

/* "Trade show", "trade_show", "Salon" → a kind. */
static gboolean
kind_from_category (const char *category,
                    EvtKind    *kind)
{
  g_autofree char *id = g_strstrip (g_ascii_strdown (category, -1));
  g_autofree char *folded = g_utf8_casefold (category, -1);

  g_strdelimit (id, " _", '-');
  if (evt_kind_from_string (id, kind))
    return TRUE;

  for (int k = 0; k < EVT_N_KINDS; k++)
    {
      g_autofree char *label = g_utf8_casefold (evt_kind_get_label (k), -1);

      if (strcmp (g_strstrip (folded), label) == 0)
        {
          *kind = k;
          return TRUE;
        }
    }

  return FALSE;
}

static const char *
sector_from_category (Import     *imp,
                      const char *category)
{
  g_autofree char *folded = g_strstrip (g_utf8_casefold (category, -1));

  for (guint i = 0; i < imp->sectors->len; i++)
    {
      const EvtSector *sector = g_ptr_array_index (imp->sectors, i);
      g_autofree char *slug = g_utf8_casefold (sector->slug, -1);
      g_autofree char *name = g_utf8_casefold (sector->name, -1);

      if (strcmp (folded, slug) == 0 || strcmp (folded, name) == 0)
        return sector->slug;
    }

  return NULL;
}

static EvtStatus
status_of (Import        *imp,
           icalcomponent *comp)
{
  const char *x = x_value (comp, "X-EVENTAIL-STATUS");
  icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_STATUS_PROPERTY);
  EvtStatus status = EVT_STATUS_CONFIRMED;

  if (x != NULL && evt_status_from_string (x, &status))
    return status;

  if (imp->method_cancel)
    return EVT_STATUS_CANCELLED;

  if (prop != NULL)
    {
      g_autofree char *raw = raw_value (prop);
      g_autofree char *value = g_strstrip (g_ascii_strdown (raw, -1));

      /* The US spelling too, and any case. */
      if (strcmp (value, "cancelled") == 0 || strcmp (value, "canceled") == 0)
        return EVT_STATUS_CANCELLED;
      if (strcmp (value, "tentative") == 0)
        return EVT_STATUS_TENTATIVE;
    }

  return EVT_STATUS_CONFIRMED;
}

static EvtEvent *
make_template (Import *imp,
               Item   *item)
{
  icalcomponent *comp = item->comp;
  g_autoptr(EvtEvent) event = evt_event_new ();
  g_autofree char *title = NULL;
  g_autofree char *url = NULL;
  const char *x;
  icalproperty *prop;
  EvtKind kind = EVT_KIND_OTHER;
  gboolean kind_found = FALSE;
  g_autoptr(GPtrArray) sectors = g_ptr_array_new_with_free_func (g_free);

  evt_event_set_uid (event, item->uid);
  evt_event_set_source (event, imp->result->name);

  /* The title: with an export's "[CANCELLED] " prefix, the real one is in X-EVENTAIL-TITLE. */
  x = x_value (comp, "X-EVENTAIL-TITLE");
  title = stripped_or_null (x != NULL ? x : text_of (comp, ICAL_SUMMARY_PROPERTY));
  if (title == NULL)
    {
      title = g_strdup (_("(no title)"));
      warning (imp, item->line, _("SUMMARY is missing: the event is called “%s”"), title);
    }
  evt_event_set_title (event, title);

  evt_event_set_status (event, status_of (imp, comp));
  x = x_value (comp, "X-EVENTAIL-STATUS-REASON");
  if (x != NULL)
    evt_event_set_status_reason (event, x);

  x = x_value (comp, "X-EVENTAIL-DESCRIPTION");
  if (x == NULL)
    {
      icalproperty *dprop = icalcomponent_get_first_property (comp, ICAL_DESCRIPTION_PROPERTY);

      if (dprop == NULL ||
          icalproperty_get_parameter_as_string (dprop, "X-EVENTAIL-COMPOSED") == NULL)
        x = text_of (comp, ICAL_DESCRIPTION_PROPERTY);
    }
  if (x != NULL && *x != '\0')
    evt_event_set_description (event, x);

  if (x_value (comp, "X-EVENTAIL-VENUE") != NULL || x_value (comp, "X-EVENTAIL-CITY") != NULL ||
      x_value (comp, "X-EVENTAIL-COUNTRY") != NULL)
    {
      evt_event_set_venue (event, x_value (comp, "X-EVENTAIL-VENUE"));
      evt_event_set_city (event, x_value (comp, "X-EVENTAIL-CITY"));
      evt_event_set_country (event, x_value (comp, "X-EVENTAIL-COUNTRY"));
    }
  else
    {
      g_autofree char *location = stripped_or_null (text_of (comp, ICAL_LOCATION_PROPERTY));

      evt_event_set_venue (event, location);
    }

  x = x_value (comp, "X-EVENTAIL-ORGANISER");
  if (x != NULL)
    evt_event_set_organiser (event, x);
  else if ((prop = icalcomponent_get_first_property (comp, ICAL_ORGANIZER_PROPERTY)) != NULL)
    {
      icalparameter *cn = icalproperty_get_first_parameter (prop, ICAL_CN_PARAMETER);
      const char *value = icalproperty_get_organizer (prop);
      g_autofree char *organiser = NULL;

      if (cn != NULL && icalparameter_get_cn (cn) != NULL)
        organiser = stripped_or_null (icalparameter_get_cn (cn));
      else if (value != NULL)
        organiser = stripped_or_null (g_ascii_strncasecmp (value, "mailto:", 7) == 0
                                      ? value + 7 : value);
      evt_event_set_organiser (event, organiser);
    }

  evt_event_set_partners (event, x_value (comp, "X-EVENTAIL-PARTNERS"));
  evt_event_set_series (event, x_value (comp, "X-EVENTAIL-SERIES"));
  evt_event_set_notes (event, x_value (comp, "X-EVENTAIL-NOTES"));

  x = x_value (comp, "X-EVENTAIL-BUDGET");
  if (x != NULL)
    {
      double amount = g_ascii_strtod (x, NULL);

      if (amount >= 0 && amount < 1e13)
        evt_event_set_budget_cents (event, (gint64) (amount * 100 + 0.5));
    }

  prop = icalcomponent_get_first_property (comp, ICAL_URL_PROPERTY);
  url = prop != NULL ? stripped_or_null (icalproperty_get_url (prop)) : NULL;
  if (url != NULL)
    {
      if (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"))
        evt_event_set_url (event, url);
      else
        warning (imp, prop_line (item, "URL"), _("URL “%s” ignored: not a web address"), url);
    }

  prop = icalcomponent_get_first_property (comp, ICAL_CLASS_PROPERTY);
  if (prop != NULL && (icalproperty_get_class (prop) == ICAL_CLASS_PRIVATE ||
                       icalproperty_get_class (prop) == ICAL_CLASS_CONFIDENTIAL))
    evt_event_set_visibility (event, EVT_VISIBILITY_INTERNAL);
  else
    evt_event_set_visibility (event, EVT_VISIBILITY_PUBLIC);

  /* Kind and sectors: Eventail's own properties, else the categories. */
  x = x_value (comp, "X-EVENTAIL-KIND");
  if (x != NULL && evt_kind_from_string (x, &kind))
    kind_found = TRUE;

  x = x_value (comp, "X-EVENTAIL-SECTORS");
  if (x != NULL)
    {
      g_auto(GStrv) slugs = g_strsplit (x, ",", -1);

      for (guint i = 0; slugs[i] != NULL; i++)
        {
          const char *slug = sector_from_category (imp, slugs[i]);

          if (slug != NULL)
            g_ptr_array_add (sectors, g_strdup (slug));
        }
    }

  for (prop = icalcomponent_get_first_property (comp, ICAL_CATEGORIES_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_CATEGORIES_PROPERTY))
    {
      const char *category = icalproperty_get_categories (prop);
      const char *slug;

      if (category == NULL)
        continue;
      if (!kind_found && kind_from_category (category, &kind))
        kind_found = TRUE;
      else if (x == NULL && (slug = sector_from_category (imp, category)) != NULL)
        g_ptr_array_add (sectors, g_strdup (slug));
    }

  evt_event_set_kind (event, kind);
  g_ptr_array_add (sectors, NULL);
  evt_event_set_sectors (event, (const char * const *) sectors->pdata);

  /* Without CREATED the store would take now for both times, and the partner's next
   * version (same SEQUENCE, later LAST-MODIFIED) would look older than ours. */
  evt_event_set_sequence (event, item->sequence);
  if (item->created != NULL)
    evt_event_set_created (event, item->created);
  else if (item->last_modified != NULL)
    evt_event_set_created (event, item->last_modified);
  if (item->last_modified != NULL)
    evt_event_set_modified (event, item->last_modified);

  return g_steal_pointer (&event);
}

/* The properties without which an event cannot be placed: if libical had to drop
 * one, the event is skipped rather than imported wrong. */
static gboolean
is_essential (const char *name)
{
  static const char * const essential[] = {
    "UID", "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID",
  };

  for (guint i = 0; i < G_N_ELEMENTS (essential); i++)
    if (g_ascii_strcasecmp (name, essential[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Looks at the X-LIC-ERROR properties libical put in @item's component
 * ("Can't parse as RECUR value in RRULE property. Removing entire property: …").
 * Returns FALSE if the event must be skipped. */
static gboolean
check_libical_errors (Import *imp,
                      Item   *item)
{
  icalcomponent *comp = item->comp;

  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_XLICERROR_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_XLICERROR_PROPERTY))
    {
      const char *text = icalproperty_get_xlicerror (prop);
      const char *in, *end, *value;
      g_autofree char *name = NULL;

      if (text == NULL || (in = strstr (text, " in ")) == NULL ||
          (end = strstr (in + 4, " property")) == NULL || end == in + 4)
        continue;

      name = g_ascii_strup (in + 4, end - (in + 4));
      if (strchr (name, ' ') != NULL || strchr (name, ':') != NULL)
        continue;  /* "Parse error in property name: FOO": not a property we read */

      value = strstr (end, ": ");
      value = value != NULL ? value + 2 : "";

      if (is_essential (name))
        {
          skipped (imp, prop_line (item, name), _("%s cannot be read: “%s”"), name, value);
          return FALSE;
        }

      warning (imp, prop_line (item, name), _("%s ignored: cannot read “%s”"), name, value);
    }

  return TRUE;
}

static char *
format_wall (const Wall *wall)
{
  struct icaltimetype tt = wall->tt;

  if (tt.is_date)
    return g_strdup_printf ("%04d-%02d-%02d", tt.year, tt.month, tt.day);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", tt.year, tt.month, tt.day, tt.hour,
                          tt.minute);
}

/* Sets the dates of @item from DTSTART and DTEND or DURATION. */
static gboolean
read_dates (Import *imp,
            Item   *item)
{
  icalcomponent *comp = item->comp;
  icalproperty *dtstart = icalcomponent_get_first_property (comp, ICAL_DTSTART_PROPERTY);
  icalproperty *dtend = icalcomponent_get_first_property (comp, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (comp, ICAL_DURATION_PROPERTY);
  struct icaltimetype tt;
  Wall end_wall = { 0 };
  gboolean has_end = FALSE;
  int duration_s = 0;

  if (dtstart == NULL)
    {
      skipped (imp, item->line, _("DTSTART is missing"));
      return FALSE;
    }

  tt = icalproperty_get_dtstart (dtstart);
  if (icaltime_is_null_time (tt) || !wall_fields_valid (tt))
    {
      g_autofree char *raw = raw_value (dtstart);

      skipped (imp, prop_line (item, "DTSTART"), _("DTSTART “%s” is not a valid date"), raw);
      return FALSE;
    }
  item->start_wall = wall_from_property (imp, dtstart, tt, prop_line (item, "DTSTART"));
  item->all_day = tt.is_date;

  if (dtend != NULL)
    {
      struct icaltimetype et = icalproperty_get_dtend (dtend);

      if (icaltime_is_null_time (et) || !wall_fields_valid (et))
        {
          g_autofree char *raw = raw_value (dtend);

          skipped (imp, prop_line (item, "DTEND"), _("DTEND “%s” is not a valid date"), raw);
          return FALSE;
        }
      end_wall = wall_from_property (imp, dtend, et, prop_line (item, "DTEND"));
      has_end = TRUE;
    }
  else if (duration != NULL)
    {
      duration_s = icaldurationtype_as_int (icalproperty_get_duration (duration));
      if (duration_s < 0)
        {
          g_autofree char *raw = raw_value (duration);

          skipped (imp, prop_line (item, "DURATION"), _("DURATION “%s” is negative"), raw);
          return FALSE;
        }
    }

  if (item->all_day)
    {
      item->event_tzid = g_strdup (imp->default_tzid);
      item->event_tz = g_time_zone_ref (imp->default_tz);
      wall_get_date (&item->start_wall, &item->first_day);

      if (has_end)
        {
          GDate end_day, last_day;

          wall_get_date (&end_wall, &end_day);
          last_day = end_day;
          /* DTEND is exclusive: the day after the last one. */
          if (end_wall.tt.is_date ||
              (end_wall.tt.hour == 0 && end_wall.tt.minute == 0 && end_wall.tt.second == 0))
            g_date_subtract_days (&last_day, 1);

          if (g_date_compare (&end_day, &item->first_day) < 0)
            {
              g_autofree char *s = format_wall (&item->start_wall);
              g_autofree char *e = format_wall (&end_wall);

              skipped (imp, prop_line (item, "DTEND"), _("DTEND (%s) is before DTSTART (%s)"),
                       e, s);
              return FALSE;
            }
          /* DTEND = DTSTART: a one-day event written carelessly. */
          item->n_days = MAX (0, g_date_days_between (&item->first_day, &last_day));
        }
      else if (duration != NULL)
        item->n_days = MAX (1, (duration_s + 86399) / 86400) - 1;
      else
        item->n_days = 0;

      return TRUE;
    }

  /* Timed: shown in the zone of DTSTART (or the one Eventail wrote), UTC and
   * floating times in the default zone. */
  {
    const char *x_tz = x_value (comp, "X-EVENTAIL-TIMEZONE");
    g_autoptr(GDateTime) end = NULL;

    if (x_tz != NULL && is_olson_name (x_tz))
      item->event_tzid = g_strdup (x_tz);
    else if (item->start_wall.zone != NULL && item->start_wall.zone->olson != NULL)
      item->event_tzid = g_strdup (item->start_wall.zone->olson);
    else if (!item->start_wall.utc && item->start_wall.zone == NULL)
      item->event_tzid = g_strdup (imp->floating_tzid);
    else
      item->event_tzid = g_strdup (imp->default_tzid);
    item->event_tz = g_time_zone_new_identifier (item->event_tzid);
    if (item->event_tz == NULL)
      {
        g_free (item->event_tzid);
        item->event_tzid = g_strdup (imp->default_tzid);
        item->event_tz = g_time_zone_ref (imp->default_tz);
      }

    item->start = wall_to_date_time (imp, &item->start_wall, item->event_tz);
    if (item->start == NULL)
      {
        g_autofree char *raw = raw_value (dtstart);

        skipped (imp, prop_line (item, "DTSTART"), _("DTSTART “%s” is not a valid date"), raw);
        return FALSE;
      }

    if (has_end && end_wall.tt.is_date)
      end = g_date_time_new (item->event_tz, end_wall.tt.year, end_wall.tt.month,
                             end_wall.tt.day, 0, 0, 0);
    else if (has_end)
      end = wall_to_date_time (imp, &end_wall, item->event_tz);
    else
      end = g_date_time_add_seconds (item->start, duration_s);

    if (end == NULL)
      {
        icalproperty *bad = dtend != NULL ? dtend : duration;
        g_autofree char *raw = raw_value (bad);

        skipped (imp, prop_line (item, icalproperty_get_property_name (bad)),
                 _("%s “%s” is not a valid date"), icalproperty_get_property_name (bad), raw);
        return FALSE;
      }

    if (g_date_time_compare (end, item->start) < 0)
      {
        g_autofree char *s = format_wall (&item->start_wall);
        g_autofree char *e = format_wall (&end_wall);

        skipped (imp, prop_line (item, "DTEND"), _("DTEND (%s) is before DTSTART (%s)"), e, s);
        return FALSE;
      }

    item->duration = g_date_time_difference (end, item->start);
  }

  return TRUE;
}

/* The occurrence key of a time of the recurrence (RECURRENCE-ID, EXDATE, RDATE),
 * and its day in the event's zone. */
static char *
key_of_wall (Import     *imp,
             const Item *item,
             const Wall *wall,
             GDate      *day)
{
  g_autoptr(GDateTime) dt = NULL;

  if (wall->tt.is_date)
    {
      wall_get_date (wall, day);
      return occurrence_key_date (day);
    }

  dt = wall_to_date_time (imp, wall, item->event_tz);
  if (dt == NULL)
    return NULL;

  evt_date_to_gdate (dt, day);
  if (item->all_day)
    return occurrence_key_date (day);

  return occurrence_key_time (dt);
}

static Item *
read_item (Import        *imp,
           icalcomponent *comp,
           ScanComp      *scan)
{
  g_autoptr(Item) item = g_new0 (Item, 1);
  icalproperty *prop;

  item->line = scan->line;
  item->scan = scan;
  item->comp = comp;

  if (!check_libical_errors (imp, item))
    return NULL;

  item->uid = stripped_or_null (icalcomponent_get_uid (comp));
  if (item->uid == NULL)
    {
      skipped (imp, item->line, _("UID is missing"));
      return NULL;
    }

  if (!read_dates (imp, item))
    return NULL;

  prop = icalcomponent_get_first_property (comp, ICAL_SEQUENCE_PROPERTY);
  item->sequence = prop != NULL ? MAX (0, icalproperty_get_sequence (prop)) : 0;
  item->last_modified = utc_from_property (comp, ICAL_LASTMODIFIED_PROPERTY);
  item->created = utc_from_property (comp, ICAL_CREATED_PROPERTY);

  prop = icalcomponent_get_first_property (comp, ICAL_RECURRENCEID_PROPERTY);
  if (prop != NULL)
    {
      struct icaltimetype tt = icalproperty_get_recurrenceid (prop);
      Wall wall;

      if (icaltime_is_null_time (tt) || !wall_fields_valid (tt))
        {
          g_autofree char *raw = raw_value (prop);

          skipped (imp, prop_line (item, "RECURRENCE-ID"),
                   _("RECURRENCE-ID “%s” is not a valid date"), raw);
          return NULL;
        }

      wall = wall_from_property (imp, prop, tt, prop_line (item, "RECURRENCE-ID"));
      item->rid_wall = wall;
      item->rid = key_of_wall (imp, item, &wall, &item->rid_day);
      if (item->rid == NULL)
        {
          g_autofree char *raw = raw_value (prop);

          skipped (imp, prop_line (item, "RECURRENCE-ID"),
                   _("RECURRENCE-ID “%s” is not a valid date"), raw);
          return NULL;
        }
    }

  for (prop = icalcomponent_get_first_property (comp, ICAL_RRULE_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_RRULE_PROPERTY))
    {
      struct icalrecurrencetype rule = icalproperty_get_rrule (prop);

      if (rule.freq == ICAL_NO_RECURRENCE || rule.interval < 1)
        {
          g_autofree char *raw = raw_value (prop);

          skipped (imp, prop_line (item, "RRULE"), _("RRULE cannot be read: “%s”"), raw);
          return NULL;
        }
      item->recurring = TRUE;
    }
  if (icalcomponent_get_first_property (comp, ICAL_RDATE_PROPERTY) != NULL)
    item->recurring = TRUE;

  /* An occurrence that was changed is not itself recurring. */
  if (item->rid != NULL)
    item->recurring = FALSE;

  item->template = make_template (imp, item);

  return g_steal_pointer (&item);
}

/* ------------------------------------------------------------------------ */
/* Occurrences                                                               */

typedef struct
{
  char      *key;    /* NULL: a single event */
  GDate      day;    /* of its start, in the event's zone */
  gboolean   all_day;
  GDateTime *start;  /* timed */
} Occurrence;

static void
occurrence_free (gpointer data)
{
  Occurrence *occ = data;

  g_free (occ->key);
  g_clear_pointer (&occ->start, g_date_time_unref);
  g_free (occ);
}

static gboolean
day_in_range (Import      *imp,
              const GDate *day)
{
  return g_date_compare (day, &imp->from) >= 0 && g_date_compare (day, &imp->to) <= 0;
}

/* The occurrence of @master that starts at @wall, or NULL if it is out of the
 * range or was excluded. */
static Occurrence *
occurrence_new (Import      *imp,
                Item        *master,
                const Wall  *wall,
                GHashTable  *exdates)
{
  Occurrence *occ = g_new0 (Occurrence, 1);
  g_autofree char *day_key = NULL;

  occ->all_day = master->all_day;
  if (master->all_day)
    {
      wall_get_date (wall, &occ->day);
      occ->key = occurrence_key_date (&occ->day);
    }
  else
    {
      Wall timed = *wall;

      /* RDATE;VALUE=DATE on a timed event: at the time of DTSTART. */
      if (timed.tt.is_date)
        {
          timed.tt.is_date = 0;
          timed.tt.hour = master->start_wall.tt.hour;
          timed.tt.minute = master->start_wall.tt.minute;
          timed.tt.second = master->start_wall.tt.second;
          timed.utc = master->start_wall.utc;
          timed.zone = master->start_wall.zone;
        }
      occ->start = wall_to_date_time (imp, &timed, master->event_tz);
      if (occ->start == NULL)
        {
          occurrence_free (occ);
          return NULL;
        }
      evt_date_to_gdate (occ->start, &occ->day);
      occ->key = occurrence_key_time (occ->start);
    }

  day_key = occurrence_key_date (&occ->day);
  if (!day_in_range (imp, &occ->day) ||
      g_hash_table_contains (exdates, occ->key) || g_hash_table_contains (exdates, day_key))
    {
      occurrence_free (occ);
      return NULL;
    }

  return occ;
}

/* EXDATE times as occurrence keys; a date-only EXDATE also as a day. */
static GHashTable *
read_exdates (Import *imp,
              Item   *master)
{
  GHashTable *exdates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (icalproperty *prop = icalcomponent_get_first_property (master->comp, ICAL_EXDATE_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (master->comp, ICAL_EXDATE_PROPERTY))
    {
      struct icaltimetype tt = icalproperty_get_exdate (prop);
      Wall wall;
      GDate day;
      char *key;

      if (icaltime_is_null_time (tt) || !wall_fields_valid (tt))
        {
          g_autofree char *raw = raw_value (prop);

          warning (imp, prop_line (master, "EXDATE"),
                   _("EXDATE “%s” ignored: not a valid date"), raw);
          continue;
        }

      wall = wall_from_property (imp, prop, tt, prop_line (master, "EXDATE"));
      key = key_of_wall (imp, master, &wall, &day);
      if (key != NULL)
        g_hash_table_add (exdates, key);
    }

  return exdates;
}

static gint
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  const Occurrence *oa = *(Occurrence **) a;
  const Occurrence *ob = *(Occurrence **) b;

  return strcmp (oa->key, ob->key);
}

/* The occurrences of @master that start within the range, sorted, each once:
 * DTSTART, those of its RRULEs and RDATEs, less its EXDATEs. Bounded in steps and
 * in number, whatever the rule (COUNT=2147483647, UNTIL in the year 5000...). */
static GPtrArray *
expand (Import *imp,
        Item   *master)
{
  g_autoptr(GHashTable) exdates = read_exdates (imp, master);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *occurrences = g_ptr_array_new_with_free_func (occurrence_free);
  GDate stop = imp->to;
  Occurrence *occ;
  gboolean capped = FALSE;

  /* Walls are compared with the range before they are placed in a zone: a day of
   * margin on each side. */
  g_date_add_days (&stop, 1);

#define ADD_OCCURRENCE(o) \
  G_STMT_START { \
    if (g_hash_table_contains (seen, (o)->key)) \
      occurrence_free (o); \
    else \
      { \
        g_hash_table_add (seen, (o)->key); \
        g_ptr_array_add (occurrences, (o)); \
      } \
  } G_STMT_END

  occ = occurrence_new (imp, master, &master->start_wall, exdates);
  if (occ != NULL)
    ADD_OCCURRENCE (occ);

  for (icalproperty *prop = icalcomponent_get_first_property (master->comp, ICAL_RRULE_PROPERTY);
       prop != NULL && !capped;
       prop = icalcomponent_get_next_property (master->comp, ICAL_RRULE_PROPERTY))
    {
      struct icalrecurrencetype rule = icalproperty_get_rrule (prop);
      struct icaltimetype dtstart = master->start_wall.tt;
      icalrecur_iterator *iter;
      guint steps = 0;

      dtstart.zone = NULL;
      iter = icalrecur_iterator_new (rule, dtstart);
      if (iter == NULL)
        {
          g_autofree char *raw = raw_value (prop);

          warning (imp, prop_line (master, "RRULE"),
                   _("RRULE “%s” gives no repetition: only DTSTART is imported"), raw);
          continue;
        }

      for (;;)
        {
          struct icaltimetype tt = icalrecur_iterator_next (iter);
          Wall wall = master->start_wall;
          GDate day;

          if (icaltime_is_null_time (tt) || !wall_fields_valid (tt))
            break;

          if (++steps > EVT_IMPORT_MAX_STEPS)
            {
              g_autofree char *raw = raw_value (prop);

              warning (imp, prop_line (master, "RRULE"),
                       _("RRULE “%s” repeats too often: stopped at %04d-%02d-%02d after %u "
                         "repetitions"), raw, tt.year, tt.month, tt.day,
                       (guint) EVT_IMPORT_MAX_STEPS);
              break;
            }

          wall.tt = tt;
          wall.tt.is_date = master->start_wall.tt.is_date;
          wall_get_date (&wall, &day);
          if (g_date_compare (&day, &stop) > 0)
            break;

          occ = occurrence_new (imp, master, &wall, exdates);
          if (occ == NULL)
            continue;
          ADD_OCCURRENCE (occ);

          if (occurrences->len >= EVT_IMPORT_MAX_OCCURRENCES)
            {
              warning (imp, prop_line (master, "RRULE"),
                       _("more than %u repetitions in the range: only the first %u are "
                         "imported"), (guint) EVT_IMPORT_MAX_OCCURRENCES,
                       (guint) EVT_IMPORT_MAX_OCCURRENCES);
              capped = TRUE;
              break;
            }
        }

      icalrecur_iterator_free (iter);
    }

  for (icalproperty *prop = icalcomponent_get_first_property (master->comp, ICAL_RDATE_PROPERTY);
       prop != NULL && !capped;
       prop = icalcomponent_get_next_property (master->comp, ICAL_RDATE_PROPERTY))
    {
      struct icaldatetimeperiodtype value = icalproperty_get_rdate (prop);
      struct icaltimetype tt = icaltime_is_null_time (value.time) ? value.period.start
                                                                  : value.time;
      Wall wall;

      if (icaltime_is_null_time (tt) || !wall_fields_valid (tt))
        {
          g_autofree char *raw = raw_value (prop);

          warning (imp, prop_line (master, "RDATE"), _("RDATE “%s” ignored: not a valid date"),
                   raw);
          continue;
        }

      wall = wall_from_property (imp, prop, tt, prop_line (master, "RDATE"));
      occ = occurrence_new (imp, master, &wall, exdates);
      if (occ != NULL)
        ADD_OCCURRENCE (occ);
      if (occurrences->len >= EVT_IMPORT_MAX_OCCURRENCES)
        capped = TRUE;
    }

#undef ADD_OCCURRENCE

  g_ptr_array_sort (occurrences, compare_occurrences);

  return occurrences;
}

/* The event for @item (an override, a single event or the master of @occ). */
static EvtEvent *
make_event (Item             *item,
            const Occurrence *occ,
            const char       *key)
{
  EvtEvent *event = evt_event_copy (item->template);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  evt_event_set_timezone (event, item->event_tzid);
  if (item->all_day)
    {
      GDate first = occ != NULL ? occ->day : item->first_day;
      GDate last = first;

      g_date_add_days (&last, item->n_days);
      start = g_date_time_new (item->event_tz, g_date_get_year (&first),
                               g_date_get_month (&first), g_date_get_day (&first), 0, 0, 0);
      end = g_date_time_new (item->event_tz, g_date_get_year (&last),
                             g_date_get_month (&last), g_date_get_day (&last), 0, 0, 0);
    }
  else
    {
      start = g_date_time_ref (occ != NULL ? occ->start : item->start);
      end = g_date_time_add (start, item->duration);
    }

  evt_event_set_dates (event, item->all_day, start, end);
  evt_event_set_recurrence_id (event, key);

  /* Postponed events that Eventail exported keep their first dates. */
  {
    const char *original = x_value (item->comp, "X-EVENTAIL-ORIGINAL-DATES");
    gboolean all_day;
    g_autoptr(GDateTime) ostart = NULL;
    g_autoptr(GDateTime) oend = NULL;

    if (original != NULL &&
        evt_date_range_parse (original, item->event_tz, &all_day, &ostart, &oend, NULL) &&
        all_day == item->all_day)
      evt_event_set_original_dates (event, ostart, oend);
  }

  return event;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */

/* > 0 if version a (SEQUENCE, then LAST-MODIFIED) is newer than version b. */
static int
compare_versions (int        sequence_a,
                  GDateTime *modified_a,
                  int        sequence_b,
                  GDateTime *modified_b)
{
  if (sequence_a != sequence_b)
    return sequence_a > sequence_b ? 1 : -1;
  if (modified_a != NULL && modified_b != NULL)
    return g_date_time_compare (modified_a, modified_b);

  return 0;
}

/* What an import changes on a stored event; notes and budget stay unless the file
 * carries them (an internal export of Eventail). */
static void
apply_import (EvtEvent *stored,
              EvtEvent *incoming)
{
  evt_event_set_title (stored, evt_event_get_title (incoming));
  evt_event_set_kind (stored, evt_event_get_kind (incoming));
  evt_event_set_status (stored, evt_event_get_status (incoming));
  evt_event_set_status_reason (stored, evt_event_get_status_reason (incoming));
  evt_event_set_dates (stored, evt_event_get_all_day (incoming), evt_event_get_start (incoming),
                       evt_event_get_end (incoming));
  evt_event_set_timezone (stored, evt_event_get_timezone (incoming));
  evt_event_set_original_dates (stored, evt_event_get_original_start (incoming),
                                evt_event_get_original_end (incoming));
  evt_event_set_venue (stored, evt_event_get_venue (incoming));
  evt_event_set_city (stored, evt_event_get_city (incoming));
  evt_event_set_country (stored, evt_event_get_country (incoming));
  evt_event_set_organiser (stored, evt_event_get_organiser (incoming));
  evt_event_set_sectors (stored, evt_event_get_sectors (incoming));
  evt_event_set_url (stored, evt_event_get_url (incoming));
  evt_event_set_description (stored, evt_event_get_description (incoming));
  evt_event_set_visibility (stored, evt_event_get_visibility (incoming));
  evt_event_set_source (stored, evt_event_get_source (incoming));
  evt_event_set_recurrence_id (stored, evt_event_get_recurrence_id (incoming));
  evt_event_set_sequence (stored, evt_event_get_sequence (incoming));
  if (evt_event_get_partners (incoming) != NULL)
    evt_event_set_partners (stored, evt_event_get_partners (incoming));
  if (evt_event_get_series (incoming) != NULL)
    evt_event_set_series (stored, evt_event_get_series (incoming));
  if (evt_event_get_notes (incoming) != NULL)
    evt_event_set_notes (stored, evt_event_get_notes (incoming));
  if (evt_event_get_budget_cents (incoming) >= 0)
    evt_event_set_budget_cents (stored, evt_event_get_budget_cents (incoming));
}

/* Gives the stored event the partner's SEQUENCE and LAST-MODIFIED back after
 * evt_store_update_event() bumped the one and set the other to now: otherwise their
 * next version (same SEQUENCE, later LAST-MODIFIED) would look older than ours. */
static gboolean
restore_version (Import     *imp,
                 gint64      id,
                 int         sequence,
                 GDateTime  *modified,
                 GError    **error)
{
  sqlite3 *db = evt_store_get_db (imp->store);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GDateTime) utc = modified != NULL ? g_date_time_to_utc (modified) : NULL;
  g_autofree char *text = utc != NULL ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "UPDATE events SET sequence = ?1, modified = ifnull (?2, modified) "
                              "WHERE id = ?3", -1, &stmt, NULL) != SQLITE_OK)
    {
      evt_store_set_sqlite_error (imp->store, _("cannot save the event"), error);
      return FALSE;
    }
  sqlite3_bind_int (stmt, 1, sequence);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int64 (stmt, 3, id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (imp->store, _("cannot save the event"), error);
      return FALSE;
    }

  return TRUE;
}

/* Inserts @event, or replaces the stored one if @item is a newer version.
 * Returns FALSE only on a database failure that ends the whole file. */
static gboolean
write_event (Import    *imp,
             Item      *item,
             EvtEvent  *event,
             GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(EvtEvent) stored = NULL;

  stored = evt_store_get_occurrence (imp->store, evt_event_get_uid (event),
                                     evt_event_get_recurrence_id (event), &local_error);
  if (stored == NULL)
    {
      if (!g_error_matches (local_error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);

      if (!evt_store_validate_event (imp->store, event, &local_error) ||
          !evt_store_insert_event (imp->store, event, &local_error))
        {
          if (local_error->domain == EVT_STORE_ERROR &&
              (local_error->code == EVT_STORE_ERROR_INVALID ||
               local_error->code == EVT_STORE_ERROR_CONSTRAINT))
            {
              skipped (imp, item->line, "%s", local_error->message);
              return TRUE;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      imp->result->n_imported++;
      return TRUE;
    }

  if (compare_versions (item->sequence, item->last_modified, evt_event_get_sequence (stored),
                        evt_event_get_modified (stored)) <= 0)
    {
      imp->result->n_unchanged++;
      return TRUE;
    }

  apply_import (stored, event);
  if (!evt_store_validate_event (imp->store, stored, &local_error) ||
      !evt_store_update_event (imp->store, stored, &local_error))
    {
      if (local_error->domain == EVT_STORE_ERROR &&
          (local_error->code == EVT_STORE_ERROR_INVALID ||
           local_error->code == EVT_STORE_ERROR_CONSTRAINT))
        {
          skipped (imp, item->line, "%s", local_error->message);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!restore_version (imp, evt_event_get_id (stored), item->sequence, item->last_modified,
                        error))
    return FALSE;

  imp->result->n_updated++;
  return TRUE;
}

/* Removes the stored occurrences of @master's UID that its newer version no longer
 * has (an EXDATE added, the rule changed, a series that became a single event);
 * only within the range, which is all that was expanded. */
static gboolean
remove_stale (Import      *imp,
              Item        *master,
              GHashTable  *keys,
              GError     **error)
{
  sqlite3 *db = evt_store_get_db (imp->store);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT id, recurrence_id FROM events WHERE uid = ?1", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      evt_store_set_sqlite_error (imp->store, _("cannot read the events"), error);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, master->uid, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *rid = (const char *) sqlite3_column_text (stmt, 1);

      if (g_hash_table_contains (keys, rid != NULL ? rid : ""))
        continue;

      if (master->recurring && rid != NULL)
        {
          GDate day;
          int y, m, d;

          if (sscanf (rid, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
              !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
            continue;
          g_date_clear (&day, 1);
          g_date_set_dmy (&day, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
          if (!day_in_range (imp, &day))
            continue;
        }
      else if (!master->recurring && rid == NULL)
        continue;

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (imp->store, _("cannot read the events"), error);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(EvtEvent) stored = evt_store_get_event (imp->store, id, error);

      if (stored == NULL)
        return FALSE;
      if (compare_versions (master->sequence, master->last_modified,
                            evt_event_get_sequence (stored), evt_event_get_modified (stored)) <= 0)
        continue;
      if (!evt_store_delete_event (imp->store, id, error))
        return FALSE;
      imp->result->n_removed++;
    }

  return TRUE;
}

static gboolean
check_cancelled (Import  *imp,
                 GError **error)
{
  if (!g_cancellable_is_cancelled (imp->cancellable))
    return FALSE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("%s: the import was cancelled"),
               imp->result->name);

  return TRUE;
}

static gboolean
file_cap_reached (Import *imp,
                  guint   line)
{
  if (imp->n_written < EVT_IMPORT_MAX_FILE_OCCURRENCES)
    return FALSE;

  if (!imp->occurrence_cap_reported)
    warning (imp, line, _("more than %u events in the file: the rest is not imported"),
             (guint) EVT_IMPORT_MAX_FILE_OCCURRENCES);
  imp->occurrence_cap_reported = TRUE;

  return TRUE;
}

/* Writes @master and its occurrences, with @overrides (Item, RECURRENCE-ID of the
 * same UID) in place of theirs. */
static gboolean
write_series (Import     *imp,
              Item       *master,
              GPtrArray  *overrides,
              GError    **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_day = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) occurrences = NULL;

  if (!master->recurring)
    {
      g_autoptr(EvtEvent) event = make_event (master, NULL, NULL);

      if (file_cap_reached (imp, master->line))
        return TRUE;
      imp->n_written++;
      g_hash_table_add (keys, g_strdup (""));
      if (!write_event (imp, master, event, error))
        return FALSE;
      return remove_stale (imp, master, keys, error);
    }

  /* Overrides, by the key of their RECURRENCE-ID as an occurrence of this master. */
  for (guint i = 0; overrides != NULL && i < overrides->len; i++)
    {
      Item *override = g_ptr_array_index (overrides, i);
      GDate day;
      char *key = key_of_wall (imp, master, &override->rid_wall, &day);

      if (key == NULL)
        continue;
      if (override->rid_wall.tt.is_date)
        g_hash_table_insert (by_day, occurrence_key_date (&day), override);
      g_hash_table_insert (by_key, key, override);
    }

  occurrences = expand (imp, master);
  if (occurrences->len == 0 && (overrides == NULL || overrides->len == 0))
    {
      g_autofree char *from = occurrence_key_date (&imp->from);
      g_autofree char *to = occurrence_key_date (&imp->to);

      note (imp, master->line, _("“%s” repeats, but not between %s and %s: nothing imported"),
            evt_event_get_title (master->template), from, to);
    }

  for (guint i = 0; i < occurrences->len; i++)
    {
      Occurrence *occ = g_ptr_array_index (occurrences, i);
      g_autofree char *day_key = occurrence_key_date (&occ->day);
      Item *override = g_hash_table_lookup (by_key, occ->key);
      g_autoptr(EvtEvent) event = NULL;

      if (override == NULL)
        override = g_hash_table_lookup (by_day, day_key);

      if (file_cap_reached (imp, master->line))
        break;
      imp->n_written++;

      if (override != NULL && !g_hash_table_contains (used, override))
        {
          g_hash_table_add (used, override);
          event = make_event (override, NULL, occ->key);
          g_hash_table_add (keys, g_strdup (occ->key));
          if (!write_event (imp, override, event, error))
            return FALSE;
        }
      else
        {
          event = make_event (master, occ, occ->key);
          g_hash_table_add (keys, g_strdup (occ->key));
          if (!write_event (imp, master, event, error))
            return FALSE;
        }

      if ((i & 63) == 0)
        {
          if (check_cancelled (imp, error))
            return FALSE;
          report_progress (imp, 0.1 + 0.9 * (imp->item_index + (double) i / occurrences->len) /
                                MAX (imp->n_items, 1));
        }
    }

  /* Overrides of occurrences the rule does not give in the range (moved into it,
   * or beyond the expansion): kept if they fall in the range. */
  for (guint i = 0; overrides != NULL && i < overrides->len; i++)
    {
      Item *override = g_ptr_array_index (overrides, i);
      g_autoptr(EvtEvent) event = NULL;
      g_autofree char *key = NULL;
      GDate day, start_day;

      if (g_hash_table_contains (used, override))
        continue;

      key = key_of_wall (imp, master, &override->rid_wall, &day);
      if (override->all_day)
        start_day = override->first_day;
      else
        evt_date_to_gdate (override->start, &start_day);
      if (key == NULL || (!day_in_range (imp, &day) && !day_in_range (imp, &start_day)))
        continue;
      if (file_cap_reached (imp, override->line))
        break;
      imp->n_written++;

      event = make_event (override, NULL, key);
      g_hash_table_add (keys, g_strdup (key));
      if (!write_event (imp, override, event, error))
        return FALSE;
    }

  return remove_stale (imp, master, keys, error);
}

/* ------------------------------------------------------------------------ */
/* One file                                                                  */

static int
compare_messages (gconstpointer a,
                  gconstpointer b)
{
  const EvtImportMessage *ma = *(EvtImportMessage **) a;
  const EvtImportMessage *mb = *(EvtImportMessage **) b;

  return (ma->line > mb->line) - (ma->line < mb->line);
}

/* Reports what the scan left out, and builds the text libical reads. */
static char *
report_scan_and_build_text (Import *imp)
{
  g_autoptr(GHashTable) ignored = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  g_autoptr(GPtrArray) ignored_order = g_ptr_array_new ();
  g_autoptr(GHashTable) tzids = g_hash_table_new (g_str_hash, g_str_equal);
  GString *text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                                "PRODID:-//Eventail//Import//EN\r\n");
  guint n_events = 0;

  for (guint i = 0; i < imp->comps->len; i++)
    {
      ScanComp *comp = g_ptr_array_index (imp->comps, i);
      gboolean is_event = strcmp (comp->name, "VEVENT") == 0;
      gboolean is_timezone = strcmp (comp->name, "VTIMEZONE") == 0;

      if (is_event)
        n_events++;

      if (!is_event && !is_timezone)
        {
          /* VTODO, VJOURNAL, VFREEBUSY...: counted, reported once per kind. */
          GArray *seen = g_hash_table_lookup (ignored, comp->name);

          if (seen == NULL)
            {
              seen = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (ignored, comp->name, seen);
              g_ptr_array_add (ignored_order, comp);
            }
          g_array_append_val (seen, comp->line);
          continue;
        }

      if (comp->problem != NULL)
        {
          if (is_event)
            skipped (imp, comp->problem_line, "%s", comp->problem);
          else
            warning (imp, comp->problem_line, _("VTIMEZONE ignored: %s"), comp->problem);
          continue;
        }

      if (is_timezone)
        {
          if (comp->tzid == NULL || g_hash_table_contains (tzids, comp->tzid))
            continue;
          g_hash_table_add (tzids, comp->tzid);
        }

      g_string_append_len (text, comp->text->str, comp->text->len);
    }

  for (guint i = 0; i < ignored_order->len; i++)
    {
      ScanComp *comp = g_ptr_array_index (ignored_order, i);
      GArray *seen = g_hash_table_lookup (ignored, comp->name);

      if (seen->len == 1)
        note (imp, comp->line, _("%s ignored: only events (VEVENT) are imported"), comp->name);
      else
        note (imp, comp->line,
              g_dngettext (GETTEXT_PACKAGE,
                           "%u %s ignored (the first here): only events (VEVENT) are imported",
                           "%u %s ignored (the first here): only events (VEVENT) are imported",
                           seen->len),
              seen->len, comp->name);
      g_array_unref (seen);
    }

  if (n_events == 0)
    note (imp, 0, _("the calendar has no events (VEVENT): nothing to import"));

  g_string_append (text, "END:VCALENDAR\r\n");

  return g_string_free (text, FALSE);
}

static ScanComp *
scan_comp_of (Import        *imp,
              icalcomponent *comp)
{
  const char *ref = x_value (comp, REF_PROPERTY);
  guint64 index;

  if (ref == NULL || !g_ascii_string_to_unsigned (ref, 10, 0, imp->comps->len - 1, &index, NULL))
    return NULL;

  return g_ptr_array_index (imp->comps, index);
}

static gboolean
read_components (Import     *imp,
                 const char *text,
                 GPtrArray  *items,
                 GError    **error)
{
  icalcomponent *calendar;

  imp->root = icalparser_parse_string (text);
  if (imp->root == NULL)
    return fail (imp, error, EVT_IMPORT_ERROR_INVALID, _("libical cannot read the calendar"));

  calendar = imp->root;
  if (icalcomponent_isa (calendar) != ICAL_VCALENDAR_COMPONENT)
    calendar = icalcomponent_get_first_component (imp->root, ICAL_VCALENDAR_COMPONENT);
  if (calendar == NULL)
    return fail (imp, error, EVT_IMPORT_ERROR_INVALID, _("libical cannot read the calendar"));

  for (icalcomponent *comp = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
       comp != NULL;
       comp = icalcomponent_get_next_component (calendar, ICAL_VTIMEZONE_COMPONENT))
    {
      icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_TZID_PROPERTY);
      const char *tzid = prop != NULL ? icalproperty_get_tzid (prop) : NULL;

      if (tzid != NULL && !g_hash_table_contains (imp->vtimezones, tzid))
        g_hash_table_insert (imp->vtimezones, g_strdup (tzid), comp);
    }

  for (icalcomponent *comp = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       comp != NULL;
       comp = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      ScanComp *scan_comp = scan_comp_of (imp, comp);
      Item *item;

      if (scan_comp == NULL)
        continue;  /* never happens: every VEVENT given to libical has its marker */

      item = read_item (imp, comp, scan_comp);
      if (item != NULL)
        g_ptr_array_add (items, item);
    }

  return TRUE;
}

/* The same UID (and RECURRENCE-ID) twice: the newer is kept, the other dropped. */
static void
resolve_duplicates (Import    *imp,
                    GPtrArray *items)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      g_autofree char *key = g_strconcat (item->uid, "\n", item->rid ? item->rid : "", NULL);
      Item *other = g_hash_table_lookup (seen, key);
      Item *kept;

      if (other == NULL)
        {
          g_hash_table_insert (seen, g_steal_pointer (&key), item);
          continue;
        }

      /* On a tie the later one wins, as a calendar client reading the file would. */
      kept = compare_versions (other->sequence, other->last_modified, item->sequence,
                               item->last_modified) > 0 ? other : item;
      (kept == item ? other : item)->dropped = TRUE;
      note (imp, item->line,
            _("UID “%s” appears twice (lines %u and %u): the one at line %u (SEQUENCE %d) is "
              "kept"), item->uid, other->line, item->line, kept->line, kept->sequence);
      g_hash_table_replace (seen, g_steal_pointer (&key), kept);
    }
}

static gboolean
write_items (Import     *imp,
             GPtrArray  *items,
             GError    **error)
{
  g_autoptr(GHashTable) masters = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) overrides = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      if (item->dropped)
        continue;
      if (item->rid == NULL)
        g_hash_table_insert (masters, item->uid, item);
      else
        {
          GPtrArray *list = g_hash_table_lookup (overrides, item->uid);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (overrides, item->uid, list);
            }
          g_ptr_array_add (list, item);
        }
    }

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      Item *master;

      if (item->dropped)
        continue;

      if (check_cancelled (imp, error))
        return FALSE;
      imp->item_index = i;
      imp->n_items = items->len;
      report_progress (imp, 0.1 + 0.9 * i / items->len);

      if (item->rid == NULL)
        {
          GPtrArray *list = item->recurring ? g_hash_table_lookup (overrides, item->uid) : NULL;

          if (!write_series (imp, item, list, error))
            return FALSE;
          continue;
        }

      /* An override: written with its recurring master, else on its own (an
       * exception whose master is not in the file). */
      master = g_hash_table_lookup (masters, item->uid);
      if (master != NULL && master->recurring)
        continue;

      if (!file_cap_reached (imp, item->line))
        {
          g_autoptr(EvtEvent) event = make_event (item, NULL, item->rid);

          imp->n_written++;
          if (!write_event (imp, item, event, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
import_init (Import                 *imp,
             EvtStore               *store,
             const char             *name,
             const EvtImportOptions *options,
             GCancellable           *cancellable,
             EvtImportProgressFunc   progress,
             gpointer                progress_data,
             GError                **error)
{
  static gsize libical_ready = 0;
  const char *tzid = options != NULL ? options->default_timezone : NULL;
  g_autoptr(GError) local_error = NULL;

  /* libical must never abort the program on a bad file. */
  if (g_once_init_enter (&libical_ready))
    {
      icalerror_set_errors_are_fatal (0);
      g_once_init_leave (&libical_ready, 1);
    }

  imp->store = store;
  imp->result = evt_import_result_new (name);
  imp->cancellable = cancellable;
  imp->progress = progress;
  imp->progress_data = progress_data;
  imp->lines = g_ptr_array_new_with_free_func (line_free);
  imp->comps = g_ptr_array_new_with_free_func (scan_comp_free);
  imp->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, zone_free);
  imp->vtimezones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp->utc = g_time_zone_new_utc ();

  imp->default_tzid = g_strdup (tzid != NULL && *tzid != '\0' ? tzid : EVT_DEFAULT_TIMEZONE);
  imp->default_tz = g_time_zone_new_identifier (imp->default_tzid);
  if (imp->default_tz == NULL)
    return fail (imp, error, EVT_IMPORT_ERROR_INVALID,
                 _("“%s” is not a known time zone"), imp->default_tzid);

  if (options != NULL && g_date_valid (&options->from))
    imp->from = options->from;
  if (options != NULL && g_date_valid (&options->to))
    imp->to = options->to;
  if (!g_date_valid (&imp->from) || !g_date_valid (&imp->to))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (imp->default_tz);
      int year = g_date_time_get_year (now);

      if (!g_date_valid (&imp->from))
        g_date_set_dmy (&imp->from, 1, G_DATE_JANUARY, (GDateYear) (year - 1));
      if (!g_date_valid (&imp->to))
        g_date_set_dmy (&imp->to, 31, G_DATE_DECEMBER, (GDateYear) (year + 1));
    }
  if (g_date_compare (&imp->from, &imp->to) > 0)
    return fail (imp, error, EVT_IMPORT_ERROR_INVALID,
                 _("the recurrence range ends before it starts"));

  imp->sectors = evt_store_list_sectors (store, &local_error);
  if (imp->sectors == NULL)
    return fail (imp, error, EVT_IMPORT_ERROR_STORE, "%s", local_error->message);

  return TRUE;
}

static void
import_resolve_floating_zone (Import *imp)
{
  g_autofree char *olson = NULL;

  if (imp->floating_tzid != NULL)
    {
      olson = find_olson (imp->floating_tzid);
      if (olson == NULL && evt_import_windows_zone_to_olson (imp->floating_tzid) != NULL)
        olson = g_strdup (evt_import_windows_zone_to_olson (imp->floating_tzid));
      if (olson == NULL)
        warning (imp, 0, _("unknown calendar time zone (X-WR-TIMEZONE) “%s”: times without "
                           "a zone are read in %s"), imp->floating_tzid, imp->default_tzid);
    }

  g_free (imp->floating_tzid);
  imp->floating_tzid = g_strdup (olson != NULL ? olson : imp->default_tzid);
  imp->floating_tz = g_time_zone_new_identifier (imp->floating_tzid);
  if (imp->floating_tz == NULL)
    {
      g_free (imp->floating_tzid);
      imp->floating_tzid = g_strdup (imp->default_tzid);
      imp->floating_tz = g_time_zone_ref (imp->default_tz);
    }
}

static gboolean
import_run (Import  *imp,
            GBytes  *data,
            GError **error)
{
  gsize size = g_bytes_get_size (data);
  g_autofree char *text = NULL;
  g_autofree char *ical_text = NULL;
  gsize len = 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (item_free);
  g_autoptr(GError) local_error = NULL;

  if (size > EVT_IMPORT_MAX_FILE_SIZE)
    return fail (imp, error, EVT_IMPORT_ERROR_TOO_LARGE,
                 _("the file is too large (more than %u MiB)"),
                 (guint) (EVT_IMPORT_MAX_FILE_SIZE / (1024 * 1024)));
  if (size == 0)
    return fail (imp, error, EVT_IMPORT_ERROR_INVALID, _("the file is empty"));

  text = decode (imp, g_bytes_get_data (data, NULL), size, &len, error);
  if (text == NULL)
    return FALSE;

  imp->cp1252 = looks_like_cp1252 (text, len);
  split_lines (imp, text, len);
  g_clear_pointer (&text, g_free);

  if (!scan (imp, error))
    return FALSE;
  g_clear_pointer (&imp->lines, g_ptr_array_unref);

  import_resolve_floating_zone (imp);

  ical_text = report_scan_and_build_text (imp);
  if (!read_components (imp, ical_text, items, error))
    return FALSE;
  g_clear_pointer (&ical_text, g_free);

  resolve_duplicates (imp, items);
  report_progress (imp, 0.1);

  if (check_cancelled (imp, error))
    return FALSE;

  /* One transaction for the whole file. */
  if (!evt_store_begin (imp->store, &local_error))
    return fail (imp, error, EVT_IMPORT_ERROR_STORE, "%s", local_error->message);

  if (!write_items (imp, items, &local_error))
    {
      evt_store_rollback (imp->store);
      if (local_error->domain == G_IO_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return fail (imp, error, EVT_IMPORT_ERROR_STORE, "%s", local_error->message);
    }

  if (!evt_store_commit (imp->store, &local_error))
    return fail (imp, error, EVT_IMPORT_ERROR_STORE, "%s", local_error->message);

  report_progress (imp, 1.0);

  return TRUE;
}

/**
 * evt_import_data:
 * @store: an open store
 * @name: the file's base name, for messages and the events' source
 * @data: the content of the file
 * @options: (nullable): how to read it; %NULL for the defaults
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable) (scope call): called as the work goes on, in this thread
 * @progress_data: data for @progress
 * @error: return location for a #GError
 *
 * Imports the events of one iCalendar file in one transaction: new ones are
 * added, those already there (same UID and RECURRENCE-ID) replaced if the file's
 * version is newer (SEQUENCE, then LAST-MODIFIED). Events that cannot be read are
 * skipped and reported in the result.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL if the file was
 *   refused as a whole (%EVT_IMPORT_ERROR; the store is then unchanged)
 */
EvtImportResult *
evt_import_data (EvtStore                *store,
                 const char              *name,
                 GBytes                  *data,
                 const EvtImportOptions  *options,
                 GCancellable            *cancellable,
                 EvtImportProgressFunc    progress,
                 gpointer                 progress_data,
                 GError                 **error)
{
  Import imp = { 0 };
  gboolean ok;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ok = import_init (&imp, store, name, options, cancellable, progress, progress_data, error) &&
       import_run (&imp, data, error);

  import_clear (&imp);

  if (!ok)
    {
      evt_import_result_free (imp.result);
      return NULL;
    }

  g_ptr_array_sort (imp.result->messages, compare_messages);
  if (imp.n_hidden_messages > 0)
    {
      EvtImportMessage *message = g_new0 (EvtImportMessage, 1);

      message->kind = EVT_IMPORT_MESSAGE_NOTE;
      message->text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%u more message not shown",
                                                    "%u more messages not shown",
                                                    imp.n_hidden_messages),
                                       imp.n_hidden_messages);
      g_ptr_array_add (imp.result->messages, message);
    }

  return imp.result;
}

/**
 * evt_import_file:
 * @store: an open store
 * @file: an iCalendar file
 * @options: (nullable): how to read it; %NULL for the defaults
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable) (scope call): called as the work goes on, in this thread
 * @progress_data: data for @progress
 * @error: return location for a #GError
 *
 * Reads @file and imports it with evt_import_data(); the events' source is the
 * file's base name.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set if the
 *   file could not be read or was refused as a whole (the store is then unchanged)
 */
EvtImportResult *
evt_import_file (EvtStore                *store,
                 GFile                   *file,
                 const EvtImportOptions  *options,
                 GCancellable            *cancellable,
                 EvtImportProgressFunc    progress,
                 gpointer                 progress_data,
                 GError                 **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) data = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  if (name == NULL)
    name = g_file_get_parse_name (file);

  /* Not all of a 4 GB file in memory just to refuse it. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, EVT_IMPORT_ERROR, EVT_IMPORT_ERROR_READ, _("%s: no such file"),
                     name);
      else
        g_set_error (error, EVT_IMPORT_ERROR, EVT_IMPORT_ERROR_READ,
                     _("%s: cannot be read: %s"), name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, EVT_IMPORT_ERROR, EVT_IMPORT_ERROR_READ,
                   _("%s: this is a folder, not a file"), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > EVT_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, EVT_IMPORT_ERROR, EVT_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the file is too large (more than %u MiB)"), name,
                   (guint) (EVT_IMPORT_MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_set_error (error, EVT_IMPORT_ERROR, EVT_IMPORT_ERROR_READ, _("%s: cannot be read: %s"),
                   name, local_error->message);
      return NULL;
    }
  data = g_bytes_new_take (contents, length);

  return evt_import_data (store, name, data, options, cancellable, progress, progress_data,
                          error);
}

/* ------------------------------------------------------------------------ */
/* In a thread                                                               */

typedef struct
{
  EvtImportProgressFunc  func;
  gpointer               data;
  GDestroyNotify         data_free;
} ProgressTarget;

typedef struct
{
  ProgressTarget *target;  /* atomic rc box */
  double          fraction;
} ProgressCall;

typedef struct
{
  GFile            *file;
  EvtImportOptions *options;
  ProgressTarget   *target;  /* atomic rc box, nullable */
  GMainContext     *context;
} ImportTaskData;

static void
progress_target_clear (gpointer data)
{
  ProgressTarget *target = data;

  if (target->data_free != NULL)
    target->data_free (target->data);
}

static void
import_task_data_free (gpointer data)
{
  ImportTaskData *task_data = data;

  g_clear_object (&task_data->file);
  evt_import_options_free (task_data->options);
  if (task_data->target != NULL)
    g_atomic_rc_box_release_full (task_data->target, progress_target_clear);
  g_main_context_unref (task_data->context);
  g_free (task_data);
}

static void
progress_call_free (gpointer data)
{
  ProgressCall *call = data;

  g_atomic_rc_box_release_full (call->target, progress_target_clear);
  g_free (call);
}

static gboolean
progress_dispatch (gpointer data)
{
  ProgressCall *call = data;

  call->target->func (call->fraction, call->target->data);

  return G_SOURCE_REMOVE;
}

/* In the worker thread: hands the fraction to the caller's main context. */
static void
progress_in_thread (double   fraction,
                    gpointer data)
{
  ImportTaskData *task_data = data;
  ProgressCall *call = g_new0 (ProgressCall, 1);

  call->target = g_atomic_rc_box_acquire (task_data->target);
  call->fraction = fraction;
  g_main_context_invoke_full (task_data->context, G_PRIORITY_DEFAULT, progress_dispatch, call,
                              progress_call_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      data,
               GCancellable *cancellable)
{
  ImportTaskData *task_data = data;
  EvtImportResult *result;
  GError *error = NULL;

  result = evt_import_file (source_object, task_data->file, task_data->options, cancellable,
                            task_data->target != NULL ? progress_in_thread : NULL, task_data,
                            &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) evt_import_result_free);
}

/**
 * evt_import_file_async:
 * @store: an open store
 * @file: an iCalendar file
 * @options: (nullable): how to read it; %NULL for the defaults
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable): called with the fraction done, in the thread-default main
 *   context of the caller
 * @progress_data: data for @progress
 * @progress_data_free: (nullable): frees @progress_data when no longer needed
 * @callback: called when the import is over
 * @user_data: data for @callback
 *
 * Imports @file as evt_import_file() does, in a worker thread.
 */
void
evt_import_file_async (EvtStore                *store,
                       GFile                   *file,
                       const EvtImportOptions  *options,
                       GCancellable            *cancellable,
                       EvtImportProgressFunc    progress,
                       gpointer                 progress_data,
                       GDestroyNotify           progress_data_free,
                       GAsyncReadyCallback      callback,
                       gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTaskData *task_data;

  g_return_if_fail (EVT_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task_data = g_new0 (ImportTaskData, 1);
  task_data->file = g_object_ref (file);
  task_data->options = options != NULL ? evt_import_options_copy (options) : NULL;
  task_data->context = g_main_context_ref_thread_default ();
  if (progress != NULL)
    {
      task_data->target = g_atomic_rc_box_new0 (ProgressTarget);
      task_data->target->func = progress;
      task_data->target->data = progress_data;
      task_data->target->data_free = progress_data_free;
    }
  else if (progress_data_free != NULL)
    progress_data_free (progress_data);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, evt_import_file_async);
  g_task_set_task_data (task, task_data, import_task_data_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * evt_import_file_finish:
 * @store: the store given to evt_import_file_async()
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
EvtImportResult *
evt_import_file_finish (EvtStore      *store,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (EVT_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == evt_import_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
