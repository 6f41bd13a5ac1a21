"""SIGINT, SIGTERM and SIGHUP end Shiftwell cleanly, whenever they come.

From the first line of the program the signals are only noted, never acted on where they
land: Python's own SIGINT handler would raise KeyboardInterrupt in the middle of an import or
of a call into Qt (a traceback, or a fatal error inside PySide), and the default action of
SIGTERM and SIGHUP would kill the process with its socket and lock left behind. Start-up
looks at `received()` between its steps and stops there; once Qt's event loop runs, the
wake-up descriptor (`wake_up_on_signals`) makes it quit.

Only the standard library is imported: this runs before anything else loads.
"""

from __future__ import annotations

import signal
import socket
from types import FrameType

# The signals that ask Shiftwell to stop; SIGHUP does not exist on Windows.
STOP_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)

_received: list[int] = []


def catch_stop_signals() -> None:
    """From now on a stop signal is only noted (see `received`); safe to call again."""
    for signum in STOP_SIGNALS:
        signal.signal(signum, _note)


def restore_default_signals() -> None:
    """Python's own handling again, for work that has none of its own (the self-check)."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for signum in STOP_SIGNALS:
        if signum != signal.SIGINT:
            signal.signal(signum, signal.SIG_DFL)


def received() -> int | None:
    """The first stop signal received so far, if any."""
    return _received[0] if _received else None


def exit_code(signum: int) -> int:
    """SIGINT (Ctrl-C in a terminal) ends with 130, the shell's convention for an interrupted
    command. SIGTERM and SIGHUP are the usual ways to ask a program to stop (a service
    manager, the session ending): doing so cleanly is a success, 0."""
    return 128 + signal.SIGINT if signum == signal.SIGINT else 0


def wake_up_on_signals() -> socket.socket:
    """A socket that becomes readable when a stop signal arrives, from this moment on, for
    an event loop to watch. Signals noted before it existed are in `received()`."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    _keep_alive.extend((reader, writer))
    return reader


_keep_alive: list[socket.socket] = []


def _note(signum: int, _frame: FrameType | None) -> None:
    _received.append(signum)
