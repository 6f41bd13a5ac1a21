"""The calendar's kept copy is parsed once: its expanded events are kept beside it and give
the same plan as parsing it again, until the copy or the days asked for change."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from shiftwell.core import calendar_plan
from shiftwell.core.calendar_plan import (
    CalendarEvents,
    CalendarInvalid,
    ParsedCalendar,
    plan_from_events,
    plan_window,
)
from shiftwell.core.day_plan import PlanSource, day_plan
from shiftwell.core.plan import PlanDay
from shiftwell.core.settings import settings_from_mapping
from shiftwell.platform import calendar_copy
from shiftwell.platform.calendar_copy import EVENTS_NAME, KeptCalendar
from shiftwell.platform.calendar_feed import CalendarFeed
from tests.helpers.calendars import WEEKLY_CHICAGO, one_shift
from tests.helpers.feed_server import FeedScript, feed_server

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 10, 20, 8, 0, tzinfo=UTC)
GOOD = WEEKLY_CHICAGO.encode()


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every time a calendar file is parsed, its bytes."""
    seen: list[bytes] = []

    def counted(data: bytes) -> object:
        seen.append(data)
        return calendar_plan.read_calendar(data)

    monkeypatch.setattr(calendar_copy, "read_calendar", counted)
    return seen


def planned(
    events: CalendarEvents, first: date, count: int, tz: ZoneInfo = BERLIN
) -> list[PlanDay]:
    return plan_from_events(events.between(*plan_window(first, count, tz)), tz, first, count)


def test_a_fetched_calendar_is_parsed_once_and_later_plans_read_its_kept_events(
    tmp_path: Path, parses: list[bytes]
) -> None:
    with feed_server(FeedScript(body=GOOD)) as base:
        feed = CalendarFeed(base + "/agent.ics", tmp_path)
        result = feed.refresh(NOW)
    assert result.copy is not None and parses == [GOOD]
    # A later start (a new feed object, as a new process has) plans without parsing.
    copy = CalendarFeed(base + "/agent.ics", tmp_path).cached()
    assert copy is not None
    kept = planned(CalendarFeed(base + "/agent.ics", tmp_path).calendar(copy), date(2026, 11, 2), 7)
    assert parses == [GOOD]
    assert kept == planned(ParsedCalendar(GOOD), date(2026, 11, 2), 7)
    assert (tmp_path / EVENTS_NAME).stat().st_mode & 0o077 == 0  # titles are private


@pytest.mark.parametrize(
    ("first", "count", "tz"),
    [
        (date(2026, 10, 23), 11, BERLIN),  # both DST changes, EXDATE, RECURRENCE-ID, all-day
        (date(2026, 11, 2), 5, ZoneInfo("Asia/Tokyo")),
        (date(2026, 10, 19), 1, ZoneInfo("America/Los_Angeles")),
    ],
)
def test_the_kept_events_plan_the_same_days_as_the_file_does(
    tmp_path: Path, first: date, count: int, tz: ZoneInfo
) -> None:
    path = tmp_path / EVENTS_NAME
    KeptCalendar(GOOD, path).expand(NOW - timedelta(days=14), NOW + timedelta(days=92))
    from_kept = planned(KeptCalendar(GOOD, path), first, count, tz)
    assert from_kept == planned(ParsedCalendar(GOOD), first, count, tz)
    assert sum(len(day.shifts) for day in from_kept) > 0


def test_floating_times_kept_are_still_read_in_the_users_zone(tmp_path: Path) -> None:
    floating = one_shift().replace(";TZID=Europe/Berlin", "").encode()
    path = tmp_path / EVENTS_NAME
    KeptCalendar(floating, path).expand(NOW, NOW + timedelta(days=92))
    tokyo = ZoneInfo("Asia/Tokyo")
    (day,) = planned(KeptCalendar(floating, path), date(2026, 11, 30), 1, tokyo)
    assert day.shifts[0].start == datetime(2026, 11, 30, 0, 0, tzinfo=UTC)  # 09:00 in Tokyo
    (day,) = planned(KeptCalendar(floating, path), date(2026, 11, 30), 1, BERLIN)
    assert day.shifts[0].start == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # 09:00 in Berlin


def test_a_new_copy_or_days_beyond_the_kept_ones_are_parsed_again_and_kept(
    tmp_path: Path, parses: list[bytes]
) -> None:
    path = tmp_path / EVENTS_NAME
    KeptCalendar(GOOD, path).expand(NOW - timedelta(days=14), NOW + timedelta(days=92))
    later = date(2027, 6, 7)  # far past the kept window: the weekly shift still repeats
    (day,) = planned(KeptCalendar(GOOD, path), later, 1)
    assert len(day.shifts) == 1 and len(parses) == 2
    planned(KeptCalendar(GOOD, path), later, 1)
    assert len(parses) == 2  # that window is kept now
    changed = one_shift().encode()
    (day,) = planned(KeptCalendar(changed, path), date(2026, 11, 30), 1)
    assert parses[-1] == changed
    assert [s.start.hour for s in day.shifts] == [8]  # the new copy's shift, not the old one's


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"format": 1, "copy": 3}', b"[]"])
def test_a_damaged_kept_file_is_parsed_again_and_nothing_is_lost(
    tmp_path: Path, damage: bytes
) -> None:
    path = tmp_path / EVENTS_NAME
    path.write_bytes(damage)
    days = planned(KeptCalendar(GOOD, path), date(2026, 11, 2), 5)
    assert days == planned(ParsedCalendar(GOOD), date(2026, 11, 2), 5)
    assert json.loads(path.read_bytes())["format"] == 1  # written anew


def test_a_copy_that_does_not_read_gives_one_sentence_and_keeps_nothing(tmp_path: Path) -> None:
    path = tmp_path / EVENTS_NAME
    with pytest.raises(CalendarInvalid, match="not an iCalendar file"):
        KeptCalendar(b"<html>Sign in</html>", path).between(NOW, NOW + timedelta(days=1))
    assert not path.exists()
    settings = settings_from_mapping(
        {"schedule": {"timezone": "Europe/Berlin", "calendar": "https://wfm.example/a.ics"}}, "c"
    ).settings
    plan = day_plan(settings, date(2026, 11, 30), 1, KeptCalendar(b"garbage", path))
    assert plan.source is PlanSource.SETTINGS and plan.problem is not None
