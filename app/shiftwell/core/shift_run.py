"""Everything that belongs to one shift, from its start until the next shift starts.

The engine makes a new `ShiftRun` when a shift starts (or is picked up again after a restart)
and drops the old one, so nothing counted in one shift can leak into the next: there is no
reset to forget.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from shiftwell.core.breaks import FOCUS_SEGMENTS, BreakClock, BreakCount, break_count
from shiftwell.core.fixed_breaks import FixedProgress
from shiftwell.core.model import (
    BreakKind,
    Outcome,
    SegmentKind,
    SegmentRecord,
    ShiftRecord,
    State,
)
from shiftwell.core.settings import Settings


@dataclass
class Tally:
    """The shift so far, for the log-off screen's summary."""

    focus_seconds: float = 0.0
    breaks_kept: int = 0
    natural_breaks: int = 0
    skipped: int = 0
    postponed: int = 0

    def count(self, kind: SegmentKind, outcome: Outcome, seconds: float) -> None:
        if kind in FOCUS_SEGMENTS:
            self.focus_seconds += seconds
        # The weekly figures count with the same rule (core.breaks.BREAK_COUNTS).
        match break_count(kind, outcome):
            case BreakCount.KEPT:
                self.breaks_kept += 1
            case BreakCount.NATURAL:
                self.natural_breaks += 1
            case BreakCount.SKIPPED:
                self.skipped += 1
            case BreakCount.POSTPONED:
                self.postponed += 1


@dataclass
class ShiftRun:
    """One shift's record and progress. Monotonic times compare with `clock.monotonic()`."""

    record: ShiftRecord
    # The break timers (focus since the last break, postpones, a moved break).
    breaks: BreakClock
    # The log-off warnings (seconds before the end) already given, or passed before the start.
    warned: set[float]
    tally: Tally = field(default_factory=Tally)
    # When granted overtime ends; None outside overtime.
    overtime_until: float | None = None
    # The shift ended during a call: it logs off when the call ends.
    call_pending_logoff: bool = False
    # The break announced in BREAK_DUE, and when it starts.
    due: tuple[BreakKind, float] | None = None
    # The segment under way, when it began and when it is planned to end.
    segment: SegmentRecord | None = None
    segment_start: float = 0.0
    segment_end: float | None = None
    # Where a call, a pause or time away goes back to.
    return_to: State = State.FOCUS
    # The call under way was declared by the user (not noticed through the microphone).
    call_declared: bool = False
    # The breaks at fixed times: announced, under way, owed after a call, done.
    fixed: FixedProgress = field(default_factory=FixedProgress)

    @classmethod
    def start(cls, record: ShiftRecord, settings: Settings, warned: set[float]) -> ShiftRun:
        return cls(record, BreakClock(settings.breaks.micro, settings.breaks.long), warned)

    def log_off(self, at: datetime) -> None:
        """The shift (or its overtime) is over at `at`; nothing of it stays armed."""
        self.record = replace(self.record, actual_end=at)
        self.overtime_until = None
        self.call_pending_logoff = False
        self.due = None
