"""One calm set of colours for Shiftwell's windows, in a light and a dark variant.

The hues follow the tray icon (focus teal, break blue, pause amber, log-off violet), softened
for large areas. Which variant is used follows the desktop: Qt's colour scheme when the
platform tells it, otherwise the lightness of the application palette's window colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette


@dataclass(frozen=True)
class Palette:
    dark: bool
    window: str  # the window's background
    surface: str  # cards and charts
    border: str
    grid: str  # chart grid lines
    text: str
    muted: str  # secondary text, axis labels
    focus: str  # focus time, on-time log-offs
    planned: str  # the plan the day is measured against
    kept: str  # breaks kept
    natural: str  # breaks taken by being away
    postponed: str
    skipped: str
    late: str  # log-offs after the planned end
    overtime: str
    checkin: str


LIGHT = Palette(
    dark=False,
    window="#f4f6f7",
    surface="#ffffff",
    border="#dfe4e8",
    grid="#edf0f2",
    text="#1d2329",
    muted="#5f6b76",
    focus="#2f7d6d",
    planned="#c9d1d8",
    kept="#3a78c2",
    natural="#7fb7a8",
    postponed="#d9aa55",
    skipped="#c07a80",
    late="#b7862c",
    overtime="#5b5f97",
    checkin="#3a78c2",
)

DARK = Palette(
    dark=True,
    window="#191d21",
    surface="#22282d",
    border="#323a41",
    grid="#2c3339",
    text="#e4e8eb",
    muted="#9aa5af",
    focus="#52b29c",
    planned="#4b5560",
    kept="#6aa2e3",
    natural="#8ccab9",
    postponed="#e1b866",
    skipped="#d38e93",
    late="#e1b866",
    overtime="#9498d6",
    checkin="#6aa2e3",
)


def palette_for(qt_palette: QPalette, scheme: Qt.ColorScheme = Qt.ColorScheme.Unknown) -> Palette:
    """DARK or LIGHT for the desktop's scheme, or for how dark `qt_palette`'s window is."""
    if scheme is Qt.ColorScheme.Dark:
        return DARK
    if scheme is Qt.ColorScheme.Light:
        return LIGHT
    return DARK if qt_palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5 else LIGHT


def current_palette() -> Palette:
    """The palette for the running application (LIGHT before a QGuiApplication exists)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return LIGHT
    return palette_for(app.palette(), app.styleHints().colorScheme())
