/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-people.h: organisations, people, participations and outcomes kept in the store. */
#pragma once

#include <gio/gio.h>

#include "evt-lead.h"
#include "evt-organisation.h"
#include "evt-outcome.h"
#include "evt-participation.h"
#include "evt-people-types.h"
#include "evt-person.h"
#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_PEOPLE_ERROR (evt_people_error_quark ())
GQuark evt_people_error_quark (void);

typedef enum
{
  EVT_PEOPLE_ERROR_INVALID,      /* a field was refused; the message names it */
  EVT_PEOPLE_ERROR_NOT_FOUND,    /* no such organisation, person, event... */
  EVT_PEOPLE_ERROR_EXISTS,       /* an organisation of the same (normalised) name */
  EVT_PEOPLE_ERROR_AMBIGUOUS,    /* a name that matches several people */
  EVT_PEOPLE_ERROR_HAS_RECORDS,  /* the event has participants or outcomes */
  EVT_PEOPLE_ERROR_IN_USE,       /* the organisation or person takes part in events */
} EvtPeopleError;

const char       *evt_people_error_get_field           (const GError        *error);

/*
 * Every function reads or writes in one transaction of the store (joining the
 * caller's, if it holds one: see evt_store_begin()); writes make the store emit
 * EvtStore::changed. The _async variants run the same work in a worker thread.
 * Lists are GPtrArrays of new objects, for a GListStore or a report.
 */

/* --- Organisations ----------------------------------------------------------- */

gboolean          evt_people_save_organisation         (EvtStore            *store,
                                                        EvtOrganisation     *organisation,
                                                        GError             **error);
gboolean          evt_people_delete_organisation       (EvtStore            *store,
                                                        gint64               id,
                                                        GError             **error);
EvtOrganisation  *evt_people_get_organisation          (EvtStore            *store,
                                                        gint64               id,
                                                        GError             **error);
EvtOrganisation  *evt_people_lookup_organisation       (EvtStore            *store,
                                                        const char          *id_or_name,
                                                        GError             **error);
GPtrArray        *evt_people_list_organisations        (EvtStore            *store,
                                                        const char          *search,
                                                        gboolean             members_only,
                                                        GError             **error);
void              evt_people_list_organisations_async  (EvtStore            *store,
                                                        const char          *search,
                                                        gboolean             members_only,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray        *evt_people_list_organisations_finish (EvtStore            *store,
                                                        GAsyncResult        *result,
                                                        GError             **error);
gboolean          evt_people_merge_organisations       (EvtStore            *store,
                                                        gint64               keep_id,
                                                        gint64               duplicate_id,
                                                        GError             **error);

/* --- People ------------------------------------------------------------------ */

gboolean          evt_people_save_person               (EvtStore            *store,
                                                        EvtPerson           *person,
                                                        GError             **error);
gboolean          evt_people_delete_person             (EvtStore            *store,
                                                        gint64               id,
                                                        GError             **error);
EvtPerson        *evt_people_get_person                (EvtStore            *store,
                                                        gint64               id,
                                                        GError             **error);
EvtPerson        *evt_people_lookup_person             (EvtStore            *store,
                                                        const char          *id_or_name,
                                                        gint64               organisation_id,
                                                        GError             **error);
GPtrArray        *evt_people_list_people               (EvtStore            *store,
                                                        const char          *search,
                                                        gint64               organisation_id,
                                                        GError             **error);
void              evt_people_list_people_async         (EvtStore            *store,
                                                        const char          *search,
                                                        gint64               organisation_id,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray        *evt_people_list_people_finish        (EvtStore            *store,
                                                        GAsyncResult        *result,
                                                        GError             **error);
gboolean          evt_people_merge_people              (EvtStore            *store,
                                                        gint64               keep_id,
                                                        gint64               duplicate_id,
                                                        GError             **error);

/* --- Participations ---------------------------------------------------------- */

/* What the list view shows of an event, from evt_people_summarise_events(). */
typedef struct
{
  guint n_participants;  /* every participation but cancelled ones */
  guint n_attended;
  guint n_staff;         /* staff not cancelled */
  guint n_members;       /* member organisations taking part (not cancelled) */
  guint n_leads;         /* leads recorded in detail */
  guint n_open_leads;
  guint n_due;           /* open leads whose follow-up day has come */
} EvtEventSummary;

gboolean          evt_people_save_participation        (EvtStore            *store,
                                                        EvtParticipation    *participation,
                                                        gboolean            *added,
                                                        GError             **error);
gboolean          evt_people_remove_participation      (EvtStore            *store,
                                                        gint64               id,
                                                        GError             **error);
EvtParticipation *evt_people_get_participation         (EvtStore            *store,
                                                        gint64               id,
                                                        GError             **error);
EvtParticipation *evt_people_find_participation        (EvtStore            *store,
                                                        gint64               event_id,
                                                        gint64               organisation_id,
                                                        gint64               person_id,
                                                        GError             **error);
GPtrArray        *evt_people_list_participations       (EvtStore            *store,
                                                        gint64               event_id,
                                                        int                  role,
                                                        GError             **error);
void              evt_people_list_participations_async (EvtStore            *store,
                                                        gint64               event_id,
                                                        int                  role,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray        *evt_people_list_participations_finish (EvtStore           *store,
                                                         GAsyncResult       *result,
                                                         GError            **error);
GPtrArray        *evt_people_list_staff                (EvtStore            *store,
                                                        gint64               event_id,
                                                        GError             **error);
gboolean          evt_people_count_participations      (EvtStore            *store,
                                                        gint64               event_id,
                                                        guint               *counts,
                                                        GError             **error);
GHashTable       *evt_people_summarise_events          (EvtStore            *store,
                                                        const GDate         *today,
                                                        GError             **error);
void              evt_people_summarise_events_async    (EvtStore            *store,
                                                        const GDate         *today,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GHashTable       *evt_people_summarise_events_finish   (EvtStore            *store,
                                                        GAsyncResult        *result,
                                                        GError             **error);
GPtrArray        *evt_people_list_member_participations (EvtStore           *store,
                                                         int                 year,
                                                         GError            **error);
/* For the window's organisations view (added with it). */
GPtrArray        *evt_people_list_organisation_participations (EvtStore     *store,
                                                               gint64        organisation_id,
                                                               GError      **error);
GHashTable       *evt_people_count_organisation_events  (EvtStore           *store,
                                                         int                 year,
                                                         GError            **error);

/* --- Outcomes, leads and costs ---------------------------------------------- */

EvtOutcome       *evt_people_get_outcome               (EvtStore            *store,
                                                        gint64               event_id,
                                                        GError             **error);
gboolean          evt_people_save_outcome              (EvtStore            *store,
                                                        EvtOutcome          *outcome,
                                                        GError             **error);
gboolean          evt_people_save_lead                 (EvtStore            *store,
                                                        EvtLead             *lead,
                                                        GError             **error);
gboolean          evt_people_delete_lead               (EvtStore            *store,
                                                        gint64               id,
                                                        GError             **error);
EvtLead          *evt_people_get_lead                  (EvtStore            *store,
                                                        gint64               id,
                                                        GError             **error);
GPtrArray        *evt_people_list_leads                (EvtStore            *store,
                                                        gint64               event_id,
                                                        GError             **error);
GPtrArray        *evt_people_list_followups            (EvtStore            *store,
                                                        const GDate         *until,
                                                        GError             **error);
void              evt_people_list_followups_async      (EvtStore            *store,
                                                        const GDate         *until,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray        *evt_people_list_followups_finish     (EvtStore            *store,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* --- Events ------------------------------------------------------------------- */

gboolean          evt_people_event_has_records         (EvtStore            *store,
                                                        gint64               event_id,
                                                        GError             **error);
char             *evt_people_describe_event_records    (EvtStore            *store,
                                                        gint64               event_id,
                                                        GError             **error);
gboolean          evt_people_delete_event              (EvtStore            *store,
                                                        gint64               event_id,
                                                        gboolean             force,
                                                        GError             **error);

/* What a forced delete takes away with an event (its participations, outcome,
 * projects, costs and leads, every field as stored), for an undo to put back. */
typedef struct _EvtEventRecords EvtEventRecords;

#define EVT_TYPE_EVENT_RECORDS (evt_event_records_get_type ())
GType             evt_event_records_get_type           (void) G_GNUC_CONST;
EvtEventRecords  *evt_event_records_ref                (EvtEventRecords     *records);
void              evt_event_records_unref              (EvtEventRecords     *records);
gboolean          evt_event_records_is_empty           (EvtEventRecords     *records);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvtEventRecords, evt_event_records_unref)

EvtEventRecords  *evt_people_snapshot_event_records    (EvtStore            *store,
                                                        gint64               event_id,
                                                        GError             **error);
gboolean          evt_people_restore_event_records     (EvtStore            *store,
                                                        EvtEventRecords     *records,
                                                        gint64               event_id,
                                                        GError             **error);

/* --- Member list import and export (CSV) -------------------------------------- */

typedef struct
{
  guint  line;     /* in the file, from 1 */
  char  *message;  /* why the row was left out, translated */
} EvtImportProblem;

/* What an import did. Rows with a problem are left out; the others are in. */
typedef struct
{
  guint        n_rows;            /* data rows read (the header line not counted) */
  guint        n_added;           /* organisations */
  guint        n_updated;
  guint        n_unchanged;
  guint        n_people_added;    /* from a Contact column */
  guint        n_people_updated;
  GPtrArray   *problems;          /* of EvtImportProblem */
  char       **ignored_columns;   /* header names that were not understood */
  char         separator;
  const char  *encoding;          /* "UTF-8", "WINDOWS-1252"... */
} EvtImportReport;

void              evt_import_report_free               (EvtImportReport     *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvtImportReport, evt_import_report_free)

EvtImportReport  *evt_people_import_organisations      (EvtStore            *store,
                                                        const char          *path,
                                                        GCancellable        *cancellable,
                                                        GError             **error);
EvtImportReport  *evt_people_import_organisations_data (EvtStore            *store,
                                                        const char          *data,
                                                        gsize                length,
                                                        GError             **error);
void              evt_people_import_organisations_async (EvtStore           *store,
                                                         const char         *path,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
EvtImportReport  *evt_people_import_organisations_finish (EvtStore          *store,
                                                          GAsyncResult      *result,
                                                          GError           **error);
char             *evt_people_export_organisations      (EvtStore            *store,
                                                        char                 separator,
                                                        gboolean             bom,
                                                        GError             **error);

G_END_DECLS
