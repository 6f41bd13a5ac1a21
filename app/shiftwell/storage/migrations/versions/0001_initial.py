"""The first schema: shifts, their segments, transitions, overtime grants, the alive mark.

Revision ID: 0001_initial
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shift",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("planned_start", sa.DateTime(), nullable=False),
        sa.Column("planned_end", sa.DateTime(), nullable=False),
        sa.Column("actual_start", sa.DateTime(), nullable=False),
        sa.Column("actual_end", sa.DateTime(), nullable=True),
        sa.Column("scheduled", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_shift_planned_start", "shift", ["planned_start"])
    op.create_index("ix_shift_actual_start", "shift", ["actual_start"])

    op.create_table(
        "segment",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("shift_id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("planned_start", sa.DateTime(), nullable=False),
        sa.Column("planned_end", sa.DateTime(), nullable=True),
        sa.Column("actual_start", sa.DateTime(), nullable=False),
        sa.Column("actual_end", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(), nullable=True),
        sa.Column("checkin_score", sa.Integer(), nullable=True),
        sa.Column("checkin_word", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["shift_id"], ["shift.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_segment_shift_id", "segment", ["shift_id"])
    op.create_index("ix_segment_actual_start", "segment", ["actual_start"])

    op.create_table(
        "overtime",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("shift_id", sa.String(), nullable=False),
        sa.Column("granted_at", sa.DateTime(), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["shift_id"], ["shift.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_overtime_shift_id", "overtime", ["shift_id"])
    op.create_index("ix_overtime_granted_at", "overtime", ["granted_at"])

    op.create_table(
        "heartbeat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_table(
        "transition",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("monotonic", sa.Float(), nullable=False),
        sa.Column("trigger", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("target", sa.String(), nullable=False),
        sa.Column("shift_id", sa.String(), nullable=True),
        sa.Column("closed_segment_id", sa.String(), nullable=True),
        sa.Column("opened_segment_id", sa.String(), nullable=True),
        sa.Column("detail", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["shift_id"], ["shift.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_transition_at", "transition", ["at"])
    op.create_index("ix_transition_shift_id", "transition", ["shift_id"])


def downgrade() -> None:
    for table in ("transition", "heartbeat", "overtime", "segment", "shift"):
        op.drop_table(table)
