"""Writes the engine's transitions and answers the shell's questions about them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from shiftwell.core.engine import CALL_NOTICED, History, Unfinished
from shiftwell.core.model import (
    CheckInRecord,
    FixedBreakRecord,
    Outcome,
    OvertimeGrant,
    SegmentKind,
    SegmentRecord,
    ShiftRecord,
    State,
    Transition,
)
from shiftwell.storage.models import (
    FixedBreakRow,
    HeartbeatRow,
    OvertimeRow,
    SegmentRow,
    ShiftRow,
    TransitionRow,
)


class Repository:
    def __init__(self, db: sa.Engine) -> None:
        self._db = db

    def record(self, transition: Transition) -> None:
        """Store one transition, with the shift and segments it touches, in one transaction."""
        self.record_all([transition])

    def record_all(self, transitions: Sequence[Transition], *, skip_stored: bool = False) -> None:
        """Store transitions in order, all in one transaction (a queue that waited is written
        whole or not at all, and costs one commit). `skip_stored`: leave out those already
        in the database (replaying a side file that a crash left after its commit)."""
        with Session(self._db) as session, session.begin():
            for transition in transitions:
                if skip_stored and _stored(session, transition):
                    continue
                _store(session, transition)

    __call__ = record  # a repository is an engine listener

    def checkpoint(self) -> bool:
        """Copy the write-ahead log into the database and empty it, so it stays small; False
        when a reader (another program, a backup) kept it from finishing."""
        with self._db.connect() as connection:
            # One row: (busy, frames in the log, frames copied); busy is 1 when held off.
            busy, _, _ = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        return not busy

    def beat(self, at: datetime) -> None:
        """The alive mark: the last moment the app is known to have been running."""
        with Session(self._db) as session, session.begin():
            session.merge(HeartbeatRow(id=1, at=at))

    def unfinished(self) -> Unfinished | None:
        """A shift the last run left open, with its open segments and last sign of life."""
        with Session(self._db) as session:
            shift = session.exec(
                select(ShiftRow)
                .where(col(ShiftRow.actual_end).is_(None))
                .order_by(col(ShiftRow.actual_start).desc())
            ).first()
            if shift is None:
                return None
            segments = session.exec(
                select(SegmentRow)
                .where(col(SegmentRow.actual_end).is_(None))
                .order_by(col(SegmentRow.actual_start))
            ).all()
            beat = session.get(HeartbeatRow, 1)
            last = session.exec(select(func.max(TransitionRow.at))).one()
            state = session.exec(
                select(TransitionRow.target)
                .where(TransitionRow.shift_id == shift.id)
                .order_by(col(TransitionRow.id).desc())
                .limit(1)
            ).first()
            call = session.exec(
                select(TransitionRow.detail)
                .where(TransitionRow.shift_id == shift.id)
                .where(TransitionRow.trigger == "call_start")
                .order_by(col(TransitionRow.id).desc())
                .limit(1)
            ).first()
        marks = [m for m in (beat.at if beat else None, last) if m is not None]
        alive = max(marks) if marks else shift.actual_start
        if isinstance(alive, datetime) and alive.tzinfo is None:
            alive = alive.replace(tzinfo=UTC)  # max() over the column skips the type's decoding
        return Unfinished(
            shift=_shift_record(shift),
            segments=tuple(_segment_record(s) for s in segments),
            last_alive=alive,
            last_state=_state(state),
            call_declared=call is None or not call.startswith(CALL_NOTICED),
        )

    def shifts(self) -> Sequence[ShiftRow]:
        with Session(self._db) as session:
            return session.exec(select(ShiftRow).order_by(col(ShiftRow.actual_start))).all()

    def segments(self, shift_id: str | None = None) -> Sequence[SegmentRow]:
        with Session(self._db) as session:
            query = select(SegmentRow).order_by(col(SegmentRow.actual_start))
            if shift_id is not None:
                query = query.where(SegmentRow.shift_id == shift_id)
            return session.exec(query).all()

    def overtime(self) -> Sequence[OvertimeRow]:
        with Session(self._db) as session:
            return session.exec(select(OvertimeRow).order_by(col(OvertimeRow.granted_at))).all()

    def history(self, now: datetime) -> History:
        """What the engine must remember across restarts: the last shift, this week's
        overtime, today's skipped breaks (cheap indexed range queries)."""
        with Session(self._db) as session:
            last = session.exec(
                select(ShiftRow).order_by(col(ShiftRow.actual_start).desc()).limit(1)
            ).first()
            since = now - timedelta(days=8)
            grants = session.exec(
                select(OvertimeRow).where(col(OvertimeRow.granted_at) >= since)
            ).all()
            skipped = session.exec(
                select(SegmentRow.actual_start)
                .where(col(SegmentRow.actual_start) >= now - timedelta(days=2))
                .where(SegmentRow.outcome == "skipped")
            ).all()
        return History(
            last_shift=_shift_record(last) if last is not None else None,
            overtime=tuple((g.granted_at, float(g.seconds)) for g in grants),
            skips=tuple(skipped),
        )

    def transitions(self) -> Sequence[TransitionRow]:
        with Session(self._db) as session:
            return session.exec(select(TransitionRow).order_by(col(TransitionRow.id))).all()


def _state(value: str | None) -> State:
    """A stored state; focus for none or one this version does not know."""
    try:
        return State(value or State.FOCUS)
    except ValueError:
        return State.FOCUS


def _shift_record(row: ShiftRow) -> ShiftRecord:
    return ShiftRecord(
        id=row.id,
        planned_start=row.planned_start,
        planned_end=row.planned_end,
        actual_start=row.actual_start,
        actual_end=row.actual_end,
        scheduled=row.scheduled,
    )


def _segment_record(row: SegmentRow) -> SegmentRecord:
    return SegmentRecord(
        id=row.id,
        shift_id=row.shift_id,
        kind=SegmentKind(row.kind),
        planned_start=row.planned_start,
        planned_end=row.planned_end,
        actual_start=row.actual_start,
        actual_end=row.actual_end,
        outcome=Outcome(row.outcome) if row.outcome else None,
    )


def _shift_row(shift: ShiftRecord) -> ShiftRow:
    return ShiftRow(
        id=shift.id,
        planned_start=shift.planned_start,
        planned_end=shift.planned_end,
        actual_start=shift.actual_start,
        actual_end=shift.actual_end,
        scheduled=shift.scheduled,
    )


def _segment_row(segment: SegmentRecord) -> SegmentRow:
    return SegmentRow(
        id=segment.id,
        shift_id=segment.shift_id,
        kind=segment.kind.value,
        planned_start=segment.planned_start,
        planned_end=segment.planned_end,
        actual_start=segment.actual_start,
        actual_end=segment.actual_end,
        outcome=segment.outcome.value if segment.outcome else None,
    )


def _overtime_row(grant: OvertimeGrant) -> OvertimeRow:
    return OvertimeRow(
        id=grant.id,
        shift_id=grant.shift_id,
        granted_at=grant.granted_at,
        seconds=grant.seconds,
        reason=grant.reason,
    )


def _store_checkin(session: Session, checkin: CheckInRecord) -> None:
    segment = session.get(SegmentRow, checkin.segment_id)
    if segment is None:
        raise ValueError(f"check-in for an unknown segment {checkin.segment_id}")
    segment.checkin_score = checkin.score
    segment.checkin_word = checkin.word or None
    session.add(segment)


def _store_fixed_break(session: Session, record: FixedBreakRecord) -> None:
    """A fixed break's planned and actual times (written at each step of it). The first
    actual start stays: a restart in the middle of a break does not make it look later."""
    row = session.get(FixedBreakRow, record.id)
    first_start = row.actual_start if row is not None else None
    session.merge(
        FixedBreakRow(
            id=record.id,
            shift_id=record.shift_id,
            kind=record.kind.value,
            title=record.title,
            planned_start=record.planned_start,
            planned_end=record.planned_end,
            actual_start=first_start or record.actual_start,
            actual_end=record.actual_end,
        )
    )


def _store(session: Session, transition: Transition) -> None:
    if transition.shift is not None:
        session.merge(_shift_row(transition.shift))
    for segment in (transition.closed, *transition.extra, transition.opened):
        if segment is not None:
            session.merge(_segment_row(segment))
    if transition.grant is not None:
        session.add(_overtime_row(transition.grant))
    if transition.checkin is not None:
        _store_checkin(session, transition.checkin)
    for fixed in transition.fixed:
        _store_fixed_break(session, fixed)
    session.merge(HeartbeatRow(id=1, at=transition.at))
    session.add(
        TransitionRow(
            at=transition.at,
            monotonic=transition.monotonic,
            trigger=transition.trigger.value,
            source=transition.source.value,
            target=transition.target.value,
            shift_id=transition.shift.id if transition.shift else None,
            closed_segment_id=transition.closed.id if transition.closed else None,
            opened_segment_id=transition.opened.id if transition.opened else None,
            detail=transition.detail,
        )
    )


def _stored(session: Session, transition: Transition) -> bool:
    found = session.exec(
        select(TransitionRow.id)
        .where(TransitionRow.at == transition.at)
        .where(TransitionRow.monotonic == transition.monotonic)
        .where(TransitionRow.trigger == transition.trigger.value)
        .where(TransitionRow.target == transition.target.value)
    ).first()
    return found is not None
