"""A StatusNotifier tray appearing on a private bus reaches the app's main thread."""

from __future__ import annotations

import pytest
from jeepney import DBusAddress, new_signal
from jeepney.io.blocking import open_dbus_connection
from pytestqt.qtbot import QtBot

from shiftwell.platform.tray_watch import WATCHER, TrayWatch
from tests.helpers.dbus import private_bus
from tests.helpers.sni import Watcher


def test_a_watcher_taking_its_name_and_a_host_registering_are_heard(qtbot: QtBot) -> None:
    with private_bus() as address:
        watch = TrayWatch(address)
        assert watch.start()
        watcher = Watcher(address)
        try:
            with qtbot.wait_signal(watch.appeared, timeout=5000):
                watcher.start()
            connection = open_dbus_connection(address)
            try:
                with qtbot.wait_signal(watch.appeared, timeout=5000):
                    tray = DBusAddress("/StatusNotifierWatcher", interface=WATCHER)
                    connection.send(new_signal(tray, "StatusNotifierHostRegistered"))
            finally:
                connection.close()
        finally:
            watcher.stop()
            watch.stop()


def test_a_watcher_leaving_is_not_an_appearance(qtbot: QtBot) -> None:
    with private_bus() as address:
        first = Watcher(address)
        first.start()
        assert first.ready.wait(5)
        watch = TrayWatch(address)
        assert watch.start()
        heard: list[None] = []
        watch.appeared.connect(lambda: heard.append(None))
        second = Watcher(address)
        try:
            first.stop()  # the name is released: the bus says so first, in order
            with qtbot.wait_signal(watch.appeared, timeout=5000):
                second.start()
        finally:
            second.stop()
            watch.stop()
    assert len(heard) == 1


def test_no_bus_means_no_watch_and_a_quiet_note(caplog: pytest.LogCaptureFixture) -> None:
    watch = TrayWatch("unix:path=/nonexistent/session_bus_socket")
    assert watch.start() is False
    assert any("will not be noticed" in r.getMessage() for r in caplog.records)
    watch.stop()
