/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-import.h: partners' iCalendar (.ics) files read, checked and merged into the store. */
#pragma once

#include <gio/gio.h>

#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_IMPORT_ERROR (evt_import_error_quark ())
GQuark evt_import_error_quark (void);

/* Why a whole file was refused. In every case the store was left untouched. */
typedef enum
{
  EVT_IMPORT_ERROR_READ,       /* the file cannot be read from disk */
  EVT_IMPORT_ERROR_INVALID,    /* empty, not iCalendar, truncated, undecodable */
  EVT_IMPORT_ERROR_TOO_LARGE,  /* over the size or component limits */
  EVT_IMPORT_ERROR_STORE,      /* the database refused the file's transaction */
} EvtImportError;

/* Limits that keep a hostile or broken file from hanging or exhausting the importer. */
#define EVT_IMPORT_MAX_FILE_SIZE        (32 * 1024 * 1024)
#define EVT_IMPORT_MAX_DEPTH            8       /* VCALENDAR > VEVENT > VALARM is 3 */
#define EVT_IMPORT_MAX_COMPONENTS       50000   /* components directly in VCALENDAR */
#define EVT_IMPORT_MAX_STEPS            100000  /* recurrence iterations per rule */
#define EVT_IMPORT_MAX_OCCURRENCES      10000   /* occurrences kept per recurring event */
#define EVT_IMPORT_MAX_FILE_OCCURRENCES 200000  /* events written per file */

#define EVT_TYPE_IMPORT_OPTIONS (evt_import_options_get_type ())

/*
 * How to read files. evt_import_options_new() gives usable defaults.
 * from/to: the inclusive range of days in which the occurrences of a recurring
 *   event are created; an invalid GDate (g_date_clear) means the default: from
 *   1 January of last year to 31 December of next year (relative to today).
 * default_timezone: the zone of floating times, of all-day events, of unknown
 *   TZIDs, and the zone UTC times are shown in; NULL means Europe/Paris.
 */
typedef struct
{
  GDate  from;
  GDate  to;
  char  *default_timezone;
} EvtImportOptions;

GType             evt_import_options_get_type (void) G_GNUC_CONST;
EvtImportOptions *evt_import_options_new      (void);
EvtImportOptions *evt_import_options_copy     (const EvtImportOptions *self);
void              evt_import_options_free     (EvtImportOptions       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvtImportOptions, evt_import_options_free)

/* What one message of a report is about. */
typedef enum
{
  EVT_IMPORT_MESSAGE_SKIPPED,  /* an event was not imported: the text says why */
  EVT_IMPORT_MESSAGE_WARNING,  /* imported, but something was repaired or guessed */
  EVT_IMPORT_MESSAGE_NOTE,     /* for information (VTODO ignored, duplicate UID...) */
} EvtImportMessageKind;

typedef struct
{
  EvtImportMessageKind  kind;
  guint                 line;  /* in the original file, 1-based; 0: the whole file */
  char                 *text;  /* "DTSTART is missing", translated */
} EvtImportMessage;

#define EVT_TYPE_IMPORT_RESULT (evt_import_result_get_type ())

/*
 * The report of one file.
 * name: the file's base name, which starts every message.
 * n_imported: events (or occurrences) added; n_updated: replaced by a newer
 *   version; n_unchanged: already there, same or newer; n_skipped: VEVENTs that
 *   were refused (each has a SKIPPED message); n_removed: occurrences of a
 *   recurring event that its newer version no longer has.
 * messages: EvtImportMessage, in the order of their lines.
 */
typedef struct
{
  char      *name;
  guint      n_imported;
  guint      n_updated;
  guint      n_unchanged;
  guint      n_skipped;
  guint      n_removed;
  GPtrArray *messages;
} EvtImportResult;

GType            evt_import_result_get_type       (void) G_GNUC_CONST;
EvtImportResult *evt_import_result_new            (const char             *name);
EvtImportResult *evt_import_result_copy           (const EvtImportResult  *self);
void             evt_import_result_free           (EvtImportResult        *self);
char            *evt_import_result_format_message (const EvtImportResult  *self,
                                                   const EvtImportMessage *message);
char            *evt_import_result_format_summary (const EvtImportResult  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvtImportResult, evt_import_result_free)

/**
 * EvtImportProgressFunc:
 * @fraction: how much of the file is done, from 0.0 to 1.0
 * @user_data: the data given with the function
 *
 * Called while a file is imported; by evt_import_file_async() in the thread-default
 * main context of its caller.
 */
typedef void (*EvtImportProgressFunc) (double    fraction,
                                       gpointer  user_data);

EvtImportResult *evt_import_data        (EvtStore                *store,
                                         const char              *name,
                                         GBytes                  *data,
                                         const EvtImportOptions  *options,
                                         GCancellable            *cancellable,
                                         EvtImportProgressFunc    progress,
                                         gpointer                 progress_data,
                                         GError                 **error);
EvtImportResult *evt_import_file        (EvtStore                *store,
                                         GFile                   *file,
                                         const EvtImportOptions  *options,
                                         GCancellable            *cancellable,
                                         EvtImportProgressFunc    progress,
                                         gpointer                 progress_data,
                                         GError                 **error);
void             evt_import_file_async  (EvtStore                *store,
                                         GFile                   *file,
                                         const EvtImportOptions  *options,
                                         GCancellable            *cancellable,
                                         EvtImportProgressFunc    progress,
                                         gpointer                 progress_data,
                                         GDestroyNotify           progress_data_free,
                                         GAsyncReadyCallback      callback,
                                         gpointer                 user_data);
EvtImportResult *evt_import_file_finish (EvtStore                *store,
                                         GAsyncResult            *result,
                                         GError                 **error);

const char      *evt_import_windows_zone_to_olson (const char *windows_name);

G_END_DECLS
