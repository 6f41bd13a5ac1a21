"""The coming days as Shiftwell will apply them, with the calendar fetched when it is due: what
`shiftwell schedule` prints and what the settings dialog's calendar check shows. Both block
on the network, so the dialog runs them off its thread."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from shiftwell.core.day_plan import DayPlan, PlanSource, day_plan, describe_plan
from shiftwell.core.i18n import _
from shiftwell.core.settings import Settings
from shiftwell.platform.calendar_feed import CalendarFeed

CHECK_DAYS = 3
CHECK_TIMEOUT = 15.0


def coming_days(
    settings: Settings, feed: CalendarFeed | None, first: date, count: int, now: datetime
) -> DayPlan:
    """The `count` days from `first`: from the calendar's kept copy (fetched first when it is
    older than `schedule.calendar_refresh` or the last try failed), else from the settings."""
    if feed is None:
        return day_plan(settings, first, count)
    if feed.due(now, settings.plan.calendar_refresh):
        result = feed.refresh(now)
        copy, problem = result.copy, result.problem
    else:
        copy, problem = feed.cached(), feed.standing_problem()
    if copy is None:
        return day_plan(settings, first, count, None, None, problem)
    return day_plan(settings, first, count, feed.calendar(copy), copy.fetched_at, problem)


@dataclass(frozen=True)
class CalendarCheck:
    ok: bool
    text: str  # the days as `shiftwell schedule` prints them; or one sentence: why not


def check_calendar(
    settings: Settings, now: datetime, *, timeout: float = CHECK_TIMEOUT, days: int = CHECK_DAYS
) -> CalendarCheck:
    """Fetch (or read) `schedule.calendar` of `settings` now and plan the next `days` days
    from it. The fetch goes to a scratch directory, so the kept copy of the calendar in use
    stays as it is until the settings are saved."""
    source = settings.plan.calendar
    if source is None:
        return CalendarCheck(False, _("Write the calendar's address or file first."))
    tz = settings.schedule.tz
    with tempfile.TemporaryDirectory(prefix="shiftwell-check-") as scratch:
        feed = CalendarFeed(source, Path(scratch), timeout=timeout)
        result = feed.refresh(now)
        if result.copy is None:
            return CalendarCheck(False, result.problem or "")
        first = now.astimezone(tz).date()
        plan = day_plan(settings, first, days, feed.calendar(result.copy), result.copy.fetched_at)
    if plan.source is not PlanSource.CALENDAR:
        return CalendarCheck(False, plan.problem or "")
    return CalendarCheck(True, describe_plan(plan, tz, feed.shown, ""))
