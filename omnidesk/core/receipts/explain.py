"""What a planned receipt will print, in a few Russian lines for the "confirm before print" dialog."""

from __future__ import annotations

from ..money import format_amount
from .model import Correction, CorrectionType, Operation, PlanLine, ReceiptKind, ReceiptPlan


def format_quantity(quantity_milli: int) -> str:
    """``2000`` → «2», ``1500`` → «1,5», ``1250`` → «1,25»."""
    sign = "-" if quantity_milli < 0 else ""
    whole, milli = divmod(abs(quantity_milli), 1000)
    return sign + (str(whole) if not milli else f"{whole},{milli:03d}".rstrip("0"))


def explain(plan: ReceiptPlan) -> str:
    """Operation, why, each line with its 1214 name, and the payments by kind."""
    heading = f"{plan.operation.label} — «{plan.kind.label}»"
    if plan.kind is ReceiptKind.CORRECTION:
        heading = f"Чек коррекции: {plan.operation.label.lower()}"
    rows = [heading, f"Почему: {plan.reason}"] if plan.reason else [heading]
    rows += [_line(number, line) for number, line in enumerate(plan.lines, 1)]
    rows.append(f"Итого: {format_amount(plan.total)}")
    rows += _payments(plan)
    if plan.correction is not None:
        rows.append(_correction(plan.correction))
    if plan.buyer_contact:
        rows.append(f"Чек покупателю: {plan.buyer_contact}")
    return "\n".join(rows)


def _line(number: int, line: PlanLine) -> str:
    quantity = f"{format_quantity(line.quantity_milli)} {line.unit}"
    return (f"{number}. {line.name} — {quantity} × {format_amount(line.price)} = {format_amount(line.amount)}; "
            f"{line.method.label} (признак {int(line.method)}), НДС {line.vat.label}")


def _payments(plan: ReceiptPlan) -> list[str]:
    back = plan.operation is Operation.INCOME_RETURN
    rows = []
    for label, value in (("зачёт предоплаты", plan.prepayment_offset), ("наличными", plan.cash),
                         ("безналичными", plan.electronic), ("в кредит", plan.credit)):
        if value:
            rows.append(f"  {'вернуть ' if back and label in ('наличными', 'безналичными') else ''}{label}: "
                        f"{format_amount(value)}")
    return rows


def _correction(correction: Correction) -> str:
    kind = "по предписанию" if correction.type is CorrectionType.BY_ORDER else "самостоятельно"
    number = f" №{correction.document_number}" if correction.document_number else ""
    return f"Коррекция {kind}{number}; дата исправляемого расчёта {correction.date:%d.%m.%Y}"
