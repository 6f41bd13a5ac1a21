"""The plan of each day: the shifts with their breaks at fixed times.

Contact centres set the minute of each break and lunch; they are written in the settings
(`schedule.breaks`, `schedule.breaks_by_day`, a `schedule.rotation` of several weeks) or
come from a calendar (`core/calendar_plan.py`). Both give the same `PlanDay`s: a shift
belongs to the day it starts on in the user's zone, its breaks to the shift they lie in.

Break times are wall-clock times like the shifts (so they keep their minute across DST);
a break lasts its written length in real minutes even on the night the clocks change.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from shiftwell.core.durations import DurationError, parse_duration, to_setting
from shiftwell.core.i18n import _, marked
from shiftwell.core.schedule import (
    WEEKDAYS,
    Span,
    WeeklySchedule,
    local_instant,
    night_overlap,
    parse_spans,
    span_on,
)

# Shown translated: `_(BREAK_HELP)`.
BREAK_HELP = marked('e.g. "10:30 15m", "12:30 30m lunch"')
_BREAK = re.compile(r"^\s*(\d{1,2}):(\d{2})\s+(\S+)(?:\s+(break|lunch))?\s*$", re.IGNORECASE)
_LONGEST_BREAK = timedelta(hours=4)


class FixedKind(StrEnum):
    BREAK = "break"
    LUNCH = "lunch"


@dataclass(frozen=True)
class FixedBreak:
    """A break at a wall-clock minute, as the settings write it: `"12:30 30m lunch"`."""

    start: time
    length: timedelta
    kind: FixedKind = FixedKind.BREAK

    def __str__(self) -> str:
        text = f"{self.start:%H:%M} {to_setting(self.length)}"
        return text if self.kind is FixedKind.BREAK else f"{text} {self.kind.value}"

    def within(self, span: Span) -> bool:
        """Whether the break lies wholly inside `span` (which may cross midnight)."""
        return _wall_in(self, span, date(2001, 1, 1)) is not None


@dataclass(frozen=True)
class PlannedBreak:
    start: datetime  # aware UTC
    end: datetime
    kind: FixedKind
    title: str


@dataclass(frozen=True)
class PlanShift:
    start: datetime  # aware UTC
    end: datetime
    breaks: tuple[PlannedBreak, ...] = ()


@dataclass(frozen=True)
class PlanDay:
    day: date  # in the user's zone
    shifts: tuple[PlanShift, ...] = ()


def default_title(kind: FixedKind) -> str:
    return _("Lunch") if kind is FixedKind.LUNCH else _("Break")


# --- reading the settings ------------------------------------------------------------------


def _break_error(value: Any) -> ValueError:
    message = _("{value} is not a break ({examples})")
    return ValueError(message.format(value=repr(value), examples=_(BREAK_HELP)))


def parse_fixed_break(text: Any) -> FixedBreak:
    """`"10:30 15m"` or `"12:30 30m lunch"`."""
    match = _BREAK.match(text) if isinstance(text, str) else None
    if match is None:
        raise _break_error(text)
    hours, minutes, length_text, kind = match.groups()
    if int(hours) > 23 or int(minutes) > 59:
        raise _break_error(text)
    try:
        length = parse_duration(length_text)
    except DurationError:
        raise _break_error(text) from None
    if not timedelta(minutes=1) <= length <= _LONGEST_BREAK:
        message = _("{value} must last from 1m to 4h")
        raise ValueError(message.format(value=repr(text)))
    chosen = FixedKind(kind.lower()) if kind else FixedKind.BREAK
    return FixedBreak(time(int(hours), int(minutes)), length, chosen)


def parse_fixed_breaks(value: Any) -> tuple[FixedBreak, ...]:
    """A list of breaks, in order; two that overlap are refused."""
    if not isinstance(value, list):
        message = _('{value} must be a list of breaks, e.g. ["10:30 15m", "12:30 30m lunch"]')
        raise ValueError(message.format(value=repr(value)))
    breaks = sorted((parse_fixed_break(item) for item in value), key=lambda b: b.start)
    for before, after in itertools.pairwise(breaks):
        ends = datetime.combine(date(2001, 1, 1), before.start) + before.length
        if ends > datetime.combine(date(2001, 1, 1), after.start):
            message = _("{value} overlaps {other}")
            raise ValueError(message.format(value=repr(str(after)), other=repr(str(before))))
    return tuple(breaks)


def write_fixed_breaks(breaks: tuple[FixedBreak, ...]) -> list[str]:
    return [str(item) for item in breaks]


def parse_breaks_by_day(value: Any) -> dict[int, tuple[FixedBreak, ...]]:
    """A table of weekday -> list of breaks (replacing `schedule.breaks` that day)."""
    if not isinstance(value, Mapping):
        message = _('{value} must be a table of weekdays, e.g. friday = ["10:30 15m"]')
        raise ValueError(message.format(value=repr(value)))
    result: dict[int, tuple[FixedBreak, ...]] = {}
    for name, breaks in value.items():
        if name not in WEEKDAYS:
            message = _("{value} is not a weekday (monday to sunday)")
            raise ValueError(message.format(value=repr(name)))
        try:
            result[WEEKDAYS.index(name)] = parse_fixed_breaks(breaks)
        except ValueError as error:
            raise ValueError(f"{name}: {error}") from None
    return result


def write_breaks_by_day(value: Mapping[int, tuple[FixedBreak, ...]]) -> dict[str, list[str]]:
    return {WEEKDAYS[day]: write_fixed_breaks(breaks) for day, breaks in sorted(value.items())}


@dataclass(frozen=True)
class RotationWeek:
    """One week of a rotation: its shifts by weekday (a day not named is off) and, if given,
    the breaks of every day of that week."""

    days: Mapping[int, tuple[Span, ...]]
    breaks: tuple[FixedBreak, ...] | None = None


@dataclass(frozen=True)
class Rotation:
    """Weeks that take turns: the week holding `first` is the rotation's first week."""

    first: date  # a Monday
    weeks: tuple[RotationWeek, ...]

    def week_of(self, day: date) -> RotationWeek:
        return self.weeks[((day - self.first).days // 7) % len(self.weeks)]


ROTATION_HELP = marked(
    'e.g. {from = "2026-11-30", weeks = [{monday = "09:00-17:00"}, {monday = "13:00-21:00"}]}'
)


def _rotation_error(value: Any) -> ValueError:
    message = _("{value} is not a rotation ({examples})")
    return ValueError(message.format(value=repr(value), examples=_(ROTATION_HELP)))


def parse_rotation(value: Any) -> Rotation:
    if not isinstance(value, Mapping) or set(value) != {"from", "weeks"}:
        raise _rotation_error(value)
    start, weeks = value["from"], value["weeks"]
    if isinstance(start, str):
        try:
            start = date.fromisoformat(start)
        except ValueError:
            raise _rotation_error(value) from None
    if isinstance(start, datetime) or not isinstance(start, date):
        raise _rotation_error(value)
    if not isinstance(weeks, list) or not 1 <= len(weeks) <= 12:
        message = _("{value} must list 1 to 12 weeks")
        raise ValueError(message.format(value=repr(weeks)))
    parsed = tuple(_rotation_week(number, week) for number, week in enumerate(weeks, 1))
    sequence = [week.days.get(day, ()) for week in parsed for day in range(7)]
    for index, spans in enumerate(sequence):
        if night_overlap(spans, sequence[(index + 1) % len(sequence)]):
            message = _("week {number}: the shift on {day} runs into the next day's shift")
            day = WEEKDAYS[index % 7]
            raise ValueError(message.format(number=index // 7 + 1, day=day))
    return Rotation(start - timedelta(days=start.weekday()), parsed)


def _rotation_week(number: int, week: Any) -> RotationWeek:
    if not isinstance(week, Mapping) or not set(week) <= {*WEEKDAYS, "breaks"}:
        message = _("week {number}: {value} must name weekdays and, if you like, breaks")
        raise ValueError(message.format(number=number, value=repr(week)))
    try:
        days = {
            WEEKDAYS.index(name): _spans(text) for name, text in week.items() if name != "breaks"
        }
        breaks = parse_fixed_breaks(week["breaks"]) if "breaks" in week else None
    except ValueError as error:
        message = _("week {number}: {problem}").format(number=number, problem=error)
        raise ValueError(message) from None
    result = RotationWeek(days, breaks)
    for day, spans in days.items():
        if breaks is not None and (stray := break_outside(spans, breaks)) is not None:
            message = _("week {number}: {value} is outside the shifts on {day}")
            raise ValueError(
                message.format(number=number, value=repr(str(stray)), day=WEEKDAYS[day])
            )
    return result


def _spans(text: Any) -> tuple[Span, ...]:
    if not isinstance(text, str):
        message = _('{value} must be a string such as "09:00-17:00" or "off"')
        raise ValueError(message.format(value=repr(text)))
    return parse_spans(text)


def write_rotation(rotation: Rotation) -> dict[str, Any]:
    weeks: list[dict[str, Any]] = []
    for week in rotation.weeks:
        written: dict[str, Any] = {
            WEEKDAYS[day]: ", ".join(map(str, spans)) if spans else "off"
            for day, spans in sorted(week.days.items())
        }
        if week.breaks is not None:
            written["breaks"] = write_fixed_breaks(week.breaks)
        weeks.append(written)
    return {"from": rotation.first.isoformat(), "weeks": weeks}


def break_outside(spans: Sequence[Span], breaks: Sequence[FixedBreak]) -> FixedBreak | None:
    """The first break that lies in none of a working day's `spans` (None: all fit, or the
    day has no shift, when its breaks are simply not used)."""
    if not spans:
        return None
    return next((b for b in breaks if not any(b.within(span) for span in spans)), None)


# --- the plan from the settings ------------------------------------------------------------


@dataclass(frozen=True)
class SettingsPlan:
    """The days as the settings write them: the weekly pattern (or the rotation, which
    replaces it), the days off, and the fixed breaks."""

    schedule: WeeklySchedule
    breaks: tuple[FixedBreak, ...] = ()
    breaks_by_day: Mapping[int, tuple[FixedBreak, ...]] = field(default_factory=dict)
    rotation: Rotation | None = None

    def days(self, first: date, count: int) -> list[PlanDay]:
        return [self.day(first + timedelta(days=offset)) for offset in range(count)]

    def day(self, day: date) -> PlanDay:
        if self.schedule.is_day_off(day):
            return PlanDay(day)
        spans, breaks = self.pattern(day)
        tz = self.schedule.tz
        shifts = []
        for span in spans:
            planned = span_on(day, span, tz)
            placed = tuple(_placed(b, span, day, tz) for b in breaks if b.within(span))
            shifts.append(PlanShift(planned.start, planned.end, placed))
        return PlanDay(day, tuple(shifts))

    def around(self, now: datetime, ahead: int = 7) -> list[PlanDay]:
        """The days from yesterday (a night shift may still run) to `ahead` days after
        today, today being `now`'s date in the schedule's zone."""
        today = now.astimezone(self.schedule.tz).date()
        return self.days(today - timedelta(days=1), ahead + 2)

    def pattern(self, day: date) -> tuple[tuple[Span, ...], tuple[FixedBreak, ...]]:
        """The spans written for `day`'s weekday and the breaks that go with them."""
        weekday = day.weekday()
        fallback = self.breaks_by_day.get(weekday, self.breaks)
        if self.rotation is None:
            return self.schedule.days.get(weekday, ()), fallback
        week = self.rotation.week_of(day)
        own = week.breaks if week.breaks is not None else fallback
        return week.days.get(weekday, ()), own


def _wall_in(fixed: FixedBreak, span: Span, day: date) -> datetime | None:
    """The break's written start on the shift that starts on `day`, if it fits the span."""
    shift_start = datetime.combine(day, span.start)
    shift_end = datetime.combine(day + timedelta(days=int(span.crosses_midnight)), span.end)
    start = datetime.combine(day, fixed.start)
    if start < shift_start:
        start += timedelta(days=1)
    return start if start + fixed.length <= shift_end else None


def _placed(fixed: FixedBreak, span: Span, day: date, tz: tzinfo) -> PlannedBreak:
    wall = _wall_in(fixed, span, day)
    assert wall is not None  # only breaks within the span are placed
    start = local_instant(wall, tz)
    return PlannedBreak(start, start + fixed.length, fixed.kind, default_title(fixed.kind))


def iter_breaks(days: Sequence[PlanDay]) -> Iterator[PlannedBreak]:
    for day in days:
        for shift in day.shifts:
            yield from shift.breaks


def next_break(days: Sequence[PlanDay], now: datetime) -> PlannedBreak | None:
    """The fixed break under way at `now`, or else the next one to start."""
    return next((item for item in iter_breaks(days) if item.end > now), None)


def shift_now_or_next(days: Sequence[PlanDay], now: datetime) -> PlanShift | None:
    """The planned shift under way at `now`, or else the next one to start."""
    shifts = (shift for day in days for shift in day.shifts)
    return next((shift for shift in shifts if shift.end > now), None)
