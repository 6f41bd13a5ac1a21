"""The real app while another program holds its database: nothing freezes, nothing is lost,
and the command line tells the truth."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.helpers.process import run_cli, wait_for
from tests.helpers.storage_faults import (
    locked_by_another_program,
    running_app,
    stored_transitions,
)

ACTIONS = [("start", "--yes"), ("pause",), ("resume",)]
DONE = [
    ("start_shift", "off_shift", "focus"),
    ("pause", "focus", "paused"),
    ("resume", "paused", "focus"),
]


def act(data: Path, *action: str) -> tuple[int, str, float]:
    started = time.monotonic()
    done = run_cli(*action, "--data-dir", str(data))
    return done.returncode, done.stdout + done.stderr, time.monotonic() - started


@pytest.mark.logs_warnings
def test_a_locked_database_freezes_nothing_and_the_command_line_says_what_was_done(
    tmp_path: Path, bus: str
) -> None:
    data = tmp_path / "data"
    database = data / "shiftwell.sqlite3"
    with running_app(data, bus) as app:
        app.wait_for_line("ready; data in")
        with locked_by_another_program(database):
            for action in ACTIONS:
                code, said, seconds = act(data, *action)
                # Applied, and said so at once: a user who retried would act twice.
                assert code == 0, said
                assert "not saved yet" in said
                assert seconds < 2.5, f"{action} took {seconds:.1f} s"
            assert stored_transitions(database) == []
        # The lock is gone: the queue is written, in order, without any further command.
        wait_for(lambda: stored_transitions(database) == DONE, 20, "the queue to be written")
        assert not (data / "shiftwell.sqlite3.pending").exists()
        code, said, _ = act(data, "status")
        assert code == 0 and "not saved yet" not in said
        assert app.quit() == 0
    assert "Shiftwell can't write to its database (database is locked)" in app.said


@pytest.mark.logs_warnings
def test_quitting_while_the_database_is_locked_keeps_every_transition_for_the_next_start(
    tmp_path: Path, bus: str
) -> None:
    data = tmp_path / "data"
    database = data / "shiftwell.sqlite3"
    with running_app(data, bus) as app:
        app.wait_for_line("ready; data in")
        with locked_by_another_program(database):
            for action in ACTIONS:
                code, said, _ = act(data, *action)
                assert code == 0, said
            assert app.quit() == 0  # the lock outlives the app
        assert "3 changes are not saved yet; trying for up to 5 s before quitting" in app.said
        assert "3 changes wait in" in app.said
    assert stored_transitions(database) == []
    assert (data / "shiftwell.sqlite3.pending").exists()

    with running_app(data, bus) as again:
        again.wait_for_line("ready; data in")
        assert stored_transitions(database)[:3] == DONE
        assert not (data / "shiftwell.sqlite3.pending").exists()
        assert again.quit() == 0
