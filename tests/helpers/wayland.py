"""Real Wayland desktops for integration tests: sway (wlroots) and mutter (GNOME's compositor),
headless, each with two outputs of different sizes and a private session bus — started and
stopped by the test itself."""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, MessageType, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection

from tests.helpers.dbus import private_bus
from tests.helpers.process import stop, wait_for

# Two outputs of different sizes: a full-screen window's size tells which one it covers.
OUTPUT_SIZES = ((1366, 768), (1280, 1024))
# sway will not run as root; as root the tests start it as this (system, login-less) user.
COMPOSITOR_USER = "shiftwell-compositor"

_SWAY_CONFIG = """xwayland disable
default_border none
output HEADLESS-1 mode {0[0]}x{0[1]} position 0 0
output HEADLESS-2 mode {1[0]}x{1[1]} position {0[0]} 0
"""


_REMOTE_DESKTOP = (
    "/org/gnome/Mutter/RemoteDesktop",
    "org.gnome.Mutter.RemoteDesktop",
    "org.gnome.Mutter.RemoteDesktop",
)
_SHIFT_KEYCODE = 42  # evdev KEY_LEFTSHIFT: types nothing


def _call(
    connection: DBusConnection,
    target: tuple[str, str, str],
    method: str,
    signature: str | None = None,
    body: tuple[Any, ...] = (),
) -> tuple[Any, ...]:
    path, bus_name, interface = target
    message = new_method_call(DBusAddress(path, bus_name, interface), method, signature, body)
    reply = connection.send_and_get_reply(message, timeout=10)
    assert reply.header.message_type is MessageType.method_return, reply.body
    return tuple(reply.body)


@dataclass
class WaylandSession:
    compositor: str
    socket: Path
    bus: str
    env: dict[str, str] = field(default_factory=dict)
    ipc: Path | None = None  # sway's IPC socket
    _remote: tuple[DBusConnection, str] | None = None  # mutter's remote-desktop session

    def swaymsg(self, kind: str) -> Any:
        assert self.ipc is not None, "only sway answers swaymsg"
        result = subprocess.run(
            ["swaymsg", "-s", str(self.ipc), "-r", "-t", kind],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        return json.loads(result.stdout)

    def outputs(self) -> list[str]:
        return [output["name"] for output in self.swaymsg("get_outputs")]

    def windows_by_output(self) -> dict[str, list[dict[str, Any]]]:
        """sway's tree: the application windows on each output."""
        found: dict[str, list[dict[str, Any]]] = {}

        def visit(node: dict[str, Any], output: str) -> None:
            if node.get("type") == "output":
                output = node["name"]
            if node.get("pid") and node.get("type") in ("con", "floating_con"):
                found.setdefault(output, []).append(node)
            for child in node.get("nodes", []) + node.get("floating_nodes", []):
                visit(child, output)

        visit(self.swaymsg("get_tree"), "")
        return found

    def press_key(self) -> None:
        """A real keystroke (Shift) through mutter's remote-desktop interface: input, as far
        as the idle monitor can tell."""
        assert self.compositor == "mutter", "only mutter takes remote-desktop input here"
        if self._remote is None:
            connection = open_dbus_connection(self.bus)
            (path,) = _call(connection, _REMOTE_DESKTOP, "CreateSession")
            _call(connection, (path, _REMOTE_DESKTOP[1], f"{_REMOTE_DESKTOP[2]}.Session"), "Start")
            self._remote = (connection, path)
        connection, path = self._remote
        session = (path, _REMOTE_DESKTOP[1], f"{_REMOTE_DESKTOP[2]}.Session")
        for pressed in (True, False):
            _call(connection, session, "NotifyKeyboardKeycode", "ub", (_SHIFT_KEYCODE, pressed))

    def close(self) -> None:
        if self._remote is not None:
            self._remote[0].close()
            self._remote = None

    def screenshot(self, output: str, path: Path) -> Path:
        """One output, as the compositor shows it (grim, wlroots' screencopy)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["grim", "-o", output, str(path)],
            env=self.env,
            check=True,
            timeout=30,
            capture_output=True,
        )
        return path


def _client_env(socket: Path, bus: str, runtime: str, desktop: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_SOCKET")}
    env.update(
        WAYLAND_DISPLAY=str(socket),  # an absolute path: the socket is in the compositor's dir
        XDG_RUNTIME_DIR=runtime,
        DBUS_SESSION_BUS_ADDRESS=bus,
        QT_QPA_PLATFORM="wayland",
        XDG_CURRENT_DESKTOP=desktop,
        XDG_SESSION_TYPE="wayland",
    )
    return env


def _compositor_user() -> tuple[int, int] | None:
    """(uid, gid) to run a compositor that refuses root; None when we are not root."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(COMPOSITOR_USER)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                COMPOSITOR_USER,
            ],
            check=True,
            capture_output=True,
        )
        entry = pwd.getpwnam(COMPOSITOR_USER)
    return entry.pw_uid, entry.pw_gid


@contextmanager
def _runtime_dir(owner: tuple[int, int] | None) -> Iterator[Path]:
    directory = Path(tempfile.mkdtemp(prefix="shiftwell-wl-"))
    try:
        if owner is not None:
            os.chown(directory, *owner)
        directory.chmod(0o700)
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def _process(argv: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as out:
        process = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT, cwd="/")
    try:
        yield process
    finally:
        stop(process)


def _running(process: subprocess.Popen[bytes], log: Path) -> bool:
    if process.poll() is not None:
        output = log.read_text(errors="replace")[-2000:]
        raise AssertionError(f"the compositor exited: {output}")
    return True


def _wait_socket(path: Path, process: subprocess.Popen[bytes], log: Path) -> None:
    wait_for(lambda: _running(process, log) and path.is_socket(), 30, f"the socket {path}")


@contextmanager
def sway_session(logs: Path) -> Iterator[WaylandSession]:
    """sway 1.7+, headless, two outputs (HEADLESS-1 left, HEADLESS-2 right)."""
    owner = _compositor_user()
    with ExitStack() as stack:
        bus = stack.enter_context(private_bus())
        runtime = stack.enter_context(_runtime_dir(owner))
        client_runtime = stack.enter_context(_runtime_dir(None))
        config = runtime / "sway.conf"
        config.write_text(_SWAY_CONFIG.format(*OUTPUT_SIZES), encoding="utf-8")
        config.chmod(0o644)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "XDG_RUNTIME_DIR": str(runtime),
            "WLR_BACKENDS": "headless",
            "WLR_HEADLESS_OUTPUTS": str(len(OUTPUT_SIZES)),
            "WLR_LIBINPUT_NO_DEVICES": "1",
            "WLR_RENDERER": "pixman",  # no GPU: software rendering, still screencopy-able
        }
        argv = ["sway", "--config", str(config)]
        if owner is not None:
            uid, gid = owner
            argv = ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--clear-groups", *argv]
        logs.mkdir(parents=True, exist_ok=True)
        log = logs / "sway.log"
        process = stack.enter_context(_process(argv, env, log))
        # sway names its socket itself (wayland-1 in a fresh runtime dir).
        wait_for(
            lambda: _running(process, log) and any(runtime.glob("sway-ipc.*.sock")),
            30,
            "sway's IPC socket",
        )
        socket = next(path for path in runtime.glob("wayland-*") if path.is_socket())
        ipc = next(runtime.glob("sway-ipc.*.sock"))
        session = WaylandSession(
            "sway", socket, bus, _client_env(socket, bus, str(client_runtime), "sway"), ipc
        )
        wait_for(lambda: len(session.outputs()) == len(OUTPUT_SIZES), 30, "sway's two outputs")
        yield session


@contextmanager
def mutter_session(logs: Path) -> Iterator[WaylandSession]:
    """mutter (GNOME's compositor), headless, two virtual monitors, Wayland only."""
    with ExitStack() as stack:
        bus = stack.enter_context(private_bus())
        runtime = stack.enter_context(_runtime_dir(None))
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env.update(XDG_RUNTIME_DIR=str(runtime), DBUS_SESSION_BUS_ADDRESS=bus)
        argv = ["mutter", "--headless", "--wayland", "--no-x11"]
        argv += ["--wayland-display", "wayland-shiftwell"]
        for width, height in OUTPUT_SIZES:
            argv += ["--virtual-monitor", f"{width}x{height}"]
        logs.mkdir(parents=True, exist_ok=True)
        log = logs / "mutter.log"
        process = stack.enter_context(_process(argv, env, log))
        socket = runtime / "wayland-shiftwell"
        _wait_socket(socket, process, log)
        session = WaylandSession(
            "mutter", socket, bus, _client_env(socket, bus, str(runtime), "GNOME")
        )
        stack.callback(session.close)
        yield session
