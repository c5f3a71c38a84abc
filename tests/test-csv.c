/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv.c: the CSV reader and writer on the files spreadsheets write (suite core). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "evt-csv.h"

static EvtCsv *
parse_ok (const char *data)
{
  g_autoptr(GError) error = NULL;
  EvtCsv *csv = evt_csv_parse (data, strlen (data), &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

static void
assert_record (EvtCsv             *csv,
               guint               index,
               guint               line,
               const char * const *expected)
{
  guint n_fields = 0;
  const char * const *fields = evt_csv_get_record (csv, index, &n_fields);

  g_assert_cmpuint (n_fields, ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (fields[i], ==, expected[i]);
  g_assert_cmpuint (evt_csv_get_line (csv, index), ==, line);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "members", name, NULL);
}

/* --- Separators, quotes, line ends ----------------------------------------------- */

static void
test_separator (void)
{
  g_autoptr(EvtCsv) semi = parse_ok ("a;b,c;d\n1;2,5;3\n");
  g_autoptr(EvtCsv) comma = parse_ok ("a,b;c,d\n1,2;5,3\n");
  g_autoptr(EvtCsv) tab = parse_ok ("a\tb,c\td\n");
  g_autoptr(EvtCsv) single = parse_ok ("Nom\nAlpha\n");
  g_autoptr(EvtCsv) quoted = parse_ok ("\"a;b;c\",d,e\n");

  g_assert_cmpint (evt_csv_get_separator (semi), ==, ';');
  assert_record (semi, 1, 2, (const char *[]) { "1", "2,5", "3", NULL });
  g_assert_cmpint (evt_csv_get_separator (comma), ==, ',');
  assert_record (comma, 1, 2, (const char *[]) { "1", "2;5", "3", NULL });
  g_assert_cmpint (evt_csv_get_separator (tab), ==, '\t');
  assert_record (tab, 0, 1, (const char *[]) { "a", "b,c", "d", NULL });
  /* One column: nothing to detect, and nothing split. */
  assert_record (single, 1, 2, (const char *[]) { "Alpha", NULL });
  /* Separators inside quotes do not count. */
  g_assert_cmpint (evt_csv_get_separator (quoted), ==, ',');
}

static void
test_quotes (void)
{
  g_autoptr(EvtCsv) csv = parse_ok ("name;note\r\n"
                                    "\"Dupont; Fils\";\"il a dit \"\"oui\"\"\"\r\n"
                                    "\"deux\r\nlignes\";\"\"\r\n"
                                    "\"trois\nlignes\rici\";x\r\n"
                                    "l\"apostrophe;\"a\"b\r\n"
                                    "fin;\"\"\"\"\r\n");

  g_assert_cmpuint (evt_csv_get_n_records (csv), ==, 6);
  assert_record (csv, 1, 2, (const char *[]) { "Dupont; Fils", "il a dit \"oui\"", NULL });
  /* A line break inside quotes is one "\n", and the next record starts two lines on. */
  assert_record (csv, 2, 3, (const char *[]) { "deux\nlignes", "", NULL });
  assert_record (csv, 3, 5, (const char *[]) { "trois\nlignes\nici", "x", NULL });
  /* Quotes inside an unquoted field, or after a closing one, are kept as written. */
  assert_record (csv, 4, 8, (const char *[]) { "l\"apostrophe", "ab", NULL });
  assert_record (csv, 5, 9, (const char *[]) { "fin", "\"", NULL });
}

static void
test_line_ends (void)
{
  g_autoptr(EvtCsv) crlf = parse_ok ("a,b\r\n1,2\r\n3,4");
  g_autoptr(EvtCsv) cr = parse_ok ("a,b\r1,2\r3,4\r");
  g_autoptr(EvtCsv) blank = parse_ok ("a;b\n\n;\n  ;  \n1;2\n\n");
  g_autoptr(EvtCsv) eof = parse_ok ("a,b\n1,\x1a");

  /* No line end after the last record. */
  g_assert_cmpuint (evt_csv_get_n_records (crlf), ==, 3);
  assert_record (crlf, 2, 3, (const char *[]) { "3", "4", NULL });
  /* Old Mac line ends. */
  g_assert_cmpuint (evt_csv_get_n_records (cr), ==, 3);
  assert_record (cr, 2, 3, (const char *[]) { "3", "4", NULL });
  /* Blank lines and all-blank records are left out, line numbers still count them. */
  g_assert_cmpuint (evt_csv_get_n_records (blank), ==, 2);
  assert_record (blank, 1, 5, (const char *[]) { "1", "2", NULL });
  /* A DOS end-of-file mark is not data; the empty last field is. */
  assert_record (eof, 1, 2, (const char *[]) { "1", "", NULL });
}

/* --- Encodings ------------------------------------------------------------------------ */

static void
test_encodings (void)
{
  static const char cp1252[] = "Nom;Ville\n" "C\x9cur M\xe9" "dical;Besan\xe7on\n"
                               "Pr\xe9" "cis\x92Usinage;\x80\x81\n";
  static const char utf16le[] = "\xff\xfeN\0o\0m\0;\0V\0\xe9\0\n\0";
  g_autoptr(EvtCsv) utf8 = parse_ok ("Nom;Ville\nSociété Générale;Besançon\n");
  g_autoptr(EvtCsv) bom = parse_ok ("\xef\xbb\xbfNom;Ville\nœuvre;Dole\n");
  g_autoptr(EvtCsv) windows = NULL;
  g_autoptr(EvtCsv) utf16 = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (evt_csv_get_encoding (utf8), ==, "UTF-8");
  assert_record (utf8, 1, 2, (const char *[]) { "Société Générale", "Besançon", NULL });

  /* The byte order mark is not part of the first header. */
  g_assert_cmpstr (evt_csv_get_encoding (bom), ==, "UTF-8");
  assert_record (bom, 0, 1, (const char *[]) { "Nom", "Ville", NULL });
  assert_record (bom, 1, 2, (const char *[]) { "œuvre", "Dole", NULL });

  /* Not UTF-8: Windows-1252, with its 0x80-0x9F (œ, ’, €) and no byte lost. */
  windows = evt_csv_parse (cp1252, sizeof cp1252 - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evt_csv_get_encoding (windows), ==, "WINDOWS-1252");
  assert_record (windows, 1, 2, (const char *[]) { "Cœur Médical", "Besançon", NULL });
  assert_record (windows, 2, 3, (const char *[]) { "Précis’Usinage", "€\xc2\x81", NULL });

  /* "Unicode text" from Excel. */
  utf16 = evt_csv_parse (utf16le, sizeof utf16le - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evt_csv_get_encoding (utf16), ==, "UTF-16LE");
  assert_record (utf16, 0, 1, (const char *[]) { "Nom", "Vé", NULL });
}

static void
test_fixture_files (void)
{
  g_autofree char *fr = fixture_path ("members-fr-bom.csv");
  g_autofree char *win = fixture_path ("members-cp1252.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtCsv) fr_csv = evt_csv_load (fr, NULL, &error);
  g_autoptr(EvtCsv) win_csv = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (evt_csv_get_separator (fr_csv), ==, ';');
  g_assert_cmpstr (evt_csv_get_encoding (fr_csv), ==, "UTF-8");
  /* Header, three organisations (one spread on two lines), the last after a blank
   * record ";;;". */
  g_assert_cmpuint (evt_csv_get_n_records (fr_csv), ==, 5);
  assert_record (fr_csv, 2, 3,
                 (const char *[]) { "Laboratoire \"FEMTO-ST\"; département temps-fréquence",
                                    "Besançon", "Microtechniques", "non", "", "",
                                    "Laboratoire", "", NULL });
  assert_record (fr_csv, 3, 4,
                 (const char *[]) { "Mécanique de précision\ndu Haut-Doubs", "Morteau", "",
                                    "x", "info@mphd.fr", "", "", "2562B", NULL });
  assert_record (fr_csv, 4, 7,
                 (const char *[]) { "Aéro Pièces SAS", "Toulouse", "aerospace", "1", "", "",
                                    "PME", "", NULL });

  win_csv = evt_csv_load (win, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evt_csv_get_separator (win_csv), ==, ',');
  g_assert_cmpstr (evt_csv_get_encoding (win_csv), ==, "WINDOWS-1252");
  assert_record (win_csv, 2, 3,
                 (const char *[]) { "Précis’Usinage, Frères & Cie", "Besançon",
                                    "Microtechnology", "no", "", "", NULL });
}

/* --- Refusals ----------------------------------------------------------------------- */

static void
assert_refused (const char *name,
                int         code,
                const char *words)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvtCsv) csv = evt_csv_load (path, NULL, &error);

  g_assert_null (csv);
  g_assert_error (error, EVT_CSV_ERROR, code);
  /* The message names the file and says what is wrong. */
  g_assert_true (g_str_has_prefix (error->message, path));
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static void
test_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = fixture_path ("no-such-file.csv");
  g_autofree char *folder = fixture_path ("");

  assert_refused ("empty.csv", EVT_CSV_ERROR_EMPTY, "empty");
  assert_refused ("blank.csv", EVT_CSV_ERROR_EMPTY, "blank lines");
  assert_refused ("members.xlsx", EVT_CSV_ERROR_NOT_TEXT, "spreadsheet (.xlsx");
  assert_refused ("members.xlsx", EVT_CSV_ERROR_NOT_TEXT, "save it as “CSV”");
  assert_refused ("binary.csv", EVT_CSV_ERROR_NOT_TEXT, "binary");
  assert_refused ("unterminated.csv", EVT_CSV_ERROR_SYNTAX, "Line 3");

  g_assert_null (evt_csv_parse ("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", 10, &error));
  g_assert_error (error, EVT_CSV_ERROR, EVT_CSV_ERROR_NOT_TEXT);
  g_assert_nonnull (strstr (error->message, ".xls"));
  g_clear_error (&error);

  g_assert_null (evt_csv_parse ("%PDF-1.7\n", 9, &error));
  g_assert_error (error, EVT_CSV_ERROR, EVT_CSV_ERROR_NOT_TEXT);
  g_clear_error (&error);

  /* One NUL is enough to refuse. */
  g_assert_null (evt_csv_parse ("a,b\n1,\0002\n", 9, &error));
  g_assert_error (error, EVT_CSV_ERROR, EVT_CSV_ERROR_NOT_TEXT);
  g_clear_error (&error);

  g_assert_null (evt_csv_load (missing, NULL, &error));
  g_assert_error (error, EVT_CSV_ERROR, EVT_CSV_ERROR_READ);
  g_clear_error (&error);

  g_assert_null (evt_csv_load (folder, NULL, &error));
  g_assert_error (error, EVT_CSV_ERROR, EVT_CSV_ERROR_READ);
  g_clear_error (&error);
}

/* --- Writing -------------------------------------------------------------------------- */

static void
test_write (void)
{
  const char *fields[] = {
    "plain", "with;semicolon", "with,comma", "quote \"here\"", "two\nlines", " padded ",
    NULL, "",
  };
  g_autoptr(GString) semi = g_string_new (NULL);
  g_autoptr(GString) comma = g_string_new (NULL);
  g_autoptr(EvtCsv) back = NULL;
  g_autoptr(GError) error = NULL;

  evt_csv_append_record (semi, fields, G_N_ELEMENTS (fields), ';');
  g_assert_cmpstr (semi->str, ==,
                   "plain;\"with;semicolon\";with,comma;\"quote \"\"here\"\"\";"
                   "\"two\nlines\";\" padded \";;\r\n");

  evt_csv_append_record (comma, fields, G_N_ELEMENTS (fields), ',');
  g_assert_cmpstr (comma->str, ==,
                   "plain,with;semicolon,\"with,comma\",\"quote \"\"here\"\"\","
                   "\"two\nlines\",\" padded \",,\r\n");

  /* What is written reads back the same, with either separator. */
  g_string_prepend (comma, "a,b,c,d,e,f,g,h\r\n");
  back = evt_csv_parse (comma->str, comma->len, &error);
  g_assert_no_error (error);
  assert_record (back, 1, 2,
                 (const char *[]) { "plain", "with;semicolon", "with,comma", "quote \"here\"",
                                    "two\nlines", " padded ", "", "", NULL });
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/separator", test_separator);
  g_test_add_func ("/csv/quotes", test_quotes);
  g_test_add_func ("/csv/line-ends", test_line_ends);
  g_test_add_func ("/csv/encodings", test_encodings);
  g_test_add_func ("/csv/fixture-files", test_fixture_files);
  g_test_add_func ("/csv/refusals", test_refusals);
  g_test_add_func ("/csv/write", test_write);

  return g_test_run ();
}
