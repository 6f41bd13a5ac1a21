"""Breaks at fixed times: announced ahead, started at their minute, ended on time, deferred by
a call, kept clear of by the breaks after focus time, taken from the same plan as
`shiftwell schedule`."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

import pytest

from shiftwell.core.clock import ManualClock
from shiftwell.core.day_plan import day_plan
from shiftwell.core.engine import Engine
from shiftwell.core.model import (
    CallEnd,
    CallStart,
    EndShift,
    EventRejected,
    NewPlan,
    NoticeKind,
    Postpone,
    SegmentKind,
    Skip,
    StartShift,
    State,
    Transition,
)
from shiftwell.core.plan import FixedKind, parse_fixed_breaks
from shiftwell.core.schedule import Span, WeeklySchedule
from shiftwell.core.settings import BreakMode, BreakPolicy, PlanSettings, Settings
from tests.helpers.calendars import one_lunch
from tests.helpers.engine import MONDAY_9AM, Recorder

MIN = 60.0


def wfm_settings(mode: BreakMode = BreakMode.SCHEDULED, **policy: object) -> Settings:
    office = (Span(time(9), time(17, 30)),)
    schedule = WeeklySchedule(tz=UTC, days={day: office if day < 5 else () for day in range(7)})
    breaks = parse_fixed_breaks(["10:30 15m", "12:30 30m lunch", "15:15 15m"])
    return Settings(
        schedule=schedule,
        plan=PlanSettings(breaks=breaks),
        breaks=BreakPolicy(mode=mode, **policy),  # type: ignore[arg-type]
    )


def start(settings: Settings) -> tuple[Engine, ManualClock, Recorder]:
    clock = ManualClock(MONDAY_9AM)
    recorder = Recorder()
    engine = Engine(settings, clock, [recorder])
    engine.handle(StartShift())
    return engine, clock, recorder


def at(hour: int, minute: int = 0, second: int = 0) -> datetime:
    return MONDAY_9AM.replace(hour=hour, minute=minute, second=second)


def notices(recorder: Recorder, kind: NoticeKind) -> list[Transition]:
    return [t for t in recorder.transitions if t.notice is not None and t.notice.kind is kind]


def test_a_fixed_break_is_announced_starts_on_its_minute_warns_and_ends_on_time() -> None:
    engine, clock, recorder = start(wfm_settings())
    clock.advance_to(at(10, 27, 59))
    assert not notices(recorder, NoticeKind.FIXED_SOON)
    clock.advance_to(at(10, 28))
    [soon] = notices(recorder, NoticeKind.FIXED_SOON)
    assert soon.notice is not None and soon.notice.seconds_left == pytest.approx(2 * MIN)
    assert soon.notice.text == "Break"
    assert engine.state is State.FOCUS
    clock.advance_to(at(10, 30))
    assert engine.state is State.LONG_BREAK
    status = engine.status()
    assert status.fixed_break is not None and status.fixed_break.running
    assert status.segment_ends == pytest.approx(clock.monotonic() + 15 * MIN)
    clock.advance_to(at(10, 44))
    [ending] = notices(recorder, NoticeKind.FIXED_ENDING)
    assert ending.notice is not None and ending.notice.seconds_left == pytest.approx(MIN)
    clock.advance_to(at(10, 45))
    assert engine.state is State.FOCUS
    started = next(t for t in recorder.transitions if t.target is State.LONG_BREAK)
    ended = next(t for t in recorder.transitions if t.source is State.LONG_BREAK is not t.target)
    assert started.at == at(10, 30) and ended.at == at(10, 45)
    [record] = ended.fixed
    assert (record.actual_start, record.actual_end) == (at(10, 30), at(10, 45))
    assert (record.planned_start, record.planned_end) == (at(10, 30), at(10, 45))


def test_lunch_is_a_break_with_its_own_name() -> None:
    engine, clock, recorder = start(wfm_settings())
    clock.advance_to(at(12, 28))
    assert notices(recorder, NoticeKind.FIXED_SOON)[-1].notice.text == "Lunch"  # type: ignore[union-attr]
    clock.advance_to(at(12, 31))
    status = engine.status()
    assert engine.state is State.LONG_BREAK
    assert status.fixed_break is not None
    assert (status.fixed_break.kind, status.fixed_break.title) == (FixedKind.LUNCH, "Lunch")
    clock.advance_to(at(13, 0))
    assert engine.state is State.FOCUS


def test_scheduled_mode_has_no_breaks_after_focus_time() -> None:
    _, clock, recorder = start(wfm_settings(BreakMode.SCHEDULED))
    clock.advance_to(at(17, 29))
    kinds = {t.opened.kind for t in recorder.transitions if t.opened is not None}
    assert SegmentKind.MICRO_BREAK not in kinds
    breaks = [t for t in recorder.transitions if t.target is State.LONG_BREAK is not t.source]
    assert [t.at for t in breaks] == [at(10, 30), at(12, 30), at(15, 15)]


def test_interval_mode_leaves_the_fixed_breaks_alone() -> None:
    engine, clock, recorder = start(wfm_settings(BreakMode.INTERVAL))
    clock.advance_to(at(10, 31))
    assert not notices(recorder, NoticeKind.FIXED_SOON)
    assert engine.state is not State.LONG_BREAK or engine.status().fixed_break is None
    assert all(not t.fixed for t in recorder.transitions)


def test_a_call_defers_a_fixed_break_until_it_ends_and_the_lateness_is_known() -> None:
    engine, clock, recorder = start(wfm_settings())
    clock.advance_to(at(15, 10))
    engine.handle(CallStart())
    clock.advance_to(at(15, 15))
    assert engine.state is State.ON_CALL  # never a screen over a call
    assert len(notices(recorder, NoticeKind.FIXED_DEFERRED)) == 1
    status = engine.status()
    assert status.fixed_break is not None and status.fixed_break.owed
    clock.advance_to(at(15, 22))
    assert engine.state is State.ON_CALL
    engine.handle(CallEnd())
    assert engine.state is State.LONG_BREAK
    status = engine.status()
    assert status.fixed_break is not None
    assert status.fixed_break.lateness == timedelta(minutes=7)
    # Owed in full: fifteen minutes from the call's end.
    assert status.segment_ends == pytest.approx(clock.monotonic() + 15 * MIN)
    clock.advance_to(at(15, 37))
    assert engine.state is State.FOCUS
    record = recorder.transitions[-1].fixed[-1]
    assert (record.actual_start, record.actual_end) == (at(15, 22), at(15, 37))
    assert record.planned_start == at(15, 15)


def test_a_call_during_a_fixed_break_owes_the_rest_of_it() -> None:
    engine, clock, _ = start(wfm_settings())
    clock.advance_to(at(10, 35))
    engine.handle(CallStart())
    assert engine.state is State.ON_CALL
    clock.advance_to(at(10, 50))
    engine.handle(CallEnd())
    assert engine.state is State.LONG_BREAK
    # Five minutes were taken before the call: ten are left.
    assert engine.status().segment_ends == pytest.approx(clock.monotonic() + 10 * MIN)


def test_both_mode_keeps_breaks_after_focus_time_clear_of_the_fixed_ones() -> None:
    _, clock, recorder = start(wfm_settings(BreakMode.BOTH))
    clock.advance_to(at(11, 30))
    micro = [
        t.at
        for t in recorder.transitions
        if t.opened is not None and t.opened.kind is SegmentKind.MICRO_BREAK
    ]
    assert micro, "breaks after focus time still come in both mode"
    # None ends within 10 minutes of the fixed break, and none during it.
    assert all(not at(10, 20) <= moment <= at(10, 45) for moment in micro)
    # The interval starts over when the fixed break ends: the next micro break is 20 min on.
    after = [moment for moment in micro if moment > at(10, 45)]
    assert after[0] == at(11, 5)


def test_a_fixed_break_can_be_ended_early_but_not_postponed() -> None:
    engine, clock, recorder = start(wfm_settings())
    clock.advance_to(at(10, 40))
    assert engine.state is State.LONG_BREAK
    with pytest.raises(EventRejected, match="fixed time"):
        engine.handle(Postpone())
    engine.handle(Skip())
    [record] = recorder.transitions[-1].fixed
    assert record.actual_end == at(10, 40)
    clock.advance_to(at(10, 50))
    assert engine.state is State.FOCUS


def test_the_engine_follows_the_same_plan_as_the_schedule_command() -> None:
    settings = wfm_settings()
    engine, clock, _ = start(settings)
    shown = day_plan(settings, at(0).date(), 1).days[0]
    assert [b.start for b in shown.shifts[0].breaks] == [at(10, 30), at(12, 30), at(15, 15)]
    clock.advance_to(at(12, 30))
    assert engine.status().fixed_break is not None
    assert engine.status().fixed_break.planned_start == shown.shifts[0].breaks[1].start  # type: ignore[union-attr]


def test_a_calendar_plan_is_followed_and_a_move_today_is_told_once() -> None:
    settings = wfm_settings()
    settings = replace(settings, plan=replace(settings.plan, calendar="https://wfm.example/a.ics"))
    engine, clock, recorder = start(settings)
    engine.handle(NewPlan(one_lunch("1230", "1300"), at(9)))
    assert not notices(recorder, NoticeKind.PLAN_CHANGED)  # the first copy moves nothing
    engine.handle(NewPlan(one_lunch("1300", "1330"), at(9, 15)))
    engine.handle(NewPlan(one_lunch("1300", "1330"), at(9, 30)))  # the same again: no news
    [changed] = notices(recorder, NoticeKind.PLAN_CHANGED)
    assert changed.notice is not None and changed.notice.text == "Your lunch moved to 13:00."
    clock.advance_to(at(12, 45))
    # The settings' 10:30 break is not in the calendar: the calendar is the plan.
    assert engine.state is State.FOCUS
    clock.advance_to(at(13, 0))
    assert engine.state is State.LONG_BREAK
    assert engine.status().fixed_break.title == "Lunch"
    clock.advance_to(at(14, 0))
    # Only the lunch as it now stands is on record: the 12:30 one moved, it was not missed.
    recorded = {r.planned_start for t in recorder.transitions for r in t.fixed}
    assert recorded == {at(13, 0)}


def test_fixed_breaks_never_reached_are_recorded_as_missed_at_the_shift_end() -> None:
    engine, clock, recorder = start(wfm_settings())
    clock.advance_to(at(10, 29))
    engine.handle(CallStart())
    clock.advance_to(at(11, 0))
    engine.handle(EndShift())
    [missed] = recorder.transitions[-1].fixed
    assert missed.planned_start == at(10, 30)
    assert missed.actual_start is None and missed.actual_end is None


def test_a_lunch_moved_after_its_notice_is_not_recorded_as_missed() -> None:
    settings = wfm_settings()
    settings = replace(settings, plan=replace(settings.plan, calendar="https://wfm.example/a.ics"))
    engine, clock, recorder = start(settings)
    engine.handle(NewPlan(one_lunch("1230", "1300"), at(9)))
    clock.advance_to(at(12, 29))  # "Lunch at 12:30" was said at 12:28
    assert notices(recorder, NoticeKind.FIXED_SOON)
    engine.handle(NewPlan(one_lunch("1300", "1330"), at(12, 29)))
    clock.advance_to(at(14, 0))
    engine.handle(EndShift())
    recorded = {(r.planned_start, r.actual_start) for t in recorder.transitions for r in t.fixed}
    assert recorded == {(at(13, 0), at(13, 0))}


def test_a_break_owed_after_a_call_comes_even_if_the_call_ends_in_sleep() -> None:
    from shiftwell.core.model import Deadline

    engine, clock, _ = start(wfm_settings())
    clock.advance_to(at(10, 25))
    engine.handle(CallStart())
    clock.advance_to(at(10, 31))  # the break waits for the call
    clock.jump_wall(timedelta(minutes=3))  # the laptop slept; it wakes on focus
    engine.handle(Deadline())
    clock.advance(1)
    assert engine.state is State.LONG_BREAK


def test_what_a_new_plan_changed_today_is_one_plain_sentence() -> None:
    from shiftwell.core.fixed_breaks import plan_changes

    settings = wfm_settings()
    before = day_plan(settings, at(0).date(), 1).days[0]
    moved = replace(
        settings,
        plan=replace(settings.plan, breaks=parse_fixed_breaks(["11:00 15m", "12:30 30m lunch"])),
    )
    after = day_plan(moved, at(0).date(), 1).days[0]
    assert plan_changes(before, after, UTC, at(9)) == "Your breaks today: 11:00."
    assert plan_changes(before, before, UTC, at(9)) == ""
    assert plan_changes(before, after, UTC, at(15)) == "No more breaks on your schedule today."
    # What changed before now is no news.
    assert plan_changes(before, after, UTC, at(16)) == ""
    later = replace(
        settings, schedule=replace(settings.schedule, days={0: (Span(time(10), time(18)),)})
    )
    moved_shift = day_plan(later, at(0).date(), 1).days[0]
    assert plan_changes(before, moved_shift, UTC, at(8)) == "Today's shift is now 10:00-18:00."


def test_a_call_through_two_fixed_breaks_owes_only_the_last_and_records_the_first_missed() -> None:
    engine, clock, recorder = start(wfm_settings())
    clock.advance_to(at(10, 20))
    engine.handle(CallStart())
    clock.advance_to(at(12, 35))  # a very long call: 10:30's break and 12:30's lunch came
    engine.handle(CallEnd())
    status = engine.status()
    assert status.fixed_break is not None and status.fixed_break.title == "Lunch"
    records = [r for t in recorder.transitions for r in t.fixed]
    missed = [r for r in records if r.planned_start == at(10, 30)]
    assert missed and missed[-1].actual_start is None


def test_a_calendar_copy_the_reader_trips_on_leaves_the_settings_days_in_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from shiftwell.core import calendar_plan

    def trip(*_args: object, **_kwargs: object) -> object:
        raise TypeError("unexpected value in DTSTART")

    settings = wfm_settings()
    settings = replace(settings, plan=replace(settings.plan, calendar="https://wfm.example/a.ics"))
    engine, clock, _ = start(settings)
    monkeypatch.setattr(calendar_plan, "plan_from_events", trip)
    engine.handle(NewPlan(one_lunch("1300", "1330"), at(9)))
    clock.advance_to(at(10, 31))
    assert engine.state is State.LONG_BREAK  # the settings' 10:30 break
