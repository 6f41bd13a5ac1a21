"""The core imports neither Qt nor SQL: every decision stays testable in plain Python."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import shiftwell.core


def test_core_loads_without_qt_or_sql() -> None:
    modules = [f"shiftwell.core.{m.name}" for m in pkgutil.iter_modules(shiftwell.core.__path__)]
    assert "shiftwell.core.engine" in modules
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in modules)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'sqlalchemy', 'sqlmodel'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
