"""The weekly review's five charts: focus against the plan, breaks, log-off times, overtime
and check-ins, each drawn from the week's figures with QtCharts, with a sentence for screen
readers and a sentence in its place when there is nothing to draw."""

from __future__ import annotations

import math
from datetime import date, datetime, time

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
from PySide6.QtCore import QMargins, QObject, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
)

from shiftwell.core.calendar_names import short_weekday
from shiftwell.core.i18n import marked
from shiftwell.report.words import format_day, format_hours, length_in_minutes
from shiftwell.storage.stats import DayFigures, WeekFigures
from shiftwell.ui.i18n import _t
from shiftwell.ui.palette import Palette

CHARTS = {
    "focus": marked("Focus hours per day, against the plan"),
    "breaks": marked("Breaks per day"),
    "logoff": marked("Log-off against the planned end"),
    "overtime": marked("Overtime per day"),
    "checkin": marked("Check-ins across the week"),
}


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


class WeekCharts(QObject):
    """The five chart cards, by key, and how the week's figures fill them."""

    def __init__(self, palette: Palette, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._palette = palette
        self.cards = {key: ChartCard(key, _t(title), palette) for key, title in CHARTS.items()}

    def fill(self, figures: WeekFigures) -> None:
        """Draw the week's figures (or say why a chart has nothing to show)."""
        days = figures.days
        labels = [short_weekday(day.day) for day in days]
        p = self._palette
        self._focus_chart(days, labels, p)
        self._breaks_chart(days, labels, p)
        self._logoff_chart(figures, labels, p)
        self._overtime_chart(days, labels, p)
        self._checkin_chart(days, labels, p)

    def _focus_chart(self, days: tuple[DayFigures, ...], labels: list[str], p: Palette) -> None:
        card = self.cards["focus"]
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
        card = self.cards["breaks"]
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
        card = self.cards["logoff"]
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
        card = self.cards["overtime"]
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
        card = self.cards["checkin"]
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
