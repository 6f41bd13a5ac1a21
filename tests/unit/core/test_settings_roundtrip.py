"""Settings written out as TOML values read back as the same settings."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import tomlkit
from hypothesis import given
from hypothesis import strategies as st

from shiftwell.core.schedule import WEEKDAYS, DaysOff, Span, WeeklySchedule, night_overlap
from shiftwell.core.settings import (
    HOOK_EVENTS,
    KNOWN_KEYS,
    BreakPolicy,
    BreakRule,
    CallSettings,
    CheckinSettings,
    LogoffPolicy,
    NotificationSettings,
    OvertimePolicy,
    Settings,
    ShiftSettings,
    SoundSettings,
    Strictness,
    settings_from_mapping,
    settings_to_dotted,
    settings_to_mapping,
    validate_value,
)

ZONES = ["Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"]


def seconds(low: timedelta, high: timedelta) -> st.SearchStrategy[timedelta]:
    return st.integers(int(low.total_seconds()), int(high.total_seconds())).map(
        lambda n: timedelta(seconds=n)
    )


M, H = timedelta(minutes=1), timedelta(hours=1)


@st.composite
def day_spans(draw: st.DrawFn) -> tuple[Span, ...]:
    """Ordered, non-overlapping spans; only the last may run past midnight."""
    minutes = sorted(draw(st.sets(st.integers(0, 24 * 60 - 1), max_size=6)))
    if len(minutes) % 2:
        minutes = minutes[:-1]
    clock = [time(m // 60, m % 60) for m in minutes]
    spans = [Span(clock[i], clock[i + 1]) for i in range(0, len(clock), 2)]
    night = draw(st.booleans())
    if spans and night:
        last = spans[-1]
        spans[-1] = Span(last.start, spans[0].start if len(spans) > 1 else time(6))
        if spans[-1].start == spans[-1].end:
            spans.pop()
    return tuple(spans)


@st.composite
def days_off(draw: st.DrawFn) -> DaysOff:
    first = draw(st.dates(date(2020, 1, 1), date(2035, 12, 31)))
    return DaysOff(first, first + timedelta(days=draw(st.integers(0, 30))))


argv = st.lists(
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=12),
    min_size=1,
    max_size=4,
).map(tuple)


def week_spans(draw: st.DrawFn) -> dict[int, tuple[Span, ...]]:
    """A day's spans each; a night shift that runs into the next day's first span empties
    that day, since a schedule with such an overlap is refused."""
    days = {index: draw(day_spans()) for index in range(7)}
    for index in range(7):
        following = (index + 1) % 7
        if night_overlap(days[index], days[following]):
            days[following] = ()
    return days


@st.composite
def settings(draw: st.DrawFn) -> Settings:
    long_length = draw(seconds(M, 2 * H))
    micro_length = draw(
        seconds(timedelta(seconds=5), min(30 * M, long_length - timedelta(seconds=1)))
    )
    schedule = WeeklySchedule(
        tz=ZoneInfo(draw(st.sampled_from(ZONES))),
        days=week_spans(draw),
        days_off=tuple(draw(st.lists(days_off(), max_size=3))),
    )
    warnings = draw(st.sets(seconds(M, 2 * H), max_size=4))
    return Settings(
        schedule=schedule,
        shift=ShiftSettings(auto_start=draw(st.booleans()), length=draw(seconds(M, 16 * H))),
        breaks=BreakPolicy(
            micro=BreakRule(draw(seconds(M, 4 * H)), micro_length),
            long=BreakRule(draw(seconds(5 * M, 8 * H)), long_length),
            postpone=draw(seconds(timedelta(seconds=30), H)),
            max_postpones=draw(st.integers(0, 20)),
            natural=draw(st.booleans()),
            strictness=draw(st.sampled_from(Strictness)),
            warning=draw(seconds(timedelta(0), 10 * M)),
            skip_delay=draw(seconds(timedelta(0), 5 * M)),
            allow_skip=draw(st.booleans()),
            allow_postpone=draw(st.booleans()),
            max_skips_per_day=draw(st.integers(0, 100)),
        ),
        logoff=LogoffPolicy(
            warnings=tuple(sorted(warnings, reverse=True)),
            strict=draw(st.booleans()),
            action=draw(st.one_of(st.just(()), argv)),
            action_timeout=draw(seconds(timedelta(seconds=1), 5 * M)),
        ),
        overtime=OvertimePolicy(
            step=draw(seconds(M, 4 * H)), weekly_cap=draw(seconds(timedelta(0), 40 * H))
        ),
        calls=CallSettings(
            detect_microphone=draw(st.booleans()), grace=draw(seconds(timedelta(0), 10 * M))
        ),
        checkin=CheckinSettings(enabled=draw(st.booleans())),
        sounds=SoundSettings(enabled=draw(st.booleans())),
        notifications=NotificationSettings(breaks=draw(st.booleans())),
        hooks=draw(st.dictionaries(st.sampled_from(HOOK_EVENTS), argv)),
    )


@given(settings())
def test_mapping_reads_back_as_the_same_settings(original: Settings) -> None:
    loaded = settings_from_mapping(settings_to_mapping(original), "c.toml")
    assert loaded.problems == []
    assert loaded.settings == original


@given(settings())
def test_the_mapping_survives_being_written_as_toml(original: Settings) -> None:
    text = tomlkit.dumps(settings_to_mapping(original))
    loaded = settings_from_mapping(tomllib.loads(text), "c.toml")
    assert loaded.problems == []
    assert loaded.settings == original


@given(settings())
def test_every_dotted_value_passes_its_own_validation(original: Settings) -> None:
    for key, value in settings_to_dotted(original).items():
        assert key in KNOWN_KEYS
        validate_value(key, value)


toml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=6,
)


@given(st.sampled_from(KNOWN_KEYS), toml_values)
def test_any_value_is_either_read_or_refused_with_a_value_error(key: str, raw: Any) -> None:
    try:
        validate_value(key, raw)
    except ValueError as error:
        assert str(error)


def test_a_zone_without_a_name_is_left_to_the_computer() -> None:
    utc = Settings()
    assert utc.schedule.tz is UTC
    mapping = settings_to_mapping(utc)
    assert "timezone" not in mapping["schedule"]
    assert settings_from_mapping(mapping, "c.toml", UTC).settings == utc


def test_defaults_are_written_as_people_write_them() -> None:
    mapping = settings_to_mapping(Settings())
    assert mapping["breaks"]["micro"] == {"every": "20m", "length": "20s"}
    assert mapping["schedule"]["monday"] == "09:00-17:00"
    assert mapping["schedule"]["saturday"] == "off"
    assert mapping["logoff"]["warnings"] == ["15m", "5m", "1m"]
    assert mapping["breaks"]["strictness"] == "normal"
    assert list(mapping["schedule"]) == [
        *WEEKDAYS,
        "days_off",
        "breaks",
        "calendar_refresh",
        "calendar_shift_words",
        "calendar_break_words",
        "calendar_lunch_words",
    ]
    assert mapping["schedule"]["breaks"] == []
    assert mapping["breaks"]["mode"] == "interval"


def test_spans_and_days_off_are_written_in_the_files_own_words() -> None:
    split = (Span(time(9), time(12)), Span(time(13), time(17, 30)))
    night = (Span(time(22), time(6)),)
    original = Settings(
        schedule=WeeklySchedule(
            ZoneInfo("Europe/Berlin"),
            days={0: split, 1: night, **dict.fromkeys(range(2, 7), ())},
            days_off=(
                DaysOff(date(2026, 12, 24), date(2026, 12, 24)),
                DaysOff(date(2026, 12, 27), date(2027, 1, 2)),
            ),
        ),
        hooks={"logoff": ("notify-send", "Shift over")},
    )
    schedule = settings_to_mapping(original)["schedule"]
    assert schedule["timezone"] == "Europe/Berlin"
    assert schedule["monday"] == "09:00-12:00, 13:00-17:30"
    assert schedule["tuesday"] == "22:00-06:00"
    assert schedule["days_off"] == ["2026-12-24", "2026-12-27..2027-01-02"]
    assert settings_to_mapping(original)["hooks"] == {"logoff": ["notify-send", "Shift over"]}
    assert settings_from_mapping(settings_to_mapping(original), "c.toml").settings == original
