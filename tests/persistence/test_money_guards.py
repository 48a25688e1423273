"""The ledger's invariants are in the database: SQL that would break them is refused (issue 10, item 3)."""

import datetime as dt

import pytest
import sqlalchemy as sa

from omnidesk.core.enums import CustomerKind, OrderSource, OrderStatus, PaymentKind
from omnidesk.persistence.models import Allocation, Customer, Order, Payment, Refund


@pytest.fixture
def money(db):
    """A customer with an order of 1 000,00 ₽ and a payment of 600,00 ₽ of which 400,00 ₽ is allocated."""
    with db.unit_of_work() as s:
        buyer = Customer(kind=CustomerKind.INDIVIDUAL, name="Иванов")
        s.add(buyer)
        s.flush()
        order = Order(number="1", customer_id=buyer.id, status=OrderStatus.NEW, delivery_date=dt.date(2026, 3, 10),
                      address="Москва", source=OrderSource.OWN_WAREHOUSE, total=100000)
        payment = Payment(customer_id=buyer.id, kind=PaymentKind.CASH, amount=60000, received_at=dt.datetime(2026, 3, 1))
        s.add_all([order, payment])
        s.flush()
        allocation = Allocation(payment_id=payment.id, order_id=order.id, amount=40000)
        s.add(allocation)
        s.flush()
        return {"c": buyer.id, "o": order.id, "p": payment.id, "a": allocation.id}


def _refused(db, statement: str, **params) -> str:
    with pytest.raises(sa.exc.DBAPIError) as caught:
        with db.engine.begin() as conn:
            conn.execute(sa.text(statement), params)
    return str(caught.value.orig)


ALLOCATE = "INSERT INTO allocations (payment_id, order_id, amount, overpayment, reverses_id, created_by, created_at, " \
           "version) VALUES (:p, :o, :amount, false, :r, '', CURRENT_TIMESTAMP, 1)"


def test_a_payment_is_never_allocated_beyond_its_amount(db, money):
    assert "beyond its amount" in _refused(db, ALLOCATE, p=money["p"], o=money["o"], amount=20001, r=None)


def test_an_allocation_is_never_reversed_more_than_it_holds(db, money):
    with db.engine.begin() as conn:
        conn.execute(sa.text(ALLOCATE), {"p": money["p"], "o": money["o"], "amount": -40000, "r": money["a"]})
    assert "reversed more than once" in _refused(db, ALLOCATE, p=money["p"], o=money["o"], amount=-40000, r=money["a"])
    assert "only a reversal" in _refused(db, ALLOCATE, p=money["p"], o=money["o"], amount=-1, r=None)


def test_an_order_holds_between_zero_and_its_total(db, money):
    with db.unit_of_work() as s:
        extra = Payment(customer_id=money["c"], kind=PaymentKind.CASH, amount=100000, received_at=dt.datetime(2026, 3, 2))
        s.add(extra)
        s.flush()
        extra_id = extra.id
    assert "outside 0" in _refused(db, ALLOCATE, p=extra_id, o=money["o"], amount=60001, r=None)
    assert "outside 0" in _refused(db, "UPDATE orders SET total = 39999 WHERE id = :o", o=money["o"])


def test_an_advance_never_goes_below_zero(db, money):
    refund = "INSERT INTO refunds (customer_id, kind, amount, reason, created_by, created_at) " \
             "VALUES (:c, 'cash', :amount, '', '', CURRENT_TIMESTAMP)"
    assert "below zero" in _refused(db, refund, c=money["c"], amount=20001)
    with db.unit_of_work() as s:
        s.add(Refund(customer_id=money["c"], kind=PaymentKind.CASH, amount=20000))
    assert "below zero" in _refused(db, ALLOCATE, p=money["p"], o=money["o"], amount=1, r=None)


def test_money_entries_are_never_changed_or_deleted(db, money):
    for statement in ("UPDATE payments SET amount = 1", "DELETE FROM payments", "UPDATE allocations SET amount = 1",
                      "DELETE FROM allocations"):
        assert "money guard" in _refused(db, statement)
    with db.unit_of_work() as s:
        s.get(Payment, money["p"]).purpose = "за заказ №1"  # what is not money may be corrected
