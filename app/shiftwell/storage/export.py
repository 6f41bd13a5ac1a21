"""The week as files and text: CSV, JSON, an iCalendar file, and a plain table for the terminal.

Everything here writes to strings or bytes; where they go is the caller's choice. Nothing is
ever sent anywhere. Times in the files are local to the week's zone, with their UTC offset.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import sqlalchemy as sa

from shiftwell.core.calendar_names import short_month, short_weekday
from shiftwell.core.i18n import _
from shiftwell.storage.stats import (
    BreakCounts,
    DayFigures,
    Headline,
    IsoWeek,
    OvertimeGrant,
    SegmentLine,
    ShiftLine,
    WeekFigures,
    week_overtime,
    week_segments,
    week_shifts,
)

SEGMENT_FIELDS = (
    "day",
    "shift_id",
    "segment_id",
    "kind",
    "outcome",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "seconds",
    "checkin_score",
    "checkin_word",
)
NONE = "—"  # an empty figure

OVERTIME_FIELDS = ("day", "shift_id", "granted_at", "seconds", "reason")

BREAK_TITLES = {"micro_break": "Micro break", "long_break": "Long break", "away": "Away (break)"}
# Breaks that really happened: kept, cut short by the shift's end, or taken by being away.
_TAKEN = {("micro_break", "completed"), ("long_break", "completed"), ("away", "natural")}
_TAKEN |= {("micro_break", "interrupted"), ("long_break", "interrupted")}

# --- words and numbers ----------------------------------------------------------------------


def format_hours(seconds: float) -> str:
    """`35.3 h`."""
    return f"{seconds / 3600:.1f} h"


def format_duration(seconds: float) -> str:
    """`45 min`, `1 h 05 min`, `2 h` (to the nearest minute)."""
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


def _local(moment: datetime | None, tz: ZoneInfo) -> str:
    return "" if moment is None else moment.astimezone(tz).isoformat()


# --- CSV ---------------------------------------------------------------------------------------


def _csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def segments_csv(segments: Sequence[SegmentLine], tz: ZoneInfo) -> str:
    """One row per segment: kind, outcome, planned and actual times, seconds, check-in."""
    return _csv(
        SEGMENT_FIELDS,
        [
            (
                s.day.isoformat(),
                s.shift_id,
                s.id,
                s.kind,
                s.outcome or "",
                _local(s.planned_start, tz),
                _local(s.planned_end, tz),
                _local(s.actual_start, tz),
                _local(s.actual_end, tz),
                "" if s.seconds is None else s.seconds,
                "" if s.checkin_score is None else s.checkin_score,
                s.checkin_word or "",
            )
            for s in segments
        ],
    )


def overtime_csv(grants: Sequence[OvertimeGrant], tz: ZoneInfo) -> str:
    """One row per overtime grant, with the reason given."""
    return _csv(
        OVERTIME_FIELDS,
        [
            (g.day.isoformat(), g.shift_id, _local(g.granted_at, tz), g.seconds, _cell(g.reason))
            for g in grants
        ],
    )


# --- JSON --------------------------------------------------------------------------------------


def _breaks(breaks: BreakCounts) -> dict[str, Any]:
    return {
        "kept": breaks.kept,
        "natural": breaks.natural,
        "postponed": breaks.postponed,
        "skipped": breaks.skipped,
        "kept_rate": breaks.kept_rate,
    }


def _headline(headline: Headline) -> dict[str, Any]:
    return {
        "days_worked": headline.days_worked,
        "planned_seconds": headline.planned_seconds,
        "worked_seconds": headline.worked_seconds,
        "focus_seconds": headline.focus_seconds,
        "logoff_days": headline.logoff_days,
        "on_time_days": headline.on_time_days,
        "on_time_rate": headline.on_time_rate,
        "breaks": _breaks(headline.breaks),
        "overtime_seconds": headline.overtime_seconds,
        "overtime_cap_seconds": headline.overtime_cap_seconds,
        "days_off_schedule": headline.days_off_schedule,
        "checkins": headline.checkins,
        "checkin_mean": headline.checkin_mean,
    }


def _day(day: DayFigures, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "day": day.day.isoformat(),
        "shifts": day.shifts,
        "planned_seconds": day.planned_seconds,
        "worked_seconds": day.worked_seconds,
        "focus_seconds": day.focus_seconds,
        "breaks": _breaks(day.breaks),
        "planned_end": _local(day.planned_end, tz) or None,
        "logged_off": _local(day.logged_off, tz) or None,
        "late_seconds": day.late_seconds,
        "on_time": day.on_time,
        "overtime_seconds": day.overtime_seconds,
        "overtime": [
            {"granted_at": _local(g.granted_at, tz), "seconds": g.seconds, "reason": g.reason}
            for g in day.overtime
        ],
        "checkins": day.checkins,
        "checkin_mean": day.checkin_mean,
        "off_schedule": day.off_schedule,
    }


def figures_dict(figures: WeekFigures) -> dict[str, Any]:
    return {
        "week": str(figures.week),
        "time_zone": figures.tz.key,
        "first_day": figures.week.days[0].isoformat(),
        "last_day": figures.week.days[-1].isoformat(),
        "headline": _headline(figures.headline),
        "previous_week": _headline(figures.previous),
        "days": [_day(day, figures.tz) for day in figures.days],
    }


def figures_json(figures: WeekFigures) -> str:
    return json.dumps(figures_dict(figures), indent=2, ensure_ascii=False) + "\n"


# --- iCalendar ---------------------------------------------------------------------------------


def week_ics(
    week: IsoWeek,
    tz: ZoneInfo,
    shifts: Sequence[ShiftLine],
    segments: Sequence[SegmentLine],
    *,
    stamp: datetime | None = None,
) -> bytes:
    """A calendar with one event per shift and one per break that was taken.

    Skipped and postponed breaks took no time, so they are not events. A shift still open
    is shown up to its planned end. `stamp` (aware) is the DTSTAMP of every event.
    """
    stamp = stamp or datetime.now(UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Shiftwell//Week export//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Shiftwell {week}")
    for shift in shifts:
        title = "Shift" if shift.scheduled else "Shift (outside the schedule)"
        if shift.actual_end is None:
            title += " (still open)"
        calendar.add_component(
            _event(
                f"{shift.id}@shiftwell",
                title,
                shift.actual_start,
                shift.actual_end or shift.planned_end,
                stamp,
                f"Planned {format_clock(shift.planned_start, shift.day, tz)} to "
                f"{format_clock(shift.planned_end, shift.day, tz)} ({tz.key})",
            )
        )
    for segment in segments:
        if (segment.kind, segment.outcome) not in _TAKEN or segment.actual_end is None:
            continue
        note = ""
        if segment.checkin_score is not None:
            note = f"Check-in: {segment.checkin_score}/5"
            if segment.checkin_word:
                note += f" ({segment.checkin_word})"
        if segment.outcome == "interrupted":
            note = "Cut short by the end of the shift. " + note
        calendar.add_component(
            _event(
                f"{segment.id}@shiftwell",
                BREAK_TITLES[segment.kind],
                segment.actual_start,
                segment.actual_end,
                stamp,
                note.strip(),
            )
        )
    return bytes(calendar.to_ical())


def _event(
    uid: str, summary: str, start: datetime, end: datetime, stamp: datetime, note: str
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", start.astimezone(UTC))
    event.add("dtend", end.astimezone(UTC))
    event.add("summary", summary)
    if note:
        event.add("description", note)
    return event


class WeekExporter:
    """Reads a week's rows and renders them as files, for the stats window's Export menu."""

    def __init__(self, engine: sa.Engine, tz: ZoneInfo) -> None:
        self._engine = engine
        self._tz = tz

    def segments_csv(self, week: IsoWeek) -> str:
        return segments_csv(week_segments(self._engine, week, self._tz), self._tz)

    def overtime_csv(self, week: IsoWeek) -> str:
        return overtime_csv(week_overtime(self._engine, week, self._tz), self._tz)

    def ics(self, week: IsoWeek) -> bytes:
        shifts = week_shifts(self._engine, week, self._tz)
        return week_ics(week, self._tz, shifts, week_segments(self._engine, week, self._tz))


# --- a table for the terminal ------------------------------------------------------------------


def _trend_rows(figures: WeekFigures) -> list[tuple[str, str, str]]:
    def rows(headline: Headline) -> list[str]:
        overtime = format_duration(headline.overtime_seconds)
        cap = format_duration(headline.overtime_cap_seconds)
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
    return list(zip(names, rows(figures.headline), rows(figures.previous), strict=True))


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
    header = (
        _("Day"),
        _("Planned"),
        _("Worked"),
        _("Focus"),
        _("Kept"),
        _("Natural"),
        _("Postponed"),
        _("Skipped"),
        _("Planned end"),
        _("Log-off"),
        _("Late"),
        _("Overtime"),
        _("Check-in"),
    )
    rows: list[tuple[str, ...]] = [header]
    for day in figures.days:
        if not day.worked:
            rows.append((format_day(day.day), *[NONE] * 3, *[""] * 9))
            continue
        late = day.late_seconds
        mean = day.checkin_mean
        rows.append(
            (
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
                "" if late is None else (_("on time") if day.on_time else format_duration(late)),
                format_duration(day.overtime_seconds) if day.overtime_seconds else "",
                "" if mean is None else f"{mean:.1f}",
            )
        )
    lines += _align(rows, right=frozenset(range(1, 8)))
    grants = [grant for day in figures.days for grant in day.overtime]
    if grants:
        lines += ["", _("Overtime:")]
        lines += [
            f"  {format_day(g.day)}  {format_duration(g.seconds)}  {g.reason}" for g in grants
        ]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Typed text as a CSV cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
