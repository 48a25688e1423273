"""A day's plan being edited: the Problem, the routes, and edits that keep the validator's verdict.

Pure: nothing here touches the database, so the UI can apply a drag and drop and show the
validator's verdict at once, and save in the background.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from omnidesk.core.errors import InvalidInput
from omnidesk.core.routing import (
    Plan,
    PlanReport,
    Problem,
    Route,
    RouteLock,
    RouteReport,
    StopRef,
    Unassigned,
    validate_plan,
    validate_route,
)

from .loading import DayRecords
from .views import DaySummary, DepotInfo, DriverInfo, Excluded, OrderInfo


def not_planned_yet() -> str:
    return "ещё не в маршруте"


def taken_off_by_hand() -> str:
    return "снят с маршрута вручную"


@dataclass(frozen=True)
class DayDraft:
    records: DayRecords
    problem: Problem
    plan: Plan
    excluded: tuple[Excluded, ...]
    depots: dict[str, DepotInfo] = field(default_factory=dict)

    # --- what the plan looks like --------------------------------------------------------
    @cached_property
    def report(self) -> PlanReport:
        return validate_plan(self.problem, self.plan)

    @cached_property
    def orders(self) -> dict[str, OrderInfo]:
        return {order.number: order for order in self.records.orders}

    @cached_property
    def drivers(self) -> dict[str, DriverInfo]:
        return {driver.key: driver for driver in self.records.drivers}

    def route(self, vehicle: str) -> Route:
        route = self.plan.route_of(vehicle)
        if route is None:
            raise InvalidInput(f"нет водителя {vehicle} в плане дня")
        return route

    def route_report(self, vehicle: str) -> RouteReport:
        return next(report for report in self.report.routes if report.vehicle == vehicle)

    @property
    def verdict(self) -> tuple[str, ...]:
        """The validator's violations in words; empty when the plan is valid."""
        return tuple(violation.text if violation.order is None else f"№{violation.order}: {violation.text}"
                     for violation in self.report.violations)

    def summary(self) -> DaySummary:
        used = [report for report in self.report.routes if report.stops]
        return DaySummary(self.records.date, len(used), sum(r.distance for r in used),
                          sum(r.duration for r in used), sum(len(r.stops) for r in used),
                          len(self.plan.unassigned) + len(self.excluded), self.report.feasible)

    def vehicle_of(self, order: str) -> str | None:
        return next((route.vehicle for route in self.plan.routes if any(s.order == order for s in route.stops)),
                    None)

    # --- edits -----------------------------------------------------------------------------
    def with_plan(self, plan: Plan) -> DayDraft:
        """The solver's plan, with a route (maybe empty) for every van."""
        routes = {route.vehicle: route for route in plan.routes}
        full = tuple(routes.get(vehicle.id, Route(vehicle.id, ())) for vehicle in self.problem.vehicles)
        return replace(self, plan=Plan(full, plan.unassigned, plan.stats))

    def moved(self, stop: StopRef | str, vehicle: str | None, position: int | None = None) -> DayDraft:
        """Put a stop on a van's route at `position` (the end when None), or take its order off (vehicle None).

        `position` counts the route's stops once the moved stop is taken out of it.

        Moving a supplier order's delivery to another van takes its pickup along, placed where it
        costs least before the delivery; moving a pickup after its delivery moves the delivery too.
        """
        stop = StopRef.parse(stop) if isinstance(stop, str) else stop
        if stop.order not in self.problem.orders_by_id:
            raise InvalidInput(f"заказа №{stop.order} нет среди заказов, которые можно планировать")
        source = self.vehicle_of(stop.order)
        if source is not None:
            self._check_unlocked(source, stop.order)
        if vehicle is None:
            return self._off_routes(stop.order, taken_off_by_hand())
        target = self.route(vehicle)
        order = self.problem.order(stop.order)
        same = source == vehicle
        only_this = same and order.pickup is not None  # a pickup or delivery moved within its route
        kept = [s for s in target.stops if s.order != stop.order or (only_this and s != stop)]
        at = len(kept) if position is None else max(target.locked, min(position, len(kept)))
        kept.insert(at, stop)
        kept = self._pair(kept, stop, at, vehicle)
        return self._with_route(replace(target, stops=tuple(kept)), stop.order, source if not same else None)

    def pinned(self, order: str, vehicle: str | None) -> DayDraft:
        """Pin an order to a van (or unpin with None); a pinned order is moved onto that van's route."""
        if order not in self.problem.orders_by_id:
            raise InvalidInput(f"заказа №{order} нет среди заказов, которые можно планировать")
        if vehicle is not None:
            self.route(vehicle)
        orders = tuple(replace(o, pinned_vehicle=vehicle) if o.id == order else o for o in self.problem.orders)
        draft = replace(self, problem=replace(self.problem, orders=orders))
        if vehicle is not None and self.vehicle_of(order) != vehicle:
            draft = draft.moved(StopRef(order), vehicle)
        return draft

    def locked(self, vehicle: str, count: int) -> DayDraft:
        """Fix the first `count` stops of a van's route (0 unlocks it)."""
        route = self.route(vehicle)
        if not 0 <= count <= len(route.stops):
            raise InvalidInput(f"в маршруте {len(route.stops)} остановок, нельзя закрепить {count}")
        route = replace(route, locked=count)
        locks = tuple(lock for lock in self.problem.locks if lock.vehicle != vehicle)
        if count:
            locks += (RouteLock(vehicle, route.stops[:count]),)
        problem = replace(self.problem, locks=locks)
        routes = tuple(route if r.vehicle == vehicle else r for r in self.plan.routes)
        return replace(self, problem=problem, plan=replace(self.plan, routes=routes))

    def unlocked(self) -> DayDraft:
        """Every lock released except routes already published (they stay as the drivers have them)."""
        draft = self
        for route in self.plan.routes:
            driver = self.drivers[route.vehicle]
            if route.locked and (driver.route_status is None or driver.route_status.value == "draft"):
                draft = draft.locked(route.vehicle, 0)
        return draft

    # --- helpers ---------------------------------------------------------------------------
    def _check_unlocked(self, vehicle: str, order: str) -> None:
        route = self.route(vehicle)
        if any(s.order == order for s in route.stops[: route.locked]):
            raise InvalidInput(f"заказ №{order} в закреплённом начале маршрута — сначала снимите закрепление")

    def _off_routes(self, order: str, reason: str) -> DayDraft:
        routes = tuple(replace(r, stops=tuple(s for s in r.stops if s.order != order)) for r in self.plan.routes)
        unassigned = (*[u for u in self.plan.unassigned if u.order != order], Unassigned(order, reason))
        return replace(self, plan=replace(self.plan, routes=routes, unassigned=unassigned))

    def _with_route(self, route: Route, order: str, source: str | None) -> DayDraft:
        routes = []
        for r in self.plan.routes:
            if r.vehicle == route.vehicle:
                routes.append(route)
            elif r.vehicle == source or any(s.order == order for s in r.stops):
                routes.append(replace(r, stops=tuple(s for s in r.stops if s.order != order)))
            else:
                routes.append(r)
        unassigned = tuple(u for u in self.plan.unassigned if u.order != order)
        return replace(self, plan=replace(self.plan, routes=tuple(routes), unassigned=unassigned))

    def _pair(self, stops: list[StopRef], moved: StopRef, at: int, vehicle: str) -> list[StopRef]:
        """Keep a supplier order's pickup before its delivery on the same route."""
        order = self.problem.order(moved.order)
        if order.pickup is None:
            return stops
        partner = StopRef(moved.order, not moved.is_pickup)
        where = stops.index(partner) if partner in stops else None
        if moved.is_pickup:
            if where is None or where < at:
                stops = [s for s in stops if s != partner]
                stops.insert(stops.index(moved) + 1, partner)
            return stops
        if where is not None and where < at:
            return stops
        stops = [s for s in stops if s != partner]
        return self._cheapest_pickup(stops, partner, stops.index(moved), vehicle)

    def _cheapest_pickup(self, stops: list[StopRef], pickup: StopRef, before: int, vehicle: str) -> list[StopRef]:
        van = self.problem.vehicles_by_id[vehicle]
        first = self.route(vehicle).locked
        best, best_key = None, None
        for at in range(min(first, before), before + 1):
            trial = [*stops[:at], pickup, *stops[at:]]
            report = validate_route(self.problem, van, trial)
            key = (len(report.violations), report.distance)
            if best_key is None or key < best_key:
                best, best_key = trial, key
        return best or [pickup, *stops]
