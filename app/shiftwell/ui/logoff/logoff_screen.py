"""The end of the shift: a full-screen "log off" on every screen, with an account of the day.

Whether it may be closed, and whether overtime may be asked for, comes in the view. Asking
for more time happens on the screen itself (a separate dialog could hide behind it) and
needs a reason; the engine decides whether to grant it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shiftwell.core.model import State
from shiftwell.ui.breaks.screens import CoverWindow, ScreenCover, button, gap, glyph, label

_MAX_REASON = 200


@dataclass(frozen=True)
class LogoffView:
    headline: str
    summary: tuple[str, ...]
    can_dismiss: bool
    can_overtime: bool
    overtime_note: str
    quick_reasons: tuple[str, ...]
    week_over: bool = False  # the week's last shift: the weekly review is offered


class OvertimePanel(QFrame):
    """The reason for more time: a quick pick fills the field, Grant sends what it says."""

    grant = Signal(str)
    cancel = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("overtimePanel")
        self.setAccessibleName(self.tr("Ask for more time"))
        self.prompt = label("panelTitle", self.tr("Question"), self.tr("What still needs doing?"))
        self.note = label("coverNote", self.tr("About overtime"))
        self.note.setWordWrap(True)
        reasons = QWidget()
        self.reasons_row = QHBoxLayout(reasons)
        self.reasons_row.setContentsMargins(0, 0, 0, 0)
        self.reasons_row.setSpacing(8)
        self.reason_buttons: list[QPushButton] = []
        self.reason = QLineEdit()
        self.reason.setObjectName("reasonField")
        self.reason.setAccessibleName(self.tr("Reason for more time"))
        self.reason.setPlaceholderText(self.tr("Or say why in your own words"))
        self.reason.setMaxLength(_MAX_REASON)
        self.reason.setClearButtonEnabled(True)
        self.cancel_button = button(
            self.tr("Cancel"), "coverButton", self.tr("Cancel: no more time")
        )
        self.grant_button = button(self.tr("Grant more time"), "primaryButton")
        self.grant_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(self.prompt)
        layout.addWidget(self.note)
        layout.addWidget(reasons, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.reason)
        actions = QHBoxLayout()
        actions.addStretch()
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.grant_button)
        layout.addLayout(actions)

        self.reason.textChanged.connect(self._on_text)
        self.reason.returnPressed.connect(self._on_grant)
        self.grant_button.clicked.connect(self._on_grant)
        self.cancel_button.clicked.connect(self.cancel)

    def set_choices(self, reasons: tuple[str, ...], note: str) -> None:
        self.note.setText(note)
        self.note.setVisible(bool(note))
        if tuple(pick.text() for pick in self.reason_buttons) == reasons:
            return
        for old in self.reason_buttons:
            self.reasons_row.removeWidget(old)
            old.deleteLater()
        self.reason_buttons = []
        for reason in reasons:
            pick = button(reason, "reasonButton", self.tr("Reason: {reason}").format(reason=reason))
            pick.clicked.connect(lambda _=False, text=reason: self.pick(text))
            self.reasons_row.addWidget(pick)
            self.reason_buttons.append(pick)

    def pick(self, reason: str) -> None:
        self.reason.setText(reason)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_text(self, text: str) -> None:
        self.grant_button.setEnabled(bool(text.strip()))

    def _on_grant(self) -> None:
        reason = self.reason.text().strip()
        if reason:
            self.grant.emit(reason)


class LogoffWindow(CoverWindow):
    def __init__(self, screen: QScreen) -> None:
        super().__init__(screen, "logoffScreen", self.tr("Shiftwell: your shift is over"))
        self.headline = label("coverHeadline", self.tr("Headline"))
        self.headline.setWordWrap(True)
        self.summary = QWidget()
        self.summary.setObjectName("summaryCard")
        self.summary.setAccessibleName(self.tr("Your shift"))
        self.summary_layout = QVBoxLayout(self.summary)
        self.summary_layout.setContentsMargins(28, 20, 28, 20)
        self.summary_layout.setSpacing(6)
        self.summary_lines: list[QLabel] = []
        self.more_time = button(
            self.tr("I need more time…"), "coverButton", self.tr("I need more time")
        )
        self.close_button = button(
            self.tr("Close"), "primaryButton", self.tr("Close the log-off screen")
        )
        self.see_week = button(
            self.tr("See your week"), "coverButton", self.tr("See your week in review")
        )
        self.panel = OvertimePanel()
        self.panel.hide()
        self.hint = label("coverHint", self.tr("Hint"))

        column = QWidget()
        column.setObjectName("coverColumn")
        column.setMaximumWidth(760)
        layout = QVBoxLayout(column)
        layout.setSpacing(0)
        layout.addWidget(glyph(State.LOGGED_OFF, 48, screen.devicePixelRatio()))
        gap(layout, 20)
        layout.addWidget(self.headline)
        gap(layout, 36)
        layout.addWidget(self.summary)
        gap(layout, 36)
        # The actions give way to the panel while it is open: one question at a time.
        self.action_row = QWidget()
        row = QHBoxLayout(self.action_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addStretch()
        row.addWidget(self.see_week)
        row.addWidget(self.more_time)
        row.addWidget(self.close_button)
        row.addStretch()
        layout.addWidget(self.action_row)
        layout.addWidget(self.panel)
        self.set_content(column, self.hint)

        self.more_time.clicked.connect(self.open_panel)
        self.panel.cancel.connect(self.close_panel)

    def show_view(self, view: LogoffView) -> None:
        self.headline.setText(view.headline)
        if tuple(line.text() for line in self.summary_lines) != view.summary:
            for old in self.summary_lines:
                self.summary_layout.removeWidget(old)
                old.deleteLater()
            self.summary_lines = [label("summaryLine", text, text) for text in view.summary]
            for line in self.summary_lines:
                self.summary_layout.addWidget(line)
        self.summary.setVisible(bool(view.summary))
        self.close_button.setVisible(view.can_dismiss)
        self.see_week.setVisible(view.week_over)
        self.panel.set_choices(view.quick_reasons, view.overtime_note)
        if not view.can_overtime:
            self.close_panel()
        self.more_time.setVisible(view.can_overtime)
        self.hint.setText(
            self.tr("Close this screen when you are done for the day.")
            if view.can_dismiss
            else self.tr("This screen stays until you log off.")
        )

    def open_panel(self) -> None:
        self.action_row.hide()
        self.panel.show()
        self.panel.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_panel(self) -> None:
        if self.panel.isHidden():
            return
        self.panel.hide()
        self.panel.reason.clear()
        self.action_row.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)


class LogoffScreen(QObject):
    dismiss_requested = Signal()
    overtime_requested = Signal(str)
    review_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._view: LogoffView | None = None
        self._cover = ScreenCover(self._make_window)

    @property
    def view(self) -> LogoffView | None:
        return self._view

    @property
    def windows(self) -> list[LogoffWindow]:
        return [w for w in self._cover.windows if isinstance(w, LogoffWindow)]

    def show_logoff(self, view: LogoffView) -> None:
        self._view = view
        for window in self.windows:
            window.show_view(view)
        self._cover.show()

    def update_view(self, view: LogoffView) -> None:
        self._view = view
        for window in self.windows:
            window.show_view(view)

    def close_all(self) -> None:
        self._cover.close_all()

    def _make_window(self, screen: QScreen) -> LogoffWindow:
        window = LogoffWindow(screen)
        window.close_button.clicked.connect(self._dismiss)
        window.see_week.clicked.connect(self.review_requested)
        window.escape_pressed.connect(lambda: self._on_escape(window))
        window.close_attempted.connect(self._dismiss)
        window.panel.grant.connect(self.overtime_requested)
        if self._view is not None:
            window.show_view(self._view)
        return window

    def _on_escape(self, window: LogoffWindow) -> None:
        # Escape first folds the reason panel away; with it closed, it means "close".
        if not window.panel.isHidden():
            window.close_panel()
        else:
            self._dismiss()

    def _dismiss(self) -> None:
        if self._view is not None and self._view.can_dismiss:
            self.dismiss_requested.emit()
