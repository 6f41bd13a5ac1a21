"""A tiny Wayland compositor for idle tests: a real libwayland server (pywayland's server API)
on a real socket, offering wl_seat and, unless told not to, ext_idle_notifier_v1.

Run as a process (`python -m tests.helpers.idle_compositor RUNTIME_DIR NAME [VERSION]`,
VERSION 0: no idle notifier), it says `ready` on stdout, then obeys one word a line on stdin:
`idle` (every notification's timeout has passed), `active` (input came back); it answers
`done <word>`, and `notification <ms> <kind>` when a client asks for one. Stopping the
process is the compositor going away. `IdleCompositor` drives it from a test.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


class _NewObjectRequest:
    """pywayland's server side decodes arguments as a client would: a new object's id and an
    object argument come out wrong. These requests are read as plain numbers instead."""

    def __init__(self, kinds: str) -> None:
        self.kinds = kinds  # "n" new id, "u" uint, "o" object (not needed here: skipped)

    def c_to_arguments(self, c_args: Any) -> list[Any]:
        values: list[Any] = []
        for index, kind in enumerate(self.kinds):
            if kind == "n":
                values.append(c_args[index].n)
            elif kind == "u":
                values.append(c_args[index].u)
            else:
                values.append(None)
        return values


def _hear_requests(resource: Any) -> None:
    """pywayland 0.4 registers a resource's request dispatcher with its Python object as the
    `data` where libwayland passes the `implementation` to the dispatcher (as NULL, then):
    no request would reach the handlers. This registers it where libwayland looks."""
    from pywayland import lib

    lib.wl_resource_set_dispatcher(
        resource._ptr,
        lib.dispatcher_func,
        resource._handle,
        resource._handle,
        lib.resource_destroy_func,
    )


def _serve(runtime: str, name: str, version: int) -> None:
    from pywayland.protocol.ext_idle_notify_v1 import (
        ExtIdleNotificationV1Resource,
        ExtIdleNotifierV1,
    )
    from pywayland.protocol.wayland import WlSeat
    from pywayland.server.client import Client
    from pywayland.server.display import Display
    from pywayland.server.eventloop import EventLoop

    os.environ["XDG_RUNTIME_DIR"] = runtime
    display = Display()
    display.add_socket(name)
    notifications: dict[Any, bool] = {}  # resource -> idle now
    seat = WlSeat.global_class(display, 1)

    managers: list[Any] = []  # a resource's Python object must outlive its requests

    def on_bind_notifier(manager: Any) -> None:
        managers.append(manager)
        _hear_requests(manager)
        manager.dispatcher.messages = [
            manager.dispatcher.messages[0],
            _NewObjectRequest("nuo"),
            _NewObjectRequest("nuo"),
        ]

        def create(kind: str) -> Any:
            def handler(manager: Any, new_id: int, timeout: int, _seat: Any) -> None:
                # The server API has no public way to a resource's client.
                client = Client.from_resource(manager._ptr)
                notification: Any = ExtIdleNotificationV1Resource(client, manager.version, new_id)
                notification.dispatcher["destroy"] = forget
                # Gone with its client too: never send to a freed resource.
                notification.dispatcher.destructor = lambda gone: notifications.pop(gone, None)
                _hear_requests(notification)
                notifications[notification] = False
                print(f"notification {timeout} {kind}", flush=True)

            return handler

        manager.dispatcher["destroy"] = drop
        manager.dispatcher.destructor = managers.remove
        manager.dispatcher["get_idle_notification"] = create("any")
        manager.dispatcher["get_input_idle_notification"] = create("input")

    def drop(manager: Any) -> None:
        manager.destroy()

    def forget(notification: Any) -> None:
        notification.destroy()

    if version:
        notifier = ExtIdleNotifierV1.global_class(display, version)
        notifier.bind_func = on_bind_notifier  # type: ignore[assignment]  # typed as a class

    running = True

    def on_command(fd: int, mask: int, data: Any) -> int:
        nonlocal running
        chunk = os.read(fd, 4096).decode()
        running = bool(chunk)
        for word in chunk.split():
            obey(word)
        return 0

    def obey(word: str) -> None:
        for notification, idle in list(notifications.items()):
            if word == "idle" and not idle:
                notification.idled()
                notifications[notification] = True
            elif word == "active" and idle:
                notification.resumed()
                notifications[notification] = False
        display.flush_clients()
        print(f"done {word}", flush=True)

    loop = display.get_event_loop()
    loop.add_fd(sys.stdin.fileno(), on_command, EventLoop.FdMask.WL_EVENT_READABLE, None)
    print("ready", flush=True)
    while running:
        display.flush_clients()
        loop.dispatch(-1)
    del seat


if __name__ == "__main__":
    _serve(sys.argv[1], sys.argv[2], int(sys.argv[3]))
