"""Starts the tray: icon first, then the database (importing SQL costs most of a second)."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QApplication, QWidget

from shiftwell.core.settings import LoadedSettings
from shiftwell.platform import stop_signals
from shiftwell.platform.commands import CommandRunner
from shiftwell.platform.config_file import load_settings
from shiftwell.platform.instance import (
    CommandRejected,
    InstanceError,
    InstanceServer,
    ListenResult,
    socket_path,
)
from shiftwell.platform.notifications import system_notifier
from shiftwell.platform.paths import Paths
from shiftwell.ui import dialogs, text
from shiftwell.ui.announcer import Announcer
from shiftwell.ui.i18n import _t, _tn, install_translation
from shiftwell.ui.qt_clock import QtClock
from shiftwell.ui.remote import RemoteControl
from shiftwell.ui.shell import Desktop, Shell
from shiftwell.ui.style import apply_style
from shiftwell.ui.tray import tray_available

if TYPE_CHECKING:  # QtCharts loads only when the window is first opened
    from shiftwell.ui.stats_window import StatsWindow

log = logging.getLogger(__name__)

_TRAY_POLL_MS = 1000


def run(paths: Paths, *, tray_wait: float) -> int:
    app = QApplication([sys.argv[0]])
    # From here a stop signal wakes the event loop; one that came earlier is seen below.
    _quit_on_signals(app)
    install_translation(app)  # before any window is built: windows don't retranslate
    app.setApplicationName("Shiftwell")
    app.setDesktopFileName("shiftwell")
    app.setQuitOnLastWindowClosed(False)
    # Qt's pixmap cache flushes itself on a timer while it holds anything (the tray icon
    # does): a few wake-ups a minute for nothing. Our icons are drawn once per change.
    QPixmapCache.setCacheLimit(0)
    apply_style(app)
    if (signum := stop_signals.received()) is not None:
        return stop_signals.exit_code(signum)
    remote: RemoteControl | None = None
    server = InstanceServer(lambda cmd, args: _answer(remote, cmd, args), app)
    try:
        listening = server.listen(socket_path(paths.data_dir))
    except InstanceError as error:
        print(f"shiftwell: {error}", file=sys.stderr)
        return 2
    if listening is ListenResult.ALREADY_RUNNING:
        print(_t("Shiftwell is already running for {folder}.").format(folder=paths.data_dir))
        return 0
    try:  # from here on, however Shiftwell stops, its socket and lock go with it
        loaded = load_settings(paths.config_file)
        for problem in loaded.problems:
            log.warning("%s", problem)
        notifier = system_notifier()
        runner = CommandRunner(app)
        desktop = Desktop(
            announcer=Announcer(notifier),
            confirm=dialogs.confirm,
            ask_reason=dialogs.ask_reason,
            run_command=runner.run,
            play_break_end=_play_break_end,
            open_stats=lambda: None,
            quit_app=app.quit,
        )
        runner.failed.connect(
            lambda what, why: desktop.announcer.announce(_t("A command failed"), why)
        )
        shell = Shell(loaded.settings, QtClock(app), desktop)
        remote = RemoteControl(shell, app.quit)
        _show_when_tray_ready(shell, tray_wait)
        exit_code = 0

        def finish_start() -> None:
            nonlocal exit_code
            if not _attach_storage(shell, paths, loaded):
                exit_code = 1
                QTimer.singleShot(8000, app.quit)

        QTimer.singleShot(0, finish_start)
        signum = stop_signals.received()
        # A signal from now on is seen by the event loop, through the wake-up socket.
        status = app.exec() if signum is None else 0
        # A shift left open is closed at the next start, at the last mark: make it now.
        shell.leave_alive_mark()
        notifier.close()
        if desktop.idle is not None:
            desktop.idle.close()
    finally:
        server.close()
    signum = stop_signals.received()
    if signum is not None:
        return stop_signals.exit_code(signum)
    return exit_code or status


def _answer(remote: RemoteControl | None, cmd: str, args: dict[str, Any]) -> dict[str, Any]:
    if remote is None:  # requests that come before the shell exists
        raise CommandRejected(_t("Shiftwell is still starting; try again in a moment."))
    return remote(cmd, args)


def _attach_storage(shell: Shell, paths: Paths, loaded: LoadedSettings) -> bool:
    """Open the database and start the engine; False (after telling the user) if we can't."""
    # Imported here, after the icon is up: SQLModel is the slowest import we have.
    from shiftwell.storage.database import DatabaseError, open_database
    from shiftwell.storage.durable import DurableRecorder
    from shiftwell.storage.recovery import repair_future_records
    from shiftwell.storage.repository import Repository

    announcer = shell.announcer
    try:
        opened = open_database(paths.database)
    except DatabaseError as error:
        log.error("%s", error)
        announcer.announce(
            _t("Shiftwell can't open its database"),
            _t("{error} Shiftwell will close.").format(error=error),
        )
        return False
    repository = Repository(opened.engine)
    recorder = DurableRecorder(
        repository,
        on_trouble=lambda message: announcer.announce(
            _t("Shiftwell can't save"), message, kind="saving"
        ),
        on_recovered=lambda: announcer.announce(
            _t("Shiftwell saves again"), _t("Nothing was lost."), kind="saving"
        ),
    )
    if opened.moved_aside is not None:
        announcer.announce(
            _t("Shiftwell started a new database"),
            _t("The old one could not be read; it was kept as {path}.").format(
                path=opened.moved_aside
            ),
        )
    _attach_platform(shell)
    shell.desktop.open_stats = _stats_opener(opened.engine, shell)
    shell.desktop.open_settings = _settings_opener(shell, paths)
    now = shell.clock.now()
    repair = repair_future_records(opened.engine, now)
    if repair is not None:
        message = _t(
            "Your computer's clock was ahead when Shiftwell last ran: {count} records dated "
            "up to {ahead} in the future were moved back by {moved}, keeping their order "
            "and lengths."
        ).format(
            count=repair.records,
            ahead=text.span(repair.ahead.total_seconds()),
            moved=text.span(repair.moved_back.total_seconds()),
        )
        log.warning("%s", message)
        announcer.announce(_t("Shiftwell corrected your record"), message)
    shell.attach(recorder, repository.history(now), repository.unfinished(), recorder.beat)
    log.info("ready; data in %s", paths.data_dir)
    if loaded.problems:
        announcer.announce(_t("Some settings were not understood"), _problems(loaded))
    return True


def _problems(loaded: LoadedSettings) -> str:
    """The first problem, and how many more there are (the log has them all)."""
    first, more = str(loaded.problems[0]), len(loaded.problems) - 1
    return (
        _tn("{first} (and %n more)", "{first} (and one more)", more).format(first=first)
        if more
        else first
    )


def _attach_platform(shell: Shell) -> None:
    from shiftwell.platform.break_ideas import load_break_ideas
    from shiftwell.platform.calls import system_call_detector
    from shiftwell.platform.idle import detect_idle_monitor

    settings = shell.settings
    if settings.natural_breaks:
        shell.desktop.idle = detect_idle_monitor()
    if settings.detect_calls:
        shell.desktop.calls = system_call_detector()
    shell.desktop.ideas = load_break_ideas(_user_ideas_file()) or shell.desktop.ideas
    if sys.platform.startswith("linux"):
        from shiftwell.platform.sleep import SleepWatcher

        watcher = SleepWatcher()
        watcher.setParent(shell)  # lives as long as the shell
        if watcher.start():
            watcher.sleeping.connect(shell.sleep_signal)
            app = QApplication.instance()
            assert app is not None
            app.aboutToQuit.connect(watcher.stop)


def _stats_opener(engine: object, shell: Shell) -> Callable[[], None]:
    """Opens (or raises) the weekly stats window; its charts load only now."""
    windows: list[StatsWindow] = []  # the one window, made on first use

    def open_stats() -> None:
        from zoneinfo import ZoneInfo

        from shiftwell.report.files import WeekExporter
        from shiftwell.storage.stats import WeekRows, week_figures
        from shiftwell.ui.stats_window import StatsWindow

        if not windows:
            tz = shell.settings.schedule.tz
            zone = tz if isinstance(tz, ZoneInfo) else ZoneInfo("UTC")
            cap = shell.settings.overtime.weekly_cap
            made = StatsWindow(
                lambda week: week_figures(engine, week, zone, cap),  # type: ignore[arg-type]
                files=WeekExporter(WeekRows(engine, zone)),  # type: ignore[arg-type]
            )
            windows.append(made)
            shell.desktop.figures_changed = made.reread
        window = windows[0]
        # Asked for from the log-off screen, the review has to come above it.
        window.bring_up(on_top=shell.logoff_showing)

    return open_stats


def _settings_opener(shell: Shell, paths: Paths) -> Callable[[], None]:
    """Opens the settings dialog; a save is written (comments kept) and applied at once."""
    dialogs_open: list[QWidget] = []

    def on_saved(changes: dict[str, object]) -> None:
        from shiftwell.platform.config_file import SettingsNotSaved, save_settings

        try:
            save_settings(paths.config_file, changes)
        except SettingsNotSaved as error:
            shell.announcer.announce(_t("Settings not saved"), str(error))
            return
        reloaded = load_settings(paths.config_file)
        shell.apply_settings(reloaded.settings)
        if reloaded.problems:
            shell.announcer.announce(_t("Some settings were not understood"), _problems(reloaded))

    def open_settings() -> None:
        from shiftwell.platform.autostart import autostart_for_platform
        from shiftwell.platform.config_file import locked_keys
        from shiftwell.ui.settings_dialog import SettingsDialog

        for old in dialogs_open:
            old.deleteLater()
        dialog = SettingsDialog(shell.settings, locked_keys(), autostart_for_platform())
        dialog.saved.connect(on_saved)
        dialogs_open[:] = [dialog]
        dialog.show()
        dialog.raise_()

    return open_settings


def _user_ideas_file() -> Path:
    return Path(platformdirs.user_config_dir("shiftwell")) / "break-ideas.txt"


def _play_break_end() -> None:
    from shiftwell.ui.sound import play_break_end

    play_break_end()


def _show_when_tray_ready(shell: Shell, wait_seconds: float) -> None:
    """At login the tray host may come up after us: wait for it, bounded, then fall back."""
    give_up_at = time.monotonic() + wait_seconds
    poll = QTimer(shell)
    poll.setInterval(_TRAY_POLL_MS)

    def check() -> None:
        if tray_available():
            poll.stop()
            shell.tray.show()
            if shell.status_window is not None:
                shell.status_window.hide()
            log.info("tray icon shown")
        elif time.monotonic() >= give_up_at:
            poll.stop()
            log.warning("no system tray after %.0f s; showing a status window", wait_seconds)
            shell.show_without_tray()

    poll.timeout.connect(check)
    if tray_available() or wait_seconds <= 0:
        check()
    else:
        log.info("waiting up to %.0f s for the system tray", wait_seconds)
        poll.start()


def _quit_on_signals(app: QApplication) -> None:
    """INT, TERM and HUP quit cleanly, without a polling timer: a wake-up socket feeds Qt."""
    reader = stop_signals.wake_up_on_signals()
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def on_signal() -> None:
        reader.recv(64)
        log.info("signal received; quitting")
        app.quit()

    notifier.activated.connect(on_signal)
