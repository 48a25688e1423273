"""The receipt a driver issues at a stop, prepared before the route leaves (DESIGN «Receipts at the door»).

For a full delivery it is the final settlement (1054 = 1, the order's lines with 1214 = 4 at their
ordered quantity, unit and price, 1215 = the prepayment it offsets, the rest paid at the door).
Each refused line changes it: the line leaves the receipt, the offset shrinks to what the accepted
goods cost, and the prepayment left without goods is refunded or kept as an advance.
:func:`door_receipt` returns all of it as data; :func:`door_text` words it for the route sheet and
:func:`door_json` shapes it for the driver's device.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..money import format_amount
from .delivery import quote_delivery, settle_delivery
from .explain import format_quantity
from .model import OrderSnap, ReceiptPlan


@dataclass(frozen=True, slots=True)
class Refusal:
    """What changes when one line is refused entirely."""

    line_name: str
    quantity_milli: int
    unit: str
    collect: int  # what to collect then
    offset: int  # 1215 then
    excess: int  # prepayment left without goods: refunded or kept as an advance


@dataclass(frozen=True, slots=True)
class DoorReceipt:
    order_number: str
    full: ReceiptPlan | None  # the receipt of a full delivery (None: nothing to fiscalise)
    collect: int  # money to take at the door for a full delivery
    refusals: tuple[Refusal, ...]
    paper_with_goods: bool  # remote settlement and no contact: the paper receipts travel with the goods
    # (Ministry of Finance, 16.06.2022)

    @property
    def needs_register_at_door(self) -> bool:
        """Money changes hands at the door, so the receipt is printed there, on the driver's register."""
        return self.collect > 0


def door_receipt(order: OrderSnap, prepaid: int, *, electronic: bool = False, contact: str | None = None,
                 owes_receipt: bool = True) -> DoorReceipt:
    """The stop's receipt for a full delivery and how refusing each line changes it."""
    everything = {line.id: line.quantity_milli for line in order.lines}
    quote = quote_delivery(order, everything, prepaid)
    full = None
    if owes_receipt and quote.accepted_total:
        cash, money = (0, quote.due) if electronic else (quote.due, 0)
        full = settle_delivery(order, everything, prepaid, cash, money, contact=contact).final
    refusals = []
    for line in order.lines:
        without = quote_delivery(order, {**everything, line.id: 0}, prepaid)
        refusals.append(Refusal(line.name, line.quantity_milli, line.unit, without.due, without.prepayment_applied,
                                without.excess_prepayment))
    paper = prepaid > 0 and not contact  # remote money, no e-mail or phone: its paper receipts go with the goods
    return DoorReceipt(order.number, full, quote.due, tuple(refusals), paper)


def door_text(door: DoorReceipt) -> tuple[str, ...]:
    """Route-sheet lines: the receipt to issue, what to collect, and what each refusal changes."""
    if door.full is None:
        return ("Чек у двери не нужен",)  # nothing to fiscalise (a company's transfers)
    plan = door.full
    where = "на своей ККТ в момент оплаты" if door.needs_register_at_door else "пробивает офис (только зачёт предоплаты)"
    rows = [f"Чек: приход, полный расчёт (1214 = 4) — {where}"]
    rows += [f"  {line.name}: {format_quantity(line.quantity_milli)} {line.unit} × {format_amount(line.price)} = "
             f"{format_amount(line.amount)}, НДС {line.vat.label}" for line in plan.lines]
    if plan.prepayment_offset:
        rows.append(f"  Зачёт предоплаты (1215): {format_amount(plan.prepayment_offset)}")
    rows.append(f"  Получить: {format_amount(door.collect)}")
    for refusal in door.refusals:
        change = f"получить {format_amount(refusal.collect)}"
        if refusal.excess:
            change += f", {format_amount(refusal.excess)} предоплаты — возврат или аванс"
        rows.append(f"  Отказ от «{refusal.line_name}»: строки нет в чеке, зачёт {format_amount(refusal.offset)}, "
                    f"{change}")
    if door.paper_with_goods:
        rows.append("  Нет телефона и e-mail покупателя: бумажные чеки (предоплаты и этот) передать вместе с товаром")
    return tuple(rows)


def door_json(door: DoorReceipt) -> dict[str, Any]:
    """The stop's receipt for the driver's device (kopecks, quantities as decimal strings)."""
    plan = door.full
    return {
        "order": door.order_number, "collect": door.collect, "print_at_door": door.needs_register_at_door,
        "paper_with_goods": door.paper_with_goods,
        "receipt": None if plan is None else {
            "operation": int(plan.operation), "prepayment_offset": plan.prepayment_offset, "cash": plan.cash,
            "electronic": plan.electronic, "buyer_contact": plan.buyer_contact,
            "lines": [{"name": line.name, "quantity": format_quantity(line.quantity_milli).replace(",", "."),
                       "unit": line.unit, "price": line.price, "amount": line.amount, "vat": line.vat.value,
                       "method": int(line.method), "subject": line.subject.value} for line in plan.lines],
        },
        "refusals": [{"line": r.line_name, "quantity": format_quantity(r.quantity_milli).replace(",", "."),
                      "unit": r.unit, "collect": r.collect, "prepayment_offset": r.offset, "excess": r.excess}
                     for r in door.refusals],
    }
