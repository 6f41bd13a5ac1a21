"""The real app on a small, full disk: nothing acknowledged is lost, the write-ahead log
stays small, and a first start on a full disk runs and saves once there is room."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from shiftwell.platform.instance import socket_path
from tests.helpers.dbus import private_bus
from tests.helpers.process import wait_for
from tests.helpers.storage_faults import ask, fill, running_app, small_disk, stored_transitions

TRANSITIONS = 120


@pytest.fixture
def bus() -> Iterator[str]:
    with private_bus() as address:
        yield address


def wal_bytes(database: Path) -> int:
    wal = database.with_name(database.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


@pytest.mark.logs_warnings
def test_on_a_full_disk_every_acknowledged_transition_is_written_in_order_when_space_returns(
    tmp_path: Path, bus: str
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        data = disk / "data"
        database = data / "shiftwell.sqlite3"
        with running_app(data, bus) as app:
            app.wait_for_line("ready; data in")
            path = socket_path(data)
            assert ask(path, "start", {"confirmed": True})["ok"]
            filler = fill(disk)
            expected = [("start_shift", "off_shift", "focus")]
            for n in range(TRANSITIONS):
                cmd = "pause" if n % 2 == 0 else "resume"
                reply = ask(path, cmd)
                assert reply["ok"] and reply.get("detail") is not None, reply
                expected.append(
                    (cmd, "focus", "paused") if cmd == "pause" else (cmd, "paused", "focus")
                )
            assert len(stored_transitions(database)) < len(expected), "the disk never filled"
            filler.unlink()
            wait_for(
                lambda: len(stored_transitions(database)) >= len(expected),
                30,
                "the queue to be written",
            )
            # Written whole, then the log copied into the database and emptied.
            assert wal_bytes(database) <= 64 * 1024
            assert app.quit() == 0
        assert stored_transitions(database) == expected
