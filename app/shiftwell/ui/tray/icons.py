"""Tray icons drawn at run time: a colour and glyph per state, minutes left inside.

Drawn rather than loaded so the number is crisp at every panel size; the colours keep
enough contrast on light and dark panels alike (a dark rim around a saturated disc).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

from shiftwell.core.model import State

STATE_COLOURS: dict[State, str] = {
    State.OFF_SHIFT: "#7a8794",
    State.FOCUS: "#2f7d6d",
    State.BREAK_DUE: "#c27c1a",
    State.MICRO_BREAK: "#3a78c2",
    State.LONG_BREAK: "#3a78c2",
    State.PAUSED: "#8a7b5a",
    State.AWAY: "#2f8f9d",
    State.ON_CALL: "#7d4fb0",
    State.LOGGED_OFF: "#5b5f97",
    State.OVERTIME: "#b34a3c",
}
WRAP_UP_COLOUR = "#c0661f"

_SIZES = (16, 22, 24, 32, 48, 64)


def state_icon(state: State, minutes: int | None = None, *, wrap_up: bool = False) -> QIcon:
    icon = QIcon()
    for size in _SIZES:
        icon.addPixmap(state_pixmap(state, minutes, size, wrap_up=wrap_up))
    return icon


def state_pixmap(state: State, minutes: int | None, size: int, *, wrap_up: bool = False) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    _paint(painter, state, minutes, size, wrap_up=wrap_up)
    return pixmap


def state_svg(state: State, *, wrap_up: bool = False, size: int = 24) -> bytes:
    """The same icon as SVG (for `resources/icons/`, themes and packaging)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtSvg import QSvgGenerator

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(size, size))
    generator.setViewBox(QRectF(0, 0, size, size))
    generator.setTitle(f"Shiftwell: {state.value}{' (wrap-up)' if wrap_up else ''}")
    painter = QPainter(generator)
    _paint(painter, state, None, size, wrap_up=wrap_up)
    buffer.close()
    return bytes(data.data())


def svg_icon_files() -> dict[str, bytes]:
    """Every state's icon as `state-<name>.svg`, plus the wrap-up variant."""
    files = {f"state-{state.value}.svg": state_svg(state) for state in State}
    files["state-wrap-up.svg"] = state_svg(State.FOCUS, wrap_up=True)
    return files


def write_svg_icons(folder: Path) -> list[Path]:
    """Regenerate the shipped SVGs: `python -c "from shiftwell.ui.tray.icons import *;
    QGuiApplication([]); write_svg_icons(Path('resources/icons'))"` (offscreen)."""
    written = []
    for name, data in svg_icon_files().items():
        (folder / name).write_bytes(data)
        written.append(folder / name)
    return written


def _paint(
    painter: QPainter, state: State, minutes: int | None, size: int, *, wrap_up: bool
) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rim = max(1.0, size / 16)
    disc = QRectF(rim / 2, rim / 2, size - rim, size - rim)
    painter.setPen(QPen(QColor("#1d2329"), rim))
    painter.setBrush(QColor(WRAP_UP_COLOUR if wrap_up else STATE_COLOURS[state]))
    painter.drawEllipse(disc)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    counted = (State.FOCUS, State.LONG_BREAK, State.PAUSED, State.OVERTIME)
    if minutes is not None and state in counted:
        _draw_number(painter, disc, minutes)
    else:
        _draw_glyph(painter, disc, state)
    painter.end()


def _draw_number(painter: QPainter, disc: QRectF, minutes: int) -> None:
    text = str(minutes) if minutes < 100 else "99+"
    font = QFont()
    font.setBold(True)
    scale = {1: 0.62, 2: 0.52}.get(len(text), 0.36)
    font.setPixelSize(max(6, round(disc.height() * scale)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, text)


def _draw_glyph(painter: QPainter, disc: QRectF, state: State) -> None:
    c = disc.center()
    r = disc.width() / 2
    if state is State.PAUSED:
        w, h = r * 0.28, r * 0.9
        painter.drawRect(QRectF(c.x() - w * 1.5, c.y() - h / 2, w, h))
        painter.drawRect(QRectF(c.x() + w * 0.5, c.y() - h / 2, w, h))
    elif state is State.LOGGED_OFF:
        # A crescent moon: the day is over.
        moon = QPainterPath()
        moon.addEllipse(c, r * 0.55, r * 0.55)
        bite = QPainterPath()
        bite.addEllipse(QPointF(c.x() + r * 0.3, c.y() - r * 0.22), r * 0.48, r * 0.48)
        painter.drawPath(moon.subtracted(bite))
    elif state is State.ON_CALL:
        # A headset: a band over the top and two ear cups.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("white"), max(1.0, r * 0.16)))
        painter.drawArc(QRectF(c.x() - r * 0.5, c.y() - r * 0.5, r, r), 0, 180 * 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white"))
        for dx in (-0.5, 0.5):
            painter.drawRoundedRect(
                QRectF(c.x() + r * dx - r * 0.14, c.y() - r * 0.05, r * 0.28, r * 0.45),
                r * 0.08,
                r * 0.08,
            )
    elif state is State.BREAK_DUE:
        # An hourglass: the break is about to start.
        glass = QPainterPath()
        w, h = r * 0.45, r * 0.55
        glass.moveTo(c.x() - w, c.y() - h)
        glass.lineTo(c.x() + w, c.y() - h)
        glass.lineTo(c.x() - w, c.y() + h)
        glass.lineTo(c.x() + w, c.y() + h)
        glass.closeSubpath()
        painter.drawPath(glass)
    elif state in (State.MICRO_BREAK, State.LONG_BREAK, State.AWAY):
        # A cup: time to step away.
        body = QRectF(c.x() - r * 0.5, c.y() - r * 0.35, r * 0.8, r * 0.8)
        painter.drawRoundedRect(body, r * 0.15, r * 0.15)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("white"), max(1.0, r * 0.14)))
        painter.drawEllipse(QPointF(c.x() + r * 0.38, c.y() + r * 0.02), r * 0.2, r * 0.2)
    elif state is State.FOCUS:
        painter.drawEllipse(c, r * 0.32, r * 0.32)
    else:
        # Off shift: a hollow ring.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("white"), max(1.0, r * 0.18)))
        painter.drawEllipse(c, r * 0.45, r * 0.45)
