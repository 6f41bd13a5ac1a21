"""Bringing the database to the newest schema in a short-lived process of its own.

Alembic and SQLAlchemy cost the tray about 60 MB if they load in it, and stay for the whole
day; so the tray starts `shiftwell` again with a hidden option (`--migrate-database`, see
cli/) when its file is not at the newest schema. That process runs database.py's careful
path (move a damaged file aside, refuse another program's file, back up, migrate), prints
one JSON line with what it did or why it could not, and exits. The tray turns that line back
into the same result or the same error, with the same sentence for the user.
"""

from __future__ import annotations

import errno
import json
import logging
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from shiftwell.storage.errors import BY_NAME, DatabaseError
from shiftwell.storage.opening import Migrate, Migrated

log = logging.getLogger(__name__)

# The hidden options of the `shiftwell` command that run `run_migration`.
MIGRATE_OPTION = "--migrate-database"
LOCK_WAIT_OPTION = "--lock-wait"


def run_migration(path: Path, lock_timeout: float, out: TextIO) -> int:
    """The child's side: migrate `path`, print the outcome as one JSON line on `out`."""
    from shiftwell.storage.database import open_database
    from shiftwell.storage.files import is_disk_full

    outcome: dict[str, Any]
    try:
        # The tray kept a damaged write-ahead log already, before deciding to start us.
        opened = open_database(path, lock_timeout=lock_timeout, wal_checked=True)
    except DatabaseError as error:
        outcome = {"error": type(error).__name__, "message": str(error)}
    except Exception as error:
        if not is_disk_full(error):
            raise  # a bug: its traceback goes to the log, the tray says the process failed
        outcome = {"disk_full": str(error)}
    else:
        opened.db.dispose()
        outcome = {
            "moved_aside": str(opened.moved_aside) if opened.moved_aside else None,
            "backup": str(opened.backup) if opened.backup else None,
        }
    print(json.dumps(outcome), file=out, flush=True)
    return 0


def migrate_in_child(command: Sequence[str]) -> Migrate:
    """The tray's side: `command` starts `shiftwell` for this profile (from source or the
    bundle); the returned function migrates a file through it, blocking until it is done."""

    def migrate(path: Path, lock_timeout: float) -> Migrated:
        argv = [*command, MIGRATE_OPTION, str(path), LOCK_WAIT_OPTION, f"{lock_timeout:g}"]
        # Its log lines go where ours go (standard error is shared); stdout is the answer.
        done = subprocess.run(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True, check=False
        )
        return _outcome(done.stdout, done.returncode)

    return migrate


def _outcome(stdout: str, status: int) -> Migrated:
    lines = stdout.strip().splitlines()
    try:
        outcome = json.loads(lines[-1]) if lines else None
    except ValueError:
        outcome = None
    if not isinstance(outcome, dict):
        raise RuntimeError(
            f"the process that migrates the database stopped without an answer "
            f"(exit status {status}); its log lines say why"
        )
    if "error" in outcome:
        kind = BY_NAME.get(str(outcome["error"]), DatabaseError)
        raise kind(str(outcome["message"]))
    if "disk_full" in outcome:
        raise OSError(errno.ENOSPC, str(outcome["disk_full"]))
    return Migrated(
        moved_aside=_path(outcome.get("moved_aside")), backup=_path(outcome.get("backup"))
    )


def _path(value: object) -> Path | None:
    return Path(str(value)) if value else None
