"""Wires the engine to storage and to the screen: clock/OS events -> core -> (storage, ui)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject

from shiftwell.core.clock import Clock
from shiftwell.core.engine import Engine, Listener, Status
from shiftwell.core.model import Event, EventRejected, State, Transition, Trigger
from shiftwell.core.settings import Settings
from shiftwell.ui import text
from shiftwell.ui.announcer import Announcer
from shiftwell.ui.status_window import StatusWindow
from shiftwell.ui.tray import Tray, TrayMenu

log = logging.getLogger(__name__)


class Shell(QObject):
    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        announcer: Announcer,
        quit_app: Callable[[], None],
    ) -> None:
        super().__init__()
        self.settings = settings
        self.clock = clock
        self.announcer = announcer
        self.engine: Engine | None = None
        self.menu = TrayMenu(self.submit, quit_app)
        self.tray = Tray(self.menu, self.status, clock.monotonic)
        self.status_window: StatusWindow | None = None

    def status(self) -> Status | None:
        return self.engine.status() if self.engine else None

    def attach(self, recorder: Listener) -> Engine:
        """Start the engine; `recorder` (storage) hears every transition before the screen."""
        self.engine = Engine(self.settings, self.clock, [recorder, self.on_transition])
        self.refresh()
        return self.engine

    def show_without_tray(self) -> StatusWindow:
        self.status_window = StatusWindow(self.menu)
        self.status_window.sync()
        self.status_window.show()
        return self.status_window

    def submit(self, event: Event) -> None:
        if self.engine is None:
            return
        try:
            self.engine.handle(event)
        except EventRejected as rejected:
            self.announcer.announce("Shiftwell", str(rejected))

    def refresh(self) -> None:
        self.tray.refresh()
        if self.status_window is not None:
            self.status_window.sync()

    def on_transition(self, transition: Transition) -> None:
        self.refresh()
        message = self._announcement(transition)
        if message is not None:
            self.announcer.announce(*message)

    def _announcement(self, transition: Transition) -> tuple[str, str] | None:
        settings = self.settings
        target, source = transition.target, transition.source
        if target is State.MICRO_BREAK and settings.notify_breaks:
            length = text.span(settings.micro.length.total_seconds())
            return (
                f"Micro break — {length}",
                "Look away from the screen, roll your shoulders, breathe out slowly.",
            )
        if target is State.LONG_BREAK and settings.notify_breaks:
            length = text.span(settings.long.length.total_seconds())
            return (
                f"Long break — {length}",
                "Stand up and step away: stretch, walk, drink some water. "
                "Shiftwell will tell you when it is over.",
            )
        if (
            source is State.LONG_BREAK
            and target is State.FOCUS
            and transition.trigger is Trigger.DEADLINE
            and settings.notify_breaks
        ):
            return ("Break over", "Welcome back.")
        if target is State.LOGGED_OFF and transition.trigger is Trigger.DEADLINE:
            return ("Your shift is over", "Time to log off. The rest of the day is yours.")
        return None
