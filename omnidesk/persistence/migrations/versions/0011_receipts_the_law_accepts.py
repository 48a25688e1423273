"""Receipts the law accepts: drivers' registers, buyer and cashier on receipts, units, receipt overrides

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

Columns are added with plain ``ALTER TABLE … ADD COLUMN`` (no batch copy), so the triggers that
freeze printed receipts (0003) stay in place on SQLite.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_COLUMNS: dict[str, tuple[sa.Column, ...]] = {
    "drivers": (
        sa.Column("register_url", sa.String(length=255), nullable=True),
        sa.Column("register_serial", sa.String(length=20), nullable=True),
        sa.Column("register_fn", sa.String(length=16), nullable=True),
        sa.Column("door_receipts", sa.Boolean(), nullable=True),
        sa.Column("register_read_fd", sa.Integer(), nullable=False, server_default="0"),
    ),
    "receipts": (
        sa.Column("buyer_name", sa.String(length=256), nullable=True),
        sa.Column("buyer_inn", sa.String(length=12), nullable=True),
        sa.Column("cashier_name", sa.String(length=64), nullable=True),
        sa.Column("cashier_inn", sa.String(length=12), nullable=True),
        sa.Column("fn_number", sa.String(length=16), nullable=True),
        sa.Column("door_driver_id", sa.Integer(), nullable=True),
        sa.Column("door_status", sa.String(length=24), nullable=True),
    ),
    "receipt_lines": (sa.Column("unit", sa.String(length=16), nullable=False, server_default="шт"),),
    "payments": (
        sa.Column("receipt_override", sa.Boolean(), nullable=True),
        sa.Column("receipt_override_reason", sa.String(length=255), nullable=True),
    ),
}


def upgrade() -> None:
    for table, columns in _COLUMNS.items():
        for column in columns:
            op.add_column(table, column)
    op.create_index(op.f("ix_receipts_door_driver_id"), "receipts", ["door_driver_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_receipts_door_driver_id"), table_name="receipts")
    for table, columns in _COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.drop_column(column.name)
