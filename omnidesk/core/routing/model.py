"""The route-planning problem: depots, orders with their stops, vans, the travel matrix.

Integer units everywhere: seconds from midnight, metres, kilograms and cubic decimetres
(litres). Coordinates are the only floats. Everything is frozen, so a problem can be
handed to a solver thread and compared or hashed safely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from omnidesk.core.enums import DepotKind, StopKind
from omnidesk.core.errors import InvalidInput

SECONDS_PER_MINUTE = 60
SECONDS_PER_DAY = 24 * 60 * 60


def parse_clock(text: str) -> int:
    """'09:30' or '9:30' → seconds from midnight; '24:00' is allowed as the end of a day."""
    try:
        hours_text, minutes_text = text.strip().split(":")
        hours, minutes = int(hours_text), int(minutes_text)
    except ValueError:
        raise InvalidInput(f"время должно быть в виде ЧЧ:ММ, а не «{text}»") from None
    if not (0 <= minutes < 60 and 0 <= hours <= 24) or (hours == 24 and minutes):
        raise InvalidInput(f"нет такого времени: «{text}»")
    return (hours * 60 + minutes) * SECONDS_PER_MINUTE


def format_clock(seconds: int) -> str:
    """Seconds from midnight → 'ЧЧ:ММ' (minutes rounded down; a later day keeps counting hours)."""
    minutes = seconds // SECONDS_PER_MINUTE
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class Window:
    """A time interval [start, end] in seconds from midnight."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidInput(f"окно {format_clock(self.start)}–{format_clock(self.end)} пустое")

    @classmethod
    def parse(cls, start: str, end: str) -> Window:
        return cls(parse_clock(start), parse_clock(end))

    @classmethod
    def from_minutes(cls, start: int, end: int) -> Window:
        return cls(start * SECONDS_PER_MINUTE, end * SECONDS_PER_MINUTE)

    def __str__(self) -> str:
        return f"{format_clock(self.start)}–{format_clock(self.end)}"


ALL_DAY = Window(0, SECONDS_PER_DAY)


@dataclass(frozen=True)
class Load:
    """What an order weighs and takes up: kilograms and cubic decimetres (litres)."""

    kg: int = 0
    dm3: int = 0

    def __add__(self, other: Load) -> Load:
        return Load(self.kg + other.kg, self.dm3 + other.dm3)

    def __sub__(self, other: Load) -> Load:
        return Load(self.kg - other.kg, self.dm3 - other.dm3)

    def peak(self, other: Load) -> Load:
        """The larger of both loads in each unit."""
        return Load(max(self.kg, other.kg), max(self.dm3, other.dm3))

    def fits_in(self, capacity: Load) -> bool:
        return self.kg <= capacity.kg and self.dm3 <= capacity.dm3


@dataclass(frozen=True)
class ServiceRule:
    """Service time = base + step for every whole `step_kg` (e.g. 10 min + 1 min per 50 kg)."""

    base_s: int = 10 * SECONDS_PER_MINUTE
    step_kg: int = 50
    step_s: int = SECONDS_PER_MINUTE

    def seconds(self, kg: int) -> int:
        steps = kg // self.step_kg if self.step_kg > 0 else 0
        return self.base_s + steps * self.step_s


@dataclass(frozen=True)
class Location:
    """A point of the travel matrix. lat/lon are optional (benchmark instances are planar)."""

    name: str = ""
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Depot:
    """The own warehouse (vans start and end there) or a supplier's warehouse (pickups)."""

    id: str
    location: int
    kind: DepotKind = DepotKind.OWN
    name: str = ""


@dataclass(frozen=True)
class Pickup:
    """The first stop of a supplier order: collect the goods at `location` inside `window`."""

    location: int
    window: Window = ALL_DAY
    service_s: int = 15 * SECONDS_PER_MINUTE
    depot_id: str = ""


@dataclass(frozen=True)
class Order:
    """One order to bring to a customer (DELIVERY) or to hand over to a carrier (CARRIER).

    Goods come from the van's home depot, unless `pickup` is set: then the same van
    collects them at a supplier first. `pinned_vehicle` restricts the order to one van.
    """

    id: str
    location: int
    load: Load
    window: Window = ALL_DAY
    service_s: int = 10 * SECONDS_PER_MINUTE
    kind: StopKind = StopKind.DELIVERY
    pickup: Pickup | None = None
    pinned_vehicle: str | None = None

    def __post_init__(self) -> None:
        if self.kind is StopKind.PICKUP:
            raise InvalidInput(f"заказ {self.id}: забор у поставщика задаётся полем pickup")
        if self.load.kg < 0 or self.load.dm3 < 0 or self.service_s < 0:
            raise InvalidInput(f"заказ {self.id}: вес, объём и время обслуживания не могут быть меньше нуля")


@dataclass(frozen=True)
class Vehicle:
    """A van with its driver's shift; it leaves its home depot and returns there."""

    id: str
    capacity: Load
    shift: Window
    depot: str
    driver: str = ""


@dataclass(frozen=True)
class RouteLock:
    """The fixed beginning of a van's route (stops done or fixed by the logist).

    The solver never changes these stops; the rest of the route continues from the last
    one at the time the van leaves it.
    """

    vehicle: str
    stops: tuple[StopRef, ...]


@dataclass(frozen=True)
class Objective:
    """What a plan costs: distance in metres (or instance units) plus a price per van used.

    Orders that cannot be placed are left unassigned when `orders_optional` is true
    (each costs `unassigned_penalty`, by default far more than any detour); when it is
    false the solver must place all of them and reports an infeasible plan otherwise.
    """

    vehicle_fixed_cost: int = 0
    orders_optional: bool = True
    unassigned_penalty: int | None = None


@dataclass(frozen=True)
class TravelMatrix:
    """Distances (metres) and durations (seconds) between every pair of locations."""

    distances: tuple[tuple[int, ...], ...]
    durations: tuple[tuple[int, ...], ...]

    def __post_init__(self) -> None:
        size = len(self.distances)
        rows = (*self.distances, *self.durations)
        if len(self.durations) != size or any(len(row) != size for row in rows):
            raise InvalidInput("матрица расстояний и времени должна быть квадратной и одного размера")

    @property
    def size(self) -> int:
        return len(self.distances)

    def distance(self, origin: int, destination: int) -> int:
        return self.distances[origin][destination]

    def duration(self, origin: int, destination: int) -> int:
        return self.durations[origin][destination]


@dataclass(frozen=True)
class Problem:
    """Everything the planner needs for one day."""

    locations: tuple[Location, ...]
    matrix: TravelMatrix
    depots: tuple[Depot, ...]
    vehicles: tuple[Vehicle, ...]
    orders: tuple[Order, ...]
    locks: tuple[RouteLock, ...] = ()
    objective: Objective = field(default_factory=Objective)
    name: str = ""

    def __post_init__(self) -> None:
        from omnidesk.core.routing.checks import check_problem

        check_problem(self)

    def order(self, order_id: str) -> Order:
        return self.orders_by_id[order_id]

    @cached_property
    def orders_by_id(self) -> dict[str, Order]:
        return {order.id: order for order in self.orders}

    @cached_property
    def vehicles_by_id(self) -> dict[str, Vehicle]:
        return {vehicle.id: vehicle for vehicle in self.vehicles}

    @cached_property
    def depots_by_id(self) -> dict[str, Depot]:
        return {depot.id: depot for depot in self.depots}

    def lock_for(self, vehicle_id: str) -> RouteLock | None:
        return next((lock for lock in self.locks if lock.vehicle == vehicle_id), None)


@dataclass(frozen=True)
class StopRef:
    """One stop of a route: an order's own stop (delivery or carrier hand-over) or its supplier pickup."""

    order: str
    is_pickup: bool = False

    def __str__(self) -> str:
        return f"P:{self.order}" if self.is_pickup else self.order

    @classmethod
    def parse(cls, text: str) -> StopRef:
        """'D0001' → the delivery, 'P:D0001' → its supplier pickup."""
        if text.startswith("P:"):
            return cls(text[2:], is_pickup=True)
        return cls(text)


def pickup_stop(order_id: str) -> StopRef:
    return StopRef(order_id, is_pickup=True)
