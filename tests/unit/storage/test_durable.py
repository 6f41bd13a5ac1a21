"""A full disk (SQLite's own SQLITE_FULL, from a page limit) loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from shiftwell.core.model import BreakNow, Pause, Resume, StartShift
from shiftwell.storage.database import open_database
from shiftwell.storage.durable import DurableRecorder
from shiftwell.storage.repository import Repository
from tests.helpers.engine import make_engine


@pytest.mark.logs_warnings
def test_writes_wait_while_the_disk_is_full_and_land_in_order_afterwards(
    tmp_path: Path,
) -> None:
    opened = open_database(tmp_path / "full.sqlite3")
    full = {"on": False}

    @sa.event.listens_for(opened.engine, "connect")
    def limit_pages(connection: object, _record: object) -> None:
        if full["on"]:
            cursor = connection.cursor()  # type: ignore[attr-defined]
            pages = cursor.execute("pragma page_count").fetchone()[0]
            cursor.execute(f"pragma max_page_count = {pages}")
            cursor.close()

    troubles: list[str] = []
    recovered: list[bool] = []
    repository = Repository(opened.engine)
    recorder = DurableRecorder(repository, troubles.append, lambda: recovered.append(True))
    engine, clock, seen = make_engine()
    engine.add_listener(recorder)
    engine.handle(StartShift())

    full["on"] = True
    opened.engine.dispose()  # new connections get the page limit: the "disk" is full
    for _ in range(40):  # enough rows to need a new page
        engine.handle(Pause())
        clock.advance(1)
        engine.handle(Resume())
    assert recorder.pending, "the page limit never bit"
    assert len(troubles) == 1 and "database or disk is full" in troubles[0]

    full["on"] = False
    opened.engine.dispose()
    engine.handle(BreakNow())
    assert recorder.pending == []
    assert recovered == [True]
    stored = [(r.source, r.target) for r in repository.transitions()]
    assert stored == [(t.source.value, t.target.value) for t in seen.transitions]
