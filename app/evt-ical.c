/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-ical.c: events written as an iCalendar (RFC 5545) file with libical. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libical/ical.h>

#include "evt-date.h"
#include "evt-ical-private.h"
#include "evt-ical.h"
#include "evt-money.h"
#include "evt-people.h"

/*
 * libical builds the components (and gives the VTIMEZONE of each zone from the
 * system's tzdata), but the bytes are written here: libical 3.0 leaves commas,
 * semicolons and newlines of X- properties unescaped (a newline in the internal
 * notes would cut the file) and cannot write a CATEGORIES list whose items hold
 * a comma. Lines are folded here too, at 75 octets, never inside a UTF-8
 * character nor inside a backslash escape.
 */

#define ICAL_LINE_OCTETS 75

G_DEFINE_QUARK (evt-ical-error-quark, evt_ical_error)

G_DEFINE_BOXED_TYPE (EvtExportOptions, evt_export_options,
                     evt_export_options_copy, evt_export_options_free)

/* ------------------------------------------------------------------------ */
/* Enumerations as command-line words                                        */

static const char * const privacy_names[] = { "public", "internal" };
static const char * const policy_names[] = { "include", "exclude", "prefix" };

/**
 * evt_ical_privacy_to_string:
 * @privacy: an #EvtIcalPrivacy
 *
 * Returns: (transfer none): the stable name of @privacy ("public", "internal")
 */
const char *
evt_ical_privacy_to_string (EvtIcalPrivacy privacy)
{
  g_return_val_if_fail (privacy <= EVT_ICAL_PRIVACY_INTERNAL, NULL);

  return privacy_names[privacy];
}

/**
 * evt_ical_privacy_from_string:
 * @str: "public" or "internal"
 * @privacy: (out): where to store the value
 *
 * Returns: %TRUE if @str names a privacy level
 */
gboolean
evt_ical_privacy_from_string (const char     *str,
                              EvtIcalPrivacy *privacy)
{
  for (guint i = 0; i < G_N_ELEMENTS (privacy_names); i++)
    {
      if (g_strcmp0 (str, privacy_names[i]) == 0)
        {
          *privacy = (EvtIcalPrivacy) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * evt_ical_status_policy_to_string:
 * @policy: an #EvtIcalStatusPolicy
 *
 * Returns: (transfer none): "include", "exclude" or "prefix"
 */
const char *
evt_ical_status_policy_to_string (EvtIcalStatusPolicy policy)
{
  g_return_val_if_fail (policy <= EVT_ICAL_STATUS_PREFIX, NULL);

  return policy_names[policy];
}

/**
 * evt_ical_status_policy_from_string:
 * @str: "include", "exclude" or "prefix"
 * @policy: (out): where to store the value
 *
 * Returns: %TRUE if @str names a policy
 */
gboolean
evt_ical_status_policy_from_string (const char          *str,
                                    EvtIcalStatusPolicy *policy)
{
  for (guint i = 0; i < G_N_ELEMENTS (policy_names); i++)
    {
      if (g_strcmp0 (str, policy_names[i]) == 0)
        {
          *policy = (EvtIcalStatusPolicy) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Options                                                                   */

/**
 * evt_export_options_new:
 *
 * Options for a public export in the default time zone, refreshed every hour,
 * with cancelled and postponed events included as they are.
 *
 * Returns: (transfer full): new options
 */
EvtExportOptions *
evt_export_options_new (void)
{
  EvtExportOptions *self = g_new0 (EvtExportOptions, 1);

  self->timezone = g_strdup (EVT_DEFAULT_TIMEZONE);
  self->refresh_minutes = 60;
  self->privacy = EVT_ICAL_PRIVACY_PUBLIC;
  self->cancelled = EVT_ICAL_STATUS_INCLUDE;
  self->postponed = EVT_ICAL_STATUS_INCLUDE;

  return self;
}

/**
 * evt_export_options_copy:
 * @self: options
 *
 * Returns: (transfer full): a deep copy of @self
 */
EvtExportOptions *
evt_export_options_copy (const EvtExportOptions *self)
{
  EvtExportOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->name = g_strdup (self->name);
  copy->description = g_strdup (self->description);
  copy->timezone = g_strdup (self->timezone);
  copy->colour = g_strdup (self->colour);
  copy->now = self->now ? g_date_time_ref (self->now) : NULL;

  return copy;
}

/**
 * evt_export_options_free:
 * @self: (nullable): options
 *
 * Frees @self and its strings.
 */
void
evt_export_options_free (EvtExportOptions *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->description);
  g_free (self->timezone);
  g_free (self->colour);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_free (self);
}

/* ------------------------------------------------------------------------ */
/* Text: escaping and folding                                                */

/**
 * evt_ical_escape_text:
 * @text: (nullable): UTF-8 text
 *
 * Escapes @text as an iCalendar TEXT value: backslash, semicolon, comma and
 * line breaks (CRLF, LF or CR become "\n"). Other control characters are left
 * out, as RFC 5545 forbids them; invalid UTF-8 is repaired.
 *
 * Returns: (transfer full): the escaped text
 */
char *
evt_ical_escape_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid) + 16);

  for (const char *p = valid; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;

        case ';':
          g_string_append (out, "\\;");
          break;

        case ',':
          g_string_append (out, "\\,");
          break;

        case '\r':
          if (p[1] == '\n')
            p++;
          g_string_append (out, "\\n");
          break;

        case '\n':
          g_string_append (out, "\\n");
          break;

        case '\t':
          g_string_append_c (out, '\t');
          break;

        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

/* Appends one unfolded content line, folded, each piece ended by CRLF. */
static void
append_folded_line (GString    *out,
                    const char *line,
                    gsize       len)
{
  gsize start = 0;
  gsize limit = ICAL_LINE_OCTETS;
  gboolean escaped = FALSE;
  gsize last_break = 0;

  /* Walk the line once; remember the last place where a break is allowed:
   * before the first byte of a UTF-8 character, and not between a backslash
   * and the character it escapes. */
  for (gsize i = 0; i < len; i++)
    {
      gboolean can_break;

      can_break = ((guchar) line[i] & 0xC0) != 0x80 && !escaped;

      if (can_break)
        last_break = i;

      if (i - start + 1 > limit)
        {
          gsize cut = last_break > start ? last_break : i;

          g_string_append_len (out, line + start, cut - start);
          g_string_append (out, "\r\n ");
          start = cut;
          limit = ICAL_LINE_OCTETS - 1;
        }

      if (((guchar) line[i] & 0xC0) != 0x80)
        escaped = !escaped && line[i] == '\\';
    }

  g_string_append_len (out, line + start, len - start);
  g_string_append (out, "\r\n");
}

/**
 * evt_ical_fold:
 * @unfolded: content lines ended by CRLF or LF
 *
 * Folds every line of @unfolded to at most 75 octets (RFC 5545 3.1), never
 * inside a UTF-8 character nor inside a backslash escape, and ends every line
 * with CRLF.
 *
 * Returns: (transfer full): the folded text
 */
char *
evt_ical_fold (const char *unfolded)
{
  GString *out = g_string_sized_new (strlen (unfolded) + strlen (unfolded) / 64 + 8);
  const char *p = unfolded;

  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      gsize len = eol ? (gsize) (eol - p) : strlen (p);

      if (len > 0 && p[len - 1] == '\r')
        len--;

      append_folded_line (out, p, len);

      if (eol == NULL)
        break;
      p = eol + 1;
    }

  return g_string_free (out, FALSE);
}

/**
 * evt_ical_unfold:
 * @folded: iCalendar text
 *
 * Joins folded lines (a line break followed by a space or a tab) and turns
 * every line end into CRLF.
 *
 * Returns: (transfer full): the unfolded text
 */
char *
evt_ical_unfold (const char *folded)
{
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;

      if (*p == '\n')
        {
          if (p[1] == ' ' || p[1] == '\t')
            p++;
          else
            g_string_append (out, "\r\n");
          continue;
        }

      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Serialising a libical tree                                                */

static gboolean
property_has_value_param (icalproperty *prop)
{
  return icalproperty_get_first_parameter (prop, ICAL_VALUE_PARAMETER) != NULL;
}

static void
append_params (GString      *line,
               icalproperty *prop)
{
  for (icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_ANY_PARAMETER);
       param != NULL;
       param = icalproperty_get_next_parameter (prop, ICAL_ANY_PARAMETER))
    {
      g_string_append_c (line, ';');
      g_string_append (line, icalparameter_as_ical_string (param));
    }
}

static void
append_value (GString      *line,
              icalproperty *prop)
{
  icalvalue *value = icalproperty_get_value (prop);
  icalvalue_kind kind;

  if (value == NULL)
    return;

  kind = icalvalue_isa (value);

  if (kind == ICAL_TEXT_VALUE)
    {
      g_autofree char *escaped = evt_ical_escape_text (icalvalue_get_text (value));
      g_string_append (line, escaped);
    }
  else if (kind == ICAL_X_VALUE)
    {
      g_autofree char *escaped = evt_ical_escape_text (icalvalue_get_x (value));
      g_string_append (line, escaped);
    }
  else
    {
      g_string_append (line, icalvalue_as_ical_string (value));
    }
}

static void
append_property (GString      *out,
                 icalcomponent *comp,
                 icalproperty  *prop)
{
  g_autoptr(GString) line = g_string_new (icalproperty_get_property_name (prop));
  icalvalue *value = icalproperty_get_value (prop);

  /* Write VALUE= when the value is not of the property's default type
   * (DTSTART;VALUE=DATE), as libical's own writer does. */
  if (value != NULL && !property_has_value_param (prop))
    {
      icalvalue_kind kind = icalvalue_isa (value);
      icalvalue_kind def = icalproperty_kind_to_value_kind (icalproperty_isa (prop));

      if (kind != def && kind != ICAL_X_VALUE && def != ICAL_NO_VALUE)
        {
          g_string_append (line, ";VALUE=");
          g_string_append (line, icalvalue_kind_to_string (kind));
        }
    }

  append_params (line, prop);
  g_string_append_c (line, ':');

  if (icalproperty_isa (prop) == ICAL_CATEGORIES_PROPERTY)
    {
      /* One CATEGORIES line for all of them: items are escaped, so that a
       * comma inside a sector name stays inside its item. */
      gboolean first = TRUE;

      for (icalproperty *cat = icalcomponent_get_first_property (comp, ICAL_CATEGORIES_PROPERTY);
           cat != NULL;
           cat = icalcomponent_get_next_property (comp, ICAL_CATEGORIES_PROPERTY))
        {
          g_autofree char *escaped = evt_ical_escape_text (icalproperty_get_categories (cat));

          if (!first)
            g_string_append_c (line, ',');
          g_string_append (line, escaped);
          first = FALSE;
        }
    }
  else
    {
      append_value (line, prop);
    }

  append_folded_line (out, line->str, line->len);
}

static void
append_component (GString       *out,
                  icalcomponent *comp)
{
  const char *kind = icalcomponent_kind_to_string (icalcomponent_isa (comp));
  g_autofree char *begin = g_strconcat ("BEGIN:", kind, NULL);
  g_autofree char *end = g_strconcat ("END:", kind, NULL);
  gboolean categories_done = FALSE;
  GPtrArray *props = g_ptr_array_new ();
  GPtrArray *children = g_ptr_array_new ();

  append_folded_line (out, begin, strlen (begin));

  /* Collect first: libical keeps one iterator per component, which the
   * CATEGORIES gathering above would otherwise disturb. */
  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_ANY_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_ANY_PROPERTY))
    g_ptr_array_add (props, prop);

  for (icalcomponent *child = icalcomponent_get_first_component (comp, ICAL_ANY_COMPONENT);
       child != NULL;
       child = icalcomponent_get_next_component (comp, ICAL_ANY_COMPONENT))
    g_ptr_array_add (children, child);

  for (guint i = 0; i < props->len; i++)
    {
      icalproperty *prop = g_ptr_array_index (props, i);

      if (icalproperty_isa (prop) == ICAL_CATEGORIES_PROPERTY)
        {
          if (categories_done)
            continue;
          categories_done = TRUE;
        }

      append_property (out, comp, prop);
    }

  for (guint i = 0; i < children->len; i++)
    append_component (out, g_ptr_array_index (children, i));

  append_folded_line (out, end, strlen (end));

  g_ptr_array_unref (props);
  g_ptr_array_unref (children);
}

/* ------------------------------------------------------------------------ */
/* Time zones                                                                */

static GMutex zones_lock;

/**
 * evt_ical_get_builtin_timezone:
 * @tzid: an Olson zone name, "Europe/Paris"
 *
 * Looks @tzid up among libical's builtin zones and loads it, under a lock that
 * every caller in the core shares (see evt-ical-private.h). May be called from
 * any thread.
 *
 * Returns: (transfer none) (nullable): the zone, with its VTIMEZONE loaded, or
 *   %NULL if libical does not know @tzid
 */
icaltimezone *
evt_ical_get_builtin_timezone (const char *tzid)
{
  icaltimezone *zone;

  if (tzid == NULL || *tzid == '\0')
    return NULL;

  g_mutex_lock (&zones_lock);
  zone = icaltimezone_get_builtin_timezone (tzid);
  if (zone != NULL && icaltimezone_get_component (zone) == NULL)
    zone = NULL;
  g_mutex_unlock (&zones_lock);

  return zone;
}

static gboolean
tzid_is_utc (const char *tzid)
{
  return g_strcmp0 (tzid, "UTC") == 0 ||
         g_strcmp0 (tzid, "Etc/UTC") == 0 ||
         g_strcmp0 (tzid, "Z") == 0 ||
         g_strcmp0 (tzid, "GMT") == 0 ||
         g_strcmp0 (tzid, "Etc/GMT") == 0;
}

/* Whether libical has a VTIMEZONE for @tzid; if not, times are written in UTC,
 * never floating. */
static gboolean
tzid_has_vtimezone (const char *tzid)
{
  icaltimezone *zone;

  if (tzid == NULL || tzid_is_utc (tzid))
    return FALSE;

  zone = evt_ical_get_builtin_timezone (tzid);

  return zone != NULL;
}

static struct icalrecurrencetype
rule_without_end (struct icalrecurrencetype rule)
{
  rule.until = icaltime_null_time ();
  rule.count = 0;

  return rule;
}

static int
observance_offset_from (icalcomponent *obs)
{
  icalproperty *prop = icalcomponent_get_first_property (obs, ICAL_TZOFFSETFROM_PROPERTY);

  return prop ? icalproperty_get_tzoffsetfrom (prop) : 0;
}

static int
observance_offset_to (icalcomponent *obs)
{
  icalproperty *prop = icalcomponent_get_first_property (obs, ICAL_TZOFFSETTO_PROPERTY);

  return prop ? icalproperty_get_tzoffsetto (prop) : 0;
}

static const char *
observance_name (icalcomponent *obs)
{
  icalproperty *prop = icalcomponent_get_first_property (obs, ICAL_TZNAME_PROPERTY);

  return prop ? icalproperty_get_tzname (prop) : NULL;
}

/* Whether @next carries on the rule of @obs, which stops at its UNTIL: same
 * offsets and name, same rule, and @next starts on the first onset that @obs
 * would have had after its UNTIL. */
static gboolean
observance_continues (icalcomponent *obs,
                      icalcomponent *next)
{
  icalproperty *rprop = icalcomponent_get_first_property (obs, ICAL_RRULE_PROPERTY);
  icalproperty *nprop = icalcomponent_get_first_property (next, ICAL_RRULE_PROPERTY);
  struct icalrecurrencetype rule, nrule, open_rule;
  struct icaltimetype dtstart, ndtstart, until;
  g_autofree char *rule_str = NULL;
  icalrecur_iterator *iter;
  gboolean found = FALSE;

  if (rprop == NULL || nprop == NULL ||
      icalcomponent_isa (obs) != icalcomponent_isa (next) ||
      icalcomponent_get_first_property (obs, ICAL_RDATE_PROPERTY) != NULL ||
      icalcomponent_get_first_property (next, ICAL_RDATE_PROPERTY) != NULL ||
      observance_offset_from (obs) != observance_offset_from (next) ||
      observance_offset_to (obs) != observance_offset_to (next) ||
      g_strcmp0 (observance_name (obs), observance_name (next)) != 0)
    return FALSE;

  rule = icalproperty_get_rrule (rprop);
  nrule = icalproperty_get_rrule (nprop);

  if (icaltime_is_null_time (rule.until) || !icaltime_is_null_time (nrule.until) ||
      nrule.count != 0 || rule.count != 0)
    return FALSE;

  open_rule = rule_without_end (rule);
  rule_str = g_strdup (icalrecurrencetype_as_string (&open_rule));
  if (g_strcmp0 (rule_str, icalrecurrencetype_as_string (&nrule)) != 0)
    return FALSE;

  dtstart = icalcomponent_get_dtstart (obs);
  ndtstart = icalcomponent_get_dtstart (next);
  until = rule.until;
  until.zone = NULL;

  iter = icalrecur_iterator_new (open_rule, dtstart);
  if (iter == NULL)
    return FALSE;

  /* Bounded: an onset a year, and rules of libical's zones stop by 2038. */
  for (guint i = 0; i < 1000; i++)
    {
      struct icaltimetype onset = icalrecur_iterator_next (iter);
      struct icaltimetype onset_utc;

      if (icaltime_is_null_time (onset))
        break;

      onset.zone = NULL;
      onset_utc = onset;
      icaltime_adjust (&onset_utc, 0, 0, 0, -observance_offset_from (obs));

      if (icaltime_compare (onset_utc, until) > 0)
        {
          ndtstart.zone = NULL;
          found = icaltime_compare (onset, ndtstart) == 0;
          break;
        }
    }

  icalrecur_iterator_free (iter);

  return found;
}

/* libical writes the zic rules as they are compiled: a rule that holds until
 * 2037 with an UNTIL, then the same rule again, open-ended. Readers that build
 * zones from VTIMEZONE (python-icalendar's to_tz() among them) choke on UTC
 * UNTILs, so the two are joined back into the one open-ended rule. */
static void
merge_open_rules (icalcomponent *vtz)
{
  gboolean merged = TRUE;

  while (merged)
    {
      g_autoptr(GPtrArray) observances = g_ptr_array_new ();

      merged = FALSE;

      for (icalcomponent *c = icalcomponent_get_first_component (vtz, ICAL_ANY_COMPONENT);
           c != NULL;
           c = icalcomponent_get_next_component (vtz, ICAL_ANY_COMPONENT))
        g_ptr_array_add (observances, c);

      for (guint i = 0; i < observances->len && !merged; i++)
        {
          icalcomponent *obs = g_ptr_array_index (observances, i);

          for (guint j = 0; j < observances->len && !merged; j++)
            {
              icalcomponent *next = g_ptr_array_index (observances, j);
              icalproperty *rprop;
              struct icalrecurrencetype rule;

              if (i == j || !observance_continues (obs, next))
                continue;

              rprop = icalcomponent_get_first_property (obs, ICAL_RRULE_PROPERTY);
              rule = rule_without_end (icalproperty_get_rrule (rprop));
              icalproperty_set_rrule (rprop, rule);

              icalcomponent_remove_component (vtz, next);
              icalcomponent_free (next);
              merged = TRUE;
            }
        }
    }
}

/* The VTIMEZONE of @tzid, named @tzid (libical names its own zones
 * "/freeassociation.sourceforge.net/Europe/Paris", which other readers cannot
 * look up), with the real rules from @from_year on. */
static icalcomponent *
vtimezone_new (const char *tzid,
               int         from_year)
{
  icaltimezone *zone = evt_ical_get_builtin_timezone (tzid);
  icalcomponent *vtz;
  icalproperty *prop;
  struct icaltimetype start;

  if (zone == NULL)
    return NULL;

  g_mutex_lock (&zones_lock);
  vtz = icalcomponent_new_clone (icaltimezone_get_component (zone));
  g_mutex_unlock (&zones_lock);

  prop = icalcomponent_get_first_property (vtz, ICAL_TZID_PROPERTY);
  if (prop != NULL)
    icalproperty_set_tzid (prop, tzid);
  else
    icalcomponent_add_property (vtz, icalproperty_new_tzid (tzid));

  start = icaltime_null_time ();
  start.year = from_year;
  start.month = 1;
  start.day = 1;
  start.zone = icaltimezone_get_utc_timezone ();
  icaltimezone_truncate_vtimezone (vtz, start, icaltime_null_time (), 0);

  merge_open_rules (vtz);

  return vtz;
}

/* ------------------------------------------------------------------------ */
/* Dates                                                                     */

static GTimeZone *
event_timezone (EvtEvent *event)
{
  const char *tzid = evt_event_get_timezone (event);
  GTimeZone *tz = NULL;

  if (tzid != NULL && *tzid != '\0')
    tz = g_time_zone_new_identifier (tzid);

  if (tz == NULL)
    tz = g_time_zone_new_identifier (EVT_DEFAULT_TIMEZONE);

  if (tz == NULL)
    tz = g_time_zone_new_utc ();

  return tz;
}

static const char *
event_tzid (EvtEvent *event)
{
  const char *tzid = evt_event_get_timezone (event);

  return (tzid != NULL && *tzid != '\0') ? tzid : EVT_DEFAULT_TIMEZONE;
}

static struct icaltimetype
ical_date (GDateTime *dt,
           GTimeZone *tz,
           int        add_days)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, tz);
  struct icaltimetype t = icaltime_null_date ();
  GDate date;
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  if (add_days > 0)
    g_date_add_days (&date, add_days);

  t.year = g_date_get_year (&date);
  t.month = g_date_get_month (&date);
  t.day = g_date_get_day (&date);
  t.is_date = 1;

  return t;
}

static struct icaltimetype
ical_utc (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);
  struct icaltimetype t = icaltime_null_time ();

  g_date_time_get_ymd (utc, &t.year, &t.month, &t.day);
  t.hour = g_date_time_get_hour (utc);
  t.minute = g_date_time_get_minute (utc);
  t.second = g_date_time_get_second (utc);
  t.zone = icaltimezone_get_utc_timezone ();

  return t;
}

static struct icaltimetype
ical_local (GDateTime *dt,
            GTimeZone *tz)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, tz);
  struct icaltimetype t = icaltime_null_time ();

  g_date_time_get_ymd (local, &t.year, &t.month, &t.day);
  t.hour = g_date_time_get_hour (local);
  t.minute = g_date_time_get_minute (local);
  t.second = g_date_time_get_second (local);

  return t;
}

typedef struct
{
  GHashTable *zones;  /* tzid → GINT_TO_POINTER (earliest year used) */
  GHashTable *staff;  /* (nullable) event id → GPtrArray of EvtParticipation */
} ExportState;

/* The staff taking part, for the team's internal calendar: who goes where, and
 * whether it is settled. A participation has no address, so the value is a URN
 * that names it; readers show the CN. */
static void
add_attendees (icalcomponent *ev,
               EvtEvent      *event,
               ExportState   *state)
{
  gint64 id = evt_event_get_id (event);
  GPtrArray *staff;

  if (state->staff == NULL)
    return;
  staff = g_hash_table_lookup (state->staff, &id);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      EvtParticipation *p = g_ptr_array_index (staff, i);
      const char *name = evt_participation_get_person_name (p);
      g_autofree char *address = NULL;
      icalproperty *prop;

      if (name == NULL)
        name = evt_participation_get_organisation_name (p);
      address = g_strdup_printf ("urn:x-eventail:participation:%" G_GINT64_FORMAT,
                                 evt_participation_get_id (p));
      prop = icalproperty_new_attendee (address);
      if (name != NULL)
        icalproperty_add_parameter (prop, icalparameter_new_cn (name));
      icalproperty_add_parameter (prop, icalparameter_new_role (ICAL_ROLE_REQPARTICIPANT));
      icalproperty_add_parameter (prop, icalparameter_new_cutype (ICAL_CUTYPE_INDIVIDUAL));
      icalproperty_add_parameter (
        prop, icalparameter_new_from_value_string (
                ICAL_PARTSTAT_PARAMETER,
                evt_participation_state_to_partstat (evt_participation_get_state (p))));
      icalcomponent_add_property (ev, prop);
    }
}

static void
note_zone (ExportState *state,
           const char  *tzid,
           int          year)
{
  gpointer old;

  if (g_hash_table_lookup_extended (state->zones, tzid, NULL, &old) &&
      GPOINTER_TO_INT (old) <= year)
    return;

  g_hash_table_insert (state->zones, g_strdup (tzid), GINT_TO_POINTER (year));
}

/* A DTSTART-like property for the timed instant @dt: local time with TZID when
 * libical knows the zone, UTC otherwise. Never a floating time. */
static icalproperty *
timed_property (icalproperty *(*ctor) (struct icaltimetype),
                GDateTime     *dt,
                const char    *tzid,
                GTimeZone     *tz,
                ExportState   *state)
{
  icalproperty *prop;

  if (!tzid_has_vtimezone (tzid))
    return ctor (ical_utc (dt));

  prop = ctor (ical_local (dt, tz));
  icalproperty_add_parameter (prop, icalparameter_new_tzid (tzid));
  note_zone (state, tzid, g_date_time_get_year (dt) - 1);

  return prop;
}

static icalproperty *
recurrence_id_property (EvtEvent    *event,
                        const char  *tzid,
                        GTimeZone   *tz,
                        ExportState *state)
{
  const char *text = evt_event_get_recurrence_id (event);
  g_autoptr(GDateTime) dt = NULL;
  struct icaltimetype t;

  if (text == NULL || *text == '\0')
    return NULL;

  /* A date: 2021-03-16 or 20210316. */
  if ((strlen (text) == 10 && text[4] == '-' && text[7] == '-') ||
      (strlen (text) == 8 && strspn (text, "0123456789") == 8))
    {
      int y, m, d;

      if (strlen (text) == 10)
        {
          if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3)
            return NULL;
        }
      else if (sscanf (text, "%4d%2d%2d", &y, &m, &d) != 3)
        return NULL;

      if (!g_date_valid_dmy (d, m, y))
        return NULL;

      t = icaltime_null_date ();
      t.year = y;
      t.month = m;
      t.day = d;
      t.is_date = 1;
      return icalproperty_new_recurrenceid (t);
    }

  dt = g_date_time_new_from_iso8601 (text, tz);

  if (dt == NULL)
    {
      /* iCalendar's basic form: 20210316T090000 or 20210316T080000Z. */
      t = icaltime_from_string (text);
      if (icaltime_is_null_time (t) || !icaltime_is_valid_time (t))
        return NULL;

      if (icaltime_is_utc (t))
        dt = g_date_time_new_utc (t.year, t.month, t.day, t.hour, t.minute, t.second);
      else
        dt = g_date_time_new (tz, t.year, t.month, t.day, t.hour, t.minute, t.second);

      if (dt == NULL)
        return NULL;
    }

  return timed_property (icalproperty_new_recurrenceid, dt, tzid, tz, state);
}

/* "2021-03-16 – 2021-03-19", "2021-03-16 09:00 – 12:30": how the description
 * shows a range to people; the ISO forms are kept in X- properties. */
static char *
format_range_for_people (GDateTime *start,
                         GDateTime *end,
                         gboolean   all_day,
                         GTimeZone *tz)
{
  g_autoptr(GDateTime) lstart = NULL;
  g_autoptr(GDateTime) lend = NULL;
  g_autofree char *s = NULL;
  g_autofree char *e = NULL;

  if (start == NULL)
    return g_strdup (_("dates to be announced"));

  lstart = g_date_time_to_timezone (start, tz);
  lend = end ? g_date_time_to_timezone (end, tz) : g_date_time_ref (lstart);

  if (all_day)
    {
      s = g_date_time_format (lstart, "%Y-%m-%d");
      e = g_date_time_format (lend, "%Y-%m-%d");
      if (g_strcmp0 (s, e) == 0)
        return g_steal_pointer (&s);
      return g_strdup_printf ("%s – %s", s, e);
    }

  s = g_date_time_format (lstart, "%Y-%m-%d %H:%M");
  if (g_date_time_get_year (lstart) == g_date_time_get_year (lend) &&
      g_date_time_get_day_of_year (lstart) == g_date_time_get_day_of_year (lend))
    e = g_date_time_format (lend, "%H:%M");
  else
    e = g_date_time_format (lend, "%Y-%m-%d %H:%M");

  return g_strdup_printf ("%s – %s", s, e);
}

/* ------------------------------------------------------------------------ */
/* Events                                                                    */

static icalproperty *
x_property (const char *name,
            const char *value)
{
  icalproperty *prop = icalproperty_new_x (value);

  icalproperty_set_x_name (prop, name);

  return prop;
}

static void
add_x (icalcomponent *comp,
       const char    *name,
       const char    *value)
{
  if (value != NULL && *value != '\0')
    icalcomponent_add_property (comp, x_property (name, value));
}

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;

  for (; *s != '\0'; s++)
    {
      if (!g_ascii_isspace (*s))
        return FALSE;
    }

  return TRUE;
}

static const char *
sector_name (GPtrArray  *sectors,
             const char *slug)
{
  if (sectors == NULL)
    return slug;

  for (guint i = 0; i < sectors->len; i++)
    {
      EvtSector *sector = g_ptr_array_index (sectors, i);

      if (g_strcmp0 (sector->slug, slug) == 0)
        return (sector->name && *sector->name) ? sector->name : slug;
    }

  return slug;
}

static char *
format_location (EvtEvent *event)
{
  const char *parts[] = {
    evt_event_get_venue (event),
    evt_event_get_city (event),
    evt_event_get_country (event),
  };
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (is_blank (parts[i]))
        continue;
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, parts[i]);
    }

  return g_string_free (s, FALSE);
}

static char *
compose_description (EvtEvent               *event,
                     const EvtExportOptions *options,
                     GTimeZone              *tz)
{
  EvtStatus status = evt_event_get_status (event);
  const char *reason = evt_event_get_status_reason (event);
  const char *description = evt_event_get_description (event);
  GString *s = g_string_new (NULL);

  if (status == EVT_STATUS_CANCELLED)
    {
      if (!is_blank (reason))
        /* Translators: first line of a cancelled event's description; %s is the reason */
        g_string_append_printf (s, _("Cancelled: %s"), reason);
      else
        g_string_append (s, _("Cancelled."));
      g_string_append_c (s, '\n');
    }
  else if (status == EVT_STATUS_POSTPONED)
    {
      GDateTime *ostart = evt_event_get_original_start (event);

      if (!is_blank (reason))
        /* Translators: first line of a postponed event's description; %s is the reason */
        g_string_append_printf (s, _("Postponed: %s"), reason);
      else
        g_string_append (s, _("Postponed."));
      g_string_append_c (s, '\n');

      if (ostart != NULL)
        {
          g_autofree char *range =
            format_range_for_people (ostart, evt_event_get_original_end (event),
                                     evt_event_get_all_day (event), tz);

          /* Translators: %s is a date range such as "2021-03-16 – 2021-03-19" */
          g_string_append_printf (s, _("Originally planned: %s"), range);
          g_string_append_c (s, '\n');
        }

      if (evt_event_is_date_tba (event))
        {
          g_string_append (s, _("New dates: to be announced"));
          g_string_append_c (s, '\n');
        }
      else if (evt_event_get_start (event) != NULL)
        {
          g_autofree char *range =
            format_range_for_people (evt_event_get_start (event), evt_event_get_end (event),
                                     evt_event_get_all_day (event), tz);

          /* Translators: %s is a date range such as "2021-09-14 – 2021-09-17" */
          g_string_append_printf (s, _("New dates: %s"), range);
          g_string_append_c (s, '\n');
        }
    }

  if (!is_blank (description))
    {
      if (s->len > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, description);
    }

  if (options->privacy == EVT_ICAL_PRIVACY_INTERNAL)
    {
      const char *notes = evt_event_get_notes (event);
      gint64 budget = evt_event_get_budget_cents (event);

      if (!is_blank (notes) || budget >= 0)
        {
          while (s->len > 0 && s->str[s->len - 1] == '\n')
            g_string_truncate (s, s->len - 1);
          if (s->len > 0)
            g_string_append (s, "\n\n");
          /* Translators: heading of the internal part of a description */
          g_string_append (s, _("— Internal —"));
          g_string_append_c (s, '\n');
        }

      if (!is_blank (notes))
        {
          g_string_append (s, notes);
          g_string_append_c (s, '\n');
        }

      if (budget >= 0)
        {
          g_autofree char *amount = evt_money_format_plain (budget);

          /* Translators: %s is an amount such as "1500.00" */
          g_string_append_printf (s, _("Planned budget: %s EUR"), amount);
          g_string_append_c (s, '\n');
        }
    }

  while (s->len > 0 && s->str[s->len - 1] == '\n')
    g_string_truncate (s, s->len - 1);

  return g_string_free (s, FALSE);
}

static EvtIcalStatusPolicy
policy_for (EvtEvent               *event,
            const EvtExportOptions *options)
{
  switch (evt_event_get_status (event))
    {
    case EVT_STATUS_CANCELLED:
      return options->cancelled;
    case EVT_STATUS_POSTPONED:
      return options->postponed;
    case EVT_STATUS_TENTATIVE:
    case EVT_STATUS_CONFIRMED:
    case EVT_STATUS_HELD:
    default:
      return EVT_ICAL_STATUS_INCLUDE;
    }
}

static icalproperty_status
ical_status (EvtStatus status)
{
  switch (status)
    {
    case EVT_STATUS_TENTATIVE:
    case EVT_STATUS_POSTPONED:
      return ICAL_STATUS_TENTATIVE;
    case EVT_STATUS_CANCELLED:
      return ICAL_STATUS_CANCELLED;
    case EVT_STATUS_CONFIRMED:
    case EVT_STATUS_HELD:
    default:
      return ICAL_STATUS_CONFIRMED;
    }
}

static char *
event_uid (EvtEvent *event)
{
  const char *uid = evt_event_get_uid (event);

  if (!is_blank (uid))
    return g_strdup (uid);

  return g_strdup_printf ("eventail-%" G_GINT64_FORMAT, evt_event_get_id (event));
}

/* Whether @event goes into a file with @options. */
static gboolean
event_is_exported (EvtEvent               *event,
                   const EvtExportOptions *options)
{
  if (options->privacy == EVT_ICAL_PRIVACY_PUBLIC &&
      evt_event_get_visibility (event) != EVT_VISIBILITY_PUBLIC)
    return FALSE;

  /* VEVENT needs a DTSTART: an event without dates cannot be placed. */
  if (evt_event_get_start (event) == NULL)
    return FALSE;

  return policy_for (event, options) != EVT_ICAL_STATUS_EXCLUDE;
}

static icalcomponent *
vevent_new (EvtEvent               *event,
            GPtrArray              *sectors,
            const EvtExportOptions *options,
            struct icaltimetype     dtstamp,
            ExportState            *state)
{
  g_autoptr(GTimeZone) tz = event_timezone (event);
  const char *tzid = event_tzid (event);
  EvtStatus status = evt_event_get_status (event);
  EvtIcalStatusPolicy policy = policy_for (event, options);
  gboolean all_day = evt_event_get_all_day (event);
  GDateTime *start = evt_event_get_start (event);
  GDateTime *end = evt_event_get_end (event);
  const char *title = evt_event_get_title (event);
  const char * const *slugs = evt_event_get_sectors (event);
  g_autofree char *uid = event_uid (event);
  g_autofree char *summary = NULL;
  g_autofree char *location = format_location (event);
  g_autofree char *description = compose_description (event, options, tz);
  icalcomponent *ev = icalcomponent_new_vevent ();
  icalproperty *rid;

  if (end == NULL)
    end = start;

  icalcomponent_add_property (ev, icalproperty_new_uid (uid));
  icalcomponent_add_property (ev, icalproperty_new_dtstamp (dtstamp));

  rid = recurrence_id_property (event, tzid, tz, state);
  if (rid != NULL)
    icalcomponent_add_property (ev, rid);

  if (evt_event_get_created (event) != NULL)
    icalcomponent_add_property (ev, icalproperty_new_created (
                                      ical_utc (evt_event_get_created (event))));
  if (evt_event_get_modified (event) != NULL)
    icalcomponent_add_property (ev, icalproperty_new_lastmodified (
                                      ical_utc (evt_event_get_modified (event))));
  icalcomponent_add_property (ev,
                              icalproperty_new_sequence (MAX (0, evt_event_get_sequence (event))));

  if (all_day)
    {
      /* DTEND of an all-day event is the day AFTER the last one (RFC 5545
       * 3.6.1): a show from the 16th to the 19th ends on the 20th. */
      icalcomponent_add_property (ev, icalproperty_new_dtstart (ical_date (start, tz, 0)));
      icalcomponent_add_property (ev, icalproperty_new_dtend (ical_date (end, tz, 1)));
    }
  else
    {
      icalcomponent_add_property (ev, timed_property (icalproperty_new_dtstart,
                                                      start, tzid, tz, state));
      icalcomponent_add_property (ev, timed_property (icalproperty_new_dtend,
                                                      end, tzid, tz, state));
    }

  if (policy == EVT_ICAL_STATUS_PREFIX)
    {
      /* Translators: put before the title of a cancelled event in calendar feeds */
      const char *prefix = status == EVT_STATUS_CANCELLED ? _("[CANCELLED] ")
      /* Translators: put before the title of a postponed event in calendar feeds */
                                                          : _("[POSTPONED] ");

      summary = g_strconcat (prefix, title ? title : "", NULL);
      icalcomponent_add_property (ev, icalproperty_new_status (ICAL_STATUS_TENTATIVE));
      if (status == EVT_STATUS_CANCELLED)
        icalcomponent_add_property (ev, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
    }
  else
    {
      summary = g_strdup (title ? title : "");
      icalcomponent_add_property (ev, icalproperty_new_status (ical_status (status)));
    }

  icalcomponent_add_property (ev, icalproperty_new_summary (summary));

  if (*location != '\0')
    icalcomponent_add_property (ev, icalproperty_new_location (location));

  icalcomponent_add_property (ev, icalproperty_new_categories (
                                    evt_kind_get_label (evt_event_get_kind (event))));
  for (guint i = 0; slugs != NULL && slugs[i] != NULL; i++)
    icalcomponent_add_property (ev, icalproperty_new_categories (sector_name (sectors, slugs[i])));

  if (!is_blank (evt_event_get_url (event)))
    {
      /* A URI is not escaped: keep it on one line whatever was typed. */
      g_autofree char *url = g_strstrip (g_strdup (evt_event_get_url (event)));

      g_strdelimit (url, "\r\n\t", ' ');
      icalcomponent_add_property (ev, icalproperty_new_url (url));
    }

  if (*description != '\0')
    {
      icalproperty *prop = icalproperty_new_description (description);

      /* Says that DESCRIPTION is not the description as typed but has status
       * lines or the internal part: the typed one is X-EVENTAIL-DESCRIPTION,
       * or none when that is absent (libical drops empty X- properties). */
      if (g_strcmp0 (description, evt_event_get_description (event)) != 0)
        {
          icalparameter *param = icalparameter_new_x ("TRUE");

          icalparameter_set_xname (param, "X-EVENTAIL-COMPOSED");
          icalproperty_add_parameter (prop, param);
        }
      icalcomponent_add_property (ev, prop);
    }

  icalcomponent_add_property (ev,
                              icalproperty_new_class (evt_event_get_visibility (event) ==
                                                      EVT_VISIBILITY_PUBLIC
                                                      ? ICAL_CLASS_PUBLIC : ICAL_CLASS_PRIVATE));

  /* Eventail's own fields, for a lossless round trip. All public-safe. */
  add_x (ev, "X-EVENTAIL-STATUS", evt_status_to_string (status));
  add_x (ev, "X-EVENTAIL-STATUS-REASON", evt_event_get_status_reason (event));
  add_x (ev, "X-EVENTAIL-KIND", evt_kind_to_string (evt_event_get_kind (event)));
  if (slugs != NULL && slugs[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (",", (char **) slugs);
      add_x (ev, "X-EVENTAIL-SECTORS", joined);
    }
  add_x (ev, "X-EVENTAIL-TIMEZONE", tzid);
  add_x (ev, "X-EVENTAIL-VENUE", evt_event_get_venue (event));
  add_x (ev, "X-EVENTAIL-CITY", evt_event_get_city (event));
  add_x (ev, "X-EVENTAIL-COUNTRY", evt_event_get_country (event));
  add_x (ev, "X-EVENTAIL-ORGANISER", evt_event_get_organiser (event));
  add_x (ev, "X-EVENTAIL-PARTNERS", evt_event_get_partners (event));
  add_x (ev, "X-EVENTAIL-SERIES", evt_event_get_series (event));
  if (evt_event_get_original_start (event) != NULL)
    {
      g_autofree char *range = evt_event_format_original_range_iso (event);
      add_x (ev, "X-EVENTAIL-ORIGINAL-DATES", range);
    }
  if (evt_event_is_date_tba (event))
    add_x (ev, "X-EVENTAIL-DATE-TBA", "TRUE");
  if (g_strcmp0 (summary, title ? title : "") != 0)
    add_x (ev, "X-EVENTAIL-TITLE", title);
  /* The description as typed, when DESCRIPTION says more (see above). */
  if (g_strcmp0 (description, evt_event_get_description (event)
                              ? evt_event_get_description (event) : "") != 0)
    add_x (ev, "X-EVENTAIL-DESCRIPTION", evt_event_get_description (event));

  if (options->privacy == EVT_ICAL_PRIVACY_INTERNAL)
    {
      gint64 budget = evt_event_get_budget_cents (event);

      add_x (ev, "X-EVENTAIL-NOTES", evt_event_get_notes (event));
      if (budget >= 0)
        {
          g_autofree char *amount = evt_money_format_plain (budget);
          add_x (ev, "X-EVENTAIL-BUDGET", amount);
        }
      add_attendees (ev, event, state);
    }

  return ev;
}

static icalcomponent *
vcalendar_new (const EvtExportOptions *options)
{
  icalcomponent *cal = icalcomponent_new_vcalendar ();
  const char *tzid = options->timezone ? options->timezone : EVT_DEFAULT_TIMEZONE;

  icalcomponent_add_property (cal, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (cal, icalproperty_new_prodid ("-//Eventail//Eventail "
                                                            PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (cal, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (cal, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  if (!is_blank (options->name))
    {
      icalcomponent_add_property (cal, icalproperty_new_name (options->name));
      add_x (cal, "X-WR-CALNAME", options->name);
    }
  /* Subscribers see this under the calendar's name: never leave it empty. */
  add_x (cal, "X-WR-CALDESC", !is_blank (options->description)
                              ? options->description
                              : _("Events planned with Eventail"));
  add_x (cal, "X-WR-TIMEZONE", tzid);

  if (options->refresh_minutes > 0)
    {
      icalproperty *refresh;
      struct icaldurationtype duration =
        icaldurationtype_from_int ((int) MIN (options->refresh_minutes, 525600u) * 60);

      refresh = icalproperty_new_refreshinterval (duration);
      /* RFC 7986 wants the VALUE parameter written out. */
      icalproperty_add_parameter (refresh, icalparameter_new_value (ICAL_VALUE_DURATION));
      icalcomponent_add_property (cal, refresh);
      add_x (cal, "X-PUBLISHED-TTL", icaldurationtype_as_ical_string (duration));
    }

  add_x (cal, "X-APPLE-CALENDAR-COLOR", options->colour);

  return cal;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * evt_ical_export_events:
 * @events: (element-type EvtEvent): the events, in the order to write them
 * @sectors: (element-type EvtSector) (nullable): sectors, for their names in
 *   CATEGORIES (slugs are written when NULL)
 * @options: how to write
 * @n_written: (out) (optional): how many events were written
 * @error: return location for a #GError
 *
 * Builds an iCalendar file of @events: the events that @options leave out
 * (internal ones in a public file, cancelled or postponed ones excluded,
 * events without dates) are skipped. The result has CRLF line ends and lines
 * folded at 75 octets.
 *
 * Returns: (transfer full): the file's contents, or %NULL on error
 */
char *
evt_ical_export_events (GPtrArray               *events,
                        GPtrArray               *sectors,
                        const EvtExportOptions  *options,
                        guint                   *n_written,
                        GError                 **error)
{
  return evt_ical_export_events_full (events, sectors, NULL, options, n_written, error);
}

/**
 * evt_ical_export_events_full:
 * @events: (element-type EvtEvent): the events
 * @sectors: (element-type EvtSector) (nullable): the sectors, for CATEGORIES
 * @staff: (nullable) (element-type gint64 GPtrArray): the staff of each event, by
 *   event id (evt_people_list_staff()), written as ATTENDEE in internal files only
 * @options: (nullable): how to write; %NULL for a public export
 * @n_written: (out) (optional): how many events were written
 * @error: return location for a #GError
 *
 * Like evt_ical_export_events(), with the staff taking part.
 *
 * Returns: (transfer full): the file's contents, or %NULL on error
 */
char *
evt_ical_export_events_full (GPtrArray               *events,
                             GPtrArray               *sectors,
                             GHashTable              *staff,
                             const EvtExportOptions  *options,
                             guint                   *n_written,
                             GError                 **error)
{
  g_autoptr(EvtExportOptions) defaults = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) vevents = g_ptr_array_new ();
  g_autoptr(GString) out = NULL;
  g_autofree const char **zone_names = NULL;
  ExportState state;
  struct icaltimetype dtstamp;
  icalcomponent *cal;
  guint n_zones = 0;

  g_return_val_if_fail (events != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = defaults = evt_export_options_new ();

  now = options->now ? g_date_time_ref (options->now) : g_date_time_new_now_utc ();
  dtstamp = ical_utc (now);

  state.zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state.staff = staff;

  for (guint i = 0; i < events->len; i++)
    {
      EvtEvent *event = g_ptr_array_index (events, i);

      if (!event_is_exported (event, options))
        continue;

      g_ptr_array_add (vevents, vevent_new (event, sectors, options, dtstamp, &state));
    }

  cal = vcalendar_new (options);

  /* VTIMEZONEs first, sorted, so that the same events give the same bytes. */
  zone_names = (const char **) g_hash_table_get_keys_as_array (state.zones, &n_zones);
  qsort (zone_names, n_zones, sizeof (char *), compare_strings);

  for (guint i = 0; i < n_zones; i++)
    {
      int year = GPOINTER_TO_INT (g_hash_table_lookup (state.zones, zone_names[i]));
      icalcomponent *vtz = vtimezone_new (zone_names[i], year);

      if (vtz == NULL)
        {
          g_set_error (error, EVT_ICAL_ERROR, EVT_ICAL_ERROR_FAILED,
                       _("No time zone definition for “%s”"), zone_names[i]);
          for (guint j = 0; j < vevents->len; j++)
            icalcomponent_free (g_ptr_array_index (vevents, j));
          icalcomponent_free (cal);
          g_hash_table_unref (state.zones);
          return NULL;
        }

      icalcomponent_add_component (cal, vtz);
    }

  for (guint i = 0; i < vevents->len; i++)
    icalcomponent_add_component (cal, g_ptr_array_index (vevents, i));

  out = g_string_sized_new (4096 + vevents->len * 1024);
  append_component (out, cal);

  if (n_written != NULL)
    *n_written = vevents->len;

  icalcomponent_free (cal);
  g_hash_table_unref (state.zones);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * evt_ical_export_store:
 * @store: an open #EvtStore
 * @query: (nullable): which events; %NULL for all of them
 * @options: (nullable): how to write; %NULL for a public export
 * @n_written: (out) (optional): how many events were written
 * @error: return location for a #GError
 *
 * Reads the events matching @query (only public ones for a public export)
 * and builds an iCalendar file of them. May be called from a worker thread.
 *
 * Returns: (transfer full): the file's contents, or %NULL on error
 */
char *
evt_ical_export_store (EvtStore                *store,
                       const EvtQuery          *query,
                       const EvtExportOptions  *options,
                       guint                   *n_written,
                       GError                 **error)
{
  g_autoptr(EvtQuery) q = query ? evt_query_copy (query) : evt_query_new ();
  g_autoptr(EvtExportOptions) defaults = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) sectors = NULL;
  g_autoptr(GHashTable) staff = NULL;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (options == NULL)
    options = defaults = evt_export_options_new ();

  if (options->privacy == EVT_ICAL_PRIVACY_PUBLIC)
    {
      if (q->visibility != -1 && q->visibility != EVT_VISIBILITY_PUBLIC)
        {
          /* Internal events only, in a public file: none. */
          events = g_ptr_array_new_with_free_func (g_object_unref);
        }
      q->visibility = EVT_VISIBILITY_PUBLIC;
    }

  if (events == NULL)
    events = evt_store_query (store, q, error);
  if (events == NULL)
    return NULL;

  sectors = evt_store_list_sectors (store, error);
  if (sectors == NULL)
    return NULL;

  if (options->privacy == EVT_ICAL_PRIVACY_INTERNAL)
    {
      staff = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                     (GDestroyNotify) g_ptr_array_unref);
      for (guint i = 0; i < events->len; i++)
        {
          gint64 id = evt_event_get_id (g_ptr_array_index (events, i));
          GPtrArray *list = evt_people_list_staff (store, id, error);

          if (list == NULL)
            return NULL;
          if (list->len > 0)
            g_hash_table_insert (staff, g_memdup2 (&id, sizeof id), list);
          else
            g_ptr_array_unref (list);
        }
    }

  return evt_ical_export_events_full (events, sectors, staff, options, n_written, error);
}

/**
 * evt_ical_write_file:
 * @path: where to write
 * @contents: the text to write
 * @error: return location for a #GError
 *
 * Writes @contents to @path atomically: into a temporary file in the same
 * folder, synced, then renamed over @path, with mode 0644. A reader sees the
 * old file or the new one, never half of one.
 *
 * Returns: %TRUE on success
 */
gboolean
evt_ical_write_file (const char  *path,
                     const char  *contents,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  if (!g_file_set_contents_full (path, contents, strlen (contents),
                                 G_FILE_SET_CONTENTS_CONSISTENT |
                                 G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_set_error (error, EVT_ICAL_ERROR, EVT_ICAL_ERROR_WRITE,
                   /* Translators: %s is a GLib error message */
                   _("Cannot write the calendar: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Asynchronous export                                                       */

typedef struct
{
  EvtQuery         *query;
  EvtExportOptions *options;
  char             *path;
  guint             n_written;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->query, evt_query_free);
  g_clear_pointer (&data->options, evt_export_options_free);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  contents = evt_ical_export_store (source_object, data->query, data->options,
                                    &data->n_written, &error);

  if (contents == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!evt_ical_write_file (data->path, contents, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * evt_ical_export_async:
 * @store: an open #EvtStore
 * @query: (nullable): which events
 * @options: (nullable): how to write
 * @path: the file to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Exports in a worker thread and writes @path atomically.
 */
void
evt_ical_export_async (EvtStore                *store,
                       const EvtQuery          *query,
                       const EvtExportOptions  *options,
                       const char              *path,
                       GCancellable            *cancellable,
                       GAsyncReadyCallback      callback,
                       gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (EVT_IS_STORE (store));
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportData, 1);
  data->query = query ? evt_query_copy (query) : NULL;
  data->options = options ? evt_export_options_copy (options) : evt_export_options_new ();
  data->path = g_strdup (path);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, evt_ical_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * evt_ical_export_finish:
 * @store: the #EvtStore
 * @result: the result given to the callback
 * @n_written: (out) (optional): how many events were written
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file was written
 */
gboolean
evt_ical_export_finish (EvtStore      *store,
                        GAsyncResult  *result,
                        guint         *n_written,
                        GError       **error)
{
  ExportData *data;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == evt_ical_export_async, FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (n_written != NULL)
    *n_written = data->n_written;

  return g_task_propagate_boolean (G_TASK (result), error);
}
