"""What the planner knows about the day's orders, drivers and depots beside the core Problem."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from omnidesk.core.enums import OrderStatus, RouteStatus, StopKind

PLANNABLE_STATUSES = (OrderStatus.READY, OrderStatus.SHIPPED)

def status_name(status: OrderStatus) -> str:
    return status.label


@dataclass(frozen=True)
class ItemInfo:
    name: str
    quantity_milli: int
    unit: str


@dataclass(frozen=True)
class OrderInfo:
    """An order of the day as the logist and the driver see it."""

    id: int
    number: str
    customer: str
    phone: str
    address: str
    status: OrderStatus
    window_start: int | None  # minutes from midnight
    window_end: int | None
    weight_g: int
    volume_cm3: int
    due: int  # kopecks to collect at the door
    lat: float | None
    lon: float | None
    supplier_depot_id: int | None = None
    supplier: str = ""
    supplier_address: str = ""
    items: tuple[ItemInfo, ...] = ()
    carrier: str | None = None
    track_number: str | None = None
    door_receipt: tuple[str, ...] = ()  # services.door: the receipt the driver issues at this stop

    @property
    def is_carrier(self) -> bool:
        return bool(self.carrier)

    @property
    def stop_kind(self) -> StopKind:
        return StopKind.CARRIER if self.carrier else StopKind.DELIVERY


@dataclass(frozen=True)
class DriverInfo:
    """A driver with a van: one possible route of the day (vehicle id in the Problem = str(driver id))."""

    id: int
    name: str
    phone: str
    vehicle_id: int
    plate: str
    model: str
    capacity_kg: int
    capacity_dm3: int
    shift_start: int  # minutes
    shift_end: int
    route_id: int | None = None
    route_version: int | None = None
    route_status: RouteStatus | None = None

    @property
    def key(self) -> str:
        return str(self.id)


@dataclass(frozen=True)
class DepotInfo:
    id: int
    key: str  # depot id in the Problem
    name: str
    address: str
    lat: float
    lon: float
    own: bool
    open_from: int = 0  # minutes
    open_to: int = 24 * 60


@dataclass(frozen=True)
class Excluded:
    """An order of the day left out of planning before solving, with the reason."""

    order: str
    reason: str


@dataclass(frozen=True)
class DaySummary:
    date: dt.date
    vans_used: int
    distance_m: int
    duration_s: int
    stops: int
    unassigned: int
    feasible: bool
