"""The coming days as Shiftwell will apply them, and where they came from.

With `schedule.calendar` set, the days come from the calendar's last good copy; without one
(never fetched, or a copy that no longer reads) they come from the settings, and the plan
says why. Pure: the caller fetches the calendar (platform/calendar_feed.py) and passes its
bytes, or its events kept from an earlier reading (platform/calendar_copy.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from shiftwell.core.calendar_names import short_weekday
from shiftwell.core.i18n import _
from shiftwell.core.plan import FixedKind, PlanDay
from shiftwell.core.settings import Settings, settings_plan

if TYPE_CHECKING:
    from shiftwell.core.calendar_plan import CalendarEvents


class PlanSource(StrEnum):
    SETTINGS = "settings"
    CALENDAR = "calendar"


@dataclass(frozen=True)
class DayPlan:
    source: PlanSource
    days: list[PlanDay]
    fetched_at: datetime | None = None  # of the calendar copy used
    problem: str | None = None  # one sentence: why the calendar is not (freshly) used


def calendar_events_of(calendar: bytes | CalendarEvents) -> CalendarEvents:
    """A calendar's events: the file (bytes), parsed on first use and then kept by the
    object returned; or events already expanded (the feed's kept copy), as they are."""
    if not isinstance(calendar, bytes):
        return calendar
    # Imported here: the iCalendar libraries take most of a second to load.
    from shiftwell.core.calendar_plan import ParsedCalendar

    return ParsedCalendar(calendar)


def day_plan(
    settings: Settings,
    first: date,
    count: int,
    calendar: bytes | CalendarEvents | None = None,
    fetched_at: datetime | None = None,
    problem: str | None = None,
) -> DayPlan:
    """The `count` days from `first`: from `calendar` (the feed's last good copy) when the
    settings name a calendar, else from the settings."""
    plan = settings.plan
    if plan.calendar is not None and calendar is not None:
        # Imported here: the iCalendar libraries take most of a second, which a start
        # without a calendar (and the tray's icon) need not wait for.
        from shiftwell.core.calendar_plan import (
            CalendarInvalid,
            CalendarWords,
            plan_from_events,
            plan_window,
        )

        words = CalendarWords(
            plan.calendar_shift_words, plan.calendar_break_words, plan.calendar_lunch_words
        )
        events = calendar_events_of(calendar)
        tz = settings.schedule.tz
        try:
            found = events.between(*plan_window(first, count, tz))
            days = plan_from_events(found, tz, first, count, words, settings.schedule.days_off)
        except CalendarInvalid as error:
            message = _("The kept copy of the calendar can't be read ({reason}).")
            problem = message.format(reason=error)
        else:
            return DayPlan(PlanSource.CALENDAR, days, fetched_at, problem)
    if plan.calendar is not None:
        fallback = _("Until the calendar can be read, the schedule in the settings applies.")
        problem = f"{problem} {fallback}" if problem else fallback
    return DayPlan(PlanSource.SETTINGS, settings_plan(settings).days(first, count), None, problem)


def plan_to_json(plan: DayPlan, tz: tzinfo) -> dict[str, Any]:
    """The plan for scripts: times in ISO 8601 with the user's UTC offset."""

    def iso(moment: datetime) -> str:
        return moment.astimezone(tz).isoformat()

    return {
        "source": plan.source.value,
        "fetched_at": plan.fetched_at.isoformat() if plan.fetched_at else None,
        "problem": plan.problem,
        "days": [
            {
                "date": day.day.isoformat(),
                "shifts": [
                    {
                        "start": iso(shift.start),
                        "end": iso(shift.end),
                        "breaks": [
                            {
                                "start": iso(item.start),
                                "end": iso(item.end),
                                "kind": item.kind.value,
                                "title": item.title,
                            }
                            for item in shift.breaks
                        ],
                    }
                    for shift in day.shifts
                ],
            }
            for day in plan.days
        ],
    }


def describe_plan(plan: DayPlan, tz: tzinfo, calendar: str, config: str) -> str:
    """The plan as `shiftwell schedule` prints it (and the settings dialog's check shows it):
    where it comes from, any problem, then each day's shifts and fixed breaks. `calendar` is
    what may be shown of the calendar's source, `config` the settings file's path."""
    if plan.source is PlanSource.CALENDAR and plan.fetched_at is not None:
        header = _("From the calendar at {source}, fetched {moment}.").format(
            source=calendar, moment=f"{plan.fetched_at.astimezone(tz):%Y-%m-%d %H:%M}"
        )
    else:
        header = _("From the settings in {path}.").format(path=config)
    lines = [header]
    if plan.problem:
        lines.append(plan.problem)

    def hm(moment: datetime) -> str:
        return f"{moment.astimezone(tz):%H:%M}"

    for day in plan.days:
        label = f"{short_weekday(day.day)} {day.day.isoformat()}"
        if not day.shifts:
            lines.append(f"{label}  {_('off')}")
            continue
        for index, shift in enumerate(day.shifts):
            lead = label if index == 0 else " " * len(label)
            lines.append(f"{lead}  {hm(shift.start)}-{hm(shift.end)}")
            for item in shift.breaks:
                kind = _("lunch") if item.kind is FixedKind.LUNCH else _("break")
                title = f"  {item.title}" if item.title.lower() != kind.lower() else ""
                lines.append(f"{' ' * len(label)}    {kind} {hm(item.start)}-{hm(item.end)}{title}")
    return "\n".join(lines)
