"""Fixed breaks and the calendar in the running shell: what the user is told, the break
screen for a lunch, and the calendar fetched off the UI thread into the engine's plan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from shiftwell.calendar_link import CalendarLink
from shiftwell.core.model import CallEnd, CallStart, State
from shiftwell.core.plan import parse_fixed_breaks
from shiftwell.core.schedule import Span, WeeklySchedule
from shiftwell.core.settings import BreakMode, BreakPolicy, PlanSettings, Settings
from shiftwell.ui import text
from shiftwell.ui.breaks.overlay import BreakOverlay
from tests.helpers.calendars import one_lunch
from tests.helpers.engine import MONDAY_9AM
from tests.helpers.shell import Harness

HarnessFactory = Callable[..., Harness]


def at(hour: int, minute: int = 0) -> datetime:
    return MONDAY_9AM.replace(hour=hour, minute=minute)


def wfm(calendar: str | None = None) -> Settings:
    office = (Span(time(9), time(17, 30)),)
    breaks = parse_fixed_breaks(["10:30 15m", "12:30 30m lunch", "15:15 15m"])
    return Settings(
        schedule=WeeklySchedule(tz=UTC, days={d: office if d < 5 else () for d in range(7)}),
        plan=PlanSettings(breaks=breaks, calendar=calendar),
        breaks=BreakPolicy(mode=BreakMode.SCHEDULED),
    )


def test_a_fixed_break_is_announced_shown_and_ends_with_a_word(
    harness_factory: HarnessFactory,
) -> None:
    h = harness_factory(settings=wfm(), start=at(8, 55))
    h.clock.advance_to(at(10, 28))
    assert f"Break at {text.clock_time(at(10, 30))}" in h.shell.tray.icon.toolTip()
    assert h.notifier.sent[-1] == (
        f"Break at {text.clock_time(at(10, 30))}",
        "In 2 min. Finish what you are doing.",
    )
    h.clock.advance_to(at(10, 30))
    overlay = h.shell._overlay
    assert isinstance(overlay, BreakOverlay) and overlay.view is not None
    assert overlay.view.title == "Break"
    assert overlay.view.note.startswith(f"Back at {text.clock_time(at(10, 45))}.")
    h.clock.advance_to(at(10, 44))
    assert h.notifier.sent[-1] == ("Back in 1 min", "Break is nearly over.")
    h.clock.advance_to(at(10, 45))
    assert not any(w.isVisible() for w in overlay.windows)
    assert h.notifier.titles[-1] == "Break is over"


def test_lunch_has_its_own_screen_and_cannot_be_postponed(
    harness_factory: HarnessFactory,
) -> None:
    h = harness_factory(settings=wfm(), start=at(8, 55))
    h.clock.advance_to(at(12, 31))
    overlay = h.shell._overlay
    assert isinstance(overlay, BreakOverlay) and overlay.view is not None
    assert overlay.view.title == "Lunch"
    assert overlay.view.idea == "Time to eat, away from the screen."
    assert not overlay.view.can_postpone
    h.shell.tray.refresh()  # as its countdown timer does
    assert "Lunch — 29 min left" in h.shell.tray.icon.toolTip()
    h.clock.advance_to(at(13, 0))
    assert h.notifier.titles[-1] == "Lunch is over"


def test_a_break_that_waits_for_a_call_says_so_and_no_screen_covers_the_call(
    harness_factory: HarnessFactory,
) -> None:
    h = harness_factory(settings=wfm(), start=at(8, 55))
    h.clock.advance_to(at(15, 10))
    h.shell.submit(CallStart())
    h.clock.advance_to(at(15, 16))
    assert h.notifier.sent[-1] == (
        "Break after your call",
        "It starts when your call ends, and you get all of it.",
    )
    overlay = h.shell._overlay
    assert overlay is None or not any(w.isVisible() for w in overlay.windows)  # type: ignore[attr-defined]
    h.shell.submit(CallEnd())
    assert h.shell.engine is not None and h.shell.engine.state is State.LONG_BREAK


def write_calendar(path: Path, start: str, end: str) -> None:
    path.write_bytes(one_lunch(start, end))


@pytest.mark.logs_warnings  # the failing feed is logged, once
def test_the_calendar_is_fetched_off_the_ui_thread_and_a_move_today_is_told_once(
    harness_factory: HarnessFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    feed_file = tmp_path / "agent.ics"
    write_calendar(feed_file, "1230", "1300")
    h = harness_factory(settings=wfm(str(feed_file)), start=at(9, 5))
    link = CalendarLink(h.shell, tmp_path / "data", now=h.clock.now)
    fetched: list[object] = []
    link.fetched.connect(fetched.append)

    def wait_for_fetches(count: int) -> None:
        qtbot.waitUntil(lambda: len(fetched) == count)

    link.start()
    qtbot.waitUntil(lambda: len(fetched) == 1)
    assert h.shell.engine is not None
    assert h.shell.engine.status().calendar_age == 0
    h.clock.advance(12 * 60)
    h.shell.tray.refresh()  # as its countdown timer does
    assert "Schedule from calendar, updated 12 min ago" in h.shell.tray.icon.toolTip()
    window = h.shell.present()
    assert window.schedule.text() == "Schedule from calendar, updated 12 min ago"
    window.close()

    write_calendar(feed_file, "1300", "1330")
    h.clock.advance_to(at(10, 30))  # the copy is an hour old: due again
    link.look()
    qtbot.waitUntil(lambda: len(fetched) == 2)
    link.look()  # fresh: nothing fetched, nothing said
    assert h.notifier.sent.count(("Your schedule changed", "Your lunch moved to 13:00.")) == 1
    h.clock.advance_to(at(13, 1))
    assert h.shell.engine.status().fixed_break is not None
    assert h.shell.engine.status().fixed_break.title == "Lunch"  # type: ignore[union-attr]

    feed_file.write_text("not a calendar")
    for hour in (14, 15):  # two failed fetches, an hour apart: said once
        h.clock.advance_to(at(hour, 40))
        link.look()
        wait_for_fetches(hour - 11)
    failures = [t for t in h.notifier.titles if t == "Your schedule was not updated"]
    assert len(failures) == 1
    # The last good copy (of 10:30) still plans the day.
    assert h.shell.engine.status().calendar_age == timedelta(hours=5, minutes=10).total_seconds()
    link.stop()


def test_the_app_follows_a_calendar_once_the_settings_name_one(
    harness_factory: HarnessFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    from shiftwell import app
    from shiftwell.platform.paths import Paths

    h = harness_factory(settings=wfm(), start=at(9, 5))
    paths = Paths(data_dir=tmp_path / "data", config_file=tmp_path / "config.toml")
    follow = app._calendar_follower(h.shell, paths)
    follow()
    assert not h.shell.findChildren(CalendarLink)  # no calendar: nothing fetched or loaded
    feed_file = tmp_path / "agent.ics"
    write_calendar(feed_file, "1300", "1330")
    h.shell.apply_settings(wfm(str(feed_file)))
    follow()  # as a save in the settings dialog does
    [link] = h.shell.findChildren(CalendarLink)
    engine = h.shell.engine
    assert engine is not None
    qtbot.waitUntil(lambda: engine.status().calendar_age is not None)
    h.clock.advance_to(at(12, 45))
    assert engine.state is State.FOCUS  # lunch is at 13:00 in the calendar
    h.shell.apply_settings(wfm())  # the calendar taken out: the settings' days again
    follow()
    assert engine.status().calendar_age is None
    link.stop()
