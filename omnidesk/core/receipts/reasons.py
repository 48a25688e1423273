"""Why each receipt is owed, in words a cashier understands (the plan's ``reason``)."""

from __future__ import annotations

from collections.abc import Iterable

from ..money import format_amount
from .model import Method, PlanLine


def rates(lines: Iterable[PlanLine]) -> str:
    """The VAT rates of the lines, as a receipt shows them: «22/122», «22 %, 10 %»."""
    labels: list[str] = []
    for line in lines:
        if line.vat.label not in labels:
            labels.append(line.vat.label)
    return ", ".join(labels)


def _paid_by(cash: int, electronic: int) -> str:
    parts = []
    if cash:
        parts.append(f"наличными {format_amount(cash)}")
    if electronic:
        parts.append(f"безналичными {format_amount(electronic)}")
    return ", ".join(parts)


def prepayment(number: str, amount: int, method: Method, lines: tuple[PlanLine, ...], already: int, due: int) -> str:
    if method is Method.FULL_PREPAYMENT:
        why = "заказ оплачен целиком, товар ещё не передан"
    else:
        left = due - amount
        why = "товар ещё не передан"
        if already:
            why += f", ранее оплачено {format_amount(already)}"
        why += f", остаётся оплатить {format_amount(left)}" if left else ", заказ оплачен полностью"
    return (f"Предоплата {format_amount(amount)} по заказу №{number}: {why} — чек «{method.label}» "
            f"(признак {int(method)}), НДС по расчётной ставке {rates(lines)}. "
            "При передаче товара будет второй чек «Полный расчёт»")


def advance(amount: int, order_number: str | None, line: PlanLine) -> str:
    target = f"в счёт заказа №{order_number}" if order_number else "без заказа"
    return (f"Аванс {format_amount(amount)} {target}: товар ещё не определён — чек «Аванс» "
            f"(признак 3, предмет расчёта «Платёж»), НДС по расчётной ставке {line.vat.label}")


def final(number: str, total: int, prepaid: int, cash: int, electronic: int, lines: tuple[PlanLine, ...]) -> str:
    money = _paid_by(cash, electronic)
    offset = min(prepaid, total)
    if not offset:
        return (f"Оплата при получении заказа №{number}: {format_amount(total)} {money} — чек «Полный расчёт» "
                f"(признак 4), НДС по обычной ставке {rates(lines)}")
    how = f"зачтена предоплата {format_amount(offset)}" + (f", доплата {money}" if money else "")
    text = (f"Передача товара по заказу №{number} на {format_amount(total)}: {how} — чек «Полный расчёт» "
            f"(признак 4) с зачётом предоплаты, НДС по обычной ставке {rates(lines)}")
    if prepaid > total:
        text += (f". Остаток предоплаты {format_amount(prepaid - total)} без товара: вернуть или зачесть "
                 "в аванс (отдельный чек)")
    return text


def prepayment_refund(number: str | None, amount: int, method: Method, converted: bool) -> str:
    where = f"по заказу №{number}" if number else "покупателю"
    receipt = f"чек «Возврат прихода» с признаком предоплаты {int(method)} «{method.label}»"
    if converted:
        return (f"Зачёт в аванс {format_amount(amount)} {where}: товар не будет передан, деньги остаются у "
                f"покупателя авансом — {receipt} (безналичный), затем чек «Аванс» на ту же сумму")
    if method is Method.ADVANCE:
        return f"Возврат аванса {format_amount(amount)} {where} — {receipt}"
    return f"Возврат предоплаты {format_amount(amount)} {where}: товар не будет передан — {receipt}"


def conversion_advance(number: str, amount: int, line: PlanLine) -> str:
    return (f"Зачёт в аванс {format_amount(amount)} по заказу №{number}: возвращённая предоплата остаётся "
            f"у покупателя авансом — чек «Аванс» (признак 3, безналичный), НДС {line.vat.label}")


def goods_refund(number: str, total: int, cash: int, electronic: int, lines: tuple[PlanLine, ...]) -> str:
    return (f"Возврат товара по заказу №{number} на {format_amount(total)}: покупатель вернул переданный товар, "
            f"деньги возвращены {_paid_by(cash, electronic)} — чек «Возврат прихода» (признак 4), "
            f"НДС как при продаже {rates(lines)}")


def correction(text: str, type_: int, number: str | None) -> str:
    basis = "по предписанию №" + str(number) if type_ else "самостоятельно"
    return f"Чек коррекции ({basis}): {text}"
