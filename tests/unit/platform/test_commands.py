"""The user's commands (hooks, the log-off action) run as real processes: argument lists
without a shell, their environment, a timeout, and every failure told in a sentence."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from shiftwell.platform.commands import CommandRunner

HOOK = "The break_start hook"


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[CommandRunner]:
    made = CommandRunner()
    yield made
    qtbot.wait_until(lambda: made.running == 0, timeout=5000)


def python(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def test_a_command_gets_its_arguments_verbatim_and_the_transition_in_its_environment(
    qtbot: QtBot, runner: CommandRunner, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="shiftwell.platform.commands")
    # Were it run through a shell, `$HOME; echo` would be expanded and split.
    code = "import os, sys; print(sys.argv[1], '|', os.environ['SHIFTWELL_EVENT'])"
    with (
        qtbot.assert_not_emitted(runner.failed),
        qtbot.wait_signal(runner.finished, timeout=10_000) as done,
    ):
        runner.run(HOOK, python(code, "$HOME; echo pwned"), {"SHIFTWELL_EVENT": "x"}, 10)
    assert done.args == [HOOK, 0]
    said = [r.getMessage() for r in caplog.records if "said:" in r.getMessage()]
    assert said == [f"{HOOK} said: $HOME; echo pwned | x"]


@pytest.mark.logs_warnings
def test_a_failing_command_is_reported_in_a_sentence_and_logged(
    qtbot: QtBot, runner: CommandRunner, caplog: pytest.LogCaptureFixture
) -> None:
    with qtbot.wait_signal(runner.failed, timeout=10_000) as failed:
        runner.run(HOOK, python("import sys; sys.exit(3)"), {}, 10)
    assert failed.args == [HOOK, "The break_start hook exited with status 3."]
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == [
        "The break_start hook exited with status 3."
    ]


@pytest.mark.logs_warnings
def test_a_program_that_is_not_there_is_reported(
    qtbot: QtBot, runner: CommandRunner, tmp_path: Path
) -> None:
    missing = str(tmp_path / "no-such-program")
    with qtbot.wait_signal(runner.failed, timeout=10_000) as failed:
        runner.run("The log-off action", [missing, "--now"], {}, 10)
    what, message = failed.args
    assert what == "The log-off action"
    assert message.startswith(f"The log-off action could not start {missing!r}: ")
    assert runner.running == 0


@pytest.mark.logs_warnings
def test_a_command_that_runs_too_long_is_stopped_and_reported(
    qtbot: QtBot, runner: CommandRunner
) -> None:
    with (
        qtbot.wait_signal(runner.failed, timeout=10_000) as failed,
        qtbot.wait_signal(runner.finished, timeout=10_000) as finished,
    ):
        runner.run(HOOK, python("import time; time.sleep(60)"), {}, 0.3)
    assert failed.args == [
        HOOK,
        "The break_start hook did not finish within 0.3 s and was stopped.",
    ]
    assert finished.args[0] == HOOK and finished.args[1] != 0  # killed, not left running
    assert runner.running == 0


def test_the_runner_may_go_right_after_a_command_finished(qtbot: QtBot) -> None:
    # At the app's exit a hook may just have finished, its process not yet deleted: the
    # runner going first used to delete it twice (a crash at the next event).
    runner = CommandRunner()
    with qtbot.wait_signal(runner.finished, timeout=10_000) as finished:
        runner.run(HOOK, python("pass"), {}, 10)
    assert finished.args == [HOOK, 0] and runner.running == 0
    del runner
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # it is deleted here
