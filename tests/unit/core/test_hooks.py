from __future__ import annotations

from datetime import timedelta

from shiftwell.core.hooks import LOCK_SESSION, hook_environment, hook_events, logoff_action
from shiftwell.core.model import BreakNow, GrantOvertime, StartShift
from tests.helpers.engine import make_engine


def test_a_day_sets_off_each_hook_at_its_moment() -> None:
    engine, clock, recorder = make_engine()
    engine.handle(StartShift())
    engine.handle(BreakNow())
    clock.advance(8 * 3600)
    engine.handle(GrantOvertime("handover"))
    fired = [e for t in recorder.transitions for e in hook_events(t)]
    assert fired[:3] == ["shift_start", "break_start", "break_end"]
    assert fired.count("wrap_up") == 3
    assert fired[-2:] == ["logoff", "overtime"]
    env = hook_environment(recorder.transitions[-1], "overtime")
    assert env["SHIFTWELL_OVERTIME_REASON"] == "handover"
    assert env["SHIFTWELL_OVERTIME_SECONDS"] == str(int(timedelta(minutes=15).total_seconds()))
    assert env["SHIFTWELL_TO"] == "overtime"


def test_the_log_off_action_runs_once_when_the_shift_ends_after_the_hooks() -> None:
    from datetime import UTC, datetime

    from shiftwell.core.hooks import commands_to_run
    from shiftwell.core.model import State, Transition, Trigger

    at = datetime(2026, 3, 2, 17, tzinfo=UTC)
    ended = Transition(at, 0.0, Trigger.DEADLINE, State.FOCUS, State.LOGGED_OFF, None, None, None)
    hooks = {"logoff": ("notify-send", "bye"), "break_start": ("true",)}
    commands = commands_to_run(ended, hooks, ("loginctl", "lock-session"), 10.0)
    assert [(c.what, c.argv, c.timeout) for c in commands] == [
        ("The logoff hook", ("notify-send", "bye"), 30.0),
        ("The log-off action", ("loginctl", "lock-session"), 10.0),
    ]
    assert commands[1].env["SHIFTWELL_EVENT"] == "logoff"
    # the screen only updating, or no action set: nothing more runs
    again = Transition(
        at, 1.0, Trigger.SETTINGS, State.LOGGED_OFF, State.LOGGED_OFF, None, None, None
    )
    assert commands_to_run(again, hooks, ("loginctl", "lock-session"), 10.0) == []
    assert [c.what for c in commands_to_run(ended, {}, (), 10.0)] == []


def test_a_strict_log_off_locks_the_session_only_where_screens_cannot_stay_on_top() -> None:
    mine = ("my-lock", "--now")
    assert logoff_action(mine, strict=True, screens_stay_on_top=False) == mine
    assert logoff_action((), strict=True, screens_stay_on_top=False) == LOCK_SESSION
    assert logoff_action((), strict=True, screens_stay_on_top=True) == ()
    assert logoff_action((), strict=False, screens_stay_on_top=False) == ()
