"""Transitions that could not be written (disk full, database locked) wait in memory and are
written, in order, as soon as the database takes them again. Nothing is dropped."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

import sqlalchemy as sa

from shiftwell.core.i18n import _
from shiftwell.core.model import Transition
from shiftwell.storage.repository import Repository

log = logging.getLogger(__name__)


class DurableRecorder:
    def __init__(
        self,
        repository: Repository,
        on_trouble: Callable[[str], object],
        on_recovered: Callable[[], object],
    ) -> None:
        self._repository = repository
        self._on_trouble = on_trouble
        self._on_recovered = on_recovered
        self.pending: list[Transition] = []
        self._troubled = False

    def __call__(self, transition: Transition) -> None:
        self.pending.append(transition)
        self.flush()

    def flush(self) -> bool:
        """Write what waits; True when nothing is left waiting."""
        while self.pending:
            try:
                self._repository.record(self.pending[0])
            except sa.exc.OperationalError as error:
                self._trouble(error)
                return False
            self.pending.pop(0)
        if self._troubled:
            self._troubled = False
            log.warning("the database takes writes again; nothing was lost")
            self._on_recovered()
        return True

    def beat(self, at: datetime) -> None:
        if self.flush():
            try:
                self._repository.beat(at)
            except sa.exc.OperationalError as error:
                self._trouble(error)

    def _trouble(self, error: sa.exc.OperationalError) -> None:
        if self._troubled:
            return
        self._troubled = True
        reason = str(error.orig) if error.orig is not None else str(error)
        message = _(
            "Shiftwell can't write to its database ({reason}). What happens is kept in "
            "memory and written as soon as it can be — keep Shiftwell running."
        ).format(reason=reason)
        log.warning("%s", message)
        self._on_trouble(message)
