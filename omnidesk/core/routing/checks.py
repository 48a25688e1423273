"""Consistency checks of a Problem: unique ids, known depots and locations, sound locks."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from omnidesk.core.enums import DepotKind
from omnidesk.core.errors import InvalidInput

if TYPE_CHECKING:
    from omnidesk.core.routing.model import Problem, RouteLock


def check_problem(problem: Problem) -> None:
    _check_unique("заказ", [order.id for order in problem.orders])
    _check_unique("машина", [vehicle.id for vehicle in problem.vehicles])
    _check_unique("склад", [depot.id for depot in problem.depots])
    _check_locations(problem)
    _check_home_depots(problem)
    _check_unique("закреплённый маршрут машины", [lock.vehicle for lock in problem.locks])
    for lock in problem.locks:
        _check_lock(problem, lock)
    _check_unique("закреплённая остановка", [str(stop) for lock in problem.locks for stop in lock.stops])


def _check_unique(what: str, ids: list[str]) -> None:
    repeated = sorted(name for name, count in Counter(ids).items() if count > 1)
    if repeated:
        raise InvalidInput(f"{what} {', '.join(repeated)} повторяется")


def _check_locations(problem: Problem) -> None:
    size = problem.matrix.size
    if len(problem.locations) != size:
        raise InvalidInput(f"точек {len(problem.locations)}, а матрица {size}×{size}")
    used = [(f"склад {depot.id}", depot.location) for depot in problem.depots]
    for order in problem.orders:
        used.append((f"заказ {order.id}", order.location))
        if order.pickup is not None:
            used.append((f"забор заказа {order.id}", order.pickup.location))
    for name, index in used:
        if not 0 <= index < size:
            raise InvalidInput(f"{name}: нет точки {index} в матрице")


def _check_home_depots(problem: Problem) -> None:
    depots = problem.depots_by_id
    for vehicle in problem.vehicles:
        depot = depots.get(vehicle.depot)
        if depot is None:
            raise InvalidInput(f"машина {vehicle.id}: нет склада {vehicle.depot}")
        if depot.kind is not DepotKind.OWN:
            raise InvalidInput(f"машина {vehicle.id}: склад {vehicle.depot} не наш")


def _check_lock(problem: Problem, lock: RouteLock) -> None:
    if lock.vehicle not in problem.vehicles_by_id:
        raise InvalidInput(f"закреплён маршрут машины {lock.vehicle}, которой нет")
    picked_up: set[str] = set()
    for stop in lock.stops:
        order = problem.orders_by_id.get(stop.order)
        if order is None:
            raise InvalidInput(f"в закреплённом маршруте {lock.vehicle} нет такого заказа {stop.order}")
        if stop.is_pickup and order.pickup is None:
            raise InvalidInput(f"у заказа {stop.order} нет забора у поставщика")
        if stop.is_pickup:
            picked_up.add(stop.order)
        elif order.pickup is not None and stop.order not in picked_up:
            raise InvalidInput(f"в закреплённом маршруте {lock.vehicle} доставка {stop.order} раньше забора")
