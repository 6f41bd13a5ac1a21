"""Buttons on Shiftwell's notifications act like the tray menu: a real notification service
on a private D-Bus, the real shell and database, the engine's clock driven by hand."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from shiftwell.core.clock import ManualClock
from shiftwell.core.model import State
from shiftwell.core.schedule import WeeklySchedule
from shiftwell.core.settings import Settings, ShiftSettings
from shiftwell.platform.notifications import FreedesktopNotifier
from shiftwell.ui.notices.announcer import Announcer
from shiftwell.ui.shell import Desktop, Shell
from tests.helpers.dbus import NotificationServer, private_bus
from tests.helpers.engine import MONDAY_9AM
from tests.helpers.shell import Harness, Outside
from tests.helpers.stored import StoredRepository

BREAK_DUE = 20 * 60 - 30  # the micro break is announced 30 s ahead


@dataclass
class BusShell:
    shell: Shell
    clock: ManualClock
    server: NotificationServer

    def state(self) -> State | None:
        status = self.shell.status()
        return status.state if status else None

    def last_title(self) -> str:
        return str(self.server.calls[-1][3])

    def click(self, key: str) -> None:
        """A click on the last notification's button (the service numbers them 1, 2, …)."""
        self.server.click(len(self.server.calls), key)


BusShellFactory = Callable[[tuple[str, ...]], BusShell]


@pytest.fixture
def bus_shell(qtbot: QtBot, tmp_path: Path) -> Iterator[BusShellFactory]:
    """A shell whose notifications go to a stand-in service, which shows buttons or not."""
    servers: list[NotificationServer] = []
    shells: list[Shell] = []
    notifiers: list[FreedesktopNotifier] = []
    with private_bus() as address:

        def build(capabilities: tuple[str, ...]) -> BusShell:
            server = NotificationServer(address, capabilities)
            server.start()
            assert server.ready.wait(5)
            servers.append(server)
            notifier = FreedesktopNotifier(address)
            notifiers.append(notifier)
            outside = Outside()
            desktop = Desktop(
                announcer=Announcer(notifier),
                confirm=outside.confirm,
                ask_reason=outside.ask_reason,
                run_command=outside.run_command,
                play_break_end=outside.play,
                open_stats=outside.open_stats,
                quit_app=outside.quit,
            )
            clock = ManualClock(MONDAY_9AM)
            shell = Shell(Settings(shift=ShiftSettings(auto_start=False)), clock, desktop)
            shell.attach(StoredRepository(tmp_path / "shiftwell.sqlite3"))
            shells.append(shell)
            return BusShell(shell, clock, server)

        yield build
        for shell in shells:
            shell.close()
        for notifier in notifiers:
            notifier.close()
        for server in servers:
            server.stop()


def test_a_due_break_can_be_taken_from_its_notification(
    qtbot: QtBot, bus_shell: BusShellFactory
) -> None:
    app = bus_shell(("actions", "body"))
    app.shell.menu.actions["start_shift"].trigger()
    app.clock.advance(BREAK_DUE)
    assert app.state() is State.BREAK_DUE
    assert app.last_title() == "Micro break in 30 s"
    assert app.server.buttons() == [("break", "Take the break"), ("postpone", "Postpone")]
    app.click("postpone")
    qtbot.wait_until(lambda: app.state() is State.FOCUS, timeout=5000)
    status = app.shell.status()
    assert status is not None and status.postpones_left == 2

    app.clock.advance(app.shell.settings.breaks.postpone.total_seconds() - 30)
    assert app.state() is State.BREAK_DUE
    app.click("break")
    qtbot.wait_until(lambda: app.state() is State.MICRO_BREAK, timeout=5000)
    # The break that was announced, taken now, as "Take a break now" from the menu would.
    assert app.last_title() == "Micro break — 20 s"
    assert app.server.buttons() == []  # nothing the break allows at its start


def test_a_service_without_buttons_gets_the_same_news_plainly(
    qtbot: QtBot, bus_shell: BusShellFactory
) -> None:
    app = bus_shell(("body",))
    app.shell.menu.actions["start_shift"].trigger()
    app.clock.advance(BREAK_DUE)
    assert app.last_title() == "Micro break in 30 s"
    assert app.server.buttons() == []
    assert app.shell.announcer.last_route == "freedesktop"


def test_a_shift_that_does_not_start_by_itself_is_announced_with_a_start_button(
    harness_factory: Callable[..., Harness],
) -> None:
    settings = Settings(schedule=WeeklySchedule(UTC), shift=ShiftSettings(auto_start=False))
    h = harness_factory(settings=settings, start=MONDAY_9AM - timedelta(minutes=10))
    h.clock.advance(10 * 60 - 1)
    assert h.notifier.sent == []
    h.clock.advance(1)
    assert h.notifier.sent == [
        ("Time to start your shift", "Your shift is planned from 09:00 to 17:00.")
    ]
    assert h.notifier.actions[-1] == [("start", "Start shift")]
    h.notifier.click("start")
    assert h.shell.tray.shown_state is State.FOCUS
    [shift] = h.repository.shifts()
    assert shift.actual_start == MONDAY_9AM
    h.clock.advance(60)  # said once: not again while the shift runs
    assert len(h.notifier.sent) == 1


def test_the_shift_ending_warning_offers_to_log_off_now(
    harness_factory: Callable[..., Harness],
) -> None:
    h = harness_factory()
    h.click("start_shift")
    status = h.shell.status()
    assert status is not None and status.shift is not None
    h.clock.advance((status.shift.planned_end - MONDAY_9AM).total_seconds() - 5 * 60)
    assert h.notifier.titles[-1] == "Your shift ends in 5 min"
    assert h.notifier.actions[-1] == [("end-shift", "Log off now")]
    h.notifier.click("end-shift")
    assert h.shell.tray.shown_state is State.OFF_SHIFT
