"""The buttons an announcement offers, and when a due shift is announced at all.

A button names a command of the table (core/commands.py) and its request: clicking it does
what the tray menu's entry or `shiftwell <command>` does, through the same door. It is
offered only while the engine allows its command, so a button never promises what a click
would be refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from shiftwell.core.commands import BY_NAME
from shiftwell.core.engine_base import Status
from shiftwell.core.i18n import marked
from shiftwell.core.model import NoticeKind, State, Transition, Trigger


@dataclass(frozen=True)
class NoticeAction:
    key: str  # what the notification service sends back when it is clicked
    label: str  # marked for translation
    command: str  # a name in the command table
    request: Mapping[str, Any] = field(default_factory=dict)

    @property
    def trigger(self) -> Trigger | None:
        return BY_NAME[self.command].allowed_by


START_SHIFT = NoticeAction("start", marked("Start shift"), "start")
TAKE_BREAK = NoticeAction("break", marked("Take the break"), "break")
POSTPONE = NoticeAction("postpone", marked("Postpone"), "postpone")
LOG_OFF = NoticeAction("end-shift", marked("Log off now"), "end-shift")

BY_KEY: Mapping[str, NoticeAction] = {
    action.key: action for action in (START_SHIFT, TAKE_BREAK, POSTPONE, LOG_OFF)
}


def actions_for(transition: Transition | None, status: Status) -> tuple[NoticeAction, ...]:
    """The buttons of the announcement made for `transition` (None: the due-shift reminder)."""
    if transition is None:
        wanted: tuple[NoticeAction, ...] = (START_SHIFT,)
    elif transition.notice is not None and transition.notice.kind is NoticeKind.SHIFT_ENDING:
        wanted = (LOG_OFF,)
    elif transition.target is State.BREAK_DUE:
        wanted = (TAKE_BREAK, POSTPONE)
    else:
        wanted = ()
    return tuple(action for action in wanted if action.trigger in status.allowed)


def seconds_to_shift_reminder(status: Status, auto_start: bool, now: datetime) -> float | None:
    """When to say "your shift starts now" with a Start button: at a scheduled shift's
    start, while off shift and shifts do not start by themselves; None: no reminder."""
    if auto_start or status.state is not State.OFF_SHIFT or status.next_shift is None:
        return None
    return max(0.0, (status.next_shift.start - now).total_seconds())
