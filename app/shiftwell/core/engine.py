"""The shift engine: one explicit state machine driven by events and one deadline timer.

After every event the engine arms a single timer for its next deadline through the injected
clock; it never polls. Each change becomes a `Transition` handed to the listeners in order
(storage first, then the shell), so nothing is shown before it is recorded.

Everything about the shift under way is one `ShiftRun` (core.shift_run), made new when a
shift starts. The groundwork (segments, commits, the timer) is in core.engine_base; restarts
and clock jumps in core.engine_recovery; breaks at fixed times in core.engine_fixed; this
module holds the events' handlers.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from shiftwell.core import policy
from shiftwell.core.engine_base import TOLERANCE, History, Listener, Status, Unfinished
from shiftwell.core.engine_fixed import FixedBreakEngine
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
    NewPlan,
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
from shiftwell.core.settings import Settings
from shiftwell.core.shift_run import Tally

__all__ = [
    "CALL_NOTICED",
    "MAX_PAUSE",
    "Engine",
    "History",
    "Listener",
    "Status",
    "Tally",
    "Unfinished",
]

# A shift starting this soon may be started by hand without asking.
_EARLY_GRACE = timedelta(minutes=10)
# A later shift today may be started early (after confirming) rather than as extra work.
_EARLY_HORIZON = timedelta(hours=12)
_MAX_WORD = 60
# A timed pause longer than this is a mistake (a pause without a duration has no end).
MAX_PAUSE = timedelta(hours=24)


# How a call noticed by itself (rather than declared) starts its transition's detail.
CALL_NOTICED = "call noticed"


class Engine(FixedBreakEngine):
    """The shift engine the shell drives: `handle` applies one event; `status` says what to
    show; `recover` picks up what the last run left open."""

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
                chosen = kind or self._announced_break()
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
            case NewPlan():
                return self._new_plan(event)
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
        self._time.follow_wall_clock()
        now = self._time.stamp()
        record = ShiftRecord(
            id=new_id(),
            planned_start=planned.start,
            planned_end=planned.end,
            actual_start=now,
            scheduled=scheduled,
        )
        if scheduled:
            self._done_until = planned.end
        self._new_run(record, now)
        self._resume_work()
        planned_text = "scheduled" if scheduled else "outside the schedule"
        return self._commit(trigger, State.FOCUS, detail=f"shift {planned_text}")

    def _end_shift(self, trigger: Trigger) -> Transition:
        self._close_current()
        self._fixed_missed()
        self._live.log_off(self._time.stamp())
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
        run = self._live
        now, mono = self._time.stamp(), self._mono()
        grant = OvertimeGrant(new_id(), run.record.id, now, round(seconds), reason)
        self._overtime.append((now, seconds))
        detail = f"{round(seconds / 60)} min: {reason}"
        if self._state is State.OVERTIME:
            assert run.overtime_until is not None
            run.overtime_until += seconds
            return self._commit(Trigger.OVERTIME, State.OVERTIME, detail=detail, grant=grant)
        run.overtime_until = mono + seconds
        run.record = replace(run.record, actual_end=None)
        self._resume_work()
        return self._commit(Trigger.OVERTIME, State.OVERTIME, detail=detail, grant=grant)

    # -- breaks -----------------------------------------------------------------------------

    def _start_break(self, trigger: Trigger, kind: BreakKind) -> Transition:
        self._close_current()
        run = self._live
        if run.breaks.pending is not None and run.breaks.pending.kind is not kind:
            run.breaks.postpones = 0  # a different break came first; that one starts over
        run.breaks.pending = None
        run.due = None
        length = run.breaks.rule(kind).length.total_seconds()
        self._open(kind.segment, self._mono() + length)
        return self._commit(trigger, kind.state, detail=f"{kind.value} break of {round(length)} s")

    def _finish_break(self, trigger: Trigger, outcome: Outcome) -> Transition:
        kind = self._current_break()
        closed = self._close_current(outcome)
        self._live.breaks.rested(kind)
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
        self._live.breaks.rested(kind)
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
        self._live.breaks.move(kind, self._mono() + step, counted=True)
        self._resume_work()
        detail = f"{kind.value} break postponed by {round(step)} s ({self._postpones()})"
        return self._commit(Trigger.POSTPONE, State.FOCUS, detail=detail, extra=extra)

    def _instant_break(self, kind: BreakKind, outcome: Outcome) -> SegmentRecord:
        """A break that never started (skipped or postponed at its warning), as a zero-length
        segment between two focus segments, so every break decision is in the record."""
        self._close_current()
        now = self._time.stamp()
        run = self._live
        run.due = None
        run.tally.count(kind.segment, outcome, 0.0)
        return SegmentRecord(
            id=new_id(),
            shift_id=run.record.id,
            kind=kind.segment,
            planned_start=now,
            planned_end=now + run.breaks.rule(kind).length,
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
        self._live.return_to = self._work_state()
        self._close_current()
        end = None if duration is None else self._mono() + duration.total_seconds()
        self._open(SegmentKind.PAUSE, end)
        detail = "until resumed" if duration is None else f"for {round(duration.total_seconds())} s"
        return self._commit(Trigger.PAUSE, State.PAUSED, detail=detail)

    def _resume(self, trigger: Trigger) -> Transition:
        paused_for = self._seconds_into_segment()
        self._close_current()
        self._live.breaks.rest_for(paused_for)  # time away from the desk is rest
        self._resume_work()
        return self._commit(trigger, self._work_state())

    def _call_start(self, detected: bool) -> Transition:
        run = self._live
        run.call_declared = not detected
        how = f"{CALL_NOTICED} (microphone in use)" if detected else "call declared"
        source = self._state
        if source in (State.FOCUS, State.OVERTIME, State.BREAK_DUE):
            run.return_to = self._work_state()
            if source is State.BREAK_DUE:
                run.due = None  # the announced break waits for the call to end
            return self._commit(Trigger.CALL_START, State.ON_CALL, detail=how)
        kind = self._current_break() if source.in_break else None
        fixed = self._fixed_running()  # owed after the call by its own rule, not as a long break
        run.return_to = self._work_state()
        rested_for = self._seconds_into_segment() if not kind else 0.0
        self._close_current(Outcome.DEFERRED if kind else None)
        run.breaks.rest_for(rested_for)  # a pause or time away before the call was rest
        if kind is not None and not fixed:
            run.breaks.move(kind, self._mono(), counted=False)
        self._resume_work()
        deferred = f"; {kind.value} break deferred" if kind else ""
        return self._commit(Trigger.CALL_START, State.ON_CALL, detail=f"{how}{deferred}")

    def _call_end(self, detected: bool) -> Transition | None:
        run = self._live
        if detected and run.call_declared:
            return None  # a declared call ends when the user says so
        if run.call_pending_logoff:
            return self._end_shift(Trigger.CALL_END)
        if (fixed := self._fixed_after_call()) is not None:
            return fixed
        mono = self._mono()
        overdue = run.breaks.overdue(mono) if run.return_to is State.FOCUS else None
        detail = "call ended"
        if overdue is not None:
            grace = self._settings.calls.grace.total_seconds()
            run.breaks.move(overdue, mono + grace, counted=False)
            detail += f"; {overdue.value} break in {round(grace)} s"
        return self._commit(Trigger.CALL_END, run.return_to, detail=detail)

    def _on_idle(self, seconds: float) -> Transition | None:
        if not self._settings.breaks.natural:
            return None
        mono = self._mono()
        if self._state is State.AWAY:
            back_at = mono - seconds
            if back_at <= self._live.segment_start + TOLERANCE:
                return None  # still away
            return self._back(back_at)
        if self._state not in (State.FOCUS, State.BREAK_DUE, State.OVERTIME):
            return None
        if seconds < self._settings.breaks.micro.length.total_seconds():
            return None
        run = self._live
        run.return_to = self._work_state()
        since = max(run.segment_start, mono - seconds)
        self._close_current(at=since)
        run.due = None
        self._open(SegmentKind.AWAY, at=since)
        return self._commit(Trigger.IDLE, State.AWAY, detail=f"no input for {round(seconds)} s")

    def _back(self, back_at: float) -> Transition:
        run = self._live
        away_for = back_at - run.segment_start
        self._close_current(Outcome.NATURAL, at=back_at)
        run.breaks.rest_for(away_for)
        self._resume_work(at=back_at)
        return self._commit(Trigger.IDLE, run.return_to, detail=f"back after {round(away_for)} s")

    def _update_settings(self, settings: Settings) -> Transition:
        self._settings = settings
        self._planner.use_settings(settings)
        if self._run is not None:
            self._run.breaks.micro, self._run.breaks.long = (
                settings.breaks.micro,
                settings.breaks.long,
            )
        return self._commit(Trigger.SETTINGS, self._state, detail="settings changed")

    def _on_deadline(self) -> Transition | None:
        mono = self._mono()
        if not self._state.on_shift:
            planned = self._next_planned() if self._settings.shift.auto_start else None
            if planned is not None and planned.start <= self._clock.now() + _tol():
                return self._start_shift(Trigger.DEADLINE, planned, scheduled=True)
            self._rearm()
            return None
        run = self._live
        end = self._end_mono()
        if end is not None and end - mono <= TOLERANCE:
            if self._state is not State.ON_CALL:
                return self._end_shift(Trigger.DEADLINE)
            if not run.call_pending_logoff:
                run.call_pending_logoff = True
                notice = Notice(NoticeKind.SHIFT_OVER_ON_CALL, 0.0)
                return self._commit(
                    Trigger.WARNING, self._state, notice=notice, detail="shift over during a call"
                )
        warning = self._due_warning(mono) or self._fixed_on_deadline()
        if warning is not None:
            return warning
        if self._state is State.FOCUS:
            upcoming = self._upcoming_break()
            if upcoming is not None:
                kind, at = upcoming
                if at - mono <= TOLERANCE:
                    return self._start_break(Trigger.DEADLINE, kind)
                if at - self._warning_lead() - mono <= TOLERANCE:
                    run.due = upcoming
                    return self._commit(
                        Trigger.DEADLINE,
                        State.BREAK_DUE,
                        detail=f"{kind.value} break in {round(at - mono)} s",
                    )
        elif self._state is State.BREAK_DUE and run.due is not None:
            if run.due[1] - mono <= TOLERANCE:
                return self._start_break(Trigger.DEADLINE, run.due[0])
        elif run.segment_end is not None and run.segment_end - mono <= TOLERANCE:
            if self._state is State.PAUSED:
                return self._resume(Trigger.DEADLINE)
            if self._state.in_break:
                return self._finish_break(Trigger.DEADLINE, Outcome.COMPLETED)
        self._rearm()  # woke early: nothing due yet
        return None

    def _due_warning(self, mono: float) -> Transition | None:
        end = self._end_mono()
        run = self._live
        if end is None or run.overtime_until is not None:
            return None
        left = end - mono
        reached = [
            w for w in self._warning_seconds() if w not in run.warned and left <= w + TOLERANCE
        ]
        if not reached:
            return None
        run.warned.update(reached)
        notice = Notice(NoticeKind.SHIFT_ENDING, left)
        return self._commit(
            Trigger.WARNING, self._state, notice=notice, detail=f"shift ends in {round(left)} s"
        )

    def _announced_break(self) -> BreakKind:
        run = self._live
        return run.due[0] if run.due else run.breaks.due(self._mono())[0]

    def _current_break(self) -> BreakKind:
        return BreakKind.MICRO if self._state is State.MICRO_BREAK else BreakKind.LONG


def _tol() -> timedelta:
    return timedelta(seconds=TOLERANCE)
