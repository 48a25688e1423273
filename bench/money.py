"""Bench: payments per second on PostgreSQL with 1 and with 4 workstations paying at once.

    python -m bench.money [--url postgresql+psycopg://…] [--payments 400] [--customers 200]

Each workstation is its own process with its own engine; each pays orders of its own customers (the
money locks are per customer, so unrelated customers must not wait for each other). Every payment is
one unit of work of ``register_payment`` with one order and its receipts, as the cashier makes it.
Prints payments/s for 1 and for 4 workstations and their ratio (> 1: the locking does not serialise
unrelated customers; the ceiling is the machine's cores). The bench runs in a schema of its own,
dropped afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import queue
import time
import uuid

import psycopg

from omnidesk.core.enums import CustomerKind, OrderSource, OrderStatus, PaymentKind, PaymentSubject
from omnidesk.core.vat import VatRate
from omnidesk.persistence.db import make_engine
from omnidesk.persistence.models import Customer, Order, OrderLine
from omnidesk.services.auth import Actor
from omnidesk.services.database import init_database
from omnidesk.services.ledger import AllocationRequest, register_payment
from omnidesk.services.uow import Database

DEFAULT_URL = os.environ.get("OMNIDESK_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PRICE = 500000


def seed(db: Database, customers: int, orders_each: int) -> list[tuple[int, list[str]]]:
    made = []
    with db.unit_of_work() as s:
        for i in range(customers):
            buyer = Customer(kind=CustomerKind.INDIVIDUAL, name=f"Покупатель {i}", phone=f"+7916{i:07d}")
            s.add(buyer)
            s.flush()
            numbers = []
            for k in range(orders_each):
                number = f"{100000 + i * orders_each + k}"
                order = Order(number=number, customer_id=buyer.id, status=OrderStatus.CONFIRMED,
                              delivery_date=dt.date(2026, 3, 10), address="Москва", source=OrderSource.OWN_WAREHOUSE,
                              total=PRICE)
                order.lines = [OrderLine(line_no=1, name="Смеситель", quantity_milli=1000, price=PRICE, amount=PRICE,
                                         vat_rate=VatRate.VAT22, payment_subject=PaymentSubject.GOODS)]
                s.add(order)
                numbers.append(number)
            made.append((buyer.id, numbers))
    return made


def workstation(url: str, work: list[tuple[int, str]], start, done) -> None:
    db = Database(make_engine(url))
    cashier = Actor("Кассир")
    start.wait()
    for customer_id, number in work:
        register_payment(db, cashier, customer_id=customer_id, kind=PaymentKind.CARD, amount=PRICE // 5,
                         allocations=[AllocationRequest(number, PRICE // 5)])
    done.put(len(work))
    db.engine.dispose()


def run(url: str, jobs: list[list[tuple[int, str]]]) -> tuple[float, float]:
    """Payments per second with one process per job list, all started at once; and the share of samples
    (every 20 ms) in which some workstation waited for a row lock another held."""
    context = multiprocessing.get_context("spawn")
    start, done = context.Event(), context.Queue()
    processes = [context.Process(target=workstation, args=(url, work, start, done)) for work in jobs]
    for p in processes:
        p.start()
    time.sleep(3)  # let every process import and connect before the clock starts
    began = time.perf_counter()
    start.set()
    samples = waiting = finished = total = 0
    with psycopg.connect(url.split("?")[0].replace("+psycopg", ""), autocommit=True) as watch:
        while finished < len(processes):
            samples += 1
            waiting += bool(watch.execute("SELECT count(*) FROM pg_locks WHERE NOT granted").fetchone()[0])
            try:
                total += done.get(timeout=0.02)
                finished += 1
            except queue.Empty:
                pass
    elapsed = time.perf_counter() - began
    for p in processes:
        p.join()
    return total / elapsed, waiting / max(samples, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--payments", type=int, default=400, help="payments per run")
    parser.add_argument("--customers", type=int, default=200)
    args = parser.parse_args()
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    plain = args.url.replace("+psycopg", "")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = f"{args.url}?options=-csearch_path%3D{schema}"
    try:
        db, _ = init_database(url)
        orders_each = max(2 * args.payments // args.customers, 2)
        made = seed(db, args.customers, orders_each)
        db.engine.dispose()
        half = len(made) // 2
        # run 1: one workstation pays the first half's orders; run 4: four pay the second half's, each its own quarter
        single = [(c, numbers[k]) for c, numbers in made[:half] for k in range(orders_each)][:args.payments]
        quarters = [made[half:][q::4] for q in range(4)]
        per = args.payments // 4
        four = [[(c, numbers[k]) for c, numbers in quarter for k in range(orders_each)][:per] for quarter in quarters]
        one_rate, one_waits = run(url, [single])
        four_rate, four_waits = run(url, four)
        print(f"PostgreSQL, {args.payments} payments per run, {args.customers} customers, {os.cpu_count()} CPU, "
              f"load average {os.getloadavg()[0]:.1f}")
        print(f"1 workstation:  {one_rate:7.1f} payments/s  (lock waits in {one_waits:.0%} of samples)")
        print(f"4 workstations: {four_rate:7.1f} payments/s  (×{four_rate / one_rate:.2f}; "
              f"lock waits in {four_waits:.0%} of samples)")
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


if __name__ == "__main__":
    main()
