"""Words and numbers for the tray: how the engine's status reads to a person."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta

from shiftwell.core.adherence import Judged, judge
from shiftwell.core.calendar_names import short_weekday
from shiftwell.core.engine import Status, Tally
from shiftwell.core.i18n import marked
from shiftwell.core.model import BreakKind, FixedBreakRecord, State
from shiftwell.core.plan import FixedKind
from shiftwell.core.state_names import STATE_NAMES
from shiftwell.ui.i18n import _t, _tn

# In English, as marked; `state_name` and `break_name` give them in the user's language.

BREAK_NAMES = {BreakKind.MICRO: marked("micro break"), BreakKind.LONG: marked("long break")}
# A break's name starting a sentence ("Micro break in 30 s"): its own message, since not
# every language capitalises by changing the first letter.
_BREAK_TITLES = {BreakKind.MICRO: marked("Micro break"), BreakKind.LONG: marked("Long break")}


def state_name(state: State) -> str:
    return _t(STATE_NAMES[state])


def break_name(kind: BreakKind) -> str:
    return _t(BREAK_NAMES[kind])


def break_title(kind: BreakKind) -> str:
    return _t(_BREAK_TITLES[kind])


def seconds_left(status: Status, monotonic: float) -> float | None:
    """Seconds until the next thing the user waits for (what the tray counts down to)."""
    state = status.state
    if state in (State.FOCUS, State.BREAK_DUE):
        targets = [t for t in (status.next_break_at, status.shift_ends) if t is not None]
        target = min(targets, default=None)
    elif state.in_break or state is State.PAUSED:
        target = status.segment_ends
    elif state is State.OVERTIME or state is State.ON_CALL:
        target = status.shift_ends
    else:
        target = None
    return None if target is None else max(0.0, target - monotonic)


def minutes_left(status: Status, monotonic: float) -> int | None:
    left = seconds_left(status, monotonic)
    return None if left is None else math.ceil(left / 60)


def span(seconds: float) -> str:
    """`45 s`, `12 min`, `1 h 05 min` — rounded up, so `1 min` means at most a minute."""
    whole = math.ceil(seconds)
    if whole < 60:
        return _t("{seconds} s").format(seconds=whole)
    minutes = math.ceil(whole / 60)
    if minutes < 60:
        return _t("{minutes} min").format(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    return _t("{hours} h {minutes} min").format(hours=hours, minutes=f"{minutes:02d}")


def worked(seconds: float) -> str:
    """Time worked, rounded down: `6 h 40 min`."""
    minutes = int(seconds // 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return _t("{hours} h {minutes} min").format(hours=hours, minutes=f"{minutes:02d}")
    return _t("{minutes} min").format(minutes=minutes)


def clock_time(when: datetime) -> str:
    return when.astimezone().strftime("%H:%M")


def headline(status: Status, monotonic: float) -> str:
    """One line, as in the tray tooltip: `Focus — micro break in 12 min`."""
    name = state_name(status.state)
    fixed = status.fixed_break
    if status.state is State.LONG_BREAK and fixed is not None and fixed.running:
        name = fixed.title  # "Lunch — 12 min left"
    left = seconds_left(status, monotonic)
    shift_first = status.shift_ends is not None and (
        status.next_break_at is None or status.shift_ends <= status.next_break_at
    )
    match status.state:
        case State.FOCUS if left is not None:
            if shift_first:
                prefix = _t("Wrapping up") if status.wrap_up else name
                return _t("{state} — shift ends in {time}").format(state=prefix, time=span(left))
            assert status.next_break is not None
            return _t("{state} — {break_name} in {time}").format(
                state=name, break_name=break_name(status.next_break), time=span(left)
            )
        case State.BREAK_DUE if left is not None and status.next_break is not None:
            return _t("{break_name} in {time}").format(
                break_name=break_title(status.next_break), time=span(left)
            )
        case State.MICRO_BREAK | State.LONG_BREAK | State.OVERTIME if left is not None:
            return _t("{state} — {time} left").format(state=name, time=span(left))
        case State.PAUSED if left is not None:
            return _t("{state} — resumes in {time}").format(state=name, time=span(left))
        case State.AWAY:
            return _t("{state} — counts as a break").format(state=name)
        case State.ON_CALL:
            return _t("{state} — breaks wait until it ends").format(state=name)
        case State.OFF_SHIFT:
            return _t("{state} — start a shift from this menu").format(state=name)
        case State.LOGGED_OFF:
            return _t("{state} — time to log off").format(state=name)
        case _:
            return name


def tooltip(status: Status, monotonic: float) -> str:
    lines = ["Shiftwell", headline(status, monotonic)]
    if status.state.on_shift and status.shift is not None:
        ends = clock_time(status.shift.planned_end)
        lines.append(_t("Shift ends at {time}").format(time=ends))
    elif status.next_shift is not None:
        start = status.next_shift.start.astimezone()
        lines.append(
            _t("Next shift: {day} {time}").format(day=short_weekday(start), time=f"{start:%H:%M}")
        )
    fixed = status.fixed_break
    if fixed is not None and not fixed.running and status.state.on_shift:
        if fixed.owed:
            lines.append(_t("{name} after your call").format(name=fixed.title))
        else:
            when = clock_time(fixed.planned_start)
            lines.append(_t("{name} at {time}").format(name=fixed.title, time=when))
    if (source := schedule_source(status)) is not None:
        lines.append(source)
    return "\n".join(lines)


def schedule_source(status: Status) -> str | None:
    """Where the schedule comes from, when it is a calendar: how old its copy is."""
    age = status.calendar_age
    if age is None:
        return None
    if age < 60:
        return _t("Schedule from calendar, updated just now")
    return _t("Schedule from calendar, updated {time} ago").format(time=worked(age))


def summary(tally: Tally) -> tuple[str, ...]:
    """The log-off screen's account of the day."""
    kept = _tn("%n breaks kept", "%n break kept", tally.breaks_kept)
    if tally.natural_breaks:
        kept = _t("{kept}, {count} away from the desk").format(
            kept=kept, count=tally.natural_breaks
        )
    lines = [_t("Focus time: {time}").format(time=worked(tally.focus_seconds)), kept]
    if tally.skipped or tally.postponed:
        lines.append(
            _t("Breaks skipped: {skipped} · postponed: {postponed}").format(
                skipped=tally.skipped, postponed=tally.postponed
            )
        )
    return tuple(lines)


def fixed_breaks_line(records: Sequence[FixedBreakRecord]) -> str | None:
    """Whether the shift's fixed breaks were taken on schedule, by core's rules
    (core.adherence): "All 3 breaks taken on schedule", "Lunch started 12 min late, 1 break
    missed". None without fixed breaks."""
    judged = [(record, judge(record)) for record in records]
    judged = [(record, verdict) for record, verdict in judged if not verdict.under_way]
    if not judged:
        return None
    if all(verdict.on_schedule for _record, verdict in judged):
        return _tn(
            "All %n breaks taken on schedule", "Your break was taken on schedule", len(judged)
        )
    titles = [record.title for record, _verdict in judged]
    parts = []
    for record, verdict in judged:
        if verdict.missed or verdict.on_schedule:
            continue
        name = record.title
        if titles.count(name) > 1:  # "Break at 10:30": which one
            name = _t("{title} at {time}").format(title=name, time=clock_time(record.planned_start))
        parts.append(_off_schedule(name, verdict))
    missed = [record for record, verdict in judged if verdict.missed]
    for record in missed:
        if record.kind is FixedKind.LUNCH:
            parts.append(_t("{title} missed").format(title=record.title))
    breaks_missed = sum(1 for record in missed if record.kind is not FixedKind.LUNCH)
    if breaks_missed:
        parts.append(_tn("%n breaks missed", "%n break missed", breaks_missed))
    return ", ".join(parts)


def _off_schedule(name: str, verdict: Judged) -> str:
    def minutes(offset: timedelta) -> int:
        return max(1, round(abs(offset.total_seconds()) / 60))

    start = verdict.start_offset or timedelta(0)
    if verdict.started_late:
        return _t("{title} started {minutes} min late").format(title=name, minutes=minutes(start))
    if verdict.back_late:
        late = minutes(verdict.back_late)
        return _t("{title} ran {minutes} min over").format(title=name, minutes=late)
    if verdict.ended_early:
        early = minutes(verdict.ended_early)
        return _t("{title} ended {minutes} min early").format(title=name, minutes=early)
    return _t("{title} started {minutes} min early").format(title=name, minutes=minutes(start))
