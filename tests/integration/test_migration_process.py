"""The database's migration in a process of its own (`shiftwell --migrate-database`, started
by the tray): each way it can fail comes back as the same error, with the same sentence, as
when the migration ran in the tray itself."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from shiftwell.storage.database import open_database
from shiftwell.storage.errors import DatabaseError, DatabaseLocked, DatabaseUnrecognised
from shiftwell.storage.migrate_child import migrate_in_child
from shiftwell.storage.opening import Migrate, already_current
from tests.helpers.storage_faults import locked_by_another_program


@pytest.fixture
def migrate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Migrate:
    monkeypatch.setenv("SHIFTWELL_LANG", "en")
    config = tmp_path / "config.toml"
    return migrate_in_child(
        [sys.executable, "-m", "shiftwell", "--data-dir", str(tmp_path), "--config", str(config)]
    )


def same_refusal(attempt: Callable[[], object], path: Path) -> DatabaseError:
    """The child's error, checked against the one the migration raises in this process."""
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as child:
        attempt()
    with pytest.raises(DatabaseError) as here:
        open_database(path, lock_timeout=0)
    assert (type(child.value), str(child.value)) == (type(here.value), str(here.value))
    assert path.read_bytes() == before  # left as it was
    return child.value


def test_another_programs_alembic_database_is_left_alone_with_the_same_sentence(
    tmp_path: Path, migrate: Migrate
) -> None:
    path = tmp_path / "shiftwell.sqlite3"
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        db.execute("INSERT INTO alembic_version VALUES ('4f2a9c1d0e7b')")
        db.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY)")
    refusal = same_refusal(lambda: migrate(path, 0), path)
    assert isinstance(refusal, DatabaseUnrecognised)
    assert "belongs to another program" in str(refusal)


def test_a_newer_shiftwells_database_is_left_alone_with_the_same_sentence(
    tmp_path: Path, migrate: Migrate
) -> None:
    path = tmp_path / "shiftwell.sqlite3"
    open_database(path).db.dispose()
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    refusal = same_refusal(lambda: migrate(path, 0), path)
    assert "was written by a newer Shiftwell" in str(refusal)


def test_a_locked_database_is_waited_for_then_refused_with_the_same_sentence(
    tmp_path: Path, migrate: Migrate
) -> None:
    path = tmp_path / "shiftwell.sqlite3"
    open_database(path).db.dispose()
    with locked_by_another_program(path):
        refusal = same_refusal(lambda: migrate(path, 0), path)
    assert isinstance(refusal, DatabaseLocked)
    assert "is locked: another program holds it" in str(refusal)


@pytest.mark.logs_warnings
def test_a_damaged_file_is_moved_aside_and_a_fresh_one_made_at_the_newest_schema(
    tmp_path: Path, migrate: Migrate
) -> None:
    path = tmp_path / "shiftwell.sqlite3"
    path.write_bytes(b"not a database at all")
    migrated = migrate(path, 0)
    assert migrated.moved_aside is not None and migrated.backup is None
    assert migrated.moved_aside.read_bytes() == b"not a database at all"
    assert already_current(path)


def test_a_migration_process_that_dies_says_so() -> None:
    dies = migrate_in_child([sys.executable, "-c", "raise SystemExit(3)"])
    with pytest.raises(RuntimeError, match="exit status 3"):
        dies(Path("unused.sqlite3"), 0)
