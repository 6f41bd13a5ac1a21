"""Every window fits a 1366x768 laptop screen with a panel, at 100 % and 125 % scale.

A child Qt process on a private Xvfb opens each window as the app does (tests/helpers/fit.py)
and reports its real geometry; the X server says 40 px at the foot belong to a panel.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.desktop import xvfb
from tests.helpers.fit import panel
from tests.helpers.process import shiftwell_env
from tests.helpers.screens import REPO

SCREEN = (1366, 768)
WORK_AREA = (0, 0, 1366, 728)  # a 40 px panel at the foot
COVERS = {"break", "logoff", "logoff-more-time"}
WINDOWS = {"stats", "settings", "checkin", "status", "popup"} | COVERS


def measure(scale: str, pictures: Path) -> dict[str, Any]:
    with xvfb(size=f"{SCREEN[0]}x{SCREEN[1]}x24") as display, panel(display, WORK_AREA):
        env = {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "QT_SCALE_FACTOR": scale}
        done = subprocess.run(
            [sys.executable, "-m", "tests.helpers.fit", str(pictures)],
            cwd=REPO,
            env=shiftwell_env(env),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return report


def inside(inner: list[int], outer: list[int]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb")
@pytest.mark.parametrize("scale", ["1", "1.25"])
def test_every_window_fits_a_small_laptop_screen(scale: str, tmp_path: Path) -> None:
    report = measure(scale, tmp_path)
    factor = float(scale)
    screen, available = report["screen"], report["available"]
    assert screen[2:] == [round(n / factor) for n in SCREEN] or screen[2:] == [
        int(n / factor) for n in SCREEN
    ]
    assert available[3] < screen[3]  # the panel is known to Qt
    windows = report["windows"]
    assert set(windows) == WINDOWS
    too_big = {}
    for name, shown in windows.items():
        area = screen if name in COVERS else available
        least_w, least_h = shown["minimum"]
        if not inside(shown["frame"], area) or least_w > area[2] or least_h > area[3]:
            too_big[name] = shown
        if name in COVERS:
            assert shown["geometry"] == screen, name  # a cover is the screen, not more
    assert too_big == {}, f"at {scale}x, within {available}"
    assert {p.stem for p in tmp_path.glob("*.png")} == WINDOWS
