"""Readers of benchmark files into routing Problems.

* Solomon VRPTW in TSPLIB/LKH-3 CVRPTW format, DIMACS convention: FLOOR_2D with SCALE 10,
  i.e. distances and times truncated to one decimal (integers in tenths here).
* Li & Lim PDPTW in SINTEF format: distances and times round(1000·d) (integers in thousandths).
* OmniDesk's day format (omnidesk300.json): its travel model is in the file.

The integer units of each instance are `unit` per instance unit (10, 1000, or metres per km).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from omnidesk.core.enums import DepotKind
from omnidesk.core.errors import InvalidInput
from omnidesk.core.routing.model import (
    Depot,
    Load,
    Location,
    Objective,
    Order,
    Pickup,
    Problem,
    StopRef,
    TravelMatrix,
    Vehicle,
    Window,
)
from omnidesk.integrations.routing.matrix import DEFAULT_SPEED_KMH, great_circle_matrix

SOLOMON_FLEET = 25


@dataclass(frozen=True)
class Instance:
    name: str
    problem: Problem
    unit: int  # integer units per instance unit of distance
    label: Callable[[StopRef], str | int]  # how a stop is named in the JSON output


def read_instance(path: str | Path, objective: Objective | None = None) -> Instance:
    path = Path(path)
    readers = {".vrptw": read_solomon, ".txt": read_li_lim, ".json": read_day}
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise InvalidInput(f"неизвестный формат файла {path.name}")
    return reader(path, objective)


def _planar_matrix(points: list[tuple[float, float]], distance: Callable[[float, float], int]) -> TravelMatrix:
    rows = tuple(tuple(distance(x2 - x1, y2 - y1) for x2, y2 in points) for x1, y1 in points)
    return TravelMatrix(rows, rows)


def _tenths_floor(dx: float, dy: float) -> int:
    """DIMACS: Euclidean distance truncated to one decimal, exactly for integer coordinates."""
    if float(dx).is_integer() and float(dy).is_integer():
        return math.isqrt(int(100 * (dx * dx + dy * dy)))
    return math.floor(10 * math.hypot(dx, dy))


def _thousandths(dx: float, dy: float) -> int:
    return round(1000 * math.hypot(dx, dy))


def _distance_only(objective: Objective | None) -> Objective:
    return objective or Objective(vehicle_fixed_cost=0, orders_optional=False)


def read_solomon(path: Path, objective: Objective | None = None) -> Instance:
    header, sections = _tsplib(path.read_text())
    scale = int(header.get("SCALE", "10"))
    coords = {int(row[0]): (float(row[1]), float(row[2])) for row in sections["NODE_COORD_SECTION"]}
    demand = {int(row[0]): int(row[1]) for row in sections["DEMAND_SECTION"]}
    windows = {int(row[0]): (int(row[1]) * scale, int(row[2]) * scale) for row in sections["TIME_WINDOW_SECTION"]}
    depot_node = int(sections["DEPOT_SECTION"][0][0])
    service = int(header.get("SERVICE_TIME", "0")) * scale
    nodes = sorted(coords)
    index = {node: i for i, node in enumerate(nodes)}
    matrix = _planar_matrix([coords[node] for node in nodes], _tenths_floor)
    orders = tuple(Order(str(node - 1), index[node], Load(demand[node]), Window(*windows[node]), service)
                   for node in nodes if node != depot_node)
    capacity = Load(int(header["CAPACITY"]))
    shift = Window(*windows[depot_node])
    vehicles = tuple(Vehicle(f"{n + 1}", capacity, shift, "depot") for n in range(SOLOMON_FLEET))
    problem = Problem(tuple(Location(str(node)) for node in nodes), matrix,
                      (Depot("depot", index[depot_node]),), vehicles, orders,
                      objective=_distance_only(objective), name=header.get("NAME", path.stem))
    return Instance(problem.name, problem, scale, lambda stop: int(stop.order))


def _tsplib(text: str) -> tuple[dict[str, str], dict[str, list[list[str]]]]:
    header: dict[str, str] = {}
    sections: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for line in text.splitlines():
        parts = line.split()
        if not parts or parts[0] in ("EOF", "-1"):
            continue
        if parts[0].endswith("_SECTION"):
            current = sections.setdefault(parts[0], [])
        elif ":" in line and not parts[0][0].isdigit():
            key, value = line.split(":", 1)
            header[key.strip()] = value.strip()
            current = None
        elif current is not None:
            current.append(parts)
    return header, sections


def read_li_lim(path: Path, objective: Objective | None = None) -> Instance:
    lines = [line.split() for line in path.read_text().splitlines() if line.strip()]
    fleet, capacity = int(lines[0][0]), int(lines[0][1])
    nodes = [[float(value) for value in row] for row in lines[1:]]
    scale = 1000
    matrix = _planar_matrix([(row[1], row[2]) for row in nodes], _thousandths)
    orders = []
    for node_id, _x, _y, demand, ready, due, service, _pickup, delivery in nodes:
        if demand <= 0 or delivery <= 0:
            continue
        target = nodes[int(delivery)]
        pickup = Pickup(int(node_id), Window(round(ready * scale), round(due * scale)), round(service * scale))
        orders.append(Order(str(int(delivery)), int(delivery), Load(int(demand)),
                            Window(round(target[4] * scale), round(target[5] * scale)), round(target[6] * scale),
                            pickup=pickup))
    depot = nodes[0]
    shift = Window(round(depot[4] * scale), round(depot[5] * scale))
    vehicles = tuple(Vehicle(f"{n + 1}", Load(capacity), shift, "depot") for n in range(fleet))
    pickup_node = {order.id: order.pickup.location for order in orders if order.pickup}
    problem = Problem(tuple(Location(str(int(row[0]))) for row in nodes), matrix, (Depot("depot", 0),), vehicles,
                      tuple(orders), objective=_distance_only(objective), name=path.stem)
    return Instance(path.stem, problem, scale,
                    lambda stop: pickup_node[stop.order] if stop.is_pickup else int(stop.order))


def read_day(path: Path, objective: Objective | None = None) -> Instance:
    """OmniDesk's day format: depots, vans with shifts, orders (some with a supplier pickup)."""
    day = json.loads(path.read_text(encoding="utf-8"))
    depots = [Depot(item["id"], i, DepotKind(item["kind"]), item["id"]) for i, item in enumerate(day["depots"])]
    depot_location = {depot.id: depot.location for depot in depots}
    points = [(item["lat"], item["lon"]) for item in day["depots"]] + [(o["lat"], o["lon"]) for o in day["orders"]]
    detour, speed = _travel_model(day.get("travel_model", {}))
    orders = tuple(_day_order(item, len(depots) + i, depot_location) for i, item in enumerate(day["orders"]))
    vehicles = tuple(Vehicle(item["id"], Load(item["capacity_kg"], item["capacity_dm3"]),
                             Window.parse(*item["shift"]), item["depot"]) for item in day["vehicles"])
    names = [depot.id for depot in depots] + [order.id for order in orders]
    locations = tuple(Location(name, lat, lon) for name, (lat, lon) in zip(names, points, strict=False))
    problem = Problem(locations, great_circle_matrix(points, detour, speed), tuple(depots), vehicles, orders,
                      objective=objective or Objective(), name=day.get("name", path.stem))
    return Instance(path.stem, problem, 1000, str)


def _travel_model(model: dict) -> tuple[float, float]:
    match = re.search(r"\*\s*([0-9.]+)", str(model.get("distance", "")))
    detour = float(match.group(1)) if match else 1.0
    return detour, float(model.get("speed_kmh", DEFAULT_SPEED_KMH))


def _day_order(item: dict, location: int, depot_location: dict[str, int]) -> Order:
    pickup = None
    if "pickup" in item:
        source = item["pickup"]
        pickup = Pickup(depot_location[source["depot"]], Window.parse(*source["window"]),
                        source["service_min"] * 60, source["depot"])
    return Order(item["number"], location, Load(item["weight_kg"], item["volume_dm3"]), Window.parse(*item["window"]),
                 item["service_min"] * 60, pickup=pickup)
