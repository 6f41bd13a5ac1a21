"""The platform layer talks to the OS and never draws: no Qt widgets anywhere in it.

(import-linter checks the other rules between the layers; it cannot name a part of an
external package such as PySide6.QtWidgets, so this one is checked here.)
"""

from __future__ import annotations

import ast
from pathlib import Path

import shiftwell.platform

PLATFORM = Path(shiftwell.platform.__file__).parent


def _widget_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        if any("QtWidgets" in name for name in names):
            found.append(f"{path.name}:{node.lineno}")
    return found


def test_no_platform_module_imports_qt_widgets() -> None:
    modules = sorted(PLATFORM.rglob("*.py"))
    assert len(modules) > 5
    assert [hit for path in modules for hit in _widget_imports(path)] == []


def test_the_check_sees_every_way_of_importing_widgets(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import PySide6.QtWidgets\nfrom PySide6 import QtWidgets\n"
        "from PySide6.QtWidgets import QWidget\nfrom PySide6.QtCore import QTimer\n",
        encoding="utf-8",
    )
    assert _widget_imports(bad) == ["bad.py:1", "bad.py:2", "bad.py:3"]
