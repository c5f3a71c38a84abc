/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-person-editor-private.h: the fields the display test fills as someone would. */
#pragma once

#include "evt-person-editor.h"

G_BEGIN_DECLS

typedef enum
{
  EVT_PERSON_FIELD_NAME,
  EVT_PERSON_FIELD_ORGANISATION,
  EVT_PERSON_FIELD_JOB_TITLE,
  EVT_PERSON_FIELD_EMAIL,
  EVT_PERSON_FIELD_PHONE,
} EvtPersonField;

/* The row of a field: an AdwEntryRow, or the organisation's AdwActionRow. */
GtkWidget   *evt_person_editor_get_row              (EvtPersonEditor *self,
                                                     EvtPersonField   field);
GtkDropDown *evt_person_editor_get_organisation_drop_down (EvtPersonEditor *self);
/* Whether the organisations are in the drop-down yet. */
gboolean     evt_person_editor_is_loading           (EvtPersonEditor *self);
/* The position of an organisation in the drop-down, G_MAXUINT if not there. */
guint        evt_person_editor_find_organisation    (EvtPersonEditor *self,
                                                     gint64           organisation_id);

G_END_DECLS
