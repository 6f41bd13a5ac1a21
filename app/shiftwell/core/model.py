"""The vocabulary shared by the core, storage and the shell: states, events, records."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class State(StrEnum):
    OFF_SHIFT = "off_shift"
    FOCUS = "focus"
    MICRO_BREAK = "micro_break"
    LONG_BREAK = "long_break"
    PAUSED = "paused"
    LOGGED_OFF = "logged_off"

    @property
    def on_shift(self) -> bool:
        return self not in (State.OFF_SHIFT, State.LOGGED_OFF)


class SegmentKind(StrEnum):
    FOCUS = "focus"
    MICRO_BREAK = "micro_break"
    LONG_BREAK = "long_break"
    PAUSE = "pause"


class BreakKind(StrEnum):
    MICRO = "micro"
    LONG = "long"

    @property
    def state(self) -> State:
        return State.MICRO_BREAK if self is BreakKind.MICRO else State.LONG_BREAK

    @property
    def segment(self) -> SegmentKind:
        return SegmentKind.MICRO_BREAK if self is BreakKind.MICRO else SegmentKind.LONG_BREAK


class Outcome(StrEnum):
    COMPLETED = "completed"
    SKIPPED = "skipped"
    POSTPONED = "postponed"
    INTERRUPTED = "interrupted"


class Trigger(StrEnum):
    """What caused a transition; stored with each one."""

    START_SHIFT = "start_shift"
    DEADLINE = "deadline"
    BREAK_NOW = "break_now"
    SKIP = "skip"
    POSTPONE = "postpone"
    PAUSE = "pause"
    RESUME = "resume"
    END_SHIFT = "end_shift"


# Events: what the user, the OS or the clock asks of the engine.
@dataclass(frozen=True)
class StartShift:
    trigger = Trigger.START_SHIFT


@dataclass(frozen=True)
class Deadline:
    trigger = Trigger.DEADLINE


@dataclass(frozen=True)
class BreakNow:
    kind: BreakKind | None = None  # None: whichever break is due next
    trigger = Trigger.BREAK_NOW


@dataclass(frozen=True)
class Skip:
    trigger = Trigger.SKIP


@dataclass(frozen=True)
class Postpone:
    trigger = Trigger.POSTPONE


@dataclass(frozen=True)
class Pause:
    duration: timedelta | None = None  # None: until resumed
    trigger = Trigger.PAUSE


@dataclass(frozen=True)
class Resume:
    trigger = Trigger.RESUME


@dataclass(frozen=True)
class EndShift:
    trigger = Trigger.END_SHIFT


Event = StartShift | Deadline | BreakNow | Skip | Postpone | Pause | Resume | EndShift


def new_id() -> str:
    return uuid.uuid4().hex


# Records: full snapshots, so whoever stores them can simply upsert.
@dataclass(frozen=True)
class ShiftRecord:
    id: str
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime
    actual_end: datetime | None = None


@dataclass(frozen=True)
class SegmentRecord:
    id: str
    shift_id: str
    kind: SegmentKind
    planned_start: datetime
    planned_end: datetime | None  # None: open-ended (a pause until resumed)
    actual_start: datetime
    actual_end: datetime | None = None
    outcome: Outcome | None = None


@dataclass(frozen=True)
class Transition:
    at: datetime
    monotonic: float
    trigger: Trigger
    source: State
    target: State
    shift: ShiftRecord | None
    closed: SegmentRecord | None
    opened: SegmentRecord | None
    detail: str = ""


class EventRejected(Exception):
    """The event makes no sense in the current state; the message says why, for the user."""
