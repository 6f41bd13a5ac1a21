"""The log-off screen and the weekly figures count a day's breaks the same way."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from shiftwell.storage.database import open_database
from shiftwell.storage.stats import IsoWeek, week_figures
from shiftwell.ui.logoff.logoff_screen import LogoffScreen
from tests.helpers.shell import Harness


def test_a_pause_is_not_a_kept_break_on_the_log_off_screen_or_in_the_week(
    harness: Harness, tmp_path: Path
) -> None:
    harness.click("start_shift")
    harness.clock.advance(5 * 60)
    harness.click("pause")
    harness.clock.advance(10 * 60)
    harness.click("resume")
    harness.clock.advance(8 * 3600)  # the micro and long breaks run their course; log-off
    screen = harness.shell._logoff
    assert isinstance(screen, LogoffScreen) and screen.view is not None

    kinds = [(s.kind, s.outcome) for s in harness.repository.segments()]
    assert ("pause", "completed") in kinds
    engine = open_database(tmp_path / "shiftwell.sqlite3").db
    figures = week_figures(engine, IsoWeek.containing(harness.clock.now().date()), ZoneInfo("UTC"))
    breaks = figures.headline.breaks
    honoured = breaks.kept + breaks.natural
    assert honoured == sum(
        1 for kind, outcome in kinds if outcome == "completed" and "break" in kind
    )
    assert f"{honoured} breaks kept" in screen.view.summary
