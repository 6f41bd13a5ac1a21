"""A restart in the middle of a shift keeps what its fixed breaks were: one already taken is
neither taken again nor put on record as missed, and one under way goes on from its first
start. The real engine and the tray's repository on a real file; the restart reads back what
the first run wrote."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from shiftwell.core.clock import ManualClock
from shiftwell.core.engine import Engine
from shiftwell.core.model import EndShift, StartShift, State
from shiftwell.core.settings import BreakMode
from tests.helpers.engine import MONDAY_9AM
from tests.helpers.stored import StoredRepository
from tests.unit.core.test_engine_fixed import at, wfm_settings

Row = tuple[str, str | None, str | None]


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def rows(path: Path) -> list[Row]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(
            "SELECT kind, actual_start, actual_end FROM fixed_break ORDER BY planned_start"
        ).fetchall()


def crash_at(path: Path, moment: datetime) -> StoredRepository:
    """A first run from 09:00 that stops without a word at `moment` (power cut)."""
    repository = StoredRepository(path)
    clock = ManualClock(MONDAY_9AM)
    engine = Engine(wfm_settings(BreakMode.SCHEDULED), clock, [repository])
    engine.handle(StartShift())
    clock.advance_to(moment)
    repository.beat(clock.now())
    return repository


def restart_at(repository: StoredRepository, moment: datetime) -> tuple[Engine, ManualClock]:
    unfinished = repository.unfinished()
    assert unfinished is not None
    clock = ManualClock(moment)
    engine = Engine(wfm_settings(BreakMode.SCHEDULED), clock, [repository])
    engine.recover(unfinished)
    return engine, clock


def test_a_break_taken_before_the_restart_is_not_taken_again_nor_missed(tmp_path: Path) -> None:
    path = tmp_path / "day.sqlite3"
    repository = crash_at(path, at(11, 0))  # the 10:30 break was taken, 10:30 to 10:45
    engine, clock = restart_at(repository, at(11, 5))
    clock.advance_to(at(17, 0))
    engine.handle(EndShift())

    told = {r.planned_start: r for r in engine.status().fixed_record}
    morning = told[at(10, 30)]
    assert (morning.actual_start, morning.actual_end) == (at(10, 30), at(10, 45))
    assert rows(path) == [
        ("break", stamp(at(10, 30)), stamp(at(10, 45))),
        ("lunch", stamp(at(12, 30)), stamp(at(13, 0))),
        ("break", stamp(at(15, 15)), stamp(at(15, 30))),
    ]


def test_a_break_under_way_at_the_restart_goes_on_from_its_first_start(tmp_path: Path) -> None:
    path = tmp_path / "day.sqlite3"
    repository = crash_at(path, at(12, 40))  # ten minutes into lunch
    engine, clock = restart_at(repository, at(12, 45))
    assert engine.state is State.LONG_BREAK
    clock.advance_to(at(13, 1))
    assert engine.state is State.FOCUS  # lunch ended at its planned minute

    lunch = next(r for r in engine.status().fixed_record if r.planned_start == at(12, 30))
    assert (lunch.actual_start, lunch.actual_end) == (at(12, 30), at(13, 0))
    assert rows(path)[1] == ("lunch", stamp(at(12, 30)), stamp(at(13, 0)))


def test_a_break_whose_time_ran_out_while_the_app_was_down_ends_where_the_app_did(
    tmp_path: Path,
) -> None:
    path = tmp_path / "day.sqlite3"
    repository = crash_at(path, at(12, 40))
    engine, clock = restart_at(repository, at(13, 20))  # lunch was over at 13:00
    clock.advance_to(at(14, 0))

    lunch = next(r for r in engine.status().fixed_record if r.planned_start == at(12, 30))
    assert (lunch.actual_start, lunch.actual_end) == (at(12, 30), at(12, 40))
    assert rows(path)[1] == ("lunch", stamp(at(12, 30)), stamp(at(12, 40)))


def test_a_stored_end_is_never_replaced_by_nothing_nor_a_start_by_a_later_one(
    tmp_path: Path,
) -> None:
    from dataclasses import replace

    from shiftwell.core.model import FixedBreakRecord
    from shiftwell.core.plan import FixedKind
    from shiftwell.storage.rows import FIXED_BREAK, insert_sql

    path = tmp_path / "day.sqlite3"
    repository = crash_at(path, at(9, 1))  # a shift row for the break to belong to
    unfinished = repository.unfinished()
    assert unfinished is not None
    taken = FixedBreakRecord(
        "b1", unfinished.shift.id, FixedKind.BREAK, "Break", at(10, 30), at(10, 45)
    )
    taken = replace(taken, actual_start=at(10, 31), actual_end=at(10, 45))
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(insert_sql(FIXED_BREAK), FIXED_BREAK.values(taken))
        later = replace(taken, actual_start=at(10, 40), actual_end=None)
        connection.execute(insert_sql(FIXED_BREAK), FIXED_BREAK.values(later))
    assert rows(path) == [("break", stamp(at(10, 31)), stamp(at(10, 45)))]
