/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-import-banner.c: the progress of an import, revealed at the top of the window. */
#include "config.h"

#include "evt-import-banner.h"

struct _EvtImportBanner
{
  AdwBin               parent_instance;

  GtkRevealer         *revealer;
  GtkLabel            *label;
  GtkProgressBar      *progress_bar;

  EvtImportController *controller;
  GBinding            *bindings[3];
};

G_DEFINE_FINAL_TYPE (EvtImportBanner, evt_import_banner, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTROLLER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cancel_clicked (EvtImportBanner *self)
{
  if (self->controller != NULL)
    evt_import_controller_cancel (self->controller);
}

static void
unbind (EvtImportBanner *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->bindings); i++)
    {
      if (self->bindings[i] != NULL)
        g_binding_unbind (self->bindings[i]);
      self->bindings[i] = NULL;
    }
}

static void
evt_import_banner_dispose (GObject *object)
{
  EvtImportBanner *self = (EvtImportBanner *)object;

  unbind (self);
  g_clear_object (&self->controller);
  /* The revealer is the bin's child: AdwBin would unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVT_TYPE_IMPORT_BANNER);

  G_OBJECT_CLASS (evt_import_banner_parent_class)->dispose (object);
}

static void
evt_import_banner_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EvtImportBanner *self = EVT_IMPORT_BANNER (object);

  switch (prop_id)
    {
    case PROP_CONTROLLER:
      g_value_set_object (value, self->controller);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_import_banner_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EvtImportBanner *self = EVT_IMPORT_BANNER (object);

  switch (prop_id)
    {
    case PROP_CONTROLLER:
      evt_import_banner_set_controller (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_import_banner_class_init (EvtImportBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evt_import_banner_dispose;
  object_class->get_property = evt_import_banner_get_property;
  object_class->set_property = evt_import_banner_set_property;

  properties[PROP_CONTROLLER] =
    g_param_spec_object ("controller", NULL, NULL, EVT_TYPE_IMPORT_CONTROLLER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/eventail/Eventail/"
                                               "evt-import-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtImportBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, EvtImportBanner, label);
  gtk_widget_class_bind_template_child (widget_class, EvtImportBanner, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
}

static void
evt_import_banner_init (EvtImportBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * evt_import_banner_new:
 * @controller: (nullable): the import whose progress to show
 *
 * A bar that slides down when an import takes long, with what is being read, a
 * progress bar and a button that stops it. Pack it above the window's content.
 *
 * Returns: (transfer floating): a new banner
 */
GtkWidget *
evt_import_banner_new (EvtImportController *controller)
{
  return g_object_new (EVT_TYPE_IMPORT_BANNER, "controller", controller, NULL);
}

/**
 * evt_import_banner_get_controller:
 * @self: a banner
 *
 * Returns: (transfer none) (nullable): the import shown
 */
EvtImportController *
evt_import_banner_get_controller (EvtImportBanner *self)
{
  g_return_val_if_fail (EVT_IS_IMPORT_BANNER (self), NULL);

  return self->controller;
}

/**
 * evt_import_banner_set_controller:
 * @self: a banner
 * @controller: (nullable): the import to show
 *
 * Follows the progress of @controller.
 */
void
evt_import_banner_set_controller (EvtImportBanner     *self,
                                  EvtImportController *controller)
{
  g_return_if_fail (EVT_IS_IMPORT_BANNER (self));
  g_return_if_fail (controller == NULL || EVT_IS_IMPORT_CONTROLLER (controller));

  if (self->controller == controller)
    return;

  unbind (self);
  g_set_object (&self->controller, controller);

  if (controller != NULL)
    {
      self->bindings[0] = g_object_bind_property (controller, "show-progress",
                                                  self->revealer, "reveal-child",
                                                  G_BINDING_SYNC_CREATE);
      self->bindings[1] = g_object_bind_property (controller, "fraction",
                                                  self->progress_bar, "fraction",
                                                  G_BINDING_SYNC_CREATE);
      self->bindings[2] = g_object_bind_property (controller, "text",
                                                  self->label, "label",
                                                  G_BINDING_SYNC_CREATE);
    }
  else
    gtk_revealer_set_reveal_child (self->revealer, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTROLLER]);
}
