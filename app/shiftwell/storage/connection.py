"""The running app's connection to its SQLite file, with the standard library alone.

The tray writes a few rows per transition all day long; SQLAlchemy and SQLModel would stay
loaded for that (about 47 MB), so the tray speaks to SQLite through `sqlite3` and keeps the
SQLModel schema (models.py) for migrations, the weekly review and exports. The values are
written as SQLAlchemy writes them, so both read the same rows (tests/unit/storage/
test_writer_contract.py checks the columns and the values).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

# A write-ahead log left bigger than this is cut back after a checkpoint (a full disk
# needs the space more than SQLite needs to reuse it).
WAL_KEPT_BYTES = 64 * 1024
TRAY_PAGE_CACHE_KIB = 256

# How SQLAlchemy's DateTime stores a time in SQLite: naive UTC text, always with microseconds,
# so that text order is time order in every query.
_TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def apply_pragmas(connection: sqlite3.Connection) -> None:
    """Every connection of the running app, whatever library opened it."""
    # WAL keeps readers (the stats window) from blocking the writer; FULL makes every
    # transition durable at commit, which costs nothing at a few commits an hour.
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    # Never wait for a lock: the app writes from its event loop, and a write that finds the
    # file busy is queued and tried again (storage/durable.py) instead of freezing the screen.
    connection.execute("PRAGMA busy_timeout=0")
    connection.execute(f"PRAGMA journal_size_limit={WAL_KEPT_BYTES}")


def sqlite_code(error: BaseException) -> int | None:
    """SQLite's primary result code behind `error` (also when a library wrapped it)."""
    cause = getattr(error, "orig", None) or error
    code = getattr(cause, "sqlite_errorcode", None)
    # Extended codes carry the primary code in their low byte.
    return code & 0xFF if isinstance(code, int) else None


def to_sql_time(value: datetime | None) -> str | None:
    """An aware time as stored; a naive one is refused as a bug (as models.UTCDateTime does)."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime given to the database")
    return value.astimezone(UTC).replace(tzinfo=None).strftime(_TIME_FORMAT)


def from_sql_time(value: str | None) -> datetime | None:
    """A stored time, aware UTC again."""
    if value is None:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


class Database:
    """One SQLite file and one connection to it, opened at first use and kept.

    `close()` lets go of the file (a damaged one is moved aside); the next use opens the
    file at the same path again. `on_connect` hooks run on each new connection after
    Shiftwell's own settings.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.on_connect: list[Callable[[sqlite3.Connection], object]] = []
        self._connection: sqlite3.Connection | None = None

    def connection(self) -> sqlite3.Connection:
        if self._connection is None:
            # mode=rw: never create the file here (a missing file is the opener's business).
            uri = self.path.absolute().as_uri() + "?mode=rw"
            connection = sqlite3.connect(uri, uri=True, timeout=0, isolation_level=None)
            try:
                apply_pragmas(connection)
                # The tray writes a few rows at a time and reads little: SQLite's page cache
                # (2 MiB by default, filled as the file grows) would only hold the all-day
                # process's memory up.
                connection.execute(f"PRAGMA cache_size=-{TRAY_PAGE_CACHE_KIB}")
                for hook in self.on_connect:
                    hook(connection)
            except BaseException:
                connection.close()
                raise
            self._connection = connection
        return self._connection

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back whole on an error."""
        connection = self.connection()
        # IMMEDIATE takes the write lock now: a busy file says so before any work is done.
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:  # a failed COMMIT (a full disk) leaves it open
                with suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
            raise

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """Several reads that see one state of the file."""
        connection = self.connection()
        connection.execute("BEGIN")
        try:
            yield connection
        finally:
            with suppress(sqlite3.Error):
                connection.execute("ROLLBACK")

    def close(self) -> None:
        if self._connection is not None:
            connection, self._connection = self._connection, None
            with suppress(sqlite3.Error):
                connection.close()
