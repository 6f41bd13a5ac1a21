"""The week as a plain table for the terminal: the headline against the week before, then
one line per day (`report.day_rows`)."""

from __future__ import annotations

from collections.abc import Sequence

from shiftwell.core.adherence import Adherence
from shiftwell.core.i18n import _
from shiftwell.report.day_rows import NUMBER_COLUMNS, day_header, day_row, week_grants
from shiftwell.report.words import (
    NONE,
    format_day,
    format_hours,
    format_percent,
    length_in_minutes,
    week_title,
)
from shiftwell.storage.figures import BreakCounts, Headline, WeekFigures


def _trend_rows(figures: WeekFigures) -> list[tuple[str, str, str]]:
    def rows(headline: Headline) -> list[str]:
        overtime = length_in_minutes(headline.overtime_seconds)
        cap = length_in_minutes(headline.overtime_cap_seconds)
        mean = headline.checkin_mean
        return [
            format_hours(headline.worked_seconds),
            format_hours(headline.planned_seconds),
            format_hours(headline.focus_seconds),
            _share(headline.on_time_rate, headline.on_time_days, headline.logoff_days),
            _kept(headline.breaks),
            _("{overtime} of {cap}").format(overtime=overtime, cap=cap),
            str(headline.days_off_schedule),
            NONE if mean is None else f"{mean:.1f} / 5 ({headline.checkins})",
        ]

    names = [
        _("Hours worked"),
        _("Hours planned"),
        _("Focus"),
        _("On-time log-off"),
        _("Breaks kept"),
        _("Overtime"),
        _("Days outside the schedule"),
        _("Check-in"),
    ]
    trend = list(zip(names, rows(figures.headline), rows(figures.previous), strict=True))
    if figures.headline.fixed.any or figures.previous.fixed.any:
        trend += _fixed_rows(figures)
    return trend


def _fixed_rows(figures: WeekFigures) -> list[tuple[str, str, str]]:
    """The breaks at fixed times (core.adherence's rules), when either week had some."""

    def rows(fixed: Adherence) -> list[str]:
        if not fixed.any:
            return [NONE] * 4
        lunches = (
            _share(fixed.lunches_rate, fixed.lunches_in_full, fixed.lunches)
            if fixed.lunches
            else NONE
        )
        return [
            _share(fixed.on_schedule_rate, fixed.on_schedule, fixed.breaks),
            length_in_minutes(fixed.back_late_seconds),
            lunches,
            _("{count} of {total}").format(count=fixed.missed, total=fixed.breaks),
        ]

    names = [
        _("Fixed breaks on schedule"),
        _("Back late from breaks"),
        _("Lunches taken in full"),
        _("Fixed breaks missed"),
    ]
    now, before = rows(figures.headline.fixed), rows(figures.previous.fixed)
    return list(zip(names, now, before, strict=True))


def _kept(breaks: BreakCounts) -> str:
    if not breaks.due:
        return _("no breaks due")
    return _share(breaks.kept_rate, breaks.kept + breaks.natural, breaks.due)


def _share(rate: float | None, count: int, total: int) -> str:
    """`75 % (3 of 4)`."""
    share = _("{percent} ({count} of {total})")
    return share.format(percent=format_percent(rate), count=count, total=total)


def _align(rows: Sequence[Sequence[str]], right: frozenset[int] = frozenset()) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.rjust(width) if i in right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


def render_table(figures: WeekFigures) -> str:
    """The week as plain text: the headline against the week before, then one line per day."""
    tz = figures.tz
    title = _("Shiftwell — {week} ({zone})").format(week=week_title(figures.week), zone=tz.key)
    lines = [title, ""]
    if figures.empty:
        lines.append(_("No shifts recorded this week."))
        if figures.previous.days_worked:
            worked = format_hours(figures.previous.worked_seconds)
            lines.append(_("Last week: {hours} worked.").format(hours=worked))
        return "\n".join(lines) + "\n"
    lines += _align([("", _("this week"), _("last week")), *_trend_rows(figures)])
    lines.append("")
    rows = [day_header(), *(day_row(day, tz) for day in figures.days)]
    lines += _align(rows, right=NUMBER_COLUMNS)
    grants = week_grants(figures)
    if grants:
        lines += ["", _("Overtime:")]
        lines += [
            f"  {format_day(g.day)}  {length_in_minutes(g.seconds)}  {g.reason}" for g in grants
        ]
    return "\n".join(lines) + "\n"
