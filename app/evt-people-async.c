/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-people-async.c: the slow reads and the import of evt-people.h, in worker threads. */
#include "config.h"

#include "evt-people-private.h"

/* What a worker needs: the arguments of the synchronous function. */
typedef struct
{
  char     *text;       /* search, path */
  gint64    id;         /* event or organisation */
  int       number;     /* role, members_only */
  gboolean  has_date;
  GDate     date;
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_free (data->text);
  g_free (data);
}

static GTask *
new_task (EvtStore            *store,
          gpointer             source_tag,
          const char          *text,
          gint64               id,
          int                  number,
          const GDate         *date,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  TaskData *data = g_new0 (TaskData, 1);

  data->text = g_strdup (text);
  data->id = id;
  data->number = number;
  if (date != NULL)
    {
      data->has_date = TRUE;
      data->date = *date;
    }

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  return task;
}

static void
return_array (GTask     *task,
              GPtrArray *array,
              GError    *error)
{
  if (array != NULL)
    g_task_return_pointer (task, array, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

static gpointer
finish_pointer (EvtStore      *store,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- Organisations ------------------------------------------------------------- */

static void
list_organisations_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  GPtrArray *orgs;

  if (g_task_return_error_if_cancelled (task))
    return;
  orgs = evt_people_list_organisations (source_object, data->text, data->number, &error);
  return_array (task, orgs, error);
}

/**
 * evt_people_list_organisations_async:
 * @store: an open store
 * @search: (nullable): text the name must contain
 * @members_only: only the member organisations
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Does evt_people_list_organisations() in a worker thread.
 */
void
evt_people_list_organisations_async (EvtStore            *store,
                                     const char          *search,
                                     gboolean             members_only,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EVT_IS_STORE (store));

  task = new_task (store, evt_people_list_organisations_async, search, 0, !!members_only,
                   NULL, cancellable, callback, user_data);
  g_task_run_in_thread (task, list_organisations_thread);
}

/**
 * evt_people_list_organisations_finish:
 * @store: the store
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type EvtOrganisation) (nullable): the
 *   organisations, or %NULL
 */
GPtrArray *
evt_people_list_organisations_finish (EvtStore      *store,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish_pointer (store, result, evt_people_list_organisations_async, error);
}

/* --- People ---------------------------------------------------------------------- */

static void
list_people_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  GPtrArray *people;

  if (g_task_return_error_if_cancelled (task))
    return;
  people = evt_people_list_people (source_object, data->text, data->id, &error);
  return_array (task, people, error);
}

/**
 * evt_people_list_people_async:
 * @store: an open store
 * @search: (nullable): text the name must contain
 * @organisation_id: only people of this organisation, or 0 for anyone
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Does evt_people_list_people() in a worker thread.
 */
void
evt_people_list_people_async (EvtStore            *store,
                              const char          *search,
                              gint64               organisation_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EVT_IS_STORE (store));

  task = new_task (store, evt_people_list_people_async, search, organisation_id, 0, NULL,
                   cancellable, callback, user_data);
  g_task_run_in_thread (task, list_people_thread);
}

/**
 * evt_people_list_people_finish:
 * @store: the store
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type EvtPerson) (nullable): the people,
 *   or %NULL
 */
GPtrArray *
evt_people_list_people_finish (EvtStore      *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  return finish_pointer (store, result, evt_people_list_people_async, error);
}

/* --- Participations --------------------------------------------------------------- */

static void
list_participations_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  GPtrArray *parts;

  if (g_task_return_error_if_cancelled (task))
    return;
  parts = evt_people_list_participations (source_object, data->id, data->number, &error);
  return_array (task, parts, error);
}

/**
 * evt_people_list_participations_async:
 * @store: an open store
 * @event_id: the event
 * @role: an #EvtRole, or -1 for every role
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Does evt_people_list_participations() in a worker thread.
 */
void
evt_people_list_participations_async (EvtStore            *store,
                                      gint64               event_id,
                                      int                  role,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EVT_IS_STORE (store));
  g_return_if_fail (role >= -1 && role < EVT_N_ROLES);

  task = new_task (store, evt_people_list_participations_async, NULL, event_id, role, NULL,
                   cancellable, callback, user_data);
  g_task_run_in_thread (task, list_participations_thread);
}

/**
 * evt_people_list_participations_finish:
 * @store: the store
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type EvtParticipation) (nullable): the
 *   participants, or %NULL
 */
GPtrArray *
evt_people_list_participations_finish (EvtStore      *store,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_pointer (store, result, evt_people_list_participations_async, error);
}

static void
summarise_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  GHashTable *summaries;

  if (g_task_return_error_if_cancelled (task))
    return;
  summaries = evt_people_summarise_events (source_object, data->has_date ? &data->date : NULL,
                                           &error);
  if (summaries != NULL)
    g_task_return_pointer (task, summaries, (GDestroyNotify) g_hash_table_unref);
  else
    g_task_return_error (task, error);
}

/**
 * evt_people_summarise_events_async:
 * @store: an open store
 * @today: (nullable): the day follow-ups are due by; %NULL for today
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Does evt_people_summarise_events() in a worker thread.
 */
void
evt_people_summarise_events_async (EvtStore            *store,
                                   const GDate         *today,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EVT_IS_STORE (store));

  task = new_task (store, evt_people_summarise_events_async, NULL, 0, 0, today, cancellable,
                   callback, user_data);
  g_task_run_in_thread (task, summarise_thread);
}

/**
 * evt_people_summarise_events_finish:
 * @store: the store
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the table of evt_people_summarise_events(),
 *   or %NULL
 */
GHashTable *
evt_people_summarise_events_finish (EvtStore      *store,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish_pointer (store, result, evt_people_summarise_events_async, error);
}

/* --- Follow-ups --------------------------------------------------------------------- */

static void
list_followups_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  GPtrArray *leads;

  if (g_task_return_error_if_cancelled (task))
    return;
  leads = evt_people_list_followups (source_object, data->has_date ? &data->date : NULL,
                                     &error);
  return_array (task, leads, error);
}

/**
 * evt_people_list_followups_async:
 * @store: an open store
 * @until: (nullable): the last day; %NULL for today
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Does evt_people_list_followups() in a worker thread.
 */
void
evt_people_list_followups_async (EvtStore            *store,
                                 const GDate         *until,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EVT_IS_STORE (store));

  task = new_task (store, evt_people_list_followups_async, NULL, 0, 0, until, cancellable,
                   callback, user_data);
  g_task_run_in_thread (task, list_followups_thread);
}

/**
 * evt_people_list_followups_finish:
 * @store: the store
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type EvtLead) (nullable): the leads due,
 *   or %NULL
 */
GPtrArray *
evt_people_list_followups_finish (EvtStore      *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (store, result, evt_people_list_followups_async, error);
}

/* --- Import ---------------------------------------------------------------------------- */

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  EvtImportReport *report;

  if (g_task_return_error_if_cancelled (task))
    return;
  report = evt_people_import_organisations (source_object, data->text, cancellable, &error);
  if (report != NULL)
    g_task_return_pointer (task, report, (GDestroyNotify) evt_import_report_free);
  else
    g_task_return_error (task, error);
}

/**
 * evt_people_import_organisations_async:
 * @store: an open store
 * @path: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Does evt_people_import_organisations() in a worker thread.
 */
void
evt_people_import_organisations_async (EvtStore            *store,
                                       const char          *path,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EVT_IS_STORE (store));
  g_return_if_fail (path != NULL);

  task = new_task (store, evt_people_import_organisations_async, path, 0, 0, NULL,
                   cancellable, callback, user_data);
  g_task_run_in_thread (task, import_thread);
}

/**
 * evt_people_import_organisations_finish:
 * @store: the store
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): what the import did, or %NULL if nothing was
 *   imported
 */
EvtImportReport *
evt_people_import_organisations_finish (EvtStore      *store,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return finish_pointer (store, result, evt_people_import_organisations_async, error);
}
