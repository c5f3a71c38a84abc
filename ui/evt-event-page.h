/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-event-page.h: the page that edits one event and saves it through the store. */
#pragma once

#include <gtk/gtk.h>

#include "evt-store.h"

G_BEGIN_DECLS

#define EVT_EVENT_PAGE_ERROR (evt_event_page_error_quark ())
GQuark evt_event_page_error_quark (void);

typedef enum
{
  EVT_EVENT_PAGE_ERROR_INVALID,  /* a field the page reads itself (the budget) is wrong */
  EVT_EVENT_PAGE_ERROR_BUSY,     /* a save is already under way */
} EvtEventPageError;

#define EVT_TYPE_EVENT_PAGE (evt_event_page_get_type ())
G_DECLARE_FINAL_TYPE (EvtEventPage, evt_event_page, EVT, EVENT_PAGE, GtkWidget)

EvtEventPage *evt_event_page_new           (EvtStore            *store);
EvtStore     *evt_event_page_get_store     (EvtEventPage        *self);
void          evt_event_page_edit          (EvtEventPage        *self,
                                            EvtEvent            *event);
EvtEvent     *evt_event_page_get_event     (EvtEventPage        *self);
gboolean      evt_event_page_get_dirty     (EvtEventPage        *self);
void          evt_event_page_save_async    (EvtEventPage        *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      evt_event_page_save_finish   (EvtEventPage        *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void          evt_event_page_request_close (EvtEventPage        *self);

G_END_DECLS
