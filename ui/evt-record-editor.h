/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-record-editor.h: the base of the directory's editors: save, delete, discard on close. */
#pragma once

#include <adwaita.h>

#include "evt-people-common.h"

G_BEGIN_DECLS

#define EVT_TYPE_RECORD_EDITOR (evt_record_editor_get_type ())
G_DECLARE_DERIVABLE_TYPE (EvtRecordEditor, evt_record_editor, EVT, RECORD_EDITOR, AdwWindow)

/*
 * An abstract modal dialog that edits one record of the directory (an organisation, a
 * person) in a composite template of its subclass. It holds the record and the store,
 * the state (loading, filling, busy, modified), the Save and Delete actions, the
 * "Discard Changes?" question on closing, and emits "saved" and "deleted".
 *
 * The subclass's template has a toast_overlay (AdwToastOverlay), a window_title
 * (AdwWindowTitle), a name_row (AdwEntryRow) and a delete_group; its handlers
 * on_field_changed, on_name_changed and on_entry_activated are the base's.
 */
struct _EvtRecordEditorClass
{
  AdwWindowClass parent_class;

  /* Set by the subclass's class_init: N_() strings, translated when shown. */
  const char *edit_title;
  const char *new_title;
  const char *discard_body;
  /* Set by evt_record_editor_class_add_actions(). */
  const char *save_action;
  const char *delete_action;

  /* Writes the record (a new reference, in a worker thread). */
  EvtPeopleWriteFunc save_write;

  /* The record's id, 0 for a new one. */
  gint64      (*get_id)          (EvtRecordEditor      *self);
  /* Gives the record what the widgets say, before a save. */
  void        (*apply)           (EvtRecordEditor      *self);
  /* The row of a field the core refused (and the widget to focus), or NULL. */
  GtkWidget * (*field_row)       (EvtRecordEditor      *self,
                                  const char           *field,
                                  GtkWidget           **focus);
  /* Asks, then deletes the record: the subclass's delete_async(). */
  void        (*delete_record)   (EvtRecordEditor      *self,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
  gboolean    (*delete_finish)   (EvtStore             *store,
                                  GAsyncResult         *result,
                                  GError              **error);
};

void          evt_record_editor_class_set_template  (GtkWidgetClass  *widget_class,
                                                     const char      *resource);
void          evt_record_editor_class_add_actions   (GtkWidgetClass  *widget_class,
                                                     const char      *save_action,
                                                     const char      *delete_action);

void          evt_record_editor_take_record         (EvtRecordEditor *self,
                                                     EvtStore        *store,
                                                     gpointer         record);
void          evt_record_editor_ready               (EvtRecordEditor *self);
gpointer      evt_record_editor_get_record          (EvtRecordEditor *self);
EvtStore     *evt_record_editor_get_store           (EvtRecordEditor *self);
GCancellable *evt_record_editor_get_cancellable     (EvtRecordEditor *self);
AdwEntryRow  *evt_record_editor_get_name_row        (EvtRecordEditor *self);
void          evt_record_editor_set_filling         (EvtRecordEditor *self,
                                                     gboolean         filling);
void          evt_record_editor_set_modified        (EvtRecordEditor *self);
void          evt_record_editor_loaded              (EvtRecordEditor *self);
void          evt_record_editor_show_toast          (EvtRecordEditor *self,
                                                     const char      *message);
gboolean      evt_record_editor_is_loading          (EvtRecordEditor *self);
gboolean      evt_record_editor_is_busy             (EvtRecordEditor *self);
gboolean      evt_record_editor_get_modified        (EvtRecordEditor *self);

/* How a record of the directory is deleted, by its editor or by a list's menu. */
typedef struct
{
  EvtPeopleWriteFunc   count;        /* reads what the question needs into the data (thread) */
  GtkWidget         *(*ask)          (GtkWindow *parent,
                                      gpointer   data);  /* the question, once counted */
  EvtPeopleWriteFunc   write;        /* deletes, given the data (thread) */
  const char          *not_deleted;  /* N_(): the error's message when given up */
} EvtRecordDeletion;

void          evt_record_deletion_run               (const EvtRecordDeletion *deletion,
                                                     GtkWindow               *parent,
                                                     EvtStore                *store,
                                                     gpointer                 data,
                                                     GDestroyNotify           data_free,
                                                     GCancellable            *cancellable,
                                                     gpointer                 source_tag,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data);
GtkWidget    *evt_record_deletion_refusal_new       (GtkWindow               *parent,
                                                     const char              *heading,
                                                     const char              *body);
GtkWidget    *evt_record_deletion_confirmation_new  (GtkWindow               *parent,
                                                     const char              *heading,
                                                     const char              *body);

G_END_DECLS
