"""Finds shipped files (icons, default config) from a source tree or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    # app/shiftwell/platform/assets.py -> repository root
    return Path(__file__).resolve().parents[3] / "resources"


def asset(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
