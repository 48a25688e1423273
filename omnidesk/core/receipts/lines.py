"""Receipt lines from order lines: exact amounts, prices the register accepts, spreads.

**Price rule (tags 1079 × 1023 = 1043).** Every receipt of an order shows the ordered quantity
(and unit) of each line — the prepayment, the final settlement and a return alike. The register
checks price × quantity against the exact amount and accepts a difference of one kopeck, so
:func:`priced` keeps the quantity and takes the order's unit price when it fits, else the amount
divided by the quantity, rounded half up. Where no price fits within a kopeck (12,5 m for 1 000,00)
:func:`plan_lines` splits the line: all but one unit at that price, the last unit at the rest.
Either way the amount itself (what 1031/1081/1215 must add up to) is never touched.

**Part of a line (tag 1043 for an accepted, refused or returned quantity).**
:func:`amount_for_quantity` is ``line.amount × quantity // line.quantity``, rounded *down*;
the whole quantity always gives the whole amount. Rounding down is superadditive
(⌊x⌋ + ⌊y⌋ ≤ ⌊x + y⌋), so returns split over several visits never add up to more than was
accepted, and the customer is never charged a kopeck above the order's own price.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..enums import PaymentSubject
from ..money import spread
from ..vat import VatRate
from .errors import ReceiptPlanError
from .explain import format_quantity
from .model import NAME_MAX, Method, OrderLineSnap, PlanLine

ADVANCE_NAME = "Аванс"
ADVANCE_VAT = VatRate.VAT22_122

QtyLine = tuple[OrderLineSnap, int]


def amount_for_quantity(line: OrderLineSnap, quantity_milli: int) -> int:
    """The kopecks of ``quantity_milli`` of ``line``, rounded down; the whole line gives its amount."""
    if not 0 <= quantity_milli <= line.quantity_milli:
        raise ReceiptPlanError(
            f"«{line.name}»: количество {format_quantity(quantity_milli)} вне 0…{format_quantity(line.quantity_milli)}"
        )
    return line.amount * quantity_milli // line.quantity_milli


def line_sum(price: int, quantity_milli: int) -> int:
    """What the register computes for price × quantity, rounded half up (kopecks)."""
    return (price * quantity_milli + 500) // 1000


def fits(price: int, quantity_milli: int, amount: int) -> bool:
    """Whether the register accepts ``amount`` for price × quantity (within one kopeck)."""
    return abs(line_sum(price, quantity_milli) - amount) <= 1


def priced(amount: int, quantity_milli: int, unit_price: int | None = None) -> tuple[int, int] | None:
    """``(quantity_milli, price)`` for ``amount`` at the ordered quantity, or None when no price fits."""
    if unit_price is not None and fits(unit_price, quantity_milli, amount):
        return quantity_milli, unit_price
    price = (2 * amount * 1000 + quantity_milli) // (2 * quantity_milli)
    return (quantity_milli, price) if fits(price, quantity_milli, amount) else None


def fiscal_name(name: str) -> str:
    """The item name as tag 1030 allows it (at most 128 characters, never empty)."""
    cleaned = " ".join(str(name).split()) or "Товар"
    return cleaned if len(cleaned) <= NAME_MAX else cleaned[: NAME_MAX - 1] + "…"


def plan_lines(source: OrderLineSnap, amount: int, quantity_milli: int, *, method: Method,
               vat: VatRate) -> tuple[PlanLine, ...]:
    """Receipt line(s) for ``amount`` kopecks of ``quantity_milli`` of an order line, at that quantity."""
    unit_price = source.price if source.amount == line_sum(source.price, source.quantity_milli) else None
    found = priced(amount, quantity_milli, unit_price)
    if found is not None:
        parts = [(quantity_milli, found[1], amount)]
    else:  # all but the last unit at the rounded price, the last unit (or part) at the rest
        last = 1000 if quantity_milli > 1000 else quantity_milli
        head = quantity_milli - last
        price = amount * 1000 // quantity_milli
        first = line_sum(price, head)
        rest = amount - first
        parts = [(head, price, first), (last, (2 * rest * 1000 + last) // (2 * last), rest)]
    return tuple(
        PlanLine(name=fiscal_name(source.name), quantity_milli=qty, price=price, amount=part, vat=vat, method=method,
                 subject=source.subject, order_line_id=source.id, unit=source.unit)
        for qty, price, part in parts if part > 0
    )


def goods_lines(items: Iterable[QtyLine], *, method: Method = Method.FULL_SETTLEMENT) -> tuple[PlanLine, ...]:
    """Lines for goods that change hands, at the order's price and normal VAT; zero sums are left out."""
    lines: list[PlanLine] = []
    for source, quantity in items:
        amount = amount_for_quantity(source, quantity)
        if amount > 0:
            lines.extend(plan_lines(source, amount, quantity, method=method, vat=source.vat))
    return tuple(lines)


def share_weight(line: OrderLineSnap, quantity_milli: int) -> int:
    """The weight of part of a line in a spread: its value rounded *up*, so never zero for a real part."""
    if not 0 <= quantity_milli <= line.quantity_milli:
        raise ReceiptPlanError(f"«{line.name}»: количество вне заказанного")
    return -(-line.amount * quantity_milli // line.quantity_milli)


def spread_lines(total: int, items: Sequence[QtyLine], *, method: Method) -> tuple[PlanLine, ...]:
    """``total`` spread over ``items`` in proportion to their value, kopeck remainder on the last.

    Prepayment lines carry the calculated VAT rate (22 % → 22/122) and the order line's 1212.
    A line whose share rounds down to zero kopecks is left out (the register refuses empty
    items); the last line's share is never zero, so the result is never empty.
    """
    weighted = [(source, quantity, share_weight(source, quantity)) for source, quantity in items]
    weighted = [entry for entry in weighted if entry[2] > 0]
    if total <= 0 or not weighted:
        raise ReceiptPlanError("нечего распределять: сумма или стоимость строк равна нулю")
    parts = fitted_parts(spread(total, [weight for _, _, weight in weighted]), [q for _, q, _ in weighted])
    return tuple(
        line
        for (source, quantity, _), part in zip(weighted, parts, strict=False)
        if part > 0
        for line in plan_lines(source, part, quantity, method=method, vat=source.vat.calculated())
    )


def fitted_parts(parts: list[int], quantities: list[int]) -> list[int]:
    """Shift kopecks between the parts of a spread so that each part has a unit price at its quantity.

    Every part but one is moved to the nearest amount some price × quantity gives (within a
    kopeck); the difference goes to one line that absorbs it — preferably 1, 2 or 3 whole units
    (they fit every amount), the largest such part, else the largest part. So the prepayment shows
    each line at its ordered quantity (12,5 m stays 12,5 m); at most the absorbing line is split.
    """
    fitted = [_fitted(part, quantity) for part, quantity in zip(parts, quantities, strict=True)]
    any_amount = sorted((i for i, q in enumerate(quantities) if q in (1000, 2000, 3000)), key=lambda i: -parts[i])
    for absorber in any_amount + sorted(range(len(parts)), key=lambda i: -parts[i]):
        rest = sum(parts) - sum(f for i, f in enumerate(fitted) if i != absorber)
        if rest > 0:
            return [rest if i == absorber else f for i, f in enumerate(fitted)]
    return list(parts)


def _fitted(part: int, quantity: int) -> int:
    """The nearest amount to ``part`` that a unit price gives at ``quantity`` (0 when none is positive)."""
    if part <= 0:
        return part
    price = (2 * part * 1000 + quantity) // (2 * quantity)
    return max(line_sum(price, quantity), 0) if not fits(price, quantity, part) or price == 0 else part


def advance_line(amount: int, *, name: str = ADVANCE_NAME, vat: VatRate = ADVANCE_VAT) -> PlanLine:
    """The single line of an advance: 1214 = 3, 1212 = 10, calculated VAT."""
    return PlanLine(
        name=fiscal_name(name), quantity_milli=1000, price=amount, amount=amount, vat=vat,
        method=Method.ADVANCE, subject=PaymentSubject.PAYMENT, order_line_id=None, unit="шт",
    )


def whole_order(lines: Iterable[OrderLineSnap]) -> list[QtyLine]:
    """Every line at its full quantity."""
    return [(line, line.quantity_milli) for line in lines]
