"""Typed settings and their validation.

A problem in one key never stops the app: that key keeps its default and the problem is
reported with the file, the key, the bad value and what is allowed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from shiftwell.core.durations import EXAMPLES, DurationError, format_duration, parse_duration


@dataclass(frozen=True)
class BreakRule:
    every: timedelta
    length: timedelta


@dataclass(frozen=True)
class Settings:
    shift_length: timedelta = timedelta(hours=8)
    micro: BreakRule = BreakRule(every=timedelta(minutes=20), length=timedelta(seconds=20))
    long: BreakRule = BreakRule(every=timedelta(minutes=50), length=timedelta(minutes=10))
    postpone_step: timedelta = timedelta(minutes=5)
    postpone_limit: int = 3
    notify_breaks: bool = True


@dataclass(frozen=True)
class SettingProblem:
    source: str
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.key}: {self.message}"


def _duration(minimum: timedelta, maximum: timedelta) -> Callable[[Any], timedelta]:
    def read(value: Any) -> timedelta:
        if not isinstance(value, str):
            raise ValueError(f"{value!r} must be a duration string ({EXAMPLES})")
        try:
            result = parse_duration(value)
        except DurationError as error:
            raise ValueError(str(error)) from None
        if not minimum <= result <= maximum:
            span = f"{format_duration(minimum)} to {format_duration(maximum)}"
            raise ValueError(f"{value!r} is out of range ({span})")
        return result

    return read


def _integer(minimum: int, maximum: int) -> Callable[[Any], int]:
    def read(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{value!r} must be a whole number from {minimum} to {maximum}")
        if not minimum <= value <= maximum:
            raise ValueError(f"{value} is out of range ({minimum} to {maximum})")
        return value

    return read


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{value!r} must be true or false")
    return value


_SECOND, _MINUTE, _HOUR = timedelta(seconds=1), timedelta(minutes=1), timedelta(hours=1)

# Dotted key -> reader. The dotted key is the TOML table path plus the key.
_READERS: dict[str, Callable[[Any], Any]] = {
    "shift.length": _duration(_MINUTE, 16 * _HOUR),
    "breaks.micro.every": _duration(_MINUTE, 4 * _HOUR),
    "breaks.micro.length": _duration(5 * _SECOND, 30 * _MINUTE),
    "breaks.long.every": _duration(5 * _MINUTE, 8 * _HOUR),
    "breaks.long.length": _duration(_MINUTE, 2 * _HOUR),
    "breaks.postpone": _duration(30 * _SECOND, _HOUR),
    "breaks.max_postpones": _integer(0, 20),
    "notifications.breaks": _boolean,
}


@dataclass
class LoadedSettings:
    settings: Settings
    problems: list[SettingProblem] = field(default_factory=list)


def _flatten(data: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from _flatten(value, f"{dotted}.")
        else:
            yield dotted, value


def settings_from_mapping(data: Mapping[str, Any], source: str) -> LoadedSettings:
    """Validate a parsed TOML document into `Settings`; bad keys fall back one by one."""
    problems: list[SettingProblem] = []
    values: dict[str, Any] = {}
    for key, raw in _flatten(data):
        reader = _READERS.get(key)
        if reader is None:
            allowed = ", ".join(sorted(_READERS))
            problems.append(SettingProblem(source, key, f"unknown key (known keys: {allowed})"))
            continue
        try:
            values[key] = reader(raw)
        except ValueError as error:
            problems.append(SettingProblem(source, key, f"{error}; using the default"))
    return LoadedSettings(_build(values, problems, source), problems)


def _build(values: dict[str, Any], problems: list[SettingProblem], source: str) -> Settings:
    defaults = Settings()
    micro = BreakRule(
        values.get("breaks.micro.every", defaults.micro.every),
        values.get("breaks.micro.length", defaults.micro.length),
    )
    long = BreakRule(
        values.get("breaks.long.every", defaults.long.every),
        values.get("breaks.long.length", defaults.long.length),
    )
    if micro.length >= long.length:
        problems.append(
            SettingProblem(
                source,
                "breaks.micro.length",
                "must be shorter than breaks.long.length; using the defaults for both",
            )
        )
        micro = BreakRule(micro.every, defaults.micro.length)
        long = BreakRule(long.every, defaults.long.length)
    return Settings(
        shift_length=values.get("shift.length", defaults.shift_length),
        micro=micro,
        long=long,
        postpone_step=values.get("breaks.postpone", defaults.postpone_step),
        postpone_limit=values.get("breaks.max_postpones", defaults.postpone_limit),
        notify_breaks=values.get("notifications.breaks", defaults.notify_breaks),
    )
