"""The real `shiftwell` app in a child process on a test desktop, driven by its command line."""

from __future__ import annotations

import json
import signal
import subprocess
from collections.abc import Mapping
from pathlib import Path

from tests.helpers.configs import config
from tests.helpers.process import run_cli, start_app, wait_for

# No scheduled shifts, one-minute shifts, and breaks that can be skipped at once.
ONE_MINUTE_SHIFTS = config('[shift]\nlength = "1m"', "[logoff]\nwarnings = []")


class App:
    def __init__(
        self,
        env: Mapping[str, str],
        tmp_path: Path,
        tray_wait: str,
        config_text: str = ONE_MINUTE_SHIFTS,
        *,
        wait: bool = True,
    ) -> None:
        self.data = tmp_path / "data"
        self.config = tmp_path / "config.toml"
        self.config.write_text(config_text, encoding="utf-8")
        self.env = dict(env)
        self.process = start_app(*self.options(), "--tray-wait", tray_wait, env=self.env)
        self.log = self.data / "shiftwell.log"
        if wait:
            wait_for(self.ready, 60, "the app to be ready")

    def options(self) -> list[str]:
        return ["--data-dir", str(self.data), "--config", str(self.config)]

    def ready(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"the app exited: {self.process.communicate()[1][-3000:]}")
        return self.log.exists() and "ready; data in" in self.log.read_text()

    def logged(self, text: str) -> bool:
        return text in self.log.read_text()

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, *self.options(), env=self.env)

    def status(self) -> dict[str, object]:
        result = self.cli("status", "--json")
        assert result.returncode == 0, result.stderr
        parsed: dict[str, object] = json.loads(result.stdout)
        return parsed

    def stop(self) -> tuple[int, str]:
        if self.process.poll() is None:
            self.cli("quit")
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.send_signal(signal.SIGKILL)
        _, stderr = self.process.communicate(timeout=10)
        return self.process.returncode, stderr
