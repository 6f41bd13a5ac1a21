"""Desktop notifications that know whether they were delivered.

On Linux we speak to the freedesktop Notifications service over D-Bus ourselves: the
portable route (plyer) shells out to `notify-send`, which fails silently without a daemon.
"""

from __future__ import annotations

import logging
import sys
from typing import Protocol

from shiftwell.platform.bus import BUS_ERRORS, BusConnection

log = logging.getLogger(__name__)

_TIMEOUT_S = 2.0


class Notifier(Protocol):
    name: str

    def send(self, title: str, body: str, timeout_ms: int, kind: str = "") -> bool:
        """Show a notification; False when it could not be delivered.

        A notification of the same non-empty `kind` as one shown before is an update of it
        and takes its place; any other stands beside the ones still on screen.
        """
        ...

    def close(self) -> None: ...


class FreedesktopNotifier:
    """org.freedesktop.Notifications on the session bus, via jeepney."""

    name = "freedesktop"

    def __init__(self, bus: str = "SESSION") -> None:
        self._bus = BusConnection(bus, _TIMEOUT_S)
        # The service's id of the last notification of each kind: an update replaces it (no
        # stale pile-up), while a different announcement never hides one still being read.
        self._ids: dict[str, int] = {}

    def send(self, title: str, body: str, timeout_ms: int, kind: str = "") -> bool:
        from jeepney import DBusAddress, MessageType, new_method_call

        address = DBusAddress(
            "/org/freedesktop/Notifications",
            bus_name="org.freedesktop.Notifications",
            interface="org.freedesktop.Notifications",
        )
        hints = {"desktop-entry": ("s", "shiftwell"), "urgency": ("y", 1)}
        message = new_method_call(
            address,
            "Notify",
            "susssasa{sv}i",
            ("Shiftwell", self._ids.get(kind, 0), "shiftwell", title, body, [], hints, timeout_ms),
        )
        try:
            reply = self._bus.call(message)
        except BUS_ERRORS as error:
            log.info("notification service unreachable: %s", error)
            return False
        if reply.header.message_type is MessageType.error:
            log.info("notification refused: %s %s", reply.header.fields, reply.body)
            return False
        if kind:
            (self._ids[kind],) = reply.body
        return True

    def close(self) -> None:
        self._bus.close()


class PlyerNotifier:
    """plyer's notification facade for Windows and macOS; it cannot report failure well."""

    name = "plyer"

    def send(self, title: str, body: str, timeout_ms: int, kind: str = "") -> bool:
        try:
            from plyer import notification

            notification.notify(
                title=title, message=body, app_name="Shiftwell", timeout=timeout_ms // 1000
            )
        except Exception as error:  # plyer raises whatever its backend raises
            log.info("plyer notification failed: %s", error)
            return False
        return True

    def close(self) -> None:
        pass


def system_notifier() -> Notifier:
    if sys.platform.startswith("linux"):
        return FreedesktopNotifier()
    return PlyerNotifier()
