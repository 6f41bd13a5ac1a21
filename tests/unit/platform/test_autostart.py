"""Start at login: each backend against temp dirs or a fake registry."""

from __future__ import annotations

import configparser
import plistlib
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from shiftwell import __version__
from shiftwell.platform.autostart import (
    Autostart,
    LaunchAgent,
    WindowsRunKey,
    WinregRunKey,
    XdgAutostart,
    autostart_command,
    autostart_for_platform,
    desktop_exec,
)
from tests.helpers.fakes_autostart import FakeRunKey
from tests.helpers.process import shiftwell_env

COMMAND = ["/opt/My Apps/shiftwell", "--data-dir", "/home/ana/work data"]


def read_desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


# --- the same contract for every backend ---


@pytest.fixture(params=["xdg", "launchd", "run-key"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Autostart:
    makers: dict[str, Callable[[], Autostart]] = {
        "xdg": lambda: XdgAutostart(tmp_path / "config"),
        "launchd": lambda: LaunchAgent(tmp_path / "LaunchAgents"),
        "run-key": lambda: WindowsRunKey(FakeRunKey()),
    }
    return makers[request.param]()


def test_enable_then_disable_round_trip(backend: Autostart) -> None:
    assert not backend.is_enabled()
    backend.enable(COMMAND)
    assert backend.is_enabled()
    backend.enable(COMMAND)  # again: still one entry, still on
    assert backend.is_enabled()
    backend.disable()
    assert not backend.is_enabled()


def test_disable_without_an_entry_is_fine(backend: Autostart) -> None:
    backend.disable()
    assert not backend.is_enabled()


@pytest.mark.parametrize("command", [[], [""], "shiftwell"])
def test_an_empty_command_is_refused(backend: Autostart, command: list[str]) -> None:
    with pytest.raises(ValueError, match="must be a non-empty list"):
        backend.enable(command)
    assert not backend.is_enabled()


# --- XDG ---


def test_xdg_entry_has_the_required_keys(tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path / "config")
    autostart.enable(["/usr/bin/shiftwell"])
    path = tmp_path / "config" / "autostart" / "shiftwell.desktop"
    assert autostart.location == str(path)
    entry = read_desktop_entry(path)
    assert dict(entry) == {
        "Type": "Application",
        "Name": "Shiftwell",
        "Comment": "Focus blocks, real breaks and a final end to the working day",
        "Exec": "/usr/bin/shiftwell",
        "Icon": "shiftwell",
        "Terminal": "false",
        "X-GNOME-Autostart-enabled": "true",
    }


def test_xdg_exec_quotes_paths_with_spaces(tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path / "config")
    autostart.enable(COMMAND)
    exec_value = read_desktop_entry(Path(autostart.location))["Exec"]
    assert exec_value == '"/opt/My Apps/shiftwell" --data-dir "/home/ana/work data"'
    assert shlex.split(exec_value) == COMMAND


@pytest.mark.parametrize(
    ("arg", "in_file"),
    [
        ("plain/path-1.0", "plain/path-1.0"),
        ("100%", "100%%"),  # %% stands for a literal %, not a field code
        ("", '""'),
        ("a$b", '"a\\\\$b"'),
        ('say "hi"', '"say \\\\"hi\\\\""'),
        ("C:\\dir", '"C:\\\\\\\\dir"'),  # escaped for the Exec key, then for the string value
        ("tab\there", '"tab\\there"'),
        ("it's", '"it\'s"'),
    ],
)
def test_xdg_exec_escaping_follows_the_desktop_entry_spec(arg: str, in_file: str) -> None:
    assert desktop_exec(["shiftwell", arg]) == f"shiftwell {in_file}"


def test_xdg_never_touches_other_autostart_entries(tmp_path: Path) -> None:
    autostart_dir = tmp_path / "config" / "autostart"
    autostart_dir.mkdir(parents=True)
    other = autostart_dir / "other.desktop"
    other.write_text("[Desktop Entry]\nName=Other\n", encoding="utf-8")
    autostart = XdgAutostart(tmp_path / "config")
    autostart.enable(COMMAND)
    autostart.disable()
    assert sorted(p.name for p in autostart_dir.iterdir()) == ["other.desktop"]
    assert other.read_text(encoding="utf-8") == "[Desktop Entry]\nName=Other\n"


@pytest.mark.parametrize(
    "switch_off", ["Hidden=true", "Hidden=True", "X-GNOME-Autostart-enabled=false"]
)
def test_xdg_entry_switched_off_by_hand_counts_as_disabled(tmp_path: Path, switch_off: str) -> None:
    autostart = XdgAutostart(tmp_path / "config")
    autostart.enable(COMMAND)
    path = Path(autostart.location)
    text = path.read_text(encoding="utf-8").replace("X-GNOME-Autostart-enabled=true\n", "")
    path.write_text(f"{text}{switch_off}\n", encoding="utf-8")
    assert not autostart.is_enabled()
    autostart.enable(COMMAND)  # switching it on from Shiftwell rewrites the entry
    assert autostart.is_enabled()
    assert "Hidden" not in read_desktop_entry(path)


@pytest.mark.parametrize(
    "content", [b"not a desktop entry", b"[Other Group]\nName=x\n", b"[Desktop Entry\n\xff"]
)
def test_xdg_unreadable_entry_counts_as_disabled(
    tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    autostart = XdgAutostart(tmp_path / "config")
    Path(autostart.location).parent.mkdir(parents=True)
    Path(autostart.location).write_bytes(content)
    assert not autostart.is_enabled()
    assert any("unreadable" in r.getMessage() for r in caplog.records)


# --- macOS ---


def test_launch_agent_plist(tmp_path: Path) -> None:
    agent = LaunchAgent(tmp_path / "LaunchAgents")
    agent.enable(COMMAND)
    path = tmp_path / "LaunchAgents" / "org.shiftwell.Shiftwell.plist"
    assert agent.location == str(path)
    assert plistlib.loads(path.read_bytes()) == {
        "Label": "org.shiftwell.Shiftwell",
        "ProgramArguments": COMMAND,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }


def test_launch_agent_disabled_by_hand_counts_as_disabled(tmp_path: Path) -> None:
    agent = LaunchAgent(tmp_path / "LaunchAgents")
    agent.enable(COMMAND)
    path = Path(agent.location)
    content = plistlib.loads(path.read_bytes())
    path.write_bytes(plistlib.dumps({**content, "Disabled": True}))
    assert not agent.is_enabled()


@pytest.mark.parametrize("content", [b"<plist><dict><key>Label", b"", b"bplist00junk"])
def test_launch_agent_unreadable_counts_as_disabled(
    tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    agent = LaunchAgent(tmp_path)
    Path(agent.location).write_bytes(content)
    assert not agent.is_enabled()
    assert any("unreadable" in r.getMessage() for r in caplog.records)


# --- Windows ---


def test_run_key_holds_the_quoted_command_line() -> None:
    registry = FakeRunKey({"OtherApp": "other.exe"})
    run_key = WindowsRunKey(registry)
    command = ["C:\\Program Files\\Shiftwell\\shiftwell.exe", "--data-dir", "D:\\my data"]
    run_key.enable(command)
    expected = '"C:\\Program Files\\Shiftwell\\shiftwell.exe" --data-dir "D:\\my data"'
    assert registry.values["Shiftwell"] == expected
    assert expected == subprocess.list2cmdline(command)
    run_key.disable()
    assert registry.values == {"OtherApp": "other.exe"}
    assert run_key.location.endswith("\\CurrentVersion\\Run\\Shiftwell")


@pytest.mark.skipif(sys.platform == "win32", reason="checks the refusal off Windows")
def test_the_real_run_key_says_it_needs_windows() -> None:
    registry = WinregRunKey()  # constructing it imports nothing Windows-only
    with pytest.raises(OSError, match="the Windows registry does not exist on"):
        registry.get("Shiftwell")


# --- choosing the backend and the command ---


def test_linux_uses_xdg_config_home(tmp_path: Path) -> None:
    chosen = autostart_for_platform({"XDG_CONFIG_HOME": str(tmp_path / "cfg")}, "linux")
    assert isinstance(chosen, XdgAutostart)
    assert chosen.location == str(tmp_path / "cfg" / "autostart" / "shiftwell.desktop")


@pytest.mark.parametrize("config_home", [None, "", "relative/cfg"])
def test_linux_falls_back_to_dot_config(tmp_path: Path, config_home: str | None) -> None:
    environ = {"HOME": str(tmp_path)}
    if config_home is not None:
        environ["XDG_CONFIG_HOME"] = config_home
    chosen = autostart_for_platform(environ, "linux")
    assert chosen.location == str(tmp_path / ".config" / "autostart" / "shiftwell.desktop")


def test_macos_uses_a_launch_agent(tmp_path: Path) -> None:
    chosen = autostart_for_platform({"HOME": str(tmp_path)}, "darwin")
    assert isinstance(chosen, LaunchAgent)
    assert chosen.location == str(
        tmp_path / "Library" / "LaunchAgents" / "org.shiftwell.Shiftwell.plist"
    )


def test_windows_uses_the_run_key() -> None:
    chosen = autostart_for_platform({}, "win32")
    assert isinstance(chosen, WindowsRunKey)


def test_default_backend_follows_this_platform(private_home: Path) -> None:
    chosen = autostart_for_platform()
    if sys.platform.startswith("linux"):
        assert chosen.location.startswith(str(private_home))


def test_command_of_a_frozen_app_is_its_executable(tmp_path: Path) -> None:
    exe = str(tmp_path / "Shiftwell.exe")
    assert autostart_command(exe, frozen=True) == [exe]


def test_command_prefers_the_installed_script(tmp_path: Path) -> None:
    script = tmp_path / ("shiftwell.exe" if sys.platform == "win32" else "shiftwell")
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    assert autostart_command(str(tmp_path / "python"), frozen=False) == [str(script)]


def test_command_falls_back_to_the_module(tmp_path: Path) -> None:
    python = str(tmp_path / "python")
    assert autostart_command(python, frozen=False) == [python, "-m", "shiftwell"]


def test_command_for_this_interpreter_really_starts_shiftwell() -> None:
    result = subprocess.run(
        [*autostart_command(), "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        env=shiftwell_env(),
        check=False,
    )
    assert (result.returncode, result.stdout.strip()) == (0, f"shiftwell {__version__}")
