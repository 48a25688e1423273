"""Route planning model, plan and validator; pure standard library."""

from omnidesk.core.routing.model import (
    ALL_DAY,
    Depot,
    Load,
    Location,
    Objective,
    Order,
    Pickup,
    Problem,
    RouteLock,
    ServiceRule,
    StopRef,
    TravelMatrix,
    Vehicle,
    Window,
    format_clock,
    parse_clock,
    pickup_stop,
)
from omnidesk.core.routing.plan import Plan, Route, SolveStats, Unassigned
from omnidesk.core.routing.validator import (
    PlanReport,
    RouteReport,
    StopReport,
    Violation,
    validate_plan,
    validate_route,
)

__all__ = [
    "ALL_DAY", "Depot", "Load", "Location", "Objective", "Order", "Pickup", "Problem", "RouteLock",
    "ServiceRule", "StopRef", "TravelMatrix", "Vehicle", "Window", "format_clock", "parse_clock",
    "pickup_stop", "Plan", "Route", "SolveStats", "Unassigned", "PlanReport", "RouteReport",
    "StopReport", "Violation", "validate_plan", "validate_route",
]
