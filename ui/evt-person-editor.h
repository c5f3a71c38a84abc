/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-person-editor.h: add or edit one person of the directory, saved when asked. */
#pragma once

#include <adwaita.h>

#include "evt-people.h"
#include "evt-record-editor.h"

G_BEGIN_DECLS

#define EVT_TYPE_PERSON_EDITOR (evt_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (EvtPersonEditor, evt_person_editor, EVT, PERSON_EDITOR,
                      EvtRecordEditor)

/*
 * A modal dialog: name, organisation (chosen from the directory, with a search),
 * job title, e-mail address and phone. Save (Ctrl+S, or Enter in a field) writes
 * through the core in a worker thread, emits "saved" and closes; a field the core
 * refuses shows its message right below it and the dialog stays open. Cancel
 * (Escape) closes, asking first when something was changed. Delete asks first, and
 * explains why when the core would refuse it (they take part in events).
 */
EvtPersonEditor *evt_person_editor_new           (GtkWindow           *parent,
                                                  EvtStore            *store,
                                                  EvtPerson           *person,
                                                  gint64               organisation_id);
EvtPerson       *evt_person_editor_get_person    (EvtPersonEditor     *self);
gboolean         evt_person_editor_is_busy       (EvtPersonEditor     *self);
gboolean         evt_person_editor_get_modified  (EvtPersonEditor     *self);

void             evt_person_editor_delete_async  (GtkWindow           *parent,
                                                  EvtStore            *store,
                                                  EvtPerson           *person,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean         evt_person_editor_delete_finish (EvtStore            *store,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
