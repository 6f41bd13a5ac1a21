"""Without a tray, how to get one is said once — not at every start. The real app, twice,
offscreen (no tray there), with a notification service on a private session bus."""

from __future__ import annotations

import signal
from pathlib import Path

from tests.helpers.configs import config
from tests.helpers.dbus import NotificationServer, private_bus
from tests.helpers.process import run_cli, start_app, wait_for

HINT_TITLE = "No tray icon on this desktop"


def run_once(tmp_path: Path, bus: str, starts: int) -> None:
    """Start number `starts` of Shiftwell on GNOME without the extension, until it gave up
    on the tray (its log keeps every start's lines)."""
    data, config_file = tmp_path / "data", tmp_path / "config.toml"
    config_file.write_text(config(), encoding="utf-8")
    options = ["--data-dir", str(data), "--config", str(config_file)]
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "DBUS_SESSION_BUS_ADDRESS": bus,
        "XDG_CURRENT_DESKTOP": "GNOME",
    }
    process = start_app(*options, "--tray-wait", "0s", env=env)
    log = data / "shiftwell.log"
    try:
        wait_for(
            lambda: log.exists() and log.read_text().count("showing a status window") >= starts,
            60,
            "the status window",
        )
        wait_for(lambda: log.read_text().count("ready; data in") >= starts, 60, "ready")
    finally:
        if run_cli("quit", *options, env=env).returncode != 0:
            process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)
    assert process.returncode == 0


def test_how_to_get_a_tray_is_said_once_across_restarts(tmp_path: Path) -> None:
    with private_bus() as bus:
        server = NotificationServer(bus)
        server.start()
        assert server.ready.wait(5)
        try:
            run_once(tmp_path, bus, starts=1)
            first = [call[3:5] for call in server.calls]
            run_once(tmp_path, bus, starts=2)
            second = [call[3:5] for call in server.calls[len(first) :]]
        finally:
            server.stop()
    [body] = [body for title, body in first if title == HINT_TITLE]
    assert "AppIndicator and KStatusNotifierItem Support" in body
    assert HINT_TITLE not in [title for title, _ in second]
    assert (tmp_path / "data" / "said-once.json").read_text() == '["tray_hint"]\n'
