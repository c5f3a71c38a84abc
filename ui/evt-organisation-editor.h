/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-organisation-editor.h: add or edit one organisation of the directory, saved when asked. */
#pragma once

#include <adwaita.h>

#include "evt-people.h"
#include "evt-record-editor.h"

G_BEGIN_DECLS

#define EVT_TYPE_ORGANISATION_EDITOR (evt_organisation_editor_get_type ())
G_DECLARE_FINAL_TYPE (EvtOrganisationEditor, evt_organisation_editor,
                      EVT, ORGANISATION_EDITOR, EvtRecordEditor)

/*
 * A modal dialog: name, kind, member or not, sector (from the store's sectors), city,
 * e-mail address and phone. Save (Ctrl+S, or Enter in a field) writes through the
 * core in a worker thread, emits "saved" and closes; a field the core refuses shows
 * its message right below it and the dialog stays open. Cancel (Escape) closes,
 * asking first when something was changed. Delete asks for a confirmation that says
 * what goes with the organisation, and explains why when the core would refuse it
 * (it takes part in events), then emits "deleted".
 */
EvtOrganisationEditor *evt_organisation_editor_new       (GtkWindow              *parent,
                                                          EvtStore               *store,
                                                          EvtOrganisation        *organisation);
EvtOrganisation       *evt_organisation_editor_get_organisation
                                                         (EvtOrganisationEditor  *self);
gboolean               evt_organisation_editor_is_busy   (EvtOrganisationEditor  *self);
gboolean               evt_organisation_editor_get_modified
                                                         (EvtOrganisationEditor  *self);

void                   evt_organisation_editor_delete_async
                                                         (GtkWindow              *parent,
                                                          EvtStore               *store,
                                                          EvtOrganisation        *organisation,
                                                          GCancellable           *cancellable,
                                                          GAsyncReadyCallback     callback,
                                                          gpointer                user_data);
gboolean               evt_organisation_editor_delete_finish
                                                         (EvtStore               *store,
                                                          GAsyncResult           *result,
                                                          GError                **error);

G_END_DECLS
