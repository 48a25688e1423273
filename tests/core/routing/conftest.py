"""A line world for hand computation: location i lies x_i km east of the depot.

1 km takes 1 minute and is 1000 m, so every time below can be worked out on paper.
"""

from __future__ import annotations

import pytest

from omnidesk.core.enums import DepotKind
from omnidesk.core.routing import Depot, Load, Location, Order, Pickup, Problem, TravelMatrix, Vehicle, Window


def line_matrix(xs: list[int]) -> TravelMatrix:
    distances = tuple(tuple(abs(a - b) * 1000 for b in xs) for a in xs)
    durations = tuple(tuple(abs(a - b) * 60 for b in xs) for a in xs)
    return TravelMatrix(distances, durations)


# location:        0 depot, 1 A, 2 B, 3 supplier, 4 C
LINE = [0, 30, 60, -20, 10]


@pytest.fixture
def make_problem():
    def build(orders=None, vehicles=None, locks=()):
        depots = (Depot("WH", 0), Depot("SUP", 3, DepotKind.SUPPLIER))
        default_orders = (
            Order("A", 1, Load(200, 1000), Window.parse("09:00", "10:00"), 600),
            Order("B", 2, Load(300, 1500), Window.parse("09:00", "09:30"), 600),
            Order("C", 4, Load(100, 500), Window.parse("08:00", "18:00"), 600,
                  pickup=Pickup(3, Window.parse("08:00", "17:00"), 900, "SUP")),
        )
        default_vehicles = (Vehicle("V1", Load(1000, 5000), Window.parse("08:00", "12:00"), "WH"),)
        return Problem(tuple(Location(str(i)) for i in range(len(LINE))), line_matrix(LINE), depots,
                       tuple(vehicles or default_vehicles), tuple(orders or default_orders), tuple(locks))

    return build
