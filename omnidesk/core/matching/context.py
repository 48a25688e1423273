"""Everything known about one line before deciding: purpose facts, payer, referenced orders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .index import CustomerIndex, OrderBook
from .model import BankLine, CustomerId, OpenOrder
from .payer import Identity, identify
from .purpose import PurposeFacts, read_purpose

DATE_SLACK = dt.timedelta(days=1)


@dataclass(frozen=True)
class LineContext:
    line: BankLine
    facts: PurposeFacts
    identity: Identity
    refs: tuple[OpenOrder, ...]  # open orders named in the purpose, oldest first
    closed: tuple[str, ...]  # named orders that owe nothing any more
    unexplained: tuple[str, ...]  # order-like or document numbers that are no order of ours
    later: tuple[OpenOrder, ...] = ()  # named orders created after the payment's date

    def refs_of(self, customer_id: CustomerId) -> list[OpenOrder]:
        return [o for o in self.refs if o.customer_id == customer_id]

    def ref_owners(self) -> set[CustomerId]:
        return {o.customer_id for o in self.refs}


def _order_like(number: str, lengths: tuple[int, int]) -> bool:
    """Long enough to be an order number written with a digit missing or one too many."""
    low, high = lengths
    if not low - 1 <= len(number) <= high + 1:
        return False
    return not (len(number) == 4 and 1990 <= int(number) <= 2039)  # a year


def read_line(line: BankLine, customers: CustomerIndex, book: OrderBook) -> LineContext:
    facts = read_purpose(line.purpose)
    refs: list[OpenOrder] = []
    closed: list[str] = []
    unexplained: list[str] = []
    later: list[OpenOrder] = []
    for number in facts.numbers:
        order = book.order(number)
        if order is None:
            if number in facts.marked or _order_like(number, book.number_lengths):
                unexplained.append(number)
        elif order.date > line.date + DATE_SLACK:
            later.append(order)
        elif book.is_open(number):
            refs.append(order)
        else:
            closed.append(number)
    refs.sort(key=lambda o: (o.date, o.number))
    identity = identify(line, facts, customers)
    return LineContext(line, facts, identity, tuple(refs), tuple(closed), tuple(unexplained), tuple(later))


def similar_number(written: str, number: str) -> bool:
    """One digit wrong, missing or one too many, or two neighbouring digits swapped."""
    if written == number:
        return False
    if abs(len(written) - len(number)) == 1:
        short, long_ = sorted((written, number), key=len)
        return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
    if len(written) != len(number):
        return False
    diff = [i for i, (a, b) in enumerate(zip(written, number, strict=False)) if a != b]
    if len(diff) == 1:
        return True
    return len(diff) == 2 and diff[1] == diff[0] + 1 and written[diff[0]] == number[diff[1]] and written[diff[1]] == number[diff[0]]


def typo_refs(ctx: LineContext, open_orders: list[OpenOrder]) -> list[tuple[str, OpenOrder]]:
    """(written, meant) for unexplained numbers close to exactly one of these open orders."""
    found = []
    for written in ctx.unexplained:
        close = [o for o in open_orders if similar_number(written, o.number)]
        if len(close) == 1:
            found.append((written, close[0]))
    return found
