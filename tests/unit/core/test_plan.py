"""The day plan from the settings: fixed breaks, breaks by weekday, a rotation of weeks, days
off, DST; and what the settings say about breaks that don't fit."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from shiftwell.core.plan import FixedKind, PlanDay, parse_fixed_breaks, parse_rotation
from shiftwell.core.setting_kinds import BreakMode
from shiftwell.core.settings import settings_from_mapping, settings_plan, settings_to_mapping

BERLIN = ZoneInfo("Europe/Berlin")


def plan_of(schedule: dict[str, Any], first: date, count: int = 1) -> list[PlanDay]:
    loaded = settings_from_mapping({"schedule": {"timezone": "Europe/Berlin", **schedule}}, "c")
    assert loaded.problems == []
    return settings_plan(loaded.settings).days(first, count)


def local(day: PlanDay) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """A day's shifts and breaks as Berlin wall-clock times."""

    def hm(moment: datetime) -> str:
        return f"{moment.astimezone(BERLIN):%H:%M}"

    return [
        (
            hm(shift.start),
            hm(shift.end),
            [(hm(b.start), hm(b.end), b.kind.value) for b in shift.breaks],
        )
        for shift in day.shifts
    ]


def test_fixed_breaks_land_on_their_minute_in_each_shift() -> None:
    schedule = {"monday": "09:00-17:30", "breaks": ["10:30 15m", "12:30 30m lunch", "15:15 15m"]}
    (day,) = plan_of(schedule, date(2026, 11, 30))
    assert local(day) == [
        (
            "09:00",
            "17:30",
            [("10:30", "10:45", "break"), ("12:30", "13:00", "lunch"), ("15:15", "15:30", "break")],
        )
    ]
    assert day.shifts[0].breaks[1].title == "Lunch"


def test_breaks_by_day_replace_the_daily_breaks_on_that_day_only() -> None:
    schedule = {
        "breaks": ["10:30 15m", "12:30 30m lunch"],
        "breaks_by_day": {"friday": ["10:30 15m", "12:00 45m lunch"]},
    }
    thursday, friday = plan_of(schedule, date(2026, 12, 3), 2)
    assert local(thursday)[0][2][1] == ("12:30", "13:00", "lunch")
    assert local(friday)[0][2] == [("10:30", "10:45", "break"), ("12:00", "12:45", "lunch")]


def test_breaks_keep_their_wall_clock_minute_across_the_spring_dst_change() -> None:
    schedule = {"sunday": "00:30-06:00", "breaks_by_day": {"sunday": ["02:30 15m", "04:00 15m"]}}
    (sunday,) = plan_of(schedule, date(2026, 3, 29))  # clocks jump 02:00 -> 03:00
    shift = sunday.shifts[0]
    assert shift.end - shift.start == timedelta(hours=4, minutes=30)
    # 02:30 does not exist that night: the break starts when the clock jumps, lasts 15m.
    first, second = shift.breaks
    assert first.start == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert first.end - first.start == timedelta(minutes=15)
    assert second.start.astimezone(BERLIN).hour == 4
    week_before = plan_of(schedule, date(2026, 3, 22))[0].shifts[0].breaks[1]
    assert week_before.start.astimezone(BERLIN).hour == 4


def test_a_night_shifts_break_after_midnight_is_on_the_next_calendar_day() -> None:
    schedule = {
        "monday": "22:00-06:00",
        "tuesday": "off",
        "breaks_by_day": {"monday": ["02:00 30m lunch"]},
    }
    (monday,) = plan_of(schedule, date(2026, 11, 30))
    (lunch,) = monday.shifts[0].breaks
    assert lunch.start == datetime(2026, 12, 1, 1, 0, tzinfo=UTC)


def test_days_off_have_no_shifts_and_no_breaks() -> None:
    schedule = {"breaks": ["10:30 15m"], "days_off": ["2026-12-01"]}
    monday, tuesday = plan_of(schedule, date(2026, 11, 30), 2)
    assert len(monday.shifts) == 1
    assert tuesday.shifts == ()


def test_a_rotation_takes_turns_week_by_week_from_its_first_week() -> None:
    rotation = {
        "from": "2026-12-02",  # a Wednesday: its week (from Monday 30 Nov) is the first
        "weeks": [
            {"monday": "07:00-15:00", "breaks": ["11:00 30m lunch"]},
            {"monday": "14:00-22:00", "breaks": ["18:00 30m lunch"]},
        ],
    }
    days = plan_of({"rotation": rotation, "breaks": ["10:00 15m"]}, date(2026, 11, 30), 21)
    mondays = [d for d in days if d.day.weekday() == 0]
    assert [local(d)[0][:2] for d in mondays] == [
        ("07:00", "15:00"),
        ("14:00", "22:00"),
        ("07:00", "15:00"),
    ]
    assert local(mondays[1])[0][2] == [("18:00", "18:30", "lunch")]
    # A day the rotation's week does not name is off, whatever schedule.tuesday says.
    assert all(d.shifts == () for d in days if d.day.weekday() != 0)


def test_a_rotation_week_without_breaks_uses_the_daily_breaks() -> None:
    rotation = {"from": "2026-11-30", "weeks": [{"monday": "09:00-17:00"}]}
    (monday,) = plan_of({"rotation": rotation, "breaks": ["10:00 15m"]}, date(2026, 11, 30))
    assert local(monday)[0][2] == [("10:00", "10:15", "break")]


@pytest.mark.parametrize(
    ("schedule", "key", "words"),
    [
        ({"breaks": ["10:30 15m", "10:40 15m"]}, "schedule.breaks", ["'10:40 15m' overlaps"]),
        ({"breaks": ["25:00 15m"]}, "schedule.breaks", ["'25:00 15m' is not a break"]),
        ({"breaks": ["10:30"]}, "schedule.breaks", ["'10:30' is not a break"]),
        ({"breaks": ["10:30 15 minutes"]}, "schedule.breaks", ["is not a break"]),
        ({"breaks": "10:30 15m"}, "schedule.breaks", ["must be a list of breaks"]),
        (
            {"breaks": ["08:30 15m"]},
            "schedule.breaks",
            ["'08:30 15m' is outside the shifts on monday ('09:00-17:00')"],
        ),
        (
            {"breaks": ["16:50 15m"]},
            "schedule.breaks",
            ["'16:50 15m' is outside the shifts on monday"],
        ),
        (
            {"breaks_by_day": {"friday": ["18:00 15m"]}},
            "schedule.breaks_by_day",
            ["'18:00 15m' is outside the shifts on friday"],
        ),
        (
            {"breaks_by_day": {"fryday": ["10:00 15m"]}},
            "schedule.breaks_by_day",
            ["'fryday' is not a weekday"],
        ),
        (
            {
                "rotation": {"from": "2026-11-30", "weeks": [{"monday": "14:00-22:00"}]},
                "breaks": ["10:00 15m"],
            },
            "schedule.breaks",
            ["'10:00 15m' is outside the shifts on monday ('14:00-22:00')"],
        ),
        (
            {"rotation": {"from": "someday", "weeks": []}},
            "schedule.rotation",
            ["is not a rotation"],
        ),
        (
            {
                "rotation": {
                    "from": "2026-11-30",
                    "weeks": [{"monday": "14:00-22:00", "breaks": ["10:00 15m"]}],
                }
            },
            "schedule.rotation",
            ["week 1: '10:00 15m' is outside the shifts on monday"],
        ),
    ],
)
def test_a_break_that_cannot_be_is_one_problem_naming_file_key_and_value(
    schedule: dict[str, Any], key: str, words: list[str]
) -> None:
    loaded = settings_from_mapping({"schedule": schedule}, "/home/ana/config.toml")
    assert len(loaded.problems) == 1, loaded.problems
    text = str(loaded.problems[0])
    assert text.startswith(f"/home/ana/config.toml: {key}: ")
    assert all(word in text for word in words), text
    assert text.endswith("using the default")
    assert loaded.settings.plan.breaks == ()
    assert loaded.settings.plan.breaks_by_day == {}


def test_a_break_on_a_day_with_no_shift_is_not_a_problem() -> None:
    loaded = settings_from_mapping({"schedule": {"breaks": ["10:30 15m"]}}, "c")
    assert loaded.problems == []  # Saturday and Sunday are off: their breaks are unused


def test_break_mode_and_announcement_default_to_todays_behaviour() -> None:
    settings = settings_from_mapping({}, "c").settings
    assert settings.breaks.mode is BreakMode.INTERVAL
    assert settings.breaks.announce_fixed == timedelta(minutes=2)
    chosen = settings_from_mapping({"breaks": {"mode": "both", "announce_fixed": "5m"}}, "c")
    assert chosen.settings.breaks.mode is BreakMode.BOTH
    assert chosen.settings.breaks.announce_fixed == timedelta(minutes=5)


def test_fixed_breaks_rotation_and_by_day_breaks_are_written_back_as_read() -> None:
    raw = {
        "schedule": {
            "breaks": ["12:30 30m lunch", "10:30 15m"],
            "breaks_by_day": {"friday": ["12:00 45m lunch"]},
            "rotation": {
                "from": "2026-11-30",
                "weeks": [{"monday": "09:00-17:00"}, {"monday": "13:00-21:00", "breaks": []}],
            },
            "calendar": "https://wfm.example/agent.ics",
        }
    }
    settings = settings_from_mapping(raw, "c").settings
    written = settings_to_mapping(settings)["schedule"]
    assert written["breaks"] == ["10:30 15m", "12:30 30m lunch"]
    assert written["breaks_by_day"] == {"friday": ["12:00 45m lunch"]}
    assert written["rotation"]["weeks"][1] == {"monday": "13:00-21:00", "breaks": []}
    assert written["calendar"] == "https://wfm.example/agent.ics"
    again = settings_from_mapping(settings_to_mapping(settings), "c")
    assert again.problems == []
    assert again.settings == settings


def test_parsers_order_breaks_and_name_the_kind() -> None:
    breaks = parse_fixed_breaks(["15:15 15m", "12:30 30m LUNCH"])
    assert [b.kind for b in breaks] == [FixedKind.LUNCH, FixedKind.BREAK]
    rotation = parse_rotation({"from": "2026-12-06", "weeks": [{}]})
    assert rotation.first == date(2026, 11, 30)


def test_a_break_that_no_longer_fits_a_shift_the_team_policy_fixes_is_the_users_to_give_up() -> (
    None
):
    from shiftwell.core.settings import apply_policy

    loaded = apply_policy(
        {"schedule": {"breaks": ["10:30 15m"]}},
        {"schedule": {"monday": "14:00-22:00"}},
        "config.toml",
        "policy.toml",
    )
    assert [str(p) for p in loaded.problems] == [
        "config.toml: schedule.breaks: '10:30 15m' is outside the shifts on monday "
        "('14:00-22:00'); using the default"
    ]
    assert loaded.settings.plan.breaks == ()


def test_the_break_under_way_or_next_follows_the_clock_through_the_day() -> None:
    from shiftwell.core.clock import ManualClock
    from shiftwell.core.plan import next_break, shift_now_or_next

    loaded = settings_from_mapping(
        {"schedule": {"timezone": "Europe/Berlin", "breaks": ["10:30 15m", "12:30 30m lunch"]}},
        "c",
    )
    plan = settings_plan(loaded.settings)
    clock = ManualClock(datetime(2026, 12, 4, 9, 29, tzinfo=UTC))  # Friday 10:29 in Berlin

    def upcoming() -> str:
        days = plan.around(clock.now())
        found = next_break(days, clock.now())
        assert found is not None
        return f"{found.start.astimezone(BERLIN):%a %H:%M} {found.kind.value}"

    assert upcoming() == "Fri 10:30 break"
    clock.advance(6 * 60)
    assert upcoming() == "Fri 10:30 break"  # under way
    clock.advance(11 * 60)
    assert upcoming() == "Fri 12:30 lunch"
    clock.advance_to(datetime(2026, 12, 4, 16, 30, tzinfo=UTC))  # 17:30, after the shift
    assert upcoming() == "Mon 10:30 break"  # the weekend is off
    shift = shift_now_or_next(plan.around(clock.now()), clock.now())
    assert shift is not None
    assert shift.start == datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
