"""The production clock: system time, and single-shot precise QTimers for deadlines."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Qt, QTimer

# QTimer takes int milliseconds; longer waits are re-armed in steps.
_MAX_STEP_MS = 6 * 3600 * 1000


class _Handle:
    def __init__(self, due: float, callback: Callable[[], None], parent: QObject) -> None:
        self.due = due
        self.callback = callback
        self.timer = QTimer(parent)
        self.timer.setSingleShot(True)
        # Coarse timers may drift by 5 % — minutes on a 50-minute block.
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)


class QtClock(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handles: set[_Handle] = set()

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()

    def call_later(self, delay: float, callback: Callable[[], None]) -> _Handle:
        handle = _Handle(self.monotonic() + max(0.0, delay), callback, self)
        handle.timer.timeout.connect(lambda: self._fire(handle))
        self._handles.add(handle)
        self._arm(handle)
        return handle

    def cancel(self, handle: object) -> None:
        if isinstance(handle, _Handle) and handle in self._handles:
            handle.timer.stop()
            self._discard(handle)

    @property
    def pending(self) -> int:
        return len(self._handles)

    def _arm(self, handle: _Handle) -> None:
        left_ms = max(0, round((handle.due - self.monotonic()) * 1000))
        handle.timer.start(min(left_ms, _MAX_STEP_MS))

    def _fire(self, handle: _Handle) -> None:
        if handle.due - self.monotonic() > 0.001:
            self._arm(handle)  # a long wait, stepped; or an early wake-up
            return
        self._discard(handle)
        handle.callback()

    def _discard(self, handle: _Handle) -> None:
        self._handles.discard(handle)
        handle.timer.deleteLater()
