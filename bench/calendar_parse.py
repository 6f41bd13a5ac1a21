"""How fast a workforce-management calendar becomes the day plan (target: 2,000 events in
under 200 ms).

Builds an iCalendar file of 2,000 separate events (100 weeks of five shifts, each with two
breaks and a lunch, in Berlin time), then times reading it and planning every day it covers,
as `shiftwell schedule` and the app do; then the same plan from 25 repeating events (RRULE)
that expand to as many instances. Prints the median of several runs.

Run: PYTHONPATH=app:. .venv/bin/python bench/calendar_parse.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from shiftwell.core.calendar_plan import plan_from_calendar, read_calendar
from shiftwell.core.plan import iter_breaks

TZ = ZoneInfo("Europe/Berlin")
FIRST = date(2026, 1, 5)  # a Monday
WEEKS = 100
RUNS = 7
TARGET_MS = 200
DAY = [
    ("Shift", "080000", "163000"),
    ("Break", "100000", "101500"),
    ("Lunch", "123000", "130000"),
    ("Break", "143000", "144500"),
]


def _event(uid: str, title: str, day: date, start: str, end: str, rule: str = "") -> str:
    stamp = day.strftime("%Y%m%d")
    return (
        f"BEGIN:VEVENT\nUID:{uid}\nDTSTAMP:20260101T000000Z\nSUMMARY:{title}\n"
        f"DTSTART;TZID=Europe/Berlin:{stamp}T{start}\nDTEND;TZID=Europe/Berlin:{stamp}T{end}\n"
        f"{rule}END:VEVENT\n"
    )


def _calendar(events: list[str]) -> bytes:
    return ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//bench//EN\n" + "".join(events)).encode() + (
        b"END:VCALENDAR\n"
    )


def separate_events() -> bytes:
    events = [
        _event(f"{week}-{weekday}-{index}@bench", title, day, start, end)
        for week in range(WEEKS)
        for weekday in range(5)
        if (day := FIRST + timedelta(days=7 * week + weekday))
        for index, (title, start, end) in enumerate(DAY)
    ]
    assert len(events) == 2000
    return _calendar(events)


def repeating_events() -> bytes:
    rule = f"RRULE:FREQ=WEEKLY;COUNT={WEEKS}\n"
    events = [
        _event(f"r-{weekday}-{index}@bench", title, FIRST + timedelta(days=weekday), s, e, rule)
        for weekday in range(5)
        for index, (title, s, e) in enumerate(DAY)
    ]
    return _calendar(events)


def timed(data: bytes) -> tuple[float, float, int, int]:
    """Median ms to read `data` (icalendar's parser) and to plan every day from it; the
    shifts and breaks planned."""
    reads, plans, shifts, breaks = [], [], 0, 0
    for _run in range(RUNS):
        begun = time.perf_counter()
        calendar = read_calendar(data)
        read = time.perf_counter()
        days = plan_from_calendar(calendar, TZ, FIRST, 7 * WEEKS)
        reads.append((read - begun) * 1000)
        plans.append((time.perf_counter() - read) * 1000)
        shifts = sum(len(day.shifts) for day in days)
        breaks = sum(1 for _ in iter_breaks(days))
    return statistics.median(reads), statistics.median(plans), shifts, breaks


def main() -> None:
    cases: list[tuple[str, Callable[[], bytes]]] = [
        ("2,000 separate events", separate_events),
        ("20 repeating events, 2,000 instances", repeating_events),
    ]
    for name, make in cases:
        data = make()
        read, plan, shifts, breaks = timed(data)
        verdict = "ok" if read + plan < TARGET_MS else "OVER"
        print(
            f"{name}: {len(data) // 1024} KiB -> {shifts} shifts, {breaks} breaks; median of "
            f"{RUNS}: read {read:.0f} ms + plan {plan:.0f} ms = {read + plan:.0f} ms "
            f"(target < {TARGET_MS} ms: {verdict})"
        )


if __name__ == "__main__":
    main()
