"""The week's stats window on a real seeded database, driven by keyboard and menu."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
import sqlalchemy as sa
from PySide6.QtCharts import QBarSeries, QLineSeries, QScatterSeries, QStackedBarSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from shiftwell.report.files import WeekExporter
from shiftwell.storage.stats import IsoWeek, WeekFigures, WeekRows, week_figures
from shiftwell.ui.palette import DARK, LIGHT, palette_for
from shiftwell.ui.review.window import StatsWindow
from tests.helpers.seed import (
    BERLIN,
    Seeder,
    create_database,
    focus,
    micro,
    seed_reference_fortnight,
)

MONDAY_W49 = date(2026, 11, 30)  # "today": week 49 has just begun
W47, W48, W49 = IsoWeek(2026, 47), IsoWeek(2026, 48), IsoWeek(2026, 49)


@dataclass
class Opened:
    window: StatsWindow
    engine: sa.Engine
    asked: list[tuple[str, str, str]]
    answers: list[str]
    loaded: list[IsoWeek]

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
        QTest.keyClick(self.window, key, modifier)

    def card(self, key: str) -> tuple[str, str, str]:
        card = self.window.cards[key]
        return card.value.text(), card.detail.text(), card.trend.text()


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[sa.Engine]:
    engine = create_database(tmp_path / "shiftwell.sqlite3")
    seed_reference_fortnight(Seeder(engine))
    yield engine
    engine.dispose()


@pytest.fixture
def opened(qtbot: QtBot, engine: sa.Engine) -> Opened:
    loaded: list[IsoWeek] = []
    asked: list[tuple[str, str, str]] = []
    answers: list[str] = []

    def figures(week: IsoWeek) -> WeekFigures:
        loaded.append(week)
        return week_figures(engine, week, BERLIN, timedelta(hours=2))

    def ask(caption: str, suggested: str, file_filter: str) -> str:
        asked.append((caption, suggested, file_filter))
        return answers.pop(0) if answers else ""

    window = StatsWindow(
        figures,
        files=WeekExporter(WeekRows(engine, BERLIN)),
        today=lambda: MONDAY_W49,
        palette=LIGHT,
        export_dir=Path("/exports"),
        ask_path=ask,
    )
    qtbot.add_widget(window)
    window.show()
    window.activateWindow()
    qtbot.wait_exposed(window)
    qtbot.wait_until(window.isActiveWindow, timeout=2000)
    return Opened(window, engine, asked, answers, loaded)


def test_opens_on_the_week_in_progress(opened: Opened) -> None:
    window = opened.window
    assert opened.loaded == [W49]
    assert window.week_label.text() == "Week 49 · 30 Nov \u2013 6 Dec 2026"
    assert window.week_note.text() == (
        "This week, until Mon 30 Nov · 1 day worked so far · times in Europe/Berlin"
    )
    assert not window.next_button.isEnabled()
    assert opened.card("worked") == (
        "1.0 h",
        "of 8.0 h planned\n1.0 h of it focus",
        "↓ 34.3 h vs last week",
    )
    assert opened.card("breaks") == ("—", "no breaks fell due", "last week 55 %")
    assert window.charts["breaks"].placeholder.text() == "No breaks fell due this week."
    assert window.charts["overtime"].stack.currentWidget() is window.charts["overtime"].placeholder
    assert window.charts["checkin"].placeholder.text() == "No check-ins this week."


def test_the_reference_week_in_the_cards(opened: Opened) -> None:
    opened.key(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert opened.window.week == W48
    assert opened.window.week_note.text() == "Times in Europe/Berlin"
    assert opened.card("worked") == (
        "35.3 h",
        "of 40.0 h planned\n30.1 h of it focus",
        "↑ 14.3 h vs last week",
    )
    assert opened.card("on_time") == ("60 %", "3 of 5 days", "↓ 7 pts vs last week")
    assert opened.card("breaks") == ("55 %", "6 of 11 due", "↓ 12 pts vs last week")
    assert opened.card("overtime") == (
        "1 h 05 min",
        "of the 2 h weekly cap",
        "↑ 5 min vs last week",
    )
    assert opened.card("off_schedule") == (
        "1 day",
        "on a day off or before the shift",
        "same as last week",
    )
    assert opened.card("checkin") == ("3.7 / 5", "3 check-ins", "↑ 0.7 vs last week")
    card = opened.window.cards["overtime"]
    assert card.accessibleName() == "Overtime"
    assert card.accessibleDescription() == (
        "Overtime: 1 h 05 min, of the 2 h weekly cap. ↑ 5 min vs last week."
    )


def test_keyboard_and_buttons_move_between_weeks(opened: Opened) -> None:
    alt = Qt.KeyboardModifier.AltModifier
    opened.key(Qt.Key.Key_Left, alt)
    opened.key(Qt.Key.Key_Left, alt)
    assert opened.window.week == W47
    assert opened.window.next_button.isEnabled()
    opened.key(Qt.Key.Key_Right, alt)
    assert opened.window.week == W48
    opened.key(Qt.Key.Key_Home, Qt.KeyboardModifier.NoModifier)
    assert opened.window.week == W49
    opened.key(Qt.Key.Key_Right, alt)  # nothing to see ahead of this week
    assert opened.window.week == W49
    QTest.mouseClick(opened.window.previous_button, Qt.MouseButton.LeftButton)
    assert opened.window.week == W48
    QTest.mouseClick(opened.window.this_week_button, Qt.MouseButton.LeftButton)
    assert opened.loaded == [W49, W48, W47, W48, W49, W48, W49]


def test_an_empty_week_says_so(opened: Opened) -> None:
    for _ in range(4):
        opened.key(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    window = opened.window
    assert window.week == IsoWeek(2026, 45)
    assert window.pages.currentWidget() is window.empty_state
    assert window.empty_state.isVisible() and not window.content.isVisible()
    assert window.empty_title.text() == "No shifts recorded this week"
    assert "no shifts in this week" in window.empty_text.text()
    # The week after an empty one mentions nothing of a "week before" that had nothing.
    opened.key(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.pages.currentWidget() is window.empty_state
    opened.key(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.week == W47 and window.pages.currentWidget() is window.content
    assert window.cards["worked"].trend.text() == "no shifts last week"


def test_an_empty_week_after_a_worked_one_mentions_it(qtbot: QtBot, engine: sa.Engine) -> None:
    window = StatsWindow(
        lambda week: week_figures(engine, week, BERLIN, timedelta(hours=2)),
        today=lambda: date(2026, 12, 9),
        palette=LIGHT,
    )
    qtbot.add_widget(window)
    assert window.week == IsoWeek(2026, 50)
    assert window.empty_text.text() == (
        "Shifts you work this week will show up here as you go.\nThe week before: 1.0 h over 1 day."
    )
    assert not window.export_actions["segments_csv"].isEnabled()  # no rows were handed in
    assert window.export_actions["pdf"].isEnabled()


def test_the_charts_hold_the_week(opened: Opened) -> None:
    opened.key(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    charts = opened.window.charts

    [focus] = charts["focus"].chart.series()
    assert isinstance(focus, QBarSeries)
    planned, worked = focus.barSets()
    assert [planned.at(i) for i in range(7)] == [8, 8, 0, 8, 8, 8, 0]
    assert [round(worked.at(i), 2) for i in range(7)] == [7, 7.75, 0, 6, 7.33, 2, 0]

    [breaks] = charts["breaks"].chart.series()
    assert isinstance(breaks, QStackedBarSeries)
    counts = {s.label(): [int(s.at(i)) for i in range(7)] for s in breaks.barSets()}
    assert counts == {
        "Kept": [2, 2, 0, 1, 0, 0, 0],
        "Natural": [0, 0, 0, 1, 0, 0, 0],
        "Postponed": [0, 1, 0, 2, 0, 0, 0],
        "Skipped": [1, 0, 0, 0, 1, 0, 0],
    }

    logoff = charts["logoff"].chart.series()
    dots = {s.name(): s for s in logoff if isinstance(s, QScatterSeries)}
    on_time = [(p.x(), round(p.y(), 2)) for p in dots["On time"].points()]
    assert on_time == [(0, 17.01), (3, 16.83), (5, 12)]
    assert [(p.x(), p.y()) for p in dots["Late"].points()] == [(1, 17.75), (4, 17 + 1 / 3)]
    dashes = [s for s in logoff if isinstance(s, QLineSeries) and not isinstance(s, QScatterSeries)]
    assert [s.points()[0].y() for s in dashes] == [17, 17, 17, 17, 18]
    assert "Tue 24 Nov: 45 min late" in charts["logoff"].view.accessibleDescription()

    [overtime] = charts["overtime"].chart.series()
    assert isinstance(overtime, QBarSeries)
    [minutes] = overtime.barSets()
    assert [minutes.at(i) for i in range(7)] == [0, 45, 0, 0, 20, 0, 0]
    assert charts["overtime"].footer.text().splitlines() == [
        "Tue 24 Nov · 45 min — customer call ran long",
        "Fri 27 Nov · 10 min — handover",
        "Fri 27 Nov · 10 min — ticket backlog",
    ]

    [line] = [
        s
        for s in charts["checkin"].chart.series()
        if isinstance(s, QLineSeries) and not isinstance(s, QScatterSeries)
    ]
    assert [(p.x(), p.y()) for p in line.points()] == [(0, 4), (1, 2), (3, 5)]


def test_png_and_pdf_from_the_export_menu(opened: Opened, tmp_path: Path) -> None:
    window = opened.window
    opened.key(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    png, pdf = tmp_path / "week.png", tmp_path / "week.pdf"
    opened.answers += [str(png), str(pdf)]
    window.export_actions["png"].trigger()
    window.export_actions["pdf"].trigger()
    assert [suggested for _, suggested, _ in opened.asked] == [
        "/exports/shiftwell-2026-W48-stats.png",
        "/exports/shiftwell-2026-W48-summary.pdf",
    ]
    image = QImage(str(png))
    assert not image.isNull()
    assert (image.width(), image.height()) == (window.width(), window.height())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"/Count 1\n" in data  # one page
    assert window.statusBar().currentMessage() == f"Saved {pdf}"


def test_rows_and_figures_from_the_export_menu(opened: Opened, tmp_path: Path) -> None:
    opened.key(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    paths = {
        key: tmp_path / f"out.{key}" for key in ("segments_csv", "overtime_csv", "ics", "json")
    }
    opened.answers += [str(path) for path in paths.values()]
    for key in paths:
        opened.window.export_actions[key].trigger()
    segments = list(csv.DictReader(io.StringIO(paths["segments_csv"].read_text(), newline="")))
    assert len(segments) == 23
    overtime = list(csv.DictReader(io.StringIO(paths["overtime_csv"].read_text(), newline="")))
    assert [row["reason"] for row in overtime] == [
        "customer call ran long",
        "handover",
        "ticket backlog",
    ]
    calendar = icalendar.Calendar.from_ical(paths["ics"].read_bytes())
    assert len(list(calendar.walk("VEVENT"))) == 12
    assert json.loads(paths["json"].read_text())["week"] == "2026-W48"


def test_a_cancelled_dialog_writes_nothing(opened: Opened, tmp_path: Path) -> None:
    opened.window.export_actions["png"].trigger()
    assert len(opened.asked) == 1
    assert not list(tmp_path.rglob("*.png"))
    assert opened.window.statusBar().currentMessage() == ""


@pytest.mark.logs_warnings
def test_a_failed_export_is_reported(
    opened: Opened, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    target = tmp_path / "missing" / "week.json"
    assert not opened.window.export("json", target)
    message = opened.window.statusBar().currentMessage()
    assert message == "Couldn't save week.json: No such file or directory"
    assert any("export to" in r.getMessage() for r in caplog.records)


@pytest.mark.logs_warnings
def test_a_database_that_cannot_be_read_shows_a_message(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(week: IsoWeek) -> WeekFigures:
        raise sa.exc.OperationalError("select", {}, Exception("database is locked"))

    window = StatsWindow(broken, today=lambda: MONDAY_W49, palette=LIGHT)
    qtbot.add_widget(window)
    assert window.empty_title.text() == "Couldn't read this week"
    assert "database is locked" in window.empty_text.text()
    assert window.shown is None
    assert any("can't read the figures for 2026-W49" in r.getMessage() for r in caplog.records)


def test_every_control_has_an_accessible_name(opened: Opened) -> None:
    window = opened.window
    buttons = window.findChildren(QAbstractButton)
    assert len(buttons) == 4
    assert all(button.accessibleName() for button in buttons)
    named: list[QWidget] = [*window.cards.values()]
    named += [chart.view for chart in window.charts.values()]
    assert all(widget.accessibleName() for widget in named)
    assert all(action.text() for action in window.export_menu.actions())
    assert window.charts["focus"].view.accessibleDescription() == (
        "Mon 30 Nov: focus 1.0 h of 8.0 h planned"
    )


def test_the_palette_follows_the_desktop(qtbot: QtBot, engine: sa.Engine) -> None:
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    light = QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#f0f0f0"))
    assert palette_for(dark) is DARK and palette_for(light) is LIGHT
    assert palette_for(light, Qt.ColorScheme.Dark) is DARK
    window = StatsWindow(
        lambda week: week_figures(engine, week, BERLIN, timedelta(hours=2)),
        today=lambda: MONDAY_W49,
        palette=DARK,
    )
    qtbot.add_widget(window)
    assert DARK.window in window.styleSheet() and LIGHT.window not in window.styleSheet()
    [focus] = window.charts["focus"].chart.series()
    assert isinstance(focus, QBarSeries)
    assert focus.barSets()[1].color().name() == DARK.focus


def test_only_the_window_module_loads_qtcharts() -> None:
    modules = [
        "shiftwell.ui.tray.tray",
        "shiftwell.ui.palette",
        "shiftwell.ui.review.cards",
        "shiftwell.ui.review.pdf",
        "shiftwell.storage.stats",
        "shiftwell.report.files",
    ]
    code = (
        f"import sys, {', '.join(modules)}; print('PySide6.QtCharts' in sys.modules); "
        "import shiftwell.ui.review.window; print('PySide6.QtCharts' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["False", "True"]


# --- shown again ---------------------------------------------------------------------------


def _log_a_shift_today(engine: sa.Engine) -> None:
    Seeder(engine).shift(MONDAY_W49, "09:00", "17:00", segments=[focus(7), micro(), focus(1)])


def test_shown_again_after_closing_it_reads_the_figures_afresh(
    opened: Opened, qtbot: QtBot
) -> None:
    window = opened.window
    opened.window.go_previous()
    assert opened.card("worked")[0] == "35.3 h"
    window.close()
    _log_a_shift_today(opened.engine)  # the day's log-off, while the window was closed
    window.show()
    qtbot.wait_exposed(window)
    assert window.week == W49  # opened again, on the week in progress
    assert opened.card("worked")[0] == "9.0 h"
    assert opened.loaded[-1] == W49


def test_brought_up_while_open_it_reads_the_figures_afresh(opened: Opened) -> None:
    assert opened.card("worked")[0] == "1.0 h"
    _log_a_shift_today(opened.engine)
    opened.window.bring_up(on_top=True)
    assert opened.card("worked")[0] == "9.0 h"
    assert opened.window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint


def test_left_open_it_follows_what_is_recorded(opened: Opened) -> None:
    assert opened.card("worked")[0] == "1.0 h"
    _log_a_shift_today(opened.engine)
    opened.window.reread()  # the shell's word: a transition was recorded
    assert opened.card("worked")[0] == "9.0 h"
    opened.window.close()
    reads = len(opened.loaded)
    opened.window.reread()
    assert len(opened.loaded) == reads  # closed: nothing read until it is shown again
