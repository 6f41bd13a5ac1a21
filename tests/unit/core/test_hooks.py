from __future__ import annotations

from datetime import timedelta

from shiftwell.core.hooks import hook_environment, hook_events
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
