"""What every part of the shift engine builds on: the current `ShiftRun`, the segments it
opens and closes, the one deadline timer, and `_commit`, which turns a change into a
`Transition` for the listeners.

The event handlers live in `core.engine`; restarts and clock jumps in `core.engine_recovery`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from shiftwell.core import policy
from shiftwell.core.clock import Clock, TimerHandle
from shiftwell.core.fixed_breaks import FixedBreakStatus, Planner
from shiftwell.core.model import (
    BreakKind,
    CheckInRecord,
    Deadline,
    Event,
    FixedBreakRecord,
    Notice,
    Outcome,
    OvertimeGrant,
    SegmentKind,
    SegmentRecord,
    ShiftRecord,
    State,
    Transition,
    Trigger,
    new_id,
)
from shiftwell.core.recorded_time import RecordedTime
from shiftwell.core.schedule import PlannedShift
from shiftwell.core.settings import Settings, Strictness
from shiftwell.core.shift_run import ShiftRun, Tally

Listener = Callable[[Transition], None]

# A timer may fire a hair early; closer than this counts as due.
TOLERANCE = 0.005


@dataclass(frozen=True)
class Unfinished:
    """A shift the last run left open (it crashed, lost power, or quit mid-shift)."""

    shift: ShiftRecord
    segments: tuple[SegmentRecord, ...]
    last_alive: datetime
    # The state the last run was in, and for a call whether the user declared it.
    last_state: State = State.FOCUS
    call_declared: bool = True
    # The shift's breaks at fixed times as recorded so far (taken, missed, under way).
    fixed: tuple[FixedBreakRecord, ...] = ()


@dataclass(frozen=True)
class History:
    """What the engine needs to know from earlier runs (read from storage at start)."""

    last_shift: ShiftRecord | None = None
    overtime: tuple[tuple[datetime, float], ...] = ()  # (granted at, seconds)
    skips: tuple[datetime, ...] = ()


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
    wrap_up: bool
    overtime_left: float
    checkin_for: str | None
    skip_available_at: float | None  # a normal break's skip/postpone delay ends then
    allowed_after_wait: frozenset[Trigger]  # what `allowed` becomes when it has
    next_shift: PlannedShift | None
    idle_poll: float | None  # how often to report idle time; None: not needed now
    tally: Tally
    fixed_break: FixedBreakStatus | None = None  # under way, owed after a call, or next
    # The fixed breaks of the shift under way (or just ended) as recorded: started, taken,
    # missed; in planned order. Breaks still ahead are not in it.
    fixed_record: tuple[FixedBreakRecord, ...] = ()
    calendar_age: float | None = None  # seconds since the calendar in use was fetched


class EngineBase:
    """The engine's lasting state; everything about one shift is in `self._run`."""

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        listeners: Iterable[Listener] = (),
        history: History | None = None,
    ) -> None:
        history = history or History()
        self._settings = settings
        self._clock = clock
        self._listeners = list(listeners)
        self._state = State.OFF_SHIFT
        # The shift under way, or the last one (until the next starts); None before any.
        self._run: ShiftRun | None = None
        # Kept across shifts: the week's overtime and the day's skips count every shift.
        self._overtime = list(history.overtime)
        self._skips = list(history.skips)
        # A check-in still owed for a long break (it may be answered after the shift).
        self._checkin_for: str | None = None
        last = history.last_shift
        # Scheduled shifts ending by then were worked already.
        self._done_until = last.planned_end if last is not None and last.scheduled else None
        self._timer: TimerHandle | None = None
        self._time = RecordedTime(clock)
        # The days planned (settings or calendar): the same plan `shiftwell schedule` shows.
        self._planner = Planner(settings)
        # Segments closed and opened by the event being handled, for its transition.
        self._closed: list[SegmentRecord] = []
        self._opened: list[SegmentRecord] = []
        # Fixed breaks whose record the event being handled changed.
        self._fixed_out: list[FixedBreakRecord] = []
        self._rearm()

    def handle(self, event: Event) -> Transition | None:  # pragma: no cover - see Engine
        raise NotImplementedError

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
        return policy.allowed(self._context())

    def recorded_now(self) -> datetime:
        """Now, as the record tells time: the wall clock, plus any set-back made up for."""
        return self._time.now()

    def status(self) -> Status:
        run = self._run
        mono = self._clock.monotonic()
        upcoming: tuple[BreakKind, float] | None = None
        if self._state is State.FOCUS:
            upcoming = self._upcoming_break()
        elif self._state is State.BREAK_DUE and run is not None:
            upcoming = run.due
        end = self._end_mono()
        first_warning = max(self._settings.logoff.warnings, default=timedelta(0))
        return Status(
            state=self._state,
            shift=run.record if run else None,
            segment=run.segment if run else None,
            deadline=self._next_deadline(),
            segment_ends=run.segment_end if run else None,
            shift_ends=end,
            next_break=upcoming[0] if upcoming else None,
            next_break_at=upcoming[1] if upcoming else None,
            postpones_left=max(0, self._settings.breaks.max_postpones - self._postpones()),
            allowed=self.allowed(),
            wrap_up=(
                end is not None
                and (run is None or run.overtime_until is None)
                and end - mono <= first_warning.total_seconds()
            ),
            overtime_left=self._overtime_left(),
            checkin_for=self._checkin_for,
            skip_available_at=self._skip_available_at(),
            allowed_after_wait=policy.allowed_after_wait(self._context()),
            next_shift=self._next_planned() if not self._state.on_shift else None,
            idle_poll=self._idle_poll(),
            tally=self._current_tally(),
            fixed_break=self._fixed_status(),
            fixed_record=self._fixed_record(),
            calendar_age=self._planner.calendar_age(self._clock.now()),
        )

    # -- the shift under way ----------------------------------------------------------------

    @property
    def _live(self) -> ShiftRun:
        """The current shift's run; only asked for while there is one."""
        assert self._run is not None, "no shift has started"
        return self._run

    def _new_run(self, record: ShiftRecord, now: datetime) -> ShiftRun:
        """Count `record` afresh from `now`; warnings already behind us are not sent late
        (no burst of stale notices)."""
        left = (record.planned_end - now).total_seconds()
        warned = {w for w in self._warning_seconds() if w >= left}
        self._run = ShiftRun.start(record, self._settings, warned)
        return self._run

    # -- the one timer ----------------------------------------------------------------------

    def _rearm(self) -> None:
        if self._timer is not None:
            self._clock.cancel(self._timer)
            self._timer = None
        deadline = self._next_deadline()
        if deadline is not None:
            delay = max(0.0, deadline - self._mono())
            self._timer = self._clock.call_later(delay, self._fire)

    def _fire(self) -> None:
        self._timer = None
        self.handle(Deadline())

    def _next_deadline(self) -> float | None:
        mono = self._mono()
        if not self._state.on_shift:
            planned = self._next_planned() if self._settings.shift.auto_start else None
            if planned is None:
                return None
            return mono + max(0.0, (planned.start - self._clock.now()).total_seconds())
        run = self._live
        candidates: list[float] = []
        end = self._end_mono()
        if end is not None and not run.call_pending_logoff:
            candidates.append(end)
            if run.overtime_until is None:
                candidates += [end - w for w in self._warning_seconds() if w not in run.warned]
        if self._state is State.FOCUS:
            upcoming = self._upcoming_break()
            if upcoming is not None:
                candidates.append(max(mono, upcoming[1] - self._warning_lead()))
        elif self._state is State.BREAK_DUE and run.due is not None:
            candidates.append(run.due[1])
        elif run.segment_end is not None and (self._state is State.PAUSED or self._state.in_break):
            candidates.append(run.segment_end)
        fixed = self._fixed_deadline()
        if fixed is not None:
            candidates.append(max(mono, fixed))
        return min(candidates) if candidates else None

    # -- breaks at fixed times (core.engine_fixed acts on them) ------------------------------

    def _fixed_deadline(self) -> float | None:
        """When the next step about a fixed break is due (monotonic)."""
        return None

    def _fixed_status(self) -> FixedBreakStatus | None:
        return None

    def _fixed_record(self) -> tuple[FixedBreakRecord, ...]:
        run = self._run
        if run is None:
            return ()
        return tuple(sorted(run.fixed.recorded.values(), key=lambda r: r.planned_start))

    def _fixed_limit(self) -> float | None:
        """Breaks after focus time must end by then (monotonic); None: no limit."""
        return None

    def _fixed_recovered(self, records: tuple[FixedBreakRecord, ...], alive: datetime) -> None:
        """After a restart mid-shift: what the shift's fixed breaks were (FixedBreakEngine)."""

    def _fixed_closed(self, closed: SegmentRecord) -> None:
        """A segment closed; if it was a fixed break's, its record says so."""

    def _interval_breaks(self) -> bool:
        return True

    # -- segments -----------------------------------------------------------------------------

    def _open(self, kind: SegmentKind, end: float | None = None, at: float | None = None) -> None:
        run = self._live
        mono = self._mono()
        start = mono if at is None else at
        started = self._time.stamp(self._time.at(start))
        run.segment_start, run.segment_end = start, end
        run.segment = SegmentRecord(
            id=new_id(),
            shift_id=run.record.id,
            kind=kind,
            planned_start=started,
            planned_end=None if end is None else self._time.at(end),
            actual_start=started,
        )
        self._opened.append(run.segment)

    def _close_current(
        self,
        outcome: Outcome | None = None,
        at: float | None = None,
        at_wall: datetime | None = None,
    ) -> SegmentRecord | None:
        run = self._run
        segment = run.segment if run is not None else None
        if run is None or segment is None:
            return None
        when = self._mono() if at is None else at
        run.breaks.stop(when)
        if outcome is None:
            interrupted = self._state.in_break
            outcome = Outcome.INTERRUPTED if interrupted else Outcome.COMPLETED
            if segment.kind is SegmentKind.AWAY:
                outcome = Outcome.NATURAL
        end = self._time.stamp(
            max(segment.actual_start, self._time.at(when) if at_wall is None else at_wall)
        )
        closed = replace(segment, actual_end=end, outcome=outcome)
        run.tally.count(segment.kind, outcome, when - run.segment_start)
        run.segment, run.segment_end = None, None
        self._closed.append(closed)
        self._fixed_closed(closed)
        return closed

    def _resume_work(self, at: float | None = None) -> None:
        start = self._mono() if at is None else at
        self._live.breaks.start(start)
        upcoming = self._upcoming_break()
        ends = [t for t in (upcoming[1] if upcoming else None, self._end_mono()) if t is not None]
        self._open(self._work_kind(), min(ends, default=None), at=start)

    def _commit(
        self,
        trigger: Trigger,
        target: State,
        *,
        detail: str = "",
        notice: Notice | None = None,
        grant: OvertimeGrant | None = None,
        checkin: CheckInRecord | None = None,
        extra: tuple[SegmentRecord, ...] = (),
    ) -> Transition:
        source, self._state = self._state, target
        closed = self._closed[0] if self._closed else None
        opened = self._opened[-1] if self._opened else None
        transition = Transition(
            at=max(self.recorded_now(), self._time.floor),
            monotonic=self._mono(),
            trigger=trigger,
            source=source,
            target=target,
            shift=self._run.record if self._run else None,
            closed=closed,
            opened=opened,
            detail=detail,
            notice=notice,
            grant=grant,
            checkin=checkin,
            extra=tuple(self._closed[1:]) + extra + tuple(self._opened[:-1]),
            fixed=tuple(self._fixed_out),
        )
        if self._run is not None:
            self._run.fixed.recorded.update((record.id, record) for record in self._fixed_out)
        self._closed.clear()
        self._opened.clear()
        self._fixed_out.clear()
        self._rearm()
        for listener in self._listeners:
            listener(transition)
        return transition

    # -- helpers ------------------------------------------------------------------------------

    def _mono(self) -> float:
        return self._clock.monotonic()

    def _in_overtime(self) -> bool:
        return self._run is not None and self._run.overtime_until is not None

    def _work_state(self) -> State:
        return State.OVERTIME if self._in_overtime() else State.FOCUS

    def _work_kind(self) -> SegmentKind:
        return SegmentKind.OVERTIME if self._in_overtime() else SegmentKind.FOCUS

    def _postpones(self) -> int:
        return self._run.breaks.postpones if self._run is not None else 0

    def _end_mono(self) -> float | None:
        run = self._run
        if run is None:
            return None
        if run.overtime_until is not None:
            return run.overtime_until
        if run.record.actual_end is not None:
            return None
        return self._mono() + (run.record.planned_end - self.recorded_now()).total_seconds()

    def _upcoming_break(self) -> tuple[BreakKind, float] | None:
        if self._run is None or self._run.overtime_until is not None:
            return None  # overtime is short and granted on purpose: no breaks inside it
        if not self._interval_breaks():
            return None  # `breaks.mode = "scheduled"`: only the fixed breaks
        limits = [t for t in (self._end_mono(), self._fixed_limit()) if t is not None]
        return self._run.breaks.next_break(self._mono(), min(limits, default=None))

    def _warning_lead(self) -> float:
        return self._settings.breaks.warning.total_seconds()

    def _warning_seconds(self) -> list[float]:
        return [w.total_seconds() for w in self._settings.logoff.warnings]

    def _next_planned(self) -> PlannedShift | None:
        """The scheduled shift under way or next, unless it was already worked."""
        now = self._clock.now()
        for planned in self._planner.shifts(now):
            if planned.end <= now:
                continue
            if self._done_until is None or planned.start >= self._done_until:
                return planned
        return None

    def _overtime_left(self) -> float:
        tz = self._settings.schedule.tz
        week = self._clock.now().astimezone(tz).isocalendar()[:2]
        used = sum(s for at, s in self._overtime if at.astimezone(tz).isocalendar()[:2] == week)
        return max(0.0, self._settings.overtime.weekly_cap.total_seconds() - used)

    def _skips_today(self) -> int:
        tz = self._settings.schedule.tz
        today = self._clock.now().astimezone(tz).date()
        return sum(1 for at in self._skips if at.astimezone(tz).date() == today)

    def _seconds_into_segment(self) -> float:
        return self._mono() - self._live.segment_start

    def _skip_available_at(self) -> float | None:
        if not self._state.in_break or self._settings.breaks.strictness is not Strictness.NORMAL:
            return None  # only a normal break makes the user wait before skipping
        return self._live.segment_start + self._settings.breaks.skip_delay.total_seconds()

    def _idle_poll(self) -> float | None:
        if not self._settings.breaks.natural:
            return None
        if self._state in (State.FOCUS, State.BREAK_DUE, State.OVERTIME, State.AWAY):
            return self._settings.breaks.micro.length.total_seconds()
        return None

    def _current_tally(self) -> Tally:
        run = self._run
        if run is None:
            return Tally()
        tally = replace(run.tally)
        if run.segment is not None and run.segment.kind in (
            SegmentKind.FOCUS,
            SegmentKind.OVERTIME,
        ):
            tally.focus_seconds += max(0.0, self._mono() - run.segment_start)
        return tally

    def _context(self) -> policy.Context:
        into = self._seconds_into_segment() if self._state.in_break else 0.0
        fixed = self._fixed_status()
        return policy.Context(
            state=self._state,
            settings=self._settings,
            seconds_into_break=into,
            postpones=self._postpones(),
            skips_today=self._skips_today(),
            overtime_left=self._overtime_left(),
            fixed_break=fixed is not None and fixed.running,
        )
