"""The side file for transitions the database did not take yet (locked, disk full, damaged).

One JSON object per line, appended and synced as soon as a write fails, so that quitting, a
crash or a power cut while the database is unusable loses nothing: the next start writes
what the file holds into the database, then empties it. It sits beside the database but is
not one of SQLite's files, so it stays when a damaged database is moved aside.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import types
from collections.abc import Iterable, Sequence
from contextlib import suppress
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from shiftwell.core.model import Transition

log = logging.getLogger(__name__)

JOURNAL_SUFFIX = ".pending"


def journal_path(database: Path) -> Path:
    return database.with_name(database.name + JOURNAL_SUFFIX)


class Journal:
    def __init__(self, path: Path) -> None:
        self.path = path

    def append(self, transitions: Iterable[Transition]) -> None:
        """Add transitions at the end, synced to disk; raises OSError (a full disk)."""
        lines = "".join(encode(t) + "\n" for t in transitions).encode("utf-8")
        if not lines:
            return
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            size = os.fstat(fd).st_size
            try:
                os.write(fd, lines)
                os.fsync(fd)
            except OSError:
                # A line cut short by a full disk would hide the ones after it: undo it.
                os.ftruncate(fd, size)
                raise
        finally:
            os.close(fd)

    def read(self) -> list[Transition]:
        """What waits, in order; a line that cannot be read is logged and skipped."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        transitions = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                transitions.append(decode(line))
            except (ValueError, TypeError, KeyError) as error:
                log.error("%s line %d cannot be read (%s): %s", self.path, number, error, line)
        return transitions

    def clear(self) -> None:
        """Called once the database holds everything the file held."""
        with suppress(FileNotFoundError):
            self.path.unlink()

    def __bool__(self) -> bool:
        return self.path.exists()


# --- transitions as JSON --------------------------------------------------------------------


def encode(transition: Transition) -> str:
    return json.dumps(_plain(transition), ensure_ascii=False, separators=(",", ":"))


def decode(line: str) -> Transition:
    value = _typed(Transition, json.loads(line))
    assert isinstance(value, Transition)
    return value


def _plain(value: object) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [_plain(v) for v in value]
    return value


def _typed(kind: Any, value: Any) -> Any:
    """`value` from JSON made back into `kind`, as the model's type hints say."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        [inner] = [a for a in get_args(kind) if a is not type(None)]
        return _typed(inner, value)
    if origin is tuple:
        inner = get_args(kind)[0]
        return tuple(_typed(inner, v) for v in value)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = get_type_hints(kind)
        names = {f.name for f in dataclasses.fields(kind)}
        return kind(**{k: _typed(hints[k], v) for k, v in value.items() if k in names})
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is float:
        return float(value)
    return value
