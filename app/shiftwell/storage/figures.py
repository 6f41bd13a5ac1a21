"""The week's figures as plain data: what the queries in `storage.stats` return.

No SQL here, so the report layer and the screens can use these types without the database.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from shiftwell.core.adherence import Adherence
from shiftwell.core.i18n import _
from shiftwell.core.plan import FixedKind

DEFAULT_OVERTIME_CAP = timedelta(hours=2)
# A log-off up to this long after the planned end still counts as on time.
ON_TIME_GRACE = timedelta(minutes=1)

_WEEK_PATTERN = re.compile(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE)


# --- weeks -----------------------------------------------------------------------------------


def weeks_in_year(year: int) -> int:
    """52 or 53: 28 December always lies in the last ISO week of its year."""
    return date(year, 12, 28).isocalendar().week


@dataclass(frozen=True, order=True)
class IsoWeek:
    year: int
    week: int

    def __post_init__(self) -> None:
        # Figures need the week before and the one after, inside the calendar's years 1-9999.
        if not 2 <= self.year <= 9998:
            raise ValueError(_("year {year} is out of range (2 to 9998)").format(year=self.year))
        last = weeks_in_year(self.year)
        if not 1 <= self.week <= last:
            message = _("{year} has weeks 1 to {last_week}, not week {week}")
            raise ValueError(message.format(year=self.year, last_week=last, week=self.week))

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """`2026-W48` (also `2026W48`, `2026-w48`)."""
        match = _WEEK_PATTERN.fullmatch(text.strip())
        if match is None:
            message = _("{text} is not an ISO week; write it like 2026-W48")
            raise ValueError(message.format(text=repr(text)))
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def containing(cls, day: date) -> IsoWeek:
        year, week, _weekday = day.isocalendar()
        return cls(year, week)

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def days(self) -> tuple[date, ...]:
        monday = self.monday
        return tuple(monday + timedelta(days=offset) for offset in range(7))

    def previous(self) -> IsoWeek:
        return IsoWeek.containing(self.monday - timedelta(days=7))

    def next(self) -> IsoWeek:
        return IsoWeek.containing(self.monday + timedelta(days=7))

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


# --- figures ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BreakCounts:
    """How the breaks that fell due went.

    kept: micro or long breaks completed; natural: time away from the desk long enough to
    count as a break; postponed: each time a due break was put off; skipped: breaks skipped.
    """

    kept: int = 0
    natural: int = 0
    postponed: int = 0
    skipped: int = 0

    @property
    def due(self) -> int:
        return self.kept + self.natural + self.postponed + self.skipped

    @property
    def kept_rate(self) -> float | None:
        """Share of due breaks honoured: (kept + natural) / (kept + natural + postponed + skipped).

        Every moment a break fell due counts once, so a break postponed twice and then taken
        counts as one honoured out of three due. Breaks cut short by the end of the shift
        count in neither part. None when no break fell due.
        """
        return (self.kept + self.natural) / self.due if self.due else None

    def __add__(self, other: BreakCounts) -> BreakCounts:
        return BreakCounts(
            self.kept + other.kept,
            self.natural + other.natural,
            self.postponed + other.postponed,
            self.skipped + other.skipped,
        )


@dataclass(frozen=True)
class OvertimeLine:
    day: date
    shift_id: str
    granted_at: datetime
    seconds: int
    reason: str


@dataclass(frozen=True)
class DayFigures:
    day: date
    shifts: int = 0
    planned_seconds: int = 0
    # From start to log-off; an open shift counts up to the moment the figures were taken.
    worked_seconds: int = 0
    focus_seconds: int = 0
    breaks: BreakCounts = field(default_factory=BreakCounts)
    # The day's last planned end and last log-off (None while a shift is still open).
    planned_end: datetime | None = None
    logged_off: datetime | None = None
    overtime_seconds: int = 0
    overtime: tuple[OvertimeLine, ...] = ()
    checkin_total: int = 0
    checkins: int = 0
    # A shift this day was started outside the schedule (before the shift, on a day off).
    off_schedule: bool = False
    # The day's breaks at fixed times, by core.adherence's rules.
    fixed: Adherence = field(default_factory=Adherence)

    @property
    def worked(self) -> bool:
        return self.shifts > 0

    @property
    def late_seconds(self) -> int | None:
        """How long after the planned end the last log-off came (0 if not later); None if open."""
        if self.planned_end is None or self.logged_off is None:
            return None
        return max(0, round((self.logged_off - self.planned_end).total_seconds()))

    @property
    def on_time(self) -> bool | None:
        late = self.late_seconds
        return None if late is None else late <= ON_TIME_GRACE.total_seconds()

    @property
    def checkin_mean(self) -> float | None:
        return self.checkin_total / self.checkins if self.checkins else None


@dataclass(frozen=True)
class Headline:
    """The week in a few numbers (also kept for the week before, to show the trend)."""

    days_worked: int = 0
    planned_seconds: int = 0
    worked_seconds: int = 0
    focus_seconds: int = 0
    # Days with a log-off (no shift left open), and of those the ones logged off on time:
    # the day's last log-off no later than its last planned end plus one minute.
    logoff_days: int = 0
    on_time_days: int = 0
    breaks: BreakCounts = field(default_factory=BreakCounts)
    overtime_seconds: int = 0
    overtime_cap_seconds: int = int(DEFAULT_OVERTIME_CAP.total_seconds())
    days_off_schedule: int = 0
    checkin_total: int = 0
    checkins: int = 0
    fixed: Adherence = field(default_factory=Adherence)

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time_days / self.logoff_days if self.logoff_days else None

    @property
    def breaks_kept_rate(self) -> float | None:
        return self.breaks.kept_rate

    @property
    def over_cap(self) -> bool:
        return self.overtime_seconds > self.overtime_cap_seconds

    @property
    def checkin_mean(self) -> float | None:
        return self.checkin_total / self.checkins if self.checkins else None

    @classmethod
    def of(cls, days: Sequence[DayFigures], overtime_cap: timedelta) -> Headline:
        # Sums over at most seven per-day rows that SQL already aggregated.
        worked = [d for d in days if d.worked]
        closed = [d for d in worked if d.on_time is not None]
        breaks = BreakCounts()
        fixed = Adherence()
        for day in days:
            breaks += day.breaks
            fixed += day.fixed
        return cls(
            days_worked=len(worked),
            planned_seconds=sum(d.planned_seconds for d in days),
            worked_seconds=sum(d.worked_seconds for d in days),
            focus_seconds=sum(d.focus_seconds for d in days),
            logoff_days=len(closed),
            on_time_days=sum(1 for d in closed if d.on_time),
            breaks=breaks,
            overtime_seconds=sum(d.overtime_seconds for d in days),
            overtime_cap_seconds=round(overtime_cap.total_seconds()),
            days_off_schedule=sum(1 for d in days if d.off_schedule),
            checkin_total=sum(d.checkin_total for d in days),
            checkins=sum(d.checkins for d in days),
            fixed=fixed,
        )


@dataclass(frozen=True)
class WeekFigures:
    week: IsoWeek
    tz: ZoneInfo
    days: tuple[DayFigures, ...]  # Monday to Sunday, always seven
    headline: Headline
    previous: Headline  # the same figures for the week before
    # This week's breaks at fixed times, planned and as taken, in planned order.
    fixed_breaks: tuple[FixedBreakLine, ...] = ()

    @property
    def empty(self) -> bool:
        return self.headline.days_worked == 0


@dataclass(frozen=True)
class ShiftLine:
    day: date
    id: str
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime
    actual_end: datetime | None
    scheduled: bool


@dataclass(frozen=True)
class SegmentLine:
    day: date
    shift_id: str
    id: str
    kind: str
    outcome: str | None
    planned_start: datetime
    planned_end: datetime | None
    actual_start: datetime
    actual_end: datetime | None
    checkin_score: int | None
    checkin_word: str | None

    @property
    def seconds(self) -> int | None:
        if self.actual_end is None:
            return None
        return round((self.actual_end - self.actual_start).total_seconds())


@dataclass(frozen=True)
class FixedBreakLine:
    """A break at a fixed time as stored: planned, and when it was really taken (no actual
    start: missed). `day` is the local day its shift started."""

    day: date
    shift_id: str
    id: str
    kind: FixedKind
    title: str
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime | None
    actual_end: datetime | None
