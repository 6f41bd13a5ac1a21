"""Saving the user's settings file: only the changed values differ afterwards, comments and
layout kept (tomlkit), the file replaced in one step.

Apart from reading (config_file.py), because tomlkit is needed only when the user saves
from the settings dialog: the tray does not keep it loaded all day.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import os
import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import InlineTable, Table
from tomlkit.toml_document import TOMLDocument

from shiftwell.core.settings import KNOWN_KEYS, validate_value
from shiftwell.platform.config_file import (
    DEFAULT_POLICY,
    Unusable,
    check_depth,
    default_text,
    locked_keys,
    read_text,
)

log = logging.getLogger(__name__)


class SettingsNotSaved(Exception):
    """A save that did not happen; the message says why, and the file is as it was."""


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
            text = read_text(target)
            bom = codecs.BOM_UTF8 if target.read_bytes()[:3] == codecs.BOM_UTF8 else b""
        else:
            text = default_text()
    except (Unusable, OSError) as error:
        raise SettingsNotSaved(f"{path} can't be read ({error}); nothing was saved") from None
    try:
        check_depth(tomllib.loads(text))
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
