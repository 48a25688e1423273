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
