"""Money guards in the database and 64-bit money columns

The ledger's invariants hold whatever a service does (or a bug in one, or SQL typed by hand):
- a payment's live allocations never exceed its amount;
- an allocation is reversed at most once in full (its reversals never undo more than it holds),
  and a reversal names a live allocation of the same payment and order;
- an order holds between 0 and its total;
- a customer's advance (payments − allocations − refunds) never goes below zero;
- money entries (payments' amounts and owners, allocations, refunds) are never changed or deleted.

On PostgreSQL the guard locks the customers' rows (the payment's and the order's) before it sums, so two transactions
that each see only their own uncommitted entries cannot both pass. On SQLite every writing unit of work
holds the database's write lock (BEGIN IMMEDIATE), so the sums see everything.

Amounts become BIGINT on PostgreSQL (int4 kopecks stop at 21 474 836,47 ₽); SQLite's INTEGER is
already 64-bit.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

MONEY_COLUMNS = {
    "orders": ("total", "refused_total", "returned_total"),
    "order_lines": ("price", "amount"),
    "products": ("price",),
    "payments": ("amount",),
    "allocations": ("amount",),
    "refunds": ("amount",),
    "receipts": ("total", "cash", "electronic", "prepayment_offset", "credit"),
    "receipt_lines": ("price", "amount"),
    "bank_statements": ("opening", "incoming", "outgoing", "closing"),
    "bank_lines": ("amount",),
    "cash_handovers": ("cash", "card"),
}

# the customer's advance, for a customer id given as :c
_ADVANCE = """(
    (SELECT COALESCE(SUM(p.amount), 0) FROM payments p WHERE p.customer_id = {c})
  - (SELECT COALESCE(SUM(a.amount), 0) FROM allocations a JOIN payments p ON p.id = a.payment_id
     WHERE p.customer_id = {c})
  - (SELECT COALESCE(SUM(r.amount), 0) FROM refunds r WHERE r.customer_id = {c}))"""

_SQLITE = (
    f"""CREATE TRIGGER allocations_guard AFTER INSERT ON allocations BEGIN
        SELECT RAISE(ABORT, 'money guard: an allocation moves no money') WHERE NEW.amount = 0;
        SELECT RAISE(ABORT, 'money guard: only a reversal takes money off an order')
            WHERE NEW.reverses_id IS NULL AND NEW.amount < 0;
        SELECT RAISE(ABORT, 'money guard: a reversal undoes a live allocation of the same payment and order')
            WHERE NEW.reverses_id IS NOT NULL AND (NEW.amount > 0 OR NOT EXISTS (
                SELECT 1 FROM allocations a WHERE a.id = NEW.reverses_id AND a.amount > 0
                AND a.payment_id = NEW.payment_id AND a.order_id = NEW.order_id));
        SELECT RAISE(ABORT, 'money guard: an allocation is reversed more than once')
            WHERE NEW.reverses_id IS NOT NULL
            AND (SELECT -SUM(amount) FROM allocations WHERE reverses_id = NEW.reverses_id)
                > (SELECT amount FROM allocations WHERE id = NEW.reverses_id);
        SELECT RAISE(ABORT, 'money guard: a payment is allocated beyond its amount')
            WHERE (SELECT SUM(amount) FROM allocations WHERE payment_id = NEW.payment_id)
                > (SELECT amount FROM payments WHERE id = NEW.payment_id);
        SELECT RAISE(ABORT, 'money guard: an order holds money outside 0 … its total')
            WHERE (SELECT SUM(amount) FROM allocations WHERE order_id = NEW.order_id)
                NOT BETWEEN 0 AND (SELECT total FROM orders WHERE id = NEW.order_id);
        SELECT RAISE(ABORT, 'money guard: a customer''s advance goes below zero')
            WHERE {_ADVANCE.format(c="(SELECT customer_id FROM payments WHERE id = NEW.payment_id)")} < 0;
    END""",
    f"""CREATE TRIGGER refunds_guard AFTER INSERT ON refunds BEGIN
        SELECT RAISE(ABORT, 'money guard: a customer''s advance goes below zero')
            WHERE {_ADVANCE.format(c="NEW.customer_id")} < 0;
    END""",
    """CREATE TRIGGER orders_total_guard AFTER UPDATE OF total ON orders BEGIN
        SELECT RAISE(ABORT, 'money guard: an order holds money outside 0 … its total')
            WHERE (SELECT COALESCE(SUM(amount), 0) FROM allocations WHERE order_id = NEW.id) > NEW.total;
    END""",
    "CREATE TRIGGER allocations_frozen BEFORE UPDATE OF payment_id, order_id, amount, reverses_id ON allocations "
    "BEGIN SELECT RAISE(ABORT, 'money guard: money entries are never changed'); END",
    "CREATE TRIGGER allocations_never_deleted BEFORE DELETE ON allocations "
    "BEGIN SELECT RAISE(ABORT, 'money guard: money entries are never deleted'); END",
    "CREATE TRIGGER payments_frozen BEFORE UPDATE OF customer_id, amount ON payments "
    "BEGIN SELECT RAISE(ABORT, 'money guard: money entries are never changed'); END",
    "CREATE TRIGGER payments_never_deleted BEFORE DELETE ON payments "
    "BEGIN SELECT RAISE(ABORT, 'money guard: money entries are never deleted'); END",
    "CREATE TRIGGER refunds_frozen BEFORE UPDATE OF customer_id, amount ON refunds "
    "BEGIN SELECT RAISE(ABORT, 'money guard: money entries are never changed'); END",
    "CREATE TRIGGER refunds_never_deleted BEFORE DELETE ON refunds "
    "BEGIN SELECT RAISE(ABORT, 'money guard: money entries are never deleted'); END",
)
_SQLITE_TRIGGERS = ("allocations_guard", "refunds_guard", "orders_total_guard", "allocations_frozen",
                    "allocations_never_deleted", "payments_frozen", "payments_never_deleted", "refunds_frozen",
                    "refunds_never_deleted")


def _pg_fail(message: str) -> str:
    return f"RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'money guard: {message}';"


_POSTGRES = (
    f"""CREATE FUNCTION allocations_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        buyer integer;
    BEGIN
        IF NEW.amount = 0 THEN {_pg_fail('an allocation moves no money')} END IF;
        IF NEW.reverses_id IS NULL AND NEW.amount < 0 THEN
            {_pg_fail('only a reversal takes money off an order')}
        END IF;
        SELECT customer_id INTO buyer FROM payments WHERE id = NEW.payment_id;
        -- the money of the payment's and the order's customers, in id order (as the ledger locks it)
        PERFORM 1 FROM customers WHERE id IN (buyer, (SELECT customer_id FROM orders WHERE id = NEW.order_id))
            ORDER BY id FOR NO KEY UPDATE;
        IF NEW.reverses_id IS NOT NULL THEN
            IF NEW.amount > 0 OR NOT EXISTS (SELECT 1 FROM allocations a WHERE a.id = NEW.reverses_id
                    AND a.amount > 0 AND a.payment_id = NEW.payment_id AND a.order_id = NEW.order_id) THEN
                {_pg_fail('a reversal undoes a live allocation of the same payment and order')}
            END IF;
            IF (SELECT -SUM(amount) FROM allocations WHERE reverses_id = NEW.reverses_id)
                    > (SELECT amount FROM allocations WHERE id = NEW.reverses_id) THEN
                {_pg_fail('an allocation is reversed more than once')}
            END IF;
        END IF;
        IF (SELECT SUM(amount) FROM allocations WHERE payment_id = NEW.payment_id)
                > (SELECT amount FROM payments WHERE id = NEW.payment_id) THEN
            {_pg_fail('a payment is allocated beyond its amount')}
        END IF;
        IF (SELECT SUM(amount) FROM allocations WHERE order_id = NEW.order_id)
                NOT BETWEEN 0 AND (SELECT total FROM orders WHERE id = NEW.order_id) THEN
            {_pg_fail('an order holds money outside 0 … its total')}
        END IF;
        IF {_ADVANCE.format(c="buyer")} < 0 THEN
            {_pg_fail("a customer''s advance goes below zero")}
        END IF;
        RETURN NULL;
    END $$""",
    f"""CREATE FUNCTION refunds_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM 1 FROM customers WHERE id = NEW.customer_id FOR NO KEY UPDATE;
        IF {_ADVANCE.format(c="NEW.customer_id")} < 0 THEN
            {_pg_fail("a customer''s advance goes below zero")}
        END IF;
        RETURN NULL;
    END $$""",
    f"""CREATE FUNCTION orders_total_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM 1 FROM customers WHERE id = NEW.customer_id FOR NO KEY UPDATE;
        IF NEW.total IS DISTINCT FROM OLD.total
                AND (SELECT COALESCE(SUM(amount), 0) FROM allocations WHERE order_id = NEW.id) > NEW.total THEN
            {_pg_fail('an order holds money outside 0 … its total')}
        END IF;
        RETURN NULL;
    END $$""",
    f"""CREATE FUNCTION money_entries_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN {_pg_fail('money entries are never deleted')} END IF;
        {_pg_fail('money entries are never changed')}
    END $$""",
    "CREATE TRIGGER allocations_guard AFTER INSERT ON allocations FOR EACH ROW EXECUTE FUNCTION allocations_guard()",
    "CREATE TRIGGER refunds_guard AFTER INSERT ON refunds FOR EACH ROW EXECUTE FUNCTION refunds_guard()",
    "CREATE TRIGGER orders_total_guard AFTER UPDATE OF total ON orders FOR EACH ROW EXECUTE FUNCTION orders_total_guard()",
    "CREATE TRIGGER allocations_frozen BEFORE UPDATE OF payment_id, order_id, amount, reverses_id OR DELETE "
    "ON allocations FOR EACH ROW EXECUTE FUNCTION money_entries_frozen()",
    "CREATE TRIGGER payments_frozen BEFORE UPDATE OF customer_id, amount OR DELETE ON payments "
    "FOR EACH ROW EXECUTE FUNCTION money_entries_frozen()",
    "CREATE TRIGGER refunds_frozen BEFORE UPDATE OF customer_id, amount OR DELETE ON refunds "
    "FOR EACH ROW EXECUTE FUNCTION money_entries_frozen()",
)
_POSTGRES_TRIGGERS = (("allocations_guard", "allocations"), ("refunds_guard", "refunds"),
                      ("orders_total_guard", "orders"), ("allocations_frozen", "allocations"),
                      ("payments_frozen", "payments"), ("refunds_frozen", "refunds"))
_POSTGRES_FUNCTIONS = ("allocations_guard", "refunds_guard", "orders_total_guard", "money_entries_frozen")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for table, columns in MONEY_COLUMNS.items():
            for column in columns:
                op.alter_column(table, column, type_=sa.BigInteger(), existing_type=sa.Integer())
        for statement in _POSTGRES:
            op.execute(statement)
    elif dialect == "sqlite":
        for statement in _SQLITE:
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for trigger, table in _POSTGRES_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        for function in _POSTGRES_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {function}()")
        for table, columns in MONEY_COLUMNS.items():
            for column in columns:
                op.alter_column(table, column, type_=sa.Integer(), existing_type=sa.BigInteger())
    elif dialect == "sqlite":
        for trigger in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
