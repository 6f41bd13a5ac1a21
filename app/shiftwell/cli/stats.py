"""`shiftwell stats`: a week's figures straight from the database (no tray needed)."""

from __future__ import annotations

import sys
from datetime import date
from zoneinfo import ZoneInfo

from shiftwell.core.i18n import _
from shiftwell.platform.paths import Paths


def print_stats(paths: Paths, week_text: str | None, output: str) -> int:
    from shiftwell.platform.config_file import load_settings
    from shiftwell.report.files import figures_json, segments_csv
    from shiftwell.report.table import render_table
    from shiftwell.storage.database import DatabaseError, open_database
    from shiftwell.storage.stats import IsoWeek, week_figures, week_segments

    try:
        week = IsoWeek.parse(week_text) if week_text else IsoWeek.containing(date.today())
    except ValueError as error:
        print(f"shiftwell: --week: {error}", file=sys.stderr)
        return 2
    if not paths.database.exists():
        message = _("no database yet at {path}").format(path=paths.database)
        print(f"shiftwell: {message}", file=sys.stderr)
        return 1
    settings = load_settings(paths.config_file).settings
    tz = settings.schedule.tz
    zone = tz if isinstance(tz, ZoneInfo) else ZoneInfo("UTC")
    try:
        db = open_database(paths.database).db
    except DatabaseError as error:
        print(f"shiftwell: {error}", file=sys.stderr)
        return 1
    try:
        if output == "csv":
            sys.stdout.write(segments_csv(week_segments(db, week, zone), zone))
        else:
            figures = week_figures(db, week, zone, settings.overtime.weekly_cap)
            text = figures_json(figures) if output == "json" else render_table(figures) + "\n"
            sys.stdout.write(text)
    finally:
        db.dispose()
    return 0
