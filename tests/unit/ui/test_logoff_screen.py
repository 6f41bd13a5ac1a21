"""The log-off screen: the day's account, closing only when allowed, asking for more time."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from shiftwell.ui.logoff.logoff_screen import LogoffScreen, LogoffView, LogoffWindow
from tests.helpers.desktop import xvfb
from tests.helpers.screens import Monitors, cover_child, offscreen_platform

REASONS = ("Escalated customer", "Handover", "System outage")


def a_logoff(**changes: object) -> LogoffView:
    fields: dict[str, object] = {
        "headline": "Your shift is over — log off",
        "summary": ("Focus time: 7 h 12 min", "9 breaks kept"),
        "can_dismiss": False,
        "can_overtime": True,
        "overtime_note": "Overtime left this week: 2 h 30 min of 3 h.",
        "quick_reasons": REASONS,
    }
    fields.update(changes)
    return LogoffView(**fields)  # type: ignore[arg-type]


@pytest.fixture
def logoff(qtbot: QtBot) -> Iterator[LogoffScreen]:
    screen = LogoffScreen()
    yield screen
    screen.close_all()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def shown(logoff: LogoffScreen, view: LogoffView) -> LogoffWindow:
    logoff.show_logoff(view)
    [window] = logoff.windows
    return window


def summary_texts(window: LogoffWindow) -> list[str]:
    return [line.text() for line in window.summary_lines]


# --- what it shows -------------------------------------------------------------------------


def test_it_covers_every_screen_with_the_headline_and_the_days_account(
    logoff: LogoffScreen,
) -> None:
    window = shown(logoff, a_logoff())
    [screen] = QGuiApplication.screens()
    assert window.isVisible() and window.geometry() == screen.geometry()
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.headline.text() == "Your shift is over — log off"
    assert summary_texts(window) == ["Focus time: 7 h 12 min", "9 breaks kept"]


@pytest.mark.parametrize(
    ("can_dismiss", "can_overtime", "offered"),
    [
        (True, True, {"I need more time", "Close the log-off screen"}),
        (True, False, {"Close the log-off screen"}),
        (False, True, {"I need more time"}),
        (False, False, set()),
    ],
)
def test_close_and_more_time_are_offered_only_when_the_view_allows(
    logoff: LogoffScreen, can_dismiss: bool, can_overtime: bool, offered: set[str]
) -> None:
    window = shown(logoff, a_logoff(can_dismiss=can_dismiss, can_overtime=can_overtime))
    buttons = (window.close_button, window.more_time)
    assert {b.accessibleName() for b in buttons if b.isVisible()} == offered


def test_update_view_replaces_the_account(logoff: LogoffScreen) -> None:
    window = shown(logoff, a_logoff())
    logoff.update_view(a_logoff(summary=("Focus time: 7 h 40 min",), can_dismiss=True))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert summary_texts(window) == ["Focus time: 7 h 40 min"]
    assert len(window.summary.findChildren(QLabel)) == 1  # the old lines are gone
    assert window.close_button.isVisible()


def test_every_control_and_text_has_an_accessible_name(logoff: LogoffScreen) -> None:
    window = shown(logoff, a_logoff(can_dismiss=True))
    window.open_panel()
    named: list[QWidget] = [*window.findChildren(QPushButton), *window.findChildren(QLineEdit)]
    named += [label for label in window.findChildren(QLabel) if label.pixmap().isNull()]
    assert len(named) >= 12
    for widget in named:
        assert widget.accessibleName(), widget.objectName()


def test_the_weeks_last_log_off_offers_the_weekly_review(
    qtbot: QtBot, logoff: LogoffScreen
) -> None:
    window = shown(logoff, a_logoff())
    assert not window.see_week.isVisible()
    logoff.update_view(a_logoff(week_over=True))
    assert window.see_week.isVisible() and window.see_week.accessibleName()
    with qtbot.wait_signal(logoff.review_requested, timeout=1000):
        QTest.mouseClick(window.see_week, Qt.MouseButton.LeftButton)
    assert window.isVisible()  # the review comes on top; the screen stays


# --- closing: only when allowed, and then only through the shell ----------------------------


def test_when_it_may_not_be_dismissed_escape_and_close_requests_are_ignored(
    qtbot: QtBot, logoff: LogoffScreen
) -> None:
    window = shown(logoff, a_logoff(can_dismiss=False))
    with qtbot.assert_not_emitted(logoff.dismiss_requested):
        QTest.keyClick(window, Qt.Key.Key_Escape)
        assert window.close() is False  # Alt+F4 and the like
        event = QCloseEvent()  # the window manager's close button
        QApplication.sendEvent(window, event)
        assert not event.isAccepted()
    assert window.isVisible()
    assert logoff.windows == [window]


def test_when_it_may_be_dismissed_escape_close_and_the_window_manager_ask_the_shell(
    qtbot: QtBot, logoff: LogoffScreen
) -> None:
    window = shown(logoff, a_logoff(can_dismiss=True))
    with qtbot.wait_signal(logoff.dismiss_requested, timeout=1000):
        QTest.keyClick(window, Qt.Key.Key_Escape)
    with qtbot.wait_signal(logoff.dismiss_requested, timeout=1000):
        QTest.mouseClick(window.close_button, Qt.MouseButton.LeftButton)
    with qtbot.wait_signal(logoff.dismiss_requested, timeout=1000):
        event = QCloseEvent()
        QApplication.sendEvent(window, event)
    assert not event.isAccepted()  # the shell closes it, by calling close_all()
    assert window.isVisible()


def test_close_all_closes_and_deletes_every_window(logoff: LogoffScreen) -> None:
    window = shown(logoff, a_logoff(can_dismiss=False))
    logoff.close_all()
    assert logoff.windows == [] and not window.isVisible()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(window)


def test_keyboard_tab_reaches_the_buttons_and_enter_presses_them(
    qtbot: QtBot, logoff: LogoffScreen
) -> None:
    window = shown(logoff, a_logoff(can_dismiss=True))
    assert not isinstance(window.focusWidget(), QPushButton)
    QTest.keyClick(window, Qt.Key.Key_Tab)
    assert window.focusWidget() is window.more_time
    QTest.keyClick(window, Qt.Key.Key_Tab)
    assert window.focusWidget() is window.close_button
    with qtbot.wait_signal(logoff.dismiss_requested, timeout=1000):
        QTest.keyClick(window, Qt.Key.Key_Return)


# --- asking for more time -----------------------------------------------------------------


def test_more_time_opens_a_panel_on_the_screen_itself(logoff: LogoffScreen) -> None:
    window = shown(logoff, a_logoff())
    assert not window.panel.isVisible()
    window.more_time.click()
    assert window.panel.isVisible()
    assert window.panel.window() is window  # not a dialog that could hide behind the screen
    assert not window.action_row.isVisible()
    assert window.panel.note.text() == "Overtime left this week: 2 h 30 min of 3 h."
    assert [b.text() for b in window.panel.reason_buttons] == list(REASONS)
    assert window.focusWidget() is window.panel.reason
    assert not window.panel.grant_button.isEnabled()


def test_a_quick_pick_fills_in_the_reason_and_grant_sends_it(
    qtbot: QtBot, logoff: LogoffScreen
) -> None:
    window = shown(logoff, a_logoff())
    window.more_time.click()
    QTest.mouseClick(window.panel.reason_buttons[1], Qt.MouseButton.LeftButton)
    assert window.panel.reason.text() == "Handover"
    assert window.panel.grant_button.isEnabled()
    with qtbot.wait_signal(logoff.overtime_requested, timeout=1000) as granted:
        QTest.mouseClick(window.panel.grant_button, Qt.MouseButton.LeftButton)
    assert granted.args == ["Handover"]


def test_grant_needs_a_reason_in_words(qtbot: QtBot, logoff: LogoffScreen) -> None:
    window = shown(logoff, a_logoff())
    window.more_time.click()
    panel = window.panel
    with qtbot.assert_not_emitted(logoff.overtime_requested):
        QTest.keyClicks(panel.reason, "   ")
        assert not panel.grant_button.isEnabled()
        QTest.keyClick(panel.reason, Qt.Key.Key_Return)
    panel.reason.clear()
    QTest.keyClicks(panel.reason, "  customer on hold  ")
    assert panel.grant_button.isEnabled()
    with qtbot.wait_signal(logoff.overtime_requested, timeout=1000) as granted:
        QTest.keyClick(panel.reason, Qt.Key.Key_Return)
    assert granted.args == ["customer on hold"]


def test_escape_folds_the_panel_away_before_it_means_close(
    qtbot: QtBot, logoff: LogoffScreen
) -> None:
    window = shown(logoff, a_logoff(can_dismiss=True))
    window.more_time.click()
    QTest.keyClicks(window.panel.reason, "handover")
    with qtbot.assert_not_emitted(logoff.dismiss_requested):
        QTest.keyClick(window.panel.reason, Qt.Key.Key_Escape)
    assert not window.panel.isVisible() and window.action_row.isVisible()
    assert window.panel.reason.text() == ""
    with qtbot.wait_signal(logoff.dismiss_requested, timeout=1000):
        QTest.keyClick(window, Qt.Key.Key_Escape)


def test_cancel_closes_the_panel(logoff: LogoffScreen) -> None:
    window = shown(logoff, a_logoff())
    window.more_time.click()
    window.panel.cancel_button.click()
    assert not window.panel.isVisible() and window.more_time.isVisible()


def test_a_new_view_keeps_what_the_user_is_typing(qtbot: QtBot, logoff: LogoffScreen) -> None:
    window = shown(logoff, a_logoff())
    window.more_time.click()
    QTest.keyClicks(window.panel.reason, "queue")
    logoff.update_view(a_logoff(overtime_note="Overtime left this week: 2 h of 3 h."))
    assert window.panel.isVisible() and window.panel.reason.text() == "queue"
    assert window.panel.note.text() == "Overtime left this week: 2 h of 3 h."


def test_when_overtime_is_no_longer_allowed_the_panel_goes(
    qtbot: QtBot, logoff: LogoffScreen
) -> None:
    window = shown(logoff, a_logoff())
    window.more_time.click()
    logoff.update_view(a_logoff(can_overtime=False, overtime_note="Used up."))
    assert not window.panel.isVisible() and not window.more_time.isVisible()


def test_new_quick_reasons_replace_the_old_buttons(logoff: LogoffScreen) -> None:
    window = shown(logoff, a_logoff())
    logoff.update_view(a_logoff(quick_reasons=("Handover",)))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert [b.text() for b in window.panel.findChildren(QPushButton, "reasonButton")] == [
        "Handover"
    ]


# --- several screens, and quitting (a child Qt process) -------------------------------------


def test_two_screens_each_get_a_log_off_window_and_quit_still_works(tmp_path: Path) -> None:
    left, right = (0, 0, 1280, 800), (1280, 200, 1024, 768)
    platform = offscreen_platform(tmp_path, {"left": left, "right": right})
    # The child's screen may not be dismissed; cover_child still ends it with app.quit() (as
    # the tray's Quit and SIGTERM do) and checks it exits cleanly rather than hanging.
    with cover_child("logoff", {"QT_QPA_PLATFORM": platform}) as child:
        shown = child.wait_for(lambda s: s.alive > 0, "the log-off screen")
        assert shown.windows == {"left": left, "right": right}
        assert shown.one_window_per_screen_sized_to_it
    assert child.process.returncode == 0


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb")
def test_a_screen_plugged_in_while_it_shows_is_covered_too() -> None:
    with xvfb(size="1280x480x24") as display:
        monitors = Monitors(display)
        try:
            with cover_child("logoff", {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}) as child:
                child.wait_for(lambda s: s.alive == 1, "the log-off screen")
                monitors.add("BESIDE", (640, 0, 640, 480))
                shown = child.wait_for(
                    lambda s: "BESIDE" in s.windows, "a window on the new screen"
                )
                assert shown.windows["BESIDE"] == (640, 0, 640, 480)
                monitors.remove("BESIDE")
                child.wait_for(
                    lambda s: s.alive == 1 and s.one_window_per_screen_sized_to_it,
                    "the unplugged screen's window to be deleted",
                )
        finally:
            monitors.close()
