"""Opening the SQLite file: WAL, durable commits, user-only permissions."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

from shiftwell.storage import models  # noqa: F401  (registers the tables)

DATABASE_NAME = "shiftwell.sqlite3"


def _on_connect(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    # WAL keeps readers (the stats window) from blocking the writer; FULL makes every
    # transition durable at commit, which costs nothing at a few commits an hour.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def open_database(path: Path) -> sa.Engine:
    """Open (creating if needed) the database at `path` and make sure the tables exist."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not path.exists():
        # Create it user-only before SQLite does, so the file is never world-readable.
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    engine = sa.create_engine(f"sqlite:///{path}")
    sa.event.listen(engine, "connect", _on_connect)
    SQLModel.metadata.create_all(engine)
    return engine
