"""Stop signals (INT, TERM, HUP) quit a Qt event loop cleanly, without a polling timer: the
signal handler writes to a wake-up socket that Qt watches (see stop_signals)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QSocketNotifier

from shiftwell.platform import stop_signals

log = logging.getLogger(__name__)


def quit_on_stop_signals(app: QCoreApplication) -> None:
    reader = stop_signals.wake_up_on_signals()
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def on_signal() -> None:
        reader.recv(64)
        log.info("signal received; quitting")
        app.quit()

    notifier.activated.connect(on_signal)
