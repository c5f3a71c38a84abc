// SPDX-License-Identifier: GPL-3.0-or-later
// read-ics.js: reads an .ics file with npm's ical.js (the parser of Thunderbird) and
// prints, as JSON, what this independent parser understood of it
// (tests/test-export.c checks it). Same output as read_ics.py.
//
// As Thunderbird does, the VTIMEZONEs of the file are registered before events are
// read: ical.js has no zone database of its own, so every UTC instant below comes
// from the file's own daylight-saving rules. A floating time is printed as
// "floating:..." so that a test sees it.

import fs from 'node:fs';

let ICAL;
try {
  ICAL = (await import('ical.js')).default;
} catch (e) {
  process.stderr.write(`ical.js is missing (${e.message}): run build-aux/test, ` +
                       'or npm ci --prefix tests\n');
  process.exit(3);
}

// ical.js decodes only the properties of its design set; like an application
// that uses it, declare the calendar properties of RFC 7986 and the X- ones read
// below, so that their TEXT escapes are decoded.
const properties = ICAL.design.icalendar.property;
for (const name of ['name', 'color', 'x-wr-calname', 'x-wr-caldesc', 'x-wr-timezone',
                    'x-eventail-status'])
  properties[name] = properties[name] || { defaultType: 'text' };
for (const name of ['refresh-interval', 'x-published-ttl'])
  properties[name] = properties[name] || { defaultType: 'duration' };

function timeValue(time) {
  if (time === null || time === undefined)
    return null;
  if (time.isDate)
    return time.toString();
  if (!time.zone || time.zone.tzid === 'floating')
    return 'floating:' + time.toString();
  if (time.zone.tzid !== 'UTC' && !ICAL.TimezoneService.has(time.zone.tzid))
    return 'no-vtimezone:' + time.zone.tzid;
  return time.toJSDate().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function text(component, name) {
  const value = component.getFirstPropertyValue(name);
  if (value === null || value === undefined)
    return null;
  if (value instanceof ICAL.Time)
    return timeValue(value);
  return String(value);
}

if (process.argv.length !== 3) {
  process.stderr.write('usage: node read-ics.js FILE.ics\n');
  process.exit(2);
}

const data = fs.readFileSync(process.argv[2], 'utf8');
const calendar = new ICAL.Component(ICAL.parse(data));

const timezones = [];
for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
  const zone = new ICAL.Timezone(vtz);
  ICAL.TimezoneService.register(zone, zone.tzid);
  timezones.push(zone.tzid);
}

const cal = {};
for (const name of ['version', 'prodid', 'calscale', 'method', 'name', 'x-wr-calname',
                    'x-wr-caldesc', 'x-wr-timezone', 'refresh-interval', 'x-published-ttl'])
  cal[name] = text(calendar, name);

const events = [];
for (const vevent of calendar.getAllSubcomponents('vevent')) {
  const event = new ICAL.Event(vevent);
  const start = timeValue(event.startDate);
  const end = timeValue(event.endDate);
  const sequence = vevent.getFirstPropertyValue('sequence');
  events.push({
    uid: event.uid,
    summary: event.summary,
    status: text(vevent, 'status'),
    x_status: text(vevent, 'x-eventail-status'),
    start: start,
    end: end,
    start_vtimezone: start,
    end_vtimezone: end,
    categories: vevent.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
    location: event.location,
    class: text(vevent, 'class'),
    description: event.description,
    url: text(vevent, 'url'),
    sequence: sequence === null ? null : Number(sequence),
    dtstamp: text(vevent, 'dtstamp'),
    created: text(vevent, 'created'),
    last_modified: text(vevent, 'last-modified'),
  });
}

process.stdout.write(JSON.stringify({
  reader: 'ical.js ' + JSON.parse(fs.readFileSync(
    new URL('../package.json', import.meta.resolve('ical.js')), 'utf8')).version,
  calendar: cal,
  timezones: timezones.sort(),
  events: events,
}, null, 1) + '\n');
