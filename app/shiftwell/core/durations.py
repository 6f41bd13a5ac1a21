"""Human durations such as `25m`, `90s`, `1h30m` — in config files and on the command line."""

from __future__ import annotations

import re
from datetime import timedelta

from shiftwell.core.i18n import _, marked

_PATTERN = re.compile(
    r"""^\s*
    (?:(?P<h>\d+(?:\.\d+)?)\s*h)?\s*
    (?:(?P<m>\d+(?:\.\d+)?)\s*m)?\s*
    (?:(?P<s>\d+(?:\.\d+)?)\s*s)?\s*$""",
    re.VERBOSE | re.IGNORECASE,
)

EXAMPLES = marked("e.g. 90s, 25m, 1h30m")  # shown translated: `_(EXAMPLES)`


class DurationError(ValueError):
    """A duration string that cannot be read; the message says what is allowed."""


def parse_duration(text: str) -> timedelta:
    """Read `1h30m`, `25m`, `90s`, `1.5h` (units h, m, s in that order)."""
    match = _PATTERN.match(text)
    if not text.strip() or match is None or not any(match.group(u) for u in "hms"):
        message = _("{value} is not a duration ({examples})")
        raise DurationError(message.format(value=repr(text), examples=_(EXAMPLES)))
    hours, minutes, seconds = (float(match.group(u) or 0) for u in "hms")
    try:
        return timedelta(hours=hours, minutes=minutes, seconds=seconds)
    except OverflowError:  # beyond timedelta's 999999999 days
        message = _("{value} is too long to be a duration")
        raise DurationError(message.format(value=repr(text))) from None


def to_setting(value: timedelta) -> str:
    """A length as a setting is written (and read back by `parse_duration`), at whole-second
    precision: 5400 s -> `1h30m`.

    Lengths shown to people have their own words: time left on screen `ui.text.span`, time
    worked `ui.text.worked`, a length in the week's report `report.words.length_in_minutes`."""
    total = round(value.total_seconds())
    if total < 0:
        raise ValueError("negative duration")
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{n}{unit}" for n, unit in ((hours, "h"), (minutes, "m"), (seconds, "s")) if n]
    return "".join(parts) or "0s"
