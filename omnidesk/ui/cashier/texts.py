"""Words for receipts: their kind and state, and what a stored receipt will print (for confirmations)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from omnidesk.core.enums import PaymentSubject, ReceiptStatus
from omnidesk.core.money import format_amount
from omnidesk.core.receipts import (
    Correction,
    Method,
    Operation,
    PlanLine,
    ReceiptKind,
    ReceiptPlan,
    ReceiptPlanError,
    explain,
    format_quantity,
)
from omnidesk.services.receipts import ReceiptView

_STATUS = {
    ReceiptStatus.PLANNED: QT_TRANSLATE_NOOP("receipts", "to print"),
    ReceiptStatus.PENDING: QT_TRANSLATE_NOOP("receipts", "printing, awaiting check"),
    ReceiptStatus.PRINTED: QT_TRANSLATE_NOOP("receipts", "printed"),
    ReceiptStatus.FAILED: QT_TRANSLATE_NOOP("receipts", "not printed — print again"),
}


def status_label(status: ReceiptStatus) -> str:
    return QCoreApplication.translate("receipts", _STATUS[status])


def kind_label(kind: str) -> str:
    """The fiscal name of the receipt's kind (Russian: these are the register's own words)."""
    try:
        return ReceiptKind(kind).label
    except ValueError:
        return kind


def operation_label(operation: int) -> str:
    return Operation(operation).label


def is_owed(receipt: ReceiptView) -> bool:
    return receipt.status in (ReceiptStatus.PLANNED, ReceiptStatus.FAILED, ReceiptStatus.PENDING)


def as_plan(receipt: ReceiptView) -> ReceiptPlan:
    """The stored receipt as the plan it was made from, to word it with ``core.receipts.explain``."""
    lines = tuple(
        PlanLine(name=line.name, quantity_milli=line.quantity_milli, price=line.price, amount=line.amount,
                 vat=line.vat, method=Method(line.method), subject=PaymentSubject(line.subject))
        for line in receipt.lines
    )
    correction = None
    if receipt.correction_type is not None and receipt.correction_date is not None:
        correction = Correction(receipt.correction_type, receipt.correction_date, receipt.correction_doc)
    return ReceiptPlan(
        kind=ReceiptKind(receipt.kind), operation=Operation(receipt.operation), lines=lines, cash=receipt.cash,
        electronic=receipt.electronic, prepayment_offset=receipt.prepayment_offset, credit=receipt.credit,
        reason=receipt.reason, customer_id=receipt.customer_id, buyer_contact=receipt.buyer_contact,
        correction=correction,
    )


def explain_receipt(receipt: ReceiptView) -> str:
    """Operation, why, lines with their 1214, sums and payment kinds — in the register's Russian."""
    try:
        text = explain(as_plan(receipt))
    except (ReceiptPlanError, ValueError):  # an old or odd row: say the essentials
        text = _plain(receipt)
    who = f"{receipt.customer_name}" + (f", заказ №{', '.join(receipt.order_numbers)}" if receipt.order_numbers else "")
    return f"Чек {receipt.id} — {who}\n{text}" if who else f"Чек {receipt.id}\n{text}"


def _plain(receipt: ReceiptView) -> str:
    rows = [f"{operation_label(receipt.operation)} — «{kind_label(receipt.kind)}»", receipt.reason]
    rows += [f"{n}. {line.name} — {format_quantity(line.quantity_milli)} × {format_amount(line.price)} = "
             f"{format_amount(line.amount)}" for n, line in enumerate(receipt.lines, 1)]
    rows.append(f"Итого: {format_amount(receipt.total)}")
    return "\n".join(r for r in rows if r)


def payments_text(receipt: ReceiptView) -> str:
    """«cash 500,00 ₽ · electronic …» for a table cell."""
    parts = []
    for label, value in ((_PAY[0], receipt.cash), (_PAY[1], receipt.electronic),
                         (_PAY[2], receipt.prepayment_offset), (_PAY[3], receipt.credit)):
        if value:
            parts.append(QCoreApplication.translate("receipts", label).format(format_amount(value)))
    return " · ".join(parts)


_PAY = (
    QT_TRANSLATE_NOOP("receipts", "cash {0}"),
    QT_TRANSLATE_NOOP("receipts", "non-cash {0}"),
    QT_TRANSLATE_NOOP("receipts", "prepayment offset {0}"),
    QT_TRANSLATE_NOOP("receipts", "credit {0}"),
)
