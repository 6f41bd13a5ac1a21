"""Repairs made at start, before the engine sees the record: records dated in the future.

The rule (which records move and how far) is core's `timeline`; this module finds the
records and rewrites them in one transaction.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from shiftwell.core.timeline import move_back_by, restamp
from shiftwell.storage.connection import Database, from_sql_time, to_sql_time


@dataclass(frozen=True)
class FutureRepair:
    """Records were dated up to `ahead` in the future and moved back by `moved_back`."""

    ahead: timedelta
    moved_back: timedelta
    records: int


# Every recorded time, table by table (planned times of scheduled shifts come from the
# schedule, not from the clock, and are left alone). Every table's key is `id`.
_STAMPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("shift", ("actual_start", "actual_end")),
    ("segment", ("actual_start", "actual_end")),
    ("transition", ("at",)),
    ("overtime", ("granted_at",)),
    ("heartbeat", ("at",)),
    ("fixed_break", ("actual_start", "actual_end")),
)
_PLANNED = ("planned_start", "planned_end")


def repair_future_records(database: Database, now: datetime) -> FutureRepair | None:
    """Move back the records dated after `now`; None when there were none."""
    with database.writing() as connection:
        latest = _extreme(connection, "max", ">", now)
        if latest is None:
            return None
        tail_start = _tail_start(connection, now)
        before = _extreme(connection, "max", "<", tail_start)
        moved = move_back_by(latest, now, tail_start, before)
        records = 0
        for table, fields in _STAMPS:
            records += _move_table(connection, table, fields, tail_start, moved, now)
        return FutureRepair(ahead=latest - now, moved_back=moved, records=records)


def _extreme(
    connection: sqlite3.Connection, which: str, compare: str, than: datetime
) -> datetime | None:
    """The latest (max) or earliest (min) recorded time before or after `than`."""
    found: list[datetime] = []
    for table, fields in _STAMPS:
        for name in fields:
            (value,) = connection.execute(
                f'SELECT {which}("{name}") FROM "{table}" WHERE "{name}" {compare} ?',
                (to_sql_time(than),),
            ).fetchone()
            stamp = from_sql_time(value)
            if stamp is not None:
                found.append(stamp)
    if not found:
        return None
    return max(found) if which == "max" else min(found)


def _tail_start(connection: sqlite3.Connection, now: datetime) -> datetime:
    """Where the moved records begin: the start of the first shift holding a future record,
    or (with none) the first future record itself."""
    stamp = to_sql_time(now)
    row = connection.execute(
        "SELECT actual_start FROM shift WHERE actual_start > ? OR actual_end > ? "
        "ORDER BY actual_start LIMIT 1",
        (stamp, stamp),
    ).fetchone()
    shift_start = from_sql_time(row[0]) if row is not None else None
    if shift_start is not None:
        return shift_start
    earliest = _extreme(connection, "min", ">", now)
    assert earliest is not None  # called only when a record is dated after now
    return earliest


def _move_table(
    connection: sqlite3.Connection,
    table: str,
    fields: tuple[str, ...],
    tail_start: datetime,
    moved: timedelta,
    now: datetime,
) -> int:
    # A segment's planned times came from the same clock: they move with it (not brought
    # to the present: a break may rightly be planned to end after now). So do those of
    # work outside the schedule (a shift not `scheduled`).
    planned = _PLANNED if table in ("segment", "shift") else ()
    extra = ", scheduled" if table == "shift" else ""
    names = (*fields, *planned)
    columns = ", ".join(f'"{name}"' for name in names)
    where = " OR ".join(f'"{name}" >= ?' for name in fields)
    rows = connection.execute(
        f'SELECT id, {columns}{extra} FROM "{table}" WHERE {where}',
        tuple(to_sql_time(tail_start) for _ in fields),
    ).fetchall()
    for row in rows:
        values = dict(zip(names, (from_sql_time(v) for v in row[1 : 1 + len(names)]), strict=True))
        for name in fields:
            if values[name] is not None:
                values[name] = restamp(values[name], tail_start, moved, now)
        if table == "segment" or (table == "shift" and not row[-1]):
            for name in planned:
                value = values[name]
                if value is not None and value >= tail_start:
                    values[name] = value - moved
        sets = ", ".join(f'"{name}" = ?' for name in names)
        connection.execute(
            f'UPDATE "{table}" SET {sets} WHERE id = ?',
            (*(to_sql_time(values[name]) for name in names), row[0]),
        )
    return len(rows)
