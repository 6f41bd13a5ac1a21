"""The settings dialog's tabs: which keys, in what order and groups. Each field's label,
example and kind of editor come from the settings spec (`core/settings_spec.py`).

Labels carry mnemonics (Alt+letter). Within a tab each letter is used once, and never one
of the letters the tab bar and the buttons use: S, X, B, L, C, T, H and V.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from shiftwell.core.schedule import WEEKDAYS
from shiftwell.core.settings import HOOK_EVENTS
from shiftwell.ui.i18n import _t
from shiftwell.ui.settings.calendar_check import CalendarCheckPanel
from shiftwell.ui.settings.fields import SPANS_WIDTH, CheckField, Field, field_for

CALENDAR_WIDTH = 20  # in characters; a long address scrolls in its box


class Page(QWidget):
    """A tab: an optional sentence on top, then forms of fields."""

    def __init__(self, title: str, intro: str = "") -> None:
        super().__init__()
        self.title = title
        self.fields: list[Field] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(16, 14, 16, 12)
        self.column.setSpacing(12)
        if intro:
            note = QLabel(intro)
            note.setObjectName("pageIntro")
            note.setWordWrap(True)
            self.column.addWidget(note)

    def form(
        self,
        fields: Iterable[Field],
        group: str = "",
        into: QBoxLayout | None = None,
        below: QWidget | None = None,
    ) -> None:
        """The fields in a form (in a group box titled `group`, if any), with `below` under
        them, added to `into` (else the page's column)."""
        layout = QFormLayout()
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(8)
        for field in fields:
            self.fields.append(field)
            if isinstance(field, CheckField):
                layout.addRow(field.cell)
            else:
                label = QLabel(field.label)
                label.setBuddy(field.editor)
                layout.addRow(label, field.cell)
        holder: QWidget = QGroupBox(group) if group else QWidget()
        inside = QVBoxLayout(holder)
        inside.addLayout(layout)
        if below is not None:
            inside.addWidget(below)
        if not group:
            inside.setContentsMargins(0, 0, 0, 0)
        (into or self.column).addWidget(holder)

    def finish(self) -> None:
        self.column.addStretch(1)


def schedule_page() -> Page:
    page = Page(
        _t("&Schedule"),
        _t("Your shifts, in your time zone. A span that ends before it starts runs past midnight."),
    )
    days = [field_for(f"schedule.{day}") for day in WEEKDAYS]
    page.form([*days, field_for("schedule.days_off"), field_for("schedule.timezone")])
    page.form([field_for("shift.auto_start"), field_for("shift.length")])
    page.form([field_for("schedule.rotation")])
    page.finish()
    return page


class CalendarPage(Page):
    """Breaks at fixed times, and the calendar that can plan the days in place of the
    weekly shifts, with its check."""

    def __init__(self) -> None:
        super().__init__(
            _t("Fi&xed breaks && calendar"),
            _t("Breaks at the times your schedule sets, or your whole schedule from a calendar."),
        )
        columns = QHBoxLayout()
        columns.setSpacing(12)
        fixed = (
            "schedule.breaks",
            "schedule.breaks_by_day",
            "breaks.mode",
            "breaks.announce_fixed",
        )
        self.form(map(field_for, fixed), _t("Breaks at fixed times"), columns)
        source = field_for("schedule.calendar", width=CALENDAR_WIDTH)
        self.calendar_check = CalendarCheckPanel(source)
        words = (f"schedule.calendar_{kind}_words" for kind in ("shift", "break", "lunch"))
        self.form(
            [source, field_for("schedule.calendar_refresh"), *map(field_for, words)],
            _t("From a calendar"),
            columns,
            self.calendar_check,
        )
        for index in range(columns.count()):  # each group as tall as its fields, no taller
            item = columns.itemAt(index)
            if item is not None and (group := item.widget()) is not None:
                columns.setAlignment(group, Qt.AlignmentFlag.AlignTop)
        self.column.addLayout(columns)
        self.finish()


def breaks_page() -> Page:
    page = Page(
        _t("&Breaks"),
        _t("How often you pause, for how long, and how easily a break gives way."),
    )
    pair = QHBoxLayout()
    pair.setSpacing(12)
    micro = [field_for("breaks.micro.every"), field_for("breaks.micro.length")]
    page.form(micro, _t("Micro break"), into=pair)
    long = [field_for("breaks.long.every"), field_for("breaks.long.length")]
    page.form(long, _t("Long break"), into=pair)
    page.column.addLayout(pair)
    page.form([field_for("breaks.warning"), field_for("breaks.natural")])
    skipping = (
        "breaks.strictness",
        "breaks.skip_delay",
        "breaks.allow_skip",
        "breaks.max_skips_per_day",
        "breaks.allow_postpone",
        "breaks.postpone",
        "breaks.max_postpones",
    )
    page.form(map(field_for, skipping), _t("Skipping and postponing"))
    page.finish()
    return page


def logoff_page() -> Page:
    page = Page(
        _t("&Log-off"),
        _t("How the working day ends: warnings before the end, then the log-off screen."),
    )
    page.form(
        [
            field_for("logoff.warnings", width=SPANS_WIDTH),
            field_for("logoff.strict"),
            field_for("logoff.action"),
            field_for("logoff.action_timeout"),
        ]
    )
    page.form([field_for("overtime.step"), field_for("overtime.weekly_cap")], _t("Overtime"))
    page.finish()
    return page


def calls_page() -> Page:
    page = Page(_t("&Calls, check-ins && sound"))
    page.form([field_for("calls.detect_microphone"), field_for("calls.grace")], _t("Calls"))
    sound = ("checkin.enabled", "sounds.enabled", "notifications.breaks")
    page.form(
        [*map(field_for, sound), field_for("stats.open_after_last_shift")],
        _t("Check-ins and sound"),
    )
    page.finish()
    return page


def hooks_page() -> Page:
    page = Page(
        _t("&Hooks"),
        _t(
            "A command to run when something happens, written as in a terminal. It is run "
            "directly, not by a shell, and told what happened in SHIFTWELL_* environment "
            "variables."
        ),
    )
    page.form(field_for(f"hooks.{event}") for event in HOOK_EVENTS)
    page.finish()
    return page


def settings_pages() -> list[Page]:
    """Every tab but "Start at login", which is not a setting in the file."""
    return [
        schedule_page(),
        CalendarPage(),
        breaks_page(),
        logoff_page(),
        calls_page(),
        hooks_page(),
    ]
