/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-people-csv.c: the member list, imported from and exported to CSV. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "evt-csv.h"
#include "evt-people-private.h"

/* In evt-people.c: the same work inside the caller's transaction. */
gboolean   evt_people_save_organisation_locked (EvtStore         *store,
                                                EvtOrganisation  *org,
                                                GError          **error);
gboolean   evt_people_save_person_locked       (EvtStore         *store,
                                                EvtPerson        *person,
                                                GError          **error);
EvtPerson *evt_people_lookup_person_locked     (EvtStore         *store,
                                                const char       *id_or_name,
                                                gint64            organisation_id,
                                                GError          **error);

typedef enum
{
  COLUMN_NAME,
  COLUMN_KIND,
  COLUMN_MEMBER,
  COLUMN_SECTOR,
  COLUMN_CITY,
  COLUMN_EMAIL,
  COLUMN_PHONE,
  COLUMN_CONTACT,
  COLUMN_JOB_TITLE,
  COLUMN_NOTES,
  N_COLUMNS
} Column;

/* Header names, normalised (evt_normalise_name()), as French and English
 * spreadsheets and CRMs write them. The first is the one export writes. */
static const char * const column_names[N_COLUMNS][16] = {
  [COLUMN_NAME] = { "name", "nom", "raison sociale", "organisation", "organization",
                    "societe", "entreprise", "company", "structure", "etablissement",
                    "nom de l entreprise", "nom de la structure", "nom de l organisation",
                    "denomination", NULL },
  [COLUMN_KIND] = { "kind", "type", "categorie", "category", "type de structure", "nature",
                    NULL },
  [COLUMN_MEMBER] = { "member", "adherent", "adherente", "membre", "adhesion", "cotisant",
                      "statut adherent", NULL },
  [COLUMN_SECTOR] = { "sector", "filiere", "filieres", "secteur", "cluster", "pole", NULL },
  [COLUMN_CITY] = { "city", "ville", "commune", "localite", "town", NULL },
  [COLUMN_EMAIL] = { "email", "courriel", "e mail", "mail", "adresse electronique",
                     "adresse mail", "adresse e mail", NULL },
  [COLUMN_PHONE] = { "phone", "telephone", "tel", "numero de telephone", "portable",
                     "mobile", NULL },
  [COLUMN_CONTACT] = { "contact", "nom du contact", "contact name", "interlocuteur",
                       "referent", NULL },
  [COLUMN_JOB_TITLE] = { "job title", "fonction", "poste", "titre", "title", NULL },
  [COLUMN_NOTES] = { "notes", "note", "remarques", "commentaire", "commentaires",
                     "comments", "observations", NULL },
};

/* What the header names in the export are, in this order. */
static const Column export_columns[] = {
  COLUMN_NAME, COLUMN_KIND, COLUMN_MEMBER, COLUMN_SECTOR, COLUMN_CITY, COLUMN_EMAIL,
  COLUMN_PHONE, COLUMN_NOTES,
};
static const char * const export_headers[] = {
  "Name", "Kind", "Member", "Sector", "City", "Email", "Phone", "Notes",
};
G_STATIC_ASSERT (G_N_ELEMENTS (export_columns) == G_N_ELEMENTS (export_headers));

/* Organisation kinds as people write them (normalised). */
static const struct
{
  const char          *word;
  EvtOrganisationKind  kind;
} kind_words[] = {
  { "entreprise", EVT_ORGANISATION_KIND_COMPANY },
  { "societe", EVT_ORGANISATION_KIND_COMPANY },
  { "pme", EVT_ORGANISATION_KIND_COMPANY },
  { "tpe", EVT_ORGANISATION_KIND_COMPANY },
  { "eti", EVT_ORGANISATION_KIND_COMPANY },
  { "ge", EVT_ORGANISATION_KIND_COMPANY },
  { "grand groupe", EVT_ORGANISATION_KIND_COMPANY },
  { "start up", EVT_ORGANISATION_KIND_COMPANY },
  { "startup", EVT_ORGANISATION_KIND_COMPANY },
  { "industriel", EVT_ORGANISATION_KIND_COMPANY },
  { "partenaire", EVT_ORGANISATION_KIND_PARTNER },
  { "laboratoire", EVT_ORGANISATION_KIND_LAB },
  { "labo", EVT_ORGANISATION_KIND_LAB },
  { "laboratory", EVT_ORGANISATION_KIND_LAB },
  { "recherche", EVT_ORGANISATION_KIND_LAB },
  { "centre de recherche", EVT_ORGANISATION_KIND_LAB },
  { "ecole", EVT_ORGANISATION_KIND_SCHOOL },
  { "universite", EVT_ORGANISATION_KIND_SCHOOL },
  { "university", EVT_ORGANISATION_KIND_SCHOOL },
  { "formation", EVT_ORGANISATION_KIND_SCHOOL },
  { "enseignement", EVT_ORGANISATION_KIND_SCHOOL },
  { "collectivite", EVT_ORGANISATION_KIND_INSTITUTION },
  { "institutionnel", EVT_ORGANISATION_KIND_INSTITUTION },
  { "administration", EVT_ORGANISATION_KIND_INSTITUTION },
};

/* The columns of the file: for each Column, the field index, or -1. */
typedef struct
{
  int      index[N_COLUMNS];
  guint    n_header_fields;
  char    *header[N_COLUMNS];   /* the header as written, for messages */
} Columns;

static void
columns_clear (Columns *columns)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&columns->header[i], g_free);
}

static int
match_column (const char *normalised,
              gboolean    prefix)
{
  int best = -1;
  gsize best_length = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    for (guint i = 0; column_names[c][i] != NULL; i++)
      {
        const char *name = column_names[c][i];
        gsize length = strlen (name);

        if (!prefix && strcmp (normalised, name) == 0)
          return c;
        /* "Adhérent (oui/non)" → "adherent oui non" starts with "adherent ". */
        if (prefix && length > best_length && strncmp (normalised, name, length) == 0 &&
            normalised[length] == ' ')
          {
            best = c;
            best_length = length;
          }
      }
  return best;
}

static gboolean
read_header (EvtCsv      *csv,
             Columns     *columns,
             char      ***ignored,
             GError     **error)
{
  g_autoptr(GStrvBuilder) ignored_builder = g_strv_builder_new ();
  const char * const *fields;
  guint n_fields;

  fields = evt_csv_get_record (csv, 0, &n_fields);
  columns->n_header_fields = n_fields;
  for (guint c = 0; c < N_COLUMNS; c++)
    columns->index[c] = -1;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *normalised = evt_normalise_name (fields[i]);
      int c;

      if (normalised[0] == '\0')
        continue;
      c = match_column (normalised, FALSE);
      if (c < 0)
        c = match_column (normalised, TRUE);
      if (c >= 0 && columns->index[c] < 0)
        {
          columns->index[c] = i;
          columns->header[c] = g_strstrip (g_strdup (fields[i]));
        }
      else
        g_strv_builder_add (ignored_builder, fields[i]);
    }

  *ignored = g_strv_builder_end (ignored_builder);

  if (columns->index[COLUMN_NAME] < 0)
    {
      g_autofree char *found = g_strjoinv (", ", (char **) fields);

      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                   _("Line %u: no column for the name of the organisations; the first "
                     "line must name the columns, e.g. “Nom;Ville;Filière;Adhérent” "
                     "(found: %s)"), evt_csv_get_line (csv, 0), found);
      return FALSE;
    }

  return TRUE;
}

/* The field of @column, stripped, or NULL if the file has no such column. "" for
 * an empty cell. */
static char *
field_of (const Columns      *columns,
          const char * const *fields,
          guint               n_fields,
          Column              column)
{
  int i = columns->index[column];

  if (i < 0)
    return NULL;
  if ((guint) i >= n_fields)
    return g_strdup ("");
  return g_strstrip (g_strdup (fields[i]));
}

static gboolean
parse_member (const char *text,
              gboolean   *member)
{
  static const char * const yes[] = { "oui", "yes", "y", "o", "1", "x", "true", "vrai",
                                      "adherent", "adherente", "membre", "member", NULL };
  static const char * const no[] = { "non", "no", "n", "0", "false", "faux", "",
                                     "non adherent", "non adherente", NULL };
  g_autofree char *normalised = evt_normalise_name (text);

  if (g_strv_contains (yes, normalised))
    *member = TRUE;
  else if (g_strv_contains (no, normalised))
    *member = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_kind (const char          *text,
            EvtOrganisationKind *kind)
{
  g_autofree char *normalised = evt_normalise_name (text);

  if (evt_organisation_kind_from_string (text, kind))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (kind_words); i++)
    if (strcmp (normalised, kind_words[i].word) == 0)
      {
        *kind = kind_words[i].kind;
        return TRUE;
      }
  for (guint k = 0; k < EVT_N_ORGANISATION_KINDS; k++)
    {
      g_autofree char *label = evt_normalise_name (evt_organisation_kind_get_label (k));

      if (strcmp (normalised, label) == 0)
        {
          *kind = k;
          return TRUE;
        }
    }
  return FALSE;
}

/* French names of the default sectors (normalised), whatever the language the
 * database was created in. */
static const struct
{
  const char *word;
  const char *slug;
} sector_words[] = {
  { "sante", "health" },
  { "aeronautique", "aerospace" },
  { "aerospatial", "aerospace" },
  { "aeronautique spatial defense", "aerospace" },
  { "aerospatial spatial defense", "aerospace" },
  { "spatial", "aerospace" },
  { "defense", "aerospace" },
  { "industrie du futur", "industry-future" },
  { "horlogerie", "watchmaking-luxury" },
  { "luxe", "watchmaking-luxury" },
  { "horlogerie luxe", "watchmaking-luxury" },
  { "microtechnique", "microtechnology" },
  { "microtechniques", "microtechnology" },
  { "microtechnologies", "microtechnology" },
};

/* A sector by slug, by name, by whole words of its name ("Innov’Health" for
 * "Health (Innov’Health)"), or by the French name of a default sector, case and
 * accents ignored. */
static const char *
match_sector (GPtrArray  *sectors,
              const char *text)
{
  g_autofree char *normalised = evt_normalise_name (text);
  g_autofree char *padded = g_strconcat (" ", normalised, " ", NULL);
  const char *found = NULL;

  for (guint w = 0; w < G_N_ELEMENTS (sector_words); w++)
    {
      if (strcmp (normalised, sector_words[w].word) != 0)
        continue;
      for (guint i = 0; i < sectors->len; i++)
        {
          EvtSector *sector = g_ptr_array_index (sectors, i);

          if (strcmp (sector->slug, sector_words[w].slug) == 0)
            return sector->slug;
        }
    }

  for (guint i = 0; i < sectors->len; i++)
    {
      EvtSector *sector = g_ptr_array_index (sectors, i);
      g_autofree char *slug = evt_normalise_name (sector->slug);
      g_autofree char *name = evt_normalise_name (sector->name);
      g_autofree char *padded_name = g_strconcat (" ", name, " ", NULL);

      if (strcmp (normalised, slug) == 0 || strcmp (normalised, name) == 0)
        return sector->slug;
      if (found == NULL && strstr (padded_name, padded) != NULL)
        found = sector->slug;
    }
  return found;
}

static char *
list_sectors (GPtrArray *sectors)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < sectors->len; i++)
    {
      EvtSector *sector = g_ptr_array_index (sectors, i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, sector->slug);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_problem (EvtImportReport *report,
             guint            line,
             char            *message)
{
  EvtImportProblem *problem = g_new0 (EvtImportProblem, 1);

  problem->line = line;
  problem->message = message;
  g_ptr_array_add (report->problems, problem);
}

static void
import_problem_free (EvtImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

/**
 * evt_import_report_free:
 * @report: (nullable): what an import did
 *
 * Frees @report.
 */
void
evt_import_report_free (EvtImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_clear_pointer (&report->ignored_columns, g_strfreev);
  g_free (report);
}

static gboolean
same_organisation (EvtOrganisation *a,
                   EvtOrganisation *b)
{
  return g_strcmp0 (evt_organisation_get_name (a), evt_organisation_get_name (b)) == 0 &&
         evt_organisation_get_kind (a) == evt_organisation_get_kind (b) &&
         evt_organisation_get_member (a) == evt_organisation_get_member (b) &&
         g_strcmp0 (evt_organisation_get_sector (a), evt_organisation_get_sector (b)) == 0 &&
         g_strcmp0 (evt_organisation_get_city (a), evt_organisation_get_city (b)) == 0 &&
         g_strcmp0 (evt_organisation_get_email (a), evt_organisation_get_email (b)) == 0 &&
         g_strcmp0 (evt_organisation_get_phone (a), evt_organisation_get_phone (b)) == 0 &&
         g_strcmp0 (evt_organisation_get_notes (a), evt_organisation_get_notes (b)) == 0;
}

/* Finds the organisation of that normalised name, inside the transaction. */
static EvtOrganisation *
find_by_name (EvtStore     *store,
              const char   *normalised,
              GError      **error)
{
  g_autoptr(EvtPeopleStmt) stmt = NULL;
  int rc;

  stmt = evt_people_prepare (store, "SELECT id FROM organisations WHERE normalised_name = ?",
                             error);
  if (stmt == NULL)
    return NULL;
  evt_people_bind_text (stmt, 1, normalised);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return evt_people_get_organisation (store, sqlite3_column_int64 (stmt, 0), error);
  if (rc != SQLITE_DONE)
    evt_store_set_sqlite_error (store, _("cannot read organisations"), error);
  else
    g_set_error_literal (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND, "");
  return NULL;
}

/* Whether @error is about the row (reported, the import goes on) rather than the
 * database (the import stops). */
static gboolean
is_row_error (const GError *error)
{
  return error->domain == EVT_PEOPLE_ERROR;
}

typedef enum
{
  ROW_ADDED,
  ROW_UPDATED,
  ROW_UNCHANGED,
} RowResult;

static gboolean
import_contact (EvtStore         *store,
                EvtImportReport  *report,
                EvtOrganisation  *org,
                const char       *contact,
                const char       *job_title,
                const char       *email,
                const char       *phone,
                GError          **error)
{
  g_autoptr(EvtPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *old_job_title = NULL;
  g_autofree char *old_email = NULL;
  g_autofree char *old_phone = NULL;

  person = evt_people_lookup_person_locked (store, contact, evt_organisation_get_id (org),
                                            &local_error);
  if (person == NULL)
    {
      if (!g_error_matches (local_error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      person = evt_person_new (contact);
      evt_person_set_organisation_id (person, evt_organisation_get_id (org));
      evt_person_set_job_title (person, job_title);
      evt_person_set_email (person, email);
      evt_person_set_phone (person, phone);
      if (!evt_people_save_person_locked (store, person, error))
        return FALSE;
      report->n_people_added++;
      return TRUE;
    }

  old_name = g_strdup (evt_person_get_name (person));
  old_job_title = g_strdup (evt_person_get_job_title (person));
  old_email = g_strdup (evt_person_get_email (person));
  old_phone = g_strdup (evt_person_get_phone (person));

  evt_person_set_name (person, contact);
  if (job_title != NULL)
    evt_person_set_job_title (person, job_title);
  if (email != NULL)
    evt_person_set_email (person, email);
  if (phone != NULL)
    evt_person_set_phone (person, phone);

  if (g_strcmp0 (old_name, evt_person_get_name (person)) == 0 &&
      g_strcmp0 (old_job_title, evt_person_get_job_title (person)) == 0 &&
      g_strcmp0 (old_email, evt_person_get_email (person)) == 0 &&
      g_strcmp0 (old_phone, evt_person_get_phone (person)) == 0)
    return TRUE;

  if (!evt_people_save_person_locked (store, person, error))
    return FALSE;
  report->n_people_updated++;
  return TRUE;
}

static gboolean
import_row (EvtStore            *store,
            EvtImportReport     *report,
            const Columns       *columns,
            GPtrArray           *sectors,
            const char * const  *fields,
            guint                n_fields,
            RowResult           *result,
            GError             **error)
{
  g_autofree char *name = field_of (columns, fields, n_fields, COLUMN_NAME);
  g_autofree char *kind_text = field_of (columns, fields, n_fields, COLUMN_KIND);
  g_autofree char *member_text = field_of (columns, fields, n_fields, COLUMN_MEMBER);
  g_autofree char *sector_text = field_of (columns, fields, n_fields, COLUMN_SECTOR);
  g_autofree char *city = field_of (columns, fields, n_fields, COLUMN_CITY);
  g_autofree char *email = field_of (columns, fields, n_fields, COLUMN_EMAIL);
  g_autofree char *phone = field_of (columns, fields, n_fields, COLUMN_PHONE);
  g_autofree char *contact = field_of (columns, fields, n_fields, COLUMN_CONTACT);
  g_autofree char *job_title = field_of (columns, fields, n_fields, COLUMN_JOB_TITLE);
  g_autofree char *notes = field_of (columns, fields, n_fields, COLUMN_NOTES);
  g_autofree char *normalised = evt_normalise_name (name);
  g_autoptr(EvtOrganisation) before = NULL;
  g_autoptr(EvtOrganisation) org = NULL;
  g_autoptr(GError) local_error = NULL;
  EvtOrganisationKind kind = EVT_ORGANISATION_KIND_COMPANY;
  gboolean member = FALSE;
  const char *sector = NULL;
  gboolean has_contact = contact != NULL && contact[0] != '\0';

  if (normalised[0] == '\0')
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                   _("%s: the name is empty"), columns->header[COLUMN_NAME]);
      return FALSE;
    }
  if (kind_text != NULL && kind_text[0] != '\0' && !parse_kind (kind_text, &kind))
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                   _("%s: “%s” is not a kind of organisation (expected company, partner, "
                     "lab, school or institution)"), columns->header[COLUMN_KIND], kind_text);
      return FALSE;
    }
  if (member_text != NULL && !parse_member (member_text, &member))
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                   _("%s: “%s” is neither yes nor no (expected oui, non, yes, no, 1, 0 "
                     "or x)"), columns->header[COLUMN_MEMBER], member_text);
      return FALSE;
    }
  if (sector_text != NULL && sector_text[0] != '\0')
    {
      sector = match_sector (sectors, sector_text);
      if (sector == NULL)
        {
          g_autofree char *known = list_sectors (sectors);

          g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                       _("%s: “%s” is not a known sector (known: %s)"),
                       columns->header[COLUMN_SECTOR], sector_text, known);
          return FALSE;
        }
    }

  before = find_by_name (store, normalised, &local_error);
  if (before == NULL && !g_error_matches (local_error, EVT_PEOPLE_ERROR,
                                          EVT_PEOPLE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  org = before != NULL ? evt_organisation_copy (before) : evt_organisation_new (name);

  /* A column in the file is the reference: its cell replaces what was stored,
   * an empty cell included. An empty kind keeps the kind; the name as first
   * written is kept ("BIOTECH FRANCHE-COMTE" does not rename
   * "Biotech Franche-Comté"). */
  if (kind_text != NULL && kind_text[0] != '\0')
    evt_organisation_set_kind (org, kind);
  if (member_text != NULL)
    evt_organisation_set_member (org, member);
  if (sector_text != NULL)
    evt_organisation_set_sector (org, sector);
  if (city != NULL)
    evt_organisation_set_city (org, city);
  if (notes != NULL)
    evt_organisation_set_notes (org, notes);
  /* With a contact on the row, the e-mail address and phone are the contact's. */
  if (!has_contact && email != NULL)
    evt_organisation_set_email (org, email);
  if (!has_contact && phone != NULL)
    evt_organisation_set_phone (org, phone);

  if (before == NULL || !same_organisation (before, org))
    {
      if (!evt_people_save_organisation_locked (store, org, error))
        return FALSE;
      *result = before == NULL ? ROW_ADDED : ROW_UPDATED;
    }
  else
    *result = ROW_UNCHANGED;

  if (has_contact &&
      !import_contact (store, report, org, contact, job_title, email, phone, error))
    return FALSE;

  return TRUE;
}

/* Checks the number of fields against the header. Extra empty fields (a trailing
 * separator) are harmless. */
static gboolean
check_field_count (const Columns       *columns,
                   const char * const  *fields,
                   guint                n_fields,
                   char                 separator,
                   GError             **error)
{
  g_autofree char *separator_name = NULL;

  if (n_fields < columns->n_header_fields)
    {
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u field instead of %u (a separator is missing, or a line "
                                "break is outside double quotes)",
                                "%u fields instead of %u (a separator is missing, or a line "
                                "break is outside double quotes)", n_fields),
                   n_fields, columns->n_header_fields);
      return FALSE;
    }

  for (guint i = columns->n_header_fields; i < n_fields; i++)
    {
      g_autofree char *field = g_strstrip (g_strdup (fields[i]));

      if (field[0] == '\0')
        continue;

      if (separator == '\t')
        separator_name = g_strdup (_("a tab"));
      else
        separator_name = g_strdup_printf ("“%c”", separator);
      g_set_error (error, EVT_PEOPLE_ERROR, EVT_PEOPLE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u field instead of %u (a field holds the separator, %s: "
                                "put it in double quotes)",
                                "%u fields instead of %u (a field holds the separator, %s: "
                                "put it in double quotes)", n_fields),
                   n_fields, columns->n_header_fields, separator_name);
      return FALSE;
    }
  return TRUE;
}

static EvtImportReport *
import_csv (EvtStore  *store,
            EvtCsv    *csv,
            GError   **error)
{
  g_autoptr(EvtImportReport) report = g_new0 (EvtImportReport, 1);
  g_autoptr(GPtrArray) sectors = NULL;
  Columns columns = { { 0, }, 0, { NULL, } };
  gboolean ok = FALSE;

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) import_problem_free);
  report->separator = evt_csv_get_separator (csv);
  report->encoding = evt_csv_get_encoding (csv);

  if (!read_header (csv, &columns, &report->ignored_columns, error))
    goto out;

  sectors = evt_store_list_sectors (store, error);
  if (sectors == NULL)
    goto out;

  if (!evt_store_begin (store, error))
    goto out;

  for (guint r = 1; r < evt_csv_get_n_records (csv); r++)
    {
      g_autoptr(GError) row_error = NULL;
      const char * const *fields;
      guint n_fields;
      guint line = evt_csv_get_line (csv, r);
      RowResult result = ROW_UNCHANGED;

      report->n_rows++;
      fields = evt_csv_get_record (csv, r, &n_fields);

      if (!check_field_count (&columns, fields, n_fields, report->separator, &row_error))
        {
          add_problem (report, line, g_strdup_printf (_("Line %u: %s"), line,
                                                      row_error->message));
          continue;
        }

      /* Each row in a savepoint: a bad one leaves nothing behind. */
      if (!evt_store_begin (store, error))
        {
          evt_store_rollback (store);
          goto out;
        }
      if (!import_row (store, report, &columns, sectors, fields, n_fields, &result,
                       &row_error))
        {
          evt_store_rollback (store);  /* the row's savepoint */
          if (!is_row_error (row_error))
            {
              evt_store_rollback (store);  /* the whole import */
              g_propagate_prefixed_error (error, g_steal_pointer (&row_error),
                                          _("Line %u: "), line);
              goto out;
            }
          add_problem (report, line, g_strdup_printf (_("Line %u: %s"), line,
                                                      row_error->message));
          continue;
        }
      if (!evt_store_commit (store, error))
        {
          evt_store_rollback (store);
          goto out;
        }

      switch (result)
        {
        case ROW_ADDED:
          report->n_added++;
          break;
        case ROW_UPDATED:
          report->n_updated++;
          break;
        case ROW_UNCHANGED:
        default:
          report->n_unchanged++;
          break;
        }
    }

  evt_store_mark_changed (store);
  ok = evt_store_commit (store, error);

out:
  columns_clear (&columns);
  return ok ? g_steal_pointer (&report) : NULL;
}

/**
 * evt_people_import_organisations_data:
 * @store: an open store
 * @data: the bytes of a CSV file
 * @length: the length of @data
 * @error: return location for a #GError
 *
 * Imports a member list (see evt_people_import_organisations()).
 *
 * Returns: (transfer full) (nullable): what was done, or %NULL if nothing was
 */
EvtImportReport *
evt_people_import_organisations_data (EvtStore    *store,
                                      const char  *data,
                                      gsize        length,
                                      GError     **error)
{
  g_autoptr(EvtCsv) csv = NULL;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  csv = evt_csv_parse (data, length, error);
  if (csv == NULL)
    return NULL;
  return import_csv (store, csv, error);
}

/**
 * evt_people_import_organisations:
 * @store: an open store
 * @path: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Imports a member list as spreadsheets export it (see #EvtCsv): the first line
 * names the columns, in French or English (Nom/Name, Type/Kind,
 * Adhérent/Member, Filière/Sector, Ville/City, Courriel/Email, Téléphone/Phone,
 * Contact, Fonction/Job title, Notes); other columns are ignored and listed in the
 * report. An organisation already there under the same normalised name is
 * updated, not duplicated; a Contact adds or updates a person of the organisation,
 * who then holds the e-mail address and phone of the row.
 *
 * A row that cannot be imported (wrong number of fields, no name, a member
 * value that is not yes or no, an unknown sector or kind, a bad e-mail address)
 * is left out and reported with its line; the others are imported, all in one
 * transaction. A file that is not CSV text, is empty, or has no name column is
 * refused with nothing imported.
 *
 * Returns: (transfer full) (nullable): what was done, or %NULL if nothing was
 */
EvtImportReport *
evt_people_import_organisations (EvtStore      *store,
                                 const char    *path,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(EvtCsv) csv = NULL;
  g_autoptr(GError) local_error = NULL;
  EvtImportReport *report;

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  csv = evt_csv_load (path, cancellable, error);
  if (csv == NULL)
    return NULL;

  report = import_csv (store, csv, &local_error);
  if (report == NULL)
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
  return report;
}

/**
 * evt_people_export_organisations:
 * @store: an open store
 * @separator: the field separator, ';' for French spreadsheets, ',' otherwise
 * @bom: start with a UTF-8 byte order mark, which Excel needs to read accents
 * @error: return location for a #GError
 *
 * Writes every organisation as CSV, with the columns Name, Kind, Member (yes/no),
 * Sector (slug), City, Email, Phone and Notes, which evt_people_import_organisations()
 * reads back.
 *
 * Returns: (transfer full) (nullable): the CSV text, or %NULL on error
 */
char *
evt_people_export_organisations (EvtStore  *store,
                                 char       separator,
                                 gboolean   bom,
                                 GError   **error)
{
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GString) out = g_string_new (bom ? "\xEF\xBB\xBF" : "");

  g_return_val_if_fail (EVT_IS_STORE (store), NULL);

  orgs = evt_people_list_organisations (store, NULL, FALSE, error);
  if (orgs == NULL)
    return NULL;

  evt_csv_append_record (out, export_headers, G_N_ELEMENTS (export_headers), separator);
  for (guint i = 0; i < orgs->len; i++)
    {
      EvtOrganisation *org = g_ptr_array_index (orgs, i);
      const char *fields[G_N_ELEMENTS (export_columns)];

      for (guint c = 0; c < G_N_ELEMENTS (export_columns); c++)
        {
          switch (export_columns[c])
            {
            case COLUMN_NAME:
              fields[c] = evt_organisation_get_name (org);
              break;
            case COLUMN_KIND:
              fields[c] = evt_organisation_kind_to_string (evt_organisation_get_kind (org));
              break;
            case COLUMN_MEMBER:
              fields[c] = evt_organisation_get_member (org) ? "yes" : "no";
              break;
            case COLUMN_SECTOR:
              fields[c] = evt_organisation_get_sector (org);
              break;
            case COLUMN_CITY:
              fields[c] = evt_organisation_get_city (org);
              break;
            case COLUMN_EMAIL:
              fields[c] = evt_organisation_get_email (org);
              break;
            case COLUMN_PHONE:
              fields[c] = evt_organisation_get_phone (org);
              break;
            case COLUMN_NOTES:
              fields[c] = evt_organisation_get_notes (org);
              break;
            case COLUMN_CONTACT:
            case COLUMN_JOB_TITLE:
            case N_COLUMNS:
            default:
              fields[c] = NULL;
            }
        }
      evt_csv_append_record (out, fields, G_N_ELEMENTS (fields), separator);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
