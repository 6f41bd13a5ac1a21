from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from shiftwell.ui.announcer import Announcer
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
