"""Correcting where money went: take an allocation back into the advance, or move it to another order.

Nothing is changed or deleted: an allocation is undone by a new entry with a negative amount that
names it. If the money was fiscalised as a prepayment of the order, the receipts that say it now
stands as an advance (income return + advance) become owed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from omnidesk.core.errors import InvalidInput, NotFound
from omnidesk.core.money import format_amount
from omnidesk.core.receipts import Method, plan_conversion_to_advance
from omnidesk.persistence.models import Allocation, Customer, Order, Payment

from .. import audit
from ..auth import Actor, permit
from ..receipts import ReceiptView, store_plans, view
from ..uow import Database
from . import entries, state


@dataclass(frozen=True, slots=True)
class AllocationView:
    """An allocation of a payment to an order, and how much of it is already undone."""

    id: int
    payment_id: int
    order_number: str
    amount: int
    reversed: int
    created_at: dt.datetime
    created_by: str

    @property
    def live(self) -> int:
        return self.amount - self.reversed


def allocations_of_payment(session: Session, payment_id: int) -> list[AllocationView]:
    reversed_ = dict(session.execute(
        select(Allocation.reverses_id, -func.sum(Allocation.amount))
        .where(Allocation.payment_id == payment_id, Allocation.reverses_id.is_not(None))
        .group_by(Allocation.reverses_id)
    ).all())
    rows = session.execute(
        select(Allocation, Order.number).join(Order, Order.id == Allocation.order_id)
        .where(Allocation.payment_id == payment_id, Allocation.amount > 0).order_by(Allocation.id)
    ).all()
    return [AllocationView(a.id, a.payment_id, number, a.amount, int(reversed_.get(a.id, 0)), a.created_at,
                           a.created_by) for a, number in rows]


def allocations_of_customer(db: Database, customer_id: int) -> list[AllocationView]:
    """Every allocation of the customer's payments, for the cashier to undo or move."""
    with db.read() as session:
        payments = session.scalars(select(Payment.id).where(Payment.customer_id == customer_id).order_by(Payment.id))
        return [a for payment_id in payments.all() for a in allocations_of_payment(session, payment_id)]


def unallocate(db: Database, actor: Actor, allocation_id: int, amount: int | None = None) -> tuple[AllocationView, tuple[ReceiptView, ...]]:
    """Take an allocation (all that is left of it, or ``amount``) back into the customer's advance."""
    permit(actor, "allocation.reverse")
    with db.unit_of_work() as session:
        undone, _part, receipts = _unallocate(session, actor, allocation_id, amount)
        return undone, tuple(view(session, r) for r in receipts)


def move_allocation(db: Database, actor: Actor, allocation_id: int, order_number: str,
                    amount: int | None = None) -> tuple[AllocationView, tuple[ReceiptView, ...]]:
    """Move money from one order of a customer to another (a mistake in the split, say)."""
    permit(actor, "allocation.move")
    with db.unit_of_work() as session:
        undone, part, receipts = _unallocate(session, actor, allocation_id, amount)
        source = session.get(Allocation, allocation_id)
        payment = session.get(Payment, source.payment_id)
        target = state.lock_order(session, order_number)
        if target.customer_id != payment.customer_id:
            raise InvalidInput(f"заказ №{target.number} оформлен на другого покупателя")
        if target.id == source.order_id:
            raise InvalidInput("зачёт уже в этом заказе")
        if not target.status.is_open:
            raise InvalidInput(f"заказ №{target.number} уже закрыт ({target.status.value})")
        due = state.kept(target) - state.paid(session, target.id)
        if part > due:
            raise InvalidInput(f"по заказу №{target.number} к оплате {format_amount(due)}, "
                               f"перенести {format_amount(part)} нельзя")
        entries.allocate_from_advance(session, payment.customer_id, target.id, part, actor.author)
        audit.record(session, actor.author, "allocation.move", "allocation", allocation_id, to=target.number, amount=part)
        return undone, tuple(view(session, r) for r in receipts)


def _unallocate(session: Session, actor: Actor, allocation_id: int, amount: int | None):
    allocation = session.get(Allocation, allocation_id)
    if allocation is None or allocation.amount <= 0:
        raise NotFound(f"зачёт {allocation_id} не найден (или это сама отменяющая запись)")
    state.lock_money(session, session.get(Payment, allocation.payment_id).customer_id)
    order = state.lock_order(session, session.get(Order, allocation.order_id).number)
    if not order.status.is_open:
        raise InvalidInput(f"заказ №{order.number} уже закрыт ({order.status.value}): "
                           "зачёт не отменить — оформите возврат")
    undone = -int(session.scalar(select(func.coalesce(func.sum(Allocation.amount), 0))
                                 .where(Allocation.reverses_id == allocation.id)))
    left = allocation.amount - undone
    part = left if amount is None else amount
    if left <= 0:
        raise InvalidInput(f"зачёт в заказ №{order.number} уже отменён")
    if part <= 0 or part > left:
        raise InvalidInput(f"в заказе №{order.number} от этого зачёта осталось {format_amount(left)}, "
                           f"отменить {format_amount(part)} нельзя")
    reversal = Allocation(payment_id=allocation.payment_id, order_id=order.id, amount=-part,
                          reverses_id=allocation.id, created_by=actor.author)
    session.add(reversal)
    session.flush()
    receipts = _plan_conversion(session, order, allocation.payment_id, part)
    audit.record(session, actor.author, "allocation.reverse", "allocation", allocation.id, order=order.number,
                 amount=part, reversal=reversal.id, payment=allocation.payment_id)
    view_ = AllocationView(allocation.id, allocation.payment_id, order.number, allocation.amount, undone + part,
                           allocation.created_at, allocation.created_by)
    return view_, part, receipts


def _plan_conversion(session: Session, order: Order, payment_id: int, amount: int) -> list:
    """Money taken off an order into the advance: if it was fiscalised as a prepayment, the receipts say so."""
    buyer = session.get(Customer, order.customer_id)
    method = state.fiscalised_as(session, order.id, [payment_id])[payment_id]
    if method is Method.ADVANCE or not state.money_owes_receipt(session, order.id, buyer.kind):
        return []
    plans = plan_conversion_to_advance(state.order_snap(order), amount, method=method, payment_ids=(payment_id,),
                                       contact=state.contact_of(buyer))
    return store_plans(session, plans)
