"""Shifts that start on the nights the clocks change, from the schedule into the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from shiftwell.core.model import State
from shiftwell.core.schedule import WeeklySchedule, parse_spans
from shiftwell.core.settings import Settings
from tests.helpers.engine import make_engine
from tests.helpers.stored import StoredRepository

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("saturday", "start", "end"),
    [
        # 02:30 is skipped: the shift starts when the clock jumps to 03:00, ends at 10:30.
        (
            datetime(2026, 3, 28, 12, tzinfo=UTC),
            datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
            datetime(2026, 3, 29, 8, 30, tzinfo=UTC),
        ),
        # 02:30 comes twice: the shift starts the first time and lasts its 8 hours.
        (
            datetime(2026, 10, 24, 12, tzinfo=UTC),
            datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
            datetime(2026, 10, 25, 8, 30, tzinfo=UTC),
        ),
    ],
)
def test_a_shift_starting_in_a_changed_hour_is_worked_and_stored_as_planned(
    tmp_path: Path, saturday: datetime, start: datetime, end: datetime
) -> None:
    schedule = WeeklySchedule(BERLIN, days={6: parse_spans("02:30-10:30")})
    engine, clock, _ = make_engine(Settings(schedule=schedule), start=saturday)
    repository = StoredRepository(tmp_path / "db.sqlite3")
    engine.add_listener(repository)
    clock.advance_to(start - timedelta(seconds=1))
    assert engine.state is State.OFF_SHIFT
    clock.advance(1)
    assert engine.state is State.FOCUS
    clock.advance_to(end - timedelta(seconds=1))
    assert engine.state is not State.LOGGED_OFF
    clock.advance(1)
    assert engine.state is State.LOGGED_OFF

    [shift] = repository.shifts()
    assert (shift.planned_start, shift.planned_end) == (start, end)
    assert (shift.actual_start, shift.actual_end) == (start, end)
