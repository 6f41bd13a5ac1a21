"""Starts the tray: icon first, then the database (importing SQL costs most of a second)."""

from __future__ import annotations

import logging
import signal
import socket
import sys
import time

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

from shiftwell.platform.config_file import load_settings
from shiftwell.platform.notifications import system_notifier
from shiftwell.platform.paths import Paths
from shiftwell.ui.announcer import Announcer
from shiftwell.ui.qt_clock import QtClock
from shiftwell.ui.shell import Shell
from shiftwell.ui.tray import tray_available

log = logging.getLogger(__name__)

_TRAY_POLL_MS = 1000


def run(paths: Paths, *, tray_wait: float) -> int:
    app = QApplication([sys.argv[0]])
    app.setApplicationName("Shiftwell")
    app.setDesktopFileName("shiftwell")
    app.setQuitOnLastWindowClosed(False)
    loaded = load_settings(paths.config_file)
    for problem in loaded.problems:
        log.warning("%s", problem)
    announcer = Announcer(system_notifier())
    shell = Shell(loaded.settings, QtClock(app), announcer, app.quit)
    _show_when_tray_ready(shell, tray_wait)
    exit_code = 0

    def open_storage() -> None:
        nonlocal exit_code
        # Imported here, after the icon is up: SQLModel is the slowest import we have.
        from shiftwell.storage.database import open_database
        from shiftwell.storage.repository import Repository

        try:
            repository = Repository(open_database(paths.database))
        except Exception as error:
            log.exception("cannot open the database %s", paths.database)
            announcer.announce(
                "Shiftwell can't open its database",
                f"{paths.database}: {error}. Nothing was changed; Shiftwell will close.",
            )
            exit_code = 1
            QTimer.singleShot(8000, app.quit)
            return
        shell.attach(repository)
        log.info("ready; data in %s", paths.data_dir)
        if loaded.problems:
            first = loaded.problems[0]
            more = f" (and {len(loaded.problems) - 1} more)" if len(loaded.problems) > 1 else ""
            announcer.announce("Some settings were not understood", f"{first}{more}")

    QTimer.singleShot(0, open_storage)
    _quit_on_signals(app)
    status = app.exec()
    return exit_code or status


def _show_when_tray_ready(shell: Shell, wait_seconds: float) -> None:
    """At login the tray host may come up after us: wait for it, bounded, then fall back."""
    give_up_at = time.monotonic() + wait_seconds
    poll = QTimer(shell)
    poll.setInterval(_TRAY_POLL_MS)

    def check() -> None:
        if tray_available():
            poll.stop()
            shell.tray.show()
            if shell.status_window is not None:
                shell.status_window.hide()
            log.info("tray icon shown")
        elif time.monotonic() >= give_up_at:
            poll.stop()
            log.warning("no system tray after %.0f s; showing a status window", wait_seconds)
            shell.show_without_tray()

    poll.timeout.connect(check)
    if tray_available() or wait_seconds <= 0:
        check()
    else:
        log.info("waiting up to %.0f s for the system tray", wait_seconds)
        poll.start()


def _quit_on_signals(app: QApplication) -> None:
    """Ctrl-C and SIGTERM quit cleanly, without a polling timer: a wake-up fd feeds Qt."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: None)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def on_signal() -> None:
        reader.recv(64)
        log.info("signal received; quitting")
        app.quit()

    notifier.activated.connect(on_signal)
    # Keep the sockets alive as long as the app.
    _SIGNAL_KEEPALIVE.append((reader, writer, notifier))


_SIGNAL_KEEPALIVE: list[object] = []
