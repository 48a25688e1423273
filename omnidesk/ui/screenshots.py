"""Render each page of the main window to a PNG, once its data has loaded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from omnidesk.services.orders import list_orders
from omnidesk.services.receipts import list_receipts

from .main_window import MainWindow


def render_pages(app: QApplication, window: MainWindow, directory: Path, timeout_ms: int = 30_000,
                 size: tuple[int, int] = (1440, 900)) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    window.resize(*size)
    window.show()
    _wait_for(window.orders_page.loaded, window.start, timeout_ms)
    if window.orders_page.model.rowCount():
        window.orders_page.table.selectRow(0)
        _settle(app, window)
    customer = example_customer(window)
    if customer is not None:
        _wait_for(window.cashier_page.customer_loaded, lambda: window.cashier_page.load_customer(customer), timeout_ms)
    written = []
    for page in window.pages:
        window.show_page(page.key)
        _settle(app, window)
        path = directory / f"{page.key}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"не удалось записать {path}")
        written.append(path)
    window.close()
    return written


def example_customer(window: MainWindow) -> int | None:
    """A customer worth showing on the Cashier page: one with receipts owed, else one who has paid."""
    owed = list_receipts(window.db, owed_only=True)
    if owed and owed[-1].plan.customer_id is not None:
        return owed[-1].plan.customer_id
    paid = [row for row in list_orders(window.db) if row.paid and row.status.is_open]
    return paid[0].customer_id if paid else None


def _wait_for(signal, start, timeout_ms: int) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    start()
    loop.exec()
    signal.disconnect(loop.quit)


def _settle(app: QApplication, window: MainWindow, ms: int = 300) -> None:
    """Let background work (the database and the fiscal register) finish and the widgets repaint."""
    window.runner.wait(10_000)
    window.fiscal.wait(10_000)
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()
