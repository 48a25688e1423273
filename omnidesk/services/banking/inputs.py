"""The matcher's view of the database: customers with their contacts and payer accounts, open orders."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import chain

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from omnidesk.core.enums import OrderStatus
from omnidesk.core.matching import KnownCustomer, OpenOrder
from omnidesk.persistence.db import among, column_rows
from omnidesk.persistence.models import Allocation, Customer, CustomerContact, Order, PayerAccount

from ..orders import kept_value

_ROWS = 5000  # rows fetched at a time: 100 000 orders are read as a stream, not all at once
_CLOSED = [OrderStatus.DELIVERED, OrderStatus.REFUSED, OrderStatus.CANCELLED]


def open_orders(session: Session) -> Iterator[OpenOrder]:
    """Every open order that still owes money: due = value of the goods kept − money allocated.
    A stream: the matcher keeps 100 000 of them as columns, never as a list of objects."""
    paid = (select(Allocation.order_id, func.sum(Allocation.amount).label("paid"))
            .group_by(Allocation.order_id).subquery())
    query = (
        select(Order.number, Order.customer_id, Order.created_at, kept_value(), func.coalesce(paid.c.paid, 0))
        .outerjoin(paid, paid.c.order_id == Order.id)
        .where(Order.status.not_in(_CLOSED))
        .order_by(Order.number)  # the matcher keeps them by number: given in that order, it does not sort them
    )
    rows = session.connection().execute(query.execution_options(yield_per=_ROWS))
    for number, customer_id, created_at, kept, paid_sum in chain.from_iterable(rows.partitions()):  # fetchmany, not a call a row
        due = int(kept) - int(paid_sum)
        if due > 0:
            yield OpenOrder(number=number, customer_id=customer_id, date=created_at.date(), due=due, total=int(kept))


def known_customers(session: Session) -> Iterator[KnownCustomer]:
    phones: dict[int, list[str]] = defaultdict(list)
    phone_rows = select(CustomerContact.customer_id, CustomerContact.value).where(CustomerContact.kind == "phone")
    for customer_id, value in column_rows(session, phone_rows):
        phones[customer_id].append(value)
    accounts: dict[int, list[str]] = defaultdict(list)
    for customer_id, account in column_rows(session, select(PayerAccount.customer_id, PayerAccount.account)):
        accounts[customer_id].append(account)
    columns = select(Customer.id, Customer.kind, Customer.name, Customer.inn, Customer.kpp, Customer.phone)
    rows = session.connection().execute(columns.execution_options(yield_per=_ROWS))
    for customer_id, kind, name, inn, kpp, phone in chain.from_iterable(rows.partitions()):  # rows, not ORM objects: 100 000 of them
        own_phones = tuple(dict.fromkeys(([phone] if phone else []) + phones.get(customer_id, [])))
        yield KnownCustomer(
            id=customer_id, kind=kind, name=name, inn=inn or "", kpp=kpp or "", phones=own_phones,
            payer_accounts=tuple(accounts.get(customer_id, ())),
        )


def customer_names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    names: dict[int, str] = {}
    for start in range(0, len(wanted), 1000):  # a statement names thousands: keep under the bind-parameter limits
        names.update(column_rows(session, select(Customer.id, Customer.name).where(among(Customer.id, wanted[start:start + 1000]))))
    return names
