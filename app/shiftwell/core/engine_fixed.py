"""The shift engine and the breaks at fixed times: announced ahead, started at their minute
(never over a call: then when it ends), "back in a minute", ended on time; each one's
planned and actual times go to the record. The rules are in core.fixed_breaks."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from shiftwell.core.engine_recovery import RecoveringEngine
from shiftwell.core.fixed_breaks import (
    Due,
    FixedBreakStatus,
    Step,
    Taking,
    ends_at,
    keep_clear_limit,
    key_of,
    next_step,
    plan_changes,
    today,
)
from shiftwell.core.model import (
    FixedBreakRecord,
    NewPlan,
    Notice,
    NoticeKind,
    Outcome,
    SegmentKind,
    SegmentRecord,
    State,
    Transition,
    Trigger,
)
from shiftwell.core.plan import PlannedBreak
from shiftwell.core.settings import BreakMode

# A fixed break a call cut into with less than this left is over, not owed.
_LEFT_WORTH_OWING = 30.0
_TOLERANCE = timedelta(seconds=0.005)


class FixedBreakEngine(RecoveringEngine):
    # -- what the base asks ---------------------------------------------------------------

    def _fixed_deadline(self) -> float | None:
        due = self._fixed_next()
        return None if due is None else self._mono_at(due.at)

    def _fixed_limit(self) -> float | None:
        run = self._run
        if run is None or self._settings.breaks.mode is not BreakMode.BOTH:
            return None
        limit = keep_clear_limit(self._shift_breaks(), run.fixed, self.recorded_now())
        return None if limit is None else self._mono_at(limit)

    def _interval_breaks(self) -> bool:
        return self._settings.breaks.mode is not BreakMode.SCHEDULED

    def _fixed_status(self) -> FixedBreakStatus | None:
        run = self._run
        if run is None or not self._state.on_shift:
            return None
        current = run.fixed.current
        if current is not None:
            planned = current.planned
            return FixedBreakStatus(
                planned.kind,
                planned.title,
                planned.start,
                planned.end,
                running=current.running,
                owed=not current.running,
                actual_start=current.actual_start,
            )
        now = self.recorded_now()
        ahead = (b for b in self._shift_breaks() if key_of(b) not in run.fixed.done and b.end > now)
        upcoming = next(ahead, None)
        if upcoming is None:
            return None
        return FixedBreakStatus(upcoming.kind, upcoming.title, upcoming.start, upcoming.end)

    def _fixed_closed(self, closed: SegmentRecord) -> None:
        run = self._run
        current = run.fixed.current if run is not None else None
        if run is None or current is None or current.segment_id != closed.id:
            return
        ended = closed.actual_end or closed.actual_start
        taken = current.taken + (ended - closed.actual_start).total_seconds()
        current.segment_id, current.running_since = None, None
        current.last_end = ended
        if closed.outcome is Outcome.DEFERRED and current.length - taken > _LEFT_WORTH_OWING:
            # A call cut in: the rest of the break is owed, and comes when the call ends.
            current.taken, current.deferred = taken, True
            self._fixed_out.append(run.fixed.record(run.record, current.planned))
            return
        record = replace(run.fixed.record(run.record, current.planned), actual_end=ended)
        run.fixed.done.add(key_of(current.planned))
        run.fixed.current = None
        self._fixed_out.append(record)

    # -- the engine's handlers call these ---------------------------------------------------

    def _fixed_on_deadline(self) -> Transition | None:
        """The fixed break's step that is due now, if any."""
        due = self._fixed_next()
        now = self.recorded_now()
        if due is None or due.at - now > _TOLERANCE:
            return None
        run = self._live
        planned = due.planned
        when = f"{planned.kind.value} at {planned.start:%H:%M} UTC"
        if due.step is Step.START:
            return self._start_fixed(Trigger.DEADLINE, planned)
        if due.step is Step.ANNOUNCE:
            # Not on record yet: a break that moves before its minute was never missed.
            run.fixed.announced.add(key_of(planned))
            left = (planned.start - now).total_seconds()
            notice = Notice(NoticeKind.FIXED_SOON, left, planned.title)
            return self._commit(
                Trigger.WARNING, self._state, notice=notice, detail=f"{when} in {round(left)} s"
            )
        if due.step is Step.DEFER:
            run.fixed.announced.add(key_of(planned))
            if run.fixed.current is not None:  # one owed already: its turn is gone
                self._fixed_missed_one(run.fixed.current)
            run.fixed.current = Taking(planned, deferred=True)
            notice = Notice(NoticeKind.FIXED_DEFERRED, 0.0, planned.title)
            return self._commit(
                Trigger.DEADLINE,
                self._state,
                notice=notice,
                detail=f"{when} deferred: on a call",
            )
        current = run.fixed.current
        assert current is not None and run.segment_end is not None
        current.ending_told = True
        left = run.segment_end - self._mono()
        notice = Notice(NoticeKind.FIXED_ENDING, left, planned.title)
        return self._commit(
            Trigger.WARNING, self._state, notice=notice, detail=f"{when} ends in {round(left)} s"
        )

    def _fixed_after_call(self) -> Transition | None:
        """The fixed break a call deferred starts as the call ends."""
        run = self._live
        current = run.fixed.current
        if current is None or current.running:
            return None
        return self._start_fixed(Trigger.CALL_END, current.planned)

    def _fixed_running(self) -> bool:
        run = self._run
        return run is not None and run.fixed.current is not None and run.fixed.current.running

    def _fixed_missed(self) -> None:
        """At the shift's end: the fixed breaks whose time came but that were never taken
        (or, cut by a call, never finished) go on record as they stand."""
        run = self._live
        now = self.recorded_now()
        if run.fixed.current is not None:
            self._fixed_missed_one(run.fixed.current)
        for planned in self._shift_breaks():
            if key_of(planned) not in run.fixed.done and planned.start < now:
                run.fixed.done.add(key_of(planned))
                self._fixed_out.append(run.fixed.record(run.record, planned))

    def _fixed_recovered(self, records: tuple[FixedBreakRecord, ...], alive: datetime) -> None:
        """The shift's fixed breaks as the last run recorded them: one that ended or was
        missed is done (not taken, nor put on record as missed, again); one under way when
        the last run stopped keeps its first start, and goes on if its time is not over,
        else it ended when the last run did."""
        fixed = self._live.fixed
        now = self.recorded_now()
        for record in records:
            planned = PlannedBreak(
                record.planned_start, record.planned_end, record.kind, record.title
            )
            key = key_of(planned)
            fixed.announced.add(key)
            fixed.recorded[record.id] = record
            if record.actual_start is None or record.actual_end is not None:
                fixed.done.add(key)
            elif planned.end > now:
                fixed.current = Taking(planned, actual_start=record.actual_start)
            else:
                fixed.done.add(key)
                self._fixed_out.append(replace(record, actual_end=max(alive, record.actual_start)))

    def _new_plan(self, event: NewPlan) -> Transition | None:
        """A calendar copy (fetched, or read at start): the plan is made again from it; a
        change to today's plan is news, once (not for the first copy: nothing moved)."""
        tz = self._settings.schedule.tz
        now = self.recorded_now()
        had_calendar = self._planner.has_calendar
        before = today(self._planner.plan(now), now, tz)
        self._planner.use_calendar(event.calendar, event.fetched_at, event.problem)
        after = today(self._planner.plan(now), now, tz)
        change = plan_changes(before, after, tz, now) if had_calendar else ""
        if not change:
            self._rearm()
            return None
        notice = Notice(NoticeKind.PLAN_CHANGED, 0.0, change)
        return self._commit(Trigger.PLAN, self._state, notice=notice, detail="today's plan changed")

    # -- inside ------------------------------------------------------------------------------

    def _shift_breaks(self) -> list[PlannedBreak]:
        run = self._run
        if run is None or not self._state.on_shift or run.overtime_until is not None:
            return []
        record = run.record
        return self._planner.breaks_within(
            self.recorded_now(), record.planned_start, record.planned_end
        )

    def _fixed_next(self) -> Due | None:
        run = self._run
        if run is None or not self._state.on_shift:
            return None
        breaks = self._shift_breaks()
        current = run.fixed.current
        if not breaks and current is None:
            return None
        running_end = None
        if current is not None and current.running and run.segment_end is not None:
            running_end = self._wall_at(run.segment_end)
        return next_step(
            run.fixed,
            breaks,
            self.recorded_now(),
            announce=self._settings.breaks.announce_fixed,
            on_call=self._state is State.ON_CALL,
            ends_at=running_end,
        )

    def _start_fixed(self, trigger: Trigger, planned: PlannedBreak) -> Transition:
        run = self._live
        fixed = run.fixed
        current = fixed.current
        if current is not None and current.planned != planned:
            # An earlier one (deferred, running late) gives way to this one's minute.
            if current.running:
                self._close_current(Outcome.COMPLETED)
            else:
                self._fixed_missed_one(current)
        taking = fixed.current or Taking(planned)
        fixed.current = taking
        self._close_current()
        run.due = None
        run.breaks.pending, run.breaks.postpones = None, 0
        now = self.recorded_now()
        stamp = self._time.stamp()
        if taking.actual_start is None:
            taking.actual_start = stamp
        end = ends_at(taking, now, run.record.planned_end)
        self._open(SegmentKind.LONG_BREAK, self._mono_at(end))
        assert run.segment is not None
        taking.segment_id, taking.running_since = run.segment.id, now
        taking.ending_told = False
        fixed.announced.add(key_of(planned))
        self._fixed_out.append(fixed.record(run.record, planned))
        late = round((taking.actual_start - planned.start).total_seconds())
        detail = (
            f"{planned.kind.value} at {planned.start:%H:%M} UTC started {late} s late, "
            f"for {round((end - now).total_seconds())} s"
        )
        if trigger is Trigger.CALL_END:
            detail = f"call ended; {detail}"
        return self._commit(trigger, State.LONG_BREAK, detail=detail)

    def _fixed_missed_one(self, taking: Taking) -> None:
        run = self._live
        record = run.fixed.record(run.record, taking.planned)
        self._fixed_out.append(replace(record, actual_end=taking.last_end))
        run.fixed.done.add(key_of(taking.planned))
        run.fixed.current = None

    def _mono_at(self, wall: datetime) -> float:
        return self._mono() + (wall - self.recorded_now()).total_seconds()

    def _wall_at(self, mono: float) -> datetime:
        return self.recorded_now() + timedelta(seconds=mono - self._mono())
