"""One way to tell the user something: a desktop notification, else our own pop-up.

An announcement of the same kind as an earlier one is an update of it and takes its place
("Your shift ends in 1 min" after "… in 5 min"); any other announcement stands beside the
ones still on screen, so a warning is never swept away by the next piece of news.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from shiftwell.platform.notifications import Actions, Notifier
from shiftwell.ui.notices.popup import Popup

log = logging.getLogger(__name__)


class _Clicks(QObject):
    """Brings a notification button's key from the D-Bus listener's thread to Qt's."""

    clicked = Signal(str)


class Announcer:
    def __init__(self, notifier: Notifier | None) -> None:
        self._notifier = notifier
        self._clicks = _Clicks()
        self._popups: list[Popup] = []
        self._popup_kinds: dict[Popup, str] = {}
        self._last_popup: Popup | None = None
        self._fallback_logged = False
        self.last_route = ""
        # Where our pop-up can't show (Wayland refuses a pop-up with no window of ours to
        # hang it from): the shell shows the news in its status window instead.
        self.in_window: Callable[[str, str], None] | None = None

    def on_action(self, handler: Callable[[str], None]) -> None:
        """`handler` gets the key of a clicked notification button, in the main thread."""
        self._clicks.clicked.connect(handler)
        if self._notifier is not None:
            self._notifier.listen(self._clicks.clicked.emit)

    def announce(
        self,
        title: str,
        body: str,
        timeout_ms: int = 10_000,
        kind: str = "",
        actions: Actions = (),
    ) -> str:
        """Show it; returns the route taken (the notifier's name or `popup`).

        `kind` names the announcement ("shift_end", "break", …): a later one of the same kind
        replaces it; an empty kind never replaces and is never replaced. `actions` are
        (key, label) buttons, where the notification service shows them; the pop-up has
        none (the tray menu or the status window offers the same).
        """
        log.info("announce: %s — %s", title, body)
        notifier = self._notifier
        if notifier is not None and notifier.send(title, body, timeout_ms, kind, actions):
            self.last_route = notifier.name
            return self.last_route
        wayland = QGuiApplication.platformName().startswith("wayland")
        if not self._fallback_logged:
            instead = "the status window" if wayland else "Shiftwell's own pop-up"
            log.warning("no notification service answered; using %s", instead)
            self._fallback_logged = True
        if wayland and self.in_window is not None:
            self.in_window(title, body)
            self.last_route = "window"
            return self.last_route
        popup = self._popup_for(kind)
        others = [p for p in self._popups if p is not popup and p.isVisible()]
        popup.announce(title, body, timeout_ms, below=others)
        self._last_popup = popup
        self.last_route = "popup"
        return self.last_route

    def _popup_for(self, kind: str) -> Popup:
        """The pop-up showing this kind, else one not on screen, else a new one."""
        for popup in self._popups:
            if kind and self._popup_kinds.get(popup) == kind and popup.isVisible():
                return popup
        for popup in self._popups:
            if not popup.isVisible():
                self._popup_kinds[popup] = kind
                return popup
        popup = Popup()
        self._popups.append(popup)
        self._popup_kinds[popup] = kind
        return popup

    @property
    def popup(self) -> Popup | None:
        """The pop-up used last (None while every announcement was delivered)."""
        return self._last_popup

    @property
    def popups(self) -> list[Popup]:
        return list(self._popups)
