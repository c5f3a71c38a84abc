/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-query.c: which events to read from the store. */
#include "config.h"

#include "evt-query.h"

G_DEFINE_BOXED_TYPE (EvtQuery, evt_query, evt_query_copy, evt_query_free)

/**
 * evt_query_new:
 *
 * Returns: (transfer full): a query that matches every event: open date range,
 *   any status, kind, sector and visibility, no search
 */
EvtQuery *
evt_query_new (void)
{
  EvtQuery *self = g_new0 (EvtQuery, 1);

  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  self->visibility = -1;

  return self;
}

/**
 * evt_query_copy:
 * @self: an #EvtQuery
 *
 * Returns: (transfer full): a deep copy of @self
 */
EvtQuery *
evt_query_copy (const EvtQuery *self)
{
  EvtQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (EvtQuery, 1);
  *copy = *self;
  copy->sectors = g_strdupv (self->sectors);
  copy->search = g_strdup (self->search);

  return copy;
}

/**
 * evt_query_free:
 * @self: (nullable): an #EvtQuery
 *
 * Frees @self and what it holds.
 */
void
evt_query_free (EvtQuery *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->sectors);
  g_free (self->search);
  g_free (self);
}

/**
 * evt_query_set_year:
 * @self: an #EvtQuery
 * @year: a year, e.g. 2021
 *
 * Restricts @self to the events with a day between January 1st and
 * December 31st of @year.
 */
void
evt_query_set_year (EvtQuery *self,
                    int       year)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (g_date_valid_year ((GDateYear) year));

  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  g_date_set_dmy (&self->from, 1, G_DATE_JANUARY, (GDateYear) year);
  g_date_set_dmy (&self->to, 31, G_DATE_DECEMBER, (GDateYear) year);
}

static gboolean
is_blank (const char *str)
{
  if (str == NULL)
    return TRUE;

  for (; *str != '\0'; str++)
    {
      if (!g_ascii_isspace (*str))
        return FALSE;
    }

  return TRUE;
}

/**
 * evt_query_is_empty:
 * @self: an #EvtQuery
 *
 * Returns: %TRUE if nothing in @self filters, so that it matches every event
 */
gboolean
evt_query_is_empty (const EvtQuery *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return !g_date_valid (&self->from) &&
         !g_date_valid (&self->to) &&
         self->statuses == 0 &&
         self->kinds == 0 &&
         (self->sectors == NULL || self->sectors[0] == NULL) &&
         self->visibility < 0 &&
         is_blank (self->search);
}

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

static gboolean
strvs_equal (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/**
 * evt_query_equal:
 * @a: an #EvtQuery
 * @b: another
 *
 * Returns: %TRUE if @a and @b ask for the same events in the same order
 */
gboolean
evt_query_equal (const EvtQuery *a,
                 const EvtQuery *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return dates_equal (&a->from, &b->from) &&
         dates_equal (&a->to, &b->to) &&
         a->statuses == b->statuses &&
         a->kinds == b->kinds &&
         strvs_equal (a->sectors, b->sectors) &&
         a->visibility == b->visibility &&
         g_strcmp0 (is_blank (a->search) ? NULL : a->search,
                    is_blank (b->search) ? NULL : b->search) == 0 &&
         a->sort == b->sort &&
         !a->descending == !b->descending;
}
