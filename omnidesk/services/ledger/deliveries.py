"""Goods meeting the customer: delivery with refusals at the door, later returns, cancellations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from omnidesk.core.enums import CustomerKind, OrderStatus, PaymentKind
from omnidesk.core.errors import InvalidInput
from omnidesk.core.money import format_amount
from omnidesk.core.receipts import (
    amount_for_quantity,
    plan_goods_refund,
    quote_delivery,
    settle_delivery,
)
from omnidesk.persistence.models import Customer, Order, Payment, Refund

from .. import audit
from ..auth import Actor, permit
from ..receipts import ReceiptView, store_plans, view
from ..sync import outbox
from ..uow import Database
from . import entries, state
from .refunds import ExcessChoice, release_excess


def assign_door_receipts(session: Session, stored: list, driver_id: int | None, collected: int) -> str | None:
    from ..door import assign_door_receipts as assign

    return assign(session, stored, driver_id, collected)

DELIVERABLE = (OrderStatus.NEW, OrderStatus.CONFIRMED, OrderStatus.ASSEMBLING, OrderStatus.READY, OrderStatus.SHIPPED)


@dataclass(frozen=True)
class DeliveryResult:
    summary: str
    order_number: str
    status: OrderStatus
    accepted_total: int
    collected: int
    excess: int  # money with no goods behind it, refunded or kept as advance
    excess_choice: ExcessChoice | None
    debt: int  # left unpaid (companies paying later by transfer)
    receipts: tuple[ReceiptView, ...]


def record_delivery(
    db: Database, actor: Actor, *, order_number: str, refused: Mapping[int, int] | None = None,
    collected: int = 0, kind: PaymentKind = PaymentKind.CASH, excess: ExcessChoice = ExcessChoice.ADVANCE,
    refund_kind: PaymentKind | None = None, driver_id: int | None = None, route_id: int | None = None,
    credit: bool = False,
) -> DeliveryResult:
    """The outcome at the door: refused quantities by line number, money collected, the receipts owed."""
    permit(actor, "order.deliver")
    if collected < 0:
        raise InvalidInput("полученная сумма не может быть отрицательной")
    with db.unit_of_work() as session:
        order = state.lock_order(session, order_number)
        if order.status not in DELIVERABLE:
            raise InvalidInput(f"заказ №{order.number} уже не в доставке ({order.status.value})")
        buyer = session.get(Customer, order.customer_id)
        accepted_qty = _accepted(order, refused or {})
        prepaid = state.paid(session, order.id)
        quote = quote_delivery(state.order_snap(order), accepted_qty, prepaid)
        debt = _check_collected(order, buyer, quote.due, collected, credit)
        payment = _take_money(session, actor, order, collected, kind, driver_id, route_id)
        stored = _final_receipt(session, order, buyer, accepted_qty, prepaid, collected, kind, payment, debt)
        door_warning = assign_door_receipts(session, stored, driver_id, collected)
        _mark_outcome(order, accepted_qty, quote.accepted_total)
        outbox.order_outcome(session, order)
        released = release_excess(
            session, actor, buyer, order, quote.excess_prepayment, excess, refund_kind=refund_kind,
            lines=quote.refused, reason=f"отказ от части заказа №{order.number}",
        )
        audit.record(session, actor.author, "order.deliver", "order", order.id, refused=dict(refused or {}),
                     collected=collected, kind=kind.value, excess=quote.excess_prepayment, choice=excess.value)
        receipts = tuple(view(session, r) for r in stored + released.receipts)
        summary = _summary(order, quote.accepted_total, collected, quote.excess_prepayment, excess, debt)
        if door_warning:
            summary += f". Внимание: {door_warning}"
        return DeliveryResult(summary, order.number, order.status, quote.accepted_total, collected,
                              quote.excess_prepayment, excess if quote.excess_prepayment else None, debt, receipts)


def _accepted(order: Order, refused: Mapping[int, int]) -> dict[int, int]:
    accepted = {}
    for line_no, quantity in refused.items():
        line = state.line_by_number(order, line_no)
        if not 0 < quantity <= line.quantity_milli:
            raise InvalidInput(f"строка {line_no} заказа №{order.number}: отказаться можно от 1 до "
                               f"{line.quantity_milli // 1000} {line.unit}")
    for line in order.lines:
        accepted[line.id] = line.quantity_milli - refused.get(line.line_no, 0)
    return accepted


def _check_collected(order: Order, buyer: Customer, due: int, collected: int, credit: bool = False) -> int:
    """The debt left; individuals pay in full at the door unless the goods go on credit, companies may pay
    later by transfer."""
    if collected > due:
        raise InvalidInput(f"по заказу №{order.number} к получению {format_amount(due)}, получено "
                           f"{format_amount(collected)}: лишнее оформите отдельным поступлением (аванс)")
    if collected == due:
        return 0
    if not credit and (buyer.kind is CustomerKind.INDIVIDUAL or collected):
        raise InvalidInput(f"по заказу №{order.number} к получению {format_amount(due)}, получено "
                           f"{format_amount(collected)}: не хватает {format_amount(due - collected)}")
    return due - collected


def _take_money(session: Session, actor: Actor, order: Order, collected: int, kind: PaymentKind,
                driver_id: int | None, route_id: int | None) -> Payment | None:
    if not collected:
        return None
    payment = Payment(customer_id=order.customer_id, kind=kind, amount=collected, received_at=dt.datetime.now(),
                      payer_name="", purpose=f"Оплата при получении заказа №{order.number}", source="driver",
                      driver_id=driver_id, route_id=route_id, created_by=actor.author)
    session.add(payment)
    session.flush()
    entries.allocate(session, payment, order.id, collected, actor.author)
    outbox.payments_recorded(session, [payment.id])
    return payment


def _final_receipt(session, order, buyer, accepted_qty, prepaid, collected, kind, payment, debt) -> list:
    if not any(accepted_qty.values()):
        return []  # nothing handed over
    if not state.money_owes_receipt(session, order.id, buyer.kind):
        return []  # a company's goods on credit paid by transfer later, or its transfers only
    cash = collected if kind is PaymentKind.CASH else 0
    settlement = settle_delivery(
        state.order_snap(order), accepted_qty, prepaid, cash, collected - cash,
        payment_ids=(payment.id,) if payment else (), contact=state.contact_of(buyer), credit=debt,
    )
    return store_plans(session, [settlement.final]) if settlement.final else []


def _mark_outcome(order: Order, accepted_qty: Mapping[int, int], accepted_total: int) -> None:
    for line in order.lines:
        line.delivered_milli = accepted_qty[line.id]
        line.refused_milli = line.quantity_milli - accepted_qty[line.id]
    order.refused_total = order.total - accepted_total
    if accepted_total == 0:
        order.status = OrderStatus.REFUSED
    elif order.refused_total:
        order.status = OrderStatus.PARTIALLY_DELIVERED
    else:
        order.status = OrderStatus.DELIVERED


def _summary(order, accepted, collected, excess, choice, debt) -> str:
    if order.status is OrderStatus.CANCELLED:
        parts = [f"Заказ №{order.number} отменён"]
    else:
        parts = [f"Заказ №{order.number}: передано товара на {format_amount(accepted)}"]
    if collected:
        parts.append(f"получено {format_amount(collected)}")
    if excess:
        verb = "возвращается покупателю" if choice is ExcessChoice.REFUND else "остаётся авансом"
        parts.append(f"{format_amount(excess)} за непринятый товар {verb}")
    if debt:
        parts.append(f"долг {format_amount(debt)} — оплата переводом позже")
    return "; ".join(parts)


def return_goods(db: Database, actor: Actor, *, order_number: str, lines: Mapping[int, int],
                 kind: PaymentKind) -> DeliveryResult:
    """Delivered goods brought back later: the money for them is paid back with an income-return receipt."""
    permit(actor, "order.return")
    with db.unit_of_work() as session:
        order = state.lock_order(session, order_number)
        if order.status not in (OrderStatus.DELIVERED, OrderStatus.PARTIALLY_DELIVERED):
            raise InvalidInput(f"заказ №{order.number} не доставлен — возвращать нечего")
        buyer = session.get(Customer, order.customer_id)
        snap = state.order_snap(order)
        returned, value = [], 0
        for line_no, quantity in lines.items():
            line = state.line_by_number(order, line_no)
            can = (line.delivered_milli or 0) - line.returned_milli
            if not 0 < quantity <= can:
                raise InvalidInput(f"строка {line_no}: вернуть можно от 1 до {can // 1000} {line.unit}")
            line.returned_milli += quantity
            returned.append((snap.line(line.id), quantity))
            value += amount_for_quantity(snap.line(line.id), quantity)
        fiscal = state.money_owes_receipt(session, order.id, buyer.kind, kind)
        paid_back = min(value, state.paid(session, order.id) - (state.kept(order) - value))
        order.returned_total += value
        plans = []
        if paid_back > 0:
            moved = entries.reverse(session, order.id, paid_back, actor.author)
            session.add(Refund(customer_id=buyer.id, order_id=order.id, payment_id=moved[-1].payment_id, kind=kind,
                               amount=paid_back, reason=f"возврат товара по заказу №{order.number}",
                               created_by=actor.author))
            if fiscal and paid_back == value:
                cash = paid_back if kind is PaymentKind.CASH else 0
                plans.append(plan_goods_refund(snap, returned, cash=cash, electronic=paid_back - cash,
                                               payment_ids=tuple(sorted({m.payment_id for m in moved})),
                                               contact=state.contact_of(buyer)))
        stored = store_plans(session, plans)
        audit.record(session, actor.author, "order.return", "order", order.id, lines=dict(lines), value=value,
                     paid_back=paid_back, kind=kind.value)
        summary = f"Заказ №{order.number}: возврат товара на {format_amount(value)}, выплачено {format_amount(paid_back)}"
        return DeliveryResult(summary, order.number, order.status, value, -paid_back, 0, None, 0,
                              tuple(view(session, r) for r in stored))


def cancel_order(db: Database, actor: Actor, *, order_number: str, money: ExcessChoice = ExcessChoice.ADVANCE,
                 refund_kind: PaymentKind | None = None, reason: str = "") -> DeliveryResult:
    """Cancel an order before delivery; its prepayment is refunded or kept as an advance."""
    permit(actor, "order.cancel")
    with db.unit_of_work() as session:
        order = state.lock_order(session, order_number)
        if order.status not in DELIVERABLE:
            raise InvalidInput(f"заказ №{order.number} нельзя отменить: он {order.status.value}")
        buyer = session.get(Customer, order.customer_id)
        prepaid = state.paid(session, order.id)
        order.status = OrderStatus.CANCELLED
        outbox.order_outcome(session, order, reason)
        released = release_excess(session, actor, buyer, order, prepaid, money, refund_kind=refund_kind, lines=None,
                                  reason=reason or f"отмена заказа №{order.number}")
        audit.record(session, actor.author, "order.cancel", "order", order.id, prepaid=prepaid, choice=money.value,
                     reason=reason)
        summary = _summary(order, 0, 0, prepaid, money, 0)
        return DeliveryResult(summary, order.number, order.status, 0, 0, prepaid, money if prepaid else None, 0,
                              tuple(view(session, r) for r in released.receipts))
