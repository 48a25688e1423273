"""Orders that no van could serve even alone are set aside, each with its reason, before solving."""

from __future__ import annotations

from omnidesk.core.routing import words
from omnidesk.core.routing.model import Order, Problem, StopRef, Vehicle, pickup_stop
from omnidesk.core.routing.plan import Unassigned
from omnidesk.core.routing.validator import validate_route


def order_stops(order: Order) -> tuple[StopRef, ...]:
    """The stops an order needs, in order: its supplier pickup first, if any."""
    own = StopRef(order.id)
    return (pickup_stop(order.id), own) if order.pickup is not None else (own,)


def locked_order_ids(problem: Problem) -> set[str]:
    return {stop.order for lock in problem.locks for stop in lock.stops}


def screen_orders(problem: Problem) -> tuple[list[Order], list[Unassigned]]:
    """Split the unlocked orders into those worth planning and those that cannot be served."""
    locked = locked_order_ids(problem)
    plannable: list[Order] = []
    rejected: list[Unassigned] = []
    for order in problem.orders:
        if order.id in locked:
            continue
        reason = rejection_reason(problem, order)
        if reason is None:
            plannable.append(order)
        else:
            rejected.append(Unassigned(order.id, reason))
    return plannable, rejected


def rejection_reason(problem: Problem, order: Order) -> str | None:
    """Why no van can serve this order even on its own, or None when one can."""
    vehicles = problem.vehicles_by_id
    if order.pinned_vehicle is not None and order.pinned_vehicle not in vehicles:
        return words.pinned_to_missing(order.pinned_vehicle)
    candidates = [vehicles[order.pinned_vehicle]] if order.pinned_vehicle else list(problem.vehicles)
    if not candidates:
        return words.no_room_left()
    biggest_kg = max(vehicle.capacity.kg for vehicle in candidates)
    if order.load.kg > biggest_kg:
        return words.too_heavy(order.load.kg, biggest_kg)
    biggest_dm3 = max(vehicle.capacity.dm3 for vehicle in candidates)
    if order.load.dm3 > biggest_dm3:
        return words.too_bulky(order.load.dm3, biggest_dm3)
    first_problem = None
    for vehicle in candidates:
        trouble = _trouble_alone(problem, vehicle, order)
        if not trouble:
            return None
        first_problem = first_problem or trouble[0]
    return words.unreachable_alone(first_problem or "")


def _trouble_alone(problem: Problem, vehicle: Vehicle, order: Order) -> list[str]:
    """Violations that serving only this order (after the van's locked stops) adds."""
    lock = problem.lock_for(vehicle.id)
    before = lock.stops if lock else ()
    baseline = {item.text for item in validate_route(problem, vehicle, before).violations} if before else set()
    report = validate_route(problem, vehicle, (*before, *order_stops(order)))
    return [item.text for item in report.violations if item.text not in baseline]
