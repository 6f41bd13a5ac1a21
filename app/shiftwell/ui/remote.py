"""Answers the `shiftwell` command line on behalf of the running tray."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer

from shiftwell.core.commands import BY_NAME, Command, request_values
from shiftwell.core.model import EventRejected, NeedsConfirmation
from shiftwell.platform.instance import CommandRejected
from shiftwell.ui import text
from shiftwell.ui.i18n import _t
from shiftwell.ui.shell import Shell

# How long a request from a launcher waits for a Shiftwell that is still starting.
_STARTING_RETRY_MS = 500
_STARTING_TRIES = 120


class RemoteControl:
    """The running tray's side of the command table: a checked request becomes the
    command's event, submitted through the shell like a click in the menu."""

    def __init__(self, shell: Shell, quit_app: Callable[[], None]) -> None:
        self._shell = shell
        self._quit = quit_app

    def __call__(self, cmd: str, args: dict[str, Any]) -> dict[str, Any]:
        command = BY_NAME.get(cmd)
        if command is None or not command.remote:
            raise CommandRejected(f"unknown command {cmd!r}")
        if command.name == "status":
            return self._status()
        if command.name == "show":
            # A second `shiftwell` launch: show the status window (reply first, then show).
            QTimer.singleShot(0, self._shell.present)
            return {}
        if command.name == "quit":
            QTimer.singleShot(0, self._quit)  # reply first, then quit
            return {}
        assert command.event is not None, f"{command.name} has no event"
        try:
            values = request_values(command, args)
        except ValueError as error:
            raise CommandRejected(str(error)) from None
        if values.pop("on_screen", False):
            # Reply first: the answer may be a question in a dialog, left open a while.
            QTimer.singleShot(0, lambda: self._on_screen(command, values, _STARTING_TRIES))
            return {}
        status = self._shell.status()
        if status is None:
            raise CommandRejected(
                self._shell.starting_problem
                or _t("Shiftwell is still starting; try again in a moment.")
            )
        try:
            transition = self._shell.handle(command.event(values, status.state))
        except NeedsConfirmation as question:
            raise CommandRejected(
                _t("{question} (add --yes to confirm)").format(question=question)
            ) from None
        except EventRejected as rejected:
            raise CommandRejected(str(rejected)) from None
        reply = self._status()
        if transition is not None:
            reply["detail"] = transition.detail
        return reply

    def _on_screen(self, command: Command, values: dict[str, Any], tries: int) -> None:
        """From a menu or launcher (after the reply): as a click in the tray menu would,
        with its question and refusal on screen. A Shiftwell just started for it finishes
        opening its database first."""
        status = self._shell.status()
        if status is None:
            if tries > 0:
                QTimer.singleShot(
                    _STARTING_RETRY_MS, lambda: self._on_screen(command, values, tries - 1)
                )
            else:
                problem = self._shell.starting_problem or _t("Shiftwell could not start.")
                self._shell.announcer.announce("Shiftwell", problem)
            return
        assert command.event is not None
        try:
            event = command.event(values, status.state)
        except EventRejected as rejected:
            self._shell.announcer.announce("Shiftwell", str(rejected))
            return
        self._shell.submit(event)

    def _status(self) -> dict[str, Any]:
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
