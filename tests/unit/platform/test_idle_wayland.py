"""Idle time from a Wayland compositor's ext-idle-notify-v1, against a small real compositor
(tests/helpers/idle_compositor.py: a Wayland server on a real socket, another process)."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from shiftwell.app import _idle_events
from shiftwell.platform.idle import IdleUnavailable, detect_idle_monitor
from shiftwell.platform.idle_wayland import WaylandIdleEvents
from tests.helpers.idle_compositor import IdleCompositor, idle_compositor

GONE = "The compositor closed its Wayland connection, so idle time is no longer available."


@pytest.fixture
def compositor() -> Iterator[IdleCompositor]:
    with idle_compositor() as server:
        yield server


def session(socket: Path) -> dict[str, str]:
    # No session bus: GNOME's Mutter is not there to answer first.
    return {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": str(socket)}


def detect(socket: Path) -> WaylandIdleEvents:
    monitor = detect_idle_monitor(session(socket), platform="linux")
    assert isinstance(monitor, WaylandIdleEvents)
    return monitor


def test_the_compositor_says_idle_then_back_and_the_idle_time_follows(
    qtbot: QtBot, compositor: IdleCompositor
) -> None:
    events = detect(compositor.socket)
    try:
        assert _idle_events(events) is events  # the app listens to it, and polls nothing
        changes: list[float | None] = []
        events.notify(20.0, lambda: changes.append(events.idle_seconds()))
        compositor.expect("notification 20000 input")  # keyboard and mouse only
        assert events.idle_seconds() == 0.0
        compositor.tell("idle")
        qtbot.wait_until(lambda: len(changes) == 1, timeout=5000)
        assert changes[0] is not None and 20.0 <= changes[0] < 25.0

        # Asked again while still idle (a break ended with nobody there): answered at once.
        events.notify(20.0, lambda: changes.append(events.idle_seconds()))
        qtbot.wait_until(lambda: len(changes) == 2, timeout=5000)
        assert changes[1] is not None and changes[1] >= changes[0]
        del changes[1]

        events.notify(None, lambda: changes.append(events.idle_seconds()))
        compositor.tell("active")
        qtbot.wait_until(lambda: len(changes) == 2, timeout=5000)
        assert changes[1] == 0.0

        # The same threshold again: the same notification, no new request.
        events.notify(20.0, lambda: changes.append(events.idle_seconds()))
        compositor.tell("idle")
        qtbot.wait_until(lambda: len(changes) == 3, timeout=5000)
        assert not any(line.startswith("notification") for line in compositor.heard)
    finally:
        events.close()
        events.close()  # the app closes it as its idle monitor and as its idle events


def test_a_cancelled_request_is_not_answered_and_another_threshold_asks_again(
    qtbot: QtBot, compositor: IdleCompositor
) -> None:
    events = detect(compositor.socket)
    try:
        changes: list[str] = []
        events.notify(20.0, lambda: changes.append("old"))
        events.cancel()
        events.notify(300.0, lambda: changes.append("new"))
        compositor.expect("notification 20000 input")
        compositor.expect("notification 300000 input")
        compositor.tell("idle")
        qtbot.wait_until(lambda: changes == ["new"], timeout=5000)
        assert events.idle_seconds() is not None and events.idle_seconds() >= 300.0  # type: ignore[operator]
    finally:
        events.close()


def test_an_older_compositor_counts_any_activity(qtbot: QtBot) -> None:
    # qtbot: the events listen through a QSocketNotifier, which wants a running Qt app
    # (this test can be the first of its process to run).
    with idle_compositor(version=1) as server:
        events = detect(server.socket)
        events.notify(60.0, lambda: None)
        server.expect("notification 60000 any")
        events.close()


@pytest.mark.logs_warnings
def test_a_compositor_that_goes_away_is_said_once_and_then_left_alone(
    qtbot: QtBot, compositor: IdleCompositor, caplog: pytest.LogCaptureFixture
) -> None:
    events = detect(compositor.socket)
    try:
        changes: list[str] = []
        events.notify(20.0, lambda: changes.append("idle"))
        compositor.expect("notification 20000")
        compositor.stop()
        qtbot.wait_until(lambda: events.idle_seconds() is None, timeout=5000)
        # A closed socket stays readable: were it still watched, this would spin and repeat.
        for _ in range(5):
            qtbot.wait(20)
        events.notify(None, lambda: changes.append("back"))
        events.cancel()
        assert changes == []
        loud = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        assert loud == [GONE]
    finally:
        events.close()


@pytest.mark.logs_warnings
def test_without_the_protocol_there_is_no_idle_time_and_it_is_said_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with idle_compositor(version=0) as server:  # like sway 1.7: no ext_idle_notifier_v1
        assert detect_idle_monitor(session(server.socket), platform="linux") is None
    (warning,) = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warning.startswith("Idle time is not available on this desktop, so natural breaks")
    assert "wayland: the compositor does not offer ext-idle-notify-v1" in warning


def test_a_wayland_display_that_is_not_there_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(IdleUnavailable, match="cannot connect to the Wayland display"):
        WaylandIdleEvents(str(tmp_path / "wayland-nobody")).start()


def test_outside_a_wayland_session_pywayland_is_never_loaded() -> None:
    # Its C library and protocol tables would stay in the tray's memory for nothing.
    code = (
        "import sys\n"
        "from shiftwell.platform.idle import detect_idle_monitor\n"
        "import shiftwell.app\n"
        "detect_idle_monitor({'XDG_SESSION_TYPE': 'x11', 'DISPLAY': ':unused'}, platform='linux')\n"
        "print(sorted(m for m in sys.modules if 'wayland' in m))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.logs_warnings
def test_a_build_that_cannot_load_pywayland_carries_on_without_idle_time(
    compositor: IdleCompositor, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # As in a bundle that left out pywayland's C part: importing it fails.
    monkeypatch.delitem(sys.modules, "shiftwell.platform.idle_wayland")
    monkeypatch.setitem(sys.modules, "pywayland.client.display", None)
    assert detect_idle_monitor(session(compositor.socket), platform="linux") is None
    (warning,) = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert "wayland: pywayland cannot be loaded: " in warning
