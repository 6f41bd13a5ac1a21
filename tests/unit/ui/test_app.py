"""Waiting for the tray host at login, bounded."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from shiftwell.core.clock import ManualClock
from shiftwell.core.settings import Settings
from shiftwell.ui import app
from shiftwell.ui.announcer import Announcer
from shiftwell.ui.shell import Shell
from tests.helpers.engine import MONDAY_9AM
from tests.helpers.fakes import FakeNotifier


def _shell() -> Shell:
    return Shell(Settings(), ManualClock(MONDAY_9AM), Announcer(FakeNotifier()), lambda: None)


def test_waits_for_a_late_tray_host(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([False, False, True])
    monkeypatch.setattr(app, "tray_available", lambda: next(answers, True))
    monkeypatch.setattr(app, "_TRAY_POLL_MS", 20)
    shown: list[bool] = []
    shell = _shell()
    monkeypatch.setattr(shell.tray, "show", lambda: shown.append(True))
    app._show_when_tray_ready(shell, wait_seconds=30)
    qtbot.wait_until(lambda: shown == [True], timeout=2000)
    assert shell.status_window is None


@pytest.mark.logs_warnings
def test_gives_up_after_the_wait_and_shows_a_window(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(app, "tray_available", lambda: False)
    monkeypatch.setattr(app, "_TRAY_POLL_MS", 20)
    shell = _shell()
    app._show_when_tray_ready(shell, wait_seconds=0.2)
    qtbot.wait_until(lambda: shell.status_window is not None, timeout=3000)
    assert shell.status_window is not None
    qtbot.add_widget(shell.status_window)
    assert shell.status_window.isVisible()
    assert any("no system tray after 0 s" in r.getMessage() for r in caplog.records)
