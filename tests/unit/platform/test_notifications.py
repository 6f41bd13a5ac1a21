"""The freedesktop notifier against a real D-Bus daemon."""

from __future__ import annotations

import pytest

from shiftwell.platform.notifications import FreedesktopNotifier
from tests.helpers.dbus import NotificationServer, private_bus


def test_delivers_to_the_notification_service_and_replaces_its_last_one() -> None:
    with private_bus() as address:
        server = NotificationServer(address)
        server.start()
        assert server.ready.wait(5)
        notifier = FreedesktopNotifier(address)
        assert notifier.send("Micro break — 20 s", "Look away", 10_000)
        assert notifier.send("Break over", "Welcome back.", 5_000)
        notifier.close()
        server.stop()
    first, second = server.calls
    app, replaces, _icon, title, body, actions, hints, timeout = first
    assert (app, replaces, title, body, actions, timeout) == (
        "Shiftwell",
        0,
        "Micro break — 20 s",
        "Look away",
        [],
        10_000,
    )
    assert hints["desktop-entry"] == ("s", "shiftwell")
    assert second[1] == 1  # replaces the first: no pile of stale announcements
    assert second[3] == "Break over"


def test_reports_failure_when_no_daemon_owns_the_name(caplog: pytest.LogCaptureFixture) -> None:
    with private_bus() as address:
        notifier = FreedesktopNotifier(address)
        assert notifier.send("t", "b", 1000) is False
        notifier.close()
    assert any("refused" in r.getMessage() for r in caplog.records)


def test_reports_failure_when_there_is_no_bus(caplog: pytest.LogCaptureFixture) -> None:
    notifier = FreedesktopNotifier("unix:path=/nonexistent/bus")
    assert notifier.send("t", "b", 1000) is False
    assert any("unreachable" in r.getMessage() for r in caplog.records)
