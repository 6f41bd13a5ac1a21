"""Runs Shiftwell's migrations on the connection `open_database` hands over.

There is no alembic.ini: `shiftwell.storage.database.migration_config` builds the
configuration and passes the connection, already inside a transaction that holds the write
lock, so a migration and its revision stamp are committed together or not at all.

A new revision is written against a scratch database upgraded to the current head::

    engine = sa.create_engine("sqlite:////tmp/scratch.sqlite3")
    with engine.begin() as connection:
        command.upgrade(migration_config(connection), "head")
        command.revision(migration_config(connection), "what changed",
                         autogenerate=True, rev_id="0002_what_changed")

Read the generated file (and `ruff format` it) before keeping it: migrations are frozen
copies of the schema, so they use plain SQLAlchemy types, never the application's models.
"""

from __future__ import annotations

from typing import Any, Literal

import sqlalchemy as sa
from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString

from shiftwell.storage import models


def render_item(kind: str, item: Any, _context: AutogenContext) -> str | Literal[False]:
    """Write the application's column types as the plain types they store."""
    if kind == "type" and isinstance(item, AutoString):
        return "sa.String()"
    if kind == "type" and isinstance(item, models.UTCDateTime):
        return "sa.DateTime()"
    return False


connection = context.config.attributes["connection"]
assert isinstance(connection, sa.Connection), "run through migration_config()"
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    # SQLite alters most things by copying the table; batch mode does that for us.
    render_as_batch=True,
    transactional_ddl=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
