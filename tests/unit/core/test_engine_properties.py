"""Random events and clock jumps against the engine: its record always stays sound."""

from __future__ import annotations

import contextlib
import itertools
from datetime import timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from shiftwell.core.clock import ManualClock
from shiftwell.core.engine import Engine
from shiftwell.core.model import (
    BreakKind,
    BreakNow,
    CallEnd,
    CallStart,
    CheckIn,
    Deadline,
    Dismiss,
    EndShift,
    Event,
    EventRejected,
    GrantOvertime,
    Idle,
    Pause,
    Postpone,
    Resume,
    SegmentRecord,
    Skip,
    StartShift,
    State,
)
from shiftwell.core.settings import BreakPolicy, Settings, Strictness
from tests.helpers.engine import MONDAY_9AM, Recorder

EVENTS = st.one_of(
    st.builds(StartShift, confirmed=st.just(True)),
    st.builds(BreakNow, st.sampled_from([None, BreakKind.MICRO, BreakKind.LONG])),
    st.just(Skip()),
    st.just(Postpone()),
    st.builds(Pause, st.sampled_from([None, timedelta(minutes=1), timedelta(minutes=15)])),
    st.just(Resume()),
    st.just(EndShift()),
    st.just(Dismiss()),
    st.builds(GrantOvertime, st.sampled_from(["handover", "outage"])),
    st.builds(CallStart, st.booleans()),
    st.builds(CallEnd, st.booleans()),
    st.builds(Idle, st.floats(min_value=0, max_value=3600)),
    st.builds(CheckIn, st.sampled_from([None, 1, 3, 5])),
)


class EngineMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.clock = ManualClock(MONDAY_9AM)
        self.recorder = Recorder()
        strictness = Strictness.GENTLE
        self.engine = Engine(
            Settings(breaks=BreakPolicy(strictness=strictness)), self.clock, [self.recorder]
        )

    @rule(event=EVENTS)
    def send(self, event: Event) -> None:
        with contextlib.suppress(EventRejected):
            self.engine.handle(event)

    @rule(seconds=st.floats(min_value=0, max_value=4 * 3600))
    def wait(self, seconds: float) -> None:
        self.clock.advance(seconds)

    @rule(seconds=st.floats(min_value=-3 * 3600, max_value=10 * 3600))
    def jump(self, seconds: float) -> None:
        """Sleep (forward) or a clock set by hand or NTP (either way)."""
        self.clock.jump_wall(timedelta(seconds=seconds))
        self.clock.advance(1)
        self.engine.handle(Deadline())

    def segments(self) -> list[SegmentRecord]:
        latest: dict[str, SegmentRecord] = {}
        for t in self.recorder.transitions:
            for segment in (t.closed, *t.extra, t.opened):
                if segment is not None:
                    latest[segment.id] = segment
        return list(latest.values())

    @invariant()
    def no_negative_or_overlapping_segments(self) -> None:
        segments = sorted(
            self.segments(), key=lambda s: (s.actual_start, s.actual_end or s.actual_start)
        )
        for segment in segments:
            if segment.actual_end is not None:
                assert segment.actual_end >= segment.actual_start, segment
        closed = [s for s in segments if s.actual_end is not None]
        for before, after in itertools.pairwise(closed):
            assert before.actual_end is not None
            assert before.actual_end <= after.actual_start, (before, after)

    @invariant()
    def exactly_one_segment_open_while_on_shift(self) -> None:
        still_open = [s for s in self.segments() if s.actual_end is None]
        if self.engine.state.on_shift:
            assert len(still_open) == 1, still_open
        else:
            assert still_open == []

    @invariant()
    def a_deadline_is_always_armed_on_shift(self) -> None:
        status = self.engine.status()
        if status.state.on_shift and status.state is not State.ON_CALL:
            assert status.deadline is not None
            assert self.clock.pending >= 1

    @precondition(lambda self: self.engine.state.on_shift)
    @rule()
    def the_log_off_always_comes(self) -> None:
        if self.engine.state is State.ON_CALL:
            self.engine.handle(CallEnd())  # a call in progress holds the log-off until it ends
        if not self.engine.state.on_shift:
            return
        status = self.engine.status()
        assert status.shift_ends is not None
        self.clock.advance(max(0.0, status.shift_ends - self.clock.monotonic()) + 1)
        assert not self.engine.state.on_shift or self.engine.state is State.FOCUS, self.engine.state


EngineMachine.TestCase.settings = settings(
    max_examples=150,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestEngineMachine = EngineMachine.TestCase
