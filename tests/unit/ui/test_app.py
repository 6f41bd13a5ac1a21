"""Waiting for the tray host at login, bounded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from shiftwell.core.clock import ManualClock
from shiftwell.core.settings import Settings, settings_from_mapping
from shiftwell.ui import app
from shiftwell.ui.shell import Shell
from tests.helpers.engine import MONDAY_9AM
from tests.helpers.fakes import FakeNotifier
from tests.helpers.fakes_idle import FakeCallDetector, FakeIdleMonitor
from tests.helpers.shell import Outside, make_desktop


@pytest.fixture
def shell() -> Iterator[Shell]:
    desktop = make_desktop(FakeNotifier(), Outside(), FakeIdleMonitor(), FakeCallDetector())
    made = Shell(Settings(), ManualClock(MONDAY_9AM), desktop)
    yield made
    made.close()


def test_waits_for_a_late_tray_host(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, shell: Shell
) -> None:
    answers = iter([False, False, True])
    monkeypatch.setattr(app, "tray_available", lambda: next(answers, True))
    monkeypatch.setattr(app, "_TRAY_POLL_MS", 20)
    shown: list[bool] = []
    monkeypatch.setattr(shell.tray, "show", lambda: shown.append(True))
    app._show_when_tray_ready(shell, wait_seconds=30)
    qtbot.wait_until(lambda: shown == [True], timeout=2000)
    assert shell.status_window is None


@pytest.mark.logs_warnings
def test_gives_up_after_the_wait_and_shows_a_window(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    shell: Shell,
) -> None:
    monkeypatch.setattr(app, "tray_available", lambda: False)
    monkeypatch.setattr(app, "_TRAY_POLL_MS", 20)
    app._show_when_tray_ready(shell, wait_seconds=0.2)
    qtbot.wait_until(lambda: shell.status_window is not None, timeout=3000)
    assert shell.status_window is not None
    qtbot.add_widget(shell.status_window)
    assert shell.status_window.isVisible()
    assert any("no system tray after 0 s" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("config", "suffix"),
    [
        ({"bogus": 1}, ""),
        ({"bogus": 1, "sounds": "loud"}, " (and one more)"),
        ({"bogus": 1, "sounds": "loud", "checkin": 3}, " (and 2 more)"),
    ],
)
def test_settings_problems_are_told_by_the_first_and_how_many_more(
    config: dict[str, object], suffix: str
) -> None:
    loaded = settings_from_mapping(config, "config.toml")
    first = "config.toml: bogus: unknown key (known keys here: "
    told = app._problems(loaded)
    assert told.startswith(first) and told.endswith(")" + suffix)
    assert told.count("config.toml") == 1  # the others are in the log, not the pop-up
