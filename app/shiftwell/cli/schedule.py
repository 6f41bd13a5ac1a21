"""`shiftwell schedule`: the coming days as Shiftwell will apply them (no tray needed).

It reads the settings and, with `schedule.calendar` set, the calendar's kept copy, fetching
it first when it is older than `schedule.calendar_refresh`.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime

from shiftwell.core.day_plan import describe_plan, plan_to_json
from shiftwell.core.i18n import _
from shiftwell.platform.paths import Paths


def print_schedule(paths: Paths, days: int, first_text: str | None, *, as_json: bool) -> int:
    from shiftwell.platform.calendar_feed import CalendarFeed
    from shiftwell.platform.coming_days import coming_days
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
    feed = CalendarFeed(source, paths.data_dir) if source is not None else None
    shown = feed.shown if feed is not None else ""
    plan = coming_days(settings, feed, first, days, now)
    if as_json:
        shown_json = plan_to_json(plan, tz)
        shown_json["calendar"] = shown or None
        print(json.dumps(shown_json, indent=2, ensure_ascii=False))
    else:
        print(describe_plan(plan, tz, shown, str(paths.config_file)))
    return 0
