"""Hears logind say the machine is about to sleep, or has just woken (Linux).

The engine already notices sleep by itself (the wall clock runs on while the monotonic clock
stands still); logind lets the app leave an alive mark just before sleeping and look at the
clocks the moment it wakes, rather than up to a minute later. A thread blocks on the system
bus socket: no polling.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

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
        self._connection: Any = None
        self._thread: threading.Thread | None = None

    def start(self) -> bool:
        """Listen; False (and an INFO line) when the bus or logind can't be reached."""
        from jeepney import MatchRule
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        try:
            self._connection = open_dbus_connection(self._bus)
            self._connection.send_and_get_reply(
                message_bus.AddMatch(MatchRule(**_LOGIN1)), timeout=2.0
            )
        except (OSError, TimeoutError, KeyError, ValueError) as error:
            log.info(
                "no sleep signals from logind (%s); sleep is still noticed by the clocks", error
            )
            self.stop()
            return False
        self._thread = threading.Thread(target=self._listen, name="sleep-watcher", daemon=True)
        self._thread.start()
        return True

    def stop(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(OSError):
                connection.sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked thread
            if self._thread is not None:
                self._thread.join(timeout=5)
            connection.close()
        self._thread = None

    def _listen(self) -> None:
        from jeepney import HeaderFields

        connection = self._connection
        while connection is not None and self._connection is connection:
            try:
                message = connection.receive()
            except (OSError, ConnectionResetError, ValueError):
                return  # stopped, or the bus went away
            fields = message.header.fields
            if fields.get(HeaderFields.member) == "PrepareForSleep" and message.body:
                # Emitted from this thread; Qt queues it to the receivers' (main) thread.
                self.sleeping.emit(bool(message.body[0]))
