"""The single source of truth for a plan's feasibility: simulate each route on the matrix.

A van leaves its home depot at the start of the driver's shift (later if it would only
wait at the first stop), drives, waits for a window to open, serves, and returns home.
Goods from the own depot are aboard from the start; supplier goods from their pickup
until their delivery. Every broken rule becomes a Violation with a sentence in Russian.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from omnidesk.core.routing import words
from omnidesk.core.routing.model import Load, Order, Problem, StopRef, Vehicle, Window
from omnidesk.core.routing.plan import Plan, Route


@dataclass(frozen=True)
class Violation:
    """A broken rule. `code` is stable for the UI; `text` is what the logist reads."""

    code: str
    text: str
    order: str | None = None
    stop_index: int | None = None


@dataclass(frozen=True)
class StopReport:
    stop: StopRef
    location: int
    window: Window
    arrival: int
    wait: int
    start: int
    departure: int
    distance: int
    load_after: Load
    violations: tuple[Violation, ...] = ()


@dataclass(frozen=True)
class RouteReport:
    vehicle: str
    departure: int
    return_time: int
    start_load: Load
    stops: tuple[StopReport, ...]
    distance: int
    violations: tuple[Violation, ...]

    @property
    def duration(self) -> int:
        return self.return_time - self.departure

    @property
    def feasible(self) -> bool:
        return not self.violations

    @property
    def peak_load(self) -> Load:
        peak = self.start_load
        for stop in self.stops:
            peak = peak.peak(stop.load_after)
        return peak


@dataclass(frozen=True)
class PlanReport:
    routes: tuple[RouteReport, ...]
    violations: tuple[Violation, ...]

    @property
    def feasible(self) -> bool:
        return not self.violations

    @property
    def distance(self) -> int:
        return sum(route.distance for route in self.routes)

    @property
    def vehicles_used(self) -> int:
        return sum(1 for route in self.routes if route.stops)


def validate_plan(problem: Problem, plan: Plan) -> PlanReport:
    """Check every route and that each order is either on exactly one route or unassigned."""
    vehicles = problem.vehicles_by_id
    reports: list[RouteReport] = []
    violations: list[Violation] = []
    for route in plan.routes:
        vehicle = vehicles.get(route.vehicle)
        if vehicle is None:
            violations.append(Violation("unknown_vehicle", words.unknown_vehicle(route.vehicle)))
            continue
        report = validate_route(problem, vehicle, route.stops)
        reports.append(report)
        violations.extend(report.violations)
        violations.extend(_lock_violations(problem, route))
    violations.extend(_coverage_violations(problem, plan))
    return PlanReport(tuple(reports), tuple(violations))


def validate_route(problem: Problem, vehicle: Vehicle, stops: tuple[StopRef, ...] | list[StopRef]) -> RouteReport:
    """Simulate one van's route and report times, loads, distance and violations."""
    return _RouteSimulation(problem, vehicle, tuple(stops)).run()


class _RouteSimulation:
    def __init__(self, problem: Problem, vehicle: Vehicle, stops: tuple[StopRef, ...]) -> None:
        self.problem = problem
        self.vehicle = vehicle
        self.stops = stops
        self.orders = problem.orders_by_id
        self.home = problem.depots_by_id[vehicle.depot].location
        self.violations: list[Violation] = []

    def run(self) -> RouteReport:
        known = [stop for stop in self.stops if self._is_known(stop)]
        start_load = load = load_at_start(self.problem, known)
        self._check_load(load, None, None)
        time, place, distance = self.vehicle.shift.start, self.home, 0
        reports: list[StopReport] = []
        for index, stop in enumerate(known):
            report = self._visit(index, stop, time, place, load)
            reports.append(report)
            time, place, load = report.departure, report.location, report.load_after
            distance += report.distance
        self._check_pairing(known)
        return_time = time + self.problem.matrix.duration(place, self.home)
        distance += self.problem.matrix.distance(place, self.home)
        if return_time > self.vehicle.shift.end:
            self.violations.append(Violation("shift", words.shift_overrun(self.vehicle.shift.end, return_time)))
        departure = self.vehicle.shift.start + (reports[0].wait if reports else 0)
        if reports:
            reports[0] = _without_wait(reports[0])
        return RouteReport(self.vehicle.id, departure, return_time, start_load, tuple(reports), distance,
                           tuple(self.violations))

    def _is_known(self, stop: StopRef) -> bool:
        order = self.orders.get(stop.order)
        if order is None:
            self.violations.append(Violation("unknown_order", words.unknown_order(stop.order), stop.order))
            return False
        if stop.is_pickup and order.pickup is None:
            self.violations.append(Violation("pairing", words.no_pickup_needed(stop.order), stop.order))
            return False
        return True

    def _visit(self, index: int, stop: StopRef, time: int, place: int, load: Load) -> StopReport:
        order = self.orders[stop.order]
        location, window, service = stop_site(order, stop.is_pickup)
        arrival = time + self.problem.matrix.duration(place, location)
        start = max(arrival, window.start)
        before = len(self.violations)
        if start > window.end:
            self.violations.append(Violation("window", words.window_missed(window, start - window.end),
                                             order.id, index))
        self._check_pinned(order, index)
        load = load + order.load if stop.is_pickup else load - order.load
        self._check_load(load, order.id, index)
        return StopReport(stop, location, window, arrival, start - arrival, start, start + service,
                          self.problem.matrix.distance(place, location), load, tuple(self.violations[before:]))

    def _check_pinned(self, order: Order, index: int) -> None:
        if order.pinned_vehicle is not None and order.pinned_vehicle != self.vehicle.id:
            self.violations.append(Violation("pinned", words.pinned_elsewhere(order.pinned_vehicle),
                                             order.id, index))

    def _check_load(self, load: Load, order_id: str | None, index: int | None) -> None:
        capacity = self.vehicle.capacity
        if load.kg > capacity.kg:
            self.violations.append(Violation("overload", words.overload_kg(load.kg - capacity.kg), order_id, index))
        if load.dm3 > capacity.dm3:
            self.violations.append(Violation("overload", words.overload_dm3(load.dm3 - capacity.dm3),
                                             order_id, index))

    def _check_pairing(self, stops: list[StopRef]) -> None:
        pickup_at = {stop.order: i for i, stop in enumerate(stops) if stop.is_pickup}
        delivery_at = {stop.order: i for i, stop in enumerate(stops) if not stop.is_pickup}
        for order_id, index in delivery_at.items():
            if self.orders[order_id].pickup is None:
                continue
            if order_id not in pickup_at:
                self.violations.append(Violation("pairing", words.pickup_missing(), order_id, index))
            elif pickup_at[order_id] > index:
                self.violations.append(Violation("pairing", words.pickup_after_delivery(), order_id, index))
        for order_id, index in pickup_at.items():
            if order_id not in delivery_at:
                self.violations.append(Violation("pairing", words.delivery_missing(), order_id, index))


def stop_site(order: Order, is_pickup: bool) -> tuple[int, Window, int]:
    """Where a stop is, its window and its service seconds."""
    if is_pickup and order.pickup is not None:
        return order.pickup.location, order.pickup.window, order.pickup.service_s
    return order.location, order.window, order.service_s


def load_at_start(problem: Problem, stops: list[StopRef] | tuple[StopRef, ...]) -> Load:
    """Goods loaded at the home depot: every own-depot order delivered on the route."""
    total = Load()
    for stop in stops:
        order = problem.orders_by_id.get(stop.order)
        if order is not None and not stop.is_pickup and order.pickup is None:
            total = total + order.load
    return total


def _without_wait(report: StopReport) -> StopReport:
    """The van leaves the depot later instead of waiting at its first stop."""
    return StopReport(report.stop, report.location, report.window, report.start, 0, report.start,
                      report.departure, report.distance, report.load_after, report.violations)


def _lock_violations(problem: Problem, route: Route) -> list[Violation]:
    lock = problem.lock_for(route.vehicle)
    if lock is None or tuple(route.stops[: len(lock.stops)]) == lock.stops:
        return []
    return [Violation("locked", words.lock_broken(route.vehicle))]


def _coverage_violations(problem: Problem, plan: Plan) -> list[Violation]:
    violations: list[Violation] = []
    vehicle_counts = Counter(route.vehicle for route in plan.routes)
    for vehicle_id, count in sorted(vehicle_counts.items()):
        if count > 1:
            violations.append(Violation("duplicate", words.vehicle_twice(vehicle_id)))
    stop_counts = Counter(stop for route in plan.routes for stop in route.stops)
    for stop, count in stop_counts.items():
        if count > 1:
            violations.append(Violation("duplicate", words.stop_twice(str(stop)), stop.order))
    routed = {stop.order for stop in stop_counts}
    unassigned = Counter(item.order for item in plan.unassigned)
    for order in problem.orders:
        if order.id in routed and order.id in unassigned:
            violations.append(Violation("coverage", words.both_routed_and_unassigned(order.id), order.id))
        elif order.id not in routed and order.id not in unassigned:
            violations.append(Violation("coverage", words.not_accounted(order.id), order.id))
    return violations
