"""Words and numbers for the tray: how the engine's status reads to a person."""

from __future__ import annotations

import math
from datetime import datetime

from shiftwell.core.engine import Status
from shiftwell.core.model import BreakKind, State

STATE_NAMES = {
    State.OFF_SHIFT: "Off shift",
    State.FOCUS: "Focus",
    State.MICRO_BREAK: "Micro break",
    State.LONG_BREAK: "Long break",
    State.PAUSED: "Paused",
    State.LOGGED_OFF: "Shift over",
}


def seconds_left(status: Status, monotonic: float) -> float | None:
    """Seconds until the next thing happens (what the tray counts down to)."""
    if status.deadline is None:
        return None
    if status.state is State.PAUSED and status.segment_ends is None:
        return None  # paused until resumed: the shift end is not what the user waits for
    return max(0.0, status.deadline - monotonic)


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


def clock_time(when: datetime) -> str:
    return when.astimezone().strftime("%H:%M")


def headline(status: Status, monotonic: float) -> str:
    """One line, as in the tray tooltip: `Focus — micro break in 12 min`."""
    name = STATE_NAMES[status.state]
    left = seconds_left(status, monotonic)
    match status.state:
        case State.FOCUS if left is not None:
            shift_first = status.shift_ends is not None and status.shift_ends == status.deadline
            if shift_first or status.next_break is None:
                return f"{name} — shift ends in {span(left)}"
            what = "micro break" if status.next_break is BreakKind.MICRO else "long break"
            return f"{name} — {what} in {span(left)}"
        case State.MICRO_BREAK | State.LONG_BREAK if left is not None:
            return f"{name} — {span(left)} left"
        case State.PAUSED:
            return f"{name} — resumes in {span(left)}" if left is not None else f"{name}"
        case State.OFF_SHIFT:
            return f"{name} — start a shift from this menu"
        case _:
            return name


def tooltip(status: Status, monotonic: float) -> str:
    lines = ["Shiftwell", headline(status, monotonic)]
    if status.state.on_shift and status.shift is not None:
        lines.append(f"Shift ends at {clock_time(status.shift.planned_end)}")
    return "\n".join(lines)
