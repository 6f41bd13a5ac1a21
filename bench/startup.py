"""How long Shiftwell takes from process start to its icon in the tray (target: < 0.5 s).

Starts a private desktop (Xvfb, the trayer tray host, dunst, a session bus) and launches
Shiftwell on it five times each from (a) the source install, (b) the one-folder bundle
(`dist/shiftwell/shiftwell`) and (c) the one-file bundle (`dist/onefile/shiftwell`), the
bundles when built, each run on a fresh data dir. The times are read from the app's own log:
"tray icon shown" (the icon is up) and "ready" (the database is open and the engine runs),
against the moment the process was started. Prints every run and the medians.

Run: PYTHONPATH=.:app .venv/bin/python bench/startup.py [--runs 5] [--source CMD]
     [--bundle CMD] [--onefile CMD]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tests.helpers.desktop import DesktopSession, desktop_session
from tests.helpers.process import stop

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 0.5
TRAY_LINE = "tray icon shown"
READY_LINE = "ready; data in"
LOG_NAME = "shiftwell.log"
# No shift starts by itself while we measure.
CONFIG = "".join(
    f'{day} = "off"\n'
    for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)


@dataclass(frozen=True)
class Run:
    tray: float  # seconds from process start to the tray icon shown
    ready: float  # ... to the database open and the engine running


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--source", default=str(ROOT / ".venv" / "bin" / "shiftwell"))
    parser.add_argument("--bundle", default=str(ROOT / "dist" / "shiftwell" / "shiftwell"))
    parser.add_argument("--onefile", default=str(ROOT / "dist" / "onefile" / "shiftwell"))
    options = parser.parse_args()
    targets = {
        "source install": options.source,
        "one-folder bundle": options.bundle,
        "one-file bundle": options.onefile,
    }
    present = {}
    for name, command in targets.items():
        if shutil.which(command) is None:
            print(f"{name}: {command} not found, skipped")
        else:
            present[name] = command
    if not present:
        return 1
    with tempfile.TemporaryDirectory(prefix="shiftwell-bench-") as folder, desktop_session() as s:
        config = Path(folder) / "config.toml"
        config.write_text(f"[schedule]\n{CONFIG}", encoding="utf-8")
        for name, command in present.items():
            print(f"{name}: {command}")
            runs = [
                _measure(s, command, Path(folder) / f"{name}-{n}", config)
                for n in range(options.runs)
            ]
            for number, run in enumerate(runs, 1):
                tray, ready = run.tray * 1000, run.ready * 1000
                print(f"  run {number}: tray {tray:6.0f} ms   ready {ready:6.0f} ms")
            tray = statistics.median(r.tray for r in runs)
            ready = statistics.median(r.ready for r in runs)
            verdict = "within" if tray < TARGET_SECONDS else "OVER"
            target = f"{verdict} the {TARGET_SECONDS * 1000:.0f} ms target"
            print(f"  median: tray {tray * 1000:.0f} ms ({target}), ready {ready * 1000:.0f} ms")
    return 0


def _measure(session: DesktopSession, command: str, data: Path, config: Path) -> Run:
    started = time.time()
    with running_shiftwell(command, data, config, session.env) as process:
        lines = wait_for_lines(data / LOG_NAME, (TRAY_LINE, READY_LINE), process, timeout=60)
    return Run(logged_at(lines[TRAY_LINE]) - started, logged_at(lines[READY_LINE]) - started)


@contextmanager
def running_shiftwell(
    command: str, data: Path, config: Path, env: Mapping[str, str]
) -> Iterator[subprocess.Popen[bytes]]:
    """Shiftwell started from `command` on a fresh `data` dir, stopped (SIGTERM) on leaving."""
    env = dict(env)
    env.pop("PYTHONPATH", None)  # the app imports what it was installed with, not this tree
    process = subprocess.Popen(
        [command, "--data-dir", str(data), "--config", str(config), "--tray-wait", "20s"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield process
    finally:
        stop(process, timeout=20)


def wait_for_lines(
    log: Path, wanted: tuple[str, ...], process: subprocess.Popen[bytes], timeout: float
) -> dict[str, str]:
    """Poll the app's log (bounded) until a line with each wanted text is there."""
    give_up = time.monotonic() + timeout
    while True:
        text = log.read_text(encoding="utf-8") if log.exists() else ""
        found = {w: line for line in text.splitlines() for w in wanted if w in line}
        if len(found) == len(wanted):
            return found
        if process.poll() is not None:
            raise RuntimeError(f"Shiftwell exited ({process.returncode}) before: {text[-500:]}")
        if time.monotonic() > give_up:
            raise RuntimeError(f"no {wanted} in {log} after {timeout} s")
        time.sleep(0.02)


def logged_at(line: str) -> float:
    """The epoch time of a log line (`2026-11-23 09:00:00,123 INFO ...`, local time)."""
    day, clock = line.split(" ", 2)[:2]
    return datetime.strptime(f"{day} {clock}", "%Y-%m-%d %H:%M:%S,%f").timestamp()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    sys.exit(main())
