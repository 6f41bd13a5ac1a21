"""A one-page PDF summary of a week, laid out as HTML and printed with QPdfWriter.

Always in the light print colours, whatever the screen's scheme; written to a local file only.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from shiftwell.core.i18n import marked
from shiftwell.report.day_rows import day_header, day_row, week_grants
from shiftwell.report.words import format_day, length_in_minutes, week_title
from shiftwell.storage.figures import WeekFigures
from shiftwell.ui.i18n import _t
from shiftwell.ui.palette import LIGHT
from shiftwell.ui.review.cards import card_texts

LAYOUT_WIDTH = 1000.0
BREAKS_NOTE = marked(
    "Breaks kept = (kept + natural) ÷ every time a break fell due (kept + natural + postponed "
    "+ skipped); a break postponed twice and then taken counts as one of three."
)

FIXED_NOTE = marked(
    "Fixed breaks on schedule: started within 2 min of the planned minute and back within "
    "1 min of the planned end. Back late: the whole lateness of each break back more than "
    "1 min late. A lunch is taken in full down to 1 min short."
)


def summary_html(figures: WeekFigures) -> str:
    p = LIGHT
    tz = figures.tz
    cell = f"padding: 3px 8px; border-bottom: 1px solid {p.border}; white-space: nowrap;"
    title = _t("Shiftwell — {week}").format(week=week_title(figures.week))
    zone = _t("Times in {zone}.").format(zone=tz.key)
    parts = [
        f"<h2 style='color:{p.text}; margin:0'>{escape(title)}</h2>",
        f"<p style='color:{p.muted}; margin-top:2px'>{escape(zone)}</p>",
    ]
    if figures.empty:
        nothing = escape(_t("No shifts recorded this week."))
        parts.append(f"<p><b>{nothing}</b></p>")
        return "\n".join(parts)
    parts.append("<table cellspacing='0' style='margin-bottom:12px'>")
    for card in card_texts(figures):
        parts.append(
            f"<tr><td style='{cell} color:{p.muted}'>{escape(card.title)}</td>"
            f"<td style='{cell} font-weight:600'>{escape(card.value)}</td>"
            f"<td style='{cell}'>{escape(card.detail.replace(chr(10), ' · '))}</td>"
            f"<td style='{cell} color:{p.muted}'>{escape(card.trend)}</td></tr>"
        )
    parts.append("</table>")
    parts.append("<table cellspacing='0' width='100%'><tr>")
    parts += [
        f"<th style='{cell} text-align:left; color:{p.muted}'>{escape(h)}</th>"
        for h in day_header()
    ]
    parts.append("</tr>")
    for day in figures.days:
        name, *cells = day_row(day, tz)
        row = "".join(f"<td style='{cell}'>{escape(c)}</td>" for c in cells)
        name = escape(name).replace(" ", "&nbsp;")
        parts.append(f"<tr><td style='{cell}'>{name}</td>{row}</tr>")
    parts.append("</table>")
    grants = week_grants(figures)
    if grants:
        heading = escape(_t("Overtime"))
        parts.append(f"<h4 style='color:{p.text}; margin-top:14px'>{heading}</h4><ul>")
        parts += [
            f"<li>{escape(format_day(g.day))} · {escape(length_in_minutes(g.seconds))} — "
            f"{escape(g.reason)}</li>"
            for g in grants
        ]
        parts.append("</ul>")
    notes = [BREAKS_NOTE, FIXED_NOTE] if figures.headline.fixed.any else [BREAKS_NOTE]
    parts += [f"<p style='color:{p.muted}; font-size:8pt'>{escape(_t(n))}</p>" for n in notes]
    return "\n".join(parts)


def write_summary_pdf(path: Path, figures: WeekFigures) -> None:
    """Write the summary to `path` as one A4 page (scaled down if it would not fit)."""
    writer = QPdfWriter(str(path))
    writer.setTitle(f"Shiftwell {figures.week}")
    writer.setCreator("Shiftwell")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(QMarginsF(14, 14, 14, 14), QPageLayout.Unit.Millimeter)
    writer.setResolution(144)
    document = QTextDocument()
    font = QFont(document.defaultFont())
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    document.setHtml(summary_html(figures))
    # Laid out at a screen-like width, then scaled onto the page: Qt measures rich text
    # best at screen resolution.
    document.setTextWidth(LAYOUT_WIDTH)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"can't write a PDF to {path}")
    try:
        area = painter.viewport()
        height = document.size().height()
        scale = min(area.width() / LAYOUT_WIDTH, area.height() / height)
        painter.scale(scale, scale)
        document.drawContents(painter)
    finally:
        painter.end()
