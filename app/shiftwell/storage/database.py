"""Opening the SQLite file: WAL, durable commits, user-only permissions, schema migrations.

Nothing here deletes data. A file that is not a usable database is moved aside and kept; a
file about to be migrated is backed up first; a file written by a newer Shiftwell, a locked
file and a file we may not read or write are reported and left as they were.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.pool import NullPool, StaticPool

from shiftwell.core.i18n import _
from shiftwell.storage import models  # noqa: F401  (registers the tables)
from shiftwell.storage.connection import apply_pragmas
from shiftwell.storage.connection import sqlite_code as _sqlite_code

# The errors are raised here; they live in errors.py for the tray, which needs no SQLAlchemy.
from shiftwell.storage.errors import DatabaseError as DatabaseError
from shiftwell.storage.errors import DatabaseLocked as DatabaseLocked
from shiftwell.storage.errors import DatabaseTooNew as DatabaseTooNew
from shiftwell.storage.errors import DatabaseUnavailable as DatabaseUnavailable
from shiftwell.storage.errors import DatabaseUnrecognised as DatabaseUnrecognised
from shiftwell.storage.files import (
    SQLITE_HEADER_SIZE,
    SQLITE_MAGIC,
    create_private,
    keep_damaged_wal,
    keep_private,
    unused_name,
    utc_stamp,
)
from shiftwell.storage.opening import (
    already_current,
    check_access,
    move_aside,
    prepare_folder,
)
from shiftwell.storage.opening import head_revision as head_revision

if TYPE_CHECKING:
    from alembic.config import Config

DATABASE_NAME = "shiftwell.sqlite3"
# The scripts that ship in the package, as `package:folder` (or a plain folder path).
MIGRATIONS = "shiftwell.storage:migrations"
# The schema that `create_all` made before the schema had versions.
FIRST_REVISION = "0001_initial"

_VERSION_TABLE = "alembic_version"
# The tables that make a file Shiftwell's, in the order the user reads them.
_CORE_ORDER = ("shift", "segment", "transition")
_CORE_TABLES = frozenset(_CORE_ORDER)
# Per attempt, SQLite's own busy handler waits this long before we back off and retry.
_ATTEMPT_WAIT = 0.5
_FIRST_BACKOFF = 0.05
_MAX_BACKOFF = 1.0

_BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
_CORRUPT_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_ACCESS_CODES = frozenset(
    {sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_AUTH}
)

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class OpenedDatabase:
    """A database ready for the repository, and what had to be done to get it there."""

    db: sa.Engine  # SQLAlchemy's handle on the file (the shift machine is core's Engine)
    # Where an unusable file was moved before a fresh one was made (tell the user).
    moved_aside: Path | None
    # The copy taken before migrating to a newer schema.
    backup: Path | None
    path: Path
    # A copy of a write-ahead log that SQLite would replay only in part (damaged frames).
    wal_copy: Path | None = None


def open_database(
    path: Path,
    *,
    lock_timeout: float = 10.0,
    migrations: str = MIGRATIONS,
    wal_checked: bool = False,
) -> OpenedDatabase:
    """Open (creating if needed) the database at `path`, migrated to the newest schema.

    While another program holds the file, retries for up to `lock_timeout` seconds (this
    blocks the caller). `migrations` names the Alembic scripts to run. Raises a
    `DatabaseError` with a message for the user when the file cannot be used as it is; the
    file is then left as it was. `wal_checked`: the caller kept a damaged write-ahead log
    already (keep_damaged_wal), so no second copy is made.
    """
    prepare_folder(path.parent)
    check_access(path)
    wal_copy = None if wal_checked else keep_damaged_wal(path)
    if migrations == MIGRATIONS and already_current(path):
        # The usual start: nothing to migrate, so Alembic (17 MB) is never loaded.
        return OpenedDatabase(
            _engine(path), moved_aside=None, backup=None, path=path, wal_copy=wal_copy
        )
    waiter = _LockWaiter(path, lock_timeout)
    known = _known_revisions(migrations)
    problem = waiter.run(lambda wait: _inspect(path, wait, known))
    moved_aside = None
    if problem is not None:
        moved_aside = move_aside(path)
        log.warning(
            "%s is not a usable database (%s); moved it to %s and started a fresh one",
            path,
            problem,
            moved_aside,
        )
    create_private(path)
    backup = waiter.run(lambda wait: _migrate(path, wait, migrations))
    keep_private(path)
    return OpenedDatabase(
        _engine(path), moved_aside=moved_aside, backup=backup, path=path, wal_copy=wal_copy
    )


def _engine(path: Path) -> sa.Engine:
    engine = sa.create_engine(f"sqlite:///{path}")
    sa.event.listen(engine, "connect", lambda connection, _record: apply_pragmas(connection))
    return engine


def migration_config(
    connection: sa.Connection | None = None, migrations: str = MIGRATIONS
) -> Config:
    """Alembic's configuration, in code: the scripts to run and the connection to run them on."""
    from alembic.config import Config

    config = Config()
    # The option goes through ConfigParser interpolation, where `%` is special.
    config.set_main_option("script_location", migrations.replace("%", "%%"))
    # New revision files are named by their id alone, like versions/0001_initial.py.
    config.set_main_option("file_template", "%%(rev)s")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


# --- locks ------------------------------------------------------------------------------


class _LockWaiter:
    """Retries an attempt while another program holds the file, up to one shared deadline."""

    def __init__(self, path: Path, timeout: float) -> None:
        self._path = path
        self._timeout = timeout
        self._deadline = time.monotonic() + timeout
        self._said_so = False

    def run(self, attempt: Callable[[float], T]) -> T:
        """Call `attempt(wait)`, where `wait` is how long SQLite may wait for the lock."""
        backoff = _FIRST_BACKOFF
        while True:
            remaining = self._deadline - time.monotonic()
            try:
                return attempt(max(0.0, min(_ATTEMPT_WAIT, remaining)))
            except (sqlite3.Error, sa.exc.DBAPIError) as error:
                code = _sqlite_code(error)
                if code in _ACCESS_CODES:
                    message = _("SQLite cannot open {path}: {reason}. Nothing was changed.")
                    raise DatabaseUnavailable(
                        message.format(path=self._path, reason=_message(error))
                    ) from error
                if code not in _BUSY_CODES:
                    raise
                remaining = self._deadline - time.monotonic()
                if remaining <= 0:
                    message = _(
                        "{path} is locked: another program holds it (another "
                        "Shiftwell, or a tool that has the file open). Gave up after "
                        "{seconds} s; nothing was changed."
                    )
                    raise DatabaseLocked(
                        message.format(path=self._path, seconds=f"{self._timeout:g}")
                    ) from error
                if not self._said_so:
                    self._said_so = True
                    log.info(
                        "%s is locked by another program; waiting up to %g s",
                        self._path,
                        self._timeout,
                    )
                time.sleep(min(backoff, remaining))
                backoff = min(backoff * 2, _MAX_BACKOFF)


def _message(error: BaseException) -> str:
    return str(error.orig) if isinstance(error, sa.exc.DBAPIError) else str(error)


# --- health -------------------------------------------------------------------------------


def _inspect(path: Path, wait: float, known: frozenset[str]) -> str | None:
    """What is wrong with the file as a database, or None; only reads it."""
    if not path.exists() or path.stat().st_size == 0:
        return None  # SQLite makes an empty file into a database
    with path.open("rb") as file:
        header = file.read(SQLITE_HEADER_SIZE)
    if not header.startswith(SQLITE_MAGIC):
        return "not an SQLite file"
    if len(header) < SQLITE_HEADER_SIZE:
        return "its header is cut short"
    try:
        with closing(_connect_raw(path, wait)) as connection:
            verdict = [row[0] for row in connection.execute("PRAGMA quick_check")]
            if verdict != ["ok"]:
                return "quick_check: " + _first_words(" ".join(verdict))
            revisions = _stored_revisions(connection)
            tables = _table_names(connection)
    except sqlite3.DatabaseError as error:
        if _sqlite_code(error) in _CORRUPT_CODES:
            return str(error)
        raise
    unknown = sorted(revisions - known)
    if unknown and not tables >= _CORE_TABLES:
        # Alembic is common: a version table alone does not make a file ours. Every
        # Shiftwell schema, older or newer, keeps these three tables.
        message = _(
            "{path} belongs to another program: it does not have Shiftwell's tables "
            "({tables}). It was left untouched; move it away to start afresh."
        )
        raise DatabaseUnrecognised(message.format(path=path, tables=", ".join(_CORE_ORDER)))
    if unknown:
        message = _(
            "{path} was written by a newer Shiftwell (schema revision {revisions}); "
            "this version cannot read it. Update Shiftwell to open it; the file was left "
            "untouched."
        )
        raise DatabaseTooNew(message.format(path=path, revisions=", ".join(unknown)))
    return None


def _first_words(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _connect_raw(path: Path, wait: float) -> sqlite3.Connection:
    # mode=rw: never create the file here; autocommit: nothing is written.
    uri = path.absolute().as_uri() + "?mode=rw"
    return sqlite3.connect(uri, uri=True, timeout=wait, isolation_level=None)


def _stored_revisions(connection: sqlite3.Connection) -> frozenset[str]:
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (_VERSION_TABLE,)
    ).fetchone()
    if has_table is None:
        return frozenset()
    rows = connection.execute(f"SELECT version_num FROM {_VERSION_TABLE}").fetchall()
    return frozenset(str(row[0]) for row in rows)


def _table_names(connection: sqlite3.Connection) -> frozenset[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return frozenset(str(row[0]) for row in rows)


# --- migrations ---------------------------------------------------------------------------


def _known_revisions(migrations: str) -> frozenset[str]:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migration_config(migrations=migrations))
    return frozenset(script.revision for script in scripts.walk_revisions())


def _migration_engine(path: Path, wait: float) -> sa.Engine:
    engine = sa.create_engine(
        f"sqlite:///{path}", poolclass=NullPool, connect_args={"timeout": wait}
    )

    def on_connect(connection: Any, _record: Any) -> None:
        # We issue BEGIN ourselves so DDL is inside the transaction too (the sqlite3
        # module would leave it outside). Foreign keys are off while tables are rebuilt,
        # as SQLite's ALTER TABLE procedure asks, and checked before commit instead.
        connection.isolation_level = None
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute("PRAGMA synchronous=FULL")

    def on_begin(connection: sa.Connection) -> None:
        # IMMEDIATE takes the write lock now: a locked file is found before any work.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    sa.event.listen(engine, "connect", on_connect)
    sa.event.listen(engine, "begin", on_begin)
    return engine


def _migrate(path: Path, wait: float, migrations: str) -> Path | None:
    """Bring the file to the newest schema in one transaction; returns the backup taken."""
    engine = _migration_engine(path, wait)
    try:
        with engine.connect() as connection:
            with connection.begin():
                backup = _bring_to_head(connection, path, wait, migrations)
            # Only now, with the file known to be ours: switching to WAL rewrites its header.
            # (Straight to the driver: through SQLAlchemy it would run inside a BEGIN.)
            driver = connection.connection.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            driver.execute("PRAGMA journal_mode=WAL")
    finally:
        engine.dispose()
    return backup


def _bring_to_head(
    connection: sa.Connection, path: Path, wait: float, migrations: str
) -> Path | None:
    from alembic import command
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = migration_config(connection, migrations)
    head = ScriptDirectory.from_config(config).get_current_head()
    current = MigrationContext.configure(connection).get_current_revision()
    if current is None and _user_tables(connection):
        _check_first_schema(connection, path, migrations)
        command.stamp(config, FIRST_REVISION)
        log.info("%s predates schema versions; its tables match %s", path, FIRST_REVISION)
        current = FIRST_REVISION
    if current == head:
        return None
    # Read through another connection, the copy shows the file as it was before the stamp.
    backup = _back_up(path, current, wait) if current is not None else None
    try:
        command.upgrade(config, "head")
    except Exception as error:
        if _sqlite_code(error) in _BUSY_CODES:
            raise  # the lock waiter retries
        raise DatabaseError(
            _migration_failed(backup, current).format(
                path=path, current=current, head=head, error=error, backup=backup
            )
        ) from error
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        message = _(
            "migrating {path} to {head} would leave {count} rows pointing at rows "
            "that do not exist; it was left as it was."
        )
        raise DatabaseError(message.format(path=path, head=head, count=len(broken)))
    log.info("migrated %s from %s to %s", path, current or "empty", head)
    return backup


def _migration_failed(backup: Path | None, current: str | None) -> str:
    """The message for a failed upgrade, a whole sentence per case so it translates whole."""
    if backup is not None:
        return _(
            "could not migrate {path} from schema {current} to {head} ({error}); "
            "it was left as it was, and a copy is at {backup}."
        )
    if current is None:
        return _(
            "could not migrate {path} from schema empty to {head} ({error}); it was left as it was."
        )
    return _(
        "could not migrate {path} from schema {current} to {head} ({error}); it was left as it was."
    )


def _user_tables(connection: sa.Connection) -> list[str]:
    return [t for t in sa.inspect(connection).get_table_names() if t != _VERSION_TABLE]


def _back_up(path: Path, revision: str, wait: float) -> Path:
    """Copy the database with SQLite's online backup, user-only, before it is migrated.

    Called while our migration connection holds the write lock, so nobody changes the file
    meanwhile; the copy is read through a second connection, as SQLite cannot back up
    through a connection that is inside a write transaction.
    """
    target = unused_name(path, f".bak-{revision}-{utc_stamp()}")
    create_private(target)
    with closing(_connect_raw(path, wait)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    log.info("backed up %s (schema %s) to %s", path, revision, target)
    return target


Schema = dict[str, tuple[frozenset[Any], ...]]


def _check_first_schema(connection: sa.Connection, path: Path, migrations: str) -> None:
    """A file without a version must hold exactly what the first revision creates."""
    expected = _first_schema(migrations)
    found = _schema(connection)
    if found == expected:
        return
    missing = _("missing table {table}")
    unknown = _("unknown table {table}")
    differs = _("table {table} differs")
    differences = [missing.format(table=t) for t in sorted(expected.keys() - found.keys())]
    differences += [unknown.format(table=t) for t in sorted(found.keys() - expected.keys())]
    differences += [
        differs.format(table=t)
        for t in sorted(expected.keys() & found.keys())
        if expected[t] != found[t]
    ]
    message = _(
        "{path} has no schema version and its tables are not the ones Shiftwell makes "
        "({differences}). It was left untouched; move it away to start afresh."
    )
    raise DatabaseUnrecognised(message.format(path=path, differences="; ".join(differences)))


def _first_schema(migrations: str) -> Schema:
    from alembic import command

    scratch = sa.create_engine("sqlite://", poolclass=StaticPool)
    try:
        with scratch.connect() as connection, connection.begin():
            command.upgrade(migration_config(connection, migrations), FIRST_REVISION)
            return _schema(connection)
    finally:
        scratch.dispose()


def _schema(connection: sa.Connection) -> Schema:
    """Tables with their columns, primary key, indexes and foreign keys, as SQLite has them."""
    inspector = sa.inspect(connection)
    schema: Schema = {}
    for table in _user_tables(connection):
        schema[table] = (
            frozenset(
                (c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)
            ),
            frozenset(inspector.get_pk_constraint(table)["constrained_columns"]),
            frozenset(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in inspector.get_indexes(table)
            ),
            frozenset(
                (tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]))
                for f in inspector.get_foreign_keys(table)
            ),
        )
    return schema
