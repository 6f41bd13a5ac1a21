"""Every `shiftwell` command against a real running instance (offscreen, no X needed)."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from shiftwell.platform.instance import socket_path
from tests.helpers.configs import config
from tests.helpers.dbus import private_bus
from tests.helpers.instance import exchange, trickle
from tests.helpers.process import run_cli, start_app, wait_for

CONFIG = config()


class Running:
    def __init__(self, tmp_path: Path, bus: str) -> None:
        self.data, self.config = tmp_path / "data", tmp_path / "config.toml"
        self.config.write_text(CONFIG, encoding="utf-8")
        self.env = {"QT_QPA_PLATFORM": "offscreen", "DBUS_SESSION_BUS_ADDRESS": bus}
        self.process = start_app(*self.options(), "--tray-wait", "0s", env=self.env)
        log = self.data / "shiftwell.log"
        wait_for(lambda: log.exists() and "ready; data in" in log.read_text(), 30, "ready")

    def options(self) -> list[str]:
        return ["--data-dir", str(self.data), "--config", str(self.config)]

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, *self.options(), env=self.env)


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Running]:
    with private_bus() as bus:
        running = Running(tmp_path, bus)
        try:
            yield running
        finally:
            if running.process.poll() is None:
                running.process.send_signal(signal.SIGTERM)
            running.process.communicate(timeout=30)


def state(app: Running) -> str:
    result = app("status", "--json")
    assert result.returncode == 0, result.stderr
    value: str = json.loads(result.stdout)["state"]
    return value


def test_each_command_drives_the_running_app(app: Running) -> None:
    assert app("status").stdout.strip() == "Off shift — start a shift from this menu"
    refused = app("start")
    assert refused.returncode == 1
    assert "add --yes to confirm" in refused.stderr
    assert app("start", "--yes").returncode == 0
    assert state(app) == "focus"
    paused = app("pause", "15m")
    assert paused.returncode == 0 and "Paused — resumes in 15 min" in paused.stdout
    assert app("resume").returncode == 0
    assert app("break", "long").stdout.startswith("Long break — 10 min left")
    assert app("focus").returncode == 0
    assert app("call", "start").stdout.startswith("On a call")
    assert app("call", "end").returncode == 0
    wrong = app("resume")
    assert wrong.returncode == 1 and "Can't resume while focusing." in wrong.stderr
    assert app("end-shift").returncode == 0
    assert state(app) == "off_shift"
    too_late = app("overtime", "20m", "--reason", "handover")
    assert too_late.returncode == 1 and "Can't overtime while off shift" in too_late.stderr
    status = json.loads(app("status", "--json").stdout)
    assert status["overtime_left_s"] == 7200
    assert app("quit").stdout.strip() == "Shiftwell is stopping."
    assert app.process.wait(timeout=20) == 0
    with sqlite3.connect(app.data / "shiftwell.sqlite3") as db:
        triggers = [t for (t,) in db.execute("select trigger from 'transition' order by id")]
    assert triggers == [
        "start_shift",
        "pause",
        "resume",
        "break_now",
        "skip",
        "call_start",
        "call_end",
        "end_shift",
    ]


def test_bad_arguments_are_refused_before_reaching_the_app(app: Running) -> None:
    result = app("pause", "a while")
    assert result.returncode == 2
    assert "'a while' is not a duration" in result.stderr
    missing = app("overtime", "15m")
    assert missing.returncode == 2 and "--reason" in missing.stderr
    assert app("break", "forever").returncode == 2
    assert state(app) == "off_shift"


def test_stats_reads_the_database_without_the_app(app: Running) -> None:
    app("start", "--yes")
    app("end-shift")
    app("quit")
    app.process.wait(timeout=20)
    table = app("stats")
    assert table.returncode == 0 and "Shiftwell —" in table.stdout
    as_json = json.loads(app("stats", "--format", "json").stdout)
    assert as_json["week"]
    bad = app("stats", "--week", "2026-W60")
    assert bad.returncode == 2 and "--week" in bad.stderr


def test_in_spanish_the_words_change_but_not_the_json(app: Running) -> None:
    def in_language(language: str, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**app.env, "SHIFTWELL_LANG": language}
        return run_cli(*args, *app.options(), env=env)

    english, spanish = in_language("en", "status", "--json"), in_language("es", "status", "--json")
    assert english.returncode == spanish.returncode == 0
    assert spanish.stdout == english.stdout  # an interface for scripts, in every language
    assert json.loads(spanish.stdout)["state"] == "off_shift"
    assert spanish.stderr == ""
    stopping = in_language("es", "quit")
    assert stopping.returncode == 0 and stopping.stdout == "Shiftwell se está cerrando.\n"
    assert app.process.wait(timeout=20) == 0
    gone = in_language("es", "status")
    assert gone.returncode == 3
    assert gone.stderr == (
        "shiftwell: Shiftwell no está en marcha "
        f"(no hay ninguna instancia para la carpeta de datos {app.data})\n"
    )


def test_a_refused_pause_leaves_the_focus_block_as_it_was(app: Running) -> None:
    assert app("start", "--yes").returncode == 0
    refused = app("pause", "99999999h")
    assert refused.returncode == 1
    assert refused.stderr == (
        "shiftwell: A pause can last at most 24 h; without a duration it lasts until you resume.\n"
    )
    assert state(app) == "focus"
    path = socket_path(app.data)
    for seconds in ("1e300", "NaN", "Infinity", "-5", "true"):
        [reply] = exchange(
            path, b'{"v":1,"cmd":"pause","args":{"seconds":%s}}\n' % seconds.encode(), 1
        ).replies
        assert reply["ok"] is False and "seconds" in reply["error"], seconds
    assert state(app) == "focus"
    assert app("pause", "24h").returncode == 0
    app("quit")
    app.process.wait(timeout=20)
    with sqlite3.connect(app.data / "shiftwell.sqlite3") as db:
        segments = db.execute(
            "select kind, actual_end from segment order by actual_start"
        ).fetchall()
        triggers = [t for (t,) in db.execute("select trigger from 'transition' order by id")]
    assert triggers == ["start_shift", "pause"]  # nothing recorded for the refusals
    assert [kind for kind, _end in segments] == ["focus", "pause"]


def test_a_deep_request_is_answered_and_a_trickling_client_cut_off(app: Running) -> None:
    path = socket_path(app.data)
    deep = b'{"v": 1, "cmd": "status", "args": ' + b"[" * 9000 + b"]" * 9000 + b"}\n"
    [reply] = exchange(path, deep, 1).replies
    assert reply == {
        "v": 1,
        "ok": False,
        "error": "the request nests arrays or objects more than 8 deep",
    }
    line = b'{"v": 1, "cmd": "status", "args": {}}\n'
    started = time.monotonic()
    slow = trickle(path, line, 0.2)
    assert time.monotonic() - started < 6
    assert slow.sent < len(line) and slow.closed_by_server
    assert slow.replies == [
        {"v": 1, "ok": False, "error": "the request was not complete within 3 s"}
    ]
    assert state(app) == "off_shift"  # and the app still answers
    assert app("quit").returncode == 0
    _out, stderr = app.process.communicate(timeout=20)
    assert "RecursionError" not in stderr and "Traceback" not in stderr
