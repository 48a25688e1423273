"""Turn a day's records into the core Problem and the plan that is saved in the database."""

from __future__ import annotations

from omnidesk.core.enums import DepotKind, StopKind
from omnidesk.core.errors import InvalidInput
from omnidesk.core.routing import (
    ALL_DAY,
    Depot,
    Load,
    Location,
    Objective,
    Order,
    Pickup,
    Plan,
    Problem,
    Route,
    RouteLock,
    ServiceRule,
    StopRef,
    Unassigned,
    Vehicle,
    Window,
)

from .draft import DayDraft, not_planned_yet
from .loading import DayRecords
from .travel import Travel
from .views import PLANNABLE_STATUSES, DepotInfo, Excluded, OrderInfo, status_name

SERVICE_RULE = ServiceRule()  # 10 min + 1 min per 50 kg
PICKUP_SERVICE_S = 15 * 60
VAN_COST_M = 20_000  # a van more must save at least 20 km
FIXED = ("published", "done")


def kilograms(grams: int) -> int:
    return -(-grams // 1000)


def litres(cm3: int) -> int:
    return -(-cm3 // 1000)


def build_draft(records: DayRecords, travel: Travel | None = None) -> DayDraft:
    """The day as a Problem (plannable orders with coordinates, vans, depots) and its saved plan."""
    travel = travel or Travel()
    depots = _depots(records)
    own = next(depot for depot in depots if depot.own)
    points: list[tuple[float, float]] = [(depot.lat, depot.lon) for depot in depots]
    names = [depot.name for depot in depots]
    location_of_depot = {depot.id: index for index, depot in enumerate(depots)}
    orders, excluded = [], []
    for info in records.orders:
        reason = exclusion_reason(info, location_of_depot)
        if reason:
            excluded.append(Excluded(info.number, reason))
            continue
        points.append((info.lat, info.lon))  # type: ignore[arg-type]
        names.append(info.number)
        orders.append(_order(info, len(points) - 1, depots, location_of_depot, records.pins))
    vehicles = tuple(Vehicle(driver.key, Load(driver.capacity_kg, driver.capacity_dm3),
                             Window.from_minutes(driver.shift_start, driver.shift_end), own.key, driver.name)
                     for driver in records.drivers)
    plan = _saved_plan(records, {order.id for order in orders})
    locks = tuple(RouteLock(route.vehicle, route.stops[: route.locked]) for route in plan.routes if route.locked)
    locations = tuple(Location(name, lat, lon) for name, (lat, lon) in zip(names, points, strict=False))
    problem = Problem(locations, travel.matrix(points), _core_depots(depots), vehicles, tuple(orders), locks,
                      Objective(vehicle_fixed_cost=VAN_COST_M), name=str(records.date))
    return DayDraft(records, problem, plan, tuple(excluded), {depot.key: depot for depot in depots})


def exclusion_reason(info: OrderInfo, location_of_depot: dict[int, int]) -> str | None:
    if info.status not in PLANNABLE_STATUSES:
        return (f"статус «{status_name(info.status)}»: в маршрут можно ставить только собранные заказы "
                "(готов к отгрузке или отгружен)")
    if info.lat is None or info.lon is None:
        return "нет координат адреса — найдите адрес геокодером или укажите координаты"
    if info.supplier_depot_id is not None and info.supplier_depot_id not in location_of_depot:
        return f"у склада поставщика «{info.supplier}» нет координат"
    return None


def _depots(records: DayRecords) -> list[DepotInfo]:
    depots = list(records.depots)
    if not any(depot.own for depot in depots):
        if records.fallback_depot is None:
            raise InvalidInput("нет своего склада с координатами: укажите depot.lat и depot.lon в настройках")
        address, lat, lon = records.fallback_depot
        depots.insert(0, DepotInfo(0, "W0", "Склад", address, lat, lon, True))
    own = [depot for depot in depots if depot.own][:1]
    return own + [depot for depot in depots if not depot.own]


def _core_depots(depots: list[DepotInfo]) -> tuple[Depot, ...]:
    return tuple(Depot(depot.key, index, DepotKind.OWN if depot.own else DepotKind.SUPPLIER, depot.name)
                 for index, depot in enumerate(depots))


def _order(info: OrderInfo, location: int, depots: list[DepotInfo], location_of_depot: dict[int, int],
           pins: dict[str, int]) -> Order:
    load = Load(kilograms(info.weight_g), litres(info.volume_cm3))
    window = (Window.from_minutes(info.window_start, info.window_end)
              if info.window_start is not None and info.window_end is not None else ALL_DAY)
    pickup = None
    if info.supplier_depot_id is not None:
        index = location_of_depot[info.supplier_depot_id]
        depot = depots[index]
        pickup = Pickup(index, Window.from_minutes(depot.open_from, depot.open_to), PICKUP_SERVICE_S, depot.key)
    pinned = pins.get(info.number)
    return Order(info.number, location, load, window, SERVICE_RULE.seconds(load.kg),
                 StopKind.CARRIER if info.is_carrier else StopKind.DELIVERY, pickup,
                 str(pinned) if pinned is not None else None)


def _saved_plan(records: DayRecords, known: set[str]) -> Plan:
    """The routes saved for the day (stops of orders still in the problem); the locked beginning kept."""
    saved = {route.driver_id: route for route in records.routes}
    routes, placed = [], set()
    for driver in records.drivers:
        route = saved.get(driver.id)
        stops = [stop for stop in route.stops if stop.order in known] if route else []
        fixed = route is not None and route.status in FIXED
        refs = tuple(StopRef(stop.order, stop.is_pickup) for stop in stops)
        locked = len(refs) if fixed else _locked_prefix(stops)
        routes.append(Route(driver.key, refs, locked))
        placed.update(stop.order for stop in stops)
    unassigned = tuple(Unassigned(order, not_planned_yet()) for order in sorted(known - placed))
    return Plan(tuple(routes), unassigned)


def _locked_prefix(stops) -> int:
    count = 0
    for stop in stops:
        if not stop.locked:
            break
        count += 1
    return count
