"""The automatic part of the cascade: only certain matches become a Proposal to book.

Returns either a Proposal (book it) or the reason in Russian why a person must look.
"""

from __future__ import annotations

from dataclasses import dataclass

from .allocate import Fit, full_allocations, money, split
from .context import LineContext, typo_refs
from .index import OrderBook
from .model import CustomerId, OpenOrder, Proposal
from .payer import Strength

MAX_ORDERS_FOR_TOTAL = 10


@dataclass(frozen=True)
class Verdict:
    proposal: Proposal | None
    why_not: tuple[str, ...] = ()


def _review(*why: str) -> Verdict:
    return Verdict(None, why)


def decide(ctx: LineContext, book: OrderBook) -> Verdict:
    chosen = _who(ctx)
    if isinstance(chosen, Verdict):
        return chosen
    customer, strength, reasons = chosen
    others = sorted({o.number for o in ctx.refs if o.customer_id != customer})
    if others:
        return _paid_for_someone_else(ctx, book, customer) or _review(f"номер заказа {', '.join(others)} — заказ другого клиента")
    own = ctx.refs_of(customer)
    typos = typo_refs(ctx, book.open_orders(customer)) if strength >= Strength.MEDIUM else []
    if own or typos:
        return _by_refs(ctx, book, customer, strength, reasons, own, typos)
    return _by_amount(ctx, book, customer, strength, reasons)


def _who(ctx: LineContext) -> tuple[CustomerId, Strength, tuple[str, ...]] | Verdict:
    identity = ctx.identity
    if identity.customer_id is not None:
        return identity.customer_id, identity.strength, identity.reasons
    owners = ctx.ref_owners()
    if len(owners) > 1:
        return _review("в назначении заказы разных клиентов")
    if not owners:
        if identity.tied:
            return _review("плательщик похож на нескольких клиентов")
        return _review("плательщик не найден", "номера открытого заказа в назначении нет")
    (owner,) = owners
    if identity.tied and owner in identity.candidates:
        return owner, Strength.WEAK, identity.evidence[owner] + ("номер заказа указал клиента",)
    if identity.candidates and max(identity.candidates.values()) >= Strength.MEDIUM:
        return _review("плательщик похож на другого клиента, чем заказ в назначении")
    return owner, Strength.NONE, (*identity.reasons, "плательщик не найден, клиент по номеру заказа")


def _paid_for_someone_else(ctx: LineContext, book: OrderBook, payer: CustomerId) -> Verdict | None:
    """One person pays another's orders: certain only if the purpose names the orders' owner too
    and the amount is exactly what those orders owe."""
    owners = ctx.ref_owners()
    if len(owners) != 1 or ctx.refs_of(payer):
        return None
    (owner,) = owners
    named = [r for r in ctx.identity.evidence.get(owner, ()) if "в назначении" in r]
    orders = ctx.refs_of(owner)
    result = split(orders, book.due, ctx.line.amount)
    if not named or result.fit is not Fit.EXACT or ctx.unexplained or ctx.closed:
        return None
    why = (_ref_reason(orders), *named, "платит другой клиент", *result.reasons)
    return Verdict(Proposal(owner, result.allocations, 0, why))


def _ref_reason(orders: list[OpenOrder]) -> str:
    return "номер заказа в назначении" if len(orders) == 1 else "номера заказов в назначении"


def _by_refs(ctx, book, customer, strength, reasons, own, typos) -> Verdict:
    orders = sorted({o.number: o for o in own + [t[1] for t in typos]}.values(), key=lambda o: (o.date, o.number))
    result = split(orders, book.due, ctx.line.amount)
    notes = [f"номер заказа с опечаткой ({w} → {o.number})" for w, o in typos]
    notes += [f"заказ {n} уже оплачен" for n in ctx.closed]
    notes += [f"номер {n} не найден среди открытых заказов" for n in ctx.unexplained if n not in {w for w, _ in typos}]
    why = reasons + ((_ref_reason(orders),) if own else ()) + tuple(notes) + result.reasons
    if result.fit is Fit.UNDER_AMBIGUOUS:
        return _review(*why)
    certain = result.fit is Fit.EXACT if typos else (result.fit is Fit.EXACT or strength >= Strength.MEDIUM)
    if typos and strength < Strength.MEDIUM:
        certain = False
    if not certain:
        return _review(*why)
    return Verdict(Proposal(customer, result.allocations, result.advance, why))


def _by_amount(ctx, book, customer, strength, reasons) -> Verdict:
    amount = ctx.line.amount
    if ctx.closed:
        return _review(*reasons, *(f"заказ {n} уже оплачен" for n in ctx.closed))
    if ctx.unexplained:
        return _review(*reasons, *(f"номер {n} не найден среди открытых заказов" for n in ctx.unexplained))
    open_orders = book.open_orders(customer)
    if not open_orders:
        if strength is Strength.STRONG:
            return Verdict(Proposal(customer, (), amount, (*reasons, "открытых заказов нет — аванс")))
        return _review(*reasons, "открытых заказов нет")
    exact = [o for o in open_orders if book.due[o.number] == amount]
    if len(exact) == 1 and strength >= Strength.MEDIUM:
        why = (*reasons, f"сумма совпала с заказом {exact[0].number}")
        return Verdict(Proposal(customer, full_allocations(exact, book.due), 0, why))
    if len(exact) > 1:
        return _review(*reasons, f"несколько заказов на {money(amount)}")
    total = sum(book.due[o.number] for o in open_orders)
    if strength is Strength.STRONG and total == amount and len(open_orders) <= MAX_ORDERS_FOR_TOTAL:
        why = (*reasons, "сумма совпала с суммой всех открытых заказов")
        return Verdict(Proposal(customer, full_allocations(open_orders, book.due), 0, why))
    return _review(*reasons, "номера заказа в назначении нет", "сумма не совпала ни с одним заказом")
