/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-people-types.c: the closed vocabularies of participants and outcomes. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "evt-people-types.h"

typedef struct
{
  const char *id;     /* stable: database, command line, CSV, JSON */
  const char *label;  /* marked with N_(), translated on use */
} EvtVocabulary;

static const EvtVocabulary organisation_kinds[EVT_N_ORGANISATION_KINDS] = {
  [EVT_ORGANISATION_KIND_COMPANY]     = { "company",     N_("Company") },
  [EVT_ORGANISATION_KIND_PARTNER]     = { "partner",     N_("Partner") },
  [EVT_ORGANISATION_KIND_LAB]         = { "lab",         N_("Laboratory") },
  [EVT_ORGANISATION_KIND_SCHOOL]      = { "school",      N_("School") },
  [EVT_ORGANISATION_KIND_INSTITUTION] = { "institution", N_("Institution") },
};

static const EvtVocabulary roles[EVT_N_ROLES] = {
  [EVT_ROLE_STAFF]        = { "staff",        N_("Staff") },
  [EVT_ROLE_EXHIBITOR]    = { "exhibitor",    N_("Exhibitor on the shared stand") },
  [EVT_ROLE_CO_EXHIBITOR] = { "co-exhibitor", N_("Co-exhibitor") },
  [EVT_ROLE_SPEAKER]      = { "speaker",      N_("Speaker") },
  [EVT_ROLE_VISITOR]      = { "visitor",      N_("Visitor") },
  [EVT_ROLE_CO_ORGANISER] = { "co-organiser", N_("Co-organiser") },
};

static const EvtVocabulary participation_states[EVT_N_PARTICIPATION_STATES] = {
  [EVT_PARTICIPATION_STATE_INVITED]    = { "invited",    N_("Invited") },
  [EVT_PARTICIPATION_STATE_REGISTERED] = { "registered", N_("Registered") },
  [EVT_PARTICIPATION_STATE_CONFIRMED]  = { "confirmed",  N_("Confirmed") },
  [EVT_PARTICIPATION_STATE_ATTENDED]   = { "attended",   N_("Attended") },
  [EVT_PARTICIPATION_STATE_NO_SHOW]    = { "no-show",    N_("No-show") },
  [EVT_PARTICIPATION_STATE_CANCELLED]  = { "cancelled",  N_("Cancelled") },
};

static const EvtVocabulary lead_states[EVT_N_LEAD_STATES] = {
  [EVT_LEAD_STATE_OPEN] = { "open", N_("Open") },
  [EVT_LEAD_STATE_WON]  = { "won",  N_("Won") },
  [EVT_LEAD_STATE_LOST] = { "lost", N_("Lost") },
};

static const EvtVocabulary cost_categories[EVT_N_COST_CATEGORIES] = {
  [EVT_COST_STAND]         = { "stand",         N_("Stand") },
  [EVT_COST_TRAVEL]        = { "travel",        N_("Travel") },
  [EVT_COST_ACCOMMODATION] = { "accommodation", N_("Accommodation") },
  [EVT_COST_COMMUNICATION] = { "communication", N_("Communication") },
  [EVT_COST_OTHER]         = { "other",         N_("Other") },
};

/* Compares @str with the identifier @id ignoring ASCII case and taking "_" for "-". */
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
    if (matches_id (str, table[i].id))
      return (int) i;

  return -1;
}

#define DEFINE_VOCABULARY(Type, prefix, table, n_values)                       \
  const char *                                                                 \
  prefix##_to_string (Type value)                                              \
  {                                                                            \
    g_return_val_if_fail ((guint) value < n_values, NULL);                     \
    return table[value].id;                                                    \
  }                                                                            \
                                                                               \
  gboolean                                                                     \
  prefix##_from_string (const char *str,                                       \
                        Type       *value)                                     \
  {                                                                            \
    int i = lookup (table, n_values, str);                                     \
                                                                               \
    if (i < 0)                                                                 \
      return FALSE;                                                            \
    if (value != NULL)                                                         \
      *value = (Type) i;                                                       \
    return TRUE;                                                               \
  }                                                                            \
                                                                               \
  const char *                                                                 \
  prefix##_get_label (Type value)                                              \
  {                                                                            \
    g_return_val_if_fail ((guint) value < n_values, NULL);                     \
    return _(table[value].label);                                              \
  }

/*
 * For each vocabulary:
 *  *_to_string (value): the stable identifier ("co-exhibitor");
 *  *_from_string (str, &value): reads an identifier, ignoring case and taking "_"
 *    for "-"; FALSE if @str names no value;
 *  *_get_label (value): the translated label.
 */
DEFINE_VOCABULARY (EvtOrganisationKind, evt_organisation_kind, organisation_kinds,
                   EVT_N_ORGANISATION_KINDS)
DEFINE_VOCABULARY (EvtRole, evt_role, roles, EVT_N_ROLES)
DEFINE_VOCABULARY (EvtParticipationState, evt_participation_state, participation_states,
                   EVT_N_PARTICIPATION_STATES)
DEFINE_VOCABULARY (EvtLeadState, evt_lead_state, lead_states, EVT_N_LEAD_STATES)
DEFINE_VOCABULARY (EvtCostCategory, evt_cost_category, cost_categories,
                   EVT_N_COST_CATEGORIES)

/**
 * evt_participation_state_to_partstat:
 * @state: a participation state
 *
 * The iCalendar PARTSTAT (RFC 5545, 3.2.12) of an ATTENDEE in this state:
 * invited → NEEDS-ACTION, registered → TENTATIVE, confirmed and attended →
 * ACCEPTED, no-show and cancelled → DECLINED.
 *
 * Returns: (transfer none): the PARTSTAT value
 */
const char *
evt_participation_state_to_partstat (EvtParticipationState state)
{
  switch (state)
    {
    case EVT_PARTICIPATION_STATE_INVITED:
      return "NEEDS-ACTION";
    case EVT_PARTICIPATION_STATE_REGISTERED:
      return "TENTATIVE";
    case EVT_PARTICIPATION_STATE_CONFIRMED:
    case EVT_PARTICIPATION_STATE_ATTENDED:
      return "ACCEPTED";
    case EVT_PARTICIPATION_STATE_NO_SHOW:
    case EVT_PARTICIPATION_STATE_CANCELLED:
      return "DECLINED";
    default:
      g_return_val_if_reached ("NEEDS-ACTION");
    }
}

/**
 * evt_normalise_name:
 * @name: (nullable): the name of an organisation or a person
 *
 * The key under which names are compared to find duplicates: accents, case and
 * punctuation do not count, so that "Société Générale", "SOCIETE GENERALE" and
 * "Société  générale." are the same. Ligatures are spelt out (œ → oe).
 *
 * Returns: (transfer full): the key; "" for %NULL or a name without letters or
 *   digits
 */
char *
evt_normalise_name (const char *name)
{
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean space = FALSE;

  if (name == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;

      if (!g_unichar_isalnum (c))
        {
          space = out->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;

      switch (c)
        {
        case 0x0152: case 0x0153:  /* Œ œ */
          g_string_append (out, "oe");
          break;
        case 0x00C6: case 0x00E6:  /* Æ æ */
          g_string_append (out, "ae");
          break;
        case 0x00DF:               /* ß */
          g_string_append (out, "ss");
          break;
        case 0x00D8: case 0x00F8:  /* Ø ø */
          g_string_append_c (out, 'o');
          break;
        default:
          {
            char buf[6];
            g_autofree char *folded = NULL;
            int n = g_unichar_to_utf8 (c, buf);

            folded = g_utf8_casefold (buf, n);
            g_string_append (out, folded);
          }
        }
    }

  return g_string_free (out, FALSE);
}
