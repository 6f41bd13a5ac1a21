from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from shiftwell.ui.notices.announcer import Announcer
from tests.helpers.fakes import FakeNotifier


def test_delivered_notifications_need_no_popup(qtbot: QtBot) -> None:
    notifier = FakeNotifier()
    announcer = Announcer(notifier)
    assert announcer.announce("Micro break — 20 s", "Look away") == "fake"
    assert notifier.sent == [("Micro break — 20 s", "Look away")]
    assert announcer.popup is None


@pytest.mark.logs_warnings
def test_undelivered_notification_falls_back_to_our_popup(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    announcer = Announcer(FakeNotifier(works=False))
    assert announcer.announce("Long break — 10 min", "Step away", timeout_ms=300) == "popup"
    popup = announcer.popup
    assert popup is not None
    qtbot.add_widget(popup)
    assert popup.isVisible()
    assert (popup.title.text(), popup.body.text()) == ("Long break — 10 min", "Step away")
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.contains(popup.geometry())
    qtbot.wait_until(lambda: not popup.isVisible(), timeout=3000)
    # Said once, not at every announcement.
    announcer.announce("Again", "x", timeout_ms=100)
    warnings = [r for r in caplog.records if "own pop-up" in r.getMessage()]
    assert len(warnings) == 1


@pytest.mark.logs_warnings
def test_no_notifier_at_all_uses_the_popup(qtbot: QtBot) -> None:
    announcer = Announcer(None)
    assert announcer.announce("Your shift is over", "Log off") == "popup"
    assert announcer.popup is not None
    qtbot.add_widget(announcer.popup)


@pytest.mark.logs_warnings
def test_our_popup_keeps_a_warning_on_screen_when_other_news_comes(qtbot: QtBot) -> None:
    announcer = Announcer(None)
    announcer.announce("Your shift ends in 5 min", "Wrap up", kind="shift_end")
    warning = announcer.popup
    assert warning is not None
    qtbot.add_widget(warning)
    announcer.announce("Your shift ends in 1 min", "Log-off soon", kind="shift_end")
    assert announcer.popup is warning and warning.title.text() == "Your shift ends in 1 min"
    announcer.announce("Break over", "Welcome back.", kind="break")
    news = announcer.popup
    assert news is not None and news is not warning
    qtbot.add_widget(news)
    assert warning.isVisible() and news.isVisible()
    assert warning.title.text() == "Your shift ends in 1 min"
    assert not warning.geometry().intersects(news.geometry())
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.contains(warning.geometry()) and screen.contains(news.geometry())
    announcer.announce("A command failed", "exit 1")
    announcer.announce("A command failed", "exit 2")
    shown = [p for p in announcer.popups if p.isVisible()]
    for popup in announcer.popups:
        qtbot.add_widget(popup)
    assert len(shown) == 4
