"""The automatic part of the cascade: only certain matches become a Proposal to book.

Returns either a Proposal (book it) or one Russian sentence saying why a person must look. What an
accountant asks about is never booked automatically: words of a refund, a payer we buy from, a number
that is no open order of ours (never "corrected" to the nearest one), an order created after the
payment, named orders the money does not settle, an order named again after it was paid.
"""

from __future__ import annotations

from dataclasses import dataclass

from .allocate import Fit, full_allocations, money, split
from .context import LineContext, similar_number
from .index import OrderBook
from .model import CustomerId, OpenOrder, Proposal
from .payer import Strength
from .text import digits_only, fold

MAX_ORDERS_FOR_TOTAL = 10
_LEGAL_FORMS = ("ооо", "ао", "пао", "зао", "оао", "ип", "нко", "фгуп", "муп", "гуп")


@dataclass(frozen=True)
class Verdict:
    proposal: Proposal | None
    why_not: tuple[str, ...] = ()


def _review(sentence: str) -> Verdict:
    """One sentence for the person who decides: capitalised, ending with a full stop."""
    text = sentence.strip()
    return Verdict(None, (text[:1].upper() + text[1:] + ("" if text.endswith(".") else "."),))


def _numbers(numbers) -> str:
    items = list(numbers)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " и " + items[-1]


def decide(ctx: LineContext, book: OrderBook, suppliers: frozenset[str] = frozenset()) -> Verdict:
    blocked = _not_a_customer_payment(ctx, suppliers) or _unclear_numbers(ctx, book)
    if blocked:
        return blocked
    chosen = _who(ctx)
    if isinstance(chosen, Verdict):
        return chosen
    customer, strength, reasons = chosen
    others = sorted({o.number for o in ctx.refs if o.customer_id != customer})
    if others:
        return _paid_for_someone_else(ctx, book, customer) or _review(
            f"заказ {_numbers(others)} оформлен на другого клиента, а плательщик не назвал его в назначении")
    own = ctx.refs_of(customer)
    if own:
        return _by_refs(ctx, book, customer, strength, reasons, own)
    return _by_amount(ctx, book, customer, strength, reasons)


def _not_a_customer_payment(ctx: LineContext, suppliers: frozenset[str]) -> Verdict | None:
    line = ctx.line
    if ctx.facts.refund:
        return _review("в назначении слова о возврате — это не оплата покупателя, проверьте, от кого и за что деньги")
    inn, account = digits_only(line.payer_inn), digits_only(line.payer_account)
    if (inn and inn in suppliers) or (account and account in suppliers):
        return _review("плательщик — наш поставщик, а не покупатель: деньги не зачтены в заказы")
    return None


def _unclear_numbers(ctx: LineContext, book: OrderBook) -> Verdict | None:
    if ctx.unexplained:
        number = ctx.unexplained[0]
        close = [n for n in book.numbers if similar_number(number, n) and book.is_open(n)]  # sorted, each once
        if close:
            return _review(f"в назначении номер {number}, а открытого заказа с таким номером нет — возможно, имелся в виду "
                           f"заказ {_numbers(close[:3])}, проверьте")
        return _review(f"в назначении номер {number}, а заказа или счёта с таким номером у нас нет — уточните, за что платёж")
    if ctx.later:
        order = ctx.later[0]
        return _review(f"заказ {order.number} из назначения оформлен {order.date:%d.%m.%Y}, позже даты платежа "
                       f"{ctx.line.date:%d.%m.%Y}, — проверьте, за него ли деньги")
    return None


def _who(ctx: LineContext) -> tuple[CustomerId, Strength, tuple[str, ...]] | Verdict:
    identity = ctx.identity
    if identity.customer_id is not None:
        return identity.customer_id, identity.strength, identity.reasons
    owners = ctx.ref_owners()
    if len(owners) > 1:
        return _review("в назначении заказы разных клиентов, а плательщик не определён")
    if not owners:
        if identity.tied:
            return _review("плательщик похож на нескольких клиентов, а номера заказа в назначении нет")
        if ctx.closed:
            return _review(f"плательщик не найден среди клиентов, а заказ {_numbers(ctx.closed)} из назначения уже оплачен")
        return _review("плательщик не найден среди клиентов, а номера открытого заказа в назначении нет")
    (owner,) = owners
    if identity.tied and owner in identity.candidates:
        return owner, Strength.WEAK, identity.evidence[owner] + ("номер заказа указал клиента",)
    if identity.candidates and max(identity.candidates.values()) >= Strength.MEDIUM:
        return _review("плательщик похож на другого клиента, чем владелец заказа из назначения")
    if not identity.transit and _is_organisation(ctx):
        return _review("платит организация, которой нет среди клиентов, за заказ другого клиента — уточните, чьи это деньги")
    return owner, Strength.NONE, (*identity.reasons, "плательщик не найден, клиент по номеру заказа")


def _is_organisation(ctx: LineContext) -> bool:
    if len(digits_only(ctx.line.payer_inn)) == 10:
        return True
    first = fold(ctx.line.payer_name).replace('"', " ").split()
    return bool(first) and first[0] in _LEGAL_FORMS


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
    if not named or result.fit is not Fit.EXACT or ctx.closed:
        return None
    why = (_ref_reason(orders), *named, "платит другой клиент", *result.reasons)
    return Verdict(Proposal(owner, result.allocations, 0, why))


def _ref_reason(orders: list[OpenOrder]) -> str:
    return "номер заказа в назначении" if len(orders) == 1 else "номера заказов в назначении"


def _by_refs(ctx, book, customer, strength, reasons, own) -> Verdict:
    result = split(own, book.due, ctx.line.amount)
    numbers = _numbers([o.number for o in own])
    if ctx.closed and result.fit is not Fit.EXACT:
        return _review(f"заказ {_numbers(ctx.closed)} из назначения уже оплачен, а сумма не равна долгу по заказу {numbers} — "
                       "как зачесть остаток, решает бухгалтер")
    if result.fit is Fit.UNDER_AMBIGUOUS:
        return _review(f"сумма совпала лишь с частью заказов {numbers} — какие из них оплачены, решает бухгалтер")
    if result.fit is Fit.UNDER and len(own) > 1:
        return _review(f"денег {money(ctx.line.amount)} меньше, чем стоят заказы {numbers} вместе, — как разделить, "
                       "решает бухгалтер")
    if result.fit is Fit.UNDER and strength < Strength.WEAK:
        return _review(f"плательщик не найден среди клиентов, а денег меньше долга по заказу {numbers}")
    if result.fit is Fit.OVER and strength < Strength.MEDIUM:
        return _review(f"денег больше долга по заказу {numbers}, а плательщик определён неуверенно, — чей остаток, "
                       "решает бухгалтер")
    why = (*reasons, _ref_reason(own), *(f"заказ {n} уже оплачен" for n in ctx.closed), *result.reasons)
    return Verdict(Proposal(customer, result.allocations, result.advance, why))


def _by_amount(ctx, book, customer, strength, reasons) -> Verdict:
    amount = ctx.line.amount
    if ctx.closed:
        return _review(f"заказ {_numbers(ctx.closed)} из назначения уже оплачен — возможно, это повторная оплата")
    open_orders = book.open_orders(customer)
    if not open_orders:
        if strength is Strength.STRONG:
            return Verdict(Proposal(customer, (), amount, (*reasons, "открытых заказов нет — аванс")))
        return _review("плательщик определён неуверенно, а открытых заказов у него нет")
    exact = [o for o in open_orders if book.due[o.number] == amount]
    if len(exact) == 1 and strength >= Strength.MEDIUM:
        why = (*reasons, f"сумма совпала с заказом {exact[0].number}")
        return Verdict(Proposal(customer, full_allocations(exact, book.due), 0, why))
    if len(exact) > 1:
        return _review(f"номера заказа в назначении нет, а на {money(amount)} открыто несколько заказов клиента")
    total = sum(book.due[o.number] for o in open_orders)
    if strength is Strength.STRONG and total == amount and len(open_orders) <= MAX_ORDERS_FOR_TOTAL:
        why = (*reasons, "сумма совпала с суммой всех открытых заказов")
        return Verdict(Proposal(customer, full_allocations(open_orders, book.due), 0, why))
    if len(exact) == 1:
        return _review(f"номера заказа в назначении нет, сумма совпала с заказом {exact[0].number}, но плательщик "
                       "определён неуверенно")
    return _review("номера заказа в назначении нет, и сумма не совпала ни с одним заказом клиента")
