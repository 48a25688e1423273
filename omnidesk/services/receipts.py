"""Receipts as the ledger owes them: stored plans, what is still to print, what was printed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from omnidesk.core.enums import ReceiptStatus
from omnidesk.core.errors import NotFound
from omnidesk.core.receipts import ReceiptPlan
from omnidesk.core.vat import VatRate
from omnidesk.persistence.models import Customer, Order, Receipt, ReceiptLine, ReceiptLink

from .uow import Database

OWED = (ReceiptStatus.PLANNED, ReceiptStatus.FAILED, ReceiptStatus.PENDING)


@dataclass(frozen=True, slots=True)
class ReceiptLineView:
    name: str
    quantity_milli: int
    price: int
    amount: int
    vat: VatRate
    method: int  # 1214
    subject: int  # 1212


@dataclass(frozen=True, slots=True)
class ReceiptView:
    id: int
    kind: str
    status: ReceiptStatus
    operation: int  # 1054
    total: int
    cash: int
    electronic: int
    prepayment_offset: int
    credit: int
    reason: str
    customer_id: int | None
    customer_name: str
    buyer_contact: str | None
    order_numbers: tuple[str, ...]
    payment_ids: tuple[int, ...]
    lines: tuple[ReceiptLineView, ...]
    created_at: dt.datetime
    fd_number: int | None
    fiscal_sign: str | None
    printed_at: dt.datetime | None
    shift_number: int | None
    error: str | None
    correction_type: int | None
    correction_date: dt.date | None
    correction_doc: str | None
    version: int


def store_plans(session: Session, plans: Iterable[ReceiptPlan]) -> list[Receipt]:
    """Save plans as owed receipts (status «planned»), linked to their orders and payments."""
    stored = []
    for plan in plans:
        receipt = Receipt(
            status=ReceiptStatus.PLANNED, kind=plan.kind.value, operation=int(plan.operation),
            reason=plan.reason, customer_id=plan.customer_id, buyer_contact=plan.buyer_contact,
            total=plan.total, cash=plan.cash, electronic=plan.electronic,
            prepayment_offset=plan.prepayment_offset, credit=plan.credit,
        )
        if plan.correction is not None:
            receipt.correction_type = int(plan.correction.type)
            receipt.correction_date = plan.correction.date
            receipt.correction_doc = plan.correction.document_number
        receipt.lines = [
            ReceiptLine(name=line.name, quantity_milli=line.quantity_milli, price=line.price, amount=line.amount,
                        vat_rate=line.vat, payment_method=int(line.method), payment_subject=line.subject,
                        order_line_id=line.order_line_id)
            for line in plan.lines
        ]
        receipt.links = [ReceiptLink(order_id=i) for i in plan.order_ids]
        receipt.links += [ReceiptLink(payment_id=i) for i in plan.payment_ids]
        session.add(receipt)
        stored.append(receipt)
    session.flush()
    return stored


def view(session: Session, receipt: Receipt) -> ReceiptView:
    order_ids = [link.order_id for link in receipt.links if link.order_id]
    numbers = tuple(session.scalars(select(Order.number).where(Order.id.in_(order_ids)).order_by(Order.number))) if order_ids else ()
    customer = session.get(Customer, receipt.customer_id) if receipt.customer_id else None
    return ReceiptView(
        id=receipt.id, kind=receipt.kind, status=receipt.status, operation=receipt.operation, total=receipt.total,
        cash=receipt.cash, electronic=receipt.electronic, prepayment_offset=receipt.prepayment_offset,
        credit=receipt.credit, reason=receipt.reason, customer_id=receipt.customer_id,
        customer_name=customer.name if customer else "", buyer_contact=receipt.buyer_contact,
        order_numbers=numbers, payment_ids=tuple(link.payment_id for link in receipt.links if link.payment_id),
        lines=tuple(ReceiptLineView(line.name, line.quantity_milli, line.price, line.amount, line.vat_rate,
                                    line.payment_method, line.payment_subject.value) for line in receipt.lines),
        created_at=receipt.created_at, fd_number=receipt.fd_number, fiscal_sign=receipt.fiscal_sign,
        printed_at=receipt.printed_at, shift_number=receipt.shift_number, error=receipt.error,
        correction_type=receipt.correction_type, correction_date=receipt.correction_date,
        correction_doc=receipt.correction_doc, version=receipt.version,
    )


def _query(statuses: Sequence[ReceiptStatus] | None, customer_id: int | None, order_id: int | None):
    query = select(Receipt).options(selectinload(Receipt.lines), selectinload(Receipt.links)).order_by(Receipt.id)
    if statuses:
        query = query.where(Receipt.status.in_(statuses))
    if customer_id is not None:
        query = query.where(Receipt.customer_id == customer_id)
    if order_id is not None:
        linked = select(ReceiptLink.receipt_id).where(ReceiptLink.order_id == order_id)
        query = query.where(or_(Receipt.id.in_(linked)))
    return query


def list_receipts(db: Database, *, owed_only: bool = False, customer_id: int | None = None,
                  order_id: int | None = None, statuses: Sequence[ReceiptStatus] | None = None) -> list[ReceiptView]:
    """Receipts, oldest first; ``owed_only``: the ones still to print (planned, failed, pending)."""
    with db.read() as session:
        wanted = OWED if owed_only else statuses
        return [view(session, r) for r in session.scalars(_query(wanted, customer_id, order_id))]


def get_receipt(db: Database, receipt_id: int) -> ReceiptView:
    with db.read() as session:
        receipt = session.get(Receipt, receipt_id)
        if receipt is None:
            raise NotFound(f"чек {receipt_id} не найден")
        return view(session, receipt)
