"""Planning service on SQLite and PostgreSQL: the demo day, exclusions, pin/lock/move/publish, conflicts."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from omnidesk.core.enums import OrderStatus, Role, RouteStatus, StopKind
from omnidesk.core.errors import Conflict, Forbidden, InvalidInput
from omnidesk.persistence.models import Order, Route, Stop
from omnidesk.services import planning
from omnidesk.services.auth import Actor

DAY = dt.date(2026, 3, 10)
TOMORROW = DAY + dt.timedelta(days=1)
LOGIST = Actor("логист", Role.LOGIST)
ITERATIONS = 300


def planned(db, date=DAY, **kwargs):
    return planning.plan_day(db, LOGIST, date, time_limit=20, max_iterations=ITERATIONS, **kwargs)


def test_demo_day_plan_passes_the_validator_and_is_saved(demo_db):
    draft = planned(demo_db)
    summary = draft.summary()
    assert draft.report.feasible and draft.verdict == ()
    assert summary.unassigned == 0 and 1 <= summary.vans_used <= 6
    assert summary.stops == len(draft.problem.orders) + sum(1 for o in draft.problem.orders if o.pickup)
    with demo_db.read() as s:
        routes = s.scalars(select(Route).where(Route.date == DAY)).all()
        assert len(routes) == summary.vans_used and all(r.status is RouteStatus.DRAFT for r in routes)
        stops = s.scalars(select(Stop)).all()
        assert len(stops) == summary.stops and all(stop.planned_arrival for stop in stops)
        assert sum(r.distance_m for r in routes) == summary.distance_m
        pickups = [stop for stop in stops if stop.kind is StopKind.PICKUP]
        assert pickups and all(stop.depot_id for stop in pickups)
    again = planning.load_draft(demo_db, DAY)
    assert again.plan.routes == draft.plan.routes and again.verdict == ()


def test_orders_not_ready_or_without_coordinates_are_reported_never_placed(demo_db):
    with demo_db.unit_of_work() as s:
        order = s.scalar(select(Order).where(Order.delivery_date == DAY).order_by(Order.number))
        order.lat = order.lon = None
        lost = order.number
    draft = planned(demo_db, TOMORROW)
    statuses = {o.number: o.status for o in draft.records.orders}
    excluded = {item.order: item.reason for item in draft.excluded}
    not_ready = [n for n, status in statuses.items() if status not in planning.PLANNABLE_STATUSES]
    assert not_ready and set(not_ready) == set(excluded)
    assert all("только собранные" in excluded[n] for n in not_ready)
    assert {o.id for o in draft.problem.orders} == {n for n, st in statuses.items() if st is OrderStatus.READY}
    today = planning.load_draft(demo_db, DAY)
    assert "нет координат" in {i.order: i.reason for i in today.excluded}[lost]
    assert lost not in today.problem.orders_by_id
    assert all(location.lat and location.lon for location in today.problem.locations)


def test_pin_lock_move_and_publish(demo_db):
    draft = planned(demo_db)
    used = [route for route in draft.plan.routes if len(route.stops) >= 2]
    first = used[0]
    shift = draft.problem.vehicles_by_id[first.vehicle].shift
    other = next(r for r in draft.plan.routes if r.vehicle != first.vehicle
                 and draft.problem.vehicles_by_id[r.vehicle].shift == shift)
    order = next(s.order for s in first.stops if not draft.problem.order(s.order).pickup)
    pinned = planning.pin_order(demo_db, LOGIST, draft, order, int(other.vehicle))
    assert pinned.vehicle_of(order) == other.vehicle
    assert pinned.problem.order(order).pinned_vehicle == other.vehicle
    moved = planning.move_stop(demo_db, LOGIST, pinned, order, int(first.vehicle), 0)
    assert moved.vehicle_of(order) == first.vehicle
    assert any("закреплён за машиной" in text for text in moved.verdict)  # the validator's word on it
    back = planning.move_stop(demo_db, LOGIST, moved, order, int(other.vehicle))
    assert not any("закреплён" in text for text in back.verdict)
    locked = planning.lock_route(demo_db, LOGIST, back, int(first.vehicle), 2)
    head = locked.route(first.vehicle).stops[:2]
    with pytest.raises(InvalidInput, match="закреплённом"):
        locked.moved(next(s for s in head if not s.is_pickup) if any(not s.is_pickup for s in head) else head[0],
                     other.vehicle)
    again = planning.optimise(locked, 20, keep_locks=True, max_iterations=ITERATIONS)
    assert again.route(first.vehicle).stops[:2] == head and again.vehicle_of(order) == other.vehicle
    saved = planning.save(demo_db, LOGIST, again)
    count, published = planning.publish_day(demo_db, LOGIST, saved)
    assert count == saved.summary().vans_used
    with demo_db.read() as s:
        assert {r.status for r in s.scalars(select(Route).where(Route.date == DAY))} == {RouteStatus.PUBLISHED}
        assert all(stop.locked for stop in s.scalars(select(Stop).join(Route).where(
            Route.driver_id == int(first.vehicle))).all()[:2])
    assert published.route(first.vehicle).locked == len(published.route(first.vehicle).stops)


def test_a_conflicting_edit_from_another_workstation_is_refused(demo_db):
    draft = planned(demo_db)
    here = planning.load_draft(demo_db, DAY)
    there = planning.load_draft(demo_db, DAY)
    route = next(route for route in here.plan.routes if route.stops)
    stop = next(s for s in route.stops if not s.is_pickup)
    planning.move_stop(demo_db, LOGIST, there, stop.order, None)
    with pytest.raises(Conflict, match="другом рабочем месте"):
        planning.move_stop(demo_db, LOGIST, here, stop.order, int(route.vehicle), 0)
    assert draft.summary().vans_used >= 1


def test_carrier_handover_carries_carrier_and_track_number(demo_db):
    draft = planned(demo_db)
    order = next(s.order for r in draft.plan.routes for s in r.stops if not s.is_pickup)
    planning.set_carrier(demo_db, LOGIST, order, "СДЭК", "1234567890")
    again = planning.load_draft(demo_db, DAY)
    assert again.problem.order(order).kind is StopKind.CARRIER
    with demo_db.read() as s:
        stop = s.scalar(select(Stop).join(Order).where(Order.number == order, Stop.kind != StopKind.PICKUP))
        assert (stop.kind, stop.carrier, stop.track_number) == (StopKind.CARRIER, "СДЭК", "1234567890")


def test_only_a_logist_plans(demo_db):
    with pytest.raises(Forbidden):
        planning.plan_day(demo_db, Actor("кассир", Role.CASHIER), DAY, time_limit=1, max_iterations=10)
