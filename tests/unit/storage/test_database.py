"""Opening the database file: permissions, damaged files, locks, files we may not touch."""

from __future__ import annotations

import logging
import os
import random
import re
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
import sqlalchemy as sa

from shiftwell.storage.database import (
    DATABASE_NAME,
    DatabaseError,
    DatabaseLocked,
    DatabaseUnavailable,
    OpenedDatabase,
    open_database,
)

STAMP = r"\d{8}T\d{6}Z"

Opener = Callable[..., OpenedDatabase]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / DATABASE_NAME


@pytest.fixture
def opened() -> Iterator[Opener]:
    """`open_database`, with every engine it made disposed of at the end."""
    engines: list[sa.Engine] = []

    def open_(path: Path, lock_timeout: float = 10.0) -> OpenedDatabase:
        database = open_database(path, lock_timeout=lock_timeout)
        engines.append(database.db)
        return database

    yield open_
    for engine in engines:
        engine.dispose()


def make_database(opened: Opener, path: Path) -> bytes:
    """A Shiftwell database with one shift in it, closed; returns its bytes."""
    opened(path).db.dispose()
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "INSERT INTO shift VALUES ('s1', '2026-01-05 09:00:00', '2026-01-05 17:00:00',"
            " '2026-01-05 09:00:00', NULL, 1)"
        )
    return path.read_bytes()


def shift_ids(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return [row[0] for row in connection.execute("SELECT id FROM shift ORDER BY id")]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- a healthy file ---------------------------------------------------------------------


def test_new_database_is_private_whatever_the_umask(opened: Opener, db_path: Path) -> None:
    old_umask = os.umask(0)
    try:
        database = opened(db_path)
        with database.db.begin() as connection:
            connection.exec_driver_sql("INSERT INTO heartbeat VALUES (1, '2026-01-05 09:00:00')")
            # While a connection is open, SQLite keeps its -wal and -shm files beside the file.
            side_files = [db_path.with_name(db_path.name + s) for s in ("-wal", "-shm")]
            assert all(p.exists() for p in side_files)
            assert [mode(p) for p in side_files] == [0o600, 0o600]
    finally:
        os.umask(old_umask)
    assert mode(db_path) == 0o600
    assert mode(db_path.parent) == 0o700
    assert database.path == db_path
    assert (database.moved_aside, database.backup) == (None, None)


def test_connections_are_wal_durable_with_foreign_keys(opened: Opener, db_path: Path) -> None:
    with opened(db_path).db.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in (
                "journal_mode",
                "synchronous",
                "foreign_keys",
                "busy_timeout",
                "journal_size_limit",
            )
        }
    assert pragma == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        # The event loop writes: a lock is never waited for, the write is queued instead.
        "busy_timeout": 0,
        "journal_size_limit": 65536,
    }


def test_a_database_readable_by_others_is_made_private(opened: Opener, db_path: Path) -> None:
    make_database(opened, db_path)
    db_path.chmod(0o644)
    opened(db_path)
    assert mode(db_path) == 0o600
    assert shift_ids(db_path) == ["s1"]


def test_reopening_changes_nothing(opened: Opener, db_path: Path) -> None:
    make_database(opened, db_path)
    again = opened(db_path)
    assert (again.moved_aside, again.backup) == (None, None)
    assert shift_ids(db_path) == ["s1"]
    assert sorted(p.name for p in db_path.parent.iterdir()) == [DATABASE_NAME]


# --- damaged files --------------------------------------------------------------------------


def random_bytes(_valid: bytes) -> bytes:
    return random.Random(7).randbytes(8192)


def valid_header_then_garbage(valid: bytes) -> bytes:
    return valid[:100] + random.Random(8).randbytes(3 * 4096 - 100)


def header_cut_short(valid: bytes) -> bytes:
    return valid[:60]


@pytest.mark.logs_warnings
@pytest.mark.parametrize("damage", [random_bytes, valid_header_then_garbage, header_cut_short])
def test_a_damaged_file_is_moved_aside_intact_and_replaced(
    opened: Opener,
    db_path: Path,
    caplog: pytest.LogCaptureFixture,
    damage: Callable[[bytes], bytes],
) -> None:
    damaged = damage(make_database(opened, db_path))
    db_path.write_bytes(damaged)

    database = opened(db_path)

    aside = database.moved_aside
    assert aside is not None
    assert re.fullmatch(rf"{DATABASE_NAME}\.corrupt-{STAMP}", aside.name)
    assert aside.parent == db_path.parent
    assert aside.read_bytes() == damaged
    # The fresh database works and starts empty.
    with database.db.begin() as connection:
        connection.exec_driver_sql("INSERT INTO heartbeat VALUES (1, '2026-01-05 09:00:00')")
    assert shift_ids(db_path) == []
    [warning] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert str(db_path) in warning.getMessage()
    assert str(aside) in warning.getMessage()


@pytest.mark.logs_warnings
def test_a_file_failing_quick_check_is_moved_aside(opened: Opener, db_path: Path) -> None:
    make_database(opened, db_path)
    with closing(sqlite3.connect(db_path)) as connection:
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_shift_planned_start'"
        ).fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    # Wipe one index page: the table still reads, but the file is no longer whole.
    data = bytearray(db_path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = bytes(page_size)
    db_path.write_bytes(bytes(data))

    database = opened(db_path)

    assert database.moved_aside is not None
    assert database.moved_aside.read_bytes() == bytes(data)
    assert shift_ids(database.moved_aside) == ["s1"]  # what can be read is still there
    assert shift_ids(db_path) == []


@pytest.mark.logs_warnings
def test_side_files_move_aside_with_the_database(opened: Opener, db_path: Path) -> None:
    db_path.parent.mkdir(mode=0o700)
    db_path.write_bytes(b"not a database at all" * 10)
    wal = db_path.with_name(db_path.name + "-wal")
    wal.write_bytes(b"a write-ahead log that belongs to it")

    aside = opened(db_path).moved_aside

    assert aside is not None
    assert (
        aside.with_name(aside.name + "-wal").read_bytes() == b"a write-ahead log that belongs to it"
    )
    assert aside.read_bytes() == b"not a database at all" * 10


@pytest.mark.logs_warnings
def test_a_second_damaged_file_does_not_overwrite_the_first(opened: Opener, db_path: Path) -> None:
    db_path.parent.mkdir(mode=0o700)
    db_path.write_bytes(b"first damaged file")
    first = opened(db_path).moved_aside
    db_path.write_bytes(b"second damaged file")
    second = opened(db_path).moved_aside

    assert first is not None and second is not None and first != second
    assert (first.read_bytes(), second.read_bytes()) == (
        b"first damaged file",
        b"second damaged file",
    )


def test_an_empty_file_becomes_the_database(opened: Opener, db_path: Path) -> None:
    db_path.parent.mkdir(mode=0o700)
    db_path.touch(mode=0o600)
    database = opened(db_path)
    assert database.moved_aside is None
    assert shift_ids(db_path) == []


# --- locks ----------------------------------------------------------------------------------

HOLD_LOCK = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
connection.close()
"""


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_a_file_another_program_locks_is_reported_after_the_timeout(
    opened: Opener, db_path: Path, journal_mode: str
) -> None:
    make_database(opened, db_path)
    with closing(sqlite3.connect(db_path)) as connection:
        # In rollback-journal mode the lock also keeps readers out.
        connection.execute(f"PRAGMA journal_mode={journal_mode}")
    before = db_path.read_bytes()
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline() == "locked\n"
        started = time.monotonic()
        with pytest.raises(DatabaseLocked) as caught:
            opened(db_path, lock_timeout=0.3)
        waited = time.monotonic() - started
        holder.stdin.write("release\n")
        holder.stdin.flush()
        assert holder.wait(timeout=10) == 0

    assert str(caught.value) == (
        f"{db_path} is locked: another program holds it (another Shiftwell, or a tool that "
        "has the file open). Gave up after 0.3 s; nothing was changed."
    )
    assert isinstance(caught.value, DatabaseError)
    assert 0.3 <= waited < 5
    assert db_path.read_bytes() == before


class ReleaseWhenWaiting(logging.Handler):
    """Lets go of the lock the moment Shiftwell says it is waiting for it."""

    def __init__(self, holder: sqlite3.Connection) -> None:
        super().__init__()
        self.holder = holder
        self.released = 0

    def emit(self, record: logging.LogRecord) -> None:
        if "is locked by another program; waiting" in record.getMessage():
            self.holder.execute("ROLLBACK")
            self.released += 1


def test_a_lock_released_in_time_lets_the_open_succeed(opened: Opener, db_path: Path) -> None:
    make_database(opened, db_path)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    release = ReleaseWhenWaiting(holder)
    logger = logging.getLogger("shiftwell.storage.database")
    logger.addHandler(release)
    try:
        database = opened(db_path, lock_timeout=30)
    finally:
        logger.removeHandler(release)
        holder.close()

    assert release.released == 1
    with database.db.begin() as connection:
        connection.exec_driver_sql("INSERT INTO heartbeat VALUES (1, '2026-01-05 09:00:00')")
    assert shift_ids(db_path) == ["s1"]


# --- files we may not use -------------------------------------------------------------------


def test_an_unreadable_file_is_reported_and_left_alone(opened: Opener, db_path: Path) -> None:
    before = make_database(opened, db_path)
    db_path.chmod(0o000)
    try:
        if os.access(db_path, os.R_OK):
            pytest.skip("running as root: a mode-000 file is still readable, nothing to refuse")
        with pytest.raises(DatabaseUnavailable) as caught:
            opened(db_path)
    finally:
        db_path.chmod(0o600)
    assert str(caught.value) == (
        f"{db_path} cannot be read and written by this user (permission denied); check its "
        "owner and permissions. Nothing was changed."
    )
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [DATABASE_NAME]


def test_a_read_only_folder_is_reported_and_left_alone(opened: Opener, db_path: Path) -> None:
    before = make_database(opened, db_path)
    db_path.parent.chmod(0o500)
    try:
        if os.access(db_path.parent, os.W_OK):
            pytest.skip("running as root: a read-only folder is still writable, nothing to refuse")
        with pytest.raises(DatabaseUnavailable) as caught:
            opened(db_path)
    finally:
        db_path.parent.chmod(0o700)
    assert str(caught.value) == (
        f"cannot write in {db_path.parent} (permission denied): Shiftwell keeps "
        f"{DATABASE_NAME} and its journal files there. Nothing was changed."
    )
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [DATABASE_NAME]


def test_a_folder_where_the_file_should_be_is_reported(opened: Opener, db_path: Path) -> None:
    db_path.mkdir(parents=True)
    (db_path / "keep.txt").write_text("mine")
    with pytest.raises(DatabaseUnavailable, match=re.escape(f"{db_path} is not a file.")):
        opened(db_path)
    assert (db_path / "keep.txt").read_text() == "mine"


def test_a_file_where_the_data_folder_should_be_is_reported(opened: Opener, tmp_path: Path) -> None:
    (tmp_path / "data").write_text("mine")
    with pytest.raises(
        DatabaseUnavailable, match=re.escape(f"cannot create the data folder {tmp_path / 'data'}")
    ):
        opened(tmp_path / "data" / DATABASE_NAME)
    assert (tmp_path / "data").read_text() == "mine"


# --- a write-ahead log left by a crash --------------------------------------------------

# Writes one shift per transaction and dies without checkpointing: the log keeps them all.
_CRASHING_WRITER = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA wal_autocheckpoint=0")
for n in range(int(sys.argv[2])):
    connection.execute(
        "INSERT INTO shift VALUES (?, '2026-01-05 09:00:00', '2026-01-05 17:00:00',"
        " '2026-01-05 09:00:00', NULL, 1)", (f"s{n}",))
os._exit(0)
"""

WAL_HEADER, FRAME_HEADER = 32, 24


def crash_after_writes(opened: Opener, path: Path, shifts: int) -> Path:
    """A database whose last `shifts` transactions live only in its log, as after a crash."""
    opened(path).db.dispose()
    subprocess.run([sys.executable, "-c", _CRASHING_WRITER, str(path), str(shifts)], check=True)
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > WAL_HEADER
    return wal


def frame_size(wal: Path) -> int:
    return FRAME_HEADER + int.from_bytes(wal.read_bytes()[8:12], "big")


@pytest.mark.logs_warnings
def test_a_damaged_log_is_copied_before_sqlite_drops_what_follows_the_damage(
    opened: Opener, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    wal = crash_after_writes(opened, db_path, 6)
    frames = (wal.stat().st_size - WAL_HEADER) // frame_size(wal)
    damaged = bytearray(wal.read_bytes())
    # A flipped byte in the page of a frame in the middle of the log.
    damaged[WAL_HEADER + (frames // 2) * frame_size(wal) + FRAME_HEADER + 100] ^= 0xFF
    wal.write_bytes(bytes(damaged))

    database = opened(db_path)

    copy = database.wal_copy
    assert copy is not None
    assert re.fullmatch(rf"{DATABASE_NAME}-wal\.damaged-{STAMP}", copy.name)
    assert copy.read_bytes() == bytes(damaged)
    assert mode(copy) == 0o600
    assert len(shift_ids(db_path)) < 6  # what SQLite dropped; the copy still has it
    [warning] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert str(copy) in warning.getMessage()


def test_a_log_cut_short_by_a_crash_mid_write_is_no_damage(opened: Opener, db_path: Path) -> None:
    wal = crash_after_writes(opened, db_path, 3)
    # The last transaction was being written when the power went: half a frame is there.
    wal.write_bytes(wal.read_bytes()[: -frame_size(wal) // 2])

    database = opened(db_path)

    assert database.wal_copy is None
    assert shift_ids(db_path) == ["s0", "s1"]


def test_an_intact_log_after_a_crash_is_replayed_whole_and_raises_no_alarm(
    opened: Opener, db_path: Path
) -> None:
    crash_after_writes(opened, db_path, 4)

    database = opened(db_path)

    assert database.wal_copy is None
    assert shift_ids(db_path) == ["s0", "s1", "s2", "s3"]
    assert list(db_path.parent.glob("*damaged*")) == []
