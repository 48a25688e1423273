"""Delivery outcome totals on orders and lines; the receipt kind and the device's document number before printing

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.add_column(sa.Column('returned_milli', sa.Integer(), nullable=False, server_default='0'))

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('refused_total', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('returned_total', sa.Integer(), nullable=False, server_default='0'))

    with op.batch_alter_table('receipts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=24), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('fd_before', sa.Integer(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('receipts', schema=None) as batch_op:
        batch_op.drop_column('fd_before')
        batch_op.drop_column('kind')

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_column('returned_total')
        batch_op.drop_column('refused_total')

    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.drop_column('returned_milli')

