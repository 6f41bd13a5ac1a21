"""Where a window opens: at its preferred size when the screen has room, never larger than
the screen's free area (what the panels leave), and in the middle of it.

Agents' laptops are often 1366x768, and at 125 % scale that is 1093x614 for Qt: a window
that asks for more is cut off, with its buttons out of reach.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Of the free area, what a window may take: the rest leaves room for its title bar and
# frame, which the window manager adds around it.
_SHARE = 0.94


def free_area(window: QWidget) -> QRect:
    """The available geometry of the window's screen (or the primary one)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def open_at(window: QWidget, preferred: QSize) -> None:
    """Size `window` to `preferred`, bounded by the free area, and centre it there."""
    area = free_area(window)
    room = QSize(round(area.width() * _SHARE), round(area.height() * _SHARE))
    size = preferred.boundedTo(room)
    window.resize(size)
    window.move(
        area.x() + (area.width() - size.width()) // 2,
        area.y() + (area.height() - size.height()) // 2,
    )
