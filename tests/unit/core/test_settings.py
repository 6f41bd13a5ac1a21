import tomllib
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from shiftwell.core.settings import (
    KNOWN_KEYS,
    Settings,
    cross_key_problems,
    settings_from_mapping,
    settings_to_dotted,
    validate_value,
)
from shiftwell.platform.assets import asset


def test_empty_file_gives_defaults() -> None:
    loaded = settings_from_mapping({}, "config.toml")
    assert loaded.settings == Settings()
    assert loaded.problems == []


def test_reads_every_documented_key() -> None:
    loaded = settings_from_mapping(
        {
            "shift": {"length": "7h30m"},
            "breaks": {
                "postpone": "2m",
                "max_postpones": 1,
                "micro": {"every": "15m", "length": "30s"},
                "long": {"every": "1h", "length": "15m"},
            },
            "notifications": {"breaks": False},
        },
        "config.toml",
    )
    assert loaded.problems == []
    s = loaded.settings
    assert s.shift.length == timedelta(hours=7, minutes=30)
    assert (s.breaks.micro.every, s.breaks.micro.length) == (
        timedelta(minutes=15),
        timedelta(seconds=30),
    )
    assert (s.breaks.long.every, s.breaks.long.length) == (
        timedelta(hours=1),
        timedelta(minutes=15),
    )
    assert s.breaks.postpone == timedelta(minutes=2)
    assert s.breaks.max_postpones == 1
    assert s.notifications.breaks is False


def test_bad_duration_names_file_key_and_value_and_keeps_the_rest() -> None:
    loaded = settings_from_mapping(
        {"breaks": {"micro": {"every": "soon", "length": "40s"}}}, "/home/a/config.toml"
    )
    [problem] = loaded.problems
    text = str(problem)
    assert text.startswith("/home/a/config.toml: breaks.micro.every: ")
    assert "'soon'" in text and "1h30m" in text and "default" in text
    assert loaded.settings.breaks.micro.every == Settings().breaks.micro.every
    assert loaded.settings.breaks.micro.length == timedelta(seconds=40)


def test_wrong_types_out_of_range_and_unknown_keys_are_each_reported() -> None:
    loaded = settings_from_mapping(
        {
            "shift": {"length": 8, "lenght": "8h"},
            "breaks": {"max_postpones": True, "long": {"length": "3h"}},
        },
        "c.toml",
    )
    messages = {p.key: p.message for p in loaded.problems}
    assert set(messages) == {
        "shift.length",
        "shift.lenght",
        "breaks.max_postpones",
        "breaks.long.length",
    }
    assert "duration string" in messages["shift.length"]
    assert "unknown key" in messages["shift.lenght"] and "shift.length" in messages["shift.lenght"]
    assert "whole number" in messages["breaks.max_postpones"]
    assert "out of range" in messages["breaks.long.length"]
    assert loaded.settings == Settings()


def test_micro_break_longer_than_long_break_falls_back() -> None:
    loaded = settings_from_mapping(
        {"breaks": {"micro": {"length": "20m"}, "long": {"length": "5m"}}}, "c.toml"
    )
    assert [p.key for p in loaded.problems] == ["breaks.micro.length"]
    assert loaded.settings.breaks.micro.length < loaded.settings.breaks.long.length


# --- one key at a time ---------------------------------------------------------------------


def _default_file_keys() -> list[str]:
    data = tomllib.loads(asset("default-config.toml").read_text(encoding="utf-8"))

    def walk(table: dict[str, object], prefix: str) -> list[str]:
        keys: list[str] = []
        for name, value in table.items():
            if isinstance(value, dict):
                keys += walk(value, f"{prefix}{name}.")
            else:
                keys.append(f"{prefix}{name}")
        return keys

    return walk(data, "")


def test_known_keys_list_every_key_once_in_the_default_files_order() -> None:
    assert len(set(KNOWN_KEYS)) == len(KNOWN_KEYS)
    in_file = _default_file_keys()
    positions = [KNOWN_KEYS.index(key) for key in in_file]
    assert positions == sorted(positions), in_file
    assert set(settings_to_dotted(Settings())) == set(KNOWN_KEYS) - {
        "schedule.timezone",  # datetime.UTC has no zone name: left to the computer's zone
        # Not set unless written: no by-day breaks, no rotation, no calendar.
        "schedule.breaks_by_day",
        "schedule.rotation",
        "schedule.calendar",
        *(key for key in KNOWN_KEYS if key.startswith("hooks.")),
    }


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("breaks.micro.every", "25m", timedelta(minutes=25)),
        ("breaks.max_postpones", 4, 4),
        ("schedule.monday", "off", ()),
        ("schedule.timezone", "Europe/Berlin", ZoneInfo("Europe/Berlin")),
        ("logoff.warnings", ["1m", "10m", "1m"], (timedelta(minutes=10), timedelta(minutes=1))),
        ("hooks.logoff", ["notify-send", "bye"], ("notify-send", "bye")),
    ],
)
def test_validate_value_returns_the_typed_value(key: str, raw: object, expected: object) -> None:
    assert validate_value(key, raw) == expected


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("breaks.micro.every", "soon"),
        ("breaks.long.length", "3h"),
        ("shift.length", 8),
        ("breaks.max_postpones", True),
        ("breaks.strictness", "harsh"),
        ("schedule.friday", "9-17"),
        ("schedule.timezone", "Mars/Olympus"),
        ("schedule.days_off", ["2026-02-30"]),
        ("logoff.action", "loginctl lock-session"),
        ("shift.lenght", "8h"),
    ],
)
def test_validate_value_raises_the_message_a_file_problem_shows(key: str, raw: object) -> None:
    with pytest.raises(ValueError) as raised:
        validate_value(key, raw)
    [problem] = settings_from_mapping(nest_one(key, raw), "c.toml").problems
    assert problem.key == key
    assert problem.message.startswith(str(raised.value))


def nest_one(key: str, raw: object) -> dict[str, object]:
    *tables, name = key.split(".")
    node: dict[str, object] = {name: raw}
    for table in reversed(tables):
        node = {table: node}
    return node


def test_validate_value_says_what_soon_is_not() -> None:
    with pytest.raises(ValueError, match=r"'soon' is not a duration \(e\.g\. 90s, 25m, 1h30m\)"):
        validate_value("breaks.micro.every", "soon")


def test_cross_key_problems_name_the_micro_length_when_it_is_not_shorter() -> None:
    assert cross_key_problems({}) == {}
    clash = {"breaks.micro.length": timedelta(minutes=12)}
    assert cross_key_problems(clash) == {
        "breaks.micro.length": "must be shorter than breaks.long.length (10m)"
    }
    assert cross_key_problems(clash | {"breaks.long.length": timedelta(minutes=15)}) == {}


@pytest.mark.parametrize("name", ["Europe", "a" * 300, "Europe/", "Mars/Olympus"])
def test_a_zone_name_that_names_no_zone_is_a_problem_not_a_crash(name: str) -> None:
    loaded = settings_from_mapping({"schedule": {"timezone": name}}, "c.toml")
    [problem] = loaded.problems
    assert problem.message.startswith(f"{name!r} is not a known time zone")


# --- shifts that overlap across midnight ----------------------------------------------------


def test_a_night_shift_running_into_the_next_days_shift_is_reported_once() -> None:
    schedule = {"monday": "22:00-06:00", "tuesday": "05:00-13:00"}
    loaded = settings_from_mapping({"schedule": schedule}, "config.toml")
    [problem] = loaded.problems
    assert str(problem) == (
        "config.toml: schedule.tuesday: '05:00-13:00' overlaps schedule.monday = "
        "'22:00-06:00' across midnight; using the default"
    )
    days = loaded.settings.schedule.days
    assert [str(s) for s in days[0]] == ["22:00-06:00"]
    assert days[1] == Settings().schedule.days[1]


def test_sunday_night_into_monday_is_an_overlap_too() -> None:
    schedule = {"sunday": "20:00-10:00", "monday": "09:30-17:00"}
    loaded = settings_from_mapping({"schedule": schedule}, "config.toml")
    [problem] = loaded.problems
    # Monday's default (09:00-17:00) would overlap as well: Monday has no shift.
    assert str(problem) == (
        "config.toml: schedule.monday: '09:30-17:00' overlaps schedule.sunday = "
        "'20:00-10:00' across midnight; no shift that day"
    )
    assert loaded.settings.schedule.days[0] == ()


def test_back_to_back_night_and_morning_shifts_are_fine() -> None:
    schedule = {"monday": "22:00-06:00", "tuesday": "06:00-14:00, 22:00-06:00"}
    loaded = settings_from_mapping({"schedule": schedule}, "config.toml")
    assert loaded.problems == []


def test_the_users_day_gives_way_to_the_policys_night_shift() -> None:
    from shiftwell.core.settings import apply_policy

    user = {"schedule": {"monday": "22:00-06:00", "tuesday": "05:00-13:00"}}
    policy = {"schedule": {"tuesday": "05:00-13:00"}}
    loaded = apply_policy(user, policy, "config.toml", "policy.toml")
    [problem] = loaded.problems
    assert str(problem) == (
        "config.toml: schedule.monday: '22:00-06:00' overlaps schedule.tuesday = "
        "'05:00-13:00' across midnight; using the default"
    )
    assert [str(s) for s in loaded.settings.schedule.days[1]] == ["05:00-13:00"]
