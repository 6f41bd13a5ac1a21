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

from shiftwell.core.model import BreakKind, BreakNow, CallStart, Deadline, Pause, Skip, StartShift
from shiftwell.core.settings import BreakPolicy, Settings, Strictness
from shiftwell.storage.database import open_database
from shiftwell.storage.models import SegmentRow, ShiftRow
from shiftwell.storage.repository import Repository
from tests.helpers.engine import make_engine

MIN = 60.0
GENTLE = Settings(breaks=BreakPolicy(strictness=Strictness.GENTLE), auto_start=False)


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
    repository = Repository(open_database(tmp_path / "db.sqlite3").engine)
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
    repository = Repository(open_database(tmp_path / "db.sqlite3").engine)
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
