"""`shiftwell`: starts the tray app, or talks to the one already running.

The commands, their arguments and help come from the command table (core/commands.py);
`parser.py` makes the parser from it, and each command's request goes to the running tray.

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
from pathlib import Path
from typing import Any

from shiftwell.cli.parser import build_parser, request_from
from shiftwell.core import i18n as core_i18n
from shiftwell.core.commands import BY_NAME
from shiftwell.core.i18n import _
from shiftwell.platform.paths import Paths, resolve_paths
from shiftwell.platform.stop_signals import catch_stop_signals, restore_default_signals
from shiftwell.platform.stop_signals import exit_code as stop_exit_code
from shiftwell.platform.stop_signals import received as stop_signal_received

EXIT_REFUSED = 1  # the running instance said no (the message says why)
EXIT_USAGE = 2
EXIT_NOT_RUNNING = 3


def main(argv: Sequence[str] | None = None) -> int:
    catch_stop_signals()  # again, for entry points other than `python -m shiftwell`
    _speak_the_users_language()  # before the parser: its help texts are translated once
    parser = build_parser()
    args = parser.parse_args(argv)
    if not _is_utf8(getattr(args, "reason", "")):
        # Bytes that are not UTF-8 arrive as lone surrogates, which no request can carry.
        message = _("--reason is not valid UTF-8 text")
        parser.exit(EXIT_USAGE, f"shiftwell: {message}\n")
    if args.self_check:
        restore_default_signals()
        return _self_check()
    paths = resolve_paths(args.data_dir, args.config)
    if args.migrate_database is not None:
        return _migrate_database(paths, Path(args.migrate_database), args.lock_wait, args.verbose)
    command = args.command or "run"
    if command == "stats":
        return _stats(paths, args)
    if command == "review":
        return _review(paths, args)
    if command == "schedule":
        from shiftwell.cli.schedule import print_schedule

        return print_schedule(paths, args.days, args.first, as_json=args.json)
    if command != "run":
        request = request_from(BY_NAME[command], args)
        if request.get("on_screen"):
            from shiftwell.cli.launcher import send_on_screen

            return send_on_screen(paths, command, request)
        as_json = command == "status" and args.json
        return _remote(paths, command, request, as_json=as_json)
    problem = _prepare_data_dir(paths)
    if problem:
        print(f"shiftwell: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if (signum := stop_signal_received()) is not None:
        return stop_exit_code(signum)
    if _hand_over(paths):
        return 0
    _setup_logging(paths, verbose=args.verbose)
    if not _has_display():
        return _no_display()
    from shiftwell.app import run  # Qt widgets load only when the tray really starts

    if (signum := stop_signal_received()) is not None:
        return stop_exit_code(signum)  # asked to stop while Qt loaded
    return run(paths, tray_wait=args.tray_wait.total_seconds(), verbose=args.verbose)


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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


def _migrate_database(paths: Paths, database: Path, lock_wait: float, verbose: bool) -> int:
    """The tray's database migration, in this short-lived process (storage/migrate_child.py):
    the tray started it with hidden options, and reads its answer from standard output."""
    from shiftwell.storage.migrate_child import run_migration

    _setup_logging(paths, verbose=verbose)
    return run_migration(database, lock_wait, sys.stdout)


def _self_check() -> int:
    from shiftwell.selfcheck import run_self_check  # loads Qt, which plain commands avoid

    return run_self_check()


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


def _review(paths: Paths, args: argparse.Namespace) -> int:
    if not _has_display():
        return _no_display()
    from shiftwell.review import run_review  # Qt and the charts load only for the window

    return run_review(paths, args.week, on_top=args.on_top)


def _stats(paths: Paths, args: argparse.Namespace) -> int:
    from shiftwell.cli.stats import print_stats

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


def _no_display() -> int:
    message = _(
        "no graphical session found (neither DISPLAY nor WAYLAND_DISPLAY is set); "
        "start Shiftwell from your desktop session."
    )
    print(f"shiftwell: {message}", file=sys.stderr)
    return EXIT_USAGE


def _has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
