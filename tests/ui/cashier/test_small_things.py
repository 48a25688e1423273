"""Small things that cost a cashier time (issue 13, item 8)."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from omnidesk.core.enums import PaymentKind
from omnidesk.core.errors import OmniDeskError
from omnidesk.services import cashier as data
from omnidesk.services import orders as order_service
from omnidesk.ui.cashier.money_dialogs import CashDialog, RefundAdvanceDialog
from omnidesk.ui.cashier.payment_dialog import PaymentDialog

from .test_cashier_page import pay, two_unpaid_orders


def test_money_goes_back_the_way_it_came(qtbot, window):
    card_payer = next(r.customer_id for r in order_service.list_orders(window.db) if r.paid)
    view = data.load_customer(window.db, card_payer)
    assert view.paid_by is not None
    dialog = RefundAdvanceDialog(100_000, paid_by=PaymentKind.CARD)
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() is PaymentKind.CARD
    sbp = RefundAdvanceDialog(100_000, paid_by=PaymentKind.SBP)
    qtbot.addWidget(sbp)
    assert sbp.kind.currentData() is PaymentKind.CARD  # an SBP payment goes back electronically


def test_the_payment_confirmation_formats_the_amount(qtbot, window, answers, settle):
    customer_id, (order, _other) = two_unpaid_orders(window.db)
    page = window.cashier_page
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        page.load_customer(customer_id)
    answers.fill = lambda dialog: pay(dialog, "70000", [order.number]) or True
    answers.confirm = False
    page.payment()
    heading = answers.confirmed[0][0]
    assert "70\u00a0000,00\u00a0₽" in heading and "70000" not in heading


def test_digits_typed_into_the_cash_in_dialog_land_in_the_amount(qtbot):
    dialog = CashDialog(cash_in=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    assert dialog.focusWidget() is dialog.amount
    qtbot.keyClicks(dialog.focusWidget(), "1500")
    assert dialog.amount.value == 150_000 and dialog.ok.isEnabled()


def test_the_progress_bar_is_gone_when_a_failed_print_is_reported(qtbot, window):
    queue, register = window.fiscal, window.cashier_page.register
    seen = []

    def fail(_journal):
        time.sleep(0.8)  # long enough for the progress bar to show
        raise OmniDeskError("ККТ: нет бумаги")

    queue.run("Печать чеков: 2…", fail, on_error=lambda _exc: seen.append(
        (queue.is_busy(), register.progress.isVisibleTo(register))))
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen == [(False, False)]  # the error dialog (modal) is not shown over a running progress bar


def test_an_absurd_payment_is_refused_and_previews_nothing(qtbot, window):
    customer_id, _orders = two_unpaid_orders(window.db)
    view = data.load_customer(window.db, customer_id)
    dialog = PaymentDialog(view, max_amount=window.context.settings.max_payment())
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(PaymentKind.CARD))
    dialog.amount.setText("99999999999")
    assert not dialog.ok.isEnabled() and "cashier.max_payment" in dialog.error.text()
    assert dialog.receipts.text() == ""
    dialog.amount.setText("12500")
    assert dialog.ok.isEnabled() and dialog.receipts.text()


def test_orders_page_esc_double_click_context_menu_export_and_shortcuts_shown(qtbot, window, tmp_path):
    page = window.orders_page
    window.show_page("orders")
    page.search.setText("Петр")
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    assert {a.text() for a in page.table.actions()} >= {"Open at the cashier (Enter)", "Save the list to Excel…"}
    page.table.selectRow(0)
    row = page.selected_row()
    with qtbot.waitSignal(window.cashier_page.customer_loaded, timeout=10_000):
        page.table.doubleClicked.emit(page.table.currentIndex())
    assert window.stack.currentWidget() is window.cashier_page
    assert window.cashier_page.customer_id == row.customer_id
    assert window.cashier_page.customer.selected_order().number == row.number
    path = tmp_path / "orders.xlsx"
    page.save_list(str(path))
    window.runner.wait()
    qtbot.waitUntil(path.exists, timeout=10_000)
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    assert sheet.max_row == 3 + page.model.rowCount()
    assert all(f"Ctrl+{n}" in window.navigation.item(n - 1).text() for n in range(1, len(window.pages) + 1))
