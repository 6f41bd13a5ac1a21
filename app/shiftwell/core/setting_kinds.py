"""The kinds of value a setting can hold: how each is read from TOML (with the sentence to
show when it can't be), written back, described in README and edited in the dialog.
`settings_spec.py` gives each key its kind."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta, tzinfo
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from shiftwell.core.durations import EXAMPLES, DurationError, parse_duration, to_setting
from shiftwell.core.i18n import _, marked
from shiftwell.core.plan import (
    BREAK_HELP,
    ROTATION_HELP,
    parse_breaks_by_day,
    parse_fixed_breaks,
    parse_rotation,
    write_breaks_by_day,
    write_fixed_breaks,
    write_rotation,
)
from shiftwell.core.schedule import (
    SPAN_HELP,
    DaysOff,
    Span,
    parse_days_off,
    parse_spans,
)


class Strictness(StrEnum):
    GENTLE = "gentle"  # dismiss any time
    NORMAL = "normal"  # skip and postpone only after a few seconds of the break
    STRICT = "strict"  # no skip, no postpone


class BreakMode(StrEnum):
    INTERVAL = "interval"  # breaks after so much focus time (micro and long)
    SCHEDULED = "scheduled"  # only the breaks at fixed times
    BOTH = "both"


HOOK_EVENTS = ("shift_start", "break_start", "break_end", "wrap_up", "logoff", "overtime")

Reader = Callable[[Any], Any]  # TOML value -> typed value; ValueError with the message to show
Writer = Callable[[Any], Any]  # typed value -> the TOML value that reads back as it


@dataclass(frozen=True)
class Kind:
    """A kind of value: how it is read and written, what is allowed, and which editor the
    settings dialog gives it."""

    read: Reader
    write: Writer
    allowed: str  # for README, in its Markdown
    # duration, number, check, choice, spans, list, zone, command, text; breaks,
    # breaks_by_day and rotation (a line per break, weekday or week)
    editor: str
    hint: str = ""  # marked; an example shown in an empty editor
    choices: tuple[tuple[str, str], ...] = ()  # (value, marked label) for a choice


def _out_of_range(value: str, minimum: str, maximum: str) -> ValueError:
    message = _("{value} is out of range ({minimum} to {maximum})")
    return ValueError(message.format(value=value, minimum=minimum, maximum=maximum))


def duration(minimum: timedelta, maximum: timedelta) -> Kind:
    def read(value: Any) -> timedelta:
        if not isinstance(value, str):
            message = _("{value} must be a duration string ({examples})")
            raise ValueError(message.format(value=repr(value), examples=_(EXAMPLES)))
        try:
            result = parse_duration(value)
        except DurationError as error:
            raise ValueError(str(error)) from None
        if not minimum <= result <= maximum:
            raise _out_of_range(repr(value), to_setting(minimum), to_setting(maximum))
        return result

    allowed = f"`{to_setting(minimum)}` to `{to_setting(maximum)}`"
    return Kind(read, to_setting, allowed, "duration", EXAMPLES)


def durations(minimum: timedelta, maximum: timedelta) -> Kind:
    one = duration(minimum, maximum)

    def read(value: Any) -> tuple[timedelta, ...]:
        if not isinstance(value, list):
            message = _('{value} must be a list of durations, e.g. ["15m", "5m", "1m"]')
            raise ValueError(message.format(value=repr(value)))
        return tuple(sorted({one.read(item) for item in value}, reverse=True))

    def write(value: tuple[timedelta, ...]) -> list[str]:
        return [to_setting(item) for item in value]

    allowed = f"a list of durations, each {one.allowed} (`[]`: none)"
    return Kind(read, write, allowed, "list", marked("e.g. 15m, 5m, 1m"))


def integer(minimum: int, maximum: int) -> Kind:
    def read(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            message = _("{value} must be a whole number from {minimum} to {maximum}")
            raise ValueError(message.format(value=repr(value), minimum=minimum, maximum=maximum))
        if not minimum <= value <= maximum:
            raise _out_of_range(str(value), str(minimum), str(maximum))
        return value

    return Kind(read, int, f"`{minimum}` to `{maximum}`", "number")


def _read_boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(_("{value} must be true or false").format(value=repr(value)))
    return value


BOOLEAN = Kind(_read_boolean, bool, "`true`, `false`", "check")


def choice(options: type[StrEnum], labels: Mapping[Any, str]) -> Kind:
    def read(value: Any) -> StrEnum:
        try:
            return options(value)
        except ValueError:
            allowed = ", ".join(repr(o.value) for o in options)
            message = _("{value} is not one of {allowed}")
            raise ValueError(message.format(value=repr(value), allowed=allowed)) from None

    allowed = ", ".join(f'`"{o.value}"`' for o in options)
    choices = tuple((o.value, labels[o]) for o in options)
    return Kind(read, lambda value: value.value, allowed, "choice", choices=choices)


def _read_argv(value: Any) -> tuple[str, ...]:
    """A command as an argument list; it is run directly, never through a shell."""
    if not isinstance(value, list) or not all(isinstance(a, str) and a for a in value):
        message = _(
            '{value} must be a command as a list of strings, e.g. ["loginctl", "lock-session"]'
        )
        raise ValueError(message.format(value=repr(value)))
    return tuple(value)


COMMAND = Kind(_read_argv, list, "a command", "command")


def _read_spans(value: Any) -> Any:
    if not isinstance(value, str):
        message = _('{value} must be a string such as "09:00-17:00" or "off"')
        raise ValueError(message.format(value=repr(value)))
    return parse_spans(value)


def format_spans(spans: tuple[Span, ...]) -> str:
    """The inverse of `parse_spans`: `"09:00-12:00, 13:00-17:00"`, or `"off"`."""
    return ", ".join(str(span) for span in spans) if spans else "off"


SPANS = Kind(
    _read_spans,
    format_spans,
    '`"off"`, or one or more `"HH:MM-HH:MM"` spans separated by commas, not overlapping',
    "spans",
    SPAN_HELP,
)


def format_days_off(days_off: DaysOff) -> str:
    if days_off.first == days_off.last:
        return days_off.first.isoformat()
    return f"{days_off.first.isoformat()}..{days_off.last.isoformat()}"


DAYS_OFF = Kind(
    parse_days_off,
    lambda days: [format_days_off(d) for d in days],
    'dates `"2026-12-24"` and ranges `"2026-12-27..2027-01-02"` (both ends included)',
    "list",
    marked("e.g. 2026-12-24, 2026-12-27..2027-01-02"),
)


def _read_timezone(value: Any) -> tzinfo:
    if not isinstance(value, str):
        message = _('{value} must be a time zone name such as "Europe/Berlin"')
        raise ValueError(message.format(value=repr(value)))
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "Europe" is a directory of zones
        message = _('{value} is not a known time zone (e.g. "Europe/Berlin")')
        raise ValueError(message.format(value=repr(value))) from None


def _write_timezone(tz: tzinfo) -> str | None:
    """A zone without an IANA name (a fixed offset, or `datetime.UTC`) is not written, so it
    reads back as the computer's zone."""
    return tz.key if isinstance(tz, ZoneInfo) and tz.key else None


TIMEZONE = Kind(
    _read_timezone,
    _write_timezone,
    'an IANA zone name, e.g. `"Europe/Berlin"`',
    "zone",
    marked("This computer's time zone"),
)


FIXED_BREAKS = Kind(
    parse_fixed_breaks,
    write_fixed_breaks,
    'a list of `"HH:MM LENGTH"` breaks, `lunch` after the length for a lunch, not '
    "overlapping, each inside a shift",
    "breaks",
    BREAK_HELP,
)

BREAKS_BY_DAY = Kind(
    parse_breaks_by_day,
    write_breaks_by_day,
    "a table of weekdays, each a list of breaks as in `schedule.breaks`",
    "breaks_by_day",
)

ROTATION = Kind(
    parse_rotation,
    write_rotation,
    '`{from = "YYYY-MM-DD", weeks = [{monday = "09:00-17:00", ...}, ...]}`, 1 to 12 weeks',
    "rotation",
    ROTATION_HELP,
)


def _read_calendar(value: Any) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not text or "\n" in text:
        message = _('{value} must be a calendar address ("https://...") or a file path')
        raise ValueError(message.format(value=repr(value)))
    if "://" in text and not text.lower().startswith(("https://", "http://", "file://")):
        message = _("{value} is not an http(s) address or a file path")
        raise ValueError(message.format(value=repr(value)))
    return text


CALENDAR = Kind(
    _read_calendar,
    str,
    "an `https://` address or a file path",
    "text",
    marked("e.g. https://wfm.example.com/agent.ics or ~/shifts.ics"),
)


def _read_words(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        message = _('{value} must be a list of words, e.g. ["break", "pause"]')
        raise ValueError(message.format(value=repr(value)))
    return tuple(word.strip().lower() for word in value)


WORDS = Kind(_read_words, list, "a list of words (matched in titles, any case)", "list")

# --- the keys ------------------------------------------------------------------------------
