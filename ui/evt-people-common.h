/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-people-common.h: what the widgets of participants, outcomes and organisations share. */
#pragma once

#include <adwaita.h>

#include "evt-people.h"

G_BEGIN_DECLS

/* A write of the core, run in a worker thread by evt_people_run_async(). */
typedef gboolean (*EvtPeopleWriteFunc) (EvtStore  *store,
                                        gpointer   data,
                                        GError   **error);

void        evt_people_run_async             (EvtStore            *store,
                                              EvtPeopleWriteFunc   func,
                                              gpointer             data,
                                              GDestroyNotify       data_free,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean    evt_people_run_finish            (EvtStore            *store,
                                              GAsyncResult        *result,
                                              GError             **error);

gboolean    evt_parse_count                  (const char          *text,
                                              int                 *count);
char       *evt_format_iso_day               (const char          *iso_day);
char       *evt_format_short_day             (const char          *iso_day);
char       *evt_format_participation_counts  (const guint         *counts);
char       *evt_format_satisfaction          (double               satisfaction);
GDate      *evt_people_today                 (void);
char       *evt_people_describe_import       (const EvtImportReport *report);

GtkStringList *evt_participation_state_model_new (void);
GtkStringList *evt_role_model_new                (void);
GtkStringList *evt_lead_state_model_new          (void);

GtkWidget  *evt_plain_row_new                (void);
char       *evt_one_line                     (const char          *text);
GtkWidget  *evt_placeholder_row_new          (const char          *text);
GtkWidget  *evt_people_find_descendant       (GtkWidget           *widget,
                                              GType                type);
void        evt_people_name                  (gpointer             widget,
                                              const char          *name);
void        evt_people_name_rows             (GtkWidget           *root);
void        evt_people_narrow_drop_down      (GtkDropDown         *drop_down,
                                              int                  max_chars);

void        evt_people_set_state_class       (GtkWidget           *widget,
                                              const char          *prefix,
                                              const char          *nick);

/* Editors: a field the core refused, its message in a row right below it. */
char       *evt_people_entry_text            (gpointer             editable);
void        evt_people_show_field_error      (GtkWidget           *row,
                                              const char          *message);
void        evt_people_clear_field_error     (GtkWidget           *row);
const char *evt_people_get_field_error       (GtkWidget           *row);

G_END_DECLS
