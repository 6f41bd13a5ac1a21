"""Repairs made at start, before the engine sees the record: records dated in the future.

The rule (which records move and how far) is core's `timeline`; this module finds the
records and rewrites them in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, or_, select

from shiftwell.core.timeline import move_back_by, restamp
from shiftwell.storage.models import (
    FixedBreakRow,
    HeartbeatRow,
    OvertimeRow,
    SegmentRow,
    ShiftRow,
    TransitionRow,
)


@dataclass(frozen=True)
class FutureRepair:
    """Records were dated up to `ahead` in the future and moved back by `moved_back`."""

    ahead: timedelta
    moved_back: timedelta
    records: int


# Every recorded time, table by table (planned times of scheduled shifts come from the
# schedule, not from the clock, and are left alone).
_STAMPS: tuple[tuple[type[Any], tuple[str, ...]], ...] = (
    (ShiftRow, ("actual_start", "actual_end")),
    (SegmentRow, ("actual_start", "actual_end")),
    (TransitionRow, ("at",)),
    (OvertimeRow, ("granted_at",)),
    (HeartbeatRow, ("at",)),
    (FixedBreakRow, ("actual_start", "actual_end")),
)


def repair_future_records(db: sa.Engine, now: datetime) -> FutureRepair | None:
    """Move back the records dated after `now`; None when there were none."""
    with Session(db) as session, session.begin():
        latest = _latest(session, lambda column: column > now)
        if latest is None:
            return None
        tail_start = _tail_start(session, now)
        before = _latest(session, lambda column: column < tail_start)
        moved = move_back_by(latest, now, tail_start, before)
        records = 0
        for table, fields in _STAMPS:
            for row in _rows_from(session, table, fields, tail_start):
                _move(row, fields, tail_start, moved, now)
                records += 1
        return FutureRepair(ahead=latest - now, moved_back=moved, records=records)


def _latest(session: Session, where: Any) -> datetime | None:
    found: list[datetime] = []
    for table, fields in _STAMPS:
        for name in fields:
            column = col(getattr(table, name))
            value = session.exec(
                select(column).where(where(column)).order_by(column.desc()).limit(1)
            ).first()
            if value is not None:
                found.append(value)
    return max(found, default=None)


def _tail_start(session: Session, now: datetime) -> datetime:
    """Where the moved records begin: the start of the first shift holding a future record,
    or (with none) the first future record itself."""
    shift_start = session.exec(
        select(ShiftRow.actual_start)
        .where(or_(col(ShiftRow.actual_start) > now, col(ShiftRow.actual_end) > now))
        .order_by(col(ShiftRow.actual_start))
        .limit(1)
    ).first()
    if shift_start is not None:
        return shift_start
    earliest: list[datetime] = []
    for table, fields in _STAMPS:
        for name in fields:
            column = col(getattr(table, name))
            value = session.exec(
                select(column).where(column > now).order_by(column).limit(1)
            ).first()
            if value is not None:
                earliest.append(value)
    return min(earliest)


def _rows_from(
    session: Session, table: type[Any], fields: Iterable[str], tail_start: datetime
) -> list[Any]:
    conditions = [col(getattr(table, name)) >= tail_start for name in fields]
    return list(session.exec(select(table).where(or_(*conditions))).all())


def _move(
    row: Any, fields: Iterable[str], tail_start: datetime, moved: timedelta, now: datetime
) -> None:
    for name in fields:
        value = getattr(row, name)
        if value is not None:
            setattr(row, name, restamp(value, tail_start, moved, now))
    if isinstance(row, SegmentRow):
        # A segment's planned times came from the same clock: they move with it (not
        # brought to the present: a break may rightly be planned to end after now).
        row.planned_start = _moved(row.planned_start, tail_start, moved)
        row.planned_end = _moved(row.planned_end, tail_start, moved)
    if isinstance(row, ShiftRow) and not row.scheduled:
        # Work outside the schedule was planned from the clock too.
        row.planned_start = _moved(row.planned_start, tail_start, moved)
        row.planned_end = _moved(row.planned_end, tail_start, moved)


def _moved(value: Any, tail_start: datetime, moved: timedelta) -> Any:
    return value - moved if value is not None and value >= tail_start else value
