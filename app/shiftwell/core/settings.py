"""Typed settings and their validation.

A problem in one key never stops the app: that key keeps its default and the problem is
reported with the file, the key, the bad value and what is allowed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import UTC, date, timedelta, tzinfo
from operator import attrgetter
from typing import Any

from shiftwell.core.durations import to_setting
from shiftwell.core.i18n import _
from shiftwell.core.plan import FixedBreak, Rotation, SettingsPlan, break_outside
from shiftwell.core.schedule import WEEKDAYS, Span, WeeklySchedule, night_overlap

# Declared with the spec; imported from here too, beside the settings they belong to.
from shiftwell.core.setting_kinds import HOOK_EVENTS as HOOK_EVENTS
from shiftwell.core.setting_kinds import BreakMode as BreakMode
from shiftwell.core.setting_kinds import Reader
from shiftwell.core.setting_kinds import Strictness as Strictness
from shiftwell.core.setting_kinds import format_days_off as format_days_off
from shiftwell.core.setting_kinds import format_spans as format_spans
from shiftwell.core.settings_spec import BREAK_LENGTHS, KEYS, SPEC, default


@dataclass(frozen=True)
class PlanSettings:
    """The schedule's fixed breaks, rotation and calendar (TOML keys under `schedule.`)."""

    breaks: tuple[FixedBreak, ...] = default("schedule.breaks")
    breaks_by_day: Mapping[int, tuple[FixedBreak, ...]] = field(default_factory=dict)
    rotation: Rotation | None = None
    calendar: str | None = None
    calendar_refresh: timedelta = default("schedule.calendar_refresh")
    calendar_shift_words: tuple[str, ...] = default("schedule.calendar_shift_words")
    calendar_break_words: tuple[str, ...] = default("schedule.calendar_break_words")
    calendar_lunch_words: tuple[str, ...] = default("schedule.calendar_lunch_words")


@dataclass(frozen=True)
class ShiftSettings:
    auto_start: bool = default("shift.auto_start")
    length: timedelta = default("shift.length")


@dataclass(frozen=True)
class BreakRule:
    every: timedelta
    length: timedelta


def _rule(kind: str) -> BreakRule:
    """The default rule of a micro or long break (immutable: fine as a shared default)."""
    return BreakRule(default(f"breaks.{kind}.every"), default(f"breaks.{kind}.length"))


@dataclass(frozen=True)
class BreakPolicy:
    micro: BreakRule = _rule("micro")
    long: BreakRule = _rule("long")
    postpone: timedelta = default("breaks.postpone")
    max_postpones: int = default("breaks.max_postpones")
    strictness: Strictness = default("breaks.strictness")
    warning: timedelta = default("breaks.warning")
    skip_delay: timedelta = default("breaks.skip_delay")
    allow_skip: bool = default("breaks.allow_skip")
    allow_postpone: bool = default("breaks.allow_postpone")
    max_skips_per_day: int = default("breaks.max_skips_per_day")  # 0: no cap
    mode: BreakMode = default("breaks.mode")
    announce_fixed: timedelta = default("breaks.announce_fixed")
    natural: bool = default("breaks.natural")


@dataclass(frozen=True)
class LogoffPolicy:
    warnings: tuple[timedelta, ...] = default("logoff.warnings")
    strict: bool = default("logoff.strict")
    action: tuple[str, ...] = default("logoff.action")
    action_timeout: timedelta = default("logoff.action_timeout")


@dataclass(frozen=True)
class OvertimePolicy:
    step: timedelta = default("overtime.step")
    weekly_cap: timedelta = default("overtime.weekly_cap")


@dataclass(frozen=True)
class CallSettings:
    detect_microphone: bool = default("calls.detect_microphone")
    grace: timedelta = default("calls.grace")


@dataclass(frozen=True)
class CheckinSettings:
    enabled: bool = default("checkin.enabled")


@dataclass(frozen=True)
class SoundSettings:
    enabled: bool = default("sounds.enabled")


@dataclass(frozen=True)
class NotificationSettings:
    breaks: bool = default("notifications.breaks")


@dataclass(frozen=True)
class StatsSettings:
    open_after_last_shift: bool = default("stats.open_after_last_shift")


@dataclass(frozen=True)
class Settings:
    """Typed settings; an attribute path is the TOML key (`settings.breaks.micro.every`),
    except the schedule (a `WeeklySchedule`, with its fixed breaks, rotation and calendar in
    `plan`) and the hooks (event -> command)."""

    schedule: WeeklySchedule = field(default_factory=lambda: WeeklySchedule(UTC))
    plan: PlanSettings = PlanSettings()
    shift: ShiftSettings = ShiftSettings()
    breaks: BreakPolicy = BreakPolicy()
    logoff: LogoffPolicy = LogoffPolicy()
    overtime: OvertimePolicy = OvertimePolicy()
    calls: CallSettings = CallSettings()
    checkin: CheckinSettings = CheckinSettings()
    sounds: SoundSettings = SoundSettings()
    notifications: NotificationSettings = NotificationSettings()
    stats: StatsSettings = StatsSettings()
    hooks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def settings_plan(settings: Settings) -> SettingsPlan:
    """The day plan the settings write (the weekly days or rotation, and fixed breaks)."""
    plan = settings.plan
    return SettingsPlan(settings.schedule, plan.breaks, plan.breaks_by_day, plan.rotation)


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


# Dotted key -> reader. The dotted key is the TOML table path plus the key.
_READERS: dict[str, Reader] = {key.key: key.kind.read for key in KEYS}

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
    _drop_breaks_outside_shifts(values, problems, lambda _key: source)
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


def _drop_breaks_outside_shifts(
    values: dict[str, Any], problems: list[SettingProblem], source_of: Callable[[str], str]
) -> None:
    """A fixed break must lie inside a shift of every working day it applies to (in the
    weekly days, or in each week of the rotation without breaks of its own). Where one does
    not, its key falls back to its default, and the break and the day are named."""
    schedule = WeeklySchedule(
        UTC,
        {
            i: values.get(f"schedule.{d}", Settings().schedule.days[i])
            for i, d in enumerate(WEEKDAYS)
        },
    )
    for key in ("schedule.breaks_by_day", "schedule.breaks"):  # by day first: it wins
        plan = SettingsPlan(
            schedule,
            values.get("schedule.breaks", ()),
            values.get("schedule.breaks_by_day", {}),
            values.get("schedule.rotation"),
        )
        stray = _first_stray_break(plan, by_day=key == "schedule.breaks_by_day")
        if stray is None:
            continue
        fixed, weekday, spans = stray
        message = _("{value} is outside the shifts on {day} ({spans}); using the default")
        text = message.format(
            value=repr(str(fixed)), day=WEEKDAYS[weekday], spans=repr(format_spans(spans))
        )
        problems.append(SettingProblem(source_of(key), key, text))
        del values[key]


def _first_stray_break(
    plan: SettingsPlan, *, by_day: bool
) -> tuple[FixedBreak, int, tuple[Span, ...]] | None:
    """A break of `schedule.breaks_by_day` (or else of `schedule.breaks`) that fits no shift
    of a day it applies to: the break, the weekday and that day's spans."""
    weeks = len(plan.rotation.weeks) if plan.rotation else 1
    first = plan.rotation.first if plan.rotation else date(2001, 1, 1)  # a Monday
    for offset in range(7 * weeks):
        day = first + timedelta(days=offset)
        if plan.rotation is not None and plan.rotation.week_of(day).breaks is not None:
            continue  # the week's own breaks were checked with it
        if by_day != (day.weekday() in plan.breaks_by_day):
            continue
        spans, breaks = plan.pattern(day)
        if (stray := break_outside(spans, breaks)) is not None:
            return stray, day.weekday(), spans
    return None


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
    rule = BREAK_LENGTHS
    if rule.broken(values):
        message = _("must be shorter than {long_key}; using the defaults for both")
        problems.append(SettingProblem(source, rule.shorter, message.format(long_key=rule.longer)))
        values = {k: v for k, v in values.items() if k not in (rule.shorter, rule.longer)}
    defaults = Settings()
    days = dict(defaults.schedule.days)
    for index, day in enumerate(WEEKDAYS):
        days[index] = values.get(f"schedule.{day}", days[index])
    schedule = WeeklySchedule(
        tz=values.get("schedule.timezone", local_tz),
        days=days,
        days_off=values.get("schedule.days_off", defaults.schedule.days_off),
    )
    hooks = {e: values[f"hooks.{e}"] for e in HOOK_EVENTS if f"hooks.{e}" in values}
    plan = _filled(defaults.plan, "schedule.", values)
    filled: Settings = _filled(defaults, "", values)
    return replace(filled, schedule=schedule, plan=plan, hooks=hooks)


def _filled(table: Any, prefix: str, values: Mapping[str, Any]) -> Any:
    """`table` (a settings dataclass at TOML path `prefix`) with the values read for its keys."""
    changes: dict[str, Any] = {}
    for slot in fields(table):
        key, current = f"{prefix}{slot.name}", getattr(table, slot.name)
        if key in values:
            changes[slot.name] = values[key]
        elif is_dataclass(current) and not isinstance(current, WeeklySchedule | PlanSettings):
            changes[slot.name] = _filled(current, f"{key}.", values)
    return replace(table, **changes)


# --- one key at a time, and back to TOML ---------------------------------------------------

_SECTIONS = tuple(dict.fromkeys(key.split(".")[0] for key in _READERS))

# Every dotted key Shiftwell reads, in the order a TOML file lists them (and the default file
# does): section by section, a table's own keys before its sub-tables.
KNOWN_KEYS: tuple[str, ...] = tuple(
    sorted(_READERS, key=lambda key: (_SECTIONS.index(key.split(".")[0]), key.count(".")))
)


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
    rule = BREAK_LENGTHS
    if rule.broken(values):
        long = values.get(rule.longer, default(rule.longer))
        message = _("must be shorter than {long_key} ({long_length})")
        return {rule.shorter: message.format(long_key=rule.longer, long_length=to_setting(long))}
    return {}


def typed_value(settings: Settings, key: str) -> Any:
    """The typed value `settings` holds for the dotted `key` (None: not set)."""
    spec = SPEC[key]
    return spec.get(settings) if spec.get else attrgetter(key)(settings)


def settings_to_dotted(settings: Settings) -> dict[str, Any]:
    """Every key as the TOML value that reads back as `settings`, in `KNOWN_KEYS` order.

    Durations keep whole seconds. A time zone without an IANA name (a fixed offset, or UTC
    as `datetime.UTC`) is left out, so it reads back as the computer's zone.
    """
    values: dict[str, Any] = {}
    for key in KNOWN_KEYS:
        typed = typed_value(settings, key)
        raw = None if typed is None else SPEC[key].kind.write(typed)
        if raw is not None:
            values[key] = raw
    return values


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
    _drop_breaks_outside_shifts(
        values, problems, lambda key: policy_source if key in locked else user_source
    )
    for key, raw in entries:
        if key in locked and _differs(key, raw, fixed):
            message = _("set by the team policy ({policy}); your value is ignored")
            message = message.format(policy=policy_source)
            problems.append(SettingProblem(user_source, key, message))
    _give_way_to_policy(values, locked, problems, user_source, policy_source)
    pair_locked = bool({BREAK_LENGTHS.shorter, BREAK_LENGTHS.longer} & locked)
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
    rule = BREAK_LENGTHS
    if not rule.broken(values) or (rule.shorter in locked) == (rule.longer in locked):
        return
    if rule.longer in locked:
        mine, theirs = rule.shorter, rule.longer
        message = _(
            "must be shorter than {other_key} ({other_length}), which the team policy "
            "({policy}) sets; using the default"
        )
    else:
        mine, theirs = rule.longer, rule.shorter
        message = _(
            "must be longer than {other_key} ({other_length}), which the team policy "
            "({policy}) sets; using the default"
        )
    if mine not in values:
        return  # the policy clashes with a default: reported against the policy
    del values[mine]
    fixed = values.get(theirs, default(theirs))
    message = message.format(other_key=theirs, other_length=to_setting(fixed), policy=policy_source)
    problems.append(SettingProblem(user_source, mine, message))


def _differs(key: str, raw: Any, fixed: Mapping[str, Any]) -> bool:
    try:
        return key not in fixed or _READERS[key](raw) != fixed[key]
    except ValueError:
        return True
