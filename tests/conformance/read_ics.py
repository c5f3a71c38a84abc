#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# read_ics.py: reads an .ics file with Debian's python3-icalendar and prints, as JSON,
# what this independent parser understood of it (tests/test-export.c checks it).
#
# Times are given as UTC ("2021-07-16T07:00:00Z") or as a date ("2021-03-16").
# A timed value with a TZID is turned into UTC twice: with the zone that pytz has
# under that name ("start"), and with the VTIMEZONE of the file itself
# ("start_vtimezone"), so that the file's daylight-saving rules are checked too.
# A floating time is printed as "floating:..." so that a test sees it.

import json
import sys
from datetime import date, datetime

try:
    import icalendar
    import pytz
except ImportError as e:  # the test prints this and fails
    sys.stderr.write("python3-icalendar is missing (%s): run build-aux/test, "
                     "or apt-get install python3-icalendar\n" % e)
    sys.exit(3)


def utc_text(dt):
    return dt.astimezone(pytz.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def time_value(prop, zones):
    """(as read by icalendar, as computed from the file's VTIMEZONE)"""
    if prop is None:
        return None, None
    value = prop.dt
    if not isinstance(value, datetime) and isinstance(value, date):
        text = value.isoformat()
        return text, text
    if value.tzinfo is None:
        text = "floating:" + value.isoformat()
        return text, text
    tzid = prop.params.get("TZID")
    if tzid is None:
        text = utc_text(value)
        return text, text
    zone = zones.get(str(tzid))
    if zone is None:
        return utc_text(value), "no-vtimezone:" + str(tzid)
    local = zone.localize(value.replace(tzinfo=None))
    return utc_text(value), utc_text(local)


def text(component, name):
    value = component.get(name)
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0]
    if hasattr(value, "dt"):
        return utc_text(value.dt) if isinstance(value.dt, datetime) else str(value.dt)
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, (str, int)):
        return str(value)
    return value.to_ical().decode("utf-8")


def categories(component):
    value = component.get("CATEGORIES")
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    result = []
    for v in values:
        if hasattr(v, "cats"):
            result.extend(str(c) for c in v.cats)
        else:
            result.append(str(v))
    return result


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: read_ics.py FILE.ics\n")
        return 2

    with open(sys.argv[1], "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())

    zones = {}
    for vtz in cal.walk("VTIMEZONE"):
        zones[str(vtz["TZID"])] = vtz.to_tz()

    calendar = {}
    for name in ("VERSION", "PRODID", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME",
                 "X-WR-CALDESC", "X-WR-TIMEZONE", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"):
        calendar[name.lower()] = text(cal, name)

    events = []
    for ev in cal.walk("VEVENT"):
        start, start_vtz = time_value(ev.get("DTSTART"), zones)
        end, end_vtz = time_value(ev.get("DTEND"), zones)
        seq = ev.get("SEQUENCE")
        events.append({
            "uid": text(ev, "UID"),
            "summary": text(ev, "SUMMARY"),
            "status": text(ev, "STATUS"),
            "x_status": text(ev, "X-EVENTAIL-STATUS"),
            "start": start,
            "end": end,
            "start_vtimezone": start_vtz,
            "end_vtimezone": end_vtz,
            "categories": categories(ev),
            "location": text(ev, "LOCATION"),
            "class": text(ev, "CLASS"),
            "description": text(ev, "DESCRIPTION"),
            "url": text(ev, "URL"),
            "sequence": int(seq) if seq is not None else None,
            "dtstamp": text(ev, "DTSTAMP"),
            "created": text(ev, "CREATED"),
            "last_modified": text(ev, "LAST-MODIFIED"),
        })

    out = {"reader": "python3-icalendar " + icalendar.__version__,
           "calendar": calendar, "timezones": sorted(zones), "events": events}
    sys.stdout.buffer.write(json.dumps(out, ensure_ascii=False, indent=1).encode("utf-8"))
    sys.stdout.buffer.write(b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
