"""Reads the user's TOML config; writes a commented default on first run, never overwrites."""

from __future__ import annotations

import logging
import shutil
import tomllib
from datetime import UTC, tzinfo
from pathlib import Path

from shiftwell.core.settings import LoadedSettings, SettingProblem, Settings, settings_from_mapping
from shiftwell.platform.assets import asset

log = logging.getLogger(__name__)


def load_settings(path: Path) -> LoadedSettings:
    """Settings from `path`; any problem is reported and that part falls back to defaults."""
    if not path.exists():
        _write_default(path)
        return LoadedSettings(Settings())
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return _defaults_because(path, f"can't be read ({error}); using all defaults")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return _defaults_because(path, f"is not valid TOML ({error}); using all defaults")
    return settings_from_mapping(data, str(path), local_timezone())


def local_timezone() -> tzinfo:
    """The user's zone by name (so shifts follow DST); UTC if the system can't tell."""
    try:
        import tzlocal

        return tzlocal.get_localzone()
    except Exception as error:  # tzlocal raises several kinds for odd setups
        log.warning("can't tell the local time zone (%s); using UTC", error)
        return UTC


def _defaults_because(path: Path, message: str) -> LoadedSettings:
    return LoadedSettings(Settings(), [SettingProblem(str(path), "(file)", message)])


def _write_default(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asset("default-config.toml"), path)
    except OSError as error:
        log.warning("could not write the default config to %s: %s", path, error)
    else:
        log.info("wrote the default config to %s", path)
