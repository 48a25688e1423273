"""Two workstations (two processes) race on the same money on a real PostgreSQL server.

Each round both wait at a barrier and act on the same rows at once: paying the same order from the same
advance, paying two orders from one advance, printing the same owed receipt on their own registers.
Afterwards no order is paid above its total, no payment is allocated above its amount, nothing is doubled
or lost, and every receipt is in a register's journal exactly once and matches the database.

``OMNIDESK_RACES`` sets the rounds (default: 1 000 on CI, 20 locally).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import time
from collections import Counter
from queue import Empty

import pytest
from sqlalchemy import func, select

from omnidesk.core.enums import CustomerKind, OrderSource, OrderStatus, PaymentKind, PaymentSubject, ReceiptStatus
from omnidesk.core.vat import VatRate
from omnidesk.persistence.models import Allocation, Customer, Order, OrderLine, Payment, Receipt
from omnidesk.services.ledger import register_payment
from tests.dbs import ready_database as open_database
from tests.races import workers  # importable by name: the spawned processes unpickle its functions

pytestmark = pytest.mark.postgres
ROUNDS = int(os.environ.get("OMNIDESK_RACES") or (1000 if os.environ.get("CI") == "true" else 20))
PRICE = 100_000


def _order(number: str, customer_id: int) -> Order:
    order = Order(number=number, customer_id=customer_id, status=OrderStatus.CONFIRMED, delivery_date=dt.date(2026, 3, 10),
                  window_start=600, window_end=720, address="Москва", source=OrderSource.OWN_WAREHOUSE)
    order.lines = [OrderLine(line_no=1, name="Котёл", quantity_milli=1000, price=PRICE, amount=PRICE,
                             vat_rate=VatRate.VAT22, payment_subject=PaymentSubject.GOODS)]
    order.total = PRICE
    return order


def _customers_with_advances(db, rounds: int, orders_each: int) -> list[tuple[int, list[str]]]:
    """Customers (companies: no receipts) each with an advance of one order's price and ``orders_each`` orders."""
    made = []
    with db.unit_of_work() as session:
        for i in range(rounds):
            customer = Customer(kind=CustomerKind.COMPANY, name=f"ООО Гонка {i}", inn=f"77{i:08d}")
            session.add(customer)
            session.flush()
            numbers = [f"R{i}-{k}" for k in range(orders_each)]
            for number in numbers:
                session.add(_order(number, customer.id))
            session.add(Payment(customer_id=customer.id, kind=PaymentKind.TRANSFER, amount=PRICE,
                                received_at=dt.datetime(2026, 3, 1), created_by="test"))
            made.append((customer.id, numbers))
    return made


def _race(target, args_of, count=2):
    context = multiprocessing.get_context("spawn")
    barrier, queue = context.Barrier(count), context.Queue()
    processes = [context.Process(target=target, args=(*args_of(i), barrier, queue)) for i in range(1, count + 1)]
    for process in processes:
        process.start()
    results = []
    deadline = time.monotonic() + 120 + ROUNDS * 2
    while len(results) < count:
        try:
            results.append(queue.get(timeout=1))
        except Empty:
            dead = [p.exitcode for p in processes if p.exitcode not in (None, 0)]
            assert not dead and time.monotonic() < deadline, f"a workstation process failed: exit codes {dead}"
    for process in processes:
        process.join(timeout=60)
    assert all(r["error_count"] == 0 for r in results), [r["errors"] for r in results]
    return sorted(results, key=lambda r: r["index"])


def _money_is_whole(db):
    """No order paid above its total, no payment allocated above its amount, no advance below zero."""
    with db.read() as session:
        over_orders = session.execute(
            select(Order.number, Order.total, func.sum(Allocation.amount)).join(Allocation, Allocation.order_id == Order.id)
            .group_by(Order.id).having(func.sum(Allocation.amount) > Order.total)).all()
        over_payments = session.execute(
            select(Payment.id, Payment.amount, func.sum(Allocation.amount))
            .join(Allocation, Allocation.payment_id == Payment.id)
            .group_by(Payment.id).having(func.sum(Allocation.amount) > Payment.amount)).all()
        allocated = session.scalar(select(func.coalesce(func.sum(Allocation.amount), 0)))
    assert over_orders == [] and over_payments == []
    return allocated


def test_paying_the_same_order_from_the_same_advance(pg_url):
    db = open_database(pg_url)
    made = _customers_with_advances(db, ROUNDS, 1)
    rounds = [(customer, numbers[0]) for customer, numbers in made]
    results = _race(workers.apply_advances, lambda i: (pg_url, i, rounds))
    allocated = _money_is_whole(db)
    assert sum(r["won"] for r in results) == ROUNDS  # one wins each round, never both, never neither
    assert allocated == ROUNDS * PRICE
    db.engine.dispose()


def test_paying_two_orders_from_one_advance(pg_url):
    db = open_database(pg_url)
    made = _customers_with_advances(db, ROUNDS, 2)
    results = _race(workers.apply_advances, lambda i: (pg_url, i, [(c, numbers[i - 1]) for c, numbers in made]))
    allocated = _money_is_whole(db)
    assert allocated == ROUNDS * PRICE  # the advance paid exactly one of the two orders
    assert sum(r["won"] for r in results) == ROUNDS
    db.engine.dispose()


def test_printing_the_same_owed_receipt_on_two_registers(pg_url, tmp_path):
    db = open_database(pg_url)
    with db.unit_of_work() as session:
        ids = []
        for i in range(ROUNDS):
            customer = Customer(kind=CustomerKind.INDIVIDUAL, name=f"Покупатель {i}", phone=f"+7900{i:07d}")
            session.add(customer)
            session.flush()
            ids.append(customer.id)
    for customer_id in ids:  # an advance from an individual owes a receipt
        register_payment(db, workers.actor(0), customer_id=customer_id, kind=PaymentKind.CARD, amount=PRICE)
    with db.read() as session:
        receipt_ids = list(session.scalars(select(Receipt.id).order_by(Receipt.id)))
    assert len(receipt_ids) == ROUNDS
    results = _race(workers.print_receipts, lambda i: (pg_url, i, receipt_ids, str(tmp_path)))
    with db.read() as session:
        rows = session.execute(select(Receipt.id, Receipt.status, Receipt.device, Receipt.fd_number, Receipt.total)).all()
    assert {r.status for r in rows} == {ReceiptStatus.PRINTED}  # nothing lost
    printed = Counter((r.device, r.fd_number) for r in rows)
    assert all(n == 1 for n in printed.values())  # fd numbers unique per register
    in_journals = {(res["device"], doc["fd"]): doc["total"] for res in results for doc in res["journal"]}
    assert sum(len(res["journal"]) for res in results) == ROUNDS  # exactly once across both registers
    assert {(r.device, r.fd_number): r.total for r in rows} == in_journals  # the journals match the database
    assert sum(r["won"] for r in results) == ROUNDS
    db.engine.dispose()
