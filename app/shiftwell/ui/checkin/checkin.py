"""A small "How are you doing?" window: a score from 1 to 5, a word if you like, or Skip.

It does not take the keyboard when it appears — someone typing a number into a ticket must
not answer it by accident — so digits pick a score only once the window has been clicked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from shiftwell.core.i18n import marked
from shiftwell.ui.breaks.screens import button, label
from shiftwell.ui.i18n import _t

SCORES: tuple[tuple[int, str], ...] = (
    (1, marked("Drained")),
    (2, marked("Tired")),
    (3, marked("Okay")),
    (4, marked("Good")),
    (5, marked("Great")),
)
_DIGITS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4, Qt.Key.Key_5: 5}
_MAX_WORD = 40


class CheckInDialog(QWidget):
    answered = Signal(object, str)  # (score 1 to 5, or None when skipped; the word typed)

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("checkInDialog")
        self.setProperty("shiftwell", "dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowTitle(self.tr("Shiftwell — check-in"))
        self.setAccessibleName(self.tr("Shiftwell check-in: how are you doing?"))
        self.question = label("dialogTitle", self.tr("Question"), self.tr("How are you doing?"))
        self.explain = label(
            "dialogNote",
            self.tr("About this question"),
            self.tr("Only you see this. Keys 1 to 5 answer, Esc skips."),
        )
        self.score_buttons: list[QPushButton] = []
        scores = QHBoxLayout()
        scores.setSpacing(8)
        for score, english in SCORES:
            word = _t(english)
            pick = button(f"{score}\n{word}", "scoreButton", f"{score}, {word}")
            pick.setToolTip(self.tr("Press {key}").format(key=score))
            pick.clicked.connect(lambda _=False, value=score: self.answer(value))
            scores.addWidget(pick)
            self.score_buttons.append(pick)
        self.word = QLineEdit()
        self.word.setObjectName("wordField")
        self.word.setAccessibleName(self.tr("In a word (optional)"))
        self.word.setPlaceholderText(self.tr("In a word (optional)"))
        self.word.setMaxLength(_MAX_WORD)
        self.skip_button = button(self.tr("Skip"), "quietButton", self.tr("Skip the check-in"))
        self.skip_button.clicked.connect(self.skip)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(self.question)
        layout.addWidget(self.explain)
        layout.addSpacing(4)
        layout.addWidget(self.word)
        layout.addLayout(scores)
        footer = QHBoxLayout()
        footer.addStretch()
        footer.addWidget(self.skip_button)
        layout.addLayout(footer)
        self._done = False

    def answer(self, score: int | None) -> None:
        """Send the answer once per showing, then get out of the way."""
        if self._done:
            return
        self._done = True
        self.answered.emit(score, self.word.text().strip())
        self.hide()

    def skip(self) -> None:
        self.answer(None)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        if not event.spontaneous():
            # A fresh question each time the shell shows it.
            self._done = False
            self.word.clear()
        super().showEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        # The word field keeps its own digits; these keys reach us only from elsewhere.
        if key in _DIGITS:
            self.answer(_DIGITS[Qt.Key(key)])
        elif key == Qt.Key.Key_Escape:
            self.skip()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton) and focused.isEnabled():
                focused.click()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        # Closing the window is a skip: the question is answered either way.
        if not self._done:
            self._done = True
            self.answered.emit(None, self.word.text().strip())
        super().closeEvent(event)
