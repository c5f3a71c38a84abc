/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: one executable, a command line when given a subcommand, else the window. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "evt-cli.h"
#include "evt-ui.h"

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("EVENTAIL_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* build-aux/run points this at the build tree, where the catalogues are built. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (evt_cli_is_command (argc, argv))
    return evt_cli_run (argc, argv);

  return evt_ui_run (argc, argv);
}
