"""Transitions that could not be written (database locked, disk full, file damaged) wait in
memory and in a side file, and are written, in order, as soon as the database takes them
again. Nothing is dropped: not at quit, not at a crash.

Nothing here waits for a lock while the app runs: the database answers "busy" at once, the
transition waits in the queue and a timer tries again. Only quitting waits, bounded.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime

from shiftwell.core.i18n import _
from shiftwell.core.model import Transition
from shiftwell.storage.connection import sqlite_code
from shiftwell.storage.journal import Journal, encode
from shiftwell.storage.repository import Repository

log = logging.getLogger(__name__)

# While something waits, how often to try the database again.
RETRY_SECONDS = 2.0
# A write-ahead log past this size is copied into the database and emptied after a write.
WAL_LIMIT_BYTES = 64 * 1024
_DAMAGED = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})

RetryLater = Callable[[float, Callable[[], None]], object]


class DurableRecorder:
    """An engine listener that never loses a transition it was handed.

    `retry_later(seconds, callback)` (the app's clock) brings the next attempt while
    something waits; `journal` keeps what waits across a quit or a crash; `replace_damaged`
    moves a database found damaged aside, starts a fresh one in its place and returns where
    the old one went (or None if it could not); `damage_seen` looks at the file before each
    write, for damage SQLite would only notice later (its pages are cached).
    """

    def __init__(
        self,
        repository: Repository | None,
        on_trouble: Callable[[str], object],
        on_recovered: Callable[[], object],
        *,
        journal: Journal | None = None,
        retry_later: RetryLater | None = None,
        replace_damaged: Callable[[], object] | None = None,
        damage_seen: Callable[[], str | None] | None = None,
        wal_size: Callable[[], int] | None = None,
    ) -> None:
        self._repository = repository
        self._on_trouble = on_trouble
        self._on_recovered = on_recovered
        self._journal = journal
        self._retry_later = retry_later
        self._replace_damaged = replace_damaged
        self._damage_seen = damage_seen
        self._wal_size = wal_size
        self.pending: list[Transition] = []
        # How many of `pending` (from the front) the journal already holds.
        self._journaled = 0
        self._troubled = False
        self._retry_armed = False
        # Transitions from an earlier run's side file may already be in the database.
        self._replaying = False

    def __call__(self, transition: Transition) -> None:
        self.pending.append(transition)
        self.flush()

    def attach(self, repository: Repository) -> None:
        """The database is usable (it could not be opened at start): write what waits."""
        self._repository = repository
        self.flush()

    def already_told(self) -> None:
        """The user was told why nothing can be written yet (a full disk at the first
        start): no second message until writes go through again."""
        self._troubled = True

    def adopt(self, transitions: list[Transition]) -> None:
        """Transitions a side file held from an earlier run: written before any new one."""
        self.pending[:0] = transitions
        self._journaled += len(transitions)
        self._replaying = bool(transitions)

    def flush(self) -> bool:
        """Write what waits, in order and in one transaction; True when nothing is left."""
        if not self.pending:
            return True
        replaying = self._replaying
        error = self._try(
            lambda repository: repository.record_all(self.pending, skip_stored=replaying)
        )
        if error is not None:
            self._keep_aside(error)
            return False
        self.pending.clear()
        self._journaled = 0
        self._replaying = False
        if self._journal is not None and self._journal:
            self._journal.clear()
        self._keep_wal_small()
        if self._troubled:
            self._troubled = False
            log.warning("the database takes writes again; nothing was lost")
            self._on_recovered()
        return True

    def beat(self, at: datetime) -> None:
        if self.flush():
            error = self._try(lambda repository: repository.beat(at))
            if error is not None:
                self._keep_aside(error)

    def close(self, timeout: float) -> int:
        """At quit: keep trying for up to `timeout` seconds, then leave what is left in the
        journal for the next start. Returns how many transitions are not in the database."""
        if self.pending:
            log.warning(
                "%d changes are not saved yet; trying for up to %g s before quitting",
                len(self.pending),
                timeout,
            )
        deadline = time.monotonic() + timeout
        while not self.flush() and time.monotonic() < deadline:
            time.sleep(0.2)  # quitting: the event loop has already stopped
        if self.pending:
            self._write_journal()
        if self.pending and self._journaled < len(self.pending):
            # Neither the database nor the side file took them: the log is the last place.
            for transition in self.pending[self._journaled :]:
                log.error("not saved, kept here: %s", encode(transition))
        elif self.pending:
            log.warning(
                "%d changes wait in %s; the next start saves them",
                len(self.pending),
                self._journal.path if self._journal else "memory",
            )
        return len(self.pending)

    # -- trouble ----------------------------------------------------------------------------

    def _try(self, write: Callable[[Repository], None]) -> sqlite3.Error | OSError | None:
        if self._repository is None:
            return OSError(_("the database is not open yet"))
        damage = self._damage_seen() if self._damage_seen is not None else None
        if damage is not None and self._replace_damaged is not None:
            log.error("the database file is damaged (%s); starting a fresh one", damage)
            if self._replace_damaged() is None:
                return OSError(damage)
        try:
            write(self._repository)
        except sqlite3.Error as error:
            if sqlite_code(error) not in _DAMAGED or self._replace_damaged is None:
                return error
            log.error("the database is damaged (%s); starting a fresh one", _reason(error))
            if self._replace_damaged() is None:
                return error
            try:
                write(self._repository)  # its database now opens the fresh file
            except sqlite3.Error as again:
                return again
        return None

    def _keep_aside(self, error: Exception) -> None:
        self._write_journal()
        self._arm_retry()
        if self._troubled:
            return
        self._troubled = True
        message = _(
            "Shiftwell can't write to its database ({reason}). What happens is kept and "
            "written as soon as it can be; nothing is lost."
        ).format(reason=_reason(error))
        log.warning("%s", message)
        self._on_trouble(message)

    def _write_journal(self) -> None:
        if self._journal is None or self._journaled >= len(self.pending):
            return
        try:
            self._journal.append(self.pending[self._journaled :])
        except OSError as error:
            log.warning("%s cannot be written either (%s)", self._journal.path, error)
            return
        self._journaled = len(self.pending)

    def _arm_retry(self) -> None:
        if self._retry_later is None or self._retry_armed:
            return
        self._retry_armed = True
        self._retry_later(RETRY_SECONDS, self._retry)

    def _retry(self) -> None:
        self._retry_armed = False
        if self.pending:
            self.flush()
        else:
            self._keep_wal_small()  # a checkpoint that a reader held off

    def _keep_wal_small(self) -> None:
        if self._repository is None or self._wal_size is None:
            return
        if self._wal_size() <= WAL_LIMIT_BYTES:
            return
        try:
            emptied = self._repository.checkpoint()
        except sqlite3.Error as error:
            log.info("could not empty the write-ahead log yet (%s)", _reason(error))
            emptied = False
        if not emptied:
            # A reader (another program) held it off: try again shortly, not only at the
            # next transition, which may be hours away.
            self._arm_retry()


def _reason(error: Exception) -> str:
    return str(error)
