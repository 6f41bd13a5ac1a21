"""Schema versions: a new file is made at head, older files are upgraded without losing rows."""

from __future__ import annotations

import re
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

import shiftwell.storage
from shiftwell.storage.database import (
    DATABASE_NAME,
    FIRST_REVISION,
    MIGRATIONS,
    DatabaseError,
    DatabaseTooNew,
    DatabaseUnrecognised,
    OpenedDatabase,
    migration_config,
    open_database,
)

HEAD = ScriptDirectory.from_config(migration_config()).get_current_head() or FIRST_REVISION
STAMP = r"\d{8}T\d{6}Z"

Opener = Callable[..., OpenedDatabase]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "data" / DATABASE_NAME
    path.parent.mkdir(mode=0o700)
    return path


@pytest.fixture
def opened() -> Iterator[Opener]:
    """`open_database`, with every engine it made disposed of at the end."""
    engines: list[sa.Engine] = []

    def open_(path: Path, migrations: str = MIGRATIONS) -> OpenedDatabase:
        database = open_database(path, migrations=migrations)
        engines.append(database.db)
        return database

    yield open_
    for engine in engines:
        engine.dispose()


def upgrade_to(path: Path, revision: str, migrations: str = MIGRATIONS) -> None:
    """Make the file the way that revision of Shiftwell left it, with Alembic directly."""
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            command.upgrade(migration_config(connection, migrations), revision)
    finally:
        engine.dispose()


def revisions(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]


def columns(path: Path, table: str) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


Row = tuple[str | int | float | None, ...]

# Rows as the first schema stores them, written without the application's code.
FIRST_SCHEMA_ROWS: dict[str, list[Row]] = {
    "shift": [("s1", "2026-01-05 09:00:00", "2026-01-05 17:00:00", "2026-01-05 09:02:00", None, 1)],
    "segment": [
        ("g1", "s1", "focus", "2026-01-05 09:02:00", "2026-01-05 09:22:00",
         "2026-01-05 09:02:00", "2026-01-05 09:22:00", "completed", None, None),
        ("g2", "s1", "long_break", "2026-01-05 09:22:00", "2026-01-05 09:32:00",
         "2026-01-05 09:22:00", None, None, 4, "calm"),
    ],
    "overtime": [("o1", "s1", "2026-01-05 17:00:00", 900, "a caller on hold")],
    "heartbeat": [(1, "2026-01-05 09:30:00")],
    "transition": [
        (1, "2026-01-05 09:02:00", 12.5, "start_shift", "off_shift", "focus", "s1", None, "g1", ""),
        (2, "2026-01-05 09:22:00", 1212.5, "timer", "focus", "long_break", "s1", "g1", "g2", ""),
    ],
}  # fmt: skip


def write_rows(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        for table, rows in FIRST_SCHEMA_ROWS.items():
            marks = ", ".join("?" * len(rows[0]))
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


def read_rows(path: Path) -> dict[str, list[Row]]:
    """The first schema's columns of every table, whatever columns came later."""
    with closing(sqlite3.connect(path)) as connection:
        found = {}
        for table in FIRST_SCHEMA_ROWS:
            first_columns = ", ".join(f'"{c}"' for c in FIRST_COLUMNS[table])
            found[table] = connection.execute(
                f"SELECT {first_columns} FROM {table} ORDER BY 1"
            ).fetchall()
        return found


def first_columns() -> dict[str, list[str]]:
    engine = sa.create_engine("sqlite://", poolclass=sa.StaticPool)
    try:
        with engine.begin() as connection:
            command.upgrade(migration_config(connection), FIRST_REVISION)
            inspector = sa.inspect(connection)
            return {t: [c["name"] for c in inspector.get_columns(t)] for t in FIRST_SCHEMA_ROWS}
    finally:
        engine.dispose()


FIRST_COLUMNS = first_columns()


# --- the schema -----------------------------------------------------------------------------


def test_a_new_database_is_at_head_and_matches_the_models(opened: Opener, db_path: Path) -> None:
    database = opened(db_path)
    with database.db.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []
    assert revisions(db_path) == [HEAD]


def test_revision_ids_are_readable() -> None:
    scripts = ScriptDirectory.from_config(migration_config())
    ids = [script.revision for script in scripts.walk_revisions()]
    assert FIRST_REVISION in ids
    assert all(re.fullmatch(r"\d{4}_[a-z0-9_]+", revision) for revision in ids)


# --- upgrades -------------------------------------------------------------------------------


def test_rows_of_the_first_schema_survive_the_upgrade_to_head(
    opened: Opener, db_path: Path
) -> None:
    upgrade_to(db_path, FIRST_REVISION)
    write_rows(db_path)

    database = opened(db_path)

    assert revisions(db_path) == [HEAD]
    assert read_rows(db_path) == FIRST_SCHEMA_ROWS
    if HEAD == FIRST_REVISION:
        assert database.backup is None
    else:
        assert database.backup is not None
        assert revisions(database.backup) == [FIRST_REVISION]
        assert read_rows(database.backup) == FIRST_SCHEMA_ROWS


ADD_SHIFT_NOTE = """
import sqlalchemy as sa
from alembic import op

revision = "0002_shift_note"
down_revision = {down!r}


def upgrade():
    # recreate="always" copies the table, as most SQLite changes do; segments point at it.
    with op.batch_alter_table("shift", recreate="always") as batch:
        batch.add_column(sa.Column("note", sa.String(), nullable=False, server_default=""))
    {then}
"""


def scripts_with_next_revision(tmp_path: Path, then: str = "pass") -> str:
    """The shipped migrations plus one more after head, as a later Shiftwell would have."""
    scripts = tmp_path / "migrations"
    shipped = Path(shiftwell.storage.__file__).parent / "migrations"
    shutil.copytree(shipped, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0002_shift_note.py").write_text(
        ADD_SHIFT_NOTE.format(down=HEAD, then=then)
    )
    return str(scripts)


def test_an_upgrade_backs_up_first_and_keeps_every_row(
    opened: Opener, db_path: Path, tmp_path: Path
) -> None:
    later = scripts_with_next_revision(tmp_path)
    opened(db_path).db.dispose()
    write_rows(db_path)

    database = opened(db_path, later)

    assert revisions(db_path) == ["0002_shift_note"]
    assert "note" in columns(db_path, "shift")
    assert read_rows(db_path) == FIRST_SCHEMA_ROWS
    with database.db.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    backup = database.backup
    assert backup is not None
    assert backup.parent == db_path.parent
    assert re.fullmatch(rf"{DATABASE_NAME}\.bak-{re.escape(HEAD)}-{STAMP}", backup.name)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert revisions(backup) == [HEAD]
    assert "note" not in columns(backup, "shift")
    assert read_rows(backup) == FIRST_SCHEMA_ROWS


def test_a_migration_that_fails_half_way_changes_nothing(
    opened: Opener, db_path: Path, tmp_path: Path
) -> None:
    broken = scripts_with_next_revision(tmp_path, then='raise RuntimeError("half-way")')
    opened(db_path).db.dispose()
    write_rows(db_path)

    with pytest.raises(DatabaseError) as caught:
        opened(db_path, broken)

    [backup] = db_path.parent.glob(f"{DATABASE_NAME}.bak-*")
    assert str(caught.value) == (
        f"could not migrate {db_path} from schema {HEAD} to 0002_shift_note (half-way); "
        f"it was left as it was, and a copy is at {backup}."
    )

    assert revisions(db_path) == [HEAD]
    assert "note" not in columns(db_path, "shift")
    assert read_rows(db_path) == FIRST_SCHEMA_ROWS
    assert opened(db_path).backup is None  # this version opens it as before


# --- files made before schema versions ---------------------------------------------------


def make_unversioned(path: Path) -> None:
    """What `open_database` did before schema versions: the first schema's tables (as
    create_all made them then), no version, then rows."""
    upgrade_to(path, FIRST_REVISION)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("DROP TABLE alembic_version")
    write_rows(path)


def test_a_database_made_before_versions_is_stamped_and_kept(
    opened: Opener, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    make_unversioned(db_path)

    opened(db_path)

    assert revisions(db_path) == [HEAD]
    assert read_rows(db_path) == FIRST_SCHEMA_ROWS
    assert f"{db_path} predates schema versions; its tables match {FIRST_REVISION}" in caplog.text


def test_a_database_made_before_versions_is_backed_up_as_it_was_before_an_upgrade(
    opened: Opener, db_path: Path, tmp_path: Path
) -> None:
    make_unversioned(db_path)
    before = read_rows(db_path)

    backup = opened(db_path, scripts_with_next_revision(tmp_path)).backup

    assert revisions(db_path) == ["0002_shift_note"]
    assert read_rows(db_path) == before == FIRST_SCHEMA_ROWS
    assert backup is not None
    assert backup.name.startswith(f"{DATABASE_NAME}.bak-{FIRST_REVISION}-")
    with closing(sqlite3.connect(backup)) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "alembic_version" not in tables
    assert read_rows(backup) == FIRST_SCHEMA_ROWS


def test_unversioned_tables_shiftwell_did_not_make_are_refused_untouched(
    opened: Opener, db_path: Path
) -> None:
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("CREATE TABLE shift (id VARCHAR NOT NULL PRIMARY KEY)")
        connection.execute("CREATE TABLE notes (body TEXT)")
        connection.execute("INSERT INTO notes VALUES ('mine')")
    before = db_path.read_bytes()

    with pytest.raises(DatabaseUnrecognised) as caught:
        opened(db_path)

    message = str(caught.value)
    assert message.startswith(f"{db_path} has no schema version and its tables are not")
    assert "missing table segment" in message
    assert "unknown table notes" in message
    assert "table shift differs" in message
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [DATABASE_NAME]


# --- files from a newer Shiftwell --------------------------------------------------------


def test_a_newer_revision_is_refused_and_the_file_left_untouched(
    opened: Opener, db_path: Path
) -> None:
    opened(db_path).db.dispose()
    write_rows(db_path)
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    before = db_path.read_bytes()

    with pytest.raises(DatabaseTooNew) as caught:
        opened(db_path)

    assert str(caught.value) == (
        f"{db_path} was written by a newer Shiftwell (schema revision 0099_from_the_future); "
        "this version cannot read it. Update Shiftwell to open it; the file was left untouched."
    )
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [DATABASE_NAME]


def test_a_database_already_at_the_newest_schema_opens_without_loading_alembic(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    from shiftwell.storage.database import head_revision

    path = tmp_path / "current.sqlite3"
    open_database(path).db.dispose()  # created and migrated: Alembic runs once
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from shiftwell.storage.database import open_database\n"
        f"opened = open_database(Path({str(path)!r}))\n"
        "opened.db.dispose()\n"
        "print(any(m.split('.')[0] == 'alembic' for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
    with sqlite3.connect(path) as db:
        assert db.execute("select version_num from alembic_version").fetchall() == [
            (head_revision(),)
        ]


def test_another_programs_versioned_database_is_named_as_such_and_left_untouched(
    opened: Opener, db_path: Path
) -> None:
    # Alembic is common: another program's file has a version table too, but none of ours.
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES ('3f2a9c1b7d4e')")
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        connection.execute("INSERT INTO invoices VALUES (1, 9.5)")
    before = db_path.read_bytes()

    with pytest.raises(DatabaseUnrecognised) as caught:
        opened(db_path)

    message = str(caught.value)
    assert "newer Shiftwell" not in message
    assert message == (
        f"{db_path} belongs to another program: it does not have Shiftwell's tables "
        "(shift, segment, transition). It was left untouched; move it away to start afresh."
    )
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [DATABASE_NAME]
