/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-cli.h: the command line (eventail list, add, export...). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of every subcommand. */
enum
{
  EVT_CLI_OK = 0,
  EVT_CLI_FAILURE = 1,
  EVT_CLI_USAGE = 2,
};

gboolean evt_cli_is_command (int    argc,
                             char **argv);
int      evt_cli_run        (int    argc,
                             char **argv);

G_END_DECLS
