"""Settings written a line per item (in a `LinesField`): the breaks at fixed times, the breaks
by weekday and the weeks of a rotation. These only turn the lines into the TOML value the
settings file holds; whether that value is right is core's to say (`validate_value`), with the same
sentence as for the file. A line that can't even be split says which line it is.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import date
from typing import Any

import tomlkit

from shiftwell.core.i18n import marked
from shiftwell.ui.i18n import _t

BREAKS_HINT = marked("10:30 15m\n12:30 30m lunch\n15:15 15m")
BY_DAY_HINT = marked("friday: 10:30 15m, 12:00 45m lunch")
ROTATION_HINT = marked(
    'from = "2026-11-30"\n'
    '{monday = "07:00-15:00", breaks = ["11:00 30m lunch"]}\n'
    '{monday = "14:00-22:00"}'
)


def _line_problem(number: int, problem: str) -> ValueError:
    return ValueError(_t("line {number}: {problem}").format(number=number, problem=problem))


def _filled(lines: list[str]) -> list[tuple[int, str]]:
    return [(number, line.strip()) for number, line in enumerate(lines, 1) if line.strip()]


# -- schedule.breaks: one break per line ------------------------------------------------------


def breaks_from_lines(lines: list[str]) -> list[str]:
    """One break per line (commas split too, as in the file's list)."""
    return [part.strip() for _n, line in _filled(lines) for part in line.split(",") if part]


def breaks_to_text(raw: Any) -> str:
    return "\n".join(str(item) for item in raw)


# -- schedule.breaks_by_day: "friday: 10:30 15m, 12:00 45m lunch" -----------------------------


def by_day_from_lines(lines: list[str]) -> dict[str, list[str]] | None:
    """A weekday, a colon, then that day's breaks; no lines: not set."""
    table: dict[str, list[str]] = {}
    for number, line in _filled(lines):
        day, colon, breaks = line.partition(":")
        if not colon or not day.strip().isalpha():
            problem = _t("write a weekday, a colon, then its breaks (e.g. {example})")
            raise _line_problem(number, problem.format(example=_t(BY_DAY_HINT)))
        table[day.strip().lower()] = [b.strip() for b in breaks.split(",") if b.strip()]
    return table or None


def by_day_to_text(raw: Any) -> str:
    return "\n".join(f"{day}: {', '.join(breaks)}" for day, breaks in raw.items())


# -- schedule.rotation: `from = "..."`, then one week per line as a TOML inline table ---------


def rotation_from_lines(lines: list[str]) -> dict[str, Any] | None:
    """`from = "YYYY-MM-DD"` on a line, and each week as it is written in the file, one a
    line: `{monday = "07:00-15:00", breaks = ["11:00 30m lunch"]}`. No lines: not set."""
    start: Any = None
    weeks: list[Any] = []
    for number, line in _filled(lines):
        if line.startswith("from"):
            start = _toml(number, line).get("from")
            start = start.isoformat() if isinstance(start, date) else start
            continue
        week = line if line.startswith("{") else "{" + line + "}"
        weeks.append(_toml(number, f"week = {week}")["week"])
    if start is None and not weeks:
        return None
    return {"from": start, "weeks": weeks}


def rotation_to_text(raw: Any) -> str:
    lines = [f'from = "{raw.get("from", "")}"'] if isinstance(raw, Mapping) else []
    for week in raw.get("weeks", []) if isinstance(raw, Mapping) else []:
        table = tomlkit.inline_table()
        table.update(week)
        lines.append(table.as_string())
    return "\n".join(lines)


def _toml(number: int, line: str) -> dict[str, Any]:
    try:
        return tomllib.loads(line)
    except tomllib.TOMLDecodeError as error:
        raise _line_problem(number, str(error)) from None
