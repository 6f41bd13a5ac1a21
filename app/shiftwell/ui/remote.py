"""Answers the `shiftwell` command line on behalf of the running tray."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCursor

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
            problem = self._shell.starting_problem
            return {"state": "starting", "headline": problem or _t("Starting…")}
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
        unsaved = self._shell.unsaved()
        if unsaved:
            # Done, and the caller must know it is done: retrying would do it twice.
            reply["unsaved"] = unsaved
            reply["note"] = _t(
                "Done, but not saved yet: the database is busy or the disk is full. "
                "Shiftwell keeps it and saves it as soon as it can."
            )
        return reply

    def _cmd_show(self, _args: dict[str, Any]) -> dict[str, Any]:
        if self._shell.status_window is not None:
            self._shell.status_window.show()
            self._shell.status_window.raise_()
            self._shell.status_window.activateWindow()
        else:
            QTimer.singleShot(0, lambda: self._shell.menu.menu.popup(QCursor.pos()))
        return {}

    def _cmd_start(self, args: dict[str, Any]) -> dict[str, Any]:
        return self._do(StartShift(confirmed=bool(args.get("confirmed"))))

    def _cmd_pause(self, args: dict[str, Any]) -> dict[str, Any]:
        seconds = args.get("seconds")
        if seconds is not None and (not isinstance(seconds, int | float) or seconds <= 0):
            raise CommandRejected("pause: seconds must be a positive number")
        duration = timedelta(seconds=seconds) if seconds is not None else None
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
        seconds, reason = args.get("seconds"), args.get("reason")
        if not isinstance(seconds, int | float) or seconds <= 0:
            raise CommandRejected("overtime: seconds must be a positive number")
        if not isinstance(reason, str):
            raise CommandRejected("overtime: a reason is required")
        return self._do(GrantOvertime(reason, timedelta(seconds=seconds)))

    def _cmd_quit(self, _args: dict[str, Any]) -> dict[str, Any]:
        QTimer.singleShot(0, self._quit)  # reply first, then quit
        return {}

    def _do(self, event: Event) -> dict[str, Any]:
        engine = self._shell.engine
        if engine is None:
            if self._shell.starting_problem is not None:
                raise CommandRejected(self._shell.starting_problem)
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
