"""What a week really was: figures per day and for the whole week, aggregated in SQL.

Weeks are ISO weeks (Monday to Sunday) in the user's time zone, and a shift belongs to the
local date on which it actually started, with everything recorded under it (its segments and
overtime grants) — so a night shift stays on the evening it began. Times are stored as UTC;
the local day boundaries are turned into UTC instants here, so each query is a range scan on
`shift.actual_start` plus a GROUP BY over a day number computed from those boundaries.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa
from sqlmodel import col

from shiftwell.core.breaks import BREAK_COUNTS, FOCUS_SEGMENTS, BreakCount
from shiftwell.core.i18n import _
from shiftwell.storage.models import OvertimeRow, SegmentRow, ShiftRow, UTCDateTime

DEFAULT_OVERTIME_CAP = timedelta(hours=2)
# A log-off up to this long after the planned end still counts as on time.
ON_TIME_GRACE = timedelta(minutes=1)

FOCUS_KINDS = tuple(sorted(kind.value for kind in FOCUS_SEGMENTS))

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


def local_midnight(day: date, tz: ZoneInfo) -> datetime:
    """The UTC instant at which `day` begins in `tz`."""
    return datetime.combine(day, time(), tzinfo=tz).astimezone(UTC)


def system_zone() -> ZoneInfo:
    """The user's zone as a named IANA zone, so DST changes are known (UTC if none is set)."""
    name = os.environ.get("TZ", "").lstrip(":")
    candidates = [name] if name else []
    localtime = Path("/etc/localtime")
    try:
        target = str(localtime.resolve())
    except OSError:
        target = ""
    if "/zoneinfo/" in target:
        candidates.append(target.split("/zoneinfo/", 1)[1])
    for candidate in candidates:
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    if localtime.is_file():
        with localtime.open("rb") as file:
            return ZoneInfo.from_file(file, key="localtime")
    return ZoneInfo("UTC")


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
class OvertimeGrant:
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
    overtime: tuple[OvertimeGrant, ...] = ()
    checkin_total: int = 0
    checkins: int = 0
    # A shift this day was started outside the schedule (before the shift, on a day off).
    off_schedule: bool = False

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
        for day in days:
            breaks += day.breaks
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
        )


@dataclass(frozen=True)
class WeekFigures:
    week: IsoWeek
    tz: ZoneInfo
    days: tuple[DayFigures, ...]  # Monday to Sunday, always seven
    headline: Headline
    previous: Headline  # the same figures for the week before

    @property
    def empty(self) -> bool:
        return self.headline.days_worked == 0


def week_figures(
    engine: sa.Engine,
    week: IsoWeek,
    tz: ZoneInfo | None = None,
    overtime_cap: timedelta = DEFAULT_OVERTIME_CAP,
    *,
    now: datetime | None = None,
) -> WeekFigures:
    """Figures for `week` and the week before: three GROUP BY queries over both weeks' shifts
    (shifts, their segments, their overtime), and one for this week's overtime reasons.

    `now` (aware; default: the current time) is where still-open shifts and segments end.
    """
    tz = tz or system_zone()
    _check_arguments(tz, overtime_cap, now)
    moment = now or datetime.now(UTC)
    fortnight = (*week.previous().days, *week.days)
    bounds = [local_midnight(day, tz) for day in (*fortnight, week.next().monday)]
    with engine.connect() as connection:
        shifts = _shift_sums(connection, bounds, moment)
        segments = _segment_sums(connection, bounds, moment)
        overtime = _overtime_sums(connection, bounds)
        grants = _grants(connection, bounds[7:], week.days)
    days = []
    for index, day in enumerate(fortnight):
        days.append(_day(day, shifts.get(index), segments.get(index), overtime.get(index), grants))
    return WeekFigures(
        week=week,
        tz=tz,
        days=tuple(days[7:]),
        headline=Headline.of(days[7:], overtime_cap),
        previous=Headline.of(days[:7], overtime_cap),
    )


def _check_arguments(tz: object, overtime_cap: timedelta, now: datetime | None) -> None:
    if not isinstance(tz, ZoneInfo):
        raise TypeError(f"tz must be a zoneinfo.ZoneInfo (a named zone), not {tz!r}")
    if overtime_cap < timedelta(0):
        raise ValueError(f"the overtime cap must not be negative (got {overtime_cap})")
    if now is not None and now.tzinfo is None:
        raise ValueError("now must be timezone-aware")


def _day_number(column: Any, bounds: Sequence[datetime]) -> sa.ColumnElement[int]:
    """0 for the first local day in `bounds`, 1 for the next, …, from a UTC timestamp column."""
    return sa.case(
        *((column < bound, index) for index, bound in enumerate(bounds[1:-1])),
        else_=len(bounds) - 2,
    )


def _seconds(end: Any, start: Any) -> sa.ColumnElement[float]:
    return (sa.func.julianday(end) - sa.func.julianday(start)) * 86400.0


def _count_if(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[int]:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


def _break_count(kind: Any, outcome: Any, count: BreakCount) -> sa.Label[int]:
    """The segments that add to `count`, by core's one definition of a kept break."""
    kinds, counted = BREAK_COUNTS[count]
    condition = sa.and_(kind.in_(sorted(k.value for k in kinds)), outcome == counted.value)
    return _count_if(condition).label(count.value)


def _in_range(bounds: Sequence[datetime]) -> sa.ColumnElement[bool]:
    start = col(ShiftRow.actual_start)
    return sa.and_(start >= bounds[0], start < bounds[-1])


def _shift_sums(
    connection: sa.Connection, bounds: Sequence[datetime], now: datetime
) -> dict[int, Any]:
    day = _day_number(col(ShiftRow.actual_start), bounds).label("day")
    end = sa.func.coalesce(col(ShiftRow.actual_end), sa.literal(now, UTCDateTime()))
    query = (
        sa.select(
            day,
            sa.func.count().label("shifts"),
            sa.func.sum(_seconds(col(ShiftRow.planned_end), col(ShiftRow.planned_start))).label(
                "planned"
            ),
            sa.func.sum(_seconds(end, col(ShiftRow.actual_start))).label("worked"),
            sa.func.max(col(ShiftRow.planned_end)).label("planned_end"),
            sa.func.max(col(ShiftRow.actual_end)).label("logged_off"),
            _count_if(col(ShiftRow.actual_end).is_(None)).label("open"),
            _count_if(col(ShiftRow.scheduled).is_(False)).label("off_schedule"),
        )
        .where(_in_range(bounds))
        .group_by(day)
    )
    return {row.day: row for row in connection.execute(query)}


def _segment_sums(
    connection: sa.Connection, bounds: Sequence[datetime], now: datetime
) -> dict[int, Any]:
    day = _day_number(col(ShiftRow.actual_start), bounds).label("day")
    kind, outcome = col(SegmentRow.kind), col(SegmentRow.outcome)
    end = sa.func.coalesce(col(SegmentRow.actual_end), sa.literal(now, UTCDateTime()))
    focus = sa.case((kind.in_(FOCUS_KINDS), _seconds(end, col(SegmentRow.actual_start))), else_=0)
    query = (
        sa.select(
            day,
            sa.func.coalesce(sa.func.sum(focus), 0).label("focus"),
            *(_break_count(kind, outcome, count) for count in BreakCount),
            sa.func.coalesce(sa.func.sum(col(SegmentRow.checkin_score)), 0).label("checkin_total"),
            sa.func.count(col(SegmentRow.checkin_score)).label("checkins"),
        )
        .select_from(sa.join(ShiftRow, SegmentRow, col(SegmentRow.shift_id) == col(ShiftRow.id)))
        .where(_in_range(bounds))
        .group_by(day)
    )
    return {row.day: row for row in connection.execute(query)}


def _overtime_sums(connection: sa.Connection, bounds: Sequence[datetime]) -> dict[int, int]:
    day = _day_number(col(ShiftRow.actual_start), bounds).label("day")
    query = (
        sa.select(day, sa.func.sum(col(OvertimeRow.seconds)).label("seconds"))
        .select_from(sa.join(ShiftRow, OvertimeRow, col(OvertimeRow.shift_id) == col(ShiftRow.id)))
        .where(_in_range(bounds))
        .group_by(day)
    )
    return {row.day: int(row.seconds) for row in connection.execute(query)}


def _grants(
    connection: sa.Connection, bounds: Sequence[datetime], days: Sequence[date]
) -> dict[int, list[OvertimeGrant]]:
    """The week's grants with their reasons (a handful of rows), by day number 7 to 13."""
    day = _day_number(col(ShiftRow.actual_start), bounds).label("day")
    query = (
        sa.select(
            day,
            col(OvertimeRow.shift_id),
            col(OvertimeRow.granted_at),
            col(OvertimeRow.seconds),
            col(OvertimeRow.reason),
        )
        .select_from(sa.join(ShiftRow, OvertimeRow, col(OvertimeRow.shift_id) == col(ShiftRow.id)))
        .where(_in_range(bounds))
        .order_by(col(OvertimeRow.granted_at))
    )
    grants: dict[int, list[OvertimeGrant]] = {}
    for row in connection.execute(query):
        grant = OvertimeGrant(days[row.day], row.shift_id, row.granted_at, row.seconds, row.reason)
        grants.setdefault(7 + row.day, []).append(grant)
    return grants


def _day(
    day: date,
    shifts: Any,
    segments: Any,
    overtime_seconds: int | None,
    grants: dict[int, list[OvertimeGrant]],
) -> DayFigures:
    if shifts is None:
        return DayFigures(day)
    index = shifts.day
    return DayFigures(
        day=day,
        shifts=shifts.shifts,
        planned_seconds=round(shifts.planned),
        worked_seconds=max(0, round(shifts.worked)),
        focus_seconds=round(segments.focus) if segments else 0,
        breaks=(
            BreakCounts(segments.kept, segments.natural, segments.postponed, segments.skipped)
            if segments
            else BreakCounts()
        ),
        planned_end=_as_utc(shifts.planned_end),
        logged_off=None if shifts.open else _as_utc(shifts.logged_off),
        overtime_seconds=overtime_seconds or 0,
        overtime=tuple(grants.get(index, ())),
        checkin_total=segments.checkin_total if segments else 0,
        checkins=segments.checkins if segments else 0,
        off_schedule=shifts.off_schedule > 0,
    )


def _as_utc(value: object) -> datetime | None:
    """max() over a timestamp comes back as SQLite's text, without the column's type."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


# --- rows for the exports ----------------------------------------------------------------------


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


def _week_bounds(week: IsoWeek, tz: ZoneInfo) -> list[datetime]:
    return [local_midnight(day, tz) for day in (*week.days, week.next().monday)]


def _local_day(moment: datetime, tz: ZoneInfo) -> date:
    return moment.astimezone(tz).date()


def week_shifts(engine: sa.Engine, week: IsoWeek, tz: ZoneInfo) -> list[ShiftLine]:
    """The week's shifts in the order they started."""
    _check_arguments(tz, timedelta(0), None)
    query = (
        sa.select(ShiftRow)
        .where(_in_range(_week_bounds(week, tz)))
        .order_by(col(ShiftRow.actual_start))
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return [
        ShiftLine(
            _local_day(row.actual_start, tz),
            row.id,
            row.planned_start,
            row.planned_end,
            row.actual_start,
            row.actual_end,
            bool(row.scheduled),
        )
        for row in rows
    ]


_SEGMENT_COLUMNS = (
    SegmentRow.shift_id,
    SegmentRow.id,
    SegmentRow.kind,
    SegmentRow.outcome,
    SegmentRow.planned_start,
    SegmentRow.planned_end,
    SegmentRow.actual_start,
    SegmentRow.actual_end,
    SegmentRow.checkin_score,
    SegmentRow.checkin_word,
)


def week_segments(engine: sa.Engine, week: IsoWeek, tz: ZoneInfo) -> list[SegmentLine]:
    """Every segment of the week's shifts, in the order they started."""
    _check_arguments(tz, timedelta(0), None)
    columns: list[Any] = [col(ShiftRow.actual_start), *map(col, _SEGMENT_COLUMNS)]
    query = (
        sa.select(*columns)
        .select_from(sa.join(ShiftRow, SegmentRow, col(SegmentRow.shift_id) == col(ShiftRow.id)))
        .where(_in_range(_week_bounds(week, tz)))
        .order_by(col(SegmentRow.actual_start), col(SegmentRow.id))
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return [SegmentLine(_local_day(row[0], tz), *row[1:]) for row in rows]


def week_overtime(engine: sa.Engine, week: IsoWeek, tz: ZoneInfo) -> list[OvertimeGrant]:
    """Every overtime grant of the week's shifts, in the order they were granted."""
    _check_arguments(tz, timedelta(0), None)
    with engine.connect() as connection:
        grants = _grants(connection, _week_bounds(week, tz), week.days)
    return [grant for index in sorted(grants) for grant in grants[index]]
