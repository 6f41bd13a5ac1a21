"""The calendar field's "Check" button: fetch the calendar as typed and show the next three
days as Shiftwell would apply them (the same text as `shiftwell schedule`), or one sentence
saying why it can't.

The fetch can take seconds (a slow server waits out its timeout), so it runs on a plain
thread; the result comes back to the dialog's thread by a queued signal. A dialog closed
meanwhile drops the late result.
"""

from __future__ import annotations

import contextlib
import threading
from datetime import datetime

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shiftwell.core.settings import Settings
from shiftwell.platform.calendar_feed import shown_source
from shiftwell.platform.coming_days import CHECK_TIMEOUT, CalendarCheck, check_calendar
from shiftwell.ui.settings.fields import Field

_SHOWN_LINES = 9  # three working days with a lunch and two breaks each, near enough


class CalendarChecker(QObject):
    """Runs `check_calendar` off the UI thread; `finished` brings its result back."""

    finished = Signal(object)  # CalendarCheck

    def __init__(self, parent: QObject | None = None, *, timeout: float = CHECK_TIMEOUT) -> None:
        super().__init__(parent)
        self.timeout = timeout
        self.worker: threading.Thread | None = None

    def start(self, settings: Settings, now: datetime) -> None:
        self.worker = threading.Thread(
            target=self._run, args=(settings, now), name="calendar-check", daemon=True
        )
        self.worker.start()

    def _run(self, settings: Settings, now: datetime) -> None:
        result = check_calendar(settings, now, timeout=self.timeout)
        with contextlib.suppress(RuntimeError):  # the dialog, and this object, are gone
            self.finished.emit(result)


class CalendarCheckPanel(QWidget):
    """The Check button (placed beside the calendar field's editor) and what it found."""

    wanted = Signal()  # the user asks for a check

    def __init__(self, field: Field) -> None:
        super().__init__()
        self.field = field
        self.button = QPushButton(self.tr("Chec&k"))
        self.button.setObjectName("calendarCheck")
        self.button.setAccessibleName(self.tr("Check the calendar"))
        self.button.setToolTip(
            self.tr("Fetch the calendar now and show the next three days as Shiftwell would")
        )
        self.button.clicked.connect(self.wanted.emit)
        self.busy = False
        self._place_beside(field)

        self.status = QLabel()
        self.status.setObjectName("fieldHint")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("Calendar check"))
        self.failure = QLabel()
        self.failure.setObjectName("fieldProblem")
        self.failure.setWordWrap(True)
        self.failure.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.failure.setAccessibleName(self.tr("Calendar check: problem"))
        self.days = QPlainTextEdit()
        self.days.setReadOnly(True)
        self.days.setObjectName("calendarDays")
        self.days.setAccessibleName(self.tr("The next three days from the calendar"))
        self.days.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        metrics = self.days.fontMetrics()
        self.days.setFixedHeight(metrics.lineSpacing() * _SHOWN_LINES + 12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for widget in (self.status, self.failure, self.days):
            layout.addWidget(widget)
            widget.hide()
        self.show_state()

    def _place_beside(self, field: Field) -> None:
        """The button goes on the editor's row, inside the field's cell."""
        cell = field.cell.layout()
        assert isinstance(cell, QVBoxLayout)
        cell.removeWidget(field.editor)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(field.editor, 1)
        row.addWidget(self.button)
        cell.insertLayout(0, row)

    def show_state(self) -> None:
        """The button is there for a calendar that reads as a setting; else it waits."""
        try:
            source = self.field.typed()
        except ValueError:
            source = None
        self.button.setEnabled(source is not None and not self.field.locked and not self.busy)

    def show_checking(self, source: str) -> None:
        self.failure.hide()
        self.days.hide()
        self.status.setText(self.tr("Checking {source}…").format(source=shown_source(source)))
        self.status.show()
        self.busy = True
        self.button.setEnabled(False)

    def show_result(self, result: CalendarCheck) -> None:
        self.busy = False
        self.status.hide()
        if result.ok:
            self.failure.hide()
            self.days.setPlainText(result.text)
            self.days.show()
        else:
            self.days.hide()
            self.failure.setText(result.text)
            self.failure.show()
        self.show_state()
