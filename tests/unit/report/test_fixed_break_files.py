"""The breaks at fixed times in the week's files: their own CSV with planned and actual
times, and their figures in the JSON beside what was there."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from shiftwell.core.plan import FixedKind
from shiftwell.report.files import (
    FIXED_BREAK_FIELDS,
    WeekExporter,
    figures_json,
    fixed_breaks_csv,
)
from shiftwell.storage.figures import FixedBreakLine
from shiftwell.storage.stats import IsoWeek, WeekRows, week_figures
from tests.helpers.seed import (
    BERLIN,
    Seeder,
    create_database,
    seed_fixed_breaks,
    seed_reference_fortnight,
)

W48 = IsoWeek(2026, 48)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sa.Engine]:
    db = create_database(tmp_path / "shiftwell.sqlite3")
    seed_reference_fortnight(Seeder(db))
    seed_fixed_breaks(Seeder(db))
    yield db
    db.dispose()


def test_the_fixed_breaks_csv_has_planned_and_actual_times_and_the_verdict(
    db: sa.Engine,
) -> None:
    text = WeekExporter(WeekRows(db, BERLIN)).fixed_breaks_csv(W48)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == FIXED_BREAK_FIELDS
    assert len(rows) == 7
    deferred = rows[2]  # a call put it off six minutes: not on schedule, back 6 min late
    assert {k: deferred[k] for k in FIXED_BREAK_FIELDS[3:]} == {
        "kind": "break",
        "title": "Break",
        "planned_start": "2026-11-23T15:15:00+01:00",
        "planned_end": "2026-11-23T15:30:00+01:00",
        "actual_start": "2026-11-23T15:21:00+01:00",
        "actual_end": "2026-11-23T15:36:00+01:00",
        "start_offset_seconds": "360",
        "end_offset_seconds": "360",
        "taken_seconds": "900",
        "on_schedule": "false",
        "missed": "false",
    }
    missed = rows[3]
    assert (missed["actual_start"], missed["actual_end"], missed["taken_seconds"]) == ("", "", "")
    assert (missed["on_schedule"], missed["missed"]) == ("false", "true")


def test_a_title_from_a_calendar_never_becomes_a_spreadsheet_formula() -> None:
    start = datetime(2026, 11, 23, 11, tzinfo=UTC)
    line = FixedBreakLine(
        date(2026, 11, 23), "s", "f", FixedKind.LUNCH, "=HYPERLINK(1)", start, start, None, None
    )
    [row] = csv.DictReader(io.StringIO(fixed_breaks_csv([line], BERLIN), newline=""))
    assert row["title"] == "'=HYPERLINK(1)"


def test_the_figures_json_adds_the_fixed_breaks_and_keeps_the_rest(db: sa.Engine) -> None:
    shown = json.loads(figures_json(week_figures(db, W48, BERLIN)))
    assert set(shown) == {
        *("week", "time_zone", "first_day", "last_day", "headline", "previous_week", "days"),
        "fixed_breaks",
    }
    headline = shown["headline"]
    assert headline["breaks"]["kept_rate"] == 6 / 11 and headline["on_time_days"] == 3  # as before
    assert headline["fixed_breaks"]["on_schedule"] == 3
    assert headline["fixed_breaks"]["back_late_seconds"] == 540
    assert [day["fixed_breaks"]["breaks"] for day in shown["days"]] == [3, 3, 0, 1, 0, 0, 0]
    assert [b["planned_start"][11:16] for b in shown["fixed_breaks"]][:3] == [
        "10:30",
        "12:30",
        "15:15",
    ]
