/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-organisations-view-private.h: what the display test reaches inside the organisations view. */
#pragma once

#include "evt-organisations-view.h"
#include "evt-people.h"

G_BEGIN_DECLS

gboolean          evt_organisations_view_is_busy          (EvtOrganisationsView *self);
const char       *evt_organisations_view_get_page         (EvtOrganisationsView *self);
/* The organisations shown, EvtOrganisation. */
GListModel       *evt_organisations_view_get_model        (EvtOrganisationsView *self);
GtkSelectionModel *evt_organisations_view_get_selection   (EvtOrganisationsView *self);
GtkEditable      *evt_organisations_view_get_search_entry (EvtOrganisationsView *self);
GtkWidget        *evt_organisations_view_get_list_view    (EvtOrganisationsView *self);
guint             evt_organisations_view_get_n_events     (EvtOrganisationsView *self,
                                                           EvtOrganisation      *organisation);
/* What a row says: "Biotech Franche-Comté", "Company · Besançon"... */
char             *evt_organisations_view_describe_row     (EvtOrganisationsView *self,
                                                           guint                 position);
void              evt_organisations_view_import_file      (EvtOrganisationsView *self,
                                                           GFile                *file);
void              evt_organisations_view_export_file      (EvtOrganisationsView *self,
                                                           GFile                *file);
void              evt_organisations_view_merge            (EvtOrganisationsView *self,
                                                           gint64                keep_id,
                                                           gint64                duplicate_id);
/* The last import's report, and the last toast's title. */
const EvtImportReport *evt_organisations_view_get_import_report (EvtOrganisationsView *self);
const char       *evt_organisations_view_get_last_toast   (EvtOrganisationsView *self);
GtkWindow        *evt_organisations_view_open_details     (EvtOrganisationsView *self,
                                                           guint                 position);
GtkWindow        *evt_organisations_view_show_import_details (EvtOrganisationsView *self);
/* Editing: the editors shown, as the actions and the details' buttons open them. */
GtkWindow        *evt_organisations_view_edit_organisation (EvtOrganisationsView *self,
                                                            EvtOrganisation      *organisation,
                                                            GtkWindow            *parent);
GtkWindow        *evt_organisations_view_edit_person      (EvtOrganisationsView *self,
                                                           EvtPerson            *person,
                                                           gint64                organisation_id,
                                                           GtkWindow            *parent);
void              evt_organisations_view_delete_organisation (EvtOrganisationsView *self,
                                                              EvtOrganisation      *organisation);

G_END_DECLS
