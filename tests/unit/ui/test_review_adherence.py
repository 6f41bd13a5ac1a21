"""The weekly review's cards for the breaks at fixed times, on a real seeded database: each
figure against last week, nothing for a week without fixed breaks, their CSV and the PDF."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from pytestqt.qtbot import QtBot

from shiftwell.report.files import WeekExporter
from shiftwell.storage.stats import IsoWeek, WeekRows, week_figures
from shiftwell.ui.palette import LIGHT
from shiftwell.ui.review.cards import FIXED_CARDS
from shiftwell.ui.review.pdf import summary_html
from shiftwell.ui.review.window import StatsWindow
from tests.helpers.seed import (
    BERLIN,
    Seeder,
    create_database,
    seed_fixed_breaks,
    seed_reference_fortnight,
)

W47, W48 = IsoWeek(2026, 47), IsoWeek(2026, 48)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[sa.Engine]:
    engine = create_database(tmp_path / "shiftwell.sqlite3")
    seed_reference_fortnight(Seeder(engine))
    yield engine
    engine.dispose()


def review(qtbot: QtBot, engine: sa.Engine) -> StatsWindow:
    window = StatsWindow(
        lambda week: week_figures(engine, week, BERLIN, timedelta(hours=2)),
        files=WeekExporter(WeekRows(engine, BERLIN)),
        today=lambda: date(2026, 11, 30),
        palette=LIGHT,
    )
    qtbot.add_widget(window)
    window.show()
    qtbot.wait_exposed(window)
    return window


def card(window: StatsWindow, key: str) -> tuple[str, str, str, str]:
    shown = window.cards[key]
    assert shown.isVisible()
    return shown.title.text(), shown.value.text(), shown.detail.text(), shown.trend.text()


def test_a_week_with_fixed_breaks_shows_how_they_went_against_last_week(
    qtbot: QtBot, engine: sa.Engine
) -> None:
    seed_fixed_breaks(Seeder(engine))
    window = review(qtbot, engine)
    window.show_week(W48)
    assert window.fixed_section.isVisible()
    assert card(window, "fixed_on_schedule") == (
        "Breaks on schedule",
        "43 %",
        "3 of 7 fixed breaks\nwithin 2 min of the start, 1 min of the end",
        "↓ 24 pts vs last week",
    )
    assert card(window, "fixed_back_late") == (
        "Back late from breaks",
        "9 min",
        "from 2 breaks, each over 1 min late",
        "↑ 9 min vs last week",
    )
    assert card(window, "fixed_lunches") == (
        "Lunches taken in full",
        "67 %",
        "2 of 3 lunches",
        "↑ 17 pts vs last week",
    )
    assert card(window, "fixed_missed") == (
        "Fixed breaks missed",
        "1",
        "of 7 fixed breaks, never started",
        "same as last week",
    )
    assert window.cards["fixed_missed"].accessibleDescription() == (
        "Fixed breaks missed: 1, of 7 fixed breaks, never started. same as last week."
    )
    # The week before had no week before it: nothing to compare.
    window.show_week(W47)
    assert card(window, "fixed_on_schedule")[1:] == (
        "67 %",
        "2 of 3 fixed breaks\nwithin 2 min of the start, 1 min of the end",
        "no shifts last week",
    )
    # This week's one shift had none: the section goes.
    window.go_this_week()
    assert not window.fixed_section.isVisible()
    assert not window.export_actions["fixed_breaks_csv"].isVisible()


def test_a_week_without_fixed_breaks_shows_nothing_new(qtbot: QtBot, engine: sa.Engine) -> None:
    window = review(qtbot, engine)
    window.show_week(W48)
    assert window.pages.currentWidget() is window.content
    assert not window.fixed_section.isVisible()
    assert not any(window.cards[key].isVisible() for key in FIXED_CARDS)
    assert not window.export_actions["fixed_breaks_csv"].isVisible()
    assert "on schedule" not in summary_html(week_figures(engine, W48, BERLIN))


def test_the_fixed_breaks_export_and_the_pdf_carry_them(
    qtbot: QtBot, engine: sa.Engine, tmp_path: Path
) -> None:
    seed_fixed_breaks(Seeder(engine))
    window = review(qtbot, engine)
    window.show_week(W48)
    assert window.export_actions["fixed_breaks_csv"].isVisible()
    target = tmp_path / "fixed.csv"
    assert window.export("fixed_breaks_csv", target)
    rows = list(csv.DictReader(io.StringIO(target.read_text(), newline="")))
    assert [(r["kind"], r["planned_start"][11:16], r["actual_start"][11:16]) for r in rows] == [
        ("break", "10:30", "10:30"),
        ("lunch", "12:30", "12:31"),
        ("break", "15:15", "15:21"),
        ("break", "10:30", ""),
        ("lunch", "12:30", "12:30"),
        ("break", "15:15", "15:15"),
        ("lunch", "12:30", "12:30"),
    ]
    html = summary_html(week_figures(engine, W48, BERLIN))
    assert "Breaks on schedule" in html and "Lunches taken in full" in html
    assert "started within 2 min of the planned minute" in html
