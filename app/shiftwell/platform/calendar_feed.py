"""The schedule's calendar, fetched from its address (or read from its file) and kept on disk.

`CalendarFeed.refresh` blocks on the network: run it off the UI thread (`refresh_in_thread`
does, with a plain thread). Each fetch asks only for a changed calendar (ETag and
Last-Modified, answered 304 when nothing changed), verifies TLS with the default context and
takes proxies from the environment, as urllib does. Calendar addresses often hold a secret
token, so the address is never logged, stored or shown: only its host is.

The last good copy is kept in the data dir with its fetch time and validators, and is used
offline; its events, expanded when it arrives, are kept beside it (platform/calendar_copy.py)
so the copy is parsed once, not at every start. A feed that fails or turns invalid keeps that
copy; the failure is news once (one sentence), not at every refresh, and stays readable as
the feed's standing problem.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import logging
import ssl
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from shiftwell import __version__
from shiftwell.core.calendar_plan import CalendarInvalid
from shiftwell.core.i18n import _
from shiftwell.platform.calendar_copy import (
    EVENTS_NAME,
    KEPT_AHEAD,
    KEPT_BEFORE,
    KeptCalendar,
    write_atomically,
)

log = logging.getLogger(__name__)

COPY_NAME = "calendar.ics"
META_NAME = "calendar.json"
MAX_BYTES = 20 * 1024 * 1024  # far beyond a year of shifts; a larger answer is not a schedule
DEFAULT_TIMEOUT = 20.0


@dataclass(frozen=True)
class FeedCopy:
    data: bytes
    fetched_at: datetime  # when this content was last fetched or confirmed unchanged (UTC)


@dataclass(frozen=True)
class FeedResult:
    copy: FeedCopy | None  # the last good copy, new or kept
    problem: str | None = None  # the standing problem, one sentence (None: the feed is fine)
    news: bool = False  # the problem is new: say it now (not again at the next refresh)
    changed: bool = False  # a new copy arrived


def is_address(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def shown_source(source: str) -> str:
    """What may be shown or logged of `source`: an address's host, never its path or query
    (they often hold a secret), or the file's path."""
    if is_address(source):
        return urlsplit(source).hostname or "?"
    return source.removeprefix("file://")


class CalendarFeed:
    def __init__(self, source: str, data_dir: Path, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.source = source
        self.copy_path = data_dir / COPY_NAME
        self.meta_path = data_dir / META_NAME
        self.events_path = data_dir / EVENTS_NAME
        self.timeout = timeout
        self._digest = hashlib.sha256(source.encode("utf-8")).hexdigest()

    @property
    def shown(self) -> str:
        return shown_source(self.source)

    def cached(self) -> FeedCopy | None:
        """The last good copy on disk for this source (None: none yet, or another source's)."""
        meta = self._meta()
        if not meta:
            return None
        try:
            data = self.copy_path.read_bytes()
            fetched_at = datetime.fromisoformat(meta["fetched_at"])
        except (OSError, KeyError, TypeError, ValueError):
            return None
        return FeedCopy(data, fetched_at)

    def calendar(self, copy: FeedCopy) -> KeptCalendar:
        """The events of `copy`, read from their kept expansion when it matches (plans from
        them with core's `day_plan`)."""
        return KeptCalendar(copy.data, self.events_path)

    def due(self, now: datetime, every: timedelta) -> bool:
        """Whether the copy is older than `every` (or there is none, or the last try failed)."""
        meta = self._meta()
        copy = self.cached()
        return copy is None or bool(meta.get("problem")) or now - copy.fetched_at >= every

    def standing_problem(self) -> str | None:
        problem = self._meta().get("problem")
        return problem if isinstance(problem, str) else None

    def refresh(self, now: datetime) -> FeedResult:
        """Fetch (or read) the calendar now; blocks, so never on the UI thread."""
        meta = self._meta()
        try:
            fetched = self._fetch(meta)
            if fetched is not None:  # read whole now, so a bad file never replaces a good one
                KeptCalendar(fetched[0], self.events_path).expand(
                    now - KEPT_BEFORE, now + KEPT_AHEAD
                )
        except _FeedFailed as failure:
            return self._failed(meta, str(failure))
        except CalendarInvalid as error:
            message = _("The calendar from {source} is not valid: {reason}.")
            return self._failed(meta, message.format(source=self.shown, reason=error))
        if fetched is None:  # 304: the copy is current
            log.info("calendar from %s unchanged", self.shown)
            meta = {**meta, "fetched_at": now.isoformat(), "problem": None}
            self._write_meta(meta)
            return FeedResult(self.cached())
        data, validators = fetched
        write_atomically(self.copy_path, data)
        meta = {"source": self._digest, "fetched_at": now.isoformat(), "problem": None}
        self._write_meta(meta | validators)
        log.info("calendar from %s fetched (%d bytes)", self.shown, len(data))
        return FeedResult(FeedCopy(data, now), changed=True)

    def refresh_in_thread(
        self, now: datetime, done: Callable[[FeedResult], None]
    ) -> threading.Thread:
        """`refresh` on a daemon thread; `done` gets its result on that thread."""
        thread = threading.Thread(
            target=lambda: done(self.refresh(now)), name="calendar-feed", daemon=True
        )
        thread.start()
        return thread

    # -- fetching ----------------------------------------------------------------------------

    def _fetch(self, meta: dict[str, Any]) -> tuple[bytes, dict[str, str]] | None:
        """The new content and its validators; None when the copy is current (304)."""
        if not is_address(self.source):
            return self._read_file(), {}
        request = urllib.request.Request(
            self.source, headers={"User-Agent": f"Shiftwell/{__version__}"}
        )
        if self.cached() is not None:
            if meta.get("etag"):
                request.add_header("If-None-Match", meta["etag"])
            if meta.get("last_modified"):
                request.add_header("If-Modified-Since", meta["last_modified"])
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                data = response.read(MAX_BYTES + 1)
                headers = response.headers
        except urllib.error.HTTPError as error:
            error.close()
            if error.code == 304:
                return None
            raise self._failure(f"HTTP {error.code}") from None
        except (ValueError, http.client.InvalidURL):  # its text may quote the address
            raise self._failure(_("the address is not valid")) from None
        except http.client.HTTPException:  # an answer cut short or not HTTP at all
            raise self._failure(_("the answer broke off")) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise self._failure(_reason(reason)) from None
        if len(data) > MAX_BYTES:
            raise self._failure(_("larger than {size} MB").format(size=MAX_BYTES // 2**20))
        promised = headers.get("Content-Length", "")
        if promised.isdigit() and len(data) < int(promised):
            raise self._failure(_("the answer broke off"))
        validators = {
            name: value
            for name, header in (("etag", "ETag"), ("last_modified", "Last-Modified"))
            if (value := headers.get(header))
        }
        return data, validators

    def _read_file(self) -> bytes:
        path = Path(self.shown).expanduser()
        try:
            with path.open("rb") as file:
                data = file.read(MAX_BYTES + 1)
        except OSError as error:
            raise self._failure(error.strerror or str(error)) from None
        if len(data) > MAX_BYTES:
            raise self._failure(_("larger than {size} MB").format(size=MAX_BYTES // 2**20))
        return data

    def _failure(self, reason: str) -> _FeedFailed:
        message = _("The calendar from {source} could not be fetched ({reason}).")
        return _FeedFailed(message.format(source=self.shown, reason=reason))

    def _failed(self, meta: dict[str, Any], problem: str) -> FeedResult:
        copy = self.cached()
        if copy is not None:
            kept = _("Shiftwell keeps the schedule fetched {moment}.")
            problem = (
                f"{problem} {kept.format(moment=copy.fetched_at.strftime('%Y-%m-%d %H:%M UTC'))}"
            )
        news = not meta.get("problem")
        log.log(logging.WARNING if news else logging.INFO, "%s", problem)
        if meta or copy is None:
            base = meta if meta else {"source": self._digest}
            self._write_meta({**base, "problem": problem})
        return FeedResult(copy, problem, news=news)

    # -- the copy on disk --------------------------------------------------------------------

    def _meta(self) -> dict[str, Any]:
        try:
            meta = json.loads(self.meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(meta, dict) or meta.get("source") != self._digest:
            return {}
        return meta

    def _write_meta(self, meta: dict[str, Any]) -> None:
        write_atomically(self.meta_path, json.dumps(meta, indent=1).encode("utf-8"))


class _FeedFailed(Exception):
    """A fetch that failed; the message is the sentence to show."""


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return _("no answer in time")
    if isinstance(reason, ssl.SSLCertVerificationError):
        message = _("the server's certificate can't be trusted: {why}")
        return message.format(why=reason.verify_message or reason.reason)
    if isinstance(reason, ssl.SSLError):
        return _("no secure connection: {why}").format(why=reason.reason or reason.strerror)
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason)[:120]
