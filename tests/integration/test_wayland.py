"""The real app on real Wayland compositors — sway (wlroots) and mutter (GNOME) — headless,
with two outputs, a private session bus and a StatusNotifierItem tray host, all started here.
Driven with the `shiftwell` command line and the tray's D-Bus menu."""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack
from functools import partial
from pathlib import Path

import pytest

from tests.helpers.app_process import App
from tests.helpers.configs import UNSCHEDULED, config
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


def test_a_tray_that_comes_after_the_status_window_takes_over(
    sway: WaylandSession, tmp_path: Path
) -> None:
    app = App(sway.env, tmp_path, tray_wait="1s", config_text=UNSCHEDULED)
    try:
        wait_for(partial(app.logged, "showing a status window"), 20, "the fallback")
        wait_for(lambda: "Shiftwell" in window_titles(sway), 20, "the status window")
        check_sway_idle_time(app)
        # A tiling desktop floats it at its own size: it does not take the whole output.
        wait_for(partial(floats_at_its_own_size, sway), 20, "the status window to float")
        # No notification service here, and Wayland shows no pop-up of ours: the hint on
        # how to get a tray is told in the window.
        assert app.logged("announce: No tray icon on this desktop")
        sway.screenshot(sway.outputs()[0], ARTIFACTS / "status-window.png")
        # The panel starts late (or the user turns on a tray extension): the icon moves there.
        with sni_tray(sway.bus) as tray:
            item = tray.host.item(timeout=20)
            assert item.tooltip[0].startswith("Shiftwell\nOff shift")
            wait_for(lambda: "Shiftwell" not in window_titles(sway), 20, "the status window to go")
            # A click on the icon: no pop-up menu can show on Wayland, the window comes instead.
            tray.host.activate(item)
            wait_for(lambda: "Shiftwell" in window_titles(sway), 20, "the window on a click")
            assert floats_at_its_own_size(sway)
    finally:
        code, stderr = app.stop()
    assert code == 0, stderr
    assert "Failed to create popup" not in stderr


def floats_at_its_own_size(session: WaylandSession) -> bool:
    """sway floats the status window at its own fixed width (400), shorter than the output."""
    [window] = [
        w for ws in session.windows_by_output().values() for w in ws if w["name"] == "Shiftwell"
    ]
    size = (window["window_rect"]["width"], window["window_rect"]["height"])
    return bool(window["type"] == "floating_con" and size[0] == 400 and size[1] < 400)


def check_sway_idle_time(app: App) -> None:
    """Idle time from ext-idle-notify-v1 (sway 1.8+); sway 1.7 offers only the older
    org_kde_kwin_idle, and the app says once that there is none, and runs on."""
    version = subprocess.run(["sway", "--version"], capture_output=True, text=True, check=True)
    found = re.search(r"(\d+)\.(\d+)", version.stdout)
    assert found is not None, version.stdout
    if (int(found[1]), int(found[2])) >= (1, 8):
        wait_for(partial(app.logged, "idle time from wayland"), 20, "idle time from sway")
        return
    unavailable = "Idle time is not available on this desktop"
    wait_for(partial(app.logged, unavailable), 20, "the app to say it has no idle time")
    log = app.log.read_text()
    assert log.count(unavailable) == 1
    assert "wayland: the compositor does not offer ext-idle-notify-v1" in log
    assert "x11" not in log.split(unavailable)[1].splitlines()[0]  # not XWayland's idle time


def window_titles(session: WaylandSession) -> list[str]:
    return [w["name"] for ws in session.windows_by_output().values() for w in ws]


def placements(app: App, window: str) -> set[tuple[str, str, tuple[int, int]]]:
    """(screen asked for, screen the window is on, size) of each `window`, from the app's log."""
    pattern = rf"{window} for screen (\S+) is (\d+)x(\d+) on screen (\S+)"
    found = re.findall(pattern, app.log.read_text())
    latest = {asked: (asked, on, (int(w), int(h))) for asked, w, h, on in found}
    return set(latest.values())


def covers_every_output(app: App, window: str) -> bool:
    placed = placements(app, window)
    return {size for _, _, size in placed} == set(OUTPUT_SIZES) and all(
        asked == on for asked, on, _ in placed
    )


def check_sway_covers(session: WaylandSession, title: str, shot: str) -> None:
    """sway's own view: one full-screen `title` window per output, the output's whole size."""
    sizes = dict(zip(session.outputs(), OUTPUT_SIZES, strict=True))

    def placed() -> bool:
        by_output = session.windows_by_output()
        return all(
            [
                (w["rect"]["width"], w["rect"]["height"], w["fullscreen_mode"])
                for w in by_output.get(output, [])
                if w["name"] == title
            ]
            == [(*size, 1)]
            for output, size in sizes.items()
        )

    wait_for(placed, 20, f"one {title!r} window on each output")
    for output in sizes:
        session.screenshot(output, ARTIFACTS / f"{shot}-{output}.png")


def test_break_and_log_off_screens_cover_each_output(tmp_path: Path) -> None:
    # Both compositors at once: the one-minute shifts run out side by side.
    with ExitStack() as stack:
        sessions = [
            stack.enter_context(sway_session(tmp_path / "sway")),
            stack.enter_context(mutter_session(tmp_path / "mutter")),
        ]
        # A strict log-off: on Wayland no window stays on top, so the session is locked too
        # (by a stand-in `loginctl` that notes it was asked).
        apps = [
            App(
                with_loginctl(s.env, tmp_path / s.compositor),
                tmp_path / s.compositor,
                tray_wait="1s",
                config_text=STRICT_ONE_MINUTE_SHIFTS,
                wait=False,
            )
            for s in sessions
        ]
        for app in apps:
            stack.callback(stopped_cleanly, app)
        for app in apps:
            wait_for(app.ready, 60, "the app to be ready")
        for app in apps:
            assert app.cli("start", "--yes").returncode == 0
        for session, app in zip(sessions, apps, strict=True):
            assert app.cli("break", "long").returncode == 0
            wait_for(partial(covers_every_output, app, "breakOverlay"), 20, "break screens")
            if session.compositor == "sway":
                check_sway_covers(session, "Shiftwell break", "break")
            assert app.cli("focus").returncode == 0

        for session, app in zip(sessions, apps, strict=True):
            wait_for(partial(covers_every_output, app, "logoffScreen"), 90, "log-off screens")
            assert in_state(app, "logged_off")
            if session.compositor == "sway":
                check_sway_covers(session, "Shiftwell: your shift is over", "logoff")
            locks = tmp_path / session.compositor / "locks"
            wait_for(locks.exists, 20, "the session lock")
            assert locks.read_text() == "lock-session\n"


STRICT_ONE_MINUTE_SHIFTS = config(
    '[shift]\nlength = "1m"', "[logoff]\nwarnings = []\nstrict = true"
)


def with_loginctl(env: dict[str, str], folder: Path) -> dict[str, str]:
    """`env` with a stand-in `loginctl` first on PATH: it writes its arguments to `locks`."""
    bin_dir = folder / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    loginctl = bin_dir / "loginctl"
    loginctl.write_text(f'#!/bin/sh\necho "$@" >> "{folder / "locks"}"\n', encoding="utf-8")
    loginctl.chmod(0o755)
    return {**env, "PATH": f"{bin_dir}:{env.get('PATH', '')}"}


def in_state(app: App, state: str) -> bool:
    return app.status()["state"] == state


def stopped_cleanly(app: App) -> None:
    code, stderr = app.stop()
    assert code == 0, stderr


def test_on_gnome_mutter_says_when_the_desk_goes_quiet_and_when_the_user_is_back(
    tmp_path: Path,
) -> None:
    # Headless mutter has no input devices: nobody has touched it since it started.
    with mutter_session(tmp_path / "compositor") as session:
        quick = UNSCHEDULED + '\n[breaks.micro]\nlength = "5s"\n'
        app = App(session.env, tmp_path, tray_wait="0s", config_text=quick)
        try:
            assert app.logged("idle time from mutter")
            assert app.logged("idle events from mutter")
            assert app.cli("start", "--yes").returncode == 0
            wait_for(partial(in_state, app, "away"), 20, "the app to see nobody at the desk")

            session.press_key()
            # Mutter's user-active watch fires at once; asking every 5 s would take longer.
            pressed = time.monotonic()
            wait_for(partial(in_state, app, "focus"), 20, "the app to see the user back")
            assert time.monotonic() - pressed < 2
        finally:
            code, stderr = app.stop()
        assert code == 0, stderr
