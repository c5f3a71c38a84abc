/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-people-private.h: what the people modules share: setters for the store, SQL helpers. */
#pragma once

#include "evt-people.h"
#include "evt-store-private.h"

G_BEGIN_DECLS

/* Sets *field to @value stripped, NULL if blank, and notifies @pspec; returns
 * whether it changed. */
gboolean  evt_people_set_string            (GObject           *object,
                                            char             **field,
                                            const char        *value,
                                            GParamSpec        *pspec);

/* Fields only the store sets. */
void      evt_organisation_set_id          (EvtOrganisation   *self,
                                            gint64             id);
void      evt_organisation_set_n_events    (EvtOrganisation   *self,
                                            guint              n_events);
void      evt_person_set_id                (EvtPerson         *self,
                                            gint64             id);
void      evt_person_set_organisation_name (EvtPerson         *self,
                                            const char        *organisation_name);
void      evt_person_set_n_events          (EvtPerson         *self,
                                            guint              n_events);
void      evt_participation_set_id         (EvtParticipation  *self,
                                            gint64             id);
void      evt_participation_set_organisation_name (EvtParticipation *self,
                                                   const char       *organisation_name);
void      evt_participation_set_person_name (EvtParticipation *self,
                                             const char       *person_name);
void      evt_participation_set_member     (EvtParticipation  *self,
                                            gboolean           member);
void      evt_participation_set_event_title (EvtParticipation *self,
                                             const char       *event_title);
void      evt_participation_set_event_start (EvtParticipation *self,
                                             const char       *event_start);
void      evt_outcome_set_n_lead_records   (EvtOutcome        *self,
                                            guint              n_lead_records);
void      evt_lead_set_id                  (EvtLead           *self,
                                            gint64             id);
void      evt_lead_set_event_title         (EvtLead           *self,
                                            const char        *event_title);

/* SQL, for use between evt_store_begin() and evt_store_commit(). */
sqlite3_stmt *evt_people_prepare           (EvtStore          *store,
                                            const char        *sql,
                                            GError           **error);
gboolean  evt_people_step_done             (EvtStore          *store,
                                            sqlite3_stmt      *stmt,
                                            const char        *what,
                                            GError           **error);
void      evt_people_bind_text             (sqlite3_stmt      *stmt,
                                            int                index,
                                            const char        *text);
void      evt_people_bind_id               (sqlite3_stmt      *stmt,
                                            int                index,
                                            gint64             id);
const char *evt_people_column_text         (sqlite3_stmt      *stmt,
                                            int                index);
char     *evt_people_now_iso               (void);
gboolean  evt_people_finish_write          (EvtStore          *store,
                                            gboolean           ok,
                                            GError           **error);
gboolean  evt_people_check_event           (EvtStore          *store,
                                            gint64             event_id,
                                            GError           **error);
gboolean  evt_people_parse_iso_day         (const char        *text,
                                            GDate             *date);

static inline void
evt_people_finalize_stmt (sqlite3_stmt *stmt)
{
  sqlite3_finalize (stmt);
}

typedef sqlite3_stmt EvtPeopleStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvtPeopleStmt, evt_people_finalize_stmt)

G_END_DECLS
