"""`shiftwell review`: the weekly review in a process of its own, gone when its window closes.

The tray starts it (from its menu, or the log-off screen's "See your week") so that the
charts, the figures' queries and the exports never stay loaded in the process that runs all
day. One review runs per profile: a second request brings the open window up instead, read
anew. While open, it follows the database: a change to the file reads the figures again.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer
from PySide6.QtWidgets import QApplication

from shiftwell.platform import stop_signals
from shiftwell.platform.instance import (
    CommandRejected,
    InstanceError,
    InstanceServer,
    ListenResult,
    send_request,
    socket_path,
)
from shiftwell.platform.paths import Paths
from shiftwell.platform.quit_on_signals import quit_on_stop_signals
from shiftwell.ui.i18n import install_translation
from shiftwell.ui.style import apply_style

if TYPE_CHECKING:
    from shiftwell.ui.review.window import StatsWindow

log = logging.getLogger(__name__)

ROLE = "review"
# A burst of writes (a transition, its segments, a checkpoint) is read once, after it settles.
_SETTLE_MS = 500


def review_argv(paths: Paths, *, on_top: bool) -> list[str]:
    """The command that opens the review for this profile, from source or from the bundle."""
    if getattr(sys, "frozen", False):
        command = [sys.executable, "review"]
    else:
        command = [sys.executable, "-m", "shiftwell", "review"]
    command += ["--data-dir", str(paths.data_dir), "--config", str(paths.config_file)]
    return [*command, "--on-top"] if on_top else command


def run_review(paths: Paths, week_text: str | None, *, on_top: bool) -> int:
    """Shows the weekly review until its window is closed; 0, or 1 with one sentence."""
    name = socket_path(paths.data_dir, role=ROLE)
    if _hand_over(name, on_top=on_top):
        return 0
    from shiftwell.report.files import WeekExporter
    from shiftwell.storage.stats import WeekRows, week_figures
    from shiftwell.ui.review.window import StatsWindow
    from shiftwell.week_record import RecordUnavailable, open_week_record

    try:
        record = open_week_record(paths, week_text)
    except RecordUnavailable as error:
        print(f"shiftwell: {error}", file=sys.stderr)
        return error.status
    week, zone, cap, engine = record.week, record.zone, record.weekly_cap, record.db
    app = QApplication([sys.argv[0]])
    quit_on_stop_signals(app)
    install_translation(app)
    app.setApplicationName("Shiftwell")
    app.setDesktopFileName("shiftwell")
    apply_style(app)
    window = StatsWindow(
        lambda asked: week_figures(engine, asked, zone, cap),
        files=WeekExporter(WeekRows(engine, zone)),
    )
    if week is not None:
        window.show_week(week)

    def answer(cmd: str, args: dict[str, Any]) -> dict[str, Any]:
        """`show` brings the window up (read anew); `status` only says what it shows;
        `quit` (the tray quitting) closes it."""
        if cmd == "show":
            window.bring_up(on_top=bool(args.get("on_top")))
        elif cmd == "quit":
            QTimer.singleShot(0, app.quit)  # reply first
        elif cmd != "status":
            raise CommandRejected(f"unknown command {cmd!r}")
        return _window_state(window)

    server = InstanceServer(answer)
    try:
        if server.listen(name) is ListenResult.ALREADY_RUNNING:  # opened at the same moment
            return 0 if _hand_over(name, on_top=on_top) else 1
    except InstanceError as error:
        log.warning("the review can't take requests (%s); it opens all the same", error)
    watcher = _follow_the_record(paths.database, window.reread)
    window.bring_up(on_top=on_top)
    try:
        signum = stop_signals.received()  # one that came while the window was built
        return app.exec() if signum is None else stop_signals.exit_code(signum)
    finally:
        watcher.deleteLater()
        server.close()
        engine.dispose()


def close_review(paths: Paths) -> None:
    """Closes this profile's weekly review if one is open (the tray is quitting)."""
    with contextlib.suppress(InstanceError):  # none open
        send_request(socket_path(paths.data_dir, role=ROLE), "quit", {}, timeout=1.0)


def _window_state(window: StatsWindow) -> dict[str, Any]:
    shown = window.shown
    return {
        "week": str(window.week),
        "visible": window.isVisible(),
        "on_top": bool(window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint),
        "days_worked": None if shown is None else sum(1 for day in shown.days if day.worked),
    }


def _hand_over(name: str, *, on_top: bool) -> bool:
    """Ask an open review to come up; False when there is none."""
    try:
        reply = send_request(name, "show", {"on_top": on_top}, timeout=2.0)
    except InstanceError:
        return False
    return bool(reply.get("ok"))


def _follow_the_record(database: Path, reread: Any) -> QFileSystemWatcher:
    """Reads the figures again once writes to the database (or its log) settle."""
    files = [str(database), f"{database}-wal"]
    watcher = QFileSystemWatcher([f for f in files if Path(f).exists()])
    settle = QTimer(watcher)
    settle.setSingleShot(True)
    settle.setInterval(_SETTLE_MS)
    settle.timeout.connect(reread)

    def changed(_path: str) -> None:
        # A log that was emptied or made anew is watched again.
        watcher.addPaths([f for f in files if Path(f).exists() and f not in watcher.files()])
        settle.start()

    watcher.fileChanged.connect(changed)
    return watcher
