"""Every setting Shiftwell reads, declared once: its TOML key, how its value is read and
written back, its default, what is allowed, its label in the settings dialog and what it
means. Validation, the typed `Settings`, the dialog's fields, the default `config.toml` and
README's settings tables all follow this table.

A new setting is one `Key(...)` line in `KEYS` (and a typed attribute of the same name in
`core/settings.py`, whose default comes from here), plus the code that acts on it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, timedelta
from typing import Any

from shiftwell.core.i18n import marked
from shiftwell.core.schedule import (
    WEEKDAYS,
    WeeklySchedule,
)
from shiftwell.core.setting_kinds import (
    BOOLEAN,
    BREAKS_BY_DAY,
    CALENDAR,
    COMMAND,
    DAYS_OFF,
    FIXED_BREAKS,
    HOOK_EVENTS,
    ROTATION,
    SPANS,
    TIMEZONE,
    WORDS,
    BreakMode,
    Kind,
    Strictness,
    choice,
    duration,
    durations,
    format_spans,
    integer,
)


@dataclass(frozen=True)
class Key:
    key: str  # dotted TOML key: table path plus name; also the attribute path in `Settings`
    kind: Kind
    default: Any  # as written in TOML; None: not set
    label: str  # marked, with its mnemonic (&); shown in the settings dialog
    meaning: str  # what it does, for README and the default config.toml
    hint: str = ""  # marked; overrides the kind's example
    default_text: str = ""  # README's "default" cell where the TOML value can't say it
    allowed: str = ""  # README's "allowed" cell where the kind's alone won't do
    get: Callable[[Any], Any] | None = None  # the typed value in `Settings`, if not at `key`

    @property
    def example(self) -> str:
        return self.hint or self.kind.hint

    def typed_default(self) -> Any:
        return None if self.default is None else self.kind.read(self.default)


# --- kinds of value ------------------------------------------------------------------------


_SECOND, _MINUTE, _HOUR = timedelta(seconds=1), timedelta(minutes=1), timedelta(hours=1)
_ZERO = timedelta(0)

_DAY_LABELS = (
    marked("&Monday"),
    marked("T&uesday"),
    marked("&Wednesday"),
    marked("Thu&rsday"),
    marked("&Friday"),
    marked("S&aturday"),
    marked("Su&nday"),
)
_OFFICE_DAYS = WeeklySchedule(UTC).days


def _day(index: int) -> Key:
    name = WEEKDAYS[index]
    return Key(
        f"schedule.{name}",
        SPANS,
        format_spans(_OFFICE_DAYS[index]),
        _DAY_LABELS[index],
        f"the shifts on {name.capitalize()}; a span that ends at or before its start runs "
        'past midnight (`"22:00-06:00"`)',
        get=lambda settings: settings.schedule.days.get(index, ()),
    )


def _hook(event: str, label: str, meaning: str) -> Key:
    return Key(
        f"hooks.{event}",
        COMMAND,
        None,
        label,
        meaning,
        hint=marked("not set"),
        get=lambda settings: settings.hooks.get(event),
    )


BREAK_MODE_LABELS = {
    BreakMode.INTERVAL: marked("After so much focus time"),
    BreakMode.SCHEDULED: marked("Only at the scheduled times"),
    BreakMode.BOTH: marked("Both"),
}

STRICTNESS_LABELS = {
    Strictness.GENTLE: marked("Gentle — dismiss a break any time"),
    Strictness.NORMAL: marked("Normal — skip or postpone after a few seconds"),
    Strictness.STRICT: marked("Strict — no skipping, postponing or pausing"),
}

KEYS: tuple[Key, ...] = (
    Key(
        "schedule.timezone",
        TIMEZONE,
        None,
        marked("Time &zone"),
        "the zone the schedule is written in; shifts keep their wall-clock times across DST "
        "changes",
        default_text="the computer's zone",
        get=lambda settings: settings.schedule.tz,
    ),
    *(_day(index) for index in range(len(WEEKDAYS))),
    Key(
        "schedule.days_off",
        DAYS_OFF,
        [],
        marked("&Days off"),
        "days with no shifts at all",
        get=lambda settings: settings.schedule.days_off,
    ),
    Key(
        "schedule.breaks",
        FIXED_BREAKS,
        [],
        marked("Breaks at &fixed times"),
        "breaks and lunch at fixed times on every working day, as your schedule sets them",
        get=lambda settings: settings.plan.breaks,
    ),
    Key(
        "schedule.breaks_by_day",
        BREAKS_BY_DAY,
        None,
        marked("Fixed breaks by &day"),
        "breaks at fixed times for some weekdays, in place of `schedule.breaks` on those days",
        default_text="not set",
        get=lambda settings: settings.plan.breaks_by_day or None,
    ),
    Key(
        "schedule.rotation",
        ROTATION,
        None,
        marked("Rotat&ion"),
        "weeks that take turns, in place of the weekly days; the week holding `from` is the "
        "first; a day a week does not name is off; a week's `breaks` replace the fixed breaks",
        default_text="not set",
        get=lambda settings: settings.plan.rotation,
    ),
    Key(
        "schedule.calendar",
        CALENDAR,
        None,
        marked("Sch&edule from a calendar"),
        "your schedule from a calendar (an iCalendar address or file) in place of the days and "
        "breaks written here",
        default_text="not set",
        get=lambda settings: settings.plan.calendar,
    ),
    Key(
        "schedule.calendar_refresh",
        duration(5 * _MINUTE, 24 * _HOUR),
        "1h",
        marked("Fetch the calendar ever&y"),
        "how often the calendar is fetched again",
        get=lambda settings: settings.plan.calendar_refresh,
    ),
    Key(
        "schedule.calendar_shift_words",
        WORDS,
        ["shift", "work"],
        marked("Calendar sh&ift words"),
        "an event whose title holds one of these is a shift (so is any other event of 2 hours "
        "or more outside a shift)",
        get=lambda settings: settings.plan.calendar_shift_words,
    ),
    Key(
        "schedule.calendar_break_words",
        WORDS,
        ["break"],
        marked("Calendar b&reak words"),
        "an event whose title holds one of these is a break",
        get=lambda settings: settings.plan.calendar_break_words,
    ),
    Key(
        "schedule.calendar_lunch_words",
        WORDS,
        ["lunch", "meal"],
        marked("Calendar l&unch words"),
        "an event whose title holds one of these is a lunch",
        get=lambda settings: settings.plan.calendar_lunch_words,
    ),
    Key(
        "shift.auto_start",
        BOOLEAN,
        True,
        marked("Start shifts &on schedule by themselves"),
        "start each scheduled shift by itself at its start time",
    ),
    Key(
        "shift.length",
        duration(_MINUTE, 16 * _HOUR),
        "8h",
        marked("Len&gth of a shift started from the tray"),
        "length of a shift started by hand from the tray",
    ),
    Key(
        "breaks.postpone",
        duration(30 * _SECOND, _HOUR),
        "5m",
        marked("Postpone b&y"),
        'how far "Postpone" moves a due break',
    ),
    Key(
        "breaks.max_postpones",
        integer(0, 20),
        3,
        marked("&Max postpones per break"),
        "how often the same break may be postponed",
    ),
    Key(
        "breaks.strictness",
        choice(Strictness, STRICTNESS_LABELS),
        "normal",
        marked("Str&ictness"),
        "gentle: a break can be skipped or postponed at any time; normal: only after "
        "`skip_delay` into the break; strict: no skipping, postponing or pausing a break",
    ),
    Key(
        "breaks.mode",
        choice(BreakMode, BREAK_MODE_LABELS),
        "interval",
        marked("&When breaks come"),
        "interval: after so much focus time (`breaks.micro`, `breaks.long`); scheduled: only "
        "the breaks at fixed times of `schedule.breaks` or the calendar; both",
    ),
    Key(
        "breaks.announce_fixed",
        duration(_ZERO, 30 * _MINUTE),
        "2m",
        marked("Announce a fixed break &ahead"),
        "how long before a break at a fixed time it is announced (`0s`: no warning)",
    ),
    Key(
        "breaks.warning",
        duration(_ZERO, 10 * _MINUTE),
        "30s",
        marked("&Warn before a break"),
        "how long before a break it is announced (`0s`: no warning)",
    ),
    Key(
        "breaks.skip_delay",
        duration(_ZERO, 5 * _MINUTE),
        "5s",
        marked("Skip or postpone possible a&fter"),
        "with `normal` strictness, how far into a break Skip and Postpone become possible",
    ),
    Key(
        "breaks.allow_skip",
        BOOLEAN,
        True,
        marked("Allow s&kipping"),
        "whether breaks can be skipped at all",
    ),
    Key(
        "breaks.allow_postpone",
        BOOLEAN,
        True,
        marked("Allow p&ostponing"),
        "whether breaks can be postponed at all",
    ),
    Key(
        "breaks.max_skips_per_day",
        integer(0, 100),
        0,
        marked("Skips &per day (0: no limit)"),
        "most breaks skipped in a day (`0`: no limit)",
    ),
    Key(
        "breaks.natural",
        BOOLEAN,
        True,
        marked("Time &away from the computer counts as a break"),
        "time away from the computer at least as long as a break counts as that break",
    ),
    Key(
        "breaks.micro.every",
        duration(_MINUTE, 4 * _HOUR),
        "20m",
        marked("&Every"),
        "focus time before a micro break",
    ),
    Key(
        "breaks.micro.length",
        duration(5 * _SECOND, 30 * _MINUTE),
        "20s",
        marked("Len&gth"),
        "length of a micro break",
    ),
    Key(
        "breaks.long.every",
        duration(5 * _MINUTE, 8 * _HOUR),
        "50m",
        marked("Eve&ry"),
        "focus time before a long break (it also resets the micro timer)",
    ),
    Key(
        "breaks.long.length",
        duration(_MINUTE, 2 * _HOUR),
        "10m",
        marked("Le&ngth"),
        "length of a long break",
    ),
    Key(
        "logoff.warnings",
        durations(_MINUTE, 2 * _HOUR),
        ["15m", "5m", "1m"],
        marked("Warn&ings before the end"),
        "when to announce the end of the shift, before it comes",
    ),
    Key(
        "logoff.strict",
        BOOLEAN,
        False,
        marked("Strict: the log-off scree&n can't be dismissed"),
        "the log-off screen can't be dismissed: only logging off or asking for more time closes it",
    ),
    Key(
        "logoff.action",
        COMMAND,
        [],
        marked("&Action command"),
        "run when the shift is over and the log-off screen shows, e.g. "
        '`["loginctl", "lock-session"]`',
        hint=marked("e.g. loginctl lock-session (run directly, not by a shell)"),
        default_text="`[]` (none)",
    ),
    Key(
        "logoff.action_timeout",
        duration(_SECOND, 5 * _MINUTE),
        "10s",
        marked("Action time&out"),
        "how long the log-off action may run before it is stopped",
    ),
    Key(
        "overtime.step",
        duration(_MINUTE, 4 * _HOUR),
        "15m",
        marked("Overtime st&ep"),
        'how much time "I need more time" adds (the reason is recorded with it)',
    ),
    Key(
        "overtime.weekly_cap",
        duration(_ZERO, 40 * _HOUR),
        "2h",
        marked("Overtime cap per &week"),
        "most overtime in a week; after that the only choice is to log off (`0s`: no overtime)",
    ),
    Key(
        "calls.detect_microphone",
        BOOLEAN,
        False,
        marked("&Detect calls (the microphone is in use)"),
        "treat the microphone being in use as a call: breaks wait until it ends",
    ),
    Key(
        "calls.grace",
        duration(_ZERO, 10 * _MINUTE),
        "30s",
        marked("&Grace after a call"),
        "after a call, how long until a break that fell due during it starts",
    ),
    Key(
        "checkin.enabled",
        BOOLEAN,
        True,
        marked("Ask for a check-&in after long breaks"),
        "after a completed long break, ask how you are doing: a score from 1 to 5 and a word "
        "if you like, or Skip",
    ),
    Key(
        "sounds.enabled",
        BOOLEAN,
        True,
        marked("Play so&unds"),
        "play a sound when a break is over",
    ),
    Key(
        "notifications.breaks",
        BOOLEAN,
        True,
        marked("Announce breaks with a desktop &notification"),
        "announce breaks with a desktop notification (or Shiftwell's own pop-up if there is none)",
    ),
    Key(
        "stats.open_after_last_shift",
        BOOLEAN,
        True,
        marked("Open the &weekly review after the week's last shift"),
        "offer the weekly review on the log-off screen of the week's last shift, and open it "
        "when that screen closes",
    ),
    _hook("shift_start", marked("Shift st&arts"), "a shift starts (by hand or on schedule)"),
    _hook("break_start", marked("B&reak starts"), "a break starts"),
    _hook("break_end", marked("Break e&nds"), "a break ends"),
    _hook("wrap_up", marked("&Wrap-up notice"), "each end-of-shift warning from `logoff.warnings`"),
    _hook("logoff", marked("L&og-off"), "the shift is over and the log-off screen shows"),
    _hook("overtime", marked("Overtime &granted"), "overtime is granted"),
)

SPEC: dict[str, Key] = {key.key: key for key in KEYS}
assert len(SPEC) == len(KEYS), "a key is declared twice"
assert {k for k in SPEC if k.startswith("hooks.")} == {f"hooks.{e}" for e in HOOK_EVENTS}


def default(key: str) -> Any:
    """The typed default of `key`, for the attribute that holds it in `Settings`."""
    return SPEC[key].typed_default()


# --- rules between keys --------------------------------------------------------------------


@dataclass(frozen=True)
class ShorterThan:
    """`shorter` must be shorter than `longer`. Where both come from one file and clash, both
    fall back to their defaults; where a team policy fixes one, the other gives way."""

    shorter: str
    longer: str

    def broken(self, values: Mapping[str, Any]) -> bool:
        """For typed `values` by dotted key; a missing key counts as its default."""
        return bool(self._value(values, self.shorter) >= self._value(values, self.longer))

    def _value(self, values: Mapping[str, Any], key: str) -> Any:
        return values[key] if key in values else default(key)


# A micro break is shorter than a long one.
BREAK_LENGTHS = ShorterThan("breaks.micro.length", "breaks.long.length")
