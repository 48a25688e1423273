"""The register on the Cashier page: a device error shown as a message, shifts, keyboard, driver handover."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fiscal_drivers.emulator import Emulator
from omnidesk.core.enums import PaymentKind, ReceiptStatus
from omnidesk.integrations.fiscal import RegisterConnection
from omnidesk.services import ledger
from omnidesk.services import orders as order_service
from omnidesk.services.fiscal import FiscalJournal
from omnidesk.services.receipts import list_receipts
from omnidesk.ui.cashier.correction_dialog import CorrectionDialog
from omnidesk.ui.cashier.delivery_dialog import DeliveryDialog
from omnidesk.ui.cashier.payment_dialog import PaymentDialog

from .conftest import CASHIER, open_window


def first_order_of_an_individual(db):
    return next(r for r in order_service.list_orders(db) if r.customer_kind.value == "individual" and r.status.is_open
                and r.paid == 0)


@pytest.fixture
def paper_out(tmp_path):
    with Emulator(journal=str(tmp_path / "fn.jsonl"), state=str(tmp_path / "kkt.json"), paper_out=True) as emu:
        yield emu


def test_a_device_error_is_a_message_and_nothing_is_marked_printed(qtbot, demo_db, paper_out, answers, settle):
    window = open_window(qtbot, demo_db, lambda ctx: FiscalJournal(ctx.db, lambda: RegisterConnection(paper_out.url), CASHIER))
    settle(window)
    assert "нет бумаги" in window.cashier_page.register.warnings.text()
    assert "color:#b3261e" in window.status.fiscal.styleSheet()
    order = first_order_of_an_individual(demo_db)
    result = ledger.register_payment(demo_db, CASHIER, customer_id=order.customer_id, kind=PaymentKind.CARD,
                                     amount=order.total, allocations=[ledger.AllocationRequest(order.number)])
    page = window.cashier_page
    paper_out.device.paper_out = False
    page.register.open_shift()  # confirmed by the fixture's answers
    settle(window)
    assert page.register.state.shift_open
    paper_out.device.paper_out = True  # the roll runs out
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        page.load_customer(order.customer_id)
    qtbot.keyClick(page, Qt.Key.Key_F9)
    settle(window)
    qtbot.waitUntil(lambda: bool(answers.errors), timeout=10_000)
    assert "бумаг" in answers.errors[0]
    [receipt] = list_receipts(demo_db, customer_id=order.customer_id)
    assert receipt.id == result.receipts[0].id
    assert receipt.status is not ReceiptStatus.PRINTED and receipt.fd_number is None
    settle(window)
    assert page.customer.owed(), "the receipt is still owed"
    register = page.register
    qtbot.waitUntil(lambda: bool(register.journal_model.rows()), timeout=10_000)
    [failed] = register.journal_model.rows()
    assert failed.status is ReceiptStatus.FAILED and "бумаг" in failed.error
    register.journal.selectRow(0)
    assert register.retry_button.isEnabled()
    paper_out.device.paper_out = False  # the cashier puts a new roll in
    register.retry_button.click()
    settle(window)
    qtbot.waitUntil(lambda: register.journal_model.rows()[0].status is ReceiptStatus.PRINTED, timeout=10_000)
    assert list_receipts(demo_db, customer_id=order.customer_id)[0].fd_number
    window.close()


def test_shortcuts_reach_every_frequent_action(qtbot, window, answers, settle):
    page = window.cashier_page
    order = first_order_of_an_individual(window.db)
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search.edit or page.search.edit.hasFocus()
    qtbot.keyClicks(page.search.edit, order.number)
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        qtbot.keyClick(page.search.edit, Qt.Key.Key_Return)
    settle(window)
    qtbot.keyClick(page, Qt.Key.Key_F2)
    qtbot.keyClick(page, Qt.Key.Key_F3)
    qtbot.keyClick(page, Qt.Key.Key_F7)
    settle(window)
    kinds = [type(d).__name__ for d in answers.dialogs]  # F3 and F7 read the order first, in either order
    assert sorted(kinds) == sorted(c.__name__ for c in (PaymentDialog, DeliveryDialog, CorrectionDialog))
    qtbot.keyClick(page, Qt.Key.Key_F9)
    assert "no receipt is owed" in page.message.text()
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "Select a receipt" in page.message.text()
    for action in page.actions.values():
        assert f"({action.shortcut().toString()})" in action.text()


def test_search_results_are_reached_with_the_arrow_keys(qtbot, window):
    page = window.cashier_page
    rows = order_service.list_orders(window.db)
    name = rows[0].customer_name.split()[0]
    page.search.edit.setFocus()
    page.search.edit.setText(name)  # QTest types ASCII only; the phone and numbers are typed in other tests
    assert page.search.proxy.rowCount() >= 1
    qtbot.keyClick(page.search.edit, Qt.Key.Key_Down)
    assert page.search.results.hasFocus() or QApplication.focusWidget() is page.search.results
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        qtbot.keyClick(page.search.results, Qt.Key.Key_Return)
    assert name in page.customer.view.card.customer.name


def test_the_driver_handover_shows_cash_collected_at_the_door(qtbot, window, answers, settle):
    order = first_order_of_an_individual(window.db)
    page = window.cashier_page
    drivers = page.handover  # noqa: F841
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        page.load_customer(order.customer_id)
    page.customer.select_order(order.number)

    def fill(dialog):
        dialog.driver.setCurrentIndex(1)
        return dialog.ok.isEnabled()

    answers.fill, answers.confirm = fill, False
    page.delivery()
    settle(window)
    page.handover.day.setDate(dt.date.today())
    page.handover.reload()
    settle(window)
    rows = page.handover.model.rows()
    assert len(rows) == 1 and rows[0].cash == order.total and rows[0].driver
    assert rows[0].difference == order.total  # collected at the door, nothing handed in yet
    assert "Cash handed in: " in page.handover.totals.text()

    def count(dialog):  # the cashier counts 100 ₽ less than the driver collected
        counted = order.total - 10000
        dialog.cash.setText(f"{counted // 100},{counted % 100:02d}")
        return dialog.ok.isEnabled()

    answers.fill = count
    page.handover.table.selectRow(0)
    page.handover.receive()
    settle(window)
    [row] = page.handover.model.rows()
    assert (row.handed_cash, row.difference) == (order.total - 10000, 10000)
    assert answers.errors == []


def test_opening_a_shift_and_the_z_report_ask_first(qtbot, window, answers, settle):
    register = window.cashier_page.register
    settle(window)
    answers.confirm = False
    register.z_report()
    settle(window)
    assert answers.confirmed[-1][0].startswith("The register will close shift")
    was_open = register.state.shift_open
    answers.confirm = True
    (register.z_report if was_open else register.open_shift)()
    settle(window)
    assert register.state.shift_open is not was_open
