"""Mutter's idle watches, against a stand-in Mutter on a private bus (the real one is in
tests/integration/test_wayland.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jeepney import HeaderFields, new_method_return
from pytestqt.qtbot import QtBot

from shiftwell.platform.idle_events import MutterIdleEvents
from tests.helpers.dbus import private_bus
from tests.helpers.dbus_idle import MUTTER, IdleServer


class WatchingMutter(IdleServer):
    """Answers GetIdletime, and keeps the watches asked for and removed."""

    def __init__(self, address: str) -> None:
        super().__init__(address, MUTTER)
        self.watches: list[tuple[str, int]] = []
        self.removed: list[int] = []

    def answer(self, message: Any) -> Any:
        member = message.header.fields.get(HeaderFields.member)
        if member == "AddIdleWatch":
            self.watches.append(("idle", message.body[0]))
        elif member == "AddUserActiveWatch":
            self.watches.append(("active", 0))
        elif member == "RemoveWatch":
            self.removed.append(message.body[0])
            return new_method_return(message)
        else:
            return super().answer(message)
        return new_method_return(message, "u", (len(self.watches),))


@contextmanager
def mutter(address: str) -> Iterator[WatchingMutter]:
    server = WatchingMutter(address)
    server.start()
    try:
        assert server.ready.wait(5)
        yield server
    finally:
        server.stop()


def test_watches_are_asked_for_and_replaced(qtbot: QtBot) -> None:
    with private_bus() as address, mutter(address) as server:
        events = MutterIdleEvents(address)
        assert events.start()
        try:
            events.notify(20.0, lambda: None)
            events.notify(None, lambda: None)
            events.cancel()
        finally:
            events.close()
    assert server.watches == [("idle", 20_000), ("active", 0)]
    assert server.removed == [1, 2]


def test_while_mutter_is_away_the_owner_waits_for_it_to_come_back(qtbot: QtBot) -> None:
    changed: list[str] = []
    with private_bus() as address:
        with mutter(address):
            events = MutterIdleEvents(address)
            assert events.start()
            events.notify(20.0, lambda: changed.append("before"))
        try:
            # Gone, with its watches: a new request can't be placed, and is not answered
            # at once either (the owner would only ask again, and again).
            events.notify(20.0, lambda: changed.append("while away"))
            assert changed == []
            with mutter(address) as server:
                qtbot.wait_until(lambda: changed == ["while away"], timeout=5000)
                events.notify(20.0, lambda: None)
                assert server.watches == [("idle", 20_000)]
        finally:
            events.close()


def test_without_mutter_there_are_no_events() -> None:
    with private_bus() as address:
        events = MutterIdleEvents(address)
        assert events.start() is False
