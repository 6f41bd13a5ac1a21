"""The week as files: CSV, JSON and an iCalendar file.

Everything here writes to strings or bytes; where they go is the caller's choice. Nothing is
ever sent anywhere. Times in the files are local to the week's zone, with their UTC offset.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import icalendar

from shiftwell.core.adherence import Adherence, judge
from shiftwell.report.words import format_clock
from shiftwell.storage.figures import (
    BreakCounts,
    DayFigures,
    FixedBreakLine,
    Headline,
    IsoWeek,
    OvertimeLine,
    SegmentLine,
    ShiftLine,
    WeekFigures,
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
OVERTIME_FIELDS = ("day", "shift_id", "granted_at", "seconds", "reason")
# Offsets are actual minus planned, in seconds (negative: early); the verdicts follow
# core.adherence's rules.
FIXED_BREAK_FIELDS = (
    "day",
    "shift_id",
    "fixed_break_id",
    "kind",
    "title",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "start_offset_seconds",
    "end_offset_seconds",
    "taken_seconds",
    "on_schedule",
    "missed",
)

BREAK_TITLES = {"micro_break": "Micro break", "long_break": "Long break", "away": "Away (break)"}
# Breaks that really happened: kept, cut short by the shift's end, or taken by being away.
_TAKEN = {("micro_break", "completed"), ("long_break", "completed"), ("away", "natural")}
_TAKEN |= {("micro_break", "interrupted"), ("long_break", "interrupted")}


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


def overtime_csv(grants: Sequence[OvertimeLine], tz: ZoneInfo) -> str:
    """One row per overtime grant, with the reason given."""
    return _csv(
        OVERTIME_FIELDS,
        [
            (g.day.isoformat(), g.shift_id, _local(g.granted_at, tz), g.seconds, _cell(g.reason))
            for g in grants
        ],
    )


def _seconds(offset: timedelta | None) -> int | str:
    return "" if offset is None else round(offset.total_seconds())


def fixed_breaks_csv(breaks: Sequence[FixedBreakLine], tz: ZoneInfo) -> str:
    """One row per break at a fixed time: planned and actual times, how far off plan, and
    whether it was on schedule or missed."""
    rows = []
    for line in breaks:
        verdict = judge(line)
        rows.append(
            (
                line.day.isoformat(),
                line.shift_id,
                line.id,
                line.kind.value,
                _cell(line.title),
                _local(line.planned_start, tz),
                _local(line.planned_end, tz),
                _local(line.actual_start, tz),
                _local(line.actual_end, tz),
                _seconds(verdict.start_offset),
                _seconds(verdict.end_offset),
                _seconds(verdict.taken),
                "" if verdict.under_way else str(verdict.on_schedule).lower(),
                str(verdict.missed).lower(),
            )
        )
    return _csv(FIXED_BREAK_FIELDS, rows)


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
        "fixed_breaks": _adherence(headline.fixed),
    }


def _adherence(fixed: Adherence) -> dict[str, Any]:
    """The breaks at fixed times by core.adherence's rules (all 0 without any)."""
    return {
        "breaks": fixed.breaks,
        "on_schedule": fixed.on_schedule,
        "on_schedule_rate": fixed.on_schedule_rate,
        "back_late": fixed.back_late,
        "back_late_seconds": fixed.back_late_seconds,
        "lunches": fixed.lunches,
        "lunches_in_full": fixed.lunches_in_full,
        "lunches_in_full_rate": fixed.lunches_rate,
        "missed": fixed.missed,
    }


def _fixed_break(line: FixedBreakLine, tz: ZoneInfo) -> dict[str, Any]:
    verdict = judge(line)
    return {
        "day": line.day.isoformat(),
        "shift_id": line.shift_id,
        "id": line.id,
        "kind": line.kind.value,
        "title": line.title,
        "planned_start": _local(line.planned_start, tz),
        "planned_end": _local(line.planned_end, tz),
        "actual_start": _local(line.actual_start, tz) or None,
        "actual_end": _local(line.actual_end, tz) or None,
        "on_schedule": None if verdict.under_way else verdict.on_schedule,
        "missed": verdict.missed,
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
        "fixed_breaks": _adherence(day.fixed),
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
        "fixed_breaks": [_fixed_break(line, figures.tz) for line in figures.fixed_breaks],
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


class WeekRowSource(Protocol):
    """A week's stored rows in one zone (`storage.stats.WeekRows` reads them from the database)."""

    @property
    def tz(self) -> ZoneInfo: ...
    def shifts(self, week: IsoWeek) -> Sequence[ShiftLine]: ...
    def segments(self, week: IsoWeek) -> Sequence[SegmentLine]: ...
    def overtime(self, week: IsoWeek) -> Sequence[OvertimeLine]: ...
    def fixed_breaks(self, week: IsoWeek) -> Sequence[FixedBreakLine]: ...


class WeekExporter:
    """Renders a week's stored rows as files, for the stats window's Export menu."""

    def __init__(self, rows: WeekRowSource) -> None:
        self._rows = rows

    def segments_csv(self, week: IsoWeek) -> str:
        return segments_csv(self._rows.segments(week), self._rows.tz)

    def overtime_csv(self, week: IsoWeek) -> str:
        return overtime_csv(self._rows.overtime(week), self._rows.tz)

    def fixed_breaks_csv(self, week: IsoWeek) -> str:
        return fixed_breaks_csv(self._rows.fixed_breaks(week), self._rows.tz)

    def ics(self, week: IsoWeek) -> bytes:
        rows = self._rows
        return week_ics(week, rows.tz, rows.shifts(week), rows.segments(week))


def _cell(text: str) -> str:
    """Typed text as a CSV cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
