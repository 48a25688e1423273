"""Where a van stands after the locked beginning of its route: the solver starts from there."""

from __future__ import annotations

from dataclasses import dataclass

from omnidesk.core.routing.model import Load, Problem, RouteLock
from omnidesk.core.routing.validator import validate_route


@dataclass(frozen=True)
class LockedStart:
    """The van continues from `location` at `time`, with room `capacity` for the rest.

    `carried` are supplier orders picked up in the locked part and not yet delivered:
    their delivery must follow on the same van; their goods count in `capacity`.
    """

    vehicle: str
    location: int
    time: int
    capacity: Load
    carried: tuple[str, ...]


def locked_start(problem: Problem, lock: RouteLock) -> LockedStart:
    """Simulate the locked stops from the start of the shift.

    Own-depot goods for the rest of the route ride through the locked part too, so the
    room left is the capacity minus the peak load of the locked part, plus what is
    still aboard at its end (the carried supplier goods, which leave later).
    """
    vehicle = problem.vehicles_by_id[lock.vehicle]
    report = validate_route(problem, vehicle, lock.stops)
    delivered = {stop.order for stop in lock.stops if not stop.is_pickup}
    carried = tuple(stop.order for stop in lock.stops if stop.is_pickup and stop.order not in delivered)
    aboard = Load()
    for order_id in carried:
        aboard = aboard + problem.order(order_id).load
    room = vehicle.capacity - report.peak_load + aboard
    if not report.stops:
        home = problem.depots_by_id[vehicle.depot].location
        return LockedStart(vehicle.id, home, vehicle.shift.start, vehicle.capacity, ())
    last = report.stops[-1]
    return LockedStart(vehicle.id, last.location, last.departure, room, carried)

