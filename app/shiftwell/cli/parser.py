"""The command line's parser, made from the command table (core/commands.py).

Options every command takes (--data-dir, --config, -v) work before or after its name. After
the name they are read by the command's own parser, whose defaults would overwrite what was
given before it: there they default to "not given" (SUPPRESS), so the earlier value stays.
"""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Any

from shiftwell import __version__
from shiftwell.core.commands import COMMANDS, MAX_COUNT, ArgKind, Argument, Command
from shiftwell.core.durations import DurationError, parse_duration
from shiftwell.core.i18n import _
from shiftwell.platform.paths import CONFIG_ENV, DATA_DIR_ENV


def duration(text: str) -> timedelta:
    try:
        return parse_duration(text)
    except DurationError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def positive_duration(text: str) -> timedelta:
    value = duration(text)
    if value <= timedelta(0):
        raise argparse.ArgumentTypeError(
            _("{value} must be longer than zero").format(value=repr(text))
        )
    return value


def count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 0 < value <= MAX_COUNT:
        message = _("{value} must be a whole number from 1 to {maximum}")
        raise argparse.ArgumentTypeError(message.format(value=repr(text), maximum=MAX_COUNT))
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shiftwell",
        description=_(
            "Keeps the boundary between shift work and life: focus blocks, real "
            "breaks and a final end to the working day, from the system tray. Without a "
            "command it starts the tray (or shows the one already running)."
        ),
    )
    _add_common_options(parser, top_level=True)
    common = argparse.ArgumentParser(add_help=False)
    _add_common_options(common, top_level=False)
    _add_run_options(parser, top_level=True)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        if command.on_command_line:
            _add_command(subparsers, common, command)
    return parser


def _add_command(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    command: Command,
) -> None:
    help_text = _(command.help)
    sub = subparsers.add_parser(
        command.name, parents=[common], help=help_text, description=help_text
    )
    if command.name == "run":
        _add_run_options(sub, top_level=False)
    for argument in command.arguments:
        sub.add_argument(*_names(argument), **_options(argument))


def _names(argument: Argument) -> tuple[str, ...]:
    return (argument.option,) if argument.option else (argument.key,)


def _options(argument: Argument) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if argument.help:
        options["help"] = _(argument.help)
    if argument.option:
        options["dest"] = argument.key
        if argument.kind is ArgKind.FLAG:
            options["action"] = "store_true"
            return options
        options["required"] = argument.required
        options["default"] = argument.default
    elif not argument.required:
        options["nargs"] = "?"
    if argument.metavar:
        options["metavar"] = argument.metavar
    if argument.kind is ArgKind.DURATION:
        options["type"] = positive_duration
    if argument.kind is ArgKind.COUNT:
        options["type"] = count
    if argument.choices:
        options["choices"] = argument.choices
    return options


def request_from(command: Command, args: argparse.Namespace) -> dict[str, Any]:
    """What the running tray is sent: the command's arguments as plain values."""
    request: dict[str, Any] = {}
    for argument in command.arguments:
        value = getattr(args, argument.key, None)
        if argument.local or value is None:
            continue
        request[argument.key] = value.total_seconds() if isinstance(value, timedelta) else value
    return request


def _add_common_options(parser: argparse.ArgumentParser, *, top_level: bool) -> None:
    """--data-dir, --config and --verbose, at the top or (without defaults) after a command."""
    default = None if top_level else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        default=default,
        help=_(
            "where the database and log live (env {variable}; default: the platform's "
            "user data dir); each data dir is its own profile with its own running instance"
        ).format(variable=DATA_DIR_ENV),
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        default=default,
        help=_(
            "the settings file (env {variable}; default: config.toml in the platform's "
            "user config dir, written with comments on first run)"
        ).format(variable=CONFIG_ENV),
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=False if top_level else argparse.SUPPRESS,
        help=_("log details to the terminal too"),
    )


def _add_run_options(parser: argparse.ArgumentParser, *, top_level: bool) -> None:
    """The tray's own options: at the top (with --version and --self-check) and after `run`."""
    if top_level:
        parser.add_argument("--version", action="version", version=f"shiftwell {__version__}")
        parser.add_argument(
            "--self-check",
            action="store_true",
            help=_(
                "check that this Shiftwell works (offscreen, on a temporary folder; your "
                "data and settings are not touched), print one line per check and exit"
            ),
        )
    if top_level:
        # Hidden: the tray starts `shiftwell` with these to migrate its database in a
        # process of its own (storage/migrate_child.py); not for users.
        parser.add_argument("--migrate-database", metavar="PATH", help=argparse.SUPPRESS)
        parser.add_argument("--lock-wait", type=float, default=10.0, help=argparse.SUPPRESS)
    parser.add_argument(
        "--tray-wait",
        metavar="DURATION",
        type=duration,
        default=timedelta(seconds=30) if top_level else argparse.SUPPRESS,
        help=_(
            "how long to wait for the desktop's system tray at login before showing a "
            "status window instead (default: 30s)"
        ),
    )
