"""Several screens for the full-screen windows: a child Qt process on the offscreen platform
with a screen layout of our choosing, or on a private Xvfb whose RandR monitors the test adds
and removes while the child runs (Qt sees real screenAdded/screenRemoved).

The test process itself stays on the single offscreen screen; only the child sees the layout.
Run as `python -m tests.helpers.screens overlay|logoff`: the child covers its screens and
prints a JSON line whenever what it shows changes, until its stdin closes.
"""

from __future__ import annotations

import json
import select
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.helpers.process import shiftwell_env

REPO = Path(__file__).resolve().parents[2]
COVER_NAMES = ("breakOverlay", "logoffScreen")
Rect = tuple[int, int, int, int]


@dataclass(frozen=True)
class Shown:
    """One report from the child: its screens and the cover windows it has."""

    screens: dict[str, Rect]
    windows: dict[str, Rect]  # screen name -> window geometry, for visible windows
    alive: int  # cover windows not yet deleted, shown or not

    @classmethod
    def parse(cls, line: str) -> Shown:
        data = json.loads(line)
        return cls(
            screens={name: tuple(rect) for name, rect in data["screens"].items()},
            windows={name: tuple(rect) for name, rect in data["windows"].items()},
            alive=data["alive"],
        )

    @property
    def one_window_per_screen_sized_to_it(self) -> bool:
        return self.windows == self.screens and self.alive == len(self.screens)


class CoverChild:
    """The child process; `wait_for` reads its reports until one satisfies a condition."""

    def __init__(self, widget: str, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.screens", widget],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=shiftwell_env(env),
        )
        self.last: Shown | None = None
        self._stderr: str | None = None

    def wait_for(self, condition: Callable[[Shown], bool], what: str, timeout: float = 20) -> Shown:
        stdout = self.process.stdout
        assert stdout is not None
        give_up = time.monotonic() + timeout
        while self.last is None or not condition(self.last):
            left = give_up - time.monotonic()
            ready, _, _ = select.select([stdout], [], [], max(0.0, left))
            line = stdout.readline() if ready else ""
            if not line:
                raise AssertionError(f"no report of {what}; last: {self.last}; {self.stop()}")
            self.last = Shown.parse(line)
        return self.last

    def stop(self) -> str:
        """Close its stdin (it quits), wait, and return what it wrote to stderr."""
        if self._stderr is None:
            try:
                _, self._stderr = self.process.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                _, self._stderr = self.process.communicate()
        return self._stderr


@contextmanager
def cover_child(widget: str, env: dict[str, str]) -> Iterator[CoverChild]:
    child = CoverChild(widget, env)
    try:
        yield child
    finally:
        stderr = child.stop()
        assert child.process.returncode == 0, stderr
        assert "Traceback" not in stderr, stderr


def offscreen_platform(config_dir: Path, screens: dict[str, Rect]) -> str:
    """QT_QPA_PLATFORM value for Qt's offscreen platform with these screens."""
    layout = {
        "screens": [
            {"name": name, "x": x, "y": y, "width": w, "height": h}
            for name, (x, y, w, h) in screens.items()
        ]
    }
    config = config_dir / "screens.json"
    config.write_text(json.dumps(layout), encoding="utf-8")
    return f"offscreen:configfile={config}"


# --- a private X server with RandR monitors --------------------------------------------------


class Monitors:
    """Adds and removes RandR 1.5 monitors, as `xrandr --setmonitor/--delmonitor` would."""

    def __init__(self, display_name: str) -> None:
        from Xlib import display

        self._display = display.Display(display_name)
        self._root = self._display.screen().root

    def add(self, name: str, rect: Rect) -> None:
        from Xlib.ext import randr

        x, y, width, height = rect
        _set_monitor_request()(
            display=self._display.display,
            opcode=self._display.display.get_extension_major(randr.extname),
            window=self._root,
            name=self._display.intern_atom(name),
            primary=False,
            automatic=False,
            outputs=[],
            x=x,
            y=y,
            width=width,
            height=height,
            mm_width=width // 4,
            mm_height=height // 4,
        )
        self._display.sync()

    def remove(self, name: str) -> None:
        self._root.xrandr_delete_monitor(self._display.intern_atom(name))
        self._display.sync()

    def close(self) -> None:
        self._display.close()


def _set_monitor_request() -> Any:
    """RRSetMonitor, spelled out: python-xlib's own fails to pack its MonitorInfo."""
    from Xlib.protocol import rq

    class SetMonitor(rq.Request):  # type: ignore[misc]
        _request = rq.Struct(
            rq.Card8("opcode"),
            rq.Opcode(43),
            rq.RequestLength(),
            rq.Window("window"),
            rq.Card32("name"),
            rq.Bool("primary"),
            rq.Bool("automatic"),
            rq.LengthOf("outputs", 2),
            rq.Int16("x"),
            rq.Int16("y"),
            rq.Card16("width"),
            rq.Card16("height"),
            rq.Card32("mm_width"),
            rq.Card32("mm_height"),
            rq.List("outputs", rq.Card32Obj),
        )

    return SetMonitor


# --- the child -----------------------------------------------------------------------------


def _child(widget: str) -> int:
    import logging

    from PySide6.QtCore import QSocketNotifier, QTimer
    from PySide6.QtWidgets import QApplication

    logging.basicConfig(level=logging.INFO)
    app = QApplication([sys.argv[0]])
    keep: list[object] = []
    if widget == "overlay":
        from shiftwell.ui.breaks.overlay import BreakOverlay, BreakView

        overlay = BreakOverlay(time.monotonic)
        overlay.show_break(
            BreakView(
                title="Long break",
                ends_at=time.monotonic() + 600,
                idea="Look out of the window.",
                can_skip=True,
                can_postpone=True,
                postpone_label="Postpone 5 min",
                skip_available_at=None,
            )
        )
        keep.append(overlay)
    else:
        from shiftwell.ui.logoff.logoff_screen import LogoffScreen, LogoffView

        screen = LogoffScreen()
        screen.show_logoff(LogoffView("Your shift is over — log off", (), False, False, "", ()))
        keep.append(screen)

    last = ""

    def report() -> None:
        nonlocal last
        covers = [w for w in app.topLevelWidgets() if w.objectName() in COVER_NAMES]
        shown = {
            "screens": {s.name(): s.geometry().getRect() for s in app.screens()},
            "windows": {w.screen().name(): w.geometry().getRect() for w in covers if w.isVisible()},
            "alive": len(covers),
        }
        line = json.dumps(shown, sort_keys=True)
        if line != last:
            print(line, flush=True)
            last = line

    poll = QTimer()
    poll.timeout.connect(report)
    poll.start(50)

    def on_stdin() -> None:
        if not sys.stdin.readline():
            app.quit()  # the test is done with us: quit as the tray's Quit would

    stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    stdin.activated.connect(on_stdin)
    QTimer.singleShot(60_000, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1]))
