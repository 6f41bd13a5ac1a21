"""The tray's repository on a migrated file, plus the whole tables read back through the
SQLModel schema of record, for tests to assert on what was written."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from sqlmodel import Session, col, select

from shiftwell.storage.connection import Database
from shiftwell.storage.database import open_database
from shiftwell.storage.models import OvertimeRow, SegmentRow, ShiftRow, TransitionRow
from shiftwell.storage.opening import Migrated
from shiftwell.storage.repository import Repository

T = TypeVar("T", ShiftRow, SegmentRow, OvertimeRow, TransitionRow)


class StoredRepository(Repository):
    """Writes as the tray does (sqlite3); reads back as the review does (SQLModel)."""

    def __init__(self, database: Database | Path) -> None:
        if isinstance(database, Path):
            open_database(database).db.dispose()  # created and migrated, as the tray's child does
            database = Database(database)
        super().__init__(database)

    def shifts(self) -> Sequence[ShiftRow]:
        return self._all(ShiftRow, col(ShiftRow.actual_start))

    def segments(self, shift_id: str | None = None) -> Sequence[SegmentRow]:
        rows = self._all(SegmentRow, col(SegmentRow.actual_start))
        return [r for r in rows if shift_id is None or r.shift_id == shift_id]

    def overtime(self) -> Sequence[OvertimeRow]:
        return self._all(OvertimeRow, col(OvertimeRow.granted_at))

    def transitions(self) -> Sequence[TransitionRow]:
        return self._all(TransitionRow, col(TransitionRow.id))

    def _all(self, table: type[T], order: Any) -> list[T]:
        engine = open_database(self.database.path).db
        try:
            with Session(engine) as session:
                return list(session.exec(select(table).order_by(order)).all())
        finally:
            engine.dispose()


def migrate_here(path: Path, lock_timeout: float) -> Migrated:
    """What the tray's migration process does, in this process (for unit tests)."""
    opened = open_database(path, lock_timeout=lock_timeout, wal_checked=True)
    opened.db.dispose()
    return Migrated(moved_aside=opened.moved_aside, backup=opened.backup)
