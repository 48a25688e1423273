"""Correction receipts: goods of an order or an advance sum, self-initiated or by the tax office's order."""

import datetime as dt

import pytest

from omnidesk.core.enums import CustomerKind, OrderSource, OrderStatus, PaymentSubject, ReceiptStatus
from omnidesk.core.errors import InvalidInput
from omnidesk.core.receipts import Operation
from omnidesk.core.vat import VatRate
from omnidesk.persistence.models import Customer, Order, OrderLine
from omnidesk.services.auth import Actor
from omnidesk.services.corrections import create_correction
from omnidesk.services.customers import resolve_customer_id
from omnidesk.services.receipts import list_receipts

CASHIER = Actor("Кассир Анна")
DAY = dt.date(2026, 3, 2)


@pytest.fixture
def order(db):
    with db.unit_of_work() as s:
        buyer = Customer(kind=CustomerKind.INDIVIDUAL, name="Иванов Иван", phone="+79161234567")
        s.add(buyer)
        s.flush()
        o = Order(number="30001", customer_id=buyer.id, status=OrderStatus.DELIVERED, delivery_date=DAY,
                  address="Москва", source=OrderSource.OWN_WAREHOUSE)
        o.lines = [OrderLine(line_no=1, name="Смеситель", quantity_milli=2000, price=500000, amount=1000000,
                             vat_rate=VatRate.VAT22, payment_subject=PaymentSubject.GOODS),
                   OrderLine(line_no=2, name="Шланг", quantity_milli=1000, price=60000, amount=60000,
                             vat_rate=VatRate.VAT22, payment_subject=PaymentSubject.GOODS)]
        o.total = 1060000
        s.add(o)
    return "30001"


def test_missed_goods_of_an_order_become_an_owed_correction(db, order):
    receipt = create_correction(db, CASHIER, operation=Operation.INCOME, date=DAY, reason="не пробит чек доставки",
                                electronic=False, order_number=order, lines={1: 1000})
    assert receipt.plan.kind == "correction" and receipt.status is ReceiptStatus.PLANNED
    assert receipt.plan.total == receipt.plan.cash == 500000 and receipt.plan.electronic == 0
    assert [(line.name, line.quantity_milli, line.method) for line in receipt.plan.lines] == [("Смеситель", 1000, 4)]
    correction = receipt.plan.correction
    assert correction.type == 0 and correction.date == DAY and correction.document_number is None
    assert receipt.order_numbers == (order,) and receipt.plan.buyer_contact == "+79161234567"
    assert [r.id for r in list_receipts(db, owed_only=True)] == [receipt.id]


def test_an_advance_sum_by_tax_office_order(db, order):
    buyer = resolve_customer_id(db, "Иванов Иван")  # the typed name is resolved at the edge, the service takes the id
    receipt = create_correction(db, CASHIER, operation=Operation.INCOME, date=DAY, reason="аванс без чека",
                                electronic=True, customer_id=buyer, amount=150000, order_document="12-34/5")
    assert receipt.plan.electronic == receipt.plan.total == 150000
    assert receipt.plan.lines[0].method == 3 and receipt.plan.lines[0].subject.value == 10
    assert receipt.plan.correction.type == 1 and receipt.plan.correction.document_number == "12-34/5"


@pytest.mark.parametrize("fields, message", [
    (dict(amount=0), "сумму"),
    (dict(lines={1: 3000}, order_number="30001"), "вне заказанного"),
    (dict(lines={1: 1000}), "номер заказа"),
])
def test_wrong_input_is_refused_with_a_reason(db, order, fields, message):
    with pytest.raises(InvalidInput, match=message):
        create_correction(db, CASHIER, operation=Operation.INCOME, date=DAY, reason="ошибка", electronic=False,
                          **fields)
    assert list_receipts(db) == []


def test_a_future_date_is_refused(db, order):
    with pytest.raises(InvalidInput, match="будущем"):
        create_correction(db, CASHIER, operation=Operation.INCOME, date=dt.date.today() + dt.timedelta(days=1),
                          reason="ошибка", electronic=False, amount=100)
