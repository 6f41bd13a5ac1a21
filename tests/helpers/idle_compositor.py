"""A tiny Wayland compositor for idle tests: a server speaking the Wayland wire protocol on a
real socket, offering wl_seat and, unless told not to, ext_idle_notifier_v1. It knows just
those two globals, written from the protocol's documented wire format (a header of object
id, size and opcode, then 32-bit arguments and padded strings) rather than through a
library's server internals.

Run as a process (`python -m tests.helpers.idle_compositor RUNTIME_DIR NAME [VERSION]`,
VERSION 0: no idle notifier), it says `ready` on stdout, then obeys one word a line on stdin:
`idle` (every notification's timeout has passed), `active` (input came back); it answers
`done <word>`, and `notification <ms> <kind>` when a client asks for one. Stopping the
process is the compositor going away. `IdleCompositor` drives it from a test.
"""

from __future__ import annotations

import os
import queue
import selectors
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from tests.helpers.process import wait_for

_STARTUP_S = 20.0


class IdleCompositor:
    """The compositor process, seen from a test."""

    def __init__(self, runtime: Path, name: str = "wayland-idle", version: int = 2) -> None:
        self.socket = runtime / name
        env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
        self._lines: queue.Queue[str] = queue.Queue()
        self.heard: list[str] = []
        self._process = subprocess.Popen(
            [sys.executable, "-m", __name__, str(runtime), name, str(version)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        threading.Thread(target=self._read, daemon=True).start()
        self.expect("ready", _STARTUP_S)

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self._lines.put(line.strip())

    def expect(self, wanted: str, timeout: float = 5.0) -> None:
        """Waits for the compositor to say `wanted` (a line, or a line's start)."""

        def said() -> bool:
            while not self._lines.empty():
                self.heard.append(self._lines.get())
            return any(line.startswith(wanted) for line in self.heard)

        wait_for(said, timeout, f"the compositor to say {wanted!r} (it said {self.heard})")
        index = next(i for i, line in enumerate(self.heard) if line.startswith(wanted))
        del self.heard[: index + 1]

    def tell(self, word: str) -> None:
        assert self._process.stdin is not None
        self._process.stdin.write(word + "\n")
        self._process.stdin.flush()
        self.expect(f"done {word}")

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            self._process.wait(timeout=10)
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                stream.close()


@contextmanager
def idle_compositor(version: int = 2) -> Iterator[IdleCompositor]:
    """A running compositor in a runtime dir of its own (version 0: no idle notifier)."""
    # Short: a socket's path must fit in 108 bytes, and pytest's tmp_path may not.
    runtime = Path(tempfile.mkdtemp(prefix="sw-wl-"))
    try:
        server = IdleCompositor(runtime, version=version)
        try:
            yield server
        finally:
            server.stop()
    finally:
        shutil.rmtree(runtime, ignore_errors=True)


# --- the compositor process ------------------------------------------------------------------
# Interfaces and opcodes, from wayland.xml and ext-idle-notify-v1.xml.
_DISPLAY_ID = 1
_SYNC, _GET_REGISTRY = 0, 1  # wl_display requests
_ERROR, _DELETE_ID = 0, 1  # wl_display events
_BIND = 0  # wl_registry request
_GLOBAL = 0  # wl_registry event
_DONE = 0  # wl_callback event
_CAPABILITIES = 0  # wl_seat event (pointer 1 | keyboard 2)
_NOTIFIER_DESTROY, _GET_IDLE, _GET_INPUT_IDLE = 0, 1, 2  # ext_idle_notifier_v1 requests
_NOTIFICATION_DESTROY = 0  # ext_idle_notification_v1 request
_IDLED, _RESUMED = 0, 1  # ext_idle_notification_v1 events
_SEAT_NAME, _NOTIFIER_NAME = 1, 2  # the globals' names in the registry


def _message(object_id: int, opcode: int, payload: bytes = b"") -> bytes:
    return struct.pack("=II", object_id, (8 + len(payload)) << 16 | opcode) + payload


def _string(text: str) -> bytes:
    data = text.encode() + b"\0"
    return struct.pack("=I", len(data)) + data + b"\0" * (-len(data) % 4)


def _read_string(payload: bytes, at: int) -> tuple[str, int]:
    (length,) = struct.unpack_from("=I", payload, at)
    start = at + 4
    return payload[start : start + length - 1].decode(), start + length + (-length % 4)


class _Client:
    """One client's objects (id -> interface) and its unread bytes."""

    def __init__(self, connection: socket.socket, version: int) -> None:
        self.connection = connection
        self.version = version
        self.objects: dict[int, str] = {_DISPLAY_ID: "wl_display"}
        self.idle: dict[int, bool] = {}  # notification id -> idle now
        self.unread = b""

    def send(self, data: bytes) -> None:
        self.connection.sendall(data)

    def forget(self, object_id: int) -> None:
        self.objects.pop(object_id, None)
        self.idle.pop(object_id, None)
        self.send(_message(_DISPLAY_ID, _DELETE_ID, struct.pack("=I", object_id)))

    def receive(self, data: bytes) -> None:
        self.unread += data
        while len(self.unread) >= 8:
            object_id, word = struct.unpack_from("=II", self.unread)
            size, opcode = word >> 16, word & 0xFFFF
            if len(self.unread) < size:
                return
            payload, self.unread = self.unread[8:size], self.unread[size:]
            self.request(self.objects.get(object_id, ""), object_id, opcode, payload)

    def request(self, interface: str, object_id: int, opcode: int, payload: bytes) -> None:
        if interface == "wl_display" and opcode == _SYNC:
            (callback,) = struct.unpack_from("=I", payload)
            self.send(_message(callback, _DONE, struct.pack("=I", 0)))
            self.send(_message(_DISPLAY_ID, _DELETE_ID, struct.pack("=I", callback)))
        elif interface == "wl_display" and opcode == _GET_REGISTRY:
            (registry,) = struct.unpack_from("=I", payload)
            self.objects[registry] = "wl_registry"
            globals_ = [(_SEAT_NAME, "wl_seat", 1)]
            if self.version:
                globals_.append((_NOTIFIER_NAME, "ext_idle_notifier_v1", self.version))
            for name, kind, version in globals_:
                body = struct.pack("=I", name) + _string(kind) + struct.pack("=I", version)
                self.send(_message(registry, _GLOBAL, body))
        elif interface == "wl_registry" and opcode == _BIND:
            (name,) = struct.unpack_from("=I", payload)
            kind, at = _read_string(payload, 4)
            _version, new_id = struct.unpack_from("=II", payload, at)
            self.objects[new_id] = kind
            if kind == "wl_seat":
                self.send(_message(new_id, _CAPABILITIES, struct.pack("=I", 3)))
        elif interface == "ext_idle_notifier_v1" and opcode in (_GET_IDLE, _GET_INPUT_IDLE):
            new_id, timeout, _seat = struct.unpack_from("=III", payload)
            self.objects[new_id] = "ext_idle_notification_v1"
            self.idle[new_id] = False
            kind = "input" if opcode == _GET_INPUT_IDLE else "any"
            print(f"notification {timeout} {kind}", flush=True)
        elif opcode == 0 and interface in ("ext_idle_notifier_v1", "ext_idle_notification_v1"):
            self.forget(object_id)  # destroy

    def obey(self, word: str) -> None:
        for notification, idle in list(self.idle.items()):
            if word == "idle" and not idle:
                self.send(_message(notification, _IDLED))
                self.idle[notification] = True
            elif word == "active" and idle:
                self.send(_message(notification, _RESUMED))
                self.idle[notification] = False


def _serve(runtime: str, name: str, version: int) -> None:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(Path(runtime, name)))
    listener.listen()
    clients: dict[socket.socket, _Client] = {}
    watched = selectors.DefaultSelector()
    watched.register(listener, selectors.EVENT_READ)
    commands = sys.stdin
    watched.register(commands, selectors.EVENT_READ)
    print("ready", flush=True)
    while True:
        for key, _ in watched.select():
            if key.fileobj is listener:
                connection, _ = listener.accept()
                clients[connection] = _Client(connection, version)
                watched.register(connection, selectors.EVENT_READ)
            elif key.fd == commands.fileno():
                line = commands.readline()  # one command a line: a whole line is there
                if not line:
                    return
                for word in line.split():
                    for client in list(clients.values()):
                        with suppress(OSError):
                            client.obey(word)
                    print(f"done {word}", flush=True)
            elif isinstance(key.fileobj, socket.socket):
                connection = key.fileobj
                try:
                    data = connection.recv(65536)
                except OSError:
                    data = b""
                if data:
                    clients[connection].receive(data)
                else:  # the client went away
                    watched.unregister(connection)
                    clients.pop(connection).connection.close()


if __name__ == "__main__":
    _serve(sys.argv[1], sys.argv[2], int(sys.argv[3]))
