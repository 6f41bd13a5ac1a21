from __future__ import annotations

import pytest

from shiftwell.core import tray_hint as hints


@pytest.mark.parametrize(
    ("current_desktop", "hint"),
    [
        ("GNOME", hints.GNOME),
        ("ubuntu:GNOME", hints.GNOME),  # Ubuntu names itself first
        ("Budgie:GNOME", hints.GNOME),
        ("KDE", hints.KDE),
        ("sway", hints.WLROOTS),
        ("Hyprland", hints.WLROOTS),
        ("XFCE", hints.XFCE),
        ("X-Cinnamon", hints.OTHER),
        ("", hints.OTHER),
    ],
)
def test_the_hint_fits_the_desktop(current_desktop: str, hint: str) -> None:
    assert hints.tray_hint(current_desktop) == hint
