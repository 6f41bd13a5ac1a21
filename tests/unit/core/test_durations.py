from datetime import timedelta

import pytest

from shiftwell.core.durations import DurationError, parse_duration, to_setting


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25m", timedelta(minutes=25)),
        ("90s", timedelta(seconds=90)),
        ("1h30m", timedelta(hours=1, minutes=30)),
        ("1h 30m 5s", timedelta(hours=1, minutes=30, seconds=5)),
        ("1.5h", timedelta(minutes=90)),
        (" 2H ", timedelta(hours=2)),
        ("0s", timedelta(0)),
    ],
)
def test_parses_human_durations(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "  ", "25", "m", "5 minutes", "1m1h", "-5m", "1d", "5m5m"])
def test_rejects_what_is_not_a_duration_and_says_how_to_write_one(text: str) -> None:
    with pytest.raises(DurationError) as excinfo:
        parse_duration(text)
    assert repr(text) in str(excinfo.value)
    assert "1h30m" in str(excinfo.value)


@pytest.mark.parametrize("seconds", [0, 1, 59, 60, 90, 3600, 5400, 5405, 86399])
def test_format_round_trips(seconds: int) -> None:
    value = timedelta(seconds=seconds)
    assert parse_duration(to_setting(value)) == value


def test_format_is_compact() -> None:
    assert to_setting(timedelta(minutes=90)) == "1h30m"
    assert to_setting(timedelta(seconds=20)) == "20s"
