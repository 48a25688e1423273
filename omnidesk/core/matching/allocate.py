"""Splitting an amount over orders: exact totals, oldest first, partial payments, advances."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from omnidesk.core.money import format_amount

from .model import Allocation, OpenOrder


class Fit(enum.Enum):
    EXACT = "exact"  # the orders owe exactly the amount
    OVER = "over"  # all orders paid, the rest is an advance
    UNDER = "under"  # oldest first, the last one partially
    UNDER_AMBIGUOUS = "under_ambiguous"  # some other subset of the orders owes exactly the amount


@dataclass(frozen=True)
class Split:
    fit: Fit
    allocations: tuple[Allocation, ...]
    advance: int
    reasons: tuple[str, ...]


def money(kopecks: int) -> str:
    return format_amount(kopecks)


def fill_oldest_first(orders: Sequence[OpenOrder], dues: Mapping[str, int], amount: int) -> tuple[tuple[Allocation, ...], int]:
    """Pay orders in the given (oldest first) order; return the allocations and what is left."""
    allocations = []
    left = amount
    for order in orders:
        if left <= 0:
            break
        due = dues[order.number]
        paid = min(due, left)
        allocations.append(Allocation(order.number, paid, paid == due))
        left -= paid
    return tuple(allocations), left


def split(orders: Sequence[OpenOrder], dues: Mapping[str, int], amount: int) -> Split:
    """Apply ``amount`` to the referenced ``orders`` (sorted oldest first) by the cascade."""
    total = sum(dues[o.number] for o in orders)
    allocations, left = fill_oldest_first(orders, dues, amount)
    if total == amount:
        return Split(Fit.EXACT, allocations, 0, ("сумма совпала",))
    if total < amount:
        return Split(Fit.OVER, allocations, left, (f"переплата {money(left)} — аванс",))
    short = total - amount
    partial = allocations[-1]
    reason = f"недоплата {money(short)} — частичная оплата заказа {partial.order_number}" if not partial.closes_order else f"недоплата {money(short)}"
    subsets = exact_subsets(orders, dues, amount, max_orders=12, min_size=1, max_size=len(orders) - 1)
    prefix = tuple(a.order_number for a in allocations)
    if any(tuple(o.number for o in s) != prefix for s in subsets) or len(orders) > 12:
        return Split(Fit.UNDER_AMBIGUOUS, allocations, 0, (reason, "сумма совпала с частью заказов"))
    return Split(Fit.UNDER, allocations, 0, (reason,))


def exact_subsets(
    orders: Sequence[OpenOrder], dues: Mapping[str, int], amount: int, *, max_orders: int = 12, min_size: int = 2, max_size: int = 3
) -> list[tuple[OpenOrder, ...]]:
    """Groups of ``min_size`` to ``max_size`` orders owing exactly ``amount`` together."""
    if len(orders) > max_orders:
        return []
    found = []
    for size in range(min_size, min(max_size, len(orders)) + 1):
        for group in combinations(orders, size):
            if sum(dues[o.number] for o in group) == amount:
                found.append(group)
                if len(found) > 5:
                    return found
    return found


def full_allocations(orders: Sequence[OpenOrder], dues: Mapping[str, int]) -> tuple[Allocation, ...]:
    return tuple(Allocation(o.number, dues[o.number], True) for o in orders)
