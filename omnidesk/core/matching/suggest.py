"""Ranked suggestions for a line a person has to decide, each with its reasons in Russian."""

from __future__ import annotations

from .allocate import exact_subsets, fill_oldest_first, full_allocations, split
from .context import LineContext, typo_refs
from .index import CustomerIndex, OrderBook
from .model import CustomerId, Proposal
from .payer import Strength

LIMIT = 5
_MAX_SAME_AMOUNT = 5


def suggest(ctx: LineContext, customers: CustomerIndex, book: OrderBook) -> tuple[Proposal, ...]:
    proposals: list[Proposal] = []
    for customer_id in _candidates(ctx, book):
        proposals.extend(_for_customer(ctx, customers, book, customer_id))
    if not proposals:
        proposals.extend(_same_amount_anywhere(ctx, book))
    return _ranked(proposals)


def _candidates(ctx: LineContext, book: OrderBook) -> list[CustomerId]:
    found: dict[CustomerId, None] = {}
    if ctx.identity.customer_id is not None:
        found[ctx.identity.customer_id] = None
    for customer_id, _ in sorted(ctx.identity.candidates.items(), key=lambda kv: -kv[1])[:LIMIT]:
        found[customer_id] = None
    for order in ctx.refs + ctx.later:
        found[order.customer_id] = None
    same = book.with_due(ctx.line.amount)
    if len(same) <= _MAX_SAME_AMOUNT:
        for order in same:
            found[order.customer_id] = None
    return list(found)


def _base(ctx: LineContext, customer_id: CustomerId) -> tuple[int, tuple[str, ...]]:
    strength = ctx.identity.strength_of(customer_id)
    if ctx.identity.customer_id == customer_id:
        strength = ctx.identity.strength
    return int(strength) * 30, ctx.identity.evidence.get(customer_id, ())


def _for_customer(ctx: LineContext, customers: CustomerIndex, book: OrderBook, customer_id: CustomerId) -> list[Proposal]:
    score, why = _base(ctx, customer_id)
    amount = ctx.line.amount
    open_orders = book.open_orders(customer_id)
    out: list[Proposal] = []
    later = [o for o in ctx.later if o.customer_id == customer_id and book.is_open(o.number)]
    refs = ctx.refs_of(customer_id) + later + [o for _, o in typo_refs(ctx, open_orders)]
    if refs:
        refs = sorted({o.number: o for o in refs}.values(), key=lambda o: (o.date, o.number))
        result = split(refs, book.due, amount)
        bonus = 45 * min(len(refs), 3) + (25 if result.allocations and result.advance == 0 and all(a.closes_order for a in result.allocations) else 0)
        reason = "номер заказа в назначении" if len(refs) == 1 else "номера заказов в назначении"
        out.append(Proposal(customer_id, result.allocations, result.advance, (*why, reason, *result.reasons), score + bonus))
    for order in open_orders:
        if book.due[order.number] == amount:
            out.append(Proposal(customer_id, full_allocations([order], book.due), 0, (*why, f"сумма совпала с заказом {order.number}"), score + 25))
    for group in exact_subsets(open_orders, book.due, amount):
        numbers = ", ".join(o.number for o in group)
        out.append(Proposal(customer_id, full_allocations(group, book.due), 0, (*why, f"сумма совпала с заказами {numbers}"), score + 15))
    if open_orders:
        allocations, left = fill_oldest_first(open_orders, book.due, amount)
        out.append(Proposal(customer_id, allocations, left, (*why, "старые заказы первыми"), score + 5))
    if customer_id in customers.by_id and ctx.identity.strength_of(customer_id) >= Strength.WEAK:
        out.append(Proposal(customer_id, (), amount, (*why, "всё — аванс клиента"), score))
    return out


def _same_amount_anywhere(ctx: LineContext, book: OrderBook) -> list[Proposal]:
    same = book.with_due(ctx.line.amount)[:_MAX_SAME_AMOUNT]
    return [
        Proposal(o.customer_id, full_allocations([o], book.due), 0, (f"сумма совпала с заказом {o.number}",), 10)
        for o in same
    ]


def _ranked(proposals: list[Proposal]) -> tuple[Proposal, ...]:
    seen = set()
    unique = []
    for proposal in sorted(proposals, key=lambda p: -p.score):
        key = (proposal.customer_id, proposal.allocations, proposal.advance)
        if key not in seen:
            seen.add(key)
            unique.append(proposal)
    return tuple(unique[:LIMIT])
