"""Hears a StatusNotifier tray appear on the session bus (Linux; every Wayland desktop's tray).

At start the app waits for a tray, bounded, then shows a status window instead. A tray that
comes later — a panel started late or restarted, a tray extension switched on — announces
itself here: its watcher takes the well-known name, and a host registers with it.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from shiftwell.platform.bus_signals import BUS_ERRORS, SignalListener, owner_changes

log = logging.getLogger(__name__)

WATCHER = "org.kde.StatusNotifierWatcher"


class TrayWatch(QObject):
    appeared = Signal()  # a tray watcher took its name, or a tray host registered

    def __init__(self, bus: str = "SESSION") -> None:
        super().__init__()
        self._bus = bus
        self._listener: SignalListener | None = None

    def start(self) -> bool:
        """Listen; False (and an INFO line) when the session bus can't be reached."""
        from jeepney import MatchRule

        hosts = MatchRule(type="signal", interface=WATCHER, member="StatusNotifierHostRegistered")
        rules = (owner_changes(WATCHER), hosts)
        listener = SignalListener(self._bus, rules, self._heard, "tray-watch")
        try:
            listener.start()
        except BUS_ERRORS as error:
            log.info("a tray that starts later will not be noticed (%s)", error)
            return False
        self._listener = listener
        return True

    def stop(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()

    def _heard(self, member: str | None, body: tuple[Any, ...]) -> None:
        appeared = member == "StatusNotifierHostRegistered" or (
            member == "NameOwnerChanged" and len(body) == 3 and body[2]
        )
        if appeared:
            # Emitted from the listener's thread; Qt queues it to the receivers' (main) thread.
            self.appeared.emit()
