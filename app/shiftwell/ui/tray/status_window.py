"""A small window standing in for the tray when the desktop has no tray host."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from shiftwell.ui.i18n import _t
from shiftwell.ui.tray.tray import TrayMenu


class StatusWindow(QWidget):
    """What Shiftwell is doing, with its menu: in place of a missing tray, or on request."""

    def __init__(self, menu: TrayMenu, *, in_tray: bool = False) -> None:
        super().__init__()
        self.setWindowTitle("Shiftwell")
        self.setAccessibleName(self.tr("Shiftwell status"))
        self.headline = QLabel(_t("Starting…"))
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.headline.setFont(font)
        self.note = QLabel()
        self.note.setWordWrap(True)
        # Where the schedule comes from, when it is a calendar, and how old its copy is.
        self.schedule = QLabel()
        self.schedule.setVisible(False)
        self.set_in_tray(in_tray)
        self.menu_button = QPushButton(self.tr("Menu"))
        self.menu_button.setAccessibleName(_t("Shiftwell menu"))
        self.menu_button.setMenu(menu.menu)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.schedule)
        layout.addWidget(self.note)
        layout.addWidget(self.menu_button)
        self.setMinimumWidth(360)
        self._menu = menu

    def sync(self, schedule: str | None = None) -> None:
        self.headline.setText(self._menu.header.text())
        self.schedule.setText(schedule or "")
        self.schedule.setVisible(bool(schedule))

    def set_in_tray(self, in_tray: bool) -> None:
        self.note.setText(
            self.tr(
                "Shiftwell is already running, with its icon in the system tray. Closing this "
                "window keeps it running; use Menu → Quit to stop it."
            )
            if in_tray
            else self.tr(
                "No system tray was found on this desktop, so Shiftwell shows itself in this "
                "window. Closing it keeps Shiftwell running; use Menu → Quit to stop it."
            )
        )
