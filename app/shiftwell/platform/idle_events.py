"""Idle time as events: the desktop says when the user has been idle for a while, or is back.

Asking for the idle time every few seconds wakes the machine for nothing most of the time.
GNOME's Mutter can instead fire a watch when the idle time reaches a threshold
(AddIdleWatch) or when input comes back (AddUserActiveWatch); Shiftwell then asks the idle
time once and decides as before. Mutter sends WatchFired only to the connection that added
the watch, so one connection adds the watches and hears them (jeepney's router: its own
receiver thread).
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal

from shiftwell.platform.bus_signals import owner_changes

log = logging.getLogger(__name__)

_BUS_NAME = "org.gnome.Mutter.IdleMonitor"
_PATH = "/org/gnome/Mutter/IdleMonitor/Core"
_INTERFACE = "org.gnome.Mutter.IdleMonitor"
_TIMEOUT_S = 2.0
_RESTARTED = -1  # not a watch id (those are uint32): Mutter's name changed owner
_BUS_ERRORS = (OSError, TimeoutError, KeyError, ValueError, StopIteration, RuntimeError)


@runtime_checkable
class IdleEvents(Protocol):
    def notify(self, idle_after: float | None, on_change: Callable[[], None]) -> None:
        """Call `on_change` once: when the idle time reaches `idle_after` seconds, or (None)
        when input comes back. Replaces the request before; raises nothing."""
        ...

    def cancel(self) -> None: ...

    def close(self) -> None: ...


class MutterIdleEvents(QObject):
    _fired = Signal(int)  # from the listening thread; Qt queues it to the main thread

    def __init__(self, bus_address: str) -> None:
        super().__init__()
        self._bus_address = bus_address
        self._connection: Any = None
        self._router: Any = None
        self._filters: list[Any] = []
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._watch: int | None = None
        self._on_change: Callable[[], None] | None = None
        self._fired.connect(self._on_fired)

    def start(self) -> bool:
        """Open the connection; False (and an INFO line) when Mutter can't take watches."""
        from jeepney import MatchRule
        from jeepney.bus_messages import message_bus
        from jeepney.io.threading import DBusRouter, open_dbus_connection

        try:
            self._connection = open_dbus_connection(self._bus_address)
            self._router = DBusRouter(self._connection)
            rule = MatchRule(type="signal", interface=_INTERFACE, member="WatchFired", path=_PATH)
            self._filters.append(self._router.filter(rule, queue=self._queue))
            # A restarted Mutter has forgotten our watches: hear it, and ask again.
            restarts = owner_changes(_BUS_NAME)
            self._filters.append(self._router.filter(restarts, queue=self._queue))
            self._router.send_and_get_reply(message_bus.AddMatch(restarts), timeout=_TIMEOUT_S)
            self._call("GetIdletime")
        except _BUS_ERRORS as error:
            log.info("no idle events from mutter (%s); asking for the idle time instead", error)
            self.close()
            return False
        self._thread = threading.Thread(target=self._listen, name="idle-events", daemon=True)
        self._thread.start()
        return True

    def notify(self, idle_after: float | None, on_change: Callable[[], None]) -> None:
        self.cancel()
        try:
            if idle_after is None:
                (watch,) = self._call("AddUserActiveWatch")
            else:
                (watch,) = self._call("AddIdleWatch", "t", (max(1, round(idle_after * 1000)),))
        except _BUS_ERRORS as error:
            # Mutter is away: ask again when its name has an owner once more.
            log.info("mutter took no idle watch (%s); waiting for it to come back", error)
            self._on_change = on_change
            return
        self._watch, self._on_change = int(watch), on_change

    def cancel(self) -> None:
        watch, self._watch, self._on_change = self._watch, None, None
        if watch is not None:
            # Gone with Mutter, or a user-active watch that fired: nothing to remove then.
            with contextlib.suppress(*_BUS_ERRORS):
                self._call("RemoveWatch", "u", (watch,))

    def close(self) -> None:
        self._watch = self._on_change = None
        router, self._router = self._router, None
        if self._thread is not None:
            self._queue.put(None)  # wakes the listening thread
            self._thread.join(timeout=5)
            self._thread = None
        while self._filters:
            self._filters.pop().close()
        if router is not None:
            router.close()
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _call(self, method: str, signature: str | None = None, body: tuple[Any, ...] = ()) -> Any:
        from jeepney import DBusAddress, HeaderFields, MessageFlag, MessageType, new_method_call

        if self._router is None:
            raise RuntimeError("closed")
        address = DBusAddress(_PATH, bus_name=_BUS_NAME, interface=_INTERFACE)
        message = new_method_call(address, method, signature, body)
        message.header.flags |= MessageFlag.no_auto_start
        reply = self._router.send_and_get_reply(message, timeout=_TIMEOUT_S)
        if reply.header.message_type is MessageType.error:
            raise RuntimeError(str(reply.header.fields.get(HeaderFields.error_name)))
        return reply.body

    def _listen(self) -> None:
        from jeepney import HeaderFields

        while (message := self._queue.get()) is not None:
            if message.header.fields.get(HeaderFields.member) == "NameOwnerChanged":
                if len(message.body) == 3 and message.body[2]:  # a new owner, not a departure
                    self._fired.emit(_RESTARTED)
            elif message.body:
                self._fired.emit(int(message.body[0]))

    def _on_fired(self, watch: int) -> None:
        on_change = self._on_change
        if on_change is None or watch not in (self._watch, _RESTARTED):
            return  # an old watch's late signal
        self.cancel()  # an idle watch stays until removed
        on_change()
