"""The tray shell, driven through its real menu actions, with a real database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, timedelta

import pytest
from pytestqt.qtbot import QtBot

from shiftwell.core.model import State
from shiftwell.core.schedule import WeeklySchedule
from shiftwell.core.settings import (
    CallSettings,
    LogoffPolicy,
    Settings,
    ShiftSettings,
    StatsSettings,
)
from shiftwell.ui.breaks.overlay import BreakOverlay
from shiftwell.ui.checkin.checkin import CheckInDialog
from shiftwell.ui.logoff.logoff_screen import LogoffScreen, LogoffWindow
from tests.helpers.engine import MONDAY_9AM
from tests.helpers.fakes_idle import FakeIdleEvents
from tests.helpers.shell import Harness

HarnessFactory = Callable[..., Harness]


def test_start_shift_from_the_menu_records_it_and_shows_the_countdown(harness: Harness) -> None:
    assert harness.visible() == {"start_shift", "stats", "settings", "quit"}
    harness.click("start_shift")
    assert harness.shell.engine is not None and harness.shell.engine.state is State.FOCUS
    [shift] = harness.repository.shifts()
    [segment] = harness.repository.segments()
    assert (segment.kind, segment.shift_id, segment.actual_end) == ("focus", shift.id, None)
    tray = harness.shell.tray
    assert tray.shown_state is State.FOCUS and tray.shown_minutes == 20
    assert "Focus — micro break in 20 min" in tray.icon.toolTip()
    assert harness.shell.menu.header.text() == "Focus — micro break in 20 min"
    assert harness.visible() == {
        "micro_break",
        "long_break",
        "call_start",
        "pause",
        "end_shift",
        "stats",
        "settings",
        "quit",
    }


def test_countdown_follows_the_clock(harness: Harness) -> None:
    harness.click("start_shift")
    harness.clock.advance(7 * 60 + 30)
    harness.shell.tray.refresh()
    assert harness.shell.tray.shown_minutes == 13  # 12.5 min left, rounded up
    assert "micro break in 13 min" in harness.shell.tray.icon.toolTip()


def test_break_is_announced_ahead_then_on_time_and_can_be_skipped(harness: Harness) -> None:
    harness.click("start_shift")
    harness.clock.advance(20 * 60 - 31)
    assert harness.notifier.sent == []
    harness.clock.advance(1)
    assert harness.notifier.titles == ["Micro break in 30 s"]
    assert harness.shell.tray.shown_state is State.BREAK_DUE
    harness.clock.advance(30)
    assert harness.notifier.titles[-1] == "Micro break — 20 s"
    assert harness.shell.tray.shown_state is State.MICRO_BREAK
    harness.clock.advance(5)  # normal strictness: skip after 5 s
    harness.shell.refresh()
    assert {"skip", "postpone", "pause", "end_shift"} <= harness.visible()
    assert harness.shell.menu.actions["postpone"].text() == "Postpone break (3 left)"
    harness.click("skip")
    outcomes = [(s.kind, s.outcome) for s in harness.repository.segments()]
    assert outcomes == [("focus", "completed"), ("micro_break", "skipped"), ("focus", None)]


def test_pause_resume_and_end_shift(harness: Harness) -> None:
    harness.click("start_shift")
    harness.click("pause")
    assert harness.visible() == {"resume", "call_start", "end_shift", "stats", "settings", "quit"}
    assert harness.shell.tray.shown_state is State.PAUSED
    harness.clock.advance(60)
    harness.click("resume")
    harness.click("end_shift")
    assert harness.visible() == {"start_shift", "stats", "settings", "quit"}
    [shift] = harness.repository.shifts()
    assert shift.actual_end == harness.clock.now()
    assert [t.target for t in harness.repository.transitions()] == [
        "focus",
        "paused",
        "focus",
        "off_shift",
    ]


def test_working_off_schedule_asks_first(harness_factory: HarnessFactory) -> None:
    saturday = MONDAY_9AM + timedelta(days=5)
    h = harness_factory(start=saturday)
    h.outside.answer_confirm = False
    h.click("start_shift")
    assert h.outside.questions == [
        "There is no shift on your schedule now. Start one anyway? "
        "It is recorded as work outside the schedule."
    ]
    assert h.repository.shifts() == []
    h.outside.answer_confirm = True
    h.click("start_shift")
    [shift] = h.repository.shifts()
    assert shift.scheduled is False


def test_on_a_call_from_the_menu(harness: Harness) -> None:
    harness.click("start_shift")
    harness.click("call_start")
    assert harness.shell.tray.shown_state is State.ON_CALL
    assert "call_end" in harness.visible()
    harness.clock.advance(30 * 60)
    assert harness.shell.engine is not None and harness.shell.engine.state is State.ON_CALL
    harness.click("call_end")
    assert harness.notifier.titles[-1] == "A break after your call"


def test_microphone_in_use_is_noticed_when_enabled(harness_factory: HarnessFactory) -> None:
    h = harness_factory(
        settings=Settings(
            shift=ShiftSettings(auto_start=False), calls=CallSettings(detect_microphone=True)
        )
    )
    h.click("start_shift")
    h.calls.in_use = True
    h.clock.advance(10)
    assert h.shell.tray.shown_state is State.ON_CALL
    h.calls.in_use = False
    h.clock.advance(10)
    assert h.shell.tray.shown_state is State.FOCUS


def test_idle_time_becomes_a_natural_break(harness: Harness) -> None:
    harness.click("start_shift")
    harness.clock.advance(5 * 60)
    harness.idle.idle = 25.0
    harness.clock.advance(20)  # the next idle poll (every 20 s, the micro break's length)
    assert harness.shell.tray.shown_state is State.AWAY
    harness.idle.idle = 1.0
    harness.clock.advance(20)
    assert harness.shell.tray.shown_state is State.FOCUS
    away = [s for s in harness.repository.segments() if s.kind == "away"]
    assert [s.outcome for s in away] == ["natural"]


def test_with_idle_events_the_desktop_is_not_polled(harness: Harness) -> None:
    events = FakeIdleEvents()
    harness.shell.desktop.idle_events = events
    harness.click("start_shift")
    # Asked once: tell us when the idle time reaches a micro break's length.
    assert events.requests[-1] == 20.0
    asked = len(events.requests)
    harness.idle.idle = 25.0
    harness.clock.advance(5 * 60)  # no poll: nothing happens by the clock alone
    assert harness.shell.tray.shown_state is State.FOCUS
    events.fire()
    assert harness.shell.tray.shown_state is State.AWAY
    # Away: now tell us when input comes back.
    assert events.requests[asked:][-1] is None
    harness.idle.idle = 0.5
    harness.clock.advance(60)
    assert harness.shell.tray.shown_state is State.AWAY
    events.fire()
    assert harness.shell.tray.shown_state is State.FOCUS
    assert events.requests[-1] == 20.0


def test_hooks_and_the_log_off_action_run_as_argument_lists(
    harness_factory: HarnessFactory,
) -> None:
    settings = Settings(
        shift=ShiftSettings(auto_start=False),
        hooks={"break_start": ("chat-status", "away"), "logoff": ("chat-status", "offline")},
        logoff=LogoffPolicy(action=("loginctl", "lock-session")),
    )
    h = harness_factory(settings=settings)
    h.click("start_shift")
    h.click("micro_break")
    h.clock.advance(8 * 3600)
    ran = [(what, argv) for what, argv, _, _ in h.outside.commands]
    breaks = len([t for t in h.repository.transitions() if t.target.endswith("_break")])
    assert ran == [("The break_start hook", ("chat-status", "away"))] * breaks + [
        ("The logoff hook", ("chat-status", "offline")),
        ("The log-off action", ("loginctl", "lock-session")),
    ]
    env = h.outside.commands[0][2]
    assert env["SHIFTWELL_EVENT"] == "break_start" and env["SHIFTWELL_TO"] == "micro_break"
    one_minute = [t for t in h.notifier.sent if t[0] == "Your shift ends in 1 min"]
    assert one_minute and "loginctl lock-session" in one_minute[0][1]


@pytest.mark.parametrize("on_top", [True, False])
def test_a_strict_log_off_locks_the_session_where_its_screen_cannot_stay_on_top(
    harness_factory: HarnessFactory, on_top: bool
) -> None:
    settings = Settings(shift=ShiftSettings(auto_start=False), logoff=LogoffPolicy(strict=True))
    h = harness_factory(settings=settings)
    h.shell.desktop.screens_stay_on_top = on_top  # False: Wayland
    h.click("start_shift")
    h.clock.advance(8 * 3600)
    assert h.shell.tray.shown_state is State.LOGGED_OFF
    ran = [(what, argv) for what, argv, _, _ in h.outside.commands]
    one_minute = [t for t in h.notifier.sent if t[0] == "Your shift ends in 1 min"]
    if on_top:  # the log-off screen itself holds
        assert ran == []
        assert one_minute[0][1] == "In a minute Shiftwell shows the log-off screen."
    else:  # after the shift's end is recorded, the session is locked; the user was told
        assert ran == [("The log-off action", ("loginctl", "lock-session"))]
        assert h.repository.transitions()[-1].target == "logged_off"
        assert "loginctl lock-session" in one_minute[0][1]


def test_overtime_from_the_menu_asks_for_a_reason(harness: Harness) -> None:
    harness.click("start_shift")
    harness.clock.advance(8 * 3600)
    harness.outside.answer_reason = None
    harness.click("overtime")
    assert harness.repository.overtime() == []
    harness.outside.answer_reason = "escalated customer"
    harness.click("overtime")
    [grant] = harness.repository.overtime()
    assert (grant.seconds, grant.reason) == (900, "escalated customer")
    assert harness.shell.tray.shown_state is State.OVERTIME


def test_menu_opens_stats_and_quits(harness: Harness) -> None:
    harness.click("stats")
    harness.click("quit")
    assert (harness.outside.stats_opened, harness.outside.quits) == (1, 1)


def test_status_window_stands_in_for_a_missing_tray(harness: Harness, qtbot: QtBot) -> None:
    window = harness.shell.show_without_tray()
    qtbot.add_widget(window)
    assert window.isVisible()
    assert window.headline.text() == "Off shift — start a shift from this menu"
    harness.click("start_shift")
    assert window.headline.text() == "Focus — micro break in 20 min"
    assert window.menu_button.menu() is harness.shell.menu.menu


def test_the_shift_starts_by_itself_on_schedule(harness_factory: HarnessFactory) -> None:
    h = harness_factory(
        settings=Settings(schedule=WeeklySchedule(UTC)), start=MONDAY_9AM - timedelta(hours=1)
    )
    assert "Next shift: Mon 09:00" in h.shell.tray.icon.toolTip()
    h.clock.advance(3600)
    assert h.shell.tray.shown_state is State.FOCUS
    [shift] = h.repository.shifts()
    assert shift.actual_start == MONDAY_9AM


def test_long_break_covers_the_screen_and_closes_with_a_sound(harness: Harness) -> None:
    from shiftwell.ui.breaks.overlay import BreakOverlay

    harness.click("start_shift")
    harness.click("long_break")
    overlay = harness.shell._overlay
    assert isinstance(overlay, BreakOverlay)
    assert overlay.windows and all(w.isVisible() for w in overlay.windows)
    view = overlay.view
    assert view is not None and view.title == "Long break"
    assert view.idea == "Look out of the window."
    assert not view.can_skip or view.skip_available_at is not None  # normal: after a delay
    assert view.postpone_label == "Postpone 5 min (3 left)"  # as durations read elsewhere
    harness.clock.advance(10 * 60)
    assert not any(w.isVisible() for w in overlay.windows)
    assert harness.outside.sounds == 1
    assert harness.notifier.titles[-1] == "Break over"


def test_skip_from_the_overlay(harness_factory: HarnessFactory) -> None:
    from shiftwell.core.settings import BreakPolicy, Strictness
    from shiftwell.ui.breaks.overlay import BreakOverlay

    h = harness_factory(
        settings=Settings(
            shift=ShiftSettings(auto_start=False),
            breaks=BreakPolicy(strictness=Strictness.GENTLE),
        )
    )
    h.click("start_shift")
    h.click("long_break")
    overlay = h.shell._overlay
    assert isinstance(overlay, BreakOverlay) and overlay.view is not None
    assert overlay.view.can_skip and overlay.view.can_postpone
    overlay.skip_requested.emit()
    assert h.shell.tray.shown_state is State.FOCUS
    assert not any(w.isVisible() for w in overlay.windows)
    assert h.outside.sounds == 0  # skipped, not finished
    assert [s.outcome for s in h.repository.segments() if s.kind == "long_break"] == ["skipped"]


def test_log_off_screen_then_overtime_with_a_reason(harness: Harness) -> None:
    from shiftwell.ui.logoff.logoff_screen import LogoffScreen

    harness.click("start_shift")
    harness.clock.advance(8 * 3600)
    screen = harness.shell._logoff
    assert isinstance(screen, LogoffScreen) and screen.view is not None
    assert screen.view.headline == "Your shift is over — log off"
    assert screen.view.summary[0] == "Focus time: 6 h 44 min"  # 8 h less the breaks
    assert screen.view.can_dismiss and screen.view.can_overtime
    assert all(w.isVisible() for w in screen.windows)
    screen.overtime_requested.emit("Escalated customer")
    assert harness.shell.tray.shown_state is State.OVERTIME
    assert not any(w.isVisible() for w in screen.windows)
    [grant] = harness.repository.overtime()
    assert grant.reason == "Escalated customer"
    harness.clock.advance(15 * 60)
    assert all(w.isVisible() for w in screen.windows)  # the screen returns
    screen.dismiss_requested.emit()
    assert harness.shell.tray.shown_state is State.OFF_SHIFT
    assert not any(w.isVisible() for w in screen.windows)


def test_check_in_after_a_long_break_is_stored(harness: Harness) -> None:
    from shiftwell.ui.checkin.checkin import CheckInDialog

    harness.click("start_shift")
    harness.click("long_break")
    harness.clock.advance(10 * 60)
    dialog = harness.shell._checkin
    assert isinstance(dialog, CheckInDialog) and dialog.isVisible()
    dialog.answered.emit(4, "ok")
    assert not dialog.isVisible()
    [long_break] = [s for s in harness.repository.segments() if s.kind == "long_break"]
    assert (long_break.checkin_score, long_break.checkin_word) == (4, "ok")


def break_with_a_check_in_waiting(harness: Harness) -> tuple[BreakOverlay, CheckInDialog]:
    """A long break that started while the last one's check-in is still unanswered."""
    harness.click("start_shift")
    harness.click("long_break")
    harness.clock.advance(10 * 60)
    harness.click("long_break")
    overlay, dialog = harness.shell._overlay, harness.shell._checkin
    assert isinstance(overlay, BreakOverlay) and isinstance(dialog, CheckInDialog)
    assert dialog.isVisible() and len(overlay.windows) == 1
    return overlay, dialog


def test_a_check_in_answered_during_a_break_keeps_that_breaks_screen(harness: Harness) -> None:
    overlay, dialog = break_with_a_check_in_waiting(harness)
    [window] = overlay.windows
    idea = window.idea.text()
    dialog.answered.emit(3, "")
    assert overlay.windows == [window] and window.idea.text() == idea
    assert harness.repository.transitions()[-1].trigger == "check_in"


def test_quitting_during_a_break_with_a_check_in_waiting_is_not_undone(
    harness: Harness,
) -> None:
    overlay, dialog = break_with_a_check_in_waiting(harness)
    # The app's Quit closes the break screen, then the check-in (a skip, recorded). Opened
    # again by that transition, the screen refused to close and the app never quit.
    overlay.close_all()
    dialog.close()
    assert harness.repository.transitions()[-1].trigger == "check_in"
    assert overlay.windows == []


def test_new_settings_apply_at_once_and_are_recorded(harness: Harness) -> None:
    from shiftwell.core.settings import BreakPolicy, BreakRule

    harness.click("start_shift")
    harness.clock.advance(5 * 60)
    quicker = Settings(
        shift=ShiftSettings(auto_start=False),
        breaks=BreakPolicy(micro=BreakRule(timedelta(minutes=10), timedelta(seconds=20))),
    )
    harness.shell.apply_settings(quicker)
    assert harness.shell.tray.shown_minutes == 5  # 10 min of focus, 5 already done
    assert harness.repository.transitions()[-1].trigger == "settings"


def test_the_minute_tick_leaves_an_alive_mark_and_notices_sleep(harness: Harness) -> None:
    harness.shell.close()  # re-attach with the alive mark wired, as the app does
    marks: list[object] = []
    engine = harness.shell.attach(harness.repository, alive=marks.append)
    harness.click("start_shift")
    harness.clock.advance(60)
    assert marks == [harness.clock.now()]
    harness.clock.jump_wall(timedelta(minutes=20))
    harness.clock.advance(60)
    assert engine.state is State.FOCUS
    assert harness.repository.transitions()[-1].trigger == "sleep"


def test_after_a_clock_set_back_the_alive_mark_keeps_the_record_s_time(harness: Harness) -> None:
    # A crash now must close the open segment at its true length, not an hour short.
    harness.shell.close()
    marks: list[object] = []
    harness.shell.attach(harness.repository, alive=marks.append)
    harness.click("start_shift")
    harness.clock.advance(60)
    harness.clock.jump_wall(timedelta(hours=-1))
    harness.clock.advance(60)
    assert harness.repository.transitions()[-1].trigger == "clock"
    assert marks == [MONDAY_9AM + timedelta(minutes=1), MONDAY_9AM + timedelta(minutes=2)]
    assert harness.clock.now() == MONDAY_9AM + timedelta(minutes=2, hours=-1)


FRIDAY_9AM = MONDAY_9AM + timedelta(days=4)


def friday_log_off(
    harness_factory: HarnessFactory, *, open_after_last_shift: bool = True
) -> Harness:
    """The week's last shift (the default schedule's Friday), ended by the clock."""
    settings = Settings(
        schedule=WeeklySchedule(UTC),
        stats=StatsSettings(open_after_last_shift=open_after_last_shift),
    )
    h = harness_factory(settings=settings, start=FRIDAY_9AM)
    h.clock.advance(8 * 3600 + 1)
    return h


def logoff_window(h: Harness) -> LogoffWindow:
    screen = h.shell._logoff
    assert isinstance(screen, LogoffScreen)
    [window] = screen.windows
    return window


def test_the_weekly_review_waits_for_the_log_off_screen_and_opens_when_it_closes(
    harness_factory: HarnessFactory,
) -> None:
    h = friday_log_off(harness_factory)
    window = logoff_window(h)
    assert h.outside.stats_opened == 0  # not over the log-off screen
    assert window.see_week.isVisible() and h.shell.logoff_showing
    window.close_button.click()
    assert h.shell.tray.shown_state is State.OFF_SHIFT and not h.shell.logoff_showing
    assert h.outside.stats_opened == 1


def test_see_your_week_opens_the_review_from_the_log_off_screen_once(
    harness_factory: HarnessFactory,
) -> None:
    h = friday_log_off(harness_factory)
    logoff_window(h).see_week.click()
    assert h.outside.stats_opened == 1
    logoff_window(h).close_button.click()
    assert h.outside.stats_opened == 1  # seen already: not opened again


def test_overtime_keeps_the_review_for_the_real_end(harness_factory: HarnessFactory) -> None:
    h = friday_log_off(harness_factory)
    screen = h.shell._logoff
    assert isinstance(screen, LogoffScreen)
    screen.overtime_requested.emit("Handover")
    assert h.shell.tray.shown_state is State.OVERTIME and h.outside.stats_opened == 0
    h.clock.advance(15 * 60)
    assert logoff_window(h).see_week.isVisible()  # offered again at the end of overtime
    screen.dismiss_requested.emit()
    assert h.outside.stats_opened == 1


def test_no_review_on_other_days_or_when_turned_off(harness_factory: HarnessFactory) -> None:
    quiet = friday_log_off(harness_factory, open_after_last_shift=False)
    assert not logoff_window(quiet).see_week.isVisible()
    logoff_window(quiet).close_button.click()
    monday = harness_factory(settings=Settings(schedule=WeeklySchedule(UTC)), start=MONDAY_9AM)
    monday.clock.advance(8 * 3600 + 1)
    assert not logoff_window(monday).see_week.isVisible()
    logoff_window(monday).close_button.click()
    assert quiet.outside.stats_opened == monday.outside.stats_opened == 0


def test_ending_the_last_shift_by_hand_opens_the_review_at_once(
    harness_factory: HarnessFactory,
) -> None:
    h = harness_factory(settings=Settings(schedule=WeeklySchedule(UTC)), start=FRIDAY_9AM)
    h.clock.advance(3600)
    h.click("end_shift")
    assert h.shell.tray.shown_state is State.OFF_SHIFT and h.outside.stats_opened == 1


def test_logind_sleep_signals_mark_alive_before_and_look_at_the_clocks_after(
    harness: Harness,
) -> None:
    harness.shell.close()
    marks: list[object] = []
    engine = harness.shell.attach(harness.repository, alive=marks.append)
    harness.click("start_shift")
    harness.shell.sleep_signal(True)
    assert marks == [harness.clock.now()]
    harness.clock.jump_wall(timedelta(minutes=40))
    harness.shell.sleep_signal(False)  # at once, not at the next minute tick
    assert harness.repository.transitions()[-1].trigger == "sleep"
    assert engine.state is State.FOCUS


@pytest.mark.parametrize(
    ("strictness", "at_once", "after_five_seconds"),
    [
        ("gentle", {"skip", "postpone"}, {"skip", "postpone"}),
        ("normal", set(), {"skip", "postpone"}),
        ("strict", set(), set()),
    ],
)
def test_the_overlay_offers_what_the_strictness_allows(
    harness_factory: HarnessFactory,
    strictness: str,
    at_once: set[str],
    after_five_seconds: set[str],
) -> None:
    from shiftwell.core.settings import BreakPolicy, Strictness
    from shiftwell.ui.breaks.overlay import BreakOverlay

    policy = BreakPolicy(strictness=Strictness(strictness))
    h = harness_factory(settings=Settings(shift=ShiftSettings(auto_start=False), breaks=policy))
    h.click("start_shift")
    h.click("long_break")
    overlay = h.shell._overlay
    assert isinstance(overlay, BreakOverlay)

    def offered() -> set[str]:
        overlay.tick()
        return {
            name
            for window in overlay.windows
            for name, button in (("skip", window.skip), ("postpone", window.postpone))
            if not button.isHidden()
        }

    assert offered() == at_once
    h.clock.advance(5)
    assert offered() == after_five_seconds
    note = overlay.view.note if overlay.view else ""
    assert ("strict" in note) is (strictness == "strict")


def test_the_shift_end_warning_and_break_news_are_separate_announcements(
    harness: Harness,
) -> None:
    harness.click("start_shift")
    harness.clock.advance(8 * 3600 - 59)
    sent = list(zip(harness.notifier.titles, harness.notifier.kinds, strict=True))
    warnings = {kind for title, kind in sent if title.startswith("Your shift ends in")}
    breaks = {
        kind
        for title, kind in sent
        if title.startswith(("Micro break", "Long break")) or title == "Break over"
    }
    assert ("Your shift ends in 1 min", "shift_end") in sent
    assert ("Break over", "break") in sent
    assert warnings == {"shift_end"} and breaks == {"break"}


def test_a_second_launch_shows_the_status_window_not_a_stray_menu(
    harness: Harness, qtbot: QtBot
) -> None:
    from shiftwell.ui.remote import RemoteControl

    harness.click("start_shift")
    remote = RemoteControl(harness.shell, harness.outside.quit)
    assert remote("show", {}) == {}
    qtbot.wait_until(lambda: harness.shell.status_window is not None, timeout=2000)
    window = harness.shell.status_window
    assert window is not None
    qtbot.add_widget(window)
    qtbot.wait_until(window.isVisible, timeout=2000)
    assert window.headline.text() == "Focus — micro break in 20 min"
    assert not harness.shell.menu.menu.isVisible()
    window.close()
    remote("show", {})
    qtbot.wait_until(window.isVisible, timeout=2000)  # the same window, shown again
    assert harness.shell.status_window is window


def test_every_recorded_transition_tells_an_open_weekly_review(harness: Harness) -> None:
    told: list[State | None] = []
    engine = harness.shell.engine
    assert engine is not None

    def figures_changed() -> None:
        # Storage has recorded it by now: the review reads what the engine shows.
        told.append(engine.state)

    harness.shell.desktop.figures_changed = figures_changed
    harness.click("start_shift")
    harness.click("pause")
    harness.click("resume")
    harness.click("end_shift")
    assert told == [State.FOCUS, State.PAUSED, State.FOCUS, State.OFF_SHIFT]
    assert len(harness.repository.transitions()) == len(told)


def test_the_menu_holds_every_entry_of_the_command_table_in_its_order(harness: Harness) -> None:
    from shiftwell.core.commands import menu_entries

    actions = harness.shell.menu.actions
    declared = [entry.key for _, entry, _ in menu_entries()]
    assert [key for key in actions if key not in ("stats", "settings", "quit")] == declared
    assert harness.shell.menu.break_menu.menuAction().objectName() == "break_now"


def test_a_command_from_the_command_line_and_from_the_menu_take_the_same_way(
    harness: Harness,
) -> None:
    from shiftwell.ui.remote import RemoteControl

    handled: list[object] = []
    real_handle = harness.shell.handle

    def spy(event: object) -> object:
        handled.append(event)
        return real_handle(event)  # type: ignore[arg-type]

    harness.shell.handle = spy  # type: ignore[method-assign,assignment]
    harness.click("start_shift")
    RemoteControl(harness.shell, lambda: None)("pause", {"seconds": 60})
    assert [type(event).__name__ for event in handled] == ["StartShift", "Pause"]
    assert harness.shell.engine is not None and harness.shell.engine.state is State.PAUSED
