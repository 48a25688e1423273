"""The ledger's rows written many at a time with Core ``insert()`` (a bank statement books thousands).

Each function writes on the session's connection, in the session's transaction, exactly the rows the
ORM would write for the same objects (column defaults and database triggers apply as usual), and
reports their ids to the change channel as a flush of those objects would (:func:`collect.note`).
Ids come back in the order of the rows given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Dialect, Table, insert, select
from sqlalchemy.orm import Session

from omnidesk.core.enums import CustomerKind, ReceiptStatus
from omnidesk.core.receipts import ReceiptPlan
from omnidesk.persistence.db import among, column_rows
from omnidesk.persistence.models import Allocation, AuditEntry, Customer, Payment, Receipt, ReceiptLine, ReceiptLink

from .. import audit, collect


def insert_with_ids(session: Session, table, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` (dicts with the same keys) into ``table``; their new ids, in the order given.

    PostgreSQL returns them (``RETURNING`` sorted by parameter order, in batches). SQLite cannot say
    which id an executemany row got, and SQLAlchemy would then insert row by row; there the first row
    is inserted alone — its id is SQLite's own next one, and from then on this transaction holds
    the database's only write lock — and the rest get the ids that follow, the ones SQLite would
    have given them."""
    if not rows:
        return []
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(connection.execute(statement, list(rows)).scalars())
    first = _executemany(connection, table, rows[:1])
    rest = rows[1:]
    if rest:
        for offset, row in enumerate(rest, start=1):
            row["id"] = first + offset
        _executemany(connection, table, rest)
    return list(range(first, first + len(rows)))


def insert_rows(session: Session, table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) as ``insert(table)`` would, ids not wanted."""
    _insert(session, table, rows, ids=False)


def _insert(session: Session, table, rows: Sequence[dict[str, Any]], *, ids: bool) -> list[int]:
    if ids:
        return insert_with_ids(session, table, rows)
    if rows:
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            _executemany(connection, table, rows)
        else:
            connection.execute(insert(table), list(rows))
    return []


def _executemany(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """SQLite: the rows through the driver's own executemany, converted by the columns' types as Core
    converts them, with the columns' Python defaults for keys not given — what ``insert(table)`` writes,
    without Core's per-row parameter processing (most of a big statement's booking time). The last
    inserted row's id."""
    keys = tuple(rows[0])
    sql, converters, defaults = _compiled(connection.dialect, table, keys)
    # the rows of one executemany share one clock: the defaults are made and converted once
    defaulted = tuple(value if convert is None or value is None else convert(value)
                      for value, convert in zip((default() for default in defaults), converters[len(keys):], strict=True))
    converting = [(i, convert) for i, convert in enumerate(converters[:len(keys)]) if convert is not None]
    pick = itemgetter(*keys) if len(keys) > 1 else (lambda row, key=keys[0]: (row[key],))
    values: list[tuple] = []
    for row in rows:
        given = pick(row)
        if converting:
            given = list(given)
            for i, convert in converting:
                if given[i] is not None:
                    given[i] = convert(given[i])
            given = tuple(given)
        values.append(given + defaulted if defaulted else given)
    cursor = connection.exec_driver_sql(sql, values if len(values) > 1 else values[0])
    return int(cursor.lastrowid or 0)


def _memo(convert):
    """A column's converter that converts each distinct value once (dates, enums and flags repeat)."""
    return None if convert is None else lru_cache(maxsize=4096)(convert)


_COMPILED: dict[tuple[str, str, tuple[str, ...]], tuple[str, list, list]] = {}


def _compiled(dialect: Dialect, table: Table, keys: tuple[str, ...]) -> tuple[str, list, list]:
    """The INSERT text for these keys (and the defaulted columns), each column's bind converter, and the
    defaults' makers. Only scalar and plain callable defaults exist on the tables written here."""
    cache_key = (dialect.name, table.name, keys)
    found = _COMPILED.get(cache_key)
    if found is not None:
        return found
    columns = [table.c[key] for key in keys]
    defaults = []
    for column in table.c:
        if column.key in keys or column.default is None:
            continue
        default = column.default
        if getattr(default, "is_scalar", False):
            defaults.append(lambda value=default.arg: value)
        elif getattr(default, "is_callable", False):
            defaults.append(lambda make=default.arg: make(None))
        else:
            raise TypeError(f"{table.name}.{column.key}: a SQL default cannot be written by the fast insert")
        columns.append(column)
    quote = dialect.identifier_preparer
    sql = (f"INSERT INTO {quote.format_table(table)} ({', '.join(quote.quote(c.name) for c in columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    converters = [_memo(c.type.dialect_impl(dialect).bind_processor(dialect)) for c in columns]
    found = (sql, converters, defaults)
    _COMPILED[cache_key] = found
    return found


def insert_payments(session: Session, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Payments (every row with the same keys); their ids."""
    ids = _insert(session, Payment.__table__, rows, ids=True)
    collect.note(session, "payments", ids)
    collect.note(session, "customers", (row["customer_id"] for row in rows))
    return ids


def insert_allocations(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Allocations: ``payment_id``, ``order_id``, ``amount``, ``created_by``."""
    _insert(session, Allocation.__table__, rows, ids=False)
    collect.note(session, "orders", (row["order_id"] for row in rows))
    collect.note(session, "payments", (row["payment_id"] for row in rows))


def audit_row(user: str, action: str, entity: str, entity_id: int | None, **details: Any) -> dict[str, Any]:
    """One audit entry, as :func:`omnidesk.services.audit.record` writes it."""
    return {"user": user, "action": action, "entity": entity, "entity_id": entity_id,
            "details": audit.details_json(details)}


def insert_audit(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    _insert(session, AuditEntry.__table__, rows, ids=False)


def insert_plans(session: Session, plans: Sequence[ReceiptPlan]) -> list[int]:
    """Receipt plans stored as owed receipts (status «planned») with their lines and links, as
    :func:`omnidesk.services.receipts.store_plans` stores them; the receipts' ids."""
    plans = _with_buyers(session, plans)
    ids = _insert(session, Receipt.__table__, [_receipt_row(plan) for plan in plans], ids=True)
    lines, links = [], []
    for receipt_id, plan in zip(ids, plans, strict=True):
        lines.extend(
            {"receipt_id": receipt_id, "name": line.name, "quantity_milli": line.quantity_milli, "price": line.price,
             "amount": line.amount, "vat_rate": line.vat, "payment_method": int(line.method),
             "payment_subject": line.subject, "order_line_id": line.order_line_id, "unit": line.unit}
            for line in plan.lines
        )
        links.extend({"receipt_id": receipt_id, "order_id": i, "payment_id": None} for i in plan.order_ids)
        links.extend({"receipt_id": receipt_id, "order_id": None, "payment_id": i} for i in plan.payment_ids)
    _insert(session, ReceiptLine.__table__, lines, ids=False)
    _insert(session, ReceiptLink.__table__, links, ids=False)
    collect.note(session, "receipts", ids)
    collect.note(session, "customers", (plan.customer_id for plan in plans))
    collect.note(session, "orders", (link["order_id"] for link in links))
    collect.note(session, "payments", (link["payment_id"] for link in links))
    return ids


def _with_buyers(session: Session, plans: Sequence[ReceiptPlan]) -> list[ReceiptPlan]:
    """The plans with the buyer (1256) from the card of an organisation or a sole trader, read in one
    query — what :func:`omnidesk.services.receipts.with_buyer` does one plan at a time."""
    wanted = {plan.customer_id for plan in plans if not plan.buyer_name and plan.customer_id is not None}
    cards = {}
    if wanted:
        query = select(Customer.id, Customer.kind, Customer.name, Customer.inn).where(among(Customer.id, wanted))
        cards = {row.id: row for row in column_rows(session, query) if row.kind is not CustomerKind.INDIVIDUAL}
    out = []
    for plan in plans:
        card = None if plan.buyer_name or plan.customer_id is None else cards.get(plan.customer_id)
        if card is None:
            out.append(plan)
            continue
        inn = card.inn if card.inn and card.inn.isdigit() and len(card.inn) in (10, 12) else None
        out.append(replace(plan, buyer_name=card.name[:256], buyer_inn=inn))
    return out


def _receipt_row(plan: ReceiptPlan) -> dict[str, Any]:
    correction = plan.correction
    return {
        "status": ReceiptStatus.PLANNED, "kind": plan.kind.value, "operation": int(plan.operation),
        "reason": plan.reason, "customer_id": plan.customer_id, "buyer_contact": plan.buyer_contact,
        "total": plan.total, "cash": plan.cash, "electronic": plan.electronic,
        "prepayment_offset": plan.prepayment_offset, "credit": plan.credit,
        "buyer_name": plan.buyer_name, "buyer_inn": plan.buyer_inn,
        "correction_type": int(correction.type) if correction is not None else None,
        "correction_date": correction.date if correction is not None else None,
        "correction_doc": correction.document_number if correction is not None else None,
    }
