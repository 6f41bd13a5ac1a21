"""The settings dialog, offscreen: typing, checking, locking, start at login, and saving."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from shiftwell.core.settings import BreakPolicy, BreakRule, Settings, SoundSettings, Strictness
from shiftwell.platform.assets import asset
from shiftwell.platform.autostart import Autostart, XdgAutostart
from shiftwell.platform.config_file import load_settings
from shiftwell.platform.config_save import save_settings
from shiftwell.ui.palette import LIGHT
from shiftwell.ui.settings.dialog import SettingsDialog
from shiftwell.ui.settings.fields import CommandField, Field, TextField
from shiftwell.ui.settings.pages import Page
from shiftwell.ui.settings.style import PROBLEM_LIGHT

START = ["/opt/shiftwell/bin/shiftwell"]


def open_dialog(
    qtbot: QtBot,
    settings: Settings | None = None,
    locked: frozenset[str] = frozenset(),
    autostart: Autostart | None = None,
) -> SettingsDialog:
    dialog = SettingsDialog(
        settings or Settings(), locked, autostart, start_command=START, palette=LIGHT
    )
    qtbot.add_widget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.wait_exposed(dialog)
    qtbot.wait_until(dialog.isActiveWindow, timeout=2000)
    return dialog


def type_into(qtbot: QtBot, dialog: SettingsDialog, key: str, text: str) -> TextField:
    field = dialog.fields[key]
    assert isinstance(field, TextField)
    dialog.tabs.setCurrentWidget(page_of(dialog, field))
    field.line.setFocus()
    field.line.selectAll()
    if text:
        QTest.keyClicks(field.line, text)
    else:
        QTest.keyClick(field.line, Qt.Key.Key_Delete)
    return field


def page_of(dialog: SettingsDialog, field: Field) -> Page:
    for index in range(dialog.tabs.count()):
        page = dialog.tabs.widget(index)
        if isinstance(page, Page) and field in page.fields:
            return page
    raise AssertionError(f"{field.key} is on no tab")


def save(qtbot: QtBot, dialog: SettingsDialog) -> dict[str, Any]:
    with qtbot.wait_signal(dialog.saved, timeout=1000) as blocker:
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [changes] = blocker.args
    assert isinstance(changes, dict)
    return changes


def test_typing_a_duration_saves_exactly_that_key(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    assert dialog.save_button.isEnabled()
    type_into(qtbot, dialog, "breaks.micro.every", "25m")
    assert save(qtbot, dialog) == {"breaks.micro.every": "25m"}


def test_a_value_typed_back_to_what_it_was_is_not_a_change(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    type_into(qtbot, dialog, "breaks.micro.every", "1200s")  # 20 minutes, as before
    type_into(qtbot, dialog, "schedule.monday", " 09:00 - 17:00 ")
    with qtbot.assert_not_emitted(dialog.saved):
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def red_pixels(widget: QWidget) -> int:
    image = widget.grab().toImage()
    wanted = QColor(PROBLEM_LIGHT)
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            close = abs(colour.red() - wanted.red()) + abs(colour.green() - wanted.green())
            count += close < 60 and colour.red() > 2 * colour.green()
    return count


def test_soon_is_explained_under_the_field_and_save_waits(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    field = type_into(qtbot, dialog, "breaks.micro.every", "soon")
    message = "'soon' is not a duration (e.g. 90s, 25m, 1h30m)"
    assert field.problem.isVisible()
    assert field.problem.text() == message
    assert field.line.accessibleDescription() == message
    assert field.problem.accessibleName() == "Every: problem"
    assert red_pixels(field.problem) > 20
    assert not dialog.save_button.isEnabled()
    QTest.keyClick(field.line, Qt.Key.Key_Return)  # the default button stays off
    assert dialog.isVisible()

    type_into(qtbot, dialog, "breaks.micro.every", "25m")
    assert not field.problem.isVisible()
    assert field.line.accessibleDescription() == ""
    assert dialog.save_button.isEnabled()


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        ("schedule.friday", "9-17", "'9-17' is not a shift (e.g. \"09:00-17:00\""),
        ("schedule.timezone", "Mars/Olympus", "'Mars/Olympus' is not a known time zone"),
        ("schedule.days_off", "2026-02-30", "'2026-02-30' is not a date or range"),
        ("breaks.long.length", "3h", "'3h' is out of range (1m to 2h)"),
        ("logoff.warnings", "15m, later", "'later' is not a duration"),
        ("logoff.action", 'notify-send "unclosed', "can't split 'notify-send \"unclosed'"),
    ],
)
def test_each_kind_of_text_is_checked_as_it_is_typed(
    qtbot: QtBot, key: str, text: str, message: str
) -> None:
    dialog = open_dialog(qtbot)
    field = type_into(qtbot, dialog, key, text)
    assert field.problem.text().startswith(message)
    assert not dialog.save_button.isEnabled()


def test_a_micro_break_as_long_as_the_long_break_is_refused(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    micro = type_into(qtbot, dialog, "breaks.micro.length", "15m")
    assert micro.problem.text() == "A micro break must be shorter than a long break (10m)."
    assert not dialog.save_button.isEnabled()
    type_into(qtbot, dialog, "breaks.long.length", "20m")
    assert not micro.problem.isVisible()
    assert save(qtbot, dialog) == {"breaks.micro.length": "15m", "breaks.long.length": "20m"}


def test_a_locked_micro_length_puts_the_clash_on_the_long_length(qtbot: QtBot) -> None:
    settings = Settings(
        breaks=BreakPolicy(micro=BreakRule(timedelta(minutes=20), timedelta(minutes=5)))
    )
    dialog = open_dialog(qtbot, settings, locked=frozenset({"breaks.micro.length"}))
    long = type_into(qtbot, dialog, "breaks.long.length", "3m")
    assert long.problem.text() == "A long break must be longer than a micro break (5m)."
    assert not dialog.save_button.isEnabled()


def test_numbers_out_of_range_are_explained_not_clamped(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    field = dialog.fields["breaks.max_postpones"]
    assert isinstance(field.editor, QSpinBox)
    dialog.tabs.setCurrentWidget(page_of(dialog, field))
    field.editor.setFocus()
    field.editor.selectAll()
    QTest.keyClicks(field.editor, "25")
    assert field.problem.text() == "25 is out of range (0 to 20)"
    assert not dialog.save_button.isEnabled()
    QTest.keyClick(field.editor, Qt.Key.Key_Backspace)
    assert save(qtbot, dialog) == {"breaks.max_postpones": 2}


def test_strictness_checkboxes_and_zone_are_saved_as_toml_values(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, Settings(sounds=SoundSettings(enabled=True)))
    strictness = dialog.fields["breaks.strictness"].editor
    assert isinstance(strictness, QComboBox)
    strictness.setFocus()
    QTest.keyClick(strictness, Qt.Key.Key_Down)
    sounds = dialog.fields["sounds.enabled"].editor
    assert isinstance(sounds, QCheckBox)
    sounds.click()
    type_into(qtbot, dialog, "schedule.timezone", "Europe/Berlin")
    assert save(qtbot, dialog) == {
        "breaks.strictness": "strict",
        "sounds.enabled": False,
        "schedule.timezone": "Europe/Berlin",
    }


def test_hooks_are_split_like_a_shell_and_shown_as_the_list_that_runs(qtbot: QtBot) -> None:
    settings = Settings(hooks={"logoff": ("notify-send", "Bye")})
    dialog = open_dialog(qtbot, settings)
    logoff = dialog.fields["hooks.logoff"]
    assert isinstance(logoff, CommandField)
    assert logoff.line.text() == "notify-send Bye"
    start = type_into(
        qtbot, dialog, "hooks.shift_start", "notify-send 'Shift started' --urgency=low"
    )
    assert isinstance(start, CommandField)
    assert start.preview.text() == 'Runs ["notify-send", "Shift started", "--urgency=low"]'
    type_into(qtbot, dialog, "hooks.logoff", "")
    assert not logoff.preview.isVisible()
    assert save(qtbot, dialog) == {
        "hooks.shift_start": ["notify-send", "Shift started", "--urgency=low"],
        "hooks.logoff": None,  # cleared: the key is removed
    }


def test_clearing_the_zone_leaves_it_to_the_computer(qtbot: QtBot) -> None:
    settings = Settings(schedule=Settings().schedule.__class__(ZoneInfo("Asia/Tokyo")))
    dialog = open_dialog(qtbot, settings)
    zone = dialog.fields["schedule.timezone"]
    assert isinstance(zone, TextField) and zone.line.text() == "Asia/Tokyo"
    type_into(qtbot, dialog, "schedule.timezone", "")
    assert not zone.problem.isVisible()
    assert save(qtbot, dialog) == {"schedule.timezone": None}


def test_locked_fields_are_disabled_with_a_note_and_never_saved(qtbot: QtBot) -> None:
    locked = frozenset({"breaks.strictness", "schedule.monday"})
    dialog = open_dialog(qtbot, locked=locked)
    for key in locked:
        field = dialog.fields[key]
        dialog.tabs.setCurrentWidget(page_of(dialog, field))
        assert not field.editor.isEnabled()
        assert field.lock_note.isVisible()
        assert field.lock_note.text() == "Set by your team's policy"
        assert field.editor.accessibleDescription() == "Set by your team's policy"
    free = [f for k, f in dialog.fields.items() if k not in locked]
    assert all(f.editor.isEnabled() and not f.lock_note.isVisible() for f in free)
    type_into(qtbot, dialog, "shift.length", "6h")
    assert save(qtbot, dialog) == {"shift.length": "6h"}


def test_start_at_login_is_switched_through_the_autostart_backend(
    qtbot: QtBot, tmp_path: Path
) -> None:
    autostart = XdgAutostart(tmp_path / "config")
    dialog = open_dialog(qtbot, autostart=autostart)
    assert not dialog.autostart_box.isChecked()
    assert str(autostart.path) in dialog.autostart_note.text()
    dialog.tabs.setCurrentWidget(dialog.login_page)
    dialog.autostart_box.click()
    assert not autostart.is_enabled()  # nothing happens before Save
    with qtbot.assert_not_emitted(dialog.saved):
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert autostart.is_enabled()
    assert "Exec=/opt/shiftwell/bin/shiftwell\n" in autostart.path.read_text(encoding="utf-8")

    again = open_dialog(qtbot, autostart=autostart)
    assert again.autostart_box.isChecked()
    again.autostart_box.click()
    QTest.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert not autostart.is_enabled()
    assert not autostart.path.exists()


def test_cancel_changes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path / "config")
    dialog = open_dialog(qtbot, autostart=autostart)
    dialog.autostart_box.click()
    type_into(qtbot, dialog, "shift.length", "6h")
    with qtbot.assert_not_emitted(dialog.saved):
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not autostart.is_enabled()


def test_a_failing_autostart_keeps_the_dialog_open_and_says_why(
    qtbot: QtBot, tmp_path: Path
) -> None:
    blocked = tmp_path / "config"
    blocked.mkdir()
    (blocked / "autostart").write_text("a file where a folder belongs", encoding="utf-8")
    dialog = open_dialog(qtbot, autostart=XdgAutostart(blocked))
    type_into(qtbot, dialog, "shift.length", "6h")
    dialog.autostart_box.click()
    with qtbot.assert_not_emitted(dialog.saved):
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is dialog.login_page
    assert dialog.autostart_problem.isVisible()
    assert dialog.autostart_problem.text().startswith("Could not turn on start at login: ")


def test_without_an_autostart_backend_the_box_is_disabled(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, autostart=None)
    assert not dialog.autostart_box.isEnabled()
    assert "not available" in dialog.autostart_note.text()


INTERACTIVE = (QLineEdit, QCheckBox, QComboBox, QSpinBox, QAbstractButton, QTabWidget)


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    controls = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, INTERACTIVE) and not w.objectName().startswith("qt_")  # Qt's own parts
    ]
    nameless = [type(w).__name__ + ":" + w.objectName() for w in controls if not w.accessibleName()]
    assert len(controls) > 40
    assert nameless == []


MNEMONIC = re.compile(r"&([^&])")


def mnemonics(texts: list[str]) -> list[str]:
    """The Alt+letter keys in `texts` ("&&" is a plain "&", not a key)."""
    return [m.group(1).lower() for text in texts for m in MNEMONIC.finditer(text.replace("&&", ""))]


def test_mnemonics_are_unique_on_every_tab(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    shared = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    shared.append(dialog.save_button.text())
    for index in range(dialog.tabs.count()):
        page = dialog.tabs.widget(index)
        assert page is not None
        texts = [w.text() for w in page.findChildren(QLabel) if w.buddy() is not None]
        texts += [w.text() for w in page.findChildren(QCheckBox)]
        letters = mnemonics(shared + texts)
        assert len(letters) == len(set(letters)), (dialog.tabs.tabText(index), letters)
        labelled = {w.buddy() for w in page.findChildren(QLabel) if w.buddy() is not None}
        editors = [
            f.editor for f in getattr(page, "fields", []) if not isinstance(f.editor, QCheckBox)
        ]
        assert all(editor in labelled for editor in editors)


def test_keyboard_alone_reaches_tabs_and_fields(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    alt = Qt.KeyboardModifier.AltModifier
    QTest.keyClick(dialog, Qt.Key.Key_B, alt)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "&Breaks"
    QTest.keyClick(dialog, Qt.Key.Key_E, alt)
    assert dialog.focusWidget() is dialog.fields["breaks.micro.every"].editor
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.fields["breaks.micro.length"].editor
    QTest.keyClick(dialog, Qt.Key.Key_T, alt)
    assert dialog.tabs.currentWidget() is dialog.login_page
    QTest.keyClick(dialog, Qt.Key.Key_B, alt)
    QTest.keyClick(dialog, Qt.Key.Key_Y, alt)  # Postpone b&y
    postpone = dialog.fields["breaks.postpone"].editor
    assert dialog.focusWidget() is postpone
    QTest.keyClick(postpone, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(postpone, "2m")
    with qtbot.wait_signal(dialog.saved, timeout=1000) as blocker:
        QTest.keyClick(postpone, Qt.Key.Key_Return)
    assert blocker.args == [{"breaks.postpone": "2m"}]


def test_tab_order_follows_the_rows_on_every_tab(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    for index in range(dialog.tabs.count()):
        page = dialog.tabs.widget(index)
        if not isinstance(page, Page) or not page.fields:
            continue
        dialog.tabs.setCurrentIndex(index)
        editors = [f.editor for f in page.fields]
        seen: list[QWidget] = []
        widget: QWidget | None = editors[0]
        for _ in range(200):
            if widget in editors and widget not in seen:
                seen.append(widget)
            widget = widget.nextInFocusChain() if widget is not None else None
        assert seen == editors, page.title


def test_dialog_to_file_and_back_keeps_the_comments(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    original = asset("default-config.toml").read_text(encoding="utf-8")
    original = original.replace("[breaks]\n", "[breaks]  # tuned with the team lead\n")
    path.write_text(original, encoding="utf-8")
    loaded = load_settings(path, None)

    dialog = open_dialog(qtbot, loaded.settings, loaded.locked)
    type_into(qtbot, dialog, "breaks.long.every", "1h")
    type_into(qtbot, dialog, "schedule.saturday", "10:00-14:00")
    type_into(qtbot, dialog, "hooks.logoff", "notify-send 'Done for today'")
    strict = dialog.fields["logoff.strict"].editor
    assert isinstance(strict, QCheckBox)
    strict.click()
    changes = save(qtbot, dialog)
    save_settings(path, changes, None)

    reloaded = load_settings(path, None)
    assert reloaded.problems == []
    s = reloaded.settings
    assert s.breaks.long.every == timedelta(hours=1)
    assert [str(span) for span in s.schedule.days[5]] == ["10:00-14:00"]
    assert s.hooks == {"logoff": ("notify-send", "Done for today")}
    assert s.logoff.strict is True
    assert s.breaks.strictness is Strictness.NORMAL
    text = path.read_text(encoding="utf-8")
    comments = [line for line in original.splitlines() if "#" in line]
    assert comments and all(line in text.splitlines() for line in comments)
    assert text.startswith(original.split('every = "50m"')[0])
