"""Receipts as the ledger owes them: stored plans, what is still to print, what was printed.

A stored receipt *is* a :class:`~omnidesk.core.receipts.ReceiptPlan` plus its place in the
fiscal journal. :func:`store_plans` and :func:`plan_of` are the one mapping between the plan
and its rows (``receipts``, ``receipt_lines``, ``receipt_links``); everything above the
services sees :class:`ReceiptView`: the plan, the journal fields and the words for the cashier.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from omnidesk.core.enums import CustomerKind, ReceiptStatus
from omnidesk.core.errors import NotFound
from omnidesk.core.receipts import Correction, Method, Operation, PlanLine, ReceiptKind, ReceiptPlan, explain
from omnidesk.persistence.models import Customer, Order, Receipt, ReceiptLine, ReceiptLink

from .uow import Database

OWED = (ReceiptStatus.PLANNED, ReceiptStatus.FAILED, ReceiptStatus.PENDING)


@dataclass(frozen=True, slots=True)
class ReceiptView:
    """A stored receipt: the plan it prints, where it stands in the fiscal journal, and why it exists."""

    id: int
    plan: ReceiptPlan
    status: ReceiptStatus
    customer_name: str
    order_numbers: tuple[str, ...]
    created_at: dt.datetime
    fd_number: int | None = None
    fiscal_sign: str | None = None
    printed_at: dt.datetime | None = None
    shift_number: int | None = None
    error: str | None = None
    version: int = 1
    fn_number: str | None = None  # the FN that holds it: the office register's or a driver's
    cashier_name: str | None = None  # 1021 as printed
    door_driver_id: int | None = None  # printed at the door on this driver's register
    door_status: str | None = None  # matched | missing | wrong_amount | corrected

    @property
    def owed(self) -> bool:
        """Still to print: planned, failed, or pending a check against the register."""
        return self.status in OWED

    @property
    def explanation(self) -> str:
        """Which receipt, for whom and for which orders, then what it prints and why (core's words)."""
        who = self.customer_name + (f", заказ №{', '.join(self.order_numbers)}" if self.order_numbers else "")
        heading = f"Чек {self.id} — {who}" if who else f"Чек {self.id}"
        return f"{heading}\n{explain(self.plan)}"


# --- the one mapping: plan ↔ rows -------------------------------------------------
def store_plans(session: Session, plans: Iterable[ReceiptPlan]) -> list[Receipt]:
    """Save plans as owed receipts (status «planned»), linked to their orders and payments."""
    stored = []
    for plan in plans:
        plan = with_buyer(session, plan)
        receipt = Receipt(
            status=ReceiptStatus.PLANNED, kind=plan.kind.value, operation=int(plan.operation),
            reason=plan.reason, customer_id=plan.customer_id, buyer_contact=plan.buyer_contact,
            total=plan.total, cash=plan.cash, electronic=plan.electronic,
            prepayment_offset=plan.prepayment_offset, credit=plan.credit, buyer_name=plan.buyer_name,
            buyer_inn=plan.buyer_inn,
        )
        if plan.correction is not None:
            receipt.correction_type = int(plan.correction.type)
            receipt.correction_date = plan.correction.date
            receipt.correction_doc = plan.correction.document_number
        receipt.lines = [
            ReceiptLine(name=line.name, quantity_milli=line.quantity_milli, price=line.price, amount=line.amount,
                        vat_rate=line.vat, payment_method=int(line.method), payment_subject=line.subject,
                        order_line_id=line.order_line_id, unit=line.unit)
            for line in plan.lines
        ]
        receipt.links = [ReceiptLink(order_id=i) for i in plan.order_ids]
        receipt.links += [ReceiptLink(payment_id=i) for i in plan.payment_ids]
        session.add(receipt)
        stored.append(receipt)
    session.flush()
    return stored


def with_buyer(session: Session, plan: ReceiptPlan) -> ReceiptPlan:
    """The plan with the buyer (1256: 1227 name, 1228 INN) from the customer card of an organisation
    or a sole trader (54-FZ art. 4.7 p.1), unless the plan names one already."""
    if plan.buyer_name or plan.customer_id is None:
        return plan
    customer = session.get(Customer, plan.customer_id)
    if customer is None or customer.kind is CustomerKind.INDIVIDUAL:
        return plan
    inn = customer.inn if customer.inn and customer.inn.isdigit() and len(customer.inn) in (10, 12) else None
    return replace(plan, buyer_name=customer.name[:256], buyer_inn=inn)


def plan_of(receipt: Receipt) -> ReceiptPlan:
    """The plan a stored receipt was saved from (its rows hold nothing else a plan needs)."""
    links = sorted(receipt.links, key=lambda link: link.id or 0)
    correction = None
    if receipt.correction_type is not None and receipt.correction_date is not None:
        correction = Correction(receipt.correction_type, receipt.correction_date, receipt.correction_doc)
    return ReceiptPlan(
        kind=ReceiptKind(receipt.kind), operation=Operation(receipt.operation),
        lines=tuple(
            PlanLine(name=line.name, quantity_milli=line.quantity_milli, price=line.price, amount=line.amount,
                     vat=line.vat_rate, method=Method(line.payment_method), subject=line.payment_subject,
                     order_line_id=line.order_line_id, unit=line.unit)
            for line in receipt.lines
        ),
        cash=receipt.cash, electronic=receipt.electronic, prepayment_offset=receipt.prepayment_offset,
        credit=receipt.credit, reason=receipt.reason,
        order_ids=tuple(link.order_id for link in links if link.order_id),
        payment_ids=tuple(link.payment_id for link in links if link.payment_id),
        customer_id=receipt.customer_id, buyer_contact=receipt.buyer_contact, correction=correction,
        buyer_name=receipt.buyer_name, buyer_inn=receipt.buyer_inn,
    )


def view(session: Session, receipt: Receipt) -> ReceiptView:
    plan = plan_of(receipt)
    numbers: tuple[str, ...] = ()
    if plan.order_ids:
        query = select(Order.number).where(Order.id.in_(plan.order_ids)).order_by(Order.number)
        numbers = tuple(session.scalars(query))
    customer = session.get(Customer, receipt.customer_id) if receipt.customer_id else None
    return ReceiptView(
        id=receipt.id, plan=plan, status=receipt.status, customer_name=customer.name if customer else "",
        order_numbers=numbers, created_at=receipt.created_at, fd_number=receipt.fd_number,
        fiscal_sign=receipt.fiscal_sign, printed_at=receipt.printed_at, shift_number=receipt.shift_number,
        error=receipt.error, version=receipt.version, fn_number=receipt.fn_number, cashier_name=receipt.cashier_name,
        door_driver_id=receipt.door_driver_id, door_status=receipt.door_status,
    )


# --- queries ------------------------------------------------------------------------
def _query(statuses: Sequence[ReceiptStatus] | None, customer_id: int | None, order_id: int | None):
    query = select(Receipt).options(selectinload(Receipt.lines), selectinload(Receipt.links)).order_by(Receipt.id)
    if statuses:
        query = query.where(Receipt.status.in_(statuses))
    if customer_id is not None:
        query = query.where(Receipt.customer_id == customer_id)
    if order_id is not None:
        linked = select(ReceiptLink.receipt_id).where(ReceiptLink.order_id == order_id)
        query = query.where(Receipt.id.in_(linked))
    return query


def list_receipts(db: Database, *, owed_only: bool = False, customer_id: int | None = None,
                  order_id: int | None = None, statuses: Sequence[ReceiptStatus] | None = None) -> list[ReceiptView]:
    """Receipts, oldest first; ``owed_only``: the ones still to print (planned, failed, pending)."""
    with db.read() as session:
        wanted = OWED if owed_only else statuses
        query = _query(wanted, customer_id, order_id)
        if owed_only:  # a door receipt found missing or wrong is owed by its correction receipts, not itself
            query = query.where(Receipt.door_status.is_(None))
        return [view(session, r) for r in session.scalars(query)]


def get_receipt(db: Database, receipt_id: int) -> ReceiptView:
    with db.read() as session:
        receipt = session.get(Receipt, receipt_id)
        if receipt is None:
            raise NotFound(f"чек {receipt_id} не найден")
        return view(session, receipt)
