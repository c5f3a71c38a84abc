/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-header-switcher.c: the header bar's view switcher at every width (suite display). */
#include "config.h"

#include <adwaita.h>

#include "evt-header-switcher.h"
#include "evt-test-util.h"

typedef struct
{
  GtkWidget         *window;
  EvtHeaderSwitcher *header;
  AdwViewSwitcher   *switcher;   /* the header's own */
  GtkWidget         *title;      /* the header's AdwWindowTitle */
  guint              n_title_notifies;
} Fixture;

static gboolean
is_allocated (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0;
}

static void
on_title_visible (Fixture *fixture)
{
  fixture->n_title_notifies++;
}

static void
fixture_set_up (Fixture *fixture)
{
  static const char * const views[][2] = {
    { "Year", "x-office-calendar-symbolic" },
    { "List", "view-list-symbolic" },
    { "Agenda", "view-list-bullet-symbolic" },
    { "Directory", "system-users-symbolic" },
    { "Follow-ups", "task-due-symbolic" },
  };
  AdwViewStack *stack = ADW_VIEW_STACK (adw_view_stack_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    adw_view_stack_add_titled_with_icon (stack, gtk_label_new (views[i][0]), views[i][0],
                                         views[i][0], views[i][1]);

  fixture->header = EVT_HEADER_SWITCHER (evt_header_switcher_new ());
  evt_header_switcher_set_stack (fixture->header, stack);
  evt_header_switcher_set_title (fixture->header, "2022");
  evt_header_switcher_set_subtitle (fixture->header, "9 events");
  fixture->switcher = ADW_VIEW_SWITCHER (
    gtk_widget_get_template_child (GTK_WIDGET (fixture->header), EVT_TYPE_HEADER_SWITCHER,
                                   "switcher"));
  fixture->title = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (fixture->header), EVT_TYPE_HEADER_SWITCHER,
                                   "title_widget"));
  g_signal_connect_swapped (fixture->header, "notify::title-visible",
                            G_CALLBACK (on_title_visible), fixture);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->header));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (stack));
  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);
  gtk_window_present (GTK_WINDOW (fixture->window));

  evt_test_wait_until (is_allocated, fixture->header, "the header to be allocated");
}

static void
fixture_tear_down (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
}

/* Allocates the header @width pixels wide, as a header bar would. */
static void
allocate (Fixture *fixture,
          int      width)
{
  gtk_widget_measure (GTK_WIDGET (fixture->header), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, NULL, NULL, NULL);
  gtk_widget_allocate (GTK_WIDGET (fixture->header), width, 46, -1, NULL);
}

static int
switcher_natural (Fixture *fixture)
{
  int natural = 0;

  gtk_widget_measure (GTK_WIDGET (fixture->switcher), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &natural, NULL, NULL);
  return natural;
}

/* The switcher shows with @policy, at its natural width in the middle of @width. */
static void
assert_switcher (Fixture               *fixture,
                 int                    width,
                 AdwViewSwitcherPolicy  policy)
{
  graphene_rect_t bounds;
  int natural = switcher_natural (fixture);

  g_assert_false (evt_header_switcher_get_title_visible (fixture->header));
  g_assert_cmpint (adw_view_switcher_get_policy (fixture->switcher), ==, policy);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (fixture->switcher)));
  g_assert_false (gtk_widget_get_child_visible (fixture->title));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (fixture->switcher),
                                            GTK_WIDGET (fixture->header), &bounds));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->switcher)), ==, natural);
  g_assert_cmpfloat (bounds.origin.x, ==, (width - natural) / 2);
}

static void
assert_title (Fixture *fixture,
              int      width)
{
  g_assert_true (evt_header_switcher_get_title_visible (fixture->header));
  g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (fixture->switcher)));
  g_assert_true (gtk_widget_get_child_visible (fixture->title));
  g_assert_cmpint (gtk_widget_get_width (fixture->title), ==, width);
}

/* Wide where the labels fit beside the icons, narrow where they fit under them, the
 * title where not even that fits; and back as the width grows. */
static void
test_widths (void)
{
  Fixture fixture = { 0 };
  int wide, narrow, natural;

  fixture_set_up (&fixture);

  allocate (&fixture, 2000);
  assert_switcher (&fixture, 2000, ADW_VIEW_SWITCHER_POLICY_WIDE);
  wide = switcher_natural (&fixture);

  allocate (&fixture, wide);
  assert_switcher (&fixture, wide, ADW_VIEW_SWITCHER_POLICY_WIDE);

  allocate (&fixture, wide - 1);
  assert_switcher (&fixture, wide - 1, ADW_VIEW_SWITCHER_POLICY_NARROW);
  narrow = switcher_natural (&fixture);
  g_assert_cmpint (narrow, <, wide);
  /* Narrow, the header still asks for the room of the wide switcher. */
  gtk_widget_measure (GTK_WIDGET (fixture.header), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &natural, NULL, NULL);
  g_assert_cmpint (natural, ==, wide);

  allocate (&fixture, narrow);
  assert_switcher (&fixture, narrow, ADW_VIEW_SWITCHER_POLICY_NARROW);
  g_assert_cmpuint (fixture.n_title_notifies, ==, 0);

  allocate (&fixture, narrow - 1);
  assert_title (&fixture, narrow - 1);
  g_assert_cmpuint (fixture.n_title_notifies, ==, 1);

  allocate (&fixture, wide - 1);
  assert_switcher (&fixture, wide - 1, ADW_VIEW_SWITCHER_POLICY_NARROW);
  g_assert_cmpuint (fixture.n_title_notifies, ==, 2);

  allocate (&fixture, wide + 40);
  assert_switcher (&fixture, wide + 40, ADW_VIEW_SWITCHER_POLICY_WIDE);

  fixture_tear_down (&fixture);
}

/* Disabled, the title shows at any width. */
static void
test_disabled (void)
{
  Fixture fixture = { 0 };

  fixture_set_up (&fixture);

  evt_header_switcher_set_switcher_enabled (fixture.header, FALSE);
  allocate (&fixture, 2000);
  assert_title (&fixture, 2000);
  g_assert_cmpstr (evt_header_switcher_get_title (fixture.header), ==, "2022");
  g_assert_cmpstr (evt_header_switcher_get_subtitle (fixture.header), ==, "9 events");

  evt_header_switcher_set_switcher_enabled (fixture.header, TRUE);
  allocate (&fixture, 2000);
  assert_switcher (&fixture, 2000, ADW_VIEW_SWITCHER_POLICY_WIDE);

  fixture_tear_down (&fixture);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under xvfb-run\n");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/header-switcher/widths", test_widths);
  g_test_add_func ("/header-switcher/disabled", test_disabled);

  return g_test_run ();
}
