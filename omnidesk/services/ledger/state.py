"""What the ledger knows about an order or a customer at this moment (inside one unit of work)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from omnidesk.core.enums import CustomerKind, OrderStatus, PaymentKind, ReceiptStatus
from omnidesk.core.errors import InvalidInput
from omnidesk.core.receipts import (
    Method,
    OrderLineSnap,
    OrderSnap,
    ReceiptKind,
    payment_owes_receipt,
    receipt_owed_for_payment,
)
from omnidesk.persistence.db import among
from omnidesk.persistence.models import Allocation, Customer, Order, Payment, Receipt, ReceiptLine, ReceiptLink

from ..customers import balance_of

__all__ = [
    "balance_of",
    "contact_of",
    "kept",
    "line_by_number",
    "lock_money",
    "lock_order",
    "order_snap",
    "paid",
    "prepayment_method",
]


def paid(session: Session, order_id: int) -> int:
    """Money allocated to the order, net of reversals."""
    return int(session.scalar(select(func.coalesce(func.sum(Allocation.amount), 0)).where(Allocation.order_id == order_id)))


def kept(order: Order) -> int:
    """Value of the goods the customer keeps (nothing once the order is cancelled)."""
    if order.status is OrderStatus.CANCELLED:
        return 0
    return order.total - order.refused_total - order.returned_total


def order_snap(order: Order) -> OrderSnap:
    return OrderSnap(
        id=order.id, number=order.number, customer_id=order.customer_id,
        lines=tuple(
            OrderLineSnap(id=line.id, name=line.name, quantity_milli=line.quantity_milli, price=line.price,
                          amount=line.amount, vat=line.vat_rate, subject=line.payment_subject, unit=line.unit)
            for line in order.lines
        ),
    )


def lock_money(session: Session, *customer_ids: int) -> None:
    """Lock the customers' money (their rows, in id order) until this unit of work ends.

    Every operation that reads an advance or what is left of a payment and then spends it takes this lock
    first, so two workstations never spend the same money; unrelated customers do not wait for each other.
    (On SQLite the write unit of work already holds the database's write lock: BEGIN IMMEDIATE.)"""
    ids = sorted(set(customer_ids))
    if ids:
        session.execute(select(Customer.id).where(among(Customer.id, ids)).order_by(Customer.id)
                        .with_for_update(key_share=True)).all()


def lock_order(session: Session, number: str) -> Order:
    """The order, locked for this unit of work (after its customer's money) where the database can lock rows."""
    from ..orders import find_order

    order = find_order(session, number)
    lock_money(session, order.customer_id)
    session.refresh(order, with_for_update=True)
    return order


def line_by_number(order: Order, line_no: int):
    for line in order.lines:
        if line.line_no == line_no:
            return line
    raise InvalidInput(f"в заказе №{order.number} нет строки {line_no} (строки: 1–{len(order.lines)})")


def prepayment_method(session: Session, order_id: int) -> Method:
    """The 1214 under which the order's prepayment was (or will be) fiscalised.

    Money that came as an advance and was later applied to the order keeps its 1214 = 3.
    """
    query = (
        select(ReceiptLine.payment_method)
        .join(Receipt, Receipt.id == ReceiptLine.receipt_id)
        .join(ReceiptLink, ReceiptLink.receipt_id == Receipt.id)
        .where(ReceiptLink.order_id == order_id, Receipt.kind == ReceiptKind.PREPAYMENT.value,
               Receipt.status != ReceiptStatus.FAILED)
        .order_by(Receipt.id.desc())
        .limit(1)
    )
    method = session.scalar(query)
    return Method(method) if method else Method.ADVANCE


def fiscalised_as(session: Session, order_id: int, payment_ids: list[int]) -> dict[int, Method]:
    """Per payment, the 1214 its money on this order was fiscalised under: the order's prepayment
    receipt of that payment (1 or 2), else 3 — money applied from an advance keeps its advance receipt."""
    query = (
        select(ReceiptLink.payment_id, ReceiptLine.payment_method)
        .join(Receipt, Receipt.id == ReceiptLink.receipt_id)
        .join(ReceiptLine, ReceiptLine.receipt_id == Receipt.id)
        .where(ReceiptLink.payment_id.in_(payment_ids), Receipt.kind == ReceiptKind.PREPAYMENT.value,
               Receipt.status != ReceiptStatus.FAILED,
               Receipt.id.in_(select(ReceiptLink.receipt_id).where(ReceiptLink.order_id == order_id)))
    )
    found = {payment_id: Method(method) for payment_id, method in session.execute(query)}
    return {payment_id: found.get(payment_id, Method.ADVANCE) for payment_id in payment_ids}


def money_kinds(session: Session, order_id: int) -> set[PaymentKind]:
    """The kinds of money allocated to the order (ask ``core.receipts.receipt_owed_for_payment`` about them)."""
    query = select(Payment.kind).join(Allocation, Allocation.payment_id == Payment.id).where(Allocation.order_id == order_id)
    return set(session.scalars(query))


def money_owes_receipt(session: Session, order_id: int, buyer_kind: CustomerKind, *more: PaymentKind) -> bool:
    """Whether the money on the order (and ``more`` kinds about to come) owes a receipt, payment by payment:
    the rule of ``core.receipts`` unless the cashier overrode it for that payment."""
    query = (select(Payment.kind, Payment.receipt_override).join(Allocation, Allocation.payment_id == Payment.id)
             .where(Allocation.order_id == order_id).distinct())
    owes = [payment_owes_receipt(buyer_kind, kind, override) for kind, override in session.execute(query)]
    if more:
        owes.append(receipt_owed_for_payment(buyer_kind, *more))
    return any(owes) if owes else receipt_owed_for_payment(buyer_kind)


def contact_of(customer: Customer) -> str | None:
    """Tag 1008: the e-mail or phone the electronic receipt goes to."""
    return customer.email or customer.phone

