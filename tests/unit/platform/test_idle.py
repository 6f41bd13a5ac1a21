"""Idle time: the X11 backend against a real Xvfb, the D-Bus backends against stand-in services
on a private bus, backend choice, and the Windows/macOS helpers."""

from __future__ import annotations

import logging
import os
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from shiftwell.platform.idle import (
    FreedesktopScreenSaverIdleMonitor,
    IdleBackendFactory,
    IdleMonitor,
    IdleUnavailable,
    MacIdleMonitor,
    MutterIdleMonitor,
    WindowsIdleMonitor,
    X11IdleMonitor,
    backend_order,
    detect_idle_monitor,
    parse_hid_idle_ns,
    windows_idle_ms,
)
from tests.helpers.dbus import private_bus
from tests.helpers.dbus_idle import MUTTER, SCREENSAVER, IdleService, idle_server
from tests.helpers.desktop import xvfb
from tests.helpers.fakes_idle import FakeIdleMonitor, fake_program
from tests.helpers.process import wait_for

DATA = Path(__file__).parent / "data"


# --- a real X server -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    with xvfb() as name:
        yield name


def unused_display() -> str:
    number = 900
    while Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
        number += 1
    return f":{number}"


def xdotool(display: str, *args: str) -> None:
    subprocess.run(
        ["xdotool", *args], env={**os.environ, "DISPLAY": display}, check=True, timeout=10
    )


def known(monitor: IdleMonitor) -> float:
    seconds = monitor.idle_seconds()
    assert seconds is not None, f"{monitor.name} gave no answer"
    return seconds


# --- X11 -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "user_input",
    [("mousemove", "123", "45"), ("key", "shift")],
    ids=["pointer", "keyboard"],
)
def test_x11_idle_grows_untouched_and_drops_to_near_zero_on_input(
    x_display: str, user_input: tuple[str, ...]
) -> None:
    monitor = X11IdleMonitor(x_display)
    try:
        start = known(monitor)
        wait_for(lambda: known(monitor) >= start + 0.6, timeout=15, what="idle time to grow")
        before = known(monitor)
        xdotool(x_display, *user_input)
        after = known(monitor)
    finally:
        monitor.close()
    assert before >= 0.6
    assert after < 0.5 < before


@pytest.mark.parametrize(
    ("display", "reason"),
    [("not-a-display", "Bad display name"), (unused_display(), "Can't connect")],
    ids=["malformed", "nobody-there"],
)
def test_x11_refuses_a_display_it_cannot_open(display: str, reason: str) -> None:
    with pytest.raises(IdleUnavailable, match="cannot open X display") as raised:
        X11IdleMonitor(display)
    assert reason in str(raised.value)
    assert display in str(raised.value)


def test_x11_refuses_a_server_without_the_screensaver_extension() -> None:
    with (
        xvfb("-extension", "MIT-SCREEN-SAVER") as display,
        pytest.raises(IdleUnavailable, match="lacks the MIT-SCREEN-SAVER extension"),
    ):
        X11IdleMonitor(display)


def test_x11_says_unknown_once_when_the_server_goes_away(caplog: pytest.LogCaptureFixture) -> None:
    with xvfb() as display:
        monitor = X11IdleMonitor(display)
        assert known(monitor) >= 0
    assert monitor.idle_seconds() is None
    assert monitor.idle_seconds() is None
    monitor.close()
    notes = [r for r in caplog.records if "x11 idle time unavailable" in r.getMessage()]
    assert len(notes) == 1
    assert notes[0].levelno == logging.INFO


# --- D-Bus: Mutter and the freedesktop ScreenSaver ----------------------------------------------


def test_mutter_answers_its_milliseconds_as_seconds_without_starting_services() -> None:
    with private_bus() as address, idle_server(address, MUTTER, idle_ms=4321) as server:
        monitor = MutterIdleMonitor(address)
        assert monitor.idle_seconds() == pytest.approx(4.321)
        server.idle_ms = 0
        assert monitor.idle_seconds() == 0.0
        monitor.close()
    assert server.auto_start_forbidden == [True, True]


def test_freedesktop_screensaver_reads_milliseconds() -> None:
    with private_bus() as address, idle_server(address, SCREENSAVER, idle_ms=90_000):
        monitor = FreedesktopScreenSaverIdleMonitor(address)
        assert monitor.idle_seconds() == pytest.approx(90.0)
        monitor.close()


def test_dbus_backend_without_its_service_says_unknown_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with private_bus() as address:
        monitor = MutterIdleMonitor(address)
        assert monitor.idle_seconds() is None
        assert monitor.idle_seconds() is None
        monitor.close()
    notes = [r.getMessage() for r in caplog.records if "mutter idle time" in r.getMessage()]
    assert len(notes) == 1
    assert "org.freedesktop.DBus.Error" in notes[0]


def test_screensaver_that_refuses_is_unknown_until_it_answers_again(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with private_bus() as address, idle_server(address, SCREENSAVER, idle_ms=2500) as server:
        monitor = FreedesktopScreenSaverIdleMonitor(address)
        server.error = "org.freedesktop.DBus.Error.NotSupported"
        assert monitor.idle_seconds() is None
        server.error = None
        assert monitor.idle_seconds() == pytest.approx(2.5)
        monitor.close()
    assert any("Error.NotSupported" in r.getMessage() for r in caplog.records)


def test_dbus_answer_of_the_wrong_type_is_unknown(caplog: pytest.LogCaptureFixture) -> None:
    with private_bus() as address, idle_server(address, SCREENSAVER, idle_ms=10) as server:
        server.signature = "s"
        monitor = FreedesktopScreenSaverIdleMonitor(address)
        assert monitor.idle_seconds() is None
        monitor.close()
    assert any("answered 's', expected 'u'" in r.getMessage() for r in caplog.records)


def test_dbus_backend_without_a_bus_is_unknown(caplog: pytest.LogCaptureFixture) -> None:
    monitor = MutterIdleMonitor("unix:path=/nonexistent/shiftwell-bus")
    assert monitor.idle_seconds() is None
    monitor.close()
    assert any(
        "mutter idle time unavailable: session bus" in r.getMessage() for r in caplog.records
    )


# --- choosing a backend --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "platform", "order"),
    [
        (
            {"XDG_SESSION_TYPE": "x11", "DISPLAY": ":0"},
            "linux",
            ("x11", "mutter", "freedesktop-screensaver"),
        ),
        (
            {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"},
            "linux",
            ("mutter", "wayland", "freedesktop-screensaver"),
        ),
        (
            {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":1"},
            "linux",
            ("mutter", "wayland", "freedesktop-screensaver"),
        ),
        ({"DISPLAY": ":0"}, "linux", ("x11", "mutter", "freedesktop-screensaver")),
        ({}, "linux", ("mutter", "freedesktop-screensaver")),
        ({"DISPLAY": ":0"}, "win32", ("windows",)),
        ({}, "darwin", ("macos",)),
    ],
    ids=[
        "x11",
        "wayland-with-xwayland",
        "wayland-by-socket",
        "display-only",
        "no-display",
        "windows",
        "macos",
    ],
)
def test_backend_order_fits_the_session(
    environ: dict[str, str], platform: str, order: tuple[str, ...]
) -> None:
    assert backend_order(environ, platform) == order


def test_detection_returns_the_first_backend_that_answers() -> None:
    tried: list[str] = []
    chosen = FakeIdleMonitor(name="mutter", idle=3.0)

    def refusing(name: str) -> IdleBackendFactory:
        def factory(environ: Mapping[str, str]) -> IdleMonitor:
            tried.append(name)
            raise IdleUnavailable("not here")

        return factory

    def answering(environ: Mapping[str, str]) -> IdleMonitor:
        tried.append("mutter")
        return chosen

    def never(environ: Mapping[str, str]) -> IdleMonitor:
        raise AssertionError("a later backend was tried after one answered")

    backends = {"x11": refusing("x11"), "mutter": answering, "freedesktop-screensaver": never}
    found = detect_idle_monitor({"DISPLAY": ":0"}, backends=backends, platform="linux")
    assert found is chosen
    assert tried == ["x11", "mutter"]


def test_detection_picks_the_real_x11_backend_on_an_x11_session(x_display: str) -> None:
    environ = {"XDG_SESSION_TYPE": "x11", "DISPLAY": x_display}
    monitor = detect_idle_monitor(environ, platform="linux")
    assert isinstance(monitor, X11IdleMonitor)
    assert known(monitor) >= 0
    monitor.close()


@pytest.mark.parametrize(
    ("service", "expected"),
    [(MUTTER, MutterIdleMonitor), (SCREENSAVER, FreedesktopScreenSaverIdleMonitor)],
    ids=["gnome", "kde"],
)
def test_detection_on_wayland_uses_the_bus_and_not_xwayland(
    x_display: str, service: IdleService, expected: type
) -> None:
    with private_bus() as address, idle_server(address, service, idle_ms=7000):
        environ = {
            "XDG_SESSION_TYPE": "wayland",
            "WAYLAND_DISPLAY": "wayland-0",
            "DISPLAY": x_display,
            "DBUS_SESSION_BUS_ADDRESS": address,
        }
        monitor = detect_idle_monitor(environ, platform="linux")
        assert monitor is not None
        assert type(monitor) is expected
        assert monitor.idle_seconds() == pytest.approx(7.0)
        monitor.close()


@pytest.mark.logs_warnings
def test_detection_warns_once_naming_every_backend_and_why_when_none_works(
    caplog: pytest.LogCaptureFixture,
) -> None:
    display = unused_display()
    with private_bus() as address:
        environ = {
            "XDG_SESSION_TYPE": "x11",
            "DISPLAY": display,
            "DBUS_SESSION_BUS_ADDRESS": address,
        }
        assert detect_idle_monitor(environ, platform="linux") is None
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1
    (warning,) = warnings
    assert warning.startswith(
        "Idle time is not available on this desktop, so natural breaks will not be noticed (tried "
    )
    assert f"x11: cannot open X display '{display}'" in warning
    assert "mutter: org.freedesktop.DBus.Error." in warning
    assert "freedesktop-screensaver: org.freedesktop.DBus.Error." in warning


@pytest.mark.logs_warnings
def test_detection_without_a_session_bus_says_so(caplog: pytest.LogCaptureFixture) -> None:
    assert detect_idle_monitor({"XDG_SESSION_TYPE": "wayland"}, platform="linux") is None
    (warning,) = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert "mutter: no session bus (DBUS_SESSION_BUS_ADDRESS is not set)" in warning
    assert "wayland: no Wayland display (WAYLAND_DISPLAY is not set)" in warning
    assert "freedesktop-screensaver: no session bus" in warning


@pytest.mark.logs_warnings
def test_detection_for_windows_on_another_system_finds_nothing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert detect_idle_monitor({}, platform="win32") is None
    (warning,) = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert "windows: GetLastInputInfo exists only on Windows" in warning


# --- Windows and macOS helpers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("tick_count_64", "last_input_tick", "idle_ms"),
    [
        (10_000, 10_000, 0),
        (86_400_000, 86_395_500, 4_500),
        (2**32 + 500, 2**32 - 1500, 2_000),  # dwTime from before GetTickCount's wrap
        (3 * 2**32 + 7, 2, 5),  # many days up: only the low 32 bits are comparable
    ],
    ids=["just-now", "plain", "across-the-wrap", "long-uptime"],
)
def test_windows_idle_ms_compares_32_bit_ticks(
    tick_count_64: int, last_input_tick: int, idle_ms: int
) -> None:
    assert windows_idle_ms(tick_count_64, last_input_tick) == idle_ms


def test_windows_backend_refuses_elsewhere() -> None:
    with pytest.raises(IdleUnavailable, match="only on Windows"):
        WindowsIdleMonitor()


def test_parse_hid_idle_reads_ioreg_nanoseconds() -> None:
    text = (DATA / "ioreg_iohidsystem.txt").read_text(encoding="utf-8")
    assert parse_hid_idle_ns(text) == 754_125_458


def test_parse_hid_idle_takes_the_most_recent_of_several_entries() -> None:
    text = '  |   "HIDIdleTime" = 9000000000\n  |   "HIDIdleTime" = 1500000000\n'
    assert parse_hid_idle_ns(text) == 1_500_000_000


@pytest.mark.parametrize(
    "text",
    ["", '"IOClass" = "IOHIDSystem"', '"HIDIdleTime" = <unknown>'],
    ids=["empty", "absent", "not-a-number"],
)
def test_parse_hid_idle_without_a_value_is_none(text: str) -> None:
    assert parse_hid_idle_ns(text) is None


def test_mac_backend_runs_ioreg_and_reads_its_answer(bin_dir: Path) -> None:
    fixture = DATA / "ioreg_iohidsystem.txt"
    fake_program(
        bin_dir,
        "ioreg",
        f'[ "$*" = "-c IOHIDSystem -d 4" ] || {{ echo "bad args: $*" >&2; exit 2; }}\n'
        f'cat "{fixture}"\n',
    )
    assert MacIdleMonitor().idle_seconds() == pytest.approx(0.754125458)


@pytest.mark.parametrize(
    ("script", "reason"),
    [
        (
            'echo "ioreg: permission denied" >&2; exit 1\n',
            "ioreg failed (1): ioreg: permission denied",
        ),
        ('echo "+-o Root"\n', "ioreg printed no HIDIdleTime"),
        ("exec sleep 30\n", "ioreg gave no answer in 0.5 s"),
    ],
    ids=["failing", "no-value", "hanging"],
)
def test_mac_backend_says_why_it_cannot_tell(
    bin_dir: Path, script: str, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    fake_program(bin_dir, "ioreg", script)
    assert MacIdleMonitor(timeout=0.5).idle_seconds() is None
    assert any(reason in r.getMessage() for r in caplog.records)


def test_mac_backend_without_ioreg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(IdleUnavailable, match="ioreg not found"):
        MacIdleMonitor().query()
