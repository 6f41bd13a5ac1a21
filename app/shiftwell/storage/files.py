"""The database's files on disk, looked at and handled without SQLite: names beside it,
user-only permissions, and checks SQLite would make too late or not at all."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
import stat
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

from shiftwell.storage.wal import lost_commits

# SQLite keeps these beside the database; they belong to it and move with it.
SIDE_FILES = ("-wal", "-shm")
SQLITE_MAGIC = b"SQLite format 3\x00"
SQLITE_HEADER_SIZE = 100

log = logging.getLogger(__name__)


def create_private(path: Path) -> None:
    # Created user-only before SQLite opens it, so it is never world-readable; SQLite
    # gives the -wal and -shm files the database file's permissions.
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def keep_private(path: Path) -> None:
    """Take group and other permissions off a database that came with them."""
    if os.name != "posix":
        return
    for candidate in with_side_files(path):
        with suppress(FileNotFoundError):
            mode = stat.S_IMODE(candidate.stat().st_mode)
            if mode & 0o077:
                # A PermissionError means someone else's file: its mode is theirs to choose.
                with suppress(PermissionError):
                    candidate.chmod(mode & 0o700)
                    log.info("made %s readable by its owner only", candidate)


def with_side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("", *SIDE_FILES)]


def unused_name(path: Path, suffix: str) -> Path:
    candidate = path.with_name(path.name + suffix)
    count = 1
    while any(p.exists() for p in with_side_files(candidate)):
        count += 1
        candidate = path.with_name(f"{path.name}{suffix}-{count}")
    return candidate


def utc_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


class HeaderWatch:
    """Looks at the database file's header before each write, without SQLite (whose page
    cache hides a file overwritten under it, and which then writes into the ruins).

    It keeps one descriptor open for as long as it watches: closing any descriptor of a
    file drops every POSIX lock this process holds on it, SQLite's included, and another
    program could then take the database for unused and delete its write-ahead log.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._fd: int | None = os.open(path, os.O_RDONLY)
        self._inode = os.fstat(self._fd).st_ino

    def damage(self) -> str | None:
        """What is wrong with the file, or None while it looks like our database."""
        if self._fd is None:
            return None
        try:
            if self._path.stat().st_ino != self._inode:
                return "the file was replaced by another one"
            header = os.pread(self._fd, SQLITE_HEADER_SIZE, 0)
        except FileNotFoundError:
            return "the file is gone"
        except OSError as error:
            return error.strerror or str(error)
        if not header.startswith(SQLITE_MAGIC):
            return "not an SQLite file"
        if len(header) < SQLITE_HEADER_SIZE:
            return "its header is cut short"
        return None

    def close(self) -> None:
        """Only once SQLite has closed the file (its connection closed), for that reason."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def is_disk_full(error: BaseException) -> bool:
    """Whether `error`, or what caused it, is a full disk (SQLite's or the system's)."""
    seen: BaseException | None = error
    while seen is not None:
        cause = getattr(seen, "orig", None) or seen  # SQLAlchemy wraps the driver's error
        code = getattr(cause, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF == sqlite3.SQLITE_FULL:
            return True
        if isinstance(seen, OSError) and seen.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def wal_size(path: Path) -> int:
    """The size of the database's write-ahead log (0 when there is none)."""
    try:
        return path.with_name(path.name + "-wal").stat().st_size
    except OSError:
        return 0


def keep_damaged_wal(path: Path) -> Path | None:
    """Before SQLite replays the log (dropping, without a word, every transaction after a
    damaged frame), copy a log that would lose committed transactions, user-only."""
    wal = path.with_name(path.name + "-wal")
    problem = lost_commits(wal)
    if problem is None:
        return None
    copy = unused_name(wal, f".damaged-{utc_stamp()}")
    create_private(copy)
    shutil.copyfile(wal, copy)
    log.warning(
        "%s is damaged (%s): SQLite will drop the transactions after the damage; kept a copy as %s",
        wal,
        problem,
        copy,
    )
    return copy
