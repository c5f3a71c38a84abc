/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-cli-people.h: the org, person, participant, outcome and followups subcommands. */
#pragma once

#include "evt-cli-private.h"

G_BEGIN_DECLS

int      evt_cli_org               (const EvtCliCommand  *command,
                                    int                   argc,
                                    char                **argv);
int      evt_cli_person            (const EvtCliCommand  *command,
                                    int                   argc,
                                    char                **argv);
int      evt_cli_participant       (const EvtCliCommand  *command,
                                    int                   argc,
                                    char                **argv);
int      evt_cli_outcome           (const EvtCliCommand  *command,
                                    int                   argc,
                                    char                **argv);
int      evt_cli_followups         (const EvtCliCommand  *command,
                                    int                   argc,
                                    char                **argv);

gboolean evt_cli_people_delete_event (EvtStore          *store,
                                      EvtEvent          *event,
                                      gboolean           force,
                                      GError           **error);

G_END_DECLS
