"""The review queue: book a line by hand, mark it not ours, undo an allocation by a reversing entry."""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from sqlalchemy import func, select

from omnidesk.core.errors import Conflict, InvalidInput, NotFound
from omnidesk.core.money import format_amount
from omnidesk.core.receipts import Method, plan_conversion_to_advance
from omnidesk.persistence.models import Allocation, BankLine, BankLineStatus, BankStatement, Customer, Order

from .. import audit
from ..auth import Actor, Role, require
from ..customers import resolve_customer
from ..ledger import AllocationRequest, state
from ..receipts import store_plans
from ..uow import Database
from .dto import AllocationView, LineView, StatementView
from .importer import _book
from .store import remember_account, views


def review_queue(db: Database) -> list[LineView]:
    """Lines waiting for a person, oldest first, each with its ranked suggestions."""
    with db.read() as session:
        lines = session.scalars(select(BankLine).where(BankLine.status == BankLineStatus.REVIEW)
                                .order_by(BankLine.doc_date, BankLine.id)).all()
        return views(session, lines, with_suggestions=True)


def statement_lines(db: Database, statement_id: int | None = None) -> list[LineView]:
    """The lines of one statement (the newest if None), in file order."""
    with db.read() as session:
        if statement_id is None:
            statement_id = session.scalar(select(func.max(BankStatement.id)))
            if statement_id is None:
                return []
        lines = session.scalars(select(BankLine).where(BankLine.statement_id == statement_id).order_by(BankLine.id)).all()
        return views(session, lines, with_suggestions=True)


def line_view(db: Database, line_id: int) -> LineView:
    with db.read() as session:
        return views(session, [_get(session, line_id)], with_suggestions=True)[0]


def list_statements(db: Database) -> list[StatementView]:
    with db.read() as session:
        return [
            StatementView(s.id, s.file_name, s.accounts, s.date_from, s.date_to, s.imported_at, s.imported_by,
                          s.documents, s.imported, s.duplicates, s.outgoing_skipped, s.incoming, s.outgoing)
            for s in session.scalars(select(BankStatement).order_by(BankStatement.id.desc()))
        ]


def book_line(db: Database, actor: Actor, line_id: int, *, customer: str,
              allocations: Sequence[AllocationRequest] = ()) -> LineView:
    """Book a line from the review queue: to the customer's orders as given, the rest as an advance."""
    require(actor, Role.CASHIER, Role.MANAGER, action="разнесение банковского платежа")
    with db.read() as session:
        line = _get(session, line_id)
        if line.status is not BankLineStatus.REVIEW:
            raise Conflict(f"платёж №{line.number} уже разобран ({line.status.value}) — обновите список")
        buyer_id = resolve_customer(session, customer).id
        amount = line.amount
    asked = sum(a.amount or 0 for a in allocations)
    if any(a.amount is not None and a.amount <= 0 for a in allocations) or asked > amount:
        raise InvalidInput(f"распределено {format_amount(asked)} из {format_amount(amount)}: "
                           "суммы должны быть больше нуля и не больше платежа")
    status, _ledger, error = _book(db, actor, line_id, buyer_id, list(allocations), remember="", manual=True)
    if error:
        raise InvalidInput(error)
    with db.unit_of_work() as session:
        line = _get(session, line_id)
        if line.status is not BankLineStatus.REVIEW or line.customer_id != buyer_id:
            raise Conflict(f"платёж №{line.number} разобран на другом рабочем месте")
        line.status = BankLineStatus.BOOKED
        line.reviewed_by, line.reviewed_at = actor.name, dt.datetime.now()
        line.explanation = f"разнесён вручную ({actor.name}); {line.explanation}"[:1000]
        remember_account(session, buyer_id, line.payer_account, line.id, actor.name)
        audit.record(session, actor.name, "bank.book", "bank_line", line.id, customer=buyer_id, payment=line.payment_id,
                     allocations={a.order_number: a.amount for a in allocations})
    return line_view(db, line_id)


def mark_not_ours(db: Database, actor: Actor, line_id: int, reason: str = "") -> LineView:
    """Take a line out of the queue without booking money (a refund by the bank, a mistaken transfer)."""
    require(actor, Role.CASHIER, Role.MANAGER, action="разбор банковского платежа")
    with db.unit_of_work() as session:
        line = _get(session, line_id)
        if line.status is not BankLineStatus.REVIEW:
            raise Conflict(f"платёж №{line.number} уже разобран ({line.status.value}) — обновите список")
        line.status = BankLineStatus.NOT_OURS
        line.reviewed_by, line.reviewed_at = actor.name, dt.datetime.now()
        line.explanation = (f"не наш платёж ({actor.name})" + (f": {reason}" if reason else ""))[:1000]
        audit.record(session, actor.name, "bank.not_ours", "bank_line", line.id, reason=reason)
    return line_view(db, line_id)


def line_allocations(db: Database, line_id: int) -> list[AllocationView]:
    """The allocations of a booked line's payment to orders, with how much of each is undone."""
    with db.read() as session:
        line = _get(session, line_id)
        if line.payment_id is None:
            return []
        reversed_ = dict(session.execute(
            select(Allocation.reverses_id, -func.sum(Allocation.amount))
            .where(Allocation.payment_id == line.payment_id, Allocation.reverses_id.is_not(None))
            .group_by(Allocation.reverses_id)
        ).all())
        rows = session.execute(
            select(Allocation, Order.number).join(Order, Order.id == Allocation.order_id)
            .where(Allocation.payment_id == line.payment_id, Allocation.amount > 0).order_by(Allocation.id)
        ).all()
        return [AllocationView(a.id, a.payment_id, number, a.amount, int(reversed_.get(a.id, 0)), a.created_at, a.created_by)
                for a, number in rows]


def undo_allocation(db: Database, actor: Actor, allocation_id: int, amount: int | None = None) -> AllocationView:
    """Undo an allocation (all of what is left of it, or ``amount``) by a reversing entry.

    The money goes back to the customer's advance; nothing is deleted or changed.
    """
    require(actor, Role.MANAGER, action="отмена зачёта платежа")
    with db.unit_of_work() as session:
        allocation = session.get(Allocation, allocation_id)
        if allocation is None or allocation.amount <= 0:
            raise NotFound(f"зачёт {allocation_id} не найден (или это сама отменяющая запись)")
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
                              reverses_id=allocation.id, created_by=actor.name)
        session.add(reversal)
        session.flush()
        _plan_conversion(session, order, allocation.payment_id, part)
        audit.record(session, actor.name, "allocation.reverse", "allocation", allocation.id, order=order.number,
                     amount=part, reversal=reversal.id, payment=allocation.payment_id)
        return AllocationView(allocation.id, allocation.payment_id, order.number, allocation.amount, undone + part,
                              allocation.created_at, allocation.created_by)


def _plan_conversion(session, order: Order, payment_id: int, amount: int) -> None:
    """Money taken off an order into the advance: if it was fiscalised as a prepayment, the receipts say so."""
    buyer = session.get(Customer, order.customer_id)
    method = state.prepayment_method(session, order.id)
    if method is Method.ADVANCE or not state.receipts_apply(buyer, state.money_kinds(session, order.id)):
        return
    plans = plan_conversion_to_advance(state.order_snap(order), amount, method=method, payment_ids=(payment_id,),
                                       contact=state.contact_of(buyer))
    store_plans(session, plans)


def _get(session, line_id: int) -> BankLine:
    line = session.get(BankLine, line_id)
    if line is None:
        raise NotFound(f"строка выписки {line_id} не найдена")
    return line
