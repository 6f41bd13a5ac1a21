"""The record a week's report reads, opened without the tray: `shiftwell stats` and the
weekly review's own process (`shiftwell review`) both start here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from shiftwell.core.i18n import _
from shiftwell.platform.paths import Paths

if TYPE_CHECKING:
    import sqlalchemy as sa

    from shiftwell.storage.stats import IsoWeek


class RecordUnavailable(Exception):
    """One sentence for the terminal, and the exit status that goes with it."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class WeekRecord:
    week: IsoWeek | None  # as asked with --week; None: not asked
    zone: ZoneInfo  # the schedule's zone (UTC when it has no IANA name)
    weekly_cap: timedelta
    db: sa.Engine  # the caller disposes of it


def open_week_record(paths: Paths, week_text: str | None) -> WeekRecord:
    """The asked week, the user's zone and overtime cap, and the database; raises
    RecordUnavailable for a bad --week (status 2), or no or an unusable database (1)."""
    from shiftwell.platform.config_file import load_settings
    from shiftwell.storage.database import DatabaseError, open_database
    from shiftwell.storage.stats import IsoWeek

    try:
        week = IsoWeek.parse(week_text) if week_text else None
    except ValueError as error:
        raise RecordUnavailable(f"--week: {error}", 2) from None
    if not paths.database.exists():
        raise RecordUnavailable(_("no database yet at {path}").format(path=paths.database), 1)
    settings = load_settings(paths.config_file).settings
    tz = settings.schedule.tz
    zone = tz if isinstance(tz, ZoneInfo) else ZoneInfo("UTC")
    try:
        db = open_database(paths.database).db
    except DatabaseError as error:
        raise RecordUnavailable(str(error), 1) from None
    return WeekRecord(week, zone, settings.overtime.weekly_cap, db)
