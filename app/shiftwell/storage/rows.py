"""What the running app writes, column by column: the one list of the columns it fills.

Each table names its columns, the Python type each holds and where the value comes from in
core's records. The writer (repository.py) makes its SQL from this list, so a new column is
one line here; the SQLModel schema (models.py) and the migrations must have it too, which
tests/unit/storage/test_writer_contract.py checks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from shiftwell.core.model import (
    CheckInRecord,
    FixedBreakRecord,
    OvertimeGrant,
    SegmentRecord,
    ShiftRecord,
    Transition,
)
from shiftwell.storage.connection import to_sql_time

R = TypeVar("R")


@dataclass(frozen=True)
class Column(Generic[R]):
    name: str
    kind: type  # str, int, float, bool or datetime: what the schema's column must hold
    value: Callable[[R], Any]
    nullable: bool = False


@dataclass(frozen=True)
class Table(Generic[R]):
    name: str
    columns: tuple[Column[R], ...]
    # The primary key: a row with the same key is updated (only the columns listed here;
    # columns this table does not list, such as a segment's check-in, are kept).
    key: str | None = None
    # Columns whose stored value, once set, an update keeps (a first moment stays first).
    keep_first: tuple[str, ...] = ()
    # Columns an update sets only to a value: a stored time is never replaced by nothing.
    never_emptied: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def values(self, record: R) -> tuple[Any, ...]:
        return tuple(_stored(column.value(record)) for column in self.columns)


def _stored(value: Any) -> Any:
    if isinstance(value, datetime):
        return to_sql_time(value)
    if isinstance(value, bool):
        return int(value)
    return value


SHIFT: Table[ShiftRecord] = Table(
    "shift",
    (
        Column("id", str, lambda s: s.id),
        Column("planned_start", datetime, lambda s: s.planned_start),
        Column("planned_end", datetime, lambda s: s.planned_end),
        Column("actual_start", datetime, lambda s: s.actual_start),
        Column("actual_end", datetime, lambda s: s.actual_end, nullable=True),
        Column("scheduled", bool, lambda s: s.scheduled),
    ),
    key="id",
)

SEGMENT: Table[SegmentRecord] = Table(
    "segment",
    (
        Column("id", str, lambda s: s.id),
        Column("shift_id", str, lambda s: s.shift_id),
        Column("kind", str, lambda s: s.kind.value),
        Column("planned_start", datetime, lambda s: s.planned_start),
        Column("planned_end", datetime, lambda s: s.planned_end, nullable=True),
        Column("actual_start", datetime, lambda s: s.actual_start),
        Column("actual_end", datetime, lambda s: s.actual_end, nullable=True),
        Column("outcome", str, lambda s: s.outcome.value if s.outcome else None, nullable=True),
    ),
    key="id",
)

# The check-in at the end of a long break, written onto its segment (an update only).
CHECKIN: Table[CheckInRecord] = Table(
    "segment",
    (
        Column("checkin_score", int, lambda c: c.score, nullable=True),
        Column("checkin_word", str, lambda c: c.word or None, nullable=True),
    ),
)

OVERTIME: Table[OvertimeGrant] = Table(
    "overtime",
    (
        Column("id", str, lambda g: g.id),
        Column("shift_id", str, lambda g: g.shift_id),
        Column("granted_at", datetime, lambda g: g.granted_at),
        Column("seconds", int, lambda g: g.seconds),
        Column("reason", str, lambda g: g.reason),
    ),
)

# The alive mark: one row, id 1.
HEARTBEAT: Table[datetime] = Table(
    "heartbeat",
    (Column("id", int, lambda _at: 1), Column("at", datetime, lambda at: at)),
    key="id",
)

TRANSITION: Table[Transition] = Table(
    "transition",
    (
        Column("at", datetime, lambda t: t.at),
        Column("monotonic", float, lambda t: t.monotonic),
        Column("trigger", str, lambda t: t.trigger.value),
        Column("source", str, lambda t: t.source.value),
        Column("target", str, lambda t: t.target.value),
        Column("shift_id", str, lambda t: t.shift.id if t.shift else None, nullable=True),
        Column(
            "closed_segment_id", str, lambda t: t.closed.id if t.closed else None, nullable=True
        ),
        Column(
            "opened_segment_id", str, lambda t: t.opened.id if t.opened else None, nullable=True
        ),
        Column("detail", str, lambda t: t.detail),
    ),
)

# A break at a fixed time and when it was really taken (written at each step of it). The
# first actual start stays: a restart in the middle of a break does not make it look later.
FIXED_BREAK: Table[FixedBreakRecord] = Table(
    "fixed_break",
    (
        Column("id", str, lambda f: f.id),
        Column("shift_id", str, lambda f: f.shift_id),
        Column("kind", str, lambda f: f.kind.value),
        Column("title", str, lambda f: f.title),
        Column("planned_start", datetime, lambda f: f.planned_start),
        Column("planned_end", datetime, lambda f: f.planned_end),
        Column("actual_start", datetime, lambda f: f.actual_start, nullable=True),
        Column("actual_end", datetime, lambda f: f.actual_end, nullable=True),
    ),
    key="id",
    keep_first=("actual_start",),
    never_emptied=("actual_end",),
)

WRITTEN: tuple[Table[Any], ...] = (
    SHIFT,
    SEGMENT,
    CHECKIN,
    OVERTIME,
    HEARTBEAT,
    TRANSITION,
    FIXED_BREAK,
)


def insert_sql(table: Table[Any]) -> str:
    """INSERT for `table`; with a key, an existing row is updated instead (an upsert)."""
    names = ", ".join(f'"{name}"' for name in table.names)
    marks = ", ".join("?" for _ in table.names)
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
    if table.key is None:
        return sql
    updates = ", ".join(_update(table, n) for n in table.names if n != table.key)
    return f'{sql} ON CONFLICT ("{table.key}") DO UPDATE SET {updates}'


def _update(table: Table[Any], name: str) -> str:
    if name in table.keep_first:
        return f'"{name}" = COALESCE("{table.name}"."{name}", excluded."{name}")'
    if name in table.never_emptied:
        return f'"{name}" = COALESCE(excluded."{name}", "{table.name}"."{name}")'
    return f'"{name}" = excluded."{name}"'


def update_sql(table: Table[Any], key: str) -> str:
    """UPDATE of `table`'s columns on the row whose `key` is given last."""
    sets = ", ".join(f'"{name}" = ?' for name in table.names)
    return f'UPDATE "{table.name}" SET {sets} WHERE "{key}" = ?'
