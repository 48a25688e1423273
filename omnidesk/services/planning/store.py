"""Save a day's draft as routes with stops (optimistic locking per route), publish, pin, carriers."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from omnidesk.core.enums import RouteStatus, StopKind
from omnidesk.core.errors import Conflict, InvalidInput, NotFound
from omnidesk.core.routing import RouteReport
from omnidesk.persistence.models import Order, Route, Stop
from omnidesk.persistence.models.planning import OrderPlanning

from .. import audit
from ..auth import Actor, permit
from ..sync import outbox
from ..uow import Database
from .draft import DayDraft


def save_draft(db: Database, actor: Actor, draft: DayDraft) -> None:
    """Write every van's route of the draft; a route changed elsewhere since it was read is a Conflict."""
    permit(actor, "routes.save")
    ids = {info.number: info.id for info in draft.records.orders}
    with db.unit_of_work() as session:
        current = _routes_by_driver(session, draft.records.date)
        for route in draft.plan.routes:
            driver = draft.drivers[route.vehicle]
            saved = current.get(driver.id)
            _check_version(driver, saved)
            report = draft.route_report(route.vehicle)
            if not route.stops:
                if saved is not None and saved.status is RouteStatus.DRAFT:
                    session.delete(saved)
                continue
            if saved is None:
                saved = Route(date=draft.records.date, driver_id=driver.id, vehicle_id=driver.vehicle_id)
                session.add(saved)
            _write_route(session, saved, draft, route.locked, report, ids)
        audit.record(session, actor.author, "routes.save", "routes", None, date=str(draft.records.date),
                     routes=len(draft.plan.used_routes), summary=str(draft.summary()))


def _routes_by_driver(session: Session, date: dt.date) -> dict[int, Route]:
    query = select(Route).where(Route.date == date).options(selectinload(Route.stops), selectinload(Route.driver))
    return {route.driver_id: route for route in session.scalars(query)}


def _check_version(driver, saved: Route | None) -> None:
    known = driver.route_id, driver.route_version
    now = (saved.id, saved.version) if saved is not None else (None, None)
    if known != now:
        raise Conflict(f"маршрут водителя {driver.name} уже изменён на другом рабочем месте — "
                       "обновите план и повторите правку")


def _write_route(session: Session, saved: Route, draft: DayDraft, locked: int, report: RouteReport,
                 ids: dict[str, int]) -> None:
    depots = {depot.key: depot for depot in draft.depots.values()}
    own = next(depot for depot in depots.values() if depot.own)
    new = []
    for seq, stop in enumerate(report.stops, start=1):
        info = draft.orders[stop.stop.order]
        kind = StopKind.PICKUP if stop.stop.is_pickup else info.stop_kind
        new.append(Stop(seq=seq, kind=kind, order_id=ids[info.number],
                        depot_id=info.supplier_depot_id if stop.stop.is_pickup else None,
                        planned_arrival=stop.arrival, locked=seq <= locked,
                        carrier=info.carrier if kind is StopKind.CARRIER else None,
                        track_number=info.track_number if kind is StopKind.CARRIER else None))
    changed = [(s.order_id, s.kind, s.locked) for s in saved.stops] != [(s.order_id, s.kind, s.locked) for s in new]
    if saved.stops:
        saved.stops.clear()
        session.flush()
    saved.stops = new
    saved.depot_id = own.id or None
    saved.distance_m = report.distance
    saved.duration_s = report.duration
    if changed and saved.status is RouteStatus.PUBLISHED:
        saved.status = RouteStatus.DRAFT  # the drivers have an older version: publish again
    flag_modified(saved, "distance_m")  # a new version even when only the stops changed


def publish(db: Database, actor: Actor, draft: DayDraft) -> int:
    """Drafts with stops become the drivers' work; a plan the validator rejects is not published."""
    permit(actor, "routes.publish")
    if draft.verdict:
        raise InvalidInput("план не проходит проверку: " + "; ".join(draft.verdict[:5]))
    published = 0
    with db.unit_of_work() as session:
        current = _routes_by_driver(session, draft.records.date)
        for route in draft.plan.used_routes:
            driver = draft.drivers[route.vehicle]
            saved = current.get(driver.id)
            _check_version(driver, saved)
            if saved is None:
                raise InvalidInput(f"маршрут водителя {driver.name} не сохранён — сохраните план")
            if saved.status is RouteStatus.DRAFT:
                saved.status = RouteStatus.PUBLISHED
                outbox.route_published(session, saved)
                published += 1
        audit.record(session, actor.author, "routes.publish", "routes", None, date=str(draft.records.date),
                     published=published)
    return published


def set_pin(db: Database, actor: Actor, order_number: str, driver_id: int | None) -> None:
    """Pin an order to a driver (None: any driver may take it)."""
    permit(actor, "order.pin")
    with db.unit_of_work() as session:
        row = _planning_row(session, order_number)
        row.pinned_driver_id = driver_id
        row.updated_by = actor.author
        audit.record(session, actor.author, "order.pin", "order", row.order_id, driver_id=driver_id)


def set_carrier(db: Database, actor: Actor, order_number: str, carrier: str | None, track_number: str | None) -> None:
    """Hand an order over to a transport company (the stop is at its terminal, the order's address)."""
    permit(actor, "order.carrier")
    carrier = (carrier or "").strip() or None
    if carrier is None and track_number:
        raise InvalidInput("трек-номер без транспортной компании")
    with db.unit_of_work() as session:
        row = _planning_row(session, order_number)
        row.carrier, row.track_number = carrier, (track_number or "").strip() or None
        row.updated_by = actor.author
        for stop in session.scalars(select(Stop).where(Stop.order_id == row.order_id, Stop.kind != StopKind.PICKUP)):
            stop.kind = StopKind.CARRIER if carrier else StopKind.DELIVERY
            stop.carrier, stop.track_number = row.carrier, row.track_number
        if carrier:
            outbox.handed_to_carrier(session, session.get(Order, row.order_id), carrier, row.track_number)
        audit.record(session, actor.author, "order.carrier", "order", row.order_id, carrier=carrier,
                     track_number=row.track_number)


def _planning_row(session: Session, number: str) -> OrderPlanning:
    order = session.scalar(select(Order).where(Order.number == number.strip().lstrip("№")))
    if order is None:
        raise NotFound(f"заказ №{number} не найден")
    row = session.get(OrderPlanning, order.id)
    if row is None:
        row = OrderPlanning(order_id=order.id)
        session.add(row)
    return row
