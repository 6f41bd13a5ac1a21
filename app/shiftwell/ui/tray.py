"""The tray icon and its menu. Actions forward intent; what is allowed comes from the core."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCursor
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from shiftwell.core.engine import Status
from shiftwell.core.model import (
    BreakKind,
    BreakNow,
    CallEnd,
    CallStart,
    Dismiss,
    EndShift,
    Event,
    Pause,
    Postpone,
    Resume,
    Skip,
    StartShift,
    State,
    Trigger,
)
from shiftwell.ui import text
from shiftwell.ui.i18n import _t
from shiftwell.ui.icons import state_icon

Submit = Callable[[Event], object]


class TrayMenu:
    """One action per user intent; each shown only when the engine allows it."""

    def __init__(self, submit: Submit, handlers: Mapping[str, Callable[[], None]]) -> None:
        self.menu = QMenu()
        self.menu.setAccessibleName(_t("Shiftwell menu"))
        self.header = self.menu.addAction(_t("Starting…"))
        self.header.setEnabled(False)
        self.menu.addSeparator()
        self.actions: dict[str, QAction] = {}
        self._triggers: dict[str, Trigger] = {}
        self._add(
            "start_shift", _t("Start shift"), Trigger.START_SHIFT, lambda: submit(StartShift())
        )
        self.break_menu = self.menu.addMenu(_t("Take a break now"))
        self.break_menu.menuAction().setObjectName("break_now")
        for kind in (BreakKind.MICRO, BreakKind.LONG):
            self._add(
                f"{kind.value}_break",
                text.break_title(kind),
                Trigger.BREAK_NOW,
                _sender(submit, BreakNow(kind)),
                self.break_menu,
            )
        self._add("postpone", _t("Postpone break"), Trigger.POSTPONE, lambda: submit(Postpone()))
        self._add("skip", _t("Skip break"), Trigger.SKIP, lambda: submit(Skip()))
        self._add("call_start", _t("On a call"), Trigger.CALL_START, lambda: submit(CallStart()))
        self._add("call_end", _t("Call ended"), Trigger.CALL_END, lambda: submit(CallEnd()))
        self._add("pause", _t("Pause"), Trigger.PAUSE, lambda: submit(Pause()))
        self._add("resume", _t("Resume"), Trigger.RESUME, lambda: submit(Resume()))
        self._add("overtime", _t("I need more time…"), Trigger.OVERTIME, handlers["overtime"])
        self._add(
            "dismiss", _t("Close the log-off screen"), Trigger.DISMISS, lambda: submit(Dismiss())
        )
        self._add("end_shift", _t("End shift"), Trigger.END_SHIFT, lambda: submit(EndShift()))
        self.menu.addSeparator()
        for key, label in (
            ("stats", _t("This week…")),
            ("settings", _t("Settings…")),
            ("quit", _t("Quit Shiftwell")),
        ):
            self.actions[key] = self.menu.addAction(label)
            self.actions[key].triggered.connect(handlers[key])
        self.render(None, 0.0)

    def _add(
        self,
        key: str,
        label: str,
        trigger: Trigger,
        slot: Callable[[], object],
        menu: QMenu | None = None,
    ) -> None:
        action = (menu or self.menu).addAction(label)
        action.setObjectName(key)
        action.triggered.connect(slot)
        self.actions[key] = action
        self._triggers[key] = trigger

    def render(self, status: Status | None, monotonic: float) -> None:
        allowed = status.allowed if status else frozenset()
        self.header.setText(text.headline(status, monotonic) if status else _t("Starting…"))
        for key, trigger in self._triggers.items():
            self.actions[key].setVisible(trigger in allowed)
        self.break_menu.menuAction().setVisible(Trigger.BREAK_NOW in allowed)
        if status is not None:
            self.actions["postpone"].setText(
                _t("Postpone break ({count} left)").format(count=status.postpones_left)
            )
        self.actions["stats"].setEnabled(status is not None)


class Tray(QObject):
    """The icon in the panel: state colour, minutes left, tooltip countdown, the menu."""

    def __init__(
        self,
        menu: TrayMenu,
        status: Callable[[], Status | None],
        monotonic: Callable[[], float],
    ) -> None:
        super().__init__()
        self.menu = menu
        self._status = status
        self._monotonic = monotonic
        self.icon = QSystemTrayIcon()
        self.icon.setContextMenu(menu.menu)
        self.icon.activated.connect(self._on_activated)
        # Redraws only when the shown minute changes: no per-second wake-ups.
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        # A coarse timer may fire before the minute changes, and then wake again.
        self._refresh.setTimerType(Qt.TimerType.PreciseTimer)
        self._refresh.timeout.connect(self.refresh)
        self.shown_state: State | None = None
        self.shown_minutes: int | None = None
        self._shown: tuple[State, int | None, bool] | None = None
        self.refresh()

    def show(self) -> None:
        self.icon.show()

    def close(self) -> None:
        self._refresh.stop()
        self.icon.hide()

    def refresh(self) -> None:
        status = self._status()
        mono = self._monotonic()
        self.menu.render(status, mono)
        state = status.state if status else State.OFF_SHIFT
        minutes = text.minutes_left(status, mono) if status else None
        wrap_up = bool(status and status.wrap_up)
        shown = (state, minutes, wrap_up)
        if shown != self._shown:
            self.icon.setIcon(state_icon(state, minutes, wrap_up=wrap_up))
            self._shown = shown
            self.shown_state, self.shown_minutes = state, minutes
        self.icon.setToolTip(
            text.tooltip(status, mono) if status else self.tr("Shiftwell — starting…")
        )
        self._arm_refresh(status, mono)

    def _arm_refresh(self, status: Status | None, mono: float) -> None:
        left = text.seconds_left(status, mono) if status else None
        if left is None:
            self._refresh.stop()
            return
        # Seconds until the rounded-up minute count drops by one (or the seconds change
        # under a minute, where the tooltip counts seconds).
        until_change = left % 60 if left >= 60 else min(left, 1.0)
        self._refresh.start(max(50, round(until_change * 1000) + 20))

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason is QSystemTrayIcon.ActivationReason.Trigger:
            self.menu.menu.popup(QCursor.pos())


def _sender(submit: Submit, event: Event) -> Callable[[], object]:
    """A slot with no parameters (Qt would pass `checked` into a default argument)."""
    return lambda: submit(event)


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


__all__ = ["Tray", "TrayMenu", "tray_available"]
