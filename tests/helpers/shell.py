"""A Shell wired to a manual clock, a real database and fake desktop services."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from shiftwell.core.clock import ManualClock
from shiftwell.core.settings import Settings, ShiftSettings
from shiftwell.ui.notices.announcer import Announcer
from shiftwell.ui.shell import Desktop, Shell
from tests.helpers.engine import MONDAY_9AM
from tests.helpers.fakes import FakeNotifier
from tests.helpers.fakes_idle import FakeCallDetector, FakeIdleMonitor
from tests.helpers.stored import StoredRepository


@dataclass
class Outside:
    """Everything the shell asked of the desktop, and the answers it will get."""

    answer_confirm: bool = True
    answer_reason: str | None = "handover"
    questions: list[str] = field(default_factory=list)
    commands: list[tuple[str, tuple[str, ...], dict[str, str], float]] = field(default_factory=list)
    sounds: int = 0
    stats_opened: int = 0
    quits: int = 0

    def confirm(self, question: str) -> bool:
        self.questions.append(question)
        return self.answer_confirm

    def ask_reason(self, _quick: Sequence[str]) -> str | None:
        return self.answer_reason

    def run_command(
        self, what: str, argv: Sequence[str], env: Mapping[str, str], timeout: float
    ) -> None:
        self.commands.append((what, tuple(argv), dict(env), timeout))

    def play(self) -> None:
        self.sounds += 1

    def open_stats(self) -> None:
        self.stats_opened += 1

    def quit(self) -> None:
        self.quits += 1


@dataclass
class Harness:
    shell: Shell
    clock: ManualClock
    notifier: FakeNotifier
    repository: StoredRepository
    outside: Outside
    idle: FakeIdleMonitor
    calls: FakeCallDetector

    def click(self, key: str) -> None:
        action = self.shell.menu.actions[key]
        assert action.isVisible() and action.isEnabled(), f"{key} is not offered"
        action.trigger()

    def visible(self) -> set[str]:
        return {key for key, action in self.shell.menu.actions.items() if action.isVisible()}


def make_desktop(
    notifier: FakeNotifier, outside: Outside, idle: FakeIdleMonitor, calls: FakeCallDetector
) -> Desktop:
    return Desktop(
        announcer=Announcer(notifier),
        confirm=outside.confirm,
        ask_reason=outside.ask_reason,
        run_command=outside.run_command,
        play_break_end=outside.play,
        open_stats=outside.open_stats,
        quit_app=outside.quit,
        idle=idle,
        calls=calls,
        ideas=("Look out of the window.",),
    )


def make_harness(
    tmp_path: Path, settings: Settings | None = None, start: datetime = MONDAY_9AM
) -> Harness:
    clock = ManualClock(start)
    notifier = FakeNotifier()
    outside = Outside()
    idle, calls = FakeIdleMonitor(), FakeCallDetector()
    desktop = make_desktop(notifier, outside, idle, calls)
    shell = Shell(settings or Settings(shift=ShiftSettings(auto_start=False)), clock, desktop)
    repository = StoredRepository(tmp_path / "shiftwell.sqlite3")
    shell.attach(repository)
    return Harness(shell, clock, notifier, repository, outside, idle, calls)
