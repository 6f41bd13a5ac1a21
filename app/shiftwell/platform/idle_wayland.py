"""Idle time on KDE Plasma and wlroots desktops (sway 1.8+, Hyprland...): the compositor's
ext-idle-notify-v1 protocol, on a Wayland connection of Shiftwell's own.

The compositor says when the seat has had no input for a timeout ("idled") and when input is
back ("resumed"); it never answers "how long". So one object is both the idle monitor and its
events: the idle time is known from the moment the timeout was reached, and is zero while the
compositor says the user is active. Qt's event loop watches the connection's socket: no
thread, no polling.

Imported only in a Wayland session (pywayland and its C library cost memory elsewhere).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from pywayland.client.display import Display
from pywayland.protocol.ext_idle_notify_v1 import ExtIdleNotifierV1
from pywayland.protocol.wayland import WlSeat

from shiftwell.platform.idle import WAYLAND, IdleUnavailable

log = logging.getLogger(__name__)

_NOTIFIER = "ext_idle_notifier_v1"
_SEAT = "wl_seat"
# Version 2 adds notifications that count only keyboard and mouse input, and ignore the
# idle inhibitors of video players: the user watching a film is not at work.
_INPUT_ONLY_VERSION = 2
_IDLED = "idled"
_RESUMED = "resumed"


class WaylandIdleEvents(QObject):
    """The compositor's idle notifications for one timeout at a time: an IdleMonitor that is
    also its own IdleEvents."""

    name = WAYLAND

    def __init__(self, socket: str) -> None:
        super().__init__()
        self._socket = socket
        self._display: Any = None
        self._registry: Any = None
        self._seat: Any = None
        self._manager: Any = None
        self._manager_version = 1
        self._notification: Any = None
        self._timeout: float | None = None  # seconds, of the current notification
        self._idle_since: float | None = None  # monotonic; None while the user is active
        self._on_change: Callable[[], None] | None = None
        self._waiting_for: str | None = None  # _IDLED or _RESUMED
        self._happened = False
        self._readable: QSocketNotifier | None = None

    def start(self) -> None:
        """Connect, and bind the seat and the idle notifier; IdleUnavailable says why not."""
        display = Display(self._socket)
        try:
            display.connect()
        except ValueError:
            raise IdleUnavailable(f"cannot connect to the Wayland display {self._socket}") from None
        offered: dict[str, tuple[int, int]] = {}

        def on_global(_registry: Any, name: int, interface: str, version: int) -> None:
            offered.setdefault(interface, (name, version))  # the first seat is the user's

        registry = display.get_registry()
        registry.dispatcher["global"] = on_global
        if display.roundtrip() < 0:
            display.disconnect()
            raise IdleUnavailable(f"the Wayland display {self._socket} closed the connection")
        if _NOTIFIER not in offered or _SEAT not in offered:
            display.disconnect()
            raise IdleUnavailable("the compositor does not offer ext-idle-notify-v1")
        seat_name, _ = offered[_SEAT]
        notifier_name, notifier_version = offered[_NOTIFIER]
        self._manager_version = min(notifier_version, _INPUT_ONLY_VERSION)
        self._seat = registry.bind(seat_name, WlSeat, 1)
        self._manager = registry.bind(notifier_name, ExtIdleNotifierV1, self._manager_version)
        self._display, self._registry = display, registry
        display.flush()
        self._readable = QSocketNotifier(display.get_fd(), QSocketNotifier.Type.Read, self)
        self._readable.activated.connect(self._on_readable)

    # -- IdleMonitor ------------------------------------------------------------------------------

    def idle_seconds(self) -> float | None:
        if self._display is None:
            return None
        if self._idle_since is None:
            return 0.0
        return time.monotonic() - self._idle_since

    # -- IdleEvents -------------------------------------------------------------------------------

    def notify(self, idle_after: float | None, on_change: Callable[[], None]) -> None:
        self.cancel()
        if self._display is None:
            return  # the compositor is gone: nothing will be said again
        if idle_after is not None and idle_after != self._timeout:
            self._watch(idle_after)
        self._waiting_for = _RESUMED if idle_after is None else _IDLED
        self._on_change = on_change
        if idle_after is not None and self._idle_since is not None:
            # Already idle that long (the user stayed away through a break): say so now, as
            # Mutter's idle watch does, rather than after the next input and timeout.
            self._happened = True
            QTimer.singleShot(0, self, self._deliver)

    def cancel(self) -> None:
        # The notification stays: whether the user is idle now is its state, not ours.
        self._on_change = self._waiting_for = None
        self._happened = False

    def close(self) -> None:
        self.cancel()
        if self._readable is not None:
            self._readable.setEnabled(False)
            self._readable.deleteLater()
            self._readable = None
        display, self._display = self._display, None
        if display is not None:
            display.disconnect()  # destroys our proxies with it
        self._registry = self._seat = self._manager = self._notification = None
        self._timeout = self._idle_since = None

    # -- the connection ---------------------------------------------------------------------------

    def _watch(self, idle_after: float) -> None:
        if self._notification is not None:
            self._notification.destroy()
        milliseconds = max(1, round(idle_after * 1000))
        if self._manager_version >= _INPUT_ONLY_VERSION:
            notification = self._manager.get_input_idle_notification(milliseconds, self._seat)
        else:
            notification = self._manager.get_idle_notification(milliseconds, self._seat)
        notification.dispatcher[_IDLED] = self._on_idled
        notification.dispatcher[_RESUMED] = self._on_resumed
        self._notification, self._timeout, self._idle_since = notification, idle_after, None
        self._display.flush()

    def _on_idled(self, notification: Any) -> None:
        if notification is not self._notification or self._timeout is None:
            return  # a replaced notification's late event
        self._idle_since = time.monotonic() - self._timeout
        self._happened = self._happened or self._waiting_for == _IDLED

    def _on_resumed(self, notification: Any) -> None:
        if notification is not self._notification:
            return
        self._idle_since = None
        self._happened = self._happened or self._waiting_for == _RESUMED

    def _on_readable(self) -> None:
        display = self._display
        if display is None:
            return
        try:
            display.read()  # what the socket holds, queued...
            display.dispatch(block=False)  # ...and handed to _on_idled / _on_resumed
            display.flush()
        except RuntimeError:
            self._lost()
            return
        self._deliver()  # here, not from inside the C library's dispatch: the owner may ask again

    def _deliver(self) -> None:
        on_change = self._on_change if self._happened else None
        if on_change is not None:
            self.cancel()
            on_change()

    def _lost(self) -> None:
        log.warning(
            "The compositor closed its Wayland connection, so idle time is no longer available."
        )
        self.close()
