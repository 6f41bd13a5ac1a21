"""The dialog's line-per-item editors: breaks at fixed times, breaks by weekday, a rotation.
Typed, checked by core's own validation as they are typed, saved to a real settings file and
read back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from shiftwell.core.settings import Settings, validate_value
from shiftwell.platform.config_file import load_settings
from shiftwell.platform.config_save import save_settings
from shiftwell.ui.settings.dialog import SettingsDialog
from shiftwell.ui.settings.fields import LinesField
from tests.unit.ui.test_settings_dialog import open_dialog, page_of, save

ROTATION_FILE = """[schedule]
timezone = "Europe/Berlin"
[schedule.breaks_by_day]
friday = ["10:30 15m", "12:00 45m lunch"]
[schedule.rotation]
from = "2026-11-30"
weeks = [{monday = "07:00-15:00", breaks = ["11:00 30m lunch"]}, {monday = "14:00-22:00"}]
"""


def type_lines(qtbot: QtBot, dialog: SettingsDialog, key: str, text: str) -> LinesField:
    field = dialog.fields[key]
    assert isinstance(field, LinesField)
    dialog.tabs.setCurrentWidget(page_of(dialog, field))
    field.edit.setFocus()
    field.edit.selectAll()
    QTest.keyClick(field.edit, Qt.Key.Key_Delete)
    for number, line in enumerate(text.split("\n")):
        if number:
            QTest.keyClick(field.edit, Qt.Key.Key_Return)
        QTest.keyClicks(field.edit, line)
    return field


def core_says(key: str, raw: Any) -> str:
    with pytest.raises(ValueError) as refused:
        validate_value(key, raw)
    return str(refused.value)


def test_breaks_are_typed_one_a_line_and_saved_as_the_files_list(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    type_lines(qtbot, dialog, "schedule.breaks", "10:30 15m\n\n12:30 30m lunch\n")
    assert save(qtbot, dialog) == {"schedule.breaks": ["10:30 15m", "12:30 30m lunch"]}


def test_a_bad_break_is_explained_in_core_words_under_the_box(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    field = type_lines(qtbot, dialog, "schedule.breaks", "10:30 15m\n12:30 soon")
    assert field.problem.isVisible()
    assert field.problem.text() == core_says("schedule.breaks", ["10:30 15m", "12:30 soon"])
    assert "'12:30 soon'" in field.problem.text()
    assert field.edit.accessibleDescription() == field.problem.text()
    assert not dialog.save_button.isEnabled()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fri: 10:30 15m", None),  # core: not a weekday
        ("friday: 10:30 15m, 12:30 lunchtime", None),  # core: not a break
        ("10:30 15m", "line 1: write a weekday, a colon, then its breaks"),
    ],
)
def test_breaks_by_day_are_checked_as_typed(qtbot: QtBot, text: str, expected: str | None) -> None:
    dialog = open_dialog(qtbot)
    field = type_lines(qtbot, dialog, "schedule.breaks_by_day", text)
    assert field.problem.isVisible()
    if expected is None:
        day, _colon, breaks = text.partition(":")
        raw = {day: [b.strip() for b in breaks.split(",")]}
        assert field.problem.text() == core_says("schedule.breaks_by_day", raw)
    else:
        assert field.problem.text().startswith(expected)
    assert not dialog.save_button.isEnabled()


def test_lines_are_shown_as_the_file_has_them_and_an_untouched_dialog_changes_nothing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(ROTATION_FILE, encoding="utf-8")
    settings = load_settings(path, None).settings
    dialog = open_dialog(qtbot, settings)
    by_day = dialog.fields["schedule.breaks_by_day"]
    rotation = dialog.fields["schedule.rotation"]
    assert isinstance(by_day, LinesField) and isinstance(rotation, LinesField)
    assert by_day.edit.toPlainText() == "friday: 10:30 15m, 12:00 45m lunch"
    assert rotation.edit.toPlainText().splitlines() == [
        'from = "2026-11-30"',
        '{monday = "07:00-15:00", breaks = ["11:00 30m lunch"]}',
        '{monday = "14:00-22:00"}',
    ]
    assert dialog.changes() == {}


def test_a_rotation_typed_a_week_a_line_is_saved_and_reads_back(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[schedule]\ntimezone = "Europe/Berlin"\n', encoding="utf-8")
    dialog = open_dialog(qtbot, load_settings(path, None).settings)
    weeks = 'from = "2026-11-30"\nmonday = "07:00-15:00"\n{monday = "14:00-22:00"}'
    type_lines(qtbot, dialog, "schedule.rotation", weeks)
    type_lines(qtbot, dialog, "schedule.breaks_by_day", "Friday: 10:30 15m")
    changes = save(qtbot, dialog)
    save_settings(path, changes, None)
    reloaded = load_settings(path, None)
    assert reloaded.problems == []
    rotation = reloaded.settings.plan.rotation
    assert rotation is not None and len(rotation.weeks) == 2
    assert [str(s) for s in rotation.weeks[1].days[0]] == ["14:00-22:00"]
    assert [str(b) for b in reloaded.settings.plan.breaks_by_day[4]] == ["10:30 15m"]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ('from = "2026-11-30"\n{monday = 07:00-15:00}', "line 2: "),  # not TOML
        ('from = "2026-11-30"\n{monday = "07:00-15:00", funday = "off"}', "week 1: "),  # core
    ],
)
def test_a_rotation_line_that_does_not_read_says_which(
    qtbot: QtBot, text: str, starts: str
) -> None:
    dialog = open_dialog(qtbot)
    field = type_lines(qtbot, dialog, "schedule.rotation", text)
    assert field.problem.text().startswith(starts)
    assert "\n" not in field.problem.text()
    assert not dialog.save_button.isEnabled()


def test_emptying_a_line_field_removes_the_key(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(ROTATION_FILE, encoding="utf-8")
    dialog = open_dialog(qtbot, load_settings(path, None).settings)
    field = type_lines(qtbot, dialog, "schedule.rotation", "")
    assert not field.problem.isVisible()
    assert save(qtbot, dialog) == {"schedule.rotation": None}


def test_settings_without_these_keys_open_with_empty_boxes(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, Settings())
    for key in ("schedule.breaks", "schedule.breaks_by_day", "schedule.rotation"):
        field = dialog.fields[key]
        assert isinstance(field, LinesField) and field.edit.toPlainText() == ""
