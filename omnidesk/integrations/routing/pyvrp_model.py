"""Translate an OmniDesk routing Problem into PyVRP's ProblemData, and PyVRP solutions back.

* Own-depot orders and carrier hand-overs are PyVRP clients; supplier orders are shipments
  (pickup then delivery, same van).
* Each van that has a lock, or orders pinned to it, gets its own vehicle type; the other
  vans are grouped into types of identical vans.
* Pinning uses routing profiles: a pinned order's delivery gets its own copy of its
  location, reachable (at normal distance) only in the profile of its van.
* A locked van starts at its last locked stop, at the time it leaves it, with the room
  left after the locked part; orders it still carries become plain deliveries for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from pyvrp import (
    Activity,
    ActivityType,
    Client,
    Depot,
    Location,
    ProblemData,
    Route,
    Shipment,
    Solution,
    VehicleType,
)
from pyvrp.constants import MAX_VALUE

from omnidesk.core.routing.locks import locked_start
from omnidesk.core.routing.model import Load, Order, Problem, StopRef, Vehicle, pickup_stop

_UNREACHABLE = MAX_VALUE


@dataclass
class _Layout:
    """Index bookkeeping shared by the build and the way back."""

    clients: list[str] = field(default_factory=list)  # client index → order id
    shipments: list[str] = field(default_factory=list)  # shipment index → order id
    type_vehicles: list[list[str]] = field(default_factory=list)  # vehicle type → van ids
    extra_locations: list[int] = field(default_factory=list)  # copies of matrix locations
    pinned_location: dict[str, int] = field(default_factory=dict)  # order id → pyvrp location
    dimensions: list[str] = field(default_factory=list)  # "kg" and/or "dm3"


class PyVrpModel:
    """ProblemData for the unlocked part of a Problem, with the mapping back to OmniDesk stops."""

    def __init__(self, problem: Problem, orders: list[Order], prize: int | None) -> None:
        self.problem = problem
        self.orders = orders
        self.prize = prize
        self.starts = {lock.vehicle: locked_start(problem, lock) for lock in problem.locks}
        self.layout = _Layout()
        self.data = self._build()

    # --- the way there -------------------------------------------------------------------

    def _build(self) -> ProblemData:
        layout = self.layout
        layout.dimensions = self._dimensions()
        pinned_to = self._pin_targets()
        for order_id in sorted(pinned_to):
            layout.pinned_location[order_id] = self.problem.matrix.size + len(layout.extra_locations)
            layout.extra_locations.append(self.problem.order(order_id).location)
        depots, depot_index = self._depots()
        vehicle_types, profile_of_vehicle = self._vehicle_types(depot_index, pinned_to)
        clients, shipments = self._clients_and_shipments()
        distances, durations = self._matrices(pinned_to, profile_of_vehicle)
        return ProblemData(self._locations(), clients, depots, vehicle_types, distances, durations, [], shipments)

    def _dimensions(self) -> list[str]:
        orders = self.orders + [self.problem.order(o) for s in self.starts.values() for o in s.carried]
        dimensions = [name for name in ("kg", "dm3") if any(getattr(order.load, name) for order in orders)]
        return dimensions or ["kg"]

    def _amount(self, load: Load) -> list[int]:
        return [getattr(load, name) for name in self.layout.dimensions]

    def _pin_targets(self) -> dict[str, str]:
        """Order id → the van it must ride on (pinned orders and goods carried from a lock)."""
        targets = {order.id: order.pinned_vehicle for order in self.orders if order.pinned_vehicle}
        for start in self.starts.values():
            targets.update({order_id: start.vehicle for order_id in start.carried})
        return targets  # type: ignore[return-value]

    def _locations(self) -> list[Location]:
        points = [*self.problem.locations, *(self.problem.locations[i] for i in self.layout.extra_locations)]
        return [Location(x=point.lon or 0.0, y=point.lat or 0.0, name=point.name) for point in points]

    def _depots(self) -> tuple[list[Depot], dict[str, int]]:
        """Home depots first, then one start point per locked van."""
        depots: list[Depot] = []
        index: dict[str, int] = {}
        for depot in self.problem.depots:
            if any(vehicle.depot == depot.id for vehicle in self.problem.vehicles):
                index[depot.id] = len(depots)
                depots.append(Depot(location=depot.location, name=depot.id))
        for vehicle_id, start in self.starts.items():
            index[f"lock:{vehicle_id}"] = len(depots)
            depots.append(Depot(location=start.location, name=f"lock:{vehicle_id}"))
        return depots, index

    def _vehicle_types(self, depot_index: dict[str, int], pinned_to: dict[str, str]
                       ) -> tuple[list[VehicleType], dict[str, int]]:
        special = sorted(set(pinned_to.values()) | set(self.starts))
        profile_of_vehicle = {vehicle_id: number + 1 for number, vehicle_id in enumerate(special)}
        groups: dict[tuple, list[Vehicle]] = {}
        for vehicle in self.problem.vehicles:
            key = (vehicle.id,) if vehicle.id in profile_of_vehicle else (vehicle.capacity, vehicle.shift,
                                                                          vehicle.depot)
            groups.setdefault(key, []).append(vehicle)
        types = []
        for vehicles in groups.values():
            first = vehicles[0]
            profile = profile_of_vehicle.get(first.id, 0)
            types.append(self._vehicle_type(first, len(vehicles), depot_index, profile))
            self.layout.type_vehicles.append([vehicle.id for vehicle in vehicles])
        return types, profile_of_vehicle

    def _vehicle_type(self, vehicle: Vehicle, count: int, depot_index: dict[str, int], profile: int
                      ) -> VehicleType:
        home = depot_index[vehicle.depot]
        start = self.starts.get(vehicle.id)
        fixed_cost = self.problem.objective.vehicle_fixed_cost
        if start is None:
            return VehicleType(num_available=count, capacity=self._amount(vehicle.capacity), start_depot=home,
                               end_depot=home, fixed_cost=fixed_cost, tw_early=vehicle.shift.start,
                               tw_late=vehicle.shift.end, profile=profile, name=vehicle.id)
        room = Load(max(start.capacity.kg, 0), max(start.capacity.dm3, 0))
        return VehicleType(num_available=1, capacity=self._amount(room), start_depot=depot_index[f"lock:{vehicle.id}"],
                           end_depot=home, fixed_cost=0, tw_early=start.time, start_late=start.time,
                           tw_late=max(vehicle.shift.end, start.time), profile=profile, name=vehicle.id)

    def _clients_and_shipments(self) -> tuple[list[Client], list[Shipment]]:
        clients: list[Client] = []
        shipments: list[Shipment] = []
        required = self.prize is None
        prize = self.prize or 0
        for order in self.orders:
            location = self.layout.pinned_location.get(order.id, order.location)
            if order.pickup is None:
                self.layout.clients.append(order.id)
                clients.append(Client(location=location, delivery=self._amount(order.load),
                                      service_duration=order.service_s, tw_early=order.window.start,
                                      tw_late=order.window.end, prize=prize, required=required, name=order.id))
                continue
            pickup = order.pickup
            self.layout.shipments.append(order.id)
            shipments.append(Shipment(pickup.location, location, pickup.window.start, pickup.window.end,
                                      pickup.service_s, order.window.start, order.window.end, order.service_s,
                                      self._amount(order.load), prize, required, name=order.id))
        for start in self.starts.values():
            for order_id in start.carried:
                order = self.problem.order(order_id)
                self.layout.clients.append(order.id)
                clients.append(Client(location=self.layout.pinned_location[order_id],
                                      delivery=self._amount(order.load), service_duration=order.service_s,
                                      tw_early=order.window.start, tw_late=order.window.end, name=order.id))
        return clients, shipments

    def _matrices(self, pinned_to: dict[str, str], profile_of_vehicle: dict[str, int]
                  ) -> tuple[list[np.ndarray], list[np.ndarray]]:
        base_distance = _extended(np.array(self.problem.matrix.distances, dtype=np.int64), self.layout.extra_locations)
        base_duration = _extended(np.array(self.problem.matrix.durations, dtype=np.int64), self.layout.extra_locations)
        distances, durations = [], []
        for profile in range(len(profile_of_vehicle) + 1):
            owner = next((v for v, p in profile_of_vehicle.items() if p == profile), None)
            closed = [self.layout.pinned_location[o] for o, v in pinned_to.items() if v != owner]
            distance = base_distance.copy()
            distance[:, closed] = _UNREACHABLE
            distance[closed, :] = _UNREACHABLE
            np.fill_diagonal(distance, 0)
            distances.append(distance)
            durations.append(base_duration)
        return distances, durations

    # --- the way back --------------------------------------------------------------------

    def routes_of(self, solution: Solution) -> dict[str, list[StopRef]]:
        """Van id → its unlocked stops, in visiting order."""
        free = {vehicle_type: list(vehicles) for vehicle_type, vehicles in enumerate(self.layout.type_vehicles)}
        routes: dict[str, list[StopRef]] = {}
        for route in solution.routes():
            vehicle_id = free[route.vehicle_type()].pop(0)
            routes[vehicle_id] = [stop for activity in route if (stop := self._stop(activity)) is not None]
        return routes

    def _stop(self, activity: Activity) -> StopRef | None:
        if activity.type == ActivityType.CLIENT:
            return StopRef(self.layout.clients[activity.idx])
        if activity.type == ActivityType.PICKUP:
            return pickup_stop(self.layout.shipments[activity.idx])
        if activity.type == ActivityType.DELIVERY:
            return StopRef(self.layout.shipments[activity.idx])
        return None

    def solution_of(self, routes: dict[str, list[StopRef]]) -> Solution:
        """A warm start from unlocked stops per van; stops the model does not know are skipped."""
        client_index = {order_id: i for i, order_id in enumerate(self.layout.clients)}
        shipment_index = {order_id: i for i, order_id in enumerate(self.layout.shipments)}
        type_of = {v: t for t, vehicles in enumerate(self.layout.type_vehicles) for v in vehicles}
        pyvrp_routes = []
        for vehicle_id, stops in routes.items():
            if vehicle_id not in type_of:
                continue
            activities = _activities(stops, client_index, shipment_index)
            if activities:
                pyvrp_routes.append(Route(self.data, activities, type_of[vehicle_id]))
        return Solution(self.data, pyvrp_routes)


def _activities(stops: list[StopRef], client_index: dict[str, int], shipment_index: dict[str, int]
                ) -> list[Activity]:
    """Activities for known stops; a shipment is kept only when its pickup comes before its delivery."""
    picked: set[str] = set()
    delivered = {stop.order for stop in stops if not stop.is_pickup}
    activities = []
    for stop in stops:
        if stop.order in client_index and not stop.is_pickup:
            activities.append(Activity(ActivityType.CLIENT, client_index[stop.order]))
        elif stop.order in shipment_index and stop.is_pickup and stop.order in delivered:
            picked.add(stop.order)
            activities.append(Activity(ActivityType.PICKUP, shipment_index[stop.order]))
        elif stop.order in shipment_index and stop.order in picked:
            activities.append(Activity(ActivityType.DELIVERY, shipment_index[stop.order]))
    return activities


def _extended(matrix: np.ndarray, copies: list[int]) -> np.ndarray:
    """The matrix with rows and columns repeated for copied locations."""
    if not copies:
        return matrix
    order = np.concatenate([np.arange(len(matrix)), np.array(copies, dtype=np.int64)])
    return matrix[np.ix_(order, order)]
