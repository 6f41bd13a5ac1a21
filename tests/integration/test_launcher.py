"""`shiftwell <command> --on-screen`, as the desktop's menu runs it: no terminal to read, and
perhaps no Shiftwell running yet. A real tray process (offscreen), a private session bus and
a notification service that records what it is sent."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from shiftwell.platform.instance import InstanceError, NoInstance, send_request, socket_path
from tests.helpers.configs import config
from tests.helpers.dbus import NotificationServer, private_bus
from tests.helpers.process import run_cli, wait_for


class Launcher:
    def __init__(self, tmp_path: Path, bus: str, server: NotificationServer) -> None:
        self.data, self.config = tmp_path / "data", tmp_path / "config.toml"
        self.config.write_text(config(), encoding="utf-8")
        self.env = {"QT_QPA_PLATFORM": "offscreen", "DBUS_SESSION_BUS_ADDRESS": bus}
        self.server = server

    def __call__(self, *args: str) -> tuple[int, str]:
        result = run_cli(
            *args, "--data-dir", str(self.data), "--config", str(self.config), env=self.env
        )
        return result.returncode, result.stdout + result.stderr

    def state(self) -> str:
        code, output = self("status", "--json")
        assert code == 0, output
        value: str = json.loads(output)["state"]
        return value

    def told(self) -> list[str]:
        return [f"{call[3]}: {call[4]}" for call in self.server.calls]

    def running(self) -> bool:
        try:
            send_request(socket_path(self.data), "status", {}, timeout=10)
        except NoInstance:
            return False
        except InstanceError:
            return True  # there, but busy
        return True


@pytest.fixture
def launcher(tmp_path: Path) -> Iterator[Launcher]:
    with private_bus() as bus:
        server = NotificationServer(bus)
        server.start()
        assert server.ready.wait(5)
        launch = Launcher(tmp_path, bus, server)
        try:
            yield launch
        finally:
            try:
                if launch.running():
                    launch("quit")
                    wait_for(lambda: not launch.running(), 30, "the tray to stop")
            finally:
                server.stop()


def test_a_menu_command_starts_shiftwell_and_answers_on_screen(launcher: Launcher) -> None:
    assert not launcher.running()
    # "Take a break" from the application menu, with no Shiftwell running: it starts, and
    # says on screen why there is no break (no shift), instead of on a terminal nobody reads.
    code, output = launcher("break", "--on-screen")
    assert (code, output) == (0, "")
    assert launcher.running()
    wait_for(
        lambda: "Shiftwell: Can't break now while off shift." in launcher.told(), 30, "the refusal"
    )
    assert launcher.state() == "off_shift"

    assert launcher("start", "--yes")[0] == 0
    code, output = launcher("break", "--on-screen")
    assert (code, output) == (0, "")
    wait_for(lambda: launcher.state() in ("micro_break", "long_break"), 30, "the break")
