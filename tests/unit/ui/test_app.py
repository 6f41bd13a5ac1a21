"""The composition root (shiftwell/app.py) with the real shell: waiting for the tray host at
login, bounded; what it attaches once the database is open."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, timedelta
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from shiftwell import app
from shiftwell.core.clock import ManualClock
from shiftwell.core.schedule import WeeklySchedule
from shiftwell.core.settings import Settings, settings_from_mapping
from shiftwell.ui.shell import Shell
from tests.helpers.engine import MONDAY_9AM
from tests.helpers.fakes import FakeNotifier
from tests.helpers.fakes_idle import FakeCallDetector, FakeIdleMonitor
from tests.helpers.shell import Harness, Outside, make_desktop


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
    monkeypatch.setattr(app, "TrayWatch", FakeTrayWatch)
    waiting = app._show_when_tray_ready(shell, wait_seconds=0.2)
    qtbot.wait_until(lambda: shell.status_window is not None, timeout=3000)
    assert shell.status_window is not None
    qtbot.add_widget(shell.status_window)
    assert shell.status_window.isVisible()
    assert any("no system tray after 0 s" in r.getMessage() for r in caplog.records)
    waiting.stop()


class FakeTrayWatch(QObject):
    appeared = Signal()
    made: ClassVar[list[FakeTrayWatch]] = []

    def __init__(self) -> None:
        super().__init__()
        self.stopped = False
        FakeTrayWatch.made.append(self)

    def start(self) -> bool:
        return True

    def stop(self) -> None:
        self.stopped = True


@pytest.mark.logs_warnings
def test_a_tray_that_appears_after_the_fallback_takes_over(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, shell: Shell
) -> None:
    available = [False]
    monkeypatch.setattr(app, "tray_available", lambda: available[0])
    monkeypatch.setattr(app, "_TRAY_POLL_MS", 20)
    monkeypatch.setattr(app, "TrayWatch", FakeTrayWatch)
    FakeTrayWatch.made.clear()
    shown: list[bool] = []
    monkeypatch.setattr(shell.tray, "show", lambda: shown.append(True))
    app._show_when_tray_ready(shell, wait_seconds=0)
    assert shell.status_window is not None
    qtbot.add_widget(shell.status_window)
    assert shell.status_window.isVisible()
    (watch,) = FakeTrayWatch.made

    watch.appeared.emit()  # the watcher took its name; its host is not there yet
    assert shown == [] and not watch.stopped
    available[0] = True  # the host registered: the next look finds the tray
    qtbot.wait_until(lambda: shown == [True], timeout=2000)
    assert not shell.status_window.isVisible()
    assert watch.stopped


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


def test_the_review_asked_for_on_the_log_off_screen_comes_above_it(
    qtbot: QtBot, harness_factory: Callable[..., Harness], tmp_path: Path
) -> None:
    from shiftwell.platform.paths import Paths
    from shiftwell.ui.logoff.logoff_screen import LogoffScreen

    friday = MONDAY_9AM + timedelta(days=4)
    h = harness_factory(settings=Settings(schedule=WeeklySchedule(UTC)), start=friday)
    paths = Paths(data_dir=tmp_path / "data", config_file=tmp_path / "config.toml")
    launched: list[list[str]] = []

    def launch(argv: list[str]) -> bool:
        launched.append(argv)
        return True

    h.shell.desktop.open_stats = app._review_opener(paths, lambda: h.shell.logoff_showing, launch)
    h.clock.advance(8 * 3600 + 1)
    screen = h.shell._logoff
    assert isinstance(screen, LogoffScreen)
    screen.windows[0].see_week.click()
    [from_the_screen] = launched
    assert from_the_screen[-1] == "--on-top"  # above the full-screen cover
    assert from_the_screen[from_the_screen.index("review") + 1 :][:2] == [
        "--data-dir",
        str(paths.data_dir),
    ]
    screen.windows[0].close_button.click()  # the review is open already: left as it is
    h.shell.desktop.open_stats()  # later, from the tray: an ordinary window again
    assert len(launched) == 2 and "--on-top" not in launched[1]


def test_the_settings_dialog_opens_before_the_database_and_a_save_takes_effect(
    qtbot: QtBot, harness_factory: Callable[..., Harness], tmp_path: Path
) -> None:
    from shiftwell.platform.paths import Paths
    from shiftwell.ui.settings.dialog import SettingsDialog

    h = harness_factory()
    paths = Paths(data_dir=tmp_path / "data", config_file=tmp_path / "config.toml")
    open_settings = app._settings_opener(lambda: h.shell, paths)
    open_settings()
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog)]
    qtbot.add_widget(dialog)
    assert dialog.isVisible()
    dialog.saved.emit({"breaks.max_postpones": 1})
    assert "max_postpones = 1" in paths.config_file.read_text(encoding="utf-8")
    assert h.shell.settings.breaks.max_postpones == 1
