"""Focus time since the last micro and long break, and which break falls due when."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from shiftwell.core.model import BreakKind, Outcome, SegmentKind
from shiftwell.core.settings import BreakRule


class BreakCount(StrEnum):
    """How a break that fell due went, as the log-off screen and the weekly figures count it."""

    KEPT = "kept"  # a micro or long break taken to its end
    NATURAL = "natural"  # time away from the desk long enough to count as a break
    POSTPONED = "postponed"  # each time a due break was put off
    SKIPPED = "skipped"


BREAK_SEGMENTS = frozenset({SegmentKind.MICRO_BREAK, SegmentKind.LONG_BREAK})
FOCUS_SEGMENTS = frozenset({SegmentKind.FOCUS, SegmentKind.OVERTIME})

# The one definition of what counts: (segment kinds, outcome) for each count. A pause is
# none of them (the user stopped work, no break fell due), nor is a break cut short.
BREAK_COUNTS: dict[BreakCount, tuple[frozenset[SegmentKind], Outcome]] = {
    BreakCount.KEPT: (BREAK_SEGMENTS, Outcome.COMPLETED),
    BreakCount.NATURAL: (frozenset({SegmentKind.AWAY}), Outcome.NATURAL),
    BreakCount.POSTPONED: (BREAK_SEGMENTS, Outcome.POSTPONED),
    BreakCount.SKIPPED: (BREAK_SEGMENTS, Outcome.SKIPPED),
}


def break_count(kind: SegmentKind, outcome: Outcome | None) -> BreakCount | None:
    """Which count a finished segment adds to, if any."""
    for count, (kinds, counted) in BREAK_COUNTS.items():
        if kind in kinds and outcome is counted:
            return count
    return None


@dataclass(frozen=True)
class Pending:
    """A break moved to a fixed time: postponed by the user, or deferred by a call."""

    kind: BreakKind
    due: float


class BreakClock:
    def __init__(self, micro: BreakRule, long: BreakRule) -> None:
        self.micro, self.long = micro, long
        self.reset()

    def reset(self) -> None:
        self._since_micro = 0.0
        self._since_long = 0.0
        self._running_since: float | None = None
        self.pending: Pending | None = None
        self.postpones = 0

    def rule(self, kind: BreakKind) -> BreakRule:
        return self.micro if kind is BreakKind.MICRO else self.long

    @property
    def running(self) -> bool:
        return self._running_since is not None

    def start(self, mono: float) -> None:
        if self._running_since is None:
            self._running_since = mono

    def stop(self, mono: float) -> None:
        if self._running_since is not None:
            worked = max(0.0, mono - self._running_since)
            self._since_micro += worked
            self._since_long += worked
            self._running_since = None

    def rested(self, kind: BreakKind) -> None:
        """A break of `kind` was taken (or skipped): its focus count starts over."""
        self._since_micro = 0.0
        if kind is BreakKind.LONG:
            self._since_long = 0.0
        if self.pending is None or kind is BreakKind.LONG or self.pending.kind is kind:
            self.pending = None
            self.postpones = 0

    def rest_for(self, seconds: float) -> None:
        """Time away from work counts as the longest break it covers."""
        if seconds >= self.long.length.total_seconds():
            self.rested(BreakKind.LONG)
        elif seconds >= self.micro.length.total_seconds():
            self.rested(BreakKind.MICRO)

    def move(self, kind: BreakKind, due: float, *, counted: bool) -> None:
        self.pending = Pending(kind, due)
        if counted:
            self.postpones += 1

    def overdue(self, mono: float) -> BreakKind | None:
        """A break whose time has come (e.g. during a call), if any."""
        kind, due = self.due(mono)
        return kind if due <= mono else None

    def next_break(self, mono: float, limit: float | None) -> tuple[BreakKind, float] | None:
        """The next break that can end before `limit` (the shift end): no 10-minute break
        starts five minutes before log-off — the end of the shift is the better rest."""
        for kind, at in self._candidates(mono):
            if limit is None or at + self.rule(kind).length.total_seconds() <= limit:
                return kind, at
        return None

    def due(self, mono: float) -> tuple[BreakKind, float]:
        """Which break comes next and when, if focus runs (or resumes) from `mono`."""
        return self._candidates(mono)[0]

    def _candidates(self, mono: float) -> list[tuple[BreakKind, float]]:
        start = self._running_since if self._running_since is not None else mono
        due = {
            BreakKind.LONG: start + self.long.every.total_seconds() - self._since_long,
            BreakKind.MICRO: start + self.micro.every.total_seconds() - self._since_micro,
        }
        if self.pending is not None:
            due[self.pending.kind] = self.pending.due
            if self.pending.kind is BreakKind.LONG:
                del due[BreakKind.MICRO]  # the long break is pending; no micro break first
        # On a tie the long break wins: it includes the rest a micro break would give.
        ordered = sorted(due, key=lambda k: (due[k], k is not BreakKind.LONG))
        return [(kind, due[kind]) for kind in ordered]
