/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-header-switcher.c: the header bar's view switcher, wide, narrow, or a title. */
#include "config.h"

#include "evt-header-switcher.h"

struct _EvtHeaderSwitcher
{
  GtkWidget        parent_instance;

  AdwViewSwitcher *switcher;
  AdwWindowTitle  *title_widget;

  int              wide_natural;  /* the switcher's width with the wide policy, as last
                                   * allocated: asked for while the policy is narrow */
  gboolean         switcher_enabled;
  gboolean         title_visible;
};

G_DEFINE_FINAL_TYPE (EvtHeaderSwitcher, evt_header_switcher, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STACK,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SWITCHER_ENABLED,
  PROP_TITLE_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_switcher (EvtHeaderSwitcher *self)
{
  return self->switcher_enabled && adw_view_switcher_get_stack (self->switcher) != NULL;
}

/* The switcher's natural width with @policy, which it then keeps: as AdwSqueezer, the
 * switcher shows only where its labels need not be shortened. */
static int
measure_switcher (EvtHeaderSwitcher     *self,
                  AdwViewSwitcherPolicy  policy)
{
  int natural = 0;

  if (adw_view_switcher_get_policy (self->switcher) != policy)
    adw_view_switcher_set_policy (self->switcher, policy);
  gtk_widget_measure (GTK_WIDGET (self->switcher), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &natural, NULL, NULL);
  if (policy == ADW_VIEW_SWITCHER_POLICY_WIDE)
    self->wide_natural = natural;
  return natural;
}

static void
evt_header_switcher_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  EvtHeaderSwitcher *self = EVT_HEADER_SWITCHER (widget);
  int title_min = 0, title_nat = 0, switcher_min = 0, switcher_nat = 0;

  gtk_widget_measure (GTK_WIDGET (self->title_widget), orientation, -1,
                      &title_min, &title_nat, NULL, NULL);
  if (has_switcher (self))
    gtk_widget_measure (GTK_WIDGET (self->switcher), orientation, -1,
                        &switcher_min, &switcher_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As narrow as the title can be, as wide as the wide switcher would like. */
      *minimum = title_min;
      *natural = MAX (title_nat, has_switcher (self) ? MAX (switcher_nat, self->wide_natural) : 0);
    }
  else
    {
      /* One height whatever shows, as the header bar's does not change. */
      *minimum = MAX (title_min, switcher_min);
      *natural = MAX (title_nat, switcher_nat);
    }
}

/* The wide switcher if it fits, else the narrow one, else the title. The policy is set
 * here, where the width is known; the switcher is then measured anew, before the frame is
 * drawn. */
static void
evt_header_switcher_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  EvtHeaderSwitcher *self = EVT_HEADER_SWITCHER (widget);
  gboolean show_switcher = FALSE;
  int switcher_width = 0;

  if (has_switcher (self))
    {
      /* Narrow, the wide switcher is tried again only where it would fit. */
      gboolean try_wide = width >= self->wide_natural ||
                          adw_view_switcher_get_policy (self->switcher) ==
                          ADW_VIEW_SWITCHER_POLICY_WIDE;

      if (try_wide)
        switcher_width = measure_switcher (self, ADW_VIEW_SWITCHER_POLICY_WIDE);
      if (!try_wide || switcher_width > width)
        switcher_width = measure_switcher (self, ADW_VIEW_SWITCHER_POLICY_NARROW);
      show_switcher = switcher_width <= width;
    }

  gtk_widget_set_child_visible (GTK_WIDGET (self->switcher), show_switcher);
  gtk_widget_set_child_visible (GTK_WIDGET (self->title_widget), !show_switcher);
  /* The switcher at its width, in the middle; the title centres itself. */
  if (show_switcher)
    gtk_widget_size_allocate (GTK_WIDGET (self->switcher),
                              &(GtkAllocation) { (width - switcher_width) / 2, 0,
                                                 switcher_width, height },
                              baseline);
  else
    gtk_widget_allocate (GTK_WIDGET (self->title_widget), width, height, baseline, NULL);

  if (self->title_visible != !show_switcher)
    {
      self->title_visible = !show_switcher;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_VISIBLE]);
    }
}

static void
evt_header_switcher_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EvtHeaderSwitcher *self = EVT_HEADER_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_STACK:
      g_value_set_object (value, evt_header_switcher_get_stack (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, evt_header_switcher_get_title (self));
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, evt_header_switcher_get_subtitle (self));
      break;
    case PROP_SWITCHER_ENABLED:
      g_value_set_boolean (value, self->switcher_enabled);
      break;
    case PROP_TITLE_VISIBLE:
      g_value_set_boolean (value, self->title_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_header_switcher_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EvtHeaderSwitcher *self = EVT_HEADER_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_STACK:
      evt_header_switcher_set_stack (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      evt_header_switcher_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      evt_header_switcher_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_SWITCHER_ENABLED:
      evt_header_switcher_set_switcher_enabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_header_switcher_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), EVT_TYPE_HEADER_SWITCHER);

  G_OBJECT_CLASS (evt_header_switcher_parent_class)->dispose (object);
}

static void
evt_header_switcher_class_init (EvtHeaderSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = evt_header_switcher_get_property;
  object_class->set_property = evt_header_switcher_set_property;
  object_class->dispose = evt_header_switcher_dispose;
  widget_class->measure = evt_header_switcher_measure;
  widget_class->size_allocate = evt_header_switcher_size_allocate;

  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, ADW_TYPE_VIEW_STACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EvtHeaderSwitcher:switcher-enabled:
   *
   * Whether the switcher may show; the title shows if not.
   */
  properties[PROP_SWITCHER_ENABLED] =
    g_param_spec_boolean ("switcher-enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EvtHeaderSwitcher:title-visible:
   *
   * Whether the title shows rather than the switcher, set as the widget is allocated.
   */
  properties[PROP_TITLE_VISIBLE] =
    g_param_spec_boolean ("title-visible", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/eventail/Eventail/evt-header-switcher.ui");
  gtk_widget_class_bind_template_child (widget_class, EvtHeaderSwitcher, switcher);
  gtk_widget_class_bind_template_child (widget_class, EvtHeaderSwitcher, title_widget);
}

static void
evt_header_switcher_init (EvtHeaderSwitcher *self)
{
  self->switcher_enabled = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * evt_header_switcher_new:
 *
 * Returns: (transfer floating): a new switcher, without a stack
 */
GtkWidget *
evt_header_switcher_new (void)
{
  return g_object_new (EVT_TYPE_HEADER_SWITCHER, NULL);
}

/**
 * evt_header_switcher_get_stack:
 * @self: a switcher
 *
 * Returns: (transfer none) (nullable): the views switched between
 */
AdwViewStack *
evt_header_switcher_get_stack (EvtHeaderSwitcher *self)
{
  g_return_val_if_fail (EVT_IS_HEADER_SWITCHER (self), NULL);

  return adw_view_switcher_get_stack (self->switcher);
}

/**
 * evt_header_switcher_set_stack:
 * @self: a switcher
 * @stack: (nullable): the views to switch between
 */
void
evt_header_switcher_set_stack (EvtHeaderSwitcher *self,
                               AdwViewStack      *stack)
{
  g_return_if_fail (EVT_IS_HEADER_SWITCHER (self));
  g_return_if_fail (stack == NULL || ADW_IS_VIEW_STACK (stack));

  if (adw_view_switcher_get_stack (self->switcher) == stack)
    return;

  adw_view_switcher_set_stack (self->switcher, stack);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
}

/**
 * evt_header_switcher_get_title:
 * @self: a switcher
 *
 * Returns: (transfer none): the title shown instead of the switcher
 */
const char *
evt_header_switcher_get_title (EvtHeaderSwitcher *self)
{
  g_return_val_if_fail (EVT_IS_HEADER_SWITCHER (self), NULL);

  return adw_window_title_get_title (self->title_widget);
}

/**
 * evt_header_switcher_set_title:
 * @self: a switcher
 * @title: the title shown instead of the switcher
 */
void
evt_header_switcher_set_title (EvtHeaderSwitcher *self,
                               const char        *title)
{
  g_return_if_fail (EVT_IS_HEADER_SWITCHER (self));

  if (g_strcmp0 (title, adw_window_title_get_title (self->title_widget)) == 0)
    return;

  adw_window_title_set_title (self->title_widget, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * evt_header_switcher_get_subtitle:
 * @self: a switcher
 *
 * Returns: (transfer none): the subtitle under the title
 */
const char *
evt_header_switcher_get_subtitle (EvtHeaderSwitcher *self)
{
  g_return_val_if_fail (EVT_IS_HEADER_SWITCHER (self), NULL);

  return adw_window_title_get_subtitle (self->title_widget);
}

/**
 * evt_header_switcher_set_subtitle:
 * @self: a switcher
 * @subtitle: the subtitle under the title, "" for none
 */
void
evt_header_switcher_set_subtitle (EvtHeaderSwitcher *self,
                                  const char        *subtitle)
{
  g_return_if_fail (EVT_IS_HEADER_SWITCHER (self));

  if (g_strcmp0 (subtitle, adw_window_title_get_subtitle (self->title_widget)) == 0)
    return;

  adw_window_title_set_subtitle (self->title_widget, subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

/**
 * evt_header_switcher_get_switcher_enabled:
 * @self: a switcher
 *
 * Returns: whether the switcher may show
 */
gboolean
evt_header_switcher_get_switcher_enabled (EvtHeaderSwitcher *self)
{
  g_return_val_if_fail (EVT_IS_HEADER_SWITCHER (self), FALSE);

  return self->switcher_enabled;
}

/**
 * evt_header_switcher_set_switcher_enabled:
 * @self: a switcher
 * @enabled: whether the switcher may show; if not, the title shows at any width
 */
void
evt_header_switcher_set_switcher_enabled (EvtHeaderSwitcher *self,
                                          gboolean           enabled)
{
  g_return_if_fail (EVT_IS_HEADER_SWITCHER (self));

  enabled = !!enabled;
  if (self->switcher_enabled == enabled)
    return;

  self->switcher_enabled = enabled;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SWITCHER_ENABLED]);
}

/**
 * evt_header_switcher_get_title_visible:
 * @self: a switcher
 *
 * Returns: whether the title shows rather than the switcher, as last allocated
 */
gboolean
evt_header_switcher_get_title_visible (EvtHeaderSwitcher *self)
{
  g_return_val_if_fail (EVT_IS_HEADER_SWITCHER (self), FALSE);

  return self->title_visible;
}
