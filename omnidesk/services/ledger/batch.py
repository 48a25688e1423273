"""Many payments registered in one unit of work (a bank statement's automatic bookings).

The rules are those of :func:`record_payment` (the same planning and receipts code); only the reads
are done once for the whole batch: the buyers, the orders (locked, with their lines) and what they hold.
Raises on the first request that breaks a rule; the caller's unit of work then rolls back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from omnidesk.core.enums import PaymentKind
from omnidesk.core.errors import InvalidInput, NotFound
from omnidesk.persistence.models import Allocation, Customer, Order, Payment

from .. import audit
from ..auth import Actor, permit
from ..receipts import store_plans
from ..sync import outbox
from . import state
from .payments import AllocationRequest, _plan_allocations, allocate_and_plan


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


def record_payments(session: Session, actor: Actor, requests: Sequence[PaymentRequest]) -> list[Recorded]:
    permit(actor, "payment.register")
    if any(r.amount <= 0 for r in requests):
        raise InvalidInput("сумма поступления должна быть больше нуля")
    if not requests:
        return []
    buyers = {c.id: c for c in session.scalars(select(Customer).where(Customer.id.in_({r.customer_id for r in requests})))}
    for request in requests:
        if request.customer_id not in buyers:
            raise NotFound(f"покупатель {request.customer_id} не найден")
    state.lock_money(session, *buyers)
    orders = _orders(session, {a.order_number.strip().lstrip("№") for r in requests for a in r.allocations})
    paid = _paid(session, [o.id for o in orders.values()])

    def order_of(number: str) -> Order:
        order = orders.get(number.strip().lstrip("№"))
        if order is None:
            raise NotFound(f"заказ №{number} не найден")
        return order

    payments = [
        Payment(customer_id=r.customer_id, kind=r.kind, amount=r.amount, received_at=r.received_at,
                payer_name=r.payer_name or buyers[r.customer_id].name, payer_inn=r.payer_inn or buyers[r.customer_id].inn,
                payer_account=r.payer_account, purpose=r.purpose, source=r.source, source_key=r.source_key,
                created_by=actor.author)
        for r in requests
    ]
    session.add_all(payments)
    session.flush()
    plans, counts = [], []
    for request, payment in zip(requests, payments, strict=True):
        buyer = buyers[request.customer_id]
        plan = _plan_allocations(session, buyer, request.allocations, request.amount, order_of=order_of,
                                 paid_of=lambda order: paid.get(order.id, 0))
        for order, part, _before in plan:
            paid[order.id] = paid.get(order.id, 0) + part
        owed = allocate_and_plan(session, actor, buyer, payment, plan)
        plans.extend(owed)
        counts.append(len(owed))
        advance = request.amount - sum(part for _o, part, _b in plan)
        audit.record(session, actor.author, "payment.register", "payment", payment.id, kind=request.kind.value,
                     amount=request.amount, customer=buyer.id, allocated={o.number: a for o, a, _b in plan}, advance=advance)
    session.flush()
    store_plans(session, plans)
    outbox.payments_recorded(session, [p.id for p in payments])
    return [Recorded(p.id, n) for p, n in zip(payments, counts, strict=True)]


def _orders(session: Session, numbers: set[str]) -> dict[str, Order]:
    found: dict[str, Order] = {}
    ordered = sorted(numbers)
    for start in range(0, len(ordered), 500):
        query = (select(Order).where(Order.number.in_(ordered[start:start + 500])).options(selectinload(Order.lines))
                 .order_by(Order.id).with_for_update(of=Order))
        found.update((o.number, o) for o in session.scalars(query))
    return found


def _paid(session: Session, order_ids: list[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for start in range(0, len(order_ids), 500):
        query = (select(Allocation.order_id, func.sum(Allocation.amount))
                 .where(Allocation.order_id.in_(order_ids[start:start + 500])).group_by(Allocation.order_id))
        out.update((order_id, int(total)) for order_id, total in session.execute(query))
    return out
