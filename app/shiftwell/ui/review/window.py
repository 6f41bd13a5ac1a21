"""The week's stats window: what the week really was, next to what was planned.

It is handed a figures provider (week → WeekFigures) and, for CSV and calendar exports, an
object that renders a week's rows; it never speaks SQL itself. QtCharts (PySide6-Addons) is
imported only here and in charts.py (the five charts), in the review's own process.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QHideEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from shiftwell.core.i18n import marked
from shiftwell.report.files import figures_json
from shiftwell.report.words import format_day, format_hours, week_title
from shiftwell.storage.stats import IsoWeek, WeekFigures
from shiftwell.ui.i18n import _t, _tn
from shiftwell.ui.palette import Palette, current_palette
from shiftwell.ui.placement import open_at
from shiftwell.ui.review.cards import FIXED_CARDS, FigureCard, card_texts, stylesheet
from shiftwell.ui.review.charts import WeekCharts
from shiftwell.ui.review.pdf import write_summary_pdf

log = logging.getLogger(__name__)

FiguresProvider = Callable[[IsoWeek], WeekFigures]
# (caption, suggested path, file filter) → the chosen path, or "" when cancelled.
AskPath = Callable[[str, str, str], str]


class WeekFiles(Protocol):
    """Renders a week's stored rows as files (shiftwell.report.files.WeekExporter)."""

    def segments_csv(self, week: IsoWeek) -> str: ...
    def overtime_csv(self, week: IsoWeek) -> str: ...
    def fixed_breaks_csv(self, week: IsoWeek) -> str: ...
    def ics(self, week: IsoWeek) -> bytes: ...


@dataclass(frozen=True)
class ExportKind:
    label: str  # in English, as marked: shown with _t()
    name: str  # file name part
    suffix: str
    filter: str
    needs_rows: bool = False


EXPORTS = {
    "segments_csv": ExportKind(
        marked("Segments (CSV)…"), "segments", "csv", marked("CSV (*.csv)"), True
    ),
    "overtime_csv": ExportKind(
        marked("Overtime grants (CSV)…"), "overtime", "csv", marked("CSV (*.csv)"), True
    ),
    "fixed_breaks_csv": ExportKind(
        marked("Fixed breaks (CSV)…"), "fixed-breaks", "csv", marked("CSV (*.csv)"), True
    ),
    "ics": ExportKind(
        marked("Calendar (ICS)…"), "calendar", "ics", marked("iCalendar (*.ics)"), True
    ),
    "json": ExportKind(marked("Figures (JSON)…"), "figures", "json", marked("JSON (*.json)")),
    "png": ExportKind(
        marked("Picture of this window (PNG)…"), "stats", "png", marked("PNG image (*.png)")
    ),
    "pdf": ExportKind(marked("One-page summary (PDF)…"), "summary", "pdf", marked("PDF (*.pdf)")),
}


def _ask_path_with_dialog(parent: QWidget) -> AskPath:
    def ask(caption: str, suggested: str, file_filter: str) -> str:
        chosen, _ = QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)
        return chosen

    return ask


class StatsWindow(QMainWindow):
    def __init__(
        self,
        figures: FiguresProvider,
        *,
        files: WeekFiles | None = None,
        today: Callable[[], date] = date.today,
        palette: Palette | None = None,
        export_dir: Path | None = None,
        ask_path: AskPath | None = None,
    ) -> None:
        super().__init__()
        self._figures = figures
        self._files = files
        self._today = today
        self._palette = palette or current_palette()
        self._export_dir = export_dir or Path.home()
        self.ask_path = ask_path or _ask_path_with_dialog(self)
        self.week = IsoWeek.containing(today())
        self.shown: WeekFigures | None = None
        self._reread_on_show = False

        self.setWindowTitle(self.tr("Shiftwell — your week"))
        self.setAccessibleName(self.tr("Shiftwell week stats"))
        self.setStyleSheet(stylesheet(self._palette))
        open_at(self, QSize(1200, 860))

        root = QWidget()
        root.setObjectName("statsRoot")
        layout = QVBoxLayout(root)
        layout.setContentsMargins(18, 14, 18, 10)
        layout.setSpacing(12)
        layout.addLayout(self._build_navigation())
        self.pages = QStackedWidget()
        self.content = self._build_content()
        self.empty_state = self._build_empty_state()
        self.pages.addWidget(self.content)
        self.pages.addWidget(self.empty_state)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(root)
        self.statusBar().setSizeGripEnabled(False)
        self._add_shortcuts()
        self.show_week(self.week)

    # --- building ------------------------------------------------------------------------------

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(tip)
        return button

    def _build_navigation(self) -> QHBoxLayout:
        self.previous_button = self._button(
            self.tr("\u2039 Previous"), self.tr("Previous week"), self.tr("Previous week (Alt+←)")
        )
        self.this_week_button = self._button(
            self.tr("This week"), self.tr("This week"), self.tr("This week (Home)")
        )
        self.next_button = self._button(
            self.tr("Next \u203a"), self.tr("Next week"), self.tr("Next week (Alt+→)")
        )
        self.previous_button.clicked.connect(self.go_previous)
        self.this_week_button.clicked.connect(self.go_this_week)
        self.next_button.clicked.connect(self.go_next)
        self.week_label = QLabel()
        self.week_label.setObjectName("weekTitle")
        self.week_label.setAccessibleName(self.tr("Week shown"))
        self.week_note = QLabel()
        self.week_note.setObjectName("weekNote")
        self.week_note.setAccessibleName(self.tr("About this week"))
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.week_label)
        titles.addWidget(self.week_note)

        self.export_menu = QMenu(self.tr("Export"), self)
        self.export_menu.setAccessibleName(self.tr("Export menu"))
        self.export_actions: dict[str, QAction] = {}
        for key, kind in EXPORTS.items():
            action = self.export_menu.addAction(_t(kind.label))
            action.triggered.connect(lambda _checked=False, k=key: self.ask_and_export(k))
            if kind.needs_rows and self._files is None:
                action.setEnabled(False)
            self.export_actions[key] = action
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setAccessibleName(self.tr("Export"))
        self.export_button.setToolTip(self.tr("Save this week as CSV, calendar, picture or PDF"))
        self.export_button.setMenu(self.export_menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.previous_button)
        row.addWidget(self.this_week_button)
        row.addWidget(self.next_button)
        row.addSpacing(14)
        row.addLayout(titles, 1)
        row.addWidget(self.export_button)
        return row

    def _build_content(self) -> QWidget:
        # Cards and charts scroll together: on a small screen nothing is cut off, and the
        # window can be as short as the screen needs.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.card_grid = QGridLayout()
        self.card_grid.setSpacing(10)
        self.cards: dict[str, FigureCard] = {}
        for key in ("worked", "on_time", "breaks", "overtime", "off_schedule", "checkin"):
            self.cards[key] = FigureCard(key)
        self._main_cards = list(self.cards.values())
        self._card_columns = 0
        self._arrange_cards(len(self._main_cards))
        layout.addLayout(self.card_grid)
        layout.addWidget(self._build_fixed_cards())

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        self._week_charts = WeekCharts(self._palette, self)
        self.charts = self._week_charts.cards
        grid.addWidget(self.charts["focus"], 0, 0)
        grid.addWidget(self.charts["breaks"], 0, 1)
        grid.addWidget(self.charts["logoff"], 0, 2)
        grid.addWidget(self.charts["overtime"], 1, 0, 1, 2)
        grid.addWidget(self.charts["checkin"], 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid, 1)
        self.page_scroll = QScrollArea()
        self.page_scroll.setWidget(content)
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page_scroll.viewport().setStyleSheet("background: transparent;")
        self.page_scroll.viewport().installEventFilter(self)  # the cards follow its width
        return self.page_scroll

    def _build_fixed_cards(self) -> QWidget:
        """The breaks at fixed times: a row of their own, shown only for a week that had some."""
        self.fixed_section = QWidget()
        self.fixed_section.setAccessibleName(self.tr("Breaks at fixed times"))
        section = QVBoxLayout(self.fixed_section)
        section.setContentsMargins(0, 0, 0, 0)
        section.setSpacing(6)
        title = QLabel(self.tr("Breaks at fixed times · for your eyes only"))
        title.setObjectName("sectionTitle")
        section.addWidget(title)
        self.fixed_grid = QGridLayout()
        self.fixed_grid.setSpacing(10)
        for key in FIXED_CARDS:
            self.cards[key] = FigureCard(key)
            self.cards[key].setAccessibleName(self.tr("Breaks at fixed times"))  # until filled
        self._fixed_cards = [self.cards[key] for key in FIXED_CARDS]
        self._fixed_columns = 0
        self._arrange_fixed(len(self._fixed_cards))
        section.addLayout(self.fixed_grid)
        self.fixed_section.hide()
        return self.fixed_section

    def _arrange_cards(self, columns: int) -> None:
        """Six cards in one row, or in two rows of three when the window is narrow."""
        if columns == self._card_columns:
            return
        self._card_columns = columns
        _lay_out(self.card_grid, self._main_cards, columns)

    def _arrange_fixed(self, columns: int) -> None:
        """Four cards in one row, or two rows of two when the window is narrow."""
        if columns == self._fixed_columns:
            return
        self._fixed_columns = columns
        _lay_out(self.fixed_grid, self._fixed_cards, columns)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.page_scroll.viewport() and event.type() == QEvent.Type.Resize:
            room = self.page_scroll.viewport().width()
            cards = self._main_cards
            self._arrange_cards(len(cards) if room >= _needed(cards) else len(cards) // 2)
            fixed = self._fixed_cards
            self._arrange_fixed(len(fixed) if room >= _needed(fixed) else len(fixed) // 2)
        return super().eventFilter(watched, event)

    def _build_empty_state(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        box = QFrame()
        box.setObjectName("emptyState")
        box.setMaximumWidth(560)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(8)
        self.empty_title = QLabel()
        self.empty_title.setObjectName("emptyTitle")
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text = QLabel()
        self.empty_text.setObjectName("emptyText")
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        inner.addWidget(self.empty_title)
        inner.addWidget(self.empty_text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        return page

    def _add_shortcuts(self) -> None:
        for keys, slot, name in (
            (
                QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left),
                self.go_previous,
                self.tr("Previous week"),
            ),
            (QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Right), self.go_next, self.tr("Next week")),
            (QKeySequence(Qt.Key.Key_Home), self.go_this_week, self.tr("This week")),
        ):
            action = QAction(name, self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # --- being shown ---------------------------------------------------------------------------

    def bring_up(self, *, on_top: bool = False) -> None:
        """Show the window with figures read now, in front (`on_top`: above full-screen covers)."""
        if self.isVisible():
            self.show_week(self.week)  # already open: the same week, read again
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, on_top)
        self.show()
        self.raise_()
        self.activateWindow()

    def reread(self) -> None:
        """The figures changed (a shift ended, a break was taken): read them again if shown."""
        if self.isVisible():
            self.show_week(self.week)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        super().hideEvent(event)
        self._reread_on_show = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        # Shown again after being closed: what it showed may be hours old (a log-off since),
        # and a new week may have begun. Opened again, it opens on the week in progress.
        if self._reread_on_show:
            self._reread_on_show = False
            self.show_week(self.this_week)
        super().showEvent(event)

    # --- navigation ----------------------------------------------------------------------------

    @property
    def this_week(self) -> IsoWeek:
        return IsoWeek.containing(self._today())

    def go_previous(self) -> None:
        self.show_week(self.week.previous())

    def go_next(self) -> None:
        if self.week < self.this_week:
            self.show_week(self.week.next())

    def go_this_week(self) -> None:
        self.show_week(self.this_week)

    def show_week(self, week: IsoWeek) -> None:
        self.week = week
        self.week_label.setText(week_title(week))
        self.next_button.setEnabled(week < self.this_week)
        try:
            figures = self._figures(week)
        except Exception as error:  # a locked or damaged database must not close the window
            log.warning("can't read the figures for %s: %s", week, error)
            self.shown = None
            self._show_message(
                self.tr("Couldn't read this week"),
                self.tr("Shiftwell could not read the figures for {week}: {error}").format(
                    week=week, error=error
                ),
            )
            return
        self.shown = figures
        self.week_note.setText(self._note(figures))
        for action_key, kind in EXPORTS.items():
            self.export_actions[action_key].setEnabled(not kind.needs_rows or bool(self._files))
        # Offered only for a week that had breaks at fixed times.
        self.export_actions["fixed_breaks_csv"].setVisible(bool(figures.fixed_breaks))
        if figures.empty:
            self._show_message(self.tr("No shifts recorded this week"), self._empty_text(figures))
            return
        self.pages.setCurrentWidget(self.content)
        for text in card_texts(figures):
            self.cards[text.key].show_text(text)
        # A week without fixed breaks shows nothing about them (no empty cards).
        self.fixed_section.setVisible(figures.headline.fixed.any)
        self._week_charts.fill(figures)

    def _note(self, figures: WeekFigures) -> str:
        zone = figures.tz.key
        today = self._today()
        if figures.week == self.this_week:
            worked = sum(1 for day in figures.days if day.worked)
            so_far = _tn("%n days worked so far", "%n day worked so far", worked)
            return self.tr("This week, until {day} · {so_far} · times in {zone}").format(
                day=format_day(today), so_far=so_far, zone=zone
            )
        return self.tr("Times in {zone}").format(zone=zone)

    def _empty_text(self, figures: WeekFigures) -> str:
        if figures.week > self.this_week:
            lines = [self.tr("This week is still ahead.")]
        elif figures.week == self.this_week:
            lines = [self.tr("Shifts you work this week will show up here as you go.")]
        else:
            lines = [
                self.tr("There were no shifts in this week — a week off, or before Shiftwell.")
            ]
        before = figures.previous
        if before.days_worked:
            week_before = _tn(
                "The week before: {hours} over %n days.",
                "The week before: {hours} over %n day.",
                before.days_worked,
            )
            lines.append(week_before.format(hours=format_hours(before.worked_seconds)))
        return "\n".join(lines)

    def _show_message(self, title: str, text: str) -> None:
        self.empty_title.setText(title)
        self.empty_text.setText(text)
        self.empty_state.setAccessibleName(title)
        self.empty_state.setAccessibleDescription(text)
        self.pages.setCurrentWidget(self.empty_state)

    # --- exports -------------------------------------------------------------------------------

    def ask_and_export(self, key: str) -> None:
        kind = EXPORTS[key]
        suggested = self._export_dir / f"shiftwell-{self.week}-{kind.name}.{kind.suffix}"
        caption = self.tr("Export {what}").format(what=_t(kind.label).rstrip("…"))
        chosen = self.ask_path(caption, str(suggested), _t(kind.filter))
        if chosen:
            self.export(key, Path(chosen))

    def export(self, key: str, path: Path) -> bool:
        """Write the shown week as `key` (see EXPORTS) to `path`; the status bar tells how."""
        try:
            self._write(key, path)
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            log.warning("export to %s failed: %s", path, reason)
            self.statusBar().showMessage(
                self.tr("Couldn't save {name}: {reason}").format(name=path.name, reason=reason)
            )
            return False
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 10_000)
        return True

    def _write(self, key: str, path: Path) -> None:
        week = self.week
        if key == "png":
            if not self.grab().save(str(path), "PNG"):
                raise OSError(self.tr("can't write a PNG to {path}").format(path=path))
            return
        figures = self.shown
        if figures is None:
            raise ValueError(self.tr("there are no figures to export for this week"))
        if key == "pdf":
            write_summary_pdf(path, figures)
        elif key == "json":
            path.write_text(figures_json(figures), encoding="utf-8")
        else:
            files = self._files
            if files is None:
                raise ValueError(self.tr("exports of stored rows are not available here"))
            if key == "segments_csv":
                path.write_text(files.segments_csv(week), encoding="utf-8", newline="")
            elif key == "overtime_csv":
                path.write_text(files.overtime_csv(week), encoding="utf-8", newline="")
            elif key == "fixed_breaks_csv":
                path.write_text(files.fixed_breaks_csv(week), encoding="utf-8", newline="")
            elif key == "ics":
                path.write_bytes(files.ics(week))
            else:
                raise ValueError(f"unknown export {key!r}")


def _needed(cards: list[FigureCard]) -> int:
    """The width `cards` take side by side."""
    return sum(c.minimumSizeHint().width() for c in cards) + 10 * (len(cards) - 1)


def _lay_out(grid: QGridLayout, cards: list[FigureCard], columns: int) -> None:
    for index, card in enumerate(cards):
        grid.removeWidget(card)
        grid.addWidget(card, index // columns, index % columns)
    for column in range(len(cards)):
        grid.setColumnStretch(column, 1 if column < columns else 0)


def open_stats_window(figures: FiguresProvider, *, files: WeekFiles | None = None) -> StatsWindow:
    """Build and show the window (QtCharts loads with this module)."""
    window = StatsWindow(figures, files=files)
    window.show()
    return window
