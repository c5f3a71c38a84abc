/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-organisation-editor-private.h: the fields the display test fills as someone would. */
#pragma once

#include "evt-organisation-editor.h"

G_BEGIN_DECLS

typedef enum
{
  EVT_ORGANISATION_FIELD_NAME,
  EVT_ORGANISATION_FIELD_KIND,
  EVT_ORGANISATION_FIELD_MEMBER,
  EVT_ORGANISATION_FIELD_SECTOR,
  EVT_ORGANISATION_FIELD_CITY,
  EVT_ORGANISATION_FIELD_EMAIL,
  EVT_ORGANISATION_FIELD_PHONE,
} EvtOrganisationField;

/* The row of a field: an AdwEntryRow, an AdwComboRow, or the member AdwActionRow. */
GtkWidget *evt_organisation_editor_get_row          (EvtOrganisationEditor *self,
                                                     EvtOrganisationField   field);
GtkSwitch *evt_organisation_editor_get_member_switch (EvtOrganisationEditor *self);
/* Whether the store's sectors are in the Sector row yet. */
gboolean   evt_organisation_editor_is_loading       (EvtOrganisationEditor *self);
/* The slug a position of the Sector row stands for. */
const char *evt_organisation_editor_get_sector_slug (EvtOrganisationEditor *self,
                                                     guint                  position);

G_END_DECLS
