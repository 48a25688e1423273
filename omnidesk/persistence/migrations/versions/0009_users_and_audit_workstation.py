"""Users who sign in (hashed passwords, roles); the audit log names the workstation; users are never deleted

Revision ID: 0009
Revises: 0011
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0011"
branch_labels = None
depends_on = None

_SQLITE = (
    "CREATE TRIGGER users_never_deleted BEFORE DELETE ON users "
    "BEGIN SELECT RAISE(ABORT, 'users are disabled, never deleted'); END",
)
_POSTGRES = (
    """CREATE FUNCTION users_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'users are disabled, never deleted'; END $$""",
    "CREATE TRIGGER users_never_deleted BEFORE DELETE ON users FOR EACH ROW EXECUTE FUNCTION users_never_deleted()",
)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=100), nullable=False),
        sa.Column("inn", sa.String(length=12), nullable=False),
        sa.Column("role", sa.Enum("logist", "cashier", "manager", "admin", name="role", native_enum=False,
                                  length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("login", name=op.f("uq_users_login")),
    )
    op.add_column("audit_log", sa.Column("workstation", sa.String(length=128), nullable=True))
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": _SQLITE, "postgresql": _POSTGRES}.get(dialect, ()):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS users_never_deleted ON users")
        op.execute("DROP FUNCTION IF EXISTS users_never_deleted()")
    op.drop_column("audit_log", "workstation")
    op.drop_table("users")
