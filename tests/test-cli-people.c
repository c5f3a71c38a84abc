/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-people.c: `eventail org`, `participant`, `outcome`, `followups` and
 * `delete --force`, run as the real binary on a temporary database (suite core). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "evt-cli.h"

typedef struct
{
  char  *dir;
  char  *db;
  char **envp;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_free (Result *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static const char *
eventail_bin (void)
{
  static char *path;

  if (path == NULL)
    {
      const char *env = g_getenv ("EVENTAIL_BIN");

      path = env != NULL ? g_strdup (env)
                         : g_test_build_filename (G_TEST_BUILT, "..", "eventail", NULL);
    }
  return path;
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "members", name, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = NULL;

  f->dir = g_dir_make_tmp ("eventail-cli-people-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "events.db", NULL);
  xdg = g_build_filename (f->dir, "xdg", NULL);

  f->envp = g_get_environ ();
  f->envp = g_environ_setenv (f->envp, "EVENTAIL_DATABASE", f->db, TRUE);
  f->envp = g_environ_setenv (f->envp, "XDG_DATA_HOME", xdg, TRUE);
  f->envp = g_environ_setenv (f->envp, "LC_ALL", "C.UTF-8", TRUE);
  f->envp = g_environ_setenv (f->envp, "TZ", "Europe/Paris", TRUE);
  /* A critical in the binary is a bug: make it abort, so the exit status shows it. */
  f->envp = g_environ_setenv (f->envp, "G_DEBUG", "fatal-criticals", TRUE);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_strfreev (f->envp);
}

/* Runs `eventail ARGS…` and checks it did not crash nor trip a sanitizer. */
static Result *
run_argv (Fixture            *f,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Result *result = g_new0 (Result, 1);
  int wait_status;

  g_ptr_array_add (argv, (gpointer) eventail_bin ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, f->envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);

  if (g_spawn_check_wait_status (wait_status, &error))
    result->status = 0;
  else
    {
      g_autofree char *command = g_strjoinv (" ", (char **) args);

      if (!g_error_matches (error, G_SPAWN_EXIT_ERROR, error->code))
        g_error ("eventail %s: %s\n%s", command, error->message, result->err);
      result->status = error->code;
    }

  g_assert_null (strstr (result->err, "runtime error:"));
  g_assert_null (strstr (result->err, "Sanitizer"));
  g_assert_null (strstr (result->err, "CRITICAL"));
  return result;
}

#define RUN(f, ...) run_argv ((f), (const char *[]) { __VA_ARGS__, NULL })

static void
assert_status (Result     *result,
               int         status,
               const char *err_words)
{
  if (result->status != status)
    g_error ("exit status %d instead of %d\nstdout: %s\nstderr: %s", result->status, status,
             result->out, result->err);
  if (err_words != NULL && strstr (result->err, err_words) == NULL)
    g_error ("stderr does not say “%s”:\n%s", err_words, result->err);
  if (status == EVT_CLI_USAGE || status == EVT_CLI_FAILURE)
    /* One error line, "eventail COMMAND: …", as the other subcommands write it. */
    g_assert_true (g_str_has_prefix (result->err, "eventail "));
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, text, -1, &error))
    g_error ("not JSON (%s):\n%s", error->message, text);
  return json_node_copy (json_parser_get_root (parser));
}

/* The database's bytes (and its write-ahead log's, if any), to show that a command that
 * failed changed nothing. */
static char *
db_hash (Fixture *f)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (f->db, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (path, &contents, &length, NULL))
        g_checksum_update (checksum, (const guchar *) contents, (gssize) length);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* Runs a command that must fail with @status and @err_words, and change nothing. */
#define RUN_FAILS(f, status, err_words, ...) \
  G_STMT_START { \
    g_autofree char *before_ = db_hash (f); \
    g_autoptr(Result) failed_ = RUN (f, __VA_ARGS__); \
    g_autofree char *after_ = NULL; \
    assert_status (failed_, status, err_words); \
    after_ = db_hash (f); \
    g_assert_cmpstr (after_, ==, before_); \
  } G_STMT_END

/* Adds an event and returns its uid. */
static char *
add_event (Fixture    *f,
           const char *title,
           const char *dates)
{
  g_autoptr(Result) r = RUN (f, "add", "--title", title, "--start", dates, "--kind",
                             "trade-show", "--budget", "6000");

  assert_status (r, 0, NULL);
  return g_strstrip (g_strdup (r->out));
}

/* --- org ---------------------------------------------------------------------------------- */

static void
test_org_import (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *fr = fixture_path ("members-fr-bom.csv");
  g_autofree char *bad = fixture_path ("members-bad-rows.csv");
  g_autofree char *xlsx = fixture_path ("members.xlsx");
  g_autofree char *empty = fixture_path ("empty.csv");
  g_autofree char *binary = fixture_path ("binary.csv");
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *orgs;

  r = RUN (f, "org", "import", fr);
  assert_status (r, 0, "columns not imported: Code NAF");
  g_assert_nonnull (strstr (r->out, "members-fr-bom.csv: 4 organisations added\n"));
  g_assert_nonnull (strstr (r->out, "members-fr-bom.csv: 0 organisations updated\n"));
  g_assert_nonnull (strstr (r->out, "members-fr-bom.csv: 0 organisations unchanged\n"));
  g_clear_pointer (&r, result_free);

  /* Again: nothing new. */
  r = RUN (f, "org", "import", fr);
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, ": 0 organisations added\n"));
  g_assert_nonnull (strstr (r->out, ": 4 organisations unchanged\n"));
  g_assert_null (strstr (r->out, "left out"));
  g_clear_pointer (&r, result_free);

  /* Bad rows: reported with their lines, the good ones imported, exit 0. */
  r = RUN (f, "org", "import", bad);
  assert_status (r, 0, "Line 3: 3 fields instead of 5");
  g_assert_nonnull (strstr (r->err, "Line 5: Adhérent: “peut-être” is neither yes nor no"));
  g_assert_nonnull (strstr (r->err, "Line 6: Filière: “Textile” is not a known sector"));
  g_assert_nonnull (strstr (r->out, "3 organisations added"));
  g_assert_nonnull (strstr (r->out, "6 rows left out"));
  g_clear_pointer (&r, result_free);

  /* Whole files refused: exit 1, a message that says what to do, nothing imported. */
  r = RUN (f, "org", "import", xlsx);
  assert_status (r, 1, "save it as “CSV”");
  g_assert_cmpstr (r->out, ==, "");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "org", "import", empty);
  assert_status (r, 1, "empty");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "org", "import", binary);
  assert_status (r, 1, "binary");
  g_clear_pointer (&r, result_free);

  r = RUN (f, "org", "list", "--json");
  assert_status (r, 0, NULL);
  root = parse_json (r->out);
  orgs = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (orgs), ==, 7);
  {
    JsonObject *first = json_array_get_object_element (orgs, 0);

    g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Aéro Pièces SAS");
    g_assert_true (json_object_get_boolean_member (first, "member"));
    g_assert_cmpstr (json_object_get_string_member (first, "sector"), ==, "aerospace");
    g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "company");
    g_assert_true (json_object_get_null_member (first, "email"));
  }
  g_clear_pointer (&r, result_free);

  r = RUN (f, "org", "list", "--members", "--search", "SANTE");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "Alpha Santé"));
  g_assert_null (strstr (r->out, "FEMTO"));
  g_clear_pointer (&r, result_free);

  /* Usage errors: exit 2. */
  r = RUN (f, "org", "import");
  assert_status (r, 2, "FILE.csv is missing");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "org");
  assert_status (r, 2, "an action is missing");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "org", "export");
  assert_status (r, 2, "“export” is not an action");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "org", "list", "--csv", "--json");
  assert_status (r, 2, "choose one");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "org", "--help");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "import"));
  g_clear_pointer (&r, result_free);
  r = RUN (f, "org", "import", "--help");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "Adhérent/Member"));
}

/* CSV lines without their first field. */
static char *
without_ids (const char *csv)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *comma = strchr (lines[i], ',');

      g_string_append_printf (out, "%s\n", comma != NULL ? comma + 1 : lines[i]);
    }
  return g_string_free (out, FALSE);
}

static void
test_org_csv_roundtrip (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *win = fixture_path ("members-cp1252.csv");
  g_autofree char *csv_path = g_build_filename (f->dir, "list.csv", NULL);
  g_autofree char *other_db = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(Result) r = NULL;
  g_autoptr(Result) list = NULL;
  g_autoptr(Result) other_list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *other_ids = NULL;

  r = RUN (f, "org", "import", win);
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);

  list = RUN (f, "org", "list", "--csv");
  assert_status (list, 0, NULL);
  g_assert_true (g_str_has_prefix (list->out,
                                   "id,name,kind,member,sector,city,email,phone,notes,events\r\n"));
  g_assert_nonnull (strstr (list->out, "\"Précis’Usinage, Frères & Cie\",company,no,"
                                       "microtechnology,Besançon"));
  g_assert_true (g_file_set_contents (csv_path, list->out, -1, &error));

  /* What `org list --csv` writes, `org import` reads back as the same list. */
  r = RUN (f, "org", "import", "--database", other_db, csv_path);
  assert_status (r, 0, "columns not imported: id, events");
  g_assert_nonnull (strstr (r->out, "3 organisations added"));
  other_list = RUN (f, "org", "list", "--csv", "--database", other_db);
  assert_status (other_list, 0, NULL);
  /* The ids are the new database's own. */
  other_ids = without_ids (other_list->out);
  ids = without_ids (list->out);
  g_assert_cmpstr (other_ids, ==, ids);
}

/* --- participant ----------------------------------------------------------------------------- */

static void
test_participants (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *fr = fixture_path ("members-fr-bom.csv");
  g_autofree char *uid = NULL;
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *parts;

  r = RUN (f, "org", "import", fr);
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);
  uid = add_event (f, "Micronora", "2022-09-27..2022-09-30");

  r = RUN (f, "participant", "add", uid, "--org", "BIOTECH franche-comte", "--role", "exhibitor",
           "--state", "confirmed");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "Biotech Franche-Comté takes part in “Micronora” as "
                                    "exhibitor (confirmed)"));
  g_clear_pointer (&r, result_free);

  /* A staff member who is not in the directory yet is added to it. */
  r = RUN (f, "participant", "add", uid, "--person", "Léa Robert", "--role", "staff",
           "--state", "registered");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "“Léa Robert” added to the people"));
  g_clear_pointer (&r, result_free);
  r = RUN (f, "participant", "add", uid, "--person", "Paul Girard", "--role", "staff",
           "--state", "no-show", "--note", "malade");
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);
  r = RUN (f, "participant", "add", uid, "--person", "Marie Dupont", "--org",
           "Aéro Pièces SAS", "--role", "speaker", "--state", "invited");
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);

  /* Adding someone again changes their state, and keeps the note. */
  r = RUN (f, "participant", "add", uid, "--person", "lea robert", "--role", "staff",
           "--state", "attended");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "now staff (attended)"));
  g_assert_null (strstr (r->out, "added to the people"));
  g_clear_pointer (&r, result_free);
  r = RUN (f, "participant", "add", uid, "--person", "Paul Girard", "--role", "staff",
           "--state", "cancelled");
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);

  r = RUN (f, "participant", "list", uid);
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "4 participants: 1 invited, 1 confirmed, 1 attended, "
                                    "1 cancelled"));
  g_assert_nonnull (strstr (r->out, "Marie Dupont (Aéro Pièces SAS)"));
  g_clear_pointer (&r, result_free);

  r = RUN (f, "participant", "list", uid, "--json");
  assert_status (r, 0, NULL);
  root = parse_json (r->out);
  parts = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (parts), ==, 4);
  {
    JsonObject *lea = json_array_get_object_element (parts, 0);
    JsonObject *paul = json_array_get_object_element (parts, 1);
    JsonObject *biotech = json_array_get_object_element (parts, 2);

    g_assert_cmpstr (json_object_get_string_member (lea, "person"), ==, "Léa Robert");
    g_assert_cmpstr (json_object_get_string_member (lea, "role"), ==, "staff");
    g_assert_cmpstr (json_object_get_string_member (lea, "state"), ==, "attended");
    g_assert_true (json_object_get_null_member (lea, "organisation"));
    g_assert_cmpstr (json_object_get_string_member (paul, "note"), ==, "malade");
    g_assert_cmpstr (json_object_get_string_member (paul, "state"), ==, "cancelled");
    g_assert_cmpstr (json_object_get_string_member (biotech, "organisation"), ==,
                     "Biotech Franche-Comté");
    g_assert_true (json_object_get_boolean_member (biotech, "member"));
  }
  g_clear_pointer (&r, result_free);

  r = RUN (f, "participant", "list", uid, "--role", "staff", "--csv");
  assert_status (r, 0, NULL);
  g_assert_cmpstr (r->out, ==, "id,role,state,organisation,person,member,note\r\n"
                               "2,staff,attended,,Léa Robert,no,\r\n"
                               "3,staff,cancelled,,Paul Girard,no,malade\r\n");
  g_clear_pointer (&r, result_free);

  /* Mistakes: a usage error (2) for what was typed wrong, a failure (1) for what is not
   * there. */
  r = RUN (f, "participant", "add", uid, "--org", "Biotech Franche-Comté", "--role",
           "exposant", "--state", "confirmed");
  assert_status (r, 2, "--role: “exposant” is not a role (expected one of: staff, exhibitor");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "participant", "add", uid, "--org", "Biotech Franche-Comté", "--role",
           "exhibitor");
  assert_status (r, 2, "--state is missing");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "participant", "add", uid, "--role", "exhibitor", "--state", "invited");
  assert_status (r, 2, "--org or --person is missing");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "participant", "add", uid, "--org", "Biotech", "--role", "exhibitor", "--state",
           "invited");
  assert_status (r, 1, "did you mean “Biotech Franche-Comté”");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "participant", "add", "no-such-event", "--org", "Biotech Franche-Comté", "--role",
           "exhibitor", "--state", "invited");
  assert_status (r, 1, "no-such-event");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "participant", "list");
  assert_status (r, 2, "EVENT is missing");
  g_clear_pointer (&r, result_free);

  /* Remove. */
  r = RUN (f, "participant", "remove", uid, "--person", "Paul Girard");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "Paul Girard removed from “Micronora”"));
  g_clear_pointer (&r, result_free);
  r = RUN (f, "participant", "remove", uid, "--person", "Paul Girard");
  assert_status (r, 1, "No such participant");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "participant", "remove", uid, "--org", "Biotech Franche-Comté");
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);
  r = RUN (f, "participant", "remove", uid);
  assert_status (r, 2, "--org, --person or --id is missing");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "participant", "list", uid);
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "2 participants"));
}

/* --- person and org merge ------------------------------------------------------------------ */

static gint64
json_int (JsonNode   *root,
          guint       index,
          const char *member)
{
  JsonObject *object = json_array_get_object_element (json_node_get_array (root), index);

  return json_object_get_int_member (object, member);
}

static void
test_person (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *fr = fixture_path ("members-fr-bom.csv");
  g_autofree char *uid = NULL;
  g_autofree char *lea_id = NULL;
  g_autofree char *dup_id = NULL;
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *lea;

  r = RUN (f, "org", "import", fr);
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);
  uid = add_event (f, "Micronora", "2022-09-27..2022-09-30");

  r = RUN (f, "person", "add", "Léa Robert", "--org", "biotech franche-comte", "--job-title",
           "Chargée d’affaires", "--email", "lea.robert@example.com");
  assert_status (r, 0, NULL);
  lea_id = g_strstrip (g_strdup (r->out));
  g_assert_true (g_ascii_isdigit (lea_id[0]));
  g_clear_pointer (&r, result_free);
  r = RUN (f, "person", "add", "Paul Girard");
  assert_status (r, 0, NULL);
  g_assert_cmpstr (r->err, ==, "");
  g_clear_pointer (&r, result_free);

  /* The same name again: added (two people may share a name), with a warning. */
  r = RUN (f, "person", "add", "LEA  robert", "--phone", "03 81 00 00 02", "--email",
           "lea@perso.example");
  assert_status (r, 0, "already in the directory");
  g_assert_nonnull (strstr (r->err, "eventail person merge"));
  dup_id = g_strstrip (g_strdup (r->out));
  g_clear_pointer (&r, result_free);

  r = RUN (f, "person", "list");
  assert_status (r, 0, NULL);
  g_assert_true (g_str_has_prefix (r->out, "ID  EVENTS  ORGANISATION"));
  g_assert_nonnull (strstr (r->out, "Chargée d’affaires"));
  g_assert_nonnull (strstr (r->out, "Paul Girard\n"));
  g_clear_pointer (&r, result_free);

  r = RUN (f, "person", "list", "--org", "Biotech Franche-Comté", "--json");
  assert_status (r, 0, NULL);
  root = parse_json (r->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  lea = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (lea, "name"), ==, "Léa Robert");
  g_assert_cmpstr (json_object_get_string_member (lea, "organisation"), ==,
                   "Biotech Franche-Comté");
  g_assert_cmpstr (json_object_get_string_member (lea, "email"), ==, "lea.robert@example.com");
  g_assert_true (json_object_get_null_member (lea, "phone"));
  g_assert_cmpint (json_object_get_int_member (lea, "events"), ==, 0);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  r = RUN (f, "person", "list", "--search", "lea", "--csv");
  assert_status (r, 0, NULL);
  g_assert_true (g_str_has_prefix (r->out,
                                   "id,name,organisation,job_title,email,phone,events\r\n"));
  g_assert_nonnull (strstr (r->out, ",Léa Robert,Biotech Franche-Comté,Chargée d’affaires,"
                                    "lea.robert@example.com,,0\r\n"));
  g_assert_nonnull (strstr (r->out, ",LEA  robert,,,lea@perso.example,03 81 00 00 02,0\r\n"));
  g_assert_null (strstr (r->out, "Paul"));
  g_clear_pointer (&r, result_free);

  /* "Name (Organisation)", as `participant list` shows people, tells them apart. */
  r = RUN (f, "person", "edit", "Léa Robert (Biotech Franche-Comté)", "--phone", "03 81 00 00 01");
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);
  r = RUN (f, "person", "list", "--org", "Biotech Franche-Comté", "--csv");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, ",Léa Robert,Biotech Franche-Comté,Chargée d’affaires,"
                                    "lea.robert@example.com,03 81 00 00 01,0\r\n"));
  g_clear_pointer (&r, result_free);

  /* Edit: only what is given changes; an empty text clears, --org none unlinks. */
  r = RUN (f, "person", "edit", "Paul Girard", "--job-title", "Chef de projet", "--org",
           "Aéro Pièces SAS");
  assert_status (r, 0, NULL);
  g_assert_cmpstr (r->out, ==, "");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "person", "edit", lea_id, "--email", "", "--org", "none");
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);
  r = RUN (f, "person", "list", "--json");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "\"job_title\": \"Chef de projet\""));
  g_assert_nonnull (strstr (r->out, "\"organisation\": \"Aéro Pièces SAS\""));
  g_assert_null (strstr (r->out, "lea.robert@example.com"));
  g_assert_nonnull (strstr (r->out, "\"job_title\": \"Chargée d’affaires\""));
  g_clear_pointer (&r, result_free);

  /* Mistakes: 2 for what was typed wrong, 1 for what is not there; nothing changes. */
  RUN_FAILS (f, 2, "an action is missing (expected one of: list, add, edit, remove, merge)",
             "person");
  RUN_FAILS (f, 2, "“delete” is not an action", "person", "delete", "Paul Girard");
  RUN_FAILS (f, 2, "nothing to change", "person", "edit", "Paul Girard");
  RUN_FAILS (f, 2, "NAME is missing", "person", "add");
  RUN_FAILS (f, 2, "a person needs a name", "person", "add", " ");
  RUN_FAILS (f, 2, "choose one", "person", "list", "--csv", "--json");
  RUN_FAILS (f, 2, "DUPLICATE is missing", "person", "merge", "Paul Girard");
  RUN_FAILS (f, 1, "No organisation named “Nulle Part”", "person", "add", "Jean Neuf", "--org",
             "Nulle Part");
  RUN_FAILS (f, 1, "No organisation named", "person", "list", "--org", "Nulle Part");
  RUN_FAILS (f, 1, "No person named “Nobody Atall”", "person", "edit", "Nobody Atall", "--phone",
             "1");
  RUN_FAILS (f, 1, "Several people", "person", "edit", "Léa Robert", "--phone", "1");
  RUN_FAILS (f, 1, "No organisation named “Nulle Part”", "person", "edit",
             "Léa Robert (Nulle Part)", "--phone", "1");
  RUN_FAILS (f, 1, NULL, "person", "merge", lea_id, lea_id);

  /* Someone who took part in an event stays, until merged. */
  r = RUN (f, "participant", "add", uid, "--person", dup_id, "--role", "staff", "--state",
           "attended");
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);
  RUN_FAILS (f, 1, "takes part in events", "person", "remove", dup_id);

  r = RUN (f, "person", "merge", lea_id, dup_id);
  assert_status (r, 0, NULL);
  g_assert_cmpstr (r->out, ==, "“LEA  robert” merged into “Léa Robert”\n");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "person", "list", "--search", "robert", "--json");
  assert_status (r, 0, NULL);
  root = parse_json (r->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  g_assert_cmpint (json_int (root, 0, "events"), ==, 1);
  g_assert_cmpint (json_int (root, 0, "id"), ==, g_ascii_strtoll (lea_id, NULL, 10));
  /* Its own phone number wins over the duplicate's; the e-mail address it lacked comes
   * with the duplicate. */
  g_assert_nonnull (strstr (r->out, "\"phone\": \"03 81 00 00 01\""));
  g_assert_nonnull (strstr (r->out, "\"email\": \"lea@perso.example\""));
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);
  r = RUN (f, "participant", "list", uid, "--csv");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, ",staff,attended,,Léa Robert,no,"));
  g_clear_pointer (&r, result_free);
  RUN_FAILS (f, 1, "No person", "person", "remove", dup_id);

  r = RUN (f, "person", "remove", "Paul Girard");
  assert_status (r, 0, NULL);
  g_assert_cmpstr (r->out, ==, "“Paul Girard” removed from the directory\n");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "person", "list", "--csv");
  assert_status (r, 0, NULL);
  g_assert_null (strstr (r->out, "Paul Girard"));
  g_clear_pointer (&r, result_free);

  /* Help. */
  r = RUN (f, "person", "--help");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "eventail person ACTION"));
  g_assert_nonnull (strstr (r->out, "  merge "));
  g_clear_pointer (&r, result_free);
  r = RUN (f, "person", "list", "--help");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "--search"));
  g_assert_nonnull (strstr (r->out, "--org"));
  g_assert_nonnull (strstr (r->out, "--json"));
  g_clear_pointer (&r, result_free);
  r = RUN (f, "help");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "\n  person "));
}

/* `org merge`, `org edit` and `org remove`. */
static void
test_org_merge (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *fr = fixture_path ("members-fr-bom.csv");
  g_autofree char *uid = NULL;
  g_autofree char *dup_id = NULL;
  g_autoptr(Result) r = NULL;

  r = RUN (f, "org", "import", fr);
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);
  uid = add_event (f, "Micronora", "2022-09-27..2022-09-30");
  r = RUN (f, "org", "add", "Biotech FC");
  assert_status (r, 0, NULL);
  dup_id = g_strstrip (g_strdup (r->out));
  g_clear_pointer (&r, result_free);
  r = RUN (f, "participant", "add", uid, "--org", dup_id, "--role", "visitor", "--state",
           "attended");
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);

  RUN_FAILS (f, 2, "DUPLICATE is missing", "org", "merge", "Biotech Franche-Comté");
  RUN_FAILS (f, 1, "No organisation named", "org", "merge", "Biotech Franche-Comté", "Nope");
  RUN_FAILS (f, 1, NULL, "org", "merge", dup_id, dup_id);

  r = RUN (f, "org", "merge", "Biotech Franche-Comté", dup_id);
  assert_status (r, 0, NULL);
  g_assert_cmpstr (r->out, ==, "“Biotech FC” merged into “Biotech Franche-Comté”\n");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "participant", "list", uid, "--csv");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, ",visitor,attended,Biotech Franche-Comté,,yes,"));
  g_clear_pointer (&r, result_free);
  r = RUN (f, "org", "list", "--csv");
  assert_status (r, 0, NULL);
  g_assert_null (strstr (r->out, "Biotech FC,"));
  g_clear_pointer (&r, result_free);

  /* Edit: only what is given changes; an empty text clears. */
  r = RUN (f, "org", "edit", "Aéro Pièces SAS", "--not-member", "--city", "Blagnac", "--sector",
           "", "--notes", "Rachat en 2022", "--kind", "partner");
  assert_status (r, 0, NULL);
  g_assert_cmpstr (r->out, ==, "");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "org", "list", "--csv", "--search", "aero");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, ",Aéro Pièces SAS,partner,no,,Blagnac,,,Rachat en 2022,0\r\n"));
  g_clear_pointer (&r, result_free);
  RUN_FAILS (f, 2, "nothing to change", "org", "edit", "Aéro Pièces SAS");
  RUN_FAILS (f, 2, "--member, --not-member: choose one", "org", "edit", "Aéro Pièces SAS",
             "--member", "--not-member");
  RUN_FAILS (f, 2, "--sector: “textile” is not a sector", "org", "edit", "Aéro Pièces SAS",
             "--sector", "textile");
  RUN_FAILS (f, 2, "--kind: “pme” is not a kind", "org", "edit", "Aéro Pièces SAS", "--kind",
             "pme");
  RUN_FAILS (f, 1, "already has this name", "org", "edit", "Aéro Pièces SAS", "--name",
             "Biotech Franche-Comte");
  RUN_FAILS (f, 1, "No organisation named", "org", "edit", "Nope", "--city", "Dole");

  /* Remove: not one that took part in events. */
  RUN_FAILS (f, 1, "takes part in events", "org", "remove", "Biotech Franche-Comté");
  r = RUN (f, "org", "remove", "Aéro Pièces SAS");
  assert_status (r, 0, NULL);
  g_assert_cmpstr (r->out, ==, "“Aéro Pièces SAS” removed from the directory\n");
  g_clear_pointer (&r, result_free);
  RUN_FAILS (f, 1, "No organisation named", "org", "remove", "Aéro Pièces SAS");
}

/* --- org participations --------------------------------------------------------------------- */

static void
test_org_participations (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *fr = fixture_path ("members-fr-bom.csv");
  g_autofree char *micronora = NULL;
  g_autofree char *siams = NULL;
  g_autofree char *old = NULL;
  g_autofree char *now = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) clock = g_date_time_new_now_local ();
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *members;
  JsonObject *biotech;
  JsonArray *events;

  r = RUN (f, "org", "import", fr);
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);
  micronora = add_event (f, "Micronora", "2022-09-27..2022-09-30");
  siams = add_event (f, "SIAMS", "2022-04-05..2022-04-08");
  old = add_event (f, "Ancien salon", "2021-05-01");
  today = g_date_time_format (clock, "%Y-%m-%d");
  now = add_event (f, "Salon de l’année", today);

  {
    const char *adds[][10] = {
      { micronora, "--org", "Biotech Franche-Comté", "--role", "exhibitor", "--state",
        "attended", NULL },
      { siams, "--org", "Biotech Franche-Comté", "--role", "visitor", "--state", "registered",
        NULL },
      { micronora, "--person", "Léa Robert", "--org", "Biotech Franche-Comté", "--role",
        "staff", "--state", "confirmed", NULL },
      { siams, "--org", "Aéro Pièces SAS", "--role", "co-exhibitor", "--state", "confirmed",
        NULL },
      /* Cancelled, not a member, another year: left out of 2022. */
      { micronora, "--org", "Mécanique de précision\ndu Haut-Doubs", "--role", "exhibitor",
        "--state", "cancelled", NULL },
      { micronora, "--org", "Laboratoire \"FEMTO-ST\"; département temps-fréquence", "--role",
        "speaker", "--state", "attended", NULL },
      { old, "--org", "Aéro Pièces SAS", "--role", "visitor", "--state", "attended", NULL },
      { now, "--org", "Aéro Pièces SAS", "--role", "visitor", "--state", "invited", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (adds); i++)
      {
        g_autoptr(GPtrArray) args = g_ptr_array_new ();

        g_ptr_array_add (args, (gpointer) "participant");
        g_ptr_array_add (args, (gpointer) "add");
        for (guint a = 0; adds[i][a] != NULL; a++)
          g_ptr_array_add (args, (gpointer) adds[i][a]);
        g_ptr_array_add (args, NULL);
        r = run_argv (f, (const char * const *) args->pdata);
        assert_status (r, 0, NULL);
        g_clear_pointer (&r, result_free);
      }
  }

  r = RUN (f, "org", "participations", "--year", "2022");
  assert_status (r, 0, NULL);
  g_assert_true (g_str_has_prefix (r->out, "EVENTS  MEMBER"));
  g_assert_nonnull (strstr (r->out, "     2  Biotech Franche-Comté  2022-04-05  visitor"));
  g_assert_nonnull (strstr (r->out, "     1  Aéro Pièces SAS"));
  g_assert_nonnull (strstr (r->out, "Léa Robert"));
  g_assert_nonnull (strstr (r->out, "2 member organisations took part in events in 2022\n"));
  g_assert_null (strstr (r->out, "Mécanique"));
  g_assert_null (strstr (r->out, "FEMTO"));
  g_assert_null (strstr (r->out, "Ancien salon"));
  g_clear_pointer (&r, result_free);

  r = RUN (f, "org", "participations", "--year", "2022", "--json");
  assert_status (r, 0, NULL);
  root = parse_json (r->out);
  members = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (members), ==, 2);
  /* By name: Aéro Pièces, then Biotech. */
  biotech = json_array_get_object_element (members, 1);
  g_assert_cmpstr (json_object_get_string_member (biotech, "organisation"), ==,
                   "Biotech Franche-Comté");
  /* Three participations (the company itself twice, Léa Robert for it once) in two
   * events. */
  g_assert_cmpint (json_object_get_int_member (biotech, "events"), ==, 2);
  events = json_object_get_array_member (biotech, "participations");
  g_assert_cmpuint (json_array_get_length (events), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, 0),
                                                  "event"), ==, "SIAMS");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, 0),
                                                  "start"), ==, "2022-04-05");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  r = RUN (f, "org", "participations", "--year", "2022", "--csv");
  assert_status (r, 0, NULL);
  g_assert_true (g_str_has_prefix (r->out, "organisation_id,organisation,event_id,event,start,"
                                           "person,role,state\r\n"));
  g_assert_nonnull (strstr (r->out, ",Aéro Pièces SAS,"));
  g_assert_nonnull (strstr (r->out, ",Micronora,2022-09-27,Léa Robert,staff,confirmed\r\n"));
  g_clear_pointer (&r, result_free);

  /* Without --year: this year. */
  r = RUN (f, "org", "participations", "--csv");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "Salon de l’année"));
  g_assert_null (strstr (r->out, "Micronora"));
  g_clear_pointer (&r, result_free);

  /* A year without: nothing on stdout, a word on stderr, exit 0. */
  r = RUN (f, "org", "participations", "--year", "2019");
  assert_status (r, 0, "No member organisation took part in an event in 2019");
  g_assert_cmpstr (r->out, ==, "");
  g_clear_pointer (&r, result_free);

  RUN_FAILS (f, 2, "--year: “20x1” is not a year (expected e.g. 2021)", "org",
             "participations", "--year", "20x1");
  RUN_FAILS (f, 2, "choose one", "org", "participations", "--csv", "--json");
  RUN_FAILS (f, 2, NULL, "org", "participations", "2022");

  r = RUN (f, "org", "--help");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "  participations "));
  g_clear_pointer (&r, result_free);
  r = RUN (f, "org", "participations", "--help");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "--year"));
}

/* --- outcome and followups ------------------------------------------------------------------ */

static void
test_outcome (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *uid = add_event (f, "Micronora", "2022-09-27..2022-09-30");
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *outcome;
  JsonObject *costs;

  /* Nothing entered: every value null, not zero. */
  r = RUN (f, "outcome", "show", uid, "--json");
  assert_status (r, 0, NULL);
  root = parse_json (r->out);
  outcome = json_node_get_object (root);
  g_assert_true (json_object_get_null_member (outcome, "contacts"));
  g_assert_true (json_object_get_null_member (outcome, "total_cost"));
  g_assert_cmpint (json_object_get_int_member (outcome, "budget"), ==, 6000);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  r = RUN (f, "outcome", "set", uid, "--contacts", "120", "--leads", "4", "--meetings", "0",
           "--projects", "1", "--satisfaction", "4,5", "--cost", "stand=3500",
           "--cost", "travel=1 200,50", "--cost", "Accommodation=420.5", "--project",
           "Capteurs implantables", "--project", "Micro-usinage");
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);
  /* A second set changes only what it names. */
  r = RUN (f, "outcome", "set", uid, "--press", "3", "--cost", "travel=none");
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);

  r = RUN (f, "outcome", "show", uid, "--json");
  assert_status (r, 0, NULL);
  root = parse_json (r->out);
  outcome = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (outcome, "uid"), ==, uid);
  g_assert_cmpint (json_object_get_int_member (outcome, "contacts"), ==, 120);
  g_assert_cmpint (json_object_get_int_member (outcome, "leads"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (outcome, "meetings"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (outcome, "projects"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (outcome, "press"), ==, 3);
  g_assert_cmpfloat (json_object_get_double_member (outcome, "satisfaction"), ==, 4.5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (outcome,
                                                                         "project_names")),
                    ==, 2);
  costs = json_object_get_object_member (outcome, "costs");
  g_assert_cmpint (json_object_get_int_member (costs, "stand"), ==, 3500);
  g_assert_true (json_object_get_null_member (costs, "travel"));
  g_assert_cmpfloat (json_object_get_double_member (costs, "accommodation"), ==, 420.5);
  g_assert_cmpfloat (json_object_get_double_member (outcome, "total_cost"), ==, 3920.5);
  g_clear_pointer (&r, result_free);

  r = RUN (f, "outcome", "show", uid);
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "Satisfaction:     4.5 / 5"));
  g_assert_nonnull (strstr (r->out, "Planned budget: 6000 € (2079.50 € left)"));
  g_clear_pointer (&r, result_free);

  /* What was typed wrong: exit 2 and nothing changed. */
  r = RUN (f, "outcome", "set", uid, "--satisfaction", "6");
  assert_status (r, 2, "--satisfaction: “6” is not a mark from 1 to 5");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "outcome", "set", uid, "--cost", "hotel=50");
  assert_status (r, 2, "“hotel” is not a cost category");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "outcome", "set", uid, "--cost", "stand=1 500 euros");
  assert_status (r, 2, "is not an amount in euros");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "outcome", "set", uid, "--cost", "stand");
  assert_status (r, 2, "CATEGORY=AMOUNT");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "outcome", "set", uid, "--contacts", "beaucoup");
  assert_status (r, 2, "--contacts: “beaucoup” is not a count");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "outcome", "show", "424242");
  assert_status (r, 1, NULL);
  g_clear_pointer (&r, result_free);

  r = RUN (f, "outcome", "show", uid, "--json");
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (r->out);
  outcome = json_node_get_object (root);
  g_assert_cmpfloat (json_object_get_double_member (outcome, "satisfaction"), ==, 4.5);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (outcome, "costs"),
                                               "stand"), ==, 3500);
}

static void
test_followups (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *uid = add_event (f, "Micronora", "2022-09-27..2022-09-30");
  g_autofree char *lead1 = NULL;
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *leads;

  r = RUN (f, "followups");
  assert_status (r, 0, "No follow-ups due");
  g_assert_cmpstr (r->out, ==, "");
  g_clear_pointer (&r, result_free);

  r = RUN (f, "outcome", "add-lead", uid, "--org", "Bourgogne Implants", "--contact",
           "Dr Vidal", "--subject", "Capteurs", "--next-step", "Envoyer un devis",
           "--follow-up", "2022-10-10");
  assert_status (r, 0, NULL);
  lead1 = g_strstrip (g_strdup (r->out));
  g_clear_pointer (&r, result_free);
  r = RUN (f, "outcome", "add-lead", uid, "--subject", "Lasers", "--follow-up", "2022-11-30");
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);
  r = RUN (f, "outcome", "add-lead", uid, "--subject", "Sans date");
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);

  r = RUN (f, "followups", "--until", "2022-10-31", "--json");
  assert_status (r, 0, NULL);
  root = parse_json (r->out);
  leads = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (leads), ==, 1);
  {
    JsonObject *lead = json_array_get_object_element (leads, 0);

    g_assert_cmpstr (json_object_get_string_member (lead, "subject"), ==, "Capteurs");
    g_assert_cmpstr (json_object_get_string_member (lead, "organisation"), ==,
                     "Bourgogne Implants");
    g_assert_cmpstr (json_object_get_string_member (lead, "follow_up"), ==, "2022-10-10");
    g_assert_cmpstr (json_object_get_string_member (lead, "event"), ==, "Micronora");
  }
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  /* Today is past both days. */
  r = RUN (f, "followups");
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "Capteurs"));
  g_assert_nonnull (strstr (r->out, "Lasers"));
  g_assert_null (strstr (r->out, "Sans date"));
  g_clear_pointer (&r, result_free);

  /* Won: no longer due. */
  r = RUN (f, "outcome", "edit-lead", lead1, "--state", "won");
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);
  r = RUN (f, "followups", "--csv");
  assert_status (r, 0, NULL);
  g_assert_null (strstr (r->out, "Capteurs"));
  g_assert_nonnull (strstr (r->out, ",2022-11-30,"));
  g_clear_pointer (&r, result_free);

  r = RUN (f, "outcome", "show", uid);
  assert_status (r, 0, NULL);
  g_assert_nonnull (strstr (r->out, "3 (open: 2, won: 1, lost: 0)"));
  g_clear_pointer (&r, result_free);

  r = RUN (f, "followups", "--until", "2022-13-01");
  assert_status (r, 2, "--until: “2022-13-01” is not a day");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "outcome", "edit-lead", lead1, "--state", "maybe");
  assert_status (r, 2, "--state: “maybe” is not a lead state");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "outcome", "edit-lead", "999", "--state", "lost");
  assert_status (r, 1, "No lead with id 999");
  g_clear_pointer (&r, result_free);
  r = RUN (f, "outcome", "add-lead", uid, "--follow-up", "2022-10-10");
  assert_status (r, 2, "what is the lead?");
}

/* --- delete --force ------------------------------------------------------------------------ */

static void
test_delete_guard (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *busy = add_event (f, "Micronora", "2022-09-27..2022-09-30");
  g_autofree char *quiet = add_event (f, "Sans personne", "2022-10-01");
  g_autoptr(Result) r = NULL;

  r = RUN (f, "participant", "add", busy, "--person", "Léa Robert", "--role", "staff",
           "--state", "confirmed");
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);
  r = RUN (f, "outcome", "set", busy, "--cost", "stand=100");
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);

  /* Refused without --force, and the event is still there. */
  r = RUN (f, "delete", busy);
  assert_status (r, 1, "“Micronora” has 1 participant and recorded outcomes");
  g_assert_nonnull (strstr (r->err, "add --force"));
  g_clear_pointer (&r, result_free);
  r = RUN (f, "show", busy);
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);

  /* An event without records needs no --force. */
  r = RUN (f, "delete", quiet);
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);

  r = RUN (f, "delete", "--force", busy);
  assert_status (r, 0, NULL);
  g_clear_pointer (&r, result_free);
  r = RUN (f, "show", busy);
  assert_status (r, 1, NULL);
  g_clear_pointer (&r, result_free);
  /* The people stay in the directory. */
  g_free (quiet);
  quiet = add_event (f, "Après", "2022-11-01");
  r = RUN (f, "participant", "add", quiet, "--person", "Léa Robert", "--role", "staff",
           "--state", "confirmed");
  assert_status (r, 0, NULL);
  g_assert_null (strstr (r->out, "added to the people"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/cli-people/org/import", test_org_import);
  ADD ("/cli-people/org/csv-roundtrip", test_org_csv_roundtrip);
  ADD ("/cli-people/participant", test_participants);
  ADD ("/cli-people/person", test_person);
  ADD ("/cli-people/org/merge", test_org_merge);
  ADD ("/cli-people/org/participations", test_org_participations);
  ADD ("/cli-people/outcome", test_outcome);
  ADD ("/cli-people/followups", test_followups);
  ADD ("/cli-people/delete-guard", test_delete_guard);

  return g_test_run ();
}
