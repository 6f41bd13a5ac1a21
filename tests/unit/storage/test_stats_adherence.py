"""The week's adherence to its fixed breaks, read from a real SQLite file: per day, for the
week and the week before, by the same rules the log-off screen uses."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from shiftwell.core.adherence import Adherence, adherence
from shiftwell.core.clock import ManualClock
from shiftwell.core.engine import Engine
from shiftwell.core.model import CallEnd, CallStart, EndShift, StartShift
from shiftwell.core.plan import FixedKind
from shiftwell.core.settings import BreakMode
from shiftwell.storage.database import open_database
from shiftwell.storage.stats import IsoWeek, week_figures, week_fixed_breaks
from tests.helpers.engine import MONDAY_9AM
from tests.helpers.seed import (
    BERLIN,
    WEEK_48_MONDAY,
    Seeder,
    create_database,
    seed_fixed_breaks,
    seed_reference_fortnight,
)
from tests.helpers.stored import StoredRepository
from tests.unit.core.test_engine_fixed import at, wfm_settings

W48 = IsoWeek(2026, 48)
WEEK_48 = Adherence(
    breaks=7,
    on_schedule=3,
    back_late=2,
    back_late_seconds=9 * 60,
    lunches=3,
    lunches_in_full=2,
    missed=1,
)
WEEK_47 = Adherence(breaks=3, on_schedule=2, lunches=2, lunches_in_full=1, missed=1)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[sa.Engine]:
    engine = create_database(tmp_path / "shiftwell.sqlite3")
    seed_reference_fortnight(Seeder(engine))
    yield engine
    engine.dispose()


def test_the_week_and_the_week_before_count_their_fixed_breaks(engine: sa.Engine) -> None:
    seed_fixed_breaks(Seeder(engine))
    figures = week_figures(engine, W48, BERLIN, timedelta(hours=2))
    assert figures.headline.fixed == WEEK_48
    assert figures.previous.fixed == WEEK_47
    monday, tuesday, wednesday, thursday = figures.days[:4]
    assert monday.fixed == Adherence(
        breaks=3, on_schedule=2, back_late=1, back_late_seconds=360, lunches=1, lunches_in_full=1
    )
    assert tuesday.fixed.missed == 1 and tuesday.fixed.lunches_in_full == 0
    assert not wednesday.fixed.any and thursday.fixed.on_schedule == 1
    # This week's breaks themselves, planned and as taken, in planned order.
    lines = figures.fixed_breaks
    assert len(lines) == 7 and lines[0].day == WEEK_48_MONDAY
    assert [line.kind for line in lines[:3]] == [FixedKind.BREAK, FixedKind.LUNCH, FixedKind.BREAK]
    assert lines[3].actual_start is None and lines[3].title == "Break"
    assert lines == tuple(week_fixed_breaks(engine, W48, BERLIN))


def test_a_week_without_fixed_breaks_has_no_adherence_figures(engine: sa.Engine) -> None:
    figures = week_figures(engine, W48, BERLIN, timedelta(hours=2))
    assert not figures.headline.fixed.any and not figures.previous.fixed.any
    assert figures.fixed_breaks == ()


def test_the_review_counts_a_recorded_day_as_the_log_off_screen_does(tmp_path: Path) -> None:
    path = tmp_path / "day.sqlite3"
    clock = ManualClock(MONDAY_9AM)
    engine = Engine(wfm_settings(BreakMode.SCHEDULED), clock, [StoredRepository(path)])
    engine.handle(StartShift())
    clock.advance_to(at(10, 20))
    engine.handle(CallStart())
    clock.advance_to(at(12, 42))
    engine.handle(CallEnd())  # 10:30 missed when lunch's minute came; lunch 12 min late
    clock.advance_to(at(15, 20))
    engine.handle(EndShift())  # the 15:15 break cut short by the end of the shift
    told = adherence(engine.status().fixed_record)
    week = IsoWeek.containing(MONDAY_9AM.date())
    database = open_database(path)
    stored = week_figures(database.db, week, ZoneInfo("UTC"), timedelta(hours=2))
    database.db.dispose()
    assert told.missed == 1 and told.breaks == 3
    assert stored.headline.fixed == told
