"""Every command the user can give, declared once.

The command line's parser, the running tray's request handler and the tray menu are all made
from `COMMANDS`: a command's name, its arguments, its help, when it is allowed and the event
it becomes. Adding a command is one entry here plus the behaviour behind its event.

Requests carry plain values under each argument's `key` (durations as seconds), so they
cross the local socket as JSON; `event_for` checks them again there, since any program may
send one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from typing import Any

from shiftwell.core.i18n import _, marked
from shiftwell.core.model import (
    BreakKind,
    BreakNow,
    CallEnd,
    CallStart,
    Dismiss,
    EndShift,
    Event,
    EventRejected,
    GrantOvertime,
    Pause,
    Postpone,
    Resume,
    Skip,
    StartShift,
    State,
    Trigger,
)
from shiftwell.core.state_names import state_name

# Far beyond any pause or overtime (the engine says what it allows), inside a timedelta.
MAX_SECONDS = 10**13


class ArgKind(StrEnum):
    DURATION = "duration"  # "25m" on the command line, seconds in a request
    CHOICE = "choice"  # one of `choices`
    TEXT = "text"  # any text (an --option)
    FLAG = "flag"  # a --switch, true when given
    COUNT = "count"  # a whole number from 1 to MAX_COUNT (an --option)


MAX_COUNT = 366


@dataclass(frozen=True)
class Argument:
    key: str  # the request's key, and the parser's destination
    kind: ArgKind
    help: str = ""
    metavar: str = ""  # positional arguments; options are named by `option`
    option: str = ""  # e.g. "--reason"; empty: positional
    choices: tuple[str, ...] = ()
    required: bool = True
    default: Any = None  # when not given (options only)
    local: bool = False  # read by the command line itself, never sent (status --json)


@dataclass(frozen=True)
class MenuEntry:
    """One tray menu action: its name (for tests and accessibility), its label, the
    request it sends, and the submenu it sits in (if any)."""

    key: str
    label: str
    request: Mapping[str, Any] = field(default_factory=dict)
    submenu: str = ""
    asks_reason: bool = False  # the tray asks for the reason first (overtime)
    allowed_by: Trigger | None = None  # when it differs from its command's


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    arguments: tuple[Argument, ...] = ()
    # When it is allowed: the engine's allowed triggers (None: always, or decided by `event`).
    allowed_by: Trigger | None = None
    # The event a checked request becomes, given the state now; None: the tray answers it
    # itself (status, quit, show), or the command line does (run, stats).
    event: Callable[[Mapping[str, Any], State], Event] | None = None
    menu: tuple[MenuEntry, ...] = ()
    on_command_line: bool = True
    remote: bool = True  # answered by the running tray (False: by the command line alone)


def focus_event(state: State) -> Event:
    """Back to work from wherever the user is: resume a pause, or skip the break."""
    if state is State.PAUSED:
        return Resume()
    if state.in_break or state is State.BREAK_DUE:
        return Skip()
    raise EventRejected(
        _("Nothing to leave: you are {state}.").format(state=state_name(state).lower())
    )


def _seconds(values: Mapping[str, Any], key: str) -> timedelta | None:
    value = values.get(key)
    return None if value is None else timedelta(seconds=value)


# The week a report is about (stats, review); read by the command line itself.
WEEK = Argument(
    "week",
    ArgKind.TEXT,
    marked("ISO week, e.g. 2026-W48 (default: this one)"),
    metavar="YYYY-Www",
    option="--week",
    required=False,
    local=True,
)

# From a menu or launcher there is no terminal to read: the running Shiftwell (started if
# need be) answers on the desktop, asking its questions and saying its refusals there.
ON_SCREEN = Argument(
    "on_screen",
    ArgKind.FLAG,
    marked("answer on the desktop, not here (for menus and launchers); starts Shiftwell if needed"),
    option="--on-screen",
)

COMMANDS: tuple[Command, ...] = (
    Command("run", marked("start the tray (the default)"), remote=False),
    Command(
        "status",
        marked("show what the running Shiftwell is doing"),
        (Argument("json", ArgKind.FLAG, marked("print JSON"), option="--json", local=True),),
    ),
    Command(
        "start",
        marked("start a shift now"),
        (
            Argument(
                "confirmed",
                ArgKind.FLAG,
                marked("confirm working outside the schedule"),
                option="--yes",
            ),
            ON_SCREEN,
        ),
        allowed_by=Trigger.START_SHIFT,
        event=lambda values, _state: StartShift(confirmed=bool(values.get("confirmed"))),
        menu=(MenuEntry("start_shift", marked("Start shift")),),
    ),
    Command(
        "break",
        marked("take a break now"),
        (
            Argument("kind", ArgKind.CHOICE, choices=("micro", "long"), required=False),
            ON_SCREEN,
        ),
        allowed_by=Trigger.BREAK_NOW,
        event=lambda values, _state: BreakNow(
            BreakKind(values["kind"]) if values.get("kind") else None
        ),
        menu=tuple(
            MenuEntry(f"{kind}_break", label, {"kind": kind}, submenu="break_now")
            for kind, label in (("micro", marked("Micro break")), ("long", marked("Long break")))
        ),
    ),
    Command(
        "postpone",
        marked("postpone the break that is due"),
        allowed_by=Trigger.POSTPONE,
        event=lambda _values, _state: Postpone(),
        menu=(MenuEntry("postpone", marked("Postpone break")),),
        on_command_line=False,
    ),
    Command(
        "skip",
        marked("skip the break"),
        allowed_by=Trigger.SKIP,
        event=lambda _values, _state: Skip(),
        menu=(MenuEntry("skip", marked("Skip break")),),
        on_command_line=False,
    ),
    Command(
        "call",
        marked("tell Shiftwell a customer call started or ended"),
        (Argument("action", ArgKind.CHOICE, choices=("start", "end")),),
        event=lambda values, _state: CallStart() if values["action"] == "start" else CallEnd(),
        menu=(
            MenuEntry(
                "call_start",
                marked("On a call"),
                {"action": "start"},
                allowed_by=Trigger.CALL_START,
            ),
            MenuEntry(
                "call_end", marked("Call ended"), {"action": "end"}, allowed_by=Trigger.CALL_END
            ),
        ),
    ),
    Command(
        "pause",
        marked("pause, until resumed or for DURATION"),
        (Argument("seconds", ArgKind.DURATION, metavar="DURATION", required=False),),
        allowed_by=Trigger.PAUSE,
        event=lambda values, _state: Pause(_seconds(values, "seconds")),
        menu=(MenuEntry("pause", marked("Pause")),),
    ),
    Command(
        "resume",
        marked("resume after a pause"),
        allowed_by=Trigger.RESUME,
        event=lambda _values, _state: Resume(),
        menu=(MenuEntry("resume", marked("Resume")),),
    ),
    Command(
        "overtime",
        marked("ask for more time after the shift (capped per week)"),
        (
            Argument("seconds", ArgKind.DURATION, metavar="DURATION"),
            Argument(
                "reason", ArgKind.TEXT, marked("why (recorded with the grant)"), option="--reason"
            ),
        ),
        allowed_by=Trigger.OVERTIME,
        event=lambda values, _state: GrantOvertime(values["reason"], _seconds(values, "seconds")),
        menu=(MenuEntry("overtime", marked("I need more time…"), asks_reason=True),),
    ),
    Command(
        "dismiss",
        marked("close the log-off screen"),
        allowed_by=Trigger.DISMISS,
        event=lambda _values, _state: Dismiss(),
        menu=(MenuEntry("dismiss", marked("Close the log-off screen")),),
        on_command_line=False,
    ),
    Command(
        "end-shift",
        marked("end the shift now"),
        allowed_by=Trigger.END_SHIFT,
        event=lambda _values, _state: EndShift(),
        menu=(MenuEntry("end_shift", marked("End shift")),),
    ),
    Command(
        "focus",
        marked("back to work: resume a pause or skip the break under way"),
        event=lambda _values, state: focus_event(state),
    ),
    Command("quit", marked("stop the running Shiftwell")),
    Command(
        "review",
        marked("open the weekly review in its own window (works without the tray)"),
        (
            WEEK,
            Argument(
                "on_top",
                ArgKind.FLAG,
                marked("keep it above full-screen windows (the log-off screen)"),
                option="--on-top",
                local=True,
            ),
        ),
        remote=False,
    ),
    Command(
        "stats",
        marked("a week's figures, from the database (works without the tray)"),
        (
            WEEK,
            Argument(
                "format",
                ArgKind.CHOICE,
                marked(
                    "table; csv: the segments; fixed-csv: the breaks at fixed times, planned "
                    "and as taken; json: the figures"
                ),
                choices=("table", "csv", "fixed-csv", "json"),
                option="--format",
                required=False,
                default="table",
                local=True,
            ),
        ),
        remote=False,
    ),
    Command(
        "schedule",
        marked("the coming days' shifts and breaks as Shiftwell will apply them (no tray needed)"),
        (
            Argument(
                "days",
                ArgKind.COUNT,
                marked("how many days (default: 7)"),
                metavar="N",
                option="--days",
                required=False,
                default=7,
                local=True,
            ),
            Argument(
                "first",
                ArgKind.TEXT,
                marked("the first day (default: today)"),
                metavar="YYYY-MM-DD",
                option="--from",
                required=False,
                local=True,
            ),
            Argument("json", ArgKind.FLAG, marked("print JSON"), option="--json", local=True),
        ),
        remote=False,
    ),
    # A second launch asks the running tray to show itself.
    Command("show", "", on_command_line=False),
)

# The tray's submenus, by the name their entries give.
SUBMENU_LABELS = {"break_now": marked("Take a break now")}

BY_NAME: Mapping[str, Command] = {command.name: command for command in COMMANDS}


def request_values(command: Command, request: Mapping[str, Any]) -> dict[str, Any]:
    """The request's arguments, checked against the command's declaration.

    Raises ValueError with one sentence for a missing, unknown-typed or out-of-range value.
    """
    values: dict[str, Any] = {}
    for argument in command.arguments:
        if argument.local:
            continue
        value = request.get(argument.key)
        if value is None or (argument.kind is ArgKind.FLAG and value is False):
            if argument.required and argument.kind is not ArgKind.FLAG:
                raise ValueError(f"{command.name}: {argument.key} is required")
            continue
        values[argument.key] = _checked(command.name, argument, value)
    return values


def _checked(command: str, argument: Argument, value: object) -> object:
    match argument.kind:
        case ArgKind.DURATION:
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not 0 < value <= MAX_SECONDS  # also false for NaN
                or math.isinf(value)
            ):
                raise ValueError(
                    f"{command}: {argument.key} must be a number from 0 to {MAX_SECONDS}"
                )
        case ArgKind.CHOICE:
            if value not in argument.choices:
                allowed = " or ".join(repr(choice) for choice in argument.choices)
                raise ValueError(f"{command}: {argument.key} must be {allowed}")
        case ArgKind.TEXT:
            if not isinstance(value, str):
                raise ValueError(f"{command}: {argument.key} must be text")
        case ArgKind.COUNT:
            if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_COUNT:
                raise ValueError(
                    f"{command}: {argument.key} must be a number from 1 to {MAX_COUNT}"
                )
        case ArgKind.FLAG:
            if not isinstance(value, bool):
                raise ValueError(f"{command}: {argument.key} must be true or false")
    return value


def menu_entries() -> tuple[tuple[Command, MenuEntry, Trigger], ...]:
    """The tray menu's actions in menu order, each with the trigger that allows it."""
    return tuple(
        (command, entry, trigger)
        for command in COMMANDS
        for entry in command.menu
        if (trigger := entry.allowed_by or command.allowed_by) is not None
    )
