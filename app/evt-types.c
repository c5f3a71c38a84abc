/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-types.c: stable identifiers and labels of the closed vocabularies of an event. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "evt-types.h"

typedef struct
{
  const char *id;     /* stable: database, command line, CSV, JSON */
  const char *label;  /* marked with N_(), translated on use */
} EvtVocabulary;

static const EvtVocabulary kinds[EVT_N_KINDS] = {
  [EVT_KIND_TRADE_SHOW]          = { "trade-show",          N_("Trade show") },
  [EVT_KIND_CONGRESS]            = { "congress",            N_("Congress") },
  [EVT_KIND_BUSINESS_CONVENTION] = { "business-convention", N_("Business convention") },
  [EVT_KIND_WEBINAR]             = { "webinar",             N_("Webinar") },
  [EVT_KIND_WORKSHOP]            = { "workshop",            N_("Workshop") },
  [EVT_KIND_TECHNICAL_DAY]       = { "technical-day",       N_("Technical day") },
  [EVT_KIND_MEETING]             = { "meeting",             N_("Meeting") },
  [EVT_KIND_ROAD_SHOW]           = { "road-show",           N_("Road show") },
  [EVT_KIND_COMPANY_VISIT]       = { "company-visit",       N_("Company visit") },
  [EVT_KIND_TRAINING]            = { "training",            N_("Training") },
  [EVT_KIND_GENERAL_ASSEMBLY]    = { "general-assembly",    N_("General assembly") },
  [EVT_KIND_OTHER]               = { "other",               N_("Other") },
};

static const EvtVocabulary statuses[EVT_N_STATUSES] = {
  [EVT_STATUS_TENTATIVE] = { "tentative", N_("Tentative") },
  [EVT_STATUS_CONFIRMED] = { "confirmed", N_("Confirmed") },
  [EVT_STATUS_POSTPONED] = { "postponed", N_("Postponed") },
  [EVT_STATUS_CANCELLED] = { "cancelled", N_("Cancelled") },
  [EVT_STATUS_HELD]      = { "held",      N_("Held") },
};

static const EvtVocabulary visibilities[] = {
  [EVT_VISIBILITY_PUBLIC]   = { "public",   N_("Public") },
  [EVT_VISIBILITY_INTERNAL] = { "internal", N_("Internal") },
};

/* Compares @str with the identifier @id ignoring ASCII case and taking "_" for "-",
 * so that "Trade_Show" finds "trade-show". */
static gboolean
matches_id (const char *str,
            const char *id)
{
  for (; *str != '\0' && *id != '\0'; str++, id++)
    {
      char c = g_ascii_tolower (*str);

      if (c == '_')
        c = '-';
      if (c != *id)
        return FALSE;
    }

  return *str == '\0' && *id == '\0';
}

static int
lookup (const EvtVocabulary *table,
        guint                n_entries,
        const char          *str)
{
  if (str == NULL)
    return -1;

  for (guint i = 0; i < n_entries; i++)
    {
      if (matches_id (str, table[i].id))
        return (int) i;
    }

  return -1;
}

/**
 * evt_kind_to_string:
 * @kind: an #EvtKind
 *
 * Returns: (transfer none): the stable identifier of @kind, e.g. "trade-show"
 */
const char *
evt_kind_to_string (EvtKind kind)
{
  g_return_val_if_fail ((guint) kind < EVT_N_KINDS, NULL);

  return kinds[kind].id;
}

/**
 * evt_kind_from_string:
 * @str: (nullable): an identifier, e.g. "trade-show", "Trade_Show"
 * @kind: (out) (optional): where to store the kind
 *
 * Reads a kind identifier, ignoring case and accepting "_" for "-".
 *
 * Returns: %TRUE if @str names a kind
 */
gboolean
evt_kind_from_string (const char *str,
                      EvtKind    *kind)
{
  int i = lookup (kinds, G_N_ELEMENTS (kinds), str);

  if (i < 0)
    return FALSE;
  if (kind != NULL)
    *kind = (EvtKind) i;

  return TRUE;
}

/**
 * evt_kind_get_label:
 * @kind: an #EvtKind
 *
 * Returns: (transfer none): the translated name of @kind, e.g. "Trade show"
 */
const char *
evt_kind_get_label (EvtKind kind)
{
  g_return_val_if_fail ((guint) kind < EVT_N_KINDS, NULL);

  return _(kinds[kind].label);
}

/**
 * evt_status_to_string:
 * @status: an #EvtStatus
 *
 * Returns: (transfer none): the stable identifier of @status, e.g. "cancelled"
 */
const char *
evt_status_to_string (EvtStatus status)
{
  g_return_val_if_fail ((guint) status < EVT_N_STATUSES, NULL);

  return statuses[status].id;
}

/**
 * evt_status_from_string:
 * @str: (nullable): an identifier, e.g. "cancelled"
 * @status: (out) (optional): where to store the status
 *
 * Reads a status identifier, ignoring case; the US spelling "canceled" is
 * accepted for "cancelled".
 *
 * Returns: %TRUE if @str names a status
 */
gboolean
evt_status_from_string (const char *str,
                        EvtStatus  *status)
{
  int i = lookup (statuses, G_N_ELEMENTS (statuses), str);

  if (i < 0 && str != NULL && matches_id (str, "canceled"))
    i = EVT_STATUS_CANCELLED;
  if (i < 0)
    return FALSE;
  if (status != NULL)
    *status = (EvtStatus) i;

  return TRUE;
}

/**
 * evt_status_get_label:
 * @status: an #EvtStatus
 *
 * Returns: (transfer none): the translated name of @status, e.g. "Cancelled"
 */
const char *
evt_status_get_label (EvtStatus status)
{
  g_return_val_if_fail ((guint) status < EVT_N_STATUSES, NULL);

  return _(statuses[status].label);
}

/**
 * evt_visibility_to_string:
 * @visibility: an #EvtVisibility
 *
 * Returns: (transfer none): the stable identifier of @visibility, e.g. "internal"
 */
const char *
evt_visibility_to_string (EvtVisibility visibility)
{
  g_return_val_if_fail ((guint) visibility < G_N_ELEMENTS (visibilities), NULL);

  return visibilities[visibility].id;
}

/**
 * evt_visibility_from_string:
 * @str: (nullable): an identifier, e.g. "public"
 * @visibility: (out) (optional): where to store the visibility
 *
 * Reads a visibility identifier, ignoring case.
 *
 * Returns: %TRUE if @str names a visibility
 */
gboolean
evt_visibility_from_string (const char    *str,
                            EvtVisibility *visibility)
{
  int i = lookup (visibilities, G_N_ELEMENTS (visibilities), str);

  if (i < 0)
    return FALSE;
  if (visibility != NULL)
    *visibility = (EvtVisibility) i;

  return TRUE;
}

/**
 * evt_visibility_get_label:
 * @visibility: an #EvtVisibility
 *
 * Returns: (transfer none): the translated name of @visibility, e.g. "Public"
 */
const char *
evt_visibility_get_label (EvtVisibility visibility)
{
  g_return_val_if_fail ((guint) visibility < G_N_ELEMENTS (visibilities), NULL);

  return _(visibilities[visibility].label);
}
