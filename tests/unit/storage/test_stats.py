"""Week figures read from a real SQLite file seeded with a known fortnight."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from shiftwell.storage.stats import (
    BreakCounts,
    DayFigures,
    Headline,
    IsoWeek,
    system_zone,
    week_figures,
    week_overtime,
    week_segments,
    week_shifts,
)
from tests.helpers.seed import (
    BERLIN,
    Seeder,
    Seg,
    create_database,
    focus,
    long_break,
    micro,
    seed_reference_fortnight,
)

CAP = timedelta(hours=2)
W48 = IsoWeek(2026, 48)
H = 3600


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[sa.Engine]:
    engine = create_database(tmp_path / "shiftwell.sqlite3")
    yield engine
    engine.dispose()


@pytest.fixture
def seeded(engine: sa.Engine) -> sa.Engine:
    seed_reference_fortnight(Seeder(engine))
    return engine


def utc(year: int, month: int, day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


# --- weeks -------------------------------------------------------------------------------------


def test_iso_week_parses_navigates_and_contains_dates() -> None:
    week = IsoWeek.parse("2026-W48")
    assert week == IsoWeek(2026, 48) == IsoWeek.parse(" 2026w48 ")
    assert str(week) == "2026-W48"
    assert week.monday == date(2026, 11, 23)
    assert week.days[-1] == date(2026, 11, 29)
    assert week.previous() == IsoWeek(2026, 47)
    assert week.next() == IsoWeek(2026, 49)
    # 2026 has 53 ISO weeks; 1 January 2027 is a Friday in its last one.
    assert IsoWeek.containing(date(2027, 1, 1)) == IsoWeek(2026, 53)
    assert IsoWeek(2026, 53).next() == IsoWeek(2027, 1)
    assert IsoWeek(2027, 1).previous() == IsoWeek(2026, 53)
    assert IsoWeek(2026, 1).previous() == IsoWeek(2025, 52)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-48", "not an ISO week; write it like 2026-W48"),
        ("last week", "not an ISO week"),
        ("2026-W00", "2026 has weeks 1 to 53, not week 0"),
        ("2025-W53", "2025 has weeks 1 to 52, not week 53"),
    ],
)
def test_bad_weeks_are_refused_with_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        IsoWeek.parse(text)


# --- the reference fortnight ---------------------------------------------------------------------


def test_every_day_of_the_reference_week(seeded: sa.Engine) -> None:
    figures = week_figures(seeded, W48, BERLIN, CAP)
    assert [d.day for d in figures.days] == list(W48.days)
    mon, tue, wed, thu, fri, sat, sun = figures.days

    assert (mon.shifts, mon.planned_seconds, mon.worked_seconds) == (1, 8 * H, 8 * H + 30)
    assert mon.focus_seconds == 7 * H
    assert mon.breaks == BreakCounts(kept=2, skipped=1)
    # Berlin is UTC+1 in November: 17:00 local is 16:00 UTC.
    assert (mon.planned_end, mon.logged_off) == (
        utc(2026, 11, 23, 16),
        utc(2026, 11, 23, 16, 0, 30),
    )
    assert (mon.late_seconds, mon.on_time) == (30, True)
    assert (mon.checkin_mean, mon.off_schedule, mon.overtime_seconds) == (4, False, 0)

    assert tue.worked_seconds == 8 * H + 40 * 60
    assert tue.focus_seconds == 7 * H + 45 * 60  # overtime segments are focus time
    assert tue.breaks == BreakCounts(kept=2, postponed=1)
    assert (tue.late_seconds, tue.on_time) == (45 * 60, False)
    assert tue.overtime_seconds == 45 * 60
    assert [(g.reason, g.seconds) for g in tue.overtime] == [("customer call ran long", 2700)]
    assert tue.checkin_mean == 2

    assert wed == DayFigures(date(2026, 11, 25))
    assert not wed.worked and wed.on_time is None and wed.checkin_mean is None

    assert (thu.worked_seconds, thu.focus_seconds) == (8 * H + 20 * 60, 6 * H)  # pause is no focus
    assert thu.breaks == BreakCounts(kept=1, natural=1, postponed=2)
    assert (thu.late_seconds, thu.on_time) == (0, True)  # logged off ten minutes early

    assert fri.breaks == BreakCounts(skipped=1)  # the interrupted long break counts nowhere
    assert (fri.focus_seconds, fri.late_seconds) == (7 * H + 20 * 60, 20 * 60)
    assert [(g.reason, g.seconds) for g in fri.overtime] == [
        ("handover", 600),
        ("ticket backlog", 600),
    ]
    assert fri.overtime_seconds == 1200

    assert sat.off_schedule and sat.on_time
    assert (sat.planned_seconds, sat.worked_seconds) == (8 * H, 2 * H)
    # The shift at 00:30 on the next Monday is Sunday 23:30 UTC, yet not this week's.
    assert sun == DayFigures(date(2026, 11, 29))


def test_headline_of_the_reference_week_and_the_week_before(seeded: sa.Engine) -> None:
    figures = week_figures(seeded, W48, BERLIN, CAP)
    assert figures.headline == Headline(
        days_worked=5,
        planned_seconds=40 * H,
        worked_seconds=35 * H + 20 * 60 + 30,
        focus_seconds=30 * H + 5 * 60,
        logoff_days=5,
        on_time_days=3,
        breaks=BreakCounts(kept=5, natural=1, postponed=3, skipped=2),
        overtime_seconds=65 * 60,
        overtime_cap_seconds=2 * H,
        days_off_schedule=1,
        checkin_total=11,
        checkins=3,
    )
    headline = figures.headline
    assert headline.on_time_rate == pytest.approx(0.6)
    assert headline.breaks_kept_rate == pytest.approx(6 / 11)
    assert headline.checkin_mean == pytest.approx(11 / 3)
    assert not headline.over_cap

    # The night shift from Sunday 22:00 to Monday 02:00 stays on Sunday of week 47.
    assert figures.previous == Headline(
        days_worked=3,
        planned_seconds=24 * H,
        worked_seconds=21 * H,
        focus_seconds=19 * H,
        logoff_days=3,
        on_time_days=2,
        breaks=BreakCounts(kept=2, skipped=1),
        overtime_seconds=H,
        overtime_cap_seconds=2 * H,
        days_off_schedule=1,
        checkin_total=3,
        checkins=1,
    )
    assert figures.previous.breaks_kept_rate == pytest.approx(2 / 3)


def test_the_overtime_cap_is_a_parameter(seeded: sa.Engine) -> None:
    tight = week_figures(seeded, W48, BERLIN, timedelta(hours=1)).headline
    assert tight.overtime_cap_seconds == H and tight.over_cap


@pytest.mark.parametrize("setting", ["America/New_York", ":America/New_York"])
def test_the_default_zone_is_the_systems_named_zone(
    seeded: sa.Engine, monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    monkeypatch.setenv("TZ", setting)
    assert system_zone() == ZoneInfo("America/New_York")
    figures = week_figures(seeded, W48)
    assert figures.tz.key == "America/New_York"
    assert figures.days[6].shifts == 1  # see the next test
    assert figures.headline.overtime_cap_seconds == 2 * H


def test_the_same_rows_read_in_another_zone_fall_on_other_days(seeded: sa.Engine) -> None:
    # In New York the 00:30 Berlin shift of 30 November starts on Sunday evening: week 48.
    figures = week_figures(seeded, W48, ZoneInfo("America/New_York"), CAP)
    assert figures.days[6].shifts == 1
    assert figures.days[6].day == date(2026, 11, 29)
    # Week 47's Sunday-night shift (22:00 Berlin) is 16:00 Sunday in New York: still week 47.
    assert figures.previous.days_worked == 3


def test_rows_for_the_export(seeded: sa.Engine) -> None:
    shifts = week_shifts(seeded, W48, BERLIN)
    assert [s.day.isoformat() for s in shifts] == [
        "2026-11-23",
        "2026-11-24",
        "2026-11-26",
        "2026-11-27",
        "2026-11-28",
    ]
    assert [s.scheduled for s in shifts] == [True, True, True, True, False]
    segments = week_segments(seeded, W48, BERLIN)
    assert len(segments) == 5 + 6 + 7 + 4 + 1
    assert [s.actual_start for s in segments] == sorted(s.actual_start for s in segments)
    first = segments[0]
    assert (first.kind, first.outcome, first.seconds, first.day) == (
        "focus",
        "completed",
        4 * H,
        date(2026, 11, 23),
    )
    checkins = [(s.checkin_score, s.checkin_word) for s in segments if s.checkin_score]
    assert checkins == [(4, "steady"), (2, "tired"), (5, "good")]
    grants = week_overtime(seeded, W48, BERLIN)
    assert [(g.day.day, g.seconds, g.reason) for g in grants] == [
        (24, 2700, "customer call ran long"),
        (27, 600, "handover"),
        (27, 600, "ticket backlog"),
    ]
    assert week_segments(seeded, IsoWeek(2026, 10), BERLIN) == []


# --- edges ------------------------------------------------------------------------------------


def test_an_empty_week_has_zeros_and_no_rates(seeded: sa.Engine) -> None:
    figures = week_figures(seeded, IsoWeek(2026, 10), BERLIN, CAP)
    assert figures.empty
    assert figures.days == tuple(DayFigures(d) for d in IsoWeek(2026, 10).days)
    assert figures.headline == Headline(overtime_cap_seconds=2 * H)
    assert figures.previous == figures.headline
    headline = figures.headline
    assert (headline.on_time_rate, headline.breaks_kept_rate, headline.checkin_mean) == (
        None,
        None,
        None,
    )


def test_a_week_in_progress_counts_the_open_shift_up_to_now(seeded: sa.Engine) -> None:
    seeder = Seeder(seeded)
    tuesday = date(2026, 12, 1)
    seeder.shift(
        tuesday,
        "09:00",
        None,
        segments=[focus(1), micro(), Seg("focus", outcome=None)],
    )
    now = seeder.at(tuesday, "11:30")
    figures = week_figures(seeded, IsoWeek(2026, 49), BERLIN, CAP, now=now)
    mon, tue, *rest = figures.days
    assert (mon.shifts, mon.worked_seconds, mon.on_time) == (1, H, True)
    assert tue.worked_seconds == 2 * H + 30 * 60
    assert tue.focus_seconds == 2 * H + 30 * 60 - 20  # the micro break is not focus
    assert (tue.logged_off, tue.late_seconds, tue.on_time) == (None, None, None)
    assert all(not day.worked for day in rest)
    # Only the closed day counts for the log-off rate.
    assert (figures.headline.logoff_days, figures.headline.on_time_days) == (1, 1)
    assert figures.previous.days_worked == 5


def test_a_dst_week_in_berlin(engine: sa.Engine) -> None:
    # Summer time ends on Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET.
    seeder = Seeder(engine)
    seeder.shift(date(2026, 10, 19), "00:15", "01:15", planned=("00:15", "08:15"))
    seeder.shift(
        date(2026, 10, 25),
        "00:30",
        "08:30",
        planned=("00:30", "08:30"),
        segments=[focus(4), long_break(checkin=3), Seg("focus", timedelta(hours=4, minutes=50))],
    )
    seeder.shift(date(2026, 10, 26), "00:15", "01:15", planned=("00:15", "08:15"))

    figures = week_figures(engine, IsoWeek(2026, 43), BERLIN, CAP)
    mon, *_, sun = figures.days
    # 00:15 CEST on Monday is still Sunday 22:15 in UTC.
    assert mon.shifts == 1 and mon.planned_end == utc(2026, 10, 19, 6, 15)
    # 00:30 CEST to 08:30 CET is nine real hours, planned and worked.
    assert (sun.day, sun.shifts) == (date(2026, 10, 25), 1)
    assert (sun.planned_seconds, sun.worked_seconds) == (9 * H, 9 * H)
    assert sun.focus_seconds == 8 * H + 50 * 60
    assert sun.logged_off == utc(2026, 10, 25, 7, 30) and sun.on_time
    assert figures.headline.days_worked == 2
    # 00:15 CET on the next Monday (Sunday 23:15 UTC) opens week 44.
    assert week_figures(engine, IsoWeek(2026, 44), BERLIN, CAP).days[0].shifts == 1


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"overtime_cap": timedelta(minutes=-1)}, ValueError, "overtime cap must not be negative"),
        ({"tz": UTC}, TypeError, "tz must be a zoneinfo.ZoneInfo"),
        ({"now": datetime(2026, 11, 23, 9)}, ValueError, "now must be timezone-aware"),
    ],
)
def test_bad_arguments_are_refused(
    engine: sa.Engine, kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    arguments: dict[str, object] = {"tz": BERLIN, "overtime_cap": CAP, **kwargs}
    with pytest.raises(error, match=message):
        week_figures(engine, W48, **arguments)  # type: ignore[arg-type]


def test_the_figures_come_from_a_few_grouped_queries(seeded: sa.Engine) -> None:
    statements: list[str] = []

    def remember(*args: object) -> None:
        statements.append(str(args[2]))

    sa.event.listen(seeded, "before_cursor_execute", remember)
    week_figures(seeded, W48, BERLIN, CAP)
    sa.event.remove(seeded, "before_cursor_execute", remember)
    # Three grouped sums, the week's grants, and the fortnight's fixed breaks (a few a day).
    assert len(statements) == 5
    assert sum("GROUP BY" in s for s in statements) == 3
