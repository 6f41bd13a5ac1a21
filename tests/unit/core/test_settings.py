from datetime import timedelta

from shiftwell.core.settings import Settings, settings_from_mapping


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
    assert s.shift_length == timedelta(hours=7, minutes=30)
    assert (s.micro.every, s.micro.length) == (timedelta(minutes=15), timedelta(seconds=30))
    assert (s.long.every, s.long.length) == (timedelta(hours=1), timedelta(minutes=15))
    assert s.postpone_step == timedelta(minutes=2)
    assert s.postpone_limit == 1
    assert s.notify_breaks is False


def test_bad_duration_names_file_key_and_value_and_keeps_the_rest() -> None:
    loaded = settings_from_mapping(
        {"breaks": {"micro": {"every": "soon", "length": "40s"}}}, "/home/a/config.toml"
    )
    [problem] = loaded.problems
    text = str(problem)
    assert text.startswith("/home/a/config.toml: breaks.micro.every: ")
    assert "'soon'" in text and "1h30m" in text and "default" in text
    assert loaded.settings.micro.every == Settings().micro.every
    assert loaded.settings.micro.length == timedelta(seconds=40)


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
    assert loaded.settings.micro.length < loaded.settings.long.length
