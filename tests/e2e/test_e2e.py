# SPDX-License-Identifier: GPL-3.0-or-later
# test_e2e.py: the real eventail window driven through its accessibility tree with dogtail.
#
# Run by meson (suite e2e) under build-aux/test's xvfb-run and dbus-run-session, with
# /usr/bin/python3 (Debian's python3-dogtail). The environment gives EVENTAIL_BIN (the built
# binary), EVENTAIL_DATABASE (a file in a temporary folder), GSETTINGS_SCHEMA_DIR and
# GSETTINGS_BACKEND=memory. The test starts eventail on an empty database, creates an event
# (Ctrl+N, the title typed, the start date picked in its calendar popover with the keyboard,
# Ctrl+S), finds it in the List view (Ctrl+2, Ctrl+F), cancels it with a reason through the
# window's win.cancel-event action and its dialog, checks that its title is struck through
# (the a11y text attributes of the list cell) and that the reason is shown, exports (Ctrl+E,
# the export dialog, the file chooser, a typed path) and reads the .ics file written
# (VCALENDAR, SUMMARY, STATUS:CANCELLED, the reason in DESCRIPTION, the dates picked), then
# quits with Ctrl+Q and checks the exit status. Prints TAP; exits 0 when every check passed,
# 1 otherwise, 77 (skipped) without a display or a session bus.

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time

TITLE = "Salon e2e"
REASON = "Crise sanitaire e2e"

results = []


def log(*args):
    print("#", *args, flush=True)


def check(name, ok, detail=""):
    results.append((name, bool(ok)))
    n = len(results)
    print(("ok %d - %s" if ok else "not ok %d - %s") % (n, name), flush=True)
    if not ok and detail:
        for line in str(detail).splitlines():
            print("#   " + line, flush=True)
    return bool(ok)


def finish(code=None):
    passed = sum(1 for _, ok in results if ok)
    failed = len(results) - passed
    print("1..%d" % len(results))
    print("# %d passed, %d failed" % (passed, failed), flush=True)
    sys.exit(code if code is not None else (1 if failed or not results else 0))


if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    print("1..0 # SKIP needs an X display and a D-Bus session bus (build-aux/test)")
    sys.exit(77)

binary = os.environ.get("EVENTAIL_BIN")
if not binary or not os.access(binary, os.X_OK):
    print("Bail out! EVENTAIL_BIN does not name the built eventail binary")
    sys.exit(1)

workdir = tempfile.mkdtemp(prefix="eventail-e2e-")
for sub in ("home", "config", "data", "cache", "runtime", "export"):
    os.makedirs(os.path.join(workdir, sub), mode=0o700)

env = dict(os.environ)
env.update({
    "HOME": os.path.join(workdir, "home"),
    "XDG_CONFIG_HOME": os.path.join(workdir, "config"),
    "XDG_DATA_HOME": os.path.join(workdir, "data"),
    "XDG_CACHE_HOME": os.path.join(workdir, "cache"),
    "XDG_RUNTIME_DIR": os.path.join(workdir, "runtime"),
    "GSETTINGS_BACKEND": "memory",
    "GTK_A11Y": "atspi",
    # No portal on the test bus: the file chooser is GTK's own dialog, in our a11y tree.
    "GTK_USE_PORTAL": "0",
    "GDK_DEBUG": "gl-disable",
    "LC_ALL": "C.UTF-8",
    "LANGUAGE": "en",
})
env.pop("NO_AT_BRIDGE", None)
# Under the sanitizers (EVENTAIL_SANITIZE=1 build-aux/test) memory errors and undefined
# behaviour still abort eventail and fail the test, but leaks are not looked for here: GTK
# 4.8's AT-SPI layer, which only this test turns on, leaves some of its strings at exit (the
# display suites check the application's own leaks without it).
# (ASAN_OPTIONS is read only by a binary built with AddressSanitizer.)
env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":")
if not env.get("EVENTAIL_DATABASE"):
    env["EVENTAIL_DATABASE"] = os.path.join(workdir, "eventail.db")
database = env["EVENTAIL_DATABASE"]
os.makedirs(os.path.dirname(database), exist_ok=True)
if os.path.exists(database):
    os.unlink(database)
export_path = os.path.join(workdir, "export", "e2e-export.ics")

# dogtail refuses to start unless org.gnome.desktop.interface toolkit-accessibility is set;
# GTK 4 exposes its tree on the AT-SPI bus without it, so that check is skipped, and
# dogtail's logs go to the temporary folder.
os.environ["HOME"] = env["HOME"]
from dogtail.config import config  # noqa: E402

config.checkForA11y = False
config.logDebugToFile = False
config.logDebugToStdOut = False
config.searchShowingOnly = False
config.defaultDelay = 0.3
config.actionDelay = 0.3
config.typingDelay = 0.05
config.searchCutoffCount = 3
config.searchBackoffDuration = 0.5
try:
    config.scratchDir = os.path.join(workdir, "dogtail") + "/"
    config.logDir = os.path.join(workdir, "dogtail-logs") + "/"
except Exception:  # noqa: BLE001 - older dogtail: its defaults are fine
    pass

from dogtail import predicate, rawinput, tree  # noqa: E402

app_log = open(os.path.join(workdir, "eventail.log"), "w")
proc = subprocess.Popen([binary], env=env, stdout=app_log, stderr=subprocess.STDOUT)


def app_output():
    app_log.flush()
    with open(os.path.join(workdir, "eventail.log")) as f:
        return f.read()[-4000:]


def wait_for(what, func, timeout=20.0, step=0.25):
    """Calls func until it returns something true, for at most timeout seconds."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("eventail exited with status %s while waiting for %s\n%s"
                               % (proc.returncode, what, app_output()))
        try:
            value = func()
            if value:
                return value
        except Exception as e:  # noqa: BLE001 - the tree changes under our feet
            last_error = e
        time.sleep(step)
    raise TimeoutError("timed out after %.0f s waiting for %s%s"
                       % (timeout, what, " (%s)" % last_error if last_error else ""))


def find(parent, pred, what, timeout=15.0):
    return wait_for(what, lambda: parent.findChild(pred, retry=False, requireResult=False),
                    timeout)


def find_all(parent, pred):
    try:
        return parent.findChildren(pred)
    except Exception:  # noqa: BLE001
        return []


def by(name=None, role=None, pred=None):
    def f(node):
        try:
            if name is not None and node.name != name:
                return False
            if role is not None and node.roleName != role:
                return False
            return pred(node) if pred is not None else True
        except Exception:  # noqa: BLE001 - a node that went away
            return False
    return predicate.GenericPredicate(name=name, roleName=role) if pred is None \
        else _Pred(f, "%s/%s" % (name, role))


class _Pred(predicate.Predicate):
    def __init__(self, func, desc):
        self.satisfiedByNode = func
        self.describeSearchResult = lambda: desc


def key(combo):
    log("key", combo)
    rawinput.keyCombo(combo)
    time.sleep(0.5)


def press_enter():
    rawinput.pressKey("Return")
    time.sleep(0.5)


def type_text(text):
    rawinput.typeText(text)
    time.sleep(0.3)


def frames(app):
    """The application's top-level windows (GTK 4.8 gives the file chooser the role
    filler)."""
    return list(app.children)


def text_attributes(node):
    """The text attributes at the first character of node's a11y text (a dict)."""
    iface = node.queryText()
    try:
        attrs = iface.getAttributeRun(0, True)
    except Exception:  # noqa: BLE001
        attrs = iface.get_attribute_run(0, True)
    if isinstance(attrs, (tuple, list)) and attrs and isinstance(attrs[0], (list, dict)):
        attrs = attrs[0]
    if isinstance(attrs, dict):
        return attrs
    out = {}
    for item in attrs or []:
        k, _, v = str(item).partition(":")
        out[k.strip()] = v.strip()
    return out


def store_events(status=None):
    """The events in the database, through the real eventail command line (JSON)."""
    args = [binary, "list", "--json"] + (["--status", status] if status else [])
    out = subprocess.run(args, env=env, capture_output=True, text=True, timeout=30)
    if out.returncode != 0:
        raise RuntimeError("eventail list failed: " + out.stderr)
    return out.stdout


def named(prefix, role):
    """A node whose role is role and whose accessible name starts with prefix (GTK 4.8 names
    a widget by its label and its labelled-by label: "_Save Save", "Title Title")."""
    return by(pred=lambda n: n.roleName == role and (n.name or "").startswith(prefix))


dates = {}


def date_button(window, prefix):
    """The date a page's date button shows ("Start date: November 24, 2026")."""
    # A GtkMenuButton is a push button holding the push button that takes the click.
    button = find(window, by(pred=lambda n: n.roleName == "push button"
                             and (n.name or "").startswith(prefix + ":")
                             and "click" in n.actions), "the %s button" % prefix)
    text = button.name.split(":", 1)[1].strip()
    for n in range(len(text), 0, -1):
        try:
            return button, datetime.datetime.strptime(text[:n].strip(), "%B %d, %Y").date()
        except ValueError:
            continue
    raise ValueError("no date in %r" % button.name)


def pick_date(window, prefix, keys):
    """Opens the calendar of a date button and picks a day with the keyboard. Where GTK 4.8
    puts the keyboard focus when the popover opens is not documented, so a pick that left
    the date as it was is tried again with other keys, three times at most."""
    button, before = date_button(window, prefix)
    for attempt in (keys, ["Right", "Right"], ["Down"]):
        button.doActionNamed("click")
        time.sleep(1)
        for k in attempt:
            rawinput.pressKey(k)
            time.sleep(0.2)
        rawinput.pressKey("space")
        time.sleep(0.8)
        try:
            after = wait_for("the %s to change" % prefix,
                             lambda: (lambda d: d if d != before else None)(
                                 date_button(window, prefix)[1]), timeout=5)
        except TimeoutError:
            rawinput.pressKey("Escape")
            time.sleep(0.5)
            continue
        log(prefix, "from", before, "to", after, "with", attempt)
        return after
    raise TimeoutError("the %s did not change through its calendar" % prefix)


def main():
    app = wait_for("the eventail application on the AT-SPI bus",
                   lambda: tree.root.application("eventail"), timeout=30)
    window = wait_for("the Eventail window",
                      lambda: next((f for f in frames(app) if f.name == "Eventail"), None),
                      timeout=30)
    check("the window appears in the accessibility tree", window is not None)

    # An empty database: the window offers the sample data and a new event.
    find(window, named("_Load Sample Data", "push button"),
         "the Load Sample Data button of the empty database", timeout=20)
    time.sleep(1)

    # New event: Ctrl+N opens the event page, with the focus in the title.
    key("<Control>n")
    find(window, named("Title", "text"), "the Title field of a new event")
    type_text(TITLE)
    # The start date: its button opens a calendar, the arrow keys move the focused day and
    # Space picks it; the end follows (the event keeps its length, one day).
    today = datetime.date.today()
    start_day = pick_date(window, "Start date", ["Left", "Left"])
    end_day = wait_for("the end date to follow the start",
                       lambda: (lambda d: d if d == start_day else None)(
                           date_button(window, "End date")[1]), timeout=10)
    check("the start date is changed through its calendar, the end follows",
          start_day != today and end_day == start_day,
          "%s to %s, today %s" % (start_day, end_day, today))
    dates["start"], dates["end"] = start_day, end_day
    key("<Control>s")
    saved = wait_for("the event to be saved", lambda: TITLE in store_events(), timeout=15)
    check("Ctrl+N, the title typed and Ctrl+S save a new event", saved)

    # The List view (Ctrl+2), its search (Ctrl+F), Enter selects the first result.
    key("<Control>2")
    key("<Control>f")
    type_text(TITLE)
    press_enter()
    # The List view's rows have no accessible name of their own in GTK 4.8: its title
    # cell is a label named by the title.
    cell = find(window, by(TITLE, "label"), "the new event in the List view", timeout=15)
    check("the new event is listed", cell is not None)

    before = [text_attributes(c).get("strikethrough") for c in
              find_all(window, by(TITLE, "label"))]
    check("before cancelling, the title is not struck through",
          before and "true" not in before, before)

    # Cancel it with a reason: the window's win.cancel-event action, then its dialog.
    actions = list(window.actions)
    check("the window exposes the win.cancel-event action", "win.cancel-event" in actions,
          ", ".join(sorted(actions)))
    window.doActionNamed("win.cancel-event")
    dialog = wait_for("the cancel dialog",
                      lambda: next((f for f in frames(app) if TITLE in (f.name or "")
                                    and f.name.startswith("Cancel")), None), timeout=15)
    check("the cancel dialog asks about the event", dialog is not None)
    find(dialog, named("Reason", "text"), "the Reason field of the cancel dialog")
    button = find(dialog, named("_Cancel Event", "push button"), "the Cancel Event button")
    check("the cancel dialog has a Reason field and a Cancel Event button", button is not None)
    # The dialog puts the focus in the reason; Enter gives the default response.
    time.sleep(0.5)
    type_text(REASON)
    press_enter()
    wait_for("the cancel dialog to close",
             lambda: not any(TITLE in (f.name or "") for f in frames(app)), timeout=15)
    cancelled = wait_for("the event to be cancelled in the store",
                         lambda: TITLE in store_events("cancelled"), timeout=15)
    check("the store holds the event cancelled, with the reason",
          cancelled and REASON in store_events("cancelled"), store_events())

    # Struck through: GTK turns the CSS text-decoration of the title into the text
    # attribute strikethrough:true of the label's AT-SPI text.
    def struck_labels():
        labels = find_all(window, by(TITLE, "label"))
        found = [text_attributes(c) for c in labels]
        return [a for a in found if a.get("strikethrough") == "true"]
    try:
        wait_for("the title to be struck through", struck_labels, timeout=15)
        check("the cancelled event's title is struck through", True)
    except TimeoutError as e:
        check("the cancelled event's title is struck through", False,
              "%s\nattributes: %s" % (e, [text_attributes(c) for c in
                                          find_all(window, by(TITLE, "label"))]))
    plain = [text_attributes(c) for c in find_all(window, by(pred=lambda n:
                                                             n.roleName == "label"
                                                             and n.name == "Kind"))]
    log("a label that is not struck through:", [a.get("strikethrough") for a in plain])

    status = find(window, by("Cancelled", "label"), "the status Cancelled in the List view")
    check("the status column says Cancelled", status is not None)

    # The Agenda (Ctrl+3) names each row after its event, status and reason included.
    key("<Control>3")
    row = find(window, by(pred=lambda n: n.roleName == "list item"
                          and (n.name or "").startswith(TITLE + ",")), "the cancelled row")
    check("the Agenda row says Cancelled and the reason",
          "Cancelled" in row.name and REASON in row.name, row.name)

    # Export: Ctrl+E, the export dialog, its Export… button, the file chooser.
    key("<Control>e")
    export_dialog = wait_for("the export dialog",
                             lambda: next((f for f in frames(app)
                                           if f.name == "Export Events"
                                           and find_all(f, named("_Export", "push button"))),
                                          None), timeout=15)
    export_button = find(export_dialog, named("_Export", "push button"), "the Export… button")
    check("Ctrl+E opens the export dialog", export_button is not None)
    # Cancelled events as such (STATUS:CANCELLED), not marked in the title: the row's
    # mnemonic (Alt+C), Space opens its list, Home and Enter choose the first, Include.
    time.sleep(0.5)
    key("<Alt>c")
    rawinput.pressKey("space")
    time.sleep(0.8)
    rawinput.pressKey("Home")
    time.sleep(0.3)
    press_enter()
    combo = find(export_dialog, named("Cancelled Events", "combo box"),
                 "the Cancelled Events row")
    choice = wait_for("the policy Include", lambda: combo.findChild(
        by("Include", "label"), retry=False, requireResult=False), timeout=10)
    check("the Cancelled Events row is set to Include", choice is not None)
    export_button.doActionNamed("click")

    def chooser():
        for f in frames(app):
            if f.name == "Eventail" or f == export_dialog:
                continue
            entry = f.findChild(named("Name", "text"), retry=False, requireResult=False)
            if entry is not None:
                return f
        return None
    chooser_window = wait_for("the file chooser", chooser, timeout=20)
    check("the export opens a file chooser", chooser_window is not None)
    # The focus is in the name, which proposes a file name: replaced by a full path.
    time.sleep(0.8)
    rawinput.keyCombo("<Control>a")
    time.sleep(0.2)
    type_text(export_path)
    press_enter()

    def written():
        if not os.path.exists(export_path):
            return False
        with open(export_path, encoding="utf-8") as f:
            return f.read().rstrip().endswith("END:VCALENDAR")
    wait_for("the .ics file to be written", written, timeout=30)
    check("the export writes the file typed in the chooser", True)
    with open(export_path, encoding="utf-8", newline="") as f:
        ics = f.read()
    # Unfold the content lines (RFC 5545 3.1) before looking at values.
    unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "")
    lines = [ln.rstrip("\r") for ln in unfolded.split("\n")]
    check("the file is an iCalendar stream", lines[0] == "BEGIN:VCALENDAR", ics[:400])
    summaries = [ln for ln in lines if ln.startswith("SUMMARY")]
    check("SUMMARY holds the title", any(TITLE in ln for ln in summaries), summaries)
    check("STATUS:CANCELLED", "STATUS:CANCELLED" in lines, ics)
    descriptions = [ln for ln in lines if ln.startswith("DESCRIPTION")]
    check("DESCRIPTION holds the reason", any(REASON in ln for ln in descriptions),
          descriptions)
    # All day: DTSTART is the first day, DTEND the day after the last (RFC 5545 3.6.1).
    starts = [ln for ln in lines if ln.startswith("DTSTART")]
    ends = [ln for ln in lines if ln.startswith("DTEND")]
    first = dates["start"].strftime("%Y%m%d")
    after_last = (dates["end"] + datetime.timedelta(days=1)).strftime("%Y%m%d")
    check("DTSTART is the start date picked", starts == ["DTSTART;VALUE=DATE:" + first], starts)
    check("DTEND is the day after the end date picked",
          ends == ["DTEND;VALUE=DATE:" + after_last], ends)
    log("exported %d bytes to %s" % (len(ics), export_path))

    # Ctrl+Q quits cleanly (under the sanitizers, their exit reports fail it).
    check("eventail is still running after the scenario", proc.poll() is None)
    key("<Control>q")
    try:
        code = proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        code = None
    check("Ctrl+Q quits with status 0", code == 0, "status %s\n%s" % (code, app_output()))


try:
    main()
except Exception as e:  # noqa: BLE001 - reported as a failure with what was on screen
    import traceback
    check("the scenario runs to its end", False,
          "%s: %s\n%s" % (type(e).__name__, e, traceback.format_exc()))
    try:
        log("eventail output:\n" + app_output())
    except Exception:  # noqa: BLE001
        pass
finally:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    app_log.close()
    if all(ok for _, ok in results):
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        log("kept for inspection:", workdir)

finish()
