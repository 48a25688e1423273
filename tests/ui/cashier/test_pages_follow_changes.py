"""No stale pages: what one page, another workstation or the Settings page changes shows everywhere at once."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from fiscal_drivers.emulator import Emulator
from fiscal_drivers.ffd import DocumentType
from omnidesk.integrations.fiscal import RegisterConnection
from omnidesk.services import orders as order_service
from omnidesk.services.database import open_database
from omnidesk.services.fiscal import FiscalJournal
from omnidesk.services.receipts import list_receipts

from .conftest import CASHIER, open_window
from .test_cashier_page import pay, two_unpaid_orders


def shown_row(window, order_id: int):
    model = window.orders_page.model
    return next(model.row_at(r) for r in range(model.rowCount()) if model.row_at(r).id == order_id)


def pay_on_the_cashier_page(qtbot, window, answers, settle, customer_id: int, order) -> None:
    page = window.cashier_page
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        page.load_customer(customer_id)
    answers.fill = lambda dialog: pay(dialog, f"{order.total // 100}", [order.number]) or dialog.ok.isEnabled()
    answers.confirm = lambda heading: not heading.startswith("The register will print")  # print later
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        page.payment()
    settle(window)
    assert answers.errors == []


def test_orders_page_shows_a_payment_made_on_the_cashier_page(qtbot, window, answers, settle):
    customer_id, (first, _second) = two_unpaid_orders(window.db)
    assert shown_row(window, first.id).due == first.total
    pay_on_the_cashier_page(qtbot, window, answers, settle, customer_id, first)
    qtbot.waitUntil(lambda: shown_row(window, first.id).paid == first.total, timeout=10_000)
    assert shown_row(window, first.id).due == 0
    assert window.orders_page.model.total_count() == 80  # the affected rows, not a reload of everything


def test_orders_page_reloads_only_the_touched_rows(qtbot, window, answers, settle, monkeypatch):
    customer_id, (first, _second) = two_unpaid_orders(window.db)
    asked: list[frozenset[int]] = []
    real = order_service.order_rows
    monkeypatch.setattr(order_service, "order_rows",
                        lambda db, ids=(), customer_ids=(): asked.append(frozenset(ids)) or real(db, ids, customer_ids))
    monkeypatch.setattr(order_service, "iter_order_rows", lambda *a, **k: pytest.fail("a full reload"))
    pay_on_the_cashier_page(qtbot, window, answers, settle, customer_id, first)
    qtbot.waitUntil(lambda: shown_row(window, first.id).paid == first.total, timeout=10_000)
    assert asked and all(first.id in ids and len(ids) < 5 for ids in asked)


def test_banner_and_status_line_follow_a_receipt_printed_on_another_workstation(qtbot, window, answers, settle,
                                                                                 tmp_path):
    customer_id, (first, _second) = two_unpaid_orders(window.db)
    pay_on_the_cashier_page(qtbot, window, answers, settle, customer_id, first)
    banner = window.cashier_page.customer.owed_banner
    assert "Receipts to print: " in banner.text()
    assert window.cashier_page.message.text().startswith("✓")
    [owed] = [r for r in list_receipts(window.db, customer_id=customer_id) if r.fd_number is None]
    elsewhere = open_database(str(window.db.engine.url))
    try:  # the other workstation's cashier prints it on the register there
        journal = FiscalJournal(elsewhere, lambda: RegisterConnection("emulator", emulator_dir=tmp_path / "there"),
                                CASHIER)
        journal.print_receipt(owed.id)
        journal.close()
    finally:
        elsewhere.engine.dispose()
    qtbot.waitUntil(lambda: "Every receipt owed to this customer is printed" in banner.text(), timeout=10_000)
    other = next(r for r in order_service.list_orders(window.db) if r.customer_id != customer_id)
    with qtbot.waitSignal(window.cashier_page.customer_loaded, timeout=10_000):
        window.cashier_page.load_customer(other.customer_id)
    assert window.cashier_page.message.text() == ""  # not the previous customer's news


@pytest.fixture
def tcp_register(tmp_path):
    with Emulator(tcp_port=0, journal=str(tmp_path / "tcp-fn.jsonl"), state=str(tmp_path / "tcp-kkt.json")) as emu:
        yield emu


@pytest.fixture
def working_db(sqlite_url):
    """A working (not demo) database with one person's two unpaid orders, as sync brings them: a demo
    database always prints on its own emulator, whatever register the settings name."""
    from omnidesk.core.enums import CustomerKind, OrderStatus, PaymentSubject
    from omnidesk.core.vat import VatRate
    from omnidesk.persistence.models import Customer, Order, OrderLine

    db = open_database(sqlite_url)
    with db.unit_of_work() as session:
        customer = Customer(kind=CustomerKind.INDIVIDUAL, name="Орлова Мария Петровна", phone="+79161234567")
        session.add(customer)
        session.flush()
        for number, price in (("501", 1_250_000), ("502", 480_000)):
            order = Order(number=number, customer_id=customer.id, status=OrderStatus.READY, total=price,
                          delivery_date=dt.date(2026, 3, 10), address="Москва, ул. Лесная, д. 5")
            order.lines = [OrderLine(line_no=1, name="Котёл настенный", quantity_milli=1000, price=price,
                                     amount=price, vat_rate=VatRate.parse("22"), payment_subject=PaymentSubject.GOODS,
                                     unit="шт")]
            session.add(order)
    yield db
    db.engine.dispose()


def test_a_register_port_saved_on_settings_is_used_by_the_next_print(qtbot, working_db, answers, settle,
                                                                     tcp_register, user_dirs):
    demo_db = working_db
    window = open_window(qtbot, demo_db)  # the register in settings: the built-in emulator
    settle(window)
    customer_id, (first, second) = two_unpaid_orders(demo_db)
    pay_on_the_cashier_page(qtbot, window, answers, settle, customer_id, first)
    answers.confirm = True
    qtbot.keyClick(window.cashier_page, Qt.Key.Key_F9)
    settle(window)
    qtbot.waitUntil(lambda: not window.cashier_page.customer.owed(), timeout=10_000)
    assert tcp_register.journal == []

    window.show_page("settings")
    window.settings_page.fiscal_url.setText(tcp_register.url)
    assert window.settings_page.save()
    assert "in use now" in window.settings_page.message.text()
    settle(window)
    qtbot.waitUntil(lambda: tcp_register.url in window.status.fiscal.text(), timeout=10_000)

    window.show_page("cashier")
    pay_on_the_cashier_page(qtbot, window, answers, settle, customer_id, second)
    answers.confirm = True
    qtbot.keyClick(window.cashier_page, Qt.Key.Key_F9)
    settle(window)
    qtbot.waitUntil(lambda: not window.cashier_page.customer.owed(), timeout=10_000)
    assert [d["type"] for d in tcp_register.journal].count(int(DocumentType.RECEIPT)) == 1
    printed = [r for r in list_receipts(demo_db, customer_id=customer_id) if r.fd_number is not None]
    assert len(printed) == 2


def test_orders_page_shows_a_bank_booking(qtbot, window, tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[2] / "services"))
    from bank_statements import Doc, statement

    company = next(r for r in order_service.list_orders(window.db)
                   if r.customer_kind.value == "company" and r.status.is_open and r.paid == 0 and r.customer_inn)
    day = dt.date(2026, 3, 10)
    doc = Doc("901", company.total, company.customer_name, f"Оплата по счету № {company.number} за сантехнику",
              payer_account="40702810300000055555", payer_inn=company.customer_inn, date=day)
    path = tmp_path / "kl_to_1c.txt"
    path.write_bytes(statement(doc, day=day))
    bank = window.bank_page
    with qtbot.waitSignal(bank.imported, timeout=10_000) as got:
        bank.import_file(str(path))
    assert [line.status.value for line in got.args[0].lines] == ["allocated"]
    qtbot.waitUntil(lambda: shown_row(window, company.id).paid == company.total, timeout=10_000)
    assert shown_row(window, company.id).due == 0
