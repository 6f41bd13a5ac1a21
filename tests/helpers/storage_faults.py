"""The real app next to a database in trouble: locked by another program, on a full disk."""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from tests.helpers.configs import config
from tests.helpers.process import start_app, wait_for

CONFIG = config("[logoff]\nwarnings = []")

# Holds an exclusive lock on the database until its standard input closes.
_LOCKER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
connection.execute("ROLLBACK")
"""


@contextmanager
def locked_by_another_program(database: Path) -> Iterator[None]:
    """Another program (a second sqlite3 process) holds BEGIN EXCLUSIVE on the file."""
    locker = subprocess.Popen(
        [sys.executable, "-c", _LOCKER, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert locker.stdout is not None
        assert locker.stdout.readline().strip() == "locked"
        yield
    finally:
        locker.communicate("", timeout=30)


class App:
    """The real app, offscreen, telling everything it logs on its standard error."""

    def __init__(self, data: Path, bus: str, config_dir: Path | None = None) -> None:
        self.data = data
        self.config = (config_dir or data.parent) / "config.toml"
        self.config.write_text(CONFIG, encoding="utf-8")
        self.process = start_app(
            *("--data-dir", str(data), "--config", str(self.config), "--tray-wait", "0s"),
            "--verbose",
            env={"QT_QPA_PLATFORM": "offscreen", "DBUS_SESSION_BUS_ADDRESS": bus},
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))

    @property
    def said(self) -> str:
        return "\n".join(self.lines)

    def wait_for_line(self, text: str, timeout: float = 30) -> None:
        wait_for(lambda: text in self.said or self.process.poll() is not None, timeout, text)
        assert text in self.said, self.said

    def quit(self, timeout: float = 60) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=timeout)
        self._close()
        return self.process.returncode

    def _close(self) -> None:
        self._reader.join(timeout=10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@contextmanager
def running_app(data: Path, bus: str, config_dir: Path | None = None) -> Iterator[App]:
    app = App(data, bus, config_dir)
    try:
        yield app
    finally:
        if app.process.poll() is None:
            app.process.kill()
            app.process.wait(timeout=30)
        app._close()


def stored_transitions(database: Path) -> list[tuple[str, str, str]]:
    """(trigger, source, target) of what the user did, in order."""
    with closing(sqlite3.connect(database)) as db:
        rows = db.execute(
            "SELECT trigger, source, target FROM 'transition' WHERE trigger NOT IN "
            "('deadline', 'warning', 'recover', 'sleep', 'clock', 'idle', 'settings') "
            "ORDER BY id"
        ).fetchall()
    return [(str(a), str(b), str(c)) for a, b, c in rows]


@contextmanager
def small_disk(folder: Path, size: str = "600k") -> Iterator[Path]:
    """A real file system of `size` (tmpfs, mounted as root), unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(disk: Path) -> Path:
    """Take every free byte of `disk`; delete the returned file to give the space back."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            try:
                os.write(fd, b"\0" * 4096)
            except OSError as error:
                assert error.errno == errno.ENOSPC
                break
    finally:
        os.close(fd)
    return filler


def ask(path: str, cmd: str, args: dict[str, object] | None = None) -> dict[str, object]:
    """One request over the app's socket (quicker than a `shiftwell` process per command)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(10)
        client.connect(path)
        client.sendall(json.dumps({"v": 1, "cmd": cmd, "args": args or {}}).encode() + b"\n")
        data = b""
        while not data.endswith(b"\n"):
            chunk = client.recv(65536)
            assert chunk, "the app hung up"
            data += chunk
    reply: dict[str, object] = json.loads(data)
    return reply
