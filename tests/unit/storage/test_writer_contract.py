"""The tray's sqlite3 writer (storage/rows.py) and the schema of record agree: every column
it writes exists, with a compatible type and nullability, in the SQLModel models and in the
file the migrations make; and it writes values as SQLModel does, so the review reads them."""

from __future__ import annotations

import dataclasses
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, get_args

from sqlmodel import Session, SQLModel, select

from shiftwell.storage import models
from shiftwell.storage.database import open_database
from shiftwell.storage.rows import CHECKIN, SHIFT, WRITTEN, Column, Table
from tests.helpers.engine import MONDAY_9AM
from tests.helpers.stored import StoredRepository

# The type SQLite reports for each kind of value, as the migrations declare it.
DECLARED = {
    str: {"VARCHAR"},
    int: {"INTEGER"},
    float: {"FLOAT", "REAL"},
    bool: {"BOOLEAN"},
    datetime: {"DATETIME"},
}


def migrated_columns(path: Path) -> dict[str, dict[str, tuple[str, bool, bool]]]:
    """table -> column -> (declared type, NOT NULL, has a default or is the rowid key)."""
    open_database(path).db.dispose()  # the real migrations, on a real file
    found: dict[str, dict[str, tuple[str, bool, bool]]] = {}
    with closing(sqlite3.connect(path)) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            found[table] = {
                name: (
                    kind.upper(),
                    bool(notnull),
                    default is not None or (pk and kind == "INTEGER"),
                )
                for _cid, name, kind, notnull, default, pk in db.execute(
                    f"PRAGMA table_info('{table}')"
                )
            }
    return found


def contract_problems(tables: tuple[Table[Any], ...], path: Path) -> list[str]:
    migrated = migrated_columns(path)
    problems: list[str] = []
    for table in tables:
        model = _models().get(table.name)
        in_file = migrated.get(table.name)
        if model is None or in_file is None:
            problems.append(f"{table.name}: not a table of the models and the migrations")
            continue
        for column in table.columns:
            where = f"{table.name}.{column.name}"
            field = model.model_fields.get(column.name)
            if field is None:
                problems.append(f"{where}: not in models.py")
            else:
                kinds = set(get_args(field.annotation)) or {field.annotation}
                if column.kind not in kinds:
                    problems.append(f"{where}: models.py holds {field.annotation}")
                if column.nullable and type(None) not in kinds:
                    problems.append(f"{where}: may be NULL, models.py says NOT NULL")
            if column.name not in in_file:
                problems.append(f"{where}: not in the migrated database")
                continue
            kind, notnull, _defaulted = in_file[column.name]
            if kind not in DECLARED[column.kind]:
                problems.append(f"{where}: the migrated database declares {kind}")
            if column.nullable and notnull:
                problems.append(f"{where}: may be NULL, the migrated database says NOT NULL")
        if table is not CHECKIN:  # an update of rows written before
            # A row the writer inserts: every NOT NULL column without a default is written.
            for name, (_kind, notnull, defaulted) in in_file.items():
                if notnull and not defaulted and name not in table.names:
                    problems.append(f"{table.name}.{name}: NOT NULL but never written")
    return problems


def _models() -> dict[str, type[SQLModel]]:
    return {
        str(model.__tablename__): model
        for model in SQLModel.__subclasses__()
        if model.__module__ == models.__name__ and hasattr(model, "__table__")
    }


def test_every_column_the_tray_writes_is_in_the_models_and_the_migrated_file(
    tmp_path: Path,
) -> None:
    assert contract_problems(WRITTEN, tmp_path / "contract.sqlite3") == []


def test_a_column_added_to_the_writer_alone_breaks_the_contract(tmp_path: Path) -> None:
    planned: Column[Any] = Column("planned_minutes", int, lambda _s: 0)
    writer_only = dataclasses.replace(SHIFT, columns=(*SHIFT.columns, planned))
    assert contract_problems((writer_only,), tmp_path / "contract.sqlite3") == [
        "shift.planned_minutes: not in models.py",
        "shift.planned_minutes: not in the migrated database",
    ]


def test_the_tray_writes_times_and_flags_as_sqlmodel_does(tmp_path: Path) -> None:
    """Text order is time order in the review's queries only if both write the same text."""
    when = datetime(2026, 3, 2, 9, 0, 5, 250, tzinfo=UTC)
    path = tmp_path / "same.sqlite3"
    repository = StoredRepository(path)
    repository.beat(when)
    engine = open_database(path).db
    try:
        with Session(engine) as session, session.begin():
            session.add(
                models.ShiftRow(
                    id="by-sqlmodel",
                    planned_start=when,
                    planned_end=when,
                    actual_start=when,
                    scheduled=False,
                )
            )
        with Session(engine) as session:
            [beat] = session.exec(select(models.HeartbeatRow)).all()
        assert beat.at == when  # read back aware, to the microsecond
    finally:
        engine.dispose()
    with closing(sqlite3.connect(path)) as db:
        [(by_tray,)] = db.execute("SELECT at FROM heartbeat").fetchall()
        [(by_sqlmodel, flag)] = db.execute("SELECT actual_start, scheduled FROM shift").fetchall()
    assert by_tray == by_sqlmodel == "2026-03-02 09:00:05.000250"
    assert flag == SHIFT.values(_unscheduled())[-1] == 0


def _unscheduled() -> Any:
    from shiftwell.core.model import ShiftRecord

    return ShiftRecord("s", MONDAY_9AM, MONDAY_9AM, MONDAY_9AM, scheduled=False)
