"""Wires the engine to storage and to the screen: clock/OS events -> core -> (storage, ui).

The shell decides nothing: it renders the engine's status, forwards what the user asks for,
and reports what the OS sees (idle time, the microphone) as events.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject

from shiftwell.core import notice_actions
from shiftwell.core.clock import Clock, TimerHandle
from shiftwell.core.commands import BY_NAME, Command
from shiftwell.core.engine import Engine, History, Listener, Status, Unfinished
from shiftwell.core.hooks import commands_to_run, logoff_action
from shiftwell.core.model import (
    CallEnd,
    CallStart,
    CheckIn,
    Deadline,
    Dismiss,
    Event,
    EventRejected,
    GrantOvertime,
    Idle,
    NeedsConfirmation,
    NewPlan,
    NoticeKind,
    Postpone,
    Skip,
    StartShift,
    State,
    Transition,
    Trigger,
    UpdateSettings,
)
from shiftwell.core.moments import ReviewTiming, break_after_call
from shiftwell.core.settings import Settings
from shiftwell.platform.calls import CallDetector
from shiftwell.platform.idle import IdleMonitor
from shiftwell.platform.idle_events import IdleEvents
from shiftwell.ui import text, views
from shiftwell.ui.i18n import _t
from shiftwell.ui.notices.announcer import Announcer
from shiftwell.ui.notices.fixed_breaks import fixed_break_message
from shiftwell.ui.tray.status_window import StatusWindow
from shiftwell.ui.tray.tray import Tray, TrayMenu

log = logging.getLogger(__name__)

# How often to ask whether the microphone is in use, while on shift.
CALL_POLL_SECONDS = 10.0
# How often to leave the alive mark (for crash recovery) and check the clocks.
ALIVE_SECONDS = 60.0
# After the break or log-off screens close: Qt deletes them at the next turn of its event
# loop; a moment later, what they freed goes back to the system.
RELEASE_MEMORY_SECONDS = 2.0


# Kinds of announcement: a later one of the same kind replaces the one on screen.
SHIFT_END = "shift_end"
BREAK = "break"
SHIFT_START = "shift_start"

RunCommand = Callable[[str, Sequence[str], Mapping[str, str], float], None]


@dataclass
class Desktop:
    """The shell's ways out to the user and the OS; tests pass fakes."""

    announcer: Announcer
    confirm: Callable[[str], bool]
    ask_reason: Callable[[Sequence[str]], str | None]
    run_command: RunCommand
    play_break_end: Callable[[], None]
    open_stats: Callable[[], None]
    quit_app: Callable[[], None]
    open_settings: Callable[[], None] = lambda: None
    # Something was recorded: an open weekly review reads its figures again.
    figures_changed: Callable[[], None] = lambda: None
    # Full-screen windows were deleted: hand the memory they freed back to the system.
    release_memory: Callable[[], None] = lambda: None
    idle: IdleMonitor | None = None
    idle_events: IdleEvents | None = None  # with `idle`: when to ask it, instead of polling
    calls: CallDetector | None = None
    # False where a window can't keep itself above the others (Wayland): a strict log-off
    # then locks the session.
    screens_stay_on_top: bool = True
    ideas: Sequence[str] = field(default_factory=lambda: (_t("Stand up and stretch."),))


class Shell(QObject):
    def __init__(self, settings: Settings, clock: Clock, desktop: Desktop) -> None:
        super().__init__()
        self.settings = settings
        self.clock = clock
        self.desktop = desktop
        self.announcer = desktop.announcer
        self.engine: Engine | None = None
        handlers = {
            "overtime": self.ask_overtime,
            "stats": lambda: self.desktop.open_stats(),
            "settings": lambda: self.desktop.open_settings(),
            "quit": lambda: self.desktop.quit_app(),
        }
        self.menu = TrayMenu(self.send, handlers)
        self.tray = Tray(self.menu, self.status, clock.monotonic)
        self.tray.window_wanted.connect(self.present)
        self.status_window: StatusWindow | None = None
        self._overlay: object | None = None
        self._logoff: object | None = None
        # The week's last shift is over: the weekly review waits for the log-off screen.
        self._review = ReviewTiming()
        self._checkin: object | None = None
        self._idle_timer: TimerHandle | None = None
        self._call_timer: TimerHandle | None = None
        self._tick_timer: TimerHandle | None = None
        self._reminder_timer: TimerHandle | None = None
        self._reminded: datetime | None = None  # the start of the shift last reminded of
        self._alive: Callable[[datetime], object] | None = None
        # How many transitions wait to be saved (the database is busy, full or damaged).
        self.unsaved: Callable[[], int] = lambda: 0
        # Why the engine has not started yet, in one sentence for the user (a full disk).
        self.starting_problem: str | None = None
        # The calendar's copy, when it came before the engine started.
        self._plan_waiting: NewPlan | None = None
        self.announcer.on_action(self.notice_action)
        self.announcer.in_window = lambda title, body: self.present().show_news(title, body)

    # -- start-up -----------------------------------------------------------------------------

    def status(self) -> Status | None:
        return self.engine.status() if self.engine else None

    def attach(
        self,
        recorder: Listener,
        history: History | None = None,
        unfinished: Unfinished | None = None,
        alive: Callable[[datetime], object] | None = None,
    ) -> Engine:
        """Start the engine; `recorder` (storage) hears every transition before the screen.
        A shift the last run left open is repaired first; `alive` is called once a minute."""
        self.engine = Engine(self.settings, self.clock, [recorder, self.on_transition], history)
        self._alive = alive
        if self._plan_waiting is not None:  # the plan first: a restart resumes by it
            self.engine.handle(self._plan_waiting)
            self._plan_waiting = None
        if unfinished is not None:
            self.engine.recover(unfinished)
        self.refresh()
        self._arm_tick()
        return self.engine

    def _arm_tick(self) -> None:
        self._tick_timer = self.clock.call_later(ALIVE_SECONDS, self._tick)

    def leave_alive_mark(self) -> None:
        """The last moment Shiftwell is known to run, where a restart closes what was open:
        once a minute, before the machine sleeps, and when Shiftwell quits."""
        if self._alive is not None:
            # On the record's time, which a clock set back mid-shift does not turn back.
            self._alive(self.engine.recorded_now() if self.engine else self.clock.now())

    def sleep_signal(self, going_to_sleep: bool) -> None:
        """logind's word: leave an alive mark before sleeping; look at the clocks on waking."""
        if going_to_sleep:
            self.leave_alive_mark()
        elif self.engine is not None:
            self.engine.handle(Deadline())

    def _tick(self) -> None:
        """Once a minute: a look at the clocks (sleep, clock changes), and the alive mark."""
        if self.engine is not None:
            self.engine.handle(Deadline())
        self.leave_alive_mark()
        self._arm_tick()

    def close(self) -> None:
        """Stop every timer and hide every window (at quit, and between tests)."""
        self.tray.close()
        for handle in (self._idle_timer, self._call_timer, self._tick_timer, self._reminder_timer):
            if handle is not None:
                self.clock.cancel(handle)
        self._idle_timer = self._call_timer = self._tick_timer = self._reminder_timer = None
        if self.desktop.idle_events is not None:
            self.desktop.idle_events.cancel()
        for screen in (self._overlay, self._logoff):
            if screen is not None:
                screen.close_all()  # type: ignore[attr-defined]
        if self.status_window is not None:
            self.status_window.close()

    def show_without_tray(self) -> StatusWindow:
        self.status_window = StatusWindow(self.menu)
        self.status_window.sync(self._schedule_line())
        self.status_window.show()
        return self.status_window

    def present(self) -> StatusWindow:
        """Show what Shiftwell is doing in a window in front (a second launch asks for it):
        a menu popped up wherever the mouse happens to be would be lost or misread."""
        if self.status_window is None:
            self.status_window = StatusWindow(self.menu)
        self.status_window.set_in_tray(self.tray.icon.isVisible())
        self.status_window.sync(self._schedule_line())
        self.status_window.show()
        self.status_window.raise_()
        self.status_window.activateWindow()
        return self.status_window

    # -- user intent ----------------------------------------------------------------------------

    def handle(self, event: Event) -> Transition | None:
        """The one way in to the engine for what the user asks (menu, screens, command
        line). Raises EventRejected or NeedsConfirmation; None while still starting."""
        if self.engine is None:
            return None
        return self.engine.handle(event)

    def send(self, command: Command, request: Mapping[str, Any]) -> Transition | None:
        """A command of the table from the tray menu: its event, given the state now."""
        status = self.status()
        if status is None or command.event is None:
            return None
        try:
            event = command.event(request, status.state)
        except EventRejected as rejected:
            self.announcer.announce("Shiftwell", str(rejected))
            return None
        return self.submit(event)

    def submit(self, event: Event) -> Transition | None:
        """`handle`, for the tray and the screens: a refusal is announced, and starting
        outside the schedule asks first."""
        try:
            return self.handle(event)
        except NeedsConfirmation as question:
            if isinstance(event, StartShift) and self.desktop.confirm(str(question)):
                return self.submit(replace(event, confirmed=True))
        except EventRejected as rejected:
            self.announcer.announce("Shiftwell", str(rejected))
        return None

    def notice_action(self, key: str) -> None:
        """A notification's button was clicked: its command, as from the tray menu."""
        action = notice_actions.BY_KEY.get(key)
        if action is None:
            log.info("notification action %r ignored", key)
            return
        self.send(BY_NAME[action.command], action.request)

    def apply_settings(self, settings: Settings) -> None:
        """New settings take effect at once; the engine records the change."""
        self.settings = settings
        if self.engine is not None:
            self.engine.handle(UpdateSettings(settings))
        self.refresh()

    def _schedule_line(self) -> str | None:
        status = self.status()
        return text.schedule_source(status) if status is not None else None

    def use_plan(self, plan: NewPlan) -> None:
        """A calendar copy (or none): the engine plans by it from now on."""
        if self.engine is None:
            self._plan_waiting = plan
            return
        self.engine.handle(plan)
        self.refresh()

    def ask_overtime(self) -> None:
        reason = self.desktop.ask_reason(views.quick_reasons())
        if reason is not None:
            self.submit(GrantOvertime(reason))

    # -- rendering ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.tray.refresh()
        status = self.status()
        if self.status_window is not None:
            self.status_window.sync(self._schedule_line())
        if status is not None:
            self._arm_idle_poll(status)
            self._arm_call_poll(status)
            self._arm_shift_reminder(status)

    def on_transition(self, transition: Transition) -> None:
        self.refresh()
        self.desktop.figures_changed()  # storage heard the transition first
        status = self.status()
        assert status is not None
        open_review = self._review.open_now(
            transition, enabled=self.settings.stats.open_after_last_shift
        )
        self._screens(transition, status)
        if open_review:
            self.desktop.open_stats()
        message = self._announcement(transition, status)
        if message is not None:
            title, body, kind = message
            buttons = notice_actions.actions_for(transition, status)
            self.announcer.announce(title, body, kind=kind, actions=_labelled(buttons))
        self._run_hooks(transition)

    def _arm_shift_reminder(self, status: Status) -> None:
        """Shifts that do not start by themselves are announced at their start, with a
        Start button (where there is no tray, that notification is the quickest way)."""
        if self._reminder_timer is not None:
            self.clock.cancel(self._reminder_timer)
            self._reminder_timer = None
        auto_start = self.settings.shift.auto_start
        wait = notice_actions.seconds_to_shift_reminder(status, auto_start, self.clock.now())
        if wait is None or status.next_shift is None or status.next_shift.start == self._reminded:
            return
        self._reminder_timer = self.clock.call_later(wait, self._remind_of_shift)

    def _remind_of_shift(self) -> None:
        self._reminder_timer = None
        status = self.status()
        auto_start = self.settings.shift.auto_start
        now = self.clock.now()
        wait = notice_actions.seconds_to_shift_reminder(status, auto_start, now) if status else None
        if status is None or status.next_shift is None or wait is None:
            return
        if wait > 0:  # woke early (the schedule changed): wait again
            self._arm_shift_reminder(status)
            return
        shift = status.next_shift
        self._reminded = shift.start
        tz = self.settings.schedule.tz
        self.announcer.announce(
            self.tr("Time to start your shift"),
            self.tr("Your shift is planned from {start} to {end}.").format(
                start=f"{shift.start.astimezone(tz):%H:%M}",
                end=f"{shift.end.astimezone(tz):%H:%M}",
            ),
            kind=SHIFT_START,
            actions=_labelled(notice_actions.actions_for(None, status)),
        )

    def _screens(self, transition: Transition, status: Status) -> None:
        from shiftwell.ui.breaks.overlay import BreakOverlay
        from shiftwell.ui.logoff.logoff_screen import LogoffScreen

        source, target = transition.source, transition.target
        if views.shows_overlay(target):
            if self._overlay is None:
                overlay = BreakOverlay(self.clock.monotonic)
                overlay.skip_requested.connect(lambda: self.submit(Skip()))
                overlay.postpone_requested.connect(lambda: self.submit(Postpone()))
                self._overlay = overlay
            assert isinstance(self._overlay, BreakOverlay)
            shown = self._overlay.view
            if views.shows_overlay(source) and shown is not None:
                # Still the same break (a check-in, a setting): the screen is updated, never
                # opened again — not even when the app quitting has just closed it.
                self._overlay.update_view(views.break_view(status, self.settings, shown.idea))
            else:
                idea = random.choice(list(self.desktop.ideas))
                self._overlay.show_break(views.break_view(status, self.settings, idea))
        elif views.shows_overlay(source) and isinstance(self._overlay, BreakOverlay):
            self._overlay.close_all()
            self._release_memory_soon()
        if (
            source.in_break
            and transition.trigger is Trigger.DEADLINE
            and self.settings.sounds.enabled
        ):
            self.desktop.play_break_end()
        if target is State.LOGGED_OFF:
            if self._logoff is None:
                screen = LogoffScreen()
                screen.dismiss_requested.connect(lambda: self.submit(Dismiss()))
                screen.overtime_requested.connect(lambda reason: self.submit(GrantOvertime(reason)))
                screen.review_requested.connect(self._open_review)
                self._logoff = screen
            assert isinstance(self._logoff, LogoffScreen)
            view = views.logoff_view(status, self.settings, week_over=self._review.week_over)
            if source is State.LOGGED_OFF and self._logoff.view is not None:
                self._logoff.update_view(view)  # as for the break screen above
            else:
                self._logoff.show_logoff(view)
        elif source is State.LOGGED_OFF and isinstance(self._logoff, LogoffScreen):
            self._logoff.close_all()
            self._release_memory_soon()
        if status.checkin_for is not None and transition.trigger is not Trigger.CHECK_IN:
            self._ask_checkin()

    def _release_memory_soon(self) -> None:
        self.clock.call_later(RELEASE_MEMORY_SECONDS, self.desktop.release_memory)

    @property
    def logoff_showing(self) -> bool:
        if self._logoff is None:
            return False
        from shiftwell.ui.logoff.logoff_screen import LogoffScreen

        return isinstance(self._logoff, LogoffScreen) and bool(self._logoff.windows)

    def _open_review(self) -> None:
        self._review.opened_by_user()
        self.desktop.open_stats()

    def _ask_checkin(self) -> None:
        from shiftwell.ui.checkin.checkin import CheckInDialog

        if self._checkin is None:
            dialog = CheckInDialog()
            dialog.answered.connect(self._on_checkin)
            self._checkin = dialog
        assert isinstance(self._checkin, CheckInDialog)
        self._checkin.show()
        self._checkin.raise_()

    def _on_checkin(self, score: object, word: str) -> None:
        from shiftwell.ui.checkin.checkin import CheckInDialog

        if isinstance(self._checkin, CheckInDialog):
            self._checkin.hide()
        self.submit(CheckIn(score if isinstance(score, int) else None, word))

    def _announcement(self, transition: Transition, status: Status) -> tuple[str, str, str] | None:
        """(title, body, kind): the shift's end and the breaks are two running stories; each
        news of one replaces the last of the same story only."""
        settings = self.settings
        target, source = transition.target, transition.source
        notice = transition.notice
        if notice is not None and notice.kind is NoticeKind.SHIFT_ENDING:
            return self._wrap_up_message(notice.seconds_left)
        if notice is not None and notice.kind is NoticeKind.SHIFT_OVER_ON_CALL:
            return (
                self.tr("Your shift is over"),
                self.tr("Finish your call: the log-off screen comes when it ends."),
                SHIFT_END,
            )
        fixed = fixed_break_message(transition, status, breaks_on=settings.notifications.breaks)
        if fixed is not None:
            return fixed
        if transition.trigger is Trigger.RECOVER and target.on_shift:
            # its own story: no later announcement replaces it
            return (self.tr("Shiftwell restarted"), self._restored_message(status), "")
        if not settings.notifications.breaks:
            return None
        if target is State.BREAK_DUE and status.next_break is not None:
            left = text.seconds_left(status, self.clock.monotonic()) or 0.0
            title = _t("{break_name} in {time}").format(
                break_name=text.break_title(status.next_break), time=text.span(left)
            )
            return (title, self.tr("Finish what you are doing."), BREAK)
        if target is State.MICRO_BREAK:
            length = text.span(settings.breaks.micro.length.total_seconds())
            return (
                self.tr("Micro break — {length}").format(length=length),
                self.tr("Look away from the screen, roll your shoulders, breathe out slowly."),
                BREAK,
            )
        after_call = break_after_call(
            transition,
            status.next_break_at,
            self.clock.monotonic(),
            settings.calls.grace.total_seconds(),
        )
        if after_call is not None:
            return (
                self.tr("A break after your call"),
                self.tr("It starts in {time}.").format(time=text.span(after_call)),
                BREAK,
            )
        if (
            source is State.LONG_BREAK
            and target is State.FOCUS
            and (transition.trigger is Trigger.DEADLINE)
        ):
            return (self.tr("Break over"), self.tr("Welcome back."), BREAK)
        return None

    def _restored_message(self, status: Status) -> str:
        """What goes on after a restart: the state the last run was in, if it still holds."""
        left = None
        if status.segment_ends is not None:
            left = text.span(status.segment_ends - self.clock.monotonic())
        if status.state is State.PAUSED:
            if left is None:
                return self.tr("Your pause goes on until you resume.")
            return self.tr("Your pause goes on: {time} left.").format(time=left)
        if status.state.in_break and left is not None:
            return self.tr("Your break goes on: {time} left.").format(time=left)
        if status.state is State.ON_CALL:
            return self.tr("You are still on a call: breaks wait until it ends.")
        return self.tr("Your shift goes on.")

    def _wrap_up_message(self, seconds_left: float) -> tuple[str, str, str]:
        title = self.tr("Your shift ends in {time}").format(time=text.span(seconds_left))
        if seconds_left > 90:
            body = self.tr("Time to wrap up: finish the current case, write your handover.")
            return (title, body, SHIFT_END)
        action = self._logoff_action()
        if not action:
            return (title, self.tr("In a minute Shiftwell shows the log-off screen."), SHIFT_END)
        body = self.tr("In a minute Shiftwell shows the log-off screen and runs “{command}”.")
        return (title, body.format(command=" ".join(action)), SHIFT_END)

    def _logoff_action(self) -> tuple[str, ...]:
        logoff = self.settings.logoff
        on_top = self.desktop.screens_stay_on_top
        return logoff_action(logoff.action, strict=logoff.strict, screens_stay_on_top=on_top)

    def _run_hooks(self, transition: Transition) -> None:
        timeout = self.settings.logoff.action_timeout.total_seconds()
        for command in commands_to_run(
            transition, self.settings.hooks, self._logoff_action(), timeout
        ):
            self.desktop.run_command(command.what, command.argv, command.env, command.timeout)

    # -- what the OS sees -----------------------------------------------------------------------

    def _arm_idle_poll(self, status: Status) -> None:
        if self._idle_timer is not None:
            self.clock.cancel(self._idle_timer)
            self._idle_timer = None
        events = self.desktop.idle_events
        if events is not None:
            events.cancel()
        if self.desktop.idle is None or status.idle_poll is None:
            return
        if events is not None:
            # No polling: the desktop says when the idle time reaches the engine's interval
            # (time to ask whether the user is away) or, when away, that input is back.
            back = status.state is State.AWAY
            events.notify(None if back else status.idle_poll, self._poll_idle)
        else:
            self._idle_timer = self.clock.call_later(status.idle_poll, self._poll_idle)

    def _poll_idle(self) -> None:
        self._idle_timer = None
        monitor = self.desktop.idle
        seconds = monitor.idle_seconds() if monitor is not None else None
        changed = self.submit(Idle(seconds)) if seconds is not None else None
        if changed is None:
            status = self.status()
            if status is not None:
                self._arm_idle_poll(status)

    def _arm_call_poll(self, status: Status) -> None:
        wanted = (
            self.desktop.calls is not None
            and self.settings.calls.detect_microphone
            and status.state.on_shift
        )
        if not wanted:
            if self._call_timer is not None:
                self.clock.cancel(self._call_timer)
                self._call_timer = None
        elif self._call_timer is None:
            self._call_timer = self.clock.call_later(CALL_POLL_SECONDS, self._poll_calls)

    def _poll_calls(self) -> None:
        self._call_timer = None
        detector = self.desktop.calls
        in_use = detector.microphone_in_use() if detector is not None else None
        if in_use is True:
            self.submit(CallStart(detected=True))
        elif in_use is False:
            self.submit(CallEnd(detected=True))
        status = self.status()
        if status is not None:
            self._arm_call_poll(status)


def _labelled(actions: Sequence[notice_actions.NoticeAction]) -> list[tuple[str, str]]:
    return [(action.key, _t(action.label)) for action in actions]
