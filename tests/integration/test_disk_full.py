"""The real app on a small, full disk: nothing acknowledged is lost, the write-ahead log
stays small, and a first start on a full disk runs and saves once there is room."""

from __future__ import annotations

from pathlib import Path

import pytest

from shiftwell.platform.instance import socket_path
from tests.helpers.process import wait_for
from tests.helpers.storage_faults import ask, fill, running_app, small_disk, stored_transitions

TRANSITIONS = 120


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
            # Written whole, then the log copied into the database and emptied (again a
            # moment later if this test's own reading held the first checkpoint off).
            wait_for(lambda: wal_bytes(database) <= 64 * 1024, 10, "the log to be emptied")
            assert app.quit() == 0
        assert stored_transitions(database) == expected


@pytest.mark.logs_warnings
def test_a_first_start_on_a_full_disk_says_why_runs_and_saves_once_there_is_room(
    tmp_path: Path, bus: str
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        data = disk / "data"
        data.mkdir(mode=0o700)
        database = data / "shiftwell.sqlite3"
        filler = fill(disk)
        with running_app(data, bus, config_dir=tmp_path) as app:
            app.wait_for_line("ready; data in")
            told = (
                f"Shiftwell can't create its database: the disk holding {data} is full. "
                "Your shift is kept and saved as soon as there is room."
            )
            # Said once (in the log; the pop-up shows the same sentence).
            assert [line for line in app.lines if "WARNING" in line and told in line] != []
            assert len([line for line in app.lines if "WARNING" in line and told in line]) == 1
            reply = ask(socket_path(data), "start", {"confirmed": True})
            assert reply["ok"] and reply["state"] == "focus", reply
            assert reply["unsaved"] == 1
            filler.unlink()
            wait_for(
                lambda: (
                    database.exists()
                    and database.stat().st_size > 0
                    and stored_transitions(database) == [("start_shift", "off_shift", "focus")]
                ),
                30,
                "the shift to be saved",
            )
            assert ask(socket_path(data), "status").get("unsaved") is None
            assert app.quit() == 0
        assert "can't write to its database" not in app.said  # one sentence, not two
        assert "Shiftwell saves again" in app.said
        assert "Traceback" not in app.said
        assert "Logging error" not in app.said
