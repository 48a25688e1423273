"""One test per row of DESIGN.md's "Settlement rules" table: the exact FFD codes and sums."""

from __future__ import annotations

import datetime as dt

import pytest

from omnidesk.core.enums import CustomerKind, PaymentKind, PaymentSubject
from omnidesk.core.receipts import (
    Correction,
    Method,
    Operation,
    OrderLineSnap,
    OrderSnap,
    ReceiptKind,
    ReceiptPlanError,
    as_correction,
    plan_advance,
    plan_conversion_to_advance,
    plan_correction,
    plan_final_settlement,
    plan_goods_refund,
    plan_prepayment,
    plan_prepayment_refund,
    receipt_owed_for_payment,
    settle_delivery,
)
from omnidesk.core.vat import VatRate

GOODS, SERVICE, PAYMENT = PaymentSubject.GOODS, PaymentSubject.SERVICE, PaymentSubject.PAYMENT

MIXER = OrderLineSnap(101, "Смеситель Grohe", 2000, 1_250_000, 2_500_000, VatRate.VAT22, GOODS)
PIPE = OrderLineSnap(102, "Труба PPR 20 мм", 3500, 10_000, 35_000, VatRate.VAT22, GOODS, "м")
DELIVERY = OrderLineSnap(103, "Доставка", 1000, 50_000, 50_000, VatRate.VAT22, SERVICE)
ORDER = OrderSnap(7, "10231", 42, (MIXER, PIPE, DELIVERY))  # 25 850,00 ₽


def codes(plan):
    """(1054, [(1214, 1212, 1199, 1043), …]) of a plan."""
    return int(plan.operation), [(int(l.method), l.subject.value, l.vat.ffd_code, l.amount) for l in plan.lines]


def payments(plan):
    return plan.cash, plan.electronic, plan.prepayment_offset, plan.credit


def test_prepayment_of_100_percent_for_a_known_order():
    plan = plan_prepayment(ORDER, 2_585_000, electronic=True, payment_id=5, contact="+79161234567")
    assert codes(plan) == (1, [(1, 1, 12, 2_500_000), (1, 1, 12, 35_000), (1, 4, 12, 50_000)])
    assert payments(plan) == (0, 2_585_000, 0, 0) and plan.total == 2_585_000
    assert [(l.quantity_milli, l.price) for l in plan.lines] == [(2000, 1_250_000), (3500, 10_000), (1000, 50_000)]
    assert plan.kind is ReceiptKind.PREPAYMENT and plan.order_ids == (7,) and plan.payment_ids == (5,)
    assert plan.customer_id == 42 and plan.buyer_contact == "+79161234567"
    assert "Предоплата 100 %" in plan.reason and "22/122" in plan.reason and "№10231" in plan.reason


def test_partial_prepayment_is_spread_over_lines_with_the_remainder_on_the_last():
    plan = plan_prepayment(ORDER, 1_000_000, electronic=False, payment_id=6)
    # 1 000 000 × (2 500 000, 35 000, 50 000) / 2 585 000, rounded down, remainder last
    assert codes(plan) == (1, [(2, 1, 12, 967_117), (2, 1, 12, 13_539), (2, 4, 12, 19_344)])
    assert payments(plan) == (1_000_000, 0, 0, 0)
    for line in plan.lines:
        assert abs((line.price * line.quantity_milli + 500) // 1000 - line.amount) <= 1  # ±1 kopeck
    second = plan_prepayment(ORDER, 1_585_000, electronic=True, payment_id=8, already_prepaid=1_000_000)
    assert {int(l.method) for l in second.lines} == {2}  # the last part of several is still 1214 = 2
    assert second.total == 1_585_000 and "ранее оплачено" in second.reason


def test_advance_with_no_order():
    plan = plan_advance(42, 300_000, electronic=True, payment_id=9)
    assert codes(plan) == (1, [(3, 10, 12, 300_000)])
    assert payments(plan) == (0, 300_000, 0, 0)
    assert plan.lines[0].name == "Аванс" and plan.order_ids == () and plan.kind is ReceiptKind.ADVANCE
    named = plan_advance(42, 300_000, electronic=False, payment_id=9, order_number="10240", order_id=8)
    assert named.lines[0].name == "Аванс по заказу №10240" and named.order_ids == (8,)


def test_delivery_of_a_prepaid_order_offsets_the_prepayment_and_collects_the_rest():
    accepted = [(MIXER, 2000), (PIPE, 3500), (DELIVERY, 1000)]
    plan = plan_final_settlement(ORDER, accepted, prepaid=2_000_000, cash=85_000, electronic=500_000,
                                 payment_ids=[5, 11])
    assert codes(plan) == (1, [(4, 1, 11, 2_500_000), (4, 1, 11, 35_000), (4, 4, 11, 50_000)])
    assert payments(plan) == (85_000, 500_000, 2_000_000, 0)
    assert plan.kind is ReceiptKind.FINAL and plan.payment_ids == (5, 11)
    fully_prepaid = plan_final_settlement(ORDER, accepted, prepaid=2_585_000, cash=0, electronic=0)
    assert payments(fully_prepaid) == (0, 0, 2_585_000, 0)


def test_delivery_paid_at_the_door():
    plan = plan_final_settlement(ORDER, [(MIXER, 2000), (DELIVERY, 1000)], prepaid=0, cash=2_550_000, electronic=0)
    assert codes(plan) == (1, [(4, 1, 11, 2_500_000), (4, 4, 11, 50_000)])
    assert payments(plan) == (2_550_000, 0, 0, 0)
    assert plan.kind is ReceiptKind.PAYMENT_AT_DOOR and "Оплата при получении" in plan.reason
    card = plan_final_settlement(ORDER, [(PIPE, 3500)], prepaid=0, cash=0, electronic=35_000)
    assert payments(card) == (0, 35_000, 0, 0)


def test_one_transfer_from_an_individual_for_several_orders_and_an_advance_remainder():
    assert receipt_owed_for_payment(CustomerKind.INDIVIDUAL, PaymentKind.TRANSFER)
    second = OrderSnap(8, "10232", 42, (OrderLineSnap(201, "Радиатор", 1000, 900_000, 900_000, VatRate.VAT22, GOODS),))
    transfer = 4_000_000  # 25 850 + 9 000 + 5 150 of advance
    plans = [plan_prepayment(ORDER, ORDER.total, electronic=True, payment_id=1),
             plan_prepayment(second, second.total, electronic=True, payment_id=1),
             plan_advance(42, transfer - ORDER.total - second.total, electronic=True, payment_id=1)]
    assert [p.order_ids for p in plans] == [(7,), (8,), ()]
    assert [{int(l.method) for l in p.lines} for p in plans] == [{1}, {1}, {3}]
    assert sum(p.electronic for p in plans) == transfer and plans[2].total == 515_000


def test_transfers_from_companies_and_sole_traders_owe_no_receipt_cash_and_cards_always_do():
    assert not receipt_owed_for_payment(CustomerKind.COMPANY, PaymentKind.TRANSFER)
    assert not receipt_owed_for_payment(CustomerKind.SOLE_TRADER, PaymentKind.TRANSFER)
    for customer in CustomerKind:
        for kind in (PaymentKind.CASH, PaymentKind.CARD, PaymentKind.SBP):
            assert receipt_owed_for_payment(customer, kind)


def test_money_of_several_kinds_on_one_order_owes_a_receipt_if_any_kind_does():
    """The one rule the ledger asks about an order's money (deliveries, refunds, conversions)."""
    assert not receipt_owed_for_payment(CustomerKind.COMPANY, PaymentKind.TRANSFER, PaymentKind.TRANSFER)
    assert receipt_owed_for_payment(CustomerKind.COMPANY, PaymentKind.TRANSFER, PaymentKind.CASH)
    assert not receipt_owed_for_payment(CustomerKind.SOLE_TRADER)  # no money yet: a company's handover owes none
    assert receipt_owed_for_payment(CustomerKind.INDIVIDUAL)  # an individual's money is always fiscalised


def test_overpayment_is_allocated_to_the_order_and_the_excess_becomes_an_advance():
    with pytest.raises(ReceiptPlanError, match="авансом"):
        plan_prepayment(ORDER, ORDER.total + 1, electronic=True, payment_id=1)
    with pytest.raises(ReceiptPlanError):
        plan_prepayment(ORDER, 1_000_000, electronic=True, payment_id=1, already_prepaid=2_000_000)
    paid = 3_000_000
    to_order = plan_prepayment(ORDER, ORDER.total, electronic=True, payment_id=1)
    excess = plan_advance(42, paid - ORDER.total, electronic=True, payment_id=1)
    assert codes(excess) == (1, [(3, 10, 12, 415_000)])
    assert to_order.total + excess.total == paid


def test_partial_refusal_at_the_door_final_for_accepted_lines_prepayment_refunded_or_converted():
    settled = settle_delivery(ORDER, {101: 1000, 102: 3500, 103: 1000}, ORDER.total)  # one mixer refused
    assert codes(settled.final) == (1, [(4, 1, 11, 1_250_000), (4, 1, 11, 35_000), (4, 4, 11, 50_000)])
    assert payments(settled.final) == (0, 0, 1_335_000, 0)
    assert settled.excess_prepayment == 1_250_000 and settled.refused == ((MIXER, 1000),)
    assert settled.refused_total == 1_250_000 and settled.due == 0

    refund = plan_prepayment_refund(ORDER, settled.excess_prepayment, method=Method.FULL_PREPAYMENT,
                                    electronic=True, payment_ids=[5], lines=settled.refused)
    assert codes(refund) == (2, [(1, 1, 12, 1_250_000)])
    assert payments(refund) == (0, 1_250_000, 0, 0) and refund.kind is ReceiptKind.PREPAYMENT_REFUND
    assert (refund.lines[0].quantity_milli, refund.lines[0].price) == (1000, 1_250_000)

    back, advance = plan_conversion_to_advance(ORDER, settled.excess_prepayment, method=1, payment_ids=[5],
                                               lines=settled.refused)
    assert codes(back) == (2, [(1, 1, 12, 1_250_000)]) and back.kind is ReceiptKind.CONVERSION_RETURN
    assert codes(advance) == (1, [(3, 10, 12, 1_250_000)]) and advance.kind is ReceiptKind.CONVERSION_ADVANCE
    assert payments(back) == payments(advance) == (0, 1_250_000, 0, 0)
    assert back.order_ids == advance.order_ids == (7,) and advance.customer_id == 42


def test_return_of_delivered_goods_later():
    plan = plan_goods_refund(ORDER, [(PIPE, 1500)], cash=15_000, electronic=0, payment_ids=[12])
    assert codes(plan) == (2, [(4, 1, 11, 15_000)])
    assert payments(plan) == (15_000, 0, 0, 0) and plan.kind is ReceiptKind.GOODS_REFUND
    assert (plan.lines[0].quantity_milli, plan.lines[0].price, plan.lines[0].unit) == (1500, 10_000, "м")
    with pytest.raises(ReceiptPlanError, match="нужно вернуть"):
        plan_goods_refund(ORDER, [(PIPE, 1500)], cash=10_000, electronic=0)


def test_cancellation_of_a_prepaid_order_refund_or_conversion():
    refund = plan_prepayment_refund(ORDER, 1_000_000, method=Method.PREPAYMENT, electronic=False, payment_ids=[6])
    assert codes(refund) == (2, [(2, 1, 12, 967_117), (2, 1, 12, 13_539), (2, 4, 12, 19_344)])
    assert payments(refund) == (1_000_000, 0, 0, 0)
    back, advance = plan_conversion_to_advance(ORDER, 1_000_000, method=2, payment_ids=[6])
    assert codes(back)[1] == codes(refund)[1] and payments(back) == (0, 1_000_000, 0, 0)
    assert codes(advance) == (1, [(3, 10, 12, 1_000_000)])
    advance_back = plan_prepayment_refund(None, 300_000, method=3, electronic=True, customer_id=42)
    assert codes(advance_back) == (2, [(3, 10, 12, 300_000)]) and advance_back.kind is ReceiptKind.ADVANCE_REFUND


def test_missed_receipt_found_later_is_a_correction_receipt():
    missed = plan_prepayment(ORDER, ORDER.total, electronic=False, payment_id=3)
    by_order = Correction(1, dt.date(2026, 2, 10), "ПР-77")
    plan = as_correction(missed, by_order)
    assert codes(plan) == codes(missed) and payments(plan) == payments(missed)
    assert plan.kind is ReceiptKind.CORRECTION and plan.correction.type == 1
    assert plan.correction.date == dt.date(2026, 2, 10) and plan.correction.document_number == "ПР-77"
    assert "не был пробит" in plan.reason

    returned = plan_correction(Operation.INCOME_RETURN, missed.lines, cash=ORDER.total, electronic=0,
                               correction=Correction(0, dt.date(2026, 2, 11)), reason="пробит лишний чек")
    assert int(returned.operation) == 2 and returned.correction.document_number is None
    assert "самостоятельно" in returned.reason
