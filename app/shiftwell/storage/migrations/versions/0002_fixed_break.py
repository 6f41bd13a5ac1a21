"""Breaks at fixed times and when they were taken (adherence): one new table.

Revision ID: 0002_fixed_break
Revises: 0001_initial
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_fixed_break"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fixed_break",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("shift_id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("planned_start", sa.DateTime(), nullable=False),
        sa.Column("planned_end", sa.DateTime(), nullable=False),
        sa.Column("actual_start", sa.DateTime(), nullable=True),
        sa.Column("actual_end", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["shift_id"], ["shift.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_fixed_break_shift_id", "fixed_break", ["shift_id"])
    op.create_index("ix_fixed_break_planned_start", "fixed_break", ["planned_start"])


def downgrade() -> None:
    op.drop_table("fixed_break")
