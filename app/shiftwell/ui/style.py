"""One calm look for the break screen, the log-off screen and small dialogs.

`resources/style.qss` names colours as `${name}`; they come from the palette shared with the
stats window (light or dark, following the desktop), plus a few mixed here from it.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from string import Template

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from shiftwell.platform.assets import asset
from shiftwell.ui.palette import Palette, palette_for

log = logging.getLogger(__name__)

_FOLLOWING = "shiftwellStyleFollowsScheme"


def mix(base: str, tint: str, amount: float) -> str:
    """`base` moved `amount` (0 to 1) of the way towards `tint`, as #rrggbb."""
    a, b = QColor(base), QColor(tint)
    channels = (
        round(x + (y - x) * amount)
        for x, y in ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))
    )
    return "#{:02x}{:02x}{:02x}".format(*channels)


def colours(palette: Palette) -> dict[str, str]:
    """Every `${name}` the stylesheet may use."""
    named = {key: value for key, value in asdict(palette).items() if isinstance(value, str)}
    # Large areas take only a hint of the state's hue (break blue, log-off violet).
    named["cover_break"] = mix(palette.window, palette.kept, 0.10 if palette.dark else 0.07)
    named["cover_logoff"] = mix(palette.window, palette.overtime, 0.12 if palette.dark else 0.07)
    named["field"] = palette.surface if not palette.dark else mix(palette.window, "#000000", 0.2)
    named["accent_text"] = "#ffffff" if not palette.dark else palette.window
    return named


def stylesheet(palette: Palette) -> str:
    template = Template(asset("style.qss").read_text(encoding="utf-8"))
    try:
        return template.substitute(colours(palette))
    except KeyError as missing:
        raise ValueError(f"style.qss names an unknown colour: ${{{missing.args[0]}}}") from None


def apply_style(app: QApplication, scheme: Qt.ColorScheme | None = None) -> Palette:
    """Style the app for the desktop's colour scheme (or `scheme`), and follow its changes."""
    hints = app.styleHints()
    palette = palette_for(app.palette(), hints.colorScheme() if scheme is None else scheme)
    app.setStyleSheet(stylesheet(palette))
    if not app.property(_FOLLOWING):
        app.setProperty(_FOLLOWING, True)
        hints.colorSchemeChanged.connect(lambda changed: apply_style(app, changed))
    log.debug("style: %s", "dark" if palette.dark else "light")
    return palette
