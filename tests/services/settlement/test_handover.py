"""Driver cash handover: collected at the doors vs counted by the cashier."""

import datetime as dt

import pytest

from omnidesk.core.enums import PaymentKind, Role
from omnidesk.core.errors import Forbidden, InvalidInput
from omnidesk.persistence.models import Driver
from omnidesk.services.auth import Actor
from omnidesk.services.cashier import handover, record_handover
from omnidesk.services.ledger import record_delivery

from .conftest import CASHIER


def test_a_driver_hands_in_less_than_collected(db, shop):
    with db.unit_of_work() as s:
        driver = Driver(name="Гусев Виктор Петрович")
        s.add(driver)
        s.flush()
        driver_id = driver.id
    buyer = shop.customer()
    order = shop.order(buyer, ("Котёл", 1, 4_890_000))
    record_delivery(db, CASHIER, order_number=order, collected=4_890_000, kind=PaymentKind.CASH, driver_id=driver_id)
    today = dt.date.today()
    [row] = handover(db, today)
    assert (row.cash, row.handed_cash, row.difference) == (4_890_000, 0, 4_890_000)
    [row] = record_handover(db, CASHIER, day=today, driver_id=driver_id, cash=4_880_000, card=0, note="не хватило")
    assert (row.handed_cash, row.difference) == (4_880_000, 10_000)
    [row] = record_handover(db, CASHIER, day=today, driver_id=driver_id, cash=10_000, card=0)
    assert row.difference == 0


def test_handover_needs_a_cashier_and_an_amount(db):
    with db.unit_of_work() as s:
        s.add(Driver(name="Белов"))
    with pytest.raises(InvalidInput, match="сколько"):
        record_handover(db, CASHIER, day=dt.date.today(), driver_id=1, cash=0, card=0)
    with pytest.raises(Forbidden):
        record_handover(db, Actor("Логист", Role.LOGIST), day=dt.date.today(), driver_id=1, cash=100, card=0)
