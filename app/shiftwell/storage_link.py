"""Joins the shell to its database: opening it, writing through the durable recorder, and
what to do when the file is locked, full or damaged. Storage is imported only once the icon
is up. Only the standard library's sqlite3 speaks to the file here: a file that needs
migrating is migrated by `migrate`, in a process of its own (storage/migrate_child.py), so
SQLAlchemy, SQLModel and Alembic never load in the tray."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from shiftwell.platform.paths import Paths
from shiftwell.ui import text
from shiftwell.ui.i18n import _t
from shiftwell.ui.shell import Shell

if TYPE_CHECKING:
    from shiftwell.storage.connection import Database
    from shiftwell.storage.durable import DurableRecorder
    from shiftwell.storage.files import HeaderWatch
    from shiftwell.storage.opening import Migrate, OpenedFile

log = logging.getLogger(__name__)

# How often to try again to open a database that a full disk kept from opening.
OPEN_RETRY_SECONDS = 5.0
# At quit, how long to keep trying to save what waits before leaving it in the side file.
QUIT_WAIT_SECONDS = 5.0


class StorageLink:
    def __init__(
        self, shell: Shell, paths: Paths, on_first_open: Callable[[], None], migrate: Migrate
    ) -> None:
        """`on_first_open()` finishes the start once the database is open; `migrate` brings
        a file to the newest schema (storage/migrate_child.py)."""
        self._shell = shell
        self._paths = paths
        self._on_first_open: Callable[[], None] | None = on_first_open
        self._migrate = migrate
        self._opened: OpenedFile | None = None
        self._watch: HeaderWatch | None = None
        self.recorder: DurableRecorder | None = None

    def attach(self) -> bool:
        """Open the database and start the engine; False (after telling the user) if the
        file can never be used as it is."""
        from shiftwell.storage.durable import DurableRecorder
        from shiftwell.storage.journal import Journal, journal_path

        announcer = self._shell.announcer
        journal = Journal(journal_path(self._paths.database))
        self.recorder = DurableRecorder(
            None,
            on_trouble=lambda message: announcer.announce(
                _t("Shiftwell can't save"), message, kind="saving"
            ),
            on_recovered=lambda: announcer.announce(
                _t("Shiftwell saves again"), _t("Nothing was lost."), kind="saving"
            ),
            journal=journal,
            retry_later=self._shell.clock.call_later,
            replace_damaged=self._replace_damaged,
            damage_seen=self._damage_seen,
            wal_size=self._wal_size,
        )
        left = journal.read()
        if left:
            log.info("%d changes from the last run wait in %s", len(left), journal.path)
            self.recorder.adopt(left)
        self._shell.unsaved = lambda: len(self.recorder.pending) if self.recorder else 0
        return self._try_open(first_attempt=True)

    def close(self) -> None:
        """At quit: what waits is saved, or kept in the side file for the next start."""
        if self.recorder is not None:
            self.recorder.close(QUIT_WAIT_SECONDS)

    # -- opening --------------------------------------------------------------------------

    def _try_open(self, *, first_attempt: bool) -> bool:
        from shiftwell.storage.errors import DatabaseError
        from shiftwell.storage.files import is_disk_full
        from shiftwell.storage.opening import open_for_writing

        path = self._paths.database
        announcer = self._shell.announcer
        new_file = not path.exists() or path.stat().st_size == 0
        try:
            opened = open_for_writing(path, self._migrate)
        except Exception as error:
            if not is_disk_full(error):
                if not isinstance(error, DatabaseError):
                    raise
                log.error("%s", error)
                announcer.announce(
                    _t("Shiftwell can't open its database"),
                    _t("{error} Shiftwell will close.").format(error=error),
                )
                return False
            self._no_room(new_file, announce=first_attempt)
            return True
        self._ready(opened)
        return True

    def _no_room(self, new_file: bool, *, announce: bool) -> None:
        """The disk is full: say so once, try again later; a first start runs meanwhile."""
        path = self._paths.database
        if new_file:
            message = _t(
                "Shiftwell can't create its database: the disk holding {folder} is full. "
                "Your shift is kept and saved as soon as there is room."
            ).format(folder=path.parent)
        else:
            message = _t(
                "Shiftwell can't open its database: the disk holding {folder} is full. "
                "It tries again every few seconds."
            ).format(folder=path.parent)
        if announce:
            log.warning("%s", message)
            self._shell.announcer.announce(_t("Shiftwell can't save"), message)
        self._shell.starting_problem = message
        if new_file and self._shell.engine is None:
            # Nothing to recover from a file that never held anything: start in memory.
            assert self.recorder is not None
            self.recorder.already_told()
            self._start_engine(None, None)
            log.info("ready; data in %s (kept in memory until it can be saved)", path.parent)
        self._shell.clock.call_later(OPEN_RETRY_SECONDS, self._retry_open)

    def _retry_open(self) -> None:
        if not self._try_open(first_attempt=False):
            log.error("the database cannot be used; changes stay in memory and the side file")

    def _ready(self, opened: OpenedFile) -> None:
        from shiftwell.storage.files import HeaderWatch
        from shiftwell.storage.repository import Repository

        shell, announcer = self._shell, self._shell.announcer
        self._opened = opened
        self._watch = HeaderWatch(opened.path)
        shell.starting_problem = None
        repository = Repository(opened.database)
        assert self.recorder is not None
        self.recorder.attach(repository)  # what waited (a side file, a full disk) goes first
        if opened.moved_aside is not None:
            announcer.announce(
                _t("Shiftwell started a new database"),
                _t("The old one could not be read; it was kept as {path}.").format(
                    path=opened.moved_aside
                ),
            )
        if opened.wal_copy is not None:
            announcer.announce(
                _t("Shiftwell lost its last changes"),
                _t(
                    "Part of the file holding the last changes before Shiftwell stopped was "
                    "damaged, and what came after the damage could not be read back. A copy "
                    "was kept as {path}."
                ).format(path=opened.wal_copy),
            )
        if self._on_first_open is not None:
            self._on_first_open()
            self._on_first_open = None
        if shell.engine is None:
            now = shell.clock.now()
            self._repair_future_records(opened.database, now)
            self._start_engine(repository.history(now), repository.unfinished())
            log.info("ready; data in %s", self._paths.data_dir)
        else:
            log.info("the database is open; data in %s", self._paths.data_dir)

    def _repair_future_records(self, database: Database, now: datetime) -> None:
        """Records dated after now (a clock that ran ahead, put right while Shiftwell was
        not running) are moved back before the engine reads them; the user is told."""
        from shiftwell.storage.recovery import repair_future_records

        repair = repair_future_records(database, now)
        if repair is None:
            return
        message = _t(
            "Your computer's clock was ahead when Shiftwell last ran: {count} records dated "
            "up to {ahead} in the future were moved back by {moved}, keeping their order "
            "and lengths."
        ).format(
            count=repair.records,
            ahead=text.span(repair.ahead.total_seconds()),
            moved=text.span(repair.moved_back.total_seconds()),
        )
        log.warning("%s", message)
        self._shell.announcer.announce(_t("Shiftwell corrected your record"), message)

    def _start_engine(self, history: object, unfinished: object) -> None:
        assert self.recorder is not None
        self._shell.attach(
            self.recorder,
            history,  # type: ignore[arg-type]
            unfinished,  # type: ignore[arg-type]
            self.recorder.beat,
        )

    # -- trouble while running -------------------------------------------------------------

    def _replace_damaged(self) -> object:
        from shiftwell.storage.errors import DatabaseError
        from shiftwell.storage.files import HeaderWatch
        from shiftwell.storage.opening import replace_damaged

        if self._opened is None:
            return None
        try:
            aside = replace_damaged(self._opened, self._migrate)
        except (DatabaseError, OSError) as error:  # OSError: a full disk
            log.error("%s", error)
            return None
        if self._watch is not None:
            self._watch.close()  # the connection let go of the old file: its locks no longer matter
        self._watch = HeaderWatch(self._opened.path)
        self._shell.announcer.announce(
            _t("Shiftwell started a new database"),
            _t(
                "Its database was damaged while in use; it was kept as {path}, and a new "
                "one holds what happens from now on."
            ).format(path=aside),
        )
        return aside

    def _damage_seen(self) -> str | None:
        return self._watch.damage() if self._watch is not None else None

    def _wal_size(self) -> int:
        from shiftwell.storage.files import wal_size

        return wal_size(self._paths.database)
