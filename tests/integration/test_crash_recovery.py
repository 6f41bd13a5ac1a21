"""Fault injection: the real app killed with SIGKILL at random moments, again and again.

After every restart the database must open, pass SQLite's integrity check, hold every
transition the app acknowledged before it died, and have no segment left open but the one
the restarted app opened itself.
"""

from __future__ import annotations

import json
import random
import signal
import socket
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from shiftwell.platform.instance import socket_path
from tests.helpers.configs import config
from tests.helpers.dbus import private_bus
from tests.helpers.process import start_app, wait_for

RUNS = 50
SEED = 20261123
CONFIG = config("[logoff]\nwarnings = []")
COMMANDS: list[tuple[str, dict[str, object]]] = [
    ("start", {"confirmed": True}),
    ("break", {"kind": "micro"}),
    ("break", {"kind": "long"}),
    ("focus", {}),
    ("pause", {}),
    ("resume", {}),
    ("call", {"action": "start"}),
    ("call", {"action": "end"}),
    ("end-shift", {}),
    ("overtime", {"seconds": 60, "reason": "handover"}),
]


def ask(path: str, cmd: str, args: dict[str, object]) -> dict[str, object] | None:
    """One request over the app's socket; None if the app is gone mid-way."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(2)
            client.connect(path)
            client.sendall(json.dumps({"v": 1, "cmd": cmd, "args": args}).encode() + b"\n")
            data = b""
            while not data.endswith(b"\n"):
                chunk = client.recv(65536)
                if not chunk:
                    return None
                data += chunk
    except OSError:
        return None
    reply: dict[str, object] = json.loads(data)
    return reply


def check(db_path: Path, acknowledged: int) -> int:
    with sqlite3.connect(db_path) as db:
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        stored = db.execute(
            "select count(*) from 'transition' where trigger not in "
            "('deadline', 'warning', 'recover', 'sleep', 'clock', 'idle', 'settings')"
        ).fetchone()[0]
        open_segments = db.execute(
            "select count(*) from segment where actual_end is null"
        ).fetchone()[0]
        open_shifts = db.execute("select count(*) from shift where actual_end is null").fetchone()[
            0
        ]
    assert stored >= acknowledged, f"{acknowledged - stored} acknowledged transitions lost"
    assert open_segments <= 1 and open_shifts <= 1
    assert open_segments == open_shifts  # an open shift has exactly its resumed segment
    return int(stored)


def starts(log: Path) -> int:
    """How many times the app has got ready (each start logs it once)."""
    return log.read_text().count("ready; data in") if log.exists() else 0


def ready_after(log: Path, count: int) -> Callable[[], bool]:
    return lambda: starts(log) > count


def test_sigkill_at_random_moments_loses_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(SEED)
    data, config = tmp_path / "data", tmp_path / "config.toml"
    config.write_text(CONFIG, encoding="utf-8")
    log = data / "shiftwell.log"
    path = socket_path(data)
    acknowledged = 0
    started = time.monotonic()
    with private_bus() as bus:
        env = {"QT_QPA_PLATFORM": "offscreen", "DBUS_SESSION_BUS_ADDRESS": bus}
        for run in range(RUNS):
            before = starts(log)
            app = start_app(
                "--data-dir", str(data), "--config", str(config), "--tray-wait", "0s", env=env
            )
            try:
                wait_for(ready_after(log, before), 30, f"run {run} to be ready")
                if run:
                    check(data / "shiftwell.sqlite3", acknowledged)
                deadline = time.monotonic() + rng.uniform(0.02, 0.5)
                while time.monotonic() < deadline:
                    cmd, args = rng.choice(COMMANDS)
                    reply = ask(path, cmd, args)
                    if reply is not None and reply.get("ok") and reply.get("detail") is not None:
                        acknowledged += 1
            finally:
                app.send_signal(signal.SIGKILL)
                app.communicate(timeout=30)
        # One last start repairs what the last kill left, and quits cleanly.
        app = start_app(
            "--data-dir", str(data), "--config", str(config), "--tray-wait", "0s", env=env
        )
        try:
            wait_for(ready_after(log, RUNS), 30, "the last start")
            stored = check(data / "shiftwell.sqlite3", acknowledged)
        finally:
            app.send_signal(signal.SIGTERM)
            app.communicate(timeout=30)
    with capsys.disabled():
        print(
            f"\nfault injection: {RUNS} SIGKILLs (seed {SEED}), {acknowledged} transitions "
            f"acknowledged, {stored} stored, 0 lost, in {time.monotonic() - started:.0f} s"
        )
    assert acknowledged > RUNS  # the kills really landed among transitions
