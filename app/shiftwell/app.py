"""The composition root: builds the tray app from its parts, icon first, then the database
(importing SQL costs most of a second). The one place that knows every layer.

Every part is made once, in order. What only the database's first opening completes — the
engine, and the platform watchers whose imports would delay the icon (idle time, calls,
sleep) — joins there, through the storage link's `on_first_open`."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from PySide6.QtCore import QObject, QProcess, QTimer
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
from shiftwell.platform.quit_on_signals import quit_on_stop_signals
from shiftwell.platform.tray_watch import TrayWatch
from shiftwell.review import close_review
from shiftwell.storage_link import StorageLink
from shiftwell.ui import dialogs
from shiftwell.ui.i18n import _t, _tn, install_translation
from shiftwell.ui.notices.announcer import Announcer
from shiftwell.ui.qt_clock import QtClock
from shiftwell.ui.remote import RemoteControl
from shiftwell.ui.shell import Desktop, Shell
from shiftwell.ui.style import apply_style
from shiftwell.ui.tray.tray import tray_available

if TYPE_CHECKING:
    from shiftwell.platform.idle import IdleMonitor
    from shiftwell.platform.idle_events import IdleEvents
    from shiftwell.storage.opening import Migrate, Migrated

log = logging.getLogger(__name__)

_TRAY_POLL_MS = 1000
_LATE_TRAY_WAIT_S = 10.0


def run(paths: Paths, *, tray_wait: float, verbose: bool = False) -> int:
    app = QApplication([sys.argv[0]])
    # From here a stop signal wakes the event loop; one that came earlier is seen below.
    quit_on_stop_signals(app)
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
            # The review is a process of its own; from the log-off screen it comes above it.
            open_stats=_review_opener(
                paths,
                lambda: shell.logoff_showing,
                lambda argv: _start_detached(argv, paths.log_file),
            ),
            open_settings=_settings_opener(lambda: shell, paths, lambda: follow_calendar()),
            quit_app=app.quit,
            release_memory=_give_back_freed_memory,
            screens_stay_on_top=not app.platformName().startswith("wayland"),
        )
        runner.failed.connect(
            lambda what, why: desktop.announcer.announce(_t("A command failed"), why)
        )
        shell = Shell(loaded.settings, QtClock(app), desktop)
        follow_calendar = _calendar_follower(shell, paths)
        remote = RemoteControl(shell, app.quit)
        tray_hint = partial(_tray_hint_once, desktop.announcer, paths)
        app.aboutToQuit.connect(_show_when_tray_ready(shell, tray_wait, tray_hint).stop)
        exit_code = 0

        def on_first_open() -> None:
            _attach_platform(shell)
            follow_calendar()  # its kept copy reaches the engine as it starts
            # What starting read and let go of (the modules' sources among it) goes back.
            QTimer.singleShot(RELEASE_AFTER_START_MS, _give_back_freed_memory)
            if loaded.problems:
                desktop.announcer.announce(
                    _t("Some settings were not understood"), _problems(loaded)
                )

        storage = StorageLink(
            shell, paths, on_first_open, _migration(_shiftwell_command(paths, verbose))
        )

        def finish_start() -> None:
            nonlocal exit_code
            if not storage.attach():
                exit_code = 1
                QTimer.singleShot(8000, app.quit)

        QTimer.singleShot(0, finish_start)
        signum = stop_signals.received()
        # A signal from now on is seen by the event loop, through the wake-up socket.
        status = app.exec() if signum is None else 0
        # A shift left open is closed at the next start, at the last mark: make it now.
        shell.leave_alive_mark()
        close_review(paths)  # "Quit Shiftwell" closes its weekly review too
        storage.close()
        notifier.close()
        if desktop.idle_events is not None:
            desktop.idle_events.close()
        if desktop.idle is not None:
            desktop.idle.close()
    finally:
        server.close()
    signum = stop_signals.received()
    if signum is not None:
        return stop_signals.exit_code(signum)
    return exit_code or status


def _migration(command: list[str]) -> Migrate:
    """Migrates the database in a `shiftwell` process of its own; imported when first
    needed, as storage is, so that nothing of it delays the icon."""

    def migrate(path: Path, lock_timeout: float) -> Migrated:
        from shiftwell.storage.migrate_child import migrate_in_child

        return migrate_in_child(command)(path, lock_timeout)

    return migrate


RELEASE_AFTER_START_MS = 3000


def _give_back_freed_memory() -> None:
    from shiftwell.platform.memory import give_back_freed_memory

    give_back_freed_memory()


def _shiftwell_command(paths: Paths, verbose: bool) -> list[str]:
    """`shiftwell` for this profile, from source or from the bundle (whose executable is
    the command itself), for the database's migration in a process of its own."""
    command = (
        [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "shiftwell"]
    )
    command += ["--data-dir", str(paths.data_dir), "--config", str(paths.config_file)]
    return [*command, "--verbose"] if verbose else command


def _answer(remote: RemoteControl | None, cmd: str, args: dict[str, Any]) -> dict[str, Any]:
    if remote is None:  # requests that come before the shell exists
        raise CommandRejected(_t("Shiftwell is still starting; try again in a moment."))
    return remote(cmd, args)


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
    if settings.breaks.natural:
        shell.desktop.idle = detect_idle_monitor()
        shell.desktop.idle_events = _idle_events(shell.desktop.idle)
    if settings.calls.detect_microphone:
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


def _idle_events(monitor: IdleMonitor | None) -> IdleEvents | None:
    """The desktop's own idle events, so that nothing polls: Mutter's watches, or a Wayland
    compositor's notifications (that monitor is its own events)."""
    from shiftwell.platform.idle import MutterIdleMonitor
    from shiftwell.platform.idle_events import IdleEvents, MutterIdleEvents

    if isinstance(monitor, IdleEvents):
        return monitor
    if not isinstance(monitor, MutterIdleMonitor):
        return None
    events = MutterIdleEvents(monitor.bus_address)
    if not events.start():
        return None
    log.info("idle events from mutter")
    return events


def _review_opener(
    paths: Paths, logoff_showing: Callable[[], bool], launch: Callable[[list[str]], bool]
) -> Callable[[], None]:
    """Opens the weekly review in a process of its own (`shiftwell review`), so that its
    charts, queries and exports never stay in the tray; asked for from the log-off screen,
    it comes above it."""

    def open_review() -> None:
        from shiftwell.review import review_argv

        argv = review_argv(paths, on_top=logoff_showing())
        if not launch(argv):
            log.warning("the weekly review could not be started (%s)", argv[0])

    return open_review


def _start_detached(argv: list[str], log_file: Path) -> bool:
    """Starts the review on its own; what it says on stderr goes to the tray's log."""
    process = QProcess()
    process.setProgram(argv[0])
    process.setArguments(argv[1:])
    process.setStandardOutputFile(QProcess.nullDevice())
    process.setStandardErrorFile(str(log_file), QProcess.OpenModeFlag.Append)
    return bool(process.startDetached())


def _calendar_follower(shell: Shell, paths: Paths) -> Callable[[], None]:
    """Follows `schedule.calendar` (again, when the settings change): made only once a
    calendar is named, since the iCalendar libraries take most of a second to load."""
    links: list[Any] = []

    def follow() -> None:
        if not links:
            if shell.settings.plan.calendar is None:
                return
            from shiftwell.calendar_link import CalendarLink

            links.append(CalendarLink(shell, paths.data_dir))
        links[0].start()

    return follow


def _settings_opener(
    the_shell: Callable[[], Shell],
    paths: Paths,
    follow_calendar: Callable[[], None] = lambda: None,
) -> Callable[[], None]:
    """Opens the settings dialog; a save is written (comments kept) and applied at once."""
    dialogs_open: list[QWidget] = []

    def on_saved(changes: dict[str, object]) -> None:
        from shiftwell.platform.config_save import SettingsNotSaved, save_settings

        shell = the_shell()
        try:
            save_settings(paths.config_file, changes)
        except SettingsNotSaved as error:
            shell.announcer.announce(_t("Settings not saved"), str(error))
            return
        reloaded = load_settings(paths.config_file)
        shell.apply_settings(reloaded.settings)
        follow_calendar()
        if reloaded.problems:
            shell.announcer.announce(_t("Some settings were not understood"), _problems(reloaded))

    def open_settings() -> None:
        from shiftwell.platform.autostart import autostart_for_platform
        from shiftwell.platform.config_file import locked_keys
        from shiftwell.ui.settings.dialog import SettingsDialog

        shell = the_shell()
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
    from shiftwell.ui.breaks.sound import play_break_end

    play_break_end()


class _TrayWait(QObject):
    """At login the tray host may come up after us: wait for it, bounded, then fall back to
    a status window. A StatusNotifier tray that appears later (a panel started late or
    restarted, a tray extension switched on) is waited for again and takes over."""

    def __init__(self, shell: Shell, wait_seconds: float, on_fallback: Callable[[], None]) -> None:
        super().__init__(shell)
        self._shell = shell
        self._on_fallback = on_fallback
        self._wait_seconds = wait_seconds
        self._give_up_at = 0.0
        self._fell_back = False
        self._watch: TrayWatch | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(_TRAY_POLL_MS)
        self._poll.timeout.connect(self._check)

    def start(self) -> None:
        self._give_up_at = time.monotonic() + self._wait_seconds
        if tray_available() or self._wait_seconds <= 0:
            self._check()
        else:
            log.info("waiting up to %.0f s for the system tray", self._wait_seconds)
            self._poll.start()

    def stop(self) -> None:
        self._poll.stop()
        if self._watch is not None:
            self._watch.stop()
            self._watch = None

    def _check(self) -> None:
        if tray_available():
            self.stop()
            self._shell.tray.show()
            if self._shell.status_window is not None:
                self._shell.status_window.hide()
            log.info("tray icon shown")
        elif time.monotonic() >= self._give_up_at:
            self._poll.stop()
            if not self._fell_back:
                self._fell_back = True
                log.warning(
                    "no system tray after %.0f s; showing a status window", self._wait_seconds
                )
                self._shell.show_without_tray()
                self._on_fallback()
                self._watch_for_a_late_tray()

    def _watch_for_a_late_tray(self) -> None:
        if not sys.platform.startswith("linux"):
            return
        self._watch = TrayWatch()
        self._watch.appeared.connect(self._on_tray_appeared)
        if not self._watch.start():
            self._watch = None

    def _on_tray_appeared(self) -> None:
        # Its host may register a moment after the watcher: look again for a while.
        self._give_up_at = time.monotonic() + max(self._wait_seconds, _LATE_TRAY_WAIT_S)
        self._check()
        if self._watch is not None and not self._poll.isActive():
            self._poll.start()


def _show_when_tray_ready(
    shell: Shell, wait_seconds: float, on_fallback: Callable[[], None] = lambda: None
) -> _TrayWait:
    waiting = _TrayWait(shell, wait_seconds, on_fallback)
    waiting.start()
    return waiting


def _tray_hint_once(announcer: Announcer, paths: Paths) -> None:
    """Without a tray: how to get one on this desktop, said once for good (per data dir)."""
    from shiftwell.core.tray_hint import TITLE, tray_hint
    from shiftwell.platform.said_once import SaidOnce

    if SaidOnce(paths.data_dir).first_time("tray_hint"):
        hint = tray_hint(os.environ.get("XDG_CURRENT_DESKTOP", ""))
        announcer.announce(_t(TITLE), _t(hint), timeout_ms=30_000)
