"""The tray shell, driven through its real menu actions, with a real database."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from shiftwell.core.clock import ManualClock
from shiftwell.core.model import State
from shiftwell.core.settings import Settings
from shiftwell.storage.database import open_database
from shiftwell.storage.repository import Repository
from shiftwell.ui.announcer import Announcer
from shiftwell.ui.shell import Shell
from tests.helpers.engine import MONDAY_9AM
from tests.helpers.fakes import FakeNotifier


@dataclass
class Harness:
    shell: Shell
    clock: ManualClock
    notifier: FakeNotifier
    repository: Repository
    quits: list[bool]

    def click(self, key: str) -> None:
        action = self.shell.menu.actions[key]
        assert action.isVisible() and action.isEnabled(), f"{key} is not offered"
        action.trigger()

    def visible(self) -> set[str]:
        return {key for key, action in self.shell.menu.actions.items() if action.isVisible()}


@pytest.fixture
def harness(qtbot: QtBot, tmp_path: Path) -> Iterator[Harness]:
    clock = ManualClock(MONDAY_9AM)
    notifier = FakeNotifier()
    quits: list[bool] = []
    shell = Shell(Settings(), clock, Announcer(notifier), lambda: quits.append(True))
    repository = Repository(open_database(tmp_path / "shiftwell.sqlite3"))
    shell.attach(repository)
    yield Harness(shell, clock, notifier, repository, quits)
    shell.tray.icon.hide()


def test_start_shift_from_the_menu_records_it_and_shows_the_countdown(harness: Harness) -> None:
    assert harness.visible() == {"start_shift", "quit"}
    harness.click("start_shift")
    assert harness.shell.engine is not None and harness.shell.engine.state is State.FOCUS
    [shift] = harness.repository.shifts()
    [segment] = harness.repository.segments()
    assert (segment.kind, segment.shift_id, segment.actual_end) == ("focus", shift.id, None)
    tray = harness.shell.tray
    assert tray.shown_state is State.FOCUS and tray.shown_minutes == 20
    assert "Focus — micro break in 20 min" in tray.icon.toolTip()
    assert harness.shell.menu.header.text() == "Focus — micro break in 20 min"
    assert harness.visible() == {"micro_break", "long_break", "pause", "end_shift", "quit"}


def test_countdown_follows_the_clock(harness: Harness) -> None:
    harness.click("start_shift")
    harness.clock.advance(7 * 60 + 30)
    harness.shell.tray.refresh()
    assert harness.shell.tray.shown_minutes == 13  # 12.5 min left, rounded up
    assert "micro break in 13 min" in harness.shell.tray.icon.toolTip()


def test_break_is_announced_on_time_and_can_be_skipped(harness: Harness) -> None:
    harness.click("start_shift")
    harness.clock.advance(20 * 60 - 1)
    assert harness.notifier.sent == []
    harness.clock.advance(1)
    assert harness.notifier.titles == ["Micro break — 20 s"]
    assert harness.shell.tray.shown_state is State.MICRO_BREAK
    assert {"skip", "postpone", "pause", "end_shift"} <= harness.visible()
    assert harness.shell.menu.actions["postpone"].text() == "Postpone break (3 left)"
    harness.click("skip")
    outcomes = [(s.kind, s.outcome) for s in harness.repository.segments()]
    assert outcomes == [("focus", "completed"), ("micro_break", "skipped"), ("focus", None)]


def test_long_break_taken_from_the_menu_runs_and_ends(harness: Harness) -> None:
    harness.click("start_shift")
    harness.click("long_break")
    assert harness.notifier.titles == ["Long break — 10 min"]
    assert harness.shell.tray.shown_minutes == 10
    harness.clock.advance(10 * 60)
    assert harness.notifier.titles[-1] == "Break over"
    kinds = [(s.kind, s.outcome) for s in harness.repository.segments()]
    assert kinds[1] == ("long_break", "completed")


def test_pause_resume_and_end_shift(harness: Harness) -> None:
    harness.click("start_shift")
    harness.click("pause")
    assert harness.visible() == {"resume", "end_shift", "quit"}
    assert harness.shell.tray.shown_state is State.PAUSED
    harness.clock.advance(60)
    harness.click("resume")
    harness.click("end_shift")
    assert harness.visible() == {"start_shift", "quit"}
    [shift] = harness.repository.shifts()
    assert shift.actual_end == harness.clock.now()
    assert [t.target for t in harness.repository.transitions()] == [
        "focus",
        "paused",
        "focus",
        "logged_off",
    ]


def test_shift_end_announces_log_off(harness: Harness) -> None:
    harness.click("start_shift")
    harness.clock.advance(8 * 3600)
    assert harness.notifier.titles[-1] == "Your shift is over"
    assert harness.shell.tray.shown_state is State.LOGGED_OFF


def test_quit_action_quits(harness: Harness) -> None:
    harness.click("quit")
    assert harness.quits == [True]


def test_status_window_stands_in_for_a_missing_tray(harness: Harness, qtbot: QtBot) -> None:
    window = harness.shell.show_without_tray()
    qtbot.add_widget(window)
    assert window.isVisible()
    assert window.headline.text() == "Off shift — start a shift from this menu"
    harness.click("start_shift")
    assert window.headline.text() == "Focus — micro break in 20 min"
    assert window.menu_button.menu() is harness.shell.menu.menu
