/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-types.h: the closed vocabularies of an event (kind, status, visibility). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of each value (from evt-enum-types, e.g. "trade-show") is the stable
 * identifier used in the database, the command line, CSV and JSON output. */
typedef enum
{
  EVT_KIND_TRADE_SHOW,
  EVT_KIND_CONGRESS,
  EVT_KIND_BUSINESS_CONVENTION,
  EVT_KIND_WEBINAR,
  EVT_KIND_WORKSHOP,
  EVT_KIND_TECHNICAL_DAY,
  EVT_KIND_MEETING,
  EVT_KIND_ROAD_SHOW,
  EVT_KIND_COMPANY_VISIT,
  EVT_KIND_TRAINING,
  EVT_KIND_GENERAL_ASSEMBLY,
  EVT_KIND_OTHER,
} EvtKind;

typedef enum
{
  EVT_STATUS_TENTATIVE,
  EVT_STATUS_CONFIRMED,
  EVT_STATUS_POSTPONED,
  EVT_STATUS_CANCELLED,
  EVT_STATUS_HELD,
} EvtStatus;

typedef enum
{
  EVT_VISIBILITY_PUBLIC,
  EVT_VISIBILITY_INTERNAL,
} EvtVisibility;

#define EVT_N_KINDS    (EVT_KIND_OTHER + 1)
#define EVT_N_STATUSES (EVT_STATUS_HELD + 1)

const char *evt_kind_to_string        (EvtKind        kind);
gboolean    evt_kind_from_string      (const char    *str,
                                       EvtKind       *kind);
const char *evt_kind_get_label        (EvtKind        kind);

const char *evt_status_to_string      (EvtStatus      status);
gboolean    evt_status_from_string    (const char    *str,
                                       EvtStatus     *status);
const char *evt_status_get_label      (EvtStatus      status);

const char *evt_visibility_to_string   (EvtVisibility  visibility);
gboolean    evt_visibility_from_string (const char    *str,
                                        EvtVisibility *visibility);
const char *evt_visibility_get_label   (EvtVisibility  visibility);

G_END_DECLS
