"""Fakes for idle detection and call detection."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class FakeIdleMonitor:
    """Answers whatever `idle` holds (None: cannot tell); set it to move the user's idle time."""

    name: str = "fake"
    idle: float | None = 0.0
    closed: bool = False

    def idle_seconds(self) -> float | None:
        return self.idle

    def close(self) -> None:
        self.closed = True


@dataclass
class FakeIdleEvents:
    """Keeps the one pending request; `fire()` is the desktop saying it happened."""

    requests: list[float | None] = field(default_factory=list)
    pending: Callable[[], None] | None = None
    closed: bool = False

    def notify(self, idle_after: float | None, on_change: Callable[[], None]) -> None:
        self.requests.append(idle_after)
        self.pending = on_change

    def cancel(self) -> None:
        self.pending = None

    def close(self) -> None:
        self.closed = True

    def fire(self) -> None:
        on_change, self.pending = self.pending, None
        assert on_change is not None, "nothing was asked for"
        on_change()


@dataclass
class FakeCallDetector:
    """Answers whatever `in_use` holds (None: cannot tell)."""

    in_use: bool | None = False

    def microphone_in_use(self) -> bool | None:
        return self.in_use


def fake_program(directory: Path, name: str, script: str) -> Path:
    """Writes an executable shell script `name` into `directory` (put that dir on PATH)."""
    directory.mkdir(parents=True, exist_ok=True)
    program = directory / name
    program.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    program.chmod(0o755)
    return program
