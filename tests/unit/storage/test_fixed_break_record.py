"""Adherence: each fixed break's planned and actual times, written to the database through
the repository with the transitions."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from shiftwell.core.clock import ManualClock
from shiftwell.core.engine import Engine
from shiftwell.core.model import CallEnd, CallStart, StartShift
from shiftwell.core.settings import BreakMode
from tests.helpers.engine import MONDAY_9AM
from tests.helpers.stored import StoredRepository
from tests.unit.core.test_engine_fixed import at, wfm_settings


def rows(path: Path) -> list[tuple[str, str, str, str, str | None, str | None]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(
            "SELECT kind, title, planned_start, planned_end, actual_start, actual_end "
            "FROM fixed_break ORDER BY planned_start"
        ).fetchall()


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def test_each_fixed_break_is_stored_with_its_planned_and_actual_times(tmp_path: Path) -> None:
    path = tmp_path / "day.sqlite3"
    clock = ManualClock(MONDAY_9AM)
    engine = Engine(wfm_settings(BreakMode.SCHEDULED), clock, [StoredRepository(path)])
    engine.handle(StartShift())
    clock.advance_to(at(15, 10))
    engine.handle(CallStart())
    clock.advance_to(at(15, 21))
    engine.handle(CallEnd())
    clock.advance_to(at(16, 0))

    assert rows(path) == [
        ("break", "Break", *map(stamp, (at(10, 30), at(10, 45), at(10, 30), at(10, 45)))),
        ("lunch", "Lunch", *map(stamp, (at(12, 30), at(13, 0), at(12, 30), at(13, 0)))),
        # The call ran over its minute: six minutes late, and its full length after.
        ("break", "Break", *map(stamp, (at(15, 15), at(15, 30), at(15, 21), at(15, 36)))),
    ]


def test_a_fixed_break_waiting_in_the_side_file_comes_back_whole() -> None:
    from shiftwell.storage.journal import decode, encode
    from tests.helpers.engine import Recorder

    recorder = Recorder()
    clock = ManualClock(MONDAY_9AM)
    engine = Engine(wfm_settings(BreakMode.SCHEDULED), clock, [recorder])
    engine.handle(StartShift())
    clock.advance_to(at(10, 31))
    started = next(t for t in recorder.transitions if t.fixed and t.fixed[0].actual_start)
    assert decode(encode(started)) == started
