"""The real app process: starts, opens its database, records a shift, stops on SIGTERM."""

from __future__ import annotations

import signal
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers.process import start_app, wait_for


def run_until_ready(data: Path, config: Path, bus: str) -> tuple[int, str]:
    """Start the real app offscreen, wait until it is ready, stop it with SIGTERM."""
    process = start_app(
        *("--data-dir", str(data), "--config", str(config), "--tray-wait", "0s"),
        env={"QT_QPA_PLATFORM": "offscreen", "DBUS_SESSION_BUS_ADDRESS": bus},
    )
    log = data / "shiftwell.log"
    try:
        wait_for(lambda: log.exists() and "ready" in log.read_text(), 30, "the app to be ready")
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    return process.returncode, stderr


def test_app_starts_without_a_tray_and_quits_cleanly_on_sigterm(tmp_path: Path, bus: str) -> None:
    data, config = tmp_path / "data", tmp_path / "config.toml"
    code, stderr = run_until_ready(data, config, bus)
    assert code == 0, stderr
    text = (data / "shiftwell.log").read_text()
    assert "no system tray after 0 s; showing a status window" in text
    assert "signal received; quitting" in text
    assert config.exists(), "the commented default config is written on first run"
    with sqlite3.connect(data / "shiftwell.sqlite3") as db:
        tables = {row[0] for row in db.execute("select name from sqlite_master")}
    assert {"shift", "segment", "transition"} <= tables


def test_broken_config_is_reported_and_the_file_kept(tmp_path: Path, bus: str) -> None:
    data, config = tmp_path / "data", tmp_path / "config.toml"
    config.write_text('[breaks.micro]\nevery = "often"\n', encoding="utf-8")
    code, stderr = run_until_ready(data, config, bus)
    assert code == 0
    assert f"{config}: breaks.micro.every: 'often' is not a duration" in stderr
    assert config.read_text(encoding="utf-8") == '[breaks.micro]\nevery = "often"\n'
    assert "using Shiftwell's own pop-up" in stderr  # no notification daemon on this bus


@pytest.mark.parametrize(
    "garbage", [b"not a database at all", b"SQLite format 3\x00" + b"\xff" * 200]
)
def test_a_corrupt_database_is_kept_aside_and_the_user_told_where(
    tmp_path: Path, bus: str, garbage: bytes
) -> None:
    data, config = tmp_path / "data", tmp_path / "config.toml"
    data.mkdir(mode=0o700)
    (data / "shiftwell.sqlite3").write_bytes(garbage)
    code, stderr = run_until_ready(data, config, bus)
    assert code == 0, stderr
    [kept] = data.glob("shiftwell.sqlite3.corrupt-*")
    assert kept.read_bytes() == garbage
    log = (data / "shiftwell.log").read_text()
    assert f"it was kept as {kept}" in log
    with sqlite3.connect(data / "shiftwell.sqlite3") as db:
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_quitting_leaves_the_last_sign_of_life(tmp_path: Path, bus: str) -> None:
    # A shift still open at quit is closed at the next start at this mark: the moment of
    # quitting, not the last minute tick before it.
    data, config = tmp_path / "data", tmp_path / "config.toml"
    code, stderr = run_until_ready(data, config, bus)
    assert code == 0, stderr
    [line] = [
        x for x in (data / "shiftwell.log").read_text().splitlines() if "signal received" in x
    ]
    quit_at = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f").astimezone(UTC)
    with sqlite3.connect(data / "shiftwell.sqlite3") as db:
        [(mark,)] = db.execute("select at from heartbeat").fetchall()
    assert datetime.fromisoformat(mark).replace(tzinfo=UTC) >= quit_at - timedelta(milliseconds=1)


def test_a_settings_file_nested_500_deep_is_reported_and_the_app_runs(
    tmp_path: Path, bus: str
) -> None:
    data, config = tmp_path / "data", tmp_path / "config.toml"
    config.write_text("a = " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    code, stderr = run_until_ready(data, config, bus)
    assert code == 0, stderr
    assert "Traceback" not in stderr
    said = f"{config}: (file): nests tables or arrays more than 16 levels deep; using all defaults"
    assert said in stderr
