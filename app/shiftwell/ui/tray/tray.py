"""The tray icon and its menu. Actions forward intent; what is allowed comes from the core."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCursor, QGuiApplication
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from shiftwell.core.commands import SUBMENU_LABELS, Command, menu_entries
from shiftwell.core.engine import Status
from shiftwell.core.model import State, Trigger
from shiftwell.ui import text
from shiftwell.ui.i18n import _t
from shiftwell.ui.tray.icons import state_icon

# Sends a command from the table with its request (the shell makes it the event).
Send = Callable[[Command, Mapping[str, Any]], object]


class TrayMenu:
    """One action per menu entry of the command table; each shown only when the engine
    allows it."""

    def __init__(self, send: Send, handlers: Mapping[str, Callable[[], None]]) -> None:
        self.menu = QMenu()
        self.menu.setAccessibleName(_t("Shiftwell menu"))
        self.header = self.menu.addAction(_t("Starting…"))
        self.header.setEnabled(False)
        self.menu.addSeparator()
        self.actions: dict[str, QAction] = {}
        self._triggers: dict[str, Trigger] = {}
        submenus: dict[str, QMenu] = {}
        self.break_menu = QMenu()  # replaced below: the "take a break now" submenu
        for command, entry, trigger in menu_entries():
            parent = self.menu
            if entry.submenu:
                if entry.submenu not in submenus:
                    submenus[entry.submenu] = self.menu.addMenu(_t(SUBMENU_LABELS[entry.submenu]))
                    submenus[entry.submenu].menuAction().setObjectName(entry.submenu)
                parent = submenus[entry.submenu]
            action = parent.addAction(_t(entry.label))
            action.setObjectName(entry.key)
            if entry.asks_reason:
                action.triggered.connect(handlers[entry.key])
            else:
                action.triggered.connect(_sender(send, command, entry.request))
            self.actions[entry.key] = action
            self._triggers[entry.key] = trigger
        self.break_menu = submenus["break_now"]
        self.menu.addSeparator()
        for key, label in (
            ("stats", _t("This week…")),
            ("settings", _t("Settings…")),
            ("quit", _t("Quit Shiftwell")),
        ):
            self.actions[key] = self.menu.addAction(label)
            self.actions[key].triggered.connect(handlers[key])
        self.render(None, 0.0)

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

    # A click on the icon where a menu can't pop up at the pointer (Wayland): the shell
    # shows its status window, which has the same menu.
    window_wanted = Signal()

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
        if reason is not QSystemTrayIcon.ActivationReason.Trigger:
            return
        if QGuiApplication.platformName().startswith("wayland"):
            # Wayland shows no pop-up without a window of ours to hang it from, and gives no
            # pointer position: the menu would silently never appear.
            self.window_wanted.emit()
        else:
            self.menu.menu.popup(QCursor.pos())


def _sender(send: Send, command: Command, request: Mapping[str, Any]) -> Callable[[], object]:
    """A slot with no parameters (Qt would pass `checked` into a default argument)."""
    return lambda: send(command, request)


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


__all__ = ["Tray", "TrayMenu", "tray_available"]
