/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-window-private.h: what the display tests look at inside the main window. */
#pragma once

#include "evt-event-list.h"
#include "evt-import-controller.h"
#include "evt-window.h"

G_BEGIN_DECLS

typedef enum
{
  EVT_WINDOW_PAGE_LOADING,
  EVT_WINDOW_PAGE_EVENTS,
  EVT_WINDOW_PAGE_EMPTY_YEAR,
  EVT_WINDOW_PAGE_EMPTY_DB,
  EVT_WINDOW_PAGE_ERROR,
} EvtWindowPage;

/* What decides the page shown, as plain values. */
typedef struct
{
  gboolean      failed;        /* the store could not be opened or read */
  gboolean      has_store;     /* the store is open */
  gboolean      list_loading;  /* the year's events are being read */
  gboolean      slow;          /* ...for long enough to show a spinner */
  guint         n_items;       /* events of the year */
  gint64        db_count;      /* events in the whole database, -1 if not known yet */
  EvtWindowPage current;       /* the page shown now */
} EvtWindowState;

EvtWindowPage evt_window_state_get_page  (const EvtWindowState *state);
const char   *evt_window_page_to_string  (EvtWindowPage         page);

EvtEventList *evt_window_get_event_list  (EvtWindow            *self);
const char   *evt_window_get_page        (EvtWindow            *self);
gboolean      evt_window_is_busy         (EvtWindow            *self);
GPtrArray    *evt_window_get_rows        (EvtWindow            *self);
const char   *evt_window_get_subtitle    (EvtWindow            *self);
const char   *evt_window_get_last_toast  (EvtWindow            *self);
AdwToast     *evt_window_get_last_toast_object (EvtWindow      *self);
AdwMessageDialog *evt_window_get_dialog  (EvtWindow            *self);
GtkWidget    *evt_window_get_dialog_widget (EvtWindow          *self,
                                          const char           *name);
EvtEvent     *evt_window_get_current_event (EvtWindow          *self);
gboolean      evt_window_select_event    (EvtWindow            *self,
                                          EvtEvent             *event);

EvtImportController *evt_window_get_import_controller (EvtWindow *self);

G_END_DECLS
