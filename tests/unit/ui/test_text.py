from __future__ import annotations

from datetime import UTC

import pytest

from shiftwell.core.model import BreakNow, Pause, StartShift
from shiftwell.core.schedule import WeeklySchedule, parse_spans
from shiftwell.core.settings import Settings
from shiftwell.ui import text
from tests.helpers.engine import make_engine


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (0.2, "1 s"),
        (45, "45 s"),
        (60, "1 min"),
        (61, "2 min"),
        (3600, "1 h 00 min"),
        (3601 + 300, "1 h 06 min"),
    ],
)
def test_span_rounds_up(seconds: float, expected: str) -> None:
    assert text.span(seconds) == expected


def test_headlines_for_each_phase_of_a_shift() -> None:
    engine, clock, _ = make_engine()
    assert text.headline(engine.status(), clock.monotonic()) == (
        "Off shift — start a shift from this menu"
    )
    engine.handle(StartShift())
    clock.advance(8 * 60)
    assert text.headline(engine.status(), clock.monotonic()) == "Focus — micro break in 12 min"
    engine.handle(BreakNow())
    clock.advance(5)
    assert text.headline(engine.status(), clock.monotonic()) == "Micro break — 15 s left"
    clock.advance(15)
    engine.handle(Pause())
    assert text.headline(engine.status(), clock.monotonic()) == "Paused"
    assert text.minutes_left(engine.status(), clock.monotonic()) is None


def test_focus_shows_shift_end_when_it_comes_before_the_next_break() -> None:
    half_hour = WeeklySchedule(UTC, days={0: parse_spans("09:00-09:30")})
    engine, clock, _ = make_engine(Settings(schedule=half_hour))
    engine.handle(StartShift())
    clock.advance(25 * 60)
    status = engine.status()
    assert text.headline(status, clock.monotonic()) == "Wrapping up — shift ends in 5 min"
    assert "Shift ends at" in text.tooltip(status, clock.monotonic())


def test_the_log_off_summary_counts_the_day() -> None:
    from shiftwell.core.engine import Tally

    assert text.summary(Tally(focus_seconds=6 * 3600 + 41 * 60, breaks_kept=9)) == (
        "Focus time: 6 h 41 min",
        "9 breaks kept",
    )
    lines = text.summary(Tally(3000, 1, natural_breaks=2, skipped=1, postponed=2))
    assert lines == (
        "Focus time: 50 min",
        "1 break kept, 2 away from the desk",
        "Breaks skipped: 1 · postponed: 2",
    )
