"""Clients and stand-in servers for the instance socket.

The test's own Qt event loop must keep turning while a blocking client waits, so blocking
calls run in a worker thread or a child process while qtbot drives Qt until they return.
Only plain-socket clients go in threads: PySide's blocking waits (the `send_request` client)
hold the GIL, which would freeze the serving event loop in the same process.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pytestqt.qtbot import QtBot

from tests.helpers.process import shiftwell_env, wait_for

T = TypeVar("T")

_TIMEOUT_S = 5.0


def in_thread(qtbot: QtBot, call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a blocking call in a thread while the Qt event loop runs; return its result."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(call, *args, **kwargs)
        qtbot.wait_until(future.done, timeout=round(_TIMEOUT_S * 2000))
        return future.result()


@dataclass
class Exchange:
    replies: list[dict[str, Any]]
    closed_by_server: bool


def exchange(path: str, data: bytes, replies: int, *, then_close: bool = True) -> Exchange:
    """Send raw bytes over the Unix socket at `path`; read up to `replies` reply lines.

    With replies=0 it waits for the server to close the connection.
    """
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(_TIMEOUT_S)
        client.connect(path)
        # The server may hang up on an oversized request before reading all of it.
        with suppress(BrokenPipeError, ConnectionResetError):
            client.sendall(data)
        lines: list[bytes] = []
        buffer = b""
        closed = False
        while len(lines) < replies or (replies == 0 and not closed):
            chunk = client.recv(65536)
            if not chunk:
                closed = True
                break
            buffer += chunk
            *complete, buffer = buffer.split(b"\n")
            lines.extend(complete)
        if then_close:
            client.shutdown(socket.SHUT_RDWR)
    return Exchange([json.loads(line) for line in lines], closed)


def request_line(cmd: str = "status", **args: Any) -> bytes:
    return json.dumps({"v": 1, "cmd": cmd, "args": args}).encode() + b"\n"


def ask(qtbot: QtBot, path: str, cmd: str, **args: Any) -> dict[str, Any]:
    """One request over a plain socket, while this process's event loop serves it."""
    return in_thread(qtbot, exchange, path, request_line(cmd, **args), 1).replies[0]


_CANNED_SERVER = """
import socket, sys
path, reply = sys.argv[1], bytes.fromhex(sys.argv[2])
with socket.socket(socket.AF_UNIX) as server:
    server.bind(path)
    server.listen(1)
    server.settimeout(30)
    connection, _ = server.accept()
    with connection:
        received = b""
        while b"\\n" not in received:
            chunk = connection.recv(4096)
            if not chunk:
                sys.exit(1)
            received += chunk
        connection.sendall(reply)
        while connection.recv(4096):  # until the client hangs up
            pass
"""


@contextmanager
def canned_server(path: str, reply: bytes) -> Iterator[None]:
    """A plain server in a child process that answers one request with `reply`.

    A child process, not a thread: PySide's blocking waits hold the GIL, so a server thread
    in the client's own process could never answer.
    """
    server = subprocess.Popen([sys.executable, "-c", _CANNED_SERVER, path, reply.hex()])
    try:
        wait_for(lambda: Path(path).exists() or server.poll() is not None, 10, "the server")
        yield
    finally:
        server.kill()
        server.wait()


@contextmanager
def unanswered_server(path: str) -> Iterator[None]:
    """Accepts connections (in the kernel's backlog) and never answers them."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        server.listen(1)
        yield


QT_CLIENT = """
import json, sys
from shiftwell.platform.instance import InstanceError, send_request
try:
    reply = send_request(sys.argv[1], sys.argv[2], json.loads(sys.argv[3]))
except InstanceError as error:
    reply = {"raised": type(error).__name__, "message": str(error)}
reply["qt_modules"] = sorted(m for m in sys.modules if m.startswith("PySide6.Qt"))
print(json.dumps(reply))
"""


def qt_client(qtbot: QtBot, path: str, cmd: str, args: dict[str, Any] | None = None) -> Any:
    """`send_request` from a fresh process, while this process's event loop serves."""
    child = subprocess.Popen(
        [sys.executable, "-c", QT_CLIENT, path, cmd, json.dumps(args or {})],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=shiftwell_env(),
    )
    qtbot.wait_until(lambda: child.poll() is not None, timeout=30_000)
    out, err = child.communicate()
    assert child.returncode == 0, err
    return json.loads(out)


@dataclass
class Trickle:
    sent: int  # bytes sent before the server answered or hung up
    replies: list[dict[str, Any]]
    closed_by_server: bool


def trickle(path: str, data: bytes, every: float, give_up: float = 30.0) -> Trickle:
    """Send `data` one byte at a time, waiting up to `every` seconds for an answer between
    bytes (the wait is on the server, not a sleep); stop when the server answers or hangs up."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.connect(path)
        received, sent, closed = b"", 0, False
        for byte in data:
            if sent * every > give_up:
                break
            try:
                client.sendall(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
            sent += 1
            client.settimeout(every)
            try:
                chunk = client.recv(65536)
            except TimeoutError:
                continue
            received += chunk
            if not chunk:
                closed = True
                break
            client.settimeout(_TIMEOUT_S)
            while not closed:  # the answer came: read it to the end of the connection
                chunk = client.recv(65536)
                received += chunk
                closed = not chunk
            break
    lines = [line for line in received.split(b"\n") if line]
    return Trickle(sent, [json.loads(line) for line in lines], closed)
