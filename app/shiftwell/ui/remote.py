"""Answers the `shiftwell` command line on behalf of the running tray."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QTimer

from shiftwell.core.model import (
    BreakKind,
    BreakNow,
    CallEnd,
    CallStart,
    EndShift,
    Event,
    EventRejected,
    GrantOvertime,
    NeedsConfirmation,
    Pause,
    Resume,
    Skip,
    StartShift,
    State,
)
from shiftwell.platform.instance import CommandRejected
from shiftwell.ui import text
from shiftwell.ui.i18n import _t
from shiftwell.ui.shell import Shell


class RemoteControl:
    def __init__(self, shell: Shell, quit_app: Callable[[], None]) -> None:
        self._shell = shell
        self._quit = quit_app

    def __call__(self, cmd: str, args: dict[str, Any]) -> dict[str, Any]:
        handler = getattr(self, "_cmd_" + cmd.replace("-", "_"), None)
        if handler is None:
            raise CommandRejected(f"unknown command {cmd!r}")
        result: dict[str, Any] = handler(args)
        return result

    # -- commands ---------------------------------------------------------------------------

    def _cmd_status(self, _args: dict[str, Any]) -> dict[str, Any]:
        status = self._shell.status()
        if status is None:
            return {"state": "starting", "headline": _t("Starting…")}
        mono = self._shell.clock.monotonic()
        reply: dict[str, Any] = {
            "state": status.state.value,
            "headline": text.headline(status, mono),
            "allowed": sorted(t.value for t in status.allowed),
            "wrap_up": status.wrap_up,
            "overtime_left_s": round(status.overtime_left),
        }
        if status.shift is not None and status.state.on_shift:
            reply["shift_end"] = status.shift.planned_end.isoformat()
        if status.next_break is not None and status.next_break_at is not None:
            reply["next_break"] = status.next_break.value
            reply["next_break_in_s"] = round(status.next_break_at - mono)
        if status.next_shift is not None:
            reply["next_shift"] = status.next_shift.start.isoformat()
        return reply

    def _cmd_show(self, _args: dict[str, Any]) -> dict[str, Any]:
        """A second `shiftwell` launch: show the status window (reply first, then show)."""
        QTimer.singleShot(0, self._shell.present)
        return {}

    def _cmd_start(self, args: dict[str, Any]) -> dict[str, Any]:
        return self._do(StartShift(confirmed=bool(args.get("confirmed"))))

    def _cmd_pause(self, args: dict[str, Any]) -> dict[str, Any]:
        seconds = args.get("seconds")
        duration = None if seconds is None else _positive_seconds(seconds, "pause")
        return self._do(Pause(duration))

    def _cmd_resume(self, _args: dict[str, Any]) -> dict[str, Any]:
        return self._do(Resume())

    def _cmd_break(self, args: dict[str, Any]) -> dict[str, Any]:
        kind = args.get("kind")
        if kind not in (None, "micro", "long"):
            raise CommandRejected("break: kind must be 'micro' or 'long'")
        return self._do(BreakNow(BreakKind(kind) if kind else None))

    def _cmd_focus(self, _args: dict[str, Any]) -> dict[str, Any]:
        """Back to work from wherever the user is: resume a pause, or skip the break."""
        status = self._shell.status()
        state = status.state if status else State.OFF_SHIFT
        if state is State.PAUSED:
            return self._do(Resume())
        if state.in_break or state is State.BREAK_DUE:
            return self._do(Skip())
        raise CommandRejected(
            _t("Nothing to leave: you are {state}.").format(state=text.state_name(state).lower())
        )

    def _cmd_call(self, args: dict[str, Any]) -> dict[str, Any]:
        action = args.get("action")
        if action == "start":
            return self._do(CallStart())
        if action == "end":
            return self._do(CallEnd())
        raise CommandRejected("call: action must be 'start' or 'end'")

    def _cmd_end_shift(self, _args: dict[str, Any]) -> dict[str, Any]:
        return self._do(EndShift())

    def _cmd_overtime(self, args: dict[str, Any]) -> dict[str, Any]:
        duration, reason = _positive_seconds(args.get("seconds"), "overtime"), args.get("reason")
        if not isinstance(reason, str):
            raise CommandRejected("overtime: a reason is required")
        return self._do(GrantOvertime(reason, duration))

    def _cmd_quit(self, _args: dict[str, Any]) -> dict[str, Any]:
        QTimer.singleShot(0, self._quit)  # reply first, then quit
        return {}

    def _do(self, event: Event) -> dict[str, Any]:
        engine = self._shell.engine
        if engine is None:
            raise CommandRejected(_t("Shiftwell is still starting; try again in a moment."))
        try:
            transition = engine.handle(event)
        except NeedsConfirmation as question:
            raise CommandRejected(
                _t("{question} (add --yes to confirm)").format(question=question)
            ) from None
        except EventRejected as rejected:
            raise CommandRejected(str(rejected)) from None
        reply = self._cmd_status({})
        if transition is not None:
            reply["detail"] = transition.detail
        return reply


# Far beyond any pause or overtime (the engine says what it allows), inside a timedelta.
_MAX_SECONDS = 10**13


def _positive_seconds(value: object, command: str) -> timedelta:
    """A request's "seconds" as a duration; refused unless a finite number in (0, 10**13]."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not 0 < value <= _MAX_SECONDS  # also false for NaN
    ):
        raise CommandRejected(f"{command}: seconds must be a number from 0 to {_MAX_SECONDS}")
    return timedelta(seconds=value)
