"""A real desktop for integration tests: Xvfb, a tray host, a notification daemon, a private
session bus — started and stopped by the test itself."""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers.dbus import private_bus
from tests.helpers.process import stop, wait_for


@contextmanager
def xvfb(*extra: str, size: str = "640x480x24") -> Iterator[str]:
    """Starts Xvfb on a free display (it picks one and tells us by -displayfd); yields ':N'."""
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", size, *extra],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as announced:
            ready, _, _ = select.select([announced], [], [], 20)
            number = announced.readline().strip() if ready else ""
        assert number, "Xvfb did not announce a display"
        yield f":{number}"
    finally:
        stop(process)


@dataclass
class DesktopSession:
    display: str
    bus: str
    env: dict[str, str] = field(default_factory=dict)

    def window_tree(self) -> str:
        """The X server's window tree, as `xwininfo -root -tree` prints it."""
        return subprocess.run(
            ["xwininfo", "-root", "-tree"],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        ).stdout

    def docked_windows(self) -> list[str]:
        """Names of the windows the tray host has docked (children of trayer's panel)."""
        tree = self.window_tree()
        docked, in_panel, panel_indent = [], False, 0
        for line in tree.splitlines():
            indent = len(line) - len(line.lstrip())
            if '("panel" "trayer")' in line:
                in_panel, panel_indent = True, indent
                continue
            if in_panel and indent <= panel_indent:
                in_panel = False
            if in_panel and (match := re.search(r'"([^"]*)": \(', line)):
                docked.append(match.group(1))
        return docked

    def notifications(self) -> list[dict[str, str]]:
        """What the notification daemon received: summary and body, oldest first. (Shown
        ones are closed first: dunst lists only closed notifications in its history.)"""
        subprocess.run(["dunstctl", "close-all"], env=self.env, capture_output=True, check=False)
        result = subprocess.run(
            ["dunstctl", "history"], env=self.env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0 or not result.stdout.strip():
            return []
        history = json.loads(result.stdout)["data"][0]
        items = [{"summary": n["summary"]["data"], "body": n["body"]["data"]} for n in history]
        return list(reversed(items))

    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        code = (
            "import sys\nfrom PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "app.primaryScreen().grabWindow(0).save(sys.argv[1])\n"
        )
        env = dict(self.env, QT_QPA_PLATFORM="xcb")
        subprocess.run([sys.executable, "-c", code, str(path)], env=env, check=True, timeout=30)
        return path

    def window_names(self) -> list[str]:
        return re.findall(r'0x[0-9a-f]+ "([^"]*)"', self.window_tree())


@contextmanager
def desktop_session(
    *, tray: bool = True, notifications: bool = True, size: str = "1280x800x24"
) -> Iterator[DesktopSession]:
    with ExitStack() as stack:
        display = stack.enter_context(xvfb(size=size))
        bus = stack.enter_context(private_bus())
        env = dict(os.environ, DISPLAY=display, DBUS_SESSION_BUS_ADDRESS=bus)
        env["QT_QPA_PLATFORM"] = "xcb"  # a real X client, whatever the tests around use
        session = DesktopSession(display, bus, env)
        if tray:
            stack.enter_context(_tray_host(session))
        if notifications:
            stack.enter_context(_daemon(["dunst"], env))
            wait_for(_owns_notifications(env), 60, "dunst to own the notification name")
        yield session


TRAYER = [
    "trayer",
    *("--edge", "top", "--align", "right", "--widthtype", "request"),
    *("--height", "28", "--SetDockType", "true"),
]


@contextmanager
def _tray_host(session: DesktopSession) -> Iterator[None]:
    """trayer, mapped. Now and then (under load) a trayer started on a fresh display never
    maps its panel, or exits; a second one does, so it gets three tries."""
    for attempt in range(3):
        with _daemon(TRAYER, session.env) as process:
            try:
                wait_for(lambda: "trayer" in session.window_names(), 20, "trayer to map")
            except AssertionError:
                if attempt == 2:
                    raise
                print(f"trayer did not map (exit code {process.poll()}); starting it again")
                continue
            yield
            return


@contextmanager
def _daemon(argv: list[str], env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield process
    finally:
        stop(process)


def _owns_notifications(env: dict[str, str]) -> Callable[[], bool]:
    def check() -> bool:
        result = subprocess.run(
            ["dunstctl", "is-paused"], env=env, capture_output=True, text=True, check=False
        )
        return result.returncode == 0

    return check
