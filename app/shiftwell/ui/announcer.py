"""One way to tell the user something: a desktop notification, else our own pop-up."""

from __future__ import annotations

import logging

from shiftwell.platform.notifications import Notifier
from shiftwell.ui.popup import Popup

log = logging.getLogger(__name__)


class Announcer:
    def __init__(self, notifier: Notifier | None) -> None:
        self._notifier = notifier
        self._popup: Popup | None = None
        self._fallback_logged = False
        self.last_route = ""

    def announce(self, title: str, body: str, timeout_ms: int = 10_000) -> str:
        """Show it; returns the route taken (the notifier's name or `popup`)."""
        log.info("announce: %s — %s", title, body)
        if self._notifier is not None and self._notifier.send(title, body, timeout_ms):
            self.last_route = self._notifier.name
            return self.last_route
        if not self._fallback_logged:
            log.warning("no notification service answered; using Shiftwell's own pop-up")
            self._fallback_logged = True
        if self._popup is None:
            self._popup = Popup()
        self._popup.announce(title, body, timeout_ms)
        self.last_route = "popup"
        return self.last_route

    @property
    def popup(self) -> Popup | None:
        return self._popup
