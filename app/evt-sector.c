/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-sector.c: a sector (cluster) that events belong to, with its colour. */
#include "config.h"

#include "evt-sector.h"

G_DEFINE_BOXED_TYPE (EvtSector, evt_sector, evt_sector_copy, evt_sector_free)

/**
 * evt_sector_new:
 * @slug: the stable identifier, e.g. "health"
 * @name: (nullable): the name shown to people
 * @colour: (nullable): a "#rrggbb" colour
 *
 * Returns: (transfer full): a new #EvtSector holding copies of the strings
 */
EvtSector *
evt_sector_new (const char *slug,
                const char *name,
                const char *colour)
{
  EvtSector *self = g_new0 (EvtSector, 1);

  self->slug = g_strdup (slug);
  self->name = g_strdup (name);
  self->colour = g_strdup (colour);

  return self;
}

/**
 * evt_sector_copy:
 * @self: an #EvtSector
 *
 * Returns: (transfer full): a deep copy of @self
 */
EvtSector *
evt_sector_copy (const EvtSector *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return evt_sector_new (self->slug, self->name, self->colour);
}

/**
 * evt_sector_free:
 * @self: (nullable): an #EvtSector
 *
 * Frees @self and its strings.
 */
void
evt_sector_free (EvtSector *self)
{
  if (self == NULL)
    return;

  g_free (self->slug);
  g_free (self->name);
  g_free (self->colour);
  g_free (self);
}
