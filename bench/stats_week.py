"""How fast the week's stats are over five years of shifts (targets: figures < 100 ms,
window built and shown < 500 ms).

Fills a temporary database with the app's tables (five shifts a week of 8 h, the engine's
segment pattern, some late log-offs with overtime grants, check-ins on long breaks), prints
its size in total and per year, the query plans, then the median time of `week_figures` for a
week in the middle and of building and showing the stats window offscreen.

Run: .venv/bin/python bench/stats_week.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import SQLModel

from shiftwell.storage.models import OvertimeRow, SegmentRow, ShiftRow
from shiftwell.storage.stats import IsoWeek, week_figures

TZ = ZoneInfo("Europe/Berlin")
FIRST_MONDAY = date(2022, 1, 3)
YEARS = 5
CAP = timedelta(hours=2)
RUNS = 21

# The engine's rhythm: micro break every 20 min of focus, long break at 50 min.
PATTERN: list[tuple[str, timedelta]] = [
    ("focus", timedelta(minutes=20)),
    ("micro_break", timedelta(seconds=20)),
    ("focus", timedelta(minutes=20)),
    ("micro_break", timedelta(seconds=20)),
    ("focus", timedelta(minutes=10)),
    ("long_break", timedelta(minutes=10)),
]
WORDS = ["calm", "ok", "tired", "busy", "good", "flat", "steady"]
REASONS = ["customer call ran long", "handover", "ticket backlog", "escalation"]


def _at(day: date, hour: float) -> datetime:
    local = datetime.combine(day, clock_time(), tzinfo=TZ) + timedelta(hours=hour)
    return local.astimezone(UTC)


def _shift_rows(
    day: date, number: int, rng: random.Random, *, scheduled: bool = True
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    shift_id = f"s{number:06d}"
    planned_start = _at(day, 9)
    planned_end = planned_start + timedelta(hours=8)
    start = planned_start + timedelta(minutes=rng.choice([-10, -5, 0, 0, 0, 2, 5]))
    overtime = timedelta(minutes=rng.choice([15, 20, 30, 45])) if rng.random() < 0.15 else None
    end = planned_end + (overtime or timedelta(seconds=rng.choice([-300, 0, 20, 45])))
    segments: list[dict[str, Any]] = []
    moment, index = start, 0
    while moment < planned_end:
        for kind, length in PATTERN:
            if moment >= planned_end:
                break
            outcome, score, word = "completed", None, None
            if kind != "focus":
                roll = rng.random()
                outcome = "skipped" if roll < 0.06 else "postponed" if roll < 0.12 else outcome
                if kind == "long_break" and outcome == "completed" and rng.random() < 0.5:
                    score, word = rng.randint(1, 5), rng.choice(WORDS)
            taken = length if outcome == "completed" else timedelta(0)
            finish = min(moment + taken, planned_end)
            segments.append(
                {
                    "id": f"{shift_id}-{index}",
                    "shift_id": shift_id,
                    "kind": kind,
                    "planned_start": moment,
                    "planned_end": moment + length,
                    "actual_start": moment,
                    "actual_end": finish,
                    "outcome": outcome,
                    "checkin_score": score,
                    "checkin_word": word,
                }
            )
            moment, index = finish, index + 1
    grants: list[dict[str, Any]] = []
    if overtime:
        segments.append(
            {
                "id": f"{shift_id}-{index}",
                "shift_id": shift_id,
                "kind": "overtime",
                "planned_start": planned_end,
                "planned_end": end,
                "actual_start": planned_end,
                "actual_end": end,
                "outcome": "completed",
                "checkin_score": None,
                "checkin_word": None,
            }
        )
        grants.append(
            {
                "id": f"{shift_id}-ot",
                "shift_id": shift_id,
                "granted_at": planned_end,
                "seconds": int(overtime.total_seconds()),
                "reason": rng.choice(REASONS),
            }
        )
    shift = {
        "id": shift_id,
        "planned_start": planned_start,
        "planned_end": planned_end,
        "actual_start": start,
        "actual_end": end,
        "scheduled": scheduled,
    }
    return shift, segments, grants


def create_database(path: Path) -> sa.Engine:
    """The app's tables from the models, in WAL mode like the app's own file."""
    engine = sa.create_engine(f"sqlite:///{path}")

    def wal(connection: Any, _record: Any) -> None:
        connection.execute("PRAGMA journal_mode=WAL")

    sa.event.listen(engine, "connect", wal)
    SQLModel.metadata.create_all(engine)
    return engine


def fill(engine: sa.Engine, path: Path) -> list[tuple[date, int, int, int]]:
    """Five years of 52 weeks, a year per transaction; returns, per year, its first day,
    shifts, segments and the file's size after it."""
    rng = random.Random(48)
    number = 0
    sizes = []
    for year in range(YEARS):
        shifts: list[dict[str, Any]] = []
        segments: list[dict[str, Any]] = []
        grants: list[dict[str, Any]] = []
        for week in range(52):
            monday = FIRST_MONDAY + timedelta(weeks=52 * year + week)
            days = [monday + timedelta(days=n) for n in range(5) if rng.random() > 0.04]
            if rng.random() < 0.05:
                days.append(monday + timedelta(days=5))  # a Saturday outside the schedule
            for day in days:
                number += 1
                shift, segs, ots = _shift_rows(day, number, rng, scheduled=day.weekday() < 5)
                shifts.append(shift)
                segments += segs
                grants += ots
        with engine.begin() as connection:
            connection.execute(sa.insert(ShiftRow), shifts)
            connection.execute(sa.insert(SegmentRow), segments)
            if grants:
                connection.execute(sa.insert(OvertimeRow), grants)
        with engine.connect() as connection:  # fold the WAL into the file to measure it
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        first = FIRST_MONDAY + timedelta(weeks=52 * year)
        sizes.append((first, len(shifts), len(segments), path.stat().st_size))
    return sizes


def median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def query_plans(engine: sa.Engine, week: IsoWeek) -> list[str]:
    statements: list[tuple[str, Any]] = []

    def remember(*args: Any) -> None:
        statements.append((args[2], args[3]))

    sa.event.listen(engine, "before_cursor_execute", remember)
    week_figures(engine, week, TZ, CAP)
    sa.event.remove(engine, "before_cursor_execute", remember)
    lines = []
    with engine.connect() as connection:
        for number, (sql, parameters) in enumerate(statements, 1):
            plan = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, parameters).all()
            lines += [f"  query {number}: {row[-1]}" for row in plan]
    return lines


def window_ms(engine: sa.Engine, week: IsoWeek) -> tuple[float, float, float]:
    """(QtCharts import, first window, median of later windows), in ms, built and shown."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def quiet(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if "does not support" not in message:  # the offscreen platform's own limits
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    started = time.perf_counter()
    from shiftwell.ui.review.window import StatsWindow

    imported = (time.perf_counter() - started) * 1000

    def build() -> None:
        window = StatsWindow(
            lambda shown: week_figures(engine, shown, TZ, CAP), today=lambda: week.monday
        )
        window.show()
        app.processEvents()
        window.close()
        window.deleteLater()

    first = median_ms(build, 1)
    later = median_ms(build, 7)
    app.processEvents()
    return imported, first, later


def main() -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "shiftwell.sqlite3"
        engine = create_database(path)
        started = time.perf_counter()
        sizes = fill(engine, path)
        seconds = time.perf_counter() - started
        shifts = sum(s[1] for s in sizes)
        segments = sum(s[2] for s in sizes)
        print(f"filled {shifts} shifts, {segments} segments in {seconds:.1f} s")
        previous = 0
        for first, count, segs, size in sizes:
            print(
                f"  52 weeks from {first}: {count} shifts, {segs} segments, "
                f"+{(size - previous) / 1e6:.1f} MB"
            )
            previous = size
        print(f"database: {path.stat().st_size / 1e6:.1f} MB")

        week = IsoWeek.containing(FIRST_MONDAY + timedelta(weeks=52 * YEARS // 2))
        print(f"query plans for {week}:")
        print("\n".join(query_plans(engine, week)))
        figures = week_figures(engine, week, TZ, CAP)
        print(
            f"{week}: {figures.headline.days_worked} days, "
            f"{figures.headline.worked_seconds / 3600:.1f} h worked"
        )
        took = median_ms(lambda: week_figures(engine, week, TZ, CAP))
        print(f"week_figures: median {took:.1f} ms over {RUNS} runs (target < 100 ms)")
        imported, cold, later = window_ms(engine, week)
        print(
            f"stats window: QtCharts import {imported:.0f} ms; first build+show {cold:.0f} ms "
            f"(cold total {imported + cold:.0f} ms), then median {later:.0f} ms "
            "(target < 500 ms)"
        )
        engine.dispose()


if __name__ == "__main__":
    main()
