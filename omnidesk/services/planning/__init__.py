"""Route planning for a day: from the database to a Problem, solved, edited by hand, saved, published."""

from .draft import DayDraft
from .run import (
    PlanProgress,
    load_draft,
    lock_route,
    move_stop,
    optimise,
    pin_order,
    plan_day,
    publish_day,
    reloaded,
    save,
)
from .store import set_carrier, set_pin
from .travel import Travel
from .views import PLANNABLE_STATUSES, DaySummary, DepotInfo, DriverInfo, Excluded, OrderInfo

__all__ = [
    "PLANNABLE_STATUSES",
    "DayDraft",
    "DaySummary",
    "DepotInfo",
    "DriverInfo",
    "Excluded",
    "OrderInfo",
    "PlanProgress",
    "Travel",
    "load_draft",
    "lock_route",
    "move_stop",
    "optimise",
    "pin_order",
    "plan_day",
    "publish_day",
    "reloaded",
    "save",
    "set_carrier",
    "set_pin",
]
