"""The `shiftwell` command's arguments and error messages, run as a real process."""

from __future__ import annotations

from pathlib import Path

from shiftwell import __version__
from tests.helpers.process import run_cli


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"shiftwell {__version__}"


def test_help_names_every_option() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for option in ("--data-dir", "--config", "--tray-wait", "--version", "SHIFTWELL_DATA_DIR"):
        assert option in result.stdout


def test_bad_duration_is_named_with_its_value() -> None:
    result = run_cli("--tray-wait", "soon")
    assert result.returncode == 2
    assert "argument --tray-wait: 'soon' is not a duration (e.g. 90s, 25m, 1h30m)" in (
        result.stderr
    )


def test_data_dir_that_is_a_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("keep me", encoding="utf-8")
    result = run_cli("--data-dir", str(blocker))
    assert result.returncode == 2
    assert f"shiftwell: the data dir {blocker} is a file, not a directory" in result.stderr
    assert blocker.read_text(encoding="utf-8") == "keep me"


def test_data_dir_from_environment_is_used(tmp_path: Path) -> None:
    blocker = tmp_path / "env-file"
    blocker.write_text("", encoding="utf-8")
    result = run_cli(env={"SHIFTWELL_DATA_DIR": str(blocker)})
    assert result.returncode == 2
    assert str(blocker) in result.stderr


def test_no_graphical_session_is_explained(tmp_path: Path) -> None:
    result = run_cli(
        "--data-dir",
        str(tmp_path / "d"),
        "--config",
        str(tmp_path / "c.toml"),
        env={"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""},
    )
    assert result.returncode == 2
    assert "no graphical session found" in result.stderr
