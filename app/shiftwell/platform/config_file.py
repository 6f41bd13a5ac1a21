"""The user's TOML config and the team policy: reading them, and saving the user's changes.

First run writes the commented default. After that the file changes only when the user saves
settings, and then only the changed values do: comments, order and layout stay as they were.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import os
import shutil
import stat
import sys
import tempfile
import tomllib
from collections.abc import Mapping
from datetime import UTC, tzinfo
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import InlineTable, Table
from tomlkit.toml_document import TOMLDocument

from shiftwell.core.i18n import _
from shiftwell.core.settings import (
    KNOWN_KEYS,
    LoadedSettings,
    SettingProblem,
    apply_policy,
    settings_from_mapping,
    validate_value,
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


class SettingsNotSaved(Exception):
    """A save that did not happen; the message says why, and the file is as it was."""


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


def save_settings(
    path: Path, changes: Mapping[str, Any], policy_path: Path | None = DEFAULT_POLICY
) -> None:
    """Write `changes` (dotted key -> TOML value; None removes the key) into the user's file.

    Only the changed values differ afterwards. The file is replaced in one step, so a crash
    leaves the old file or the new one. Raises SettingsNotSaved (nothing written) for a bad
    value, a key the team policy locks, a file that is not valid TOML, or an OS error.
    """
    _check_changes(changes, locked_keys(policy_path), policy_path)
    target = path.resolve()  # a symlinked config stays a symlink
    bom = b""
    try:
        if target.exists():
            # The reader's own checks (size, file type, encoding; no text-mode newline
            # translation, so Windows line ends come back as they were).
            text = _read_text(target)
            bom = codecs.BOM_UTF8 if target.read_bytes()[:3] == codecs.BOM_UTF8 else b""
        else:
            text = _default_text()
    except (_Unusable, OSError) as error:
        raise SettingsNotSaved(f"{path} can't be read ({error}); nothing was saved") from None
    try:
        _check_depth(tomllib.loads(text))
        edited = _edited_text(text, changes, path)
    except (tomllib.TOMLDecodeError, TOMLKitError, RecursionError) as error:
        reason = error if not isinstance(error, RecursionError) else "nested too deep"
        raise SettingsNotSaved(
            f"{path} is not valid TOML ({reason}); fix it or delete it, then save again"
        ) from None
    try:
        _replace_atomically(target, bom + edited.encode("utf-8"))
    except OSError as error:
        raise SettingsNotSaved(
            f"{path} could not be written ({error}); nothing was saved"
        ) from None
    log.info("saved %s to %s", ", ".join(changes), path)


def _check_changes(
    changes: Mapping[str, Any], locked: frozenset[str], policy_path: Path | None
) -> None:
    for key, value in changes.items():
        if key in locked:
            raise SettingsNotSaved(
                f"{key} is set by the team policy ({policy_path}); nothing was saved"
            )
        if value is None and key in KNOWN_KEYS:
            continue  # removing a known key: it goes back to its default
        try:
            validate_value(key, value)
        except ValueError as error:
            raise SettingsNotSaved(f"{key}: {error}; nothing was saved") from None


def _edited_text(text: str, changes: Mapping[str, Any], path: Path) -> str:
    """`text` with `changes` applied, laid out as the user would have written them.

    tomlkit edits values in place and keeps comments, but where it puts a *new* key in an
    existing table is its own choice, and it has changed between releases (a comment that
    introduces the next table ended up above the new key). So a new key in a table that has
    a header line is written as a line of its own after that table's last line of content;
    the result is checked against tomlkit's own edit and tomlkit's is used if they differ.
    """
    document = tomlkit.parse(text)
    new_keys: list[tuple[list[str], str, Any]] = []
    for key, value in changes.items():
        new_key = _set(document, key, value, path, defer_new_keys=True)
        if new_key is not None:
            new_keys.append(new_key)
    if not new_keys:
        return tomlkit.dumps(document)
    laid_out = tomlkit.dumps(document)
    for tables, name, value in new_keys:
        laid_out = _insert_key_line(laid_out, tables, name, value)
    tomlkit_document = tomlkit.parse(text)
    for key, value in changes.items():
        _set(tomlkit_document, key, value, path, defer_new_keys=False)
    by_tomlkit = tomlkit.dumps(tomlkit_document)
    return laid_out if tomllib.loads(laid_out) == tomllib.loads(by_tomlkit) else by_tomlkit


def _set(
    document: TOMLDocument, key: str, value: Any, path: Path, *, defer_new_keys: bool
) -> tuple[list[str], str, Any] | None:
    """Apply one change to `document`. With `defer_new_keys`, a new key for a table that
    already exists is not added but returned as (table path, name, value) for the caller
    to place."""
    *tables, name = key.split(".")
    node: TOMLDocument | Table | InlineTable = document
    existed = True
    for depth, table in enumerate(tables):
        if table not in node:
            if value is None:
                return None  # nothing to remove
            node.add(table, tomlkit.table())
            existed = False
        child = node[table]
        if not isinstance(child, Table | InlineTable):
            where = ".".join(tables[: depth + 1])
            raise SettingsNotSaved(f"{where} in {path} is not a table; nothing was saved")
        node = child
    if value is None:
        node.pop(name, None)
    elif defer_new_keys and existed and tables and isinstance(node, Table) and name not in node:
        return tables, name, value
    else:
        node[name] = value
    return None


def _insert_key_line(text: str, tables: list[str], name: str, value: Any) -> str:
    """`text` with `name = value` after the last line of content of the table `[tables]`.

    Comments and blank lines after that line stay below it, where they introduce whatever
    follows. Without a header line for the table, tomlkit places the key.
    """
    lines = text.splitlines(keepends=True)
    headers = [i for i, line in enumerate(lines) if _header_path(line) is not None]
    start = next((i for i in headers if _header_path(lines[i]) == tables), None)
    if start is None:
        document = tomlkit.parse(text)
        node: Any = document
        for table in tables:
            node = node[table]
        node[name] = value
        return tomlkit.dumps(document)
    end = next((i for i in headers if i > start), len(lines))
    content = [i for i in range(start + 1, end) if lines[i].strip()[:1] not in ("", "#")]
    after = content[-1] if content else start
    newline = "\r\n" if lines[after].endswith("\r\n") else "\n"
    if not lines[after].endswith(("\n", "\r")):
        lines[after] += newline  # the file's last line had no line end
    line = tomlkit.dumps({name: value}).rstrip("\r\n") + newline
    lines.insert(after + 1, line)
    return "".join(lines)


def _header_path(line: str) -> list[str] | None:
    """The table path of a `[a.b]` header line (an array of tables counts, so it ends the
    table before it), or None for any other line."""
    stripped = line.strip()
    if not stripped.startswith("["):
        return None
    try:
        parsed: Any = tomllib.loads(stripped)
    except tomllib.TOMLDecodeError:
        return None  # a line inside a multi-line array, say
    path: list[str] = []
    while isinstance(parsed, dict) and len(parsed) == 1:
        ((key, parsed),) = parsed.items()
        path.append(key)
        if isinstance(parsed, list):
            parsed = parsed[0]
    return path if isinstance(parsed, dict) and not parsed else None


def _replace_atomically(path: Path, content: bytes) -> None:
    """A temp file beside `path`, synced, then renamed over it with the old permissions."""
    try:
        mode: int | None = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None  # a new file keeps mkstemp's user-only permissions
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        if mode is not None:
            temp.chmod(mode)
        temp.replace(path)  # os.replace: atomic on POSIX and Windows
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_directory(path.parent)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); other systems have no directory handles."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


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
        data = tomllib.loads(_read_text(path))
        _check_depth(data)
    except FileNotFoundError:
        raise
    except (_Unusable, OSError) as error:
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


class _Unusable(Exception):
    """A settings file that is there but can't be used; the message says why."""


def _read_text(path: Path) -> str:
    # Non-blocking, so opening a FIFO returns at once; only regular files are read.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise _Unusable(_("it is a folder, not a file"))
        if not stat.S_ISREG(mode):
            raise _Unusable(_("it is not a regular file but a pipe, device or socket"))
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as file:
        content = file.read(MAX_SETTINGS_BYTES + 1)
    if len(content) > MAX_SETTINGS_BYTES:
        message = _("it is larger than {size} KiB, too large for a settings file")
        raise _Unusable(message.format(size=MAX_SETTINGS_BYTES // 1024))
    try:
        # A byte order mark, which some Windows editors add, is not content.
        text = content.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        message = _("it is not UTF-8 text: byte 0x{byte} at position {position}")
        byte = f"{content[error.start]:02x}"
        raise _Unusable(message.format(byte=byte, position=error.start)) from None
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_SETTINGS_LINE:
            message = _("line {line} is longer than {length} characters")
            raise _Unusable(message.format(line=number, length=MAX_SETTINGS_LINE))
    return text


def _check_depth(data: dict[str, Any]) -> None:
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


def _default_text() -> str:
    return asset("default-config.toml").read_text(encoding="utf-8")


def _write_default(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asset("default-config.toml"), path)
    except OSError as error:
        log.warning("could not write the default config to %s: %s", path, error)
    else:
        log.info("wrote the default config to %s", path)
