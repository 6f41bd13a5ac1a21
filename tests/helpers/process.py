"""Running the real `shiftwell` command in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path

APP_DIR = Path(__file__).resolve().parents[2] / "app"


def shiftwell_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(APP_DIR), env.get("PYTHONPATH")]))
    env["SHIFTWELL_LANG"] = "en"  # the tests read English, whatever the machine's locale
    env.update(extra or {})
    return env


def run_cli(*args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shiftwell", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=shiftwell_env(env),
        check=False,
    )


def start_app(*args: str, env: Mapping[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "shiftwell", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=shiftwell_env(env),
    )


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll a condition of another process (bounded); fails with `what` on timeout."""
    give_up = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > give_up:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


def stop(process: subprocess.Popen[bytes], timeout: float = 10) -> None:
    """SIGTERM, then SIGKILL if it has not exited within `timeout` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
