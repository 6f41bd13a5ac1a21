"""The real app on a real X desktop: a tray host (trayer), a notification daemon (dunst) and
a private session bus, all started here. Driven with the `shiftwell` command line."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.app_process import App
from tests.helpers.desktop import DesktopSession, desktop_session
from tests.helpers.process import run_cli, wait_for

pytestmark = pytest.mark.desktop

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "desktop"


@pytest.fixture
def full_desktop() -> Iterator[DesktopSession]:
    with desktop_session() as session:
        yield session


def test_tray_notifications_overlay_and_log_off_on_a_real_desktop(
    full_desktop: DesktopSession, tmp_path: Path
) -> None:
    app = App(full_desktop.env, tmp_path, tray_wait="20s")
    try:
        wait_for(lambda: "Shiftwell" in full_desktop.docked_windows(), 20, "the tray icon")
        assert app.status()["state"] == "off_shift"

        refused = app.cli("start")
        assert refused.returncode == 1 and "no shift on your schedule" in refused.stderr
        assert app.cli("start", "--yes").returncode == 0
        assert app.cli("break", "micro").returncode == 0
        wait_for(
            lambda: any(n["summary"] == "Micro break — 20 s" for n in full_desktop.notifications()),
            20,
            "the micro break notification at dunst",
        )
        assert app.cli("focus").returncode == 0

        assert app.cli("break", "long").returncode == 0
        wait_for(lambda: "Shiftwell break" in full_desktop.window_names(), 20, "the overlay")
        full_desktop.screenshot(ARTIFACTS / "break-overlay.png")
        assert app.cli("focus").returncode == 0
        assert app.status()["state"] == "focus"

        wait_for(lambda: app.status()["state"] == "logged_off", 90, "the end of the shift")
        wait_for(
            lambda: "Shiftwell: your shift is over" in full_desktop.window_names(),
            20,
            "the log-off screen",
        )
        # The week's last shift (nothing else is scheduled): the weekly review is offered on
        # the log-off screen, not opened over it.
        assert "Shiftwell — your week" not in full_desktop.window_names()
        full_desktop.screenshot(ARTIFACTS / "logoff.png")
    finally:
        code, stderr = app.stop()
    assert code == 0, stderr
    with sqlite3.connect(app.data / "shiftwell.sqlite3") as db:
        shifts = db.execute("select scheduled, actual_end is not null from shift").fetchall()
        kinds = [k for (k,) in db.execute("select kind from segment order by actual_start")]
        targets = [t for (t,) in db.execute("select target from 'transition' order by id")]
    assert shifts == [(0, 1)]
    assert kinds[:4] == ["focus", "micro_break", "focus", "long_break"]
    assert targets[-1] == "logged_off"


def test_without_tray_or_notification_daemon_the_app_says_so_itself(tmp_path: Path) -> None:
    with desktop_session(tray=False, notifications=False) as session:
        app = App(session.env, tmp_path, tray_wait="1s")
        try:
            wait_for(lambda: "Shiftwell" in session.window_names(), 20, "the status window")
            assert app.cli("start", "--yes").returncode == 0
            assert app.cli("break", "micro").returncode == 0
            wait_for(
                lambda: "Shiftwell announcement" in session.window_names(), 20, "our own pop-up"
            )
            session.screenshot(ARTIFACTS / "no-tray.png")
        finally:
            code, stderr = app.stop()
        assert code == 0, stderr
        log = app.log.read_text()
        assert "no system tray after 1 s; showing a status window" in log
        assert "no notification service answered; using Shiftwell's own pop-up" in log


def test_a_second_launch_hands_over_to_the_first(
    full_desktop: DesktopSession, tmp_path: Path
) -> None:
    app = App(full_desktop.env, tmp_path, tray_wait="20s")
    try:
        second = run_cli(*app.options(), env=app.env)
        assert second.returncode == 0
        assert "already running" in second.stdout
        assert app.process.poll() is None
    finally:
        code, _ = app.stop()
    assert code == 0
    gone = app.cli("status")
    assert gone.returncode == 3
    assert "not running" in gone.stderr
