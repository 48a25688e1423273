"""Cash and card slips handed in by drivers

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cash_handovers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("driver_id", sa.Integer(), nullable=False),
        sa.Column("route_id", sa.Integer(), nullable=True),
        sa.Column("cash", sa.Integer(), nullable=False),
        sa.Column("card", sa.Integer(), nullable=False),
        sa.Column("received_by", sa.String(length=64), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["driver_id"], ["drivers.id"], name=op.f("fk_cash_handovers_driver_id_drivers")),
        sa.ForeignKeyConstraint(["route_id"], ["routes.id"], name=op.f("fk_cash_handovers_route_id_routes")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_handovers")),
    )
    with op.batch_alter_table("cash_handovers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cash_handovers_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_cash_handovers_driver_id"), ["driver_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cash_handovers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cash_handovers_driver_id"))
        batch_op.drop_index(batch_op.f("ix_cash_handovers_day"))
    op.drop_table("cash_handovers")
