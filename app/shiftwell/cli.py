"""`shiftwell`: starts the tray app."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from shiftwell import __version__
from shiftwell.core.durations import DurationError, parse_duration
from shiftwell.platform.paths import CONFIG_ENV, DATA_DIR_ENV, Paths, resolve_paths


def _duration(text: str) -> timedelta:
    try:
        return parse_duration(text)
    except DurationError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shiftwell",
        description="Keeps the boundary between shift work and life: focus blocks, real "
        "breaks and a final end to the working day, from the system tray.",
    )
    parser.add_argument("--version", action="version", version=f"shiftwell {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        help=f"where the database and log live (env {DATA_DIR_ENV}; default: the platform's "
        "user data dir)",
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        help=f"the settings file (env {CONFIG_ENV}; default: config.toml in the platform's "
        "user config dir, written with comments on first run)",
    )
    parser.add_argument(
        "--tray-wait",
        metavar="DURATION",
        type=_duration,
        default=timedelta(seconds=30),
        help="how long to wait for the desktop's system tray at login before showing a "
        "status window instead (default: 30s)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log details to the terminal too"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = resolve_paths(args.data_dir, args.config)
    problem = _prepare_data_dir(paths)
    if problem:
        print(f"shiftwell: {problem}", file=sys.stderr)
        return 2
    _setup_logging(paths, verbose=args.verbose)
    if not _has_display():
        print(
            "shiftwell: no graphical session found (neither DISPLAY nor WAYLAND_DISPLAY is "
            "set); start Shiftwell from your desktop session.",
            file=sys.stderr,
        )
        return 2
    from shiftwell.ui.app import run  # Qt is loaded only when the tray really starts

    return run(paths, tray_wait=args.tray_wait.total_seconds())


def _prepare_data_dir(paths: Paths) -> str | None:
    directory = paths.data_dir
    if directory.exists() and not directory.is_dir():
        return f"the data dir {directory} is a file, not a directory"
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        return f"can't create the data dir {directory}: {error.strerror}"
    if not os.access(directory, os.W_OK | os.X_OK):
        return f"the data dir {directory} is not writable"
    return None


def _setup_logging(paths: Paths, *, verbose: bool) -> None:
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    terminal = logging.StreamHandler()
    terminal.setLevel(logging.INFO if verbose else logging.WARNING)
    terminal.setFormatter(formatter)
    root.addHandler(terminal)
    try:
        logfile = logging.FileHandler(Path(paths.log_file), encoding="utf-8")
    except OSError as error:
        root.warning("no log file at %s: %s", paths.log_file, error)
        return
    logfile.setFormatter(formatter)
    root.addHandler(logfile)


def _has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
