"""One pure builder per row of DESIGN.md's receipt table; each returns the plan(s) owed.

The ledger calls them at the moment of a money operation and stores the result as an
"owed" receipt. ``electronic=True`` means card, SBP or bank-transfer money (tag 1081),
``False`` cash (1031). Wrong sums raise :class:`ReceiptPlanError` (an ``InvalidInput``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..enums import CustomerKind, PaymentKind, PaymentSubject
from ..money import format_amount, spread
from ..vat import VatRate
from . import reasons
from .errors import DeliveryPaymentMismatch, ReceiptPlanError
from .lines import (
    ADVANCE_NAME,
    ADVANCE_VAT,
    QtyLine,
    advance_line,
    fiscal_name,
    goods_lines,
    spread_lines,
    whole_order,
)
from .model import (
    Correction,
    Method,
    Operation,
    OrderSnap,
    PlanLine,
    ReceiptKind,
    ReceiptPlan,
    require_int,
)

_PREPAYMENT_METHODS = (Method.FULL_PREPAYMENT, Method.PREPAYMENT, Method.ADVANCE)


def payment_owes_receipt(customer_kind: CustomerKind, kind: PaymentKind, override: bool | None = None) -> bool:
    """One payment: the cashier's override when given (its reason is recorded), else the rule below."""
    return receipt_owed_for_payment(customer_kind, kind) if override is None else override


def receipt_owed_for_payment(customer_kind: CustomerKind, *payment_kinds: PaymentKind) -> bool:
    """Whether money of these kinds from this customer is fiscalised — the one rule for it.

    Cash, card and SBP always owe a receipt; a bank transfer only from an individual. With
    several kinds (the money on one order): a receipt is owed if any of them owes one; an
    individual's money always does, whatever its kind (and with no kind named).
    """
    return customer_kind.owes_receipt_for_transfer or any(kind is not PaymentKind.TRANSFER for kind in payment_kinds)


def plan_prepayment(order: OrderSnap, amount: int, *, electronic: bool, payment_id: int | None,
                    already_prepaid: int = 0, contact: str | None = None) -> ReceiptPlan:
    """Money for a known order before its goods: 1054 = 1, the order's lines, 1214 = 1 or 2.

    1214 = 1 («Предоплата 100 %») only when this one payment covers the whole order
    (``already_prepaid == 0`` and ``amount == order.total``); any part, including the last
    part of several, is 1214 = 2. The amount is spread over the lines in proportion to their
    sums (kopeck remainder on the last line), VAT at the calculated rate, 1212 as the line's.
    More than the order still owes is an error: split overpayment into allocation + advance.
    """
    require_int("сумма предоплаты", amount, minimum=1)
    require_int("оплачено ранее", already_prepaid, minimum=0)
    due = order.total - already_prepaid
    if amount > due:
        raise ReceiptPlanError(
            f"по заказу №{order.number} осталось оплатить {format_amount(max(due, 0))}, а внесено "
            f"{format_amount(amount)}: излишек оформите авансом или верните"
        )
    full = already_prepaid == 0 and amount == order.total
    method = Method.FULL_PREPAYMENT if full else Method.PREPAYMENT
    lines = spread_lines(amount, whole_order(order.lines), method=method)
    cash, money = _split(amount, electronic)
    return ReceiptPlan(
        kind=ReceiptKind.PREPAYMENT, operation=Operation.INCOME, lines=lines, cash=cash, electronic=money,
        reason=reasons.prepayment(order.number, amount, method, lines, already_prepaid, due),
        order_ids=(order.id,), payment_ids=_ids(payment_id), customer_id=order.customer_id, buyer_contact=contact,
    )


def plan_advance(customer_id: int | None, amount: int, *, electronic: bool, payment_id: int | None,
                 contact: str | None = None, order_number: str | None = None, order_id: int | None = None,
                 vat: VatRate = ADVANCE_VAT) -> ReceiptPlan:
    """Money with no goods known yet: one line «Аванс», 1214 = 3, 1212 = 10, VAT 22/122."""
    require_int("сумма аванса", amount, minimum=1)
    name = f"{ADVANCE_NAME} по заказу №{order_number}" if order_number else ADVANCE_NAME
    line = advance_line(amount, name=name, vat=vat)
    cash, money = _split(amount, electronic)
    return ReceiptPlan(
        kind=ReceiptKind.ADVANCE, operation=Operation.INCOME, lines=(line,), cash=cash, electronic=money,
        reason=reasons.advance(amount, order_number, line), order_ids=_ids(order_id),
        payment_ids=_ids(payment_id), customer_id=customer_id, buyer_contact=contact,
    )


def plan_final_settlement(order: OrderSnap, accepted: Sequence[QtyLine], *, prepaid: int, cash: int,
                          electronic: int, payment_ids: Iterable[int] = (),
                          contact: str | None = None, credit: int = 0) -> ReceiptPlan:
    """Goods handed over: 1054 = 1, accepted lines at full price, 1214 = 4, normal VAT.

    1215 = min(prepaid, total of the accepted lines); ``cash + electronic`` must be exactly
    the rest (:class:`DeliveryPaymentMismatch` otherwise). With nothing prepaid this is the
    «payment at the door» receipt.
    """
    require_int("предоплата", prepaid, minimum=0)
    require_int("в кредит", credit, minimum=0)
    lines = goods_lines(_own_items(order, accepted))
    if not lines:
        raise ReceiptPlanError(f"по заказу №{order.number} не принято ни одной позиции — чека передачи нет")
    total = sum(line.amount for line in lines)
    offset = min(prepaid, total)
    _require_collected(order, total - offset - credit, cash, electronic)
    if credit:  # goods handed over, (part) paid later: 1214 = 6, or 5 with a part paid now; 1216
        method = Method.CREDIT_TRANSFER if offset + cash + electronic == 0 else Method.PARTIAL_SETTLEMENT_CREDIT
        lines = goods_lines(_own_items(order, accepted), method=method)
    return ReceiptPlan(
        kind=ReceiptKind.FINAL if offset else ReceiptKind.PAYMENT_AT_DOOR, operation=Operation.INCOME,
        lines=lines, cash=cash, electronic=electronic, prepayment_offset=offset, credit=credit,
        reason=reasons.final(order.number, total, prepaid, cash, electronic, lines), order_ids=(order.id,),
        payment_ids=tuple(payment_ids), customer_id=order.customer_id, buyer_contact=contact,
    )


def plan_credit_payment(order: OrderSnap, amount: int, *, electronic: bool, payment_id: int | None,
                        contact: str | None = None) -> ReceiptPlan:
    """A delivered order's debt paid: 1054 = 1, one line per order (per VAT rate) «Оплата кредита», 1214 = 7,
    1212 = 10, at the goods' rate; the amount spread over the rates in proportion to their value."""
    require_int("сумма оплаты кредита", amount, minimum=1)
    by_rate: dict[VatRate, int] = {}
    for line in order.lines:
        by_rate[line.vat] = by_rate.get(line.vat, 0) + line.amount
    rates = [rate for rate, value in by_rate.items() if value > 0]
    parts = spread(amount, [by_rate[rate] for rate in rates])
    lines = tuple(
        PlanLine(name=fiscal_name(f"Оплата кредита по заказу №{order.number}"), quantity_milli=1000, price=part,
                 amount=part, vat=rate, method=Method.CREDIT_PAYMENT, subject=PaymentSubject.PAYMENT)
        for rate, part in zip(rates, parts, strict=True) if part > 0
    )
    cash, money = _split(amount, electronic)
    return ReceiptPlan(
        kind=ReceiptKind.CREDIT_PAYMENT, operation=Operation.INCOME, lines=lines, cash=cash, electronic=money,
        reason=f"оплата долга по переданному заказу №{order.number}: {format_amount(amount)} (признак 7)",
        order_ids=(order.id,), payment_ids=_ids(payment_id), customer_id=order.customer_id, buyer_contact=contact,
    )


def plan_prepayment_refund(order: OrderSnap | None, amount: int, *, method: Method | int, electronic: bool,
                           payment_ids: Iterable[int] = (), lines: Sequence[QtyLine] | None = None,
                           customer_id: int | None = None, contact: str | None = None) -> ReceiptPlan:
    """Money back for goods never handed over: 1054 = 2 with the prepayment's own 1214.

    For 1214 = 1 or 2 the amount is spread over ``lines`` (``(order line, quantity)``, e.g.
    the refused ones; default the whole order) with the calculated VAT; for 1214 = 3 it is one
    «Аванс» line and ``order`` may be None (then give ``customer_id``).
    """
    return _refund(order, amount, Method(method), electronic, tuple(payment_ids), lines, customer_id, contact,
                   converted=False)


def plan_advance_refund(customer_id: int | None, amount: int, *, electronic: bool,
                        payment_ids: Iterable[int] = (), contact: str | None = None) -> ReceiptPlan:
    """Return of an advance the customer no longer wants: 1054 = 2, one «Аванс» line, 1214 = 3."""
    return plan_prepayment_refund(None, amount, method=Method.ADVANCE, electronic=electronic,
                                  payment_ids=payment_ids, customer_id=customer_id, contact=contact)


def plan_conversion_to_advance(order: OrderSnap, amount: int, *, method: Method | int,
                               payment_ids: Iterable[int] = (), lines: Sequence[QtyLine] | None = None,
                               contact: str | None = None) -> tuple[ReceiptPlan, ReceiptPlan]:
    """Prepayment kept as an advance: (income return with the prepayment's 1214, advance income).

    Both receipts are for the same amount and both are paid electronically (1081): no money
    leaves the till, the return and the new advance offset each other. Both link the order.
    """
    method = Method(method)
    if method is Method.ADVANCE:
        raise ReceiptPlanError("аванс и так остаётся авансом: зачитывать в аванс нечего")
    ids = tuple(payment_ids)
    back = _refund(order, amount, method, True, ids, lines, order.customer_id, contact, converted=True)
    line = advance_line(amount)
    forward = ReceiptPlan(
        kind=ReceiptKind.CONVERSION_ADVANCE, operation=Operation.INCOME, lines=(line,), cash=0, electronic=amount,
        reason=reasons.conversion_advance(order.number, amount, line), order_ids=(order.id,), payment_ids=ids,
        customer_id=order.customer_id, buyer_contact=contact,
    )
    return back, forward


def plan_goods_refund(order: OrderSnap, returned: Sequence[QtyLine], *, cash: int, electronic: int,
                      payment_ids: Iterable[int] = (), contact: str | None = None) -> ReceiptPlan:
    """Delivered goods brought back: 1054 = 2, the returned lines, 1214 = 4, original VAT.

    ``cash + electronic`` is the money actually paid out and must equal the lines' total.
    """
    lines = goods_lines(_own_items(order, returned))
    if not lines:
        raise ReceiptPlanError(f"по заказу №{order.number} не указано ни одной возвращаемой позиции")
    total = sum(line.amount for line in lines)
    if cash + electronic != total:
        raise ReceiptPlanError(
            f"за возвращённый товар нужно вернуть {format_amount(total)}, указано {format_amount(cash + electronic)}"
        )
    return ReceiptPlan(
        kind=ReceiptKind.GOODS_REFUND, operation=Operation.INCOME_RETURN, lines=lines, cash=cash,
        electronic=electronic, reason=reasons.goods_refund(order.number, total, cash, electronic, lines),
        order_ids=(order.id,), payment_ids=tuple(payment_ids), customer_id=order.customer_id, buyer_contact=contact,
    )


def plan_correction(operation: Operation | int, lines: Sequence[PlanLine], *, cash: int, electronic: int,
                    correction: Correction, reason: str, prepayment_offset: int = 0, credit: int = 0,
                    order_ids: Iterable[int] = (), payment_ids: Iterable[int] = (),
                    customer_id: int | None = None, contact: str | None = None) -> ReceiptPlan:
    """FFD 1.2 correction receipt: the missed or wrong settlement's lines and 1054, with 1173 and 1174."""
    if not reason or not reason.strip():
        raise ReceiptPlanError("чек коррекции: опишите, какой расчёт исправляется")
    return ReceiptPlan(
        kind=ReceiptKind.CORRECTION, operation=Operation(operation), lines=tuple(lines), cash=cash,
        electronic=electronic, prepayment_offset=prepayment_offset, credit=credit,
        reason=reasons.correction(reason.strip(), correction.type, correction.document_number),
        order_ids=tuple(order_ids), payment_ids=tuple(payment_ids), customer_id=customer_id,
        buyer_contact=contact, correction=correction,
    )


def as_correction(missed: ReceiptPlan, correction: Correction, *, reason: str | None = None) -> ReceiptPlan:
    """The correction receipt for a receipt that should have been printed (built by any builder)."""
    why = reason or f"не был пробит чек «{missed.kind.label}». {missed.reason}"
    return plan_correction(
        missed.operation, missed.lines, cash=missed.cash, electronic=missed.electronic, correction=correction,
        reason=why, prepayment_offset=missed.prepayment_offset, credit=missed.credit, order_ids=missed.order_ids,
        payment_ids=missed.payment_ids, customer_id=missed.customer_id, contact=missed.buyer_contact,
    )


def _refund(order: OrderSnap | None, amount: int, method: Method, electronic: bool, payment_ids: tuple[int, ...],
            items: Sequence[QtyLine] | None, customer_id: int | None, contact: str | None, *,
            converted: bool) -> ReceiptPlan:
    require_int("сумма возврата", amount, minimum=1)
    if method not in _PREPAYMENT_METHODS:
        raise ReceiptPlanError(f"возвращается предоплата: признак 1, 2 или 3, а не {int(method)}")
    lines = _refund_lines(order, amount, method, items)
    cash, money = _split(amount, electronic)
    if converted:
        kind = ReceiptKind.CONVERSION_RETURN
    else:
        kind = ReceiptKind.ADVANCE_REFUND if method is Method.ADVANCE else ReceiptKind.PREPAYMENT_REFUND
    return ReceiptPlan(
        kind=kind, operation=Operation.INCOME_RETURN, lines=lines, cash=cash, electronic=money,
        reason=reasons.prepayment_refund(order.number if order else None, amount, method, converted),
        order_ids=(order.id,) if order else (), payment_ids=payment_ids,
        customer_id=order.customer_id if order else customer_id, buyer_contact=contact,
    )


def _refund_lines(order: OrderSnap | None, amount: int, method: Method,
                  items: Sequence[QtyLine] | None) -> tuple[PlanLine, ...]:
    if method is Method.ADVANCE:
        return (advance_line(amount),)
    if order is None:
        raise ReceiptPlanError("возврат предоплаты за товар: нужен заказ")
    if amount > order.total:
        raise ReceiptPlanError(
            f"возврат {format_amount(amount)} больше суммы заказа №{order.number} {format_amount(order.total)}"
        )
    chosen = _own_items(order, items) if items is not None else whole_order(order.lines)
    return spread_lines(amount, chosen, method=method)


def _own_items(order: OrderSnap, items: Iterable[QtyLine]) -> list[QtyLine]:
    """The items, checked to be this order's lines, each at most once."""
    checked: list[QtyLine] = []
    seen: set[int] = set()
    for line, quantity in items:
        if order.line(line.id) != line:
            raise ReceiptPlanError(f"строка «{line.name}» не совпадает со строкой заказа №{order.number}")
        if line.id in seen:
            raise ReceiptPlanError(f"строка «{line.name}» указана дважды")
        seen.add(line.id)
        require_int(f"количество «{line.name}»", quantity, minimum=0)
        checked.append((line, quantity))
    return checked


def _require_collected(order: OrderSnap, due: int, cash: int, electronic: int) -> None:
    require_int("наличные", cash, minimum=0)
    require_int("безналичные", electronic, minimum=0)
    collected = cash + electronic
    if collected != due:
        raise DeliveryPaymentMismatch(
            f"по заказу №{order.number} к оплате при получении {format_amount(due)}, "
            f"получено {format_amount(collected)}",
            due=due, collected=collected,
        )


def _split(amount: int, electronic: bool) -> tuple[int, int]:
    """``(cash, electronic)`` for money paid one way."""
    if not isinstance(electronic, bool):
        raise ReceiptPlanError("electronic: True — безналичные (карта, СБП, перевод), False — наличные")
    return (0, amount) if electronic else (amount, 0)


def _ids(one: int | None) -> tuple[int, ...]:
    return () if one is None else (one,)
