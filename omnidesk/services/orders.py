"""Reading orders: the orders table, one order's details."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session, selectinload

from omnidesk.core.enums import OrderStatus
from omnidesk.core.errors import NotFound
from omnidesk.persistence.models import Allocation, Customer, Order, Payment

from .customers import customer_ref
from .dto import OrderDetail, OrderLineView, OrderRow, PaymentView
from .uow import Database

_BLOCK = 500


def _paid_subquery():
    return (
        select(Allocation.order_id, func.sum(Allocation.amount).label("paid"))
        .group_by(Allocation.order_id)
        .subquery()
    )


def kept_value():
    """SQL for the value of the goods an order's customer keeps."""
    return case(
        (Order.status == OrderStatus.CANCELLED, 0),
        else_=Order.total - Order.refused_total - Order.returned_total,
    )


def _rows_query(status: OrderStatus | None, date: dt.date | None) -> Select:
    paid = _paid_subquery()
    query = (
        select(
            Order.id, Order.number, Order.customer_id, Customer.name, Customer.kind, Customer.inn,
            Customer.phone, Order.total, func.coalesce(paid.c.paid, 0), Order.status,
            Order.delivery_date, Order.window_start, Order.window_end, Order.address,
            Order.weight_g, Order.source, kept_value(),
        )
        .join(Customer, Customer.id == Order.customer_id)
        .outerjoin(paid, paid.c.order_id == Order.id)
        .order_by(Order.delivery_date, Order.window_start, Order.number)
    )
    if status is not None:
        query = query.where(Order.status == status)
    if date is not None:
        query = query.where(Order.delivery_date == date)
    return query


def list_orders(db: Database, *, status: OrderStatus | None = None, date: dt.date | None = None) -> list[OrderRow]:
    """Every order matching the filters, sorted by delivery date and window."""
    with db.read() as session:
        return [OrderRow(*row) for row in session.execute(_rows_query(status, date))]


def iter_order_rows(db: Database, chunk_size: int = 5000) -> Iterator[list[OrderRow]]:
    """All orders in chunks, first chunk first, for tables that show rows while the rest loads."""
    with db.read() as session:
        result = session.execute(_rows_query(None, None).execution_options(yield_per=chunk_size))
        for partition in result.partitions(chunk_size):
            yield [OrderRow(*row) for row in partition]


def order_rows(db: Database, ids: Iterable[int] = (), customer_ids: Iterable[int] = ()) -> list[OrderRow]:
    """The rows of the given orders and of every order of the given customers (a table refreshes only
    what changed); ids are asked for in blocks, so a long list stays one cheap indexed query per block."""
    ids, customer_ids = sorted(set(ids)), sorted(set(customer_ids))
    rows: dict[int, OrderRow] = {}
    with db.read() as session:
        for column, values in ((Order.id, ids), (Order.customer_id, customer_ids)):
            for start in range(0, len(values), _BLOCK):
                query = _rows_query(None, None).where(column.in_(values[start:start + _BLOCK]))
                rows.update((row.id, row) for row in (OrderRow(*r) for r in session.execute(query)))
    return list(rows.values())


def order_detail(db: Database, order_id: int) -> OrderDetail:
    with db.read() as session:
        order = session.get(Order, order_id, options=[selectinload(Order.lines), selectinload(Order.customer)])
        if order is None:
            raise NotFound(f"заказ с id {order_id} не найден")
        row = OrderRow(*session.execute(_rows_query(None, None).where(Order.id == order_id)).one())
        return OrderDetail(
            row=row,
            customer=customer_ref(order.customer),
            lines=tuple(
                OrderLineView(
                    line.line_no, line.name, line.quantity_milli, line.unit, line.price,
                    line.amount, line.vat_rate.label, line.weight_g,
                )
                for line in order.lines
            ),
            payments=_payments_of(session, order_id),
            contact_phone=order.contact_phone,
            comment=order.comment,
            supplier=order.supplier_depot.name if order.supplier_depot else None,
            lat=order.lat,
            lon=order.lon,
        )


def _payments_of(session: Session, order_id: int) -> tuple[PaymentView, ...]:
    query = (
        select(Payment, func.sum(Allocation.amount))
        .join(Allocation, Allocation.payment_id == Payment.id)
        .where(Allocation.order_id == order_id)
        .group_by(Payment.id)
        .order_by(Payment.received_at)
    )
    return tuple(
        PaymentView(p.id, p.kind, p.amount, p.received_at, p.payer_name, allocated)
        for p, allocated in session.execute(query)
    )


def order_id_of(db: Database, number: str) -> int:
    """The id of the order with this number (as typed: «№20001» or «20001»)."""
    with db.read() as session:
        return find_order(session, number).id


def find_order(session: Session, number: str) -> Order:
    order = session.scalar(select(Order).where(Order.number == number.strip().lstrip("№")))
    if order is None:
        raise NotFound(f"заказ №{number} не найден")
    return order


def list_orders_of(session: Session, customer_id: int) -> list[OrderRow]:
    return [OrderRow(*row) for row in session.execute(_rows_query(None, None).where(Order.customer_id == customer_id))]
