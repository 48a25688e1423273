"""The money side of a delivery with refusals: what to offset, collect and give back.

:func:`quote_delivery` answers before any money is taken ("collect 4 500,00 ₽");
:func:`settle_delivery` checks what the driver collected and plans the final receipt.

A shortfall or a surplus at the door is an error (:class:`DeliveryPaymentMismatch`, with
``unpaid``/``overpaid``): a «Полный расчёт» receipt cannot be printed for goods not fully paid,
and money above the price is a separate payment (an advance) the ledger registers itself.
The prepayment left over for refused goods is ``excess_prepayment``: the cashier refunds it
(:func:`plan_prepayment_refund` over ``refused``) or keeps it as an advance
(:func:`plan_conversion_to_advance`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .builders import plan_final_settlement
from .errors import DeliveryPaymentMismatch, ReceiptPlanError
from .lines import QtyLine, amount_for_quantity
from .model import OrderSnap, ReceiptPlan, require_int


@dataclass(frozen=True, slots=True)
class DeliveryQuote:
    accepted: tuple[QtyLine, ...]  # (order line, accepted quantity_milli), quantity > 0
    refused: tuple[QtyLine, ...]  # (order line, refused quantity_milli), quantity > 0
    accepted_total: int  # value of the accepted goods (1020 of the final receipt)
    refused_total: int  # order total less accepted_total: value of the refused goods
    prepayment_applied: int  # 1215 of the final receipt
    due: int  # still to collect at the door
    excess_prepayment: int  # prepaid money with no goods behind it any more


@dataclass(frozen=True, slots=True)
class DeliverySettlement(DeliveryQuote):
    final: ReceiptPlan | None  # None when nothing was accepted


def quote_delivery(order: OrderSnap, accepted_qty_by_line_id: Mapping[int, int], prepaid: int) -> DeliveryQuote:
    """Split a delivery: accepted value, prepayment applied, due at the door, excess prepayment.

    A line missing from ``accepted_qty_by_line_id`` counts as refused entirely; an id that is
    not the order's, or a quantity outside 0…ordered, is an error.
    """
    require_int("предоплата", prepaid, minimum=0)
    accepted, refused = _split_lines(order, accepted_qty_by_line_id)
    total = sum(amount_for_quantity(line, quantity) for line, quantity in accepted)
    applied = min(prepaid, total)
    return DeliveryQuote(
        accepted=tuple(accepted), refused=tuple(refused), accepted_total=total,
        refused_total=order.total - total, prepayment_applied=applied,
        due=total - applied, excess_prepayment=prepaid - applied,
    )


def settle_delivery(order: OrderSnap, accepted_qty_by_line_id: Mapping[int, int], prepaid: int,
                    collected_cash: int = 0, collected_electronic: int = 0, *, payment_ids: Iterable[int] = (),
                    contact: str | None = None, credit: int = 0) -> DeliverySettlement:
    """The quote plus the final receipt; the money collected must be exactly ``due``."""
    quote = quote_delivery(order, accepted_qty_by_line_id, prepaid)
    final = None
    if quote.accepted_total > 0:
        final = plan_final_settlement(
            order, quote.accepted, prepaid=prepaid, cash=collected_cash, electronic=collected_electronic,
            payment_ids=payment_ids, contact=contact, credit=credit,
        )
    elif collected_cash or collected_electronic:
        raise DeliveryPaymentMismatch(
            f"по заказу №{order.number} ничего не принято, а деньги получены", due=0,
            collected=collected_cash + collected_electronic,
        )
    fields = {name: getattr(quote, name) for name in DeliveryQuote.__dataclass_fields__}
    return DeliverySettlement(**fields, final=final)


def _split_lines(order: OrderSnap, accepted_qty: Mapping[int, int]) -> tuple[list[QtyLine], list[QtyLine]]:
    unknown = set(accepted_qty) - {line.id for line in order.lines}
    if unknown:
        raise ReceiptPlanError(f"в заказе №{order.number} нет строк с id {sorted(unknown)}")
    accepted: list[QtyLine] = []
    refused: list[QtyLine] = []
    for line in order.lines:
        quantity = require_int(f"принято «{line.name}»", accepted_qty.get(line.id, 0), minimum=0)
        if quantity > line.quantity_milli:
            raise ReceiptPlanError(f"«{line.name}»: принято больше, чем заказано")
        if quantity:
            accepted.append((line, quantity))
        if quantity < line.quantity_milli:
            refused.append((line, line.quantity_milli - quantity))
    return accepted, refused
