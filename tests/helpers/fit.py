"""Every Shiftwell window on a small laptop screen: a child Qt process that opens each one as
the app does and reports its geometry against the screen's available area.

Run as `python -m tests.helpers.fit [PICTURES_DIR]` (QT_SCALE_FACTOR and the X display come
from the environment): it prints one JSON object and, given a folder, saves a picture of
each window there. `panel()` makes an X server report a work area without a desktop, as a
window manager with a panel at the foot of the screen does.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

Rect = tuple[int, int, int, int]


@contextmanager
def panel(display_name: str, work_area: Rect) -> Iterator[None]:
    """Announce `work_area` (x, y, width, height) as _NET_WORKAREA, with the window-manager
    check Qt asks for first, for as long as the context lasts."""
    from Xlib import X, Xatom, display

    connection = display.Display(display_name)
    root = connection.screen().root
    check = root.create_window(0, 0, 1, 1, 0, X.CopyFromParent)
    supporting = connection.intern_atom("_NET_SUPPORTING_WM_CHECK")
    for window in (root, check):
        window.change_property(supporting, Xatom.WINDOW, 32, [check.id])
    workarea = connection.intern_atom("_NET_WORKAREA")
    root.change_property(connection.intern_atom("_NET_SUPPORTED"), Xatom.ATOM, 32, [workarea])
    root.change_property(workarea, Xatom.CARDINAL, 32, list(work_area))
    connection.sync()
    try:
        yield
    finally:
        check.destroy()
        connection.close()


# --- the child ---------------------------------------------------------------------------


def _rect(r: Any) -> Rect:
    return (r.x(), r.y(), r.width(), r.height())


def _settle(app: Any) -> None:
    """Let shown windows lay themselves out (a few rounds of posted events)."""
    deadline = time.monotonic() + 0.3
    while time.monotonic() < deadline:
        app.processEvents()


def _measure(window: Any) -> dict[str, Any]:
    hint = window.minimumSizeHint()
    least = window.minimumSize()
    layout = window.layout()
    needed = layout.totalMinimumSize() if layout is not None else hint
    return {
        "frame": _rect(window.frameGeometry()),
        "geometry": _rect(window.geometry()),
        "minimum": (
            max(hint.width(), least.width(), needed.width()),
            max(hint.height(), least.height(), needed.height()),
        ),
    }


def _child(pictures: Path | None) -> int:
    from PySide6.QtWidgets import QApplication

    from shiftwell.ui.style import apply_style

    app = QApplication([sys.argv[0]])
    app.setApplicationName("Shiftwell")
    apply_style(app)
    screen = app.primaryScreen()
    report: dict[str, Any] = {
        "screen": _rect(screen.geometry()),
        "available": _rect(screen.availableGeometry()),
        "ratio": screen.devicePixelRatio(),
        "windows": {},
    }
    with tempfile.TemporaryDirectory(prefix="shiftwell-fit-") as scratch:
        for name, build in _windows(Path(scratch)):
            shown, close = build()
            _settle(app)
            report["windows"][name] = _measure(shown)
            if pictures is not None:
                pictures.mkdir(parents=True, exist_ok=True)
                shown.grab().save(str(pictures / f"{name}.png"))
            close()
            _settle(app)
    print(json.dumps(report), flush=True)
    return 0


Build = Callable[[], tuple[Any, Callable[[], object]]]


def _windows(scratch: Path) -> list[tuple[str, Build]]:
    return [
        ("stats", lambda: _stats(scratch)),
        ("settings", _settings),
        ("checkin", _checkin),
        ("status", _status),
        ("popup", _popup),
        ("break", _break),
        ("logoff", lambda: _logoff(panel_open=False)),
        ("logoff-more-time", lambda: _logoff(panel_open=True)),
    ]


def _stats(scratch: Path) -> tuple[Any, Callable[[], object]]:
    from shiftwell.report.files import WeekExporter
    from shiftwell.storage.stats import WeekRows, week_figures
    from shiftwell.ui.palette import LIGHT
    from shiftwell.ui.review.window import StatsWindow
    from tests.helpers.seed import (
        BERLIN,
        Seeder,
        create_database,
        seed_fixed_breaks,
        seed_reference_fortnight,
    )

    engine = create_database(scratch / "shiftwell.sqlite3")
    seed_reference_fortnight(Seeder(engine))
    seed_fixed_breaks(Seeder(engine))  # the fullest review: with the fixed breaks' cards
    window = StatsWindow(
        lambda week: week_figures(engine, week, BERLIN, timedelta(hours=2)),
        files=WeekExporter(WeekRows(engine, BERLIN)),
        today=lambda: date(2026, 11, 29),
        palette=LIGHT,
    )
    window.bring_up()

    def close() -> None:
        window.close()
        window.deleteLater()
        engine.dispose()

    return window, close


def _settings() -> tuple[Any, Callable[[], object]]:
    from shiftwell.core.settings import Settings
    from shiftwell.ui.palette import LIGHT
    from shiftwell.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(
        Settings(), frozenset(), None, start_command=["shiftwell"], palette=LIGHT
    )
    dialog.show()
    return dialog, dialog.close


def _checkin() -> tuple[Any, Callable[[], object]]:
    from shiftwell.ui.checkin.checkin import CheckInDialog

    dialog = CheckInDialog()
    dialog.show()

    def close() -> None:
        dialog.hide()
        dialog.deleteLater()

    return dialog, close


def _status() -> tuple[Any, Callable[[], object]]:
    from shiftwell.ui.tray.status_window import StatusWindow
    from shiftwell.ui.tray.tray import TrayMenu

    nothing: Callable[[], None] = lambda: None  # noqa: E731
    menu = TrayMenu(
        lambda _command, _request: None,
        dict.fromkeys(("overtime", "stats", "settings", "quit"), nothing),
    )
    window = StatusWindow(menu)
    window.sync()
    window.show()
    return window, window.close


def _popup() -> tuple[Any, Callable[[], object]]:
    from shiftwell.ui.notices.popup import Popup

    popup = Popup()
    popup.announce(
        "Your shift ends in 1 min",
        "In a minute Shiftwell shows the log-off screen and runs “lock-screen --now”.",
        60_000,
    )
    return popup, popup.hide


def _break() -> tuple[Any, Callable[[], object]]:
    from shiftwell.ui.breaks.overlay import BreakOverlay, BreakView

    overlay = BreakOverlay(time.monotonic)
    overlay.show_break(
        BreakView(
            title="Long break",
            ends_at=time.monotonic() + 600,
            idea="Stand up, walk to a window and let your eyes rest on something far away.",
            can_skip=True,
            can_postpone=True,
            postpone_label="Postpone 5 min (3 left)",
            skip_available_at=None,
            note="",
        )
    )
    [window] = overlay.windows
    return window, overlay.close_all


def _logoff(*, panel_open: bool) -> tuple[Any, Callable[[], object]]:
    from shiftwell.ui.logoff.logoff_screen import LogoffScreen, LogoffView

    screen = LogoffScreen()
    screen.show_logoff(
        LogoffView(
            headline="Your shift is over — log off",
            summary=(
                "Focus time: 6 h 44 min",
                "5 breaks kept, 1 away from the desk",
                "Breaks skipped: 1 · postponed: 2",
            ),
            can_dismiss=True,
            can_overtime=True,
            overtime_note=(
                "Overtime left this week: 1 h 20 min of 2 h 00 min. "
                "Every grant is recorded with its reason."
            ),
            quick_reasons=("Escalated customer", "Handover", "System outage", "Queue backlog"),
            week_over=True,
        )
    )
    [window] = screen.windows
    if panel_open:
        window.open_panel()
    return window, screen.close_all


if __name__ == "__main__":
    sys.exit(_child(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
