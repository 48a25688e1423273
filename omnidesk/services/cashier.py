"""What the Cashier page reads: search hits, a customer with orders and receipts, drivers, the handover.

The driver handover is read from payments with source «driver» (what drivers collected and
handed in) and from the routes' delivery stops (what they were to collect).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from omnidesk.core.door_money import route_to_collect
from omnidesk.core.enums import CustomerKind, PaymentKind, ReceiptStatus, StopKind
from omnidesk.core.errors import InvalidInput, NotFound
from omnidesk.persistence.models import CashHandover, Customer, Driver, Payment, Receipt, ReceiptLink, Route, Stop
from omnidesk.services import audit
from omnidesk.services import orders as order_service
from omnidesk.services.auth import Actor, permit
from omnidesk.services.customers import customer_card
from omnidesk.services.dto import CustomerCard, OrderRow
from omnidesk.services.ledger import AllocationView, allocations_of_customer
from omnidesk.services.receipts import ReceiptView, list_receipts
from omnidesk.services.uow import Database


@dataclass(frozen=True)
class SearchHit:
    """A customer, or one of their orders, as the search box offers it."""

    customer_id: int
    customer_name: str
    kind: CustomerKind
    order_number: str | None
    phone: str | None
    inn: str | None
    due: int
    key: str  # lower-case words the search matches


@dataclass(frozen=True)
class CustomerView:
    card: CustomerCard
    orders: tuple[OrderRow, ...]  # every order of the customer, open ones first
    receipts: tuple[ReceiptView, ...]
    allocations: tuple[AllocationView, ...] = ()  # money applied to orders, for undoing or moving
    paid_by: PaymentKind | None = None  # how the customer last paid: money goes back the same way


@dataclass(frozen=True)
class HandoverRow:
    driver: str
    route: str  # "" when the money is not tied to a route
    stops: int
    expected: int  # money the stops' customers had to pay at the door
    cash: int  # collected at the doors: cash (recorded with the delivery outcomes)
    card: int  # collected at the doors: card and SBP
    handed_cash: int = 0  # counted by the cashier
    handed_card: int = 0  # card and SBP slips handed in
    driver_id: int | None = None
    route_id: int | None = None
    # door money by what the driver's register shows (handover read-register): receipts read back and
    # matched, not read yet, and missing or wrong (owed as corrections at the office)
    door_read: int = 0
    door_unread: int = 0
    door_missing: int = 0

    @property
    def difference(self) -> int:
        """Positive: less handed in than the stops had to pay (or than was collected, without a route)."""
        owed = self.expected if self.stops else self.cash + self.card
        return owed - self.handed_cash - self.handed_card


def _key(*words: str | None) -> str:
    return " ".join(w for w in words if w).lower()


def search_hits(db: Database) -> list[SearchHit]:
    rows = order_service.list_orders(db)
    with db.read() as session:
        customers = session.scalars(select(Customer).order_by(Customer.name)).all()
        hits = {c.id: (c.name, c.kind, c.phone, c.inn) for c in customers}
    due: dict[int, int] = {}
    for row in rows:
        if row.status.is_open:
            due[row.customer_id] = due.get(row.customer_id, 0) + row.due
    result = [
        SearchHit(cid, name, kind, None, phone, inn, due.get(cid, 0), _key(name, phone, (phone or "")[2:], inn))
        for cid, (name, kind, phone, inn) in hits.items()
    ]
    result += [
        SearchHit(r.customer_id, r.customer_name, r.customer_kind, r.number, r.customer_phone, r.customer_inn, r.due,
                  _key(r.number, r.customer_name, r.customer_phone, r.customer_inn))
        for r in rows if r.status.is_open or r.paid
    ]
    return result


def load_customer(db: Database, customer_id: int) -> CustomerView:
    card = customer_card(db, customer_id)
    with db.read() as session:
        orders = order_service.list_orders_of(session, customer_id)
        paid_by = session.scalar(select(Payment.kind).where(Payment.customer_id == customer_id, Payment.amount > 0)
                                 .order_by(Payment.received_at.desc(), Payment.id.desc()).limit(1))
    orders.sort(key=lambda r: (not r.status.is_open, r.delivery_date or dt.date.min, r.number))
    allocations = tuple(allocations_of_customer(db, customer_id))
    return CustomerView(card, tuple(orders), tuple(list_receipts(db, customer_id=customer_id)), allocations, paid_by)


def fiscal_journal(db: Database) -> list[ReceiptView]:
    """Receipts the register has seen or refused: printed, failed and pending, newest first."""
    statuses = (ReceiptStatus.PRINTED, ReceiptStatus.FAILED, ReceiptStatus.PENDING)
    return list(reversed(list_receipts(db, statuses=statuses)))


def owed_receipts(db: Database) -> list[ReceiptView]:
    return [r for r in list_receipts(db, owed_only=True) if r.status is not ReceiptStatus.PENDING]


def drivers(db: Database) -> list[tuple[int, str]]:
    with db.read() as session:
        return [(d.id, d.name) for d in session.scalars(select(Driver).where(Driver.active).order_by(Driver.name))]


def handover(db: Database, day: dt.date) -> list[HandoverRow]:
    """Per driver and route of ``day``: money expected at the stops, collected, and handed in."""
    start, end = dt.datetime.combine(day, dt.time()), dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    with db.read() as session:
        names = {d.id: d.name for d in session.scalars(select(Driver))}
        payments = session.execute(select(Payment.driver_id, Payment.route_id, Payment.kind, Payment.amount).where(
            Payment.source == "driver", Payment.received_at >= start, Payment.received_at < end)).all()
        handed = session.execute(select(CashHandover.driver_id, CashHandover.route_id, CashHandover.cash,
                                        CashHandover.card).where(CashHandover.day == day)).all()
        routes = session.scalars(select(Route).where(Route.date == day)).all()
        stops = {r.id: [(s.kind, s.order_id) for s in session.scalars(select(Stop).where(Stop.route_id == r.id))
                        if s.order_id is not None] for r in routes}
        route_driver = {r.id: r.driver_id for r in routes}
    rows = order_service.list_orders(db, date=day)
    by_order = {r.id: r for r in rows}
    table: dict[tuple, list[int]] = {}
    for route_id, route_stops in stops.items():
        doors = sum(1 for kind, _order in route_stops if kind is not StopKind.PICKUP)
        table[(route_driver[route_id], route_id)] = [doors, 0, 0, 0, 0, 0]
    for driver_id, route_id, kind, amount in payments:
        entry = table.setdefault((driver_id, route_id), [0, 0, 0, 0, 0, 0])
        entry[2 if kind.is_cash else 3] += amount
    for driver_id, route_id, cash, card in handed:
        entry = table.setdefault((driver_id, route_id), [0, 0, 0, 0, 0, 0])
        entry[4] += cash
        entry[5] += card
    for (_driver_id, route_id), entry in table.items():
        collected = entry[2] + entry[3]
        # what the route sheet says to collect (one rule: core.door_money), kept whole as money comes in
        entry[1] = route_to_collect((kind, by_order[o].due) for kind, o in stops.get(route_id, []) if o in by_order) \
            + collected
    door = _door_money(db, start, end)
    return [
        HandoverRow(names.get(driver_id, ""), f"№{route_id}" if route_id else "", *entry, driver_id=driver_id,
                    route_id=route_id, **door.get((driver_id, route_id), {}))
        for (driver_id, route_id), entry in sorted(table.items(), key=lambda kv: (names.get(kv[0][0], ""), kv[0][1] or 0))
    ]


def _door_money(db: Database, start: dt.datetime, end: dt.datetime) -> dict[tuple, dict[str, int]]:
    """Per (driver, route): the money of door receipts by their reading from the driver's register."""
    query = (select(Payment.driver_id, Payment.route_id, Receipt.door_status, Receipt.status,
                    Receipt.cash + Receipt.electronic)
             .join(ReceiptLink, ReceiptLink.payment_id == Payment.id).join(Receipt, Receipt.id == ReceiptLink.receipt_id)
             .where(Receipt.door_driver_id.is_not(None), Payment.source == "driver", Payment.received_at >= start,
                    Payment.received_at < end))
    out: dict[tuple, dict[str, int]] = {}
    with db.read() as session:
        for driver_id, route_id, door_status, _status, money in session.execute(query):
            field = {"matched": "door_read", None: "door_unread"}.get(door_status, "door_missing")
            entry = out.setdefault((driver_id, route_id), {"door_read": 0, "door_unread": 0, "door_missing": 0})
            entry[field] += int(money)
    return out


def record_handover(db: Database, actor: Actor, *, day: dt.date, driver_id: int, cash: int, card: int,
                    route_id: int | None = None, note: str = "") -> list[HandoverRow]:
    """The cashier counts what a driver hands in; returns the day's handover table."""
    permit(actor, "handover.receive")
    if cash < 0 or card < 0 or cash + card == 0:
        raise InvalidInput("укажите, сколько водитель сдал наличными и картой")
    with db.unit_of_work() as session:
        if session.get(Driver, driver_id) is None:
            raise NotFound(f"водитель {driver_id} не найден")
        entry = CashHandover(day=day, driver_id=driver_id, route_id=route_id, cash=cash, card=card,
                             received_by=actor.author, note=note)
        session.add(entry)
        session.flush()
        audit.record(session, actor.author, "handover.receive", "cash_handover", entry.id, driver=driver_id,
                     route=route_id, cash=cash, card=card, day=day)
    return handover(db, day)
