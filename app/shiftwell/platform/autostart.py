"""Start at login: an XDG autostart entry, a macOS LaunchAgent, or the Windows Run key.

Each backend writes and removes only its own entry; none of them starts anything now.
"""

from __future__ import annotations

import configparser
import logging
import os
import plistlib
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol
from xml.parsers.expat import ExpatError

log = logging.getLogger(__name__)

LAUNCH_AGENT_LABEL = "org.shiftwell.Shiftwell"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE_NAME = "Shiftwell"


class Autostart(Protocol):
    @property
    def location(self) -> str:
        """Where the entry lives, to show the user."""
        ...

    def is_enabled(self) -> bool: ...

    def enable(self, command: Sequence[str]) -> None:
        """Start `command` at login; replaces an earlier entry. Raises OSError."""
        ...

    def disable(self) -> None:
        """Remove the entry; nothing to remove is fine. Raises OSError."""
        ...


# --- Linux and other XDG desktops ---

# Characters that make the Desktop Entry spec require an argument in double quotes.
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")


def desktop_exec(command: Sequence[str]) -> str:
    """`command` as the value of an Exec key, escaped as the Desktop Entry spec says."""
    return _escape_desktop_string(" ".join(_quote_exec_arg(arg) for arg in command))


def _quote_exec_arg(arg: str) -> str:
    arg = arg.replace("%", "%%")  # a lone % would start a field code such as %f
    if arg and not _EXEC_RESERVED.intersection(arg):
        return arg
    escaped = "".join("\\" + char if char in '"`$\\' else char for char in arg)
    return f'"{escaped}"'


def _escape_desktop_string(value: str) -> str:
    # Every string value is unescaped once before Exec is split, so backslashes double again.
    replacements = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    return "".join(replacements.get(char, char) for char in value)


class XdgAutostart:
    """`<config_home>/autostart/shiftwell.desktop`, read by every XDG-compliant desktop."""

    def __init__(self, config_home: Path) -> None:
        self.path = config_home / "autostart" / "shiftwell.desktop"

    @property
    def location(self) -> str:
        return str(self.path)

    def is_enabled(self) -> bool:
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive
        try:
            parser.read_string(self.path.read_text(encoding="utf-8"))
            entry = parser["Desktop Entry"]
        except FileNotFoundError:
            return False
        except (OSError, UnicodeDecodeError, configparser.Error, KeyError) as error:
            log.info("autostart entry %s is unreadable, so not in effect: %s", self.path, error)
            return False
        # Desktops honour both ways of switching an entry off by hand.
        hidden = entry.get("Hidden", "false").strip().lower() == "true"
        gnome_off = entry.get("X-GNOME-Autostart-enabled", "true").strip().lower() == "false"
        return not (hidden or gnome_off)

    def enable(self, command: Sequence[str]) -> None:
        _require(command)
        text = (
            "[Desktop Entry]\n"
            "Type=Application\n"
            "Name=Shiftwell\n"
            "Comment=Focus blocks, real breaks and a final end to the working day\n"
            f"Exec={desktop_exec(command)}\n"
            "Icon=shiftwell\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n"
        )
        _write_atomically(self.path, text.encode("utf-8"))
        log.info("start at login enabled: %s", self.path)

    def disable(self) -> None:
        _remove(self.path)


# --- macOS ---


class LaunchAgent:
    """`~/Library/LaunchAgents/org.shiftwell.Shiftwell.plist`, loaded by launchd at login."""

    def __init__(self, agents_dir: Path) -> None:
        self.path = agents_dir / f"{LAUNCH_AGENT_LABEL}.plist"

    @property
    def location(self) -> str:
        return str(self.path)

    def is_enabled(self) -> bool:
        try:
            agent = plistlib.loads(self.path.read_bytes())
        except FileNotFoundError:
            return False
        except (OSError, plistlib.InvalidFileException, ValueError, ExpatError) as error:
            log.info("launch agent %s is unreadable, so not in effect: %s", self.path, error)
            return False
        return isinstance(agent, dict) and agent.get("Disabled") is not True

    def enable(self, command: Sequence[str]) -> None:
        _require(command)
        agent = {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
        _write_atomically(self.path, plistlib.dumps(agent))
        log.info("start at login enabled: %s", self.path)

    def disable(self) -> None:
        _remove(self.path)


# --- Windows ---


class RunKeyRegistry(Protocol):
    """String values under HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None:
        """Remove the value; a missing value is fine."""
        ...


class WinregRunKey:
    """The real Run key, through winreg (imported only when used, only on Windows)."""

    def get(self, name: str) -> str | None:
        if sys.platform != "win32":
            raise OSError(f"the Windows registry does not exist on {sys.platform}")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return value if isinstance(value, str) else None

    def set(self, name: str, value: str) -> None:
        if sys.platform != "win32":
            raise OSError(f"the Windows registry does not exist on {sys.platform}")
        import winreg

        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        if sys.platform != "win32":
            raise OSError(f"the Windows registry does not exist on {sys.platform}")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            pass


class WindowsRunKey:
    """The `Shiftwell` value under the user's Run key: a command line Windows runs at login."""

    def __init__(self, registry: RunKeyRegistry) -> None:
        self._registry = registry

    @property
    def location(self) -> str:
        return f"HKEY_CURRENT_USER\\{RUN_KEY}\\{RUN_VALUE_NAME}"

    def is_enabled(self) -> bool:
        return bool(self._registry.get(RUN_VALUE_NAME))

    def enable(self, command: Sequence[str]) -> None:
        _require(command)
        self._registry.set(RUN_VALUE_NAME, subprocess.list2cmdline(command))
        log.info("start at login enabled: %s", self.location)

    def disable(self) -> None:
        self._registry.delete(RUN_VALUE_NAME)
        log.info("start at login disabled: %s", self.location)


# --- choosing ---


def autostart_for_platform(
    environ: Mapping[str, str] = os.environ, platform: str = sys.platform
) -> Autostart:
    home = Path(environ.get("HOME") or Path.home())
    if platform == "win32":
        return WindowsRunKey(WinregRunKey())
    if platform == "darwin":
        return LaunchAgent(home / "Library" / "LaunchAgents")
    # The spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    config_home = Path(environ.get("XDG_CONFIG_HOME") or "relative")
    if not config_home.is_absolute():
        config_home = home / ".config"
    return XdgAutostart(config_home)


def autostart_command(executable: str | None = None, frozen: bool | None = None) -> list[str]:
    """How to start this Shiftwell at login: the frozen app, the installed script, or -m."""
    executable = executable if executable is not None else sys.executable
    frozen = frozen if frozen is not None else bool(getattr(sys, "frozen", False))
    if frozen:
        return [executable]
    script = Path(executable).with_name("shiftwell.exe" if os.name == "nt" else "shiftwell")
    if script.is_file():
        return [str(script)]
    return [executable, "-m", "shiftwell"]


# --- files ---


def _require(command: Sequence[str]) -> None:
    if isinstance(command, str) or not command or not command[0]:
        raise ValueError(f"the command to start at login must be a non-empty list: {command!r}")


def _write_atomically(path: Path, content: bytes) -> None:
    """Replace `path` in one step: a crash leaves the old entry or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(content)
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    log.info("start at login disabled: removed %s", path)
