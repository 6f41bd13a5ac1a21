"""The headline as cards: one figure each, what it is made of, and how it moved since last week.

Arrows only say which way a figure moved, never whether that is good: more hours can be a
busy week or a catch-up, and the person knows which.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from shiftwell.core.adherence import Adherence
from shiftwell.report.words import NONE, format_hours, format_percent, length_in_minutes
from shiftwell.storage.stats import Headline, WeekFigures
from shiftwell.ui.i18n import _t, _tn
from shiftwell.ui.palette import Palette


@dataclass(frozen=True)
class CardText:
    key: str
    title: str
    value: str
    detail: str
    trend: str

    @property
    def spoken(self) -> str:
        return f"{self.title}: {self.value}, {self.detail}. {self.trend}."


def _trend(
    now: float | None,
    before: float | None,
    words: Callable[[float], str],
    show: Callable[[float], str],
    *,
    had_week: bool,
) -> str:
    if not had_week:
        return _t("no shifts last week")
    if before is None:
        return "" if now is None else _t("nothing to compare last week")
    if now is None:
        return _t("last week {figure}").format(figure=show(before))
    change = now - before
    if words(abs(change)) == words(0):
        return _t("same as last week")
    return _t("{arrow} {change} vs last week").format(
        arrow="↑" if change > 0 else "↓", change=words(abs(change))
    )


def _points(change: float) -> str:
    return _t("{points} pts").format(points=f"{change * 100:.0f}")


def _score(mean: float) -> str:
    return f"{mean:.1f} / 5"


def _days(count: float) -> str:
    return _tn("%n days", "%n day", round(count))


def card_texts(figures: WeekFigures) -> list[CardText]:
    now, before = figures.headline, figures.previous
    had = before.days_worked > 0

    def trend(
        pick: Callable[[Headline], float | None],
        words: Callable[[float], str],
        show: Callable[[float], str] | None = None,
    ) -> str:
        return _trend(pick(now), pick(before), words, show or words, had_week=had)

    breaks = now.breaks
    cap = length_in_minutes(now.overtime_cap_seconds)
    overtime_detail = _t("of the {cap} weekly cap").format(cap=cap)
    if now.over_cap:
        over = length_in_minutes(now.overtime_seconds - now.overtime_cap_seconds)
        overtime_detail = _t("{over} over the {cap} cap").format(over=over, cap=cap)
    checkin = now.checkin_mean
    cards = [
        CardText(
            "worked",
            _t("Hours worked"),
            format_hours(now.worked_seconds),
            _t("of {planned} planned\n{focus} of it focus").format(
                planned=format_hours(now.planned_seconds), focus=format_hours(now.focus_seconds)
            ),
            trend(lambda h: h.worked_seconds, format_hours),
        ),
        CardText(
            "on_time",
            _t("Logged off on time"),
            format_percent(now.on_time_rate),
            _t("{count} of {days}").format(count=now.on_time_days, days=_days(now.logoff_days)),
            trend(lambda h: h.on_time_rate, _points, format_percent),
        ),
        CardText(
            "breaks",
            _t("Breaks kept"),
            format_percent(now.breaks_kept_rate),
            _t("{kept} of {due} due").format(kept=breaks.kept + breaks.natural, due=breaks.due)
            if breaks.due
            else _t("no breaks fell due"),
            trend(lambda h: h.breaks_kept_rate, _points, format_percent),
        ),
        CardText(
            "overtime",
            _t("Overtime"),
            length_in_minutes(now.overtime_seconds),
            overtime_detail,
            trend(lambda h: h.overtime_seconds, length_in_minutes),
        ),
        CardText(
            "off_schedule",
            _t("Outside the schedule"),
            _days(now.days_off_schedule),
            _t("on a day off or before the shift"),
            trend(lambda h: h.days_off_schedule, _days),
        ),
        CardText(
            "checkin",
            _t("Check-in"),
            NONE if checkin is None else _score(checkin),
            _tn("%n check-ins", "%n check-in", now.checkins),
            trend(lambda h: h.checkin_mean, lambda change: f"{change:.1f}", _score),
        ),
    ]
    if now.fixed.any:
        cards += _fixed_cards(figures, trend)
    return cards


Trend = Callable[..., str]
FIXED_CARDS = ("fixed_on_schedule", "fixed_back_late", "fixed_lunches", "fixed_missed")


def _fixed_cards(figures: WeekFigures, trend: Trend) -> list[CardText]:
    """The breaks at fixed times, by core.adherence's rules; only for a week that had some.
    A week before without any has nothing to compare."""
    fixed = figures.headline.fixed

    def when_any(pick: Callable[[Adherence], float]) -> Callable[[Headline], float | None]:
        return lambda h: pick(h.fixed) if h.fixed.any else None

    breaks = _tn("%n fixed breaks", "%n fixed break", fixed.breaks)
    lunches = _tn("%n lunches", "%n lunch", fixed.lunches)
    return [
        CardText(
            "fixed_on_schedule",
            _t("Breaks on schedule"),
            format_percent(fixed.on_schedule_rate),
            _t("{count} of {breaks}\nwithin 2 min of the start, 1 min of the end").format(
                count=fixed.on_schedule, breaks=breaks
            ),
            trend(lambda h: h.fixed.on_schedule_rate, _points, format_percent),
        ),
        CardText(
            "fixed_back_late",
            _t("Back late from breaks"),
            length_in_minutes(fixed.back_late_seconds),
            _tn(
                "from %n breaks, each over 1 min late",
                "from %n break, over 1 min late",
                fixed.back_late,
            )
            if fixed.back_late
            else _t("always back within a minute"),
            trend(when_any(lambda a: a.back_late_seconds), length_in_minutes),
        ),
        CardText(
            "fixed_lunches",
            _t("Lunches taken in full"),
            format_percent(fixed.lunches_rate),
            _t("{count} of {lunches}").format(count=fixed.lunches_in_full, lunches=lunches)
            if fixed.lunches
            else _t("no lunch on the schedule"),
            trend(lambda h: h.fixed.lunches_rate, _points, format_percent),
        ),
        CardText(
            "fixed_missed",
            _t("Fixed breaks missed"),
            str(fixed.missed),
            _t("of {breaks}, never started").format(breaks=breaks),
            trend(when_any(lambda a: a.missed), _breaks),
        ),
    ]


def _breaks(count: float) -> str:
    return _tn("%n breaks", "%n break", round(count))


class FigureCard(QFrame):
    """Title, big value, detail line and the trend against last week."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # screen readers can step through
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.value = QLabel()
        self.value.setObjectName("cardValue")
        self.value.setAccessibleName(self.tr("{card} value").format(card=key))
        self.detail = QLabel()
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        self.trend = QLabel()
        self.trend.setObjectName("cardTrend")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(2)
        for label in (self.title, self.value, self.detail):
            layout.addWidget(label)
        layout.addStretch(1)  # trends line up at the bottom of equally tall cards
        layout.addSpacing(4)
        layout.addWidget(self.trend)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def show_text(self, text: CardText) -> None:
        self.title.setText(text.title)
        self.value.setText(text.value)
        self.detail.setText(text.detail)
        self.trend.setText(text.trend)
        self.setAccessibleName(text.title)
        self.setAccessibleDescription(text.spoken)


def stylesheet(palette: Palette) -> str:
    """The window's style sheet: flat surfaces, soft borders, one accent."""
    p = palette
    return f"""
    QMainWindow, #statsRoot {{ background: {p.window}; }}
    QLabel {{ color: {p.text}; }}
    #weekTitle {{ font-size: 15pt; font-weight: 600; }}
    #weekNote, #cardTitle, #cardDetail, #chartNote {{ color: {p.muted}; }}
    #cardTrend {{ color: {p.muted}; font-size: 9pt; }}
    #cardValue {{ font-size: 18pt; font-weight: 600; }}
    #card, #chartCard, #emptyState {{
        background: {p.surface}; border: 1px solid {p.border}; border-radius: 8px;
    }}
    #chartTitle, #sectionTitle {{ font-weight: 600; }}
    #emptyTitle {{ font-size: 16pt; font-weight: 600; }}
    #emptyText {{ color: {p.muted}; }}
    QPushButton, QToolButton {{
        color: {p.text}; background: {p.surface}; border: 1px solid {p.border};
        border-radius: 6px; padding: 5px 12px;
    }}
    QPushButton:hover, QToolButton:hover {{ border-color: {p.focus}; }}
    QPushButton:focus, QToolButton:focus {{ border: 2px solid {p.focus}; padding: 4px 11px; }}
    QPushButton:disabled {{ color: {p.muted}; background: {p.window}; }}
    QToolButton::menu-indicator {{ image: none; }}
    QStatusBar {{ color: {p.muted}; background: {p.window}; }}
    QMenu {{ background: {p.surface}; color: {p.text}; border: 1px solid {p.border}; }}
    QMenu::item {{ padding: 5px 18px; }}
    QMenu::item:selected {{ background: {p.grid}; }}
    QScrollArea {{ background: transparent; border: none; }}
    """
