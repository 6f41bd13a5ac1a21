"""A private D-Bus session bus and a stand-in notification server that speaks the real protocol."""

from __future__ import annotations

import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jeepney import HeaderFields, MessageType, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

NOTIFICATIONS = "org.freedesktop.Notifications"


# A bus with no activatable services: only what a test starts answers on it.
_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>{kind}</type>
  <listen>unix:dir={directory}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow receive_sender="*"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@contextmanager
def private_bus(kind: str = "session") -> Iterator[str]:
    """Start a dbus-daemon of our own (a "session" or a "system" bus); yields its address."""
    with tempfile.TemporaryDirectory(prefix="shiftwell-bus-") as directory:
        config = Path(directory) / "bus.conf"
        config.write_text(_BUS_CONFIG.format(kind=kind, directory=directory), encoding="utf-8")
        with _daemon(config) as address:
            yield address


@contextmanager
def _daemon(config: Path) -> Iterator[str]:
    process = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        address = process.stdout.readline().strip()
        assert address, "dbus-daemon printed no address"
        yield address
    finally:
        process.terminate()
        process.wait(timeout=5)
        if process.stdout is not None:
            process.stdout.close()


class StandIn(threading.Thread):
    """Owns a bus name and answers method calls like the real service would (see `answer`)."""

    def __init__(self, address: str, bus_name: str) -> None:
        super().__init__(daemon=True)
        self.address = address
        self.bus_name = bus_name
        self.ready = threading.Event()
        self._halt = threading.Event()

    def answer(self, message: Any) -> Any:
        """The reply to a method call, or None to send none."""
        raise NotImplementedError

    def run(self) -> None:
        connection = open_dbus_connection(self.address)
        connection.send_and_get_reply(message_bus.RequestName(self.bus_name))
        self.ready.set()
        while not self._halt.is_set():
            try:
                message = connection.receive(timeout=0.05)
            except TimeoutError:
                continue
            if message.header.message_type is MessageType.method_call:
                reply = self.answer(message)
                if reply is not None:
                    connection.send(reply)
        connection.close()

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=5)


class NotificationServer(StandIn):
    """Answers Notify calls like a notification daemon and keeps what it was sent."""

    def __init__(self, address: str) -> None:
        super().__init__(address, NOTIFICATIONS)
        self.calls: list[tuple[Any, ...]] = []

    def answer(self, message: Any) -> Any:
        if message.header.fields.get(HeaderFields.member) != "Notify":
            return None
        self.calls.append(tuple(message.body))
        return new_method_return(message, "u", (len(self.calls),))
