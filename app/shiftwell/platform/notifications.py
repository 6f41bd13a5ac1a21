"""Desktop notifications that know whether they were delivered.

On Linux we speak to the freedesktop Notifications service over D-Bus ourselves: the
portable route (plyer) shells out to `notify-send`, which fails silently without a daemon.
Where the service shows buttons (its capabilities include "actions"), a notification may
carry some ("Take the break", "Postpone"); a click comes back as the button's key. Without
a tray (stock GNOME), these buttons are the quickest way to answer Shiftwell.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from shiftwell.platform.bus import BUS_ERRORS, BusConnection
from shiftwell.platform.bus_signals import SignalListener

log = logging.getLogger(__name__)

_TIMEOUT_S = 2.0
_INTERFACE = "org.freedesktop.Notifications"
_PATH = "/org/freedesktop/Notifications"

# A notification's buttons: (key, label) pairs, in the order shown.
Actions = Sequence[tuple[str, str]]
# Told a button's key when the user clicks it; may be called from another thread.
OnAction = Callable[[str], None]


class Notifier(Protocol):
    name: str

    def send(
        self, title: str, body: str, timeout_ms: int, kind: str = "", actions: Actions = ()
    ) -> bool:
        """Show a notification; False when it could not be delivered.

        A notification of the same non-empty `kind` as one shown before is an update of it
        and takes its place; any other stands beside the ones still on screen. `actions`
        become buttons where the service shows them, and are left out where it does not.
        """
        ...

    def listen(self, on_action: OnAction) -> None:
        """Who is told the key of a clicked button (of our own notifications only)."""
        ...

    def close(self) -> None: ...


class FreedesktopNotifier:
    """org.freedesktop.Notifications on the session bus, via jeepney."""

    name = "freedesktop"

    def __init__(self, bus: str = "SESSION") -> None:
        self._address = bus
        self._bus = BusConnection(bus, _TIMEOUT_S)
        # The service's id of the last notification of each kind: an update replaces it (no
        # stale pile-up), while a different announcement never hides one still being read.
        self._ids: dict[str, int] = {}
        self._capabilities: frozenset[str] | None = None  # asked once, when first needed
        self._on_action: OnAction | None = None
        self._listener: SignalListener | None = None
        # Our notifications with buttons still on screen: the service's signals name every
        # application's notifications, and only clicks on these are ours to act on.
        self._with_actions: set[int] = set()
        self._lock = threading.Lock()

    def listen(self, on_action: OnAction) -> None:
        self._on_action = on_action

    def send(
        self, title: str, body: str, timeout_ms: int, kind: str = "", actions: Actions = ()
    ) -> bool:
        from jeepney import MessageType

        buttons = list(actions) if actions and self._shows_actions() else []
        hints = {"desktop-entry": ("s", "shiftwell"), "urgency": ("y", 1)}
        flat = [part for key, label in buttons for part in (key, label)]
        body_values = ("Shiftwell", self._ids.get(kind, 0), "shiftwell", title, body, flat)
        message = self._method("Notify", "susssasa{sv}i", (*body_values, hints, timeout_ms))
        try:
            reply = self._bus.call(message)
        except BUS_ERRORS as error:
            log.info("notification service unreachable: %s", error)
            return False
        if reply.header.message_type is MessageType.error:
            log.info("notification refused: %s %s", reply.header.fields, reply.body)
            return False
        (notification_id,) = reply.body
        with self._lock:
            if buttons:
                self._with_actions.add(notification_id)
            else:  # an update without buttons replaced one with them
                self._with_actions.discard(notification_id)
        if kind:
            self._ids[kind] = notification_id
        return True

    def close(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()
        self._bus.close()

    def _method(self, name: str, signature: str | None = None, body: tuple[Any, ...] = ()) -> Any:
        from jeepney import DBusAddress, new_method_call

        address = DBusAddress(_PATH, bus_name=_INTERFACE, interface=_INTERFACE)
        return new_method_call(address, name, signature, body)

    def _shows_actions(self) -> bool:
        """Whether buttons can be used: someone listens, the service shows them, and their
        clicks can be heard. Otherwise notifications go out plain, without a word."""
        if self._on_action is None:
            return False
        if self._capabilities is None:
            from jeepney import MessageType

            try:
                reply = self._bus.call(self._method("GetCapabilities"))
            except BUS_ERRORS as error:
                log.info("notification service unreachable: %s", error)
                return False  # asked again next time: the service may come later
            ok = reply.header.message_type is MessageType.method_return
            self._capabilities = frozenset(reply.body[0]) if ok else frozenset()
            log.info("notification service capabilities: %s", sorted(self._capabilities))
        return "actions" in self._capabilities and self._listening()

    def _listening(self) -> bool:
        """Subscribed to the clicks (before the first notification with buttons is sent)."""
        if self._listener is not None:
            return True
        from jeepney import MatchRule

        rules = [
            MatchRule(type="signal", interface=_INTERFACE, path=_PATH, member=member)
            for member in ("ActionInvoked", "NotificationClosed")
        ]
        listener = SignalListener(self._address, rules, self._heard, "notification-actions")
        try:
            listener.start()
        except BUS_ERRORS as error:
            log.info("notification buttons left out: their clicks can't be heard (%s)", error)
            self._capabilities = frozenset()
            return False
        self._listener = listener
        return True

    def _heard(self, member: str | None, body: tuple[Any, ...]) -> None:
        """From the listener's thread: a click on one of ours, or one of ours closed."""
        if len(body) != 2 or not isinstance(body[0], int):
            return
        notification_id, detail = body
        with self._lock:
            ours = notification_id in self._with_actions
            if member == "NotificationClosed":
                self._with_actions.discard(notification_id)
        if ours and member == "ActionInvoked" and isinstance(detail, str):
            on_action = self._on_action
            if on_action is not None:
                on_action(detail)


class PlyerNotifier:
    """plyer's notification facade for Windows and macOS; it cannot report failure well."""

    name = "plyer"

    def send(
        self, title: str, body: str, timeout_ms: int, kind: str = "", actions: Actions = ()
    ) -> bool:
        try:
            from plyer import notification

            notification.notify(
                title=title, message=body, app_name="Shiftwell", timeout=timeout_ms // 1000
            )
        except Exception as error:  # plyer raises whatever its backend raises
            log.info("plyer notification failed: %s", error)
            return False
        return True

    def listen(self, on_action: OnAction) -> None:
        pass  # plyer shows no buttons

    def close(self) -> None:
        pass


def system_notifier() -> Notifier:
    if sys.platform.startswith("linux"):
        return FreedesktopNotifier()
    return PlyerNotifier()
