"""The calendar's kept copy, read once: its events, expanded, are kept beside it on disk.

Parsing an iCalendar file is the slow part of planning from it (most of a second for a
couple of thousand events), and the copy changes only when the feed does. So the events of a
window around the days asked for (a fortnight back, three months ahead) are expanded once and
written to `calendar-events.json`, marked with the copy's SHA-256, the window and Shiftwell's
version; later plans (at start, `shiftwell schedule`) read them from there while the copy and
window match, and parse the copy again only when they don't. The events hold the calendar's
titles, so the file is private to the user, like the copy.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from shiftwell import __version__
from shiftwell.core.calendar_plan import CalendarEvent, calendar_events, read_calendar

log = logging.getLogger(__name__)

EVENTS_NAME = "calendar-events.json"
_FORMAT = 1
KEPT_BEFORE = timedelta(days=14)
KEPT_AHEAD = timedelta(days=92)


class KeptCalendar:
    """The events of the calendar `data`, from the expansion kept at `path` when it is this
    copy's and covers the window asked for; else parsed, expanded and kept for next time."""

    def __init__(self, data: bytes, path: Path) -> None:
        self.data = data
        self.path = path
        digest = hashlib.sha256(data)
        digest.update(f"\0{_FORMAT}\0{__version__}".encode())
        self._digest = digest.hexdigest()
        self._loaded: tuple[datetime, datetime, list[CalendarEvent]] | None = None

    def between(self, start: datetime, end: datetime) -> Sequence[CalendarEvent]:
        kept = self._loaded or self._load()
        if kept is not None and kept[0] <= start and end <= kept[1]:
            return kept[2]
        return self.expand(start - KEPT_BEFORE, end + KEPT_AHEAD)

    def expand(self, start: datetime, end: datetime) -> list[CalendarEvent]:
        """Parse the copy, expand the events between `start` and `end` and keep them; raises
        CalendarInvalid for a copy that can't be read or expanded (nothing is kept then)."""
        events = calendar_events(read_calendar(self.data), start, end)
        self._loaded = (start, end, events)
        kept = {
            "format": _FORMAT,
            "copy": self._digest,
            "from": start.isoformat(),
            "to": end.isoformat(),
            "events": [[e.start.isoformat(), e.end.isoformat(), e.title] for e in events],
        }
        write_atomically(self.path, json.dumps(kept, ensure_ascii=False).encode("utf-8"))
        return events

    def _load(self) -> tuple[datetime, datetime, list[CalendarEvent]] | None:
        """The kept expansion, if it is this copy's (None: none, another's, or unreadable)."""
        try:
            kept: Any = json.loads(self.path.read_bytes())
            if kept.get("copy") != self._digest or kept.get("format") != _FORMAT:
                return None
            start = datetime.fromisoformat(kept["from"])
            end = datetime.fromisoformat(kept["to"])
            events = [
                CalendarEvent(datetime.fromisoformat(s), datetime.fromisoformat(e), str(t))
                for s, e, t in kept["events"]
            ]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # parsing the copy again is the fallback: nothing is lost
        self._loaded = (start, end, events)
        return self._loaded


def write_atomically(path: Path, content: bytes) -> None:
    """Written beside and renamed over, so a crash leaves the old file or the new one; only
    the user may read it (calendar addresses and titles are private)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # One partial file per writer: a refresh on its thread and a plan may write at once.
    partial = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.partial")
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(content)
        partial.replace(path)
    except OSError as error:
        log.warning("could not keep the calendar in %s: %s", path.parent, error.strerror)
