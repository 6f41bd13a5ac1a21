"""A contact-centre day planned by workforce management, from the engine into the database:
09:00-17:30 with breaks at 10:30 and 15:15 and lunch at 12:30, a call that runs over the
afternoon break's minute, and the breaks after focus time keeping clear of the fixed ones."""

from __future__ import annotations

import itertools
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from shiftwell.core.clock import ManualClock
from shiftwell.core.engine import Engine
from shiftwell.core.model import CallEnd, CallStart, NoticeKind, SegmentKind, State
from shiftwell.core.plan import parse_fixed_breaks
from shiftwell.core.schedule import Span, WeeklySchedule
from shiftwell.core.settings import BreakMode, BreakPolicy, PlanSettings, Settings
from tests.helpers.engine import Recorder
from tests.helpers.stored import StoredRepository

MADRID = ZoneInfo("Europe/Madrid")
MONDAY = date(2026, 11, 23)


def local(hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime.combine(MONDAY, time(hour, minute, second), MADRID).astimezone(UTC)


def test_a_wfm_day_keeps_every_fixed_break_and_records_how_late_each_started(
    tmp_path: Path,
) -> None:
    shift = (Span(time(9), time(17, 30)),)
    settings = Settings(
        schedule=WeeklySchedule(tz=MADRID, days={d: shift if d < 5 else () for d in range(7)}),
        plan=PlanSettings(breaks=parse_fixed_breaks(["10:30 15m", "12:30 30m lunch", "15:15 15m"])),
        breaks=BreakPolicy(mode=BreakMode.BOTH),
    )
    path = tmp_path / "day.sqlite3"
    clock = ManualClock(local(8, 55))
    recorder = Recorder()
    engine = Engine(settings, clock, [StoredRepository(path), recorder])

    clock.advance_to(local(15, 2))  # the shift starts by itself at 09:00
    engine.handle(CallStart(detected=True))  # the headset goes live
    clock.advance_to(local(15, 20))
    assert engine.state is State.ON_CALL  # 15:15 came: no screen over the call
    engine.handle(CallEnd(detected=True))  # at 15:20: the break starts now, five minutes late
    status = engine.status()
    assert status.fixed_break is not None
    assert status.fixed_break.lateness == timedelta(minutes=5)
    clock.advance_to(local(17, 31))
    assert engine.state is State.LOGGED_OFF

    transitions = recorder.transitions
    fixed_starts = [
        t.at for t in transitions if t.target is State.LONG_BREAK is not t.source and t.fixed
    ]
    assert fixed_starts == [local(10, 30), local(12, 30), local(15, 20)]
    announced = [
        (t.at, t.notice.text)
        for t in transitions
        if t.notice is not None and t.notice.kind is NoticeKind.FIXED_SOON
    ]
    assert announced == [
        (local(10, 28), "Break"),
        (local(12, 28), "Lunch"),
        (local(15, 13), "Break"),  # a notice during the call; the screen waits
    ]
    back_soon = [
        t.at
        for t in transitions
        if t.notice is not None and t.notice.kind is NoticeKind.FIXED_ENDING
    ]
    assert back_soon == [local(10, 44), local(12, 59), local(15, 34)]

    # Breaks after focus time still come, but none ends within 10 minutes of a fixed break
    # or falls inside one, and their count starts over when a fixed break ends.
    interval = [
        (t.opened.actual_start, t.opened.planned_end)
        for t in transitions
        if t.opened is not None
        and t.opened.kind in (SegmentKind.MICRO_BREAK, SegmentKind.LONG_BREAK)
        and not t.fixed
    ]
    assert interval
    windows = [
        (local(10, 30), local(10, 45)),
        (local(12, 30), local(13, 0)),
        (local(15, 15), local(15, 35)),
    ]
    for start, end in interval:
        assert end is not None
        for fixed_start, fixed_end in windows:
            assert end <= fixed_start - timedelta(minutes=10) or start >= fixed_end
    assert (local(11, 5), local(11, 5, 20)) in interval  # 20 minutes after the 10:45 end

    # The database holds the adherence: planned and actual times of each fixed break.
    with closing(sqlite3.connect(path)) as connection:
        stored = connection.execute(
            "SELECT kind, planned_start, actual_start, actual_end FROM fixed_break "
            "ORDER BY planned_start"
        ).fetchall()

    def text(moment: datetime) -> str:
        return moment.replace(tzinfo=None).isoformat(" ", "microseconds")

    assert stored == [
        ("break", text(local(10, 30)), text(local(10, 30)), text(local(10, 45))),
        ("lunch", text(local(12, 30)), text(local(12, 30)), text(local(13, 0))),
        ("break", text(local(15, 15)), text(local(15, 20)), text(local(15, 35))),
    ]
    # Nothing overlaps in the record, and no break segment lies inside the call.
    with closing(sqlite3.connect(path)) as connection:
        segments = connection.execute(
            "SELECT kind, actual_start, actual_end FROM segment ORDER BY actual_start"
        ).fetchall()
    for before, after in itertools.pairwise(segments):
        assert before[2] <= after[1]
    call = (text(local(15, 2)), text(local(15, 20)))
    assert not [s for s in segments if "break" in s[0] and call[0] <= s[1] < call[1]]
