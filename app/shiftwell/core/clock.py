"""The one source of time for the core.

The core never reads the system clock or sleeps: it asks a `Clock`. Production uses a
Qt-backed clock; tests and simulations use `ManualClock`, which runs a week in milliseconds.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol


class TimerHandle(Protocol):
    """Opaque token returned by `Clock.call_later`."""


class Clock(Protocol):
    def now(self) -> datetime:
        """Wall time, timezone-aware UTC."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps; only differences are meaningful."""
        ...

    def call_later(self, delay: float, callback: Callable[[], None]) -> TimerHandle:
        """Run `callback` once, `delay` seconds from now (monotonic)."""
        ...

    def cancel(self, handle: TimerHandle) -> None: ...


@dataclass(order=True)
class _Scheduled:
    due: float
    seq: int
    callback: Callable[[], None] = field(compare=False)
    cancelled: bool = field(default=False, compare=False)


class ManualClock:
    """A clock that moves only when told to, in the style of Twisted's `task.Clock`."""

    def __init__(self, start: datetime, monotonic_start: float = 1000.0) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware start time")
        self._wall = start.astimezone(UTC)
        self._mono = monotonic_start
        self._queue: list[_Scheduled] = []
        self._seq = itertools.count()

    def now(self) -> datetime:
        return self._wall

    def monotonic(self) -> float:
        return self._mono

    def call_later(self, delay: float, callback: Callable[[], None]) -> TimerHandle:
        item = _Scheduled(self._mono + max(0.0, delay), next(self._seq), callback)
        heapq.heappush(self._queue, item)
        return item

    def cancel(self, handle: TimerHandle) -> None:
        if isinstance(handle, _Scheduled):
            handle.cancelled = True

    @property
    def pending(self) -> int:
        return sum(1 for item in self._queue if not item.cancelled)

    def next_due(self) -> float | None:
        """Monotonic time of the next pending callback, if any."""
        self._drop_cancelled()
        return self._queue[0].due if self._queue else None

    def advance(self, seconds: float) -> None:
        """Move both clocks forward, running every callback that falls due on the way."""
        if seconds < 0:
            raise ValueError("time only moves forward; use jump_wall for wall-clock jumps")
        target = self._mono + seconds
        while True:
            self._drop_cancelled()
            if not self._queue or self._queue[0].due > target:
                break
            item = heapq.heappop(self._queue)
            self._move_to(item.due)
            item.callback()
        self._move_to(target)

    def advance_to(self, when: datetime) -> None:
        self.advance((when - self._wall).total_seconds())

    def jump_wall(self, delta: timedelta) -> None:
        """Change the wall clock alone, as NTP, a user or a time-zone change does."""
        self._wall += delta

    def _move_to(self, mono: float) -> None:
        if mono > self._mono:
            self._wall += timedelta(seconds=mono - self._mono)
            self._mono = mono

    def _drop_cancelled(self) -> None:
        while self._queue and self._queue[0].cancelled:
            heapq.heappop(self._queue)
