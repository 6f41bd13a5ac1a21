"""Shiftwell's memory through a working day, step by step (aim: <= 90 MB at every step).

Starts the real tray on the same kind of desktop as `idle_cost.py` (Xvfb, trayer as the tray
host, dunst for notifications, private buses) with its database made beforehand, as on any
day but the first, and walks it through a day: the shift started, a minute of work, a micro
break that runs to its end, a long break (its full-screen screens shown, then closed when it
ends), the check-in that follows skipped with Esc, the weekly review opened from the tray
menu and closed, then breaks driven fast through the tray's own command socket (`break
micro`, then `focus` to skip it), 100 and then 1,000 of them. After each step it prints VmRSS
of the tray process, and of its whole process tree (the tray and every child, e.g. the
chime's player) with PSS beside.

The pointer is nudged every few seconds while the day runs, as by a user at the keyboard, so
the engine never turns to "away". Beside the figures: a bare PySide6 tray icon measured here
on the same desktop (`idle_cost.py`'s floor), and the peers' idle figures from an
`idle_cost.py --json` file (`--peers FILE`), or else the figures it printed before.

Run: PYTHONPATH=app:. .venv/bin/python bench/memory_day.py [--peers FILE] [--breaks 1000]
     [--minute 60] [--no-floor] [--json FILE]
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import dataclasses
import json
import re
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench._proc import pss_kb, sample_tree
from bench.idle_cost import (
    APPS,
    REFERENCE,
    RSS_AIM_MB,
    AppFailed,
    DesktopFailed,
    Running,
    _interrupt_once,
    _missing_tools,
    _read_only,
    _shiftwell_options,
    _shiftwell_prepare,
    _started,
    _touch_input,
    _wait,
    _wait_for_tray,
    _xdotool,
    measure,
    shared_desktop,
)
from tests.helpers.desktop import DesktopSession

from shiftwell.platform.instance import InstanceError, send_request, socket_path

SPECS = {spec.key: spec for spec in APPS}
# Nothing on the schedule (the bench starts the shift); breaks far apart so that none comes
# by itself; the shortest long break the settings allow; gentle strictness, so that a break
# can be skipped at once (the fast loop skips each one as soon as it started).
DAY_CONFIG = (
    "[schedule]\n"
    + "".join(
        f'{day} = "off"\n'
        for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
    + """
[breaks]
strictness = "gentle"

[breaks.micro]
every = "4h"
length = "20s"

[breaks.long]
every = "8h"
length = "1m"
"""
)
BREAK_STATES = ("micro_break", "long_break", "break_due")
NUDGE_EVERY_S = 5.0  # well under breaks.micro.length (20 s), after which no input is "away"
BREAK_TIMEOUT_S = 120.0
WINDOW_TIMEOUT_S = 20.0
CHECKIN_TITLE = "check-in"  # "Shiftwell — check-in"
REVIEW_TITLE = "your week"  # "Shiftwell — your week"


@dataclass
class Row:
    step: str
    tray_mb: float
    tree_mb: float
    pss_mb: float
    processes: int
    at_s: float  # seconds since the tray process started
    note: str = ""


class Day:
    """The running tray, driven through its socket and the desktop; each `measure` a row."""

    def __init__(self, running: Running, session: DesktopSession) -> None:
        self.running = running
        self.session = session
        self.rows: list[Row] = []
        self.started_at = time.monotonic()
        self.socket = socket_path(running.home / "data", running.env)
        self._nudged_at = 0.0

    def request(self, cmd: str, **args: Any) -> dict[str, Any]:
        reply = send_request(self.socket, cmd, args, timeout=10)
        if not reply.get("ok"):
            raise AppFailed(f"{cmd} {args or ''} refused: {reply.get('error')}")
        return reply

    def state(self) -> str:
        return str(send_request(self.socket, "status", timeout=10).get("state"))

    def measure(self, step: str, note: str = "") -> Row:
        tree = sample_tree(self.running.process.pid)
        if not tree.processes or tree.processes[0].pid != self.running.process.pid:
            raise AppFailed(f"the tray process is gone at '{step}'")
        row = Row(
            step,
            tree.processes[0].rss_kb / 1024,
            tree.rss_kb / 1024,
            pss_kb(p.pid for p in tree.processes) / 1024,
            len(tree.processes),
            time.monotonic() - self.started_at,
            note,
        )
        self.rows.append(row)
        print(f"  {_row_line(row)}", flush=True)
        return row

    def nudge(self, *, every: float = NUDGE_EVERY_S) -> None:
        if time.monotonic() - self._nudged_at >= every:
            _touch_input(self.session)
            self._nudged_at = time.monotonic()

    def work(self, seconds: float) -> None:
        """Time at the keyboard: the pointer moves now and then, nothing else happens."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            self.nudge()
            self.alive(min(1.0, left))

    def until(self, condition: Callable[[], bool], what: str, timeout: float) -> float:
        """Waits (user active) until `condition`; returns the seconds it took."""
        began = time.monotonic()
        while not condition():
            if time.monotonic() - began > timeout:
                raise AppFailed(f"not {what} after {timeout:.0f} s")
            self.nudge()
            self.alive(0.25)
        return time.monotonic() - began

    def visible(self, title: str) -> list[str]:
        return _xdotool(self.running, "search", "--onlyvisible", "--name", title).split()

    def alive(self, seconds: float) -> None:
        time.sleep(seconds)
        if self.running.process.poll() is not None:
            raise AppFailed(
                f"the tray exited (status {self.running.process.returncode}):\n    "
                + self.running.output_tail()
            )


# -- the steps ------------------------------------------------------------------------------


def start(day: Day, minute: float) -> None:
    log = day.running.home / "data" / "shiftwell.log"
    _wait(day.running, lambda: log.exists() and "ready; data in" in log.read_text(), "ready")
    notes = _wait_for_tray(day.running, SPECS["shiftwell"])
    if notes:
        raise AppFailed(notes[0])
    day.request("start", confirmed=True)
    day.measure("start: icon up, database open, shift on", day.state())
    day.work(minute)
    day.measure(f"after the first {minute:.0f} s of work", day.state())


def micro_break(day: Day) -> None:
    day.request("break", kind="micro")
    took = day.until(lambda: day.state() not in BREAK_STATES, "back from the micro break", 60)
    day.measure("micro break, run to its end", f"{took:.0f} s; then {day.state()}")


def long_break(day: Day) -> None:
    day.request("break", kind="long")
    day.until(lambda: bool(day.visible("Shiftwell break")), "showing the break screens", 20)
    took = day.until(
        lambda: day.state() not in BREAK_STATES, "back from the long break", BREAK_TIMEOUT_S
    )
    day.until(lambda: not day.visible("Shiftwell break"), "closing the break screens", 20)
    day.measure("long break, screens shown and closed", f"{took:.0f} s; then {day.state()}")


def check_in(day: Day) -> None:
    day.until(lambda: bool(day.visible(CHECKIN_TITLE)), "asking for a check-in", 20)
    dialog = day.visible(CHECKIN_TITLE)[0]
    # No window manager: give the dialog the keyboard, then Esc (skip). Keys 1 to 5 would
    # answer, but the dialog opens with its word field focused, which takes digits as text.
    _xdotool(day.running, "windowfocus", "--sync", dialog)
    _xdotool(day.running, "key", "Escape")
    day.until(lambda: not day.visible(CHECKIN_TITLE), "skipped", 20)
    day.until(lambda: _check_ins(day.running) > 0, "a check-in recorded", 20)
    day.measure("check-in skipped (Esc)", f"{_check_ins(day.running)} recorded")


def _review_processes_mb(data_dir: Path) -> float:
    """RSS of this profile's weekly review process (`shiftwell review`), which the tray
    starts detached: it is not in the tray's process tree."""
    total_kb = 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
            status = (proc / "status").read_text()
        except OSError:
            continue
        if b"review" in argv and str(data_dir).encode() in argv:
            found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
            total_kb += int(found.group(1)) if found else 0
    return total_kb / 1024


def weekly_review(day: Day) -> None:
    """Through the tray menu, as a user does (`shiftwell review` opens it from a terminal)."""
    icon = _docked_window(day.session, SPECS["shiftwell"].tray_name)
    _xdotool(day.running, "mousemove", "--window", icon, "4", "4", "click", "1")
    day.alive(1.0)  # the menu pops up under the pointer (not nudged meanwhile: no hover)
    # From no selection, Up goes to the last entry: Quit, Settings…, This week….
    _xdotool(day.running, "key", "--delay", "150", "Up", "Up", "Up", "Return")
    took = day.until(lambda: bool(day.visible(REVIEW_TITLE)), "showing the review", 30)
    day.work(2)  # its charts drawn
    review_mb = _review_processes_mb(day.running.home / "data")
    day.measure(
        "weekly review open",
        f"shown {took:.1f} s after the menu choice; its own process {review_mb:.0f} MB",
    )
    for window in day.visible(REVIEW_TITLE):
        _ask_to_close(day.session.display, int(window))
    day.until(lambda: not day.visible(REVIEW_TITLE), "closing the review", WINDOW_TIMEOUT_S)
    day.until(
        lambda: _review_processes_mb(day.running.home / "data") == 0,
        "the review's process to end",
        20,
    )
    day.measure("weekly review closed", "closed as by its close button; its process gone")


def many_breaks(day: Day, counts: tuple[int, ...]) -> None:
    done = 0
    began = time.monotonic()
    for target in counts:
        while done < target:
            day.nudge(every=2.0)
            day.request("break", kind="micro")
            day.request("focus")  # skips the break under way
            done += 1
        rate = (time.monotonic() - began) / done * 1000
        day.measure(f"after {done:,} breaks", f"{rate:.0f} ms a break; {day.state()}")


# -- the desktop's side -----------------------------------------------------------------------


def _check_ins(running: Running) -> int:
    with _read_only(running.home / "data" / "shiftwell.sqlite3") as db:
        row = db.execute("SELECT count(*) FROM 'transition' WHERE trigger = 'check_in'").fetchone()
    return int(row[0])


def _docked_window(session: DesktopSession, name: str) -> str:
    """The id of the window of that name that the tray host docked."""
    in_panel, panel_indent = False, 0
    for line in session.window_tree().splitlines():
        indent = len(line) - len(line.lstrip())
        if '("panel" "trayer")' in line:
            in_panel, panel_indent = True, indent
            continue
        if in_panel and indent <= panel_indent:
            in_panel = False
        match = re.search(r'(0x[0-9a-f]+) "([^"]*)": \(', line) if in_panel else None
        if match and match.group(2).lower() == name.lower():
            return str(int(match.group(1), 16))
    raise AppFailed(f"no docked window named {name!r}")


class _ClientMessage(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    )


class _XEvent(ctypes.Union):
    _fields_ = (("xclient", _ClientMessage), ("pad", ctypes.c_long * 24))


def _ask_to_close(display: str, window: int) -> None:
    """What a window manager sends for the close button (WM_DELETE_WINDOW): the desktop has no
    window manager, and this xdotool can only destroy windows, which is not a close."""
    library = ctypes.util.find_library("X11")
    if library is None:
        raise AppFailed("libX11 not found: can't ask the review to close")
    x11 = ctypes.cdll.LoadLibrary(library)
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = (ctypes.c_char_p,)
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int)
    x11.XSendEvent.argtypes = (
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_int,
        ctypes.c_long,
        ctypes.POINTER(_XEvent),
    )
    x11.XFlush.argtypes = x11.XCloseDisplay.argtypes = (ctypes.c_void_p,)
    connection = x11.XOpenDisplay(display.encode())
    if not connection:
        raise AppFailed(f"can't open display {display}")
    try:
        event = _XEvent()
        event.xclient.type = 33  # ClientMessage
        event.xclient.window = window
        event.xclient.message_type = x11.XInternAtom(connection, b"WM_PROTOCOLS", 0)
        event.xclient.format = 32
        event.xclient.data[0] = x11.XInternAtom(connection, b"WM_DELETE_WINDOW", 0)
        event.xclient.data[1] = 0  # CurrentTime
        x11.XSendEvent(connection, window, 0, 0, ctypes.byref(event))
        x11.XFlush(connection)
    finally:
        x11.XCloseDisplay(connection)


# -- output -----------------------------------------------------------------------------------


def _row_line(row: Row) -> str:
    verdict = "ok" if max(row.tray_mb, row.tree_mb) <= RSS_AIM_MB else "OVER"
    return (
        f"{row.step:<40} {row.tray_mb:>7.1f} {row.tree_mb:>7.1f} {row.pss_mb:>7.1f} "
        f"{row.processes:>5} {row.at_s:>6.0f} {verdict:>5}  {row.note}"
    )


HEADER = (
    f"{'step':<40} {'tray MB':>7} {'tree MB':>7} {'PSS MB':>7} {'procs':>5} {'at s':>6} "
    f"{'<=90':>5}  note"
)


def peers_text(path: Path | None) -> list[str]:
    """The peers' idle RSS from an idle_cost.py --json file, or its figures measured before."""
    if path is None:
        return [f"peers idle (idle_cost.py, measured before, RSS of the tree): {REFERENCE}"]
    document = json.loads(path.read_text(encoding="utf-8"))
    apps = [a for a in document.get("apps", []) if not str(a["key"]).startswith("shiftwell")]
    figures = ", ".join(f"{a['label']} {a['rss_mb']:.1f} MB" for a in apps)
    return [f"peers idle (idle_cost.py --json {path}, RSS of the tree): {figures or 'none'}"]


def print_report(rows: list[Row], floor: str, peers: list[str], notes: list[str]) -> None:
    print("\nmemory through a working day (MB = 2^20 bytes; tree = the tray and its children)")
    print(HEADER)
    for row in rows:
        print(_row_line(row))
    if rows:
        worst = max(rows, key=lambda r: max(r.tray_mb, r.tree_mb))
        met = max(worst.tray_mb, worst.tree_mb) <= RSS_AIM_MB
        print(
            f"\naim <= {RSS_AIM_MB:.0f} MB at every step: {'met' if met else 'NOT met'} "
            f"(highest {max(worst.tray_mb, worst.tree_mb):.1f} MB, at '{worst.step}')"
        )
    print(f"bare PySide6 tray floor: {floor}")
    for line in peers:
        print(line)
    for note in notes:
        print(f"note: {note}")


# -- main -------------------------------------------------------------------------------------


def walk_the_day(
    session: DesktopSession, breaks: int, minute: float, app: Path | None = None
) -> tuple[list[Row], list[str]]:
    spec = dataclasses.replace(SPECS["shiftwell"], prepare=_prepare)
    if app is not None:  # a built bundle (packaging/build.sh) instead of the source install
        spec = dataclasses.replace(
            spec, command=lambda home: [str(app), *_shiftwell_options(home), "--tray-wait", "20s"]
        )
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="memory-day-") as directory:
        _touch_input(session)
        with _started(spec, session, Path(directory)) as running:
            day = Day(running, session)
            try:
                start(day, minute)
                micro_break(day)
                long_break(day)
                check_in(day)
                weekly_review(day)
                many_breaks(day, tuple(sorted({min(100, breaks), breaks})))
            except (AppFailed, InstanceError) as error:
                notes.append(f"stopped early: {error}")
                print(f"  stopped early: {error}", flush=True)
            return day.rows, notes


def _prepare(home: Path) -> None:
    _shiftwell_prepare(home)  # the database made beforehand: any day but the first
    (home / "config.toml").write_text(DAY_CONFIG, encoding="utf-8")


def measure_floor(session: DesktopSession) -> str:
    print("PySide6 tray floor: start, 5 s settle, 10 s…", flush=True)
    try:
        figures = measure(SPECS["qt-floor"], session, 10.0, 5.0, cold_gtk=False)
    except AppFailed as error:
        return f"not measured ({error})"
    return f"{figures.rss_mb:.1f} MB (RSS, measured here through idle_cost.py's own measure)"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--peers", type=Path, metavar="FILE", help="idle_cost.py --json output")
    parser.add_argument("--breaks", type=int, default=1000, help="breaks driven fast (1000)")
    parser.add_argument("--minute", type=float, default=60.0, help="work after the start (60 s)")
    parser.add_argument("--no-floor", action="store_true", help="skip the PySide6 floor")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the rows here")
    parser.add_argument(
        "--app", type=Path, metavar="PATH", help="run this build, e.g. dist/shiftwell/shiftwell"
    )
    args = parser.parse_args(argv)
    if args.breaks < 1:
        parser.error("--breaks must be at least 1")
    if args.app is not None and not args.app.is_file():
        parser.error(f"--app: no file {args.app}")
    if args.peers is not None and not args.peers.is_file():
        parser.error(f"--peers: no file {args.peers}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _interrupt_once)
    if missing_tools := _missing_tools():
        print(f"memory_day: the desktop needs {', '.join(missing_tools)}: run bash .ci/setup")
        return 2
    try:
        with shared_desktop() as session:
            print("Shiftwell: a working day…", flush=True)
            print(f"  {HEADER}")
            app = args.app.resolve() if args.app else None
            rows, notes = walk_the_day(session, args.breaks, args.minute, app)
            floor = "not measured (--no-floor)" if args.no_floor else measure_floor(session)
    except KeyboardInterrupt:
        print("\ninterrupted; every process started here was stopped", file=sys.stderr)
        return 130
    except DesktopFailed as error:
        print(f"memory_day: the desktop did not come up: {error}", file=sys.stderr)
        return 2
    print_report(rows, floor, peers_text(args.peers), notes)
    if args.json:
        document = {"rows": [dataclasses.asdict(r) for r in rows], "floor": floor, "notes": notes}
        args.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return 1 if not rows or notes else 0


if __name__ == "__main__":
    sys.exit(main())
