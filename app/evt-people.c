/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-people.c: organisations, people and participations kept in the store. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "evt-people-private.h"

/*
 * The tables (migration 4 of evt-store.c) reference events without ON DELETE
 * CASCADE on purpose: an event with participants or outcomes cannot be deleted by
 * accident, even by code that does not know about them; evt_people_delete_event()
 * is the way to delete one.
 */

/* A refused field is named in the message for people and in the error's private
 * data for widgets, which show the message on that field (as EVT_STORE_ERROR does). */
typedef struct
{
  char *field;
} EvtPeopleErrorPrivate;

static void
evt_people_error_private_init (EvtPeopleErrorPrivate *priv)
{
}

static void
evt_people_error_private_copy (const EvtPeopleErrorPrivate *src,
                               EvtPeopleErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
evt_people_error_private_clear (EvtPeopleErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (EvtPeopleError, evt_people_error)

/**
 * evt_people_error_get_field:
 * @error: an error
 *
 * Returns: (nullable): for %EVT_PEOPLE_ERROR_INVALID or %EVT_PEOPLE_ERROR_EXISTS
 *   from a save of an organisation or a person, the property name of the refused
 *   field ("name", "email", "sector", "organisation-id"), else %NULL
 */
const char *
evt_people_error_get_field (const GError *error)
{
  EvtPeopleErrorPrivate *priv;

  if (error == NULL || error->domain != EVT_PEOPLE_ERROR)
    return NULL;
  priv = evt_people_error_get_private (error);
  return priv != NULL ? priv->field : NULL;
}

/* Names the field that @error (just set, or NULL) refused. */
static void
set_error_field (GError     **error,
                 const char  *field)
{
  if (error != NULL && *error != NULL && (*error)->domain == EVT_PEOPLE_ERROR)
    {
      EvtPeopleErrorPrivate *priv = evt_people_error_get_private (*error);

      g_free (priv->field);
      priv->field = g_strdup (field);
    }
}

/* --- Shared helpers ----------------------------------------------------------- */

gboolean
evt_people_set_string (GObject     *object,
                       char       **field,
                       const char  *value,
                       GParamSpec  *pspec)
{
  g_autofree char *stripped = NULL;

  if (value != NULL)
    {
      stripped = g_strstrip (g_strdup (value));
      if (stripped[0] == '\0')
        g_clear_pointer (&stripped, g_free);
    }

  if (g_strcmp0 (*field, stripped) == 0)
    return FALSE;

  g_free (*field);
  *field = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

sqlite3_stmt *
evt_people_prepare (EvtStore    *store,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (evt_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      evt_store_set_sqlite_error (store, _("cannot prepare a statement"), error);
      return NULL;
    }
  return stmt;
}

gboolean
evt_people_step_done (EvtStore      *store,
                      sqlite3_stmt  *stmt,
                      const char    *what,
                      GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, what, error);
      return FALSE;
    }
  return TRUE;
}

void
evt_people_bind_text (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Binds @id, or NULL for 0 (no organisation, no person). */
void
evt_people_bind_id (sqlite3_stmt *stmt,
                    int           index,
                    gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

const char *
evt_people_column_text (sqlite3_stmt *stmt,
                        int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

char *
evt_people_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Ends the transaction of a write: commits it if @ok, else rolls it back. */
gboolean
evt_people_finish_write (EvtStore  *store,
                         gboolean   ok,
                         GError   **error)
{
  if (!ok)
    {
      evt_store_rollback (store);
      return FALSE;
    }
  evt_store_mark_changed (store);
  return evt_store_commit (store, error);
}

/* Ends the transaction of a read. */
static gboolean
finish_read (EvtStore  *store,
             gboolean   ok,
             GError   **error)
{
  if (!ok)
    {
      evt_store_rollback (store);
      return FALSE;
    }
  return evt_store_commit (store, error);
}

static gboolean
row_exists (EvtStore    *store,
            const char  *sql,
            gint64       id,
            gboolean    *exists,
            GError     **error)
{
  g_autoptr(EvtPeopleStmt) stmt = evt_people_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot read"), error);
      return FALSE;
    }
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
evt_people_check_event (EvtStore  *store,
                        gint64     event_id,
                        GError   **error)
{
  gboolean exists = FALSE;

  if (!row_exists (store, "SELECT 1 FROM events WHERE id = ?", event_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                   _("No event with id %lld"), (long long) event_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_organisation (EvtStore  *store,
                    gint64     id,
                    GError   **error)
{
  gboolean exists = FALSE;

  if (!row_exists (store, "SELECT 1 FROM organisations WHERE id = ?", id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                   _("No organisation with id %lld"), (long long) id);
      return FALSE;
    }
  return TRUE;
}

/* Reads "YYYY-MM-DD", and only that. */
gboolean
evt_people_parse_iso_day (const char *text,
                          GDate      *date)
{
  guint y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  y = g_ascii_strtoull (text, NULL, 10);
  m = g_ascii_strtoull (text + 5, NULL, 10);
  d = g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* An e-mail address as far as a typo goes: something@domain.tld, no spaces. */
static gboolean
email_is_plausible (const char *email)
{
  const char *at = strchr (email, '@');

  return at != NULL && at != email && strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL && at[1] != '.' &&
         email[strlen (email) - 1] != '.' && strpbrk (email, " \t\n,;<>") == NULL;
}

static gboolean
is_all_digits (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static int
compare_utf8 (const char *a,
              const char *b)
{
  return g_utf8_collate (a != NULL ? a : "", b != NULL ? b : "");
}

/* --- Organisations ----------------------------------------------------------- */

#define ORGANISATION_COLUMNS \
  "o.id, o.name, o.kind, o.member, s.slug, o.city, o.email, o.phone, o.notes," \
  " (SELECT count (DISTINCT pa.event_id) FROM participations pa" \
  "  WHERE pa.organisation_id = o.id AND pa.state != 'cancelled')"
#define ORGANISATION_FROM \
  " FROM organisations o LEFT JOIN sectors s ON s.id = o.sector_id"

static EvtOrganisation *
organisation_from_row (sqlite3_stmt *stmt)
{
  EvtOrganisation *org = evt_organisation_new (evt_people_column_text (stmt, 1));
  EvtOrganisationKind kind = EVT_ORGANISATION_KIND_COMPANY;

  evt_organisation_set_id (org, sqlite3_column_int64 (stmt, 0));
  evt_organisation_kind_from_string (evt_people_column_text (stmt, 2), &kind);
  evt_organisation_set_kind (org, kind);
  evt_organisation_set_member (org, sqlite3_column_int (stmt, 3));
  evt_organisation_set_sector (org, evt_people_column_text (stmt, 4));
  evt_organisation_set_city (org, evt_people_column_text (stmt, 5));
  evt_organisation_set_email (org, evt_people_column_text (stmt, 6));
  evt_organisation_set_phone (org, evt_people_column_text (stmt, 7));
  evt_organisation_set_notes (org, evt_people_column_text (stmt, 8));
  evt_organisation_set_n_events (org, sqlite3_column_int (stmt, 9));
  return org;
}

static GPtrArray *
read_organisations (EvtStore      *store,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  g_autoptr(GPtrArray) orgs = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (orgs, organisation_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot read organisations"), error);
      return NULL;
    }
  return g_steal_pointer (&orgs);
}

static EvtOrganisation *
get_organisation_locked (EvtStore    *store,
                         const char  *where,
                         gint64       id,
                         const char  *text,
                         GError     **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " ORGANISATION_COLUMNS ORGANISATION_FROM
                                      " WHERE ", where, NULL);
  g_autoptr(EvtPeopleStmt) stmt = evt_people_prepare (store, sql, error);
  g_autoptr(GPtrArray) orgs = NULL;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    evt_people_bind_text (stmt, 1, text);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  orgs = read_organisations (store, stmt, error);
  if (orgs == NULL)
    return NULL;
  if (orgs->len == 0)
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                   _("No organisation with id %lld"), (long long) id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (orgs, 0));
}

static gboolean
validate_email (const char  *field,
                const char  *email,
                GError     **error)
{
  if (email == NULL || email_is_plausible (email))
    return TRUE;

  /* TRANSLATORS: the first %s is the field name ("Email") */
  g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
               _("%s: “%s” is not an e-mail address"), field, email);
  set_error_field (error, "email");
  return FALSE;
}

/* Finds the sector's row id; 0 for no sector. */
static gboolean
lookup_sector_id (EvtStore    *store,
                  const char  *slug,
                  gint64      *sector_id,
                  GError     **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  int rc;

  *sector_id = 0;
  if (slug == NULL)
    return TRUE;

  stmt = evt_people_prepare (store, "SELECT id FROM sectors WHERE slug = ?", error);
  if (stmt == NULL)
    return FALSE;
  evt_people_bind_text (stmt, 1, slug);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *sector_id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot read sectors"), error);
      return FALSE;
    }

  g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
               _("Sector: “%s” is not a known sector"), slug);
  set_error_field (error, "sector");
  return FALSE;
}

static gboolean
save_organisation_locked (EvtStore         *store,
                          EvtOrganisation  *org,
                          GError          **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  g_autofree char *now = evt_people_now_iso ();
  const char *name = evt_organisation_get_name (org);
  const char *normalised = evt_organisation_get_normalised_name (org);
  gint64 id = evt_organisation_get_id (org);
  gint64 sector_id = 0;
  int rc;

  if (name == NULL || normalised[0] == '\0')
    {
      g_set_error_literal (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                           _("Name: an organisation needs a name with letters or digits"));
      set_error_field (error, "name");
      return FALSE;
    }
  if (!validate_email (_("Email"), evt_organisation_get_email (org), error))
    return FALSE;
  if (!lookup_sector_id (store, evt_organisation_get_sector (org), &sector_id, error))
    return FALSE;

  stmt = evt_people_prepare (store, "SELECT id, name FROM organisations"
                                    " WHERE normalised_name = ? AND id != ?", error);
  if (stmt == NULL)
    return FALSE;
  evt_people_bind_text (stmt, 1, normalised);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_EXISTS,
                   _("Name: the organisation “%s” (id %lld) already has this name"),
                   evt_people_column_text (stmt, 1), (long long) sqlite3_column_int64 (stmt, 0));
      set_error_field (error, "name");
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot read organisations"), error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (id == 0)
    stmt = evt_people_prepare (store,
                               "INSERT INTO organisations (name, normalised_name, kind,"
                               " member, sector_id, city, email, phone, notes, created,"
                               " modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                               " ?10)", error);
  else
    stmt = evt_people_prepare (store,
                               "UPDATE organisations SET name = ?1, normalised_name = ?2,"
                               " kind = ?3, member = ?4, sector_id = ?5, city = ?6,"
                               " email = ?7, phone = ?8, notes = ?9, modified = ?10"
                               " WHERE id = ?11", error);
  if (stmt == NULL)
    return FALSE;

  evt_people_bind_text (stmt, 1, name);
  evt_people_bind_text (stmt, 2, normalised);
  evt_people_bind_text (stmt, 3, evt_organisation_kind_to_string (evt_organisation_get_kind (org)));
  sqlite3_bind_int (stmt, 4, evt_organisation_get_member (org));
  evt_people_bind_id (stmt, 5, sector_id);
  evt_people_bind_text (stmt, 6, evt_organisation_get_city (org));
  evt_people_bind_text (stmt, 7, evt_organisation_get_email (org));
  evt_people_bind_text (stmt, 8, evt_organisation_get_phone (org));
  evt_people_bind_text (stmt, 9, evt_organisation_get_notes (org));
  evt_people_bind_text (stmt, 10, now);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 11, id);

  if (!evt_people_step_done (store, stmt, _("cannot save the organisation"), error))
    return FALSE;

  if (id == 0)
    evt_organisation_set_id (org, sqlite3_last_insert_rowid (evt_store_get_db (store)));
  else if (sqlite3_changes (evt_store_get_db (store)) == 0)
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                   _("No organisation with id %lld"), (long long) id);
      return FALSE;
    }

  return TRUE;
}

/* For the importer, which holds its own transaction. */
gboolean evt_people_save_organisation_locked (EvtStore         *store,
                                              EvtOrganisation  *org,
                                              GError          **error);
gboolean
evt_people_save_organisation_locked (EvtStore         *store,
                                     EvtOrganisation  *org,
                                     GError          **error)
{
  return save_organisation_locked (store, org, error);
}

/**
 * evt_people_save_organisation:
 * @store: an open store
 * @organisation: an organisation; its id is 0 to add it
 * @error: return location for a #GError
 *
 * Adds or updates @organisation and sets its id. Refused with
 * %EVT_PEOPLE_ERROR_EXISTS if another organisation has the same normalised name,
 * %EVT_PEOPLE_ERROR_INVALID if the name is blank, the e-mail address is not one or
 * the sector does not exist.
 *
 * Returns: %TRUE if saved
 */
gboolean
evt_people_save_organisation (EvtStore         *store,
                              EvtOrganisation  *organisation,
                              GError          **error)
{
  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);
  g_return_val_if_fail (EVT_IS_ORGANISATION (organisation), FALSE);

  if (!evt_store_begin (store, error))
    return FALSE;
  return evt_people_finish_write (store, save_organisation_locked (store, organisation, error),
                                  error);
}

/**
 * evt_people_delete_organisation:
 * @store: an open store
 * @id: the organisation's id
 * @error: return location for a #GError
 *
 * Deletes an organisation that takes part in no event (else
 * %EVT_PEOPLE_ERROR_IN_USE: merge it into another one instead). Its people stay,
 * without organisation; its leads keep its name.
 *
 * Returns: %TRUE if deleted
 */
gboolean
evt_people_delete_organisation (EvtStore  *store,
                                gint64     id,
                                GError   **error)
{
  g_autoptr(EvtOrganisation) org = NULL;
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  gboolean ok = FALSE;
  gboolean used = FALSE;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);

  if (!evt_store_begin (store, error))
    return FALSE;

  org = get_organisation_locked (store, "o.id = ?", id, NULL, error);
  if (org == NULL)
    goto out;
  if (!row_exists (store, "SELECT 1 FROM participations WHERE organisation_id = ?", id,
                   &used, error))
    goto out;
  if (used)
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_IN_USE,
                   _("“%s” takes part in events: remove its participations first, or "
                     "merge it into another organisation"),
                   evt_organisation_get_name (org));
      goto out;
    }

  stmt = evt_people_prepare (store,
                             "UPDATE leads SET organisation_name ="
                             " ifnull (organisation_name, ?2) WHERE organisation_id = ?1;",
                             error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, id);
  evt_people_bind_text (stmt, 2, evt_organisation_get_name (org));
  if (!evt_people_step_done (store, stmt, _("cannot delete the organisation"), error))
    goto out;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = evt_people_prepare (store, "DELETE FROM organisations WHERE id = ?", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, id);
  ok = evt_people_step_done (store, stmt, _("cannot delete the organisation"), error);

out:
  return evt_people_finish_write (store, ok, error);
}

/**
 * evt_people_get_organisation:
 * @store: an open store
 * @id: the organisation's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the organisation, or %NULL with
 *   %EVT_PEOPLE_ERROR_NOT_FOUND
 */
EvtOrganisation *
evt_people_get_organisation (EvtStore  *store,
                             gint64     id,
                             GError   **error)
{
  EvtOrganisation *org;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (!evt_store_begin (store, error))
    return NULL;
  org = get_organisation_locked (store, "o.id = ?", id, NULL, error);
  if (!finish_read (store, org != NULL, error))
    g_clear_object (&org);
  return org;
}

/* Up to three names close to @normalised, for "did you mean". */
static char *
suggest (EvtStore   *store,
         const char *table,
         const char *normalised)
{
  g_autofree char *sql = NULL;
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  g_autoptr(GString) names = NULL;
  g_autofree char *first_word = NULL;
  const char *space;

  if (normalised[0] == '\0')
    return NULL;

  space = strchr (normalised, ' ');
  first_word = space != NULL ? g_strndup (normalised, space - normalised)
                             : g_strdup (normalised);

  /* Normalised names hold only letters, digits and spaces: no LIKE wildcard. */
  sql = g_strdup_printf ("SELECT name FROM %s"
                         " WHERE normalised_name LIKE '%%' || ?1 || '%%'"
                         "    OR ?1 LIKE '%%' || normalised_name || '%%'"
                         "    OR (length (?2) >= 3 AND normalised_name LIKE ?2 || '%%')"
                         " ORDER BY normalised_name LIMIT 3", table);
  stmt = evt_people_prepare (store, sql, NULL);
  if (stmt == NULL)
    return NULL;
  evt_people_bind_text (stmt, 1, normalised);
  evt_people_bind_text (stmt, 2, first_word);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (names == NULL)
        names = g_string_new (NULL);
      else
        g_string_append (names, ", ");
      g_string_append_printf (names, "“%s”", evt_people_column_text (stmt, 0));
    }

  return names != NULL ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static EvtOrganisation *
lookup_organisation_locked (EvtStore    *store,
                            const char  *id_or_name,
                            GError     **error)
{
  g_autofree char *normalised = evt_normalise_name (id_or_name);
  g_autofree char *suggestions = NULL;
  g_autoptr(GError) local_error = NULL;
  EvtOrganisation *org;

  if (is_all_digits (id_or_name))
    {
      org = get_organisation_locked (store, "o.id = ?", g_ascii_strtoll (id_or_name, NULL, 10),
                                     NULL, &local_error);
      if (org != NULL || !g_error_matches (local_error, EVT_PEOPLE_ERROR,
                                           EVT_PEOPLE_ERROR_NOT_FOUND))
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          return org;
        }
      g_clear_error (&local_error);
    }

  org = get_organisation_locked (store, "o.normalised_name = ?", 0, normalised, &local_error);
  if (org != NULL || !g_error_matches (local_error, EVT_PEOPLE_ERROR,
                                       EVT_PEOPLE_ERROR_NOT_FOUND))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return org;
    }

  suggestions = suggest (store, "organisations", normalised);
  if (suggestions != NULL)
    g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                 _("No organisation named “%s”; did you mean %s?"), id_or_name, suggestions);
  else
    g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                 _("No organisation named “%s”"), id_or_name);
  return NULL;
}

/**
 * evt_people_lookup_organisation:
 * @store: an open store
 * @id_or_name: an id ("12") or a name, compared normalised (see evt_normalise_name())
 * @error: return location for a #GError
 *
 * Finds an organisation as someone typed it. When none matches, the
 * %EVT_PEOPLE_ERROR_NOT_FOUND message suggests close names.
 *
 * Returns: (transfer full) (nullable): the organisation, or %NULL
 */
EvtOrganisation *
evt_people_lookup_organisation (EvtStore    *store,
                                const char  *id_or_name,
                                GError     **error)
{
  EvtOrganisation *org;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);
  g_return_val_if_fail (id_or_name != NULL, NULL);

  if (!evt_store_begin (store, error))
    return NULL;
  org = lookup_organisation_locked (store, id_or_name, error);
  if (!finish_read (store, org != NULL, error))
    g_clear_object (&org);
  return org;
}

/**
 * evt_people_list_organisations:
 * @store: an open store
 * @search: (nullable): text the name must contain, case and accents ignored
 * @members_only: only the member organisations
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type EvtOrganisation) (nullable): the
 *   organisations sorted by name, or %NULL on error
 */
GPtrArray *
evt_people_list_organisations (EvtStore    *store,
                               const char  *search,
                               gboolean     members_only,
                               GError     **error)
{
  g_autofree char *normalised = evt_normalise_name (search);
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  GPtrArray *orgs = NULL;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (!evt_store_begin (store, error))
    return NULL;

  stmt = evt_people_prepare (store,
                             "SELECT " ORGANISATION_COLUMNS ORGANISATION_FROM
                             " WHERE (?1 = '' OR o.normalised_name LIKE '%' || ?1 || '%')"
                             "   AND (?2 = 0 OR o.member)"
                             " ORDER BY o.normalised_name", error);
  if (stmt != NULL)
    {
      evt_people_bind_text (stmt, 1, normalised);
      sqlite3_bind_int (stmt, 2, members_only);
      orgs = read_organisations (store, stmt, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!finish_read (store, orgs != NULL, error))
    g_clear_pointer (&orgs, g_ptr_array_unref);
  return orgs;
}

static gboolean
run_statements (EvtStore    *store,
                const char  *what,
                const char * const *sqls,
                gint64       keep_id,
                gint64       duplicate_id,
                GError     **error)
{
  for (guint i = 0; sqls[i] != NULL; i++)
    {
      g_autoptr(EvtPeopleStmt) stmt = evt_people_prepare (store, sqls[i], error);

      if (stmt == NULL)
        return FALSE;
      /* ?1 is the row kept (unused by some), ?2 the one that goes. */
      sqlite3_bind_int64 (stmt, 1, keep_id);
      sqlite3_bind_int64 (stmt, 2, duplicate_id);
      if (!evt_people_step_done (store, stmt, what, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * evt_people_merge_organisations:
 * @store: an open store
 * @keep_id: the organisation that stays
 * @duplicate_id: its duplicate, deleted
 * @error: return location for a #GError
 *
 * Moves the participations, people and leads of the duplicate to the organisation
 * kept, fills the fields the kept one lacks from the duplicate (a member if either
 * was), then deletes the duplicate, in one transaction. Where both took part in
 * the same event, the kept organisation's participation stays as it was.
 *
 * Returns: %TRUE if merged
 */
gboolean
evt_people_merge_organisations (EvtStore  *store,
                                gint64     keep_id,
                                gint64     duplicate_id,
                                GError   **error)
{
  static const char * const sqls[] = {
    "UPDATE OR IGNORE participations SET organisation_id = ?1 WHERE organisation_id = ?2",
    "DELETE FROM participations WHERE organisation_id = ?2",
    "UPDATE people SET organisation_id = ?1 WHERE organisation_id = ?2",
    "UPDATE leads SET organisation_id = ?1 WHERE organisation_id = ?2",
    "UPDATE organisations SET"
    "  member = max (member, (SELECT member FROM organisations WHERE id = ?2)),"
    "  sector_id = ifnull (sector_id, (SELECT sector_id FROM organisations WHERE id = ?2)),"
    "  city = ifnull (city, (SELECT city FROM organisations WHERE id = ?2)),"
    "  email = ifnull (email, (SELECT email FROM organisations WHERE id = ?2)),"
    "  phone = ifnull (phone, (SELECT phone FROM organisations WHERE id = ?2)),"
    "  notes = ifnull (notes, (SELECT notes FROM organisations WHERE id = ?2))"
    " WHERE id = ?1",
    "DELETE FROM organisations WHERE id = ?2",
    NULL
  };
  g_autoptr(EvtOrganisation) keep = NULL;
  g_autoptr(EvtOrganisation) duplicate = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);

  if (keep_id == duplicate_id)
    {
      g_set_error_literal (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                           _("An organisation cannot be merged into itself"));
      return FALSE;
    }

  if (!evt_store_begin (store, error))
    return FALSE;

  keep = get_organisation_locked (store, "o.id = ?", keep_id, NULL, error);
  if (keep != NULL)
    duplicate = get_organisation_locked (store, "o.id = ?", duplicate_id, NULL, error);
  if (duplicate != NULL)
    ok = run_statements (store, _("cannot merge the organisations"), sqls, keep_id,
                         duplicate_id, error);

  return evt_people_finish_write (store, ok, error);
}

/* --- People ------------------------------------------------------------------ */

#define PERSON_COLUMNS \
  "pe.id, pe.name, pe.organisation_id, o.name, pe.job_title, pe.email, pe.phone," \
  " (SELECT count (DISTINCT pa.event_id) FROM participations pa" \
  "  WHERE pa.person_id = pe.id AND pa.state != 'cancelled')"
#define PERSON_FROM \
  " FROM people pe LEFT JOIN organisations o ON o.id = pe.organisation_id"

static EvtPerson *
person_from_row (sqlite3_stmt *stmt)
{
  EvtPerson *person = evt_person_new (evt_people_column_text (stmt, 1));

  evt_person_set_id (person, sqlite3_column_int64 (stmt, 0));
  evt_person_set_organisation_id (person, sqlite3_column_int64 (stmt, 2));
  evt_person_set_organisation_name (person, evt_people_column_text (stmt, 3));
  evt_person_set_job_title (person, evt_people_column_text (stmt, 4));
  evt_person_set_email (person, evt_people_column_text (stmt, 5));
  evt_person_set_phone (person, evt_people_column_text (stmt, 6));
  evt_person_set_n_events (person, sqlite3_column_int (stmt, 7));
  return person;
}

static GPtrArray *
read_people (EvtStore      *store,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (people, person_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot read people"), error);
      return NULL;
    }
  return g_steal_pointer (&people);
}

static EvtPerson *
get_person_locked (EvtStore  *store,
                   gint64     id,
                   GError   **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  g_autoptr(GPtrArray) people = NULL;

  stmt = evt_people_prepare (store, "SELECT " PERSON_COLUMNS PERSON_FROM " WHERE pe.id = ?",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  people = read_people (store, stmt, error);
  if (people == NULL)
    return NULL;
  if (people->len == 0)
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                   _("No person with id %lld"), (long long) id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (people, 0));
}

static gboolean
save_person_locked (EvtStore   *store,
                    EvtPerson  *person,
                    GError    **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  g_autoptr(EvtPerson) saved = NULL;
  g_autofree char *now = evt_people_now_iso ();
  gint64 id = evt_person_get_id (person);
  gint64 org_id = evt_person_get_organisation_id (person);

  if (evt_person_get_name (person) == NULL ||
      evt_person_get_normalised_name (person)[0] == '\0')
    {
      g_set_error_literal (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                           _("Name: a person needs a name with letters or digits"));
      set_error_field (error, "name");
      return FALSE;
    }
  if (!validate_email (_("Email"), evt_person_get_email (person), error))
    return FALSE;
  if (org_id != 0 && !check_organisation (store, org_id, error))
    {
      set_error_field (error, "organisation-id");
      return FALSE;
    }

  if (id == 0)
    stmt = evt_people_prepare (store,
                               "INSERT INTO people (name, normalised_name, organisation_id,"
                               " job_title, email, phone, created, modified)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", error);
  else
    stmt = evt_people_prepare (store,
                               "UPDATE people SET name = ?1, normalised_name = ?2,"
                               " organisation_id = ?3, job_title = ?4, email = ?5,"
                               " phone = ?6, modified = ?7 WHERE id = ?8", error);
  if (stmt == NULL)
    return FALSE;

  evt_people_bind_text (stmt, 1, evt_person_get_name (person));
  evt_people_bind_text (stmt, 2, evt_person_get_normalised_name (person));
  evt_people_bind_id (stmt, 3, org_id);
  evt_people_bind_text (stmt, 4, evt_person_get_job_title (person));
  evt_people_bind_text (stmt, 5, evt_person_get_email (person));
  evt_people_bind_text (stmt, 6, evt_person_get_phone (person));
  evt_people_bind_text (stmt, 7, now);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 8, id);
  if (!evt_people_step_done (store, stmt, _("cannot save the person"), error))
    return FALSE;

  if (id == 0)
    id = sqlite3_last_insert_rowid (evt_store_get_db (store));
  else if (sqlite3_changes (evt_store_get_db (store)) == 0)
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                   _("No person with id %lld"), (long long) id);
      return FALSE;
    }

  evt_person_set_id (person, id);
  saved = get_person_locked (store, id, error);
  if (saved == NULL)
    return FALSE;
  evt_person_set_organisation_name (person, evt_person_get_organisation_name (saved));
  return TRUE;
}

gboolean evt_people_save_person_locked (EvtStore   *store,
                                        EvtPerson  *person,
                                        GError    **error);
gboolean
evt_people_save_person_locked (EvtStore   *store,
                               EvtPerson  *person,
                               GError    **error)
{
  return save_person_locked (store, person, error);
}

/**
 * evt_people_save_person:
 * @store: an open store
 * @person: a person; its id is 0 to add them
 * @error: return location for a #GError
 *
 * Adds or updates @person and sets its id. Two people may share a name.
 *
 * Returns: %TRUE if saved
 */
gboolean
evt_people_save_person (EvtStore   *store,
                        EvtPerson  *person,
                        GError    **error)
{
  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);
  g_return_val_if_fail (EVT_IS_PERSON (person), FALSE);

  if (!evt_store_begin (store, error))
    return FALSE;
  return evt_people_finish_write (store, save_person_locked (store, person, error), error);
}

/**
 * evt_people_delete_person:
 * @store: an open store
 * @id: the person's id
 * @error: return location for a #GError
 *
 * Deletes a person who takes part in no event (else %EVT_PEOPLE_ERROR_IN_USE).
 *
 * Returns: %TRUE if deleted
 */
gboolean
evt_people_delete_person (EvtStore  *store,
                          gint64     id,
                          GError   **error)
{
  g_autoptr(EvtPerson) person = NULL;
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  gboolean used = FALSE;
  gboolean ok = FALSE;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);

  if (!evt_store_begin (store, error))
    return FALSE;

  person = get_person_locked (store, id, error);
  if (person == NULL)
    goto out;
  if (!row_exists (store, "SELECT 1 FROM participations WHERE person_id = ?", id, &used,
                   error))
    goto out;
  if (used)
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_IN_USE,
                   _("%s takes part in events: remove their participations first"),
                   evt_person_get_name (person));
      goto out;
    }

  stmt = evt_people_prepare (store, "DELETE FROM people WHERE id = ?", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, id);
  ok = evt_people_step_done (store, stmt, _("cannot delete the person"), error);

out:
  return evt_people_finish_write (store, ok, error);
}

/**
 * evt_people_get_person:
 * @store: an open store
 * @id: the person's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the person, or %NULL with
 *   %EVT_PEOPLE_ERROR_NOT_FOUND
 */
EvtPerson *
evt_people_get_person (EvtStore  *store,
                       gint64     id,
                       GError   **error)
{
  EvtPerson *person;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (!evt_store_begin (store, error))
    return NULL;
  person = get_person_locked (store, id, error);
  if (!finish_read (store, person != NULL, error))
    g_clear_object (&person);
  return person;
}

EvtPerson *evt_people_lookup_person_locked (EvtStore    *store,
                                            const char  *id_or_name,
                                            gint64       organisation_id,
                                            GError     **error);
EvtPerson *
evt_people_lookup_person_locked (EvtStore    *store,
                                 const char  *id_or_name,
                                 gint64       organisation_id,
                                 GError     **error)
{
  g_autofree char *normalised = evt_normalise_name (id_or_name);
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GString) names = NULL;
  g_autofree char *suggestions = NULL;

  if (is_all_digits (id_or_name))
    {
      g_autoptr(GError) local_error = NULL;
      EvtPerson *person = get_person_locked (store, g_ascii_strtoll (id_or_name, NULL, 10),
                                             &local_error);

      if (person != NULL || !g_error_matches (local_error, EVT_PEOPLE_ERROR,
                                              EVT_PEOPLE_ERROR_NOT_FOUND))
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          return person;
        }
    }

  stmt = evt_people_prepare (store,
                             "SELECT " PERSON_COLUMNS PERSON_FROM
                             " WHERE pe.normalised_name = ?1"
                             "   AND (?2 = 0 OR pe.organisation_id = ?2)"
                             " ORDER BY pe.id", error);
  if (stmt == NULL)
    return NULL;
  evt_people_bind_text (stmt, 1, normalised);
  sqlite3_bind_int64 (stmt, 2, organisation_id);
  people = read_people (store, stmt, error);
  if (people == NULL)
    return NULL;

  if (people->len == 1)
    return g_object_ref (g_ptr_array_index (people, 0));

  if (people->len > 1)
    {
      names = g_string_new (NULL);
      for (guint i = 0; i < people->len; i++)
        {
          EvtPerson *person = g_ptr_array_index (people, i);

          if (i > 0)
            g_string_append (names, ", ");
          if (evt_person_get_organisation_name (person) != NULL)
            g_string_append_printf (names, _("id %lld (%s)"),
                                    (long long) evt_person_get_id (person),
                                    evt_person_get_organisation_name (person));
          else
            g_string_append_printf (names, _("id %lld"),
                                    (long long) evt_person_get_id (person));
        }
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_AMBIGUOUS,
                   _("Several people are named “%s”: %s; give the id, or the "
                     "organisation"), id_or_name, names->str);
      return NULL;
    }

  suggestions = suggest (store, "people", normalised);
  if (suggestions != NULL)
    g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                 _("No person named “%s”; did you mean %s?"), id_or_name, suggestions);
  else
    g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                 _("No person named “%s”"), id_or_name);
  return NULL;
}

/**
 * evt_people_lookup_person:
 * @store: an open store
 * @id_or_name: an id ("12") or a full name, compared normalised
 * @organisation_id: only people of this organisation, or 0 for anyone
 * @error: return location for a #GError
 *
 * Finds a person as someone typed them: %EVT_PEOPLE_ERROR_NOT_FOUND (with close
 * names) if nobody matches, %EVT_PEOPLE_ERROR_AMBIGUOUS (with their ids) if
 * several do.
 *
 * Returns: (transfer full) (nullable): the person, or %NULL
 */
EvtPerson *
evt_people_lookup_person (EvtStore    *store,
                          const char  *id_or_name,
                          gint64       organisation_id,
                          GError     **error)
{
  EvtPerson *person;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);
  g_return_val_if_fail (id_or_name != NULL, NULL);

  if (!evt_store_begin (store, error))
    return NULL;
  person = evt_people_lookup_person_locked (store, id_or_name, organisation_id, error);
  if (!finish_read (store, person != NULL, error))
    g_clear_object (&person);
  return person;
}

/**
 * evt_people_list_people:
 * @store: an open store
 * @search: (nullable): text the name must contain, case and accents ignored
 * @organisation_id: only people of this organisation, or 0 for anyone
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type EvtPerson) (nullable): the people
 *   sorted by name, or %NULL on error
 */
GPtrArray *
evt_people_list_people (EvtStore    *store,
                        const char  *search,
                        gint64       organisation_id,
                        GError     **error)
{
  g_autofree char *normalised = evt_normalise_name (search);
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  GPtrArray *people = NULL;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (!evt_store_begin (store, error))
    return NULL;

  stmt = evt_people_prepare (store,
                             "SELECT " PERSON_COLUMNS PERSON_FROM
                             " WHERE (?1 = '' OR pe.normalised_name LIKE '%' || ?1 || '%')"
                             "   AND (?2 = 0 OR pe.organisation_id = ?2)"
                             " ORDER BY pe.normalised_name, pe.id", error);
  if (stmt != NULL)
    {
      evt_people_bind_text (stmt, 1, normalised);
      sqlite3_bind_int64 (stmt, 2, organisation_id);
      people = read_people (store, stmt, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!finish_read (store, people != NULL, error))
    g_clear_pointer (&people, g_ptr_array_unref);
  return people;
}

/**
 * evt_people_merge_people:
 * @store: an open store
 * @keep_id: the person who stays
 * @duplicate_id: their duplicate, deleted
 * @error: return location for a #GError
 *
 * Moves the duplicate's participations to the person kept, fills the fields the
 * kept one lacks, then deletes the duplicate, in one transaction.
 *
 * Returns: %TRUE if merged
 */
gboolean
evt_people_merge_people (EvtStore  *store,
                         gint64     keep_id,
                         gint64     duplicate_id,
                         GError   **error)
{
  static const char * const sqls[] = {
    "UPDATE OR IGNORE participations SET person_id = ?1 WHERE person_id = ?2",
    "DELETE FROM participations WHERE person_id = ?2",
    "UPDATE people SET"
    "  organisation_id = ifnull (organisation_id,"
    "                            (SELECT organisation_id FROM people WHERE id = ?2)),"
    "  job_title = ifnull (job_title, (SELECT job_title FROM people WHERE id = ?2)),"
    "  email = ifnull (email, (SELECT email FROM people WHERE id = ?2)),"
    "  phone = ifnull (phone, (SELECT phone FROM people WHERE id = ?2))"
    " WHERE id = ?1",
    "DELETE FROM people WHERE id = ?2",
    NULL
  };
  g_autoptr(EvtPerson) keep = NULL;
  g_autoptr(EvtPerson) duplicate = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);

  if (keep_id == duplicate_id)
    {
      g_set_error_literal (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                           _("A person cannot be merged into themselves"));
      return FALSE;
    }

  if (!evt_store_begin (store, error))
    return FALSE;

  keep = get_person_locked (store, keep_id, error);
  if (keep != NULL)
    duplicate = get_person_locked (store, duplicate_id, error);
  if (duplicate != NULL)
    ok = run_statements (store, _("cannot merge the people"), sqls, keep_id, duplicate_id,
                         error);

  return evt_people_finish_write (store, ok, error);
}

/* --- Participations ---------------------------------------------------------- */

#define PARTICIPATION_COLUMNS \
  "pa.id, pa.event_id, pa.organisation_id, o.name, pa.person_id, pe.name," \
  " ifnull (o.member, 0), pa.role, pa.state, pa.note, e.title, substr (e.start, 1, 10)"
#define PARTICIPATION_FROM \
  " FROM participations pa JOIN events e ON e.id = pa.event_id" \
  " LEFT JOIN organisations o ON o.id = pa.organisation_id" \
  " LEFT JOIN people pe ON pe.id = pa.person_id"

static void
participation_fill (EvtParticipation *part,
                    sqlite3_stmt     *stmt)
{
  EvtRole role = EVT_ROLE_EXHIBITOR;
  EvtParticipationState state = EVT_PARTICIPATION_STATE_INVITED;

  evt_role_from_string (evt_people_column_text (stmt, 7), &role);
  evt_participation_state_from_string (evt_people_column_text (stmt, 8), &state);

  evt_participation_set_id (part, sqlite3_column_int64 (stmt, 0));
  evt_participation_set_event_id (part, sqlite3_column_int64 (stmt, 1));
  evt_participation_set_organisation_id (part, sqlite3_column_int64 (stmt, 2));
  evt_participation_set_organisation_name (part, evt_people_column_text (stmt, 3));
  evt_participation_set_person_id (part, sqlite3_column_int64 (stmt, 4));
  evt_participation_set_person_name (part, evt_people_column_text (stmt, 5));
  evt_participation_set_member (part, sqlite3_column_int (stmt, 6));
  evt_participation_set_role (part, role);
  evt_participation_set_state (part, state);
  evt_participation_set_note (part, evt_people_column_text (stmt, 9));
  evt_participation_set_event_title (part, evt_people_column_text (stmt, 10));
  evt_participation_set_event_start (part, evt_people_column_text (stmt, 11));
}

static GPtrArray *
read_participations (EvtStore      *store,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvtParticipation *part = evt_participation_new (0);

      participation_fill (part, stmt);
      g_ptr_array_add (parts, part);
    }
  if (rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot read participants"), error);
      return NULL;
    }
  return g_steal_pointer (&parts);
}

static EvtParticipation *
get_participation_locked (EvtStore    *store,
                          const char  *where,
                          gint64       a,
                          gint64       b,
                          gint64       c,
                          GError     **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " PARTICIPATION_COLUMNS PARTICIPATION_FROM
                                      " WHERE ", where, NULL);
  g_autoptr(EvtPeopleStmt) stmt = evt_people_prepare (store, sql, error);
  g_autoptr(GPtrArray) parts = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    {
      sqlite3_bind_int64 (stmt, 2, b);
      sqlite3_bind_int64 (stmt, 3, c);
    }
  parts = read_participations (store, stmt, error);
  if (parts == NULL)
    return NULL;
  if (parts->len == 0)
    {
      g_set_error_literal (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                           _("No such participant in this event"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (parts, 0));
}

#define WHERE_SAME_PARTICIPANT \
  "pa.event_id = ?1 AND ifnull (pa.organisation_id, 0) = ?2" \
  " AND ifnull (pa.person_id, 0) = ?3"

static gboolean
save_participation_locked (EvtStore          *store,
                           EvtParticipation  *part,
                           gboolean          *added,
                           GError           **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  g_autoptr(EvtParticipation) existing = NULL;
  g_autoptr(EvtParticipation) saved = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = evt_people_now_iso ();
  gint64 id = evt_participation_get_id (part);
  gint64 event_id = evt_participation_get_event_id (part);
  gint64 org_id = evt_participation_get_organisation_id (part);
  gint64 person_id = evt_participation_get_person_id (part);

  *added = FALSE;

  if (!evt_people_check_event (store, event_id, error))
    return FALSE;
  if (org_id == 0 && person_id == 0)
    {
      g_set_error_literal (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                           _("A participant is an organisation or a person: name one"));
      return FALSE;
    }
  if (org_id != 0 && !check_organisation (store, org_id, error))
    return FALSE;
  if (person_id != 0)
    {
      g_autoptr(EvtPerson) person = get_person_locked (store, person_id, error);

      if (person == NULL)
        return FALSE;
      /* A person takes part for their organisation of the day; keep it even if they
       * move on later. */
      if (org_id == 0 && id == 0)
        {
          org_id = evt_person_get_organisation_id (person);
          evt_participation_set_organisation_id (part, org_id);
        }
    }

  existing = get_participation_locked (store, WHERE_SAME_PARTICIPANT, event_id, org_id,
                                       person_id, &local_error);
  if (existing == NULL && !g_error_matches (local_error, EVT_PEOPLE_ERROR,
                                            EVT_PEOPLE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (existing != NULL && id != 0 && evt_participation_get_id (existing) != id)
    {
      g_autofree char *who = evt_participation_dup_display_name (existing);

      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_EXISTS,
                   _("%s already takes part in this event"), who);
      return FALSE;
    }
  if (existing != NULL)
    id = evt_participation_get_id (existing);

  if (id == 0)
    stmt = evt_people_prepare (store,
                               "INSERT INTO participations (event_id, organisation_id,"
                               " person_id, role, state, note, modified)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  else
    stmt = evt_people_prepare (store,
                               "UPDATE participations SET event_id = ?1,"
                               " organisation_id = ?2, person_id = ?3, role = ?4,"
                               " state = ?5, note = ?6, modified = ?7 WHERE id = ?8", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, event_id);
  evt_people_bind_id (stmt, 2, org_id);
  evt_people_bind_id (stmt, 3, person_id);
  evt_people_bind_text (stmt, 4, evt_role_to_string (evt_participation_get_role (part)));
  evt_people_bind_text (stmt, 5, evt_participation_state_to_string (
                                   evt_participation_get_state (part)));
  evt_people_bind_text (stmt, 6, evt_participation_get_note (part));
  evt_people_bind_text (stmt, 7, now);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 8, id);
  if (!evt_people_step_done (store, stmt, _("cannot save the participant"), error))
    return FALSE;

  if (id == 0)
    {
      id = sqlite3_last_insert_rowid (evt_store_get_db (store));
      *added = TRUE;
    }
  else if (sqlite3_changes (evt_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                           _("No such participant in this event"));
      return FALSE;
    }

  saved = get_participation_locked (store, "pa.id = ?", id, 0, 0, error);
  if (saved == NULL)
    return FALSE;
  evt_participation_set_id (part, id);
  evt_participation_set_organisation_name (part, evt_participation_get_organisation_name (saved));
  evt_participation_set_person_name (part, evt_participation_get_person_name (saved));
  evt_participation_set_member (part, evt_participation_get_member (saved));
  evt_participation_set_event_title (part, evt_participation_get_event_title (saved));
  evt_participation_set_event_start (part, evt_participation_get_event_start (saved));
  return TRUE;
}

/**
 * evt_people_save_participation:
 * @store: an open store
 * @participation: a participation
 * @added: (out) (optional): set to %TRUE if it was added, %FALSE if it updated the
 *   participation of the same organisation and person in the event
 * @error: return location for a #GError
 *
 * Adds a participant to an event, or changes its role, state or note: a
 * participation with id 0 whose organisation and person already take part updates
 * that one. A person added without organisation takes part for their
 * organisation. Sets the id and the names read from the store.
 *
 * Returns: %TRUE if saved
 */
gboolean
evt_people_save_participation (EvtStore          *store,
                               EvtParticipation  *participation,
                               gboolean          *added,
                               GError           **error)
{
  gboolean was_added = FALSE;
  gboolean ok;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);
  g_return_val_if_fail (EVT_IS_PARTICIPATION (participation), FALSE);

  if (!evt_store_begin (store, error))
    return FALSE;
  ok = evt_people_finish_write (store,
                                save_participation_locked (store, participation, &was_added,
                                                           error),
                                error);
  if (added != NULL)
    *added = ok && was_added;
  return ok;
}

/**
 * evt_people_remove_participation:
 * @store: an open store
 * @id: the participation's id
 * @error: return location for a #GError
 *
 * Returns: %TRUE if removed; %EVT_PEOPLE_ERROR_NOT_FOUND if there was none
 */
gboolean
evt_people_remove_participation (EvtStore  *store,
                                 gint64     id,
                                 GError   **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);

  if (!evt_store_begin (store, error))
    return FALSE;

  stmt = evt_people_prepare (store, "DELETE FROM participations WHERE id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = evt_people_step_done (store, stmt, _("cannot remove the participant"), error);
      if (ok && sqlite3_changes (evt_store_get_db (store)) == 0)
        {
          g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND,
                       _("No participation with id %lld"), (long long) id);
          ok = FALSE;
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  return evt_people_finish_write (store, ok, error);
}

/**
 * evt_people_get_participation:
 * @store: an open store
 * @id: the participation's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the participation, or %NULL with
 *   %EVT_PEOPLE_ERROR_NOT_FOUND
 */
EvtParticipation *
evt_people_get_participation (EvtStore  *store,
                              gint64     id,
                              GError   **error)
{
  EvtParticipation *part;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (!evt_store_begin (store, error))
    return NULL;
  part = get_participation_locked (store, "pa.id = ?", id, 0, 0, error);
  if (!finish_read (store, part != NULL, error))
    g_clear_object (&part);
  return part;
}

/**
 * evt_people_find_participation:
 * @store: an open store
 * @event_id: the event
 * @organisation_id: the organisation, 0 for none
 * @person_id: the person, 0 for the organisation as a whole
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the participation of exactly this
 *   organisation and person, or %NULL with %EVT_PEOPLE_ERROR_NOT_FOUND
 */
EvtParticipation *
evt_people_find_participation (EvtStore  *store,
                               gint64     event_id,
                               gint64     organisation_id,
                               gint64     person_id,
                               GError   **error)
{
  EvtParticipation *part;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (!evt_store_begin (store, error))
    return NULL;
  part = get_participation_locked (store, WHERE_SAME_PARTICIPANT, event_id, organisation_id,
                                   person_id, error);
  if (!finish_read (store, part != NULL, error))
    g_clear_object (&part);
  return part;
}

static int
compare_participations (gconstpointer a,
                        gconstpointer b)
{
  EvtParticipation *pa = *(EvtParticipation **) a;
  EvtParticipation *pb = *(EvtParticipation **) b;
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;

  if (evt_participation_get_role (pa) != evt_participation_get_role (pb))
    return (int) evt_participation_get_role (pa) - (int) evt_participation_get_role (pb);

  na = evt_participation_dup_display_name (pa);
  nb = evt_participation_dup_display_name (pb);
  return compare_utf8 (na, nb);
}

/**
 * evt_people_list_participations:
 * @store: an open store
 * @event_id: the event
 * @role: an #EvtRole, or -1 for every role
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type EvtParticipation) (nullable): the
 *   participants, by role (in #EvtRole order) then name; %NULL on error,
 *   %EVT_PEOPLE_ERROR_NOT_FOUND if there is no such event
 */
GPtrArray *
evt_people_list_participations (EvtStore  *store,
                                gint64     event_id,
                                int        role,
                                GError   **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  GPtrArray *parts = NULL;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);
  g_return_val_if_fail (role >= -1 && role < EVT_N_ROLES, NULL);

  if (!evt_store_begin (store, error))
    return NULL;

  if (evt_people_check_event (store, event_id, error))
    stmt = evt_people_prepare (store,
                               "SELECT " PARTICIPATION_COLUMNS PARTICIPATION_FROM
                               " WHERE pa.event_id = ?1 AND (?2 IS NULL OR pa.role = ?2)",
                               error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, event_id);
      evt_people_bind_text (stmt, 2, role >= 0 ? evt_role_to_string (role) : NULL);
      parts = read_participations (store, stmt, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!finish_read (store, parts != NULL, error))
    g_clear_pointer (&parts, g_ptr_array_unref);
  if (parts != NULL)
    g_ptr_array_sort (parts, compare_participations);
  return parts;
}

/**
 * evt_people_list_staff:
 * @store: an open store
 * @event_id: the event
 * @error: return location for a #GError
 *
 * The cluster's staff taking part in an event, for the ATTENDEE lines of an
 * internal feed: each item's evt_participation_get_person_name() (or, for a
 * staff entry without person, evt_participation_get_organisation_name()) is the
 * CN, and evt_participation_state_to_partstat() of its state the PARTSTAT.
 * Cancelled participations are included: their PARTSTAT is DECLINED.
 *
 * Returns: (transfer container) (element-type EvtParticipation) (nullable): the
 *   staff, by name; %NULL on error
 */
GPtrArray *
evt_people_list_staff (EvtStore  *store,
                       gint64     event_id,
                       GError   **error)
{
  return evt_people_list_participations (store, event_id, EVT_ROLE_STAFF, error);
}

/**
 * evt_people_count_participations:
 * @store: an open store
 * @event_id: the event
 * @counts: (out caller-allocates) (array fixed-size=6): %EVT_N_PARTICIPATION_STATES
 *   counts: the number of participants in each #EvtParticipationState
 * @error: return location for a #GError
 *
 * Returns: %TRUE if counted
 */
gboolean
evt_people_count_participations (EvtStore  *store,
                                 gint64     event_id,
                                 guint     *counts,
                                 GError   **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof (guint) * EVT_N_PARTICIPATION_STATES);

  if (!evt_store_begin (store, error))
    return FALSE;

  if (evt_people_check_event (store, event_id, error))
    stmt = evt_people_prepare (store, "SELECT state, count (*) FROM participations"
                                      " WHERE event_id = ? GROUP BY state", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, event_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          EvtParticipationState state;

          if (evt_participation_state_from_string (evt_people_column_text (stmt, 0), &state))
            counts[state] = sqlite3_column_int (stmt, 1);
        }
      ok = rc == SQLITE_DONE;
      if (!ok)
        evt_store_set_sqlite_error (store, _("cannot read participants"), error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  return finish_read (store, ok, error);
}

static void
local_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static EvtEventSummary *
summary_for (GHashTable *summaries,
             gint64      event_id)
{
  EvtEventSummary *summary = g_hash_table_lookup (summaries, &event_id);

  if (summary == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = event_id;
      summary = g_new0 (EvtEventSummary, 1);
      g_hash_table_insert (summaries, key, summary);
    }
  return summary;
}

/**
 * evt_people_summarise_events:
 * @store: an open store
 * @today: (nullable): the day follow-ups are due by; %NULL for today
 * @error: return location for a #GError
 *
 * The participant and lead counts of every event that has any, for the list view,
 * in two queries.
 *
 * Returns: (transfer full) (nullable): a table from event id (a pointer to a
 *   #gint64) to #EvtEventSummary; events with nothing are not in it
 */
GHashTable *
evt_people_summarise_events (EvtStore     *store,
                             const GDate  *today,
                             GError      **error)
{
  g_autoptr(GHashTable) summaries = NULL;
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  g_autofree char *day = NULL;
  GDate local;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (today == NULL)
    {
      local_today (&local);
      today = &local;
    }
  day = format_day (today);
  summaries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (!evt_store_begin (store, error))
    return NULL;

  stmt = evt_people_prepare (store,
                             "SELECT pa.event_id,"
                             " sum (pa.state != 'cancelled'),"
                             " sum (pa.state = 'attended'),"
                             " sum (pa.role = 'staff' AND pa.state != 'cancelled'),"
                             " count (DISTINCT CASE WHEN o.member AND pa.state != 'cancelled'"
                             "                 THEN pa.organisation_id END)"
                             " FROM participations pa"
                             " LEFT JOIN organisations o ON o.id = pa.organisation_id"
                             " GROUP BY pa.event_id", error);
  if (stmt == NULL)
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvtEventSummary *summary = summary_for (summaries, sqlite3_column_int64 (stmt, 0));

      summary->n_participants = sqlite3_column_int (stmt, 1);
      summary->n_attended = sqlite3_column_int (stmt, 2);
      summary->n_staff = sqlite3_column_int (stmt, 3);
      summary->n_members = sqlite3_column_int (stmt, 4);
    }
  if (rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot read participants"), error);
      goto out;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = evt_people_prepare (store,
                             "SELECT event_id, count (*), sum (state = 'open'),"
                             " sum (state = 'open' AND follow_up <= ?)"
                             " FROM leads GROUP BY event_id", error);
  if (stmt == NULL)
    goto out;
  evt_people_bind_text (stmt, 1, day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvtEventSummary *summary = summary_for (summaries, sqlite3_column_int64 (stmt, 0));

      summary->n_leads = sqlite3_column_int (stmt, 1);
      summary->n_open_leads = sqlite3_column_int (stmt, 2);
      summary->n_due = sqlite3_column_int (stmt, 3);
    }
  if (rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot read leads"), error);
      goto out;
    }
  ok = TRUE;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!finish_read (store, ok, error))
    return NULL;
  return g_steal_pointer (&summaries);
}

/**
 * evt_people_list_member_participations:
 * @store: an open store
 * @year: a year
 * @error: return location for a #GError
 *
 * Which member organisations took part in what, for the yearly report: the
 * participations of member organisations (and of their people) in the events
 * starting in @year, not cancelled, by organisation then date.
 *
 * Returns: (transfer container) (element-type EvtParticipation) (nullable): the
 *   participations, with event title and start; %NULL on error
 */
GPtrArray *
evt_people_list_member_participations (EvtStore  *store,
                                       int        year,
                                       GError   **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  g_autofree char *year_text = g_strdup_printf ("%04d", year);
  GPtrArray *parts = NULL;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (!evt_store_begin (store, error))
    return NULL;

  stmt = evt_people_prepare (store,
                             "SELECT " PARTICIPATION_COLUMNS PARTICIPATION_FROM
                             " WHERE o.member AND substr (e.start, 1, 4) = ?"
                             "   AND pa.state != 'cancelled'"
                             " ORDER BY o.normalised_name, e.start, pe.normalised_name",
                             error);
  if (stmt != NULL)
    {
      evt_people_bind_text (stmt, 1, year_text);
      parts = read_participations (store, stmt, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!finish_read (store, parts != NULL, error))
    g_clear_pointer (&parts, g_ptr_array_unref);
  return parts;
}

/**
 * evt_people_list_organisation_participations:
 * @store: an open store
 * @organisation_id: an organisation
 * @error: return location for a #GError
 *
 * What an organisation took part in, itself or through its people, for the
 * window's organisation details: every participation, cancelled ones included,
 * latest event first.
 *
 * Returns: (transfer container) (element-type EvtParticipation) (nullable): the
 *   participations, with event title and start; %NULL on error
 */
GPtrArray *
evt_people_list_organisation_participations (EvtStore  *store,
                                             gint64     organisation_id,
                                             GError   **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  GPtrArray *parts = NULL;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (!evt_store_begin (store, error))
    return NULL;

  stmt = evt_people_prepare (store,
                             "SELECT " PARTICIPATION_COLUMNS PARTICIPATION_FROM
                             " WHERE pa.organisation_id = ?1"
                             " ORDER BY e.start DESC, pe.normalised_name",
                             error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, organisation_id);
      parts = read_participations (store, stmt, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!finish_read (store, parts != NULL, error))
    g_clear_pointer (&parts, g_ptr_array_unref);
  return parts;
}

/**
 * evt_people_count_organisation_events:
 * @store: an open store
 * @year: a year
 * @error: return location for a #GError
 *
 * How many events starting in @year each organisation took part in (itself or
 * through its people, not cancelled), for the window's list of organisations, in
 * one query.
 *
 * Returns: (transfer full) (nullable): a table from organisation id (a pointer to
 *   a #gint64) to a count (GUINT_TO_POINTER); organisations with none are not in it
 */
GHashTable *
evt_people_count_organisation_events (EvtStore  *store,
                                      int        year,
                                      GError   **error)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  g_autofree char *year_text = g_strdup_printf ("%04d", year);
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!evt_store_begin (store, error))
    return NULL;

  stmt = evt_people_prepare (store,
                             "SELECT pa.organisation_id, count (DISTINCT pa.event_id)"
                             " FROM participations pa JOIN events e ON e.id = pa.event_id"
                             " WHERE pa.organisation_id IS NOT NULL"
                             "   AND substr (e.start, 1, 4) = ?1"
                             "   AND pa.state != 'cancelled'"
                             " GROUP BY pa.organisation_id", error);
  if (stmt != NULL)
    {
      evt_people_bind_text (stmt, 1, year_text);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_insert (counts, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                                sizeof (gint64)),
                             GUINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
      if (rc == SQLITE_DONE)
        ok = TRUE;
      else
        evt_store_set_sqlite_error (store, _("cannot read participants"), error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!finish_read (store, ok, error))
    return NULL;
  return g_steal_pointer (&counts);
}

/* --- Events ------------------------------------------------------------------- */

typedef struct
{
  guint n_participants;
  guint n_leads;
  guint n_projects;
  guint n_costs;
  gboolean has_outcome;
} EventRecords;

static gboolean
count_event_records (EvtStore      *store,
                     gint64         event_id,
                     EventRecords  *records,
                     GError       **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;

  stmt = evt_people_prepare (store,
                             "SELECT (SELECT count (*) FROM participations WHERE event_id = ?1),"
                             " (SELECT count (*) FROM leads WHERE event_id = ?1),"
                             " (SELECT count (*) FROM outcome_projects WHERE event_id = ?1),"
                             " (SELECT count (*) FROM costs WHERE event_id = ?1),"
                             " (SELECT count (*) FROM outcomes WHERE event_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      evt_store_set_sqlite_error (store, _("cannot read participants"), error);
      return FALSE;
    }
  records->n_participants = sqlite3_column_int (stmt, 0);
  records->n_leads = sqlite3_column_int (stmt, 1);
  records->n_projects = sqlite3_column_int (stmt, 2);
  records->n_costs = sqlite3_column_int (stmt, 3);
  records->has_outcome = sqlite3_column_int (stmt, 4) > 0;
  return TRUE;
}

static gboolean
records_exist (const EventRecords *records)
{
  return records->n_participants > 0 || records->n_leads > 0 || records->n_projects > 0 ||
         records->n_costs > 0 || records->has_outcome;
}

static char *
describe_records (const EventRecords *records)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (records->n_participants > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant",
                                                          "%u participants",
                                                          records->n_participants),
                                             records->n_participants));
  if (records->n_leads > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u lead",
                                                          "%u leads", records->n_leads),
                                             records->n_leads));
  if (records->has_outcome || records->n_projects > 0 || records->n_costs > 0)
    /* TRANSLATORS: what an event has, in a list: "3 participants and recorded outcomes"
     * (contacts, projects, costs…) */
    g_ptr_array_add (parts, g_strdup (_("recorded outcomes")));

  switch (parts->len)
    {
    case 0:
      return NULL;
    case 1:
      return g_strdup (g_ptr_array_index (parts, 0));
    case 2:
      /* TRANSLATORS: a list of two things an event has: "3 participants and 2 leads" */
      return g_strdup_printf (_("%s and %s"), (char *) g_ptr_array_index (parts, 0),
                              (char *) g_ptr_array_index (parts, 1));
    default:
      /* TRANSLATORS: a list of three things an event has: "3 participants, 2 leads and
       * recorded outcomes" */
      return g_strdup_printf (_("%s, %s and %s"), (char *) g_ptr_array_index (parts, 0),
                              (char *) g_ptr_array_index (parts, 1),
                              (char *) g_ptr_array_index (parts, 2));
    }
}

/**
 * evt_people_event_has_records:
 * @store: an open store
 * @event_id: an event
 * @error: return location for a #GError
 *
 * Whether the event has participants, leads, outcomes or costs, which deleting
 * it would lose: the window asks before, the command line wants --force.
 *
 * Returns: %TRUE if it has; %FALSE if not, or on error (then @error is set)
 */
gboolean
evt_people_event_has_records (EvtStore  *store,
                              gint64     event_id,
                              GError   **error)
{
  EventRecords records = { 0, };
  gboolean ok;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);

  if (!evt_store_begin (store, error))
    return FALSE;
  ok = count_event_records (store, event_id, &records, error);
  if (!finish_read (store, ok, error))
    return FALSE;
  return records_exist (&records);
}

/**
 * evt_people_describe_event_records:
 * @store: an open store
 * @event_id: an event
 * @error: return location for a #GError
 *
 * Says what deleting the event would lose, for a confirmation.
 *
 * Returns: (transfer full) (nullable): e.g. "3 participants, 2 leads and recorded
 *   outcomes"; %NULL if nothing (or on error, then @error is set)
 */
char *
evt_people_describe_event_records (EvtStore  *store,
                                   gint64     event_id,
                                   GError   **error)
{
  EventRecords records = { 0, };
  gboolean ok;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  if (!evt_store_begin (store, error))
    return NULL;
  ok = count_event_records (store, event_id, &records, error);
  if (!finish_read (store, ok, error))
    return NULL;
  return describe_records (&records);
}

/**
 * evt_people_delete_event:
 * @store: an open store
 * @event_id: an event
 * @force: also delete its participants, leads, outcomes and costs
 * @error: return location for a #GError
 *
 * Deletes an event. If it has participants or outcomes and @force is %FALSE,
 * nothing is deleted and the error is %EVT_PEOPLE_ERROR_HAS_RECORDS, whose message
 * says what it has. With @force, they and the event go in one transaction.
 *
 * Returns: %TRUE if the event was deleted
 */
gboolean
evt_people_delete_event (EvtStore  *store,
                         gint64     event_id,
                         gboolean   force,
                         GError   **error)
{
  static const char * const sqls[] = {
    "DELETE FROM costs WHERE event_id = ?2",
    "DELETE FROM outcome_projects WHERE event_id = ?2",
    "DELETE FROM leads WHERE event_id = ?2",
    "DELETE FROM outcomes WHERE event_id = ?2",
    "DELETE FROM participations WHERE event_id = ?2",
    NULL
  };
  g_autoptr(EvtEvent) event = NULL;
  EventRecords records = { 0, };
  gboolean ok = FALSE;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);

  if (!evt_store_begin (store, error))
    return FALSE;

  event = evt_store_get_event (store, event_id, error);
  if (event == NULL)
    goto out;
  if (!count_event_records (store, event_id, &records, error))
    goto out;

  if (records_exist (&records) && !force)
    {
      g_autofree char *what = describe_records (&records);

      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_HAS_RECORDS,
                   _("“%s” has %s: deleting it would lose them"),
                   evt_event_get_title (event), what);
      goto out;
    }

  ok = run_statements (store, _("cannot delete the event"), sqls, 0, event_id, error) &&
       evt_store_delete_event (store, event_id, error);

out:
  return evt_people_finish_write (store, ok, error);
}

/* --- Snapshot of an event's records, for undo ----------------------------------- */

/* The tables that hold an event's records, in the order they are put back. */
static const char * const record_tables[] = {
  "outcomes", "outcome_projects", "costs", "participations", "leads",
};

typedef struct
{
  int     type;     /* SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL */
  gint64  integer;
  double  real;
  GBytes *bytes;    /* text (without its nul) or blob */
} RecordValue;

typedef struct
{
  const char  *table;      /* one of record_tables */
  char       **columns;    /* as the table has them now */
  guint        n_columns;
  GArray      *values;     /* RecordValue, n_columns per row */
} RecordTable;

struct _EvtEventRecords
{
  gatomicrefcount  ref_count;
  gint64           event_id;  /* the event they were taken from */
  GPtrArray       *tables;    /* RecordTable, those with rows */
};

G_DEFINE_BOXED_TYPE (EvtEventRecords, evt_event_records,
                     evt_event_records_ref, evt_event_records_unref)

static void
record_value_clear (RecordValue *value)
{
  g_clear_pointer (&value->bytes, g_bytes_unref);
}

static void
record_table_free (RecordTable *table)
{
  g_strfreev (table->columns);
  g_array_unref (table->values);
  g_free (table);
}

/**
 * evt_event_records_ref:
 * @records: records from evt_people_snapshot_event_records()
 *
 * Returns: (transfer full): @records
 */
EvtEventRecords *
evt_event_records_ref (EvtEventRecords *records)
{
  g_return_val_if_fail (records != NULL, NULL);

  g_atomic_ref_count_inc (&records->ref_count);
  return records;
}

/**
 * evt_event_records_unref:
 * @records: (transfer full): records from evt_people_snapshot_event_records()
 *
 * Frees @records when the last reference goes.
 */
void
evt_event_records_unref (EvtEventRecords *records)
{
  g_return_if_fail (records != NULL);

  if (!g_atomic_ref_count_dec (&records->ref_count))
    return;
  g_ptr_array_unref (records->tables);
  g_free (records);
}

/**
 * evt_event_records_is_empty:
 * @records: records from evt_people_snapshot_event_records()
 *
 * Returns: %TRUE if the event had no participations, outcome, projects, costs or leads
 */
gboolean
evt_event_records_is_empty (EvtEventRecords *records)
{
  g_return_val_if_fail (records != NULL, TRUE);

  return records->tables->len == 0;
}

static gboolean
snapshot_table (EvtStore         *store,
                const char       *table_name,
                gint64            event_id,
                EvtEventRecords  *records,
                GError          **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE event_id = ?1", table_name);
  g_autoptr(EvtPeopleStmt) stmt = evt_people_prepare (store, sql, error);
  RecordTable *table = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (table == NULL)
        {
          table = g_new0 (RecordTable, 1);
          table->table = table_name;
          table->n_columns = (guint) sqlite3_column_count (stmt);
          table->columns = g_new0 (char *, table->n_columns + 1);
          for (guint c = 0; c < table->n_columns; c++)
            table->columns[c] = g_strdup (sqlite3_column_name (stmt, (int) c));
          table->values = g_array_new (FALSE, TRUE, sizeof (RecordValue));
          g_array_set_clear_func (table->values, (GDestroyNotify) record_value_clear);
          g_ptr_array_add (records->tables, table);
        }

      for (guint c = 0; c < table->n_columns; c++)
        {
          RecordValue value = { sqlite3_column_type (stmt, (int) c), 0, 0, NULL };

          switch (value.type)
            {
            case SQLITE_INTEGER:
              value.integer = sqlite3_column_int64 (stmt, (int) c);
              break;
            case SQLITE_FLOAT:
              value.real = sqlite3_column_double (stmt, (int) c);
              break;
            case SQLITE_TEXT:
              value.bytes = g_bytes_new (sqlite3_column_text (stmt, (int) c),
                                         (gsize) sqlite3_column_bytes (stmt, (int) c));
              break;
            case SQLITE_BLOB:
              value.bytes = g_bytes_new (sqlite3_column_blob (stmt, (int) c),
                                         (gsize) sqlite3_column_bytes (stmt, (int) c));
              break;
            default:
              value.type = SQLITE_NULL;
              break;
            }
          g_array_append_val (table->values, value);
        }
    }

  if (rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (store, _("cannot read the event’s records"), error);
      return FALSE;
    }
  return TRUE;
}

/**
 * evt_people_snapshot_event_records:
 * @store: an open store
 * @event_id: an event
 * @error: return location for a #GError
 *
 * Takes a copy of what evt_people_delete_event() with force would delete with
 * the event: its participations, outcome, projects, costs and leads, every column
 * as stored (ids, states, notes, dates of change). Call it in the transaction of
 * the delete (see evt_store_begin()) so that nothing changes in between; give it
 * to evt_people_restore_event_records() to put them back.
 *
 * Returns: (transfer full): the records, maybe empty (see
 *   evt_event_records_is_empty()); %NULL on error, such as
 *   %EVT_PEOPLE_ERROR_NOT_FOUND for an unknown event
 */
EvtEventRecords *
evt_people_snapshot_event_records (EvtStore  *store,
                                   gint64     event_id,
                                   GError   **error)
{
  g_autoptr(EvtEventRecords) records = NULL;
  gboolean ok;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  records = g_new0 (EvtEventRecords, 1);
  g_atomic_ref_count_init (&records->ref_count);
  records->event_id = event_id;
  records->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) record_table_free);

  if (!evt_store_begin (store, error))
    return NULL;
  ok = evt_people_check_event (store, event_id, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (record_tables); i++)
    ok = snapshot_table (store, record_tables[i], event_id, records, error);
  if (!finish_read (store, ok, error))
    return NULL;
  return g_steal_pointer (&records);
}

static void
bind_value (sqlite3_stmt      *stmt,
            int                index,
            const RecordValue *value)
{
  gsize size = 0;
  gconstpointer data = value->bytes != NULL ? g_bytes_get_data (value->bytes, &size) : NULL;

  switch (value->type)
    {
    case SQLITE_INTEGER:
      sqlite3_bind_int64 (stmt, index, value->integer);
      break;
    case SQLITE_FLOAT:
      sqlite3_bind_double (stmt, index, value->real);
      break;
    case SQLITE_TEXT:
      sqlite3_bind_text (stmt, index, data != NULL ? data : "", (int) size, SQLITE_TRANSIENT);
      break;
    case SQLITE_BLOB:
      sqlite3_bind_blob (stmt, index, data, (int) size, SQLITE_TRANSIENT);
      break;
    default:
      sqlite3_bind_null (stmt, index);
      break;
    }
}

/* Whether the row @value points to in @table is still there. */
static gboolean
reference_exists (EvtStore          *store,
                  const char        *table,
                  const RecordValue *value,
                  gboolean          *exists,
                  GError           **error)
{
  g_autofree char *sql = NULL;

  if (value->type != SQLITE_INTEGER)
    {
      *exists = FALSE;
      return TRUE;
    }
  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", table);
  return row_exists (store, sql, value->integer, exists, error);
}

static gboolean
restore_table (EvtStore     *store,
               RecordTable  *table,
               gint64        event_id,
               GError      **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  guint n_rows = table->values->len / table->n_columns;

  g_string_append_printf (sql, "INSERT INTO %s (", table->table);
  for (guint c = 0; c < table->n_columns; c++)
    g_string_append_printf (sql, "%s\"%s\"", c > 0 ? ", " : "", table->columns[c]);
  g_string_append (sql, ") VALUES (");
  for (guint c = 0; c < table->n_columns; c++)
    g_string_append_printf (sql, "%s?%u", c > 0 ? ", " : "", c + 1);
  g_string_append (sql, ")");

  stmt = evt_people_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  for (guint r = 0; r < n_rows; r++)
    {
      const RecordValue *row = &g_array_index (table->values, RecordValue, r * table->n_columns);
      gboolean has_someone = FALSE;
      gboolean someone_column = FALSE;

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      for (guint c = 0; c < table->n_columns; c++)
        {
          const char *column = table->columns[c];
          const char *referenced = NULL;
          gboolean exists = TRUE;

          if (g_str_equal (column, "event_id"))
            {
              sqlite3_bind_int64 (stmt, (int) c + 1, event_id);
              continue;
            }

          if (g_str_equal (column, "id"))
            referenced = table->table;    /* the same id, unless taken since */
          else if (g_str_equal (column, "organisation_id"))
            referenced = "organisations"; /* gone since (merged): no longer linked */
          else if (g_str_equal (column, "person_id"))
            referenced = "people";
          if (referenced != NULL && row[c].type != SQLITE_NULL &&
              !reference_exists (store, referenced, &row[c], &exists, error))
            return FALSE;

          if (g_str_equal (column, "id"))
            exists = !exists;
          if (g_str_equal (column, "organisation_id") || g_str_equal (column, "person_id"))
            {
              someone_column = TRUE;
              has_someone |= exists && row[c].type != SQLITE_NULL;
            }
          if (exists)
            bind_value (stmt, (int) c + 1, &row[c]);
        }

      /* A participation needs someone: one whose organisation and person both went
       * (merged into others meanwhile) is not put back. */
      if (g_str_equal (table->table, "participations") && someone_column && !has_someone)
        continue;

      if (!evt_people_step_done (store, stmt, _("cannot restore the event’s records"), error))
        return FALSE;
    }
  return TRUE;
}

/**
 * evt_people_restore_event_records:
 * @store: an open store
 * @records: what evt_people_snapshot_event_records() took
 * @event_id: the event to give them to: the one they were taken from, or the same
 *   event inserted again (with a new id) after a delete
 * @error: return location for a #GError
 *
 * Puts back, in one transaction, the participations, outcome, projects, costs and
 * leads of @records as they were, under @event_id: the undo of a forced delete.
 * Participations and leads keep their ids unless another row took them meanwhile.
 * A link to an organisation or person deleted since is dropped (as deleting it
 * would have done). The event must have no records of its own: an outcome already
 * there is a constraint error, and nothing is restored.
 *
 * Returns: %TRUE if the records are back
 */
gboolean
evt_people_restore_event_records (EvtStore         *store,
                                  EvtEventRecords  *records,
                                  gint64            event_id,
                                  GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (EVT_IS_STORE (store), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  if (!evt_store_begin (store, error))
    return FALSE;
  ok = evt_people_check_event (store, event_id, error);
  for (guint i = 0; ok && i < records->tables->len; i++)
    ok = restore_table (store, g_ptr_array_index (records->tables, i), event_id, error);
  return evt_people_finish_write (store, ok, error);
}
