"""INT, TERM and HUP end the real app cleanly at every moment of its start-up and after."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from shiftwell.platform.instance import socket_path
from tests.helpers.dbus import private_bus
from tests.helpers.process import start_app, wait_for

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")


@pytest.fixture(scope="module")
def bus() -> Iterator[str]:
    with private_bus() as address:
        yield address


def catches(pid: int, signum: int) -> bool:
    """Whether process `pid` has a handler of its own for `signum` (Linux's SigCgt mask)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    [mask] = [line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:")]
    return bool(int(mask, 16) >> (signum - 1) & 1)


EXPECTED_EXIT = {signal.SIGINT: 130, signal.SIGTERM: 0, signal.SIGHUP: 0}


@pytest.mark.parametrize("signum", list(EXPECTED_EXIT), ids=lambda s: signal.Signals(s).name)
@pytest.mark.parametrize("moment", [0.05, 0.15, 0.3, 0.6, "ready"])
def test_a_stop_signal_ends_the_app_cleanly(
    tmp_path: Path, bus: str, signum: signal.Signals, moment: float | str
) -> None:
    data, config = tmp_path / "data", tmp_path / "config.toml"
    started = time.monotonic()
    process = start_app(
        *("--data-dir", str(data), "--config", str(config), "--tray-wait", "0s"),
        env={"QT_QPA_PLATFORM": "offscreen", "DBUS_SESSION_BUS_ADDRESS": bus},
    )
    try:
        # The interpreter's own start-up comes before any line of Shiftwell: the moments
        # count from the spawn, but never fall before Shiftwell's first line has run.
        wait_for(lambda: catches(process.pid, signal.SIGTERM), 10, "Shiftwell's first line")
        log = data / "shiftwell.log"
        if moment == "ready":
            wait_for(lambda: log.exists() and "ready; data in" in log.read_text(), 30, "ready")
        else:
            assert isinstance(moment, float)
            wait_for(lambda: time.monotonic() - started >= moment, 10, f"{moment} s")
        process.send_signal(signum)
        _out, stderr = process.communicate(timeout=30)  # the signal is never lost
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == EXPECTED_EXIT[signum], stderr
    for sign in ("Traceback", "KeyboardInterrupt", "libshiboken", "Fatal"):
        assert sign not in stderr
    name = socket_path(data)
    assert not os.path.lexists(name), "the socket is removed"
    assert not os.path.lexists(f"{name}.lock"), "the lock is removed"
