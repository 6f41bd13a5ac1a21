"""A team policy file fixes chosen settings; the user's file can't undo them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import pytest

from shiftwell.core.settings import Settings, Strictness, apply_policy
from shiftwell.platform.config_file import load_settings, locked_keys
from shiftwell.platform.config_save import SettingsNotSaved, save_settings

USER = """\
# my own settings
[breaks]
strictness = "gentle"
max_postpones = 5

[breaks.long]
length = "15m"
"""

POLICY = """\
# Set by IT for the whole support team.
[breaks]
strictness = "strict"

[breaks.long]
length = "15m"
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    user, policy = tmp_path / "config.toml", tmp_path / "policy.toml"
    user.write_text(USER, encoding="utf-8")
    policy.write_text(POLICY, encoding="utf-8")
    return user, policy


def messages(problems: Sequence[object]) -> list[str]:
    return [str(p) for p in problems]


def test_policy_keys_win_are_locked_and_the_users_clash_is_reported(
    files: tuple[Path, Path],
) -> None:
    user, policy = files
    loaded = load_settings(user, policy)
    assert loaded.settings.breaks.strictness is Strictness.STRICT
    assert loaded.settings.breaks.long.length == timedelta(minutes=15)
    assert loaded.settings.breaks.max_postpones == 5  # not locked: the user's value
    assert loaded.locked == {"breaks.strictness", "breaks.long.length"}
    # The user's long.length equals the policy's: nothing to tell.
    assert messages(loaded.problems) == [
        f"{user}: breaks.strictness: set by the team policy ({policy}); your value is ignored"
    ]


def test_no_policy_file_means_nothing_is_locked(tmp_path: Path, files: tuple[Path, Path]) -> None:
    user, _ = files
    for policy in (tmp_path / "absent.toml", None):
        loaded = load_settings(user, policy)
        assert loaded.locked == frozenset()
        assert loaded.problems == []
        assert loaded.settings.breaks.strictness is Strictness.GENTLE


def test_a_bad_policy_value_is_reported_and_the_key_stays_locked_at_its_default(
    files: tuple[Path, Path],
) -> None:
    user, policy = files
    policy.write_text('[breaks]\nstrictness = "harsh"\nmax_postponez = 1\n', encoding="utf-8")
    loaded = load_settings(user, policy)
    assert loaded.locked == {"breaks.strictness"}  # an unknown key locks nothing
    assert loaded.settings.breaks.strictness is Settings().breaks.strictness
    by_key = {(p.source, p.key): p.message for p in loaded.problems}
    assert by_key[(str(policy), "breaks.strictness")].startswith(
        "'harsh' is not one of 'gentle', 'normal', 'strict'; using the default"
    )
    assert by_key[(str(policy), "breaks.max_postponez")].startswith("unknown key")
    assert by_key[(str(user), "breaks.strictness")] == (
        f"set by the team policy ({policy}); your value is ignored"
    )


def test_a_broken_policy_file_is_reported_and_not_applied(files: tuple[Path, Path]) -> None:
    user, policy = files
    policy.write_text("[breaks\nstrictness = 'strict'\n", encoding="utf-8")
    loaded = load_settings(user, policy)
    assert loaded.locked == frozenset()
    assert loaded.settings.breaks.strictness is Strictness.GENTLE
    [problem] = loaded.problems
    assert problem.source == str(policy)
    assert "not valid TOML" in problem.message and "line 1" in problem.message
    assert problem.message.endswith("the team policy is not applied")


def test_an_unreadable_policy_is_reported(files: tuple[Path, Path], tmp_path: Path) -> None:
    user, _ = files
    policy = tmp_path / "policy-dir"
    policy.mkdir()  # reading a directory fails on every system
    loaded = load_settings(user, policy)
    [problem] = loaded.problems
    assert str(problem).startswith(f"{policy}: (file): can't be read")
    assert loaded.locked == frozenset()


def test_a_broken_user_file_still_gets_the_policy(files: tuple[Path, Path]) -> None:
    user, policy = files
    user.write_text("[breaks\n", encoding="utf-8")
    loaded = load_settings(user, policy)
    assert loaded.settings.breaks.strictness is Strictness.STRICT
    assert [p.source for p in loaded.problems] == [str(user)]


def test_first_run_under_a_policy_writes_the_default_and_applies_the_policy(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    _, policy = files
    user = tmp_path / "new" / "config.toml"
    loaded = load_settings(user, policy)
    assert user.exists()
    assert loaded.settings.breaks.strictness is Strictness.STRICT
    assert loaded.problems == []


def test_the_users_micro_break_gives_way_to_a_locked_long_break() -> None:
    loaded = apply_policy(
        {"breaks": {"micro": {"length": "6m"}, "long": {"every": "1h"}}},
        {"breaks": {"long": {"length": "5m"}}},
        "user.toml",
        "policy.toml",
    )
    assert loaded.settings.breaks.long.length == timedelta(minutes=5)
    assert loaded.settings.breaks.micro.length == Settings().breaks.micro.length
    assert loaded.settings.breaks.long.every == timedelta(hours=1)
    assert messages(loaded.problems) == [
        "user.toml: breaks.micro.length: must be shorter than breaks.long.length (5m), "
        "which the team policy (policy.toml) sets; using the default"
    ]


def test_the_users_long_break_gives_way_to_a_locked_micro_break() -> None:
    loaded = apply_policy(
        {"breaks": {"long": {"length": "2m"}}},
        {"breaks": {"micro": {"length": "3m"}}},
        "user.toml",
        "policy.toml",
    )
    assert loaded.settings.breaks.micro.length == timedelta(minutes=3)
    assert loaded.settings.breaks.long.length == Settings().breaks.long.length
    assert [p.key for p in loaded.problems] == ["breaks.long.length"]
    assert "must be longer than breaks.micro.length (3m)" in loaded.problems[0].message


def test_a_policy_at_odds_with_a_default_is_reported_against_the_policy() -> None:
    loaded = apply_policy({}, {"breaks": {"micro": {"length": "15m"}}}, "u.toml", "p.toml")
    [problem] = loaded.problems
    assert (problem.source, problem.key) == ("p.toml", "breaks.micro.length")
    assert "must be shorter than breaks.long.length" in problem.message


def test_locked_keys_come_from_the_policy_file(files: tuple[Path, Path], tmp_path: Path) -> None:
    _, policy = files
    assert locked_keys(policy) == {"breaks.strictness", "breaks.long.length"}
    assert locked_keys(None) == frozenset()
    assert locked_keys(tmp_path / "absent.toml") == frozenset()


def test_save_refuses_a_locked_key_and_writes_nothing(files: tuple[Path, Path]) -> None:
    user, policy = files
    with pytest.raises(SettingsNotSaved, match=r"breaks\.strictness is set by the team policy"):
        save_settings(user, {"breaks.max_postpones": 2, "breaks.strictness": "gentle"}, policy)
    assert user.read_text(encoding="utf-8") == USER
    save_settings(user, {"breaks.max_postpones": 2}, policy)
    assert "max_postpones = 2\n" in user.read_text(encoding="utf-8")
