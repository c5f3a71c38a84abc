/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-planning.c: what planners do to an event: cancel, postpone, hold, plan again. */
#include "config.h"

#include <glib/gi18n.h>

#include "evt-event-private.h"
#include "evt-planning.h"

/**
 * evt_event_cancel:
 * @event: an event
 * @reason: (nullable): why, shown to subscribers ("Crise sanitaire")
 *
 * Marks @event cancelled. Its dates stay, so the calendar still shows what did
 * not take place.
 */
void
evt_event_cancel (EvtEvent   *event,
                  const char *reason)
{
  g_return_if_fail (EVT_IS_EVENT (event));

  evt_event_set_status (event, EVT_STATUS_CANCELLED);
  evt_event_set_status_reason (event, reason);
}

/**
 * evt_event_postpone:
 * @event: an event
 * @new_start: (nullable): the new start, or %NULL when the date is to be announced
 * @new_end: (nullable): the new end (inclusive last day for an all-day event)
 * @reason: (nullable): why
 *
 * Marks @event postponed and moves it to its new dates. The dates it was first
 * planned on are kept as the original dates, once: postponing twice keeps the very
 * first ones. Without new dates, the event keeps its place in the calendar and
 * its date is "to be announced" (evt_event_is_date_tba()).
 */
void
evt_event_postpone (EvtEvent   *event,
                    GDateTime  *new_start,
                    GDateTime  *new_end,
                    const char *reason)
{
  g_return_if_fail (EVT_IS_EVENT (event));
  g_return_if_fail ((new_start == NULL) == (new_end == NULL));

  if (evt_event_get_original_start (event) == NULL)
    evt_event_set_original_dates (event, evt_event_get_start (event),
                                  evt_event_get_end (event));

  if (new_start != NULL)
    evt_event_set_dates (event, evt_event_get_all_day (event), new_start, new_end);
  else
    evt_event_set_dates (event, evt_event_get_all_day (event),
                         evt_event_get_original_start (event),
                         evt_event_get_original_end (event));

  evt_event_set_status (event, EVT_STATUS_POSTPONED);
  evt_event_set_status_reason (event, reason);
}

/**
 * evt_event_mark_held:
 * @event: an event
 *
 * Marks @event as having taken place; a reason left from a cancellation or a
 * postponement no longer applies.
 */
void
evt_event_mark_held (EvtEvent *event)
{
  g_return_if_fail (EVT_IS_EVENT (event));

  evt_event_set_status (event, EVT_STATUS_HELD);
  evt_event_set_status_reason (event, NULL);
}

/* A copy that the store will take as a new event: no id, uid or history. */
static EvtEvent *
copy_as_new (EvtEvent *event)
{
  EvtEvent *copy = evt_event_copy (event);

  evt_event_set_id (copy, 0);
  evt_event_set_uid (copy, NULL);
  evt_event_set_sequence (copy, 0);
  evt_event_set_created (copy, NULL);
  evt_event_set_modified (copy, NULL);
  evt_event_set_source (copy, NULL);
  evt_event_set_recurrence_id (copy, NULL);
  return copy;
}

/**
 * evt_event_duplicate:
 * @event: an event
 *
 * Returns: (transfer full): a new, unsaved event with the same fields, titled
 *   "… (copy)"
 */
EvtEvent *
evt_event_duplicate (EvtEvent *event)
{
  g_autoptr(EvtEvent) copy = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (EVT_IS_EVENT (event), NULL);

  copy = copy_as_new (event);
  /* Translators: the title of a duplicated event */
  title = g_strdup_printf (_("%s (copy)"), evt_event_get_title (event));
  evt_event_set_title (copy, title);
  return g_steal_pointer (&copy);
}

/**
 * evt_event_guess_edition_years:
 * @event: an event
 * @series_events: (element-type EvtEvent) (nullable): the other editions of its
 *   series
 *
 * Guesses how often the show comes back from the editions known: Micronora's
 * editions two years apart give 2. With fewer than two editions, 1.
 *
 * Returns: the number of years between editions
 */
int
evt_event_guess_edition_years (EvtEvent  *event,
                               GPtrArray *series_events)
{
  int year = g_date_time_get_year (evt_event_get_start (event));
  int closest = 0;

  g_return_val_if_fail (EVT_IS_EVENT (event), 1);

  for (guint i = 0; series_events != NULL && i < series_events->len; i++)
    {
      EvtEvent *other = g_ptr_array_index (series_events, i);
      int gap = year - g_date_time_get_year (evt_event_get_start (other));

      /* Cancelled editions still tell the rhythm: they were planned. */
      if (gap > 0 && (closest == 0 || gap < closest))
        closest = gap;
    }

  return closest > 0 ? closest : 1;
}

/**
 * evt_event_plan_next_edition:
 * @event: an event
 * @years: how many years later
 *
 * Prepares the next edition of a recurring show: same fields, dates moved by
 * @years onto the same weekday (a show from Tuesday to Friday stays so), status
 * tentative, no reason, linked to @event in one series. When @event had no
 * series yet, it gets one (its uid), so save @event too.
 *
 * Returns: (transfer full): a new, unsaved event
 */
EvtEvent *
evt_event_plan_next_edition (EvtEvent *event,
                             int       years)
{
  g_autoptr(EvtEvent) next = NULL;
  g_autoptr(GDateTime) same_date = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  GDateTime *old_start;
  GTimeSpan length;
  int shift;

  g_return_val_if_fail (EVT_IS_EVENT (event), NULL);
  g_return_val_if_fail (years > 0, NULL);

  old_start = evt_event_get_start (event);
  length = g_date_time_difference (evt_event_get_end (event), old_start);

  same_date = g_date_time_add_years (old_start, years);
  /* Back to the same weekday, the nearest one (-3..+3 days). */
  shift = g_date_time_get_day_of_week (old_start) - g_date_time_get_day_of_week (same_date);
  if (shift > 3)
    shift -= 7;
  else if (shift < -3)
    shift += 7;
  start = g_date_time_add_days (same_date, shift);
  end = g_date_time_add (start, length);

  next = copy_as_new (event);
  evt_event_set_dates (next, evt_event_get_all_day (event), start, end);
  evt_event_set_original_dates (next, NULL, NULL);
  evt_event_set_status (next, EVT_STATUS_TENTATIVE);
  evt_event_set_status_reason (next, NULL);
  evt_event_set_notes (next, NULL);
  evt_event_set_budget_cents (next, evt_event_get_budget_cents (event));
  if (evt_event_get_series (event) == NULL)
    evt_event_set_series (event, evt_event_get_uid (event));
  evt_event_set_series (next, evt_event_get_series (event));

  return g_steal_pointer (&next);
}
