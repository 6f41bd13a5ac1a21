"""README's settings tables, made from the settings spec.

    python -m shiftwell.core.settings_doc

prints every key's table row, section by section; README's rows must be these lines
(tests/unit/core/test_settings_doc.py checks them, and the default config.toml's values).
"""

from __future__ import annotations

import json
from typing import Any

from shiftwell.core.settings import KNOWN_KEYS
from shiftwell.core.settings_spec import BREAK_LENGTHS, SPEC, Key

HEADER = "| key | default | allowed | meaning |"
HOOKS_HEADER = "| key | runs when |"


def toml_literal(value: Any) -> str:
    """A default as written in config.toml: `"20m"`, `3`, `true`, `["15m", "5m"]`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


def allowed(spec: Key) -> str:
    text = spec.allowed or spec.kind.allowed
    if spec.key == BREAK_LENGTHS.shorter:
        text += f", shorter than `{BREAK_LENGTHS.longer}`"
    return text


def readme_row(key: str) -> str:
    spec = SPEC[key]
    if key.startswith("hooks."):
        return f"| `{key}` | {spec.meaning} |"
    shown = spec.default_text or f"`{toml_literal(spec.default)}`"
    return f"| `{key}` | {shown} | {allowed(spec)} | {spec.meaning} |"


def readme_tables() -> str:
    lines: list[str] = []
    section = ""
    for key in KNOWN_KEYS:
        if key.split(".")[0] != section:
            section = key.split(".")[0]
            header = HOOKS_HEADER if section == "hooks" else HEADER
            lines += ["", f"[{section}]", header]
        lines.append(readme_row(key))
    return "\n".join(lines[1:]) + "\n"


if __name__ == "__main__":
    print(readme_tables(), end="")
