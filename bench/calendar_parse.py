"""How fast a workforce-management calendar becomes the day plan (target: 2,000 events in
under 200 ms).

Builds an iCalendar file of 2,000 separate events (100 weeks of five shifts, each with two
breaks and a lunch, in Berlin time), then times reading it and planning every day it covers,
from the file itself (cold: what happens once per fetched copy, when it arrives or its kept
events don't cover the days asked for); then from the events kept beside the copy
(platform/calendar_copy.py: what `shiftwell schedule` and a start do while the copy is
unchanged); then the same for 20 repeating events (RRULE) that expand to as many instances.
Prints the median of several runs of each.

Run: PYTHONPATH=app:. .venv/bin/python bench/calendar_parse.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from shiftwell.core.calendar_plan import (
    plan_from_calendar,
    plan_from_events,
    plan_window,
    read_calendar,
)
from shiftwell.core.plan import PlanDay, iter_breaks
from shiftwell.platform.calendar_copy import EVENTS_NAME, KeptCalendar

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
    reads, plans, days = [], [], []
    for _run in range(RUNS):
        begun = time.perf_counter()
        calendar = read_calendar(data)
        read = time.perf_counter()
        days = plan_from_calendar(calendar, TZ, FIRST, 7 * WEEKS)
        reads.append((read - begun) * 1000)
        plans.append((time.perf_counter() - read) * 1000)
    return statistics.median(reads), statistics.median(plans), *_counted(days)


def timed_kept(data: bytes, directory: Path) -> tuple[float, float, int, int]:
    """The same from the events kept beside the copy (kept once, untimed, as a fetch does):
    median ms to read them back (a new reader each run, as a new process has) and to plan."""
    path = directory / EVENTS_NAME
    window = plan_window(FIRST, 7 * WEEKS, TZ)
    KeptCalendar(data, path).expand(*window)
    reads, plans, days = [], [], []
    for _run in range(RUNS):
        begun = time.perf_counter()
        events = KeptCalendar(data, path).between(*window)
        read = time.perf_counter()
        days = plan_from_events(events, TZ, FIRST, 7 * WEEKS)
        reads.append((read - begun) * 1000)
        plans.append((time.perf_counter() - read) * 1000)
    return statistics.median(reads), statistics.median(plans), *_counted(days)


def _counted(days: list[PlanDay]) -> tuple[int, int]:
    return sum(len(day.shifts) for day in days), sum(1 for _ in iter_breaks(days))


def main() -> None:
    cases: list[tuple[str, Callable[[], bytes]]] = [
        ("2,000 separate events", separate_events),
        ("20 repeating events, 2,000 instances", repeating_events),
    ]
    for name, make in cases:
        data = make()
        with tempfile.TemporaryDirectory() as directory:
            runs = [("from the file", timed(data)), ("kept", timed_kept(data, Path(directory)))]
        for how, (read, plan, shifts, breaks) in runs:
            verdict = "ok" if read + plan < TARGET_MS else "OVER"
            print(
                f"{name}, {how}: {len(data) // 1024} KiB -> {shifts} shifts, {breaks} breaks; "
                f"median of {RUNS}: read {read:.0f} ms + plan {plan:.0f} ms = "
                f"{read + plan:.0f} ms (target < {TARGET_MS} ms: {verdict})"
            )


if __name__ == "__main__":
    main()
