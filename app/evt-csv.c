/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-csv.c: CSV as spreadsheets write it (; or , separators, UTF-8 or Windows-1252). */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "evt-csv.h"

/* Files bigger than this are not member lists. */
#define MAX_CSV_SIZE (64 * 1024 * 1024)

struct _EvtCsv
{
  GPtrArray *records;   /* of GStrv */
  GArray    *lines;     /* of guint: the line each record starts on */
  char       separator;
  const char *encoding;
};

G_DEFINE_QUARK (evt-csv-error-quark, evt_csv_error)

/* Windows-1252 0x80-0x9F; the five holes are mapped to the C1 controls, as the
 * WHATWG encoding standard does, so that no byte is lost. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static char *
decode_cp1252 (const guchar *data,
               gsize         length)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else if (c < 0xA0)
        g_string_append_unichar (out, cp1252_high[c - 0x80]);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
has_prefix (const guchar *data,
            gsize         length,
            const char   *magic,
            gsize         magic_length)
{
  return length >= magic_length && memcmp (data, magic, magic_length) == 0;
}

/* Spreadsheets saved in their own format by mistake are the usual wrong file: name
 * them, and say what to do. */
static gboolean
check_text (const guchar  *data,
            gsize          length,
            GError       **error)
{
  gsize n_control = 0;
  gsize n_checked = MIN (length, 65536);

  if (has_prefix (data, length, "PK\x03\x04", 4))
    {
      g_set_error_literal (error, EVT_CSV_ERROR, EVT_CSV_ERROR_NOT_TEXT,
                           _("This is a spreadsheet (.xlsx or .ods) or a zip archive, "
                             "not a CSV file: open it in the spreadsheet and save it "
                             "as “CSV” (text with separators)"));
      return FALSE;
    }
  if (has_prefix (data, length, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    {
      g_set_error_literal (error, EVT_CSV_ERROR, EVT_CSV_ERROR_NOT_TEXT,
                           _("This is an Excel 97–2003 spreadsheet (.xls), not a CSV "
                             "file: open it in the spreadsheet and save it as “CSV” "
                             "(text with separators)"));
      return FALSE;
    }
  if (has_prefix (data, length, "%PDF-", 5))
    {
      g_set_error_literal (error, EVT_CSV_ERROR, EVT_CSV_ERROR_NOT_TEXT,
                           _("This is a PDF document, not a CSV file"));
      return FALSE;
    }

  for (gsize i = 0; i < n_checked; i++)
    {
      guchar c = data[i];

      if (c == '\0')
        {
          n_control = n_checked;
          break;
        }
      /* DOS end-of-file marker at the very end is harmless. */
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
           !(c == 0x1A && i == length - 1)) || c == 0x7F)
        n_control++;
    }

  if (n_control > 0 && n_control * 200 >= n_checked)
    {
      g_set_error_literal (error, EVT_CSV_ERROR, EVT_CSV_ERROR_NOT_TEXT,
                           _("This is a binary file, not a CSV file (text with "
                             "separators)"));
      return FALSE;
    }

  return TRUE;
}

/* Returns the text as UTF-8, without byte order mark. */
static char *
decode (const guchar  *data,
        gsize          length,
        const char   **encoding,
        GError       **error)
{
  if (has_prefix (data, length, "\xFF\xFE", 2) || has_prefix (data, length, "\xFE\xFF", 2))
    {
      gboolean le = data[0] == 0xFF;
      g_autoptr(GError) local_error = NULL;
      char *text;

      text = g_convert ((const char *) data + 2, length - 2, "UTF-8",
                        le ? "UTF-16LE" : "UTF-16BE", NULL, NULL, &local_error);
      if (text == NULL)
        {
          g_set_error (error, EVT_CSV_ERROR, EVT_CSV_ERROR_NOT_TEXT,
                       _("The file starts as UTF-16 text but is not: %s"),
                       local_error->message);
          return NULL;
        }
      *encoding = le ? "UTF-16LE" : "UTF-16BE";
      return text;
    }

  if (!check_text (data, length, error))
    return NULL;

  if (has_prefix (data, length, "\xEF\xBB\xBF", 3))
    {
      data += 3;
      length -= 3;
    }

  if (g_utf8_validate ((const char *) data, length, NULL))
    {
      *encoding = "UTF-8";
      return g_strndup ((const char *) data, length);
    }

  *encoding = "WINDOWS-1252";
  return decode_cp1252 (data, length);
}

/* The separator is the most frequent of ";", tab and "," in the first line,
 * outside quotes; ";" wins ties because French spreadsheets use it. */
static char
detect_separator (const char *text)
{
  static const char candidates[] = { ';', '\t', ',' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  guint best = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted)
        {
          for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
            if (*p == candidates[i])
              counts[i]++;
        }
    }

  for (guint i = 1; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > counts[best])
      best = i;

  return counts[best] > 0 ? candidates[best] : ',';
}

static gboolean
record_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = g_ptr_array_index (fields, i);

      for (const char *p = field; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }
  return TRUE;
}

/* Keeps the record in *fields unless it is blank, and leaves *fields empty. */
static void
end_record (EvtCsv     *self,
            GPtrArray **fields,
            guint       line)
{
  if (record_is_blank (*fields))
    {
      g_ptr_array_set_size (*fields, 0);
      return;
    }

  g_ptr_array_add (*fields, NULL);
  g_ptr_array_add (self->records, g_ptr_array_free (*fields, FALSE));
  g_array_append_val (self->lines, line);
  *fields = g_ptr_array_new_with_free_func (g_free);
}

static gboolean
parse_text (EvtCsv      *self,
            const char  *text,
            GError     **error)
{
  g_autoptr(GString) field = g_string_new (NULL);
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  const char sep = self->separator;
  const char *p = text;
  guint line = 1;
  guint record_line = 1;
  guint quote_line = 0;
  gboolean in_quotes = FALSE;
  gboolean field_started = FALSE;

  while (*p != '\0')
    {
      char c = *p;

      if (in_quotes)
        {
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p += 2;
            }
          else if (c == '"')
            {
              in_quotes = FALSE;
              p++;
            }
          else if (c == '\r' || c == '\n')
            {
              /* A line break inside a cell: keep it as one "\n". */
              g_string_append_c (field, '\n');
              p += (c == '\r' && p[1] == '\n') ? 2 : 1;
              line++;
            }
          else
            {
              g_string_append_c (field, c);
              p++;
            }
          continue;
        }

      if (c == '"' && !field_started)
        {
          in_quotes = TRUE;
          field_started = TRUE;
          quote_line = line;
          p++;
        }
      else if (c == sep)
        {
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          field_started = FALSE;
          p++;
        }
      else if (c == '\r' || c == '\n')
        {
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          field_started = FALSE;
          end_record (self, &fields, record_line);
          p += (c == '\r' && p[1] == '\n') ? 2 : 1;
          line++;
          record_line = line;
        }
      else if (c == 0x1A && p[1] == '\0')
        {
          p++;
        }
      else
        {
          /* A quote inside an unquoted field, or text after a closing quote, is
           * kept as written: spreadsheets never write it, people sometimes do. */
          g_string_append_c (field, c);
          field_started = TRUE;
          p++;
        }
    }

  if (in_quotes)
    {
      g_ptr_array_unref (fields);
      g_set_error (error, EVT_CSV_ERROR, EVT_CSV_ERROR_SYNTAX,
                   _("Line %u: a quoted field starts here and is never closed "
                     "(a \" is missing)"), quote_line);
      return FALSE;
    }

  if (field_started || fields->len > 0)
    {
      g_ptr_array_add (fields, g_strndup (field->str, field->len));
      end_record (self, &fields, record_line);
    }
  g_ptr_array_unref (fields);

  return TRUE;
}

/**
 * evt_csv_parse:
 * @data: the bytes of a CSV file
 * @length: the length of @data
 * @error: return location for a #GError
 *
 * Decodes and splits a CSV file (see #EvtCsv for what is accepted).
 *
 * Returns: (transfer full) (nullable): the records, or %NULL with
 *   %EVT_CSV_ERROR_EMPTY, %EVT_CSV_ERROR_NOT_TEXT or %EVT_CSV_ERROR_SYNTAX
 */
EvtCsv *
evt_csv_parse (const char  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr(EvtCsv) self = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length == 0)
    {
      g_set_error_literal (error, EVT_CSV_ERROR, EVT_CSV_ERROR_EMPTY,
                           _("The file is empty"));
      return NULL;
    }

  text = decode ((const guchar *) data, length, &encoding, error);
  if (text == NULL)
    return NULL;

  self = g_new0 (EvtCsv, 1);
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->encoding = encoding;
  self->separator = detect_separator (text);

  if (!parse_text (self, text, error))
    return NULL;

  if (self->records->len == 0)
    {
      g_set_error_literal (error, EVT_CSV_ERROR, EVT_CSV_ERROR_EMPTY,
                           _("The file is empty (it has only blank lines)"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * evt_csv_load:
 * @path: a file name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and parses @path. Errors are prefixed with the file name.
 *
 * Returns: (transfer full) (nullable): the records, or %NULL
 */
EvtCsv *
evt_csv_load (const char    *path,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  EvtCsv *csv;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, EVT_CSV_ERROR, EVT_CSV_ERROR_READ,
                   _("%s: this is a folder, not a CSV file"), path);
      return NULL;
    }
  if (info != NULL && g_file_info_get_size (info) > MAX_CSV_SIZE)
    {
      g_set_error (error, EVT_CSV_ERROR, EVT_CSV_ERROR_READ,
                   _("%s: the file is too big for a CSV list (more than %d MB)"),
                   path, MAX_CSV_SIZE / (1024 * 1024));
      return NULL;
    }
  g_clear_error (&local_error);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, EVT_CSV_ERROR, EVT_CSV_ERROR_READ,
                     _("Cannot read %s: %s"), path, local_error->message);
      return NULL;
    }

  csv = evt_csv_parse (contents, length, &local_error);
  if (csv == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return NULL;
    }

  return csv;
}

/**
 * evt_csv_free:
 * @self: (nullable): records from evt_csv_parse()
 *
 * Frees @self.
 */
void
evt_csv_free (EvtCsv *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_free (self);
}

/**
 * evt_csv_get_n_records:
 * @self: parsed records
 *
 * Returns: the number of records, the header line included
 */
guint
evt_csv_get_n_records (EvtCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->records->len;
}

/**
 * evt_csv_get_record:
 * @self: parsed records
 * @index: a record, 0 being the first line
 * @n_fields: (out) (optional): the number of fields
 *
 * Returns: (transfer none) (array zero-terminated=1): the fields of the record
 */
const char * const *
evt_csv_get_record (EvtCsv *self,
                    guint   index,
                    guint  *n_fields)
{
  const char * const *fields;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->records->len, NULL);

  fields = g_ptr_array_index (self->records, index);
  if (n_fields != NULL)
    *n_fields = g_strv_length ((char **) fields);
  return fields;
}

/**
 * evt_csv_get_line:
 * @self: parsed records
 * @index: a record
 *
 * Returns: the line of the file (from 1) on which the record starts
 */
guint
evt_csv_get_line (EvtCsv *self,
                  guint   index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->lines->len, 0);

  return g_array_index (self->lines, guint, index);
}

/**
 * evt_csv_get_separator:
 * @self: parsed records
 *
 * Returns: the separator found in the first line: ';', ',' or '\t'
 */
char
evt_csv_get_separator (EvtCsv *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}

/**
 * evt_csv_get_encoding:
 * @self: parsed records
 *
 * Returns: the encoding the file was read in: "UTF-8", "WINDOWS-1252", "UTF-16LE"
 *   or "UTF-16BE"
 */
const char *
evt_csv_get_encoding (EvtCsv *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->encoding;
}

/**
 * evt_csv_append_field:
 * @out: where to write
 * @value: (nullable): the field; %NULL is written as an empty field
 * @separator: the separator of the file
 *
 * Appends @value, in double quotes if it holds the separator, a quote, a line
 * break or leading or trailing spaces. No separator is written.
 */
void
evt_csv_append_field (GString    *out,
                      const char *value,
                      char        separator)
{
  gsize len;
  gboolean quote;

  g_return_if_fail (out != NULL);

  if (value == NULL || value[0] == '\0')
    return;

  len = strlen (value);
  quote = strchr (value, separator) != NULL || strpbrk (value, "\"\r\n") != NULL ||
          g_ascii_isspace (value[0]) || g_ascii_isspace (value[len - 1]);
  if (!quote)
    {
      g_string_append_len (out, value, len);
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
 * evt_csv_append_record:
 * @out: where to write
 * @fields: (array length=n_fields): the fields, %NULL ones written empty
 * @n_fields: the number of fields
 * @separator: the separator of the file
 *
 * Appends one record and its CRLF line end.
 */
void
evt_csv_append_record (GString            *out,
                       const char * const *fields,
                       guint               n_fields,
                       char                separator)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, separator);
      evt_csv_append_field (out, fields[i], separator);
    }
  g_string_append (out, "\r\n");
}
