"""Words for receipts: their kind, state and payments (what a receipt prints is ``ReceiptView.explanation``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from omnidesk.core.enums import ReceiptStatus
from omnidesk.core.money import format_amount
from omnidesk.services.receipts import ReceiptView

_STATUS = {
    ReceiptStatus.PLANNED: QT_TRANSLATE_NOOP("receipts", "to print"),
    ReceiptStatus.PENDING: QT_TRANSLATE_NOOP("receipts", "printing, awaiting check"),
    ReceiptStatus.PRINTED: QT_TRANSLATE_NOOP("receipts", "printed"),
    ReceiptStatus.FAILED: QT_TRANSLATE_NOOP("receipts", "not printed — print again"),
}


def status_label(status: ReceiptStatus) -> str:
    return QCoreApplication.translate("receipts", _STATUS[status])


def payments_text(receipt: ReceiptView) -> str:
    """«cash 500,00 ₽ · electronic …» for a table cell."""
    parts, plan = [], receipt.plan
    for label, value in ((_PAY[0], plan.cash), (_PAY[1], plan.electronic),
                         (_PAY[2], plan.prepayment_offset), (_PAY[3], plan.credit)):
        if value:
            parts.append(QCoreApplication.translate("receipts", label).format(format_amount(value)))
    return " · ".join(parts)


_PAY = (
    QT_TRANSLATE_NOOP("receipts", "cash {0}"),
    QT_TRANSLATE_NOOP("receipts", "non-cash {0}"),
    QT_TRANSLATE_NOOP("receipts", "prepayment offset {0}"),
    QT_TRANSLATE_NOOP("receipts", "credit {0}"),
)
