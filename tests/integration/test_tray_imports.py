"""What the tray keeps loaded all day: its composition root, started for real (offscreen, in a
process of its own), never loads the SQL libraries, the migrations or the review's charts;
a file that needs migrating is migrated by a short-lived process instead, and only then."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from tests.helpers.process import shiftwell_env

# tomlkit: only saving the settings needs it (platform/config_save.py). _hashlib: OpenSSL's
# hashes, 3.5 MB; the instance's socket name is a checksum of the data dir.
HEAVY = (
    *("sqlmodel", "sqlalchemy", "pydantic", "alembic"),
    *("PySide6.QtCharts", "tomlkit", "_hashlib"),
)

# Starts the tray through shiftwell.app.run; once the database is attached (the engine
# runs), prints which heavy modules are loaded and how many migrations were started.
_START_TRAY = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import shiftwell.app as app
import shiftwell.storage.migrate_child as migrate_child
from shiftwell.platform.paths import resolve_paths

heavy, migrations = json.loads(sys.argv[3]), []
in_child = migrate_child.migrate_in_child

def counting_migrate(command):
    migrate = in_child(command)
    def counted(path, wait):
        migrations.append(str(path))
        return migrate(path, wait)
    return counted

migrate_child.migrate_in_child = counting_migrate
attach = app.StorageLink.attach

def attach_then_report(self):
    ready = attach(self)
    def report():
        loaded = sorted(m for m in heavy if m in sys.modules)
        print(json.dumps({"ready": ready, "loaded": loaded, "migrations": migrations}), flush=True)
        QApplication.instance().quit()
    QTimer.singleShot(0, report)
    return ready

app.StorageLink.attach = attach_then_report
raise SystemExit(app.run(resolve_paths(sys.argv[1], sys.argv[2]), tray_wait=0))
"""


def start_tray(data: Path, bus: str) -> dict[str, object]:
    config = data.parent / "config.toml"
    done = subprocess.run(
        [sys.executable, "-c", _START_TRAY, str(data), str(config), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        timeout=120,
        env=shiftwell_env({"QT_QPA_PLATFORM": "offscreen", "DBUS_SESSION_BUS_ADDRESS": bus}),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    reply: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return reply


def test_the_running_tray_never_loads_sql_libraries_migrations_or_charts(
    tmp_path: Path, bus: str
) -> None:
    data = tmp_path / "data"
    database = data / "shiftwell.sqlite3"

    first = start_tray(data, bus)  # a first start: the file is made and migrated...
    assert first == {"ready": True, "loaded": [], "migrations": [str(database)]}
    with closing(sqlite3.connect(database)) as db:
        assert db.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)

    again = start_tray(data, bus)  # ...and at the newest schema, no process is started
    assert again == {"ready": True, "loaded": [], "migrations": []}
