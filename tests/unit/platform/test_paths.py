from __future__ import annotations

from pathlib import Path

from shiftwell.platform.paths import resolve_paths


def test_defaults_follow_the_platform_user_dirs(private_home: Path) -> None:
    paths = resolve_paths(environ={})
    assert paths.data_dir == private_home / ".local/share/shiftwell"
    assert paths.config_file == private_home / ".config/shiftwell/config.toml"
    assert paths.database.name == "shiftwell.sqlite3"


def test_environment_overrides_defaults(tmp_path: Path) -> None:
    env = {"SHIFTWELL_DATA_DIR": str(tmp_path / "d"), "SHIFTWELL_CONFIG": str(tmp_path / "c")}
    paths = resolve_paths(environ=env)
    assert (paths.data_dir, paths.config_file) == (tmp_path / "d", tmp_path / "c")


def test_options_override_the_environment(tmp_path: Path) -> None:
    env = {"SHIFTWELL_DATA_DIR": "/elsewhere", "SHIFTWELL_CONFIG": "/elsewhere.toml"}
    paths = resolve_paths(str(tmp_path / "d"), str(tmp_path / "c.toml"), environ=env)
    assert (paths.data_dir, paths.config_file) == (tmp_path / "d", tmp_path / "c.toml")
