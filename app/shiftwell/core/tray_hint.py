"""How to get a tray icon on the user's desktop, when it has none: in plain words, for the
desktop named by XDG_CURRENT_DESKTOP (a colon-separated list, e.g. "ubuntu:GNOME")."""

from __future__ import annotations

from shiftwell.core.i18n import marked

TITLE = marked("No tray icon on this desktop")

GNOME = marked(
    "To see Shiftwell's icon in the top bar, install the “AppIndicator and "
    "KStatusNotifierItem Support” GNOME Shell extension (your distribution's "
    "gnome-shell-extension-appindicator package, or extensions.gnome.org) and turn it on. "
    "The icon then appears by itself; until then, Shiftwell shows itself in a small window."
)
KDE = marked(
    "To see Shiftwell's icon, add the “System Tray” widget to your panel. The icon then "
    "appears by itself; until then, Shiftwell shows itself in a small window."
)
WLROOTS = marked(
    "To see Shiftwell's icon, add a tray to your bar (in Waybar, the “tray” module). The "
    "icon then appears by itself; until then, Shiftwell shows itself in a small window."
)
XFCE = marked(
    "To see Shiftwell's icon, add the “Status Tray Plugin” item to your panel. The icon "
    "then appears by itself; until then, Shiftwell shows itself in a small window."
)
OTHER = marked(
    "To see Shiftwell's icon, add a system tray (notification area) to your panel. The "
    "icon then appears by itself; until then, Shiftwell shows itself in a small window."
)

_BY_DESKTOP = {
    "gnome": GNOME,
    "kde": KDE,
    "sway": WLROOTS,
    "hyprland": WLROOTS,
    "river": WLROOTS,
    "wayfire": WLROOTS,
    "labwc": WLROOTS,
    "niri": WLROOTS,
    "xfce": XFCE,
}


def tray_hint(current_desktop: str) -> str:
    """The hint for the first desktop in the list that we know; a general one otherwise."""
    for name in current_desktop.split(":"):
        hint = _BY_DESKTOP.get(name.strip().lower())
        if hint is not None:
            return hint
    return OTHER
