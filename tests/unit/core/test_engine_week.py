"""A whole week through the engine and into a real database: schedule, DST, a day off,
an early start, extra work on a holiday, log-off screens and overtime up to the cap."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from shiftwell.core.clock import ManualClock
from shiftwell.core.engine import Engine
from shiftwell.core.model import (
    Dismiss,
    EndShift,
    EventRejected,
    GrantOvertime,
    NeedsConfirmation,
    NoticeKind,
    StartShift,
    State,
    Trigger,
)
from shiftwell.core.schedule import WeeklySchedule, parse_days_off
from shiftwell.core.settings import OvertimePolicy, Settings
from tests.helpers.engine import Recorder
from tests.helpers.stored import StoredRepository

BERLIN = ZoneInfo("Europe/Berlin")


def local(day: int, hour: int, minute: int = 0) -> datetime:
    """A Berlin wall time in October 2026 (summer time ends on Sunday the 25th)."""
    return datetime(2026, 10, day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def week(tmp_path: Path) -> tuple[Engine, ManualClock, Recorder, StoredRepository]:
    settings = Settings(
        schedule=WeeklySchedule(BERLIN, days_off=parse_days_off(["2026-10-26"])),
        overtime=OvertimePolicy(step=timedelta(minutes=15), weekly_cap=timedelta(minutes=30)),
    )
    clock = ManualClock(local(22, 6))  # Thursday, before work
    recorder = Recorder()
    repository = StoredRepository(tmp_path / "week.sqlite3")
    engine = Engine(settings, clock, [repository, recorder])
    return engine, clock, recorder, repository


def test_a_week_with_dst_a_day_off_an_early_start_and_overtime(
    week: tuple[Engine, ManualClock, Recorder, StoredRepository],
) -> None:
    engine, clock, recorder, repository = week

    # Thursday and Friday: the shift starts and ends by itself at 09:00 and 17:00.
    clock.advance_to(local(22, 9))
    assert engine.state is State.FOCUS
    clock.advance_to(local(22, 17))
    assert engine.state is State.LOGGED_OFF
    warnings = [
        t.notice.seconds_left
        for t in recorder.transitions
        if t.notice and t.trigger is Trigger.WARNING
    ]
    assert warnings == pytest.approx([900, 300, 60])
    clock.advance_to(local(23, 17, 1))
    engine.handle(Dismiss())
    assert engine.state is State.OFF_SHIFT

    # The weekend passes (clocks go back an hour); Monday is a holiday: nothing starts.
    clock.advance_to(local(26, 12))
    assert engine.state is State.OFF_SHIFT
    # Working anyway must be confirmed, and is recorded as outside the schedule.
    with pytest.raises(NeedsConfirmation, match="no shift on your schedule"):
        engine.handle(StartShift())
    engine.handle(StartShift(confirmed=True))
    clock.advance(2 * 3600)
    engine.handle(EndShift())

    # Tuesday: starting an hour early asks first, then starts the scheduled shift early.
    clock.advance_to(local(27, 8))
    with pytest.raises(NeedsConfirmation, match="Your shift starts at 09:00"):
        engine.handle(StartShift())
    engine.handle(StartShift(confirmed=True))
    clock.advance_to(local(27, 17))
    assert engine.state is State.LOGGED_OFF

    # Overtime: two grants with reasons, then the weekly cap refuses a third.
    engine.handle(GrantOvertime("escalated customer"))
    assert engine.state is State.OVERTIME
    clock.advance(15 * 60)
    assert engine.state is State.LOGGED_OFF  # the log-off screen returns
    engine.handle(GrantOvertime("  handover   to night shift "))
    clock.advance(15 * 60)
    assert engine.state is State.LOGGED_OFF
    with pytest.raises(EventRejected, match=r"overtime \(30m\) is used up"):
        engine.handle(GrantOvertime("system outage"))
    assert Trigger.OVERTIME not in engine.allowed()

    shifts = repository.shifts()
    starts = [
        (s.planned_start.astimezone(BERLIN), s.actual_start.astimezone(BERLIN)) for s in shifts
    ]
    assert [p.strftime("%a %H:%M") for p, _ in starts] == [
        "Thu 09:00",
        "Fri 09:00",
        "Mon 12:00",
        "Tue 09:00",
    ]
    # Same wall time, different UTC hour: the schedule followed the clocks.
    assert [s.planned_start.astimezone(UTC).hour for s in shifts] == [7, 7, 11, 8]
    assert [s.scheduled for s in shifts] == [True, True, False, True]
    assert starts[3][1] == local(27, 8)  # the early start is on record
    assert shifts[3].actual_end == local(27, 17, 30)  # log-off after two overtime steps
    grants = repository.overtime()
    assert [(g.seconds, g.reason) for g in grants] == [
        (900, "escalated customer"),
        (900, "handover to night shift"),
    ]
    assert {g.shift_id for g in grants} == {shifts[3].id}
    kinds = [s.kind for s in repository.segments(shifts[3].id)]
    assert kinds[-2:] == ["overtime", "overtime"]


def test_a_grant_needs_a_reason(
    week: tuple[Engine, ManualClock, Recorder, StoredRepository],
) -> None:
    engine, clock, _, repository = week
    clock.advance_to(local(22, 17))
    with pytest.raises(EventRejected, match="Say why"):
        engine.handle(GrantOvertime("   "))
    assert repository.overtime() == []


def test_the_cap_counts_per_iso_week_in_local_time(
    week: tuple[Engine, ManualClock, Recorder, StoredRepository],
) -> None:
    engine, clock, _, _ = week
    clock.advance_to(local(23, 17))  # Friday log-off
    engine.handle(GrantOvertime("a", timedelta(minutes=30)))
    clock.advance(30 * 60)
    assert engine.status().overtime_left == 0
    clock.advance_to(local(26, 0, 1))  # Monday: a new week
    assert engine.status().overtime_left == 30 * 60


def test_strict_log_off_cannot_be_dismissed(tmp_path: Path) -> None:
    from shiftwell.core.settings import LogoffPolicy

    settings = Settings(logoff=LogoffPolicy(strict=True))
    clock = ManualClock(datetime(2026, 11, 23, 16, 59, tzinfo=UTC))
    engine = Engine(settings, clock)
    clock.advance(2)  # the 09:00-17:00 shift under way starts by itself
    assert engine.state is State.FOCUS
    clock.advance(60)
    assert engine.state is State.LOGGED_OFF
    assert Trigger.DISMISS not in engine.allowed()
    with pytest.raises(EventRejected, match="Log-off is strict"):
        engine.handle(Dismiss())


def test_shift_end_during_a_call_waits_for_the_call(tmp_path: Path) -> None:
    from shiftwell.core.model import CallEnd, CallStart

    clock = ManualClock(datetime(2026, 11, 23, 16, 50, tzinfo=UTC))
    recorder = Recorder()
    engine = Engine(Settings(), clock, [recorder])
    clock.advance(0)
    engine.handle(CallStart())
    clock.advance(15 * 60)  # 17:05: the shift is over, the customer is still talking
    assert engine.state is State.ON_CALL
    assert recorder.transitions[-1].notice is not None
    assert recorder.transitions[-1].notice.kind is NoticeKind.SHIFT_OVER_ON_CALL
    engine.handle(CallEnd())
    assert engine.state is State.LOGGED_OFF
    shift = recorder.transitions[-1].shift
    assert shift is not None and shift.actual_end == datetime(2026, 11, 23, 17, 5, tzinfo=UTC)


def test_the_weeks_last_shift_says_so_when_it_ends(
    week: tuple[Engine, ManualClock, Recorder, StoredRepository],
) -> None:
    _, clock, recorder, _ = week
    clock.advance_to(local(22, 17, 1))  # Thursday: Friday's shift is still to come
    thursday = [t for t in recorder.transitions if t.target is State.LOGGED_OFF]
    assert thursday[-1].notice is None
    clock.advance_to(local(23, 17, 1))  # Friday: the last one of the week
    friday = [t for t in recorder.transitions if t.target is State.LOGGED_OFF]
    assert friday[-1].notice is not None and friday[-1].notice.kind is NoticeKind.WEEK_OVER
