"""The shift engine: one explicit state machine driven by events and one deadline timer.

After every event the engine arms a single timer for its next deadline through the injected
clock; it never polls. Each change becomes a `Transition` handed to the listeners in order
(storage first, then the shell), so nothing is shown before it is recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from shiftwell.core import policy
from shiftwell.core.breaks import FOCUS_SEGMENTS, BreakClock, BreakCount, break_count
from shiftwell.core.clock import Clock, TimerHandle
from shiftwell.core.i18n import _
from shiftwell.core.model import (
    BreakKind,
    BreakNow,
    CallEnd,
    CallStart,
    CheckIn,
    CheckInRecord,
    Deadline,
    Dismiss,
    EndShift,
    Event,
    EventRejected,
    GrantOvertime,
    Idle,
    NeedsConfirmation,
    Notice,
    NoticeKind,
    Outcome,
    OvertimeGrant,
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
    UpdateSettings,
    new_id,
)
from shiftwell.core.schedule import PlannedShift
from shiftwell.core.settings import Settings, Strictness

Listener = Callable[[Transition], None]

# A timer may fire a hair early; closer than this counts as due.
_TOLERANCE = 0.005
# Wall and monotonic clocks drifting apart by more than this between two events means the
# machine slept (forward) or the wall clock was set (either way).
_CLOCK_JUMP = 10.0
# A shift starting this soon may be started by hand without asking.
_EARLY_GRACE = timedelta(minutes=10)
# A later shift today may be started early (after confirming) rather than as extra work.
_EARLY_HORIZON = timedelta(hours=12)
_MAX_WORD = 60
# A timed pause longer than this is a mistake (a pause without a duration has no end).
MAX_PAUSE = timedelta(hours=24)


# How a call noticed by itself (rather than declared) starts its transition's detail.
CALL_NOTICED = "call noticed"


@dataclass(frozen=True)
class Unfinished:
    """A shift the last run left open (it crashed, lost power, or quit mid-shift)."""

    shift: ShiftRecord
    segments: tuple[SegmentRecord, ...]
    last_alive: datetime
    # The state the last run was in, and for a call whether the user declared it.
    last_state: State = State.FOCUS
    call_declared: bool = True


@dataclass(frozen=True)
class History:
    """What the engine needs to know from earlier runs (read from storage at start)."""

    last_shift: ShiftRecord | None = None
    overtime: tuple[tuple[datetime, float], ...] = ()  # (granted at, seconds)
    skips: tuple[datetime, ...] = ()


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


class Engine:
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
        self._breaks = BreakClock(settings.breaks.micro, settings.breaks.long)
        self._state = State.OFF_SHIFT
        self._shift: ShiftRecord | None = None
        self._segment: SegmentRecord | None = None
        self._segment_start = 0.0
        self._segment_end: float | None = None
        self._due: tuple[BreakKind, float] | None = None  # the break announced in BREAK_DUE
        self._warned: set[float] = set()
        self._overtime_until: float | None = None
        self._overtime = list(history.overtime)
        self._skips = list(history.skips)
        self._call_pending_logoff = False
        self._return_to = State.FOCUS
        self._call_declared = False
        self._checkin_for: str | None = None
        self._tally = Tally()
        last = history.last_shift
        self._done_until = last.planned_end if last is not None and last.scheduled else None
        self._timer: TimerHandle | None = None
        self._last_wall, self._last_mono = clock.now(), clock.monotonic()
        # Recorded times never go backwards, even when the wall clock is set back.
        self._floor = self._last_wall
        # How far recorded time runs ahead of the wall clock: a clock set back does not turn
        # back the record, which runs on at the monotonic clock's pace, so every length
        # stays true. A new shift follows the wall clock again.
        self._ahead = timedelta(0)
        # Segments closed and opened by the event being handled, for its transition.
        self._closed: list[SegmentRecord] = []
        self._opened: list[SegmentRecord] = []
        self._rearm()

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

    def status(self) -> Status:
        mono = self._clock.monotonic()
        upcoming: tuple[BreakKind, float] | None = None
        if self._state is State.FOCUS:
            upcoming = self._upcoming_break()
        elif self._state is State.BREAK_DUE:
            upcoming = self._due
        end = self._end_mono()
        first_warning = max(self._settings.logoff.warnings, default=timedelta(0))
        return Status(
            state=self._state,
            shift=self._shift,
            segment=self._segment,
            deadline=self._next_deadline(),
            segment_ends=self._segment_end,
            shift_ends=end,
            next_break=upcoming[0] if upcoming else None,
            next_break_at=upcoming[1] if upcoming else None,
            postpones_left=max(0, self._settings.breaks.max_postpones - self._breaks.postpones),
            allowed=self.allowed(),
            wrap_up=(
                end is not None
                and self._overtime_until is None
                and end - mono <= first_warning.total_seconds()
            ),
            overtime_left=self._overtime_left(),
            checkin_for=self._checkin_for,
            skip_available_at=self._skip_available_at(),
            allowed_after_wait=policy.allowed_after_wait(self._context()),
            next_shift=self._next_planned() if not self._state.on_shift else None,
            idle_poll=self._idle_poll(),
            tally=self._current_tally(),
        )

    def handle(self, event: Event) -> Transition | None:
        """Apply one event. Returns the transition made, or None when nothing changed."""
        self._notice_clock_jump()
        if event.trigger not in policy.ALWAYS and event.trigger not in self.allowed():
            if isinstance(event, CallStart | CallEnd) and event.detected:
                return None  # the microphone's view; a declared call or no shift wins
            raise EventRejected(policy.why_not(event.trigger, self._context()))
        match event:
            case Deadline():
                return self._on_deadline()
            case StartShift(confirmed=confirmed):
                return self._start_by_hand(confirmed)
            case BreakNow(kind=kind):
                chosen = kind or (self._due or self._breaks.due(self._mono()))[0]
                return self._start_break(Trigger.BREAK_NOW, chosen)
            case Skip():
                return self._skip()
            case Postpone():
                return self._postpone()
            case Pause(duration=duration):
                return self._pause(duration)
            case Resume():
                return self._resume(Trigger.RESUME)
            case EndShift():
                return self._end_shift(Trigger.END_SHIFT)
            case Dismiss():
                return self._commit(
                    Trigger.DISMISS, State.OFF_SHIFT, detail="log-off screen closed"
                )
            case GrantOvertime(reason=reason, duration=duration):
                return self._grant_overtime(reason, duration)
            case CallStart(detected=detected):
                return self._call_start(detected)
            case CallEnd(detected=detected):
                return self._call_end(detected)
            case Idle(seconds=seconds):
                return self._on_idle(seconds)
            case CheckIn(score=score, word=word):
                return self._check_in(score, word)
            case UpdateSettings(settings=settings):
                return self._update_settings(settings)
        raise AssertionError(f"unhandled event {event!r}")  # pragma: no cover

    # -- starting and ending shifts ---------------------------------------------------------

    def _start_by_hand(self, confirmed: bool) -> Transition:
        now = self._clock.now()
        planned = self._next_planned()
        if planned is not None and planned.start - now <= _EARLY_GRACE:
            return self._start_shift(Trigger.START_SHIFT, planned, scheduled=True)
        if planned is not None and planned.start - now <= _EARLY_HORIZON:
            if not confirmed:
                starts = planned.start.astimezone(self._settings.schedule.tz)
                raise NeedsConfirmation(
                    _(
                        "Your shift starts at {time}. Start it now anyway? "
                        "The early start is recorded."
                    ).format(time=f"{starts:%H:%M}")
                )
            return self._start_shift(Trigger.START_SHIFT, planned, scheduled=True)
        if not confirmed:
            raise NeedsConfirmation(
                _(
                    "There is no shift on your schedule now. Start one anyway? "
                    "It is recorded as work outside the schedule."
                )
            )
        extra = PlannedShift(now, now + self._settings.shift.length)
        return self._start_shift(Trigger.START_SHIFT, extra, scheduled=False)

    def _start_shift(
        self, trigger: Trigger, planned: PlannedShift, *, scheduled: bool
    ) -> Transition:
        # A new shift follows the wall clock again, but never starts before the last record.
        self._ahead = max(timedelta(0), self._floor - self._clock.now())
        now = self._stamp()
        self._shift = ShiftRecord(
            id=new_id(),
            planned_start=planned.start,
            planned_end=planned.end,
            actual_start=now,
            scheduled=scheduled,
        )
        if scheduled:
            self._done_until = planned.end
        self._breaks.reset()
        self._tally = Tally()
        self._overtime_until = None
        self._call_pending_logoff = False
        self._due = None
        left = (planned.end - now).total_seconds()
        # Warnings already behind us are not sent late: no burst of stale notices.
        self._warned = {w for w in self._warning_seconds() if w >= left}
        self._resume_work()
        planned_text = "scheduled" if scheduled else "outside the schedule"
        return self._commit(trigger, State.FOCUS, detail=f"shift {planned_text}")

    def _end_shift(self, trigger: Trigger) -> Transition:
        self._close_current()
        assert self._shift is not None
        self._shift = replace(self._shift, actual_end=self._stamp())
        self._overtime_until = None
        self._call_pending_logoff = False
        self._due = None
        notice = Notice(NoticeKind.WEEK_OVER, 0.0) if self._last_of_week() else None
        if trigger is Trigger.END_SHIFT:
            return self._commit(trigger, State.OFF_SHIFT, detail="ended by hand", notice=notice)
        return self._commit(trigger, State.LOGGED_OFF, detail="shift over", notice=notice)

    def _last_of_week(self) -> bool:
        """No more scheduled shifts this (local, ISO) week after the one ending now."""
        tz = self._settings.schedule.tz
        week = self._clock.now().astimezone(tz).isocalendar()[:2]
        following = self._next_planned()
        return following is None or following.start.astimezone(tz).isocalendar()[:2] != week

    def _grant_overtime(self, reason: str, duration: timedelta | None) -> Transition:
        reason = " ".join(reason.split())
        if not reason:
            raise EventRejected(_("Say why you need more time: the reason is recorded."))
        wanted = (duration or self._settings.overtime.step).total_seconds()
        if wanted <= 0:
            raise EventRejected(_("Overtime must be longer than zero."))
        seconds = min(wanted, self._overtime_left())
        assert self._shift is not None
        now, mono = self._stamp(), self._mono()
        grant = OvertimeGrant(new_id(), self._shift.id, now, round(seconds), reason)
        self._overtime.append((now, seconds))
        detail = f"{round(seconds / 60)} min: {reason}"
        if self._state is State.OVERTIME:
            assert self._overtime_until is not None
            self._overtime_until += seconds
            return self._commit(Trigger.OVERTIME, State.OVERTIME, detail=detail, grant=grant)
        self._overtime_until = mono + seconds
        self._shift = replace(self._shift, actual_end=None)
        self._resume_work()
        return self._commit(Trigger.OVERTIME, State.OVERTIME, detail=detail, grant=grant)

    # -- breaks -----------------------------------------------------------------------------

    def _start_break(self, trigger: Trigger, kind: BreakKind) -> Transition:
        self._close_current()
        if self._breaks.pending is not None and self._breaks.pending.kind is not kind:
            self._breaks.postpones = 0  # a different break came first; that one starts over
        self._breaks.pending = None
        self._due = None
        length = self._breaks.rule(kind).length.total_seconds()
        self._open(kind.segment, self._mono() + length)
        return self._commit(trigger, kind.state, detail=f"{kind.value} break of {round(length)} s")

    def _finish_break(self, trigger: Trigger, outcome: Outcome) -> Transition:
        kind = self._current_break()
        closed = self._close_current(outcome)
        self._breaks.rested(kind)
        if (
            kind is BreakKind.LONG
            and outcome is Outcome.COMPLETED
            and self._settings.checkin.enabled
        ):
            self._checkin_for = closed.id if closed else None
        self._resume_work()
        return self._commit(trigger, State.FOCUS, detail=f"{kind.value} break {outcome.value}")

    def _skip(self) -> Transition:
        self._skips.append(self._clock.now())
        if self._state.in_break:
            return self._finish_break(Trigger.SKIP, Outcome.SKIPPED)
        kind = self._announced_break()
        marker = self._instant_break(kind, Outcome.SKIPPED)
        self._breaks.rested(kind)
        self._resume_work()
        return self._commit(
            Trigger.SKIP, State.FOCUS, detail=f"{kind.value} break skipped", extra=(marker,)
        )

    def _postpone(self) -> Transition:
        kind = self._current_break() if self._state.in_break else self._announced_break()
        extra: tuple[SegmentRecord, ...] = ()
        if self._state.in_break:
            self._close_current(Outcome.POSTPONED)
        else:
            extra = (self._instant_break(kind, Outcome.POSTPONED),)
        step = self._settings.breaks.postpone.total_seconds()
        self._breaks.move(kind, self._mono() + step, counted=True)
        self._resume_work()
        detail = f"{kind.value} break postponed by {round(step)} s ({self._breaks.postpones})"
        return self._commit(Trigger.POSTPONE, State.FOCUS, detail=detail, extra=extra)

    def _instant_break(self, kind: BreakKind, outcome: Outcome) -> SegmentRecord:
        """A break that never started (skipped or postponed at its warning), as a zero-length
        segment between two focus segments, so every break decision is in the record."""
        self._close_current()
        now = self._stamp()
        assert self._shift is not None
        self._due = None
        self._tally.count(kind.segment, outcome, 0.0)
        return SegmentRecord(
            id=new_id(),
            shift_id=self._shift.id,
            kind=kind.segment,
            planned_start=now,
            planned_end=now + self._breaks.rule(kind).length,
            actual_start=now,
            actual_end=now,
            outcome=outcome,
        )

    def _check_in(self, score: int | None, word: str) -> Transition:
        if self._checkin_for is None:
            raise EventRejected(_("There is no check-in waiting."))
        if score is not None and not 1 <= score <= 5:
            raise EventRejected(_("The check-in score goes from 1 to 5."))
        word = " ".join(word.split())[:_MAX_WORD]
        record = CheckInRecord(self._checkin_for, score, word)
        self._checkin_for = None
        detail = "check-in skipped" if score is None else f"check-in {score}"
        return self._commit(Trigger.CHECK_IN, self._state, detail=detail, checkin=record)

    # -- pauses, calls, time away -------------------------------------------------------------

    def _pause(self, duration: timedelta | None) -> Transition:
        # Checked before anything changes: a refused pause leaves the focus block open.
        if duration is not None and duration <= timedelta(0):
            raise EventRejected(_("A pause must be longer than zero."))
        if duration is not None and duration > MAX_PAUSE:
            raise EventRejected(
                _("A pause can last at most 24 h; without a duration it lasts until you resume.")
            )
        self._return_to = self._work_state()
        self._close_current()
        end = None if duration is None else self._mono() + duration.total_seconds()
        self._open(SegmentKind.PAUSE, end)
        detail = "until resumed" if duration is None else f"for {round(duration.total_seconds())} s"
        return self._commit(Trigger.PAUSE, State.PAUSED, detail=detail)

    def _resume(self, trigger: Trigger) -> Transition:
        paused_for = self._mono() - self._segment_start
        self._close_current()
        self._breaks.rest_for(paused_for)  # time away from the desk is rest
        self._resume_work()
        return self._commit(trigger, self._work_state())

    def _call_start(self, detected: bool) -> Transition:
        self._call_declared = not detected
        how = f"{CALL_NOTICED} (microphone in use)" if detected else "call declared"
        source = self._state
        if source in (State.FOCUS, State.OVERTIME, State.BREAK_DUE):
            self._return_to = self._work_state()
            if source is State.BREAK_DUE:
                self._due = None  # the announced break waits for the call to end
            return self._commit(Trigger.CALL_START, State.ON_CALL, detail=how)
        kind = self._current_break() if source.in_break else None
        self._return_to = self._work_state()
        rested_for = self._mono() - self._segment_start if not kind else 0.0
        self._close_current(Outcome.DEFERRED if kind else None)
        self._breaks.rest_for(rested_for)  # a pause or time away before the call was rest
        if kind is not None:
            self._breaks.move(kind, self._mono(), counted=False)
        self._resume_work()
        deferred = f"; {kind.value} break deferred" if kind else ""
        return self._commit(Trigger.CALL_START, State.ON_CALL, detail=f"{how}{deferred}")

    def _call_end(self, detected: bool) -> Transition | None:
        if detected and self._call_declared:
            return None  # a declared call ends when the user says so
        if self._call_pending_logoff:
            return self._end_shift(Trigger.CALL_END)
        mono = self._mono()
        overdue = self._breaks.overdue(mono) if self._return_to is State.FOCUS else None
        detail = "call ended"
        if overdue is not None:
            grace = self._settings.calls.grace.total_seconds()
            self._breaks.move(overdue, mono + grace, counted=False)
            detail += f"; {overdue.value} break in {round(grace)} s"
        return self._commit(Trigger.CALL_END, self._return_to, detail=detail)

    def _on_idle(self, seconds: float) -> Transition | None:
        if not self._settings.breaks.natural:
            return None
        mono = self._mono()
        if self._state is State.AWAY:
            back_at = mono - seconds
            if back_at <= self._segment_start + _TOLERANCE:
                return None  # still away
            return self._back(back_at)
        if self._state not in (State.FOCUS, State.BREAK_DUE, State.OVERTIME):
            return None
        if seconds < self._settings.breaks.micro.length.total_seconds():
            return None
        self._return_to = self._work_state()
        since = max(self._segment_start, mono - seconds)
        self._close_current(at=since)
        self._due = None
        self._open(SegmentKind.AWAY, at=since)
        return self._commit(Trigger.IDLE, State.AWAY, detail=f"no input for {round(seconds)} s")

    def _back(self, back_at: float) -> Transition:
        away_for = back_at - self._segment_start
        self._close_current(Outcome.NATURAL, at=back_at)
        self._breaks.rest_for(away_for)
        self._resume_work(at=back_at)
        return self._commit(Trigger.IDLE, self._return_to, detail=f"back after {round(away_for)} s")

    def _update_settings(self, settings: Settings) -> Transition:
        self._settings = settings
        self._breaks.micro, self._breaks.long = settings.breaks.micro, settings.breaks.long
        return self._commit(Trigger.SETTINGS, self._state, detail="settings changed")

    # -- restarts and sleep ---------------------------------------------------------------------

    def recover(self, unfinished: Unfinished) -> Transition:
        """Close what the last run left open, as interrupted at its last sign of life; go on
        with the shift if the schedule says it is still running, in the state it was in
        when that still means something (see `_restore`)."""
        if self._state is not State.OFF_SHIFT:
            raise EventRejected(_("Recovery happens once, at start."))
        now = self._clock.now()
        alive = min(unfinished.last_alive, now)
        closed = tuple(
            replace(s, actual_end=max(s.actual_start, alive), outcome=Outcome.INTERRUPTED)
            for s in unfinished.segments
        )
        shift = unfinished.shift
        if shift.scheduled:
            self._done_until = shift.planned_end
        self._closed.extend(closed)
        gone_for = round((now - alive).total_seconds())
        if shift.planned_end <= now:
            self._shift = replace(shift, actual_end=max(shift.actual_start, alive))
            detail = f"closed a shift left open; last alive {gone_for} s ago"
            return self._commit(Trigger.RECOVER, State.OFF_SHIFT, detail=detail)
        self._shift = shift
        self._breaks.reset()
        self._tally = Tally()
        left = (shift.planned_end - now).total_seconds()
        self._warned = {w for w in self._warning_seconds() if w >= left}
        open_segment = unfinished.segments[-1] if unfinished.segments else None
        state, what = self._restore(unfinished, open_segment, now)
        detail = f"resumed the shift, {what}; last alive {gone_for} s ago"
        return self._commit(Trigger.RECOVER, state, detail=detail)

    def _restore(
        self, unfinished: Unfinished, segment: SegmentRecord | None, now: datetime
    ) -> tuple[State, str]:
        """Reopen the state the last run was in, if it still holds: a pause until resumed or
        whose end is still ahead, a break whose end is still ahead (for what is left of it),
        a call. Anything else, or a pause or break that ended meanwhile, goes on as focus."""
        state = unfinished.last_state
        ends_in = (
            (segment.planned_end - now).total_seconds()
            if segment is not None and segment.planned_end is not None
            else None
        )
        self._return_to = State.FOCUS
        if state is State.PAUSED and segment is not None and segment.kind is SegmentKind.PAUSE:
            if ends_in is None:
                self._open(SegmentKind.PAUSE)
                return State.PAUSED, "paused until resumed"
            if ends_in > 0:
                self._open(SegmentKind.PAUSE, self._mono() + ends_in)
                return State.PAUSED, f"paused for {round(ends_in)} s more"
        same_break = segment is not None and segment.kind is _break_segment(state)
        if same_break and segment is not None and ends_in is not None and ends_in > 0:
            self._open(segment.kind, self._mono() + ends_in)
            return state, f"{segment.kind.value} for {round(ends_in)} s more"
        self._resume_work()
        if state is State.ON_CALL:
            self._call_declared = unfinished.call_declared
            return State.ON_CALL, "on a call"
        return State.FOCUS, "focus"

    def _notice_clock_jump(self) -> None:
        now, mono = self._clock.now(), self._mono()
        drift = (now - self._last_wall).total_seconds() - (mono - self._last_mono)
        self._last_wall, self._last_mono = now, mono
        if drift >= _CLOCK_JUMP:
            self._slept(drift)
        elif drift <= -_CLOCK_JUMP:
            # The record goes on from where it was, and the shift ends after the real time
            # it was planned to last: the log-off may come before the clock shows the end.
            self._ahead -= timedelta(seconds=drift)
            self._commit(Trigger.CLOCK, self._state, detail=f"clock set back {round(-drift)} s")
        else:
            # Small steps (a time service's correction) are made up for too, silently; a
            # small step forward first takes back what an earlier step back added.
            self._ahead = max(timedelta(0), self._ahead - timedelta(seconds=drift))

    def _slept(self, seconds: float) -> None:
        """The machine slept for `seconds` just now: that time is rest, never focus; a shift
        end that passed meanwhile logs off at once; nothing stale is announced."""
        now = self.recorded_now()
        fell_asleep = max(now - timedelta(seconds=seconds), self._floor)
        detail = f"asleep for {round(seconds)} s"
        if self._state is State.LOGGED_OFF:
            self._commit(Trigger.SLEEP, State.OFF_SHIFT, detail=detail)
            return
        if not self._state.on_shift:
            self._rearm()
            return
        assert self._shift is not None
        self._due = None
        self._call_pending_logoff = False
        self._warned |= {w for w in self._warning_seconds() if w >= self._left_after(now)}
        if self._state in (State.MICRO_BREAK, State.LONG_BREAK, State.PAUSED, State.AWAY):
            # Away from work anyway: the break (or pause) goes on, shorter by the sleep.
            if self._segment_end is not None:
                self._segment_end -= seconds
            if self._left_after(now) <= 0:
                self._close_current(at_wall=fell_asleep)
                self._log_off_after_sleep(fell_asleep, detail)
                return
            self._commit(Trigger.SLEEP, self._state, detail=detail)
            return
        closed = self._close_current(Outcome.COMPLETED, at_wall=fell_asleep)
        fell_asleep = closed.actual_end if closed and closed.actual_end else fell_asleep
        if self._left_after(now) <= 0:
            # The shift ended while asleep: it is closed when sleep began, and the time
            # after that is no part of it (no time away runs past the shift's end).
            self._log_off_after_sleep(fell_asleep, detail)
            return
        away = SegmentRecord(
            id=new_id(),
            shift_id=self._shift.id,
            kind=SegmentKind.AWAY,
            planned_start=fell_asleep,
            planned_end=None,
            actual_start=fell_asleep,
            actual_end=self._stamp(max(now, fell_asleep)),
            outcome=Outcome.NATURAL,
        )
        self._breaks.rest_for(seconds)
        self._resume_work()
        self._commit(Trigger.SLEEP, self._work_state(), detail=detail, extra=(away,))

    def _left_after(self, now: datetime) -> float:
        """Seconds of shift (or overtime) left at recorded time `now`."""
        if self._overtime_until is not None:
            return self._overtime_until - self._mono()
        assert self._shift is not None
        return (self._shift.planned_end - now).total_seconds()

    def _log_off_after_sleep(self, fell_asleep: datetime, detail: str) -> None:
        assert self._shift is not None
        self._shift = replace(self._shift, actual_end=max(self._shift.actual_start, fell_asleep))
        self._overtime_until = None
        self._commit(Trigger.SLEEP, State.LOGGED_OFF, detail=detail)

    # -- the clock ------------------------------------------------------------------------------

    def _on_deadline(self) -> Transition | None:
        mono = self._mono()
        if not self._state.on_shift:
            planned = self._next_planned() if self._settings.shift.auto_start else None
            if planned is not None and planned.start <= self._clock.now() + _tol():
                return self._start_shift(Trigger.DEADLINE, planned, scheduled=True)
            self._rearm()
            return None
        end = self._end_mono()
        if end is not None and end - mono <= _TOLERANCE:
            if self._state is not State.ON_CALL:
                return self._end_shift(Trigger.DEADLINE)
            if not self._call_pending_logoff:
                self._call_pending_logoff = True
                notice = Notice(NoticeKind.SHIFT_OVER_ON_CALL, 0.0)
                return self._commit(
                    Trigger.WARNING, self._state, notice=notice, detail="shift over during a call"
                )
        warning = self._due_warning(mono)
        if warning is not None:
            return warning
        if self._state is State.FOCUS:
            upcoming = self._upcoming_break()
            if upcoming is not None:
                kind, at = upcoming
                if at - mono <= _TOLERANCE:
                    return self._start_break(Trigger.DEADLINE, kind)
                if at - self._warning_lead() - mono <= _TOLERANCE:
                    self._due = upcoming
                    return self._commit(
                        Trigger.DEADLINE,
                        State.BREAK_DUE,
                        detail=f"{kind.value} break in {round(at - mono)} s",
                    )
        elif self._state is State.BREAK_DUE and self._due is not None:
            if self._due[1] - mono <= _TOLERANCE:
                return self._start_break(Trigger.DEADLINE, self._due[0])
        elif self._segment_end is not None and self._segment_end - mono <= _TOLERANCE:
            if self._state is State.PAUSED:
                return self._resume(Trigger.DEADLINE)
            if self._state.in_break:
                return self._finish_break(Trigger.DEADLINE, Outcome.COMPLETED)
        self._rearm()  # woke early: nothing due yet
        return None

    def _due_warning(self, mono: float) -> Transition | None:
        end = self._end_mono()
        if end is None or self._overtime_until is not None:
            return None
        left = end - mono
        reached = [
            w for w in self._warning_seconds() if w not in self._warned and left <= w + _TOLERANCE
        ]
        if not reached:
            return None
        self._warned.update(reached)
        notice = Notice(NoticeKind.SHIFT_ENDING, left)
        return self._commit(
            Trigger.WARNING, self._state, notice=notice, detail=f"shift ends in {round(left)} s"
        )

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
        candidates: list[float] = []
        end = self._end_mono()
        if end is not None and not self._call_pending_logoff:
            candidates.append(end)
            if self._overtime_until is None:
                candidates += [end - w for w in self._warning_seconds() if w not in self._warned]
        if self._state is State.FOCUS:
            upcoming = self._upcoming_break()
            if upcoming is not None:
                candidates.append(max(mono, upcoming[1] - self._warning_lead()))
        elif self._state is State.BREAK_DUE and self._due is not None:
            candidates.append(self._due[1])
        elif self._segment_end is not None and (
            self._state is State.PAUSED or self._state.in_break
        ):
            candidates.append(self._segment_end)
        return min(candidates) if candidates else None

    # -- segments -----------------------------------------------------------------------------

    def _open(self, kind: SegmentKind, end: float | None = None, at: float | None = None) -> None:
        assert self._shift is not None
        mono = self._mono()
        start = mono if at is None else at
        started = self._stamp(self._wall(start))
        self._segment_start, self._segment_end = start, end
        self._segment = SegmentRecord(
            id=new_id(),
            shift_id=self._shift.id,
            kind=kind,
            planned_start=started,
            planned_end=None if end is None else self._wall(end),
            actual_start=started,
        )
        self._opened.append(self._segment)

    def _close_current(
        self,
        outcome: Outcome | None = None,
        at: float | None = None,
        at_wall: datetime | None = None,
    ) -> SegmentRecord | None:
        segment = self._segment
        if segment is None:
            return None
        when = self._mono() if at is None else at
        self._breaks.stop(when)
        if outcome is None:
            interrupted = self._state.in_break
            outcome = Outcome.INTERRUPTED if interrupted else Outcome.COMPLETED
            if segment.kind is SegmentKind.AWAY:
                outcome = Outcome.NATURAL
        end = self._stamp(
            max(segment.actual_start, self._wall(when) if at_wall is None else at_wall)
        )
        closed = replace(segment, actual_end=end, outcome=outcome)
        self._tally.count(segment.kind, outcome, when - self._segment_start)
        self._segment, self._segment_end = None, None
        self._closed.append(closed)
        return closed

    def _resume_work(self, at: float | None = None) -> None:
        start = self._mono() if at is None else at
        self._breaks.start(start)
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
            at=max(self.recorded_now(), self._floor),
            monotonic=self._mono(),
            trigger=trigger,
            source=source,
            target=target,
            shift=self._shift,
            closed=closed,
            opened=opened,
            detail=detail,
            notice=notice,
            grant=grant,
            checkin=checkin,
            extra=tuple(self._closed[1:]) + extra + tuple(self._opened[:-1]),
        )
        self._closed.clear()
        self._opened.clear()
        self._rearm()
        for listener in self._listeners:
            listener(transition)
        return transition

    # -- helpers ------------------------------------------------------------------------------

    def _mono(self) -> float:
        return self._clock.monotonic()

    def recorded_now(self) -> datetime:
        """Now, as the record tells time: the wall clock, plus any set-back made up for."""
        return self._clock.now() + self._ahead

    def _stamp(self, when: datetime | None = None) -> datetime:
        """A time to record: `when` (default now), but never before one already recorded."""
        stamped = max(self.recorded_now() if when is None else when, self._floor)
        self._floor = stamped
        return stamped

    def _wall(self, mono: float) -> datetime:
        """The recorded time of monotonic instant `mono`."""
        return self.recorded_now() + timedelta(seconds=mono - self._mono())

    def _work_state(self) -> State:
        return State.OVERTIME if self._overtime_until is not None else State.FOCUS

    def _work_kind(self) -> SegmentKind:
        return SegmentKind.OVERTIME if self._overtime_until is not None else SegmentKind.FOCUS

    def _end_mono(self) -> float | None:
        if self._overtime_until is not None:
            return self._overtime_until
        if self._shift is None or self._shift.actual_end is not None:
            return None
        return self._mono() + (self._shift.planned_end - self.recorded_now()).total_seconds()

    def _upcoming_break(self) -> tuple[BreakKind, float] | None:
        if self._overtime_until is not None:
            return None  # overtime is short and granted on purpose: no breaks inside it
        return self._breaks.next_break(self._mono(), self._end_mono())

    def _announced_break(self) -> BreakKind:
        return self._due[0] if self._due else self._breaks.due(self._mono())[0]

    def _current_break(self) -> BreakKind:
        return BreakKind.MICRO if self._state is State.MICRO_BREAK else BreakKind.LONG

    def _warning_lead(self) -> float:
        return self._settings.breaks.warning.total_seconds()

    def _warning_seconds(self) -> list[float]:
        return [w.total_seconds() for w in self._settings.logoff.warnings]

    def _next_planned(self) -> PlannedShift | None:
        """The scheduled shift under way or next, unless it was already worked."""
        now = self._clock.now()
        schedule = self._settings.schedule
        for planned in schedule.shifts_between(now, now + timedelta(days=15)):
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

    def _skip_available_at(self) -> float | None:
        if not self._state.in_break or self._settings.breaks.strictness is not Strictness.NORMAL:
            return None  # only a normal break makes the user wait before skipping
        return self._segment_start + self._settings.breaks.skip_delay.total_seconds()

    def _idle_poll(self) -> float | None:
        if not self._settings.breaks.natural:
            return None
        if self._state in (State.FOCUS, State.BREAK_DUE, State.OVERTIME, State.AWAY):
            return self._settings.breaks.micro.length.total_seconds()
        return None

    def _current_tally(self) -> Tally:
        tally = replace(self._tally)
        if self._segment is not None and self._segment.kind in (
            SegmentKind.FOCUS,
            SegmentKind.OVERTIME,
        ):
            tally.focus_seconds += max(0.0, self._mono() - self._segment_start)
        return tally

    def _context(self) -> policy.Context:
        into = self._mono() - self._segment_start if self._state.in_break else 0.0
        return policy.Context(
            state=self._state,
            settings=self._settings,
            seconds_into_break=into,
            postpones=self._breaks.postpones,
            skips_today=self._skips_today(),
            overtime_left=self._overtime_left(),
        )


def _break_segment(state: State) -> SegmentKind | None:
    """The kind of segment a break state records."""
    if state is State.MICRO_BREAK:
        return SegmentKind.MICRO_BREAK
    if state is State.LONG_BREAK:
        return SegmentKind.LONG_BREAK
    return None


def _tol() -> timedelta:
    return timedelta(seconds=_TOLERANCE)
