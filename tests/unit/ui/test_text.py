from __future__ import annotations

from datetime import timedelta

import pytest

from shiftwell.core.model import BreakNow, Pause, StartShift
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
    engine, clock, _ = make_engine(Settings(shift_length=timedelta(minutes=30)))
    engine.handle(StartShift())
    clock.advance(25 * 60)
    status = engine.status()
    assert text.headline(status, clock.monotonic()) == "Focus — shift ends in 5 min"
    assert "Shift ends at" in text.tooltip(status, clock.monotonic())
