"""Stand-in idle-time services on a private bus: GNOME Mutter's and the freedesktop ScreenSaver."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from jeepney import HeaderFields, MessageFlag, new_error, new_method_return

from tests.helpers.dbus import StandIn


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


class IdleServer(StandIn):
    """Owns the service's name and answers its idle-time method like the desktop would.

    `idle_ms` is what the next call answers; `error` makes it reply that D-Bus error instead
    (KDE on Wayland answers org.freedesktop.DBus.Error.NotSupported); `signature` overrides
    the reply's type, for a service that answers something unexpected.
    """

    def __init__(self, address: str, service: IdleService, idle_ms: int = 0) -> None:
        super().__init__(address, service.bus_name)
        self.service = service
        self.idle_ms = idle_ms
        self.error: str | None = None
        self.signature = service.signature
        self.calls = 0
        self.auto_start_forbidden: list[bool] = []

    def answer(self, message: Any) -> Any:
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
