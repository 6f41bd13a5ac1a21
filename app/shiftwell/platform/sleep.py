"""Hears logind say the machine is about to sleep, or has just woken (Linux).

The engine already notices sleep by itself (the wall clock runs on while the monotonic clock
stands still); logind lets the app leave an alive mark just before sleeping and look at the
clocks the moment it wakes, rather than up to a minute later.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from shiftwell.platform.bus_signals import BUS_ERRORS, SignalListener

log = logging.getLogger(__name__)

_LOGIN1 = {
    "type": "signal",
    "interface": "org.freedesktop.login1.Manager",
    "member": "PrepareForSleep",
    "path": "/org/freedesktop/login1",
}


class SleepWatcher(QObject):
    sleeping = Signal(bool)  # True: about to sleep; False: awake again

    def __init__(self, bus: str = "SYSTEM") -> None:
        super().__init__()
        self._bus = bus
        self._listener: SignalListener | None = None

    def start(self) -> bool:
        """Listen; False (and an INFO line) when the bus or logind can't be reached."""
        from jeepney import MatchRule

        listener = SignalListener(self._bus, (MatchRule(**_LOGIN1),), self._heard, "sleep-watcher")
        try:
            listener.start()
        except BUS_ERRORS as error:
            log.info(
                "no sleep signals from logind (%s); sleep is still noticed by the clocks", error
            )
            return False
        self._listener = listener
        return True

    def stop(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()

    def _heard(self, member: str | None, body: tuple[Any, ...]) -> None:
        if member == "PrepareForSleep" and body:
            # Emitted from the listener's thread; Qt queues it to the receivers' (main) thread.
            self.sleeping.emit(bool(body[0]))
