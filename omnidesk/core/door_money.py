"""What a driver collects at a stop: the one rule behind the route sheet's «Итого получить» and the
cashier's driver handover, so the two can never disagree."""

from __future__ import annotations

from collections.abc import Iterable

from omnidesk.core.enums import StopKind


def to_collect(kind: StopKind, due: int) -> int:
    """Kopecks to take at a stop: the order's unpaid rest at the customer's door; nothing at a supplier
    pickup (the same order is paid where it is delivered) or at a hand-off to a transport company."""
    return due if kind is StopKind.DELIVERY else 0


def route_to_collect(stops: Iterable[tuple[StopKind, int]]) -> int:
    """The money a route brings back: ``to_collect`` summed over its stops (kind, order's due)."""
    return sum(to_collect(kind, due) for kind, due in stops)
