from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path

from shiftwell.core.settings import Settings, settings_from_mapping
from shiftwell.platform.assets import asset
from shiftwell.platform.config_file import load_settings


def test_shipped_default_file_documents_exactly_the_defaults() -> None:
    data = tomllib.loads(asset("default-config.toml").read_text(encoding="utf-8"))
    loaded = settings_from_mapping(data, "default-config.toml")
    assert loaded.problems == []
    assert loaded.settings == Settings()


def test_first_run_writes_the_commented_default(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "config.toml"
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert path.read_text(encoding="utf-8") == asset("default-config.toml").read_text(
        encoding="utf-8"
    )


def test_users_file_is_read_and_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    original = '# mine\n[breaks.micro]\nevery = "15m"\nlength = "nope"\n'
    path.write_text(original, encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings.micro.every == timedelta(minutes=15)
    [problem] = loaded.problems
    assert str(problem).startswith(f"{path}: breaks.micro.length: 'nope' is not a duration")
    assert path.read_text(encoding="utf-8") == original


def test_broken_toml_is_reported_with_the_line_and_defaults_are_used(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[shift]\nlength = "8h\n', encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    [problem] = loaded.problems
    assert str(path) in str(problem) and "not valid TOML" in str(problem)
    assert "line 2" in str(problem)
    assert path.read_text(encoding="utf-8") == '[shift]\nlength = "8h\n'


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xff\xfe\x00bad")
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert "can't be read" in str(loaded.problems[0])
