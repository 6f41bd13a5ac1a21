"""The command table: one declaration per command, from which the command line, the running
tray's requests and the tray menu are made."""

from __future__ import annotations

import math
import re
from datetime import timedelta

import pytest

from shiftwell.cli.parser import build_parser, request_from
from shiftwell.core.commands import BY_NAME, COMMANDS, focus_event, menu_entries, request_values
from shiftwell.core.model import EventRejected, GrantOvertime, Pause, Resume, Skip, State


def test_the_command_line_offers_exactly_the_tables_commands() -> None:
    # `shiftwell --help` lists each command on a line of its own: "    pause   pause, until…"
    listed = {
        match.group(1)
        for match in re.finditer(r"^ {4}([a-z-]+) {2,}\S", build_parser().format_help(), re.M)
    }
    assert listed == {c.name for c in COMMANDS if c.on_command_line}
    assert {"pause", "overtime", "stats", "run"} <= listed


def test_each_name_is_declared_once_and_every_remote_command_has_an_answer() -> None:
    names = [c.name for c in COMMANDS]
    assert len(names) == len(set(names))
    for command in COMMANDS:
        local_answer = command.name in ("status", "show", "quit") or not command.remote
        assert local_answer or command.event is not None, command.name


def test_the_menu_entries_are_unique_and_each_is_allowed_by_a_trigger() -> None:
    keys = [entry.key for _, entry, _ in menu_entries()]
    assert len(keys) == len(set(keys))
    assert keys[:3] == ["start_shift", "micro_break", "long_break"]


@pytest.mark.parametrize(
    ("argv", "sent"),
    [
        (["pause"], {}),
        (["pause", "25m"], {"seconds": 1500.0}),
        (["start"], {"confirmed": False, "on_screen": False}),
        (["start", "--yes"], {"confirmed": True, "on_screen": False}),
        (["start", "--on-screen"], {"confirmed": False, "on_screen": True}),
        (["break", "long"], {"kind": "long", "on_screen": False}),
        (["break", "--on-screen"], {"on_screen": True}),
        (["call", "end"], {"action": "end"}),
        (["overtime", "15m", "--reason", "handover"], {"seconds": 900.0, "reason": "handover"}),
        (["status", "--json"], {}),
    ],
)
def test_a_command_line_becomes_the_request_its_declaration_says(
    argv: list[str], sent: dict[str, object]
) -> None:
    args = build_parser().parse_args(argv)
    command = BY_NAME[argv[0]]
    assert request_from(command, args) == sent
    # and the running tray reads it back the same (a switch that is off is simply absent)
    assert request_values(command, sent) == {k: v for k, v in sent.items() if v is not False}


@pytest.mark.parametrize(
    ("name", "sent", "message"),
    [
        ("pause", {"seconds": -1}, "pause: seconds must be a number"),
        ("pause", {"seconds": math.nan}, "pause: seconds must be a number"),
        ("pause", {"seconds": True}, "pause: seconds must be a number"),
        ("break", {"kind": "lunch"}, "break: kind must be 'micro' or 'long'"),
        ("call", {}, "call: action is required"),
        ("overtime", {"seconds": 60, "reason": 7}, "overtime: reason must be text"),
        ("start", {"confirmed": "yes"}, "start: confirmed must be true or false"),
    ],
)
def test_a_bad_request_is_refused_in_one_sentence(
    name: str, sent: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        request_values(BY_NAME[name], sent)


def test_requests_become_their_events() -> None:
    pause = BY_NAME["pause"]
    assert pause.event is not None
    assert pause.event({"seconds": 60.0}, State.FOCUS) == Pause(timedelta(seconds=60))
    assert pause.event({}, State.FOCUS) == Pause(None)
    overtime = BY_NAME["overtime"]
    assert overtime.event is not None
    grant = overtime.event({"seconds": 900.0, "reason": "handover"}, State.LOGGED_OFF)
    assert isinstance(grant, GrantOvertime) and grant.reason == "handover"
    assert grant.duration is not None and grant.duration.total_seconds() == 900


def test_focus_resumes_a_pause_skips_a_break_and_refuses_elsewhere() -> None:
    assert focus_event(State.PAUSED) == Resume()
    assert focus_event(State.LONG_BREAK) == Skip()
    assert focus_event(State.BREAK_DUE) == Skip()
    with pytest.raises(EventRejected, match=r"Nothing to leave: you are off shift\."):
        focus_event(State.OFF_SHIFT)
