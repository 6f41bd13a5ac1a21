"""Break ideas: the shipped list, extended or replaced by the user's file."""

from __future__ import annotations

from pathlib import Path

import pytest

from shiftwell.platform.assets import asset
from shiftwell.platform.break_ideas import load_break_ideas


@pytest.fixture
def shipped(tmp_path: Path) -> list[str]:
    return load_break_ideas(tmp_path / "none.txt")


def test_the_shipped_list_is_long_short_lined_and_free_of_comments(shipped: list[str]) -> None:
    assert len(shipped) >= 25
    assert len(set(shipped)) == len(shipped)
    assert all(idea and not idea.startswith(("#", "!")) for idea in shipped)
    assert all(len(idea) <= 100 for idea in shipped), max(shipped, key=len)
    text = " ".join(shipped).lower()
    for topic in ("20 feet", "water", "walk", "breathe in for 4", "shoulders", "wrists", "window"):
        assert topic in text, topic
    assert asset("break-ideas.txt").read_text(encoding="utf-8").startswith("#")


def test_without_a_user_file_the_shipped_list_is_used(tmp_path: Path, shipped: list[str]) -> None:
    assert load_break_ideas(tmp_path / "missing" / "break-ideas.txt") == shipped


def test_the_users_ideas_extend_the_shipped_ones(tmp_path: Path, shipped: list[str]) -> None:
    own = tmp_path / "break-ideas.txt"
    own.write_text(
        "# mine\n\n  Pet the cat.  \nDrink a glass of water.\n" + shipped[0] + "\n",
        encoding="utf-8",
    )
    ideas = load_break_ideas(own)
    assert ideas == [*shipped, "Pet the cat.", "Drink a glass of water."]  # no duplicates


def test_replace_uses_only_the_users_ideas(tmp_path: Path) -> None:
    own = tmp_path / "break-ideas.txt"
    own.write_text("# my own list\n!replace\nPet the cat.\n\nWater the plants.\n", "utf-8")
    assert load_break_ideas(own) == ["Pet the cat.", "Water the plants."]


def test_a_byte_order_mark_is_not_part_of_the_first_line(tmp_path: Path) -> None:
    own = tmp_path / "break-ideas.txt"
    own.write_bytes("!replace\r\nPet the cat.\r\n".encode("utf-8-sig"))
    assert load_break_ideas(own) == ["Pet the cat."]


@pytest.mark.logs_warnings
def test_replace_with_no_ideas_falls_back_with_a_warning(
    tmp_path: Path, shipped: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    own = tmp_path / "break-ideas.txt"
    own.write_text("!replace\n# nothing yet\n", encoding="utf-8")
    assert load_break_ideas(own) == shipped
    [warning] = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warning == f"{own} says !replace but lists no ideas; using the shipped ones"


@pytest.mark.logs_warnings
@pytest.mark.parametrize("kind", ["directory", "not utf-8"])
def test_an_unreadable_user_file_falls_back_with_a_warning(
    tmp_path: Path, shipped: list[str], caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    own = tmp_path / "break-ideas.txt"
    if kind == "directory":
        own.mkdir()
    else:
        own.write_bytes(b"Pet the cat.\n\xff\xfe broken\n")
    assert load_break_ideas(own) == shipped
    [warning] = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warning.startswith(f"cannot read break ideas from {own} (")
    assert warning.endswith("); using the shipped ones")
