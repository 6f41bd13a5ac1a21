"""Break ideas: the shipped list, extended or replaced by the user's own file.

Both files hold one idea per line; blank lines and lines starting with `#` are skipped. A user
file whose first idea line is `!replace` replaces the shipped list instead of extending it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from shiftwell.platform.assets import asset

log = logging.getLogger(__name__)

REPLACE = "!replace"


def load_break_ideas(user_file: Path) -> list[str]:
    """The ideas to show on break screens; never empty (a bad user file falls back)."""
    shipped = _ideas(_read(asset("break-ideas.txt")))
    if not user_file.exists():
        return shipped
    try:
        own = _ideas(_read(user_file))
    except (OSError, UnicodeDecodeError) as error:
        log.warning(
            "cannot read break ideas from %s (%s); using the shipped ones", user_file, error
        )
        return shipped
    if own[:1] == [REPLACE]:
        own = own[1:]
        if not own:
            log.warning("%s says %s but lists no ideas; using the shipped ones", user_file, REPLACE)
            return shipped
        return _unique(own)
    return _unique(shipped + own)


def _read(path: Path) -> str:
    # utf-8-sig: a file saved by Notepad starts with a byte-order mark.
    return path.read_text(encoding="utf-8-sig")


def _ideas(text: str) -> list[str]:
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _unique(ideas: list[str]) -> list[str]:
    return list(dict.fromkeys(ideas))
