/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-sector.h: a sector (cluster) that events belong to, with its colour. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define EVT_TYPE_SECTOR (evt_sector_get_type ())

typedef struct
{
  char *slug;    /* stable identifier: "health" */
  char *name;    /* shown to people: "Santé (Innov'Health)" */
  char *colour;  /* "#rrggbb" */
} EvtSector;

GType      evt_sector_get_type (void) G_GNUC_CONST;
EvtSector *evt_sector_new      (const char      *slug,
                                const char      *name,
                                const char      *colour);
EvtSector *evt_sector_copy     (const EvtSector *self);
void       evt_sector_free     (EvtSector       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvtSector, evt_sector_free)

G_END_DECLS
