"""How fast the core runs a year of shifts on a manual clock (target: under 2 s).

Run: .venv/bin/python bench/engine_year.py
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from shiftwell.core.clock import ManualClock
from shiftwell.core.engine import Engine
from shiftwell.core.model import Transition
from shiftwell.core.settings import Settings

DAYS = 7 * 52
WORKDAYS = 5 * 52


def simulate_year() -> tuple[int, float]:
    clock = ManualClock(datetime(2026, 1, 5, 8, 0, tzinfo=UTC))
    count = 0

    def listener(_transition: Transition) -> None:
        nonlocal count
        count += 1

    _engine = Engine(Settings(), clock, [listener])  # the default schedule: Mon to Fri, 9 to 17
    started = time.perf_counter()
    for _ in range(DAYS):
        clock.advance(timedelta(days=1).total_seconds())  # shifts start and end by themselves
    return count, time.perf_counter() - started


def main() -> None:
    transitions, seconds = simulate_year()
    print(
        f"engine: {WORKDAYS} shifts, {transitions} transitions in {seconds:.3f} s "
        f"({transitions / seconds:,.0f} transitions/s; target: year < 2 s)"
    )


if __name__ == "__main__":
    main()
