"""`shiftwell schedule`: the coming days as Shiftwell will apply them (no tray needed).

It reads the settings and, with `schedule.calendar` set, the calendar's kept copy, fetching
it first when it is older than `schedule.calendar_refresh`.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime, tzinfo

from shiftwell.core.calendar_names import short_weekday
from shiftwell.core.day_plan import DayPlan, PlanSource, day_plan, plan_to_json
from shiftwell.core.i18n import _
from shiftwell.core.plan import FixedKind
from shiftwell.platform.paths import Paths


def print_schedule(paths: Paths, days: int, first_text: str | None, *, as_json: bool) -> int:
    from shiftwell.platform.calendar_feed import CalendarFeed
    from shiftwell.platform.config_file import load_settings

    loaded = load_settings(paths.config_file)
    for setting in loaded.problems:
        if setting.key.startswith("schedule."):
            print(f"shiftwell: {setting}", file=sys.stderr)
    settings = loaded.settings
    tz = settings.schedule.tz
    now = datetime.now(UTC)
    try:
        first = date.fromisoformat(first_text) if first_text else now.astimezone(tz).date()
    except ValueError:
        message = _("{value} is not a date (write it like 2026-12-24)")
        print(f"shiftwell: --from: {message.format(value=repr(first_text))}", file=sys.stderr)
        return 2
    source = settings.plan.calendar
    calendar, fetched_at, problem, shown = None, None, None, ""
    if source is not None:
        feed = CalendarFeed(source, paths.data_dir)
        shown = feed.shown
        if feed.due(now, settings.plan.calendar_refresh):
            result = feed.refresh(now)
            copy, problem = result.copy, result.problem
        else:
            copy, problem = feed.cached(), feed.standing_problem()
        if copy is not None:
            calendar, fetched_at = feed.calendar(copy), copy.fetched_at
    plan = day_plan(settings, first, days, calendar, fetched_at, problem)
    if as_json:
        shown_json = plan_to_json(plan, tz)
        shown_json["calendar"] = shown or None
        print(json.dumps(shown_json, indent=2, ensure_ascii=False))
    else:
        print(_render(plan, tz, shown, str(paths.config_file)))
    return 0


def _render(plan: DayPlan, tz: tzinfo, calendar: str, config: str) -> str:
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
