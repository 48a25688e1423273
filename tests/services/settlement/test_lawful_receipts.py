"""Issue 12 items 2, 3, 4, 7, 8, 12: services → journal → emulated register, asserting the FN's tags."""

from __future__ import annotations

import datetime as dt

import pytest

from omnidesk.core.cashier import Cashier
from omnidesk.core.enums import CustomerKind, OrderSource, OrderStatus, PaymentKind, PaymentSubject
from omnidesk.core.errors import InvalidInput
from omnidesk.core.receipts.tax import TaxSystem
from omnidesk.core.vat import VatRate
from omnidesk.integrations.fiscal import RegisterConnection
from omnidesk.persistence.models import Order, OrderLine
from omnidesk.services.fiscal import FiscalJournal
from omnidesk.services.ledger import AllocationRequest, record_delivery, register_payment, return_goods

from .conftest import CASHIER, receipts_in_fn

ANNA = Cashier("Петрова Анна Сергеевна", "Кассир", "772012345678")


@pytest.fixture
def lawful(db, emulator):
    settings = {"tax": TaxSystem.OSN, "cashier": ANNA}
    j = FiscalJournal(db, lambda: RegisterConnection(emulator.url), CASHIER,
                      cashier=lambda: settings["cashier"], tax_system=lambda: settings["tax"])
    j.settings = settings  # type: ignore[attr-defined]
    yield j
    j.close()


def order_with(db, customer: int, number: str, *lines: tuple[str, int, int, int, str], vat=VatRate.VAT22) -> str:
    """lines: (name, quantity in thousandths, unit price, line amount, unit)."""
    with db.unit_of_work() as s:
        order = Order(number=number, customer_id=customer, status=OrderStatus.SHIPPED, delivery_date=dt.date(2026, 3, 10),
                      address="Москва", source=OrderSource.OWN_WAREHOUSE)
        order.lines = [
            OrderLine(line_no=i, name=name, quantity_milli=qty, price=price, amount=amount, vat_rate=vat,
                      payment_subject=PaymentSubject.GOODS, unit=unit)
            for i, (name, qty, price, amount, unit) in enumerate(lines, start=1)
        ]
        order.total = sum(line.amount for line in order.lines)
        s.add(order)
    return number


def pay(db, customer, kind, amount, *orders):
    return register_payment(db, CASHIER, customer_id=customer, kind=kind, amount=amount,
                            allocations=[AllocationRequest(n) for n in orders])


def print_all(journal, emulator) -> list[dict]:
    run = journal.print_owed()
    assert run.error is None, run.error
    return receipts_in_fn(emulator)[-len(run.printed):]


def test_company_receipts_carry_the_buyer_1256_and_the_cashier(db, shop, lawful, emulator):
    company = shop.customer(CustomerKind.COMPANY, "ООО «Тепломонтаж»", inn="7701234567", email="buh@tm.ru")
    order = shop.order(company, ("Котёл настенный", 1, 5600000))
    pay(db, company, PaymentKind.CARD, 5600000, order)
    [doc] = print_all(lawful, emulator)
    assert doc["1256"] == {"1227": "ООО \"Тепломонтаж\"", "1228": "7701234567"}  # the FN keeps TLV text in cp866
    assert doc["1008"] == "buh@tm.ru"
    assert doc["1021"] == "Кассир Петрова Анна Сергеевна" and doc["1203"] == "772012345678"
    assert doc["1055"] == 1
    shift_open = next(d for d in emulator.journal if d["type"] == 2)
    assert shift_open["1021"] == "Кассир Петрова Анна Сергеевна"  # the shift names the same cashier


def test_individual_receipts_have_no_buyer_tag(db, shop, lawful, emulator):
    buyer = shop.customer(phone="+79161234567")
    order = shop.order(buyer, ("Кран", 1, 45000))
    pay(db, buyer, PaymentKind.CASH, 45000, order)
    [doc] = print_all(lawful, emulator)
    assert "1256" not in doc and doc["1008"] == "+79161234567"


def test_ordered_quantity_and_price_on_prepayment_final_and_return(db, shop, lawful, emulator):
    buyer = shop.customer()
    order = order_with(db, buyer, "30001", ("Смеситель", 3000, 33333, 100000, "шт"),
                       ("Труба PP-R 20 мм", 12500, 41250, 515625, "м"))
    pay(db, buyer, PaymentKind.CARD, 300000, order)  # part prepayment
    record_delivery(db, CASHIER, order_number=order, collected=315625, kind=PaymentKind.CARD)
    return_goods(db, CASHIER, order_number=order, lines={1: 1000}, kind=PaymentKind.CARD)
    prepayment, final, refund = print_all(lawful, emulator)
    shown = [[(i["1030"], i["1023"], i["2108"]) for i in doc["1059"]] for doc in (prepayment, final)]
    assert shown[0] == shown[1] == [("Смеситель", "3", 0), ("Труба PP-R 20 мм", "12.5", 22)]
    assert [(i["1079"], i["1043"]) for i in final["1059"]] == [(33333, 100000), (41250, 515625)]
    assert [i["1214"] for i in prepayment["1059"]] == [2, 2] and final["1215"] == 300000
    # item 13: VAT as the device computes it — per line (1200) and on the rate's turnover (1102, 1106)
    assert [i["1200"] for i in final["1059"]] == [18033, 92982] and final["1102"] == 111014
    assert prepayment["1106"] == 54098 and "1102" not in prepayment
    [back] = refund["1059"]
    assert (back["1023"], back["1079"], back["1043"], back["1214"], back["2108"]) == ("1", 33333, 33333, 4, 0)
    assert refund["1054"] == 2


def test_tax_system_comes_from_settings_and_its_rates_are_checked(db, shop, lawful, emulator):
    lawful.settings["tax"] = TaxSystem.PSN
    buyer = shop.customer()
    order = shop.order(buyer, ("Кран", 1, 45000))
    pay(db, buyer, PaymentKind.CASH, 45000, order)
    run = lawful.print_owed()
    assert run.printed == () and "не применяется при ПСН" in (run.error or "")
    assert receipts_in_fn(emulator) == []
    lawful.settings["tax"] = TaxSystem.USN_INCOME
    usn_order = order_with(db, buyer, "30002", ("Радиатор", 1000, 105000, 105000, "шт"), vat=VatRate.VAT5)
    pay(db, buyer, PaymentKind.CASH, 105000, usn_order)
    docs = [d for d in print_all(lawful, emulator)]
    assert all(d["1055"] == 2 for d in docs)
    prepaid = docs[-1]["1059"][0]
    assert (prepaid["1199"], prepaid["1214"], prepaid["1200"]) == (9, 1, 5000)  # 5/105 on a prepayment


def test_no_cashier_name_refuses_to_print(db, shop, lawful, emulator):
    def nobody() -> Cashier:
        return Cashier("  ")

    lawful._cashier = nobody
    buyer = shop.customer()
    order = shop.order(buyer, ("Кран", 1, 45000))
    pay(db, buyer, PaymentKind.CASH, 45000, order)
    with pytest.raises(InvalidInput, match="ФИО кассира"):
        lawful.print_receipt(1)
    assert receipts_in_fn(emulator) == [] and not [d for d in emulator.journal if d["type"] == 2]


def test_names_reach_the_fn_in_faithful_characters(db, shop, lawful, emulator):
    buyer = shop.customer()
    order = shop.order(buyer, ("Радиатор 500×80 — 10 секций, ₽", 1, 45000))
    pay(db, buyer, PaymentKind.CASH, 45000, order)
    [doc] = print_all(lawful, emulator)
    assert doc["1059"][0]["1030"] == "Радиатор 500x80 - 10 секций, руб."


def test_cashier_sets_the_contact_and_buyer_of_one_receipt(db, shop, lawful, emulator):
    from omnidesk.services.receipt_edits import set_receipt_buyer

    buyer = shop.customer(CustomerKind.SOLE_TRADER, "ИП Смирнов Олег Петрович", inn="770112345678")
    order = shop.order(buyer, ("Кран", 1, 45000))
    [owed] = pay(db, buyer, PaymentKind.CASH, 45000, order).receipts
    with pytest.raises(InvalidInput, match="не e-mail и не телефон"):
        set_receipt_buyer(db, CASHIER, owed.id, contact="завтра позвоню")
    with pytest.raises(InvalidInput, match="10 или 12 цифр"):
        set_receipt_buyer(db, CASHIER, owed.id, buyer_inn="12345")
    set_receipt_buyer(db, CASHIER, owed.id, contact="8 (916) 765-43-21", buyer_name="ИП Смирнов О. П.")
    [doc] = print_all(lawful, emulator)
    assert doc["1008"] == "+79167654321"
    assert doc["1256"] == {"1227": "ИП Смирнов О. П.", "1228": "770112345678"}
    with pytest.raises(InvalidInput, match="уже не к печати"):
        set_receipt_buyer(db, CASHIER, owed.id, contact="a@b.ru")


def test_the_cashier_overrides_whether_a_payment_owes_a_receipt(db, shop, lawful, emulator):
    from omnidesk.services.ledger import ReceiptOverride

    trader = shop.customer(CustomerKind.SOLE_TRADER, "ИП Смирнов Олег Петрович", inn="770112345678")
    order = shop.order(trader, ("Кран", 1, 45000))
    plain = register_payment(db, CASHIER, customer_id=trader, kind=PaymentKind.TRANSFER, amount=20000,
                             allocations=[AllocationRequest(order)])
    assert plain.receipts == ()  # the rule: a sole trader's transfer needs no receipt
    with pytest.raises(InvalidInput, match="причину"):
        register_payment(db, CASHIER, customer_id=trader, kind=PaymentKind.TRANSFER, amount=25000,
                         allocations=[AllocationRequest(order)], receipt=ReceiptOverride(True, " "))
    paid = register_payment(db, CASHIER, customer_id=trader, kind=PaymentKind.TRANSFER, amount=25000,
                            allocations=[AllocationRequest(order)],
                            receipt=ReceiptOverride(True, "оплатил с личной карты через СБП-перевод"))
    [doc] = print_all(lawful, emulator)
    assert [r.plan.kind.value for r in paid.receipts] == ["prepayment"]
    assert doc["1081"] == 25000 and [i["1214"] for i in doc["1059"]] == [2]
    assert doc["1256"]["1228"] == "770112345678"
    from omnidesk.persistence.models import Payment

    with db.read() as s:
        payment = s.get(Payment, paid.payment_id)
        assert (payment.receipt_override, payment.receipt_override_reason) == (
            True, "оплатил с личной карты через СБП-перевод")


def test_correction_for_any_missed_receipt_from_its_plan(db, shop, lawful, emulator):
    from omnidesk.services.receipt_edits import correct_missed

    buyer = shop.customer()
    order = shop.order(buyer, ("Смеситель", 2, 500000))
    [prepaid] = pay(db, buyer, PaymentKind.CARD, 400000, order).receipts  # a missed prepayment
    delivered = record_delivery(db, CASHIER, order_number=order, collected=600000, kind=PaymentKind.CASH)
    [final] = delivered.receipts  # a missed settlement with the 1215 offset, paid in cash at the door
    day = dt.date.today()
    first = correct_missed(db, CASHIER, prepaid.id, date=day)
    second = correct_missed(db, CASHIER, final.id, date=day, reason="чек у двери не пробит")
    assert first.plan.kind.value == second.plan.kind.value == "correction"
    c1, c2 = print_all(lawful, emulator)
    assert (c1["type"], c1["1054"], c1["1173"], c1["1081"]) == (31, 1, 0, 400000)
    assert [i["1214"] for i in c1["1059"]] == [2] and c1["1059"][0]["1199"] == 12
    assert (c2["type"], c2["1215"], c2["1031"]) == (31, 400000, 600000)
    assert [(i["1214"], i["1023"], i["1079"]) for i in c2["1059"]] == [(4, "2", 500000)]
    assert c2["1174"]["1178"] == int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())
    from omnidesk.services.receipts import list_receipts

    assert list_receipts(db, owed_only=True) == []


def test_refund_splits_prepayment_and_advance_parts(db, shop, lawful, emulator):
    from omnidesk.services.ledger import ExcessChoice, apply_advance, cancel_order

    buyer = shop.customer()
    order = shop.order(buyer, ("Радиатор", 2, 300000))  # 6 000,00 ₽
    pay(db, buyer, PaymentKind.SBP, 300000)  # an advance, fiscalised 1214 = 3
    pay(db, buyer, PaymentKind.CARD, 200000, order)  # a prepayment, 1214 = 2
    apply_advance(db, CASHIER, customer_id=buyer, order_number=order, amount=300000)
    print_all(lawful, emulator)
    cancelled = cancel_order(db, CASHIER, order_number=order, money=ExcessChoice.REFUND, refund_kind=PaymentKind.CARD)
    [refund] = cancelled.receipts
    [doc] = print_all(lawful, emulator)
    assert doc["1054"] == 2 and doc["1081"] == 500000 and refund.plan.total == 500000
    by_method: dict[int, int] = {}
    for item in doc["1059"]:
        by_method[item["1214"]] = by_method.get(item["1214"], 0) + item["1043"]
    assert by_method == {2: 200000, 3: 300000}
    advance = next(i for i in doc["1059"] if i["1214"] == 3)
    assert (advance["1030"], advance["1212"], advance["1199"]) == ("Аванс", 10, 12)


def test_credit_at_handover_and_its_payment_later(db, shop, lawful, emulator):
    buyer = shop.customer()
    order = shop.order(buyer, ("Котёл", 1, 3000000))
    with pytest.raises(InvalidInput, match="не хватает"):
        record_delivery(db, CASHIER, order_number=order)
    record_delivery(db, CASHIER, order_number=order, credit=True)
    later = pay(db, buyer, PaymentKind.CASH, 3000000, order)
    assert [r.plan.kind.value for r in later.receipts] == ["credit_payment"]
    handover, paid = print_all(lawful, emulator)
    assert [i["1214"] for i in handover["1059"]] == [6] and handover["1216"] == 3000000
    assert handover["1031"] == handover["1081"] == handover["1215"] == 0
    [line] = paid["1059"]
    assert (line["1214"], line["1212"], line["1199"], line["1043"]) == (7, 10, 11, 3000000)
    assert line["1030"] == f"Оплата кредита по заказу №{order}" and paid["1031"] == 3000000


def test_partial_settlement_and_credit(db, shop, lawful, emulator):
    buyer = shop.customer()
    order = shop.order(buyer, ("Котёл", 1, 3000000))
    pay(db, buyer, PaymentKind.CARD, 1000000, order)
    record_delivery(db, CASHIER, order_number=order, collected=500000, kind=PaymentKind.CASH, credit=True)
    _, handover = print_all(lawful, emulator)
    assert [i["1214"] for i in handover["1059"]] == [5]
    assert (handover["1215"], handover["1031"], handover["1216"]) == (1000000, 500000, 1500000)


def test_company_pays_a_delivered_orders_debt_by_card(db, shop, lawful, emulator):
    company = shop.customer(CustomerKind.COMPANY, "ООО «Тепломонтаж»", inn="7701234567")
    order = shop.order(company, ("Котёл", 1, 3000000))
    delivered = record_delivery(db, CASHIER, order_number=order)  # paid later by the company
    assert delivered.debt == 3000000 and delivered.receipts == ()
    paid = pay(db, company, PaymentKind.CARD, 3000000, order)
    assert paid.allocated == ((order, 3000000),) and paid.advance == 0
    [doc] = print_all(lawful, emulator)
    [line] = doc["1059"]
    assert (line["1214"], line["1212"]) == (7, 10) and doc["1081"] == 3000000
    assert doc["1256"]["1228"] == "7701234567"
    with pytest.raises(InvalidInput, match="уже закрыт"):
        pay(db, company, PaymentKind.CARD, 100, order)  # no debt left: the money would be an advance
