"""How long the user has given no keyboard or mouse input: the edge of "natural breaks".

Every desktop answers this differently, so there is one small backend per answer and
`detect_idle_monitor` picks the first that works in this session. When none does, Shiftwell
carries on without idle detection.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import subprocess
import sys
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

from shiftwell.platform.bus import BUS_ERRORS, BusConnection

log = logging.getLogger(__name__)

_DBUS_TIMEOUT_S = 2.0
_COMMAND_TIMEOUT_S = 2.0
_SCREENSAVER_EXTENSION = "MIT-SCREEN-SAVER"
WAYLAND = "wayland"  # the compositor's ext-idle-notify-v1 (platform/idle_wayland.py)


class IdleUnavailable(Exception):
    """An idle backend cannot work here; the message says why."""


class IdleMonitor(Protocol):
    name: str

    def idle_seconds(self) -> float | None:
        """Seconds since the last keyboard/mouse input; None when it could not tell this time."""
        ...

    def close(self) -> None: ...


class _QueryingIdleMonitor:
    """Turns a `query` that raises into the IdleMonitor answer that is None on failure."""

    name: str

    def __init__(self) -> None:
        self._failing = False

    def query(self) -> float:
        """Seconds idle; raises IdleUnavailable with the reason when there is no answer."""
        raise NotImplementedError

    def idle_seconds(self) -> float | None:
        try:
            seconds = self.query()
        except IdleUnavailable as error:
            if not self._failing:  # once per outage, not once per poll
                log.info("%s idle time unavailable: %s", self.name, error)
            self._failing = True
            return None
        self._failing = False
        return seconds

    def close(self) -> None:
        pass


# --- X11: the MIT-SCREEN-SAVER extension ------------------------------------------------------


class X11IdleMonitor(_QueryingIdleMonitor):
    """The X server's own input-idle counter, through python-xlib."""

    name = "x11"

    def __init__(self, display_name: str | None = None) -> None:
        super().__init__()
        self._display_name = display_name
        self._display: Any = _open_display(display_name)

    def query(self) -> float:
        import Xlib.error

        if self._display is None:  # the server went away earlier: it may be back
            self._display = _open_display(self._display_name)
        try:
            info = self._display.screen().root.screensaver_query_info()
        except (Xlib.error.ConnectionClosedError, Xlib.error.XError, OSError) as error:
            self._drop_display()
            raise IdleUnavailable(f"X display {self._display_name!r}: {error}") from None
        return float(info.idle) / 1000

    def close(self) -> None:
        self._drop_display()

    def _drop_display(self) -> None:
        import Xlib.error

        display, self._display = self._display, None
        if display is None:
            return
        # When the server closed it first, python-xlib has already closed the socket.
        with contextlib.suppress(Xlib.error.ConnectionClosedError):
            display.close()


def _open_display(display_name: str | None) -> Any:
    try:
        import Xlib.display
        import Xlib.error
    except ImportError:
        raise IdleUnavailable("python-xlib is not installed") from None
    with warnings.catch_warnings():
        # python-xlib does not close its sockets when a connect fails: they go with the error,
        # here, quietly (the reason is kept as text so that nothing holds on to them).
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            display = Xlib.display.Display(display_name)
        except (Xlib.error.DisplayError, Xlib.error.ConnectionClosedError, OSError) as error:
            reason = f"cannot open X display {display_name!r}: {error}"
        else:
            reason = ""
    if reason:
        raise IdleUnavailable(reason)
    if not display.has_extension(_SCREENSAVER_EXTENSION):
        display.close()
        raise IdleUnavailable(
            f"X display {display_name!r} lacks the {_SCREENSAVER_EXTENSION} extension"
        )
    return display


# --- D-Bus: GNOME's Mutter and the freedesktop ScreenSaver --------------------------------------


class _DBusIdleMonitor(_QueryingIdleMonitor):
    """Calls one method that answers the idle time in milliseconds, via jeepney."""

    _bus_name: str
    _path: str
    _interface: str
    _method: str
    _signature: str

    def __init__(self, bus_address: str = "SESSION") -> None:
        super().__init__()
        self.bus_address = bus_address
        self._bus = BusConnection(bus_address, _DBUS_TIMEOUT_S)

    def query(self) -> float:
        from jeepney import DBusAddress, HeaderFields, MessageFlag, MessageType, new_method_call

        address = DBusAddress(self._path, bus_name=self._bus_name, interface=self._interface)
        message = new_method_call(address, self._method)
        # Asking must not start a service: a desktop that lacks it should simply not answer.
        message.header.flags |= MessageFlag.no_auto_start
        try:
            reply = self._bus.call(message)
        except BUS_ERRORS as error:
            reason = str(error) or type(error).__name__
            raise IdleUnavailable(f"session bus: {reason}") from None
        fields = reply.header.fields
        if reply.header.message_type is MessageType.error:
            detail = f": {reply.body[0]}" if reply.body else ""
            raise IdleUnavailable(f"{fields.get(HeaderFields.error_name)}{detail}")
        signature = fields.get(HeaderFields.signature, "")
        if signature != self._signature:
            raise IdleUnavailable(
                f"{self._bus_name}.{self._method} answered {signature!r}, "
                f"expected {self._signature!r}"
            )
        (milliseconds,) = reply.body
        return int(milliseconds) / 1000

    def close(self) -> None:
        self._bus.close()


class MutterIdleMonitor(_DBusIdleMonitor):
    """GNOME on X11 and Wayland: Mutter's core idle monitor (uint64 milliseconds)."""

    name = "mutter"
    _bus_name = "org.gnome.Mutter.IdleMonitor"
    _path = "/org/gnome/Mutter/IdleMonitor/Core"
    _interface = "org.gnome.Mutter.IdleMonitor"
    _method = "GetIdletime"
    _signature = "t"


class FreedesktopScreenSaverIdleMonitor(_DBusIdleMonitor):
    """KDE and others: org.freedesktop.ScreenSaver.GetSessionIdleTime (uint32).

    The old draft spec says seconds, but KDE's screen locker, the main implementation,
    answers KIdleTime's milliseconds, and so do other clients of it: we read milliseconds.
    A desktop that answers seconds then looks less idle than it is, so Shiftwell misses a
    natural break rather than inventing one. Plasma on Wayland replies NotSupported, and
    detection moves on.
    """

    name = "freedesktop-screensaver"
    _bus_name = "org.freedesktop.ScreenSaver"
    _path = "/org/freedesktop/ScreenSaver"
    _interface = "org.freedesktop.ScreenSaver"
    _method = "GetSessionIdleTime"
    _signature = "u"


# --- Windows: GetLastInputInfo ------------------------------------------------------------------


def windows_idle_ms(tick_count_64: int, last_input_tick: int) -> int:
    """Milliseconds since the last input, from GetTickCount64 and LASTINPUTINFO.dwTime.

    dwTime is a 32-bit tick count that wraps every 49.7 days; compare modulo 2**32.
    """
    return ((tick_count_64 & 0xFFFF_FFFF) - last_input_tick) & 0xFFFF_FFFF


class WindowsIdleMonitor(_QueryingIdleMonitor):
    name = "windows"

    def __init__(self) -> None:
        super().__init__()
        if sys.platform != "win32":
            raise IdleUnavailable("GetLastInputInfo exists only on Windows")

    def query(self) -> float:
        return windows_idle_ms(*_windows_ticks()) / 1000


def _windows_ticks() -> tuple[int, int]:
    if sys.platform != "win32":
        raise IdleUnavailable("GetLastInputInfo exists only on Windows")
    import ctypes
    from ctypes import wintypes

    class LastInputInfo(ctypes.Structure):
        _fields_ = (("cbSize", wintypes.UINT), ("dwTime", wintypes.DWORD))

    info = LastInputInfo()
    info.cbSize = ctypes.sizeof(info)
    kernel32 = ctypes.windll.kernel32
    kernel32.GetTickCount64.restype = ctypes.c_ulonglong
    if not ctypes.windll.user32.GetLastInputInfo(ctypes.byref(info)):
        raise IdleUnavailable(f"GetLastInputInfo failed: {ctypes.WinError()}")
    return int(kernel32.GetTickCount64()), int(info.dwTime)


# --- macOS: IOHIDSystem's HIDIdleTime ---------------------------------------------------------

_HID_IDLE = re.compile(r'"HIDIdleTime"\s*=\s*(\d+)')


def parse_hid_idle_ns(ioreg_output: str) -> int | None:
    """HIDIdleTime (nanoseconds) from `ioreg -c IOHIDSystem` output; None when absent.

    Several IOHIDSystem entries may appear; the smallest is the most recent input.
    """
    values = [int(match) for match in _HID_IDLE.findall(ioreg_output)]
    return min(values) if values else None


class MacIdleMonitor(_QueryingIdleMonitor):
    name = "macos"

    def __init__(
        self,
        command: tuple[str, ...] = ("ioreg", "-c", "IOHIDSystem", "-d", "4"),
        timeout: float = _COMMAND_TIMEOUT_S,
    ) -> None:
        super().__init__()
        self._command = command
        self._timeout = timeout

    def query(self) -> float:
        program = self._command[0]
        try:
            done = subprocess.run(
                self._command, capture_output=True, text=True, timeout=self._timeout, check=False
            )
        except FileNotFoundError:
            raise IdleUnavailable(f"{program} not found") from None
        except subprocess.TimeoutExpired:
            raise IdleUnavailable(f"{program} gave no answer in {self._timeout} s") from None
        if done.returncode != 0:
            raise IdleUnavailable(f"{program} failed ({done.returncode}): {done.stderr.strip()}")
        nanoseconds = parse_hid_idle_ns(done.stdout)
        if nanoseconds is None:
            raise IdleUnavailable(f"{program} printed no HIDIdleTime")
        return nanoseconds / 1e9


# --- Choosing a backend -------------------------------------------------------------------------

IdleBackendFactory = Callable[[Mapping[str, str]], IdleMonitor]
"""Builds a backend for the session described by an environment; raises IdleUnavailable
unless its first query answered."""


def _answering(monitor: _QueryingIdleMonitor) -> IdleMonitor:
    try:
        monitor.query()
    except IdleUnavailable:
        monitor.close()
        raise
    return monitor


def _session_bus(environ: Mapping[str, str]) -> str:
    address = environ.get("DBUS_SESSION_BUS_ADDRESS")
    if not address:
        raise IdleUnavailable("no session bus (DBUS_SESSION_BUS_ADDRESS is not set)")
    return address


def _open_x11(environ: Mapping[str, str]) -> IdleMonitor:
    return _answering(X11IdleMonitor(environ.get("DISPLAY", "")))


def _open_mutter(environ: Mapping[str, str]) -> IdleMonitor:
    return _answering(MutterIdleMonitor(_session_bus(environ)))


def _open_screensaver(environ: Mapping[str, str]) -> IdleMonitor:
    return _answering(FreedesktopScreenSaverIdleMonitor(_session_bus(environ)))


def wayland_socket(environ: Mapping[str, str]) -> str:
    """The compositor's socket: WAYLAND_DISPLAY, absolute or in XDG_RUNTIME_DIR."""
    display = environ.get("WAYLAND_DISPLAY")
    if not display:
        raise IdleUnavailable("no Wayland display (WAYLAND_DISPLAY is not set)")
    if Path(display).is_absolute():
        return display
    runtime = environ.get("XDG_RUNTIME_DIR")
    if not runtime:
        raise IdleUnavailable("XDG_RUNTIME_DIR is not set")
    return str(Path(runtime, display))


def _open_wayland(environ: Mapping[str, str]) -> IdleMonitor:
    socket = wayland_socket(environ)
    # Only now: pywayland (and Qt's socket watching) only in a Wayland session.
    try:
        from shiftwell.platform.idle_wayland import WaylandIdleEvents
    except ImportError as error:  # a build without it, or without its C library
        raise IdleUnavailable(f"pywayland cannot be loaded: {error}") from None

    events = WaylandIdleEvents(socket)
    events.start()
    return events


def _open_windows(environ: Mapping[str, str]) -> IdleMonitor:
    return _answering(WindowsIdleMonitor())


def _open_macos(environ: Mapping[str, str]) -> IdleMonitor:
    return _answering(MacIdleMonitor())


DEFAULT_BACKENDS: Mapping[str, IdleBackendFactory] = MappingProxyType(
    {
        X11IdleMonitor.name: _open_x11,
        MutterIdleMonitor.name: _open_mutter,
        WAYLAND: _open_wayland,
        FreedesktopScreenSaverIdleMonitor.name: _open_screensaver,
        WindowsIdleMonitor.name: _open_windows,
        MacIdleMonitor.name: _open_macos,
    }
)

_DBUS_BACKENDS = (MutterIdleMonitor.name, FreedesktopScreenSaverIdleMonitor.name)
# GNOME first (Mutter's own watches), then the compositor's ext-idle-notify-v1 (KDE Plasma,
# sway 1.8+, Hyprland...), then the ScreenSaver service that KDE answers only on X11.
_WAYLAND_BACKENDS = (MutterIdleMonitor.name, WAYLAND, FreedesktopScreenSaverIdleMonitor.name)


def backend_order(environ: Mapping[str, str], platform: str = sys.platform) -> tuple[str, ...]:
    """Names of the backends that fit this session, best first."""
    if platform == "win32":
        return (WindowsIdleMonitor.name,)
    if platform == "darwin":
        return (MacIdleMonitor.name,)
    session = environ.get("XDG_SESSION_TYPE", "").lower()
    wayland = session == "wayland" or (session != "x11" and bool(environ.get("WAYLAND_DISPLAY")))
    # Under Wayland, XWayland's DISPLAY sees only X clients' input: its idle time would lie.
    if wayland:
        return _WAYLAND_BACKENDS
    if environ.get("DISPLAY"):
        return (X11IdleMonitor.name, *_DBUS_BACKENDS)
    return _DBUS_BACKENDS


def detect_idle_monitor(
    environ: Mapping[str, str] = os.environ,
    *,
    backends: Mapping[str, IdleBackendFactory] = DEFAULT_BACKENDS,
    platform: str = sys.platform,
) -> IdleMonitor | None:
    """The first backend that fits the session and answers; None (and one warning) if none."""
    failures: list[str] = []
    for name in backend_order(environ, platform):
        factory = backends.get(name)
        if factory is None:
            failures.append(f"{name}: not available in this build")
            continue
        try:
            monitor = factory(environ)
        except IdleUnavailable as error:
            failures.append(f"{name}: {error}")
            continue
        log.info("idle time from %s", name)
        return monitor
    tried = "; ".join(failures) or f"no backend fits this session ({platform})"
    log.warning(
        "Idle time is not available on this desktop, so natural breaks will not be noticed "
        "(tried %s).",
        tried,
    )
    return None
