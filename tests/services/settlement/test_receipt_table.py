"""One scenario per row of DESIGN.md's receipt table: services → journal → emulated register → FN tags."""

from __future__ import annotations

import datetime as dt

import pytest

from omnidesk.core.enums import CustomerKind, PaymentKind, ReceiptStatus
from omnidesk.core.errors import InvalidInput
from omnidesk.core.receipts import Correction, as_correction, plan_advance
from omnidesk.services.ledger import (
    AllocationRequest,
    ExcessChoice,
    cancel_order,
    record_delivery,
    refund_advance,
    register_payment,
    return_goods,
)
from omnidesk.services.receipts import list_receipts, store_plans

from .conftest import CASHIER, receipts_in_fn

RADIATOR = ("Радиатор биметаллический 10 секций", 2, 1245000)  # 12 450,00 ₽ a piece
VALVE = ("Кран шаровой 1/2\"", 3, 52000)
PIPE = ("Труба PP-R 20 мм, 4 м", 10, 41250)


def pay(db, customer, kind, amount, *orders):
    return register_payment(db, CASHIER, customer_id=customer, kind=kind, amount=amount,
                            allocations=[AllocationRequest(n) for n in orders])


def printed(journal, emulator):
    run = journal.print_owed()
    assert run.error is None
    return run.printed, receipts_in_fn(emulator)[-len(run.printed):] if run.printed else []


def items(doc):
    return doc["1059"]


def test_prepayment_100_percent(db, shop, journal, emulator):
    buyer = shop.customer(email="ivanov@mail.ru")
    order = shop.order(buyer, RADIATOR, VALVE)  # 24 900,00 + 1 560,00
    pay(db, buyer, PaymentKind.CARD, 2646000, order)
    [receipt], [doc] = printed(journal, emulator)
    assert receipt.plan.kind == "prepayment" and receipt.status is ReceiptStatus.PRINTED
    assert doc["1054"] == 1 and doc["1020"] == 2646000 and doc["1081"] == 2646000 and doc["1031"] == 0
    assert [(i["1214"], i["1212"], i["1199"], i["1043"]) for i in items(doc)] == [(1, 1, 12, 2490000), (1, 1, 12, 156000)]
    assert doc["1008"] == "ivanov@mail.ru"
    assert receipt.fd_number == doc["number"] and receipt.fiscal_sign == str(doc["fiscal_sign"])


def test_partial_prepayment_is_spread_with_the_kopeck_remainder_on_the_last_line(db, shop, journal, emulator):
    buyer = shop.customer()
    order = shop.order(buyer, ("Смеситель", 1, 100000), ("Смеситель", 1, 100000), ("Смеситель", 1, 100000))
    pay(db, buyer, PaymentKind.CASH, 100000, order)  # a third of 3 000,00 ₽
    _, [doc] = printed(journal, emulator)
    assert [i["1214"] for i in items(doc)] == [2, 2, 2]
    assert [i["1043"] for i in items(doc)] == [33333, 33333, 33334]
    assert all(i["1199"] == 12 for i in items(doc))
    assert doc["1031"] == 100000 and doc["1020"] == 100000


def test_advance_without_an_order(db, shop, journal, emulator):
    buyer = shop.customer()
    result = pay(db, buyer, PaymentKind.SBP, 500000)
    assert result.advance == 500000 and result.balance == 500000
    _, [doc] = printed(journal, emulator)
    [line] = items(doc)
    assert (line["1030"], line["1214"], line["1212"], line["1199"], line["1043"]) == ("Аванс", 3, 10, 12, 500000)
    assert doc["1081"] == 500000


def test_delivery_of_a_prepaid_order_offsets_the_prepayment(db, shop, journal, emulator):
    buyer = shop.customer()
    order = shop.order(buyer, RADIATOR, VALVE)
    pay(db, buyer, PaymentKind.CARD, 1000000, order)
    printed(journal, emulator)
    record_delivery(db, CASHIER, order_number=order, collected=1646000, kind=PaymentKind.CASH)
    [final], [doc] = printed(journal, emulator)
    assert final.plan.kind == "final"
    assert doc["1054"] == 1 and [i["1214"] for i in items(doc)] == [4, 4]
    assert [i["1199"] for i in items(doc)] == [11, 11]
    assert doc["1215"] == 1000000 and doc["1031"] == 1646000 and doc["1020"] == 2646000


def test_delivery_paid_at_the_door_by_card(db, shop, journal, emulator):
    buyer = shop.customer()
    order = shop.order(buyer, PIPE)
    record_delivery(db, CASHIER, order_number=order, collected=412500, kind=PaymentKind.CARD)
    [receipt], [doc] = printed(journal, emulator)
    assert receipt.plan.kind == "payment_at_door"
    assert [(i["1214"], i["1043"], i["1023"]) for i in items(doc)] == [(4, 412500, "10")]
    assert doc["1081"] == 412500 and doc["1215"] == 0


def test_one_transfer_from_an_individual_for_three_orders(db, shop, journal, emulator):
    """12 450,00 + 3 180,50 + 27 900,00 = 43 530,50 ₽, plus 1 000,00 ₽ more kept as an advance."""
    buyer = shop.customer()
    orders = [shop.order(buyer, ("Радиатор", 1, 1245000)), shop.order(buyer, ("Фитинги", 1, 318050)),
              shop.order(buyer, ("Котёл", 1, 2790000))]
    result = pay(db, buyer, PaymentKind.TRANSFER, 4453050, *orders)
    assert [a for _n, a in result.allocated] == [1245000, 318050, 2790000] and result.advance == 100000
    receipts, docs = printed(journal, emulator)
    assert [r.plan.kind for r in receipts] == ["prepayment", "prepayment", "prepayment", "advance"]
    assert [d["1020"] for d in docs] == [1245000, 318050, 2790000, 100000]
    assert [d["1059"][0]["1214"] for d in docs] == [1, 1, 1, 3]
    assert all(d["1081"] == d["1020"] for d in docs)


def test_overpayment_becomes_an_advance(db, shop, journal, emulator):
    buyer = shop.customer()
    order = shop.order(buyer, ("Бойлер", 1, 1560000))
    result = pay(db, buyer, PaymentKind.CARD, 1600000, order)
    assert result.allocated == ((order, 1560000),) and result.advance == 40000 and result.balance == 40000
    _, docs = printed(journal, emulator)
    assert [(d["1059"][0]["1214"], d["1020"]) for d in docs] == [(1, 1560000), (3, 40000)]
    balance, [refund] = refund_advance(db, CASHIER, customer_id=buyer, amount=40000, kind=PaymentKind.CARD)
    assert balance == 0 and refund.plan.operation == 2
    _, [doc] = printed(journal, emulator)
    assert doc["1054"] == 2 and doc["1059"][0]["1214"] == 3 and doc["1081"] == 40000


@pytest.mark.parametrize("choice", [ExcessChoice.REFUND, ExcessChoice.ADVANCE])
def test_partial_refusal_at_the_door(db, shop, journal, emulator, choice):
    buyer = shop.customer()
    order = shop.order(buyer, RADIATOR, VALVE)  # 12 450,00 × 2 + 520,00 × 3 = 26 460,00 ₽
    pay(db, buyer, PaymentKind.CARD, 2646000, order)
    printed(journal, emulator)
    result = record_delivery(db, CASHIER, order_number=order, refused={1: 1000}, collected=0, excess=choice,
                             refund_kind=PaymentKind.CARD)  # one radiator refused
    assert result.accepted_total == 1401000 and result.excess == 1245000
    _receipts, docs = printed(journal, emulator)
    final, *rest = docs
    assert final["1054"] == 1 and final["1215"] == 1401000 and final["1020"] == 1401000
    assert [(i["1214"], i["1023"]) for i in final["1059"]] == [(4, "1"), (4, "3")]
    if choice is ExcessChoice.REFUND:
        [back] = rest
        assert back["1054"] == 2 and back["1020"] == 1245000 and back["1081"] == 1245000
        assert {i["1214"] for i in back["1059"]} == {1} and {i["1199"] for i in back["1059"]} == {12}
    else:
        back, advance = rest
        assert (back["1054"], back["1020"], advance["1054"], advance["1020"]) == (2, 1245000, 1, 1245000)
        assert advance["1059"][0]["1214"] == 3 and back["1081"] == advance["1081"] == 1245000


def test_return_of_delivered_goods_later(db, shop, journal, emulator):
    buyer = shop.customer()
    order = shop.order(buyer, RADIATOR, VALVE)
    record_delivery(db, CASHIER, order_number=order, collected=2646000, kind=PaymentKind.CASH)
    printed(journal, emulator)
    return_goods(db, CASHIER, order_number=order, lines={2: 2000}, kind=PaymentKind.CASH)
    [receipt], [doc] = printed(journal, emulator)
    assert receipt.plan.kind == "goods_refund"
    assert doc["1054"] == 2 and [(i["1214"], i["1023"], i["1043"], i["1199"]) for i in doc["1059"]] == [(4, "2", 104000, 11)]
    assert doc["1031"] == 104000


@pytest.mark.parametrize("choice", [ExcessChoice.REFUND, ExcessChoice.ADVANCE])
def test_cancellation_of_a_prepaid_order(db, shop, journal, emulator, choice):
    buyer = shop.customer()
    order = shop.order(buyer, PIPE)
    pay(db, buyer, PaymentKind.CASH, 200000, order)
    printed(journal, emulator)
    cancel_order(db, CASHIER, order_number=order, money=choice, refund_kind=PaymentKind.CASH)
    _, docs = printed(journal, emulator)
    if choice is ExcessChoice.REFUND:
        [back] = docs
        assert back["1054"] == 2 and back["1031"] == 200000 and back["1059"][0]["1214"] == 2
    else:
        assert [(d["1054"], d["1059"][0]["1214"], d["1020"]) for d in docs] == [(2, 2, 200000), (1, 3, 200000)]


def test_missed_receipt_is_fixed_by_a_correction(db, shop, journal, emulator):
    buyer = shop.customer()
    missed = plan_advance(int(buyer), 150000, electronic=False, payment_id=None)
    correction = as_correction(missed, Correction(type=1, date=dt.date(2026, 3, 2), document_number="ПР-77"))
    with db.unit_of_work() as session:
        store_plans(session, [correction])
    _, [doc] = printed(journal, emulator)
    assert doc["type"] == 31 and doc["1054"] == 1 and doc["1173"] == 1
    assert doc["1174"]["1179"] == "ПР-77" and doc["1020"] == 150000 and doc["1031"] == 150000


def test_transfers_from_companies_owe_no_receipt(db, shop, journal, emulator):
    company = shop.customer(kind=CustomerKind.COMPANY, name="ООО «Теплосервис-М»", inn="7707083893", kpp="770701001")
    order = shop.order(company, ("Котёл", 1, 1560000))
    result = pay(db, company, PaymentKind.TRANSFER, 1600000, order)
    assert result.receipts == () and result.advance == 40000
    delivery = record_delivery(db, CASHIER, order_number=order, collected=0)
    assert delivery.receipts == ()
    assert list_receipts(db, owed_only=True) == []


def test_an_individual_must_pay_in_full_at_the_door(db, shop):
    buyer = shop.customer()
    order = shop.order(buyer, PIPE)
    with pytest.raises(InvalidInput, match="не хватает"):
        record_delivery(db, CASHIER, order_number=order, collected=400000)
    assert list_receipts(db) == []
