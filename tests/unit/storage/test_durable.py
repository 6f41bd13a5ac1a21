"""A full disk (SQLite's own SQLITE_FULL, from a page limit) loses nothing."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from shiftwell.core.model import BreakNow, Pause, Resume, StartShift
from shiftwell.storage.durable import DurableRecorder
from shiftwell.storage.journal import Journal, journal_path
from shiftwell.storage.opening import Migrated, OpenedFile, open_for_writing, replace_damaged
from tests.helpers.engine import make_engine
from tests.helpers.stored import StoredRepository, migrate_here


@pytest.mark.logs_warnings
def test_writes_wait_while_the_disk_is_full_and_land_in_order_afterwards(
    tmp_path: Path,
) -> None:
    repository = StoredRepository(tmp_path / "full.sqlite3")
    full = {"on": False}

    def limit_pages(connection: sqlite3.Connection) -> None:
        if full["on"]:
            pages = connection.execute("pragma page_count").fetchone()[0]
            connection.execute(f"pragma max_page_count = {pages}")

    repository.database.on_connect.append(limit_pages)
    troubles: list[str] = []
    recovered: list[bool] = []
    recorder = DurableRecorder(repository, troubles.append, lambda: recovered.append(True))
    engine, clock, seen = make_engine()
    engine.add_listener(recorder)
    engine.handle(StartShift())

    full["on"] = True
    repository.database.close()  # the next connection gets the page limit: the "disk" is full
    for _ in range(40):  # enough rows to need a new page
        engine.handle(Pause())
        clock.advance(1)
        engine.handle(Resume())
    assert recorder.pending, "the page limit never bit"
    assert len(troubles) == 1 and "database or disk is full" in troubles[0]

    full["on"] = False
    repository.database.close()
    engine.handle(BreakNow())
    assert recorder.pending == []
    assert recovered == [True]
    stored = [(r.source, r.target) for r in repository.transitions()]
    assert stored == [(t.source.value, t.target.value) for t in seen.transitions]


@pytest.mark.logs_warnings
def test_a_file_sqlite_finds_damaged_is_moved_aside_and_the_transition_written_afresh(
    tmp_path: Path,
) -> None:
    path = tmp_path / "shiftwell.sqlite3"
    repository = StoredRepository(path)
    opened = OpenedFile(repository.database, path)
    troubles: list[str] = []
    recorder = DurableRecorder(
        repository,
        troubles.append,
        lambda: None,
        replace_damaged=lambda: replace_damaged(opened, migrate_here),
    )
    engine, _clock, seen = make_engine()
    engine.add_listener(recorder)
    engine.handle(StartShift())
    repository.database.close()
    damaged = b"SQLite format 3\x00" + random.Random(3).randbytes(path.stat().st_size - 16)
    path.write_bytes(damaged)  # the next connection finds the pages damaged

    engine.handle(Pause())

    assert recorder.pending == [] and troubles == []
    [aside] = tmp_path.glob("shiftwell.sqlite3.corrupt-*")
    assert aside.read_bytes()[: len(damaged)] == damaged
    stored = [(r.source, r.target) for r in repository.transitions()]
    assert (
        stored
        == [("focus", "paused")]
        == [(t.source.value, t.target.value) for t in seen.transitions[1:]]
    )


def test_what_a_quit_left_in_the_side_file_is_written_once_at_the_next_start(
    tmp_path: Path,
) -> None:
    path = tmp_path / "shiftwell.sqlite3"
    repository = StoredRepository(path)
    journal = Journal(journal_path(path))
    engine, _clock, seen = make_engine()
    engine.handle(StartShift())
    engine.handle(Pause())
    # A crash after the commit and before the side file was emptied: both hold the first.
    repository.record(seen.transitions[0])
    journal.append(seen.transitions)

    again = DurableRecorder(None, print, lambda: None, journal=journal)
    again.adopt(journal.read())
    again.attach(repository)

    stored = [(r.trigger, r.source, r.target) for r in repository.transitions()]
    assert stored == [("start_shift", "off_shift", "focus"), ("pause", "focus", "paused")]
    assert not journal.path.exists()
    assert journal.read() == []
    repository.database.close()


def test_the_side_file_gives_back_exactly_the_transitions_it_was_given(tmp_path: Path) -> None:
    engine, clock, seen = make_engine()
    engine.handle(StartShift())
    for _ in range(3):
        clock.advance(25 * 60)  # breaks come due, start and end by themselves
    engine.handle(BreakNow())
    engine.handle(Pause())
    engine.handle(Resume())
    journal = Journal(tmp_path / "pending")
    journal.append(seen.transitions[:2])
    journal.append(seen.transitions[2:])
    assert journal.read() == seen.transitions
    assert len(seen.transitions) > 5


def test_a_checkpoint_another_reader_held_off_is_tried_again_until_the_log_is_small(
    tmp_path: Path,
) -> None:
    from shiftwell.storage.durable import WAL_LIMIT_BYTES
    from shiftwell.storage.files import wal_size

    path = tmp_path / "shiftwell.sqlite3"
    repository = StoredRepository(path)
    later: list[object] = []
    recorder = DurableRecorder(
        repository,
        lambda _message: None,
        lambda: None,
        retry_later=lambda _seconds, again: later.append(again),
        wal_size=lambda: wal_size(path),
    )
    engine, clock, _ = make_engine()
    engine.add_listener(recorder)
    engine.handle(StartShift())
    reader = sqlite3.connect(path, isolation_level=None)  # another program
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM 'transition'").fetchall()  # a read snapshot
    while wal_size(path) <= WAL_LIMIT_BYTES:
        engine.handle(Pause())
        clock.advance(1)
        engine.handle(Resume())
    assert later, "no second try was armed while the reader held the log"
    reader.close()  # the other program is done
    while later and wal_size(path) > WAL_LIMIT_BYTES:
        later.pop(0)()  # type: ignore[operator]
    assert wal_size(path) <= WAL_LIMIT_BYTES
    repository.database.close()


@pytest.mark.logs_warnings
def test_a_damaged_file_is_replaced_at_once_from_its_own_schema_without_migrating(
    tmp_path: Path,
) -> None:
    # The running app must not wait for a migration process: the fresh file is made from
    # the schema the file had when opened, at the same version as a migrated one.
    path = tmp_path / "shiftwell.sqlite3"
    migrations: list[Path] = []

    def migrate(target: Path, wait: float) -> Migrated:
        migrations.append(target)
        return migrate_here(target, wait)

    opened = open_for_writing(path, migrate)
    assert migrations == [path]  # a first start: the file is made by the migrations
    repository = StoredRepository(opened.database)
    recorder = DurableRecorder(
        repository, print, lambda: None, replace_damaged=lambda: replace_damaged(opened, migrate)
    )
    engine, _clock, _seen = make_engine()
    engine.add_listener(recorder)
    engine.handle(StartShift())
    opened.database.close()
    path.write_bytes(b"SQLite format 3\x00" + random.Random(4).randbytes(path.stat().st_size - 16))

    engine.handle(Pause())

    assert migrations == [path] and recorder.pending == []
    assert [(r.trigger, r.target) for r in repository.transitions()] == [("pause", "paused")]
    reference = tmp_path / "reference.sqlite3"
    migrate_here(reference, 0)
    assert schema_of(path) == schema_of(reference)
    opened.database.close()


def schema_of(path: Path) -> tuple[object, ...]:
    with closing(sqlite3.connect(path)) as db:
        return (
            sorted(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()),
            db.execute("SELECT version_num FROM alembic_version").fetchall(),
            db.execute("PRAGMA journal_mode").fetchone(),
        )
