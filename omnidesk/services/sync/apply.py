"""Orders read from the CRM written into OmniDesk, with the history id in the same transaction.

An order already planned or paid is changed only where that is safe; otherwise the change waits as a
conflict for the logist or cashier (a cancelled order on a published route, new lines after a prepayment,
a new date or window for an order on a published route). A closed order never moves back.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, selectinload

from omnidesk.core.enums import OrderStatus, PaymentSubject, RouteStatus
from omnidesk.core.vat import VatRate
from omnidesk.persistence.models import Allocation, Customer, Order, OrderLine, Route, Stop, SyncConflict

from .mapping import OrderData, StatusMap, order_data
from .state import put_state


@dataclass
class ApplyResult:
    created: int = 0
    updated: int = 0
    conflicts: int = 0
    conflict_texts: list[str] = field(default_factory=list)


def apply_orders(session: Session, orders: Sequence[dict], statuses: dict[str, dict], status_map: StatusMap,
                 *, since_id: int | None, result: ApplyResult) -> None:
    """Upsert the CRM orders; store ``since_id`` as the last applied history record (same transaction)."""
    datas = [order_data(o) for o in orders]
    existing = {o.crm_id: o for o in session.scalars(
        select(Order).where(Order.crm_id.in_([d.crm_id for d in datas])).options(selectinload(Order.lines)))}
    customers = {c.crm_id: c for c in session.scalars(
        select(Customer).where(Customer.crm_id.in_({d.customer_crm_id for d in datas})))}
    busy = _on_published_routes(session, [o.id for o in existing.values()])
    paid = _paid(session, [o.id for o in existing.values()])
    taken: dict[str, Order | None] = {o.number: o for o in session.scalars(select(Order).where(Order.number.in_({d.number for d in datas})))}
    new_customers: dict[str, dict] = {}
    new_orders: list[tuple[OrderData, OrderStatus, str]] = []
    with session.no_autoflush:
        for data in datas:
            if data.customer_crm_id not in customers and data.customer_crm_id not in new_customers:
                new_customers[data.customer_crm_id] = {
                    "kind": data.customer_kind, "name": data.customer_name, "inn": data.inn, "phone": data.phone,
                    "email": data.email, "crm_id": data.customer_crm_id}
            status = status_map.status_of(data.status_code, (statuses.get(data.status_code) or {}).get("group"))
            order = existing.get(data.crm_id)
            if order is None:
                same = taken.get(data.number)
                if same is not None and same.crm_id is None:  # typed in OmniDesk before sync was set up
                    order = same
            if order is None:
                number = data.number if data.number not in taken else _free_number(session, data.number, taken)
                taken[number] = None
                new_orders.append((data, status or OrderStatus.NEW, number))
                continue
            order.crm_id = data.crm_id
            _update(session, order, data, status, order.id in busy, paid.get(order.id, 0), result)
    session.flush()
    _insert_new(session, customers, new_customers, new_orders)
    result.created += len(new_orders)
    if since_id is not None:
        put_state(session, "crm.history_since_id", str(since_id))


def _update(session: Session, order: Order, data: OrderData, status: OrderStatus | None, on_route: bool,
            paid: int, result: ApplyResult) -> None:
    changed = False

    def conflict(kind: str, text: str) -> None:
        session.add(SyncConflict(order_id=order.id, kind=kind, detail=text[:1000]))
        result.conflicts += 1
        result.conflict_texts.append(text)

    if status is not None and status is not order.status and order.status.is_open:
        if status is OrderStatus.CANCELLED and (on_route or paid):
            where = "стоит в опубликованном маршруте" if on_route else "по нему есть оплата"
            conflict("cancelled", f"заказ №{order.number} отменён в CRM, но {where} — решите вручную")
        elif status in (OrderStatus.DELIVERED, OrderStatus.PARTIALLY_DELIVERED, OrderStatus.REFUSED):
            pass  # the outcome at the door is recorded here and sent to the CRM, not taken from it
        else:
            order.status = status
            changed = True
    when = (data.delivery_date, data.window_start, data.window_end)
    if when != (order.delivery_date, order.window_start, order.window_end):
        if on_route:
            conflict("delivery", f"заказ №{order.number}: в CRM новая дата или окно доставки "
                                 f"({data.delivery_date} {data.window_start}–{data.window_end}), а он в опубликованном маршруте")
        else:
            _set_delivery(order, data)
            changed = True
    elif data.address and data.address != order.address and not on_route:
        order.address, order.lat, order.lon = data.address, None, None
        changed = True
    new_lines = [(line.name, line.quantity_milli, line.price) for line in data.lines]
    if new_lines != [(line.name, line.quantity_milli, line.price) for line in order.lines]:
        if paid or on_route or not order.status.is_open:
            conflict("lines", f"заказ №{order.number}: в CRM изменён состав, а по заказу уже "
                              f"{'есть оплата' if paid else 'маршрут'} — проверьте и поправьте вручную")
        else:
            order.lines.clear()
            session.flush()
            order.lines = _lines(data)
            order.total = sum(line.amount for line in order.lines)
            order.weight_g = data.weight_g
            changed = True
    if changed:
        result.updated += 1


def _insert_new(session: Session, customers: dict[str, Customer], new_customers: dict[str, dict],
                new_orders: list[tuple[OrderData, OrderStatus, str]]) -> None:
    """New customers, orders and lines written set-wise (a first pull brings thousands)."""
    ids = {crm_id: c.id for crm_id, c in customers.items()}
    if new_customers:
        rows = session.execute(insert(Customer).returning(Customer.id, Customer.crm_id), list(new_customers.values()))
        ids.update((crm_id, cid) for cid, crm_id in rows)
    if not new_orders:
        return
    order_rows = [{
        "number": number, "customer_id": ids[data.customer_crm_id], "status": status, "crm_id": data.crm_id,
        "total": sum(line.amount for line in data.lines), "delivery_date": data.delivery_date,
        "window_start": data.window_start, "window_end": data.window_end, "address": data.address,
        "weight_g": data.weight_g, "contact_phone": data.phone, "comment": data.comment,
        "onec_id": _onec_key(session, data.external_id),
    } for data, status, number in new_orders]
    order_ids = dict((crm_id, oid) for oid, crm_id in session.execute(
        insert(Order).returning(Order.id, Order.crm_id), order_rows))
    lines = [{"order_id": order_ids[data.crm_id], "line_no": n, "name": line.name,
              "quantity_milli": line.quantity_milli, "price": line.price, "amount": line.amount,
              "vat_rate": VatRate.VAT22, "payment_subject": PaymentSubject.GOODS}
             for data, _status, _number in new_orders for n, line in enumerate(data.lines, start=1)]
    if lines:
        session.execute(insert(OrderLine), lines)


def _onec_key(session: Session, external_id: str | None) -> str | None:
    """The CRM's externalId, when it is a GUID, is the 1C order's Ref_Key (RetailCRM's 1C exchange sets it so)."""
    try:
        key = str(uuid.UUID(str(external_id))) if external_id else None
    except ValueError:
        return None
    if key and session.scalar(select(Order.id).where(Order.onec_id == key)) is not None:
        return None
    return key


def _set_delivery(order: Order, data: OrderData) -> None:
    order.delivery_date, order.window_start, order.window_end = data.delivery_date, data.window_start, data.window_end
    if data.address != order.address:
        order.address, order.lat, order.lon = data.address, None, None
    order.weight_g = data.weight_g
    order.contact_phone = data.phone
    order.comment = data.comment


def _lines(data: OrderData) -> list[OrderLine]:
    return [OrderLine(line_no=n, name=line.name, quantity_milli=line.quantity_milli, price=line.price,
                      amount=line.amount, vat_rate=VatRate.VAT22, payment_subject=PaymentSubject.GOODS)
            for n, line in enumerate(data.lines, start=1)]


def _free_number(session: Session, number: str, taken: dict[str, Order | None]) -> str:
    n = 1
    while True:
        n += 1
        candidate = f"{number}-{n}"[:32]
        if candidate not in taken and session.scalar(select(Order.id).where(Order.number == candidate)) is None:
            return candidate


def _on_published_routes(session: Session, order_ids: list[int]) -> set[int]:
    if not order_ids:
        return set()
    return set(session.scalars(select(Stop.order_id).join(Route, Route.id == Stop.route_id)
                               .where(Stop.order_id.in_(order_ids), Route.status == RouteStatus.PUBLISHED)))


def _paid(session: Session, order_ids: list[int]) -> dict[int, int]:
    if not order_ids:
        return {}
    rows = session.execute(select(Allocation.order_id, func.sum(Allocation.amount))
                           .where(Allocation.order_id.in_(order_ids)).group_by(Allocation.order_id))
    return {oid: int(total) for oid, total in rows if total}
