"""Restarts after a crash, sleep, and clocks that jump: nothing lost, nothing stale."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from shiftwell.core.clock import ManualClock
from shiftwell.core.engine import Engine, Unfinished
from shiftwell.core.model import (
    BreakKind,
    BreakNow,
    CallEnd,
    Deadline,
    EventRejected,
    Outcome,
    SegmentKind,
    SegmentRecord,
    ShiftRecord,
    StartShift,
    State,
    Trigger,
)
from shiftwell.core.settings import BreakPolicy, Settings, ShiftSettings, Strictness
from tests.helpers.engine import MONDAY_9AM, Recorder, make_engine

MIN = 60.0


def crashed_at(alive: datetime) -> Unfinished:
    shift = ShiftRecord("s1", MONDAY_9AM, MONDAY_9AM + timedelta(hours=8), MONDAY_9AM)
    focus = SegmentRecord(
        "f1",
        "s1",
        SegmentKind.FOCUS,
        alive - timedelta(minutes=5),
        None,
        alive - timedelta(minutes=5),
    )
    return Unfinished(shift, (focus,), alive)


def test_after_a_crash_mid_shift_the_shift_goes_on() -> None:
    alive = MONDAY_9AM + timedelta(hours=2)
    clock = ManualClock(alive + timedelta(minutes=7))  # restarted 7 min later
    recorder = Recorder()
    engine = Engine(Settings(shift=ShiftSettings(auto_start=False)), clock, [recorder])
    transition = engine.recover(crashed_at(alive))
    assert transition.trigger is Trigger.RECOVER
    assert engine.state is State.FOCUS
    assert transition.closed is not None
    assert (transition.closed.id, transition.closed.actual_end, transition.closed.outcome) == (
        "f1",
        alive,
        Outcome.INTERRUPTED,
    )
    assert transition.shift is not None and transition.shift.id == "s1"
    assert transition.opened is not None and transition.opened.actual_start == clock.now()
    clock.advance(6 * 3600)
    assert engine.state is State.LOGGED_OFF
    last_shift = recorder.transitions[-1].shift
    assert last_shift is not None and last_shift.id == "s1"
    with pytest.raises(EventRejected):
        engine.recover(crashed_at(alive))


def test_a_shift_whose_end_passed_while_down_is_closed_at_the_last_sign_of_life() -> None:
    alive = MONDAY_9AM + timedelta(hours=7, minutes=50)
    clock = ManualClock(MONDAY_9AM + timedelta(hours=20))
    engine = Engine(Settings(), clock)
    transition = engine.recover(crashed_at(alive))
    assert engine.state is State.OFF_SHIFT
    assert transition.shift is not None and transition.shift.actual_end == alive
    # The same day's shift does not start again; tomorrow's will.
    assert engine.status().next_shift is not None
    assert engine.status().next_shift.start == MONDAY_9AM + timedelta(days=1)  # type: ignore[union-attr]


def test_sleep_during_focus_is_a_natural_break_never_focus() -> None:
    engine, clock, recorder = make_engine()
    engine.handle(StartShift())
    clock.advance(15 * MIN)
    clock.jump_wall(timedelta(minutes=30))  # asleep: the wall clock ran on
    clock.advance(1)  # the next timer tick after waking
    engine.handle(BreakNow(BreakKind.MICRO))  # any event notices the sleep first
    sleep = next(t for t in recorder.transitions if t.trigger is Trigger.SLEEP)
    assert sleep.closed is not None and sleep.closed.kind is SegmentKind.FOCUS
    [away] = sleep.extra
    assert (away.kind, away.outcome) == (SegmentKind.AWAY, Outcome.NATURAL)
    assert away.actual_end is not None
    assert (away.actual_end - away.actual_start).total_seconds() == pytest.approx(30 * MIN, abs=2)
    assert sleep.closed.actual_end == away.actual_start
    assert engine.status().tally.focus_seconds == pytest.approx(15 * MIN + 1, abs=1)


def test_waking_after_the_shift_end_shows_the_log_off_at_once_without_stale_notices() -> None:
    engine, clock, recorder = make_engine()
    engine.handle(StartShift())
    clock.advance(7 * 3600)
    before = len(recorder.transitions)
    clock.jump_wall(timedelta(hours=3))  # the laptop slept through 17:00
    clock.advance(1)
    engine.handle(Deadline())  # the shell's minute tick
    woke = recorder.transitions[before:]
    assert [t.trigger for t in woke if t.trigger is Trigger.WARNING] == []
    assert engine.state is State.LOGGED_OFF
    sleep = next(t for t in woke if t.trigger is Trigger.SLEEP)
    assert sleep.target is State.LOGGED_OFF
    assert sleep.shift is not None
    # When it fell asleep, give or take the moments awake before the wake-up was noticed.
    assert sleep.shift.actual_end is not None
    fell_asleep = MONDAY_9AM + timedelta(hours=7)
    assert abs(sleep.shift.actual_end - fell_asleep) <= timedelta(seconds=1)


def test_a_strict_break_survives_sleep_with_the_right_time_left() -> None:
    settings = Settings(breaks=BreakPolicy(strictness=Strictness.STRICT))
    engine, clock, _ = make_engine(settings)
    engine.handle(StartShift())
    engine.handle(BreakNow(BreakKind.LONG))
    clock.advance(2 * MIN)
    clock.jump_wall(timedelta(minutes=3))  # lid closed for three minutes
    clock.advance(0)
    engine.status()
    engine.handle(Deadline())
    assert engine.state is State.LONG_BREAK
    status = engine.status()
    assert status.segment_ends is not None
    assert status.segment_ends - clock.monotonic() == pytest.approx(5 * MIN)
    assert Trigger.SKIP not in status.allowed


def test_sleep_clears_the_log_off_screen() -> None:
    engine, clock, _ = make_engine()
    engine.handle(StartShift())
    clock.advance(8 * 3600)
    assert engine.state is State.LOGGED_OFF
    clock.jump_wall(timedelta(hours=1))
    engine.handle(Deadline())
    assert engine.state is State.OFF_SHIFT


def test_a_clock_set_back_is_recorded_and_the_shift_keeps_its_real_length() -> None:
    engine, clock, recorder = make_engine()
    engine.handle(StartShift())
    clock.advance(3600)
    clock.jump_wall(timedelta(minutes=-30))
    clock.advance(1)
    engine.handle(Deadline())
    assert recorder.transitions[-1].trigger is Trigger.CLOCK
    # The record runs on from 10:00, so 17:00 is 7 h of real time away, not 7.5 h: the
    # shift lasts the 8 h it was planned to, and its record says so.
    status = engine.status()
    assert status.shift_ends is not None
    assert status.shift_ends - clock.monotonic() == pytest.approx(7 * 3600 - 1, abs=1)
    clock.advance(7 * 3600 - 1)
    assert engine.state is State.LOGGED_OFF
    assert recorder.transitions[-1].at == datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    assert clock.now() == datetime(2026, 11, 23, 16, 30, tzinfo=UTC)


def crashed_in(
    state: State, kind: SegmentKind, alive: datetime, planned_end: datetime | None
) -> Unfinished:
    shift = ShiftRecord("s1", MONDAY_9AM, MONDAY_9AM + timedelta(hours=8), MONDAY_9AM)
    started = alive - timedelta(minutes=1)
    segment = SegmentRecord("g1", "s1", kind, started, planned_end, started)
    return Unfinished(shift, (segment,), alive, last_state=state)


ALIVE = MONDAY_9AM + timedelta(hours=2)


@pytest.mark.parametrize(
    ("state", "kind", "ends_after", "restored", "left"),
    [
        (State.PAUSED, SegmentKind.PAUSE, 15 * MIN, State.PAUSED, 13 * MIN),
        (State.PAUSED, SegmentKind.PAUSE, None, State.PAUSED, None),
        (State.PAUSED, SegmentKind.PAUSE, 1 * MIN, State.FOCUS, None),  # ended meanwhile
        (State.LONG_BREAK, SegmentKind.LONG_BREAK, 9 * MIN, State.LONG_BREAK, 7 * MIN),
        (State.MICRO_BREAK, SegmentKind.MICRO_BREAK, 20, State.FOCUS, None),  # over
        (State.ON_CALL, SegmentKind.FOCUS, None, State.ON_CALL, None),
        (State.AWAY, SegmentKind.AWAY, None, State.FOCUS, None),
    ],
)
def test_after_a_crash_the_state_in_force_goes_on_while_it_still_holds(
    state: State, kind: SegmentKind, ends_after: float | None, restored: State, left: float | None
) -> None:
    clock = ManualClock(ALIVE + timedelta(minutes=2))  # restarted 2 min after the last mark
    engine = Engine(Settings(shift=ShiftSettings(auto_start=False)), clock)
    planned_end = None if ends_after is None else ALIVE + timedelta(seconds=ends_after)
    transition = engine.recover(crashed_in(state, kind, ALIVE, planned_end))
    assert (transition.trigger, engine.state) == (Trigger.RECOVER, restored)
    assert transition.closed is not None and transition.closed.outcome is Outcome.INTERRUPTED
    assert transition.opened is not None and transition.opened.actual_start == clock.now()
    status = engine.status()
    if left is None:
        assert restored is not State.PAUSED or status.segment_ends is None
    else:
        assert status.segment_ends is not None
        assert status.segment_ends - clock.monotonic() == pytest.approx(left)
        assert transition.opened.planned_end == planned_end  # the end the user was given
        clock.advance(left)
        assert engine.state is State.FOCUS


def test_a_call_goes_on_after_a_crash_and_ends_as_it_began() -> None:
    clock = ManualClock(ALIVE + timedelta(minutes=2))
    engine = Engine(Settings(shift=ShiftSettings(auto_start=False)), clock)
    noticed = replace(
        crashed_in(State.ON_CALL, SegmentKind.FOCUS, ALIVE, None), call_declared=False
    )
    engine.recover(noticed)
    assert engine.state is State.ON_CALL
    assert engine.handle(CallEnd(detected=True)) is not None  # the microphone's word ends it
    assert engine.state is State.FOCUS
    declared = Engine(Settings(shift=ShiftSettings(auto_start=False)), ManualClock(clock.now()))
    declared.recover(crashed_in(State.ON_CALL, SegmentKind.FOCUS, ALIVE, None))
    assert declared.handle(CallEnd(detected=True)) is None  # a declared call: the user ends it
    assert declared.state is State.ON_CALL
