"""What a week really was: figures per day and for the whole week, aggregated in SQL.

Weeks are ISO weeks (Monday to Sunday) in the user's time zone, and a shift belongs to the
local date on which it actually started, with everything recorded under it (its segments and
overtime grants) — so a night shift stays on the evening it began. Times are stored as UTC;
the local day boundaries are turned into UTC instants here, so each query is a range scan on
`shift.actual_start` plus a GROUP BY over a day number computed from those boundaries.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa
from sqlmodel import col

from shiftwell.core.adherence import adherence
from shiftwell.core.breaks import BREAK_COUNTS, FOCUS_SEGMENTS, BreakCount
from shiftwell.core.plan import FixedKind
from shiftwell.storage.figures import (
    DEFAULT_OVERTIME_CAP,
    ON_TIME_GRACE,
    BreakCounts,
    DayFigures,
    FixedBreakLine,
    Headline,
    IsoWeek,
    OvertimeLine,
    SegmentLine,
    ShiftLine,
    WeekFigures,
    weeks_in_year,
)
from shiftwell.storage.models import (
    FixedBreakRow,
    OvertimeRow,
    SegmentRow,
    ShiftRow,
    UTCDateTime,
)

# The figures' types are part of this module's answers; they live in storage.figures so that
# code without the database can use them.
__all__ = [
    "DEFAULT_OVERTIME_CAP",
    "ON_TIME_GRACE",
    "BreakCounts",
    "DayFigures",
    "FixedBreakLine",
    "Headline",
    "IsoWeek",
    "OvertimeLine",
    "SegmentLine",
    "ShiftLine",
    "WeekFigures",
    "WeekRows",
    "local_midnight",
    "system_zone",
    "week_figures",
    "week_fixed_breaks",
    "week_overtime",
    "week_segments",
    "week_shifts",
    "weeks_in_year",
]

FOCUS_KINDS = tuple(sorted(kind.value for kind in FOCUS_SEGMENTS))


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


def week_figures(
    db: sa.Engine,
    week: IsoWeek,
    tz: ZoneInfo | None = None,
    overtime_cap: timedelta = DEFAULT_OVERTIME_CAP,
    *,
    now: datetime | None = None,
) -> WeekFigures:
    """Figures for `week` and the week before: three GROUP BY queries over both weeks' shifts
    (shifts, their segments, their overtime), one for this week's overtime reasons, and one
    for both weeks' fixed breaks (a handful a day, judged by core.adherence's rules).

    `now` (aware; default: the current time) is where still-open shifts and segments end.
    """
    tz = tz or system_zone()
    _check_arguments(tz, overtime_cap, now)
    moment = now or datetime.now(UTC)
    fortnight = (*week.previous().days, *week.days)
    bounds = [local_midnight(day, tz) for day in (*fortnight, week.next().monday)]
    with db.connect() as connection:
        shifts = _shift_sums(connection, bounds, moment)
        segments = _segment_sums(connection, bounds, moment)
        overtime = _overtime_sums(connection, bounds)
        grants = _grants(connection, bounds[7:], week.days)
        fixed = _fixed_breaks(connection, bounds, fortnight)
    days = []
    for index, day in enumerate(fortnight):
        figures = _day(day, shifts.get(index), segments.get(index), overtime.get(index), grants)
        on_day = [line for line in fixed if line.day == day]
        days.append(replace(figures, fixed=adherence(on_day)) if on_day else figures)
    return WeekFigures(
        week=week,
        tz=tz,
        days=tuple(days[7:]),
        headline=Headline.of(days[7:], overtime_cap),
        previous=Headline.of(days[:7], overtime_cap),
        fixed_breaks=tuple(line for line in fixed if line.day >= week.monday),
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
) -> dict[int, list[OvertimeLine]]:
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
    grants: dict[int, list[OvertimeLine]] = {}
    for row in connection.execute(query):
        grant = OvertimeLine(days[row.day], row.shift_id, row.granted_at, row.seconds, row.reason)
        grants.setdefault(7 + row.day, []).append(grant)
    return grants


def _fixed_breaks(
    connection: sa.Connection, bounds: Sequence[datetime], days: Sequence[date]
) -> list[FixedBreakLine]:
    """The fixed breaks of the shifts started within `bounds`, in planned order, each on
    its shift's day."""
    day = _day_number(col(ShiftRow.actual_start), bounds).label("day")
    query = (
        sa.select(day, *map(col, _FIXED_COLUMNS))
        .select_from(
            sa.join(ShiftRow, FixedBreakRow, col(FixedBreakRow.shift_id) == col(ShiftRow.id))
        )
        .where(_in_range(bounds))
        .order_by(col(FixedBreakRow.planned_start), col(FixedBreakRow.id))
    )
    return [
        FixedBreakLine(
            day=days[row.day],
            shift_id=row.shift_id,
            id=row.id,
            kind=_fixed_kind(row.kind),
            title=row.title,
            planned_start=row.planned_start,
            planned_end=row.planned_end,
            actual_start=row.actual_start,
            actual_end=row.actual_end,
        )
        for row in connection.execute(query)
    ]


_FIXED_COLUMNS = (
    FixedBreakRow.shift_id,
    FixedBreakRow.id,
    FixedBreakRow.kind,
    FixedBreakRow.title,
    FixedBreakRow.planned_start,
    FixedBreakRow.planned_end,
    FixedBreakRow.actual_start,
    FixedBreakRow.actual_end,
)


def _fixed_kind(value: str) -> FixedKind:
    """A kind this version does not know (written by a newer one) reads as a break."""
    try:
        return FixedKind(value)
    except ValueError:
        return FixedKind.BREAK


def _day(
    day: date,
    shifts: Any,
    segments: Any,
    overtime_seconds: int | None,
    grants: dict[int, list[OvertimeLine]],
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


def _week_bounds(week: IsoWeek, tz: ZoneInfo) -> list[datetime]:
    return [local_midnight(day, tz) for day in (*week.days, week.next().monday)]


def _local_day(moment: datetime, tz: ZoneInfo) -> date:
    return moment.astimezone(tz).date()


def week_shifts(db: sa.Engine, week: IsoWeek, tz: ZoneInfo) -> list[ShiftLine]:
    """The week's shifts in the order they started."""
    _check_arguments(tz, timedelta(0), None)
    query = (
        sa.select(ShiftRow)
        .where(_in_range(_week_bounds(week, tz)))
        .order_by(col(ShiftRow.actual_start))
    )
    with db.connect() as connection:
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


def week_segments(db: sa.Engine, week: IsoWeek, tz: ZoneInfo) -> list[SegmentLine]:
    """Every segment of the week's shifts, in the order they started."""
    _check_arguments(tz, timedelta(0), None)
    columns: list[Any] = [col(ShiftRow.actual_start), *map(col, _SEGMENT_COLUMNS)]
    query = (
        sa.select(*columns)
        .select_from(sa.join(ShiftRow, SegmentRow, col(SegmentRow.shift_id) == col(ShiftRow.id)))
        .where(_in_range(_week_bounds(week, tz)))
        .order_by(col(SegmentRow.actual_start), col(SegmentRow.id))
    )
    with db.connect() as connection:
        rows = connection.execute(query).all()
    return [SegmentLine(_local_day(row[0], tz), *row[1:]) for row in rows]


def week_overtime(db: sa.Engine, week: IsoWeek, tz: ZoneInfo) -> list[OvertimeLine]:
    """Every overtime grant of the week's shifts, in the order they were granted."""
    _check_arguments(tz, timedelta(0), None)
    with db.connect() as connection:
        grants = _grants(connection, _week_bounds(week, tz), week.days)
    return [grant for index in sorted(grants) for grant in grants[index]]


def week_fixed_breaks(db: sa.Engine, week: IsoWeek, tz: ZoneInfo) -> list[FixedBreakLine]:
    """The breaks at fixed times of the week's shifts, planned and as taken, in planned order."""
    _check_arguments(tz, timedelta(0), None)
    with db.connect() as connection:
        return _fixed_breaks(connection, _week_bounds(week, tz), week.days)


class WeekRows:
    """A week's stored rows from one database in one zone, for the report's file exports."""

    def __init__(self, db: sa.Engine, tz: ZoneInfo) -> None:
        self._db = db
        self._tz = tz

    @property
    def tz(self) -> ZoneInfo:
        return self._tz

    def shifts(self, week: IsoWeek) -> list[ShiftLine]:
        return week_shifts(self._db, week, self._tz)

    def segments(self, week: IsoWeek) -> list[SegmentLine]:
        return week_segments(self._db, week, self._tz)

    def overtime(self, week: IsoWeek) -> list[OvertimeLine]:
        return week_overtime(self._db, week, self._tz)

    def fixed_breaks(self, week: IsoWeek) -> list[FixedBreakLine]:
        return week_fixed_breaks(self._db, week, self._tz)
