"""The one row per day that every rendering of the week shows (terminal table, PDF page)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from shiftwell.core.i18n import _, marked
from shiftwell.report.words import (
    NONE,
    format_clock,
    format_day,
    format_hours,
    length_in_minutes,
)
from shiftwell.storage.figures import DayFigures, OvertimeLine, WeekFigures

# In English, as marked: shown with `_()`.
DAY_HEADER = (
    marked("Day"),
    marked("Planned"),
    marked("Worked"),
    marked("Focus"),
    marked("Kept"),
    marked("Natural"),
    marked("Postponed"),
    marked("Skipped"),
    marked("Planned end"),
    marked("Log-off"),
    marked("Late"),
    marked("Overtime"),
    marked("Check-in"),
)
# The columns that hold numbers (a table aligns them to the right).
NUMBER_COLUMNS = frozenset(range(1, 8))


def day_header() -> tuple[str, ...]:
    return tuple(_(title) for title in DAY_HEADER)


def day_row(day: DayFigures, tz: ZoneInfo) -> tuple[str, ...]:
    """The day's cells, in `DAY_HEADER`'s order; a day without a shift shows dashes."""
    if not day.worked:
        return (format_day(day.day), *[NONE] * 3, *[""] * 9)
    late = day.late_seconds
    mean = day.checkin_mean
    return (
        format_day(day.day),
        format_hours(day.planned_seconds),
        format_hours(day.worked_seconds),
        format_hours(day.focus_seconds),
        str(day.breaks.kept),
        str(day.breaks.natural),
        str(day.breaks.postponed),
        str(day.breaks.skipped),
        format_clock(day.planned_end, day.day, tz),
        _("open") if day.logged_off is None else format_clock(day.logged_off, day.day, tz),
        "" if late is None else (_("on time") if day.on_time else length_in_minutes(late)),
        length_in_minutes(day.overtime_seconds) if day.overtime_seconds else "",
        "" if mean is None else f"{mean:.1f}",
    )


def week_grants(figures: WeekFigures) -> list[OvertimeLine]:
    """Every overtime grant of the week, day by day."""
    return [grant for day in figures.days for grant in day.overtime]
