"""The Orders page with 100 000 orders: first rows, a filter keystroke, memory.

    python -m bench.orders_table [--orders 100000] [--db PATH]

Each time is printed with the same measurement for a bare QTableView over the same rows
(a plain QAbstractTableModel, and for filtering the stock QSortFilterProxyModel) in the same run.
Targets (issue 2): first rows < 1 s, a keystroke < 50 ms, memory growth < 200 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication, QTableView
from sqlalchemy import insert, select

from omnidesk.core.enums import CustomerKind, OrderSource, OrderStatus
from omnidesk.persistence.models import Customer, Order
from omnidesk.services.database import open_database
from omnidesk.ui.orders.page import OrdersPage
from omnidesk.ui.tasks import TaskRunner

KEYSTROKES = ["и", "ив", "ива", "иван", "ивано", "иванов", "ивано", "ива", "и", ""]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def generate(db, n_orders: int) -> None:
    rng = random.Random(7)
    last = ["Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков", "Морозов"]
    first = ["Алексей", "Дмитрий", "Сергей", "Ольга", "Анна", "Мария", "Игорь", "Павел"]
    n_customers = max(n_orders // 3, 1)
    customers = [
        {"id": i + 1, "kind": CustomerKind.INDIVIDUAL, "name": f"{rng.choice(last)} {rng.choice(first)} {i}",
         "phone": f"+79{rng.randrange(10**9):09d}", "created_at": dt.datetime(2026, 1, 1)}
        for i in range(n_customers)
    ]
    statuses = list(OrderStatus)
    today = dt.date(2026, 3, 10)
    orders = [
        {"number": str(100000 + i), "customer_id": rng.randrange(n_customers) + 1, "status": rng.choice(statuses),
         "created_at": dt.datetime(2026, 1, 1), "total": rng.randrange(1000, 20_000_000),
         "delivery_date": today + dt.timedelta(days=rng.randrange(60)), "window_start": 540, "window_end": 660,
         "address": f"Москва, ул. Тестовая, д. {rng.randrange(1, 200)}", "weight_g": rng.randrange(100, 180_000),
         "volume_cm3": 1000, "source": OrderSource.OWN_WAREHOUSE, "comment": ""}
        for i in range(n_orders)
    ]
    with db.unit_of_work() as s:
        s.execute(insert(Customer), customers)
        s.execute(insert(Order), orders)


class BareModel(QAbstractTableModel):
    def __init__(self, rows):
        super().__init__()
        self.rows = rows

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 10

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            value = self.rows[index.row()][index.column()]
            return str(value)
        return None


def bare_rows(db):
    """The same rows, the plain way: one query, tuples, no formatting."""
    query = select(Order.number, Order.delivery_date, Order.window_start, Customer.name, Customer.phone,
                   Order.total, Order.total, Order.total, Order.status, Order.address
                   ).join(Customer).order_by(Order.delivery_date, Order.window_start, Order.number)
    with db.read() as s:
        return [tuple(r) for r in s.execute(query)]


def show_first_rows_bare(app, db) -> float:
    start = time.perf_counter()
    view = QTableView()
    view.resize(1200, 800)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(BareModel(bare_rows(db)))
    view.setModel(proxy)
    view.show()
    app.processEvents()
    elapsed = time.perf_counter() - start
    show_first_rows_bare.keep = (view, proxy)
    return elapsed


def keystrokes_bare(app) -> list[float]:
    _view, proxy = show_first_rows_bare.keep
    proxy.setFilterKeyColumn(3)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    times = []
    for text in KEYSTROKES:
        start = time.perf_counter()
        proxy.setFilterFixedString(text)
        app.processEvents()
        times.append(time.perf_counter() - start)
    return times


def show_first_rows_omnidesk(app, db):
    runner = TaskRunner()
    start = time.perf_counter()
    page = OrdersPage(db, runner)
    page.resize(1200, 800)
    page.show()
    page.reload()
    while page.model.rowCount() == 0:
        app.processEvents()
    app.processEvents()
    first = time.perf_counter() - start
    while page._load_task is not None:
        app.processEvents()
        time.sleep(0.001)
    complete = time.perf_counter() - start
    return page, runner, first, complete


def keystrokes_omnidesk(app, page) -> list[float]:
    times = []
    for text in KEYSTROKES:
        start = time.perf_counter()
        page.search.setText(text)
        app.processEvents()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--db", help="SQLite file to use (default: a temporary one)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or str(Path(tmp) / "bench.sqlite3")
        db = open_database(f"sqlite:///{path}")
        started = time.perf_counter()
        generate(db, args.orders)
        print(f"generated {args.orders} orders in {time.perf_counter() - started:.1f} s")

        rss_before = rss_mb()
        page, runner, first, complete = show_first_rows_omnidesk(app, db)
        rss_after = rss_mb()
        ours_keys = keystrokes_omnidesk(app, page)
        bare_first = show_first_rows_bare(app, db)
        bare_keys = keystrokes_bare(app)

        print(f"first rows shown:     OmniDesk {first * 1000:7.1f} ms   bare QTableView {bare_first * 1000:7.1f} ms"
              f"   ratio {first / bare_first:.2f}   (target < 1000 ms)")
        print(f"all {args.orders} rows loaded in background: {complete * 1000:.0f} ms (table usable meanwhile)")
        print(f"filter keystroke:     OmniDesk median {statistics.median(ours_keys) * 1000:6.1f} ms,"
              f" max {max(ours_keys) * 1000:6.1f} ms   bare proxy median {statistics.median(bare_keys) * 1000:6.1f} ms"
              f"   ratio {statistics.median(ours_keys) / statistics.median(bare_keys):.2f}   (target < 50 ms)")
        print(f"memory growth for {args.orders} orders: {rss_after - rss_before:.0f} MB   (target < 200 MB)")
        runner.wait()
        db.engine.dispose()


if __name__ == "__main__":
    main()
