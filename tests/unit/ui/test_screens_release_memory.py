"""Full-screen windows, once closed, are deleted and what they freed goes back to the
system: the tray runs all day and must not keep a break screen's buffers after it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from shiftwell.ui.breaks.overlay import BreakOverlay
from shiftwell.ui.logoff.logoff_screen import LogoffScreen
from shiftwell.ui.shell import RELEASE_MEMORY_SECONDS
from tests.helpers.shell import Harness


def test_after_a_long_break_its_screens_are_deleted_then_memory_given_back(
    harness: Harness, qtbot: QtBot
) -> None:
    released: list[bool] = []
    harness.shell.desktop.release_memory = lambda: released.append(True)
    harness.click("start_shift")
    harness.click("long_break")
    overlay = harness.shell._overlay
    assert isinstance(overlay, BreakOverlay)
    windows = list(overlay.windows)
    assert windows
    harness.clock.advance(10 * 60)  # the break ends by itself
    qtbot.wait_until(lambda: not any(Shiboken.isValid(w) for w in windows))
    assert released == []
    harness.clock.advance(RELEASE_MEMORY_SECONDS)
    assert released == [True]


def test_after_the_log_off_screen_memory_is_given_back(harness: Harness, qtbot: QtBot) -> None:
    released: list[bool] = []
    harness.shell.desktop.release_memory = lambda: released.append(True)
    harness.click("start_shift")
    harness.clock.advance(8 * 3600)
    screen = harness.shell._logoff
    assert isinstance(screen, LogoffScreen) and screen.windows
    released.clear()  # the day's breaks gave some back already
    screen.dismiss_requested.emit()
    harness.clock.advance(RELEASE_MEMORY_SECONDS)
    assert released == [True]
