"""The shift engine, driven by a manual clock: whole shifts in milliseconds."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from shiftwell.core.model import (
    BreakKind,
    BreakNow,
    Deadline,
    EndShift,
    EventRejected,
    Outcome,
    Pause,
    Postpone,
    Resume,
    SegmentKind,
    Skip,
    StartShift,
    State,
    Trigger,
)
from shiftwell.core.settings import BreakPolicy, BreakRule, Settings, Strictness
from tests.helpers.engine import MONDAY_9AM, make_engine

MIN = 60.0
D, W = Trigger.DEADLINE, Trigger.WARNING
# One cycle with default rules: 20m focus, 20s micro, 20m focus, 20s micro, 10m focus,
# 10m long break (3640 s); each break announced 30 s ahead (state break_due).
CYCLE = [
    (1170, "focus", "break_due", D),
    (1200, "break_due", "micro_break", D),
    (1220, "micro_break", "focus", D),
    (2390, "focus", "break_due", D),
    (2420, "break_due", "micro_break", D),
    (2440, "micro_break", "focus", D),
    (3010, "focus", "break_due", D),
    (3040, "break_due", "long_break", D),
    (3640, "long_break", "focus", D),
]
# The eighth cycle, cut by the end of the shift at 28800 s: warnings at 15, 5 and 1 min;
# no long break starts that could not end before log-off.
LAST_CYCLE = [
    (26650, "focus", "break_due", D),
    (26680, "break_due", "micro_break", D),
    (26700, "micro_break", "focus", D),
    (27870, "focus", "break_due", D),
    (27900, "break_due", "break_due", W),
    (27900, "break_due", "micro_break", D),
    (27920, "micro_break", "focus", D),
    (28500, "focus", "focus", W),
    (28740, "focus", "focus", W),
    (28800, "focus", "logged_off", D),
]


def expected_default_shift() -> list[tuple[float, str, str, Trigger]]:
    rows: list[tuple[float, str, str, Trigger]] = [(0, "off_shift", "focus", Trigger.START_SHIFT)]
    for cycle in range(7):
        rows += [(cycle * 3640 + at, s, t, trig) for at, s, t, trig in CYCLE]
    return rows + LAST_CYCLE


def test_full_eight_hour_shift_follows_the_schedule_to_the_second() -> None:
    engine, clock, recorder = make_engine()
    engine.handle(StartShift())
    pending_during_shift = []
    for _ in range(9 * 60):
        clock.advance(MIN)
        pending_during_shift.append(clock.pending)
        if engine.state is State.LOGGED_OFF:
            break

    expected = expected_default_shift()
    got = [
        ((t.at - MONDAY_9AM).total_seconds(), t.source.value, t.target.value, t.trigger)
        for t in recorder.transitions
    ]
    assert len(got) == len(expected) == 1 + 7 * 9 + 10
    for (g_at, *g_rest), (e_at, *e_rest) in zip(got, expected, strict=True):
        assert g_rest == e_rest
        assert g_at == pytest.approx(e_at, abs=1e-6)
    # It never polls: exactly one timer armed at any time (after log-off: tomorrow's start).
    assert set(pending_during_shift) == {1}
    last = recorder.transitions[-1]
    assert last.closed is not None and last.closed.kind is SegmentKind.FOCUS
    assert last.shift is not None and last.shift.actual_end == MONDAY_9AM + timedelta(hours=8)
    assert engine.status().deadline == pytest.approx(clock.monotonic() + 16 * 3600)


def test_segments_chain_without_gaps_and_record_planned_and_actual_times() -> None:
    engine, clock, recorder = make_engine()
    engine.handle(StartShift())
    clock.advance(8 * 3600 + 1)
    opened = [t.opened for t in recorder.transitions if t.opened]
    closed = [t.closed for t in recorder.transitions if t.closed]
    assert [s.id for s in opened] == [s.id for s in closed]
    for before, after in itertools.pairwise(closed):
        assert before.actual_end == after.actual_start
    first = closed[0]
    assert first.kind is SegmentKind.FOCUS and first.outcome is Outcome.COMPLETED
    assert first.planned_end == first.actual_end == MONDAY_9AM + timedelta(minutes=20)
    micro = closed[1]
    assert micro.kind is SegmentKind.MICRO_BREAK
    assert micro.planned_end == micro.actual_end == micro.actual_start + timedelta(seconds=20)
    assert {t.shift.id for t in recorder.transitions if t.shift} == {first.shift_id}


def test_deadline_before_anything_is_due_changes_nothing_and_rearms() -> None:
    engine, clock, recorder = make_engine()
    engine.handle(StartShift())
    clock.advance(5 * MIN)
    assert engine.handle(Deadline()) is None
    assert clock.pending == 1
    assert len(recorder.transitions) == 1
    clock.advance(15 * MIN)
    assert engine.state is State.MICRO_BREAK


def test_status_reports_next_break_and_deadline() -> None:
    engine, clock, _ = make_engine()
    engine.handle(StartShift())
    clock.advance(7 * MIN)
    status = engine.status()
    assert status.next_break is BreakKind.MICRO
    assert status.next_break_at is not None
    assert status.next_break_at - clock.monotonic() == pytest.approx(13 * MIN)
    assert status.deadline == pytest.approx(status.next_break_at - 30)  # the warning
    assert status.shift_ends is not None
    assert status.shift_ends - clock.monotonic() == pytest.approx(8 * 3600 - 7 * MIN)
    assert status.allowed == {
        Trigger.BREAK_NOW,
        Trigger.PAUSE,
        Trigger.END_SHIFT,
        Trigger.CALL_START,
    }
    assert not status.wrap_up


def test_skip_resets_the_count_and_is_recorded() -> None:
    engine, clock, recorder = make_engine()
    engine.handle(StartShift())
    clock.advance(20 * MIN)
    assert engine.state is State.MICRO_BREAK
    clock.advance(5)
    engine.handle(Skip())
    assert engine.state is State.FOCUS
    skipped = recorder.transitions[-1].closed
    assert skipped is not None and skipped.outcome is Outcome.SKIPPED
    assert skipped.actual_end == MONDAY_9AM + timedelta(minutes=20, seconds=5)
    status = engine.status()
    assert status.next_break_at is not None
    assert status.next_break_at - clock.monotonic() == pytest.approx(20 * MIN)


def test_postpone_brings_the_same_break_back_and_has_a_limit() -> None:
    settings = Settings(
        breaks=BreakPolicy(
            max_postpones=2,
            postpone=timedelta(minutes=5),
            long=BreakRule(timedelta(hours=2), timedelta(minutes=10)),
            warning=timedelta(0),
            skip_delay=timedelta(0),
        ),
    )
    engine, clock, recorder = make_engine(settings)
    engine.handle(StartShift())
    clock.advance(20 * MIN)
    for count in (1, 2):
        engine.handle(Postpone())
        assert engine.state is State.FOCUS
        assert recorder.transitions[-1].closed.outcome is Outcome.POSTPONED  # type: ignore[union-attr]
        clock.advance(5 * MIN)
        assert engine.state is State.MICRO_BREAK, f"postpone {count} did not come back"
    assert Trigger.POSTPONE not in engine.allowed()
    with pytest.raises(EventRejected, match="already postponed 2 times"):
        engine.handle(Postpone())
    clock.advance(20)
    assert engine.state is State.FOCUS
    # Taken at last: the next break has a full postpone allowance again.
    clock.advance(20 * MIN)
    assert engine.state is State.MICRO_BREAK
    assert engine.status().postpones_left == 2


def test_postponed_long_break_suppresses_micro_breaks_until_taken() -> None:
    settings = Settings(
        breaks=BreakPolicy(
            micro=BreakRule(timedelta(minutes=3), timedelta(seconds=20)),
            long=BreakRule(timedelta(minutes=10), timedelta(minutes=5)),
            postpone=timedelta(minutes=5),
            warning=timedelta(0),
            strictness=Strictness.GENTLE,
        ),
    )
    engine, clock, recorder = make_engine(settings)
    engine.handle(StartShift())
    engine.handle(BreakNow(BreakKind.LONG))
    engine.handle(Postpone())
    clock.advance(5 * MIN)
    assert [t.target for t in recorder.transitions[1:]] == [
        State.LONG_BREAK,
        State.FOCUS,
        State.LONG_BREAK,
    ]


def test_break_now_defaults_to_the_next_due_kind() -> None:
    engine, clock, _ = make_engine(Settings(breaks=BreakPolicy(strictness=Strictness.GENTLE)))
    engine.handle(StartShift())
    engine.handle(BreakNow())
    assert engine.state is State.MICRO_BREAK
    engine.handle(Skip())
    engine.handle(BreakNow(BreakKind.LONG))
    assert engine.state is State.LONG_BREAK
    clock.advance(10 * MIN)
    assert engine.state is State.FOCUS
    # The long break also reset the micro count.
    status = engine.status()
    assert status.next_break_at is not None
    assert status.next_break_at - clock.monotonic() == pytest.approx(20 * MIN)


def test_focus_time_excludes_pauses() -> None:
    engine, clock, _ = make_engine()
    engine.handle(StartShift())
    clock.advance(15 * MIN)
    engine.handle(Pause())
    clock.advance(10)  # too short to be a rest
    engine.handle(Resume())
    status = engine.status()
    assert status.next_break_at is not None
    assert status.next_break_at - clock.monotonic() == pytest.approx(5 * MIN)


def test_a_pause_as_long_as_a_long_break_counts_as_one() -> None:
    engine, clock, recorder = make_engine()
    engine.handle(StartShift())
    clock.advance(45 * MIN)  # includes two micro breaks
    engine.handle(Pause(timedelta(minutes=10)))
    assert engine.state is State.PAUSED
    clock.advance(10 * MIN)
    assert engine.state is State.FOCUS
    assert recorder.transitions[-1].trigger is Trigger.DEADLINE
    status = engine.status()
    assert status.next_break is BreakKind.MICRO
    assert status.next_break_at is not None
    assert status.next_break_at - clock.monotonic() == pytest.approx(20 * MIN)


def test_pausing_a_break_brings_it_back_after_a_short_pause() -> None:
    engine, clock, recorder = make_engine()
    engine.handle(StartShift())
    clock.advance(20 * MIN)
    assert engine.state is State.MICRO_BREAK
    engine.handle(Pause())
    assert recorder.transitions[-1].closed.outcome is Outcome.INTERRUPTED  # type: ignore[union-attr]
    clock.advance(3)
    engine.handle(Resume())
    clock.advance(0)
    # The break was not had: it starts again straight away (it was announced already).
    assert engine.state is State.MICRO_BREAK


def test_end_shift_by_hand_closes_everything_without_a_log_off_screen() -> None:
    engine, clock, recorder = make_engine()
    engine.handle(StartShift())
    clock.advance(3 * 3600)
    last = engine.handle(EndShift())
    assert last is not None
    assert engine.state is State.OFF_SHIFT
    assert last.closed is not None and last.closed.actual_end == clock.now()
    assert last.shift is not None and last.shift.actual_end == clock.now()
    assert last.shift.planned_end == MONDAY_9AM + timedelta(hours=8)
    # Today's shift is done: it does not start again by itself; tomorrow's does.
    clock.advance(6 * 3600)
    assert recorder.transitions[-1] is last
    assert engine.status().next_shift is not None
    assert engine.status().next_shift.start == MONDAY_9AM + timedelta(days=1)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("setup", "event", "message"),
    [
        ([], Skip(), "Can't skip while off shift"),
        ([StartShift()], StartShift(), "Can't start shift while focusing"),
        ([StartShift()], Resume(), "Can't resume while focusing"),
        ([StartShift(), Pause()], Pause(), "Can't pause while paused"),
        ([StartShift(), EndShift()], EndShift(), "Can't end shift while off shift"),
    ],
)
def test_events_that_make_no_sense_are_rejected_with_a_reason(
    setup: list[StartShift | Pause | EndShift],
    event: Skip | StartShift | Resume | Pause | EndShift,
    message: str,
) -> None:
    engine, _, recorder = make_engine()
    for earlier in setup:
        engine.handle(earlier)
    before = len(recorder.transitions)
    with pytest.raises(EventRejected, match=message):
        engine.handle(event)
    assert len(recorder.transitions) == before
