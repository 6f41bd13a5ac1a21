"""Which user commands a transition sets off (hooks, the log-off action), and what they are
told about it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from shiftwell.core.i18n import _
from shiftwell.core.model import NoticeKind, State, Transition, Trigger


def hook_events(transition: Transition) -> list[str]:
    """Names of the `[hooks]` entries to run for this transition (see settings.HOOK_EVENTS)."""
    source, target = transition.source, transition.target
    events: list[str] = []
    if transition.trigger is Trigger.START_SHIFT or (
        not source.on_shift and target.on_shift and transition.trigger is Trigger.DEADLINE
    ):
        events.append("shift_start")
    if target.in_break and not source.in_break:
        events.append("break_start")
    if source.in_break and not target.in_break:
        events.append("break_end")
    notice = transition.notice
    if notice is not None and notice.kind is NoticeKind.SHIFT_ENDING:
        events.append("wrap_up")
    if target is State.LOGGED_OFF and source is not State.LOGGED_OFF:
        events.append("logoff")
    if transition.grant is not None:
        events.append("overtime")
    return events


def hook_environment(transition: Transition, event: str) -> dict[str, str]:
    """Environment variables a hook command receives: what happened, when, and why."""
    env = {
        "SHIFTWELL_EVENT": event,
        "SHIFTWELL_FROM": transition.source.value,
        "SHIFTWELL_TO": transition.target.value,
        "SHIFTWELL_TRIGGER": transition.trigger.value,
        "SHIFTWELL_AT": transition.at.isoformat(),
        "SHIFTWELL_DETAIL": transition.detail,
    }
    if transition.shift is not None:
        env["SHIFTWELL_SHIFT_END"] = transition.shift.planned_end.isoformat()
    if transition.grant is not None:
        env["SHIFTWELL_OVERTIME_SECONDS"] = str(transition.grant.seconds)
        env["SHIFTWELL_OVERTIME_REASON"] = transition.grant.reason
    return env


# How long a user's hook may run before it is stopped.
HOOK_TIMEOUT_SECONDS = 30.0

# A strict log-off where no window can be kept above the others (Wayland): the session is
# locked, once the shift's end is recorded, since the screen alone can be got past.
LOCK_SESSION = ("loginctl", "lock-session")


def logoff_action(
    action: Sequence[str], *, strict: bool, screens_stay_on_top: bool
) -> tuple[str, ...]:
    """The log-off action to run: the user's, else the session lock that makes a strict
    log-off strict where the log-off screen can't stay on top; else none."""
    if action:
        return tuple(action)
    return LOCK_SESSION if strict and not screens_stay_on_top else ()


@dataclass(frozen=True)
class CommandToRun:
    """A user's command that a transition sets off: the hooks, and the log-off action."""

    what: str  # who is running, in the user's words ("The logoff hook")
    argv: tuple[str, ...]
    env: dict[str, str]
    timeout: float


def commands_to_run(
    transition: Transition,
    hooks: Mapping[str, Sequence[str]],
    logoff_action: Sequence[str],
    logoff_timeout: float,
) -> list[CommandToRun]:
    """The hooks set for this transition's events, then the log-off action when the shift
    has just ended (not when the log-off screen only updates, nor after overtime's end)."""
    commands = [
        CommandToRun(
            _("The {event} hook").format(event=event),
            tuple(hooks[event]),
            hook_environment(transition, event),
            HOOK_TIMEOUT_SECONDS,
        )
        for event in hook_events(transition)
        if hooks.get(event)
    ]
    if (
        transition.target is State.LOGGED_OFF
        and transition.source is not State.LOGGED_OFF
        and logoff_action
    ):
        commands.append(
            CommandToRun(
                _("The log-off action"),
                tuple(logoff_action),
                hook_environment(transition, "logoff"),
                logoff_timeout,
            )
        )
    return commands
