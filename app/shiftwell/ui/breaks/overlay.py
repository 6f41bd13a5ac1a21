"""The break screen: a calm full-screen window on every screen while a break is on.

It shows what the shell hands it (a BreakView) and forwards Skip / Postpone; whether those
are offered at all comes in the view. It never closes itself: when the time is up the engine
moves on and the shell calls `close_all()`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from shiftwell.core.i18n import marked
from shiftwell.core.model import State
from shiftwell.ui.breaks.screens import CoverWindow, ScreenCover, button, gap, glyph, label
from shiftwell.ui.i18n import _t

CLOSES_BY_ITSELF = marked("This screen closes by itself when the break is over.")
_PROGRESS_STEPS = 1000


@dataclass(frozen=True)
class BreakView:
    title: str
    ends_at: float  # monotonic seconds
    idea: str
    can_skip: bool
    can_postpone: bool
    postpone_label: str
    skip_available_at: float | None  # monotonic seconds; None: at once
    note: str = ""


def clock_face(seconds: float) -> str:
    """`09:05` (minutes:seconds, rounded up so `00:00` means over); `1:02:03` past an hour."""
    whole = max(0, math.ceil(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class BreakWindow(CoverWindow):
    def __init__(self, screen: QScreen) -> None:
        super().__init__(screen, "breakOverlay", self.tr("Shiftwell break"))
        self.title = label("coverTitle", self.tr("Break"))
        self.countdown = label("breakCountdown", self.tr("Time left"))
        self.progress = QProgressBar()
        self.progress.setObjectName("breakProgress")
        self.progress.setAccessibleName(self.tr("Time left in the break"))
        self.progress.setRange(0, _PROGRESS_STEPS)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(320)
        self.idea = label("coverBody", self.tr("Break idea"))
        self.idea.setWordWrap(True)
        self.note = label("coverNote", self.tr("Note"))
        self.note.setWordWrap(True)
        self.postpone = button(self.tr("Postpone"), "coverButton")
        self.skip = button(self.tr("Skip this break"), "coverButton")
        # Their room is kept while they wait to be offered: the screen does not jump when
        # they appear a few seconds into the break.
        for waiting in (self.postpone, self.skip):
            policy = waiting.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            waiting.setSizePolicy(policy)
        self.hint = label("coverHint", self.tr("Hint"))
        self.hint.setText(_t(CLOSES_BY_ITSELF))

        column = QWidget()
        column.setObjectName("coverColumn")
        column.setMaximumWidth(720)
        layout = QVBoxLayout(column)
        layout.setSpacing(0)
        layout.addWidget(glyph(State.LONG_BREAK, 40, screen.devicePixelRatio()))
        gap(layout, 12)
        layout.addWidget(self.title)
        gap(layout, 8)
        layout.addWidget(self.countdown)
        gap(layout, 12)
        layout.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        gap(layout, 48)
        layout.addWidget(self.idea)
        gap(layout, 16)
        layout.addWidget(self.note)
        gap(layout, 40)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addStretch()
        row.addWidget(self.postpone)
        row.addWidget(self.skip)
        row.addStretch()
        layout.addLayout(row)
        self.set_content(column, self.hint)

    def show_view(self, view: BreakView, now: float, total: float) -> None:
        left = max(0.0, view.ends_at - now)
        self.title.setText(view.title)
        self.countdown.setText(clock_face(left))
        self.countdown.setAccessibleDescription(
            self.tr("{time} left").format(time=clock_face(left))
        )
        self.progress.setValue(round(_PROGRESS_STEPS * left / total) if total > 0 else 0)
        self.idea.setText(view.idea)
        self.note.setText(view.note)
        self.note.setVisible(bool(view.note))
        # The delay is the view's: the window only compares its clock with the given time.
        available = view.skip_available_at is None or now >= view.skip_available_at
        self.postpone.setText(view.postpone_label)
        self.postpone.setAccessibleName(view.postpone_label)
        self.postpone.setVisible(view.can_postpone and available)
        self.skip.setVisible(view.can_skip and available)


class BreakOverlay(QObject):
    skip_requested = Signal()
    postpone_requested = Signal()

    def __init__(self, monotonic: Callable[[], float]) -> None:
        super().__init__()
        self._monotonic = monotonic
        self._view: BreakView | None = None
        self._total = 0.0
        self._cover = ScreenCover(self._make_window)
        # Ticks just after each whole second of the countdown, and only while shown.
        self.ticker = QTimer(self)
        self.ticker.setSingleShot(True)
        self.ticker.setTimerType(Qt.TimerType.PreciseTimer)
        self.ticker.timeout.connect(self.tick)

    @property
    def view(self) -> BreakView | None:
        return self._view

    @property
    def windows(self) -> list[BreakWindow]:
        return [w for w in self._cover.windows if isinstance(w, BreakWindow)]

    def show_break(self, view: BreakView) -> None:
        self._view = view
        self._total = max(0.0, view.ends_at - self._monotonic())
        self._cover.show()
        self.tick()

    def update_view(self, view: BreakView) -> None:
        self._view = view
        if self._cover.shown:
            self._total = max(self._total, view.ends_at - self._monotonic())
            self.tick()

    def close_all(self) -> None:
        self.ticker.stop()
        self._cover.close_all()

    def tick(self) -> None:
        if self._view is None or not self._cover.shown:
            return
        now = self._monotonic()
        for window in self.windows:
            window.show_view(self._view, now, self._total)
        left = self._view.ends_at - now
        # Wake when the shown second changes (or the skip delay ends), at most 1 s away.
        fraction = (left - math.floor(left) if left > 0 else 0.0) or 1.0
        self.ticker.start(min(1000, max(20, round(fraction * 1000) + 20)))

    def _make_window(self, screen: QScreen) -> BreakWindow:
        window = BreakWindow(screen)
        window.skip.clicked.connect(self.skip_requested)
        window.postpone.clicked.connect(self.postpone_requested)
        if self._view is not None:
            window.show_view(self._view, self._monotonic(), self._total)
        return window
