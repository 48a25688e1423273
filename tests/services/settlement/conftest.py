"""A ledger on a real database and a fiscal journal on the emulated register (over a pty)."""

from __future__ import annotations

import datetime as dt

import pytest

from fiscal_drivers.emulator import Emulator
from omnidesk.core.enums import CustomerKind, OrderSource, OrderStatus, PaymentSubject
from omnidesk.core.vat import VatRate
from omnidesk.integrations.fiscal import RegisterConnection
from omnidesk.persistence.models import Customer, Order, OrderLine
from omnidesk.services.auth import Actor
from omnidesk.services.fiscal import FiscalJournal

CASHIER = Actor("Кассир Анна")


@pytest.fixture
def emulator(tmp_path):
    with Emulator(journal=str(tmp_path / "fn.jsonl"), state=str(tmp_path / "kkt.json")) as emu:
        yield emu


@pytest.fixture
def journal(db, emulator):
    j = FiscalJournal(db, lambda: RegisterConnection(emulator.url), CASHIER)
    yield j
    j.close()


def receipts_in_fn(emulator) -> list[dict]:
    """Receipts (document type 3) and corrections (31) as the fiscal storage keeps them."""
    return [doc for doc in emulator.journal if doc["type"] in (3, 31)]


class Shop:
    """Makes customers and orders the way the office has them."""

    def __init__(self, db):
        self.db = db
        self._number = 20000

    def customer(self, kind=CustomerKind.INDIVIDUAL, name="Иванов Иван Иванович", **fields) -> int:
        with self.db.unit_of_work() as s:
            c = Customer(kind=kind, name=name, phone=fields.pop("phone", None), email=fields.pop("email", None), **fields)
            s.add(c)
            s.flush()
            return c.id

    def order(self, customer: int, *lines: tuple[str, int, int]) -> str:
        """lines: (name, quantity in pieces, price in kopecks)."""
        self._number += 1
        with self.db.unit_of_work() as s:
            order = Order(number=str(self._number), customer_id=customer, status=OrderStatus.SHIPPED,
                          delivery_date=dt.date(2026, 3, 10), window_start=600, window_end=720, address="Москва",
                          source=OrderSource.OWN_WAREHOUSE)
            order.lines = [
                OrderLine(line_no=i, name=name, quantity_milli=qty * 1000, price=price, amount=qty * price,
                          vat_rate=VatRate.VAT22, payment_subject=PaymentSubject.GOODS)
                for i, (name, qty, price) in enumerate(lines, start=1)
            ]
            order.total = sum(line.amount for line in order.lines)
            s.add(order)
        return str(self._number)


@pytest.fixture
def shop(db):
    return Shop(db)
