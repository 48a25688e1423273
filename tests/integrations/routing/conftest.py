"""A small Moscow day for solver tests: 24 orders (6 picked up at suppliers first), 4 vans."""

from __future__ import annotations

import random

import pytest

from omnidesk.core.enums import DepotKind
from omnidesk.core.routing import Depot, Load, Location, Objective, Order, Pickup, Problem, Vehicle, Window
from omnidesk.integrations.routing.matrix import great_circle_matrix

DEPOTS = [("WH", DepotKind.OWN, 55.64, 37.80), ("SUP-1", DepotKind.SUPPLIER, 55.90, 37.54),
          ("SUP-2", DepotKind.SUPPLIER, 55.70, 37.38)]


def small_day(orders: int = 24, vans: int = 4, seed: int = 7, objective: Objective | None = None,
              extra_orders: tuple[Order, ...] = (), pins: dict[str, str] | None = None, locks=()) -> Problem:
    rng = random.Random(seed)
    points = [(lat, lon) for _, _, lat, lon in DEPOTS]
    points += [(55.75 + rng.uniform(-0.08, 0.08), 37.62 + rng.uniform(-0.15, 0.15)) for _ in range(orders)]
    depots = tuple(Depot(name, i, kind, name) for i, (name, kind, _, _) in enumerate(DEPOTS))
    built = []
    for n in range(orders):
        start = rng.randrange(9 * 60, 16 * 60, 30)
        kg = rng.randrange(20, 250)
        pickup = Pickup(1 + n % 2, Window.parse("09:00", "17:00"), 900, DEPOTS[1 + n % 2][0]) if n % 4 == 0 else None
        order_id = f"D{n + 1:03d}"
        built.append(Order(order_id, 3 + n, Load(kg, kg * 6), Window.from_minutes(start, start + 180),
                           600 + kg // 50 * 60, pickup=pickup, pinned_vehicle=(pins or {}).get(order_id)))
    vehicles = tuple(Vehicle(f"V{i + 1}", Load(1500, 12000), Window.parse("08:00", "20:00"), "WH")
                     for i in range(vans))
    extra_points = [(55.75, 37.62)] * len(extra_orders)
    matrix = great_circle_matrix(points + extra_points)
    locations = tuple(Location(str(i), lat, lon) for i, (lat, lon) in enumerate(points + extra_points))
    return Problem(locations, matrix, depots, vehicles, (*built, *extra_orders), tuple(locks),
                   objective or Objective(vehicle_fixed_cost=20_000))


@pytest.fixture
def day():
    return small_day
