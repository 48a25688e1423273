"""Many payments registered in one unit of work (a bank statement's automatic bookings).

The rules are those of :func:`record_payment` (the same planning and receipts code); only the reads
are done once for the whole batch — the buyers, the orders (locked, with their lines) and what they
hold, as columns, not ORM objects — and the rows (payments, allocations, audit entries, owed receipts
with their lines and links) are written with Core ``insert()`` executemany (:mod:`.rows`), which
reports them to the change channel as the ORM would. Raises on the first request that breaks a rule;
the caller's unit of work then rolls back.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from omnidesk.core.enums import OrderStatus, PaymentKind
from omnidesk.core.errors import InvalidInput, NotFound
from omnidesk.persistence.db import among, column_rows
from omnidesk.persistence.models import Allocation, Customer, Order, OrderLine

from ..auth import Actor, permit
from ..sync import outbox
from . import rows as ledger_rows
from . import state
from .payments import AllocationRequest, _plan_allocations, receipt_plans


@dataclass(frozen=True)
class PaymentRequest:
    customer_id: int
    amount: int
    allocations: tuple[AllocationRequest, ...]
    received_at: dt.datetime
    payer_name: str | None = None
    payer_inn: str | None = None
    payer_account: str | None = None
    purpose: str = ""
    source: str = "bank"
    source_key: str | None = None
    kind: PaymentKind = PaymentKind.TRANSFER


@dataclass(frozen=True)
class Recorded:
    payment_id: int
    receipts: int  # receipts the payment made owed


@dataclass(slots=True)
class _Order:
    """What planning and receipts read of an order (the model's attribute names), read as columns."""

    id: int
    number: str
    customer_id: int
    status: OrderStatus
    total: int
    refused_total: int
    returned_total: int
    lines: list[Any] = field(default_factory=list)  # rows of order_lines in line order


def record_payments(session: Session, actor: Actor, requests: Sequence[PaymentRequest]) -> list[Recorded]:
    permit(actor, "payment.register")
    if any(r.amount <= 0 for r in requests):
        raise InvalidInput("сумма поступления должна быть больше нуля")
    if not requests:
        return []
    buyers = _buyers(session, {r.customer_id for r in requests})
    for request in requests:
        if request.customer_id not in buyers:
            raise NotFound(f"покупатель {request.customer_id} не найден")
    state.lock_money(session, *buyers)
    orders = _orders(session, {a.order_number.strip().lstrip("№") for r in requests for a in r.allocations})
    paid = _paid(session, [o.id for o in orders.values()])

    def order_of(number: str) -> _Order:
        order = orders.get(number.strip().lstrip("№"))
        if order is None:
            raise NotFound(f"заказ №{number} не найден")
        return order

    payment_ids = ledger_rows.insert_payments(session, [
        {"customer_id": r.customer_id, "kind": r.kind, "amount": r.amount, "received_at": r.received_at,
         "payer_name": r.payer_name or buyers[r.customer_id].name, "payer_inn": r.payer_inn or buyers[r.customer_id].inn,
         "payer_account": r.payer_account, "purpose": r.purpose, "source": r.source, "source_key": r.source_key,
         "created_by": actor.author}
        for r in requests
    ])
    allocations, audit, plans, counts = [], [], [], []
    for request, payment_id in zip(requests, payment_ids, strict=True):
        buyer = buyers[request.customer_id]
        plan = _plan_allocations(session, buyer, request.allocations, request.amount, order_of=order_of,
                                 paid_of=lambda order: paid.get(order.id, 0))
        for order, part, _before in plan:
            paid[order.id] = paid.get(order.id, 0) + part
            allocations.append({"payment_id": payment_id, "order_id": order.id, "amount": part, "created_by": actor.author})
        owed = receipt_plans(buyer, request.kind, payment_id, request.amount, plan)
        plans.extend(owed)
        counts.append(len(owed))
        advance = request.amount - sum(part for _o, part, _b in plan)
        audit.append(ledger_rows.audit_row(
            actor.author, "payment.register", "payment", payment_id, kind=request.kind.value, amount=request.amount,
            customer=buyer.id, allocated={o.number: a for o, a, _b in plan}, advance=advance,
            receipt_override=None, receipt_override_reason=None))  # as record_payment writes it (no override here)
    ledger_rows.insert_allocations(session, allocations)
    ledger_rows.insert_audit(session, audit)
    ledger_rows.insert_plans(session, plans)
    outbox.payments_recorded(session, payment_ids)
    return [Recorded(p, n) for p, n in zip(payment_ids, counts, strict=True)]


def _buyers(session: Session, ids: set[int]) -> dict[int, Any]:
    """The buyers as rows with the attributes receipts read (kind, name, inn, contact)."""
    query = select(Customer.id, Customer.kind, Customer.name, Customer.inn, Customer.email, Customer.phone)
    return {row.id: row for row in column_rows(session, query.where(among(Customer.id, ids)))}


def _orders(session: Session, numbers: set[str]) -> dict[str, _Order]:
    """The orders named, locked for this unit of work (where the database locks rows), with their lines."""
    found: dict[str, _Order] = {}
    ordered = sorted(numbers)
    for start in range(0, len(ordered), 500):
        query = (select(Order.id, Order.number, Order.customer_id, Order.status, Order.total, Order.refused_total,
                        Order.returned_total)
                 .where(among(Order.number, ordered[start:start + 500])).order_by(Order.id).with_for_update())
        found.update((row.number, _Order(*row)) for row in column_rows(session, query))
    by_id = {o.id: o for o in found.values()}
    ids = sorted(by_id)
    lines: dict[int, list[Any]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        query = (select(OrderLine.order_id, OrderLine.id, OrderLine.name, OrderLine.quantity_milli, OrderLine.price,
                        OrderLine.amount, OrderLine.vat_rate, OrderLine.payment_subject, OrderLine.unit)
                 .where(among(OrderLine.order_id, ids[start:start + 500])).order_by(OrderLine.order_id, OrderLine.line_no))
        for row in column_rows(session, query):
            lines[row.order_id].append(row)
    for order_id, order in by_id.items():
        order.lines = lines.get(order_id, [])
    return found


def _paid(session: Session, order_ids: list[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for start in range(0, len(order_ids), 500):
        query = (select(Allocation.order_id, func.sum(Allocation.amount))
                 .where(among(Allocation.order_id, order_ids[start:start + 500])).group_by(Allocation.order_id))
        out.update((order_id, int(total)) for order_id, total in column_rows(session, query))
    return out
