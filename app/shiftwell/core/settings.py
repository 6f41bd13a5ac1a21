"""Typed settings and their validation.

A problem in one key never stops the app: that key keeps its default and the problem is
reported with the file, the key, the bad value and what is allowed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, timedelta, tzinfo
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from shiftwell.core.durations import EXAMPLES, DurationError, parse_duration, to_setting
from shiftwell.core.i18n import _
from shiftwell.core.schedule import (
    WEEKDAYS,
    DaysOff,
    Span,
    WeeklySchedule,
    night_overlap,
    parse_days_off,
    parse_spans,
)


class Strictness(StrEnum):
    GENTLE = "gentle"  # dismiss any time
    NORMAL = "normal"  # skip and postpone only after a few seconds of the break
    STRICT = "strict"  # no skip, no postpone


@dataclass(frozen=True)
class BreakRule:
    every: timedelta
    length: timedelta


@dataclass(frozen=True)
class BreakPolicy:
    strictness: Strictness = Strictness.NORMAL
    warning: timedelta = timedelta(seconds=30)
    skip_delay: timedelta = timedelta(seconds=5)
    allow_skip: bool = True
    allow_postpone: bool = True
    max_skips_per_day: int = 0  # 0: no cap


@dataclass(frozen=True)
class LogoffPolicy:
    warnings: tuple[timedelta, ...] = (
        timedelta(minutes=15),
        timedelta(minutes=5),
        timedelta(minutes=1),
    )
    strict: bool = False
    action: tuple[str, ...] = ()
    action_timeout: timedelta = timedelta(seconds=10)


@dataclass(frozen=True)
class OvertimePolicy:
    step: timedelta = timedelta(minutes=15)
    weekly_cap: timedelta = timedelta(hours=2)


HOOK_EVENTS = ("shift_start", "break_start", "break_end", "wrap_up", "logoff", "overtime")


@dataclass(frozen=True)
class Settings:
    schedule: WeeklySchedule = field(default_factory=lambda: WeeklySchedule(UTC))
    auto_start: bool = True
    shift_length: timedelta = timedelta(hours=8)
    micro: BreakRule = BreakRule(every=timedelta(minutes=20), length=timedelta(seconds=20))
    long: BreakRule = BreakRule(every=timedelta(minutes=50), length=timedelta(minutes=10))
    postpone_step: timedelta = timedelta(minutes=5)
    postpone_limit: int = 3
    breaks: BreakPolicy = BreakPolicy()
    logoff: LogoffPolicy = LogoffPolicy()
    overtime: OvertimePolicy = OvertimePolicy()
    natural_breaks: bool = True
    detect_calls: bool = False
    call_grace: timedelta = timedelta(seconds=30)
    checkin: bool = True
    sounds: bool = True
    notify_breaks: bool = True
    week_review: bool = True  # open the weekly review after the week's last shift
    hooks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class SettingProblem:
    source: str
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.key}: {self.message}"


@dataclass
class LoadedSettings:
    settings: Settings
    problems: list[SettingProblem] = field(default_factory=list)
    locked: frozenset[str] = frozenset()  # dotted keys fixed by a team policy


Reader = Callable[[Any], Any]


def _duration(minimum: timedelta, maximum: timedelta) -> Reader:
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

    return read


def _durations(minimum: timedelta, maximum: timedelta) -> Reader:
    one = _duration(minimum, maximum)

    def read(value: Any) -> tuple[timedelta, ...]:
        if not isinstance(value, list):
            message = _('{value} must be a list of durations, e.g. ["15m", "5m", "1m"]')
            raise ValueError(message.format(value=repr(value)))
        return tuple(sorted({one(item) for item in value}, reverse=True))

    return read


def _integer(minimum: int, maximum: int) -> Reader:
    def read(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            message = _("{value} must be a whole number from {minimum} to {maximum}")
            raise ValueError(message.format(value=repr(value), minimum=minimum, maximum=maximum))
        if not minimum <= value <= maximum:
            raise _out_of_range(str(value), str(minimum), str(maximum))
        return value

    return read


def _out_of_range(value: str, minimum: str, maximum: str) -> ValueError:
    message = _("{value} is out of range ({minimum} to {maximum})")
    return ValueError(message.format(value=value, minimum=minimum, maximum=maximum))


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(_("{value} must be true or false").format(value=repr(value)))
    return value


def _choice(options: type[StrEnum]) -> Reader:
    def read(value: Any) -> StrEnum:
        try:
            return options(value)
        except ValueError:
            allowed = ", ".join(repr(o.value) for o in options)
            message = _("{value} is not one of {allowed}")
            raise ValueError(message.format(value=repr(value), allowed=allowed)) from None

    return read


def _argv(value: Any) -> tuple[str, ...]:
    """A command as an argument list; it is run directly, never through a shell."""
    if not isinstance(value, list) or not all(isinstance(a, str) and a for a in value):
        message = _(
            '{value} must be a command as a list of strings, e.g. ["loginctl", "lock-session"]'
        )
        raise ValueError(message.format(value=repr(value)))
    return tuple(value)


def _spans(value: Any) -> Any:
    if not isinstance(value, str):
        message = _('{value} must be a string such as "09:00-17:00" or "off"')
        raise ValueError(message.format(value=repr(value)))
    return parse_spans(value)


def _timezone(value: Any) -> tzinfo:
    if not isinstance(value, str):
        message = _('{value} must be a time zone name such as "Europe/Berlin"')
        raise ValueError(message.format(value=repr(value)))
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "Europe" is a directory of zones
        message = _('{value} is not a known time zone (e.g. "Europe/Berlin")')
        raise ValueError(message.format(value=repr(value))) from None


_SECOND, _MINUTE, _HOUR = timedelta(seconds=1), timedelta(minutes=1), timedelta(hours=1)

# Dotted key -> reader. The dotted key is the TOML table path plus the key.
_READERS: dict[str, Reader] = {
    "schedule.timezone": _timezone,
    **{f"schedule.{day}": _spans for day in WEEKDAYS},
    "schedule.days_off": parse_days_off,
    "shift.auto_start": _boolean,
    "shift.length": _duration(_MINUTE, 16 * _HOUR),
    "breaks.micro.every": _duration(_MINUTE, 4 * _HOUR),
    "breaks.micro.length": _duration(5 * _SECOND, 30 * _MINUTE),
    "breaks.long.every": _duration(5 * _MINUTE, 8 * _HOUR),
    "breaks.long.length": _duration(_MINUTE, 2 * _HOUR),
    "breaks.postpone": _duration(30 * _SECOND, _HOUR),
    "breaks.max_postpones": _integer(0, 20),
    "breaks.strictness": _choice(Strictness),
    "breaks.warning": _duration(timedelta(0), 10 * _MINUTE),
    "breaks.skip_delay": _duration(timedelta(0), 5 * _MINUTE),
    "breaks.allow_skip": _boolean,
    "breaks.allow_postpone": _boolean,
    "breaks.max_skips_per_day": _integer(0, 100),
    "breaks.natural": _boolean,
    "logoff.warnings": _durations(_MINUTE, 2 * _HOUR),
    "logoff.strict": _boolean,
    "logoff.action": _argv,
    "logoff.action_timeout": _duration(_SECOND, 5 * _MINUTE),
    "overtime.step": _duration(_MINUTE, 4 * _HOUR),
    "overtime.weekly_cap": _duration(timedelta(0), 40 * _HOUR),
    "calls.detect_microphone": _boolean,
    "calls.grace": _duration(timedelta(0), 10 * _MINUTE),
    "checkin.enabled": _boolean,
    "sounds.enabled": _boolean,
    "notifications.breaks": _boolean,
    "stats.open_after_last_shift": _boolean,
    **{f"hooks.{event}": _argv for event in HOOK_EVENTS},
}

# Tables whose values are lists: flattening stops at these keys.
_LEAF_KEYS = frozenset(_READERS)


def _flatten(data: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, Mapping) and dotted not in _LEAF_KEYS:
            yield from _flatten(value, f"{dotted}.")
        else:
            yield dotted, value


def settings_from_mapping(
    data: Mapping[str, Any], source: str, local_tz: tzinfo = UTC
) -> LoadedSettings:
    """Validate a parsed TOML document into `Settings`; bad keys fall back one by one."""
    problems: list[SettingProblem] = []
    values = _read_values(data, source, problems)
    _part_overlapping_nights(values, problems, lambda _key: source)
    return LoadedSettings(_build(values, problems, source, local_tz), problems)


def _part_overlapping_nights(
    values: dict[str, Any],
    problems: list[SettingProblem],
    source_of: Callable[[str], str],
    locked: frozenset[str] = frozenset(),
) -> None:
    """A night shift must end before the next day's first shift starts (Sunday runs into
    Monday). Where one doesn't, the later day's key falls back to its default (or to no
    shift, if the default overlaps too), unless only that day is fixed by the team policy:
    then the night shift's key falls back. Each fallback is reported once, like an overlap
    within a day."""
    defaults = Settings().schedule.days
    keys = [f"schedule.{day}" for day in WEEKDAYS]

    def spans(index: int) -> tuple[Span, ...]:
        found: tuple[Span, ...] = values.get(keys[index], defaults[index])
        return found

    for _round in range(2 * len(WEEKDAYS)):  # each round settles one key for good
        clash = next(
            (day for day in range(7) if night_overlap(spans(day), spans((day + 1) % 7))), None
        )
        if clash is None:
            return
        later = (clash + 1) % 7
        only_later_locked = keys[later] in locked and keys[clash] not in locked
        blamed, other = (clash, later) if only_later_locked else (later, clash)
        fallback = defaults[blamed]
        message = _(
            "{value} overlaps {other_key} = {other_value} across midnight; using the default"
        )
        if blamed == later and night_overlap(spans(clash), fallback):
            fallback = ()
            message = _(
                "{value} overlaps {other_key} = {other_value} across midnight; no shift that day"
            )
        text = message.format(
            value=repr(format_spans(spans(blamed))),
            other_key=keys[other],
            other_value=repr(format_spans(spans(other))),
        )
        problems.append(SettingProblem(source_of(keys[blamed]), keys[blamed], text))
        values[keys[blamed]] = fallback


def _read_values(
    data: Mapping[str, Any], source: str, problems: list[SettingProblem]
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, raw in _flatten(data):
        reader = _READERS.get(key)
        if reader is None:
            problems.append(SettingProblem(source, key, _unknown_key(key)))
            continue
        try:
            values[key] = reader(raw)
        except ValueError as error:
            message = _("{problem}; using the default").format(problem=error)
            problems.append(SettingProblem(source, key, message))
    return values


def _unknown_key(key: str) -> str:
    """What to say about a key Shiftwell doesn't read: the keys it reads beside it."""
    section = key.rsplit(".", 1)[0] + "."
    siblings = sorted(k for k in _READERS if k.startswith(section))
    known = siblings or sorted({k.split(".")[0] for k in _READERS})
    return _("unknown key (known keys here: {known_keys})").format(known_keys=", ".join(known))


def _build(
    values: dict[str, Any], problems: list[SettingProblem], source: str, local_tz: tzinfo
) -> Settings:
    defaults = Settings()
    get = values.get
    micro = BreakRule(
        get("breaks.micro.every", defaults.micro.every),
        get("breaks.micro.length", defaults.micro.length),
    )
    long = BreakRule(
        get("breaks.long.every", defaults.long.every),
        get("breaks.long.length", defaults.long.length),
    )
    if micro.length >= long.length:
        problems.append(
            SettingProblem(
                source,
                "breaks.micro.length",
                _("must be shorter than {long_key}; using the defaults for both").format(
                    long_key=_LONG_LENGTH
                ),
            )
        )
        micro = BreakRule(micro.every, defaults.micro.length)
        long = BreakRule(long.every, defaults.long.length)
    days = dict(defaults.schedule.days)
    for index, day in enumerate(WEEKDAYS):
        days[index] = get(f"schedule.{day}", days[index])
    schedule = WeeklySchedule(
        tz=get("schedule.timezone", local_tz),
        days=days,
        days_off=get("schedule.days_off", ()),
    )
    b = defaults.breaks
    breaks = BreakPolicy(
        strictness=get("breaks.strictness", b.strictness),
        warning=get("breaks.warning", b.warning),
        skip_delay=get("breaks.skip_delay", b.skip_delay),
        allow_skip=get("breaks.allow_skip", b.allow_skip),
        allow_postpone=get("breaks.allow_postpone", b.allow_postpone),
        max_skips_per_day=get("breaks.max_skips_per_day", b.max_skips_per_day),
    )
    lo = defaults.logoff
    logoff = LogoffPolicy(
        warnings=get("logoff.warnings", lo.warnings),
        strict=get("logoff.strict", lo.strict),
        action=get("logoff.action", lo.action),
        action_timeout=get("logoff.action_timeout", lo.action_timeout),
    )
    overtime = OvertimePolicy(
        step=get("overtime.step", defaults.overtime.step),
        weekly_cap=get("overtime.weekly_cap", defaults.overtime.weekly_cap),
    )
    hooks = {e: values[f"hooks.{e}"] for e in HOOK_EVENTS if f"hooks.{e}" in values}
    return Settings(
        schedule=schedule,
        auto_start=get("shift.auto_start", defaults.auto_start),
        shift_length=get("shift.length", defaults.shift_length),
        micro=micro,
        long=long,
        postpone_step=get("breaks.postpone", defaults.postpone_step),
        postpone_limit=get("breaks.max_postpones", defaults.postpone_limit),
        breaks=breaks,
        logoff=logoff,
        overtime=overtime,
        natural_breaks=get("breaks.natural", defaults.natural_breaks),
        detect_calls=get("calls.detect_microphone", defaults.detect_calls),
        call_grace=get("calls.grace", defaults.call_grace),
        checkin=get("checkin.enabled", defaults.checkin),
        sounds=get("sounds.enabled", defaults.sounds),
        notify_breaks=get("notifications.breaks", defaults.notify_breaks),
        week_review=get("stats.open_after_last_shift", defaults.week_review),
        hooks=hooks,
    )


# --- one key at a time, and back to TOML ---------------------------------------------------

_SECTIONS = tuple(dict.fromkeys(key.split(".")[0] for key in _READERS))

# Every dotted key Shiftwell reads, in the order a TOML file lists them (and the default file
# does): section by section, a table's own keys before its sub-tables.
KNOWN_KEYS: tuple[str, ...] = tuple(
    sorted(_READERS, key=lambda key: (_SECTIONS.index(key.split(".")[0]), key.count(".")))
)

_MICRO_LENGTH, _LONG_LENGTH = "breaks.micro.length", "breaks.long.length"


def validate_value(key: str, raw: Any) -> Any:
    """The typed value of `raw` for `key`; ValueError with the text a settings problem shows."""
    reader = _READERS.get(key)
    if reader is None:
        raise ValueError(_unknown_key(key))
    return reader(raw)


def cross_key_problems(values: Mapping[str, Any]) -> dict[str, str]:
    """Rules between keys, for typed `values` by dotted key (missing keys: their defaults).

    Returns dotted key -> message; `settings_from_mapping` falls back when one is broken.
    """
    defaults = Settings()
    micro = values.get(_MICRO_LENGTH, defaults.micro.length)
    long = values.get(_LONG_LENGTH, defaults.long.length)
    if micro >= long:
        message = _("must be shorter than {long_key} ({long_length})")
        return {_MICRO_LENGTH: message.format(long_key=_LONG_LENGTH, long_length=to_setting(long))}
    return {}


def format_spans(spans: tuple[Span, ...]) -> str:
    """The inverse of `parse_spans`: `"09:00-12:00, 13:00-17:00"`, or `"off"`."""
    return ", ".join(str(span) for span in spans) if spans else "off"


def format_days_off(days_off: DaysOff) -> str:
    if days_off.first == days_off.last:
        return days_off.first.isoformat()
    return f"{days_off.first.isoformat()}..{days_off.last.isoformat()}"


def settings_to_dotted(settings: Settings) -> dict[str, Any]:
    """Every key as the TOML value that reads back as `settings`, in `KNOWN_KEYS` order.

    Durations keep whole seconds. A time zone without an IANA name (a fixed offset, or UTC
    as `datetime.UTC`) is left out, so it reads back as the computer's zone.
    """
    s, duration = settings, to_setting
    values: dict[str, Any] = {}
    tz = s.schedule.tz
    if isinstance(tz, ZoneInfo) and tz.key:
        values["schedule.timezone"] = tz.key
    for index, day in enumerate(WEEKDAYS):
        values[f"schedule.{day}"] = format_spans(s.schedule.days.get(index, ()))
    values["schedule.days_off"] = [format_days_off(d) for d in s.schedule.days_off]
    values |= {
        "shift.auto_start": s.auto_start,
        "shift.length": duration(s.shift_length),
        "breaks.micro.every": duration(s.micro.every),
        "breaks.micro.length": duration(s.micro.length),
        "breaks.long.every": duration(s.long.every),
        "breaks.long.length": duration(s.long.length),
        "breaks.postpone": duration(s.postpone_step),
        "breaks.max_postpones": s.postpone_limit,
        "breaks.strictness": s.breaks.strictness.value,
        "breaks.warning": duration(s.breaks.warning),
        "breaks.skip_delay": duration(s.breaks.skip_delay),
        "breaks.allow_skip": s.breaks.allow_skip,
        "breaks.allow_postpone": s.breaks.allow_postpone,
        "breaks.max_skips_per_day": s.breaks.max_skips_per_day,
        "breaks.natural": s.natural_breaks,
        "logoff.warnings": [duration(w) for w in s.logoff.warnings],
        "logoff.strict": s.logoff.strict,
        "logoff.action": list(s.logoff.action),
        "logoff.action_timeout": duration(s.logoff.action_timeout),
        "overtime.step": duration(s.overtime.step),
        "overtime.weekly_cap": duration(s.overtime.weekly_cap),
        "calls.detect_microphone": s.detect_calls,
        "calls.grace": duration(s.call_grace),
        "checkin.enabled": s.checkin,
        "sounds.enabled": s.sounds,
        "notifications.breaks": s.notify_breaks,
        "stats.open_after_last_shift": s.week_review,
    }
    values |= {f"hooks.{event}": list(argv) for event, argv in s.hooks.items()}
    return {key: values[key] for key in KNOWN_KEYS if key in values}


def nest(dotted: Mapping[str, Any]) -> dict[str, Any]:
    """`{"breaks.micro.every": "20m"}` -> `{"breaks": {"micro": {"every": "20m"}}}`."""
    root: dict[str, Any] = {}
    for key, value in dotted.items():
        *tables, name = key.split(".")
        node = root
        for table in tables:
            node = node.setdefault(table, {})
        node[name] = value
    return root


def settings_to_mapping(settings: Settings) -> dict[str, Any]:
    """`settings` as a nested, TOML-ready mapping that `settings_from_mapping` reads back."""
    return nest(settings_to_dotted(settings))


# --- team policy ----------------------------------------------------------------------------


def apply_policy(
    user: Mapping[str, Any],
    policy: Mapping[str, Any],
    user_source: str,
    policy_source: str,
    local_tz: tzinfo = UTC,
) -> LoadedSettings:
    """The user's settings with every key named in the team policy fixed to the policy's value.

    A key the policy names is locked even when its value there is bad: it then keeps the
    default, and the problem names the policy file. A user's value for a locked key is
    ignored, and reported when it differs from what the policy sets.
    """
    problems: list[SettingProblem] = []
    fixed = _read_values(policy, policy_source, problems)
    locked = frozenset(key for key, _raw in _flatten(policy) if key in _READERS)
    entries = list(_flatten(user))
    free = nest({key: raw for key, raw in entries if key not in locked})
    values = _read_values(free, user_source, problems) | fixed
    _part_overlapping_nights(
        values,
        problems,
        lambda key: policy_source if key in locked else user_source,
        locked,
    )
    for key, raw in entries:
        if key in locked and _differs(key, raw, fixed):
            message = _("set by the team policy ({policy}); your value is ignored")
            message = message.format(policy=policy_source)
            problems.append(SettingProblem(user_source, key, message))
    _give_way_to_policy(values, locked, problems, user_source, policy_source)
    pair_locked = bool({_MICRO_LENGTH, _LONG_LENGTH} & locked)
    settings = _build(values, problems, policy_source if pair_locked else user_source, local_tz)
    return LoadedSettings(settings, problems, locked)


def _give_way_to_policy(
    values: dict[str, Any],
    locked: frozenset[str],
    problems: list[SettingProblem],
    user_source: str,
    policy_source: str,
) -> None:
    """When the user's break length clashes with the one the policy fixes, the user's goes."""
    if not cross_key_problems(values) or (_MICRO_LENGTH in locked) == (_LONG_LENGTH in locked):
        return
    if _LONG_LENGTH in locked:
        mine, theirs = _MICRO_LENGTH, _LONG_LENGTH
        message = _(
            "must be shorter than {other_key} ({other_length}), which the team policy "
            "({policy}) sets; using the default"
        )
    else:
        mine, theirs = _LONG_LENGTH, _MICRO_LENGTH
        message = _(
            "must be longer than {other_key} ({other_length}), which the team policy "
            "({policy}) sets; using the default"
        )
    if mine not in values:
        return  # the policy clashes with a default: reported against the policy
    del values[mine]
    defaults = {_MICRO_LENGTH: Settings().micro.length, _LONG_LENGTH: Settings().long.length}
    fixed = values.get(theirs, defaults[theirs])
    message = message.format(other_key=theirs, other_length=to_setting(fixed), policy=policy_source)
    problems.append(SettingProblem(user_source, mine, message))


def _differs(key: str, raw: Any, fixed: Mapping[str, Any]) -> bool:
    try:
        return key not in fixed or _READERS[key](raw) != fixed[key]
    except ValueError:
        return True
