"""The change channel with 100 000 orders on SQLite: what it costs a write, how fast the Orders page
follows a change, how cheap a poll for other workstations' changes is.

    python -m bench.changes [--orders 100000] [--repeat 200] [--db PATH]

1. A payment registered on one order (``ledger.register_payment``, as the Cashier page calls it: cash,
   one allocation, a prepayment receipt planned) with the change collector active, and the same on a
   ``Database`` over the same engine whose sessions carry none of the collector's events (no ids
   collected, no ``change_log`` row, no subscriber told). The two alternate, so load on the machine hits
   both alike.
2. The real Orders page (offscreen) holding every order, wired to a ``ChangeBus`` as the main window
   wires it: after a payment, the time ``apply_changes`` takes until the touched rows show the new
   paid/due, against a full reload of the model (until every row is in).
3. ``ChangeFeed.poll()`` with nothing new, and after 1 and 50 payments committed by another
   "workstation" (a second ``Database`` on the same file: its own engine and origin).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from sqlalchemy import func, insert, select

from omnidesk.config import Settings
from omnidesk.core.changes import Changes
from omnidesk.core.enums import CustomerKind, OrderSource, OrderStatus, PaymentKind, PaymentSubject
from omnidesk.core.money import format_amount
from omnidesk.core.vat import VatRate
from omnidesk.persistence.db import session_factory
from omnidesk.persistence.models import ChangeLog, Customer, Order, OrderLine
from omnidesk.services import ledger
from omnidesk.services.auth import Actor, Role
from omnidesk.services.changes import ChangeFeed
from omnidesk.services.context import AppContext
from omnidesk.services.database import open_database
from omnidesk.services.ledger import AllocationRequest, state
from omnidesk.services.uow import Database
from omnidesk.ui.changes import ChangeBus
from omnidesk.ui.orders.model import COLUMNS
from omnidesk.ui.orders.page import OrdersPage
from omnidesk.ui.tasks import TaskRunner

CASHIER = Actor("Кассир", Role.CASHIER)
PART = 10_000  # 100 ₽ per payment: every order in the pool owes far more than all the payments it gets
PAID_COLUMN = next(i for i, c in enumerate(COLUMNS) if c[0] == "paid")


def generate(db: Database, n_orders: int) -> None:
    """Customers, orders and one line per order, in three bulk Core inserts (one unit of work)."""
    rng = random.Random(9)
    last = ["Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков", "Морозов"]
    first = ["Алексей", "Дмитрий", "Сергей", "Ольга", "Анна", "Мария", "Игорь", "Павел"]
    n_customers = max(n_orders // 3, 1)
    customers = [
        {"id": i + 1, "kind": CustomerKind.INDIVIDUAL, "name": f"{rng.choice(last)} {rng.choice(first)} {i}",
         "phone": f"+79{rng.randrange(10**9):09d}", "created_at": dt.datetime(2026, 1, 1)}
        for i in range(n_customers)
    ]
    statuses = list(OrderStatus)
    orders, lines = [], []
    for i in range(n_orders):
        total = rng.randrange(5_000_000, 20_000_000)
        orders.append({
            "id": i + 1, "number": str(100000 + i), "customer_id": rng.randrange(n_customers) + 1,
            "status": rng.choice(statuses), "created_at": dt.datetime(2026, 1, 1), "total": total,
            "delivery_date": dt.date(2026, 3, 10) + dt.timedelta(days=rng.randrange(60)), "window_start": 540,
            "window_end": 660, "address": f"Москва, ул. Тестовая, д. {rng.randrange(1, 200)}",
            "weight_g": rng.randrange(100, 180_000), "volume_cm3": 1000, "source": OrderSource.OWN_WAREHOUSE,
            "comment": ""})
        lines.append({"order_id": i + 1, "line_no": 1, "name": "Смеситель для ванны", "quantity_milli": 1000,
                      "price": total, "amount": total, "vat_rate": VatRate.VAT22, "payment_subject": PaymentSubject.GOODS,
                      "unit": "шт", "weight_g": 1000})
    with db.unit_of_work() as s:
        s.execute(insert(Customer), customers)
        s.execute(insert(Order), orders)
        s.execute(insert(OrderLine), lines)


class Payer:
    """Registers 100 ₽ cash on one open order after another, as the Cashier page does."""

    def __init__(self, db: Database, seed: int) -> None:
        with db.read() as s:
            rows = s.execute(select(Order.id, Order.number, Order.customer_id).where(
                Order.status.in_([st for st in OrderStatus if st.is_open]))).all()
        random.Random(seed).shuffle(rows)
        self._rows = rows
        self._next = 0

    def pay(self, db: Database) -> tuple[int, int]:
        """One payment through ``db``; returns (order id, customer id)."""
        order_id, number, customer_id = self._rows[self._next % len(self._rows)]
        self._next += 1
        result = ledger.register_payment(db, CASHIER, customer_id=customer_id, kind=PaymentKind.CASH, amount=PART,
                                         allocations=[AllocationRequest(number, PART)], purpose="bench")
        assert result.allocated == ((number, PART),) and len(result.receipts) == 1, result
        return order_id, customer_id


def without_change_log(db: Database) -> Database:
    """The same engine, services and code, but sessions from a fresh ``session_factory`` with none of the
    collector's listeners: nothing is collected after a flush and no ``change_log`` row is written."""
    plain = Database(db.engine)
    plain._sessions = session_factory(db.engine)
    return plain


def ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered) * 1000:7.2f} ms   p95 {p95 * 1000:7.2f} ms"


def log_rows(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(ChangeLog)) or 0


def measure_write(db: Database, payer: Payer, repeat: int) -> None:
    plain = without_change_log(db)
    for _ in range(10):  # warm up both paths (statement caches, pages of the file)
        payer.pay(db)
        payer.pay(plain)
    with_log, without_log = [], []
    logged_before = log_rows(db)
    for _ in range(repeat):
        for target, times in ((db, with_log), (plain, without_log)):
            start = time.perf_counter()
            payer.pay(target)
            times.append(time.perf_counter() - start)
    written = log_rows(db) - logged_before
    assert written == repeat, f"expected {repeat} change_log rows from the collector, got {written}"
    print(f"1. register_payment (100 ₽ cash on one order, prepayment receipt planned), {repeat} each, alternating:")
    print(f"   with change log:    {ms(with_log)}")
    print(f"   without change log: {ms(without_log)}")
    extra = statistics.median(with_log) - statistics.median(without_log)
    print(f"   change channel's share: {extra * 1000:+.2f} ms per operation at the median"
          f" ({extra / statistics.median(without_log):+.0%}); change_log rows written: {written} with, 0 without")
    print("   (without: a Database over the same engine whose sessions come from a fresh persistence.db."
          "session_factory, i.e. none of collect's after_flush/do_orm_execute/before_commit listeners)")


def wait(app: QApplication, done: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the page did not follow in time")
        app.processEvents()
        time.sleep(0.0005)


def settle(app: QApplication) -> float:
    """Process events until the GUI thread has nothing left to do (the view's deferred layout and paint
    included); returns when the last busy turn of the event loop ended."""
    quiet, busy_until = 0, time.perf_counter()
    while quiet < 3:
        start = time.perf_counter()
        app.processEvents()
        end = time.perf_counter()
        if end - start > 0.0005:
            quiet, busy_until = 0, end
        else:
            quiet += 1
        time.sleep(0.001)
    return busy_until


def measure_page(app: QApplication, db: Database, payer: Payer, n_orders: int, repeat: int, reloads: int) -> None:
    context = AppContext(db, Settings())
    runner = TaskRunner()
    page = OrdersPage(db, runner)
    bus = ChangeBus(context, runner, page)  # as the main window wires it (without the poll timer: local commits)
    arrived: list[tuple[float, Changes]] = []
    bus.changed.connect(lambda changes: arrived.append((time.perf_counter(), changes)))
    page.resize(1280, 800)
    page.show()
    start = time.perf_counter()
    page.reload()
    wait(app, lambda: page._load_task is None)
    first_load = settle(app) - start
    assert page.model.total_count() == n_orders, page.model.total_count()

    def shown_paid(order_id: int) -> str:
        position = page.model.position_of(order_id)
        return page.model.index(position, PAID_COLUMN).data()

    relayouts = []
    page.model.layoutChanged.connect(lambda: relayouts.append(time.perf_counter()))  # rows moved
    page.model.dataChanged.connect(lambda *_: relayouts.append(time.perf_counter()))  # rows repainted in place
    follow, updated, via_bus = [], [], []
    for i in range(repeat + 3):
        before = len(relayouts)
        arrived.clear()
        order_id, _customer = payer.pay(db)
        committed = time.perf_counter()
        wait(app, lambda: bool(arrived))
        delivered, changes = arrived[0]
        assert order_id in changes.orders, changes
        start = time.perf_counter()
        page.apply_changes(changes)
        wait(app, lambda b=before: len(relayouts) > b)
        in_model = relayouts[-1] - start
        shown = settle(app) - start  # the proxy and the view follow the model's signal, then paint
        expected = format_amount(_paid(db, order_id))
        assert shown_paid(order_id) == expected, (shown_paid(order_id), expected)
        if i >= 3:  # the first few warm up
            follow.append(shown)
            updated.append(in_model)
            via_bus.append(delivered - committed)
    full = []
    for _ in range(reloads):
        start = time.perf_counter()
        page.reload()
        wait(app, lambda: page._load_task is None)
        full.append(settle(app) - start)
        assert page.model.total_count() == n_orders
    print(f"2. Orders page with {n_orders} orders (offscreen, sorted by date; first load {first_load:.1f} s):")
    print(f"   payment committed → ChangeBus delivers its Changes: {ms(via_bus)}")
    print(f"   apply_changes → rows updated in the model ({repeat} payments):  {ms(updated)}")
    print(f"   apply_changes → new paid/due shown (view settled):   {ms(follow)}")
    print(f"   full reload until all {n_orders} rows are in ({reloads} runs): {ms(full)}")
    print(f"   full reload / apply_changes at the median: {statistics.median(full) / statistics.median(follow):.0f}×")
    bus.stop()
    runner.wait()
    page.close()


def _paid(db: Database, order_id: int) -> int:
    with db.read() as s:
        return state.paid(s, order_id)


def measure_poll(path: str, db: Database, payer: Payer, repeat: int) -> None:
    other = open_database(f"sqlite:///{path}")  # another workstation: its own engine, its own origin
    assert other.origin != db.origin
    feed = ChangeFeed(db)
    feed.start()
    feed.poll()  # the first poll also prunes old rows; not what is measured
    idle, one, fifty = [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        got = feed.poll()
        idle.append(time.perf_counter() - start)
        assert not got, got
    for _ in range(repeat):
        order_id, _customer = payer.pay(other)
        start = time.perf_counter()
        got = feed.poll()
        one.append(time.perf_counter() - start)
        assert order_id in got.orders, got
    for _ in range(max(repeat // 10, 5)):
        paid = {payer.pay(other)[0] for _ in range(50)}
        start = time.perf_counter()
        got = feed.poll()
        fifty.append(time.perf_counter() - start)
        assert paid <= got.orders, got
    own_before = feed.poll()
    payer.pay(db)
    assert not feed.poll() and not own_before  # this process's own rows are not reported back
    print(f"3. ChangeFeed.poll() (change_log holds {log_rows(db)} rows; a poll re-reads up to 200 below the last seen):")
    print(f"   nothing new:  {ms(idle)}   ({len(idle)} polls)")
    print(f"   1 new row:    {ms(one)}   ({len(one)} polls)")
    print(f"   50 new rows:  {ms(fifty)}   ({len(fifty)} polls)")
    print("   (new rows: payments committed through a second open_database() on the same file — another origin)")
    other.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=200, help="operations per write figure and per poll figure")
    parser.add_argument("--follow", type=int, default=30, help="payments the Orders page follows")
    parser.add_argument("--reloads", type=int, default=5, help="full reloads of the Orders page")
    parser.add_argument("--db", help="SQLite file to use (default: a temporary one)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or str(Path(tmp) / "bench.sqlite3")
        db = open_database(f"sqlite:///{path}")
        started = time.perf_counter()
        generate(db, args.orders)
        print(f"SQLite, {args.orders} orders (one line each), {args.orders // 3} customers:"
              f" generated in {time.perf_counter() - started:.1f} s")
        payer = Payer(db, seed=1)
        measure_write(db, payer, args.repeat)
        measure_page(app, db, payer, args.orders, args.follow, args.reloads)
        measure_poll(path, db, payer, args.repeat)
        db.engine.dispose()
    print(f"1-minute load average {load_before:.2f} → {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
          " (the machine is shared: p95 figures grow with it)")


if __name__ == "__main__":
    main()
