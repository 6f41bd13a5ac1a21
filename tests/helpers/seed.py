"""Builds a real SQLite file with shifts, segments and overtime grants written as the engine does.

Times are given as local wall-clock times in the seeder's zone and stored as UTC. Segments
are laid end to end from the shift's actual start; an end time earlier than the start time
means the next day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import Session, SQLModel

from shiftwell.storage.models import FixedBreakRow, OvertimeRow, SegmentRow, ShiftRow

BERLIN = ZoneInfo("Europe/Berlin")
# The reference fortnight: 2026-W47 (16 to 22 Nov) and 2026-W48 (23 to 29 Nov).
WEEK_47_MONDAY = date(2026, 11, 16)
WEEK_48_MONDAY = date(2026, 11, 23)


def create_database(path: Path) -> sa.Engine:
    """An empty Shiftwell database at `path`: the models' tables, marked as the newest
    schema as the app marks it (callers dispose of the engine)."""
    from shiftwell.storage.database import head_revision

    engine = sa.create_engine(f"sqlite:///{path}")
    SQLModel.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"
        )
        connection.exec_driver_sql("INSERT INTO alembic_version VALUES (?)", (head_revision(),))
    return engine


@dataclass(frozen=True)
class Seg:
    """One segment: its kind, how long it lasted, how it ended (None: still open)."""

    kind: str
    length: timedelta = timedelta(0)
    outcome: str | None = "completed"
    checkin: int | None = None
    word: str | None = None


def focus(hours: float = 0, minutes: float = 0) -> Seg:
    return Seg("focus", timedelta(hours=hours, minutes=minutes))


def micro(outcome: str = "completed") -> Seg:
    return Seg("micro_break", timedelta(seconds=20 if outcome == "completed" else 0), outcome)


def long_break(
    outcome: str = "completed", *, minutes: float = 10, checkin: int | None = None, word: str = ""
) -> Seg:
    taken = outcome in ("completed", "interrupted")
    length = timedelta(minutes=minutes if taken else 0)
    return Seg("long_break", length, outcome, checkin, word or None)


@dataclass
class Seeder:
    engine: sa.Engine
    tz: ZoneInfo = BERLIN

    def at(self, day: date, clock: str) -> datetime:
        """`clock` ("HH:MM" or "HH:MM:SS") on `day` in the seeder's zone, as UTC."""
        return datetime.combine(day, time.fromisoformat(clock), tzinfo=self.tz).astimezone(UTC)

    def _after(self, start: datetime, day: date, clock: str) -> datetime:
        end = self.at(day, clock)
        if end < start:
            end = self.at(day + timedelta(days=1), clock)
        return end

    def shift(
        self,
        day: date,
        start: str,
        end: str | None,
        *,
        planned: tuple[str, str] = ("09:00", "17:00"),
        scheduled: bool = True,
        segments: Sequence[Seg] = (),
        overtime: Sequence[tuple[str, int, str]] = (),
    ) -> str:
        """Insert a shift (end None: still open) with its segments and (clock, minutes, reason)
        overtime grants; returns the shift's id."""
        actual_start = self.at(day, start)
        shift_id = f"shift-{actual_start:%Y%m%dT%H%M%SZ}"
        planned_start = self.at(day, planned[0])
        rows: list[SQLModel] = [
            ShiftRow(
                id=shift_id,
                planned_start=planned_start,
                planned_end=self._after(planned_start, day, planned[1]),
                actual_start=actual_start,
                actual_end=None if end is None else self._after(actual_start, day, end),
                scheduled=scheduled,
            )
        ]
        moment = actual_start
        for number, seg in enumerate(segments):
            finish = None if seg.outcome is None else moment + seg.length
            rows.append(
                SegmentRow(
                    id=f"{shift_id}-seg-{number}",
                    shift_id=shift_id,
                    kind=seg.kind,
                    planned_start=moment,
                    planned_end=moment + seg.length,
                    actual_start=moment,
                    actual_end=finish,
                    outcome=seg.outcome,
                    checkin_score=seg.checkin,
                    checkin_word=seg.word,
                )
            )
            moment = finish or moment
        for number, (clock, minutes, reason) in enumerate(overtime):
            rows.append(
                OvertimeRow(
                    id=f"{shift_id}-ot-{number}",
                    shift_id=shift_id,
                    granted_at=self._after(actual_start, day, clock),
                    seconds=minutes * 60,
                    reason=reason,
                )
            )
        with Session(self.engine) as session, session.begin():
            session.add_all(rows)
        return shift_id


def fixed_break(
    seeder: Seeder,
    day: date,
    shift_start: str,
    planned: str,
    minutes: int,
    taken: tuple[str, str] | None,
    *,
    lunch: bool = False,
) -> None:
    """A fixed break of the shift that started at `shift_start` on `day`, planned at
    `planned` for `minutes`, taken from/to the `taken` clock times (None: missed), stored
    as the repository stores the engine's record."""
    shift_id = f"shift-{seeder.at(day, shift_start):%Y%m%dT%H%M%SZ}"
    start = seeder.at(day, planned)
    kind = "lunch" if lunch else "break"
    row = FixedBreakRow(
        id=f"{shift_id}-{start:%Y%m%dT%H%M%S}-{kind}",
        shift_id=shift_id,
        kind=kind,
        title="Lunch" if lunch else "Break",
        planned_start=start,
        planned_end=start + timedelta(minutes=minutes),
        actual_start=None if taken is None else seeder.at(day, taken[0]),
        actual_end=None if taken is None else seeder.at(day, taken[1]),
    )
    with Session(seeder.engine) as session, session.begin():
        session.add(row)


def seed_fixed_breaks(seeder: Seeder) -> None:
    """Fixed breaks for the reference fortnight's shifts (seed it first);
    tests/unit/storage/test_stats_adherence.py spells out the figures this gives."""
    d47 = [WEEK_47_MONDAY + timedelta(days=n) for n in range(7)]
    d48 = [WEEK_48_MONDAY + timedelta(days=n) for n in range(7)]
    # Week 47: three, two on schedule, one lunch missed.
    fixed_break(seeder, d47[0], "09:00", "10:30", 15, ("10:30", "10:45"))
    fixed_break(seeder, d47[0], "09:00", "12:30", 30, ("12:30", "13:00"), lunch=True)
    fixed_break(seeder, d47[1], "09:00", "12:30", 30, None, lunch=True)
    # Week 48, Monday: on time, on time (a minute off both ends), and one a call deferred.
    fixed_break(seeder, d48[0], "09:00", "10:30", 15, ("10:30", "10:45"))
    fixed_break(seeder, d48[0], "09:00", "12:30", 30, ("12:31", "13:01"), lunch=True)
    fixed_break(seeder, d48[0], "09:00", "15:15", 15, ("15:21", "15:36"))
    # Tuesday: one missed, a lunch cut 10 min short, back 3 min late from the last.
    fixed_break(seeder, d48[1], "09:05", "10:30", 15, None)
    fixed_break(seeder, d48[1], "09:05", "12:30", 30, ("12:30", "12:50"), lunch=True)
    fixed_break(seeder, d48[1], "09:05", "15:15", 15, ("15:15", "15:33"))
    # Thursday: lunch back 40 s late, within the minute.
    fixed_break(seeder, d48[3], "08:30", "12:30", 30, ("12:30", "13:00:40"), lunch=True)


def seed_reference_fortnight(seeder: Seeder) -> None:
    """2026-W47 and 2026-W48 in Europe/Berlin; tests/unit/storage/test_stats.py spells out
    every figure this gives."""
    d47 = [WEEK_47_MONDAY + timedelta(days=n) for n in range(7)]
    d48 = [WEEK_48_MONDAY + timedelta(days=n) for n in range(7)]

    # Week 47: three days, one late, one night shift started by hand.
    seeder.shift(
        d47[0],
        "09:00",
        "17:00",
        segments=[focus(4), micro(), long_break(checkin=3, word="ok"), focus(3)],
    )
    seeder.shift(
        d47[1],
        "09:00",
        "18:00",
        segments=[focus(7), micro("skipped"), Seg("overtime", timedelta(hours=1))],
        overtime=[("17:00", 60, "backlog")],
    )
    seeder.shift(
        d47[6], "22:00", "02:00", planned=("22:00", "06:00"), scheduled=False, segments=[focus(4)]
    )

    # Week 48: Monday 30 s late (on time), Tuesday 45 min late, Wednesday off, Thursday early,
    # Friday 20 min late with two grants, Saturday worked on a day off.
    seeder.shift(
        d48[0],
        "09:00",
        "17:00:30",
        segments=[
            focus(4),
            micro(),
            micro("skipped"),
            long_break(checkin=4, word="steady"),
            focus(3),
        ],
    )
    seeder.shift(
        d48[1],
        "09:05",
        "17:45",
        segments=[
            focus(4),
            micro("postponed"),
            micro(),
            long_break(checkin=2, word="tired"),
            focus(3),
            Seg("overtime", timedelta(minutes=45)),
        ],
        overtime=[("17:00", 45, "customer call ran long")],
    )
    seeder.shift(
        d48[3],
        "08:30",
        "16:50",
        segments=[
            focus(3),
            Seg("away", timedelta(minutes=15), "natural"),
            long_break("postponed"),
            long_break("postponed"),
            long_break(checkin=5, word="good"),
            Seg("pause", timedelta(minutes=10)),
            focus(3),
        ],
    )
    seeder.shift(
        d48[4],
        "09:00",
        "17:20",
        segments=[
            focus(7),
            micro("skipped"),
            Seg("overtime", timedelta(minutes=20)),
            long_break("interrupted", minutes=5),
        ],
        overtime=[("16:55", 10, "handover"), ("17:08", 10, "ticket backlog")],
    )
    seeder.shift(
        d48[5],
        "10:00",
        "12:00",
        planned=("10:00", "18:00"),
        scheduled=False,
        segments=[focus(2)],
    )
    # Just after midnight on the next Monday (still Sunday in UTC): belongs to 2026-W49.
    seeder.shift(
        d48[6] + timedelta(days=1),
        "00:30",
        "01:30",
        planned=("00:30", "08:30"),
        scheduled=False,
        segments=[focus(1)],
    )
