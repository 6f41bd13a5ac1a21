from __future__ import annotations

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from shiftwell.core.model import State
from shiftwell.ui.tray.icons import state_icon, state_pixmap


def _bytes(image: QImage) -> bytes:
    return bytes(image.constBits())


def test_every_state_looks_different(qtbot: QtBot) -> None:
    images = {state: _bytes(state_pixmap(state, None, 22).toImage()) for state in State}
    assert len(set(images.values())) == len(State) - 1  # micro and long break share a glyph
    assert images[State.MICRO_BREAK] == images[State.LONG_BREAK]


def test_minutes_are_drawn_into_the_icon(qtbot: QtBot) -> None:
    twelve = _bytes(state_pixmap(State.FOCUS, 12, 22).toImage())
    thirteen = _bytes(state_pixmap(State.FOCUS, 13, 22).toImage())
    plain = _bytes(state_pixmap(State.FOCUS, None, 22).toImage())
    assert len({twelve, thirteen, plain}) == 3


def test_icon_has_panel_sizes_with_transparent_corners(qtbot: QtBot) -> None:
    icon = state_icon(State.PAUSED, None)
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(16, 16), (22, 22), (24, 24)} <= sizes
    image = state_pixmap(State.PAUSED, None, 24).toImage()
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(12, 12).alpha() == 255


def test_shipped_svg_icons_are_the_drawn_ones(qtbot: QtBot) -> None:
    from PySide6.QtSvg import QSvgRenderer

    from shiftwell.platform.assets import asset
    from shiftwell.ui.tray.icons import svg_icon_files

    for name, data in svg_icon_files().items():
        shipped = asset("icons", name)
        assert shipped.exists(), f"{name} missing: regenerate with write_svg_icons()"
        assert shipped.read_bytes() == data, f"{name} is stale: regenerate with write_svg_icons()"
        renderer = QSvgRenderer(str(shipped))
        assert renderer.isValid() and renderer.viewBoxF().width() == 24
