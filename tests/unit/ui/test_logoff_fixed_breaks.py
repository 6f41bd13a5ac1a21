"""The log-off screen says how the day's fixed breaks went, from what the engine knows (not
from the database): all on schedule, or which ones were late or missed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time

from shiftwell.core.model import CallEnd, CallStart, State
from shiftwell.core.plan import parse_fixed_breaks
from shiftwell.core.schedule import Span, WeeklySchedule
from shiftwell.core.settings import BreakMode, BreakPolicy, PlanSettings, Settings
from shiftwell.ui import text
from shiftwell.ui.logoff.logoff_screen import LogoffScreen
from tests.helpers.engine import MONDAY_9AM
from tests.helpers.shell import Harness

HarnessFactory = Callable[..., Harness]


def at(hour: int, minute: int = 0) -> datetime:
    return MONDAY_9AM.replace(hour=hour, minute=minute)


def wfm(breaks: list[str]) -> Settings:
    office = (Span(time(9), time(17, 30)),)
    return Settings(
        schedule=WeeklySchedule(tz=UTC, days={d: office if d < 5 else () for d in range(7)}),
        plan=PlanSettings(breaks=parse_fixed_breaks(breaks)),
        breaks=BreakPolicy(mode=BreakMode.SCHEDULED),
    )


def logoff_lines(h: Harness) -> list[str]:
    assert h.shell.tray.shown_state is State.LOGGED_OFF
    screen = h.shell._logoff
    assert isinstance(screen, LogoffScreen)
    [window] = screen.windows
    assert window.summary.isVisible()
    return [line.text() for line in window.summary_lines]


def test_a_day_of_breaks_on_their_minute_says_all_were_taken_on_schedule(
    harness_factory: HarnessFactory,
) -> None:
    h = harness_factory(
        settings=wfm(["10:30 15m", "12:30 30m lunch", "15:15 15m"]), start=at(8, 55)
    )
    h.clock.advance_to(at(17, 30))
    assert logoff_lines(h)[-1] == "All 3 breaks taken on schedule"


def test_a_lunch_deferred_by_a_call_and_a_break_missed_are_told(
    harness_factory: HarnessFactory,
) -> None:
    h = harness_factory(
        settings=wfm(["10:30 15m", "12:30 30m lunch", "15:15 15m"]), start=at(8, 55)
    )
    h.clock.advance_to(at(10, 20))
    h.shell.submit(CallStart())
    # A long call: the 10:30 break waits for it, and is missed when lunch's minute comes.
    h.clock.advance_to(at(12, 42))
    h.shell.submit(CallEnd())  # lunch starts 12 min late, and lasts its 30 min
    h.clock.advance_to(at(17, 30))
    assert logoff_lines(h)[-1] == "Lunch started 12 min late, 1 break missed"


def test_a_day_without_fixed_breaks_adds_nothing_to_the_log_off_screen(
    harness_factory: HarnessFactory,
) -> None:
    h = harness_factory(settings=wfm([]), start=at(8, 55))
    h.clock.advance_to(at(17, 30))
    assert not any("schedule" in line or "missed" in line for line in logoff_lines(h))


def test_one_break_is_told_in_the_singular(harness_factory: HarnessFactory) -> None:
    h = harness_factory(settings=wfm(["12:30 30m lunch"]), start=at(8, 55))
    h.clock.advance_to(at(17, 30))
    assert logoff_lines(h)[-1] == "Your break was taken on schedule"


def test_two_breaks_of_one_name_are_told_apart_by_their_time(
    harness_factory: HarnessFactory,
) -> None:
    h = harness_factory(settings=wfm(["10:30 15m", "15:15 15m"]), start=at(8, 55))
    h.clock.advance_to(at(15, 10))
    h.shell.submit(CallStart())
    h.clock.advance_to(at(15, 21))
    h.shell.submit(CallEnd())  # six minutes late, and its full length after
    h.clock.advance_to(at(17, 30))
    assert logoff_lines(h)[-1] == f"Break at {text.clock_time(at(15, 15))} started 6 min late"
