"""`shiftwell review`: the weekly review as a process of its own — one per profile, brought
up again by a second request, following the record while open, gone when asked to stop."""

from __future__ import annotations

import signal
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from shiftwell.platform.instance import InstanceError, send_request, socket_path
from shiftwell.platform.paths import Paths
from shiftwell.review import close_review
from shiftwell.storage.database import open_database
from shiftwell.storage.stats import IsoWeek
from tests.helpers.process import run_cli, start_app, wait_for
from tests.helpers.seed import Seeder, focus, micro

OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}


def _state(data: Path) -> dict[str, Any] | None:
    try:
        reply = send_request(socket_path(data, role="review"), "status", {}, timeout=2.0)
    except InstanceError:
        return None
    return reply


def _a_day(seeder: Seeder, day: date) -> None:
    seeder.shift(day, "09:00", "17:00", segments=[focus(hours=4), micro(), focus(hours=3.9)])


def test_the_review_runs_on_its_own_comes_up_again_and_follows_the_record(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    database = data / "shiftwell.sqlite3"
    open_database(database).db.dispose()  # made as the tray makes it
    writer = sa.create_engine(f"sqlite:///{database}")  # the tray writing beside the review
    seeder = Seeder(writer)
    this_week = IsoWeek.containing(date.today())
    monday = this_week.monday
    _a_day(seeder, monday)
    args = ["review", "--data-dir", str(data)]
    args += ["--config", str(tmp_path / "config.toml")]
    review = start_app(*args, env=OFFSCREEN)
    try:
        wait_for(lambda: _state(data) is not None, 30, "the review to answer")
        state = _state(data)
        assert state is not None
        assert (state["week"], state["visible"], state["on_top"]) == (str(this_week), True, False)
        assert state["days_worked"] == 1

        # A second request (the log-off screen's "See your week") brings the same window up,
        # above the full-screen cover, and ends at once.
        second = run_cli(*args, "--on-top", env=OFFSCREEN)
        assert second.returncode == 0, second.stderr
        assert _state(data) == state | {"on_top": True}

        # The tray records another day: the open review reads it without being asked.
        _a_day(seeder, monday + timedelta(days=1))
        wait_for(lambda: (_state(data) or {}).get("days_worked") == 2, 20, "a fresh read")

        # The tray quitting closes its review.
        close_review(Paths(data, tmp_path / "config.toml"))
        assert review.wait(timeout=20) == 0
        assert _state(data) is None
        assert not Path(socket_path(data, role="review")).exists()
    finally:
        if review.poll() is None:
            review.kill()
    _, stderr = review.communicate(timeout=10)
    assert "Traceback" not in stderr

    # So does a stop signal.
    review = start_app(*args, env=OFFSCREEN)
    try:
        wait_for(lambda: _state(data) is not None, 30, "the review to answer again")
        review.send_signal(signal.SIGTERM)
        assert review.wait(timeout=20) == 0
        assert _state(data) is None
    finally:
        if review.poll() is None:
            review.kill()
        writer.dispose()
    _, stderr = review.communicate(timeout=10)
    assert "Traceback" not in stderr


def test_without_a_database_the_review_says_so_and_ends(tmp_path: Path) -> None:
    done = run_cli("review", "--data-dir", str(tmp_path / "none"), env=OFFSCREEN)
    assert done.returncode == 1
    assert (
        done.stderr.strip()
        == f"shiftwell: no database yet at {tmp_path / 'none'}/shiftwell.sqlite3"
    )
