"""`shiftwell stats`: a week's figures straight from the database (no tray needed)."""

from __future__ import annotations

import sys
from datetime import date

from shiftwell.platform.paths import Paths


def print_stats(paths: Paths, week_text: str | None, output: str) -> int:
    from shiftwell.report.files import figures_json, fixed_breaks_csv, segments_csv
    from shiftwell.report.table import render_table
    from shiftwell.storage.stats import IsoWeek, week_figures, week_fixed_breaks, week_segments
    from shiftwell.week_record import RecordUnavailable, open_week_record

    try:
        record = open_week_record(paths, week_text)
    except RecordUnavailable as error:
        print(f"shiftwell: {error}", file=sys.stderr)
        return error.status
    week = record.week or IsoWeek.containing(date.today())
    db, zone = record.db, record.zone
    try:
        if output == "csv":
            sys.stdout.write(segments_csv(week_segments(db, week, zone), zone))
        elif output == "fixed-csv":
            sys.stdout.write(fixed_breaks_csv(week_fixed_breaks(db, week, zone), zone))
        else:
            figures = week_figures(db, week, zone, record.weekly_cap)
            text = figures_json(figures) if output == "json" else render_table(figures) + "\n"
            sys.stdout.write(text)
    finally:
        db.dispose()
    return 0
