"""The adherence rules for breaks at fixed times, exactly at their tolerances, and as the
engine records a real day (a break a call deferred, one missed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shiftwell.core.adherence import Adherence, adherence, judge
from shiftwell.core.model import CallEnd, CallStart, EndShift, FixedBreakRecord
from shiftwell.core.plan import FixedKind
from shiftwell.core.settings import BreakMode
from tests.unit.core.test_engine_fixed import at, start, wfm_settings

NOON = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
S = timedelta(seconds=1)
MIN = timedelta(minutes=1)


def taken(
    start: timedelta | None,
    end: timedelta | None,
    *,
    kind: FixedKind = FixedKind.BREAK,
    length: timedelta = 15 * MIN,
) -> FixedBreakRecord:
    """A break planned at noon for `length`; `start`/`end`: how far off plan it started and
    ended (None: no such time on record)."""
    return FixedBreakRecord(
        id="b",
        shift_id="s",
        kind=kind,
        title="Lunch" if kind is FixedKind.LUNCH else "Break",
        planned_start=NOON,
        planned_end=NOON + length,
        actual_start=None if start is None else NOON + start,
        actual_end=None if end is None else NOON + length + end,
    )


@pytest.mark.parametrize(
    ("start", "end", "on_schedule"),
    [
        (timedelta(0), timedelta(0), True),
        (2 * MIN, timedelta(0), True),  # exactly 2 min late starting: still on schedule
        (2 * MIN + S, timedelta(0), False),
        (timedelta(0), MIN, True),  # back exactly 1 min late: still on schedule
        (timedelta(0), MIN + S, False),
        (timedelta(0), -MIN, True),  # ended a minute early
        (timedelta(0), -MIN - S, False),  # ended earlier than that: not as planned
        (2 * MIN, MIN, True),
    ],
)
def test_on_schedule_is_within_2_min_of_the_start_and_1_min_of_the_end(
    start: timedelta, end: timedelta, on_schedule: bool
) -> None:
    assert judge(taken(start, end)).on_schedule is on_schedule


@pytest.mark.parametrize(
    ("end", "late_seconds"),
    [(MIN, 0), (MIN + S, 61), (12 * MIN, 720), (-5 * MIN, 0)],
)
def test_back_late_counts_the_whole_lateness_once_past_the_minute(
    end: timedelta, late_seconds: int
) -> None:
    assert adherence([taken(timedelta(0), end)]).back_late_seconds == late_seconds


@pytest.mark.parametrize(
    ("end", "in_full"),
    [(timedelta(0), True), (-MIN, True), (-MIN - S, False), (5 * MIN, True)],
)
def test_a_lunch_is_taken_in_full_down_to_a_minute_short(end: timedelta, in_full: bool) -> None:
    lunch = taken(timedelta(0), end, kind=FixedKind.LUNCH, length=30 * MIN)
    assert judge(lunch).lunch_in_full is in_full
    assert adherence([lunch]) == Adherence(
        breaks=1,
        on_schedule=int(abs(end) <= MIN),
        back_late=int(end > MIN),
        back_late_seconds=round(end.total_seconds()) if end > MIN else 0,
        lunches=1,
        lunches_in_full=int(in_full),
    )


def test_a_missed_break_counts_as_missed_and_not_on_schedule() -> None:
    missed_lunch = taken(None, None, kind=FixedKind.LUNCH, length=30 * MIN)
    verdict = judge(missed_lunch)
    assert verdict.missed and not verdict.on_schedule and verdict.lunch_in_full is False
    assert adherence([missed_lunch, taken(None, None)]) == Adherence(breaks=2, lunches=1, missed=2)


def test_a_break_under_way_is_left_out_of_every_figure() -> None:
    assert judge(taken(timedelta(0), None)).under_way
    assert adherence([taken(timedelta(0), None)]) == Adherence()
    assert not adherence([]).any and adherence([]).on_schedule_rate is None


def test_a_day_the_engine_recorded_gives_its_figures_a_deferred_break_included() -> None:
    engine, clock, _recorder = start(wfm_settings(BreakMode.SCHEDULED))
    clock.advance_to(at(15, 10))
    engine.handle(CallStart())
    clock.advance_to(at(15, 21))
    engine.handle(CallEnd())  # the 15:15 break starts 6 min late, lasts 15 min: back 6 late
    clock.advance_to(at(16, 0))
    engine.handle(EndShift())
    records = engine.status().fixed_record
    assert [r.planned_start for r in records] == [at(10, 30), at(12, 30), at(15, 15)]
    figures = adherence(records)
    assert figures == Adherence(
        breaks=3, on_schedule=2, back_late=1, back_late_seconds=6 * 60, lunches=1, lunches_in_full=1
    )
    assert figures.on_schedule_rate == pytest.approx(2 / 3)
    assert judge(records[-1]).started_late
