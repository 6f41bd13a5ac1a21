"""Tables. Times are stored as UTC and come back timezone-aware."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlmodel import Field, SQLModel


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; naive ones are refused as a bug."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


def _when(*, index: bool = False, nullable: bool = False) -> Any:
    return Field(sa_type=UTCDateTime, index=index, nullable=nullable)


class ShiftRow(SQLModel, table=True):
    __tablename__ = "shift"

    id: str = Field(primary_key=True)
    planned_start: datetime = _when(index=True)
    planned_end: datetime = _when()
    actual_start: datetime = _when(index=True)
    actual_end: datetime | None = _when(nullable=True)
    # False for work started outside the schedule (before the shift, on a day off).
    scheduled: bool = True


class SegmentRow(SQLModel, table=True):
    __tablename__ = "segment"

    id: str = Field(primary_key=True)
    shift_id: str = Field(foreign_key="shift.id", index=True)
    kind: str
    planned_start: datetime = _when()
    planned_end: datetime | None = _when(nullable=True)
    actual_start: datetime = _when(index=True)
    actual_end: datetime | None = _when(nullable=True)
    outcome: str | None = None
    # "How are you doing?" at the end of a long break: 1 (bad) to 5 (great), and a word.
    checkin_score: int | None = None
    checkin_word: str | None = None


class OvertimeRow(SQLModel, table=True):
    """Time granted past the end of a shift, always with the reason the user gave."""

    __tablename__ = "overtime"

    id: str = Field(primary_key=True)
    shift_id: str = Field(foreign_key="shift.id", index=True)
    granted_at: datetime = _when(index=True)
    seconds: int
    reason: str


class HeartbeatRow(SQLModel, table=True):
    """The last moment the app is known to have been alive (one row)."""

    __tablename__ = "heartbeat"

    id: int = Field(default=1, primary_key=True)
    at: datetime = _when()


class TransitionRow(SQLModel, table=True):
    __tablename__ = "transition"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _when(index=True)
    monotonic: float
    trigger: str
    source: str
    target: str
    shift_id: str | None = Field(default=None, foreign_key="shift.id", index=True)
    closed_segment_id: str | None = None
    opened_segment_id: str | None = None
    detail: str = ""


class FixedBreakRow(SQLModel, table=True):
    """A break at a fixed time (a break or lunch the schedule sets) and when it was really
    taken: adherence. No actual start: it was never taken."""

    __tablename__ = "fixed_break"

    id: str = Field(primary_key=True)
    shift_id: str = Field(foreign_key="shift.id", index=True)
    kind: str  # "break" or "lunch"
    title: str
    planned_start: datetime = _when(index=True)
    planned_end: datetime = _when()
    actual_start: datetime | None = _when(nullable=True)
    actual_end: datetime | None = _when(nullable=True)
