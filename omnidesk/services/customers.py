"""Customers: finding one by any reference, their card with open orders, advance and ledger."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from omnidesk.core.errors import Ambiguous, InvalidInput, NotFound
from omnidesk.core.money import format_amount
from omnidesk.core.phones import normalise_phone
from omnidesk.persistence.models import Allocation, Customer, CustomerContact, Order, Payment, Refund

from .dto import CustomerCard, CustomerRef, LedgerEntry
from .uow import Database


def customer_ref(customer: Customer) -> CustomerRef:
    return CustomerRef(
        customer.id, customer.name, customer.kind, customer.inn, customer.kpp, customer.phone, customer.email
    )


def resolve_customer_id(db: Database, reference: str) -> int:
    """The id of the one customer meant by typed text: an id, INN, phone or exact name.

    For the edges only (a CLI argument, a text box); services take the id this returns.
    """
    with db.read() as session:
        return resolve_customer(session, reference).id


def get_customer(session: Session, customer_id: int) -> Customer:
    """The customer with this id, or NotFound."""
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(f"покупатель {customer_id} не найден")
    return customer


def resolve_customer(session: Session, reference: str) -> Customer:
    """Find the one customer meant by an id, INN, phone or exact name (see :func:`resolve_customer_id`)."""
    text = (reference or "").strip()
    if not text:
        raise InvalidInput("не указан покупатель")
    candidates: dict[int, Customer] = {}
    if text.isdigit():
        by_id = session.get(Customer, int(text)) if len(text) < 10 else None
        if by_id is not None:
            candidates[by_id.id] = by_id
        for c in session.scalars(select(Customer).where(Customer.inn == text)):
            candidates[c.id] = c
    phone = normalise_phone(text)
    if phone:
        query = (
            select(Customer)
            .outerjoin(CustomerContact, CustomerContact.customer_id == Customer.id)
            .where(or_(Customer.phone == phone, CustomerContact.value == phone))
        )
        for c in session.scalars(query):
            candidates[c.id] = c
    for c in session.scalars(select(Customer).where(func.lower(Customer.name) == text.lower())):
        candidates[c.id] = c
    if not candidates:
        raise NotFound(f"покупатель «{text}» не найден (ищу по id, ИНН, телефону и точному имени)")
    if len(candidates) > 1:
        names = "; ".join(f"{c.id}: {c.name}" for c in sorted(candidates.values(), key=lambda c: c.id))
        raise Ambiguous(f"«{text}» подходит нескольким покупателям: {names}")
    return next(iter(candidates.values()))


def balance_of(session: Session, customer_id: int) -> int:
    """The customer's advance: payments − allocations − refunds, in kopecks."""
    paid = session.scalar(select(func.coalesce(func.sum(Payment.amount), 0)).where(Payment.customer_id == customer_id))
    allocated = session.scalar(
        select(func.coalesce(func.sum(Allocation.amount), 0))
        .join(Payment, Payment.id == Allocation.payment_id)
        .where(Payment.customer_id == customer_id)
    )
    refunded = session.scalar(select(func.coalesce(func.sum(Refund.amount), 0)).where(Refund.customer_id == customer_id))
    return int(paid) - int(allocated) - int(refunded)


def customer_card(db: Database, customer_id: int) -> CustomerCard:
    from .orders import list_orders_of

    with db.read() as session:
        customer = get_customer(session, customer_id)
        return CustomerCard(
            customer=customer_ref(customer),
            open_orders=tuple(r for r in list_orders_of(session, customer.id) if r.status.is_open),
            balance=balance_of(session, customer.id),
            ledger=_ledger(session, customer.id),
        )


def _ledger(session: Session, customer_id: int) -> tuple[LedgerEntry, ...]:
    entries: list[LedgerEntry] = []
    for p in session.scalars(select(Payment).where(Payment.customer_id == customer_id)):
        what = f"Поступление: {p.kind.label}, {format_amount(p.amount)}"
        entries.append(LedgerEntry(p.received_at, "payment", what, p.amount))
    allocations = session.execute(
        select(Allocation, Order.number)
        .join(Payment, Payment.id == Allocation.payment_id)
        .join(Order, Order.id == Allocation.order_id)
        .where(Payment.customer_id == customer_id)
    )
    for a, number in allocations:
        verb = "Отмена зачёта" if a.amount < 0 else "Зачёт"
        entries.append(LedgerEntry(a.created_at, "allocation", f"{verb} в заказ №{number}", -a.amount))
    for r in session.scalars(select(Refund).where(Refund.customer_id == customer_id)):
        entries.append(LedgerEntry(r.created_at, "refund", f"Возврат денег: {r.reason}".rstrip(": "), -r.amount))
    entries.sort(key=lambda e: e.at)
    return tuple(entries)


def customer_choices(db: Database) -> list[tuple[int, str]]:
    """Every customer as (id, «name · ИНН … · phone»): what a search by part of a name, INN or phone looks through."""
    with db.read() as session:
        rows = session.execute(select(Customer.id, Customer.name, Customer.inn, Customer.phone)
                               .order_by(Customer.name)).all()
    return [(cid, " · ".join(p for p in (name, f"ИНН {inn}" if inn else "", phone or "") if p))
            for cid, name, inn, phone in rows]
