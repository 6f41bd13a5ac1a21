"""Shiftwell's own small pop-up, for desktops where no notification service answers."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

_MARGIN = 16


class Popup(QWidget):
    def __init__(self) -> None:
        super().__init__(
            None,
            Qt.WindowType.ToolTip
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint,
        )
        self.setObjectName("shiftwellPopup")
        self.setAccessibleName(self.tr("Shiftwell announcement"))
        self.setWindowTitle(self.tr("Shiftwell announcement"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setStyleSheet(
            "#shiftwellPopup { background: #1f2a30; border: 1px solid #3c4a52;"
            " border-radius: 8px; }"
            "QLabel { color: #eef3f5; }"
            "#popupTitle { font-weight: bold; }"
        )
        self.title = QLabel()
        self.title.setObjectName("popupTitle")
        self.body = QLabel()
        self.body.setObjectName("popupBody")
        self.body.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        self.setFixedWidth(340)
        self._hide_timer = QTimer(self, singleShot=True)
        self._hide_timer.timeout.connect(self.hide)

    def announce(
        self, title: str, body: str, timeout_ms: int, below: Sequence[QWidget] = ()
    ) -> None:
        """Show it at the top right of the screen, under the pop-ups in `below`."""
        self.title.setText(title)
        self.body.setText(body)
        self.adjustSize()
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            top = max((w.geometry().bottom() + 1 for w in below), default=area.top())
            top = min(top + _MARGIN, max(area.top(), area.bottom() - self.height()))
            self.move(QPoint(area.right() - self.width() - _MARGIN, top))
        self.show()
        self.raise_()
        self._hide_timer.start(timeout_ms)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        self.hide()
        event.accept()
