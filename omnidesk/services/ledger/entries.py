"""Writing money entries: allocations from payments or from the advance, reversals, refunds.

Nothing is deleted or changed: an allocation is undone by a new one with a negative amount that
names the one it reverses.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from omnidesk.persistence.models import Allocation, Payment


@dataclass(frozen=True)
class Moved:
    """One movement of money between a payment and an order."""

    payment_id: int
    order_id: int
    amount: int


def allocate(session: Session, payment: Payment, order_id: int, amount: int, user: str) -> Moved:
    allocation = Allocation(payment_id=payment.id, order_id=order_id, amount=amount, created_by=user)
    session.add(allocation)
    return Moved(payment.id, order_id, amount)


def unallocated(session: Session, payment: Payment) -> int:
    used = session.scalar(select(func.coalesce(func.sum(Allocation.amount), 0)).where(Allocation.payment_id == payment.id))
    return payment.amount - int(used)


def allocate_from_advance(session: Session, customer_id: int, order_id: int, amount: int, user: str) -> list[Moved]:
    """Apply the customer's advance to an order, oldest payments first."""
    moved = []
    payments = session.scalars(select(Payment).where(Payment.customer_id == customer_id).order_by(Payment.received_at, Payment.id))
    for payment in payments:
        if amount <= 0:
            break
        free = unallocated(session, payment)
        if free <= 0:
            continue
        part = min(free, amount)
        moved.append(allocate(session, payment, order_id, part, user))
        amount -= part
    if amount > 0:  # the caller checked the balance; refunds may have used the rest
        raise ValueError("advance balance is smaller than the amount to apply")
    session.flush()
    return moved


def reverse(session: Session, order_id: int, amount: int, user: str) -> list[Moved]:
    """Take ``amount`` back from an order into the advance, newest allocations first."""
    moved = []
    live = session.scalars(
        select(Allocation).where(Allocation.order_id == order_id, Allocation.amount > 0).order_by(Allocation.id.desc())
    ).all()
    for allocation in live:
        if amount <= 0:
            break
        already = -int(session.scalar(
            select(func.coalesce(func.sum(Allocation.amount), 0)).where(Allocation.reverses_id == allocation.id)
        ))
        left = allocation.amount - already
        if left <= 0:
            continue
        part = min(left, amount)
        session.add(Allocation(payment_id=allocation.payment_id, order_id=order_id, amount=-part,
                               reverses_id=allocation.id, created_by=user))
        moved.append(Moved(allocation.payment_id, order_id, -part))
        amount -= part
    if amount > 0:
        raise ValueError("the order holds less money than the amount to reverse")
    session.flush()
    return moved
