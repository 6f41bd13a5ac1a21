"""logind's PrepareForSleep, sent on a private bus, reaches the app's main thread."""

from __future__ import annotations

import pytest
from jeepney import DBusAddress, new_signal
from jeepney.io.blocking import open_dbus_connection
from pytestqt.qtbot import QtBot

from shiftwell.platform.sleep import SleepWatcher
from tests.helpers.dbus import private_bus


def announce(address: str, going_to_sleep: bool) -> None:
    logind = DBusAddress("/org/freedesktop/login1", interface="org.freedesktop.login1.Manager")
    connection = open_dbus_connection(address)
    try:
        connection.send(new_signal(logind, "PrepareForSleep", "b", (going_to_sleep,)))
    finally:
        connection.close()


def test_sleep_and_wake_are_heard(qtbot: QtBot) -> None:
    with private_bus() as address:
        watcher = SleepWatcher(address)
        assert watcher.start()
        try:
            with qtbot.wait_signal(watcher.sleeping, timeout=5000) as before:
                announce(address, True)
            with qtbot.wait_signal(watcher.sleeping, timeout=5000) as after:
                announce(address, False)
        finally:
            watcher.stop()
    assert (before.args, after.args) == ([True], [False])


def test_no_bus_means_no_watcher_and_a_quiet_note(caplog: pytest.LogCaptureFixture) -> None:
    watcher = SleepWatcher("unix:path=/nonexistent/system_bus_socket")
    assert watcher.start() is False
    assert any("noticed by the clocks" in r.getMessage() for r in caplog.records)
    watcher.stop()
