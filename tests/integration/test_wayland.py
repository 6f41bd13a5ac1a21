"""The real app on real Wayland compositors — sway (wlroots) and mutter (GNOME) — headless,
with two outputs, a private session bus and a StatusNotifierItem tray host, all started here.
Driven with the `shiftwell` command line and the tray's D-Bus menu."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.app_process import App
from tests.helpers.configs import UNSCHEDULED
from tests.helpers.process import wait_for
from tests.helpers.sni import Host, Item, MenuItem, sni_tray
from tests.helpers.wayland import OUTPUT_SIZES, WaylandSession, mutter_session, sway_session

pytestmark = pytest.mark.desktop

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "wayland"


@pytest.fixture(params=["sway", "mutter"])
def wayland(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[WaylandSession]:
    start = sway_session if request.param == "sway" else mutter_session
    with start(tmp_path / "compositor") as session:
        yield session


@pytest.fixture
def sway(tmp_path: Path) -> Iterator[WaylandSession]:
    with sway_session(tmp_path / "compositor") as session:
        yield session


def entries(menu: MenuItem) -> dict[str, MenuItem]:
    return {entry.label: entry for entry in menu.walk() if entry.label}


def shown(menu: MenuItem) -> list[str]:
    """Labels a tray host shows: visible entries whose parents are visible too."""
    labels: list[str] = []

    def visit(entry: MenuItem) -> None:
        if not entry.visible:
            return
        if entry.label:
            labels.append(entry.label)
        for child in entry.children:
            visit(child)

    visit(menu)
    return labels


def fresh(host: Host, check: str) -> Item:
    """The item once its tooltip says `check` (the app updates it on each change)."""
    found: list[Item] = []

    def says() -> bool:
        found[:] = [host.item()]
        return check in found[0].tooltip[0]

    wait_for(says, 20, f"the tooltip to say {check!r}")
    return found[0]


def test_the_tray_item_shows_the_state_and_its_menu_acts(
    wayland: WaylandSession, tmp_path: Path
) -> None:
    with sni_tray(wayland.bus) as tray:
        app = App(wayland.env, tmp_path, tray_wait="20s", config_text=UNSCHEDULED)
        try:
            item = tray.host.item()
            assert item.properties["Id"] == "Shiftwell"
            assert item.properties["Status"] == "Active"
            # The picture itself (ARGB32 at several sizes), drawn, not transparent.
            assert (22, 22) in item.icon_sizes
            for width, height, argb in item.properties["IconPixmap"]:
                assert len(argb) == width * height * 4 and any(argb[0::4])
            assert item.tooltip[0].startswith("Shiftwell\nOff shift")

            menu = shown(tray.host.menu(item))
            assert menu[0] == "Off shift — start a shift from this menu"
            assert "Start shift" in menu and "Quit Shiftwell" in menu
            assert "End shift" not in menu and "Take a break now" not in menu

            assert app.cli("start", "--yes").returncode == 0
            item = fresh(tray.host, "micro break in")
            assert re.search(r"Focus — micro break in \d+", item.tooltip[0])
            menu_tree = tray.host.menu(item)
            assert "Start shift" not in shown(menu_tree)
            assert "Micro break" in shown(menu_tree)

            tray.host.click(item, entries(menu_tree)["Micro break"].id)
            wait_for(lambda: app.status()["state"] == "micro_break", 20, "the micro break")
            item = fresh(tray.host, "Micro break —")

            # The desktop's tray restarts (a panel crash, a shell reload): the item is back.
            tray.restart()
            item = tray.host.item()
            assert item.tooltip[0].startswith("Shiftwell\nMicro break —")
            tray.host.click(item, entries(tray.host.menu(item))["Skip break"].id)
            wait_for(lambda: app.status()["state"] == "focus", 20, "focus after the skip")
        finally:
            code, stderr = app.stop()
        assert code == 0, stderr
