"""Stand-in idle-time services on a private bus: GNOME Mutter's and the freedesktop ScreenSaver."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from jeepney import HeaderFields, MessageFlag, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection


@dataclass(frozen=True)
class IdleService:
    bus_name: str
    path: str
    interface: str
    method: str
    signature: str


MUTTER = IdleService(
    "org.gnome.Mutter.IdleMonitor",
    "/org/gnome/Mutter/IdleMonitor/Core",
    "org.gnome.Mutter.IdleMonitor",
    "GetIdletime",
    "t",
)
SCREENSAVER = IdleService(
    "org.freedesktop.ScreenSaver",
    "/org/freedesktop/ScreenSaver",
    "org.freedesktop.ScreenSaver",
    "GetSessionIdleTime",
    "u",
)


class IdleServer(threading.Thread):
    """Owns the service's name and answers its idle-time method like the desktop would.

    `idle_ms` is what the next call answers; `error` makes it reply that D-Bus error instead
    (KDE on Wayland answers org.freedesktop.DBus.Error.NotSupported); `signature` overrides
    the reply's type, for a service that answers something unexpected.
    """

    def __init__(self, address: str, service: IdleService, idle_ms: int = 0) -> None:
        super().__init__(daemon=True)
        self.address = address
        self.service = service
        self.idle_ms = idle_ms
        self.error: str | None = None
        self.signature = service.signature
        self.calls = 0
        self.auto_start_forbidden: list[bool] = []
        self.ready = threading.Event()
        self._halt = threading.Event()

    def run(self) -> None:
        connection = open_dbus_connection(self.address)
        connection.send_and_get_reply(message_bus.RequestName(self.service.bus_name))
        self.ready.set()
        while not self._halt.is_set():
            try:
                message = connection.receive(timeout=0.05)
            except TimeoutError:
                continue
            if message.header.message_type is MessageType.method_call:
                connection.send(self._answer(message))
        connection.close()

    def _answer(self, message: Any) -> Any:
        fields = message.header.fields
        wanted = (self.service.path, self.service.interface, self.service.method)
        asked = tuple(
            fields.get(field)
            for field in (HeaderFields.path, HeaderFields.interface, HeaderFields.member)
        )
        if asked != wanted:
            return new_error(
                message, "org.freedesktop.DBus.Error.UnknownMethod", "s", (f"no {asked}",)
            )
        self.calls += 1
        flags = message.header.flags
        self.auto_start_forbidden.append(bool(flags & MessageFlag.no_auto_start))
        if self.error is not None:
            return new_error(message, self.error, "s", ("not supported on this platform",))
        value: object = str(self.idle_ms) if self.signature == "s" else self.idle_ms
        return new_method_return(message, self.signature, (value,))

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=5)


@contextmanager
def idle_server(address: str, service: IdleService, idle_ms: int = 0) -> Iterator[IdleServer]:
    """Runs an IdleServer for the block; its name is owned before the block starts."""
    server = IdleServer(address, service, idle_ms)
    server.start()
    try:
        assert server.ready.wait(5), f"{service.bus_name} stand-in did not start"
        yield server
    finally:
        server.stop()
