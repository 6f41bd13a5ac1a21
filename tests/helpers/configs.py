"""Config files for tests that run the real app."""

from __future__ import annotations

from shiftwell.core.schedule import WEEKDAYS

# No scheduled shifts (so nothing starts by itself) and breaks that can be skipped at once.
UNSCHEDULED = "\n".join(
    ["[schedule]", *(f'{day} = "off"' for day in WEEKDAYS), "", "[breaks]", 'strictness = "gentle"']
)


def config(*extra: str) -> str:
    """`UNSCHEDULED` plus more TOML tables, e.g. `'[shift]\\nlength = "1m"'`."""
    return "\n\n".join([UNSCHEDULED, *extra]) + "\n"
