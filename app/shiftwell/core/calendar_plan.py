"""The plan of each day read from an iCalendar file (a workforce-management feed).

Events are told apart by their titles (words from the settings, any case): a break, a lunch,
or a shift. A timed event that is none of these is part of the shift it lies in (a meeting, a
training); outside any shift, one of two hours or more is a shift itself (a feed that names
shifts by team or queue), a shorter one is not work Shiftwell plans. All-day events (holidays,
notes) are not shifts: a day without a shift in the calendar is a day off.

Repeating events (RRULE, RDATE, EXDATE, moved instances with RECURRENCE-ID) are expanded by
recurring-ical-events, in each event's own zone (TZID, VTIMEZONE); times without a zone are
read in the user's zone, like the settings' times.

Reading a large calendar is slow (icalendar's parser takes most of a second for a couple of
thousand events), so the work is in two steps: `calendar_events` parses and expands once into
plain `CalendarEvent`s, which the caller may keep (platform/calendar_copy.py keeps them beside
the fetched copy), and `plan_from_events` plans any days from them, quickly.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, Protocol

import recurring_ical_events
from icalendar import Calendar

from shiftwell.core.i18n import _
from shiftwell.core.plan import FixedKind, PlanDay, PlannedBreak, PlanShift
from shiftwell.core.schedule import DaysOff, local_instant

_SHIFT_BY_LENGTH = timedelta(hours=2)
# Floating times are read in the user's zone, which is at most 14 hours from UTC.
_FLOATING_MARGIN = timedelta(days=1)


class CalendarInvalid(ValueError):
    """The file is not a calendar Shiftwell can read; the message is one sentence."""


@dataclass(frozen=True)
class CalendarWords:
    shift: tuple[str, ...] = ("shift", "work")
    breaks: tuple[str, ...] = ("break",)
    lunch: tuple[str, ...] = ("lunch", "meal")


@dataclass(frozen=True)
class CalendarEvent:
    """A timed event as the calendar gives it, repeating ones as single instances: aware
    times (in UTC), or floating (naive) ones that are read in the user's zone when planned."""

    start: datetime
    end: datetime
    title: str


class CalendarEvents(Protocol):
    """A calendar's events on demand (the parsed file, or a kept expansion of it)."""

    def between(self, start: datetime, end: datetime) -> Sequence[CalendarEvent]:
        """At least every event under way between the aware `start` and `end`; raises
        CalendarInvalid for a file that can't be read or expanded."""
        ...


class ParsedCalendar:
    """The events of an iCalendar file, parsed on first use (no copy kept)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._calendar: Calendar | None = None

    def between(self, start: datetime, end: datetime) -> list[CalendarEvent]:
        if self._calendar is None:
            self._calendar = read_calendar(self._data)
        return calendar_events(self._calendar, start, end)


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
    # A broken time would drop a shift without a word: the whole file is refused instead,
    # and the last good copy stays in use.
    for event in (c for c in calendar.subcomponents if c.name == "VEVENT"):
        for name, reason in event.errors:
            if name in ("DTSTART", "DTEND", "DURATION", "RRULE", "RECURRENCE-ID", "EXDATE"):
                message = _("the calendar file can't be read: {reason}")
                raise CalendarInvalid(message.format(reason=f"{name}: {reason}"[:120]))
    return calendar


def plan_window(first: date, count: int, tz: tzinfo) -> tuple[datetime, datetime]:
    """The instants whose events can shape the `count` days from `first`: a day either side,
    so a shift that crosses midnight is whole."""
    start = local_instant(datetime.combine(first - timedelta(days=1), time()), tz)
    end = local_instant(datetime.combine(first + timedelta(days=count + 1), time()), tz)
    return start, end


def plan_from_calendar(
    calendar: Calendar,
    tz: tzinfo,
    first: date,
    count: int,
    words: CalendarWords = CalendarWords(),
    days_off: Sequence[DaysOff] = (),
) -> list[PlanDay]:
    """The `count` days from `first` (in zone `tz`), as the calendar plans them."""
    start, end = plan_window(first, count, tz)
    return plan_from_events(
        calendar_events(calendar, start, end), tz, first, count, words, days_off
    )


def plan_from_events(
    events: Iterable[CalendarEvent],
    tz: tzinfo,
    first: date,
    count: int,
    words: CalendarWords = CalendarWords(),
    days_off: Sequence[DaysOff] = (),
) -> list[PlanDay]:
    """The `count` days from `first` (in zone `tz`), planned from `events` that cover at
    least their `plan_window` (events beyond it are left out, so a wider set of events, such
    as a kept expansion, gives the same plan)."""
    window_start, window_end = plan_window(first, count, tz)
    timed = sorted(
        (
            found
            for event in events
            if (found := _timed(event, tz)) is not None
            and found.start < window_end
            and window_start < found.end
        ),
        key=lambda e: (e.start, -(e.end - e.start).total_seconds(), e.title),
    )
    shifts = _shifts(timed, words)
    by_day: dict[date, list[PlanShift]] = {}
    for shift in shifts:
        day = shift.start.astimezone(tz).date()
        if any(day in off for off in days_off):
            continue
        by_day.setdefault(day, []).append(shift)
    days = (first + timedelta(days=offset) for offset in range(count))
    return [PlanDay(day, tuple(by_day.get(day, ()))) for day in days]


def calendar_events(calendar: Calendar, start: datetime, end: datetime) -> list[CalendarEvent]:
    """The timed events of `calendar` under way between the aware instants `start` and `end`,
    repeating ones expanded. A floating time may be in any zone, so a day's margin either
    side keeps every event that can fall in the window wherever the user is."""
    start, end = start - _FLOATING_MARGIN, end + _FLOATING_MARGIN
    found = []
    for component in _events_between(calendar, start, end):
        event = _event(component)
        if event is None:
            continue
        if _as_utc(event.start) < end and start < _as_utc(event.end):
            found.append(event)
    return found


def _events_between(calendar: Calendar, start: datetime, end: datetime) -> list[Any]:
    """The VEVENTs that may be under way between `start` and `end`. Repeating ones (and
    their moved instances) are expanded by recurring-ical-events; a single event is taken as
    it is, which is most of a WFM feed and far quicker."""
    events = [c for c in calendar.subcomponents if c.name == "VEVENT"]
    repeating_uids = {
        str(event.get("UID", ""))
        for event in events
        if any(name in event for name in ("RRULE", "RDATE", "RECURRENCE-ID"))
    }
    found = [event for event in events if str(event.get("UID", "")) not in repeating_uids]
    if not repeating_uids:
        return found
    repeating = Calendar()
    for component in calendar.subcomponents:
        if component.name == "VTIMEZONE" or (
            component.name == "VEVENT" and str(component.get("UID", "")) in repeating_uids
        ):
            repeating.add_component(component)
    try:
        found += recurring_ical_events.of(repeating).between(start, end)
    except (ValueError, TypeError, KeyError) as error:
        message = _("the calendar's events can't be expanded: {reason}")
        raise CalendarInvalid(message.format(reason=str(error).splitlines()[0][:120])) from None
    return found


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
    starts = [start for start, _end in spans]
    breaks: list[list[PlannedBreak]] = [[] for _span in spans]
    for event, kind in zip(events, kinds, strict=True):
        if kind not in (FixedKind.BREAK.value, FixedKind.LUNCH.value):
            continue
        index = bisect.bisect_right(starts, event.start) - 1
        if index >= 0 and event.start < spans[index][1]:
            end = min(event.end, spans[index][1])
            breaks[index].append(PlannedBreak(event.start, end, FixedKind(kind), event.title))
    return [
        PlanShift(start, end, tuple(found))
        for (start, end), found in zip(spans, breaks, strict=True)
    ]


def _event(event: Any) -> CalendarEvent | None:
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return None
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
    title = str(event.get("SUMMARY", "")).strip()
    return CalendarEvent(_kept_zone(begins), _kept_zone(ends), title)


def _timed(event: CalendarEvent, tz: tzinfo) -> _Timed | None:
    first, last = _aware(event.start, tz), _aware(event.end, tz)
    if last <= first:
        return None
    return _Timed(first, last, event.title)


def _kept_zone(moment: datetime) -> datetime:
    """An aware time in UTC (so a kept copy needs no zone rules); a floating one as it is."""
    return moment.astimezone(UTC) if moment.tzinfo else moment


def _as_utc(moment: datetime) -> datetime:
    """An aware time in UTC; a floating one read as if in UTC (callers allow a day's margin)."""
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _aware(moment: datetime, tz: tzinfo) -> datetime:
    """A floating time is read in the user's zone, like the times in the settings."""
    if moment.tzinfo is None:
        return local_instant(moment, tz)
    return moment.astimezone(UTC)
