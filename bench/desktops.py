"""Shiftwell on each Linux desktop it is tested on: start-up to the tray icon and the cost of
an idle minute, X11 and Wayland side by side.

The desktops, each started here and stopped afterwards (the test suite's own helpers):
- x11: Xvfb, the trayer tray host (XEmbed) and dunst;
- sway: sway headless (wlroots), two outputs, a StatusNotifierItem watcher and host;
- mutter: mutter headless (GNOME's compositor), two monitors, the same watcher and host.

Per desktop, `--runs` starts (fresh data dir each) of the source install, timed from process
start to the app's "tray icon shown" log line and, on Wayland, to the item's registration
with the watcher (the moment a desktop's tray can show it). Then one start left idle: after
`--settle` seconds, `--idle` seconds of RSS, CPU time and voluntary context switches (wake-ups)
of the app's process tree, a shift under way.

Run: PYTHONPATH=app:. .venv/bin/python bench/desktops.py [--runs 5] [--idle 60]
     [--desktops x11,sway,mutter]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench._proc import Window
from bench.startup import (
    LOG_NAME,
    READY_LINE,
    TARGET_SECONDS,
    TRAY_LINE,
    logged_at,
    running_shiftwell,
    wait_for_lines,
)
from tests.helpers.configs import UNSCHEDULED
from tests.helpers.desktop import desktop_session
from tests.helpers.sni import sni_tray
from tests.helpers.wayland import mutter_session, sway_session

ROOT = Path(__file__).resolve().parents[1]
SHIFTWELL = ROOT / ".venv" / "bin" / "shiftwell"


@dataclass
class Desk:
    """A running desktop: the environment its clients need and, with a StatusNotifierItem
    watcher, when each item registered (epoch seconds)."""

    name: str
    env: dict[str, str]
    registrations: Callable[[], list[float]] | None = None


@dataclass(frozen=True)
class Start:
    tray: float  # seconds from process start to "tray icon shown"
    item: float | None  # ... to the item's registration with the watcher (Wayland)
    ready: float  # ... to the database open and the engine running


@dataclass(frozen=True)
class Idle:
    rss_mb: float
    cpu_ms_per_minute: float
    wakeups_per_minute: float


@contextmanager
def x11(logs: Path) -> Iterator[Desk]:
    with desktop_session() as session:
        yield Desk("x11", dict(session.env))


@contextmanager
def wayland(name: str, logs: Path) -> Iterator[Desk]:
    start = sway_session if name == "sway" else mutter_session
    with start(logs) as session, sni_tray(session.bus) as tray:
        yield Desk(name, dict(session.env), lambda: list(tray.watcher.registered_at))


@contextmanager
def desk(name: str, logs: Path) -> Iterator[Desk]:
    with x11(logs) if name == "x11" else wayland(name, logs) as running:
        yield running


@contextmanager
def shiftwell(running: Desk, data: Path, config: Path) -> Iterator[subprocess.Popen[bytes]]:
    with running_shiftwell(str(SHIFTWELL), data, config, running.env) as process:
        yield process


def measure_start(running: Desk, data: Path, config: Path) -> Start:
    before = len(running.registrations()) if running.registrations else 0
    started = time.time()
    with shiftwell(running, data, config) as process:
        lines = wait_for_lines(data / LOG_NAME, (TRAY_LINE, READY_LINE), process, 60)
        item = None
        if running.registrations is not None:
            registrations = running.registrations
            give_up = time.monotonic() + 20
            while len(registrations()) <= before and time.monotonic() < give_up:
                time.sleep(0.005)
            after = registrations()
            item = after[before] - started if len(after) > before else None
    return Start(
        logged_at(lines[TRAY_LINE]) - started, item, logged_at(lines[READY_LINE]) - started
    )


def measure_idle(running: Desk, data: Path, config: Path, settle: float, idle: float) -> Idle:
    with shiftwell(running, data, config) as process:
        wait_for_lines(data / LOG_NAME, (TRAY_LINE, READY_LINE), process, 60)
        # Idle as during a working day: a shift under way, its countdown in the tooltip.
        start = [str(SHIFTWELL), "--data-dir", str(data), "--config", str(config), "start"]
        subprocess.run([*start, "--yes"], env=running.env, check=True, capture_output=True)
        time.sleep(settle)
        window = Window(process.pid)
        window.begin()
        end = time.monotonic() + idle
        while time.monotonic() < end:
            time.sleep(min(5.0, max(0.0, end - time.monotonic())))
            window.sample()
        window.end()
        per_minute = 60 / window.seconds
        return Idle(
            window.rss_kb / 1024,
            window.cpu_seconds * 1000 * per_minute,
            window.voluntary_switches * per_minute,
        )


def bench(name: str, folder: Path, runs: int, settle: float, idle: float) -> None:
    config = folder / "config.toml"
    config.write_text(UNSCHEDULED + "\n", encoding="utf-8")
    with desk(name, folder / f"{name}-logs") as running:
        starts = [measure_start(running, folder / f"{name}-{n}", config) for n in range(runs)]
        cost = measure_idle(running, folder / f"{name}-idle", config, settle, idle)
    print(f"{name}:")
    for number, run in enumerate(starts, 1):
        item = f"   item registered {run.item * 1000:5.0f} ms" if run.item is not None else ""
        ready = f"ready {run.ready * 1000:5.0f} ms"
        print(f"  start {number}: tray {run.tray * 1000:5.0f} ms{item}   {ready}")
    tray = statistics.median(run.tray for run in starts)
    verdict = "within" if tray < TARGET_SECONDS else "OVER"
    line = (
        f"  median: tray {tray * 1000:.0f} ms ({verdict} the {TARGET_SECONDS * 1000:.0f} ms target)"
    )
    items = [run.item for run in starts if run.item is not None]
    if items:
        line += f", item registered {statistics.median(items) * 1000:.0f} ms"
    print(line)
    print(
        f"  idle {idle:.0f} s after {settle:.0f} s: RSS {cost.rss_mb:.1f} MB, "
        f"CPU {cost.cpu_ms_per_minute:.0f} ms/min, "
        f"{cost.wakeups_per_minute:.0f} voluntary switches/min"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--settle", type=float, default=10)
    parser.add_argument("--idle", type=float, default=60)
    parser.add_argument("--desktops", default="x11,sway,mutter")
    options = parser.parse_args()
    if not SHIFTWELL.exists():
        print(f"no {SHIFTWELL}: run 'bash .ci/setup' first", file=sys.stderr)
        return 2
    wanted = [name.strip() for name in options.desktops.split(",") if name.strip()]
    needs = {"x11": "Xvfb", "sway": "sway", "mutter": "mutter"}
    failed = False
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="sw-desk-")))
        for name in wanted:
            if name not in needs or shutil.which(needs[name]) is None:
                print(f"{name}: not available here, skipped")
                continue
            try:
                bench(name, folder, options.runs, options.settle, options.idle)
            except (AssertionError, RuntimeError) as error:
                print(f"{name}: failed: {error}")
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
