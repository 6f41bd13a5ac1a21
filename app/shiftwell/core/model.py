"""The vocabulary shared by the core, storage and the shell: states, events, records."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from shiftwell.core.plan import FixedKind

if TYPE_CHECKING:
    from shiftwell.core.calendar_plan import CalendarEvents
    from shiftwell.core.settings import Settings


class State(StrEnum):
    OFF_SHIFT = "off_shift"
    FOCUS = "focus"
    BREAK_DUE = "break_due"  # focus goes on; a break starts in a few seconds
    MICRO_BREAK = "micro_break"
    LONG_BREAK = "long_break"
    PAUSED = "paused"
    AWAY = "away"  # no input for a while: a natural break
    ON_CALL = "on_call"  # breaks wait until the call ends
    LOGGED_OFF = "logged_off"  # the shift is over: the log-off screen
    OVERTIME = "overtime"  # granted time past the end, with a reason

    @property
    def on_shift(self) -> bool:
        return self not in (State.OFF_SHIFT, State.LOGGED_OFF)

    @property
    def in_break(self) -> bool:
        return self in (State.MICRO_BREAK, State.LONG_BREAK)


class SegmentKind(StrEnum):
    FOCUS = "focus"
    OVERTIME = "overtime"
    MICRO_BREAK = "micro_break"
    LONG_BREAK = "long_break"
    PAUSE = "pause"
    AWAY = "away"


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
    NATURAL = "natural"  # time away from the desk that counted as the break
    DEFERRED = "deferred"  # a call came first; the break comes after it


class Trigger(StrEnum):
    """What caused a transition; stored with each one."""

    START_SHIFT = "start_shift"
    DEADLINE = "deadline"
    WARNING = "warning"
    BREAK_NOW = "break_now"
    SKIP = "skip"
    POSTPONE = "postpone"
    PAUSE = "pause"
    RESUME = "resume"
    END_SHIFT = "end_shift"
    DISMISS = "dismiss"
    OVERTIME = "overtime"
    CALL_START = "call_start"
    CALL_END = "call_end"
    IDLE = "idle"
    CHECK_IN = "check_in"
    SETTINGS = "settings"
    RECOVER = "recover"  # the app started after a crash or a quit mid-shift
    SLEEP = "sleep"  # the machine slept (the wall clock ran on, the monotonic one did not)
    CLOCK = "clock"  # the wall clock was set back
    PLAN = "plan"  # the day plan changed (a calendar fetched, its copy read at start)


# Events: what the user, the OS or the clock asks of the engine.
@dataclass(frozen=True)
class StartShift:
    confirmed: bool = False  # the user said "Start anyway" to working off the schedule
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


@dataclass(frozen=True)
class Dismiss:
    """Close the log-off screen (only when log-off is not strict)."""

    trigger = Trigger.DISMISS


@dataclass(frozen=True)
class GrantOvertime:
    reason: str
    duration: timedelta | None = None  # None: the configured step
    trigger = Trigger.OVERTIME


@dataclass(frozen=True)
class CallStart:
    detected: bool = False  # noticed by itself (microphone in use) rather than declared
    trigger = Trigger.CALL_START


@dataclass(frozen=True)
class CallEnd:
    detected: bool = False
    trigger = Trigger.CALL_END


@dataclass(frozen=True)
class Idle:
    """The platform's report: no keyboard or mouse input for `seconds`."""

    seconds: float
    trigger = Trigger.IDLE


@dataclass(frozen=True)
class CheckIn:
    """The answer to "How are you doing?" after a long break; score None: not answered."""

    score: int | None
    word: str = ""
    trigger = Trigger.CHECK_IN


@dataclass(frozen=True)
class UpdateSettings:
    settings: Settings
    trigger = Trigger.SETTINGS


@dataclass(frozen=True)
class NewPlan:
    """The calendar's last good copy (None: none, the settings' days apply), and why it is
    not fresh, if it is not: the plan the engine follows is made again from it. The copy's
    events may come already expanded (the feed keeps them beside the copy), or as the file."""

    calendar: bytes | CalendarEvents | None
    fetched_at: datetime | None = None
    problem: str | None = None
    trigger = Trigger.PLAN


Event = (
    StartShift
    | Deadline
    | BreakNow
    | Skip
    | Postpone
    | Pause
    | Resume
    | EndShift
    | Dismiss
    | GrantOvertime
    | CallStart
    | CallEnd
    | Idle
    | CheckIn
    | UpdateSettings
    | NewPlan
)


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
    scheduled: bool = True


@dataclass(frozen=True)
class SegmentRecord:
    id: str
    shift_id: str
    kind: SegmentKind
    planned_start: datetime
    planned_end: datetime | None  # None: open-ended (a pause until resumed, time away)
    actual_start: datetime
    actual_end: datetime | None = None
    outcome: Outcome | None = None


@dataclass(frozen=True)
class FixedBreakRecord:
    """A break at a fixed time (a lunch or a break the schedule sets) and when it was really
    taken: the adherence the planning team measures. No actual times: it was missed."""

    id: str
    shift_id: str
    kind: FixedKind
    title: str
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime | None = None
    actual_end: datetime | None = None


@dataclass(frozen=True)
class OvertimeGrant:
    id: str
    shift_id: str
    granted_at: datetime
    seconds: int
    reason: str


@dataclass(frozen=True)
class CheckInRecord:
    segment_id: str
    score: int | None
    word: str


class NoticeKind(StrEnum):
    SHIFT_ENDING = "shift_ending"  # a staged warning before the log-off
    SHIFT_OVER_ON_CALL = "shift_over_on_call"  # log-off waits for the call to end
    WEEK_OVER = "week_over"  # the week's last scheduled shift just ended
    FIXED_SOON = "fixed_soon"  # a break at a fixed time starts in `seconds_left`
    FIXED_DEFERRED = "fixed_deferred"  # a fixed break's time came during a call: it waits
    FIXED_ENDING = "fixed_ending"  # a fixed break ends in `seconds_left` (about a minute)
    PLAN_CHANGED = "plan_changed"  # today's shift or fixed breaks moved; `text` says how


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    seconds_left: float
    # The fixed break's title ("Lunch") for FIXED_*; the sentence for PLAN_CHANGED.
    text: str = ""


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
    notice: Notice | None = None
    grant: OvertimeGrant | None = None
    checkin: CheckInRecord | None = None
    # Further segments touched: breaks skipped or postponed at their warning (zero length),
    # and anything else closed or opened besides `closed` and `opened`.
    extra: tuple[SegmentRecord, ...] = ()
    # Breaks at fixed times whose record changed: announced, started, ended or missed.
    fixed: tuple[FixedBreakRecord, ...] = ()


class EventRejected(Exception):
    """The event makes no sense now; the message says why, for the user."""


class NeedsConfirmation(EventRejected):
    """Allowed only if the user confirms (e.g. working outside the schedule)."""
