"""The day plan read from a workforce-management calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from shiftwell.core.calendar_plan import (
    CalendarInvalid,
    CalendarWords,
    plan_from_calendar,
    read_calendar,
)
from shiftwell.core.day_plan import PlanSource, day_plan
from shiftwell.core.plan import FixedKind, PlanDay
from shiftwell.core.schedule import DaysOff
from shiftwell.core.settings import settings_from_mapping
from tests.helpers.calendars import WEEKLY_CHICAGO, one_shift

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(day: PlanDay) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    def hm(moment: datetime) -> str:
        return f"{moment.astimezone(BERLIN):%H:%M}"

    return [
        (hm(s.start), hm(s.end), [(hm(b.start), b.kind.value, b.title) for b in s.breaks])
        for s in day.shifts
    ]


def weekly(first: date, count: int, **options: object) -> list[PlanDay]:
    calendar = read_calendar(WEEKLY_CHICAGO.encode())
    return plan_from_calendar(calendar, BERLIN, first, count, **options)  # type: ignore[arg-type]


def test_a_weekly_shift_in_another_zone_lands_at_the_right_hour_through_both_dst_changes() -> None:
    days = weekly(date(2026, 10, 23), 11)
    starts = {d.day: berlin(d)[0][0] for d in days if d.shifts}
    assert starts[date(2026, 10, 23)] == "15:00"  # both on summer time: 7 hours apart
    assert starts[date(2026, 10, 26)] == "14:00"  # Berlin changed on 25 Oct, Chicago not yet
    assert starts[date(2026, 11, 2)] == "15:00"  # both on winter time again
    assert days[0].shifts[0].start == datetime(2026, 10, 23, 13, 0, tzinfo=UTC)


def test_exceptions_and_moved_instances_are_honoured() -> None:
    monday, tuesday, wednesday, thursday, friday = weekly(date(2026, 11, 2), 5)
    assert berlin(monday) == [
        (
            "15:00",
            "23:00",
            [("17:00", "break", "Break"), ("19:00", "lunch", "Meal period")],
        )
    ]
    assert wednesday.shifts == ()  # EXDATE: no shift, and no stray break either
    # RECURRENCE-ID: Thursday's shift moved two hours later; its breaks stay inside it.
    assert berlin(thursday)[0][:2] == ("17:00", "01:00")
    assert [b[0] for b in berlin(thursday)[0][2]] == ["17:00", "19:00"]
    assert berlin(tuesday)[0][:2] == berlin(friday)[0][:2] == ("15:00", "23:00")


def test_a_meeting_inside_a_shift_belongs_to_it_and_an_all_day_event_is_no_shift() -> None:
    (monday,) = weekly(date(2026, 11, 2), 1)
    assert len(monday.shifts) == 1  # the huddle is part of the shift, not a shift or break
    (offsite_day,) = weekly(date(2026, 11, 6), 1)
    assert len(offsite_day.shifts) == 1  # the all-day event adds nothing


def test_the_title_words_come_from_the_settings() -> None:
    words = CalendarWords(shift=("dienst",), breaks=("pause",), lunch=("mittag",))
    text = one_shift(title="Dienst Frühschicht").replace("SUMMARY:Break", "SUMMARY:Pause")
    (day,) = plan_from_calendar(read_calendar(text.encode()), BERLIN, date(2026, 11, 30), 1, words)
    (shift,) = day.shifts
    assert [(b.kind, b.title) for b in shift.breaks] == [(FixedKind.BREAK, "Pause")]


def test_a_long_event_with_another_name_is_a_shift_but_a_short_one_is_not() -> None:
    queue = one_shift(title="Support EN queue")
    (day,) = plan_from_calendar(read_calendar(queue.encode()), BERLIN, date(2026, 11, 30), 1)
    assert berlin(day)[0][:2] == ("09:00", "17:00")
    short = one_shift(title="Dentist").replace("T170000", "T100000")
    (day,) = plan_from_calendar(read_calendar(short.encode()), BERLIN, date(2026, 11, 30), 1)
    assert day.shifts == ()


def test_the_settings_days_off_hold_for_the_calendar_too() -> None:
    off = (DaysOff(date(2026, 11, 3), date(2026, 11, 3)),)
    days = weekly(date(2026, 11, 2), 2, days_off=off)
    assert [bool(d.shifts) for d in days] == [True, False]


def test_floating_times_are_read_in_the_users_zone() -> None:
    text = one_shift().replace(";TZID=Europe/Berlin", "")
    (day,) = plan_from_calendar(
        read_calendar(text.encode()), ZoneInfo("Asia/Tokyo"), date(2026, 11, 30), 1
    )
    assert day.shifts[0].start == datetime(2026, 11, 30, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "not an iCalendar file"),
        (b"<html>Sign in</html>", "not an iCalendar file"),
        (WEEKLY_CHICAGO.encode()[:700], "cut short"),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:notadate\nEND:VEVENT\nEND:VCALENDAR\n",
            "can't",
        ),
    ],
)
def test_malformed_and_truncated_files_are_refused_with_one_sentence(
    data: bytes, words: str
) -> None:
    with pytest.raises(CalendarInvalid, match=words) as refused:
        plan_from_calendar(read_calendar(data), BERLIN, date(2026, 11, 30), 3)
    assert "\n" not in str(refused.value)


def test_a_kept_copy_that_does_not_read_falls_back_to_the_settings_and_says_why() -> None:
    settings = settings_from_mapping(
        {"schedule": {"timezone": "Europe/Berlin", "calendar": "https://wfm.example/a.ics"}}, "c"
    ).settings
    plan = day_plan(settings, date(2026, 11, 30), 1, b"garbage")
    assert plan.source is PlanSource.SETTINGS
    assert berlin(plan.days[0])[0][:2] == ("09:00", "17:00")
    assert plan.problem is not None
    assert "can't be read" in plan.problem
    good = day_plan(settings, date(2026, 11, 30), 1, one_shift(start="070000").encode())
    assert good.source is PlanSource.CALENDAR
    assert berlin(good.days[0])[0][:2] == ("07:00", "15:00")
