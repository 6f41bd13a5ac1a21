"""The settings dialog's calendar check, against a real HTTP(S) server on loopback: the next
three days as `shiftwell schedule` prints them, or one sentence saying why not, with the
dialog answering all the while."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from shiftwell.core.day_plan import day_plan, describe_plan
from shiftwell.core.settings import Settings, settings_from_mapping
from shiftwell.ui.palette import LIGHT
from shiftwell.ui.settings.dialog import SettingsDialog
from tests.helpers.calendars import one_shift
from tests.helpers.feed_server import FeedScript, feed_server
from tests.unit.ui.test_settings_dialog import type_into

# A failed check is logged like a failed refresh (as a warning): these tests expect it.
pytestmark = pytest.mark.logs_warnings

NOW = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)  # Monday 07:00 in Berlin
BERLIN = settings_from_mapping({"schedule": {"timezone": "Europe/Berlin"}}, "c").settings
# Monday's shift comes from the calendar; Tuesday's from a second copy of it; Wednesday none.
CALENDAR = (
    one_shift(day="20261130")
    .replace("END:VCALENDAR\n", "")
    .replace("UID:one", "UID:monday")
    .encode()
    + one_shift(day="20261201", start="070000")
    .replace("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//WFM//Agent schedule//EN\n", "")
    .encode()
)


def open_dialog(
    qtbot: QtBot, settings: Settings = BERLIN, *, timeout: float = 5.0
) -> SettingsDialog:
    dialog = SettingsDialog(
        settings,
        frozenset(),
        None,
        start_command=["shiftwell"],
        palette=LIGHT,
        now=lambda: NOW,
        check_timeout=timeout,
    )
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.wait_exposed(dialog)
    return dialog


def check(qtbot: QtBot, dialog: SettingsDialog, source: str) -> None:
    type_into(qtbot, dialog, "schedule.calendar", source)
    panel = dialog.calendar_check
    assert panel.button.isEnabled()
    QTest.mouseClick(panel.button, Qt.MouseButton.LeftButton)


def finished(dialog: SettingsDialog) -> bool:
    return not dialog.calendar_check.busy


def test_check_shows_the_next_three_days_as_shiftwell_schedule_prints_them(
    qtbot: QtBot,
) -> None:
    dialog = open_dialog(qtbot)
    with feed_server(FeedScript(body=CALENDAR)) as base:
        check(qtbot, dialog, f"{base}/agent.ics?token=s3cr3t")
        qtbot.wait_until(lambda: finished(dialog), timeout=10_000)
    panel = dialog.calendar_check
    assert panel.days.isVisible() and not panel.failure.isVisible()
    shown = panel.days.toPlainText().splitlines()
    assert shown[0] == "From the calendar at 127.0.0.1, fetched 2026-11-30 07:00."
    assert shown[1:] == [
        "Mon 2026-11-30  09:00-17:00",
        "                  break 11:00-11:15",
        "Tue 2026-12-01  07:00-15:00",
        "                  break 11:00-11:15",
        "Wed 2026-12-02  off",
    ]
    # The one text `shiftwell schedule` prints, from the same plan.
    settings = dialog.typed_settings()
    plan = day_plan(settings, date(2026, 11, 30), 3, CALENDAR, NOW)
    assert panel.days.toPlainText() == describe_plan(plan, settings.schedule.tz, "127.0.0.1", "")
    assert "s3cr3t" not in panel.days.toPlainText()
    assert dialog.changes() == {"schedule.calendar": f"{base}/agent.ics?token=s3cr3t"}


def test_the_check_uses_the_time_zone_as_typed_not_yet_saved(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    type_into(qtbot, dialog, "schedule.timezone", "Asia/Tokyo")
    with feed_server(FeedScript(body=CALENDAR)) as base:
        check(qtbot, dialog, f"{base}/agent.ics")
        qtbot.wait_until(lambda: finished(dialog), timeout=10_000)
    shown = dialog.calendar_check.days.toPlainText().splitlines()
    assert shown[1] == "Mon 2026-11-30  17:00-01:00"  # Berlin's 09:00-17:00 seen from Tokyo


@pytest.mark.parametrize(
    ("script", "sentence"),
    [
        (
            FeedScript(status=404, body=b"not found", etag=None),
            "The calendar from 127.0.0.1 could not be fetched (HTTP 404).",
        ),
        (
            FeedScript(body=b"<html>Please sign in</html>"),
            "The calendar from 127.0.0.1 is not valid: it is not an iCalendar file (it does "
            "not begin BEGIN:VCALENDAR).",
        ),
    ],
)
def test_a_failed_check_says_why_in_one_sentence(
    qtbot: QtBot, script: FeedScript, sentence: str
) -> None:
    dialog = open_dialog(qtbot)
    with feed_server(script) as base:
        check(qtbot, dialog, f"{base}/agent.ics")
        qtbot.wait_until(lambda: finished(dialog), timeout=10_000)
    panel = dialog.calendar_check
    assert panel.failure.isVisible() and not panel.days.isVisible()
    assert panel.failure.text() == sentence
    assert panel.button.isEnabled()  # try again


def test_a_server_that_does_not_answer_leaves_the_dialog_working_then_times_out(
    qtbot: QtBot,
) -> None:
    dialog = open_dialog(qtbot, timeout=1.0)
    with feed_server(FeedScript(body=CALENDAR, stall=threading.Event())) as base:
        check(qtbot, dialog, f"{base}/agent.ics")
        panel = dialog.calendar_check
        # The click returned at once: the dialog shows the check under way and still types.
        assert panel.status.isVisible() and panel.status.text() == "Checking 127.0.0.1…"
        assert not panel.button.isEnabled()
        field = type_into(qtbot, dialog, "breaks.micro.every", "25m")
        assert field.line.text() == "25m"
        qtbot.wait_until(lambda: finished(dialog), timeout=10_000)
    assert panel.failure.text() == (
        "The calendar from 127.0.0.1 could not be fetched (no answer in time)."
    )


@pytest.fixture
def self_signed(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    yield cert, key


def test_a_certificate_that_cant_be_trusted_is_said_plainly(
    qtbot: QtBot, self_signed: tuple[Path, Path]
) -> None:
    dialog = open_dialog(qtbot)
    with feed_server(FeedScript(body=CALENDAR), tls=self_signed) as base:
        check(qtbot, dialog, f"{base}/agent.ics")
        qtbot.wait_until(lambda: finished(dialog), timeout=10_000)
    assert dialog.calendar_check.failure.text() == (
        "The calendar from 127.0.0.1 could not be fetched (the server's certificate can't be "
        "trusted: self-signed certificate)."
    )


def test_a_calendar_file_is_checked_and_the_button_waits_for_a_readable_source(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot)
    panel = dialog.calendar_check
    assert not panel.button.isEnabled()  # nothing typed yet
    type_into(qtbot, dialog, "schedule.calendar", "ftp://wfm.example/agent.ics")
    assert not panel.button.isEnabled()
    source = tmp_path / "shifts.ics"
    source.write_bytes(CALENDAR)
    check(qtbot, dialog, str(source))
    qtbot.wait_until(lambda: finished(dialog), timeout=10_000)
    assert panel.days.toPlainText().splitlines()[1] == "Mon 2026-11-30  09:00-17:00"


def test_the_keyboard_reaches_the_calendar_tab_its_field_and_check(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    dialog.activateWindow()
    qtbot.wait_until(dialog.isActiveWindow, timeout=2000)
    alt = Qt.KeyboardModifier.AltModifier
    QTest.keyClick(dialog, Qt.Key.Key_X, alt)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Fi&xed breaks && calendar"
    QTest.keyClick(dialog, Qt.Key.Key_E, alt)
    editor = dialog.fields["schedule.calendar"].editor
    assert dialog.focusWidget() is editor
    QTest.keyClicks(editor, "/home/ana/shifts.ics")
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.calendar_check.button  # then Space checks
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.fields["schedule.calendar_refresh"].editor
