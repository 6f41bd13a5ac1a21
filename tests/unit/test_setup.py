"""The two set-ups: the run set-up installs what the app needs and nothing of the tests'."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Tools that exist only to test: a user who runs the app must never get them (PulseAudio, say,
# can displace a PipeWire desktop's sound server).
TEST_ONLY = {
    "xvfb", "xauth", "trayer", "dunst", "x11-utils", "xdotool", "dbus-x11",
    "pulseaudio", "pulseaudio-utils", "pipewire", "sway", "mutter", "weston", "grim",
    "desktop-file-utils", "appstream", "lintian", "dpkg-dev", "fakeroot",
}  # fmt: skip


def _plan(script: str) -> dict[str, str]:
    if not (ROOT / ".tools/bin/uv").exists() and shutil.which("uv") is None:
        pytest.skip("uv is not installed (.ci/setup installs it)")
    result = subprocess.run(
        ["bash", f".ci/{script}", "--dry-run"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    lines = [line.partition(": ") for line in result.stdout.splitlines() if ": " in line]
    return {key: value for key, _, value in lines}


def _dev_packages() -> set[str]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = (re.split(r"[<>=!~;\[ ]", spec)[0] for spec in pyproject["dependency-groups"]["dev"])
    return {name.lower().replace("_", "-") for name in names}


def test_the_run_set_up_installs_nothing_test_only() -> None:
    plan = _plan("setup-app")
    debian = set(plan["debian"].split())
    assert {"libxcb-cursor0", "libegl1", "libwayland-client0"} <= debian
    assert not debian & TEST_ONLY
    assert plan["python"].split() == ["uv", "sync", "--frozen", "--no-dev"]
    python = set(plan["python packages"].split())
    assert {"pyside6-essentials", "sqlmodel", "tomlkit"} <= python
    assert not python & _dev_packages(), "the app's environment holds development tools"


def test_the_test_set_up_adds_the_test_desktop_to_what_the_app_needs() -> None:
    app, test = _plan("setup-app"), _plan("setup")
    assert set(app["debian"].split()) < set(test["debian"].split())
    assert {"xvfb", "trayer", "dunst", "pulseaudio", "lintian"} <= set(test["debian"].split())
    assert _dev_packages() <= set(test["python packages"].split())


def test_the_package_lists_name_each_package_once() -> None:
    names = [
        name
        for path in (ROOT / ".ci/packages-app.txt", ROOT / ".ci/packages-test.txt")
        for line in path.read_text(encoding="utf-8").splitlines()
        for name in line.partition("#")[0].split()
    ]
    assert len(names) == len(set(names))
