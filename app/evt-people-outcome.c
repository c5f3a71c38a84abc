/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-people-outcome.c: outcomes, costs and leads of events kept in the store. */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "evt-people-private.h"

static gboolean
finish_read (EvtStore  *store,
             gboolean   ok,
             GError   **error)
{
  if (!ok)
    {
      evt_store_rollback (store);
      return FALSE;
    }
  return evt_store_commit (store, error);
}

static gboolean
bind_count (sqlite3_stmt *stmt,
            int           index,
            int           count)
{
  if (count >= 0)
    return sqlite3_bind_int (stmt, index, count) == SQLITE_OK;
  return sqlite3_bind_null (stmt, index) == SQLITE_OK;
}

static int
column_count (sqlite3_stmt *stmt,
              int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return -1;
  return sqlite3_column_int (stmt, index);
}

/* --- Outcomes ------------------------------------------------------------------ */

static EvtOutcome *
get_outcome_locked (EvtStore  *store,
                    gint64     event_id,
                    GError   **error)
{
  g_autoptr(EvtOutcome) outcome = evt_outcome_new (event_id);
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) project_names = NULL;
  int rc;

  if (!evt_people_check_event (store, event_id, error))
    return NULL;

  stmt = evt_people_prepare (store,
                             "SELECT contacts, leads, meetings, projects, press,"
                             " satisfaction, notes FROM outcomes WHERE event_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      evt_outcome_set_contacts (outcome, column_count (stmt, 0));
      evt_outcome_set_leads (outcome, column_count (stmt, 1));
      evt_outcome_set_meetings (outcome, column_count (stmt, 2));
      evt_outcome_set_projects (outcome, column_count (stmt, 3));
      evt_outcome_set_press (outcome, column_count (stmt, 4));
      evt_outcome_set_satisfaction (outcome, sqlite3_column_double (stmt, 5));
      evt_outcome_set_notes (outcome, evt_people_column_text (stmt, 6));
    }
  else if (rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot read outcomes"), error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = evt_people_prepare (store, "SELECT category, amount_cents FROM costs"
                                    " WHERE event_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvtCostCategory category;

      if (evt_cost_category_from_string (evt_people_column_text (stmt, 0), &category))
        evt_outcome_set_cost (outcome, category, sqlite3_column_int64 (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot read costs"), error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = evt_people_prepare (store, "SELECT name FROM outcome_projects WHERE event_id = ?"
                                    " ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, evt_people_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot read outcomes"), error);
      return NULL;
    }
  project_names = g_strv_builder_end (names);
  evt_outcome_set_project_names (outcome, (const char * const *) project_names);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = evt_people_prepare (store, "SELECT count (*) FROM leads WHERE event_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      evt_store_set_sqlite_error (store, _("cannot read leads"), error);
      return NULL;
    }
  evt_outcome_set_n_lead_records (outcome, sqlite3_column_int (stmt, 0));

  return g_steal_pointer (&outcome);
}

/**
 * evt_people_get_outcome:
 * @store: an open store
 * @event_id: an event
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the outcome of the event, with nothing
 *   counted if none was entered; %NULL with %EVT_PEOPLE_ERROR_NOT_FOUND if there
 *   is no such event
 */
EvtOutcome *
evt_people_get_outcome (EvtStore  *store,
                        gint64     event_id,
                        GError   **error)
{
  EvtOutcome *outcome;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (!evt_store_begin (store, error))
    return NULL;
  outcome = get_outcome_locked (store, event_id, error);
  if (!finish_read (store, outcome != NULL, error))
    g_clear_object (&outcome);
  return outcome;
}

static gboolean
validate_outcome (EvtOutcome  *outcome,
                  GError     **error)
{
  double satisfaction = evt_outcome_get_satisfaction (outcome);

  if (satisfaction != 0 && (satisfaction < 1 || satisfaction > 5 || isnan (satisfaction)))
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                   _("Satisfaction: %g is not between 1 and 5"), satisfaction);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_outcome_locked (EvtStore    *store,
                     EvtOutcome  *outcome,
                     GError     **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  g_autofree char *now = evt_people_now_iso ();
  const char * const *names;
  gint64 event_id = evt_outcome_get_event_id (outcome);

  if (!validate_outcome (outcome, error))
    return FALSE;
  if (!evt_people_check_event (store, event_id, error))
    return FALSE;

  if (evt_outcome_is_empty (outcome))
    {
      /* Nothing entered: no row, so that the event has no outcome to guard. */
      stmt = evt_people_prepare (store, "DELETE FROM outcomes WHERE event_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
    }
  else
    {
      stmt = evt_people_prepare (store,
                                 "INSERT INTO outcomes (event_id, contacts, leads, meetings,"
                                 " projects, press, satisfaction, notes, modified)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                                 " ON CONFLICT (event_id) DO UPDATE SET"
                                 " contacts = ?2, leads = ?3, meetings = ?4, projects = ?5,"
                                 " press = ?6, satisfaction = ?7, notes = ?8, modified = ?9",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      bind_count (stmt, 2, evt_outcome_get_contacts (outcome));
      bind_count (stmt, 3, evt_outcome_get_leads (outcome));
      bind_count (stmt, 4, evt_outcome_get_meetings (outcome));
      bind_count (stmt, 5, evt_outcome_get_projects (outcome));
      bind_count (stmt, 6, evt_outcome_get_press (outcome));
      if (evt_outcome_get_satisfaction (outcome) > 0)
        sqlite3_bind_double (stmt, 7, evt_outcome_get_satisfaction (outcome));
      else
        sqlite3_bind_null (stmt, 7);
      evt_people_bind_text (stmt, 8, evt_outcome_get_notes (outcome));
      evt_people_bind_text (stmt, 9, now);
    }
  if (!evt_people_step_done (store, stmt, _("cannot save the outcome"), error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = evt_people_prepare (store, "DELETE FROM costs WHERE event_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (!evt_people_step_done (store, stmt, _("cannot save the costs"), error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = evt_people_prepare (store, "INSERT INTO costs (event_id, category, amount_cents)"
                                    " VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < EVT_N_COST_CATEGORIES; i++)
    {
      gint64 cents = evt_outcome_get_cost (outcome, i);

      if (cents < 0)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, event_id);
      evt_people_bind_text (stmt, 2, evt_cost_category_to_string (i));
      sqlite3_bind_int64 (stmt, 3, cents);
      if (!evt_people_step_done (store, stmt, _("cannot save the costs"), error))
        return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = evt_people_prepare (store, "DELETE FROM outcome_projects WHERE event_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (!evt_people_step_done (store, stmt, _("cannot save the projects"), error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  names = evt_outcome_get_project_names (outcome);
  stmt = evt_people_prepare (store, "INSERT INTO outcome_projects (event_id, name, position)"
                                    " VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, event_id);
      evt_people_bind_text (stmt, 2, names[i]);
      sqlite3_bind_int (stmt, 3, i);
      if (!evt_people_step_done (store, stmt, _("cannot save the projects"), error))
        return FALSE;
    }

  return TRUE;
}

/**
 * evt_people_save_outcome:
 * @store: an open store
 * @outcome: the outcome of an event
 * @error: return location for a #GError
 *
 * Replaces the event's outcome, costs and project names with those of @outcome.
 * Refused with %EVT_PEOPLE_ERROR_INVALID if the satisfaction is not 0 or between 1
 * and 5.
 *
 * Returns: %TRUE if saved
 */
gboolean
evt_people_save_outcome (EvtStore    *store,
                         EvtOutcome  *outcome,
                         GError     **error)
{
  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);
  g_return_val_if_fail (EVT_IS_OUTCOME (outcome), FALSE);

  if (!evt_store_begin (store, error))
    return FALSE;
  return evt_people_finish_write (store, save_outcome_locked (store, outcome, error), error);
}

/* --- Leads ---------------------------------------------------------------------- */

#define LEAD_COLUMNS \
  "l.id, l.event_id, l.organisation_id, ifnull (o.name, l.organisation_name), l.contact," \
  " l.subject, l.next_step, l.follow_up, l.state, e.title"
#define LEAD_FROM \
  " FROM leads l JOIN events e ON e.id = l.event_id" \
  " LEFT JOIN organisations o ON o.id = l.organisation_id"

static EvtLead *
lead_from_row (sqlite3_stmt *stmt)
{
  EvtLead *lead = evt_lead_new (sqlite3_column_int64 (stmt, 1));
  EvtLeadState state = EVT_LEAD_STATE_OPEN;

  evt_lead_state_from_string (evt_people_column_text (stmt, 8), &state);
  evt_lead_set_id (lead, sqlite3_column_int64 (stmt, 0));
  evt_lead_set_organisation_id (lead, sqlite3_column_int64 (stmt, 2));
  evt_lead_set_organisation_name (lead, evt_people_column_text (stmt, 3));
  evt_lead_set_contact (lead, evt_people_column_text (stmt, 4));
  evt_lead_set_subject (lead, evt_people_column_text (stmt, 5));
  evt_lead_set_next_step (lead, evt_people_column_text (stmt, 6));
  evt_lead_set_follow_up (lead, evt_people_column_text (stmt, 7));
  evt_lead_set_state (lead, state);
  evt_lead_set_event_title (lead, evt_people_column_text (stmt, 9));
  return lead;
}

static GPtrArray *
read_leads (EvtStore      *store,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr(GPtrArray) leads = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (leads, lead_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot read leads"), error);
      return NULL;
    }
  return g_steal_pointer (&leads);
}

static EvtLead *
get_lead_locked (EvtStore  *store,
                 gint64     id,
                 GError   **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  g_autoptr(GPtrArray) leads = NULL;

  stmt = evt_people_prepare (store, "SELECT " LEAD_COLUMNS LEAD_FROM " WHERE l.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  leads = read_leads (store, stmt, error);
  if (leads == NULL)
    return NULL;
  if (leads->len == 0)
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                   _("No lead with id %lld"), (long long) id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (leads, 0));
}

static gboolean
save_lead_locked (EvtStore  *store,
                  EvtLead   *lead,
                  GError   **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  g_autoptr(EvtLead) saved = NULL;
  g_autofree char *now = evt_people_now_iso ();
  const char *follow_up = evt_lead_get_follow_up (lead);
  const char *org_name = evt_lead_get_organisation_name (lead);
  gint64 id = evt_lead_get_id (lead);
  gint64 org_id = evt_lead_get_organisation_id (lead);
  GDate day;

  if (evt_lead_get_subject (lead) == NULL && org_name == NULL && org_id == 0 &&
      evt_lead_get_contact (lead) == NULL)
    {
      g_set_error_literal (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                           _("A lead needs a subject, an organisation or a contact"));
      return FALSE;
    }
  if (follow_up != NULL && !evt_people_parse_iso_day (follow_up, &day))
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                   _("Follow-up: “%s” is not a day (expected e.g. 2022-06-30)"), follow_up);
      return FALSE;
    }
  if (!evt_people_check_event (store, evt_lead_get_event_id (lead), error))
    return FALSE;
  if (org_id != 0)
    {
      g_autoptr(EvtOrganisation) org = NULL;

      org = evt_people_get_organisation (store, org_id, error);
      if (org == NULL)
        return FALSE;
      org_name = evt_organisation_get_name (org);
      evt_lead_set_organisation_name (lead, org_name);
    }

  if (id == 0)
    stmt = evt_people_prepare (store,
                               "INSERT INTO leads (event_id, organisation_id,"
                               " organisation_name, contact, subject, next_step, follow_up,"
                               " state, created, modified)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)", error);
  else
    stmt = evt_people_prepare (store,
                               "UPDATE leads SET event_id = ?1, organisation_id = ?2,"
                               " organisation_name = ?3, contact = ?4, subject = ?5,"
                               " next_step = ?6, follow_up = ?7, state = ?8, modified = ?9"
                               " WHERE id = ?10", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, evt_lead_get_event_id (lead));
  evt_people_bind_id (stmt, 2, org_id);
  evt_people_bind_text (stmt, 3, evt_lead_get_organisation_name (lead));
  evt_people_bind_text (stmt, 4, evt_lead_get_contact (lead));
  evt_people_bind_text (stmt, 5, evt_lead_get_subject (lead));
  evt_people_bind_text (stmt, 6, evt_lead_get_next_step (lead));
  evt_people_bind_text (stmt, 7, follow_up);
  evt_people_bind_text (stmt, 8, evt_lead_state_to_string (evt_lead_get_state (lead)));
  evt_people_bind_text (stmt, 9, now);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 10, id);
  if (!evt_people_step_done (store, stmt, _("cannot save the lead"), error))
    return FALSE;

  if (id == 0)
    id = sqlite3_last_insert_rowid (evt_store_get_db (store));
  else if (sqlite3_changes (evt_store_get_db (store)) == 0)
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                   _("No lead with id %lld"), (long long) id);
      return FALSE;
    }

  saved = get_lead_locked (store, id, error);
  if (saved == NULL)
    return FALSE;
  evt_lead_set_id (lead, id);
  evt_lead_set_event_title (lead, evt_lead_get_event_title (saved));
  return TRUE;
}

/**
 * evt_people_save_lead:
 * @store: an open store
 * @lead: a lead; its id is 0 to add it
 * @error: return location for a #GError
 *
 * Adds or updates a lead and sets its id. Refused with %EVT_PEOPLE_ERROR_INVALID if
 * it has neither subject, organisation nor contact, or if the follow-up is not a
 * day.
 *
 * Returns: %TRUE if saved
 */
gboolean
evt_people_save_lead (EvtStore  *store,
                      EvtLead   *lead,
                      GError   **error)
{
  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);
  g_return_val_if_fail (EVT_IS_LEAD (lead), FALSE);

  if (!evt_store_begin (store, error))
    return FALSE;
  return evt_people_finish_write (store, save_lead_locked (store, lead, error), error);
}

/**
 * evt_people_delete_lead:
 * @store: an open store
 * @id: the lead's id
 * @error: return location for a #GError
 *
 * Returns: %TRUE if deleted; %EVT_PEOPLE_ERROR_NOT_FOUND if there was none
 */
gboolean
evt_people_delete_lead (EvtStore  *store,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);

  if (!evt_store_begin (store, error))
    return FALSE;

  stmt = evt_people_prepare (store, "DELETE FROM leads WHERE id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = evt_people_step_done (store, stmt, _("cannot delete the lead"), error);
      if (ok && sqlite3_changes (evt_store_get_db (store)) == 0)
        {
          g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                       _("No lead with id %lld"), (long long) id);
          ok = FALSE;
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  return evt_people_finish_write (store, ok, error);
}

/**
 * evt_people_get_lead:
 * @store: an open store
 * @id: the lead's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the lead, or %NULL with
 *   %EVT_PEOPLE_ERROR_NOT_FOUND
 */
EvtLead *
evt_people_get_lead (EvtStore  *store,
                     gint64     id,
                     GError   **error)
{
  EvtLead *lead;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (!evt_store_begin (store, error))
    return NULL;
  lead = get_lead_locked (store, id, error);
  if (!finish_read (store, lead != NULL, error))
    g_clear_object (&lead);
  return lead;
}

/**
 * evt_people_list_leads:
 * @store: an open store
 * @event_id: an event
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type EvtLead) (nullable): the event's
 *   leads, by follow-up day (those without last); %NULL on error
 */
GPtrArray *
evt_people_list_leads (EvtStore  *store,
                       gint64     event_id,
                       GError   **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  GPtrArray *leads = NULL;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (!evt_store_begin (store, error))
    return NULL;

  if (evt_people_check_event (store, event_id, error))
    stmt = evt_people_prepare (store,
                               "SELECT " LEAD_COLUMNS LEAD_FROM " WHERE l.event_id = ?"
                               " ORDER BY l.follow_up IS NULL, l.follow_up, l.id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, event_id);
      leads = read_leads (store, stmt, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!finish_read (store, leads != NULL, error))
    g_clear_pointer (&leads, g_ptr_array_unref);
  return leads;
}

/**
 * evt_people_list_followups:
 * @store: an open store
 * @until: (nullable): the last day; %NULL for today
 * @error: return location for a #GError
 *
 * The follow-ups that are due: open leads whose follow-up day is @until or
 * before, the oldest first.
 *
 * Returns: (transfer container) (element-type EvtLead) (nullable): the leads;
 *   %NULL on error
 */
GPtrArray *
evt_people_list_followups (EvtStore     *store,
                           const GDate  *until,
                           GError      **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  g_autofree char *day = NULL;
  GPtrArray *leads = NULL;
  GDate today;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (until == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
      until = &today;
    }
  day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (until), g_date_get_month (until),
                         g_date_get_day (until));

  if (!evt_store_begin (store, error))
    return NULL;

  stmt = evt_people_prepare (store,
                             "SELECT " LEAD_COLUMNS LEAD_FROM
                             " WHERE l.state = 'open' AND l.follow_up <= ?"
                             " ORDER BY l.follow_up, e.start, l.id", error);
  if (stmt != NULL)
    {
      evt_people_bind_text (stmt, 1, day);
      leads = read_leads (store, stmt, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!finish_read (store, leads != NULL, error))
    g_clear_pointer (&leads, g_ptr_array_unref);
  return leads;
}
