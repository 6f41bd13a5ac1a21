"""Config files for tests that run the real app."""

from __future__ import annotations

from shiftwell.core.schedule import WEEKDAYS

# No scheduled shifts (so nothing starts by itself), breaks that can be skipped at once, and
# no weekly review opening by itself when a shift ends (it is a process of its own, which
# these tests would leave behind; tests/integration/test_review_process.py drives it).
UNSCHEDULED = "\n".join(
    [
        "[schedule]",
        *(f'{day} = "off"' for day in WEEKDAYS),
        "",
        "[breaks]",
        'strictness = "gentle"',
        "",
        "[stats]",
        "open_after_last_shift = false",
    ]
)


def config(*extra: str) -> str:
    """`UNSCHEDULED` plus more TOML tables, e.g. `'[shift]\\nlength = "1m"'`."""
    return "\n\n".join([UNSCHEDULED, *extra]) + "\n"
