"""When Shiftwell speaks up on its own: the weekly review's moment, a break after a call."""

from __future__ import annotations

from datetime import UTC, datetime

from shiftwell.core.model import Notice, NoticeKind, State, Transition, Trigger
from shiftwell.core.moments import ReviewTiming, break_after_call

AT = datetime(2026, 3, 6, 17, tzinfo=UTC)


def _go(source: State, target: State, trigger: Trigger, *, week_over: bool = False) -> Transition:
    notice = Notice(NoticeKind.WEEK_OVER, 0.0) if week_over else None
    return Transition(AT, 0.0, trigger, source, target, None, None, None, notice=notice)


def test_the_review_waits_for_the_log_off_screen_to_close() -> None:
    timing = ReviewTiming()
    last = _go(State.FOCUS, State.LOGGED_OFF, Trigger.DEADLINE, week_over=True)
    assert not timing.open_now(last, enabled=True) and timing.week_over
    assert not timing.open_now(
        _go(State.LOGGED_OFF, State.OVERTIME, Trigger.OVERTIME), enabled=True
    )
    assert timing.open_now(_go(State.LOGGED_OFF, State.OFF_SHIFT, Trigger.DISMISS), enabled=True)
    assert not timing.week_over  # once


def test_the_review_seen_from_the_log_off_screen_does_not_open_again() -> None:
    timing = ReviewTiming()
    timing.open_now(
        _go(State.FOCUS, State.LOGGED_OFF, Trigger.DEADLINE, week_over=True), enabled=True
    )
    timing.opened_by_user()
    assert not timing.open_now(
        _go(State.LOGGED_OFF, State.OFF_SHIFT, Trigger.DISMISS), enabled=True
    )


def test_the_last_shift_ended_by_hand_opens_it_at_once_unless_switched_off() -> None:
    ended = _go(State.FOCUS, State.OFF_SHIFT, Trigger.END_SHIFT, week_over=True)
    assert ReviewTiming().open_now(ended, enabled=True)
    assert not ReviewTiming().open_now(ended, enabled=False)


def test_a_break_is_announced_after_a_call_only_when_it_comes_within_the_grace() -> None:
    ended = _go(State.ON_CALL, State.FOCUS, Trigger.CALL_END)
    assert break_after_call(ended, 130.0, 100.0, 30.0) == 30.0
    assert break_after_call(ended, 200.0, 100.0, 30.0) is None
    assert break_after_call(ended, None, 100.0, 30.0) is None
    other = _go(State.PAUSED, State.FOCUS, Trigger.RESUME)
    assert break_after_call(other, 130.0, 100.0, 30.0) is None
