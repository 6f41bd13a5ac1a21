"""The one-folder bundle (dist/shiftwell, made by packaging/build.sh; `bash .ci/test` builds
it before the tests) on a Wayland-only desktop: headless sway without XWayland, a
StatusNotifierItem tray. It must be a native Wayland client, with its own Qt plugins."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers.configs import UNSCHEDULED
from tests.helpers.process import wait_for
from tests.helpers.sni import sni_tray
from tests.helpers.wayland import OUTPUT_SIZES, sway_session

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "shiftwell" / "shiftwell"

pytestmark = [
    pytest.mark.desktop,
    pytest.mark.skipif(not BUNDLE.exists(), reason="no bundle: bash packaging/build.sh"),
]


def test_the_bundle_is_a_native_wayland_client_with_its_tray_item_and_screens(
    tmp_path: Path,
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(UNSCHEDULED + "\n", encoding="utf-8")
    with sway_session(tmp_path / "sway") as sway, sni_tray(sway.bus) as tray:
        # Only the bundle's own files: nothing from this checkout's Python path.
        env = {name: value for name, value in sway.env.items() if name != "PYTHONPATH"}
        env["SHIFTWELL_LANG"] = "en"
        command = [str(BUNDLE), "--data-dir", str(tmp_path / "data"), "--config", str(config)]

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [*command, *args], env=env, capture_output=True, text=True, timeout=60
            )

        app = subprocess.Popen(
            [*command, "--tray-wait", "20s"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            item = tray.host.item()
            assert item.properties["Id"] == "Shiftwell"
            assert run("start", "--yes").returncode == 0
            assert run("break", "long").returncode == 0
            wait_for(
                lambda: len(sway.windows_by_output()) == len(OUTPUT_SIZES),
                20,
                "a break screen on each output",
            )
            windows = [w for ws in sway.windows_by_output().values() for w in ws]
            # xdg_shell: drawn by the bundle's own Wayland plugin (this sway has no XWayland).
            assert {(w["shell"], w["name"]) for w in windows} == {("xdg_shell", "Shiftwell break")}
            assert run("focus").returncode == 0
        finally:
            app.terminate()
            _, stderr = app.communicate(timeout=30)
    assert app.returncode == 0, stderr
    assert "Could not find the Qt platform plugin" not in stderr
