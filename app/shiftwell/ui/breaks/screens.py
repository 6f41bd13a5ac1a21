"""Windows that cover every screen: one per QScreen, following screens as they come and go.

A cover is not dismissed by accident: Escape and window-manager closes (Alt+F4) become
signals for the owner to judge, and only the owner's `release()` really closes a window.
Buttons never get the keyboard focus by themselves — someone typing when a cover appears
must not press one with Enter — so Tab first, then Enter (or Space) activates.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QCursor, QGuiApplication, QKeyEvent, QPaintEvent, QScreen
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from shiftwell.core.model import State
from shiftwell.ui.tray.icons import state_pixmap

log = logging.getLogger(__name__)

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Screens shorter than this (in Qt's scaled pixels) get narrower margins around a cover.
_SHORT_SCREEN = 700


def button(text: str, name: str, accessible: str | None = None) -> QPushButton:
    """A button reached by Tab or a click, never focused by showing its window."""
    push = QPushButton(text)
    push.setObjectName(name)
    push.setAccessibleName(accessible or text)
    push.setAutoDefault(False)
    push.setCursor(Qt.CursorShape.PointingHandCursor)
    return push


def label(name: str, accessible: str, text: str = "") -> QLabel:
    """Centred text for a cover or dialog; `name` is its style in style.qss."""
    widget = QLabel(text)
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return widget


def glyph(state: State, size: int, ratio: float) -> QLabel:
    """The tray icon's picture for `state`, large: ties the screen to the icon in the panel."""
    pixmap = state_pixmap(state, None, round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    widget = QLabel()
    widget.setObjectName("coverGlyph")
    widget.setPixmap(pixmap)
    widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    # Decoration only: screen readers skip it.
    widget.setAccessibleName("")
    return widget


def gap(layout: QBoxLayout, height: int) -> None:
    """Room between parts of a cover: `height` where the screen has it, less on a short one."""
    layout.addItem(QSpacerItem(0, height, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred))


class CoverWindow(QWidget):
    """A frameless, always-on-top window over one whole screen."""

    escape_pressed = Signal()
    close_attempted = Signal()

    def __init__(self, screen: QScreen, name: str, accessible_name: str) -> None:
        super().__init__(
            None,
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint,
        )
        self.setObjectName(name)
        self.setAccessibleName(accessible_name)
        self.setWindowTitle(accessible_name)
        self.setProperty("shiftwell", "cover")
        # Lets the stylesheet paint this plain QWidget's background.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        # The window itself holds the focus until the user tabs to a button.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.cover_screen = screen
        self._released = False
        self._reported: tuple[str, int, int] | None = None

    def place(self) -> None:
        """Put the window on its screen, sized to the whole of it."""
        self.setScreen(self.cover_screen)
        self.setGeometry(self.cover_screen.geometry())

    def fit(self, geometry: QRect) -> None:
        self.setGeometry(geometry)

    def set_content(self, column: QWidget, footer: QWidget) -> None:
        """`column` in the middle of the screen (a little above centre), `footer` at the foot."""
        outer = QVBoxLayout(self)
        # A short screen (a laptop at 125 %) keeps its height for the content.
        short = self.cover_screen.geometry().height() < _SHORT_SCREEN
        outer.setContentsMargins(*((32, 20, 32, 16) if short else (48, 48, 48, 40)))
        outer.addStretch(3)
        middle = QHBoxLayout()
        middle.addStretch()
        middle.addWidget(column, 1)
        middle.addStretch()
        outer.addLayout(middle)
        outer.addStretch(4)
        outer.addWidget(footer)

    def release(self) -> None:
        """Close for real (the owner's decision) and delete the window."""
        self._released = True
        self.close()
        self.deleteLater()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
        elif key in _ENTER_KEYS:
            focused = self.focusWidget()
            if isinstance(focused, QPushButton) and focused.isVisible() and focused.isEnabled():
                focused.click()
        # Every other key stops here: keystrokes meant for the app behind do nothing.
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        # Where the window really is once it is drawn, as the window system says (on Wayland
        # only the compositor places windows): one line per change, for multi-screen reports.
        placed = (self.screen().name(), self.width(), self.height())
        if placed != self._reported:
            self._reported = placed
            log.info(
                "%s for screen %s is %dx%d on screen %s",
                self.objectName(),
                self.cover_screen.name(),
                self.width(),
                self.height(),
                placed[0],
            )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self._released:
            event.accept()
            return
        event.ignore()
        self.close_attempted.emit()


class ScreenCover(QObject):
    """Keeps one window (made by `make_window`) on every screen while shown."""

    def __init__(self, make_window: Callable[[QScreen], CoverWindow]) -> None:
        super().__init__()
        self._make_window = make_window
        self._windows: dict[QScreen, CoverWindow] = {}
        self._shown = False

    @property
    def shown(self) -> bool:
        return self._shown

    @property
    def windows(self) -> list[CoverWindow]:
        """The windows in the order of QGuiApplication.screens()."""
        order = {screen: index for index, screen in enumerate(QGuiApplication.screens())}
        return sorted(self._windows.values(), key=lambda w: order.get(w.cover_screen, len(order)))

    def show(self) -> None:
        if not self._shown:
            self._shown = True
            app = _gui_app()
            app.screenAdded.connect(self._on_screen_added)
            app.screenRemoved.connect(self._on_screen_removed)
            app.installEventFilter(self)
        for screen in QGuiApplication.screens():
            if screen not in self._windows:
                self._add(screen)
        self._activate()

    def close_all(self) -> None:
        if self._shown:
            self._shown = False
            app = _gui_app()
            app.screenAdded.disconnect(self._on_screen_added)
            app.screenRemoved.disconnect(self._on_screen_removed)
            app.removeEventFilter(self)
        while self._windows:
            _, window = self._windows.popitem()
            window.release()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        # Quitting closes every window first, and a window that refuses would cancel the
        # quit: when the app itself quits (tray menu, SIGTERM), the covers go quietly.
        if watched is QCoreApplication.instance() and event.type() == QEvent.Type.Quit:
            self.close_all()
        return False

    def _add(self, screen: QScreen) -> None:
        window = self._make_window(screen)
        self._windows[screen] = window
        screen.geometryChanged.connect(window.fit)
        window.place()
        window.showFullScreen()
        window.raise_()

    def _activate(self) -> None:
        """Give the keyboard to the window the user is looking at (under the pointer)."""
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        window = self._windows.get(screen) if screen is not None else None
        if window is None and self._windows:
            window = self.windows[0]
        if window is not None:
            window.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
            window.activateWindow()

    def _on_screen_added(self, screen: QScreen) -> None:
        if self._shown and screen not in self._windows:
            self._add(screen)

    def _on_screen_removed(self, screen: QScreen) -> None:
        window = self._windows.pop(screen, None)
        if window is not None:
            window.release()


def _gui_app() -> QGuiApplication:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("screen covers need a running QApplication")
    return app
