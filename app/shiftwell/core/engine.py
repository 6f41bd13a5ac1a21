"""The shift engine: one explicit state machine driven by events and one deadline timer.

After every event the engine arms a single timer for its next deadline through the injected
clock; it never polls. Each state change becomes a `Transition` handed to the listeners in
order (storage first, then the shell), so nothing is shown before it is recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import timedelta

from shiftwell.core.clock import Clock, TimerHandle
from shiftwell.core.model import (
    BreakKind,
    BreakNow,
    Deadline,
    EndShift,
    Event,
    EventRejected,
    Outcome,
    Pause,
    Postpone,
    Resume,
    SegmentKind,
    SegmentRecord,
    ShiftRecord,
    Skip,
    StartShift,
    State,
    Transition,
    Trigger,
    new_id,
)
from shiftwell.core.settings import BreakRule, Settings

Listener = Callable[[Transition], None]

# A timer may fire a hair early; closer than this counts as due.
_TOLERANCE = 0.005

_IN_BREAK = frozenset({Trigger.SKIP, Trigger.POSTPONE, Trigger.PAUSE, Trigger.END_SHIFT})
_ALLOWED: dict[State, frozenset[Trigger]] = {
    State.OFF_SHIFT: frozenset({Trigger.START_SHIFT}),
    State.LOGGED_OFF: frozenset({Trigger.START_SHIFT}),
    State.FOCUS: frozenset({Trigger.BREAK_NOW, Trigger.PAUSE, Trigger.END_SHIFT}),
    State.MICRO_BREAK: _IN_BREAK,
    State.LONG_BREAK: _IN_BREAK,
    State.PAUSED: frozenset({Trigger.RESUME, Trigger.END_SHIFT}),
}


@dataclass(frozen=True)
class Status:
    """What the shell needs to render; monotonic times are comparable with `clock.monotonic()`."""

    state: State
    shift: ShiftRecord | None
    segment: SegmentRecord | None
    deadline: float | None
    segment_ends: float | None
    shift_ends: float | None
    next_break: BreakKind | None
    next_break_at: float | None
    postpones_left: int
    allowed: frozenset[Trigger]


@dataclass(frozen=True)
class _Postponed:
    kind: BreakKind
    due: float


class Engine:
    def __init__(
        self, settings: Settings, clock: Clock, listeners: Iterable[Listener] = ()
    ) -> None:
        self._settings = settings
        self._clock = clock
        self._listeners = list(listeners)
        self._state = State.OFF_SHIFT
        self._shift: ShiftRecord | None = None
        self._segment: SegmentRecord | None = None
        self._segment_start = 0.0
        self._segment_end: float | None = None
        # Focus seconds accumulated since the last micro / long break, excluding the open
        # focus segment (its share is computed from `_segment_start`).
        self._focus_since_micro = 0.0
        self._focus_since_long = 0.0
        self._postponed: _Postponed | None = None
        self._postpone_count = 0
        self._timer: TimerHandle | None = None

    # -- public API -----------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    @property
    def settings(self) -> Settings:
        return self._settings

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def allowed(self) -> frozenset[Trigger]:
        allowed = _ALLOWED[self._state]
        if Trigger.POSTPONE in allowed and self._postpones_left() == 0:
            allowed = allowed - {Trigger.POSTPONE}
        return allowed

    def status(self) -> Status:
        kind, break_at = self._next_break() if self._state is State.FOCUS else (None, None)
        return Status(
            state=self._state,
            shift=self._shift,
            segment=self._segment,
            deadline=self._next_deadline(),
            segment_ends=self._segment_end,
            shift_ends=self._shift_end_mono(),
            next_break=kind,
            next_break_at=break_at,
            postpones_left=self._postpones_left(),
            allowed=self.allowed(),
        )

    def handle(self, event: Event) -> Transition | None:
        """Apply one event. Returns the transition made, or None when nothing changed."""
        if isinstance(event, Deadline):
            return self._on_deadline()
        if event.trigger not in self.allowed():
            raise EventRejected(self._why_rejected(event.trigger))
        match event:
            case StartShift():
                return self._start_shift()
            case BreakNow(kind=kind):
                chosen = kind or self._next_break()[0] or BreakKind.LONG
                return self._start_break(Trigger.BREAK_NOW, chosen)
            case Skip():
                return self._finish_break(Trigger.SKIP, Outcome.SKIPPED)
            case Postpone():
                return self._postpone()
            case Pause(duration=duration):
                return self._pause(duration)
            case Resume():
                return self._resume(Trigger.RESUME)
            case EndShift():
                return self._end_shift(Trigger.END_SHIFT, "ended by hand")
        raise AssertionError(f"unhandled event {event!r}")  # pragma: no cover

    # -- transitions ----------------------------------------------------------------------

    def _start_shift(self) -> Transition:
        now = self._clock.now()
        source = self._state
        self._shift = ShiftRecord(
            id=new_id(),
            planned_start=now,
            planned_end=now + self._settings.shift_length,
            actual_start=now,
        )
        self._focus_since_micro = self._focus_since_long = 0.0
        self._postponed = None
        self._postpone_count = 0
        opened = self._open_focus()
        return self._commit(Trigger.START_SHIFT, source, State.FOCUS, None, opened)

    def _start_break(self, trigger: Trigger, kind: BreakKind) -> Transition:
        source = self._state
        closed = self._close(Outcome.COMPLETED)
        if self._postponed and self._postponed.kind is not kind:
            # A different break came first; the postponed one starts over.
            self._postpone_count = 0
        self._postponed = None
        length = self._rule(kind).length.total_seconds()
        opened = self._open(kind.segment, self._clock.monotonic() + length)
        detail = f"{kind.value} break of {int(length)} s"
        return self._commit(trigger, source, kind.state, closed, opened, detail)

    def _finish_break(self, trigger: Trigger, outcome: Outcome) -> Transition:
        kind = self._current_break()
        source = self._state
        closed = self._close(outcome)
        self._rested(kind)
        opened = self._open_focus()
        return self._commit(trigger, source, State.FOCUS, closed, opened, f"{kind.value} break")

    def _postpone(self) -> Transition:
        kind = self._current_break()
        source = self._state
        closed = self._close(Outcome.POSTPONED)
        step = self._settings.postpone_step.total_seconds()
        self._postponed = _Postponed(kind, self._clock.monotonic() + step)
        self._postpone_count += 1
        opened = self._open_focus()
        detail = f"{kind.value} break postponed by {int(step)} s ({self._postpone_count})"
        return self._commit(Trigger.POSTPONE, source, State.FOCUS, closed, opened, detail)

    def _pause(self, duration: timedelta | None) -> Transition:
        source = self._state
        closed = self._close(Outcome.INTERRUPTED if self._in_break() else Outcome.COMPLETED)
        end = None if duration is None else self._clock.monotonic() + duration.total_seconds()
        opened = self._open(SegmentKind.PAUSE, end)
        detail = "until resumed" if duration is None else f"for {int(duration.total_seconds())} s"
        return self._commit(Trigger.PAUSE, source, State.PAUSED, closed, opened, detail)

    def _resume(self, trigger: Trigger) -> Transition:
        paused_for = self._clock.monotonic() - self._segment_start
        closed = self._close(Outcome.COMPLETED)
        # Time away from the desk is rest: a long enough pause counts as the break.
        if paused_for >= self._settings.long.length.total_seconds():
            self._rested(BreakKind.LONG)
        elif paused_for >= self._settings.micro.length.total_seconds():
            self._rested(BreakKind.MICRO)
        opened = self._open_focus()
        return self._commit(trigger, State.PAUSED, State.FOCUS, closed, opened)

    def _end_shift(self, trigger: Trigger, detail: str) -> Transition:
        source = self._state
        outcome = Outcome.INTERRUPTED if self._in_break() else Outcome.COMPLETED
        closed = self._close(outcome)
        assert self._shift is not None
        self._shift = replace(self._shift, actual_end=self._clock.now())
        self._postponed = None
        return self._commit(trigger, source, State.LOGGED_OFF, closed, None, detail)

    def _on_deadline(self) -> Transition | None:
        if not self._state.on_shift:
            return None
        mono = self._clock.monotonic()
        shift_end = self._shift_end_mono()
        if shift_end is not None and shift_end - mono <= _TOLERANCE:
            return self._end_shift(Trigger.DEADLINE, "shift over")
        if self._state is State.FOCUS:
            kind, due = self._next_break()
            if kind is not None and due is not None and due - mono <= _TOLERANCE:
                return self._start_break(Trigger.DEADLINE, kind)
        elif self._segment_end is not None and self._segment_end - mono <= _TOLERANCE:
            if self._state is State.PAUSED:
                return self._resume(Trigger.DEADLINE)
            return self._finish_break(Trigger.DEADLINE, Outcome.COMPLETED)
        self._rearm()  # woke early: nothing due yet
        return None

    # -- segments -------------------------------------------------------------------------

    def _open(self, kind: SegmentKind, end: float | None) -> SegmentRecord:
        assert self._shift is not None
        now, mono = self._clock.now(), self._clock.monotonic()
        self._segment_start, self._segment_end = mono, end
        planned_end = None if end is None else now + timedelta(seconds=end - mono)
        self._segment = SegmentRecord(
            id=new_id(),
            shift_id=self._shift.id,
            kind=kind,
            planned_start=now,
            planned_end=planned_end,
            actual_start=now,
        )
        return self._segment

    def _open_focus(self) -> SegmentRecord:
        self._segment_start = self._clock.monotonic()
        return self._open(SegmentKind.FOCUS, self._focus_deadline(on_shift=True))

    def _close(self, outcome: Outcome) -> SegmentRecord | None:
        if self._segment is None:
            return None
        if self._segment.kind is SegmentKind.FOCUS:
            worked = self._clock.monotonic() - self._segment_start
            self._focus_since_micro += worked
            self._focus_since_long += worked
        closed = replace(self._segment, actual_end=self._clock.now(), outcome=outcome)
        self._segment, self._segment_end = None, None
        return closed

    def _rested(self, kind: BreakKind) -> None:
        """A break of `kind` was taken (or skipped): its focus count starts over."""
        self._focus_since_micro = 0.0
        if kind is BreakKind.LONG:
            self._focus_since_long = 0.0
        if self._postponed is None or kind is BreakKind.LONG or self._postponed.kind is kind:
            self._postponed = None
            self._postpone_count = 0

    def _commit(
        self,
        trigger: Trigger,
        source: State,
        target: State,
        closed: SegmentRecord | None,
        opened: SegmentRecord | None,
        detail: str = "",
    ) -> Transition:
        self._state = target
        transition = Transition(
            at=self._clock.now(),
            monotonic=self._clock.monotonic(),
            trigger=trigger,
            source=source,
            target=target,
            shift=self._shift,
            closed=closed,
            opened=opened,
            detail=detail,
        )
        self._rearm()
        for listener in self._listeners:
            listener(transition)
        return transition

    # -- deadlines ------------------------------------------------------------------------

    def _rearm(self) -> None:
        if self._timer is not None:
            self._clock.cancel(self._timer)
            self._timer = None
        deadline = self._next_deadline()
        if deadline is not None:
            delay = max(0.0, deadline - self._clock.monotonic())
            self._timer = self._clock.call_later(delay, self._fire)

    def _fire(self) -> None:
        self.handle(Deadline())

    def _next_deadline(self) -> float | None:
        if not self._state.on_shift:
            return None
        if self._state is State.FOCUS:
            return self._focus_deadline(on_shift=True)
        candidates = [t for t in (self._segment_end, self._shift_end_mono()) if t is not None]
        return min(candidates) if candidates else None

    def _focus_deadline(self, *, on_shift: bool) -> float | None:
        """When the focus segment that started at `_segment_start` must end."""
        _, break_at = self._break_due()
        shift_end = self._shift_end_mono(on_shift=on_shift)
        return break_at if shift_end is None else min(break_at, shift_end)

    def _next_break(self) -> tuple[BreakKind | None, float | None]:
        """Which break comes next and when, assuming focus continues from now."""
        if self._state is not State.FOCUS:
            return None, None
        return self._break_due()

    def _break_due(self) -> tuple[BreakKind, float]:
        start = self._segment_start
        due = {
            BreakKind.LONG: start
            + self._settings.long.every.total_seconds()
            - self._focus_since_long,
            BreakKind.MICRO: start
            + self._settings.micro.every.total_seconds()
            - self._focus_since_micro,
        }
        if self._postponed is not None:
            due[self._postponed.kind] = self._postponed.due
            if self._postponed.kind is BreakKind.LONG:
                del due[BreakKind.MICRO]  # the long break is pending; no micro break first
        # On a tie the long break wins: it includes the rest a micro break would give.
        kind = min(due, key=lambda k: (due[k], k is not BreakKind.LONG))
        return kind, due[kind]

    def _shift_end_mono(self, *, on_shift: bool = False) -> float | None:
        if self._shift is None or not (on_shift or self._state.on_shift):
            return None
        left = (self._shift.planned_end - self._clock.now()).total_seconds()
        return self._clock.monotonic() + left

    # -- helpers --------------------------------------------------------------------------

    def _rule(self, kind: BreakKind) -> BreakRule:
        return self._settings.micro if kind is BreakKind.MICRO else self._settings.long

    def _in_break(self) -> bool:
        return self._state in (State.MICRO_BREAK, State.LONG_BREAK)

    def _current_break(self) -> BreakKind:
        return BreakKind.MICRO if self._state is State.MICRO_BREAK else BreakKind.LONG

    def _postpones_left(self) -> int:
        if not self._in_break():
            return 0
        return max(0, self._settings.postpone_limit - self._postpone_count)

    def _why_rejected(self, trigger: Trigger) -> str:
        if trigger is Trigger.POSTPONE and self._in_break():
            return f"This break was already postponed {self._postpone_count} times; take it now."
        names = {
            State.OFF_SHIFT: "off shift",
            State.LOGGED_OFF: "logged off",
            State.FOCUS: "focusing",
            State.MICRO_BREAK: "on a micro break",
            State.LONG_BREAK: "on a long break",
            State.PAUSED: "paused",
        }
        action = trigger.value.replace("_", " ")
        return f"Can't {action} while {names[self._state]}."
