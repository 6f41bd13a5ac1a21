"""Joins the shell to the schedule's calendar (`schedule.calendar`): the last good copy at
start, then a fetch off the UI thread at start and whenever the copy is older than
`schedule.calendar_refresh` (looked at every 15 minutes). Each copy goes to the engine as a
`NewPlan`; a feed that fails keeps the last good schedule and says so once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from shiftwell.core.model import NewPlan
from shiftwell.platform.calendar_feed import CalendarFeed, FeedResult
from shiftwell.ui.i18n import _t
from shiftwell.ui.shell import Shell

log = logging.getLogger(__name__)

# How often to look whether the calendar is due a fetch.
LOOK_EVERY = timedelta(minutes=15)


class CalendarLink(QObject):
    # A fetch's result, emitted on the feed's thread and received on the UI thread.
    fetched = Signal(object)

    def __init__(
        self,
        shell: Shell,
        data_dir: Path,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(shell)
        self._shell = shell
        self._data_dir = data_dir
        self._now = now
        self._feed: CalendarFeed | None = None
        self._fetching = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.look)
        self.fetched.connect(self._on_fetched)

    @property
    def feed(self) -> CalendarFeed | None:
        return self._feed

    def start(self) -> None:
        """Follow the calendar the settings name (again, after they change): its kept copy
        at once, then a fetch. Without one, the settings' days apply."""
        source = self._shell.settings.plan.calendar
        if source is None:
            if self._feed is not None:
                self._feed = None
                self._timer.stop()
                self._shell.use_plan(NewPlan(None))
            return
        if self._feed is None or self._feed.source != source:
            self._feed = CalendarFeed(source, self._data_dir)
            copy = self._feed.cached()
            problem = self._feed.standing_problem()
            # Another calendar's copy must not plan the days meanwhile: none until fetched.
            # The copy's events as kept beside it: no parsing while the icon comes up.
            feed = self._feed
            kept = NewPlan(feed.calendar(copy), copy.fetched_at, problem) if copy else NewPlan(None)
            self._shell.use_plan(kept)
        every = min(LOOK_EVERY, self._shell.settings.plan.calendar_refresh)
        self._timer.start(round(every.total_seconds() * 1000))
        self.look()

    def stop(self) -> None:
        self._timer.stop()

    def look(self) -> None:
        """Fetch, off the UI thread, if the copy is due (or the last fetch failed)."""
        feed = self._feed
        if feed is None or self._fetching:
            return
        now = self._now()
        if not feed.due(now, self._shell.settings.plan.calendar_refresh):
            self._shell.refresh()  # the copy's age, in the tooltip
            return
        self._fetching = True
        feed.refresh_in_thread(now, self._deliver)

    def _deliver(self, result: FeedResult) -> None:
        """On the feed's thread: hand the result to the UI thread (queued by Qt)."""
        try:
            self.fetched.emit(result)
        except RuntimeError:  # Shiftwell quit while the calendar was being fetched
            log.info("calendar fetched after quitting; not used")

    def _on_fetched(self, result: FeedResult) -> None:
        self._fetching = False
        if self._feed is None:
            return
        copy = result.copy
        if copy is not None:
            # Unchanged or new, the engine plans by it (a move today is told once, by it).
            # Expanded and kept by the fetch, on its thread: read back here, not parsed.
            events = self._feed.calendar(copy)
            self._shell.use_plan(NewPlan(events, copy.fetched_at, result.problem))
        if result.news and result.problem:
            self._shell.announcer.announce(
                _t("Your schedule was not updated"), result.problem, kind="calendar"
            )
        self._shell.refresh()
