"""Listens for D-Bus signals on a thread of its own that blocks on the bus socket: no
polling. The sleep watcher (logind) and the tray watcher (StatusNotifier) are made of it."""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from collections.abc import Callable, Sequence
from typing import Any

log = logging.getLogger(__name__)

# What opening a bus or adding a match can raise: no bus, no answer, a bad address.
BUS_ERRORS = (OSError, TimeoutError, KeyError, ValueError, StopIteration)


def owner_changes(name: str) -> Any:
    """The match rule for the bus's NameOwnerChanged signal about `name`: a service that
    appears, goes, or restarts."""
    from jeepney import MatchRule

    rule = MatchRule(
        type="signal",
        sender="org.freedesktop.DBus",
        interface="org.freedesktop.DBus",
        member="NameOwnerChanged",
    )
    rule.add_arg_condition(0, name)
    return rule


class SignalListener:
    """Calls `on_signal(member, body)` from its own thread for each signal matching `rules`
    (jeepney MatchRules). Emit Qt signals from there: Qt queues them to the main thread."""

    def __init__(
        self,
        bus: str,
        rules: Sequence[Any],
        on_signal: Callable[[str | None, tuple[Any, ...]], None],
        name: str,
    ) -> None:
        self._bus, self._rules, self._on_signal, self._name = bus, rules, on_signal, name
        self._connection: Any = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Subscribe and listen; raises one of BUS_ERRORS when the bus can't be used."""
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        try:
            self._connection = open_dbus_connection(self._bus)
            for rule in self._rules:
                self._connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=2.0)
        except BUS_ERRORS:
            self.stop()
            raise
        self._thread = threading.Thread(target=self._listen, name=self._name, daemon=True)
        self._thread.start()

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
            self._on_signal(message.header.fields.get(HeaderFields.member), message.body)
