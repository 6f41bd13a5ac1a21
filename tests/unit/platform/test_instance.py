"""The single-instance server and its client, over real local sockets."""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from shiftwell.platform.instance import (
    CommandRejected,
    InstanceError,
    InstanceServer,
    ListenResult,
    NoInstance,
    send_request,
    socket_path,
)
from tests.helpers.instance import (
    ask,
    canned_server,
    exchange,
    in_thread,
    qt_client,
    request_line,
    trickle,
    unanswered_server,
)
from tests.helpers.process import shiftwell_env, wait_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="talks to Unix sockets directly")

Serve = Callable[..., InstanceServer]


def echo(cmd: str, args: dict[str, Any]) -> dict[str, Any]:
    return {"echo": cmd, "args": args}


@pytest.fixture(autouse=True)
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    # Short on purpose, like /run/user/1000: a socket path has at most 107 bytes, and a
    # parallel test run's tmp_path can be longer than that leaves room for.
    directory = Path(tempfile.mkdtemp(prefix="sw-run-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(directory))
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def name(tmp_path: Path) -> str:
    return socket_path(tmp_path / "data")


@pytest.fixture
def serve(qtbot: QtBot, name: str) -> Iterator[Serve]:
    servers: list[InstanceServer] = []

    def start(
        handler: Callable[[str, dict[str, Any]], dict[str, Any]] = echo, **options: Any
    ) -> InstanceServer:
        server = InstanceServer(handler, **options)
        servers.append(server)
        assert server.listen(name) is ListenResult.LISTENING
        return server

    yield start
    for server in servers:
        server.close()


# --- the socket name ---


def test_socket_lives_in_the_runtime_dir_named_by_user_and_data_dir(
    tmp_path: Path, runtime_dir: Path
) -> None:
    path = socket_path(tmp_path / "data")
    assert Path(path).parent == runtime_dir
    assert Path(path).name.startswith(f"shiftwell-{os.getuid()}-")
    assert path.endswith(".sock")
    assert path != socket_path(tmp_path / "other")


def test_the_same_data_dir_spelled_differently_gets_the_same_socket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    assert socket_path(Path("data")) == socket_path(tmp_path / "link")
    assert socket_path(Path("data")) == socket_path(tmp_path / "x" / ".." / "data")


@pytest.mark.parametrize("runtime", [None, "relative/run", "/nonexistent/run"])
def test_without_a_usable_runtime_dir_the_temp_dir_is_used(
    tmp_path: Path, runtime: str | None
) -> None:
    environ = {} if runtime is None else {"XDG_RUNTIME_DIR": runtime}
    path = socket_path(tmp_path / "data", environ)
    assert Path(path).parent == Path(tempfile.gettempdir())


def test_a_read_only_runtime_dir_is_not_used(tmp_path: Path) -> None:
    read_only = tmp_path / "ro"
    read_only.mkdir(mode=0o500)
    if os.access(read_only, os.W_OK):
        pytest.skip("this user can write anywhere")
    path = socket_path(tmp_path / "data", {"XDG_RUNTIME_DIR": str(read_only)})
    assert Path(path).parent == Path(tempfile.gettempdir())


def test_a_runtime_dir_too_deep_for_a_socket_address_is_skipped(tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    deep.mkdir(parents=True)
    path = socket_path(tmp_path / "data", {"XDG_RUNTIME_DIR": str(deep)})
    assert not path.startswith(str(deep))
    assert len(os.fsencode(path)) <= 100


# --- round trips ---


def test_round_trip_with_the_client(qtbot: QtBot, serve: Serve, name: str) -> None:
    seen: list[tuple[str, dict[str, Any]]] = []

    def handler(cmd: str, args: dict[str, Any]) -> dict[str, Any]:
        seen.append((cmd, args))
        return {"state": "focus", "minutes_left": 12}

    serve(handler)
    reply = qt_client(qtbot, name, "status", {"verbose": True})
    # The client runs without an event loop or QApplication, and loads no widget modules.
    assert reply.pop("qt_modules") == ["PySide6.QtCore", "PySide6.QtNetwork"]
    assert reply == {"v": 1, "ok": True, "state": "focus", "minutes_left": 12}
    assert seen == [("status", {"verbose": True})]


def test_the_client_returns_error_replies(qtbot: QtBot, serve: Serve, name: str) -> None:
    def handler(cmd: str, args: dict[str, Any]) -> dict[str, Any]:
        raise CommandRejected("no shift is running")

    serve(handler)
    reply = qt_client(qtbot, name, "pause")
    del reply["qt_modules"]
    assert reply == {"v": 1, "ok": False, "error": "no shift is running"}


def test_requests_on_one_connection_are_answered_in_order(
    qtbot: QtBot, serve: Serve, name: str
) -> None:
    serve()
    data = request_line("first") + b"\n" + request_line("second", n=2) + request_line("third")
    result = in_thread(qtbot, exchange, name, data, 3)
    assert [r["echo"] for r in result.replies] == ["first", "second", "third"]
    assert result.replies[1]["args"] == {"n": 2}


def test_a_request_split_across_writes_is_answered_once_complete(
    qtbot: QtBot, serve: Serve, name: str
) -> None:
    serve()
    line = request_line("status")
    with socket.socket(socket.AF_UNIX) as client:
        client.connect(name)
        client.sendall(line[:7])
        client.sendall(line[7:])
        client.settimeout(5)
        reply = in_thread(qtbot, client.recv, 4096)
    assert json.loads(reply)["echo"] == "status"


# --- one instance per name ---


def test_a_second_server_on_the_same_name_finds_it_running(
    qtbot: QtBot, serve: Serve, name: str
) -> None:
    first = serve()
    second = InstanceServer(echo)
    assert second.listen(name) is ListenResult.ALREADY_RUNNING
    second.close()
    assert first.name == name
    assert ask(qtbot, name, "still")["echo"] == "still"


def test_a_live_server_counts_even_when_its_lock_file_was_cleaned_away(
    qtbot: QtBot, serve: Serve, name: str
) -> None:
    serve()
    Path(f"{name}.lock").unlink()
    second = InstanceServer(echo)
    assert second.listen(name) is ListenResult.ALREADY_RUNNING
    second.close()
    assert ask(qtbot, name, "still")["echo"] == "still"


def test_a_stale_socket_file_is_removed_and_listening_succeeds(
    qtbot: QtBot, serve: Serve, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    with socket.socket(socket.AF_UNIX) as dead:
        dead.bind(name)  # the file stays after close, as after a crash
    assert Path(name).exists()
    serve()
    assert any(
        r.levelno == logging.INFO and "did not exit cleanly" in r.getMessage()
        for r in caplog.records
    )
    assert ask(qtbot, name, "fresh")["echo"] == "fresh"


_CHILD_SERVER = """
import sys
from PySide6.QtCore import QCoreApplication
from shiftwell.platform.instance import InstanceServer
app = QCoreApplication([])
server = InstanceServer(lambda cmd, args: {"pid": "child"})
print(server.listen(sys.argv[1]).name, flush=True)
app.exec()
"""


def test_after_a_killed_instance_the_next_one_listens(
    qtbot: QtBot, serve: Serve, name: str
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD_SERVER, name],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=shiftwell_env(),
    )
    try:
        wait_for(lambda: Path(name).exists() or child.poll() is not None, 30, "the child to listen")
        assert child.poll() is None, child.stderr.read() if child.stderr else ""
        blocked = InstanceServer(echo)
        assert blocked.listen(name) is ListenResult.ALREADY_RUNNING
        blocked.close()
        assert ask(qtbot, name, "who") == {"v": 1, "ok": True, "pid": "child"}
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate()
    assert Path(name).exists() and Path(f"{name}.lock").exists()  # both left behind
    serve()
    assert ask(qtbot, name, "who")["echo"] == "who"


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to hand a file to another user")
def test_a_socket_owned_by_another_user_is_refused(name: str) -> None:
    with socket.socket(socket.AF_UNIX) as planted:
        planted.bind(name)
    os.chown(name, 12345, 12345)
    with pytest.raises(InstanceError, match="belongs to another user"):
        InstanceServer(echo).listen(name)
    with pytest.raises(InstanceError, match="belongs to another user"):
        send_request(name, "status")


def test_close_removes_the_socket_and_the_lock(serve: Serve, name: str, tmp_path: Path) -> None:
    server = serve()
    server.close()
    assert not Path(name).exists()
    assert not Path(f"{name}.lock").exists()
    with pytest.raises(NoInstance):
        send_request(name, "status", data_dir=tmp_path / "data")


# --- bad requests ---


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (b"{not json", "the request is not valid JSON: Expecting property name"),
        (b"[1, 2]", "the request must be a JSON object, not an array"),
        (b'"status"', "the request must be a JSON object, not a string"),
        (b'{"v": 2, "cmd": "status"}', "has protocol version 2; this Shiftwell speaks version 1"),
        (b'{"v": true, "cmd": "status"}', "has protocol version True; this Shiftwell speaks"),
        (b'{"cmd": "status"}', "has no protocol version; this Shiftwell speaks version 1"),
        (b'{"v": 1}', 'needs a command name (a non-empty string) in "cmd"'),
        (b'{"v": 1, "cmd": 7}', 'needs a command name (a non-empty string) in "cmd"'),
        (b'{"v": 1, "cmd": "s", "args": [1]}', '"args" must be a JSON object, not an array'),
        (b'{"v": 1, "cmd": "s", "args": null}', '"args" must be a JSON object, not null'),
        (b'{"v": 1, "cmd": "\xff\xfe"}', "the request is not valid UTF-8"),
    ],
)
def test_bad_requests_get_error_replies_and_the_connection_keeps_working(
    qtbot: QtBot, serve: Serve, name: str, line: bytes, error: str
) -> None:
    serve()
    result = in_thread(qtbot, exchange, name, line + b"\n" + request_line("after"), 2)
    bad, good = result.replies
    assert bad["v"] == 1
    assert bad["ok"] is False
    assert error in bad["error"]
    assert good == {"v": 1, "ok": True, "echo": "after", "args": {}}


def test_an_oversized_line_is_refused_and_the_connection_closed(
    qtbot: QtBot, serve: Serve, name: str
) -> None:
    server = serve()
    huge = b'{"v": 1, "cmd": "' + b"x" * (100 * 1024) + b'"}\n' + request_line("ignored")
    result = in_thread(qtbot, exchange, name, huge, 0)
    assert result.closed_by_server
    assert result.replies == [{"v": 1, "ok": False, "error": "the request is longer than 64 KiB"}]
    qtbot.wait_until(lambda: server.open_connections == 0)
    assert ask(qtbot, name, "next")["echo"] == "next"


def test_an_endless_line_is_refused_before_its_end_arrives(
    qtbot: QtBot, serve: Serve, name: str
) -> None:
    serve()
    result = in_thread(qtbot, exchange, name, b"z" * (100 * 1024), 0)  # no newline, ever
    assert result.closed_by_server
    assert [r["error"] for r in result.replies] == ["the request is longer than 64 KiB"]


def test_a_line_of_exactly_64_kib_is_accepted(qtbot: QtBot, serve: Serve, name: str) -> None:
    serve()
    head = b'{"v": 1, "cmd": "'
    line = head + b"y" * (64 * 1024 - len(head) - 2) + b'"}'
    assert len(line) == 64 * 1024
    result = in_thread(qtbot, exchange, name, line + b"\n", 1)
    assert result.replies[0]["ok"] is True


# --- handler outcomes ---


@pytest.mark.logs_warnings
def test_a_failing_handler_gets_an_error_reply_and_a_logged_traceback(
    qtbot: QtBot, serve: Serve, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    def handler(cmd: str, args: dict[str, Any]) -> dict[str, Any]:
        if cmd == "boom":
            raise ZeroDivisionError("division by zero in the schedule")
        return {}

    serve(handler)
    reply = ask(qtbot, name, "boom")
    assert reply == {"v": 1, "ok": False, "error": "division by zero in the schedule"}
    failures = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert [r.getMessage() for r in failures] == ["command 'boom' failed"]
    assert failures[0].exc_info is not None
    assert ask(qtbot, name, "fine") == {"v": 1, "ok": True}


def test_a_rejected_command_is_replied_without_a_traceback(
    qtbot: QtBot, serve: Serve, name: str
) -> None:
    def handler(cmd: str, args: dict[str, Any]) -> dict[str, Any]:
        raise CommandRejected(f"unknown command {cmd!r}")

    serve(handler)
    reply = ask(qtbot, name, "fly")
    assert reply == {"v": 1, "ok": False, "error": "unknown command 'fly'"}


@pytest.mark.logs_warnings
def test_a_payload_that_is_not_json_gets_an_error_reply(
    qtbot: QtBot, serve: Serve, name: str
) -> None:
    serve(lambda cmd, args: {"when": object()})
    reply = ask(qtbot, name, "status")
    assert reply["ok"] is False
    assert reply["error"].startswith("the reply to 'status' could not be encoded")


def test_the_handler_cannot_override_the_protocol_fields(
    qtbot: QtBot, serve: Serve, name: str
) -> None:
    serve(lambda cmd, args: {"v": 9, "ok": False, "state": "break"})
    assert ask(qtbot, name, "s") == {"v": 1, "ok": True, "state": "break"}


# --- clients that misbehave ---


def test_a_silent_client_is_closed_after_the_idle_timeout(
    qtbot: QtBot, serve: Serve, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    server = serve(idle_timeout=0.2)
    result = in_thread(qtbot, exchange, name, b"", 0)
    assert result.closed_by_server
    assert result.replies == []
    qtbot.wait_until(lambda: server.open_connections == 0)
    assert any("idle" in r.getMessage() for r in caplog.records)


def test_a_client_leaving_mid_line_leaves_nothing_behind(
    qtbot: QtBot, serve: Serve, name: str
) -> None:
    server = serve()
    with socket.socket(socket.AF_UNIX) as client:
        client.connect(name)
        qtbot.wait_until(lambda: server.open_connections == 1)
        client.sendall(b'{"v": 1, "cm')
    qtbot.wait_until(lambda: server.open_connections == 0)
    assert ask(qtbot, name, "after")["echo"] == "after"


def test_a_client_leaving_before_its_reply_does_no_harm(
    qtbot: QtBot, serve: Serve, name: str
) -> None:
    server = serve()
    with socket.socket(socket.AF_UNIX) as client:
        client.connect(name)
        client.sendall(request_line("gone"))
    qtbot.wait_until(lambda: server.open_connections == 0)
    assert ask(qtbot, name, "after")["echo"] == "after"


# --- the client's failures ---


def test_no_instance_when_nothing_listens(tmp_path: Path, name: str) -> None:
    with pytest.raises(NoInstance) as raised:
        send_request(name, "status", data_dir=tmp_path / "data")
    assert str(raised.value) == (
        f"Shiftwell is not running (no instance for data dir {tmp_path / 'data'})"
    )


def test_no_instance_when_only_a_stale_socket_file_is_left(name: str) -> None:
    with socket.socket(socket.AF_UNIX) as dead:
        dead.bind(name)
    with pytest.raises(NoInstance, match=r"Shiftwell is not running \(no instance for /"):
        send_request(name, "status")


def test_a_server_that_never_replies_times_out(name: str) -> None:
    with unanswered_server(name), pytest.raises(InstanceError, match="did not reply within"):
        send_request(name, "status", timeout=0.3)


@pytest.mark.parametrize(
    ("reply", "error"),
    [
        (b"hello\n", "malformed reply from Shiftwell: b'hello'"),
        (b"[1]\n", "malformed reply from Shiftwell: an array, not an object"),
        (b'{"v": 2, "ok": true}\n', "replied with protocol version 2"),
        (b'{"v": 1}\n', "malformed reply"),
        (b'{"v": 1, "ok": false}\n', "malformed reply"),
    ],
)
def test_a_reply_that_is_not_a_protocol_message_is_an_error(
    name: str, reply: bytes, error: str
) -> None:
    with canned_server(name, reply), pytest.raises(InstanceError) as raised:
        send_request(name, "status")
    assert error in str(raised.value)
    assert not isinstance(raised.value, NoInstance)


def nested(depth: int) -> bytes:
    args = b'{"a": ' * depth + b"1" + b"}" * depth
    return b'{"v": 1, "cmd": "status", "args": ' + args + b"}\n"


@pytest.mark.parametrize("depth", [9, 1000, 9000])  # 9000 deep still fits in 64 KiB
def test_a_deeply_nested_request_gets_an_error_reply(
    qtbot: QtBot, serve: Serve, name: str, depth: int
) -> None:
    serve()
    result = in_thread(qtbot, exchange, name, nested(depth) + request_line("after"), 2)
    bad, good = result.replies
    assert bad == {
        "v": 1,
        "ok": False,
        "error": "the request nests arrays or objects more than 8 deep",
    }
    assert good["echo"] == "after"


def test_a_request_nested_as_deep_as_allowed_is_answered(
    qtbot: QtBot, serve: Serve, name: str
) -> None:
    serve()
    reply = in_thread(qtbot, exchange, name, nested(7), 1).replies[0]
    assert reply["ok"] is True
    brackets_in_a_string = request_line("s", text="[[[[[[[[[{{{{{{{{{{")
    assert in_thread(qtbot, exchange, name, brackets_in_a_string, 1).replies[0]["ok"] is True


def test_a_client_trickling_its_request_is_cut_off_at_the_deadline(
    qtbot: QtBot, serve: Serve, name: str
) -> None:
    server = serve(request_timeout=0.5, idle_timeout=5)
    line = request_line("slow")
    result = in_thread(qtbot, trickle, name, line, 0.05)
    assert result.sent < len(line)
    assert result.replies == [
        {"v": 1, "ok": False, "error": "the request was not complete within 0.5 s"}
    ]
    assert result.closed_by_server
    qtbot.wait_until(lambda: server.open_connections == 0)


def test_the_deadline_is_per_request_so_a_steady_client_is_served(
    qtbot: QtBot, serve: Serve, name: str
) -> None:
    serve(request_timeout=0.5)
    lines = b"".join(request_line(f"r{n}") for n in range(20))
    result = in_thread(qtbot, exchange, name, lines, 20)
    assert [r["echo"] for r in result.replies] == [f"r{n}" for n in range(20)]
