"""The settings spec is the one truth: the typed defaults, README's tables and the default
config.toml all agree with it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from shiftwell.core.settings import (
    KNOWN_KEYS,
    Settings,
    settings_from_mapping,
    settings_to_dotted,
    typed_value,
    validate_value,
)
from shiftwell.core.settings_doc import readme_row, readme_tables
from shiftwell.core.settings_spec import KEYS, SPEC
from shiftwell.platform.assets import asset

README = Path(__file__).parents[3] / "README.md"
ROW = re.compile(r"^\| `([a-z_]+\.[a-z_.]+)` \|", re.MULTILINE)


def readme_rows() -> dict[str, str]:
    text = README.read_text(encoding="utf-8")
    return {m.group(1): line for line in text.splitlines() if (m := ROW.match(line))}


@pytest.mark.parametrize("key", KNOWN_KEYS)
def test_readmes_row_for_each_key_says_what_the_spec_says(key: str) -> None:
    assert readme_rows().get(key) == readme_row(key), (
        "README's settings tables disagree with core/settings_spec.py; "
        "python -m shiftwell.core.settings_doc prints the rows"
    )


def test_readme_lists_no_setting_the_spec_does_not_know() -> None:
    assert set(readme_rows()) <= set(KNOWN_KEYS)


def test_the_printed_tables_hold_every_keys_row() -> None:
    printed = readme_tables()
    assert all(readme_row(key) in printed.splitlines() for key in KNOWN_KEYS)


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            flat |= flatten(value, f"{dotted}.")
        else:
            flat[dotted] = value
    return flat


def test_the_default_config_file_writes_the_specs_defaults() -> None:
    text = asset("default-config.toml").read_text(encoding="utf-8")
    written = flatten(tomllib.loads(text))
    assert written, "the default config.toml sets no key"
    for key, raw in written.items():
        assert key in SPEC, f"default-config.toml: unknown key {key}"
        assert validate_value(key, raw) == SPEC[key].typed_default(), (
            f"default-config.toml: {key} = {raw!r}, but the spec's default is {SPEC[key].default!r}"
        )


@pytest.mark.parametrize("spec", KEYS, ids=lambda spec: spec.key)
def test_typed_settings_default_to_the_specs_values(spec: Any) -> None:
    if spec.default is None:
        assert spec.key not in settings_to_dotted(Settings())
    else:
        assert typed_value(Settings(), spec.key) == spec.typed_default()
        assert settings_to_dotted(Settings())[spec.key] == spec.default


def test_an_empty_file_reads_as_the_specs_defaults() -> None:
    loaded = settings_from_mapping({}, "empty.toml")
    assert loaded.problems == []
    defaults = {spec.key: spec.default for spec in KEYS if spec.default is not None}
    assert settings_to_dotted(loaded.settings) == defaults


def test_every_key_has_a_dialog_label_with_one_mnemonic_and_a_meaning() -> None:
    for spec in KEYS:
        assert spec.label.replace("&&", "").count("&") == 1, spec.key
        assert spec.meaning, spec.key
