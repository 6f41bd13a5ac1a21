"""A small window standing in for the tray when the desktop has no tray host."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from shiftwell.ui.i18n import _t
from shiftwell.ui.tray.tray import TrayMenu

# Its width; the height follows the text. A fixed size, and a dialog's type, make tiling
# desktops (sway, i3) float it at that size instead of giving it the whole screen.
WIDTH = 400


class StatusWindow(QWidget):
    """What Shiftwell is doing, with its menu: in place of a missing tray, or on request."""

    def __init__(self, menu: TrayMenu, *, in_tray: bool = False) -> None:
        super().__init__(None, Qt.WindowType.Dialog)
        self.setWindowTitle("Shiftwell")
        self.setAccessibleName(self.tr("Shiftwell status"))
        self.headline = QLabel(_t("Starting…"))
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.headline.setFont(font)
        self.note = QLabel()
        self.note.setWordWrap(True)
        # The latest announcement, where no notification service answers on Wayland (which
        # shows no pop-up of ours): hidden until there is one.
        self.news = QLabel()
        self.news.setObjectName("statusNews")
        self.news.setWordWrap(True)
        self.news.hide()
        # Where the schedule comes from, when it is a calendar, and how old its copy is.
        self.schedule = QLabel()
        self.schedule.setWordWrap(True)
        self.schedule.hide()
        self.menu_button = QPushButton(self.tr("Menu"))
        self.menu_button.setAccessibleName(_t("Shiftwell menu"))
        self.menu_button.setMenu(menu.menu)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.headline)
        self._layout.addWidget(self.schedule)
        self._layout.addWidget(self.news)
        self._layout.addWidget(self.note)
        self._layout.addWidget(self.menu_button)
        self._menu = menu
        self.set_in_tray(in_tray)

    def sync(self, schedule: str | None = None) -> None:
        self.headline.setText(self._menu.header.text())
        self.schedule.setText(schedule or "")
        self.schedule.setVisible(bool(schedule))
        self._fit()

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
        self._fit()

    def show_news(self, title: str, body: str) -> None:
        self.news.setText(f"<b>{html.escape(title)}</b><br>{html.escape(body)}")
        self.news.show()
        self._fit()

    def _fit(self) -> None:
        """Exactly as tall as its text needs at WIDTH (a longer headline takes two lines)."""
        height = self._layout.totalHeightForWidth(WIDTH)
        if height > 0:
            self.setFixedSize(WIDTH, height)
