"""The break screen: what it shows, when it offers Skip/Postpone, keys, screens; its chime
and the shared stylesheet."""

from __future__ import annotations

import array
import math
import shutil
import subprocess
import sys
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from shiftwell.platform.assets import asset
from shiftwell.ui.breaks.overlay import CLOSES_BY_ITSELF, BreakOverlay, BreakView, clock_face
from shiftwell.ui.palette import DARK, LIGHT, Palette
from shiftwell.ui.style import apply_style, colours, stylesheet
from tests.helpers.desktop import xvfb
from tests.helpers.process import shiftwell_env, wait_for
from tests.helpers.screens import Monitors, cover_child, offscreen_platform

START = 1000.0


class Monotonic:
    """The injected monotonic clock: moves only when told to."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now


def a_break(**changes: object) -> BreakView:
    fields: dict[str, object] = {
        "title": "Long break",
        "ends_at": START + 600,
        "idea": "Look at something 20 feet away for 20 seconds.",
        "can_skip": True,
        "can_postpone": True,
        "postpone_label": "Postpone 5 min (2 left)",
        "skip_available_at": None,
        "note": "",
    }
    fields.update(changes)
    return BreakView(**fields)  # type: ignore[arg-type]


@pytest.fixture
def clock() -> Monotonic:
    return Monotonic()


@pytest.fixture
def overlay(qtbot: QtBot, clock: Monotonic) -> Iterator[BreakOverlay]:
    shown = BreakOverlay(clock)
    yield shown
    shown.close_all()
    flush_deletes()


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def tick(overlay: BreakOverlay) -> None:
    """What the 1 s timer does when it fires (its signal, without waiting a second)."""
    overlay.ticker.timeout.emit()


def visible_buttons(overlay: BreakOverlay) -> set[str]:
    [window] = overlay.windows
    return {b.accessibleName() for b in (window.postpone, window.skip) if b.isVisible()}


# --- windows and screens -------------------------------------------------------------------


def test_one_frameless_always_on_top_window_covers_each_screen(overlay: BreakOverlay) -> None:
    overlay.show_break(a_break())
    screens = QGuiApplication.screens()
    assert len(overlay.windows) == len(screens)
    for window, screen in zip(overlay.windows, screens, strict=True):
        assert window.isVisible()
        assert window.screen() is screen
        assert window.geometry() == screen.geometry()
        flags = window.windowFlags()
        assert flags & Qt.WindowType.FramelessWindowHint
        assert flags & Qt.WindowType.WindowStaysOnTopHint


def test_it_shows_the_title_idea_note_and_time_left(overlay: BreakOverlay) -> None:
    overlay.show_break(a_break(note="This break is strict: it ends by itself."))
    [window] = overlay.windows
    assert window.title.text() == "Long break"
    assert window.countdown.text() == "10:00"
    assert window.idea.text() == "Look at something 20 feet away for 20 seconds."
    assert window.note.isVisible() and window.note.text().startswith("This break is strict")
    assert window.hint.text() == CLOSES_BY_ITSELF
    assert window.progress.value() == window.progress.maximum()


def test_an_empty_note_takes_no_room(overlay: BreakOverlay) -> None:
    overlay.show_break(a_break(note=""))
    assert not overlay.windows[0].note.isVisible()


def test_the_countdown_follows_the_clock_on_each_tick(
    overlay: BreakOverlay, clock: Monotonic
) -> None:
    overlay.show_break(a_break())
    [window] = overlay.windows
    clock.now += 61.5
    assert window.countdown.text() == "10:00"  # nothing moves between ticks
    tick(overlay)
    assert window.countdown.text() == "08:59"
    assert window.progress.value() == round(1000 * 538.5 / 600)


def test_when_the_time_is_up_it_shows_zero_and_stays_for_the_shell_to_close(
    overlay: BreakOverlay, clock: Monotonic
) -> None:
    overlay.show_break(a_break())
    clock.now += 605
    tick(overlay)
    [window] = overlay.windows
    assert window.countdown.text() == "00:00"
    assert window.isVisible()
    assert window.progress.value() == 0


@pytest.mark.parametrize(
    ("seconds", "face"),
    [
        (600, "10:00"),
        (599.2, "10:00"),
        (59.01, "01:00"),
        (0.2, "00:01"),
        (0, "00:00"),
        (-3, "00:00"),
        (3725, "1:02:05"),
    ],
)
def test_clock_face_rounds_up_so_zero_means_over(seconds: float, face: str) -> None:
    assert clock_face(seconds) == face


def test_the_timer_runs_only_while_the_overlay_is_shown(
    overlay: BreakOverlay, clock: Monotonic
) -> None:
    assert not overlay.ticker.isActive()
    overlay.update_view(a_break())  # a view alone does not show anything
    assert not overlay.ticker.isActive() and overlay.windows == []
    overlay.show_break(a_break())
    assert overlay.ticker.isActive()
    assert 0 < overlay.ticker.remainingTime() <= 1000
    overlay.close_all()
    assert not overlay.ticker.isActive()
    clock.now += 5
    overlay.tick()  # a late tick after closing does not wake it again
    assert not overlay.ticker.isActive()


def test_the_timer_wakes_just_after_the_shown_second_changes(
    overlay: BreakOverlay, clock: Monotonic
) -> None:
    overlay.show_break(a_break(ends_at=START + 600.25))
    assert 250 <= overlay.ticker.remainingTime() <= 290


# --- skip and postpone: as the view allows ------------------------------------------------


def test_skip_and_postpone_appear_when_the_views_delay_has_passed(
    overlay: BreakOverlay, clock: Monotonic
) -> None:
    overlay.show_break(a_break(skip_available_at=START + 10))
    assert visible_buttons(overlay) == set()
    clock.now = START + 9.9
    tick(overlay)
    assert visible_buttons(overlay) == set()
    clock.now = START + 10
    tick(overlay)
    assert visible_buttons(overlay) == {"Postpone 5 min (2 left)", "Skip this break"}


def test_the_screen_keeps_still_when_skip_and_postpone_appear(
    overlay: BreakOverlay, clock: Monotonic
) -> None:
    overlay.show_break(a_break(skip_available_at=START + 10))
    [window] = overlay.windows

    def places() -> list[tuple[int, int]]:
        layout = window.layout()
        assert layout is not None
        layout.activate()
        shown = (window.title, window.countdown, window.progress, window.idea, window.hint)
        return [(w.mapTo(window, w.rect().topLeft()).y(), w.height()) for w in shown]

    before = places()
    clock.now = START + 10
    tick(overlay)
    assert visible_buttons(overlay) == {"Postpone 5 min (2 left)", "Skip this break"}
    assert places() == before
    assert window.skip.mapTo(window, window.skip.rect().bottomLeft()).y() < window.hint.y()


@pytest.mark.parametrize(
    ("can_skip", "can_postpone", "offered"),
    [
        (True, True, {"Postpone 5 min (2 left)", "Skip this break"}),
        (True, False, {"Skip this break"}),
        (False, True, {"Postpone 5 min (2 left)"}),
        (False, False, set()),
    ],
)
def test_only_what_the_view_allows_is_offered(
    overlay: BreakOverlay, can_skip: bool, can_postpone: bool, offered: set[str]
) -> None:
    overlay.show_break(a_break(can_skip=can_skip, can_postpone=can_postpone))
    assert visible_buttons(overlay) == offered


def test_update_view_renders_the_new_view(overlay: BreakOverlay) -> None:
    overlay.show_break(a_break())
    overlay.update_view(
        a_break(can_skip=False, postpone_label="Postpone 5 min (1 left)", idea="Drink water.")
    )
    [window] = overlay.windows
    assert visible_buttons(overlay) == {"Postpone 5 min (1 left)"}
    assert window.postpone.text() == "Postpone 5 min (1 left)"
    assert window.idea.text() == "Drink water."


def test_the_buttons_forward_the_users_intent(qtbot: QtBot, overlay: BreakOverlay) -> None:
    overlay.show_break(a_break())
    [window] = overlay.windows
    with qtbot.wait_signal(overlay.skip_requested, timeout=1000):
        QTest.mouseClick(window.skip, Qt.MouseButton.LeftButton)
    with qtbot.wait_signal(overlay.postpone_requested, timeout=1000):
        QTest.mouseClick(window.postpone, Qt.MouseButton.LeftButton)


# --- the keyboard ---------------------------------------------------------------------------


def test_no_button_has_the_focus_until_the_user_tabs_to_one(
    qtbot: QtBot, overlay: BreakOverlay
) -> None:
    overlay.show_break(a_break())
    [window] = overlay.windows
    assert not isinstance(window.focusWidget(), QPushButton)
    with (
        qtbot.assert_not_emitted(overlay.skip_requested),
        qtbot.assert_not_emitted(overlay.postpone_requested),
    ):
        QTest.keyClick(window, Qt.Key.Key_Return)  # someone was typing: nothing happens
    assert window.isVisible()


def test_tab_moves_between_the_buttons_and_enter_activates(
    qtbot: QtBot, overlay: BreakOverlay
) -> None:
    overlay.show_break(a_break())
    [window] = overlay.windows
    QTest.keyClick(window, Qt.Key.Key_Tab)
    assert window.focusWidget() is window.postpone
    QTest.keyClick(window, Qt.Key.Key_Tab)
    assert window.focusWidget() is window.skip
    with qtbot.wait_signal(overlay.skip_requested, timeout=1000):
        QTest.keyClick(window, Qt.Key.Key_Enter)
    QTest.keyClick(window, Qt.Key.Key_Backtab)
    with qtbot.wait_signal(overlay.postpone_requested, timeout=1000):
        QTest.keyClick(window, Qt.Key.Key_Return)


def test_escape_and_closing_the_window_do_not_end_a_break(
    qtbot: QtBot, overlay: BreakOverlay
) -> None:
    overlay.show_break(a_break())
    [window] = overlay.windows
    with qtbot.assert_not_emitted(overlay.skip_requested):
        QTest.keyClick(window, Qt.Key.Key_Escape)
        assert window.close() is False  # Alt+F4 / the window manager's close
        event = QCloseEvent()
        QApplication.sendEvent(window, event)
        assert not event.isAccepted()
    assert window.isVisible()


def test_every_control_and_text_has_an_accessible_name(overlay: BreakOverlay) -> None:
    overlay.show_break(a_break())
    [window] = overlay.windows
    assert window.accessibleName() == "Shiftwell break"
    named: list[QWidget] = [*window.findChildren(QPushButton), *window.findChildren(QProgressBar)]
    named += [label for label in window.findChildren(QLabel) if label.pixmap().isNull()]
    assert len(named) >= 8
    for widget in named:
        assert widget.accessibleName(), widget.objectName()
    assert window.countdown.accessibleDescription() == "10:00 left"


# --- closing -------------------------------------------------------------------------------


def test_close_all_closes_and_deletes_every_window(overlay: BreakOverlay) -> None:
    overlay.show_break(a_break())
    windows: list[QWidget] = list(overlay.windows)
    overlay.close_all()
    assert overlay.windows == []
    assert not any(w.isVisible() for w in windows)
    flush_deletes()
    assert not any(shiboken6.isValid(w) for w in windows)


def test_a_new_break_after_closing_gets_fresh_windows(
    overlay: BreakOverlay, clock: Monotonic
) -> None:
    overlay.show_break(a_break())
    overlay.close_all()
    clock.now += 1200
    overlay.show_break(a_break(ends_at=clock.now + 20, title="Micro break"))
    [window] = overlay.windows
    assert window.isVisible() and window.title.text() == "Micro break"
    assert window.countdown.text() == "00:20"
    assert overlay.ticker.isActive()


# --- several screens (a child Qt process sees them) ----------------------------------------

LEFT = (0, 0, 1024, 768)
RIGHT = (1024, 0, 1920, 1080)


def test_two_screens_get_one_window_each_sized_to_its_screen(tmp_path: Path) -> None:
    platform = offscreen_platform(tmp_path, {"left": LEFT, "right": RIGHT})
    with cover_child("overlay", {"QT_QPA_PLATFORM": platform}) as child:
        shown = child.wait_for(lambda s: s.alive > 0, "the break screen")
        assert shown.screens == {"left": LEFT, "right": RIGHT}
        assert shown.windows == {"left": LEFT, "right": RIGHT}
        assert shown.alive == 2


needs_xvfb = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb")


@needs_xvfb
def test_screens_plugged_in_and_out_during_a_break_gain_and_lose_windows() -> None:
    with xvfb(size="1280x480x24") as display:
        monitors = Monitors(display)
        try:
            env = {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
            with cover_child("overlay", env) as child:
                first = child.wait_for(lambda s: s.alive > 0, "the break screen")
                assert first.one_window_per_screen_sized_to_it
                assert len(first.screens) == 1

                monitors.add("SIDE", (640, 0, 640, 480))
                added = child.wait_for(lambda s: "SIDE" in s.screens, "the new screen")
                added = child.wait_for(
                    lambda s: s.one_window_per_screen_sized_to_it, "a window on the new screen"
                )
                assert added.windows["SIDE"] == (640, 0, 640, 480)
                assert len(added.windows) == 2

                monitors.remove("SIDE")
                removed = child.wait_for(
                    lambda s: "SIDE" not in s.screens and s.alive == 1,
                    "the unplugged screen's window to be deleted",
                )
                assert removed.one_window_per_screen_sized_to_it
        finally:
            monitors.close()


# --- the break-end chime -------------------------------------------------------------------

# Plays the chime, then keeps running (the sound plays on) until its stdin closes.
_PLAY = """
import logging, sys
from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication
from shiftwell.ui.breaks.sound import play_break_end
logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(levelname)s %(message)s")
app = QApplication([])
print("played" if play_break_end() else "silent", flush=True)
print("qt multimedia loaded:", "PySide6.QtMultimedia" in sys.modules, file=sys.stderr, flush=True)
stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
stdin.activated.connect(lambda: None if sys.stdin.readline() else app.quit())
QTimer.singleShot(30_000, app.quit)
app.exec()
"""


def play_in_child(env: dict[str, str]) -> subprocess.Popen[str]:
    full = shiftwell_env({"QT_QPA_PLATFORM": "offscreen", **env})
    for name in ("PULSE_SERVER", "QT_LOGGING_RULES", "QT_DEBUG_PLUGINS"):
        if name not in env:
            full.pop(name, None)  # only what the test says
    return subprocess.Popen(
        [sys.executable, "-c", _PLAY],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=full,
    )


def test_the_chime_is_a_short_quiet_two_tone_sound_that_fades_in_and_out() -> None:
    path = asset("sounds", "break-end.wav")
    assert path.stat().st_size < 100_000
    with wave.open(str(path), "rb") as chime:
        rate, frames = chime.getframerate(), chime.getnframes()
        assert (chime.getnchannels(), chime.getsampwidth()) == (1, 2)
        samples = array.array("h", chime.readframes(frames))
    assert 0.6 <= frames / rate <= 1.0
    assert max(abs(s) for s in samples) <= 0.3 * 32767  # quiet
    one_ms, ten_ms = rate // 1000, rate // 100
    assert max(abs(s) for s in samples[:one_ms]) < 0.01 * 32767  # no click: it fades in
    assert max(abs(s) for s in samples[-ten_ms:]) < 0.01 * 32767  # and out

    def strength(freq: float, start: float, end: float) -> float:
        part = samples[int(start * rate) : int(end * rate)]
        re = sum(s * math.cos(2 * math.pi * freq * i / rate) for i, s in enumerate(part))
        im = sum(s * math.sin(2 * math.pi * freq * i / rate) for i, s in enumerate(part))
        return math.hypot(re, im) / len(part)

    low, high = 523.25, 880.0
    # The first tone alone, then the second, higher one joins.
    assert strength(low, 0.02, 0.2) > 10 * strength(high, 0.02, 0.2)
    assert strength(high, 0.25, 0.45) > strength(low, 0.25, 0.45)


def test_without_qt_multimedia_the_chime_is_skipped_quietly(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from shiftwell.ui.breaks import sound
    from shiftwell.ui.breaks.sound import play_break_end

    monkeypatch.setattr(sound, "sound_server_present", lambda: True)
    monkeypatch.setattr(sound, "sound_server_player", lambda: None)  # as off Linux
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # import fails
    assert play_break_end() is False
    [record] = [r for r in caplog.records if r.name == "shiftwell.ui.breaks.sound"]
    assert record.levelname == "INFO" and "Qt Multimedia is unavailable" in record.getMessage()


def test_without_an_audio_device_the_chime_is_skipped_quietly(tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    nowhere = {
        "XDG_RUNTIME_DIR": str(runtime),
        "PULSE_SERVER": f"unix:{tmp_path / 'no-such-socket'}",
        "PIPEWIRE_REMOTE": str(tmp_path / "no-such-pipewire"),
    }
    child = play_in_child(nowhere)
    stdout, stderr = child.communicate(timeout=60)
    assert child.returncode == 0, stderr
    assert stdout.splitlines()[-2:] == [
        "INFO break-end chime not played: no sound server",
        "silent",
    ]
    assert "Traceback" not in stderr


# What Qt Multimedia says on the terminal when it finds no sound: none of it may show.
_SOUND_CHATTER = ("PulseAudio", "pa_context", "pipewire", "qt.multimedia", "FFmpeg")


def test_a_desktop_without_a_sound_server_hears_nothing_and_reads_nothing(
    tmp_path: Path,
) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)  # no pulse/native, no pipewire-0, no PULSE_SERVER
    child = play_in_child({"XDG_RUNTIME_DIR": str(runtime)})
    stdout, stderr = child.communicate(timeout=60)
    assert child.returncode == 0, stderr
    assert stdout.splitlines()[-2:] == [
        "INFO break-end chime not played: no sound server",
        "silent",
    ]
    assert not [line for line in stderr.splitlines() if any(w in line for w in _SOUND_CHATTER)]


def test_qt_multimedias_own_messages_stay_off_the_terminal(tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    (runtime / "pulse").mkdir(parents=True, mode=0o700)
    (runtime / "pulse" / "native").touch()  # a socket left behind by a server that is gone
    # No sound server's own player on PATH: the chime goes through Qt Multimedia.
    no_players = tmp_path / "bin"
    no_players.mkdir()
    child = play_in_child({"XDG_RUNTIME_DIR": str(runtime), "PATH": str(no_players)})
    stdout, stderr = child.communicate(timeout=60)
    assert child.returncode == 0, stderr
    assert stdout.splitlines()[-1] == "silent"
    assert not [line for line in stderr.splitlines() if line.startswith("qt.multimedia")]


@pytest.mark.parametrize(
    ("env", "present"),
    [
        ({}, False),
        ({"XDG_RUNTIME_DIR": "{run}"}, False),
        ({"XDG_RUNTIME_DIR": "{run}", "touch": "pulse/native"}, True),
        ({"XDG_RUNTIME_DIR": "{run}", "touch": "pipewire-0"}, True),
        ({"PULSE_SERVER": "unix:{run}/nothing"}, False),
        ({"PULSE_SERVER": "unix:{run}/pulse/native", "touch": "pulse/native"}, True),
        ({"PULSE_SERVER": "tcp:sound.example:4713"}, True),
    ],
)
def test_a_sound_server_is_looked_for_by_its_socket(
    tmp_path: Path, env: dict[str, str], present: bool
) -> None:
    from shiftwell.platform.audio import sound_server_present

    touch = env.pop("touch", "")
    if touch:
        (tmp_path / touch).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / touch).touch()
    filled = {name: value.format(run=tmp_path) for name, value in env.items()}
    assert sound_server_present(filled) is present


@pytest.mark.parametrize(
    ("programs", "pipewire_socket", "chosen"),
    [
        (("pw-play", "paplay"), True, "pw-play"),
        (("pw-play", "paplay"), False, "paplay"),  # PipeWire's player without PipeWire
        (("paplay",), True, "paplay"),  # PipeWire's PulseAudio service
        ((), True, None),  # no player: Qt Multimedia plays it
    ],
)
def test_the_chime_goes_to_the_sound_servers_own_player(
    tmp_path: Path, programs: tuple[str, ...], pipewire_socket: bool, chosen: str | None
) -> None:
    from shiftwell.ui.breaks.sound import sound_server_player

    bin_dir, runtime = tmp_path / "bin", tmp_path / "run"
    bin_dir.mkdir()
    runtime.mkdir()
    for name in programs:
        (bin_dir / name).write_text("#!/bin/sh\n", encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    if pipewire_socket:
        (runtime / "pipewire-0").touch()
    argv = sound_server_player({"PATH": str(bin_dir), "XDG_RUNTIME_DIR": str(runtime)})
    if chosen is None:
        assert argv is None
        return
    assert argv is not None and Path(argv[0]).name == chosen
    assert argv[-1] == str(asset("sounds", "break-end.wav"))
    assert argv[1] in ("--volume=0.6", "--volume=39322")  # the same 60 % either way


_PULSE_PROGRAMS = ("pulseaudio", "pactl", "paplay")


def sink_inputs() -> int:
    done = subprocess.run(
        ["pactl", "list", "short", "sink-inputs"], capture_output=True, text=True, timeout=10
    )
    return len(done.stdout.splitlines()) if done.returncode == 0 else -1


@pytest.mark.skipif(
    not all(shutil.which(p) for p in _PULSE_PROGRAMS), reason="needs pulseaudio and pactl"
)
def test_with_a_sound_server_the_chime_plays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    config = tmp_path / "default.pa"
    config.write_text(
        "load-module module-native-protocol-unix\nload-module module-null-sink\n",
        encoding="utf-8",
    )
    socket = runtime / "pulse" / "native"
    env = {"XDG_RUNTIME_DIR": str(runtime), "PULSE_SERVER": f"unix:{socket}"}
    for name, value in env.items():
        monkeypatch.setenv(name, value)  # pactl, too, talks only to this private server
    daemon = subprocess.Popen(
        ["pulseaudio", "-n", "-F", str(config), "--daemonize=no", "--exit-idle-time=-1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: sink_inputs() == 0, timeout=20, what="PulseAudio to answer")
        child = play_in_child(env)
        try:
            wait_for(lambda: sink_inputs() == 1, timeout=20, what="the chime's stream")
        finally:
            stdout, stderr = child.communicate(timeout=60)
        assert child.returncode == 0, stderr
        assert stdout.splitlines()[-1] == "played"
        # played by the sound server's own player: Qt Multimedia never loaded into the app
        assert "qt multimedia loaded: False" in stderr.splitlines()
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


# --- the shared look -------------------------------------------------------------------------


@pytest.fixture
def app_style(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    qapp.setStyleSheet("")


@pytest.mark.parametrize("palette", [LIGHT, DARK])
def test_the_stylesheet_fills_in_every_colour(palette: Palette) -> None:
    sheet = stylesheet(palette)
    assert "$" not in sheet
    named = colours(palette)
    assert named["text"] in sheet and named["cover_break"] in sheet


def test_apply_style_follows_the_desktops_scheme(app_style: QApplication) -> None:
    assert apply_style(app_style, Qt.ColorScheme.Dark) is DARK
    assert colours(DARK)["cover_break"] in app_style.styleSheet()
    app_style.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert colours(LIGHT)["cover_break"] in app_style.styleSheet()


def test_the_style_reaches_the_break_screen_without_qt_complaints(
    app_style: QApplication, overlay: BreakOverlay
) -> None:
    apply_style(app_style, Qt.ColorScheme.Dark)
    overlay.show_break(a_break())
    [window] = overlay.windows
    window.grab()  # paints with the stylesheet; a bad rule would log a Qt warning
    background = window.palette().color(window.backgroundRole()).name()
    assert background == colours(DARK)["cover_break"]


def test_a_stylesheet_naming_an_unknown_colour_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "style.qss").write_text("QWidget { color: ${nonsense}; }", encoding="utf-8")
    monkeypatch.setattr("shiftwell.ui.style.asset", lambda *parts: tmp_path.joinpath(*parts))
    with pytest.raises(ValueError, match=r"unknown colour: \$\{nonsense\}"):
        stylesheet(LIGHT)
