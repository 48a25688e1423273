"""A printed receipt can be neither changed nor deleted, and no receipt is ever deleted

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_SQLITE = (
    "CREATE TRIGGER receipts_printed_frozen BEFORE UPDATE ON receipts WHEN OLD.status = 'printed' "
    "BEGIN SELECT RAISE(ABORT, 'a printed receipt cannot be changed'); END",
    "CREATE TRIGGER receipts_never_deleted BEFORE DELETE ON receipts "
    "BEGIN SELECT RAISE(ABORT, 'receipts are never deleted'); END",
    "CREATE TRIGGER receipt_lines_printed_frozen BEFORE UPDATE ON receipt_lines "
    "WHEN (SELECT status FROM receipts WHERE id = OLD.receipt_id) = 'printed' "
    "BEGIN SELECT RAISE(ABORT, 'a printed receipt cannot be changed'); END",
    "CREATE TRIGGER receipt_lines_never_deleted BEFORE DELETE ON receipt_lines "
    "BEGIN SELECT RAISE(ABORT, 'receipts are never deleted'); END",
)

_POSTGRES = (
    """CREATE FUNCTION receipts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'receipts are never deleted';
        END IF;
        IF OLD.status = 'printed' THEN
            RAISE EXCEPTION 'a printed receipt cannot be changed';
        END IF;
        RETURN NEW;
    END $$""",
    """CREATE FUNCTION receipt_lines_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'receipts are never deleted';
        END IF;
        IF (SELECT status FROM receipts WHERE id = OLD.receipt_id) = 'printed' THEN
            RAISE EXCEPTION 'a printed receipt cannot be changed';
        END IF;
        RETURN NEW;
    END $$""",
    "CREATE TRIGGER receipts_guard BEFORE UPDATE OR DELETE ON receipts FOR EACH ROW EXECUTE FUNCTION receipts_guard()",
    "CREATE TRIGGER receipt_lines_guard BEFORE UPDATE OR DELETE ON receipt_lines "
    "FOR EACH ROW EXECUTE FUNCTION receipt_lines_guard()",
)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": _SQLITE, "postgresql": _POSTGRES}.get(dialect, ()):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("receipts_printed_frozen", "receipts_never_deleted", "receipt_lines_printed_frozen",
                     "receipt_lines_never_deleted"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS receipts_guard ON receipts")
        op.execute("DROP TRIGGER IF EXISTS receipt_lines_guard ON receipt_lines")
        op.execute("DROP FUNCTION IF EXISTS receipts_guard()")
        op.execute("DROP FUNCTION IF EXISTS receipt_lines_guard()")
