"""Runs the user's commands (hooks, the log-off action): argument lists, never a shell,
with a timeout, output logged, failure reported — and never blocking the tray."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from shiftwell.core.i18n import _

log = logging.getLogger(__name__)


class CommandRunner(QObject):
    # What the command was for ("The logoff hook"), and what went wrong, as a sentence.
    failed = Signal(str, str)
    finished = Signal(str, int)  # what, exit code

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: set[QProcess] = set()

    @property
    def running(self) -> int:
        return len(self._running)

    def run(self, what: str, argv: Sequence[str], env: Mapping[str, str], timeout: float) -> None:
        process = QProcess(self)
        process.setProgram(argv[0])
        process.setArguments(list(argv[1:]))
        environment = QProcessEnvironment.systemEnvironment()
        for key, value in env.items():
            environment.insert(key, value)
        process.setProcessEnvironment(environment)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.setStandardInputFile(QProcess.nullDevice())
        timer = QTimer(process)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._time_out(process, what, timeout))
        process.errorOccurred.connect(lambda error: self._on_error(process, what, argv, error))
        process.finished.connect(lambda code, _status: self._on_finished(process, what, code))
        self._running.add(process)
        log.info("running %s: %s", what, list(argv))
        process.start()
        timer.start(round(timeout * 1000))

    def _time_out(self, process: QProcess, what: str, timeout: float) -> None:
        if process.state() is not QProcess.ProcessState.NotRunning:
            process.setProperty("timed_out", True)
            process.kill()
            message = _("{what} did not finish within {seconds} s and was stopped.")
            self._report(what, message.format(what=what, seconds=f"{timeout:g}"))

    def _on_error(
        self, process: QProcess, what: str, argv: Sequence[str], error: QProcess.ProcessError
    ) -> None:
        if error is QProcess.ProcessError.FailedToStart:
            message = _("{what} could not start {program}: {reason}")
            program, reason = repr(argv[0]), process.errorString()
            self._report(what, message.format(what=what, program=program, reason=reason))
            self._forget(process)

    def _on_finished(self, process: QProcess, what: str, code: int) -> None:
        output = bytes(process.readAll().data()).decode("utf-8", "replace").strip()
        if output:
            log.info("%s said: %s", what, output[:2000])
        if code != 0 and not process.property("timed_out"):
            message = _("{what} exited with status {code}.")
            self._report(what, message.format(what=what, code=code))
        self.finished.emit(what, code)
        self._forget(process)

    def _report(self, what: str, message: str) -> None:
        log.warning("%s", message)
        self.failed.emit(what, message)

    def _forget(self, process: QProcess) -> None:
        self._running.discard(process)
        # Deleted later, after its signal handlers return; no longer our child, so that
        # the runner going first (tests, the app's exit) cannot delete it twice.
        process.setParent(None)
        process.deleteLater()
