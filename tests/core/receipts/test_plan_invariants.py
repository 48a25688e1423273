"""A plan that exists is a plan the register accepts: the dataclasses refuse everything else."""

from __future__ import annotations

import datetime as dt

import pytest

from omnidesk.core.enums import PaymentSubject
from omnidesk.core.errors import InvalidInput, OmniDeskError
from omnidesk.core.receipts import (
    Correction,
    DeliveryPaymentMismatch,
    Method,
    Operation,
    OrderLineSnap,
    OrderSnap,
    PlanLine,
    ReceiptKind,
    ReceiptPlan,
    ReceiptPlanError,
    UnbalancedReceipt,
    amount_for_quantity,
    explain,
    format_quantity,
    plan_advance,
    plan_conversion_to_advance,
    plan_final_settlement,
    plan_prepayment,
    plan_prepayment_refund,
    priced,
    quote_delivery,
    settle_delivery,
)
from omnidesk.core.vat import VatRate

GOODS = PaymentSubject.GOODS
TAP = OrderLineSnap(1, "Кран шаровой", 3000, 33_333, 100_000, VatRate.VAT22, GOODS)
CABLE = OrderLineSnap(2, "Кабель греющий", 2500, 40_000, 100_000, VatRate.VAT10, GOODS, "м")
ORDER = OrderSnap(5, "20001", 9, (TAP, CABLE))


def goods_line(amount=1000, **changes):
    fields = dict(name="Кран", quantity_milli=1000, price=amount, amount=amount, vat=VatRate.VAT22,
                  method=Method.FULL_SETTLEMENT, subject=GOODS)
    fields.update(changes)
    return PlanLine(**fields)


def plan(**changes):
    fields = dict(kind=ReceiptKind.PAYMENT_AT_DOOR, operation=Operation.INCOME, lines=(goods_line(),),
                  cash=1000, electronic=0)
    fields.update(changes)
    return ReceiptPlan(**fields)


def test_payments_must_add_up_to_the_total():
    with pytest.raises(UnbalancedReceipt) as caught:
        plan(cash=999)
    assert isinstance(caught.value, OmniDeskError) and isinstance(caught.value, InvalidInput)
    assert plan(cash=400, electronic=600).total == 1000


@pytest.mark.parametrize("changes", [
    dict(lines=()),
    dict(cash=1000.0),
    dict(cash=True, electronic=999),
    dict(cash=-1, electronic=1001),
    dict(operation=Operation.INCOME_RETURN),  # payment at the door is an income
    dict(correction=Correction(0, dt.date(2026, 1, 5))),  # only a correction receipt has one
    dict(kind=ReceiptKind.CORRECTION),  # … and a correction receipt must have one
    dict(buyer_contact="x" * 65),
    dict(cash=0, credit=1000),  # credit needs 1214 = 5 or 6
])
def test_a_plan_refuses_what_the_register_or_the_law_would_refuse(changes):
    with pytest.raises(ReceiptPlanError):
        plan(**changes)


def test_prepayment_offset_only_on_a_receipt_that_hands_over_goods():
    assert plan(cash=0, prepayment_offset=1000).prepayment_offset == 1000
    advance = goods_line(method=Method.ADVANCE, subject=PaymentSubject.PAYMENT, vat=VatRate.VAT22_122)
    with pytest.raises(ReceiptPlanError, match="1215"):
        plan(lines=(advance,), kind=ReceiptKind.ADVANCE, cash=0, prepayment_offset=1000)


@pytest.mark.parametrize("changes", [
    dict(amount=0, price=0),
    dict(quantity_milli=0),
    dict(price=999.5),
    dict(price=332, quantity_milli=3000),  # 996 ≠ 1000: more than the kopeck the register accepts
    dict(name=""),
    dict(name="x" * 129),
    dict(vat=VatRate.VAT22_122),  # full settlement takes the normal rate
    dict(method=Method.PREPAYMENT),  # prepayment takes the calculated rate
    dict(method=Method.ADVANCE, vat=VatRate.VAT22_122),  # an advance is 1212 = 10
])
def test_a_line_refuses_wrong_sums_and_codes(changes):
    with pytest.raises(ReceiptPlanError):
        goods_line(**changes)


def test_untaxed_lines_keep_their_rate_on_prepayment():
    line = goods_line(method=Method.PREPAYMENT, vat=VatRate.NONE)
    assert line.vat.ffd_code == 6


def test_correction_basis_rules():
    assert Correction(1, dt.date(2026, 1, 5), "12").type == 1
    with pytest.raises(ReceiptPlanError):
        Correction(1, dt.date(2026, 1, 5))  # by order needs the order number (1179)
    with pytest.raises(ReceiptPlanError):
        Correction(0, dt.date(2026, 1, 5), "12")  # 1179 only with 1173 = 1
    with pytest.raises(ReceiptPlanError):
        Correction(0, dt.datetime(2026, 1, 5, 10, 30))
    with pytest.raises(ReceiptPlanError):
        Correction(2, dt.date(2026, 1, 5))


def test_price_keeps_the_quantity_within_the_kopeck_the_register_accepts():
    assert priced(100_000, 2500) == (2500, 40_000)
    assert priced(100_000, 3000) == (3000, 33_333)  # 3 × 333,33 = 999,99: one kopeck, accepted
    assert priced(100_000, 3000, 33_333) == (3000, 33_333)  # the order's own unit price when it fits
    assert priced(1, 1500) == (1500, 1)
    assert priced(100_007, 12_500) is None  # 12,5 m: no price within a kopeck — the line is split
    tap = plan_prepayment(ORDER, 120_000, electronic=True, payment_id=1).lines[0]
    assert (tap.quantity_milli, tap.price, tap.amount) == (3000, 20_000, 60_000)


def test_part_of_a_line_is_rounded_down_and_the_whole_line_is_exact():
    assert amount_for_quantity(TAP, 1000) == 33_333
    assert amount_for_quantity(TAP, 2000) == 66_666
    assert amount_for_quantity(TAP, 3000) == 100_000
    with pytest.raises(ReceiptPlanError):
        amount_for_quantity(TAP, 3001)


def test_snapshots_refuse_calculated_rates_duplicate_ids_and_floats():
    with pytest.raises(ReceiptPlanError):
        OrderLineSnap(1, "Кран", 1000, 100, 100, VatRate.VAT22_122, GOODS)
    with pytest.raises(ReceiptPlanError):
        OrderSnap(1, "1", 1, (TAP, TAP))
    with pytest.raises(ReceiptPlanError):
        OrderLineSnap(1, "Кран", 1.5, 100, 100, VatRate.VAT22, GOODS)
    with pytest.raises(ReceiptPlanError):
        plan_prepayment(ORDER, 100.0, electronic=True, payment_id=1)
    with pytest.raises(ReceiptPlanError):
        plan_prepayment(ORDER, 100, electronic=1, payment_id=1)


def test_builders_refuse_lines_of_another_order_and_wrong_refund_methods():
    stranger = OrderLineSnap(1, "Чужой кран", 1000, 100, 100, VatRate.VAT22, GOODS)
    with pytest.raises(ReceiptPlanError, match="не совпадает"):
        plan_final_settlement(ORDER, [(stranger, 1000)], prepaid=0, cash=100, electronic=0)
    with pytest.raises(ReceiptPlanError, match="дважды"):
        plan_final_settlement(ORDER, [(TAP, 1000), (TAP, 1000)], prepaid=0, cash=66_666, electronic=0)
    with pytest.raises(ReceiptPlanError):
        plan_prepayment_refund(ORDER, 100, method=Method.FULL_SETTLEMENT, electronic=True)
    with pytest.raises(ReceiptPlanError):
        plan_prepayment_refund(None, 100, method=Method.PREPAYMENT, electronic=True)
    with pytest.raises(ReceiptPlanError):
        plan_conversion_to_advance(ORDER, 100, method=Method.ADVANCE)
    with pytest.raises(ReceiptPlanError):
        plan_final_settlement(ORDER, [(TAP, 0)], prepaid=0, cash=0, electronic=0)


def test_quote_and_settle_a_delivery_with_refusals():
    quote = quote_delivery(ORDER, {1: 1000}, 150_000)  # one tap of three; cable refused
    assert (quote.accepted_total, quote.refused_total) == (33_333, 166_667)
    assert (quote.prepayment_applied, quote.due, quote.excess_prepayment) == (33_333, 0, 116_667)
    assert quote.refused == ((TAP, 2000), (CABLE, 2500))

    short = quote_delivery(ORDER, {1: 3000, 2: 2500}, 150_000)
    assert short.due == 50_000 and short.excess_prepayment == 0
    settled = settle_delivery(ORDER, {1: 3000, 2: 2500}, 150_000, 20_000, 30_000, payment_ids=[4])
    assert settled.final.prepayment_offset == 150_000 and settled.final.money == 50_000
    with pytest.raises(DeliveryPaymentMismatch) as caught:
        settle_delivery(ORDER, {1: 3000, 2: 2500}, 150_000, 20_000, 0)
    assert caught.value.unpaid == 30_000 and caught.value.overpaid == 0
    with pytest.raises(DeliveryPaymentMismatch) as caught:
        settle_delivery(ORDER, {1: 3000, 2: 2500}, 150_000, 60_000, 0)
    assert caught.value.overpaid == 10_000


def test_nothing_accepted_means_no_final_receipt_and_all_prepayment_in_excess():
    settled = settle_delivery(ORDER, {}, 80_000)
    assert settled.final is None and settled.excess_prepayment == 80_000 and settled.refused_total == 200_000
    with pytest.raises(DeliveryPaymentMismatch):
        settle_delivery(ORDER, {}, 0, 100, 0)
    with pytest.raises(ReceiptPlanError):
        quote_delivery(ORDER, {99: 1000}, 0)
    with pytest.raises(ReceiptPlanError):
        quote_delivery(ORDER, {1: 4000}, 0)


def test_explain_names_the_operation_each_method_and_each_payment():
    final = plan_final_settlement(ORDER, [(TAP, 3000), (CABLE, 2500)], prepaid=150_000, cash=20_000,
                                  electronic=30_000)
    text = explain(final)
    assert text.splitlines()[0] == "Приход — «Полный расчёт с зачётом предоплаты»"
    assert "Кабель греющий — 2,5 м × 400,00\u00a0₽ = 1\u00a0000,00\u00a0₽; Полный расчёт (признак 4), НДС 10 %" in text
    assert "зачёт предоплаты: 1\u00a0500,00\u00a0₽" in text and "наличными: 200,00\u00a0₽" in text
    assert "безналичными: 300,00\u00a0₽" in text and "Итого: 2\u00a0000,00\u00a0₽" in text
    refund = explain(plan_prepayment_refund(ORDER, 50_000, method=2, electronic=False))
    assert refund.startswith("Возврат прихода") and "Предоплата (признак 2)" in refund
    assert "вернуть наличными: 500,00\u00a0₽" in refund
    assert "Аванс (признак 3)" in explain(plan_advance(9, 100, electronic=True, payment_id=None))
    assert "Предоплата 100 % (признак 1)" in explain(plan_prepayment(ORDER, 200_000, electronic=True, payment_id=1))


def test_format_quantity():
    assert [format_quantity(q) for q in (1000, 2000, 1500, 1250, 1, -1500)] == ["1", "2", "1,5", "1,25", "0,001", "-1,5"]
