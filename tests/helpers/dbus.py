"""A private D-Bus session bus and a stand-in notification server that speaks the real protocol."""

from __future__ import annotations

import queue
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, HeaderFields, MessageType, new_method_return, new_signal
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
        self._outbox: queue.Queue[Any] = queue.Queue()  # signals, sent from the bus thread

    def answer(self, message: Any) -> Any:
        """The reply to a method call, or None to send none."""
        raise NotImplementedError

    def run(self) -> None:
        connection = open_dbus_connection(self.address)
        connection.send_and_get_reply(message_bus.RequestName(self.bus_name))
        self.ready.set()
        while not self._halt.is_set():
            while not self._outbox.empty():
                connection.send(self._outbox.get())
            try:
                message = connection.receive(timeout=0.05)
            except TimeoutError:
                continue
            if message.header.message_type is MessageType.method_call:
                reply = self.answer(message)
                if reply is not None:
                    connection.send(reply)
        connection.close()

    def emit(self, message: Any) -> None:
        """Send a signal from the service's own connection."""
        self._outbox.put(message)

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=5)


class NotificationServer(StandIn):
    """Answers Notify calls like a notification daemon and keeps what it was sent; shows
    buttons when "actions" is among its `capabilities`, and can say one was clicked."""

    def __init__(self, address: str, capabilities: tuple[str, ...] = ("body",)) -> None:
        super().__init__(address, NOTIFICATIONS)
        self.capabilities = capabilities
        self.calls: list[tuple[Any, ...]] = []
        self.asked_capabilities = 0

    def answer(self, message: Any) -> Any:
        member = message.header.fields.get(HeaderFields.member)
        if member == "GetCapabilities":
            self.asked_capabilities += 1
            return new_method_return(message, "as", (list(self.capabilities),))
        if member != "Notify":
            return None
        self.calls.append(tuple(message.body))
        return new_method_return(message, "u", (len(self.calls),))

    def buttons(self, call: int = -1) -> list[tuple[str, str]]:
        """The (key, label) buttons of a Notify call (the last one by default)."""
        flat = self.calls[call][5]
        return list(zip(flat[0::2], flat[1::2], strict=True))

    def click(self, notification_id: int, key: str) -> None:
        """The user clicks a button: ActionInvoked, then the notification closes."""
        self.emit(new_signal(_SERVICE, "ActionInvoked", "us", (notification_id, key)))
        self.emit(new_signal(_SERVICE, "NotificationClosed", "uu", (notification_id, 2)))


_SERVICE = DBusAddress("/org/freedesktop/Notifications", interface=NOTIFICATIONS)
