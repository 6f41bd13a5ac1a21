from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from shiftwell.core.schedule import (
    DaysOff,
    Span,
    WeeklySchedule,
    parse_days_off,
    parse_spans,
)

BERLIN = ZoneInfo("Europe/Berlin")


def test_parses_spans_in_order() -> None:
    assert parse_spans("13:00-17:00, 09:00-12:00") == (
        Span(time(9), time(12)),
        Span(time(13), time(17)),
    )
    assert parse_spans("off") == ()
    assert parse_spans("22:00-06:00")[0].crosses_midnight


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("9-17", "is not a shift"),
        ("09:00-09:00", "is empty"),
        ("25:00-26:00", "impossible time"),
        ("09:00-13:00, 12:00-17:00", "overlapping"),
        ("", "is not a shift"),
    ],
)
def test_bad_spans_say_what_is_wrong_and_how_to_write_one(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why) as excinfo:
        parse_spans(text)
    assert '"09:00-17:00"' in str(excinfo.value)


def test_days_off_are_dates_or_ranges() -> None:
    assert parse_days_off(["2026-12-24", "2026-12-27..2027-01-02"]) == (
        DaysOff(date(2026, 12, 24), date(2026, 12, 24)),
        DaysOff(date(2026, 12, 27), date(2027, 1, 2)),
    )
    for bad in (["24.12.2026"], ["2027-01-02..2026-12-27"], "2026-12-24", [20261224]):
        with pytest.raises(ValueError):
            parse_days_off(bad)


def test_shifts_keep_local_wall_time_across_a_dst_change() -> None:
    schedule = WeeklySchedule(BERLIN)
    # Week of 2026-10-26 (Mon): Berlin left summer time on Sunday 2026-10-25.
    shifts = schedule.shifts_between(
        datetime(2026, 10, 19, tzinfo=UTC), datetime(2026, 11, 1, tzinfo=UTC)
    )
    assert len(shifts) == 10
    assert {s.start.astimezone(BERLIN).time() for s in shifts} == {time(9)}
    utc_hours = [s.start.hour for s in shifts]
    assert utc_hours == [7] * 5 + [8] * 5  # summer time, then winter time
    assert all(s.length.total_seconds() == 8 * 3600 for s in shifts)


def test_night_shift_over_the_dst_night_is_an_hour_longer() -> None:
    schedule = WeeklySchedule(BERLIN, days={5: parse_spans("22:00-06:00")})
    [shift] = schedule.shifts_between(
        datetime(2026, 10, 24, 12, tzinfo=UTC), datetime(2026, 10, 25, 12, tzinfo=UTC)
    )
    assert shift.length.total_seconds() == 9 * 3600  # Saturday night: 02:00 came twice


def test_days_off_and_free_weekdays_have_no_shift() -> None:
    schedule = WeeklySchedule(UTC, days_off=parse_days_off(["2026-11-24"]))
    shifts = schedule.shifts_between(
        datetime(2026, 11, 23, tzinfo=UTC), datetime(2026, 11, 30, tzinfo=UTC)
    )
    assert [s.start.date() for s in shifts] == [
        date(2026, 11, 23),
        date(2026, 11, 25),
        date(2026, 11, 26),
        date(2026, 11, 27),
    ]


def test_current_or_next() -> None:
    schedule = WeeklySchedule(UTC)
    friday_evening = datetime(2026, 11, 27, 18, tzinfo=UTC)
    upcoming = schedule.current_or_next(friday_evening)
    assert upcoming is not None and upcoming.start == datetime(2026, 11, 30, 9, tzinfo=UTC)
    assert schedule.containing(friday_evening) is None
    midday = datetime(2026, 11, 27, 12, tzinfo=UTC)
    assert schedule.containing(midday) == schedule.current_or_next(midday)


def test_a_start_the_clock_skips_is_the_moment_it_jumps_and_the_end_stays() -> None:
    # Sunday 2026-03-29, Berlin: 02:00 CET jumps to 03:00 CEST; 02:30 never happens.
    schedule = WeeklySchedule(BERLIN, days={6: parse_spans("02:30-10:30")})
    [shift] = schedule.shifts_between(
        datetime(2026, 3, 28, 12, tzinfo=UTC), datetime(2026, 3, 29, 23, tzinfo=UTC)
    )
    assert shift.start == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)  # 03:00 CEST, not 03:30
    assert shift.start.astimezone(BERLIN).time() == time(3)
    assert shift.end.astimezone(BERLIN).time() == time(10, 30)
    assert shift.length.total_seconds() == 7.5 * 3600


def test_a_start_the_clock_shows_twice_is_the_first_and_the_shift_keeps_its_length() -> None:
    # Sunday 2026-10-25, Berlin: 03:00 CEST goes back to 02:00 CET; 02:30 comes twice.
    schedule = WeeklySchedule(BERLIN, days={6: parse_spans("02:30-10:30")})
    [shift] = schedule.shifts_between(
        datetime(2026, 10, 24, 12, tzinfo=UTC), datetime(2026, 10, 25, 23, tzinfo=UTC)
    )
    assert shift.start == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # the first 02:30 (CEST)
    assert shift.length.total_seconds() == 8 * 3600  # not 9 h
    assert shift.end.astimezone(BERLIN).time() == time(9, 30)


@pytest.mark.parametrize(
    ("day", "utc_end"),
    [
        (date(2026, 3, 28), datetime(2026, 3, 29, 1, 0, tzinfo=UTC)),  # skipped: at the jump
        (date(2026, 10, 24), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),  # twice: the first
    ],
)
def test_an_end_the_clock_skips_or_repeats_is_the_first_moment_past_it(
    day: date, utc_end: datetime
) -> None:
    schedule = WeeklySchedule(BERLIN, days={5: parse_spans("20:00-02:30")})
    shifts = schedule.shifts_between(
        datetime.combine(day, time(12), tzinfo=UTC), datetime.combine(day, time(23), tzinfo=UTC)
    )
    assert [s.end for s in shifts] == [utc_end]
