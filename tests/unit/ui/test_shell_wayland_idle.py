"""The shell on a Wayland compositor's idle notifications: away and back, with no polling."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from shiftwell.core.model import State
from shiftwell.platform.idle import detect_idle_monitor
from shiftwell.platform.idle_wayland import WaylandIdleEvents
from tests.helpers.idle_compositor import idle_compositor
from tests.helpers.shell import Harness


def test_the_compositor_going_quiet_is_a_natural_break_and_input_ends_it(
    qtbot: QtBot, harness: Harness
) -> None:
    with idle_compositor() as compositor:
        environ = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": str(compositor.socket)}
        events = detect_idle_monitor(environ, platform="linux")
        assert isinstance(events, WaylandIdleEvents)
        harness.shell.desktop.idle = harness.shell.desktop.idle_events = events
        try:
            harness.click("start_shift")
            compositor.expect("notification 20000")  # a micro break's length
            harness.clock.advance(5 * 60)  # nothing asks by the clock
            assert harness.shell.tray.shown_state is State.FOCUS
            compositor.tell("idle")
            qtbot.wait_until(lambda: harness.shell.tray.shown_state is State.AWAY, timeout=5000)
            compositor.tell("active")
            qtbot.wait_until(lambda: harness.shell.tray.shown_state is State.FOCUS, timeout=5000)
            away = [s for s in harness.repository.segments() if s.kind == "away"]
            assert [s.outcome for s in away] == ["natural"]
        finally:
            harness.shell.close()
            events.close()
