"""The week's files, parsed back with the readers other programs would use."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import sqlalchemy as sa

from shiftwell.core import i18n as core_i18n
from shiftwell.platform.translation import load_translation, translate_with
from shiftwell.report.files import (
    OVERTIME_FIELDS,
    SEGMENT_FIELDS,
    WeekExporter,
    figures_json,
    week_ics,
)
from shiftwell.report.table import render_table
from shiftwell.report.words import format_clock, format_day, length_in_minutes, week_title
from shiftwell.storage.stats import IsoWeek, WeekRows, week_figures, week_segments, week_shifts
from tests.helpers.seed import BERLIN, Seeder, Seg, create_database, seed_reference_fortnight

W48 = IsoWeek(2026, 48)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sa.Engine]:
    db = create_database(tmp_path / "shiftwell.sqlite3")
    seed_reference_fortnight(Seeder(db))
    yield db
    db.dispose()


def test_segments_csv_reads_back_with_local_times(db: sa.Engine) -> None:
    text = WeekExporter(WeekRows(db, BERLIN)).segments_csv(W48)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == SEGMENT_FIELDS
    assert len(rows) == 23
    first = rows[0]
    assert (first["day"], first["kind"], first["outcome"], first["seconds"]) == (
        "2026-11-23",
        "focus",
        "completed",
        "14400",
    )
    assert first["actual_start"] == "2026-11-23T09:00:00+01:00"
    assert datetime.fromisoformat(first["actual_end"]) == datetime(2026, 11, 23, 12, tzinfo=UTC)
    checkins = [(r["checkin_score"], r["checkin_word"]) for r in rows if r["checkin_score"]]
    assert checkins == [("4", "steady"), ("2", "tired"), ("5", "good")]
    kinds = {r["kind"] for r in rows}
    assert kinds == {"focus", "micro_break", "long_break", "away", "pause", "overtime"}


def test_an_open_segment_has_empty_end_and_seconds(db: sa.Engine) -> None:
    seeder = Seeder(db)
    seeder.shift(W48.days[6], "09:00", None, segments=[Seg("focus", outcome=None)])
    rows = list(csv.DictReader(io.StringIO(WeekExporter(WeekRows(db, BERLIN)).segments_csv(W48))))
    last = rows[-1]
    assert (last["outcome"], last["actual_end"], last["seconds"]) == ("", "", "")


def test_overtime_csv_keeps_reasons_with_commas_and_quotes(db: sa.Engine) -> None:
    seeder = Seeder(db)
    reason = 'Escalation, "priority" customer\nsecond line'
    seeder.shift(W48.days[6], "09:00", "17:30", overtime=[("17:00", 30, reason)])
    text = WeekExporter(WeekRows(db, BERLIN)).overtime_csv(W48)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == OVERTIME_FIELDS
    assert [(r[0], r[2], r[3], r[4]) for r in rows[1:]] == [
        ("2026-11-24", "2026-11-24T17:00:00+01:00", "2700", "customer call ran long"),
        ("2026-11-27", "2026-11-27T16:55:00+01:00", "600", "handover"),
        ("2026-11-27", "2026-11-27T17:08:00+01:00", "600", "ticket backlog"),
        ("2026-11-29", "2026-11-29T17:00:00+01:00", "1800", reason),
    ]
    assert rows[1][1] == "shift-20261124T080500Z"


def test_figures_json_reads_back(db: sa.Engine) -> None:
    figures = week_figures(db, W48, BERLIN, timedelta(hours=2))
    data = json.loads(figures_json(figures))
    assert (data["week"], data["time_zone"], data["first_day"]) == (
        "2026-W48",
        "Europe/Berlin",
        "2026-11-23",
    )
    headline = data["headline"]
    assert headline["worked_seconds"] == 127230
    assert headline["on_time_rate"] == 0.6
    assert headline["breaks"] == {
        "kept": 5,
        "natural": 1,
        "postponed": 3,
        "skipped": 2,
        "kept_rate": 6 / 11,
    }
    assert headline["overtime_cap_seconds"] == 7200
    assert data["previous_week"]["days_worked"] == 3
    tuesday = data["days"][1]
    assert tuesday["logged_off"] == "2026-11-24T17:45:00+01:00"
    assert (tuesday["late_seconds"], tuesday["on_time"]) == (2700, False)
    assert tuesday["overtime"] == [
        {
            "granted_at": "2026-11-24T17:00:00+01:00",
            "seconds": 2700,
            "reason": "customer call ran long",
        }
    ]
    wednesday = data["days"][2]
    assert (wednesday["shifts"], wednesday["logged_off"], wednesday["checkin_mean"]) == (
        0,
        None,
        None,
    )


def test_ics_has_the_shifts_and_the_breaks_taken(db: sa.Engine) -> None:
    stamp = datetime(2026, 11, 30, 8, tzinfo=UTC)
    shifts = week_shifts(db, W48, BERLIN)
    ics = week_ics(W48, BERLIN, shifts, week_segments(db, W48, BERLIN), stamp=stamp)
    calendar = icalendar.Calendar.from_ical(ics)
    assert str(calendar["X-WR-CALNAME"]) == "Shiftwell 2026-W48"
    events = list(calendar.walk("VEVENT"))
    summaries = [str(e["SUMMARY"]) for e in events]
    assert summaries.count("Shift") == 4
    assert summaries.count("Shift (outside the schedule)") == 1
    # Kept: Mon micro + long, Tue micro + long, Thu long; away on Thu; Fri's long cut short.
    assert summaries.count("Micro break") == 2
    assert summaries.count("Long break") == 4
    assert summaries.count("Away (break)") == 1
    assert len(events) == 12
    assert len({str(e["UID"]) for e in events}) == 12

    tuesday = next(e for e in events if str(e["UID"]) == "shift-20261124T080500Z@shiftwell")
    assert tuesday.decoded("DTSTART") == datetime(2026, 11, 24, 8, 5, tzinfo=UTC)
    assert tuesday.decoded("DTEND") == datetime(2026, 11, 24, 16, 45, tzinfo=UTC)
    assert str(tuesday["DESCRIPTION"]) == "Planned 09:00 to 17:00 (Europe/Berlin)"
    assert all(e.decoded("DTSTAMP") == stamp for e in events)
    checkins = sorted(
        str(e["DESCRIPTION"]) for e in events if "Check-in" in e.get("DESCRIPTION", "")
    )
    assert checkins == ["Check-in: 2/5 (tired)", "Check-in: 4/5 (steady)", "Check-in: 5/5 (good)"]
    cut = next(e for e in events if "Cut short" in e.get("DESCRIPTION", ""))
    assert cut.decoded("DTEND") - cut.decoded("DTSTART") == timedelta(minutes=5)


def test_an_open_shift_is_shown_to_its_planned_end(db: sa.Engine) -> None:
    Seeder(db).shift(W48.days[6], "09:00", None)
    calendar = icalendar.Calendar.from_ical(WeekExporter(WeekRows(db, BERLIN)).ics(W48))
    [event] = [e for e in calendar.walk("VEVENT") if "still open" in str(e["SUMMARY"])]
    assert event.decoded("DTEND") == datetime(2026, 11, 29, 16, tzinfo=UTC)


def test_the_terminal_table(db: sa.Engine) -> None:
    table = render_table(week_figures(db, W48, BERLIN, timedelta(hours=2)))
    lines = table.splitlines()
    assert lines[0] == "Shiftwell — Week 48 · 23 Nov \u2013 29 Nov 2026 (Europe/Berlin)"
    assert lines[3].split() == ["Hours", "worked", "35.3", "h", "21.0", "h"]
    breaks = next(line for line in lines if line.startswith("Breaks kept"))
    assert breaks.split()[2:] == ["55", "%", "(6", "of", "11)", "67", "%", "(2", "of", "3)"]
    overtime = next(line for line in lines if line.startswith("Overtime "))
    assert "1 h 05 min of 2 h" in overtime
    tuesday = next(line for line in lines if line.startswith("Tue 24 Nov"))
    assert tuesday.split() == [
        *("Tue", "24", "Nov", "8.0", "h", "8.7", "h", "7.8", "h"),
        *("2", "0", "1", "0", "17:00", "17:45", "45", "min", "45", "min", "2.0"),
    ]
    assert "  Fri 27 Nov  10 min  ticket backlog" in lines
    assert lines[-1] != ""  # ends with exactly one newline
    assert table.endswith("\n") and not table.endswith("\n\n")


def test_the_terminal_table_of_an_empty_week(db: sa.Engine) -> None:
    table = render_table(week_figures(db, IsoWeek(2026, 49).next(), BERLIN, timedelta(0)))
    assert table.splitlines()[2:] == ["No shifts recorded this week.", "Last week: 1.0 h worked."]


@pytest.fixture
def spanish() -> Iterator[None]:
    """The core's `_()` in Spanish, as the command line installs it (QtCore only)."""
    translator = load_translation("es").translator
    assert translator is not None
    core_i18n.install(translate_with(translator))
    yield
    core_i18n.install(None)


def test_days_and_weeks_are_named_in_the_users_language(spanish: None) -> None:
    assert [format_day(date(2026, month, 1)) for month in range(1, 13)] == [
        *("jue 1 ene", "dom 1 feb", "dom 1 mar", "mié 1 abr", "vie 1 may", "lun 1 jun"),
        *("mié 1 jul", "sáb 1 ago", "mar 1 sept", "jue 1 oct", "dom 1 nov", "mar 1 dic"),
    ]
    assert week_title(IsoWeek(2026, 53)) == "Semana 53 · 28 dic \u2013 3 ene 2027"
    core_i18n.install(None)
    assert [format_day(date(2026, month, 1)) for month in range(1, 13)] == [
        *("Thu 1 Jan", "Sun 1 Feb", "Sun 1 Mar", "Wed 1 Apr", "Fri 1 May", "Mon 1 Jun"),
        *("Wed 1 Jul", "Sat 1 Aug", "Tue 1 Sep", "Thu 1 Oct", "Sun 1 Nov", "Tue 1 Dec"),
    ]
    assert week_title(IsoWeek(2026, 53)) == "Week 53 · 28 Dec \u2013 3 Jan 2027"


def test_the_terminal_table_of_an_empty_week_in_spanish(db: sa.Engine, spanish: None) -> None:
    table = render_table(week_figures(db, IsoWeek(2026, 50), BERLIN, timedelta(hours=2)))
    assert table.splitlines() == [
        "Shiftwell — Semana 50 · 7 dic \u2013 13 dic 2026 (Europe/Berlin)",
        "",
        "No hay turnos registrados esta semana.",
        "La semana pasada trabajaste 1.0 h.",
    ]


def test_formats() -> None:
    assert [length_in_minutes(s) for s in (0, 29, 45 * 60, 3600, 3900, 7199)] == [
        "0 min",
        "0 min",
        "45 min",
        "1 h",
        "1 h 05 min",
        "2 h",
    ]
    day = W48.days[6]
    late = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)
    assert format_clock(late, day, BERLIN) == "02:00 +1"
    assert format_clock(None, day, BERLIN) == "—"


def test_typed_reasons_never_become_spreadsheet_formulas() -> None:
    import csv
    import io
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from shiftwell.report.files import overtime_csv
    from shiftwell.storage.stats import OvertimeLine

    utc = ZoneInfo("UTC")
    grant = OvertimeLine(
        day=date(2026, 11, 23),
        shift_id="s1",
        granted_at=datetime(2026, 11, 23, 17, tzinfo=utc),
        seconds=900,
        reason='=HYPERLINK("http://x")',
    )
    [row] = list(csv.DictReader(io.StringIO(overtime_csv([grant], utc))))
    assert row["reason"] == '\'=HYPERLINK("http://x")'
