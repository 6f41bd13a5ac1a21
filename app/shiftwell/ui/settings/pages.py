"""The settings dialog's tabs: which field edits which key, with what label, in what order.

Labels carry mnemonics (Alt+letter). Within a tab each letter is used once, and never one
of the letters the tab bar and the buttons use: S, B, L, C, T, H and V.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from shiftwell.core.i18n import marked
from shiftwell.core.schedule import SPAN_HELP
from shiftwell.core.settings import HOOK_EVENTS, Strictness
from shiftwell.ui.i18n import _t
from shiftwell.ui.settings.fields import (
    CheckField,
    ChoiceField,
    CommandField,
    Field,
    NumberField,
    TextField,
    comma_list,
    join_list,
    optional_text,
    zone_names,
)

DURATION = marked("e.g. 90s, 25m, 1h30m")
DURATION_WIDTH, SPANS_WIDTH = 14, 40  # in characters


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
        self, fields: Iterable[Field], group: str = "", into: QHBoxLayout | None = None
    ) -> None:
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
        holder: QWidget
        if group:
            holder = QGroupBox(group)
            holder.setLayout(layout)
        else:
            holder = QWidget()
            holder.setLayout(layout)
            layout.setContentsMargins(0, 0, 0, 0)
        (into or self.column).addWidget(holder)

    def finish(self) -> None:
        self.column.addStretch(1)


def duration(key: str, label: str) -> TextField:
    return TextField(key, label, placeholder=_t(DURATION), width=DURATION_WIDTH)


def schedule_page() -> Page:
    page = Page(
        _t("&Schedule"),
        _t("Your shifts, in your time zone. A span that ends before it starts runs past midnight."),
    )
    days = (
        _t("&Monday"),
        _t("T&uesday"),
        _t("&Wednesday"),
        _t("Thu&rsday"),
        _t("&Friday"),
        _t("S&aturday"),
        _t("Su&nday"),
    )
    keys = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    page.form(
        [
            *(
                TextField(f"schedule.{key}", label, placeholder=_t(SPAN_HELP), width=SPANS_WIDTH)
                for key, label in zip(keys, days, strict=True)
            ),
            TextField(
                "schedule.days_off",
                _t("&Days off"),
                to_toml=comma_list,
                to_text=join_list,
                placeholder=_t("e.g. 2026-12-24, 2026-12-27..2027-01-02"),
            ),
            TextField(
                "schedule.timezone",
                _t("Time &zone"),
                to_toml=optional_text,
                placeholder=_t("This computer's time zone"),
                completions=zone_names(),
                width=SPANS_WIDTH,
            ),
        ]
    )
    page.form(
        [
            CheckField("shift.auto_start", _t("Start shifts &on schedule by themselves")),
            duration("shift.length", _t("Len&gth of a shift started from the tray")),
        ]
    )
    page.finish()
    return page


STRICTNESS = (
    (Strictness.GENTLE.value, marked("Gentle — dismiss a break any time")),
    (Strictness.NORMAL.value, marked("Normal — skip or postpone after a few seconds")),
    (Strictness.STRICT.value, marked("Strict — no skipping, postponing or pausing")),
)


def breaks_page() -> Page:
    page = Page(
        _t("&Breaks"),
        _t("How often you pause, for how long, and how easily a break gives way."),
    )
    pair = QHBoxLayout()
    pair.setSpacing(12)
    page.form(
        [
            duration("breaks.micro.every", _t("&Every")),
            duration("breaks.micro.length", _t("Len&gth")),
        ],
        _t("Micro break"),
        into=pair,
    )
    page.form(
        [
            duration("breaks.long.every", _t("Eve&ry")),
            duration("breaks.long.length", _t("Le&ngth")),
        ],
        _t("Long break"),
        into=pair,
    )
    page.column.addLayout(pair)
    page.form(
        [
            duration("breaks.warning", _t("&Warn before a break")),
            CheckField("breaks.natural", _t("Time &away from the computer counts as a break")),
        ]
    )
    page.form(
        [
            ChoiceField(
                "breaks.strictness",
                _t("Str&ictness"),
                [(value, _t(text)) for value, text in STRICTNESS],
            ),
            duration("breaks.skip_delay", _t("Skip or postpone possible a&fter")),
            CheckField("breaks.allow_skip", _t("Allow s&kipping")),
            NumberField("breaks.max_skips_per_day", _t("Skips &per day (0: no limit)")),
            CheckField("breaks.allow_postpone", _t("Allow p&ostponing")),
            duration("breaks.postpone", _t("Postpone b&y")),
            NumberField("breaks.max_postpones", _t("&Max postpones per break")),
        ],
        _t("Skipping and postponing"),
    )
    page.finish()
    return page


def logoff_page() -> Page:
    page = Page(
        _t("&Log-off"),
        _t("How the working day ends: warnings before the end, then the log-off screen."),
    )
    page.form(
        [
            TextField(
                "logoff.warnings",
                _t("Warn&ings before the end"),
                to_toml=comma_list,
                to_text=join_list,
                placeholder=_t("e.g. 15m, 5m, 1m"),
                width=SPANS_WIDTH,
            ),
            CheckField("logoff.strict", _t("Strict: the log-off scree&n can't be dismissed")),
            CommandField(
                "logoff.action",
                _t("&Action command"),
                empty=[],
                placeholder=_t("e.g. loginctl lock-session (run directly, not by a shell)"),
            ),
            duration("logoff.action_timeout", _t("Action time&out")),
        ]
    )
    page.form(
        [
            duration("overtime.step", _t("Overtime st&ep")),
            duration("overtime.weekly_cap", _t("Overtime cap per &week")),
        ],
        _t("Overtime"),
    )
    page.finish()
    return page


def calls_page() -> Page:
    page = Page(_t("&Calls, check-ins && sound"))
    page.form(
        [
            CheckField("calls.detect_microphone", _t("&Detect calls (the microphone is in use)")),
            duration("calls.grace", _t("&Grace after a call")),
        ],
        _t("Calls"),
    )
    page.form(
        [
            CheckField("checkin.enabled", _t("Ask for a check-&in after long breaks")),
            CheckField("sounds.enabled", _t("Play so&unds")),
            CheckField("notifications.breaks", _t("Announce breaks with a desktop &notification")),
            CheckField(
                "stats.open_after_last_shift",
                _t("Open the &weekly review after the week's last shift"),
            ),
        ],
        _t("Check-ins and sound"),
    )
    page.finish()
    return page


HOOK_LABELS = {
    "shift_start": marked("Shift st&arts"),
    "break_start": marked("B&reak starts"),
    "break_end": marked("Break e&nds"),
    "wrap_up": marked("&Wrap-up notice"),
    "logoff": marked("L&og-off"),
    "overtime": marked("Overtime &granted"),
}
assert set(HOOK_LABELS) == set(HOOK_EVENTS)


def hooks_page() -> Page:
    page = Page(
        _t("&Hooks"),
        _t(
            "A command to run when something happens, written as in a terminal. It is run "
            "directly, not by a shell, and told what happened in SHIFTWELL_* environment "
            "variables."
        ),
    )
    page.form(
        CommandField(
            f"hooks.{event}", _t(HOOK_LABELS[event]), empty=None, placeholder=_t("not set")
        )
        for event in HOOK_EVENTS
    )
    page.finish()
    return page


def settings_pages() -> list[Page]:
    """Every tab but "Start at login", which is not a setting in the file."""
    return [schedule_page(), breaks_page(), logoff_page(), calls_page(), hooks_page()]
