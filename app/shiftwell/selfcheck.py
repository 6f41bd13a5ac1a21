"""`shiftwell --self-check`: proves that this Shiftwell (from source or a frozen bundle) works.

Every check runs on a temporary folder and an offscreen Qt: the user's data, settings and
screen are never touched. Each prints one line, `ok  name: what was seen` or
`FAIL name: what went wrong` (the traceback goes to stderr), and the run exits 0 only when
every check passed. The checks load what the app loads — shipped resources, the Alembic
scripts, Qt Widgets, Charts and Multimedia — so a bundle that lacks a file fails here.
"""

# Like cli.py, this sits above the core and drives the Qt shell.

from __future__ import annotations

import gc
import os
import sys
import tempfile
import traceback
import wave
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

import PySide6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QObject,
    QtMsgType,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtWidgets import QApplication, QWidget

from shiftwell import __version__
from shiftwell.core.clock import ManualClock
from shiftwell.core.settings import Settings, ShiftSettings

EXIT_FAILED = 1
# A fixed Monday morning: what the checks record does not depend on today.
_START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
_DATABASE = "selfcheck.sqlite3"
# The offscreen platform cannot raise windows or pass size hints, and says so each time.
_OFFSCREEN_NOTE = "This plugin does not support"
_BINDING_CALLS = 1000


@dataclass(frozen=True)
class Workspace:
    """What the checks share: a temporary folder and a clock that moves only when told."""

    root: Path
    clock: ManualClock
    settings: Settings

    @property
    def database(self) -> Path:
        return self.root / _DATABASE


Check = Callable[[Workspace], str]


def check_resources(space: Workspace) -> str:
    from shiftwell.platform.assets import resources_dir
    from shiftwell.platform.break_ideas import load_break_ideas
    from shiftwell.ui.palette import DARK, LIGHT
    from shiftwell.ui.style import stylesheet

    for palette in (LIGHT, DARK):
        stylesheet(palette)  # every ${colour} in style.qss must be known
    ideas = load_break_ideas(space.root / "no-user-ideas.txt")
    return f"style and {len(ideas)} break ideas in {resources_dir()}"


def check_settings(space: Workspace) -> str:
    """A first run: the shipped config.toml is written, then read back without a problem."""
    from shiftwell.platform.config_file import load_settings

    path = space.root / "config.toml"
    loaded = load_settings(path, policy_path=None)
    if not path.is_file():
        raise AssertionError(f"the default settings were not written to {path}")
    if loaded.problems:
        raise ValueError(f"the default settings have problems: {loaded.problems[0]}")
    berlin = datetime(2026, 7, 1, 12, tzinfo=UTC).astimezone(ZoneInfo("Europe/Berlin"))
    if berlin.utcoffset() != timedelta(hours=2):
        raise AssertionError(f"Europe/Berlin in July is {berlin.utcoffset()}, not +2 h")
    return f"default config written and read; local zone {loaded.settings.schedule.tz}"


def check_chime(_space: Workspace) -> str:
    from PySide6 import QtMultimedia  # the sound module's import, as the first break end does

    from shiftwell.platform.assets import asset
    from shiftwell.ui.breaks.sound import CHIME

    path = asset(*CHIME)
    with wave.open(str(path), "rb") as chime:
        seconds = chime.getnframes() / chime.getframerate()
    return f"{path.name} ({seconds:.1f} s); {QtMultimedia.__name__} loads"


def check_database(space: Workspace) -> str:
    """A real engine records a transition through the tray's repository (sqlite3) into a
    migrated file; the SQLModel schema reads it back."""
    from sqlmodel import Session, func, select

    from shiftwell.core.engine import Engine
    from shiftwell.core.model import StartShift
    from shiftwell.storage.connection import Database
    from shiftwell.storage.database import open_database
    from shiftwell.storage.models import ShiftRow, TransitionRow
    from shiftwell.storage.repository import Repository

    open_database(space.database).db.dispose()
    database = Database(space.database)
    try:
        engine = Engine(space.settings, space.clock, [Repository(database)])
        engine.handle(StartShift(confirmed=True))
        space.clock.advance(60)
    finally:
        database.close()
    read = open_database(space.database)
    try:
        with Session(read.db) as session:
            shifts = session.exec(select(func.count()).select_from(ShiftRow)).one()
            transitions = session.exec(select(func.count()).select_from(TransitionRow)).one()
    finally:
        read.db.dispose()
    if shifts != 1 or transitions < 1:
        raise AssertionError(f"expected 1 shift back, read {shifts} and {transitions} changes")
    return f"wrote and read {shifts} shift"


def check_qt(_space: Workspace) -> str:
    # The tray's start-up module: the single-instance socket (QtNetwork) and what it wires.
    import shiftwell.app
    from shiftwell.ui.style import apply_style

    app = _application()
    apply_style(app)
    started_by = shiftwell.app.run.__name__
    probe = QObject()
    lost = -none_drift(lambda: probe.setObjectName("probe"), _BINDING_CALLS)
    if lost > 0:
        raise RuntimeError(
            f"these Qt bindings (PySide6 {PySide6.__version__}) lose a reference to None on "
            f"{lost} of {_BINDING_CALLS} calls: on Python {sys.version.split()[0]} the app "
            "would crash within a day; install PySide6 below 6.12 or use Python 3.12+"
        )
    return (
        f"Qt {qVersion()} on the {app.platformName()} platform, {started_by}() loaded, "
        f"bindings keep their references"
    )


def none_drift(call: Callable[[], object], times: int) -> int:
    """How far `times` calls move None's reference count (negative: references lost).

    PySide6 6.12 on Python 3.11 loses one on every call that returns nothing, and the
    process dies once the count reaches zero; from Python 3.12 None is immortal.
    """
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(times):
        call()
    gc.collect()
    return sys.getrefcount(None) - before


def check_tray(space: Workspace) -> str:
    from shiftwell.ui.notices.announcer import Announcer
    from shiftwell.ui.shell import Desktop, Shell

    _application()
    desktop = Desktop(
        announcer=Announcer(_Silent()),
        confirm=lambda _question: False,
        ask_reason=lambda _quick: None,
        run_command=lambda _what, _argv, _env, _timeout: None,
        play_break_end=lambda: None,
        open_stats=lambda: None,
        quit_app=lambda: None,
    )
    shell = Shell(space.settings, space.clock, desktop)
    try:
        if shell.tray.icon.icon().isNull():
            raise AssertionError("the tray icon was not drawn")
        offered = len(shell.menu.actions)
        if shell.tray.icon.isVisible():
            raise AssertionError("the tray icon is shown")
    finally:
        shell.close()
        shell.menu.menu.deleteLater()
        shell.deleteLater()
    return f"built with {offered} menu actions and its icon drawn (not shown)"


def check_break_overlay(space: Workspace) -> str:
    from shiftwell.ui.breaks.overlay import BreakOverlay, BreakView

    _application()
    overlay = BreakOverlay(space.clock.monotonic)
    view = BreakView(
        title="Long break",
        ends_at=space.clock.monotonic() + 600,
        idea="Stand up and stretch.",
        can_skip=True,
        can_postpone=True,
        postpone_label="Postpone 5 min (3 left)",
        skip_available_at=None,
    )
    overlay.show_break(view)
    try:
        shown = _shown(overlay.windows)
    finally:
        overlay.close_all()
    _settle()
    if overlay.windows:
        raise AssertionError("the break screen stayed open")
    overlay.deleteLater()
    return f"opened on {shown} screen(s) and closed"


def check_logoff_screen(_space: Workspace) -> str:
    from shiftwell.ui.logoff.logoff_screen import LogoffScreen, LogoffView

    _application()
    screen = LogoffScreen()
    view = LogoffView(
        headline="Your shift is over — log off",
        summary=("Worked 8 h",),
        can_dismiss=True,
        can_overtime=True,
        overtime_note="Overtime left this week: 2 h.",
        quick_reasons=("Handover",),
    )
    screen.show_logoff(view)
    try:
        shown = _shown(screen.windows)
    finally:
        screen.close_all()
    _settle()
    if screen.windows:
        raise AssertionError("the log-off screen stayed open")
    screen.deleteLater()
    return f"opened on {shown} screen(s) and closed"


def check_checkin(_space: Workspace) -> str:
    from shiftwell.ui.checkin.checkin import CheckInDialog

    _application()
    return _open_and_close(CheckInDialog())


def check_settings_dialog(space: Workspace) -> str:
    from shiftwell.ui.settings.dialog import SettingsDialog

    _application()
    # No autostart backend: the dialog must not look at the user's login items.
    dialog = SettingsDialog(space.settings, frozenset(), None, start_command=["shiftwell"])
    return f"{dialog.tabs.count()} tabs, " + _open_and_close(dialog)


def check_stats_window(space: Workspace) -> str:
    from shiftwell.report.files import WeekExporter
    from shiftwell.storage.database import open_database
    from shiftwell.storage.stats import WeekRows, week_figures
    from shiftwell.ui.review.window import StatsWindow

    _application()
    zone = ZoneInfo("UTC")
    cap = space.settings.overtime.weekly_cap
    now = space.clock.now()
    opened = open_database(space.database)
    try:
        window = StatsWindow(
            lambda week: week_figures(opened.db, week, zone, cap, now=now),
            files=WeekExporter(WeekRows(opened.db, zone)),
            today=now.date,
            export_dir=space.root,
        )
        result = _open_and_close(window)
        calendar = WeekExporter(WeekRows(opened.db, zone)).ics(window.week)
    finally:
        opened.db.dispose()
    if not calendar.startswith(b"BEGIN:VCALENDAR"):
        raise AssertionError("the calendar export is not an iCalendar file")
    week = f"{window.week.year}-W{window.week.week:02d}"
    return f"charts and calendar export for {week}, {result}"


# In the order they run: plain files first, then storage, then Qt.
CHECKS: dict[str, Check] = {
    "resources": check_resources,
    "settings": check_settings,
    "database": check_database,
    "qt": check_qt,
    "tray": check_tray,
    "break overlay": check_break_overlay,
    "log-off screen": check_logoff_screen,
    "check-in dialog": check_checkin,
    "settings dialog": check_settings_dialog,
    "stats window": check_stats_window,
    "chime": check_chime,
}


def run_self_check(out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run every check; 0 when all passed, else EXIT_FAILED (the failures are named)."""
    out = out or sys.stdout
    err = err or sys.stderr
    failed: list[str] = []
    print(f"Shiftwell {__version__} self-check ({_where()})", file=out)
    with _workspace() as space, _qt_messages_to(err):
        for name, check in CHECKS.items():
            try:
                detail = check(space)
            except Exception as error:
                failed.append(name)
                print(f"FAIL {name}: {type(error).__name__}: {error}", file=out)
                traceback.print_exc(file=err)
            else:
                print(f"ok  {name}: {detail}", file=out)
            out.flush()
        _settle()
    if failed:
        print(f"self-check failed: {', '.join(failed)}", file=out)
        return EXIT_FAILED
    print(f"self-check passed: {len(CHECKS)} checks", file=out)
    return 0


@contextmanager
def _workspace() -> Iterator[Workspace]:
    with tempfile.TemporaryDirectory(prefix="shiftwell-selfcheck-") as folder:
        settings = Settings(shift=ShiftSettings(auto_start=False))
        yield Workspace(Path(folder), ManualClock(_START), settings)


@contextmanager
def _qt_messages_to(err: TextIO) -> Iterator[None]:
    """Qt's own messages go to `err`, less the offscreen platform's notes on what it lacks."""

    def handler(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if not message.startswith(_OFFSCREEN_NOTE):
            print(f"qt: {message}", file=err)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _application() -> QApplication:
    """The running QApplication, or a new offscreen one (no window reaches the screen)."""
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if existing is not None:
        raise RuntimeError("a non-widget Qt application is already running")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication([sys.argv[0] if sys.argv else "shiftwell"])
    app.setApplicationName("Shiftwell")
    # Held by the module so the application outlives this call (Qt would free it).
    _APP.append(app)
    return app


_APP: list[QApplication] = []


def _open_and_close(widget: QWidget) -> str:
    widget.show()
    _settle()
    if not widget.isVisible():
        raise AssertionError(f"{type(widget).__name__} did not open")
    widget.close()
    _settle()
    if widget.isVisible():
        raise AssertionError(f"{type(widget).__name__} did not close")
    widget.deleteLater()
    return "opened and closed"


def _shown(windows: Sequence[QWidget]) -> int:
    _settle()
    visible = [w for w in windows if w.isVisible()]
    if not visible:
        raise AssertionError("no window was shown")
    return len(visible)


def _settle() -> None:
    """Let Qt handle what is queued (showing, layouts, deferred deletes), without waiting."""
    app = QCoreApplication.instance()
    if app is not None:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _where() -> str:
    bundle = getattr(sys, "_MEIPASS", None)
    return f"frozen bundle in {bundle}" if bundle else f"Python {sys.version.split()[0]}"


class _Silent:
    """A notifier that says nothing: the checks must not reach the desktop."""

    name = "self-check"

    def send(
        self,
        title: str,
        body: str,
        timeout_ms: int,
        kind: str = "",
        actions: Sequence[tuple[str, str]] = (),
    ) -> bool:
        return True

    def listen(self, on_action: Callable[[str], None]) -> None:
        return None

    def close(self) -> None:
        return None


__all__ = ["CHECKS", "EXIT_FAILED", "Workspace", "run_self_check"]
