"""Short names of weekdays and months in the user's language, not the C library's locale."""

from __future__ import annotations

from datetime import date

from shiftwell.core.i18n import _, marked

_DAYS = (
    marked("Mon"),
    marked("Tue"),
    marked("Wed"),
    marked("Thu"),
    marked("Fri"),
    marked("Sat"),
    marked("Sun"),
)
_MONTHS = (
    marked("Jan"),
    marked("Feb"),
    marked("Mar"),
    marked("Apr"),
    marked("May"),
    marked("Jun"),
    marked("Jul"),
    marked("Aug"),
    marked("Sep"),
    marked("Oct"),
    marked("Nov"),
    marked("Dec"),
)


def short_weekday(day: date) -> str:
    """`Mon`."""
    return _(_DAYS[day.weekday()])


def short_month(day: date) -> str:
    """`Nov`."""
    return _(_MONTHS[day.month - 1])
