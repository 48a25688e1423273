"""Route planning: orders pinned to a driver or handed to a carrier; geocoded addresses cache

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "order_planning",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("pinned_driver_id", sa.Integer(), nullable=True),
        sa.Column("carrier", sa.String(length=64), nullable=True),
        sa.Column("track_number", sa.String(length=64), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_order_planning_order_id_orders")),
        sa.ForeignKeyConstraint(["pinned_driver_id"], ["drivers.id"],
                                name=op.f("fk_order_planning_pinned_driver_id_drivers")),
        sa.PrimaryKeyConstraint("order_id", name=op.f("pk_order_planning")),
    )
    op.create_table(
        "geocode_cache",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("query", sa.String(length=500), nullable=False),
        sa.Column("found", sa.Boolean(), nullable=False),
        sa.Column("lat", sa.Double(), nullable=True),
        sa.Column("lon", sa.Double(), nullable=True),
        sa.Column("display_name", sa.String(length=500), nullable=False),
        sa.Column("source", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_geocode_cache")),
        sa.UniqueConstraint("query", name=op.f("uq_geocode_cache_query")),
    )


def downgrade() -> None:
    op.drop_table("geocode_cache")
    op.drop_table("order_planning")
