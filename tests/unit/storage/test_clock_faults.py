"""Clocks that jump while Shiftwell runs: what lands in the database stays true.

Stored times stay in order, every segment lies inside its shift, and the length of every
segment is the time that really passed (the monotonic clock's), whatever the wall clock did.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import pytest

from shiftwell.core.clock import ManualClock
from shiftwell.core.engine import Engine
from shiftwell.core.model import (
    BreakKind,
    BreakNow,
    CallStart,
    Deadline,
    EndShift,
    Pause,
    Skip,
    StartShift,
)
from shiftwell.core.settings import BreakPolicy, Settings, ShiftSettings, Strictness
from shiftwell.storage.models import SegmentRow, ShiftRow
from shiftwell.storage.recovery import repair_future_records
from tests.helpers.engine import MONDAY_9AM, make_engine
from tests.helpers.stored import StoredRepository

MIN = 60.0
GENTLE = Settings(
    breaks=BreakPolicy(strictness=Strictness.GENTLE), shift=ShiftSettings(auto_start=False)
)


def seconds(row: SegmentRow) -> float:
    assert row.actual_end is not None
    return (row.actual_end - row.actual_start).total_seconds()


def assert_consistent(shifts: Sequence[ShiftRow], segments: Sequence[SegmentRow]) -> None:
    """In order, nothing overlapping, every segment inside its shift."""
    by_id = {shift.id: shift for shift in shifts}
    for segment in segments:
        shift = by_id[segment.shift_id]
        assert shift.actual_start <= segment.actual_start, segment
        if segment.actual_end is not None:
            assert segment.actual_start <= segment.actual_end, segment
            if shift.actual_end is not None:
                assert segment.actual_end <= shift.actual_end, (segment, shift)
    ordered = sorted(segments, key=lambda s: (s.actual_start, s.actual_end or s.actual_start))
    for before, after in itertools.pairwise(ordered):
        assert before.actual_end is not None and before.actual_end <= after.actual_start


def test_a_clock_set_back_mid_shift_keeps_every_length_true(tmp_path: Path) -> None:
    engine, clock, _ = make_engine(GENTLE)
    repository = StoredRepository(tmp_path / "db.sqlite3")
    engine.add_listener(repository)
    engine.handle(StartShift(confirmed=True))
    clock.advance(10 * MIN)
    clock.jump_wall(timedelta(hours=-1))  # NTP, or the user, sets the clock back
    clock.advance(5 * MIN)
    engine.handle(BreakNow(BreakKind.LONG))
    clock.advance(60)  # a one-minute long break...
    engine.handle(Skip())  # ...ended by hand
    clock.advance(12 * MIN)
    engine.handle(Pause())

    segments = repository.segments()
    assert [(s.kind, round(seconds(s))) for s in segments if s.actual_end is not None] == [
        ("focus", 15 * 60),
        ("long_break", 60),
        ("focus", 12 * 60),
    ]
    assert_consistent(repository.shifts(), segments)
    stamps = [t.at for t in repository.transitions()]
    assert stamps == sorted(stamps)


@pytest.mark.parametrize("during", ["focus", "call"])
def test_a_clock_set_forward_a_day_ends_the_shift_with_nothing_past_its_end(
    tmp_path: Path, during: str
) -> None:
    engine, clock, _ = make_engine(GENTLE)
    repository = StoredRepository(tmp_path / "db.sqlite3")
    engine.add_listener(repository)
    engine.handle(StartShift(confirmed=True))
    if during == "call":
        engine.handle(CallStart())
    clock.advance(55)
    clock.jump_wall(timedelta(days=1))
    clock.advance(1)
    engine.handle(Deadline())

    [shift] = repository.shifts()
    assert shift.actual_end is not None
    assert (shift.actual_end - shift.actual_start).total_seconds() == pytest.approx(55, abs=1.5)
    segments = repository.segments()
    assert all(s.actual_end is not None for s in segments)
    assert_consistent([shift], segments)
    assert sum(seconds(s) for s in segments) == pytest.approx(55, abs=1.5)


def test_records_from_a_clock_that_ran_ahead_are_moved_back_at_the_next_start(
    tmp_path: Path,
) -> None:
    # The clock reads 10:00 when it is really 09:00; Shiftwell starts the shift, works 40 min
    # and dies. The clock is put right; Shiftwell starts again at 09:45 (real time).
    repository = StoredRepository(tmp_path / "db.sqlite3")
    database = repository.database
    ahead = ManualClock(MONDAY_9AM + timedelta(hours=1))
    engine = Engine(GENTLE, ahead, [repository])
    engine.handle(StartShift(confirmed=True))
    ahead.advance(40 * MIN)  # focus, a micro break, focus
    repository.beat(ahead.now())
    worked = [(s.kind, seconds(s)) for s in repository.segments() if s.actual_end]

    clock = ManualClock(MONDAY_9AM + timedelta(minutes=45))
    repair = repair_future_records(database, clock.now())
    assert repair is not None
    assert repair.ahead == timedelta(minutes=55)  # at least this much: the latest record
    assert repair.moved_back == timedelta(minutes=55)
    unfinished = repository.unfinished()
    assert unfinished is not None
    restarted = Engine(GENTLE, clock, [repository])
    restarted.recover(unfinished)
    clock.advance(15 * MIN)
    restarted.handle(EndShift())

    [shift] = repository.shifts()
    segments = repository.segments()
    assert shift.actual_start == MONDAY_9AM + timedelta(minutes=5)  # 10:00, less 55 min
    assert shift.actual_end == clock.now()
    assert_consistent([shift], segments)
    # Every length as it was.
    assert [(s.kind, seconds(s)) for s in segments if s.actual_end][: len(worked)] == worked
    stamps = [t.at for t in repository.transitions()]
    assert stamps == sorted(stamps)
    assert repair_future_records(database, clock.now()) is None  # nothing left to repair


def test_a_repair_never_moves_records_before_the_shift_ahead_of_them(tmp_path: Path) -> None:
    # A day recorded on a clock that ran ahead, put right at 09:12 by its own reading: the
    # first shift (09:00-09:10) may be true, the second (09:15-09:25) cannot be.
    repository = StoredRepository(tmp_path / "db.sqlite3")
    database = repository.database
    engine, clock, _ = make_engine(GENTLE)
    engine.add_listener(repository)
    engine.handle(StartShift(confirmed=True))
    clock.advance(10 * MIN)
    engine.handle(EndShift())
    clock.advance(5 * MIN)
    engine.handle(StartShift(confirmed=True))
    clock.advance(10 * MIN)
    engine.handle(EndShift())

    now = MONDAY_9AM + timedelta(minutes=12)
    repair = repair_future_records(database, now)
    assert repair is not None
    assert repair.ahead == timedelta(minutes=13)
    assert repair.moved_back == timedelta(minutes=5)  # up against the first shift's end
    first, second = repository.shifts()
    assert (first.actual_start, first.actual_end) == (
        MONDAY_9AM,
        MONDAY_9AM + timedelta(minutes=10),
    )
    assert second.actual_start == first.actual_end
    assert second.actual_end == now  # what still lay ahead is brought to the present
    assert_consistent([first, second], repository.segments())
    stamps = [t.at for t in repository.transitions()]
    assert stamps == sorted(stamps) and max(stamps) <= now


def test_a_small_step_back_by_the_time_service_costs_no_second_of_a_break(
    tmp_path: Path,
) -> None:
    engine, clock, _ = make_engine(GENTLE)
    repository = StoredRepository(tmp_path / "db.sqlite3")
    engine.add_listener(repository)
    engine.handle(StartShift(confirmed=True))
    engine.handle(BreakNow(BreakKind.MICRO))
    clock.advance(5)
    clock.jump_wall(timedelta(seconds=-3))
    clock.advance(1)
    engine.handle(Deadline())  # the shell's minute tick looks at the clocks
    clock.advance(14)  # the 20 s break ends by itself

    [_, micro, *_] = repository.segments()
    assert (micro.kind, seconds(micro)) == ("micro_break", 20)
    assert_consistent(repository.shifts(), repository.segments())
    assert [t.trigger for t in repository.transitions()].count("clock") == 0
