"""The check-in: a score from 1 to 5 or Skip, a word if you like, by mouse or keyboard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from shiftwell.ui.checkin.checkin import SCORES, CheckInDialog


@pytest.fixture
def dialog(qtbot: QtBot) -> Iterator[CheckInDialog]:
    shown = CheckInDialog()
    qtbot.add_widget(shown)
    shown.show()
    yield shown
    shown.hide()


def test_five_scores_with_words_a_word_field_and_skip(dialog: CheckInDialog) -> None:
    assert dialog.question.text() == "How are you doing?"
    assert [b.text() for b in dialog.score_buttons] == [
        "1\nDrained",
        "2\nTired",
        "3\nOkay",
        "4\nGood",
        "5\nGreat",
    ]
    assert [score for score, _ in SCORES] == [1, 2, 3, 4, 5]
    assert dialog.word.isVisible() and dialog.word.text() == ""
    assert dialog.skip_button.isVisible()


def test_it_does_not_take_the_keyboard_when_it_appears(dialog: CheckInDialog) -> None:
    # Someone typing a "3" into a ticket must not answer the check-in.
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)


def test_clicking_a_score_answers_with_the_word_typed(qtbot: QtBot, dialog: CheckInDialog) -> None:
    QTest.keyClicks(dialog.word, "  sleepy ")
    with qtbot.wait_signal(dialog.answered, timeout=1000) as answer:
        QTest.mouseClick(dialog.score_buttons[1], Qt.MouseButton.LeftButton)
    assert answer.args == [2, "sleepy"]
    assert not dialog.isVisible()


@pytest.mark.parametrize(("key", "score"), [(Qt.Key.Key_1, 1), (Qt.Key.Key_5, 5)])
def test_digit_keys_pick_a_score(
    qtbot: QtBot, dialog: CheckInDialog, key: Qt.Key, score: int
) -> None:
    with qtbot.wait_signal(dialog.answered, timeout=1000) as answer:
        QTest.keyClick(dialog, key)
    assert answer.args == [score, ""]


def test_digits_typed_into_the_word_field_stay_there(qtbot: QtBot, dialog: CheckInDialog) -> None:
    with qtbot.assert_not_emitted(dialog.answered):
        QTest.keyClicks(dialog.word, "day 3")
    assert dialog.word.text() == "day 3"


def test_other_digits_and_keys_do_not_answer(qtbot: QtBot, dialog: CheckInDialog) -> None:
    with qtbot.assert_not_emitted(dialog.answered):
        for key in (Qt.Key.Key_0, Qt.Key.Key_6, Qt.Key.Key_9, Qt.Key.Key_A, Qt.Key.Key_Return):
            QTest.keyClick(dialog, key)
    assert dialog.isVisible()


def test_escape_skips_keeping_the_word(qtbot: QtBot, dialog: CheckInDialog) -> None:
    QTest.keyClicks(dialog.word, "busy")
    with qtbot.wait_signal(dialog.answered, timeout=1000) as answer:
        QTest.keyClick(dialog.word, Qt.Key.Key_Escape)  # the field passes Escape on
    assert answer.args == [None, "busy"]


def test_the_skip_button_answers_none(qtbot: QtBot, dialog: CheckInDialog) -> None:
    with qtbot.wait_signal(dialog.answered, timeout=1000) as answer:
        QTest.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert answer.args == [None, ""]


def test_tab_and_enter_work_the_buttons(qtbot: QtBot, dialog: CheckInDialog) -> None:
    dialog.score_buttons[3].setFocus()
    with qtbot.wait_signal(dialog.answered, timeout=1000) as answer:
        QTest.keyClick(dialog, Qt.Key.Key_Enter)
    assert answer.args == [4, ""]


def test_it_answers_once_per_showing_and_starts_afresh(qtbot: QtBot, dialog: CheckInDialog) -> None:
    answers: list[tuple[object, str]] = []
    dialog.answered.connect(lambda score, word: answers.append((score, word)))
    QTest.keyClicks(dialog.word, "fine")
    dialog.score_buttons[2].click()
    dialog.score_buttons[4].click()  # a second click on the way out is not a second answer
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert answers == [(3, "fine")]
    dialog.show()  # the shell asks again later
    assert dialog.word.text() == ""
    QTest.keyClick(dialog, Qt.Key.Key_4)
    assert answers == [(3, "fine"), (4, "")]


def test_closing_the_window_counts_as_skip(qtbot: QtBot, dialog: CheckInDialog) -> None:
    with qtbot.wait_signal(dialog.answered, timeout=1000) as answer:
        QApplication.sendEvent(dialog, QCloseEvent())
    assert answer.args == [None, ""]
    with qtbot.assert_not_emitted(dialog.answered):
        dialog.close()


def test_every_control_and_text_has_an_accessible_name(dialog: CheckInDialog) -> None:
    assert dialog.accessibleName() == "Shiftwell check-in: how are you doing?"
    named: list[QWidget] = [
        *dialog.findChildren(QPushButton),
        *dialog.findChildren(QLineEdit),
        *dialog.findChildren(QLabel),
    ]
    assert len(named) == 9
    for widget in named:
        assert widget.accessibleName(), widget.objectName()
    assert dialog.score_buttons[0].accessibleName() == "1, Drained"


def test_the_word_is_kept_short(dialog: CheckInDialog) -> None:
    assert dialog.word.maxLength() == 40
