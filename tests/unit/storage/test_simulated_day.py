"""A customer-service day with time away and calls, from the engine into the database."""

from __future__ import annotations

import itertools
from pathlib import Path

from shiftwell.core.model import BreakKind, BreakNow, CallEnd, CallStart, Idle, StartShift
from tests.helpers.engine import make_engine
from tests.helpers.stored import StoredRepository

MIN = 60.0


def test_time_away_and_calls_are_recorded_as_natural_and_deferred_breaks(tmp_path: Path) -> None:
    engine, clock, _ = make_engine()
    repository = StoredRepository(tmp_path / "day.sqlite3")
    engine.add_listener(repository)
    engine.handle(StartShift())

    clock.advance(10 * MIN)
    engine.handle(Idle(12 * MIN))  # no input for 12 min: away since the shift began
    clock.advance(MIN)
    engine.handle(Idle(5))  # back
    clock.advance(18 * MIN)  # focus again, a micro break due in ~2 minutes
    engine.handle(CallStart(detected=True))  # the headset goes live
    clock.advance(25 * MIN)  # a long call: no break pops up over it
    engine.handle(CallEnd(detected=True))
    clock.advance(30 + 20)  # the deferred micro break comes after the grace, and ends
    engine.handle(BreakNow(BreakKind.LONG))
    clock.advance(2 * MIN)
    engine.handle(CallStart())  # a customer calls back during the long break
    clock.advance(8 * MIN)
    engine.handle(CallEnd())
    clock.advance(30 + 10 * MIN)  # the long break comes back and is kept

    rows = [(s.kind, s.outcome) for s in repository.segments()]
    assert ("away", "natural") in rows
    assert rows.count(("long_break", "deferred")) == 1
    assert rows.count(("long_break", "completed")) == 1
    assert rows.count(("micro_break", "completed")) == 1
    away = next(s for s in repository.segments() if s.kind == "away")
    assert away.actual_end is not None
    # Away from the start of the shift (no earlier than it) until the first input, 5 s ago.
    assert (away.actual_end - away.actual_start).total_seconds() == 11 * MIN - 5
    details = [t.detail for t in repository.transitions()]
    assert any(d.startswith("call noticed (microphone in use)") for d in details)
    assert any("long break deferred" in d for d in details)
    # Nothing overlaps, and the day adds up.
    segments = sorted(repository.segments(), key=lambda s: s.actual_start)
    for before, after in itertools.pairwise(segments):
        assert before.actual_end is not None and before.actual_end <= after.actual_start
