"""Opening the database for the running app, without SQLAlchemy or Alembic.

At a usual start the file is already at the newest schema: a look with `sqlite3` says so,
and the app opens it. Otherwise (a first start, an older schema, a damaged or strange file)
the careful path of database.py runs, in a short-lived process of its own (`migrate`, see
migrate_child.py), so that Alembic and SQLAlchemy never stay loaded in the tray.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from shiftwell.core.i18n import _
from shiftwell.storage.connection import Database
from shiftwell.storage.errors import DatabaseUnavailable
from shiftwell.storage.files import (
    SQLITE_MAGIC,
    create_private,
    keep_damaged_wal,
    keep_private,
    unused_name,
    utc_stamp,
    with_side_files,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migrated:
    """What bringing the file to the newest schema had to do."""

    # Where an unusable file was moved before a fresh one was made (tell the user).
    moved_aside: Path | None = None
    # The copy taken before migrating to a newer schema.
    backup: Path | None = None


# Brings the file at `path` to the newest schema, waiting up to `lock_timeout` seconds for
# another program's lock; raises DatabaseError (or a full disk's error) as database.py does.
Migrate = Callable[[Path, float], Migrated]


@dataclass(frozen=True)
class Schema:
    """A file's schema as SQLite keeps it (its CREATE statements) and its schema version:
    enough to make a fresh file like it, at once and without Alembic."""

    statements: tuple[str, ...]
    versions: tuple[str, ...]


@dataclass(frozen=True)
class OpenedFile:
    """The running app's database, and what had to be done to open it."""

    database: Database
    path: Path
    moved_aside: Path | None = None
    backup: Path | None = None
    # A copy of a write-ahead log that SQLite would replay only in part (damaged frames).
    wal_copy: Path | None = None
    # The schema the file had when opened (at the newest version), for a damaged file's
    # replacement; None if it could not be read.
    schema: Schema | None = None


def open_for_writing(path: Path, migrate: Migrate, *, lock_timeout: float = 10.0) -> OpenedFile:
    """Open (creating if needed) the database at `path`, at the newest schema; `migrate`
    runs only when the file is not there already. Raises DatabaseError with a message for
    the user when the file cannot be used as it is."""
    prepare_folder(path.parent)
    check_access(path)
    wal_copy = keep_damaged_wal(path)
    if already_current(path):
        return OpenedFile(Database(path), path, wal_copy=wal_copy, schema=read_schema(path))
    migrated = migrate(path, lock_timeout)
    return OpenedFile(
        Database(path),
        path,
        moved_aside=migrated.moved_aside,
        backup=migrated.backup,
        wal_copy=wal_copy,
        schema=read_schema(path),
    )


def replace_damaged(opened: OpenedFile, migrate: Migrate) -> Path:
    """A file found damaged while in use: moved aside (kept), a fresh one made in its place.

    `opened.database` opens the fresh file from now on. Raises DatabaseError when the file
    cannot be moved or the fresh one made.
    """
    path = opened.path
    aside = unused_name(path, f".corrupt-{utc_stamp()}")
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        # Closing the last connection folds the log into the damaged file and deletes it:
        # the log is the part most likely to be whole, so a copy is kept first.
        with suppress(OSError):
            shutil.copy2(wal, aside.with_name(aside.name + "-wal.copy"))
    opened.database.close()  # no connection keeps the damaged file open
    move_aside(path, aside)
    log.warning("%s was damaged while in use; moved it to %s", path, aside)
    if opened.schema is None or not _made_fresh(path, opened.schema):
        migrate(path, 0.0)  # a second or two: the app waits for it, once
    return aside


def read_schema(path: Path) -> Schema | None:
    """The schema of the file at `path` (read-only, no waiting); None if it cannot be read."""
    uri = path.absolute().as_uri() + "?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=0)) as connection:
            statements = connection.execute(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
                "AND name NOT LIKE 'sqlite_%' ORDER BY type = 'index', rowid"
            ).fetchall()
            versions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error as error:
        log.info("cannot read the schema of %s (%s)", path, error)
        return None
    return Schema(tuple(str(s) for (s,) in statements), tuple(str(v) for (v,) in versions))


def _made_fresh(path: Path, schema: Schema) -> bool:
    """A fresh, empty file with `schema`, as the migrations made it; False (after logging
    why) when it could not be made and the migrations must run instead."""
    try:
        create_private(path)
        with closing(sqlite3.connect(path, timeout=0, isolation_level=None)) as connection:
            connection.execute("BEGIN IMMEDIATE")
            for statement in schema.statements:
                connection.execute(statement)
            connection.executemany(
                "INSERT INTO alembic_version (version_num) VALUES (?)",
                [(version,) for version in schema.versions],
            )
            connection.execute("COMMIT")
            connection.execute("PRAGMA journal_mode=WAL")
    except (OSError, sqlite3.Error) as error:
        log.warning(
            "could not make a fresh %s from its schema (%s); migrating instead", path, error
        )
        return False  # what was begun was rolled back: the migrations take the file as new
    keep_private(path)
    return True


def move_aside(path: Path, aside: Path | None = None) -> Path:
    aside = aside or unused_name(path, f".corrupt-{utc_stamp()}")
    try:
        # The side files follow the database's new name, so SQLite still pairs them.
        for source, target in zip(with_side_files(path), with_side_files(aside), strict=True):
            if source.exists():
                source.rename(target)
    except OSError as error:
        message = _("{path} is not a usable database and could not be moved to {aside}: {reason}")
        raise DatabaseUnavailable(
            message.format(path=path, aside=aside, reason=error.strerror or error)
        ) from error
    return aside


# --- the schema's version, read without Alembic ----------------------------------------------

_REVISION_LINE = re.compile(r"^(down_)?revision(?::[^=]*)? = (?:\"([^\"]*)\"|None)$", re.M)


def head_revision() -> str:
    """The newest shipped revision, read from the migration files (without Alembic)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (Path(__file__).parent / "migrations" / "versions").glob("*.py"):
        for down, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            if value:
                (parents if down else revisions).add(value)
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"expected one head revision, found {sorted(heads)}")
    return heads.pop()


def already_current(path: Path) -> bool:
    """A healthy database already at the newest schema (read-only look, no waiting)."""
    try:
        with path.open("rb") as file:
            if file.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return False  # never let SQLite near a damaged file (it may drop its -wal)
        with closing(sqlite3.connect(path, timeout=0, isolation_level=None)) as connection:
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return False
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
            connection.execute("BEGIN IMMEDIATE")  # would we be able to write right now?
            connection.execute("ROLLBACK")
    except (OSError, sqlite3.Error):
        return False  # missing, locked, damaged or unversioned: the careful path decides
    if rows != [(head_revision(),)]:
        return False
    keep_private(path)
    return True


# --- access -------------------------------------------------------------------------------


def prepare_folder(folder: Path) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        message = _("cannot create the data folder {folder}: {reason}")
        raise DatabaseUnavailable(
            message.format(folder=folder, reason=error.strerror or error)
        ) from error


def check_access(path: Path) -> None:
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        message = _(
            "cannot write in {folder} (permission denied): Shiftwell keeps {name} and "
            "its journal files there. Nothing was changed."
        )
        raise DatabaseUnavailable(message.format(folder=folder, name=path.name))
    for candidate in with_side_files(path):
        if not candidate.exists():
            continue
        if not candidate.is_file():
            message = _("{path} is not a file. Nothing was changed.")
            raise DatabaseUnavailable(message.format(path=candidate))
        if not os.access(candidate, os.R_OK | os.W_OK):
            message = _(
                "{path} cannot be read and written by this user (permission denied); "
                "check its owner and permissions. Nothing was changed."
            )
            raise DatabaseUnavailable(message.format(path=candidate))
