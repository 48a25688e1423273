"""Money that no longer has goods behind it: refunded to the customer or kept as an advance."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from omnidesk.core.enums import PaymentKind
from omnidesk.core.errors import InvalidInput
from omnidesk.core.money import format_amount
from omnidesk.core.receipts import (
    Method,
    ReceiptPlan,
    plan_advance_refund,
    plan_conversion_to_advance,
    plan_prepayment_refund,
    receipt_owed_for_payment,
)
from omnidesk.core.receipts.lines import QtyLine
from omnidesk.persistence.models import Customer, Order, Refund

from .. import audit
from ..auth import Actor, permit
from ..customers import get_customer
from ..receipts import ReceiptView, store_plans, view
from ..uow import Database
from . import entries, state


class ExcessChoice(enum.Enum):
    ADVANCE = "advance"  # keep the money on the customer's account
    REFUND = "refund"  # pay it back


@dataclass(frozen=True)
class Released:
    amount: int
    choice: ExcessChoice
    receipts: list  # stored Receipt rows


def release_excess(session: Session, actor: Actor, buyer: Customer, order: Order, amount: int, choice: ExcessChoice,
                   *, refund_kind: PaymentKind | None, lines: Sequence[QtyLine] | None, reason: str) -> Released:
    """Take ``amount`` off the order; refund it or leave it as an advance, with the receipts owed."""
    if amount <= 0:
        return Released(0, choice, [])
    fiscal = state.money_owes_receipt(session, order.id, buyer.kind)
    moved = entries.reverse(session, order.id, amount, actor.author)
    payment_ids = tuple(sorted({m.payment_id for m in moved}))
    parts = _parts_by_method(state.fiscalised_as(session, order.id, list(payment_ids)), moved)
    snap = state.order_snap(order)
    contact = state.contact_of(buyer)
    plans = []
    if choice is ExcessChoice.REFUND:
        kind = refund_kind or PaymentKind.CASH
        session.add(Refund(customer_id=buyer.id, order_id=order.id, payment_id=payment_ids[-1], kind=kind,
                           amount=amount, reason=reason, created_by=actor.author))
        if fiscal:
            refunds = [plan_prepayment_refund(
                snap if method is not Method.ADVANCE else None, part, method=method,
                electronic=kind is not PaymentKind.CASH, payment_ids=payment_ids, lines=lines,
                customer_id=buyer.id, contact=contact) for method, part in parts.items()]
            plans.append(_one_receipt(refunds, order.id))
    elif fiscal:
        for method, part in parts.items():
            if method is not Method.ADVANCE:  # money fiscalised as an advance stays one
                plans.extend(plan_conversion_to_advance(snap, part, method=method, payment_ids=payment_ids,
                                                        lines=lines, contact=contact))
    audit.record(session, actor.author, f"excess.{choice.value}", "order", order.id, amount=amount, reason=reason,
                 refund_kind=refund_kind.value if refund_kind else None)
    return Released(amount, choice, store_plans(session, plans))


def _parts_by_method(methods: dict[int, Method], moved: list) -> dict[Method, int]:
    """How much of the money taken off the order was fiscalised under each 1214 (prepayment first)."""
    parts: dict[Method, int] = {}
    for m in moved:
        method = methods[m.payment_id]
        parts[method] = parts.get(method, 0) - m.amount
    return dict(sorted(parts.items(), key=lambda item: int(item[0])))


def _one_receipt(plans: list[ReceiptPlan], order_id: int) -> ReceiptPlan:
    """Refunds of one event as one income-return receipt: a line group per 1214 it was fiscalised under."""
    if len(plans) == 1:
        return plans[0]
    first = plans[0]
    return replace(first, lines=tuple(line for plan in plans for line in plan.lines),
                   cash=sum(p.cash for p in plans), electronic=sum(p.electronic for p in plans),
                   reason=" ".join(p.reason for p in plans), order_ids=(order_id,))


def refund_advance(db: Database, actor: Actor, *, customer_id: int, amount: int, kind: PaymentKind,
                   reason: str = "") -> tuple[int, tuple[ReceiptView, ...]]:
    """Pay back part or all of a customer's advance; returns the new balance and the receipts owed."""
    permit(actor, "advance.refund")
    if amount <= 0:
        raise InvalidInput("сумма возврата должна быть больше нуля")
    with db.unit_of_work() as session:
        buyer = get_customer(session, customer_id)
        state.lock_money(session, buyer.id)
        balance = state.balance_of(session, buyer.id)
        if amount > balance:
            raise InvalidInput(f"на авансе {buyer.name} {format_amount(balance)} — вернуть "
                               f"{format_amount(amount)} нельзя")
        session.add(Refund(customer_id=buyer.id, kind=kind, amount=amount, reason=reason or "возврат аванса",
                           created_by=actor.author))
        plans = []
        if receipt_owed_for_payment(buyer.kind, kind):
            plans.append(plan_advance_refund(buyer.id, amount, electronic=kind is not PaymentKind.CASH,
                                             contact=state.contact_of(buyer)))
        stored = store_plans(session, plans)
        audit.record(session, actor.author, "advance.refund", "customer", buyer.id, amount=amount, kind=kind.value)
        return state.balance_of(session, buyer.id), tuple(view(session, r) for r in stored)
