"""The user's TOML config and the team policy: reading them, and saving the user's changes.

First run writes the commented default. After that the file changes only when the user saves
settings, and then only the changed values do: comments, order and layout stay as they were.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import sys
import tomllib
from datetime import UTC, tzinfo
from pathlib import Path
from typing import Any

from shiftwell.core.i18n import _
from shiftwell.core.settings import (
    LoadedSettings,
    SettingProblem,
    apply_policy,
    settings_from_mapping,
)
from shiftwell.platform.assets import asset

log = logging.getLogger(__name__)

# Bounds on reading a settings file, so that no file can stall or crash the app: a real one
# is a few KiB, with short lines, nesting three tables and a list deep. Within these bounds
# any file is read in well under a second (tomllib's time grows with the size, and with the
# square of a dotted key's length).
MAX_SETTINGS_BYTES = 64 * 1024
MAX_SETTINGS_LINE = 1024
MAX_SETTINGS_DEPTH = 16
# The log and the announcement show this many problems per start, then how many more.
MAX_PROBLEMS_SHOWN = 20

# Where an administrator puts settings the whole team shares; each key set there is locked.
DEFAULT_POLICY: Path | None = (
    Path("/etc/shiftwell/policy.toml") if sys.platform.startswith("linux") else None
)


def load_settings(path: Path, policy_path: Path | None = DEFAULT_POLICY) -> LoadedSettings:
    """Settings from `path` under the team policy at `policy_path` (None or missing: none).

    Any problem is reported and that part falls back to its default.
    """
    problems: list[SettingProblem] = []
    policy = _read_policy(policy_path, problems)
    user = _read_user(path, problems)
    if policy is not None:
        loaded = apply_policy(user or {}, policy, str(path), str(policy_path), local_timezone())
    elif user is None:
        loaded = settings_from_mapping({}, str(path), local_timezone())
    else:
        loaded = settings_from_mapping(user, str(path), local_timezone())
    loaded.problems[:0] = problems
    loaded.problems[:] = _few_and_short(loaded.problems)
    return loaded


def _few_and_short(problems: list[SettingProblem]) -> list[SettingProblem]:
    """At most MAX_PROBLEMS_SHOWN problems, each of a readable length: any file, however
    odd, costs the log and the announcement a few lines."""
    shown = [
        SettingProblem(p.source, _shortened(p.key, 80), _shortened(p.message, 300))
        for p in problems[:MAX_PROBLEMS_SHOWN]
    ]
    if len(problems) > MAX_PROBLEMS_SHOWN:
        more = len(problems) - MAX_PROBLEMS_SHOWN
        source = problems[MAX_PROBLEMS_SHOWN].source
        message = _("{count} more problems are not listed").format(count=more)
        shown.append(SettingProblem(source, "(file)", message))
    return shown


def _shortened(text: str, limit: int) -> str:
    """`text`, or its start and end around an ellipsis (the end says what is used instead)."""
    if len(text) <= limit:
        return text
    tail = limit // 3
    return f"{text[: limit - tail - 1]}…{text[-tail:]}"


def locked_keys(policy_path: Path | None = DEFAULT_POLICY) -> frozenset[str]:
    """The keys the team policy fixes; none when there is no readable policy."""
    policy = _read_policy(policy_path, [])
    if policy is None:
        return frozenset()
    return apply_policy({}, policy, "", str(policy_path)).locked


def local_timezone() -> tzinfo:
    """The user's zone by name (so shifts follow DST); UTC if the system can't tell."""
    try:
        import tzlocal

        return tzlocal.get_localzone()
    except Exception as error:  # tzlocal raises several kinds for odd setups
        log.warning("can't tell the local time zone (%s); using UTC", error)
        return UTC


def _read_user(path: Path, problems: list[SettingProblem]) -> dict[str, Any] | None:
    """The user's parsed file; None on first run (the default is written) or when unusable."""
    try:
        return _read_toml(path, problems, _("using all defaults"))
    except FileNotFoundError:
        _write_default(path)
        return None


def _read_policy(path: Path | None, problems: list[SettingProblem]) -> dict[str, Any] | None:
    if path is None:
        return None
    try:
        return _read_toml(path, problems, _("the team policy is not applied"))
    except FileNotFoundError:
        return None


def _read_toml(path: Path, problems: list[SettingProblem], fallback: str) -> dict[str, Any] | None:
    """`path` parsed, or None with one problem saying why (and `fallback`) when it can't be.

    Raises FileNotFoundError when there is no file. Any other file is answered at once: a
    FIFO is not waited on, a device or a huge file is not read to its end.
    """
    try:
        data = tomllib.loads(read_text(path))
        check_depth(data)
    except FileNotFoundError:
        raise
    except (Unusable, OSError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        message = _("can't be read ({reason}); {fallback}").format(reason=reason, fallback=fallback)
    except tomllib.TOMLDecodeError as error:
        message = _("is not valid TOML ({error}); {fallback}").format(
            error=error, fallback=fallback
        )
    except RecursionError:  # tomllib parses nested arrays and inline tables recursively
        message = _("nests tables or arrays more than {depth} levels deep; {fallback}").format(
            depth=MAX_SETTINGS_DEPTH, fallback=fallback
        )
    else:
        return data
    problems.append(SettingProblem(str(path), "(file)", message))
    return None


class Unusable(Exception):
    """A settings file that is there but can't be used; the message says why."""


def read_text(path: Path) -> str:
    # Non-blocking, so opening a FIFO returns at once; only regular files are read.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise Unusable(_("it is a folder, not a file"))
        if not stat.S_ISREG(mode):
            raise Unusable(_("it is not a regular file but a pipe, device or socket"))
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as file:
        content = file.read(MAX_SETTINGS_BYTES + 1)
    if len(content) > MAX_SETTINGS_BYTES:
        message = _("it is larger than {size} KiB, too large for a settings file")
        raise Unusable(message.format(size=MAX_SETTINGS_BYTES // 1024))
    try:
        # A byte order mark, which some Windows editors add, is not content.
        text = content.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        message = _("it is not UTF-8 text: byte 0x{byte} at position {position}")
        byte = f"{content[error.start]:02x}"
        raise Unusable(message.format(byte=byte, position=error.start)) from None
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_SETTINGS_LINE:
            message = _("line {line} is longer than {length} characters")
            raise Unusable(message.format(line=number, length=MAX_SETTINGS_LINE))
    return text


def check_depth(data: dict[str, Any]) -> None:
    """Refuse documents nested deeper than any setting (checked without recursion)."""
    pending: list[tuple[object, int]] = [(data, 0)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_SETTINGS_DEPTH:
            raise RecursionError
        if isinstance(value, dict):
            pending.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            pending.extend((item, depth + 1) for item in value)


def default_text() -> str:
    return asset("default-config.toml").read_text(encoding="utf-8")


def _write_default(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asset("default-config.toml"), path)
    except OSError as error:
        log.warning("could not write the default config to %s: %s", path, error)
    else:
        log.info("wrote the default config to %s", path)
