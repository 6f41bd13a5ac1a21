"""The weekly schedule: shifts per weekday in the user's time zone, and days off.

Shifts are planned in local wall time and turned into UTC instants with zoneinfo, so a week
with a DST change still starts at 09:00 every morning. A span whose end is not after its
start crosses midnight (a night shift).

On the nights the clocks change, a written time may not exist or may come twice. It is read
as the first moment the clock shows it: a time the clock skips is the moment it jumps
(02:30 on a spring-forward night is 03:00), a time it shows twice is the first time. A shift
whose start comes twice is then held to its planned length, so the repeated hour is not
added to it (it would end an hour later than planned); a shift that merely runs across the
change keeps both its written times, as the clock shows them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from shiftwell.core.i18n import _, marked

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Shown translated: `_(SPAN_HELP)`.
SPAN_HELP = marked('e.g. "09:00-17:00", "09:00-12:00, 13:00-17:00", "22:00-06:00" or "off"')
_SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


@dataclass(frozen=True)
class Span:
    start: time
    end: time

    @property
    def crosses_midnight(self) -> bool:
        return self.end <= self.start

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True)
class PlannedShift:
    start: datetime  # aware UTC
    end: datetime

    @property
    def length(self) -> timedelta:
        return self.end - self.start


@dataclass(frozen=True)
class DaysOff:
    first: date
    last: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


def _default_days() -> dict[int, tuple[Span, ...]]:
    office = (Span(time(9), time(17)),)
    return {day: office if day < 5 else () for day in range(7)}


@dataclass(frozen=True)
class WeeklySchedule:
    tz: tzinfo
    days: Mapping[int, tuple[Span, ...]] = field(default_factory=_default_days)
    days_off: tuple[DaysOff, ...] = ()

    def is_day_off(self, day: date) -> bool:
        return any(day in off for off in self.days_off)

    def shifts_between(self, start: datetime, end: datetime) -> list[PlannedShift]:
        """Planned shifts overlapping [start, end), in order."""
        first = start.astimezone(self.tz).date() - timedelta(days=1)
        last = end.astimezone(self.tz).date()
        return [
            shift
            for shift in self._shifts_from(first, (last - first).days + 1)
            if shift.end > start and shift.start < end
        ]

    def current_or_next(self, now: datetime, horizon_days: int = 15) -> PlannedShift | None:
        """The shift under way at `now`, or else the next one to start."""
        for shift in self._shifts_from(
            now.astimezone(self.tz).date() - timedelta(days=1), horizon_days
        ):
            if shift.end > now:
                return shift
        return None

    def containing(self, now: datetime) -> PlannedShift | None:
        shift = self.current_or_next(now)
        return shift if shift is not None and shift.start <= now else None

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.tz).date()

    def _shifts_from(self, first: date, days: int) -> Iterator[PlannedShift]:
        for offset in range(days):
            day = first + timedelta(days=offset)
            if self.is_day_off(day):
                continue
            for span in self.days.get(day.weekday(), ()):
                yield span_on(day, span, self.tz)


def span_on(day: date, span: Span, tz: tzinfo) -> PlannedShift:
    """The shift `span` written for `day` in zone `tz`, as UTC instants."""
    end_day = day + timedelta(days=1) if span.crosses_midnight else day
    written_start = datetime.combine(day, span.start)
    written_end = datetime.combine(end_day, span.end)
    start = local_instant(written_start, tz)
    end = local_instant(written_end, tz)
    if _comes_twice(written_start, tz):
        end = min(end, start + (written_end - written_start))
    return PlannedShift(start=start, end=end)


def local_instant(wall: datetime, tz: tzinfo) -> datetime:
    """The first moment (UTC) the clock in `tz` shows the naive `wall` time, or, if the
    clock skips it, the moment it jumps past it."""
    first, second = sorted(wall.replace(tzinfo=tz, fold=fold).astimezone(UTC) for fold in (0, 1))
    if _shows(first, wall, tz):
        return first
    if _shows(second, wall, tz):
        return second
    # In a gap: the clock jumps somewhere between the two readings; find the second.
    jumped = second.astimezone(tz).utcoffset()
    low, high = first, second
    while high - low > timedelta(seconds=1):
        middle = (low + (high - low) / 2).replace(microsecond=0)
        if middle.astimezone(tz).utcoffset() == jumped:
            high = middle
        else:
            low = middle
    return high


def _shows(instant: datetime, wall: datetime, tz: tzinfo) -> bool:
    return instant.astimezone(tz).replace(tzinfo=None, fold=0) == wall.replace(fold=0)


def _comes_twice(wall: datetime, tz: tzinfo) -> bool:
    readings = {wall.replace(tzinfo=tz, fold=fold).astimezone(UTC) for fold in (0, 1)}
    return len(readings) == 2 and all(_shows(r, wall, tz) for r in readings)


def parse_spans(text: str) -> tuple[Span, ...]:
    """`"09:00-12:00, 13:00-17:00"` → spans; `"off"` → none."""
    if text.strip().lower() == "off":
        return ()
    spans = []
    for part in text.split(","):
        match = _SPAN.match(part)
        if match is None:
            raise _span_error(_("{value} is not a shift ({examples})"), text)
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            raise _span_error(_("{value} has an impossible time ({examples})"), part.strip())
        span = Span(time(h1, m1), time(h2, m2))
        if span.start == span.end:
            raise _span_error(_("{value} is empty ({examples})"), part.strip())
        spans.append(span)
    ordered = sorted(spans, key=lambda s: s.start)
    for before, after in itertools.pairwise(ordered):
        if before.crosses_midnight or before.end > after.start:
            raise _span_error(_("{value} has overlapping spans ({examples})"), text)
    return tuple(ordered)


def night_overlap(evening: tuple[Span, ...], morning: tuple[Span, ...]) -> bool:
    """Whether a day's `evening` spans run past midnight into the next day's first span."""
    night = evening[-1] if evening else None  # only the last span may cross midnight
    if night is None or not night.crosses_midnight or not morning:
        return False
    return night.end > morning[0].start


def _span_error(message: str, value: str) -> ValueError:
    """`message` (already translated) about `value`, with the examples of what is allowed."""
    return ValueError(message.format(value=repr(value), examples=_(SPAN_HELP)))


def parse_days_off(value: Any) -> tuple[DaysOff, ...]:
    """A list of `"2026-12-24"` or `"2026-12-27..2027-01-02"` strings."""
    if not isinstance(value, Sequence) or isinstance(value, str):
        message = _(
            "{value} must be a list of dates or ranges like "
            '["2026-12-24", "2026-12-27..2027-01-02"]'
        )
        raise ValueError(message.format(value=repr(value)))
    result = []
    for item in value:
        if not isinstance(item, str):
            message = _('{value} is not a date (write "2026-12-24")')
            raise ValueError(message.format(value=repr(item)))
        first_text, _dots, last_text = item.partition("..")
        try:
            first = date.fromisoformat(first_text.strip())
            last = date.fromisoformat(last_text.strip()) if last_text else first
        except ValueError:
            message = _(
                '{value} is not a date or range (write "2026-12-24" or "2026-12-27..2027-01-02")'
            )
            raise ValueError(message.format(value=repr(item))) from None
        if last < first:
            raise ValueError(_("{value} ends before it starts").format(value=repr(item)))
        result.append(DaysOff(first, last))
    return tuple(result)
