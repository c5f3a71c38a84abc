/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-money.c: amounts in euros, as people read and type them in French or English. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "evt-money.h"

/**
 * evt_money_format_number:
 * @cents: an amount in euro cents, >= 0
 *
 * Returns: (transfer full): the amount as people type it in their language, without
 *   the currency: "3 500", "420,50" (what evt_money_parse() reads back)
 */
char *
evt_money_format_number (gint64 cents)
{
  const char *point = localeconv ()->decimal_point;

  g_return_val_if_fail (cents >= 0, NULL);

  /* Integers, not a double: exact for every amount. */
  if (cents % 100 == 0)
    return g_strdup_printf ("%'" G_GINT64_FORMAT, cents / 100);
  return g_strdup_printf ("%'" G_GINT64_FORMAT "%s%02d", cents / 100,
                          point != NULL && *point != '\0' ? point : ".", (int) (cents % 100));
}

/**
 * evt_money_format:
 * @cents: an amount in euro cents, >= 0
 *
 * Returns: (transfer full): the amount as people read it in their language,
 *   "3 500 €", "420,50 €"
 */
char *
evt_money_format (gint64 cents)
{
  g_autofree char *number = evt_money_format_number (cents);

  /* Translators: an amount of money; %s is the number ("3 500", "420,50") */
  return g_strdup_printf (_("%s €"), number);
}

/**
 * evt_money_format_plain:
 * @cents: an amount in euro cents
 *
 * Returns: (transfer full): the amount for files and other programs, in any
 *   language: "1500.50", "-20.05"
 */
char *
evt_money_format_plain (gint64 cents)
{
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", cents < 0 ? "-" : "",
                          ABS (cents) / 100, (int) (ABS (cents) % 100));
}

/**
 * evt_money_parse:
 * @text: what someone typed: "3500", "3 500,50", "3,500.50 €", or nothing
 * @cents: (out): the amount in euro cents, -1 for nothing
 *
 * Reads an amount typed in French or English: spaces (also non-breaking ones) and
 * a euro sign are skipped, a comma or a point is the decimal separator, and when
 * both are there the last one is; "EUR" may end it. A single comma or point followed by three digits,
 * "1,500", could be read both ways and is refused.
 *
 * Returns: %TRUE if @text is an amount or blank
 */
gboolean
evt_money_parse (const char *text,
                 gint64     *cents)
{
  g_autofree char *copy = NULL;
  const char *last_separator = NULL;
  guint n_separators = 0;
  gint64 euros = 0;
  gint64 fraction = 0;
  guint n_fraction = 0;
  gboolean in_fraction = FALSE;
  gboolean any_digit = FALSE;

  *cents = -1;
  if (text == NULL)
    return TRUE;

  /* "1500 EUR" as well as "1500 €". */
  copy = g_strstrip (g_strdup (text));
  if (g_str_has_suffix (copy, "EUR") || g_str_has_suffix (copy, "eur"))
    copy[strlen (copy) - 3] = '\0';
  text = copy;

  /* The decimal separator is the last comma or point, if two digits at most follow. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (*p == ',' || *p == '.')
      {
        last_separator = p;
        n_separators++;
      }
  if (last_separator != NULL)
    {
      guint n_after = 0;

      for (const char *p = last_separator + 1; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          n_after++;
      /* "3,500" is 3500 in English and 3.5 in French: refused rather than misread.
       * "3,500,000" or "3,500.50" can only be thousands. */
      if (n_after == 3 && n_separators == 1)
        return FALSE;
      if (n_after > 2)
        last_separator = NULL;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x20AC /* € */)
        continue;
      if (p == last_separator)
        {
          in_fraction = TRUE;
          continue;
        }
      if (c == ',' || c == '.' || c == '\'' || c == 0x2019 /* ’, as the Swiss write */)
        {
          const char *next = g_utf8_next_char (p);

          /* A thousands separator: three digits follow, then no digit. */
          if (in_fraction || !any_digit || !g_ascii_isdigit (next[0]) ||
              !g_ascii_isdigit (next[1]) || !g_ascii_isdigit (next[2]) ||
              g_ascii_isdigit (next[3]))
            return FALSE;
          continue;
        }
      if (c < '0' || c > '9')
        return FALSE;

      any_digit = TRUE;
      if (in_fraction)
        {
          fraction = fraction * 10 + (c - '0');
          n_fraction++;
        }
      else
        {
          if (euros > G_MAXINT64 / 1000)
            return FALSE;
          euros = euros * 10 + (c - '0');
        }
    }

  if (!any_digit)
    return last_separator == NULL;  /* blank, or only spaces and a euro sign */
  if (n_fraction == 1)
    fraction *= 10;

  *cents = euros * 100 + fraction;
  return TRUE;
}
