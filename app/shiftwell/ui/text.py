"""Words and numbers for the tray: how the engine's status reads to a person."""

from __future__ import annotations

import math
from datetime import datetime

from shiftwell.core.engine import Status, Tally
from shiftwell.core.model import BreakKind, State

STATE_NAMES = {
    State.OFF_SHIFT: "Off shift",
    State.FOCUS: "Focus",
    State.BREAK_DUE: "Break soon",
    State.MICRO_BREAK: "Micro break",
    State.LONG_BREAK: "Long break",
    State.PAUSED: "Paused",
    State.AWAY: "Away",
    State.ON_CALL: "On a call",
    State.LOGGED_OFF: "Shift over",
    State.OVERTIME: "Overtime",
}

BREAK_NAMES = {BreakKind.MICRO: "micro break", BreakKind.LONG: "long break"}


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
        return f"{whole} s"
    minutes = math.ceil(whole / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def worked(seconds: float) -> str:
    """Time worked, rounded down: `6 h 40 min`."""
    minutes = int(seconds // 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def clock_time(when: datetime) -> str:
    return when.astimezone().strftime("%H:%M")


def headline(status: Status, monotonic: float) -> str:
    """One line, as in the tray tooltip: `Focus — micro break in 12 min`."""
    name = STATE_NAMES[status.state]
    left = seconds_left(status, monotonic)
    shift_first = status.shift_ends is not None and (
        status.next_break_at is None or status.shift_ends <= status.next_break_at
    )
    match status.state:
        case State.FOCUS if left is not None:
            if shift_first:
                prefix = "Wrapping up" if status.wrap_up else name
                return f"{prefix} — shift ends in {span(left)}"
            assert status.next_break is not None
            return f"{name} — {BREAK_NAMES[status.next_break]} in {span(left)}"
        case State.BREAK_DUE if left is not None and status.next_break is not None:
            return f"{BREAK_NAMES[status.next_break].capitalize()} in {span(left)}"
        case State.MICRO_BREAK | State.LONG_BREAK if left is not None:
            return f"{name} — {span(left)} left"
        case State.PAUSED:
            return f"{name} — resumes in {span(left)}" if left is not None else name
        case State.AWAY:
            return f"{name} — counts as a break"
        case State.ON_CALL:
            return f"{name} — breaks wait until it ends"
        case State.OVERTIME if left is not None:
            return f"{name} — {span(left)} left"
        case State.OFF_SHIFT:
            return f"{name} — start a shift from this menu"
        case State.LOGGED_OFF:
            return f"{name} — time to log off"
        case _:
            return name


def tooltip(status: Status, monotonic: float) -> str:
    lines = ["Shiftwell", headline(status, monotonic)]
    if status.state.on_shift and status.shift is not None:
        lines.append(f"Shift ends at {clock_time(status.shift.planned_end)}")
    elif status.next_shift is not None:
        start = status.next_shift.start.astimezone()
        lines.append(f"Next shift: {start:%a %H:%M}")
    return "\n".join(lines)


def summary(tally: Tally) -> tuple[str, ...]:
    """The log-off screen's account of the day."""
    breaks = f"{tally.breaks_kept} break{'s' if tally.breaks_kept != 1 else ''} kept"
    if tally.natural_breaks:
        breaks += f", {tally.natural_breaks} away from the desk"
    lines = [f"Focus time: {worked(tally.focus_seconds)}", breaks.capitalize()]
    if tally.skipped or tally.postponed:
        lines.append(f"Breaks skipped: {tally.skipped} · postponed: {tally.postponed}")
    return tuple(lines)
