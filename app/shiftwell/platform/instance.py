"""One running Shiftwell per user and data dir, and the line protocol the CLI speaks to it.

The running instance listens on a QLocalServer (a Unix socket, a named pipe on Windows).
Requests and replies are UTF-8 JSON, one object per line:

    {"v": 1, "cmd": "status", "args": {}}
    {"v": 1, "ok": true, ...}  or  {"v": 1, "ok": false, "error": "..."}

The server side never blocks the event loop; the client side (`send_request`) blocks and
needs neither an event loop nor a QApplication. Only QtCore and QtNetwork are imported.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import re
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Mapping
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from shiftwell.core.i18n import _, marked

log = logging.getLogger(__name__)

PROTOCOL_VERSION = 1
# Bounds on a request, so no client can stall or crash the server: a real request is one
# short line, an object holding an object of plain values, written at once.
MAX_LINE_BYTES = 64 * 1024
MAX_NESTING = 8
# sun_path holds 108 bytes on Linux and 104 on macOS; leave room for both.
_MAX_SOCKET_PATH_BYTES = 100
_PROBE_TIMEOUT_MS = 1000
_IDLE_TIMEOUT_S = 10.0  # a connection with no request under way
_REQUEST_TIMEOUT_S = 3.0  # from a request's first byte to its end of line

Handler = Callable[[str, dict[str, Any]], dict[str, Any]]

# What the client says when a reply is JSON but not an object: a whole sentence per type.
_NOT_AN_OBJECT = {
    list: marked("malformed reply from Shiftwell: an array, not an object"),
    str: marked("malformed reply from Shiftwell: a string, not an object"),
    int: marked("malformed reply from Shiftwell: a number, not an object"),
    float: marked("malformed reply from Shiftwell: a number, not an object"),
    bool: marked("malformed reply from Shiftwell: a boolean, not an object"),
    type(None): marked("malformed reply from Shiftwell: null, not an object"),
}


class ListenResult(Enum):
    LISTENING = "listening"
    ALREADY_RUNNING = "already running"


class InstanceError(Exception):
    """Talking to the running instance failed: timeout, refused, or a reply we can't read."""


class NoInstance(InstanceError):
    """Nothing listens: Shiftwell is not running for that data dir."""


class CommandRejected(Exception):
    """Raised by a handler for an expected refusal; replied without logging a traceback."""


class _BadRequest(Exception):
    pass


def socket_path(data_dir: Path, environ: Mapping[str, str] = os.environ, *, role: str = "") -> str:
    """The QLocalServer name for this user and data dir (an absolute path on POSIX).

    `role` names another single-instance process of the same profile ("review")."""
    resolved = str(data_dir.expanduser().resolve()).encode("utf-8", "surrogateescape")
    # Two checksums (64 bits) tell one user's data dirs apart; no cryptographic hash is
    # needed, and hashlib would keep OpenSSL's library in the tray's memory all day.
    digest = f"{zlib.crc32(resolved):08x}{zlib.adler32(resolved):08x}"
    suffix = f"-{role}" if role else ""
    if sys.platform == "win32":
        # Pipe names are machine-wide: the user's name keeps two users' instances apart.
        user = re.sub(r"[^A-Za-z0-9_.-]", "_", getpass.getuser())
        return f"shiftwell-{user}-{digest}{suffix}"
    filename = f"shiftwell-{os.getuid()}-{digest}{suffix}.sock"
    for directory in _socket_dirs(environ):
        path = str(directory / filename)
        if len(os.fsencode(path)) <= _MAX_SOCKET_PATH_BYTES:
            return path
    return str(Path("/tmp", filename))


def _socket_dirs(environ: Mapping[str, str]) -> list[Path]:
    runtime = Path(environ.get("XDG_RUNTIME_DIR") or "relative")
    usable_runtime = (
        runtime.is_absolute() and runtime.is_dir() and os.access(runtime, os.W_OK | os.X_OK)
    )
    return ([runtime] if usable_runtime else []) + [Path(tempfile.gettempdir())]


def _lock_path(name: str) -> str:
    # The lock makes "is one running? if not, listen" atomic between two starting instances.
    if Path(name).is_absolute():
        return f"{name}.lock"
    return str(Path(tempfile.gettempdir(), f"{name}.lock"))


def _check_owner(name: str) -> None:
    """Refuse a socket someone else put at our name (possible in a shared /tmp)."""
    if sys.platform == "win32" or not Path(name).is_absolute():
        return
    try:
        owner = os.lstat(name).st_uid
    except FileNotFoundError:
        return
    if owner != os.getuid():
        message = _("{socket} belongs to another user (uid {uid}); not using it")
        raise InstanceError(message.format(socket=name, uid=owner))


class InstanceServer(QObject):
    """Answers requests from `send_request` by calling `handler(cmd, args)` -> payload.

    A handler raises CommandRejected for an expected refusal, anything else for a bug; both
    become error replies. A handler that shuts the server down should do so after returning
    (e.g. with a zero-delay QTimer), so that its reply goes out first.
    """

    def __init__(
        self,
        handler: Handler,
        parent: QObject | None = None,
        *,
        idle_timeout: float = _IDLE_TIMEOUT_S,
        request_timeout: float = _REQUEST_TIMEOUT_S,
    ) -> None:
        super().__init__(parent)
        self._handler = handler
        self._idle_timeout_ms = round(idle_timeout * 1000)
        self._request_timeout_ms = round(request_timeout * 1000)
        self._server: QLocalServer | None = None
        self._lock: QLockFile | None = None
        self._connections: set[_Connection] = set()

    @property
    def name(self) -> str | None:
        return self._server.fullServerName() if self._server is not None else None

    @property
    def open_connections(self) -> int:
        return len(self._connections)

    def listen(self, name: str) -> ListenResult:
        """Listen on `name` unless another live instance has it.

        Raises InstanceError when the name can't be used at all (someone else's socket, an
        unwritable directory).
        """
        if self._server is not None:
            raise RuntimeError(f"already listening on {self.name}")
        _check_owner(name)
        lock = QLockFile(_lock_path(name))
        lock.setStaleLockTime(0)  # stale only when its process is gone, however old it is
        if not lock.tryLock(0):
            if lock.error() == QLockFile.LockError.LockFailedError:
                log.info("another Shiftwell holds %s", _lock_path(name))
                return ListenResult.ALREADY_RUNNING
            message = _("can't create the lock file {path} ({reason})")
            raise InstanceError(message.format(path=_lock_path(name), reason=lock.error().name))
        if _answers(name):
            lock.unlock()
            return ListenResult.ALREADY_RUNNING
        if Path(name).is_absolute() and os.path.lexists(name):
            log.info("removing %s, left behind by a Shiftwell that did not exit cleanly", name)
            QLocalServer.removeServer(name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            problem = server.errorString()
            server.deleteLater()
            lock.unlock()
            raise InstanceError(
                _("can't listen on {socket}: {reason}").format(socket=name, reason=problem)
            )
        server.newConnection.connect(self._accept)
        self._server, self._lock = server, lock
        log.info("listening for commands on %s", name)
        return ListenResult.LISTENING

    def close(self) -> None:
        """Stop listening, remove the socket and let open connections finish their replies."""
        for connection in list(self._connections):
            connection.close()
        if self._server is not None:
            self._server.close()  # also removes the socket file
            self._server.deleteLater()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.setParent(self)  # outlives the QLocalServer until its reply is written
            connection = _Connection(
                socket,
                self._reply_to,
                self._connections.discard,
                self._idle_timeout_ms,
                self._request_timeout_ms,
            )
            self._connections.add(connection)
            connection.start()

    def _reply_to(self, line: bytes) -> bytes:
        try:
            cmd, args = _parse_request(line)
        except _BadRequest as error:
            log.info("rejected a request: %s", error)
            return _encode(_error_reply(str(error)))
        try:
            payload = self._handler(cmd, args)
        except CommandRejected as error:
            log.info("command %r rejected: %s", cmd, error)
            return _encode(_error_reply(str(error)))
        except Exception as error:
            log.exception("command %r failed", cmd)
            return _encode(_error_reply(str(error) or type(error).__name__))
        try:
            return _encode({**payload, "v": PROTOCOL_VERSION, "ok": True})
        except (TypeError, ValueError) as error:
            log.exception("the reply to %r is not JSON", cmd)
            return _encode(_error_reply(f"the reply to {cmd!r} could not be encoded: {error}"))


class _Connection(QObject):
    """One client: buffers bytes into lines and answers each in order."""

    def __init__(
        self,
        socket: QLocalSocket,
        reply_to: Callable[[bytes], bytes],
        forget: Callable[[_Connection], None],
        idle_timeout_ms: int,
        request_timeout_ms: int,
    ) -> None:
        super().__init__(socket)  # dies with its socket
        self._socket = socket
        self._reply_to = reply_to
        self._forget = forget
        self._buffer = bytearray()
        self._busy = False
        self._closing = False
        self._finished = False
        # A silent or stuck client must not hold a connection forever.
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_timeout_ms)
        self._idle.timeout.connect(self._on_idle)
        # A client that trickles its request (a byte now and then) must not either: each
        # request has this long from its first byte to its end of line.
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(request_timeout_ms)
        self._deadline.timeout.connect(self._on_deadline)

    def start(self) -> None:
        self._socket.readyRead.connect(self._read)
        self._socket.disconnected.connect(self._finish)
        self._idle.start()
        self._read()  # bytes that came with the connection raise no readyRead of their own
        if self._socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            self._finish()  # the client left before we connected to its disconnected signal

    def close(self) -> None:
        if self._closing:
            return
        self._closing = True
        self._buffer.clear()
        self._deadline.stop()
        if self._socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            self._finish()
            return
        self._idle.start()  # bounds the wait for a peer that never reads its reply
        self._socket.disconnectFromServer()  # writes what is pending, then disconnects

    def _read(self) -> None:
        # A handler may spin a nested event loop; re-entering here would reorder replies.
        if self._busy or self._closing:
            return
        self._busy = True
        try:
            while not self._closing and self._socket.bytesAvailable():
                self._buffer += self._socket.readAll().data()
                self._answer_complete_lines()
                self._time_the_request()
        finally:
            self._busy = False

    def _time_the_request(self) -> None:
        """While a request is under way its deadline runs; between requests, the idle timer."""
        if self._closing:
            return
        if self._buffer:
            self._idle.stop()
            if not self._deadline.isActive():
                self._deadline.start()
        else:
            self._deadline.stop()
            if not self._idle.isActive():
                self._idle.start()

    def _answer_complete_lines(self) -> None:
        while not self._closing:
            end = self._buffer.find(b"\n")
            if end < 0:
                if len(self._buffer) > MAX_LINE_BYTES:
                    self._refuse_long_line()
                return
            if end > MAX_LINE_BYTES:
                self._refuse_long_line()
                return
            line = bytes(self._buffer[:end]).rstrip(b"\r")
            del self._buffer[: end + 1]
            self._deadline.stop()  # this request is complete; what follows starts anew
            if line.strip():
                self._send(self._reply_to(line))

    def _refuse_long_line(self) -> None:
        log.info("rejected a request longer than %d bytes", MAX_LINE_BYTES)
        self._send(
            _encode(_error_reply(f"the request is longer than {MAX_LINE_BYTES // 1024} KiB"))
        )
        self.close()

    def _send(self, data: bytes) -> None:
        if self._closing or self._socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
            return
        self._socket.write(data)
        self._socket.flush()
        self._idle.start()

    def _on_deadline(self) -> None:
        if self._closing or self._busy:
            return
        seconds = self._deadline.interval() / 1000
        log.info("rejected a request not complete within %g s", seconds)
        self._send(_encode(_error_reply(f"the request was not complete within {seconds:g} s")))
        self.close()

    def _on_idle(self) -> None:
        if self._closing:
            self._socket.abort()
            self._finish()
        else:
            log.info("closing a connection idle for %d ms", self._idle.interval())
            self.close()

    def _finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        self._closing = True
        self._idle.stop()
        self._deadline.stop()
        self._forget(self)
        self._socket.deleteLater()


def _answers(name: str) -> bool:
    """Whether a live server accepts connections on `name`."""
    probe = QLocalSocket()
    try:
        probe.connectToServer(name)
        return probe.waitForConnected(_PROBE_TIMEOUT_MS)
    finally:
        probe.abort()


def _parse_request(line: bytes) -> tuple[str, dict[str, Any]]:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        raise _BadRequest("the request is not valid UTF-8") from None
    if _nesting(text) > MAX_NESTING:
        # Checked before parsing: json.loads recurses once per level.
        raise _BadRequest(f"the request nests arrays or objects more than {MAX_NESTING} deep")
    try:
        request = json.loads(text)
    except json.JSONDecodeError as error:
        raise _BadRequest(
            f"the request is not valid JSON: {error.msg} at column {error.colno}"
        ) from None
    if not isinstance(request, dict):
        raise _BadRequest(f"the request must be a JSON object, not {_json_type(request)}")
    version = request.get("v")
    if type(version) is not int or version != PROTOCOL_VERSION:
        said = "no protocol version" if "v" not in request else f"protocol version {version!r}"
        raise _BadRequest(f"the request has {said}; this Shiftwell speaks version 1")
    cmd = request.get("cmd")
    if not isinstance(cmd, str) or not cmd:
        raise _BadRequest('the request needs a command name (a non-empty string) in "cmd"')
    args = request.get("args", {})
    if not isinstance(args, dict):
        raise _BadRequest(f'"args" must be a JSON object, not {_json_type(args)}')
    return cmd, args


def _nesting(text: str) -> int:
    """How deep arrays and objects nest in JSON `text` (brackets inside strings don't count)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    names = {list: "an array", str: "a string", int: "a number", float: "a number"}
    return names.get(type(value), "null" if value is None else type(value).__name__)


def _error_reply(message: str) -> dict[str, Any]:
    return {"v": PROTOCOL_VERSION, "ok": False, "error": message}


def _encode(message: Mapping[str, Any]) -> bytes:
    return json.dumps(message, ensure_ascii=False, allow_nan=False).encode("utf-8") + b"\n"


def send_request(
    name: str,
    cmd: str,
    args: dict[str, Any] | None = None,
    timeout: float = 3.0,
    *,
    data_dir: Path | None = None,
) -> dict[str, Any]:
    """Send one request to the running instance and return its reply (ok or not).

    Blocks for at most `timeout` seconds. Raises NoInstance when nothing listens on `name`
    (`data_dir` only makes that message clearer) and InstanceError for timeouts and replies
    that are not protocol messages. PySide's waits hold the GIL: call this from a process of
    its own (the CLI), never from the process that runs the server.
    """
    request = _encode({"v": PROTOCOL_VERSION, "cmd": cmd, "args": args or {}})
    _check_owner(name)
    deadline = time.monotonic() + timeout
    socket = QLocalSocket()
    try:
        socket.connectToServer(name)
        if not socket.waitForConnected(_ms_left(deadline)):
            raise _connect_failure(socket, name, data_dir, timeout)
        socket.write(request)
        while socket.bytesToWrite() > 0:
            if not socket.waitForBytesWritten(_ms_left(deadline)):
                message = _("Shiftwell did not take the request within {seconds} s")
                raise InstanceError(message.format(seconds=timeout))
        reply = bytearray(socket.readAll().data())
        while b"\n" not in reply:
            if len(reply) > MAX_LINE_BYTES:
                raise InstanceError(_("malformed reply from Shiftwell: longer than 64 KiB"))
            if not socket.waitForReadyRead(_ms_left(deadline)):
                if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
                    raise InstanceError(_("Shiftwell closed the connection without replying"))
                message = _("Shiftwell did not reply within {seconds} s")
                raise InstanceError(message.format(seconds=timeout))
            reply += socket.readAll().data()
    finally:
        socket.abort()
    return _parse_reply(bytes(reply[: reply.index(b"\n")]))


def _ms_left(deadline: float) -> int:
    return max(0, round((deadline - time.monotonic()) * 1000))


def _connect_failure(
    socket: QLocalSocket, name: str, data_dir: Path | None, timeout: float
) -> InstanceError:
    error = socket.error()
    errors = QLocalSocket.LocalSocketError
    if error in (errors.ServerNotFoundError, errors.ConnectionRefusedError):
        if data_dir is not None:
            message = _("Shiftwell is not running (no instance for data dir {folder})")
            return NoInstance(message.format(folder=data_dir))
        message = _("Shiftwell is not running (no instance for {socket})")
        return NoInstance(message.format(socket=name))
    if error == errors.SocketTimeoutError:
        message = _("Shiftwell did not accept the connection within {seconds} s")
        return InstanceError(message.format(seconds=timeout))
    message = _("can't connect to Shiftwell at {socket}: {reason}")
    return InstanceError(message.format(socket=name, reason=socket.errorString()))


def _parse_reply(line: bytes) -> dict[str, Any]:
    try:
        reply = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _malformed(line) from None
    if not isinstance(reply, dict):
        raise InstanceError(_(_NOT_AN_OBJECT[type(reply)]))
    if reply.get("v") != PROTOCOL_VERSION or type(reply.get("v")) is not int:
        message = _(
            "Shiftwell replied with protocol version {version}; "
            "this command speaks version {own_version}"
        )
        raise InstanceError(
            message.format(version=repr(reply.get("v")), own_version=PROTOCOL_VERSION)
        )
    ok = reply.get("ok")
    if not isinstance(ok, bool) or (not ok and not isinstance(reply.get("error"), str)):
        raise _malformed(line)
    return reply


def _malformed(line: bytes) -> InstanceError:
    message = _("malformed reply from Shiftwell: {reply}")
    return InstanceError(message.format(reply=repr(line[:200])))
