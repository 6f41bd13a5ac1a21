"""Hears a StatusNotifier tray appear on the session bus (Linux; every Wayland desktop's tray).

At start the app waits for a tray, bounded, then shows a status window instead. A tray that
comes later — a panel started late or restarted, a tray extension switched on — announces
itself here: its watcher takes the well-known name, and a host registers with it. A thread
blocks on the session bus socket: no polling.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

WATCHER = "org.kde.StatusNotifierWatcher"

_BUS_ERRORS = (OSError, TimeoutError, KeyError, ValueError, StopIteration)


class TrayWatch(QObject):
    appeared = Signal()  # a tray watcher took its name, or a tray host registered

    def __init__(self, bus: str = "SESSION") -> None:
        super().__init__()
        self._bus = bus
        self._connection: Any = None
        self._thread: threading.Thread | None = None

    def start(self) -> bool:
        """Listen; False (and an INFO line) when the session bus can't be reached."""
        from jeepney import MatchRule
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        owner_changes = MatchRule(
            type="signal",
            sender="org.freedesktop.DBus",
            interface="org.freedesktop.DBus",
            member="NameOwnerChanged",
        )
        owner_changes.add_arg_condition(0, WATCHER)
        hosts = MatchRule(type="signal", interface=WATCHER, member="StatusNotifierHostRegistered")
        try:
            self._connection = open_dbus_connection(self._bus)
            for rule in (owner_changes, hosts):
                self._connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=2.0)
        except _BUS_ERRORS as error:
            log.info("a tray that starts later will not be noticed (%s)", error)
            self.stop()
            return False
        self._thread = threading.Thread(target=self._listen, name="tray-watch", daemon=True)
        self._thread.start()
        return True

    def stop(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(OSError):
                connection.sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked thread
            if self._thread is not None and self._thread is not threading.current_thread():
                self._thread.join(timeout=5)
            connection.close()
        self._thread = None

    def _listen(self) -> None:
        from jeepney import HeaderFields

        connection = self._connection
        while connection is not None and self._connection is connection:
            try:
                message = connection.receive()
            except (OSError, ValueError):
                return  # stopped, or the bus went away
            member = message.header.fields.get(HeaderFields.member)
            appeared = member == "StatusNotifierHostRegistered" or (
                member == "NameOwnerChanged" and len(message.body) == 3 and message.body[2]
            )
            if appeared:
                # Emitted from this thread; Qt queues it to the receivers' (main) thread.
                self.appeared.emit()
