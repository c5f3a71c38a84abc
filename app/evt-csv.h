/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-csv.h: CSV as spreadsheets write it (; or , separators, UTF-8 or Windows-1252). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define EVT_CSV_ERROR (evt_csv_error_quark ())
GQuark evt_csv_error_quark (void);

typedef enum
{
  EVT_CSV_ERROR_READ,      /* the file could not be read */
  EVT_CSV_ERROR_EMPTY,     /* no bytes, or only blank lines */
  EVT_CSV_ERROR_NOT_TEXT,  /* a spreadsheet (.xlsx, .ods, .xls), a PDF, or binary */
  EVT_CSV_ERROR_SYNTAX,    /* a quoted field never closed */
} EvtCsvError;

/*
 * A parsed CSV file: its records (the first one is usually the header line), each
 * with the line of the file it starts on, so that errors can name it.
 *
 * Reading accepts what French spreadsheets write: a UTF-8 file with or without a
 * byte order mark, a UTF-16 file with one ("Unicode text"), else Windows-1252;
 * ";", "," or tab separators, detected from the first line; fields in double quotes
 * holding separators, doubled quotes and line breaks; CRLF, LF or CR line ends.
 * Records whose fields are all blank (an empty line, ";;;;") are left out. Fields
 * are given as written, not trimmed.
 */
typedef struct _EvtCsv EvtCsv;

EvtCsv             *evt_csv_parse          (const char    *data,
                                            gsize          length,
                                            GError       **error);
EvtCsv             *evt_csv_load           (const char    *path,
                                            GCancellable  *cancellable,
                                            GError       **error);
void                evt_csv_free           (EvtCsv        *self);

guint               evt_csv_get_n_records  (EvtCsv        *self);
const char * const *evt_csv_get_record     (EvtCsv        *self,
                                            guint          index,
                                            guint         *n_fields);
guint               evt_csv_get_line       (EvtCsv        *self,
                                            guint          index);
char                evt_csv_get_separator  (EvtCsv        *self);
const char         *evt_csv_get_encoding   (EvtCsv        *self);

/* Writing: fields are quoted only when they must be; records end with CRLF. */
void                evt_csv_append_field   (GString       *out,
                                            const char    *value,
                                            char           separator);
void                evt_csv_append_record  (GString       *out,
                                            const char * const *fields,
                                            guint          n_fields,
                                            char           separator);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvtCsv, evt_csv_free)

G_END_DECLS
