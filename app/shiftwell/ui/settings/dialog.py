"""The settings dialog: every setting in tabs, checked as you type, saved as only what changed.

It edits no file itself. Save emits `saved` with the changed dotted keys and their TOML values
(None: remove the key, so its default applies); the shell writes them with
`platform.config_save.save_settings` and reloads. Keys the team policy locks are shown
disabled. "Start at login" is not in the file: Save applies it through the Autostart backend.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shiftwell.core.durations import to_setting
from shiftwell.core.settings import Settings, nest, settings_from_mapping, settings_to_dotted
from shiftwell.core.settings_spec import BREAK_LENGTHS
from shiftwell.platform.autostart import Autostart, autostart_command
from shiftwell.platform.coming_days import CHECK_TIMEOUT, CalendarCheck
from shiftwell.ui.palette import Palette, current_palette
from shiftwell.ui.settings.calendar_check import CalendarChecker
from shiftwell.ui.settings.fields import Field, plain_name
from shiftwell.ui.settings.pages import CalendarPage, Page, settings_pages
from shiftwell.ui.settings.style import stylesheet

MICRO, LONG = BREAK_LENGTHS.shorter, BREAK_LENGTHS.longer


class SettingsDialog(QDialog):
    saved = Signal(dict)  # {dotted key: TOML value or None}; only keys that changed

    def __init__(
        self,
        settings: Settings,
        locked: frozenset[str],
        autostart: Autostart | None,
        *,
        start_command: Sequence[str] | None = None,
        palette: Palette | None = None,
        now: Callable[[], datetime] | None = None,
        check_timeout: float = CHECK_TIMEOUT,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._now = now or (lambda: datetime.now(UTC))
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Shiftwell settings"))
        self.setAccessibleName(self.tr("Shiftwell settings"))
        self.setStyleSheet(stylesheet(palette or current_palette()))
        self._autostart = autostart
        self._start_command = list(start_command or autostart_command())

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Settings sections"))
        self.tabs.setUsesScrollButtons(False)
        pages = settings_pages()
        self.fields: dict[str, Field] = {}
        for page in pages:
            self._add_page(page)
        [calendar] = [page for page in pages if isinstance(page, CalendarPage)]
        self.calendar_check = calendar.calendar_check
        self.calendar_checker = CalendarChecker(self, timeout=check_timeout)
        self.login_page = self._login_page()
        self.tabs.insertTab(len(pages) - 1, self.login_page, self.login_page.title)

        values = settings_to_dotted(settings)
        for key, field in self.fields.items():
            field.load(values.get(key))
            if key in locked:
                field.lock()
            field.edited.connect(self._revalidate)
        self.calendar_check.field.edited.connect(self.calendar_check.show_state)
        self.calendar_check.show_state()
        self.calendar_check.wanted.connect(self._check_calendar)
        self.calendar_checker.finished.connect(self._calendar_checked)

        buttons = QDialogButtonBox()
        self.save_button: QPushButton = buttons.addButton(
            self.tr("Sa&ve"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleName(self.tr("Save settings"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel: close without saving"))
        self.save_button.clicked.connect(self._save)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 10)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        # Only once the button is inside the dialog does the dialog keep it as its default.
        self.save_button.setDefault(True)
        # Never narrower than the tab bar: a window sized to fit its contents is kept within
        # two thirds of the screen's width, which would cut the last tabs off.
        self.setMinimumWidth(max(700, self.minimumSizeHint().width()))
        self._revalidate()

    # -- building ----------------------------------------------------------------------------

    def _add_page(self, page: Page) -> None:
        for field in page.fields:
            self.fields[field.key] = field
        self.tabs.addTab(page, page.title)

    def _login_page(self) -> Page:
        page = Page(
            self.tr("S&tart at login"), self.tr("Shiftwell can start by itself when you log in.")
        )
        self.autostart_box = QCheckBox(self.tr("Start Shiftwell when I log &in"))
        self.autostart_box.setAccessibleName(plain_name(self.autostart_box.text()))
        self.autostart_note = QLabel()
        self.autostart_note.setObjectName("fieldHint")
        self.autostart_note.setWordWrap(True)
        self.autostart_problem = QLabel()
        self.autostart_problem.setObjectName("fieldProblem")
        self.autostart_problem.setWordWrap(True)
        self.autostart_problem.setAccessibleName(self.tr("Start at login: problem"))
        self.autostart_problem.hide()
        if self._autostart is None:
            self._autostart_was = False
            self.autostart_box.setEnabled(False)
            self.autostart_note.setText(
                self.tr("Starting at login is not available on this system.")
            )
        else:
            self._autostart_was = self._autostart.is_enabled()
            self.autostart_box.setChecked(self._autostart_was)
            self.autostart_note.setText(
                self.tr("The entry lives in {location}").format(location=self._autostart.location)
            )
        self.autostart_note.setAccessibleName(self.autostart_note.text())
        for widget in (self.autostart_box, self.autostart_note, self.autostart_problem):
            page.column.addWidget(widget)
        page.finish()
        return page

    # -- checking ----------------------------------------------------------------------------

    def problems(self) -> dict[str, str]:
        """Dotted key -> what is wrong with the field's text now."""
        found = {key: p for key, f in self.fields.items() if (p := f.own_problem()) is not None}
        if MICRO in found or LONG in found:
            return found
        micro: timedelta = self.fields[MICRO].typed()
        long: timedelta = self.fields[LONG].typed()
        if BREAK_LENGTHS.broken({MICRO: micro, LONG: long}):
            if not self.fields[MICRO].locked:
                shown = to_setting(long)
                found[MICRO] = self.tr(
                    "A micro break must be shorter than a long break ({length})."
                ).format(length=shown)
            elif not self.fields[LONG].locked:
                shown = to_setting(micro)
                found[LONG] = self.tr(
                    "A long break must be longer than a micro break ({length})."
                ).format(length=shown)
        return found

    def _revalidate(self) -> None:
        found = self.problems()
        for key, field in self.fields.items():
            field.show_problem(found.get(key))
        self.save_button.setEnabled(not found)

    def typed_settings(self) -> Settings:
        """The settings as the dialog shows them now: what was opened, with every edit that
        reads (one that doesn't keeps the value it had)."""
        values = settings_to_dotted(self._settings)
        for key, field in self.fields.items():
            if field.own_problem() is None and field.is_changed():
                raw = field.raw()
                if raw is None:
                    values.pop(key, None)
                else:
                    values[key] = raw
        loaded = settings_from_mapping(nest(values), "", self._settings.schedule.tz)
        return loaded.settings

    # -- the calendar's check ----------------------------------------------------------------

    def _check_calendar(self) -> None:
        settings = self.typed_settings()
        if settings.plan.calendar is None or self.calendar_check.busy:
            return
        self.calendar_check.show_checking(settings.plan.calendar)
        self.calendar_checker.start(settings, self._now())

    def _calendar_checked(self, result: CalendarCheck) -> None:
        self.calendar_check.show_result(result)

    # -- saving ------------------------------------------------------------------------------

    def changes(self) -> dict[str, Any]:
        return {key: f.raw() for key, f in self.fields.items() if f.is_changed()}

    def _save(self) -> None:
        if self.problems():
            return
        changes = self.changes()
        if not self._apply_autostart():
            return
        if changes:
            self.saved.emit(changes)
        self.accept()

    def _apply_autostart(self) -> bool:
        wanted = self.autostart_box.isChecked()
        if self._autostart is None or wanted == self._autostart_was:
            return True
        try:
            if wanted:
                self._autostart.enable(self._start_command)
            else:
                self._autostart.disable()
        except (OSError, ValueError) as error:
            problem = (
                self.tr("Could not turn on start at login: {error}")
                if wanted
                else self.tr("Could not turn off start at login: {error}")
            )
            self.autostart_problem.setText(problem.format(error=error))
            self.autostart_problem.show()
            self.tabs.setCurrentWidget(self.login_page)
            self.autostart_box.setFocus()
            return False
        self._autostart_was = wanted
        self.autostart_problem.hide()
        return True
