"""Break rules: warnings, strictness, natural breaks, calls, check-ins."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shiftwell.core.model import (
    BreakKind,
    BreakNow,
    CallEnd,
    CallStart,
    CheckIn,
    EventRejected,
    GrantOvertime,
    Idle,
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
from shiftwell.core.settings import BreakPolicy, CheckinSettings, Settings, Strictness
from tests.helpers.engine import make_engine

MIN = 60.0


def started(settings: Settings | None = None):  # type: ignore[no-untyped-def]
    engine, clock, recorder = make_engine(settings)
    engine.handle(StartShift())
    return engine, clock, recorder


def test_break_is_announced_before_it_starts_and_can_be_postponed_there() -> None:
    engine, clock, recorder = started()
    clock.advance(20 * MIN - 30)
    assert engine.state is State.BREAK_DUE
    status = engine.status()
    assert status.next_break is BreakKind.MICRO
    assert status.next_break_at == pytest.approx(clock.monotonic() + 30)
    engine.handle(Postpone())
    last = recorder.transitions[-1]
    # The decision is on record as a zero-length break between two focus segments.
    [marker] = last.extra
    assert (marker.kind, marker.outcome) == (SegmentKind.MICRO_BREAK, Outcome.POSTPONED)
    assert marker.actual_start == marker.actual_end == last.closed.actual_end
    assert last.opened is not None and last.opened.kind is SegmentKind.FOCUS
    clock.advance(5 * MIN)
    assert engine.state is State.MICRO_BREAK


def test_skip_at_the_warning_is_recorded_and_counts_as_taken() -> None:
    engine, clock, recorder = started()
    clock.advance(20 * MIN - 30)
    engine.handle(Skip())
    [marker] = recorder.transitions[-1].extra
    assert marker.outcome is Outcome.SKIPPED
    assert engine.status().next_break_at == pytest.approx(clock.monotonic() + 20 * MIN)


@pytest.mark.parametrize(
    ("strictness", "at_start", "after_delay"),
    [
        (Strictness.GENTLE, {Trigger.SKIP, Trigger.POSTPONE}, {Trigger.SKIP, Trigger.POSTPONE}),
        (Strictness.NORMAL, set(), {Trigger.SKIP, Trigger.POSTPONE}),
        (Strictness.STRICT, set(), set()),
    ],
)
def test_strictness_decides_when_a_break_can_be_skipped_or_postponed(
    strictness: Strictness, at_start: set[Trigger], after_delay: set[Trigger]
) -> None:
    policy = BreakPolicy(strictness=strictness, skip_delay=timedelta(seconds=5))
    engine, clock, _ = started(Settings(breaks=policy))
    engine.handle(BreakNow(BreakKind.LONG))
    dismissals = {Trigger.SKIP, Trigger.POSTPONE}
    assert engine.allowed() & dismissals == at_start
    clock.advance(5)
    assert engine.allowed() & dismissals == after_delay
    assert (Trigger.PAUSE in engine.allowed()) is (strictness is not Strictness.STRICT)
    assert Trigger.END_SHIFT in engine.allowed()  # ending the day is always allowed


def test_normal_strictness_says_how_long_to_wait() -> None:
    engine, clock, _ = started()
    engine.handle(BreakNow(BreakKind.MICRO))
    clock.advance(2)
    with pytest.raises(EventRejected, match="Give it 3 s first"):
        engine.handle(Skip())
    status = engine.status()
    assert status.skip_available_at == pytest.approx(clock.monotonic() + 3)


def test_postpone_allowed_but_skip_not() -> None:
    policy = BreakPolicy(allow_skip=False, strictness=Strictness.GENTLE)
    engine, _, _ = started(Settings(breaks=policy))
    engine.handle(BreakNow())
    assert Trigger.POSTPONE in engine.allowed()
    with pytest.raises(EventRejected, match="Skipping breaks is turned off"):
        engine.handle(Skip())


def test_skips_per_day_are_capped() -> None:
    policy = BreakPolicy(max_skips_per_day=2, strictness=Strictness.GENTLE)
    engine, clock, _ = started(Settings(breaks=policy))
    for _ in range(2):
        engine.handle(BreakNow())
        engine.handle(Skip())
    engine.handle(BreakNow())
    with pytest.raises(EventRejected, match="skipped 2 breaks today"):
        engine.handle(Skip())
    engine.handle(Postpone())
    clock.advance(24 * 3600)  # tomorrow: the shift started by itself at 09:00
    assert engine.state is State.FOCUS
    engine.handle(BreakNow())
    engine.handle(Skip())  # a new day, a new allowance


def test_time_away_is_a_natural_break_backdated_to_the_last_input() -> None:
    engine, clock, recorder = started()
    clock.advance(15 * MIN)
    engine.handle(Idle(40))  # the user left 40 s ago
    assert engine.state is State.AWAY
    away = recorder.transitions[-1]
    assert away.closed is not None and away.opened is not None
    assert away.closed.actual_end == away.opened.actual_start == clock.now() - timedelta(seconds=40)
    clock.advance(12 * MIN)
    assert engine.state is State.AWAY  # no break pops up while nobody is there
    engine.handle(Idle(12 * MIN + 40))  # still away
    assert engine.state is State.AWAY
    engine.handle(Idle(3))  # back 3 s ago
    assert engine.state is State.FOCUS
    back = recorder.transitions[-1]
    assert back.closed is not None and back.closed.outcome is Outcome.NATURAL
    assert back.closed.actual_end == clock.now() - timedelta(seconds=3)
    # Twelve minutes away count as a long break: both break counts start over.
    status = engine.status()
    assert status.next_break_at == pytest.approx(clock.monotonic() - 3 + 20 * MIN)


def test_short_idle_is_not_a_break_and_idle_during_a_break_is_ignored() -> None:
    engine, clock, _ = started()
    clock.advance(5 * MIN)
    assert engine.handle(Idle(10)) is None
    engine.handle(BreakNow(BreakKind.LONG))
    assert engine.handle(Idle(300)) is None
    assert engine.state is State.LONG_BREAK
    assert engine.status().idle_poll is None
    clock.advance(10 * MIN)
    assert engine.status().idle_poll == 20  # polled at the micro break's length


def test_a_call_defers_a_due_break_until_after_it() -> None:
    engine, clock, recorder = started()
    clock.advance(19 * MIN)
    engine.handle(CallStart())
    assert engine.state is State.ON_CALL
    clock.advance(10 * MIN)  # the break time passes during the call: nothing pops up
    assert engine.state is State.ON_CALL
    engine.handle(CallEnd())
    assert engine.state is State.FOCUS
    assert "micro break in 30 s" in recorder.transitions[-1].detail
    clock.advance(0)
    assert engine.state is State.BREAK_DUE  # the grace doubles as the warning
    clock.advance(30)
    assert engine.state is State.MICRO_BREAK


def test_a_call_during_a_break_ends_it_as_deferred() -> None:
    engine, clock, recorder = started()
    engine.handle(BreakNow(BreakKind.LONG))
    clock.advance(MIN)
    engine.handle(CallStart(detected=True))
    t = recorder.transitions[-1]
    assert t.closed is not None and t.closed.outcome is Outcome.DEFERRED
    assert "microphone" in t.detail
    clock.advance(5 * MIN)
    engine.handle(CallEnd(detected=True))
    clock.advance(30)
    assert engine.state is State.LONG_BREAK


def test_check_in_after_a_long_break() -> None:
    engine, clock, recorder = started()
    engine.handle(BreakNow(BreakKind.LONG))
    clock.advance(10 * MIN)
    status = engine.status()
    long_break = recorder.transitions[-1].closed
    assert long_break is not None and status.checkin_for == long_break.id
    with pytest.raises(EventRejected, match="1 to 5"):
        engine.handle(CheckIn(7))
    engine.handle(CheckIn(2, "  drained   by calls "))
    record = recorder.transitions[-1].checkin
    assert record is not None and (record.segment_id, record.score, record.word) == (
        long_break.id,
        2,
        "drained by calls",
    )
    assert engine.status().checkin_for is None
    with pytest.raises(EventRejected, match="no check-in waiting"):
        engine.handle(CheckIn(3))


def test_no_check_in_after_a_skipped_long_break_or_when_turned_off() -> None:
    engine, _, _ = started(Settings(breaks=BreakPolicy(strictness=Strictness.GENTLE)))
    engine.handle(BreakNow(BreakKind.LONG))
    engine.handle(Skip())
    assert engine.status().checkin_for is None
    engine2, clock2, _ = started(Settings(checkin=CheckinSettings(enabled=False)))
    engine2.handle(BreakNow(BreakKind.LONG))
    clock2.advance(10 * MIN)
    assert engine2.status().checkin_for is None


def test_pause_during_overtime_returns_to_overtime() -> None:
    engine, clock, _ = started()
    clock.advance(8 * 3600)
    engine.handle(GrantOvertime("handover"))
    engine.handle(Pause())
    clock.advance(MIN)
    engine.handle(Resume())
    assert engine.state is State.OVERTIME
    clock.advance(14 * MIN)
    assert engine.state is State.LOGGED_OFF


def test_tally_sums_the_shift_for_the_log_off_summary() -> None:
    settings = Settings(breaks=BreakPolicy(strictness=Strictness.GENTLE))
    engine, clock, _ = started(settings)
    clock.advance(20 * MIN + 20)  # one micro break kept
    clock.advance(19 * MIN + 30)
    engine.handle(Skip())  # skipped at its warning
    clock.advance(5 * MIN)
    engine.handle(Idle(60))  # a natural break
    engine.handle(Idle(0))
    tally = engine.status().tally
    assert (tally.breaks_kept, tally.skipped, tally.natural_breaks) == (1, 1, 1)
    assert tally.focus_seconds == pytest.approx((20 + 19.5 + 5) * MIN - 60)


def test_the_microphone_does_not_end_a_declared_call_nor_start_one_off_shift() -> None:
    engine, _, _ = make_engine()
    assert engine.handle(CallStart(detected=True)) is None  # off shift: not our business
    engine.handle(StartShift())
    engine.handle(CallStart())
    assert engine.handle(CallEnd(detected=True)) is None
    assert engine.state is State.ON_CALL
    engine.handle(CallEnd())
    engine.handle(CallStart(detected=True))
    assert engine.handle(CallStart(detected=True)) is None  # still the same call
    engine.handle(CallEnd(detected=True))
    assert engine.state is State.FOCUS


def test_what_the_break_screen_may_offer_once_the_wait_is_over() -> None:
    # A daily skip cap, not yet reached: skipping waits for the delay, then is allowed.
    engine, clock, _ = started(Settings(breaks=BreakPolicy(max_skips_per_day=3)))
    engine.handle(BreakNow(BreakKind.LONG))
    status = engine.status()
    assert Trigger.SKIP not in status.allowed
    assert {Trigger.SKIP, Trigger.POSTPONE} <= status.allowed_after_wait
    clock.advance(5)
    assert engine.status().allowed == engine.status().allowed_after_wait
    strict, _, _ = started(Settings(breaks=BreakPolicy(strictness=Strictness.STRICT)))
    strict.handle(BreakNow(BreakKind.LONG))
    assert Trigger.SKIP not in strict.status().allowed_after_wait
    assert strict.status().skip_available_at is None  # nothing to wait for
