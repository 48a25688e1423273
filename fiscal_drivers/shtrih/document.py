"""Receipt → Shtrih command arguments. Pure: validation, FF46 fields, TLVs, FF45 payment slots."""

from __future__ import annotations

import calendar
from typing import Any

from .. import ffd
from ..errors import InvalidDocumentError
from ..model import QUANTITY_SCALE, Correction, Line, Receipt
from . import protocol as p


def validate(receipt: Receipt, vat_bytes: dict[int, int]) -> None:
    """Raise :class:`InvalidDocumentError` (in Russian) for what the device would refuse anyway."""
    if not receipt.lines:
        raise InvalidDocumentError("в чеке нет ни одной позиции")
    for line in receipt.lines:
        _validate_line(line, vat_bytes)
    pay = receipt.payments
    amounts = (pay.cash, pay.electronic, pay.prepayment, pay.credit, pay.counter_provision)
    if any(not isinstance(a, int) or isinstance(a, bool) or a < 0 for a in amounts):
        raise InvalidDocumentError("суммы оплат — целые неотрицательные копейки")
    if pay.total < receipt.total:
        raise InvalidDocumentError(f"оплачено {pay.total} коп. меньше итога {receipt.total} коп.")
    if pay.total - pay.cash > receipt.total:
        raise InvalidDocumentError("безналичные оплаты больше итога чека: сдача возможна только с наличных")
    if isinstance(receipt, Correction) and receipt.corrected_date is None:
        raise InvalidDocumentError("в чеке коррекции нужна дата исправляемого расчёта (1178)")


def _validate_line(line: Line, vat_bytes: dict[int, int]) -> None:
    for value, what in ((line.price, "цена"), (line.quantity, "количество")):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InvalidDocumentError(f"{what} позиции «{line.name}» — целое неотрицательное число")
    if line.quantity == 0:
        raise InvalidDocumentError(f"нулевое количество в позиции «{line.name}»")
    if line.total is not None and abs(line.total - line.computed) > 1:
        raise InvalidDocumentError(f"сумма позиции «{line.name}» расходится с ценой × количество больше чем на копейку")
    if int(line.vat) not in vat_bytes:
        raise InvalidDocumentError(f"ставка НДС {int(line.vat)} не настроена для этой прошивки ККТ")
    if not 0 <= line.measure <= 254:
        raise InvalidDocumentError(f"неверная мера количества (2108) в позиции «{line.name}»")
    if not line.name.strip():
        raise InvalidDocumentError("у позиции нет наименования")


def operation_fields(line: Line, operation: int, vat_bytes: dict[int, int]) -> dict[str, Any]:
    """FF46 arguments for one line (sum given explicitly; the device checks it within ±1 kopeck)."""
    return {
        "op": operation, "qty": line.quantity * (p.QTY_SCALE_FF46 // QUANTITY_SCALE), "price": line.price,
        "amount": line.amount, "rate": vat_bytes[int(line.vat)], "method": int(line.method),
        "subject": int(line.subject), "name": line.name,
    }


def item_tlv(line: Line) -> bytes:
    """FF4D tags of a line: unit of measure (required in FFD 1.2) and the marking code."""
    tags: dict[int, Any] = {2108: line.measure}
    if line.marking_code:
        tags[2000] = line.marking_code
    return ffd.encode_tags(tags)


def receipt_tlvs(receipt: Receipt) -> list[bytes]:
    """FF0C chunks of receipt-level tags, each fitting one frame (≤ 249 bytes)."""
    elements: list[bytes] = []
    if isinstance(receipt, Correction):
        elements.append(ffd.encode_tlv(1173, int(receipt.correction_type)))
        basis: dict[int, Any] = {1178: unix_date(receipt)}
        if receipt.order_number:
            basis[1179] = receipt.order_number
        elements.append(ffd.encode_tlv(1174, basis))
    if receipt.buyer_contact:
        elements.append(ffd.encode_tlv(1008, receipt.buyer_contact))
    if receipt.buyer:
        buyer: dict[int, Any] = {1227: receipt.buyer.name}
        if receipt.buyer.inn:
            buyer[1228] = receipt.buyer.inn
        elements.append(ffd.encode_tlv(1256, buyer))
    elements.extend(cashier_tlv(receipt.cashier))
    try:
        return ffd.split_tlv(elements, p.MAX_TLV_PER_COMMAND)
    except ValueError as exc:
        raise InvalidDocumentError(f"реквизит чека длиннее допустимого (249 байт в одной команде): {exc}") from None


def cashier_tlv(cashier: Any) -> list[bytes]:
    if cashier is None:
        return []
    out = [ffd.encode_tlv(1021, cashier.name)]
    if cashier.inn:
        out.append(ffd.encode_tlv(1203, cashier.inn))
    return out


def unix_date(receipt: Correction) -> int:
    """1178: the corrected calculation's date at 00:00:00 (UTC-based UnixTime, as FN readers show it)."""
    date = receipt.corrected_date
    return calendar.timegm((date.year, date.month, date.day, 0, 0, 0))


def payment_slots(receipt: Receipt) -> list[int]:
    """The 16 FF45 payment sums."""
    slots = [0] * p.PAYMENT_SLOTS
    pay = receipt.payments
    slots[p.SLOT_CASH] = pay.cash
    slots[p.SLOT_ELECTRONIC] = pay.electronic
    slots[p.SLOT_PREPAYMENT] = pay.prepayment
    slots[p.SLOT_CREDIT] = pay.credit
    slots[p.SLOT_COUNTER] = pay.counter_provision
    return slots
