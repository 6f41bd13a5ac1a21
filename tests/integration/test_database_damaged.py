"""The real app when its database is damaged while it runs: the record is kept, the file
moved aside, a fresh one carries on with what was not written, and the user is told once."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from shiftwell.platform.instance import socket_path
from tests.helpers.process import run_cli
from tests.helpers.storage_faults import ask, running_app, stored_transitions


@pytest.mark.logs_warnings
def test_a_database_damaged_while_running_is_kept_aside_and_a_fresh_one_takes_what_follows(
    tmp_path: Path, bus: str
) -> None:
    data = tmp_path / "data"
    database = data / "shiftwell.sqlite3"
    with running_app(data, bus) as app:
        app.wait_for_line("ready; data in")
        assert ask(socket_path(data), "start", {"confirmed": True})["ok"]
        # Something overwrites the file under the running app.
        size = database.stat().st_size
        database.write_bytes(random.Random(5).randbytes(size))

        paused = run_cli("pause", "--data-dir", str(data))
        assert paused.returncode == 0, paused.stderr
        assert "SQL" not in paused.stdout + paused.stderr
        assert ask(socket_path(data), "resume")["ok"]
        assert app.quit() == 0

    [aside] = data.glob("shiftwell.sqlite3.corrupt-*[0-9Z]")
    told = [line for line in app.lines if "a new one holds what happens from now on" in line]
    assert len(told) == 1, told
    assert f"it was kept as {aside}" in app.said
    with closing(sqlite3.connect(database)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert stored_transitions(database) == [
        ("pause", "focus", "paused"),
        ("resume", "paused", "focus"),
    ]
    # The log the damaged file had (the start of the shift) is kept beside it.
    assert aside.with_name(aside.name + "-wal.copy").exists()
