"""The shift engine after an interruption: a restart picking up a shift left open, the
machine waking from sleep, the wall clock set back."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from shiftwell.core.engine_base import EngineBase, Unfinished
from shiftwell.core.i18n import _
from shiftwell.core.model import (
    EventRejected,
    Outcome,
    SegmentKind,
    SegmentRecord,
    State,
    Transition,
    Trigger,
    new_id,
)
from shiftwell.core.recorded_time import CLOCK_JUMP
from shiftwell.core.shift_run import ShiftRun


class RecoveringEngine(EngineBase):
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
            ended = replace(shift, actual_end=max(shift.actual_start, alive))
            self._run = ShiftRun.start(ended, self._settings, set())
            detail = f"closed a shift left open; last alive {gone_for} s ago"
            return self._commit(Trigger.RECOVER, State.OFF_SHIFT, detail=detail)
        self._new_run(shift, now)
        self._fixed_recovered(unfinished.fixed, alive)
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
            self._live.call_declared = unfinished.call_declared
            return State.ON_CALL, "on a call"
        return State.FOCUS, "focus"

    def _notice_clock_jump(self) -> None:
        drift = self._time.drift()
        if drift >= CLOCK_JUMP:
            self._slept(drift)
        elif drift <= -CLOCK_JUMP:
            # The record goes on from where it was, and the shift ends after the real time
            # it was planned to last: the log-off may come before the clock shows the end.
            self._time.set_back(-drift)
            self._commit(Trigger.CLOCK, self._state, detail=f"clock set back {round(-drift)} s")

    def _slept(self, seconds: float) -> None:
        """The machine slept for `seconds` just now: that time is rest, never focus; a shift
        end that passed meanwhile logs off at once; nothing stale is announced."""
        now = self.recorded_now()
        fell_asleep = max(now - timedelta(seconds=seconds), self._time.floor)
        detail = f"asleep for {round(seconds)} s"
        if self._state is State.LOGGED_OFF:
            self._commit(Trigger.SLEEP, State.OFF_SHIFT, detail=detail)
            return
        if not self._state.on_shift:
            self._rearm()
            return
        run = self._live
        run.due = None
        run.call_pending_logoff = False
        run.warned |= {w for w in self._warning_seconds() if w >= self._left_after(now)}
        if self._state in (State.MICRO_BREAK, State.LONG_BREAK, State.PAUSED, State.AWAY):
            # Away from work anyway: the break (or pause) goes on, shorter by the sleep.
            if run.segment_end is not None:
                run.segment_end -= seconds
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
            shift_id=run.record.id,
            kind=SegmentKind.AWAY,
            planned_start=fell_asleep,
            planned_end=None,
            actual_start=fell_asleep,
            actual_end=self._time.stamp(max(now, fell_asleep)),
            outcome=Outcome.NATURAL,
        )
        run.breaks.rest_for(seconds)
        self._resume_work()
        self._commit(Trigger.SLEEP, self._work_state(), detail=detail, extra=(away,))

    def _left_after(self, now: datetime) -> float:
        """Seconds of shift (or overtime) left at recorded time `now`."""
        run = self._live
        if run.overtime_until is not None:
            return run.overtime_until - self._mono()
        return (run.record.planned_end - now).total_seconds()

    def _log_off_after_sleep(self, fell_asleep: datetime, detail: str) -> None:
        run = self._live
        run.log_off(max(run.record.actual_start, fell_asleep))
        self._commit(Trigger.SLEEP, State.LOGGED_OFF, detail=detail)


def _break_segment(state: State) -> SegmentKind | None:
    """The kind of segment a break state records."""
    if state is State.MICRO_BREAK:
        return SegmentKind.MICRO_BREAK
    if state is State.LONG_BREAK:
        return SegmentKind.LONG_BREAK
    return None
