"""`shiftwell`: starts the tray app, or talks to the one already running.

It speaks the user's language like the tray: its text is marked with the core's `_()`.
Command and option names, and what scripts read (`status --json`), stay as they are.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from shiftwell import __version__
from shiftwell.core import i18n as core_i18n
from shiftwell.core.durations import DurationError, parse_duration
from shiftwell.core.i18n import _
from shiftwell.platform.paths import CONFIG_ENV, DATA_DIR_ENV, Paths, resolve_paths

EXIT_REFUSED = 1  # the running instance said no (the message says why)
EXIT_USAGE = 2
EXIT_NOT_RUNNING = 3


def _duration(text: str) -> timedelta:
    try:
        return parse_duration(text)
    except DurationError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="PATH",
        help=_(
            "where the database and log live (env {variable}; default: the platform's "
            "user data dir); each data dir is its own profile with its own running instance"
        ).format(variable=DATA_DIR_ENV),
    )
    common.add_argument(
        "--config",
        metavar="PATH",
        help=_(
            "the settings file (env {variable}; default: config.toml in the platform's "
            "user config dir, written with comments on first run)"
        ).format(variable=CONFIG_ENV),
    )
    common.add_argument(
        "-v", "--verbose", action="store_true", help=_("log details to the terminal too")
    )
    parser = argparse.ArgumentParser(
        prog="shiftwell",
        parents=[common],
        description=_(
            "Keeps the boundary between shift work and life: focus blocks, real "
            "breaks and a final end to the working day, from the system tray. Without a "
            "command it starts the tray (or shows the one already running)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"shiftwell {__version__}")
    parser.add_argument(
        "--self-check",
        action="store_true",
        help=_(
            "check that this Shiftwell works (offscreen, on a temporary folder; your data "
            "and settings are not touched), print one line per check and exit"
        ),
    )
    parser.add_argument(
        "--tray-wait",
        metavar="DURATION",
        type=_duration,
        default=timedelta(seconds=30),
        help=_(
            "how long to wait for the desktop's system tray at login before showing a "
            "status window instead (default: 30s)"
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[common], help=help_text, description=help_text)

    command("run", _("start the tray (the default)"))
    status = command("status", _("show what the running Shiftwell is doing"))
    status.add_argument("--json", action="store_true", help=_("print JSON"))
    start = command("start", _("start a shift now"))
    start.add_argument("--yes", action="store_true", help=_("confirm working outside the schedule"))
    pause = command("pause", _("pause, until resumed or for DURATION"))
    pause.add_argument("duration", nargs="?", type=_duration, metavar="DURATION")
    command("resume", _("resume after a pause"))
    brk = command("break", _("take a break now"))
    brk.add_argument("kind", nargs="?", choices=("micro", "long"))
    command("focus", _("back to work: resume a pause or skip the break under way"))
    call = command("call", _("tell Shiftwell a customer call started or ended"))
    call.add_argument("action", choices=("start", "end"))
    command("end-shift", _("end the shift now"))
    overtime = command("overtime", _("ask for more time after the shift (capped per week)"))
    overtime.add_argument("duration", type=_duration, metavar="DURATION")
    overtime.add_argument("--reason", required=True, help=_("why (recorded with the grant)"))
    command("quit", _("stop the running Shiftwell"))
    stats = command("stats", _("a week's figures, from the database (works without the tray)"))
    stats.add_argument(
        "--week",
        metavar="YYYY-Www",
        default=None,
        help=_("ISO week, e.g. 2026-W48 (default: this one)"),
    )
    stats.add_argument("--format", choices=("table", "csv", "json"), default="table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _speak_the_users_language()  # before the parser: its help texts are translated once
    args = build_parser().parse_args(argv)
    if args.self_check:
        return _self_check()
    paths = resolve_paths(args.data_dir, args.config)
    command = args.command or "run"
    if command == "stats":
        return _stats(paths, args)
    if command != "run":
        as_json = command == "status" and args.json
        return _remote(paths, command, _request_args(args), as_json=as_json)
    problem = _prepare_data_dir(paths)
    if problem:
        print(f"shiftwell: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if _hand_over(paths):
        return 0
    _setup_logging(paths, verbose=args.verbose)
    if not _has_display():
        message = _(
            "no graphical session found (neither DISPLAY nor WAYLAND_DISPLAY is set); "
            "start Shiftwell from your desktop session."
        )
        print(f"shiftwell: {message}", file=sys.stderr)
        return EXIT_USAGE
    from shiftwell.ui.app import run  # Qt widgets load only when the tray really starts

    return run(paths, tray_wait=args.tray_wait.total_seconds())


def _speak_the_users_language() -> None:
    """The tray's language choice ($SHIFTWELL_LANG, else the system's) for this process's
    `_()`: QtCore's translator asked directly, no application object, no widgets."""
    from shiftwell.platform.translation import load_translation, translate_with

    chosen = load_translation()
    if chosen.translator is not None:
        core_i18n.install(translate_with(chosen.translator))
    elif chosen.asked and chosen.why_english:
        # Said in English by nature: there is no translation to say it in.
        print(f"shiftwell: {chosen.why_english}", file=sys.stderr)


def _self_check() -> int:
    from shiftwell.selfcheck import run_self_check  # loads Qt, which plain commands avoid

    return run_self_check()


def _request_args(args: argparse.Namespace) -> dict[str, Any]:
    match args.command:
        case "pause":
            return {"seconds": args.duration.total_seconds()} if args.duration else {}
        case "break":
            return {"kind": args.kind} if args.kind else {}
        case "call":
            return {"action": args.action}
        case "overtime":
            return {"seconds": args.duration.total_seconds(), "reason": args.reason}
        case "start":
            return {"confirmed": args.yes}
    return {}


def _remote(paths: Paths, command: str, request: dict[str, Any], *, as_json: bool) -> int:
    from shiftwell.platform.instance import InstanceError, send_request, socket_path

    try:
        reply = send_request(socket_path(paths.data_dir), command, request, data_dir=paths.data_dir)
    except InstanceError as error:  # not running, or not answering: it says which
        print(f"shiftwell: {error}", file=sys.stderr)
        return EXIT_NOT_RUNNING
    if not reply.get("ok"):
        # The running tray words its refusals (in its own language).
        refusal = reply.get("error") or _("the running Shiftwell refused the command")
        print(f"shiftwell: {refusal}", file=sys.stderr)
        return EXIT_REFUSED
    _print_reply(command, reply, as_json=as_json)
    return 0


def _print_reply(command: str, reply: dict[str, Any], *, as_json: bool) -> None:
    if command == "quit":
        print(_("Shiftwell is stopping."))
        return
    if as_json:
        shown = {k: v for k, v in reply.items() if k not in ("v", "ok")}
        print(json.dumps(shown, indent=2, sort_keys=True))
        return
    print(reply.get("headline", ""))
    if reply.get("detail"):
        print(f"  ({reply['detail']})")
    if reply.get("note"):
        print(reply["note"])


def _hand_over(paths: Paths) -> bool:
    """If Shiftwell already runs for this data dir, show it instead of starting another."""
    from shiftwell.platform.instance import InstanceError, send_request, socket_path

    try:
        reply = send_request(socket_path(paths.data_dir), "show", {}, timeout=2.0)
    except InstanceError:
        return False  # nobody answers (or a stale socket): start normally
    if reply.get("ok"):
        message = _("Shiftwell is already running for {folder}; showing it.")
        print(message.format(folder=paths.data_dir))
        return True
    return False


def _stats(paths: Paths, args: argparse.Namespace) -> int:
    from shiftwell.cli_stats import print_stats

    return print_stats(paths, args.week, args.format)


def _prepare_data_dir(paths: Paths) -> str | None:
    directory = paths.data_dir
    if directory.exists() and not directory.is_dir():
        return _("the data dir {folder} is a file, not a directory").format(folder=directory)
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        message = _("can't create the data dir {folder}: {reason}")
        return message.format(folder=directory, reason=error.strerror)
    if not os.access(directory, os.W_OK | os.X_OK):
        return _("the data dir {folder} is not writable").format(folder=directory)
    return None


def _setup_logging(paths: Paths, *, verbose: bool) -> None:
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # it narrates every open
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    terminal = logging.StreamHandler()
    terminal.setLevel(logging.INFO if verbose else logging.WARNING)
    terminal.setFormatter(formatter)
    root.addHandler(terminal)
    try:
        logfile = _LogFile(Path(paths.log_file), encoding="utf-8")
    except OSError as error:
        root.warning("no log file at %s: %s", paths.log_file, error)
        return
    logfile.setFormatter(formatter)
    root.addHandler(logfile)


class _LogFile(logging.FileHandler):
    """The log file; a full disk is said once on the terminal, not with a traceback a line."""

    _failing = False  # the last write failed (and the terminal was told)
    _this_failed = False

    def emit(self, record: logging.LogRecord) -> None:
        self._this_failed = False
        super().emit(record)
        if not self._this_failed:
            self._failing = False  # writes go through again; a new failure is told again

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):
            super().handleError(record)
            return
        self._this_failed = True
        if not self._failing:
            self._failing = True
            print(
                _("shiftwell: cannot write the log file {path}: {reason}").format(
                    path=self.baseFilename, reason=error.strerror or error
                ),
                file=sys.stderr,
            )


def _has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
