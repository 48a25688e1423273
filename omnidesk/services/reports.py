"""Report data for Excel: the reconciliation act (акт сверки), the payments register, unmatched transfers.

Frozen objects only; the Excel writers in ``omnidesk.integrations.excel`` never see the database.
The act is kept from our side: debit = goods delivered to the customer and money paid back, credit =
money received, each by its document (the shipment's number, the payer's payment order and date).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from omnidesk.config import Settings
from omnidesk.core.enums import OrderStatus
from omnidesk.core.errors import InvalidInput
from omnidesk.integrations.excel.model import (
    ActRow,
    Party,
    PaymentRow,
    PaymentsRegister,
    ReconciliationAct,
    UnmatchedRow,
    UnmatchedTransfers,
)
from omnidesk.persistence.models import (
    Allocation,
    BankLine,
    BankLineStatus,
    Customer,
    Order,
    Payment,
    Receipt,
    ReceiptLink,
    Refund,
)

from .auth import Actor, permit
from .customers import get_customer
from .ledger import state
from .uow import Database

__all__ = [
    "ActRow",
    "Party",
    "PaymentRow",
    "PaymentsRegister",
    "ReconciliationAct",
    "UnmatchedRow",
    "UnmatchedTransfers",
    "our_company",
    "payments_register",
    "reconciliation_act",
    "unmatched_transfers",
]


def __getattr__(name: str):
    """The Excel writers (openpyxl) re-exported, imported on first use: write_act, write_payments, write_unmatched."""
    if name in ("write_act", "write_payments", "write_unmatched"):
        from omnidesk.integrations import excel

        return getattr(excel, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")




def our_company() -> Party:
    """The seller's side of an act: the company details in the settings."""
    settings = Settings()
    return Party(settings.get("company.name"), settings.get("company.inn"), settings.get("company.kpp"))


def _check_period(date_from: dt.date, date_to: dt.date) -> None:
    if date_from > date_to:
        raise InvalidInput(f"период задан наоборот: с {date_from:%d.%m.%Y} по {date_to:%d.%m.%Y}")


def reconciliation_act(db: Database, actor: Actor, customer_id: int, date_from: dt.date, date_to: dt.date,
                       seller: Party | None = None) -> ReconciliationAct:
    permit(actor, "act")
    _check_period(date_from, date_to)
    seller = seller or our_company()
    with db.read() as session:
        buyer = get_customer(session, customer_id)
        rows = _act_rows(session, buyer)
        party, buyer_id = Party(buyer.name, buyer.inn or "", buyer.kpp or ""), buyer.id
    opening = sum(r.debit - r.credit for r in rows if r.date < date_from)
    inside = tuple(r for r in rows if date_from <= r.date <= date_to)
    return ReconciliationAct(seller, party, buyer_id, date_from, date_to, opening, inside)


SOURCE_LABELS = {  # where a payment was recorded, for people (the database keeps the key)
    "office": "касса", "driver": "водитель при доставке", "bank": "банковская выписка",
    "demo": "демонстрационные данные", "sync": "синхронизация",
}
SHIPPED_STATUSES = (OrderStatus.DELIVERED, OrderStatus.PARTIALLY_DELIVERED)


def _act_rows(session: Session, buyer: Customer) -> list[ActRow]:
    """Shipments (goods delivered, on the delivery date) and money (by the payer's document), in time order.

    Orders not yet delivered owe nothing in an act; allocations move no money between the parties and
    are left out (the payments register shows which payment paid which order).
    """
    rows: list[tuple[dt.datetime, int, ActRow]] = []
    orders = {o.id: o for o in session.scalars(select(Order).where(Order.customer_id == buyer.id))}
    receipts = _receipts_by(session, list(orders))
    for order in orders.values():
        if order.status not in SHIPPED_STATUSES or not state.kept(order):
            continue
        day = order.delivery_date or order.created_at.date()
        note = "за вычетом отказов и возвратов" if order.refused_total or order.returned_total else ""
        details = "; ".join(x for x in (note, receipts["order", order.id]) if x)
        rows.append((dt.datetime.combine(day, dt.time()), 0, ActRow(
            day, "shipment", f"Реализация товаров №{order.number} от {day:%d.%m.%Y}", details, state.kept(order), 0)))
    payments = session.scalars(select(Payment).where(Payment.customer_id == buyer.id)).all()
    bank = {payment_id: (number, day) for payment_id, number, day in session.execute(
        select(BankLine.payment_id, BankLine.number, BankLine.doc_date)
        .where(BankLine.payment_id.in_([p.id for p in payments])))} if payments else {}
    for p in payments:
        if p.id in bank:
            number, day = bank[p.id]
            document = f"Оплата (п/п №{number} от {day:%d.%m.%Y})"
        else:
            document = f"Оплата ({p.kind.label}) от {p.received_at:%d.%m.%Y}"
        rows.append((p.received_at, 1, ActRow(p.received_at.date(), "payment", document, receipts["payment", p.id], 0,
                                              p.amount)))
    for r in session.scalars(select(Refund).where(Refund.customer_id == buyer.id)):
        rows.append((r.created_at, 3, ActRow(r.created_at.date(), "refund",
                                             f"Возврат денег покупателю от {r.created_at:%d.%m.%Y}", r.reason,
                                             r.amount, 0)))
    rows.sort(key=lambda t: (t[0], t[1]))
    return [r for _w, _k, r in rows]


def _receipts_by(session: Session, order_ids: list[int]) -> defaultdict[tuple[str, int], str]:
    """Printed receipts per order and per payment: «чек ФД 17, ФП 1234567890, 10.03.2025»."""
    out: defaultdict[tuple[str, int], str] = defaultdict(str)
    if not order_ids:
        return out
    query = (select(ReceiptLink.order_id, ReceiptLink.payment_id, Receipt)
             .join(Receipt, Receipt.id == ReceiptLink.receipt_id)
             .where(ReceiptLink.order_id.in_(order_ids) | ReceiptLink.payment_id.in_(
                 select(Payment.id).join(Order, Order.customer_id == Payment.customer_id).where(Order.id.in_(order_ids))))
             .where(Receipt.fd_number.is_not(None)).order_by(Receipt.id))
    seen: dict[tuple[str, int], list[str]] = defaultdict(list)
    for order_id, payment_id, r in session.execute(query):
        text = f"чек ФД {r.fd_number}, ФП {r.fiscal_sign}" + (f", {r.printed_at:%d.%m.%Y}" if r.printed_at else "")
        for key in (("order", order_id), ("payment", payment_id)):
            if key[1] is not None and text not in seen[key]:
                seen[key].append(text)
    for key, texts in seen.items():
        out[key] = "; ".join(texts)
    return out


def payments_register(db: Database, actor: Actor, date_from: dt.date, date_to: dt.date) -> PaymentsRegister:
    permit(actor, "export")
    _check_period(date_from, date_to)
    start, end = dt.datetime.combine(date_from, dt.time()), dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time())
    with db.read() as session:
        query = (select(Payment, Customer).join(Customer, Customer.id == Payment.customer_id)
                 .where(Payment.received_at >= start, Payment.received_at < end).order_by(Payment.received_at, Payment.id))
        found = session.execute(query).all()
        ids = [p.id for p, _c in found]
        per_order: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        bank: dict[int, str] = {}
        for start_at in range(0, len(ids), 500):
            chunk = ids[start_at:start_at + 500]
            for payment_id, number, amount in session.execute(
                select(Allocation.payment_id, Order.number, Allocation.amount)
                .join(Order, Order.id == Allocation.order_id).where(Allocation.payment_id.in_(chunk))
            ):
                per_order[payment_id][number] += amount
            bank.update(session.execute(select(BankLine.payment_id, BankLine.number).where(BankLine.payment_id.in_(chunk))).all())
        rows = []
        for p, c in found:
            orders = {n: a for n, a in per_order.get(p.id, {}).items() if a}
            rows.append(PaymentRow(
                id=p.id, received_at=p.received_at, kind=p.kind.label, customer=c.name, customer_inn=c.inn or "",
                payer=p.payer_name, document=bank.get(p.id, ""), purpose=p.purpose, amount=p.amount,
                allocated=sum(orders.values()), orders=", ".join(f"№{n}" for n in sorted(orders)), source=SOURCE_LABELS.get(p.source, p.source),
            ))
    return PaymentsRegister(date_from, date_to, tuple(rows))


def unmatched_transfers(db: Database, actor: Actor, date_from: dt.date | None = None,
                        date_to: dt.date | None = None) -> UnmatchedTransfers:
    """Incoming transfers still waiting in the review queue."""
    permit(actor, "export")
    with db.read() as session:
        query = select(BankLine).where(BankLine.status == BankLineStatus.REVIEW).order_by(BankLine.doc_date, BankLine.id)
        if date_from:
            query = query.where(BankLine.doc_date >= date_from)
        if date_to:
            query = query.where(BankLine.doc_date <= date_to)
        rows = tuple(UnmatchedRow(b.id, b.doc_date, b.number, b.amount, b.payer_name, b.payer_inn, b.payer_account,
                                  b.purpose, b.explanation) for b in session.scalars(query))
    return UnmatchedTransfers(date_from, date_to, rows)
