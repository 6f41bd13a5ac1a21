"""How well the breaks at fixed times were kept: the figures a contact centre's planning team
calls adherence, worked out for the user alone (nothing here is sent anywhere).

One set of rules, used by the log-off screen (over the engine's records of the shift), the
weekly review, `shiftwell stats` and the exports (over the stored rows):

- A fixed break is **missed** when it was never started (no actual start on record).
- It is **on schedule** when it started no more than 2 minutes from its planned minute and
  ended no more than 1 minute from its planned end, early or late. A break a call deferred
  is judged the same way: the minute is the planning team's, whatever the reason.
- **Back late** is, for each break that ended more than 1 minute after its planned end, the
  whole time past that end (back 3 min late counts 3 min; back 50 s late counts nothing).
- A lunch is **taken in full** when it lasted (actual end minus actual start) at least its
  planned length less 1 minute; a missed lunch is not.
- A break started but with no end on record is **under way** (or its end was lost): it is
  left out of every figure rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from shiftwell.core.plan import FixedKind

# Started within this of the planned minute: on time.
START_TOLERANCE = timedelta(minutes=2)
# Back within this of the planned end: on time; later, the whole lateness counts.
END_TOLERANCE = timedelta(minutes=1)
# A lunch this much shorter than planned is still taken in full.
LUNCH_TOLERANCE = timedelta(minutes=1)


class FixedBreakTimes(Protocol):
    """A fixed break's planned and actual times (core.model.FixedBreakRecord, or a stored
    row read back)."""

    @property
    def kind(self) -> FixedKind: ...
    @property
    def planned_start(self) -> datetime: ...
    @property
    def planned_end(self) -> datetime: ...
    @property
    def actual_start(self) -> datetime | None: ...
    @property
    def actual_end(self) -> datetime | None: ...


@dataclass(frozen=True)
class Judged:
    """One fixed break against its plan; offsets are actual minus planned (negative: early)."""

    kind: FixedKind
    planned_length: timedelta
    missed: bool
    under_way: bool
    start_offset: timedelta | None
    end_offset: timedelta | None
    taken: timedelta | None  # from actual start to actual end

    @property
    def started_late(self) -> bool:
        return self.start_offset is not None and self.start_offset > START_TOLERANCE

    @property
    def on_schedule(self) -> bool:
        if self.start_offset is None or self.end_offset is None:
            return False
        return abs(self.start_offset) <= START_TOLERANCE and abs(self.end_offset) <= END_TOLERANCE

    @property
    def back_late(self) -> timedelta:
        """The whole time past the planned end, once it is more than the tolerance."""
        if self.end_offset is None or self.end_offset <= END_TOLERANCE:
            return timedelta(0)
        return self.end_offset

    @property
    def ended_early(self) -> timedelta:
        if self.end_offset is None or -self.end_offset <= END_TOLERANCE:
            return timedelta(0)
        return -self.end_offset

    @property
    def lunch_in_full(self) -> bool | None:
        """None for a break that is not a lunch."""
        if self.kind is not FixedKind.LUNCH:
            return None
        return self.taken is not None and self.taken >= self.planned_length - LUNCH_TOLERANCE


def judge(item: FixedBreakTimes) -> Judged:
    planned_length = item.planned_end - item.planned_start
    if item.actual_start is None:
        return Judged(item.kind, planned_length, True, False, None, None, None)
    start_offset = item.actual_start - item.planned_start
    if item.actual_end is None:
        return Judged(item.kind, planned_length, False, True, start_offset, None, None)
    return Judged(
        item.kind,
        planned_length,
        False,
        False,
        start_offset,
        item.actual_end - item.planned_end,
        item.actual_end - item.actual_start,
    )


@dataclass(frozen=True)
class Adherence:
    """A day's or a week's fixed breaks in a few numbers (those under way left out)."""

    breaks: int = 0  # judged: taken and ended, or missed
    on_schedule: int = 0
    back_late: int = 0  # breaks back more than the tolerance late
    back_late_seconds: int = 0
    lunches: int = 0
    lunches_in_full: int = 0
    missed: int = 0

    @property
    def any(self) -> bool:
        return self.breaks > 0

    @property
    def on_schedule_rate(self) -> float | None:
        return self.on_schedule / self.breaks if self.breaks else None

    @property
    def lunches_rate(self) -> float | None:
        return self.lunches_in_full / self.lunches if self.lunches else None

    def __add__(self, other: Adherence) -> Adherence:
        return Adherence(
            self.breaks + other.breaks,
            self.on_schedule + other.on_schedule,
            self.back_late + other.back_late,
            self.back_late_seconds + other.back_late_seconds,
            self.lunches + other.lunches,
            self.lunches_in_full + other.lunches_in_full,
            self.missed + other.missed,
        )


def adherence(items: Iterable[FixedBreakTimes]) -> Adherence:
    """The figures for `items` (a shift's, a day's or a week's fixed breaks)."""
    total = Adherence()
    for item in items:
        judged = judge(item)
        if judged.under_way:
            continue
        lunch = judged.lunch_in_full
        total += Adherence(
            breaks=1,
            on_schedule=int(judged.on_schedule),
            back_late=int(judged.back_late > timedelta(0)),
            back_late_seconds=round(judged.back_late.total_seconds()),
            lunches=int(lunch is not None),
            lunches_in_full=int(bool(lunch)),
            missed=int(judged.missed),
        )
    return total
