"""The PDF summary shows the same day rows as the terminal table, the Late column included."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from html import unescape
from pathlib import Path

import pytest
import sqlalchemy as sa
from pytestqt.qtbot import QtBot

from shiftwell.report.table import render_table
from shiftwell.storage.stats import IsoWeek, week_figures
from shiftwell.ui.review.pdf import summary_html
from tests.helpers.seed import BERLIN, Seeder, create_database, seed_reference_fortnight

W48 = IsoWeek(2026, 48)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sa.Engine]:
    db = create_database(tmp_path / "shiftwell.sqlite3")
    seed_reference_fortnight(Seeder(db))
    yield db
    db.dispose()


def _html_rows(html: str) -> list[list[str]]:
    """The day table's rows, as the cells' text."""
    day_table = html.split("<table", 2)[2]
    rows = re.findall(r"<tr>(.*?)</tr>", day_table, re.DOTALL)
    cells = [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.DOTALL) for row in rows]
    return [[unescape(cell).replace("\xa0", " ") for cell in row] for row in cells]


def test_the_pdf_has_the_tables_day_rows_with_the_late_column(qtbot: QtBot, db: sa.Engine) -> None:
    figures = week_figures(db, W48, BERLIN, timedelta(hours=2))
    pdf_rows = _html_rows(summary_html(figures))
    header = pdf_rows[0]
    assert "Late" in header
    late = header.index("Late")
    tuesday = next(row for row in pdf_rows if row[0].startswith("Tue"))
    assert tuesday[late] == "45 min"
    table = render_table(figures)
    # Every day line of the terminal table holds the PDF row's cells, in the same order.
    for row in pdf_rows[1:]:
        line = next(line for line in table.splitlines() if line.startswith(row[0]))
        assert line.split() == " ".join(row).split()
