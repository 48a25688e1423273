"""A day plan: routes (a van and its stops in visiting order) and orders left unassigned."""

from __future__ import annotations

from dataclasses import dataclass

from omnidesk.core.routing.model import StopRef


@dataclass(frozen=True)
class Route:
    """A van's stops in visiting order; the first `locked` stops are fixed."""

    vehicle: str
    stops: tuple[StopRef, ...]
    locked: int = 0

    @property
    def orders(self) -> list[str]:
        """Order ids served on this route (each once, in order of their own stop)."""
        return [stop.order for stop in self.stops if not stop.is_pickup]


@dataclass(frozen=True)
class Unassigned:
    """An order the plan does not serve, with the reason in words."""

    order: str
    reason: str


@dataclass(frozen=True)
class SolveStats:
    """How the solver got there: wall seconds, when the first complete valid plan appeared."""

    seconds: float
    first_feasible_seconds: float | None
    iterations: int
    cancelled: bool = False


@dataclass(frozen=True)
class Plan:
    routes: tuple[Route, ...]
    unassigned: tuple[Unassigned, ...] = ()
    stats: SolveStats | None = None

    def route_of(self, vehicle_id: str) -> Route | None:
        return next((route for route in self.routes if route.vehicle == vehicle_id), None)

    @property
    def used_routes(self) -> tuple[Route, ...]:
        return tuple(route for route in self.routes if route.stops)
