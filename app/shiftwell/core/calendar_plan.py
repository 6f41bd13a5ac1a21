"""The plan of each day read from an iCalendar file (a workforce-management feed).

Events are told apart by their titles (words from the settings, any case): a break, a lunch,
or a shift. A timed event that is none of these is part of the shift it lies in (a meeting, a
training); outside any shift, one of two hours or more is a shift itself (a feed that names
shifts by team or queue), a shorter one is not work Shiftwell plans. All-day events (holidays,
notes) are not shifts: a day without a shift in the calendar is a day off.

Repeating events (RRULE, RDATE, EXDATE, moved instances with RECURRENCE-ID) are expanded by
recurring-ical-events, in each event's own zone (TZID, VTIMEZONE); times without a zone are
read in the user's zone, like the settings' times.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

import recurring_ical_events
from icalendar import Calendar

from shiftwell.core.i18n import _
from shiftwell.core.plan import FixedKind, PlanDay, PlannedBreak, PlanShift
from shiftwell.core.schedule import DaysOff, local_instant

_SHIFT_BY_LENGTH = timedelta(hours=2)


class CalendarInvalid(ValueError):
    """The file is not a calendar Shiftwell can read; the message is one sentence."""


@dataclass(frozen=True)
class CalendarWords:
    shift: tuple[str, ...] = ("shift", "work")
    breaks: tuple[str, ...] = ("break",)
    lunch: tuple[str, ...] = ("lunch", "meal")


@dataclass(frozen=True)
class _Timed:
    start: datetime  # aware UTC
    end: datetime
    title: str


def read_calendar(data: bytes) -> Calendar:
    """The parsed calendar; CalendarInvalid for anything that is not a whole one."""
    text = data.strip()
    if not text.startswith(b"BEGIN:VCALENDAR"):
        raise CalendarInvalid(_("it is not an iCalendar file (it does not begin BEGIN:VCALENDAR)"))
    if not text.endswith(b"END:VCALENDAR"):
        raise CalendarInvalid(_("the calendar file is cut short (it does not end END:VCALENDAR)"))
    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, KeyError, IndexError) as error:
        message = _("the calendar file can't be read: {reason}")
        raise CalendarInvalid(message.format(reason=str(error).splitlines()[0][:120])) from None
    if not isinstance(calendar, Calendar):
        raise CalendarInvalid(_("it is not an iCalendar file"))
    return calendar


def plan_from_calendar(
    calendar: Calendar,
    tz: tzinfo,
    first: date,
    count: int,
    words: CalendarWords = CalendarWords(),
    days_off: Sequence[DaysOff] = (),
) -> list[PlanDay]:
    """The `count` days from `first` (in zone `tz`), as the calendar plans them."""
    window_start = local_instant(datetime.combine(first - timedelta(days=1), time()), tz)
    window_end = local_instant(datetime.combine(first + timedelta(days=count + 1), time()), tz)
    try:
        found = recurring_ical_events.of(calendar).between(window_start, window_end)
    except (ValueError, TypeError, KeyError) as error:
        message = _("the calendar's events can't be expanded: {reason}")
        raise CalendarInvalid(message.format(reason=str(error).splitlines()[0][:120])) from None
    events = sorted(
        (timed for event in found if (timed := _timed(event, tz)) is not None),
        key=lambda e: (e.start, -(e.end - e.start).total_seconds()),
    )
    shifts = _shifts(events, words)
    by_day: dict[date, list[PlanShift]] = {}
    for shift in shifts:
        day = shift.start.astimezone(tz).date()
        if any(day in off for off in days_off):
            continue
        by_day.setdefault(day, []).append(shift)
    days = (first + timedelta(days=offset) for offset in range(count))
    return [PlanDay(day, tuple(by_day.get(day, ()))) for day in days]


def _kind(title: str, words: CalendarWords) -> str:
    lowered = title.lower()
    if any(word in lowered for word in words.lunch):
        return FixedKind.LUNCH.value
    if any(word in lowered for word in words.breaks):
        return FixedKind.BREAK.value
    if any(word in lowered for word in words.shift):
        return "shift"
    return "other"


def _shifts(events: list[_Timed], words: CalendarWords) -> list[PlanShift]:
    kinds = [_kind(event.title, words) for event in events]
    named = [event for event, kind in zip(events, kinds, strict=True) if kind == "shift"]

    def inside_named(event: _Timed) -> bool:
        return any(s.start <= event.start and event.end <= s.end for s in named)

    long_others = [
        event
        for event, kind in zip(events, kinds, strict=True)
        if kind == "other"
        and event.end - event.start >= _SHIFT_BY_LENGTH
        and not inside_named(event)
    ]
    spans: list[list[datetime]] = []  # [start, end]; overlapping shifts are one
    for event in sorted(named + long_others, key=lambda e: e.start):
        if spans and event.start < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], event.end)
        else:
            spans.append([event.start, event.end])
    result = []
    for start, end in spans:
        breaks = tuple(
            PlannedBreak(e.start, min(e.end, end), FixedKind(k), e.title)
            for e, k in zip(events, kinds, strict=True)
            if k in (FixedKind.BREAK.value, FixedKind.LUNCH.value) and start <= e.start < end
        )
        result.append(PlanShift(start, end, breaks))
    return result


def _timed(event: Any, tz: tzinfo) -> _Timed | None:
    start = event.get("DTSTART")
    if start is None:
        return None
    begins = start.dt
    if not isinstance(begins, datetime):
        return None  # an all-day event: not a shift, a break or part of one
    end = event.get("DTEND")
    if end is not None:
        ends = end.dt
    elif event.get("DURATION") is not None:
        ends = begins + event.get("DURATION").dt
    else:
        ends = begins
    if not isinstance(ends, datetime):
        return None
    first, last = _aware(begins, tz), _aware(ends, tz)
    if last <= first:
        return None
    return _Timed(first, last, str(event.get("SUMMARY", "")).strip())


def _aware(moment: datetime, tz: tzinfo) -> datetime:
    """A floating time is read in the user's zone, like the times in the settings."""
    if moment.tzinfo is None:
        return local_instant(moment, tz)
    return moment.astimezone(UTC)
