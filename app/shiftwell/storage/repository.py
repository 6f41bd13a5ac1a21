"""Writes the engine's transitions and answers the shell's questions about them at start.

The running app's side of storage: standard-library `sqlite3` only (see connection.py for
why); the columns written come from rows.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from shiftwell.core.engine import CALL_NOTICED, History, Unfinished
from shiftwell.core.model import (
    CheckInRecord,
    FixedBreakRecord,
    Outcome,
    SegmentKind,
    SegmentRecord,
    ShiftRecord,
    State,
    Transition,
)
from shiftwell.core.plan import FixedKind
from shiftwell.storage.connection import Database, from_sql_time, to_sql_time
from shiftwell.storage.rows import (
    CHECKIN,
    FIXED_BREAK,
    HEARTBEAT,
    OVERTIME,
    SEGMENT,
    SHIFT,
    TRANSITION,
    insert_sql,
    update_sql,
)

_SHIFT_COLUMNS = "id, planned_start, planned_end, actual_start, actual_end, scheduled"
_SEGMENT_COLUMNS = (
    "id, shift_id, kind, planned_start, planned_end, actual_start, actual_end, outcome"
)
_FIXED_COLUMNS = ", ".join(FIXED_BREAK.names)


class Repository:
    def __init__(self, database: Database) -> None:
        self.database = database

    def record(self, transition: Transition) -> None:
        """Store one transition, with the shift and segments it touches, in one transaction."""
        self.record_all([transition])

    def record_all(self, transitions: Sequence[Transition], *, skip_stored: bool = False) -> None:
        """Store transitions in order, all in one transaction (a queue that waited is written
        whole or not at all, and costs one commit). `skip_stored`: leave out those already
        in the database (replaying a side file that a crash left after its commit)."""
        with self.database.writing() as connection:
            for transition in transitions:
                if skip_stored and _stored(connection, transition):
                    continue
                _store(connection, transition)

    __call__ = record  # a repository is an engine listener

    def checkpoint(self) -> bool:
        """Copy the write-ahead log into the database and empty it, so it stays small; False
        when a reader (another program, a backup) kept it from finishing."""
        # One row: (busy, frames in the log, frames copied); busy is 1 when held off.
        busy, _, _ = (
            self.database.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        )
        return not busy

    def beat(self, at: datetime) -> None:
        """The alive mark: the last moment the app is known to have been running."""
        with self.database.writing() as connection:
            connection.execute(insert_sql(HEARTBEAT), HEARTBEAT.values(at))

    def unfinished(self) -> Unfinished | None:
        """A shift the last run left open, with its open segments and last sign of life."""
        with self.database.reading() as connection:
            shift = connection.execute(
                f"SELECT {_SHIFT_COLUMNS} FROM shift WHERE actual_end IS NULL "
                "ORDER BY actual_start DESC LIMIT 1"
            ).fetchone()
            if shift is None:
                return None
            segments = connection.execute(
                f"SELECT {_SEGMENT_COLUMNS} FROM segment WHERE actual_end IS NULL "
                "ORDER BY actual_start"
            ).fetchall()
            beat = _one(connection, "SELECT at FROM heartbeat WHERE id = 1")
            last = _one(connection, 'SELECT max("at") FROM "transition"')
            state = _one(
                connection,
                'SELECT target FROM "transition" WHERE shift_id = ? ORDER BY id DESC LIMIT 1',
                shift[0],
            )
            call = _one(
                connection,
                'SELECT detail FROM "transition" WHERE shift_id = ? AND "trigger" = ? '
                "ORDER BY id DESC LIMIT 1",
                shift[0],
                "call_start",
            )
            fixed = connection.execute(
                f"SELECT {_FIXED_COLUMNS} FROM fixed_break WHERE shift_id = ? "
                "ORDER BY planned_start",
                (shift[0],),
            ).fetchall()
        record = _shift_record(shift)
        marks = [m for m in (from_sql_time(beat), from_sql_time(last)) if m is not None]
        return Unfinished(
            shift=record,
            segments=tuple(_segment_record(s) for s in segments),
            last_alive=max(marks) if marks else record.actual_start,
            last_state=_state(state),
            call_declared=call is None or not call.startswith(CALL_NOTICED),
            fixed=tuple(_fixed_record(row) for row in fixed),
        )

    def history(self, now: datetime) -> History:
        """What the engine must remember across restarts: the last shift, this week's
        overtime, today's skipped breaks (cheap indexed range queries)."""
        with self.database.reading() as connection:
            last = connection.execute(
                f"SELECT {_SHIFT_COLUMNS} FROM shift ORDER BY actual_start DESC LIMIT 1"
            ).fetchone()
            grants = connection.execute(
                "SELECT granted_at, seconds FROM overtime WHERE granted_at >= ?",
                (to_sql_time(now - timedelta(days=8)),),
            ).fetchall()
            skipped = connection.execute(
                "SELECT actual_start FROM segment WHERE actual_start >= ? AND outcome = ?",
                (to_sql_time(now - timedelta(days=2)), Outcome.SKIPPED.value),
            ).fetchall()
        return History(
            last_shift=_shift_record(last) if last is not None else None,
            overtime=tuple((_time(at), float(seconds)) for at, seconds in grants),
            skips=tuple(_time(at) for (at,) in skipped),
        )


def _one(connection: sqlite3.Connection, sql: str, *parameters: object) -> str | None:
    row = connection.execute(sql, parameters).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def _time(value: str) -> datetime:
    stamp = from_sql_time(value)
    assert stamp is not None
    return stamp


def _state(value: str | None) -> State:
    """A stored state; focus for none or one this version does not know."""
    try:
        return State(value or State.FOCUS)
    except ValueError:
        return State.FOCUS


def _shift_record(row: tuple[Any, ...]) -> ShiftRecord:
    id_, planned_start, planned_end, actual_start, actual_end, scheduled = row
    return ShiftRecord(
        id=str(id_),
        planned_start=_time(str(planned_start)),
        planned_end=_time(str(planned_end)),
        actual_start=_time(str(actual_start)),
        actual_end=from_sql_time(actual_end),
        scheduled=bool(scheduled),
    )


def _segment_record(row: tuple[Any, ...]) -> SegmentRecord:
    id_, shift_id, kind, planned_start, planned_end, actual_start, actual_end, outcome = row
    return SegmentRecord(
        id=str(id_),
        shift_id=str(shift_id),
        kind=SegmentKind(kind),
        planned_start=_time(str(planned_start)),
        planned_end=from_sql_time(planned_end),
        actual_start=_time(str(actual_start)),
        actual_end=from_sql_time(actual_end),
        outcome=Outcome(outcome) if outcome else None,
    )


def _fixed_record(row: tuple[Any, ...]) -> FixedBreakRecord:
    id_, shift_id, kind, title, planned_start, planned_end, actual_start, actual_end = row
    return FixedBreakRecord(
        id=str(id_),
        shift_id=str(shift_id),
        kind=FixedKind(kind),
        title=str(title),
        planned_start=_time(str(planned_start)),
        planned_end=_time(str(planned_end)),
        actual_start=from_sql_time(actual_start),
        actual_end=from_sql_time(actual_end),
    )


def _store_checkin(connection: sqlite3.Connection, checkin: CheckInRecord) -> None:
    changed = connection.execute(
        update_sql(CHECKIN, "id"), (*CHECKIN.values(checkin), checkin.segment_id)
    ).rowcount
    if changed == 0:
        raise ValueError(f"check-in for an unknown segment {checkin.segment_id}")


def _store(connection: sqlite3.Connection, transition: Transition) -> None:
    # Parents first: the foreign keys are checked row by row.
    if transition.shift is not None:
        connection.execute(insert_sql(SHIFT), SHIFT.values(transition.shift))
    for segment in (transition.closed, *transition.extra, transition.opened):
        if segment is not None:
            connection.execute(insert_sql(SEGMENT), SEGMENT.values(segment))
    if transition.grant is not None:
        connection.execute(insert_sql(OVERTIME), OVERTIME.values(transition.grant))
    if transition.checkin is not None:
        _store_checkin(connection, transition.checkin)
    for fixed in transition.fixed:
        connection.execute(insert_sql(FIXED_BREAK), FIXED_BREAK.values(fixed))
    connection.execute(insert_sql(HEARTBEAT), HEARTBEAT.values(transition.at))
    connection.execute(insert_sql(TRANSITION), TRANSITION.values(transition))


def _stored(connection: sqlite3.Connection, transition: Transition) -> bool:
    found = connection.execute(
        'SELECT id FROM "transition" WHERE "at" = ? AND monotonic = ? AND "trigger" = ? '
        "AND target = ? LIMIT 1",
        (
            to_sql_time(transition.at),
            transition.monotonic,
            transition.trigger.value,
            transition.target.value,
        ),
    ).fetchone()
    return found is not None
