"""`shiftwell --self-check`: one line per check, exit 0 only when all pass, nothing of the
user's touched — run as a real process, and in-process with checks that fail."""

from __future__ import annotations

import ctypes
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from shiftwell import __version__, selfcheck
from shiftwell.core.clock import ManualClock
from shiftwell.selfcheck import CHECKS, EXIT_FAILED, Workspace, none_drift, run_self_check
from shiftwell.ui.breaks.overlay import BreakOverlay, BreakView
from shiftwell.ui.logoff.logoff_screen import LogoffScreen, LogoffView
from tests.helpers.process import run_cli


def test_self_check_passes_offscreen_without_touching_the_users_files(
    tmp_path: Path, private_home: Path
) -> None:
    # A data dir that is a file and an X platform without a display: a normal start would
    # refuse both; the self-check uses neither.
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("keep me", encoding="utf-8")
    config = tmp_path / "config.toml"
    result = run_cli(
        "--self-check",
        env={
            "SHIFTWELL_DATA_DIR": str(blocker),
            "SHIFTWELL_CONFIG": str(config),
            "QT_QPA_PLATFORM": "xcb",
            "DISPLAY": "",
            "WAYLAND_DISPLAY": "",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Shiftwell {__version__} self-check (Python {sys.version.split()[0]})"
    assert [line.split(":")[0] for line in lines[1:-1]] == [f"ok  {name}" for name in CHECKS]
    assert "ok  database: wrote and read 1 shift" in lines
    assert any(line.startswith("ok  qt: Qt 6.") and "offscreen" in line for line in lines)
    assert lines[-1] == f"self-check passed: {len(CHECKS)} checks"
    assert "Traceback" not in result.stderr
    assert blocker.read_text(encoding="utf-8") == "keep me"
    assert not config.exists()
    assert not [p for p in private_home.rglob("*") if "shiftwell" in p.name.lower()]


@pytest.fixture
def report(qapp: QApplication) -> tuple[io.StringIO, io.StringIO]:
    """Where an in-process run writes (pytest-qt's application stands in for the app's)."""
    return io.StringIO(), io.StringIO()


def test_a_failing_check_is_named_and_the_others_still_run(
    report: tuple[io.StringIO, io.StringIO], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_disk(_space: Workspace) -> str:
        raise OSError("disk I/O error")

    monkeypatch.setitem(CHECKS, "database", broken_disk)
    out, err = report
    assert run_self_check(out, err) == EXIT_FAILED == 1
    lines = out.getvalue().splitlines()
    assert "FAIL database: OSError: disk I/O error" in lines
    assert sum(line.startswith("ok  ") for line in lines) == len(CHECKS) - 1
    assert lines[-1] == "self-check failed: database"
    assert "broken_disk" in err.getvalue()  # the traceback, for whoever reads stderr


@pytest.mark.logs_warnings
def test_a_bundle_without_its_resources_fails_and_says_which_file(
    report: tuple[io.StringIO, io.StringIO],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # As a frozen bundle whose resources/ folder was left out.
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    out, err = report
    assert run_self_check(out, err) == EXIT_FAILED
    lines = out.getvalue().splitlines()
    resources = next(line for line in lines if line.startswith("FAIL resources:"))
    assert str(tmp_path / "resources" / "style.qss") in resources
    chime = next(line for line in lines if line.startswith("FAIL chime:"))
    assert "break-end.wav" in chime
    assert "ok  database: wrote and read 1 shift" in lines  # the scripts ship in the package
    failed = lines[-1].removeprefix("self-check failed: ").split(", ")
    assert {"resources", "settings", "chime"} <= set(failed)
    # The first run could not copy the shipped settings, and said so.
    (warning,) = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warning.startswith("could not write the default config to ")
    assert warning.endswith(f"'{tmp_path / 'resources' / 'default-config.toml'}'")


def test_the_checks_leave_no_window_open(
    report: tuple[io.StringIO, io.StringIO], qapp: QApplication
) -> None:
    before = {id(w) for w in qapp.topLevelWidgets() if w.isVisible()}
    out, err = report
    assert run_self_check(out, err) == 0, out.getvalue() + err.getvalue()
    after = [w for w in qapp.topLevelWidgets() if w.isVisible() and id(w) not in before]
    assert after == []


def test_the_workspace_is_removed_afterwards(
    report: tuple[io.StringIO, io.StringIO], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Path] = []

    def note_folder(space: Workspace) -> str:
        seen.append(space.database)
        return "noted"

    monkeypatch.setattr(
        selfcheck, "CHECKS", {"database": selfcheck.check_database, "x": note_folder}
    )
    out, err = report
    assert run_self_check(out, err) == 0
    assert "ok  x: noted" in out.getvalue().splitlines()
    assert seen and not seen[0].parent.exists()


# --- Qt bindings that wear out None (PySide6 6.12 on Python 3.11) -------------------------


def test_none_drift_counts_references_lost_by_a_call() -> None:
    py_decref = ctypes.pythonapi.Py_DecRef
    py_decref.argtypes = [ctypes.py_object]
    py_decref.restype = None
    try:
        assert none_drift(lambda: py_decref(None), 200) == -200
    finally:
        for _ in range(200):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    assert none_drift(lambda: None, 200) == 0


def test_a_working_day_of_qt_calls_keeps_none_alive(qapp: QApplication) -> None:
    # The calls the shell makes all day: break countdown ticks, log-off updates, events.
    clock = ManualClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    overlay = BreakOverlay(clock.monotonic)
    view = BreakView("Long break", clock.monotonic() + 600, "Walk.", True, True, "Later", None)
    overlay.show_break(view)
    logoff = LogoffScreen()
    summary = LogoffView("Over", ("Focus: 7 h",), False, True, "2 h left", ("Handover",))
    logoff.show_logoff(summary)

    def a_second() -> None:
        clock.advance(1)
        overlay.tick()
        logoff.update_view(summary)
        QCoreApplication.processEvents()

    try:
        assert none_drift(a_second, 500) >= 0
    finally:
        overlay.close_all()
        logoff.close_all()


def test_the_qt_check_fails_on_bindings_that_lose_references(
    report: tuple[io.StringIO, io.StringIO], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selfcheck, "none_drift", lambda _call, times: -times)
    monkeypatch.setattr(selfcheck, "CHECKS", {"qt": selfcheck.check_qt})
    out, err = report
    assert run_self_check(out, err) == EXIT_FAILED
    [line] = [line for line in out.getvalue().splitlines() if line.startswith("FAIL qt:")]
    assert "lose a reference to None on 1000 of 1000 calls" in line
    assert "install PySide6 below 6.12 or use Python 3.12+" in line
