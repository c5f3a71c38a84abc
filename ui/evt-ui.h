/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-ui.h: the entry point of the window, for main.c (no GTK include here). */
#pragma once

int evt_ui_run (int    argc,
                char **argv);
