"""Money coming in: a payment registered and spread over orders, the rest kept as an advance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from omnidesk.core.enums import OrderStatus, PaymentKind
from omnidesk.core.errors import InvalidInput
from omnidesk.core.money import format_amount
from omnidesk.core.receipts import payment_owes_receipt, plan_advance, plan_credit_payment, plan_prepayment
from omnidesk.persistence.models import Customer, Order, Payment

from .. import audit
from ..auth import Actor, permit
from ..customers import get_customer
from ..receipts import ReceiptView, store_plans, view
from ..sync import outbox
from ..uow import Database
from . import entries, state


@dataclass(frozen=True)
class AllocationRequest:
    order_number: str
    amount: int | None = None  # None: as much as the order still owes


@dataclass(frozen=True)
class ReceiptOverride:
    """The cashier's word on whether this payment owes a receipt (e.g. a sole trader paying from a
    personal card), against the rule by customer kind; the reason is kept with the payment."""

    owed: bool
    reason: str


@dataclass(frozen=True)
class LedgerResult:
    """What one money operation did, in words and figures, and the receipts it made owed."""

    summary: str
    customer_id: int
    payment_id: int | None
    allocated: tuple[tuple[str, int], ...]  # (order number, amount)
    advance: int  # money of this operation left on the customer's advance
    balance: int  # the customer's advance after the operation
    receipts: tuple[ReceiptView, ...]


def register_payment(
    db: Database, actor: Actor, *, customer_id: int, kind: PaymentKind, amount: int,
    allocations: Sequence[AllocationRequest] = (), received_at: dt.datetime | None = None,
    payer_name: str | None = None, payer_inn: str | None = None, payer_account: str | None = None,
    purpose: str = "", source: str = "office", source_key: str | None = None,
    driver_id: int | None = None, route_id: int | None = None, receipt: ReceiptOverride | None = None,
) -> LedgerResult:
    """Register money received and apply it to orders; what is left becomes the customer's advance."""
    permit(actor, "payment.register")
    with db.unit_of_work() as session:
        buyer = get_customer(session, customer_id)
        return record_payment(
            session, actor, buyer, kind=kind, amount=amount, allocations=allocations, received_at=received_at,
            payer_name=payer_name, payer_inn=payer_inn, payer_account=payer_account, purpose=purpose, source=source,
            source_key=source_key, driver_id=driver_id, route_id=route_id, receipt=receipt,
        )


def record_payment(
    session: Session, actor: Actor, buyer: Customer, *, kind: PaymentKind, amount: int,
    allocations: Sequence[AllocationRequest] = (), received_at: dt.datetime | None = None,
    payer_name: str | None = None, payer_inn: str | None = None, payer_account: str | None = None,
    purpose: str = "", source: str = "office", source_key: str | None = None,
    driver_id: int | None = None, route_id: int | None = None, receipt: ReceiptOverride | None = None,
) -> LedgerResult:
    """:func:`register_payment` inside the caller's unit of work, so that what caused the payment (a bank
    line) commits together with it. Raises InvalidInput (nothing is kept: the caller's unit rolls back)."""
    permit(actor, "payment.register")
    if amount <= 0:
        raise InvalidInput("сумма поступления должна быть больше нуля")
    state.lock_money(session, buyer.id)
    payment = Payment(
        customer_id=buyer.id, kind=kind, amount=amount, received_at=received_at or dt.datetime.now(),
        payer_name=payer_name or buyer.name, payer_inn=payer_inn or buyer.inn, payer_account=payer_account,
        purpose=purpose, source=source,
        source_key=source_key, driver_id=driver_id, route_id=route_id, created_by=actor.author,
    )
    if receipt is not None:
        if not receipt.reason.strip():
            raise InvalidInput("укажите причину, по которой решение о чеке изменено вручную")
        payment.receipt_override, payment.receipt_override_reason = receipt.owed, receipt.reason.strip()[:255]
    session.add(payment)
    session.flush()
    plan = _plan_allocations(session, buyer, allocations, amount)
    receipts = _apply(session, actor, buyer, payment, plan)
    outbox.payments_recorded(session, [payment.id])  # to 1C or the CRM, with this unit of work
    advance = amount - sum(a for _o, a, _p in plan)
    audit.record(session, actor.author, "payment.register", "payment", payment.id, kind=kind.value, amount=amount,
                 customer=buyer.id, allocated={o.number: a for o, a, _p in plan}, advance=advance,
                 receipt_override=payment.receipt_override, receipt_override_reason=payment.receipt_override_reason)
    return _result(session, buyer, payment, plan, advance, receipts)


def _plan_allocations(session: Session, buyer: Customer, requests: Sequence[AllocationRequest], amount: int, *,
                      order_of: Callable[[str], Order] | None = None,
                      paid_of: Callable[[Order], int] | None = None) -> list[tuple[Order, int, int]]:
    """(order, amount, paid before) for each request; every order owes at least what it gets.

    ``order_of`` and ``paid_of`` default to a locked read and a sum in the database; a batch passes
    orders it locked at once and what they hold so far."""
    plan: list[tuple[Order, int, int]] = []
    at: dict[int, int] = {}  # order id → its place in the plan: an order named twice is planned once
    left = amount
    for request in requests:
        order = order_of(request.order_number) if order_of else state.lock_order(session, request.order_number)
        earlier = plan[at[order.id]] if order.id in at else None
        before = earlier[2] if earlier else (paid_of(order) if paid_of else state.paid(session, order.id))
        due = _open_order_due(buyer, order, before + (earlier[1] if earlier else 0))
        wanted = due if request.amount is None else request.amount
        if wanted <= 0 and request.amount is None:
            continue  # already paid in full: the money stays an advance
        if wanted <= 0 or wanted > due:
            raise InvalidInput(f"по заказу №{order.number} к оплате {format_amount(due)}, "
                               f"нельзя зачесть {format_amount(wanted)}")
        part = min(wanted, left)
        if request.amount is not None and part < wanted:
            raise InvalidInput(f"в поступлении {format_amount(amount)} не хватает на все указанные суммы")
        if part > 0:
            if earlier:
                plan[at[order.id]] = (order, earlier[1] + part, before)
            else:
                at[order.id] = len(plan)
                plan.append((order, part, before))
            left -= part
    return plan


def _apply(session: Session, actor: Actor, buyer: Customer, payment: Payment,
           plan: list[tuple[Order, int, int]]) -> list:
    plans = allocate_and_plan(session, actor, buyer, payment, plan)
    session.flush()
    return store_plans(session, plans)


def allocate_and_plan(session: Session, actor: Actor, buyer: Customer, payment: Payment,
                      plan: list[tuple[Order, int, int]]) -> list:
    """Write the payment's allocations; return the receipts it makes owed (not stored yet)."""
    for order, part, _before in plan:
        entries.allocate(session, payment, order.id, part, actor.author)
    return receipt_plans(buyer, payment.kind, payment.id, payment.amount, plan, override=payment.receipt_override)


def receipt_plans(buyer, kind: PaymentKind, payment_id: int, amount: int, plan: list[tuple[Order, int, int]], *,
                  override: bool | None = None) -> list:
    """The receipts a payment spread by ``plan`` makes owed: a prepayment per order (a credit payment, 1214 = 7,
    for an order already handed over), an advance for the rest; none when the rule (or the cashier's ``override``)
    says the payment owes no receipt.

    ``buyer`` and the plan's orders are models or rows with the same attributes (a batch reads columns)."""
    if not payment_owes_receipt(buyer.kind, kind, override):
        return []
    electronic = kind is not PaymentKind.CASH
    plans = []
    for order, part, before in plan:
        if handed_over(order):
            plans.append(plan_credit_payment(state.order_snap(order), part, electronic=electronic,
                                             payment_id=payment_id, contact=state.contact_of(buyer)))
        else:
            plans.append(plan_prepayment(state.order_snap(order), part, electronic=electronic, payment_id=payment_id,
                                         already_prepaid=before, contact=state.contact_of(buyer)))
    advance = amount - sum(part for _o, part, _b in plan)
    if advance > 0:
        plans.append(plan_advance(buyer.id, advance, electronic=electronic, payment_id=payment_id,
                                  contact=state.contact_of(buyer)))
    return plans


def apply_advance(db: Database, actor: Actor, *, customer_id: int, order_number: str,
                  amount: int | None = None) -> LedgerResult:
    """Pay an order from the customer's advance. No receipt now: the delivery receipt offsets it (1215)."""
    permit(actor, "advance.apply")
    with db.unit_of_work() as session:
        buyer = get_customer(session, customer_id)
        state.lock_money(session, buyer.id)
        balance = state.balance_of(session, buyer.id)
        if balance <= 0:
            raise InvalidInput(f"на авансе покупателя {buyer.name} нет денег")
        order = state.lock_order(session, order_number)
        due = _open_order_due(buyer, order, state.paid(session, order.id))
        part = min(due, balance) if amount is None else amount
        if part <= 0 or part > due or part > balance:
            raise InvalidInput(f"по заказу №{order.number} к оплате {format_amount(due)}, на авансе "
                               f"{format_amount(balance)}: зачесть {format_amount(part)} нельзя")
        entries.allocate_from_advance(session, buyer.id, order.id, part, actor.author)
        audit.record(session, actor.author, "advance.apply", "order", order.id, amount=part, customer=buyer.id)
        return _result(session, buyer, None, [(order, part, 0)], 0, [])


def _open_order_due(buyer: Customer, order: Order, paid: int) -> int:
    if order.customer_id != buyer.id:
        raise InvalidInput(f"заказ №{order.number} оформлен на другого покупателя")
    debt = max(state.kept(order) - paid, 0)
    if not order.status.is_open and not (handed_over(order) and debt):
        raise InvalidInput(f"заказ №{order.number} уже закрыт ({order.status.value}): деньги оставьте авансом")
    return debt


def handed_over(order: Order) -> bool:
    """The goods are with the customer: money for the order now pays its debt (1214 = 7)."""
    return order.status in (OrderStatus.DELIVERED, OrderStatus.PARTIALLY_DELIVERED)


def _result(session: Session, buyer: Customer, payment: Payment | None, plan, advance: int, receipts) -> LedgerResult:
    allocated = tuple((order.number, part) for order, part, _b in plan)
    parts = [f"№{n}: {format_amount(a)}" for n, a in allocated]
    if advance:
        parts.append(f"аванс: {format_amount(advance)}")
    summary = f"{buyer.name} — " + ("; ".join(parts) or "без распределения")
    return LedgerResult(
        summary=summary, customer_id=buyer.id, payment_id=payment.id if payment else None, allocated=allocated,
        advance=advance, balance=state.balance_of(session, buyer.id),
        receipts=tuple(view(session, r) for r in receipts),
    )
