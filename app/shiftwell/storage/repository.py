"""Writes the engine's transitions and answers the shell's questions about them."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlmodel import Session, col, select

from shiftwell.core.model import SegmentRecord, ShiftRecord, Transition
from shiftwell.storage.models import SegmentRow, ShiftRow, TransitionRow


class Repository:
    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def record(self, transition: Transition) -> None:
        """Store one transition, with the shift and segments it touches, in one transaction."""
        with Session(self._engine) as session, session.begin():
            if transition.shift is not None:
                session.merge(_shift_row(transition.shift))
            for segment in (transition.closed, transition.opened):
                if segment is not None:
                    session.merge(_segment_row(segment))
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

    __call__ = record  # a repository is an engine listener

    def shifts(self) -> Sequence[ShiftRow]:
        with Session(self._engine) as session:
            return session.exec(select(ShiftRow).order_by(col(ShiftRow.actual_start))).all()

    def segments(self, shift_id: str | None = None) -> Sequence[SegmentRow]:
        with Session(self._engine) as session:
            query = select(SegmentRow).order_by(col(SegmentRow.actual_start))
            if shift_id is not None:
                query = query.where(SegmentRow.shift_id == shift_id)
            return session.exec(query).all()

    def transitions(self) -> Sequence[TransitionRow]:
        with Session(self._engine) as session:
            return session.exec(select(TransitionRow).order_by(col(TransitionRow.id))).all()


def _shift_row(shift: ShiftRecord) -> ShiftRow:
    return ShiftRow(
        id=shift.id,
        planned_start=shift.planned_start,
        planned_end=shift.planned_end,
        actual_start=shift.actual_start,
        actual_end=shift.actual_end,
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
