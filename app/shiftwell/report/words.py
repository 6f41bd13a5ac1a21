"""Figures as words: hours, lengths, shares, clock times, days and weeks, as a report shows them.

Translated with the core's `_()`, which the shell points at Qt's translator.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from shiftwell.core.calendar_names import short_month, short_weekday
from shiftwell.core.i18n import _
from shiftwell.storage.figures import IsoWeek

NONE = "—"  # an empty figure


def format_hours(seconds: float) -> str:
    """`35.3 h`."""
    return f"{seconds / 3600:.1f} h"


def length_in_minutes(seconds: float) -> str:
    """A length of time in a report, to the nearest minute: `45 min`, `1 h 05 min`, `2 h`.

    (A setting's length is written by `core.durations.to_setting`; time left on screen by
    `ui.text.span`.)"""
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h" if minutes == 0 else f"{hours} h {minutes:02d} min"


def format_percent(rate: float | None) -> str:
    return NONE if rate is None else f"{rate * 100:.0f} %"


def format_clock(moment: datetime | None, day: date, tz: ZoneInfo) -> str:
    """`17:45`, or `02:00 +1` for a time on the day after `day`."""
    if moment is None:
        return NONE
    local = moment.astimezone(tz)
    later = (local.date() - day).days
    return local.strftime("%H:%M") + (f" +{later}" if later else "")


def format_day(day: date) -> str:
    """`Mon 2 Nov`."""
    return _("{weekday} {day} {month}").format(
        weekday=short_weekday(day), day=day.day, month=short_month(day)
    )


def week_title(week: IsoWeek) -> str:
    """`Week 48 · 23 Nov to 29 Nov 2026`, with an en dash for "to"."""
    first, last = week.days[0], week.days[-1]
    # The dash is written as an escape: in source it looks like a hyphen.
    title = _("Week {number} · {first_day} {first_month} \u2013 {last_day} {last_month} {year}")
    return title.format(
        number=week.week,
        first_day=first.day,
        first_month=short_month(first),
        last_day=last.day,
        last_month=short_month(last),
        year=last.year,
    )
