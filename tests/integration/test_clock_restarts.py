"""The real app started on a record a clock fault or a crash left behind."""

from __future__ import annotations

import signal
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from shiftwell.core.clock import ManualClock
from shiftwell.core.engine import Engine
from shiftwell.core.model import StartShift
from shiftwell.core.settings import BreakPolicy, Settings, ShiftSettings, Strictness
from shiftwell.platform.instance import socket_path
from tests.helpers.configs import config
from tests.helpers.process import start_app, wait_for
from tests.helpers.stored import StoredRepository
from tests.integration.test_crash_recovery import ask, ready_after, starts

CONFIG = config("[logoff]\nwarnings = []")
GENTLE = Settings(
    breaks=BreakPolicy(strictness=Strictness.GENTLE), shift=ShiftSettings(auto_start=False)
)


class App:
    """The real app on `data`, started and stopped as a test asks."""

    def __init__(self, tmp_path: Path, bus: str) -> None:
        self.data, self.config = tmp_path / "data", tmp_path / "config.toml"
        self.config.write_text(CONFIG, encoding="utf-8")
        self.env = {"QT_QPA_PLATFORM": "offscreen", "DBUS_SESSION_BUS_ADDRESS": bus}
        self.log = self.data / "shiftwell.log"
        self.socket = socket_path(self.data)

    def run(self, *commands: tuple[str, dict[str, object]], end: signal.Signals) -> list[object]:
        """Start, wait until ready, send `commands`, then stop with `end` (SIGKILL: a crash)."""
        before = starts(self.log)
        process = start_app(
            *("--data-dir", str(self.data), "--config", str(self.config), "--tray-wait", "0s"),
            env=self.env,
        )
        replies: list[object] = []
        try:
            wait_for(ready_after(self.log, before), 30, "the app to be ready")
            for cmd, args in commands:
                replies.append(ask(str(self.socket), cmd, args))
        finally:
            process.send_signal(end)
            process.communicate(timeout=30)
        return replies

    def rows(self, query: str) -> list[tuple[object, ...]]:
        with sqlite3.connect(self.data / "shiftwell.sqlite3") as db:
            return db.execute(query).fetchall()


def stamp(value: object) -> datetime:
    assert isinstance(value, str)
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def test_records_written_while_the_clock_ran_ahead_are_repaired_and_the_user_told(
    tmp_path: Path, bus: str
) -> None:
    app = App(tmp_path, bus)
    app.data.mkdir(mode=0o700)
    # A shift started on a clock an hour ahead, then a crash; the clock is put right.
    repository = StoredRepository(app.data / "shiftwell.sqlite3")
    ahead = ManualClock(datetime.now(UTC) + timedelta(minutes=20))
    engine = Engine(GENTLE, ahead, [repository])
    engine.handle(StartShift(confirmed=True))
    ahead.advance(40 * 60)  # focus, a micro break, focus
    repository.beat(ahead.now())

    replies = app.run(("status", {}), ("end-shift", {}), end=signal.SIGTERM)
    stopped = datetime.now(UTC)
    assert [r.get("state") if isinstance(r, dict) else r for r in replies][:1] == ["focus"]

    [(start, end)] = app.rows("select actual_start, actual_end from shift")
    assert stamp(start) <= stamp(end) <= stopped
    for kind, begun, ended in app.rows("select kind, actual_start, actual_end from segment"):
        assert stamp(start) <= stamp(begun) <= stamp(ended) <= stamp(end), kind
    [(latest,)] = app.rows("select max(at) from 'transition'")
    assert stamp(latest) <= stopped
    log = app.log.read_text()
    assert "Your computer's clock was ahead when Shiftwell last ran" in log
    assert "were moved back by 1 h 00 min, keeping their order and lengths." in log


def state_of(reply: object) -> object:
    return reply.get("state") if isinstance(reply, dict) else reply


def test_after_a_crash_a_pause_a_break_and_a_call_go_on_and_the_user_is_told(
    tmp_path: Path, bus: str
) -> None:
    app = App(tmp_path, bus)
    kill = signal.SIGKILL
    started = app.run(("start", {"confirmed": True}), ("pause", {"seconds": 3600}), end=kill)
    assert [state_of(r) for r in started] == ["focus", "paused"]
    paused = app.run(("status", {}), ("resume", {}), ("break", {"kind": "long"}), end=kill)
    assert state_of(paused[0]) == "paused"
    on_break = app.run(("status", {}), ("focus", {}), ("call", {"action": "start"}), end=kill)
    assert state_of(on_break[0]) == "long_break"
    on_call = app.run(("status", {}), ("call", {"action": "end"}), ("status", {}), end=kill)
    assert [state_of(on_call[0]), state_of(on_call[2])] == ["on_call", "focus"]

    log = app.log.read_text()
    assert "Shiftwell restarted — Your pause goes on: 1 h 00 min left." in log
    assert "Shiftwell restarted — Your break goes on: 10 min left." in log
    assert "Shiftwell restarted — You are still on a call: breaks wait until it ends." in log
    details = [
        str(d) for (d,) in app.rows("select detail from 'transition' where trigger = 'recover'")
    ]
    assert [d.split(" for ")[0].split(";")[0] for d in details] == [
        "resumed the shift, paused",  # for what is left of the hour
        "resumed the shift, long_break",  # for what is left of the ten minutes
        "resumed the shift, on a call",
    ]
