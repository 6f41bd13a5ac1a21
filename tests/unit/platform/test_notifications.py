"""The freedesktop notifier against a real D-Bus daemon."""

from __future__ import annotations

import threading

import pytest

from shiftwell.platform.notifications import FreedesktopNotifier
from tests.helpers.dbus import NotificationServer, private_bus


def test_delivers_to_the_notification_service() -> None:
    with private_bus() as address:
        server = NotificationServer(address)
        server.start()
        assert server.ready.wait(5)
        notifier = FreedesktopNotifier(address)
        assert notifier.send("Micro break — 20 s", "Look away", 10_000, "break")
        notifier.close()
        server.stop()
    [first] = server.calls
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


def test_only_an_update_of_the_same_announcement_replaces_it() -> None:
    with private_bus() as address:
        server = NotificationServer(address)
        server.start()
        assert server.ready.wait(5)
        notifier = FreedesktopNotifier(address)
        assert notifier.send("Your shift ends in 5 min", "Wrap up", 10_000, "shift_end")
        assert notifier.send("Your shift ends in 1 min", "Log-off soon", 10_000, "shift_end")
        assert notifier.send("Break over", "Welcome back.", 10_000, "break")
        assert notifier.send("A command failed", "exit 1", 10_000)
        assert notifier.send("A command failed", "exit 2", 10_000)
        assert notifier.send("Micro break in 30 s", "Finish", 10_000, "break")
        notifier.close()
        server.stop()
    # The server numbers its notifications 1, 2, 3… in the order they came.
    replaces = [(call[3], call[1]) for call in server.calls]
    assert replaces == [
        ("Your shift ends in 5 min", 0),
        ("Your shift ends in 1 min", 1),  # the same story, told again: replaces it
        ("Break over", 0),  # another story: the warning stays on screen
        ("A command failed", 0),
        ("A command failed", 0),  # announcements without a kind never replace
        ("Micro break in 30 s", 3),
    ]


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


def _server(address: str, capabilities: tuple[str, ...]) -> NotificationServer:
    server = NotificationServer(address, capabilities)
    server.start()
    assert server.ready.wait(5)
    return server


def test_buttons_go_out_where_the_service_shows_them_and_only_our_clicks_come_back() -> None:
    clicked: list[str] = []
    heard = threading.Semaphore(0)

    def on_action(key: str) -> None:
        clicked.append(key)
        heard.release()

    with private_bus() as address:
        server = _server(address, ("actions", "body"))
        notifier = FreedesktopNotifier(address)
        notifier.listen(on_action)
        buttons = [("break", "Take the break"), ("postpone", "Postpone")]
        assert notifier.send("Micro break in 30 s", "Finish", 10_000, "break", buttons)
        assert notifier.send("A command failed", "exit 1", 10_000)
        assert server.buttons(0) == buttons and server.buttons(1) == []
        # Another application's notification (id 7), then ours without buttons (id 2): not
        # ours to act on. Then a click on ours with buttons (id 1).
        server.click(7, "break")
        server.click(2, "postpone")
        server.click(1, "postpone")
        assert heard.acquire(timeout=5)
        # Closed already: a late second click on it is ignored too. The service's signals
        # arrive in order, so once the click on the next one is heard, that one was too.
        server.click(1, "break")
        assert notifier.send("Micro break in 30 s", "Finish", 10_000, "break", buttons)
        server.click(3, "break")
        assert heard.acquire(timeout=5)
        notifier.close()
        server.stop()
    assert clicked == ["postpone", "break"]
    assert server.asked_capabilities == 1


def test_without_the_actions_capability_notifications_go_out_plain() -> None:
    with private_bus() as address:
        server = _server(address, ("body",))
        notifier = FreedesktopNotifier(address)
        notifier.listen(lambda key: None)
        assert notifier.send("Micro break in 30 s", "Finish", 10_000, "break", [("break", "Go")])
        assert notifier.send("Micro break — 20 s", "Look away", 10_000, "break", [("x", "X")])
        notifier.close()
        server.stop()
    assert [server.buttons(i) for i in range(2)] == [[], []]
    assert server.asked_capabilities == 1
