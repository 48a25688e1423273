"""Correction receipts (FFD 1.2, 1054 + 1173 + 1174): a missed or wrong settlement fixed later.

The cashier says what was missed — goods of an order (lines and quantities, 1214 = 4) or a sum
of money with no goods known (one «Аванс» line, 1214 = 3) — the date of the missed settlement
(1178), and whether the correction is self-initiated or by a tax-office order (1173, 1179).
The correction is stored as an owed receipt like any other and printed through the journal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from omnidesk.core.errors import InvalidInput
from omnidesk.core.receipts import Correction, CorrectionType, Operation, PlanLine, plan_correction
from omnidesk.core.receipts.lines import advance_line, goods_lines
from omnidesk.persistence.models import Customer

from . import audit
from .auth import Actor, permit
from .customers import get_customer
from .ledger import state
from .receipts import ReceiptView, store_plans, view
from .uow import Database


def create_correction(
    db: Database, actor: Actor, *, operation: Operation, date: dt.date, reason: str, electronic: bool,
    order_number: str | None = None, lines: Mapping[int, int] | None = None, amount: int | None = None,
    customer_id: int | None = None, order_document: str | None = None,
) -> ReceiptView:
    """Store the correction receipt for a settlement that was not (or wrongly) fiscalised.

    ``lines``: order line number → quantity in thousandths (with ``order_number``); or
    ``amount``: kopecks of an advance (with ``customer_id`` or ``order_number``). ``order_document``
    set means a correction by the tax office's order (1173 = 1, its number in 1179).
    """
    permit(actor, "receipt.correction")
    kind = CorrectionType.BY_ORDER if order_document else CorrectionType.SELF
    correction = Correction(kind, date, order_document or None)
    if date > dt.date.today():
        raise InvalidInput("дата исправляемого расчёта не может быть в будущем")
    with db.unit_of_work() as session:
        order = state.lock_order(session, order_number) if order_number else None
        buyer = session.get(Customer, order.customer_id) if order else None
        if buyer is None and customer_id is not None:
            buyer = get_customer(session, customer_id)
        plan_lines = _lines(order, lines, amount)
        total = sum(line.amount for line in plan_lines)
        plan = plan_correction(
            Operation(operation), plan_lines, cash=0 if electronic else total, electronic=total if electronic else 0,
            correction=correction, reason=reason, order_ids=(order.id,) if order else (),
            customer_id=buyer.id if buyer else None, contact=state.contact_of(buyer) if buyer else None,
        )
        stored = store_plans(session, [plan])[0]
        audit.record(session, actor.author, "receipt.correction", "receipt", stored.id, operation=int(operation),
                     date=date.isoformat(), order=order_number, total=total, by_order=order_document, reason=reason)
        return view(session, stored)


def _lines(order, lines: Mapping[int, int] | None, amount: int | None) -> tuple[PlanLine, ...]:
    if lines:
        if order is None:
            raise InvalidInput("чтобы указать строки, укажите номер заказа")
        snap = state.order_snap(order)
        items = []
        for line_no, quantity in lines.items():
            line = state.line_by_number(order, line_no)
            if not 0 < quantity <= line.quantity_milli:
                raise InvalidInput(f"строка {line_no} заказа №{order.number}: количество вне заказанного")
            items.append((snap.line(line.id), quantity))
        return goods_lines(items)
    if amount is None or amount <= 0:
        raise InvalidInput("укажите строки заказа или сумму больше нуля")
    name = f"Аванс по заказу №{order.number}" if order is not None else "Аванс"
    return (advance_line(amount, name=name),)
