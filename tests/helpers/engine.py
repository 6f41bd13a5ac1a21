"""Builders for engine tests: a manual clock at a fixed start and a transition recorder."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from shiftwell.core.clock import ManualClock
from shiftwell.core.engine import Engine
from shiftwell.core.model import Transition
from shiftwell.core.settings import Settings

MONDAY_9AM = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@dataclass
class Recorder:
    transitions: list[Transition] = field(default_factory=list)

    def __call__(self, transition: Transition) -> None:
        self.transitions.append(transition)

    def pairs(self) -> list[tuple[str, str]]:
        return [(t.source.value, t.target.value) for t in self.transitions]


def make_engine(
    settings: Settings | None = None, start: datetime = MONDAY_9AM
) -> tuple[Engine, ManualClock, Recorder]:
    clock = ManualClock(start)
    recorder = Recorder()
    engine = Engine(settings or Settings(), clock, [recorder])
    return engine, clock, recorder
