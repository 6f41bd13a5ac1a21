"""The week's stats window: what the week really was, next to what was planned.

It is handed a figures provider (week → WeekFigures) and, for CSV and calendar exports, an
object that renders a week's rows; it never speaks SQL itself. QtCharts (PySide6-Addons) is
imported here only, so the tray does not load it at start.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Protocol

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLegend,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QObject, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QHideEvent,
    QKeySequence,
    QPainter,
    QPen,
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

from shiftwell.core.calendar_names import short_weekday
from shiftwell.core.i18n import marked
from shiftwell.report.files import figures_json
from shiftwell.report.words import format_day, format_hours, length_in_minutes, week_title
from shiftwell.storage.stats import DayFigures, IsoWeek, WeekFigures
from shiftwell.ui.i18n import _t, _tn
from shiftwell.ui.palette import Palette, current_palette
from shiftwell.ui.placement import open_at
from shiftwell.ui.review.cards import FigureCard, card_texts, stylesheet
from shiftwell.ui.review.pdf import write_summary_pdf

log = logging.getLogger(__name__)

FiguresProvider = Callable[[IsoWeek], WeekFigures]
# (caption, suggested path, file filter) → the chosen path, or "" when cancelled.
AskPath = Callable[[str, str, str], str]


class WeekFiles(Protocol):
    """Renders a week's stored rows as files (shiftwell.report.files.WeekExporter)."""

    def segments_csv(self, week: IsoWeek) -> str: ...
    def overtime_csv(self, week: IsoWeek) -> str: ...
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
    "ics": ExportKind(
        marked("Calendar (ICS)…"), "calendar", "ics", marked("iCalendar (*.ics)"), True
    ),
    "json": ExportKind(marked("Figures (JSON)…"), "figures", "json", marked("JSON (*.json)")),
    "png": ExportKind(
        marked("Picture of this window (PNG)…"), "stats", "png", marked("PNG image (*.png)")
    ),
    "pdf": ExportKind(marked("One-page summary (PDF)…"), "summary", "pdf", marked("PDF (*.pdf)")),
}

CHARTS = {
    "focus": marked("Focus hours per day, against the plan"),
    "breaks": marked("Breaks per day"),
    "logoff": marked("Log-off against the planned end"),
    "overtime": marked("Overtime per day"),
    "checkin": marked("Check-ins across the week"),
}


def _ask_path_with_dialog(parent: QWidget) -> AskPath:
    def ask(caption: str, suggested: str, file_filter: str) -> str:
        chosen, _ = QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)
        return chosen

    return ask


class ChartCard(QFrame):
    """A titled chart, or a short sentence in its place when there is nothing to draw."""

    def __init__(self, key: str, title: str, palette: Palette) -> None:
        super().__init__()
        self.setObjectName("chartCard")
        self.chart = _new_chart(palette)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(title)
        # Tall enough for an hourly axis to label every hour; the page scrolls instead.
        self.view.setMinimumHeight(250)
        self.view.setStyleSheet("background: transparent; border: none;")
        self.placeholder = QLabel()
        self.placeholder.setObjectName("chartNote")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.placeholder)
        self.title = QLabel(title)
        self.title.setObjectName("chartTitle")
        self.footer = QLabel()
        self.footer.setObjectName("chartNote")
        self.footer.setWordWrap(True)
        self.footer.setAccessibleName(self.tr("{chart} notes").format(chart=key))
        self.footer.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.footer)

    def show_chart(self, description: str) -> None:
        self.stack.setCurrentWidget(self.view)
        self.view.setAccessibleDescription(description)

    def show_placeholder(self, sentence: str) -> None:
        _clear(self.chart)
        self.placeholder.setText(sentence)
        self.placeholder.setAccessibleName(sentence)
        self.stack.setCurrentWidget(self.placeholder)

    def set_footer(self, text: str) -> None:
        self.footer.setText(text)
        self.footer.setVisible(bool(text))


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
        self._card_columns = 0
        self._arrange_cards(len(self.cards))
        layout.addLayout(self.card_grid)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        self.charts = {
            key: ChartCard(key, _t(title), self._palette) for key, title in CHARTS.items()
        }
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

    def _arrange_cards(self, columns: int) -> None:
        """Six cards in one row, or in two rows of three when the window is narrow."""
        if columns == self._card_columns:
            return
        self._card_columns = columns
        for index, card in enumerate(self.cards.values()):
            self.card_grid.removeWidget(card)
            self.card_grid.addWidget(card, index // columns, index % columns)
        for column in range(len(self.cards)):
            self.card_grid.setColumnStretch(column, 1 if column < columns else 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.page_scroll.viewport() and event.type() == QEvent.Type.Resize:
            cards = list(self.cards.values())
            needed = sum(c.minimumSizeHint().width() for c in cards) + 10 * (len(cards) - 1)
            room = self.page_scroll.viewport().width()
            self._arrange_cards(len(cards) if room >= needed else len(cards) // 2)
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
        for action_key in ("json", "png", "pdf", "segments_csv", "overtime_csv", "ics"):
            kind = EXPORTS[action_key]
            self.export_actions[action_key].setEnabled(not kind.needs_rows or bool(self._files))
        if figures.empty:
            self._show_message(self.tr("No shifts recorded this week"), self._empty_text(figures))
            return
        self.pages.setCurrentWidget(self.content)
        for text in card_texts(figures):
            self.cards[text.key].show_text(text)
        self._fill_charts(figures)

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

    # --- charts --------------------------------------------------------------------------------

    def _fill_charts(self, figures: WeekFigures) -> None:
        days = figures.days
        labels = [short_weekday(day.day) for day in days]
        p = self._palette
        self._focus_chart(days, labels, p)
        self._breaks_chart(days, labels, p)
        self._logoff_chart(figures, labels, p)
        self._overtime_chart(days, labels, p)
        self._checkin_chart(days, labels, p)

    def _focus_chart(self, days: tuple[DayFigures, ...], labels: list[str], p: Palette) -> None:
        card = self.charts["focus"]
        planned = _bar_set(self.tr("Planned"), [d.planned_seconds / 3600 for d in days], p.planned)
        focus = _bar_set(self.tr("Focus"), [d.focus_seconds / 3600 for d in days], p.focus)
        series = QBarSeries()
        series.append(planned)
        series.append(focus)
        series.setBarWidth(0.7)
        top = max(d.planned_seconds for d in days) / 3600
        top = max(top, max(d.focus_seconds for d in days) / 3600)
        _plot(card.chart, series, labels, _hours_axis(top, p), p)
        said = self.tr("{day}: focus {focus} of {planned} planned")
        card.show_chart(
            "; ".join(
                said.format(
                    day=format_day(d.day),
                    focus=format_hours(d.focus_seconds),
                    planned=format_hours(d.planned_seconds),
                )
                for d in days
                if d.worked
            )
        )

    def _breaks_chart(self, days: tuple[DayFigures, ...], labels: list[str], p: Palette) -> None:
        card = self.charts["breaks"]
        if not any(d.breaks.due for d in days):
            card.show_placeholder(self.tr("No breaks fell due this week."))
            return
        series = QStackedBarSeries()
        for name, colour, field in (
            (self.tr("Kept"), p.kept, "kept"),
            (self.tr("Natural"), p.natural, "natural"),
            (self.tr("Postponed"), p.postponed, "postponed"),
            (self.tr("Skipped"), p.skipped, "skipped"),
        ):
            counts = [float(getattr(d.breaks, field)) for d in days]
            series.append(_bar_set(name, counts, colour))
        series.setBarWidth(0.55)
        top = max(d.breaks.due for d in days)
        _plot(card.chart, series, labels, _count_axis(top, p), p)
        said = self.tr(
            "{day}: {kept} kept, {natural} natural, {postponed} postponed, {skipped} skipped"
        )
        card.show_chart(
            "; ".join(
                said.format(
                    day=format_day(d.day),
                    kept=d.breaks.kept,
                    natural=d.breaks.natural,
                    postponed=d.breaks.postponed,
                    skipped=d.breaks.skipped,
                )
                for d in days
                if d.worked
            )
        )

    def _logoff_chart(self, figures: WeekFigures, labels: list[str], p: Palette) -> None:
        card = self.charts["logoff"]
        days = figures.days
        on_time = _scatter(self.tr("On time"), p.focus, 10)
        late = _scatter(self.tr("Late"), p.late, 10)
        plans: list[QLineSeries] = []  # a short dash per day: the planned end
        values: list[float] = []
        lines: list[str] = []
        for index, day in enumerate(days):
            if day.planned_end is not None:
                hour = _clock_hours(day.planned_end, day.day, figures)
                dash = QLineSeries()
                dash.setName(self.tr("Planned end"))
                dash.setPen(QPen(QColor(p.muted), 2.5))
                dash.append(index - 0.32, hour)
                dash.append(index + 0.32, hour)
                plans.append(dash)
                values.append(hour)
            if day.logged_off is not None:
                hour = _clock_hours(day.logged_off, day.day, figures)
                (on_time if day.on_time else late).append(index, hour)
                values.append(hour)
                lateness = day.late_seconds or 0
                how = (
                    self.tr("on time")
                    if day.on_time
                    else self.tr("{time} late").format(time=length_in_minutes(lateness))
                )
                lines.append(self.tr("{day}: {how}").format(day=format_day(day.day), how=how))
        if not (on_time.count() or late.count()):
            card.show_placeholder(self.tr("No log-offs yet this week."))
            return
        chart = card.chart
        _clear(chart)
        x_axis = _category_axis(labels, p)
        y_axis = _clock_axis(min(values), max(values), p)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (*plans, on_time, late):
            if series.count():
                chart.addSeries(series)
                series.attachAxis(x_axis)
                series.attachAxis(y_axis)
        _style_legend(chart, p)
        chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        for dash in plans[1:]:  # one legend entry for all the dashes
            for marker in chart.legend().markers(dash):
                marker.setVisible(False)
        card.show_chart("; ".join(lines))

    def _overtime_chart(self, days: tuple[DayFigures, ...], labels: list[str], p: Palette) -> None:
        card = self.charts["overtime"]
        grants = [grant for day in days for grant in day.overtime]
        if not any(d.overtime_seconds for d in days):
            card.show_placeholder(self.tr("No overtime this week."))
            card.set_footer("")
            return
        series = QBarSeries()
        series.append(
            _bar_set(self.tr("Overtime (min)"), [d.overtime_seconds / 60 for d in days], p.overtime)
        )
        series.setBarWidth(0.4)
        top = max(d.overtime_seconds for d in days) / 60
        _plot(card.chart, series, labels, _minutes_axis(top, p), p)
        card.chart.legend().hide()
        card.set_footer(
            "\n".join(
                f"{format_day(g.day)} · {length_in_minutes(g.seconds)} — {g.reason}" for g in grants
            )
        )
        card.show_chart(
            "; ".join(
                f"{format_day(d.day)}: {length_in_minutes(d.overtime_seconds)}"
                for d in days
                if d.overtime_seconds
            )
        )

    def _checkin_chart(self, days: tuple[DayFigures, ...], labels: list[str], p: Palette) -> None:
        card = self.charts["checkin"]
        points = [(i, d.checkin_mean) for i, d in enumerate(days) if d.checkin_mean is not None]
        if not points:
            card.show_placeholder(self.tr("No check-ins this week."))
            return
        chart = card.chart
        _clear(chart)
        line = QLineSeries()
        line.setName(self.tr("Check-in"))
        line.setPen(QPen(QColor(p.checkin), 2))
        dots = _scatter(self.tr("Check-in"), p.checkin, 9)
        for index, score in points:
            line.append(index, score)
            dots.append(index, score)
        x_axis = _category_axis(labels, p)
        y_axis = QValueAxis()
        y_axis.setRange(0.5, 5.5)
        y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        y_axis.setTickAnchor(1)
        y_axis.setTickInterval(1)
        y_axis.setLabelFormat("%d")
        _style_axis(y_axis, p)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (line, dots):
            chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        chart.legend().hide()
        said = self.tr("{day}: {score} of 5")
        card.show_chart(
            "; ".join(
                said.format(day=format_day(days[i].day), score=f"{score:.1f}")
                for i, score in points
            )
        )

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
            elif key == "ics":
                path.write_bytes(files.ics(week))
            else:
                raise ValueError(f"unknown export {key!r}")


# --- chart helpers -------------------------------------------------------------------------------


def _new_chart(p: Palette) -> QChart:
    chart = QChart()
    chart.setBackgroundVisible(False)
    chart.setPlotAreaBackgroundVisible(False)
    chart.setMargins(QMargins(0, 4, 4, 0))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    _style_legend(chart, p)
    return chart


def _style_legend(chart: QChart, p: Palette) -> None:
    legend = chart.legend()
    legend.setVisible(True)
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    legend.setLabelColor(QColor(p.muted))
    legend.setMarkerShape(QLegend.MarkerShape.MarkerShapeCircle)
    font = QFont(legend.font())
    font.setPointSizeF(8.5)
    legend.setFont(font)
    legend.setShowToolTips(True)  # a label cut short in a narrow chart reads in full on hover


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


def _style_axis(axis: QAbstractAxis, p: Palette, *, grid: bool = True) -> None:
    axis.setLabelsColor(QColor(p.muted))
    axis.setGridLineColor(QColor(p.grid))
    axis.setGridLineVisible(grid)
    axis.setLineVisible(False)
    axis.setTruncateLabels(False)
    font = QFont(axis.labelsFont())
    font.setPointSizeF(8.5)
    axis.setLabelsFont(font)


def _category_axis(labels: list[str], p: Palette) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(labels)
    _style_axis(axis, p, grid=False)
    return axis


def _plot(
    chart: QChart,
    series: QBarSeries | QStackedBarSeries,
    labels: list[str],
    y: QValueAxis,
    p: Palette,
) -> None:
    _clear(chart)
    chart.addSeries(series)
    x = _category_axis(labels, p)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    _style_legend(chart, p)


def _bar_set(name: str, values: list[float], colour: str) -> QBarSet:
    bar = QBarSet(name)
    bar.append(values)
    bar.setColor(QColor(colour))
    bar.setBorderColor(QColor(colour))
    return bar


def _scatter(name: str, fill: str, size: float, *, outline: str | None = None) -> QScatterSeries:
    series = QScatterSeries()
    series.setName(name)
    series.setMarkerSize(size)
    series.setColor(QColor(fill))
    series.setBorderColor(QColor(outline or fill))
    return series


def _nice_top(value: float, step: float) -> float:
    return max(step, math.ceil(value / step) * step)


def _value_axis(top: float, step: float, label_format: str, p: Palette) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, _nice_top(top, step))
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setLabelFormat(label_format)
    _style_axis(axis, p)
    return axis


def _hours_axis(top: float, p: Palette) -> QValueAxis:
    return _value_axis(top, 2 if top <= 10 else 4, "%d h", p)


def _count_axis(top: float, p: Palette) -> QValueAxis:
    return _value_axis(top, 1 if top <= 6 else 2 if top <= 12 else 5, "%d", p)


def _minutes_axis(top: float, p: Palette) -> QValueAxis:
    return _value_axis(top, 15 if top <= 60 else 30 if top <= 180 else 60, "%d min", p)


def _clock_hours(moment: datetime, day: date, figures: WeekFigures) -> float:
    """Wall-clock hours since the day's local midnight (25.5 is 01:30 the next day)."""
    local = moment.astimezone(figures.tz).replace(tzinfo=None)
    return (local - datetime.combine(day, time())).total_seconds() / 3600


def _clock_axis(low: float, high: float, p: Palette) -> QCategoryAxis:
    start = math.floor(low) - 1
    end = math.ceil(high) + 1
    step = 1 if end - start <= 8 else 2 if end - start <= 16 else 4
    end = start + math.ceil((end - start) / step) * step
    axis = QCategoryAxis()
    axis.setRange(start, end)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setStartValue(start)
    for hour in range(start, end + 1, step):
        axis.append(f"{hour % 24:02d}:00", hour)
    _style_axis(axis, p)
    return axis


def open_stats_window(figures: FiguresProvider, *, files: WeekFiles | None = None) -> StatsWindow:
    """Build and show the window (QtCharts loads with this module)."""
    window = StatsWindow(figures, files=files)
    window.show()
    return window
