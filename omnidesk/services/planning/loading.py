"""Read one day from the database: orders, drivers with vans, depots and the saved routes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from omnidesk.core.enums import DepotKind, OrderStatus
from omnidesk.persistence.models import Depot, Driver, Order, Route
from omnidesk.persistence.models.planning import OrderPlanning

from ..orders import list_orders
from ..uow import Database
from .views import DepotInfo, DriverInfo, ItemInfo, OrderInfo


@dataclass(frozen=True)
class SavedStop:
    order: str
    is_pickup: bool
    locked: bool
    carrier: str | None
    track_number: str | None


@dataclass(frozen=True)
class SavedRoute:
    id: int
    driver_id: int
    version: int
    status: str
    stops: tuple[SavedStop, ...]


@dataclass(frozen=True)
class DayRecords:
    """Everything the planner reads for a date, detached from the session."""

    date: dt.date
    orders: tuple[OrderInfo, ...]
    drivers: tuple[DriverInfo, ...]
    depots: tuple[DepotInfo, ...]
    routes: tuple[SavedRoute, ...]
    pins: dict[str, int] = field(default_factory=dict)  # order number → driver id
    fallback_depot: tuple[str, float, float] | None = None


def read_day(db: Database, date: dt.date, fallback_depot: tuple[str, float, float] | None = None) -> DayRecords:
    due = {row.id: row.due for row in list_orders(db, date=date)}
    with db.read() as session:
        orders = _orders(session, date, due)
    orders = _with_door_receipts(db, orders)
    with db.read() as session:
        drivers = _drivers(session, date)
        depots = _depots(session)
        routes = _routes(session, date, {order.id: order.number for order in orders})
        pins = _pins(session, orders)
    return DayRecords(date, orders, drivers, depots, routes, pins, fallback_depot)


def _orders(session: Session, date: dt.date, due: dict[int, int]) -> tuple[OrderInfo, ...]:
    query = (select(Order).where(Order.delivery_date == date)
             .options(selectinload(Order.lines), selectinload(Order.customer), selectinload(Order.supplier_depot))
             .order_by(Order.window_start, Order.number))
    settings = {row.order_id: row for row in session.scalars(select(OrderPlanning))}
    infos = []
    for order in session.scalars(query):
        if order.status in (OrderStatus.CANCELLED, OrderStatus.DELIVERED, OrderStatus.REFUSED,
                            OrderStatus.PARTIALLY_DELIVERED):
            continue
        depot = order.supplier_depot
        extra = settings.get(order.id)
        infos.append(OrderInfo(
            order.id, order.number, order.customer.name, order.contact_phone or order.customer.phone or "",
            order.address, order.status, order.window_start, order.window_end, order.weight_g, order.volume_cm3,
            due.get(order.id, 0), order.lat, order.lon, order.supplier_depot_id,
            depot.name if depot else "", depot.address if depot else "",
            tuple(ItemInfo(line.name, line.quantity_milli, line.unit) for line in order.lines),
            extra.carrier if extra else None, extra.track_number if extra else None,
        ))
    return tuple(infos)


def _with_door_receipts(db: Database, orders: tuple[OrderInfo, ...]) -> tuple[OrderInfo, ...]:
    """Hook: each delivery's door receipt (services.door) for the route sheet."""
    from ..door import door_texts

    texts = door_texts(db, [order.id for order in orders if not order.is_carrier])
    return tuple(replace(order, door_receipt=texts.get(order.id, ())) for order in orders)


def _drivers(session: Session, date: dt.date) -> tuple[DriverInfo, ...]:
    routes = {route.driver_id: route for route in session.scalars(select(Route).where(Route.date == date))}
    query = (select(Driver).where(Driver.active.is_(True), Driver.vehicle_id.is_not(None))
             .options(selectinload(Driver.vehicle)).order_by(Driver.id))
    drivers = []
    for driver in session.scalars(query):
        van = driver.vehicle
        route = routes.get(driver.id)
        drivers.append(DriverInfo(
            driver.id, driver.name, driver.phone or "", van.id, van.plate, van.model, van.capacity_kg,
            van.capacity_dm3, driver.shift_start, driver.shift_end, route.id if route else None,
            route.version if route else None, route.status if route else None,
        ))
    return tuple(drivers)


def _depots(session: Session) -> tuple[DepotInfo, ...]:
    return tuple(
        DepotInfo(depot.id, f"{'W' if depot.kind is DepotKind.OWN else 'S'}{depot.id}", depot.name, depot.address,
                  depot.lat, depot.lon, depot.kind is DepotKind.OWN, depot.open_from, depot.open_to)
        for depot in session.scalars(select(Depot).order_by(Depot.id))
        if depot.lat is not None and depot.lon is not None
    )


def _routes(session: Session, date: dt.date, numbers: dict[int, str]) -> tuple[SavedRoute, ...]:
    query = select(Route).where(Route.date == date).options(selectinload(Route.stops)).order_by(Route.id)
    saved = []
    for route in session.scalars(query):
        stops = tuple(SavedStop(numbers[stop.order_id], stop.kind.value == "pickup", stop.locked, stop.carrier,
                                stop.track_number)
                      for stop in route.stops if stop.order_id in numbers)
        saved.append(SavedRoute(route.id, route.driver_id, route.version, route.status.value, stops))
    return tuple(saved)


def _pins(session: Session, orders: tuple[OrderInfo, ...]) -> dict[str, int]:
    by_id = {order.id: order.number for order in orders}
    rows = session.scalars(select(OrderPlanning).where(OrderPlanning.pinned_driver_id.is_not(None)))
    return {by_id[row.order_id]: row.pinned_driver_id for row in rows if row.order_id in by_id}
