"""A simulated shift written to a real SQLite file, then read back."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from shiftwell.core.model import BreakNow, EndShift, Pause, Postpone, Resume, Skip, StartShift
from shiftwell.core.settings import BreakPolicy, Settings, ShiftSettings, Strictness
from shiftwell.storage.database import DATABASE_NAME, open_database
from tests.helpers.engine import MONDAY_9AM, make_engine
from tests.helpers.stored import StoredRepository


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / DATABASE_NAME


def test_a_whole_shift_lands_in_the_database(db_path: Path) -> None:
    engine, clock, recorder = make_engine()
    repository = StoredRepository(db_path)
    engine.add_listener(repository)
    engine.handle(StartShift())
    clock.advance(8 * 3600 + 60)

    [shift] = repository.shifts()
    assert shift.actual_start == MONDAY_9AM
    assert shift.actual_end == MONDAY_9AM + timedelta(hours=8)
    assert shift.planned_end == MONDAY_9AM + timedelta(hours=8)

    segments = repository.segments(shift.id)
    kinds = [s.kind for s in segments]
    assert kinds[:6] == ["focus", "micro_break", "focus", "micro_break", "focus", "long_break"]
    assert len(segments) == len({t.opened.id for t in recorder.transitions if t.opened})
    assert all(s.actual_end is not None and s.outcome for s in segments)
    assert segments[-1].kind == "focus"  # no long break starts that can't end before log-off
    total = sum(((s.actual_end - s.actual_start) for s in segments if s.actual_end), timedelta())
    assert total == timedelta(hours=8)

    rows = repository.transitions()
    assert [(r.source, r.target, r.trigger) for r in rows] == [
        (t.source.value, t.target.value, t.trigger.value) for t in recorder.transitions
    ]
    assert all(r.at.tzinfo is UTC for r in rows)


def test_outcomes_of_user_choices_are_stored(db_path: Path) -> None:
    engine, clock, _ = make_engine(Settings(breaks=BreakPolicy(strictness=Strictness.GENTLE)))
    repository = StoredRepository(db_path)
    engine.add_listener(repository)
    engine.handle(StartShift())
    engine.handle(BreakNow())
    engine.handle(Postpone())
    clock.advance(5 * 60)
    engine.handle(Skip())
    engine.handle(Pause())
    clock.advance(30)
    engine.handle(Resume())
    engine.handle(EndShift())
    got = [(s.kind, s.outcome) for s in repository.segments()]
    assert got == [
        ("focus", "completed"),
        ("micro_break", "postponed"),
        ("focus", "completed"),
        ("micro_break", "skipped"),
        ("focus", "completed"),
        ("pause", "completed"),
        ("focus", "completed"),
    ]
    details = [r.detail for r in repository.transitions()]
    assert "micro break postponed by 300 s (1)" in details


def test_each_transition_is_committed_before_the_next_listener_runs(db_path: Path) -> None:
    engine, _, _ = make_engine()
    repository = StoredRepository(db_path)
    engine.add_listener(repository)
    seen: list[int] = []

    def shell(_transition: object) -> None:
        # A separate connection sees the row: it was committed, not just flushed.
        with sqlite3.connect(db_path) as other:
            seen.append(other.execute("select count(*) from 'transition'").fetchone()[0])

    engine.add_listener(shell)
    engine.handle(StartShift())
    engine.handle(BreakNow())
    assert seen == [1, 2]


def test_database_is_wal_and_user_only(db_path: Path) -> None:
    open_database(db_path)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_reopening_keeps_what_was_written(db_path: Path) -> None:
    engine, _, _ = make_engine()
    engine.add_listener(StoredRepository(db_path))
    engine.handle(StartShift())
    again = StoredRepository(db_path)
    assert len(again.shifts()) == 1
    assert len(again.transitions()) == 1


def test_history_brings_back_what_the_engine_must_remember(db_path: Path) -> None:
    from shiftwell.core.clock import ManualClock
    from shiftwell.core.engine import Engine
    from shiftwell.core.model import GrantOvertime, State

    settings = Settings(breaks=BreakPolicy(strictness=Strictness.GENTLE))
    engine, clock, _ = make_engine(settings)
    repository = StoredRepository(db_path)
    engine.add_listener(repository)
    engine.handle(StartShift())
    engine.handle(BreakNow())
    engine.handle(Skip())
    clock.advance(8 * 3600)
    engine.handle(GrantOvertime("handover"))
    clock.advance(15 * 60)

    history = repository.history(clock.now())
    assert history.last_shift is not None
    assert history.last_shift.actual_end == clock.now()
    assert [s for _, s in history.overtime] == [900.0]
    assert len(history.skips) == 1
    # A restarted engine knows today's shift was worked and how much overtime is left.
    restarted = Engine(settings, ManualClock(clock.now()), history=history)
    status = restarted.status()
    assert restarted.state is State.OFF_SHIFT
    assert status.next_shift is not None and status.next_shift.start > clock.now()
    assert status.overtime_left == 2 * 3600 - 900


def test_a_crash_leaves_an_unfinished_shift_that_the_next_start_repairs(db_path: Path) -> None:
    from datetime import timedelta

    from shiftwell.core.clock import ManualClock
    from shiftwell.core.engine import Engine

    engine, clock, _ = make_engine()
    repository = StoredRepository(db_path)
    engine.add_listener(repository)
    engine.handle(StartShift())
    clock.advance(25 * 60)  # a micro break came and went
    repository.beat(clock.now())
    alive = clock.now()
    # Power cut. Twenty minutes later the app starts again.
    unfinished = repository.unfinished()
    assert unfinished is not None
    assert unfinished.last_alive == alive
    [open_focus] = unfinished.segments
    assert open_focus.kind.value == "focus" and open_focus.actual_end is None

    later = ManualClock(alive + timedelta(minutes=20))
    restarted = Engine(Settings(shift=ShiftSettings(auto_start=False)), later, [repository])
    restarted.recover(unfinished)
    assert repository.unfinished() is not None  # the shift goes on...
    segments = repository.segments()
    closed = next(s for s in segments if s.id == open_focus.id)
    assert (closed.actual_end, closed.outcome) == (alive, "interrupted")
    assert next(s for s in segments if s.actual_end is None).actual_start == later.now()
    later.advance(9 * 3600)
    assert repository.unfinished() is None  # ...until it ends
    [shift] = repository.shifts()
    assert shift.actual_end == datetime(2026, 11, 23, 17, 0, tzinfo=UTC)


@pytest.mark.parametrize("detected", [False, True])
def test_an_unfinished_shift_tells_the_state_it_was_left_in(db_path: Path, detected: bool) -> None:
    from shiftwell.core.model import CallStart, State

    engine, clock, _ = make_engine()
    repository = StoredRepository(db_path)
    engine.add_listener(repository)
    engine.handle(StartShift())
    engine.handle(Pause(timedelta(minutes=15)))
    unfinished = repository.unfinished()
    assert unfinished is not None and unfinished.last_state is State.PAUSED
    engine.handle(Resume())
    engine.handle(CallStart(detected=detected))
    clock.advance(60)
    unfinished = repository.unfinished()
    assert unfinished is not None
    assert (unfinished.last_state, unfinished.call_declared) == (State.ON_CALL, not detected)
